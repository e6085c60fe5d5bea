//! Hole 4 of the attack on the staff area (issue "Fix first"): markup in the cooperation
//! forms' textareas comes back as text, and the form posted back saves it unchanged.

use crate::support::http::{encode, get, location, path, post};
use crate::support::staff::{csrf, signed_in, staff_app, ADMIN};
use app::coop::SaveCoop;
use axum::http::{header, StatusCode};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::collections::BTreeMap;

/// The values a browser would post back from a page's first form with `data-testid`
/// `form`: inputs (checked boxes only), selected options and textareas' text.
fn form_values(html: &str, testid: &str) -> (BTreeMap<String, String>, Vec<String>) {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut values = BTreeMap::new();
    let mut tags = vec![];
    let (mut inside, mut textarea, mut select) = (false, None::<(String, String)>, None::<String>);
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attributes: BTreeMap<String, String> = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(v).into_owned(),
                        )
                    })
                    .collect();
                let attr = |name: &str| attributes.get(name).cloned();
                if name == "form" && attr("data-testid").as_deref() == Some(testid) {
                    inside = true;
                }
                if !inside {
                    continue;
                }
                tags.push(name.clone());
                let field = attr("name").unwrap_or_default();
                match name.as_str() {
                    "input" => {
                        let kind = attr("type").unwrap_or_default();
                        let checkable = kind == "checkbox" || kind == "radio";
                        if !checkable || attr("checked").is_some() {
                            values.insert(field, attr("value").unwrap_or("on".into()));
                        }
                    }
                    "textarea" => textarea = Some((field, String::new())),
                    "select" => select = Some(field),
                    "option" if attr("selected").is_some() => {
                        if let Some(select) = &select {
                            values.insert(select.clone(), attr("value").unwrap_or_default());
                        }
                    }
                    _ => {}
                }
            }
            Token::String(text) => {
                if let Some((_, content)) = textarea.as_mut() {
                    content.push_str(&String::from_utf8_lossy(&text));
                }
            }
            Token::EndTag(tag) => match tag.name.as_slice() {
                b"textarea" => {
                    if let Some((field, content)) = textarea.take() {
                        values.insert(field, content);
                    }
                }
                b"select" => select = None,
                b"form" => inside = false,
                _ => {}
            },
            _ => {}
        }
    }
    (values, tags)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_in_a_cooperation_form_comes_back_as_text_and_saves_unchanged() {
    let (db, router) = staff_app().await;
    let admin = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &admin).await;
    let hostile = "</textarea><img src=x onerror=alert(1)>";
    // A `Lines` field holds "nl | fr" items, one per line.
    let lines = "Overleg </textarea><script>alert(2)</script> | Concertation & <b>gras</b>\nTweede punt | Second point";
    for (kind, list, area, lines_field, fields) in [
        (
            "project",
            "/nl/beheer/projecten",
            "summary",
            "themes",
            vec![
                ("name_nl", "Hostile project"),
                ("status", "ongoing"),
                ("kind", "interreg_project"),
            ],
        ),
        (
            "event",
            "/nl/beheer/agenda",
            "summary",
            "agenda",
            vec![("title_nl", "Hostile meeting"), ("kind", "consultation")],
        ),
        (
            "cluster",
            "/nl/beheer/samenwerkingsverbanden",
            "description",
            "",
            vec![("name_nl", "Hostile cluster"), ("kind", "climate_cluster")],
        ),
    ] {
        let mut pairs: Vec<(String, &str)> = vec![
            ("f[lang]".into(), "nl"),
            ("f[table]".into(), kind),
            ("f[csrf]".into(), &token),
            ("f[id]".into(), ""),
            ("f[revision]".into(), ""),
            ("f[action]".into(), "save"),
        ];
        let area_nl = format!("{area}_nl");
        let area_fr = format!("{area}_fr");
        pairs.push((format!("f[{area_nl}]"), hostile));
        pairs.push((format!("f[{area_fr}]"), hostile));
        if !lines_field.is_empty() {
            pairs.push((format!("f[{lines_field}]"), lines));
        }
        pairs.extend(fields.iter().map(|(k, v)| (format!("f[{k}]"), *v)));
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let (status, headers, _) = post(
            &router,
            path::<SaveCoop>(),
            &encode(&borrowed),
            &[("cookie", &admin), ("accept", "text/html")],
        )
        .await;
        assert_eq!(status, StatusCode::FOUND, "{kind}");
        let page = location(&headers);
        assert!(
            page.starts_with(list) && !page.ends_with("/nieuw"),
            "{kind}: {page}"
        );
        let id = page.rsplit('/').next().unwrap().to_owned();
        // The edit page, in both languages: the value is text in its textarea, and the
        // page's markup is that of a benign record.
        let other = match kind {
            "project" => format!("/fr/gestion/projets/{id}"),
            "event" => format!("/fr/gestion/agenda/{id}"),
            _ => format!("/fr/gestion/cooperations/{id}"),
        };
        for uri in [page.clone(), other] {
            let (status, _, html) = get(&router, &uri, &[(header::COOKIE, &admin)]).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            let (values, tags) = form_values(&html, "coop-form");
            assert_eq!(values[&format!("f[{area_nl}]")], hostile, "{uri}");
            assert_eq!(values[&format!("f[{area_fr}]")], hostile, "{uri}");
            if !lines_field.is_empty() {
                assert_eq!(values[&format!("f[{lines_field}]")], lines, "{uri}");
            }
            assert!(
                !tags.iter().any(|t| t == "img" || t == "script" || t == "b"),
                "{uri}: {tags:?}"
            );
        }
        // Saving the form again, as the browser would post it, keeps the values.
        let (_, html) = {
            let (s, _, h) = get(&router, &page, &[(header::COOKIE, &admin)]).await;
            (s, h)
        };
        let (values, _) = form_values(&html, "coop-form");
        let mut again: Vec<(&str, &str)> = values
            .iter()
            .filter(|(k, _)| k.as_str() != "f[action]")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        again.push(("f[action]", "save"));
        let (status, headers, _) = post(
            &router,
            path::<SaveCoop>(),
            &encode(&again),
            &[("cookie", &admin), ("accept", "text/html")],
        )
        .await;
        assert_eq!(
            (status, location(&headers)),
            (StatusCode::FOUND, page.clone())
        );
        let (_, html) = {
            let (s, _, h) = get(&router, &page, &[(header::COOKIE, &admin)]).await;
            (s, h)
        };
        assert!(!html.contains("form-errors"), "{kind}: saving again failed");
        let mut r = db
            .query(format!(
                "SELECT VALUE [{area}.nl, {area}.fr] FROM type::record($t, $id)"
            ))
            .bind(("t", kind.to_owned()))
            .bind(("id", id.clone()))
            .await
            .unwrap();
        let stored: Vec<(String, String)> = r.take(0).unwrap();
        assert_eq!(stored, [(hostile.to_owned(), hostile.to_owned())], "{kind}");
    }
}
