//! Checking and writing an import (server only). Each record is checked by the service
//! form's own rules (`form::read`), and written through the one write path of services
//! (`repo::write_all`): every record and its audit entry in one transaction.

use super::parse::{parse, Format, Row};
use super::{pending, ImportError, ImportReport, UploadData};
use crate::auth::{flash_and_redirect, form_session, guard, Flash, Role, Staff};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::kernel::geo::Country;
use crate::kernel::query::query_string;
use crate::routes::Page;
use crate::services::edit::{form, form_view_values, repo, StaffService};
use crate::workflow::{self, Action, Publication};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The action of an import's audit entries.
pub const ACTION: crate::workflow::AuditAction = crate::workflow::AuditAction::Import;
/// The source of a created service whose record names none.
const DEFAULT_SOURCE: &str = "Grensdiensten import";

/// How far a long import is: records checked so far, then the one write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Checked(usize, usize),
    Writing(usize),
}

/// What records are checked against: the taxonomy, and every municipality's country.
pub struct Reference {
    pub categories: HashSet<String>,
    pub countries: HashMap<String, Country>,
}

impl Reference {
    pub async fn load(db: &Db) -> Result<Reference, AppError> {
        let everyone = Staff {
            id: String::new(),
            email: String::new(),
            role: Role::Admin,
            municipalities: vec![],
        };
        let options = repo::options(db, &everyone).await?;
        Ok(Reference {
            categories: options.categories.into_iter().map(|(c, _)| c).collect(),
            countries: options
                .municipalities
                .into_iter()
                .map(|m| (m.code, m.country))
                .collect(),
        })
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 0.000_005_1,
        (None, None) => true,
        _ => false,
    }
}

/// The form rounds coordinates to 1 m; the file's (or the stored) digits are kept when
/// they round to the same point, so that a restore changes nothing.
fn keep_precision(
    service: &mut StaffService,
    given: Option<(f64, f64)>,
    stored: Option<&StaffService>,
) {
    let exact = given
        .map(|(lat, lon)| (Some(lat), Some(lon)))
        .or_else(|| stored.map(|s| (s.lat, s.lon)));
    if let Some((lat, lon)) = exact {
        if close(service.lat, lat) && close(service.lon, lon) {
            (service.lat, service.lon) = (lat, lon);
        }
    }
}

/// The languages in the order given (the file's, else the stored one), when they are
/// the ones the form read.
fn keep_order(languages: &mut Vec<String>, given: &[String]) {
    let sorted = |l: &[String]| {
        let mut l = l.to_vec();
        l.sort();
        l
    };
    if sorted(languages) == sorted(given) {
        *languages = given.to_vec();
    }
}

/// One record checked: the service to store, or its wrong fields (the form's names).
pub fn check_row(
    row: &Row,
    stored: Option<&StaffService>,
    reference: &Reference,
) -> Result<StaffService, Vec<String>> {
    if !row.errors.is_empty() {
        return Err(row.errors.clone());
    }
    let mut errors: Vec<String> = vec![];
    if row
        .id
        .as_deref()
        .is_some_and(|id| !crate::kernel::validate::is_service_id(id))
    {
        errors.push("id".into());
    }
    // A CSV row's missing columns keep the stored values.
    let mut fields: BTreeMap<String, String> = match (&row.record, stored) {
        (None, Some(stored)) => form_view_values(stored),
        _ => BTreeMap::new(),
    };
    fields.extend(row.fields.clone());
    fields.insert("hours_mode".into(), "raw".into());
    let base = row
        .record
        .clone()
        .or_else(|| stored.cloned())
        .unwrap_or_default();
    let fields = crate::kernel::posted::Posted::new(fields);
    let value = |k: &str| fields.text(k);
    if !reference.categories.contains(value("category")) {
        errors.push("category".into());
    }
    let country = reference.countries.get(value("municipality"));
    if row
        .country
        .as_ref()
        .is_some_and(|c| country.is_some_and(|country| country.code() != c))
    {
        errors.push("country".into());
    }
    let target = match &row.status {
        Some(status) => Publication::from_code(status),
        None => Some(base.status),
    };
    if target.is_none() {
        errors.push("status".into());
    }
    if base
        .assured_date
        .as_deref()
        .is_some_and(|d| chrono::DateTime::parse_from_rfc3339(d).is_err())
    {
        errors.push("assured_date".into());
    }
    let country_of = |code: &str| reference.countries.get(code).copied();
    let mut service = match form::read(&fields, &base, country_of) {
        Ok(service) if errors.is_empty() => service,
        Ok(_) => return Err(errors),
        Err(wrong) => {
            errors.extend(wrong);
            return Err(errors);
        }
    };
    // New and stored records pass the same rules: the workflow's table (an admin's
    // steps to the status asked for) and what publishing needs.
    let target = target.unwrap_or(Publication::Draft);
    let from = stored.map(|s| s.status);
    let steps =
        workflow::route(Role::Admin, from, target).ok_or_else(|| vec!["status".to_owned()])?;
    let last = steps.last().copied().unwrap_or(Action::Save);
    let missing = form::missing_texts(last, target, stored, &service);
    if !missing.is_empty() {
        return Err(missing);
    }
    if let Some(stored) = stored {
        let moved = stored.municipality_code != service.municipality_code
            || !close(stored.lat, service.lat)
            || !close(stored.lon, service.lon);
        if moved {
            service.location_check = None;
        }
    }
    service.status = target;
    if let Some(source) = &row.source {
        service.source = source.clone();
    }
    if service.source.is_empty() {
        service.source = DEFAULT_SOURCE.into();
    }
    keep_precision(&mut service, row.point, stored);
    if let Some(given) = row.languages.as_ref().or(stored.map(|s| &s.languages)) {
        keep_order(&mut service.languages, given);
    }
    Ok(service)
}

/// A file checked: its report, and what to write when it has no error.
pub struct Checked {
    pub report: ImportReport,
    pub writes: Vec<crate::workflow::store::Write>,
}

pub async fn check(
    db: &Db,
    rows: Vec<Row>,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<Checked, AppError> {
    let reference = Reference::load(db).await?;
    let ids: Vec<String> = rows.iter().filter_map(|r| r.id.clone()).collect();
    let stored: HashMap<String, StaffService> = repo::load_many(db, &ids)
        .await?
        .into_iter()
        .map(|s| (s.id.clone(), s))
        .collect();
    let mut report = ImportReport::default();
    let mut writes = vec![];
    let mut seen: HashSet<String> = HashSet::new();
    let total = rows.len();
    for (done, row) in rows.iter().enumerate() {
        if done % 500 == 0 {
            progress(Progress::Checked(done, total));
        }
        let current = row.id.as_ref().and_then(|id| stored.get(id));
        let outcome = check_row(row, current, &reference).and_then(|service| {
            let id = row.id.clone().unwrap_or_else(|| repo::new_id(&service));
            if seen.insert(id.clone()) {
                Ok((id, service))
            } else {
                Err(vec!["duplicate".into()])
            }
        });
        let (id, mut service) = match outcome {
            Ok(ok) => ok,
            Err(mut fields) => {
                let mut unique = HashSet::new();
                fields.retain(|f| unique.insert(f.clone()));
                report.errors.push(ImportError {
                    line: row.line,
                    fields,
                });
                continue;
            }
        };
        service.id = id.clone();
        let changes = repo::changes(current, &service);
        match current {
            Some(c) if changes.is_empty() && c.is_sample == service.is_sample => {
                report.unchanged += 1;
                continue;
            }
            Some(_) => report.update += 1,
            None => report.create += 1,
        }
        writes.push(repo::write_of(
            id,
            current.map(|c| c.revision),
            &service,
            ACTION,
            changes,
        ));
    }
    progress(Progress::Checked(total, total));
    Ok(Checked { report, writes })
}

/// Reads, checks and (with `commit`, when no record has an error) writes a file.
pub async fn run(
    db: &Db,
    format: Format,
    bytes: &[u8],
    actor: &str,
    commit: bool,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<ImportReport, AppError> {
    let rows = match parse(format, bytes) {
        Ok(rows) => rows,
        Err(error) => {
            return Ok(ImportReport {
                errors: vec![error],
                ..Default::default()
            })
        }
    };
    let checked = check(db, rows, progress).await?;
    if commit && checked.report.errors.is_empty() && !checked.writes.is_empty() {
        progress(Progress::Writing(checked.writes.len()));
        repo::write_all(db, actor, &checked.writes).await?;
    }
    Ok(checked.report)
}

/// The upload form's post: a dry run, kept for the commit; see `import_upload`.
pub async fn upload(db: &Db, upload: UploadData) -> Result<(), AppError> {
    let lang = Lang::from_code(upload.field("lang")).unwrap_or(Lang::Nl);
    let page = Page::StaffData.path(lang);
    let Some(session) = form_session(db, upload.field("csrf"), lang, &page).await? else {
        return Ok(());
    };
    guard::admin(&session)?;
    let refused = if upload.bytes.is_empty() {
        Some("staff-data-error-empty")
    } else if Format::of(&upload.file_name).is_none() {
        Some("staff-data-error-format")
    } else {
        None
    };
    let format = match (refused, Format::of(&upload.file_name)) {
        (None, Some(format)) => format,
        (refused, _) => {
            let flash = Flash::error(refused.unwrap_or("staff-data-error-format"));
            return flash_and_redirect(db, &session.id, &flash, &page).await;
        }
    };
    let report = run(
        db,
        format,
        &upload.bytes,
        &session.staff.email,
        false,
        &mut |_| {},
    )
    .await?;
    let bytes = report.errors.is_empty().then_some(upload.bytes);
    let token = pending::keep(db, &session.staff.id, &upload.file_name, bytes, report).await?;
    crate::components::redirect_to(&format!(
        "{page}{}",
        query_string([("import", token.as_str())])
    ));
    Ok(())
}

/// The commit button's post; see `import_commit`.
pub async fn commit_upload(db: &Db, lang: Lang, csrf: &str, token: &str) -> Result<(), AppError> {
    let page = Page::StaffData.path(lang);
    let Some(session) = form_session(db, csrf, lang, &page).await? else {
        return Ok(());
    };
    guard::admin(&session)?;
    let owner = &session.staff.id;
    let before = pending::view(db, token, owner).await?;
    let (Some(before), Some((file_name, bytes))) = (before, pending::take(db, token, owner).await?)
    else {
        let flash = Flash::error("staff-data-error-expired");
        return flash_and_redirect(db, &session.id, &flash, &page).await;
    };
    let back = format!("{page}{}", query_string([("import", token)]));
    let format = Format::of(&file_name).ok_or_else(|| AppError::BadRequest("file".into()))?;
    let outcome = run(db, format, &bytes, &session.staff.email, true, &mut |_| {}).await;
    let flash = match outcome {
        Ok(report) if report.errors.is_empty() => {
            pending::settle(db, token, owner, &report, true, None).await?;
            Flash::notice("staff-data-committed")
        }
        Ok(report) => {
            pending::settle(db, token, owner, &report, false, None).await?;
            Flash::error("staff-data-error-changed")
        }
        Err(AppError::Conflict(_)) => {
            pending::settle(db, token, owner, &before.report, false, Some(bytes)).await?;
            Flash::error("staff-data-error-stale")
        }
        Err(error) => {
            pending::settle(db, token, owner, &before.report, false, Some(bytes)).await?;
            return Err(error);
        }
    };
    flash_and_redirect(db, &session.id, &flash, &back).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::parse::{parse, Format};

    fn reference() -> Reference {
        Reference {
            categories: ["library".to_owned()].into(),
            countries: [
                ("33011", Country::Be),
                ("57096", Country::Be),
                ("59350", Country::Fr),
            ]
            .map(|(c, k)| (c.to_owned(), k))
            .into(),
        }
    }

    fn rows(csv: &str) -> Vec<Row> {
        parse(Format::Csv, csv.as_bytes()).unwrap()
    }

    fn stored() -> StaffService {
        StaffService {
            id: "bib-moeskroen".into(),
            name: crate::i18n::MaybeLocalized {
                nl: Some("Bibliotheek".into()),
                fr: Some("Bibliothèque".into()),
            },
            description: crate::i18n::MaybeLocalized {
                nl: Some("Boeken".into()),
                fr: Some("Livres".into()),
            },
            category: "library".into(),
            municipality_code: "57096".into(),
            country: Some(Country::Be),
            lat: Some(50.744_123),
            lon: Some(3.214_567),
            languages: vec!["fr".into(), "nl".into()],
            phones: vec!["056 86 06 00".into()],
            status: Publication::Published,
            source: "seed".into(),
            revision: 3,
            ..Default::default()
        }
    }

    #[test]
    fn a_csv_row_updates_only_its_columns_and_keeps_precision_and_order() {
        let row =
            &rows("id,category,name_nl,municipality_code\nbib-moeskroen,library,Bib,57096\n")[0];
        let service = check_row(row, Some(&stored()), &reference()).unwrap();
        assert_eq!(service.name.nl.as_deref(), Some("Bib"));
        assert_eq!(service.name.fr.as_deref(), Some("Bibliothèque"));
        assert_eq!(service.phones, ["056 86 06 00"]);
        assert_eq!(
            (service.lat, service.lon),
            (Some(50.744_123), Some(3.214_567))
        );
        assert_eq!(service.languages, ["fr", "nl"]);
        assert_eq!(service.status, Publication::Published);
        assert_eq!(service.source, "seed");
    }

    #[test]
    fn the_forms_rules_and_the_imports_own_are_checked() {
        let csv = "country,category,name_nl,municipality_code,phone,status,lat,lon\n\
                   FR,library,Bib,33011,call us,done,50.85,\n\
                   BE,museum,Bib,99999,,draft,,\n";
        let found: Vec<Vec<String>> = rows(csv)
            .iter()
            .map(|r| check_row(r, None, &reference()).unwrap_err())
            .collect();
        assert_eq!(found[0], ["country", "status", "lon", "phone"]);
        assert_eq!(found[1], ["category", "municipality"]);
    }

    #[test]
    fn a_new_record_is_a_draft_unless_it_says_otherwise() {
        let csv =
            "category,name_nl,name_fr,description_nl,description_fr,municipality_code,status\n\
                   library,Bib,,,,59350,\n\
                   library,Bib,Bib,Boeken,Livres,59350,published\n\
                   library,Bib,,,,59350,archived\n";
        let rows = rows(csv);
        let draft = check_row(&rows[0], None, &reference()).unwrap();
        assert_eq!(
            (draft.status, draft.country),
            (Publication::Draft, Some(Country::Fr))
        );
        assert_eq!(draft.source, DEFAULT_SOURCE);
        assert_eq!(
            check_row(&rows[1], None, &reference()).unwrap().status,
            Publication::Published
        );
        assert_eq!(
            check_row(&rows[2], None, &reference()).unwrap().status,
            Publication::Archived
        );
    }

    #[test]
    fn a_new_record_is_published_only_with_both_languages() {
        // The attack test's row: new, published, a Dutch name and nothing else.
        let csv = "category,name_nl,municipality_code,status\nlibrary,Bib,59350,published\n";
        assert_eq!(
            check_row(&rows(csv)[0], None, &reference()).unwrap_err(),
            ["name_fr", "description_nl", "description_fr"]
        );
    }

    #[test]
    fn status_changes_follow_the_workflow() {
        // Publishing a stored draft needs both languages' name and description.
        let draft = StaffService {
            status: Publication::Draft,
            description: Default::default(),
            ..stored()
        };
        let csv = "id,category,name_nl,municipality_code,status\nbib-moeskroen,library,Bib,57096,published\n";
        let row = &rows(csv)[0];
        assert_eq!(
            check_row(row, Some(&draft), &reference()).unwrap_err(),
            ["description_nl", "description_fr"]
        );
        let archive = "id,category,name_nl,municipality_code,status\nbib-moeskroen,library,Bib,57096,archived\n";
        let archived = check_row(&rows(archive)[0], Some(&stored()), &reference()).unwrap();
        assert_eq!(archived.status, Publication::Archived);
        // An admin's import may take a record out of the archive (as "restore" would).
        let restore = "id,category,name_nl,municipality_code,status\nbib-moeskroen,library,Bib,57096,published\n";
        let archived = StaffService {
            status: Publication::Archived,
            ..stored()
        };
        let back = check_row(&rows(restore)[0], Some(&archived), &reference()).unwrap();
        assert_eq!(back.status, Publication::Published);
    }
}
