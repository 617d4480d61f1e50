//! Sources: the article's references and footnotes, each with the items relying on it.

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::{bi, external_link, item_links};
use super::Ctx;
use crate::data::Dataset;
use crate::i18n::{tr, Lang};

/// The items relying on a source, or a note that none cites it directly.
fn reliance(ctx: &Ctx, data: &Dataset, source_id: &str, lang: Lang) -> impl IntoView {
    let items = data.items_citing(source_id);
    view! {
        <details class="reliance">
            <summary>{tr(lang, |u| u.relied_on_by)}" ("{items.len()}")"</summary>
            {if items.is_empty() {
                view! { <p class="muted">{tr(lang, |u| u.nothing_relies)}</p> }.into_any()
            } else {
                item_links(ctx, &items, lang).into_any()
            }}
        </details>
    }
}

#[component]
pub fn Sources(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let references = data
            .references
            .iter()
            .map(|r| {
                view! {
                    <li id=r.id.clone() value=r.number data-reference=r.id.clone()>
                        <span lang="zh-Hans">{r.entry.clone()}</span>
                        {(lang != Lang::Zh).then(|| view! { <span class="translation" lang="en">{r.title.en.clone()}</span> })}
                        {reliance(&ctx, &data, &r.id, lang)}
                    </li>
                }
            })
            .collect_view();
        let footnotes = data
            .footnotes
            .iter()
            .map(|n| {
                view! {
                    <li id=n.id.clone() data-footnote=n.id.clone()>
                        <span class="marker">{n.marker.clone()}</span>" "{bi(&n.text, lang)}
                        {n.url.as_deref().map(|u| view! { <br/>{external_link(u)} })}
                        {reliance(&ctx, &data, &n.id, lang)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="sources">
                <h1>{tr(lang, |u| u.nav_sources)}</h1>
                <p class="lede">{tr(lang, |u| u.sources_intro)}</p>
                <h2>{tr(lang, |u| u.references)}</h2>
                <ol class="references">{references}</ol>
                <h2>{tr(lang, |u| u.footnotes)}</h2>
                <ul class="footnotes">{footnotes}</ul>
            </div>
        }
    }
}
