//! Bilingual text search: a reader may type 贫困 in the English view or "gulen" for
//! Gülen. Matching ignores case, full-width/half-width forms and Latin diacritics.
//!
//! Folding maps each character to exactly one character, so a match found in folded
//! text has the same character positions in the original, which is what highlighting
//! needs. (A Unicode normalisation crate would be exact for more scripts but would
//! ship its large tables to every visitor; the article uses Chinese and Latin only.)

use crate::data::Text;
use crate::i18n::Lang;

/// Folds one character for matching: lower case, half width, no diacritic.
pub fn fold_char(c: char) -> char {
    let c = match c {
        // Full-width ASCII forms (！ to ～) and the ideographic space.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    let c = strip_diacritic(c);
    c.to_lowercase().next().unwrap_or(c)
}

/// The base letter of a Latin letter with a diacritic (Latin-1 and Latin Extended-A).
fn strip_diacritic(c: char) -> char {
    const LATIN1: &str = "AAAAAAÆCEEEEIIIIDNOOOOO×OUUUUYÞsaaaaaaæceeeeiiiidnooooo÷ouuuuyþy";
    const EXTENDED_A: &str = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiĲĳJjKkĸLlLlLlLlLlNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzſ";
    let code = c as u32;
    let table_char = |table: &str, offset: u32| table.chars().nth((code - offset) as usize);
    match code {
        0xC0..=0xFF => table_char(LATIN1, 0xC0).unwrap_or(c),
        0x100..=0x17F => table_char(EXTENDED_A, 0x100).unwrap_or(c),
        _ => c,
    }
}

/// Folds a whole text for matching.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// A search as typed, split into folded terms that must all match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn new(input: &str) -> Query {
        let mut terms: Vec<String> = fold(input)
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        terms.dedup();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every text this query matches is matched by `broader` too: each of
    /// `broader`'s terms lies inside one of this query's terms. Typing on, or adding a
    /// term, narrows a search; deleting does not.
    pub fn narrows(&self, broader: &Query) -> bool {
        broader
            .terms
            .iter()
            .all(|b| self.terms.iter().any(|t| t.contains(b.as_str())))
    }

    /// Whether every term occurs in `folded_haystack` (already passed through [`fold`]).
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.terms
            .iter()
            .all(|t| folded_haystack.contains(t.as_str()))
    }

    /// The byte ranges of `text` that match, in order, for highlighting. Overlapping
    /// and adjacent matches merge into one range.
    pub fn hit_ranges(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        // Byte offset of each character, and one past the last.
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let folded: Vec<char> = text.chars().map(fold_char).collect();
        let mut marked = vec![false; folded.len()];
        for term in &self.terms {
            let term: Vec<char> = term.chars().collect();
            if term.is_empty() || term.len() > folded.len() {
                continue;
            }
            for start in 0..=folded.len() - term.len() {
                if folded[start..start + term.len()] == term[..] {
                    marked[start..start + term.len()].fill(true);
                }
            }
        }
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
        for (c, _) in marked.iter().enumerate().filter(|(_, m)| **m) {
            match ranges.last_mut() {
                Some(last) if last.end == offsets[c] => last.end = offsets[c + 1],
                _ => ranges.push(offsets[c]..offsets[c + 1]),
            }
        }
        ranges
    }
}

/// Where a search matches a dataset text, as byte ranges, in each language shown (the
/// other stays empty). Explore finds them anew for each text of a result the list
/// keeps when the search changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    pub zh: Vec<std::ops::Range<usize>>,
    pub en: Vec<std::ops::Range<usize>>,
}

impl Hits {
    pub fn new(text: &Text, lang: Lang, query: &Query) -> Hits {
        if query.is_empty() {
            return Hits::default();
        }
        let shown = |l: Lang| lang == l || lang == Lang::Both;
        Hits {
            zh: if shown(Lang::Zh) {
                query.hit_ranges(&text.zh)
            } else {
                Vec::new()
            },
            en: if shown(Lang::En) {
                query.hit_ranges(&text.en)
            } else {
                Vec::new()
            },
        }
    }

    /// The ranges in one language's text.
    pub fn of(&self, english: bool) -> &[std::ops::Range<usize>] {
        if english {
            &self.en
        } else {
            &self.zh
        }
    }
}

/// `text[range]` cut where the `hits` (sorted byte ranges of `text`) begin and end:
/// each piece with whether it matches. Lets another division of a text (its glossary
/// terms) keep the matches that cross its own boundaries.
pub fn split_hits<'t>(
    text: &'t str,
    range: std::ops::Range<usize>,
    hits: &[std::ops::Range<usize>],
) -> Vec<(&'t str, bool)> {
    let mut pieces = Vec::new();
    let mut at = range.start;
    for hit in hits {
        let (start, end) = (hit.start.max(at), hit.end.min(range.end));
        if start >= end {
            continue;
        }
        if start > at {
            pieces.push((&text[at..start], false));
        }
        pieces.push((&text[start..end], true));
        at = end;
    }
    if at < range.end || pieces.is_empty() {
        pieces.push((&text[at..range.end], false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_kept_across_another_division_of_the_text() {
        let text = "一带一路项目惠及民众";
        let hits = Query::new("路项").hit_ranges(text);
        // The glossary term 一带一路 ends inside the match: both halves stay marked.
        let term = 0.."一带一路".len();
        let rest = "一带一路".len()..text.len();
        assert_eq!(
            split_hits(text, term, &hits),
            vec![("一带一", false), ("路", true)]
        );
        assert_eq!(
            split_hits(text, rest, &hits),
            vec![("项", true), ("目惠及民众", false)]
        );
        assert_eq!(split_hits(text, 0..0, &hits), vec![("", false)]);
    }

    #[test]
    fn folding_ignores_case_width_and_diacritics() {
        assert_eq!(fold("Gülen"), "gulen");
        assert_eq!(fold("ＧＤＰ　３０％"), "gdp 30%");
        assert_eq!(fold("Łódź Ñandú"), "lodz nandu");
        assert_eq!(fold("贫困率"), "贫困率");
        assert_eq!(fold("Œ"), "œ");
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        let text = "ÀÉÎÕÜ ĀĒĪŌŪ ＡＢＣ İ ẞ Ω";
        assert_eq!(fold(text).chars().count(), text.chars().count());
    }

    #[test]
    fn every_term_must_match() {
        let q = Query::new("poverty  KGZ");
        assert!(q.matches(&fold("Poverty rate in KGZ")));
        assert!(!q.matches(&fold("Poverty rate in TJK")));
        assert!(Query::new("  ").is_empty());
        assert!(Query::new("gulen").matches(&fold("the Gülen schools")));
        assert!(Query::new("贫困").matches(&fold("贫困率较高 poverty")));
    }

    #[test]
    fn highlights_merge_and_keep_the_original_text() {
        let runs = |q: &str, text: &'static str| {
            split_hits(text, 0..text.len(), &Query::new(q).hit_ranges(text))
        };
        assert_eq!(
            runs("gulen sch", "Gülen schools"),
            vec![
                ("Gülen", true),
                (" ", false),
                ("sch", true),
                ("ools", false)
            ]
        );
        assert_eq!(
            runs("贫困", "减少贫困"),
            vec![("减少", false), ("贫困", true)]
        );
        assert_eq!(runs("", "abc"), vec![("abc", false)]);
        // Overlapping and adjacent matches make one range.
        let merged = Query::new("abc cd de").hit_ranges("xabcdex");
        assert_eq!(
            merged
                .iter()
                .map(|r| &"xabcdex"[r.clone()])
                .collect::<Vec<_>>(),
            ["abcde"]
        );
    }

    #[test]
    fn hits_are_found_only_in_the_languages_shown() {
        let text = Text {
            zh: "减少贫困".into(),
            en: "reducing poverty 贫困".into(),
        };
        let found = |lang: Lang, q: &str| {
            let hits = Hits::new(&text, lang, &Query::new(q));
            let zh: Vec<&str> = hits.zh.iter().map(|r| &text.zh[r.clone()]).collect();
            let en: Vec<&str> = hits.en.iter().map(|r| &text.en[r.clone()]).collect();
            (zh, en)
        };
        assert_eq!(found(Lang::Zh, "贫困"), (vec!["贫困"], vec![]));
        assert_eq!(found(Lang::En, "贫困"), (vec![], vec!["贫困"]));
        assert_eq!(found(Lang::Both, "贫困"), (vec!["贫困"], vec!["贫困"]));
        assert_eq!(found(Lang::Both, " "), (vec![], vec![]));
    }
}
