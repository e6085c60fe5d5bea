//! Cooperation projects and pilot projects (SPEC §3, issue 9): the list with filters and
//! the detail page. Only the real projects of the seeds are loaded (`app/data/cooperation.json`).

mod detail_page;
mod list_page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use detail_page::{period_label, ProjectPage};
pub use list_page::ProjectsPage;

use crate::error::AppError;
use crate::i18n::{Localized, MessageSet};
use crate::kernel::geo::Country;
use crate::kernel::validate::Length;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

crate::closed_set! {
    /// Where a project stands on a given day, from its period.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Phase {
        /// Starts after that day.
        Planned = "planned",
        /// Started on or before it, and not ended before it.
        Running = "running",
        /// Ended before it.
        Ended = "ended",
        /// No date is known: the recorded status says more.
        Undated = "undated",
    }
}

/// "Ended", "Running"…; for an undated project, its status as the source records it.
pub fn phase_label(project: &Project) -> String {
    let i18n = crate::i18n::use_i18n();
    match project.phase {
        Phase::Undated => i18n.t_of(
            &crate::kernel::kinds::PROJECT_STATUS_MESSAGES,
            &project.recorded_status,
        ),
        phase => i18n.t_of(&PHASE_MESSAGES, phase.code()),
    }
}

pub const PHASE_MESSAGES: MessageSet =
    MessageSet::new("phase-", || Phase::ALL.map(Phase::code).to_vec());

impl Phase {
    /// The phase on `today`; every date is ISO (`YYYY-MM-DD`), so they compare as text.
    pub fn on(start: Option<&str>, end: Option<&str>, today: &str) -> Phase {
        match (start, end) {
            (None, None) => Phase::Undated,
            (Some(start), _) if start > today => Phase::Planned,
            (_, Some(end)) if end < today => Phase::Ended,
            _ => Phase::Running,
        }
    }
}

/// An organisation taking part, with its role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    pub id: String,
    pub name: Localized,
    /// `BE`, `FR`, or None when the source does not say (a cross-border agency).
    pub country: Option<String>,
    /// `lead`, `partner` or `associated`.
    pub role: String,
}

pub use crate::kernel::link::Link;

/// A meeting of the project, with its start date (Europe/Brussels) when known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventLink {
    pub id: String,
    pub title: Localized,
    pub date: Option<String>,
}

/// Everything the pages and the API show of a project (what an Interreg project record
/// holds; most projects of the seeds fill only part of it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub name: Localized,
    pub summary: Localized,
    /// `interreg_project`, `cooperation_platform`, `support_offer` or `practice`.
    pub kind: String,
    pub programme: Option<Localized>,
    pub portfolio: Option<String>,
    pub priority: Option<Localized>,
    pub specific_objective: Option<Localized>,
    pub themes: Vec<Localized>,
    /// The lead partner first.
    pub partners: Vec<Partner>,
    pub municipalities: Vec<Link>,
    pub budget_eur: Option<f64>,
    pub eu_cofinancing_eur: Option<f64>,
    pub budget_note: Option<Localized>,
    /// ISO dates.
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub duration_note: Option<Localized>,
    /// As the source describes it (`completed`, `ongoing`, `offered`, `practice`).
    pub recorded_status: String,
    /// From the period and today's date.
    pub phase: Phase,
    pub parent: Option<Link>,
    /// Its pilot projects (the projects whose parent it is).
    pub pilots: Vec<Link>,
    pub events: Vec<EventLink>,
    pub website: Option<String>,
    /// The seed page it is summarised from (see `app/data/COOPERATION_SOURCES.md`).
    pub source: String,
}

impl Project {
    /// The countries of its partners (BE before FR).
    pub fn countries(&self) -> Vec<&str> {
        let mut countries: Vec<&str> = self
            .partners
            .iter()
            .filter_map(|p| p.country.as_deref())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        countries
    }

    /// Whether its period overlaps the year (undated projects do not).
    pub fn active_in(&self, year: i32) -> bool {
        let year_of = |date: &Option<String>| date.as_deref()?.get(..4)?.parse::<i32>().ok();
        match (year_of(&self.period_start), year_of(&self.period_end)) {
            (None, None) => false,
            (start, end) => start.is_none_or(|s| s <= year) && end.is_none_or(|e| e >= year),
        }
    }
}

crate::url_query! {
    /// The list's filters, as the GET form sends them.
    pub struct ProjectQuery {
        programme,
        theme,
        phase,
        year,
        country,
        municipality,
    }
}

impl ProjectQuery {
    /// Checks each field; the error names the first bad one.
    pub fn validate(&self) -> Result<ProjectFilter, AppError> {
        let bad = |field: &str| AppError::BadRequest(field.into());
        let text = |value: &str, field: &str| match value {
            "" => Ok(None),
            v if Length::Query.exceeded_by(v) => Err(bad(field)),
            v => Ok(Some(v.to_owned())),
        };
        let phase = match self.phase.as_str() {
            "" => None,
            code => Some(Phase::from_code(code).ok_or_else(|| bad("phase"))?),
        };
        let year = match self.year.as_str() {
            "" => None,
            y => Some(
                y.parse::<i32>()
                    .ok()
                    .filter(|y| (1950..=2100).contains(y))
                    .ok_or_else(|| bad("year"))?,
            ),
        };
        let country = match self.country.as_str() {
            "" => None,
            c => Some(Country::from_code(c).ok_or_else(|| bad("country"))?),
        };
        let municipality = match self.municipality.as_str() {
            "" => None,
            code if crate::kernel::validate::is_municipality_code(code) => Some(code.to_owned()),
            _ => return Err(bad("municipality")),
        };
        Ok(ProjectFilter {
            programme: text(&self.programme, "programme")?,
            theme: text(&self.theme, "theme")?,
            phase,
            year,
            country,
            municipality,
        })
    }
}

/// A checked query. Programme and theme match either language's name exactly.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectFilter {
    pub programme: Option<String>,
    pub theme: Option<String>,
    pub phase: Option<Phase>,
    pub year: Option<i32>,
    pub country: Option<Country>,
    pub municipality: Option<String>,
}

impl ProjectFilter {
    pub fn matches(&self, p: &Project) -> bool {
        let named = |wanted: &Option<String>, name: Option<&Localized>| {
            wanted
                .as_deref()
                .is_none_or(|w| name.is_some_and(|n| n.nl == w || n.fr == w))
        };
        named(&self.programme, p.programme.as_ref())
            && self
                .theme
                .as_ref()
                .is_none_or(|_| p.themes.iter().any(|t| named(&self.theme, Some(t))))
            && self.phase.is_none_or(|phase| p.phase == phase)
            && self.year.is_none_or(|year| p.active_in(year))
            && self
                .country
                .is_none_or(|c| p.countries().contains(&c.code()))
            && self
                .municipality
                .as_deref()
                .is_none_or(|code| p.municipalities.iter().any(|m| m.id == code))
    }
}

/// Every project (for the list's filter options) and the ones the query keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectList {
    pub all: Vec<Project>,
    pub matching: Vec<Project>,
}

#[server]
pub async fn list_projects(query: ProjectQuery) -> Result<ProjectList, AppError> {
    let filter = query.validate()?;
    let all = repo::all(&crate::db::use_db()?, &crate::kernel::clock::today()).await?;
    let matching = all.iter().filter(|p| filter.matches(p)).cloned().collect();
    Ok(ProjectList { all, matching })
}

#[server]
pub async fn load_project(id: String) -> Result<Project, AppError> {
    let project = repo::one(&crate::db::use_db()?, &id, &crate::kernel::clock::today()).await;
    if let Err(error) = &project {
        crate::components::set_status(error.status());
    }
    project
}

pub use crate::kernel::link::text_in as name_in;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phase_follows_the_period_and_the_day() {
        let on = |s: Option<&str>, e: Option<&str>, today| Phase::on(s, e, today);
        let partons = (Some("2016-10-01"), Some("2021-09-30"));
        assert_eq!(on(partons.0, partons.1, "2016-09-30"), Phase::Planned);
        assert_eq!(on(partons.0, partons.1, "2016-10-01"), Phase::Running);
        assert_eq!(on(partons.0, partons.1, "2021-09-30"), Phase::Running);
        assert_eq!(on(partons.0, partons.1, "2021-10-01"), Phase::Ended);
        assert_eq!(on(partons.0, partons.1, "2026-12-01"), Phase::Ended);
        assert_eq!(on(Some("2015-12-03"), None, "2026-12-01"), Phase::Running);
        assert_eq!(on(None, Some("2020-01-01"), "2026-12-01"), Phase::Ended);
        assert_eq!(on(None, None, "2026-12-01"), Phase::Undated);
    }

    #[test]
    fn bad_filters_are_named() {
        let bad = |q: ProjectQuery| match q.validate() {
            Err(AppError::BadRequest(field)) => field,
            other => panic!("{other:?}"),
        };
        let q = |k: &str, v: &str| ProjectQuery::from_pairs([(k, v)]);
        assert_eq!(bad(q("phase", "soon")), "phase");
        assert_eq!(bad(q("year", "20x6")), "year");
        assert_eq!(bad(q("year", "3000")), "year");
        assert_eq!(bad(q("country", "NL")), "country");
        assert_eq!(bad(q("municipality", "x'; --")), "municipality");
        assert_eq!(
            q("phase", "ended").validate().unwrap().phase,
            Some(Phase::Ended)
        );
    }
}
