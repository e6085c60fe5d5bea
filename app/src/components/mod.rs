//! The page frame shared by every page, and small reusable pieces.

mod layout;
mod page_meta;

pub use layout::{Chrome, LangSwitch, Layout};
pub use page_meta::PageMeta;

use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Query fields that have their own message when they are invalid.
const FIELDS_WITH_MESSAGES: [&str; 12] = [
    "q",
    "near",
    "radius",
    "lat",
    "lon",
    "bbox",
    "page",
    "sort",
    "country",
    "language",
    "category",
    "municipality",
];

/// A translated, announced error message; for bad input, also what to change.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let detail = match &error {
        AppError::BadRequest(field) if FIELDS_WITH_MESSAGES.contains(&field.as_str()) => {
            Some(i18n.t(&format!("error-field-{field}")))
        }
        _ => None,
    };
    view! {
        <div class="notice notice--error" role="alert" data-testid="error-notice">
            <p>{i18n.t(error.message_id())}</p>
            {detail.map(|d| view! { <p>{d}</p> })}
        </div>
    }
}

/// Sets the HTTP status of the server-rendered response (no-op in the browser).
pub fn set_status(status: http::StatusCode) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}
