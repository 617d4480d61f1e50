// How soon an embedded view sizes itself: the time from creating its <iframe> on a host
// page of another origin to the frame's first height message, median and range over
// cold loads in headless Chromium (no throttling), per view; and the host script's size.
// Usage: node scripts/bench-embed.mjs [--runs N] [DIST]   (after a release build)
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { serve } from "./static-server.mjs";
import { launch } from "./bench/common.mjs";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1] || 10);
const dist = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs") ?? "dist";
const VIEWS = ["en/facts/poverty-rate-kgz-2019/?embed=1", "zh/charts/poverty-rate/?embed=1", "en/explore/?country=KGZ&embed=1"];

const script = readFileSync(`${dist}/embed.js`);
console.log(`embed.js: ${script.length} B raw, ${gzipSync(script, { level: 9 }).length} B gzip, ${brotliCompressSync(script).length} B brotli`);

const site = await serve(dist, 0, "/");
const explorer = `http://127.0.0.1:${site.address().port}/`;
const host = createServer((req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!DOCTYPE html><title>host</title>"));
await new Promise((ok) => host.listen(0, "127.0.0.2", ok));
const browser = await launch();
for (const view of VIEWS) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.2:${host.address().port}/`);
    times.push(
      await page.evaluate(
        (src) =>
          new Promise((done) => {
            const frame = document.createElement("iframe");
            addEventListener("message", (e) => {
              if (e.source === frame.contentWindow && e.data?.type === "resize") done(performance.now() - start);
            });
            const start = performance.now();
            frame.src = src;
            document.body.append(frame);
          }),
        explorer + view,
      ),
    );
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`${view.padEnd(45)} first height message after ${times[times.length >> 1].toFixed(0)} ms (${times[0].toFixed(0)}–${times.at(-1).toFixed(0)}, ${runs} loads)`);
}
await browser.close();
site.close();
host.close();
