//! The services search as it travels in the URL, and its validation. The same query
//! string drives the page, the API and the exports, so a shared link shows the same
//! results everywhere.

use crate::error::AppError;
use crate::kernel::geo::Country;
use crate::kernel::validate::Length;
use serde::{Deserialize, Serialize};

pub use super::query_key::Key;

pub const PER_PAGE: usize = 20;
pub const MAX_RADIUS_KM: f64 = 100.0;
pub const DEFAULT_RADIUS_KM: f64 = 10.0;
/// The radii the form offers (any radius up to the maximum is accepted).
pub const RADII_KM: [u32; 6] = [2, 5, 10, 25, 50, 100];
const MAX_PAGE: usize = 10_000;

/// The query string, as typed (strings, so that the form shows exactly what was asked).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceQuery {
    pub q: String,
    pub category: String,
    pub country: String,
    pub municipality: String,
    /// Language spoken at the service.
    pub language: String,
    /// "1": open at the time of the search.
    pub open: String,
    /// "1": residents of both countries may use it.
    pub cross: String,
    /// A municipality name (either language) or code to measure distances from.
    pub near: String,
    pub lat: String,
    pub lon: String,
    pub radius: String,
    /// "west,south,east,north" in degrees: "search this area" on the map.
    pub bbox: String,
    pub sort: String,
    pub page: String,
}

impl ServiceQuery {
    pub fn get(&self, key: Key) -> &str {
        match key {
            Key::Q => &self.q,
            Key::Category => &self.category,
            Key::Country => &self.country,
            Key::Municipality => &self.municipality,
            Key::Language => &self.language,
            Key::Open => &self.open,
            Key::Cross => &self.cross,
            Key::Near => &self.near,
            Key::Lat => &self.lat,
            Key::Lon => &self.lon,
            Key::Radius => &self.radius,
            Key::Bbox => &self.bbox,
            Key::Sort => &self.sort,
            Key::Page => &self.page,
        }
    }

    pub fn set(&mut self, key: Key, value: String) {
        let slot = match key {
            Key::Q => &mut self.q,
            Key::Category => &mut self.category,
            Key::Country => &mut self.country,
            Key::Municipality => &mut self.municipality,
            Key::Language => &mut self.language,
            Key::Open => &mut self.open,
            Key::Cross => &mut self.cross,
            Key::Near => &mut self.near,
            Key::Lat => &mut self.lat,
            Key::Lon => &mut self.lon,
            Key::Radius => &mut self.radius,
            Key::Bbox => &mut self.bbox,
            Key::Sort => &mut self.sort,
            Key::Page => &mut self.page,
        };
        *slot = value;
    }

    /// Reads a query from URL pairs; unknown keys are ignored (the API refuses them
    /// first), the last value wins.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut query = ServiceQuery::default();
        for (name, value) in pairs {
            if let Some(key) = Key::from_name(name) {
                query.set(key, value.to_owned());
            }
        }
        query
    }

    /// `?q=…&country=…` without the empty values ("" when nothing is set).
    pub fn to_query_string(&self) -> String {
        crate::kernel::query::query_string(Key::ALL.into_iter().map(|k| (k.name(), self.get(k))))
    }

    /// The same query with one field changed and the page reset: for facet links.
    pub fn with(&self, key: Key, value: &str) -> ServiceQuery {
        let mut next = self.clone();
        next.set(key, value.to_owned());
        if key != Key::Page {
            next.page.clear();
        }
        next
    }

    pub fn validate(&self) -> Result<ServiceFilter, AppError> {
        let bad = |field: &str| AppError::BadRequest(field.to_owned());
        let text = self.q.trim();
        if Length::Query.exceeded_by(text) {
            return Err(bad("q"));
        }
        let code = |field: &str, value: &str| -> Result<Option<String>, AppError> {
            let value = value.trim();
            if value.is_empty() {
                Ok(None)
            } else if crate::kernel::validate::is_code(value) {
                Ok(Some(value.to_owned()))
            } else {
                Err(bad(field))
            }
        };
        let country = match self.country.as_str() {
            "" => None,
            c => Some(Country::from_code(c).ok_or_else(|| bad("country"))?),
        };
        let language = match self.language.as_str() {
            "" => None,
            l @ ("nl" | "fr" | "de" | "en") => Some(l.to_owned()),
            _ => return Err(bad("language")),
        };
        let flag = |field: &str, value: &str| match value {
            "" | "0" => Ok(false),
            "1" | "on" | "true" => Ok(true),
            _ => Err(bad(field)),
        };
        let number = |field: &str, value: &str| -> Result<Option<f64>, AppError> {
            let value = value.trim();
            if value.is_empty() {
                return Ok(None);
            }
            value
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(Some)
                .ok_or_else(|| bad(field))
        };
        let radius = match number("radius", &self.radius)? {
            None => DEFAULT_RADIUS_KM,
            Some(r) if r > 0.0 && r <= MAX_RADIUS_KM => r,
            Some(_) => return Err(bad("radius")),
        };
        let near_text = self.near.trim();
        if Length::Query.exceeded_by(near_text) {
            return Err(bad("near"));
        }
        let near = match (number("lat", &self.lat)?, number("lon", &self.lon)?) {
            // A typed place replaces the browser's location, which the form keeps in
            // hidden fields (the same with or without JavaScript).
            _ if !near_text.is_empty() => Some(Near::Place {
                text: near_text.to_owned(),
                radius,
            }),
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) {
                    return Err(bad("lat"));
                }
                if !(-180.0..=180.0).contains(&lon) {
                    return Err(bad("lon"));
                }
                Some(Near::Point { lat, lon, radius })
            }
            (None, None) => None,
            (Some(_), None) => return Err(bad("lon")),
            (None, Some(_)) => return Err(bad("lat")),
        };
        let bbox = match self.bbox.trim() {
            "" => None,
            text => {
                let parts: Vec<f64> = text
                    .split(',')
                    .map(|p| p.trim().parse::<f64>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| bad("bbox"))?;
                match parts.as_slice() {
                    [w, s, e, n]
                        if parts.iter().all(|p| p.is_finite())
                            && w < e
                            && s < n
                            && (-90.0..=90.0).contains(s)
                            && (-90.0..=90.0).contains(n) =>
                    {
                        Some([*w, *s, *e, *n])
                    }
                    _ => return Err(bad("bbox")),
                }
            }
        };
        let sort = match self.sort.as_str() {
            "" => None,
            s => Some(ServiceSort::from_code(s).ok_or_else(|| bad("sort"))?),
        };
        let page = match self.page.trim() {
            "" => 1,
            p => p
                .parse::<usize>()
                .ok()
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .ok_or_else(|| bad("page"))?,
        };
        let text = (!text.is_empty()).then(|| text.to_owned());
        let sort = sort.unwrap_or(if near.is_some() {
            ServiceSort::Distance
        } else if text.is_some() {
            ServiceSort::Relevance
        } else {
            ServiceSort::Name
        });
        if sort == ServiceSort::Distance && near.is_none() {
            return Err(bad("sort"));
        }
        Ok(ServiceFilter {
            text,
            category: code("category", &self.category)?,
            country,
            municipality: code("municipality", &self.municipality)?,
            language,
            open_now: flag("open", &self.open)?,
            cross_border: flag("cross", &self.cross)?,
            near,
            bbox,
            sort,
            page,
        })
    }
}

crate::closed_set! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub enum ServiceSort {
        Relevance = "relevance",
        Distance = "distance",
        Name = "name",
    }
}

/// "Relevance", "Distance", "Name".
pub const SORT_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("services-sort-", || {
        ServiceSort::ALL.map(ServiceSort::code).to_vec()
    });

/// Where distances are measured from.
#[derive(Clone, Debug, PartialEq)]
pub enum Near {
    /// A municipality typed in either language (resolved on the server).
    Place { text: String, radius: f64 },
    /// The browser's location (opt-in) or a point on the map.
    Point { lat: f64, lon: f64, radius: f64 },
}

impl Near {
    pub fn radius(&self) -> f64 {
        match self {
            Near::Place { radius, .. } | Near::Point { radius, .. } => *radius,
        }
    }
}

/// A checked query.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceFilter {
    pub text: Option<String>,
    pub category: Option<String>,
    pub country: Option<Country>,
    pub municipality: Option<String>,
    pub language: Option<String>,
    pub open_now: bool,
    pub cross_border: bool,
    pub near: Option<Near>,
    pub bbox: Option<[f64; 4]>,
    pub sort: ServiceSort,
    pub page: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> ServiceQuery {
        ServiceQuery::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn defaults_depend_on_what_was_asked() {
        let f = query(&[]).validate().unwrap();
        assert_eq!((f.sort, f.page, f.near), (ServiceSort::Name, 1, None));
        let f = query(&[("q", " gare ")]).validate().unwrap();
        assert_eq!(f.text.as_deref(), Some("gare"));
        assert_eq!(f.sort, ServiceSort::Relevance);
        let f = query(&[("near", "Wervik")]).validate().unwrap();
        assert_eq!(f.sort, ServiceSort::Distance);
        assert_eq!(
            f.near,
            Some(Near::Place {
                text: "Wervik".into(),
                radius: DEFAULT_RADIUS_KM
            })
        );
    }

    #[test]
    fn points_boxes_and_flags_are_parsed() {
        let f = query(&[
            ("lat", "50.78"),
            ("lon", "3.04"),
            ("radius", "5"),
            ("open", "1"),
        ])
        .validate()
        .unwrap();
        assert_eq!(
            f.near,
            Some(Near::Point {
                lat: 50.78,
                lon: 3.04,
                radius: 5.0
            })
        );
        assert!(f.open_now);
        let f = query(&[("bbox", "2.9,50.6,3.3,50.9")]).validate().unwrap();
        assert_eq!(f.bbox, Some([2.9, 50.6, 3.3, 50.9]));
    }

    #[test]
    fn a_typed_place_wins_over_the_located_point() {
        let f = query(&[("near", "Menen"), ("lat", "50.78"), ("lon", "3.04")])
            .validate()
            .unwrap();
        assert!(matches!(f.near, Some(Near::Place { ref text, .. }) if text == "Menen"));
    }

    #[test]
    fn bad_values_name_the_field() {
        for (key, value) in [
            ("country", "NL"),
            ("language", "xx"),
            ("radius", "0"),
            ("radius", "500"),
            ("radius", "ten"),
            ("lat", "95"),
            ("bbox", "1,2,3"),
            ("bbox", "3,50,2,51"),
            ("page", "0"),
            ("page", "-1"),
            ("sort", "price"),
            ("sort", "distance"),
            ("open", "yes please"),
            ("category", "town hall; DROP"),
        ] {
            let mut q = query(&[(key, value)]);
            if key == "lat" {
                q.lon = "3".into();
            }
            assert_eq!(
                q.validate(),
                Err(AppError::BadRequest(key.into())),
                "{key}={value}"
            );
        }
        assert!(query(&[("lat", "50")]).validate().is_err());
    }

    #[test]
    fn query_strings_round_trip_and_skip_empty_values() {
        let q = query(&[("q", "Mairie d'Halluin"), ("country", "FR"), ("page", "2")]);
        let text = q.to_query_string();
        assert_eq!(text, "?q=Mairie+d%27Halluin&country=FR&page=2");
        let pairs: Vec<(String, String)> = form_urlencoded::parse(&text.as_bytes()[1..])
            .into_owned()
            .collect();
        let back = ServiceQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, q);
        assert_eq!(
            q.with(Key::Country, "BE").to_query_string(),
            "?q=Mairie+d%27Halluin&country=BE"
        );
        assert_eq!(ServiceQuery::default().to_query_string(), "");
    }
}
