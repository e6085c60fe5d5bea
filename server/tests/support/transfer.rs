//! Files to import: the services file's header, a new service, a file mixing a new, an
//! updated, an unchanged and bad rows; the inventory's totals to compare before and after.

use super::fixtures::count;
use super::staff::service_in;
use app::db::Db;
use app::services::edit::{repo, StaffService};
use app::transfer::export::services_csv;
use app::transfer::import::Progress;

/// The header of a services file (the columns of the CSV import).
pub const HEADER: &str = "id,status,country,category,name_fr,name_nl,description_nl,description_fr,municipality_code,address,lat,lon,phone,email,website,opening_hours,source";
/// A new published service in Ieper, complete in both languages.
pub const NEW: &str = "grensbibliotheek-ieper,published,BE,culture,Bibliothèque frontalière,Grensbibliotheek Ieper,Boeken lenen over de grens heen,Emprunter des livres par-delà la frontière,33011,Grote Markt 1,50.851234,2.885,,,,Mo-Fr 09:00-17:00; PH off,test";

/// Services, audit entries and the sum of the services' revisions.
pub async fn totals(db: &Db) -> (i64, i64, i64) {
    (
        count(db, "RETURN count(SELECT VALUE id FROM service)").await,
        count(db, "RETURN count(SELECT VALUE id FROM audit)").await,
        count(
            db,
            "RETURN math::sum(SELECT VALUE revision ?? 0 FROM service)",
        )
        .await,
    )
}

/// An existing service's row as the export writes it, with `edit` applied.
async fn exported_row(db: &Db, code: &str, edit: impl Fn(&mut StaffService)) -> String {
    let id = service_in(db, code).await;
    let mut service = repo::load(db, &id).await.unwrap().unwrap();
    edit(&mut service);
    let csv = String::from_utf8(services_csv(&[service]).unwrap()).unwrap();
    let mut lines = csv.splitn(2, '\n');
    let header = lines.next().unwrap();
    // The export has a few more columns than this file's header: keep this file's.
    let columns: Vec<&str> = header.split(',').collect();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    let mut writer = csv::Writer::from_writer(vec![]);
    let wanted: Vec<&str> = HEADER
        .split(',')
        .map(|c| &record[columns.iter().position(|h| h == &c).unwrap()])
        .collect();
    writer.write_record(wanted).unwrap();
    String::from_utf8(writer.into_inner().unwrap())
        .unwrap()
        .trim_end()
        .to_owned()
}

/// Header (line 1), a new service (2), an update (3), an unchanged row (4), two bad rows
/// (5; 6-7 with a quoted line break).
pub async fn mixed_file(db: &Db) -> String {
    let update = exported_row(db, "33011", |s| {
        s.phones = vec!["+32 57 00 00 00".into(), "+32 57 00 00 01".into()]
    })
    .await;
    let unchanged = exported_row(db, "59350", |_| {}).await;
    [
        HEADER.to_owned(),
        NEW.to_owned(),
        update,
        unchanged,
        ",draft,BE,culture,,Nergensbibliotheek,,,99999,,,,call us,,,,test".to_owned(),
        ",,BE,culture,,Bib,,,33011,\"Markt 1,\nIeper\",,,,not-an-email,,,test".to_owned(),
    ]
    .join("\n")
}

/// An import's progress, not reported.
pub fn quiet() -> impl FnMut(Progress) + Send {
    |_| {}
}
