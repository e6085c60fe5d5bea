//! The query of a list page, as typed in its URL: one text field per key, each key
//! spelled once. `url_query!` writes the struct and what every page, form, link and API
//! handler does with it: read it from the URL (unknown keys ignored, values trimmed),
//! write it back (empty values left out), and list its keys (the API refuses others).
//! Checking the values stays with each domain (`validate`), whose errors name the key
//! at fault and become the translated 400 of the page or the API.

/// `?key=value&…` for a link, leaving out empty values so shared links stay short
/// ("" when every value is empty).
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        if !value.is_empty() {
            serializer.append_pair(key, value);
        }
    }
    let encoded = serializer.finish();
    if encoded.is_empty() {
        encoded
    } else {
        format!("?{encoded}")
    }
}

/// Declares a query struct; see the module.
#[macro_export]
macro_rules! url_query {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        $vis struct $name {
            $( $(#[$field_meta])* pub $field: String, )*
        }

        impl $name {
            /// The URL's keys, in the order links write them.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn slot(&mut self, key: &str) -> Option<&mut String> {
                match key {
                    $( stringify!($field) => Some(&mut self.$field), )*
                    _ => None,
                }
            }

            /// From the URL's pairs: unknown keys are ignored, values trimmed, the last
            /// value of a key wins.
            pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
                let mut query = Self::default();
                for (key, value) in pairs {
                    if let Some(slot) = query.slot(key) {
                        *slot = value.trim().to_owned();
                    }
                }
                query
            }

            /// From the page's query string.
            pub fn from_params(params: &leptos_router::params::ParamsMap) -> Self {
                Self::from_pairs(
                    Self::KEYS
                        .iter()
                        .filter_map(|k| params.get_str(k).map(|v| (*k, v))),
                )
            }

            /// Every key with its value ("" when not given).
            pub fn pairs(&self) -> Vec<(&'static str, &str)> {
                vec![$( (stringify!($field), self.$field.as_str()), )*]
            }

            /// `?key=value&…` without the empty values ("" when all are empty).
            pub fn to_query_string(&self) -> String {
                $crate::kernel::query::query_string(self.pairs())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::url_query! {
        /// A test query.
        pub struct Example { q, page }
    }

    #[test]
    fn a_query_reads_and_writes_its_keys_only() {
        let query = Example::from_pairs([("q", " gare "), ("other", "x"), ("page", "2")]);
        assert_eq!(query.q, "gare");
        assert_eq!(query.page, "2");
        assert_eq!(Example::KEYS, ["q", "page"]);
        assert_eq!(query.to_query_string(), "?q=gare&page=2");
        assert_eq!(Example::default().to_query_string(), "");
        assert_eq!(Example::from_pairs([("q", "a"), ("q", "b")]).q, "b");
        let mut params = leptos_router::params::ParamsMap::new();
        params.insert("page", "3".into());
        params.insert("unknown", "x".into());
        assert_eq!(Example::from_params(&params).to_query_string(), "?page=3");
    }
}
