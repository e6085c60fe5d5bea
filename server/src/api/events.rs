//! `/api/v1/events`: the agenda's meetings as JSON and as iCalendar (RFC 5545), and the
//! pages' calendar downloads (`/nl/agenda.ics`, `/fr/agenda/{id}/event.ics`, …).

use super::projects::ApiLink;
use super::services::Text;
use super::{query_pairs, ApiError};
use crate::state::AppState;
use app::error::AppError;
use app::events::{ics, repo, AgendaItem, Event, Link, Place, Timing, CALENDAR_FILE};
use app::i18n::Lang;
use app::routes::Page;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct EventsParams {
    /// `upcoming`, `past` (against the moment of the request) or `recurring` (no date).
    timing: Option<String>,
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct CalendarParams {
    /// The calendar's language, `nl` (default) or `fr`.
    lang: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiPlace {
    pub name: String,
    pub address: String,
    /// NIS or INSEE code, as the source gives it.
    pub municipality_code: Option<String>,
    /// The municipality, when it is one of the border municipalities of this API.
    pub municipality: Option<ApiLink>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiAgendaItem {
    pub title: Text,
    pub speaker: Option<String>,
}

/// A meeting or event.
#[derive(Serialize, ToSchema)]
pub struct ApiAgendaEvent {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// `consultation`, `knowledge_platform` or `citizen_meeting`.
    pub kind: String,
    /// `upcoming`, `past` or `recurring`, at the moment of the request.
    pub timing: String,
    /// RFC 3339, with the Europe/Brussels offset of that day.
    pub starts_at: Option<String>,
    /// RFC 3339, with the Europe/Brussels offset of that day.
    pub ends_at: Option<String>,
    /// Always `Europe/Brussels`.
    pub timezone: String,
    /// For events without dates: how often they take place.
    pub recurrence: Option<Text>,
    pub place: Option<ApiPlace>,
    pub organiser: Option<ApiLink>,
    pub audience: Text,
    /// In order.
    pub agenda: Vec<ApiAgendaItem>,
    /// How to register, with the deadline when the source gives one.
    pub registration: Option<Text>,
    pub project: Option<ApiLink>,
    pub source: String,
}

#[derive(Serialize, ToSchema)]
pub struct EventList {
    pub data: Vec<ApiAgendaEvent>,
}

fn link(l: Link) -> ApiLink {
    ApiLink {
        id: l.id,
        name: l.name.into(),
    }
}

impl From<Event> for ApiAgendaEvent {
    fn from(e: Event) -> Self {
        let place = |p: Place| ApiPlace {
            name: p.name,
            address: p.address,
            municipality_code: p.municipality_code,
            municipality: p.municipality.map(link),
        };
        let item = |i: AgendaItem| ApiAgendaItem {
            title: i.title.into(),
            speaker: i.speaker,
        };
        ApiAgendaEvent {
            id: e.id,
            title: e.title.into(),
            summary: e.summary.into(),
            kind: e.kind,
            timing: e.timing.code().to_owned(),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            timezone: ics::TZID.to_owned(),
            recurrence: e.recurrence.map(Into::into),
            place: e.place.map(place),
            organiser: e.organiser.map(link),
            audience: e.audience.into(),
            agenda: e.agenda.into_iter().map(item).collect(),
            registration: e.registration.map(Into::into),
            project: e.project.map(link),
            source: e.source,
        }
    }
}

/// Every event in start order (undated ones last), optionally one timing only.
#[utoipa::path(
    get,
    path = "/api/v1/events",
    tag = "events",
    params(EventsParams),
    responses(
        (status = 200, description = "The events", body = EventList),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(raw.as_deref(), &["timing"])?;
    let mut wanted: Option<Timing> = None;
    for (_, value) in &pairs {
        let timing = [Timing::Upcoming, Timing::Past, Timing::Recurring]
            .into_iter()
            .find(|t| t.code() == value)
            .ok_or_else(|| ApiError(AppError::BadRequest("timing".into())))?;
        wanted = Some(timing);
    }
    let data = sorted(repo::all(&state.db, app::kernel::clock::now()).await?)
        .into_iter()
        .filter(|e| wanted.is_none_or(|t| e.timing == t))
        .map(ApiAgendaEvent::from)
        .collect();
    Ok(Json(EventList { data }).into_response())
}

/// One event.
#[utoipa::path(
    get,
    path = "/api/v1/events/{id}",
    tag = "events",
    params(("id" = String, Path, description = "The event's id, e.g. `kennisplatform-intergemeentelijk-samenwerken-2015-12-03`")),
    responses(
        (status = 200, description = "The event", body = ApiAgendaEvent),
        (status = 404, description = "No event has this id", body = super::ErrorBody),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let event = repo::one(&state.db, &id, app::kernel::clock::now()).await?;
    Ok(Json(ApiAgendaEvent::from(event)).into_response())
}

/// The whole agenda as iCalendar (RFC 5545); events without a date are left out.
#[utoipa::path(
    get,
    path = "/api/v1/events.ics",
    tag = "events",
    params(CalendarParams),
    responses(
        (status = 200, description = "iCalendar with a VTIMEZONE for Europe/Brussels", content_type = "text/calendar", body = String),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn list_ics(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let lang = calendar_lang(raw.as_deref())?;
    agenda_calendar(&state, lang).await
}

/// One event as iCalendar (RFC 5545); an event without a date gives an empty calendar.
#[utoipa::path(
    get,
    path = "/api/v1/events/{id}/event.ics",
    tag = "events",
    params(
        ("id" = String, Path, description = "The event's id"),
        CalendarParams,
    ),
    responses(
        (status = 200, description = "iCalendar with a VTIMEZONE for Europe/Brussels", content_type = "text/calendar", body = String),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
        (status = 404, description = "No event has this id", body = super::ErrorBody),
    )
)]
pub async fn one_ics(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let lang = calendar_lang(raw.as_deref())?;
    event_calendar(&state, lang, &id).await
}

/// The pages' downloads, one route per language: `/nl/agenda.ics`,
/// `/fr/agenda/{id}/event.ics`, ….
pub fn page_routes() -> Router<AppState> {
    let mut router = Router::new();
    for lang in Lang::ALL {
        let agenda = Page::Agenda.path(lang);
        router = router
            .route(
                &format!("{agenda}.ics"),
                get(move |State(state): State<AppState>| async move {
                    agenda_calendar(&state, lang).await
                }),
            )
            .route(
                &format!("{agenda}/{{id}}/{CALENDAR_FILE}"),
                get(
                    move |State(state): State<AppState>, Path(id): Path<String>| async move {
                        event_calendar(&state, lang, &id).await
                    },
                ),
            );
    }
    router
}

fn calendar_lang(raw: Option<&str>) -> Result<Lang, ApiError> {
    let pairs = query_pairs(raw, &["lang"])?;
    let mut lang = Lang::Nl;
    for (_, value) in &pairs {
        lang = Lang::from_code(value)
            .filter(|l| l.code() == value)
            .ok_or_else(|| ApiError(AppError::BadRequest("lang".into())))?;
    }
    Ok(lang)
}

async fn agenda_calendar(state: &AppState, lang: Lang) -> Result<Response, ApiError> {
    let events = sorted(repo::all(&state.db, app::kernel::clock::now()).await?);
    calendar_response(state, &events, lang, "agenda.ics")
}

async fn event_calendar(state: &AppState, lang: Lang, id: &str) -> Result<Response, ApiError> {
    let event = repo::one(&state.db, id, app::kernel::clock::now()).await?;
    calendar_response(state, &[event], lang, &format!("{id}.ics"))
}

/// Dated events first, by start; undated ones after, by id.
fn sorted(mut events: Vec<Event>) -> Vec<Event> {
    events.sort_by(|a, b| {
        (a.starts_at.is_none(), &a.starts_at, &a.id).cmp(&(
            b.starts_at.is_none(),
            &b.starts_at,
            &b.id,
        ))
    });
    events
}

fn calendar_response(
    state: &AppState,
    events: &[Event],
    lang: Lang,
    filename: &str,
) -> Result<Response, ApiError> {
    let body = ics::calendar_now(events, lang, &state.public_url.0);
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}
