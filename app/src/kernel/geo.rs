//! Geography: the two countries of the region, and distances on the Earth.

use serde::{Deserialize, Serialize};

/// "Belgium", "France" (`country-be`, `country-fr`): looked up with the code in lower case.
pub const COUNTRY_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("country-", || vec!["be", "fr"]);

crate::closed_set! {
    /// A country of the region. Stored, sent and typed as its ISO code ("BE", "FR").
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum Country {
        #[serde(rename = "BE")]
        Be = "BE",
        #[serde(rename = "FR")]
        Fr = "FR",
    }
}

impl Country {
    /// The other side of the border.
    pub fn other(self) -> Country {
        match self {
            Country::Be => Country::Fr,
            Country::Fr => Country::Be,
        }
    }

    /// Fluent id of the country's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Country::Be => "country-be",
            Country::Fr => "country-fr",
        }
    }
}

impl std::fmt::Display for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The border region (SPEC §1): a service outside it is a typing mistake.
pub const LAT_RANGE: (f64, f64) = (49.0, 51.6);
pub const LON_RANGE: (f64, f64) = (1.5, 6.5);
/// Five decimals are about a metre: the precision the inputs, the map and the stored
/// point share.
pub const DECIMALS: usize = 5;

/// The posted `lat` and `lon`: both empty is no location (Ok(None)); otherwise both must
/// be numbers in the region (a decimal comma is accepted), rounded to `DECIMALS`. Err
/// names the invalid fields (`lat`, `lon`), as `LocationPicker`'s `invalid` expects.
pub fn parse_location(lat: &str, lon: &str) -> Result<Option<(f64, f64)>, Vec<String>> {
    let (lat, lon) = (lat.trim(), lon.trim());
    if lat.is_empty() && lon.is_empty() {
        return Ok(None);
    }
    let read = |text: &str, (min, max): (f64, f64)| {
        text.replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| (min..=max).contains(v))
            .map(|v| {
                let scale = 10f64.powi(DECIMALS as i32);
                (v * scale).round() / scale
            })
    };
    match (read(lat, LAT_RANGE), read(lon, LON_RANGE)) {
        (Some(lat), Some(lon)) => Ok(Some((lat, lon))),
        (lat, lon) => Err([("lat", lat), ("lon", lon)]
            .into_iter()
            .filter(|(_, value)| value.is_none())
            .map(|(name, _)| name.to_owned())
            .collect()),
    }
}

/// Great-circle distance in km (mean Earth radius).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_or_neither_coordinate_within_the_region() {
        assert_eq!(parse_location(" ", ""), Ok(None));
        assert_eq!(
            parse_location("50.828034", "3,264871"),
            Ok(Some((50.82803, 3.26487)))
        );
        assert_eq!(parse_location("50.8", ""), Err(vec!["lon".to_owned()]));
        assert_eq!(parse_location("", "3.2"), Err(vec!["lat".to_owned()]));
        assert_eq!(
            parse_location("48.9", "6.6"),
            Err(vec!["lat".to_owned(), "lon".to_owned()])
        );
        assert_eq!(parse_location("NaN", "3.2"), Err(vec!["lat".to_owned()]));
        assert_eq!(parse_location("51.6", "1.5"), Ok(Some((51.6, 1.5))));
    }

    #[test]
    fn codes_read_back_and_serialise_as_codes() {
        for country in Country::ALL {
            assert_eq!(Country::from_code(country.code()), Some(country));
            assert_eq!(
                serde_json::to_string(&country).unwrap(),
                format!("\"{}\"", country.code())
            );
            assert_ne!(country.other(), country);
        }
        assert_eq!(Country::from_code("be"), None);
    }

    #[test]
    fn haversine_matches_a_known_distance() {
        // Lille (50.6292, 3.0573) to Kortrijk (50.8279, 3.2649): about 26.6 km.
        let d = haversine_km(50.6292, 3.0573, 50.8279, 3.2649);
        assert!((d - 26.6).abs() < 0.3, "{d}");
        assert!(haversine_km(50.0, 3.0, 50.0, 3.0).abs() < 1e-9);
    }
}
