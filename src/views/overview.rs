//! The first view: the article in brief, its headline figures and the countries it is
//! about (its focus role's, `country_roles`).

use std::sync::Arc;

use leptos::prelude::*;

use super::chart::chart_grid;
use super::cite::ArticleCiteBox;
use super::parts::{bi, figure_cards};
use super::Ctx;
use crate::chart::charts_drawing;
use crate::data::Dataset;
use crate::i18n::tr;
use crate::url_state::View;

#[component]
pub fn Overview(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let m = &data.meta;
        let doi_url = format!("https://doi.org/{}", m.doi);
        let countries = data
            .focus_countries()
            .map(|c| {
                let status = data.status_label(c).map(|s| s.joined(lang));
                let href = ctx.link(View::Country(c.id.clone()));
                view! {
                    <li class="country-card" data-country=c.id.clone()>
                        <h3><a href=href>{bi(&c.name, lang)}</a></h3>
                        <p class="muted">{c.id.clone()}</p>
                        {status.map(|s| view! { <p>{s}</p> })}
                    </li>
                }
            })
            .collect_view();
        let headlines = figure_cards(&ctx, &data, data.headline_figures(), lang);
        let charts = chart_grid(
            &data,
            charts_drawing(&data, |f| data.meta.headline.contains(&f.id)),
        );
        let explore = ctx.link(View::Explore);
        let read = ctx.link(View::Read);
        let argument = ctx.link(View::Argument);
        view! {
            <article class="overview">
                <header class="article-head">
                    <p class="eyebrow">{tr(lang, |u| u.article)}</p>
                    <h1>{bi(&m.title, lang)}</h1>
                    <p class="byline">
                        {bi(&m.byline(), lang)}" · "{m.year}" · "
                        <a href=doi_url rel="noopener">"DOI "{m.doi.clone()}</a>
                    </p>
                </header>
                <section aria-labelledby="brief">
                    <h2 id="brief">{tr(lang, |u| u.in_brief)}</h2>
                    <p class="summary">{bi(&m.summary, lang)}</p>
                    <p class="entry-points">
                        <a class="button" href=explore>{tr(lang, |u| u.nav_explore)}</a>
                        <a class="button secondary" href=read>{tr(lang, |u| u.nav_read)}</a>
                        <a class="button secondary" href=argument>{tr(lang, |u| u.nav_argument)}</a>
                    </p>
                    <ArticleCiteBox data=data.clone()/>
                </section>
                // The heading's id stays the one the first release wrote (`#five`): links
                // into the overview may name it.
                {data.focus_role().and_then(|r| r.focus.as_ref()).map(|heading| view! {
                    <section aria-labelledby="five">
                        <h2 id="five">{heading.joined(lang)}</h2>
                        <ul class="card-grid">{countries}</ul>
                    </section>
                })}
                <section aria-labelledby="headlines">
                    <h2 id="headlines">{tr(lang, |u| u.headline_figures)}</h2>
                    {headlines}
                </section>
                <section aria-labelledby="headline-charts">
                    <h2 id="headline-charts">{tr(lang, |u| u.nav_charts)}</h2>
                    {charts}
                </section>
            </article>
        }
    }
}
