// Lighthouse's mobile audit (its default: a mid-range phone, simulated slow 4G) of a few
// pages, with Debian's Chromium. Lighthouse is installed for the benchmark only, into
// target/bench-tools (npm, pinned), so the tests and the build never need it.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, FLAGS } from "../chromium.mjs";

const VERSION = "12.8.2";
const TOOLS = "target/bench-tools";
const CLI = join(TOOLS, "node_modules/lighthouse/cli/index.js");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
// Lab metrics beside the scores, to see what the performance score is made of.
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];

function install() {
  const installed = existsSync(CLI) && JSON.parse(readFileSync(join(TOOLS, "node_modules/lighthouse/package.json"), "utf8")).version;
  if (installed === VERSION) return;
  console.error(`Installing lighthouse@${VERSION} into ${TOOLS} (once)`);
  mkdirSync(TOOLS, { recursive: true });
  execFileSync("npm", ["install", "--prefix", TOOLS, "--no-audit", "--no-fund", "--no-save", `lighthouse@${VERSION}`], { stdio: "inherit" });
}

/** Scores (0–100) and lab metrics of one page; the full report is kept in `reportDir`. */
async function audit(url, report) {
  // Not a synchronous call: the static server answering Lighthouse runs in this process.
  await promisify(execFile)(
    process.execPath,
    [
      CLI, url, "--quiet", "--output=json", `--output-path=${report}`,
      `--only-categories=${CATEGORIES.join(",")}`,
      `--chrome-flags=--headless=new ${FLAGS.join(" ")}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 300000, maxBuffer: 64 << 20 },
  );
  const result = JSON.parse(readFileSync(report, "utf8"));
  if (result.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.runtimeError.message}`);
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((result.categories[c]?.score ?? NaN) * 100)])),
    metrics: Object.fromEntries(METRICS.map((m) => [m, result.audits[m]?.numericValue ?? null])),
    // What costs points: the audits that count towards a score and do not pass.
    failing: CATEGORIES.flatMap((c) => result.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && result.audits[ref.id]?.score != null && result.audits[ref.id].score < 0.9)
      .map((ref) => ref.id),
    warnings: result.runWarnings,
    report,
  };
}

/**
 * Audits `addresses` below `origin`, each `runs` times, and keeps each page's run with
 * the median performance score (as Lighthouse's own docs advise: one run varies by
 * several points). `{ address: result }`, or `{ error }` for a page that failed.
 */
export async function lighthouse(origin, addresses, { runs = 3, reportDir = "target/lighthouse" } = {}) {
  install();
  mkdirSync(reportDir, { recursive: true });
  const results = {};
  for (const address of addresses) {
    const report = join(reportDir, `${address.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "root"}.json`);
    try {
      const all = [];
      for (let run = 0; run < runs; run++) all.push(await audit(`${origin}/${address}`, report.replace(/\.json$/, `-${run + 1}.json`)));
      all.sort((a, b) => a.scores.performance - b.scores.performance);
      results[address] = { ...all[Math.floor(all.length / 2)], performance_runs: all.map((r) => r.scores.performance) };
    } catch (e) {
      // Lighthouse says what went wrong on its last line of output.
      results[address] = { error: e.stderr?.trim().split("\n").at(-1) || String(e.message ?? e).split("\n")[0] };
    }
  }
  return results;
}
