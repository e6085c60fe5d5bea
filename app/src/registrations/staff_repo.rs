//! The staff's side of a meeting's registrations (server only): who may manage them,
//! the list with its counts, the CSV, and the settings and attendance forms.

use super::repo::{event_link, fill, meeting, stamp, value, Meeting};
use super::*;
use crate::auth::Staff;
use crate::db::Db;
use crate::municipalities::directory;
use crate::routes::Page;
use chrono::{DateTime, Utc};

/// Who may see and manage a meeting's registrations: admins, and editors of the
/// municipality where it takes place.
fn may_manage(staff: &Staff, meeting: &Meeting) -> bool {
    staff.is_admin()
        || meeting
            .municipality
            .as_deref()
            .is_some_and(|m| staff.may_edit(m))
}

/// The meetings that take registrations in the account's scope (admins: all), latest
/// first: the staff home links each to its list.
pub async fn meetings_in_scope(db: &Db, staff: &Staff) -> Result<Vec<Link>, AppError> {
    let mut response = db
        .query(
            "SELECT record::id(id) AS id, title AS name, starts_at FROM event
             WHERE signup != NONE AND ($all OR place.municipality_code IN $codes)
             ORDER BY starts_at DESC LIMIT 50",
        )
        .bind(("all", staff.is_admin()))
        .bind(("codes", staff.municipalities.clone()))
        .await?;
    crate::db::rows(&mut response, 0)
}

#[derive(Deserialize)]
struct RegistrantRow {
    id: String,
    name: Option<String>,
    email: Option<String>,
    lang: String,
    organisation: Option<String>,
    municipality: Option<String>,
    country: Option<String>,
    role: Option<String>,
    language: Option<String>,
    standing: Standing,
    attended: Option<bool>,
    created_at: String,
}

async fn registrants(db: &Db, event: &str) -> Result<Vec<Registrant>, AppError> {
    let mut response = db
        .query(
            "SELECT record::id(id) AS id, name, email, lang, organisation, municipality,
                country, role, language, standing, attended, <string> created_at AS created_at
             FROM registration WHERE event = type::record('event', $event)
             ORDER BY created_at",
        )
        .bind(("event", event.to_owned()))
        .await?;
    let rows: Vec<RegistrantRow> = crate::db::rows(&mut response, 0)?;
    let directory = directory::current(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| Registrant {
            municipality_name: r
                .municipality
                .as_deref()
                .and_then(|c| directory.profile(c))
                .map(|p| format!("{} / {}", p.detail.name.nl, p.detail.name.fr)),
            id: r.id,
            name: r.name.unwrap_or_default(),
            email: r.email.unwrap_or_default(),
            lang: r.lang,
            organisation: r.organisation,
            municipality: r.municipality,
            country: r.country,
            role: r.role.as_deref().and_then(Role::from_code),
            language: r.language,
            standing: r.standing,
            attended: r.attended,
            created_at: r.created_at,
        })
        .collect())
}

fn count_by(registrants: &[Registrant], key: impl Fn(&Registrant) -> String) -> Vec<(String, u32)> {
    let mut counts = BTreeMap::<String, u32>::new();
    for r in registrants
        .iter()
        .filter(|r| r.standing == Standing::Confirmed)
    {
        *counts.entry(key(r)).or_default() += 1;
    }
    counts.into_iter().collect()
}

pub async fn staff_list(db: &Db, staff: &Staff, id: &str) -> Result<StaffRegistrations, AppError> {
    let meeting = meeting(db, id).await?;
    if !may_manage(staff, &meeting) {
        return Err(AppError::Forbidden);
    }
    let registrants = registrants(db, id).await?;
    Ok(StaffRegistrations {
        by_role: count_by(&registrants, |r| {
            r.role.map_or("unknown", Role::code).to_owned()
        }),
        by_country: count_by(&registrants, |r| {
            r.country.clone().unwrap_or_else(|| "unknown".into())
        }),
        confirmed: meeting.confirmed,
        waiting: meeting.waiting,
        event: event_link(&meeting.event),
        when: meeting.event.start.clone(),
        deadline_input: meeting
            .signup
            .deadline_local
            .as_ref()
            .map(|d| format!("{}T{}", d.date, d.time))
            .unwrap_or_default(),
        signup: meeting.signup,
        registrants,
    })
}

/// The list as CSV (every cell through the formula guard of `kernel::csv`).
pub async fn staff_csv(db: &Db, staff: &Staff, id: &str) -> Result<String, AppError> {
    let list = staff_list(db, staff, id).await?;
    let header = [
        "name",
        "email",
        "language_of_letters",
        "organisation",
        "municipality",
        "country",
        "role",
        "meeting_language",
        "standing",
        "attended",
        "registered_at",
    ];
    let rows = list.registrants.iter().map(|r| {
        vec![
            r.name.clone(),
            r.email.clone(),
            r.lang.clone(),
            r.organisation.clone().unwrap_or_default(),
            r.municipality.clone().unwrap_or_default(),
            r.country.clone().unwrap_or_default(),
            r.role.map(Role::code).unwrap_or_default().to_owned(),
            r.language.clone().unwrap_or_default(),
            r.standing.code().to_owned(),
            r.attended
                .map(|a| if a { "yes" } else { "no" })
                .unwrap_or_default()
                .to_owned(),
            r.created_at.clone(),
        ]
    });
    let bytes = crate::kernel::csv::write(&header, rows).map_err(AppError::internal)?;
    String::from_utf8(bytes).map_err(AppError::internal)
}

/// A deadline typed on a Brussels clock (`2027-01-10T17:00`) as an instant. A time that
/// does not exist (the hour skipped in spring) is refused; one that happens twice (in
/// autumn) is its first occurrence.
pub fn brussels_instant(text: &str) -> Option<DateTime<Utc>> {
    crate::kernel::clock::instant_of_local(text)
}

/// Handles a post of the staff page (settings or attendance).
pub async fn staff_submit(
    db: &Db,
    f: BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::auth::{flash_and_redirect, Flash};
    let lang = Lang::from_code(value(&f, "lang")).unwrap_or(Lang::Nl);
    let id = value(&f, "event").to_owned();
    let back = Page::StaffRegistrations(id.clone()).path(lang);
    let Some(session) = crate::auth::form_session(db, value(&f, "csrf"), lang, &back).await? else {
        return Ok(());
    };
    let meeting = meeting(db, &id).await?;
    if !may_manage(&session.staff, &meeting) {
        return Err(AppError::Forbidden);
    }
    match value(&f, "action") {
        "settings" => {
            let mut invalid = vec![];
            let deadline = value(&f, "deadline");
            let deadline_at = if deadline.is_empty() {
                None
            } else {
                let at = brussels_instant(deadline);
                if at.is_none() {
                    invalid.push("deadline".to_owned());
                }
                at
            };
            let capacity = value(&f, "capacity");
            let capacity = if capacity.is_empty() {
                None
            } else {
                match capacity.parse::<u32>() {
                    Ok(c) if (1..=MAX_CAPACITY).contains(&c) => Some(c),
                    _ => {
                        invalid.push("capacity".to_owned());
                        None
                    }
                }
            };
            let questions: Vec<&str> = Question::ALL
                .into_iter()
                .filter(|q| !value(&f, &format!("question_{}", q.code())).is_empty())
                .map(Question::code)
                .collect();
            let languages: Vec<&str> = [Lang::Nl, Lang::Fr]
                .into_iter()
                .filter(|l| !value(&f, &format!("language_{}", l.code())).is_empty())
                .map(Lang::code)
                .collect();
            if languages.is_empty() {
                invalid.push("languages".to_owned());
            }
            if !invalid.is_empty() {
                let flash = Flash::invalid(invalid, f.clone());
                return flash_and_redirect(db, &session.id, &flash, &back).await;
            }
            let open = !value(&f, "open").is_empty();
            crate::db::transaction(
                db,
                &format!(
                    "BEGIN TRANSACTION;
                UPDATE type::record('event', $event) SET signup = {{
                    open: $open,
                    deadline: IF $deadline THEN <datetime> $deadline ELSE NONE END,
                    capacity: $capacity ?? NONE,
                    questions: $questions, languages: $languages
                }};
                {}
                COMMIT TRANSACTION;",
                    crate::workflow::audit_statement(
                        "'event:' + $event",
                        crate::workflow::AuditAction::RegistrationSettings,
                        "[]"
                    )
                ),
                vec![
                    ("event", id.clone().into()),
                    ("open", open.into()),
                    ("deadline", deadline_at.map(stamp).into()),
                    ("capacity", capacity.into()),
                    ("questions", questions.into()),
                    ("languages", languages.into()),
                    ("actor", session.staff.email.clone().into()),
                ],
            )
            .await?;
            // A larger capacity gives seats to the waiting list.
            fill(db, &id, now).await?;
            flash_and_redirect(
                db,
                &session.id,
                &Flash::notice("staff-registrations-saved"),
                &back,
            )
            .await
        }
        "attendance" => {
            let list = registrants(db, &id).await?;
            let present: Vec<String> = list
                .iter()
                .filter(|r| r.standing == Standing::Confirmed)
                .map(|r| r.id.clone())
                .collect();
            let attended: Vec<&String> = present
                .iter()
                .filter(|rid| !value(&f, &format!("attended_{rid}")).is_empty())
                .collect();
            // The same conflict retry as every other audited write.
            crate::db::transaction(
                db,
                &format!(
                    "BEGIN TRANSACTION;
                    FOR $id IN $present {{
                        UPDATE type::record('registration', $id) SET attended = $id IN $attended;
                    }};
                    {}
                    COMMIT TRANSACTION;",
                    crate::workflow::audit_statement(
                        "'event:' + $event",
                        crate::workflow::AuditAction::Attendance,
                        "[]"
                    )
                ),
                vec![
                    ("present", present.clone().into()),
                    (
                        "attended",
                        attended.into_iter().cloned().collect::<Vec<_>>().into(),
                    ),
                    ("actor", session.staff.email.clone().into()),
                    ("event", id.clone().into()),
                ],
            )
            .await?;
            flash_and_redirect(
                db,
                &session.id,
                &Flash::notice("staff-registrations-attendance-saved"),
                &back,
            )
            .await
        }
        _ => Err(AppError::BadRequest("action".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::brussels_instant;

    #[test]
    fn deadlines_are_read_on_a_brussels_clock() {
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(
            brussels_instant("2027-01-10T17:00").unwrap().to_rfc3339(),
            "2027-01-10T16:00:00+00:00"
        );
        assert_eq!(
            brussels_instant("2027-07-10T17:00").unwrap().to_rfc3339(),
            "2027-07-10T15:00:00+00:00"
        );
        // 28 March 2027, 02:30 does not exist in Brussels.
        assert_eq!(brussels_instant("2027-03-28T02:30"), None);
        // 31 October 2027, 02:30 happens twice: the first (summer time).
        assert_eq!(
            brussels_instant("2027-10-31T02:30").unwrap().to_rfc3339(),
            "2027-10-31T00:30:00+00:00"
        );
        assert_eq!(brussels_instant("morgen"), None);
    }
}
