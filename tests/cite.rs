//! Every citation style against strings written out by hand for the article, for an
//! item and for a figure (each with its place in the article), and for the dataset.

use cca_explorer::cite::{cite, cite_dataset, Cited, Style};
use cca_explorer::data::{load, Dataset};
use cca_explorer::i18n::Lang;

fn dataset() -> Dataset {
    load(include_str!("../data/dataset.json")).expect("valid")
}

const DOI: &str = "10.13761/j.cnki.cn23-1073/c.2023.02.001";
const TITLE_ZH: &str = "社会合作视角下的“中国—中亚命运共同体”构建";
const TITLE_EN: &str = "The Construction of “China – Central Asia Community with a Shared Future” from the Perspective of Social Cooperation";

#[test]
fn the_article_in_every_style() {
    let ds = dataset();
    let gbt = format!("王晓玲. {TITLE_ZH}[J]. 2023. DOI:{DOI}.");
    assert_eq!(cite(&ds, Cited::Article, Style::GbT7714, Lang::Zh), gbt);
    assert_eq!(cite(&ds, Cited::Article, Style::GbT7714, Lang::En), gbt);
    assert_eq!(
        cite(&ds, Cited::Article, Style::Apa7, Lang::En),
        format!(
            "Wang, X.-l. (2023). {TITLE_ZH} [The construction of “China – Central Asia \
             Community with a Shared Future” from the perspective of social cooperation]. \
             https://doi.org/{DOI}"
        )
    );
    assert_eq!(
        cite(&ds, Cited::Article, Style::Apa7, Lang::Zh),
        format!("王晓玲. (2023). {TITLE_ZH}. https://doi.org/{DOI}")
    );
    assert_eq!(
        cite(&ds, Cited::Article, Style::BibTex, Lang::En),
        format!(
            "@article{{wang2023,\n  author = {{Wang, Xiao-ling}},\n  title = {{{TITLE_EN}}},\n  \
             year = {{2023}},\n  doi = {{{DOI}}},\n  url = {{https://doi.org/{DOI}}},\n  \
             language = {{Chinese}}\n}}"
        )
    );
    assert_eq!(
        cite(&ds, Cited::Article, Style::BibTex, Lang::Zh),
        format!(
            "@article{{wang2023,\n  author = {{王晓玲}},\n  title = {{{TITLE_ZH}}},\n  \
             year = {{2023}},\n  doi = {{{DOI}}},\n  url = {{https://doi.org/{DOI}}},\n  \
             language = {{中文}}\n}}"
        )
    );
    assert_eq!(
        cite(&ds, Cited::Article, Style::Ris, Lang::En),
        [
            "TY  - JOUR".to_string(),
            "AU  - Wang, Xiao-ling".into(),
            format!("TI  - {TITLE_EN}"),
            "PY  - 2023".into(),
            format!("DO  - {DOI}"),
            format!("UR  - https://doi.org/{DOI}"),
            "LA  - Chinese".into(),
            "KW  - community with a Shared Future for mankind".into(),
            "KW  - Social Cooperation".into(),
            "KW  - China – Central Asia Community with a Shared Future".into(),
            "ER  -".into(),
        ]
        .join("\r\n")
    );
}

/// The article's entry in BibTeX, with `note` as the last field.
fn bibtex_with_note(lang: Lang, note: &str) -> String {
    let (author, title, language) = match lang {
        Lang::En => ("Wang, Xiao-ling", TITLE_EN, "Chinese"),
        _ => ("王晓玲", TITLE_ZH, "中文"),
    };
    format!(
        "@article{{wang2023,\n  author = {{{author}}},\n  title = {{{title}}},\n  \
         year = {{2023}},\n  doi = {{{DOI}}},\n  url = {{https://doi.org/{DOI}}},\n  \
         language = {{{language}}},\n  note = {{{note}}}\n}}"
    )
}

/// The article's entry in RIS, with `note` as its N1 line.
fn ris_with_note(lang: Lang, note: &str) -> String {
    let (author, title, language, keywords) = match lang {
        Lang::En => (
            "Wang, Xiao-ling",
            TITLE_EN,
            "Chinese",
            [
                "community with a Shared Future for mankind",
                "Social Cooperation",
                "China – Central Asia Community with a Shared Future",
            ],
        ),
        _ => (
            "王晓玲",
            TITLE_ZH,
            "中文",
            ["人类命运共同体", "社会合作", "中国—中亚命运共同体"],
        ),
    };
    let mut lines = vec![
        "TY  - JOUR".to_string(),
        format!("AU  - {author}"),
        format!("TI  - {title}"),
        "PY  - 2023".into(),
        format!("DO  - {DOI}"),
        format!("UR  - https://doi.org/{DOI}"),
        format!("LA  - {language}"),
    ];
    lines.extend(keywords.map(|k| format!("KW  - {k}")));
    lines.push(format!("N1  - {note}"));
    lines.push("ER  -".into());
    lines.join("\r\n")
}

const APA_EN: &str = "Wang, X.-l. (2023). 社会合作视角下的“中国—中亚命运共同体”构建 [The construction of \
                      “China – Central Asia Community with a Shared Future” from the perspective of \
                      social cooperation].";

#[test]
fn an_item_is_cited_at_its_place() {
    let ds = dataset();
    let item = ds.item("labour-migration").expect("exists");
    let cited = Cited::Item(item);
    let gbt = format!(
        "王晓玲. {TITLE_ZH}[J]. 2023. DOI:{DOI}. 三（一） 第1段（吉、塔劳动力赴邻国务工）."
    );
    // GB/T 7714 is written in Chinese whatever the page's language.
    assert_eq!(cite(&ds, cited, Style::GbT7714, Lang::Zh), gbt);
    assert_eq!(cite(&ds, cited, Style::GbT7714, Lang::En), gbt);
    assert_eq!(
        cite(&ds, cited, Style::Apa7, Lang::En),
        format!("{APA_EN} https://doi.org/{DOI} (§3.1 ¶1, Kyrgyz and Tajik workers go abroad)")
    );
    assert_eq!(
        cite(&ds, cited, Style::Apa7, Lang::Zh),
        format!("王晓玲. (2023). {TITLE_ZH}. https://doi.org/{DOI} (三（一） 第1段, 吉、塔劳动力赴邻国务工)")
    );
    assert_eq!(
        cite(&ds, cited, Style::BibTex, Lang::En),
        bibtex_with_note(Lang::En, "§3.1 ¶1: Kyrgyz and Tajik workers go abroad")
    );
    assert_eq!(
        cite(&ds, cited, Style::BibTex, Lang::Zh),
        bibtex_with_note(Lang::Zh, "三（一） 第1段: 吉、塔劳动力赴邻国务工")
    );
    assert_eq!(
        cite(&ds, cited, Style::Ris, Lang::En),
        ris_with_note(Lang::En, "§3.1 ¶1: Kyrgyz and Tajik workers go abroad")
    );
    assert_eq!(
        cite(&ds, cited, Style::Ris, Lang::Zh),
        ris_with_note(Lang::Zh, "三（一） 第1段: 吉、塔劳动力赴邻国务工")
    );
}

#[test]
fn a_figure_is_cited_with_its_value_at_the_place_of_its_item() {
    let ds = dataset();
    let figure = ds.figure("unhrc-resolutions-wld").expect("exists");
    let cited = Cited::Figure(figure);
    let (zh, en) = (
        "引言 第1段: 写入人权理事会决议次数，世界：超过10次",
        "Introduction ¶1: Times written into UN Human Rights Council resolutions, World: more than 10 times",
    );
    assert_eq!(
        cite(&ds, cited, Style::GbT7714, Lang::Zh),
        format!(
            "王晓玲. {TITLE_ZH}[J]. 2023. DOI:{DOI}. 引言 第1段（写入人权理事会决议次数，世界：超过10次）."
        )
    );
    assert_eq!(
        cite(&ds, cited, Style::Apa7, Lang::En),
        format!(
            "{APA_EN} https://doi.org/{DOI} (Introduction ¶1, Times written into UN Human \
             Rights Council resolutions, World: more than 10 times)"
        )
    );
    assert_eq!(
        cite(&ds, cited, Style::Apa7, Lang::Zh),
        format!("王晓玲. (2023). {TITLE_ZH}. https://doi.org/{DOI} (引言 第1段, 写入人权理事会决议次数，世界：超过10次)")
    );
    assert_eq!(
        cite(&ds, cited, Style::BibTex, Lang::En),
        bibtex_with_note(Lang::En, en)
    );
    assert_eq!(
        cite(&ds, cited, Style::BibTex, Lang::Zh),
        bibtex_with_note(Lang::Zh, zh)
    );
    assert_eq!(
        cite(&ds, cited, Style::Ris, Lang::En),
        ris_with_note(Lang::En, en)
    );
    assert_eq!(
        cite(&ds, cited, Style::Ris, Lang::Zh),
        ris_with_note(Lang::Zh, zh)
    );
}

#[test]
fn the_dataset_names_its_version_address_and_the_day_consulted() {
    let ds = dataset();
    let url = "https://example.org/explorer/";
    let v = &ds.meta.dataset_version;
    assert_eq!(
        cite_dataset(&ds, Style::Apa7, Lang::En, url, "2026-11-25"),
        format!(
            "China–Central Asia Explorer: Dataset (Version {v}) [Data set; drawn from \
             WANG Xiao-ling (2023)]. (n.d.). Retrieved November 25, 2026, from {url}"
        )
    );
    assert_eq!(
        cite_dataset(&ds, Style::GbT7714, Lang::Zh, url, "2026-11-25"),
        format!("中国—中亚命运共同体 · 数据浏览：数据集[DS/OL]. 版本 {v}. [2026-11-25]. {url}.")
    );
    assert_eq!(
        cite_dataset(&ds, Style::Ris, Lang::En, url, "2026-11-25"),
        format!(
            "TY  - DATA\r\nTI  - China–Central Asia Explorer: Dataset\r\nET  - {v}\r\nUR  - {url}\r\n\
             Y2  - 2026-11-25\r\nN1  - drawn from WANG Xiao-ling (2023)\r\nER  -"
        )
    );
    assert!(
        cite_dataset(&ds, Style::BibTex, Lang::En, url, "2026-11-25").starts_with(
            "@dataset{wang2023-dataset,\n  title = {China–Central Asia Explorer: Dataset},"
        )
    );
}

#[test]
fn bibtex_and_ris_values_cannot_break_their_format() {
    let mut ds = dataset();
    ds.meta.title.en = "A {brace} 100% & more\nsecond line".into();
    let bib = cite(&ds, Cited::Article, Style::BibTex, Lang::En);
    assert!(
        bib.contains("title = {A \\{brace\\} 100\\% \\& more second line}"),
        "{bib}"
    );
    let ris = cite(&ds, Cited::Article, Style::Ris, Lang::En);
    assert!(
        ris.contains("\r\nTI  - A {brace} 100% & more second line\r\n"),
        "{ris}"
    );
}
