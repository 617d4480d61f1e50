//! Which parts of the app's code, and of its dataset, the browser loads only when a
//! reader first needs them.
//!
//! The overview's code is in the app's main wasm; every other view's is in one of a few
//! wasm chunks, split off at build time (`tools/split-wasm`) and fetched on demand, so a
//! first visit downloads less. Views that share most of their code share a chunk; the
//! embed dialog's form, which every page offers but few readers open, has its own, so
//! have the article's citations in the overview's cite box, and so has the dataset's
//! validator, which only a dataset other than the build's needs. This
//! is the one place that says which view is in which chunk, and which part of the
//! dataset it is drawn from ([`DataPart`]): the app loads by it (`views::lazy`,
//! `views::dataset`), and the bake preloads a page's chunk and data by it (`bake.rs`).

use crate::url_state::View;

/// A part of the app's code that is loaded when first needed (a split point).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    /// Explore and what its results lead to: items, fact cards, the glossary, sources.
    Lists,
    /// The article in order and the argument map.
    Reading,
    /// Charts, the map, countries and coverage.
    Figures,
    /// The embed dialog's form (the button is in the main module).
    Embed,
    /// The article's citations in the overview's cite box, drawn when it is opened.
    Cite,
    /// The dataset's validator: needed only for a dataset file other than the build's.
    Validation,
}

impl Chunk {
    pub const ALL: [Chunk; 6] = [
        Chunk::Lists,
        Chunk::Reading,
        Chunk::Figures,
        Chunk::Embed,
        Chunk::Cite,
        Chunk::Validation,
    ];

    /// The split point's name: the `wasm_split` module name in `views/lazy.rs`, and the
    /// key of the chunk's files in the build's `split-wasm.json`.
    pub fn name(self) -> &'static str {
        match self {
            Chunk::Lists => "lists",
            Chunk::Reading => "reading",
            Chunk::Figures => "figures",
            Chunk::Embed => "embed",
            Chunk::Cite => "cite",
            Chunk::Validation => "validation",
        }
    }
}

/// The chunks that hold views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewChunk {
    Lists,
    Reading,
    Figures,
}

impl ViewChunk {
    /// The chunk a view's code is in; `None` for the overview, which is in the main wasm.
    pub fn of(view: &View) -> Option<ViewChunk> {
        match view {
            View::Overview => None,
            View::Explore | View::Item(_) | View::Fact(_) | View::Glossary | View::Sources => {
                Some(ViewChunk::Lists)
            }
            View::Read | View::Argument => Some(ViewChunk::Reading),
            View::Charts
            | View::Chart(_)
            | View::Countries
            | View::Country(_)
            | View::Map(_)
            | View::Coverage => Some(ViewChunk::Figures),
        }
    }

    pub fn chunk(self) -> Chunk {
        match self {
            ViewChunk::Lists => Chunk::Lists,
            ViewChunk::Reading => Chunk::Reading,
            ViewChunk::Figures => Chunk::Figures,
        }
    }
}

/// The part of the dataset a view is drawn from. The overview needs only the core (see
/// `data::compact::core_json`), a third of the whole; every other view needs the whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataPart {
    Core,
    Whole,
}

impl DataPart {
    /// Views of the main module are drawn from the core, views of a chunk from the whole.
    pub fn of(view: &View) -> DataPart {
        match ViewChunk::of(view) {
            None => DataPart::Core,
            Some(_) => DataPart::Whole,
        }
    }

    /// The file below the site's root.
    pub fn file(self) -> &'static str {
        match self {
            DataPart::Core => crate::data::CORE_FILE,
            DataPart::Whole => crate::data::DATASET_FILE,
        }
    }
}
