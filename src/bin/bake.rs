//! Writes a baked page for every address of the site into a built site:
//! `cargo run --bin bake -- DIR`. Trunk's post-build hook runs it on its staging
//! folder (`TRUNK_STAGING_DIR`), so `trunk build` writes the whole site.
//! `SITE_URL=https://example.org/explorer/` gives the site's public address, for
//! canonical links, `og:url`, `sitemap.xml` and `robots.txt`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
    else {
        eprintln!("usage: bake DIR (or set TRUNK_STAGING_DIR)");
        return ExitCode::from(2);
    };
    bake(std::path::Path::new(&dir))
}

#[cfg(not(target_arch = "wasm32"))]
fn bake(dir: &std::path::Path) -> ExitCode {
    let site = match cca_explorer::bake::Site::read(dir, std::env::var("SITE_URL").ok()) {
        Ok(site) => site,
        Err(e) => {
            eprintln!("bake: {e}");
            return ExitCode::FAILURE;
        }
    };
    match site.write(dir) {
        Ok(n) => {
            println!("bake: wrote {n} files into {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bake: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn bake(_: &std::path::Path) -> ExitCode {
    eprintln!("bake runs natively, at build time");
    ExitCode::FAILURE
}
