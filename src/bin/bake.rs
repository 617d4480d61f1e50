//! Writes a baked page for every address of the site into a built site:
//! `cargo run --bin bake -- DIR`. Trunk's post-build hook runs it on its staging
//! folder (`TRUNK_STAGING_DIR`), so `trunk build` writes the whole site.
//! `SITE_URL=https://example.org/explorer/` gives the site's public address, for
//! canonical links, `og:url`, `sitemap.xml` and `robots.txt`.
//!
//! `bake DIR --explore --template FILE` bakes again only Explore's pages and its
//! island's files, from the dataset now in `DIR` and the page template kept by the
//! build (`target/site-template.html`): the benchmark's synthetic dataset.

use std::path::PathBuf;
use std::process::ExitCode;

/// What the command line asks for.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
struct Args {
    dir: PathBuf,
    template: Option<PathBuf>,
    explore_only: bool,
}

fn args() -> Result<Args, String> {
    let mut dir = None;
    let mut template = None;
    let mut explore_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--explore" => explore_only = true,
            "--template" => template = Some(args.next().ok_or("--template needs a file")?.into()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => dir = Some(arg.into()),
        }
    }
    let dir = dir
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .ok_or("give the built site's folder (or set TRUNK_STAGING_DIR)")?;
    Ok(Args {
        dir,
        template,
        explore_only,
    })
}

fn main() -> ExitCode {
    match args() {
        Ok(args) => bake(&args),
        Err(e) => {
            eprintln!("bake: {e}\nusage: bake DIR [--explore --template FILE]");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn bake(args: &Args) -> ExitCode {
    use cca_explorer::bake::{write_outputs, Site};
    let public_url = std::env::var("SITE_URL").ok();
    let site = match &args.template {
        Some(template) => Site::read_with_template(&args.dir, template, public_url),
        None => Site::read(&args.dir, public_url),
    };
    let written = site.and_then(|site| {
        let outputs = if args.explore_only {
            site.explore_outputs()
        } else {
            site.outputs()
        };
        write_outputs(&args.dir, &outputs)
    });
    match written {
        Ok(n) => {
            println!("bake: wrote {n} files into {}", args.dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bake: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn bake(_: &Args) -> ExitCode {
    eprintln!("bake runs natively, at build time");
    ExitCode::FAILURE
}
