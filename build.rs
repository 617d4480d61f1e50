//! Records the SHA-256 of each dataset file the site serves (the whole, compacted, and
//! its core, both written by the bake; see `src/data/compact.rs`), so the app checks
//! only a file that differs, and the Sources page can show readers which exact file they
//! are looking at (`DATASET_SHA256`, `DATASET_CORE_SHA256`). The dataset is
//! `data/dataset.json`, or the file `DATASET` names (`DATASET=examples/mekong/dataset.json
//! trunk build --release --offline` builds another article's site; scripts/post-build.sh
//! serves that file and the `map.json` beside it).

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
    println!("cargo:rerun-if-env-changed=DATASET");
    let path = std::env::var("DATASET")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "data/dataset.json".into());
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=src/data/compact.rs");
    let served = compact::compact_json(&std::fs::read_to_string(&path).unwrap_or_default());
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
