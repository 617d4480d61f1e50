// Embeds: views in another site's frames (a second origin), sized to their content by
// the host script, in both sandbox lists, answering their parent and no one else.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { READY, useApp } from "./harness.mjs";

const app = useApp();
const STRICT = "allow-scripts allow-popups";
const USUAL = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";
const FRAMES = [
  ["en/explore/?country=KGZ&embed=1", USUAL],
  ["zh/charts/poverty-rate/?embed=1", USUAL],
  ["en/facts/poverty-rate-kgz-2019/?embed=1", STRICT],
  ["en/map/?embed=1", USUAL],
  ["en/charts/poverty-rate/?embed=1", STRICT],
];

// The host page lives on another origin.
let host;
let hostOrigin;
before(async () => {
  host = createServer((req, res) => {
    const explorer = app.url();
    const frames = FRAMES.map(
      ([address, sandbox]) =>
        `<iframe src="${explorer}${address}" title="${address}" loading="lazy" sandbox="${sandbox}" style="width:100%;border:0;height:150px"></iframe>`,
    ).join("\n");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Host</title></head><body style="max-width:40rem">
<h1>A news story</h1>${frames}
<iframe id="stranger" srcdoc="<p>another site</p>" style="height:40px"></iframe>
<script src="${explorer}embed.js" async></script></body></html>`);
  });
  // 127.0.0.2 is this machine too, but another origin (and site) than 127.0.0.1.
  await new Promise((ok) => host.listen(0, "127.0.0.2", ok));
  hostOrigin = `http://127.0.0.2:${host.address().port}`;
});
after(() => new Promise((ok) => host.close(ok)));

describe("embedded views", () => {
  it("size themselves to their content, without the site around them, in both sandboxes", async () => {
    const page = await app.open(`${hostOrigin}/`, { live: false, origins: [hostOrigin] });
    for (const [address] of FRAMES) {
      // Frames load lazily: bring each into view, as a reader scrolling down would.
      const element = await page.$(`iframe[title="${address}"]`);
      await element.scrollIntoViewIfNeeded();
      const frame = await element.contentFrame();
      await frame.waitForURL(app.url(address));
      await frame.waitForSelector(READY, { state: "attached", timeout: 15000 });
      // The host script has set the frame to the content's height: no inner scrollbar.
      await page.waitForFunction(
        (el) => el.style.height !== "150px",
        element,
        { timeout: 10000 },
      );
      await page.waitForTimeout(300);
      const outer = await element.evaluate((el) => el.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(Math.abs(outer - inner) <= 1, `${address}: frame ${outer}px, content ${inner}px`);
      assert.ok(inner > 150, `${address}: content ${inner}px`);
      assert.equal(await frame.locator(".site-header").isVisible(), false, "no site navigation");
      const link = frame.locator(".embed-source a");
      assert.equal(await link.getAttribute("target"), "_blank");
      const full = await link.evaluate((a) => a.href);
      assert.equal(full, app.url(address.replace(/[?&]embed=1/, "").replace(/\?$/, "")));
    }
    await app.done(page);
  });

  it("switch a chart to its table, and start the app, in the strict sandbox too", async () => {
    const address = "en/charts/poverty-rate/?embed=1";
    const page = await app.open(`${hostOrigin}/`, { live: false, origins: [hostOrigin] });
    const element = await page.$(`iframe[title="${address}"]`);
    await element.scrollIntoViewIfNeeded();
    const frame = await element.contentFrame();
    await frame.waitForSelector("html[data-start=demand]", { state: "attached", timeout: 15000 });
    await frame.click("[data-chart] [data-action=table]");
    await frame.waitForSelector("[data-chart] .chart-table", { state: "visible", timeout: 15000 });
    assert.equal(new URL(frame.url()).search, "?tab=table&embed=1");
    assert.equal(await frame.getAttribute("html", "data-app"), null, "the table needs no app");
    // The app too runs there (without storage), and keeps the table shown.
    await frame.evaluate(() => dispatchEvent(new Event("cca-explorer-start")));
    await frame.waitForSelector("html[data-app=live]", { state: "attached", timeout: 15000 });
    assert.ok(await frame.isVisible("[data-chart] .chart-table"));
    await app.done(page);
  });

  it("answer a theme message from their parent and ignore one from anyone else", async () => {
    const page = await app.open(`${hostOrigin}/`, { live: false, origins: [hostOrigin] });
    const address = FRAMES[1][0];
    const element = await page.$(`iframe[title="${address}"]`);
    await element.scrollIntoViewIfNeeded();
    const frame = await element.contentFrame();
    await frame.waitForURL(app.url(address));
    await frame.waitForSelector(READY, { state: "attached", timeout: 15000 });
    await frame.evaluate(() => (window.__samePage = true));
    await page.evaluate(() => {
      document.querySelector("iframe").nextElementSibling.contentWindow.postMessage(
        { source: "cca-explorer-host", type: "set", theme: "dark" }, "*");
    });
    await frame.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    assert.match(frame.url(), /theme=dark/);
    // The theme changes in place, without loading the page again.
    assert.equal(await frame.evaluate(() => window.__samePage), true);
    assert.equal(await frame.getAttribute("[data-switch=theme] [data-option=dark]", "aria-pressed"), "true");
    // A sibling frame sends the same message: it is not the parent, so nothing changes.
    await page.evaluate(() => {
      const stranger = document.getElementById("stranger").contentWindow;
      stranger.eval(`parent.frames[1].postMessage({ source: "cca-explorer-host", type: "set", theme: "light" }, "*")`);
    });
    await page.waitForTimeout(500);
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "dark");
    // The language, too: the same view in English, in place.
    await page.evaluate(() => {
      document.querySelector("iframe").nextElementSibling.contentWindow.postMessage(
        { source: "cca-explorer-host", type: "set", lang: "en" }, "*");
    });
    await frame.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await frame.textContent("main h1"), "Poverty rate");
    assert.match(frame.url(), /\/en\/charts\/poverty-rate\/\?.*embed=1/);
    // A forged resize message from the host page itself is not from a frame: ignored.
    const before = await page.evaluate(() => [...document.querySelectorAll("iframe")].map((f) => f.style.height));
    await page.evaluate(() => window.postMessage({ source: "cca-explorer", type: "resize", height: 9999 }, "*"));
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("iframe")].map((f) => f.style.height)), before);
    await app.done(page);
  });
});

describe("the embed dialog", () => {
  it("builds a snippet for a fact card in another language, previews it and copies it", async () => {
    const page = await app.open("en/charts/poverty-rate/", {
      before: (p) => p.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url() }),
    });
    // Its first use on a reading page starts its island, which opens the dialog.
    await page.click(".embed-open");
    await page.waitForFunction(() => document.querySelector(".embed-dialog").matches(":modal"));
    assert.match(await page.inputValue("#embed-code"), /en\/charts\/poverty-rate\/\?embed=1"[^]*embed\.js" async><\/script>$/);
    await page.selectOption("#embed-what", "poverty-rate-kgz-2019");
    await page.check("input[name=embed-lang][value=zh]");
    await page.check("input[name=embed-theme][value=dark]");
    const code = await page.inputValue("#embed-code");
    assert.ok(code.startsWith(`<iframe src="${app.url("zh/facts/poverty-rate-kgz-2019/?theme=dark&amp;embed=1")}"`), code);
    assert.match(code, /loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups[^"]*" style="width:100%;height:260px;border:0"/);
    const preview = await (await page.$(".embed-preview")).contentFrame();
    await preview.waitForSelector(READY, { state: "attached", timeout: 15000 });
    assert.equal(await preview.textContent(".fact-value"), "20.1%");
    assert.equal(await preview.evaluate(() => document.documentElement.dataset.theme), "dark");
    // A fixed height leaves the script out.
    await page.uncheck("#embed-auto");
    assert.doesNotMatch(await page.inputValue("#embed-code"), /<script/);
    await page.click("[data-action=copy]");
    await page.waitForSelector(".embed-actions [role=status]:has-text('Copied')");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue("#embed-code"));
    // Escape closes it and gives the focus back to the button that opened it.
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.querySelector(".embed-dialog").open);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains("embed-open")), true);
    await app.done(page);
  });
});
