#!/bin/sh
# Trunk's post-build hook (Trunk.toml), on Trunk's staging folder, one step after the
# other (Trunk would run several hooks of a stage at the same time):
# 1. split the app's wasm into its main module and the chunks of the views the first
#    page does not need, in place of Trunk's module (tools/split-wasm; Cargo links the
#    wasm with the relocations the splitter needs, see .cargo/config.toml);
# 2. build the islands, the small wasm modules that make parts of a baked page live
#    without the app (scripts/build-islands.sh);
# 3. serve the dataset `DATASET` names, if any, with the map.json beside it (the build's
#    own copies are data/dataset.json and data/map.json, see index.html); keep the page
#    template, then bake a page for every address (src/bake.rs);
# 4. in a release build, minify the scripts and the stylesheet (scripts/minify.mjs);
# 5. write .br and .gz copies of every text file, the wasm and the data.
set -eu
: "${TRUNK_STAGING_DIR:?run by trunk build}"
# The project's own wasm-opt (npm's binaryen, as Trunk.toml pins: Debian's older one
# breaks the module) and wasm-bindgen (the version in Cargo.lock), as scripts/setup.sh
# installs them, before any other on the PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/${TRUNK_PROFILE:-release}/cca-explorer.wasm"
cargo run --quiet --release --manifest-path tools/split-wasm/Cargo.toml -- \
  "$TRUNK_STAGING_DIR" "$wasm" cca-explorer
scripts/build-islands.sh "$TRUNK_STAGING_DIR"
if [ -n "${DATASET:-}" ]; then
  map="$(dirname "$DATASET")/map.json"
  if [ ! -f "$map" ]; then
    echo "post-build: $map is missing: draw it with node scripts/build-map.mjs $DATASET" >&2
    exit 1
  fi
  cp "$DATASET" "$TRUNK_STAGING_DIR/data/dataset.json"
  cp "$map" "$TRUNK_STAGING_DIR/data/map.json"
else
  # The page template, which the bake replaces with the root page, kept for baking
  # this article's built site again (the benchmark's synthetic dataset: `bake DIR
  # --explore --template`); not from another dataset's build, whose files differ.
  cp "$TRUNK_STAGING_DIR/index.html" "${CARGO_TARGET_DIR:-target}/site-template.html"
fi
cargo run --quiet --bin bake
if [ "${TRUNK_PROFILE:-release}" = release ]; then node scripts/minify.mjs; fi
node scripts/compress.mjs
