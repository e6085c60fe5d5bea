//! The page frame shared by every page, and small reusable pieces.

mod fragment_cache;
mod layout;
mod live_search;
mod loaded;
mod page_meta;
mod personal;
mod raw_text;

pub use fragment_cache::{cached_by_key, cached_fragment};
pub use layout::{Chrome, LangSwitch, Layout};
pub use live_search::{IslandScripts, IslandScriptsSent, LiveSearch};
pub use loaded::{failure, Loaded, NotFoundContent, Otherwise};
pub use page_meta::PageMeta;
pub use personal::{LinkFields, OwnData, PersonalLinkPage};
pub use raw_text::{escaped_text, PrefilledTextarea};

use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A translated, announced error message; for bad input, also what to change.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let detail = error.detail_id().map(|id| i18n.t(&id));
    let reference = match &error {
        AppError::Internal(reference) if !reference.is_empty() => Some(reference.clone()),
        _ => None,
    };
    view! {
        <div class="notice notice--error" role="alert" data-testid="error-notice">
            <p>{i18n.t(error.message_id())}</p>
            {detail.map(|d| view! { <p>{d}</p> })}
            {reference.map(|r| view! { <p class="help">{i18n.t("error-reference")} " " <code>{r}</code></p> })}
        </div>
    }
}

/// A server function's answer, with the response's status set from its error.
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        set_status(error.status());
    }
    result
}

/// Answers with a redirect (302 and `Location`) whatever the client accepts: pages and
/// plain form posts of the staff area, where no JavaScript client reads data instead.
#[cfg(feature = "ssr")]
pub fn redirect_to(path: &str) {
    leptos_axum::redirect(path);
    set_status(http::StatusCode::FOUND);
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
