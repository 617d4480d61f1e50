// Real pages at real addresses: every page is baked into dist/, readable without
// JavaScript, taken over by the app without a visible change, and addresses of the
// first scheme still open the same view.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { RESULT, useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
const item = dataset.items.find((i) => i.id === "labour-migration");

/** Every baked page below dist/, as paths like "en/items/x/index.html". */
function bakedPages(dir = "dist", prefix = "") {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = join(prefix, name);
    if (statSync(join(dir, path)).isDirectory()) return bakedPages(dir, path);
    return name === "index.html" && prefix ? [path] : [];
  });
}

/** Counts layout shifts from the start of the page, as the CLS metric does. */
const recordLayoutShifts = (page) =>
  page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });

describe("the build", () => {
  it("writes a valid UTF-8 page with its own title for every address, in both languages", () => {
    const pages = bakedPages();
    const zh = pages.filter((p) => p.startsWith("zh/"));
    const en = pages.filter((p) => p.startsWith("en/"));
    assert.equal(zh.length, en.length);
    assert.deepEqual(en.map((p) => p.slice(3)).sort(), zh.map((p) => p.slice(3)).sort());
    for (const i of dataset.items) assert.ok(en.includes(`en/items/${i.id}/index.html`), i.id);
    const titles = new Set();
    for (const path of pages) {
      const html = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(join("dist", path)));
      const title = html.match(/<title>([^<]+)<\/title>/)?.[1];
      assert.ok(title && !titles.has(title), `${path}: ${title}`);
      titles.add(title);
    }
    assert.ok(statSync("dist/404.html").isFile());
  });
});

describe("without JavaScript", () => {
  it("the overview, an item, a profile and a chart are readable, and their links lead to other pages", async () => {
    const views = [
      ["en/", "main h1", /China – Central Asia Community with a Shared Future/, "[data-country=KGZ] a", /\/en\/countries\/KGZ\/$/],
      [`zh/items/${item.id}/`, "main h1", new RegExp(item.title.zh), ".link-list a", /\/zh\/items\/[^/]+\/$/],
      ["en/countries/KGZ/", "main h1", /^Kyrgyzstan$/, ".eyebrow a", /\/en\/countries\/$/],
      ["en/charts/poverty-rate/", "main h1", /^Poverty rate$/, ".eyebrow a", /\/en\/charts\/$/],
    ];
    for (const [address, selector, text, link, next] of views) {
      const page = await app.open(address, { javaScript: false });
      assert.match(await page.textContent(selector), text, address);
      assert.equal(await page.getAttribute("html", "data-app"), null, "the app did not run");
      if (address.includes("/items/")) {
        for (const id of item.figures) assert.ok(await page.locator(`.figure-card[data-figure=${id}]`).isVisible(), id);
      }
      if (address.includes("/charts/")) {
        assert.ok(await page.locator("[data-chart=poverty-rate] .chart-wide svg").isVisible());
        assert.match(await page.textContent("[data-chart=poverty-rate] .chart-wide svg"), /20\.1%/);
      }
      await page.click(`main ${link} >> nth=0`);
      await page.waitForURL(next);
      assert.ok((await page.textContent("main h1")).length > 0, `${address} → ${page.url()}`);
      await app.done(page);
    }
  });

  it("the site's root offers both languages", async () => {
    const page = await app.open("", { javaScript: false });
    assert.match(await page.textContent("main"), /中国—中亚[^]*China–Central Asia/);
    await page.click("a[href='en/']");
    await page.waitForURL(/\/en\/$/);
    assert.match(await page.textContent("main h1"), /Shared Future/);
    await app.done(page);
  });
});

describe("the app taking over", () => {
  it("shows the same text as the baked page, with no layout shift", async () => {
    for (const address of ["en/", `zh/items/${item.id}/`, "en/countries/KGZ/", "en/charts/poverty-rate/", "zh/explore/", "en/map/"]) {
      const baked = await app.open(address, { javaScript: false });
      const bakedText = await baked.innerText("main");
      await app.done(baked);
      const page = await app.open(address, { before: recordLayoutShifts });
      // The app starts only where an address needs it: started here, it takes the page over.
      await app.start(page);
      assert.equal(await page.innerText("main"), bakedText, address);
      await page.waitForTimeout(300);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls < 0.02, `${address}: cumulative layout shift ${cls}`);
      await app.done(page);
    }
  });

  it("moves nothing on a phone either, where Explore's results come first", async () => {
    for (const address of ["en/explore/", `en/items/${item.id}/`]) {
      const page = await app.open(address, { before: recordLayoutShifts, viewport: { width: 412, height: 823 } });
      await app.start(page);
      await page.waitForTimeout(300);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls < 0.02, `${address}: cumulative layout shift ${cls}`);
      await app.done(page);
    }
  });

  it("keeps the focused element and the scroll position", async () => {
    const page = await app.open("en/", { viewport: { width: 1280, height: 600 } });
    // A link far down the overview, focused as a reader tabbing there would.
    const href = await page.evaluate(() => {
      const deep = [...document.querySelectorAll("main a[href]")].find(
        (a) => a.getBoundingClientRect().top > 1200 && (a.focus(), document.activeElement === a),
      );
      return deep?.getAttribute("href");
    });
    assert.ok(href, "a link far down the page takes the focus");
    const scrolled = await page.evaluate(() => scrollY);
    assert.ok(scrolled > 0, "the focused link is further down the page");
    await page.evaluate(() => (window.samePage = true));
    await app.start(page);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), href);
    assert.equal(await page.evaluate(() => scrollY), scrolled);
    // The new page is the app's: the link now opens its page in place.
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname !== "/en/");
    assert.equal(await page.evaluate(() => window.samePage), true, "no page load");
    await app.done(page);
  });
});

describe("addresses of the first scheme", () => {
  const cases = [
    [`?view=item&id=${item.id}&lang=en`, {}, `/en/items/${item.id}/`, "main h1", item.title.en],
    ["?view=explore&country=KGZ~TJK&lang=zh&theme=dark", {}, "/zh/explore/?theme=dark&country=KGZ~TJK", "#results-count", /显示/],
    ["?view=charts&id=poverty-rate&tab=table&lang=en", {}, "/en/charts/poverty-rate/?tab=table", ".chart-table caption, main h1", /Poverty rate/],
    ["?view=map&lang=zh", {}, "/zh/map/", "main h1", "地图"],
    ["?view=countries&id=KGZ", { locale: "zh-CN" }, "/zh/countries/KGZ/", "main h1", "吉尔吉斯斯坦"],
    ["?lang=both", { locale: "en-US" }, "/both/", "[data-country=TJK] h3 [lang=en]", "Tajikistan"],
  ];
  for (const [old, options, address, selector, text] of cases) {
    it(`${old} opens ${address}`, async () => {
      const page = await app.open(old, options);
      assert.equal(page.url(), app.url(address.slice(1)));
      const shown = await page.textContent(selector);
      if (text instanceof RegExp) assert.match(shown, text);
      else assert.equal(shown.trim(), text);
      await app.done(page);
    });
  }
});

describe("an unknown address", () => {
  it("gets a bilingual page with a search field and a way back", async () => {
    const page = await app.open("en/no/such/page/", { live: false });
    assert.match(await page.textContent("main"), /找不到这一页[^]*Page not found/);
    // Its stylesheet loaded from the site's root, though the page is three folders down.
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector(".button")).borderRadius), "0px");
    assert.equal(await page.evaluate(() => document.querySelector("a[href='en/']").href), app.url("en/"));
    await page.fill("#search-en", "pipeline");
    await page.press("#search-en", "Enter");
    await page.waitForURL(/\/en\/explore\/\?q=pipeline$/);
    await app.ready(page);
    assert.equal(await page.inputValue("#search"), "pipeline");
    assert.ok((await page.locator(RESULT).count()) < dataset.items.length);
    await app.done(page);
  });
});
