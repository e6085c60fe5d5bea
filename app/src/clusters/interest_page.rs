//! The staff page of a cluster's interest: say one's municipality is interested (with a
//! contact and a note), see one's own declarations, and for the organiser the whole list
//! with the buttons that confirm members. Plain forms: no JavaScript needed.

use super::interest::{InterestPage, InterestState};
use super::{load_cluster_interest, SaveClusterInterest};
use crate::auth::{ActionFields, Flash, StaffFrame};
use crate::components::Loaded;
use crate::i18n::use_i18n;
use crate::kernel::validate::Length;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

fn save_path() -> &'static str {
    <SaveClusterInterest as ServerFn>::PATH
}

#[component]
pub fn ClusterInterestPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <StaffFrame title=i18n.t("staff-interest-title") render=move |ctx| {
            let page = Resource::new({ let id = id.clone(); move || id.clone() }, load_cluster_interest);
            let (csrf, flash) = (ctx.csrf.clone(), ctx.flash.clone());
            view! {
                <Loaded resource=page record=true view=move |page| view! {
                    <Interest page csrf=csrf.clone() flash=flash.clone() />
                } />
            }
        } />
    }
}

#[component]
fn Interest(page: InterestPage, csrf: String, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let cluster = page.cluster.clone();
    let id = cluster.id.clone();
    let flash = flash.unwrap_or_default();
    let typed = |field: &str| flash.value(field).unwrap_or_default().to_owned();
    let invalid = |field: &str| flash.invalid.iter().any(|f| f == field);
    let hidden = {
        let (id, csrf) = (id.clone(), csrf.clone());
        move |action: &'static str| {
            view! { <ActionFields csrf=csrf.clone() records=vec![("cluster", id.clone())] action /> }
        }
    };
    let error = move |field: &str, message: &'static str| {
        invalid(field).then(
            || view! { <p class="field-error" id=format!("{field}-error")>{i18n.t(message)}</p> },
        )
    };
    let declare = if cluster.price_eur.is_none() {
        view! { <p data-testid="interest-not-open">{i18n.t("staff-interest-not-open")}</p> }
            .into_any()
    } else if page.declarable.is_empty() {
        view! { <p data-testid="interest-nothing">{i18n.t("staff-interest-nothing")}</p> }
            .into_any()
    } else {
        let chosen = typed("municipality");
        view! {
            <form method="post" action=save_path() class="stack" data-testid="interest-form" novalidate="">
                {hidden("declare")}
                <div class="field">
                    <label for="interest-municipality">{i18n.t("staff-interest-municipality")}</label>
                    <select id="interest-municipality" name="f[municipality]" aria-invalid=invalid("municipality").then_some("true")>
                        {page.declarable.iter().map(|(code, name)| view! {
                            <option value=code.clone() selected=*code == chosen>{name.get(lang).to_owned()}</option>
                        }).collect_view()}
                    </select>
                    {error("municipality", "staff-interest-error-municipality")}
                </div>
                <div class="field">
                    <label for="interest-contact-name">{i18n.t("staff-interest-contact-name")}</label>
                    <input id="interest-contact-name" name="f[contact_name]" type="text" autocomplete="name"
                        maxlength=Length::RecordName.chars().to_string() value=typed("contact_name")
                        aria-invalid=invalid("contact_name").then_some("true")
                        aria-describedby=invalid("contact_name").then_some("contact_name-error") />
                    {error("contact_name", "staff-interest-error-contact_name")}
                </div>
                <div class="field">
                    <label for="interest-contact-email">{i18n.t("staff-interest-contact-email")}</label>
                    <input id="interest-contact-email" name="f[contact_email]" type="email" autocomplete="email"
                        value=typed("contact_email")
                        aria-invalid=invalid("contact_email").then_some("true")
                        aria-describedby=invalid("contact_email").then_some("contact_email-error") />
                    {error("contact_email", "staff-error-field-email")}
                </div>
                <div class="field">
                    <label for="interest-note">{i18n.t("staff-interest-note")}</label>
                    <crate::components::PrefilledTextarea id="interest-note".to_owned() name="f[note]".to_owned() rows=4
                        value=typed("note") invalid=invalid("note") described_by=if invalid("note") { "note-error".to_owned() } else { String::new() } />
                    <p class="help">{i18n.t_args("staff-interest-note-help", [("max", Length::Text.chars().into())])}</p>
                    {error("note", "staff-interest-error-note")}
                </div>
                <button type="submit" data-testid="interest-declare">{i18n.t("staff-interest-declare")}</button>
            </form>
        }
        .into_any()
    };
    let rows = page
        .entries
        .iter()
        .map(|e| {
            let code = e.municipality.code.clone();
            let state = match e.state {
                InterestState::Interested => i18n.t("cluster-interest-state-interested"),
                InterestState::Confirmed => i18n.t("cluster-interest-state-confirmed"),
            };
            let open = e.state == InterestState::Interested;
            let buttons = open.then(|| {
                let (hidden, code) = (hidden.clone(), code.clone());
                view! {
                    {page.may_confirm.then(|| {
                        let (hidden, code) = (hidden.clone(), code.clone());
                        view! {
                            <form method="post" action=save_path() class="inline-form">
                                {hidden("confirm")}
                                <input type="hidden" name="f[municipality]" value=code />
                                <button type="submit" data-testid="interest-confirm">{i18n.t("staff-interest-confirm")}</button>
                            </form>
                        }
                    })}
                    <form method="post" action=save_path() class="inline-form">
                        {hidden("withdraw")}
                        <input type="hidden" name="f[municipality]" value=code />
                        <button type="submit" class="button--secondary" data-testid="interest-withdraw">{i18n.t("staff-interest-withdraw")}</button>
                    </form>
                }
            });
            view! {
                <tr data-testid="interest-entry" data-code=code.clone()>
                    <th scope="row"><a href=Page::Municipality(code.clone()).path(lang)>{e.municipality.name.get(lang).to_owned()}</a></th>
                    <td>{e.contact_name.clone()} <br /> <a href=format!("mailto:{}", e.contact_email)>{e.contact_email.clone()}</a></td>
                    <td>{e.note.clone().unwrap_or_default()}</td>
                    <td data-testid="interest-state">{state}</td>
                    <td>{crate::kernel::format::long_date(&e.declared_on)}</td>
                    <td>{buttons}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="breadcrumb"><a href=Page::Cluster(id.clone()).path(lang)>{cluster.name.get(lang).to_owned()}</a></p>
        <h1>{i18n.t("staff-interest-title")} ": " {cluster.name.get(lang).to_owned()}</h1>
        <p class="lead">{i18n.t("staff-interest-intro")}</p>
        <h2>{i18n.t("staff-interest-declare-heading")}</h2>
        {declare}
        <h2>{if page.may_confirm { i18n.t("staff-interest-list") } else { i18n.t("staff-interest-own") }}</h2>
        {if page.entries.is_empty() {
            view! { <p data-testid="interest-empty">{i18n.t("staff-interest-empty")}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table data-testid="interest-table">
                        <thead><tr>
                            <th scope="col">{i18n.t("staff-interest-municipality")}</th>
                            <th scope="col">{i18n.t("staff-interest-contact")}</th>
                            <th scope="col">{i18n.t("staff-interest-note")}</th>
                            <th scope="col">{i18n.t("staff-status-label")}</th>
                            <th scope="col">{i18n.t("staff-interest-declared-on")}</th>
                            <th scope="col">{i18n.t("staff-interest-actions")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
