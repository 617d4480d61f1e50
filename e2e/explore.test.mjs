// Explore: facets with counts, bilingual search, the URL as state, back and forward.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { RESULT, searchHighlights, useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));

/** Explore draws this many results at a time (`PAGE_SIZE` in src/explore.rs). */
const PAGE = 25;
/** The "show more" button, while there are more results to show. */
const MORE = ".show-more:not([hidden])";
/** The results shown, once no row to show is on its way (the island's `aria-busy`). */
const drawn = async (page) => {
  await page.waitForSelector("[data-island=explore]:not([aria-busy])", { state: "attached" });
  return page.$$eval(RESULT, (els) => els.map((e) => e.dataset.item));
};
/** The ids of all results, pressing "show more" until every one is drawn. */
async function shownItems(page) {
  while (await page.locator(MORE).count()) {
    const before = (await drawn(page)).length;
    await page.click(MORE);
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [RESULT, before]);
  }
  return drawn(page);
}
const countBeside = (page, facet, value) =>
  page.$eval(`input[data-facet=${facet}][value="${value}"]`, (el) => Number(el.closest("label").querySelector(".count").textContent));
const liveRegion = (page) => page.textContent("#results-count");

describe("Explore", () => {
  it("lists every item a page at a time, each as an article carrying its id", async () => {
    const page = await app.open("en/explore/");
    const total = dataset.items.length;
    assert.ok(total > PAGE, "the real dataset needs more than one page");
    assert.deepEqual(await drawn(page), dataset.items.slice(0, PAGE).map((i) => i.id));
    const hidden = total - PAGE;
    assert.equal((await page.textContent(".show-more")).trim(), `Show ${Math.min(PAGE, hidden)} more (${hidden} not shown)`);
    // The next page's first result takes the focus, so reading goes on from there.
    await page.click(".show-more");
    await page.waitForFunction((id) => document.activeElement?.closest("article[data-item]")?.dataset.item === id, dataset.items[PAGE].id);
    assert.deepEqual(await shownItems(page), dataset.items.map((i) => i.id));
    assert.equal(await page.locator(MORE).count(), 0);
    assert.match(await liveRegion(page), new RegExp(`${total} of ${total} items`));
    await app.done(page);
  });

  it("starts again at one page when the selection changes", async () => {
    const page = await app.open("en/explore/");
    await page.click(".show-more");
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [RESULT, PAGE]);
    await page.fill("#search", "a");
    await page.waitForURL(/q=a/);
    const matching = Number((await liveRegion(page)).match(/^\d+/)[0]);
    assert.equal((await drawn(page)).length, Math.min(PAGE, matching));
    await app.done(page);
  });

  it("follows typing at once and writes the address once typing pauses, not at every keystroke", async () => {
    const page = await app.open("en/explore/");
    await page.evaluate(() => {
      window.addressWrites = 0;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args) => (window.addressWrites++, replace(...args));
    });
    await page.click("#search");
    await page.keyboard.type("pipeline", { delay: 30 });
    await page.waitForURL(/\/en\/explore\/\?q=pipeline$/);
    const expected = dataset.items.filter((i) => JSON.stringify([i.title, i.text]).toLowerCase().includes("pipeline")).length;
    assert.match(await liveRegion(page), new RegExp(`^${expected} of`));
    // Eight keystrokes; one rewrite of the address is the norm (a slow machine may pause).
    const writes = await page.evaluate(() => window.addressWrites);
    assert.ok(writes >= 1 && writes < 4, `${writes} address writes for 8 keystrokes`);
    await app.done(page);
  });

  it("keeps the search in the address when a result is opened right after typing", async () => {
    const page = await app.open("en/explore/");
    await page.click("#search");
    await page.keyboard.type("gulen");
    await page.click(`${RESULT} .result-title a`);
    await page.waitForURL(/\/en\/items\//);
    await page.goBack();
    await page.waitForURL(/\/en\/explore\/\?q=gulen$/);
    // The page loaded again: its island shows the address's search once it is live.
    await app.ready(page);
    assert.equal(await page.inputValue("#search"), "gulen");
    await app.done(page);
  });

  it("filters by a facet, shows the count it promised and adds a history entry", async () => {
    const page = await app.open("en/explore/");
    const expected = dataset.items.filter((i) => i.countries.includes("KGZ")).map((i) => i.id);
    assert.equal(await countBeside(page, "country", "KGZ"), expected.length);
    const before = await page.evaluate(() => history.length);
    await page.check("input[data-facet=country][value=KGZ]");
    await page.waitForURL(/country=KGZ/);
    assert.deepEqual(await shownItems(page), expected);
    assert.equal(await page.evaluate(() => history.length), before + 1);
    assert.match(await liveRegion(page), new RegExp(`^${expected.length} of`));
    await app.done(page);
  });

  it("finds by place in the argument map the items the map lists there, each row naming its place", async () => {
    const page = await app.open("en/argument/");
    const mapAddress = page.url();
    const listed = await page.$$eval(".argument-group", (groups) =>
      Object.fromEntries(groups.map((g) => [g.querySelector("h2").textContent.trim(),
        [...g.querySelectorAll(".argument-node")].map((li) => li.dataset.item)])));
    const challenges = listed["Challenges to the idea"];
    assert.ok(challenges?.length > 0, "the map lists challenges");
    await page.goto(new URL("../explore/", page.url()).href);
    await app.ready(page);
    assert.equal(await countBeside(page, "role", "challenge"), challenges.length);
    await page.check("input[data-facet=role][value=challenge]");
    await page.waitForURL(/role=challenge/);
    assert.deepEqual(await shownItems(page), challenges);
    const chips = await page.$$eval(`${RESULT} .chip-role a`, (links) => links.map((a) => [a.textContent, a.href]));
    assert.equal(chips.length, challenges.length);
    for (const chip of chips) assert.deepEqual(chip, ["Challenge", mapAddress]);
    await app.done(page);
  });

  it("counts follow the other facets", async () => {
    const page = await app.open("en/explore/?kind=recommendation");
    const recs = dataset.items.filter((i) => i.kind === "recommendation");
    assert.equal((await shownItems(page)).length, recs.length);
    for (const topic of dataset.topics) {
      const n = recs.filter((i) => i.topics.includes(topic.id)).length;
      assert.equal(await countBeside(page, "topic", topic.id), n, topic.id);
    }
    await app.done(page);
  });

  it("combines values of one facet with OR and facets with AND, and back/forward restore each step", async () => {
    const page = await app.open("en/explore/");
    await page.check("input[data-facet=country][value=KGZ]");
    await page.waitForURL(/country=KGZ$/);
    await page.check("input[data-facet=country][value=TJK]");
    await page.waitForURL(/country=KGZ~TJK/);
    const either = dataset.items.filter((i) => i.countries.includes("KGZ") || i.countries.includes("TJK"));
    assert.equal((await shownItems(page)).length, either.length);
    await page.check("input[data-facet=kind][value=problem]");
    await page.waitForURL(/kind=problem/);
    const both = either.filter((i) => i.kind === "problem");
    assert.deepEqual(await shownItems(page), both.map((i) => i.id));

    await page.goBack();
    await page.waitForURL((u) => !u.search.includes("kind="));
    assert.equal((await shownItems(page)).length, either.length);
    assert.equal(await page.isChecked("input[data-facet=kind][value=problem]"), false);
    await page.goBack();
    await page.waitForURL(/country=KGZ$/);
    assert.equal(await page.isChecked("input[data-facet=country][value=TJK]"), false);
    await page.goForward();
    await page.goForward();
    await page.waitForURL(/kind=problem/);
    assert.deepEqual(await shownItems(page), both.map((i) => i.id));
    await app.done(page);
  });

  it("says so when nothing matches and clears everything on request", async () => {
    const page = await app.open("en/explore/?q=zzzzzz-nothing");
    assert.equal((await shownItems(page)).length, 0);
    assert.match(await page.textContent(".empty-results"), /No items match/);
    await page.click(".empty-results button");
    await page.waitForURL((u) => u.pathname.endsWith("/en/explore/") && u.search === "");
    assert.equal((await drawn(page)).length, PAGE);
    assert.equal(await page.inputValue("#search"), "");
    await app.done(page);
  });

  it("ignores unknown and malformed filter values", async () => {
    const page = await app.open('en/explore/?country=XXX~KGZ~"><b>x</b>&kind=opinion&section=s9');
    const expected = dataset.items.filter((i) => i.countries.includes("KGZ"));
    assert.equal((await shownItems(page)).length, expected.length);
    assert.equal(await page.$$eval("main b", (els) => els.length), 0);
    await app.done(page);
  });
});

describe("Search", () => {
  it("finds Chinese text from the English view, highlights it, and rewrites the URL in place", async () => {
    const page = await app.open("en/explore/");
    const before = await page.evaluate(() => history.length);
    await page.fill("#search", "贫困");
    await page.waitForURL(/q=%E8%B4%AB%E5%9B%B0/);
    const hits = await shownItems(page);
    assert.ok(hits.length > 0 && hits.length < dataset.items.length, `${hits.length} hits`);
    const poverty = dataset.items.filter((i) => i.topics.includes("poverty")).map((i) => i.id);
    assert.ok(poverty.some((id) => hits.includes(id)), "items on poverty are among the hits");
    assert.equal(await page.evaluate(() => history.length), before, "typing replaces the entry");
    await page.reload();
    await app.ready(page);
    assert.equal(await page.inputValue("#search"), "贫困");
    assert.deepEqual(await shownItems(page), hits);
    await app.done(page);
  });

  it("ignores case, width and diacritics", async () => {
    const page = await app.open("en/explore/");
    await page.fill("#search", "gulen");
    await page.waitForURL(/q=gulen/);
    const plain = await shownItems(page);
    assert.ok(plain.length > 0);
    const marks = (await searchHighlights(page)).map((h) => h.text);
    assert.ok(marks.some((m) => m === "Gülen"), marks.join(","));
    await page.fill("#search", "ＧÜＬＥＮ");
    await page.waitForURL(/q=%EF%BC%A7/);
    assert.deepEqual(await shownItems(page), plain);
    await app.done(page);
  });

  it("matches in both scripts in the bilingual view", async () => {
    const page = await app.open("both/explore/?q=poverty");
    const marks = await searchHighlights(page);
    assert.ok(marks.some((h) => h.lang === "en" && h.item && h.text.toLowerCase() === "poverty"), JSON.stringify(marks));
    assert.ok(marks.every((h) => h.item), "painted in shown results only");
    const first = page.locator(RESULT).first();
    assert.equal(await first.locator("p .bi > [lang=zh-Hans]").count(), 1);
    assert.equal(await first.locator("p .bi > [lang=en]").count(), 1);
    await app.done(page);
    // A Chinese search is painted in the Chinese texts of the side-by-side view.
    const zh = await app.open(`both/explore/?q=${encodeURIComponent("贫困")}`);
    const zhMarks = await searchHighlights(zh);
    assert.ok(zhMarks.some((h) => h.lang === "zh-Hans" && h.item && h.text === "贫困"), JSON.stringify(zhMarks));
    await app.done(zh);
  });

  it("does not react to Enter nor to text still being composed by an input method", async () => {
    const page = await app.open("zh/explore/");
    const url = page.url();
    const everything = await liveRegion(page);
    await page.focus("#search");
    await page.keyboard.press("Enter");
    assert.equal(page.url(), url);
    // An IME composition: input events arrive while composing; only its end counts.
    await page.evaluate(() => {
      const input = document.getElementById("search");
      input.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }));
      input.value = "pin";
      input.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true }));
    });
    // The list follows typing at once and the address 300 ms after typing stops: after
    // longer than that, neither has taken the unfinished text.
    await page.waitForTimeout(600);
    assert.equal(page.url(), url);
    assert.equal(await liveRegion(page), everything);
    await page.evaluate(() => {
      const input = document.getElementById("search");
      input.value = "贫";
      input.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "贫" }));
    });
    await page.waitForURL(/q=%E8%B4%AB/);
    assert.notEqual(await liveRegion(page), everything);
    await app.done(page);
  });

  it("is reached by pressing / from any view", async () => {
    const page = await app.open("en/");
    await page.keyboard.press("/");
    await page.waitForURL(/\/en\/explore\/$/);
    await page.waitForFunction(() => document.activeElement?.id === "search");
    await page.keyboard.type("pipeline");
    await page.waitForURL(/q=pipeline/);
    assert.ok((await shownItems(page)).length > 0);
    await app.done(page);
  });
});
