use crate::i18n::{use_i18n, Lang};
use crate::kernel::settings::public_base_url;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

/// Title, description and the hreflang alternates of the current page.
#[component]
pub fn PageMeta(#[prop(into)] title: String, #[prop(into)] description: String) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let pathname = location.pathname.get_untracked();
    let page = Page::from_path(&pathname).map(|(page, _)| page);
    // Search engines want absolute URLs here; the query (search, filters) is left out:
    // the canonical page of a search is the list itself.
    let base = public_base_url();
    let alternates = page.map(|page| {
        let nl = format!("{base}{}", page.path(Lang::Nl));
        let fr = format!("{base}{}", page.path(Lang::Fr));
        let canonical = if i18n.lang == Lang::Nl {
            nl.clone()
        } else {
            fr.clone()
        };
        view! {
            <Link rel="canonical" href=canonical />
            <Link rel="alternate" hreflang="nl" href=nl.clone() />
            <Link rel="alternate" hreflang="fr" href=fr />
            <Link rel="alternate" hreflang="x-default" href=nl />
        }
    });
    let title = format!("{title} | {}", i18n.t("site-name"));
    // leptos_meta writes the server's <title> unescaped; the browser sets document.title.
    #[cfg(feature = "ssr")]
    let title = super::escaped_text(&title);
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        {alternates}
    }
}
