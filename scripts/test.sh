#!/usr/bin/env bash
# Runs every test: formatting, lints, native unit tests, the release build, and the
# browser tests in headless Chromium against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --with-browser

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
say "cargo test (native)"
cargo test --all-targets
say "Release build"
trunk build --release --offline
say "Browser tests (headless Chromium)"
node --test --test-concurrency=1 e2e/
