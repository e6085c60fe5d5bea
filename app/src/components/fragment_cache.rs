//! Rendered HTML of the heavy parts of a page, reused while their inputs are unchanged.
//!
//! Profiled under load, the directory (258 table rows) and the services results spent
//! most of their time building and rendering views of data that only changes when it is
//! edited, and the same few pages are asked for most. A fragment is keyed by a 128-bit
//! hash of its name, the language and everything it is rendered from (serialised), so
//! new data, another query or another "open now" state renders anew, and nothing has
//! to be invalidated. The cache is bounded in bytes.

use leptos::prelude::*;
use serde::Serialize;

/// `cached_fragment` under a key the server computed from what determines the fragment;
/// without a key (the data version unknown), rendered every time.
pub fn cached_by_key<V: IntoView + 'static>(
    name: &'static str,
    key: Option<u128>,
    render: impl FnOnce() -> V,
) -> AnyView {
    match key {
        Some(key) => cached_fragment(name, key, move |_| render()),
        None => render().into_any(),
    }
}

/// `render(inputs)`'s HTML; on the server, taken from the cache when `inputs` (with
/// `name` and the page language) were rendered before. The HTML must be determined by
/// them (`inputs` may be a fingerprint of the data `render` takes along), and `render`
/// must not have side effects on the response (status, headers, meta tags).
pub fn cached_fragment<T: Serialize, V: IntoView + 'static>(
    name: &'static str,
    inputs: T,
    render: impl FnOnce(T) -> V,
) -> AnyView {
    #[cfg(feature = "ssr")]
    {
        // Inputs that cannot be serialised are not cached (none of ours).
        match server::key(name, crate::i18n::use_i18n().lang, &inputs) {
            Some(key) => {
                let html = server::get_or_render(key, || render(inputs).to_html());
                leptos::tachys::html::InertElement::new(String::from(&*html)).into_any()
            }
            None => render(inputs).into_any(),
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = name;
        render(inputs).into_any()
    }
}

#[cfg(feature = "ssr")]
mod server {
    use crate::i18n::Lang;
    use quick_cache::sync::Cache;
    use quick_cache::Weighter;
    use serde::Serialize;
    use std::sync::{Arc, LazyLock};

    /// Every sort and filter of the directory (under 1 MB) and a few hundred result
    /// pages; bounded well below the memory benchmark's growth limit (24 MB), which sends
    /// thousands of distinct searches.
    const CAPACITY_BYTES: u64 = 8 * 1024 * 1024;

    #[derive(Clone)]
    struct Bytes;

    impl Weighter<u128, Arc<str>> for Bytes {
        fn weight(&self, _key: &u128, html: &Arc<str>) -> u64 {
            html.len() as u64 + 64
        }
    }

    static CACHE: LazyLock<Cache<u128, Arc<str>, Bytes>> =
        LazyLock::new(|| Cache::with_weighter(1024, CAPACITY_BYTES, Bytes));

    pub fn key(name: &str, lang: Lang, inputs: &impl Serialize) -> Option<u128> {
        crate::fingerprint::of(&(name, lang, inputs))
    }

    pub fn get_or_render(key: u128, render: impl FnOnce() -> String) -> Arc<str> {
        if let Some(html) = CACHE.get(&key) {
            return html;
        }
        let html: Arc<str> = render().into();
        CACHE.insert(key, html.clone());
        html
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_language_is_part_of_the_key() {
            let a = key("list", Lang::Nl, &("wervik", 1));
            assert_eq!(a, key("list", Lang::Nl, &("wervik", 1)));
            assert_ne!(a, key("list", Lang::Fr, &("wervik", 1)));
            assert_ne!(a, key("table", Lang::Nl, &("wervik", 1)));
        }

        #[test]
        fn a_fragment_is_rendered_once_per_key() {
            let k = key("test-once", Lang::Nl, &"x").unwrap();
            let mut renders = 0;
            for _ in 0..3 {
                let html = get_or_render(k, || {
                    renders += 1;
                    "<p>x</p>".to_owned()
                });
                assert_eq!(&*html, "<p>x</p>");
            }
            assert_eq!(renders, 1);
        }
    }
}
