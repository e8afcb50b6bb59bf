//! Posts: requests and offers of help, who posts them, their life cycle, and the parsing of the
//! text a person types. Pure rules, shared by the server and the browser.

use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// Longest title, in characters.
pub const TITLE_MAX: usize = 120;
/// Longest description, in characters.
pub const DESCRIPTION_MAX: usize = 2000;

/// Someone asks for help, or offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PostKind {
    Request,
    Offer,
}

impl PostKind {
    pub const ALL: [PostKind; 2] = [PostKind::Request, PostKind::Offer];

    /// Stable slug (`request`, `offer`).
    pub fn slug(self) -> &'static str {
        match self {
            PostKind::Request => "request",
            PostKind::Offer => "offer",
        }
    }

    /// French label, singular.
    pub fn label_fr(self) -> &'static str {
        match self {
            PostKind::Request => "Demande d'aide",
            PostKind::Offer => "Offre d'aide",
        }
    }
}

/// Who publishes: a resident, or an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PosterKind {
    Individual,
    Company,
    Association,
    Institution,
}

impl PosterKind {
    pub const ALL: [PosterKind; 4] =
        [PosterKind::Individual, PosterKind::Company, PosterKind::Association, PosterKind::Institution];

    /// Stable slug.
    pub fn slug(self) -> &'static str {
        match self {
            PosterKind::Individual => "individual",
            PosterKind::Company => "company",
            PosterKind::Association => "association",
            PosterKind::Institution => "institution",
        }
    }

    /// French label.
    pub fn label_fr(self) -> &'static str {
        match self {
            PosterKind::Individual => "Particulier",
            PosterKind::Company => "Entreprise",
            PosterKind::Association => "Association",
            PosterKind::Institution => "Structure publique ou privée",
        }
    }
}

/// Where a post is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PostStatus {
    /// Waiting for validation by staff; visible to its author and staff only.
    Pending,
    /// Validated and public.
    Published,
    /// A helper was accepted; still public, shown as "en cours".
    InProgress,
    /// The help was given.
    Fulfilled,
    /// Withdrawn by its author.
    Closed,
    /// Refused by staff.
    Rejected,
}

impl PostStatus {
    pub const ALL: [PostStatus; 6] = [
        PostStatus::Pending,
        PostStatus::Published,
        PostStatus::InProgress,
        PostStatus::Fulfilled,
        PostStatus::Closed,
        PostStatus::Rejected,
    ];

    /// Stable slug, as stored.
    pub fn slug(self) -> &'static str {
        match self {
            PostStatus::Pending => "pending",
            PostStatus::Published => "published",
            PostStatus::InProgress => "in-progress",
            PostStatus::Fulfilled => "fulfilled",
            PostStatus::Closed => "closed",
            PostStatus::Rejected => "rejected",
        }
    }

    /// French label.
    pub fn label_fr(self) -> &'static str {
        match self {
            PostStatus::Pending => "En attente de validation",
            PostStatus::Published => "Publiée",
            PostStatus::InProgress => "En cours",
            PostStatus::Fulfilled => "Réalisée",
            PostStatus::Closed => "Retirée",
            PostStatus::Rejected => "Refusée",
        }
    }

    /// Shown to everyone on the map, the list and the open-data API (when not expired).
    pub fn is_public(self) -> bool {
        matches!(self, PostStatus::Published | PostStatus::InProgress)
    }

    /// The statuses a post may move to from this one.
    pub fn allowed_next(self) -> &'static [PostStatus] {
        use PostStatus::*;
        match self {
            Pending => &[Published, Rejected, Closed],
            Published => &[Pending, InProgress, Fulfilled, Closed],
            InProgress => &[Published, Fulfilled, Closed],
            Rejected => &[Pending],
            Fulfilled | Closed => &[],
        }
    }

    /// Whether moving from `self` to `next` is allowed.
    pub fn can_become(self, next: PostStatus) -> bool {
        self.allowed_next().contains(&next)
    }
}

slug_parse_display!(PostKind);
slug_parse_display!(PosterKind);
slug_parse_display!(PostStatus);

/// A post title: trimmed, inner runs of whitespace collapsed, 3 to 120 characters, one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title(String);

impl Title {
    /// Parses what was typed, or says in French what is wrong.
    pub fn parse(raw: &str) -> Result<Title, String> {
        let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let n = t.chars().count();
        if n == 0 {
            Err("Donnez un titre à votre annonce.".into())
        } else if n < 3 {
            Err("Le titre est trop court (3 caractères au moins).".into())
        } else if n > TITLE_MAX {
            Err(format!("Le titre est trop long : {n} caractères pour {TITLE_MAX} au plus."))
        } else {
            Ok(Title(t))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A post description: trimmed, line breaks kept (normalised to `\n`), control characters
/// removed, at most 2000 characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description(String);

impl Description {
    /// Parses what was typed, or says in French what is wrong.
    pub fn parse(raw: &str) -> Result<Description, String> {
        let cleaned: String =
            raw.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect();
        let lines: Vec<&str> = cleaned.lines().map(str::trim_end).collect();
        let d = lines.join("\n").trim().to_owned();
        let n = d.chars().count();
        if n == 0 {
            Err("Décrivez en quelques mots ce dont il s'agit.".into())
        } else if n > DESCRIPTION_MAX {
            Err(format!("La description est trop longue : {n} caractères pour {DESCRIPTION_MAX} au plus."))
        } else {
            Ok(Description(d))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Title and description parsed together, each error keyed by its field.
pub fn parse_text(title: &str, description: &str) -> Result<(Title, Description), FieldErrors> {
    let mut errors = FieldErrors::new();
    let t = Title::parse(title).map_err(|m| errors.push("title", m)).ok();
    let d = Description::parse(description).map_err(|m| errors.push("description", m)).ok();
    match (t, d) {
        (Some(t), Some(d)) => Ok((t, d)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_trimmed_and_collapsed() {
        assert_eq!(Title::parse("  Besoin   d'aide\tpour courses ").unwrap().as_str(), "Besoin d'aide pour courses");
    }

    #[test]
    fn title_length_is_counted_in_characters() {
        assert!(Title::parse(&"é".repeat(120)).is_ok());
        let err = Title::parse(&"é".repeat(121)).unwrap_err();
        assert!(err.contains("121"), "{err}");
        assert!(Title::parse("   ").unwrap_err().contains("titre"));
        assert!(Title::parse("ab").is_err());
    }

    #[test]
    fn description_keeps_lines_and_drops_controls() {
        let d = Description::parse("  Bonjour,\r\nje cherche\u{7} quelqu'un.  \n\n ").unwrap();
        assert_eq!(d.as_str(), "Bonjour,\nje cherche quelqu'un.");
        assert!(Description::parse(&"a".repeat(2001)).is_err());
        assert!(Description::parse(&"a".repeat(2000)).is_ok());
        assert!(Description::parse(" \n ").is_err());
    }

    #[test]
    fn parse_text_reports_each_field() {
        let e = parse_text("", "").unwrap_err();
        assert!(e.get("title").is_some());
        assert!(e.get("description").is_some());
    }

    #[test]
    fn status_transitions() {
        use PostStatus::*;
        assert!(Pending.can_become(Published));
        assert!(Pending.can_become(Rejected));
        assert!(Published.can_become(InProgress));
        assert!(InProgress.can_become(Fulfilled));
        assert!(InProgress.can_become(Published));
        assert!(Rejected.can_become(Pending));
        assert!(!Pending.can_become(Fulfilled));
        assert!(!Rejected.can_become(Published));
        for s in PostStatus::ALL {
            assert!(!s.can_become(s), "{s} -> itself");
        }
        assert!(Fulfilled.allowed_next().is_empty());
        assert!(Closed.allowed_next().is_empty());
        assert!(Published.is_public() && InProgress.is_public());
        assert!(!Pending.is_public() && !Rejected.is_public());
    }

    #[test]
    fn slugs_round_trip() {
        for k in PostKind::ALL {
            assert_eq!(k.slug().parse::<PostKind>(), Ok(k));
        }
        for k in PosterKind::ALL {
            assert_eq!(k.slug().parse::<PosterKind>(), Ok(k));
        }
        for s in PostStatus::ALL {
            assert_eq!(s.slug().parse::<PostStatus>(), Ok(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.slug()));
        }
        assert!("Request".parse::<PostKind>().is_err());
    }
}

/// Days a post stays up when the poster does not choose.
pub const DEFAULT_LIFETIME_DAYS: u32 = 30;
/// Longest a post may stay up, in days.
pub const MAX_LIFETIME_DAYS: u32 = 90;

/// A post about to be created, every part valid. Its exact `location` stays on the server.
#[derive(Clone, Debug, PartialEq)]
pub struct NewPost {
    pub kind: PostKind,
    pub category: super::Category,
    pub poster_kind: PosterKind,
    pub title: Title,
    pub description: Description,
    pub location: super::LatLng,
    /// Between 1 and `MAX_LIFETIME_DAYS`.
    pub lifetime_days: u32,
}

/// A lifetime in days between 1 and `MAX_LIFETIME_DAYS`, or a French message.
pub fn parse_lifetime_days(days: u32) -> Result<u32, String> {
    if days == 0 {
        Err("Une annonce reste en ligne au moins un jour.".into())
    } else if days > MAX_LIFETIME_DAYS {
        Err(format!("Une annonce reste en ligne {MAX_LIFETIME_DAYS} jours au plus."))
    } else {
        Ok(days)
    }
}

#[cfg(test)]
mod lifetime_tests {
    use super::*;

    #[test]
    fn lifetime_bounds() {
        assert_eq!(parse_lifetime_days(DEFAULT_LIFETIME_DAYS), Ok(30));
        assert_eq!(parse_lifetime_days(90), Ok(90));
        assert!(parse_lifetime_days(0).is_err());
        assert!(parse_lifetime_days(91).unwrap_err().contains("90"));
    }
}
