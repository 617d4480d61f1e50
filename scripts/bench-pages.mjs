// First paint of the served release build, as a phone on a slow network sees it: first
// contentful paint, largest contentful paint and (where the app marks it) the moment the
// app has taken over, median and spread over cold loads in headless Chromium, with
// Lighthouse's mobile throttling (150 ms round trip, 1.6 Mbit/s down, CPU 4× slower) and
// the files gzip-compressed as GitHub Pages serves them.
//
// Usage: node scripts/bench-pages.mjs [--runs N] [--dist DIR]... [ADDRESS]...
// Several --dist folders (say, two builds) are measured in the same run, in turn; an
// address may name each build's own form, split by `|` in the order of the --dist
// folders (`en/|?lang=en` for today's and the first scheme's overview).
// Addresses default to the overview and one item: en/ en/items/labour-migration/
import { chromium } from "playwright-core";
import { serve } from "./static-server.mjs";

const args = process.argv.slice(2);
const option = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const runs = Number(option("--runs")[0] ?? 15);
const dists = option("--dist").length ? option("--dist") : ["dist"];
const addresses = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!addresses.length) addresses.push("en/", "en/items/labour-migration/");

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: "en-US" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; })
      .observe({ type: "largest-contentful-paint", buffered: true });
  });
  await page.goto(url, { waitUntil: "load" });
  // The old app paints only once its data has arrived and it has run: wait for main content.
  await page.waitForSelector("main h1", { timeout: 60000 });
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    ready: performance.getEntriesByName("app-ready")[0]?.startTime ?? NaN,
  }));
  await context.close();
  return result;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: FLAGS });
const rows = [];
const servers = await Promise.all(dists.map((dir) => serve(dir, 0, "/", { gzip: true })));
for (const address of addresses) {
  const samples = dists.map(() => ({ fcp: [], lcp: [], ready: [] }));
  // Interleave the builds so a slow moment of the machine hits both alike.
  for (let run = 0; run < runs; run++) {
    for (const [i, server] of servers.entries()) {
      const forms = address.split("|");
      const r = await load(browser, `http://127.0.0.1:${server.address().port}/${forms[i] ?? forms[0]}`);
      for (const key of ["fcp", "lcp", "ready"]) if (!Number.isNaN(r[key])) samples[i][key].push(r[key]);
    }
  }
  for (const [i, dist] of dists.entries()) {
    const s = samples[i];
    rows.push({
      dist, address, runs,
      fcp_ms: median(s.fcp), fcp_range: spread(s.fcp),
      lcp_ms: median(s.lcp), lcp_range: spread(s.lcp),
      ready_ms: s.ready.length ? median(s.ready) : null, ready_range: s.ready.length ? spread(s.ready) : null,
    });
  }
}
await browser.close();
for (const server of servers) server.close();
console.log(`dist${" ".repeat(24)}address${" ".repeat(58)}FCP ms (range)      LCP ms (range)      ready ms (range)`);
for (const r of rows) {
  const cell = (v, range) => (v == null ? "–".padEnd(20) : `${v.toFixed(0)} (${range})`.padEnd(20));
  console.log(`${r.dist.padEnd(28)}${r.address.padEnd(65)}${cell(r.fcp_ms, r.fcp_range)}${cell(r.lcp_ms, r.lcp_range)}${cell(r.ready_ms, r.ready_range)}`);
}
console.log(JSON.stringify(rows));
