//! The staff's side of registrations: only admins and editors of the meeting's
//! municipality see the list and its CSV or change the settings; settings are checked;
//! attendance is recorded.

use crate::support::fixtures::{meeting, register_at, standings, MEETING};
use crate::support::http::{encode, get, location, path, post};
use crate::support::staff::{csrf, signed_in, staff_app, ADMIN, IEPER, LILLE};
use app::registrations::SaveRegistrations;
use axum::http::{header, StatusCode};
use chrono::{Duration, Utc};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_and_editors_of_the_meetings_municipality_see_its_registrations() {
    let (db, router) = staff_app().await;
    let now = Utc::now();
    meeting(
        &db,
        now + Duration::days(30),
        now + Duration::days(20),
        Some(5),
    )
    .await;
    register_at(&db, "ann@example.be", now).await;
    let page = format!("/nl/beheer/agenda/{MEETING}/inschrijvingen");
    let csv = app::registrations::csv_url(MEETING);
    // Nobody signed in: sent to sign in; the CSV is refused.
    let (status, _, _) = get(&router, &page, &[]).await;
    assert!(status == StatusCode::OK || status.is_redirection());
    let (status, _, body) = get(&router, &csv, &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    for (who, allowed) in [(ADMIN, true), (IEPER, true), (LILLE, false)] {
        let cookie = signed_in(&router, who).await;
        let (status, _, html) = get(&router, &page, &[(header::COOKIE, &cookie)]).await;
        let (csv_status, headers, csv_body) =
            get(&router, &csv, &[(header::COOKIE, &cookie)]).await;
        if allowed {
            assert_eq!(status, StatusCode::OK, "{who}");
            assert!(html.contains("ann@example.be"), "{who}");
            assert_eq!(csv_status, StatusCode::OK, "{who}");
            assert_eq!(headers[header::CACHE_CONTROL], "no-store");
            assert!(csv_body.starts_with("name,email,"), "{csv_body}");
            assert!(
                csv_body.contains("Eva,ann@example.be,nl,Ville de Lille,59350,FR,resident"),
                "{csv_body}"
            );
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{who}");
            assert!(!html.contains("ann@example.be"), "{who}");
            assert_eq!(csv_status, StatusCode::FORBIDDEN, "{who}");
            assert!(!csv_body.contains("ann@example.be"));
        }
        // Settings: a post of a scoped editor from Lille is refused, nothing changes.
        let token = csrf(&router, &cookie).await;
        let body = encode(&[
            ("f[lang]", "nl"),
            ("f[csrf]", &token),
            ("f[event]", MEETING),
            ("f[action]", "settings"),
            ("f[open]", "1"),
            ("f[capacity]", "1"),
            ("f[language_nl]", "1"),
        ]);
        let (status, _, _) = post(
            &router,
            path::<SaveRegistrations>(),
            &body,
            &[("cookie", &cookie)],
        )
        .await;
        let mut r = db
            .query("SELECT VALUE signup.capacity FROM ONLY type::record('event', $id)")
            .bind(("id", MEETING))
            .await
            .unwrap();
        let capacity: Option<i64> = r.take(0).unwrap();
        if allowed {
            assert!(
                status.is_redirection() || status == StatusCode::OK,
                "{who}: {status}"
            );
            assert_eq!(capacity, Some(1), "{who}");
            // Put it back for the next account.
            db.query("UPDATE type::record('event', $id) SET signup.capacity = 5")
                .bind(("id", MEETING))
                .await
                .unwrap();
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{who}");
            assert_eq!(capacity, Some(5), "{who}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_settings_are_checked_and_attendance_is_recorded() {
    let (db, router) = staff_app().await;
    let now = Utc::now();
    meeting(
        &db,
        now + Duration::days(30),
        now + Duration::days(20),
        Some(1),
    )
    .await;
    register_at(&db, "a@example.be", now).await;
    register_at(&db, "b@example.be", now).await;
    let cookie = signed_in(&router, IEPER).await;
    let token = csrf(&router, &cookie).await;
    let save = |fields: Vec<(&'static str, String)>| {
        let mut all = vec![
            ("f[lang]", "fr".to_owned()),
            ("f[csrf]", token.clone()),
            ("f[event]", MEETING.to_owned()),
        ];
        all.extend(fields);
        all
    };
    let send = |fields: Vec<(&'static str, String)>| {
        let router = router.clone();
        let cookie = cookie.clone();
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post(
                &router,
                path::<SaveRegistrations>(),
                &encode(&pairs),
                &[("cookie", &cookie), ("accept", "text/html")],
            )
            .await
        }
    };
    // A deadline in the hour skipped in spring, a capacity of zero, no language: refused,
    // nothing changes, the page names the fields.
    let (status, headers, _) = send(save(vec![
        ("f[action]", "settings".into()),
        ("f[open]", "1".into()),
        ("f[deadline]", "2030-03-31T02:30".into()),
        ("f[capacity]", "0".into()),
    ]))
    .await;
    assert!(status.is_redirection());
    let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &cookie)]).await;
    assert!(
        page.contains("Ce moment n’existe pas à Bruxelles"),
        "{page}"
    );
    assert!(page.contains("Indiquez un nombre entier de 1 à 100 000."));
    assert!(page.contains("Choisissez au moins une langue."));
    let mut r = db
        .query("SELECT VALUE signup.capacity FROM ONLY type::record('event', $id)")
        .bind(("id", MEETING))
        .await
        .unwrap();
    assert_eq!(r.take::<Option<i64>>(0).unwrap(), Some(1));
    // A larger capacity gives the waiting list its seat.
    let (status, _, _) = send(save(vec![
        ("f[action]", "settings".into()),
        ("f[open]", "1".into()),
        ("f[deadline]", "2030-03-31T03:30".into()),
        ("f[capacity]", "2".into()),
        ("f[language_fr]", "1".into()),
        ("f[question_role]", "1".into()),
    ]))
    .await;
    assert!(status.is_redirection());
    assert!(standings(&db).await.iter().all(|(_, s)| s == "confirmed"));
    let mut r = db
        .query("SELECT VALUE <string> signup.deadline FROM ONLY type::record('event', $id)")
        .bind(("id", MEETING))
        .await
        .unwrap();
    assert_eq!(
        r.take::<Option<String>>(0).unwrap().as_deref(),
        Some("2030-03-31T01:30:00Z")
    );
    // Attendance: the first came, the second did not.
    let mut r = db
        .query("SELECT VALUE record::id(id) FROM registration ORDER BY created_at")
        .await
        .unwrap();
    let ids: Vec<String> = r.take(0).unwrap();
    let (status, _, _) = send(save(vec![
        ("f[action]", "attendance".into()),
        (
            Box::leak(format!("f[attended_{}]", ids[0]).into_boxed_str()),
            "1".into(),
        ),
    ]))
    .await;
    assert!(status.is_redirection());
    let mut r = db
        .query("SELECT VALUE attended FROM registration ORDER BY created_at")
        .await
        .unwrap();
    assert_eq!(
        r.take::<Vec<Option<bool>>>(0).unwrap(),
        [Some(true), Some(false)]
    );
}
