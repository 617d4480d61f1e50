// Charts and the map: every multi-value indicator drawn, readable by keyboard and
// screen reader, exportable; the map by mouse and keyboard; both languages and themes.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { UNBAKED_QUERY, useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
const figuresOf = (id) => dataset.figures.filter((f) => f.indicator === id);
const charted = dataset.indicators.filter((i) => figuresOf(i.id).length > 1);

describe("Charts", () => {
  it("draws every indicator with more than one value, each point a figure", async () => {
    for (const lang of ["en", "zh"]) {
      const page = await app.open(`${lang}/charts/`);
      const ids = await page.$$eval("[data-chart]", (els) => els.map((e) => e.dataset.chart));
      assert.deepEqual(ids, charted.map((i) => i.id));
      for (const ind of charted) {
        const chart = page.locator(`[data-chart=${ind.id}]`);
        const marks = await chart.locator(".chart-wide svg .mark").evaluateAll((els) => els.map((e) => e.dataset.figure));
        assert.deepEqual(marks.sort(), figuresOf(ind.id).map((f) => f.id).sort(), ind.id);
        // A group of links (each point or bar opens its figure), named by its title and summary.
        assert.equal(await chart.locator(".chart-wide svg").getAttribute("role"), "group");
        assert.match(await chart.locator(".chart-wide svg").getAttribute("aria-label"), /\S/);
        assert.equal(await chart.locator(".chart-title").textContent(), lang === "en" ? ind.name.en : ind.name.zh);
        assert.equal(await chart.locator("h2.chart-title").count(), 1);
      }
      await app.done(page);
    }
  });

  it("gives screen readers every value and shows a point's value on keyboard focus", async () => {
    const page = await app.open("en/charts/poverty-rate/");
    assert.equal(await page.textContent("h1"), "Poverty rate", "a chart's own page is titled by it");
    const label = await page.getAttribute("[data-chart=poverty-rate] .chart-wide svg", "aria-label");
    for (const f of figuresOf("poverty-rate")) assert.ok(label.includes(`${f.value}%`), `${f.value} in ${label}`);
    const mark = page.locator(".chart-wide [data-figure=poverty-rate-kgz-2019].mark");
    const text = mark.locator(".mark-label");
    assert.equal(await text.evaluate((e) => getComputedStyle(e).visibility), "hidden");
    await mark.focus();
    assert.equal(await text.evaluate((e) => getComputedStyle(e).visibility), "visible");
    assert.equal(await text.textContent(), "20.1%");
    await app.done(page);
  });

  it("marks projections and qualifiers", async () => {
    const page = await app.open("zh/charts/population/");
    assert.equal(await page.locator("[data-chart=population] .chart-wide path.dashed").count(), 1);
    assert.equal(await page.locator(".chart-wide .mark.q-projected").count(), 2);
    assert.match(await page.getAttribute(".mark.q-more-than", "aria-label"), /超过7000万人/);
    await app.done(page);
  });

  it("switches to a table and back, keeping the choice in the URL, without the app", async () => {
    const page = await app.open("en/charts/terrorism-index/");
    const shown = () => page.evaluate(() => ({
      table: !!document.querySelector(".chart-table")?.checkVisibility(),
      drawing: !!document.querySelector(".chart-box")?.checkVisibility(),
      button: document.querySelector("[data-action=table]").innerText.trim(),
    }));
    assert.deepEqual(await shown(), { table: false, drawing: true, button: "Show as table" });
    await page.click("[data-chart=terrorism-index] button[data-action=table]");
    await page.waitForURL(/\/en\/charts\/terrorism-index\/\?tab=table$/);
    assert.deepEqual(await shown(), { table: true, drawing: false, button: "Show as chart" });
    const cells = await page.$$eval(".chart-table tbody tr td.num", (els) => els.map((e) => e.textContent));
    assert.deepEqual(cells, figuresOf("terrorism-index").map((f) => String(f.value)));
    // The language links keep the table; the other links do not.
    assert.match(await page.getAttribute("[data-switch=lang] a[data-option=zh]", "href"), /\?tab=table$/);
    assert.doesNotMatch(await page.getAttribute(".nav-links a[href*='explore']", "href"), /tab=/);
    await page.reload();
    assert.deepEqual(await shown(), { table: true, drawing: false, button: "Show as chart" });
    await page.goBack();
    await page.waitForFunction(() => document.querySelector(".chart-box").checkVisibility());
    assert.deepEqual(await shown(), { table: false, drawing: true, button: "Show as table" });
    assert.equal(await page.getAttribute("html", "data-app"), null, "the app never started");
    await app.done(page);
  });

  it("on a page of several charts, each switches to its table alone", async () => {
    const page = await app.open("en/charts/");
    const first = page.locator("[data-chart]").first();
    await first.locator("button[data-action=table]").click();
    assert.ok(await first.locator(".chart-table").isVisible());
    assert.equal(await page.locator(".chart-table:visible").count(), 1, "the other charts keep their drawings");
    assert.equal(new URL(page.url()).search, "", "the address is the page's");
    await first.locator("button[data-action=table]").click();
    assert.equal(await page.locator(".chart-table:visible").count(), 0);
    assert.equal(await page.getAttribute("html", "data-app"), null, "the app never started");
    await app.done(page);
  });

  it("downloads CSV with a byte-order mark and the dataset's values, SVG and PNG", async () => {
    const page = await app.open("zh/charts/poverty-rate/");
    const download = async (kind) => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`[data-chart=poverty-rate] button[data-download=${kind}]`),
      ]);
      const stream = await file.createReadStream();
      const chunks = [];
      for await (const c of stream) chunks.push(c);
      return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const csv = await download("csv");
    assert.equal(csv.name, "poverty-rate.csv");
    const address = app.url("zh/charts/poverty-rate/");
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
    const text = csv.bytes.toString("utf8");
    assert.match(text, /贫困率/);
    assert.ok(text.split("\r\n").includes(address), "the chart's full address is in the file");
    const rows = text.split("\r\n").filter((r) => r.startsWith("poverty-rate-"));
    assert.equal(rows.length, figuresOf("poverty-rate").length);
    for (const f of figuresOf("poverty-rate")) {
      assert.ok(rows.some((r) => r.startsWith(`${f.id},`) && r.split(",").includes(String(f.value))), f.id);
    }
    const svg = await download("svg");
    assert.match(svg.bytes.toString("utf8"), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<style>[^]*来源/);
    assert.ok(svg.bytes.toString("utf8").includes(`>${address}</text>`), "the address is in the picture");
    const png = await download("png");
    assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "a PNG file");
    // Twice the SVG's size: its width is in the PNG's header (bytes 16-19).
    const width = Number(svg.bytes.toString("utf8").match(/^<svg[^>]* width="([\d.]+)"/)[1]);
    assert.ok(Math.abs(png.bytes.readUInt32BE(16) - width * 2) <= 1, `${png.bytes.readUInt32BE(16)} for ${width}`);
    assert.equal(await page.getAttribute("html", "data-app"), null, "no app for the files");
    await app.done(page);
  });

  it("a download whose file cannot be fetched says so, and the next one works", async () => {
    const file = "**/data/charts/poverty-rate-en.csv";
    const abort = (r) => r.abort();
    const page = await app.open("en/charts/poverty-rate/", { route: (context) => context.route(file, abort) });
    const csv = page.locator("[data-chart=poverty-rate] button[data-download=csv]");
    await csv.click();
    const notice = page.locator("[data-download-failed][role=alert]");
    await notice.waitFor();
    await notice.locator("[data-dismiss]").click();
    assert.equal(await notice.isVisible(), false, "the notice's button hides it");
    await page.context().unroute(file, abort);
    const [saved] = await Promise.all([page.waitForEvent("download"), csv.click()]);
    assert.equal(saved.suggestedFilename(), "poverty-rate.csv");
    assert.equal(await notice.isVisible(), false);
    // The aborted file is logged by the browser: that, and nothing else.
    page.errors = page.errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e));
    await app.done(page);
  });

  it("follows the dark theme", async () => {
    const page = await app.open("en/charts/poverty-rate/?theme=dark");
    const fill = await page.$eval("[data-chart=poverty-rate] .chart-wide svg .axis text", (e) => getComputedStyle(e).fill);
    assert.equal(fill, "rgb(232, 236, 240)");
    await app.done(page);
  });

  it("appears beside the items and on the profiles that hold its figures", async () => {
    const page = await app.open("en/countries/TJK/");
    const charts = await page.$$eval("[data-chart]", (els) => els.map((e) => e.dataset.chart));
    for (const id of ["trade-partner-rank", "poverty-rate", "terrorism-index"]) assert.ok(charts.includes(id), id);
    await app.done(page);
  });

  it("ranks first place furthest out, and shows a comparison country apart from the five", async () => {
    const page = await app.open("en/charts/trade-partner-rank/");
    const svg = page.locator("[data-chart=trade-partner-rank] .chart-wide svg");
    assert.equal(await svg.locator("rect").count(), 0, "places are dots, not bars");
    const rows = await svg.locator(".mark").evaluateAll((els) =>
      els.map((e) => ({ id: e.dataset.figure, stem: e.querySelector(".stem").getBBox().width, y: e.getBBox().y })),
    );
    const place = (id) => dataset.figures.find((f) => f.id === id).value;
    const role = (id) => dataset.countries.find((c) => c.id === dataset.figures.find((f) => f.id === id).country).role;
    const five = rows.filter((r) => role(r.id) === "central-asia");
    assert.deepEqual(five.map((r) => place(r.id)), [1, 1, 1, 2, 3], "first place first");
    assert.ok(five[0].stem > five[3].stem && five[3].stem > five[4].stem, "first place reaches furthest");
    const headings = await svg.locator(".group-label").evaluateAll((els) => els.map((e) => [e.textContent, e.getBBox().y]));
    assert.deepEqual(headings.map((h) => h[0]), ["Central Asian states", "Other countries, for comparison"]);
    const others = rows.filter((r) => role(r.id) !== "central-asia");
    assert.ok(others.length > 0 && others.every((r) => r.y > headings[1][1] && five.every((f) => f.y < headings[1][1])));
    await page.click("[data-chart=trade-partner-rank] button[data-action=table]");
    await page.waitForSelector(".chart-table", { state: "visible" });
    assert.equal(await page.locator(".chart-table tbody").count(), 2, "the table keeps the groups");
    await app.done(page);
  });

  it("counts people in millions in English and in 万人 in Chinese", async () => {
    for (const [lang, unit, top] of [["en", "million people", "85"], ["zh", "万人", "8500"]]) {
      const page = await app.open(`${lang}/charts/population/`);
      const svg = page.locator("[data-chart=population] .chart-wide svg");
      assert.equal(await svg.locator(".axis-title").textContent(), unit);
      const ticks = await svg.locator(".axis text:not(.axis-title)").allTextContents();
      assert.ok(ticks.includes(top), `${ticks}`);
      assert.equal(await page.textContent("[data-chart=population] figcaption p"), unit);
      await app.done(page);
    }
  });

  it("keeps every text inside the drawing, at both widths, in both languages, in this browser's fonts", async () => {
    for (const lang of ["en", "zh"]) {
      const page = await app.open(`${lang}/charts/`, { bypassCSP: true });
      // Both drawings at once (the page shows the one that suits the room), at their own sizes.
      await page.addStyleTag({ content: ".chart-narrow, .chart-wide { display: block !important } .chart-box svg { width: auto !important; max-width: none !important }" });
      const outside = await page.$$eval(".chart-box svg", (svgs) =>
        svgs.flatMap((svg) => {
          const view = svg.viewBox.baseVal;
          return [...svg.querySelectorAll("text")]
            .map((t) => [t.textContent, t.getBBox()])
            .filter(([, b]) => b.width === 0 || b.x < 0 || b.x + b.width > view.width || b.y < 0 || b.y + b.height > view.height)
            .map(([text, b]) => `${text} at ${Math.round(b.x)}–${Math.round(b.x + b.width)} of ${view.width}`);
        }),
      );
      assert.deepEqual(outside, [], lang);
      assert.equal(await page.locator(".chart-box svg").count(), 2 * charted.length);
      await app.done(page);
    }
  });

  it("colours a country alike in every chart, and bars in one colour", async () => {
    const page = await app.open("en/charts/");
    const lineColour = (id, name) =>
      page.$eval(`[data-chart=${id}] .legend`, (ul, name) => [...ul.querySelectorAll("li")].find((li) => li.textContent === name)?.querySelector(".swatch").className, name);
    const tjk = await page.$eval("[data-chart=terrorism-index] .chart-wide path.line", (p) => getComputedStyle(p).stroke);
    const tjkPoverty = await lineColour("poverty-rate", "Tajikistan");
    const stroke = await page.$eval(`[data-chart=poverty-rate] .legend .${tjkPoverty.split(" ")[1]}`, (e) => getComputedStyle(e).backgroundColor);
    assert.equal(tjk, stroke, "Tajikistan's line has the same colour in both charts");
    const bars = await page.$$eval("[data-chart=korea-survey-most-important] .chart-wide rect", (els) => new Set(els.map((e) => getComputedStyle(e).fill)).size);
    assert.equal(bars, 1);
    await app.done(page);
  });

  it("says so for an indicator without a chart", async () => {
    const page = await app.open("en/charts/fdi-stock/", { live: false });
    assert.match(await page.textContent("main"), /Page not found/);
    await app.done(page);
  });
});

describe("Map", () => {
  it("colours the five by trade-partner standing and hatches countries without a value", async () => {
    const page = await app.open("en/map/");
    await page.waitForSelector(".map-svg");
    const links = await page.$$eval(".map-svg a[data-country]", (els) => els.map((e) => e.dataset.country).sort());
    assert.deepEqual(links, ["CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]);
    const fill = (id) => page.getAttribute(`[data-country=${id}] path`, "fill");
    assert.equal(await fill("RUS"), "url(#no-value)");
    assert.equal(await fill("CHN"), "url(#no-value)");
    assert.notEqual(await fill("KGZ"), "url(#no-value)");
    assert.notEqual(await fill("KGZ"), await fill("TJK"), "rank 1 and rank 3 differ");
    assert.equal(await page.getAttribute("[data-country=KAZ]", "aria-label"), "Kazakhstan: No. 2");
    assert.match(await page.textContent(".map figcaption"), /Natural Earth/);
    assert.equal(await page.inputValue("#map-indicator"), "trade-partner-rank");
    await app.done(page);
  });

  it("opens a profile by click and by keyboard", async () => {
    const page = await app.open("zh/map/");
    await page.waitForSelector(".map-svg");
    await page.click("a[data-country=KGZ]");
    await page.waitForURL(/\/zh\/countries\/KGZ\/$/);
    assert.equal(await page.textContent("main h1"), "吉尔吉斯斯坦");
    await page.goBack();
    await page.waitForSelector(".map-svg");
    await page.focus("a[data-country=UZB]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/zh\/countries\/UZB\/$/);
    await app.done(page);
  });

  it("recolours by another indicator chosen from the list", async () => {
    const page = await app.open("en/map/?theme=dark");
    await page.waitForSelector(".map-svg");
    await page.focus("#map-indicator");
    // A key that moves through the list opens nothing by itself; Enter opens the choice.
    const before = page.url();
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(300);
    assert.equal(page.url(), before, "an arrow key alone changes no page");
    await page.selectOption("#map-indicator", "poverty-rate");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/en\/map\/poverty-rate\/\?theme=dark$/);
    await page.waitForSelector("[data-map=poverty-rate]");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "map-indicator", "the list keeps focus");
    assert.match(await page.getAttribute("[data-country=TJK]", "aria-label"), /26\.3%/);
    assert.equal(await page.getAttribute("[data-country=KAZ] path", "fill"), "url(#no-value)");
    await app.done(page);
  });
});

describe("A chart's file from a site deep inside another", () => {
  const deep = useApp({ base: "/a/rather/long/path/to/a/site/that/lives/deep/inside/another/one/" });

  it("writes the whole address on lines that fit the picture", async () => {
    const page = await deep.open("zh/charts/poverty-rate/");
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("[data-chart=poverty-rate] button[data-download=svg]")]);
    const chunks = [];
    for await (const c of await file.createReadStream()) chunks.push(c);
    const svg = Buffer.concat(chunks).toString("utf8");
    const address = deep.url("zh/charts/poverty-rate/");
    const drawn = await page.evaluate((text) => {
      const holder = document.createElement("div");
      // Without its own stylesheet (the page's CSP allows none inline; the page's styles it).
      holder.innerHTML = text.replace(/<style>[^]*?<\/style>/, "");
      document.body.append(holder);
      const picture = holder.querySelector("svg");
      const room = Number(picture.getAttribute("width")) - 2 * 12;
      const captions = [...picture.querySelectorAll("text.caption")];
      const result = {
        widest: Math.max(...captions.map((t) => t.getComputedTextLength())),
        room,
        text: captions.map((t) => t.textContent).join(""),
        height: Number(picture.getAttribute("height")),
        viewBox: picture.getAttribute("viewBox"),
        bottom: Math.max(...captions.map((t) => t.getBBox().y + t.getBBox().height)),
      };
      holder.remove();
      return result;
    }, svg);
    assert.ok(address.length > 80, "an address longer than one line");
    assert.ok(drawn.text.includes(address), drawn.text);
    assert.ok(drawn.widest <= drawn.room + 1, `a line ${drawn.widest} wide in ${drawn.room}`);
    assert.ok(drawn.bottom <= drawn.height, `the last line ends at ${drawn.bottom}, the picture at ${drawn.height}`);
    assert.match(drawn.viewBox, new RegExp(` ${drawn.height}$`));
    await deep.done(page);
  });
});

describe("A broken dataset", () => {
  it("gets a clear message, not a crash", async () => {
    // An address whose query is not baked starts the app at load, which reads the dataset.
    const page = await app.open(`en/charts/poverty-rate/${UNBAKED_QUERY}`, {
      route: (context) =>
        // The core too: one other than the build's sends the overview to the whole file.
        context.route("**/data/{dataset,core}.json", (r) => r.fulfill({ contentType: "application/json", body: '{"meta": 1, "x": "<img src=x onerror=alert(1)>"}' })),
    });
    await page.waitForSelector("[role=alert]");
    assert.match(await page.textContent("[role=alert]"), /The data could not be read[^]*invalid type/);
    assert.equal(await page.$$eval("img[src=x]", (els) => els.length), 0);
    await app.done(page);
  });
});
