// Cold loads of the overview as a phone on a slow network sees them, beside a plain
// static page with the same first view: first contentful paint, largest contentful
// paint, the load event, the main wasm's arrival (what the take-over waits for most) and
// the page's readiness (`readyAt`: the app's take-over, or the loader's controls and
// the page's island); and the main thread's blocking time up to
// then (the part of each long task beyond 50 ms, as total blocking time counts it),
// measured rather than simulated as Lighthouse does.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { stats } from "./common.mjs";

/**
 * Writes `en-static/index.html` into `site`: the baked overview without its scripts and
 * preloads (the loader, the wasm and the data it fetches), so only the HTML, stylesheet
 * and icon load: what the same content costs as a plain static page. Same folder depth
 * as `en/`, so its relative addresses still hold; with compressed copies like the rest.
 */
export function writeStaticPage(dist, site, page = "en/") {
  const html = readFileSync(join(dist, page, "index.html"), "utf8")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, "")
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>\s*/g, "");
  // At the same depth as the page, so that its relative addresses still hold.
  const twin = page.replace(/\/$/, "-static/");
  mkdirSync(join(site, twin), { recursive: true });
  const file = join(site, twin, "index.html");
  writeFileSync(file, html);
  writeFileSync(`${file}.br`, brotliCompressSync(html));
  writeFileSync(`${file}.gz`, gzipSync(html, { level: 9 }));
  return twin;
}

/**
 * When the page was ready, in ms from its start, or null before (in the page): the app's
 * `app-ready` mark where it starts at load; else the loader's `controls-ready` mark
 * (src/boot.js), and on a page with an island (Explore) its `island-ready` mark too.
 */
function readyAt() {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
  const app = mark("app-ready");
  if (app !== undefined) return app;
  const controls = mark("controls-ready");
  const island = document.querySelector("meta[name=island]") ? mark("island-ready") : 0;
  return controls === undefined || island === undefined ? null : Math.max(controls, island);
}

/** One cold load in a fresh context, throttled like Lighthouse's mobile preset. */
async function coldLoad(browser, url, { app }) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: "en-US", serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower.
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(() => {
    window.__blocking = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__blocking += Math.max(0, e.duration - 50);
    }).observe({ type: "longtask", buffered: true });
    window.__lcp = NaN;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  // Ready: the app has taken over (a page that starts it at load), or the page's
  // controls answer (a page without the app: src/boot.js).
  if (app) await page.waitForFunction(readyAt, null, { timeout: 120000 });
  // Observers report in a later task: give the last paint's entries time to arrive.
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    load: performance.getEntriesByType("navigation")[0]?.loadEventEnd ?? NaN,
    // The main module, or the page's island (chunks are named otherwise): when its last byte arrived.
    wasm: performance.getEntriesByType("resource").find((r) => /_bg\.wasm$/.test(r.name))?.responseEnd ?? NaN,
    ready: NaN,
    blocking: window.__blocking,
  }));
  if (app) result.ready = await page.evaluate(readyAt);
  await context.close();
  return result;
}

/** `runs` cold loads of each page, alternating, so a slow moment of the machine hits both alike. */
export async function loads(browser, { appUrl, staticUrl, runs }) {
  const samples = { app: [], static: [] };
  for (let run = 0; run < runs; run++) {
    samples.app.push(await coldLoad(browser, appUrl, { app: true }));
    samples.static.push(await coldLoad(browser, staticUrl, { app: false }));
  }
  const summary = (list) =>
    Object.fromEntries(["fcp", "lcp", "load", "wasm", "ready", "blocking"].map((k) => [k, stats(list.map((s) => s[k]).filter(Number.isFinite))]));
  const app = summary(samples.app);
  const plain = summary(samples.static);
  const ratio = (a, b) => (a.median && b.median ? Math.round((a.median / b.median) * 100) / 100 : null);
  return {
    runs,
    throttling: "150 ms RTT, 1.6 Mbit/s down, CPU 4x; precompressed (brotli) files",
    app,
    static: plain,
    ratios: {
      ready_over_static_load: ratio(app.ready, plain.load),
      ready_over_static_lcp: ratio(app.ready, plain.lcp),
      fcp_over_static_fcp: ratio(app.fcp, plain.fcp),
      lcp_over_static_lcp: ratio(app.lcp, plain.lcp),
    },
  };
}
