// A plain static file server, like any static host: no rewrites; a folder's address
// without its final slash is redirected to it, and an unknown address gets the site's
// 404.html with status 404 (as GitHub Pages, Netlify and Cloudflare Pages do). Like
// GitHub Pages it allows any origin to read its files (CORS), which frames sandboxed
// without allow-same-origin need. It serves the build's precompressed copies (`.br`,
// then `.gz`) to clients that accept them (weighing their q-values), with
// `Vary: Accept-Encoding`, and caches files whose names carry a content hash for a year
// (`immutable`), everything else (pages, the data, unhashed scripts) only after
// revalidation, which an `ETag` or `Last-Modified` makes a bodiless 304. It also sends
// the headers the build's `_headers` file names (the Netlify and Cloudflare Pages
// format), as those hosts do: the Content-Security-Policy.
// Usage: node scripts/static-server.mjs DIR [PORT] [BASE] [--gzip]
// `--gzip` instead compresses on the fly with gzip only, as GitHub Pages does.
// BASE (default "/") mounts DIR under a subpath, to check subpath hosting.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from "node:path";
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
 * The content codings a client's `Accept-Encoding` allows among `offered`, best first:
 * by the client's q-value, then in the order offered. A coding with `q=0` is refused,
 * and `*` stands for any coding not named.
 */
function acceptedEncodings(header = "", offered = ["br", "gzip"]) {
  const weights = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim().match(/^q=([0-9.]+)$/)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (coding) => weights.get(coding) ?? weights.get("*") ?? 0;
  return offered.filter((coding) => weight(coding) > 0).sort((a, b) => weight(b) - weight(a));
}

/** Whether a conditional request's validators match the file sent: then 304. As HTTP
 * asks, `If-None-Match` (weak comparison) wins over `If-Modified-Since`. */
function unchanged(req, etag, modified) {
  const match = req.headers["if-none-match"];
  if (match !== undefined) {
    return match.trim() === "*" || match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
  }
  const since = Date.parse(req.headers["if-modified-since"] ?? "");
  return !Number.isNaN(since) && Math.floor(modified / 1000) * 1000 <= since;
}

/**
 * The rules of a `_headers` file (Netlify and Cloudflare Pages): a path on its own line
 * (`/*` at its end matches everything below), then its headers indented, `Name: value`.
 */
async function headerRules(root) {
  const text = await readFile(join(root, "_headers"), "utf8").catch(() => "");
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const colon = line.indexOf(":");
    if (rules.length && colon > 0) rules.at(-1).headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return (path) =>
    Object.assign(
      {},
      ...rules
        .filter((rule) => (rule.path.endsWith("*") ? path.startsWith(rule.path.slice(0, -1)) : rule.path === path))
        .map((rule) => rule.headers),
    );
}

/**
 * Starts a server for `dir` under `base`; resolves to the running http.Server. With
 * `gzip`, text and wasm go out gzip-compressed to clients that accept it, as GitHub
 * Pages serves them.
 */
export async function serve(dir, port = 0, base = "/", { gzip = false } = {}) {
  const root = resolve(dir);
  const rulesFor = await headerRules(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { "content-type": "text/plain" }).end("bad address");
      return;
    }
    // Unknown addresses: the site's 404 page (outside the site's folder, plain text), and
    // since a later release may fill the address, never cached without asking.
    const notFound = async (extra = {}, ours = true) => {
      const page = ours ? await readFile(join(root, "404.html")).catch(() => null) : null;
      const body = page ?? Buffer.from("not found");
      res.writeHead(404, {
        "content-type": page ? TYPES[".html"] : "text/plain",
        "content-length": body.length,
        "cache-control": "no-cache",
        ...extra,
      });
      res.end(body);
    };
    if (!path.startsWith(base)) {
      await notFound({}, false);
      return;
    }
    const below = `/${path.slice(base.length)}`;
    path = normalize(path.slice(base.length));
    let file = join(root, path);
    // Inside the root only: `..` may not climb out of it, not even into a sibling
    // folder whose name begins like the root's (`dist` and `distsecret`).
    const inside = relative(root, file);
    if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      res.writeHead(403, { "content-type": "text/plain", "cache-control": "no-cache" }).end("forbidden");
      return;
    }
    const extra = rulesFor(below);
    try {
      if ((await stat(file)).isDirectory()) {
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, "index.html");
      }
      const compressible = COMPRESSIBLE.has(extname(file));
      // The file that goes out: the original, or the precompressed copy the client
      // accepts first.
      let sent = file;
      let encoding;
      if (compressible && !gzip) {
        for (const coding of acceptedEncodings(req.headers["accept-encoding"])) {
          const copy = `${file}${coding === "br" ? ".br" : ".gz"}`;
          if (await stat(copy).then((s) => s.isFile(), () => false)) {
            sent = copy;
            encoding = coding;
            break;
          }
        }
      } else if (compressible && acceptedEncodings(req.headers["accept-encoding"], ["gzip"]).length) {
        encoding = "gzip";
      }
      const info = await stat(sent);
      // Each encoding of a file is another representation, with a tag of its own.
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ""}"`;
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
        "cache-control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
        etag,
        "last-modified": info.mtime.toUTCString(),
        ...(compressible ? { vary: "Accept-Encoding" } : {}),
        ...extra,
      };
      if (unchanged(req, etag, info.mtimeMs)) {
        delete headers["content-type"];
        res.writeHead(304, headers).end();
        return;
      }
      let body = await readFile(sent);
      if (encoding && sent === file) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        body = gzipped.get(file);
      }
      if (encoding) headers["content-encoding"] = encoding;
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      await notFound(extra);
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
