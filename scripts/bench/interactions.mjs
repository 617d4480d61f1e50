// Responsiveness once the app runs (desktop-sized window, no throttling): a search
// keystroke and a facet click in Explore to the updated list on screen, a language and a
// theme switch to the page redrawn; and the memory the app holds.
import { READY } from "../ready.mjs";
import { pageClock, stats, timed } from "./common.mjs";

// Typed one character at a time: prefixes that match much, then little; both languages.
export const WORDS = ["poverty", "kyrgyz", "pipeline", "education", "贫困", "合作"];

/**
 * A fresh page on `url`, once it is ready (scripts/ready.mjs: the app has taken over a
 * page that starts it at load; Explore once its island is live; a reading page once
 * loaded: it needs no app); throws on a data error.
 */
export async function openApp(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(pageClock);
  // The loader announces the started app, or the page's island, with its exports, the
  // memory among them.
  await page.addInitScript(() => {
    for (const event of ["TrunkApplicationStarted", "cca-explorer-island"]) {
      addEventListener(event, (e) => (window.__wasmMemory = e.detail?.wasm?.memory));
    }
  });
  await page.goto(url);
  await page.waitForSelector(`${READY}, html[data-start=failed]`, { state: "attached", timeout: 180000 });
  if ((await page.getAttribute("html", "data-start")) === "failed") throw new Error(`the page's code could not start at ${url}`);
  const error = await page.$eval(".status-error", (e) => e.innerText).catch(() => null);
  if (error) throw new Error(`the app reports a data error at ${url}:\n${error}`);
  return page;
}

/** Keystrokes in the search field: each character of each word, then clearing it. */
export async function searchKeystrokes(page, { rounds, words = WORDS }) {
  const times = [];
  await page.click("#search");
  for (let round = 0; round < rounds; round++) {
    for (const word of words) {
      for (const char of word) {
        // `type` presses the keys it knows and inserts other text (Chinese) at once, as an input method commits it.
        times.push(await timed(page, ["keydown", "input"], () => page.keyboard.type(char)));
      }
      await page.keyboard.press("Control+A");
      times.push(await timed(page, ["keydown", "input"], () => page.keyboard.press("Backspace")));
    }
  }
  return times.filter((t) => t != null);
}

/** Clicks on facet checkboxes: a few values of each facet, each ticked then unticked. */
export async function facetClicks(page, { rounds, perFacet = 2 }) {
  const values = await page.$$eval("input[type=checkbox][data-facet]", (boxes) =>
    boxes.map((b) => [b.dataset.facet, b.value, Number(b.closest("label")?.querySelector(".count")?.textContent)]),
  );
  const chosen = [];
  for (const facet of new Set(values.map(([f]) => f))) {
    chosen.push(...values.filter(([f, , count]) => f === facet && count > 0).slice(0, perFacet));
  }
  const times = [];
  for (let round = 0; round < rounds; round++) {
    for (const [facet, value] of chosen) {
      // The list and the facets are drawn anew after each click: find the box again.
      const box = `input[type=checkbox][data-facet="${facet}"][value="${value}"]`;
      for (let i = 0; i < 2; i++) times.push(await timed(page, ["click"], () => page.click(box)));
    }
  }
  return times.filter((t) => t != null);
}

/** Clicks through the header's switch (`a.seg` languages, `button.seg` themes). */
export async function switchClicks(page, { element, options, rounds }) {
  const times = [];
  for (let round = 0; round < rounds; round++) {
    for (const option of options) {
      const target = `header.site-header ${element}.seg[data-option=${option}]`;
      times.push(await timed(page, ["click"], () => page.click(target), 200));
    }
  }
  return times.filter((t) => t != null);
}

/** The wasm instance's linear memory and V8's used JS heap after a full collection, in bytes. */
export async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
  return { wasm_bytes: wasm, js_heap_bytes: usedSize };
}

/** `count` searches typed into the field at once (as a paste would), each waited for until drawn. */
export async function manySearches(page, count) {
  const queries = WORDS.flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1))).concat("");
  for (let i = 0; i < count; i++) {
    await page.fill("#search", queries[i % queries.length]);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok))));
  }
}

/**
 * Explore on one dataset: keystrokes and facet clicks, and memory after load and after
 * `searches` searches in all (the timed keystrokes count among them).
 */
export async function explore(browser, url, { rounds, searches }) {
  const page = await openApp(browser, url);
  // What the app says it holds ("116 of 116 items"), to see which dataset it runs on.
  const results = await page.$eval("#results-count", (e) => e.textContent.trim());
  const shown = await page.$$eval("article[data-item]", (list) => list.length);
  const afterLoad = await memory(page);
  const search = await searchKeystrokes(page, { rounds });
  const facets = await facetClicks(page, { rounds });
  // Every keystroke was a search.
  if (searches > search.length) await manySearches(page, searches - search.length);
  const afterSearches = await memory(page);
  await page.context().close();
  return {
    results,
    shown,
    search_keystroke_ms: stats(search),
    facet_click_ms: stats(facets),
    memory: { after_load: afterLoad, after_searches: afterSearches, searches: Math.max(searches, search.length) },
  };
}

/**
 * Theme switches on one page, in place (src/boot.js before the app, the app after). The
 * language switch is a link to the page's baked twin: a page load, which the cold loads
 * measure.
 */
export async function switches(browser, url, { rounds }) {
  const page = await openApp(browser, url);
  const theme = await switchClicks(page, { element: "button", options: ["dark", "light", "auto"], rounds });
  await page.context().close();
  return { theme_switch_ms: stats(theme) };
}
