//! Interest in a cluster with a shared price: declared by a municipality's staff,
//! confirmed by the organiser, the cost share following.

use crate::support::fixtures::{members, value};
use crate::support::http::{encode, get, location, path, post};
use crate::support::staff::{csrf, signed_in, staff_app, ADMIN, IEPER, LILLE};
use app::clusters::SaveClusterInterest;
use axum::http::{header, StatusCode};

fn interest_form(csrf: &str, cluster: &str, action: &str, fields: &[(&str, &str)]) -> String {
    let mut pairs: Vec<(String, &str)> = vec![
        ("f[lang]".into(), "nl"),
        ("f[csrf]".into(), csrf),
        ("f[cluster]".into(), cluster),
        ("f[action]".into(), action),
    ];
    pairs.extend(fields.iter().map(|(k, v)| (format!("f[{k}]"), *v)));
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    encode(&borrowed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interested_municipalities_share_the_price_once_the_organiser_confirms_them() {
    let (db, router) = staff_app().await;
    // A climate cluster of the Ecolife programme (€ 10 000 excl. VAT), organised by
    // Lille, with two members.
    app::db::transaction(
        &db,
        "BEGIN TRANSACTION;
         CREATE cluster:klimaat CONTENT {
            code: 'klimaat', kind: 'climate_cluster', source: 'test', publication: 'published',
            name: { nl: 'Klimaatcluster Leie', fr: 'Cluster climat Lys' },
            programme: project:`ecolife-klimaatacties-buurgemeenten`,
            organiser: municipality:`59350` };
         RELATE municipality:`59350`->member_of->cluster:klimaat;
         RELATE municipality:`59599`->member_of->cluster:klimaat;
         COMMIT TRANSACTION;",
        vec![],
    )
    .await
    .unwrap();
    let share = |c: &app::clusters::Cluster| {
        (
            c.cost_share().unwrap().excl_vat_cents,
            c.cost_share_with_interested()
                .map(|s| (s.members, s.excl_vat_cents)),
        )
    };
    let cluster = app::clusters::repo::one(&db, "klimaat").await.unwrap();
    assert_eq!(share(&cluster), (500_000, None));

    let save = path::<SaveClusterInterest>();
    let ieper = signed_in(&router, IEPER).await;
    let ieper_token = csrf(&router, &ieper).await;
    let as_ieper = [("cookie", ieper.as_str()), ("accept", "text/html")];
    let declaration = [
        ("municipality", "33011"),
        ("contact_name", "Dienst klimaat"),
        ("contact_email", "klimaat@ieper.test"),
        ("note", "Wij willen graag aansluiten."),
    ];
    // For another municipality: 403; invalid fields: back with them, nothing stored.
    let mut lille_one = declaration.to_vec();
    lille_one[0] = ("municipality", "59512");
    let (status, _, _) = post(
        &router,
        save,
        &interest_form(&ieper_token, "klimaat", "declare", &lille_one),
        &as_ieper,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let mut bad = declaration.to_vec();
    bad[2] = ("contact_email", "geen adres");
    let (_, headers, _) = post(
        &router,
        save,
        &interest_form(&ieper_token, "klimaat", "declare", &bad),
        &as_ieper,
    )
    .await;
    assert_eq!(
        location(&headers),
        "/nl/beheer/samenwerkingsverbanden/klimaat/interesse"
    );
    let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &ieper)]).await;
    assert!(page.contains("Geef een geldig e-mailadres"), "{page}");
    assert_eq!(
        value(&db, "RETURN count(SELECT id FROM cluster_interest)").await,
        0
    );
    // Declared: public, and the share as it would be with Ieper (3 members).
    post(
        &router,
        save,
        &interest_form(&ieper_token, "klimaat", "declare", &declaration),
        &as_ieper,
    )
    .await;
    let (_, _, public) = get(&router, "/nl/samenwerkingsverbanden/klimaat", &[]).await;
    assert!(
        public.contains("data-testid=\"interested\" data-code=\"33011\""),
        "{public}"
    );
    assert!(public.contains("data-testid=\"cost-share-with-interested\""));
    assert!(
        !public.contains("klimaat@ieper.test"),
        "contacts are for staff"
    );
    let cluster = app::clusters::repo::one(&db, "klimaat").await.unwrap();
    assert_eq!(share(&cluster), (500_000, Some((3, 333_333))));
    // The organiser's staff (Lille) hear of it in their digest; Ieper's do not organise it.
    let digests = app::staff::digest::collect(&db, "1970-01-01T00:00:00Z")
        .await
        .unwrap();
    let interest = |email: &str| {
        digests
            .iter()
            .find(|d| d.email == email)
            .map(|d| d.interest)
    };
    assert_eq!(interest(LILLE), Some(1));
    assert_eq!(interest(ADMIN), Some(1));
    assert_eq!(interest(IEPER).unwrap_or(0), 0);
    // Twice: told so, still one record.
    let (_, headers, _) = post(
        &router,
        save,
        &interest_form(&ieper_token, "klimaat", "declare", &declaration),
        &as_ieper,
    )
    .await;
    let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &ieper)]).await;
    assert!(page.contains("al lid of heeft al interesse gemeld"));
    assert_eq!(
        value(&db, "RETURN count(SELECT id FROM cluster_interest)").await,
        1
    );
    // Ieper's editor is not the organiser: cannot confirm.
    let confirm = [("municipality", "33011")];
    let (status, _, _) = post(
        &router,
        save,
        &interest_form(&ieper_token, "klimaat", "confirm", &confirm),
        &as_ieper,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Four more through an admin: 2 members and 5 interested share among 7.
    let admin = signed_in(&router, ADMIN).await;
    let admin_token = csrf(&router, &admin).await;
    let as_admin = [("cookie", admin.as_str()), ("accept", "text/html")];
    for code in ["33029", "33021", "59512", "59017"] {
        let mut d = declaration.to_vec();
        d[0] = ("municipality", code);
        post(
            &router,
            save,
            &interest_form(&admin_token, "klimaat", "declare", &d),
            &as_admin,
        )
        .await;
    }
    let cluster = app::clusters::repo::one(&db, "klimaat").await.unwrap();
    assert_eq!(share(&cluster), (500_000, Some((7, 142_857))));
    // The organiser (Lille's editor) sees every entry with its contact and confirms Ieper.
    let lille = signed_in(&router, LILLE).await;
    let lille_token = csrf(&router, &lille).await;
    let (_, _, page) = get(
        &router,
        "/nl/beheer/samenwerkingsverbanden/klimaat/interesse",
        &[(header::COOKIE, &lille)],
    )
    .await;
    assert!(
        page.contains("klimaat@ieper.test") && page.contains("data-testid=\"interest-confirm\""),
        "{page}"
    );
    let (_, _, own) = get(
        &router,
        "/nl/beheer/samenwerkingsverbanden/klimaat/interesse",
        &[(header::COOKIE, &ieper)],
    )
    .await;
    assert!(!own.contains("data-testid=\"interest-confirm\""));
    assert_eq!(
        own.matches("data-testid=\"interest-entry\"").count(),
        1,
        "only Ieper's own"
    );
    let (_, headers, _) = post(
        &router,
        save,
        &interest_form(&lille_token, "klimaat", "confirm", &confirm),
        &[("cookie", lille.as_str()), ("accept", "text/html")],
    )
    .await;
    assert_eq!(
        location(&headers),
        "/nl/beheer/samenwerkingsverbanden/klimaat/interesse"
    );
    assert_eq!(members(&db, "klimaat").await, ["33011", "59350", "59599"]);
    let cluster = app::clusters::repo::one(&db, "klimaat").await.unwrap();
    assert_eq!(share(&cluster), (333_333, Some((7, 142_857))));
    let audit = value(
        &db,
        "SELECT VALUE action FROM audit WHERE target = 'cluster:klimaat'",
    )
    .await;
    assert_eq!(audit, "confirm_member");
    // Withdrawing: the municipality's own staff or the organiser, nobody else.
    let (status, _, _) = post(
        &router,
        save,
        &interest_form(
            &ieper_token,
            "klimaat",
            "withdraw",
            &[("municipality", "59512")],
        ),
        &as_ieper,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    post(
        &router,
        save,
        &interest_form(
            &admin_token,
            "klimaat",
            "withdraw",
            &[("municipality", "59512")],
        ),
        &as_admin,
    )
    .await;
    let cluster = app::clusters::repo::one(&db, "klimaat").await.unwrap();
    assert_eq!(share(&cluster), (333_333, Some((6, 166_667))));
    // A grouping without a price takes no interest.
    let (status, _, _) = post(
        &router,
        save,
        &interest_form(&admin_token, "westhoek", "declare", &declaration),
        &as_admin,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
