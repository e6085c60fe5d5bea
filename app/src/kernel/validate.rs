//! The rules that check typed values, one place each: e-mail addresses, web addresses,
//! phone numbers, municipality codes and record ids. Forms, the import, query strings
//! and the database (for e-mail) use these and no copy of them.

/// The one rule for an e-mail address, shared by the forms' validation, the import and
/// the database assertion (migration 0013): dot-separated atoms, `@`, and a domain of at
/// least two labels of letters, digits and inner hyphens. At most `MAX_EMAIL_CHARS`
/// characters. The atoms leave out what RFC 5322 allows but a `mailto:` link would read
/// as syntax: `?` (a query such as `cc=` or `body=`), `=`, `&`, `%` and `#`.
pub const EMAIL_PATTERN: &str = r"^[A-Za-z0-9!$'*+^_`{|}~-]+(\.[A-Za-z0-9!$'*+^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
pub const MAX_EMAIL_CHARS: usize = 254;

#[cfg(feature = "ssr")]
pub fn valid_email(email: &str) -> bool {
    static RULE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(EMAIL_PATTERN).expect("valid pattern"));
    email.len() <= MAX_EMAIL_CHARS && RULE.is_match(email)
}

/// Longest accepted search text; anything longer is a mistake or abuse.
pub const MAX_QUERY_CHARS: usize = 100;

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

    #[test]
    fn the_database_asserts_the_same_email_rule() {
        let migration = include_str!("../../migrations/0013_email_rule_for_links.surql");
        let rule = format!("/{EMAIL_PATTERN}/");
        assert_eq!(
            migration.matches(&rule).count(),
            3,
            "migration 0013 must assert kernel::validate::EMAIL_PATTERN on report, service and user"
        );
        assert!(migration.contains(&format!("<= {MAX_EMAIL_CHARS}")));
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
}
