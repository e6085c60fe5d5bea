//! Hidden text: a name or title with a right-to-left override (U+202E), which makes
//! staff read "Jan Peeters" where "sreteeP naJ" was stored, is refused by the public
//! forms with the field named, and nothing is stored. Letters of other scripts pass.

use crate::support::fixtures::{count, open_call, open_meeting, MEETING};
use crate::support::http::{encode, location, path, post};
use crate::support::test_app::{app, db};
use app::db::Db;
use app::ideas::SubmitIdea;
use app::registrations::Register;
use chrono::Utc;

const CALL: &str = "oproep-verborgen-tekst";

/// A meeting open for registration, and a call open today.
async fn fixtures(db: &Db) {
    open_meeting(db, Utc::now()).await;
    open_call(db, CALL).await;
}

/// The records in `table`.
async fn rows_in(db: &Db, table: &str) -> i64 {
    count(db, &format!("RETURN count(SELECT id FROM {table})")).await
}

/// Posts a public form as a browser without JavaScript; where it is sent.
async fn send(router: &axum::Router, fn_path: &str, fields: &[(&str, &str)]) -> String {
    let pairs: Vec<(String, &str)> = fields
        .iter()
        .map(|(k, v)| (format!("f[{k}]"), *v))
        .collect();
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let (status, headers, body) =
        post(router, fn_path, &encode(&pairs), &[("accept", "text/html")]).await;
    assert!(status.is_redirection(), "{status}: {body}");
    location(&headers)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_with_a_right_to_left_override_are_refused_and_nothing_is_stored() {
    let db = db().await;
    fixtures(&db).await;
    let router = app(db.clone());

    // A registration: the name and the organisation are named, nothing is stored.
    let register = path::<Register>();
    let registration = |name: &'static str, organisation: &'static str| {
        [
            ("lang", "nl"),
            ("event", MEETING),
            ("name", name),
            ("email", "jan@example.be"),
            ("organisation", organisation),
            ("role", "resident"),
            ("municipality", "59350"),
            ("language", "nl"),
            ("consent", "yes"),
            ("website", ""),
        ]
    };
    let refused = send(
        &router,
        register,
        &registration("\u{202E}sreteeP naJ", "Stad Ieper"),
    )
    .await;
    assert!(refused.contains("error=name"), "{refused}");
    let refused = send(
        &router,
        register,
        &registration("Jan Peeters", "Stad \u{2067}Ieper\u{2069}"),
    )
    .await;
    assert!(refused.contains("error=organisation"), "{refused}");
    assert_eq!(rows_in(&db, "registration").await, 0);
    // Letters of another script are a name like any other.
    send(
        &router,
        register,
        &registration("محمد العلوي", "Ville de Lille"),
    )
    .await;
    assert_eq!(rows_in(&db, "registration").await, 1);

    // An idea: its title and its submitter's name likewise.
    let submit = path::<SubmitIdea>();
    let idea = |title: &'static str, name: &'static str| {
        [
            ("lang", "nl"),
            ("call", CALL),
            ("title", title),
            (
                "summary",
                "Een wekelijkse markt met producenten van beide kanten van de grens.",
            ),
            ("municipalities", "33029, 59656"),
            ("submitter", "association"),
            ("name", name),
            ("email", "info@grensmarkt.example"),
            ("consent", "yes"),
        ]
    };
    let refused = send(
        &router,
        submit,
        &idea("Grensmarkt", "\u{202E}tkramsnerG zwV"),
    )
    .await;
    assert!(refused.contains("error=name"), "{refused}");
    let refused = send(
        &router,
        submit,
        &idea("\u{202E}tkramsnerG", "Vzw Grensmarkt"),
    )
    .await;
    assert!(refused.contains("error=title"), "{refused}");
    assert_eq!(rows_in(&db, "idea").await, 0);
    send(&router, submit, &idea("Grensmarkt", "Vzw Grensmarkt")).await;
    assert_eq!(rows_in(&db, "idea").await, 1);
}
