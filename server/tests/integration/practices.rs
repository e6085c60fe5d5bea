//! Good practices: seeded with their sources, found across languages and typing
//! mistakes, proposed by editors, published by admins, and saved by an editor only for
//! their own municipalities.

use crate::support::fixtures::value;
use crate::support::http::{encode, get, location, path, post};
use crate::support::staff::{coop_form, csrf, signed_in, staff_app, ADMIN, IEPER, PASSWORD};
use app::auth::{users, UserInput};
use app::coop::SaveCoop;
use app::db::Db;
use axum::http::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeded_practices_are_found_in_both_languages_despite_typing_mistakes() {
    let (_db, router) = staff_app().await;
    let found = |q: &str| {
        let router = router.clone();
        let q = q.to_owned();
        async move {
            let uri = format!("/nl/goede-praktijken?{}", encode(&[("q", q.as_str())]));
            let (status, _, html) = get(&router, &uri, &[]).await;
            assert_eq!(status, StatusCode::OK, "{q}: {html}");
            let mut ids: Vec<String> = html
                .split("data-testid=\"practice\" data-id=\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap().to_owned())
                .collect();
            ids.sort();
            ids
        }
    };
    assert_eq!(found("").await.len(), 3);
    let ssc = "dommelvallei-shared-service-center";
    // Dutch, French, without accents, with typing mistakes, and the other language's
    // words on the page of either language.
    for q in [
        "gedeeld dienstencentrum",
        "centre de services partagés",
        "centre de services partages",
        "bedrijfsvoerng",
        "gestion interne",
        "Dommelvalei",
    ] {
        assert!(found(q).await.contains(&ssc.to_owned()), "{q}");
    }
    for q in [
        "klimaat",
        "climat",
        "klimat",
        "énergie",
        "energie",
        "achat groupé",
    ] {
        assert_eq!(found(q).await, ["ecolife-klimaatclusters"], "{q}");
    }
    assert_eq!(
        found("Roeselare Tielt").await,
        ["i-scan-regio-roeselare-tielt"]
    );
    assert_eq!(found("Roulers").await, ["i-scan-regio-roeselare-tielt"]);
    assert!(found("zwembad").await.is_empty());
    // Filters: kind and theme; a bad kind is a translated 400.
    let (_, _, html) = get(&router, "/fr/bonnes-pratiques?kind=shared_purchase", &[]).await;
    assert!(html.contains("ecolife-klimaatclusters") && !html.contains(ssc));
    let (_, _, html) = get(&router, "/nl/goede-praktijken?theme=bedrijfsvoering", &[]).await;
    assert!(html.contains(ssc) && !html.contains("ecolife-klimaatclusters"));
    let (status, _, _) = get(&router, "/nl/goede-praktijken?kind=barter", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Each page names its source and says that the source gives no results.
    let (status, _, page) = get(&router, &format!("/fr/bonnes-pratiques/{ssc}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("seeds/002_0f75c55bea090b27.txt"));
    assert!(page.contains("La source ne mentionne pas de résultats."));
    assert!(page.contains("/fr/agenda/kennisplatform-intergemeentelijk-samenwerken-2015-12-03"));
    let (_, _, page) = get(&router, "/nl/goede-praktijken/ecolife-klimaatclusters", &[]).await;
    assert!(page.contains("seeds/004_12f3ef4732637889.txt"));
    let (status, _, _) = get(&router, "/nl/goede-praktijken/bestaat-niet", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, sitemap) = get(&router, "/sitemap.xml", &[]).await;
    assert!(sitemap.contains("/fr/bonnes-pratiques/ecolife-klimaatclusters"));
    // The API: the same search, filters and errors; in the OpenAPI document.
    let (status, _, body) = get(&router, "/api/v1/practices?q=climat%20energie", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["data"][0]["id"], "ecolife-klimaatclusters");
    assert_eq!(json["data"][0]["cost_eur"], 10000.0);
    assert!(json["data"][0]["results"].is_null());
    for bad in ["kind=barter", "colour=red", "municipality=%3Cb%3E"] {
        let (status, _, _) = get(&router, &format!("/api/v1/practices?{bad}"), &[]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let (_, _, body) = get(&router, &format!("/api/v1/practices/{ssc}"), &[]).await;
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["source"], "seeds/002_0f75c55bea090b27.txt");
    assert_eq!(
        json["event"]["id"],
        "kennisplatform-intergemeentelijk-samenwerken-2015-12-03"
    );
    let (status, _, _) = get(&router, "/api/v1/practices/bestaat-niet", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, doc) = get(&router, "/api/openapi.json", &[]).await;
    assert!(doc.contains("/api/v1/practices/{id}"));
}

const PRACTICE: [(&str, &str); 8] = [
    ("name_nl", "Gezamenlijke klimaatambtenaar Wervik en Comines"),
    (
        "name_fr",
        "Chargé de mission climat commun à Wervik et Comines",
    ),
    (
        "summary_nl",
        "Twee buurgemeenten delen een klimaatambtenaar.",
    ),
    (
        "summary_fr",
        "Deux communes voisines partagent un chargé de mission climat.",
    ),
    ("kind", "shared_staff"),
    ("themes", "Klimaat | Climat"),
    ("municipalities", "33029, 59152"),
    ("source", "Voorbeeld uit een test"),
];

/// The practice's fields with `key` set to `value`.
fn practice_with(key: &str, value: &'static str) -> Vec<(&'static str, &'static str)> {
    PRACTICE
        .into_iter()
        .map(|(k, v)| (k, if k == key { value } else { v }))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editors_propose_practices_and_admins_publish_them() {
    let (db, router) = staff_app().await;
    let editor = signed_in(&router, IEPER).await;
    let editor_token = csrf(&router, &editor).await;
    let as_editor = [("cookie", editor.as_str()), ("accept", "text/html")];
    let save = path::<SaveCoop>();
    // Ieper's editor proposes practices of Ieper.
    let proposal = practice_with("municipalities", "33011");
    // Publishing is for admins: 403, nothing written.
    let (status, _, _) = post(
        &router,
        save,
        &coop_form("practice", &editor_token, "", "", "publish", &proposal),
        &as_editor,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(value(&db, "RETURN count(SELECT id FROM practice)").await, 3);
    // A practice of other municipalities only (here Wervik's and Comines'), or of none,
    // goes back to the form, nothing written.
    for elsewhere in [PRACTICE.to_vec(), practice_with("municipalities", "")] {
        let (_, headers, _) = post(
            &router,
            save,
            &coop_form("practice", &editor_token, "", "", "save", &elsewhere),
            &as_editor,
        )
        .await;
        assert_eq!(location(&headers), "/nl/beheer/praktijken/nieuw");
    }
    assert_eq!(value(&db, "RETURN count(SELECT id FROM practice)").await, 3);
    // A proposal is a draft, not public.
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("practice", &editor_token, "", "", "save", &proposal),
        &as_editor,
    )
    .await;
    let to = location(&headers);
    assert!(
        to.starts_with("/nl/beheer/praktijken/gezamenlijke-klimaatambtenaar"),
        "{to}"
    );
    let id = to.rsplit('/').next().unwrap().to_owned();
    let (status, _, _) = get(&router, &format!("/nl/goede-praktijken/{id}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Admins hear of the proposal in their digest.
    let digests = app::staff::digest::collect(&db, "1970-01-01T00:00:00Z")
        .await
        .unwrap();
    let admin_news = digests.iter().find(|d| d.email == ADMIN).unwrap();
    assert_eq!(admin_news.practices, 1);
    // Editors may not use the other cooperation forms.
    let (status, _, _) = post(
        &router,
        save,
        &coop_form(
            "project",
            &editor_token,
            "",
            "",
            "save",
            &[("name_nl", "X")],
        ),
        &as_editor,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // An admin publishes it as the practice Wervik and Comines share: on the list, the
    // profiles of both municipalities, the map.
    let admin = signed_in(&router, ADMIN).await;
    let admin_token = csrf(&router, &admin).await;
    let as_admin = [("cookie", admin.as_str()), ("accept", "text/html")];
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("practice", &admin_token, &id, "0", "publish", &PRACTICE),
        &as_admin,
    )
    .await;
    assert_eq!(location(&headers), format!("/nl/beheer/praktijken/{id}"));
    let (status, _, page) = get(&router, &format!("/fr/bonnes-pratiques/{id}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Chargé de mission climat commun"));
    for code in ["33029", "59152"] {
        let (_, _, profile) = get(&router, &format!("/nl/gemeenten/{code}"), &[]).await;
        assert!(
            profile.contains(&format!("/nl/goede-praktijken/{id}")),
            "{code}"
        );
    }
    // Now published (and no longer Ieper's alone), the editor can no longer change it.
    let (status, _, _) = post(
        &router,
        save,
        &coop_form("practice", &editor_token, &id, "1", "save", &proposal),
        &as_editor,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The shared theme is a reason in the partner finder.
    let (_, _, partners) = get(&router, "/nl/partners?code=33029", &[]).await;
    assert!(partners.contains("Klimaat"), "{partners}");
    // The audit trail names both.
    let mut r = db
        .query(format!(
            "SELECT VALUE actor FROM audit WHERE target = 'practice:{id}' ORDER BY at"
        ))
        .await
        .unwrap();
    let actors: Vec<String> = r.take(0).unwrap();
    assert_eq!(actors, [IEPER, ADMIN]);
}

/// Editor of Wervik (33029).
const WERVIK: &str = "redactie@wervik.test";

/// What is stored of a practice: its Dutch name, municipalities and revision.
async fn stored_practice(db: &Db, id: &str) -> serde_json::Value {
    value(
        db,
        &format!(
            "SELECT VALUE [name.nl, municipalities.map(|$m| record::id($m)), revision]
             FROM practice:`{id}`"
        ),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_saves_only_the_practices_of_their_own_municipalities() {
    let (db, router) = staff_app().await;
    let wervik = UserInput {
        email: WERVIK.into(),
        role: "editor".into(),
        municipalities: vec!["33029".into()],
    };
    users::add(&db, &wervik, PASSWORD).await.unwrap();
    let save = path::<SaveCoop>();
    // Ieper's editor proposes a practice of Ieper: a draft.
    let ieper = signed_in(&router, IEPER).await;
    let ieper_token = csrf(&router, &ieper).await;
    let as_ieper = [("cookie", ieper.as_str()), ("accept", "text/html")];
    let proposal = practice_with("municipalities", "33011");
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("practice", &ieper_token, "", "", "save", &proposal),
        &as_ieper,
    )
    .await;
    let id = location(&headers).rsplit('/').next().unwrap().to_owned();
    let proposed = stored_practice(&db, &id).await;
    assert_eq!(
        proposed,
        serde_json::json!([PRACTICE[0].1, ["33011"], 0]),
        "{id}"
    );

    // Wervik's editor sees the proposal, but a crafted post over it is refused, whether
    // it keeps Ieper or names Wervik, and changes nothing.
    let other = signed_in(&router, WERVIK).await;
    let other_token = csrf(&router, &other).await;
    let as_other = [("cookie", other.as_str()), ("accept", "text/html")];
    let mut taken = practice_with("municipalities", "33029");
    taken[0] = ("name_nl", "Overgenomen door Wervik");
    let mut renamed = proposal.clone();
    renamed[0] = ("name_nl", "Overgenomen door Wervik");
    for fields in [&taken, &renamed] {
        let (status, _, _) = post(
            &router,
            save,
            &coop_form("practice", &other_token, &id, "0", "save", fields),
            &as_other,
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(stored_practice(&db, &id).await, proposed);
    }
    let audit = format!("RETURN count(SELECT id FROM audit WHERE target = 'practice:{id}')");
    assert_eq!(value(&db, &audit).await, 1);

    // Ieper's editor may change it, as long as it stays a practice of Ieper (giving it
    // away to Wervik alone goes back to the form, nothing written).
    let widened = practice_with("municipalities", "33011, 33029");
    let form_page = format!("/nl/beheer/praktijken/{id}");
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("practice", &ieper_token, &id, "0", "save", &taken),
        &as_ieper,
    )
    .await;
    assert_eq!(location(&headers), form_page);
    assert_eq!(stored_practice(&db, &id).await, proposed);
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("practice", &ieper_token, &id, "0", "save", &renamed),
        &as_ieper,
    )
    .await;
    assert_eq!(location(&headers), form_page);
    assert_eq!(
        stored_practice(&db, &id).await,
        serde_json::json!(["Overgenomen door Wervik", ["33011"], 1])
    );

    // An admin may change every practice, to any municipalities.
    let admin = signed_in(&router, ADMIN).await;
    let admin_token = csrf(&router, &admin).await;
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("practice", &admin_token, &id, "1", "save", &widened),
        &[("cookie", admin.as_str()), ("accept", "text/html")],
    )
    .await;
    assert_eq!(location(&headers), form_page);
    assert_eq!(
        stored_practice(&db, &id).await,
        serde_json::json!([PRACTICE[0].1, ["33011", "33029"], 2])
    );
}
