// Measures what a first visit to a page downloads, raw, gzip- and brotli-compressed
// (GitHub Pages serves gzip; hosts that serve the build's precompressed copies send
// brotli): the page, its stylesheet, icon and scripts, and, where the page has an island
// (`<meta name="island">`: Explore), the island's module, wasm and index. No page
// starts the app (its controls work without it: src/boot.js), so a first visit fetches
// none of it; e2e/size.test.mjs checks the same in a browser.
// The wasm chunks of the views (tools/split-wasm, listed in split-wasm.json) are also
// reported apart, as what the app's start on a page of each adds.
// Usage: node scripts/size.mjs [DIST]   (after a release build; scripts/bench.sh reports it too)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The pages whose first visit is measured: the overview, a page of each kind, Explore. */
export function measuredPages(dist = "dist") {
  const pages = JSON.parse(readFileSync(join(dist, "pages.json"), "utf8"));
  const first = (prefix) => pages.find((p) => p.startsWith(prefix) && p !== prefix);
  return {
    reading: ["en/", first("en/items/"), first("zh/charts/"), first("en/countries/"), "en/read/", "zh/argument/", "en/map/", "both/read/"],
    explore: ["en/explore/"],
  };
}

/** The build's split of the wasm: `{ loader, chunks, splits: { name: [file] } }`. */
export function splitManifest(dist = "dist") {
  const file = join(dist, "split-wasm.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { chunks: [], splits: {} };
}

/** The files, from the site's root, that a first visit to `page` (`en/`) downloads. */
export function visitFiles(dist, page) {
  const html = readFileSync(join(dist, page, "index.html"), "utf8");
  const fromRoot = (address) => normalize(join(page, address)).replace(/\\/g, "/");
  const attribute = (pattern) => [...html.matchAll(pattern)].map((m) => fromRoot(m[1]));
  const files = [
    `${page}index.html`,
    ...attribute(/<link rel="(?:stylesheet|icon)"[^>]*? href="([^"]+)"/g),
    ...attribute(/<script[^>]*? src="([^"]+)"/g),
  ];
  const island = html.match(/<meta name="island"[^>]*>/)?.[0];
  if (island) {
    for (const name of ["module", "wasm", "index"]) {
      files.push(fromRoot(island.match(new RegExp(`data-${name}="([^"]+)"`))[1]));
    }
  }
  return [...new Set(files)];
}

/** [{ file, raw, gzip, brotli }] for a first visit to `page`, and their total. */
export function visitSize(dist = "dist", page = "en/") {
  return measure(dist, visitFiles(dist, page));
}

/** Per split point (a group of views): the chunk files its first visit adds. */
export function chunkSizes(dist = "dist") {
  const { splits } = splitManifest(dist);
  return Object.fromEntries(Object.entries(splits).map(([name, files]) => [name, measure(dist, files)]));
}

function measure(dist, files) {
  const rows = files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    // The same settings as the build's copies (scripts/compress.mjs).
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { file, raw: bytes.length, gzip, brotli };
  });
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? "dist";
  const cell = (n) => String(n).padStart(9);
  const line = (name, t) => console.log(`${name.padEnd(40)}${cell(t.raw)}${cell(t.gzip)}${cell(t.brotli)}`);
  console.log(`${"file".padEnd(40)}${cell("raw B")}${cell("gzip B")}${cell("brotli B")}`);
  console.log("what the app's start on a view of each chunk adds (src/chunks.rs)");
  for (const [name, { rows, total }] of Object.entries(chunkSizes(dist))) line(`${name} (${rows.length} files)`, total);
  const { reading, explore } = measuredPages(dist);
  console.log("\na first visit, per page (everything it downloads)");
  for (const page of [...reading, ...explore]) line(page, visitSize(dist, page).total);
  console.log("\nthe first visit to en/explore/");
  const { rows, total } = visitSize(dist, explore[0]);
  for (const r of [...rows, { file: "total", ...total }]) line(r.file, r);
}
