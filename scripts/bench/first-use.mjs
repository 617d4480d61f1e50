// A control's first use on a reading page, as a phone on a slow network sees it (the
// cold loads' throttling): the embed button of a chart page, clicked once the page has
// loaded, without pointing at it first (a tap). From the click to the busy mark on the
// button (the feedback), and to the dialog open (the app fetched, started, the page
// taken over and the click done again on the app's button: src/boot.js).
import { stats } from "./common.mjs";

async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: "en-US", serviceWorkers: "block", hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  await page.waitForSelector("html[data-start=demand]", { state: "attached" });
  await page.evaluate(() => {
    window.__busy = NaN;
    new MutationObserver(() => {
      if (Number.isNaN(window.__busy) && document.querySelector("[aria-busy=true]")) window.__busy = performance.now();
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["aria-busy"] });
    addEventListener("click", (e) => (window.__click = e.timeStamp), { capture: true, once: true });
  });
  await page.tap(".embed-open");
  await page.waitForFunction(() => document.querySelector(".embed-dialog")?.matches(":modal"), null, { timeout: 120000, polling: "raf" });
  const result = await page.evaluate(() => ({ feedback: window.__busy - window.__click, open: performance.now() - window.__click }));
  await context.close();
  return result;
}

/** `runs` first uses of the embed button on `url` (a chart page), each in a fresh context. */
export async function firstUse(browser, url, { runs }) {
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await once(browser, url));
  return { runs, feedback_ms: stats(samples.map((s) => s.feedback)), dialog_open_ms: stats(samples.map((s) => s.open)) };
}
