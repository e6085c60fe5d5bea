//! Residents' reports: the follow link, the review queue, its scope and its decisions.

use crate::support::http::*;
use crate::support::staff::*;
use app::reports::review::{LoadReportQueue, ReviewReport};
use app::reports::SubmitReport;
use axum::http::{header, StatusCode};

/// Sends a report as a browser does; the follow token when one was given.
async fn report(
    router: &axum::Router,
    service: &str,
    kind: &str,
    message: &str,
    email: &str,
) -> Option<String> {
    let body = encode(&[
        ("lang", "nl"),
        ("form[service]", service),
        ("form[kind]", kind),
        ("form[message]", message),
        ("form[email]", email),
        ("form[website]", ""),
    ]);
    let (_, headers, _) = post(
        router,
        path::<SubmitReport>(),
        &body,
        &[("accept", "text/html")],
    )
    .await;
    let to = location(&headers);
    assert!(to.contains("sent=1"), "{to}");
    to.split("follow=").nth(1).map(str::to_owned)
}

async fn report_id(db: &app::db::Db, message: &str) -> String {
    let mut r = db
        .query("SELECT VALUE record::id(id) FROM report WHERE message = $m")
        .bind(("m", message.to_owned()))
        .await
        .unwrap();
    r.take::<Vec<String>>(0).unwrap().pop().expect("stored")
}

async fn status(db: &app::db::Db, id: &str) -> String {
    let mut r = db
        .query("SELECT VALUE status FROM type::record('report', $id)")
        .bind(("id", id.to_owned()))
        .await
        .unwrap();
    r.take::<Vec<String>>(0).unwrap().pop().unwrap()
}

fn review(token: &str, id: &str, action: &str, extra: &[(&str, &str)]) -> String {
    let mut pairs = vec![
        ("f[lang]", "nl"),
        ("f[csrf]", token),
        ("f[id]", id),
        ("f[action]", action),
    ];
    pairs.extend_from_slice(extra);
    encode(&pairs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_is_followed_by_its_resident_and_reviewed_by_staff() {
    let (db, router) = staff_app().await;
    let service = service_in(&db, "33011").await;
    let hostile = "Het nummer is fout <script>alert(1)</script>";
    let token = report(&router, &service, "wrong", hostile, "jan@example.be")
        .await
        .expect("a follow link");
    assert!(
        report(
            &router,
            &service,
            "closed",
            "Deze dienst is gesloten sinds mei.",
            ""
        )
        .await
        .is_none(),
        "no e-mail, no link"
    );

    let (status_code, _, page) = get(&router, &format!("/nl/melden/{token}"), &[]).await;
    assert_eq!(status_code, StatusCode::OK);
    assert!(
        page.contains("Nieuw")
            && page.contains("&lt;script&gt;")
            && !page.contains("jan@example.be")
    );
    assert_eq!(
        get(
            &router,
            "/nl/melden/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            &[]
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&router, "/fr/signaler/%3Cscript%3E", &[]).await.0,
        StatusCode::NOT_FOUND
    );

    // Lille's editor does not see it; Ieper's does, with the address, the text escaped.
    let lille = signed_in(&router, LILLE).await;
    let (_, _, page) = get(&router, "/nl/beheer/meldingen", &[(header::COOKIE, &lille)]).await;
    assert!(!page.contains("Het nummer is fout"));
    let ieper = signed_in(&router, IEPER).await;
    let (_, _, page) = get(&router, "/nl/beheer/meldingen", &[(header::COOKIE, &ieper)]).await;
    assert!(
        page.contains("jan@example.be")
            && page.contains("Het nummer is fout &lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert(1)"));

    // Rejecting needs a reason; the resident then sees it.
    let csrf_ieper = csrf(&router, &ieper).await;
    let id = report_id(&db, hostile).await;
    let html = [("cookie", ieper.as_str()), ("accept", "text/html")];
    post(
        &router,
        path::<ReviewReport>(),
        &review(&csrf_ieper, &id, "reject", &[("f[reason]", "")]),
        &html,
    )
    .await;
    assert_eq!(status(&db, &id).await, "new");
    let (_, headers, _) = post(
        &router,
        path::<ReviewReport>(),
        &review(
            &csrf_ieper,
            &id,
            "reject",
            &[("f[reason]", "Het nummer klopt: we hebben gebeld.")],
        ),
        &html,
    )
    .await;
    assert_eq!(location(&headers), "/nl/beheer/meldingen");
    assert_eq!(status(&db, &id).await, "rejected");
    let (_, _, page) = get(&router, &format!("/fr/signaler/{token}"), &[]).await;
    assert!(
        page.contains("Rejeté") && page.contains("Het nummer klopt: we hebben gebeld."),
        "{page}"
    );

    // Accepting a correction opens the service's form.
    let closed = report_id(&db, "Deze dienst is gesloten sinds mei.").await;
    let (_, headers, _) = post(
        &router,
        path::<ReviewReport>(),
        &review(&csrf_ieper, &closed, "accept", &[]),
        &html,
    )
    .await;
    assert_eq!(location(&headers), format!("/nl/beheer/diensten/{service}"));
    assert_eq!(status(&db, &closed).await, "accepted");
    let mut r = db
        .query("SELECT VALUE actor FROM audit WHERE target = $t")
        .bind(("t", format!("report:{closed}")))
        .await
        .unwrap();
    assert_eq!(r.take::<Vec<String>>(0).unwrap(), [IEPER]);

    // A missing service names no municipality: admins only; accepting opens a prefilled draft.
    report(
        &router,
        "",
        "missing",
        "Er ontbreekt een bibliotheek in Komen.",
        "",
    )
    .await;
    let missing = report_id(&db, "Er ontbreekt een bibliotheek in Komen.").await;
    let (status_code, _, _) = post(
        &router,
        path::<ReviewReport>(),
        &review(&csrf_ieper, &missing, "accept", &[]),
        &[("cookie", ieper.as_str())],
    )
    .await;
    assert_eq!(status_code, StatusCode::FORBIDDEN);
    let admin = signed_in(&router, ADMIN).await;
    let csrf_admin = csrf(&router, &admin).await;
    let (_, headers, _) = post(
        &router,
        path::<ReviewReport>(),
        &review(&csrf_admin, &missing, "accept", &[]),
        &[("cookie", admin.as_str()), ("accept", "text/html")],
    )
    .await;
    assert_eq!(location(&headers), "/nl/beheer/diensten/nieuw");
    let (_, _, page) = get(
        &router,
        "/nl/beheer/diensten/nieuw",
        &[(header::COOKIE, &admin)],
    )
    .await;
    assert!(
        page.contains("Er ontbreekt een bibliotheek in Komen.")
            && page.contains("De melding is aanvaard"),
        "{page}"
    );

    // Duplicates: of an existing report only.
    report(
        &router,
        &service,
        "wrong",
        "Het nummer is nog altijd fout.",
        "",
    )
    .await;
    let again = report_id(&db, "Het nummer is nog altijd fout.").await;
    post(
        &router,
        path::<ReviewReport>(),
        &review(
            &csrf_admin,
            &again,
            "duplicate",
            &[("f[duplicate_of]", "nosuchreport")],
        ),
        &[("cookie", admin.as_str())],
    )
    .await;
    assert_eq!(status(&db, &again).await, "new");
    post(
        &router,
        path::<ReviewReport>(),
        &review(
            &csrf_admin,
            &again,
            "duplicate",
            &[("f[duplicate_of]", &id)],
        ),
        &[("cookie", admin.as_str())],
    )
    .await;
    assert_eq!(status(&db, &again).await, "duplicate");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorization_matrix_for_the_review_queue() {
    let (db, router) = staff_app().await;
    let service = service_in(&db, "33011").await;
    let mut sessions = vec![None];
    for email in [LILLE, IEPER, ADMIN] {
        let cookie = signed_in(&router, email).await;
        let token = csrf(&router, &cookie).await;
        sessions.push(Some((cookie, token)));
    }
    for (i, session) in sessions.iter().enumerate() {
        let message = format!("Melding nummer {i} voor de matrix.");
        report(&router, &service, "wrong", &message, "").await;
        let id = report_id(&db, &message).await;
        let (cookie, token) = session.clone().unwrap_or_default();
        let expect = |codes: [StatusCode; 4]| codes[i];
        let (code, _, body) = post(
            &router,
            path::<LoadReportQueue>(),
            "status=new",
            &[("cookie", cookie.as_str())],
        )
        .await;
        assert_eq!(
            code,
            expect([
                StatusCode::UNAUTHORIZED,
                StatusCode::OK,
                StatusCode::OK,
                StatusCode::OK
            ]),
            "queue {i}"
        );
        if code == StatusCode::OK {
            assert_eq!(body.contains(&message), i >= 2, "queue scope {i}");
            assert!(!body.contains("@"), "no addresses were given");
        }
        let (code, _, body) = post(
            &router,
            path::<ReviewReport>(),
            &review(&token, &id, "reject", &[("f[reason]", "Klopt niet.")]),
            &[("cookie", cookie.as_str())],
        )
        .await;
        assert_eq!(
            code,
            expect([
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FOUND,
                StatusCode::FOUND
            ]),
            "review {i} {body}"
        );
        assert_eq!(
            status(&db, &id).await,
            if i >= 2 { "rejected" } else { "new" }
        );
    }
}

/// An editor may not name a report outside their scope as the original of a duplicate:
/// it is answered like an unknown report, and nothing changes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_names_an_original_in_the_editors_scope_only() {
    let (db, router) = staff_app().await;
    let ieper = service_in(&db, "33011").await;
    let lille = service_in(&db, "59350").await;
    let in_ieper = "De openingsuren kloppen niet meer.";
    let in_lille = "Les horaires ne sont plus à jour.";
    report(&router, &ieper, "wrong", in_ieper, "").await;
    report(&router, &lille, "wrong", in_lille, "").await;
    let (ieper_id, lille_id) = (
        report_id(&db, in_ieper).await,
        report_id(&db, in_lille).await,
    );
    let editor = signed_in(&router, IEPER).await;
    let token = csrf(&router, &editor).await;
    let (status_code, headers, _) = post(
        &router,
        path::<ReviewReport>(),
        &review(
            &token,
            &ieper_id,
            "duplicate",
            &[("f[duplicate_of]", &lille_id)],
        ),
        &[("cookie", editor.as_str()), ("accept", "text/html")],
    )
    .await;
    assert_eq!(status_code, StatusCode::FOUND);
    assert!(location(&headers).starts_with("/nl/beheer/meldingen"));
    assert_eq!(status(&db, &ieper_id).await, "new");
    let (_, _, page) = get(
        &router,
        "/nl/beheer/meldingen",
        &[(header::COOKIE, &editor)],
    )
    .await;
    let unknown = app::i18n::translate(app::i18n::Lang::Nl, "staff-report-duplicate-unknown", None);
    assert!(page.contains(&unknown), "{page}");
    // The same editor names a report of their own: done.
    let other = "Het telefoonnummer is veranderd.";
    report(&router, &ieper, "wrong", other, "").await;
    let other_id = report_id(&db, other).await;
    post(
        &router,
        path::<ReviewReport>(),
        &review(
            &token,
            &other_id,
            "duplicate",
            &[("f[duplicate_of]", &ieper_id)],
        ),
        &[("cookie", editor.as_str())],
    )
    .await;
    assert_eq!(status(&db, &other_id).await, "duplicate");
}

/// The page shown after sending carries the follow token in its address: never stored
/// by a browser or proxy, in either language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sent_page_with_its_follow_token_is_not_stored() {
    let (db, router) = staff_app().await;
    let service = service_in(&db, "33011").await;
    let token = report(
        &router,
        &service,
        "wrong",
        "Het adres is niet juist.",
        "jan@example.be",
    )
    .await
    .expect("a follow link");
    for page in ["/nl/melden", "/fr/signaler"] {
        let (status, headers, _) =
            get(&router, &format!("{page}?sent=1&follow={token}"), &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CACHE_CONTROL], "no-store", "{page}");
        // The form itself is the same for everyone: kept, and revalidated by its tag.
        let (_, headers, _) = get(&router, page, &[]).await;
        assert_eq!(headers[header::CACHE_CONTROL], "no-cache", "{page}");
        assert!(headers.contains_key(header::ETAG), "{page}");
    }
}
