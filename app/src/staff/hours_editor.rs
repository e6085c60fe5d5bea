//! The opening-hours part of the service edit form (SPEC §2: weekly rules plus
//! exceptions). Services store an OpenStreetMap `opening_hours` expression; the form
//! shows its simple subset as one field per weekday, a "closed on public holidays" box
//! and dated exceptions. Pure Rust in both builds; the component is server-rendered and
//! works without JavaScript.

mod compose;
mod read;
#[cfg(test)]
mod tests;

pub use compose::to_osm;
pub use read::from_osm;

use crate::i18n::use_i18n;
use fluent_bundle::FluentValue;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Monday to Sunday, as used in form field names (`hours_mo`), invalid-field names
/// (`hours-mo`) and message ids (`staff-hours-day-mo`).
pub const DAY_KEYS: [&str; 7] = ["mo", "tu", "we", "th", "fr", "sa", "su"];
/// "Monday", …
pub const DAY_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("staff-hours-day-", || DAY_KEYS.to_vec());
/// Empty exception rows the form offers after the existing ones.
pub const EMPTY_EXCEPTION_ROWS: usize = 3;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyHours {
    /// Monday to Sunday: `09:00-12:00, 13:00-17:00`, or empty when closed.
    pub days: [String; 7],
    /// `PH off`: closed on the public holidays of the service's country.
    pub holidays_closed: bool,
    pub exceptions: Vec<HoursException>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursException {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Like a weekday's hours; empty means closed all day.
    pub hours: String,
}

impl WeeklyHours {
    /// The editor's fields from a posted form: `hours_mo`…`hours_su`,
    /// `hours_holidays_closed` (`on` when checked), and `hours_exception_date_N` /
    /// `hours_exception_hours_N` in the order of N, empty rows left out.
    pub fn from_form(fields: &HashMap<String, String>) -> WeeklyHours {
        let field = |name: &str| {
            fields
                .get(name)
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        let rows: BTreeSet<usize> = fields
            .keys()
            .filter_map(|key| {
                key.strip_prefix("hours_exception_date_")
                    .or_else(|| key.strip_prefix("hours_exception_hours_"))
            })
            .filter_map(|n| n.parse().ok())
            .collect();
        WeeklyHours {
            days: DAY_KEYS.map(|key| field(&format!("hours_{key}"))),
            holidays_closed: field("hours_holidays_closed") == "on",
            exceptions: rows
                .into_iter()
                .map(|n| HoursException {
                    date: field(&format!("hours_exception_date_{n}")),
                    hours: field(&format!("hours_exception_hours_{n}")),
                })
                .filter(|e| !e.date.is_empty() || !e.hours.is_empty())
                .collect(),
        }
    }
}

/// `id`'s description: the help, and the error when the field is invalid.
fn described_by(help: &str, id: &str, invalid: bool) -> String {
    if invalid {
        format!("{help} {id}-error")
    } else {
        help.to_owned()
    }
}

/// The editor as a `<fieldset>` of the service form. `invalid` holds the field names
/// `to_osm` returned; their inputs are marked and described by a translated error.
/// Input ids are the invalid-field names (`hours-mo`, `hours-exception-date-0`…).
#[component]
pub fn HoursEditor(hours: WeeklyHours, #[prop(optional)] invalid: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let is_invalid = |id: &str| invalid.iter().any(|f| f == id);
    let error = move |id: &str, message: &str, shown: bool| {
        shown.then(
            || view! { <p class="field-error" id=format!("{id}-error")>{i18n.t(message)}</p> },
        )
    };
    let days = DAY_KEYS
        .iter()
        .zip(hours.days)
        .map(|(key, value)| {
            let id = format!("hours-{key}");
            let bad = is_invalid(&id);
            view! {
                <div class="hours-editor__day">
                    <label for=id.clone()>{i18n.t_of(&DAY_MESSAGES, key)}</label>
                    <input type="text" id=id.clone() name=format!("f[hours_{key}]") value=value
                        autocomplete="off" spellcheck="false"
                        aria-invalid=bad.then_some("true")
                        aria-describedby=described_by("hours-help", &id, bad) />
                    {error(&id, "staff-hours-error-day", bad)}
                </div>
            }
        })
        .collect_view();
    let rows = hours.exceptions.len() + EMPTY_EXCEPTION_ROWS;
    let exceptions = (0..rows)
        .map(|n| {
            let exception = hours.exceptions.get(n).cloned().unwrap_or_default();
            let date_id = format!("hours-exception-date-{n}");
            let hours_id = format!("hours-exception-hours-{n}");
            let (bad_date, bad_hours) = (is_invalid(&date_id), is_invalid(&hours_id));
            view! {
                <fieldset class="hours-editor__exception">
                    <legend>{i18n.t_args("staff-hours-exception", [("n", FluentValue::from(n + 1))])}</legend>
                    <div class="hours-editor__date">
                        <label for=date_id.clone()>{i18n.t("staff-hours-exception-date")}</label>
                        <input type="date" id=date_id.clone() name=format!("f[hours_exception_date_{n}]")
                            value=exception.date min="2000-01-01" max="2099-12-31"
                            aria-invalid=bad_date.then_some("true")
                            aria-describedby=described_by("hours-exceptions-help", &date_id, bad_date) />
                        {error(&date_id, "staff-hours-error-date", bad_date)}
                    </div>
                    <div class="hours-editor__hours">
                        <label for=hours_id.clone()>{i18n.t("staff-hours-exception-hours")}</label>
                        <input type="text" id=hours_id.clone() name=format!("f[hours_exception_hours_{n}]")
                            value=exception.hours autocomplete="off" spellcheck="false"
                            aria-invalid=bad_hours.then_some("true")
                            aria-describedby=described_by("hours-exceptions-help", &hours_id, bad_hours) />
                        {error(&hours_id, "staff-hours-error-exception-hours", bad_hours)}
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field hours-editor">
            <legend>{i18n.t("staff-hours-legend")}</legend>
            <p id="hours-help" class="help">{i18n.t("staff-hours-help")}</p>
            <div class="hours-editor__days">{days}</div>
            <label class="check">
                <input type="checkbox" id="hours-holidays-closed" name="f[hours_holidays_closed]"
                    value="on" checked=hours.holidays_closed />
                {i18n.t("staff-hours-holidays-closed")}
            </label>
            <fieldset class="hours-editor__exceptions">
                <legend>{i18n.t("staff-hours-exceptions")}</legend>
                <p id="hours-exceptions-help" class="help">{i18n.t("staff-hours-exceptions-help")}</p>
                {exceptions}
            </fieldset>
        </fieldset>
    }
}
