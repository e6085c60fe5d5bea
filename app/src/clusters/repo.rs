//! SurrealDB reads for clusters (server only): a few dozen records with their members.

use super::*;
use crate::db::{rows, Db};
use crate::kernel::cache::VersionedCache;
use crate::municipalities::directory::{self, Directory};
use std::sync::{Arc, LazyLock};

/// The clusters per database and data version (migration 0009 bumps the version on
/// writes to clusters and memberships): the pages do not query on every request.
static CLUSTERS: LazyLock<VersionedCache<(), Arc<Vec<Cluster>>>> =
    LazyLock::new(|| VersionedCache::new("clusters", 16));

/// Every published cluster at the current data version.
pub struct Clusters {
    /// In name order, with their members.
    pub list: Arc<Vec<Cluster>>,
    directory: Arc<Directory>,
}

impl Clusters {
    /// The key of a fragment rendered from the clusters and `inputs`.
    pub fn key_for(&self, inputs: &impl serde::Serialize) -> Option<u128> {
        self.directory.key_for(&("clusters", inputs))
    }
}

#[derive(Deserialize)]
struct Row {
    id: String,
    name: Localized,
    kind: String,
    description: Option<Localized>,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    interested: Vec<String>,
    rule: Option<Localized>,
    rule_source: Option<String>,
    #[serde(default)]
    corrected: bool,
    organiser: Option<String>,
    programme: Option<String>,
    programme_name: Option<Localized>,
    price_eur: Option<f64>,
    source: String,
}

const QUERY: &str = "
SELECT record::id(id) AS id, name, kind, description, source,
    <-member_of<-municipality.map(|$m| record::id($m)) AS members,
    (SELECT VALUE record::id(municipality) FROM cluster_interest
        WHERE cluster = $parent.id AND state = 'interested') AS interested,
    rule, rule_source, (rule != NONE AND (revision ?? 0) > 0) AS corrected, IF organiser { record::id(organiser) } ELSE { NONE } AS organiser,
    IF programme.publication = 'published' { record::id(programme) } ELSE { NONE } AS programme,
    programme.name AS programme_name,
    IF programme.publication = 'published' { programme.budget_eur } ELSE { NONE } AS price_eur
FROM cluster WHERE publication = 'published';";

/// The clusters at the current data version (one small query to check it).
pub async fn current(db: &Db) -> Result<Clusters, AppError> {
    let directory = directory::current(db).await?;
    let (db, made_from) = (db.clone(), directory.clone());
    let list = CLUSTERS
        .get_or_make(&directory.at, (), async move {
            Ok(Arc::new(read(&db, &made_from).await?))
        })
        .await?;
    Ok(Clusters { list, directory })
}

/// Every cluster with its members, in name order.
pub async fn all(db: &Db) -> Result<Vec<Cluster>, AppError> {
    Ok(Vec::clone(&current(db).await?.list))
}

async fn read(db: &Db, directory: &Directory) -> Result<Vec<Cluster>, AppError> {
    let mut response = db.query(QUERY).await?;
    let list: Vec<Row> = rows(&mut response, 0)?;
    let mut clusters: Vec<Cluster> = list
        .into_iter()
        .map(|c| {
            let members = named(directory, &c.members);
            let interested = named(directory, &c.interested);
            Cluster {
                interested,
                rule: c.rule,
                rule_source: c.rule_source,
                corrected: c.corrected,
                organiser: c.organiser,
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

/// The municipalities of `codes`, in name order (unknown codes left out).
fn named(directory: &Directory, codes: &[String]) -> Vec<Member> {
    let mut members: Vec<Member> = codes
        .iter()
        .filter_map(|code| {
            let p = directory.profile(code)?;
            Some(Member {
                code: code.clone(),
                country: p.detail.country,
                name: p.detail.name.clone(),
                population: p.detail.population,
            })
        })
        .collect();
    members.sort_by(|a, b| a.name.fr.cmp(&b.name.fr));
    members
}

pub async fn one(db: &Db, id: &str) -> Result<Cluster, AppError> {
    let clusters = current(db).await?;
    let cluster = clusters
        .list
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    Ok(Cluster {
        cache_key: clusters.key_for(&id),
        ..cluster
    })
}
