// Explore's island (src/islands/explore.rs): the baked Explore page made live by a small
// wasm module of its own, without the app. It fetches the island and Explore's index,
// never the app's wasm nor the dataset; the baked results stay the same nodes; the page
// is readable without scripts; an address with a selection shows no unselected list.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { RESULT, useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
const islands = JSON.parse(readFileSync("dist/islands.json", "utf8"));
const PAGE = 25;

/** The file names (no folder, no query) a page asks for, recorded from its first request. */
const recording = (names) => (page) =>
  page.on("request", (r) => names.push(new URL(r.url()).pathname.split("/").pop()));

describe("Explore's island", () => {
  it("fetches its own module, wasm and index, and neither the app's wasm nor the dataset", async () => {
    const names = [];
    const page = await app.open("en/explore/", { before: recording(names) });
    await page.waitForLoadState("networkidle");
    const wasm = names.filter((n) => n.endsWith(".wasm"));
    assert.deepEqual(wasm, [islands.explore.wasm]);
    assert.ok(names.includes(islands.explore.module), names.join(" "));
    assert.ok(names.includes("explore.json"), names.join(" "));
    for (const data of ["dataset.json", "core.json"]) assert.ok(!names.includes(data), `${data} fetched`);
    assert.equal(await page.getAttribute("html", "data-app"), null);
    await app.done(page);
  });

  it("keeps the baked results: the same nodes stay in the page through a selection and back", async () => {
    const page = await app.open("en/explore/", {
      before: (p) =>
        p.addInitScript(() =>
          document.addEventListener("DOMContentLoaded", () => {
            window.bakedRows = [...document.querySelectorAll("article.result")];
          }),
        ),
    });
    const baked = await page.evaluate(() => window.bakedRows.map((row) => row.dataset.item));
    assert.deepEqual(baked, dataset.items.slice(0, PAGE).map((i) => i.id));
    await page.check("input[data-facet=country][value=KGZ]");
    await page.waitForURL(/country=KGZ/);
    await page.uncheck("input[data-facet=country][value=KGZ]");
    await page.waitForURL((u) => u.search === "");
    const same = await page.evaluate((sel) => {
      const now = [...document.querySelectorAll(sel)];
      return window.bakedRows.every((row, i) => row.isConnected && now[i] === row);
    }, RESULT);
    assert.ok(same, "the baked rows were replaced");
    await app.done(page);
  });

  it("shows rows the page was not baked with, from the row files, with their links", async () => {
    const page = await app.open("en/explore/?kind=recommendation");
    const expected = dataset.items.filter((i) => i.kind === "recommendation").map((i) => i.id);
    assert.ok(expected.some((id) => dataset.items.findIndex((i) => i.id === id) >= PAGE), "a row beyond the baked page");
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [RESULT, Math.min(PAGE, expected.length)]);
    const shown = await page.$$eval(RESULT, (rows) => rows.map((r) => [r.dataset.item, r.querySelector(".result-title a")?.href]));
    assert.deepEqual(shown.map(([id]) => id), expected.slice(0, PAGE));
    for (const [id, href] of shown) assert.equal(href, app.url(`en/items/${id}/`));
    await app.done(page);
  });

  it("shows an address's selection without first showing the unselected list", async () => {
    const page = await app.open("en/explore/?country=KGZ", {
      before: (p) =>
        p.addInitScript(() =>
          document.addEventListener("DOMContentLoaded", () => {
            window.atFirst = getComputedStyle(document.querySelector(".explore-layout")).visibility;
          }),
        ),
    });
    assert.equal(await page.evaluate(() => window.atFirst), "hidden", "the baked list was shown before the selection");
    assert.equal(await page.$eval(".explore-layout", (el) => getComputedStyle(el).visibility), "visible");
    const kgz = dataset.items.filter((i) => i.countries.includes("KGZ")).length;
    assert.match(await page.textContent("#results-count"), new RegExp(`^${kgz} of`));
    assert.equal(await page.isChecked("input[data-facet=country][value=KGZ]"), true);
    await app.done(page);
  });

  it("leaves a readable page without scripts: the first results, their count and links", async () => {
    const page = await app.open("en/explore/", { javaScript: false });
    const total = dataset.items.length;
    assert.match(await page.textContent("#results-count"), new RegExp(`${total} of ${total}`));
    const rows = await page.$$eval(RESULT, (els) => els.map((e) => e.querySelector(".result-title a")?.textContent.trim()));
    assert.equal(rows.length, PAGE);
    assert.ok(rows.every(Boolean));
    assert.equal(await page.isVisible(".empty-results"), false);
    await app.done(page);
  });

  it("keeps what the reader typed into the search field before it was live", async () => {
    // Explore's index held back: the baked page is up, the island not yet live.
    let release;
    const gate = new Promise((ok) => (release = ok));
    const page = await app.open("en/explore/", {
      live: false,
      route: (context) => context.route("**/data/explore.json", async (r) => (await gate, r.continue())),
    });
    await page.fill("#search", "pipeline");
    release();
    await app.ready(page);
    assert.match(page.url(), /\/en\/explore\/\?q=pipeline$/);
    assert.equal(await page.inputValue("#search"), "pipeline");
    const [, shown, total] = (await page.textContent("#results-count")).match(/^(\d+) of (\d+)/);
    assert.ok(Number(shown) > 0 && Number(shown) < Number(total), `${shown} of ${total}`);
    assert.equal(await page.locator(RESULT).count(), Math.min(Number(shown), PAGE));
    await app.done(page);
  });

  it("says so on the page when its index is broken or hostile, and the baked list stays", async () => {
    const page = await app.open("en/explore/", {
      live: false,
      route: (context) =>
        context.route("**/data/explore.json", (r) =>
          r.fulfill({ contentType: "application/json", body: '{"items": 1, "x": "<img src=x onerror=alert(1)>"}' }),
        ),
    });
    await page.waitForSelector("html[data-start=failed]", { state: "attached" });
    assert.equal(await page.isVisible("[data-start-failed]"), true);
    assert.equal((await page.$$(RESULT)).length, PAGE);
    assert.equal(await page.$$eval("img[src=x]", (els) => els.length), 0);
    page.errors.length = 0;
    await app.done(page);
  });

  it("says so on the page when it cannot start, and the baked list stays", async () => {
    const page = await app.open("en/explore/", {
      live: false,
      route: (context) => context.route(`**/${islands.explore.wasm}`, (r) => r.abort()),
    });
    page.errors.length = 0;
    await page.waitForSelector("html[data-start=failed]", { state: "attached" });
    assert.equal(await page.isVisible("[data-start-failed]"), true);
    assert.equal((await page.$$(RESULT)).length, PAGE);
    // The failed fetch is reported by the browser itself; nothing else may be.
    assert.deepEqual(page.errors.filter((e) => !/net::ERR_FAILED|Failed to load resource/.test(e)), []);
    page.errors.length = 0;
    await app.done(page);
  });
});

describe("the embed dialog's island", () => {
  it("opens the baked dialog on the button's first use, without the app, and writes this page's snippet", async () => {
    const names = [];
    const page = await app.open("en/countries/KGZ/", { before: recording(names) });
    await page.waitForLoadState("networkidle");
    assert.deepEqual(names.filter((n) => n.endsWith(".wasm")), [], "nothing before the use");
    await page.click(".embed-open");
    await page.waitForFunction(() => document.querySelector(".embed-dialog").matches(":modal"));
    assert.deepEqual(names.filter((n) => n.endsWith(".wasm")), [islands.embed.wasm], "only the island's wasm");
    for (const data of ["dataset.json", "core.json"]) assert.ok(!names.includes(data), `${data} fetched`);
    assert.equal(await page.getAttribute("html", "data-app"), null, "the app did not start");
    const code = await page.inputValue("#embed-code");
    const title = dataset.countries.find((c) => c.id === "KGZ").name.en;
    assert.ok(code.startsWith(`<iframe src="${app.url("en/countries/KGZ/?embed=1")}" title="${title}`), code);
    assert.match(code, /height:800px;border:0"><\/iframe>\n<script src="[^"]*embed\.js" async><\/script>$/);
    // The preview shows the frame, which loads only now.
    assert.equal(await page.getAttribute(".embed-preview", "src"), app.url("en/countries/KGZ/?embed=1"));
    // A fixed height: no script, the height chosen (kept within bounds).
    await page.uncheck("#embed-auto");
    await page.fill("#embed-px", "99999");
    await page.dispatchEvent("#embed-px", "change");
    assert.match(await page.inputValue("#embed-code"), /height:4000px;border:0"><\/iframe>$/);
    // Closed and opened again: the page's defaults.
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.querySelector(".embed-dialog").open);
    await page.click(".embed-open");
    await page.waitForFunction(() => document.querySelector(".embed-dialog").open);
    assert.equal(await page.isChecked("#embed-auto"), true);
    assert.match(await page.inputValue("#embed-code"), /embed\.js" async><\/script>$/);
    assert.equal(await page.getAttribute("html", "data-app"), null);
    await app.done(page);
  });

  it("on Explore, writes the selection the reader made since it started", async () => {
    const page = await app.open("en/explore/");
    // The island started and its dialog closed again; then a selection.
    await page.click(".embed-open");
    await page.waitForFunction(() => document.querySelector(".embed-dialog").matches(":modal"));
    assert.ok((await page.inputValue("#embed-code")).startsWith(`<iframe src="${app.url("en/explore/?embed=1")}"`));
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.querySelector(".embed-dialog").open);
    await page.check("input[data-facet=country][value=KGZ]");
    await page.waitForURL(/country=KGZ$/);
    await page.click(".embed-open");
    await page.waitForFunction(() => document.querySelector(".embed-dialog").matches(":modal"));
    const code = await page.inputValue("#embed-code");
    assert.ok(code.startsWith(`<iframe src="${app.url("en/explore/?embed=1&amp;country=KGZ")}"`), code);
    assert.equal(await page.getAttribute("html", "data-app"), null);
    await app.done(page);
  });

  it("says so on the page when it cannot start", async () => {
    const page = await app.open("en/countries/KGZ/", {
      route: (context) => context.route(`**/${islands.embed.wasm}`, (r) => r.abort()),
    });
    page.errors.length = 0;
    await page.click(".embed-open");
    await page.waitForSelector("[data-start-failed][role=alert]:not([hidden])");
    assert.equal(await page.getAttribute(".embed-open", "aria-busy"), null);
    assert.equal(await page.evaluate(() => document.querySelector(".embed-dialog").open), false);
    assert.deepEqual(page.errors.filter((e) => !/net::ERR_FAILED|Failed to load resource/.test(e)), []);
    page.errors.length = 0;
    await app.done(page);
  });
});
