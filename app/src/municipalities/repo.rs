//! SurrealDB queries for municipalities (server only).

use super::*;
use crate::db::{rows, Db};
use crate::search_text::query_variants;

const SUMMARY_FIELDS: &str = "code, country, name, province, population, distance_to_border_km";

pub async fn search(
    db: &Db,
    lang: Lang,
    filter: &MunicipalityFilter,
) -> Result<Vec<MunicipalitySummary>, AppError> {
    let mut conditions = vec![];
    let mut codes: Vec<String> = vec![];
    if let Some(text) = &filter.text {
        // Any variant of the typed words (see `search_text`) may match.
        for variant in query_variants(text) {
            let mut response = db
                .query("SELECT VALUE code FROM municipality WHERE search_names @@ $text")
                .bind(("text", variant))
                .await?;
            codes.extend(rows::<String>(&mut response, 0)?);
        }
        if codes.is_empty() {
            return Ok(vec![]);
        }
        conditions.push("code IN $codes");
    }
    if filter.country.is_some() {
        conditions.push("country = $country");
    }
    let condition = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    // Sort keys come from a closed set, never from the request text.
    let order = match (filter.sort, lang) {
        (Sort::Name, Lang::Nl) => "name.nl COLLATE ASC",
        (Sort::Name, Lang::Fr) => "name.fr COLLATE ASC",
        (Sort::Population, _) => "population DESC, code",
        (Sort::Distance, _) => "distance_to_border_km ASC, code",
    };
    let sql = format!("SELECT {SUMMARY_FIELDS} FROM municipality {condition} ORDER BY {order}");
    let mut response = db
        .query(sql)
        .bind(("codes", codes))
        .bind(("country", filter.country.map(Country::code)))
        .await?;
    rows(&mut response, 0)
}

pub async fn profile(db: &Db, code: &str) -> Result<MunicipalityProfile, AppError> {
    // Anything that is not a code cannot name a municipality (and is not a record id).
    if !is_municipality_code(code) {
        return Err(AppError::NotFound);
    }
    let mut response = db
        .query(
            "SELECT code, code_type, country, name, name.official AS name_official, province, region, arrondissement,
                    epci.code AS epci_code, epci.name.fr AS epci_name, population, population_source, postal_codes,
                    lat, lon, point_kind, distance_to_border_km, boundary != NONE AS has_boundary, source
             FROM type::record('municipality', $code);
             SELECT out.code AS code, out.country AS country, out.name AS name, distance_km, cross_border
             FROM neighbour WHERE in = type::record('municipality', $code) ORDER BY distance_km;
             SELECT record::id(id) AS id, name, category, address
             FROM service WHERE municipality = type::record('municipality', $code) AND status = 'published'
             ORDER BY category, name.fr;",
        )
        .bind(("code", code.to_owned()))
        .await?;
    let detail = rows::<MunicipalityDetail>(&mut response, 0)?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(MunicipalityProfile {
        detail,
        neighbours: rows(&mut response, 1)?,
        services: rows(&mut response, 2)?,
    })
}

pub async fn counts(db: &Db) -> Result<SiteCounts, AppError> {
    let mut response = db
        .query(
            "RETURN {
                municipalities: count(SELECT VALUE id FROM municipality),
                belgian: count(SELECT VALUE id FROM municipality WHERE country = 'BE'),
                french: count(SELECT VALUE id FROM municipality WHERE country = 'FR'),
                services: count(SELECT VALUE id FROM service WHERE status = 'published'),
                cross_border_links: count(SELECT VALUE id FROM neighbour WHERE cross_border) / 2,
            }",
        )
        .await?;
    let counts: Option<serde_json::Value> = response.take(0)?;
    Ok(serde_json::from_value(counts.unwrap_or_default())?)
}
