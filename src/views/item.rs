//! One item in full: its text, figures, place in the article, sources and relations.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart::chart_grid;
use super::parts::{bi, external_link, figure_cards, item_links};
use super::{status, Ctx};
use crate::chart::charts_drawing;
use crate::data::{Dataset, Item};
use crate::format::{locator_label, section_number};
use crate::i18n::{kind_label, tr};

#[component]
pub fn ItemView(data: Arc<Dataset>, id: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let Some(item) = data.item(&id) else {
            return status::not_found(&ctx, lang).into_any();
        };
        let figures = figure_cards(
            &ctx,
            &data,
            item.figures.iter().filter_map(|f| data.figure(f)),
            lang,
        );
        let charts = chart_grid(
            &data,
            charts_drawing(&data, |f| item.figures.contains(&f.id)),
        );
        let section_titles = data
            .section_path(&item.locator.section)
            .into_iter()
            .map(|s| view! { <li>{section_number(&data, &s.id, lang)}" "{bi(&s.title, lang)}</li> })
            .collect_view();
        let references = item
            .references
            .iter()
            .filter_map(|r| data.reference(r))
            .map(
                |r| view! { <li value=r.number><span lang="zh-Hans">{r.entry.clone()}</span></li> },
            )
            .collect_view();
        let footnotes = item
            .footnotes
            .iter()
            .filter_map(|n| data.footnote(n))
            .map(|n| {
                view! {
                    <li>
                        <span class="marker">{n.marker.clone()}</span>" "{bi(&n.text, lang)}
                        {n.url.as_deref().map(|u| view! { " "{external_link(u)} })}
                    </li>
                }
            })
            .collect_view();
        let responds_to: Vec<&Item> = item
            .responds_to
            .iter()
            .filter_map(|r| data.item(r))
            .collect();
        let answered_by = data.items_answering(item);
        let related = data.related_items(item, 6);
        view! {
            <article class="item-detail" data-item=item.id.clone()>
                <p class="eyebrow"><span class="kind-badge" data-kind=item.kind.id()>{kind_label(item.kind, lang)}</span></p>
                <h1>{bi(&item.title, lang)}</h1>
                <p class="item-text">{bi(&item.text, lang)}</p>
                {(!item.figures.is_empty()).then(|| view! {
                    <section aria-labelledby="item-figures">
                        <h2 id="item-figures">{tr(lang, |u| u.figures)}</h2>
                        {figures}
                    </section>
                })}
                {charts}
                <section aria-labelledby="item-where">
                    <h2 id="item-where">{tr(lang, |u| u.where_in_article)}</h2>
                    <p class="locator">{locator_label(&data, &item.locator, lang)}</p>
                    <ul class="section-path">{section_titles}</ul>
                </section>
                {(!item.references.is_empty()).then(|| view! {
                    <section aria-labelledby="item-refs">
                        <h2 id="item-refs">{tr(lang, |u| u.references)}</h2>
                        <ol class="references">{references}</ol>
                    </section>
                })}
                {(!item.footnotes.is_empty()).then(|| view! {
                    <section aria-labelledby="item-notes">
                        <h2 id="item-notes">{tr(lang, |u| u.footnotes)}</h2>
                        <ul class="footnotes">{footnotes}</ul>
                    </section>
                })}
                {(!responds_to.is_empty()).then(|| view! {
                    <section aria-labelledby="item-responds">
                        <h2 id="item-responds">{tr(lang, |u| u.responds_to)}</h2>
                        {item_links(&ctx, &responds_to, lang)}
                    </section>
                })}
                {(!answered_by.is_empty()).then(|| view! {
                    <section aria-labelledby="item-answered">
                        <h2 id="item-answered">{tr(lang, |u| u.answered_by)}</h2>
                        {item_links(&ctx, &answered_by, lang)}
                    </section>
                })}
                {(!related.is_empty()).then(|| view! {
                    <section aria-labelledby="item-related">
                        <h2 id="item-related">{tr(lang, |u| u.related)}</h2>
                        {item_links(&ctx, &related, lang)}
                    </section>
                })}
            </article>
        }
        .into_any()
    }
}
