//! What the server knows about the request being served (server only): the client's
//! address (behind trusted proxies, the one they forwarded) and what kind of answer it
//! asks for.

use std::net::{IpAddr, SocketAddr};

/// The client's address as the server worked it out: the connection's peer, or behind
/// a trusted proxy the address it forwarded (`server::client_addr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// The client's address (the rate limits' key): the one the server worked out, else
/// the connection's peer, else `0.0.0.0` (a request without connection info: tests).
pub async fn client_key() -> IpAddr {
    if let Ok(axum::Extension(ClientAddr(address))) =
        leptos_axum::extract::<axum::Extension<ClientAddr>>().await
    {
        return address;
    }
    leptos_axum::extract::<axum::extract::ConnectInfo<SocketAddr>>()
        .await
        .map(|info| info.0.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]))
}

/// A form posted by the browser itself (no JavaScript) asks for HTML back.
pub async fn is_plain_form_post() -> bool {
    leptos_axum::extract::<http::HeaderMap>()
        .await
        .is_ok_and(|headers| accepts_html(&headers))
}

/// Whether a request's headers ask for HTML (a browser's own navigation or form post).
pub fn accepts_html(headers: &http::HeaderMap) -> bool {
    headers
        .get(http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// The request's id: in every log line of its span, in the `X-Request-Id` answer header,
/// and as the reference that an internal error shows the user (`AppError::internal`).
/// Set by the server for each request (a trusted proxy's own id is kept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestId(pub String);

impl RequestId {
    /// A new id: 16 random hex digits (no two app servers share a counter).
    pub fn new() -> Self {
        RequestId(format!("{:016x}", rand::random::<u64>()))
    }

    /// An id another hop chose, if it is short and plain (letters, digits, `-`, `_`,
    /// `.`): nothing a log line or a header could be misread with.
    pub fn parse(value: &str) -> Option<Self> {
        let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
        (!value.is_empty() && value.len() <= 64 && value.chars().all(plain))
            .then(|| RequestId(value.to_owned()))
    }

    /// Runs `work` (a request's handling) with `self` as the current request's id.
    pub async fn scope<F: std::future::Future>(self, work: F) -> F::Output {
        CURRENT.scope(self, work).await
    }

    /// The id of the request being served: in the request's own task (handlers, server
    /// functions), or in a task Leptos spawned to render it (through its context).
    pub fn current() -> Option<Self> {
        CURRENT.try_with(Clone::clone).ok().or_else(|| {
            leptos::prelude::use_context::<http::request::Parts>()
                .and_then(|parts| parts.extensions.get::<RequestId>().cloned())
        })
    }
}

tokio::task_local! {
    static CURRENT: RequestId;
}

impl Default for RequestId {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_ids_are_kept() {
        assert!(RequestId::parse("3f2a-9b_1.x").is_some());
        assert!(RequestId::parse("").is_none());
        assert!(RequestId::parse("a b").is_none());
        assert!(RequestId::parse("a\nreference=forged").is_none());
        assert!(RequestId::parse(&"a".repeat(65)).is_none());
        assert_eq!(RequestId::new().0.len(), 16);
        assert_ne!(RequestId::new(), RequestId::new());
    }
}
