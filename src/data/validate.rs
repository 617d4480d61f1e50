//! Checks a parsed dataset for the rules serde cannot express: unique ids, references
//! that resolve, locators that exist, both languages present, known codes.
//!
//! Every problem carries a JSON path (`$.figures[3].indicator`) and a plain reason, so
//! that whoever edits `data/dataset.json` can find and fix it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::model::{Dataset, Item, ItemKind, Link, Locator, Qualifier, Relation, Text, VoiceKind};

/// One thing wrong with a dataset file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Ids of one collection, for resolving references to it.
struct IdSet<'a> {
    what: &'static str,
    ids: HashSet<&'a str>,
}

impl<'a> IdSet<'a> {
    fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            reason: reason.into(),
        });
    }

    /// Collects the ids of a collection, reporting empty, malformed and repeated ones.
    fn ids<'a, T>(
        &mut self,
        collection: &'static str,
        records: &'a [T],
        id_of: impl Fn(&'a T) -> &'a str,
    ) -> IdSet<'a> {
        let mut ids = HashSet::new();
        for (i, record) in records.iter().enumerate() {
            let id = id_of(record);
            let path = format!("$.{collection}[{i}].id");
            if !is_valid_id(id) {
                self.report(
                    &path,
                    format!("id {id:?} must be 1 to 64 letters, digits and '-' only"),
                );
            }
            if !ids.insert(id) {
                self.report(&path, format!("id {id:?} is used twice in {collection}"));
            }
        }
        IdSet {
            what: collection,
            ids,
        }
    }

    fn resolves(&mut self, path: &str, target: &IdSet<'_>, id: &str) {
        if !target.contains(id) {
            self.report(
                path,
                format!("{id:?} does not name any of the {}", target.what),
            );
        }
    }

    fn all_resolve(&mut self, path: &str, target: &IdSet<'_>, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            self.resolves(&format!("{path}[{i}]"), target, id);
        }
    }

    /// A locator must name a section and one of its paragraphs (counted from 1).
    fn locator(
        &mut self,
        path: &str,
        sections: &IdSet<'_>,
        paragraphs: &HashMap<&str, u16>,
        loc: &Locator,
    ) {
        match paragraphs.get(loc.section.as_str()) {
            None => self.resolves(&format!("{path}.section"), sections, &loc.section),
            Some(&count) if loc.paragraph == 0 || loc.paragraph > count => self.report(
                format!("{path}.paragraph"),
                format!(
                    "paragraph {} does not exist: section {:?} has {count}",
                    loc.paragraph, loc.section
                ),
            ),
            Some(_) => {}
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        if text.zh.trim().is_empty() {
            self.report(format!("{path}.zh"), "the Chinese text is missing or empty");
        }
        if text.en.trim().is_empty() {
            self.report(format!("{path}.en"), "the English text is missing or empty");
        }
    }
}

/// Ids appear in URLs, which keep at most 64 characters of one (see `url_state`).
fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn is_alpha3(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Returns every problem found; an empty list means the dataset is sound.
pub fn validate(ds: &Dataset) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };

    let sections = c.ids("sections", &ds.sections, |s| &s.id);
    let topics = c.ids("topics", &ds.topics, |t| &t.id);
    let countries = c.ids("countries", &ds.countries, |x| &x.id);
    let indicators = c.ids("indicators", &ds.indicators, |x| &x.id);
    let figures = c.ids("figures", &ds.figures, |x| &x.id);
    let items = c.ids("items", &ds.items, |x| &x.id);
    let references = c.ids("references", &ds.references, |x| &x.id);
    let footnotes = c.ids("footnotes", &ds.footnotes, |x| &x.id);
    c.ids("glossary", &ds.glossary, |x| &x.id);

    check_meta(&mut c, ds);
    c.all_resolve("$.meta.headline", &figures, &ds.meta.headline);

    for (i, s) in ds.sections.iter().enumerate() {
        let path = format!("$.sections[{i}]");
        c.text(&format!("{path}.title"), &s.title);
        if let Some(parent) = &s.parent {
            c.resolves(&format!("{path}.parent"), &sections, parent);
            // Walk up the outline; coming back to this section means a cycle.
            let mut current = Some(parent.as_str());
            let mut steps = 0;
            while let Some(id) = current {
                if id == s.id || steps > ds.sections.len() {
                    c.report(format!("{path}.parent"), "sections' parents form a cycle");
                    break;
                }
                steps += 1;
                current = ds
                    .sections
                    .iter()
                    .find(|x| x.id == id)
                    .and_then(|x| x.parent.as_deref());
            }
        }
    }

    for (i, t) in ds.topics.iter().enumerate() {
        let path = format!("$.topics[{i}]");
        c.text(&format!("{path}.name"), &t.name);
        c.text(&format!("{path}.description"), &t.description);
    }

    let roles = c.ids("country_roles", &ds.country_roles, |r| &r.id);
    let mut focus_seen = false;
    for (i, r) in ds.country_roles.iter().enumerate() {
        let path = format!("$.country_roles[{i}]");
        c.text(&format!("{path}.heading"), &r.heading);
        if let Some(focus) = &r.focus {
            c.text(&format!("{path}.focus"), focus);
            if focus_seen {
                c.report(
                    format!("{path}.focus"),
                    "only one role can be the article's focus",
                );
            }
            focus_seen = true;
            // The overview's cards of the focus countries link to their profiles.
            if !r.profile {
                c.report(
                    format!("{path}.profile"),
                    "the article's focus countries get profiles (\"profile\": true)",
                );
            }
        }
        if r.group && r.profile {
            c.report(
                format!("{path}.profile"),
                "a group of countries gets no profile (it has no ISO code and no outline)",
            );
        }
        if let Some(note) = &r.note {
            c.text(&format!("{path}.note"), note);
        }
    }
    let statuses = c.ids("country_statuses", &ds.country_statuses, |s| &s.id);
    for (i, s) in ds.country_statuses.iter().enumerate() {
        c.text(&format!("$.country_statuses[{i}].label"), &s.label);
    }

    for (i, x) in ds.countries.iter().enumerate() {
        let path = format!("$.countries[{i}]");
        c.text(&format!("{path}.name"), &x.name);
        c.resolves(&format!("{path}.role"), &roles, &x.role);
        if let Some(status) = &x.status {
            c.resolves(&format!("{path}.status"), &statuses, status);
        }
        let is_group = ds.role_of(x).is_some_and(|r| r.group);
        match (&x.iso, is_group) {
            (Some(iso), false) => {
                if !is_alpha3(iso) {
                    c.report(
                        format!("{path}.iso"),
                        format!(
                            "{iso:?} is not an ISO 3166-1 alpha-3 code (three capital letters)"
                        ),
                    );
                } else if iso != &x.id {
                    c.report(
                        format!("{path}.id"),
                        format!("a country's id must be its ISO code {iso:?}"),
                    );
                }
            }
            (None, false) => c.report(format!("{path}.iso"), "a country needs its ISO code"),
            (Some(_), true) => c.report(
                format!("{path}.iso"),
                "a group of countries has no ISO code",
            ),
            (None, true) => {
                if x.id.len() != 3 || !x.id.chars().all(|ch| ch.is_ascii_alphanumeric()) {
                    c.report(
                        format!("{path}.id"),
                        format!("group code {:?} must be three letters or digits", x.id),
                    );
                }
            }
        }
    }

    let units = c.ids("units", &ds.units, |u| &u.id);
    for (i, u) in ds.units.iter().enumerate() {
        let path = format!("$.units[{i}]");
        c.text(&format!("{path}.name"), &u.name);
        if let Some(value) = &u.value {
            c.text(&format!("{path}.value"), value);
            for (lang, pattern) in [("zh", &value.zh), ("en", &value.en)] {
                if pattern.matches("{}").count() != 1 {
                    c.report(
                        format!("{path}.value.{lang}"),
                        "a value's pattern holds \"{}\", where the number goes, once",
                    );
                }
            }
        }
        if let Some(names) = &u.en_scale {
            for (name, text) in [
                ("ones", &names.ones),
                ("millions", &names.millions),
                ("billions", &names.billions),
            ] {
                if text.trim().is_empty() {
                    c.report(
                        format!("{path}.en_scale.{name}"),
                        "the English name is empty",
                    );
                }
            }
        }
        match (u.exponent, &u.en_scale) {
            (Some(1..=18), Some(_)) | (None, None) => {}
            (Some(_), Some(_)) => c.report(
                format!("{path}.exponent"),
                "the exponent is a power of ten from 1 to 18",
            ),
            (Some(_), None) => c.report(
                format!("{path}.en_scale"),
                "a unit with an exponent needs en_scale, the names English writes it in",
            ),
            (None, Some(_)) => c.report(
                format!("{path}.exponent"),
                "en_scale is only for a unit with an exponent",
            ),
        }
    }

    let indicator_units: HashMap<&str, &str> = ds
        .indicators
        .iter()
        .map(|x| (x.id.as_str(), x.unit.as_str()))
        .collect();
    for (i, x) in ds.indicators.iter().enumerate() {
        let path = format!("$.indicators[{i}]");
        c.text(&format!("{path}.name"), &x.name);
        c.resolves(&format!("{path}.unit"), &units, &x.unit);
        c.text(&format!("{path}.description"), &x.description);
        c.resolves(&format!("{path}.topic"), &topics, &x.topic);
    }

    if let Some(map) = &ds.map {
        let inside = |v: f64, limit: f64| v.is_finite() && v.abs() <= limit;
        if !(inside(map.west, 180.0) && inside(map.east, 180.0) && map.west < map.east) {
            c.report(
                "$.map.east",
                "the map's west and east edges are longitudes (-180 to 180), west first",
            );
        }
        if !(inside(map.south, 90.0) && inside(map.north, 90.0) && map.south < map.north) {
            c.report(
                "$.map.north",
                "the map's south and north edges are latitudes (-90 to 90), south first",
            );
        }
        let mut codes = HashSet::new();
        for (id, code) in &map.outlines {
            let path = format!("$.map.outlines.{id}");
            if !codes.insert(code) {
                c.report(
                    &path,
                    format!("{code} is the code of another country drawn"),
                );
            }
            if !ds.countries.iter().any(|x| &x.id == id && x.iso.is_some()) {
                c.report(
                    &path,
                    format!("{id:?} is not a country of the dataset with an ISO code"),
                );
            }
            if *code == 0 || *code > 999 {
                c.report(
                    path,
                    format!("{code} is not an ISO 3166-1 numeric code (1 to 999)"),
                );
            }
        }
    }

    let items_by_id: HashMap<&str, _> = ds.items.iter().map(|x| (x.id.as_str(), x)).collect();
    for (i, f) in ds.figures.iter().enumerate() {
        let path = format!("$.figures[{i}]");
        c.resolves(&format!("{path}.indicator"), &indicators, &f.indicator);
        c.resolves(&format!("{path}.country"), &countries, &f.country);
        if let Some(partner) = &f.partner {
            c.resolves(&format!("{path}.partner"), &countries, partner);
        }
        if let Some(unit) = indicator_units.get(f.indicator.as_str()) {
            if *unit != f.unit.as_str() {
                c.report(
                    format!("{path}.unit"),
                    format!(
                        "unit {:?} differs from its indicator's unit {:?}",
                        f.unit, unit
                    ),
                );
            }
        }
        if !f.value.is_finite() || f.value < 0.0 {
            c.report(
                format!("{path}.value"),
                "the value must be a finite number, not negative (the article gives none)",
            );
        }
        match (f.qualifier, f.value_max) {
            (Some(Qualifier::Range), Some(max)) if max > f.value => {}
            (Some(Qualifier::Range), Some(_)) => c.report(
                format!("{path}.value_max"),
                "the upper end of a range must be larger than its value",
            ),
            (Some(Qualifier::Range), None) => c.report(
                format!("{path}.value_max"),
                "a figure with qualifier \"range\" needs value_max",
            ),
            (_, Some(_)) => c.report(
                format!("{path}.value_max"),
                "value_max is only allowed with qualifier \"range\"",
            ),
            _ => {}
        }
        if let Some(year) = f.year {
            if !(1900..=2100).contains(&year) {
                c.report(
                    format!("{path}.year"),
                    format!("{year} is not a plausible year"),
                );
            }
        }
        c.resolves(&format!("{path}.item"), &items, &f.item);
        if let Some(item) = items_by_id.get(f.item.as_str()) {
            if !item.figures.contains(&f.id) {
                c.report(
                    format!("{path}.item"),
                    format!("item {:?} does not list this figure in its figures", f.item),
                );
            }
        }
        c.all_resolve(&format!("{path}.references"), &references, &f.references);
        c.all_resolve(&format!("{path}.footnotes"), &footnotes, &f.footnotes);
        if let Some(note) = &f.note {
            c.text(&format!("{path}.note"), note);
        }
    }

    let paragraphs: HashMap<&str, u16> = ds
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.paragraphs))
        .collect();
    for (i, x) in ds.items.iter().enumerate() {
        let path = format!("$.items[{i}]");
        c.text(&format!("{path}.title"), &x.title);
        c.text(&format!("{path}.text"), &x.text);
        c.all_resolve(&format!("{path}.topics"), &topics, &x.topics);
        c.all_resolve(&format!("{path}.countries"), &countries, &x.countries);
        c.all_resolve(&format!("{path}.figures"), &figures, &x.figures);
        c.all_resolve(&format!("{path}.references"), &references, &x.references);
        c.all_resolve(&format!("{path}.footnotes"), &footnotes, &x.footnotes);
        c.locator(
            &format!("{path}.locator"),
            &sections,
            &paragraphs,
            &x.locator,
        );
        match (x.voice.kind, &x.voice.by) {
            (VoiceKind::Author, Some(_)) => c.report(
                format!("{path}.voice.by"),
                "the author's own voice names no one else",
            ),
            (VoiceKind::Attributed | VoiceKind::Reported, None) => c.report(
                format!("{path}.voice.by"),
                format!(
                    "a voice of kind {:?} must say whose it is in \"by\"",
                    x.voice.kind.id()
                ),
            ),
            (_, Some(by)) => c.text(&format!("{path}.voice.by"), by),
            _ => {}
        }
        if let Some(note) = &x.note {
            c.text(&format!("{path}.note"), note);
        }
        if x.topics.is_empty() {
            c.report(format!("{path}.topics"), "an item needs at least one topic");
        }
    }

    for (i, r) in ds.references.iter().enumerate() {
        let path = format!("$.references[{i}]");
        if usize::from(r.number) != i + 1 {
            c.report(
                format!("{path}.number"),
                format!(
                    "references must be numbered 1, 2, 3… in order; found {}",
                    r.number
                ),
            );
        }
        if r.entry.trim().is_empty() {
            c.report(format!("{path}.entry"), "the printed entry is missing");
        }
        if r.authors.is_empty() {
            c.report(format!("{path}.authors"), "a reference needs its authors");
        }
        c.text(&format!("{path}.title"), &r.title);
        c.text(&format!("{path}.container"), &r.container);
        if let Some(place) = &r.place {
            c.text(&format!("{path}.place"), place);
        }
    }

    for (i, n) in ds.footnotes.iter().enumerate() {
        let path = format!("$.footnotes[{i}]");
        c.text(&format!("{path}.text"), &n.text);
        if n.marker.trim().is_empty() {
            c.report(format!("{path}.marker"), "the footnote marker is missing");
        }
    }

    for (i, t) in ds.glossary.iter().enumerate() {
        let path = format!("$.glossary[{i}]");
        c.text(&format!("{path}.term"), &t.term);
        c.text(&format!("{path}.explanation"), &t.explanation);
        c.all_resolve(&format!("{path}.items"), &items, &t.items);
        for (lang, forms) in [("zh", &t.forms.zh), ("en", &t.forms.en)] {
            for (j, form) in forms.iter().enumerate() {
                if form.trim().is_empty() {
                    c.report(
                        format!("{path}.forms.{lang}[{j}]"),
                        "a term's form is empty",
                    );
                }
            }
        }
    }

    let mut pairs = HashSet::new();
    for (i, link) in ds.links.iter().enumerate() {
        let path = format!("$.links[{i}]");
        c.resolves(&format!("{path}.from"), &items, &link.from);
        c.resolves(&format!("{path}.to"), &items, &link.to);
        if link.from == link.to {
            c.report(&path, "an item cannot be linked to itself");
        }
        if !pairs.insert((link.from.as_str(), link.to.as_str())) {
            c.report(
                &path,
                format!("{:?} is linked to {:?} twice", link.from, link.to),
            );
        }
        check_relation(&mut c, &path, link, &items_by_id);
        c.locator(
            &format!("{path}.locator"),
            &sections,
            &paragraphs,
            &link.locator,
        );
        c.text(&format!("{path}.reason"), &link.reason);
    }

    c.problems
}

/// What each relation asks of the kinds (and voices) at its two ends.
fn check_relation(c: &mut Checker, path: &str, link: &Link, items: &HashMap<&str, &Item>) {
    let (Some(from), Some(to)) = (items.get(link.from.as_str()), items.get(link.to.as_str()))
    else {
        return; // An unresolved end is reported already.
    };
    match link.relation {
        Relation::Answers if from.kind != ItemKind::Recommendation => c.report(
            format!("{path}.from"),
            "only a recommendation answers a problem or a challenge",
        ),
        Relation::Supports if to.kind == ItemKind::Narrative => c.report(
            format!("{path}.relation"),
            "nothing \"supports\" a narrative the article rejects (it would read as \
             endorsement): a strand of it is \"part-of\" it, a recommendation \"answers\" it",
        ),
        Relation::Grounds if !matches!(to.kind, ItemKind::Foundation | ItemKind::Reason) => c
            .report(
                format!("{path}.to"),
                "only a foundation or a reason is grounded (\"grounds\"); evidence for \
                 anything else \"supports\" it",
            ),
        Relation::PartOf
            if !(matches!(from.kind, ItemKind::Narrative | ItemKind::Problem)
                || from.voice.kind == VoiceKind::Reported) =>
        {
            c.report(
                format!("{path}.from"),
                "only a narrative, a problem or a reported view is \"part-of\" a larger story \
                 or problem",
            )
        }
        Relation::Addresses if from.kind == ItemKind::Recommendation => c.report(
            format!("{path}.from"),
            "a recommendation \"answers\"; \"addresses\" is for the author's approach",
        ),
        _ => {}
    }
}

fn check_meta(c: &mut Checker, ds: &Dataset) {
    let m = &ds.meta;
    c.text("$.meta.title", &m.title);
    if m.authors.is_empty() {
        c.report("$.meta.authors", "an article has at least one author");
    }
    for (i, a) in m.authors.iter().enumerate() {
        c.text(&format!("$.meta.authors[{i}]"), a);
    }
    if let Some(journal) = &m.journal {
        c.text("$.meta.journal", journal);
    }
    for (field, value) in [("volume", &m.volume), ("issue", &m.issue)] {
        if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
            c.report(
                format!("$.meta.{field}"),
                "empty; leave it out when unknown",
            );
        }
    }
    if let (Some(pages), None) = (&m.pages, m.page_range()) {
        c.report(
            "$.meta.pages",
            format!("{pages:?} is not a page or a range of pages (\"12\" or \"12-30\")"),
        );
    }
    c.text("$.meta.site_name", &m.site_name);
    c.text("$.meta.site_tagline", &m.site_tagline);
    for (key, intro) in &m.intros {
        let path = format!("$.meta.intros.{key}");
        // A folder's own page is a list, and every list view has a lede.
        match crate::url_state::View::of_folder(key) {
            Some(_) => c.text(&path, intro),
            None => c.report(path, "not a view with a lede (explore, countries, map, charts, sources, glossary, read, argument, coverage)"),
        }
    }
    if let Some(id) = &m.map_indicator {
        if !ds.indicators.iter().any(|i| &i.id == id) {
            c.report(
                "$.meta.map_indicator",
                format!("{id:?} is not an indicator of the dataset"),
            );
        }
    }
    for (key, heading) in &m.role_headings {
        let path = format!("$.meta.role_headings.{key}");
        match crate::argument::Role::from_id(key) {
            Some(_) => c.text(&path, heading),
            None => c.report(path, "not a role of the argument map (challenge, approach, problem, recommendation, evidence)"),
        }
    }
    for (key, label) in &m.kind_labels {
        let path = format!("$.meta.kind_labels.{key}");
        match ItemKind::from_id(key) {
            Some(_) => c.text(&path, label),
            None => c.report(path, "not a kind of item"),
        }
    }
    c.text("$.meta.affiliation", &m.affiliation);
    c.text("$.meta.summary", &m.summary);
    c.text("$.meta.funding", &m.funding);
    c.text("$.meta.licence", &m.licence);
    for (i, k) in m.keywords.iter().enumerate() {
        c.text(&format!("$.meta.keywords[{i}]"), k);
    }
    if !m.doi.starts_with("10.") {
        c.report(
            "$.meta.doi",
            format!("{:?} is not a DOI (it starts with \"10.\")", m.doi),
        );
    }
    if m.dataset_version.trim().is_empty() {
        c.report("$.meta.dataset_version", "the dataset version is missing");
    }
}
