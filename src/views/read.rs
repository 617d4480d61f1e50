//! The article in order: its outline from the introduction to the last recommendation,
//! each paragraph with the items retold from it and their figures, in Chinese, English
//! or both aligned paragraph by paragraph. Every locator in the explorer links to its
//! paragraph here (`read/#p-{section}-{n}`).

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::{bi, bi_terms, editor_note, voice_badge};
use super::Ctx;
use crate::data::{Dataset, Item, Section};
use crate::format::{figure_value, section_number};
use crate::i18n::{kind_label, tr, Lang};
use crate::pages::lede;
use crate::url_state::{read_anchor, View};

/// One item as read in place: kind and voice, title, text with terms, figures inline.
/// `nested`: the item stands in a subsection (headed `h3`), so its title is an `h4`.
fn read_item(ctx: &Ctx, ds: &Dataset, item: &Item, nested: bool, lang: Lang) -> impl IntoView {
    let href = ctx.link(View::Item(item.id.clone()));
    let figures = item
        .figures
        .iter()
        .filter_map(|f| ds.figure(f))
        .map(|f| {
            let indicator = ds.indicator(&f.indicator).map(|i| bi(&i.name, lang));
            let country = ds.country(&f.country).map(|c| bi(&c.name, lang));
            let href = ctx.link(View::Fact(f.id.clone()));
            view! {
                <li class="inline-figure" data-figure=f.id.clone()>
                    <a href=href><strong>{figure_value(ds, f, lang.single())}</strong></a>
                    " "{indicator}" · "{country}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="read-item" data-item=item.id.clone()>
            <p class="eyebrow">
                <span class="kind-badge" data-kind=item.kind.id()>{kind_label(ds, item.kind, lang)}</span>
                " "{voice_badge(item, lang)}
            </p>
            {if nested {
                view! { <h4><a href=href>{bi(&item.title, lang)}</a></h4> }.into_any()
            } else {
                view! { <h3><a href=href>{bi(&item.title, lang)}</a></h3> }.into_any()
            }}
            <p>{bi_terms(ctx, ds, &item.text, lang)}</p>
            {editor_note(item, lang)}
            {(!item.figures.is_empty()).then(|| view! { <ul class="inline-figures">{figures}</ul> })}
        </article>
    }
}

/// A paragraph of a section: its anchor, its number, the items retold from it. Side by
/// side, the Chinese and the English stand in two aligned columns.
fn read_paragraph(ctx: &Ctx, ds: &Dataset, section: &Section, n: u16, lang: Lang) -> impl IntoView {
    let items: Vec<&Item> = ds.items_at(&section.id, n).collect();
    let column = |lang: Lang| {
        let items = items
            .iter()
            .map(|i| read_item(ctx, ds, i, section.parent.is_some(), lang))
            .collect_view();
        view! { <div class="read-column" lang=lang.html_tag()>{items}</div> }
    };
    let body = match lang {
        Lang::Both => {
            view! { <div class="parallel">{column(Lang::Zh)}{column(Lang::En)}</div> }.into_any()
        }
        _ => column(lang).into_any(),
    };
    view! {
        <section class="read-paragraph" id=read_anchor(&section.id, n) tabindex="-1">
            <p class="paragraph-number" aria-hidden="true">{format!("¶{n}")}</p>
            {if items.is_empty() {
                view! { <p class="muted small">{tr(lang, |u| u.read_nothing)}</p> }.into_any()
            } else {
                body
            }}
        </section>
    }
}

#[component]
pub fn Read(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let outline = data
            .sections
            .iter()
            .map(|s| {
                let number = section_number(&data, &s.id, lang);
                let heading = view! { <span class="section-number">{number}</span>" "{bi(&s.title, lang)} };
                let heading = if s.parent.is_some() {
                    view! { <h3 id=s.id.clone()>{heading}</h3> }.into_any()
                } else {
                    view! { <h2 id=s.id.clone()>{heading}</h2> }.into_any()
                };
                let paragraphs = (1..=s.paragraphs)
                    .map(|n| read_paragraph(&ctx, &data, s, n, lang))
                    .collect_view();
                view! { <section class="read-section" data-section=s.id.clone()>{heading}{paragraphs}</section> }
            })
            .collect_view();
        let contents = data
            .sections
            .iter()
            .map(|s| {
                let class = if s.parent.is_some() { "toc-sub" } else { "toc-top" };
                view! {
                    <li class=class>
                        <a href=format!("#{}", s.id)>{section_number(&data, &s.id, lang)}" "{bi(&s.title, lang)}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="read">
                <h1>{tr(lang, |u| u.nav_read)}</h1>
                <p class="lede">{lede(&data, &View::Read, lang)}</p>
                <nav class="toc" aria-label=tr(lang, |u| u.read_contents)>
                    <ol>{contents}</ol>
                </nav>
                {outline}
            </div>
        }
    }
}
