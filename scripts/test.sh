#!/usr/bin/env bash
# Runs every test: formatting, lints, native unit tests, the release build, another
# article's build (examples/mekong, the engine with a second dataset), and the browser
# tests in headless Chromium against both builds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --with-browser

SPLIT_TOOL=(--manifest-path tools/split-wasm/Cargo.toml)
say "cargo fmt --check"
cargo fmt --all -- --check
cargo fmt "${SPLIT_TOOL[@]}" -- --check
say "cargo clippy (native and wasm32, the islands without the app, and the build's wasm splitter)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --lib --bin explore-island --bin embed-island -- -D warnings
cargo clippy --release "${SPLIT_TOOL[@]}" -- -D warnings
say "cargo test (native)"
cargo test --all-targets
cargo test --release "${SPLIT_TOOL[@]}"
say "Release build"
trunk build --release --offline
say "Another article's site (DATASET=examples/mekong/dataset.json, into dist-mekong)"
DATASET=examples/mekong/dataset.json trunk build --release --offline --dist dist-mekong
say "Browser tests (headless Chromium)"
node --test --test-concurrency=1 e2e/
