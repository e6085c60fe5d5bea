//! `/api/v1/projects`: cooperation projects and pilot projects (same filters as the page).

use super::services::Text;
use super::{query_pairs, ApiError};
use crate::state::AppState;
use app::projects::{repo, EventLink, Link, Partner, Project, ProjectQuery};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ProjectsParams {
    /// Programme name, in Dutch or French.
    programme: Option<String>,
    /// Theme, in Dutch or French.
    theme: Option<String>,
    /// `planned`, `running`, `ended` (from the period and today's date) or `undated`.
    phase: Option<String>,
    /// Active in this year.
    year: Option<i32>,
    /// A partner from `BE` or `FR`.
    country: Option<String>,
    /// A participating municipality (NIS or INSEE code).
    municipality: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiPartner {
    pub id: String,
    pub name: Text,
    /// `BE`, `FR`, or absent when the source does not say.
    pub country: Option<String>,
    /// `lead`, `partner` or `associated`.
    pub role: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApiLink {
    pub id: String,
    pub name: Text,
}

#[derive(Serialize, ToSchema)]
pub struct ApiEvent {
    pub id: String,
    pub title: Text,
    /// Day of the start (Europe/Brussels), ISO.
    pub date: Option<String>,
}

/// A project as an Interreg project record holds it.
#[derive(Serialize, ToSchema)]
pub struct ApiProject {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    /// `interreg_project`, `cooperation_platform`, `support_offer` or `practice`.
    pub kind: String,
    pub programme: Option<Text>,
    pub portfolio: Option<String>,
    pub priority: Option<Text>,
    pub specific_objective: Option<Text>,
    pub themes: Vec<Text>,
    /// The lead partner first.
    pub partners: Vec<ApiPartner>,
    pub municipalities: Vec<ApiLink>,
    pub budget_eur: Option<f64>,
    pub eu_cofinancing_eur: Option<f64>,
    pub budget_note: Option<Text>,
    /// ISO date.
    pub period_start: Option<String>,
    /// ISO date.
    pub period_end: Option<String>,
    pub duration_note: Option<Text>,
    /// `planned`, `running`, `ended` or `undated`, on the day of the request.
    pub phase: String,
    /// As the source describes it.
    pub recorded_status: String,
    pub parent: Option<ApiLink>,
    pub pilots: Vec<ApiLink>,
    pub events: Vec<ApiEvent>,
    pub website: Option<String>,
    pub source: String,
}

#[derive(Serialize, ToSchema)]
pub struct ProjectList {
    pub data: Vec<ApiProject>,
}

fn link(l: Link) -> ApiLink {
    ApiLink {
        id: l.id,
        name: l.name.into(),
    }
}

impl From<Project> for ApiProject {
    fn from(p: Project) -> Self {
        let partner = |x: Partner| ApiPartner {
            id: x.id,
            name: x.name.into(),
            country: x.country,
            role: x.role,
        };
        let event = |e: EventLink| ApiEvent {
            id: e.id,
            title: e.title.into(),
            date: e.date,
        };
        ApiProject {
            id: p.id,
            name: p.name.into(),
            summary: p.summary.into(),
            kind: p.kind,
            programme: p.programme.map(Into::into),
            portfolio: p.portfolio,
            priority: p.priority.map(Into::into),
            specific_objective: p.specific_objective.map(Into::into),
            themes: p.themes.into_iter().map(Into::into).collect(),
            partners: p.partners.into_iter().map(partner).collect(),
            municipalities: p.municipalities.into_iter().map(link).collect(),
            budget_eur: p.budget_eur,
            eu_cofinancing_eur: p.eu_cofinancing_eur,
            budget_note: p.budget_note.map(Into::into),
            period_start: p.period_start,
            period_end: p.period_end,
            duration_note: p.duration_note.map(Into::into),
            phase: p.phase.code().to_owned(),
            recorded_status: p.recorded_status,
            parent: p.parent.map(link),
            pilots: p.pilots.into_iter().map(link).collect(),
            events: p.events.into_iter().map(event).collect(),
            website: p.website,
            source: p.source,
        }
    }
}

/// Projects matching the filters.
#[utoipa::path(
    get,
    path = "/api/v1/projects",
    tag = "projects",
    params(ProjectsParams),
    responses(
        (status = 200, description = "Matching projects", body = ProjectList),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(raw.as_deref(), ProjectQuery::KEYS)?;
    let filter =
        ProjectQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).validate()?;
    let all = repo::all(&state.db, &app::kernel::clock::today()).await?;
    let data = all
        .into_iter()
        .filter(|p| filter.matches(p))
        .map(ApiProject::from)
        .collect();
    Ok(Json(ProjectList { data }).into_response())
}

/// One project.
#[utoipa::path(
    get,
    path = "/api/v1/projects/{id}",
    tag = "projects",
    params(("id" = String, Path, description = "The project's id, e.g. `partons-2-0`")),
    responses(
        (status = 200, description = "The project", body = ApiProject),
        (status = 404, description = "No project has this id", body = super::ErrorBody),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let project = repo::one(&state.db, &id, &app::kernel::clock::today()).await?;
    Ok(Json(ApiProject::from(project)).into_response())
}
