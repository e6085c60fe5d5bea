//! Errors that cross the server-function boundary. Each maps to an HTTP status and to a
//! translated message id, so the page can explain what went wrong. None carries internal
//! text (database, serde or file messages): a real failure is logged on the server under
//! a reference, and only that reference reaches the client.

use http::StatusCode;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(into = "WireError", from = "WireError")]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The input is not acceptable: the name of the field or rule at fault, a short code
    /// of our own (never text from a parser or the database).
    #[error("invalid input: {0}")]
    BadRequest(String),
    /// A failure on our side; the detail is in the server's log under this reference.
    #[error("internal error (reference {0})")]
    Internal(String),
    /// Not signed in, or the session has ended.
    #[error("not signed in")]
    Unauthorized,
    /// Signed in, but this account may not do this (role or municipality scope), or the
    /// form's anti-forgery token is missing or wrong.
    #[error("forbidden")]
    Forbidden,
    /// The record changed since the form was opened: nothing was overwritten.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Too much of a costly kind of work is under way (password checks, uploads): nothing
    /// was done, and the same request may be sent again shortly.
    #[error("busy")]
    Busy,
}

/// Fields and rules of `BadRequest` that have a message of their own (`error-field-…`).
pub const FIELDS_WITH_MESSAGES: [&str; 34] = [
    "status",
    "overdue",
    "untranslated",
    "action",
    "password",
    "role",
    "email",
    "municipalities",
    "codes",
    "beyond",
    "order",
    "across",
    "within",
    "size",
    "complement",
    "kind",
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
    "arguments",
    "too-large",
    "programme",
    "theme",
    "phase",
    "year",
];

/// What to change, for each field or rule that has a message.
pub const FIELD_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("error-field-", || FIELDS_WITH_MESSAGES.to_vec());

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// Fluent id of the message shown to the user.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::BadRequest(_) => "error-bad-request",
            AppError::Internal(_) => "error-internal",
            AppError::Unauthorized => "error-unauthorized",
            AppError::Forbidden => "error-forbidden",
            AppError::Conflict(_) => "error-conflict",
            AppError::Busy => "error-busy",
        }
    }

    /// Fluent id of the message that says what to change, when there is one.
    pub fn detail_id(&self) -> Option<String> {
        match self {
            AppError::BadRequest(field) if FIELDS_WITH_MESSAGES.contains(&field.as_str()) => {
                Some(FIELD_MESSAGES.id(field))
            }
            _ => None,
        }
    }

    /// A failure on our side: logs `detail` under a new reference and returns the error
    /// that carries only that reference.
    /// The reference is the request's id (`kernel::request::RequestId`) when there is a
    /// request, so the log lines of the whole request are found with it.
    pub fn internal(detail: impl std::fmt::Display) -> AppError {
        #[cfg(feature = "ssr")]
        let reference = crate::kernel::request::RequestId::current()
            .map(|id| id.0)
            .unwrap_or_else(new_reference);
        #[cfg(not(feature = "ssr"))]
        let reference = new_reference();
        #[cfg(feature = "ssr")]
        tracing::error!(reference = %reference, "{detail}");
        #[cfg(not(feature = "ssr"))]
        let _ = detail;
        AppError::Internal(reference)
    }
}

/// A short reference to find a failure in the log outside a request: time and a
/// counter, in hex.
fn new_reference() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    #[cfg(feature = "ssr")]
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let seconds = 0u64;
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{:08x}-{:04x}", seconds as u32, count & 0xffff)
}

/// The JSON form of an error, for the app's own client and for anyone reading the
/// response: a stable code, the field at fault, the reference of an internal failure,
/// and the message in both languages.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct WireError {
    error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    message: Option<crate::i18n::Localized>,
}

impl From<AppError> for WireError {
    fn from(error: AppError) -> Self {
        let message = cfg!(feature = "ssr").then(|| {
            let id = error
                .detail_id()
                .unwrap_or_else(|| error.message_id().to_owned());
            crate::i18n::Localized::from_fn(|lang| crate::i18n::translate(lang, &id, None))
        });
        let (code, field, reference) = match error {
            AppError::NotFound => ("not-found", None, None),
            AppError::BadRequest(field) => ("bad-request", Some(field), None),
            AppError::Internal(reference) => ("internal", None, Some(reference)),
            AppError::Unauthorized => ("unauthorized", None, None),
            AppError::Forbidden => ("forbidden", None, None),
            AppError::Conflict(field) => ("conflict", Some(field), None),
            AppError::Busy => ("busy", None, None),
        };
        WireError {
            error: code.to_owned(),
            field,
            reference,
            message,
        }
    }
}

impl From<WireError> for AppError {
    fn from(wire: WireError) -> Self {
        match wire.error.as_str() {
            "not-found" => AppError::NotFound,
            "bad-request" => AppError::BadRequest(wire.field.unwrap_or_default()),
            "unauthorized" => AppError::Unauthorized,
            "forbidden" => AppError::Forbidden,
            "conflict" => AppError::Conflict(wire.field.unwrap_or_default()),
            "busy" => AppError::Busy,
            _ => AppError::Internal(wire.reference.unwrap_or_default()),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Arguments that cannot be read are the caller's fault (400); an unknown server
    /// function is a 404; anything else is ours, logged and answered with a reference.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::BadRequest("arguments".into())
            }
            ServerFnErrorErr::UnsupportedRequestMethod(_) => {
                AppError::BadRequest("arguments".into())
            }
            ServerFnErrorErr::Registration(_) => AppError::NotFound,
            // On the server, the request's arguments failed to decode; in the browser, a
            // response did (then it is ours).
            ServerFnErrorErr::Deserialization(_) if cfg!(feature = "ssr") => {
                AppError::BadRequest("arguments".into())
            }
            other => AppError::internal(other),
        }
    }

    /// Called on the server to write the error response: its HTTP status follows the
    /// error (server_fn would answer 500 for every error).
    fn ser(&self) -> leptos::server_fn::Bytes {
        #[cfg(feature = "ssr")]
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(self.status());
        }
        serde_json::to_vec(self)
            .map(Into::into)
            .unwrap_or_else(|_| leptos::server_fn::Bytes::from_static(b"{\"error\":\"internal\"}"))
    }
}

#[cfg(feature = "ssr")]
impl From<surrealdb::Error> for AppError {
    fn from(error: surrealdb::Error) -> Self {
        // A conflict with a concurrent writer is the database being busy: the request
        // can be made again (503 with Retry-After), it is not a fault.
        if crate::db::is_conflict(&error) {
            tracing::warn!(%error, "database query conflicted with a concurrent write");
            return AppError::Busy;
        }
        AppError::internal(format_args!("database query failed: {error}"))
    }
}

#[cfg(feature = "ssr")]
impl From<serde_json::Error> for AppError {
    fn from(error: serde_json::Error) -> Self {
        AppError::internal(format_args!("unexpected database row shape: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_map_to_http_status() {
        assert_eq!(AppError::NotFound.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            AppError::BadRequest("q".into()).status(),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            AppError::internal("x").status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn the_wire_form_carries_codes_and_messages_never_internal_text() {
        let error = AppError::internal("Found  for the Record ID but this is not a valid id");
        let json = serde_json::to_string(&error).unwrap();
        assert!(!json.contains("Record ID"), "{json}");
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), error);
        let bad = AppError::BadRequest("arguments".into());
        let json = serde_json::to_value(&bad).unwrap();
        assert_eq!(json["error"], "bad-request");
        assert_eq!(json["field"], "arguments");
        if cfg!(feature = "ssr") {
            assert!(json["message"]["nl"].as_str().unwrap().len() > 10, "{json}");
            assert!(json["message"]["fr"].as_str().unwrap().len() > 10, "{json}");
        }
        assert_eq!(serde_json::from_value::<AppError>(json).unwrap(), bad);
    }

    #[test]
    fn argument_errors_are_the_callers_fault() {
        for error in [
            ServerFnErrorErr::Args("missing field `lang`".into()),
            ServerFnErrorErr::MissingArg("lang".into()),
        ] {
            assert_eq!(
                AppError::from_server_fn_error(error),
                AppError::BadRequest("arguments".into())
            );
        }
        let ours = AppError::from_server_fn_error(ServerFnErrorErr::Response("x".into()));
        assert!(matches!(ours, AppError::Internal(reference) if !reference.is_empty()));
    }
}
