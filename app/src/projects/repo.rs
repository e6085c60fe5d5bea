//! SurrealDB reads for projects (server only). A handful of records: each page reads
//! them with their organisations and events in one round trip and joins them here.

use super::*;
use crate::db::{rows, Db};
use crate::municipalities::directory;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Row {
    id: String,
    name: Localized,
    summary: Localized,
    kind: String,
    status: String,
    programme: Option<Localized>,
    portfolio: Option<String>,
    priority: Option<Localized>,
    specific_objective: Option<Localized>,
    #[serde(default)]
    themes: Vec<Localized>,
    lead_partner: Option<String>,
    #[serde(default)]
    partners: Vec<PartnerRow>,
    #[serde(default)]
    municipality_codes: Vec<String>,
    budget_eur: Option<f64>,
    eu_cofinancing_eur: Option<f64>,
    budget_note: Option<Localized>,
    period_start: Option<String>,
    period_end: Option<String>,
    duration_note: Option<Localized>,
    parent: Option<String>,
    website: Option<String>,
    source: String,
}

#[derive(Deserialize)]
struct PartnerRow {
    org: String,
    role: String,
}

#[derive(Deserialize)]
struct Organization {
    id: String,
    name: Localized,
    country: Option<String>,
}

#[derive(Deserialize)]
struct EventRow {
    id: String,
    title: Localized,
    project: Option<String>,
    starts_at: Option<String>,
}

const QUERY: &str = "
SELECT record::id(id) AS id, name, summary, kind, status, programme, portfolio, priority,
    specific_objective, themes, budget_eur, eu_cofinancing_eur, budget_note, duration_note,
    website, source,
    IF lead_partner { record::id(lead_partner) } ELSE { NONE } AS lead_partner,
    partners.map(|$p| { org: record::id($p.org), role: $p.role }) AS partners,
    municipalities.map(|$m| record::id($m)) AS municipality_codes,
    IF parent { record::id(parent) } ELSE { NONE } AS parent,
    IF period_start { time::format(period_start, '%Y-%m-%d') } ELSE { NONE } AS period_start,
    IF period_end { time::format(period_end, '%Y-%m-%d') } ELSE { NONE } AS period_end
FROM project WHERE publication = 'published' ORDER BY id;
SELECT record::id(id) AS id, name, country FROM organization;
SELECT record::id(id) AS id, title, starts_at,
    IF project { record::id(project) } ELSE { NONE } AS project
FROM event WHERE publication = 'published' ORDER BY starts_at, id;";

/// Every project, its phase on `today` (ISO date), in name order.
pub async fn all(db: &Db, today: &str) -> Result<Vec<Project>, AppError> {
    let mut response = db.query(QUERY).await?;
    let projects: Vec<Row> = rows(&mut response, 0)?;
    let organizations: Vec<Organization> = rows(&mut response, 1)?;
    let events: Vec<EventRow> = rows(&mut response, 2)?;
    let directory = directory::current(db).await?;
    let orgs: HashMap<&str, &Organization> =
        organizations.iter().map(|o| (o.id.as_str(), o)).collect();
    let names: HashMap<String, Localized> = projects
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let link = |id: &str| {
        names.get(id).map(|name| Link {
            id: id.to_owned(),
            name: name.clone(),
        })
    };
    let partner = |id: &str, role: &str| {
        orgs.get(id).map(|o| Partner {
            id: o.id.clone(),
            name: o.name.clone(),
            country: o.country.clone(),
            role: role.to_owned(),
        })
    };
    let mut all: Vec<Project> = projects
        .iter()
        .map(|p| Project {
            id: p.id.clone(),
            name: p.name.clone(),
            summary: p.summary.clone(),
            kind: p.kind.clone(),
            programme: p.programme.clone(),
            portfolio: p.portfolio.clone(),
            priority: p.priority.clone(),
            specific_objective: p.specific_objective.clone(),
            themes: p.themes.clone(),
            partners: p
                .lead_partner
                .iter()
                .filter_map(|id| partner(id, "lead"))
                .chain(p.partners.iter().filter_map(|x| partner(&x.org, &x.role)))
                .collect(),
            municipalities: p
                .municipality_codes
                .iter()
                .filter_map(|code| {
                    directory.profile(code).map(|m| Link {
                        id: code.clone(),
                        name: m.detail.name.clone(),
                    })
                })
                .collect(),
            budget_eur: p.budget_eur,
            eu_cofinancing_eur: p.eu_cofinancing_eur,
            budget_note: p.budget_note.clone(),
            phase: Phase::on(p.period_start.as_deref(), p.period_end.as_deref(), today),
            period_start: p.period_start.clone(),
            period_end: p.period_end.clone(),
            duration_note: p.duration_note.clone(),
            recorded_status: p.status.clone(),
            parent: p.parent.as_deref().and_then(link),
            pilots: projects
                .iter()
                .filter(|c| c.parent.as_deref() == Some(p.id.as_str()))
                .filter_map(|c| link(&c.id))
                .collect(),
            events: events
                .iter()
                .filter(|e| e.project.as_deref() == Some(p.id.as_str()))
                .map(|e| EventLink {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    date: e.starts_at.as_deref().and_then(brussels_date),
                })
                .collect(),
            website: p.website.clone(),
            source: p.source.clone(),
        })
        .collect();
    all.sort_by_key(|p| p.name.nl.to_lowercase());
    Ok(all)
}

/// One project, or NotFound.
pub async fn one(db: &Db, id: &str, today: &str) -> Result<Project, AppError> {
    all(db, today)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)
}

/// The day (Europe/Brussels) of a stored instant.
fn brussels_date(instant: &str) -> Option<String> {
    crate::kernel::clock::day_of_stored(instant)
}
