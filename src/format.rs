//! Numbers with their units and qualifiers, as each language writes them.
//!
//! Values are kept in the article's units (万人, 亿美元). Chinese shows them as printed;
//! English converts them to thousands, millions and billions by moving the decimal
//! point in the decimal text, never through floating-point arithmetic, so the digits
//! stay exactly those of the article.

use crate::data::{Dataset, EnglishScale, Figure, Locator, Qualifier, Unit};
use crate::i18n::Lang;

/// The shortest decimal text of a value (`5076.03`, `7000`, `3.988`).
pub fn plain_number(value: f64) -> String {
    // f64's Display never uses an exponent.
    format!("{value}")
}

/// Moves the decimal point of a non-negative decimal text by `shift` places
/// (positive: multiply by 10^shift), trimming needless zeros.
pub fn shift_decimal(text: &str, shift: i32) -> String {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits: String = format!("{int}{frac}");
    let point = int.len() as i32 + shift;
    let padded = if point <= 0 {
        format!("{}{}", "0".repeat((1 - point) as usize), digits)
    } else if point as usize > digits.len() {
        format!("{}{}", digits, "0".repeat(point as usize - digits.len()))
    } else {
        digits
    };
    let point = point.max(1) as usize;
    let (int, frac) = padded.split_at(point);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Groups the integer part in thousands with commas (`50760300` → `50,760,300`).
pub fn group_thousands(text: &str) -> String {
    let (int, frac) = text
        .split_once('.')
        .map_or((text, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Where English starts a named order of magnitude, for a whole number with `digits`
/// digits before the point: the power of ten it is written in, and its word.
fn english_order(digits: usize) -> (i32, &'static str) {
    if digits > 9 {
        (9, "billion")
    } else if digits > 6 {
        (6, "million")
    } else {
        (0, "")
    }
}

/// The digits before the decimal point of a decimal text.
fn int_digits(text: &str) -> usize {
    text.split('.').next().map_or(0, str::len)
}

/// The power of ten a unit's stored values are counted in, where English writes them
/// out whole (万 = 4, 亿 = 8), with the English names of such values; none for units
/// English writes as they are stored.
fn english_scaling(unit: &Unit) -> Option<(i32, &EnglishScale)> {
    Some((i32::from(unit.exponent?), unit.en_scale.as_ref()?))
}

/// English text for a count given in units of 10^`exponent` (万 = 4, 亿 = 8):
/// millions and billions from a million up, plain grouped digits below.
fn english_magnitude(value: f64, exponent: i32) -> String {
    let whole = shift_decimal(&plain_number(value), exponent);
    match english_order(int_digits(&whole)) {
        (0, _) => group_thousands(&whole),
        (power, word) => format!("{} {word}", shift_decimal(&whole, -power)),
    }
}

/// How a unit's values are written where one header names the unit for all of them
/// (a chart's axis, a column): each stored value's decimal point moved by `shift`
/// places, under the name `name`. English writes a unit counted in a power of ten (万,
/// 亿) in millions or billions, as [`value_with_unit`] does; Chinese keeps the article's
/// units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    pub shift: i32,
    pub name: String,
}

/// The scale of values of `unit` up to `largest` (in the stored unit) in `lang`.
pub fn scale_for(unit: &Unit, lang: Lang, largest: f64) -> Scale {
    let (exponent, names) = match (lang, english_scaling(unit)) {
        (Lang::En, Some(scaling)) => scaling,
        _ => {
            return Scale {
                shift: 0,
                name: unit.name.get(lang).to_string(),
            }
        }
    };
    let whole = shift_decimal(&plain_number(largest.abs()), exponent);
    let (power, _) = english_order(int_digits(&whole));
    let name = match power {
        9 => &names.billions,
        6 => &names.millions,
        _ => &names.ones,
    };
    Scale {
        shift: exponent - power,
        name: name.clone(),
    }
}

/// A value on a scale, without unit words (`50`, `78.2226` on "million people").
pub fn scaled_number(value: f64, scale: &Scale, lang: Lang) -> String {
    let digits = shift_decimal(&plain_number(value.abs()), scale.shift);
    let sign = if value < 0.0 { "-" } else { "" };
    match lang {
        Lang::En => format!("{sign}{}", group_thousands(&digits)),
        Lang::Zh | Lang::Both => format!("{sign}{digits}"),
    }
}

/// The bare number in a language's way of writing it, without unit words
/// (for axes and table cells whose header names the unit).
pub fn number(value: f64, lang: Lang) -> String {
    match lang {
        Lang::En => group_thousands(&plain_number(value)),
        Lang::Zh | Lang::Both => plain_number(value),
    }
}

/// A value with its unit, in one language (`Both` reads as Chinese): the unit's way
/// of writing it, English with its thousands grouped and scaled units written whole.
pub fn value_with_unit(value: f64, unit: &Unit, lang: Lang) -> String {
    let n = match (lang, english_scaling(unit)) {
        (Lang::En, Some((exponent, _))) => english_magnitude(value, exponent),
        _ => number(value, lang),
    };
    match &unit.value {
        Some(pattern) => pattern.get(lang).replacen("{}", &n, 1),
        None => n,
    }
}

/// A figure as a reader should see it: value, unit and the article's qualifier.
pub fn figure_value(ds: &Dataset, f: &Figure, lang: Lang) -> String {
    let unit = ds.unit(&f.unit);
    let main = value_with_unit(f.value, unit, lang);
    match (f.qualifier, lang) {
        (None, _) => main,
        (Some(Qualifier::Range), _) => {
            let upper = value_with_unit(f.value_max.unwrap_or(f.value), unit, lang);
            // English rescales 万 and 亿 units, so both ends are written out in full.
            let scaled = lang == Lang::En && english_scaling(unit).is_some();
            if scaled {
                format!("{main}–{upper}")
            } else {
                format!("{}–{upper}", number(f.value, lang))
            }
        }
        (Some(Qualifier::MoreThan), Lang::En) => format!("more than {main}"),
        (Some(Qualifier::MoreThan), _) => format!("超过{main}"),
        (Some(Qualifier::About), Lang::En) => format!("about {main}"),
        (Some(Qualifier::About), _) => format!("约{main}"),
        (Some(Qualifier::Projected), Lang::En) => format!("{main} (projected)"),
        (Some(Qualifier::Projected), _) => format!("{main}（预计）"),
    }
}

/// When the figure applies: its year, or its span ("over 20 years"); empty if neither.
pub fn figure_when(f: &Figure, lang: Lang) -> String {
    match (f.year, f.span_years, lang) {
        (Some(y), _, Lang::En) => y.to_string(),
        (Some(y), _, _) => format!("{y}年"),
        (None, Some(n), Lang::En) => format!("over {n} years"),
        (None, Some(n), _) => format!("{n}年间"),
        (None, None, _) => String::new(),
    }
}

/// The value of a section numeral as printed: Chinese up to 九十九 ("三" → 3, "十二"
/// → 12, "（二）" → 2) or digits ("12").
fn numeral_value(numeral: &str) -> Option<u32> {
    let inner = numeral.trim_matches(|c| matches!(c, '（' | '）' | '(' | ')' | ' '));
    if let Ok(n) = inner.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|i| i as u32 + 1)
    };
    let chars: Vec<char> = inner.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [one] => digit(*one),
        ['十', one] => Some(10 + digit(*one)?),
        [ten, '十'] => Some(digit(*ten)? * 10),
        [ten, '十', one] => Some(digit(*ten)? * 10 + digit(*one)?),
        _ => None,
    }
}

/// A section's number as each language writes it: "三（一）" or "3.1"; empty for
/// the unnumbered introduction.
pub fn section_number(ds: &Dataset, section: &str, lang: Lang) -> String {
    let path = ds.section_path(section);
    if path.is_empty() || path.iter().any(|s| s.number.is_none()) {
        return String::new();
    }
    let zh: String = path.iter().filter_map(|s| s.number.as_deref()).collect();
    let en: Vec<String> = path
        .iter()
        .map(|s| {
            s.number
                .as_deref()
                .and_then(numeral_value)
                .map_or_else(|| "?".into(), |n| n.to_string())
        })
        .collect();
    match lang {
        Lang::Zh => zh,
        Lang::En => en.join("."),
        Lang::Both => format!("{zh} {}", en.join(".")),
    }
}

/// Where a locator points, as a reader would cite it: "三（一）第1段" or "§3.1 ¶1"; in
/// an unnumbered section (an introduction), its title: "引言 第2段", "Introduction ¶2".
/// A numbered section's title is shown separately by the caller.
pub fn locator_label(ds: &Dataset, locator: &Locator, lang: Lang) -> String {
    let p = locator.paragraph;
    let number = |lang| section_number(ds, &locator.section, lang);
    let title = ds.section(&locator.section).map(|s| &s.title);
    let zh = match number(Lang::Zh) {
        n if n.is_empty() => format!("{} 第{p}段", title.map_or("", |t| t.zh.as_str())),
        n => format!("{n} 第{p}段"),
    };
    let en = match number(Lang::En) {
        n if n.is_empty() => format!("{} ¶{p}", title.map_or("", |t| t.en.as_str())),
        n => format!("§{n} ¶{p}"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
        Lang::Both => format!("{zh} · {en}"),
    }
}

/// A URL from the dataset as a link target, only if it is plain http(s); anything
/// else (a `javascript:` URL from a tampered file, a URL printed without a scheme)
/// is shown as text instead.
pub fn external_href(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    ok.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The article's dataset, whose units these tests write with.
    fn real() -> Dataset {
        crate::data::load(include_str!("../data/dataset.json")).expect("valid dataset")
    }

    fn unit(id: &str) -> Unit {
        let unit = real().unit(id).clone();
        assert_eq!(unit.id, id, "the dataset has the unit");
        unit
    }

    #[test]
    fn decimal_shifts_are_exact() {
        assert_eq!(shift_decimal("5076.03", 4), "50760300");
        assert_eq!(shift_decimal("50760300", -6), "50.7603");
        assert_eq!(shift_decimal("10.3", 4), "103000");
        assert_eq!(shift_decimal("3.988", -2), "0.03988");
        assert_eq!(shift_decimal("140", 8), "14000000000");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands("7700"), "7,700");
        assert_eq!(group_thousands("103000"), "103,000");
        assert_eq!(group_thousands("999"), "999");
        assert_eq!(group_thousands("1234567.25"), "1,234,567.25");
    }

    #[test]
    fn chinese_keeps_the_articles_units() {
        assert_eq!(
            value_with_unit(5076.03, &unit("ten-thousand-people"), Lang::Zh),
            "5076.03万人"
        );
        assert_eq!(
            value_with_unit(140.0, &unit("hundred-million-usd"), Lang::Zh),
            "140亿美元"
        );
        assert_eq!(value_with_unit(25.6, &unit("percent"), Lang::Zh), "25.6%");
        assert_eq!(value_with_unit(1.0, &unit("rank"), Lang::Zh), "第1位");
    }

    #[test]
    fn english_converts_to_thousands_millions_billions() {
        assert_eq!(
            value_with_unit(5076.03, &unit("ten-thousand-people"), Lang::En),
            "50.7603 million people"
        );
        assert_eq!(
            value_with_unit(10.3, &unit("ten-thousand-people"), Lang::En),
            "103,000 people"
        );
        assert_eq!(
            value_with_unit(70.0, &unit("ten-thousand-people"), Lang::En),
            "700,000 people"
        );
        assert_eq!(
            value_with_unit(1000.0, &unit("ten-thousand-visits"), Lang::En),
            "10 million visits"
        );
        assert_eq!(
            value_with_unit(140.0, &unit("hundred-million-usd"), Lang::En),
            "US$14 billion"
        );
        assert_eq!(
            value_with_unit(7700.0, &unit("enterprises"), Lang::En),
            "7,700 enterprises"
        );
    }

    #[test]
    fn english_headers_count_in_millions_and_billions_like_the_values() {
        let people = scale_for(&unit("ten-thousand-people"), Lang::En, 9000.0);
        assert_eq!(people.name, "million people");
        assert_eq!(scaled_number(5000.0, &people, Lang::En), "50");
        assert_eq!(scaled_number(7822.26, &people, Lang::En), "78.2226");
        // The same words as the value itself.
        assert!(
            value_with_unit(7822.26, &unit("ten-thousand-people"), Lang::En)
                .starts_with("78.2226 million")
        );
        let small = scale_for(&unit("ten-thousand-people"), Lang::En, 60.0);
        assert_eq!(small.name, "people");
        assert_eq!(scaled_number(10.3, &small, Lang::En), "103,000");
        let visits = scale_for(&unit("ten-thousand-visits"), Lang::En, 1200.0);
        assert_eq!(
            (
                visits.name.as_str(),
                scaled_number(1000.0, &visits, Lang::En).as_str()
            ),
            ("million visits", "10")
        );
        let usd = scale_for(&unit("hundred-million-usd"), Lang::En, 150.0);
        assert_eq!(usd.name, "billions of US dollars");
        assert_eq!(scaled_number(140.0, &usd, Lang::En), "14");
        // Chinese keeps the article's units and digits.
        let zh = scale_for(&unit("ten-thousand-people"), Lang::Zh, 9000.0);
        assert_eq!((zh.name.as_str(), zh.shift), ("万人", 0));
        assert_eq!(scaled_number(5076.03, &zh, Lang::Zh), "5076.03");
        assert_eq!(scale_for(&unit("percent"), Lang::En, 30.0).name, "per cent");
        assert_eq!(scaled_number(-2.5, &zh, Lang::Zh), "-2.5");
    }

    fn figure(value: f64, qualifier: Option<Qualifier>, value_max: Option<f64>) -> Figure {
        Figure {
            id: "f".into(),
            indicator: "i".into(),
            country: "KGZ".into(),
            partner: None,
            year: Some(2019),
            span_years: None,
            value,
            value_max,
            qualifier,
            unit: "ten-thousand-people".into(),
            item: "x".into(),
            references: vec![],
            footnotes: vec![],
            note: None,
        }
    }

    #[test]
    fn qualifiers_are_never_dropped() {
        let ds = real();
        let f = figure(70.0, Some(Qualifier::MoreThan), None);
        assert_eq!(figure_value(&ds, &f, Lang::Zh), "超过70万人");
        assert_eq!(figure_value(&ds, &f, Lang::En), "more than 700,000 people");
        let a = figure(70.0, Some(Qualifier::About), None);
        assert_eq!(figure_value(&ds, &a, Lang::Zh), "约70万人");
        assert_eq!(figure_value(&ds, &a, Lang::En), "about 700,000 people");
        let p = figure(7822.26, Some(Qualifier::Projected), None);
        assert_eq!(
            figure_value(&ds, &p, Lang::En),
            "78.2226 million people (projected)"
        );
        assert_eq!(figure_value(&ds, &p, Lang::Zh), "7822.26万人（预计）");
        let mut r = figure(40.0, Some(Qualifier::Range), Some(50.0));
        r.unit = "percent".into();
        assert_eq!(figure_value(&ds, &r, Lang::Zh), "40–50%");
        let people = figure(40.0, Some(Qualifier::Range), Some(50.0));
        assert_eq!(
            figure_value(&ds, &people, Lang::En),
            "400,000 people–500,000 people"
        );
        assert_eq!(figure_value(&ds, &people, Lang::Zh), "40–50万人");
        assert_eq!(figure_when(&r, Lang::Zh), "2019年");
    }

    #[test]
    fn locators_read_like_citations() {
        let mut ds =
            crate::data::load(include_str!("../tests/fixtures/minimal.json")).expect("valid");
        let loc = |section: &str, paragraph| Locator {
            section: section.into(),
            paragraph,
        };
        assert_eq!(
            locator_label(&ds, &loc("s1-1", 1), Lang::Zh),
            "一（一） 第1段"
        );
        assert_eq!(locator_label(&ds, &loc("s1-1", 1), Lang::En), "§1.1 ¶1");
        assert_eq!(
            locator_label(&ds, &loc("intro", 2), Lang::En),
            "Introduction ¶2"
        );
        assert_eq!(numeral_value("（六）"), Some(6));
        for (numeral, value) in [
            ("十", 10),
            ("十一", 11),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("九十九", 99),
            ("（十一）", 11),
            ("12", 12),
        ] {
            assert_eq!(numeral_value(numeral), Some(value), "{numeral}");
        }
        for not_a_numeral in ["", "十十", "一十一十", "百", "（）", "A"] {
            assert_eq!(numeral_value(not_a_numeral), None, "{not_a_numeral}");
        }
        // An unnumbered section is named by its own title.
        if let Some(intro) = ds.sections.iter_mut().find(|s| s.id == "intro") {
            intro.title = crate::data::Text {
                zh: "开篇".into(),
                en: "Opening".into(),
            };
        }
        assert_eq!(locator_label(&ds, &loc("intro", 2), Lang::En), "Opening ¶2");
        assert_eq!(locator_label(&ds, &loc("intro", 2), Lang::Zh), "开篇 第2段");
    }

    #[test]
    fn only_plain_web_links_become_links() {
        assert_eq!(
            external_href("https://data.worldbank.org/cn/"),
            Some("https://data.worldbank.org/cn/")
        );
        assert_eq!(external_href("javascript:alert(1)"), None);
        assert_eq!(external_href(" JAVASCRIPT:alert(1)"), None);
        assert_eq!(external_href("www.asaninst.org/contents/tag/????/"), None);
        assert_eq!(external_href("https://x.org/\"><script>"), None);
    }
}
