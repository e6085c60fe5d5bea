//! Interface strings come from Fluent files in `locales/{nl,fr}`, compiled into
//! both the server and the wasm so that hydration renders the same text.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

pub const NL_FTL: &str = include_str!("../../locales/nl/main.ftl");
pub const FR_FTL: &str = include_str!("../../locales/fr/main.ftl");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::Fr,
            Lang::Fr => Lang::Nl,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.get(..2).map(|c| c.to_ascii_lowercase()).as_deref() {
            Some("nl") => Some(Lang::Nl),
            Some("fr") => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The language a path belongs to, from its first segment.
    pub fn from_path(path: &str) -> Option<Lang> {
        match path.trim_start_matches('/').split('/').next() {
            Some("nl") => Some(Lang::Nl),
            Some("fr") => Some(Lang::Fr),
            _ => None,
        }
    }

    /// Number formatting locale used by `format_number`.
    fn group_separator(self) -> char {
        match self {
            Lang::Nl => '.',
            // Narrow no-break space, as in French typography.
            Lang::Fr => '\u{202F}',
        }
    }

    pub fn decimal_separator(self) -> char {
        ',' // both languages use a decimal comma in Belgium and France
    }
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("invalid Fluent file for {lang:?}: {errors:?}"));
    let mut bundle = FluentBundle::new_concurrent(vec![lang
        .code()
        .parse()
        .expect("valid language identifier")]);
    // Both languages are left-to-right; isolation marks would leak into copied text.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .expect("no duplicate message ids");
    bundle
}

static NL: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Nl, NL_FTL));
static FR: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Fr, FR_FTL));

fn bundle_for(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Nl => &NL,
        Lang::Fr => &FR,
    }
}

/// Translates a message id; a missing id renders as the id itself so it is visible, and
/// the locale tests fail on it.
pub fn translate(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle_for(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = vec![];
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Messages named after the values of a closed set (`{prefix}{value}`): a category of
/// cooperation, a workflow action, a weekday… Every message id the code builds at run
/// time comes from such a set, never from `format!` at the call site, so that the locale
/// test can enumerate them all (`message_sets::ALL`).
pub struct MessageSet {
    pub prefix: &'static str,
    pub suffix: &'static str,
    /// Every value of the set.
    pub values: fn() -> Vec<&'static str>,
}

impl MessageSet {
    pub const fn new(prefix: &'static str, values: fn() -> Vec<&'static str>) -> Self {
        MessageSet {
            prefix,
            suffix: "",
            values,
        }
    }

    /// Ids of the form `{prefix}{value}{suffix}`.
    pub const fn with_suffix(self, suffix: &'static str) -> Self {
        MessageSet { suffix, ..self }
    }

    /// The message id of one value.
    pub fn id(&self, value: &str) -> String {
        format!("{}{value}{}", self.prefix, self.suffix)
    }

    /// Every message id of the set.
    pub fn ids(&self) -> Vec<String> {
        (self.values)().into_iter().map(|v| self.id(v)).collect()
    }
}

/// The languages a service may speak, which the app names (`language-…`).
pub const SPOKEN: [&str; 4] = ["nl", "fr", "de", "en"];

/// "Dutch", "French", "German", "English".
pub const LANGUAGE_MESSAGES: MessageSet = MessageSet::new("language-", || SPOKEN.to_vec());

/// Formats an integer with the language's digit grouping (12.345 / 12 345).
pub fn format_number(lang: Lang, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(lang.group_separator());
        }
        out.push(ch);
    }
    if value < 0 {
        out.insert(0, '-');
    }
    out
}

/// Formats a distance in km with one decimal and the language's decimal comma.
pub fn format_km(lang: Lang, km: f64) -> String {
    format!("{km:.1}").replace('.', &lang.decimal_separator().to_string())
}

/// The page language, provided by the language layout route.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub fn t(&self, id: &str) -> String {
        translate(self.lang, id, None)
    }

    /// The message of one value of a closed set.
    pub fn t_of(&self, set: &MessageSet, value: &str) -> String {
        translate(self.lang, &set.id(value), None)
    }

    pub fn t_args<'a>(
        &self,
        id: &str,
        args: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>,
    ) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(name, value);
        }
        translate(self.lang, id, Some(&fluent_args))
    }
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n { lang: Lang::Nl })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn ids(source: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_owned()).expect("parses");
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_locales_have_the_same_message_ids() {
        let nl = ids(NL_FTL);
        let fr = ids(FR_FTL);
        let only_nl: Vec<_> = nl.difference(&fr).collect();
        let only_fr: Vec<_> = fr.difference(&nl).collect();
        assert!(
            only_nl.is_empty() && only_fr.is_empty(),
            "only in nl: {only_nl:?}; only in fr: {only_fr:?}"
        );
    }

    #[test]
    fn every_message_formats_without_errors_in_both_languages() {
        for lang in Lang::ALL {
            let bundle = bundle_for(lang);
            for id in ids(if lang == Lang::Nl { NL_FTL } else { FR_FTL }) {
                if id.starts_with('-') {
                    continue;
                }
                let message = bundle.get_message(&id).expect("message exists");
                let pattern = message.value().expect("message has a value");
                let mut errors = vec![];
                let mut args = FluentArgs::new();
                for name in [
                    "count",
                    "name",
                    "km",
                    "total",
                    "query",
                    "code",
                    "year",
                    "other",
                    "time",
                    "day",
                    "place",
                    "radius",
                    "filter",
                    "page",
                    "pages",
                    "date",
                    "amount",
                    "start",
                    "end",
                    "month",
                    "country",
                    "n",
                    "list",
                    "population",
                    "score",
                    "category",
                    "be",
                    "fr",
                    "from",
                    "minutes",
                    "codes",
                    "email",
                    "who",
                    "when",
                    "line",
                    "field",
                    "created",
                    "updated",
                    "errors",
                    "months",
                    "status",
                    "reason",
                    "role",
                    "rate",
                    "near",
                    "range",
                    "across",
                    "complement",
                    "cluster",
                    "project",
                    "theme",
                    "language",
                    "size",
                    "message",
                    "rows",
                    "unchanged",
                    "event",
                    "when",
                    "place",
                    "email",
                    "confirmed",
                    "waiting",
                    "days",
                    "reports",
                    "registrations",
                    "title",
                    "ideas",
                    "call",
                    "start",
                    "end",
                    "source",
                    "max",
                    "interest",
                    "practices",
                ] {
                    args.set(name, FluentValue::from("1"));
                }
                bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang:?} {id}: {errors:?}");
            }
        }
    }

    #[test]
    fn every_id_used_in_the_code_exists() {
        let nl = ids(NL_FTL);
        let mut missing = vec![];
        let re_call = [".t(\"", ".t_args(\""];
        for file in crate::text::source_files() {
            let text = std::fs::read_to_string(&file).expect("readable source");
            for marker in re_call {
                for (pos, _) in text.match_indices(marker) {
                    let rest = &text[pos + marker.len()..];
                    let id: String = rest.chars().take_while(|c| *c != '"').collect();
                    if !nl.contains(&id) {
                        missing.push(format!("{}: {id}", file.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "message ids used but not defined: {missing:?}"
        );
    }

    #[test]
    fn numbers_and_distances_follow_the_language() {
        assert_eq!(format_number(Lang::Nl, 232787), "232.787");
        assert_eq!(format_number(Lang::Fr, 232787), "232\u{202F}787");
        assert_eq!(format_number(Lang::Nl, 999), "999");
        assert_eq!(format_km(Lang::Fr, 12.46), "12,5");
    }

    #[test]
    fn language_from_accept_language_codes_and_paths() {
        assert_eq!(Lang::from_code("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("en"), None);
        assert_eq!(Lang::from_path("/fr/communes"), Some(Lang::Fr));
        assert_eq!(Lang::from_path("/xx"), None);
    }
}

/// A content field in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub nl: String,
    pub fr: String,
}

impl Localized {
    /// The same text made in each language.
    pub fn from_fn(text: impl Fn(Lang) -> String) -> Self {
        Localized {
            nl: text(Lang::Nl),
            fr: text(Lang::Fr),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::Fr => &self.fr,
        }
    }
}

/// A content field that may lack one language: display falls back to the other
/// language, and says which one it is so the page can mark it with `lang`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaybeLocalized {
    pub nl: Option<String>,
    pub fr: Option<String>,
}

impl MaybeLocalized {
    pub fn get(&self, lang: Lang) -> Option<(Lang, &str)> {
        let pick = |l: Lang| match l {
            Lang::Nl => self.nl.as_deref(),
            Lang::Fr => self.fr.as_deref(),
        };
        pick(lang)
            .map(|text| (lang, text))
            .or_else(|| pick(lang.other()).map(|text| (lang.other(), text)))
    }
}

#[cfg(test)]
mod content_tests {
    use super::*;

    #[test]
    fn missing_translation_falls_back_to_the_other_language() {
        let name = MaybeLocalized {
            nl: None,
            fr: Some("Justice de paix".into()),
        };
        assert_eq!(name.get(Lang::Nl), Some((Lang::Fr, "Justice de paix")));
        assert_eq!(name.get(Lang::Fr), Some((Lang::Fr, "Justice de paix")));
        assert_eq!(MaybeLocalized::default().get(Lang::Nl), None);
    }
}
