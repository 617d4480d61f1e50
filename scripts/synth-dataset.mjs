// Writes a synthetic dataset of N items (default 10,000) made from the real one, to see
// how search and Explore scale: every real item is kept, then copied round after round
// until there are N. A copy gets a new id, its own copies of its figures and of the
// argument links between items of the same round, so every reference stays valid under
// the rules of src/data/validate.rs. Its title and text get words drawn from the whole
// dataset, so a query matches a different set of copies than of originals and search
// has real work. Deterministic: the same input gives the same file.
// Usage: node scripts/synth-dataset.mjs [IN] [OUT] [--items N]
//        (defaults: data/dataset.json, target/synthetic-dataset.json)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";

/** A small seeded generator (mulberry32), so every run writes the same dataset. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ids are at most 64 letters, digits and '-' (validate.rs): shorten the base, keep the suffix. */
const copyId = (id, round) => {
  const suffix = `-s${round}`;
  return id.slice(0, 64 - suffix.length) + suffix;
};

export function synthesize(real, count = 10_000) {
  const next = random(12);
  const pick = (list) => list[Math.floor(next() * list.length)];
  // Words to vary texts with: English words of four letters or more, Chinese runs of
  // two characters, both taken from the items themselves.
  const en = [...new Set(real.items.flatMap((i) => `${i.title.en} ${i.text.en}`.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
  const zh = [...new Set(real.items.flatMap((i) => `${i.title.zh}${i.text.zh}`.match(/[\u4e00-\u9fff]{2}/g) ?? []))];
  const vary = (text, round) => ({
    zh: `${text.zh}（第${round}例：${Array.from({ length: 3 }, () => pick(zh)).join("、")}）`,
    en: `${text.en} (variant ${round}: ${Array.from({ length: 3 }, () => pick(en)).join(", ")})`,
  });

  const items = [...real.items];
  const figures = [...real.figures];
  const links = [...real.links];
  const figuresById = new Map(real.figures.map((f) => [f.id, f]));
  const taken = new Set(items.map((i) => i.id));
  const figureIds = new Set(figures.map((f) => f.id));
  for (let round = 1; items.length < count; round++) {
    const copies = new Map(); // real item id → its copy's id in this round
    for (const item of real.items) {
      if (items.length >= count) break;
      const id = copyId(item.id, round);
      if (taken.has(id)) throw new Error(`synthetic id ${id} is taken; shorten the real ids`);
      taken.add(id);
      copies.set(item.id, id);
      // Each figure belongs to exactly one item, which lists it: the copy gets copies.
      const ownFigures = item.figures?.map((fid) => {
        const figure = { ...figuresById.get(fid), id: copyId(fid, round), item: id };
        if (figureIds.has(figure.id)) throw new Error(`synthetic figure id ${figure.id} is taken`);
        figureIds.add(figure.id);
        figures.push(figure);
        return figure.id;
      });
      items.push({
        ...item,
        id,
        title: vary(item.title, round),
        text: vary(item.text, round),
        ...(ownFigures ? { figures: ownFigures } : {}),
      });
    }
    // Links between two items copied in this round, as between their originals.
    for (const link of real.links) {
      if (copies.has(link.from) && copies.has(link.to)) {
        links.push({ ...link, from: copies.get(link.from), to: copies.get(link.to) });
      }
    }
  }
  return {
    ...real,
    meta: { ...real.meta, dataset_version: `${real.meta.dataset_version}-synthetic-${count}` },
    items,
    figures,
    links,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--items");
  const count = at >= 0 ? Number(args[at + 1]) : 10_000;
  const [input = "data/dataset.json", output = "target/synthetic-dataset.json"] = args.filter(
    (a, i) => !a.startsWith("--") && args[i - 1] !== "--items",
  );
  const data = synthesize(JSON.parse(readFileSync(input, "utf8")), count);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, JSON.stringify(data));
  console.log(`${output}: ${data.items.length} items, ${data.figures.length} figures, ${data.links.length} links`);
}
