// A reading page is whole as baked, and its controls work without the app (src/boot.js):
// the theme switch, the links' settings, a chart's table, files and points, copy
// buttons, the dataset's citation. The embed button starts its island, not the app.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { appWasm, useApp } from "./harness.mjs";

const app = useApp();
const pages = JSON.parse(readFileSync("dist/pages.json", "utf8"));
const islands = JSON.parse(readFileSync("dist/islands.json", "utf8"));
const chart = pages.find((p) => p.startsWith("en/charts/") && p !== "en/charts/");
const sources = "en/sources/";
// The dataset's citation names the site's address and the day it is read, filled in
// when its fold is opened.
const DATASET_CITATION = ".cite-box[data-cite=dataset] summary";

/** Opens `address`, counting the wasm files the page asks for. */
async function openCounting(address, options = {}) {
  const wasm = [];
  const page = await app.open(address, {
    ...options,
    before: async (p) => {
      p.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
      await options.before?.(p);
    },
  });
  return { page, wasm };
}

describe("pages without the app", () => {
  it("a reading page needs no app: no wasm", async () => {
    const { page, wasm } = await openCounting("en/");
    await page.waitForLoadState("networkidle");
    assert.equal(await page.getAttribute("html", "data-start"), "demand");
    assert.equal(await page.getAttribute("html", "data-app"), null);
    assert.deepEqual(wasm, []);
    await app.done(page);
  });

  it("the theme switch works before the app, and the links keep the theme", async () => {
    const { page, wasm } = await openCounting("en/");
    await page.click("[data-switch=theme] [data-option=dark]");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    assert.equal(await page.getAttribute("[data-switch=theme] [data-option=dark]", "aria-pressed"), "true");
    assert.equal(await page.getAttribute("[data-switch=theme] [data-option=auto]", "aria-pressed"), "false");
    assert.equal(new URL(page.url()).searchParams.get("theme"), "dark");
    const explore = await page.getAttribute(".nav-links a[href*='explore']", "href");
    assert.match(explore, /^\.\.\/?[^?]*explore\/\?theme=dark$|^explore\/\?theme=dark$/);
    assert.deepEqual(wasm, [], "no wasm for the switch");
    // Following a link keeps it, and back restores the page's theme.
    await page.click(".nav-links a[href*='explore']");
    await page.waitForURL(/explore\/\?theme=dark$/);
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    await page.goBack();
    await page.click("[data-switch=theme] [data-option=auto]");
    await page.goBack();
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await page.goForward();
    await page.waitForFunction(() => document.documentElement.dataset.theme === "auto");
    await app.done(page);
  });

  it("a page opened in a theme shows that theme pressed in the switch, and its files keep their addresses", async () => {
    const { page, wasm } = await openCounting("en/sources/?theme=dark");
    assert.equal(await page.getAttribute("[data-switch=theme] [data-option=dark]", "aria-pressed"), "true");
    assert.equal(await page.getAttribute("[data-switch=theme] [data-option=auto]", "aria-pressed"), "false");
    const files = await page.$$eval("a[data-download-file]", (links) => links.map((a) => a.getAttribute("href")));
    assert.ok(files.length > 0);
    for (const href of files) assert.doesNotMatch(href, /theme=/, href);
    assert.match(await page.getAttribute(".nav-links a[href*='explore']", "href"), /theme=dark/);
    assert.deepEqual(wasm, []);
    await app.done(page);
  });

  it("in a frame, links keep the frame and the theme, and the full view opens without the frame", async () => {
    const { page, wasm } = await openCounting("en/?embed=1&theme=dark");
    const item = await page.getAttribute("main a[href*='items/']", "href");
    assert.match(item, /\?(.*&)?embed=1/);
    assert.match(item, /theme=dark/);
    const full = await page.getAttribute(".embed-source a", "href");
    assert.doesNotMatch(full, /embed=1/);
    assert.match(full, /theme=dark/);
    assert.deepEqual(wasm, []);
    await app.done(page);
  });

  it("a chart's controls need no app: its table, its files and its points", async () => {
    const { page, wasm } = await openCounting(chart);
    for (const control of ["[data-chart] [data-action=table]", "[data-chart] [data-download=csv]", ".chart-wide [data-figure]"]) {
      await page.hover(control, { force: true });
    }
    await page.click("[data-chart] [data-action=table]");
    await page.waitForSelector("[data-chart] .chart-table", { state: "visible" });
    await page.click("[data-chart] [data-action=table]");
    const figure = await page.getAttribute(".chart-wide [data-figure]", "data-figure");
    await page.click(".chart-wide [data-figure]", { force: true });
    await page.waitForURL(new RegExp(`/facts/${figure}/$`));
    await page.waitForLoadState("networkidle");
    assert.deepEqual(wasm, [], "no wasm, not even ahead");
    assert.equal(await page.getAttribute("html", "data-app"), null);
    await app.done(page);
  });

  it("the dataset's citation is filled in with the site's address and today's date, without the app", async () => {
    const { page, wasm } = await openCounting(sources);
    await page.click(DATASET_CITATION);
    const site = app.url("");
    const today = new Date().toISOString().slice(0, 10);
    const field = (style) => page.inputValue(`#cite-dataset-${style}-en`);
    assert.ok((await field("gbt7714")).includes(`[${today}]. ${site}.`), await field("gbt7714"));
    const long = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date());
    assert.ok((await field("apa")).endsWith(`Retrieved ${long}, from ${site}`), await field("apa"));
    assert.ok((await field("ris")).includes(`UR  - ${site}\r\n`) || (await field("ris")).includes(`UR  - ${site}\n`), await field("ris"));
    assert.ok((await field("bibtex")).includes(`urldate = {${today}}`), await field("bibtex"));
    for (const style of ["gbt7714", "apa", "bibtex", "ris"]) assert.doesNotMatch(await field(style), /⟨/, style);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(wasm, [], "no code");
    await app.done(page);
    // Side by side, each language's fields, the day written out in each.
    const both = await app.open("both/sources/");
    await both.click(DATASET_CITATION);
    const zh = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "UTC" }).format(new Date());
    assert.ok((await both.inputValue("#cite-dataset-apa-zh")).endsWith(`${zh}检索自 ${site}`), await both.inputValue("#cite-dataset-apa-zh"));
    assert.ok((await both.inputValue("#cite-dataset-apa-en")).endsWith(`Retrieved ${long}, from ${site}`));
    await app.done(both);
  });

  it("pointing at the embed button fetches its island's files ahead, and no control fetches the app's", async () => {
    const { page, wasm } = await openCounting(sources);
    for (const control of ["[data-switch=theme] [data-option=dark]", ".nav-links a[href*='explore']", DATASET_CITATION, ".cite-box[data-cite=dataset] [data-copy]"]) {
      await page.hover(control, { force: true });
    }
    await page.waitForTimeout(300);
    assert.deepEqual(wasm, [], "nothing for a switch, a link, a fold or a copy button");
    await page.hover(".embed-open");
    await page.waitForFunction((name) => performance.getEntriesByType("resource").some((r) => r.name.endsWith(`/${name}`) && r.responseEnd > 0), islands.embed.wasm);
    assert.deepEqual(wasm.filter((url) => url.endsWith(`/${appWasm()}`)), [], "the embed button fetches none of the app");
    assert.equal(await page.getAttribute("html", "data-app"), null, "the app has not started");
    assert.equal(await page.getAttribute("html", "data-start"), "demand");
    await app.done(page);
  });

  it("a citation is copied without the app, or left selected where the clipboard cannot be used", async () => {
    const field = "#cite-item-labour-migration-bibtex-en";
    const button = `.cite-style:has(${field}) button`;
    const status = `.cite-style:has(${field}) [role=status]`;
    const clipboard = (p) => p.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url() });
    const { page, wasm } = await openCounting("en/items/labour-migration/", { before: clipboard });
    await page.click(".cite-box summary");
    await page.hover(button);
    await page.click(button);
    await page.waitForSelector(`${status}:has-text('Copied.')`);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue(field));
    await page.waitForLoadState("networkidle");
    assert.deepEqual(wasm, [], "no code fetched, not even ahead");
    assert.equal(await page.getAttribute("html", "data-app"), null);
    await app.done(page);

    const without = await app.open("en/items/labour-migration/", {
      before: (p) => p.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined })),
    });
    await without.click(".cite-box summary");
    await without.click(button);
    await without.waitForSelector(`${status}:has-text('press Ctrl+C')`);
    const selected = await without.evaluate(() => {
      const el = document.activeElement;
      return el.value.slice(el.selectionStart, el.selectionEnd);
    });
    assert.equal(selected, await without.inputValue(field));
    assert.equal(await without.getAttribute("html", "data-app"), null);
    await app.done(without);
  });
});
