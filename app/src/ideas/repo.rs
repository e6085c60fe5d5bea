//! Calls and ideas in SurrealDB (server only).

use super::*;
use crate::db::{rows, Db};
use crate::i18n::Lang;
use crate::kernel::personal_link::{self, Purpose};
use crate::mail::{Letter, LetterKind};
use crate::municipalities::directory;
use crate::routes::Page;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Brussels;
use std::net::IpAddr;

/// Ideas (and answers through a link) per client address per ten minutes.
fn limit() -> crate::db::rate_limit::Limit {
    crate::db::rate_limit::FormLimit::of("idea")
}

fn today() -> String {
    Utc::now()
        .with_timezone(&Brussels)
        .format("%Y-%m-%d")
        .to_string()
}

#[derive(Deserialize)]
struct CallRow {
    id: String,
    title: Localized,
    text: Localized,
    criteria: Localized,
    theme: String,
    opens_on: String,
    closes_on: String,
    project: Option<String>,
    project_name: Option<Localized>,
    published: bool,
}

const CALL_FIELDS: &str = "record::id(id) AS id, title, text, criteria, theme, opens_on,
    closes_on, published,
    (IF project THEN record::id(project) ELSE NONE END) AS project,
    (IF project THEN project.name ELSE NONE END) AS project_name";

fn to_call(row: CallRow, today: &str) -> Call {
    Call {
        open: row.published && row.opens_on.as_str() <= today && today <= row.closes_on.as_str(),
        project: row.project.map(|id| Link {
            id,
            name: row.project_name.unwrap_or_default(),
        }),
        id: row.id,
        title: row.title,
        text: row.text,
        criteria: row.criteria,
        theme: row.theme,
        opens_on: row.opens_on,
        closes_on: row.closes_on,
        published: row.published,
    }
}

/// Published calls (or every call, for staff), the latest first.
pub async fn calls(db: &Db, all: bool) -> Result<Vec<Call>, AppError> {
    let mut response = db
        .query(format!(
            "SELECT {CALL_FIELDS} FROM call WHERE $all OR published = true ORDER BY opens_on DESC"
        ))
        .bind(("all", all))
        .await?;
    let today = today();
    Ok(rows::<CallRow>(&mut response, 0)?
        .into_iter()
        .map(|r| to_call(r, &today))
        .collect())
}

async fn call(db: &Db, id: &str, all: bool) -> Result<Call, AppError> {
    if !crate::kernel::validate::is_record_id(id) {
        return Err(AppError::NotFound);
    }
    let mut response = db
        .query(format!(
            "SELECT {CALL_FIELDS} FROM type::record('call', $id) WHERE $all OR published = true"
        ))
        .bind(("id", id.to_owned()))
        .bind(("all", all))
        .await?;
    rows::<CallRow>(&mut response, 0)?
        .pop()
        .map(|r| to_call(r, &today()))
        .ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
struct IdeaRow {
    id: String,
    call: String,
    call_title: Localized,
    title: String,
    summary: String,
    municipalities: Vec<String>,
    submitter: String,
    name: Option<String>,
    email: Option<String>,
    lang: String,
    status: IdeaStatus,
    reason: Option<String>,
    #[serde(default)]
    messages: Vec<Message>,
    project: Option<String>,
    created_at: String,
}

const IDEA_FIELDS: &str = "record::id(id) AS id, record::id(call) AS call,
    call.title AS call_title, title, summary, municipalities, submitter, name, email, lang,
    status, reason,
    messages.map(|$m| { from: $m.from, text: $m.text, at: <string> $m.at }) AS messages,
    (IF project THEN record::id(project) ELSE NONE END) AS project,
    <string> created_at AS created_at";

async fn links(db: &Db, codes: &[String]) -> Result<Vec<Link>, AppError> {
    let directory = directory::current(db).await?;
    Ok(codes
        .iter()
        .filter_map(|code| {
            directory.profile(code).map(|p| Link {
                id: code.clone(),
                name: p.detail.name.clone(),
            })
        })
        .collect())
}

async fn to_idea(db: &Db, row: IdeaRow) -> Result<Idea, AppError> {
    Ok(Idea {
        municipalities: links(db, &row.municipalities).await?,
        id: row.id,
        call: Link {
            id: row.call,
            name: row.call_title,
        },
        title: row.title,
        summary: row.summary,
        submitter: row.submitter,
        name: row.name.unwrap_or_default(),
        email: row.email.unwrap_or_default(),
        lang: row.lang,
        status: row.status,
        reason: row.reason,
        messages: row.messages,
        project: row.project,
        created_at: row.created_at,
    })
}

pub async fn call_view(db: &Db, id: &str) -> Result<CallView, AppError> {
    let call = call(db, id, false).await?;
    let mut response = db
        .query(format!(
            "SELECT {IDEA_FIELDS} FROM idea WHERE call = type::record('call', $id)
                AND status = 'accepted' ORDER BY created_at"
        ))
        .bind(("id", id.to_owned()))
        .await?;
    let mut accepted = vec![];
    for row in rows::<IdeaRow>(&mut response, 0)? {
        let idea = to_idea(db, row).await?;
        accepted.push(PublicIdea {
            title: idea.title,
            summary: idea.summary,
            lang: idea.lang,
            municipalities: idea.municipalities,
            project: idea.project,
        });
    }
    Ok(CallView { call, accepted })
}

fn value<'a>(f: &'a BTreeMap<String, String>, key: &str) -> &'a str {
    f.get(key).map(|v| v.trim()).unwrap_or("")
}

/// The municipality codes typed in a field (`33011, 59350`).
fn codes(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks the idea form; the fields at fault, in form order.
pub fn check(f: &BTreeMap<String, String>, known: impl Fn(&str) -> bool) -> Vec<&'static str> {
    let mut invalid = vec![];
    let title = value(f, "title");
    if title.is_empty()
        || title.chars().count() > MAX_TITLE_CHARS
        || title.chars().any(char::is_control)
    {
        invalid.push("title");
    }
    let summary = value(f, "summary").chars().count();
    if !(MIN_SUMMARY_CHARS..=MAX_SUMMARY_CHARS).contains(&summary) {
        invalid.push("summary");
    }
    let municipalities = codes(value(f, "municipalities"));
    if municipalities.is_empty()
        || municipalities.len() > 30
        || !municipalities.iter().all(|c| known(c))
    {
        invalid.push("municipalities");
    }
    if !SUBMITTERS.contains(&value(f, "submitter")) {
        invalid.push("submitter");
    }
    let name = value(f, "name");
    if name.is_empty() || name.chars().count() > 120 || name.chars().any(char::is_control) {
        invalid.push("name");
    }
    if !crate::kernel::validate::valid_email(value(f, "email")) {
        invalid.push("email");
    }
    if value(f, "consent").is_empty() {
        invalid.push("consent");
    }
    invalid
}

fn back(lang: Lang, call: &str, error: &str, f: &BTreeMap<String, String>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("error", error);
    for key in ["title", "summary", "municipalities", "submitter", "name"] {
        let typed = value(f, key);
        if !typed.is_empty() {
            query.append_pair(key, typed);
        }
    }
    format!(
        "{}?{}#idea-form",
        Page::Call(call.to_owned()).path(lang),
        query.finish()
    )
}

fn link(lang: Lang, token: &str) -> String {
    format!(
        "{}{}",
        crate::kernel::settings::public_base_url(),
        Page::Idea(token.to_owned()).path(lang)
    )
}

fn letter(idea: &Idea, kind: LetterKind, token: &str) -> Letter {
    let lang = Lang::from_code(&idea.lang).unwrap_or(Lang::Nl);
    Letter {
        to: idea.email.clone(),
        lang,
        kind,
        args: vec![
            ("name", idea.name.clone()),
            ("title", idea.title.clone()),
            ("call", idea.call.name.get(lang).to_owned()),
            (
                "status",
                crate::i18n::translate(lang, &STATUS_MESSAGES.id(idea.status.code()), None),
            ),
            (
                "reason",
                idea.reason
                    .clone()
                    .or_else(|| {
                        idea.messages
                            .iter()
                            .rev()
                            .find(|m| m.from == "staff")
                            .map(|m| m.text.clone())
                    })
                    .unwrap_or_default(),
            ),
        ],
        link: Some(link(lang, token)),
    }
}

/// Handles the idea form; returns where to send the browser.
pub async fn submit(
    db: &Db,
    f: &BTreeMap<String, String>,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let lang = Lang::from_code(value(f, "lang")).unwrap_or(Lang::Nl);
    let id = value(f, "call").to_owned();
    let call = call(db, &id, false).await?;
    if !call.open {
        return Ok(back(lang, &id, "closed", f));
    }
    if crate::db::rate_limit::take(db, &[(limit(), &client.to_string())], now)
        .await?
        .is_err()
    {
        return Ok(back(lang, &id, "too-many", f));
    }
    let directory = directory::current(db).await?;
    let invalid = check(f, |c| directory.profile(c).is_some());
    if !invalid.is_empty() {
        return Ok(back(lang, &id, &invalid.join(","), f));
    }
    if !value(f, "website").is_empty() {
        tracing::info!("idea honeypot filled in: dropped");
        return Ok(format!("{}?sent=1", Page::Call(id).path(lang)));
    }
    let nonce = personal_link::nonce();
    let token = personal_link::token(db, Purpose::Idea, &nonce).await?;
    crate::db::execute(
        db.query(
            "CREATE idea CONTENT {
                call: type::record('call', $call), title: $title, summary: $summary,
                municipalities: $municipalities, submitter: $submitter, name: $name,
                email: $email, lang: $lang, status: 'received', messages: [],
                token: $key, nonce: $nonce, consent_at: <datetime> $at,
                created_at: <datetime> $at, updated_at: <datetime> $at,
            }",
        )
        .bind(("call", id.clone()))
        .bind(("title", value(f, "title").to_owned()))
        .bind(("summary", value(f, "summary").to_owned()))
        .bind(("municipalities", codes(value(f, "municipalities"))))
        .bind(("submitter", value(f, "submitter").to_owned()))
        .bind(("name", value(f, "name").to_owned()))
        .bind(("email", value(f, "email").to_owned()))
        .bind(("lang", lang.code()))
        .bind(("key", personal_link::key(&token)))
        .bind(("nonce", nonce))
        .bind(("at", now.to_rfc3339())),
    )
    .await?;
    let idea = own(db, &token).await?;
    crate::mail::outbox::queue(db, &[letter(&idea, LetterKind::IdeaReceived, &token)]).await?;
    tracing::info!(call = %id, "idea received");
    Ok(format!("{}?new=1", Page::Idea(token).path(lang)))
}

/// The idea behind a link.
pub async fn own(db: &Db, token: &str) -> Result<Idea, AppError> {
    if !personal_link::well_formed(token) {
        return Err(AppError::NotFound);
    }
    let mut response = db
        .query(format!(
            "SELECT {IDEA_FIELDS} FROM idea WHERE token = $key AND anonymised_at = NONE LIMIT 1"
        ))
        .bind(("key", personal_link::key(token)))
        .await?;
    let row = rows::<IdeaRow>(&mut response, 0)?
        .pop()
        .ok_or(AppError::NotFound)?;
    to_idea(db, row).await
}

/// Handles a post from the submitter's page.
pub async fn manage(
    db: &Db,
    f: &BTreeMap<String, String>,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let lang = Lang::from_code(value(f, "lang")).unwrap_or(Lang::Nl);
    let token = value(f, "token").to_owned();
    let idea = own(db, &token).await?;
    let page = Page::Idea(token.clone()).path(lang);
    if crate::db::rate_limit::take(db, &[(limit(), &client.to_string())], now)
        .await?
        .is_err()
    {
        return Ok(format!("{page}?error=too-many"));
    }
    match value(f, "action") {
        "answer" => {
            let text = value(f, "text");
            if idea.status != IdeaStatus::Info {
                return Ok(page);
            }
            if text.is_empty() || text.chars().count() > MAX_SUMMARY_CHARS {
                return Ok(format!("{page}?error=text"));
            }
            crate::db::execute(
                db.query(
                    "UPDATE idea SET status = 'review', updated_at = <datetime> $at,
                        messages += { from: 'submitter', text: $text, at: <datetime> $at }
                     WHERE token = $key",
                )
                .bind(("key", personal_link::key(&token)))
                .bind(("text", text.to_owned()))
                .bind(("at", now.to_rfc3339())),
            )
            .await?;
            Ok(format!("{page}?done=answered"))
        }
        "delete" => {
            crate::db::execute(
                db.query("DELETE idea WHERE token = $key")
                    .bind(("key", personal_link::key(&token))),
            )
            .await?;
            Ok(format!("{}?deleted=1", Page::Call(idea.call.id).path(lang)))
        }
        _ => Err(AppError::BadRequest("action".into())),
    }
}

/// The idea's data as its submitter downloads it.
pub async fn export_data(db: &Db, token: &str) -> Result<serde_json::Value, AppError> {
    let idea = own(db, token).await?;
    Ok(serde_json::to_value(&idea)?)
}

pub async fn staff_call(db: &Db, id: &str) -> Result<StaffCall, AppError> {
    let call = call(db, id, true).await?;
    let mut response = db
        .query(format!(
            "SELECT {IDEA_FIELDS} FROM idea WHERE call = type::record('call', $id)
                AND anonymised_at = NONE ORDER BY created_at"
        ))
        .bind(("id", id.to_owned()))
        .await?;
    let mut ideas = vec![];
    for row in rows::<IdeaRow>(&mut response, 0)? {
        ideas.push(to_idea(db, row).await?);
    }
    Ok(StaffCall { call, ideas })
}

fn valid_day(text: &str) -> bool {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

/// Handles a staff post: a call saved, or a decision on an idea.
pub async fn staff_submit(
    db: &Db,
    f: BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::auth::{flash_and_redirect, Flash};
    let lang = Lang::from_code(value(&f, "lang")).unwrap_or(Lang::Nl);
    let id = value(&f, "call").to_owned();
    let back = if id.is_empty() {
        Page::StaffCalls.path(lang)
    } else {
        Page::StaffCall(id.clone()).path(lang)
    };
    let Some(session) = crate::auth::form_session(db, value(&f, "csrf"), lang, &back).await? else {
        return Ok(());
    };
    crate::auth::guard::admin(&session)?;
    let action = value(&f, "action");
    if action == "save" {
        let mut invalid = vec![];
        for key in [
            "title_nl",
            "title_fr",
            "text_nl",
            "text_fr",
            "criteria_nl",
            "criteria_fr",
            "theme",
        ] {
            let v = value(&f, key);
            if v.is_empty() || v.chars().count() > MAX_SUMMARY_CHARS {
                invalid.push(key.to_owned());
            }
        }
        let (opens, closes) = (value(&f, "opens_on"), value(&f, "closes_on"));
        if !valid_day(opens) {
            invalid.push("opens_on".into());
        }
        if !valid_day(closes) || closes < opens {
            invalid.push("closes_on".into());
        }
        let project = value(&f, "project");
        if !project.is_empty() {
            let mut r = db
                .query("RETURN record::exists(type::record('project', $p))")
                .bind(("p", project.to_owned()))
                .await?;
            if r.take::<Option<bool>>(0)? != Some(true) {
                invalid.push("project".into());
            }
        }
        if !invalid.is_empty() {
            let flash = Flash::invalid(invalid, f.clone());
            return flash_and_redirect(db, &session.id, &flash, &back).await;
        }
        let new_id = if id.is_empty() {
            format!("call-{:08x}", rand::random::<u32>())
        } else {
            id.clone()
        };
        crate::db::transaction(
            db,
            "BEGIN TRANSACTION;
            UPSERT type::record('call', $id) MERGE {
                title: { nl: $f.title_nl, fr: $f.title_fr },
                text: { nl: $f.text_nl, fr: $f.text_fr },
                criteria: { nl: $f.criteria_nl, fr: $f.criteria_fr },
                theme: $f.theme, opens_on: $f.opens_on, closes_on: $f.closes_on,
                project: IF $f.project THEN type::record('project', $f.project) ELSE NONE END,
                published: $published,
            };
            CREATE audit CONTENT { actor: $actor, target: 'call:' + $id, action: 'save', changes: [] };
            COMMIT TRANSACTION;",
            vec![
                ("id", new_id.clone().into()),
                ("f", serde_json::to_value(&f)?),
                ("published", (!value(&f, "published").is_empty()).into()),
                ("actor", session.staff.email.clone().into()),
            ],
        )
        .await?;
        return flash_and_redirect(
            db,
            &session.id,
            &Flash::notice("staff-call-saved"),
            &Page::StaffCall(new_id).path(lang),
        )
        .await;
    }
    if !ACTIONS.contains(&action) {
        return Err(AppError::BadRequest("action".into()));
    }
    let idea_id = value(&f, "idea").to_owned();
    let list = staff_call(db, &id).await?;
    let Some(idea) = list.ideas.iter().find(|i| i.id == idea_id) else {
        return Err(AppError::NotFound);
    };
    if !idea.status.open() {
        return flash_and_redirect(db, &session.id, &Flash::error("staff-idea-decided"), &back)
            .await;
    }
    let text = value(&f, "text").to_owned();
    if matches!(action, "info" | "decline")
        && (text.is_empty() || text.chars().count() > MAX_SUMMARY_CHARS)
    {
        return flash_and_redirect(
            db,
            &session.id,
            &Flash::error("staff-idea-text-required"),
            &back,
        )
        .await;
    }
    let at = now.to_rfc3339();
    let sql = match action {
        "review" => {
            "UPDATE type::record('idea', $idea) SET status = 'review', updated_at = <datetime> $at;"
        }
        "info" => {
            "UPDATE type::record('idea', $idea) SET status = 'info', updated_at = <datetime> $at,
                messages += { from: 'staff', text: $text, at: <datetime> $at };"
        }
        "decline" => {
            "UPDATE type::record('idea', $idea) SET status = 'declined', reason = $text,
                updated_at = <datetime> $at;"
        }
        _ => {
            "LET $i = type::record('idea', $idea);
            LET $p = CREATE ONLY project CONTENT {
                name: IF $i.lang = 'nl' THEN { nl: $i.title } ELSE { fr: $i.title } END,
                summary: IF $i.lang = 'nl' THEN { nl: $i.summary } ELSE { fr: $i.summary } END,
                themes: [], partners: [],
                municipalities: $i.municipalities.map(|$c| type::record('municipality', $c)),
                status: 'ongoing', kind: 'interreg_project',
                parent: $i.call.project ?? NONE,
                source: 'idea:' + $idea, publication: 'draft',
            };
            UPDATE $i SET status = 'accepted', project = $p.id, updated_at = <datetime> $at;"
        }
    };
    crate::db::transaction(
        db,
        &format!(
            "BEGIN TRANSACTION;
            {sql}
            CREATE audit CONTENT {{ actor: $actor, target: 'idea:' + $idea, action: $action,
                changes: [{{ field: 'status', before: $before, after: $action }}] }};
            COMMIT TRANSACTION;"
        ),
        vec![
            ("idea", idea_id.clone().into()),
            ("text", text.into()),
            ("at", at.into()),
            ("action", action.into()),
            ("before", idea.status.code().into()),
            ("actor", session.staff.email.clone().into()),
        ],
    )
    .await?;
    // The submitter hears of every change, in their language, with their link.
    let mut response = db
        .query("SELECT VALUE nonce FROM type::record('idea', $idea)")
        .bind(("idea", idea_id.clone()))
        .await?;
    let nonce: Vec<Option<String>> = response.take(0)?;
    if let Some(nonce) = nonce.into_iter().flatten().next() {
        let token = personal_link::token(db, Purpose::Idea, &nonce).await?;
        let changed = own(db, &token).await?;
        crate::mail::outbox::queue(db, &[letter(&changed, LetterKind::IdeaStatus, &token)]).await?;
    }
    flash_and_redirect(db, &session.id, &Flash::notice("staff-idea-saved"), &back).await
}
