//! How a typed search text becomes words the full-text indexes hold.
//!
//! The indexes' analyzers split text where the character class changes (letters, digits,
//! punctuation), fold case and accents, stem, and keep edge n-grams of 2 to 24 characters.
//! A query goes through the same analyzer, minus the n-grams, and every query word must
//! have postings: a lone hyphen or apostrophe, the "d" of "d'Ascq" or a word longer than
//! the longest n-gram would find nothing and empty the whole result. So the query is split
//! here the same way and only words the index can hold are sent, with the abbreviations
//! people type for "Saint"/"Sint" expanded.

/// Shortest and longest word the indexes hold (their `edgengram(2, 24)`).
const MIN_WORD_CHARS: usize = 2;
const MAX_WORD_CHARS: usize = 24;
/// Bound on the alternatives tried for one text (each is one index query).
const MAX_VARIANTS: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Other,
}

fn class(c: char) -> Class {
    if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else {
        Class::Other
    }
}

/// The words of `text` as the index splits them, lower-cased, without the ones it never
/// holds (fewer than two characters) and cut to the longest n-gram.
pub fn words(text: &str) -> Vec<String> {
    let mut words = vec![];
    let mut current = String::new();
    let mut current_class = Class::Other;
    let mut flush = |word: &mut String| {
        if word.chars().count() >= MIN_WORD_CHARS {
            words.push(word.chars().take(MAX_WORD_CHARS).collect());
        }
        word.clear();
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        let c_class = class(c);
        if c_class != current_class {
            flush(&mut current);
            current_class = c_class;
        }
        if c_class != Class::Other {
            current.push(c);
        }
    }
    flush(&mut current);
    words
}

/// What a typed abbreviation may stand for.
fn expansions(word: &str) -> &'static [&'static str] {
    match word {
        "st" => &["saint", "sint"],
        "ste" => &["sainte"],
        _ => &[],
    }
}

/// The texts to send to a full-text index for what a person typed: its words, and, when
/// it holds an abbreviation, the same with the abbreviation written out (at most
/// `MAX_VARIANTS` in all). A record matches when any of them matches; empty when no
/// word is left.
pub fn query_variants(text: &str) -> Vec<String> {
    let mut variants: Vec<Vec<String>> = vec![vec![]];
    for word in words(text) {
        let mut next = vec![];
        for variant in &variants {
            let mut alternatives = vec![word.clone()];
            alternatives.extend(expansions(&word).iter().map(|w| w.to_string()));
            for alternative in alternatives {
                if next.len() < MAX_VARIANTS {
                    let mut v = variant.clone();
                    v.push(alternative);
                    next.push(v);
                }
            }
        }
        variants = next;
    }
    if variants.iter().all(Vec::is_empty) {
        return vec![];
    }
    variants.into_iter().map(|v| v.join(" ")).collect()
}

/// A name as people may type it, for exact comparison: accents, case, punctuation and
/// spacing folded ("Villeneuve-d’Ascq" and "villeneuve d'ascq" are the same name).
/// The key names sort by: case and accents aside, as a reader expects ("Écaussinnes"
/// among the E's), punctuation kept so that "Saint-Amand" stays one name.
pub fn sort_key(name: &str) -> String {
    deunicode::deunicode(name).to_lowercase()
}

pub fn folded_name(name: &str) -> String {
    let mut out = String::new();
    for word in deunicode::deunicode(name)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        let expanded = expansions(word).first().copied().unwrap_or(word);
        out.push_str(expanded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_apostrophes_and_lone_letters_leave_only_indexed_words() {
        assert_eq!(words("Comines-Warneton"), ["comines", "warneton"]);
        assert_eq!(words("Mairie d'Halluin"), ["mairie", "halluin"]);
        assert_eq!(words("Villeneuve-d’Ascq"), ["villeneuve", "ascq"]);
        assert_eq!(words(" - ' ’ a"), Vec::<String>::new());
        assert_eq!(words("A19 59200"), ["19", "59200"]);
        assert_eq!(words("Église"), ["église"]);
        assert_eq!(words(&"x".repeat(40))[0].len(), MAX_WORD_CHARS);
    }

    #[test]
    fn abbreviations_are_tried_written_out() {
        assert_eq!(
            query_variants("St-Amand"),
            ["st amand", "saint amand", "sint amand"]
        );
        assert_eq!(query_variants("Saint-Omer"), ["saint omer"]);
        assert_eq!(query_variants("'-"), Vec::<String>::new());
        assert!(query_variants("st st st st").len() <= MAX_VARIANTS);
    }

    #[test]
    fn folded_names_compare_as_people_type_them() {
        assert_eq!(
            folded_name("Villeneuve-d’Ascq"),
            folded_name("villeneuve d'ascq")
        );
        assert_eq!(folded_name("Armentières"), "armentieres");
        assert_eq!(
            folded_name("St-Amand-les-Eaux"),
            folded_name("Saint-Amand-les-Eaux")
        );
        assert_ne!(folded_name("Comines"), folded_name("Comines-Warneton"));
    }
}
