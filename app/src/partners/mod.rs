//! The partner finder: for a municipality, candidate partners ranked by a documented
//! score (`score`), with the reasons shown per candidate.

mod page;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod score;

pub use page::PartnersPage;

use crate::error::AppError;
use crate::i18n::Localized;
use crate::kernel::geo::Country;
use crate::kernel::validate::is_municipality_code;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many candidates a page shows.
pub const SHOWN: usize = 15;
/// The largest radius accepted for "within N km".
pub const MAX_WITHIN_KM: u32 = 200;
/// Levels of the weighed criteria: 0 (does not matter) to 3 (matters a lot).
pub const MAX_LEVEL: u8 = 3;
/// The levels as their messages name them ("not at all" to "much").
pub const LEVELS: [&str; MAX_LEVEL as usize + 1] = ["0", "1", "2", "3"];
pub const LEVEL_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("partners-level-", || LEVELS.to_vec());

/// Why a candidate scores: each is one term of the score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    Near {
        km: f64,
    },
    AcrossTheBorder,
    SimilarSize {
        population: i64,
    },
    /// Categories the candidate offers that the municipality lacks, and the reverse.
    Complementary {
        offers: Vec<String>,
        lacks: Vec<String>,
    },
    SharedClusters {
        ids: Vec<String>,
    },
    SharedProjects {
        ids: Vec<String>,
    },
    SharedThemes {
        themes: Vec<String>,
    },
    CommonLanguage {
        languages: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerCandidate {
    pub code: String,
    pub country: Country,
    pub name: Localized,
    pub population: Option<i64>,
    pub distance_km: f64,
    pub cross_border: bool,
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// The user's choices, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerCriteria {
    pub across_only: bool,
    pub within_km: Option<u32>,
    /// 0–3: how much a similar population matters.
    pub similar_size: u8,
    /// 0–3: how much complementary services matter.
    pub complementarity: u8,
}

impl Default for PartnerCriteria {
    fn default() -> Self {
        Self {
            across_only: false,
            within_km: None,
            similar_size: 1,
            complementarity: 1,
        }
    }
}

crate::url_query! {
    /// The finder's query string, as typed.
    pub struct PartnerQuery {
        code,
        across,
        within,
        size,
        complement,
    }
}

impl PartnerQuery {
    /// The chosen municipality (None: none chosen yet) and the criteria.
    pub fn validate(&self) -> Result<(Option<String>, PartnerCriteria), AppError> {
        let code = match self.code.trim() {
            "" => None,
            code if is_municipality_code(code) => Some(code.to_owned()),
            _ => return Err(AppError::BadRequest("municipality".into())),
        };
        let defaults = PartnerCriteria::default();
        let level = |text: &str, default: u8, field: &str| match text {
            "" => Ok(default),
            text => text
                .parse::<u8>()
                .ok()
                .filter(|l| *l <= MAX_LEVEL)
                .ok_or_else(|| AppError::BadRequest(field.into())),
        };
        let across_only = match self.across.as_str() {
            "" | "0" => false,
            "1" | "on" => true,
            _ => return Err(AppError::BadRequest("across".into())),
        };
        let within_km = match self.within.trim() {
            "" => None,
            text => Some(
                text.parse::<u32>()
                    .ok()
                    .filter(|km| (1..=MAX_WITHIN_KM).contains(km))
                    .ok_or_else(|| AppError::BadRequest("within".into()))?,
            ),
        };
        Ok((
            code,
            PartnerCriteria {
                across_only,
                within_km,
                similar_size: level(&self.size, defaults.similar_size, "size")?,
                complementarity: level(&self.complement, defaults.complementarity, "complement")?,
            },
        ))
    }
}

/// A municipality to choose from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub country: Country,
    pub name: Localized,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerResults {
    pub choices: Vec<Choice>,
    pub chosen: Option<Choice>,
    pub criteria: PartnerCriteria,
    /// Best first, at most `SHOWN`.
    pub candidates: Vec<PartnerCandidate>,
    /// How many passed the criteria.
    pub total: usize,
    /// Category and cluster names for the reasons.
    pub labels: Vec<(String, Localized)>,
    /// The score's weights, shown with the results (see `score`).
    pub weights: Weights,
    /// Determines the rendered results (the data version, municipality and criteria).
    pub cache_key: Option<u128>,
}

/// The named weights of `score`, as the page explains them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    pub nearness: f64,
    pub nearness_range_km: f64,
    pub cross_border: f64,
    pub similar_size: f64,
    pub complementarity: f64,
    pub shared_cluster: f64,
    pub shared_project: f64,
    pub shared_theme: f64,
    pub common_language: f64,
}

#[server]
pub async fn find_partners(query: PartnerQuery) -> Result<PartnerResults, AppError> {
    crate::components::with_status(repo::find(&crate::db::use_db()?, &query).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_checked() {
        let ok = PartnerQuery {
            code: "33029".into(),
            across: "1".into(),
            within: "25".into(),
            size: "3".into(),
            complement: "0".into(),
        };
        let (code, criteria) = ok.validate().unwrap();
        assert_eq!(code.as_deref(), Some("33029"));
        assert_eq!(
            criteria,
            PartnerCriteria {
                across_only: true,
                within_km: Some(25),
                similar_size: 3,
                complementarity: 0
            }
        );
        let bad = |f: fn(&mut PartnerQuery)| {
            let mut q = ok.clone();
            f(&mut q);
            q.validate().unwrap_err()
        };
        assert_eq!(
            bad(|q| q.code = "<x>".into()),
            AppError::BadRequest("municipality".into())
        );
        assert_eq!(
            bad(|q| q.within = "0".into()),
            AppError::BadRequest("within".into())
        );
        assert_eq!(
            bad(|q| q.size = "4".into()),
            AppError::BadRequest("size".into())
        );
        assert_eq!(
            bad(|q| q.complement = "x".into()),
            AppError::BadRequest("complement".into())
        );
        assert_eq!(
            bad(|q| q.across = "yes".into()),
            AppError::BadRequest("across".into())
        );
        assert_eq!(PartnerQuery::default().validate().unwrap().0, None);
    }
}
