//! Citations of the article (whole, or at an item's or a figure's place in it) and of
//! this explorer's dataset, in the four styles readers paste or import: GB/T 7714-2015,
//! APA 7, BibTeX and RIS.
//!
//! Only what the dataset gives is used: the journal, volume, issue and pages where it
//! has them, left out rather than guessed where it has not. A locator (section and
//! paragraph) is added where an item or a figure is cited.

use crate::data::{Dataset, Figure, Item, Locator, Meta};
use crate::format::{figure_value, figure_when, locator_label};
use crate::i18n::Lang;

/// A citation style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    GbT7714,
    Apa7,
    BibTex,
    Ris,
}

impl Style {
    pub const ALL: [Style; 4] = [Style::GbT7714, Style::Apa7, Style::BibTex, Style::Ris];

    pub fn id(self) -> &'static str {
        match self {
            Style::GbT7714 => "gbt7714",
            Style::Apa7 => "apa",
            Style::BibTex => "bibtex",
            Style::Ris => "ris",
        }
    }

    /// The style's usual name (the same in both languages).
    pub fn name(self) -> &'static str {
        match self {
            Style::GbT7714 => "GB/T 7714-2015",
            Style::Apa7 => "APA 7",
            Style::BibTex => "BibTeX",
            Style::Ris => "RIS",
        }
    }

    /// Whether the text is a file format for reference managers (shown as code).
    pub fn is_file_format(self) -> bool {
        matches!(self, Style::BibTex | Style::Ris)
    }
}

/// What is cited: the article, or the article at the place of an item or a figure.
#[derive(Clone, Copy, Debug)]
pub enum Cited<'a> {
    Article,
    Item(&'a Item),
    Figure(&'a Figure),
}

impl<'a> Cited<'a> {
    /// Where in the article: the item's place, or that of the item stating the figure.
    pub fn locator(&self, ds: &'a Dataset) -> Option<&'a Locator> {
        match *self {
            Cited::Article => None,
            Cited::Item(item) => Some(&item.locator),
            Cited::Figure(f) => ds.item(&f.item).map(|i| &i.locator),
        }
    }

    /// What is cited at the locator, in a few words: the item's title or the figure.
    fn what(&self, ds: &Dataset, lang: Lang) -> Option<String> {
        match self {
            Cited::Article => None,
            Cited::Item(item) => Some(item.title.get(lang).to_string()),
            Cited::Figure(f) => {
                let mut parts = vec![
                    ds.indicator(&f.indicator)?.name.get(lang).to_string(),
                    ds.country(&f.country)?.name.get(lang).to_string(),
                ];
                let when = figure_when(f, lang);
                if !when.is_empty() {
                    parts.push(when);
                }
                let (comma, colon) = if lang == Lang::En {
                    (", ", ": ")
                } else {
                    ("，", "：")
                };
                Some(format!(
                    "{}{colon}{}",
                    parts.join(comma),
                    figure_value(ds, f, lang)
                ))
            }
        }
    }
}

const DOI_RESOLVER: &str = "https://doi.org/";

/// The citation of the article (at an item's or a figure's place) in one style and
/// one language (`Both` is treated as Chinese: callers show both by calling twice).
pub fn cite(ds: &Dataset, cited: Cited<'_>, style: Style, lang: Lang) -> String {
    let lang = lang.single();
    let m = &ds.meta;
    let place = cited.locator(ds).map(|l| locator_label(ds, l, lang));
    let what = cited.what(ds, lang);
    let doi_url = format!("{DOI_RESOLVER}{}", m.doi);
    match style {
        Style::GbT7714 => {
            // GB/T 7714 cites in the work's own language: at most three authors then
            // 等, the title[J], the journal, year, volume(issue): pages, the DOI.
            let mut s = format!(
                "{}. {}[J]. {}. DOI:{}.",
                gbt_authors(m),
                m.title.zh,
                gbt_source(m),
                m.doi
            );
            if let Some(locator) = cited.locator(ds) {
                s.push_str(&format!(" {}", locator_label(ds, locator, Lang::Zh)));
                if let Some(what) = cited.what(ds, Lang::Zh) {
                    s.push_str(&format!("（{what}）"));
                }
                s.push('.');
            }
            s
        }
        Style::Apa7 => {
            // A work in another language: its own title, then the English one in
            // brackets (APA 7, 9.38), sentence case; the journal, volume(issue), pages.
            let source = apa_source(m, lang)
                .map(|source| format!(" {source}."))
                .unwrap_or_default();
            let mut s = match lang {
                Lang::En => format!(
                    "{} ({}). {} [{}].{source} {doi_url}",
                    apa_authors(m),
                    m.year,
                    m.title.zh,
                    apa_title_en(&m.title.en)
                ),
                _ => format!(
                    "{}. ({}). {}.{source} {doi_url}",
                    names(m, Lang::Zh).join(", "),
                    m.year,
                    m.title.zh
                ),
            };
            if let Some(place) = place {
                let what = what.map(|w| format!(", {w}")).unwrap_or_default();
                s.push_str(&format!(" ({place}{what})"));
            }
            s
        }
        Style::BibTex => {
            let mut fields = vec![
                ("author", bib_authors(m, lang).join(" and ")),
                ("title", m.title.get(lang).to_string()),
            ];
            if let Some(journal) = &m.journal {
                fields.push(("journal", journal.get(lang).to_string()));
            }
            fields.push(("year", m.year.to_string()));
            if let Some(volume) = &m.volume {
                fields.push(("volume", volume.clone()));
            }
            if let Some(issue) = &m.issue {
                fields.push(("number", issue.clone()));
            }
            if let Some((first, last)) = m.page_range() {
                let pages = if first == last {
                    first.to_string()
                } else {
                    format!("{first}--{last}")
                };
                fields.push(("pages", pages));
            }
            fields.extend([
                ("doi", m.doi.clone()),
                ("url", doi_url),
                ("language", bib_language(lang).to_string()),
            ]);
            if let Some(place) = place {
                let what = what.map(|w| format!(": {w}")).unwrap_or_default();
                fields.push(("note", format!("{place}{what}")));
            }
            bibtex_entry("article", &bib_key(ds), &fields)
        }
        Style::Ris => {
            let mut lines = vec![("TY", "JOUR".to_string())];
            lines.extend(bib_authors(m, lang).into_iter().map(|a| ("AU", a)));
            lines.push(("TI", m.title.get(lang).to_string()));
            if let Some(journal) = &m.journal {
                lines.push(("T2", journal.get(lang).to_string()));
            }
            lines.push(("PY", m.year.to_string()));
            if let Some(volume) = &m.volume {
                lines.push(("VL", volume.clone()));
            }
            if let Some(issue) = &m.issue {
                lines.push(("IS", issue.clone()));
            }
            if let Some((first, last)) = m.page_range() {
                lines.push(("SP", first.to_string()));
                lines.push(("EP", last.to_string()));
            }
            lines.extend([
                ("DO", m.doi.clone()),
                ("UR", doi_url),
                ("LA", bib_language(lang).to_string()),
            ]);
            for k in &m.keywords {
                lines.push(("KW", k.get(lang).to_string()));
            }
            if let Some(place) = place {
                let what = what.map(|w| format!(": {w}")).unwrap_or_default();
                lines.push(("N1", format!("{place}{what}")));
            }
            lines.push(("ER", String::new()));
            ris_lines(&lines)
        }
    }
}

/// The authors' names as printed in one language, in order.
fn names(m: &Meta, lang: Lang) -> Vec<&str> {
    m.authors.iter().map(|a| a.get(lang)).collect()
}

/// GB/T 7714-2015, 8.1.2: up to three authors, then 等 for the rest.
fn gbt_authors(m: &Meta) -> String {
    let all = names(m, Lang::Zh);
    let mut shown = all.iter().take(3).copied().collect::<Vec<_>>().join(", ");
    if all.len() > 3 {
        shown.push_str(", 等");
    }
    shown
}

/// GB/T 7714-2015, 8.8.2: "刊名, 2023, 12(2): 1-10"; the year alone without a journal.
fn gbt_source(m: &Meta) -> String {
    let Some(journal) = &m.journal else {
        return m.year.to_string();
    };
    let mut s = format!("{}, {}", journal.zh, m.year);
    match (&m.volume, &m.issue) {
        (Some(volume), Some(issue)) => s.push_str(&format!(", {volume}({issue})")),
        (Some(volume), None) => s.push_str(&format!(", {volume}")),
        (None, Some(issue)) => s.push_str(&format!("({issue})")),
        (None, None) => {}
    }
    if let Some((first, last)) = m.page_range() {
        s.push_str(": ");
        s.push_str(first);
        if last != first {
            s.push_str(&format!("-{last}"));
        }
    }
    s
}

/// APA 7, 9.8: every author up to twenty ("A, B, & C"); of more, the first nineteen, an
/// ellipsis and the last.
fn apa_authors(m: &Meta) -> String {
    let all: Vec<String> = names(m, Lang::En).into_iter().map(apa_author).collect();
    match all.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => format!("{first}, & {second}"),
        [rest @ .., last] if all.len() <= 20 => format!("{}, & {last}", rest.join(", ")),
        [.., last] => format!("{}, . . . {last}", all[..19].join(", ")),
    }
}

/// APA 7, 9.25: "Journal, 12(2), 1–10": the journal, volume(issue) and pages, each when
/// known; `None` without a journal.
fn apa_source(m: &Meta, lang: Lang) -> Option<String> {
    let mut parts = vec![m.journal.as_ref()?.get(lang).to_string()];
    match (&m.volume, &m.issue) {
        (Some(volume), Some(issue)) => parts.push(format!("{volume}({issue})")),
        (Some(volume), None) => parts.push(volume.clone()),
        (None, Some(issue)) => parts.push(format!("({issue})")),
        (None, None) => {}
    }
    if let Some((first, last)) = m.page_range() {
        parts.push(if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        });
    }
    Some(parts.join(", "))
}

/// The citation of this explorer's dataset: its version, its address and the day it
/// was consulted (`accessed`, `YYYY-MM-DD`). It has no author or date of its own, so
/// the title leads (APA 7, 9.12).
pub fn cite_dataset(ds: &Dataset, style: Style, lang: Lang, url: &str, accessed: &str) -> String {
    let lang = lang.single();
    let m = &ds.meta;
    let version = &m.dataset_version;
    let (name, based_on) = match lang {
        Lang::En => (
            format!("{}: Dataset", m.site_name.en),
            format!("drawn from {} ({})", m.byline().en, m.year),
        ),
        _ => (
            format!("{}：数据集", m.site_name.zh),
            format!("据{}（{}）整理", m.byline().zh, m.year),
        ),
    };
    match style {
        Style::GbT7714 => match lang {
            Lang::En => format!("{name}[DS/OL]. Version {version}. [{accessed}]. {url}."),
            _ => format!("{name}[DS/OL]. 版本 {version}. [{accessed}]. {url}."),
        },
        Style::Apa7 => match lang {
            Lang::En => format!(
                "{name} (Version {version}) [Data set; {based_on}]. (n.d.). Retrieved {}, from {url}",
                long_date(accessed, lang)
            ),
            _ => format!(
                "{name}（版本 {version}）[数据集；{based_on}]. (无日期). {}检索自 {url}",
                long_date(accessed, lang)
            ),
        },
        Style::BibTex => {
            let fields = [
                ("title", name),
                ("version", version.clone()),
                ("url", url.to_string()),
                ("urldate", accessed.to_string()),
                ("note", based_on),
            ];
            bibtex_entry("dataset", &format!("{}-dataset", bib_key(ds)), &fields)
        }
        Style::Ris => ris_lines(&[
            ("TY", "DATA".to_string()),
            ("TI", name),
            ("ET", version.clone()),
            ("UR", url.to_string()),
            ("Y2", accessed.to_string()),
            ("N1", based_on),
            ("ER", String::new()),
        ]),
    }
}

/// "2026-11-25" as APA writes a retrieval date: "November 25, 2026" / "2026年11月25日";
/// anything else is left as given.
fn long_date(iso: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(y)), Some(Some(mo)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return iso.to_string();
    };
    match (lang, MONTHS.get((mo as usize).wrapping_sub(1))) {
        (Lang::En, Some(month)) => format!("{month} {d}, {y}"),
        (Lang::En, None) => iso.to_string(),
        _ => format!("{y}年{mo}月{d}日"),
    }
}

/// "WANG Xiao-ling" → "Wang, X.-l.": family name first, initials of the given name
/// (a hyphenated given name keeps its hyphen, as APA does).
fn apa_author(printed: &str) -> String {
    let mut words = printed.split_whitespace();
    let Some(family) = words.next() else {
        return printed.to_string();
    };
    let given: Vec<&str> = words.collect();
    if given.is_empty() {
        return title_case_word(family);
    }
    let initials = given
        .iter()
        .map(|g| {
            g.split('-')
                .filter_map(|part| part.chars().next())
                .map(|c| format!("{c}."))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ");
    format!("{}, {initials}", title_case_word(family))
}

/// "WANG Xiao-ling" → "Wang, Xiao-ling", as BibTeX and RIS want names.
fn full_name(printed: &str) -> String {
    let mut words = printed.split_whitespace();
    let Some(family) = words.next() else {
        return printed.to_string();
    };
    let given: Vec<&str> = words.collect();
    if given.is_empty() {
        return title_case_word(family);
    }
    format!("{}, {}", title_case_word(family), given.join(" "))
}

fn title_case_word(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// APA's sentence case: the first word keeps its capital, other words outside quotation
/// marks are lowered; a quoted name (“…”) is a proper name and keeps its capitals.
fn apa_title_en(title: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut first = true;
    for word in title.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.starts_with('“') {
            quoted = true;
        }
        if quoted || first {
            out.push_str(word);
        } else {
            out.push_str(&word.to_lowercase());
        }
        if word.contains('”') {
            quoted = false;
        }
        first = false;
    }
    out
}

/// The authors as BibTeX and RIS want them: "Wang, Xiao-ling" in English, as printed in
/// Chinese.
fn bib_authors(m: &Meta, lang: Lang) -> Vec<String> {
    names(m, lang)
        .into_iter()
        .map(|name| match lang {
            Lang::En => full_name(name),
            _ => name.to_string(),
        })
        .collect()
}

fn bib_language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Chinese",
        _ => "中文",
    }
}

/// A BibTeX key from the first author's family name and the year: `wang2023`.
fn bib_key(ds: &Dataset) -> String {
    let family: String = names(&ds.meta, Lang::En)
        .first()
        .copied()
        .unwrap_or_default()
        .split_whitespace()
        .next()
        .unwrap_or("article")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("{}{}", family.to_lowercase(), ds.meta.year)
}

/// A BibTeX entry: `@type{key,` then one escaped `field = {value}` per line.
fn bibtex_entry(entry_type: &str, key: &str, fields: &[(&str, String)]) -> String {
    let body = fields
        .iter()
        .map(|(k, v)| format!("  {k} = {{{}}}", bib_escape(v)))
        .collect::<Vec<_>>()
        .join(",\n");
    format!("@{entry_type}{{{key},\n{body}\n}}")
}

/// Escapes the characters BibTeX treats specially inside a braced value.
fn bib_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '{' | '}' | '\\' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// RIS lines: a two-letter tag, two spaces, a hyphen, a space, the value (one line).
fn ris_lines(lines: &[(&str, String)]) -> String {
    lines
        .iter()
        .map(|(tag, value)| {
            let value: String = value
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            format!("{tag}  - {value}").trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}
