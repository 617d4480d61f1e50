// Measures what a first visit downloads: the site's root (which sends the reader on),
// the overview's baked page, the scripts, WebAssembly, stylesheet and the dataset, raw
// and brotli-compressed (as a static host would serve them).
// Usage: node scripts/size.mjs [DIST]   (after a release build)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

/** [{ file, raw, brotli }] for the first view's files, and their total. */
export function firstViewSize(dist = "dist") {
  const files = [
    "index.html",
    "en/index.html",
    // Every script, wasm and stylesheet at the root but the host script, which only
    // host pages load.
    ...readdirSync(dist).filter((f) => /\.(js|wasm|css)$/.test(f) && f !== "embed.js"),
    "data/dataset.json",
  ];
  const rows = files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { file, raw: bytes.length, brotli };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });
  return { rows, total };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, total } = firstViewSize(process.argv[2] ?? "dist");
  for (const r of [...rows, { file: "total", ...total }]) {
    console.log(`${r.file.padEnd(40)} ${String(r.raw).padStart(8)} B raw ${String(r.brotli).padStart(8)} B brotli`);
  }
}
