//! The registration form of a meeting, and the fields it shares with the change form of
//! a person's own page.

use super::{
    load_signup, load_signup_summary, MunicipalityChoice, Question, Register, RegistrationForm,
    Signup, SignupState, SignupView, FIELD_ERRORS, ROLE_MESSAGES,
};
use crate::components::{Loaded, PageMeta};
use crate::i18n::use_i18n;
use crate::kernel::link::text_in;
use crate::kernel::validate::Length;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

fn register_path() -> &'static str {
    <Register as ServerFn>::PATH
}

/// "Thursday 3 December 2015, 14:00" or nothing.
pub(super) fn when_text(when: &Option<crate::events::LocalMoment>) -> Option<String> {
    let i18n = use_i18n();
    when.as_ref().map(|w| {
        i18n.t_args(
            "event-date-time",
            [
                ("date", crate::kernel::format::long_date(&w.date).into()),
                ("time", w.time.clone().into()),
            ],
        )
    })
}

/// The error message of a refused post (`error=` in the URL), if it names one.
pub(super) fn error_notice(error: &str) -> Option<&'static str> {
    match error {
        "" => None,
        "closed" => Some("registration-closed"),
        "too-many" => Some("registration-too-many"),
        "already" => Some("registration-already"),
        _ => Some("registration-invalid"),
    }
}

/// The fields of the form that are wrong, from `error=name,email`.
pub(super) fn invalid_fields(error: &str) -> Vec<String> {
    error
        .split(',')
        .filter(|f| super::FIELDS.contains(f))
        .map(str::to_owned)
        .collect()
}

#[component]
pub fn RegisterPage(id: String) -> impl IntoView {
    let form = use_query_map()
        .with_untracked(|p| p.get(crate::kernel::form_flash::PARAM))
        .unwrap_or_default();
    let signup = Resource::new(
        move || (id.clone(), form.clone()),
        |(id, form)| load_signup(id, form),
    );
    view! { <Loaded resource=signup record=true view=|view| view! { <Form view /> } /> }
}

#[component]
fn Form(view: SignupView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let param = move |key: &str| params.with_untracked(|p| p.get(key)).unwrap_or_default();
    let error = param("error");
    let sent = param("sent") == "1";
    // What was typed before a refusal comes from the server, never from the URL.
    let typed = |key: &str| view.typed.get(key).cloned().unwrap_or_default();
    let prefill = RegistrationForm {
        name: typed("name"),
        organisation: typed("organisation"),
        municipality: typed("municipality"),
        role: typed("role"),
        language: typed("language"),
        ..Default::default()
    };
    let invalid = invalid_fields(&error);
    let title = text_in(&view.event.name, lang);
    let heading = i18n.t_args("registration-title", [("event", title.clone().into())]);
    let event_id = view.event.id.clone();
    let form_open = !sent && matches!(view.state, SignupState::Open | SignupState::Full);
    view! {
        <PageMeta title=heading.clone() description=i18n.t("registration-description") />
        <p class="breadcrumb"><a href=Page::Event(event_id.clone()).path(lang)>{title}</a></p>
        <h1>{heading}</h1>
        {when_text(&view.when).map(|w| view! { <p class="lead">{w}</p> })}
        {error_notice(&error).map(|id| view! {
            <p class="notice notice--error" role="alert" data-testid="registration-error">{i18n.t(id)}</p>
        })}
        {sent.then(|| view! {
            <p class="notice notice--success" role="status" data-testid="registration-sent">{i18n.t("registration-sent")}</p>
        })}
        <StateNotice state=view.state seats_left=view.seats_left deadline=view.signup.deadline_local.clone() />
        {(!view.signup.languages.is_empty()).then(|| view! {
            <p data-testid="registration-languages">
                {i18n.t("registration-meeting-languages")} " "
                {view.signup.languages.iter().map(|l| i18n.t_of(&crate::i18n::LANGUAGE_MESSAGES, l.code())).collect::<Vec<_>>().join(", ")}
            </p>
        })}
        {form_open.then(|| view! {
            <form method="post" action=register_path() class="registration-form" novalidate="" data-testid="registration-form">
                <input type="hidden" name="f[lang]" value=lang.code() />
                <input type="hidden" name="f[event]" value=event_id.clone() />
                <AnswerFields signup=view.signup.clone() municipalities=view.municipalities.clone()
                    prefill=prefill.clone() invalid=invalid.clone() with_email=true />
                // Honeypot: off-screen and out of the tab order; people never fill it in.
                <div class="hp" aria-hidden="true">
                    <label for="registration-website">{i18n.t("report-honeypot-label")}</label>
                    <input id="registration-website" name="f[website]" type="text" tabindex="-1" autocomplete="off" />
                </div>
                <MailNotice />
                <button type="submit" data-testid="registration-submit">{i18n.t("registration-submit")}</button>
            </form>
        })}
    }
}

/// On a meeting's agenda page: whether and until when one can register, and the way to
/// the form; after a person deleted their registration, that it is gone.
#[component]
pub fn SignupBox(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let deleted = use_query_map()
        .with_untracked(|p| p.get("deleted"))
        .as_deref()
        == Some("1");
    let summary = Resource::new(
        {
            let id = id.clone();
            move || id.clone()
        },
        load_signup_summary,
    );
    view! {
        {deleted.then(|| view! {
            <p class="notice notice--success" role="status" data-testid="registration-deleted">{i18n.t("registration-deleted")}</p>
        })}
        <Loaded resource=summary view=move |summary| summary.map(|s| {
            let open = matches!(s.state, SignupState::Open | SignupState::Full);
            view! {
                <section class="signup" aria-labelledby="signup-heading" data-testid="signup-box">
                    <h2 id="signup-heading">{i18n.t("registration-heading")}</h2>
                    <StateNotice state=s.state seats_left=s.seats_left deadline=s.deadline.clone() />
                    {open.then(|| view! {
                        <p><a class="button" href=Page::Register(id.clone()).path(lang) data-testid="register-link">{i18n.t("registration-go")}</a></p>
                    })}
                </section>
            }
        }) />
    }
}

/// Where the meeting's registration stands.
#[component]
pub(super) fn StateNotice(
    state: SignupState,
    seats_left: Option<u32>,
    deadline: Option<crate::events::LocalMoment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = match (state, seats_left) {
        (SignupState::Open, Some(left)) => {
            i18n.t_args("registration-seats-left", [("count", left.into())])
        }
        (SignupState::Open, None) => i18n.t("registration-open"),
        (SignupState::Full, _) => i18n.t("registration-full"),
        (SignupState::Closed, _) => i18n.t("registration-closed"),
        (SignupState::Off, _) => i18n.t("registration-off"),
    };
    let until = deadline.filter(|_| matches!(state, SignupState::Open | SignupState::Full));
    view! {
        <div class="notice" data-testid="registration-state" data-state=format!("{state:?}").to_lowercase()>
            <p>{text}</p>
            {until.map(|d| view! {
                <p data-testid="registration-deadline">
                    {i18n.t_args("registration-deadline", [("date", crate::kernel::format::long_date(&d.date).into()), ("time", d.time.into())])}
                </p>
            })}
        </div>
    }
}

/// What the person will receive: a letter, or (mail off) only the link of the next page.
#[component]
pub(super) fn MailNotice() -> impl IntoView {
    let i18n = use_i18n();
    let id = if crate::mail::mail_is_on() {
        "registration-mail-on"
    } else {
        "registration-mail-off"
    };
    view! { <p class="help" data-testid="registration-mail">{i18n.t(id)}</p> }
}

/// The person's answers: name, e-mail address (when registering), the questions the
/// meeting asks, the language of the meeting (when it has two), consent.
#[component]
pub(super) fn AnswerFields(
    signup: Signup,
    municipalities: Vec<MunicipalityChoice>,
    prefill: RegistrationForm,
    invalid: Vec<String>,
    with_email: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let is_invalid = {
        let invalid = invalid.clone();
        move |field: &str| invalid.iter().any(|f| f == field)
    };
    let error = {
        let is_invalid = is_invalid.clone();
        move |field: &'static str| {
            is_invalid(field).then(|| view! {
                <p class="field-error" id=format!("registration-{field}-error")>{i18n.t_of(&FIELD_ERRORS, field)}</p>
            })
        }
    };
    let described = {
        let is_invalid = is_invalid.clone();
        move |field: &'static str| is_invalid(field).then(|| format!("registration-{field}-error"))
    };
    let aria_invalid = {
        let is_invalid = is_invalid.clone();
        move |field: &'static str| is_invalid(field).then_some("true")
    };
    let name_of = move |m: &MunicipalityChoice| text_in(&m.name, lang);
    let group = |country: &'static str| {
        let options: Vec<_> = municipalities
            .iter()
            .filter(|m| m.country == country)
            .map(|m| {
                view! { <option value=m.code.clone() selected=prefill.municipality == m.code>{name_of(m)}</option> }
            })
            .collect();
        view! { <optgroup label=i18n.t_of(&crate::kernel::geo::COUNTRY_MESSAGES, &country.to_lowercase())>{options}</optgroup> }
    };
    let two_languages = signup.languages.len() > 1;
    view! {
        <div class="field">
            <label for="registration-name">{i18n.t("registration-name-label")}</label>
            <input id="registration-name" name="f[name]" type="text" autocomplete="name" required=""
                maxlength=Length::PersonName.chars().to_string() value=prefill.name.clone()
                aria-invalid=aria_invalid("name") aria-describedby=described("name") />
            {error("name")}
        </div>
        {with_email.then(|| view! {
            <div class="field">
                <label for="registration-email">{i18n.t("registration-email-label")}</label>
                <input id="registration-email" name="f[email]" type="email" autocomplete="email" required="" maxlength="254"
                    aria-invalid=aria_invalid("email")
                    aria-describedby=format!("registration-email-help{}", if is_invalid("email") { " registration-email-error" } else { "" }) />
                <p id="registration-email-help" class="help">{i18n.t("registration-email-help")}</p>
                {error("email")}
            </div>
        })}
        {signup.asks(Question::Organisation).then(|| view! {
            <div class="field">
                <label for="registration-organisation">{i18n.t("registration-question-organisation")}</label>
                <input id="registration-organisation" name="f[organisation]" type="text" autocomplete="organization"
                    maxlength=Length::Title.chars().to_string() value=prefill.organisation.clone()
                    aria-invalid=aria_invalid("organisation") aria-describedby=described("organisation") />
                {error("organisation")}
            </div>
        })}
        {signup.asks(Question::Municipality).then(|| view! {
            <div class="field">
                <label for="registration-municipality">{i18n.t("registration-question-municipality")}</label>
                <select id="registration-municipality" name="f[municipality]"
                    aria-invalid=aria_invalid("municipality") aria-describedby=described("municipality")>
                    <option value="">{i18n.t("registration-municipality-none")}</option>
                    {group("BE")}
                    {group("FR")}
                </select>
                {error("municipality")}
            </div>
        })}
        {signup.asks(Question::Role).then(|| view! {
            <fieldset class="field" aria-describedby=described("role")>
                <legend>{i18n.t("registration-question-role")}</legend>
                {super::Role::ALL.into_iter().map(|role| view! {
                    <label class="check">
                        <input type="radio" name="f[role]" value=role.code() checked=prefill.role == role.code() />
                        {i18n.t_of(&ROLE_MESSAGES, role.code())}
                    </label>
                }).collect_view()}
                {error("role")}
            </fieldset>
        })}
        {two_languages.then(|| view! {
            <fieldset class="field" aria-describedby=described("language")>
                <legend>{i18n.t("registration-language-label")}</legend>
                {signup.languages.iter().map(|l| view! {
                    <label class="check">
                        <input type="radio" name="f[language]" value=l.code()
                            checked=prefill.language == l.code() || (prefill.language.is_empty() && *l == lang) />
                        {i18n.t_of(&crate::i18n::LANGUAGE_MESSAGES, l.code())}
                    </label>
                }).collect_view()}
                {error("language")}
            </fieldset>
        })}
        {with_email.then(|| view! {
            <div class="field">
                <label class="check">
                    <input type="checkbox" name="f[consent]" value="yes" required=""
                        aria-invalid=aria_invalid("consent") aria-describedby="registration-consent-help" />
                    {i18n.t("registration-consent")}
                </label>
                <p id="registration-consent-help" class="help">
                    {i18n.t("registration-consent-help")} " "
                    <a href=Page::Privacy.path(lang)>{i18n.t("footer-privacy")}</a>
                </p>
                {error("consent")}
            </div>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_their_message_and_only_known_fields() {
        assert_eq!(error_notice("closed"), Some("registration-closed"));
        assert_eq!(error_notice("name,email"), Some("registration-invalid"));
        assert_eq!(error_notice(""), None);
        assert_eq!(invalid_fields("name,<script>,email"), ["name", "email"]);
    }
}
