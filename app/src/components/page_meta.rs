use crate::i18n::{use_i18n, Lang};
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
    let alternates = page.map(|page| {
        let nl = page.path(Lang::Nl);
        view! {
            <Link rel="alternate" hreflang="nl" href=nl.clone() />
            <Link rel="alternate" hreflang="fr" href=page.path(Lang::Fr) />
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
