// Debian's Chromium and the flags it needs on this machine, shared by the browser tests
// (e2e/harness.mjs), the benchmark (scripts/bench.mjs) and Lighthouse's own launch.
// No sandbox: the tests run as root in a container; no GPU, QUIC or background traffic:
// the machine has no GPU and no network beyond the package registries.
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
