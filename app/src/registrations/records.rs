//! What registration reads (server only): a meeting with its settings and counts,
//! whether it is open, and a registration as its person sees it. The seats
//! (`seats`), the letters (`letters`) and the posts (`repo`) build on these.

use super::*;
use crate::db::Db;
use crate::municipalities::directory;
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Brussels;

#[derive(Deserialize)]
pub(super) struct SignupRow {
    open: bool,
    deadline: Option<String>,
    capacity: Option<i64>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
}

/// A meeting as registration needs it.
pub(super) struct Meeting {
    pub(super) event: crate::events::Event,
    pub(super) signup: Signup,
    /// Where it takes place: its editors may see the list.
    pub(super) municipality: Option<String>,
    pub(super) confirmed: u32,
    pub(super) waiting: u32,
    /// Whether the meeting is public: only then can people register. A person keeps
    /// their registration (to see, download, delete) whatever became of the meeting.
    pub(super) published: bool,
}

pub(super) fn to_signup(row: SignupRow) -> Signup {
    let deadline = row
        .deadline
        .as_deref()
        .and_then(|d| DateTime::parse_from_rfc3339(d).ok());
    Signup {
        open: row.open,
        deadline: deadline.map(|d| d.with_timezone(&Brussels).to_rfc3339()),
        deadline_local: deadline.map(crate::events::repo::local),
        capacity: row.capacity.and_then(|c| u32::try_from(c).ok()),
        questions: row
            .questions
            .iter()
            .filter_map(|q| Question::from_code(q))
            .collect(),
        languages: row
            .languages
            .iter()
            .filter_map(|l| Lang::from_code(l))
            .collect(),
    }
}

/// The meeting (published or not: see `Meeting::published`), its settings and its
/// counts; NotFound for an unknown id.
pub(super) async fn meeting(db: &Db, id: &str) -> Result<Meeting, AppError> {
    if !crate::kernel::validate::is_record_id(id) {
        return Err(AppError::NotFound);
    }
    let event = crate::events::repo::any(db, id, crate::kernel::clock::now()).await?;
    let mut response = db
        .query(
            "LET $e = type::record('event', $id);
            SELECT signup.open AS open,
                (IF signup.deadline THEN <string> signup.deadline ELSE NONE END) AS deadline,
                signup.capacity AS capacity, signup.questions AS questions,
                signup.languages AS languages
             FROM $e WHERE signup != NONE;
            RETURN count(SELECT id FROM registration WHERE event = $e AND standing = 'confirmed');
            RETURN count(SELECT id FROM registration WHERE event = $e AND standing = 'waiting');
            RETURN (SELECT VALUE publication FROM ONLY $e) = 'published';",
        )
        .bind(("id", id.to_owned()))
        .await?;
    let row: Option<SignupRow> = crate::db::rows(&mut response, 1)?.pop();
    let confirmed: Option<i64> = response.take(2)?;
    let waiting: Option<i64> = response.take(3)?;
    let published: Option<bool> = response.take(4)?;
    Ok(Meeting {
        published: published.unwrap_or(false),
        municipality: event
            .place
            .as_ref()
            .and_then(|p| p.municipality_code.clone()),
        signup: row.map(to_signup).unwrap_or_default(),
        event,
        confirmed: confirmed.unwrap_or(0) as u32,
        waiting: waiting.unwrap_or(0) as u32,
    })
}

pub(super) fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// Whether a person can register at `now`.
pub(super) fn state(meeting: &Meeting, now: DateTime<Utc>) -> SignupState {
    let signup = &meeting.signup;
    if !signup.open || !meeting.published {
        return SignupState::Off;
    }
    let passed = |at: &Option<String>| at.as_deref().and_then(instant).is_some_and(|at| at <= now);
    if passed(&signup.deadline) || passed(&meeting.event.starts_at) {
        return SignupState::Closed;
    }
    match signup.capacity {
        Some(capacity) if meeting.confirmed >= capacity => SignupState::Full,
        _ => SignupState::Open,
    }
}

pub(super) fn event_link(event: &crate::events::Event) -> Link {
    Link {
        id: event.id.clone(),
        name: event.title.clone(),
    }
}

pub(super) async fn choices(db: &Db) -> Result<Vec<MunicipalityChoice>, AppError> {
    let directory = directory::current(db).await?;
    let mut all: Vec<MunicipalityChoice> = directory
        .profiles()
        .map(|p| MunicipalityChoice {
            code: p.detail.code.clone(),
            name: p.detail.name.clone(),
            country: p.detail.country.code().to_owned(),
        })
        .collect();
    all.sort_by(|a, b| {
        (
            a.country.as_str(),
            crate::search_text::folded_name(&a.name.nl),
        )
            .cmp(&(
                b.country.as_str(),
                crate::search_text::folded_name(&b.name.nl),
            ))
    });
    Ok(all)
}

/// A moment as SurrealQL casts it to a datetime.
pub(super) fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

#[derive(Deserialize)]
pub(super) struct OwnRow {
    event: String,
    name: Option<String>,
    email: Option<String>,
    lang: String,
    organisation: Option<String>,
    municipality: Option<String>,
    role: Option<String>,
    language: Option<String>,
    standing: Standing,
    created_at: String,
    position: Option<i64>,
}

pub(super) const OWN_QUERY: &str = "
    SELECT record::id(event) AS event, name, email, lang, organisation, municipality, role,
        language, standing, <string> created_at AS created_at,
        (IF standing = 'waiting' THEN count(SELECT id FROM registration
            WHERE event = $parent.event AND standing = 'waiting'
                AND created_at < $parent.created_at) + 1 ELSE NONE END) AS position
    FROM type::record('registration', $id) WHERE anonymised_at = NONE";

/// The registration `id` as its person sees it, whatever became of the meeting.
pub(super) async fn own_record(
    db: &Db,
    id: &str,
    now: DateTime<Utc>,
) -> Result<OwnRegistration, AppError> {
    let mut response = db.query(OWN_QUERY).bind(("id", id.to_owned())).await?;
    let row: OwnRow = crate::db::rows(&mut response, 0)?
        .pop()
        .ok_or(AppError::NotFound)?;
    let meeting = meeting(db, &row.event).await?;
    let directory = directory::current(db).await?;
    let changeable = row.standing != Standing::Cancelled
        && matches!(state(&meeting, now), SignupState::Open | SignupState::Full);
    Ok(OwnRegistration {
        event: event_link(&meeting.event),
        when: meeting.event.start.clone(),
        name: row.name.unwrap_or_default(),
        email: row.email.unwrap_or_default(),
        lang: Lang::from_code(&row.lang).unwrap_or(Lang::Nl),
        organisation: row.organisation,
        municipality: row.municipality.as_deref().and_then(|code| {
            directory.profile(code).map(|p| Link {
                id: code.to_owned(),
                name: p.detail.name.clone(),
            })
        }),
        municipality_code: row.municipality,
        role: row.role.as_deref().and_then(Role::from_code),
        language: row.language.as_deref().and_then(Lang::from_code),
        standing: row.standing,
        position: row.position.map(|p| p as u32),
        created_at: row.created_at,
        signup: meeting.signup,
        municipalities: choices(db).await?,
        changeable,
    })
}
