//! The embed dialog's island (`src/islands/embed.rs`), as a wasm module of its own: the
//! loader (`src/boot.js`) calls `start` on the first use of the "Embed" button. Built by
//! `scripts/build-islands.sh`, not by Trunk.

/// Makes the baked embed dialog live and opens it; an error leaves the page as baked.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start() -> Result<(), wasm_bindgen::JsValue> {
    cca_explorer::islands::embed::run()
}

fn main() {}
