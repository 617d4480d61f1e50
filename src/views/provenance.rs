//! Where a number comes from, one click away wherever it is shown: its place in the
//! article (linking to the reading view), the item that states it, the reference or
//! footnote behind it (or a plain statement that the article cites none), its note.

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::{bi, external_link, item_link, locator_link};
use super::Ctx;
use crate::data::{Dataset, Figure};
use crate::i18n::{tr, Lang};
use crate::url_state::View;
use std::ops::Not;

/// The references and footnotes behind a figure: its own, or else those of the item
/// that states it.
fn backing<'a>(ds: &'a Dataset, f: &'a Figure) -> (Vec<&'a str>, Vec<&'a str>) {
    let own = (
        f.references.iter().map(String::as_str).collect::<Vec<_>>(),
        f.footnotes.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    if !own.0.is_empty() || !own.1.is_empty() {
        return own;
    }
    match ds.item(&f.item) {
        Some(item) => (
            item.references.iter().map(String::as_str).collect(),
            item.footnotes.iter().map(String::as_str).collect(),
        ),
        None => own,
    }
}

/// A "Provenance" disclosure for one figure, folded except on the figure's own page.
pub fn provenance(ctx: &Ctx, ds: &Arc<Dataset>, f: &Figure, lang: Lang) -> impl IntoView {
    // The figure's own page has its cite box; elsewhere the provenance leads there.
    // There it is open from the start: a chart's point and the reading view's figures
    // lead to that page, so their provenance is one click away.
    let on_fact_page = ctx.route.get_untracked().view == View::Fact(f.id.clone());
    // In the browser the folded body is drawn when first opened: most provenance stays
    // folded (Explore's results, a chart's table), and a folded one then costs its
    // summary only. The baked page has it whole, for readers without the app.
    let drawn = RwSignal::new(on_fact_page || cfg!(not(target_arch = "wasm32")));
    let body = {
        let (ctx, ds, figure) = (*ctx, ds.clone(), f.id.clone());
        move || {
            let f = ds.figure(&figure).filter(|_| drawn.get())?;
            Some(provenance_body(&ctx, &ds, f, lang, on_fact_page).into_any())
        }
    };
    view! {
        <details class="provenance" data-provenance=f.id.clone() open=on_fact_page
            on:toggle=move |_| drawn.set(true)>
            <summary>{tr(lang, |u| u.provenance)}</summary>
            {body}
        </details>
    }
}

/// What a provenance disclosure unfolds: the figure's place, its item, its sources and
/// note, and (but on the figure's own page) a link to cite it.
fn provenance_body(
    ctx: &Ctx,
    ds: &Dataset,
    f: &Figure,
    lang: Lang,
    on_fact_page: bool,
) -> impl IntoView {
    let item = ds.item(&f.item);
    let place = item.map(|i| locator_link(ctx, ds, &i.locator, lang));
    let stated_in = item.map(|i| item_link(ctx, ds, i, lang));
    let (references, footnotes) = backing(ds, f);

    let sources = if references.is_empty() && footnotes.is_empty() {
        view! { <p>{tr(lang, |u| u.provenance_none)}</p> }.into_any()
    } else {
        let references = references
            .into_iter()
            .filter_map(|r| ds.reference(r))
            .map(|r| {
                let href = ctx.link_to_place(View::Sources, r.id.clone());
                view! { <li><a href=href>"["{r.number}"]"</a>" "<span lang="zh-Hans">{r.entry.clone()}</span></li> }
            })
            .collect_view();
        let footnotes = footnotes
            .into_iter()
            .filter_map(|n| ds.footnote(n))
            .map(|n| {
                let href = ctx.link_to_place(View::Sources, n.id.clone());
                view! {
                    <li>
                        <a href=href>{n.marker.clone()}</a>" "{bi(&n.text, lang)}
                        {n.url.as_deref().map(|u| view! { " "{external_link(u)} })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="provenance-sources">{references}{footnotes}</ul> }.into_any()
    };
    view! {
        <dl>
            <dt>{tr(lang, |u| u.provenance_place)}</dt>
            <dd>{place}</dd>
            <dt>{tr(lang, |u| u.provenance_item)}</dt>
            <dd>{stated_in}</dd>
            <dt>{tr(lang, |u| u.provenance_sources)}</dt>
            <dd>{sources}</dd>
            {f.note.as_ref().map(|note| view! {
                <dt>{tr(lang, |u| u.provenance_note)}</dt>
                <dd>{bi(note, lang)}</dd>
            })}
        </dl>
        {on_fact_page.not().then(|| view! {
            <p><a href=ctx.link(View::Fact(f.id.clone()))>{tr(lang, |u| u.cite_this_figure)}</a></p>
        })}
    }
}
