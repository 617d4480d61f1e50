//! Bilingual text search: a reader may type 贫困 in the English view or "gulen" for
//! Gülen. Matching ignores case, full-width/half-width forms and Latin diacritics.
//!
//! Folding maps each character to exactly one character, so a match found in folded
//! text has the same character positions in the original, which is what highlighting
//! needs. (A Unicode normalisation crate would be exact for more scripts but would
//! ship its large tables to every visitor; the article uses Chinese and Latin only.)

use memchr::memmem::Finder;

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

/// A query's terms ready to be looked for in many texts: `str::contains` prepares its
/// searcher anew for every text, which on 10,000 items was most of a keystroke's search;
/// memchr's searcher is prepared once and looks for the term's rarest byte first.
pub struct Matcher {
    terms: Vec<Finder<'static>>,
}

impl Matcher {
    /// Whether every term occurs in `folded_haystack` (already passed through [`fold`]).
    /// Bytes, not characters: in UTF-8 a whole character's bytes never match inside
    /// another's.
    pub fn matches(&self, folded_haystack: &str) -> bool {
        let haystack = folded_haystack.as_bytes();
        self.terms.iter().all(|t| t.find(haystack).is_some())
    }
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
    /// To test many texts, build the [`Matcher`] once.
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.matcher().matches(folded_haystack)
    }

    /// This query's terms, each with its searcher built, for testing many texts.
    pub fn matcher(&self) -> Matcher {
        Matcher {
            terms: self
                .terms
                .iter()
                .map(|t| Finder::new(t.as_bytes()).into_owned())
                .collect(),
        }
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

/// A place in a text the page holds in pieces (each piece one DOM text node): the
/// piece, and the offset in it in UTF-16 code units, as a DOM `Range` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub piece: usize,
    pub offset: u32,
}

/// Where `query` matches a text shown in `pieces` (its parts in order: a glossary term
/// is a link, so a sentence is several text nodes): each match's start and end. A match
/// may cross pieces; it starts in the piece where its first character is and ends in the
/// piece of its last.
pub fn hit_spans(pieces: &[&str], query: &Query) -> Vec<(Place, Place)> {
    let text = pieces.concat();
    // Each piece's first byte in `text`, and one past the last piece.
    let mut starts = Vec::with_capacity(pieces.len() + 1);
    let mut at = 0;
    for piece in pieces {
        starts.push(at);
        at += piece.len();
    }
    starts.push(at);
    let place = |byte: usize, piece: usize| Place {
        piece,
        offset: text[starts[piece]..byte].encode_utf16().count() as u32,
    };
    query
        .hit_ranges(&text)
        .into_iter()
        .filter_map(|hit| {
            // A match is never empty, so its first byte is in a piece that starts at or
            // before it and ends after it; its end, in one that ends at or after it.
            let first = starts
                .windows(2)
                .position(|s| s[0] <= hit.start && hit.start < s[1])?;
            let last = starts
                .windows(2)
                .position(|s| s[0] < hit.end && hit.end <= s[1])?;
            Some((place(hit.start, first), place(hit.end, last)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text each span covers, read back through its places.
    fn spanned(pieces: &[&str], spans: &[(Place, Place)]) -> Vec<String> {
        let utf16: Vec<Vec<u16>> = pieces.iter().map(|p| p.encode_utf16().collect()).collect();
        spans
            .iter()
            .map(|(start, end)| {
                let mut units = Vec::new();
                for (piece, text) in utf16
                    .iter()
                    .enumerate()
                    .take(end.piece + 1)
                    .skip(start.piece)
                {
                    let from = if piece == start.piece {
                        start.offset as usize
                    } else {
                        0
                    };
                    let to = if piece == end.piece {
                        end.offset as usize
                    } else {
                        text.len()
                    };
                    units.extend_from_slice(&text[from..to]);
                }
                String::from_utf16_lossy(&units)
            })
            .collect()
    }

    #[test]
    fn matches_are_kept_across_the_pieces_of_a_text() {
        // The glossary term 一带一路 is a link of its own: the match crosses into it.
        let pieces = ["在", "一带一路", "项目惠及民众"];
        let spans = hit_spans(&pieces, &Query::new("路项"));
        assert_eq!(
            spans,
            [(
                Place {
                    piece: 1,
                    offset: 3
                },
                Place {
                    piece: 2,
                    offset: 1
                }
            )]
        );
        assert_eq!(spanned(&pieces, &spans), ["路项"]);
        // A match that ends where a piece ends ends in that piece, not at the next one's start.
        let spans = hit_spans(&pieces, &Query::new("一带一路"));
        assert_eq!(
            spans,
            [(
                Place {
                    piece: 1,
                    offset: 0
                },
                Place {
                    piece: 1,
                    offset: 4
                }
            )]
        );
    }

    #[test]
    fn places_count_utf16_units_as_the_dom_does() {
        // 𝔾 is two UTF-16 units and four bytes; ü is one unit and two bytes.
        let pieces = ["𝔾 Gülen ", "schools"];
        let spans = hit_spans(&pieces, &Query::new("gulen sch"));
        assert_eq!(spanned(&pieces, &spans), ["Gülen", "sch"]);
        assert_eq!(
            spans[0].0,
            Place {
                piece: 0,
                offset: 3
            }
        );
        assert!(hit_spans(&pieces, &Query::new("")).is_empty());
        assert!(hit_spans(&[], &Query::new("x")).is_empty());
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

    proptest::proptest! {
        /// The matcher finds a query where every term occurs as a run of characters
        /// (compared character by character, not byte by byte), in texts mixing one-,
        /// two- and three-byte characters that folding leaves as they are.
        #[test]
        fn the_matcher_finds_exactly_the_texts_holding_every_term(
            text in "[aeo×жα贫困率 ]{0,40}",
            typed in "[aeo×жα贫困率 ]{0,8}",
        ) {
            let (query, text) = (Query::new(&typed), fold(&text));
            let chars: Vec<char> = text.chars().collect();
            let holds = |term: &str| {
                let term: Vec<char> = term.chars().collect();
                chars.windows(term.len()).any(|w| w == term.as_slice())
            };
            let every_term = query.terms.iter().all(|t| holds(t));
            proptest::prop_assert_eq!(query.matches(&text), every_term);
        }
    }

    #[test]
    fn highlights_merge_and_keep_the_original_text() {
        let hits = |q: &str, text: &'static str| {
            Query::new(q)
                .hit_ranges(text)
                .into_iter()
                .map(|r| &text[r])
                .collect::<Vec<_>>()
        };
        assert_eq!(hits("gulen sch", "Gülen schools"), ["Gülen", "sch"]);
        assert_eq!(hits("贫困", "减少贫困"), ["贫困"]);
        assert!(hits("", "abc").is_empty());
        // Overlapping and adjacent matches make one range.
        assert_eq!(hits("abc cd de", "xabcdex"), ["abcde"]);
    }
}
