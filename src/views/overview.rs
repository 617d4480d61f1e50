//! The first view: the article in brief and the five countries.

use std::sync::Arc;

use leptos::prelude::*;

use super::{bi, Ctx};
use crate::data::{Dataset, ScoStatus};
use crate::i18n::tr;

#[component]
pub fn Overview(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let m = &data.meta;
        let doi_url = format!("https://doi.org/{}", m.doi);
        let countries = data
            .central_asia()
            .map(|c| {
                let sco = c.sco.map(|s| match s {
                    ScoStatus::Member => tr(lang, |u| u.sco_member),
                    ScoStatus::NonMemberCloseTies => tr(lang, |u| u.sco_close_ties),
                });
                view! {
                    <li class="country-card" data-country=c.id.clone()>
                        <h3>{bi(&c.name, lang)}</h3>
                        <p class="muted">{c.id.clone()}</p>
                        {sco.map(|s| view! { <p>{s}</p> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <article class="overview">
                <header class="article-head">
                    <p class="eyebrow">{tr(lang, |u| u.article)}</p>
                    <h1>{bi(&m.title, lang)}</h1>
                    <p class="byline">
                        {bi(&m.author, lang)}" · "{m.year}" · "
                        <a href=doi_url rel="noopener">"DOI "{m.doi.clone()}</a>
                    </p>
                </header>
                <section aria-labelledby="brief">
                    <h2 id="brief">{tr(lang, |u| u.in_brief)}</h2>
                    <p class="summary">{bi(&m.summary, lang)}</p>
                </section>
                <section aria-labelledby="five">
                    <h2 id="five">{tr(lang, |u| u.the_five)}</h2>
                    <ul class="card-grid">{countries}</ul>
                </section>
            </article>
        }
    }
}
