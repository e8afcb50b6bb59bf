//! The layers point one way (README, "Code tour"): `server/` never imports `api/`, and the wire
//! types depend only on `domain`, `error` and `i18n`. Every line of every file is read, tests
//! included: a circle often comes back through a test helper.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The places a file names one of the top-level modules `names` through `crate::` (a path, or an
/// item of a `use crate::{…}` group, over several lines too), comments left out.
fn crate_paths(path: &Path, names: &[&str]) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("source file");
    let code: String = text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join(" ");
    let mut found = vec![];
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let first: Vec<String> = match rest.strip_prefix('{') {
            // The group's items at its top level: `{domain, api::{posts, forms}}` gives domain, api.
            Some(group) => {
                let (mut depth, mut items, mut item) = (0, vec![], String::new());
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => items.push(std::mem::take(&mut item)),
                        _ if depth == 0 => item.push(c),
                        _ => {}
                    }
                }
                items.push(item);
                items.iter().map(|i| i.trim().split("::").next().unwrap_or("").to_owned()).collect()
            }
            None => vec![rest.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("").to_owned()],
        };
        for name in names {
            if first.iter().any(|f| f == name) {
                let shown: String = code[at..].chars().take(60).collect();
                found.push(format!("{}: {shown}", path.display()));
            }
        }
    }
    found
}

fn src(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)
}

#[test]
fn the_server_never_imports_the_server_functions() {
    let mut files = vec![];
    rust_files(&src("server"), &mut files);
    assert!(files.len() > 40, "the whole server is read ({} files)", files.len());
    let found: Vec<String> = files.iter().flat_map(|f| crate_paths(f, &["api"])).collect();
    assert!(found.is_empty(), "server/ imports api/:\n{}", found.join("\n"));
}

#[test]
fn wire_types_depend_only_on_domain_error_and_i18n() {
    let mut files = vec![];
    rust_files(&src("wire"), &mut files);
    assert!(files.len() >= 4, "the wire types are read ({} files)", files.len());
    let found: Vec<String> = files.iter().flat_map(|f| crate_paths(f, &["api", "server", "ui", "app"])).collect();
    assert!(found.is_empty(), "wire/ imports more than domain, error and i18n:\n{}", found.join("\n"));
}

#[test]
fn the_scan_sees_an_import_of_the_server_functions() {
    let dir = std::env::temp_dir().join(format!("entraide-layers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("probe.rs");
    std::fs::write(
        &file,
        // Written as CRATE here so that this file itself holds no such path.
        "use CRATE::{\n    domain,\n    api::{posts, forms},\n};\nfn f() { CRATE::api::posts::list_posts; CRATE::apiary::x; }\n// CRATE::api:: in a comment\n"
            .replace("CRATE", "crate"),
    )
    .expect("probe");
    let found = crate_paths(&file, &["api"]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(found.len(), 2, "{found:?}");
}
