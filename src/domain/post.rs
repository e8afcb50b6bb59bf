//! Posts: requests and offers of help, who posts them, their life cycle, and the parsing of the
//! text a person types. Pure rules, shared by the server and the browser.

use super::too_long;
use crate::error::FieldErrors;
use crate::i18n::Msg;
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
    /// Parses what was typed, or says what is wrong.
    pub fn parse(raw: &str) -> Result<Title, Msg> {
        let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let n = t.chars().count();
        if n == 0 {
            Err(Msg::new("title-empty"))
        } else if n < 3 {
            Err(Msg::new("title-too-short").num("min", 3))
        } else if n > TITLE_MAX {
            Err(too_long("title-too-long", n, TITLE_MAX))
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
    /// Parses what was typed, or says what is wrong.
    pub fn parse(raw: &str) -> Result<Description, Msg> {
        let cleaned: String =
            raw.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect();
        let lines: Vec<&str> = cleaned.lines().map(str::trim_end).collect();
        let d = lines.join("\n").trim().to_owned();
        let n = d.chars().count();
        if n == 0 {
            Err(Msg::new("description-empty"))
        } else if n > DESCRIPTION_MAX {
            Err(too_long("description-too-long", n, DESCRIPTION_MAX))
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
        assert!(err.to_string().contains("121"), "{err}");
        assert!(Title::parse("   ").unwrap_err().to_string().contains("titre"));
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
    /// Between 1 and `MAX_LIFETIME_DAYS` (a post with a schedule follows its schedule).
    pub lifetime_days: u32,
    /// When it happens, if it says.
    pub schedule: Option<super::schedule::Schedule>,
}

/// A lifetime in days between 1 and `MAX_LIFETIME_DAYS`, or what is wrong.
pub fn parse_lifetime_days(days: u32) -> Result<u32, Msg> {
    if days == 0 {
        Err(Msg::new("lifetime-too-short"))
    } else if days > MAX_LIFETIME_DAYS {
        Err(Msg::new("lifetime-too-long").num("max", MAX_LIFETIME_DAYS))
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
        assert_eq!(parse_lifetime_days(91).unwrap_err(), Msg::new("lifetime-too-long").num("max", 90));
    }
}

/// Longest private note (building, stairwell, door code), in characters.
pub const PRIVATE_NOTE_MAX: usize = 500;

/// Where a new post is: a point chosen on the map, or a commune (its town hall).
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Point(super::LatLng),
    /// The INSEE code of a commune (its town hall stands for the place).
    Commune(String),
}

/// A post as written by its author, every field valid; the place is resolved by the server.
#[derive(Clone, Debug, PartialEq)]
pub struct PostDraft {
    pub kind: PostKind,
    pub category: super::Category,
    pub title: Title,
    pub description: Description,
    pub lifetime_days: u32,
    pub place: Place,
    pub private_note: Option<String>,
    /// When it happens, if it says (`schedule`).
    pub schedule: Option<super::schedule::Schedule>,
    /// Published for someone close, who agreed (« Je publie pour un proche »).
    pub for_relative: bool,
}

/// The "Publier une annonce" form as typed. It carries no status and no author: those are
/// decided by the server (no mass assignment).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostForm {
    pub kind: String,
    pub category: String,
    pub title: String,
    pub description: String,
    pub lifetime_days: String,
    /// The commune as typed or picked from the list: name, postcode, or "Name (postcode)".
    pub commune: String,
    /// A point chosen on the map (both empty when none).
    pub lat: String,
    pub lon: String,
    pub private_note: String,
    /// "Quand ?": a day, or days of each week or month (empty: no date).
    #[serde(default)]
    pub schedule: super::schedule::ScheduleForm,
    /// « Je publie pour un proche » ticked (`on`), and the box saying the person agreed.
    #[serde(default)]
    pub for_relative: String,
    #[serde(default)]
    pub relative_consent: String,
}

/// Whether a checkbox was ticked (`on`, as a browser sends it; any case).
pub fn checked(raw: &str) -> bool {
    ["on", "true", "1", "oui", "yes"].iter().any(|v| raw.trim().eq_ignore_ascii_case(v))
}

impl PostForm {
    /// Parses every field, each error keyed by its field, in French. The commune is looked up
    /// in `communes` (see `commune::resolve`); days are checked against `now` (none passed).
    pub fn parse(&self, communes: &[super::commune::CommuneRef], now: i64) -> Result<PostDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = self.kind.parse::<PostKind>().map_err(|_| errors.push("kind", Msg::new("post-kind-missing"))).ok();
        let category = self
            .category
            .parse::<super::Category>()
            .map_err(|_| errors.push("category", Msg::new("category-missing")))
            .ok();
        let title = Title::parse(&self.title).map_err(|m| errors.push("title", m)).ok();
        let description = Description::parse(&self.description).map_err(|m| errors.push("description", m)).ok();
        let lifetime_days = if self.lifetime_days.trim().is_empty() {
            Some(DEFAULT_LIFETIME_DAYS)
        } else {
            match self.lifetime_days.trim().parse::<u32>() {
                Ok(d) => parse_lifetime_days(d).map_err(|m| errors.push("lifetime_days", m)).ok(),
                Err(_) => {
                    errors.push("lifetime_days", Msg::new("lifetime-not-a-number"));
                    None
                }
            }
        };
        let place = match (self.lat.trim(), self.lon.trim(), self.commune.trim()) {
            (lat, lon, _) if !lat.is_empty() && !lon.is_empty() => match (lat.parse::<f64>(), lon.parse::<f64>()) {
                (Ok(lat), Ok(lon)) => {
                    super::LatLng::parse(lat, lon).map(Place::Point).map_err(|m| errors.push("location", m)).ok()
                }
                _ => {
                    errors.push("location", Msg::new("location-invalid-point"));
                    None
                }
            },
            (_, _, typed) if !typed.is_empty() => super::commune::resolve(typed, communes)
                .map(Place::Commune)
                .map_err(|m| errors.push("location", m))
                .ok(),
            _ => {
                errors.push("location", Msg::new("location-missing"));
                None
            }
        };
        let note = self.private_note.trim();
        let private_note = if note.chars().count() > PRIVATE_NOTE_MAX {
            errors.push("private_note", Msg::new("private-note-too-long").num("max", PRIVATE_NOTE_MAX as i64));
            None
        } else {
            (!note.is_empty()).then(|| note.to_owned())
        };
        let schedule = self.schedule.parse(now).map_err(|e| errors.extend(e)).ok().flatten();
        // For someone close: only with their agreement, said by the person publishing.
        let for_relative = checked(&self.for_relative);
        if for_relative && !checked(&self.relative_consent) {
            errors.push("relative_consent", Msg::new("relative-consent-missing"));
        }
        match (kind, category, title, description, lifetime_days, place) {
            (Some(kind), Some(category), Some(title), Some(description), Some(lifetime_days), Some(place))
                if errors.is_empty() =>
            {
                Ok(PostDraft {
                    kind,
                    category,
                    title,
                    description,
                    lifetime_days,
                    place,
                    private_note,
                    schedule,
                    for_relative,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Lower case without accents, for searching names as people type them ("selestat" finds
/// "Sélestat", "oe" finds "œ").
pub fn fold_for_search(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '-' | '\'' | '’' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod form_tests {
    use super::*;

    fn ok_form() -> PostForm {
        PostForm {
            kind: "request".into(),
            category: "groceries".into(),
            title: "Courses pour ma voisine".into(),
            description: "Une fois par semaine.".into(),
            lifetime_days: "".into(),
            commune: "colmar".into(),
            lat: "".into(),
            lon: "".into(),
            private_note: "  Bâtiment B, 2e étage  ".into(),
            ..Default::default()
        }
    }

    /// Thursday 3 December 2026, noon in Paris.
    const NOW: i64 = 1_796_295_600;

    fn communes() -> Vec<crate::domain::commune::CommuneRef> {
        vec![crate::domain::commune::CommuneRef {
            insee: "68066".into(),
            name: "Colmar".into(),
            postcodes: vec!["68000".into()],
        }]
    }

    #[test]
    fn a_post_for_someone_close_needs_their_agreement() {
        assert!(!ok_form().parse(&communes(), NOW).unwrap().for_relative);
        let asked = PostForm { for_relative: "on".into(), ..ok_form() };
        let e = asked.parse(&communes(), NOW).unwrap_err();
        assert_eq!(e.get("relative_consent"), Some(&Msg::new("relative-consent-missing")));
        let agreed = PostForm { relative_consent: " ON ".into(), ..asked };
        assert!(agreed.parse(&communes(), NOW).unwrap().for_relative);
        // The agreement alone says nothing: the post is the author's own.
        let alone = PostForm { relative_consent: "on".into(), ..ok_form() };
        assert!(!alone.parse(&communes(), NOW).unwrap().for_relative);
    }

    #[test]
    fn a_complete_form_parses() {
        let d = ok_form().parse(&communes(), NOW).unwrap();
        assert_eq!(d.lifetime_days, DEFAULT_LIFETIME_DAYS);
        assert_eq!(d.place, Place::Commune("68066".into()));
        assert_eq!(d.private_note.as_deref(), Some("Bâtiment B, 2e étage"));
        let with_pin = PostForm { lat: "47.75".into(), lon: "7.34".into(), ..ok_form() };
        assert_eq!(
            with_pin.parse(&communes(), NOW).unwrap().place,
            Place::Point(crate::domain::LatLng { lat: 47.75, lon: 7.34 })
        );
    }

    #[test]
    fn every_problem_is_named() {
        let e = PostForm::default().parse(&communes(), NOW).unwrap_err();
        for f in ["kind", "category", "title", "description", "location"] {
            assert!(e.get(f).is_some(), "{f}");
        }
        let e = PostForm { lifetime_days: "120".into(), lat: "abc".into(), lon: "7".into(), ..ok_form() }
            .parse(&communes(), NOW)
            .unwrap_err();
        assert!(e.get("lifetime_days").unwrap().to_string().contains("90"));
        assert!(e.get("location").is_some());
        let e = PostForm { private_note: "x".repeat(501), ..ok_form() }.parse(&communes(), NOW).unwrap_err();
        assert!(e.get("private_note").is_some());
        // An unknown commune is reported with the other problems.
        let e = PostForm { title: "".into(), commune: "Strasbourg".into(), ..ok_form() }
            .parse(&communes(), NOW)
            .unwrap_err();
        assert!(e.get("title").is_some() && e.get("location").unwrap().to_string().contains("Strasbourg"));
    }

    #[test]
    fn folding_for_search() {
        assert_eq!(fold_for_search("Sélestat"), "selestat");
        assert_eq!(fold_for_search("Kœtzingue"), "koetzingue");
        assert_eq!(fold_for_search("Saint-Louis"), "saint louis");
        assert_eq!(fold_for_search("Guebwiller"), fold_for_search("GUEBWILLER"));
    }
}
