//! The page frame shared by every page, and small reusable pieces.

mod layout;
mod page_meta;

pub use layout::{Chrome, LangSwitch, Layout};
pub use page_meta::PageMeta;

use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A translated, announced error message.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="notice notice--error" role="alert">
            {i18n.t(error.message_id())}
        </p>
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
