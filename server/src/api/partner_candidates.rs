//! `/api/v1/municipalities/{code}/neighbours` and `/partners`: a municipality's
//! neighbours and its partner candidates with the reasons of their score (issue 9).

use super::municipalities::Neighbour;
use super::services::Text;
use super::{query_pairs, ApiError};
use crate::state::AppState;
use app::error::AppError;
use app::kernel::geo::Country;
use app::kernel::validate::is_municipality_code;
use app::municipalities::repo as municipalities;
use app::partners::{self, PartnerQuery, Reason};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct NeighbourList {
    pub data: Vec<Neighbour>,
}

/// A municipality's neighbours on both sides of the border, nearest first.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities/{code}/neighbours",
    tag = "municipalities",
    params(("code" = String, Path, description = "NIS or INSEE code")),
    responses(
        (status = 200, description = "Neighbours", body = NeighbourList),
        (status = 404, description = "No municipality has this code", body = super::ErrorBody),
    )
)]
pub async fn neighbours(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, ApiError> {
    let profile = municipalities::profile(&state.db, &code).await?;
    let data = profile
        .neighbours
        .into_iter()
        .map(|n| Neighbour {
            code: n.code,
            country: n.country,
            name: n.name.into(),
            distance_km: n.distance_km,
            cross_border: n.cross_border,
        })
        .collect();
    Ok(Json(NeighbourList { data }).into_response())
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PartnerParams {
    /// `1`: only municipalities across the border.
    across: Option<String>,
    /// Only candidates within this many km (1–200).
    within: Option<u32>,
    /// How much a similar population matters, 0–3 (default 1).
    size: Option<u8>,
    /// How much complementary services matter, 0–3 (default 1).
    complement: Option<u8>,
}

/// One term of a candidate's score.
#[derive(Serialize, ToSchema)]
pub struct ApiReason {
    /// `near`, `across_the_border`, `similar_size`, `complementary`, `shared_clusters`,
    /// `shared_projects`, `shared_themes` or `common_language`.
    pub kind: String,
    pub km: Option<f64>,
    pub population: Option<i64>,
    /// Category codes the candidate has and the municipality lacks.
    pub offers: Vec<String>,
    /// Category codes the municipality has and the candidate lacks.
    pub lacks: Vec<String>,
    /// Shared cluster or project ids, themes, or languages.
    pub shared: Vec<String>,
}

impl From<Reason> for ApiReason {
    fn from(reason: Reason) -> Self {
        let base = |kind: &str| ApiReason {
            kind: kind.to_owned(),
            km: None,
            population: None,
            offers: vec![],
            lacks: vec![],
            shared: vec![],
        };
        match reason {
            Reason::Near { km } => ApiReason {
                km: Some(km),
                ..base("near")
            },
            Reason::AcrossTheBorder => base("across_the_border"),
            Reason::SimilarSize { population } => ApiReason {
                population: Some(population),
                ..base("similar_size")
            },
            Reason::Complementary { offers, lacks } => ApiReason {
                offers,
                lacks,
                ..base("complementary")
            },
            Reason::SharedClusters { ids } => ApiReason {
                shared: ids,
                ..base("shared_clusters")
            },
            Reason::SharedProjects { ids } => ApiReason {
                shared: ids,
                ..base("shared_projects")
            },
            Reason::SharedThemes { themes } => ApiReason {
                shared: themes,
                ..base("shared_themes")
            },
            Reason::CommonLanguage { languages } => ApiReason {
                shared: languages,
                ..base("common_language")
            },
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ApiPartner {
    pub code: String,
    #[schema(value_type = String, example = "BE")]
    pub country: Country,
    pub name: Text,
    pub population: Option<i64>,
    pub distance_km: f64,
    pub cross_border: bool,
    /// The sum of the reasons' points (see `app/src/partners/score.rs` for the weights).
    pub score: f64,
    pub reasons: Vec<ApiReason>,
}

#[derive(Serialize, ToSchema)]
pub struct PartnerList {
    /// How many candidates passed the criteria (the list shows the best ones).
    pub total: usize,
    pub data: Vec<ApiPartner>,
}

/// Candidate partners of a municipality, best first, with the reasons of their score.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities/{code}/partners",
    tag = "municipalities",
    params(("code" = String, Path, description = "NIS or INSEE code"), PartnerParams),
    responses(
        (status = 200, description = "Candidates", body = PartnerList),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
        (status = 404, description = "No municipality has this code", body = super::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    if !is_municipality_code(&code) {
        return Err(AppError::NotFound.into());
    }
    // Every key but the municipality's code, which is in the path.
    let keys: Vec<&str> = PartnerQuery::KEYS
        .iter()
        .copied()
        .filter(|k| *k != "code")
        .collect();
    let pairs = query_pairs(raw.as_deref(), &keys)?;
    let mut query = PartnerQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    query.code = code;
    let results = partners::repo::find(&state.db, &query).await?;
    let data = results
        .candidates
        .into_iter()
        .map(|c| ApiPartner {
            code: c.code,
            country: c.country,
            name: c.name.into(),
            population: c.population,
            distance_km: c.distance_km,
            cross_border: c.cross_border,
            score: c.score,
            reasons: c.reasons.into_iter().map(Into::into).collect(),
        })
        .collect();
    Ok(Json(PartnerList {
        total: results.total,
        data,
    })
    .into_response())
}
