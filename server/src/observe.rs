//! What an operator sees: each request's id (in its log lines, the `X-Request-Id`
//! answer header and the reference of an internal error), the request metrics
//! (`app::kernel::metrics`), panics counted, and the endpoints `/healthz` (the process
//! answers), `/readyz` (the database answers and has every migration of this build) and
//! `/metrics` (Prometheus text format).

use crate::client_addr::TrustedProxies;
use crate::state::AppState;
use app::kernel::metrics;
use app::kernel::request::RequestId;
use app::routes::Page;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::Once;
use std::time::Instant;
use tracing::Instrument;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The label a request is counted under: a route template, never the path itself.
#[derive(Clone, Debug)]
pub struct RouteLabel(pub String);

/// The route template of a request: the page's pattern, the API route, the server
/// function, `static` for files, `other` for anything else (so a scan of made-up paths
/// adds no label).
pub fn route_of(request: &Request) -> String {
    let path = request.uri().path();
    if let Some((page, _)) = Page::from_path(path) {
        return page.template();
    }
    if crate::server_fns::is_server_fn(path) {
        return path.to_owned();
    }
    const STATIC: [&str; 4] = ["/pkg/", "/js/", "/vendor/", "/img/"];
    if STATIC.iter().any(|prefix| path.starts_with(prefix)) || path.ends_with(".svg") {
        return "static".to_owned();
    }
    match request.extensions().get::<MatchedPath>() {
        Some(matched) if !matched.as_str().contains("{*") => matched.as_str().to_owned(),
        _ => "other".to_owned(),
    }
}

/// The id a trusted proxy gave the request, if it is plain; else a new one.
fn request_id(request: &Request, trusted: &TrustedProxies) -> RequestId {
    let from_proxy =
        crate::client_addr::peer(request).is_some_and(|peer| trusted.contains(peer.ip()));
    from_proxy
        .then(|| request.headers().get(&REQUEST_ID)?.to_str().ok())
        .flatten()
        .and_then(RequestId::parse)
        .unwrap_or_default()
}

/// Gives the request its id and its span, counts it when it is answered, and logs
/// server errors (other answers at debug level: the proxy keeps the access log).
pub async fn requests(trusted: TrustedProxies, mut request: Request, next: Next) -> Response {
    let start = Instant::now();
    let id = request_id(&request, &trusted);
    let route = route_of(&request);
    let method = metrics::method_label(request.method().as_str());
    let span = tracing::info_span!("request", id = %id.0, method, route = %route);
    request.extensions_mut().insert(id.clone());
    request.extensions_mut().insert(RouteLabel(route.clone()));
    let mut response = id
        .clone()
        .scope(next.run(request))
        .instrument(span.clone())
        .await;
    let status = response.status();
    let seconds = start.elapsed().as_secs_f64();
    metrics::request(&route, method, status.as_u16(), seconds);
    span.in_scope(|| {
        let ms = (seconds * 1000.0).round() as u64;
        if status.is_server_error() {
            tracing::warn!(status = status.as_u16(), ms, "answered");
        } else {
            tracing::debug!(status = status.as_u16(), ms, "answered");
        }
    });
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// Counts every panic of the process and logs it as an error: its message, where, and
/// (inside a request) the request's id from the span; a backtrace with
/// `RUST_BACKTRACE=1`. Installed once.
pub fn count_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            metrics::panicked();
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let at = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let thread = std::thread::current()
                .name()
                .unwrap_or("unnamed")
                .to_owned();
            let backtrace = std::backtrace::Backtrace::capture();
            if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
                tracing::error!(%message, %at, %thread, %backtrace, "panic");
            } else {
                tracing::error!(%message, %at, %thread, "panic");
            }
        }));
    });
}

/// Alive: the process answers (nothing else is checked, so a slow database does not
/// get a healthy process restarted).
pub async fn healthz() -> Response {
    Json(json!({ "status": "ok" })).into_response()
}

/// Ready for traffic: the database answers, and it has every migration this build
/// knows (a new app server on an older schema is not sent requests).
pub async fn readyz(State(state): State<AppState>) -> Response {
    let unavailable =
        |body: serde_json::Value| (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response();
    if let Err(error) = app::db::ping(&state.db).await {
        tracing::error!(?error, "readiness: database unreachable");
        return unavailable(json!({ "status": "error", "database": "unreachable" }));
    }
    match app::db::pending(&state.db).await {
        Ok(pending) if pending.is_empty() => Json(json!({
            "status": "ready",
            "database": "ok",
            "migrations": app::db::MIGRATIONS.len(),
        }))
        .into_response(),
        Ok(pending) => unavailable(json!({
            "status": "error",
            "database": "ok",
            "migrations_pending": pending,
        })),
        Err(error) => {
            tracing::error!(?error, "readiness: migrations unreadable");
            unavailable(json!({ "status": "error", "database": "unreachable" }))
        }
    }
}

/// Who may read `/metrics`: with `METRICS_TOKEN` set, whoever sends it as a bearer
/// token; without it, only a client on this machine that came without a proxy (a
/// request carrying forwarding headers may be the public's, relayed).
#[derive(Clone, Debug, Default)]
pub struct MetricsAccess {
    pub token: Option<String>,
}

impl MetricsAccess {
    fn allows(&self, peer: Option<SocketAddr>, headers: &HeaderMap) -> bool {
        if let Some(token) = self.token.as_deref().filter(|t| !t.is_empty()) {
            let sent = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .unwrap_or("");
            return app::auth::session::same_secret(sent, token);
        }
        let relayed = ["forwarded", "x-forwarded-for", "x-real-ip"]
            .iter()
            .any(|name| headers.contains_key(*name));
        peer.is_some_and(|peer| peer.ip().is_loopback()) && !relayed
    }
}

pub async fn metrics_endpoint(access: MetricsAccess, request: Request) -> Response {
    if !access.allows(crate::client_addr::peer(&request), request.headers()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        metrics::encode(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peer(ip: [u8; 4]) -> Option<SocketAddr> {
        Some(SocketAddr::from((ip, 40000)))
    }

    #[test]
    fn metrics_are_for_this_machine_or_the_token() {
        let open = MetricsAccess::default();
        let empty = HeaderMap::new();
        assert!(open.allows(peer([127, 0, 0, 1]), &empty));
        assert!(!open.allows(peer([203, 0, 113, 9]), &empty));
        assert!(!open.allows(None, &empty));
        let mut relayed = HeaderMap::new();
        relayed.insert("x-forwarded-for", HeaderValue::from_static("203.0.113.9"));
        assert!(!open.allows(peer([127, 0, 0, 1]), &relayed));

        let guarded = MetricsAccess {
            token: Some("s3cret-token".into()),
        };
        let mut bearer = HeaderMap::new();
        bearer.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret-token"),
        );
        assert!(guarded.allows(peer([203, 0, 113, 9]), &bearer));
        assert!(!guarded.allows(peer([127, 0, 0, 1]), &empty));
        bearer.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret"),
        );
        assert!(!guarded.allows(peer([127, 0, 0, 1]), &bearer));
    }

    #[test]
    fn panics_are_counted() {
        count_panics();
        let before = metrics::panics();
        let _ = std::panic::catch_unwind(|| panic!("counted"));
        assert!(metrics::panics() > before);
    }

    #[test]
    fn routes_are_templates() {
        let request = |path: &str| {
            Request::builder()
                .uri(path)
                .body(axum::body::Body::empty())
                .unwrap()
        };
        assert_eq!(
            route_of(&request("/nl/diensten/abc123")),
            "/:lang/diensten/:id"
        );
        assert_eq!(
            route_of(&request("/fr/services/xyz")),
            "/:lang/diensten/:id"
        );
        assert_eq!(route_of(&request("/pkg/app-1234.wasm")), "static");
        assert_eq!(route_of(&request("/wp-login.php")), "other");
        assert_eq!(route_of(&request("/nl/geen-pagina/1/2")), "other");
    }
}
