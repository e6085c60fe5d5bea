//! Editing the inventory (staff only): the list with its filters, the bilingual form,
//! the status workflow (draft → published → archived), "verified today", and the
//! history of every change. Every server function checks the account on the server.

#[cfg(feature = "ssr")]
pub mod form;
mod form_page;
mod form_view;
mod history_page;
mod list_page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use form_page::{StaffServiceEditPage, StaffServiceNewPage};
pub use form_view::values_of as form_view_values;
pub use history_page::StaffServiceHistoryPage;
pub use list_page::StaffServicesPage;

use super::Access;
use crate::error::AppError;
use crate::i18n::{Localized, MaybeLocalized, MessageSet};
use crate::kernel::geo::Country;
use crate::kernel::validate::Length;
use crate::workflow::Publication;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const LANGUAGES: [&str; 4] = crate::i18n::SPOKEN;
/// Bilingual text fields of the form, each with a value per language and a
/// machine-translation flag per language.
pub const TEXT_FIELDS: [&str; 3] = ["name", "description", "accessibility"];
pub const PER_PAGE: usize = 50;

/// The fields of the form that a post can get wrong (each with its
/// `staff-error-field-…` message; the coordinates and hours have their own).
pub const FORM_FIELDS: [&str; 18] = [
    "name_nl",
    "name_fr",
    "description_nl",
    "description_fr",
    "accessibility_nl",
    "accessibility_fr",
    "category",
    "municipality",
    "address",
    "lat",
    "lon",
    "phone",
    "email",
    "website",
    "opening_hours",
    "access_who",
    "access_note",
    "action",
];
/// What to change in a wrong field.
pub const FIELD_ERRORS: MessageSet = MessageSet::new("staff-error-field-", || FORM_FIELDS.to_vec());
/// The labels of the form's fields.
pub const FIELD_LABELS: MessageSet = MessageSet::new("staff-field-", || {
    vec![
        "name",
        "description",
        "accessibility",
        "address",
        "lat",
        "lon",
        "phone",
        "email",
        "website",
        "languages",
        "opening_hours",
        "access",
        "access_who",
        "access_note",
    ]
});
/// Whose residents may use a service: "", "BE", "FR", "both".
pub const ACCESS_CHOICES: [&str; 4] = ["", "BE", "FR", "both"];
/// "Not known", "Residents of Belgium", …
pub const ACCESS_MESSAGES: MessageSet =
    MessageSet::new("staff-access-", || vec!["unknown", "BE", "FR", "both"]);

/// A service as staff see it: every field, whatever its status. Its JSON is the open
/// data API's service format plus the workflow fields, so exports read back as imports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StaffService {
    pub id: String,
    pub name: MaybeLocalized,
    #[serde(default)]
    pub description: MaybeLocalized,
    pub category: String,
    pub municipality_code: String,
    /// The country of its municipality (None until one is chosen).
    pub country: Option<Country>,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(default)]
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub opening_hours: Option<String>,
    pub access: Option<Access>,
    #[serde(default)]
    pub accessibility: MaybeLocalized,
    /// "name.fr", "description.nl", ...: values that a machine translated.
    #[serde(default)]
    pub machine_translated: Vec<String>,
    pub status: Publication,
    pub assured_date: Option<String>,
    #[serde(default)]
    pub revision: i64,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub is_sample: bool,
    pub location_check: Option<String>,
    pub updated_at: Option<String>,
}

impl StaffService {
    /// Both languages' name and description: what publishing needs.
    pub fn complete(&self) -> bool {
        self.name.nl.is_some()
            && self.name.fr.is_some()
            && self.description.nl.is_some()
            && self.description.fr.is_some()
    }

    /// The fields an audit entry compares, as text ("" when absent).
    pub fn flat(&self) -> BTreeMap<String, String> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let num = |v: Option<f64>| v.map(|v| format!("{v:.5}")).unwrap_or_default();
        let access = self.access.as_ref();
        BTreeMap::from([
            ("name.nl", text(&self.name.nl)),
            ("name.fr", text(&self.name.fr)),
            ("description.nl", text(&self.description.nl)),
            ("description.fr", text(&self.description.fr)),
            ("category", self.category.clone()),
            ("municipality", self.municipality_code.clone()),
            ("address", text(&self.address)),
            ("lat", num(self.lat)),
            ("lon", num(self.lon)),
            ("phone", self.phones.join("; ")),
            ("email", text(&self.email)),
            ("website", text(&self.website)),
            ("languages", self.languages.join(", ")),
            ("opening_hours", text(&self.opening_hours)),
            (
                "access.who",
                access.map(|a| a.who.clone()).unwrap_or_default(),
            ),
            (
                "access.note.nl",
                access
                    .and_then(|a| a.note.as_ref())
                    .map(|n| n.nl.clone())
                    .unwrap_or_default(),
            ),
            (
                "access.note.fr",
                access
                    .and_then(|a| a.note.as_ref())
                    .map(|n| n.fr.clone())
                    .unwrap_or_default(),
            ),
            ("accessibility.nl", text(&self.accessibility.nl)),
            ("accessibility.fr", text(&self.accessibility.fr)),
            ("machine_translated", self.machine_translated.join(", ")),
            ("status", self.status.code().to_owned()),
            ("assured_date", text(&self.assured_date)),
            ("location_check", text(&self.location_check)),
        ])
        .into_iter()
        .map(|(field, text)| (field.to_owned(), text))
        .collect()
    }
}

/// One row of the staff list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffRow {
    pub id: String,
    pub name: MaybeLocalized,
    pub category: String,
    pub municipality_code: String,
    pub municipality_name: Localized,
    pub status: Publication,
    pub assured_date: Option<String>,
    pub missing_translation: bool,
    pub overdue: bool,
    pub is_sample: bool,
}

crate::url_query! {
    /// The staff list's filters, as in its URL.
    pub struct StaffQuery {
        q,
        status,
        municipality,
        category,
        /// Not verified for more than this many months ("" = any).
        overdue,
        /// "1": a name or description lacks a language.
        untranslated,
        page,
    }
}

impl StaffQuery {
    /// Months for the overdue filter, or the field at fault.
    pub fn overdue_months(&self) -> Result<Option<u32>, AppError> {
        match self.overdue.as_str() {
            "" => Ok(None),
            m => m
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=120).contains(m))
                .map(Some)
                .ok_or_else(|| AppError::BadRequest("overdue".into())),
        }
    }

    pub fn page_number(&self) -> Result<usize, AppError> {
        match self.page.as_str() {
            "" => Ok(1),
            p => p
                .parse::<usize>()
                .ok()
                .filter(|p| (1..=10_000).contains(p))
                .ok_or_else(|| AppError::BadRequest("page".into())),
        }
    }

    pub fn validate(&self) -> Result<(), AppError> {
        if !self.status.is_empty() && Publication::from_code(&self.status).is_none() {
            return Err(AppError::BadRequest("status".into()));
        }
        if !self.municipality.is_empty()
            && !crate::kernel::validate::is_municipality_code(&self.municipality)
        {
            return Err(AppError::BadRequest("municipality".into()));
        }
        if Length::Query.exceeded_by(&self.q) {
            return Err(AppError::BadRequest("q".into()));
        }
        if !matches!(self.untranslated.as_str(), "" | "1") {
            return Err(AppError::BadRequest("untranslated".into()));
        }
        self.overdue_months()?;
        self.page_number()?;
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffList {
    pub rows: Vec<StaffRow>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub options: EditOptions,
}

/// What the form's choices are: the taxonomy and the municipalities the account may use.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditOptions {
    pub categories: Vec<(String, Localized)>,
    pub municipalities: Vec<MunicipalityOption>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityOption {
    pub code: String,
    pub name: Localized,
    pub country: Country,
    /// The centre, for "use the municipality's location".
    pub lat: f64,
    pub lon: f64,
}

/// The edit page: the service (None for a new one), the form values to show (the
/// service's, or what was typed before an error), and the choices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditPage {
    pub service: Option<StaffService>,
    pub options: EditOptions,
    /// The workflow actions this account may take on it (the form's buttons).
    pub actions: Vec<crate::workflow::Action>,
}

#[server]
pub async fn staff_services(query: StaffQuery) -> Result<StaffList, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    query.validate()?;
    repo::list(&db, &session.staff, &query).await
}

#[server]
pub async fn load_staff_service(id: Option<String>) -> Result<EditPage, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    let options = repo::options(&db, &session.staff).await?;
    let service = match id {
        Some(id) => {
            let service = repo::load(&db, &id).await?.ok_or(AppError::NotFound)?;
            crate::auth::guard::municipality(&session, &service.municipality_code)?;
            Some(service)
        }
        None => None,
    };
    let from = service.as_ref().map(|s| s.status);
    let actions = crate::workflow::actions(session.staff.role, from, &form::ACTIONS);
    Ok(EditPage {
        service,
        options,
        actions,
    })
}

#[server]
pub async fn service_history(
    id: String,
) -> Result<(StaffService, Vec<crate::workflow::AuditEntry>), AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    let service = repo::load(&db, &id).await?.ok_or(AppError::NotFound)?;
    crate::auth::guard::municipality(&session, &service.municipality_code)?;
    let entries = crate::workflow::store::history(&db, &format!("service:{id}")).await?;
    Ok((service, entries))
}

/// Saves the form (create or edit) with one of the workflow actions: `save`, `publish`,
/// `unpublish`, `archive`, `restore` (admins), `verify`. Answers with a redirect: to the
/// service on success, back to the form with the fields at fault otherwise.
#[server]
pub async fn save_service(f: BTreeMap<String, String>) -> Result<(), AppError> {
    form::submit(&crate::db::use_db()?, f).await
}
