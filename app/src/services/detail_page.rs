use super::{
    display_name, language_message_id, load_service, OpenState, OpeningHours, ServiceDetail,
};
use crate::components::{Loaded, PageMeta};
use crate::i18n::{use_i18n, Lang, MaybeLocalized};
use crate::routes::Page;
use leptos::prelude::*;

/// Everything about one service. Works without JavaScript; the map is an addition.
#[component]
pub fn ServicePage(id: String) -> impl IntoView {
    let service = Resource::new(move || id.clone(), load_service);
    view! { <Loaded resource=service record=true view=|detail| view! { <Detail detail /> } /> }
}

/// A text in the page language, or the other language's text marked with its `lang`.
#[component]
fn Text(text: MaybeLocalized, #[prop(optional)] tag_p: bool) -> impl IntoView {
    let lang = use_i18n().lang;
    text.get(lang).map(|(l, t)| {
        let marked = (l != lang).then(|| l.code());
        let t = t.to_owned();
        if tag_p {
            view! { <p lang=marked>{t}</p> }.into_any()
        } else {
            view! { <span lang=marked>{t}</span> }.into_any()
        }
    })
}

fn short_date(lang: Lang, iso: &str) -> String {
    let date = iso.get(..10).unwrap_or(iso);
    let parts: Vec<&str> = date.split('-').collect();
    match (parts.as_slice(), lang) {
        ([y, m, d], Lang::Nl) => format!("{d}-{m}-{y}"),
        ([y, m, d], Lang::Fr) => format!("{d}/{m}/{y}"),
        _ => date.to_owned(),
    }
}

#[component]
fn Detail(detail: ServiceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let (name_lang, name) = display_name(&detail.record.core.name, lang);
    let category = detail.record.category_label.get(lang).to_owned();
    let municipality = detail.record.municipality_name.get(lang).to_owned();
    let country = i18n.t(detail.record.core.country.message_id());
    let description = format!(
        "{category} · {municipality} ({country}){}",
        detail
            .record
            .core
            .address
            .as_ref()
            .map(|a| format!(" · {a}"))
            .unwrap_or_default()
    );
    let languages = detail
        .record
        .core
        .languages
        .iter()
        .map(|l| i18n.t(&language_message_id(l)))
        .collect::<Vec<_>>()
        .join(", ");
    let access = detail.record.access.clone().map(|a| {
        let who = match a.who.as_str() {
            "both" => i18n.t("access-both"),
            "BE" => i18n.t("access-be"),
            _ => i18n.t("access-fr"),
        };
        view! {
            <div>
                <dt>{i18n.t("service-access")}</dt>
                <dd data-testid="access">
                    <strong>{who}</strong>
                    {a.note.map(|n| view! { <p>{n.get(lang).to_owned()}</p> })}
                </dd>
            </div>
        }
    });
    let location = detail.record.core.lat.zip(detail.record.core.lon);
    let points = location
        .map(|(lat, lon)| {
            serde_json::json!([{ "id": detail.record.core.id, "name": name, "lat": lat, "lon": lon }])
                .to_string()
        })
        .unwrap_or_else(|| "[]".into());
    let map = location.map(|(lat, lon)| {
        let directions = format!(
            "https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}"
        );
        let osm = format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}");
        view! {
            <section class="service-map" aria-labelledby="location-heading">
                <h2 id="location-heading">{i18n.t("service-location")}</h2>
                <div
                    class="map map--detail"
                    data-services-map=""
                    data-lang=lang.code()
                    data-points=points.clone()
                    data-layers-url=crate::map::LAYERS_URL
                    data-label-zoom-in=i18n.t("map-zoom-in")
                    data-label-zoom-out=i18n.t("map-zoom-out")
                    data-label-close=i18n.t("map-close-popup")
                    role="region"
                    aria-label=i18n.t("service-map-label")
                >
                    <p class="map-fallback">{i18n.t("services-map-fallback")}</p>
                </div>
                <p class="links">
                    <a href=directions data-testid="directions" rel="external">{i18n.t("service-directions")}</a>
                    " · "
                    <a href=osm rel="external">{i18n.t("service-view-osm")}</a>
                </p>
            </section>
        }
    });
    let hours = detail
        .hours
        .clone()
        .map(|hours| view! { <HoursTable hours /> });
    let report_href = format!(
        "{}?service={}",
        Page::Report.path(lang),
        detail.record.core.id
    );
    let verified = match &detail.record.assured_date {
        Some(date) => i18n.t_args(
            "service-verified-on",
            [("date", short_date(lang, date).into())],
        ),
        None => i18n.t("service-not-verified"),
    };
    view! {
        <PageMeta title=name.clone() description=description />
        <nav class="breadcrumb" aria-label=i18n.t("breadcrumb-label")>
            <a href=Page::Services.path(lang)>{i18n.t("services-title")}</a>
        </nav>
        <article class="service" data-testid="service-detail" data-service-id=detail.record.core.id.clone()>
            <h1 lang=(name_lang != lang).then(|| name_lang.code())>{name.clone()}</h1>
            {(name_lang != lang).then(|| view! { <p class="help">{i18n.t("service-no-translation")}</p> })}
            {detail.record.core.is_sample.then(|| view! { <p class="badge badge--sample">{i18n.t("sample-data")}</p> })}
            <p class="service__kind">{category.clone()} " · " {municipality.clone()} " (" {country} ")"</p>
            <Text text=detail.record.description.clone() tag_p=true />
            <div class="service__columns">
                <dl class="facts">
                    {detail.record.provider.clone().map(|p| view! {
                        <div><dt>{i18n.t("service-provider")}</dt><dd>{p.get(lang).to_owned()}</dd></div>
                    })}
                    {detail.record.core.address.clone().map(|a| view! {
                        <div><dt>{i18n.t("service-address")}</dt><dd data-testid="address">{a}</dd></div>
                    })}
                    <div>
                        <dt>{i18n.t("service-municipality")}</dt>
                        <dd><a href=Page::Municipality(detail.record.core.municipality_code.clone()).path(lang)>{municipality}</a></dd>
                    </div>
                    {(!detail.record.core.phones.is_empty()).then(|| {
                        let numbers = detail.record.core.phones.clone().into_iter().map(|phone| {
                            let tel = format!("tel:{}", phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>());
                            view! { <dd><a href=tel data-testid="phone">{phone}</a></dd> }
                        }).collect_view();
                        view! { <div><dt>{i18n.t("service-phone")}</dt>{numbers}</div> }
                    })}
                    {detail.record.core.email.clone().map(|email| view! {
                        <div><dt>{i18n.t("service-email")}</dt><dd><a href=format!("mailto:{email}")>{email.clone()}</a></dd></div>
                    })}
                    {detail.record.core.website.clone().map(|url| {
                        // Only web addresses become links: a `javascript:` URL in the data must not run.
                        let link = is_web_url(&url).then(|| url.clone());
                        view! {
                            <div><dt>{i18n.t("service-website")}</dt><dd>
                                {match link {
                                    Some(href) => view! { <a href=href rel="external">{url}</a> }.into_any(),
                                    None => url.into_any(),
                                }}
                            </dd></div>
                        }
                    })}
                    {(!languages.is_empty()).then(|| view! {
                        <div><dt>{i18n.t("service-languages")}</dt><dd data-testid="languages">{languages}</dd></div>
                    })}
                    {access}
                    {detail.record.accessibility.get(lang).is_some().then(|| view! {
                        <div><dt>{i18n.t("service-accessibility")}</dt><dd><Text text=detail.record.accessibility.clone() /></dd></div>
                    })}
                    {detail.record.eligibility.get(lang).is_some().then(|| view! {
                        <div><dt>{i18n.t("service-eligibility")}</dt><dd><Text text=detail.record.eligibility.clone() /></dd></div>
                    })}
                </dl>
                {hours}
            </div>
            {map}
            <footer class="provenance">
                <p data-testid="verified">{verified}</p>
                <p>{i18n.t("service-source")} " " {detail.record.source.clone()} " (" {detail.record.licence.clone()} ")"</p>
                {detail.record.hours_source.clone().map(|s| view! { <p>{i18n.t("service-hours-source")} " " {s}</p> })}
                <p class="no-print"><a href=report_href data-testid="report-link">{i18n.t("service-report")}</a></p>
            </footer>
        </article>
    }
    .into_any()
}

fn state_line(i18n: crate::i18n::I18n, now: &OpenState) -> String {
    let when = |id_today: &str, id_later: &str| match &now.change {
        Some((_, time)) if now.change_today => {
            i18n.t_args(id_today, [("time", time.clone().into())])
        }
        Some((_, time)) => i18n.t_args(
            id_later,
            [
                ("time", time.clone().into()),
                (
                    "day",
                    i18n.t(&super::weekday_message_id(now.change_weekday.unwrap_or(0)))
                        .into(),
                ),
            ],
        ),
        None => String::new(),
    };
    if now.open {
        format!(
            "{} {}",
            i18n.t("hours-open-now"),
            when("hours-closes-at", "hours-closes-on")
        )
        .trim()
        .to_owned()
    } else {
        format!(
            "{} {}",
            i18n.t("hours-closed-now"),
            when("hours-opens-at", "hours-opens-on")
        )
        .trim()
        .to_owned()
    }
}

#[component]
fn HoursTable(hours: OpeningHours) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let line = state_line(i18n, &hours.now);
    let rows = hours
        .week
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let periods = if day.periods.is_empty() {
                i18n.t("hours-closed")
            } else {
                day.periods
                    .iter()
                    .map(|(open, close)| format!("{open}–{close}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            view! {
                <tr aria-current=(index == 0).then_some("date") data-date=day.date.clone()>
                    <th scope="row">
                        {i18n.t(&super::weekday_message_id(day.weekday))} " " {short_date(lang, &day.date)}
                    </th>
                    <td>
                        {periods}
                        {day.public_holiday.then(|| view! { " " <span class="badge">{i18n.t("hours-public-holiday")}</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="hours" aria-labelledby="hours-heading">
            <h2 id="hours-heading">{i18n.t("service-hours")}</h2>
            <p class=if hours.now.open { "hours__now hours__now--open" } else { "hours__now" } data-testid="open-state">{line}</p>
            <table>
                <caption class="visually-hidden">{i18n.t("hours-caption")}</caption>
                <tbody>{rows}</tbody>
            </table>
            <p class="help">{i18n.t("hours-timezone")}</p>
        </section>
    }
    .into_any()
}

/// An absolute http(s) address, the only kind of data-provided URL the page links to.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > "https://".len()
}

#[cfg(test)]
mod tests {
    use super::is_web_url;

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_url("https://www.halluin.fr/"));
        assert!(is_web_url("HTTP://example.be"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>",
            "//evil.example",
            "https://",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
