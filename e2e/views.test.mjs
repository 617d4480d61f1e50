// The record views and deep links: item, countries, sources, glossary; keyboard path;
// narrow screens.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
const withFigures = dataset.items.find((i) => i.figures?.length && i.references?.length);
const linkedNote = dataset.footnotes.find((n) => n.url?.startsWith("https://"));
const withFootnote = dataset.items.find((i) => i.footnotes?.includes(linkedNote.id));

describe("Item view", () => {
  it("shows an item in full with its figures, place in the article and sources, in both languages", async () => {
    for (const [lang, pick] of [["en", (t) => t.en], ["zh", (t) => t.zh]]) {
      const page = await app.open(`${lang}/items/${withFigures.id}/`);
      assert.equal(await page.textContent("main h1"), pick(withFigures.title));
      assert.equal(await page.$$eval(".figure-card[data-figure]", (els) => els.length), withFigures.figures.length);
      assert.match(await page.textContent(".locator"), lang === "en" ? /¶\d/ : /第\d+段/);
      const refs = await page.$$eval(".references li", (els) => els.map((e) => e.textContent));
      for (const id of withFigures.references) {
        const entry = dataset.references.find((r) => r.id === id).entry;
        assert.ok(refs.includes(entry), `reference ${id}`);
      }
      await app.done(page);
    }
  });

  it("links footnote URLs that are plain web addresses", async () => {
    const page = await app.open(`en/items/${withFootnote.id}/`);
    assert.equal(await page.getAttribute(`.footnotes a[href="${linkedNote.url}"]`, "href"), linkedNote.url);
    const unlinked = dataset.footnotes.find((n) => n.url && !n.url.startsWith("http"));
    assert.ok(unlinked, "the dataset has a footnote address without a scheme, which this test needs");
    const page2 = await app.open(`en/sources/`);
    assert.equal(await page2.locator(`[data-footnote=${unlinked.id}] a[href*="asaninst"]`).count(), 0, "no scheme, no link");
    await app.done(page2);
    await app.done(page);
  });

  it("opens from a result and keeps language and theme", async () => {
    const page = await app.open("zh/explore/?theme=dark");
    // An item on Explore's first page (25 results at a time).
    const first = dataset.items[0];
    await page.click(`article[data-item=${first.id}] h2 a`);
    await page.waitForURL(new RegExp(`/zh/items/${first.id}/\\?theme=dark$`));
    await page.goBack();
    await page.waitForSelector("article[data-item]");
    assert.match(page.url(), /\/zh\/explore\/\?theme=dark$/);
    await app.done(page);
  });

  it("says clearly when the id does not exist", async () => {
    const page = await app.open("en/items/no-such-item/", { live: false });
    assert.match(await page.textContent("main"), /Page not found/);
    await app.done(page);
  });
});

describe("Countries", () => {
  it("lists the five and China, and each profile shows every figure about it", async () => {
    const page = await app.open("en/countries/");
    const ids = await page.$$eval("[data-country]", (els) => els.map((e) => e.dataset.country));
    assert.deepEqual(ids.sort(), ["CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]);
    await page.click("[data-country=KGZ] a");
    await page.waitForURL(/\/en\/countries\/KGZ\/$/);
    const expected = dataset.figures.filter((f) => f.country === "KGZ" || f.partner === "KGZ").map((f) => f.id);
    const shown = await page.$$eval(".figure-card[data-figure]", (els) => els.map((e) => e.dataset.figure));
    assert.deepEqual(shown, expected);
    assert.match(await page.textContent("main"), /Member of the SCO/);
    await page.reload();
    await page.waitForSelector(".figure-card[data-figure]");
    assert.equal(await page.textContent("main h1"), "Kyrgyzstan");
    await app.done(page);
  });

  it("gives Turkmenistan's SCO status as the article states it", async () => {
    const page = await app.open("zh/countries/TKM/");
    assert.match(await page.textContent("main"), /非上合组织成员国/);
    await app.done(page);
  });
});

describe("Sources and glossary", () => {
  it("lists the 15 references exactly and what relies on each", async () => {
    const page = await app.open("en/sources/");
    const entries = await page.$$eval("[data-reference] > span[lang=zh-Hans]", (els) => els.map((e) => e.textContent));
    assert.deepEqual(entries, dataset.references.map((r) => r.entry));
    assert.equal(await page.$$eval("[data-footnote]", (els) => els.length), dataset.footnotes.length);
    const r10 = page.locator("[data-reference=r10] details");
    await r10.locator("summary").click();
    assert.ok((await r10.locator("a").count()) > 0, "reference 10 backs some items");
    await app.done(page);
  });

  it("shows every term side by side in both languages", async () => {
    const page = await app.open("en/glossary/");
    const rows = await page.$$eval("[data-term]", (els) =>
      els.map((e) => [e.querySelector("th").textContent, e.querySelector("td").textContent]),
    );
    assert.deepEqual(rows, dataset.glossary.map((t) => [t.term.zh, t.term.en]));
    await app.done(page);
  });
});

describe("Keyboard and small screens", () => {
  it("offers a skip link first and marks the current view in the navigation", async () => {
    const page = await app.open("zh/sources/");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    assert.equal(await page.getAttribute("nav a[aria-current=page]", "href"), "../../zh/sources/");
    await app.done(page);
  });

  it("reaches the facets by keyboard and toggles them with Space", async () => {
    const page = await app.open("en/explore/");
    await page.focus("#search");
    let guard = 0;
    while (guard++ < 30) {
      await page.keyboard.press("Tab");
      const facet = await page.evaluate(() => document.activeElement?.dataset?.facet);
      if (facet) break;
    }
    const value = await page.evaluate(() => document.activeElement.value);
    await page.keyboard.press("Space");
    await page.waitForURL(new RegExp(`=${value}`));
    await app.done(page);
  });

  it("never scrolls sideways at 360 px", async () => {
    for (const query of ["en/", "both/explore/", "both/charts/", "en/map/", `both/items/${withFigures.id}/`, "en/sources/", "both/glossary/", "en/countries/KGZ/"]) {
      const page = await app.open(query, { viewport: { width: 360, height: 740 } });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${query}: ${width}px wide`);
      await app.done(page);
    }
  });
});
