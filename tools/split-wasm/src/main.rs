//! `split-wasm STAGING_DIR INPUT_WASM NAME`: splits the app's wasm into a main module
//! and chunks loaded on demand, and puts them in place of Trunk's module in a build.
//!
//! Trunk's post-build hook runs it (see `scripts/post-build.sh`), before the bake. Trunk
//! cannot split wasm itself (trunk-rs/trunk#1022), so this does what `cargo leptos
//! --split` does, with the tools the build already has:
//! 1. `wasm_split_cli_support::transform` splits Cargo's wasm (linked with
//!    `--emit-relocs`, see `.cargo/config.toml`) at its `wasm_split` points into the
//!    main module, the chunks and a JavaScript loader for them;
//! 2. `wasm-bindgen` makes the main module's JavaScript, as Trunk does;
//! 3. the exports of classes no code can make an instance of are dropped (see
//!    `NEVER_MADE`), then `wasm-opt` optimises every wasm file;
//! 4. every file is named after a hash of the whole output (`NAME-{hash}.js`,
//!    `NAME-{hash}_bg.wasm`, `NAME-split-{hash}.js`, `chunk_3-{hash}.wasm`), so hosts can
//!    cache them for good and a release never mixes with another's chunks;
//! 5. Trunk's own module and wasm are removed and `index.html` names the new ones;
//! 6. `split-wasm.json` lists the loader and the chunks, and which chunks each split
//!    point needs, for the bake (caching headers, the service worker, preloads).

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Where a name's hash goes until the hash is known: as long as the hash.
const PLACEHOLDER: &str = "________________";
/// The manifest the bake reads.
const MANIFEST: &str = "split-wasm.json";
/// wasm-opt's level and the features Rust's wasm32 target uses (as Trunk's
/// `data-wasm-opt="2"` did before the split).
const WASM_OPT_ARGS: &[&str] = &[
    "-O2",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
];

/// Classes a dependency exports to JavaScript that the app never hands over. Leptos's
/// `server_fn` brings `wasm-streams`, whose classes turn Rust streams into the browser's;
/// the app streams nothing. An instance could come only from the Rust side (through the
/// class's `__wrap`, which the glue then holds) or from a constructor export, so the
/// build checks both are absent before it drops the class's exports; `wasm-opt` then
/// drops the code only they reached (about 1.7 KB of brotli in the main module). The glue
/// keeps the unused class itself, which calls nothing until an instance exists.
const NEVER_MADE: &[&str] = &[
    "IntoUnderlyingByteSource",
    "IntoUnderlyingSink",
    "IntoUnderlyingSource",
];

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, staging, input, name] = &args[..] else {
        eprintln!("usage: split-wasm STAGING_DIR INPUT_WASM NAME");
        return ExitCode::from(2);
    };
    match run(Path::new(staging), Path::new(input), name) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("split-wasm: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(staging: &Path, input: &Path, name: &str) -> Result<String> {
    // Outside the staging folder, which Trunk publishes whole.
    let work = std::env::temp_dir().join(format!("split-wasm-{}", std::process::id()));
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    let pkg = work.join("pkg");
    std::fs::create_dir_all(&pkg)?;

    // 1. Split.
    let input_wasm = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let main_module = format!("./{name}-{PLACEHOLDER}.js");
    let loader_module = format!("./{name}-split-{PLACEHOLDER}.js");
    let main_split = work.join("main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&input_wasm);
        opts.output_dir = &pkg;
        opts.main_out_path = &main_split;
        opts.main_module = &main_module;
        opts.link_name = &loader_module;
        opts
    })
    .map_err(|e| format!("splitting {}: {e}", input.display()))?;

    // `SPLIT_WASM_NAMES=1` keeps the function names in every served wasm file, so a
    // profile of the page (DevTools, `Profiler` over CDP) names what it samples.
    let keep_names = std::env::var_os("SPLIT_WASM_NAMES").is_some();

    // 2. The main module's JavaScript.
    run_tool(
        Command::new("wasm-bindgen")
            .args(keep_names.then_some("--keep-debug"))
            .args([
                "--target",
                "web",
                "--keep-lld-exports",
                "--no-demangle",
                "--no-typescript",
                "--out-name",
                name,
                "--out-dir",
            ])
            .arg(&pkg)
            .arg(&main_split),
    )?;

    // 3. Drop what no instance can reach, then optimise every wasm file.
    let glue = std::fs::read_to_string(pkg.join(format!("{name}.js")))?;
    let bindgen_wasm = pkg.join(format!("{name}_bg.wasm"));
    let (trimmed, dropped) = without_exports(&std::fs::read(&bindgen_wasm)?, |export| {
        never_made_export(export, &glue)
    })?;
    if dropped.is_empty() {
        eprintln!("split-wasm: none of {NEVER_MADE:?} is exported any more; the list can go");
    }
    std::fs::write(&bindgen_wasm, trimmed)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&pkg)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    files.sort();
    for wasm in files.iter().filter(|f| has_extension(f, "wasm")) {
        run_tool(
            Command::new("wasm-opt")
                .args(WASM_OPT_ARGS)
                .args(keep_names.then_some("-g"))
                .arg(wasm)
                .arg("-o")
                .arg(wasm),
        )?;
    }

    // 4. One hash of everything, for every name.
    let mut hash = Fnv1a::default();
    for file in &files {
        hash.write(file_name(file)?.as_bytes());
        hash.write(&std::fs::read(file)?);
    }
    let hash = format!("{:016x}", hash.0);
    let main_js = format!("{name}.js");
    let main_wasm = format!("{name}_bg.wasm");
    let loader_js = loader_module.trim_start_matches("./").to_string();
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        let file = file_name(file)?;
        let new = if file == main_js {
            format!("{name}-{hash}.js")
        } else if file == main_wasm {
            format!("{name}-{hash}_bg.wasm")
        } else if file == loader_js {
            loader_js.replace(PLACEHOLDER, &hash)
        } else if let Some(stem) = file.strip_suffix(".wasm") {
            format!("{stem}-{hash}.wasm")
        } else {
            return Err(format!("unexpected file from the split: {file}").into());
        };
        renames.insert(file, new);
    }
    let new_name = |old: &str| -> Result<String> {
        renames
            .get(old)
            .cloned()
            .ok_or_else(|| format!("the split wrote no {old}").into())
    };

    // The names inside the two scripts: the main module imports the loader, the loader
    // imports the main module and fetches the chunks (`"./chunk_3.wasm"`).
    // Each replacement is checked: a name left unreplaced would be a file the browser
    // cannot find, found only when a reader opens that view.
    let mut scripts = BTreeMap::new();
    for script in [&main_js, &loader_js] {
        let mut text = std::fs::read_to_string(pkg.join(script))?;
        if !text.contains(PLACEHOLDER) {
            return Err(format!("{script} names no module by placeholder").into());
        }
        text = text.replace(PLACEHOLDER, &hash);
        scripts.insert(script.clone(), text);
    }
    let loader_text = scripts
        .get_mut(&loader_js)
        .ok_or("the split wrote no loader")?;
    for (old, new) in renames
        .iter()
        .filter(|(old, _)| old.ends_with(".wasm") && **old != main_wasm)
    {
        let quoted = format!("\"./{old}\"");
        if !loader_text.contains(&quoted) {
            return Err(format!("the loader does not fetch {old} as {quoted}").into());
        }
        *loader_text = loader_text.replace(&quoted, &format!("\"./{new}\""));
    }

    // The main wasm imports the loader by name too: the name is replaced in place, the
    // placeholder being as long as the hash.
    let loader_hashed = loader_module.replace(PLACEHOLDER, &hash);
    let main_bytes = std::fs::read(pkg.join(&main_wasm))?;
    if !contains(&main_bytes, loader_module.as_bytes()) {
        return Err(format!("{main_wasm} does not import {loader_module}").into());
    }
    let main_bytes = replace_bytes(
        &main_bytes,
        loader_module.as_bytes(),
        loader_hashed.as_bytes(),
    );
    std::fs::write(pkg.join(&main_wasm), main_bytes)?;

    // 5. Trunk's module and wasm out, ours in.
    let trunk_js = trunk_file(staging, name, ".js")?;
    let trunk_wasm = trunk_file(staging, name, "_bg.wasm")?;
    for (old, new) in &renames {
        let target = staging.join(new);
        match scripts.get(old) {
            Some(text) => std::fs::write(&target, text)?,
            None => {
                std::fs::copy(pkg.join(old), &target)?;
            }
        }
    }
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index)?
        .replace(&trunk_js, &new_name(&main_js)?)
        .replace(&trunk_wasm, &new_name(&main_wasm)?);
    std::fs::write(&index, html)?;
    for old in [&trunk_js, &trunk_wasm] {
        std::fs::remove_file(staging.join(old))?;
    }

    // 6. The manifest.
    let chunks: Vec<String> = renames
        .iter()
        .filter(|(old, _)| old.ends_with(".wasm") && **old != main_wasm)
        .map(|(_, new)| new.clone())
        .collect();
    let mut splits: Vec<(&String, &Vec<String>)> = split.prefetch_map.iter().collect();
    splits.sort();
    let mut manifest = format!(
        "{{\n  \"loader\": {},\n  \"chunks\": [{}],\n  \"splits\": {{",
        json_string(&new_name(&loader_js)?),
        chunks
            .iter()
            .map(|c| json_string(c))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (i, (split, needs)) in splits.iter().enumerate() {
        let needs: Vec<String> = needs
            .iter()
            .map(|stem| new_name(&format!("{stem}.wasm")).map(|n| json_string(&n)))
            .collect::<Result<_>>()?;
        let comma = if i + 1 < splits.len() { "," } else { "" };
        let _ = write!(
            manifest,
            "\n    {}: [{}]{comma}",
            json_string(split),
            needs.join(", ")
        );
    }
    manifest.push_str("\n  }\n}\n");
    std::fs::write(staging.join(MANIFEST), manifest)?;
    // `SPLIT_WASM_KEEP=1` keeps the split's main module as it was before wasm-bindgen and
    // wasm-opt, with its function names, to see what is in it (`twiggy top`).
    if std::env::var_os("SPLIT_WASM_KEEP").is_some() {
        eprintln!("split-wasm: kept {}", work.display());
    } else {
        std::fs::remove_dir_all(&work)?;
    }
    Ok(format!(
        "split-wasm: {} and {} chunks for {} split points; {} exports no instance reaches dropped",
        new_name(&main_wasm)?,
        chunks.len(),
        splits.len(),
        dropped.len()
    ))
}

/// Whether `export` belongs to a class of `NEVER_MADE` that `glue` gives no way to make.
/// A class that can be made keeps its exports: the check is made for each export, so
/// a class's constructor export (`{class}_new`) keeps the whole class.
fn never_made_export(export: &str, glue: &str) -> bool {
    NEVER_MADE.iter().any(|class| {
        let lower = class.to_ascii_lowercase();
        let ours =
            export == format!("__wbg_{lower}_free") || export.starts_with(&format!("{lower}_"));
        let made =
            glue.contains(&format!("{class}.__wrap(")) || glue.contains(&format!("{lower}_new("));
        ours && !made
    })
}

/// `module` without the exports `drop` picks, and their names. Only the export section
/// is rewritten; every other section is copied as it is.
fn without_exports(module: &[u8], drop: impl Fn(&str) -> bool) -> Result<(Vec<u8>, Vec<String>)> {
    const EXPORT_SECTION: u8 = 7;
    let header = module.get(..8).ok_or("not a wasm module")?;
    if header[..4] != *b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut out = header.to_vec();
    let mut dropped = Vec::new();
    let mut at = 8;
    while at < module.len() {
        let id = module[at];
        let (size, size_len) = read_leb_u32(&module[at + 1..])?;
        let start = at + 1 + size_len;
        let end = start
            .checked_add(size as usize)
            .filter(|&end| end <= module.len())
            .ok_or("a section runs past the module's end")?;
        if id == EXPORT_SECTION {
            let body = &module[start..end];
            let (count, mut pos) = read_leb_u32(body)?;
            let mut kept = Vec::new();
            let mut kept_count = 0u32;
            for _ in 0..count {
                let entry_start = pos;
                let (name_len, len_len) = read_leb_u32(&body[pos..])?;
                let name_start = pos + len_len;
                let name_end = name_start + name_len as usize;
                let name =
                    std::str::from_utf8(body.get(name_start..name_end).ok_or("export name")?)?;
                // The kind's byte, then the index.
                let (_, index_len) = read_leb_u32(body.get(name_end + 1..).ok_or("export kind")?)?;
                pos = name_end + 1 + index_len;
                if drop(name) {
                    dropped.push(name.to_string());
                } else {
                    kept.extend_from_slice(&body[entry_start..pos]);
                    kept_count += 1;
                }
            }
            let mut section = Vec::new();
            write_leb_u32(&mut section, kept_count);
            section.extend_from_slice(&kept);
            out.push(id);
            write_leb_u32(&mut out, u32::try_from(section.len())?);
            out.extend_from_slice(&section);
        } else {
            out.extend_from_slice(&module[at..end]);
        }
        at = end;
    }
    Ok((out, dropped))
}

/// An unsigned LEB128 number at the start of `bytes`, and how many bytes it took.
fn read_leb_u32(bytes: &[u8]) -> Result<(u32, usize)> {
    let mut value: u32 = 0;
    for (i, &byte) in bytes.iter().enumerate().take(5) {
        value |= u32::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Ok((value, i + 1));
        }
    }
    Err("a LEB128 number is cut off or too long".into())
}

fn write_leb_u32(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Runs a build tool, failing with its output if it fails.
fn run_tool(command: &mut Command) -> Result<()> {
    let output = command
        .output()
        .map_err(|e| format!("{:?}: {e}", command.get_program()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{:?} failed: {}",
            command.get_program(),
            String::from_utf8_lossy(&output.stderr)
        )
        .into())
    }
}

/// The one file of Trunk's output named `NAME-{hash}{suffix}`.
fn trunk_file(staging: &Path, name: &str, suffix: &str) -> Result<String> {
    let prefix = format!("{name}-");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(staging)? {
        let file = entry?.file_name().to_string_lossy().into_owned();
        let hash = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(suffix));
        if hash.is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit())) {
            found.push(file);
        }
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => {
            Err(format!("expected one {prefix}{{hash}}{suffix} from Trunk, found {found:?}").into())
        }
    }
}

fn contains(bytes: &[u8], part: &[u8]) -> bool {
    bytes.windows(part.len()).any(|w| w == part)
}

/// `bytes` with every `from` replaced by `to`, of the same length.
fn replace_bytes(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    debug_assert_eq!(from.len(), to.len());
    let mut out = bytes.to_vec();
    let mut at = 0;
    while let Some(found) = out[at..].windows(from.len()).position(|w| w == from) {
        let start = at + found;
        out[start..start + to.len()].copy_from_slice(to);
        at = start + to.len();
    }
    out
}

fn file_name(path: &Path) -> Result<String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(String::from)
        .ok_or_else(|| format!("{}: not a file name", path.display()).into())
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension().is_some_and(|e| e == extension)
}

/// A JSON string of a file or split name (letters, digits, `_`, `-`, `.`).
fn json_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// FNV-1a, 64 bits, as the bake names its files.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_replaced_everywhere_in_place() {
        let wasm = b"\x01./app-split-____.js\x00..\x01./app-split-____.js";
        let out = replace_bytes(wasm, b"./app-split-____.js", b"./app-split-12ab.js");
        assert_eq!(out.len(), wasm.len());
        assert_eq!(out, b"\x01./app-split-12ab.js\x00..\x01./app-split-12ab.js");
        assert_eq!(replace_bytes(b"none here", b"xyz", b"abc"), b"none here");
    }

    /// A module of a custom section and an export section, as `(name, kind, index)`.
    fn module_with_exports(exports: &[(&str, u8, u32)]) -> Vec<u8> {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        // A custom section "x" holding one byte.
        module.extend_from_slice(&[0, 3, 1, b'x', 42]);
        let mut body = Vec::new();
        write_leb_u32(&mut body, exports.len() as u32);
        for (name, kind, index) in exports {
            write_leb_u32(&mut body, name.len() as u32);
            body.extend_from_slice(name.as_bytes());
            body.push(*kind);
            write_leb_u32(&mut body, *index);
        }
        module.push(7);
        write_leb_u32(&mut module, body.len() as u32);
        module.extend_from_slice(&body);
        module
    }

    #[test]
    fn only_the_picked_exports_are_dropped() {
        let module =
            module_with_exports(&[("main", 0, 3), ("sink_write", 0, 300), ("memory", 2, 0)]);
        let (out, dropped) = without_exports(&module, |name| name.starts_with("sink_")).unwrap();
        assert_eq!(dropped, ["sink_write"]);
        assert_eq!(
            out,
            module_with_exports(&[("main", 0, 3), ("memory", 2, 0)])
        );
        let (same, none) = without_exports(&module, |_| false).unwrap();
        assert_eq!((same, none.len()), (module.clone(), 0));
        assert!(
            without_exports(&module[..module.len() - 1], |_| false).is_err(),
            "cut off"
        );
        assert!(without_exports(b"not wasm", |_| false).is_err());
    }

    #[test]
    fn a_class_that_can_be_made_keeps_its_exports() {
        let glue = "export class IntoUnderlyingSink { write(c) { wasm.intounderlyingsink_write(this.__wbg_ptr, c) } }";
        assert!(never_made_export("intounderlyingsink_write", glue));
        assert!(never_made_export("__wbg_intounderlyingsink_free", glue));
        assert!(!never_made_export("main", glue));
        let wrapped = format!("{glue} function f(p) {{ return IntoUnderlyingSink.__wrap(p) }}");
        assert!(!never_made_export("intounderlyingsink_write", &wrapped));
        let constructed = format!("{glue} const p = wasm.intounderlyingsink_new();");
        assert!(!never_made_export("intounderlyingsink_write", &constructed));
    }

    #[test]
    fn leb128_numbers_read_back() {
        for value in [0, 1, 127, 128, 300, 16_384, u32::MAX] {
            let mut bytes = Vec::new();
            write_leb_u32(&mut bytes, value);
            assert_eq!(read_leb_u32(&bytes).unwrap(), (value, bytes.len()));
        }
        assert!(read_leb_u32(&[0x80, 0x80]).is_err());
    }

    #[test]
    fn trunks_module_is_found_by_its_hashed_name_only() {
        let dir = std::env::temp_dir().join(format!("split-wasm-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for file in [
            "app-0123abcd.js",
            "app-0123abcd_bg.wasm",
            "app-split-x.js",
            "apple.js",
        ] {
            std::fs::write(dir.join(file), "").unwrap();
        }
        assert_eq!(trunk_file(&dir, "app", ".js").unwrap(), "app-0123abcd.js");
        assert_eq!(
            trunk_file(&dir, "app", "_bg.wasm").unwrap(),
            "app-0123abcd_bg.wasm"
        );
        std::fs::write(dir.join("app-4567cdef.js"), "").unwrap();
        assert!(trunk_file(&dir, "app", ".js").is_err(), "two candidates");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
