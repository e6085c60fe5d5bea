//! Calls for project ideas (issue 23): an admin publishes a call; a resident submits an
//! idea and follows it through the link and by e-mail; staff ask for more information,
//! which the resident answers through the link; accepting creates a draft pilot project
//! under the call's parent project and makes the idea public with its municipalities.

use crate::support::http::{encode, get, location, path, post};
use crate::support::mail::SmtpSink;
use crate::support::staff::{csrf, signed_in, staff_app, ADMIN, IEPER};
use crate::support::test_app::{app, db, mail_router, BASE};
use axum::http::{header, StatusCode};
use chrono::{Duration, Utc};

/// Posts a form, signed in with `cookie` or not: the status (a redirect or a refusal)
/// and where it goes.
async fn form_post(
    router: &axum::Router,
    fn_path: &str,
    pairs: &[(&str, &str)],
    cookie: Option<&str>,
) -> (StatusCode, String) {
    let mut headers = vec![("accept", "text/html")];
    if let Some(cookie) = cookie {
        headers.push(("cookie", cookie));
    }
    let (status, h, body) = post(router, fn_path, &encode(pairs), &headers).await;
    assert!(
        status.is_redirection() || status.is_client_error(),
        "{status}: {body}"
    );
    (status, location(&h))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idea_goes_from_the_call_to_a_draft_pilot_project_and_its_submitter_hears_of_each_step()
{
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::Brussels)
        .date_naive();
    let opens = (today - Duration::days(1)).to_string();
    let closes = (today + Duration::days(30)).to_string();
    let save = path::<app::ideas::SaveCall>();

    // An editor may not publish calls.
    let editor = signed_in(&router, IEPER).await;
    let editor_token = csrf(&router, &editor).await;
    let (status, _) = form_post(
        &router,
        save,
        &[
            ("f[lang]", "nl"),
            ("f[csrf]", &editor_token),
            ("f[action]", "save"),
            ("f[call]", ""),
        ],
        Some(&editor),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = get(&router, "/nl/beheer/oproepen", &[(header::COOKIE, &editor)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The admin: a wrong period is refused with the field named; then the call is saved.
    let admin = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &admin).await;
    let mut fields = vec![
        ("f[lang]", "fr"),
        ("f[csrf]", token.as_str()),
        ("f[action]", "save"),
        ("f[call]", ""),
        (
            "f[title_nl]",
            "Oproep voor ideeën: samen leven aan de grens",
        ),
        (
            "f[title_fr]",
            "Appel à idées : vivre ensemble à la frontière",
        ),
        (
            "f[text_nl]",
            "Stel een idee voor dat inwoners van beide kanten samenbrengt.",
        ),
        (
            "f[text_fr]",
            "Proposez une idée qui rassemble les habitants des deux côtés.",
        ),
        (
            "f[criteria_nl]",
            "Grensoverschrijdend, haalbaar binnen een jaar.",
        ),
        ("f[criteria_fr]", "Transfrontalier, réalisable en un an."),
        ("f[theme]", "participation"),
        ("f[opens_on]", opens.as_str()),
        ("f[closes_on]", "2020-01-01"),
        ("f[project]", "partons-2-0"),
        ("f[published]", "1"),
    ];
    let (_, back) = form_post(&router, save, &fields, Some(&admin)).await;
    let (_, _, page) = get(&router, &back, &[(header::COOKIE, &admin)]).await;
    assert!(
        page.contains("id=\"call-closes_on\"") && page.contains("aria-invalid=\"true\""),
        "{page}"
    );
    let mut r = db.query("RETURN count(SELECT id FROM call)").await.unwrap();
    assert_eq!(r.take::<Option<i64>>(0).unwrap(), Some(0));
    fields.retain(|(k, _)| *k != "f[closes_on]");
    fields.push(("f[closes_on]", closes.as_str()));
    let (_, call_page) = form_post(&router, save, &fields, Some(&admin)).await;
    let call = call_page.rsplit('/').next().unwrap().to_owned();
    assert!(call.starts_with("call-"), "{call_page}");

    // The public call page offers the form; a resident submits an idea.
    let (status, _, public) = get(&router, &format!("/nl/oproepen/{call}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        public.contains("data-testid=\"idea-form\"") && public.contains("PARTONS"),
        "{public}"
    );
    let submit = path::<app::ideas::SubmitIdea>();
    let idea = |title: &'static str, municipalities: &'static str| {
        vec![
            ("f[lang]", "nl"),
            ("f[call]", call.as_str()),
            ("f[title]", title),
            (
                "f[summary]",
                "Een wekelijkse markt met producenten van beide kanten van de grens in Wervik.",
            ),
            ("f[municipalities]", municipalities),
            ("f[submitter]", "association"),
            ("f[name]", "Vzw Grensmarkt"),
            ("f[email]", "info@grensmarkt.example"),
            ("f[consent]", "yes"),
        ]
    };
    let (_, wrong) = form_post(&router, submit, &idea("Grensmarkt", "33029, 99999"), None).await;
    assert!(wrong.contains("error=municipalities"), "{wrong}");
    assert!(
        !wrong.contains("Grensmarkt"),
        "typed values stay out of URLs: {wrong}"
    );
    let (_, _, shown) = get(&router, &wrong, &[]).await;
    assert!(
        shown.contains("value=\"Grensmarkt\""),
        "what was typed comes back"
    );
    let (_, own) = form_post(&router, submit, &idea("Grensmarkt", "33029, 59656"), None).await;
    assert!(
        own.starts_with("/nl/idee/") && own.ends_with("?new=1"),
        "{own}"
    );
    let link = own.trim_end_matches("?new=1").to_owned();
    let idea_token = link.rsplit('/').next().unwrap().to_owned();
    let (status, headers, mine) = get(&router, &link, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert!(mine.contains("data-status=\"received\""));
    let (status, _, _) = get(
        &router,
        "/nl/idee/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Staff ask for more information; the submitter answers through the link.
    let mut r = db
        .query("SELECT VALUE record::id(id) FROM idea")
        .await
        .unwrap();
    let idea_id: String = r.take::<Vec<String>>(0).unwrap().remove(0);
    let decide = |action: &'static str, text: &'static str| {
        let (router, admin, token, call, idea_id) = (
            router.clone(),
            admin.clone(),
            token.clone(),
            call.clone(),
            idea_id.clone(),
        );
        async move {
            form_post(
                &router,
                path::<app::ideas::SaveCall>(),
                &[
                    ("f[lang]", "nl"),
                    ("f[csrf]", &token),
                    ("f[call]", &call),
                    ("f[idea]", &idea_id),
                    ("f[action]", action),
                    ("f[text]", text),
                ],
                Some(&admin),
            )
            .await
        }
    };
    decide("info", "Wie zorgt voor de vergunning van de markt?").await;
    let manage = path::<app::ideas::ManageIdea>();
    let (_, answered) = form_post(
        &router,
        manage,
        &[
            ("f[lang]", "nl"),
            ("f[token]", &idea_token),
            ("f[action]", "answer"),
            (
                "f[text]",
                "De stad Wervik en de mairie van Wervicq-Sud samen.",
            ),
        ],
        None,
    )
    .await;
    assert!(answered.ends_with("?done=answered"), "{answered}");
    // Accepted: a draft pilot project under PARTONS 2.0, with both municipalities.
    decide("accept", "").await;
    let mut r = db
        .query("SELECT publication, record::id(parent) AS parent, municipalities.map(|$m| record::id($m)) AS municipalities, name FROM project WHERE source = 'idea:' + $id")
        .bind(("id", idea_id.clone()))
        .await
        .unwrap();
    let project: Option<serde_json::Value> = r.take::<Vec<serde_json::Value>>(0).unwrap().pop();
    let project = project.expect("a draft project");
    assert_eq!(project["publication"], "draft");
    assert_eq!(project["parent"], "partons-2-0");
    assert_eq!(
        project["municipalities"],
        serde_json::json!(["33029", "59656"])
    );
    assert_eq!(project["name"]["nl"], "Grensmarkt");
    // Decided ideas stay decided.
    decide("decline", "Te laat.").await;
    let mut r = db.query("SELECT VALUE status FROM idea").await.unwrap();
    assert_eq!(r.take::<Vec<String>>(0).unwrap(), ["accepted"]);
    // Public, with its municipalities on the call's page (never the contact).
    let (_, _, public) = get(&router, &format!("/fr/appels/{call}"), &[]).await;
    assert!(
        public.contains("data-testid=\"accepted-idea\"") && public.contains("Wervicq-Sud"),
        "{public}"
    );
    assert!(!public.contains("grensmarkt.example"));

    // The submitter heard of each step, in Dutch, with their link.
    let sink = SmtpSink::start();
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
            .await
            .unwrap(),
        3
    );
    let subjects: Vec<String> = sink.received().iter().map(|l| l.subject.clone()).collect();
    assert!(
        subjects.contains(&"Idee ontvangen: Grensmarkt".to_owned()),
        "{subjects:?}"
    );
    assert!(
        subjects.contains(&"Uw idee: meer informatie gevraagd".to_owned()),
        "{subjects:?}"
    );
    assert!(
        subjects.contains(&"Uw idee: aanvaard".to_owned()),
        "{subjects:?}"
    );
    let info = sink
        .received()
        .into_iter()
        .find(|l| l.subject.contains("informatie"))
        .unwrap();
    assert!(info
        .text
        .contains("Wie zorgt voor de vergunning van de markt?"));
    // The letter carries a new link to the idea (the database cannot give the first one
    // back); it opens the same idea.
    let info_link = info
        .text
        .lines()
        .find(|l| l.starts_with(&format!("{BASE}/nl/idee/")))
        .unwrap()
        .trim()
        .strip_prefix(BASE)
        .unwrap()
        .to_owned();
    assert!(!info_link.ends_with(&idea_token));
    let (status, _, via_letter) = get(&router, &info_link, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(via_letter.contains("Wie zorgt voor de vergunning van de markt?"));

    // The submitter's contact is removed after the retention period; the idea stays public.
    let removed = app::privacy::retention::sweep(&db, Utc::now() + Duration::days(91), 90)
        .await
        .unwrap();
    assert_eq!(removed.idea_contacts, 1);
    let (status, _, _) = get(&router, &link, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, public) = get(&router, &format!("/nl/oproepen/{call}"), &[]).await;
    assert!(public.contains("data-testid=\"accepted-idea\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_or_unpublished_call_takes_no_ideas() {
    let db = db().await;
    db.query(
        "CREATE call:closed CONTENT { title: { nl: 'Oud', fr: 'Ancien' }, text: { nl: 't', fr: 't' },
            criteria: { nl: 'c', fr: 'c' }, theme: 'x', opens_on: '2020-01-01', closes_on: '2020-02-01', published: true };
         CREATE call:hidden CONTENT { title: { nl: 'Verborgen', fr: 'Caché' }, text: { nl: 't', fr: 't' },
            criteria: { nl: 'c', fr: 'c' }, theme: 'x', opens_on: '2020-01-01', closes_on: '2099-02-01', published: false };",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    let router = app(db.clone());
    let (status, _, page) = get(&router, "/nl/oproepen/closed", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("data-testid=\"idea-form\""));
    let (status, _, _) = get(&router, "/nl/oproepen/hidden", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, to) = form_post(
        &router,
        path::<app::ideas::SubmitIdea>(),
        &[("f[lang]", "nl"), ("f[call]", "closed"), ("f[title]", "x")],
        None,
    )
    .await;
    assert!(to.contains("error=closed"), "{to}");
    let (status, _, list) = get(&router, "/fr/appels", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Ancien") && !list.contains("Caché"));
}
