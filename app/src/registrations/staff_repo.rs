//! The staff's side of a meeting's registrations (server only): who may manage them,
//! the list with its counts, the CSV, and the settings and attendance forms.

use super::records::{event_link, meeting, stamp, Meeting};
use super::seats::fill;
use super::*;
use crate::auth::Staff;
use crate::auth::StaffPost;
use crate::db::Db;
use crate::municipalities::directory;
use crate::routes::Page;
use crate::workflow::store::{self, Audited, Entry};
use crate::workflow::AuditAction;
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
    let Some(post) = StaffPost::open(db, f, |f, lang| {
        Page::StaffRegistrations(f.text("event").to_owned()).path(lang)
    })
    .await?
    else {
        return Ok(());
    };
    let f = &post.fields;
    let id = f.text("event").to_owned();
    let meeting = meeting(db, &id).await?;
    if !may_manage(post.staff(), &meeting) {
        return Err(AppError::Forbidden);
    }
    let settings = crate::kernel::settings::settings();
    match f.text("action") {
        "settings" => {
            let mut invalid = vec![];
            let deadline_at = f.optional("deadline").and_then(|deadline| {
                let at = brussels_instant(deadline);
                if at.is_none() {
                    invalid.push("deadline");
                }
                at
            });
            let capacity = match f.parsed::<u32>("capacity") {
                None => None,
                Some(Ok(c)) if (1..=MAX_CAPACITY).contains(&c) => Some(c),
                Some(_) => {
                    invalid.push("capacity");
                    None
                }
            };
            let questions: Vec<&str> = Question::ALL
                .into_iter()
                .filter(|q| f.ticked(&format!("question_{}", q.code())))
                .map(Question::code)
                .collect();
            let languages: Vec<&str> = [Lang::Nl, Lang::Fr]
                .into_iter()
                .filter(|l| f.ticked(&format!("language_{}", l.code())))
                .map(Lang::code)
                .collect();
            if languages.is_empty() {
                invalid.push("languages");
            }
            if !invalid.is_empty() {
                return post.invalid(db, invalid).await;
            }
            store::commit(
                db,
                &settings,
                post.actor(),
                Audited {
                    sql: "UPDATE type::record('event', $event) SET signup = {
                        open: $open,
                        deadline: IF $deadline THEN <datetime> $deadline ELSE NONE END,
                        capacity: $capacity ?? NONE,
                        questions: $questions, languages: $languages
                    };"
                    .into(),
                    binds: vec![
                        ("event", id.clone().into()),
                        ("open", f.ticked("open").into()),
                        ("deadline", deadline_at.map(stamp).into()),
                        ("capacity", capacity.into()),
                        ("questions", questions.into()),
                        ("languages", languages.into()),
                    ],
                    entries: vec![Entry::of(
                        "'event:' + $event",
                        AuditAction::RegistrationSettings,
                    )],
                    letters: vec![],
                },
            )
            .await?;
            // A larger capacity gives seats to the waiting list.
            fill(db, &id, now).await?;
            post.notice(db, "staff-registrations-saved", &post.back)
                .await
        }
        "attendance" => {
            let list = registrants(db, &id).await?;
            let present: Vec<String> = list
                .iter()
                .filter(|r| r.standing == Standing::Confirmed)
                .map(|r| r.id.clone())
                .collect();
            let attended: Vec<String> = present
                .iter()
                .filter(|rid| f.ticked(&format!("attended_{rid}")))
                .cloned()
                .collect();
            store::commit(
                db,
                &settings,
                post.actor(),
                Audited {
                    sql: "FOR $id IN $present {
                        UPDATE type::record('registration', $id) SET attended = $id IN $attended;
                    };"
                    .into(),
                    binds: vec![
                        ("present", present.into()),
                        ("attended", attended.into()),
                        ("event", id.clone().into()),
                    ],
                    entries: vec![Entry::of("'event:' + $event", AuditAction::Attendance)],
                    letters: vec![],
                },
            )
            .await?;
            post.notice(db, "staff-registrations-attendance-saved", &post.back)
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
