//! A person's own registration, through the link of the confirmation page and letter:
//! what is kept, where it stands, and the forms to change, cancel, download or delete
//! it. No account; the link is the key (never cached, never sent as a referrer).

use super::page::{error_notice, invalid_fields, AnswerFields, MailNotice};
use super::{
    load_registration, ManageRegistration, OwnRegistration, RegistrationForm, Standing,
    ROLE_MESSAGES, STANDING_MESSAGES,
};
use crate::components::{LinkFields, OwnData, PersonalLinkPage};
use crate::i18n::use_i18n;
use crate::kernel::link::text_in;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

fn manage_path() -> &'static str {
    <ManageRegistration as ServerFn>::PATH
}

#[component]
pub fn RegistrationPage(token: String) -> impl IntoView {
    let registration = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        load_registration,
    );
    view! {
        <PersonalLinkPage title="registration-own-title" description="registration-own-description"
            resource=registration view=move |own| view! { <Own own token=token.clone() /> } />
    }
}

#[component]
fn Own(own: OwnRegistration, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let param = move |key: &str| params.with_untracked(|p| p.get(key)).unwrap_or_default();
    let error = param("error");
    let done = param("done");
    let new = param("new") == "1";
    let hidden = {
        let token = token.clone();
        move |action: &'static str| view! { <LinkFields token=token.clone() action /> }
    };
    let prefill = RegistrationForm {
        name: own.name.clone(),
        organisation: own.organisation.clone().unwrap_or_default(),
        municipality: own.municipality_code.clone().unwrap_or_default(),
        role: own.role.map(|r| r.code().to_owned()).unwrap_or_default(),
        language: own
            .language
            .map(|l| l.code().to_owned())
            .unwrap_or_default(),
        ..Default::default()
    };
    let standing_text = match (own.standing, own.position) {
        (Standing::Waiting, Some(position)) => i18n.t_args(
            "registration-waiting-position",
            [("place", position.into())],
        ),
        (standing, _) => i18n.t_of(&STANDING_MESSAGES, standing.code()),
    };
    let confirmation = new.then(|| {
        let id = match own.standing {
            Standing::Waiting => "registration-received-waiting",
            _ => "registration-received",
        };
        let mail = if crate::mail::mail_is_on() {
            i18n.t_args(
                "registration-letter-sent",
                [("email", own.email.clone().into())],
            )
        } else {
            i18n.t("registration-keep-link")
        };
        view! {
            <div class="notice notice--success" role="status" data-testid="registration-received">
                <p>{i18n.t(id)}</p>
                <p>{mail}</p>
            </div>
        }
    });
    let done_text = match done.as_str() {
        "changed" => Some("registration-changed"),
        "cancelled" => Some("registration-cancelled"),
        _ => None,
    };
    let active = own.standing != Standing::Cancelled;
    view! {
        {confirmation}
        {done_text.map(|id| view! { <p class="notice notice--success" role="status" data-testid="registration-done">{i18n.t(id)}</p> })}
        {error_notice(&error).map(|id| view! { <p class="notice notice--error" role="alert" data-testid="registration-error">{i18n.t(id)}</p> })}
        <dl class="facts" data-testid="registration-facts">
            <dt>{i18n.t("registration-meeting")}</dt>
            <dd><a href=Page::Event(own.event.id.clone()).path(lang)>{text_in(&own.event.name, lang)}</a></dd>
            {super::page::when_text(&own.when).map(|w| view! { <dt>{i18n.t("registration-when")}</dt><dd>{w}</dd> })}
            <dt>{i18n.t("registration-standing")}</dt>
            <dd data-testid="registration-standing" data-standing=own.standing.code()>{standing_text}</dd>
            <dt>{i18n.t("registration-name-label")}</dt><dd>{own.name.clone()}</dd>
            <dt>{i18n.t("registration-email-label")}</dt><dd>{own.email.clone()}</dd>
            {own.organisation.clone().map(|o| view! { <dt>{i18n.t("registration-question-organisation")}</dt><dd>{o}</dd> })}
            {own.municipality.clone().map(|m| view! { <dt>{i18n.t("registration-question-municipality")}</dt><dd>{text_in(&m.name, lang)}</dd> })}
            {own.role.map(|r| view! { <dt>{i18n.t("registration-question-role")}</dt><dd>{i18n.t_of(&ROLE_MESSAGES, r.code())}</dd> })}
            {own.language.map(|l| view! { <dt>{i18n.t("registration-language-label")}</dt><dd>{i18n.t_of(&crate::i18n::LANGUAGE_MESSAGES, l.code())}</dd> })}
            <dt>{i18n.t("registration-registered-on")}</dt><dd>{own.created_at.get(..10).unwrap_or(&own.created_at).to_owned()}</dd>
        </dl>
        {(own.changeable && active).then(|| view! {
            <h2>{i18n.t("registration-change-title")}</h2>
            <form method="post" action=manage_path() novalidate="" data-testid="registration-change">
                {hidden("change")}
                <AnswerFields signup=own.signup.clone() municipalities=own.municipalities.clone()
                    prefill=prefill.clone() invalid=invalid_fields(&error) with_email=false />
                <button type="submit">{i18n.t("registration-change-submit")}</button>
            </form>
            <h2>{i18n.t("registration-cancel-title")}</h2>
            <form method="post" action=manage_path() data-testid="registration-cancel">
                {hidden("cancel")}
                <p class="help">{i18n.t("registration-cancel-help")}</p>
                <button type="submit">{i18n.t("registration-cancel-submit")}</button>
            </form>
        })}
        <OwnData token=token.clone() data_url=super::data_url(&token) file="registration.json"
            manage=manage_path() name="registration" delete_help="registration-delete-help"
            delete_submit="registration-delete-submit" />
        {active.then(|| view! { <MailNotice /> })}
    }
}
