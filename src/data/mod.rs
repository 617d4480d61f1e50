//! The dataset: its types, how a file is read, and how it is checked.

pub mod compact;
pub mod model;
mod queries;
pub mod validate;

pub use model::*;
pub use validate::{validate, Problem};

/// Where the dataset is served, below the site's root.
pub const DATASET_FILE: &str = "data/dataset.json";

/// Where the dataset's core is served: what the overview is drawn from (see
/// [`compact::core_json`] and `crate::chunks::DataPart`).
pub const CORE_FILE: &str = "data/core.json";

/// The SHA-256 (hex) of the dataset file as this build serves it (computed by
/// `build.rs`). The build has checked these very bytes, so the app checks again only a
/// file that differs.
pub const SERVED_SHA256: &str = env!("DATASET_SHA256");

/// The SHA-256 (hex) of the core as this build serves it. The app uses a core file
/// only when it is this one; for any other it reads the whole dataset.
pub const SERVED_CORE_SHA256: &str = env!("DATASET_CORE_SHA256");

/// What [`Dataset::unit`] gives for an id no unit has.
static UNNAMED_UNIT: Unit = Unit {
    id: String::new(),
    name: Text {
        zh: String::new(),
        en: String::new(),
    },
    value: None,
    exponent: None,
    en_scale: None,
    ranking: false,
    from_zero: false,
};

/// Reads a dataset file: first its shape, then every rule of [`validate`]. Never
/// panics, whatever the input.
pub fn load(json: &str) -> Result<Dataset, Vec<Problem>> {
    checked(parse(json))
}

/// Reads a dataset the browser has already parsed (`Response.json()`), its shape only:
/// the browser's own JSON parser costs the wasm nothing, serde_json's costs it tens of
/// KB. The rules of [`validate`] are for the caller to apply (the app does so only for a
/// file other than the build's, see [`SERVED_SHA256`]).
pub fn read_parsed(value: wasm_bindgen::JsValue) -> Result<Dataset, Problem> {
    serde_wasm_bindgen::from_value(value).map_err(|e| Problem {
        path: "$".to_string(),
        reason: e.to_string(),
    })
}

fn checked(parsed: Result<Dataset, Problem>) -> Result<Dataset, Vec<Problem>> {
    let dataset = parsed.map_err(|problem| vec![problem])?;
    let problems = validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(problems)
    }
}

/// Parses the JSON, naming the path of the first field that does not fit.
#[cfg(not(target_arch = "wasm32"))]
fn parse(json: &str) -> Result<Dataset, Problem> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        Problem {
            path: if path == "." {
                "$".to_string()
            } else {
                format!("$.{path}")
            },
            reason: e.into_inner().to_string(),
        }
    })
}

/// Parses the JSON, for wasm32 builds of [`load`] (the app itself uses
/// [`read_parsed`]); the message gives line and column, not the path.
#[cfg(target_arch = "wasm32")]
fn parse(json: &str) -> Result<Dataset, Problem> {
    serde_json::from_str(json).map_err(|e| Problem {
        path: "$".to_string(),
        reason: e.to_string(),
    })
}

impl Dataset {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|x| x.id == id)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|x| x.id == id)
    }

    pub fn country(&self, id: &str) -> Option<&Country> {
        self.countries.iter().find(|x| x.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|x| x.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|x| x.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|x| x.id == id)
    }

    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|x| x.id == id)
    }

    pub fn footnote(&self, id: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|x| x.id == id)
    }

    /// A unit by its id; a unit the dataset does not list (a file the validator
    /// refused) writes bare numbers under no name.
    pub fn unit(&self, id: &str) -> &Unit {
        self.units
            .iter()
            .find(|u| u.id == id)
            .unwrap_or(&UNNAMED_UNIT)
    }

    /// The part a country plays (none for a role the dataset does not list: a file
    /// the validator refused).
    pub fn role_of(&self, country: &Country) -> Option<&CountryRole> {
        self.country_roles.iter().find(|r| r.id == country.role)
    }

    /// The role of the countries the article is about, if the dataset names one.
    pub fn focus_role(&self) -> Option<&CountryRole> {
        self.country_roles.iter().find(|r| r.focus.is_some())
    }

    /// The countries the article is about (the focus role's), in the dataset's order.
    pub fn focus_countries(&self) -> impl Iterator<Item = &Country> {
        let focus = self.focus_role().map(|r| r.id.as_str());
        self.countries
            .iter()
            .filter(move |c| Some(c.role.as_str()) == focus)
    }

    /// The label of a country's status, if it has one.
    pub fn status_label(&self, country: &Country) -> Option<&Text> {
        let id = country.status.as_deref()?;
        self.country_statuses
            .iter()
            .find(|s| s.id == id)
            .map(|s| &s.label)
    }

    /// Whether a country gets a profile of its own (its role says so).
    pub fn has_profile(&self, country: &Country) -> bool {
        self.role_of(country).is_some_and(|r| r.profile)
    }

    /// The countries with a profile: role by role, in the dataset's order within each.
    pub fn profiled(&self) -> impl Iterator<Item = &Country> {
        self.country_roles
            .iter()
            .filter(|r| r.profile)
            .flat_map(|r| self.countries.iter().filter(move |c| c.role == r.id))
    }
}
