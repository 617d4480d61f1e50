//! Records the SHA-256 of the dataset as the site serves it (compacted by the bake),
//! so the Sources page can show readers which exact file they are looking at
//! (`DATASET_SHA256`).

use sha2::{Digest, Sha256};

#[path = "src/data/compact.rs"]
mod compact;

fn main() {
    let path = "data/dataset.json";
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=src/data/compact.rs");
    let served = compact::compact_json(&std::fs::read_to_string(path).unwrap_or_default());
    let hex: String = Sha256::digest(served.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("cargo:rustc-env=DATASET_SHA256={hex}");
}
