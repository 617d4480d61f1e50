#!/usr/bin/env bash
# The benchmark: builds the release site, then measures it (scripts/bench.mjs says what).
# Prints tables and writes target/bench.json: 5–7 minutes on 2 cores after the build.
# Usage: scripts/bench.sh [--no-build] [options of scripts/bench.mjs]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --with-browser

if [ "${1:-}" = "--no-build" ]; then
  shift
else
  say "Release build"
  trunk build --release --offline
fi
say "Benchmark"
node scripts/bench.mjs "$@"
