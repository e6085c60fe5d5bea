//! Registrations in SurrealDB (server only). Seats are decided in one transaction per
//! change that also writes the meeting's `seats` record: two people racing for the last
//! seat conflict in the database, and the loser is decided again (`db::RETRIES`).
//!
//! A person's link carries a random token (`kernel::personal_link`); the database keeps
//! only its SHA-256. A letter that must carry the link again later (the waiting-list
//! promotion) carries a new one.
//!
//! With mail on, registering answers the same for a new registration and for an address
//! already registered ("we sent you a letter"): the new one gets its confirmation, the
//! address already on the list a letter with a link to its registration. So the form
//! never tells anyone whether an address is on a meeting's list.

use super::letters::{letter, Addressee};
use super::records::{choices, event_link, meeting, own_record, stamp, state};
use super::seats::{expected_standing, release, MOVED};
use super::*;
use crate::db::Db;
use crate::kernel::personal_link::{self, Purpose};
use crate::kernel::posted::PublicPost;
use crate::mail::LetterKind;
use crate::municipalities::directory;
use crate::routes::Page;
use crate::workflow::store;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::net::IpAddr;

const CLOSED: &str = "signup-closed";
const DUPLICATE: &str = "signup-duplicate";

/// The name of the form (and of its limit): registrations and changes through a link.
const FORM: &str = "registration";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn salt(db: &Db) -> Result<String, AppError> {
    Ok(crate::db::version::current(db).await?.instance.to_string())
}

/// The key that makes one person's second registration for a meeting the same record.
async fn person_key(db: &Db, event: &str, email: &str) -> Result<String, AppError> {
    let folded = email.trim().to_lowercase();
    let digest = Sha256::digest(format!(
        "{}\0registration-person\0{event}\0{folded}",
        salt(db).await?
    ));
    Ok(hex(&digest))
}

pub async fn signup_view(db: &Db, id: &str, now: DateTime<Utc>) -> Result<SignupView, AppError> {
    let meeting = meeting(db, id).await?;
    let state = state(&meeting, now);
    if state == SignupState::Off {
        return Err(AppError::NotFound);
    }
    Ok(SignupView {
        event: event_link(&meeting.event),
        when: meeting.event.start.clone(),
        seats_left: meeting
            .signup
            .capacity
            .map(|c| c.saturating_sub(meeting.confirmed)),
        state,
        signup: meeting.signup,
        municipalities: choices(db).await?,
        typed: BTreeMap::new(),
    })
}

/// The public view of a meeting's registration for its agenda page (None when off).
pub async fn summary(
    db: &Db,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Option<SignupSummary>, AppError> {
    let meeting = meeting(db, id).await?;
    let state = state(&meeting, now);
    Ok((state != SignupState::Off).then(|| SignupSummary {
        state,
        deadline: meeting.signup.deadline_local.clone(),
        seats_left: meeting
            .signup
            .capacity
            .map(|c| c.saturating_sub(meeting.confirmed)),
    }))
}

/// Where a refused registration form sends the browser back: the form again, with what
/// went wrong; what was typed waits for it in the database (`kernel::form_flash`), never
/// in the URL, and the e-mail address is not kept at all.
async fn back_to_form(
    db: &Db,
    lang: Lang,
    event: &str,
    error: &str,
    form: &RegistrationForm,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let typed = [
        ("name", &form.name),
        ("organisation", &form.organisation),
        ("municipality", &form.municipality),
        ("role", &form.role),
        ("language", &form.language),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.clone()))
    .collect();
    crate::kernel::form_flash::back_to(
        db,
        &Page::Register(event.to_owned()).path(lang),
        error,
        typed,
        now,
    )
    .await
}

/// What a registration answers with mail on, whatever happened to the address: the form
/// says a letter is on its way.
fn letter_sent(lang: Lang, event: &str) -> String {
    format!("{}?sent=1", Page::Register(event.to_owned()).path(lang))
}

/// Handles a post of the registration form; returns where to send the browser.
pub async fn register_form(
    db: &Db,
    f: &BTreeMap<String, String>,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let post = PublicPost::open(f.clone(), FORM, client);
    let lang = post.lang;
    let id = post.text("event").to_owned();
    let form = RegistrationForm::from_fields(post.fields.fields());
    let meeting = meeting(db, &id).await?;
    match state(&meeting, now) {
        SignupState::Off => return Err(AppError::NotFound),
        SignupState::Closed => return back_to_form(db, lang, &id, "closed", &form, now).await,
        SignupState::Open | SignupState::Full => {}
    }
    if !post.within_limit(db, now).await? {
        return back_to_form(db, lang, &id, "too-many", &form, now).await;
    }
    let directory = directory::current(db).await?;
    let answers = match form.validate(&meeting.signup, |c| directory.profile(c).is_some(), true) {
        Ok(answers) => answers,
        Err(fields) => return back_to_form(db, lang, &id, &fields.join(","), &form, now).await,
    };
    let mail = crate::mail::mail_is_on();
    if form.is_bot() {
        // The same answer as for people; nothing stored, nothing sent.
        tracing::info!("registration honeypot filled in: dropped");
        return Ok(letter_sent(lang, &id));
    }
    // Every registration sends a letter to the address typed: at most so many per
    // recipient and hour, whoever types it.
    if !post.letter_allowed(db, &answers.email, now).await? {
        return back_to_form(db, lang, &id, "too-many", &form, now).await;
    }
    let link = personal_link::mint();
    let record = format!("{:032x}", rand::random::<u128>());
    let person = person_key(db, &id, &answers.email).await?;
    let country = answers
        .municipality
        .as_deref()
        .and_then(|c| directory.profile(c))
        .map(|p| p.detail.country.code().to_owned());
    let sql = format!(
        "BEGIN TRANSACTION;
        LET $e = type::record('event', $event);
        LET $s = (SELECT VALUE signup FROM ONLY $e);
        IF $s = NONE OR !$s.open OR ($s.deadline != NONE AND $s.deadline <= <datetime> $at) {{
            THROW '{CLOSED}'
        }};
        UPSERT type::record('seats', $event) SET changes += 1;
        LET $before = (SELECT id, standing FROM registration WHERE person = $person)[0];
        IF $before != NONE AND $before.standing != 'cancelled' {{ THROW '{DUPLICATE}' }};
        IF $before != NONE {{ DELETE $before.id; {forget} }};
        LET $taken = count(SELECT id FROM registration WHERE event = $e AND standing = 'confirmed');
        LET $waiting = count(SELECT id FROM registration WHERE event = $e AND standing = 'waiting');
        LET $standing = IF $s.capacity = NONE OR ($taken < $s.capacity AND $waiting = 0)
            THEN 'confirmed' ELSE 'waiting' END;
        -- The letter was written for the standing and place counted before: it is queued
        -- here, with the registration, only when they are still so.
        IF $standing != $expected OR ($standing = 'waiting' AND $waiting + 1 != $place) {{
            THROW '{MOVED}'
        }};
        CREATE type::record('registration', $record) CONTENT {{
            event: $e, person: $person, name: $name,
            email: $email, lang: $lang, organisation: $organisation ?? NONE,
            municipality: $municipality ?? NONE, country: $country ?? NONE, role: $role ?? NONE,
            language: $language ?? NONE, consent_at: <datetime> $at,
            standing: $standing,
            created_at: <datetime> $at, updated_at: <datetime> $at,
        }};
        {link}
        {queue}
        COMMIT TRANSACTION;",
        forget = personal_link::forget_statement("$before.id"),
        link = personal_link::record_statement(
            Purpose::Registration,
            "type::record('registration', $record)"
        ),
        queue = crate::mail::outbox::Queued::STATEMENT,
    );
    let settings = crate::kernel::settings::settings();
    let mut outcome = Err(AppError::Busy);
    let mut standing = Standing::Confirmed;
    for _ in 0..crate::db::RETRIES {
        // Where the registration will stand, as counted now, and its letter.
        let (expected, place) = expected_standing(db, &id).await?;
        standing = expected;
        let kind = match expected {
            Standing::Waiting => LetterKind::Waiting,
            _ => LetterKind::Registered,
        };
        let told = Addressee {
            email: &answers.email,
            lang,
            name: &answers.name,
            event: &event_link(&meeting.event),
            when: &meeting.event.start,
            position: (expected == Standing::Waiting).then_some(place),
        }
        .letter(kind, &link.token);
        let queued = crate::mail::outbox::Queued::of(&settings, &[told]);
        let mut response = db
            .query(sql.as_str())
            .bind(("event", id.clone()))
            .bind(("at", stamp(now)))
            .bind(("record", record.clone()))
            .bind(("link_key", link.key.clone()))
            .bind(("person", person.clone()))
            .bind(("name", answers.name.clone()))
            .bind(("email", answers.email.clone()))
            .bind(("lang", lang.code()))
            .bind(("organisation", answers.organisation.clone()))
            .bind(("municipality", answers.municipality.clone()))
            .bind(("country", country.clone()))
            .bind(("role", answers.role.map(Role::code)))
            .bind(("language", answers.language.map(Lang::code)))
            .bind(("expected", expected.code()))
            .bind(("place", place))
            .bind(("letters", queued.bound()?))
            .await?;
        let errors = response.take_errors();
        let text: Vec<String> = errors.values().map(ToString::to_string).collect();
        if text.is_empty() {
            queued.counted();
            outcome = Ok(());
            break;
        }
        if text.iter().any(|e| e.contains(DUPLICATE)) {
            if !mail {
                // Without mail there is no one to tell but the person at the form.
                return back_to_form(db, lang, &id, "already", &form, now).await;
            }
            again(db, &person, lang, now).await?;
            return Ok(letter_sent(lang, &id));
        }
        if text.iter().any(|e| e.contains(CLOSED)) {
            return back_to_form(db, lang, &id, "closed", &form, now).await;
        }
        let moved = text.iter().any(|e| e.contains(MOVED));
        if !moved && !errors.values().any(crate::db::is_conflict) {
            return Err(AppError::internal(format_args!(
                "registration: {}",
                text.join("; ")
            )));
        }
        crate::db::pause_before_retry().await;
    }
    outcome?;
    tracing::info!(event = %id, standing = standing.code(), "registered");
    if mail {
        Ok(letter_sent(lang, &id))
    } else {
        Ok(format!(
            "{}?new=1",
            Page::Registration(link.token).path(lang)
        ))
    }
}

/// Someone registered an address already on the list: its owner gets a letter with a
/// new link to their registration (in the language they registered in), and the form
/// answers as for a new registration.
async fn again(db: &Db, person: &str, lang: Lang, now: DateTime<Utc>) -> Result<(), AppError> {
    let mut response = db
        .query("SELECT VALUE record::id(id) FROM registration WHERE person = $person AND anonymised_at = NONE")
        .bind(("person", person.to_owned()))
        .await?;
    let ids: Vec<String> = response.take(0)?;
    let Some(record) = ids.into_iter().next() else {
        return Ok(());
    };
    let own = own_record(db, &record, now).await?;
    tracing::info!(
        form_lang = lang.code(),
        "an address already registered was told by letter"
    );
    // A new link for the letter (the database cannot give the first one back), made in
    // the letter's own transaction.
    let link = personal_link::mint();
    store::with_letters(
        db,
        &crate::kernel::settings::settings(),
        &personal_link::record_statement(
            Purpose::Registration,
            "type::record('registration', $id)",
        ),
        vec![("link_key", link.key.into()), ("id", record.into())],
        &[letter(&own, LetterKind::AlreadyRegistered, &link.token)],
    )
    .await
}

/// The registration behind a link (NotFound for any other token, well-formed or not).
pub async fn own(db: &Db, token: &str, now: DateTime<Utc>) -> Result<OwnRegistration, AppError> {
    let id = personal_link::open(db, Purpose::Registration, token).await?;
    own_record(db, &id, now).await
}

/// Handles a post from a person's own page; returns where to send the browser.
pub async fn manage_form(
    db: &Db,
    f: BTreeMap<String, String>,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let post = PublicPost::open(f, FORM, client);
    let (f, lang) = (&post.fields, post.lang);
    let token = f.text("token").to_owned();
    let current = own(db, &token, now).await?;
    let page = Page::Registration(token.clone()).path(lang);
    if !post.within_limit(db, now).await? {
        return Ok(format!("{page}?error=too-many"));
    }
    let id = personal_link::open(db, Purpose::Registration, &token).await?;
    match f.text("action") {
        "change" => {
            if !current.changeable {
                return Ok(format!("{page}?error=closed"));
            }
            let form = RegistrationForm::from_fields(f.fields());
            let directory = directory::current(db).await?;
            let answers =
                match form.validate(&current.signup, |c| directory.profile(c).is_some(), false) {
                    Ok(answers) => answers,
                    Err(fields) => return Ok(format!("{page}?error={}", fields.join(","))),
                };
            let country = answers
                .municipality
                .as_deref()
                .and_then(|c| directory.profile(c))
                .map(|p| p.detail.country.code().to_owned());
            // The letter says what the registration now is, in the change's transaction.
            let changed = OwnRegistration {
                name: answers.name.clone(),
                ..current.clone()
            };
            store::with_letters(
                db,
                &crate::kernel::settings::settings(),
                "UPDATE registration SET name = $name, organisation = $organisation ?? NONE,
                    municipality = $municipality ?? NONE, country = $country ?? NONE,
                    role = $role ?? NONE, language = $language ?? NONE,
                    updated_at = time::now()
                 WHERE id = type::record('registration', $id) AND anonymised_at = NONE;",
                vec![
                    ("id", id.clone().into()),
                    ("name", answers.name.into()),
                    ("organisation", answers.organisation.into()),
                    ("municipality", answers.municipality.into()),
                    ("country", country.into()),
                    ("role", answers.role.map(Role::code).into()),
                    ("language", answers.language.map(Lang::code).into()),
                ],
                &[letter(&changed, LetterKind::RegistrationChanged, &token)],
            )
            .await?;
            Ok(format!("{page}?done=changed"))
        }
        "cancel" => {
            if current.standing == Standing::Cancelled {
                return Ok(page);
            }
            let event = current.event.id.clone();
            let told = letter(&current, LetterKind::RegistrationCancelled, &token);
            release(db, &id, &event, false, &[told], now).await?;
            Ok(format!("{page}?done=cancelled"))
        }
        "delete" => {
            let event = current.event.id.clone();
            release(db, &id, &event, true, &[], now).await?;
            tracing::info!(%event, "a registration was deleted by its person");
            // Back to the meeting's page, or the agenda if the meeting is no longer public.
            let back = if meeting(db, &event).await?.published {
                Page::Event(event)
            } else {
                Page::Agenda
            };
            Ok(format!("{}?deleted=1", back.path(lang)))
        }
        _ => Err(AppError::BadRequest("action".into())),
    }
}

/// A person's data, as their link downloads it (JSON).
pub async fn export_data(db: &Db, token: &str) -> Result<serde_json::Value, AppError> {
    let own = own(db, token, Utc::now()).await?;
    Ok(serde_json::json!({
        "meeting": { "id": own.event.id, "title": own.event.name, "starts": own.when.map(|w| format!("{} {}", w.date, w.time)) },
        "name": own.name,
        "email": own.email,
        "language_of_letters": own.lang.code(),
        "organisation": own.organisation,
        "municipality": own.municipality_code,
        "role": own.role.map(Role::code),
        "meeting_language": own.language.map(Lang::code),
        "standing": own.standing.code(),
        "waiting_list_position": own.position,
        "registered_at": own.created_at,
    }))
}

pub use super::staff_repo::{
    brussels_instant, meetings_in_scope, staff_csv, staff_list, staff_submit,
};
