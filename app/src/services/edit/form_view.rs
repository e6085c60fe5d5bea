//! The service form: every field, the bilingual ones side by side with a flag for a
//! machine-translated value, the errors of the last post next to their fields, and the
//! workflow buttons the service's status allows. A plain form: it works without
//! JavaScript; the map picker only adds to the coordinate fields.

use super::{
    EditPage, SaveService, StaffService, ACCESS_CHOICES, ACCESS_MESSAGES, FIELD_ERRORS,
    FIELD_LABELS, LANGUAGES,
};
use crate::auth::StaffContext;
use crate::i18n::{use_i18n, Lang, LANGUAGE_MESSAGES};
use crate::staff::hours_editor::{from_osm, HoursEditor, WeeklyHours};
use crate::staff::location_picker::{LocationPicker, LOCATION_ERRORS};
use crate::workflow::Action;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::collections::{BTreeMap, HashMap};

fn save_path() -> &'static str {
    <SaveService as ServerFn>::PATH
}

/// The form's values for a stored service.
pub fn values_of(service: &StaffService) -> BTreeMap<String, String> {
    let mut v = BTreeMap::new();
    let mut put = |k: &str, value: Option<&str>| {
        if let Some(value) = value {
            v.insert(k.to_owned(), value.to_owned());
        }
    };
    for (field, pair) in [
        ("name", &service.name),
        ("description", &service.description),
        ("accessibility", &service.accessibility),
    ] {
        put(&format!("{field}_nl"), pair.nl.as_deref());
        put(&format!("{field}_fr"), pair.fr.as_deref());
    }
    for flag in &service.machine_translated {
        put(&format!("{}_mt", flag.replace('.', "_")), Some("on"));
    }
    put("category", Some(&service.category));
    put("municipality", Some(&service.municipality_code));
    put("address", service.address.as_deref());
    let lat = service.lat.map(|v| format!("{v:.5}"));
    let lon = service.lon.map(|v| format!("{v:.5}"));
    put("lat", lat.as_deref());
    put("lon", lon.as_deref());
    let phones = service.phones.join("\n");
    put("phone", (!phones.is_empty()).then_some(phones.as_str()));
    put("email", service.email.as_deref());
    put("website", service.website.as_deref());
    for l in &service.languages {
        put(&format!("speaks_{l}"), Some("on"));
    }
    put("opening_hours", service.opening_hours.as_deref());
    if let Some(access) = &service.access {
        put("access_who", Some(&access.who));
        put(
            "access_note_nl",
            access.note.as_ref().map(|n| n.nl.as_str()),
        );
        put(
            "access_note_fr",
            access.note.as_ref().map(|n| n.fr.as_str()),
        );
    }
    v
}

/// Where a wrong field's entry in the error summary links to, and its message.
fn summary_entry(field: &str) -> (String, String) {
    match field {
        "lat" | "lon" => (format!("#location-{field}"), LOCATION_ERRORS.id(field)),
        f if f.starts_with("hours-exception-date") => {
            (format!("#{f}"), "staff-hours-error-date".into())
        }
        f if f.starts_with("hours-exception-hours") => {
            (format!("#{f}"), "staff-hours-error-exception-hours".into())
        }
        f if f.starts_with("hours-") => (format!("#{f}"), "staff-hours-error-day".into()),
        f => (format!("#svc-{f}"), FIELD_ERRORS.id(f)),
    }
}

#[component]
pub fn ServiceForm(page: EditPage, ctx: StaffContext) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let service = page.service.clone();
    let flash = ctx.flash.clone().unwrap_or_default();
    let values = if flash.values.is_empty() {
        service.as_ref().map(values_of).unwrap_or_default()
    } else {
        flash.values.clone()
    };
    let invalid = flash.invalid.clone();
    let v = {
        let values = values.clone();
        move |k: &str| values.get(k).cloned().unwrap_or_default()
    };
    let is_invalid = {
        let invalid = invalid.clone();
        move |k: &str| invalid.iter().any(|f| f == k)
    };
    let error =
        {
            let is_invalid = is_invalid.clone();
            move |k: &'static str| {
                is_invalid(k).then(|| view! {
            <p class="field-error" id=format!("{k}-error")>{i18n.t_of(&FIELD_ERRORS, k)}</p>
        })
            }
        };
    let aria = {
        let is_invalid = is_invalid.clone();
        move |k: &str| (is_invalid(k)).then(|| format!("{k}-error"))
    };
    let input = {
        let (v, is_invalid, error, aria) =
            (v.clone(), is_invalid.clone(), error.clone(), aria.clone());
        move |k: &'static str, kind: &'static str, max: usize, auto: &'static str| {
            view! {
            <div class="field">
                <label for=format!("svc-{k}")>{i18n.t_of(&FIELD_LABELS, k)}</label>
                <input id=format!("svc-{k}") name=format!("f[{k}]") type=kind value=v(k) maxlength=max.to_string()
                    autocomplete=auto aria-invalid=is_invalid(k).then_some("true") aria-describedby=aria(k) />
                {error(k)}
            </div>
        }.into_any()
        }
    };
    let bilingual = {
        let (v, is_invalid, error, aria) =
            (v.clone(), is_invalid.clone(), error.clone(), aria.clone());
        move |field: &'static str, rows: Option<u32>| {
            let column = |lang_of: Lang, k: &'static str| {
                let id = format!("svc-{k}");
                let mt = format!("{k}_mt");
                view! {
                    <div class="field" lang=lang_of.code()>
                        <label for=id.clone()>{i18n.t_of(&FIELD_LABELS, field)} " (" {i18n.t_of(&LANGUAGE_MESSAGES, lang_of.code())} ")"</label>
                        {match rows {
                            None => view! { <input id=id.clone() name=format!("f[{k}]") type="text" value=v(k) maxlength="200"
                                aria-invalid=is_invalid(k).then_some("true") aria-describedby=aria(k) /> }.into_any(),
                            Some(rows) => view! { <crate::components::PrefilledTextarea id=id.clone() name=format!("f[{k}]") rows=rows maxlength=2000usize
                                value=v(k) invalid=Signal::derive({ let b = is_invalid(k); move || b })
                                described_by=Signal::derive({ let a = aria(k).unwrap_or_default(); move || a.clone() }) /> }.into_any(),
                        }}
                        <label class="check check--small">
                            <input type="checkbox" name=format!("f[{mt}]") checked=!v(&mt).is_empty() />
                            {i18n.t("staff-machine-translated")}
                        </label>
                        {error(k)}
                    </div>
                }
            };
            let (nl, fr) = match field {
                "name" => ("name_nl", "name_fr"),
                "description" => ("description_nl", "description_fr"),
                _ => ("accessibility_nl", "accessibility_fr"),
            };
            view! {
                <fieldset class="bilingual">
                    <legend>{i18n.t_of(&FIELD_LABELS, field)}</legend>
                    <div class="bilingual__columns">{column(Lang::Nl, nl).into_any()} {column(Lang::Fr, fr).into_any()}</div>
                </fieldset>
            }.into_any()
        }
    };
    let category = v("category");
    let municipality = v("municipality");
    let who = v("access_who");
    let centre = page
        .options
        .municipalities
        .iter()
        .find(|m| m.code == municipality)
        .map(|m| (m.lat, m.lon));
    let coordinate = |k: &str| v(k).replace(',', ".").parse::<f64>().ok();
    // The weekly editor shows the hours when it can; otherwise the expression itself.
    let weekly = if flash.values.is_empty() {
        match service.as_ref().and_then(|s| s.opening_hours.as_deref()) {
            None => Some(WeeklyHours::default()),
            Some(stored) => from_osm(stored),
        }
    } else if v("hours_mode") == "raw" {
        None
    } else {
        let fields: HashMap<String, String> = values.clone().into_iter().collect();
        Some(WeeklyHours::from_form(&fields))
    };
    view! {
        {(!invalid.is_empty()).then(|| view! {
            <div class="notice notice--error" role="alert" data-testid="form-errors">
                <p>{i18n.t("staff-error-invalid")}</p>
                <ul>{invalid.iter().map(|f| { let (anchor, message) = summary_entry(f); view! { <li><a href=anchor>{i18n.t(&message)}</a></li> } }).collect_view()}</ul>
            </div>
        })}
        <form method="post" action=save_path() class="staff-form" novalidate="" data-testid="service-form">
            <input type="hidden" name="f[lang]" value=lang.code() />
            <input type="hidden" name="f[csrf]" value=ctx.csrf.clone() />
            <input type="hidden" name="f[id]" value=service.as_ref().map(|s| s.id.clone()).unwrap_or_default() />
            <input type="hidden" name="f[revision]" value=service.as_ref().map(|s| s.revision.to_string()).unwrap_or_default() />
            {bilingual("name", None)}
            {bilingual("description", Some(4))}
            {view! {
            <div class="field">
                <label for="svc-category">{i18n.t("staff-category-label")}</label>
                <select id="svc-category" name="f[category]" aria-invalid=is_invalid("category").then_some("true") aria-describedby=aria("category")>
                    {page.options.categories.iter().map(|(code, label)| view! {
                        <option value=code.clone() selected=*code == category>{label.get(lang).to_owned()}</option>
                    }).collect_view()}
                </select>
                {error("category")}
            </div>
            <div class="field">
                <label for="svc-municipality">{i18n.t("staff-municipality-label")}</label>
                <select id="svc-municipality" name="f[municipality]" aria-invalid=is_invalid("municipality").then_some("true") aria-describedby=aria("municipality")>
                    {page.options.municipalities.iter().map(|m| view! {
                        <option value=m.code.clone() selected=m.code == municipality data-lat=m.lat.to_string() data-lon=m.lon.to_string()>
                            {format!("{} ({})", m.name.get(lang), m.country)}
                        </option>
                    }).collect_view()}
                </select>
                {error("municipality")}
            </div>
            }.into_any()}
            {input("address", "text", 300, "off")}
            {view! {
            <LocationPicker lat=coordinate("lat") lon=coordinate("lon")
                municipality_lat=centre.map(|c| c.0) municipality_lon=centre.map(|c| c.1)
                invalid=invalid.iter().filter(|f| *f == "lat" || *f == "lon").cloned().collect() />
            }.into_any()}
            {
                let (v, is_invalid, error) = (v.clone(), is_invalid.clone(), error.clone());
                let described = match aria("phone") {
                    Some(e) => format!("phone-help {e}"),
                    None => "phone-help".to_owned(),
                };
                view! {
                <div class="field">
                    <label for="svc-phone">{i18n.t("staff-field-phone")}</label>
                    <p class="help" id="phone-help">{i18n.t("staff-help-phone")}</p>
                    <crate::components::PrefilledTextarea id="svc-phone" name="f[phone]" rows=2 maxlength=250usize autocomplete="off"
                        value=v("phone") invalid=is_invalid("phone") described_by=described />
                    {error("phone")}
                </div>
            }.into_any()}
            {input("email", "email", 254, "off")}
            {input("website", "url", 500, "off")}
            {view! {
            <fieldset class="field">
                <legend>{i18n.t("staff-field-languages")}</legend>
                {LANGUAGES.into_iter().map(|l| {
                    let key = format!("speaks_{l}");
                    view! {
                        <label class="check"><input type="checkbox" name=format!("f[{key}]") checked=!v(&key).is_empty() />
                        {i18n.t_of(&LANGUAGE_MESSAGES, l)}</label>
                    }
                }).collect_view()}
            </fieldset>
            {match weekly {
                Some(hours) => view! {
                    <input type="hidden" name="f[hours_mode]" value="weekly" />
                    <HoursEditor hours invalid=invalid.iter().filter(|f| f.starts_with("hours-")).cloned().collect() />
                    {error("opening_hours")}
                }.into_any(),
                None => view! {
                    <div class="field">
                        <input type="hidden" name="f[hours_mode]" value="raw" />
                        <label for="svc-opening_hours">{i18n.t("staff-field-opening_hours")}</label>
                        <input id="svc-opening_hours" name="f[opening_hours]" type="text" value=v("opening_hours") maxlength="1000"
                            aria-invalid=is_invalid("opening_hours").then_some("true") aria-describedby="opening_hours-help" />
                        <p class="help" id="opening_hours-help">{i18n.t("staff-hours-raw-help")}</p>
                        {error("opening_hours")}
                    </div>
                }.into_any(),
            }}
            }.into_any()}
            {view! {
            <fieldset class="field">
                <legend>{i18n.t("staff-field-access")}</legend>
                <label for="svc-access_who">{i18n.t("staff-field-access_who")}</label>
                <select id="svc-access_who" name="f[access_who]">
                    {ACCESS_CHOICES.into_iter().map(|w| view! {
                        <option value=w selected=who == w>{i18n.t_of(&ACCESS_MESSAGES, if w.is_empty() { "unknown" } else { w })}</option>
                    }).collect_view()}
                </select>
                {error("access_who")}
                <div class="bilingual__columns">
                    <div class="field" lang="nl">
                        <label for="svc-access_note_nl">{i18n.t("staff-field-access_note")} " (" {i18n.t("language-nl")} ")"</label>
                        <input id="svc-access_note_nl" name="f[access_note_nl]" type="text" value=v("access_note_nl") maxlength="2000" />
                    </div>
                    <div class="field" lang="fr">
                        <label for="svc-access_note_fr">{i18n.t("staff-field-access_note")} " (" {i18n.t("language-fr")} ")"</label>
                        <input id="svc-access_note_fr" name="f[access_note_fr]" type="text" value=v("access_note_fr") maxlength="2000" />
                    </div>
                </div>
                {error("access_note")}
            </fieldset>
            }.into_any()}
            {bilingual("accessibility", Some(2))}
            {view! {
            {if page.actions.is_empty() {
                view! { <p class="notice" data-testid="no-actions">{i18n.t("staff-archived-admins-only")}</p> }.into_any()
            } else {
                view! {
                <div class="staff-actions">
                    {page.actions.iter().map(|action| {
                        let code = action.code();
                        let class = (*action == Action::Archive).then_some("button--secondary");
                        view! {
                            <button type="submit" name="f[action]" value=code class=class data-testid=format!("action-{code}")>{i18n.t(&action.message_id())}</button>
                        }
                    }).collect_view()}
                </div>
                }.into_any()
            }}
            }.into_any()}
        </form>
    }
}
