// A reading page is whole as baked and starts the app only on the reader's first use of a
// control that needs code (src/boot.js): that use shows it is under way at once, and is
// then done by the app; the theme switch and the links' settings work without the app.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { appWasm, useApp } from "./harness.mjs";

const app = useApp();
const pages = JSON.parse(readFileSync("dist/pages.json", "utf8"));
const islands = JSON.parse(readFileSync("dist/islands.json", "utf8"));
const chart = pages.find((p) => p.startsWith("en/charts/") && p !== "en/charts/");

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

describe("the app on demand", () => {
  it("a reading page waits for its reader: no app, no wasm", async () => {
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

  it("a control's first use shows it is under way at once, starts the app, and is done", async () => {
    const { page, wasm } = await openCounting(chart);
    assert.deepEqual(wasm, [], "no wasm before the first use");
    await page.evaluate(() => {
      window.__busy = false;
      new MutationObserver(() => {
        if (document.querySelector("[aria-busy=true]")) window.__busy = true;
      }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["aria-busy"] });
    });
    await page.click("button[data-action=table]");
    await page.waitForSelector(".chart-table");
    assert.equal(await page.evaluate(() => window.__busy), true, "the button showed it was busy");
    assert.equal(new URL(page.url()).searchParams.get("tab"), "table");
    assert.equal(await page.getAttribute("html", "data-app"), "live");
    assert.ok(wasm.length > 0);
    await app.done(page);
  });

  it("pointing at a control fetches the app's files ahead of its use, and starts nothing", async () => {
    const { page, wasm } = await openCounting(chart);
    await page.hover("[data-switch=theme] [data-option=dark]");
    await page.hover(".nav-links a[href*='explore']");
    await page.waitForTimeout(300);
    assert.deepEqual(wasm, [], "a theme option or a link fetches nothing");
    // The embed button: its island's files, not the app's.
    await page.hover(".embed-open");
    await page.waitForFunction((name) => performance.getEntriesByType("resource").some((r) => r.name.endsWith(`/${name}`) && r.responseEnd > 0), islands.embed.wasm);
    assert.deepEqual(wasm.filter((url) => url.endsWith(`/${appWasm()}`)), [], "the embed button fetches none of the app");
    await page.hover("[data-chart] [data-action=table]");
    await page.waitForFunction((name) => performance.getEntriesByType("resource").some((r) => r.name.endsWith(`/${name}`) && r.responseEnd > 0), appWasm());
    assert.equal(await page.getAttribute("html", "data-app"), null, "the app has not started");
    assert.equal(await page.getAttribute("html", "data-start"), "demand");
    await app.done(page);
  });

  it("a chart's point opens its figure once the app has started", async () => {
    const { page } = await openCounting(chart);
    const figure = await page.getAttribute(".chart-wide [data-figure]", "data-figure");
    await page.click(".chart-wide [data-figure]", { force: true });
    await page.waitForURL(new RegExp(`/facts/${figure}/$`));
    await page.waitForSelector("html[data-app=live]", { state: "attached" });
    await app.done(page);
  });

  it("every control used while the app starts is done once it is live, a control used twice once", async () => {
    const { page } = await openCounting(chart);
    // Three uses in one moment, before any of the app's files is in: the first starts it.
    await page.evaluate(() => {
      const table = document.querySelector("[data-chart] [data-action=table]");
      table.click();
      document.querySelector(".embed-open").click();
      table.click();
    });
    assert.equal(await page.getAttribute(".embed-open", "aria-busy"), "true", "each use shows it is under way");
    await page.waitForSelector("dialog.embed-dialog[open]");
    await page.waitForSelector("[data-chart] .chart-table");
    assert.equal(await page.locator("[data-chart] .chart-table").count(), 1, "the table is shown, not shown and hidden again");
    await app.done(page);
  });

  it("a first use that cannot load the app's code says so, and the page stays", async () => {
    const { page } = await openCounting(chart, {
      route: (context) => context.route("**/*.wasm", (r) => r.abort()),
    });
    await page.click("button[data-action=table]");
    await page.waitForSelector("[data-start-failed]:not([hidden])");
    assert.equal(await page.getAttribute("button[data-action=table]", "aria-busy"), null);
    assert.ok(await page.isVisible(".chart-box"), "the baked chart stays");
    // The aborted wasm is logged by the browser: that, and nothing else.
    page.errors = page.errors.filter((e) => !/wasm|Failed to load resource|net::ERR_FAILED|WebAssembly|fetch/i.test(e));
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
