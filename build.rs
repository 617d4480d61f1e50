//! Records the SHA-256 of each dataset file the site serves (the whole, compacted, and
//! its core, both written by the bake; see `src/data/compact.rs`), so the app checks
//! only a file that differs, and the Sources page can show readers which exact file they
//! are looking at (`DATASET_SHA256`, `DATASET_CORE_SHA256`).

use sha2::{Digest, Sha256};

#[path = "src/data/compact.rs"]
mod compact;

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn main() {
    let path = "data/dataset.json";
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=src/data/compact.rs");
    let served = compact::compact_json(&std::fs::read_to_string(path).unwrap_or_default());
    let core = compact::core_json(&served).unwrap_or_default();
    println!(
        "cargo:rustc-env=DATASET_SHA256={}",
        sha256_hex(served.as_bytes())
    );
    println!(
        "cargo:rustc-env=DATASET_CORE_SHA256={}",
        sha256_hex(core.as_bytes())
    );
}
