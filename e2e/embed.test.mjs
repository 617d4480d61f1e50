// Embeds: views in another site's frames (a second origin), sized to their content by
// the host script, in both sandbox lists, answering their parent and no one else.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { useApp } from "./harness.mjs";

const app = useApp();
const STRICT = "allow-scripts allow-popups";
const USUAL = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";
const FRAMES = [
  ["en/explore/?country=KGZ&embed=1", USUAL],
  ["zh/charts/poverty-rate/?embed=1", USUAL],
  ["en/facts/poverty-rate-kgz-2019/?embed=1", STRICT],
  ["en/map/?embed=1", USUAL],
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
      await frame.waitForSelector("html[data-app=live]", { state: "attached", timeout: 15000 });
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

  it("answer a theme message from their parent and ignore one from anyone else", async () => {
    const page = await app.open(`${hostOrigin}/`, { live: false, origins: [hostOrigin] });
    const address = FRAMES[1][0];
    const element = await page.$(`iframe[title="${address}"]`);
    await element.scrollIntoViewIfNeeded();
    const frame = await element.contentFrame();
    await frame.waitForURL(app.url(address));
    await frame.waitForSelector("html[data-app=live]", { state: "attached", timeout: 15000 });
    await page.evaluate(() => {
      document.querySelector("iframe").nextElementSibling.contentWindow.postMessage(
        { source: "cca-explorer-host", type: "set", theme: "dark" }, "*");
    });
    await frame.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    assert.match(frame.url(), /theme=dark/);
    // A sibling frame sends the same message: it is not the parent, so nothing changes.
    await page.evaluate(() => {
      const stranger = document.getElementById("stranger").contentWindow;
      stranger.eval(`parent.frames[1].postMessage({ source: "cca-explorer-host", type: "set", theme: "light" }, "*")`);
    });
    await page.waitForTimeout(500);
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "dark");
    // A forged resize message from the host page itself is not from a frame: ignored.
    const before = await page.evaluate(() => [...document.querySelectorAll("iframe")].map((f) => f.style.height));
    await page.evaluate(() => window.postMessage({ source: "cca-explorer", type: "resize", height: 9999 }, "*"));
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("iframe")].map((f) => f.style.height)), before);
    await app.done(page);
  });
});
