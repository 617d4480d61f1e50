//! Explore's island (`src/islands/explore.rs`), as a wasm module of its own: the loader
//! (`src/boot.js`) calls `start` once the module is in. Built by
//! `scripts/build-islands.sh`, not by Trunk.

/// Makes Explore's baked page live; a rejection leaves it as baked.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn start() -> Result<(), wasm_bindgen::JsValue> {
    cca_explorer::islands::explore::run().await
}

fn main() {}
