// Reading the argument: whose claim each item is, the article in order, the argument
// map, provenance of every number, citations, coverage, glossary terms in context and
// the downloads that state their version.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { RESULT, searchHighlights, useApp } from "./harness.mjs";

const app = useApp();
const dataset = JSON.parse(readFileSync("data/dataset.json", "utf8"));
const item = (id) => dataset.items.find((i) => i.id === id);
const reported = dataset.items.filter((i) => i.voice.kind === "reported");
const clipboard = (p) => p.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url() });

describe("whose claim", () => {
  it("labels every item with its voice and filters Explore by it", async () => {
    const page = await app.open("en/explore/");
    // Every result drawn (the first page of 25) carries its voice.
    const badges = await page.$$eval(`${RESULT} > header .voice-badge`, (els) => els.map((e) => e.dataset.voice));
    assert.deepEqual(badges, dataset.items.slice(0, 25).map((i) => i.voice.kind));
    await page.click(`.facet input[value=reported]`);
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [RESULT, reported.length]);
    assert.match(page.url(), /[?&]voice=reported/);
    const shown = await page.$$eval(RESULT, (els) => els.map((e) => e.dataset.item));
    assert.deepEqual(shown, reported.map((i) => i.id));
    // A reported view names whose it is.
    assert.equal(
      await page.textContent(`.result[data-item=${reported[0].id}] .voice-by`),
      ` · ${reported[0].voice.by.en}`,
    );
    await app.done(page);
  });

  it("labels every link to an item with its voice, in Chinese and side by side", async () => {
    const page = await app.open("zh/countries/KAZ/");
    const links = await page.$$eval("#app a.item-link", (els) =>
      els.map((a) => [new URL(a.href).pathname.split("/").at(-2), a.querySelector(".voice-badge")?.textContent]),
    );
    assert.ok(links.length > 0);
    const zh = { author: "作者观点", attributed: "引述", reported: "转述观点", fact: "事实" };
    for (const [id, label] of links) assert.equal(label, zh[item(id).voice.kind], id);
    await app.done(page);
    const both = await app.open("both/countries/KAZ/");
    const label = await both.textContent("#app a.item-link .voice-badge");
    assert.match(label, /^(作者观点|引述|转述观点|事实) · [A-Z]/);
    await app.done(both);
  });

  it("shows an item's editorial note", async () => {
    const noted = dataset.items.find((i) => i.note);
    const page = await app.open(`zh/items/${noted.id}/`);
    assert.match(await page.textContent(".editor-note"), new RegExp(noted.note.zh.slice(0, 8)));
    await app.done(page);
  });
});

describe("the article in order", () => {
  it("walks every section and paragraph, each item where its locator puts it", async () => {
    const page = await app.open("en/read/");
    const sections = await page.$$eval(".read-section", (els) => els.map((e) => e.dataset.section));
    assert.deepEqual(sections, dataset.sections.map((s) => s.id));
    const paragraphs = await page.$$eval(".read-paragraph", (els) => els.length);
    assert.equal(paragraphs, dataset.sections.reduce((n, s) => n + s.paragraphs, 0));
    for (const i of dataset.items) {
      const where = await page.$eval(`.read-item[data-item="${i.id}"]`, (e) => e.closest(".read-paragraph").id);
      assert.equal(where, `p-${i.locator.section}-${i.locator.paragraph}`, i.id);
    }
    await app.done(page);
  });

  it("aligns Chinese and English paragraph by paragraph side by side", async () => {
    const page = await app.open("both/read/");
    const rows = await page.$$eval(".read-paragraph .parallel", (els) =>
      els.map((p) => [...p.children].map((c) => [c.lang, c.querySelectorAll(".read-item").length])),
    );
    assert.ok(rows.length > 20);
    for (const [[zh, zhCount], [en, enCount]] of rows) {
      assert.deepEqual([zh, en], ["zh-Hans", "en"]);
      assert.equal(zhCount, enCount);
    }
    await app.done(page);
  });

  it("is where an item's locator leads", async () => {
    const target = item("labour-migration");
    const page = await app.open(`en/items/${target.id}/`);
    await page.click(".locator .locator-link");
    await page.waitForURL(/\/en\/read\/#p-s3-1-1$/);
    await page.waitForSelector(`#p-s3-1-1 .read-item[data-item=${target.id}]`);
    assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), "p-s3-1-1");
    await app.done(page);
  });
});

describe("the argument map", () => {
  it("links every node to its item and every grid mark to its reason", async () => {
    const page = await app.open("en/argument/");
    const heads = await page.$$eval(".argument-grid thead th a", (els) => els.map((a) => new URL(a.href).pathname));
    assert.deepEqual(
      heads,
      dataset.items.filter((i) => i.kind === "recommendation").map((r) => `/en/items/${r.id}/`),
    );
    const nodes = await page.$$eval(".argument-node", (els) =>
      els.map((e) => [e.dataset.item, new URL(e.querySelector(".item-link").href).pathname]),
    );
    for (const [id, path] of nodes) assert.equal(path, `/en/items/${id}/`);
    const marks = await page.$$eval(".grid-cell a", (els) => els.map((a) => a.getAttribute("href")));
    const answers = dataset.links.filter((l) => l.relation === "answers");
    assert.equal(marks.length, answers.length);
    for (const href of marks) assert.ok(await page.$(href), `${href} exists`);
    const stated = await page.$$eval(".grid-cell[data-basis=stated]", (els) => els.length);
    assert.equal(stated, answers.filter((l) => l.basis === "stated").length);
    // The list names each link's reason in the reader's language.
    const first = answers[0];
    assert.match(await page.textContent(`#link-${first.from}-${first.to}`), new RegExp(first.reason.en.slice(0, 20)));
    await app.done(page);
  });

  it("is usable at 360 px and by keyboard alone", async () => {
    const page = await app.open("zh/argument/", { viewport: { width: 360, height: 740 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await page.focus(".argument-grid");
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => !!document.activeElement.closest(".argument-grid"));
    }
    assert.ok(reached, "Tab reaches the links of the grid");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/zh\/items\/[^/]+\/$/);
    await app.done(page);
  });
});

describe("provenance", () => {
  it("gives a figure's place, item and source, or says the article cites none", async () => {
    const page = await app.open("en/facts/trade-partner-rank-kgz/");
    // On the figure's own page the provenance is open from the start.
    assert.ok(await page.$(".fact-card .provenance[open]"), "open on the figure's page");
    assert.match(await page.textContent(".provenance"), /The article cites no source for this number\./);
    const place = await page.$eval(".provenance .locator-link", (a) => new URL(a.href));
    assert.equal(place.pathname + place.hash, "/en/read/#p-intro-2");
    await app.done(page);

    const sourced = dataset.figures.find((f) => f.id === "poverty-rate-kgz-2017");
    const note = dataset.footnotes.find((n) => n.id === sourced.footnotes[0]);
    const source = `.figure-card[data-figure=${sourced.id}] .provenance a[href="${note.url}"]`;
    const chart = await app.open("en/items/" + sourced.item + "/");
    await chart.click(`.figure-card[data-figure=${sourced.id}] .provenance summary`);
    await chart.waitForSelector(source);
    await app.done(chart);
    // The baked page holds it too (the app draws a folded one when first opened).
    const baked = await app.open("en/items/" + sourced.item + "/", { javaScript: false });
    assert.ok(await baked.$(source), "the footnote's URL in the baked page");
    await app.done(baked);
  });

  it("is one click from a chart's point and in every row of its table", async () => {
    const page = await app.open("en/charts/poverty-rate/");
    const mark = page.locator("[data-chart=poverty-rate] .chart-wide [data-figure]").first();
    const id = await mark.getAttribute("data-figure");
    await mark.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/en/facts/${id}/$`));
    // The point's provenance is open on the page it leads to: one step.
    await page.waitForSelector(".fact-card .provenance[open] .locator-link");
    await app.done(page);
    const table = await app.open("en/charts/poverty-rate/?tab=table");
    await table.waitForSelector(".chart-table", { state: "visible" });
    const rows = await table.$$eval(".chart-table tbody tr[data-figure]", (els) => els.map((r) => !!r.querySelector(".provenance")));
    assert.ok(rows.length > 0 && rows.every(Boolean));
    await app.done(table);
  });

  it("shows a figure's note", async () => {
    const noted = dataset.figures.find((f) => f.note);
    const page = await app.open(`zh/facts/${noted.id}/`);
    assert.match(await page.textContent(".provenance[open] dl"), new RegExp(noted.note.zh.slice(0, 6)));
    await app.done(page);
  });
});

describe("chart sources", () => {
  it("link each place in the article to the reading view, in each language side by side", async () => {
    const page = await app.open("en/charts/population/");
    const places = await page.$$eval("[data-chart=population] .source .locator-link", (els) =>
      els.map((a) => new URL(a.href).pathname + new URL(a.href).hash),
    );
    assert.ok(places.length > 0);
    for (const place of places) assert.match(place, /^\/en\/read\/#p-[\w-]+-\d+$/);
    await app.done(page);
    const both = await app.open("both/charts/population/");
    const langs = await both.$$eval("[data-chart=population] .source", (els) => els.map((p) => p.lang));
    assert.deepEqual(langs, ["zh-Hans", "en"]);
    await app.done(both);
  });
});

describe("citations", () => {
  it("cites the article on the overview and a figure on its page, with the figure's place", async () => {
    const page = await app.open("en/");
    await page.click(".cite-box[data-cite=article] summary");
    assert.equal(
      await page.inputValue("#cite-article-gbt7714-en"),
      `${dataset.meta.authors[0].zh}. ${dataset.meta.title.zh}[J]. ${dataset.meta.year}. DOI:${dataset.meta.doi}.`,
    );
    await app.done(page);
    const fact = await app.open("en/facts/unhrc-resolutions-wld/");
    await fact.click(".cite-box summary");
    assert.match(await fact.inputValue("#cite-figure-unhrc-resolutions-wld-bibtex-en"), /note = \{Introduction ¶1: /);
    assert.equal(await fact.textContent(".cite-box .cite-style button >> nth=0"), "Copy citation");
    await app.done(fact);
  });


  it("cites an item in four styles and copies one", async () => {
    const page = await app.open("en/items/labour-migration/", { before: clipboard });
    await page.click(".cite-box summary");
    const styles = await page.$$eval(".cite-box label", (els) => els.map((e) => e.textContent));
    assert.deepEqual(styles, ["GB/T 7714-2015", "APA 7", "BibTeX", "RIS"]);
    const ris = await page.inputValue("#cite-item-labour-migration-ris-en");
    assert.match(ris, /^TY {2}- JOUR\r?\n[^]*N1 {2}- §3\.1 ¶1: /);
    await page.click(".cite-style:has(#cite-item-labour-migration-bibtex-en) button");
    await page.waitForSelector(".cite-style:has(#cite-item-labour-migration-bibtex-en) [role=status]:has-text('Copied')");
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      await page.inputValue("#cite-item-labour-migration-bibtex-en"),
    );
    await app.done(page);
  });

  it("falls back to selected text without the clipboard, and cites the dataset with its address and version", async () => {
    const page = await app.open("en/sources/", {
      before: (p) => p.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined })),
    });
    await page.click(".cite-box[data-cite=dataset] summary");
    const apa = await page.inputValue("#cite-dataset-apa-en");
    assert.ok(apa.includes(`(Version ${dataset.meta.dataset_version})`), apa);
    assert.ok(apa.endsWith(`from ${app.url()}`), apa);
    await page.click(".cite-style:has(#cite-dataset-apa-en) button");
    await page.waitForSelector(".cite-style:has(#cite-dataset-apa-en) [role=status]:not(:empty)");
    const selected = await page.evaluate(() => {
      const el = document.activeElement;
      return el.value.slice(el.selectionStart, el.selectionEnd);
    });
    assert.equal(selected, apa);
    await app.done(page);
  });
});

describe("coverage", () => {
  it("counts each country and topic and opens Explore filtered to a cell", async () => {
    const page = await app.open("en/coverage/");
    const counted = (country, topic) =>
      dataset.items.filter((i) => i.countries.includes(country) && i.topics.includes(topic)).length;
    assert.ok(await page.$("tr[data-country=KAZ] .coverage-cell.empty"), "gaps are shown");
    // Every cell's counts, row by row, against the dataset: items naming both, and figures
    // about the country whose indicator has the topic.
    const figures = (country, topic) =>
      dataset.figures.filter((f) => (f.country === country || f.partner === country) &&
        dataset.indicators.find((ind) => ind.id === f.indicator)?.topic === topic).length;
    const grid = await page.$$eval("tr[data-country]", (rows) => rows.map((tr) => [tr.dataset.country,
      [...tr.querySelectorAll(".coverage-cell")].map((td) => [td.querySelector(".count-items")?.textContent ?? "0",
        td.querySelector(".count-figures")?.textContent ?? "0"].map((t) => parseInt(t, 10)))]));
    assert.ok(grid.length >= 5, "a row per country");
    for (const [country, cells] of grid) {
      assert.deepEqual(cells, dataset.topics.map((t) => [counted(country, t.id), figures(country, t.id)]), country);
    }
    const cell = page.locator("tr[data-country=KGZ] .coverage-cell a").first();
    const href = await cell.getAttribute("href");
    const topic = new URLSearchParams(href.split("?")[1]).get("topic");
    await cell.click();
    await page.waitForURL(/\/en\/explore\/\?topic=[^&]+&country=KGZ$/);
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [RESULT, counted("KGZ", topic)]);
    await app.done(page);
  });
});

describe("glossary terms in context", () => {
  it("marks a term in an item's text and explains it on focus", async () => {
    const term = dataset.glossary.find((t) => t.id === "hegemonic-order");
    const host = dataset.items.find((i) => i.text.en.toLowerCase().includes("hegemonic order"));
    const page = await app.open(`en/items/${host.id}/`);
    const link = page.locator(".item-text a.term").first();
    assert.equal(await link.evaluate((a) => new URL(a.href).pathname + new URL(a.href).hash), `/en/glossary/#${term.id}`);
    await link.focus();
    const tip = await link.evaluate((a) => getComputedStyle(a, "::after").content);
    assert.ok(tip.includes(term.term.zh) && tip.includes(term.explanation.en.slice(0, 20)), tip);
    assert.equal(await link.getAttribute("aria-description"), JSON.parse(tip));
    // The sentence itself reads as the item's text.
    assert.equal(await page.textContent(".item-text"), host.text.en);
    await app.done(page);
  });

  it("marks terms in Explore's results too, with the search's matches inside them", async () => {
    const page = await app.open("en/explore/?q=road");
    const term = page.locator(`.result p a.term[href$="#belt-and-road"]`).first();
    assert.match(await term.textContent(), /^Belt and Road/);
    const marks = await searchHighlights(page);
    assert.ok(marks.some((h) => h.text === "Road" && h.link?.endsWith("#belt-and-road")), JSON.stringify(marks));
    await app.done(page);
  });
});

describe("downloads", () => {
  it("offers the dataset and all items and figures as files that state their version", async () => {
    const page = await app.open("en/sources/");
    assert.equal(await page.textContent("[data-dataset-version]"), dataset.meta.dataset_version);
    const sha = createHash("sha256").update(readFileSync("dist/data/dataset.json")).digest("hex");
    assert.equal(await page.textContent("[data-dataset-sha256]"), sha);
    const files = await page.$$eval("[data-download-file]", (els) => els.map((a) => a.href));
    assert.equal(files.length, 3);
    for (const url of files) {
      const text = await page.evaluate((u) => fetch(u).then((r) => (r.ok ? r.text() : "")), url);
      assert.ok(text.includes(dataset.meta.dataset_version), url);
    }
    await app.done(page);
  });

  it("saves the current selection as CSV with a byte-order mark", async () => {
    const page = await app.open("en/explore/?voice=reported");
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("button[data-download=selection]")]);
    assert.equal(file.suggestedFilename(), "selection.csv");
    const chunks = [];
    for await (const c of await file.createReadStream()) chunks.push(c);
    const bytes = Buffer.concat(chunks);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    assert.ok(text.includes(`Dataset version ${dataset.meta.dataset_version}`));
    // Every item row of the file, whatever its voice: exactly the reported ones.
    const rows = text.split("\r\n").filter((r) => dataset.items.some((i) => r.startsWith(`${i.id},`)));
    assert.deepEqual(rows.map((r) => r.split(",")[0]), reported.map((i) => i.id));
    // Explore's island writes it, with the address that shows the selection; no app.
    assert.ok(text.split("\r\n").includes(app.url("en/explore/?voice=reported")), "the selection's address");
    assert.equal(await page.getAttribute("html", "data-app"), null);
    await app.done(page);
  });

  it("tells the reader on the page when a download fails", async () => {
    const page = await app.open("en/explore/", {
      before: (p) => p.addInitScript(() => { URL.createObjectURL = () => { throw new Error("blocked"); }; }),
    });
    page.on("console", () => {}); // the failure is also logged as a warning
    await page.click("button[data-download=selection]");
    await page.waitForSelector(".download-alert .notice");
    assert.match(await page.textContent(".download-alert"), /The download failed/);
    await app.done(page);
  });
});
