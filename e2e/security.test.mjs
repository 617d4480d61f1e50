// Locked down: every view runs under the strict Content-Security-Policy without a
// single violation, requests nothing from another origin (the harness fails on that),
// and hostile input in any query parameter, in an address's id or in an embed's
// messages shows inert or is ignored: no script runs, nothing breaks.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { READY, useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
const VIEWS = [
  "", "read/", "argument/", "explore/?q=poverty", `items/${dataset.items[0].id}/`, "charts/",
  "charts/poverty-rate/?tab=table", "map/", "map/poverty-rate/", "countries/", "countries/KGZ/",
  "coverage/", "sources/", "glossary/", `facts/${dataset.figures[0].id}/`,
];

/** Records CSP violations, uncaught errors and any sign that injected markup ran, in
 * the page and in each of its frames. */
const watch = (page) =>
  page.addInitScript(() => {
    window.__violations = [];
    window.__errors = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    addEventListener("error", (e) => window.__errors.push(String(e.message)));
    addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
    window.alert = window.confirm = window.prompt = () => { window.__pwned = "dialog"; };
  });

describe("the Content-Security-Policy", () => {
  it("is strict on every page: no inline script, no eval", async () => {
    const page = await app.open("en/");
    const policy = await page.getAttribute("meta[http-equiv=Content-Security-Policy]", "content");
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
    assert.match(policy, /object-src 'none'/);
    assert.match(policy, /base-uri 'self'/);
    assert.equal(await page.$$eval("script:not([src])", (els) => els.length), 0, "no inline script");
    await app.done(page);
  });

  for (const [lang, query] of [["en", ""], ["zh", ""], ["both", ""], ["en", "embed=1"]]) {
    it(`is never violated, on every view (${lang}${query ? ` ${query}` : ""})`, async () => {
      for (const view of VIEWS) {
        const sep = view.includes("?") ? "&" : "?";
        const address = `${lang}/${view}${query ? sep + query : ""}`;
        const page = await app.open(address, { before: watch });
        // Open what opens: disclosures (provenance, cite) and the embed dialog.
        await page.$$eval("details", (els) => els.forEach((d) => (d.open = true)));
        if (!query.includes("embed")) {
          await page.click(".embed-open");
          await page.waitForSelector(".embed-preview");
          await page.keyboard.press("Escape");
        }
        await page.waitForTimeout(100);
        assert.deepEqual(await page.evaluate(() => window.__violations), [], address);
        await app.done(page);
      }
    });
  }
});

const HOSTILE = [
  "<script>window.__pwned='script'</script>",
  "<img src=x onerror=\"window.__pwned='img'\">",
  "javascript:window.__pwned='url'",
  "&lt;b&gt;&amp;&#x3c;",
  "%E0%A4%A", // an invalid percent-escape
  "%C0%AF%FF", // invalid UTF-8
  "\u202Eevil\u202C",
  "a\u0000b",
  "x".repeat(1000), // long, within what a static host accepts in a request line
  "~".repeat(300),
  "\"><svg onload=\"window.__pwned='svg'\">",
];
const PARAMS = ["q", "topic", "country", "kind", "voice", "section", "lang", "theme", "tab", "embed", "transparent", "view", "id"];

describe("hostile input", () => {
  it("in any query parameter of any view shows inert or is ignored", async () => {
    for (const [i, view] of VIEWS.map((v) => v.split("?")[0]).entries()) {
      for (const value of HOSTILE) {
        const raw = /^%|%[0-9A-F]{2}/.test(value) ? value : encodeURIComponent(value);
        const query = PARAMS.map((p) => `${p}=${raw}`).join("&");
        const page = await app.open(`${i % 2 ? "zh" : "en"}/${view}?${query}`, { before: watch });
        await page.waitForTimeout(50);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, `${view} ${value.slice(0, 30)}`);
        assert.equal(await page.$$eval("img[src=x], svg[onload]", (els) => els.length), 0);
        assert.ok((await page.textContent("main")).length > 0, "the page still shows");
        await app.done(page);
      }
    }
  });

  it("in an address's record id gets the page for a missing record", async () => {
    for (const value of HOSTILE.slice(0, 3)) {
      const page = await app.open(`en/items/${encodeURIComponent(value)}/`, { before: watch, live: false });
      await page.waitForLoadState("load");
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.match(await page.textContent("body"), /not found|Page not found/i);
      page.errors = page.errors.filter((e) => !e.includes("status of 404"));
      await app.done(page);
    }
  });

  it("with hundreds of parameters still opens the page", async () => {
    const query = Array.from({ length: 500 }, (_, i) => `p${i}=${i}&q=${i}`).join("&");
    const page = await app.open(`en/explore/?${query}`, { before: watch });
    assert.equal(await page.inputValue("#search"), "499");
    await app.done(page);
  });

  it("in an embed's messages is ignored, and a valid message afterwards still works", async () => {
    // The explorer in two frames of a page on another origin, one of them sandboxed to
    // scripts only (an opaque origin); the host posts to each, as any embedding site can.
    const fact = dataset.figures[0].id;
    const frames = [
      [`en/facts/${fact}/?embed=1`, "allow-scripts allow-same-origin"],
      [`en/explore/?embed=1`, "allow-scripts"],
    ];
    const host = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Host</title></head><body>${frames
        .map(([address, sandbox], i) => `<iframe id="f${i}" src="${app.url(address)}" sandbox="${sandbox}" style="width:100%;height:300px"></iframe>`)
        .join("")}</body></html>`);
    });
    // 127.0.0.2 is this machine too, but another origin (and site) than 127.0.0.1.
    await new Promise((ok) => host.listen(0, "127.0.0.2", ok));
    const hostOrigin = `http://127.0.0.2:${host.address().port}`;
    try {
      const page = await app.open(`${hostOrigin}/`, { live: false, origins: [hostOrigin], before: watch });
      const dialogs = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
      const inFrames = [];
      for (const [i, [address]] of frames.entries()) {
        const frame = await (await page.$(`#f${i}`)).contentFrame();
        await frame.waitForSelector(READY, { state: "attached", timeout: 15000 });
        inFrames.push({ frame, address, url: frame.url(), scripts: await frame.$$eval("script", (els) => els.length) });
      }
      const state = (frame) =>
        frame.evaluate(() => ({
          theme: document.documentElement.dataset.theme,
          lang: document.documentElement.lang,
          pwned: window.__pwned,
          errors: window.__errors,
          injected: document.querySelectorAll("img[src=x], svg[onload], iframe, object, embed").length,
          marked: document.documentElement.outerHTML.includes("__pwned"),
        }));
      const before = await Promise.all(inFrames.map(({ frame }) => state(frame)));
      for (const s of before) assert.deepEqual(s, { theme: "auto", lang: "en", pwned: undefined, errors: [], injected: 0, marked: false });

      const sent = await page.evaluate((seed) => {
        const pwn = (how) => `window.__pwned='${how}'`;
        const strings = [
          `<script>${pwn("script")}<\/script>`, `<img src=x onerror="${pwn("img")}">`, `javascript:${pwn("url")}`,
          `"><svg onload="${pwn("svg")}">`, "&lt;script&gt;&#x3c;&amp;", "dark<", " dark", "DARK", "dark\u0000",
          "\u202Edark\u202C", "%64%61%72%6B", "x".repeat(100000), "\uD800", "",
        ];
        const valid = { source: "cca-explorer-host", type: "set" };
        const own = (json) => JSON.parse(json); // keeps "__proto__" as an own key
        const hostile = [
          null, undefined, 0, 42, -1, NaN, Infinity, true, "theme=dark", "", ...strings, [], ["dark"], [valid],
          [{ ...valid, theme: "dark" }], {}, { source: "cca-explorer-host" }, { type: "set", theme: "dark" },
          { source: "cca-explorer", type: "set", theme: "dark" }, { source: "cca-explorer-host", type: "resize", theme: "dark" },
          ...strings.map((theme) => ({ ...valid, theme, lang: theme })),
          { ...valid, theme: { toString: "dark" } }, { ...valid, theme: ["dark"] }, { ...valid, lang: ["en", "zh"] },
          { ...valid, theme: { theme: { theme: "dark" } } }, { ...valid, theme: 1, lang: 2 }, { ...valid, theme: null, lang: null },
          { ...valid, theme: new String("dark") }, { ...valid, theme: new Date() }, { ...valid, theme: new Map([["dark", "dark"]]) },
          { ...valid, lang: /zh/ }, { ...valid, theme: new Uint8Array(1 << 20) },
          own('{"source":"cca-explorer-host","type":"set","__proto__":{"theme":"dark","lang":"zh"}}'),
          own('{"__proto__":{"source":"cca-explorer-host","type":"set","theme":"dark"}}'),
          own('{"source":"cca-explorer-host","type":"set","constructor":{"prototype":{"theme":"dark"}}}'),
          own('{"source":"cca-explorer-host","type":"set","theme":{"__proto__":"dark"}}'),
          { source: ["cca-explorer-host"], type: ["set"], theme: "dark" },
        ];
        // ~200 more from a seeded generator (mulberry32): any run sends the same ones.
        let a = seed;
        const random = () => {
          a = (a + 0x6d2b79f5) | 0;
          let t = Math.imul(a ^ (a >>> 15), 1 | a);
          t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const pick = (list) => list[Math.floor(random() * list.length)];
        const keys = ["source", "type", "theme", "lang", "height", "__proto__", "constructor", "toString", "0", ""];
        const value = (depth) => {
          switch (Math.floor(random() * 7)) {
            case 0: return pick(strings);
            case 1: return pick([null, undefined, true, false, 0, -0, 1e308, -1, NaN]);
            case 2: return pick(["cca-explorer-host", "set", "cca-explorer", "resize"]);
            case 3: return Array.from({ length: Math.floor(random() * 4) }, () => (depth < 3 ? value(depth + 1) : null));
            case 4: return String.fromCharCode(...Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 0xffff)));
            case 5: return depth < 3 ? message(depth + 1) : {};
            default: return Math.floor(random() * 1e9);
          }
        };
        const message = (depth) => {
          const out = random() < 0.5 ? { ...valid } : {};
          for (let n = Math.floor(random() * 5); n > 0; n--) {
            Object.defineProperty(out, pick(keys), { value: value(depth), enumerable: true, configurable: true, writable: true });
          }
          return out;
        };
        for (let i = 0; i < 200; i++) hostile.push(random() < 0.8 ? message(0) : value(0));
        // A message that would change a frame (a valid theme or language) is not hostile.
        const harmless = (m) => !(m && m.source === "cca-explorer-host" && m.type === "set" &&
          (["auto", "light", "dark"].includes(m.theme) || ["zh", "en", "both"].includes(m.lang)));
        let count = 0;
        for (const frame of document.querySelectorAll("iframe")) {
          for (const m of hostile.filter(harmless)) {
            frame.contentWindow.postMessage(m, "*");
            count += 1;
          }
        }
        return count;
      }, 20261201);
      assert.ok(sent > 2 * 200, `${sent} messages`);
      await page.waitForTimeout(1000);
      for (const { frame, address, url, scripts } of inFrames) {
        assert.deepEqual(await state(frame), before[0], address);
        assert.equal(frame.url(), url, `${address}: the address is unchanged`);
        assert.equal(await frame.$$eval("script", (els) => els.length), scripts, `${address}: no script added`);
      }
      assert.deepEqual(dialogs, []);

      // The frames were listening all along: the one valid message takes effect.
      await page.evaluate(() => {
        for (const frame of document.querySelectorAll("iframe")) {
          frame.contentWindow.postMessage({ source: "cca-explorer-host", type: "set", theme: "dark" }, "*");
        }
      });
      for (const { frame, address } of inFrames) {
        await frame.waitForFunction(() => document.documentElement.dataset.theme === "dark", null, { timeout: 5000 });
        assert.match(frame.url(), /theme=dark/, address);
        assert.deepEqual(await frame.evaluate(() => window.__errors), [], address);
      }
      await app.done(page);
    } finally {
      await new Promise((ok) => host.close(ok));
    }
  });
});
