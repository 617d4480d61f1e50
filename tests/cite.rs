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
    assert_eq!(
        cite_dataset(&ds, Style::BibTex, Lang::En, url, "2026-11-25"),
        format!(
            "@dataset{{wang2023-dataset,\n  title = {{China–Central Asia Explorer: Dataset}},\n  \
             version = {{{v}}},\n  url = {{{url}}},\n  urldate = {{2026-11-25}},\n  \
             note = {{drawn from WANG Xiao-ling (2023)}}\n}}"
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

/// The minimal fixture as an article of `authors` (Chinese, English) in a journal, with
/// whatever of volume, issue and pages `publication` sets.
fn journal_article(authors: &[(&str, &str)], publication: serde_json::Value) -> Dataset {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/minimal.json")).expect("json");
    let meta = &mut value["meta"];
    meta["authors"] = authors
        .iter()
        .map(|(zh, en)| serde_json::json!({ "zh": zh, "en": en }))
        .collect();
    meta["journal"] = serde_json::json!({ "zh": "测试学刊", "en": "Journal of Tests" });
    for (key, v) in publication.as_object().expect("an object") {
        meta[key] = v.clone();
    }
    load(&value.to_string()).expect("valid")
}

const FOUR: [(&str, &str); 4] = [
    ("王晓玲", "WANG Xiao-ling"),
    ("李明", "LI Ming"),
    ("张伟", "ZHANG Wei"),
    ("陈静", "CHEN Jing"),
];

/// Four authors in a journal's volume and issue, on a range of pages: GB/T 7714 names
/// three and 等, APA names all with "&", BibTeX joins them with "and", RIS gives one
/// line each; each style writes the journal, volume, issue and pages its own way.
#[test]
fn several_authors_and_a_journal_in_every_style() {
    let ds = journal_article(
        &FOUR,
        serde_json::json!({ "volume": "50", "issue": "2", "pages": "5-19" }),
    );
    let at = |style, lang| cite(&ds, Cited::Article, style, lang);
    assert_eq!(
        at(Style::GbT7714, Lang::En),
        "王晓玲, 李明, 张伟, 等. 测试标题[J]. 测试学刊, 2023, 50(2): 5-19. DOI:10.1000/test."
    );
    assert_eq!(
        at(Style::Apa7, Lang::En),
        "Wang, X.-l., Li, M., Zhang, W., & Chen, J. (2023). 测试标题 [Test title]. Journal of \
         Tests, 50(2), 5–19. https://doi.org/10.1000/test"
    );
    assert_eq!(
        at(Style::Apa7, Lang::Zh),
        "王晓玲, 李明, 张伟, 陈静. (2023). 测试标题. 测试学刊, 50(2), 5–19. \
         https://doi.org/10.1000/test"
    );
    assert_eq!(
        at(Style::BibTex, Lang::En),
        "@article{wang2023,\n  author = {Wang, Xiao-ling and Li, Ming and Zhang, Wei and Chen, \
         Jing},\n  title = {Test title},\n  journal = {Journal of Tests},\n  year = {2023},\n  \
         volume = {50},\n  number = {2},\n  pages = {5--19},\n  doi = {10.1000/test},\n  \
         url = {https://doi.org/10.1000/test},\n  language = {Chinese}\n}"
    );
    assert_eq!(
        at(Style::Ris, Lang::En),
        [
            "TY  - JOUR",
            "AU  - Wang, Xiao-ling",
            "AU  - Li, Ming",
            "AU  - Zhang, Wei",
            "AU  - Chen, Jing",
            "TI  - Test title",
            "T2  - Journal of Tests",
            "PY  - 2023",
            "VL  - 50",
            "IS  - 2",
            "SP  - 5",
            "EP  - 19",
            "DO  - 10.1000/test",
            "UR  - https://doi.org/10.1000/test",
            "LA  - Chinese",
            "KW  - keyword",
            "ER  -",
        ]
        .join("\r\n")
    );
}

/// Two authors, an issue without a volume, one page: APA puts "&" between two names;
/// GB/T 7714 writes the issue after the year; BibTeX and RIS give the page once.
#[test]
fn two_authors_an_issue_without_a_volume_and_one_page() {
    let ds = journal_article(
        &FOUR[..2],
        serde_json::json!({ "issue": "4", "pages": "7" }),
    );
    let at = |style, lang| cite(&ds, Cited::Article, style, lang);
    assert_eq!(
        at(Style::GbT7714, Lang::Zh),
        "王晓玲, 李明. 测试标题[J]. 测试学刊, 2023(4): 7. DOI:10.1000/test."
    );
    assert_eq!(
        at(Style::Apa7, Lang::En),
        "Wang, X.-l., & Li, M. (2023). 测试标题 [Test title]. Journal of Tests, (4), 7. \
         https://doi.org/10.1000/test"
    );
    assert!(at(Style::BibTex, Lang::Zh).contains("  author = {王晓玲 and 李明},\n"));
    assert!(at(Style::BibTex, Lang::Zh).contains("  number = {4},\n  pages = {7},\n"));
    assert!(at(Style::Ris, Lang::En).contains("IS  - 4\r\nSP  - 7\r\nEP  - 7\r\n"));
    // Three authors are all named in GB/T 7714, without 等.
    let three = journal_article(&FOUR[..3], serde_json::json!({}));
    assert_eq!(
        cite(&three, Cited::Article, Style::GbT7714, Lang::Zh),
        "王晓玲, 李明, 张伟. 测试标题[J]. 测试学刊, 2023. DOI:10.1000/test."
    );
}

/// Of more than twenty authors APA names the first nineteen, an ellipsis and the last.
#[test]
fn apa_names_nineteen_authors_an_ellipsis_and_the_last_of_more_than_twenty() {
    let names: Vec<(String, String)> = (1..=21)
        .map(|n| (format!("作者{n}"), format!("NAME{n} Given")))
        .collect();
    let borrowed: Vec<(&str, &str)> = names
        .iter()
        .map(|(z, e)| (z.as_str(), e.as_str()))
        .collect();
    let apa = |count: usize| {
        let ds = journal_article(&borrowed[..count], serde_json::json!({}));
        cite(&ds, Cited::Article, Style::Apa7, Lang::En)
    };
    let listed = |range: std::ops::RangeInclusive<usize>| {
        range
            .map(|n| format!("Name{n}, G."))
            .collect::<Vec<_>>()
            .join(", ")
    };
    assert!(apa(21).starts_with(&format!("{}, . . . Name21, G. (2023).", listed(1..=19))));
    // Twenty are all named, the last after "&".
    assert!(apa(20).starts_with(&format!("{}, & Name20, G. (2023).", listed(1..=19))));
}
