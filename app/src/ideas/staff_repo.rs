//! The staff's side of calls and ideas (server only): a call saved, and the decisions
//! on an idea (review, a question, accept, decline), each one audited write with the
//! letter that tells its submitter, in one transaction.

use super::repo::{call, letter, own_record, to_idea, IdeaRow, IDEA_FIELDS};
use super::*;
use crate::auth::StaffPost;
use crate::db::{rows, Db};
use crate::kernel::personal_link::{self, Purpose};
use crate::kernel::validate::Length;
use crate::mail::LetterKind;
use crate::routes::Page;
use crate::workflow::store::{self, Audited, Entry};
use crate::workflow::AuditAction;
use chrono::{DateTime, NaiveDate, Utc};

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

/// A decision on an idea: the status it gives, and how the history names it.
fn decision(action: &str) -> Option<(IdeaStatus, AuditAction)> {
    match action {
        "review" => Some((IdeaStatus::Review, AuditAction::Review)),
        "info" => Some((IdeaStatus::Info, AuditAction::AskInformation)),
        "accept" => Some((IdeaStatus::Accepted, AuditAction::Accept)),
        "decline" => Some((IdeaStatus::Declined, AuditAction::Decline)),
        _ => None,
    }
}

/// Handles a staff post: a call saved, or a decision on an idea.
pub async fn staff_submit(
    db: &Db,
    f: BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(post) = StaffPost::open(db, f, |f, lang| match f.optional("call") {
        None => Page::StaffCalls.path(lang),
        Some(id) => Page::StaffCall(id.to_owned()).path(lang),
    })
    .await?
    else {
        return Ok(());
    };
    crate::auth::guard::admin(&post.session)?;
    let settings = crate::kernel::settings::settings();
    let (f, lang) = (&post.fields, post.lang);
    let id = f.text("call").to_owned();
    let action = f.text("action");
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
            let v = f.text(key);
            if v.is_empty() || Length::LongText.exceeded_by(v) {
                invalid.push(key);
            }
        }
        let (opens, closes) = (f.text("opens_on"), f.text("closes_on"));
        if !valid_day(opens) {
            invalid.push("opens_on");
        }
        if !valid_day(closes) || closes < opens {
            invalid.push("closes_on");
        }
        if let Some(project) = f.optional("project") {
            let mut r = db
                .query("RETURN record::exists(type::record('project', $p))")
                .bind(("p", project.to_owned()))
                .await?;
            if r.take::<Option<bool>>(0)? != Some(true) {
                invalid.push("project");
            }
        }
        if !invalid.is_empty() {
            return post.invalid(db, invalid).await;
        }
        let new_id = if id.is_empty() {
            format!("call-{:08x}", rand::random::<u32>())
        } else {
            id.clone()
        };
        store::commit(
            db,
            &settings,
            post.actor(),
            Audited {
                sql: "UPSERT type::record('call', $id) MERGE {
                    title: { nl: $f.title_nl, fr: $f.title_fr },
                    text: { nl: $f.text_nl, fr: $f.text_fr },
                    criteria: { nl: $f.criteria_nl, fr: $f.criteria_fr },
                    theme: $f.theme, opens_on: $f.opens_on, closes_on: $f.closes_on,
                    project: IF $f.project THEN type::record('project', $f.project) ELSE NONE END,
                    published: $published,
                };"
                .into(),
                binds: vec![
                    ("id", new_id.clone().into()),
                    ("f", serde_json::to_value(f.fields())?),
                    ("published", f.ticked("published").into()),
                ],
                entries: vec![Entry::of(
                    "'call:' + $id",
                    AuditAction::Workflow(crate::workflow::Action::Save),
                )],
                letters: vec![],
            },
        )
        .await?;
        return post
            .notice(db, "staff-call-saved", &Page::StaffCall(new_id).path(lang))
            .await;
    }
    let Some((status, audited)) = decision(action) else {
        return Err(AppError::BadRequest("action".into()));
    };
    let idea_id = f.text("idea").to_owned();
    let list = staff_call(db, &id).await?;
    let Some(idea) = list.ideas.iter().find(|i| i.id == idea_id) else {
        return Err(AppError::NotFound);
    };
    if !idea.status.open() {
        return post.refuse(db, "staff-idea-decided").await;
    }
    let text = f.text("text").to_owned();
    if matches!(status, IdeaStatus::Info | IdeaStatus::Declined)
        && (text.is_empty() || Length::LongText.exceeded_by(&text))
    {
        return post.refuse(db, "staff-idea-text-required").await;
    }
    let at = now.to_rfc3339();
    let change = match status {
        IdeaStatus::Review => {
            "UPDATE type::record('idea', $idea) SET status = 'review', updated_at = <datetime> $at;"
        }
        IdeaStatus::Info => {
            "UPDATE type::record('idea', $idea) SET status = 'info', updated_at = <datetime> $at,
                messages += { from: 'staff', text: $text, at: <datetime> $at };"
        }
        IdeaStatus::Declined => {
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
    // The submitter hears of every change, in their language, with a new link (the
    // database cannot give the first one back), in the decision's own transaction; an
    // anonymised idea has no one to tell.
    let mut sql = change.to_owned();
    let mut binds = vec![
        ("idea", idea_id.clone().into()),
        ("text", text.clone().into()),
        ("at", at.clone().into()),
        ("action", status.code().into()),
        ("before", idea.status.code().into()),
    ];
    let mut letters = vec![];
    match own_record(db, &idea_id).await {
        Ok(mut changed) => {
            changed.status = status;
            match status {
                IdeaStatus::Declined => changed.reason = Some(text),
                IdeaStatus::Info => changed.messages.push(Message {
                    from: "staff".into(),
                    text,
                    at,
                }),
                _ => {}
            }
            let link = personal_link::mint();
            if settings.mail {
                sql.push_str(&personal_link::record_statement(
                    Purpose::Idea,
                    "type::record('idea', $idea)",
                ));
                binds.push(("link_key", link.key.into()));
            }
            letters.push(letter(&changed, LetterKind::IdeaStatus, &link.token));
        }
        Err(AppError::NotFound) => {}
        Err(other) => return Err(other),
    }
    store::commit(
        db,
        &settings,
        post.actor(),
        Audited {
            sql,
            binds,
            entries: vec![Entry {
                target: "'idea:' + $idea",
                action: audited,
                changes: "[{ field: 'status', before: $before, after: $action }]",
            }],
            letters,
        },
    )
    .await?;
    post.notice(db, "staff-idea-saved", &post.back).await
}
