use super::{ReportForm, ReportOutcome, SubmitReport, KINDS};
use crate::components::{PageMeta, PrefilledTextarea};
use crate::i18n::use_i18n;
#[cfg(any(feature = "ssr", test))]
use crate::i18n::Lang;
use crate::kernel::validate::Length;
use crate::routes::Page;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where a plain (no JavaScript) form post lands: the page again, with the outcome and,
/// after an error, what was typed (except the e-mail address, kept out of URLs).
#[cfg(any(feature = "ssr", test))]
pub fn outcome_url(lang: Lang, form: &ReportForm, outcome: &ReportOutcome) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    match outcome {
        ReportOutcome::Sent(follow) => {
            query.append_pair("sent", "1");
            if let Some(token) = follow {
                query.append_pair("follow", token);
            }
        }
        ReportOutcome::TooMany => {
            query.append_pair("error", "too-many");
        }
        ReportOutcome::Invalid(fields) => {
            query.append_pair("error", &fields.join(","));
            for (key, value) in [
                ("service", &form.service),
                ("kind", &form.kind),
                ("message", &form.message),
            ] {
                if !value.is_empty() {
                    query.append_pair(key, value);
                }
            }
        }
    }
    format!("{}?{}", Page::Report.path(lang), query.finish())
}

/// The outcome shown on the page: from the action (with JavaScript) or from the URL
/// (after a plain form post).
fn outcome_from_query(
    sent: Option<String>,
    follow: Option<String>,
    error: Option<String>,
) -> Option<ReportOutcome> {
    if sent.as_deref() == Some("1") {
        return Some(ReportOutcome::Sent(
            follow.filter(|token| super::is_follow_token(token)),
        ));
    }
    match error.as_deref() {
        None | Some("") => None,
        Some("too-many") => Some(ReportOutcome::TooMany),
        Some(fields) => Some(ReportOutcome::Invalid(
            fields
                .split(',')
                .filter(|f| ["service", "kind", "message", "email"].contains(f))
                .map(str::to_owned)
                .collect(),
        )),
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let param = move |key: &str| params.with_untracked(|p| p.get(key)).unwrap_or_default();
    let prefill = ReportForm {
        service: param("service"),
        kind: param("kind"),
        message: param("message"),
        email: String::new(),
        website: String::new(),
    };
    let action = ServerAction::<SubmitReport>::new();
    let from_url = outcome_from_query(
        params.with_untracked(|p| p.get("sent")),
        params.with_untracked(|p| p.get("follow")),
        params.with_untracked(|p| p.get("error")),
    );
    let outcome = Memo::new(move |_| match action.value().get() {
        Some(Ok(outcome)) => Some(outcome),
        Some(Err(_)) => Some(ReportOutcome::Invalid(vec![])),
        None => from_url.clone(),
    });
    let invalid = move |field: &'static str| matches!(outcome.get(), Some(ReportOutcome::Invalid(fields)) if fields.iter().any(|f| f == field));
    let error_text = move |field: &'static str| {
        invalid(field).then(|| {
            view! {
                <p class="field-error" id=format!("{field}-error")>
                    {i18n.t_of(&super::FIELD_ERRORS, field)}
                </p>
            }
        })
    };
    let described = move |field: &'static str, help: &'static str| {
        if invalid(field) {
            format!("{help} {field}-error")
        } else {
            help.to_owned()
        }
    };
    let summary = move || {
        outcome.get().map(|o| match o {
            ReportOutcome::Sent(follow) => view! {
                <div class="notice notice--success" role="status" data-testid="report-sent">
                    <p>{i18n.t("report-sent")}</p>
                    {follow.map(|token| view! {
                        <p>{i18n.t("report-follow-intro")} " "
                            <a href=Page::ReportFollow(token).path(lang) data-testid="report-follow-link">{i18n.t("report-follow-link")}</a>
                        </p>
                    })}
                    <p><a href=Page::Services.path(lang)>{i18n.t("report-back-to-services")}</a></p>
                </div>
            }
            .into_any(),
            ReportOutcome::TooMany => view! {
                <p class="notice notice--error" role="alert" data-testid="report-too-many">{i18n.t("report-too-many")}</p>
            }
            .into_any(),
            ReportOutcome::Invalid(_) => view! {
                <p class="notice notice--error" role="alert" data-testid="report-invalid">{i18n.t("report-invalid")}</p>
            }
            .into_any(),
        })
    };
    let sent = move || matches!(outcome.get(), Some(ReportOutcome::Sent(_)));
    view! {
        <PageMeta title=i18n.t("report-title") description=i18n.t("report-description") />
        <h1>{i18n.t("report-title")}</h1>
        <p class="lead">{i18n.t("report-intro")}</p>
        {summary}
        <Show when=move || !sent()>
            {
                let prefill = prefill.clone();
                view! {
            <ActionForm action attr:class="report-form" attr:id="report-form" attr:novalidate="">
                <input type="hidden" name="lang" value=lang.code() />
                <input type="hidden" name="form[service]" value=prefill.service.clone() />
                {crate::kernel::validate::is_service_id(&prefill.service).then(|| view! {
                    <p class="help" data-testid="report-about-service">
                        {i18n.t("report-about-service")} " "
                        <a href=Page::Service(prefill.service.clone()).path(lang)>{i18n.t("report-about-service-link")}</a>
                    </p>
                })}
                <fieldset class="field" aria-describedby=move || described("kind", "kind-help")>
                    <legend>{i18n.t("report-kind-label")}</legend>
                    <p id="kind-help" class="help">{i18n.t("report-kind-help")}</p>
                    {KINDS.into_iter().map(|kind| view! {
                        <label class="check">
                            <input type="radio" name="form[kind]" value=kind checked=prefill.kind == kind />
                            {i18n.t_of(&super::KIND_MESSAGES, kind)}
                        </label>
                    }).collect_view()}
                    {move || error_text("kind")}
                </fieldset>
                <div class="field">
                    <label for="report-message">{i18n.t("report-message-label")}</label>
                    <PrefilledTextarea id="report-message" name="form[message]" rows=6 maxlength=Length::Text.chars()
                        value=prefill.message.clone()
                        invalid=Signal::derive(move || invalid("message"))
                        described_by=Signal::derive(move || described("message", "message-help")) />
                    <p id="message-help" class="help">{i18n.t("report-message-help")}</p>
                    {move || error_text("message")}
                </div>
                <div class="field">
                    <label for="report-email">{i18n.t("report-email-label")}</label>
                    <input id="report-email" name="form[email]" type="email" autocomplete="email" maxlength="254"
                        aria-invalid=move || invalid("email").then_some("true")
                        aria-describedby=move || described("email", "email-help") />
                    <p id="email-help" class="help">{i18n.t("report-email-help")}</p>
                    {move || error_text("email")}
                </div>
                {move || error_text("service")}
                // Honeypot: off-screen and out of the tab order; people never fill it in.
                <div class="hp" aria-hidden="true">
                    <label for="report-website">{i18n.t("report-honeypot-label")}</label>
                    <input id="report-website" name="form[website]" type="text" tabindex="-1" autocomplete="off" />
                </div>
                <p class="help">{i18n.t("report-privacy")}</p>
                <p class="help" data-testid="report-mail">
                    {if crate::mail::mail_is_on() { i18n.t("report-mail-on") } else { i18n.t("report-mail-off") }}
                </p>
                <button type="submit">{i18n.t("report-submit")}</button>
            </ActionForm>
                }
            }
        </Show>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outcome_survives_the_round_trip_through_the_url() {
        let form = ReportForm {
            kind: "wrong".into(),
            message: "Le numéro est faux".into(),
            email: "private@example.be".into(),
            ..Default::default()
        };
        let invalid = ReportOutcome::Invalid(vec!["email".into()]);
        let url = outcome_url(Lang::Fr, &form, &invalid);
        assert!(url.starts_with("/fr/signaler?error=email&kind=wrong&message=Le+num"));
        assert!(!url.contains("private"));
        assert_eq!(
            outcome_from_query(None, None, Some("email".into())),
            Some(invalid)
        );
        assert_eq!(
            outcome_url(Lang::Nl, &form, &ReportOutcome::Sent(None)),
            "/nl/melden?sent=1"
        );
        assert_eq!(
            outcome_from_query(Some("1".into()), None, None),
            Some(ReportOutcome::Sent(None))
        );
        let token = "k3JxQ9-abcdefghijklmnop".to_owned();
        assert_eq!(
            outcome_from_query(Some("1".into()), Some(token.clone()), None),
            Some(ReportOutcome::Sent(Some(token)))
        );
        assert_eq!(
            outcome_from_query(Some("1".into()), Some("\"><script>".into()), None),
            Some(ReportOutcome::Sent(None))
        );
        assert_eq!(
            outcome_from_query(None, None, Some("<script>".into())),
            Some(ReportOutcome::Invalid(vec![]))
        );
    }
}
