//! Between the stored records and the form values (server only): what each kind reads
//! for the form, and the record each kind writes from checked values.

use super::{fields, CoopKind, CoopRecord, Input};
use crate::i18n::Lang;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The staff form's view of one record (`$id`), as JSON.
pub fn select(kind: CoopKind) -> &'static str {
    match kind {
        CoopKind::Project => {
            "SELECT record::id(id) AS id, publication ?? 'published' AS publication,
                revision ?? 0 AS revision, machine_translated ?? [] AS machine_translated,
                name, summary, programme, priority, specific_objective, portfolio, themes,
                budget_eur, eu_cofinancing_eur, budget_note, duration_note, status, kind, website,
                IF parent { record::id(parent) } ELSE { NONE } AS parent,
                IF lead_partner { record::id(lead_partner) } ELSE { NONE } AS lead_partner,
                (partners ?? []).map(|$p| { org: record::id($p.org), role: $p.role }) AS partners,
                (municipalities ?? []).map(|$m| record::id($m)) AS municipalities,
                IF period_start { time::format(period_start, '%Y-%m-%d') } ELSE { NONE } AS period_start,
                IF period_end { time::format(period_end, '%Y-%m-%d') } ELSE { NONE } AS period_end
            FROM type::record('project', $id)"
        }
        CoopKind::Event => {
            "SELECT record::id(id) AS id, publication ?? 'published' AS publication,
                revision ?? 0 AS revision, machine_translated ?? [] AS machine_translated,
                title, summary, kind, recurrence, place, audience, registration, agenda,
                IF starts_at { <string> starts_at } ELSE { NONE } AS starts_at,
                IF ends_at { <string> ends_at } ELSE { NONE } AS ends_at,
                IF project { record::id(project) } ELSE { NONE } AS project,
                IF organiser { record::id(organiser) } ELSE { NONE } AS organiser
            FROM type::record('event', $id)"
        }
        CoopKind::Cluster => {
            "SELECT record::id(id) AS id, publication ?? 'published' AS publication,
                revision ?? 0 AS revision, machine_translated ?? [] AS machine_translated,
                name, description, kind,
                IF programme { record::id(programme) } ELSE { NONE } AS programme,
                IF organiser { record::id(organiser) } ELSE { NONE } AS organiser,
                <-member_of<-municipality.map(|$m| record::id($m)) AS members
            FROM type::record('cluster', $id)"
        }
        CoopKind::Practice => {
            "SELECT record::id(id) AS id, publication, revision, machine_translated,
                name, summary, kind, themes, participants, results, cost_eur, contact, link, source,
                municipalities.map(|$m| record::id($m)) AS municipalities,
                IF period_start { time::format(period_start, '%Y-%m-%d') } ELSE { NONE } AS period_start,
                IF period_end { time::format(period_end, '%Y-%m-%d') } ELSE { NONE } AS period_end,
                IF project { record::id(project) } ELSE { NONE } AS project,
                IF event { record::id(event) } ELSE { NONE } AS event
            FROM type::record('practice', $id)"
        }
        CoopKind::Contact => {
            "SELECT record::id(id) AS id, publication, revision, machine_translated,
                name, office, address, phone, email, website, hours, source,
                record::id(municipality) AS municipality,
                IF verified_on { time::format(verified_on, '%Y-%m-%d') } ELSE { NONE } AS verified_on
            FROM type::record('contact', $id)"
        }
    }
}

/// What a save sets on the record `$rid` from `$r` (see `stored`). Fields the form
/// does not show (source...) are kept.
pub fn set(kind: CoopKind) -> &'static str {
    match kind {
        CoopKind::Project => {
            "name = $r.name, summary = $r.summary, programme = $r.programme,
            priority = $r.priority, specific_objective = $r.specific_objective,
            portfolio = $r.portfolio, duration_note = $r.duration_note,
            parent = IF $r.parent { type::record('project', $r.parent) } ELSE { NONE },
            lead_partner = IF $r.lead_partner { type::record('organization', $r.lead_partner) } ELSE { NONE },
            themes = $r.themes ?? [], budget_eur = $r.budget_eur, budget_note = $r.budget_note,
            eu_cofinancing_eur = $r.eu_cofinancing_eur,
            period_start = IF $r.period_start { <datetime> $r.period_start } ELSE { NONE },
            period_end = IF $r.period_end { <datetime> $r.period_end } ELSE { NONE },
            status = $r.status, kind = $r.kind, website = $r.website,
            municipalities = ($r.municipalities ?? []).map(|$c| type::record('municipality', $c)),
            partners = ($r.partners ?? []).map(|$p| { org: type::record('organization', $p.org), role: $p.role })"
        }
        CoopKind::Event => {
            "title = $r.title, summary = $r.summary, kind = $r.kind,
            starts_at = IF $r.starts_at { <datetime> $r.starts_at } ELSE { NONE },
            ends_at = IF $r.ends_at { <datetime> $r.ends_at } ELSE { NONE },
            recurrence = $r.recurrence, place = $r.place, audience = $r.audience,
            registration = $r.registration, agenda = $r.agenda ?? [],
            project = IF $r.project { type::record('project', $r.project) } ELSE { NONE },
            organiser = IF $r.organiser { type::record('organization', $r.organiser) } ELSE { NONE }"
        }
        CoopKind::Cluster => {
            "name = $r.name, description = $r.description, kind = $r.kind, code = code ?? $id,
            programme = IF $r.programme { type::record('project', $r.programme) } ELSE { NONE },
            organiser = IF $r.organiser { type::record('municipality', $r.organiser) } ELSE { NONE }"
        }
        CoopKind::Practice => {
            "name = $r.name, summary = $r.summary, kind = $r.kind, themes = $r.themes ?? [],
            participants = $r.participants, results = $r.results, cost_eur = $r.cost_eur,
            contact = $r.contact, link = $r.link,
            municipalities = ($r.municipalities ?? []).map(|$c| type::record('municipality', $c)),
            period_start = IF $r.period_start { <datetime> $r.period_start } ELSE { NONE },
            period_end = IF $r.period_end { <datetime> $r.period_end } ELSE { NONE },
            project = IF $r.project { type::record('project', $r.project) } ELSE { NONE },
            event = IF $r.event { type::record('event', $r.event) } ELSE { NONE }"
        }
        CoopKind::Contact => {
            "name = $r.name, office = $r.office, address = $r.address, phone = $r.phone,
            email = $r.email, website = $r.website, hours = $r.hours,
            municipality = type::record('municipality', $r.municipality),
            verified_on = IF $r.verified_on { <datetime> $r.verified_on } ELSE { NONE }"
        }
    }
}

fn text(v: &Value) -> Option<String> {
    v.as_str().filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The stored JSON's value of a (non-bilingual) form field.
fn stored_value(kind: CoopKind, key: &str, input: Input, json: &Value) -> Option<String> {
    let v = match key {
        "place_name" => &json["place"]["name"],
        "place_address" => &json["place"]["address"],
        "place_municipality" => &json["place"]["municipality_code"],
        k => &json[k],
    };
    match input {
        Input::Partners => {
            let lines: Vec<String> = v
                .as_array()?
                .iter()
                .filter_map(|p| Some(format!("{} | {}", text(&p["org"])?, text(&p["role"])?)))
                .collect();
            // The form's order (by id), so that an unchanged list compares equal.
            let mut lines = lines;
            lines.sort();
            Some(lines.join("\n")).filter(|l| !l.is_empty())
        }
        Input::Lines => {
            let lines: Vec<String> = v
                .as_array()?
                .iter()
                .map(|item| {
                    let pair = if kind == CoopKind::Event {
                        &item["title"]
                    } else {
                        item
                    };
                    let mut cells = vec![
                        text(&pair["nl"]).unwrap_or_default(),
                        text(&pair["fr"]).unwrap_or_default(),
                    ];
                    cells.extend(text(&item["speaker"]));
                    cells.join(" | ")
                })
                .collect();
            Some(lines.join("\n")).filter(|l| !l.is_empty())
        }
        Input::Euro => v.as_f64().map(|a| format!("{a}")),
        Input::Codes => match v {
            Value::Array(list) => Some(list.iter().filter_map(text).collect::<Vec<_>>().join(", "))
                .filter(|l| !l.is_empty()),
            other => text(other),
        },
        Input::DateTime => crate::kernel::clock::local_input(v.as_str()?),
        _ => text(v),
    }
}

/// A stored record (the JSON of `select`) as the form shows it.
pub fn from_stored(kind: CoopKind, json: &Value) -> CoopRecord {
    let mut values = BTreeMap::new();
    for field in fields(kind) {
        if field.input.bilingual() {
            for lang in Lang::ALL {
                if let Some(v) = text(&json[field.key][lang.code()]) {
                    values.insert(format!("{}_{}", field.key, lang.code()), v);
                }
            }
        } else if let Some(v) = stored_value(kind, field.key, field.input, json) {
            values.insert(field.key.to_owned(), v);
        }
    }
    for flag in json["machine_translated"].as_array().into_iter().flatten() {
        if let Some(flag) = flag.as_str() {
            values.insert(format!("{}_mt", flag.replace('.', "_")), "on".into());
        }
    }
    CoopRecord {
        id: text(&json["id"]).unwrap_or_default(),
        publication: text(&json["publication"])
            .and_then(|p| crate::workflow::Publication::from_code(&p))
            .unwrap_or(crate::workflow::Publication::Published),
        revision: json["revision"].as_i64().unwrap_or(0),
        values,
    }
}

/// The record to store from checked form values (`$r` of `set`): absent fields are left
/// out, so that they are stored as NONE.
pub fn stored(kind: CoopKind, record: &CoopRecord) -> Value {
    let values = &record.values;
    let get = |k: &str| values.get(k).cloned();
    let mut out = Map::new();
    let mut machine = vec![];
    for field in fields(kind) {
        let k = field.key;
        let value = if field.input.bilingual() {
            let mut pair = Map::new();
            for lang in Lang::ALL {
                let key = format!("{k}_{}", lang.code());
                if let Some(v) = get(&key) {
                    pair.insert(lang.code().into(), v.into());
                    if values.contains_key(&format!("{key}_mt")) {
                        machine.push(format!("{k}.{}", lang.code()));
                    }
                }
            }
            // Required texts are objects even when empty (a draft); optional ones absent.
            (kind.required().contains(&k) || !pair.is_empty()).then_some(Value::Object(pair))
        } else {
            get(k).map(|v| match field.input {
                Input::Lines => Value::Array(
                    v.lines()
                        .map(|line| {
                            let cells: Vec<&str> = line.split(" | ").collect();
                            let pair = json!({ "nl": cells[0], "fr": cells.get(1).copied().unwrap_or("") });
                            match kind {
                                CoopKind::Event => json!({ "title": pair, "speaker": cells.get(2) }),
                                _ => pair,
                            }
                        })
                        .collect(),
                ),
                Input::Partners => Value::Array(
                    v.lines()
                        .filter_map(|line| line.split_once(" | "))
                        .map(|(org, role)| json!({ "org": org, "role": role }))
                        .collect(),
                ),
                Input::Euro => v.parse::<f64>().map(Value::from).unwrap_or(Value::Null),
                Input::Codes => Value::Array(v.split(", ").map(Value::from).collect()),
                Input::Date => format!("{v}T00:00:00Z").into(),
                Input::DateTime => crate::kernel::clock::instant_of_local(&v)
                    .map(|at| Value::from(at.to_rfc3339()))
                    .unwrap_or(Value::Null),
                _ => v.into(),
            })
        };
        if let Some(value) = value {
            out.insert(k.to_owned(), value);
        }
    }
    if kind == CoopKind::Event {
        let place = ["place_name", "place_address", "place_municipality"].map(get);
        if let [Some(name), Some(address), code] = place {
            out.insert(
                "place".into(),
                json!({ "name": name, "address": address, "municipality_code": code }),
            );
        }
    }
    out.insert("machine_translated".into(), machine.into());
    out.insert("publication".into(), record.publication.code().into());
    crate::db::without_nulls(Value::Object(out))
}
