//! Charts on the page: one indicator's chart with its legend, source, table view and
//! downloads; the list of all charts; and a chart's own view.

use std::sync::Arc;

use leptos::prelude::*;

use super::download::{save_png, save_text};
use super::parts::{bi, figure_who, item_links, sources_note};
use super::provenance::provenance;
use super::{status, Ctx};
use crate::chart::svg::{render, standalone_size, Captions};
use crate::chart::{
    charted_indicators, group_heading, layout, summary, ChartKind, ChartSpec, Layout,
};
use crate::data::{Dataset, Item, Qualifier};
use crate::export::{figures_csv, FigureSources};
use crate::format::{figure_value, figure_when};
use crate::i18n::{tr, Lang};
use crate::pages::lede;
use crate::url_state::View;
use wasm_bindgen::JsCast;

/// The coordinate widths of a chart: narrow for phones, so its text stays legible, and
/// wide for everything else. Both are drawn and the stylesheet shows one, so the page
/// needs no measuring and reads the same baked and live.
const NARROW_WIDTH: f64 = 360.0;
const WIDE_WIDTH: f64 = 640.0;

/// One indicator's chart, with everything that goes with it.
#[component]
pub fn ChartFigure(data: Arc<Dataset>, indicator: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let route = ctx.route.get_untracked();
    let own_view = route.view == View::Chart(indicator.clone());
    // On the chart's own page the table is part of the URL (`tab=table`); elsewhere it
    // is this chart's own choice.
    let table_here = RwSignal::new(false);
    let table_in_url = Memo::new(move |_| ctx.route.with(|r| r.table));
    let show_table = move || {
        if own_view {
            table_in_url.get()
        } else {
            table_here.get()
        }
    };

    move || {
        let lang = ctx.lang();
        let Some(spec) = ChartSpec::for_indicator(&data, &indicator) else {
            return status::not_found(&ctx, lang).into_any();
        };
        let chart_view = View::Chart(indicator.clone());
        let href = ctx.link(chart_view.clone());
        let text_lang = lang.single();
        let title = spec.indicator.name.get(text_lang).to_string();
        let narrow: Layout = layout(&data, &spec, text_lang, NARROW_WIDTH);
        let l: Layout = layout(&data, &spec, text_lang, WIDE_WIDTH);
        let sources = FigureSources::of(&data, spec.figures());
        let source = sources.line(&data, text_lang);
        let alt = summary(&data, &spec, text_lang);
        let on_page = |layout: &Layout| {
            render(
                layout,
                &Captions {
                    title: &title,
                    summary: &alt,
                    source: &source,
                    address: "",
                },
                false,
            )
        };
        let (narrow_svg, wide_svg) = (on_page(&narrow), on_page(&l));

        let items: Vec<&Item> = {
            let mut ids: Vec<&str> = spec.figures().map(|f| f.item.as_str()).collect();
            crate::order::sort_short_by_key(&mut ids, |&id| id);
            ids.dedup();
            ids.into_iter().filter_map(|id| data.item(id)).collect()
        };
        let legend = (l.kind == ChartKind::Line && l.legend.len() > 1).then(|| {
            l.legend
                .iter()
                .map(|(label, colour)| view! { <li><span class=format!("swatch {}", colour.class())></span>{label.clone()}</li> })
                .collect_view()
        });
        // The note explains dashes and hollow points, which bars do not have.
        let qualified = l.kind != ChartKind::Bar
            && spec.figures().any(|f| {
                matches!(
                    f.qualifier,
                    Some(Qualifier::Projected | Qualifier::MoreThan)
                )
            });
        // The table keeps the chart's groups: a body of rows under each heading.
        let groups = spec.groups();
        let headed = groups.len() > 1;
        let table_bodies = groups
            .into_iter()
            .map(|(role, range)| {
                let rows = spec.series[range]
                    .iter()
                    .flat_map(|s| s.figures.iter().copied())
                    .map(|f| {
                        view! {
                            <tr data-figure=f.id.clone()>
                                <td>{figure_who(&data, f, lang)}</td>
                                <td>{figure_when(f, text_lang)}</td>
                                <td class="num">{figure_value(f, text_lang)}</td>
                                <td>{provenance(&ctx, &data, f, lang)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let heading = headed.then(|| {
                    view! { <tr><th scope="rowgroup" colspan="4" class="group-heading">{group_heading(role, text_lang)}</th></tr> }
                });
                view! { <tbody>{heading}{rows}</tbody> }
            })
            .collect_view();
        // A point or bar of the drawing (drawn as markup, so no handlers of its own)
        // opens its figure's page, which gives its provenance and citation.
        let open_figure = move |target: Option<web_sys::EventTarget>| {
            let id = target
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-figure]").ok().flatten())
                .and_then(|el| el.get_attribute("data-figure"));
            if let Some(id) = id {
                ctx.go(&ctx.route.get_untracked().with_view(View::Fact(id)), false);
            }
        };
        let open_point = move |ev: leptos::ev::MouseEvent| open_figure(ev.target());
        let open_point_by_key = move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Enter" {
                open_figure(ev.target());
            }
        };
        let toggle = move |_| {
            if own_view {
                let mut route = ctx.route.get_untracked();
                route.table = !route.table;
                ctx.go(&route, false);
            } else {
                table_here.update(|t| *t = !*t);
            }
        };
        // Files are drawn when asked for: they carry the page's full address, which
        // only the browser knows. The code that writes them is a chunk of its own,
        // fetched on the first download (see `crate::chunks`).
        let file = ChartFile {
            indicator: indicator.clone(),
            kind: FileKind::Svg,
            layout: l.clone(),
            title: title.clone(),
            summary: alt.clone(),
            source: source.clone(),
            address: String::new(),
            lang: text_lang,
        };
        let save = {
            let data = data.clone();
            move |kind: FileKind| {
                let address =
                    ctx.shareable_url(&ctx.route.get_untracked().with_view(chart_view.clone()));
                save_in_chunk(
                    data.clone(),
                    ChartFile {
                        kind,
                        address,
                        ..file.clone()
                    },
                );
            }
        };
        let save = StoredValue::new(save);
        view! {
            <figure class="chart" data-chart=indicator.clone()>
                <figcaption>
                    {if own_view {
                        view! { <h1 class="chart-title">{bi(&spec.indicator.name, lang)}</h1> }.into_any()
                    } else {
                        view! { <h2 class="chart-title"><a href=href>{bi(&spec.indicator.name, lang)}</a></h2> }.into_any()
                    }}
                    <p class="muted">{l.value_axis.text.clone()}</p>
                </figcaption>
                {if show_table() {
                    view! {
                        <div class="table-wrap">
                            <table class="chart-table">
                                <thead><tr>
                                    <th scope="col">{tr(lang, |u| u.country)}</th>
                                    <th scope="col">{tr(lang, |u| u.when)}</th>
                                    <th scope="col">{tr(lang, |u| u.value)}</th>
                                    <th scope="col">{tr(lang, |u| u.provenance)}</th>
                                </tr></thead>
                                {table_bodies}
                            </table>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <div class="chart-box" data-live on:click=open_point on:keydown=open_point_by_key>
                            <div class="chart-narrow" inner_html=narrow_svg></div>
                            <div class="chart-wide" inner_html=wide_svg></div>
                        </div>
                    }.into_any()
                }}
                {legend.map(|items| view! { <ul class="legend">{items}</ul> })}
                {qualified.then(|| view! { <p class="muted small">{tr(lang, |u| u.projected_note)}</p> })}
                {sources_note(&ctx, &data, &sources, lang)}
                <div class="chart-actions">
                    <button type="button" class="button secondary" data-action="table" on:click=toggle>
                        {move || if show_table() { tr(lang, |u| u.show_chart) } else { tr(lang, |u| u.show_table) }}
                    </button>
                    <span class="muted">{tr(lang, |u| u.download)}":"</span>
                    <button type="button" class="button secondary" data-download="svg" on:click=move |_| save.with_value(|s| s(FileKind::Svg))>"SVG"</button>
                    <button type="button" class="button secondary" data-download="png" on:click=move |_| save.with_value(|s| s(FileKind::Png))>"PNG"</button>
                    <button type="button" class="button secondary" data-download="csv" on:click=move |_| save.with_value(|s| s(FileKind::Csv))>"CSV"</button>
                </div>
                <details class="reliance">
                    <summary>{tr(lang, |u| u.items_behind)}" ("{items.len()}")"</summary>
                    {item_links(&ctx, &items, lang)}
                </details>
            </figure>
        }
        .into_any()
    }
}

/// Which file of a chart a download button asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Svg,
    Png,
    Csv,
}

/// A chart's file as a download button asks for it: the chart as drawn on the page,
/// with its texts and the page's full address, which the file names as its source.
#[derive(Clone, Debug)]
pub struct ChartFile {
    indicator: String,
    kind: FileKind,
    layout: Layout,
    title: String,
    summary: String,
    source: String,
    address: String,
    lang: Lang,
}

/// Writes a chart's file and offers it as a download (a failure is shown on the page
/// by `download`).
pub fn save_file(data: &Dataset, file: ChartFile) {
    let Some(spec) = ChartSpec::for_indicator(data, &file.indicator) else {
        return;
    };
    let captions = Captions {
        title: &file.title,
        summary: &file.summary,
        source: &file.source,
        address: &file.address,
    };
    let drawn = || render(&file.layout, &captions, true);
    let name = &file.indicator;
    let _ = match file.kind {
        FileKind::Svg => save_text(&drawn(), "image/svg+xml", &format!("{name}.svg")),
        FileKind::Csv => save_text(
            &figures_csv(data, &file.title, spec.figures(), file.lang, &file.address),
            "text/csv;charset=utf-8",
            &format!("{name}.csv"),
        ),
        FileKind::Png => {
            let (width, height) = standalone_size(&file.layout, &captions);
            save_png(&drawn(), width, height, &format!("{name}.png"))
        }
    };
}

#[cfg(target_arch = "wasm32")]
fn save_in_chunk(data: Arc<Dataset>, file: ChartFile) {
    wasm_bindgen_futures::spawn_local(super::lazy::chart_file(data, file));
}

#[cfg(not(target_arch = "wasm32"))]
fn save_in_chunk(data: Arc<Dataset>, file: ChartFile) {
    save_file(&data, file);
}

/// The charts of some indicators side by side; nothing when there are none.
pub fn chart_grid<'a>(
    data: &Arc<Dataset>,
    indicators: impl IntoIterator<Item = &'a str>,
) -> Option<AnyView> {
    let charts: Vec<_> = indicators
        .into_iter()
        .map(|id| view! { <ChartFigure data=data.clone() indicator=id.to_string()/> })
        .collect();
    (!charts.is_empty()).then(|| view! { <div class="chart-grid">{charts}</div> }.into_any())
}

/// Every chart.
#[component]
pub fn Charts(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let charts = chart_grid(
        &data,
        charted_indicators(&data)
            .into_iter()
            .map(|ind| ind.id.as_str()),
    );
    view! {
        <div class="charts">
            <h1>{move || tr(ctx.lang(), |u| u.nav_charts)}</h1>
            <p class="lede">{let data = data.clone(); move || lede(&data, &View::Charts, ctx.lang())}</p>
            {charts}
        </div>
    }
}

/// One chart on its own page.
#[component]
pub fn ChartView(data: Arc<Dataset>, id: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    if ChartSpec::for_indicator(&data, &id).is_none() {
        return status::not_found(&ctx, ctx.lang()).into_any();
    }
    let description = data.indicator(&id).map(|i| i.description.clone());
    view! {
        <div class="chart-page">
            <p class="eyebrow"><a href=ctx.link(View::Charts)>{move || tr(ctx.lang(), |u| u.nav_charts)}</a></p>
            <ChartFigure data indicator=id/>
            {description.map(|d| view! { <p class="lede">{move || bi(&d, ctx.lang())}</p> })}
        </div>
    }
    .into_any()
}
