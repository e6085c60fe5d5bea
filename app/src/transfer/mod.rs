//! Import and export of the inventory (admins only): services from CSV (the seed's
//! columns) or JSON (the staff format, `StaffService`), checked row by row with the
//! service form's own rules, previewed as a dry run, then written all or nothing in one
//! transaction with an audit entry per record; and the export of everything as JSON, CSV
//! and GeoJSON, which an import into an empty database reads back.

#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod import;
mod page;
#[cfg(feature = "ssr")]
pub mod parse;
#[cfg(feature = "ssr")]
pub mod pending;
mod upload;

pub use page::StaffDataPage;
pub use upload::{Upload, UploadData};

use crate::error::AppError;
use crate::i18n::MessageSet;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The largest file the upload takes (10 000 services as JSON are about 6 MB).
pub const MAX_UPLOAD_BYTES: usize = 20 * 1024 * 1024;

/// Where the export's files are downloaded (admins only): `{EXPORT_PATH}services.json`, ...
pub const EXPORT_PATH: &str = "/api/v1/staff/export/";

/// The files of an export, as `server export DIR` writes them and the page links them.
pub const EXPORT_FILES: [&str; 9] = [
    "services.json",
    "services.csv",
    "services.geojson",
    "municipalities.json",
    "clusters.json",
    "projects.json",
    "events.json",
    "practices.json",
    "contacts.json",
];

/// What an import would do (dry run) or did (commit).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub create: usize,
    pub update: usize,
    pub unchanged: usize,
    pub errors: Vec<ImportError>,
}

impl ImportReport {
    /// The records read, with or without errors.
    pub fn rows(&self) -> usize {
        self.create + self.update + self.unchanged + self.errors.len()
    }
}

/// The fields at fault in one record: `line` is the file's line for CSV (the header is
/// line 1), the record's position for JSON (the first is 1); `fields` are the service
/// form's field names, or one of `ERROR_CODES`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Errors of the import's own (`staff-data-error-…`), beside the form's field names.
pub const ERROR_CODES: [&str; 9] = [
    "file",
    "columns",
    "record",
    "id",
    "duplicate",
    "status",
    "assured_date",
    "country",
    "languages",
];

/// The messages of the import's own errors.
pub const DATA_ERRORS: MessageSet = MessageSet::new("staff-data-error-", || ERROR_CODES.to_vec());

/// The message that explains an error field, in the words of the form where it has one.
pub fn error_message_id(field: &str) -> String {
    use crate::services::edit::FIELD_ERRORS;
    use crate::staff::location_picker::{COORDINATES, LOCATION_ERRORS};
    if COORDINATES.contains(&field) {
        LOCATION_ERRORS.id(field)
    } else if ERROR_CODES.contains(&field) {
        DATA_ERRORS.id(field)
    } else {
        FIELD_ERRORS.id(field)
    }
}

/// The files' descriptions: `staff-data-export-services-json`, … (a file's name with
/// `-` for `.`).
pub const EXPORT_MESSAGES: MessageSet = MessageSet::new("staff-data-export-", || {
    vec![
        "services-json",
        "services-csv",
        "services-geojson",
        "municipalities-json",
        "clusters-json",
        "projects-json",
        "events-json",
        "practices-json",
        "contacts-json",
    ]
});

/// The description of an export file.
pub fn export_message_id(name: &str) -> String {
    EXPORT_MESSAGES.id(&name.replace('.', "-"))
}

/// An upload as the page shows it: its report, and whether it has been written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportView {
    pub token: String,
    pub file_name: String,
    pub report: ImportReport,
    pub committed: bool,
}

/// The checked upload behind `token` (the uploader's own, while it is kept).
#[server]
pub async fn import_preview(token: String) -> Result<ImportView, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    crate::auth::guard::admin(&session)?;
    pending::view(&db, &token, &session.staff.id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Checks an uploaded file (a dry run: nothing is written) and shows its report; see
/// `Upload` for the form it takes.
#[server(input = Upload, input_derive = (Clone,))]
pub async fn import_upload(upload: UploadData) -> Result<(), AppError> {
    import::upload(&crate::db::use_db()?, upload).await
}

/// Writes the checked upload behind `token`, all or nothing.
#[server]
pub async fn import_commit(
    lang: crate::i18n::Lang,
    csrf: String,
    token: String,
) -> Result<(), AppError> {
    import::commit_upload(&crate::db::use_db()?, lang, &csrf, &token).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{translate, Lang};

    #[test]
    fn every_error_field_and_file_has_its_message() {
        for field in crate::services::edit::FORM_FIELDS
            .into_iter()
            .chain(ERROR_CODES)
        {
            for lang in Lang::ALL {
                let id = error_message_id(field);
                assert_ne!(translate(lang, &id, None), id, "{field} in {lang:?}");
            }
        }
        let described: Vec<String> = EXPORT_FILES.iter().map(|f| export_message_id(f)).collect();
        assert_eq!(described, EXPORT_MESSAGES.ids());
    }
}
