//! The argument map: which problem or challenge each recommendation answers, the
//! author's approach and what grounds it, which stories are strands of a larger one,
//! and what supports each, drawn twice from the same links: as a grid (recommendations ×
//! what they answer, one mark per link, stated or editorial) for the overview, and
//! as a nested list with every link's reason and place, which is also what screen
//! readers and narrow screens use.

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::{bi, item_link, locator_link};
use super::Ctx;
use crate::argument::{links_into, links_out_of, ArgumentMap, Role};
use crate::data::{Basis, Dataset, Item, Link, Relation};
use crate::format::{figure_value, section_number};
use crate::i18n::{kind_label, tr, Lang, UiPick};
use crate::pages::lede;
use crate::url_state::View;

fn basis_label(basis: Basis) -> UiPick {
    match basis {
        Basis::Stated => |u| u.basis_stated,
        Basis::Editorial => |u| u.basis_editorial,
    }
}

/// The fragment of one link in the nested list.
fn link_anchor(link: &Link) -> String {
    format!("link-{}-{}", link.from, link.to)
}

/// One link, seen from one end: the item at the other end, why, where, on what basis.
fn link_entry(
    ctx: &Ctx,
    ds: &Dataset,
    link: &Link,
    other: &str,
    anchored: bool,
    lang: Lang,
) -> impl IntoView {
    let other = ds.item(other);
    // The numbers the item at the other end states: the evidence in figures.
    let text_lang = lang.single();
    let has_figures = other.is_some_and(|i| !i.figures.is_empty());
    let figures = other.map(|i| {
        i.figures
            .iter()
            .filter_map(|f| ds.figure(f))
            .map(|f| {
                let href = ctx.link(View::Fact(f.id.clone()));
                view! { <li><a href=href>{figure_value(ds, f, text_lang)}</a></li> }
            })
            .collect_view()
    });
    let other = other.map(|i| item_link(ctx, ds, i, lang));
    view! {
        <li class="argument-link" data-basis=link.basis.id() data-relation=link.relation.id() id=anchored.then(|| link_anchor(link))>
            {other}
            <span class="basis-badge" data-basis=link.basis.id()>{tr(lang, basis_label(link.basis))}</span>
            {has_figures.then(|| view! { <ul class="link-figures">{figures}</ul> })}
            <p class="link-reason">{bi(&link.reason, lang)}" "<span class="muted small">{locator_link(ctx, ds, &link.locator, lang)}</span></p>
        </li>
    }
}

/// A labelled list of links (or nothing when there are none). Each link is listed at
/// both its ends; `anchored` gives the entries the fragment the grid links to, on
/// one end only so each fragment is unique.
fn link_group(
    ctx: &Ctx,
    ds: &Dataset,
    title: UiPick,
    links: Vec<(&Link, &str)>,
    anchored: bool,
    lang: Lang,
) -> impl IntoView {
    (!links.is_empty()).then(|| {
        let entries = links
            .into_iter()
            .map(|(link, other)| link_entry(ctx, ds, link, other, anchored, lang))
            .collect_view();
        view! {
            <div class="link-group">
                <p class="link-group-title">{tr(lang, title)}</p>
                <ul class="argument-links">{entries}</ul>
            </div>
        }
    })
}

/// The argument around one item: what it answers, addresses, is part of, grounds and
/// supports, and the same the other way. Shown on the map and on the item's own page.
pub fn item_argument(
    ctx: &Ctx,
    ds: &Dataset,
    item: &Item,
    anchored: bool,
    lang: Lang,
) -> impl IntoView {
    let id = item.id.as_str();
    let out = |relation| {
        links_out_of(ds, id, relation)
            .into_iter()
            .map(|l| (l, l.to.as_str()))
            .collect::<Vec<_>>()
    };
    let into = |relation| {
        links_into(ds, id, relation)
            .into_iter()
            .map(|l| (l, l.from.as_str()))
            .collect::<Vec<_>>()
    };
    view! {
        {link_group(ctx, ds, |u| u.argument_answers, out(Relation::Answers), anchored, lang)}
        {link_group(ctx, ds, |u| u.argument_answered_by, into(Relation::Answers), false, lang)}
        {link_group(ctx, ds, |u| u.argument_addresses, out(Relation::Addresses), false, lang)}
        {link_group(ctx, ds, |u| u.argument_addressed_by, into(Relation::Addresses), false, lang)}
        {link_group(ctx, ds, |u| u.argument_part_of, out(Relation::PartOf), false, lang)}
        {link_group(ctx, ds, |u| u.argument_parts, into(Relation::PartOf), false, lang)}
        {link_group(ctx, ds, |u| u.argument_grounds, out(Relation::Grounds), false, lang)}
        {link_group(ctx, ds, |u| u.argument_grounded_by, into(Relation::Grounds), false, lang)}
        {link_group(ctx, ds, |u| u.argument_supports, out(Relation::Supports), false, lang)}
        {link_group(ctx, ds, |u| u.argument_supported_by, into(Relation::Supports), false, lang)}
    }
}

/// Whether an item takes part in any link.
pub fn has_argument(ds: &Dataset, item: &Item) -> bool {
    ds.links
        .iter()
        .any(|l| l.from == item.id || l.to == item.id)
}

/// The heading of a role's list.
fn role_heading(role: Role) -> UiPick {
    match role {
        Role::Challenge => |u| u.argument_challenges,
        Role::Approach => |u| u.argument_approach,
        Role::Problem => |u| u.argument_problems,
        Role::Recommendation => |u| u.argument_recommendations,
        Role::Evidence => |u| u.argument_evidence,
    }
}

/// What each recommendation answers, as a table: a row per problem or challenge, a
/// column per recommendation, a mark where a link is (filled when the article states
/// it), and how many items support the row.
fn grid(ctx: &Ctx, ds: &Dataset, map: &ArgumentMap, lang: Lang) -> impl IntoView {
    let head = map
        .nodes(Role::Recommendation)
        .iter()
        .map(|r| {
            let href = ctx.link(View::Item(r.id.clone()));
            let number = section_number(ds, &r.locator.section, lang);
            view! {
                <th scope="col" class="grid-rec">
                    <a href=href>
                        <span class="grid-number">{number}</span>
                        <span class="grid-title">{bi(&r.title, lang)}</span>
                    </a>
                </th>
            }
        })
        .collect_view();
    let rows = map
        .nodes(Role::Problem)
        .iter()
        .chain(map.nodes(Role::Challenge))
        .map(|t| {
            let cells = map
                .nodes(Role::Recommendation)
                .iter()
                .map(|r| match ds.links.iter().find(|l| l.from == r.id && l.to == t.id) {
                    Some(link) => view! {
                        <td class="grid-cell" data-basis=link.basis.id()>
                            <a href=format!("#{}", link_anchor(link)) title=link.reason.get(lang).to_string()>
                                <span aria-hidden="true">{if link.basis == Basis::Stated { "●" } else { "○" }}</span>
                                <span class="visually-hidden">{tr(lang, basis_label(link.basis))}</span>
                            </a>
                        </td>
                    }
                    .into_any(),
                    None => view! { <td class="grid-cell"></td> }.into_any(),
                })
                .collect_view();
            let support = links_into(ds, &t.id, Relation::Supports).len();
            let href = ctx.link(View::Item(t.id.clone()));
            view! {
                <tr>
                    <th scope="row">
                        <span class="kind-badge" data-kind=t.kind.id()>{kind_label(ds, t.kind, lang)}</span>" "
                        <a href=href>{bi(&t.title, lang)}</a>
                    </th>
                    {cells}
                    <td class="grid-support">{support}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap argument-grid" tabindex="0" role="region" aria-label=tr(lang, |u| u.argument_grid)>
            <table>
                <thead>
                    <tr>
                        <td></td>
                        {head}
                        <th scope="col" class="grid-support">{tr(lang, |u| u.argument_supported_by)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="muted small">"● "{tr(lang, |u| u.basis_stated)}" · ○ "{tr(lang, |u| u.basis_editorial)}</p>
    }
}

/// One group of the nested list: each node with its links.
fn node_list(ctx: &Ctx, ds: &Dataset, role: Role, nodes: &[&Item], lang: Lang) -> impl IntoView {
    // The dataset's heading for the role, where it gives one.
    let title = ds
        .meta
        .role_headings
        .get(role.id())
        .map_or_else(|| tr(lang, role_heading(role)), |own| own.joined(lang));
    let nodes = nodes
        .iter()
        .map(|item| {
            view! {
                <li class="argument-node" data-item=item.id.clone()>
                    {item_link(ctx, ds, item, lang)}
                    {item_argument(ctx, ds, item, true, lang)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="argument-group">
            <h2>{title}</h2>
            <ul class="argument-nodes">{nodes}</ul>
        </section>
    }
}

#[component]
pub fn Argument(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let map = ArgumentMap::new(&data);
        view! {
            <div class="argument">
                <h1>{tr(lang, |u| u.nav_argument)}</h1>
                <p class="lede">{lede(&data, &View::Argument, lang)}</p>
                {grid(&ctx, &data, &map, lang)}
                <h2 class="visually-hidden">{tr(lang, |u| u.argument_list)}</h2>
                {Role::ALL.into_iter().map(|role| node_list(&ctx, &data, role, map.nodes(role), lang)).collect_view()}
            </div>
        }
    }
}
