//! Reading an import file into records (server only): each record becomes the service
//! form's fields, so that the form's own rules check it (`import::check`).

use super::ImportError;
use crate::services::edit::{form_view_values, StaffService, LANGUAGES};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    /// By the file name's extension.
    pub fn of(file_name: &str) -> Option<Format> {
        let ext = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// One record of the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// CSV: the line it starts on (the header is line 1); JSON: its position, from 1.
    pub line: usize,
    pub id: Option<String>,
    /// The form's fields this record gives. A CSV row gives only its columns (the others
    /// keep the stored values); a JSON record gives them all.
    pub fields: BTreeMap<String, String>,
    /// JSON: the record itself, whose workflow fields (status, verification, source,
    /// location check) come with it.
    pub record: Option<StaffService>,
    pub status: Option<String>,
    pub country: Option<String>,
    pub source: Option<String>,
    /// The coordinates as written, kept at their precision (the form rounds what a
    /// person types to 1 m; a restore should change nothing).
    pub point: Option<(f64, f64)>,
    /// The languages spoken in the order written (the form's order is fixed; a
    /// service's own order, main language first, is kept).
    pub languages: Option<Vec<String>>,
    /// What is wrong with the record before any rule is checked.
    pub errors: Vec<String>,
}

/// The records of a file, or what makes the whole file unreadable (line 0: the file as a
/// whole; CSV line 1: its header).
pub fn parse(format: Format, bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match format {
        Format::Csv => csv_rows(bytes),
        Format::Json => json_rows(bytes),
    }
}

fn file_error(line: usize, field: &str) -> ImportError {
    ImportError {
        line,
        fields: vec![field.to_owned()],
    }
}

/// CSV columns and the form field each fills (`municipality_code` is the seed's name).
const COLUMNS: [(&str, &str); 19] = [
    ("id", "id"),
    ("status", "status"),
    ("country", "country"),
    ("category", "category"),
    ("name_fr", "name_fr"),
    ("name_nl", "name_nl"),
    ("description_nl", "description_nl"),
    ("description_fr", "description_fr"),
    ("municipality_code", "municipality"),
    ("address", "address"),
    ("lat", "lat"),
    ("lon", "lon"),
    ("phone", "phone"),
    ("email", "email"),
    ("website", "website"),
    ("languages", "languages"),
    ("opening_hours", "opening_hours"),
    ("source", "source"),
    ("municipality", "municipality"),
];

fn csv_rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader.headers().map_err(|_| file_error(1, "file"))?;
    let mut fields = vec![];
    for name in header.iter() {
        let name = name.trim().to_ascii_lowercase();
        match COLUMNS.iter().find(|(column, _)| *column == name) {
            Some((_, field)) if !fields.contains(field) => fields.push(*field),
            _ => return Err(file_error(1, "columns")),
        }
    }
    let has = |f: &str| fields.contains(&f);
    if !has("category") || !has("municipality") || !(has("name_nl") || has("name_fr")) {
        return Err(file_error(1, "columns"));
    }
    let mut rows = vec![];
    let mut lines = Lines {
        bytes,
        at: 0,
        line: 1,
    };
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            file_error(line, "file")
        })?;
        let line = record
            .position()
            .map_or(0, |p| lines.line_at(p.byte() as usize));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let mut row = Row {
            line,
            ..Default::default()
        };
        if record.len() != fields.len() {
            row.errors.push("record".into());
        }
        // A cell that the export guarded against formula injection reads back as it was.
        for (field, cell) in fields.iter().zip(record.iter()) {
            csv_cell(&mut row, field, crate::kernel::csv::restore(cell).trim());
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Physical line numbers from byte offsets (the reader's own line count skips blank
/// lines and miscounts CRLF). Offsets only grow, so counting is incremental.
struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line a record starts on: the reader's offset is where it began reading it,
    /// before the line endings (of blank lines too) that precede the record.
    fn line_at(&mut self, mut offset: usize) -> usize {
        while matches!(self.bytes.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        let offset = offset.min(self.bytes.len()).max(self.at);
        self.line += self.bytes[self.at..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.at = offset;
        self.line
    }
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn csv_cell(row: &mut Row, field: &str, value: &str) {
    match field {
        "id" => row.id = non_empty(value),
        "status" => row.status = non_empty(value),
        "country" => row.country = non_empty(value),
        "source" => row.source = non_empty(value),
        "languages" => {
            let codes: Vec<&str> = value
                .split(['|', ',', ';', ' '])
                .filter(|c| !c.is_empty())
                .collect();
            if codes.iter().any(|c| !LANGUAGES.contains(c)) {
                row.errors.push("languages".into());
            }
            for code in LANGUAGES {
                let on = if codes.contains(&code) { "on" } else { "" };
                row.fields.insert(format!("speaks_{code}"), on.into());
            }
            row.languages = Some(codes.into_iter().map(str::to_owned).collect());
        }
        // The seed's hours are service-public.fr's JSON; an export's are OpenStreetMap's.
        "opening_hours" if value.starts_with('[') => {
            match crate::services::hours::from_annuaire(value) {
                Ok(osm) => row.fields.insert(field.into(), osm),
                Err(_) => {
                    row.errors.push(field.into());
                    None
                }
            };
        }
        _ => {
            if field == "lat" || field == "lon" {
                let point = row.point.get_or_insert((f64::NAN, f64::NAN));
                let number = value.replace(',', ".").parse().unwrap_or(f64::NAN);
                *(if field == "lat" {
                    &mut point.0
                } else {
                    &mut point.1
                }) = number;
            }
            row.fields.insert(field.into(), value.into());
        }
    }
}

fn json_rows(bytes: &[u8]) -> Result<Vec<Row>, ImportError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|_| file_error(0, "file"))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut map) => match map.remove("services") {
            Some(serde_json::Value::Array(items)) => items,
            _ => return Err(file_error(0, "file")),
        },
        _ => return Err(file_error(0, "file")),
    };
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(index, item)| json_row(index + 1, item))
        .collect())
}

fn json_row(line: usize, item: serde_json::Value) -> Row {
    let Ok(service) = serde_json::from_value::<StaffService>(item) else {
        return Row {
            line,
            errors: vec!["record".into()],
            ..Default::default()
        };
    };
    let mut fields = form_view_values(&service);
    // The form's value for each language (absent: not spoken) and each text.
    for code in LANGUAGES {
        fields.entry(format!("speaks_{code}")).or_default();
    }
    let point = service.lat.zip(service.lon);
    if let Some((lat, lon)) = point {
        fields.insert("lat".into(), lat.to_string());
        fields.insert("lon".into(), lon.to_string());
    }
    Row {
        line,
        id: non_empty(service.id.trim()),
        fields,
        status: Some(service.status.code().to_owned()),
        country: service.country.map(|c| c.code().to_owned()),
        source: non_empty(&service.source),
        point,
        languages: Some(service.languages.clone()),
        record: Some(service),
        errors: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "country,category,name_fr,name_nl,municipality_code,address,lat,lon,phone,email,website,opening_hours,source";

    #[test]
    fn csv_rows_carry_their_physical_line() {
        let csv = format!(
            "{HEADER}\n\
             BE,town_hall,Mairie,Gemeentehuis,33011,\"Grote Markt 1,\nIeper\",50.85,2.88,,,,,test\n\
             \n\
             FR,town_hall,Mairie de Lille,,59350,,\"50,63\",3.06,,,,\"[[\"\"lundi\"\",\"\"vendredi\"\",[[\"\"08:00:00\"\",\"\"12:00:00\"\"]]]]\",test\n"
        );
        let rows = parse(Format::Csv, csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].fields["address"], "Grote Markt 1,\nIeper");
        assert_eq!(rows[0].fields["municipality"], "33011");
        assert_eq!(rows[0].country.as_deref(), Some("BE"));
        assert_eq!(rows[0].point, Some((50.85, 2.88)));
        // The quoted address spans two lines and a blank line is skipped.
        assert_eq!(rows[1].line, 5);
        assert_eq!(rows[1].point, Some((50.63, 3.06)));
        assert!(rows[1].fields["opening_hours"].starts_with("Mo-Fr 08:00-12:00"));
        assert!(rows[1].errors.is_empty());
    }

    #[test]
    fn line_numbers_survive_crlf_and_blank_lines() {
        let csv = "category,name_nl,municipality_code\r\n\r\nlibrary,\"Bib\r\nIeper\",33011\r\n\r\n\r\nlibrary,B,33011\r\n";
        let lines: Vec<usize> = parse(Format::Csv, csv.as_bytes())
            .unwrap()
            .iter()
            .map(|r| r.line)
            .collect();
        assert_eq!(lines, [3, 7]);
    }

    #[test]
    fn csv_header_and_cells_are_checked() {
        let unknown = "category,name_nl,municipality_code,colour\n";
        assert_eq!(
            parse(Format::Csv, unknown.as_bytes()).unwrap_err(),
            file_error(1, "columns")
        );
        let missing = "\u{feff}name_nl,municipality_code\n";
        assert_eq!(
            parse(Format::Csv, missing.as_bytes()).unwrap_err(),
            file_error(1, "columns")
        );
        let csv = "ID,category,name_nl,municipality_code,languages,opening_hours\n\
                   a-1,library,Bib,33011,nl|fr,[broken\n\
                   a-2,library,Bib,33011,nl|xx\n";
        let rows = parse(Format::Csv, csv.as_bytes()).unwrap();
        assert_eq!(rows[0].id.as_deref(), Some("a-1"));
        assert_eq!(rows[0].fields["speaks_nl"], "on");
        assert_eq!(rows[0].fields["speaks_de"], "");
        assert_eq!(rows[0].errors, ["opening_hours"]);
        assert_eq!(rows[1].errors, ["record", "languages"]);
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn json_takes_an_array_or_the_exports_object() {
        let record = serde_json::json!({
            "id": "bib-ieper", "name": { "nl": "Bib" }, "category": "library",
            "municipality_code": "33011", "country": "BE", "status": "draft",
            "lat": 50.851234, "lon": 2.885, "languages": ["fr"],
        });
        let array = serde_json::json!([record, { "name": "no" }]).to_string();
        let rows = parse(Format::Json, array.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 1);
        assert_eq!(rows[0].id.as_deref(), Some("bib-ieper"));
        assert_eq!(rows[0].fields["lat"], "50.851234");
        assert_eq!(rows[0].fields["municipality"], "33011");
        assert_eq!(rows[0].fields["speaks_fr"], "on");
        assert_eq!(rows[0].fields["speaks_nl"], "");
        assert_eq!(rows[0].status.as_deref(), Some("draft"));
        assert_eq!(
            (rows[1].line, rows[1].errors.clone()),
            (2, vec!["record".into()])
        );
        let wrapped = serde_json::json!({ "services": [record] }).to_string();
        assert_eq!(parse(Format::Json, wrapped.as_bytes()).unwrap().len(), 1);
        for bad in ["{", "{\"rows\": []}", "42"] {
            assert_eq!(
                parse(Format::Json, bad.as_bytes()).unwrap_err(),
                file_error(0, "file")
            );
        }
    }

    #[test]
    fn format_by_extension() {
        assert_eq!(Format::of("diensten.CSV"), Some(Format::Csv));
        assert_eq!(Format::of("backup/services.json"), Some(Format::Json));
        assert_eq!(Format::of("services.geojson"), None);
        assert_eq!(Format::of("services"), None);
    }
}
