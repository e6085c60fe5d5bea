//! SurrealDB reads for good practices (server only): the published ones, kept per data
//! version with their text index (migration 0016 bumps the version on every write).

use super::*;
use crate::db::{rows, Db};
use crate::kernel::cache::VersionedCache;
use crate::kernel::text_index::TextIndex;
use crate::municipalities::directory::{self, Directory};
use std::sync::{Arc, LazyLock};

/// The published practices and the index of their texts (row = position in `list`).
pub struct Practices {
    pub list: Vec<Practice>,
    index: TextIndex,
}

static PRACTICES: LazyLock<VersionedCache<(), Arc<Practices>>> =
    LazyLock::new(|| VersionedCache::new("practices", 16));

#[derive(Deserialize)]
struct Row {
    id: String,
    name: Localized,
    summary: Localized,
    kind: String,
    #[serde(default)]
    themes: Vec<Localized>,
    #[serde(default)]
    municipalities: Vec<String>,
    participants: Option<Localized>,
    period_start: Option<String>,
    period_end: Option<String>,
    results: Option<Localized>,
    cost_eur: Option<f64>,
    contact: Option<String>,
    link: Option<String>,
    source: String,
    project: Option<Link>,
    event: Option<Link>,
}

const QUERY: &str = "
SELECT record::id(id) AS id, name, summary, kind, themes, participants, results, cost_eur,
    contact, link, source,
    municipalities.map(|$m| record::id($m)) AS municipalities,
    IF period_start { time::format(period_start, '%Y-%m-%d') } ELSE { NONE } AS period_start,
    IF period_end { time::format(period_end, '%Y-%m-%d') } ELSE { NONE } AS period_end,
    IF project AND project.publication = 'published' { { id: record::id(project), name: project.name } } ELSE { NONE } AS project,
    IF event AND event.publication = 'published' { { id: record::id(event), name: event.title } } ELSE { NONE } AS event
FROM practice WHERE publication = 'published';";

/// The practices at the current data version.
pub async fn current(db: &Db) -> Result<Arc<Practices>, AppError> {
    let directory = directory::current(db).await?;
    let (db, made_from) = (db.clone(), directory.clone());
    PRACTICES
        .get_or_make(&directory.at, (), async move {
            Ok(Arc::new(read(&db, &made_from).await?))
        })
        .await
}

/// What a practice is found by, in one language: its texts in that language and the
/// names of its municipalities in both (people type either name).
fn search_text(p: &Practice, lang: crate::i18n::Lang) -> String {
    // The kind's name too: "achat groupé", "gedeelde dienst".
    let kind = crate::i18n::translate(
        lang,
        &crate::kernel::kinds::PRACTICE_KIND_MESSAGES.id(&p.kind),
        None,
    );
    let mut parts: Vec<&str> = vec![p.name.get(lang), p.summary.get(lang), &kind];
    parts.extend(p.themes.iter().map(|t| t.get(lang)));
    parts.extend(p.participants.iter().map(|t| t.get(lang)));
    parts.extend(p.results.iter().map(|t| t.get(lang)));
    parts.extend(
        p.municipalities
            .iter()
            .flat_map(|m| [m.name.nl.as_str(), m.name.fr.as_str()]),
    );
    parts.join(" \n ")
}

async fn read(db: &Db, directory: &Directory) -> Result<Practices, AppError> {
    let mut response = db.query(QUERY).await?;
    let found: Vec<Row> = rows(&mut response, 0)?;
    let mut list: Vec<Practice> = found
        .into_iter()
        .map(|r| {
            let mut municipalities: Vec<Link> = r
                .municipalities
                .iter()
                .filter_map(|code| {
                    let p = directory.profile(code)?;
                    Some(Link {
                        id: code.clone(),
                        name: p.detail.name.clone(),
                    })
                })
                .collect();
            municipalities.sort_by(|a, b| a.name.fr.cmp(&b.name.fr));
            Practice {
                id: r.id,
                name: r.name,
                summary: r.summary,
                kind: r.kind,
                themes: r.themes,
                municipalities,
                participants: r.participants,
                period_start: r.period_start,
                period_end: r.period_end,
                results: r.results,
                cost_eur: r.cost_eur,
                contact: r.contact,
                link: r.link,
                source: r.source,
                project: r.project,
                event: r.event,
            }
        })
        .collect();
    list.sort_by_cached_key(|p| (crate::search_text::sort_key(&p.name.nl), p.id.clone()));
    let texts: Vec<(String, String)> = list
        .iter()
        .map(|p| {
            (
                search_text(p, crate::i18n::Lang::Nl),
                search_text(p, crate::i18n::Lang::Fr),
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(nl, fr)| (nl.as_str(), fr.as_str()))
        .collect();
    let index = TextIndex::build(&pairs);
    Ok(Practices { list, index })
}

impl Practices {
    /// The practices that pass the query: searched texts best first, else in name order.
    pub fn matching(&self, query: &PracticeQuery) -> Vec<Practice> {
        let text = query.q.trim();
        let mut rows: Vec<(usize, f64)> = if text.is_empty() {
            (0..self.list.len()).map(|i| (i, 0.0)).collect()
        } else {
            let mut found: Vec<(usize, f64)> = self
                .index
                .search(text)
                .into_iter()
                .map(|(row, score)| (row as usize, score))
                .collect();
            found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            found
        };
        rows.retain(|(i, _)| self.list.get(*i).is_some_and(|p| query.keeps(p)));
        rows.into_iter()
            .map(|(i, _)| self.list[i].clone())
            .collect()
    }
}

pub async fn search(db: &Db, query: &PracticeQuery) -> Result<PracticeList, AppError> {
    let practices = current(db).await?;
    Ok(PracticeList {
        all: practices.list.clone(),
        matching: practices.matching(query),
    })
}

pub async fn one(db: &Db, id: &str) -> Result<Practice, AppError> {
    current(db)
        .await?
        .list
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .ok_or(AppError::NotFound)
}
