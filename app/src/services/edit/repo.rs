//! Reading and writing services for staff (server only). Every write names the revision
//! it started from and writes its audit entry in the same transaction.

use super::{
    EditOptions, MunicipalityOption, StaffList, StaffQuery, StaffRow, StaffService, PER_PAGE,
};
use crate::auth::Staff;
use crate::db::{rows, Db};
use crate::error::AppError;
use crate::i18n::{Localized, MaybeLocalized};
use crate::workflow::store::{self, Table, WriteError};
use crate::workflow::{Action, AuditAction, FieldChange};
use serde::Deserialize;
use serde_json::json;

/// Verification older than this is shown as overdue in the list.
pub const VERIFY_EVERY_MONTHS: u32 = 12;

const FIELDS: &str = "record::id(id) AS id, name, description ?? {} AS description, category,
    record::id(municipality) AS municipality_code, country, address, lat, lon, phones ?? [] AS phones, email,
    website, languages, opening_hours, cross_border_access AS access,
    accessibility ?? {} AS accessibility, machine_translated ?? [] AS machine_translated,
    status, (IF assured_date THEN <string> assured_date ELSE NONE END) AS assured_date, revision ?? 0 AS revision, source,
    is_sample, location_check, <string> updated_at AS updated_at";

/// Today in Brussels, as the datetime `assured_date` stores.
pub fn today() -> String {
    format!("{}T00:00:00Z", crate::kernel::clock::today())
}

pub async fn load(db: &Db, id: &str) -> Result<Option<StaffService>, AppError> {
    if !crate::kernel::validate::is_service_id(id) {
        return Ok(None);
    }
    let mut response = db
        .query(format!("SELECT {FIELDS} FROM type::record('service', $id)"))
        .bind(("id", id.to_owned()))
        .await?;
    Ok(rows(&mut response, 0)?.pop())
}

/// The services with these ids that exist (in no particular order).
pub async fn load_many(db: &Db, ids: &[String]) -> Result<Vec<StaffService>, AppError> {
    let ids: Vec<String> = ids
        .iter()
        .filter(|id| crate::kernel::validate::is_service_id(id))
        .cloned()
        .collect();
    let mut response = db
        .query(format!(
            "SELECT {FIELDS} FROM $ids.map(|$id| type::record('service', $id))"
        ))
        .bind(("ids", ids))
        .await?;
    rows(&mut response, 0)
}

/// Every service, whatever its status, by id: for the export.
pub async fn all(db: &Db) -> Result<Vec<StaffService>, AppError> {
    let mut response = db
        .query(format!("SELECT {FIELDS} FROM service ORDER BY id"))
        .await?;
    rows(&mut response, 0)
}

/// The taxonomy, and the municipalities this account may file services under.
pub async fn options(db: &Db, staff: &Staff) -> Result<EditOptions, AppError> {
    #[derive(Deserialize)]
    struct Cat {
        code: String,
        label: Localized,
    }
    let mut response = db
        .query("SELECT code, label FROM category ORDER BY code")
        .query(
            "SELECT code, name.{nl, fr} AS name, country, lat, lon FROM municipality
             WHERE $all OR code IN $codes ORDER BY name.nl",
        )
        .bind(("all", staff.is_admin()))
        .bind(("codes", staff.municipalities.clone()))
        .await?;
    let categories: Vec<Cat> = rows(&mut response, 0)?;
    let municipalities: Vec<MunicipalityOption> = rows(&mut response, 1)?;
    Ok(EditOptions {
        categories: categories.into_iter().map(|c| (c.code, c.label)).collect(),
        municipalities,
    })
}

fn missing_translation(name: &MaybeLocalized, description: &MaybeLocalized) -> bool {
    name.nl.is_none() || name.fr.is_none() || description.nl.is_some() != description.fr.is_some()
}

/// `date` (RFC 3339) is older than `months` months, or absent.
fn older_than(date: Option<&str>, months: u32) -> bool {
    let Some(date) = date.and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok()) else {
        return true;
    };
    let limit = chrono::Utc::now() - chrono::Duration::days(i64::from(months) * 365 / 12);
    date < limit
}

/// The services in the account's scope that match the filters, a page of them.
pub async fn list(db: &Db, staff: &Staff, query: &StaffQuery) -> Result<StaffList, AppError> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: MaybeLocalized,
        description: MaybeLocalized,
        category: String,
        municipality_code: String,
        municipality_name: Localized,
        status: crate::workflow::Publication,
        assured_date: Option<String>,
        is_sample: bool,
    }
    let mut response = db
        .query(
            "SELECT record::id(id) AS id, name, description ?? {} AS description, category,
                record::id(municipality) AS municipality_code,
                municipality.name.{nl, fr} AS municipality_name, status,
                (IF assured_date THEN <string> assured_date ELSE NONE END) AS assured_date, is_sample
             FROM service
             WHERE ($all OR record::id(municipality) IN $codes)
                AND ($status = '' OR status = $status)
                AND ($municipality = '' OR record::id(municipality) = $municipality)
                AND ($category = '' OR category = $category)",
        )
        .bind(("all", staff.is_admin()))
        .bind(("codes", staff.municipalities.clone()))
        .bind(("status", query.status.clone()))
        .bind(("municipality", query.municipality.clone()))
        .bind(("category", query.category.clone()))
        .await?;
    let found: Vec<Row> = rows(&mut response, 0)?;
    let overdue = query.overdue_months()?;
    let needle = crate::search_text::sort_key(&query.q);
    let mut matching: Vec<StaffRow> = found
        .into_iter()
        .filter(|r| {
            needle.is_empty()
                || [&r.name.nl, &r.name.fr]
                    .into_iter()
                    .flatten()
                    .any(|n| crate::search_text::sort_key(n).contains(&needle))
                || r.id.contains(&needle)
        })
        .filter(|r| overdue.is_none_or(|m| older_than(r.assured_date.as_deref(), m)))
        .filter(|r| query.untranslated.is_empty() || missing_translation(&r.name, &r.description))
        .map(|r| StaffRow {
            missing_translation: missing_translation(&r.name, &r.description),
            overdue: older_than(r.assured_date.as_deref(), VERIFY_EVERY_MONTHS),
            id: r.id,
            name: r.name,
            category: r.category,
            municipality_code: r.municipality_code,
            municipality_name: r.municipality_name,
            status: r.status,
            assured_date: r.assured_date,
            is_sample: r.is_sample,
        })
        .collect();
    matching.sort_by_cached_key(|r| {
        let name = r
            .name
            .nl
            .as_ref()
            .or(r.name.fr.as_ref())
            .cloned()
            .unwrap_or_default();
        (crate::search_text::sort_key(&name), r.id.clone())
    });
    let total = matching.len();
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = query.page_number()?.min(pages);
    let rows = matching
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    Ok(StaffList {
        rows,
        total,
        page,
        pages,
        options: options(db, staff).await?,
    })
}

/// The fields that differ, before → after (absent as None).
pub fn changes(before: Option<&StaffService>, after: &StaffService) -> Vec<FieldChange> {
    crate::workflow::changes(before.map(StaffService::flat).as_ref(), &after.flat())
}

/// A new id: a slug of the name and a random part (ids appear in public URLs).
pub fn new_id(service: &StaffService) -> String {
    let name = service
        .name
        .nl
        .as_ref()
        .or(service.name.fr.as_ref())
        .cloned()
        .unwrap_or_default();
    let slug: String = crate::search_text::sort_key(&name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug: Vec<&str> = slug.split('-').filter(|s| !s.is_empty()).collect();
    let token = crate::auth::session::new_token().to_ascii_lowercase();
    let suffix: String = token
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    let mut slug = slug.join("-");
    slug.truncate(60);
    format!("{}-{suffix}", slug.trim_end_matches('-'))
}

/// How a service is written (`store::write`).
const SERVICES: Table = Table {
    name: "service",
    set: "name = $r.name, description = $r.description, category = $r.category,
        municipality = type::record('municipality', $r.municipality_code),
        country = $r.country, address = $r.address, lat = $r.lat, lon = $r.lon,
        phones = $r.phones, email = $r.email, website = $r.website,
        languages = $r.languages ?? [], opening_hours = $r.opening_hours,
        cross_border_access = $r.access, accessibility = $r.accessibility,
        machine_translated = $r.machine_translated ?? [], status = $r.status,
        assured_date = IF $r.assured_date THEN <datetime> $r.assured_date ELSE NONE END,
        location_check = $r.location_check,
        source = source ?? $r.source, licence = licence ?? 'CC BY 4.0',
        is_sample = $r.is_sample ?? false,
        created_at = created_at ?? time::now()",
    after: "",
};

/// One service to write (`expected`: the revision its change was made from, None for a
/// new one), with its audit entry.
pub fn write_of(
    id: String,
    expected: Option<i64>,
    service: &StaffService,
    action: AuditAction,
    changes: Vec<FieldChange>,
) -> store::Write {
    store::Write {
        id,
        expected,
        record: json!(service),
        action,
        changes,
    }
}

/// Writes a service and its audit entry (`Stale` when the record's revision is no longer
/// the one `current` was read at). Returns the service's id.
pub async fn save(
    db: &Db,
    actor: &Staff,
    current: Option<&StaffService>,
    service: &StaffService,
    action: Action,
) -> Result<String, WriteError> {
    let id = current
        .map(|c| c.id.clone())
        .unwrap_or_else(|| new_id(service));
    let action = if current.is_none() {
        AuditAction::Create
    } else {
        AuditAction::Workflow(action)
    };
    let write = write_of(
        id.clone(),
        current.map(|c| c.revision),
        service,
        action,
        changes(current, service),
    );
    write_all(db, &actor.email, &[write]).await?;
    Ok(id)
}

/// The one write path of services (the form and imports): every record and its audit
/// entry in one transaction, all or nothing.
pub async fn write_all(db: &Db, actor: &str, writes: &[store::Write]) -> Result<(), WriteError> {
    store::write(db, actor, &SERVICES, writes).await
}
