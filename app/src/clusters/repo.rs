//! SurrealDB reads for clusters (server only): a few dozen records with their members.

use super::*;
use crate::db::{rows, Db};
use crate::municipalities::directory;

#[derive(Deserialize)]
struct Row {
    id: String,
    name: Localized,
    kind: String,
    description: Option<Localized>,
    #[serde(default)]
    members: Vec<String>,
    programme: Option<String>,
    programme_name: Option<Localized>,
    price_eur: Option<f64>,
    source: String,
}

const QUERY: &str = "
SELECT record::id(id) AS id, name, kind, description, source,
    <-member_of<-municipality.map(|$m| record::id($m)) AS members,
    IF programme { record::id(programme) } ELSE { NONE } AS programme,
    programme.name AS programme_name, programme.budget_eur AS price_eur
FROM cluster;";

/// Every cluster with its members, in name order.
pub async fn all(db: &Db) -> Result<Vec<Cluster>, AppError> {
    let mut response = db.query(QUERY).await?;
    let list: Vec<Row> = rows(&mut response, 0)?;
    let directory = directory::current(db).await?;
    let mut clusters: Vec<Cluster> = list
        .into_iter()
        .map(|c| {
            let mut members: Vec<Member> = c
                .members
                .iter()
                .filter_map(|code| {
                    let p = directory.profile(code)?;
                    Some(Member {
                        code: code.clone(),
                        country: p.detail.country.clone(),
                        name: p.detail.name.clone(),
                        population: p.detail.population,
                    })
                })
                .collect();
            members.sort_by(|a, b| a.name.fr.cmp(&b.name.fr));
            Cluster {
                programme: c
                    .programme
                    .zip(c.programme_name)
                    .map(|(id, name)| Link { id, name }),
                price_eur: c.price_eur,
                id: c.id,
                name: c.name,
                kind: c.kind,
                description: c.description,
                members,
                source: c.source,
            }
        })
        .collect();
    clusters.sort_by_key(|c| c.name.fr.to_lowercase());
    Ok(clusters)
}

pub async fn one(db: &Db, id: &str) -> Result<Cluster, AppError> {
    all(db)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)
}
