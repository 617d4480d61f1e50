//! Small pieces shared by the views: bilingual text, highlighted matches, figure
//! cards, links to records.

use leptos::prelude::*;

use super::Ctx;
use crate::data::{Dataset, Figure, Item, Text};
use crate::format::{external_href, figure_value, figure_when};
use crate::i18n::{kind_label, Lang};
use crate::search::Query;
use crate::url_state::View;

/// Text with the parts that match `query` wrapped in `<mark>`.
fn marked(text: &str, query: &Query) -> impl IntoView {
    query
        .highlight(text)
        .into_iter()
        .map(|(run, hit)| {
            if hit {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// A dataset text in the display language, matches marked; in `both`, Chinese and
/// English side by side, each with its own `lang` so screen readers pronounce it right.
pub fn bi_marked(text: &Text, lang: Lang, query: &Query) -> AnyView {
    match lang {
        Lang::Both => view! {
            <span class="bi">
                <span lang="zh-Hans">{marked(&text.zh, query)}</span>
                <span lang="en">{marked(&text.en, query)}</span>
            </span>
        }
        .into_any(),
        _ => view! { <span>{marked(text.get(lang), query)}</span> }.into_any(),
    }
}

/// A dataset text in the display language (see [`bi_marked`]).
pub fn bi(text: &Text, lang: Lang) -> AnyView {
    bi_marked(text, lang, &Query::default())
}

/// A link to an item, titled in the display language.
pub fn item_link(ctx: &Ctx, item: &Item, lang: Lang) -> impl IntoView {
    let href = ctx.link_to(View::Item(item.id.clone()));
    view! {
        <a href=href class="item-link">
            <span class="kind-badge" data-kind=item.kind.id()>{kind_label(item.kind, lang)}</span>
            " "{bi(&item.title, lang)}
        </a>
    }
}

/// A list of links to items, or nothing when there are none.
pub fn item_links(ctx: &Ctx, items: &[&Item], lang: Lang) -> impl IntoView {
    (!items.is_empty()).then(|| {
        let links = items
            .iter()
            .map(|i| view! { <li>{item_link(ctx, i, lang)}</li> })
            .collect_view();
        view! { <ul class="link-list">{links}</ul> }
    })
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
fn figure_card(ctx: &Ctx, ds: &Dataset, f: &Figure, lang: Lang) -> impl IntoView {
    let indicator = ds.indicator(&f.indicator).map(|ind| bi(&ind.name, lang));
    let when = figure_when(f, lang);
    let href = ctx.link_to(View::Item(f.item.clone()));
    view! {
        <li class="card figure-card" data-figure=f.id.clone()>
            <a href=href class="figure-link">
                <span class="figure-value">{figure_value(f, lang)}</span>
                <span class="figure-indicator">{indicator}</span>
            </a>
            <span class="figure-meta">
                {figure_who(ds, f, lang)}
                {(!when.is_empty()).then(|| view! { <span>" · "{when}</span> })}
            </span>
        </li>
    }
}

/// Figures as a grid of cards.
pub fn figure_cards<'a>(
    ctx: &Ctx,
    ds: &Dataset,
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
