//! The page cache over HTTP: a public page is sent again from memory with its ETag
//! (304 when the browser holds it), in the encoding the browser takes, with a policy
//! that names its scripts by hash; any write to what pages show is on the next page;
//! what is personal (a staff session, a visitor's typed values) is never kept.

use crate::support::http::get;
use crate::support::staff::{service_in, signed_in, staff_app, ADMIN};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use std::io::Read;
use tower::ServiceExt;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_page_is_tagged_revalidated_and_compressed_once() {
    let (_db, router) = staff_app().await;
    let (status, first, body) = get(&router, "/fr/services?q=gare", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let tag = first[header::ETAG].to_str().unwrap().to_owned();
    assert_eq!(first[header::CACHE_CONTROL], "no-cache");
    let (_, second, again) = get(&router, "/fr/services?q=gare", &[]).await;
    assert_eq!(
        (second[header::ETAG].to_str().unwrap(), &again),
        (tag.as_str(), &body)
    );
    // The language cookie is still set; the policy is the same and names no nonce.
    assert!(second[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .starts_with("lang=fr"));
    let policy = second[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert_eq!(
        policy,
        first[header::CONTENT_SECURITY_POLICY].to_str().unwrap()
    );
    assert!(
        !policy.contains("nonce") && policy.contains("script-src 'self'"),
        "{policy}"
    );
    // Every inline script of the page is named by its hash.
    let inline: Vec<&str> = body
        .split("<script")
        .skip(1)
        .filter(|tag| !tag.split('>').next().unwrap_or("").contains("src="))
        .map(|tag| {
            tag.split_once('>')
                .unwrap()
                .1
                .split("</script>")
                .next()
                .unwrap()
        })
        .collect();
    assert!(!inline.is_empty());
    for script in &inline {
        use base64::Engine;
        use sha2::Digest;
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
        assert!(
            policy.contains(&format!("'sha256-{hash}'")),
            "{script}: {policy}"
        );
    }

    let (status, headers, empty) = get(
        &router,
        "/fr/services?q=gare",
        &[(header::IF_NONE_MATCH, tag.as_str())],
    )
    .await;
    assert_eq!((status, empty.as_str()), (StatusCode::NOT_MODIFIED, ""));
    assert_eq!(headers[header::ETAG].to_str().unwrap(), tag);

    for (encoding, name) in [("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        let response = router
            .clone()
            .oneshot(
                Request::get("/fr/services?q=gare")
                    .header(header::ACCEPT_ENCODING, encoding)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.headers()[header::CONTENT_ENCODING], name);
        assert_eq!(response.headers()[header::VARY], "accept-encoding");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let mut text = String::new();
        if name == "gzip" {
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut text)
                .unwrap();
        } else {
            brotli::Decompressor::new(&bytes[..], 4096)
                .read_to_string(&mut text)
                .unwrap();
        }
        assert_eq!(text, body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_to_what_pages_show_is_on_the_next_page() {
    let (db, router) = staff_app().await;
    let id = service_in(&db, "33029").await;
    let path = format!("/nl/diensten/{id}");
    let (_, before, body) = get(&router, &path, &[]).await;
    assert!(!body.contains("Pas veranderd"));
    db.query("UPDATE type::record('service', $id) SET name.nl = 'Pas veranderd'")
        .bind(("id", id.clone()))
        .await
        .unwrap()
        .check()
        .unwrap();
    // Written behind the app's back (another app server, the command line): this
    // process asks the database every 100 ms; the bound here is generous.
    let mut seen = None;
    for _ in 0..100 {
        let (_, after, body) = get(&router, &path, &[]).await;
        if body.contains("Pas veranderd") {
            seen = Some(after);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let after = seen.expect("the change on the page within 2 s");
    assert_ne!(before[header::ETAG], after[header::ETAG]);
    // Tables that no read model follows, shown by public pages: a meeting's seats, the
    // map's layers.
    for write in [
        "UPSERT seats:page_cache_test SET changes += 1",
        "UPDATE map_layer SET source = string::concat(source, ' ')",
    ] {
        let version = app::db::version::pages(&db).await.unwrap().version;
        db.query(write).await.unwrap().check().unwrap();
        let later = app::db::version::pages(&db).await.unwrap().version;
        assert!(later > version, "{write}: {version} → {later}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_statement_writing_hundreds_of_rows_reaches_the_pages_and_breaks_nothing() {
    let (db, router) = staff_app().await;
    let id = service_in(&db, "33029").await;
    let path = format!("/nl/diensten/{id}");
    assert_eq!(get(&router, &path, &[]).await.0, StatusCode::OK);
    // Every service at once: each row bumps the pages' version (over ws:// a live query
    // on it once got a notification per row, and the server closed the connection).
    let written: Vec<serde_json::Value> = db
        .query("UPDATE service SET name.nl = string::concat(name.nl, ' Bulkmerk') RETURN VALUE id")
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert!(written.len() > 300, "{}", written.len());
    let mut shown = false;
    for _ in 0..100 {
        let (status, _, body) = get(&router, &path, &[]).await;
        assert_eq!(status, StatusCode::OK);
        if body.contains("Bulkmerk") {
            shown = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(shown, "the change on the page within 2 s");
    // The app's connection still answers, and so do other pages.
    app::db::version::pages(&db).await.unwrap();
    assert_eq!(
        get(&router, "/fr/services?q=gare", &[]).await.0,
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_is_personal_is_never_kept() {
    let (_db, router) = staff_app().await;
    let cookie = signed_in(&router, ADMIN).await;
    // Signed in: rendered for this person, with a fresh nonce, and not tagged.
    let (_, public, _) = get(&router, "/nl/diensten", &[]).await;
    assert!(public.contains_key(header::ETAG));
    let (status, mine, _) = get(
        &router,
        "/nl/diensten",
        &[(header::COOKIE, cookie.as_str())],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!mine.contains_key(header::ETAG));
    assert!(mine[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("'nonce-"));
    // A visitor's typed values, a follow token, a staff page: never kept.
    for path in [
        "/nl/melden?form=abc",
        "/nl/melden?sent=1&follow=abc",
        "/nl/beheer/aanmelden",
    ] {
        let (_, headers, _) = get(&router, path, &[]).await;
        assert!(!headers.contains_key(header::ETAG), "{path}");
    }
    // Two requests of a page not kept carry two nonces.
    let nonce = |h: &axum::http::HeaderMap| {
        h[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let (_, a, _) = get(&router, "/nl/melden?form=abc", &[]).await;
    let (_, b, _) = get(&router, "/nl/melden?form=abc", &[]).await;
    assert_ne!(nonce(&a), nonce(&b));
}
