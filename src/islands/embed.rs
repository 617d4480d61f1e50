//! The embed dialog's island: the dialog baked into every page (closed) made live
//! without the app, on the reader's first use of the "Embed" button. The form is drawn
//! already, in the page's language, with what each choice needs from the dataset baked
//! into it (each option's page title in every language and its default height:
//! `data-title-{lang}`, `data-height`), so the island needs no data: it follows the
//! choices and writes the snippet and the preview's address with the same pure core as
//! the app (`crate::embed`). The copy button works without it (src/boot.js). If the app
//! takes the page over, its own dialog replaces this one.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlDialogElement, HtmlInputElement, HtmlSelectElement, HtmlTemplateElement,
    HtmlTextAreaElement, Window,
};

use super::dom::{cast, elements, find, listen};
use crate::embed::{framed_route, snippet, Target, MAX_HEIGHT, MIN_HEIGHT};
use crate::i18n::Lang;
use crate::page_address::page_route;
use crate::url_state::{Route, Theme};

/// The preview's frame is at most this tall; the snippet keeps the chosen height.
const PREVIEW_MAX_HEIGHT: u32 = 480;

/// The dialog's parts the island reads and writes.
struct Dialog {
    window: Window,
    dialog: HtmlDialogElement,
    what: HtmlSelectElement,
    auto_height: HtmlInputElement,
    px: HtmlInputElement,
    code: HtmlTextAreaElement,
    preview: Option<Element>,
    status: Option<Element>,
    /// The site's root address (origin and subpath).
    site: String,
    /// The site's root path, below which the page's address is read.
    root: String,
    /// The page's route when the island started: the fallback of `here`.
    started: Route,
}

/// Wires the baked dialog and opens it (the use that started the island); later uses
/// of the button open it again.
pub fn run() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let location = window.location();
    let (root, here) = page_route(&document, &location.pathname()?, &location.search()?)
        .ok_or("not a page of the site")?;
    let site = format!("{}{root}", location.origin()?);
    let dialog: HtmlDialogElement = cast(find(&document, "dialog[data-island=embed]")?)?;
    let part = |selector: &str| find(&document, &format!("dialog[data-island=embed] {selector}"));
    let island = Rc::new(Dialog {
        what: cast(part("#embed-what")?)?,
        auto_height: cast(part("#embed-auto")?)?,
        px: cast(part("#embed-px")?)?,
        code: cast(part("#embed-code")?)?,
        preview: preview_frame(&dialog)?,
        status: dialog.query_selector("[data-copy-status]")?,
        dialog,
        window,
        site,
        root,
        started: here,
    });
    let open_button = find(&document, "[data-island-use=embed]")?;
    on(&island, &open_button, "click", |island, _| island.open());
    on(
        &island,
        &island.what.clone().into(),
        "change",
        |island, _| {
            island.set_default_height();
            island.show();
        },
    );
    for input in elements(island.dialog.query_selector_all("input")) {
        on(&island, &input, "change", |island, _| island.show());
    }
    if let Some(close) = island.dialog.query_selector("[data-action=close]")? {
        on(&island, &close, "click", |island, _| island.dialog.close());
    }
    island.open();
    Ok(())
}

impl Dialog {
    /// The page's route now: on Explore, its island changes the selection in the address.
    fn here(&self) -> Route {
        let location = self.window.location();
        let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
            return self.started.clone();
        };
        Route::parse_address_at(&self.root, &path, &search).unwrap_or_else(|| self.started.clone())
    }

    /// Opens the dialog on the page's own view, language and theme, as the app's does.
    fn open(&self) {
        let here = self.here();
        self.what.set_value("view");
        self.check("embed-lang", here.lang.code());
        self.check("embed-theme", here.theme.code());
        self.auto_height.set_checked(true);
        self.set_default_height();
        if let Some(status) = &self.status {
            status.set_text_content(None);
        }
        self.show();
        let _ = self.dialog.show_modal();
    }

    /// Ticks the radio button of `group` with `value`.
    fn check(&self, group: &str, value: &str) {
        let selector = format!("input[name={group}][value={value}]");
        if let Ok(Some(radio)) = self.dialog.query_selector(&selector) {
            if let Ok(radio) = radio.dyn_into::<HtmlInputElement>() {
                radio.set_checked(true);
            }
        }
    }

    /// The chosen radio button's value in `group`.
    fn checked(&self, group: &str) -> Option<String> {
        let selector = format!("input[name={group}]:checked");
        let radio = self.dialog.query_selector(&selector).ok()??;
        radio.get_attribute("value")
    }

    fn option(&self) -> Option<Element> {
        self.what.selected_options().item(0)
    }

    /// The chosen option's default height in the height field.
    fn set_default_height(&self) {
        let height = self.option().and_then(|o| o.get_attribute("data-height"));
        if let Some(height) = height {
            self.px.set_value(&height);
        }
    }

    /// The snippet and the preview for the choices now.
    fn show(&self) {
        let here = self.here();
        let target = match self.what.value().as_str() {
            "view" => Target::ThisView,
            "table" => Target::Table,
            id => Target::Fact(id.to_string()),
        };
        let lang = self
            .checked("embed-lang")
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(here.lang);
        let theme = self
            .checked("embed-theme")
            .as_deref()
            .and_then(Theme::from_code)
            .unwrap_or(here.theme);
        let mut route = framed_route(&here.with_lang(lang), &target);
        route.theme = theme;
        let title = self
            .option()
            .and_then(|o| o.get_attribute(&format!("data-title-{}", lang.code())))
            .unwrap_or_default();
        let height = self
            .px
            .value()
            .parse::<u32>()
            .unwrap_or(MIN_HEIGHT)
            .clamp(MIN_HEIGHT, MAX_HEIGHT);
        let code = snippet(
            &self.site,
            &route,
            &title,
            height,
            self.auto_height.checked(),
        );
        self.code.set_value(&code);
        if let Some(status) = &self.status {
            status.set_text_content(None);
        }
        if let Some(preview) = &self.preview {
            let src = format!("{}{}", self.site, route.address());
            let _ = preview.set_attribute("src", &src);
            let shown = height.min(PREVIEW_MAX_HEIGHT).to_string();
            let _ = preview.set_attribute("height", &shown);
        }
    }
}

/// The preview's frame, put into the dialog from the template it was baked in (see
/// `views::embed_dialog`).
fn preview_frame(dialog: &HtmlDialogElement) -> Result<Option<Element>, JsValue> {
    if let Some(frame) = dialog.query_selector("iframe.embed-preview")? {
        return Ok(Some(frame));
    }
    let Some(template) = dialog.query_selector("template.embed-preview-frame")? else {
        return Ok(None);
    };
    let template: HtmlTemplateElement = cast(template)?;
    let frame = template.content().first_element_child();
    if let Some(frame) = &frame {
        template.replace_with_with_node_1(frame)?;
    }
    Ok(frame)
}

/// Calls `handle` on each `event` at `target` (see `dom::listen`).
fn on(
    island: &Rc<Dialog>,
    target: &web_sys::EventTarget,
    event: &str,
    handle: impl Fn(&Dialog, web_sys::Event) + 'static,
) {
    let island = island.clone();
    listen(target, event, move |event| handle(&island, event));
}
