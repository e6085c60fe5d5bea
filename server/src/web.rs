//! The axum application: pages (Leptos SSR), server functions, API, static files,
//! and the cross-cutting layers (compression, cache and security headers, logs).

use crate::client_addr::{self, TrustedProxies};
use crate::config::Config;
use crate::observe::{self, MetricsAccess, RouteLabel};
use crate::state::{AppState, PublicUrl};
use crate::{api, csp, csrf, etag, language, page_cache, seo, server_fns};
use app::app::{shell, App};
use app::auth::attempts::SignInLimiter;
use app::db::Db;
use app::i18n::Lang;
use app::kernel::settings::ShellSettings;
use app::reports::limiter::RateLimiter;
use app::routes::{Download, Page};
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::serve::ListenerExt;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::time::Duration;

/// Longest a request may take before it is answered 503. Pages render in milliseconds;
/// the bound is there for the rare render that never finishes (seen twice in about
/// twenty test-suite runs, all threads parked, cause not found): the client gets an
/// answer and the connection is freed instead of hanging.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub async fn serve(db: Db, config: &Config) -> anyhow::Result<()> {
    let mut options = get_configuration(None)?.leptos_options;
    if options.output_name.is_empty() {
        options.output_name = "grensdiensten".into();
    }
    // cargo-leptos writes the content hashes of /pkg files next to the binary.
    let hash_file = std::env::current_exe()?.with_file_name(options.hash_file.as_ref());
    options.hash_files = hash_file.exists();
    // Said loudly, not fatal: the API, the health checks and the pages' text still work.
    if let Err(error) = crate::site::check(&options, &hash_file) {
        tracing::error!("{error:#}");
    }
    let addr = options.site_addr;
    let public_url = config
        .public_url
        .clone()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| format!("http://{addr}"));
    let mailer = match config.smtp()? {
        Some(smtp) => {
            let mailer = app::mail::smtp::Mailer::new(&smtp).map_err(|e| anyhow::anyhow!(e))?;
            tracing::info!(host = %smtp.host, port = smtp.port, security = ?smtp.security, "mail is on");
            Some(mailer)
        }
        None => {
            tracing::warn!("mail is off (no SMTP_HOST): no letters are sent; pages tell people to keep their links");
            None
        }
    };
    let settings = ShellSettings {
        map_tile_url: config.map_tile_url.clone().filter(|u| !u.is_empty()),
        map_tile_attribution: config.map_tile_attribution.clone(),
        public_url: public_url.trim_end_matches('/').to_owned(),
        mail: mailer.is_some(),
        retention_days: config.retention_days,
        publisher: config
            .site_publisher
            .clone()
            .filter(|p| !p.is_empty())
            .map(|p| p.replace("\\n", "\n")),
    };
    let per_account = config.sign_in_rate_limit;
    let guards = Guards {
        reports: RateLimiter::new(config.report_rate_limit, Duration::from_secs(600)),
        sign_in: SignInLimiter::new(per_account, per_account * 4, Duration::from_secs(15 * 60)),
        forms: app::db::rate_limit::FormLimit(config.form_rate_limit),
        letters: app::db::rate_limit::LetterLimit(config.letter_rate_limit),
        trusted_proxies: config.trusted_proxies.clone(),
        metrics: MetricsAccess {
            token: config.metrics_token.clone(),
        },
        page_cache_bytes: config.page_cache_mb << 20,
    };
    if guards.trusted_proxies.is_empty() {
        tracing::info!("no TRUSTED_PROXIES: every client is the connection's peer");
    }
    observe::count_panics();
    tokio::spawn(housekeeping(db.clone(), settings.clone()));
    if let Some(mailer) = mailer {
        tokio::spawn(app::mail::outbox::run(db.clone(), mailer));
    }
    if is_embedded_store(&config.database_url) {
        tokio::spawn(crate::backup::run(db.clone(), config.backups()));
    }
    let router = router_with(db, options, settings, guards);
    // Without TCP_NODELAY a response written in two parts (a file: its head, then its
    // body) waits for the client's delayed ACK: 40 ms at the 99th percentile here.
    let listener = tokio::net::TcpListener::bind(addr).await?.tap_io(|stream| {
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "TCP_NODELAY refused");
        }
    });
    tracing::info!("listening on http://{addr}");
    // On SIGTERM or Ctrl-C: no new connections, requests in flight finish (within the
    // grace period), then the process ends.
    let stopping = std::sync::Arc::new(tokio::sync::Notify::new());
    let signal = {
        let stopping = stopping.clone();
        async move {
            shutdown_signal().await;
            stopping.notify_one();
        }
    };
    // Connection info gives the report form's rate limit the client's address.
    let server = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(signal);
    let grace = Duration::from_secs(config.shutdown_grace_secs);
    tokio::select! {
        served = server => served?,
        () = async { stopping.notified().await; tokio::time::sleep(grace).await } => {
            tracing::warn!(?grace, "requests still open after the grace period: cut");
        }
    }
    tracing::info!("stopped");
    Ok(())
}

/// A database on this machine's disk, held by this process (a server's backups are the
/// database server's business, and `mem://` has nothing to keep).
fn is_embedded_store(url: &str) -> bool {
    url.starts_with("surrealkv:") || url.starts_with("file:") || url.starts_with("rocksdb:")
}

/// What stands between the public and the app besides the database: the abuse limits,
/// and the proxies whose forwarding headers name the client.
#[derive(Clone)]
pub struct Guards {
    pub reports: RateLimiter,
    pub sign_in: SignInLimiter,
    /// Posts of the public forms (registrations, ideas) per address per ten minutes.
    pub forms: app::db::rate_limit::FormLimit,
    /// Letters the public forms may send to one recipient address per hour.
    pub letters: app::db::rate_limit::LetterLimit,
    pub trusted_proxies: TrustedProxies,
    /// Who may read `/metrics`.
    pub metrics: MetricsAccess,
    /// The page cache's budget of uncompressed bytes (`page_cache`); 0 keeps nothing.
    pub page_cache_bytes: usize,
}

impl Default for Guards {
    fn default() -> Self {
        Guards {
            reports: RateLimiter::for_reports(),
            sign_in: SignInLimiter::default(),
            forms: Default::default(),
            letters: Default::default(),
            trusted_proxies: TrustedProxies::default(),
            metrics: MetricsAccess::default(),
            page_cache_bytes: crate::page_cache::DEFAULT_BUDGET,
        }
    }
}

pub fn router(db: Db, options: LeptosOptions, settings: ShellSettings) -> Router {
    router_with(db, options, settings, Guards::default())
}

pub fn router_with(
    db: Db,
    options: LeptosOptions,
    settings: ShellSettings,
    guards: Guards,
) -> Router {
    let Guards {
        reports: limiter,
        sign_in: sign_in_limiter,
        forms: form_limit,
        letters: letter_limit,
        trusted_proxies,
        metrics,
        page_cache_bytes,
    } = guards;
    let hashed = options.hash_files;
    // Served over TLS (behind a proxy): browsers are told to keep to https for a year.
    let strict_transport = settings.public_url.starts_with("https://").then(|| {
        SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        )
    });
    let tile_origin = settings.map_tile_url.as_deref().and_then(csp::origin_of);
    let pages = std::sync::Arc::new(page_cache::PageCache::new(page_cache_bytes));
    pages.follow(db.clone());
    let state = AppState {
        leptos_options: options.clone(),
        db: db.clone(),
        public_url: PublicUrl(settings.public_url.clone()),
    };
    let context = move || {
        csp::provide_request_nonce();
        provide_context(db.clone());
        provide_context(settings.clone());
        provide_context(limiter);
        provide_context(sign_in_limiter);
        provide_context(form_limit);
        provide_context(letter_limit);
    };
    let routes = route_list();
    Router::new()
        .route("/", get(language::redirect_root))
        .route("/healthz", get(observe::healthz))
        .route("/readyz", get(observe::readyz))
        .route(
            "/metrics",
            get(move |request| observe::metrics_endpoint(metrics.clone(), request)),
        )
        .route("/robots.txt", get(seo::robots))
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/api/openapi.json", get(api::openapi::document))
        .merge(api::events::page_routes())
        // Private downloads: outside the open data API's conditional GET (and its
        // bound on the size of a tagged body).
        .route(
            &format!("{}{{file}}", app::transfer::EXPORT_PATH),
            get(api::staff_export::download),
        )
        .route(
            Download::StaffRegistrations.template(),
            get(api::registrations::staff_csv),
        )
        .route(
            Download::Registration.template(),
            get(api::registrations::own_data),
        )
        .route(
            Download::Idea.template(),
            get(api::registrations::idea_data),
        )
        .merge(
            api::router()
                .0
                .layer(middleware::from_fn(etag::conditional_get)),
        )
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        // A panic in a handler is answered 500 (and counted), not a dropped connection.
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn({
            let (db, uploads) = (state.db.clone(), server_fns::Uploads::default());
            move |request, next| server_fns::limit_body(db.clone(), uploads.clone(), request, next)
        }))
        .layer(middleware::from_fn(csrf::refuse_cross_site))
        .layer(middleware::from_fn({
            let trusted = trusted_proxies.clone();
            move |request, next| client_addr::middleware(trusted.clone(), request, next)
        }))
        .layer(middleware::from_fn(answer_in_time))
        .layer(middleware::from_fn(move |request, next| {
            cache_and_language_headers(request, next, hashed)
        }))
        .layer(middleware::from_fn({
            let tile_origin = tile_origin.clone();
            move |request, next| csp::add_policy(tile_origin.clone(), request, next)
        }))
        // Inside compression: a kept page is sent in the encoding the cache made once,
        // which the compression layer then leaves alone.
        .layer(middleware::from_fn({
            let db = state.db.clone();
            move |request, next| {
                page_cache::serve(
                    pages.clone(),
                    db.clone(),
                    tile_origin.clone(),
                    request,
                    next,
                )
            }
        }))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(tower::util::option_layer(strict_transport))
        .layer(middleware::from_fn(move |request, next| {
            observe::requests(trusted_proxies.clone(), request, next)
        }))
        .with_state(state)
}

/// Static assets: the wasm/js/css bundle is immutable when its names carry content
/// hashes (else it revalidates), vendored libraries and images are cached for a day.
/// Pages remember the language in a cookie.
async fn cache_and_language_headers(request: Request, next: Next, hashed: bool) -> Response {
    let path = request.uri().path().to_owned();
    let private = is_private(&path) || carries_token(request.uri().query());
    let mut response = next.run(request).await;
    let ok = response.status().is_success();
    let headers = response.headers_mut();
    let cache = if private {
        Some("no-store")
    } else if path.starts_with("/pkg/") && hashed && ok {
        Some("public, max-age=31536000, immutable")
    } else if path.starts_with("/pkg/") || path.starts_with("/js/") {
        Some("no-cache")
    } else if path.starts_with("/vendor/") || path.ends_with(".svg") {
        Some("public, max-age=86400")
    } else {
        None
    };
    if let Some(cache) = cache {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    } else if let Some(lang) = Lang::from_path(&path) {
        let cookie = format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Private pages (`Page::is_private`: the staff area, a report's follow page) and
/// server-function answers (they may set the session cookie) are never stored by a
/// browser or a proxy.
fn is_private(path: &str) -> bool {
    Page::from_path(path).is_some_and(|(page, _)| page.is_private())
        || server_fns::is_server_fn(path)
        || Download::of(path).is_some()
        || path.starts_with("/api/v1/staff/")
}

/// Query parameters that carry a secret (the report's follow link after sending it).
const TOKEN_PARAMETERS: [&str; 1] = ["follow"];

/// Whether a query carries a secret: then the page is no more cacheable than the
/// follow page itself.
fn carries_token(query: Option<&str>) -> bool {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .any(|(key, _)| TOKEN_PARAMETERS.contains(&key.as_ref()))
}

/// How long an import's check or commit may take: a 20 MB file is about 70 000 rows,
/// which take about 2 minutes to write (10 000 in 15 s here, README). The answer must be
/// the outcome, not a 503 while the transaction goes on.
pub const IMPORT_TIMEOUT: Duration = Duration::from_secs(600);

fn time_limit(path: &str) -> Duration {
    use leptos::server_fn::ServerFn;
    let import = [
        <app::transfer::ImportUpload as ServerFn>::PATH,
        <app::transfer::ImportCommit as ServerFn>::PATH,
    ];
    if import.contains(&path) {
        IMPORT_TIMEOUT
    } else {
        REQUEST_TIMEOUT
    }
}

/// The app's routes, listed once per process.
///
/// Listing them renders the app once with resource loading switched off, and that switch
/// is one flag for the whole process (`leptos_server`'s `SuppressResourceLoad`): a
/// resource of any other render first polled while it is on waits forever (leptos issue
/// #4773). A second listing while pages are being served (a second router in one
/// process, as the tests build one per test) is how renders never finished; listed once,
/// before the first router serves anything, no render can meet the flag.
pub fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::LazyLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::LazyLock::new(|| generate_route_list(App));
    ROUTES.clone()
}

/// Answers 503 when the rest of the stack has not answered within `REQUEST_TIMEOUT`
/// (dropping its future frees what it held); imports get `IMPORT_TIMEOUT`.
async fn answer_in_time(request: Request, next: Next) -> Response {
    let limit = time_limit(request.uri().path());
    let route = request.extensions().get::<RouteLabel>().cloned();
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let route = route.map_or_else(|| "other".to_owned(), |r| r.0);
            app::kernel::metrics::timed_out();
            tracing::warn!(route, "no answer within {limit:?}: 503");
            axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Every ten minutes: one round of `housekeeping_round` (every app server does it;
/// doing it twice is harmless).
async fn housekeeping(db: Db, settings: ShellSettings) {
    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        if let Err(error) = housekeeping_round(&db, &settings, chrono::Utc::now()).await {
            tracing::warn!(?error, "housekeeping failed; trying again in ten minutes");
        }
    }
}

/// Forgets rate-limit keys whose window has passed, uploads past their hour, ended
/// sessions, reset links and typed form values past their time; sends the staff's
/// digest when it is due; removes personal data past its retention period. The server's
/// settings are passed in: a background task has no request to read them from.
pub async fn housekeeping_round(
    db: &Db,
    settings: &ShellSettings,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), app::error::AppError> {
    app::db::rate_limit::sweep(db, now).await?;
    app::transfer::pending::sweep(db).await?;
    app::auth::session::sweep(db).await?;
    app::auth::reset::repo::sweep(db, now).await?;
    app::kernel::form_flash::sweep(db, now).await?;
    app::staff::digest::run_if_due(db, settings, now).await?;
    app::privacy::retention::sweep(db, now, settings.retention_days).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received, finishing open requests");
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::server_fn::ServerFn;

    #[test]
    fn only_the_import_may_take_longer_than_a_page() {
        let commit = <app::transfer::ImportCommit as ServerFn>::PATH;
        let upload = <app::transfer::ImportUpload as ServerFn>::PATH;
        assert_eq!(time_limit(commit), IMPORT_TIMEOUT);
        assert_eq!(time_limit(upload), IMPORT_TIMEOUT);
        assert_eq!(time_limit("/nl/diensten"), REQUEST_TIMEOUT);
        assert_eq!(time_limit(&format!("{commit}x")), REQUEST_TIMEOUT);
    }

    #[test]
    fn a_query_with_a_follow_token_is_private() {
        assert!(carries_token(Some("sent=1&follow=abc")));
        assert!(carries_token(Some("follow=")));
        assert!(!carries_token(Some("sent=1")));
        assert!(!carries_token(None));
    }
}
