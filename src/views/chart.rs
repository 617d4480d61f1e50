//! Charts on the page: one indicator's chart with its legend, source, table view and
//! downloads; the list of all charts; and a chart's own view.

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::{bi, figure_who, item_links, sources_note};
use super::provenance::provenance;
use super::{status, Ctx};
use crate::chart::file::{self, ChartTexts, FileKind, WIDE_WIDTH};
use crate::chart::svg::{render, Drawing};
use crate::chart::{charted_indicators, layout, ChartKind, ChartSpec, Layout};
use crate::data::{Dataset, Item, Qualifier};
use crate::export::FigureSources;
use crate::format::{figure_value, figure_when};
use crate::i18n::tr;
use crate::pages::lede;
use crate::url_state::View;

/// The coordinate width of a chart's narrow drawing, for phones, so its text stays
/// legible; the wide one is the files' ([`WIDE_WIDTH`]). Both are drawn and the
/// stylesheet shows one, so the page needs no measuring and reads the same baked and live.
const NARROW_WIDTH: f64 = 360.0;

/// One indicator's chart, with everything that goes with it: its legend, sources, table
/// (baked beside the drawing; the stylesheet shows one of them) and files.
///
/// Its controls work without the app (`src/boot.js`): the table's button, the download
/// buttons (files the build wrote, `chart::file`), and each point or bar, a link to its
/// figure's page. Once the app runs, it keeps the table's choice itself.
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
    let toggle = move |_| {
        if own_view {
            let mut route = ctx.route.get_untracked();
            route.table = !route.table;
            ctx.go(&route, false);
        } else {
            table_here.update(|t| *t = !*t);
        }
    };

    move || {
        let lang = ctx.lang();
        let Some(spec) = ChartSpec::for_indicator(&data, &indicator) else {
            return status::not_found(&ctx, lang).into_any();
        };
        let href = ctx.link_to(View::Chart(indicator.clone()));
        let text_lang = lang.single();
        let texts = ChartTexts::of(&data, &spec, text_lang);
        let narrow: Layout = layout(&data, &spec, text_lang, NARROW_WIDTH);
        let l: Layout = layout(&data, &spec, text_lang, WIDE_WIDTH);
        let sources = FigureSources::of(&data, spec.figures());
        let figure_link = |id: &str| ctx.link_to(View::Fact(id.to_string()));
        let on_page = |layout: &Layout| {
            render(
                layout,
                &texts.captions(""),
                Drawing::Page {
                    figure_link: &figure_link,
                },
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
            .map(|group| {
                let rows = spec.series[group.series.clone()]
                    .iter()
                    .flat_map(|s| s.figures.iter().copied())
                    .map(|f| {
                        view! {
                            <tr data-figure=f.id.clone()>
                                <td>{figure_who(&data, f, lang)}</td>
                                <td>{figure_when(f, text_lang)}</td>
                                <td class="num">{figure_value(&data, f, text_lang)}</td>
                                <td>{provenance(&ctx, &data, f, lang)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let heading = headed.then(|| {
                    view! { <tr><th scope="rowgroup" colspan="4" class="group-heading">{group.heading(text_lang)}</th></tr> }
                });
                view! { <tbody>{heading}{rows}</tbody> }
            })
            .collect_view();
        let page = href.clone();
        let root = ctx.root_path();
        // A button for each kind of file, with the file the build wrote that it is made
        // from (PNG: the SVG, drawn by the loader).
        let download = |made_from: FileKind, label: &'static str, kind: &'static str| {
            let file = format!("{root}{}", file::path(&indicator, text_lang, made_from));
            view! { <button type="button" class="button secondary" data-download=kind data-file=file>{label}</button> }
        };
        view! {
            <figure class="chart" data-chart=indicator.clone() data-page=page data-show-table=show_table>
                <figcaption>
                    {if own_view {
                        view! { <h1 class="chart-title">{bi(&spec.indicator.name, lang)}</h1> }.into_any()
                    } else {
                        view! { <h2 class="chart-title"><a href=href>{bi(&spec.indicator.name, lang)}</a></h2> }.into_any()
                    }}
                    <p class="muted">{l.value_axis.text.clone()}</p>
                </figcaption>
                <div class="table-wrap chart-tab-table">
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
                <div class="chart-box chart-tab-drawing">
                    <div class="chart-narrow" inner_html=narrow_svg></div>
                    <div class="chart-wide" inner_html=wide_svg></div>
                </div>
                {legend.map(|items| view! { <ul class="legend">{items}</ul> })}
                {qualified.then(|| view! { <p class="muted small">{tr(lang, |u| u.projected_note)}</p> })}
                {sources_note(&ctx, &data, &sources, lang)}
                <div class="chart-actions">
                    // Both labels are baked; the stylesheet shows the one for the tab shown.
                    <button type="button" class="button secondary" data-action="table" on:click=toggle>
                        <span class="chart-tab-drawing">{tr(lang, |u| u.show_table)}</span>
                        <span class="chart-tab-table">{tr(lang, |u| u.show_chart)}</span>
                    </button>
                    <span class="muted">{tr(lang, |u| u.download)}":"</span>
                    {download(FileKind::Svg, "SVG", "svg")}
                    {download(FileKind::Svg, "PNG", "png")}
                    {download(FileKind::Csv, "CSV", "csv")}
                </div>
                <details class="reliance">
                    <summary>{tr(lang, |u| u.items_behind)}" ("{items.len()}")"</summary>
                    {item_links(&ctx, &data, &items, lang)}
                </details>
            </figure>
        }
        .into_any()
    }
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
