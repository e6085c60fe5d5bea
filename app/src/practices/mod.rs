//! Good practices (issue 24): what municipalities did together, as the region's documents
//! present it (the knowledge platform's agenda), and what staff propose. Browse and search
//! them (both languages, accents, typing mistakes: the services' text index), filter by
//! theme and kind, see their municipalities on the map and on each profile.

mod detail_page;
mod list_page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use detail_page::PracticePage;
pub use list_page::PracticesPage;

use crate::error::AppError;
use crate::i18n::Localized;
use crate::kernel::kinds::PRACTICE_KINDS;
use crate::kernel::link::Link;
use crate::kernel::validate::Length;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Everything the pages show of a practice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    pub id: String,
    pub name: Localized,
    pub summary: Localized,
    /// One of `PRACTICE_KINDS`.
    pub kind: String,
    pub themes: Vec<Localized>,
    /// The border municipalities involved, in name order.
    pub municipalities: Vec<Link>,
    /// Who took part, as the source names them (also those outside the region).
    pub participants: Option<Localized>,
    /// ISO dates.
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub results: Option<Localized>,
    pub cost_eur: Option<f64>,
    pub contact: Option<String>,
    pub link: Option<String>,
    pub source: String,
    /// Where it was presented.
    pub project: Option<Link>,
    pub event: Option<Link>,
}

crate::url_query! {
    /// The list's query string, as typed.
    pub struct PracticeQuery {
        q,
        theme,
        kind,
        municipality,
    }
}

impl PracticeQuery {
    /// Checks the values; the error names the key at fault.
    pub fn validate(&self) -> Result<(), AppError> {
        if Length::Query.exceeded_by(&self.q) {
            return Err(AppError::BadRequest("q".into()));
        }
        if !self.kind.is_empty() && !PRACTICE_KINDS.contains(&self.kind.as_str()) {
            return Err(AppError::BadRequest("kind".into()));
        }
        if !self.municipality.is_empty()
            && !crate::kernel::validate::is_municipality_code(&self.municipality)
        {
            return Err(AppError::BadRequest("municipality".into()));
        }
        if Length::Query.exceeded_by(&self.theme) {
            return Err(AppError::BadRequest("theme".into()));
        }
        Ok(())
    }

    /// Whether a practice passes the filters (the text is searched by the index).
    pub fn keeps(&self, p: &Practice) -> bool {
        (self.kind.is_empty() || p.kind == self.kind)
            && (self.theme.is_empty() || p.themes.iter().any(|t| t.nl == self.theme))
            && (self.municipality.is_empty()
                || p.municipalities.iter().any(|m| m.id == self.municipality))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeList {
    /// Every published practice (for the filters' choices).
    pub all: Vec<Practice>,
    /// Those that match, best first when searched, else in name order.
    pub matching: Vec<Practice>,
}

#[server]
pub async fn list_practices(query: PracticeQuery) -> Result<PracticeList, AppError> {
    query.validate()?;
    crate::components::with_status(repo::search(&crate::db::use_db()?, &query).await)
}

#[server]
pub async fn load_practice(id: String) -> Result<Practice, AppError> {
    crate::components::with_status(repo::one(&crate::db::use_db()?, &id).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_checked() {
        let ok = PracticeQuery {
            q: "centre de services".into(),
            kind: "shared_service".into(),
            municipality: "33029".into(),
            ..Default::default()
        };
        assert_eq!(ok.validate(), Ok(()));
        let kind = PracticeQuery {
            kind: "barter".into(),
            ..Default::default()
        };
        assert_eq!(kind.validate(), Err(AppError::BadRequest("kind".into())));
        let code = PracticeQuery {
            municipality: "<b>".into(),
            ..Default::default()
        };
        assert_eq!(
            code.validate(),
            Err(AppError::BadRequest("municipality".into()))
        );
        let long = PracticeQuery {
            q: "x".repeat(Length::Query.chars() + 1),
            ..Default::default()
        };
        assert_eq!(long.validate(), Err(AppError::BadRequest("q".into())));
    }
}
