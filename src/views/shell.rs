//! The frame around every view: header with navigation, language and theme switches;
//! footer with the article's citation and the dataset's version and licence.

use std::sync::Arc;

use leptos::prelude::*;

use super::dataset::Latest;
use super::parts::bi;
use super::Ctx;
use crate::data::Dataset;
use crate::i18n::{tr, Lang, UiPick};
use crate::pages::{site_name, NAV};
use crate::url_state::{Frame, Route, Theme, View};

/// The name of a theme in the switch and the embed dialog.
pub fn theme_label(theme: Theme) -> UiPick {
    match theme {
        Theme::Auto => |u| u.theme_auto,
        Theme::Light => |u| u.theme_light,
        Theme::Dark => |u| u.theme_dark,
    }
}

/// One button of a segmented switch: pressed when the route `is_on`, and choosing it
/// changes the route with `apply` (adding a history entry).
fn switch_button(
    ctx: Ctx,
    code: &'static str,
    is_on: impl Fn(&Route) -> bool + Send + Sync + 'static,
    apply: impl Fn(&mut Route) + Send + Sync + 'static,
    label: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let choose = move |_| {
        let mut next = ctx.route.get_untracked();
        apply(&mut next);
        ctx.go(&next, false);
    };
    view! {
        <button type="button" class="seg" data-option=code
            aria-pressed=move || is_on(&ctx.route.get()).to_string() on:click=choose>
            {label}
        </button>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = move || ctx.lang();
    // The site's name and tagline are the dataset's.
    let latest = expect_context::<Latest>();
    let name = move || latest.0.with(|data| site_name(data.as_deref(), lang()));
    let tagline = move || {
        latest.0.with(|data| {
            data.as_ref()
                .map(|data| data.meta.site_tagline.joined(lang()))
                .unwrap_or_default()
        })
    };
    // Built once; each link updates its own address, mark and label in place.
    let current_key = Memo::new(move |_| ctx.route.with(|r| r.view.key()));
    let nav_links = NAV
        .iter()
        .map(|(target, label)| {
            let key = target.key();
            // `/` goes to Explore's search field from any page (src/boot.js, views/start.rs).
            let shortcut = (*target == View::Explore).then_some("/");
            view! {
                <li>
                    <a href=ctx.link(target.clone()) aria-keyshortcuts=shortcut
                        aria-current=move || (current_key.get() == key).then_some("page")>
                        {move || tr(ctx.lang(), label)}
                    </a>
                </li>
            }
        })
        .collect_view();
    // Languages are links: each language is a page of its own, so the switch works
    // before the app has loaded (and without JavaScript).
    let lang_links = Lang::ALL.map(|option| {
        view! {
            <a class="seg" data-option=option.code() lang=(option != Lang::Both).then_some(option.html_tag())
                href=ctx.link_with(move |r| r.lang = option)
                aria-current=move || (ctx.lang() == option).then_some("true")>
                {option.switch_label()}
            </a>
        }
    });
    let theme_buttons = Theme::ALL.map(|option| {
        switch_button(
            ctx,
            option.code(),
            move |r| r.theme == option,
            move |r| r.theme = option,
            move || tr(ctx.lang(), theme_label(option)),
        )
    });
    view! {
        <header class="site-header">
            <div class="brand">
                <a class="brand-name" href=ctx.link(View::Overview)>
                    {name}
                </a>
                <span class="brand-tagline">{tagline}</span>
            </div>
            <nav aria-label=move || tr(lang(), |u| u.nav_label)>
                <ul class="nav-links">{nav_links}</ul>
            </nav>
            <div class="switches">
                <div role="group" class="segmented" data-switch="lang" aria-label=move || tr(lang(), |u| u.language)>
                    {lang_links}
                </div>
                <div role="group" class="segmented" data-switch="theme" aria-label=move || tr(lang(), |u| u.theme)>
                    {theme_buttons}
                </div>
            </div>
        </header>
    }
}

#[component]
pub fn Footer(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let m = &data.meta;
        let doi_url = format!("https://doi.org/{}", m.doi);
        view! {
            <footer class="site-footer">
                <p class="cite">
                    <span class="label">{tr(lang, |u| u.footer_cite)}": "</span>
                    {bi(&m.byline(), lang)}". "{bi(&m.title, lang)}". "{m.year}". "
                    "DOI: "<a href=doi_url.clone() rel="noopener">{m.doi.clone()}</a>
                </p>
                <p>
                    <span class="label">{tr(lang, |u| u.footer_dataset)}</span>" "{m.dataset_version.clone()}
                    " · "<span class="label">{tr(lang, |u| u.footer_licence)}</span>" "{bi(&m.licence, lang)}
                </p>
                <p class="muted">{tr(lang, |u| u.footer_offline)}</p>
            </footer>
        }
    }
}

/// The line under an embedded view: the article in short and the way to the same view
/// in the explorer, in a new tab. Always on the page; the stylesheet shows it only in
/// a frame (`<html data-embed>`), so a page reads the same before and after the app.
#[component]
pub fn EmbedSource(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = move || ctx.lang();
    let full_view = ctx.link_with(|r| r.frame = Frame::default());
    let m = &data.meta;
    let (author, title, year) = (m.byline(), m.title.clone(), m.year);
    view! {
        <p class="embed-source">
            <span class="label">{move || tr(lang(), |u| u.embed_source)}": "</span>
            {move || bi(&author, lang())}" ("{year}"), "{move || bi(&title, lang())}" · "
            <a href=full_view target="_blank" rel="noopener">
                {move || tr(lang(), |u| u.open_in_explorer)}" ↗"
            </a>
        </p>
    }
}
