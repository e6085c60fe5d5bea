//! Personal data (issue 23): the privacy page (what is kept, why, how long, who sees
//! it), the accessibility statement and the legal notice, linked from every page's
//! footer; and, on the server, the retention task (`retention`) that removes what the
//! privacy page says is removed.

#[cfg(feature = "ssr")]
pub mod retention;

use crate::components::PageMeta;
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;

/// One kind of personal data the site keeps: the message ids of what, why, how long and
/// who sees it.
struct Kept {
    what: &'static str,
    why: &'static str,
    how_long: &'static str,
    who: &'static str,
}

const KEPT: &[Kept] = &[
    Kept {
        what: "privacy-report-what",
        why: "privacy-report-why",
        how_long: "privacy-report-how-long",
        who: "privacy-report-who",
    },
    Kept {
        what: "privacy-registration-what",
        why: "privacy-registration-why",
        how_long: "privacy-registration-how-long",
        who: "privacy-registration-who",
    },
    Kept {
        what: "privacy-idea-what",
        why: "privacy-idea-why",
        how_long: "privacy-idea-how-long",
        who: "privacy-idea-who",
    },
    Kept {
        what: "privacy-contact-what",
        why: "privacy-contact-why",
        how_long: "privacy-contact-how-long",
        who: "privacy-contact-who",
    },
    Kept {
        what: "privacy-interest-what",
        why: "privacy-interest-why",
        how_long: "privacy-interest-how-long",
        who: "privacy-interest-who",
    },
    Kept {
        what: "privacy-mail-what",
        why: "privacy-mail-why",
        how_long: "privacy-mail-how-long",
        who: "privacy-mail-who",
    },
    Kept {
        what: "privacy-staff-what",
        why: "privacy-staff-why",
        how_long: "privacy-staff-how-long",
        who: "privacy-staff-who",
    },
    Kept {
        what: "privacy-limits-what",
        why: "privacy-limits-why",
        how_long: "privacy-limits-how-long",
        who: "privacy-limits-who",
    },
    Kept {
        what: "privacy-cookies-what",
        why: "privacy-cookies-why",
        how_long: "privacy-cookies-how-long",
        who: "privacy-cookies-who",
    },
];

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let settings = crate::kernel::settings::settings();
    let days = settings.retention_days;
    let text = move |id: &str| i18n.t_args(id, [("days", days.into())]);
    view! {
        <PageMeta title=i18n.t("privacy-title") description=i18n.t("privacy-description") />
        <h1>{i18n.t("privacy-title")}</h1>
        <p class="lead">{i18n.t("privacy-intro")}</p>
        <div class="table-scroll">
            <table data-testid="privacy-table">
                <caption>{i18n.t("privacy-table-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("privacy-col-what")}</th>
                        <th scope="col">{i18n.t("privacy-col-why")}</th>
                        <th scope="col">{i18n.t("privacy-col-how-long")}</th>
                        <th scope="col">{i18n.t("privacy-col-who")}</th>
                    </tr>
                </thead>
                <tbody>
                    {KEPT.iter().map(|k| view! {
                        <tr>
                            <th scope="row">{text(k.what)}</th>
                            <td>{text(k.why)}</td>
                            <td>{text(k.how_long)}</td>
                            <td>{text(k.who)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>{i18n.t("privacy-rights-title")}</h2>
        <p>{i18n.t("privacy-rights")}</p>
        <p>{i18n.t("privacy-no-tracking")}</p>
        <p>
            {if settings.mail { i18n.t("privacy-mail-on") } else { i18n.t("privacy-mail-off") }}
        </p>
        <p>
            {i18n.t("privacy-contact")} " "
            <a href=Page::Legal.path(lang)>{i18n.t("footer-legal")}</a>
        </p>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <PageMeta title=i18n.t("accessibility-title") description=i18n.t("accessibility-description") />
        <h1>{i18n.t("accessibility-title")}</h1>
        <p class="lead">{i18n.t("accessibility-intro")}</p>
        <h2>{i18n.t("accessibility-status-title")}</h2>
        <p data-testid="accessibility-status">{i18n.t("accessibility-status")}</p>
        <h2>{i18n.t("accessibility-method-title")}</h2>
        <p>{i18n.t("accessibility-method")}</p>
        <h2>{i18n.t("accessibility-limits-title")}</h2>
        <ul>
            <li>{i18n.t("accessibility-limit-map")}</li>
            <li>{i18n.t("accessibility-limit-translations")}</li>
            <li>{i18n.t("accessibility-limit-audit")}</li>
        </ul>
        <h2>{i18n.t("accessibility-feedback-title")}</h2>
        <p>
            {i18n.t("accessibility-feedback")} " "
            <a href=Page::Report.path(lang)>{i18n.t("nav-report")}</a>
        </p>
        <p>{i18n.t("accessibility-enforcement")}</p>
        <p class="help">{i18n.t("accessibility-date")}</p>
    }
}

#[component]
pub fn LegalPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let settings = crate::kernel::settings::settings();
    view! {
        <PageMeta title=i18n.t("legal-title") description=i18n.t("legal-description") />
        <h1>{i18n.t("legal-title")}</h1>
        <h2>{i18n.t("legal-publisher-title")}</h2>
        {match settings.publisher.clone() {
            Some(publisher) => view! { <p data-testid="legal-publisher" class="prewrap">{publisher}</p> }.into_any(),
            None => view! { <p data-testid="legal-publisher">{i18n.t("legal-publisher-unset")}</p> }.into_any(),
        }}
        <h2>{i18n.t("legal-content-title")}</h2>
        <p>{i18n.t("legal-content")} " " <a href=Page::About.path(lang)>{i18n.t("footer-sources")}</a></p>
        <h2>{i18n.t("legal-licence-title")}</h2>
        <p>{i18n.t("legal-licence")}</p>
        <h2>{i18n.t("legal-liability-title")}</h2>
        <p>{i18n.t("legal-liability")}</p>
        <p><a href=Page::Privacy.path(lang)>{i18n.t("footer-privacy")}</a></p>
    }
}
