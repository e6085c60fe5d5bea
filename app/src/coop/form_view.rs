//! The form of a project, event or cluster: its fields in order, the bilingual ones side
//! by side (nl | fr) with a flag for a machine-translated value, the errors of the last
//! post next to their fields and in a summary, and the workflow buttons. A plain form:
//! it works without JavaScript.

use super::fields::FIELD_MESSAGES;
use super::{fields, CoopEdit, CoopKind, Field, Input, SaveCoop};
use crate::auth::{Role, StaffContext};
use crate::i18n::LANGUAGE_MESSAGES;
use crate::i18n::{use_i18n, Lang};
use crate::kernel::kinds::{self, PARTNER_ROLES};
use crate::workflow::Publication;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::collections::BTreeMap;

fn save_path() -> &'static str {
    <SaveCoop as ServerFn>::PATH
}

/// The field a posted key belongs to ("name_nl" → "name").
fn field_of(key: &str) -> &str {
    key.strip_suffix("_nl")
        .or_else(|| key.strip_suffix("_fr"))
        .unwrap_or(key)
}

/// The message id of a wrong field.
pub fn error_id(kind: CoopKind, key: &str) -> String {
    let field = field_of(key);
    let input = fields(kind).find(|f| f.key == field).map(|f| f.input);
    match input {
        _ if key == "action" => "staff-error-field-action".into(),
        Some(Input::Line | Input::Area) if kind.required().contains(&field) => {
            "staff-coop-error-required".into()
        }
        Some(Input::Line | Input::Area) => "staff-coop-error-pair".into(),
        Some(Input::Lines) if field == "agenda" => "staff-coop-error-agenda".into(),
        Some(Input::Lines) => "staff-coop-error-lines".into(),
        Some(Input::Text) if field.starts_with("place_") => "staff-coop-error-place".into(),
        Some(Input::Text) => "staff-coop-error-text".into(),
        Some(Input::Url) => "staff-error-field-website".into(),
        Some(Input::Euro) => "staff-coop-error-euro".into(),
        Some(Input::Date) if field == "period_end" => "staff-coop-error-period_end".into(),
        Some(Input::Date) => "staff-coop-error-date".into(),
        Some(Input::DateTime) => super::fields::MOMENT_ERRORS.id(field),
        Some(
            Input::Choice(_)
            | Input::Project
            | Input::Event
            | Input::Organization
            | Input::Partners,
        ) => "staff-coop-error-choice".into(),
        Some(Input::Email) => "staff-error-field-email".into(),
        Some(Input::Phone) => "staff-error-field-phone".into(),
        Some(Input::Codes) if field == "place_municipality" => {
            "staff-coop-error-place_municipality".into()
        }
        Some(Input::Municipality) => "staff-coop-error-one_municipality".into(),
        Some(Input::Codes) => "staff-coop-error-codes".into(),
        None => "staff-error-invalid".into(),
    }
}

/// The label of a form key, with its language for a bilingual one.
fn label(key: &str) -> String {
    let i18n = use_i18n();
    let field = field_of(key);
    let base = i18n.t_of(&FIELD_MESSAGES, field);
    match key.strip_prefix(field).and_then(|s| s.strip_prefix('_')) {
        Some(lang) => format!("{base} ({})", i18n.t_of(&LANGUAGE_MESSAGES, lang)),
        None => base,
    }
}

/// The label of a choice's value.
fn choice_label(kind: CoopKind, key: &str, value: &str) -> String {
    let i18n = use_i18n();
    let set = match (kind, key) {
        (CoopKind::Project, "status") => &kinds::PROJECT_STATUS_MESSAGES,
        (CoopKind::Project, _) => &kinds::PROJECT_KIND_MESSAGES,
        (CoopKind::Event, _) => &kinds::EVENT_KIND_MESSAGES,
        (CoopKind::Cluster, _) => &kinds::CLUSTER_KIND_MESSAGES,
        (CoopKind::Practice, _) => &kinds::PRACTICE_KIND_MESSAGES,
        (CoopKind::Contact, _) => &kinds::CONTACT_OFFICE_MESSAGES,
    };
    i18n.t_of(set, value)
}

/// What a field needs to draw itself.
#[derive(Clone)]
struct State {
    kind: CoopKind,
    values: BTreeMap<String, String>,
    invalid: Vec<String>,
    municipalities: Vec<(String, crate::i18n::Localized)>,
    projects: Vec<(String, crate::i18n::Localized)>,
    events: Vec<(String, crate::i18n::Localized)>,
    organizations: Vec<(String, crate::i18n::Localized)>,
}

impl State {
    fn v(&self, k: &str) -> String {
        self.values.get(k).cloned().unwrap_or_default()
    }
    fn bad(&self, k: &str) -> bool {
        self.invalid.iter().any(|i| i == k)
    }
}

/// One column of a bilingual field, or a plain field: label, control, help, error.
fn control(state: &State, field: Field, key: String, lang_of: Option<Lang>) -> AnyView {
    let i18n = use_i18n();
    let id = format!("coop-{key}");
    let name = format!("f[{key}]");
    let value = state.v(&key);
    let bad = state.bad(&key);
    let described = bad.then(|| format!("{key}-error"));
    let help = matches!(
        field.input,
        Input::Lines | Input::Codes | Input::Municipality | Input::DateTime
    )
    .then(|| i18n.t_of(&super::fields::HELP_MESSAGES, field.key));
    let input = match field.input {
        Input::Area | Input::Lines => view! {
            <crate::components::PrefilledTextarea id=id.clone() name=name rows=if field.input == Input::Area { 6 } else { 4 }
                value=value.clone() invalid=bad described_by=described.clone().unwrap_or_default() />
        }.into_any(),
        Input::Choice(list) => view! {
            <select id=id.clone() name=name aria-invalid=bad.then_some("true") aria-describedby=described.clone()>
                {list.iter().map(|c| view! {
                    <option value=*c selected=value == *c>{choice_label(state.kind, field.key, c)}</option>
                }).collect_view()}
            </select>
        }.into_any(),
        Input::Project | Input::Event | Input::Organization | Input::Municipality => {
            let (none, list) = match field.input {
                Input::Project => ("staff-coop-no-project", &state.projects),
                Input::Event => ("staff-coop-no-event", &state.events),
                Input::Municipality => ("staff-coop-no-municipality", &state.municipalities),
                _ => ("staff-coop-no-organization", &state.organizations),
            };
            view! {
                <select id=id.clone() name=name aria-invalid=bad.then_some("true") aria-describedby=described.clone()>
                    <option value="">{i18n.t(none)}</option>
                    {list.iter().map(|(oid, oname)| view! {
                        <option value=oid.clone() selected=value == *oid>{oname.get(i18n.lang).to_owned()}</option>
                    }).collect_view()}
                </select>
            }.into_any()
        }
        other => {
            let kind = match other {
                Input::Url => "url",
                Input::Date => "date",
                Input::DateTime => "datetime-local",
                Input::Email => "email",
                Input::Phone => "tel",
                _ => "text",
            };
            let mode = (other == Input::Euro).then_some("decimal");
            view! {
                <input id=id.clone() name=name type=kind value=value inputmode=mode
                    aria-invalid=bad.then_some("true") aria-describedby=described.clone() />
            }.into_any()
        }
    };
    let mt = format!("{key}_mt");
    let flag = lang_of.map(|_| {
        view! {
            <label class="check check--small">
                <input type="checkbox" name=format!("f[{mt}]") checked=!state.v(&mt).is_empty() />
                {i18n.t("staff-machine-translated")}
            </label>
        }
    });
    let error = bad.then(|| view! {
        <p class="field-error" id=format!("{key}-error")>{i18n.t(&error_id(state.kind, &key))}</p>
    });
    view! {
        <div class="field" lang=lang_of.map(|l| l.code())>
            <label for=id>{label(&key)}</label>
            {input}
            {help.map(|h| view! { <p class="help">{h}</p> })}
            {flag}
            {error}
        </div>
    }
    .into_any()
}

/// A role (or none) per organization: a select each, labelled by the organization.
fn partners_view(state: &State, field: Field) -> AnyView {
    let i18n = use_i18n();
    let key = field.key;
    // After a refused post the posted selects; otherwise the stored "id | role" lines.
    let stored = state.v(key);
    let role_of = |id: &str| {
        state
            .values
            .get(&format!("partner_{id}"))
            .cloned()
            .unwrap_or_else(|| {
                stored
                    .lines()
                    .find_map(|l| l.strip_prefix(&format!("{id} | ")).map(str::to_owned))
                    .unwrap_or_default()
            })
    };
    let bad = state.bad(key);
    let rows = state
        .organizations
        .iter()
        .map(|(oid, oname)| {
            let role = role_of(oid);
            let id = format!("coop-partner_{oid}");
            view! {
                <div class="field field--inline">
                    <label for=id.clone()>{oname.get(i18n.lang).to_owned()}</label>
                    <select id=id name=format!("f[partner_{oid}]")>
                        <option value="">{i18n.t("staff-coop-partner-none")}</option>
                        {PARTNER_ROLES.iter().map(|r| view! {
                            <option value=*r selected=role == *r>{i18n.t_of(&crate::kernel::kinds::PARTNER_ROLE_MESSAGES, r)}</option>
                        }).collect_view()}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" id=format!("coop-{key}") aria-invalid=bad.then_some("true")
            aria-describedby=bad.then(|| format!("{key}-error"))>
            <legend>{label(key)}</legend>
            {rows}
            {bad.then(|| view! {
                <p class="field-error" id=format!("{key}-error")>{i18n.t(&error_id(state.kind, key))}</p>
            })}
        </fieldset>
    }
    .into_any()
}

fn field_view(state: &State, field: Field) -> AnyView {
    if field.input == Input::Partners {
        return partners_view(state, field);
    }
    if !field.input.bilingual() {
        return control(state, field, field.key.to_owned(), None);
    }
    let i18n = use_i18n();
    let columns = Lang::ALL
        .into_iter()
        .map(|l| control(state, field, format!("{}_{}", field.key, l.code()), Some(l)))
        .collect_view();
    view! {
        <fieldset class="bilingual">
            <legend>{i18n.t_of(&FIELD_MESSAGES, field.key)}</legend>
            <div class="bilingual__columns">{columns}</div>
        </fieldset>
    }
    .into_any()
}

/// The workflow's buttons: what the table allows this account on this kind of record
/// from the record's publication (`coop::allowed_actions`).
fn buttons(kind: CoopKind, role: Role, publication: Option<Publication>) -> AnyView {
    let i18n = use_i18n();
    let actions = super::allowed_actions(kind, role, publication);
    if actions.is_empty() {
        return view! { <p class="help" data-testid="no-actions">{i18n.t("staff-coop-no-actions")}</p> }
            .into_any();
    }
    view! {
        <div class="staff-actions">
            {actions.into_iter().map(|action| {
                let code = action.code();
                view! {
                    <button type="submit" name="f[action]" value=code data-testid=format!("action-{code}")>
                        {i18n.t(&action.message_id())}
                    </button>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
pub fn CoopForm(
    page: CoopEdit,
    ctx: StaffContext,
    /// A new record's first values (from the link that led here).
    #[prop(optional)]
    initial: BTreeMap<String, String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = page.kind;
    let record = page.record.clone();
    let flash = ctx.flash.clone().unwrap_or_default();
    let values = if flash.values.is_empty() {
        record.as_ref().map(|r| r.values.clone()).unwrap_or(initial)
    } else {
        flash.values.clone()
    };
    let state = State {
        kind,
        values,
        invalid: flash.invalid.clone(),
        municipalities: page.options.municipalities.clone(),
        projects: page.options.projects.clone(),
        events: page.options.events.clone(),
        organizations: page.options.organizations.clone(),
    };
    let publication = record.as_ref().map(|r| r.publication);
    let summary = (!state.invalid.is_empty()).then(|| {
        let items = state
            .invalid
            .iter()
            .map(|k| {
                let text = i18n.t_args(
                    "staff-coop-error-summary",
                    [
                        ("field", label(k).into()),
                        ("message", i18n.t(&error_id(kind, k)).into()),
                    ],
                );
                view! { <li><a href=format!("#coop-{k}")>{text}</a></li> }
            })
            .collect_view();
        view! {
            <div class="notice notice--error" role="alert" data-testid="form-errors">
                <p>{i18n.t("staff-error-invalid")}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    let body = fields(kind).map(|f| field_view(&state, f)).collect_view();
    view! {
        {summary}
        <form method="post" action=save_path() class="staff-form" novalidate="" data-testid="coop-form">
            <input type="hidden" name="f[lang]" value=i18n.lang.code() />
            <input type="hidden" name="f[table]" value=kind.table() />
            <input type="hidden" name="f[csrf]" value=ctx.csrf.clone() />
            <input type="hidden" name="f[id]" value=record.as_ref().map(|r| r.id.clone()).unwrap_or_default() />
            <input type="hidden" name="f[revision]" value=record.as_ref().map(|r| r.revision.to_string()).unwrap_or_default() />
            {body}
            {buttons(kind, ctx.staff.role, publication)}
        </form>
    }
}
