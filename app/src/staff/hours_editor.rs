//! Temporary: replaced by the weekly-hours editor branch on merge.
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeeklyHours {
    pub raw: String,
}

impl WeeklyHours {
    pub fn from_form(fields: &HashMap<String, String>) -> Self {
        WeeklyHours {
            raw: fields.get("opening_hours").cloned().unwrap_or_default(),
        }
    }
}

pub fn to_osm(hours: &WeeklyHours) -> Result<String, Vec<String>> {
    Ok(hours.raw.trim().to_owned())
}
