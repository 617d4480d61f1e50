//! Finding the glossary's key terms inside a text, so the views can mark them and
//! explain them in place. Each term is marked at its first appearance in a text; where
//! two terms overlap the longer wins (人类命运共同体 over 命运共同体). English matches
//! ignore ASCII case and only whole words.

use crate::data::Term;
use crate::order::{sort_short_by, sort_short_by_key};

/// A run of a text: plain, or the first appearance of the glossary term at `usize`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run<'t> {
    pub text: &'t str,
    pub term: Option<usize>,
}

/// Splits `text` into runs, marking the first appearance of each term (by index into
/// `terms`). `english` picks the terms' English side and whole-word, case-blind matching.
pub fn mark<'t>(text: &'t str, terms: &[Term], english: bool) -> Vec<Run<'t>> {
    // ASCII lowering keeps every byte offset, so matches in `lower` index `text`.
    let lower = text.to_ascii_lowercase();
    let mut needles: Vec<(usize, String)> = terms
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            let (term, more) = if english {
                (&t.term.en, &t.forms.en)
            } else {
                (&t.term.zh, &t.forms.zh)
            };
            forms(term)
                .into_iter()
                .chain(more.iter().cloned())
                .map(move |f| (i, if english { f.to_ascii_lowercase() } else { f }))
        })
        .collect();
    // Longer terms choose first, so a shorter one inside them is not marked there.
    sort_short_by(&mut needles, |a, b| {
        b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0))
    });
    let hay = if english { lower.as_str() } else { text };
    let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
    for (term, needle) in &needles {
        if chosen.iter().any(|c| c.2 == *term) {
            continue; // a longer form of this term is already marked
        }
        let first_free = hay
            .match_indices(needle.as_str())
            .map(|(start, m)| (start, start + m.len()))
            .filter(|&(start, end)| !english || whole_word(text, start, end))
            .find(|&(start, end)| chosen.iter().all(|c| end <= c.0 || start >= c.1));
        if let Some((start, end)) = first_free {
            chosen.push((start, end, *term));
        }
    }
    sort_short_by_key(&mut chosen, |c| c.0);
    let mut runs = Vec::new();
    let mut at = 0;
    for (start, end, term) in chosen {
        if start > at {
            runs.push(Run {
                text: &text[at..start],
                term: None,
            });
        }
        runs.push(Run {
            text: &text[start..end],
            term: Some(term),
        });
        at = end;
    }
    if at < text.len() || runs.is_empty() {
        runs.push(Run {
            text: &text[at..],
            term: None,
        });
    }
    runs
}

/// The ways a glossary term appears in running text: as written, without its
/// bracketed expansion or abbreviation ("Belt and Road Initiative (BRI)"), without a
/// leading "the", without quotation marks around a part ("“China threat” theory").
fn forms(term: &str) -> Vec<String> {
    let mut forms = vec![term.trim().to_string()];
    let without_brackets: String = {
        let mut out = String::new();
        let mut depth: usize = 0;
        for c in term.chars() {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = depth.saturating_sub(1),
                c if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    forms.push(without_brackets.clone());
    if let Some(rest) = without_brackets.strip_prefix("the ") {
        forms.push(rest.to_string());
    }
    let unquoted: String = without_brackets
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"'))
        .collect();
    forms.push(unquoted);
    forms.retain(|f| !f.trim().is_empty());
    forms.dedup();
    forms
}

/// Whether `text[start..end]` stands as whole words (no letter or digit either side).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Text;

    fn term(zh: &str, en: &str) -> Term {
        Term {
            id: en.replace(' ', "-"),
            term: Text {
                zh: zh.into(),
                en: en.into(),
            },
            explanation: Text {
                zh: "解释".into(),
                en: "explanation".into(),
            },
            items: vec![],
            forms: Default::default(),
        }
    }

    fn marked<'t>(runs: &[Run<'t>]) -> Vec<(&'t str, Option<usize>)> {
        runs.iter().map(|r| (r.text, r.term)).collect()
    }

    /// A reader of either language sees the same key terms marked: each term is found
    /// in exactly as many of its items' English texts as of their Chinese ones (the
    /// texts refer back to some terms as "the idea", which neither language marks: the
    /// community of a shared future is never named in its items' texts).
    #[test]
    fn terms_are_marked_as_often_in_english_as_in_chinese() {
        let ds = crate::data::load(include_str!("../data/dataset.json")).expect("valid");
        let uneven: Vec<String> = ds
            .glossary
            .iter()
            .enumerate()
            .filter_map(|(index, term)| {
                let found = |english: bool| {
                    term.items
                        .iter()
                        .filter_map(|id| ds.item(id))
                        .filter(|item| {
                            let text = if english {
                                &item.text.en
                            } else {
                                &item.text.zh
                            };
                            mark(text, &ds.glossary, english)
                                .iter()
                                .any(|run| run.term == Some(index))
                        })
                        .count()
                };
                let (zh, en) = (found(false), found(true));
                (zh != en).then(|| format!("{}: {zh} Chinese texts, {en} English", term.id))
            })
            .collect();
        assert!(uneven.is_empty(), "marked unevenly: {uneven:#?}");
    }

    #[test]
    fn the_longer_term_wins_and_only_its_first_appearance_is_marked() {
        let terms = [
            term("命运共同体", "shared future"),
            term("人类命运共同体", "community"),
        ];
        let runs = mark("推动人类命运共同体，命运共同体", &terms, false);
        assert_eq!(
            marked(&runs),
            [
                ("推动", None),
                ("人类命运共同体", Some(1)),
                ("，", None),
                ("命运共同体", Some(0)),
            ]
        );
    }

    #[test]
    fn english_matches_whole_words_in_any_case() {
        let terms = [
            term("获得感", "sense of gain"),
            term("软实力", "soft power"),
        ];
        let runs = mark(
            "A Sense of Gain, not softpower or soft powers.",
            &terms,
            true,
        );
        assert_eq!(
            marked(&runs),
            [
                ("A ", None),
                ("Sense of Gain", Some(0)),
                (", not softpower or soft powers.", None)
            ]
        );
    }

    #[test]
    fn a_term_is_found_without_its_brackets_quotes_or_article() {
        let terms = [
            term("“一带一路”倡议（BRI）", "Belt and Road Initiative (BRI)"),
            term("三股势力", "the “three forces”"),
        ];
        let runs = mark(
            "The Belt and Road Initiative fights the three forces.",
            &terms,
            true,
        );
        assert_eq!(
            marked(&runs),
            [
                ("The ", None),
                ("Belt and Road Initiative", Some(0)),
                (" fights ", None),
                ("the three forces", Some(1)),
                (".", None),
            ]
        );
        let runs = mark("共建“一带一路”倡议", &terms, false);
        assert_eq!(marked(&runs), [("共建", None), ("“一带一路”倡议", Some(0))]);
    }

    #[test]
    fn text_without_terms_is_one_plain_run_and_the_runs_rebuild_the_text() {
        let terms = [term("上合组织", "SCO")];
        assert_eq!(marked(&mark("无", &terms, false)), [("无", None)]);
        assert_eq!(marked(&mark("", &terms, false)), [("", None)]);
        let text = "The SCO and the SCO.";
        let joined: String = mark(text, &terms, true).iter().map(|r| r.text).collect();
        assert_eq!(joined, text);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::data::{Forms, Text};
    use proptest::prelude::*;

    /// Terms shaped like the glossary's (brackets, quotes, a leading article, one inside
    /// another, short words that overlap), and any text.
    fn any_term() -> impl Strategy<Value = String> {
        let glossary = [
            "命运共同体",
            "人类命运共同体",
            "“一带一路”倡议（BRI）",
            "一带一路",
            "Belt and Road Initiative (BRI)",
            "the “three forces”",
            "soft power",
            "power",
            "SCO",
        ];
        prop_oneof![
            3 => prop::sample::select(glossary.to_vec()).prop_map(String::from),
            2 => "[ab]{1,3}( [ab]{1,2})?",
            1 => "\\PC{0,8}",
        ]
    }

    /// The strings `mark` looks for to find a term, as it compares them.
    fn needles(term: &Term, english: bool) -> Vec<String> {
        let (side, more) = if english {
            (&term.term.en, &term.forms.en)
        } else {
            (&term.term.zh, &term.forms.zh)
        };
        forms(side)
            .into_iter()
            .chain(more.iter().cloned())
            .map(|f| if english { f.to_ascii_lowercase() } else { f })
            .collect()
    }

    proptest! {
        /// Any terms, and a text of noise and those terms written in any of their forms
        /// or in capitals (nine in ten texts hold a term, counted while writing this):
        /// the runs rebuild the text; each term is marked at most once, where one of
        /// its forms stands (as whole words, in English); and a term left unmarked has
        /// no appearance that a marked one does not overlap.
        #[test]
        fn any_text_and_terms_split_into_runs_that_rebuild_the_text(
            sides in prop::collection::vec((any_term(), any_term(), prop::option::weighted(0.3, any_term())), 1..6),
            pieces in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, "[ab .,]{0,3}|\\PC{0,3}"), 1..10),
            english in any::<bool>(),
        ) {
            let terms: Vec<Term> = sides
                .into_iter()
                .enumerate()
                .map(|(i, (zh, en, more))| {
                    // The validator refuses blank forms.
                    let more: Vec<String> = more.into_iter().filter(|f| !f.trim().is_empty()).collect();
                    Term {
                        id: format!("t{i}"),
                        term: Text { zh, en },
                        explanation: Text { zh: "z".into(), en: "e".into() },
                        items: vec![],
                        forms: Forms { zh: more.clone(), en: more },
                    }
                })
                .collect();
            let mut text = String::new();
            for (pick, how, noise) in &pieces {
                text.push_str(noise);
                let term = &terms[pick.index(terms.len())];
                let side = if english { &term.term.en } else { &term.term.zh };
                let more = if english { &term.forms.en } else { &term.forms.zh };
                let written: Vec<String> = forms(side).into_iter().chain(more.iter().cloned()).collect();
                match how {
                    0 => text.push_str(side),
                    1 if !written.is_empty() => text.push_str(&written[pick.index(written.len())]),
                    _ => text.push_str(&side.to_uppercase()),
                }
            }
            let runs = mark(&text, &terms, english);
            let rebuilt: String = runs.iter().map(|r| r.text).collect();
            prop_assert_eq!(rebuilt.as_str(), text.as_str());

            let hay = if english { text.to_ascii_lowercase() } else { text.clone() };
            let mut spans: Vec<(usize, usize, usize)> = Vec::new();
            let mut at = 0;
            for run in &runs {
                if let Some(t) = run.term {
                    prop_assert!(!spans.iter().any(|s| s.2 == t), "{} marked twice", t);
                    let found = if english { run.text.to_ascii_lowercase() } else { run.text.to_string() };
                    prop_assert!(needles(&terms[t], english).contains(&found), "{:?} is no form of {}", run.text, t);
                    prop_assert!(!english || whole_word(&text, at, at + run.text.len()), "{:?} is part of a word", run.text);
                    spans.push((at, at + run.text.len(), t));
                }
                at += run.text.len();
            }
            for (t, term) in terms.iter().enumerate() {
                if spans.iter().any(|s| s.2 == t) {
                    continue;
                }
                for needle in needles(term, english) {
                    for (start, m) in hay.match_indices(needle.as_str()) {
                        let end = start + m.len();
                        if english && !whole_word(&text, start, end) {
                            continue;
                        }
                        prop_assert!(
                            spans.iter().any(|s| start < s.1 && s.0 < end),
                            "{:?} of {} at {} is not marked, nor under a marked term", needle, t, start
                        );
                    }
                }
            }
        }
    }
}
