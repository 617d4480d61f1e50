//! The China–Central Asia explorer: a bilingual, client-side reader for the facts,
//! figures and arguments of one article.
//!
//! Everything but `views` and `islands` is the pure core (no DOM), tested natively
//! with `cargo test`; `views` holds the Leptos components, kept thin, and `islands` the
//! small modules that make parts of a baked page live without the app.

// Leptos's typed views nest deeply; the native (baking) build proves them `Send` and
// needs more room than the default 128 for the larger views.
#![recursion_limit = "256"]

#[macro_use]
mod codes;
pub mod argument;
pub mod chart;
pub mod chunks;
pub mod cite;
pub mod data;
pub mod embed;
pub mod explore;
pub mod export;
pub mod format;
pub mod i18n;
pub mod islands;
pub mod map;
pub mod order;
pub mod page_address;
pub mod pages;
pub mod save;
pub mod search;
pub mod terms;
pub mod url_state;
#[cfg(feature = "app")]
mod views;

#[cfg(all(feature = "app", not(target_arch = "wasm32")))]
pub mod bake;

/// A page's body as the bake writes it (for the tests of what each page holds).
#[cfg(all(feature = "app", not(target_arch = "wasm32")))]
pub use views::bake_body;
#[cfg(feature = "app")]
pub use views::start;
