//! Explore: every item, faceted by topic, country, kind, voice, place in the argument and
//! section, with search.
//! All state lives in the URL: typing replaces the history entry, a facet adds one.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::parts::{bi, bi_matchable, bi_terms_matchable, figure_cards, locator_link, voice_badge};
use super::Ctx;
use crate::argument::Role;
use crate::data::{Dataset, ItemKind, VoiceKind};
use crate::explore::{explore, sanitize, Facet, KeptRows, SearchIndex, Shown, PAGE_SIZE};
use crate::export::{items_csv, selection_file};
use crate::format::section_number;
use crate::i18n::{
    kind_label, results_count, role_label, show_more, tr, voice_label, Lang, UiPick,
};
use crate::islands::highlight::{SearchHighlight, MATCHABLE};
use crate::pages::lede;
use crate::save::save_text;
use crate::search::Query;
use crate::url_state::{Filters, Route, View};

/// The id of the search field, which `/` focuses from anywhere.
pub const SEARCH_ID: &str = "search";

/// How long typing pauses before the address takes the search text.
const SEARCH_TO_ADDRESS: std::time::Duration = std::time::Duration::from_millis(300);

fn facet_title(facet: Facet) -> UiPick {
    match facet {
        Facet::Topic => |u| u.facet_topic,
        Facet::Country => |u| u.facet_country,
        Facet::Kind => |u| u.facet_kind,
        Facet::Voice => |u| u.facet_voice,
        Facet::Role => |u| u.facet_role,
        Facet::Section => |u| u.facet_section,
    }
}

/// The label of a facet value in the display language.
fn value_label(ds: &Dataset, facet: Facet, value: &str, lang: Lang) -> AnyView {
    let text = match facet {
        Facet::Topic => ds.topic(value).map(|t| &t.name),
        Facet::Country => ds.country(value).map(|c| &c.name),
        Facet::Section => ds.section(value).map(|s| &s.title),
        Facet::Kind | Facet::Voice | Facet::Role => None,
    };
    match (facet, text) {
        (Facet::Kind, _) => ItemKind::from_id(value)
            .map(|k| kind_label(ds, k, lang))
            .unwrap_or_default()
            .into_any(),
        (Facet::Voice, _) => VoiceKind::from_id(value)
            .map(|k| voice_label(k, lang))
            .unwrap_or_default()
            .into_any(),
        (Facet::Role, _) => Role::from_id(value)
            .map(|r| role_label(r, lang))
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
    // What the reader has typed and the address does not hold yet: the list follows the
    // field at once, the address once typing pauses. Rewriting the address on every
    // keystroke made the browser fetch the page's icon again each time, and Safari
    // refuses more than 100 history changes in 30 seconds.
    let typed = RwSignal::new(None::<String>);
    let filters = Memo::new({
        let index = index.clone();
        move |_| {
            let mut filters = ctx.filters();
            if let Some(q) = typed.get() {
                filters.q = q;
            }
            sanitize(&filters, &index)
        }
    });
    // Any change of the address (the search written, a facet, going back) replaces what
    // was typed.
    Effect::new(move |_| {
        ctx.filters();
        typed.set(None);
    });
    let results = Memo::new({
        let index = index.clone();
        move |_| explore(&index, &filters.get())
    });
    // The results drawn: the first pages of the matches.
    let shown = RwSignal::new(Shown::default());
    let visible = Memo::new(move |_| {
        results.with(|r| {
            let n = shown.with(|s| s.count(&filters.get(), r.items.len()));
            r.items.iter().take(n).copied().collect::<Vec<_>>()
        })
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

    // Search: every keystroke updates the list, except while an input method is composing
    // (the text is not final); the address follows in place once typing pauses, or at
    // once when the field is left or Enter is pressed (there is no form to submit).
    let composing = StoredValue::new(false);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // Starts `next` as the pending write (none: cancels it), clearing the one before.
    let set_pending = move |next: Option<TimeoutHandle>| {
        if let Some(old) = pending
            .try_update_value(|p| std::mem::replace(p, next))
            .flatten()
        {
            old.clear();
        }
    };
    let write_search = move || {
        set_pending(None);
        if typed.with_untracked(Option::is_some) {
            set_filters(filters.get_untracked(), true);
        }
    };
    // Leaving Explore drops a write not yet made: it would land on the next page.
    on_cleanup(move || set_pending(None));
    let apply_search = move |value: String| {
        typed.set(Some(value));
        set_pending(set_timeout_with_handle(write_search, SEARCH_TO_ADDRESS).ok());
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
                on:change=move |_| write_search()
            />
        </div>
    };

    // The facets' boxes are built once (a dataset's values do not change); each box
    // updates its own mark, count and label, so a keystroke redraws no list.
    let facet_groups = Facet::ALL
        .into_iter()
        .enumerate()
        .map(|(f, facet)| {
            let options = index
                .facet_values(facet)
                .iter()
                .cloned()
                .enumerate()
                .map(|(v, value)| {
                    // A memo, so that of the page's hundred-odd counts a keystroke
                    // rewrites only those that change.
                    let count = Memo::new(move |_| {
                        results.with(|r| {
                            r.counts
                                .get(f)
                                .and_then(|(_, values)| values.get(v))
                                .map_or(0, |(_, n)| *n)
                        })
                    });
                    let checked = {
                        let value = value.clone();
                        Memo::new(move |_| filters.with(|fl| fl.chosen(facet).contains(&value)))
                    };
                    let label = {
                        let (data, value) = (data.clone(), value.clone());
                        move || value_label(&data, facet, &value, lang())
                    };
                    let nested = facet == Facet::Section
                        && data.section(&value).is_some_and(|s| s.parent.is_some());
                    let toggle = {
                        let value = value.clone();
                        move |_| {
                            let mut next = filters.get_untracked();
                            next.toggle(facet, &value);
                            set_filters(next, false);
                        }
                    };
                    view! {
                        <li class:nested=nested class:empty=move || count.get() == 0 && !checked.get()>
                            <label>
                                <input type="checkbox" prop:checked=checked on:change=toggle
                                    data-facet=facet.param() value=value/>
                                <span class="facet-label">{label}</span>
                                <span class="count" aria-label=move || format!("({})", count.get())>{count}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="facet">
                    <legend>{move || tr(lang(), facet_title(facet))}</legend>
                    <ul>{options}</ul>
                </fieldset>
            }
        })
        .collect_view();

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

    let query = Memo::new(move |_| filters.with(|f| Query::new(&f.q)));
    // The matches are painted once the rows are drawn (just before the frame is): when the
    // search changes, the results shown change or the rows are drawn in another language.
    // The highlight is registered on the effect's first run: effects run only in the
    // browser, not when the build bakes the page.
    let results_node = NodeRef::<leptos::html::Section>::new();
    let painted = StoredValue::new(None::<Painted>);
    Effect::new(move |painter: Option<Option<Rc<SearchHighlight>>>| {
        let painter = painter.unwrap_or_else(|| SearchHighlight::register().map(Rc::new));
        query.track();
        visible.track();
        ctx.lang();
        let paint_with = painter.clone();
        request_animation_frame(move || {
            // Explore may have gone by the next frame (a result opened right after typing).
            let (Some(query), Some(rows), Some(lang)) = (
                query.try_get_untracked(),
                visible.try_get_untracked(),
                ctx.route.try_with_untracked(|r| r.lang),
            ) else {
                return;
            };
            let now = Painted { query, rows, lang };
            // Several changes before one frame paint once.
            if painted.try_with_value(|before| before.as_ref() == Some(&now)) != Some(false) {
                return;
            }
            if let (Some(painter), Some(root)) =
                (paint_with, results_node.try_get_untracked().flatten())
            {
                let selector = format!(".result:not([hidden]) {MATCHABLE}");
                painter.paint(&root, &selector, &now.query);
            }
            painted.try_set_value(Some(now));
        });
        painter
    });
    // Always in the page, hidden while there are results: Explore's island shows it
    // (`islands::explore`), as it shows the button for more below.
    let empty = view! {
        <div class="empty-results" hidden=move || !visible.with(Vec::is_empty)>
            <p>{move || tr(lang(), |u| u.no_results)}</p>
            <button type="button" class="button" data-island="clear" on:click=clear_all>
                {move || tr(lang(), |u| u.clear_all)}
            </button>
        </div>
    };
    // The rows in the page: the results shown and, hidden, those shown before (see
    // `KeptRows`). Keyed by item: a result that stays or comes back is not drawn again.
    let kept = Memo::new(move |before: Option<&KeptRows>| {
        visible.with(|shown| match before {
            Some(kept) => kept.show(shown),
            None => KeptRows::default().show(shown),
        })
    });
    let result_list = {
        let (data, search_index) = (data.clone(), index.clone());
        view! {
            <For each=move || kept.with(KeptRows::items) key=|index| *index let:item>
                {result_row(ctx, data.clone(), &search_index, item, visible)}
            </For>
        }
    };

    // Shows the next page and moves focus to its first result, so a keyboard or
    // screen-reader user goes on reading where the new results start.
    let dataset = StoredValue::new(data.clone());
    let show_next = move |_| {
        let first_new = visible.with_untracked(Vec::len);
        let matched = results.with_untracked(|r| r.items.len());
        shown.update(|s| *s = s.more(&filters.get_untracked(), matched));
        request_animation_frame(move || {
            // Item ids are letters, digits and hyphens (the validator's rule).
            let selector = visible
                .with_untracked(|v| v.get(first_new).copied())
                .and_then(|i| {
                    dataset.with_value(|data| data.items.get(i).map(|item| item.id.clone()))
                })
                .map(|id| format!(".result[data-item=\"{id}\"] .result-title a"));
            let link = selector
                .and_then(|selector| document().query_selector(&selector).ok().flatten())
                .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(link) = link {
                let _ = link.focus();
            }
        });
    };
    let hidden_results = move || {
        let matched = results.with(|r| r.items.len());
        matched.saturating_sub(visible.with(Vec::len))
    };
    let more_button = view! {
        <button type="button" class="button secondary show-more" data-island="more"
            hidden=move || hidden_results() == 0 on:click=show_next>
            {move || {
                let hidden = hidden_results();
                show_more(hidden.min(PAGE_SIZE), hidden, lang())
            }}
        </button>
    };

    view! {
        <div class="explore" data-island="explore">
            <h1>{move || tr(lang(), |u| u.nav_explore)}</h1>
            <p class="lede">{let data = data.clone(); move || lede(&data, &View::Explore, lang())}</p>
            {search}
            <div class="explore-layout">
                <div class="facets" class:open=move || facets_open.get()>
                    <h2 class="facets-title">{move || tr(lang(), |u| u.filters)}</h2>
                    <button type="button" class="button secondary facets-toggle" data-island="facets" aria-controls="facet-groups"
                        aria-expanded=move || facets_open.get().to_string()
                        on:click=move |_| facets_open.update(|open| *open = !*open)>
                        {move || tr(lang(), |u| u.filters)}
                    </button>
                    <div id="facet-groups" class="facet-groups">
                        {facet_groups}
                        <button type="button" class="button" data-island="clear" on:click=clear_all
                            disabled=move || filters.get().is_empty()>
                            {move || tr(lang(), |u| u.clear_all)}
                        </button>
                    </div>
                </div>
                <section class="results" aria-labelledby="results-count" node_ref=results_node>
                    <div class="results-bar">
                        <p id="results-count" class="results-count" role="status" aria-live="polite">
                            {move || results_count(results.with(|r| r.items.len()), total, lang())}
                        </p>
                        // The island's before the app runs (`export::SelectionParts`).
                        <button type="button" class="button secondary" data-download="selection" data-island="download"
                            data-file=format!("{}{}", ctx.root_path(), selection_file(lang().single())) on:click=download>
                            {move || tr(lang(), |u| u.download_selection_csv)}
                        </button>
                    </div>
                    {empty}
                    {result_list}
                    {more_button}
                </section>
            </div>
        </div>
    }
}

/// The result rows of the items at `items`, all shown, as HTML (see `bake_explore_rows`).
#[cfg(not(target_arch = "wasm32"))]
pub fn bake_rows(data: Arc<Dataset>, items: std::ops::Range<usize>) -> String {
    let ctx = expect_context::<Ctx>();
    let index = SearchIndex::new(&data);
    let shown = Memo::new({
        let items = items.clone();
        move |_| items.clone().collect::<Vec<_>>()
    });
    items
        .map(|item| result_row(ctx, data.clone(), &index, item, shown))
        .collect_view()
        .to_html()
}

/// What the search highlight was last painted for.
#[derive(PartialEq)]
struct Painted {
    query: Query,
    rows: Vec<usize>,
    lang: Lang,
}

/// One result, hidden while it is not among the results `shown` (ascending). It is drawn
/// once while it stays in the page: the language draws it again, a search changes nothing
/// in it (its matches are painted over it); a hidden row keeps the language it was last
/// shown in until shown again.
fn result_row(
    ctx: Ctx,
    data: Arc<Dataset>,
    search_index: &SearchIndex,
    index: usize,
    shown: Memo<Vec<usize>>,
) -> impl IntoView {
    let id = data.items.get(index)?.id.clone();
    // Its place in the argument map, if it has one: a link to the map.
    let role = search_index
        .carried(Facet::Role, index)
        .first()
        .and_then(|r| Role::from_id(r));
    let on_screen = Memo::new(move |_| shown.with(|s| s.binary_search(&index).is_ok()));
    let lang = Memo::new(move |before: Option<&Lang>| match before {
        Some(&lang) if !on_screen.get() => lang,
        _ => ctx.lang(),
    });
    let content = move || {
        let lang = lang.get();
        let item = data.items.get(index)?;
        // The text marks the glossary's terms too, as wherever an item's text is shown.
        let text = bi_terms_matchable(&ctx, &data, &item.text, lang);
        let countries = item
            .countries
            .iter()
            .filter_map(|c| data.country(c))
            .map(|c| view! { <li class="chip">{bi_matchable(&c.name, lang)}</li> })
            .collect_view();
        let topics = item
            .topics
            .iter()
            .filter_map(|t| data.topic(t))
            .map(|t| view! { <li class="chip chip-topic">{bi(&t.name, lang)}</li> })
            .collect_view();
        let figures = (!item.figures.is_empty()).then(|| {
            figure_cards(
                &ctx,
                &data,
                item.figures.iter().filter_map(|f| data.figure(f)),
                lang,
            )
        });
        let section = data
            .section(&item.locator.section)
            .map(|s| bi(&s.title, lang));
        let role = role.map(|role| {
            view! {
                <li class="chip chip-role" data-role=role.id()>
                    <a href=ctx.link(View::Argument)>{role_label(role, lang)}</a>
                </li>
            }
        });
        Some(view! {
            <header>
                <span class="kind-badge" data-kind=item.kind.id()>{kind_label(&data, item.kind, lang)}</span>
                " "{voice_badge(item, lang)}
                <h2 class="result-title"><a href=ctx.link(View::Item(item.id.clone()))>{bi_matchable(&item.title, lang)}</a></h2>
            </header>
            <p>{text}</p>
            {figures}
            <footer class="result-meta">
                <ul class="chips">{countries}{topics}{role}</ul>
                <span class="locator">{locator_link(&ctx, &data, &item.locator, lang)}" · "{section}</span>
            </footer>
        })
    };
    Some(view! {
        <article class="result" data-item=id hidden=move || !on_screen.get()
            aria-hidden=move || (!on_screen.get()).then_some("true")>
            {content}
        </article>
    })
}
