#!/bin/sh
# Builds each island (src/islands/, one binary each in src/bin/) into the site being
# built: its wasm-bindgen script and its wasm, named by a hash of their content, and
# `islands.json`, which names them for the bake (src/bake.rs, `Islands`).
# Run by scripts/post-build.sh (Trunk's post-build hook), before the bake.
#
# An island is built without the `app` feature: no Leptos, no view and none of the app's
# split points are linked in, only the pure core it uses (about 60 KB of brotli for
# Explore's, where the app's main module is 160 KB). Its own target folder, and flags
# without the splitter's `--emit-relocs` (with them, wasm-opt cannot shrink it).
# Usage: scripts/build-islands.sh DIR   (default: $TRUNK_STAGING_DIR)
set -eu
out="${1:-${TRUNK_STAGING_DIR:?give the build folder}}"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-target}/islands"
profile="${TRUNK_PROFILE:-release}"
[ "$profile" = release ] && release=--release || release=
work="$target/bindgen"
islands="explore embed"

manifest="{"
for island in $islands; do
  bin="$island-island"
  RUSTFLAGS="--cfg erase_components" CARGO_TARGET_DIR="$target" \
    cargo build --quiet $release --target wasm32-unknown-unknown --no-default-features \
    --bin "$bin"
  rm -rf "$work" && mkdir -p "$work"
  wasm-bindgen --target web --no-typescript --out-dir "$work" \
    "$target/wasm32-unknown-unknown/$profile/$bin.wasm"
  # The same features as the app's wasm (tools/split-wasm), at the level for size.
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    "$work/${bin}_bg.wasm" -o "$work/${bin}_bg.wasm"
  hash=$(cat "$work/$bin.js" "$work/${bin}_bg.wasm" | sha256sum | cut -c1-16)
  cp "$work/$bin.js" "$out/$bin-$hash.js"
  cp "$work/${bin}_bg.wasm" "$out/$bin-${hash}_bg.wasm"
  [ "$manifest" = "{" ] || manifest="$manifest,"
  manifest="$manifest\"$island\":{\"module\":\"$bin-$hash.js\",\"wasm\":\"$bin-${hash}_bg.wasm\"}"
done
printf '%s}\n' "$manifest" > "$out/islands.json"
