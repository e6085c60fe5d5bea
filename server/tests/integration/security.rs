//! Hostile input: markup in every value a page writes back, and malformed calls to every
//! server function.

use crate::support::http::{get, post};
use crate::support::test_app::{app, db};
use axum::http::StatusCode;
use html5gum::{DefaultEmitter, Token, Tokenizer};

const PAYLOADS: [&str; 5] = [
    "</textarea><script>alert(1)</script>",
    "\"><script>alert(2)</script>",
    "' onmouseover=alert(3) x='",
    "<img src=x onerror=alert(4)>",
    "</title><svg onload=alert(5)>",
];

/// What a browser's tokenizer sees in a page: the start tags, their attribute names, and
/// the text of each `<textarea>` (entities decoded).
#[derive(Debug, Default, PartialEq)]
struct Markup {
    tags: Vec<String>,
    event_attributes: Vec<String>,
    textareas: Vec<String>,
    /// The text of each `<script>` element.
    scripts: Vec<String>,
}

fn markup(html: &str) -> Markup {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut out = Markup::default();
    let mut in_textarea: Option<String> = None;
    let mut in_script: Option<String> = None;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                for attribute in tag.attributes.keys() {
                    let attribute = String::from_utf8_lossy(attribute).into_owned();
                    if attribute.starts_with("on") {
                        out.event_attributes.push(format!("{name} {attribute}"));
                    }
                }
                if name == "textarea" {
                    in_textarea = Some(String::new());
                }
                if name == "script" {
                    in_script = Some(String::new());
                }
                out.tags.push(name);
            }
            Token::String(text) => {
                if let Some(content) = in_textarea.as_mut() {
                    content.push_str(&String::from_utf8_lossy(&text));
                }
                if let Some(content) = in_script.as_mut() {
                    content.push_str(&String::from_utf8_lossy(&text));
                }
            }
            Token::EndTag(tag) if &*tag.name == b"textarea" => {
                out.textareas.extend(in_textarea.take());
            }
            Token::EndTag(tag) if &*tag.name == b"script" => {
                out.scripts.extend(in_script.take());
            }
            _ => {}
        }
    }
    out
}

fn encoded(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prefilled_report_fields_come_back_as_text() {
    let router = app(db().await);
    for page in ["/nl/melden", "/fr/signaler"] {
        let (_, _, benign) =
            get(&router, &format!("{page}?message=hallo&error=message"), &[]).await;
        let benign = markup(&benign);
        assert_eq!(benign.textareas, vec!["hallo"]);
        for payload in PAYLOADS {
            let value = encoded(payload);
            let uri = format!(
                "{page}?message={value}&kind={value}&service={value}&error=message,{value}"
            );
            let (status, _, body) = get(&router, &uri, &[]).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            let seen = markup(&body);
            assert_eq!(seen.textareas, vec![payload.to_owned()], "{uri}");
            assert_eq!(seen.tags, benign.tags, "{uri}: the markup changed");
            assert!(
                seen.event_attributes.is_empty(),
                "{uri}: {:?}",
                seen.event_attributes
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_that_echo_the_request_keep_it_as_text() {
    let router = app(db().await);
    let pages = [
        "/nl/diensten?q=",
        "/fr/services?q=",
        "/nl/diensten?near=",
        "/fr/services?category=",
        "/nl/gemeenten?q=",
        "/fr/communes?q=",
        "/nl/diensten/",
        "/fr/communes/",
        "/nl/",
    ];
    for page in pages {
        for payload in PAYLOADS {
            let uri = format!("{page}{}", encoded(payload));
            let (status, _, body) = get(&router, &uri, &[]).await;
            assert_ne!(status, StatusCode::INTERNAL_SERVER_ERROR, "{uri}");
            if status == StatusCode::SERVICE_UNAVAILABLE {
                // The server's request timeout answered: the render never finished.
                // No markup from the request can be in it; the log names the page.
                eprintln!("request timeout (web::REQUEST_TIMEOUT) for {uri}");
                continue;
            }
            let seen = markup(&body);
            // Not a count of scripts: a render that outlasts the shell streams its
            // results with scripts of Leptos' own, so the count varies with timing.
            assert!(
                !seen.tags.iter().any(|t| t == "img" || t == "svg")
                    && !seen
                        .scripts
                        .iter()
                        .any(|s| s.trim_start().starts_with("alert(")),
                "{uri}: markup from the request became elements"
            );
            assert!(
                seen.event_attributes.is_empty(),
                "{uri}: {:?}",
                seen.event_attributes
            );
        }
    }
}

/// Calls a server function with this body, asking for JSON: the status and the answer.
async fn call(router: &axum::Router, uri: &str, body: Vec<u8>) -> (StatusCode, String) {
    let (status, _, text) = post(router, uri, body, &[("accept", "application/json")]).await;
    (status, text)
}

/// Words of parser, database and file messages that must never reach a client.
const INTERNAL_TEXT: [&str; 10] = [
    "missing field",
    "unknown variant",
    "invalid type",
    "Record ID",
    "SurrealDB",
    "database",
    "serde",
    "Deserializ",
    "statement",
    ".rs",
];

fn assert_no_internal_text(context: &str, body: &str) {
    for word in INTERNAL_TEXT {
        assert!(!body.contains(word), "{context}: {word:?} in {body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_calls_to_every_server_function_are_client_errors() {
    let router = app(db().await);
    let paths: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    assert!(paths.len() >= 7, "{paths:?}");
    let bodies: Vec<Vec<u8>> = vec![
        b"lang=de".to_vec(),
        b"lang=nl&query[q]=gare&query[page]=-1&query[unknown]=1".to_vec(),
        b"lang[]=nl&form=1&query=2&code[x]=3&id[]=4".to_vec(),
        b"%%%=%&&=".to_vec(),
        vec![0xff, 0xfe, 0x00, 0x80],
        format!("lang=nl&form[message]={}", "x".repeat(200_000)).into_bytes(),
    ];
    for path in &paths {
        for body in &bodies {
            let (status, text) = call(&router, path, body.clone()).await;
            let context = format!(
                "{path} <- {:?}",
                String::from_utf8_lossy(&body[..body.len().min(60)])
            );
            // Staff functions refuse anonymous callers (401) before anything else.
            assert!(
                status.is_success()
                    || status == StatusCode::BAD_REQUEST
                    || status == StatusCode::UNAUTHORIZED
                    || status == StatusCode::FORBIDDEN
                    || status == StatusCode::NOT_FOUND,
                "{context}: {status} {text}"
            );
            assert_no_internal_text(&context, &text);
            if !status.is_success() {
                let error: serde_json::Value = serde_json::from_str(&text)
                    .unwrap_or_else(|_| panic!("{context}: not JSON: {text}"));
                assert!(
                    error["message"]["nl"].is_string() && error["message"]["fr"].is_string(),
                    "{context}: {text}"
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_records_are_404_whatever_their_shape() {
    use app::municipalities::LoadMunicipalityProfile;
    use app::services::LoadService;
    use leptos::server_fn::ServerFn;
    let router = app(db().await);
    for code in [
        "",
        "00000",
        "a:b",
        "⟨x⟩",
        "municipality:59350",
        "59350; DELETE municipality",
        &"9".repeat(500),
    ] {
        let body = format!("code={}", encoded(code)).into_bytes();
        let (status, text) = call(&router, LoadMunicipalityProfile::PATH, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{code:?}: {text}");
        assert_no_internal_text(code, &text);
        let body = format!("id={}", encoded(code)).into_bytes();
        let (status, text) = call(&router, LoadService::PATH, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{code:?}: {text}");
        assert_no_internal_text(code, &text);
    }
    for page in [
        "/nl/gemeenten/a:b",
        "/fr/communes/%E2%9F%A8x%E2%9F%A9",
        "/nl/diensten/a:b",
    ] {
        let (status, _, body) = get(&router, page, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{page}");
        assert_no_internal_text(page, &body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_form_and_the_database_agree_on_every_email() {
    let db = db().await;
    for email in [
        "jan@example.be",
        "o'brien+tag@sub.example.co.uk",
        "jan@mail..be",
        "jan..peeters@x.be",
        ".jan@x.be",
        "jan@-x.be",
        "jan@x",
        "jan@x.be.",
        "jan@xn--bcher-kva.example",
        "jan@[127.0.0.1]",
        "\"jan\"@x.be",
        "jan@x_y.be",
        "üser@x.be",
        // A `mailto:` link would read these as a query, an escape or a fragment.
        "jan?cc=boss@x.be",
        "jan?body=click%20here@x.be",
        "a&b=c@x.be",
        "a%40b@x.be",
        "a#b@x.be",
    ] {
        let form_accepts = app::kernel::validate::valid_email(email);
        // Every table that stores an address asserts the same rule.
        for insert in [
            "CREATE report CONTENT { kind: 'other', message: 'A message long enough', email: $email, lang: 'nl' }",
            "UPDATE (SELECT VALUE id FROM service LIMIT 1) SET email = $email",
        ] {
            let stored = db
                .query(insert)
                .bind(("email", email.to_owned()))
                .await
                .unwrap()
                .check()
                .is_ok();
            assert_eq!(
                form_accepts, stored,
                "{email}: form {form_accepts}, database {stored} ({insert})"
            );
        }
        let lower = email.to_lowercase();
        let account = db
            .query("CREATE user CONTENT { email: $email, role: 'editor', municipalities: [], password_hash: '$argon2id$x', active: true }")
            .bind(("email", lower.clone()))
            .await
            .unwrap()
            .check()
            .is_ok();
        assert_eq!(
            app::kernel::validate::valid_email(&lower),
            account,
            "{lower}: user"
        );
    }
}

/// The rare render that never finished (seen twice in about twenty runs of the suite,
/// every thread parked, no lock held). Its cause: listing a router's routes renders the
/// app with resource loading switched off by one process-wide flag, and a resource of
/// another render first polled meanwhile waits forever (leptos issue #4773). The suite
/// builds a router per test while other tests render. Here routers are built again and
/// again while pages with resources render; each render must finish within 5 s. Before
/// the fix (`web::route_list`, the routes listed once per process) some never did.
#[test]
fn building_routers_never_stalls_pages_being_rendered() {
    // The pages' runtime: it holds the database (over ws:// its connection lives there).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let seeded = std::sync::Arc::new(runtime.block_on(db()));
    let building = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    // Routers built meanwhile, on another thread (as another test would).
    let builder = {
        let (seeded, building) = (seeded.clone(), building.clone());
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            let _inside = runtime.enter();
            let mut built = 0;
            while building.load(std::sync::atomic::Ordering::Relaxed) && built < 2_000 {
                drop(app((*seeded).clone()));
                built += 1;
            }
            built
        })
    };
    let uris: Vec<String> = [
        "/nl/diensten?q=bibliotheek",
        "/fr/services?q=gare",
        "/nl/gemeenten?q=ieper",
        "/fr/communes/59350",
        "/nl/diensten?near=Wervik",
        "/fr",
    ]
    .iter()
    .map(|u| u.to_string())
    .collect();
    let (answered, stalled) = runtime.block_on(async {
        let router = app((*seeded).clone());
        let lanes: Vec<_> = (0..4)
            .map(|lane| {
                let (router, uris) = (router.clone(), uris.clone());
                tokio::spawn(async move {
                    let (mut answered, mut stalled) = (0, vec![]);
                    for n in 0..40 {
                        let uri = &uris[(lane + n) % uris.len()];
                        let limit = std::time::Duration::from_secs(5);
                        match tokio::time::timeout(limit, get(&router, uri, &[])).await {
                            Ok((StatusCode::OK, _, _)) => answered += 1,
                            Ok((status, _, _)) => panic!("{uri}: {status}"),
                            Err(_) => stalled.push(uri.clone()),
                        }
                        if stalled.len() >= 2 {
                            break;
                        }
                    }
                    (answered, stalled)
                })
            })
            .collect();
        let (mut answered, mut stalled) = (0, vec![]);
        for lane in lanes {
            let (a, s) = lane.await.unwrap();
            answered += a;
            stalled.extend(s);
        }
        (answered, stalled)
    });
    building.store(false, std::sync::atomic::Ordering::Relaxed);
    let built = builder.join().unwrap();
    eprintln!(
        "{answered} pages answered, {} stalled, {built} routers built meanwhile",
        stalled.len()
    );
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    assert!(
        stalled.is_empty(),
        "renders that never finished: {stalled:?}"
    );
}

/// Panics of the whole test process whose message says a reactive value was used after
/// its disposal.
static DISPOSED_PANICS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn count_disposed_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            if message.contains("disposed") {
                DISPOSED_PANICS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            previous(info);
        }));
    });
}

/// The panic seen under load ("Tried to access a reactive value that has already been
/// disposed", `reactive_graph` `future_impls.rs:104`): a visitor leaves, the request's
/// reactive values are disposed, and a task that Suspense spawned to check its children
/// polls a page's `Resource` afterwards (the pages now hold their resources as
/// `ArcResource`, see `components::Loaded`). A guard: pages abandoned after every number
/// of polls from 1 to 60, in eight lanes at once, must leave no task that touches a
/// disposed value. The race itself is rare (2 panics in 400 s of the release server
/// under the load benchmark, about 70 000 abandoned requests); this test did not catch
/// it in the debug build, the load benchmark did, and it fails on any panic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn abandoned_pages_leave_nothing_that_touches_disposed_values() {
    use std::future::Future;
    count_disposed_panics();
    let router = app(db().await);
    let uris = [
        "/nl",
        "/fr/services?q=gare",
        "/nl/diensten?q=bibliotheek",
        "/fr/communes/59350",
        "/nl/observatorium",
        "/fr/projets",
        "/nl/agenda",
        "/fr/cooperations",
    ];
    let lanes: Vec<_> = (0..8)
        .map(|lane| {
            let router = router.clone();
            tokio::spawn(async move {
                for n in 0..240 {
                    let uri = uris[(lane + n) % uris.len()];
                    let mut page = Box::pin(get(&router, uri, &[]));
                    for _ in 0..(n % 60) + 1 {
                        let ready = std::future::poll_fn(|cx| {
                            std::task::Poll::Ready(page.as_mut().poll(cx).is_ready())
                        })
                        .await;
                        if ready {
                            break;
                        }
                        tokio::task::yield_now().await;
                    }
                    drop(page);
                }
            })
        })
        .collect();
    for lane in lanes {
        lane.await.unwrap();
    }
    // What was spawned for the abandoned pages runs out.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        DISPOSED_PANICS.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "a task used a reactive value of an abandoned page"
    );
}
