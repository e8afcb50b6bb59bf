//! The browser bundle as built: its file names, content-hashed by cargo-leptos (`hash-files`,
//! listed in `hash.txt` next to the binary, where Leptos' hydration scripts read them too); the
//! start check that the site on disk is the one built with this binary; the service worker,
//! which precaches those names; and the cache policy of static files (a hashed name is kept a
//! year, anything else is revalidated).

use std::path::Path;
use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use crate::server::state::AppState;

/// The service worker's source: its shell lists the bundle under its plain names, replaced here
/// by the names built (a new build is a new worker, so installed apps take the new bundle).
const SERVICE_WORKER_SOURCE: &str = include_str!("../../public/sw.js");

/// A year: the longest `max-age` browsers honour.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Static files without a hash in their name: kept, but asked again (`304` when unchanged).
pub const REVALIDATE: &str = "no-cache";

/// The bundle's three files, as the browser asks for them (`/pkg/…`), and the service worker
/// made for them.
#[derive(Clone, Debug)]
pub struct Bundle {
    pub js: String,
    pub wasm: String,
    pub css: String,
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
        let hash_of = |kind: &str| {
            text.lines()
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.trim() == kind)
                .map(|(_, h)| h.trim())
                .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .ok_or_else(|| format!("the hash file has no valid `{kind}:` line"))
        };
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
            .into();
        Self { js, wasm, css, hashed, service_worker }
    }

    /// The bundle this binary was built with (`hash.txt` in the binary's folder, else the plain
    /// names), checked against the site that will be served: a binary and a site from two
    /// different builds would serve pages whose scripts do not match them.
    pub fn of_this_build(output_name: &str, site_root: &str, pkg_dir: &str) -> Result<Self, String> {
        let exe = std::env::current_exe().map_err(|e| format!("where is this binary? {e}"))?;
        let hash_file = exe.parent().unwrap_or(Path::new(".")).join("hash.txt");
        let bundle = match std::fs::read_to_string(&hash_file) {
            Ok(text) => Self::from_hash_file(&text, output_name, pkg_dir)
                .map_err(|e| format!("{}: {e}", hash_file.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::plain(output_name, pkg_dir),
            Err(e) => return Err(format!("{}: {e}", hash_file.display())),
        };
        bundle.check_site(Path::new(site_root))?;
        Ok(bundle)
    }

    /// Every file of the bundle is in `site_root`.
    pub fn check_site(&self, site_root: &Path) -> Result<(), String> {
        for file in [&self.js, &self.wasm, &self.css] {
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
        self.hashed && (path == self.js || path == self.wasm || path == self.css)
    }
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
    }

    #[test]
    fn the_service_worker_precaches_the_built_names() {
        let b = Bundle::from_hash_file(HASHES, "entraide", "pkg").unwrap();
        for name in [&b.js, &b.wasm, &b.css] {
            assert!(b.service_worker.contains(&format!("'{name}'")), "{name} not precached");
        }
        assert!(!b.service_worker.contains("'/pkg/entraide.js'"));
        // The plain build's worker is the source itself.
        assert_eq!(&*Bundle::plain("entraide", "pkg").service_worker, SERVICE_WORKER_SOURCE);
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
