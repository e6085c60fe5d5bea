//! The interactive map of the border region. Leaflet and `public/js/map.js` draw it in
//! the browser from the GeoJSON endpoints; the server renders a text fallback, and the
//! municipality list is the accessible alternative.

#[cfg(feature = "ssr")]
pub mod repo;

use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::html::Div;
use leptos::prelude::*;

pub const LAYERS_URL: &str = "/api/v1/map/layers";
pub const BOUNDARIES_URL: &str = "/api/v1/map/boundaries";
pub const POINTS_URL: &str = "/api/v1/municipalities.geojson";

/// Per-municipality figures drawn as a choropleth (see `map.js`, `parseValues`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapValues {
    /// `code:value` pairs separated by spaces.
    pub values: String,
    /// Bucket limits, ascending, separated by spaces.
    pub buckets: String,
    /// What the value is (shown in the popup).
    pub label: String,
    /// Shown in the popup for a municipality without a value.
    pub none_label: String,
}

#[component]
pub fn RegionMap(
    focus: Option<String>,
    /// Municipality codes to highlight (space-separated); the map fits them.
    #[prop(optional)]
    highlight: Option<String>,
    #[prop(optional)] values: Option<MapValues>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let node = NodeRef::<Div>::new();
    // After hydration or client-side navigation, ask map.js to draw (it is idempotent).
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            mount_map(&element);
        }
    });
    view! {
        <div
            class="map"
            node_ref=node
            data-map=""
            data-lang=lang.code()
            data-focus=focus
            data-highlight=highlight
            data-values=values.as_ref().map(|v| v.values.clone())
            data-buckets=values.as_ref().map(|v| v.buckets.clone())
            data-label-value=values.as_ref().map(|v| v.label.clone())
            data-label-no-value=values.map(|v| v.none_label)
            data-layers-url=LAYERS_URL
            data-boundaries-url=BOUNDARIES_URL
            data-points-url=POINTS_URL
            data-profile-base=format!("{}/", Page::Municipalities.path(lang))
            data-label-population=i18n.t("map-population")
            data-label-open=i18n.t("map-open-profile")
            data-label-distance=i18n.t("map-distance-to-border")
            data-label-km=i18n.t("unit-km")
            data-label-zoom-in=i18n.t("map-zoom-in")
            data-label-zoom-out=i18n.t("map-zoom-out")
            data-label-close=i18n.t("map-close-popup")
            data-label-keys=i18n.t("map-keys-help")
            role="region"
            aria-label=i18n.t("map-label")
        >
            <p class="map-fallback">
                {i18n.t("map-fallback")} " "
                <a href=Page::Municipalities.path(lang)>{i18n.t("map-fallback-link")}</a>
            </p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
fn mount_map(element: &web_sys::HtmlElement) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(api) = js_sys::Reflect::get(&window, &JsValue::from_str("grensMap")) else {
        return;
    };
    let Ok(mount) = js_sys::Reflect::get(&api, &JsValue::from_str("mount")) else {
        return;
    };
    if let Some(mount) = mount.dyn_ref::<js_sys::Function>() {
        let _ = mount.call1(&api, element);
    }
}

#[cfg(not(feature = "hydrate"))]
fn mount_map<T>(_element: &T) {}
