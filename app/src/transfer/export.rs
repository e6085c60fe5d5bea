//! The export of everything (server only): services in the staff format (drafts and
//! archived ones too) as JSON, CSV and GeoJSON, and the reference and cooperation
//! records (with good practices and municipality contacts, drafts included) as JSON,
//! their links written as plain ids.

use super::EXPORT_FILES;
use crate::db::{rows, Db};
use crate::error::AppError;
use crate::services::edit::{repo, StaffService};
use serde_json::{json, Value};

/// Everything the export holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bundle {
    pub services: Vec<StaffService>,
    pub municipalities: Vec<Value>,
    pub clusters: Vec<Value>,
    pub projects: Vec<Value>,
    pub events: Vec<Value>,
    pub practices: Vec<Value>,
    pub contacts: Vec<Value>,
}

const MUNICIPALITIES: &str = "SELECT *, record::id(id) AS id,
    (IF epci THEN record::id(epci) ELSE NONE END) AS epci
    FROM municipality ORDER BY id";
const CLUSTERS: &str = "SELECT *, record::id(id) AS id,
    array::sort((<-member_of<-municipality).code) AS member_codes
    FROM cluster ORDER BY id";
const PROJECTS: &str = "SELECT *, record::id(id) AS id,
    (IF lead_partner THEN record::id(lead_partner) ELSE NONE END) AS lead_partner,
    partners.map(|$p| { org: record::id($p.org), role: $p.role }) AS partners,
    municipalities.map(|$m| record::id($m)) AS municipalities,
    (IF parent THEN record::id(parent) ELSE NONE END) AS parent
    FROM project ORDER BY id";
const EVENTS: &str = "SELECT *, record::id(id) AS id,
    (IF project THEN record::id(project) ELSE NONE END) AS project,
    (IF organiser THEN record::id(organiser) ELSE NONE END) AS organiser
    FROM event ORDER BY id";

const PRACTICES: &str = "SELECT *, record::id(id) AS id,
    municipalities.map(|$m| record::id($m)) AS municipalities,
    (IF project THEN record::id(project) ELSE NONE END) AS project,
    (IF event THEN record::id(event) ELSE NONE END) AS event
    FROM practice ORDER BY id";
const CONTACTS: &str = "SELECT *, record::id(id) AS id, record::id(municipality) AS municipality
    FROM contact ORDER BY id";

async fn select(db: &Db, sql: &str) -> Result<Vec<Value>, AppError> {
    let mut response = db.query(sql).await?;
    rows(&mut response, 0)
}

pub async fn export_all(db: &Db) -> Result<Bundle, AppError> {
    Ok(Bundle {
        services: repo::all(db).await?,
        municipalities: select(db, MUNICIPALITIES).await?,
        clusters: select(db, CLUSTERS).await?,
        projects: select(db, PROJECTS).await?,
        events: select(db, EVENTS).await?,
        practices: select(db, PRACTICES).await?,
        contacts: select(db, CONTACTS).await?,
    })
}

/// One file of the export, read for itself (the download of one link): its media type
/// and bytes, or None for a name that is not one of `EXPORT_FILES`.
pub async fn file(db: &Db, name: &str) -> Result<Option<(&'static str, Vec<u8>)>, AppError> {
    let bundle = match name {
        "services.json" | "services.csv" | "services.geojson" => Bundle {
            services: repo::all(db).await?,
            ..Default::default()
        },
        "municipalities.json" => Bundle {
            municipalities: select(db, MUNICIPALITIES).await?,
            ..Default::default()
        },
        "clusters.json" => Bundle {
            clusters: select(db, CLUSTERS).await?,
            ..Default::default()
        },
        "projects.json" => Bundle {
            projects: select(db, PROJECTS).await?,
            ..Default::default()
        },
        "events.json" => Bundle {
            events: select(db, EVENTS).await?,
            ..Default::default()
        },
        "practices.json" => Bundle {
            practices: select(db, PRACTICES).await?,
            ..Default::default()
        },
        "contacts.json" => Bundle {
            contacts: select(db, CONTACTS).await?,
            ..Default::default()
        },
        _ => return Ok(None),
    };
    bundle.file(name).map(Some)
}

impl Bundle {
    /// The file `name` (one of `EXPORT_FILES`): its media type and bytes.
    pub fn file(&self, name: &str) -> Result<(&'static str, Vec<u8>), AppError> {
        let json = |key: &str, rows: &[Value]| -> Result<_, AppError> {
            Ok((
                "application/json",
                serde_json::to_vec_pretty(&json!({ key: rows }))?,
            ))
        };
        match name {
            "services.json" => Ok((
                "application/json",
                serde_json::to_vec_pretty(&json!({ "services": self.services }))?,
            )),
            "services.csv" => Ok(("text/csv; charset=utf-8", services_csv(&self.services)?)),
            "services.geojson" => Ok((
                "application/geo+json",
                serde_json::to_vec(&services_geojson(&self.services))?,
            )),
            "municipalities.json" => json("municipalities", &self.municipalities),
            "clusters.json" => json("clusters", &self.clusters),
            "projects.json" => json("projects", &self.projects),
            "events.json" => json("events", &self.events),
            "practices.json" => json("practices", &self.practices),
            "contacts.json" => json("contacts", &self.contacts),
            _ => Err(AppError::NotFound),
        }
    }

    /// Every file of the export, in `EXPORT_FILES` order.
    pub fn files(&self) -> Result<Vec<(&'static str, Vec<u8>)>, AppError> {
        EXPORT_FILES
            .iter()
            .map(|name| Ok((*name, self.file(name)?.1)))
            .collect()
    }
}

/// The CSV's columns: the seed's, with the id, the status, the descriptions and the
/// languages spoken; an import reads them back.
pub const CSV_COLUMNS: [&str; 18] = [
    "id",
    "status",
    "country",
    "category",
    "name_fr",
    "name_nl",
    "municipality_code",
    "address",
    "lat",
    "lon",
    "phone",
    "email",
    "website",
    "opening_hours",
    "source",
    "description_nl",
    "description_fr",
    "languages",
];

fn csv_row(s: &StaffService) -> [String; 18] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let number = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
    [
        s.id.clone(),
        s.status.code().to_owned(),
        s.country.map(|c| c.code().to_owned()).unwrap_or_default(),
        s.category.clone(),
        text(&s.name.fr),
        text(&s.name.nl),
        s.municipality_code.clone(),
        text(&s.address),
        number(s.lat),
        number(s.lon),
        s.phones.join("; "),
        text(&s.email),
        text(&s.website),
        text(&s.opening_hours),
        s.source.clone(),
        text(&s.description.nl),
        text(&s.description.fr),
        s.languages.join("|"),
    ]
}

/// The services as CSV, every cell neutralised against formula injection
/// (`kernel::csv`; the import restores them).
pub fn services_csv(services: &[StaffService]) -> Result<Vec<u8>, AppError> {
    crate::kernel::csv::write(&CSV_COLUMNS, services.iter().map(csv_row))
        .map_err(|e| AppError::internal(format_args!("export CSV: {e}")))
}

/// A point per service that has coordinates; its properties are the staff format's.
pub fn services_geojson(services: &[StaffService]) -> Value {
    let features: Vec<Value> = services
        .iter()
        .filter_map(|s| {
            let (lat, lon) = s.lat.zip(s.lon)?;
            let mut properties = serde_json::to_value(s).ok()?;
            if let Some(map) = properties.as_object_mut() {
                map.remove("lat");
                map.remove("lon");
            }
            Some(json!({
                "type": "Feature",
                "id": s.id,
                "geometry": { "type": "Point", "coordinates": [lon, lat] },
                "properties": properties,
            }))
        })
        .collect();
    json!({ "type": "FeatureCollection", "features": features })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::parse::{parse, Format};

    fn library() -> StaffService {
        StaffService {
            id: "bib-ieper".into(),
            name: crate::i18n::MaybeLocalized {
                nl: Some("Bibliotheek, Ieper".into()),
                fr: None,
            },
            category: "library".into(),
            municipality_code: "33011".into(),
            country: Some(crate::kernel::geo::Country::Be),
            lat: Some(50.851234),
            lon: Some(2.885),
            languages: vec!["nl".into(), "fr".into()],
            status: crate::workflow::Publication::Draft,
            source: "test".into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_csv_reads_back_as_an_import() {
        let csv = services_csv(&[library()]).unwrap();
        let rows = parse(Format::Csv, &csv).unwrap();
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(row.line, 2);
        assert_eq!(row.id.as_deref(), Some("bib-ieper"));
        assert_eq!(row.status.as_deref(), Some("draft"));
        assert_eq!(row.fields["name_nl"], "Bibliotheek, Ieper");
        assert_eq!(row.point, Some((50.851234, 2.885)));
        assert_eq!(row.fields["speaks_fr"], "on");
        assert!(row.errors.is_empty());
    }

    #[test]
    fn geojson_has_a_point_per_located_service() {
        let unplaced = StaffService {
            id: "x".into(),
            lat: None,
            ..library()
        };
        let collection = services_geojson(&[library(), unplaced]);
        let features = collection["features"].as_array().unwrap();
        assert_eq!(features.len(), 1);
        assert_eq!(
            features[0]["geometry"]["coordinates"],
            json!([2.885, 50.851234])
        );
        assert_eq!(features[0]["properties"]["category"], "library");
        assert!(features[0]["properties"].get("lat").is_none());
    }
}
