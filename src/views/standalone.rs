//! The two pages that are not views of the dataset: the site's root, which sends the
//! reader to their language (and offers both to a reader without JavaScript), and the
//! page a static host shows for an address the site does not have. Both are bilingual,
//! since neither knows the reader's language.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::Dataset;
use crate::i18n::{tr, Lang, UiPick};
use crate::url_state::{Route, View};

/// A link from the site's root to a page of one language.
fn root_link(route: &Route, text: UiPick, lang: Lang) -> impl IntoView {
    let lang_tag = lang.html_tag();
    view! { <a href=route.address() lang=lang_tag>{tr(lang, text)}</a> }
}

/// Both languages' overview, with the article it presents.
#[component]
fn Landing(data: Arc<Dataset>) -> impl IntoView {
    let m = &data.meta;
    let choices = [Lang::Zh, Lang::En].map(|lang| {
        view! {
            <li>
                <a class="button" href=Route::home(lang).address() lang=lang.html_tag()>
                    {lang.switch_label()}
                </a>
            </li>
        }
    });
    view! {
        <main id="main" class="landing">
            <h1>
                <span lang="zh-Hans">{m.site_name.zh.clone()}</span>
                <br/>
                <span lang="en">{m.site_name.en.clone()}</span>
            </h1>
            <p class="byline" lang="zh-Hans">{m.title.zh.clone()}" · "{m.byline().zh}" · "{m.year}</p>
            <p class="byline" lang="en">{m.title.en.clone()}" · "{m.byline().en}" · "{m.year}</p>
            <h2>{tr(Lang::Both, |u| u.choose_language)}</h2>
            <ul class="landing-choices">{choices}</ul>
        </main>
    }
}

/// The page for an unknown address. Its links are relative to the site's root: the
/// page sets its `<base>` to it, since a host serves it at any depth.
#[component]
fn NotFound() -> impl IntoView {
    let sections = [Lang::Zh, Lang::En].map(|lang| {
        let home = Route::home(lang);
        let explore = home.with_view(View::Explore);
        let field = format!("search-{}", lang.code());
        view! {
            <section lang=lang.html_tag()>
                <h1>{tr(lang, |u| u.not_found_title)}</h1>
                <p>{tr(lang, |u| u.no_such_address)}</p>
                <form action=explore.path() method="get" role="search">
                    <label for=field.clone()>{tr(lang, |u| u.search_label)}</label>" "
                    <input type="search" id=field name="q" placeholder=tr(lang, |u| u.search_placeholder)/>
                    " "<button type="submit" class="button">{tr(lang, |u| u.search_label)}</button>
                </form>
                <p>{root_link(&home, |u| u.back_to_overview, lang)}</p>
            </section>
        }
    });
    view! { <main id="main" class="not-found">{sections}</main> }
}

/// The inside of the root page's `<body>`.
pub fn bake_landing(data: Arc<Dataset>) -> String {
    Owner::new().with(|| view! { <Landing data/> }.to_html())
}

/// The inside of `404.html`'s `<body>`.
pub fn bake_not_found() -> String {
    Owner::new().with(|| view! { <NotFound/> }.to_html())
}
