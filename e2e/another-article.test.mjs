// Another article's site: the build of examples/mekong/dataset.json (a synthetic article
// unlike the real one in every way the code once fixed: its region and countries, their
// roles and statuses, its units, three authors in a journal, twelve numbered sections,
// no narratives, its own map), which scripts/test.sh builds into dist-mekong with
// `DATASET=examples/mekong/dataset.json trunk build --release --offline --dist dist-mekong`.
// What a reader sees there comes from that dataset alone.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { ISLAND_LIVE, READY, RESULT, useApp } from "./harness.mjs";

const app = useApp({ dir: "dist-mekong" });
const dataset = JSON.parse(readFileSync("examples/mekong/dataset.json", "utf8"));
const text = (page, selector) => page.locator(selector).allInnerTexts();

describe("another article's site", () => {
  it("leads with that article: its name, its authors, the countries it is about, its figures in its units", async () => {
    const page = await app.open("en/");
    assert.equal(await page.locator("h1").innerText(), dataset.meta.title.en);
    assert.match(await page.title(), /Synthetic test data: a Mekong example/);
    assert.match(await page.locator(".byline").innerText(), /SAMPLE Ana, EXAMPLE Bo, TEST Chen|SAMPLE Ana.*EXAMPLE Bo.*TEST Chen/);
    assert.equal(await page.locator("#five").innerText(), "The five riparian states");
    const focus = dataset.countries.filter((c) => c.role === "riparian").map((c) => c.id);
    assert.deepEqual(await page.locator("section[aria-labelledby=five] [data-country]").evaluateAll((els) => els.map((e) => e.dataset.country)), focus);
    assert.match(await page.locator("section[aria-labelledby=five] [data-country=MMR]").innerText(), /Observer at the basin commission/);
    const headlines = (await text(page, "section[aria-labelledby=headlines] .figure-value")).join(" | ");
    for (const value of ["17,500 MW", "6.1 million tonnes", "place 1"]) assert.ok(headlines.includes(value), `${value} in ${headlines}`);
    await app.done(page);
    const zh = await app.open("zh/");
    const zhHeadlines = (await text(zh, "section[aria-labelledby=headlines] .figure-value")).join(" | ");
    for (const value of ["17500兆瓦", "6100千吨", "第1名"]) assert.ok(zhHeadlines.includes(value), `${value} in ${zhHeadlines}`);
    await app.done(zh);
  });

  it("filters Explore by one of its countries", async () => {
    const page = await app.open("en/explore/?country=MMR");
    await page.waitForSelector(ISLAND_LIVE, { state: "attached" });
    const shown = await page.locator(RESULT).evaluateAll((els) => els.map((e) => e.dataset.item).sort());
    const naming = dataset.items.filter((i) => i.countries.includes("MMR")).map((i) => i.id).sort();
    assert.ok(naming.length > 0 && naming.length < dataset.items.length);
    assert.deepEqual(shown, naming);
    await app.done(page);
  });

  it("places an item past the tenth section, and gives its figures in its units", async () => {
    const closing = await app.open("en/items/claim-closing/");
    assert.ok((await closing.locator("main").innerText()).includes("§12 ¶1"));
    await app.done(closing);
    const zh = await app.open("zh/items/claim-closing/");
    assert.ok((await zh.locator("main").innerText()).includes("十二 第1段"));
    await app.done(zh);
    const rice = await app.open("en/items/claim-rice/");
    const values = (await text(rice, "main .figure-value")).join(" | ");
    for (const value of ["9.8 million tonnes", "6.1 million tonnes", "540,000 tonnes"]) assert.ok(values.includes(value), `${value} in ${values}`);
    await app.done(rice);
  });

  it("draws its charts under its own roles' headings and in its own units", async () => {
    const page = await app.open("en/charts/fisheries-place/");
    const svg = page.locator("[data-chart=fisheries-place] .chart-wide svg");
    assert.equal(await svg.locator("rect").count(), 0, "a ranking: places are dots");
    assert.deepEqual(await svg.locator(".group-label").allTextContents(), ["Riparian states", "Comparison"]);
    await app.done(page);
    const rice = await app.open("en/charts/rice-exports/");
    assert.match(await rice.locator("[data-chart=rice-exports] .chart-wide svg").textContent(), /million tonnes/);
    await app.done(rice);
  });

  it("colours its own map by the indicator its dataset chose", async () => {
    const page = await app.open("en/map/");
    assert.equal(await page.locator("#map-indicator").inputValue(), dataset.meta.map_indicator);
    const drawn = await page.locator(".map-svg [data-country]").evaluateAll((els) => els.map((e) => e.dataset.country).sort());
    assert.deepEqual(drawn, Object.keys(dataset.map.outlines).sort());
    // The countries with a value are coloured by it, in its unit; the others hatched.
    const fills = await page.locator(".map-svg [data-country] path").evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.closest("[data-country]").dataset.country, e.getAttribute("fill")])),
    );
    const valued = dataset.figures.filter((f) => f.indicator === dataset.meta.map_indicator).map((f) => f.country);
    for (const [country, fill] of Object.entries(fills)) {
      assert.equal(fill === "url(#no-value)", !valued.includes(country), `${country}: ${fill}`);
    }
    assert.match(await page.locator(".legend").innerText(), /17,500 MW/);
    await app.done(page);
  });
});

describe("another article's view embedded in a site", () => {
  let host;
  let hostOrigin;
  const address = "en/charts/hydropower-capacity/?embed=1";
  before(async () => {
    host = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Host</title></head><body>
<iframe src="${app.url(address)}" title="chart" sandbox="allow-scripts allow-popups" style="width:100%;border:0;height:150px"></iframe>
<script src="${app.url("embed.js")}" async></script></body></html>`);
    });
    await new Promise((ok) => host.listen(0, "127.0.0.2", ok));
    hostOrigin = `http://127.0.0.2:${host.address().port}`;
  });
  after(() => new Promise((ok) => host.close(ok)));

  it("shows the chart alone, sized to its content", async () => {
    const page = await app.open(`${hostOrigin}/`, { live: false, origins: [hostOrigin] });
    const element = await page.$("iframe");
    const frame = await element.contentFrame();
    await frame.waitForSelector(READY, { state: "attached", timeout: 15000 });
    await page.waitForFunction((el) => el.style.height !== "150px", element, { timeout: 10000 });
    assert.equal(await frame.locator(".site-header").isVisible(), false, "no site navigation");
    assert.ok((await frame.locator("[data-chart=hydropower-capacity] svg:visible").count()) > 0, "a drawing shows");
    assert.ok((await frame.locator("main").innerText()).includes("Hydropower capacity"));
    await app.done(page);
  });
});
