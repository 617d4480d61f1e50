//! The "Embed" button on every page and its dialog: choose what (this view, a chart's
//! table, a fact card), language, theme and height; see it live; copy the snippet.
//! The snippet itself is made by the pure core (`crate::embed`).
//!
//! The baked page holds the dialog's form, closed, with what each choice needs from the
//! dataset (each option's page title in every language, its default height): before the
//! app, the embed island (`crate::islands::embed`) makes it live on the button's first
//! use. In the app, the form is drawn when the dialog opens.

use std::sync::Arc;

use leptos::prelude::*;

use super::dataset::Latest;
use super::shell::theme_label;
use super::Ctx;
use crate::data::Dataset;
use crate::embed::{default_height, framed_route, offered_facts, snippet, Target, HOST_SCRIPT};
use crate::format::figure_value;
use crate::i18n::{tr, Lang};
use crate::islands::EMBED;
use crate::pages::page_title;
use crate::url_state::{Route, Theme, View};

/// The snippet's field, selected when the clipboard cannot be used.
const CODE_ID: &str = "embed-code";

/// What the dialog has chosen.
#[derive(Clone, Debug, PartialEq)]
struct Choice {
    target: Target,
    lang: Lang,
    theme: Theme,
    auto_height: bool,
    height: u32,
}

/// The dialog as it opens on the page of `here`: this view, in the page's language and
/// theme, at its default height, sized by the host script.
fn default_choice(here: &Route) -> Choice {
    Choice {
        target: Target::ThisView,
        lang: here.lang,
        theme: here.theme,
        auto_height: true,
        height: default_height(&here.view),
    }
}

/// What the embed island reads of one option of "what": the page title of its frame in
/// each language (Chinese, English, side by side) and its default height.
struct OptionData {
    titles: [String; 3],
    height: u32,
}

/// What the button and the form share: the choice (`None` while the dialog is shut) and
/// the dialog element. (The snippet's copy button is the loader's, `src/boot.js`; its
/// status is emptied at each change of the choice.)
#[derive(Clone, Copy)]
pub struct EmbedState {
    choice: RwSignal<Option<Choice>>,
    dialog: NodeRef<leptos::html::Dialog>,
}

/// The button and its dialog. The form inside is drawn only while the dialog is open,
/// from code in a chunk of its own in the browser (see `crate::chunks`).
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // What the page was drawn from: the form names the page's subject and its figures.
    let latest = expect_context::<Latest>();
    // Baked, the form is drawn for the page's defaults; in the app, when opened.
    let choice = RwSignal::new((!cfg!(target_arch = "wasm32")).then(|| {
        let here = ctx.route.get_untracked();
        default_choice(&here)
    }));
    let dialog = NodeRef::new();
    let state = EmbedState { choice, dialog };
    let lang = move || ctx.lang();

    let open = move |_| {
        choice.set(Some(default_choice(&ctx.route.get_untracked())));
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let is_open = Memo::new(move |_| choice.with(Option::is_some));
    view! {
        <div class="embed-bar">
            <button type="button" class="button secondary embed-open" aria-haspopup="dialog" on:click=open
                data-island-use=EMBED>
                {move || tr(lang(), |u| u.embed_button)}
            </button>
        </div>
        <dialog node_ref=dialog class="embed-dialog" data-island=EMBED aria-labelledby="embed-title"
            aria-label=move || tr(lang(), |u| u.embed_title) on:close=move |_| choice.set(None)>
            {move || {
                let data = is_open.get().then(|| latest.0.get_untracked()).flatten();
                data.map(|data| form_in_chunk(data, state))
            }}
        </dialog>
    }
}

#[cfg(target_arch = "wasm32")]
fn form_in_chunk(data: Arc<Dataset>, state: EmbedState) -> AnyView {
    super::lazy::embed_form(data, state)
}

#[cfg(not(target_arch = "wasm32"))]
fn form_in_chunk(data: Arc<Dataset>, state: EmbedState) -> AnyView {
    form(data, state)
}

/// The dialog's form: what to embed, its language, theme and height, the live preview
/// and the snippet.
pub fn form(data: Arc<Dataset>, state: EmbedState) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let EmbedState { choice, dialog } = state;
    let lang = move || ctx.lang();
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };

    // The frame's route and the snippet, from the page and the choice.
    let framed = move || {
        let here = ctx.route.get();
        choice.get().map(|c| {
            let mut route = framed_route(&here.with_lang(c.lang), &c.target);
            route.theme = c.theme;
            (route, c)
        })
    };
    let site = move || ctx.site_url();
    let code = {
        let data = data.clone();
        move || {
            framed().map(|(route, c)| {
                let title = page_title(Some(&data), &route);
                snippet(&site(), &route, &title, c.height, c.auto_height)
            })
        }
    };
    let code = Memo::new(move |_| code().unwrap_or_default());
    // Baked, the preview has no address: a closed dialog's frame would still load it.
    let preview = move || {
        framed().map(|(route, c)| {
            let src = format!("{}{}", site(), route.address());
            (cfg!(target_arch = "wasm32").then_some(src), c.height)
        })
    };

    let facts = {
        let data = data.clone();
        move || {
            let lang = lang();
            let here = ctx.route.get();
            offered_facts(&data, &here.view)
                .into_iter()
                .filter_map(|id| data.figure(id))
                .map(|f| {
                    let name = data
                        .indicator(&f.indicator)
                        .map(|i| i.name.get(lang).to_string())
                        .unwrap_or_default();
                    let country = data
                        .country(&f.country)
                        .map(|c| c.name.get(lang).to_string())
                        .unwrap_or_default();
                    (
                        f.id.clone(),
                        format!("{name} · {country} · {}", figure_value(&data, f, lang)),
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let is_chart = move || matches!(ctx.route.get().view, View::Chart(_));
    let baked_data = data.clone();
    // What the embed island needs of an option: its page title in each language and its
    // default height.
    let baked = move |target: Target| {
        let data = &baked_data;
        let here = ctx.route.get_untracked();
        let title =
            |lang: Lang| page_title(Some(data), &framed_route(&here.with_lang(lang), &target));
        OptionData {
            titles: [title(Lang::Zh), title(Lang::En), title(Lang::Both)],
            height: default_height(&framed_route(&here, &target).view),
        }
    };
    let set = move |update: Box<dyn Fn(&mut Choice)>| {
        choice.update(|c| {
            if let Some(c) = c {
                update(c);
            }
        });
        // Another snippet: what was said of the last copy no longer holds.
        if let Some(status) = dialog
            .get()
            .and_then(|d| d.query_selector("[data-copy-status]").ok().flatten())
        {
            status.set_text_content(None);
        }
    };

    view! {
        {move || choice.get().map(|c| view! {
            <h2 id="embed-title">{tr(lang(), |u| u.embed_title)}</h2>
            <div class="embed-options">
                <label>
                    {tr(lang(), |u| u.embed_what)}" "
                    <select id="embed-what" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set(Box::new(move |c| {
                            c.target = match value.as_str() {
                                "view" => Target::ThisView,
                                "table" => Target::Table,
                                id => Target::Fact(id.to_string()),
                            };
                            let view = framed_route(&ctx.route.get_untracked(), &c.target).view;
                            c.height = default_height(&view);
                        }));
                    }>
                        {
                            let OptionData { titles: [zh, en, both], height } = baked(Target::ThisView);
                            view! {
                                <option value="view" selected=c.target == Target::ThisView data-title-zh=zh
                                    data-title-en=en data-title-both=both data-height=height>{tr(lang(), |u| u.embed_this_view)}</option>
                            }
                        }
                        {is_chart().then(|| {
                            let OptionData { titles: [zh, en, both], height } = baked(Target::Table);
                            view! {
                                <option value="table" selected=c.target == Target::Table data-title-zh=zh
                                    data-title-en=en data-title-both=both data-height=height>{tr(lang(), |u| u.embed_table)}</option>
                            }
                        })}
                        {facts().into_iter().map(|(id, label)| {
                            let target = Target::Fact(id.clone());
                            let selected = c.target == target;
                            let OptionData { titles: [zh, en, both], height } = baked(target);
                            view! {
                                <option value=id selected=selected data-title-zh=zh data-title-en=en
                                    data-title-both=both data-height=height>{tr(lang(), |u| u.embed_fact)}": "{label}</option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                {radio_group(tr(lang(), |u| u.language), "embed-lang", Lang::ALL.iter().map(|&option| Radio {
                    value: option.code(),
                    label: option.switch_label().to_string(),
                    checked: c.lang == option,
                    choose: Box::new(move || set(Box::new(move |c| c.lang = option))),
                }).collect())}
                {radio_group(tr(lang(), |u| u.theme), "embed-theme", Theme::ALL.iter().map(|&option| Radio {
                    value: option.code(),
                    label: tr(lang(), theme_label(option)),
                    checked: c.theme == option,
                    choose: Box::new(move || set(Box::new(move |c| c.theme = option))),
                }).collect())}
                <fieldset>
                    <legend>{tr(lang(), |u| u.embed_height)}</legend>
                    <label><input type="checkbox" id="embed-auto" checked=c.auto_height
                        on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |c| c.auto_height = on)); }/>
                        " "{tr(lang(), |u| u.embed_auto_height)}</label>
                    " "
                    <label>{tr(lang(), |u| u.embed_fixed_height)}" "
                        <input type="number" id="embed-px" min="120" max="4000" step="10" value=c.height.to_string()
                            on:change=move |ev| {
                                if let Ok(px) = event_target_value(&ev).parse::<u32>() {
                                    set(Box::new(move |c| c.height = px));
                                }
                            }/>" px"</label>
                </fieldset>
            </div>
            <h3>{tr(lang(), |u| u.embed_preview)}</h3>
            {move || preview().map(|(src, height)| {
                let frame = view! {
                    <iframe class="embed-preview" src=src title=tr(lang(), |u| u.embed_preview)
                        height=height.min(480).to_string()></iframe>
                };
                // Baked, the frame is in a template: a frame in the page, even without an
                // address, is a document of its own on every load. The island puts it in.
                if cfg!(target_arch = "wasm32") {
                    frame.into_any()
                } else {
                    view! { <template class="embed-preview-frame">{frame}</template> }.into_any()
                }
            })}
            <label for=CODE_ID class="embed-code-label">{tr(lang(), |u| u.embed_code)}</label>
            <textarea id=CODE_ID readonly rows="5" prop:value=move || code.get()></textarea>
            <p class="embed-actions">
                <button type="button" class="button" data-action="copy" data-copy=CODE_ID
                    data-copied=tr(lang(), |u| u.copied) data-copy-by-hand=tr(lang(), |u| u.copy_by_hand)>{tr(lang(), |u| u.copy)}</button>
                <span role="status" class="muted" data-copy-status=""></span>
                <button type="button" class="button secondary" data-action="close" on:click=close>{tr(lang(), |u| u.close)}</button>
            </p>
            <p class="muted small">{tr(lang(), |u| u.embed_script_note)}" "<code>{HOST_SCRIPT}</code></p>
        })}
    }
    .into_any()
}

/// One radio button of a group: its value and label, whether it is chosen, and what
/// choosing it does.
struct Radio {
    value: &'static str,
    label: String,
    checked: bool,
    choose: Box<dyn Fn() + Send + Sync>,
}

fn radio_group(legend: String, name: &'static str, radios: Vec<Radio>) -> impl IntoView {
    let buttons = radios
        .into_iter()
        .map(|radio| {
            let choose = radio.choose;
            view! {
                <label>
                    <input type="radio" name=name value=radio.value checked=radio.checked on:change=move |_| choose()/>
                    " "{radio.label}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {buttons}
        </fieldset>
    }
}
