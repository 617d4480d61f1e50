//! The map view: the outlines (given up front, or fetched on the first visit), coloured
//! by the chosen indicator.

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::bi;
use super::start::fetch_shapes;
use super::{status, Ctx, MapOutlines};
use crate::data::Dataset;
use crate::i18n::tr;
use crate::map;
use crate::pages::lede;
use crate::url_state::View;

#[component]
pub fn MapView(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let MapOutlines(shapes) = expect_context::<MapOutlines>();
    if shapes.get_untracked().is_none() {
        let root = ctx.root.get_value();
        leptos::task::spawn_local(async move {
            let fetched = fetch_shapes(&root).await;
            shapes.set(Some(fetched));
        });
    }
    let first = map::default_indicator(&data)
        .unwrap_or_default()
        .to_string();
    let chosen = Memo::new(move |_| match ctx.route.get().view {
        View::Map(Some(id)) => id,
        _ => first.clone(),
    });
    let lang = move || ctx.lang();

    let choose = move |ev| {
        let id = event_target_value(&ev);
        ctx.go(
            &ctx.route.get_untracked().with_view(View::Map(Some(id))),
            false,
        );
    };
    // The list of indicators stays in place while the map redraws, so it keeps focus.
    // Before the app, a choice opens its option's page (`data-href`, src/boot.js).
    let options = {
        let data = data.clone();
        move || {
            let lang = lang();
            shapes
                .get()
                .and_then(Result::ok)
                .map(|shapes| {
                    let chosen = chosen.get_untracked();
                    map::indicators(&data, &shapes)
                        .into_iter()
                        .map(|i| view! {
                            <option value=i.id.clone() selected=i.id == chosen
                                data-href=ctx.link_to(View::Map(Some(i.id.clone())))>{i.name.get(lang).to_string()}</option>
                        })
                        .collect_view()
                })
        }
    };

    let lede_data = data.clone();
    let drawing = move || {
        let lang = lang();
        let shapes = match shapes.get() {
            None => return status::loading(lang).into_any(),
            Some(Err(details)) => return status::data_error(lang, details).into_any(),
            Some(Ok(shapes)) => shapes,
        };
        let chosen = chosen.get();
        if !map::indicators(&data, &shapes)
            .iter()
            .any(|i| i.id == chosen)
        {
            return status::not_found(&ctx, lang).into_any();
        }
        let no_value = tr(lang, |u| u.no_value);
        let svg = map::render(&data, &shapes, &chosen, lang, &no_value, |id| {
            ctx.link_to(View::Country(id.to_string()))
        });
        let mapped = map::values(&data, &shapes, &chosen);
        let legend = map::legend(&data, &mapped, lang)
            .into_iter()
            // The swatch is drawn, not styled: the CSP allows no inline style attribute.
            .map(|e| view! {
                <li>
                    <svg class="swatch" viewBox="0 0 1 1" aria-hidden="true"><rect width="1" height="1" fill=e.colour></rect></svg>
                    {e.values.join(", ")}
                </li>
            })
            .collect_view();
        let description = data.indicator(&chosen).map(|i| bi(&i.description, lang));
        view! {
            <p class="muted small">{description}</p>
            <figure class="map" data-map=chosen.clone()>
                <div class="map-box" inner_html=svg></div>
                <figcaption>
                    <ul class="legend">
                        {legend}
                        <li><span class="swatch swatch-none"></span>{no_value.clone()}</li>
                    </ul>
                    <p class="muted small">{tr(lang, |u| u.map_credit)}</p>
                </figcaption>
            </figure>
        }
        .into_any()
    };

    view! {
        <div class="map-page">
            <h1>{move || tr(lang(), |u| u.nav_map)}</h1>
            <p class="lede">{move || lede(&lede_data, &View::Map(None), lang())}</p>
            <p>
                <label for="map-indicator">{move || tr(lang(), |u| u.map_indicator)}" "</label>
                <select id="map-indicator" on:change=choose prop:value=move || {
                    // Read the options first so the value is set once they exist.
                    shapes.track();
                    chosen.get()
                }>{options}</select>
            </p>
            {drawing}
        </div>
    }
}
