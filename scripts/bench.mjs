// The benchmark (issue 12): what a first visit downloads, how soon it paints and the
// app takes over beside a plain static page, how fast search, facets and the switches
// answer on the real dataset and on a synthetic one of 10,000 items, the memory held,
// and Lighthouse's mobile scores. Prints tables; writes everything to target/bench.json.
// Run it through scripts/bench.sh, which builds the release site first.
// Usage: node scripts/bench.mjs [--dist DIR] [--runs N] [--page ADDRESS] [--only size,loads,first-use,explore,switches,lighthouse]
// (--page: the page of the cold loads, en/ by default; en/explore/, say, for a view whose
// code is in a wasm chunk)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { measuredPages, visitSize } from "./size.mjs";
import { serve } from "./static-server.mjs";
import { synthesize } from "./synth-dataset.mjs";
import { launch } from "./bench/common.mjs";
import { loads, writeStaticPage } from "./bench/loads.mjs";
import { explore, switches } from "./bench/interactions.mjs";
import { firstCopy, firstDownload, firstUse } from "./bench/first-use.mjs";
import { lighthouse } from "./bench/lighthouse.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = option("--dist", "dist");
const runs = Number(option("--runs", 15));
const loadPage = option("--page", "en/");
const parts = new Set(option("--only", "size,loads,first-use,explore,switches,lighthouse").split(","));
const OUT = "target/bench.json";
const progress = (what) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);

if (!existsSync(join(dist, "en/index.html"))) throw new Error(`no release build in ${dist}/ (run scripts/bench.sh)`);
// A chart page: the one the embed examples use if it exists, else the first.
const charts = readdirSync(join(dist, "en/charts"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const chart = `en/charts/${charts.includes("poverty-rate") ? "poverty-rate" : charts[0]}/`;

// A temporary copy of the site with what the real one lacks: the static twin of the
// overview, and the synthetic dataset in place of the real one (its compressed copies
// removed, so that the server sends it as it is).
const site = mkdtempSync(join(tmpdir(), "cca-bench-"));
cpSync(dist, site, { recursive: true });
const staticPage = writeStaticPage(dist, site, loadPage);
const synthetic = synthesize(JSON.parse(readFileSync(join(dist, "data/dataset.json"), "utf8")), 10_000);
writeFileSync(join(site, "data/dataset.json"), JSON.stringify(synthetic));
for (const suffix of [".br", ".gz"]) rmSync(join(site, `data/dataset.json${suffix}`), { force: true });
// Explore's pages and its island's index and rows, baked again from the synthetic data
// (with the page template the build kept), and without compressed copies either.
if (parts.has("explore")) {
  progress("baking Explore for the synthetic dataset");
  const template = join(process.env.CARGO_TARGET_DIR ?? "target", "site-template.html");
  if (!existsSync(template)) throw new Error(`no ${template}: build the site first (scripts/bench.sh)`);
  execFileSync("cargo", ["run", "--quiet", "--bin", "bake", "--", site, "--explore", "--template", template], { stdio: ["ignore", "ignore", "inherit"] });
  for (const folder of ["zh/explore", "en/explore", "both/explore", "data"]) {
    for (const name of readdirSync(join(site, folder))) {
      if (/\.(br|gz)$/.test(name) && (folder !== "data" || name.startsWith("explore.json"))) rmSync(join(site, folder, name));
    }
  }
}

const real = await serve(dist);
const copy = await serve(site);
const origin = (server) => `http://127.0.0.1:${server.address().port}`;
const result = {
  date: new Date().toISOString(),
  commit: execFileSync("git", ["describe", "--always", "--dirty"]).toString().trim(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
};

try {
  if (parts.has("size")) {
    const { reading, explore: explorePage } = measuredPages(dist);
    result.size = Object.fromEntries([...reading, ...explorePage].map((page) => [page, visitSize(dist, page)]));
  }
  const browser = await launch();
  result.machine.chromium = browser.version();
  if (parts.has("loads")) {
    progress(`cold loads: ${runs} of ${loadPage} and of its static twin`);
    result.loads = await loads(browser, { appUrl: `${origin(real)}/${loadPage}`, staticUrl: `${origin(copy)}/${staticPage}`, runs });
    result.loads.page = loadPage;
  }
  if (parts.has("first-use")) {
    progress(`first use of the embed button on ${chart}`);
    result.first_use = { page: chart, ...(await firstUse(browser, `${origin(real)}/${chart}`, { runs: Math.min(runs, 7) })) };
    const item = "en/items/labour-migration/";
    progress(`first use of a citation's copy button on ${item}`);
    result.first_copy = { page: item, ...(await firstCopy(browser, `${origin(real)}/${item}`, { runs: Math.min(runs, 7) })) };
    progress(`first PNG download on ${chart}`);
    result.first_download = { page: chart, ...(await firstDownload(browser, `${origin(real)}/${chart}`, { runs: Math.min(runs, 7) })) };
  }
  if (parts.has("explore")) {
    progress("Explore on the real dataset");
    result.explore_real = await explore(browser, `${origin(real)}/en/explore/`, { rounds: 2, searches: 200 });
    progress(`Explore on the synthetic dataset (${synthetic.items.length} items)`);
    result.explore_synthetic = await explore(browser, `${origin(copy)}/en/explore/`, { rounds: 2, searches: 200 });
  }
  if (parts.has("switches")) {
    progress(`theme switches on en/ and ${chart}`);
    result.switches = {
      "en/": await switches(browser, `${origin(real)}/en/`, { rounds: 5 }),
      [chart]: await switches(browser, `${origin(real)}/${chart}`, { rounds: 5 }),
    };
  }
  await browser.close();
  if (parts.has("lighthouse")) {
    progress("Lighthouse (mobile)");
    result.lighthouse = await lighthouse(origin(real), ["en/", "en/explore/", "en/items/labour-migration/", chart]);
  }
} finally {
  real.close();
  copy.close();
  rmSync(site, { recursive: true, force: true });
}

print(result);
mkdirSync("target", { recursive: true });
writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nAll results: ${OUT}`);

/** Columns padded to their widest cell: the first left-aligned, the others right-aligned. */
function table(title, rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? "–").length)));
  console.log(`\n${title}`);
  for (const [n, row] of rows.entries()) {
    console.log(row.map((cell, i) => (i ? String(cell ?? "–").padStart(widths[i]) : String(cell).padEnd(widths[i]))).join("  "));
    if (n === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

function print(r) {
  console.log(`Benchmark of ${r.commit}, ${r.date}: ${r.machine.cpus} × ${r.machine.cpu}, Node ${r.machine.node}, Chromium ${r.machine.chromium}`);
  if (r.size) {
    const rows = Object.entries(r.size).map(([page, { rows, total }]) => [page, rows.length, total.raw, total.gzip, total.brotli, rows.filter((x) => x.file.endsWith(".wasm")).length]);
    table("First visit: bytes each page downloads (scripts/size.mjs)", [["page", "files", "raw", "gzip", "brotli", "wasm files"], ...rows]);
  }
  const ms = (s) => (s?.median == null ? "–" : `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`);
  if (r.loads) {
    const { app, static: plain, ratios } = r.loads;
    table(`Cold loads of ${r.loads.page ?? "en/"}, ms, median (min–max) of ${r.loads.runs}; ${r.loads.throttling}`, [
      ["page", "FCP", "LCP", "load", "main wasm in", "ready", "blocking"],
      [`${r.loads.page ?? "en/"} (the app)`, ms(app.fcp), ms(app.lcp), ms(app.load), ms(app.wasm), ms(app.ready), ms(app.blocking)],
      [`${r.loads.page ?? "en/"} as a static page`, ms(plain.fcp), ms(plain.lcp), ms(plain.load), "–", "–", ms(plain.blocking)],
    ]);
    console.log(
      `ratios: ready / static load ${ratios.ready_over_static_load}, ready / static LCP ${ratios.ready_over_static_lcp}, ` +
        `FCP / static FCP ${ratios.fcp_over_static_fcp}, LCP / static LCP ${ratios.lcp_over_static_lcp}`,
    );
  }
  if (r.first_use) {
    const { page, runs, feedback_ms, dialog_open_ms } = r.first_use;
    table(`First use of the embed button on ${page}, ms from the tap, median (min–max) of ${runs}; throttled as the cold loads`, [
      ["", "busy mark shown", "dialog open"],
      ["first use", ms(feedback_ms), ms(dialog_open_ms)],
    ]);
  }
  if (r.first_copy) {
    const { page, runs, copied_ms } = r.first_copy;
    table(`First use of a citation's copy button on ${page}, ms from the tap, median (min–max) of ${runs}; throttled as the cold loads`, [
      ["", "\"Copied.\" shown"],
      ["first use", ms(copied_ms)],
    ]);
  }
  if (r.first_download) {
    const { page, runs, feedback_ms, offered_ms } = r.first_download;
    table(`First PNG download on ${page}, ms from the tap, median (min–max) of ${runs}; throttled as the cold loads`, [
      ["", "busy mark shown", "file offered"],
      ["first use", ms(feedback_ms), ms(offered_ms)],
    ]);
  }
  const timing = (name, s) => [name, s.n, s.median, s.p95, s.max];
  const rows = [["interaction → next paint, ms (desktop window, no throttling)", "n", "median", "p95", "max"]];
  for (const [key, label] of [["explore_real", "real"], ["explore_synthetic", "synthetic"]]) {
    const e = r[key];
    if (!e) continue;
    rows.push(timing(`search keystroke, ${label} dataset (${e.results}, ${e.shown} shown)`, e.search_keystroke_ms));
    rows.push(timing(`facet click, ${label} dataset`, e.facet_click_ms));
  }
  for (const [page, s] of Object.entries(r.switches ?? {})) {
    rows.push(timing(`theme switch on ${page}`, s.theme_switch_ms));
  }
  if (rows.length > 1) table("Interactions", rows);
  const mb = (b) => (b == null ? "–" : (b / 2 ** 20).toFixed(1));
  const memory = [["Explore", "wasm memory MB", "JS heap MB"]];
  for (const [key, label] of [["explore_real", "real"], ["explore_synthetic", "synthetic"]]) {
    const m = r[key]?.memory;
    if (!m) continue;
    memory.push([`${label} dataset, after load`, mb(m.after_load.wasm_bytes), mb(m.after_load.js_heap_bytes)]);
    memory.push([`${label} dataset, after ${m.searches} searches`, mb(m.after_searches.wasm_bytes), mb(m.after_searches.js_heap_bytes)]);
  }
  if (memory.length > 1) table("Memory (JS heap after a full collection)", memory);
  if (r.lighthouse) {
    const rows = [["page", "perf", "a11y", "best-pr", "SEO", "FCP ms", "LCP ms", "TBT ms", "CLS"]];
    for (const [page, l] of Object.entries(r.lighthouse)) {
      if (l.error) rows.push([page, `failed: ${l.error}`, "", "", "", "", "", "", ""]);
      else {
        const m = l.metrics;
        const round = (x) => (x == null ? null : Math.round(x));
        rows.push([page, l.scores.performance, l.scores.accessibility, l.scores["best-practices"], l.scores.seo,
          round(m["first-contentful-paint"]), round(m["largest-contentful-paint"]), round(m["total-blocking-time"]),
          m["cumulative-layout-shift"]?.toFixed(3)]);
      }
    }
    table("Lighthouse 12, mobile (simulated throttling), median of 3 runs; reports in target/lighthouse/", rows);
    for (const [page, l] of Object.entries(r.lighthouse)) {
      if (l.performance_runs) console.log(`${page}: performance in each run ${l.performance_runs.join(", ")} (the median run is shown)`);
      if (l.failing?.length) console.log(`${page} loses points on: ${l.failing.join(", ")}`);
    }
  }
}
