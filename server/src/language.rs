//! `/` sends the visitor to `/nl` or `/fr`: the `lang` cookie first, then the
//! browser's Accept-Language, then Dutch.

use app::i18n::Lang;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

pub fn negotiate(headers: &HeaderMap) -> Lang {
    cookie_language(headers)
        .or_else(|| accept_language(headers))
        .unwrap_or(Lang::Nl)
}

fn cookie_language(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == "lang")
        .and_then(|(_, value)| Lang::from_code(value))
}

/// The first of nl / fr in the header, by quality (ties keep the header's order).
fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    let header = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut candidates: Vec<(f32, usize, Lang)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, part)| {
            let mut pieces = part.trim().split(';');
            let lang = Lang::from_code(pieces.next()?.trim())?;
            let quality = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            (quality > 0.0).then_some((quality, position, lang))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.first().map(|c| c.2)
}

pub async fn redirect_root(headers: HeaderMap) -> Response {
    let lang = negotiate(&headers);
    (
        StatusCode::FOUND,
        [
            (
                header::LOCATION,
                HeaderValue::from_static(if lang == Lang::Fr { "/fr" } else { "/nl" }),
            ),
            (
                header::VARY,
                HeaderValue::from_static("Accept-Language, Cookie"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn cookie_wins_over_accept_language() {
        let h = headers(&[
            (header::COOKIE, "a=1; lang=fr"),
            (header::ACCEPT_LANGUAGE, "nl-BE,nl;q=0.9"),
        ]);
        assert_eq!(negotiate(&h), Lang::Fr);
    }

    #[test]
    fn accept_language_is_ranked_by_quality() {
        assert_eq!(
            negotiate(&headers(&[(
                header::ACCEPT_LANGUAGE,
                "en;q=1, fr;q=0.5, nl;q=0.8"
            )])),
            Lang::Nl
        );
        assert_eq!(
            negotiate(&headers(&[(
                header::ACCEPT_LANGUAGE,
                "fr-BE,fr;q=0.9,en;q=0.8"
            )])),
            Lang::Fr
        );
        assert_eq!(
            negotiate(&headers(&[(header::ACCEPT_LANGUAGE, "de, en")])),
            Lang::Nl
        );
        assert_eq!(negotiate(&HeaderMap::new()), Lang::Nl);
    }
}
