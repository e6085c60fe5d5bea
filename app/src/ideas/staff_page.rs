//! The admins' pages of calls: the list with a form for a new call, and a call's page
//! (its fields, published or not) with its ideas and the decisions on each.

use super::{
    load_staff_call, load_staff_calls, Call, Idea, SaveCall, StaffCall, CALL_FIELD_MESSAGES,
    STATUS_MESSAGES, SUBMITTER_MESSAGES,
};
use crate::auth::{ActionFields, Flash, StaffFrame};
use crate::components::{Loaded, PrefilledTextarea};
use crate::i18n::use_i18n;
use crate::kernel::link::text_in;
use crate::kernel::validate::Length;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

fn save_path() -> &'static str {
    <SaveCall as ServerFn>::PATH
}

#[component]
pub fn StaffCallsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <StaffFrame title=i18n.t("staff-calls-title") render=move |ctx| {
            let calls = Resource::new(|| (), |_| load_staff_calls());
            let (csrf, flash) = (ctx.csrf.clone(), ctx.flash.clone());
            view! {
                <h1>{i18n.t("staff-calls-title")}</h1>
                <Loaded resource=calls view=move |calls| view! {
                    <ul>
                        {calls.into_iter().map(|c| view! {
                            <li data-testid="staff-call">
                                <a href=Page::StaffCall(c.id.clone()).path(lang)>{text_in(&c.title, lang)}</a>
                                " · " {i18n.t(if c.published { "staff-call-published" } else { "staff-call-draft" })}
                            </li>
                        }).collect_view()}
                    </ul>
                } />
                <h2>{i18n.t("staff-call-new")}</h2>
                <CallForm call=None csrf=csrf.clone() flash=flash.clone() />
            }
        } />
    }
}

#[component]
pub fn StaffCallPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <StaffFrame title=i18n.t("staff-calls-title") render=move |ctx| {
            let call = Resource::new({ let id = id.clone(); move || id.clone() }, load_staff_call);
            let (csrf, flash) = (ctx.csrf.clone(), ctx.flash.clone());
            view! {
                <Loaded resource=call record=true view=move |call| view! {
                    <CallAdmin call csrf=csrf.clone() flash=flash.clone() />
                } />
            }
        } />
    }
}

#[component]
fn CallAdmin(call: StaffCall, csrf: String, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <p class="breadcrumb"><a href=Page::StaffCalls.path(lang)>{i18n.t("staff-calls-title")}</a></p>
        <h1>{text_in(&call.call.title, lang)}</h1>
        {call.call.published.then(|| view! {
            <p><a href=Page::Call(call.call.id.clone()).path(lang)>{i18n.t("staff-call-public")}</a></p>
        })}
        <CallForm call=Some(call.call.clone()) csrf=csrf.clone() flash=flash />
        <h2>{i18n.t("staff-call-ideas")}</h2>
        {call.ideas.is_empty().then(|| view! { <p>{i18n.t("staff-call-no-ideas")}</p> })}
        <ul class="report-queue">
            {call.ideas.into_iter().map(|idea| view! { <IdeaCard idea call=call.call.id.clone() csrf=csrf.clone() /> }).collect_view()}
        </ul>
    }
}

#[component]
fn CallForm(call: Option<Call>, csrf: String, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let flash = flash.unwrap_or_default();
    let stored = |key: &str| -> String {
        let Some(c) = &call else { return String::new() };
        match key {
            "title_nl" => c.title.nl.clone(),
            "title_fr" => c.title.fr.clone(),
            "text_nl" => c.text.nl.clone(),
            "text_fr" => c.text.fr.clone(),
            "criteria_nl" => c.criteria.nl.clone(),
            "criteria_fr" => c.criteria.fr.clone(),
            "theme" => c.theme.clone(),
            "opens_on" => c.opens_on.clone(),
            "closes_on" => c.closes_on.clone(),
            "project" => c.project.as_ref().map(|p| p.id.clone()).unwrap_or_default(),
            _ => String::new(),
        }
    };
    let value = |key: &str| {
        flash
            .value(key)
            .map(str::to_owned)
            .unwrap_or_else(|| stored(key))
    };
    let invalid = |key: &str| flash.invalid.iter().any(|f| f == key);
    let line = |key: &'static str, kind: &'static str| {
        view! {
            <div class="field">
                <label for=format!("call-{key}")>{i18n.t_of(&CALL_FIELD_MESSAGES, key)}</label>
                <input id=format!("call-{key}") name=format!("f[{key}]") type=kind value=value(key)
                    aria-invalid=invalid(key).then_some("true") />
                {invalid(key).then(|| view! { <p class="field-error">{i18n.t("staff-call-field-error")}</p> })}
            </div>
        }
    };
    let area = |key: &'static str| {
        view! {
            <div class="field">
                <label for=format!("call-{key}")>{i18n.t_of(&CALL_FIELD_MESSAGES, key)}</label>
                <PrefilledTextarea id=format!("call-{key}") name=format!("f[{key}]") rows=5 maxlength=Length::LongText.chars()
                    value=value(key) invalid=invalid(key) described_by=String::new() />
                {invalid(key).then(|| view! { <p class="field-error">{i18n.t("staff-call-field-error")}</p> })}
            </div>
        }
    };
    let id = call.as_ref().map(|c| c.id.clone()).unwrap_or_default();
    let published = call.as_ref().is_some_and(|c| c.published);
    view! {
        <form method="post" action=save_path() class="staff-form" data-testid="call-form">
            <input type="hidden" name="f[lang]" value=lang.code() />
            <input type="hidden" name="f[csrf]" value=csrf />
            <input type="hidden" name="f[call]" value=id />
            <input type="hidden" name="f[action]" value="save" />
            {line("title_nl", "text")}
            {line("title_fr", "text")}
            {area("text_nl")}
            {area("text_fr")}
            {area("criteria_nl")}
            {area("criteria_fr")}
            {line("theme", "text")}
            {line("opens_on", "date")}
            {line("closes_on", "date")}
            {line("project", "text")}
            <label class="check">
                <input type="checkbox" name="f[published]" value="1" checked=published />
                {i18n.t("staff-call-publish")}
            </label>
            <button type="submit" data-testid="call-save">{i18n.t("staff-registrations-save")}</button>
        </form>
    }
}

#[component]
fn IdeaCard(idea: Idea, call: String, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let id = idea.id.clone();
    let hidden = {
        let (id, csrf, call) = (id.clone(), csrf.clone(), call.clone());
        move |action: &'static str| {
            view! { <ActionFields csrf=csrf.clone() records=vec![("call", call.clone()), ("idea", id.clone())] action /> }
        }
    };
    let open = idea.status.open();
    let names: Vec<String> = idea
        .municipalities
        .iter()
        .map(|m| text_in(&m.name, lang))
        .collect();
    let names = names.join(", ");
    view! {
        <li class="report-card" data-testid="staff-idea">
            <h3 lang=idea.lang.clone()>{idea.title.clone()}</h3>
            <p>
                <span class=format!("status status--{}", idea.status.code()) data-testid="staff-idea-status">{i18n.t_of(&STATUS_MESSAGES, idea.status.code())}</span>
                " · " {i18n.t_of(&SUBMITTER_MESSAGES, &idea.submitter)} " · " {idea.name.clone()} " · " {idea.email.clone()}
            </p>
            <p class="prewrap" lang=idea.lang.clone()>{idea.summary.clone()}</p>
            <p>{names}</p>
            {idea.messages.iter().map(|m| view! {
                <p class="help"><strong>{m.from.clone()}</strong> ": " <span class="prewrap">{m.text.clone()}</span></p>
            }).collect_view()}
            {idea.project.clone().map(|p| view! {
                <p><a href=Page::StaffCoop(crate::kernel::kinds::CoopKind::Project, p).path(lang) data-testid="idea-project">{i18n.t("staff-idea-project")}</a></p>
            })}
            {open.then(|| view! {
                <div class="report-actions">
                    <form method="post" action=save_path()>
                        {hidden("review")}
                        <button type="submit" data-testid="idea-review">{i18n.t("staff-idea-review")}</button>
                    </form>
                    <form method="post" action=save_path()>
                        {hidden("accept")}
                        <button type="submit" data-testid="idea-accept">{i18n.t("staff-idea-accept")}</button>
                    </form>
                    <form method="post" action=save_path()>
                        {hidden("info")}
                        <label for=format!("info-{id}")>{i18n.t("staff-idea-info-label")}</label>
                        <PrefilledTextarea id=format!("info-{id}") name="f[text]" rows=2 maxlength=Length::LongText.chars()
                            value=String::new() invalid=false described_by=String::new() required=true />
                        <button type="submit" data-testid="idea-info">{i18n.t("staff-idea-info")}</button>
                    </form>
                    <form method="post" action=save_path()>
                        {hidden("decline")}
                        <label for=format!("decline-{id}")>{i18n.t("staff-idea-reason-label")}</label>
                        <PrefilledTextarea id=format!("decline-{id}") name="f[text]" rows=2 maxlength=Length::LongText.chars()
                            value=String::new() invalid=false described_by=String::new() required=true />
                        <button type="submit" data-testid="idea-decline">{i18n.t("staff-idea-decline")}</button>
                    </form>
                </div>
            })}
        </li>
    }
}
