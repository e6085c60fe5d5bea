//! Whom a partner calls: a municipality's town hall and the offices its staff entered,
//! each with its source (or "entered by the municipality") and its last-verified day.
//! Without any, the section says so and invites the municipality's staff to add them.

use super::MunicipalityContact;
use crate::i18n::use_i18n;
use crate::kernel::format::long_date;
use crate::kernel::kinds::{CoopKind, CONTACT_OFFICE_MESSAGES};
use crate::routes::Page;
use leptos::prelude::*;

/// The anchor of the contacts section on a profile (the partner finder and the compare
/// page link to it).
pub const CONTACTS_ANCHOR: &str = "contacts";

/// A profile's contacts section.
#[component]
pub fn Contacts(code: String, contacts: Vec<MunicipalityContact>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let add = format!(
        "{}{}",
        Page::StaffCoopNew(CoopKind::Contact).path(lang),
        crate::kernel::query::query_string([("municipality", code.as_str())])
    );
    let body = if contacts.is_empty() {
        view! {
            <p data-testid="contacts-none">{i18n.t("contacts-none")}</p>
            <p><a href=add data-testid="contacts-add">{i18n.t("contacts-add")}</a></p>
        }
        .into_any()
    } else {
        view! { <ul class="contacts">{contacts.into_iter().map(|c| view! { <Contact contact=c /> }).collect_view()}</ul> }
            .into_any()
    };
    view! {
        <section id=CONTACTS_ANCHOR data-testid="contacts" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{i18n.t("contacts-title")}</h2>
            {body}
        </section>
    }
}

#[component]
fn Contact(contact: MunicipalityContact) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let (name_lang, name) = contact
        .name
        .get(lang)
        .map(|(l, n)| (l, n.to_owned()))
        .unwrap_or_else(|| (lang, i18n.t_of(&CONTACT_OFFICE_MESSAGES, &contact.office)));
    let name_lang = (name_lang != lang).then(|| name_lang.code());
    let title = match &contact.service_id {
        Some(id) => {
            view! { <a href=Page::Service(id.clone()).path(lang) lang=name_lang>{name}</a> }
                .into_any()
        }
        None => view! { <span lang=name_lang>{name}</span> }.into_any(),
    };
    let hours = contact
        .hours
        .as_ref()
        .and_then(|h| h.get(lang))
        .map(|(l, h)| (l, h.to_owned()));
    let source = match &contact.source {
        Some(source) => i18n.t_args("contacts-source", [("source", source.clone().into())]),
        None => i18n.t("contacts-entered"),
    };
    view! {
        <li class="contact" data-testid="contact" data-office=contact.office.clone()>
            <h3>{title}</h3>
            <p class="tag">{i18n.t_of(&CONTACT_OFFICE_MESSAGES, &contact.office)}</p>
            <dl>
                {contact.address.clone().map(|a| view! { <dt>{i18n.t("service-address")}</dt><dd>{a}</dd> })}
                {(!contact.phones.is_empty()).then(|| view! {
                    <dt>{i18n.t("service-phone")}</dt>
                    <dd>{contact.phones.iter().map(|p| {
                        let tel: String = p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
                        view! { <a href=format!("tel:{tel}")>{p.clone()}</a> " " }
                    }).collect_view()}</dd>
                })}
                {contact.email.clone().map(|e| view! {
                    <dt>{i18n.t("service-email")}</dt><dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd>
                })}
                {contact.website.clone().map(|w| view! {
                    <dt>{i18n.t("service-website")}</dt><dd><a href=w.clone() rel="noopener">{w.clone()}</a></dd>
                })}
                {hours.map(|(l, h)| view! { <dt>{i18n.t("contacts-hours")}</dt><dd lang=(l != lang).then(|| l.code())>{h}</dd> })}
                {contact.service_id.is_some().then(|| view! {
                    <dt>{i18n.t("contacts-hours")}</dt><dd>{i18n.t("contacts-hours-service")}</dd>
                })}
            </dl>
            <p class="help" data-testid="contact-source">
                {source}
                {contact.verified_on.as_deref().map(|d| view! { " · " {i18n.t_args("contacts-verified", [("date", long_date(d).into())])} })}
            </p>
        </li>
    }
}
