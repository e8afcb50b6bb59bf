//! The interface's main catalogues for the browser (#20 §1). The server renders with the
//! catalogues compiled into it (`i18n`); the browser fetches its page's language's catalogue
//! before it hydrates (named and preloaded by the shell) instead of carrying both in its
//! WebAssembly. Each is served at an address naming a hash of its text, so it is kept a year,
//! and compressed once (brotli 11, gzip 9), on a blocking thread, when first asked.

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::sync::LazyLock;
use tokio::sync::OnceCell;

use crate::i18n::Lang;
use crate::server::assets::IMMUTABLE;
use crate::server::page_cache::Encoding;

/// Where the catalogues are served.
pub const PREFIX: &str = "/i18n/";

/// One language's catalogue as served.
struct Catalogue {
    lang: Lang,
    /// `fr.<hash>.ftl`.
    file: String,
    compressed: OnceCell<(Bytes, Bytes)>,
}

/// Both languages' catalogues.
struct Catalogues {
    fr: Catalogue,
    en: Catalogue,
}

impl Catalogues {
    fn of(&self, lang: Lang) -> &Catalogue {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    fn named(&self, file: &str) -> Option<&Catalogue> {
        [&self.fr, &self.en].into_iter().find(|c| c.file == file)
    }
}

static CATALOGUES: LazyLock<Catalogues> =
    LazyLock::new(|| Catalogues { fr: Catalogue::of(Lang::Fr), en: Catalogue::of(Lang::En) });

impl Catalogue {
    fn of(lang: Lang) -> Catalogue {
        let hash = Sha256::digest(lang.catalogue().as_bytes());
        let hex: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
        Catalogue { lang, file: format!("{}.{hex}.ftl", lang.code()), compressed: OnceCell::new() }
    }

    /// Brotli and gzip, made once (`None` if that failed: sent as it is).
    async fn compressed(&self) -> Option<&(Bytes, Bytes)> {
        let text = self.lang.catalogue();
        let make = || async move {
            let made = tokio::task::spawn_blocking(move || {
                Ok::<_, std::io::Error>((compress_brotli(text)?, compress_gzip(text)?))
            });
            made.await.map_err(|_| ())?.map_err(|_| ())
        };
        self.compressed.get_or_try_init(make).await.ok()
    }
}

fn compress_brotli(text: &str) -> std::io::Result<Bytes> {
    let mut out = Vec::with_capacity(text.len() / 4);
    // A window just over the text (128 KB for 88 KB): the same result as brotli's default 4 MB
    // window, without its memory (35 MB kept by the server per catalogue).
    let lgwin = (usize::BITS - (text.len() + 16).leading_zeros()).clamp(10, 24) as i32;
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin, ..Default::default() };
    brotli::BrotliCompress(&mut text.as_bytes(), &mut out, &params)?;
    Ok(out.into())
}

fn compress_gzip(text: &str) -> std::io::Result<Bytes> {
    use std::io::Write;
    let mut gzip = flate2::write::GzEncoder::new(Vec::with_capacity(text.len() / 3), flate2::Compression::best());
    gzip.write_all(text.as_bytes())?;
    Ok(gzip.finish()?.into())
}

/// The address of `lang`'s catalogue (`/i18n/fr.<hash>.ftl`).
pub fn path(lang: Lang) -> String {
    format!("{PREFIX}{}", CATALOGUES.of(lang).file)
}

/// `GET /i18n/{file}`: a catalogue under its current name; anything else is not found.
pub async fn serve(Path(file): Path<String>, headers: HeaderMap) -> Response {
    let Some(catalogue) = CATALOGUES.named(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (body, encoding) = match Encoding::accepted(&headers) {
        Encoding::Plain => (Bytes::from_static(catalogue.lang.catalogue().as_bytes()), None),
        wanted => match catalogue.compressed().await {
            Some((brotli, _)) if wanted == Encoding::Brotli => (brotli.clone(), Some("br")),
            Some((_, gzip)) => (gzip.clone(), Some("gzip")),
            None => (Bytes::from_static(catalogue.lang.catalogue().as_bytes()), None),
        },
    };
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(encoding) = encoding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_own_address_naming_its_text() {
        let (fr, en) = (path(Lang::Fr), path(Lang::En));
        assert!(fr.starts_with("/i18n/fr.") && fr.ends_with(".ftl"), "{fr}");
        assert!(en.starts_with("/i18n/en.") && en.ends_with(".ftl"), "{en}");
        assert_ne!(fr, en);
        // The same text, the same address (a new text is a new address: kept a year safely).
        assert_eq!(Catalogue::of(Lang::Fr).file, CATALOGUES.fr.file);
    }

    #[tokio::test]
    async fn a_catalogue_is_sent_compressed_once_and_kept_a_year() {
        let file = path(Lang::Fr).trim_start_matches(PREFIX).to_owned();
        let mut asked = HeaderMap::new();
        asked.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip, deflate, br"));
        let response = serve(Path(file.clone()), asked).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(response.headers()[header::CACHE_CONTROL], IMMUTABLE);
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let mut text = vec![];
        brotli::BrotliDecompress(&mut &body[..], &mut text).unwrap();
        assert_eq!(text, Lang::Fr.catalogue().as_bytes());
        assert!(body.len() * 3 < text.len(), "{} of {}", body.len(), text.len());

        let plain = serve(Path(file), HeaderMap::new()).await;
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        let body = axum::body::to_bytes(plain.into_body(), usize::MAX).await.unwrap();
        assert_eq!(body, Lang::Fr.catalogue().as_bytes());
    }

    #[tokio::test]
    async fn an_old_or_made_up_name_is_not_found() {
        for name in ["fr.0000000000000000.ftl", "fr.ftl", "../fr.ftl", "de.ftl"] {
            assert_eq!(serve(Path(name.to_owned()), HeaderMap::new()).await.status(), StatusCode::NOT_FOUND, "{name}");
        }
    }
}
