//! `/api/v1/practices`: good practices (same search and filters as the page).

use super::projects::ApiLink;
use super::services::Text;
use super::{query_pairs, ApiError};
use crate::state::AppState;
use app::practices::{repo, Practice, PracticeQuery};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PracticesParams {
    /// Words in Dutch or French (accents and typing mistakes allowed); best first.
    q: Option<String>,
    /// A theme, by its Dutch name.
    theme: Option<String>,
    /// `shared_purchase`, `shared_staff`, `shared_service`, `joint_project` or
    /// `common_position`.
    kind: Option<String>,
    /// A municipality involved (NIS or INSEE code).
    municipality: Option<String>,
}

/// A good practice: what municipalities did together.
#[derive(Serialize, ToSchema)]
pub struct ApiPractice {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    pub kind: String,
    pub themes: Vec<Text>,
    /// The border municipalities involved.
    pub municipalities: Vec<ApiLink>,
    /// Who took part, as the source names them.
    pub participants: Option<Text>,
    /// ISO date.
    pub period_start: Option<String>,
    /// ISO date.
    pub period_end: Option<String>,
    /// Absent when the source gives none.
    pub results: Option<Text>,
    pub cost_eur: Option<f64>,
    pub contact: Option<String>,
    pub link: Option<String>,
    /// Where it was presented.
    pub project: Option<ApiLink>,
    pub event: Option<ApiLink>,
    pub source: String,
}

#[derive(Serialize, ToSchema)]
pub struct PracticeList {
    pub data: Vec<ApiPractice>,
}

impl From<Practice> for ApiPractice {
    fn from(p: Practice) -> Self {
        let link = |l: app::kernel::link::Link| ApiLink {
            id: l.id,
            name: l.name.into(),
        };
        ApiPractice {
            id: p.id,
            name: p.name.into(),
            summary: p.summary.into(),
            kind: p.kind,
            themes: p.themes.into_iter().map(Into::into).collect(),
            municipalities: p.municipalities.into_iter().map(link).collect(),
            participants: p.participants.map(Into::into),
            period_start: p.period_start,
            period_end: p.period_end,
            results: p.results.map(Into::into),
            cost_eur: p.cost_eur,
            contact: p.contact,
            link: p.link,
            project: p.project.map(link),
            event: p.event.map(link),
            source: p.source,
        }
    }
}

/// Good practices matching the search and filters.
#[utoipa::path(
    get,
    path = "/api/v1/practices",
    tag = "practices",
    params(PracticesParams),
    responses(
        (status = 200, description = "Matching practices", body = PracticeList),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(raw.as_deref(), PracticeQuery::KEYS)?;
    let query = PracticeQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    query.validate()?;
    let found = repo::search(&state.db, &query).await?;
    let data = found.matching.into_iter().map(ApiPractice::from).collect();
    Ok(Json(PracticeList { data }).into_response())
}

/// One good practice.
#[utoipa::path(
    get,
    path = "/api/v1/practices/{id}",
    tag = "practices",
    params(("id" = String, Path, description = "The practice's id, e.g. `ecolife-klimaatclusters`")),
    responses(
        (status = 200, description = "The practice", body = ApiPractice),
        (status = 404, description = "No published practice has this id", body = super::ErrorBody),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let practice = repo::one(&state.db, &id).await?;
    Ok(Json(ApiPractice::from(practice)).into_response())
}
