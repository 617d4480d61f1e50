// Where Explore's wasm spends a keystroke or a facet click: samples the main thread with
// V8's profiler (CDP `Profiler`, 0.1 ms) while typing the benchmark's words (or clicking
// its facets) into en/explore/, and prints the call tree top down, merged by function,
// with each function's total milliseconds. A diagnosis, not a measure to compare: the
// profiler slows the page.
//
// Build with the function names kept, or the tree shows `wasm-function[N]`:
//   SPLIT_WASM_NAMES=1 trunk build --release --offline --dist target/dist-names
//   node scripts/bench/profile.mjs target/dist-names [--facets] [--min MS]
import { launch } from "./common.mjs";
import { facetClicks, openApp, searchKeystrokes } from "./interactions.mjs";
import { serve } from "../static-server.mjs";

const args = process.argv.slice(2);
const minAt = args.indexOf("--min");
const minMs = minAt >= 0 ? Number(args[minAt + 1]) : 20;
const dist = args.find((a, i) => !a.startsWith("--") && !(minAt >= 0 && i === minAt + 1)) ?? "dist";
const server = await serve(dist);
const browser = await launch();
try {
  const page = await openApp(browser, `http://127.0.0.1:${server.address().port}/en/explore/`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  if (args.includes("--facets")) await facetClicks(page, { rounds: 2 });
  else await searchKeystrokes(page, { rounds: 2 });
  const { profile } = await cdp.send("Profiler.stop");
  printTree(profile, minMs);
} finally {
  await browser.close();
  server.close();
}

/** The profile's call tree, children merged by function name, from `minMs` up. */
function printTree(profile, minMs) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, { ...n, self: 0, total: 0 }]));
  profile.samples.forEach((id, i) => (nodes.get(id).self += (profile.timeDeltas[i] ?? 0) / 1000));
  const total = (n) => (n.total = n.self + (n.children ?? []).reduce((sum, c) => sum + total(nodes.get(c)), 0));
  total(nodes.get(profile.nodes[0].id));
  // Rust's legacy mangling, shortened enough to read.
  const readable = (name) =>
    (name || "(anonymous)")
      .replace(/^_ZN|17h[0-9a-f]{16}E/g, "")
      .replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}")
      .replace(/\$u20\$/g, " ").replace(/\$C\$/g, ",").replace(/\.\./g, "::")
      .slice(0, 160);
  const walk = (children, depth) => {
    const byName = new Map();
    for (const id of children) {
      const n = nodes.get(id);
      const name = n.callFrame.functionName;
      byName.set(name, [...(byName.get(name) ?? []), n]);
    }
    const merged = [...byName].map(([name, list]) => [name, list, list.reduce((sum, n) => sum + n.total, 0)]);
    for (const [name, list, ms] of merged.sort((a, b) => b[2] - a[2])) {
      if (ms < minMs) continue;
      console.log(`${" ".repeat(depth)}${ms.toFixed(0)} ${readable(name)}`);
      walk(list.flatMap((n) => n.children ?? []), depth + 1);
    }
  };
  walk(nodes.get(profile.nodes[0].id).children ?? [], 0);
}
