//! "Cite": the article, or the article at an item's or a figure's place, in every
//! style of [`crate::cite`], each in a field of its own with a copy button (the loader's,
//! `src/boot.js`, with the app or without); and the dataset itself, whose citation needs
//! the site's address and today's date, filled in when the reader opens it.

use std::sync::Arc;

use leptos::prelude::*;

use super::Ctx;
use crate::cite::{cite, cite_dataset, Cited, Style};
use crate::data::Dataset;
use crate::export::{ACCESSED_SLOT, ADDRESS_SLOT};
use crate::i18n::{tr, Lang, UiPick};

/// What a cite box cites, by id (the record is looked up when drawing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CiteTarget {
    Item(String),
    Figure(String),
}

/// One citation text in a read-only field, with its copy button and a status line.
fn citation_field(id: String, label: String, text: String, lang: Lang) -> impl IntoView {
    // Enough rows for the text wrapped at about 60 columns (a Chinese character takes
    // two), so no citation starts cut off where `field-sizing` is not supported.
    let rows = text
        .lines()
        .map(|line| {
            let columns: usize = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            columns / 60 + 1
        })
        .sum::<usize>()
        .clamp(2, 14);
    let field_for_loader = id.clone();
    view! {
        <div class="cite-style">
            <label for=id.clone()>{label}</label>
            <textarea id=id readonly rows=rows spellcheck="false">{text}</textarea>
            // The loader copies the field's text and says how in the status (src/boot.js).
            <button type="button" class="button secondary" data-copy=field_for_loader
                data-copied=tr(lang, |u| u.copied) data-copy-by-hand=tr(lang, |u| u.copy_citation_by_hand)>
                {tr(lang, |u| u.copy_citation)}
            </button>
            <span class="muted small" role="status" data-copy-status=""></span>
        </div>
    }
}

/// A folded "Cite" box for an item or a figure (the article's: [`ArticleCiteBox`]).
#[component]
pub fn CiteBox(data: Arc<Dataset>, target: CiteTarget) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let (cited, key, summary): (Cited, String, UiPick) = match &target {
            CiteTarget::Item(id) => match data.item(id) {
                Some(item) => (Cited::Item(item), format!("item-{id}"), |u| {
                    u.cite_this_item
                }),
                None => return ().into_any(),
            },
            CiteTarget::Figure(id) => match data.figure(id) {
                Some(f) => (Cited::Figure(f), format!("figure-{id}"), |u| {
                    u.cite_this_figure
                }),
                None => return ().into_any(),
            },
        };
        let fields = citation_fields(&data, cited, &key, lang);
        view! {
            <details class="cite-box" data-cite=key>
                <summary>{tr(lang, summary)}</summary>
                <div class="cite-styles">{fields}</div>
            </details>
        }
        .into_any()
    }
}

/// The article's cite box on the overview: [`CiteBox`]'s, but in the browser its fields
/// are drawn when it is first opened, by a chunk's code (see `crate::chunks`), which
/// the overview's first visit then does without. Baked, they are in the page.
#[component]
pub fn ArticleCiteBox(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let opened = RwSignal::new(false);
    move || {
        let lang = ctx.lang();
        let fields = article_fields(data.clone(), opened, lang);
        view! {
            <details class="cite-box" data-cite="article" on:toggle=move |_| opened.set(true)>
                <summary>{tr(lang, |u| u.cite_article)}</summary>
                <div class="cite-styles">{fields}</div>
            </details>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn article_fields(data: Arc<Dataset>, opened: RwSignal<bool>, lang: Lang) -> impl IntoView {
    move || {
        opened
            .get()
            .then(|| super::lazy::article_citations(data.clone(), lang))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn article_fields(data: Arc<Dataset>, _opened: RwSignal<bool>, lang: Lang) -> impl IntoView {
    article_citations(&data, lang)
}

/// The article's citation in every style, a field each.
pub fn article_citations(data: &Dataset, lang: Lang) -> AnyView {
    citation_fields(data, Cited::Article, "article", lang)
}

/// A cited record in every style, each in its field; in both languages when the page
/// shows both, but GB/T 7714 once, in the article's language.
fn citation_fields(data: &Dataset, cited: Cited, key: &str, lang: Lang) -> AnyView {
    Style::ALL
        .into_iter()
        .flat_map(|style| {
            lang.singles().iter().filter_map(move |&l| {
                (style != Style::GbT7714 || l == lang.singles()[0]).then_some((style, l))
            })
        })
        .map(|(style, l)| {
            let text = cite(data, cited, style, l);
            let suffix = if lang == Lang::Both && style != Style::GbT7714 {
                format!(" ({})", l.code())
            } else {
                String::new()
            };
            citation_field(
                format!("cite-{key}-{}-{}", style.id(), l.code()),
                format!("{}{suffix}", style.name()),
                text,
                lang,
            )
        })
        .collect_view()
        .into_any()
}

/// The dataset's citation: it names the site's address and the day the reader consults
/// it, which only the browser knows. It is drawn with slots for both (`export`), which
/// the loader fills in (`src/boot.js`, `data-fill-in`: the site's root, relative to the
/// page): in a baked page at once, in one the app draws when the box is opened.
#[component]
pub fn DatasetCiteBox(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let fields = Style::ALL
            .into_iter()
            .flat_map(|style| lang.singles().iter().map(move |&l| (style, l)))
            .map(|(style, l)| {
                citation_field(
                    format!("cite-dataset-{}-{}", style.id(), l.code()),
                    format!("{} ({})", style.name(), l.code()),
                    cite_dataset(&data, style, l, ADDRESS_SLOT, ACCESSED_SLOT),
                    lang,
                )
            })
            .collect_view();
        view! {
            <details class="cite-box" data-cite="dataset" data-fill-in=ctx.root_path()>
                <summary>{tr(lang, |u| u.cite_dataset)}</summary>
                <div class="cite-styles">{fields}</div>
            </details>
        }
    }
}
