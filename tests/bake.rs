//! The baked site, without a browser: every page of every address exists in both
//! languages, carries its own head (title, description, alternates, and where due the
//! article's citation tags), holds its real content from the dataset, and links only
//! to pages and files that exist.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use cca_explorer::bake::{
    Islands, Site, SplitWasm, BODY_MARKER, CSP, HEADERS_FILE, HEAD_MARKER, NOT_FOUND_PAGE,
    PAGES_FILE,
};
use cca_explorer::bake_body;
use cca_explorer::chart::file::{path as chart_file_path, FileKind};
use cca_explorer::chart::svg::escape;
use cca_explorer::chart::{charted_indicators, ChartSpec};
use cca_explorer::chunks::{Chunk, DataPart, ViewChunk};
use cca_explorer::data::compact::{compact_json, core_json};
use cca_explorer::data::{
    load, Dataset, CORE_FILE, DATASET_FILE, SERVED_CORE_SHA256, SERVED_SHA256,
};
use cca_explorer::embed;
use cca_explorer::explore::{rows_file, ExploreIndex, EXPLORE_INDEX_FILE, ROWS_PER_FILE};
use cca_explorer::export::{ACCESSED_SLOT, ADDRESS_SLOT};
use cca_explorer::format::figure_value;
use cca_explorer::i18n::Lang;
use cca_explorer::map::indicators as map_indicators;
use cca_explorer::map::parse_shapes;
use cca_explorer::pages::{all_routes, page_title, NAV};
use cca_explorer::url_state::{Route, View};

/// A template shaped like Trunk's output: relative hashed assets and a module loader.
const TEMPLATE: &str = concat!(
    "<!DOCTYPE html>\n<html lang=\"zh-Hans\" data-theme=\"auto\">\n<head>\n",
    "<meta charset=\"utf-8\">\n",
    "<!-- page-head -->\n",
    "<script src=\"./early.js\"></script>\n",
    "<link rel=\"stylesheet\" href=\"./main-89abcdef.css\">\n",
    "<script type=\"module\">import init from './app-89abcdef.js'; init({ module_or_path: './app-89abcdef_bg.wasm' });</script>\n",
    "<link rel=\"modulepreload\" href=\"./app-89abcdef.js\" crossorigin=\"anonymous\">",
    "<link rel=\"preload\" href=\"./app-89abcdef_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">",
    "</head>\n<body>\n<!-- page-body -->\n</body>\n</html>\n"
);
/// A split shaped like `tools/split-wasm`'s manifest: one chunk each, one shared.
const SPLIT: &str = r#"{
  "loader": "app-split-89abcdef.js",
  "chunks": ["chunk_1-89abcdef.wasm", "split_lists-89abcdef.wasm", "split_reading-89abcdef.wasm", "split_figures-89abcdef.wasm", "split_embed-89abcdef.wasm", "split_cite-89abcdef.wasm", "split_validation-89abcdef.wasm"],
  "splits": {
    "lists": ["chunk_1-89abcdef.wasm", "split_lists-89abcdef.wasm"],
    "reading": ["chunk_1-89abcdef.wasm", "split_reading-89abcdef.wasm"],
    "figures": ["split_figures-89abcdef.wasm"],
    "embed": ["split_embed-89abcdef.wasm"],
    "cite": ["split_cite-89abcdef.wasm"],
    "validation": ["split_validation-89abcdef.wasm"]
  }
}"#;
/// Islands shaped like `scripts/build-islands.sh`'s manifest.
const ISLANDS: &str = r#"{"explore":{"module":"explore-island-0123456789abcdef.js","wasm":"explore-island-0123456789abcdef_bg.wasm"},"embed":{"module":"embed-island-0123456789abcdef.js","wasm":"embed-island-0123456789abcdef_bg.wasm"}}"#;
const ASSETS: [&str; 5] = [
    "main-89abcdef.css",
    "app-89abcdef.js",
    "app-89abcdef_bg.wasm",
    "data/dataset.json",
    "data/map.json",
];

/// This article's site.
fn site(public_url: Option<&str>) -> Site {
    site_of(
        include_str!("../data/dataset.json"),
        include_str!("../data/map.json"),
        public_url,
    )
}

/// This article's site and another's (examples/mekong: the engine with a dataset unlike
/// this article's in everything the code once fixed), for the checks every site passes.
fn every_site() -> [Site; 2] {
    [
        site(None),
        site_of(
            include_str!("../examples/mekong/dataset.json"),
            include_str!("../examples/mekong/map.json"),
            None,
        ),
    ]
}

fn site_of(dataset: &str, map: &str, public_url: Option<&str>) -> Site {
    assert!(TEMPLATE.contains(HEAD_MARKER) && TEMPLATE.contains(BODY_MARKER));
    let data = load(dataset).expect("the dataset loads");
    let shapes = parse_shapes(map).expect("the outlines load");
    Site {
        template: TEMPLATE.to_string(),
        data: Arc::new(data),
        shapes: Arc::new(shapes),
        public_url: public_url.map(str::to_string),
        served_dataset: compact_json(dataset),
        split: SplitWasm::parse(SPLIT).expect("the split's manifest reads"),
        islands: Islands::parse(ISLANDS).expect("the islands' manifest reads"),
    }
}

/// The baked files by path.
fn baked(site: &Site) -> BTreeMap<String, String> {
    site.outputs()
        .into_iter()
        .map(|o| (o.path, o.content))
        .collect()
}

/// The page's text without its tags (glossary terms are links inside sentences), as
/// Leptos escapes it.
fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text as Leptos writes it into HTML.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An attribute value as the head writes it.
fn attr(text: &str) -> String {
    html_text(text)
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The content of every `<tag …>` element's `name` attribute, in order.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .filter_map(|(i, _)| {
            let rest = &html[i + key.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

fn between<'a>(html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = html.find(open)? + open.len();
    let end = start + html[start..].find(close)?;
    Some(&html[start..end])
}

fn page<'a>(pages: &'a BTreeMap<String, String>, route: &Route) -> &'a str {
    let path = format!("{}index.html", route.path());
    pages
        .get(&path)
        .unwrap_or_else(|| panic!("{path} was not baked"))
}

fn route(lang: Lang, view: View) -> Route {
    Route {
        view,
        ..Route::home(lang)
    }
}

#[test]
fn every_address_is_baked_in_both_languages_with_its_own_title() {
    for site in every_site() {
        let pages = baked(&site);
        let routes = all_routes(&site.data, &site.shapes);
        let ds: &Dataset = &site.data;
        // In each language: the navigation's views; every item, profile, chart, figure
        // card and map indicator.
        let views: Vec<View> = NAV
            .iter()
            .map(|(view, _)| view.clone())
            .chain(ds.items.iter().map(|i| View::Item(i.id.clone())))
            .chain(
                ds.countries
                    .iter()
                    .filter(|c| ds.has_profile(c))
                    .map(|c| View::Country(c.id.clone())),
            )
            .chain(
                charted_indicators(ds)
                    .iter()
                    .map(|i| View::Chart(i.id.clone())),
            )
            .chain(ds.figures.iter().map(|f| View::Fact(f.id.clone())))
            .chain(
                map_indicators(ds, &site.shapes)
                    .iter()
                    .map(|i| View::Map(Some(i.id.clone()))),
            )
            .collect();
        for lang in Lang::ALL {
            for view in &views {
                assert!(
                    routes.contains(&route(lang, view.clone())),
                    "{lang:?} {view:?}"
                );
            }
        }
        assert_eq!(routes.len(), Lang::ALL.len() * views.len(), "and no other");
        assert_eq!(
            pages
                .keys()
                .filter(|p| p.ends_with("index.html") || *p == "404.html")
                .count(),
            routes.len() + 2,
            "pages, the root and 404.html"
        );
        for view in [View::Read, View::Argument, View::Coverage] {
            assert!(routes.contains(&route(Lang::En, view.clone())), "{view:?}");
        }
        let mut titles = BTreeSet::new();
        for route in &routes {
            let html = page(&pages, route);
            let title = between(html, "<title>", "</title>").expect("a title");
            assert!(titles.insert(title.to_string()), "{title} is used twice");
            let lang_tag = route.lang.html_tag();
            assert!(
                html.contains(&format!("<html lang=\"{lang_tag}\"")),
                "{}",
                route.path()
            );
            let description =
                between(html, "<meta name=\"description\" content=\"", "\"").unwrap_or("");
            assert!(
                !description.is_empty(),
                "{} has no description",
                route.path()
            );
            // Without the site's public address there is no fully qualified one to give.
            assert!(!html.contains("hreflang="), "{}", route.path());
            for property in ["og:title", "og:description", "og:type", "og:site_name"] {
                assert!(
                    html.contains(&format!("property=\"{property}\"")),
                    "{}",
                    route.path()
                );
            }
            assert!(html.contains("name=\"twitter:card\""));
            let cites = matches!(route.view, View::Overview | View::Item(_) | View::Read);
            for name in [
                "citation_title",
                "citation_author",
                "citation_publication_date",
                "citation_doi",
            ] {
                assert_eq!(
                    html.contains(&format!("name=\"{name}\"")),
                    cites,
                    "{name} on {}",
                    route.path()
                );
            }
            // No head tag or body is left unfilled.
            assert!(!html.contains(HEAD_MARKER) && !html.contains(BODY_MARKER));
        }
    }
}

#[test]
fn citation_tags_give_the_article_exactly() {
    let site = site(None);
    let pages = baked(&site);
    let m = &site.data.meta;
    let en = page(&pages, &Route::home(Lang::En));
    assert!(en.contains(&format!(
        "<meta name=\"citation_title\" content=\"{}\">",
        attr(&m.title.en)
    )));
    assert!(en.contains("<meta name=\"citation_author\" content=\"WANG Xiao-ling\">"));
    assert!(en.contains("<meta name=\"citation_publication_date\" content=\"2023\">"));
    assert!(en.contains(
        "<meta name=\"citation_doi\" content=\"10.13761/j.cnki.cn23-1073/c.2023.02.001\">"
    ));
    let zh = page(&pages, &Route::home(Lang::Zh));
    assert!(zh.contains(&format!(
        "<meta name=\"citation_title\" content=\"{}\">",
        attr(&m.title.zh)
    )));
    assert!(zh.contains("<meta name=\"citation_author\" content=\"王晓玲\">"));
}

/// An article with several authors in a journal's issue gets a tag for each author, in
/// order, and for the journal, volume, issue and pages.
#[test]
fn citation_tags_give_several_authors_and_the_journal() {
    let [_, site] = every_site();
    let pages = baked(&site);
    let en = page(&pages, &Route::home(Lang::En));
    let authors: Vec<&str> = en
        .split("<meta name=\"citation_author\" content=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(authors, ["SAMPLE Ana", "EXAMPLE Bo", "TEST Chen"]);
    for tag in [
        "<meta name=\"citation_journal_title\" content=\"Journal of Sample Studies\">",
        "<meta name=\"citation_volume\" content=\"7\">",
        "<meta name=\"citation_issue\" content=\"3\">",
        "<meta name=\"citation_firstpage\" content=\"101\">",
        "<meta name=\"citation_lastpage\" content=\"125\">",
    ] {
        assert!(en.contains(tag), "{tag}");
    }
}

/// Side-by-side reading has a baked page for every address, under `both/`: the text in
/// Chinese and in English, each marked with its language, in a page that says it is
/// Chinese first.
#[test]
fn side_by_side_pages_are_baked_with_both_texts() {
    let site = site(None);
    let pages = baked(&site);
    let ds: &Dataset = &site.data;
    let routes = all_routes(ds, &site.shapes);
    let zh = routes.iter().filter(|r| r.lang == Lang::Zh).count();
    assert_eq!(routes.iter().filter(|r| r.lang == Lang::Both).count(), zh);
    for item in &ds.items {
        let html = page(&pages, &route(Lang::Both, View::Item(item.id.clone())));
        assert!(html.contains("<html lang=\"zh-Hans\""), "{}", item.id);
        for lang in [Lang::Zh, Lang::En] {
            let text = html_text(item.text.get(lang));
            assert!(without_tags(html).contains(&text), "{} {lang:?}", item.id);
        }
        assert!(html.contains("<span lang=\"en\""), "{}", item.id);
    }
}

#[test]
fn pages_hold_their_content_in_both_languages() {
    for site in every_site() {
        let pages = baked(&site);
        let ds: &Dataset = &site.data;
        for lang in [Lang::Zh, Lang::En] {
            for item in &ds.items {
                let html = page(&pages, &route(lang, View::Item(item.id.clone())));
                assert!(
                    html.contains(&html_text(item.title.get(lang))),
                    "{} {lang:?}",
                    item.id
                );
                assert!(
                    without_tags(html).contains(&html_text(item.text.get(lang))),
                    "{} {lang:?}",
                    item.id
                );
                for figure in item.figures.iter().filter_map(|f| ds.figure(f)) {
                    assert!(
                        html.contains(&html_text(&figure_value(ds, figure, lang))),
                        "{} on {}",
                        figure.id,
                        item.id
                    );
                }
            }
            for country in ds.countries.iter().filter(|c| ds.has_profile(c)) {
                let html = page(&pages, &route(lang, View::Country(country.id.clone())));
                assert!(html.contains(&format!(
                    "<h1><span>{}</span></h1>",
                    html_text(country.name.get(lang))
                )));
                for figure in ds.figures_about(&country.id) {
                    assert!(
                        html.contains(&html_text(&figure_value(ds, figure, lang))),
                        "{} on {}",
                        figure.id,
                        country.id
                    );
                }
            }
            // Explore's baked page holds its first page of results and the button for more.
            let explore = page(&pages, &route(lang, View::Explore));
            assert_eq!(
                explore.matches("<article data-item=").count(),
                ds.items.len().min(cca_explorer::explore::PAGE_SIZE)
            );
            // The button is baked for the island, and shown only where results are left.
            let more = between(explore, "<button type=\"button\" data-island=\"more\"", ">")
                .expect("the button for more results");
            assert_eq!(
                !more.contains("hidden"),
                ds.items.len() > cca_explorer::explore::PAGE_SIZE
            );
            let overview = page(&pages, &Route::home(lang));
            assert!(overview.contains(&html_text(ds.meta.summary.get(lang))));
            for id in &ds.meta.headline {
                let figure = ds.figure(id).expect("a headline figure exists");
                assert!(overview.contains(&html_text(&figure_value(ds, figure, lang))));
            }
            let glossary = page(&pages, &route(lang, View::Glossary));
            for term in &ds.glossary {
                assert!(
                    glossary.contains(&html_text(&term.term.zh))
                        && glossary.contains(&html_text(&term.term.en))
                );
            }
            let sources = page(&pages, &route(lang, View::Sources));
            assert!(sources.matches("data-reference=").count() >= ds.references.len());
        }
    }
}

#[test]
fn charts_and_the_map_are_drawn_into_the_page_as_svg() {
    for site in every_site() {
        let pages = baked(&site);
        for route in all_routes(&site.data, &site.shapes) {
            let html = page(&pages, &route);
            match &route.view {
                View::Chart(id) => {
                    let body = between(html, "<main", "</main>").unwrap_or("");
                    assert!(
                        body.contains(&format!("data-chart=\"{id}\"")) && body.contains("<svg"),
                        "{id}"
                    );
                    // A narrow and a wide drawing; the stylesheet shows one.
                    assert!(body.contains("chart-narrow") && body.contains("chart-wide"));
                }
                View::Map(id) => {
                    let body = between(html, "<main", "</main>").unwrap_or("");
                    assert!(
                        body.contains("<svg") && body.contains("class=\"legend\""),
                        "map {id:?}"
                    );
                    // The chosen indicator is the selected option without the app.
                    if let Some(id) = id {
                        assert!(
                            body.contains(&format!("<option value=\"{id}\" selected")),
                            "map {id}"
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

#[test]
fn a_charts_table_files_and_points_work_from_its_baked_page() {
    for site in every_site() {
        let pages = baked(&site);
        let ds: &Dataset = &site.data;
        for lang in Lang::ALL {
            for indicator in charted_indicators(ds) {
                let here = route(lang, View::Chart(indicator.id.clone()));
                let html = page(&pages, &here);
                let folder = here.path();
                let spec = ChartSpec::for_indicator(ds, &indicator.id).expect("charted");
                let figures: Vec<&str> = spec.figures().map(|f| f.id.as_str()).collect();
                let chart = between(html, "<figure data-chart=", "</figure>").expect("a chart");
                // The table is baked beside the drawing, a row per figure.
                let table =
                    between(chart, "<table class=\"chart-table\">", "</table>").expect("a table");
                assert_eq!(
                    table.matches("<tr data-figure=").count(),
                    figures.len(),
                    "{}",
                    indicator.id
                );
                // Each point or bar, in both drawings, is a link to its figure's page.
                for id in &figures {
                    let link = here.with_view(View::Fact(id.to_string())).href_from(&here);
                    assert!(pages.contains_key(&format!("{}index.html", resolve(&folder, &link))));
                    let mark = format!("<a href=\"{link}\" class=\"mark");
                    assert_eq!(chart.matches(&mark).count(), 2, "{id} in {}", indicator.id);
                }
                // Its page, and a file the build wrote for each download button, with a slot
                // for the address the browser fills in.
                let own = attribute_values(chart, "data-page");
                assert_eq!(own.len(), 1);
                assert_eq!(resolve(&folder, own[0]), folder);
                let files = attribute_values(chart, "data-file");
                assert_eq!(files.len(), 3, "SVG, PNG and CSV");
                for file in files {
                    let written = &pages[&resolve(&folder, file)];
                    assert_eq!(written.matches(ADDRESS_SLOT).count(), 1, "{file}");
                    if file.ends_with(".csv") {
                        assert!(written.starts_with('\u{FEFF}'), "{file}: byte-order mark");
                        for id in &figures {
                            assert!(written.contains(&format!("\r\n{id},")), "{id} in {file}");
                        }
                    } else {
                        assert!(written.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
                        assert!(written.contains(&escape(indicator.name.get(lang.single()))));
                        for id in &figures {
                            assert!(
                                written.contains(&format!("data-figure=\"{id}\"")),
                                "{id} in {file}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_datasets_citation_is_baked_with_slots_the_loader_fills_in() {
    let site = site(None);
    let pages = baked(&site);
    for lang in Lang::ALL {
        let here = route(lang, View::Sources);
        let html = page(&pages, &here);
        let cite = between(html, "data-cite=\"dataset\"", "</details>").expect("a cite box");
        // The site's root, relative to the page.
        let root = attribute_values(cite, "data-fill-in");
        assert_eq!(root.len(), 1);
        assert_eq!(resolve(&here.path(), root[0]), "");
        let fields: Vec<&str> = cite.split("<textarea").skip(1).collect();
        assert_eq!(
            fields.len(),
            4 * lang.singles().len(),
            "every style in each language"
        );
        for field in fields {
            let text = between(field, ">", "</textarea>").unwrap_or("");
            assert_eq!(text.matches(ADDRESS_SLOT).count(), 1, "{field}");
            assert_eq!(text.matches(ACCESSED_SLOT).count(), 1, "{field}");
        }
    }
}

/// Every control of every baked page works without the app: the page's loader
/// (src/boot.js) or an island does what it does, as these attributes say.
#[test]
fn every_control_of_every_page_works_without_the_app() {
    for site in every_site() {
        let pages = baked(&site);
        let handled = [
            "data-option=",          // the theme switch (the language switch is links)
            "data-copy=",            // a copy button
            "data-file=",            // a chart's download, or Explore's selection (its island's)
            "data-action=\"table\"", // a chart's table
            "data-dismiss",          // the download notice's button
            "data-island=",          // an island's control
            "data-island-use=",      // the button that starts an island
            "type=\"submit\"",       // a form's (the 404 page's search)
        ];
        let mut controls = 0;
        for (path, html) in pages.iter().filter(|(p, _)| p.ends_with(".html")) {
            // The embed dialog's own buttons are its island's.
            let outside_dialog = html
                .split("<dialog")
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part
                    } else {
                        part.split_once("</dialog>").map_or("", |(_, rest)| rest)
                    }
                })
                .collect::<String>();
            for button in outside_dialog.split("<button").skip(1) {
                let tag = &button[..button.find('>').unwrap_or(button.len())];
                assert!(
                    handled.iter().any(|a| tag.contains(a)),
                    "{path}: <button{tag}>"
                );
                controls += 1;
            }
            for select in outside_dialog.split("<select").skip(1) {
                let list = &select[..select.find("</select>").unwrap_or(select.len())];
                let options = list.matches("<option").count();
                assert_eq!(
                    list.matches(" data-href=\"").count(),
                    options,
                    "{path}: every choice opens a page"
                );
            }
            assert!(
                !html.contains("data-live"),
                "{path}: a part only the app draws"
            );
        }
        assert!(controls > 1000, "only {controls} controls");
    }
}

#[test]
fn every_link_leads_to_a_baked_page_or_a_file_of_the_site() {
    for site in every_site() {
        let pages = baked(&site);
        let mut checked = 0;
        for (path, html) in &pages {
            if path == "404.html" || !path.ends_with(".html") {
                continue; // 404.html links relative to the root through its <base>.
            }
            // A page's folder; Explore's row files sit beside its page (and link as it does).
            let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
            // Links, and the addresses the loader follows: a chart's page and files, the
            // map's list's choices (src/boot.js).
            let followed = ["src", "data-href", "data-page", "data-file"];
            for value in attribute_values(html, "href").into_iter().chain(
                followed
                    .iter()
                    .flat_map(|name| attribute_values(html, name)),
            ) {
                if value.starts_with('#')
                    || value.starts_with("https://")
                    || value.starts_with("http://")
                {
                    continue;
                }
                let target = resolve(folder, value.split(['?', '#']).next().unwrap_or(""));
                let exists = if target.is_empty() || target.ends_with('/') {
                    pages.contains_key(&format!("{target}index.html"))
                } else {
                    pages.contains_key(&target)
                        || ASSETS.contains(&target.as_str())
                        || ["root.js", "early.js"].contains(&target.as_str())
                };
                assert!(exists, "{path} links to {value}, which is not there");
                checked += 1;
            }
            // No inline script: the module loader is a file, at a path relative to the page.
            assert!(
                !html.contains("<script>") && !html.contains("<script type=\"module\">"),
                "{path}"
            );
            if !path.ends_with("index.html") {
                continue; // A row file is a fragment of Explore's page, with no head.
            }
            let loader =
                between(html, "<script type=\"module\" src=\"", "\"").expect("a module loader");
            let boot = resolve(folder, loader);
            assert!(
                boot.starts_with("boot-") && pages.contains_key(&boot),
                "{path}: {loader}"
            );
            assert!(
                html.contains(&format!(
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
                )),
                "{path}"
            );
        }
        assert!(checked > 5_000, "only {checked} links were checked");
    }
}

/// `link` resolved from a page in `folder` (both relative to the site's root).
fn resolve(folder: &str, link: &str) -> String {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    let ends_in_folder = link.is_empty() || link.ends_with('/');
    for part in link.split('/').filter(|p| !p.is_empty()) {
        match part {
            "." => {}
            ".." => {
                assert!(
                    parts.pop().is_some(),
                    "{link} climbs above the site's root from {folder}"
                );
            }
            other => parts.push(other),
        }
    }
    let mut out = parts.join("/");
    if ends_in_folder && !out.is_empty() {
        out.push('/');
    }
    out
}

#[test]
fn the_root_offers_both_languages_and_sends_the_reader_on() {
    let site = site(None);
    let pages = baked(&site);
    let root = &pages["index.html"];
    assert!(root.contains("<script src=\"root.js\"></script>"));
    assert!(root.contains("href=\"zh/\"") && root.contains("href=\"en/\""));
    assert!(!root.contains("hreflang="));
}

#[test]
fn the_not_found_page_is_bilingual_with_a_search_and_a_way_back() {
    let site = site(None);
    let pages = baked(&site);
    let page = &pages["404.html"];
    assert!(
        page.contains("Page not found") || page.contains("not found"),
        "{page}"
    );
    assert!(page.contains("找不到"));
    assert!(page.contains("action=\"zh/explore/\"") && page.contains("action=\"en/explore/\""));
    assert!(page.contains("name=\"q\""));
    assert!(page.contains("href=\"en/\"") && page.contains("href=\"zh/\""));
    assert!(
        page.contains("createElement('base')") && page.contains("href=\\\"main-89abcdef.css\\\"")
    );
    assert!(page.contains("noindex"));
    // Its one inline script is allowed by its hash, and nothing else inline is.
    let script = between(page, "<script>", "</script>").expect("the base-finding script");
    assert!(
        !page.contains("<link rel=\"stylesheet\""),
        "written by the script only"
    );
    let hash = sha256_base64(script.as_bytes());
    let policy = CSP.replacen(
        "script-src 'self'",
        &format!("script-src 'self' 'sha256-{hash}'"),
        1,
    );
    assert!(page.contains(&format!("content=\"{policy}\"")), "{page}");
}

#[test]
fn the_not_found_page_finds_the_root_without_a_language_folder_by_asking_the_folders_above() {
    let pages = baked(&site(None));
    let script = between(&pages[NOT_FOUND_PAGE], "<script>", "</script>").expect("a script");
    // A file every build has at its root, asked for without its body.
    assert!(
        script.contains("fetch(f+'root.js',{method:'HEAD'})"),
        "{script}"
    );
    // A <base> already there (the service worker's, offline) is kept.
    assert!(script.contains("if(d.querySelector('base'))return d.write(t);"));
    assert!(
        !script.contains("</"),
        "nothing in it ends the script element"
    );
}

#[test]
fn the_header_policy_allows_the_not_found_pages_script_by_its_hash() {
    let pages = baked(&site(None));
    let script =
        between(&pages[NOT_FOUND_PAGE], "<script>", "</script>").expect("the base-finding script");
    let hash = format!("'sha256-{}'", sha256_base64(script.as_bytes()));
    let headers = &pages[HEADERS_FILE];
    // The policy is sent with every address (a host serves 404.html at any of them).
    let (_, every) = headers.split_once("\n/*\n").expect("a rule for every path");
    let policy = every
        .lines()
        .take_while(|line| line.starts_with("  "))
        .find_map(|line| line.trim().strip_prefix("Content-Security-Policy: "))
        .expect("a Content-Security-Policy for every path");
    let scripts = policy
        .split(';')
        .map(str::trim)
        .find(|directive| directive.starts_with("script-src "))
        .expect("a script-src");
    assert!(
        scripts.split(' ').any(|source| source == hash),
        "{scripts} lacks {hash}"
    );
    // Apart from that hash, the header is the policy every page carries.
    assert_eq!(policy.replacen(&format!(" {hash}"), "", 1), CSP);
    assert!(every.contains("  Access-Control-Allow-Origin: *\n"));
    // Files with a content hash are cached for a year; the rest is left to revalidate.
    for file in [
        "main-89abcdef.css",
        "app-89abcdef.js",
        "app-89abcdef_bg.wasm",
    ] {
        assert!(
            headers.contains(&format!(
                "\n/{file}\n  Cache-Control: public, max-age=31536000, immutable\n"
            )),
            "{file}: {headers}"
        );
    }
    let boot = pages
        .keys()
        .find(|p| p.starts_with("boot-"))
        .expect("a loader");
    assert!(headers.contains(&format!("\n/{boot}\n  Cache-Control: public")));
    assert!(!headers.contains("early.js") && !headers.contains("/en/"));
    // With the public address the 404 page has a static <base> and no script to allow.
    let public = baked(&site(Some("https://example.org/cca/")));
    assert!(!public[NOT_FOUND_PAGE].contains("<script"));
    assert!(public[HEADERS_FILE].contains(&format!("Content-Security-Policy: {CSP}\n")));
}

#[test]
fn the_service_worker_caches_the_app_the_downloads_the_404_page_and_the_list_of_pages() {
    let site = site(None);
    let pages = baked(&site);
    let worker = &pages["sw.js"];
    let list = |name: &str| -> Vec<String> {
        let from = format!("const {name} = ");
        let json = between(worker, &from, ";\n").unwrap_or_else(|| panic!("no {name}"));
        let json = json
            .strip_prefix("new Set(")
            .and_then(|j| j.strip_suffix(')'))
            .unwrap_or(json);
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let precache = list("PRECACHE");
    for lang in [Lang::Zh, Lang::En] {
        // A chart's files too: its download buttons work offline.
        let charts = charted_indicators(&site.data)
            .into_iter()
            .flat_map(|indicator| {
                FileKind::ALL.map(|kind| chart_file_path(&indicator.id, lang, kind))
            });
        for file in [
            cca_explorer::export::items_file(lang),
            cca_explorer::export::figures_file(lang),
        ]
        .into_iter()
        .chain(charts)
        {
            assert!(
                pages.contains_key(&file) && precache.contains(&file),
                "{file}"
            );
        }
    }
    for file in ASSETS.iter().chain(&[
        "",
        "zh/",
        "en/",
        "embed.js",
        "early.js",
        "root.js",
        NOT_FOUND_PAGE,
        PAGES_FILE,
    ]) {
        assert!(
            precache.iter().any(|p| p == file),
            "{file} is not precached"
        );
    }
    let boot = pages
        .keys()
        .find(|p| p.starts_with("boot-"))
        .expect("a loader");
    assert!(precache.contains(boot));
    let hashed = list("HASHED");
    assert!(hashed.iter().all(|f| precache.contains(f)));
    assert!(hashed.contains(boot) && hashed.iter().any(|f| f == "app-89abcdef_bg.wasm"));
    assert!(!hashed
        .iter()
        .any(|f| f == "early.js" || f.starts_with("data/")));
    // The list of pages is a file of its own, read offline only.
    assert!(worker.contains(&format!("const PAGES = \"{PAGES_FILE}\";")));
    let known: Vec<String> = serde_json::from_str(&pages[PAGES_FILE]).expect("a list of pages");
    assert!(known.iter().any(String::is_empty), "the root is a page");
    let routes = all_routes(&site.data, &site.shapes);
    assert_eq!(known.len(), routes.len() + 1, "every page and the root");
    for route in &routes {
        assert!(known.contains(&route.path()), "{}", route.path());
    }
    for placeholder in [
        "__RELEASE__",
        "__PRECACHE__",
        "__HASHED__",
        "__PAGES__",
        "__NOT_FOUND__",
    ] {
        assert!(!worker.contains(placeholder), "{placeholder} is filled");
    }
}

#[test]
fn the_module_loader_is_a_file_that_starts_the_app_once_the_page_has_loaded() {
    let pages = baked(&site(None));
    let boots: Vec<&String> = pages.keys().filter(|p| p.starts_with("boot-")).collect();
    assert_eq!(boots.len(), 1);
    let boot = &pages[boots[0]];
    // The module, and the chunks' loader it imports, are fetched side by side.
    assert!(
        boot.contains("[\"./app-89abcdef.js\", ...[\"./app-split-89abcdef.js\"]]"),
        "{boot}"
    );
    assert!(
        boot.contains("module_or_path: new URL(\"./app-89abcdef_bg.wasm\", import.meta.url)"),
        "{boot}"
    );
    assert!(boot.contains("addEventListener(\"load\", start"), "{boot}");
    // The service worker caches what the loader loads, the loader itself too.
    let worker = &pages["sw.js"];
    for file in [
        "\"app-89abcdef.js\"",
        "\"app-89abcdef_bg.wasm\"",
        &format!("\"{}\"", boots[0]),
    ] {
        assert!(
            worker.contains(file),
            "{file} not in the precache: {worker}"
        );
    }
    // The page fetches nothing of the app by itself, so a reader without scripts
    // downloads none of it: it names the files, the main wasm first, and `early.js`
    // (which comes after the names) asks for them.
    let overview = &pages["en/index.html"];
    assert!(overview.contains(
        "<meta name=\"app-preload\" content=\"../app-89abcdef_bg.wasm\">\n\
         <meta name=\"app-preload\" content=\"../data/core.json\">"
    ));
    assert!(!overview.contains("rel=\"preload\"") && !overview.contains("modulepreload"));
    let named = overview.find("app-preload").expect("names");
    assert!(overview.find("early.js").is_some_and(|early| early > named));
    assert!(pages["en/map/index.html"].contains("content=\"../../data/map.json\""));
}

/// Base64 of a SHA-256, computed here independently of the bake's own encoder.
fn sha256_base64(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let alphabet: Vec<char> = ('A'..='Z')
        .chain('a'..='z')
        .chain('0'..='9')
        .chain(['+', '/'])
        .collect();
    let bits: String = digest.iter().map(|b| format!("{b:08b}")).collect();
    let mut out: String = bits
        .as_bytes()
        .chunks(6)
        .map(|c| {
            let s = format!("{:0<6}", String::from_utf8_lossy(c));
            alphabet[usize::from_str_radix(&s, 2).expect("binary")]
        })
        .collect();
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}

#[test]
fn a_public_address_gives_absolute_links_a_sitemap_and_robots() {
    let site = site(Some("https://example.org/cca/"));
    let pages = baked(&site);
    let item = page(
        &pages,
        &route(Lang::En, View::Item(site.data.items[0].id.clone())),
    );
    let path = format!("en/items/{}/", site.data.items[0].id);
    assert!(item.contains(&format!(
        "<link rel=\"canonical\" href=\"https://example.org/cca/{path}\">"
    )));
    assert!(item.contains(&format!(
        "<meta property=\"og:url\" content=\"https://example.org/cca/{path}\">"
    )));
    assert!(item.contains(&format!(
        "hreflang=\"zh-Hans\" href=\"https://example.org/cca/zh/items/{}/\"",
        site.data.items[0].id
    )));
    assert!(item.contains("hreflang=\"x-default\" href=\"https://example.org/cca/\""));
    let sitemap = &pages["sitemap.xml"];
    let routes = all_routes(&site.data, &site.shapes);
    // The side-by-side pages hold the same text as the two: not listed.
    let single = routes.iter().filter(|r| r.lang != Lang::Both).count();
    assert_eq!(sitemap.matches("<loc>").count(), single);
    assert!(!sitemap.contains("/both/"));
    assert!(sitemap.contains(&format!("<loc>https://example.org/cca/{path}</loc>")));
    assert!(pages["robots.txt"].contains("Sitemap: https://example.org/cca/sitemap.xml"));
    assert!(pages["404.html"].contains("<base href=\"https://example.org/cca/\">\n<link rel=\"stylesheet\" href=\"main-89abcdef.css\">"));
    // Without a public address there is neither.
    let plain = baked(&self::site(None));
    assert!(!plain.contains_key("sitemap.xml") && !plain.contains_key("robots.txt"));
    assert!(!plain
        .values()
        .any(|html| html.contains("rel=\"canonical\"")));
}

#[test]
fn the_build_writes_every_item_and_figure_as_csv_in_both_languages() {
    let site = site(None);
    let pages = baked(&site);
    let ds: &Dataset = &site.data;
    for lang in [Lang::Zh, Lang::En] {
        let items = &pages[&cca_explorer::export::items_file(lang)];
        let figures = &pages[&cca_explorer::export::figures_file(lang)];
        for file in [items, figures] {
            assert!(file.starts_with('\u{FEFF}'), "byte-order mark");
            assert!(file.contains(&ds.meta.dataset_version), "names its version");
        }
        for item in &ds.items {
            assert!(
                items.contains(&format!("\r\n{},{},", item.id, item.kind.id())),
                "{}",
                item.id
            );
        }
        for f in &ds.figures {
            assert!(figures.contains(&format!("\r\n{},", f.id)), "{}", f.id);
        }
    }
}

#[test]
fn each_page_preloads_the_main_wasm_and_the_code_of_its_own_view_and_the_overview_no_chunk() {
    let site = site(None);
    let pages = baked(&site);
    let split = SplitWasm::parse(SPLIT).expect("the manifest reads");
    for route in all_routes(&site.data, &site.shapes) {
        let html = page(&pages, &route);
        let preloaded: BTreeSet<&str> = attribute_values(html, "content")
            .into_iter()
            .filter(|v| v.ends_with(".wasm"))
            .map(|v| v.trim_start_matches("../"))
            .collect();
        let mut expected: BTreeSet<&str> = ViewChunk::of(&route.view)
            .map(|chunk| {
                split.splits[chunk.chunk().name()]
                    .iter()
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default();
        expected.insert("app-89abcdef_bg.wasm");
        assert_eq!(preloaded, expected, "{}", route.path());
    }
    assert!(ViewChunk::of(&View::Overview).is_none());
}

#[test]
fn only_explore_names_an_island_before_early_js_and_no_page_starts_the_app_at_load() {
    let site = site(None);
    let pages = baked(&site);
    let mut with_island = BTreeSet::new();
    for route in all_routes(&site.data, &site.shapes) {
        let html = page(&pages, &route);
        assert!(!html.contains("name=\"app-start\""), "{}", route.path());
        let Some(at) = html.find("<meta name=\"island\"") else {
            continue;
        };
        // early.js reads it (to fetch the island's files at once), so it comes first.
        assert!(at < html.find("early.js").unwrap_or(0), "{}", route.path());
        let prefix = "../".repeat(route.path().matches('/').count());
        let meta = &html[at..at + html[at..].find('>').unwrap_or(0)];
        assert_eq!(
            meta,
            format!(
                "<meta name=\"island\" content=\"explore\" \
                 data-module=\"{prefix}explore-island-0123456789abcdef.js\" \
                 data-wasm=\"{prefix}explore-island-0123456789abcdef_bg.wasm\" \
                 data-index=\"{prefix}data/explore.json\""
            ),
            "{}",
            route.path()
        );
        with_island.insert(route.path());
    }
    assert_eq!(
        with_island,
        Lang::ALL
            .map(|lang| route(lang, View::Explore).path())
            .into()
    );
}

/// An attribute's value as the browser reads it.
fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn every_page_bakes_its_embed_dialog_for_the_island_without_loading_a_preview() {
    let site = site(None);
    let pages = baked(&site);
    for route in all_routes(&site.data, &site.shapes) {
        let html = page(&pages, &route);
        let prefix = "../".repeat(route.path().matches('/').count());
        assert!(
            html.contains(&format!(
                "<meta name=\"island-on-use\" content=\"embed\" \
                 data-module=\"{prefix}embed-island-0123456789abcdef.js\" \
                 data-wasm=\"{prefix}embed-island-0123456789abcdef_bg.wasm\">"
            )),
            "{}: the embed island is named",
            route.path()
        );
        let Some(at) = html.find("<dialog") else {
            panic!("{}: no embed dialog", route.path());
        };
        let dialog = &html[at..at + html[at..].find("</dialog>").unwrap_or(0)];
        assert!(dialog.contains("data-island=\"embed\""), "{}", route.path());
        assert!(
            !dialog[..dialog.find('>').unwrap_or(0)].contains(" open"),
            "{}: the dialog is closed",
            route.path()
        );
        // A frame, even closed and without an address, is a document on every load: the
        // preview is in a template until the island puts it in.
        let frames = dialog.matches("<iframe").count();
        let in_template = between(
            dialog,
            "<template class=\"embed-preview-frame\">",
            "</template>",
        )
        .is_some_and(|t| t.starts_with("<iframe ") && t.contains("class=\"embed-preview\""));
        assert!(frames == 1 && in_template, "{}: {dialog}", route.path());
        assert!(
            dialog.contains("class=\"embed-preview\""),
            "{}",
            route.path()
        );
        assert!(
            !dialog.contains("src="),
            "{}: the preview loads nothing",
            route.path()
        );
        // This view's option names its frame's page title in every language, and its height.
        let view = &dialog[dialog.find("<option value=\"view\"").unwrap_or(0)..];
        let view = &view[..view.find('>').unwrap_or(0)];
        for lang in Lang::ALL {
            let framed = embed::framed_route(&route.with_lang(lang), &embed::Target::ThisView);
            let title = page_title(Some(&site.data), &framed);
            let attr = format!("data-title-{}=\"", lang.code());
            let baked = view
                .find(&attr)
                .map(|at| &view[at + attr.len()..])
                .and_then(|rest| rest.split('"').next())
                .map(unescape);
            assert_eq!(baked, Some(title), "{}: {view}", route.path());
        }
        let height = embed::default_height(&route.view);
        assert!(
            view.contains(&format!("data-height=\"{height}\"")),
            "{}: {view}",
            route.path()
        );
    }
}

#[test]
fn explores_index_and_row_files_hold_every_item_once_per_language() {
    for site in every_site() {
        let pages = baked(&site);
        let index: ExploreIndex =
            serde_json::from_str(&pages[EXPLORE_INDEX_FILE]).expect("the index reads");
        let ids: Vec<&str> = site.data.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(index.ids, ids);
        for lang in Lang::ALL {
            let explore = route(lang, View::Explore).path();
            let mut rows = Vec::new();
            for (path, html) in &pages {
                let Some(file) = path.strip_prefix(&explore) else {
                    continue;
                };
                if !(file.starts_with("rows-") && file.ends_with(".html")) {
                    continue;
                }
                // Each file holds the rows its name says (see `explore::rows_file`).
                let first: usize = file["rows-".len()..file.len() - ".html".len()]
                    .parse()
                    .expect("a row file's number");
                let in_file: Vec<&str> = html
                    .split("data-item=\"")
                    .skip(1)
                    .filter_map(|rest| rest.split('"').next())
                    .collect();
                assert_eq!(rows_file(first * ROWS_PER_FILE).0, file, "{path}");
                assert_eq!(
                    in_file,
                    ids[first * ROWS_PER_FILE..ids.len().min((first + 1) * ROWS_PER_FILE)],
                    "{path}"
                );
                // Shown: the island hides a row itself where a selection leaves it out.
                let row_tags = html.split('<').filter(|tag| tag.contains("data-item="));
                assert!(row_tags.clone().count() == in_file.len(), "{path}");
                for tag in row_tags {
                    let tag = tag.split('>').next().unwrap_or_default();
                    assert!(!tag.contains(" hidden"), "{path}: {tag}");
                }
                rows.extend(in_file);
            }
            rows.sort_unstable();
            let mut all = ids.clone();
            all.sort_unstable();
            assert_eq!(rows, all, "{explore}");
        }
        let worker = &pages["sw.js"];
        assert!(worker.contains(EXPLORE_INDEX_FILE) && worker.contains("zh/explore/rows-0.html"));
    }
}

#[test]
fn the_chunks_and_their_loader_are_cached_for_good_and_precached_for_offline_use() {
    let pages = baked(&site(None));
    let worker = &pages["sw.js"];
    let headers = &pages[HEADERS_FILE];
    let split = SplitWasm::parse(SPLIT).expect("the manifest reads");
    for file in split.chunks.iter().chain([&split.loader]) {
        assert!(
            worker.contains(&format!("\"{file}\"")),
            "{file} is precached"
        );
        assert!(
            headers.contains(&format!(
                "/{file}\n  Cache-Control: public, max-age=31536000, immutable"
            )),
            "{file} is immutable"
        );
    }
}

#[test]
fn a_split_manifest_without_every_chunk_the_app_loads_is_refused() {
    for chunk in Chunk::ALL {
        let manifest = SPLIT.replace(&format!("\"{}\":", chunk.name()), "\"other\":");
        let error = SplitWasm::parse(&manifest).expect_err("a chunk is missing");
        assert!(error.contains(chunk.name()), "{error}");
    }
    assert!(SplitWasm::parse("{\"loader\": 1}").is_err());
    assert!(SplitWasm::parse(SPLIT).is_ok());
}

#[test]
fn every_view_is_drawn_by_the_code_of_its_own_chunk() {
    // A view left out of its chunk's drawing function would bake (and show) an empty
    // main area: every page's main area has its heading.
    let site = site(None);
    let pages = baked(&site);
    for route in all_routes(&site.data, &site.shapes) {
        let html = page(&pages, &route);
        let main = between(html, "<main", "</main>").unwrap_or("");
        assert!(main.contains("<h1"), "{} has no heading", route.path());
    }
}

#[test]
fn the_overview_preloads_the_datasets_core_and_every_other_page_the_whole() {
    let site = site(None);
    let pages = baked(&site);
    for route in all_routes(&site.data, &site.shapes) {
        let preloaded: BTreeSet<&str> = attribute_values(page(&pages, &route), "content")
            .into_iter()
            .filter(|v| v.contains("data/") && !v.ends_with("map.json"))
            .map(|v| v.trim_start_matches("../"))
            .collect();
        let expected = if route.view == View::Overview {
            CORE_FILE
        } else {
            DATASET_FILE
        };
        assert_eq!(preloaded, BTreeSet::from([expected]), "{}", route.path());
        assert_eq!(DataPart::of(&route.view).file(), expected);
    }
    // The root only sends readers on: it preloads no data.
    assert!(!pages["index.html"].contains("app-preload"));
}

#[test]
fn the_overview_drawn_from_the_core_is_the_same_as_from_the_whole() {
    for site in every_site() {
        let core_file = core_json(&site.served_dataset).expect("the core is cut");
        let core: Dataset = serde_json::from_str(&core_file).expect("the core reads as a dataset");
        assert!(core.items.len() < site.data.items.len() && core.links.is_empty());
        for lang in Lang::ALL {
            let route = route(lang, View::Overview);
            let from_core = bake_body(Arc::new(core.clone()), site.shapes.clone(), route.clone());
            let from_whole = bake_body(site.data.clone(), site.shapes.clone(), route);
            assert!(from_whole.contains("figure-card"));
            assert_eq!(from_core, from_whole, "{lang:?}");
        }
    }
}

#[test]
fn the_served_data_files_are_the_ones_the_app_trusts_and_precached() {
    use sha2::{Digest, Sha256};
    let hex = |text: &str| -> String {
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let pages = baked(&site(None));
    assert_eq!(hex(&pages[DATASET_FILE]), SERVED_SHA256);
    assert_eq!(hex(&pages[CORE_FILE]), SERVED_CORE_SHA256);
    // The core is what makes the overview's first visit small: far less than the whole.
    assert!(pages[CORE_FILE].len() * 3 < pages[DATASET_FILE].len());
    for file in [DATASET_FILE, CORE_FILE] {
        assert!(pages["sw.js"].contains(&format!("\"{file}\"")), "{file}");
    }
}

/// Every relation of the argument shows in the argument page and on the items at both its
/// ends, in the reader's words in either language, with each link's reason.
#[test]
fn the_argument_shows_every_relation_in_both_languages() {
    use cca_explorer::data::Relation;
    use cca_explorer::i18n::{tr, UiPick};
    let site = site(None);
    let pages = baked(&site);
    let ds: &Dataset = &site.data;
    let labels = |relation: Relation| -> [UiPick; 2] {
        match relation {
            Relation::Answers => [|u| u.argument_answers, |u| u.argument_answered_by],
            Relation::Supports => [|u| u.argument_supports, |u| u.argument_supported_by],
            Relation::Grounds => [|u| u.argument_grounds, |u| u.argument_grounded_by],
            Relation::PartOf => [|u| u.argument_part_of, |u| u.argument_parts],
            Relation::Addresses => [|u| u.argument_addresses, |u| u.argument_addressed_by],
        }
    };
    for lang in [Lang::Zh, Lang::En] {
        let map = page(&pages, &route(lang, View::Argument));
        assert!(map.contains(&html_text(&tr(lang, |u| u.argument_approach))));
        for relation in Relation::ALL {
            let link = ds
                .links
                .iter()
                .find(|l| l.relation == relation)
                .unwrap_or_else(|| panic!("no {} link in the dataset", relation.id()));
            assert!(
                map.contains(&format!("data-relation=\"{}\"", relation.id())),
                "{lang:?} {}",
                relation.id()
            );
            let [out, into] = labels(relation);
            for (end, label) in [(&link.from, out), (&link.to, into)] {
                let html = page(&pages, &route(lang, View::Item(end.clone())));
                assert!(
                    html.contains(&html_text(&tr(lang, label))),
                    "{end} {lang:?} {}",
                    relation.id()
                );
                assert!(
                    without_tags(html).contains(&html_text(link.reason.get(lang))),
                    "{end} {lang:?}"
                );
            }
        }
    }
}

#[test]
fn the_argument_maps_headings_are_the_datasets_where_it_gives_them() {
    let site = site(None);
    let page = route(Lang::En, View::Argument);
    let own = bake_body(site.data.clone(), site.shapes.clone(), page.clone());
    assert!(
        own.contains("<h2>Central Asia's social problems</h2>"),
        "the dataset's heading"
    );
    assert!(
        own.contains("<h2>Recommendations</h2>"),
        "the generic heading the dataset leaves"
    );
    let mut generic = (*site.data).clone();
    generic.meta.role_headings.clear();
    let plain = bake_body(Arc::new(generic), site.shapes.clone(), page);
    assert!(plain.contains("<h2>Problems</h2>") && !plain.contains("social problems</h2>"));
}
