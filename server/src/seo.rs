//! What search engines read: `/robots.txt` and `/sitemap.xml` (every page in both
//! languages, each municipality and published service, with its hreflang alternates).

use crate::state::{AppState, PublicUrl};
use app::i18n::Lang;
use app::municipalities::directory;
use app::routes::Page;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::fmt::Write;

pub async fn robots(State(base): State<PublicUrl>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: {}/sitemap.xml\n",
        base.0
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

pub async fn sitemap(State(state): State<AppState>) -> Result<Response, crate::api::ApiError> {
    let directory = directory::current(&state.db).await?;
    let (_, services) = app::services::snapshot::current(&state.db).await?;
    let mut pages: Vec<Page> = Page::sitemap().collect();
    let today = app::kernel::clock::today();
    let projects = app::projects::repo::all(&state.db, &today).await?;
    pages.extend(projects.into_iter().map(|p| Page::Project(p.id)));
    let clusters = app::clusters::repo::all(&state.db).await?;
    pages.extend(clusters.into_iter().map(|c| Page::Cluster(c.id)));
    let practices = app::practices::repo::current(&state.db).await?;
    pages.extend(practices.list.iter().map(|p| Page::Practice(p.id.clone())));
    let events = app::events::repo::all(&state.db, app::kernel::clock::now()).await?;
    pages.extend(events.into_iter().map(|e| Page::Event(e.id)));
    let calls = app::ideas::repo::calls(&state.db, false).await?;
    pages.extend(calls.into_iter().map(|c| Page::Call(c.id)));
    pages.extend(directory.codes().map(|c| Page::Municipality(c.to_owned())));
    pages.extend(
        services
            .rows
            .iter()
            .map(|s| Page::Service(s.core.id.clone())),
    );
    let body = urlset(&state.public_url.0, &pages);
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        body,
    )
        .into_response())
}

/// One `<url>` per page and language, each listing both languages as alternates.
pub fn urlset(base: &str, pages: &[Page]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let escape = |s: String| html_escape::encode_text(&s).into_owned();
    for page in pages {
        let nl = escape(format!("{base}{}", page.path(Lang::Nl)));
        let fr = escape(format!("{base}{}", page.path(Lang::Fr)));
        for loc in [&nl, &fr] {
            let _ = writeln!(
                xml,
                "<url><loc>{loc}</loc>\
                 <xhtml:link rel=\"alternate\" hreflang=\"nl\" href=\"{nl}\"/>\
                 <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"{fr}\"/></url>"
            );
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_appears_in_both_languages_with_alternates() {
        let xml = urlset(
            "https://example.org",
            &[Page::Home, Page::Municipality("59350".into())],
        );
        assert_eq!(xml.matches("<url>").count(), 4);
        assert!(xml.contains("<loc>https://example.org/fr/communes/59350</loc>"));
        assert!(xml.contains("hreflang=\"nl\" href=\"https://example.org/nl/gemeenten/59350\""));
    }
}
