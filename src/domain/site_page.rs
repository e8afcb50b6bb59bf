//! The site's own pages, written by staff in Markdown: which pages there are, and a page as
//! typed in the editor (a title and a Markdown text), parsed here. Rendering and sanitizing
//! the Markdown is the server's (`server/markdown.rs`).

use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;
use crate::i18n::Msg;

pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 50_000;

/// The pages, linked from the footer of every page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SitePage {
    HowItWorks,
    Charter,
    LegalNotice,
    PersonalData,
    Accessibility,
}

impl SitePage {
    pub const ALL: [SitePage; 5] = [
        SitePage::HowItWorks,
        SitePage::Charter,
        SitePage::LegalNotice,
        SitePage::PersonalData,
        SitePage::Accessibility,
    ];

    /// The page's address is `/pages/{slug}`.
    pub fn slug(self) -> &'static str {
        match self {
            SitePage::HowItWorks => "comment-ca-marche",
            SitePage::Charter => "charte",
            SitePage::LegalNotice => "mentions-legales",
            SitePage::PersonalData => "donnees-personnelles",
            SitePage::Accessibility => "accessibilite",
        }
    }

    pub fn href(self) -> String {
        format!("/pages/{}", self.slug())
    }
}
slug_parse_display!(SitePage);

/// The editor's form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
}

/// A valid page text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageText {
    pub title: String,
    pub body: String,
}

impl PageForm {
    /// The title on one line, trimmed; the text with its line breaks as `\n`, trimmed.
    pub fn parse(&self) -> Result<PageText, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        let body = self.body.replace("\r\n", "\n").replace('\r', "\n").trim().to_owned();
        let title_len = title.chars().count();
        if title_len == 0 {
            errors.push("title", Msg::new("page-title-missing"));
        } else if title_len > TITLE_MAX {
            errors.push("title", Msg::new("page-title-too-long").num("max", TITLE_MAX as i64));
        }
        let body_len = body.chars().count();
        if body_len == 0 {
            errors.push("body", Msg::new("page-body-missing"));
        } else if body_len > BODY_MAX {
            errors.push("body", Msg::new("page-body-too-long").num("max", BODY_MAX as i64));
        }
        if errors.is_empty() {
            Ok(PageText { title, body })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_have_stable_addresses() {
        for p in SitePage::ALL {
            assert_eq!(p.slug().parse::<SitePage>(), Ok(p));
            assert!(p.href().starts_with("/pages/"));
        }
        assert!("../admin".parse::<SitePage>().is_err());
    }

    #[test]
    fn a_page_needs_a_title_and_a_text_of_sensible_length() {
        let ok =
            PageForm { title: "  Charte \t d'entraide ".into(), body: "Texte\r\nsuite\r\n".into() }.parse().unwrap();
        assert_eq!(ok, PageText { title: "Charte d'entraide".into(), body: "Texte\nsuite".into() });
        let e = PageForm { title: " ".into(), body: "x".repeat(BODY_MAX + 1) }.parse().unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "body"]);
    }
}
