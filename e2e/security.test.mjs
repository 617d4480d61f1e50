// Locked down: every view runs under the strict Content-Security-Policy without a
// single violation, requests nothing from another origin (the harness fails on that),
// and hostile input in any query parameter, in an address's id or in an embed's
// messages shows inert or is ignored: no script runs, nothing breaks.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
const VIEWS = [
  "", "read/", "argument/", "explore/?q=poverty", `items/${dataset.items[0].id}/`, "charts/",
  "charts/poverty-rate/?tab=table", "map/", "map/poverty-rate/", "countries/", "countries/KGZ/",
  "coverage/", "sources/", "glossary/", `facts/${dataset.figures[0].id}/`,
];

/** Records CSP violations and any sign that injected markup ran. */
const watch = (page) =>
  page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
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

  for (const [lang, query] of [["en", ""], ["zh", ""], ["zh", "lang=both"], ["en", "embed=1"]]) {
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

  it("in an embed's messages is ignored", async () => {
    const page = await app.open(`en/facts/${dataset.figures[0].id}/?embed=1`, { before: watch });
    for (const data of [
      null, 42, "theme=dark", [], { source: "cca-explorer-host" },
      { source: "cca-explorer-host", type: "set", theme: "<script>", lang: "javascript:alert(1)" },
      { source: "cca-explorer-host", type: "set", theme: { toString: 1 } },
      { source: "cca-explorer-host", type: "set", theme: "x".repeat(100000) },
    ]) {
      await page.evaluate((d) => window.postMessage(d, "*"), data);
    }
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "auto");
    assert.ok(await page.isVisible(".fact-value"));
    await app.done(page);
  });
});
