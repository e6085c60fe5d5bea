//! Loads the bundled data files (see `app/data/SOURCES.md`) into the database.
//! Reference data (municipalities, clusters, map layers, neighbour edges) is
//! upserted; content that staff may edit later (services, organisations, projects,
//! events) is inserted only when missing, so reseeding never overwrites an edit.

use crate::db::without_nulls;
use crate::db::Db;
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod groupings;
mod reference;
mod services;

pub use groupings::fill_groupings;
use reference::*;
use services::*;

const MUNICIPALITIES_CSV: &str = include_str!("../../data/municipalities.csv");
const SERVICES_CSV: &str = include_str!("../../data/services_seed.csv");
const LOCATION_CHECKS_CSV: &str = include_str!("../../data/location_checks.csv");
const BORDER_REGION_GEOJSON: &str = include_str!("../../data/border_region.geojson");
const COOPERATION_JSON: &str = include_str!("../../data/cooperation.json");
const TAXONOMY_CSV: &str = include_str!("../../data/taxonomy.csv");
const LANGUAGE_FACILITIES_CSV: &str = include_str!("../../data/language_facilities.csv");

/// How many nearest municipalities become neighbours, overall and across the border.
const NEAREST_OVERALL: usize = 6;
const NEAREST_ACROSS: usize = 3;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SeedReport {
    pub municipalities: usize,
    pub clusters: usize,
    pub neighbours: usize,
    pub services: usize,
    pub categories: usize,
    pub map_layers: usize,
    pub organizations: usize,
    pub projects: usize,
    pub events: usize,
    pub practices: usize,
}

fn split_list(s: &str) -> Vec<&str> {
    s.split('|').filter_map(non_empty).collect()
}

fn non_empty(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

fn read_csv<T: serde::de::DeserializeOwned>(data: &str) -> Result<Vec<T>, AppError> {
    csv::Reader::from_reader(data.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| {
            row.map_err(|e| AppError::BadRequest(format!("seed CSV line {}: {e}", i + 2)))
        })
        .collect()
}

/// Seeds when the database has no municipalities, categories or projects yet (first
/// start, the first start after the services migration, or a database an older build
/// left half-seeded by a crash between its two transactions).
pub async fn seed_if_empty(db: &Db) -> Result<Option<SeedReport>, AppError> {
    let mut response = crate::db::read(db, "RETURN math::min([count(SELECT VALUE id FROM municipality), count(SELECT VALUE id FROM category), count(SELECT VALUE id FROM project)])").await?;
    let count: Option<i64> = response.take(0)?;
    if count.unwrap_or(0) > 0 {
        // A database seeded before the groupings had rules gets their members once.
        let filled = fill_groupings(db).await?;
        if filled > 0 {
            tracing::info!(filled, "groupings filled from their membership rules");
        }
        fill_practices(db).await?;
        return Ok(None);
    }
    seed(db).await.map(Some)
}

pub async fn seed(db: &Db) -> Result<SeedReport, AppError> {
    let municipalities: Vec<MunicipalityRow> = read_csv(MUNICIPALITIES_CSV)?;
    let services: Vec<ServiceRow> = read_csv(SERVICES_CSV)?;
    let checks: Vec<LocationCheckRow> = read_csv(LOCATION_CHECKS_CSV)?;
    let categories: Vec<CategoryRow> = read_csv(TAXONOMY_CSV)?;
    let facility_rows: Vec<LanguageFacilityRow> = read_csv(LANGUAGE_FACILITIES_CSV)?;
    let (boundaries, layers) = border_region()?;
    let mut cooperation: Value = serde_json::from_str(COOPERATION_JSON)?;
    groupings::with_members(&mut cooperation, &municipalities)?;

    let known: BTreeSet<&str> = municipalities.iter().map(|m| m.code.as_str()).collect();
    if let Some(orphan) = services
        .iter()
        .find(|s| !known.contains(s.municipality_code.as_str()))
    {
        return Err(AppError::BadRequest(format!(
            "service {:?} refers to unknown municipality {}",
            orphan.name_fr, orphan.municipality_code
        )));
    }

    let mut epcis: BTreeMap<String, String> = BTreeMap::new();
    for m in &municipalities {
        if let Some(code) = non_empty(&m.intercommunality_code) {
            epcis.insert(code.to_owned(), m.intercommunality_name.clone());
        }
    }
    let clusters: Vec<Value> = epcis
        .iter()
        .map(|(code, name)| {
            json!({
                "id": epci_key(code),
                "code": code,
                "kind": "epci",
                "name": { "nl": name, "fr": name },
                "source": "@etalab/decoupage-administratif 6.0.0 (epci.json)",
            })
        })
        .collect();
    let memberships: Vec<Value> = municipalities
        .iter()
        .filter_map(|m| {
            non_empty(&m.intercommunality_code)
                .map(|c| json!({ "code": m.code, "cluster": epci_key(c) }))
        })
        .collect();
    let municipality_rows: Vec<Value> = municipalities
        .iter()
        .map(|m| municipality_record(m, boundaries.get(&m.code)))
        .collect();
    let edges: Vec<Value> = neighbour_edges(&municipalities)
        .into_iter()
        .map(|e| {
            let (a, b) = (&municipalities[e.from], &municipalities[e.to]);
            json!({
                "from": a.code,
                "to": b.code,
                "distance_km": (e.km * 10.0).round() / 10.0,
                "cross_border": a.country != b.country,
            })
        })
        .collect();
    let category_index: HashMap<&str, &CategoryRow> =
        categories.iter().map(|c| (c.code.as_str(), c)).collect();
    if let Some(unknown) = services
        .iter()
        .find(|s| !category_index.contains_key(s.category.as_str()))
    {
        return Err(AppError::BadRequest(format!(
            "service {:?} has a category missing from taxonomy.csv: {}",
            unknown.name_fr, unknown.category
        )));
    }
    let ctx = ServiceContext {
        categories: &category_index,
        municipalities: &municipalities
            .iter()
            .map(|m| (m.code.as_str(), m))
            .collect(),
        facilities: &facility_rows
            .iter()
            .map(|f| (f.code.as_str(), split_list(&f.languages)))
            .collect(),
        checks: &checks.iter().map(|c| (c.key(), c.check.as_str())).collect(),
    };
    let service_rows: Vec<Value> = services
        .iter()
        .map(|s| service_record(s, &ctx))
        .collect::<Result<_, _>>()?;
    let category_rows: Vec<Value> = categories.iter().map(category_record).collect();

    let sql = r#"
-- MERGE: the staff workflow's fields (publication, revision...) are kept. A cluster
-- that staff edited (revision > 0) keeps its name, kind and members: the data does
-- not overwrite a person's correction.
FOR $c IN $clusters {
    IF (type::record('cluster', $c.id).revision ?? 0) = 0 {
        UPSERT type::record('cluster', $c.id) MERGE $c.{code, kind, name, source};
    };
};
FOR $m IN $municipalities {
    UPSERT type::record('municipality', $m.code) CONTENT object::extend(
        $m.{code, code_type, country, name, name_source, province, region, arrondissement, population, population_source, postal_codes, lat, lon, point_kind, townhall_lat, townhall_lon, distance_to_border_km, geonameid, boundary, search_names, source},
        { epci: IF $m.epci { type::record('cluster', $m.epci) } ELSE { NONE } });
};
DELETE member_of WHERE (out.revision ?? 0) = 0;
FOR $e IN $memberships {
    IF (type::record('cluster', $e.cluster).revision ?? 0) = 0 {
        RELATE (type::record('municipality', $e.code))->member_of->(type::record('cluster', $e.cluster));
    };
};
DELETE neighbour;
FOR $e IN $edges {
    RELATE (type::record('municipality', $e.from))->neighbour->(type::record('municipality', $e.to))
        SET distance_km = $e.distance_km, cross_border = $e.cross_border;
};
DELETE map_layer;
FOR $l IN $layers { CREATE type::record('map_layer', $l.id) CONTENT $l.{kind, name, geometry, source}; };
-- The taxonomy is editable: only missing categories are added (parents come first).
FOR $c IN $categories {
    IF !record::exists(type::record('category', $c.code)) {
        CREATE type::record('category', $c.code) CONTENT object::extend(
            $c.{code, label, synonyms, access, access_note, source},
            { parent: IF $c.parent { type::record('category', $c.parent) } ELSE { NONE } });
    };
};
FOR $s IN $services {
    IF !record::exists(type::record('service', $s.id)) {
        CREATE type::record('service', $s.id) CONTENT object::extend(
            $s.{name, category, country, address, lat, lon, phones, email, website, opening_hours_source, opening_hours, hours_source, languages, provider, description, cross_border_access, location_check, source, licence},
            { municipality: type::record('municipality', $s.municipality_code) });
    } ELSE {
        -- Services seeded before these fields existed get them; edited values stay.
        UPDATE type::record('service', $s.id) SET
            opening_hours = opening_hours ?? $s.opening_hours,
            hours_source = hours_source ?? $s.hours_source,
            languages = IF array::len(languages ?? []) > 0 { languages } ELSE { $s.languages },
            provider = provider ?? $s.provider,
            description = description ?? $s.description,
            cross_border_access = cross_border_access ?? $s.cross_border_access,
            location_check = location_check ?? $s.location_check;
    };
};
"#;
    // One transaction: a crash (or an error) leaves the database as it was, never the
    // reference data without the cooperation records.
    let sql = format!("BEGIN TRANSACTION;{sql}{COOPERATION_SQL}{PRACTICES_SQL}COMMIT TRANSACTION;");
    // A conflict with a concurrent writer (another database's migrations on the same
    // SurrealDB server touch shared catalog keys) runs the whole transaction again.
    crate::db::transaction(
        db,
        &sql,
        vec![
            ("clusters", without_nulls(Value::from(clusters))),
            (
                "municipalities",
                without_nulls(Value::from(municipality_rows)),
            ),
            ("memberships", memberships.into()),
            ("edges", edges.into()),
            ("layers", without_nulls(Value::from(layers))),
            ("categories", without_nulls(Value::from(category_rows))),
            ("services", without_nulls(Value::from(service_rows))),
            ("data", without_nulls(cooperation)),
        ],
    )
    .await?;
    report(db).await
}

/// Organisations, clusters of the cooperation pages, projects and events: part of the
/// seed's one transaction (`$data`).
const COOPERATION_SQL: &str = r#"
FOR $o IN $data.organizations {
    IF !record::exists(type::record('organization', $o.id)) {
        CREATE type::record('organization', $o.id) CONTENT $o.{name, kind, country, website, source};
    };
};
FOR $c IN $data.clusters {
    -- As above: a cluster staff edited keeps its texts and members.
    IF (type::record('cluster', $c.id).revision ?? 0) = 0 {
        UPSERT type::record('cluster', $c.id) MERGE object::extend($c.{name, kind, description, source, rule, rule_source}, { code: $c.id });
        DELETE member_of WHERE out = type::record('cluster', $c.id);
        FOR $code IN $c.member_codes {
            IF record::exists(type::record('municipality', $code)) {
                RELATE (type::record('municipality', $code))->member_of->(type::record('cluster', $c.id));
            };
        };
    };
};
FOR $p IN $data.projects {
    IF !record::exists(type::record('project', $p.id)) {
        CREATE type::record('project', $p.id) CONTENT object::extend($p.{name, summary, programme, portfolio, themes, budget_eur, budget_note, duration_note, status, kind, website, source, priority, specific_objective, eu_cofinancing_eur}, {
            lead_partner: IF $p.lead_partner { type::record('organization', $p.lead_partner) } ELSE { NONE },
            partners: $p.partners.map(|$x| { org: type::record('organization', $x.org), role: $x.role }),
            municipalities: $p.municipality_codes.filter(|$c| record::exists(type::record('municipality', $c))).map(|$c| type::record('municipality', $c)),
            period_start: IF $p.period_start { <datetime> ($p.period_start + 'T00:00:00Z') } ELSE { NONE },
            period_end: IF $p.period_end { <datetime> ($p.period_end + 'T00:00:00Z') } ELSE { NONE },
            parent: IF $p.parent { type::record('project', $p.parent) } ELSE { NONE },
        });
    } ELSE {
        -- Fields added later (migration 0008) are filled where still empty, never overwritten.
        UPDATE type::record('project', $p.id) SET
            priority = priority ?? $p.priority,
            specific_objective = specific_objective ?? $p.specific_objective,
            eu_cofinancing_eur = eu_cofinancing_eur ?? $p.eu_cofinancing_eur;
    };
};
FOR $e IN $data.events {
    IF !record::exists(type::record('event', $e.id)) {
        CREATE type::record('event', $e.id) CONTENT object::extend($e.{title, summary, kind, recurrence, place, audience, agenda, registration, source}, {
            project: IF $e.project { type::record('project', $e.project) } ELSE { NONE },
            organiser: IF $e.organiser { type::record('organization', $e.organiser) } ELSE { NONE },
            starts_at: IF $e.starts_at { <datetime> $e.starts_at } ELSE { NONE },
            ends_at: IF $e.ends_at { <datetime> $e.ends_at } ELSE { NONE },
        });
    };
};
"#;

/// The good practices of the seeds (`$data.practices`), each created when missing: staff
/// edit practices, and a reseed never overwrites an edit.
const PRACTICES_SQL: &str = r#"
FOR $p IN $data.practices ?? [] {
    IF !record::exists(type::record('practice', $p.id)) {
        CREATE type::record('practice', $p.id) CONTENT object::extend($p.{name, summary, kind, themes, participants, results, cost_eur, contact, link, source}, {
            municipalities: ($p.municipality_codes ?? []).filter(|$c| record::exists(type::record('municipality', $c))).map(|$c| type::record('municipality', $c)),
            project: IF $p.project AND record::exists(type::record('project', $p.project)) { type::record('project', $p.project) } ELSE { NONE },
            event: IF $p.event AND record::exists(type::record('event', $p.event)) { type::record('event', $p.event) } ELSE { NONE },
            publication: 'published',
        });
    };
};
"#;

/// On a database seeded before good practices existed: the seeds' practices (none on
/// every later start).
pub async fn fill_practices(db: &Db) -> Result<(), AppError> {
    let cooperation: Value = serde_json::from_str(COOPERATION_JSON)?;
    crate::db::transaction(
        db,
        &format!("BEGIN TRANSACTION;{PRACTICES_SQL}COMMIT TRANSACTION;"),
        vec![("data", without_nulls(cooperation))],
    )
    .await
}

async fn report(db: &Db) -> Result<SeedReport, AppError> {
    let mut response = crate::db::read(
        db,
        "RETURN {
                municipalities: count(SELECT VALUE id FROM municipality),
                clusters: count(SELECT VALUE id FROM cluster),
                neighbours: count(SELECT VALUE id FROM neighbour),
                services: count(SELECT VALUE id FROM service),
                categories: count(SELECT VALUE id FROM category),
                map_layers: count(SELECT VALUE id FROM map_layer),
                organizations: count(SELECT VALUE id FROM organization),
                projects: count(SELECT VALUE id FROM project),
                events: count(SELECT VALUE id FROM event),
                practices: count(SELECT VALUE id FROM practice),
            }",
    )
    .await?;
    let counts: Option<BTreeMap<String, usize>> = response.take(0)?;
    let counts = counts.unwrap_or_default();
    let get = |k: &str| counts.get(k).copied().unwrap_or(0);
    Ok(SeedReport {
        municipalities: get("municipalities"),
        clusters: get("clusters"),
        neighbours: get("neighbours"),
        services: get("services"),
        categories: get("categories"),
        map_layers: get("map_layers"),
        organizations: get("organizations"),
        projects: get("projects"),
        events: get("events"),
        practices: get("practices"),
    })
}

/// A fresh database with the schema and the bundled data, for tests: in memory, or on
/// the SurrealDB server named by `TEST_DATABASE_URL` (`DbConfig::for_tests`).
pub async fn memory_with_seed() -> Result<Db, AppError> {
    // On a SurrealDB server (TEST_DATABASE_URL) a statement of the seed can meet the
    // server's own background work on the new database and conflict (`Busy`; seen once
    // in some 130 seeds): it starts over on another fresh database.
    let mut attempt = 1;
    loop {
        let db = crate::db::connect(&crate::db::DbConfig::for_tests()).await?;
        let seeded = match crate::db::migrate(&db).await {
            Ok(_) => seed(&db).await.map(|_| ()),
            Err(error) => Err(error),
        };
        match seeded {
            Ok(()) => return Ok(db),
            Err(AppError::Busy) if attempt < 5 => {
                tracing::warn!(
                    attempt,
                    "the seed met a concurrent write: again on a fresh database"
                );
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::hours;

    #[test]
    fn bundled_files_parse_and_agree() {
        let municipalities: Vec<MunicipalityRow> = read_csv(MUNICIPALITIES_CSV).unwrap();
        let services: Vec<ServiceRow> = read_csv(SERVICES_CSV).unwrap();
        assert_eq!(municipalities.len(), 258);
        assert_eq!(services.len(), 413);
        let (boundaries, layers) = border_region().unwrap();
        assert_eq!(boundaries.len(), 153);
        assert!(layers.iter().any(|l| l["kind"] == "border"));
        // Every location check names exactly one service.
        let checks: Vec<LocationCheckRow> = read_csv(LOCATION_CHECKS_CSV).unwrap();
        assert_eq!(checks.len(), 55);
        for check in &checks {
            let named = services.iter().filter(|s| s.name_key() == check.key());
            assert_eq!(named.count(), 1, "{:?}", check.key());
        }
    }

    #[test]
    fn every_annuaire_schedule_converts_to_valid_osm_hours() {
        let services: Vec<ServiceRow> = read_csv(SERVICES_CSV).unwrap();
        let converted: Vec<String> = services
            .iter()
            .filter_map(|s| non_empty(&s.opening_hours))
            .map(|json| hours::from_annuaire(json).unwrap())
            .collect();
        assert_eq!(converted.len(), 153);
        assert!(converted.iter().all(|osm| osm.ends_with("; PH off")));
    }

    #[test]
    fn every_service_category_is_in_the_taxonomy_with_both_labels() {
        let categories: Vec<CategoryRow> = read_csv(TAXONOMY_CSV).unwrap();
        let codes: BTreeSet<&str> = categories.iter().map(|c| c.code.as_str()).collect();
        for c in &categories {
            assert!(
                !c.label_nl.is_empty() && !c.label_fr.is_empty(),
                "{}",
                c.code
            );
            assert!(
                c.parent.is_empty() || codes.contains(c.parent.as_str()),
                "{}",
                c.code
            );
        }
        let services: Vec<ServiceRow> = read_csv(SERVICES_CSV).unwrap();
        assert!(services.iter().all(|s| codes.contains(s.category.as_str())));
    }

    #[test]
    fn service_keys_are_unique_and_stable() {
        let services: Vec<ServiceRow> = read_csv(SERVICES_CSV).unwrap();
        let keys: BTreeSet<String> = services.iter().map(service_key).collect();
        assert_eq!(keys.len(), services.len());
        assert_eq!(service_key(&services[0]), service_key(&services[0]));
    }
}
