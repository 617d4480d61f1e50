// Minifies every script and stylesheet of a built site in place, with esbuild: the
// wasm's JavaScript (wasm-bindgen's and the chunks' loader), `boot.js`, `early.js`,
// `root.js`, `embed.js`, the service worker and the stylesheet. The repository keeps them
// readable; readers download about 5 KB less brotli on a first visit (`node
// scripts/size.mjs`). Trunk's post-build hook runs it after the bake, which writes the
// service worker, and before the compressed copies are made.
//
// Names at a script's top level stay as they are (esbuild renames those only when told
// the script is a module); whitespace, comments and local names make the saving.
// Usage: node scripts/minify.mjs DIR   (default: $TRUNK_STAGING_DIR, else dist)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";

const LOADERS = { ".js": "js", ".mjs": "js", ".css": "css" };

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (LOADERS[extname(entry.name)]) yield path;
  }
}

export function minifySite(dir) {
  let before = 0;
  let after = 0;
  for (const path of files(dir)) {
    const source = readFileSync(path, "utf8");
    // No target: nothing is rewritten for older browsers, only shortened.
    const { code } = transformSync(source, { loader: LOADERS[extname(path)], minify: true, sourcefile: path });
    writeFileSync(path, code);
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(code);
  }
  return { before, after };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";
  const { before, after } = minifySite(dir);
  console.log(`minify: scripts and stylesheets ${before} → ${after} bytes`);
}
