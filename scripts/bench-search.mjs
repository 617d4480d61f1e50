// Benchmark: time from a keystroke in the search field to the updated result list,
// on the real dataset in headless Chromium against the release build in dist/.
// Usage: node scripts/bench-search.mjs [ROUNDS]   (after a release build)
import { chromium } from "playwright-core";
import { serve } from "./static-server.mjs";

const rounds = Number(process.argv[2] ?? 20);
const QUERIES = ["p", "po", "pov", "pover", "贫", "贫困", "gulen", "pipeline", "kyrgyz", "教育"];
const server = await serve("dist", 0, "/");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/?view=explore&lang=en`);
await page.waitForSelector("article[data-item]");

const times = [];
for (let round = 0; round < rounds; round++) {
  for (const query of QUERIES) {
    // From the input event to the first frame painted after the list changed.
    const ms = await page.evaluate(
      (q) =>
        new Promise((done) => {
          const input = document.getElementById("search");
          const results = document.querySelector(".results");
          const start = performance.now();
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => done(performance.now() - start));
          });
          observer.observe(results, { childList: true, subtree: true, characterData: true });
          input.value = q;
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }),
      round % 2 ? query : `${query} `,
    );
    times.push(ms);
  }
}
times.sort((a, b) => a - b);
const pick = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`search keystroke → updated list, ${times.length} samples: median ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
await browser.close();
server.close();
