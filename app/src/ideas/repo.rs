//! Calls and ideas in SurrealDB (server only).

use super::*;
use crate::db::{rows, Db};
use crate::i18n::Lang;
use crate::kernel::personal_link::{self, Purpose};
use crate::kernel::posted::{Posted, PublicPost};
use crate::kernel::validate::Length;
use crate::kernel::validate::{has_hidden_controls, has_hidden_controls_in_lines};
use crate::mail::{Letter, LetterKind};
use crate::municipalities::directory;
use crate::routes::Page;
use crate::workflow::store;
use chrono::{DateTime, Utc};
use std::net::IpAddr;

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
    let today = crate::kernel::clock::today();
    Ok(rows::<CallRow>(&mut response, 0)?
        .into_iter()
        .map(|r| to_call(r, &today))
        .collect())
}

pub(super) async fn call(db: &Db, id: &str, all: bool) -> Result<Call, AppError> {
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
        .map(|r| to_call(r, &crate::kernel::clock::today()))
        .ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
pub(super) struct IdeaRow {
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

pub(super) const IDEA_FIELDS: &str = "record::id(id) AS id, record::id(call) AS call,
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

pub(super) async fn to_idea(db: &Db, row: IdeaRow) -> Result<Idea, AppError> {
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
    Ok(CallView {
        call,
        accepted,
        typed: BTreeMap::new(),
    })
}

/// The municipality codes typed in a field (`33011, 59350`).
fn codes(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks the idea form; the fields at fault, in form order.
pub fn check(f: &Posted, known: impl Fn(&str) -> bool) -> Vec<&'static str> {
    let mut invalid = vec![];
    let title = f.text("title");
    if title.is_empty() || Length::Title.exceeded_by(title) || has_hidden_controls(title) {
        invalid.push("title");
    }
    let summary = f.text("summary");
    if !(MIN_SUMMARY_CHARS..=Length::LongText.chars()).contains(&summary.chars().count())
        || has_hidden_controls_in_lines(summary)
    {
        invalid.push("summary");
    }
    let municipalities = codes(f.text("municipalities"));
    if municipalities.is_empty()
        || municipalities.len() > 30
        || !municipalities.iter().all(|c| known(c))
    {
        invalid.push("municipalities");
    }
    if !SUBMITTERS.contains(&f.text("submitter")) {
        invalid.push("submitter");
    }
    let name = f.text("name");
    if name.is_empty() || Length::PersonName.exceeded_by(name) || has_hidden_controls(name) {
        invalid.push("name");
    }
    if !crate::kernel::validate::valid_email(f.text("email")) {
        invalid.push("email");
    }
    if f.text("consent").is_empty() {
        invalid.push("consent");
    }
    invalid
}

/// Where a refused idea sends the browser back: the call's form with what went wrong;
/// what was typed waits in the database (`kernel::form_flash`), never in the URL, and
/// the e-mail address is not kept at all.
async fn back(
    db: &Db,
    lang: Lang,
    call: &str,
    error: &str,
    f: &Posted,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let typed = ["title", "summary", "municipalities", "submitter", "name"]
        .into_iter()
        .map(|key| (key.to_owned(), f.text(key).to_owned()))
        .collect();
    let page = format!("{}#idea-form", Page::Call(call.to_owned()).path(lang));
    crate::kernel::form_flash::back_to(db, &page, error, typed, now).await
}

pub(super) fn letter(idea: &Idea, kind: LetterKind, token: &str) -> Letter {
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
        link: Some(Purpose::Idea.url(lang, token)),
    }
}

/// Handles the idea form; returns where to send the browser.
pub async fn submit(
    db: &Db,
    f: BTreeMap<String, String>,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let post = PublicPost::open(f, "idea", client);
    let (f, lang) = (&post.fields, post.lang);
    let id = f.text("call").to_owned();
    let call = call(db, &id, false).await?;
    if !call.open {
        return back(db, lang, &id, "closed", f, now).await;
    }
    if !post.within_limit(db, now).await? {
        return back(db, lang, &id, "too-many", f, now).await;
    }
    let directory = directory::current(db).await?;
    let invalid = check(f, |c| directory.profile(c).is_some());
    if !invalid.is_empty() {
        return back(db, lang, &id, &invalid.join(","), f, now).await;
    }
    if f.ticked("website") {
        tracing::info!("idea honeypot filled in: dropped");
        return Ok(format!("{}?sent=1", Page::Call(id).path(lang)));
    }
    // Every idea sends a letter to the address typed: at most so many per recipient and
    // hour, whoever types it.
    if !post.letter_allowed(db, f.text("email"), now).await? {
        return back(db, lang, &id, "too-many", f, now).await;
    }
    let link = personal_link::mint();
    let record = format!("{:032x}", rand::random::<u128>());
    let at = now.to_rfc3339();
    // The letter is written from what is stored, in the same transaction.
    let idea = Idea {
        id: record.clone(),
        call: Link {
            id: id.clone(),
            name: call.title.clone(),
        },
        title: f.text("title").to_owned(),
        summary: f.text("summary").to_owned(),
        municipalities: vec![],
        submitter: f.text("submitter").to_owned(),
        name: f.text("name").to_owned(),
        email: f.text("email").to_owned(),
        lang: lang.code().to_owned(),
        status: IdeaStatus::Received,
        reason: None,
        messages: vec![],
        project: None,
        created_at: at.clone(),
    };
    store::with_letters(
        db,
        &crate::kernel::settings::settings(),
        &format!(
            "CREATE type::record('idea', $record) CONTENT {{
                call: type::record('call', $call), title: $title, summary: $summary,
                municipalities: $municipalities, submitter: $submitter, name: $name,
                email: $email, lang: $lang, status: 'received', messages: [],
                consent_at: <datetime> $at,
                created_at: <datetime> $at, updated_at: <datetime> $at,
            }};
            {}",
            personal_link::record_statement(Purpose::Idea, "type::record('idea', $record)")
        ),
        vec![
            ("record", record.clone().into()),
            ("link_key", link.key.clone().into()),
            ("call", id.clone().into()),
            ("title", f.text("title").into()),
            ("summary", f.text("summary").into()),
            ("municipalities", codes(f.text("municipalities")).into()),
            ("submitter", f.text("submitter").into()),
            ("name", f.text("name").into()),
            ("email", f.text("email").into()),
            ("lang", lang.code().into()),
            ("at", at.into()),
        ],
        &[letter(&idea, LetterKind::IdeaReceived, &link.token)],
    )
    .await?;
    tracing::info!(call = %id, "idea received");
    Ok(format!("{}?new=1", Page::Idea(link.token).path(lang)))
}

/// The idea behind a link.
pub async fn own(db: &Db, token: &str) -> Result<Idea, AppError> {
    let id = personal_link::open(db, Purpose::Idea, token).await?;
    own_record(db, &id).await
}

/// The idea `id` as its submitter sees it, whatever became of the call.
pub(super) async fn own_record(db: &Db, id: &str) -> Result<Idea, AppError> {
    let mut response = db
        .query(format!(
            "SELECT {IDEA_FIELDS} FROM type::record('idea', $id) WHERE anonymised_at = NONE"
        ))
        .bind(("id", id.to_owned()))
        .await?;
    let row = rows::<IdeaRow>(&mut response, 0)?
        .pop()
        .ok_or(AppError::NotFound)?;
    to_idea(db, row).await
}

/// Handles a post from the submitter's page.
pub async fn manage(
    db: &Db,
    f: BTreeMap<String, String>,
    client: IpAddr,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let post = PublicPost::open(f, "idea", client);
    let (f, lang) = (&post.fields, post.lang);
    let token = f.text("token").to_owned();
    let idea = own(db, &token).await?;
    let page = Page::Idea(token.clone()).path(lang);
    if !post.within_limit(db, now).await? {
        return Ok(format!("{page}?error=too-many"));
    }
    match f.text("action") {
        "answer" => {
            let text = f.text("text");
            if idea.status != IdeaStatus::Info {
                return Ok(page);
            }
            if text.is_empty()
                || Length::LongText.exceeded_by(text)
                || has_hidden_controls_in_lines(text)
            {
                return Ok(format!("{page}?error=text"));
            }
            crate::db::execute(
                db.query(
                    "UPDATE idea SET status = 'review', updated_at = <datetime> $at,
                        messages += { from: 'submitter', text: $text, at: <datetime> $at }
                     WHERE id = type::record('idea', $id)",
                )
                .bind(("id", idea.id.clone()))
                .bind(("text", text.to_owned()))
                .bind(("at", now.to_rfc3339())),
            )
            .await?;
            Ok(format!("{page}?done=answered"))
        }
        "delete" => {
            crate::db::execute(
                db.query(format!(
                    "BEGIN TRANSACTION; LET $i = type::record('idea', $id); DELETE $i; {} COMMIT TRANSACTION;",
                    personal_link::forget_statement("$i")
                ))
                .bind(("id", idea.id.clone())),
            )
            .await?;
            // Back to the call, or the list of calls if it is no longer public.
            let back = match call(db, &idea.call.id, false).await {
                Ok(_) => Page::Call(idea.call.id),
                Err(AppError::NotFound) => Page::Calls,
                Err(other) => return Err(other),
            };
            Ok(format!("{}?deleted=1", back.path(lang)))
        }
        _ => Err(AppError::BadRequest("action".into())),
    }
}

/// The idea's data as its submitter downloads it.
pub async fn export_data(db: &Db, token: &str) -> Result<serde_json::Value, AppError> {
    let idea = own(db, token).await?;
    Ok(serde_json::to_value(&idea)?)
}

pub use super::staff_repo::{staff_call, staff_submit};

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Posted {
        let mut f: BTreeMap<String, String> = [
            ("title", "Een deelfietsnetwerk over de grens"),
            (
                "summary",
                "Deelfietsen tussen Wervik en Comines,\nmet stations aan beide kanten.",
            ),
            ("municipalities", "33029, 59152"),
            ("submitter", "resident"),
            ("name", "Ann Peeters"),
            ("email", "ann@example.be"),
            ("consent", "yes"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        for (k, v) in pairs {
            f.insert((*k).to_owned(), (*v).to_owned());
        }
        Posted::new(f)
    }

    #[test]
    fn hidden_controls_in_an_idea_name_the_field() {
        assert!(check(&form(&[]), |_| true).is_empty());
        let bad = form(&[
            ("title", "Fietsen \u{202E}snegreB"),
            (
                "summary",
                "Een samenvatting met een \u{2066}verborgen\u{2069} stuk erin.",
            ),
            ("name", "Ann \u{202D}Peeters"),
        ]);
        assert_eq!(check(&bad, |_| true), ["title", "summary", "name"]);
        let control = form(&[("name", "Ann\u{1B}[2JPeeters"), ("title", "Fietsen\nover")]);
        assert_eq!(check(&control, |_| true), ["title", "name"]);
        let other_scripts = form(&[
            ("title", "Vélos partagés à l’Eurométropole"),
            ("name", "محمد العلوي"),
        ]);
        assert!(check(&other_scripts, |_| true).is_empty());
    }
}
