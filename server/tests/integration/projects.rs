//! Projects: the records the seeds describe, their phase from the dates, filters, pages.

use crate::support::http::get;
use crate::support::test_app::{app, db};
use app::projects::{repo, Phase, ProjectQuery};
use axum::http::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_seeded_projects_with_partners_phase_and_events() {
    let db = db().await;
    let all = repo::all(&db, "2026-12-01").await.unwrap();
    assert_eq!(all.len(), 5, "only the projects of the seeds");
    let partons = all.iter().find(|p| p.id == "partons-2-0").unwrap();
    assert_eq!(partons.phase, Phase::Ended);
    assert_eq!(partons.budget_eur, Some(2_239_644.0));
    assert_eq!(partons.period_start.as_deref(), Some("2016-10-01"));
    assert_eq!(partons.period_end.as_deref(), Some("2021-09-30"));
    let roles: Vec<(&str, &str)> = partons
        .partners
        .iter()
        .map(|p| (p.id.as_str(), p.role.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("provincie-west-vlaanderen", "lead"),
            ("erfgoedcel-co7", "partner"),
            ("regionaal-landschap-westhoek", "partner"),
            ("westhoekoverleg", "associated"),
        ]
    );
    assert!(partons
        .priority
        .as_ref()
        .unwrap()
        .nl
        .contains("sociale inclusie"));
    // The same project on a day within its period is running, before it planned.
    let in_2018 = repo::one(&db, "partons-2-0", "2018-05-01").await.unwrap();
    assert_eq!(in_2018.phase, Phase::Running);
    assert_eq!(
        repo::one(&db, "partons-2-0", "2016-01-01")
            .await
            .unwrap()
            .phase,
        Phase::Planned
    );
    // The knowledge platform's first meeting, dated in Brussels time.
    let platform = repo::one(
        &db,
        "kennisplatform-intergemeentelijk-samenwerken",
        "2026-12-01",
    )
    .await
    .unwrap();
    assert_eq!(platform.events.len(), 1);
    assert_eq!(platform.events[0].date.as_deref(), Some("2015-12-03"));
    assert!(repo::one(&db, "bestaat-niet", "2026-12-01").await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_keep_the_matching_projects() {
    let db = db().await;
    let all = repo::all(&db, "2026-12-01").await.unwrap();
    let kept = |pairs: &[(&str, &str)]| {
        let filter = ProjectQuery::from_pairs(pairs.iter().copied())
            .validate()
            .unwrap();
        let mut ids: Vec<&str> = all
            .iter()
            .filter(|p| filter.matches(p))
            .map(|p| p.id.as_str())
            .collect();
        ids.sort_unstable();
        ids
    };
    assert_eq!(kept(&[("phase", "ended")]), ["partons-2-0"]);
    assert_eq!(
        kept(&[("year", "2018")]),
        [
            "kennisplatform-intergemeentelijk-samenwerken",
            "partons-2-0"
        ]
    );
    assert_eq!(
        kept(&[("theme", "mobiliteit")]),
        ["ecolife-klimaatacties-buurgemeenten", "partons-2-0"]
    );
    // Either language's name of a theme or programme.
    assert_eq!(
        kept(&[("theme", "mobilité")]),
        kept(&[("theme", "mobiliteit")])
    );
    assert_eq!(
        kept(&[("programme", "Interreg France-Wallonie-Vlaanderen")]),
        ["partons-2-0"]
    );
    assert_eq!(kept(&[("country", "FR")]), Vec::<&str>::new());
    assert_eq!(kept(&[]).len(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn project_pages_in_both_languages() {
    let router = app(db().await);
    let (status, _, page) = get(&router, "/nl/projecten", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("5 projecten gevonden."));
    assert!(page.contains("href=\"/nl/projecten/partons-2-0\""));
    let (_, _, page) = get(&router, "/fr/projets?phase=ended", &[]).await;
    assert!(page.contains("1 projet trouvé."), "{page}");
    let (status, _, page) = get(&router, "/fr/projets?phase=bientot", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Choisissez un état d’avancement dans la liste."));

    let (status, _, page) = get(&router, "/nl/projecten/partons-2-0", &[]).await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "Provincie West-Vlaanderen",
        "projectleider",
        "Van 1 oktober 2016 tot 30 september 2021",
        "€ 2.239.644",
        "Afgelopen",
    ] {
        assert!(page.contains(text), "{text}");
    }
    let (_, _, page) = get(&router, "/fr/projets/partons-2-0", &[]).await;
    for text in [
        "Province de Flandre occidentale",
        "chef de file",
        "Du 1er octobre 2016 au 30 septembre 2021",
        "2\u{202f}239\u{202f}644 €",
        "Terminé",
    ] {
        assert!(
            page.contains(text) || page.contains(&text.replace('\u{202f}', " ")),
            "{text}"
        );
    }
    let (status, _, _) = get(&router, "/fr/projets/nexiste-pas", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_lists_projects_with_the_page_filters() {
    let router = app(db().await);
    let (status, _, body) = get(&router, "/api/v1/projects?theme=mobilit%C3%A9", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    let ids: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ecolife-klimaatacties-buurgemeenten", "partons-2-0"]);
    let (_, _, body) = get(&router, "/api/v1/projects/partons-2-0", &[]).await;
    let partons: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(partons["phase"], "ended");
    assert_eq!(partons["partners"][0]["role"], "lead");
    assert_eq!(
        partons["partners"][0]["name"]["fr"],
        "Province de Flandre occidentale"
    );
    assert_eq!(partons["period_start"], "2016-10-01");
    let (status, _, _) = get(&router, "/api/v1/projects?phaze=ended", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "unknown parameter");
    let (status, _, _) = get(&router, "/api/v1/projects/nope", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
