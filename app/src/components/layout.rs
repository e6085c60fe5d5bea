use crate::i18n::{use_i18n, I18n, Lang};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

/// The frame of one language's pages; provides the language to everything below it.
#[component]
pub fn Layout(lang: Lang) -> impl IntoView {
    provide_context(I18n { lang });
    view! {
        <Chrome>
            <Outlet />
        </Chrome>
    }
}

#[component]
pub fn Chrome(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <Html attr:lang=lang.code() attr:dir="ltr" />
        <a class="skip-link" href="#main">
            {i18n.t("skip-to-content")}
        </a>
        <header class="site-header">
            <a class="site-name" href=Page::Home.path(lang)>
                <span class="site-name__title">{i18n.t("site-name")}</span>
                <span class="site-name__tagline">{i18n.t("site-tagline")}</span>
            </a>
            <nav aria-label=i18n.t("nav-main-label")>
                <ul class="site-nav">
                    {Page::navigation().map(|(page, label)| view! {
                        <li><a href=page.path(lang)>{i18n.t(label)}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            <LangSwitch />
        </header>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p>{i18n.t("footer-data")} " " <a href=Page::About.path(lang)>{i18n.t("footer-sources")}</a></p>
            <p>{i18n.t("footer-languages")}</p>
            <nav aria-label=i18n.t("footer-legal-label")>
                <ul class="footer-links">
                    <li><a href=Page::Privacy.path(lang)>{i18n.t("footer-privacy")}</a></li>
                    <li><a href=Page::Accessibility.path(lang)>{i18n.t("footer-accessibility")}</a></li>
                    <li><a href=Page::Legal.path(lang)>{i18n.t("footer-legal")}</a></li>
                </ul>
            </nav>
            <p><a href=Page::StaffHome.path(lang) rel="nofollow">{i18n.t("staff-footer-link")}</a></p>
        </footer>
    }
}

/// The same page, with the same query, in the other language.
pub fn other_language_href(pathname: &str, search: &str, lang: Lang) -> String {
    let target = lang.other();
    let path = Page::from_path(pathname)
        .map(|(page, _)| page.path(target))
        .unwrap_or_else(|| Page::Home.path(target));
    if search.is_empty() || search == "?" {
        path
    } else if search.starts_with('?') {
        format!("{path}{search}")
    } else {
        format!("{path}?{search}")
    }
}

#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = i18n.lang.other();
    let location = use_location();
    let href =
        move || other_language_href(&location.pathname.get(), &location.search.get(), i18n.lang);
    view! {
        <a id="lang-switch" class="lang-switch" data-testid="lang-switch" data-live-attrs="href" href=href hreflang=other.code() lang=other.code()>
            {i18n.t("lang-switch")}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_keeps_page_and_query() {
        assert_eq!(
            other_language_href("/nl/gemeenten", "?q=ypres", Lang::Nl),
            "/fr/communes?q=ypres"
        );
        assert_eq!(
            other_language_href("/fr/communes/59350", "", Lang::Fr),
            "/nl/gemeenten/59350"
        );
        assert_eq!(other_language_href("/nl/onbekend", "", Lang::Nl), "/fr");
    }
}
