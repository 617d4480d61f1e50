// The views' code in wasm chunks (src/chunks.rs, tools/split-wasm): the overview needs
// none, another view fetches its own on first use, and a chunk that cannot be fetched
// leaves a clear message (or, at the start, the baked page), never a dead app. The same
// for the dataset: the overview starts from its core, other views need the whole.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { appWasm, UNBAKED_QUERY, useApp } from "./harness.mjs";

const app = useApp();
const split = JSON.parse(readFileSync("dist/split-wasm.json", "utf8"));
const isChunk = (url) => split.chunks.some((file) => url.endsWith(`/${file}`));
const file = (url) => url.slice(url.lastIndexOf("/") + 1);

/** Resolves once `check()` holds (polled), or fails after 5 s. */
async function waitUntil(check) {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** Records the chunk files a page requests. */
function chunkRequests(page) {
  const seen = [];
  page.on("request", (r) => isChunk(r.url()) && seen.push(file(r.url())));
  return seen;
}

/** Blocks the chunk files only one split point (`lists`, …) needs: `route` for the
 * harness's `open`, `lift(context)` to let them through again. */
function blocker(name) {
  const others = Object.entries(split.splits).filter(([n]) => n !== name).flatMap(([, files]) => files);
  const own = split.splits[name].filter((f) => !others.includes(f));
  const match = (url) => own.some((f) => url.pathname.endsWith(`/${f}`));
  const abort = (r) => r.abort();
  return { route: (context) => context.route(match, abort), lift: (context) => context.unroute(match, abort) };
}

/** The page's errors but those a blocked chunk causes (the failed fetch, logged). */
const unexpected = (page) => page.errors.filter((e) => !/Failed to (load resource|fetch)|ERR_FAILED/.test(e));

describe("the views' code in chunks", () => {
  it("the overview takes over without any chunk, and Explore fetches its own on first use", async () => {
    let seen;
    const page = await app.open("en/", { before: (p) => { seen = chunkRequests(p); } });
    assert.deepEqual(seen, [], "the overview fetched no chunk");
    // Explore's own page has its island; once the app runs, its links open Explore in place.
    await app.start(page);
    assert.deepEqual(seen, [], "the overview's take-over fetched no chunk");
    await page.click("header a[href*='explore']");
    await page.waitForSelector("main article[data-item]");
    assert.equal(await page.textContent("main h1"), "Explore");
    assert.deepEqual([...seen].sort(), [...split.splits.lists].sort());
    await app.done(page);
  });

  it("starts fetching a view's chunk when the pointer or the focus reaches a link to it", async () => {
    let seen;
    const page = await app.open("en/", { before: (p) => { seen = chunkRequests(p); } });
    await app.start(page);
    await page.hover("header a[href*='charts']");
    await waitUntil(() => split.splits.figures.every((f) => seen.includes(f)));
    assert.deepEqual([...seen].sort(), [...split.splits.figures].sort(), "only the charts' chunk, before any click");
    await page.focus("header a[href*='explore']");
    await waitUntil(() => split.splits.lists.every((f) => seen.includes(f)));
    assert.equal(new URL(page.url()).pathname, "/en/", "nothing was followed");
    await app.done(page);
  });

  it("a page of another view fetches its chunk beside the wasm and is drawn whole at the take-over", async () => {
    let seen;
    const page = await app.open("en/charts/", {
      before: async (p) => {
        seen = chunkRequests(p);
        // Any loading line in the main area, however briefly, is recorded.
        await p.addInitScript(() => {
          window.__loadingShown = false;
          new MutationObserver(() => {
            if (document.querySelector("main [role=status]")) window.__loadingShown = true;
          }).observe(document, { childList: true, subtree: true });
        });
      },
    });
    await app.start(page);
    assert.deepEqual([...seen].sort(), [...split.splits.figures].sort(), "each chunk fetched once");
    assert.ok(await page.locator("main svg").count() > 0, "charts are drawn");
    assert.equal(await page.evaluate(() => window.__loadingShown), false, "no loading line at any time");
    await app.done(page);
  });

  it("a chunk that cannot be fetched says so and offers a reload; the rest of the app goes on", async () => {
    const lists = blocker("lists");
    const page = await app.open("en/", { route: lists.route });
    // The app running, links go to their view in place.
    await app.start(page);
    await page.click("header a[href*='explore']");
    const alert = page.locator("main [role=alert]");
    await alert.waitFor();
    assert.match(await alert.textContent(), /This part of the explorer cannot be opened right now/);
    assert.match(await page.textContent("main h1"), /cannot be opened/);
    // Other views still open, and the failed one works once the chunk can be fetched.
    await page.click("header a[href*='charts']");
    await page.waitForSelector("main svg");
    await page.goBack();
    await alert.waitFor();
    await lists.lift(page.context());
    // The reload is Explore's baked page, made live by its island.
    await Promise.all([page.waitForEvent("load"), page.click("main [role=alert] button")]);
    await app.ready(page);
    assert.equal(await page.textContent("main h1"), "Explore");
    assert.ok(await page.locator("main article[data-item]").count() > 0);
    assert.deepEqual(unexpected(page), []);
    page.errors.length = 0;
    await app.done(page);
  });

  it("the overview's cite box draws the article's citations with its chunk's code when first opened", async () => {
    let seen;
    const page = await app.open("en/", { before: (p) => { seen = chunkRequests(p); } });
    // Baked, the page holds them; the app draws them when the box is opened.
    assert.ok(await page.locator(".cite-box[data-cite=article] textarea").count() > 0, "baked whole");
    await app.start(page);
    assert.equal(await page.locator(".cite-box[data-cite=article] textarea").count(), 0, "not drawn before");
    await page.click(".cite-box[data-cite=article] summary");
    await page.waitForSelector("#cite-article-apa-en");
    assert.match(await page.inputValue("#cite-article-apa-en"), /\(2023\)/);
    assert.deepEqual([...seen].sort(), [...split.splits.cite].sort());
    await app.done(page);
  });

  it("the build's own dataset is not checked again; another one is, by the validator's chunk", async () => {
    const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
    // The overview starts from the dataset's core; a core other than the build's sends
    // it to the whole file, which is then checked.
    const serving = (body) => (context) =>
      context.route("**/data/{dataset,core}.json", (r) => r.fulfill({ contentType: "application/json", body }));
    // The same data in other bytes (indented): checked, and shown.
    let seen;
    let page = await app.open("en/", { route: serving(JSON.stringify(dataset, null, 1)), before: (p) => { seen = chunkRequests(p); } });
    await app.start(page);
    assert.deepEqual([...seen].sort(), [...split.splits.validation].sort());
    assert.ok(await page.locator("[data-country=KAZ]").count() > 0, "the overview is drawn");
    await app.done(page);
    // Data that breaks a rule (an item naming a figure that does not exist): its problem.
    const broken = structuredClone(dataset);
    const item = broken.items.find((i) => i.figures?.length);
    item.figures[0] = "no-such-figure";
    // An address whose query is not baked starts the app at load: the page lists the
    // problem.
    page = await app.open(`en/charts/poverty-rate/${UNBAKED_QUERY}`, { route: serving(JSON.stringify(broken)) });
    const alert = page.locator("[role=alert]");
    await alert.waitFor();
    assert.match(await alert.textContent(), /The data could not be read[^]*no-such-figure/);
    await app.done(page);
    // A browser that cannot compute the file's SHA-256 (crypto.subtle is there only in
    // secure contexts) checks the build's own file too, and shows it.
    page = await app.open("en/", {
      before: async (p) => {
        seen = chunkRequests(p);
        await p.addInitScript(() => Object.defineProperty(Crypto.prototype, "subtle", { get: () => undefined }));
      },
    });
    await app.start(page);
    assert.deepEqual([...seen].sort(), [...split.splits.validation].sort());
    assert.ok(await page.locator("[data-country=KAZ]").count() > 0, "the overview is drawn");
    await app.done(page);
  });

  it("a page whose chunk cannot be fetched at the start stays as the build wrote it", async () => {
    let warned;
    // A chart's page whose query is not baked starts the app at load, with the charts' chunk.
    const page = await app.open(`en/charts/poverty-rate/${UNBAKED_QUERY}`, {
      route: blocker("figures").route,
      live: false,
      before: (p) => { warned = p.waitForEvent("console", (m) => m.text().includes("could not be loaded")); },
    });
    await warned;
    assert.equal(await page.getAttribute("html", "data-app"), null, "the app did not take over");
    assert.match(await page.textContent("main h1"), /Poverty rate/);
    assert.ok(await page.locator("main [data-chart] svg").count() > 0, "the baked chart is there");
    assert.deepEqual(unexpected(page), []);
    page.errors.length = 0;
    await app.done(page);
  });
});

/** Records the data files (`core.json`, `dataset.json`) a page requests. */
function dataRequests(page) {
  const seen = [];
  page.on("request", (r) => /\/data\/(core|dataset)\.json$/.test(r.url()) && seen.push(file(r.url())));
  return seen;
}

describe("the dataset in two parts", () => {
  const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
  const fromFigures = new Set(dataset.figures.map((f) => f.item));
  // An item no figure comes from: only the whole dataset has it.
  const notInCore = dataset.items.find((i) => !fromFigures.has(i.id));

  it("the overview starts from the core; the first page that needs the whole fetches it once", async () => {
    let data;
    const page = await app.open("en/", { before: (p) => { data = dataRequests(p); } });
    assert.deepEqual(data, [], "the baked page needs no data");
    await app.start(page);
    assert.deepEqual(data, ["core.json"]);
    await page.click("header a[href*='explore']");
    await page.waitForSelector(`main article[data-item=${notInCore.id}]`);
    await page.click(`main article[data-item=${notInCore.id}] h2 a`);
    await page.waitForSelector(`main article.item-detail[data-item=${notInCore.id}]`);
    assert.equal(await page.textContent("main h1"), notInCore.title.en);
    // The title names the item, which the core does not have.
    assert.ok((await page.title()).startsWith(notInCore.title.en), await page.title());
    await page.click("header a[href*='argument']");
    await page.waitForSelector("main li.argument-link");
    assert.deepEqual(data, ["core.json", "dataset.json"], "the whole dataset once");
    await app.done(page);
  });

  it("if the whole dataset cannot be fetched, the view says so; the overview goes on and a later visit works", async () => {
    const abort = (r) => r.abort();
    const page = await app.open("en/", { route: (context) => context.route("**/data/dataset.json", abort) });
    await app.start(page);
    await page.click("header a[href*='explore']");
    const alert = page.locator("main [role=alert]");
    await alert.waitFor();
    assert.match(await alert.textContent(), /The data could not be read[^]*dataset\.json/);
    await page.click("header a.brand-name");
    await page.waitForSelector("main [data-country=KAZ]");
    await page.context().unroute("**/data/dataset.json", abort);
    await page.click("header a[href*='explore']");
    await page.waitForSelector("main article[data-item]");
    assert.deepEqual(unexpected(page), []);
    page.errors.length = 0;
    await app.done(page);
  });
});

describe("the app's first files", () => {
  const wasm = appWasm();

  it("are asked for while the page is first painted, at low priority, and only where scripts run", async () => {
    assert.ok(wasm, "a release build is in dist/");
    // The stylesheet is asked for beside early.js, not after it, and before what it asks for.
    const html = readFileSync("dist/en/charts/poverty-rate/index.html", "utf8");
    assert.ok(html.search(/<link rel="stylesheet"/) < html.search(/<script src="[^"]*early\.js"/), "the stylesheet comes before early.js");
    const priorities = new Map();
    const watch = async (page) => {
      const cdp = await page.context().newCDPSession(page);
      cdp.on("Network.requestWillBeSent", ({ request }) => priorities.set(file(request.url), request.initialPriority));
      await cdp.send("Network.enable");
    };
    // A query the page is not baked for: the app starts at load.
    const page = await app.open(`en/charts/poverty-rate/${UNBAKED_QUERY}`, { before: watch });
    // Before the load event, when the loader starts the app: not after it.
    const started = await page.evaluate((name) => {
      const entry = performance.getEntriesByType("resource").find((e) => e.name.endsWith(`/${name}`));
      return { start: entry?.startTime, load: performance.getEntriesByType("navigation")[0].loadEventStart };
    }, wasm);
    assert.ok(started.start < started.load, `the wasm asked for at ${started.start} ms, the load at ${started.load} ms`);
    for (const name of [wasm, "dataset.json", ...split.splits.figures]) {
      assert.equal(priorities.get(name), "Low", `${name} at low priority`);
    }
    await app.done(page);

    const requested = [];
    const still = await app.open(`en/charts/poverty-rate/${UNBAKED_QUERY}`, { javaScript: false, before: (p) => p.on("request", (r) => requested.push(file(r.url()))) });
    await still.waitForLoadState("load");
    assert.deepEqual(requested.filter((name) => name.endsWith(".wasm") || name.endsWith(".json")), [], "nothing of the app without scripts");
    await app.done(still);
  });
});
