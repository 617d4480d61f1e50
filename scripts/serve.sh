#!/usr/bin/env bash
# Builds the release bundle and serves it on http://127.0.0.1:8080 (PORT to change);
# DATASET=path/to/dataset.json builds another article's site (README, "Presenting
# another article").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
say "Building the release bundle of ${DATASET:-data/dataset.json} into dist/"
trunk build --release --offline
say "Serving dist/ (Ctrl-C to stop)"
exec node scripts/static-server.mjs dist "${PORT:-8080}"
