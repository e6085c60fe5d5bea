//! The groupings (clusters): their members follow their published rules.

use crate::support::fixtures::{members, value};
use crate::support::http::{get, location, path, post};
use crate::support::staff::{coop_form, csrf, signed_in, staff_app, ADMIN};
use app::coop::SaveCoop;
use axum::http::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_groupings_have_their_members_by_their_published_rules() {
    let (db, router) = staff_app().await;
    // Wervik is in the Westhoek conference and the Eurometropolis; Lille in the
    // Eurometropolis; Veurne in the Westhoek only; Dunkirk in neither.
    let westhoek = members(&db, "westhoek").await;
    let euro = members(&db, "eurometropool").await;
    assert!(westhoek.contains(&"33029".into()) && euro.contains(&"33029".into()));
    assert!(euro.contains(&"59350".into()) && euro.contains(&"59512".into()));
    assert!(westhoek.contains(&"38025".into()) && !euro.contains(&"38025".into()));
    assert!(!euro.contains(&"59183".into()) && !westhoek.contains(&"59183".into()));
    // Every member follows the rule: by arrondissement, or (France) by the MEL.
    let outside = value(
        &db,
        "SELECT VALUE count(<-member_of<-municipality[WHERE !(arrondissement.code IN ['32000', '33000', '38000'])]) FROM cluster:westhoek",
    )
    .await;
    assert_eq!(outside, 0);
    let euro_outside = value(
        &db,
        "SELECT VALUE count(<-member_of<-municipality[WHERE !(arrondissement.code IN ['33000', '34000', '36000', '37000', '51000', '57000'] OR epci = cluster:`epci-200093201`)]) FROM cluster:eurometropool",
    )
    .await;
    assert_eq!(euro_outside, 0);
    let midwest = members(&db, "midwest").await;
    assert!(midwest.contains(&"36015".into()), "{midwest:?}");
    assert_eq!(
        value(&db, "SELECT VALUE count(<-member_of<-municipality[WHERE arrondissement.code != '36000']) FROM cluster:midwest").await,
        0
    );
    assert!(members(&db, "brugse-regio").await.is_empty());

    // The profile lists both groupings; the grouping's page shows its rule and source.
    let (_, _, wervik) = get(&router, "/nl/gemeenten/33029", &[]).await;
    assert!(
        wervik.contains("/nl/samenwerkingsverbanden/westhoek"),
        "{wervik}"
    );
    assert!(wervik.contains("/nl/samenwerkingsverbanden/eurometropool"));
    let (_, _, page) = get(&router, "/fr/cooperations/eurometropool", &[]).await;
    assert!(page.contains("data-testid=\"membership-rule\""), "{page}");
    assert!(page.contains("Métropole Européenne de Lille"));
    assert!(page.contains("GECT Eurométropole"));
    let (_, _, api) = get(&router, "/api/v1/clusters/westhoek", &[]).await;
    let json: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert!(json["membership_rule"]["nl"]
        .as_str()
        .unwrap()
        .contains("Diksmuide"));

    // The partner finder's "shared cluster" term now works on the Belgian side.
    let (_, _, partners) = get(&router, "/nl/partners?code=33029", &[]).await;
    assert!(
        partners.contains("Burgemeestersconferentie Westhoek")
            || partners.contains("Eurometropool"),
        "{partners}"
    );

    // An admin corrects the members (the shared form); a reseed keeps the correction.
    let cookie = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &cookie).await;
    let html = [("cookie", cookie.as_str()), ("accept", "text/html")];
    let corrected = [
        ("name_nl", "Burgemeestersconferentie Westhoek"),
        ("name_fr", "Conférence des bourgmestres du Westhoek"),
        ("description_nl", "De burgemeesters van de Westhoek."),
        ("description_fr", "Les bourgmestres du Westhoek."),
        ("kind", "conference_of_mayors"),
        ("members", "33029, 33011"),
    ];
    let (status, headers, _) = post(
        &router,
        path::<SaveCoop>(),
        &coop_form("cluster", &token, "westhoek", "0", "save", &corrected),
        &html,
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        location(&headers),
        "/nl/beheer/samenwerkingsverbanden/westhoek"
    );
    app::seed::seed(&db).await.unwrap();
    assert_eq!(members(&db, "westhoek").await, ["33011", "33029"]);
    let (_, _, page) = get(&router, "/nl/samenwerkingsverbanden/westhoek", &[]).await;
    assert!(
        page.contains("data-testid=\"membership-corrected\""),
        "{page}"
    );
    let (_, _, page) = get(&router, "/nl/samenwerkingsverbanden/eurometropool", &[]).await;
    assert!(!page.contains("membership-corrected"));

    // A database seeded before the rules existed gets them once at the next start.
    app::db::transaction(
        &db,
        "BEGIN TRANSACTION; UPDATE cluster:eurometropool SET rule = NONE, rule_source = NONE;
         DELETE member_of WHERE out = cluster:eurometropool; COMMIT TRANSACTION;",
        vec![],
    )
    .await
    .unwrap();
    assert!(members(&db, "eurometropool").await.is_empty());
    assert!(app::seed::seed_if_empty(&db).await.unwrap().is_none());
    assert_eq!(members(&db, "eurometropool").await, euro);
    assert_eq!(
        app::seed::fill_groupings(&db).await.unwrap(),
        0,
        "only once"
    );
}
