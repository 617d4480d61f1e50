//! Islands: small wasm modules, each of its own, that make one part of a baked page live
//! without the app (no Leptos: the page is already drawn, an island only follows the
//! reader's uses on it). The loader (`src/boot.js`) starts a page's island, named by its
//! `<meta name="island">`; `scripts/build-islands.sh` builds each from its binary in
//! `src/bin/`.

mod dom;
pub mod embed;
pub mod explore;
pub mod highlight;

/// Explore's island (`explore`): its name in `islands.json` and in its page's
/// `<meta name="island">`.
pub const EXPLORE: &str = "explore";

/// The embed dialog's island (`embed`), started on the first use of the "Embed" button
/// (`data-island-use`), on every page.
pub const EMBED: &str = "embed";
