//! Editing projects, events and clusters (admins only): create, validate, publish,
//! stale edits, the audit trail, drafts kept from the public pages, and the rights.

use crate::support::fixtures::field;
use crate::support::http::*;
use crate::support::staff::*;
use app::coop::{CoopHistory, CoopList, LoadCoop, SaveCoop};
use axum::http::{header, StatusCode};

const PROJECT: [(&str, &str); 14] = [
    ("name_nl", "Grensfietsroute Westhoek"),
    ("name_fr", "Véloroute frontalière du Westhoek"),
    ("name_fr_mt", "on"),
    ("summary_nl", "Een fietsroute langs de grens."),
    (
        "summary_fr",
        "Un itinéraire cyclable le long de la frontière.",
    ),
    ("themes", "Mobiliteit | Mobilité"),
    ("budget_eur", "125000"),
    ("period_start", "2025-01-01"),
    ("period_end", "2027-12-31"),
    ("status", "ongoing"),
    ("kind", "interreg_project"),
    ("municipalities", "33011, 59350"),
    ("partner_westhoekoverleg", "partner"),
    ("partner_midwestoverleg", "associated"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_creates_and_publishes_a_project_and_an_event() {
    let (db, router) = staff_app().await;
    let cookie = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &cookie).await;
    let save = path::<SaveCoop>();
    let html = [("cookie", cookie.as_str()), ("accept", "text/html")];
    let page = |uri: String| {
        let (router, cookie) = (router.clone(), cookie.clone());
        async move { get(&router, &uri, &[(header::COOKIE, &cookie)]).await.2 }
    };

    // Publishing needs both languages: refused, the typed values kept.
    let one_language: Vec<(&str, &str)> = PROJECT
        .into_iter()
        .filter(|(k, _)| !k.ends_with("_fr"))
        .collect();
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("project", &token, "", "", "publish", &one_language),
        &html,
    )
    .await;
    assert_eq!(location(&headers), "/nl/beheer/projecten/nieuw");
    let shown = page(location(&headers)).await;
    assert!(shown.contains("Naam (Frans)"), "{shown}");
    assert!(
        shown.contains("Om te publiceren zijn beide talen nodig"),
        "{shown}"
    );
    assert!(shown.contains("Grensfietsroute Westhoek"));

    // A draft: stored, not public.
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("project", &token, "", "", "save", &PROJECT),
        &html,
    )
    .await;
    let to = location(&headers);
    assert!(
        to.starts_with("/nl/beheer/projecten/grensfietsroute-westhoek-"),
        "{to}"
    );
    let project = to.rsplit('/').next().unwrap().to_owned();
    assert_eq!(
        field(&db, "project", &project, "publication").await,
        "draft"
    );
    assert_eq!(
        field(
            &db,
            "project",
            &project,
            "partners.map(|$p| [record::id($p.org), $p.role])"
        )
        .await,
        serde_json::json!([
            ["midwestoverleg", "associated"],
            ["westhoekoverleg", "partner"]
        ])
    );
    assert_eq!(
        field(&db, "project", &project, "machine_translated").await,
        serde_json::json!(["name.fr"])
    );
    let (status, _, _) = get(&router, &format!("/nl/projecten/{project}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, api) = get(&router, "/api/v1/projects", &[]).await;
    assert!(!api.contains(&project));

    // Published: on the public pages, the API and the sitemap at once.
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("project", &token, &project, "0", "publish", &PROJECT),
        &html,
    )
    .await;
    assert!(page(location(&headers)).await.contains("Gepubliceerd"));
    let (status, _, public) = get(&router, &format!("/fr/projets/{project}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains("Véloroute frontalière du Westhoek"));
    let (_, _, api) = get(&router, &format!("/api/v1/projects/{project}"), &[]).await;
    assert!(api.contains("Mobilité"), "{api}");
    let (_, _, sitemap) = get(&router, "/sitemap.xml", &[]).await;
    assert!(sitemap.contains(&project));

    // A stale form is refused and changes nothing.
    let mut stale = PROJECT.to_vec();
    stale[0] = ("name_nl", "Overschreven");
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("project", &token, &project, "0", "save", &stale),
        &html,
    )
    .await;
    assert!(page(location(&headers))
        .await
        .contains("iemand anders heeft dit record intussen gewijzigd"));
    assert_eq!(
        field(&db, "project", &project, "name.nl").await,
        "Grensfietsroute Westhoek"
    );

    // An event of the project, published: in the agenda, the API and the project page.
    let event_fields = [
        ("title_nl", "Startvergadering grensfietsroute"),
        ("title_fr", "Réunion de lancement de la véloroute"),
        ("summary_nl", "Kennismaking van de partners."),
        ("summary_fr", "Présentation des partenaires."),
        ("audience_nl", "Gemeenten"),
        ("audience_fr", "Communes"),
        ("kind", "consultation"),
        ("starts_at", "2031-05-20T14:00"),
        ("ends_at", "2031-05-20T17:00"),
        ("place_name", "Lakenhalle"),
        ("place_address", "Grote Markt 34, 8900 Ieper"),
        ("place_municipality", "33011"),
        ("project", project.as_str()),
        (
            "agenda",
            "Welkom | Bienvenue | Burgemeester\nRoute | Itinéraire",
        ),
    ];
    let (_, headers, _) = post(
        &router,
        save,
        &coop_form("event", &token, "", "", "publish", &event_fields),
        &html,
    )
    .await;
    let event = location(&headers).rsplit('/').next().unwrap().to_owned();
    assert_eq!(
        field(&db, "event", &event, "publication").await,
        "published"
    );
    assert_eq!(
        field(&db, "event", &event, "<string> starts_at").await,
        "2031-05-20T12:00:00Z"
    );
    let (status, _, public) = get(&router, &format!("/nl/agenda/{event}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains("Startvergadering grensfietsroute"));
    assert!(public.contains("14:00"), "Brussels time");
    let (_, _, api) = get(&router, "/api/v1/events", &[]).await;
    assert!(api.contains(&event));
    let (_, _, public) = get(&router, &format!("/nl/projecten/{project}"), &[]).await;
    assert!(public.contains("Startvergadering grensfietsroute"));

    // Archived: gone from the public pages; the form shows it again as it was.
    post(
        &router,
        save,
        &coop_form("event", &token, &event, "0", "archive", &event_fields),
        &html,
    )
    .await;
    let (status, _, _) = get(&router, &format!("/nl/agenda/{event}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let edit = page(format!("/fr/gestion/agenda/{event}")).await;
    assert!(edit.contains("Welkom | Bienvenue | Burgemeester"), "{edit}");
    assert!(edit.contains("value=\"2031-05-20T14:00\""));

    // The history: who, which fields, before and after.
    let history = page(format!("/fr/gestion/projets/{project}/historique")).await;
    for text in [
        "Créé",
        "Publié",
        ADMIN,
        "Grensfietsroute Westhoek",
        "publication",
    ] {
        assert!(history.contains(text), "{text} in history");
    }
    let mut r = db
        .query("SELECT VALUE action FROM audit WHERE target IN $t ORDER BY at")
        .bind((
            "t",
            vec![format!("project:{project}"), format!("event:{event}")],
        ))
        .await
        .unwrap();
    assert_eq!(
        r.take::<Vec<String>>(0).unwrap(),
        ["create", "publish", "create", "archive"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cluster_writes_its_members() {
    let (db, router) = staff_app().await;
    let cookie = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &cookie).await;
    let fields = [
        ("name_nl", "Grensoverleg Leie"),
        ("name_fr", "Concertation frontalière de la Lys"),
        ("description_nl", "Burgemeesters langs de Leie."),
        ("description_fr", "Les maires le long de la Lys."),
        ("kind", "conference_of_mayors"),
        ("members", "33011, 59350"),
    ];
    let (_, headers, _) = post(
        &router,
        path::<SaveCoop>(),
        &coop_form("cluster", &token, "", "", "publish", &fields),
        &[("cookie", cookie.as_str()), ("accept", "text/html")],
    )
    .await;
    let id = location(&headers).rsplit('/').next().unwrap().to_owned();
    let members = field(
        &db,
        "cluster",
        &id,
        "<-member_of<-municipality.map(|$m| record::id($m))",
    )
    .await;
    assert_eq!(members.as_array().map(Vec::len), Some(2), "{members}");
    let (status, _, public) = get(&router, &format!("/nl/samenwerkingsverbanden/{id}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains("Grensoverleg Leie"));
    let (_, _, profile) = get(&router, "/nl/gemeenten/33011", &[]).await;
    assert!(profile.contains("Grensoverleg Leie"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reseeding_keeps_what_staff_changed_in_a_cluster() {
    let (db, router) = staff_app().await;
    let cookie = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &cookie).await;
    let members = "<-member_of<-municipality.map(|$m| record::id($m))";
    let count = |v: serde_json::Value| v.as_array().map(Vec::len).unwrap_or(0);
    // Lille's intercommunality (from the data) is edited; another one is not.
    let epci = |code: &str| {
        let code = code.to_owned();
        let db = db.clone();
        async move {
            field(&db, "municipality", &code, "record::id(epci)")
                .await
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let (edited, other) = (epci("59350").await, epci("02381").await);
    assert_ne!(edited, other);
    assert!(count(field(&db, "cluster", &edited, members).await) > 1);
    let untouched = count(field(&db, "cluster", &other, members).await);
    let fields = [
        ("name_nl", "Metropool Rijsel (bewerkt)"),
        ("name_fr", "Métropole européenne de Lille (modifiée)"),
        ("description_nl", "Intercommunale rond Rijsel."),
        ("description_fr", "Intercommunalité autour de Lille."),
        ("kind", "epci"),
        ("members", "59350"),
    ];
    let (_, headers, _) = post(
        &router,
        path::<SaveCoop>(),
        &coop_form("cluster", &token, &edited, "0", "save", &fields),
        &[("cookie", cookie.as_str()), ("accept", "text/html")],
    )
    .await;
    let (_, _, page) = get(
        &router,
        &location(&headers),
        &[(header::COOKIE, cookie.as_str())],
    )
    .await;
    assert_eq!(
        field(&db, "cluster", &edited, "revision").await,
        1,
        "{page}"
    );

    app::seed::seed(&db).await.unwrap();
    assert_eq!(count(field(&db, "cluster", &edited, members).await), 1);
    assert_eq!(
        field(&db, "cluster", &edited, "name.nl").await,
        "Metropool Rijsel (bewerkt)"
    );
    // Clusters nobody edited still follow the data.
    assert_eq!(
        count(field(&db, "cluster", &other, members).await),
        untouched
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_wrong_field_gets_its_message_in_both_languages() {
    let (db, router) = staff_app().await;
    let cookie = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &cookie).await;
    let bad = [
        ("name_nl", "Project"),
        ("programme_fr", "Interreg"),
        ("budget_eur", "veel"),
        ("period_start", "2026-01-01"),
        ("period_end", "2025-01-01"),
        ("status", "finished"),
        ("kind", "interreg_project"),
        ("municipalities", "99999"),
    ];
    for (lang, expected) in [
        (
            "nl",
            [
                "Programma (Nederlands): Vul deze tekst in beide talen in",
                "Geef een bedrag in euro",
                "niet vóór de begindatum",
                "Kies een waarde uit de lijst",
                "Geef bestaande gemeentecodes",
            ],
        ),
        (
            "fr",
            [
                "Programme (néerlandais) : Indiquez ce texte dans les deux langues",
                "Indiquez un montant en euros",
                "pas avant la date de début",
                "Choisissez une valeur dans la liste",
                "Indiquez des codes de communes existants",
            ],
        ),
    ] {
        let body = coop_form("project", &token, "", "", "save", &bad)
            .replace("f%5Blang%5D=nl", &format!("f%5Blang%5D={lang}"));
        let (_, headers, _) = post(
            &router,
            path::<SaveCoop>(),
            &body,
            &[("cookie", &cookie), ("accept", "text/html")],
        )
        .await;
        let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &cookie)]).await;
        for text in expected {
            assert!(page.contains(text), "{lang}: {text} in {page}");
        }
        assert!(page.contains("aria-invalid=\"true\""));
    }
    let mut r = db
        .query("RETURN count(SELECT id FROM project WHERE name.nl = 'Project')")
        .await
        .unwrap();
    assert_eq!(r.take::<Option<i64>>(0).unwrap(), Some(0), "nothing stored");
}

/// Every new server function × {anonymous, editor elsewhere, editor in scope, admin}.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_edit_the_cooperation_records() {
    let (db, router) = staff_app().await;
    let mut sessions = vec![("anonymous", None)];
    for (who, email) in [
        ("editor elsewhere", LILLE),
        // Ieper takes part in the seeded Eurometropolis records.
        ("editor in scope", IEPER),
        ("admin", ADMIN),
    ] {
        let cookie = signed_in(&router, email).await;
        let token = csrf(&router, &cookie).await;
        sessions.push((who, Some((cookie, token))));
    }
    let project = "partons-2-0";
    for (i, (who, session)) in sessions.iter().enumerate() {
        let (cookie, token) = session.clone().unwrap_or_default();
        let headers = [("cookie", cookie.as_str())];
        let expected = [
            StatusCode::UNAUTHORIZED,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
            StatusCode::OK,
        ][i];
        for (name, uri, body) in [
            ("list", path::<CoopList>(), "kind=project".to_owned()),
            (
                "load",
                path::<LoadCoop>(),
                format!("kind=project&id={project}"),
            ),
            (
                "history",
                path::<CoopHistory>(),
                format!("kind=project&id={project}"),
            ),
        ] {
            let (status, _, out) = post(&router, uri, &body, &headers).await;
            assert_eq!(status, expected, "{name}: {who} {out}");
        }
        let current = app::coop::repo::load(&db, app::coop::CoopKind::Project, project)
            .await
            .unwrap()
            .unwrap();
        // The form posts a role per organization (`partner_{id}`), not the stored lines.
        let partners: Vec<(String, String)> = current
            .values
            .get("partners")
            .map(|lines| {
                lines
                    .lines()
                    .filter_map(|l| l.split_once(" | "))
                    .map(|(org, role)| (format!("partner_{org}"), role.to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let fields: Vec<(&str, &str)> = current
            .values
            .iter()
            .filter(|(k, _)| *k != "partners")
            .chain(partners.iter().map(|(k, v)| (k, v)))
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let revision = current.revision.to_string();
        let (status, _, out) = post(
            &router,
            path::<SaveCoop>(),
            &coop_form("project", &token, project, &revision, "save", &fields),
            &headers,
        )
        .await;
        let saved = if i == 3 { StatusCode::FOUND } else { expected };
        assert_eq!(status, saved, "save: {who} {out}");
    }
    let mut r = db
        .query("SELECT VALUE actor FROM audit WHERE target = 'project:partons-2-0'")
        .await
        .unwrap();
    assert_eq!(r.take::<Vec<String>>(0).unwrap(), [ADMIN]);
    // Saving unchanged values changes no field but the revision.
    let mut r = db
        .query("SELECT VALUE changes FROM audit WHERE target = 'project:partons-2-0'")
        .await
        .unwrap();
    assert_eq!(
        r.take::<Vec<serde_json::Value>>(0).unwrap(),
        [serde_json::json!([])]
    );
}
