// Measures what a first visit downloads: the site's root (which sends the reader on),
// the overview's baked page, the scripts, WebAssembly, stylesheet and the data the
// overview starts from (the dataset's core), raw,
// gzip- and brotli-compressed (GitHub Pages serves gzip; hosts that serve the build's
// precompressed copies send brotli).
// The wasm chunks of the other views (tools/split-wasm, listed in split-wasm.json) are
// not part of it: they are reported apart, as what the first visit to one of those views
// adds.
// Usage: node scripts/size.mjs [DIST]   (after a release build; scripts/bench.sh reports it too)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The build's split of the wasm: `{ loader, chunks, splits: { name: [file] } }`. */
export function splitManifest(dist = "dist") {
  const file = join(dist, "split-wasm.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { chunks: [], splits: {} };
}

/** [{ file, raw, gzip, brotli }] for the first view's files, and their total. */
export function firstViewSize(dist = "dist") {
  const chunks = new Set(splitManifest(dist).chunks);
  return measure(dist, [
    "index.html",
    "en/index.html",
    // Every script, wasm and stylesheet at the root but the host script, which only
    // host pages load, and the other views' chunks.
    ...readdirSync(dist).filter((f) => /\.(js|wasm|css)$/.test(f) && f !== "embed.js" && !chunks.has(f)),
    // The data the overview starts from (the dataset's core, src/chunks.rs).
    ...preloadedData(dist, "en/index.html"),
  ]);
}

/** The data files a baked page has its loader preload (`app-preload` tags), from the root. */
export function preloadedData(dist, page) {
  const html = readFileSync(join(dist, page), "utf8");
  return [...html.matchAll(/<meta name="app-preload" content="(?:\.\.\/)*(data\/[^"]+)">/g)].map((m) => m[1]);
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
  const { rows, total } = firstViewSize(process.argv[2] ?? "dist");
  const cell = (n) => String(n).padStart(9);
  console.log(`${"file".padEnd(40)}${cell("raw B")}${cell("gzip B")}${cell("brotli B")}`);
  // The chunks first, so that the first visit's total stays the last line.
  console.log("what the first visit to a view of each chunk adds (src/chunks.rs)");
  for (const [name, { rows, total }] of Object.entries(chunkSizes(process.argv[2] ?? "dist"))) {
    console.log(`${`${name} (${rows.length} files)`.padEnd(40)}${cell(total.raw)}${cell(total.gzip)}${cell(total.brotli)}`);
  }
  console.log("\nthe first visit");
  for (const r of [...rows, { file: "total", ...total }]) {
    console.log(`${r.file.padEnd(40)}${cell(r.raw)}${cell(r.gzip)}${cell(r.brotli)}`);
  }
}
