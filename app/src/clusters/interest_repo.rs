//! Interest in clusters with a shared price (server only): the staff page's data, and the
//! declare / confirm / withdraw posts, each checked on the server against the account.

use super::interest::{InterestEntry, InterestPage, InterestState};
use super::{repo, Cluster};
use crate::auth::Staff;
use crate::auth::StaffPost;
use crate::db::{rows, Db};
use crate::error::AppError;
use crate::kernel::posted::Posted;
use crate::kernel::validate::Length;
use crate::municipalities::directory;
use crate::routes::Page;
use crate::workflow::store::{self, Audited, Entry};
use crate::workflow::AuditAction;
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;

/// The checked fields of a declaration, or the names of the wrong ones.
pub fn check_declaration(f: &Posted) -> Result<Declaration, Vec<String>> {
    let get = |k: &str| f.text(k).to_owned();
    let (name, email, note) = (get("contact_name"), get("contact_email"), get("note"));
    let mut invalid = vec![];
    if name.is_empty()
        || Length::RecordName.exceeded_by(&name)
        || crate::kernel::validate::has_hidden_controls(&name)
    {
        invalid.push("contact_name".to_owned());
    }
    if !crate::kernel::validate::valid_email(&email) {
        invalid.push("contact_email".to_owned());
    }
    if Length::Text.exceeded_by(&note)
        || crate::kernel::validate::has_hidden_controls_in_lines(&note)
    {
        invalid.push("note".to_owned());
    }
    if invalid.is_empty() {
        Ok(Declaration {
            contact_name: name,
            contact_email: email,
            note: (!note.is_empty()).then_some(note),
        })
    } else {
        Err(invalid)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declaration {
    pub contact_name: String,
    pub contact_email: String,
    pub note: Option<String>,
}

/// Admins, and the staff of the organising municipality.
pub fn may_confirm(staff: &Staff, cluster: &Cluster) -> bool {
    staff.is_admin()
        || cluster
            .organiser
            .as_deref()
            .is_some_and(|o| staff.may_edit(o))
}

#[derive(Deserialize)]
struct Row {
    code: String,
    contact_name: String,
    contact_email: String,
    note: Option<String>,
    state: InterestState,
    declared_on: String,
}

async fn entries(db: &Db, cluster: &Cluster) -> Result<Vec<InterestEntry>, AppError> {
    let directory = directory::current(db).await?;
    let mut response = db
        .query(
            "SELECT record::id(municipality) AS code, contact_name, contact_email, note, state,
                time::format(declared_at, '%Y-%m-%d') AS declared_on
             FROM cluster_interest WHERE cluster = type::record('cluster', $id)
             ORDER BY declared_at",
        )
        .bind(("id", cluster.id.clone()))
        .await?;
    let found: Vec<Row> = rows(&mut response, 0)?;
    Ok(found
        .into_iter()
        .filter_map(|r| {
            let p = directory.profile(&r.code)?;
            Some(InterestEntry {
                municipality: super::Member {
                    code: r.code,
                    country: p.detail.country,
                    name: p.detail.name.clone(),
                    population: p.detail.population,
                },
                contact_name: r.contact_name,
                contact_email: r.contact_email,
                note: r.note,
                state: r.state,
                declared_on: r.declared_on,
            })
        })
        .collect())
}

pub async fn page(db: &Db, staff: &Staff, id: &str) -> Result<InterestPage, AppError> {
    let cluster = repo::one(db, id).await?;
    let all = entries(db, &cluster).await?;
    let confirm = may_confirm(staff, &cluster);
    let taken = |code: &str| {
        cluster.members.iter().any(|m| m.code == code)
            || all.iter().any(|e| e.municipality.code == code)
    };
    let directory = directory::current(db).await?;
    let declarable = if cluster.price_eur.is_none() {
        vec![]
    } else {
        let mut list: Vec<(String, crate::i18n::Localized)> = directory
            .codes()
            .filter(|code| staff.may_edit(code) && !taken(code))
            .filter_map(|code| {
                Some((
                    code.to_owned(),
                    directory.profile(code)?.detail.name.clone(),
                ))
            })
            .collect();
        list.sort_by_cached_key(|(_, name)| crate::search_text::sort_key(&name.nl));
        list
    };
    let entries = all
        .into_iter()
        .filter(|e| confirm || staff.may_edit(&e.municipality.code))
        .collect();
    Ok(InterestPage {
        cluster,
        entries,
        may_confirm: confirm,
        declarable,
    })
}

/// Handles a post of the interest page: see `save_cluster_interest`.
pub async fn submit(db: &Db, f: BTreeMap<String, String>) -> Result<(), AppError> {
    let id = f.get("cluster").map_or("", |v| v.trim()).to_owned();
    if !crate::kernel::validate::is_record_id(&id) {
        return Err(AppError::NotFound);
    }
    let Some(post) = StaffPost::open(db, f, |_, lang| {
        Page::StaffClusterInterest(id.clone()).path(lang)
    })
    .await?
    else {
        return Ok(());
    };
    let (f, staff) = (&post.fields, post.staff());
    let cluster = repo::one(db, &id).await?;
    let code = f.text("municipality").to_owned();
    let known = directory::current(db).await?.profile(&code).is_some();
    let entry = entries(db, &cluster)
        .await?
        .into_iter()
        .find(|e| e.municipality.code == code);
    let back = &post.back;
    match f.text("action") {
        "declare" => {
            if cluster.price_eur.is_none() {
                return Err(AppError::BadRequest("cluster".into()));
            }
            if !known {
                return post.invalid(db, ["municipality"]).await;
            }
            if !staff.may_edit(&code) {
                return Err(AppError::Forbidden);
            }
            if entry.is_some() || cluster.members.iter().any(|m| m.code == code) {
                return post.refuse(db, "staff-interest-error-already").await;
            }
            let declaration = match check_declaration(f) {
                Ok(d) => d,
                Err(invalid) => return post.invalid(db, invalid).await,
            };
            let mut response = db
                .query(
                    "CREATE cluster_interest CONTENT {
                        cluster: type::record('cluster', $id),
                        municipality: type::record('municipality', $code),
                        contact_name: $name, contact_email: $email, note: $note,
                        state: 'interested', declared_by: $actor,
                    }",
                )
                .bind(("id", id.clone()))
                .bind(("code", code.clone()))
                .bind(("name", declaration.contact_name))
                .bind(("email", declaration.contact_email))
                .bind(("note", declaration.note))
                .bind(("actor", staff.email.clone()))
                .await?;
            if response.take_errors().values().next().is_some() {
                // The unique pair: another post declared the same municipality first.
                return post.refuse(db, "staff-interest-error-already").await;
            }
            post.notice(db, "staff-interest-done-declare", back).await
        }
        "confirm" => {
            if !may_confirm(staff, &cluster) {
                return Err(AppError::Forbidden);
            }
            if entry.is_none_or(|e| e.state != InterestState::Interested) {
                return post.refuse(db, "staff-interest-error-gone").await;
            }
            store::commit(
                db,
                &crate::kernel::settings::settings(),
                post.actor(),
                Audited {
                    sql: "LET $c = type::record('cluster', $id);
                    LET $m = type::record('municipality', $code);
                    UPDATE cluster_interest SET state = 'confirmed', confirmed_by = $actor,
                        confirmed_at = time::now()
                        WHERE cluster = $c AND municipality = $m AND state = 'interested';
                    IF !(SELECT VALUE id FROM member_of WHERE in = $m AND out = $c)[0] {
                        RELATE $m->member_of->$c;
                    };
                    -- A cluster form opened before this is now stale: it would drop the member.
                    UPDATE $c SET revision += 1;"
                        .into(),
                    binds: vec![("id", json!(id)), ("code", json!(code))],
                    entries: vec![Entry {
                        target: "'cluster:' + $id",
                        action: AuditAction::ConfirmMember,
                        changes: "[{ field: 'members', after: $code }]",
                    }],
                    letters: vec![],
                },
            )
            .await?;
            post.notice(db, "staff-interest-done-confirm", back).await
        }
        "withdraw" => {
            let Some(entry) = entry.filter(|e| e.state == InterestState::Interested) else {
                return post.refuse(db, "staff-interest-error-gone").await;
            };
            if !(may_confirm(staff, &cluster) || staff.may_edit(&entry.municipality.code)) {
                return Err(AppError::Forbidden);
            }
            crate::db::transaction(
                db,
                "DELETE cluster_interest WHERE cluster = type::record('cluster', $id)
                    AND municipality = type::record('municipality', $code) AND state = 'interested';",
                vec![("id", json!(id)), ("code", json!(code))],
            )
            .await?;
            post.notice(db, "staff-interest-done-withdraw", back).await
        }
        _ => Err(AppError::BadRequest("action".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Posted {
        Posted::of(pairs)
    }

    #[test]
    fn a_declaration_needs_a_name_and_an_address() {
        let good = form(&[
            ("contact_name", " Schepen voor klimaat "),
            ("contact_email", "klimaat@wervik.be"),
            ("note", ""),
        ]);
        let checked = check_declaration(&good).unwrap();
        assert_eq!(checked.contact_name, "Schepen voor klimaat");
        assert_eq!(checked.note, None);
        let bad = form(&[
            ("contact_name", ""),
            ("contact_email", "not an address"),
            ("note", &"x".repeat(Length::Text.chars() + 1)),
        ]);
        assert_eq!(
            check_declaration(&bad),
            Err(vec![
                "contact_name".into(),
                "contact_email".into(),
                "note".into()
            ])
        );
    }

    #[test]
    fn a_declaration_with_hidden_controls_names_the_field() {
        let bad = form(&[
            ("contact_name", "Schepen \u{202E}taamilk"),
            ("contact_email", "klimaat@wervik.be"),
            ("note", "Vanaf het \u{2067}voorjaar\u{2069}."),
        ]);
        assert_eq!(
            check_declaration(&bad),
            Err(vec!["contact_name".into(), "note".into()])
        );
        let good = form(&[
            ("contact_name", "Échevin de l’environnement"),
            ("contact_email", "klimaat@wervik.be"),
            ("note", "Vanaf het voorjaar.\r\nMet de dienst milieu."),
        ]);
        assert!(check_declaration(&good).is_ok());
    }
}
