//! Rendered fragments (the directory's table, the services results) are reused only while
//! what they show is unchanged: an edit reaches the next page at once. (The page cache
//! above them is off here: these tests write behind the app's back.)

use crate::support::fixtures::{exec, find};
use crate::support::http::get;
use crate::support::test_app::{db, uncached_app as app};
use app::i18n::Lang;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_municipality_shows_in_the_next_directory_page() {
    let db = db().await;
    let router = app(db.clone());
    for _ in 0..2 {
        let (_, _, page) = get(&router, "/nl/gemeenten", &[]).await;
        assert!(page.contains(">Wervik</a>"), "Wervik in the directory");
    }
    exec(
        &db,
        "UPDATE municipality:`33029` SET name.nl = 'Wervik-Leie'",
    )
    .await;
    let (_, _, page) = get(&router, "/nl/gemeenten", &[]).await;
    assert!(
        page.contains(">Wervik-Leie</a>"),
        "the new name, not the cached table"
    );
    assert!(!page.contains(">Wervik</a>"));
    // The other language's table names it too (its other-language column).
    let (_, _, page) = get(&router, "/fr/communes?country=BE", &[]).await;
    assert!(page.contains("Wervik-Leie"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_service_shows_in_the_next_results_page() {
    let db = db().await;
    let router = app(db.clone());
    let id = find(&db, Lang::Fr, &[("q", "mairie halluin")]).await.hits[0]
        .core
        .id
        .clone();
    let url = "/fr/services?q=halluin";
    for _ in 0..2 {
        let (_, _, page) = get(&router, url, &[]).await;
        assert!(page.contains(&format!("/fr/services/{id}")));
    }
    exec(
        &db,
        &format!("UPDATE service:`{id}` SET name.fr = 'Mairie de Halluin (accueil)'"),
    )
    .await;
    let (_, _, page) = get(&router, url, &[]).await;
    assert!(
        page.contains("Mairie de Halluin (accueil)"),
        "the new name, not the cached results"
    );
}
