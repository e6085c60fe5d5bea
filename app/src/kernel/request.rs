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
