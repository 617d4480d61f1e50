//! The engine and the article apart: the code names nothing of either dataset (this
//! article's, `data/`, or the synthetic one in `examples/mekong/`), and both load.

use std::path::Path;

use cca_explorer::data::{load, Dataset};

const DATASETS: [(&str, &str); 2] = [
    ("data/dataset.json", include_str!("../data/dataset.json")),
    (
        "examples/mekong/dataset.json",
        include_str!("../examples/mekong/dataset.json"),
    ),
];

/// Ids of this article's dataset that are also words of the code's own, for other
/// things, each allowed only where the code writes it so: the ARIA role `region` (no
/// country group), the class names `partner` (a figure's other side) and `count` (a
/// facet's count), and `rank`, the class of a chart's kind.
const CODE_WORDS: [(&str, &str); 4] = [
    ("region", "role="),
    ("partner", "class="),
    ("count", "class="),
    ("rank", "ChartKind::Rank => "),
];

/// Whether `code` quotes `id`, but for a word of [`CODE_WORDS`] where the code writes it.
fn names(code: &str, id: &str) -> bool {
    ['"', '\''].into_iter().any(|quote| {
        let quoted = format!("{quote}{id}{quote}");
        code.match_indices(&quoted).any(|(at, _)| {
            !CODE_WORDS
                .iter()
                .any(|(word, before)| *word == id && code[..at].ends_with(before))
        })
    })
}

/// Every id a dataset gives: of its countries and their roles and statuses, units,
/// indicators, topics, sections, items, figures, sources and terms.
fn ids(ds: &Dataset) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(ds.countries.iter().map(|x| x.id.clone()));
    ids.extend(ds.country_roles.iter().map(|x| x.id.clone()));
    ids.extend(ds.country_statuses.iter().map(|x| x.id.clone()));
    ids.extend(ds.units.iter().map(|x| x.id.clone()));
    ids.extend(ds.indicators.iter().map(|x| x.id.clone()));
    ids.extend(ds.topics.iter().map(|x| x.id.clone()));
    ids.extend(ds.sections.iter().map(|x| x.id.clone()));
    ids.extend(ds.items.iter().map(|x| x.id.clone()));
    ids.extend(ds.figures.iter().map(|x| x.id.clone()));
    ids.extend(ds.references.iter().map(|x| x.id.clone()));
    ids.extend(ds.footnotes.iter().map(|x| x.id.clone()));
    ids.extend(ds.glossary.iter().map(|x| x.id.clone()));
    ids
}

/// The code of a source file that ships: without its test module and its comments.
fn shipped_code(text: &str) -> String {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    code.lines()
        .map(|line| match line.trim_start() {
            // Line comments, and the lines of a block comment (`/*`, ` * …`, ` */`).
            l if l.starts_with("//")
                || l.starts_with("/*")
                || l.starts_with("* ")
                || l.starts_with("*/")
                || l == "*" =>
            {
                ""
            }
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn source_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("a folder of the project")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            source_files(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("rs" | "js")) {
            out.push(path);
        }
    }
}

#[test]
fn both_datasets_load() {
    for (name, json) in DATASETS {
        if let Err(problems) = load(json) {
            panic!("{name} has problems:\n{problems:#?}");
        }
    }
}

#[test]
fn the_code_names_no_id_of_either_dataset() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "public"] {
        source_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "the sources are found");
    let mut named = Vec::new();
    for (name, json) in DATASETS {
        let ds = load(json).expect("the dataset loads");
        let ids = ids(&ds);
        assert!(ids.len() > 30, "{name}: its ids are listed");
        for file in &files {
            let code = shipped_code(&std::fs::read_to_string(file).expect("readable"));
            for id in ids.iter().filter(|id| names(&code, id)) {
                named.push(format!("{} names {id:?} of {name}", file.display()));
            }
        }
    }
    assert!(named.is_empty(), "{named:#?}");
}

/// The check above sees an id where the code would name one.
#[test]
fn an_id_in_shipped_code_is_seen_and_one_in_a_comment_or_test_is_not() {
    let code = "fn f() -> &'static str { \"KAZ\" }\n// \"TJK\" in a comment\n#[cfg(test)]\nmod tests { \"UZB\" }";
    let shipped = shipped_code(code);
    assert!(names(&shipped, "KAZ"));
    assert!(!names(&shipped, "TJK") && !names(&shipped, "UZB"));
    // A word of the code's own is seen where the code means the dataset's id.
    assert!(!names("<div role=\"region\">", "region"));
    assert!(names("if role == \"region\" {", "region"));
    assert!(names(&shipped_code("    *unit == \"rank\""), "rank"));
}
