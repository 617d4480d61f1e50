//! Small pieces shared by the views: bilingual text, highlighted matches, figure
//! cards, links to records.

use leptos::prelude::*;

use super::provenance::provenance;
use super::Ctx;
use crate::data::{Dataset, Figure, Item, Locator, Text};
use crate::export::FigureSources;
use crate::format::{external_href, figure_value, figure_when, locator_label};
use crate::i18n::{kind_label, tr, voice_label, Lang};
use crate::url_state::{read_anchor, View};
use std::sync::Arc;

/// A dataset text in the display language, each language's part drawn by `part` (given
/// the text and whether it is English); in `both`, Chinese and English side by side,
/// each with its own `lang` so screen readers pronounce it right. Each language's span
/// is marked as one a search's matches are painted in if `matchable`
/// ([`crate::islands::highlight::MATCHABLE`]).
fn bilingual(
    text: &Text,
    lang: Lang,
    matchable: bool,
    part: impl Fn(&str, bool) -> AnyView,
) -> AnyView {
    let mark = matchable.then_some("");
    match lang {
        Lang::Both => view! {
            <span class="bi">
                <span lang="zh-Hans" data-matchable=mark>{part(&text.zh, false)}</span>
                <span lang="en" data-matchable=mark>{part(&text.en, true)}</span>
            </span>
        }
        .into_any(),
        _ => view! { <span data-matchable=mark>{part(text.get(lang), lang == Lang::En)}</span> }
            .into_any(),
    }
}

/// One language's part of a text as it is.
fn plain(part: &str, _english: bool) -> AnyView {
    part.to_string().into_any()
}

/// A dataset text in the display language (see [`bilingual`]).
pub fn bi(text: &Text, lang: Lang) -> AnyView {
    bilingual(text, lang, false, plain)
}

/// A dataset text in which a search's matches are painted (see [`super::highlight`]).
pub fn bi_matchable(text: &Text, lang: Lang) -> AnyView {
    bilingual(text, lang, true, plain)
}

/// A link to an item, titled in the display language, with its kind and whose
/// statement it is (so a title seen alone never passes an opinion off as a fact).
pub fn item_link(ctx: &Ctx, ds: &Dataset, item: &Item, lang: Lang) -> impl IntoView {
    let href = ctx.link(View::Item(item.id.clone()));
    view! {
        <a href=href class="item-link">
            <span class="kind-badge" data-kind=item.kind.id()>{kind_label(ds, item.kind, lang)}</span>
            " "{bi(&item.title, lang)}" "
            <span class="voice-badge" data-voice=item.voice.kind.id()>{voice_label(item.voice.kind, lang)}</span>
        </a>
    }
}

/// A list of links to items, or nothing when there are none.
pub fn item_links(ctx: &Ctx, ds: &Dataset, items: &[&Item], lang: Lang) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let links = items
            .iter()
            .map(|i| view! { <li>{item_link(ctx, ds, i, lang)}</li> })
            .collect_view();
        view! { <ul class="link-list">{links}</ul> }
    })
}

/// Whose statement an item is: the voice's label, and whose it is where it names one.
pub fn voice_badge(item: &Item, lang: Lang) -> impl IntoView {
    let by = item
        .voice
        .by
        .as_ref()
        .map(|by| view! { <span class="voice-by">" · "{bi(by, lang)}</span> });
    view! {
        <span class="voice-badge" data-voice=item.voice.kind.id()>
            {voice_label(item.voice.kind, lang)}{by}
        </span>
    }
}

/// The dataset's editorial note on an item (a misprint, a corrected tag), if any.
pub fn editor_note(item: &Item, lang: Lang) -> impl IntoView {
    item.note.as_ref().map(|note| {
        view! {
            <p class="editor-note">
                <span class="label">{tr(lang, |u| u.editor_note)}": "</span>{bi(note, lang)}
            </p>
        }
    })
}

/// A place in the article, linking to it in the reading view.
pub fn locator_link(ctx: &Ctx, ds: &Dataset, locator: &Locator, lang: Lang) -> impl IntoView {
    let href = ctx.link_to_place(View::Read, read_anchor(&locator.section, locator.paragraph));
    view! { <a href=href class="locator-link">{locator_label(ds, locator, lang)}</a> }
}

/// Where a chart's figures come from, with each place in the article a link to it in
/// the reading view; side by side, a line per language.
pub fn sources_note(ctx: &Ctx, ds: &Dataset, sources: &FigureSources, lang: Lang) -> impl IntoView {
    lang.singles()
        .iter()
        .map(|&single| {
            let places = sources
                .places
                .iter()
                .enumerate()
                .map(|(at, place)| {
                    view! { {(at > 0).then_some(", ")}{locator_link(ctx, ds, place, single)} }
                })
                .collect_view();
            let backing = sources
                .backing(single)
                .into_iter()
                .map(|text| view! { {FigureSources::separator(single)}{text} })
                .collect_view();
            view! {
                <p class="source small" lang=single.html_tag()>
                    {FigureSources::lead(ds, single)}" "{places}{backing}
                </p>
            }
        })
        .collect_view()
}

/// Whom a figure is about: its country, and the other side where it is about a relation.
pub fn figure_who(ds: &Dataset, f: &Figure, lang: Lang) -> impl IntoView {
    let country = ds.country(&f.country).map(|c| bi(&c.name, lang));
    let partner = f
        .partner
        .as_deref()
        .and_then(|p| ds.country(p))
        .map(|c| view! { <span class="partner">" ↔ "{bi(&c.name, lang)}</span> });
    view! { {country}{partner} }
}

/// A figure as a card: value with unit and qualifier, what it measures, for whom and
/// when, linking to the item that states it.
fn figure_card(ctx: &Ctx, ds: &Arc<Dataset>, f: &Figure, lang: Lang) -> impl IntoView {
    let indicator = ds.indicator(&f.indicator).map(|ind| bi(&ind.name, lang));
    let when = figure_when(f, lang);
    let href = ctx.link(View::Item(f.item.clone()));
    view! {
        <li class="card figure-card" data-figure=f.id.clone()>
            <a href=href class="figure-link">
                <span class="figure-value">{figure_value(ds, f, lang)}</span>
                <span class="figure-indicator">{indicator}</span>
            </a>
            <span class="figure-meta">
                {figure_who(ds, f, lang)}
                {(!when.is_empty()).then(|| view! { <span>" · "{when}</span> })}
            </span>
            {provenance(ctx, ds, f, lang)}
        </li>
    }
}

/// Figures as a grid of cards.
pub fn figure_cards<'a>(
    ctx: &Ctx,
    ds: &Arc<Dataset>,
    figures: impl IntoIterator<Item = &'a Figure>,
    lang: Lang,
) -> AnyView {
    let cards = figures
        .into_iter()
        .map(|f| figure_card(ctx, ds, f, lang))
        .collect_view();
    view! { <ul class="card-grid figures">{cards}</ul> }.into_any()
}

/// A URL from the dataset: a link when it is plain http(s), otherwise text.
pub fn external_link(url: &str) -> impl IntoView {
    match external_href(url) {
        Some(href) => {
            view! { <a href=href.to_string() rel="noopener noreferrer">{url.to_string()}</a> }
                .into_any()
        }
        None => view! { <span class="url-text">{url.to_string()}</span> }.into_any(),
    }
}

/// One language of a text with the glossary's terms marked: each a link to its entry,
/// with the term in both languages and its explanation shown on hover and focus. The
/// explanation lives in attributes (drawn by CSS, read by screen readers as the link's
/// description), so the text itself copies and reads as the article's sentence.
fn with_terms(ctx: &Ctx, ds: &Dataset, text: &str, english: bool) -> AnyView {
    crate::terms::mark(text, &ds.glossary, english)
        .into_iter()
        .map(|run| {
            let piece = run.text.to_string();
            match run.term.and_then(|i| ds.glossary.get(i)) {
                None => piece.into_any(),
                Some(term) => {
                    let explanation = if english { &term.explanation.en } else { &term.explanation.zh };
                    let tip = format!("{} · {}: {}", term.term.zh, term.term.en, explanation);
                    view! {
                        <a class="term" href=ctx.link_to_place(View::Glossary, term.id.clone()) data-tip=tip.clone() aria-description=tip>
                            {piece}
                        </a>
                    }
                    .into_any()
                }
            }
        })
        .collect_view()
        .into_any()
}

/// A dataset text in the display language with glossary terms marked (see [`bi`]).
pub fn bi_terms(ctx: &Ctx, ds: &Dataset, text: &Text, lang: Lang) -> AnyView {
    bilingual(text, lang, false, |part, english| {
        with_terms(ctx, ds, part, english)
    })
}

/// A text with glossary terms marked in which a search's matches are painted, in and
/// around the terms (Explore's results).
pub fn bi_terms_matchable(ctx: &Ctx, ds: &Dataset, text: &Text, lang: Lang) -> AnyView {
    bilingual(text, lang, true, |part, english| {
        with_terms(ctx, ds, part, english)
    })
}
