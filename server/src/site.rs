//! The files the pages name, checked in the site root when the server starts: a server
//! copied without its `hash.txt`, or next to another build's site, would serve every
//! page without its stylesheet and script and say nothing; it logs an error instead,
//! naming what is missing and why (docs/deployment.md lists what a deployment needs).

use leptos::prelude::LeptosOptions;
use std::path::{Path, PathBuf};

/// The site's own files that pages and their scripts name (besides the build's `pkg/`).
pub const STATIC_FILES: [&str; 10] = [
    "favicon.svg",
    "js/leaflet-loader.js",
    "js/map.js",
    "js/services-map.js",
    "js/location-picker.js",
    "js/import-progress.js",
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet/MarkerCluster.css",
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/leaflet.markercluster.js",
];

/// The build's stylesheet, script and wasm as the pages name them: with the content
/// hashes of `hash.txt` when the server has one beside it, else under their plain names.
pub fn build_files(options: &LeptosOptions, hashes: Option<&str>) -> Vec<String> {
    let name = options.output_name.as_ref();
    let pkg = options.site_pkg_dir.as_ref();
    match hashes {
        Some(text) => {
            let hash_of = |kind: &str| {
                text.lines().find_map(|line| {
                    let (k, v) = line.split_once(':')?;
                    (k.trim() == kind).then(|| v.trim().to_owned())
                })
            };
            [("css", "css"), ("js", "js"), ("wasm", "wasm")]
                .into_iter()
                .map(|(kind, ext)| match hash_of(kind) {
                    Some(hash) => format!("{pkg}/{name}.{hash}.{ext}"),
                    None => format!("{pkg}/{name}.{ext}"),
                })
                .collect()
        }
        None => vec![
            format!("{pkg}/{name}.css"),
            format!("{pkg}/{name}.js"),
            format!("{pkg}/{name}_bg.wasm"),
        ],
    }
}

/// The files pages name that the site root lacks.
pub fn missing(options: &LeptosOptions, hash_file: &Path) -> Vec<PathBuf> {
    let hashes = std::fs::read_to_string(hash_file).ok();
    let root = Path::new(options.site_root.as_ref());
    build_files(options, hashes.as_deref())
        .into_iter()
        .chain(STATIC_FILES.iter().map(|f| (*f).to_owned()))
        .map(|file| root.join(file))
        .filter(|path| !path.is_file())
        .collect()
}

/// An error naming the files a site root lacks that its pages name, and why.
pub fn check(options: &LeptosOptions, hash_file: &Path) -> anyhow::Result<()> {
    let missing = missing(options, hash_file);
    if missing.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = missing.iter().map(|p| p.display().to_string()).collect();
    let hint = if hash_file.exists() {
        "the site root (LEPTOS_SITE_ROOT) is not the one built with this server"
    } else {
        "this server has no hash.txt beside it (copy it with the binary), or the site \
         root (LEPTOS_SITE_ROOT) is not the one built with it"
    };
    anyhow::bail!(
        "the pages would name files the site root lacks ({}): {}; see docs/deployment.md",
        hint,
        list.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(root: &Path) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("grensdiensten")
            .site_root(root.display().to_string())
            .site_pkg_dir("pkg")
            .build()
    }

    #[test]
    fn the_build_files_follow_hash_txt() {
        let options = options(Path::new("site"));
        assert_eq!(
            build_files(&options, Some("js: J1\nwasm: W2\ncss: C3\n")),
            [
                "pkg/grensdiensten.C3.css",
                "pkg/grensdiensten.J1.js",
                "pkg/grensdiensten.W2.wasm"
            ]
        );
        assert_eq!(
            build_files(&options, None),
            [
                "pkg/grensdiensten.css",
                "pkg/grensdiensten.js",
                "pkg/grensdiensten_bg.wasm"
            ]
        );
    }

    #[test]
    fn a_site_root_without_what_pages_name_is_refused_with_the_files() {
        let root = std::env::temp_dir().join(format!("site-check-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let options = options(&root);
        let hash_file = root.join("hash.txt");
        std::fs::create_dir_all(root.join("pkg")).unwrap();
        std::fs::write(&hash_file, "js: J1\nwasm: W2\ncss: C3\n").unwrap();
        for file in build_files(&options, Some("js: J1\nwasm: W2\ncss: C3\n"))
            .into_iter()
            .chain(STATIC_FILES.iter().map(|f| (*f).to_owned()))
        {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        assert!(check(&options, &hash_file).is_ok());
        // The binary copied without its hash.txt: its pages name the plain files.
        let error = check(&options, &root.join("elsewhere/hash.txt"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("grensdiensten.css"), "{error}");
        assert!(error.contains("hash.txt"), "{error}");
        // A script gone from the site root.
        std::fs::remove_file(root.join("js/map.js")).unwrap();
        let error = check(&options, &hash_file).unwrap_err().to_string();
        assert!(error.contains("js/map.js"), "{error}");
        assert!(!error.contains("grensdiensten.C3.css"), "{error}");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn every_file_the_app_names_is_checked() {
        // The pages' scripts (`"/js/…"` in the app's code) and what the map's loader
        // names (`/vendor/…`) are all in STATIC_FILES.
        let mut named = std::collections::BTreeSet::new();
        let mut sources = vec![std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/public/js/leaflet-loader.js"),
        )
        .unwrap()];
        let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    sources.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for text in &sources {
            for quote in ['"', '\''] {
                for part in text.split(quote) {
                    let file = part.trim_start_matches('/');
                    if (part.starts_with("/js/") || part.starts_with("/vendor/"))
                        && !part.contains(char::is_whitespace)
                        && (file.ends_with(".js") || file.ends_with(".css"))
                    {
                        named.insert(file.to_owned());
                    }
                }
            }
        }
        assert!(named.len() >= 8, "{named:?}");
        for file in &named {
            assert!(
                STATIC_FILES.contains(&file.as_str()),
                "{file} is not checked"
            );
        }
    }
}
