//! SurrealDB reads for clusters (server only): a few dozen records with their members.

use super::*;
use crate::db::{rows, Db};
use crate::municipalities::directory;
use std::sync::{Arc, LazyLock, Mutex};

/// The clusters of the last data version read (migration 0009 bumps the version on
/// writes to clusters and memberships): the pages do not query on every request.
type Cached = Option<(u128, Arc<Vec<Cluster>>)>;
static CACHE: LazyLock<Mutex<Cached>> = LazyLock::new(Default::default);

/// A fragment key from the data version and `inputs`.
pub async fn key_for(db: &Db, inputs: &impl serde::Serialize) -> Result<Option<u128>, AppError> {
    Ok(directory::current(db).await?.key_for(&("clusters", inputs)))
}

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
    IF programme.publication = 'published' { record::id(programme) } ELSE { NONE } AS programme,
    programme.name AS programme_name,
    IF programme.publication = 'published' { programme.budget_eur } ELSE { NONE } AS price_eur
FROM cluster WHERE publication = 'published';";

/// Every cluster with its members, in name order.
pub async fn all(db: &Db) -> Result<Vec<Cluster>, AppError> {
    let directory = directory::current(db).await?;
    let lock = || CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let (Some(version), Some((cached, clusters))) = (directory.version, &*lock()) {
        if *cached == version {
            return Ok(Vec::clone(clusters));
        }
    }
    let clusters = read(db, &directory).await?;
    if let Some(version) = directory.version {
        *lock() = Some((version, Arc::new(clusters.clone())));
    }
    Ok(clusters)
}

async fn read(db: &Db, directory: &directory::Directory) -> Result<Vec<Cluster>, AppError> {
    let mut response = db.query(QUERY).await?;
    let list: Vec<Row> = rows(&mut response, 0)?;
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
                cache_key: None,
            }
        })
        .collect();
    clusters.sort_by_key(|c| c.name.fr.to_lowercase());
    Ok(clusters)
}

pub async fn one(db: &Db, id: &str) -> Result<Cluster, AppError> {
    let cluster = all(db)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)?;
    Ok(Cluster {
        cache_key: key_for(db, &id).await?,
        ..cluster
    })
}
