//! Every page of the site and what its head says about it: title, description, kind.
//! The build writes these into each baked page; the app keeps the title in step.

use crate::chart::charted_indicators;
use crate::data::Dataset;
use crate::format::figure_value;
use crate::i18n::{tr, Lang, UiPick};
use crate::map::{self, MapShapes};
use crate::url_state::{Route, View};

/// The views in the main navigation, in order, with their names.
pub const NAV: [(View, UiPick); 10] = [
    (View::Overview, |u| u.nav_overview),
    (View::Read, |u| u.nav_read),
    (View::Argument, |u| u.nav_argument),
    (View::Explore, |u| u.nav_explore),
    (View::Charts, |u| u.nav_charts),
    (View::Map(None), |u| u.nav_map),
    (View::Countries, |u| u.nav_countries),
    (View::Coverage, |u| u.nav_coverage),
    (View::Sources, |u| u.nav_sources),
    (View::Glossary, |u| u.nav_glossary),
];

/// The views that open with a lede, each with the code's generic one; a dataset may
/// give its own for a view (`meta.intros`, by the view's folder).
pub const LEDES: [(View, UiPick); 9] = [
    (View::Explore, |u| u.explore_intro),
    (View::Countries, |u| u.countries_intro),
    (View::Map(None), |u| u.map_intro),
    (View::Charts, |u| u.charts_intro),
    (View::Sources, |u| u.sources_intro),
    (View::Glossary, |u| u.glossary_intro),
    (View::Read, |u| u.read_intro),
    (View::Argument, |u| u.argument_intro),
    (View::Coverage, |u| u.coverage_intro),
];

/// A view's lede: the dataset's own, or the code's generic one; `None` for a view
/// without one.
pub fn lede(ds: &Dataset, view: &View, lang: Lang) -> Option<String> {
    let (view, generic) = LEDES.iter().find(|(v, _)| v == view)?;
    let own = view.folder().and_then(|folder| ds.meta.intros.get(folder));
    Some(own.map_or_else(|| tr(lang, generic), |text| text.joined(lang)))
}

/// Longest meta description, in characters: search engines cut longer ones.
pub const DESCRIPTION_CHARS: usize = 160;

/// Every page the site has, in Chinese and in English: the overview and each list
/// view, each item, each country with a profile, each chart, the map by each indicator.
pub fn all_routes(ds: &Dataset, shapes: &MapShapes) -> Vec<Route> {
    let mut views: Vec<View> = NAV.iter().map(|(view, _)| view.clone()).collect();
    views.extend(ds.items.iter().map(|i| View::Item(i.id.clone())));
    views.extend(ds.profiled().map(|c| View::Country(c.id.clone())));
    views.extend(
        charted_indicators(ds)
            .into_iter()
            .map(|i| View::Chart(i.id.clone())),
    );
    views.extend(ds.figures.iter().map(|f| View::Fact(f.id.clone())));
    views.extend(
        map::indicators(ds, shapes)
            .into_iter()
            .map(|i| View::Map(Some(i.id.clone()))),
    );
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            views.iter().map(move |view| Route {
                view: view.clone(),
                ..Route::home(lang)
            })
        })
        .collect()
}

/// The name of the navigation entry a view belongs to, if it is one.
pub fn section_name(view: &View, lang: Lang) -> Option<String> {
    NAV.iter()
        .find(|(target, _)| target.key() == view.key())
        .map(|(_, name)| tr(lang, name))
}

/// What the site is called (the dataset's `meta.site_name`); without a dataset (it
/// failed to load), a name that speaks of no article.
pub fn site_name(ds: Option<&Dataset>, lang: Lang) -> String {
    ds.map_or_else(
        || tr(lang, |u| u.explorer),
        |ds| ds.meta.site_name.joined(lang),
    )
}

/// What the page shows, in a few words: the record's name, or the view's.
fn subject(ds: &Dataset, route: &Route) -> Option<String> {
    let lang = route.lang;
    let text = |t: &crate::data::Text| t.joined(lang);
    Some(match &route.view {
        View::Overview => return None,
        View::Item(id) => text(&ds.item(id)?.title),
        View::Country(id) => text(&ds.country(id)?.name),
        View::Chart(id) => text(&ds.indicator(id)?.name),
        View::Fact(id) => {
            let figure = ds.figure(id)?;
            let name = text(&ds.indicator(&figure.indicator)?.name);
            let country = text(&ds.country(&figure.country)?.name);
            format!(
                "{name} · {country} · {}",
                figure_value(ds, figure, route.lang.single())
            )
        }
        View::Map(Some(id)) => format!(
            "{} · {}",
            tr(lang, |u| u.nav_map),
            text(&ds.indicator(id)?.name)
        ),
        other => section_name(other, lang)?,
    })
}

/// The document title: what the page shows, then the site's name. Without a dataset
/// (it failed to load) the view's name stands in for the record's.
pub fn page_title(ds: Option<&Dataset>, route: &Route) -> String {
    let app = site_name(ds, route.lang);
    let page = match ds {
        Some(ds) => subject(ds, route),
        None if route.view == View::Overview => None,
        None => section_name(&route.view, route.lang),
    };
    match page {
        Some(page) => format!("{page} · {app}"),
        None => app,
    }
}

/// One or two sentences on what the page holds, for search results and link previews.
pub fn page_description(ds: &Dataset, route: &Route) -> String {
    let lang = route.lang.single();
    let text = match &route.view {
        View::Overview => ds.meta.summary.get(lang).to_string(),
        View::Explore => lede(ds, &route.view, lang).unwrap_or_default(),
        View::Item(id) => ds
            .item(id)
            .map(|i| i.text.get(lang).to_string())
            .unwrap_or_default(),
        View::Countries => lede(ds, &route.view, lang).unwrap_or_default(),
        View::Country(id) => {
            let name = ds.country(id).map(|c| c.name.get(lang)).unwrap_or(id);
            format!(
                "{name}: {} {}, {} {}",
                tr(lang, |u| u.figures),
                ds.figures_about(id).len(),
                tr(lang, |u| u.items_naming),
                ds.items_naming(id).len()
            )
        }
        View::Chart(id) | View::Map(Some(id)) => ds
            .indicator(id)
            .map(|i| i.description.get(lang).to_string())
            .unwrap_or_default(),
        View::Map(None) => lede(ds, &route.view, lang).unwrap_or_default(),
        View::Fact(id) => ds
            .figure(id)
            .and_then(|f| ds.item(&f.item))
            .map(|i| i.text.get(lang).to_string())
            .unwrap_or_default(),
        View::Charts => lede(ds, &route.view, lang).unwrap_or_default(),
        View::Sources => lede(ds, &route.view, lang).unwrap_or_default(),
        View::Glossary => lede(ds, &route.view, lang).unwrap_or_default(),
        View::Read => lede(ds, &route.view, lang).unwrap_or_default(),
        View::Argument => lede(ds, &route.view, lang).unwrap_or_default(),
        View::Coverage => lede(ds, &route.view, lang).unwrap_or_default(),
    };
    shorten(&text, DESCRIPTION_CHARS)
}

/// The island that makes a part of a page of `view` live without the app (see
/// `crate::islands`): Explore's search, facets and list. The page names it with
/// `<meta name="island">` and the loader (`src/boot.js`) starts it at once. Every page
/// is whole as baked (links, folds, tables, drawings), and its other controls work without
/// the app (`src/boot.js`), so no first visit fetches the app.
pub fn island_of(view: &View) -> Option<&'static str> {
    matches!(view, View::Explore).then_some(crate::islands::EXPLORE)
}

/// Whether the page presents the article or a part of it, so reference managers and
/// scholarly search engines should read the article's `citation_*` tags there.
pub fn cites_article(route: &Route) -> bool {
    matches!(route.view, View::Overview | View::Item(_) | View::Read)
}

/// `text` cut to at most `max` characters, at a word or sentence break where there is
/// one near the end, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let at_break = cut
        .rfind([' ', '，', '。', '；', '、'])
        .filter(|&i| cut[..i].chars().count() > max * 2 / 3)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_break.trim_end_matches([',', ';', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Dataset {
        crate::data::load(include_str!("../tests/fixtures/minimal.json")).expect("valid fixture")
    }

    #[test]
    fn a_view_opens_with_the_datasets_lede_or_else_the_generic_one() {
        let mut ds = minimal();
        assert!(ds.meta.intros.is_empty());
        let generic = tr(Lang::En, |u| u.map_intro);
        assert_eq!(lede(&ds, &View::Map(None), Lang::En), Some(generic));
        ds.meta.intros.insert(
            "map".into(),
            crate::data::Text {
                zh: "本文的地图。".into(),
                en: "This article's map.".into(),
            },
        );
        assert_eq!(
            lede(&ds, &View::Map(None), Lang::En).as_deref(),
            Some("This article's map.")
        );
        assert_eq!(
            lede(&ds, &View::Map(None), Lang::Both).as_deref(),
            Some("本文的地图。 · This article's map.")
        );
        // Only the map's: the others keep theirs, and a record's page has none.
        assert_eq!(
            lede(&ds, &View::Argument, Lang::En),
            Some(tr(Lang::En, |u| u.argument_intro))
        );
        assert_eq!(lede(&ds, &View::Item("x".into()), Lang::En), None);
        // The page's description is the lede.
        let map = Route {
            view: View::Map(None),
            ..Route::home(Lang::En)
        };
        assert_eq!(page_description(&ds, &map), "This article's map.");
    }

    #[test]
    fn every_folders_own_page_has_a_lede_as_the_validator_assumes() {
        // `data::validate` takes a folder with a page of its own for a view with a lede.
        for folder in View::FOLDERS {
            let lede = LEDES
                .iter()
                .find(|(v, _)| v.folder() == Some(folder))
                .map(|(v, _)| v.clone());
            assert_eq!(View::of_folder(folder), lede, "{folder}");
        }
    }

    #[test]
    fn the_site_is_named_by_its_dataset_and_without_one_by_no_article() {
        let ds = minimal();
        let route = Route {
            view: View::Glossary,
            ..Route::home(Lang::Both)
        };
        assert_eq!(
            page_title(Some(&ds), &route),
            format!(
                "{} · 测试数据浏览 · Test Explorer",
                tr(Lang::Both, |u| u.nav_glossary)
            )
        );
        let overview = Route::home(Lang::En);
        assert_eq!(page_title(Some(&ds), &overview), "Test Explorer");
        assert_eq!(page_title(None, &overview), tr(Lang::En, |u| u.explorer));
    }

    #[test]
    fn short_text_is_kept_and_long_text_cut_with_an_ellipsis() {
        assert_eq!(shorten("  short  ", 10), "short");
        let cut = shorten("one two three four five six seven", 20);
        assert!(cut.ends_with('…') && cut.chars().count() <= 20, "{cut}");
        assert_eq!(cut, "one two three four…");
        let zh = shorten("一二三四五六七八九十一二三四五六七八九十", 10);
        assert_eq!(zh.chars().count(), 10);
    }
}
