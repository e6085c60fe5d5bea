//! The municipality directory in memory (server only).
//!
//! Profiled under load, the home page spent most of its time in SurrealDB decoding whole
//! records to count them, and the list and profile pages re-read the same few hundred
//! rows on every request. The directory is read-mostly: it is built once per data
//! version (`db::version`, which the services copy follows too) and every page reads it
//! here.

use super::*;
use crate::db::{rows, Db};
use crate::kernel::cache::{DataVersion, VersionedCache};
use crate::search_text::sort_key;
use crate::services::coverage::compute::{self as coverage, Place};
use crate::services::snapshot::{self, Snapshot};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

pub struct Directory {
    /// Every municipality, in code order.
    summaries: Vec<MunicipalitySummary>,
    /// Indexes into `summaries` for each sort: name (nl), name (fr), population, distance.
    orders: [Vec<usize>; 4],
    profiles: HashMap<String, Arc<MunicipalityProfile>>,
    pub counts: SiteCounts,
    /// The categories that have services, with their count per side.
    pub categories: Vec<crate::services::coverage::CategoryOption>,
    /// Of every summary: changes when any listed value does.
    pub fingerprint: Option<u128>,
    /// The database and the data version it was built from: read models made from the
    /// directory are kept under it, and a page rendered from it alone (with its query).
    pub at: DataVersion,
}

impl Directory {
    /// The key of a fragment rendered from this directory and `inputs` only.
    pub fn key_for(&self, inputs: &impl Serialize) -> Option<u128> {
        crate::fingerprint::of(&((&*self.at.instance, self.at.version), inputs))
    }
}

impl Directory {
    /// The municipalities that pass the filter, in its order; `codes` (from a text
    /// search) narrows them when given.
    pub fn list(
        &self,
        lang: Lang,
        filter: &MunicipalityFilter,
        codes: Option<&[String]>,
    ) -> Vec<MunicipalitySummary> {
        let order = match (filter.sort, lang) {
            (Sort::Name, Lang::Nl) => &self.orders[0],
            (Sort::Name, Lang::Fr) => &self.orders[1],
            (Sort::Population, _) => &self.orders[2],
            (Sort::Distance, _) => &self.orders[3],
        };
        order
            .iter()
            .map(|&i| &self.summaries[i])
            .filter(|m| filter.country.is_none_or(|c| c == m.country))
            .filter(|m| codes.is_none_or(|codes| codes.contains(&m.code)))
            .cloned()
            .collect()
    }

    /// Every municipality's code.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.summaries.iter().map(|m| m.code.as_str())
    }

    pub fn profile(&self, code: &str) -> Option<Arc<MunicipalityProfile>> {
        self.profiles.get(code).cloned()
    }

    /// Every profile, in code order.
    pub fn profiles(&self) -> impl Iterator<Item = Arc<MunicipalityProfile>> + '_ {
        self.summaries
            .iter()
            .filter_map(|m| self.profiles.get(&m.code).cloned())
    }
}

/// One directory per database (tests run many), at the version it was built from.
static DIRECTORIES: LazyLock<VersionedCache<(), Arc<Directory>>> =
    LazyLock::new(|| VersionedCache::new("municipality-directory", 16));

/// The directory of the current data version (one small query to check the version).
pub async fn current(db: &Db) -> Result<Arc<Directory>, AppError> {
    let (at, services) = snapshot::current(db).await?;
    let (db, made_at) = (db.clone(), at.clone());
    DIRECTORIES
        .get_or_make(&at, (), async move {
            Ok(Arc::new(load(&db, &services, made_at).await?))
        })
        .await
}

pub(super) const DETAIL_FIELDS: &str =
    "code, code_type, country, name, name.official AS name_official,
    province, region, arrondissement, epci.code AS epci_code, epci.name.fr AS epci_name, population,
    population_source, postal_codes, lat, lon, point_kind, distance_to_border_km,
    boundary != NONE AS has_boundary, source";

/// A membership, a project's or an event's municipality.
#[derive(Deserialize)]
struct Involved {
    code: String,
    id: String,
    name: Localized,
    #[serde(default)]
    kind: String,
    date: Option<String>,
}

#[derive(Deserialize)]
struct Edge {
    from: String,
    to: String,
    distance_km: f64,
    cross_border: bool,
}

async fn load(db: &Db, services: &Snapshot, at: DataVersion) -> Result<Directory, AppError> {
    let mut response = db
        .query(format!(
            "SELECT {DETAIL_FIELDS} FROM municipality ORDER BY code;
             SELECT in.code AS from, out.code AS to, distance_km, cross_border FROM neighbour
             ORDER BY distance_km;
             SELECT record::id(in) AS code, record::id(out) AS id, out.name AS name,
                 out.kind AS kind FROM member_of
                 WHERE out.publication = 'published' ORDER BY id;
             SELECT record::id(id) AS id, name,
                 municipalities.map(|$m| record::id($m)) AS codes FROM project
                 WHERE publication = 'published' ORDER BY id;
             SELECT record::id(id) AS id, title AS name, place.municipality_code AS code,
                 starts_at AS date
                 FROM event WHERE place.municipality_code != NONE
                 AND publication = 'published' ORDER BY date, id;
             SELECT record::id(id) AS id, name, themes,
                 municipalities.map(|$m| record::id($m)) AS codes FROM practice
                 WHERE publication = 'published' ORDER BY id;
             SELECT record::id(municipality) AS code, 'town_hall' AS office, name,
                 record::id(id) AS service_id, address, phones ?? [] AS phones, email, website,
                 source, time::format(assured_date ?? updated_at, '%Y-%m-%d') AS verified_on
                 FROM service WHERE category = 'town_hall' AND status = 'published' ORDER BY service_id;
             SELECT record::id(municipality) AS code, office, name, address,
                 IF phone {{ string::split(phone, '; ') }} ELSE {{ [] }} AS phones, email, website,
                 hours, source,
                 IF verified_on {{ time::format(verified_on, '%Y-%m-%d') }} ELSE {{ NONE }} AS verified_on
                 FROM contact WHERE publication = 'published' ORDER BY id;"
        ))
        .await?;
    let details: Vec<MunicipalityDetail> = rows(&mut response, 0)?;
    let edges: Vec<Edge> = rows(&mut response, 1)?;
    let involved = Involvements {
        clusters: rows(&mut response, 2)?,
        projects: rows::<ProjectCodes>(&mut response, 3)?
            .into_iter()
            .flat_map(ProjectCodes::involved)
            .collect(),
        events: rows(&mut response, 4)?,
        practices: rows(&mut response, 5)?,
        contacts: {
            let mut contacts: Vec<ContactRow> = rows(&mut response, 6)?;
            contacts.extend(rows::<ContactRow>(&mut response, 7)?);
            contacts
        },
    };
    Ok(build(details, edges, involved, services, at))
}

#[derive(Deserialize)]
struct ProjectCodes {
    id: String,
    name: Localized,
    #[serde(default)]
    codes: Vec<String>,
    /// A practice's themes (projects: none read).
    #[serde(default)]
    themes: Vec<Localized>,
}

impl ProjectCodes {
    /// One involvement per municipality of a project or practice.
    fn involved(self) -> impl Iterator<Item = Involved> {
        let (id, name) = (self.id, self.name);
        // Themes are read from `practice_themes`, not from here.
        self.codes.into_iter().map(move |code| Involved {
            code,
            id: id.clone(),
            name: name.clone(),
            kind: String::new(),
            date: None,
        })
    }
}

/// A town hall (from the services) or an office (from the contacts), with its municipality.
#[derive(Deserialize)]
struct ContactRow {
    code: String,
    #[serde(flatten)]
    contact: MunicipalityContact,
}

struct Involvements {
    clusters: Vec<Involved>,
    projects: Vec<Involved>,
    events: Vec<Involved>,
    practices: Vec<ProjectCodes>,
    contacts: Vec<ContactRow>,
}

/// Per municipality code, the records it is involved in.
fn group(list: Vec<Involved>) -> HashMap<String, Vec<Involved>> {
    let mut by_code: HashMap<String, Vec<Involved>> = HashMap::new();
    for item in list {
        by_code.entry(item.code.clone()).or_default().push(item);
    }
    by_code
}

/// The day (Europe/Brussels) of a stored instant.
fn brussels_day(instant: &str) -> Option<String> {
    crate::kernel::clock::day_of_stored(instant)
}

fn build(
    details: Vec<MunicipalityDetail>,
    edges: Vec<Edge>,
    involved: Involvements,
    services: &Snapshot,
    at: DataVersion,
) -> Directory {
    let by_code: HashMap<&str, &MunicipalityDetail> =
        details.iter().map(|d| (d.code.as_str(), d)).collect();
    let mut neighbours: HashMap<&str, Vec<Neighbour>> = HashMap::new();
    for edge in &edges {
        if let Some(to) = by_code.get(edge.to.as_str()) {
            neighbours.entry(&edge.from).or_default().push(Neighbour {
                code: to.code.clone(),
                country: to.country,
                name: to.name.clone(),
                distance_km: edge.distance_km,
                cross_border: edge.cross_border,
            });
        }
    }
    let mut local: HashMap<&str, Vec<LocalService>> = HashMap::new();
    for row in &services.rows {
        local
            .entry(&row.core.municipality_code)
            .or_default()
            .push(LocalService {
                id: row.core.id.clone(),
                name: row.core.name.clone(),
                category: row.core.category.clone(),
                category_label: services.reference.category_label(&row.core.category),
                address: row.core.address.clone(),
                location_check: row.location_check.clone(),
            });
    }
    for list in local.values_mut() {
        list.sort_by(|a, b| (&a.category, &a.name.fr).cmp(&(&b.category, &b.name.fr)));
    }
    let summaries: Vec<MunicipalitySummary> = details
        .iter()
        .map(|d| MunicipalitySummary {
            code: d.code.clone(),
            country: d.country,
            name: d.name.clone(),
            province: d.province.clone(),
            population: d.population,
            distance_to_border_km: d.distance_to_border_km,
        })
        .collect();
    let orders = sort_orders(&summaries);
    let counts = SiteCounts {
        municipalities: details.len() as i64,
        belgian: details.iter().filter(|d| d.country == Country::Be).count() as i64,
        french: details.iter().filter(|d| d.country == Country::Fr).count() as i64,
        services: services.rows.len() as i64,
        cross_border_links: edges.iter().filter(|e| e.cross_border).count() as i64 / 2,
        categories: category_counts(services),
    };
    let places: Vec<Place> = details
        .iter()
        .map(|d| Place {
            code: &d.code,
            country: d.country,
            lat: d.lat,
            lon: d.lon,
        })
        .collect();
    let mut coverage = coverage::compute(&places, &services.rows, &services.reference);
    drop(places);
    let mut themes: HashMap<String, Vec<Localized>> = HashMap::new();
    for practice in &involved.practices {
        for code in &practice.codes {
            let list = themes.entry(code.clone()).or_default();
            for theme in &practice.themes {
                if !list.iter().any(|t| t.nl == theme.nl) {
                    list.push(theme.clone());
                }
            }
        }
    }
    let (mut clusters, mut projects, mut events, mut practices) = (
        group(involved.clusters),
        group(involved.projects),
        group(involved.events),
        group(
            involved
                .practices
                .into_iter()
                .flat_map(ProjectCodes::involved)
                .collect(),
        ),
    );
    let mut contacts: HashMap<String, Vec<MunicipalityContact>> = HashMap::new();
    for row in involved.contacts {
        contacts.entry(row.code).or_default().push(row.contact);
    }
    for list in contacts.values_mut() {
        let rank = |office: &str| {
            crate::kernel::kinds::CONTACT_OFFICES
                .iter()
                .position(|o| *o == office)
        };
        // Stable: town halls (services) before the offices staff entered.
        list.sort_by_key(|c| rank(&c.office));
    }
    let refs = |list: Option<Vec<Involved>>| -> Vec<Involvement> {
        list.unwrap_or_default()
            .into_iter()
            .map(|i| Involvement {
                id: i.id,
                name: i.name,
                date: i.date.as_deref().and_then(brussels_day),
            })
            .collect()
    };
    let profiles = details
        .into_iter()
        .map(|detail| {
            let code = detail.code.clone();
            let profile = MunicipalityProfile {
                neighbours: neighbours.remove(code.as_str()).unwrap_or_default(),
                services: local.remove(code.as_str()).unwrap_or_default(),
                clusters: clusters
                    .remove(&code)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| ClusterRef {
                        id: c.id,
                        name: c.name,
                        kind: c.kind,
                    })
                    .collect(),
                projects: refs(projects.remove(&code)),
                events: refs(events.remove(&code)),
                practices: refs(practices.remove(&code)),
                practice_themes: themes.remove(&code).unwrap_or_default(),
                contacts: contacts.remove(&code).unwrap_or_default(),
                coverage: coverage.remove(&code).unwrap_or_default(),
                cache_key: None,
                detail,
            };
            (code, Arc::new(profile))
        })
        .collect();
    Directory {
        categories: coverage::categories(&services.rows, &services.reference),
        at,
        fingerprint: crate::fingerprint::of(&summaries),
        summaries,
        orders,
        profiles,
        counts,
    }
}

fn sort_orders(summaries: &[MunicipalitySummary]) -> [Vec<usize>; 4] {
    let by = |key: &dyn Fn(&MunicipalitySummary) -> (String, i64, String)| {
        let mut order: Vec<usize> = (0..summaries.len()).collect();
        let keys: Vec<_> = summaries.iter().map(key).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        order
    };
    let distance = {
        let mut order: Vec<usize> = (0..summaries.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&summaries[a], &summaries[b]);
            a.distance_to_border_km
                .total_cmp(&b.distance_to_border_km)
                .then_with(|| a.code.cmp(&b.code))
        });
        order
    };
    [
        by(&|m| (sort_key(&m.name.nl), 0, m.code.clone())),
        by(&|m| (sort_key(&m.name.fr), 0, m.code.clone())),
        by(&|m| (String::new(), -m.population.unwrap_or(0), m.code.clone())),
        distance,
    ]
}

/// Published services per category, most first (the home page's shortcuts).
fn category_counts(services: &Snapshot) -> Vec<CategoryCount> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for row in &services.rows {
        *counts.entry(&row.core.category).or_default() += 1;
    }
    let mut list: Vec<CategoryCount> = counts
        .into_iter()
        .map(|(code, count)| CategoryCount {
            label: services.reference.category_label(code),
            code: code.to_owned(),
            count,
        })
        .collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    list
}
