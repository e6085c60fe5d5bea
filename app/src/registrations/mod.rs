//! Registering for meetings (issue 23): staff open a meeting of the agenda for
//! registration (deadline on a Brussels clock, capacity, the questions asked, the
//! meeting's languages); a person registers without an account, gets a seat or a place
//! on the waiting list, and sees, changes, cancels, downloads or deletes the registration
//! through an unguessable link (also in the confirmation letter). A cancellation gives
//! the seat to the first on the waiting list, who is told by e-mail. Staff see the list
//! of their meetings, the counts by role and country, export it and record attendance.
//!
//! Every form here is a plain HTML form answered with a redirect: the same with and
//! without JavaScript.

#[cfg(feature = "ssr")]
mod letters;
mod own_page;
mod page;
#[cfg(feature = "ssr")]
mod records;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
mod seats;
mod staff_page;
#[cfg(feature = "ssr")]
mod staff_repo;

pub use own_page::RegistrationPage;
pub use page::{RegisterPage, SignupBox};
pub use staff_page::StaffRegistrationsPage;

use crate::error::AppError;
use crate::events::LocalMoment;
use crate::i18n::{Lang, Localized, MessageSet};
use crate::kernel::link::Link;
use crate::kernel::validate::has_hidden_controls;
use crate::kernel::validate::Length;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::closed_set! {
    /// The questions a meeting may ask besides name and e-mail address.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Question {
        Organisation = "organisation",
        Municipality = "municipality",
        Role = "role",
    }
}

pub const QUESTION_MESSAGES: MessageSet = MessageSet::new("registration-question-", || {
    Question::ALL.map(Question::code).to_vec()
});

crate::closed_set! {
    /// Who registers, as the role question asks it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Role {
        /// Mayor or alderman.
        Mayor = "mayor",
        /// Municipal staff.
        Staff = "staff",
        Resident = "resident",
        Other = "other",
    }
}

pub const ROLE_MESSAGES: MessageSet =
    MessageSet::new("registration-role-", || Role::ALL.map(Role::code).to_vec());

crate::closed_set! {
    /// Where a registration stands.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Standing {
        Confirmed = "confirmed",
        Waiting = "waiting",
        Cancelled = "cancelled",
    }
}

pub const STANDING_MESSAGES: MessageSet = MessageSet::new("registration-standing-", || {
    Standing::ALL.map(Standing::code).to_vec()
});

/// A meeting's registration as staff set it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Signup {
    pub open: bool,
    /// The instant registration closes (RFC 3339), and the same on a Brussels clock.
    pub deadline: Option<String>,
    pub deadline_local: Option<LocalMoment>,
    pub capacity: Option<u32>,
    pub questions: Vec<Question>,
    pub languages: Vec<Lang>,
}

impl Signup {
    pub fn asks(&self, question: Question) -> bool {
        self.questions.contains(&question)
    }
}

/// Whether a person can register now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignupState {
    /// The meeting takes no registrations here.
    Off,
    /// Seats are left (or there is no limit).
    Open,
    /// Every seat is taken: new registrations go to the waiting list.
    Full,
    /// The deadline has passed, or the meeting has begun.
    Closed,
}

/// What the public sees of a meeting's registration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignupView {
    pub event: Link,
    pub when: Option<LocalMoment>,
    pub signup: Signup,
    pub state: SignupState,
    pub seats_left: Option<u32>,
    /// The municipalities a person may name, by country then name.
    pub municipalities: Vec<MunicipalityChoice>,
    /// What the visitor typed before the form was refused (`kernel::form_flash`).
    #[serde(default)]
    pub typed: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityChoice {
    pub code: String,
    pub name: Localized,
    pub country: String,
}

/// The registration form as posted (strings: what was typed is shown back).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub municipality: String,
    pub role: String,
    /// The meeting language the person takes part in.
    pub language: String,
    pub consent: String,
    /// Honeypot.
    pub website: String,
}

/// The form's fields that can be wrong, in form order.
pub const FIELDS: [&str; 7] = [
    "name",
    "email",
    "organisation",
    "municipality",
    "role",
    "language",
    "consent",
];
pub const FIELD_ERRORS: MessageSet = MessageSet::new("registration-error-", || FIELDS.to_vec());
/// The largest capacity staff can set.
pub const MAX_CAPACITY: u32 = 100_000;

/// A checked registration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub municipality: Option<String>,
    pub role: Option<Role>,
    pub language: Option<Lang>,
}

impl RegistrationForm {
    /// Builds the form from posted fields (`f[name]`, …).
    pub fn from_fields(f: &BTreeMap<String, String>) -> RegistrationForm {
        let get = |key: &str| f.get(key).cloned().unwrap_or_default();
        RegistrationForm {
            name: get("name"),
            email: get("email"),
            organisation: get("organisation"),
            municipality: get("municipality"),
            role: get("role"),
            language: get("language"),
            consent: get("consent"),
            website: get("website"),
        }
    }

    /// Checks every field against what the meeting asks (`known`: whether a
    /// municipality code is one of ours); names all fields at fault. `with_email`: the
    /// address is asked (not when a registration is changed through its link).
    pub fn validate(
        &self,
        signup: &Signup,
        known: impl Fn(&str) -> bool,
        with_email: bool,
    ) -> Result<Answers, Vec<String>> {
        let mut invalid = vec![];
        let name = self.name.trim();
        if name.is_empty() || Length::PersonName.exceeded_by(name) || has_hidden_controls(name) {
            invalid.push("name");
        }
        let email = self.email.trim();
        if with_email && !valid_email(email) {
            invalid.push("email");
        }
        let organisation = self.organisation.trim();
        if signup.asks(Question::Organisation)
            && (Length::Title.exceeded_by(organisation) || has_hidden_controls(organisation))
        {
            invalid.push("organisation");
        }
        let municipality = self.municipality.trim();
        if signup.asks(Question::Municipality) && !municipality.is_empty() && !known(municipality) {
            invalid.push("municipality");
        }
        let role = Role::from_code(self.role.trim());
        if signup.asks(Question::Role) && role.is_none() {
            invalid.push("role");
        }
        let language = Lang::from_code(self.language.trim());
        let choose_language = signup.languages.len() > 1;
        if choose_language && !language.is_some_and(|l| signup.languages.contains(&l)) {
            invalid.push("language");
        }
        if with_email && self.consent.trim().is_empty() {
            invalid.push("consent");
        }
        if !invalid.is_empty() {
            return Err(invalid.into_iter().map(str::to_owned).collect());
        }
        let asked = |q: Question, value: &str| {
            (signup.asks(q) && !value.is_empty()).then(|| value.to_owned())
        };
        Ok(Answers {
            name: name.to_owned(),
            email: email.to_owned(),
            organisation: asked(Question::Organisation, organisation),
            municipality: asked(Question::Municipality, municipality),
            role: role.filter(|_| signup.asks(Question::Role)),
            language: if choose_language {
                language
            } else {
                signup.languages.first().copied()
            },
        })
    }

    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }
}

fn valid_email(email: &str) -> bool {
    #[cfg(feature = "ssr")]
    {
        crate::kernel::validate::valid_email(email)
    }
    #[cfg(not(feature = "ssr"))]
    {
        email.contains('@')
    }
}

/// A person's own registration, as their link shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnRegistration {
    pub event: Link,
    pub when: Option<LocalMoment>,
    pub name: String,
    pub email: String,
    pub lang: Lang,
    pub organisation: Option<String>,
    pub municipality: Option<Link>,
    pub municipality_code: Option<String>,
    pub role: Option<Role>,
    pub language: Option<Lang>,
    pub standing: Standing,
    /// On the waiting list: how many are before this person, plus one.
    pub position: Option<u32>,
    pub created_at: String,
    /// What the meeting asks now (the change form).
    pub signup: Signup,
    pub municipalities: Vec<MunicipalityChoice>,
    /// Whether it can still be changed (before the deadline and the meeting).
    pub changeable: bool,
}

/// One registration on the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registrant {
    pub id: String,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub organisation: Option<String>,
    pub municipality: Option<String>,
    pub municipality_name: Option<String>,
    pub country: Option<String>,
    pub role: Option<Role>,
    pub language: Option<String>,
    pub standing: Standing,
    pub attended: Option<bool>,
    pub created_at: String,
}

/// The staff page of one meeting: its settings, list and counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffRegistrations {
    pub event: Link,
    pub when: Option<LocalMoment>,
    pub signup: Signup,
    /// The deadline as the settings form shows it: `2027-01-10T17:00` (Brussels).
    pub deadline_input: String,
    pub registrants: Vec<Registrant>,
    /// Confirmed registrations by role (`unknown` when not asked) and by country.
    pub by_role: Vec<(String, u32)>,
    pub by_country: Vec<(String, u32)>,
    pub confirmed: u32,
    pub waiting: u32,
}

/// The registration page of a meeting.
#[server]
pub async fn load_signup(event: String, form: String) -> Result<SignupView, AppError> {
    let db = crate::db::use_db()?;
    let now = chrono::Utc::now();
    let mut view = crate::components::with_status(repo::signup_view(&db, &event, now).await)?;
    view.typed = crate::kernel::form_flash::take(&db, &form, now).await?;
    Ok(view)
}

/// Where a meeting's registration stands, for its agenda page (None: it takes none here).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupSummary {
    pub state: SignupState,
    pub seats_left: Option<u32>,
    pub deadline: Option<LocalMoment>,
}

#[server]
pub async fn load_signup_summary(event: String) -> Result<Option<SignupSummary>, AppError> {
    repo::summary(&crate::db::use_db()?, &event, chrono::Utc::now()).await
}

/// Registers for a meeting (`f`: `lang`, `event`, and the form's fields). Answers with
/// a redirect: to the person's own page, or back to the form with what went wrong.
#[server]
pub async fn register(f: BTreeMap<String, String>) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let client = crate::kernel::request::client_key().await;
    let to = repo::register_form(&db, &f, client, chrono::Utc::now()).await?;
    crate::components::redirect_to(&to);
    Ok(())
}

/// The registration behind a link.
#[server]
pub async fn load_registration(token: String) -> Result<OwnRegistration, AppError> {
    crate::components::with_status(
        repo::own(&crate::db::use_db()?, &token, chrono::Utc::now()).await,
    )
}

/// Changes, cancels or deletes a registration through its link (`f`: `lang`, `token`,
/// `action`: change, cancel or delete, and for a change the form's fields).
#[server]
pub async fn manage_registration(f: BTreeMap<String, String>) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let client = crate::kernel::request::client_key().await;
    let to = repo::manage_form(&db, f, client, chrono::Utc::now()).await?;
    crate::components::redirect_to(&to);
    Ok(())
}

/// The staff page of a meeting's registrations: admins, and editors of the meeting's
/// municipality.
#[server]
pub async fn load_staff_registrations(event: String) -> Result<StaffRegistrations, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    crate::components::with_status(repo::staff_list(&db, &session.staff, &event).await)
}

/// Saves a meeting's registration settings, or its attendance (`f`: `lang`, `csrf`,
/// `event`, `action`: settings or attendance). Answers with a redirect.
#[server]
pub async fn save_registrations(f: BTreeMap<String, String>) -> Result<(), AppError> {
    repo::staff_submit(&crate::db::use_db()?, f, chrono::Utc::now()).await
}

/// Where the staff download a meeting's list (served by the `server` crate).
pub fn csv_url(event: &str) -> String {
    crate::routes::Download::StaffRegistrations.path(event)
}

/// Where a person downloads their registration's data (served by the `server` crate).
pub fn data_url(token: &str) -> String {
    crate::routes::Download::Registration.path(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signup(questions: Vec<Question>, languages: Vec<Lang>) -> Signup {
        Signup {
            open: true,
            questions,
            languages,
            ..Default::default()
        }
    }

    fn form() -> RegistrationForm {
        RegistrationForm {
            name: "Ann Peeters".into(),
            email: "ann@example.be".into(),
            consent: "yes".into(),
            ..Default::default()
        }
    }

    #[test]
    fn only_the_questions_asked_are_required_and_kept() {
        let none = signup(vec![], vec![Lang::Nl]);
        let answers = RegistrationForm {
            role: "mayor".into(),
            organisation: "Stad".into(),
            ..form()
        }
        .validate(&none, |_| true, true)
        .unwrap();
        assert_eq!(answers.role, None);
        assert_eq!(answers.organisation, None);
        assert_eq!(answers.language, Some(Lang::Nl));
        let all = signup(Question::ALL.to_vec(), vec![Lang::Nl, Lang::Fr]);
        assert_eq!(
            form().validate(&all, |_| true, true).unwrap_err(),
            ["role", "language"]
        );
        let answers = RegistrationForm {
            role: "staff".into(),
            language: "fr".into(),
            municipality: "59350".into(),
            ..form()
        }
        .validate(&all, |code| code == "59350", true)
        .unwrap();
        assert_eq!(answers.role, Some(Role::Staff));
        assert_eq!(answers.municipality.as_deref(), Some("59350"));
    }

    #[test]
    fn names_with_hidden_controls_are_refused_and_other_scripts_kept() {
        let asked = signup(vec![Question::Organisation], vec![Lang::Nl]);
        let bad = RegistrationForm {
            name: "Jan \u{202E}sreteeP".into(),
            organisation: "Stad \u{2067}Ieper\u{2069}".into(),
            ..form()
        };
        assert_eq!(
            bad.validate(&asked, |_| true, true).unwrap_err(),
            ["name", "organisation"]
        );
        let tab = RegistrationForm {
            name: "Jan\tPeeters".into(),
            ..form()
        };
        assert_eq!(tab.validate(&asked, |_| true, true).unwrap_err(), ["name"]);
        for name in [
            "Marie-Hélène d’Halluin",
            "محمد العلوي",
            "שרה כהן",
            "O'Brien",
        ] {
            let good = RegistrationForm {
                name: name.into(),
                organisation: "Mairie d'Halluin".into(),
                ..form()
            };
            assert_eq!(
                good.validate(&asked, |_| true, true).unwrap().name,
                name,
                "{name}"
            );
        }
    }

    #[test]
    fn every_wrong_field_is_named() {
        let all = signup(Question::ALL.to_vec(), vec![Lang::Fr]);
        let bad = RegistrationForm {
            name: " ".into(),
            email: "not-an-address".into(),
            organisation: "x".repeat(Length::Title.chars() + 1),
            municipality: "99999".into(),
            role: "king".into(),
            language: "de".into(),
            consent: String::new(),
            website: String::new(),
        };
        assert_eq!(
            bad.validate(&all, |_| false, true).unwrap_err(),
            [
                "name",
                "email",
                "organisation",
                "municipality",
                "role",
                "consent"
            ]
        );
        // A change through the link asks no address and no consent again.
        let change = RegistrationForm {
            email: String::new(),
            consent: String::new(),
            role: "other".into(),
            ..form()
        };
        assert!(change.validate(&all, |_| true, false).is_ok());
    }
}
