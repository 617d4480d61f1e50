//! Glossary: the key terms side by side in both languages.

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::{bi, item_link};
use super::Ctx;
use crate::data::Dataset;
use crate::i18n::tr;
use crate::pages::lede;

#[component]
pub fn Glossary(data: Arc<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let rows = data
            .glossary
            .iter()
            .map(|t| {
                let used = t
                    .items
                    .iter()
                    .filter_map(|i| data.item(i))
                    .map(|i| view! { <li>{item_link(&ctx, &data, i, lang)}</li> })
                    .collect_view();
                view! {
                    <tr id=t.id.clone() data-term=t.id.clone()>
                        <th scope="row" lang="zh-Hans">{t.term.zh.clone()}</th>
                        <td lang="en">{t.term.en.clone()}</td>
                        <td>{bi(&t.explanation, lang)}<ul class="link-list compact">{used}</ul></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="glossary">
                <h1>{tr(lang, |u| u.nav_glossary)}</h1>
                <p class="lede">{lede(&data, &crate::url_state::View::Glossary, lang)}</p>
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{tr(lang, |u| u.term_zh)}</th>
                                <th scope="col">{tr(lang, |u| u.term_en)}</th>
                                <th scope="col">{tr(lang, |u| u.explanation)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
    }
}
