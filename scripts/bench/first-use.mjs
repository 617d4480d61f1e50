// A control's first use on a reading page, as a phone on a slow network sees it (the
// cold loads' throttling): the embed button of a chart page, clicked once the page has
// loaded, without pointing at it first (a tap). From the click to the busy mark on the
// button (the feedback), and to the dialog open (its island fetched and started:
// src/boot.js). A citation's copy button on an item page, and a chart's PNG download,
// which the loader does without the app.
import { stats } from "./common.mjs";

/** A fresh phone-like context on the throttled network, with `url` loaded. */
async function phone(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: "en-US", serviceWorkers: "block", hasTouch: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  return { context, page };
}

/** Notes in the page the next click's time (`__click`) and when a control first shows
 * it is busy (`__busy`, the feedback). */
const watchTap = (page) =>
  page.evaluate(() => {
    window.__busy = NaN;
    new MutationObserver(() => {
      if (Number.isNaN(window.__busy) && document.querySelector("[aria-busy=true]")) window.__busy = performance.now();
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["aria-busy"] });
    addEventListener("click", (e) => (window.__click = e.timeStamp), { capture: true, once: true });
  });

async function once(browser, url) {
  const { context, page } = await phone(browser, url);
  await page.waitForSelector("html[data-start=demand]", { state: "attached" });
  await watchTap(page);
  await page.tap(".embed-open");
  await page.waitForFunction(() => document.querySelector(".embed-dialog")?.matches(":modal"), null, { timeout: 120000, polling: "raf" });
  const result = await page.evaluate(() => ({ feedback: window.__busy - window.__click, open: performance.now() - window.__click }));
  await context.close();
  return result;
}

/**
 * A citation's copy button on `url` (an item page), tapped once its fold is open: from
 * the click to "Copied." beside it (the loader copies without the app, src/boot.js).
 */
async function copyOnce(browser, url) {
  const { context, page } = await phone(browser, url);
  await page.waitForSelector("html[data-start=demand]", { state: "attached" });
  await page.tap(".cite-box summary");
  await page.evaluate(() => addEventListener("click", (e) => (window.__click = e.timeStamp), { capture: true, once: true }));
  await page.tap(".cite-box .cite-style button");
  await page.waitForFunction(() => document.querySelector(".cite-box [data-copy-status]")?.textContent, null, { polling: "raf" });
  const copied = await page.evaluate(() => performance.now() - window.__click);
  await context.close();
  return copied;
}

/**
 * A chart's PNG download on `url` (a chart page), tapped once the page has loaded: from
 * the click to the busy mark, and to the file offered (the link to the drawn PNG
 * clicked: the SVG file fetched, its address filled in, drawn on a canvas).
 */
async function downloadOnce(browser, url) {
  const { context, page } = await phone(browser, url);
  await page.waitForSelector("html[data-start=demand]", { state: "attached" });
  await watchTap(page);
  // The file is offered when the link to it is clicked.
  await page.evaluate(() => {
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download) window.__offered = performance.now();
      return click.call(this);
    };
  });
  await Promise.all([page.waitForEvent("download", { timeout: 120000 }), page.tap("[data-chart] button[data-download=png]")]);
  const result = await page.evaluate(() => ({ feedback: window.__busy - window.__click, offered: window.__offered - window.__click }));
  await context.close();
  return result;
}

/** `runs` first PNG downloads on `url` (a chart page), each in a fresh context. */
export async function firstDownload(browser, url, { runs }) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await downloadOnce(browser, url));
  return { runs, feedback_ms: stats(samples.map((s) => s.feedback)), offered_ms: stats(samples.map((s) => s.offered)) };
}

/** `runs` first uses of a citation's copy button on `url` (an item page). */
export async function firstCopy(browser, url, { runs }) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await copyOnce(browser, url));
  return { runs, copied_ms: stats(samples) };
}

/** `runs` first uses of the embed button on `url` (a chart page), each in a fresh context. */
export async function firstUse(browser, url, { runs }) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await once(browser, url));
  return { runs, feedback_ms: stats(samples.map((s) => s.feedback)), dialog_open_ms: stats(samples.map((s) => s.open)) };
}
