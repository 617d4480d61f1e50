//! The dataset file and its validator: the real data is sound, and every rule catches
//! a fixture broken in just that way, with a message that names the place.

use cca_explorer::data::{load, Problem};
use serde_json::{json, Value};

const REAL: &str = include_str!("../data/dataset.json");
const MINIMAL: &str = include_str!("fixtures/minimal.json");

fn minimal() -> Value {
    serde_json::from_str(MINIMAL).expect("the fixture is valid JSON")
}

/// Loads a fixture changed by `edit`, expecting it to fail.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut value = minimal();
    edit(&mut value);
    match load(&value.to_string()) {
        Ok(_) => panic!("the broken fixture was accepted"),
        Err(problems) => problems,
    }
}

fn assert_reports(problems: &[Problem], path: &str, reason_part: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.path == path && p.reason.contains(reason_part)),
        "expected {path}: …{reason_part}…, got {problems:#?}"
    );
}

#[test]
fn the_real_dataset_is_valid() {
    if let Err(problems) = load(REAL) {
        panic!("data/dataset.json has problems:\n{problems:#?}");
    }
}

#[test]
fn the_real_dataset_covers_the_article() {
    let ds = load(REAL).expect("valid");
    assert_eq!(ds.references.len(), 15, "the article lists 15 references");
    assert_eq!(ds.meta.doi, "10.13761/j.cnki.cn23-1073/c.2023.02.001");
    let kind_count = |kind: &str| {
        ds.items
            .iter()
            .filter(|i| i.kind == cca_explorer::data::ItemKind::from_id(kind).unwrap())
            .count()
    };
    assert_eq!(kind_count("narrative"), 6, "six 'China threat' narratives");
    assert_eq!(kind_count("recommendation"), 6, "six recommendations");
    assert_eq!(
        kind_count("reason"),
        4,
        "four reasons for social cooperation"
    );
    assert_eq!(kind_count("foundation"), 3, "three foundations");
    assert_eq!(
        ds.focus_countries().count(),
        5,
        "the five Central Asian states"
    );
    // Spot checks of figures against the article.
    let value = |country: &str, indicator: &str, year: u16| {
        ds.figures
            .iter()
            .find(|f| f.country == country && f.indicator == indicator && f.year == Some(year))
            .map(|f| f.value)
    };
    assert_eq!(value("KGZ", "poverty-rate", 2018), Some(22.4));
    assert_eq!(value("TJK", "poverty-rate", 2019), Some(26.3));
    assert_eq!(value("TJK", "terrorism-index", 2020), Some(4.584));
    assert_eq!(value("CA5", "population", 1991), Some(5076.03));
}

#[test]
fn the_minimal_fixture_is_valid() {
    assert!(load(MINIMAL).is_ok());
}

#[test]
fn bad_json_gets_its_line_and_column() {
    let problems = load("{\n  \"meta\": ").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].reason.contains("line 2 column 10"),
        "{problems:?}"
    );
}

#[test]
fn a_wrong_type_names_its_path() {
    let problems = problems_after(|v| v["figures"][1]["value"] = json!("29.5"));
    assert_eq!(problems[0].path, "$.figures[1].value");
    assert!(problems[0].reason.contains("invalid type"), "{problems:?}");
}

#[test]
fn an_unknown_field_is_rejected() {
    let problems = problems_after(|v| v["items"][0]["colour"] = json!("red"));
    assert!(problems[0].path.starts_with("$.items[0]"), "{problems:?}");
    assert!(
        problems[0].reason.contains("unknown field `colour`"),
        "{problems:?}"
    );
}

#[test]
fn an_unknown_kind_is_rejected() {
    let problems = problems_after(|v| v["items"][1]["kind"] = json!("opinion"));
    assert_eq!(problems[0].path, "$.items[1].kind");
    assert!(problems[0].reason.contains("unknown variant `opinion`"));
}

#[test]
fn a_missing_language_is_reported() {
    let problems = problems_after(|v| {
        v["items"][0]["text"]
            .as_object_mut()
            .expect("object")
            .remove("en");
    });
    assert!(
        problems[0].path.starts_with("$.items[0].text"),
        "{problems:?}"
    );
    assert!(problems[0].reason.contains("missing field `en`"));
}

#[test]
fn an_empty_language_is_reported() {
    let problems = problems_after(|v| v["topics"][0]["name"]["zh"] = json!("  "));
    assert_reports(
        &problems,
        "$.topics[0].name.zh",
        "Chinese text is missing or empty",
    );
}

#[test]
fn a_repeated_id_is_reported() {
    let problems = problems_after(|v| v["figures"][1]["id"] = json!("poverty-kgz-2017"));
    assert_reports(&problems, "$.figures[1].id", "used twice");
}

#[test]
fn a_dangling_reference_is_reported() {
    let problems = problems_after(|v| v["items"][0]["references"] = json!(["r9"]));
    assert_reports(
        &problems,
        "$.items[0].references[0]",
        "\"r9\" does not name any of the references",
    );
}

#[test]
fn a_figure_needs_a_known_indicator() {
    let problems = problems_after(|v| v["figures"][0]["indicator"] = json!("gdp"));
    assert_reports(
        &problems,
        "$.figures[0].indicator",
        "does not name any of the indicators",
    );
}

#[test]
fn a_figure_needs_an_item_that_lists_it() {
    let problems = problems_after(|v| v["items"][0]["figures"] = json!(["poverty-kgz-2017"]));
    assert_reports(&problems, "$.figures[1].item", "does not list this figure");
}

#[test]
fn a_figure_unit_must_match_its_indicator() {
    let problems = problems_after(|v| v["figures"][0]["unit"] = json!("years"));
    assert_reports(
        &problems,
        "$.figures[0].unit",
        "differs from its indicator's unit",
    );
}

#[test]
fn the_units_are_checked() {
    assert_each_reported(&[
        (
            |v| v["indicators"][0]["unit"] = json!("tonnes"),
            "$.indicators[0].unit",
            "does not name any of the units",
        ),
        (
            |v| v["units"][0]["name"]["zh"] = json!(""),
            "$.units[0].name.zh",
            "Chinese text is missing",
        ),
        (
            |v| v["units"][0]["value"]["en"] = json!("per cent"),
            "$.units[0].value.en",
            "where the number goes, once",
        ),
        (
            |v| v["units"][0]["value"]["zh"] = json!("{}–{}%"),
            "$.units[0].value.zh",
            "where the number goes, once",
        ),
        (
            |v| v["units"][0]["exponent"] = json!(4),
            "$.units[0].en_scale",
            "needs en_scale",
        ),
        (
            |v| v["units"][0]["en_scale"] = json!({ "ones": "people", "millions": "million people", "billions": "billion people" }),
            "$.units[0].exponent",
            "only for a unit with an exponent",
        ),
        (
            |v| {
                v["units"][0]["exponent"] = json!(4);
                v["units"][0]["en_scale"] =
                    json!({ "ones": "people", "millions": " ", "billions": "billion people" })
            },
            "$.units[0].en_scale.millions",
            "the English name is empty",
        ),
        (
            |v| {
                v["units"][0]["exponent"] = json!(0);
                v["units"][0]["en_scale"] = json!({ "ones": "people", "millions": "million people", "billions": "billion people" })
            },
            "$.units[0].exponent",
            "a power of ten from 1 to 18",
        ),
        (
            |v| v["units"] = json!([v["units"][0], v["units"][0]]),
            "$.units[1].id",
            "used twice in units",
        ),
    ]);
}

/// The fixture with a map of its two countries.
fn with_map(v: &mut Value) {
    v["map"] = json!({ "west": 65, "east": 80, "south": 35, "north": 45, "outlines": { "KGZ": 417, "TJK": 762 } });
}

#[test]
fn the_maps_extent_and_countries_are_checked() {
    let mut fine = minimal();
    with_map(&mut fine);
    assert!(
        load(&fine.to_string()).is_ok(),
        "the fixture's map is sound"
    );
    assert_each_reported(&[
        (
            |v| {
                with_map(v);
                v["map"]["east"] = json!(60);
            },
            "$.map.east",
            "west first",
        ),
        (
            |v| {
                with_map(v);
                v["map"]["north"] = json!(95);
            },
            "$.map.north",
            "latitudes (-90 to 90)",
        ),
        (
            |v| {
                with_map(v);
                v["map"]["outlines"]["CA5"] = json!(1);
            },
            "$.map.outlines.CA5",
            "not a country of the dataset with an ISO code",
        ),
        (
            |v| {
                with_map(v);
                v["map"]["outlines"]["TJK"] = json!(417);
            },
            "$.map.outlines.TJK",
            "the code of another country drawn",
        ),
        (
            |v| {
                with_map(v);
                v["map"]["outlines"]["KGZ"] = json!(1000);
            },
            "$.map.outlines.KGZ",
            "not an ISO 3166-1 numeric code",
        ),
    ]);
}

#[test]
fn a_range_needs_its_upper_end() {
    let problems = problems_after(|v| v["figures"][0]["qualifier"] = json!("range"));
    assert_reports(&problems, "$.figures[0].value_max", "needs value_max");
}

#[test]
fn a_locator_must_point_into_the_article() {
    let problems = problems_after(|v| v["items"][0]["locator"]["paragraph"] = json!(3));
    assert_reports(
        &problems,
        "$.items[0].locator.paragraph",
        "paragraph 3 does not exist",
    );
    let problems = problems_after(|v| v["items"][0]["locator"]["section"] = json!("s9"));
    assert_reports(
        &problems,
        "$.items[0].locator.section",
        "does not name any of the sections",
    );
}

#[test]
fn country_codes_must_be_known() {
    let problems = problems_after(|v| v["figures"][0]["country"] = json!("KYR"));
    assert_reports(
        &problems,
        "$.figures[0].country",
        "does not name any of the countries",
    );
    let problems = problems_after(|v| v["countries"][0]["iso"] = json!("kg"));
    assert_reports(
        &problems,
        "$.countries[0].iso",
        "not an ISO 3166-1 alpha-3 code",
    );
}

#[test]
fn the_countries_roles_and_statuses_are_checked() {
    assert_each_reported(&[
        (
            |v| v["countries"][0]["role"] = json!("central-asia"),
            "$.countries[0].role",
            "does not name any of the country_roles",
        ),
        (
            |v| v["countries"][0]["status"] = json!("observer"),
            "$.countries[0].status",
            "does not name any of the country_statuses",
        ),
        (
            |v| v["country_roles"][1]["id"] = json!("focus"),
            "$.country_roles[1].id",
            "used twice in country_roles",
        ),
        (
            |v| v["country_roles"][0]["heading"]["en"] = json!(""),
            "$.country_roles[0].heading.en",
            "English text is missing",
        ),
        (
            |v| v["country_roles"][1]["focus"] = json!({ "zh": "地区", "en": "The region" }),
            "$.country_roles[1].focus",
            "only one role can be the article's focus",
        ),
        (
            |v| v["country_roles"][0]["note"] = json!({ "zh": "", "en": "A note" }),
            "$.country_roles[0].note.zh",
            "Chinese text is missing",
        ),
        (
            |v| v["country_roles"][0]["profile"] = json!(false),
            "$.country_roles[0].profile",
            "focus countries get profiles",
        ),
        (
            |v| v["country_roles"][1]["profile"] = json!(true),
            "$.country_roles[1].profile",
            "a group of countries gets no profile",
        ),
        (
            |v| v["country_statuses"][0]["label"]["zh"] = json!(" "),
            "$.country_statuses[0].label.zh",
            "Chinese text is missing",
        ),
        // A group's role makes a country with an ISO code wrong, and the other way round.
        (
            |v| v["countries"][2]["iso"] = json!("CAF"),
            "$.countries[2].iso",
            "a group of countries has no ISO code",
        ),
        (
            |v| v["country_roles"][1]["group"] = json!(false),
            "$.countries[2].iso",
            "a country needs its ISO code",
        ),
    ]);
}

#[test]
fn sections_cannot_form_a_cycle() {
    let problems = problems_after(|v| v["sections"][1]["parent"] = json!("s1-1"));
    assert_reports(&problems, "$.sections[1].parent", "form a cycle");
}

#[test]
fn values_must_not_be_negative_and_ids_fit_in_a_url() {
    let problems = problems_after(|v| v["figures"][0]["value"] = json!(-5));
    assert_reports(&problems, "$.figures[0].value", "not negative");
    let problems = problems_after(|v| v["topics"][0]["id"] = json!("x".repeat(65)));
    assert_reports(&problems, "$.topics[0].id", "1 to 64");
}

#[test]
fn references_are_numbered_in_order() {
    let problems = problems_after(|v| v["references"][0]["number"] = json!(2));
    assert_reports(&problems, "$.references[0].number", "numbered 1, 2, 3");
}

#[test]
fn an_argument_link_must_resolve() {
    let problems = problems_after(|v| v["links"][0]["to"] = json!("nothing"));
    assert_reports(&problems, "$.links[0].to", "does not name any of the items");
}

#[test]
fn an_argument_link_is_not_to_itself_nor_repeated() {
    let problems = problems_after(|v| v["links"][0]["to"] = json!("rec-poverty"));
    assert_reports(&problems, "$.links[0]", "linked to itself");
    let problems = problems_after(|v| {
        let link = v["links"][0].clone();
        v["links"].as_array_mut().expect("an array").push(link);
    });
    assert_reports(&problems, "$.links[1]", "twice");
}

#[test]
fn only_a_recommendation_answers() {
    let problems = problems_after(|v| {
        v["links"][0]["from"] = json!("claim-poverty");
        v["links"][0]["to"] = json!("rec-poverty");
    });
    assert_reports(&problems, "$.links[0].from", "only a recommendation");
}

/// A second claim, reported, for the fixtures of the relations between two non-recommendations.
fn with_reported_claim(v: &mut Value) {
    let mut item = v["items"][0].clone();
    item["id"] = json!("claim-reported");
    item["voice"] = json!({ "kind": "reported", "by": { "zh": "某些媒体", "en": "Some media" } });
    item.as_object_mut().expect("an object").remove("figures");
    v["items"].as_array_mut().expect("an array").push(item);
}

#[test]
fn nothing_supports_a_narrative() {
    let problems = problems_after(|v| {
        v["items"][0]["kind"] = json!("narrative");
        v["links"][0]["relation"] = json!("supports");
    });
    assert_reports(&problems, "$.links[0].relation", "endorsement");
}

#[test]
fn only_a_foundation_or_a_reason_is_grounded() {
    let problems = problems_after(|v| {
        v["links"][0]["from"] = json!("claim-poverty");
        v["links"][0]["to"] = json!("rec-poverty");
        v["links"][0]["relation"] = json!("grounds");
    });
    assert_reports(&problems, "$.links[0].to", "only a foundation or a reason");
}

#[test]
fn only_a_narrative_a_problem_or_a_reported_view_is_part_of_another() {
    let problems = problems_after(|v| {
        with_reported_claim(v);
        v["links"][0]["from"] = json!("claim-poverty");
        v["links"][0]["to"] = json!("claim-reported");
        v["links"][0]["relation"] = json!("part-of");
    });
    assert_reports(&problems, "$.links[0].from", "part-of");
}

#[test]
fn a_recommendation_answers_and_does_not_address() {
    let problems = problems_after(|v| v["links"][0]["relation"] = json!("addresses"));
    assert_reports(&problems, "$.links[0].from", "a recommendation \"answers\"");
}

#[test]
fn the_new_relations_are_accepted_where_they_fit() {
    let mut value = minimal();
    with_reported_claim(&mut value);
    value["items"][0]["kind"] = json!("reason");
    value["links"][0]["from"] = json!("claim-reported");
    value["links"][0]["to"] = json!("claim-poverty");
    for relation in ["grounds", "part-of", "addresses", "supports"] {
        value["links"][0]["relation"] = json!(relation);
        assert!(load(&value.to_string()).is_ok(), "{relation}");
    }
}

#[test]
fn an_argument_link_has_a_reason_and_a_real_place() {
    let problems = problems_after(|v| v["links"][0]["reason"]["en"] = json!(" "));
    assert_reports(&problems, "$.links[0].reason.en", "English text");
    let problems = problems_after(|v| v["links"][0]["locator"]["paragraph"] = json!(9));
    assert_reports(&problems, "$.links[0].locator.paragraph", "does not exist");
}

#[test]
fn a_voice_says_whose_it_is() {
    let problems = problems_after(|v| v["items"][0]["voice"] = json!({ "kind": "reported" }));
    assert_reports(&problems, "$.items[0].voice.by", "whose it is");
    let problems = problems_after(|v| {
        v["items"][1]["voice"] = json!({ "kind": "author", "by": { "zh": "某", "en": "Someone" } })
    });
    assert_reports(&problems, "$.items[1].voice.by", "names no one else");
    let problems = problems_after(|v| v["items"][1]["voice"] = json!({ "kind": "opinion" }));
    assert_reports(&problems, "$.items[1].voice.kind", "unknown variant");
    let problems = problems_after(|v| v["items"][1]["note"]["zh"] = json!(""));
    assert_reports(&problems, "$.items[1].note.zh", "Chinese text");
}

mod arbitrary_input {
    //! The dataset comes from a file anyone can edit or a server anyone can tamper with:
    //! whatever it holds, loading it never panics (a panic kills the page).
    use super::*;
    use proptest::prelude::*;

    /// Paths to every value of a JSON document.
    fn paths(value: &Value, at: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(at.clone());
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let mut next = at.clone();
                    next.push(k.clone());
                    paths(v, next, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let mut next = at.clone();
                    next.push(i.to_string());
                    paths(v, next, out);
                }
            }
            _ => {}
        }
    }

    fn replace(value: &mut Value, path: &[String], with: Value) {
        match path.split_first() {
            None => *value = with,
            Some((key, rest)) => {
                let child = match value {
                    Value::Object(map) => map.get_mut(key),
                    Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
                    _ => None,
                };
                if let Some(child) = child {
                    replace(child, rest, with);
                }
            }
        }
    }

    /// The place at `path` as problems name it (`$.items[3].text.en`).
    fn json_path(value: &Value, path: &[String]) -> String {
        let mut out = String::from("$");
        let mut at = value;
        for key in path {
            if let Value::Array(items) = at {
                out.push_str(&format!("[{key}]"));
                at = key
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get(i))
                    .unwrap_or(&Value::Null);
            } else {
                out.push('.');
                out.push_str(key);
                at = &at[key.as_str()];
            }
        }
        out
    }

    /// Whether `problem` names `place`, a place inside it, or one holding it below the
    /// root (which holds every place).
    fn around(problem: &str, place: &str) -> bool {
        let within = |inner: &str, outer: &str| {
            inner.strip_prefix(outer).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
            })
        };
        within(problem, place) || (problem != "$" && within(place, problem))
    }

    /// Every record id (`"id": "…"`) in a value.
    fn ids_in(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(id)) = map.get("id") {
                    out.push(id.clone());
                }
                map.values().for_each(|v| ids_in(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| ids_in(v, out)),
            _ => {}
        }
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            "\\PC{0,40}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_text_loads_or_is_refused_without_a_panic(text in "\\PC{0,400}") {
            let _ = load(&text);
        }

        /// Random text stops the parser at its first few characters; the real file cut
        /// short anywhere stops it at every depth of the dataset: refused as ending too
        /// soon, at the line it ends on (unless only the final whitespace was cut).
        #[test]
        fn the_real_file_cut_short_anywhere_is_refused_where_it_ends(at in any::<prop::sample::Index>()) {
            let mut end = at.index(REAL.len());
            while !REAL.is_char_boundary(end) {
                end -= 1;
            }
            let (cut, rest) = REAL.split_at(end);
            match load(cut) {
                Ok(_) => prop_assert!(rest.trim().is_empty(), "accepted when cut at {}", end),
                Err(problems) => {
                    let line = cut.matches('\n').count() + 1;
                    prop_assert!(
                        problems[0].reason.contains("EOF while parsing") &&
                        problems[0].reason.contains(&format!("line {line} ")),
                        "cut at {}: {:?}", end, problems
                    );
                }
            }
        }

        /// Any value anywhere in the real dataset: loaded, or refused with a problem
        /// that leads to the change. It names the place changed, a place inside it or
        /// one holding it; or, where the change leaves a reference elsewhere without
        /// its target, it quotes the id of a record the change removed or altered. Half
        /// the cases change a whole record or an id, and half the values are id-like
        /// strings, so that references elsewhere are often left dangling.
        #[test]
        fn any_value_anywhere_in_the_real_dataset_is_loaded_or_refused_at_its_place(
            pick in any::<prop::sample::Index>(),
            a_record_or_id in any::<bool>(),
            with in prop_oneof![any_json(), "[a-z0-9-]{1,12}".prop_map(Value::from)],
        ) {
            let mut value: Value = serde_json::from_str(REAL).expect("valid JSON");
            let mut all = Vec::new();
            paths(&value, Vec::new(), &mut all);
            if a_record_or_id {
                all.retain(|p| p.len() == 2 || p.last().is_some_and(|k| k == "id"));
            }
            let path = pick.get(&all).clone();
            let place = json_path(&value, &path);
            let mut ids = Vec::new();
            if let [collection, index, ..] = &path[..] {
                ids_in(&value[collection.as_str()][index.parse::<usize>().unwrap_or(usize::MAX)], &mut ids);
            }
            if let Some(old) = value.pointer(&format!("/{}", path.join("/"))) {
                ids_in(old, &mut ids);
            }
            replace(&mut value, &path, with);
            if let Err(problems) = load(&value.to_string()) {
                let leads_there = |p: &Problem| {
                    around(&p.path, &place) || ids.iter().any(|id| p.reason.contains(&format!("{id:?}")))
                };
                prop_assert!(problems.iter().any(leads_there), "{} changed: {:#?}", place, problems);
            }
        }
    }
}

/// The codes the app writes (URLs, CSV files) are the names the data file uses.
#[test]
fn enum_codes_match_the_data_file() {
    use cca_explorer::data::{ItemKind, Relation, VoiceKind};
    for kind in ItemKind::ALL {
        assert_eq!(serde_json::to_value(kind).ok(), Some(json!(kind.id())));
    }
    for voice in VoiceKind::ALL {
        assert_eq!(serde_json::to_value(voice).ok(), Some(json!(voice.id())));
    }
    for relation in Relation::ALL {
        assert_eq!(
            serde_json::to_value(relation).ok(),
            Some(json!(relation.id()))
        );
    }
}

#[test]
fn an_empty_form_of_a_term_is_reported() {
    let problems =
        problems_after(|v| v["glossary"][0]["forms"] = json!({ "en": ["Belt and Road", " "] }));
    assert_reports(&problems, "$.glossary[0].forms.en[1]", "form is empty");
}

/// Broken fixtures, each with the path and the reason the validator gives.
type BrokenCase = (fn(&mut Value), &'static str, &'static str);

fn assert_each_reported(cases: &[BrokenCase]) {
    for (edit, path, reason) in cases {
        assert_reports(&problems_after(edit), path, reason);
    }
}

#[test]
fn the_sites_texts_and_choices_are_checked() {
    assert_each_reported(&[
        (
            |v| v["meta"]["site_name"]["zh"] = json!(""),
            "$.meta.site_name.zh",
            "Chinese text is missing",
        ),
        (
            |v| v["meta"]["site_tagline"]["en"] = json!(" "),
            "$.meta.site_tagline.en",
            "English text is missing",
        ),
        (
            |v| v["meta"]["intros"] = json!({ "items": { "zh": "条目", "en": "Items" } }),
            "$.meta.intros.items",
            "not a view with a lede",
        ),
        (
            |v| v["meta"]["intros"] = json!({ "map": { "zh": "地图", "en": "" } }),
            "$.meta.intros.map.en",
            "English text is missing",
        ),
        (
            |v| v["meta"]["role_headings"] = json!({ "claim": { "zh": "论点", "en": "Claims" } }),
            "$.meta.role_headings.claim",
            "not a role of the argument map",
        ),
        (
            |v| v["meta"]["role_headings"] = json!({ "problem": { "zh": "", "en": "Problems" } }),
            "$.meta.role_headings.problem.zh",
            "Chinese text is missing",
        ),
        (
            |v| v["meta"]["kind_labels"] = json!({ "opinion": { "zh": "观点", "en": "Opinion" } }),
            "$.meta.kind_labels.opinion",
            "not a kind of item",
        ),
        (
            |v| v["meta"]["kind_labels"] = json!({ "narrative": { "zh": "叙事", "en": "" } }),
            "$.meta.kind_labels.narrative.en",
            "English text is missing",
        ),
        (
            |v| v["meta"]["map_indicator"] = json!("no-such-indicator"),
            "$.meta.map_indicator",
            "not an indicator of the dataset",
        ),
    ]);
}

#[test]
fn an_article_has_authors_and_pages_that_are_pages() {
    assert_each_reported(&[
        (
            |v| v["meta"]["authors"] = json!([]),
            "$.meta.authors",
            "at least one author",
        ),
        (
            |v| v["meta"]["authors"][0]["en"] = json!(" "),
            "$.meta.authors[0].en",
            "English text is missing",
        ),
        (
            |v| v["meta"]["pages"] = json!("p. 5"),
            "$.meta.pages",
            "not a page or a range of pages",
        ),
        (
            |v| v["meta"]["volume"] = json!(""),
            "$.meta.volume",
            "leave it out",
        ),
        (
            |v| v["meta"]["journal"] = json!({ "zh": "刊", "en": "" }),
            "$.meta.journal.en",
            "English text is missing",
        ),
    ]);
}
