//! Coverage: countries × topics, each cell counting what the article has for the pair,
//! empty cells left visibly empty; each cell opens Explore filtered to it.

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::bi;
use super::Ctx;
use crate::data::Dataset;
use crate::explore::coverage;
use crate::i18n::{counted, tr, Counted};
use crate::pages::lede;
use crate::url_state::{Facet, Filters, View};

#[component]
pub fn CoverageView(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let here = ctx.route.get_untracked();
        let head = data
            .topics
            .iter()
            .map(|t| view! { <th scope="col">{bi(&t.name, lang)}</th> })
            .collect_view();
        let rows = coverage(&data)
            .into_iter()
            .map(|(country, cells)| {
                let name = data.country(&country).map(|c| bi(&c.name, lang));
                let cells = cells
                    .into_iter()
                    .map(|(topic, count)| {
                        if count.items == 0 && count.figures == 0 {
                            return view! {
                                <td class="coverage-cell empty">
                                    <span aria-hidden="true">"·"</span>
                                    <span class="visually-hidden">{tr(lang, |u| u.coverage_none)}</span>
                                </td>
                            }
                            .into_any();
                        }
                        let mut route = here.with_view(View::Explore);
                        route.filters = Filters::only(Facet::Topic, vec![topic]);
                        *route.filters.chosen_mut(Facet::Country) = vec![country.clone()];
                        let href = ctx.href(&route);
                        let heat = (count.items + count.figures).min(8);
                        view! {
                            <td class="coverage-cell" data-heat=heat.to_string()>
                                <a href=href>
                                    <span class="count-items">{counted(count.items, Counted::Items, lang)}</span>
                                    {(count.figures > 0).then(|| view! {
                                        <span class="count-figures">{counted(count.figures, Counted::Figures, lang)}</span>
                                    })}
                                </a>
                            </td>
                        }
                        .into_any()
                    })
                    .collect_view();
                view! { <tr data-country=country.clone()><th scope="row">{name}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="coverage">
                <h1>{tr(lang, |u| u.nav_coverage)}</h1>
                <p class="lede">{lede(&data, &View::Coverage, lang)}</p>
                <div class="table-wrap coverage-wrap" tabindex="0" role="region" aria-label=tr(lang, |u| u.nav_coverage)>
                    <table class="coverage-table">
                        <thead><tr><td></td>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
    }
}
