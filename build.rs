//! Records the SHA-256 of the bundled dataset, so the Sources page can show readers
//! which exact file they are looking at (`DATASET_SHA256`).

use sha2::{Digest, Sha256};

fn main() {
    let path = "data/dataset.json";
    println!("cargo:rerun-if-changed={path}");
    let bytes = std::fs::read(path).unwrap_or_default();
    let hex: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("cargo:rustc-env=DATASET_SHA256={hex}");
}
