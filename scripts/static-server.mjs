// A plain static file server, like any static host: no rewrites; a folder's address
// without its final slash is redirected to it, and an unknown address gets the site's
// 404.html with status 404 (as GitHub Pages, Netlify and Cloudflare Pages do). Like
// GitHub Pages it allows any origin to read its files (CORS), which frames sandboxed
// without allow-same-origin need. It serves the build's precompressed copies (`.br`,
// then `.gz`) to clients that accept them, with `Vary: Accept-Encoding`, and caches
// files whose names carry a content hash for a year (`immutable`), everything else
// (pages, the data, unhashed scripts) only after revalidation.
// Usage: node scripts/static-server.mjs DIR [PORT] [BASE] [--gzip]
// `--gzip` instead compresses on the fly with gzip only, as GitHub Pages does.
// BASE (default "/") mounts DIR under a subpath, to check subpath hosting.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".csv": "text/csv; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".txt", ".xml", ".csv"]);
/** A file name with Trunk's or the bake's content hash (`main-8c391f0d78967c8b.css`).
 * Trunk writes its 64-bit hash without leading zeros, so it can be shorter than 16. */
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;
const gzipped = new Map();

/**
 * Starts a server for `dir` under `base`; resolves to the running http.Server. With
 * `gzip`, text and wasm go out gzip-compressed to clients that accept it, as GitHub
 * Pages serves them.
 */
export function serve(dir, port = 0, base = "/", { gzip = false } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { "content-type": "text/plain" }).end("bad address");
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    path = normalize(path.slice(base.length));
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, "index.html");
      }
      let body = await readFile(file);
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
        "cache-control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
      };
      const accepts = req.headers["accept-encoding"] ?? "";
      if (COMPRESSIBLE.has(extname(file))) headers.vary = "Accept-Encoding";
      if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(accepts)) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        body = gzipped.get(file);
        headers["content-encoding"] = "gzip";
      } else if (!gzip && COMPRESSIBLE.has(extname(file))) {
        for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
          if (!new RegExp(`\\b${encoding}\\b`).test(accepts)) continue;
          const copy = await readFile(file + suffix).catch(() => null);
          if (copy) {
            body = copy;
            headers["content-encoding"] = encoding;
            break;
          }
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      try {
        const page = await readFile(join(root, "404.html"));
        res.writeHead(404, { "content-type": TYPES[".html"] }).end(page);
      } catch {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const [dir = "dist", port = "8080", base = "/"] = args.filter((a) => !a.startsWith("--"));
  const server = await serve(dir, Number(port), base, { gzip: args.includes("--gzip") });
  console.log(`Serving ${dir} at http://127.0.0.1:${server.address().port}${base}`);
}
