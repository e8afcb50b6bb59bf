//! Vetted helpers (#18 §4): some requests (children, a person's home) are answered only by
//! volunteers whom staff met in person. A check is valid for a year and can be withdrawn. Which
//! categories need one is configuration (`VettedCategories`, `ENTRAIDE_VETTED_CATEGORIES`).

use serde::{Deserialize, Serialize};

use super::period::{format_date, paris_midnight, parse_date};
use super::{Category, PostKind};
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// How long a check stays valid, in days from the day of the meeting.
pub const VALID_DAYS: i64 = 365;
/// The longest note, association name and reason, in characters.
pub const NOTE_MAX: usize = 500;
pub const ASSOCIATION_MAX: usize = 120;
pub const CHECKER_MAX: usize = 120;

/// The categories whose requests only vetted helpers may answer. The default: childcare and
/// visits to a person's home.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VettedCategories(Vec<Category>);

impl Default for VettedCategories {
    fn default() -> Self {
        VettedCategories(vec![Category::Childcare, Category::HomeVisit])
    }
}

impl VettedCategories {
    /// The configuration's value: slugs separated by commas (`childcare,home-visit`); empty for
    /// none. An unknown slug is an error naming it and the known ones.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let mut out = Vec::new();
        for slug in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let c = slug.parse::<Category>().map_err(|_| {
                let known: Vec<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
                format!("unknown category \u{201c}{slug}\u{201d} (known: {})", known.join(", "))
            })?;
            if !out.contains(&c) {
                out.push(c);
            }
        }
        Ok(VettedCategories(out))
    }

    /// No category needs a vetted helper.
    pub fn none() -> Self {
        VettedCategories(Vec::new())
    }

    /// Whether answering a post of this kind and category takes a vetted helper: requests only
    /// (an offer is answered by the person who needs it).
    pub fn needed(&self, kind: PostKind, category: Category) -> bool {
        kind == PostKind::Request && self.0.contains(&category)
    }

    /// Whether publishing a post of this kind and category takes a vetted author: offers only
    /// (the person who offers to keep children or to visit homes is the helper).
    pub fn needed_to_offer(&self, kind: PostKind, category: Category) -> bool {
        kind == PostKind::Offer && self.0.contains(&category)
    }

    pub fn categories(&self) -> &[Category] {
        &self.0
    }
}

/// The form staff fill after meeting the volunteer, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckForm {
    /// "on" when the box « Pièce d'identité vue » is ticked.
    pub identity_seen: String,
    pub association: String,
    /// `YYYY-MM-DD`, the day of the meeting.
    pub checked_on: String,
    /// Who met the person.
    pub checked_by: String,
}

/// A valid check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub association: Option<String>,
    /// UTC second of Paris midnight of the meeting's day.
    pub checked_on: i64,
    pub checked_by: String,
    /// When it stops counting: the same day a year later.
    pub expires_at: i64,
}

fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ").chars().filter(|c| !c.is_control()).collect()
}

impl CheckForm {
    /// Every field at once: the identity seen (required), the day of the meeting (not in the
    /// future, not before the check would already have expired), who met the person, the
    /// association (optional).
    pub fn parse(&self, now: i64) -> Result<Check, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.identity_seen != "on" {
            errors.push("identity_seen", Msg::new("vetting-identity-required"));
        }
        let association = one_line(&self.association);
        if association.chars().count() > ASSOCIATION_MAX {
            errors.push(
                "association",
                super::too_long("vetting-association-too-long", association.chars().count(), ASSOCIATION_MAX),
            );
        }
        let checked_by = one_line(&self.checked_by);
        let n = checked_by.chars().count();
        if n < 2 {
            errors.push("checked_by", Msg::new("vetting-checker-missing"));
        } else if n > CHECKER_MAX {
            errors.push("checked_by", super::too_long("vetting-checker-too-long", n, CHECKER_MAX));
        }
        let today = parse_date(&format_date(now)).map(|(y, m, d)| paris_midnight(y, m, d)).unwrap_or(now);
        let checked_on = match parse_date(&self.checked_on) {
            None if self.checked_on.trim().is_empty() => {
                errors.push("checked_on", Msg::new("vetting-date-missing"));
                None
            }
            None => {
                errors.push("checked_on", Msg::new("vetting-date-invalid").text("value", self.checked_on.trim()));
                None
            }
            Some((y, m, d)) => {
                let day = paris_midnight(y, m, d);
                if day > today {
                    errors.push("checked_on", Msg::new("vetting-date-future"));
                    None
                } else if expiry(day) <= now {
                    errors.push("checked_on", Msg::new("vetting-date-too-old").num("days", VALID_DAYS));
                    None
                } else {
                    Some(day)
                }
            }
        };
        match checked_on {
            Some(checked_on) if errors.is_empty() => Ok(Check {
                association: (!association.is_empty()).then_some(association),
                checked_on,
                checked_by,
                expires_at: expiry(checked_on),
            }),
            _ => Err(errors),
        }
    }
}

/// The end of a check made on the day starting at `checked_on`: Paris midnight `VALID_DAYS`
/// days later (the same calendar day a year on, whatever the summer time).
pub fn expiry(checked_on: i64) -> i64 {
    let later = checked_on + VALID_DAYS * 86_400 + 43_200;
    parse_date(&format_date(later)).map(|(y, m, d)| paris_midnight(y, m, d)).unwrap_or(later)
}

/// A few words: the volunteer's note with the request, the reason of a withdrawal.
pub fn parse_note(raw: &str, field: &str, required: bool) -> Result<Option<String>, FieldErrors> {
    let note = raw.trim().chars().filter(|c| !c.is_control() || *c == '\n').collect::<String>();
    let n = note.chars().count();
    if n == 0 {
        return if required { Err(FieldErrors::single(field, Msg::new("vetting-reason-missing"))) } else { Ok(None) };
    }
    if n > NOTE_MAX {
        return Err(FieldErrors::single(field, super::too_long("vetting-note-too-long", n, NOTE_MAX)));
    }
    Ok(Some(note))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-03 10:00 Paris.
    const NOW: i64 = 1_796_288_400;

    fn form(on: &str) -> CheckForm {
        CheckForm {
            identity_seen: "on".into(),
            association: "  Secours   populaire ".into(),
            checked_on: on.into(),
            checked_by: "Mme Keller".into(),
        }
    }

    #[test]
    fn a_check_is_the_identity_seen_a_day_and_who_met_the_person() {
        let c = form("2026-12-01").parse(NOW).expect("valid");
        assert_eq!(c.association.as_deref(), Some("Secours populaire"));
        assert_eq!(format_date(c.checked_on), "2026-12-01");
        assert_eq!(format_date(c.expires_at), "2027-12-01");
        assert_eq!(format_date(c.expires_at - 1), "2027-11-30");
        let e = CheckForm::default().parse(NOW).expect_err("empty");
        for field in ["identity_seen", "checked_on", "checked_by"] {
            assert!(e.get(field).is_some(), "{field}");
        }
        assert!(e.get("association").is_none(), "optional");
    }

    #[test]
    fn the_day_is_neither_in_the_future_nor_older_than_a_year() {
        assert!(form("2026-12-03").parse(NOW).is_ok(), "today");
        assert!(form("2026-12-04").parse(NOW).expect_err("tomorrow").get("checked_on").is_some());
        assert!(form("2025-12-04").parse(NOW).is_ok(), "a year ago less a day");
        assert!(form("2025-12-03").parse(NOW).expect_err("a year ago").get("checked_on").is_some());
        assert!(form("2026-02-30").parse(NOW).expect_err("no such day").get("checked_on").is_some());
        assert!(form("03/12/2026").parse(NOW).expect_err("not a date").get("checked_on").is_some());
    }

    #[test]
    fn the_configuration_names_known_categories() {
        let v = VettedCategories::parse(" childcare , home-visit,childcare").expect("valid");
        assert_eq!(v.categories(), &[Category::Childcare, Category::HomeVisit]);
        assert!(v.needed(PostKind::Request, Category::Childcare));
        assert!(!v.needed(PostKind::Offer, Category::Childcare), "offers are answered by who needs them");
        assert!(!v.needed(PostKind::Request, Category::Groceries));
        assert_eq!(VettedCategories::parse("").expect("none").categories(), &[]);
        let e = VettedCategories::parse("childcare,babysitting").expect_err("unknown");
        assert!(e.contains("babysitting") && e.contains("home-visit"), "{e}");
        assert_eq!(VettedCategories::default(), VettedCategories::parse("childcare,home-visit").unwrap());
    }

    #[test]
    fn notes_are_optional_and_reasons_required() {
        assert_eq!(parse_note("  ", "note", false), Ok(None));
        assert!(parse_note(" ", "reason", true).expect_err("required").get("reason").is_some());
        assert!(parse_note(&"x".repeat(501), "note", false).is_err());
        assert_eq!(parse_note(" Le mardi\n", "note", false), Ok(Some("Le mardi".into())));
    }
}
