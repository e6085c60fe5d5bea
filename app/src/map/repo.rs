//! GeoJSON for the map, built from the database (server only). Each query shapes its
//! rows as `{ geometry, properties }`; geometries stored as GeoJSON text are parsed.

use crate::db::{rows, Db};
use crate::error::AppError;
use serde_json::{json, Value};

async fn feature_collection(db: &Db, sql: &'static str) -> Result<Value, AppError> {
    let mut response = db.query(sql).await?;
    let features: Vec<Value> = rows::<Value>(&mut response, 0)?
        .into_iter()
        .map(|row| {
            let geometry = match &row["geometry"] {
                Value::String(text) => serde_json::from_str(text).unwrap_or(Value::Null),
                other => other.clone(),
            };
            json!({ "type": "Feature", "geometry": geometry, "properties": row["properties"] })
        })
        .collect();
    Ok(json!({ "type": "FeatureCollection", "features": features }))
}

/// Border line, country outlines, provinces and départements.
pub async fn layers(db: &Db) -> Result<Value, AppError> {
    feature_collection(
        db,
        "SELECT geometry, { kind: kind, name_nl: name.nl, name_fr: name.fr } AS properties
         FROM map_layer ORDER BY properties.kind",
    )
    .await
}

/// Commune polygons (where the data has one).
pub async fn boundaries(db: &Db) -> Result<Value, AppError> {
    feature_collection(
        db,
        "SELECT boundary AS geometry, { code: code, name_nl: name.nl, name_fr: name.fr } AS properties
         FROM municipality WHERE boundary != NONE ORDER BY properties.code",
    )
    .await
}

/// One point per municipality.
pub async fn points(db: &Db) -> Result<Value, AppError> {
    feature_collection(
        db,
        "SELECT { type: 'Point', coordinates: [lon, lat] } AS geometry,
                { code: code, country: country, name_nl: name.nl, name_fr: name.fr, population: population,
                  distance_to_border_km: distance_to_border_km } AS properties
         FROM municipality ORDER BY properties.code",
    )
    .await
}
