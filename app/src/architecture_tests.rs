//! The layer picture of `docs/architecture.md` held against the code: every top-level
//! module of `app/src` is in exactly one layer of the picture, and no module names a
//! module of a layer above its own (in code; comments and tests aside). So the picture
//! cannot go stale: a new module, or a new arrow up, fails here until the picture (or
//! the code) is put right.

use std::collections::BTreeMap;
use std::path::Path;

/// The layers of the picture, top first: each the set of top-level modules it names
/// outside parentheses.
fn layers(doc: &str, modules: &[String]) -> Vec<Vec<String>> {
    let block = doc
        .split("```")
        .nth(1)
        .expect("docs/architecture.md has the layer picture in its first code block");
    let mut layers: Vec<Vec<String>> = vec![];
    // Parentheses (a module's parts) may run over several lines.
    let mut depth = 0;
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        // A layer starts where its label stands in the first column.
        let label = line.get(..18).unwrap_or(line).trim();
        if !label.is_empty() && label != "│" {
            layers.push(vec![]);
        }
        let rest = line.get(18..).unwrap_or("");
        let mut outside = String::new();
        for c in rest.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth == 0 => outside.push(c),
                _ => {}
            }
        }
        for word in outside.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')) {
            let name = word.trim_end_matches(',').trim_end_matches(".rs");
            if modules.iter().any(|m| m == name) {
                if let Some(layer) = layers.last_mut() {
                    layer.push(name.to_owned());
                }
            }
        }
    }
    layers
}

/// The code of a file without its comments and its tests.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_layer_picture_matches_the_imports() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = manifest.join("src");
    let mut modules: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .flatten()
        .map(|e| {
            e.file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned()
        })
        .filter(|m| m != "architecture_tests")
        .collect();
    modules.sort();
    let doc = std::fs::read_to_string(manifest.join("../docs/architecture.md")).unwrap();
    let layers = layers(&doc, &modules);
    let mut layer_of: BTreeMap<String, usize> = BTreeMap::new();
    for (i, layer) in layers.iter().enumerate() {
        for module in layer {
            let before = layer_of.insert(module.clone(), i);
            assert!(before.is_none(), "{module} is in two layers of the picture");
        }
    }
    let missing: Vec<&String> = modules
        .iter()
        .filter(|m| !layer_of.contains_key(*m))
        .collect();
    assert!(
        missing.is_empty(),
        "modules missing from the picture: {missing:?}"
    );

    let mut paths = vec![];
    files(&src, &mut paths);
    let mut upward = vec![];
    for path in paths {
        let rel = path.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        let Some(&own) = layer_of.get(&top) else {
            continue;
        };
        let code = code_of(&std::fs::read_to_string(&path).unwrap());
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if let Some(&theirs) = layer_of.get(&name) {
                if theirs < own {
                    upward.push(format!("{} → {name}", rel.display()));
                }
            }
        }
    }
    upward.sort();
    upward.dedup();
    assert!(upward.is_empty(), "imports that climb a layer: {upward:#?}");
}
