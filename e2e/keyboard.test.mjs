// The main path by keyboard alone: from the overview to Explore, a search, a facet, an
// item, a figure's provenance, a chart's table, the other language and a copied embed
// snippet. Only keys are pressed: no clicks, no focus() and no navigation by the test.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { RESULT, useApp } from "./harness.mjs";

const app = useApp();

/** Items whose baked English page draws a chart: the path goes on from one to its chart. */
const withChart = (id) => {
  const file = `dist/en/items/${id}/index.html`;
  return existsSync(file) && readFileSync(file, "utf8").includes('class="chart-title"');
};

/** A short description of the focused element, for failure messages. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "nothing (the page's body)";
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).replace(/ /g, ".")}` : ""}> "${text}"`;
  });

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element matches `predicate`
 * (run in the page with the element and `arg`); fails naming `what` and where the focus
 * got to if it takes more than `max` presses.
 */
async function tabTo(page, what, predicate, { arg, max = 60, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const el = await page.evaluateHandle(() => document.activeElement);
    const hit = await el.evaluate(predicate, arg);
    await el.dispose();
    if (hit) return;
  }
  assert.fail(`${back ? "Shift+Tab" : "Tab"} did not reach ${what} in ${max} presses; the focus is on ${await focused(page)}`);
}

/** The results Explore shows: their count as the live region says it, and the list. */
const results = async (page) => ({
  said: Number((await page.textContent("#results-count")).match(/^(\d+) of/)?.[1]),
  shown: await page.$$eval(RESULT, (els) => els.length),
});

describe("the keyboard alone", () => {
  it("goes from the overview to a figure's source, a chart's table, Chinese and a copied embed snippet", async () => {
    const page = await app.open("en/", {
      before: (p) => p.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url() }),
    });

    // The header's link to Explore.
    await tabTo(page, "the navigation's Explore link", (el) => el.matches("nav a") && el.textContent.trim() === "Explore", { max: 20 });
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/en\/explore\/$/);
    assert.equal((await page.textContent("main h1")).trim(), "Explore");

    // `/` goes to the search field; typing filters the list and names it in the URL.
    await page.keyboard.press("/");
    await page.waitForFunction(() => document.activeElement?.id === "search", null, { timeout: 2000 }).catch(async () => {
      assert.fail(`"/" did not focus the search field; the focus is on ${await focused(page)}`);
    });
    const all = await results(page);
    await page.keyboard.type("poverty");
    await page.waitForURL(/\?q=poverty$/);
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length < n, [RESULT, all.shown]);
    const found = await results(page);
    assert.ok(found.shown > 1 && found.shown < all.shown, `"poverty" finds ${found.shown} of ${all.shown} items`);
    assert.equal(found.said, found.shown, "the live region counts the list");
    assert.equal(await page.inputValue("#search"), "poverty");

    // Tab on to the Kyrgyzstan box of the country facet, and tick it with Space.
    await tabTo(page, "the country facet's KGZ checkbox", (el) => el.matches("input[type=checkbox][data-facet=country][value=KGZ]"));
    const facet = await page.evaluate(() => {
      const el = document.activeElement;
      return { name: el.dataset.facet, value: el.value, count: Number(el.closest("label").querySelector(".count").textContent) };
    });
    await page.keyboard.press("Space");
    await page.waitForURL(new RegExp(`[?&]${facet.name}=${facet.value}(&|$)`));
    assert.ok(facet.count > 0 && facet.count < found.shown, `the facet narrows the list (${facet.count} of ${found.shown})`);
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [RESULT, facet.count]);
    const narrowed = await results(page);
    assert.equal(narrowed.said, facet.count, "the list shows as many items as the facet promised");
    assert.equal(await page.isChecked(`input[data-facet=${facet.name}][value="${facet.value}"]`), true, "the box is ticked");
    assert.match(page.url(), /q=poverty/, "the search is kept");
    // The reader's place is kept: the next Tab goes on from the box just ticked.
    assert.equal(await page.evaluate(() => document.activeElement?.value), facet.value, `the focus stays on the facet, not on ${await focused(page)}`);

    // On to the title of a result that has figures and a chart; Enter opens the item.
    const charted = (await page.$$eval(RESULT, (els) => els.map((e) => e.dataset.item))).filter(withChart);
    assert.ok(charted.length > 0, "a result with a chart to go on to");
    await tabTo(page, "the title link of a result with a chart", (el, ids) => el.matches(".result-title a") && ids.includes(el.closest("article").dataset.item), {
      arg: charted,
      max: 80,
    });
    const title = (await page.evaluate(() => document.activeElement.textContent)).trim();
    const item = await page.evaluate(() => document.activeElement.closest("article").dataset.item);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/en/items/${item}/$`));
    assert.equal((await page.textContent("main h1")).trim(), title);

    // A figure's provenance opens with Enter on its summary.
    await tabTo(page, "a figure's Provenance summary", (el) => el.matches(".figure-card .provenance > summary"));
    const figure = await page.evaluate(() => document.activeElement.closest("[data-provenance]").dataset.provenance);
    const provenance = `.figure-card .provenance[data-provenance="${figure}"]`;
    assert.equal(await page.isVisible(`${provenance} dl`), false, "the provenance starts folded");
    await page.keyboard.press("Enter");
    await page.waitForSelector(`${provenance} dl`, { state: "visible" });
    assert.match(await page.textContent(`${provenance} dl`), /In the article/);
    assert.ok(await page.isVisible(`${provenance} .locator-link`), "the figure's place in the article is shown");

    // On to the item's chart, and its table tab.
    await tabTo(page, "a chart's title link", (el) => el.matches(".chart-title a"));
    const chartHref = await page.evaluate(() => new URL(document.activeElement.href).pathname);
    const chart = chartHref.match(/\/en\/charts\/([^/]+)\/$/)?.[1];
    assert.ok(chart, `the chart link goes to a chart page (${chartHref})`);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/en/charts/${chart}/$`));
    await page.waitForSelector(`h1.chart-title`);
    assert.equal(await page.isVisible(".chart-table"), false, "the chart page starts on the chart");
    await tabTo(page, "the chart's table button", (el) => el.matches("[data-action=table]"), { max: 80 });
    assert.equal((await page.innerText("[data-action=table]")).trim(), "Show as table");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/en/charts/${chart}/\\?tab=table$`));
    await page.waitForSelector(".chart-table tbody tr[data-figure]", { state: "visible" });
    assert.equal((await page.innerText("[data-action=table]")).trim(), "Show as chart");

    // Back up to the header's language switch: Chinese, on the same table.
    await tabTo(page, "the language switch's 中文 link", (el) => el.matches("[data-switch=lang] a[data-option=zh]"), { back: true, max: 80 });
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/zh/charts/${chart}/\\?tab=table$`));
    await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    assert.equal((await page.innerText("[data-action=table]")).trim(), "以图表查看");
    assert.ok(await page.isVisible(".chart-table"), "the table is still shown");
    assert.equal(await page.getAttribute("[data-switch=lang] a[data-option=zh]", "aria-current"), "true");

    // The embed dialog, and its copy button.
    await tabTo(page, "the Embed button", (el) => el.matches(".embed-open"), { max: 120 });
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".embed-dialog")?.matches(":modal"));
    assert.ok(await page.evaluate(() => document.querySelector(".embed-dialog").contains(document.activeElement)), "the focus moves into the dialog");
    await tabTo(page, "the dialog's copy button", (el) => el.matches(".embed-dialog [data-action=copy]"), { max: 120 });
    const snippet = await page.inputValue("#embed-code");
    assert.match(snippet, new RegExp(`^<iframe src="[^"]*/zh/charts/${chart}/\\?tab=table&amp;embed=1"`));
    await page.keyboard.press("Enter");
    // The clipboard may be used (the test granted it): the snippet is copied.
    const status = page.locator(".embed-actions [role=status]");
    await status.filter({ hasText: /\S/ }).waitFor();
    assert.match(await status.textContent(), /已复制/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet, "the clipboard holds the snippet");

    // Escape closes the dialog and gives the focus back to its button.
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.querySelector(".embed-dialog").open);
    assert.ok(await page.evaluate(() => document.activeElement.matches(".embed-open")), `the focus is back on the Embed button, not on ${await focused(page)}`);
    await app.done(page);
  });
});
