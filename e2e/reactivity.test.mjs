// Fine-grained updates: a switch or a keystroke changes what it is about and leaves the
// rest of the page as it was (the same elements, so no flicker, no lost focus or state).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { RESULT, searchHighlights, useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));

/** Tags elements (by selector) so that a later check can tell if they were replaced. */
const tag = (page, selectors) =>
  page.evaluate((list) => list.forEach((s, i) => (document.querySelector(s).dataset.kept = String(i))), selectors);
const replaced = (page, selectors) =>
  page.evaluate((list) => list.filter((s, i) => document.querySelector(s)?.dataset.kept !== String(i)), selectors);

describe("fine-grained updates", () => {
  it("a theme switch redraws no chart and no text, and every link carries the new theme", async () => {
    const page = await app.open("en/charts/poverty-rate/");
    const kept = ["main svg", "main h1", ".nav-links li:nth-child(2) a", ".site-footer p"];
    await tag(page, kept);
    await page.click("button.seg[data-option=dark]");
    await page.waitForURL(/theme=dark/);
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    assert.deepEqual(await replaced(page, kept), []);
    const hrefs = await page.$$eval("main a[href^='.'], .nav-links a", (links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length > 5);
    for (const href of hrefs) assert.match(href, /theme=dark/, href);
    await app.done(page);
  });

  it("a search keystroke leaves the header, the facets and a result that still matches", async () => {
    const page = await app.open("en/explore/?q=poverty");
    const first = (await searchHighlights(page)).find((h) => h.item)?.item;
    assert.ok(first, "a result shows a match");
    // Nothing of a result is drawn again: its matches are painted over its text.
    const kept = [
      ".nav-links li:nth-child(1) a",
      "input[data-facet=country][value=KGZ]",
      `article[data-item="${first}"] footer`,
      `article[data-item="${first}"] .result-title a`,
      `article[data-item="${first}"] p`,
    ];
    await tag(page, kept);
    await page.fill("#search", "poverty ");
    await page.fill("#search", "povert");
    await page.waitForURL(/q=povert$/);
    assert.deepEqual(await replaced(page, kept), []);
    // The result's matches are painted anew for the new text.
    const marks = (await searchHighlights(page)).filter((h) => h.item === first).map((h) => h.text.toLowerCase());
    assert.ok(marks.length > 0 && marks.every((m) => m === "povert"), marks.join());
    await app.done(page);
  });

  it("a result that comes back is shown again in its place, the same element", async () => {
    const page = await app.open("en/explore/");
    const ids = () => page.$$eval(RESULT, (els) => els.map((e) => e.dataset.item));
    const firstPage = await ids();
    const first = dataset.items.find((i) => i.id === firstPage[0]);
    const kept = [`article[data-item="${first.id}"]`];
    await tag(page, kept);
    await page.fill("#search", "kyrgyz");
    await page.waitForURL(/q=kyrgyz$/);
    assert.ok(!(await ids()).includes(first.id), "the first result does not match");
    // Kept in the page, out of sight, out of the tab order and of assistive technology.
    assert.equal(await page.locator(kept[0]).isVisible(), false);
    assert.equal(await page.locator(`${kept[0]} .result-title a`).evaluate((a) => a.checkVisibility()), false);
    assert.equal(await page.getAttribute(kept[0], "aria-hidden"), "true");
    await page.fill("#search", "");
    await page.waitForURL(/\/en\/explore\/$/);
    assert.deepEqual(await ids(), firstPage);
    assert.deepEqual(await replaced(page, kept), []);
    assert.equal(await page.isVisible(kept[0]), true);
    assert.equal(await page.getAttribute(kept[0], "aria-hidden"), null);
    await app.done(page);
  });

  it("a language switch keeps what is typed and ticked, and shows the same results in the other language", async () => {
    const page = await app.open("en/explore/");
    await page.fill("#search", "poverty");
    await page.check("input[data-facet=country][value=KGZ]");
    await page.waitForURL(/q=poverty&country=KGZ$/);
    const before = await page.$$eval(RESULT, (els) => els.map((e) => e.dataset.item));
    // Explore's page in the other language, a page load of its baked page.
    await page.click("a.seg[data-option=zh]");
    await page.waitForURL(/\/zh\/explore\/\?q=poverty&country=KGZ$/);
    await app.ready(page);
    assert.equal(await page.textContent("main h1"), "浏览");
    assert.equal(await page.inputValue("#search"), "poverty");
    assert.equal(await page.isChecked("input[data-facet=country][value=KGZ]"), true);
    assert.deepEqual(await page.$$eval(RESULT, (els) => els.map((e) => e.dataset.item)), before);
    const title = await page.textContent(`article[data-item="${before[0]}"] .result-title`);
    assert.equal(title.trim(), dataset.items.find((i) => i.id === before[0]).title.zh);
    await app.done(page);
  });
});
