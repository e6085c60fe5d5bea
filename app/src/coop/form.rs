//! The edit form's post (server only): from the posted fields to checked form values,
//! each wrong field named, and the workflow action applied.

use super::{fields, repo, CoopKind, CoopRecord, Input, ACTIONS};
use crate::auth::Role;
use crate::auth::StaffPost;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::i18n::MessageSet;
use crate::kernel::posted::Posted;
use crate::kernel::validate::Length;
use crate::kernel::validate::{has_hidden_controls, has_hidden_controls_in_lines};
use crate::routes::Page;
use crate::workflow::form::is_stale;
use crate::workflow::{self, Action, Publication};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

const MAX_ITEMS: usize = 50;

/// What a record may refer to: existing municipalities, projects and organizations.
pub struct Known<'a> {
    pub municipality: &'a dyn Fn(&str) -> bool,
    pub project: &'a dyn Fn(&str) -> bool,
    pub event: &'a dyn Fn(&str) -> bool,
    pub organization: &'a dyn Fn(&str) -> bool,
}

/// Items of a `Lines` field, each "nl | fr" (or with a speaker, "nl | fr | speaker"),
/// normalised; None when a line is not of that form.
fn items(text: &str, parts: std::ops::RangeInclusive<usize>) -> Option<Vec<String>> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > MAX_ITEMS {
        return None;
    }
    lines
        .into_iter()
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let good = parts.contains(&cells.len())
                && cells[..2].iter().all(|c| !c.is_empty())
                && cells
                    .iter()
                    .all(|c| !Length::Line.exceeded_by(c) && !has_hidden_controls(c));
            good.then(|| {
                let kept: Vec<&str> = cells.into_iter().filter(|c| !c.is_empty()).collect();
                kept.join(" | ")
            })
        })
        .collect()
}

/// Municipality codes, comma- or space-separated, each known; normalised "a, b".
fn codes(text: &str, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut list: Vec<&str> = vec![];
    for code in text.split([',', ' ', ';', '\n']).map(str::trim) {
        if code.is_empty() || list.contains(&code) {
            continue;
        }
        if !known(code) {
            return None;
        }
        list.push(code);
    }
    Some(list.join(", "))
}

/// The partners posted as `partner_{id}` = role (empty: not a partner), as "id | role"
/// lines in id order; None when an organization or a role is unknown.
fn partners(f: &Posted, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut lines = vec![];
    for (key, role) in f.fields().range("partner_".to_owned()..) {
        let Some(id) = key.strip_prefix("partner_") else {
            break;
        };
        let role = role.trim();
        if role.is_empty() {
            continue;
        }
        if !known(id) || !crate::kernel::kinds::PARTNER_ROLES.contains(&role) {
            return None;
        }
        lines.push(format!("{id} | {role}"));
    }
    Some(lines.join("\n"))
}

/// An amount in euro as typed ("12 500,50"), normalised; None when not one.
fn euro(text: &str) -> Option<String> {
    let plain: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€')
        .collect::<String>()
        .replace(',', ".");
    let amount: f64 = plain.parse().ok()?;
    (amount.is_finite() && (0.0..1e12).contains(&amount)).then(|| format!("{amount}"))
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| (1990..=2100).contains(&chrono::Datelike::year(d)))
}

/// A moment on a Brussels clock as a `datetime-local` input sends it.
pub fn local_moment(text: &str) -> Option<NaiveDateTime> {
    let at = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    // A clock time skipped by the change to summer time is not a moment.
    crate::kernel::clock::instant_of_local(text)
        .filter(|_| (1990..=2100).contains(&chrono::Datelike::year(&at)))
        .map(|_| at)
}

/// The form values of the post, checked, or the names of the wrong fields in form order.
pub fn read(
    kind: CoopKind,
    f: &Posted,
    known: &Known,
) -> Result<BTreeMap<String, String>, Vec<String>> {
    let mut values = BTreeMap::new();
    let mut invalid: Vec<String> = vec![];
    for field in fields(kind) {
        let k = field.key;
        if field.input.bilingual() {
            let (max, hidden): (Length, fn(&str) -> bool) = if field.input == Input::Area {
                (Length::Area, has_hidden_controls_in_lines)
            } else {
                (Length::Line, has_hidden_controls)
            };
            let pair: Vec<(String, &str)> = Lang::ALL
                .into_iter()
                .map(|l| {
                    (
                        format!("{k}_{}", l.code()),
                        f.text(&format!("{k}_{}", l.code())),
                    )
                })
                .collect();
            for (key, v) in &pair {
                if max.exceeded_by(v) || hidden(v) {
                    invalid.push(key.clone());
                } else if !v.is_empty() {
                    values.insert(key.clone(), (*v).to_owned());
                    if !f.text(&format!("{key}_mt")).is_empty() {
                        values.insert(format!("{key}_mt"), "on".into());
                    }
                }
            }
            let filled = pair.iter().filter(|(_, v)| !v.is_empty()).count();
            let required = kind.required().contains(&k);
            // The title needs one language to save; an optional pair both or neither
            // (the public pages show such pairs only whole).
            if (k == kind.title_field() && filled == 0) || (!required && filled == 1) {
                let (missing, _) = pair.iter().find(|(_, v)| v.is_empty()).expect("one empty");
                invalid.push(missing.clone());
            }
            continue;
        }
        if field.input == Input::Partners {
            match partners(f, known.organization) {
                Some(lines) if !lines.is_empty() => {
                    values.insert(k.to_owned(), lines);
                }
                Some(_) => {}
                None => invalid.push(k.to_owned()),
            }
            continue;
        }
        let v = f.text(k);
        let checked: Option<String> = match field.input {
            _ if v.is_empty() => match field.input {
                Input::Choice(_) => None,
                _ => Some(String::new()),
            },
            Input::Lines => {
                items(v, if k == "agenda" { 2..=3 } else { 2..=2 }).map(|l| l.join("\n"))
            }
            Input::Text => {
                (!Length::Line.exceeded_by(v) && !has_hidden_controls(v)).then(|| v.to_owned())
            }
            Input::Url => crate::kernel::validate::valid_website(v).then(|| v.to_owned()),
            Input::Euro => euro(v),
            Input::Date => date(v).map(|d| d.to_string()),
            Input::DateTime => local_moment(v).map(|at| at.format("%Y-%m-%dT%H:%M").to_string()),
            Input::Choice(list) => list.contains(&v).then(|| v.to_owned()),
            Input::Codes => codes(v, known.municipality),
            Input::Municipality => (known.municipality)(v).then(|| v.to_owned()),
            Input::Project => (known.project)(v).then(|| v.to_owned()),
            Input::Event => (known.event)(v).then(|| v.to_owned()),
            Input::Email => crate::kernel::validate::valid_email(v).then(|| v.to_owned()),
            Input::Phone => {
                let list = crate::kernel::validate::phones(v);
                let good = list.len() <= crate::kernel::validate::MAX_PHONES
                    && list.iter().all(|p| crate::kernel::validate::valid_phone(p));
                good.then(|| list.join("; "))
            }
            Input::Organization => (known.organization)(v).then(|| v.to_owned()),
            Input::Partners => unreachable!("read above"),
            Input::Line | Input::Area => unreachable!("bilingual"),
        };
        match checked {
            Some(c) if !c.is_empty() => {
                values.insert(k.to_owned(), c);
            }
            Some(_) => {}
            None => invalid.push(k.to_owned()),
        }
    }
    cross_checks(kind, &values, &mut invalid);
    if invalid.is_empty() {
        Ok(values)
    } else {
        Err(invalid)
    }
}

/// Rules between fields: an end after its start, a place with a name and an address.
fn cross_checks(kind: CoopKind, values: &BTreeMap<String, String>, invalid: &mut Vec<String>) {
    let get = |k: &str| values.get(k).map(String::as_str);
    let mut fail = |k: &str| {
        if !invalid.iter().any(|i| i == k) {
            invalid.push(k.to_owned());
        }
    };
    match kind {
        CoopKind::Project => {
            if let (Some(start), Some(end)) = (get("period_start"), get("period_end")) {
                if end < start {
                    fail("period_end");
                }
            }
        }
        CoopKind::Event => {
            match (get("starts_at"), get("ends_at")) {
                (Some(start), Some(end)) if end < start => fail("ends_at"),
                (None, Some(_)) => fail("starts_at"),
                _ => {}
            }
            let place = [get("place_name"), get("place_address")];
            let any = place.iter().any(Option::is_some) || get("place_municipality").is_some();
            if any && place[0].is_none() {
                fail("place_name");
            }
            if any && place[1].is_none() {
                fail("place_address");
            }
            if get("place_municipality").is_some_and(|c| c.contains(',')) {
                fail("place_municipality");
            }
        }
        CoopKind::Cluster => {}
        CoopKind::Practice => {
            if let (Some(start), Some(end)) = (get("period_start"), get("period_end")) {
                if end < start {
                    fail("period_end");
                }
            }
            if get("kind").is_none() {
                fail("kind");
            }
        }
        CoopKind::Contact => {
            if get("municipality").is_none() {
                fail("municipality");
            }
            if get("office").is_none() {
                fail("office");
            }
        }
    }
}

/// The publication after an admin's action, or the fields that keep it from being
/// published (a published record has both languages of its required texts); the
/// workflow's table decides which actions are allowed from where.
pub fn next_publication(
    kind: CoopKind,
    action: Action,
    from: Option<Publication>,
    values: &BTreeMap<String, String>,
) -> Result<Publication, Vec<String>> {
    let publication =
        workflow::transition(Role::Admin, from, action).ok_or_else(|| vec!["action".to_owned()])?;
    if publication == Publication::Published {
        let missing: Vec<String> = kind
            .required()
            .iter()
            .flat_map(|k| Lang::ALL.map(|l| format!("{k}_{}", l.code())))
            .filter(|key| !values.contains_key(key))
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
    }
    Ok(publication)
}

/// Handles a post of the edit form: see `save_coop`.
pub async fn submit(db: &Db, f: BTreeMap<String, String>) -> Result<(), AppError> {
    let kind = CoopKind::from_code(f.get("table").map_or("", |t| t.trim()))
        .ok_or(AppError::BadRequest("kind".into()))?;
    let Some(post) = StaffPost::open(db, f, |f, lang| match f.optional("id") {
        Some(id) => Page::StaffCoop(kind, id.to_owned()).path(lang),
        None => Page::StaffCoopNew(kind).path(lang),
    })
    .await?
    else {
        return Ok(());
    };
    let (f, lang, session) = (&post.fields, post.lang, &post.session);
    let id = f.optional("id").map(str::to_owned);
    let role = session.staff.role;
    if !super::open_to(kind, role) {
        return Err(AppError::Forbidden);
    }
    let action = Action::from_code(f.text("action"))
        .filter(|a| ACTIONS.contains(a))
        .ok_or_else(|| AppError::BadRequest("action".into()))?;
    let current = match &id {
        Some(id) => Some(
            repo::load(db, kind, id)
                .await?
                .filter(|r| super::in_scope(kind, &session.staff, r))
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    // An editor changes only the practices of their own municipalities: they see every
    // practice, so another municipality's is refused (403), not hidden.
    if current
        .as_ref()
        .is_some_and(|c| super::out_of_scope(kind, &session.staff, c).is_some())
    {
        return Err(AppError::Forbidden);
    }
    // The shared table, narrowed per kind: an action another account may take here is
    // 403, one nobody takes from this state goes back to the form.
    let from = current.as_ref().map(|c| c.publication);
    if !super::allowed_actions(kind, role, from).contains(&action)
        && workflow::transition(Role::Admin, from, action).is_some()
        && role != Role::Admin
    {
        return Err(AppError::Forbidden);
    }
    if is_stale(current.as_ref().map(|c| c.revision), f.text("revision")) {
        return post.refuse(db, STALE).await;
    }
    let known = repo::known(db).await?;
    let checked = read(
        kind,
        f,
        &Known {
            municipality: &|c| known.municipalities.contains(c),
            project: &|p| known.projects.contains(p) && id.as_deref() != Some(p),
            event: &|e| known.events.contains(e),
            organization: &|o| known.organizations.contains(o),
        },
    )
    .and_then(|values| {
        let from = current.as_ref().map(|c| c.publication);
        let publication = next_publication(kind, action, from, &values)?;
        Ok((values, publication))
    });
    let (values, publication) = match checked {
        Ok(done) => done,
        Err(invalid) => return post.invalid(db, invalid).await,
    };
    // An editor's contact and practice stay within their municipalities.
    let draft = CoopRecord {
        values: values.clone(),
        ..Default::default()
    };
    if let Some(field) = super::out_of_scope(kind, &session.staff, &draft) {
        return post.invalid(db, [field]).await;
    }
    let record = CoopRecord {
        id: current.as_ref().map(|c| c.id.clone()).unwrap_or_default(),
        publication,
        revision: current.as_ref().map(|c| c.revision).unwrap_or(0),
        values,
    };
    let written = repo::save(
        db,
        &session.staff.email,
        kind,
        current.as_ref(),
        &record,
        action,
    )
    .await;
    let page_of = |id| Page::StaffCoop(kind, id).path(lang);
    post.saved(db, written, page_of, &DONE.id(action.code()), STALE)
        .await
}

/// A form opened before the record changed.
const STALE: &str = "staff-coop-error-stale";

/// "The record is published", … after each action.
pub const DONE: MessageSet = MessageSet::new("staff-coop-done-", action_codes);

fn action_codes() -> Vec<&'static str> {
    ACTIONS.map(Action::code).to_vec()
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
