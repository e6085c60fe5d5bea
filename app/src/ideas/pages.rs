//! The public pages: the calls, a call with its form and accepted ideas (on a map), and
//! the submitter's own page through its link.

use super::{
    list_calls, load_call, load_idea, Call, CallView, Idea, IdeaStatus, ManageIdea, SubmitIdea,
    FIELDS, FIELD_ERRORS, STATUS_MESSAGES, SUBMITTERS, SUBMITTER_MESSAGES,
};
use crate::components::{
    LinkFields, Loaded, OwnData, PageMeta, PersonalLinkPage, PrefilledTextarea,
};
use crate::i18n::use_i18n;
use crate::kernel::format::long_date;
use crate::kernel::link::text_in;
use crate::kernel::validate::Length;
use crate::map::RegionMap;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

fn submit_path() -> &'static str {
    <SubmitIdea as ServerFn>::PATH
}

fn manage_path() -> &'static str {
    <ManageIdea as ServerFn>::PATH
}

fn period(call: &Call) -> String {
    let i18n = use_i18n();
    i18n.t_args(
        "call-period",
        [
            ("start", long_date(&call.opens_on).into()),
            ("end", long_date(&call.closes_on).into()),
        ],
    )
}

#[component]
pub fn CallsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let calls = Resource::new(|| (), |_| list_calls());
    // A submitter deleted their idea for a call that is no longer public.
    let deleted = use_query_map()
        .with_untracked(|p| p.get("deleted"))
        .as_deref()
        == Some("1");
    view! {
        <PageMeta title=i18n.t("calls-title") description=i18n.t("calls-description") />
        <h1>{i18n.t("calls-title")}</h1>
        {deleted.then(|| view! {
            <p class="notice notice--success" role="status" data-testid="idea-deleted">{i18n.t("idea-deleted")}</p>
        })}
        <p class="lead">{i18n.t("calls-intro")}</p>
        <Loaded resource=calls view=move |calls| view! {
            {calls.is_empty().then(|| view! { <p data-testid="calls-empty">{i18n.t("calls-empty")}</p> })}
            <ul class="project-list">
                {calls.into_iter().map(|c| view! {
                    <li class="project-card" data-testid="call">
                        <h2><a href=Page::Call(c.id.clone()).path(lang)>{text_in(&c.title, lang)}</a></h2>
                        <p class="project-card__meta">
                            <span class=if c.open { "phase phase--running" } else { "phase phase--ended" }>
                                {i18n.t(if c.open { "call-open" } else { "call-closed" })}
                            </span>
                            " · " {period(&c)}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        } />
    }
}

#[component]
pub fn CallPage(id: String) -> impl IntoView {
    let form = use_query_map()
        .with_untracked(|p| p.get(crate::kernel::form_flash::PARAM))
        .unwrap_or_default();
    let view = Resource::new(
        move || (id.clone(), form.clone()),
        |(id, form)| load_call(id, form),
    );
    view! { <Loaded resource=view record=true view=|view| view! { <CallDetail view /> } /> }
}

#[component]
fn CallDetail(view: CallView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let param = move |key: &str| params.with_untracked(|p| p.get(key)).unwrap_or_default();
    // What was typed before a refusal comes from the server, never from the URL.
    let typed = view.typed.clone();
    let typed = move |key: &str| typed.get(key).cloned().unwrap_or_default();
    let error = param("error");
    let invalid: Vec<String> = error
        .split(',')
        .filter(|f| FIELDS.contains(f))
        .map(str::to_owned)
        .collect();
    let is_invalid = {
        let invalid = invalid.clone();
        move |f: &str| invalid.iter().any(|i| i == f)
    };
    let field_error = {
        let is_invalid = is_invalid.clone();
        move |f: &'static str| {
            is_invalid(f).then(|| view! { <p class="field-error" id=format!("idea-{f}-error")>{i18n.t_of(&FIELD_ERRORS, f)}</p> })
        }
    };
    let aria = {
        let is_invalid = is_invalid.clone();
        move |f: &'static str| is_invalid(f).then_some("true")
    };
    let described = {
        let is_invalid = is_invalid.clone();
        move |f: &'static str| is_invalid(f).then(|| format!("idea-{f}-error"))
    };
    let notice = match error.as_str() {
        "" => None,
        "closed" => Some("call-form-closed"),
        "too-many" => Some("call-form-too-many"),
        _ => Some("call-form-invalid"),
    };
    let call = view.call.clone();
    let codes: Vec<String> = view
        .accepted
        .iter()
        .flat_map(|i| i.municipalities.iter().map(|m| m.id.clone()))
        .collect();
    let highlight = codes.join(" ");
    let title = text_in(&call.title, lang);
    let description: String = text_in(&call.text, lang).chars().take(160).collect();
    view! {
        <PageMeta title=title.clone() description />
        <nav aria-label=i18n.t("breadcrumb-label") class="breadcrumb">
            <a href=Page::Calls.path(lang)>{i18n.t("calls-title")}</a>
        </nav>
        <h1>{title}</h1>
        <p class="project-card__meta" data-testid="call-state">
            <span class=if call.open { "phase phase--running" } else { "phase phase--ended" }>
                {i18n.t(if call.open { "call-open" } else { "call-closed" })}
            </span>
            " · " {period(&call)} " · " {call.theme.clone()}
        </p>
        {(param("deleted") == "1").then(|| view! {
            <p class="notice notice--success" role="status" data-testid="idea-deleted">{i18n.t("idea-deleted")}</p>
        })}
        {(param("sent") == "1").then(|| view! {
            <p class="notice notice--success" role="status">{i18n.t("idea-received")}</p>
        })}
        <p class="prewrap">{text_in(&call.text, lang)}</p>
        <h2>{i18n.t("call-criteria")}</h2>
        <p class="prewrap">{text_in(&call.criteria, lang)}</p>
        {call.project.clone().map(|p| view! {
            <p>{i18n.t("call-project")} " " <a href=Page::Project(p.id.clone()).path(lang)>{text_in(&p.name, lang)}</a></p>
        })}
        {call.open.then(|| view! {
            <section aria-labelledby="idea-form-heading" id="idea-form">
                <h2 id="idea-form-heading">{i18n.t("idea-form-title")}</h2>
                {notice.map(|id| view! { <p class="notice notice--error" role="alert" data-testid="idea-error">{i18n.t(id)}</p> })}
                <form method="post" action=submit_path() novalidate="" data-testid="idea-form">
                    <input type="hidden" name="f[lang]" value=lang.code() />
                    <input type="hidden" name="f[call]" value=call.id.clone() />
                    <div class="field">
                        <label for="idea-title">{i18n.t("idea-title-label")}</label>
                        <input id="idea-title" name="f[title]" type="text" maxlength=Length::Title.chars().to_string() value=typed("title")
                            aria-invalid=aria("title") aria-describedby=described("title") />
                        {field_error("title")}
                    </div>
                    <div class="field">
                        <label for="idea-summary">{i18n.t("idea-summary-label")}</label>
                        <PrefilledTextarea id="idea-summary" name="f[summary]" rows=6 maxlength=Length::LongText.chars()
                            value=typed("summary") invalid=is_invalid("summary")
                            described_by=format!("idea-summary-help{}", if is_invalid("summary") { " idea-summary-error" } else { "" }) />
                        <p id="idea-summary-help" class="help">{i18n.t("idea-summary-help")}</p>
                        {field_error("summary")}
                    </div>
                    <div class="field">
                        <label for="idea-municipalities">{i18n.t("idea-municipalities-label")}</label>
                        <input id="idea-municipalities" name="f[municipalities]" type="text" value=typed("municipalities")
                            aria-invalid=aria("municipalities")
                            aria-describedby=format!("idea-municipalities-help{}", if is_invalid("municipalities") { " idea-municipalities-error" } else { "" }) />
                        <p id="idea-municipalities-help" class="help">{i18n.t("idea-municipalities-help")}</p>
                        {field_error("municipalities")}
                    </div>
                    <fieldset class="field" aria-describedby=described("submitter")>
                        <legend>{i18n.t("idea-submitter-label")}</legend>
                        {SUBMITTERS.into_iter().map(|s| view! {
                            <label class="check">
                                <input type="radio" name="f[submitter]" value=s checked=typed("submitter") == s />
                                {i18n.t_of(&SUBMITTER_MESSAGES, s)}
                            </label>
                        }).collect_view()}
                        {field_error("submitter")}
                    </fieldset>
                    <div class="field">
                        <label for="idea-name">{i18n.t("registration-name-label")}</label>
                        <input id="idea-name" name="f[name]" type="text" autocomplete="name" maxlength="120" value=typed("name")
                            aria-invalid=aria("name") aria-describedby=described("name") />
                        {field_error("name")}
                    </div>
                    <div class="field">
                        <label for="idea-email">{i18n.t("registration-email-label")}</label>
                        <input id="idea-email" name="f[email]" type="email" autocomplete="email" maxlength="254"
                            aria-invalid=aria("email") aria-describedby=described("email") />
                        {field_error("email")}
                    </div>
                    <div class="field">
                        <label class="check">
                            <input type="checkbox" name="f[consent]" value="yes" aria-invalid=aria("consent") aria-describedby=described("consent") />
                            {i18n.t("idea-consent")}
                        </label>
                        {field_error("consent")}
                    </div>
                    <div class="hp" aria-hidden="true">
                        <label for="idea-website">{i18n.t("report-honeypot-label")}</label>
                        <input id="idea-website" name="f[website]" type="text" tabindex="-1" autocomplete="off" />
                    </div>
                    <p class="help">
                        {if crate::mail::mail_is_on() { i18n.t("idea-mail-on") } else { i18n.t("idea-mail-off") }} " "
                        <a href=Page::Privacy.path(lang)>{i18n.t("footer-privacy")}</a>
                    </p>
                    <button type="submit" data-testid="idea-submit">{i18n.t("idea-submit")}</button>
                </form>
            </section>
        })}
        <section aria-labelledby="accepted-heading">
            <h2 id="accepted-heading">{i18n.t("call-accepted")}</h2>
            {view.accepted.is_empty().then(|| view! { <p>{i18n.t("call-accepted-none")}</p> })}
            <ul>
                {view.accepted.iter().map(|idea| view! {
                    <li data-testid="accepted-idea">
                        <strong lang=idea.lang.clone()>{idea.title.clone()}</strong>
                        <p class="prewrap" lang=idea.lang.clone()>{idea.summary.clone()}</p>
                        <p>{idea.municipalities.iter().map(|m| view! {
                            <a href=Page::Municipality(m.id.clone()).path(lang)>{text_in(&m.name, lang)}</a> " "
                        }).collect_view()}</p>
                    </li>
                }).collect_view()}
            </ul>
            {(!highlight.is_empty()).then(|| view! { <RegionMap focus=None highlight=highlight.clone() /> })}
        </section>
    }
}

#[component]
pub fn IdeaPage(token: String) -> impl IntoView {
    let idea = Resource::new(
        {
            let token = token.clone();
            move || token.clone()
        },
        load_idea,
    );
    view! {
        <PersonalLinkPage title="idea-own-title" description="idea-own-title"
            resource=idea view=move |idea| view! { <OwnIdea idea token=token.clone() /> } />
    }
}

#[component]
fn OwnIdea(idea: Idea, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let param = move |key: &str| params.with_untracked(|p| p.get(key)).unwrap_or_default();
    let hidden = {
        let token = token.clone();
        move |action: &'static str| view! { <LinkFields token=token.clone() action /> }
    };
    let names: Vec<String> = idea
        .municipalities
        .iter()
        .map(|m| text_in(&m.name, lang))
        .collect();
    let names = names.join(", ");
    view! {
        {(param("new") == "1").then(|| view! {
            <div class="notice notice--success" role="status" data-testid="idea-received">
                <p>{i18n.t("idea-received")}</p>
                <p>{if crate::mail::mail_is_on() { i18n.t("idea-letter-sent") } else { i18n.t("idea-keep-link") }}</p>
            </div>
        })}
        {(param("done") == "answered").then(|| view! { <p class="notice notice--success" role="status" data-testid="idea-answered">{i18n.t("idea-answered")}</p> })}
        {(!param("error").is_empty()).then(|| view! { <p class="notice notice--error" role="alert">{i18n.t("idea-answer-error")}</p> })}
        <dl class="facts" data-testid="idea-facts">
            <dt>{i18n.t("idea-call")}</dt>
            <dd><a href=Page::Call(idea.call.id.clone()).path(lang)>{text_in(&idea.call.name, lang)}</a></dd>
            <dt>{i18n.t("idea-status")}</dt>
            <dd data-testid="idea-status" data-status=idea.status.code()>{i18n.t_of(&STATUS_MESSAGES, idea.status.code())}</dd>
            {idea.reason.clone().map(|r| view! { <dt>{i18n.t("idea-reason")}</dt><dd class="prewrap">{r}</dd> })}
            <dt>{i18n.t("idea-title-label")}</dt><dd lang=idea.lang.clone()>{idea.title.clone()}</dd>
            <dt>{i18n.t("idea-summary-label")}</dt><dd class="prewrap" lang=idea.lang.clone()>{idea.summary.clone()}</dd>
            <dt>{i18n.t("idea-municipalities-label")}</dt>
            <dd>{names}</dd>
            <dt>{i18n.t("registration-name-label")}</dt><dd>{idea.name.clone()}</dd>
            <dt>{i18n.t("registration-email-label")}</dt><dd>{idea.email.clone()}</dd>
        </dl>
        {(!idea.messages.is_empty()).then(|| view! {
            <h2>{i18n.t("idea-messages")}</h2>
            <ol data-testid="idea-messages">
                {idea.messages.iter().map(|m| view! {
                    <li>
                        <strong>{i18n.t(if m.from == "staff" { "idea-from-staff" } else { "idea-from-you" })}</strong>
                        " (" {m.at.get(..10).unwrap_or(&m.at).to_owned()} "): "
                        <span class="prewrap">{m.text.clone()}</span>
                    </li>
                }).collect_view()}
            </ol>
        })}
        {(idea.status == IdeaStatus::Info).then(|| view! {
            <form method="post" action=manage_path() data-testid="idea-answer">
                {hidden("answer")}
                <div class="field">
                    <label for="idea-answer-text">{i18n.t("idea-answer-label")}</label>
                    <PrefilledTextarea id="idea-answer-text" name="f[text]" rows=5 maxlength=Length::LongText.chars()
                        value=String::new() invalid=false described_by=String::new() required=true />
                </div>
                <button type="submit">{i18n.t("idea-answer-submit")}</button>
            </form>
        })}
        <OwnData token=token.clone() data_url=super::data_url(&token) file="idea.json"
            manage=manage_path() name="idea" delete_help="idea-delete-help"
            delete_submit="idea-delete-submit" />
    }
}
