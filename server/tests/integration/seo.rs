//! Search engines and the security policy: absolute alternates, the sitemap, robots.txt
//! and the Content-Security-Policy with the nonce the page's scripts carry.

use crate::support::http::get;
use crate::support::test_app::{db, public_app, BASE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alternates_and_canonical_links_are_absolute() {
    let router = public_app(db().await);
    for (path, canonical, nl, fr) in [
        ("/nl", "/nl", "/nl", "/fr"),
        (
            "/fr/communes/59350",
            "/fr/communes/59350",
            "/nl/gemeenten/59350",
            "/fr/communes/59350",
        ),
        (
            "/nl/diensten?q=gare",
            "/nl/diensten",
            "/nl/diensten",
            "/fr/services",
        ),
    ] {
        let (_, _, body) = get(&router, path, &[]).await;
        for expected in [
            format!("<link href=\"{BASE}{canonical}\" rel=\"canonical\">"),
            format!("<link href=\"{BASE}{nl}\" hreflang=\"nl\" rel=\"alternate\">"),
            format!("<link href=\"{BASE}{fr}\" hreflang=\"fr\" rel=\"alternate\">"),
        ] {
            assert!(body.contains(&expected), "{path}: {expected}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sitemap_lists_every_page_in_both_languages() {
    let router = public_app(db().await);
    let (status, headers, robots) = get(&router, "/robots.txt", &[]).await;
    assert_eq!(status, 200);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    assert!(robots.contains(&format!("Sitemap: {BASE}/sitemap.xml")));
    let (status, _, xml) = get(&router, "/sitemap.xml", &[]).await;
    assert_eq!(status, 200);
    // 11 pages of the navigation, the calls for ideas and the three pages of the footer,
    // 5 projects, 31 clusters, 3 events, 3 good practices, 258 municipalities and 413
    // published services, each in two languages.
    assert_eq!(
        xml.matches("<url>").count(),
        2 * (11 + 4 + 5 + 31 + 3 + 3 + 258 + 413)
    );
    assert!(xml.contains(&format!("<loc>{BASE}/fr/confidentialite</loc>")));
    assert!(xml.contains(&format!("<loc>{BASE}/nl/oproepen</loc>")));
    assert!(xml.contains(&format!("<loc>{BASE}/fr/agenda</loc>")));
    assert!(xml.contains(&format!(
        "<loc>{BASE}/nl/agenda/kennisplatform-intergemeentelijk-samenwerken-2015-12-03</loc>"
    )));
    assert!(xml.contains(&format!("<loc>{BASE}/fr/projets/partons-2-0</loc>")));
    assert!(xml.contains(&format!("<loc>{BASE}/fr/communes/59017</loc>")));
    assert!(xml.contains(&format!("<loc>{BASE}/nl/over-de-gegevens</loc>")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_carries_a_strict_policy_naming_its_scripts_nonce() {
    let router = public_app(db().await);
    // Pages rendered for one response name their scripts by its nonce; pages the page
    // cache sends again name them by hash (`page_cache`, tested there). A visitor's
    // typed values (`?form=`) make a page of the first kind.
    for path in [
        "/nl?form=x",
        "/fr/services?q=gare&form=x",
        "/nl/bestaat-niet?form=x",
    ] {
        let (_, headers, body) = get(&router, path, &[]).await;
        let policy = headers["content-security-policy"].to_str().unwrap();
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in the policy");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"));
        // Every inline script carries this response's nonce.
        let inline: Vec<&str> = body
            .split("<script")
            .skip(1)
            .filter(|tag| !tag.split('>').next().unwrap_or("").contains("src="))
            .collect();
        assert!(!inline.is_empty(), "{path}: no inline script at all?");
        for tag in inline {
            let attrs = tag.split('>').next().unwrap_or("");
            assert!(
                attrs.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: <script{attrs}>"
            );
        }
    }
    let (_, headers, _) = get(&router, "/api/v1/services?q=gare", &[]).await;
    assert!(headers.get("content-security-policy").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_answers_conditional_requests() {
    let router = public_app(db().await);
    for path in ["/api/v1/municipalities/59350", "/api/v1/map/layers"] {
        let (status, headers, body) = get(&router, path, &[]).await;
        assert_eq!(status, 200);
        let tag = headers["etag"].to_str().unwrap().to_owned();
        let (again, _, _) = get(&router, path, &[]).await;
        assert_eq!(again, 200);
        let (status, _, empty) =
            get(&router, path, &[(axum::http::header::IF_NONE_MATCH, &tag)]).await;
        assert_eq!((status.as_u16(), empty.as_str()), (304, ""), "{path}");
        let (status, _, full) = get(
            &router,
            path,
            &[(axum::http::header::IF_NONE_MATCH, "\"other\"")],
        )
        .await;
        assert_eq!((status.as_u16(), full), (200, body));
    }
}
