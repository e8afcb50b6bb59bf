//! The browser bundle as built: its file names, content-hashed by cargo-leptos (`hash-files`,
//! listed in `hash.txt` next to the binary, where Leptos' hydration scripts read them too),
//! with the pages' own files split off by `--split` (ui/lazy_pages.rs: a link module loaded with
//! the bundle, and the `.wasm` files of each page, named in the split manifest); the start check
//! that the site on disk is the one built with this binary; the service worker, which precaches
//! the bundle; and the cache policy of static files (a hashed name is kept a year, anything else
//! is revalidated).

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use crate::i18n::Lang;
use crate::server::catalogues;
use crate::server::state::AppState;

/// The service worker's source: its shell lists the bundle under its plain names, replaced here
/// by the names built (a new build is a new worker, so installed apps take the new bundle).
const SERVICE_WORKER_SOURCE: &str = include_str!("../../public/sw.js");

/// A year: the longest `max-age` browsers honour.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Static files without a hash in their name: kept, but asked again (`304` when unchanged).
pub const REVALIDATE: &str = "no-cache";

/// The bundle's three files, as the browser asks for them (`/pkg/…`), the files split off for
/// the pages, and the service worker made for them.
#[derive(Clone, Debug)]
pub struct Bundle {
    pub js: String,
    pub wasm: String,
    pub css: String,
    /// The split's link module (loaded with the bundle), then every page's file, in a split
    /// build with hashed names; empty otherwise.
    pub split: Vec<String>,
    /// Every file above, when their names carry a content hash: what is kept a year.
    immutable: HashSet<String>,
    /// Whether the names carry a content hash (cached for a year).
    pub hashed: bool,
    service_worker: Arc<str>,
}

impl Bundle {
    /// The plain names (`entraide.js`…), as a build without `hash-files` writes them.
    pub fn plain(output_name: &str, pkg_dir: &str) -> Self {
        Self::named(
            pkg_dir,
            format!("{output_name}.js"),
            format!("{output_name}.wasm"),
            format!("{output_name}.css"),
            false,
        )
    }

    /// The names in a cargo-leptos hash file (`js: …`, `wasm: …`, `css: …` lines).
    pub fn from_hash_file(text: &str, output_name: &str, pkg_dir: &str) -> Result<Self, String> {
        let hash_of = |kind: &str| hash_line(text, kind)?.ok_or_else(|| format!("the hash file has no `{kind}:` line"));
        Ok(Self::named(
            pkg_dir,
            format!("{output_name}.{}.js", hash_of("js")?),
            format!("{output_name}.{}.wasm", hash_of("wasm")?),
            format!("{output_name}.{}.css", hash_of("css")?),
            true,
        ))
    }

    fn named(pkg_dir: &str, js: String, wasm: String, css: String, hashed: bool) -> Self {
        let pkg = format!("/{}", pkg_dir.trim_matches('/'));
        let (js, wasm, css) = (format!("{pkg}/{js}"), format!("{pkg}/{wasm}"), format!("{pkg}/{css}"));
        let service_worker = SERVICE_WORKER_SOURCE
            .replace("'/pkg/entraide.js'", &format!("'{js}'"))
            .replace("'/pkg/entraide.wasm'", &format!("'{wasm}'"))
            .replace("'/pkg/entraide.css'", &format!("'{css}'"))
            .replace("'/i18n/fr.ftl'", &format!("'{}'", catalogues::path(Lang::Fr)))
            .replace("'/i18n/en.ftl'", &format!("'{}'", catalogues::path(Lang::En)))
            .into();
        let immutable = if hashed { [&js, &wasm, &css].into_iter().cloned().collect() } else { HashSet::new() };
        Self { js, wasm, css, split: Vec::new(), immutable, hashed, service_worker }
    }

    /// The files split off for the pages, from the hash file's `split:` (the link module) and
    /// `manifest:` lines and the manifest in `site_root` (each page's files, named without
    /// `.wasm`). A build without `--split` has neither line.
    fn with_split(mut self, hash_file: &str, output_dir: &Path) -> Result<Self, String> {
        let (Some(link), Some(manifest)) = (hash_line(hash_file, "split")?, hash_line(hash_file, "manifest")?) else {
            return Ok(self);
        };
        let pkg = self.js.rsplit_once('/').map(|(dir, _)| dir.to_owned()).unwrap_or_default();
        let manifest_file = format!("{pkg}/__wasm_split_manifest.{manifest}.json");
        let text = std::fs::read_to_string(output_dir.join(manifest_file.trim_start_matches('/')))
            .map_err(|e| format!("{manifest_file}: {e}"))?;
        let pages: std::collections::BTreeMap<String, Vec<String>> =
            serde_json::from_str(&text).map_err(|e| format!("{manifest_file}: {e}"))?;
        let mut files: Vec<String> = pages.into_values().flatten().collect();
        files.sort();
        files.dedup();
        if let Some(bad) = files.iter().find(|f| !is_plain_name(f)) {
            return Err(format!("{manifest_file}: unexpected file name {bad:?}"));
        }
        self.split = std::iter::once(format!("{pkg}/__wasm_split.{link}.js"))
            .chain(files.into_iter().map(|f| format!("{pkg}/{f}.wasm")))
            .collect();
        self.immutable.extend(self.split.iter().cloned());
        self.service_worker = self
            .service_worker
            .replace("'/pkg/__wasm_split.______________________.js'", &format!("'{}'", self.split[0]))
            .into();
        Ok(self)
    }

    /// The bundle this binary was built with (`hash.txt` in the binary's folder, else the plain
    /// names), checked against the site that will be served: a binary and a site from two
    /// different builds would serve pages whose scripts do not match them.
    pub fn of_this_build(output_name: &str, site_root: &str, pkg_dir: &str) -> Result<Self, String> {
        let exe = std::env::current_exe().map_err(|e| format!("where is this binary? {e}"))?;
        let hash_file = exe.parent().unwrap_or(Path::new(".")).join("hash.txt");
        let bundle = match std::fs::read_to_string(&hash_file) {
            Ok(text) => Self::from_hash_file(&text, output_name, pkg_dir)
                .and_then(|b| b.with_split(&text, Path::new(site_root)))
                .map_err(|e| format!("{}: {e}", hash_file.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::plain(output_name, pkg_dir),
            Err(e) => return Err(format!("{}: {e}", hash_file.display())),
        };
        bundle.check_site(Path::new(site_root))?;
        Ok(bundle)
    }

    /// Every file of the bundle is in `site_root`.
    pub fn check_site(&self, site_root: &Path) -> Result<(), String> {
        for file in [&self.js, &self.wasm, &self.css].into_iter().chain(&self.split) {
            if !site_root.join(file.trim_start_matches('/')).is_file() {
                return Err(format!(
                    "the site in {} was not built with this binary ({file} is missing): build both with `make release`",
                    site_root.display()
                ));
            }
        }
        Ok(())
    }

    /// Whether `path` is one of the bundle's files under a hashed name.
    pub fn is_hashed_file(&self, path: &str) -> bool {
        self.immutable.contains(path)
    }
}

/// A file name or hash of letters, digits, `-`, `_` and `.` (no path, nothing to escape).
/// The value of the hash file's `kind:` line, if it has one; an error when that value is not a
/// plain file name part (it becomes part of a path).
fn hash_line<'a>(text: &'a str, kind: &str) -> Result<Option<&'a str>, String> {
    let value = text.lines().filter_map(|l| l.split_once(':')).find(|(k, _)| k.trim() == kind).map(|(_, h)| h.trim());
    match value {
        Some(v) if !is_plain_name(v) => Err(format!("the hash file's `{kind}:` line is not a plain name: {v:?}")),
        v => Ok(v),
    }
}

fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains("..")
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

/// `GET /sw.js`: the service worker, precaching this build's bundle.
pub async fn service_worker(State(state): State<AppState>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], state.bundle.service_worker.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASHES: &str = "js: AbC-12_x\nwasm: wAsM99\ncss: CsS0\n";

    #[test]
    fn hashed_names_come_from_the_hash_file() {
        let b = Bundle::from_hash_file(HASHES, "entraide", "pkg").unwrap();
        assert_eq!(
            (b.js.as_str(), b.wasm.as_str(), b.css.as_str()),
            ("/pkg/entraide.AbC-12_x.js", "/pkg/entraide.wAsM99.wasm", "/pkg/entraide.CsS0.css")
        );
        assert!(b.is_hashed_file("/pkg/entraide.wAsM99.wasm"));
        assert!(!b.is_hashed_file("/pkg/entraide.wasm"));
        assert!(!Bundle::plain("entraide", "pkg").is_hashed_file("/pkg/entraide.wasm"));
    }

    #[test]
    fn a_broken_hash_file_is_refused() {
        assert!(Bundle::from_hash_file("js: a\nwasm: b\n", "entraide", "pkg").is_err());
        assert!(Bundle::from_hash_file("js: a/../x\nwasm: b\ncss: c\n", "entraide", "pkg").is_err());
        let b = Bundle::from_hash_file(HASHES, "entraide", "pkg").unwrap();
        let err = b.with_split("split: ../../etc\nmanifest: m\n", Path::new("/nowhere")).unwrap_err();
        assert!(err.contains("`split:`"), "{err}");
    }

    #[test]
    fn the_service_worker_precaches_the_built_names() {
        let b = Bundle::from_hash_file(HASHES, "entraide", "pkg").unwrap();
        for name in [&b.js, &b.wasm, &b.css] {
            assert!(b.service_worker.contains(&format!("'{name}'")), "{name} not precached");
        }
        assert!(!b.service_worker.contains("'/pkg/entraide.js'"));
        // The catalogues always carry their hash, which the worker keeps in either build.
        let plain = Bundle::plain("entraide", "pkg");
        for worker in [&b.service_worker, &plain.service_worker] {
            for lang in [Lang::Fr, Lang::En] {
                assert!(worker.contains(&format!("'{}'", catalogues::path(lang))), "{lang:?} not precached");
            }
            assert!(!worker.contains("'/i18n/fr.ftl'"));
        }
        // Otherwise the plain build's worker is the source itself.
        assert!(plain.service_worker.contains("'/pkg/entraide.js'"));
    }

    #[test]
    fn the_pages_files_of_a_split_build_are_known_checked_and_kept_a_year() {
        let dir = std::env::temp_dir().join(format!("entraide-split-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        let hashes = format!("{HASHES}manifest: MaN1\nsplit: LiNk2\n");
        std::fs::write(
            dir.join("pkg/__wasm_split_manifest.MaN1.json"),
            r#"{"__post_route_view_1":["chunk_1.AaA","split___post_route_view_1.BbB"],"__log_in_route_view_2":["chunk_1.AaA"]}"#,
        )
        .unwrap();
        let b = Bundle::from_hash_file(&hashes, "entraide", "pkg").unwrap().with_split(&hashes, &dir).unwrap();
        assert_eq!(
            b.split,
            ["/pkg/__wasm_split.LiNk2.js", "/pkg/chunk_1.AaA.wasm", "/pkg/split___post_route_view_1.BbB.wasm"]
        );
        for file in &b.split {
            assert!(b.is_hashed_file(file), "{file}");
        }
        assert!(!b.is_hashed_file("/pkg/chunk_1.wasm"));
        // The link module is precached with the bundle.
        assert!(b.service_worker.contains("'/pkg/__wasm_split.LiNk2.js'"));
        // Every page's file must be on disk.
        for name in [&b.js, &b.wasm, &b.css, &b.split[0], &b.split[1]] {
            std::fs::write(dir.join(name.trim_start_matches('/')), "x").unwrap();
        }
        let err = b.check_site(&dir).unwrap_err();
        assert!(err.contains("split___post_route_view_1.BbB.wasm"), "{err}");
        std::fs::write(dir.join(b.split[2].trim_start_matches('/')), "x").unwrap();
        assert!(b.check_site(&dir).is_ok());
        // A manifest naming a path is refused; a build without `--split` has no split files.
        std::fs::write(dir.join("pkg/__wasm_split_manifest.MaN1.json"), r#"{"a":["../../etc/passwd"]}"#).unwrap();
        assert!(Bundle::from_hash_file(&hashes, "entraide", "pkg").unwrap().with_split(&hashes, &dir).is_err());
        let unsplit = Bundle::from_hash_file(HASHES, "entraide", "pkg").unwrap().with_split(HASHES, &dir).unwrap();
        assert!(unsplit.split.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_site_from_another_build_is_refused() {
        let dir = std::env::temp_dir().join(format!("entraide-assets-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        let b = Bundle::from_hash_file(HASHES, "entraide", "pkg").unwrap();
        let err = b.check_site(&dir).unwrap_err();
        assert!(err.contains("entraide.AbC-12_x.js"), "{err}");
        for name in [&b.js, &b.wasm, &b.css] {
            std::fs::write(dir.join(name.trim_start_matches('/')), "x").unwrap();
        }
        assert!(b.check_site(&dir).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
