//! Editing the inventory: create, validate, publish, verify, stale edits, the audit
//! trail, and a published change reaching the public search at once.

use crate::support::fixtures::field;
use crate::support::http::*;
use crate::support::staff::*;
use app::services::edit::{LoadStaffService, SaveService, StaffServices};
use axum::http::{header, StatusCode};

/// A post of the service form, in Dutch, with opening hours as written.
fn service_post<'a>(
    csrf: &'a str,
    id: &'a str,
    revision: &'a str,
    action: &'a str,
    fields: &[(&'a str, &'a str)],
) -> String {
    let mut pairs: Vec<(String, &str)> = vec![
        ("f[lang]".into(), "nl"),
        ("f[csrf]".into(), csrf),
        ("f[id]".into(), id),
        ("f[revision]".into(), revision),
        ("f[action]".into(), action),
        ("f[hours_mode]".into(), "raw"),
    ];
    pairs.extend(fields.iter().map(|(k, v)| (format!("f[{k}]"), *v)));
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    encode(&borrowed)
}

const LIBRARY: [(&str, &str); 9] = [
    ("name_nl", "Grensbibliotheek Ieper-Armentières"),
    ("name_fr", "Bibliothèque frontalière Ypres-Armentières"),
    ("name_fr_mt", "on"),
    ("category", "culture"),
    ("municipality", "33011"),
    ("lat", "50.85114"),
    ("lon", "2.88569"),
    ("speaks_nl", "on"),
    ("opening_hours", "Mo-Fr 09:00-17:00; PH off"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_creates_publishes_and_verifies_a_service_with_its_history() {
    let (db, router) = staff_app().await;
    let cookie = signed_in(&router, IEPER).await;
    let token = csrf(&router, &cookie).await;
    let save = path::<SaveService>();
    let html = [("cookie", cookie.as_str()), ("accept", "text/html")];

    // Publishing at once fails: the descriptions are missing. Nothing is stored.
    let (status, headers, _) = post(
        &router,
        save,
        &service_post(&token, "", "", "publish", &LIBRARY),
        &html,
    )
    .await;
    assert_eq!(
        (status, location(&headers).as_str()),
        (StatusCode::FOUND, "/nl/beheer/diensten/nieuw")
    );
    let (_, _, page) = get(
        &router,
        "/nl/beheer/diensten/nieuw",
        &[(header::COOKIE, &cookie)],
    )
    .await;
    assert!(page.contains("Geef de Nederlandse beschrijving"), "{page}");
    assert!(
        page.contains("Grensbibliotheek Ieper-Armentières"),
        "typed values are kept"
    );
    // The message is shown once.
    let (_, _, again) = get(
        &router,
        "/nl/beheer/diensten/nieuw",
        &[(header::COOKIE, &cookie)],
    )
    .await;
    assert!(!again.contains("Geef de Nederlandse beschrijving"));

    // Saved as a draft: not public.
    let (_, headers, _) = post(
        &router,
        save,
        &service_post(&token, "", "", "save", &LIBRARY),
        &html,
    )
    .await;
    let to = location(&headers);
    let id = to.rsplit('/').next().unwrap().to_owned();
    assert!(
        to.starts_with("/nl/beheer/diensten/grensbibliotheek-ieper-armentieres-"),
        "{to}"
    );
    assert_eq!(field(&db, "service", &id, "status").await, "draft");
    assert_eq!(
        field(&db, "service", &id, "machine_translated").await,
        serde_json::json!(["name.fr"])
    );
    let (status, _, _) = get(&router, &format!("/nl/diensten/{id}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Publish with both descriptions: in the public search at once.
    let mut complete = LIBRARY.to_vec();
    complete.extend([
        (
            "description_nl",
            "Boeken lenen aan beide kanten van de grens.",
        ),
        (
            "description_fr",
            "Emprunter des livres des deux côtés de la frontière.",
        ),
    ]);
    let (_, headers, body) = post(
        &router,
        save,
        &service_post(&token, &id, "0", "publish", &complete),
        &html,
    )
    .await;
    assert_eq!(
        location(&headers),
        format!("/nl/beheer/diensten/{id}"),
        "{body}"
    );
    assert_eq!(location(&headers), format!("/nl/beheer/diensten/{id}"));
    let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &cookie)]).await;
    assert!(page.contains("De dienst is gepubliceerd"), "{page}");
    assert_eq!(field(&db, "service", &id, "status").await, "published");
    let (_, _, found) = get(&router, "/api/v1/services?q=grensbibliotheek", &[]).await;
    assert!(found.contains(&id), "{found}");
    let (status, _, _) = get(&router, &format!("/fr/services/{id}"), &[]).await;
    assert_eq!(status, StatusCode::OK);

    // A stale form (revision 0 again) is refused and changes nothing.
    let mut stale = complete.clone();
    stale.retain(|(k, _)| *k != "name_nl");
    stale.push(("name_nl", "Overschreven"));
    let (_, headers, _) = post(
        &router,
        save,
        &service_post(&token, &id, "0", "save", &stale),
        &html,
    )
    .await;
    let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &cookie)]).await;
    assert!(
        page.contains("iemand anders heeft deze dienst intussen gewijzigd"),
        "{page}"
    );
    assert_eq!(
        field(&db, "service", &id, "name.nl").await,
        "Grensbibliotheek Ieper-Armentières"
    );

    // Verified today, then moved on the map; archived: out of the search.
    post(
        &router,
        save,
        &service_post(&token, &id, "1", "verify", &complete),
        &html,
    )
    .await;
    assert!(field(&db, "service", &id, "assured_date")
        .await
        .as_str()
        .unwrap()
        .starts_with(&chrono::Utc::now().format("%Y-%m").to_string()));
    let mut moved = complete.clone();
    moved.retain(|(k, _)| *k != "lat");
    moved.push(("lat", "50.86000"));
    post(
        &router,
        save,
        &service_post(&token, &id, "2", "save", &moved),
        &html,
    )
    .await;
    assert_eq!(field(&db, "service", &id, "lat").await, 50.86);
    post(
        &router,
        save,
        &service_post(&token, &id, "3", "archive", &moved),
        &html,
    )
    .await;
    let (_, _, found) = get(&router, "/api/v1/services?q=grensbibliotheek", &[]).await;
    assert!(!found.contains(&id), "{found}");

    // The history: who, which fields, before and after.
    let (_, _, page) = get(
        &router,
        &format!("/fr/gestion/services/{id}/historique"),
        &[(header::COOKIE, &cookie)],
    )
    .await;
    for text in [
        "Créé",
        "Publié",
        "Vérifié",
        "Archivé",
        IEPER,
        "50.85114",
        "50.86000",
    ] {
        assert!(page.contains(text), "{text} in history");
    }
    let mut r = db
        .query("SELECT VALUE action FROM audit WHERE target = $t ORDER BY at")
        .bind(("t", format!("service:{id}")))
        .await
        .unwrap();
    assert_eq!(
        r.take::<Vec<String>>(0).unwrap(),
        ["create", "publish", "verify", "save", "archive"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_wrong_field_gets_its_message_in_both_languages() {
    let (db, router) = staff_app().await;
    let cookie = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &cookie).await;
    let bad = [
        ("name_nl", ""),
        ("category", "no-such-category"),
        ("municipality", "33011"),
        ("lat", "12"),
        ("lon", "2.9"),
        ("phone", "bel ons"),
        ("email", "not-an-email"),
        ("website", "javascript:alert(1)"),
        ("opening_hours", "whenever"),
        ("access_note_fr", "seulement en français"),
    ];
    let before: i64 = {
        let mut r = db
            .query("RETURN count(SELECT id FROM service)")
            .await
            .unwrap();
        r.take::<Option<i64>>(0).unwrap().unwrap()
    };
    for (lang, expected) in [
        (
            "nl",
            [
                "Geef een naam",
                "Geef een breedtegraad",
                "Geef ten hoogste 5 telefoonnummers",
                "Geef een geldig e-mailadres",
                "Geef een webadres",
                "Deze openingsuren kunnen we niet lezen",
                "Een toelichting is nodig",
            ],
        ),
        (
            "fr",
            [
                "Indiquez un nom",
                "Indiquez une latitude",
                "Indiquez 5 numéros de téléphone au plus",
                "Indiquez une adresse e-mail valide",
                "Indiquez une adresse web",
                "Nous ne pouvons pas lire ces horaires",
                "Une précision doit être donnée",
            ],
        ),
    ] {
        let body = service_post(&token, "", "", "save", &bad)
            .replace("f%5Blang%5D=nl", &format!("f%5Blang%5D={lang}"));
        let (_, headers, _) = post(
            &router,
            path::<SaveService>(),
            &body,
            &[("cookie", &cookie), ("accept", "text/html")],
        )
        .await;
        let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &cookie)]).await;
        for text in expected {
            assert!(page.contains(text), "{lang}: {text}");
        }
        assert!(page.contains("aria-invalid=\"true\""));
    }
    let after: i64 = {
        let mut r = db
            .query("RETURN count(SELECT id FROM service)")
            .await
            .unwrap();
        r.take::<Option<i64>>(0).unwrap().unwrap()
    };
    assert_eq!(before, after, "nothing stored");
}

/// Every staff server function × {anonymous, editor elsewhere, editor in scope, admin}.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorization_matrix_for_the_inventory() {
    let (db, router) = staff_app().await;
    let id = service_in(&db, "33011").await;
    let mut sessions = vec![("anonymous", None)];
    for (who, email) in [
        ("editor elsewhere", LILLE),
        ("editor in scope", IEPER),
        ("admin", ADMIN),
    ] {
        let cookie = signed_in(&router, email).await;
        let token = csrf(&router, &cookie).await;
        sessions.push((who, Some((cookie, token))));
    }
    for (i, (who, session)) in sessions.iter().enumerate() {
        let (cookie, token) = session.clone().unwrap_or_default();
        let headers = [("cookie", cookie.as_str())];
        let expect =
            |anonymous, elsewhere, in_scope, admin| [anonymous, elsewhere, in_scope, admin][i];
        let (status, _, body) = post(
            &router,
            path::<LoadStaffService>(),
            &format!("id={id}"),
            &headers,
        )
        .await;
        assert_eq!(
            status,
            expect(
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
                StatusCode::OK
            ),
            "load: {who} {body}"
        );
        let (status, _, body) = post(
            &router,
            path::<app::services::edit::ServiceHistory>(),
            &format!("id={id}"),
            &headers,
        )
        .await;
        assert_eq!(
            status,
            expect(
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
                StatusCode::OK
            ),
            "history: {who} {body}"
        );
        let (status, _, body) = post(
            &router,
            path::<StaffServices>(),
            "query[municipality]=33011",
            &headers,
        )
        .await;
        assert_eq!(
            status,
            expect(
                StatusCode::UNAUTHORIZED,
                StatusCode::OK,
                StatusCode::OK,
                StatusCode::OK
            ),
            "list: {who}"
        );
        if status == StatusCode::OK {
            assert_eq!(body.contains(&id), i >= 2, "list scope: {who}");
        }
        // Verify (no change of fields) with the current revision.
        let revision = field(&db, "service", &id, "revision ?? 0")
            .await
            .to_string();
        let current = app::services::edit::repo::load(&db, &id)
            .await
            .unwrap()
            .unwrap();
        let values = app::services::edit::form_view_values(&current);
        let fields: Vec<(&str, &str)> = values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let (status, _, body) = post(
            &router,
            path::<SaveService>(),
            &service_post(&token, &id, &revision, "verify", &fields),
            &headers,
        )
        .await;
        assert_eq!(
            status,
            expect(
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FOUND,
                StatusCode::FOUND
            ),
            "save: {who} {body}"
        );
        // Creating a service in a municipality: only in scope.
        let (status, headers_out, body) = post(
            &router,
            path::<SaveService>(),
            &service_post(&token, "", "", "save", &LIBRARY),
            &headers,
        )
        .await;
        assert_eq!(
            status,
            expect(
                StatusCode::UNAUTHORIZED,
                StatusCode::FOUND,
                StatusCode::FOUND,
                StatusCode::FOUND
            ),
            "create: {who} {body}"
        );
        if i == 1 {
            // Refused as a field error (Ieper is not in the list offered to Lille's editor).
            assert_eq!(location(&headers_out), "/nl/beheer/diensten/nieuw");
        }
    }
    let mut r = db
        .query("SELECT VALUE actor FROM audit WHERE action = 'verify'")
        .await
        .unwrap();
    assert_eq!(r.take::<Vec<String>>(0).unwrap().len(), 2);
    let mut r = db
        .query("SELECT VALUE actor FROM audit WHERE action = 'create' ORDER BY actor")
        .await
        .unwrap();
    assert_eq!(r.take::<Vec<String>>(0).unwrap(), [ADMIN, IEPER]);
}
