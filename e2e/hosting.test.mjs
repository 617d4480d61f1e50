// Hosting: the build holds brotli and gzip copies of every text file, the wasm and the
// data, and the plain static server sends them with the right type, encoding, Vary and
// caching, as the README asks of any host.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { serve } from "../scripts/static-server.mjs";
import { appWasm } from "./harness.mjs";

let server;
let origin;
before(async () => {
  server = await serve("dist", 0, "/");
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((ok) => server.close(ok)));

/** A raw GET: headers and body bytes, nothing decoded. `headers` are sent as they are. */
const get = (path, acceptEncoding, headers = {}, at = origin) =>
  new Promise((ok, fail) => {
    const sent = { ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}), ...headers };
    const req = request(`${at}${path}`, { headers: sent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });

const wasm = appWasm();
const css = readdirSync("dist").find((f) => f.endsWith(".css"));

describe("compressed copies", () => {
  it("sit beside every page, script, stylesheet, the wasm and the data, and decompress to the original", () => {
    for (const file of ["en/index.html", "zh/read/index.html", "404.html", wasm, css, "early.js", "data/dataset.json", "data/explore.json", "data/items-en.csv"]) {
      const raw = readFileSync(`dist/${file}`);
      assert.ok(existsSync(`dist/${file}.br`) && existsSync(`dist/${file}.gz`), file);
      assert.deepEqual(brotliDecompressSync(readFileSync(`dist/${file}.br`)), raw, `${file}.br`);
      assert.deepEqual(gunzipSync(readFileSync(`dist/${file}.gz`)), raw, `${file}.gz`);
      assert.ok(readFileSync(`dist/${file}.br`).length < raw.length);
    }
  });
});

describe("the static server", () => {
  it("sends brotli, else gzip, else the file itself, with its type and Vary", async () => {
    for (const [path, type] of [["/en/", "text/html; charset=utf-8"], [`/${wasm}`, "application/wasm"], ["/data/dataset.json", "application/json; charset=utf-8"]]) {
      const file = path.endsWith("/") ? `dist${path}index.html` : `dist${path}`;
      const raw = readFileSync(file);
      const br = await get(path, "gzip, deflate, br");
      assert.equal(br.headers["content-encoding"], "br", path);
      assert.equal(br.headers["content-type"], type);
      assert.equal(br.headers.vary, "Accept-Encoding");
      assert.deepEqual(brotliDecompressSync(br.body), raw);
      const gz = await get(path, "gzip");
      assert.equal(gz.headers["content-encoding"], "gzip", path);
      assert.deepEqual(gunzipSync(gz.body), raw);
      const plain = await get(path);
      assert.equal(plain.headers["content-encoding"], undefined, path);
      assert.deepEqual(plain.body, raw);
    }
  });

  it("honours an encoding the client refuses with q=0, and prefers what it weighs higher", async () => {
    const raw = readFileSync("dist/en/index.html");
    const refused = await get("/en/", "gzip, deflate, br;q=0");
    assert.equal(refused.headers["content-encoding"], "gzip");
    assert.deepEqual(gunzipSync(refused.body), raw);
    const none = await get("/en/", "br;q=0, gzip;q=0");
    assert.equal(none.headers["content-encoding"], undefined);
    assert.deepEqual(none.body, raw);
    const preferred = await get("/en/", "br;q=0.5, gzip;q=1");
    assert.equal(preferred.headers["content-encoding"], "gzip");
    const star = await get("/en/", "*");
    assert.equal(star.headers["content-encoding"], "br");
    assert.deepEqual(brotliDecompressSync(star.body), raw);
  });

  it("sends Content-Length, ETag and Last-Modified, and answers a revalidation with 304", async () => {
    for (const [path, encoding] of [["/en/", "br"], ["/en/", "gzip"], ["/en/", undefined], ["/data/dataset.json", "br"]]) {
      const first = await get(path, encoding);
      assert.equal(Number(first.headers["content-length"]), first.body.length, path);
      const etag = first.headers.etag;
      assert.ok(etag, `${path} has an ETag`);
      assert.ok(!Number.isNaN(Date.parse(first.headers["last-modified"])), path);
      const again = await get(path, encoding, { "if-none-match": etag });
      assert.equal(again.status, 304, `${path} ${encoding}`);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers["cache-control"], "no-cache");
      // Another encoding is another representation: it has its own tag.
      const other = await get(path, encoding === "br" ? "gzip" : "br", { "if-none-match": etag });
      assert.equal(other.status, 200, `${path} in another encoding`);
      const since = await get(path, encoding, { "if-modified-since": first.headers["last-modified"] });
      assert.equal(since.status, 304, path);
      const older = await get(path, encoding, { "if-modified-since": new Date(Date.parse(first.headers["last-modified"]) - 1000).toUTCString() });
      assert.equal(older.status, 200, path);
      assert.equal((await get(path, encoding, { "if-none-match": "\"something-else\"" })).status, 200, path);
    }
  });

  it("sends an unknown address the 404 page, not to be cached", async () => {
    const missing = await get("/en/nowhere/", "br");
    assert.equal(missing.status, 404);
    assert.equal(missing.headers["cache-control"], "no-cache");
    assert.equal(Number(missing.headers["content-length"]), missing.body.length);
    assert.match(missing.body.toString(), /Page not found/);
  });

  it("never serves a file outside its folder, not even from a sibling folder named like it", async () => {
    const parent = mkdtempSync(join(tmpdir(), "cca-hosting-"));
    mkdirSync(join(parent, "dist"));
    mkdirSync(join(parent, "distsecret"));
    writeFileSync(join(parent, "dist", "index.html"), "<title>site</title>");
    writeFileSync(join(parent, "distsecret", "x"), "secret");
    writeFileSync(join(parent, "secret"), "secret");
    const jail = await serve(join(parent, "dist"), 0, "/");
    const at = `http://127.0.0.1:${jail.address().port}`;
    try {
      assert.equal((await get("/", undefined, {}, at)).status, 200);
      for (const path of ["/..%2fdistsecret/x", "/..%2Fdistsecret%2Fx", "/%2e%2e%2fdistsecret/x", "/..%2fsecret", "/..%5cdistsecret/x"]) {
        const response = await get(path, undefined, {}, at);
        assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`);
        assert.doesNotMatch(response.body.toString(), /secret/, path);
      }
    } finally {
      await new Promise((ok) => jail.close(ok));
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("caches hashed files for a year and revalidates pages and data", async () => {
    assert.equal((await get(`/${wasm}`, "br")).headers["cache-control"], "public, max-age=31536000, immutable");
    assert.equal((await get(`/${css}`, "br")).headers["cache-control"], "public, max-age=31536000, immutable");
    for (const path of ["/en/", "/data/dataset.json", "/early.js"]) {
      assert.equal((await get(path, "br")).headers["cache-control"], "no-cache", path);
    }
  });
});

describe("under a subpath", () => {
  it("serves every baked address, with and without its final slash", async () => {
    const sub = await serve("dist", 0, "/some/sub/");
    const base = `http://127.0.0.1:${sub.address().port}/some/sub/`;
    const pages = [];
    const walk = (dir) => {
      for (const entry of readdirSync(`dist/${dir}`, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(`${dir}${entry.name}/`);
        else if (entry.name === "index.html") pages.push(dir);
      }
    };
    walk("");
    assert.ok(pages.length > 350, `${pages.length} pages`);
    try {
      for (const page of pages) {
        const response = await fetch(base + page);
        assert.equal(response.status, 200, page);
        assert.match(await response.text(), /<title>[^<]+<\/title>/, page);
        if (page) {
          const bare = await fetch(base + page.slice(0, -1), { redirect: "manual" });
          assert.equal(bare.status, 301, page);
          assert.equal(new URL(bare.headers.get("location"), base).href, base + page);
        }
      }
    } finally {
      await new Promise((ok) => sub.close(ok));
    }
  });
});
