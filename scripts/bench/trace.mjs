// Where Explore's keystrokes spend the main thread: types the benchmark's words into the
// search field of en/explore/ under Chromium's tracing, then sums the main thread's
// events by name (total ms and count) and lists the requests the keystrokes made.
// A diagnosis, not a measure to compare across machines: tracing slows the page.
//
//   node scripts/bench/trace.mjs [DIST]     (default dist/, a release build)
import { launch } from "./common.mjs";
import { openApp, WORDS } from "./interactions.mjs";
import { serve } from "../static-server.mjs";

const dist = process.argv[2] ?? "dist";
const server = await serve(dist);
const browser = await launch();
try {
  const page = await openApp(browser, `http://127.0.0.1:${server.address().port}/en/explore/`);
  await page.click("#search");
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink"] });
  let keystrokes = 0;
  for (let round = 0; round < 2; round++) {
    for (const word of WORDS) {
      for (const char of word) {
        await page.keyboard.type(char);
        await page.waitForTimeout(60);
        keystrokes++;
      }
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Backspace");
      await page.waitForTimeout(60);
      keystrokes++;
    }
  }
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  const main = traceEvents.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const totals = new Map();
  for (const e of traceEvents) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== "X" || !e.dur) continue;
    const [ms, n] = totals.get(e.name) ?? [0, 0];
    totals.set(e.name, [ms + e.dur / 1000, n + 1]);
  }
  console.log(`${keystrokes} keystrokes; main-thread events (nested ones count inside their parents too):`);
  for (const [name, [ms, n]] of [...totals].sort((a, b) => b[1][0] - a[1][0]).slice(0, 20)) {
    console.log(`${ms.toFixed(1).padStart(9)} ms ${String(n).padStart(6)}  ${name}`);
  }
  const requests = traceEvents.filter((e) => e.name === "ResourceSendRequest").map((e) => e.args?.data?.url);
  console.log(`requests during the keystrokes: ${requests.length}`, [...new Set(requests)].join(" "));
} finally {
  await browser.close();
  server.close();
}
