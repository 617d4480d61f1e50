//! Checks a dataset file: `cargo run --bin validate-dataset -- data/dataset.json`.
//! Prints each problem with its JSON path and exits with status 1 if there is any.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: validate-dataset FILE.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: cannot read the file: {e}");
            return ExitCode::FAILURE;
        }
    };
    match cca_explorer::data::load(&text) {
        Ok(ds) => {
            println!(
                "{path}: valid ({} items, {} figures, {} indicators, {} references, {} footnotes, {} glossary terms)",
                ds.items.len(),
                ds.figures.len(),
                ds.indicators.len(),
                ds.references.len(),
                ds.footnotes.len(),
                ds.glossary.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{path}: {p}");
            }
            eprintln!("{path}: {} problem(s)", problems.len());
            ExitCode::FAILURE
        }
    }
}
