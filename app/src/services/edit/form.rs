//! The edit form's post (server only): from the posted fields to a checked service,
//! each wrong field named, and the workflow action applied.

use super::{repo, StaffService, LANGUAGES};
use crate::auth::StaffPost;
use crate::auth::{guard, Role};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::MessageSet;
use crate::i18n::{Lang, Localized, MaybeLocalized};
use crate::kernel::geo::Country;
use crate::kernel::posted::Posted;
use crate::kernel::validate::Length;
use crate::kernel::validate::{has_hidden_controls, has_hidden_controls_in_lines};
use crate::kernel::validate::{phones, valid_email, valid_phone, valid_website, MAX_PHONES};
use crate::routes::Page;
use crate::services::Access;
use crate::workflow::form::is_stale;
use crate::workflow::{self, Action, Publication, Refusal};
use std::collections::BTreeMap;

/// The actions of the service form, in the order of its buttons: every one.
pub const ACTIONS: [Action; 6] = Action::ALL;

fn optional(f: &Posted, key: &str) -> Option<String> {
    f.optional(key).map(str::to_owned)
}

/// The opening hours of the form: the weekly editor's rules, or the expression typed in
/// the advanced field when the editor cannot show them. Rules that mean what the stored
/// expression means keep it as written (no change in the history).
fn opening_hours(
    f: &Posted,
    stored: Option<&str>,
    country: Option<Country>,
    invalid: &mut Vec<String>,
) -> Option<String> {
    use crate::staff::hours_editor::{from_osm, to_osm, WeeklyHours};
    let osm = if f.text("hours_mode") == "raw" {
        f.text("opening_hours").to_owned()
    } else {
        let fields: std::collections::HashMap<String, String> = f
            .fields()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let weekly = WeeklyHours::from_form(&fields);
        if let Some(stored) = stored.filter(|s| from_osm(s).as_ref() == Some(&weekly)) {
            return Some(stored.to_owned());
        }
        match to_osm(&weekly) {
            Ok(osm) => osm,
            Err(fields) => {
                invalid.extend(fields);
                return None;
            }
        }
    };
    if osm.is_empty() {
        return None;
    }
    let readable = |country| crate::services::hours::parse(&osm, country).is_ok();
    // Without a municipality (then the form names it), the hours are read as French.
    if osm.len() > 1000 || !readable(country.unwrap_or(Country::Fr)) {
        invalid.push("opening_hours".into());
        return None;
    }
    Some(osm)
}

/// The service the form describes, on top of `base` (its fields that the form does not
/// show are kept), or the names of the wrong fields in form order.
pub fn read(
    f: &Posted,
    base: &StaffService,
    country_of: impl Fn(&str) -> Option<Country>,
) -> Result<StaffService, Vec<String>> {
    let mut invalid = vec![];
    let mut service = base.clone();
    let mut machine = vec![];
    let mut text = |field: &str, max: Length, invalid: &mut Vec<String>| {
        // The name is one line; the other texts may have several.
        let hidden: fn(&str) -> bool = if field == "name" {
            has_hidden_controls
        } else {
            has_hidden_controls_in_lines
        };
        let mut pair = MaybeLocalized::default();
        for lang in Lang::ALL {
            let key = format!("{field}_{}", lang.code());
            let v = optional(f, &key);
            if v.as_ref().is_some_and(|v| max.exceeded_by(v) || hidden(v)) {
                invalid.push(key.clone());
            }
            if v.is_some() && f.ticked(&format!("{key}_mt")) {
                machine.push(format!("{field}.{}", lang.code()));
            }
            match lang {
                Lang::Nl => pair.nl = v,
                Lang::Fr => pair.fr = v,
            }
        }
        pair
    };
    service.name = text("name", Length::RecordName, &mut invalid);
    if service.name.nl.is_none() && service.name.fr.is_none() {
        invalid.push("name_nl".into());
    }
    service.description = text("description", Length::Text, &mut invalid);
    service.accessibility = text("accessibility", Length::Text, &mut invalid);
    service.machine_translated = machine;

    service.category = f.text("category").to_owned();
    service.municipality_code = f.text("municipality").to_owned();
    service.country = country_of(&service.municipality_code);
    if service.country.is_none() {
        invalid.push("municipality".into());
    }
    // An address may come in lines (the import's CSV files).
    service.address = optional(f, "address");
    if service
        .address
        .as_ref()
        .is_some_and(|a| Length::Line.exceeded_by(a) || has_hidden_controls_in_lines(a))
    {
        invalid.push("address".into());
    }
    match crate::kernel::geo::parse_location(f.text("lat"), f.text("lon")) {
        Ok(point) => {
            service.lat = point.map(|p| p.0);
            service.lon = point.map(|p| p.1);
        }
        Err(fields) => invalid.extend(fields),
    }
    service.phones = phones(f.text("phone"));
    if service.phones.len() > MAX_PHONES || !service.phones.iter().all(|p| valid_phone(p)) {
        invalid.push("phone".into());
    }
    service.email = optional(f, "email").map(|e| e.to_lowercase());
    if service.email.as_deref().is_some_and(|e| !valid_email(e)) {
        invalid.push("email".into());
    }
    service.website = optional(f, "website");
    if service
        .website
        .as_deref()
        .is_some_and(|w| !valid_website(w))
    {
        invalid.push("website".into());
    }
    service.languages = LANGUAGES
        .iter()
        .filter(|l| f.ticked(&format!("speaks_{l}")))
        .map(|l| (*l).to_owned())
        .collect();
    service.opening_hours = opening_hours(
        f,
        base.opening_hours.as_deref(),
        service.country,
        &mut invalid,
    );
    let who = f.text("access_who");
    let note = (optional(f, "access_note_nl"), optional(f, "access_note_fr"));
    service.access = match (who, note) {
        ("", (None, None)) => None,
        ("BE" | "FR" | "both", (None, None)) => Some(Access {
            who: who.to_owned(),
            note: None,
        }),
        ("BE" | "FR" | "both", (Some(nl), Some(fr)))
            if [&nl, &fr]
                .iter()
                .all(|t| !Length::Text.exceeded_by(t) && !has_hidden_controls_in_lines(t)) =>
        {
            Some(Access {
                who: who.to_owned(),
                note: Some(Localized { nl, fr }),
            })
        }
        ("" | "BE" | "FR" | "both", _) => {
            invalid.push("access_note".into());
            None
        }
        _ => {
            invalid.push("access_who".into());
            None
        }
    };
    if invalid.is_empty() {
        Ok(service)
    } else {
        Err(invalid)
    }
}

/// The four texts publishing needs, with their form fields.
fn required_texts(service: &StaffService) -> [(&'static str, bool); 4] {
    [
        ("name_nl", service.name.nl.is_some()),
        ("name_fr", service.name.fr.is_some()),
        ("description_nl", service.description.nl.is_some()),
        ("description_fr", service.description.fr.is_some()),
    ]
}

/// The fields publishing needs that `service` lacks, after `action` takes it to
/// `target`: publishing needs both languages' name and description; a published service
/// may lack some (the open data often has one language), but an edit may not remove one
/// it has.
pub fn missing_texts(
    action: Action,
    target: Publication,
    before: Option<&StaffService>,
    service: &StaffService,
) -> Vec<String> {
    let had = before.map(required_texts);
    required_texts(service)
        .into_iter()
        .enumerate()
        .filter(|(i, (_, present))| {
            !present
                && (action == Action::Publish
                    || (target == Publication::Published && had.is_some_and(|had| had[*i].1)))
        })
        .map(|(_, (field, _))| field.to_owned())
        .collect()
}

/// Why a form's action is not carried out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The workflow's table does not allow it (see `workflow::check`).
    Workflow(Refusal),
    /// The form fields that publishing needs.
    Fields(Vec<String>),
}

/// The status after an action by `role`, or why it is refused.
pub fn next_status(
    action: Action,
    before: Option<&StaffService>,
    service: &StaffService,
    role: Role,
) -> Result<Publication, Refused> {
    let from = before.map(|b| b.status);
    let target = workflow::check(role, from, action).map_err(Refused::Workflow)?;
    let missing = missing_texts(action, target, before, service);
    if missing.is_empty() {
        Ok(target)
    } else {
        Err(Refused::Fields(missing))
    }
}

/// Handles a post of the edit form: see `save_service`.
pub async fn submit(db: &Db, f: BTreeMap<String, String>) -> Result<(), AppError> {
    let Some(post) = StaffPost::open(db, f, |f, lang| match f.optional("id") {
        Some(id) => Page::StaffService(id.to_owned()).path(lang),
        None => Page::StaffServiceNew.path(lang),
    })
    .await?
    else {
        return Ok(());
    };
    let (f, lang, session) = (&post.fields, post.lang, &post.session);
    let id = optional(f, "id");
    let action = Action::from_code(f.text("action"))
        .filter(|a| ACTIONS.contains(a))
        .ok_or_else(|| AppError::BadRequest("action".into()))?;
    let current = match &id {
        Some(id) => {
            let current = repo::load(db, id).await?.ok_or(AppError::NotFound)?;
            guard::municipality(session, &current.municipality_code)?;
            Some(current)
        }
        None => None,
    };
    let base = current.clone().unwrap_or_else(|| StaffService {
        status: Publication::Draft,
        source: "Grensdiensten staff".into(),
        ..Default::default()
    });
    if is_stale(current.as_ref().map(|c| c.revision), f.text("revision")) {
        return post.refuse(db, STALE).await;
    }
    let options = repo::options(db, &session.staff).await?;
    let known_category = |c: &str| options.categories.iter().any(|(code, _)| code == c);
    let country_of = |code: &str| {
        options
            .municipalities
            .iter()
            .find(|m| m.code == code)
            .map(|m| m.country)
    };
    let from = current.as_ref().map(|c| c.status);
    // The table first: a post that asks for what the form does not offer this role (a
    // crafted one) changes nothing, whatever its fields.
    let target = match workflow::check(session.staff.role, from, action) {
        Ok(target) => Some(target),
        Err(Refusal::Forbidden) => return Err(AppError::Forbidden),
        Err(Refusal::NotFromHere) => None,
    };
    let checked = read(f, &base, country_of).and_then(|mut service| {
        let Some(target) = target else {
            return Err(vec!["action".into()]);
        };
        if !known_category(&service.category) {
            return Err(vec!["category".into()]);
        }
        let missing = missing_texts(action, target, current.as_ref(), &service);
        if !missing.is_empty() {
            return Err(missing);
        }
        service.status = target;
        Ok(service)
    });
    let mut service = match checked {
        Ok(service) => service,
        Err(invalid) => return post.invalid(db, invalid).await,
    };
    // The municipality it moves to must be in the editor's scope too.
    guard::municipality(session, &service.municipality_code)?;
    if action == Action::Verify {
        service.assured_date = Some(repo::today());
    }
    let moved = current.as_ref().is_some_and(|c| {
        c.municipality_code != service.municipality_code
            || c.lat != service.lat
            || c.lon != service.lon
    });
    if moved || action == Action::Verify {
        service.location_check = None;
    }
    let written = repo::save(db, &session.staff, current.as_ref(), &service, action).await;
    let page_of = |id| Page::StaffService(id).path(lang);
    post.saved(db, written, page_of, &DONE.id(action.code()), STALE)
        .await
}

/// A form opened before the service changed.
const STALE: &str = "staff-error-stale";

/// "The service is published", … after each action.
pub const DONE: MessageSet = MessageSet::new("staff-done-", action_codes);

fn action_codes() -> Vec<&'static str> {
    ACTIONS.map(Action::code).to_vec()
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
