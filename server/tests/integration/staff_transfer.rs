//! The staff's import and export page over HTTP: an upload is checked then committed,
//! only admins import and export, and an upload checked on one app server commits on
//! another.

use crate::support::http::{encode, get, location, path, post};
use crate::support::staff::{csrf, signed_in, staff_app, ADMIN, IEPER};
use crate::support::test_app::app;
use crate::support::transfer::{mixed_file, totals, HEADER, NEW};
use app::transfer::{ImportCommit, ImportPreview, ImportUpload, EXPORT_FILES};
use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A multipart form post with a file, as a browser sends it.
async fn upload(
    router: &axum::Router,
    cookie: &str,
    fields: &[(&str, &str)],
    file_name: &str,
    content: &[u8],
) -> (StatusCode, HeaderMap, String) {
    let boundary = "----grensdiensten-test-boundary";
    let mut body = vec![];
    for (name, value) in fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend(content);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(path::<ImportUpload>())
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// The pending import's token in the address the upload redirects to.
fn import_token(location: &str) -> String {
    location
        .split("import=")
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_checks_an_upload_then_commits_it() {
    let (db, router) = staff_app().await;
    let cookie = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &cookie).await;
    let file = mixed_file(&db).await;
    let good: Vec<&str> = file.lines().take(4).collect();
    // Larger than a form's 64 KB: unchanged rows repeated under new ids would be
    // creates, so pad with blank lines, which the reader skips.
    let content = format!("{}\n{}", good.join("\n"), "\n".repeat(100_000));
    let form = [("lang", "fr"), ("csrf", token.as_str())];
    let (status, headers, body) =
        upload(&router, &cookie, &form, "services.csv", content.as_bytes()).await;
    assert_eq!(status, StatusCode::FOUND, "{body}");
    let to = location(&headers);
    assert!(to.starts_with("/fr/gestion/donnees?import="), "{to}");
    let before = totals(&db).await;
    let (status, _, page) = get(&router, &to, &[(header::COOKIE, &cookie)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Nouveaux : 1. Mis à jour : 1. Inchangés : 1."),
        "{page}"
    );
    assert!(page.contains("Importer 2 services"), "{page}");
    assert_eq!(totals(&db).await, before, "the check writes nothing");

    let commit = encode(&[
        ("lang", "fr"),
        ("csrf", &token),
        ("token", &import_token(&to)),
    ]);
    let html = [("cookie", cookie.as_str()), ("accept", "text/html")];
    let (status, headers, _) = post(&router, path::<ImportCommit>(), &commit, &html).await;
    assert_eq!(
        (status, location(&headers)),
        (StatusCode::FOUND, to.clone())
    );
    assert_eq!(totals(&db).await.0, before.0 + 1);
    let (_, _, page) = get(&router, &to, &[(header::COOKIE, &cookie)]).await;
    assert!(
        page.contains("L&#x27;import est enregistré.") || page.contains("L'import est enregistré."),
        "{page}"
    );
    assert!(!page.contains("data-testid=\"import-commit\""));
    // The same form posted twice writes once.
    let (_, headers, _) = post(&router, path::<ImportCommit>(), &commit, &html).await;
    assert_eq!(location(&headers), "/fr/gestion/donnees");
    assert_eq!(totals(&db).await.0, before.0 + 1);

    // A file with errors: the report names the lines, and no commit is offered.
    let (_, headers, _) = upload(&router, &cookie, &form, "x.csv", file.as_bytes()).await;
    let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &cookie)]).await;
    assert_eq!(
        page.matches("data-testid=\"import-error\"").count(),
        2,
        "{page}"
    );
    assert!(
        page.contains("Indiquez 5 numéros de téléphone au plus"),
        "{page}"
    );
    assert!(!page.contains("data-testid=\"import-commit\""));
    // Neither a file of another kind nor no file at all is read.
    let (_, headers, _) = upload(&router, &cookie, &form, "x.xlsx", b"PK").await;
    assert_eq!(location(&headers), "/fr/gestion/donnees");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_import_and_export() {
    let (db, router) = staff_app().await;
    let file = mixed_file(&db).await;
    let good: Vec<&str> = file.lines().take(3).collect();
    let good = good.join("\n");
    let admin = signed_in(&router, ADMIN).await;
    let admin_csrf = csrf(&router, &admin).await;
    let (_, headers, _) = upload(
        &router,
        &admin,
        &[("csrf", &admin_csrf)],
        "a.csv",
        good.as_bytes(),
    )
    .await;
    let admin_token = import_token(&location(&headers));
    assert!(!admin_token.is_empty());

    let mut sessions = vec![("anonymous", String::new(), String::new())];
    for (who, email) in [("editor", IEPER), ("admin", ADMIN)] {
        let cookie = signed_in(&router, email).await;
        let token = csrf(&router, &cookie).await;
        sessions.push((who, cookie, token));
    }
    for (i, (who, cookie, token)) in sessions.iter().enumerate() {
        let expect = |ok: StatusCode| [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN, ok][i];
        let headers = [("cookie", cookie.as_str())];
        let (status, _, body) = post(
            &router,
            path::<ImportPreview>(),
            &encode(&[("token", &admin_token)]),
            &headers,
        )
        .await;
        assert_eq!(status, expect(StatusCode::OK), "preview: {who} {body}");
        let (status, _, body) = upload(
            &router,
            cookie,
            &[("csrf", token)],
            "b.csv",
            good.as_bytes(),
        )
        .await;
        assert_eq!(status, expect(StatusCode::FOUND), "upload: {who} {body}");
        let commit = encode(&[("lang", "nl"), ("csrf", token), ("token", &admin_token)]);
        let (status, _, body) = post(&router, path::<ImportCommit>(), &commit, &headers).await;
        assert_eq!(status, expect(StatusCode::FOUND), "commit: {who} {body}");
        for name in EXPORT_FILES {
            let uri = format!("{}{name}", app::transfer::EXPORT_PATH);
            let (status, response, body) = get(&router, &uri, &[(header::COOKIE, cookie)]).await;
            assert_eq!(status, expect(StatusCode::OK), "{name}: {who}");
            if status == StatusCode::OK {
                assert_eq!(response.get(header::CACHE_CONTROL).unwrap(), "no-store");
                if name.ends_with("json") {
                    serde_json::from_str::<serde_json::Value>(&body).expect("valid JSON");
                }
            }
        }
        let (status, _, page) =
            get(&router, "/nl/beheer/gegevens", &[(header::COOKIE, cookie)]).await;
        let page_status = [StatusCode::FOUND, StatusCode::FORBIDDEN, StatusCode::OK][i];
        assert_eq!(status, page_status, "page: {who}");
        if i == 1 {
            assert!(page.contains("Uw account mag dit niet doen."), "{page}");
        }
    }
    // An unknown file is 404.
    let (status, _, _) = get(
        &router,
        "/api/v1/staff/export/secrets.json",
        &[(header::COOKIE, &admin)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A form token from another session is refused.
    let (status, _, _) = upload(
        &router,
        &admin,
        &[("csrf", "forged")],
        "c.csv",
        good.as_bytes(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// Two app servers on one database: an upload checked on one is committed on the
/// other (the pending upload lives in the database, not in a process).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dry_run_on_one_app_server_commits_on_another() {
    let (db, first) = staff_app().await;
    let second = app(db.clone());
    let cookie = signed_in(&first, ADMIN).await;
    let token = csrf(&first, &cookie).await;
    let content = format!("{HEADER}\n{NEW}\n");
    let form = [("lang", "nl"), ("csrf", token.as_str())];
    let (status, headers, _) =
        upload(&first, &cookie, &form, "services.csv", content.as_bytes()).await;
    assert_eq!(status, StatusCode::FOUND);
    let to = location(&headers);
    let (status, _, page) = get(&second, &to, &[(header::COOKIE, &cookie)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"import-commit\""), "{page}");
    let before = totals(&db).await.0;
    let commit = encode(&[
        ("lang", "nl"),
        ("csrf", &token),
        ("token", &import_token(&to)),
    ]);
    let html = [("cookie", cookie.as_str()), ("accept", "text/html")];
    let (status, headers, _) = post(&second, path::<ImportCommit>(), &commit, &html).await;
    assert_eq!(
        (status, location(&headers)),
        (StatusCode::FOUND, to.clone())
    );
    assert_eq!(totals(&db).await.0, before + 1);
    // Posted again on the first: the file was taken once, nothing more is written.
    let (_, headers, _) = post(&first, path::<ImportCommit>(), &commit, &html).await;
    assert_eq!(location(&headers), "/nl/beheer/gegevens");
    assert_eq!(totals(&db).await.0, before + 1);
    // Another account's token finds nothing.
    let other = signed_in(&first, IEPER).await;
    let (status, _, _) = get(&second, &to, &[(header::COOKIE, &other)]).await;
    assert_ne!(status, StatusCode::OK);
}
