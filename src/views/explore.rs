//! Explore: every item, faceted by topic, country, kind and section, with search.
//! All state lives in the URL: typing replaces the history entry, a facet adds one.

use std::sync::Arc;

use leptos::prelude::*;

use super::download::save_text;
use super::parts::{bi, bi_marked, figure_cards, locator_link, voice_badge};
use super::Ctx;
use crate::data::{Dataset, ItemKind, VoiceKind};
use crate::explore::{explore, sanitize, Facet, SearchIndex};
use crate::export::items_csv;
use crate::format::section_number;
use crate::i18n::{kind_label, results_count, tr, voice_label, Lang, UiPick};
use crate::search::Query;
use crate::url_state::{Filters, Route, View};

/// The id of the search field, which `/` focuses from anywhere.
pub const SEARCH_ID: &str = "search";

fn facet_title(facet: Facet) -> UiPick {
    match facet {
        Facet::Topic => |u| u.facet_topic,
        Facet::Country => |u| u.facet_country,
        Facet::Kind => |u| u.facet_kind,
        Facet::Voice => |u| u.facet_voice,
        Facet::Section => |u| u.facet_section,
    }
}

/// The label of a facet value in the display language.
fn value_label(ds: &Dataset, facet: Facet, value: &str, lang: Lang) -> AnyView {
    let text = match facet {
        Facet::Topic => ds.topic(value).map(|t| &t.name),
        Facet::Country => ds.country(value).map(|c| &c.name),
        Facet::Section => ds.section(value).map(|s| &s.title),
        Facet::Kind | Facet::Voice => None,
    };
    match (facet, text) {
        (Facet::Kind, _) => ItemKind::from_id(value)
            .map(|k| kind_label(k, lang))
            .unwrap_or_default()
            .into_any(),
        (Facet::Voice, _) => VoiceKind::from_id(value)
            .map(|k| voice_label(k, lang))
            .unwrap_or_default()
            .into_any(),
        (Facet::Section, Some(title)) => {
            let number = section_number(ds, value, lang);
            view! { <span class="section-number">{number}</span>" "{bi(title, lang)} }.into_any()
        }
        (_, Some(text)) => bi(text, lang),
        (_, None) => value.to_string().into_any(),
    }
}

#[component]
pub fn Explore(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let index = Arc::new(SearchIndex::new(&data));
    let filters = Memo::new({
        let data = data.clone();
        move |_| sanitize(&ctx.route.get().filters, &data)
    });
    let results = Memo::new({
        let data = data.clone();
        move |_| explore(&data, &index, &filters.get())
    });
    let lang = move || ctx.lang();
    let total = data.items.len();
    // On a phone the filters start folded, so the results come first; wider screens
    // always show them (the stylesheet decides, so baked and live pages agree).
    let facets_open = RwSignal::new(false);

    let set_filters = move |next: Filters, replace: bool| {
        let route = Route {
            filters: next,
            ..ctx.route.get_untracked()
        };
        ctx.go(&route, replace);
    };

    // Search: every keystroke rewrites the URL in place, except while an input method
    // is composing (the text is not final); Enter does nothing (there is no form to submit).
    let composing = StoredValue::new(false);
    let apply_search = move |value: String| {
        let mut next = filters.get_untracked();
        next.q = value;
        set_filters(next, true);
    };
    let search = view! {
        <div class="search-row">
            <label for=SEARCH_ID>{move || tr(lang(), |u| u.search_label)}</label>
            <input type="search" id=SEARCH_ID autocomplete="off" spellcheck="false"
                placeholder=move || tr(lang(), |u| u.search_placeholder)
                aria-keyshortcuts="/"
                prop:value=move || filters.get().q
                on:compositionstart=move |_| composing.set_value(true)
                on:compositionend=move |ev| {
                    composing.set_value(false);
                    apply_search(event_target_value(&ev));
                }
                on:input=move |ev| {
                    if !composing.get_value() {
                        apply_search(event_target_value(&ev));
                    }
                }
            />
        </div>
    };

    let facet_groups = {
        let data = data.clone();
        move || {
            let lang = lang();
            let chosen = filters.get();
            results
                .get()
                .counts
                .into_iter()
                .map(|(facet, values)| {
                    let options = values
                        .into_iter()
                        .map(|(value, count)| {
                            let checked = facet.selected(&chosen).contains(&value);
                            let label = value_label(&data, facet, &value, lang);
                            let nested = facet == Facet::Section
                                && data.section(&value).is_some_and(|s| s.parent.is_some());
                            let toggle = {
                                let value = value.clone();
                                move |_| {
                                    let mut next = filters.get_untracked();
                                    facet.toggle(&mut next, &value);
                                    set_filters(next, false);
                                }
                            };
                            view! {
                                <li class:nested=nested class:empty=move || count == 0 && !checked>
                                    <label>
                                        <input type="checkbox" prop:checked=checked on:change=toggle
                                            data-facet=format!("{facet:?}").to_lowercase() value=value.clone()/>
                                        <span class="facet-label">{label}</span>
                                        <span class="count" aria-label=format!("({count})")>{count}</span>
                                    </label>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <fieldset class="facet">
                            <legend>{tr(lang, facet_title(facet))}</legend>
                            <ul>{options}</ul>
                        </fieldset>
                    }
                })
                .collect_view()
        }
    };

    let clear_all = move |_| set_filters(Filters::default(), false);

    // The items shown, as a CSV file named after the page, with the address that
    // shows the same selection.
    let download = {
        let data = data.clone();
        move |_| {
            let lang = lang();
            let file_lang = lang.single();
            let chosen = results.get_untracked().items;
            let items = chosen.iter().filter_map(|&i| data.items.get(i));
            let address = ctx.shareable_url(&ctx.route.get_untracked());
            let csv = items_csv(
                &data,
                &tr(file_lang, |u| u.download_selection_csv),
                items,
                file_lang,
                &address,
            );
            // A failure is shown on the page by `save_text` itself.
            let _ = save_text(&csv, "text/csv;charset=utf-8", "selection.csv");
        }
    };

    let result_list = {
        let data = data.clone();
        move || {
            let lang = lang();
            let query = Query::new(&filters.get().q);
            let shown = results.get().items;
            if shown.is_empty() {
                return view! {
                    <div class="empty-results">
                        <p>{tr(lang, |u| u.no_results)}</p>
                        <button type="button" class="button" on:click=clear_all>{tr(lang, |u| u.clear_all)}</button>
                    </div>
                }
                .into_any();
            }
            shown
                .into_iter()
                .filter_map(|i| data.items.get(i))
                .map(|item| {
                    let href = ctx.link_to(View::Item(item.id.clone()));
                    let countries = item
                        .countries
                        .iter()
                        .filter_map(|c| data.country(c))
                        .map(|c| view! { <li class="chip">{bi_marked(&c.name, lang, &query)}</li> })
                        .collect_view();
                    let topics = item
                        .topics
                        .iter()
                        .filter_map(|t| data.topic(t))
                        .map(|t| view! { <li class="chip chip-topic">{bi(&t.name, lang)}</li> })
                        .collect_view();
                    let figures = figure_cards(&ctx, &data, item.figures.iter().filter_map(|f| data.figure(f)), lang);
                    let section = data.section(&item.locator.section).map(|s| bi(&s.title, lang));
                    view! {
                        <article class="result" data-item=item.id.clone()>
                            <header>
                                <span class="kind-badge" data-kind=item.kind.id()>{kind_label(item.kind, lang)}</span>
                                " "{voice_badge(item, lang)}
                                <h2 class="result-title"><a href=href>{bi_marked(&item.title, lang, &query)}</a></h2>
                            </header>
                            <p>{bi_marked(&item.text, lang, &query)}</p>
                            {(!item.figures.is_empty()).then_some(figures)}
                            <footer class="result-meta">
                                <ul class="chips">{countries}{topics}</ul>
                                <span class="locator">{locator_link(&ctx, &data, &item.locator, lang)}" · "{section}</span>
                            </footer>
                        </article>
                    }
                })
                .collect_view()
                .into_any()
        }
    };

    view! {
        <div class="explore">
            <h1>{move || tr(lang(), |u| u.nav_explore)}</h1>
            <p class="lede">{move || tr(lang(), |u| u.explore_intro)}</p>
            {search}
            <div class="explore-layout">
                <div class="facets" class:open=move || facets_open.get()>
                    <h2 class="facets-title">{move || tr(lang(), |u| u.filters)}</h2>
                    <button type="button" class="button secondary facets-toggle" aria-controls="facet-groups"
                        aria-expanded=move || facets_open.get().to_string()
                        on:click=move |_| facets_open.update(|open| *open = !*open)>
                        {move || tr(lang(), |u| u.filters)}
                    </button>
                    <div id="facet-groups" class="facet-groups">
                        {facet_groups}
                        <button type="button" class="button" on:click=clear_all
                            disabled=move || filters.get().is_empty()>
                            {move || tr(lang(), |u| u.clear_all)}
                        </button>
                    </div>
                </div>
                <section class="results" aria-labelledby="results-count">
                    <div class="results-bar">
                        <p id="results-count" class="results-count" role="status" aria-live="polite">
                            {move || results_count(results.get().items.len(), total, lang())}
                        </p>
                        <button type="button" class="button secondary" data-download="selection" on:click=download>
                            {move || tr(lang(), |u| u.download_selection_csv)}
                        </button>
                    </div>
                    {result_list}
                </section>
            </div>
        </div>
    }
}
