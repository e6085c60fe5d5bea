//! The staff page of a meeting's registrations: the settings (open, deadline on a
//! Brussels clock, capacity, questions, languages), the counts by role and country, the
//! list with attendance, and the CSV download. Admins, and editors of the municipality
//! where the meeting takes place.

use super::{
    load_staff_registrations, Question, SaveRegistrations, StaffRegistrations, Standing,
    QUESTION_MESSAGES, ROLE_MESSAGES, STANDING_MESSAGES,
};
use crate::auth::{ActionFields, Flash, StaffFrame};
use crate::components::Loaded;
use crate::i18n::{use_i18n, Lang};
use crate::kernel::link::text_in;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

fn save_path() -> &'static str {
    <SaveRegistrations as ServerFn>::PATH
}

#[component]
pub fn StaffRegistrationsPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <StaffFrame title=i18n.t("staff-registrations-title") render=move |ctx| {
            let list = Resource::new({ let id = id.clone(); move || id.clone() }, load_staff_registrations);
            let (csrf, flash) = (ctx.csrf.clone(), ctx.flash.clone());
            view! {
                <Loaded resource=list record=true view=move |list| view! {
                    <Registrations list csrf=csrf.clone() flash=flash.clone() />
                } />
            }
        } />
    }
}

#[component]
fn Registrations(list: StaffRegistrations, csrf: String, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let id = list.event.id.clone();
    let flash = flash.unwrap_or_default();
    let typed = |field: &str| flash.value(field).map(str::to_owned);
    let invalid = |field: &str| flash.invalid.iter().any(|f| f == field);
    let hidden = {
        let (id, csrf) = (id.clone(), csrf.clone());
        move |action: &'static str| {
            view! { <ActionFields csrf=csrf.clone() records=vec![("event", id.clone())] action /> }
        }
    };
    let signup = list.signup.clone();
    let deadline = typed("deadline").unwrap_or(list.deadline_input.clone());
    let capacity = typed("capacity")
        .unwrap_or_else(|| signup.capacity.map(|c| c.to_string()).unwrap_or_default());
    let count_rows = |counts: &[(String, u32)], label: &dyn Fn(&str) -> String| {
        counts
            .iter()
            .map(|(key, n)| view! { <tr><th scope="row">{label(key)}</th><td>{*n}</td></tr> })
            .collect_view()
    };
    let role_label = move |code: &str| {
        if code == "unknown" {
            i18n.t("staff-registrations-unknown")
        } else {
            i18n.t_of(&ROLE_MESSAGES, code)
        }
    };
    let country_label = move |code: &str| {
        if code == "unknown" {
            i18n.t("staff-registrations-unknown")
        } else {
            i18n.t_of(&crate::kernel::geo::COUNTRY_MESSAGES, &code.to_lowercase())
        }
    };
    let confirmed: Vec<_> = list
        .registrants
        .iter()
        .filter(|r| r.standing == Standing::Confirmed)
        .cloned()
        .collect();
    view! {
        <p class="breadcrumb"><a href=Page::Event(id.clone()).path(lang)>{text_in(&list.event.name, lang)}</a></p>
        <h1>{i18n.t("staff-registrations-title")} ": " {text_in(&list.event.name, lang)}</h1>
        <h2>{i18n.t("staff-registrations-settings")}</h2>
        <form method="post" action=save_path() class="stack" data-testid="registration-settings">
            {hidden("settings")}
            <label class="check">
                <input type="checkbox" name="f[open]" value="1" checked=signup.open />
                {i18n.t("staff-registrations-open")}
            </label>
            <div class="field">
                <label for="signup-deadline">{i18n.t("staff-registrations-deadline")}</label>
                <input id="signup-deadline" name="f[deadline]" type="datetime-local" value=deadline
                    aria-invalid=invalid("deadline").then_some("true") aria-describedby="signup-deadline-help" />
                <p id="signup-deadline-help" class="help">{i18n.t("staff-registrations-deadline-help")}</p>
                {invalid("deadline").then(|| view! { <p class="field-error">{i18n.t("staff-registrations-deadline-error")}</p> })}
            </div>
            <div class="field">
                <label for="signup-capacity">{i18n.t("staff-registrations-capacity")}</label>
                <input id="signup-capacity" name="f[capacity]" type="number" min="1" max=super::MAX_CAPACITY.to_string() inputmode="numeric" value=capacity
                    aria-invalid=invalid("capacity").then_some("true") aria-describedby="signup-capacity-help" />
                <p id="signup-capacity-help" class="help">{i18n.t("staff-registrations-capacity-help")}</p>
                {invalid("capacity").then(|| view! { <p class="field-error">{i18n.t("staff-registrations-capacity-error")}</p> })}
            </div>
            <fieldset class="field">
                <legend>{i18n.t("staff-registrations-questions")}</legend>
                {Question::ALL.into_iter().map(|q| view! {
                    <label class="check">
                        <input type="checkbox" name=format!("f[question_{}]", q.code()) value="1" checked=signup.asks(q) />
                        {i18n.t_of(&QUESTION_MESSAGES, q.code())}
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset class="field">
                <legend>{i18n.t("staff-registrations-languages")}</legend>
                {[Lang::Nl, Lang::Fr].into_iter().map(|l| view! {
                    <label class="check">
                        <input type="checkbox" name=format!("f[language_{}]", l.code()) value="1" checked=signup.languages.contains(&l) />
                        {i18n.t_of(&crate::i18n::LANGUAGE_MESSAGES, l.code())}
                    </label>
                }).collect_view()}
                {invalid("languages").then(|| view! { <p class="field-error">{i18n.t("staff-registrations-languages-error")}</p> })}
            </fieldset>
            <button type="submit" data-testid="registration-settings-save">{i18n.t("staff-registrations-save")}</button>
        </form>
        <h2>{i18n.t("staff-registrations-counts")}</h2>
        <p data-testid="registration-counts">
            {i18n.t_args("staff-registrations-totals", [("confirmed", list.confirmed.into()), ("waiting", list.waiting.into())])}
        </p>
        <div class="counts">
            <table data-testid="counts-by-role">
                <caption>{i18n.t("staff-registrations-by-role")}</caption>
                <tbody>{count_rows(&list.by_role, &role_label)}</tbody>
            </table>
            <table data-testid="counts-by-country">
                <caption>{i18n.t("staff-registrations-by-country")}</caption>
                <tbody>{count_rows(&list.by_country, &country_label)}</tbody>
            </table>
        </div>
        <p><a href=super::csv_url(&id) download="" data-testid="registrations-csv">{i18n.t("staff-registrations-csv")}</a></p>
        <h2>{i18n.t("staff-registrations-list")}</h2>
        {list.registrants.is_empty().then(|| view! { <p>{i18n.t("staff-registrations-empty")}</p> })}
        <div class="table-scroll">
            <table data-testid="registrations-table">
                <thead><tr>
                    <th scope="col">{i18n.t("registration-name-label")}</th>
                    <th scope="col">{i18n.t("registration-email-label")}</th>
                    <th scope="col">{i18n.t("registration-question-organisation")}</th>
                    <th scope="col">{i18n.t("registration-question-municipality")}</th>
                    <th scope="col">{i18n.t("registration-question-role")}</th>
                    <th scope="col">{i18n.t("registration-standing")}</th>
                </tr></thead>
                <tbody>
                    {list.registrants.iter().map(|r| view! {
                        <tr data-testid="registrant">
                            <td>{r.name.clone()}</td>
                            <td>{r.email.clone()}</td>
                            <td>{r.organisation.clone().unwrap_or_default()}</td>
                            <td>{r.municipality_name.clone().unwrap_or_default()}</td>
                            <td>{r.role.map(|role| i18n.t_of(&ROLE_MESSAGES, role.code())).unwrap_or_default()}</td>
                            <td>{i18n.t_of(&STANDING_MESSAGES, r.standing.code())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(!confirmed.is_empty()).then(|| view! {
            <h2>{i18n.t("staff-registrations-attendance")}</h2>
            <form method="post" action=save_path() data-testid="registration-attendance">
                {hidden("attendance")}
                <fieldset class="field">
                    <legend>{i18n.t("staff-registrations-attended")}</legend>
                    {confirmed.iter().map(|r| view! {
                        <label class="check">
                            <input type="checkbox" name=format!("f[attended_{}]", r.id) value="1" checked=r.attended == Some(true) />
                            {r.name.clone()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" data-testid="registration-attendance-save">{i18n.t("staff-registrations-save")}</button>
            </form>
        })}
    }
}
