//! Sources: the article's references and footnotes, each with the items relying on it.

use std::sync::Arc;

use leptos::prelude::*;

use super::cite::DatasetCiteBox;
use super::parts::{bi, external_link, item_links};
use super::Ctx;
use crate::data::{Dataset, DATASET_FILE};
use crate::export::{figures_file, items_file};
use crate::i18n::{tr, Lang};
use crate::pages::lede;

/// The whole dataset and its CSV files, as plain links (they work without the app),
/// with the version and checksum that say exactly which data this is.
fn downloads(ctx: &Ctx, data: &Dataset, lang: Lang) -> impl IntoView {
    let root = ctx.root_path();
    let file_lang = lang.single();
    let files = [
        (DATASET_FILE.to_string(), tr(lang, |u| u.download_dataset_json)),
        (figures_file(file_lang), tr(lang, |u| u.download_figures_csv)),
        (items_file(file_lang), tr(lang, |u| u.download_items_csv)),
    ]
    .into_iter()
    .map(|(file, label)| {
        let name = file.rsplit('/').next().unwrap_or(&file).to_string();
        view! { <li><a href=format!("{root}{file}") download=name data-download-file=file.clone()>{label}</a></li> }
    })
    .collect_view();
    view! {
        <section aria-labelledby="downloads" class="downloads">
            <h2 id="downloads">{tr(lang, |u| u.download_all)}</h2>
            <ul class="link-list">{files}</ul>
            <dl class="dataset-facts">
                <dt>{tr(lang, |u| u.dataset_version)}</dt>
                <dd data-dataset-version>{data.meta.dataset_version.clone()}</dd>
                <dt>{tr(lang, |u| u.dataset_checksum)}</dt>
                <dd><code class="checksum" data-dataset-sha256>{crate::data::SERVED_SHA256}</code></dd>
            </dl>
        </section>
    }
}

/// The items relying on a source, or a note that none cites it directly.
fn reliance(ctx: &Ctx, data: &Dataset, source_id: &str, lang: Lang) -> impl IntoView {
    let items = data.items_citing(source_id);
    view! {
        <details class="reliance">
            <summary>{tr(lang, |u| u.relied_on_by)}" ("{items.len()}")"</summary>
            {if items.is_empty() {
                view! { <p class="muted">{tr(lang, |u| u.nothing_relies)}</p> }.into_any()
            } else {
                item_links(ctx, data, &items, lang).into_any()
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
                <p class="lede">{lede(&data, &crate::url_state::View::Sources, lang)}</p>
                <h2>{tr(lang, |u| u.references)}</h2>
                <ol class="references">{references}</ol>
                <h2>{tr(lang, |u| u.footnotes)}</h2>
                <ul class="footnotes">{footnotes}</ul>
                {downloads(&ctx, &data, lang)}
                <DatasetCiteBox data=data.clone()/>
            </div>
        }
    }
}
