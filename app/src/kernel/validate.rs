//! The rules that check typed values, one place each: e-mail addresses, web addresses,
//! phone numbers, municipality codes and record ids, and the text staff and the public
//! read (no hidden controls). Forms, the import, query strings and the database (for
//! e-mail) use these and no copy of them.

/// The one rule for an e-mail address, shared by the forms' validation, the import and
/// the database assertion (migration 0013): dot-separated atoms, `@`, and a domain of at
/// least two labels of letters, digits and inner hyphens. At most `MAX_EMAIL_CHARS`
/// characters. The atoms leave out what RFC 5322 allows but a `mailto:` link would read
/// as syntax: `?` (a query such as `cc=` or `body=`), `=`, `&`, `%` and `#`.
pub const EMAIL_PATTERN: &str = r"^[A-Za-z0-9!$'*+^_`{|}~-]+(\.[A-Za-z0-9!$'*+^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
pub const MAX_EMAIL_CHARS: usize = 254;
/// The longest local part (before the `@`) a mail server must accept (RFC 5321).
pub const MAX_EMAIL_LOCAL_CHARS: usize = 64;

#[cfg(feature = "ssr")]
pub fn valid_email(email: &str) -> bool {
    static RULE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(EMAIL_PATTERN).expect("valid pattern"));
    let local = email.split('@').next().unwrap_or_default();
    email.len() <= MAX_EMAIL_CHARS && local.len() <= MAX_EMAIL_LOCAL_CHARS && RULE.is_match(email)
}

/// The schema's assertion of the same rule on a stored address (`$value`): migration
/// 0017 writes it on every e-mail field (a unit test checks each one).
pub fn email_assertion() -> String {
    format!(
        "string::len($value) <= {MAX_EMAIL_CHARS} AND string::len(string::split($value, '@')[0]) <= {MAX_EMAIL_LOCAL_CHARS} AND $value = /{EMAIL_PATTERN}/"
    )
}

/// The shape of a secret token in a link (a report's follow link, a personal link, a
/// password reset, a form's handle): 20 to 64 letters, digits, `-` and `_`. Anything
/// else is a 404 without a query.
pub fn is_token(token: &str) -> bool {
    (20..=64).contains(&token.len())
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The shape of a service id (also what makes it safe to put in a link).
pub fn is_service_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Record ids of the cooperation records: the seeds' slugs and ours (letters, digits,
/// hyphens, underscores).
pub fn is_record_id(id: &str) -> bool {
    (1..=120).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The shape of a code in a query string (a category, a language, a municipality to
/// filter on): at most 40 letters, digits, hyphens and underscores.
pub fn is_code(value: &str) -> bool {
    value.len() <= 40
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The shape of a municipality code: five letters or digits (Belgian NIS, French INSEE).
pub fn is_municipality_code(code: &str) -> bool {
    code.len() == 5 && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A web address people may follow: http or https, a host with a dot, no spaces or
/// markup characters, at most 500 characters.
pub fn valid_website(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        host.contains('.')
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':')
    }) && url.len() <= 500
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

/// More numbers than this is a list of staff, not of a service's lines.
pub const MAX_PHONES: usize = 5;

/// The numbers of a phone field: one per line, or separated by ";" as in OpenStreetMap
/// and in the CSV files.
pub fn phones(field: &str) -> Vec<String> {
    field
        .split(['\n', ';'])
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A phone number as people write it: 6 to 20 digits, spaces, `+ ( ) . / -`.
pub fn valid_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && phone.len() <= 40
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +()./-".contains(c))
}

/// Whether `c` is a bidirectional embedding, override or isolate control (U+202A–U+202E,
/// U+2066–U+2069). Nobody sees them, yet they reorder what is shown: a name typed as
/// U+202E + "reteP naJ" reads "Jan Peter" to staff. The marks U+200E and U+200F, which
/// only set the direction of neutral characters, are not among them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The one rule for free single-line text from a form (a name, an organisation, a
/// title, an address): whether it holds a character that changes what staff read
/// without being seen, a control character (C0 or C1, also a line break or a tab) or a
/// bidi control (`is_bidi_control`). Letters of every script (Arabic and Hebrew too),
/// accents and apostrophes pass.
pub fn has_hidden_controls(text: &str) -> bool {
    text.chars().any(|c| c.is_control() || is_bidi_control(c))
}

/// The same rule for multi-line text (a summary, a message, a note): line breaks and
/// tabs are allowed there.
pub fn has_hidden_controls_in_lines(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || is_bidi_control(c))
}

/// The longest text each kind of typed field may hold, in characters: one table for
/// every form, read by the checks on the server and by the pages' `maxlength`, so the
/// two never differ (as lemmy's `validation.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// A search or filter query.
    Query,
    /// A person's name (who registers, who sends an idea).
    PersonName,
    /// A title or an organisation's name typed by the public.
    Title,
    /// A record's name typed by staff (a service, a contact), a field of the hours editor.
    RecordName,
    /// One line: an address, a list item, a source.
    Line,
    /// A message, a description, a reason, a note.
    Text,
    /// An idea's summary, a call's texts, a staff answer.
    LongText,
    /// A long staff text (a practice's account, a project's description).
    Area,
    /// A password.
    Password,
}

impl Length {
    pub const ALL: [Length; 9] = [
        Length::Query,
        Length::PersonName,
        Length::Title,
        Length::RecordName,
        Length::Line,
        Length::Text,
        Length::LongText,
        Length::Area,
        Length::Password,
    ];

    /// The most characters a field of this kind holds.
    pub const fn chars(self) -> usize {
        match self {
            Length::Query => 100,
            Length::PersonName => 120,
            Length::Title => 160,
            Length::RecordName => 200,
            Length::Line => 300,
            Length::Text => 2000,
            Length::LongText => 4000,
            Length::Area => 6000,
            Length::Password => 128,
        }
    }

    /// Whether `text` is longer than this kind of field holds.
    pub fn exceeded_by(self, text: &str) -> bool {
        text.chars().count() > self.chars()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn emails_follow_one_rule() {
        for ok in [
            "jan@example.be",
            "marie.dupont@mairie-halluin.fr",
            "o'brien+tag@sub.example.co.uk",
        ] {
            assert!(valid_email(ok), "{ok}");
        }
        for bad in [
            "jan",
            "jan@",
            "@x.be",
            "jan@be",
            "a b@x.be",
            "a@x.be,b@y.fr",
            "a@@x.be",
            "jan@mail..be",
            "jan..peeters@x.be",
            ".jan@x.be",
            "jan@-x.be",
            "jan@x-.be",
            "jan@x.be.",
            "<jan@x.be>",
            "jan?cc=boss@x.be",
            "jan?body=hello@x.be",
            "a&b@x.be",
            "a=b@x.be",
            "a%40b@x.be",
            "a#b@x.be",
        ] {
            assert!(!valid_email(bad), "{bad}");
        }
        assert!(!valid_email(&format!("{}@x.be", "a".repeat(250))));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_database_asserts_the_same_email_rule_on_every_address() {
        // Every e-mail field the schema defines, with its final definition (the last
        // migration that defines it) asserting exactly the forms' rule.
        let migrations = crate::db::MIGRATIONS;
        let mut last: std::collections::BTreeMap<(String, String), String> = Default::default();
        for migration in migrations {
            let sql = migration.sql;
            let starts: Vec<usize> = sql.match_indices("DEFINE FIELD").map(|(i, _)| i).collect();
            for (n, start) in starts.iter().enumerate() {
                let end = starts.get(n + 1).copied().unwrap_or(sql.len());
                let definition = &sql[*start..end];
                let mut words = definition.split_whitespace().skip(2);
                let mut field = words.next().unwrap_or_default();
                if field == "OVERWRITE" || field == "IF" {
                    field = words
                        .nth(if field == "IF" { 2 } else { 0 })
                        .unwrap_or_default();
                }
                let table = words.nth(1).unwrap_or_default();
                if field.contains("email") && !field.contains("removed") {
                    last.insert((table.to_owned(), field.to_owned()), definition.to_owned());
                }
            }
        }
        let fields: Vec<_> = last.keys().cloned().collect();
        assert_eq!(fields.len(), 7, "{fields:?}");
        for ((table, field), definition) in &last {
            assert!(
                definition.contains(&email_assertion()),
                "{table}.{field} must assert kernel::validate::email_assertion(): {definition}"
            );
            assert!(!definition.contains("is_email"), "{table}.{field}");
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_local_part_longer_than_64_is_refused() {
        assert!(valid_email(&format!("{}@x.be", "a".repeat(64))));
        assert!(!valid_email(&format!("{}@x.be", "a".repeat(65))));
        assert!(!valid_email(&format!("{}@x.be", "a".repeat(66))));
    }

    #[test]
    fn codes_and_ids_have_their_shapes() {
        assert!(is_municipality_code("33011") && is_municipality_code("2A004"));
        assert!(!is_municipality_code("3301") && !is_municipality_code("33011 "));
        assert!(is_service_id("bib-ieper-1") && !is_service_id("Bib") && !is_service_id(""));
        assert!(is_record_id("partons_2-0") && !is_record_id("a:b"));
        assert!(is_code("town_hall") && !is_code("a b") && !is_code(&"x".repeat(41)));
    }

    #[test]
    fn hidden_controls_are_refused_and_letters_of_every_script_kept() {
        for ok in [
            "Jan Peeters",
            "Marie-Hélène Dupont-Lefèvre",
            "Mairie d'Halluin",
            "l’Échevin de Comines-Warneton",
            "Ærøskøbing ÇŞĞ Łódź",
            "محمد العلوي",
            "שרה כהן",
            "Ahmed (أحمد) \u{200F}",
            "",
        ] {
            assert!(!has_hidden_controls(ok), "{ok}");
            assert!(!has_hidden_controls_in_lines(ok), "{ok}");
        }
        for c in ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}') {
            let name = format!("Jan {c}sreteeP");
            assert!(is_bidi_control(c));
            assert!(has_hidden_controls(&name), "{c:?}");
            assert!(has_hidden_controls_in_lines(&name), "{c:?}");
        }
        for c in ['\0', '\u{7}', '\u{1B}', '\u{7F}', '\u{85}', '\u{9B}'] {
            let text = format!("Jan{c}Peeters");
            assert!(has_hidden_controls(&text), "{c:?}");
            assert!(has_hidden_controls_in_lines(&text), "{c:?}");
        }
        // Line breaks and tabs: not in a name, but in a summary.
        for text in ["Jan\nPeeters", "Jan\r\nPeeters", "Jan\tPeeters"] {
            assert!(has_hidden_controls(text), "{text:?}");
            assert!(!has_hidden_controls_in_lines(text), "{text:?}");
        }
    }

    #[test]
    fn websites_are_http_addresses_without_markup() {
        assert!(valid_website("https://www.ieper.be/bibliotheek?x=1"));
        for bad in [
            "javascript:alert(1)",
            "ftp://x.be",
            "https://x",
            "https://x.be/\"><script>",
            "https://x .be",
        ] {
            assert!(!valid_website(bad), "{bad}");
        }
    }

    #[test]
    fn each_length_is_counted_in_characters_not_bytes() {
        for length in Length::ALL {
            let full = "é".repeat(length.chars());
            assert!(!length.exceeded_by(&full), "{length:?}");
            assert!(length.exceeded_by(&format!("{full}e")), "{length:?}");
        }
        // Shorter kinds hold less.
        assert!(Length::PersonName.chars() < Length::Title.chars());
        assert!(Length::Line.chars() < Length::Text.chars());
        assert!(Length::Text.chars() < Length::LongText.chars());
    }
}
