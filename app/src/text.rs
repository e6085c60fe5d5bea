//! Source checks that keep user-facing text in Fluent: component code may contain
//! markup, class names and ids, never prose.

use std::path::PathBuf;

/// Every Rust source file of the crate.
pub fn source_files() -> Vec<PathBuf> {
    fn walk(dir: PathBuf, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = vec![];
    walk(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut out,
    );
    out
}

/// A string literal standing alone as a text node in a `view!` (`>"Text"<` or a line that
/// is only a literal) with at least one letter is prose that belongs in Fluent.
fn literal_text_nodes(source: &str) -> Vec<String> {
    let mut found = vec![];
    let mut in_view = false;
    let mut depth = 0i32;
    for line in source.lines() {
        let trimmed = line.trim();
        if trimmed.contains("view! {") {
            in_view = true;
            depth = 0;
        }
        if in_view {
            let is_text_node =
                (trimmed.starts_with('"') && trimmed.ends_with('"') && trimmed.len() > 2)
                    || trimmed.contains(">\"");
            if is_text_node {
                let literal = trimmed.split('"').nth(1).unwrap_or_default();
                if literal.chars().any(|c| c.is_alphabetic()) {
                    found.push(trimmed.to_owned());
                }
            }
            depth += trimmed.matches('{').count() as i32 - trimmed.matches('}').count() as i32;
            if depth <= 0 && trimmed.contains('}') {
                in_view = false;
            }
        }
    }
    found
}

#[test]
fn components_contain_no_literal_prose() {
    let mut offenders = vec![];
    for file in source_files() {
        let source = std::fs::read_to_string(&file).expect("readable");
        for literal in literal_text_nodes(&source) {
            offenders.push(format!("{}: {literal}", file.display()));
        }
    }
    assert!(
        offenders.is_empty(),
        "text nodes that should come from Fluent: {offenders:#?}"
    );
}

#[test]
fn the_literal_check_catches_prose() {
    let sample = "view! {\n <p>\"Gemeenten\"</p>\n <p class=\"x\">{t}</p>\n}";
    assert_eq!(literal_text_nodes(sample).len(), 1);
}
