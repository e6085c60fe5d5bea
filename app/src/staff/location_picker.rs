//! The location part of the service edit form: `lat` and `lon` inputs that work on
//! their own, enhanced by `public/js/location-picker.js` with a Leaflet map (click or
//! drag the marker, or take the municipality's centre). The script is plain JavaScript
//! loaded by this component only, so the map code stays out of the wasm bundle and off
//! the public pages.

use crate::i18n::{use_i18n, MessageSet};
use crate::map::{BOUNDARIES_URL, LAYERS_URL};
use leptos::prelude::*;

/// The two coordinates' fields.
pub const COORDINATES: [&str; 2] = ["lat", "lon"];
/// "Latitude", "Longitude".
pub const LOCATION_LABELS: MessageSet = MessageSet::new("staff-location-", || COORDINATES.to_vec());
/// What is wrong with a coordinate.
pub const LOCATION_ERRORS: MessageSet =
    MessageSet::new("staff-location-error-", || COORDINATES.to_vec());

use crate::kernel::geo::{DECIMALS, LAT_RANGE, LON_RANGE};

fn fixed(value: f64) -> String {
    format!("{value:.DECIMALS$}")
}

/// The coordinates as two labelled number inputs (`f[lat]`, `f[lon]`: keys of the
/// service form's map; ids `location-lat`,
/// `location-lon`), and, for the script, a hidden map container and a hidden "use the
/// municipality's centre" button (rendered only when the centre is known); the script
/// reveals them. `invalid` holds `lat` and/or `lon` (see `parse_location`).
#[component]
pub fn LocationPicker(
    lat: Option<f64>,
    lon: Option<f64>,
    municipality_lat: Option<f64>,
    municipality_lon: Option<f64>,
    #[prop(optional)] invalid: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = |name: &'static str, value: Option<f64>, (min, max): (f64, f64)| {
        let id = format!("location-{name}");
        let bad = invalid.iter().any(|f| f == name);
        let described = if bad {
            format!("location-help {id}-error")
        } else {
            "location-help".to_owned()
        };
        view! {
            <div class="location-picker__input">
                <label for=id.clone()>{i18n.t_of(&LOCATION_LABELS, name)}</label>
                <input type="number" id=id.clone() name=format!("f[{name}]") value=value.map(fixed)
                    step="0.00001" min=min.to_string() max=max.to_string() inputmode="decimal"
                    aria-invalid=bad.then_some("true") aria-describedby=described />
                {bad.then(|| view! {
                    <p class="field-error" id=format!("{id}-error")>
                        {i18n.t_of(&LOCATION_ERRORS, name)}
                    </p>
                })}
            </div>
        }
    };
    let centre = municipality_lat.zip(municipality_lon);
    view! {
        <fieldset class="field location-picker-field">
            <legend>{i18n.t("staff-location-legend")}</legend>
            <p id="location-help" class="help">{i18n.t("staff-location-help")}</p>
            <div class="location-picker__inputs">
                {input("lat", lat, LAT_RANGE)}
                {input("lon", lon, LON_RANGE)}
            </div>
            {centre.map(|(lat, lon)| view! {
                <button type="button" id="location-centre" class="secondary location-picker__centre"
                    data-lat=fixed(lat) data-lon=fixed(lon) hidden>
                    {i18n.t("staff-location-use-centre")}
                </button>
            })}
            <p id="location-map-hint" class="help location-picker__hint" hidden>
                {i18n.t("staff-location-map-hint")}
            </p>
            <div class="location-picker" hidden
                data-lat-input="location-lat"
                data-lon-input="location-lon"
                data-centre-button="location-centre"
                data-hint="location-map-hint"
                data-municipality-lat=centre.map(|(lat, _)| fixed(lat))
                data-municipality-lon=centre.map(|(_, lon)| fixed(lon))
                data-bounds=format!("{} {} {} {}", LAT_RANGE.0, LON_RANGE.0, LAT_RANGE.1, LON_RANGE.1)
                data-layers-url=LAYERS_URL
                data-boundaries-url=BOUNDARIES_URL
                data-label-map=i18n.t("staff-location-map-label")
                data-label-marker=i18n.t("staff-location-marker")
                data-label-keys=i18n.t("staff-location-keys")
                data-label-set=i18n.t("staff-location-set")
                data-label-zoom-in=i18n.t("map-zoom-in")
                data-label-zoom-out=i18n.t("map-zoom-out")
            ></div>
            <script defer src="/js/location-picker.js"></script>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start tag holding `needle` (attribute order is Leptos' business).
    #[cfg(feature = "ssr")]
    fn tag<'a>(html: &'a str, needle: &str) -> &'a str {
        let at = html
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {html}"));
        let start = html[..at].rfind('<').unwrap();
        &html[start..at + html[at..].find('>').unwrap()]
    }

    #[cfg(feature = "ssr")]
    fn render(view: impl FnOnce() -> AnyView) -> String {
        let owner = Owner::new();
        owner.with(|| {
            provide_context(crate::i18n::I18n {
                lang: crate::i18n::Lang::Nl,
            });
            view().to_html()
        })
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_inputs_work_without_the_script() {
        let html = render(|| {
            view! {
                <LocationPicker lat=Some(50.8280349) lon=Some(3.2648) municipality_lat=None
                    municipality_lon=None invalid=vec!["lon".into()] />
            }
            .into_any()
        });
        assert!(html.contains(r#"name="f[lat]" value="50.82803""#), "{html}");
        assert!(html.contains(r#"name="f[lon]" value="3.26480""#));
        assert!(html.contains(
            r#"aria-invalid="true" aria-describedby="location-help location-lon-error""#
        ));
        assert!(html.contains("Breedtegraad") && html.contains(r#"id="location-lon-error""#));
        // No municipality: no centre button; the map waits for the script, hidden.
        assert!(!html.contains("<button") && !html.contains("data-municipality-lat"));
        let map = tag(&html, r#"class="location-picker""#);
        assert!(map.contains(" hidden ") && map.contains(r#"data-label-set="Ligging ingesteld:""#));
        assert!(html.contains(r#"<script defer src="/js/location-picker.js"></script>"#));
        // CSP: nothing inline.
        assert!(
            !html.contains("style=") && !html.contains(" onclick") && !html.contains("<script>")
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_centre_button_needs_both_coordinates() {
        let html = render(|| {
            view! {
                <LocationPicker lat=None lon=None municipality_lat=Some(50.85) municipality_lon=Some(2.88) />
            }
            .into_any()
        });
        assert!(
            html.contains(r#"<button type="button" id="location-centre""#),
            "{html}"
        );
        assert!(html.contains(r#"data-lat="50.85000" data-lon="2.88000" hidden"#));
        assert!(html.contains(r#"data-municipality-lat="50.85000""#));
        assert!(html.contains(r#"name="lat" step"#) || !html.contains(r#"name="lat" value"#));
        assert!(!html.contains("aria-invalid"));
        let half = render(|| {
            view! { <LocationPicker lat=None lon=None municipality_lat=Some(50.85) municipality_lon=None /> }
                .into_any()
        });
        assert!(!half.contains("<button"));
    }
}
