// Writes compressed copies beside every text file, the wasm and the data of a built
// site: `name.br` (brotli, highest quality) and `name.gz` (gzip, level 9), for hosts
// that serve precompressed files (nginx `gzip_static`/`brotli_static`, Caddy
// `precompressed`, S3 behind a CDN, `scripts/static-server.mjs`). A copy that would not
// be smaller is not written. Trunk's post-build hook runs it after the bake.
// Usage: node scripts/compress.mjs DIR   (default: $TRUNK_STAGING_DIR, else dist)
import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync, existsSync } from "node:fs";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".txt", ".xml", ".csv", ".webmanifest"]);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(entry.name))) yield path;
  }
}

export function compressSite(dir) {
  let count = 0;
  for (const path of files(dir)) {
    const raw = readFileSync(path);
    const text = extname(path) !== ".wasm";
    const copies = {
      br: brotliCompressSync(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gz: gzipSync(raw, { level: 9 }),
    };
    for (const [suffix, bytes] of Object.entries(copies)) {
      const target = `${path}.${suffix}`;
      if (bytes.length < raw.length) {
        writeFileSync(target, bytes);
        count += 1;
      } else if (existsSync(target)) {
        unlinkSync(target); // a stale copy of an earlier build must not be served
      }
    }
  }
  return count;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  const count = compressSite(dir);
  console.log(`compressed copies written: ${count}`);
}
