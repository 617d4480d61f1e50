//! Country profiles: the countries whose role gets one (`country_roles`).

use std::sync::Arc;

use leptos::prelude::*;

use super::chart::chart_grid;
use super::parts::{bi, figure_cards, item_links};
use super::{status, Ctx};
use crate::chart::charts_drawing;
use crate::data::Dataset;
use crate::i18n::tr;
use crate::pages::lede;
use crate::url_state::View;

#[component]
pub fn Countries(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let cards = data
            .profiled()
            .map(|c| {
                let href = ctx.link(View::Country(c.id.clone()));
                let figures = data.figures_about(&c.id).len();
                let items = data.items_naming(&c.id).len();
                view! {
                    <li class="country-card" data-country=c.id.clone()>
                        <h2><a href=href>{bi(&c.name, lang)}</a></h2>
                        <p class="muted">{c.id.clone()}</p>
                        {data.status_label(c).map(|s| view! { <p>{s.joined(lang)}</p> })}
                        <p class="muted">
                            {tr(lang, |u| u.figures)}": "{figures}" · "{tr(lang, |u| u.items_naming)}": "{items}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="countries">
                <h1>{tr(lang, |u| u.nav_countries)}</h1>
                <p class="lede">{lede(&data, &View::Countries, lang)}</p>
                <ul class="card-grid">{cards}</ul>
            </div>
        }
    }
}

#[component]
pub fn CountryView(data: Arc<Dataset>, id: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let Some(country) = data.country(&id) else {
            return status::not_found(&ctx, lang).into_any();
        };
        let figures = data.figures_about(&country.id);
        let cards = figure_cards(&ctx, &data, figures.iter().copied(), lang);
        let items = data.items_naming(&country.id);
        let charts = chart_grid(
            &data,
            charts_drawing(&data, |f| {
                f.country == country.id || f.partner.as_deref() == Some(&country.id)
            }),
        );
        let back = ctx.link(View::Countries);
        view! {
            <article class="country-profile" data-country=country.id.clone()>
                <p class="eyebrow"><a href=back>{tr(lang, |u| u.nav_countries)}</a></p>
                <h1>{bi(&country.name, lang)}</h1>
                <p class="muted">{country.iso.clone()}</p>
                {data.status_label(country).map(|s| view! { <p>{s.joined(lang)}</p> })}
                {data.role_of(country).and_then(|r| r.note.as_ref()).map(|note| view! {
                    <p class="note">{note.joined(lang)}</p>
                })}
                <section aria-labelledby="country-figures">
                    <h2 id="country-figures">{tr(lang, |u| u.figures)}</h2>
                    {if figures.is_empty() {
                        view! { <p class="muted">{tr(lang, |u| u.no_figures)}</p> }.into_any()
                    } else {
                        cards.into_any()
                    }}
                </section>
                {charts}
                <section aria-labelledby="country-items">
                    <h2 id="country-items">{tr(lang, |u| u.items_naming)}</h2>
                    {item_links(&ctx, &data, &items, lang)}
                </section>
            </article>
        }
        .into_any()
    }
}
