// Hosting: the build holds brotli and gzip copies of every text file, the wasm and the
// data, and the plain static server sends them with the right type, encoding, Vary and
// caching, as the README asks of any host.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { serve } from "../scripts/static-server.mjs";

let server;
let origin;
before(async () => {
  server = await serve("dist", 0, "/");
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((ok) => server.close(ok)));

/** A raw GET: headers and body bytes, nothing decoded. */
const get = (path, acceptEncoding) =>
  new Promise((ok, fail) => {
    const req = request(`${origin}${path}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });

const wasm = readdirSync("dist").find((f) => f.endsWith("_bg.wasm"));
const css = readdirSync("dist").find((f) => f.endsWith(".css"));

describe("compressed copies", () => {
  it("sit beside every page, script, stylesheet, the wasm and the data, and decompress to the original", () => {
    for (const file of ["en/index.html", "zh/read/index.html", "404.html", wasm, css, "early.js", "data/dataset.json", "data/items-en.csv"]) {
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
