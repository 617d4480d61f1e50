//! One item in full: its text, figures, place in the article, sources and relations.

use std::sync::Arc;

use leptos::prelude::*;

use super::argument::{has_argument, item_argument};
use super::chart::chart_grid;
use super::cite::{CiteBox, CiteTarget};
use super::parts::{
    bi, bi_terms, editor_note, external_link, figure_cards, item_links, locator_link, voice_badge,
};
use super::{status, Ctx};
use crate::chart::charts_drawing;
use crate::data::Dataset;
use crate::format::section_number;
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
        let argument = has_argument(&data, item).then(|| {
            view! {
                <section aria-labelledby="item-argument" class="item-argument">
                    <h2 id="item-argument">{tr(lang, |u| u.argument_in_item)}</h2>
                    {item_argument(&ctx, &data, item, false, lang)}
                </section>
            }
        });
        let related = data.related_items(item, 6);
        view! {
            <article class="item-detail" data-item=item.id.clone()>
                <p class="eyebrow">
                    <span class="kind-badge" data-kind=item.kind.id()>{kind_label(&data, item.kind, lang)}</span>
                    " "{voice_badge(item, lang)}
                </p>
                <h1>{bi(&item.title, lang)}</h1>
                <p class="item-text">{bi_terms(&ctx, &data, &item.text, lang)}</p>
                {editor_note(item, lang)}
                {(!item.figures.is_empty()).then(|| view! {
                    <section aria-labelledby="item-figures">
                        <h2 id="item-figures">{tr(lang, |u| u.figures)}</h2>
                        {figures}
                    </section>
                })}
                {charts}
                <section aria-labelledby="item-where">
                    <h2 id="item-where">{tr(lang, |u| u.where_in_article)}</h2>
                    <p class="locator">{locator_link(&ctx, &data, &item.locator, lang)}</p>
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
                {argument}
                {(!related.is_empty()).then(|| view! {
                    <section aria-labelledby="item-related">
                        <h2 id="item-related">{tr(lang, |u| u.related)}</h2>
                        {item_links(&ctx, &data, &related, lang)}
                    </section>
                })}
                <CiteBox data=data.clone() target=CiteTarget::Item(item.id.clone())/>
            </article>
        }
        .into_any()
    }
}
