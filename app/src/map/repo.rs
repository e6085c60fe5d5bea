//! GeoJSON for the map, built from the database (server only).

use crate::db::{rows, Db};
use crate::error::AppError;
use serde_json::{json, Value};

/// Geometries are stored as GeoJSON text.
fn geometry(text: &Value) -> Value {
    text.as_str()
        .and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or(Value::Null)
}

fn feature_collection(features: Vec<Value>) -> Value {
    json!({ "type": "FeatureCollection", "features": features })
}

/// Border line, country outlines, provinces and départements.
pub async fn layers(db: &Db) -> Result<Value, AppError> {
    let mut response = db
        .query("SELECT kind, name, geometry FROM map_layer ORDER BY kind")
        .await?;
    let features = rows::<Value>(&mut response, 0)?
        .into_iter()
        .map(|row| {
            json!({
                "type": "Feature",
                "geometry": geometry(&row["geometry"]),
                "properties": { "kind": row["kind"], "name_nl": row["name"]["nl"], "name_fr": row["name"]["fr"] },
            })
        })
        .collect();
    Ok(feature_collection(features))
}

/// Commune polygons (where the data has one).
pub async fn boundaries(db: &Db) -> Result<Value, AppError> {
    let mut response = db
        .query("SELECT code, name, boundary FROM municipality WHERE boundary != NONE ORDER BY code")
        .await?;
    let features = rows::<Value>(&mut response, 0)?
        .into_iter()
        .map(|row| {
            json!({
                "type": "Feature",
                "geometry": geometry(&row["boundary"]),
                "properties": { "code": row["code"], "name_nl": row["name"]["nl"], "name_fr": row["name"]["fr"] },
            })
        })
        .collect();
    Ok(feature_collection(features))
}

/// One point per municipality.
pub async fn points(db: &Db) -> Result<Value, AppError> {
    let mut response = db
        .query("SELECT code, country, name, population, distance_to_border_km, lat, lon FROM municipality ORDER BY code")
        .await?;
    let features = rows::<Value>(&mut response, 0)?
        .into_iter()
        .map(|row| {
            json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [row["lon"], row["lat"]] },
                "properties": {
                    "code": row["code"],
                    "country": row["country"],
                    "name_nl": row["name"]["nl"],
                    "name_fr": row["name"]["fr"],
                    "population": row["population"],
                    "distance_to_border_km": row["distance_to_border_km"],
                },
            })
        })
        .collect();
    Ok(feature_collection(features))
}
