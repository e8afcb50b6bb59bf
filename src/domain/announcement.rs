//! Announcements: a short dated banner on the home page, written by admins. One line of plain
//! text (escaped where shown), shown from the first day to the last, both included.

use serde::{Deserialize, Serialize};

use super::period::Period;
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// The longest announcement, in characters.
pub const MESSAGE_MAX: usize = 300;

/// The announcement form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnouncementForm {
    pub message: String,
    pub from: String,
    pub to: String,
}

/// A valid announcement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAnnouncement {
    pub message: String,
    pub period: Period,
}

impl AnnouncementForm {
    /// Parses every field; both dates are required (`YYYY-MM-DD`).
    pub fn parse(&self, now: i64) -> Result<NewAnnouncement, FieldErrors> {
        let mut errors = FieldErrors::new();
        let message: String =
            self.message.split_whitespace().collect::<Vec<_>>().join(" ").chars().filter(|c| !c.is_control()).collect();
        let n = message.chars().count();
        if n == 0 {
            errors.push("message", Msg::new("announcement-empty"));
        } else if n > MESSAGE_MAX {
            errors.push("message", Msg::new("announcement-too-long").num("max", MESSAGE_MAX as i64));
        }
        for (field, value) in [("from", &self.from), ("to", &self.to)] {
            if value.trim().is_empty() {
                errors.push(field, Msg::new("announcement-date-missing"));
            }
        }
        let period = if errors.get("from").is_none() && errors.get("to").is_none() {
            Period::parse(&self.from, &self.to, now).map_err(|e| errors.0.extend(e.0)).ok()
        } else {
            None
        };
        match period {
            Some(period) if errors.is_empty() => Ok(NewAnnouncement { message, period }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_796_234_400;

    #[test]
    fn an_announcement_is_one_line_with_both_dates() {
        let f = AnnouncementForm {
            message: "  Canicule :\\n pensez à vos voisins âgés.  ".replace("\\n", "\n"),
            from: "2026-12-02".into(),
            to: "2026-12-05".into(),
        };
        let a = f.parse(NOW).expect("valid");
        assert_eq!(a.message, "Canicule : pensez à vos voisins âgés.");
        assert_eq!(a.period.days(), ("2026-12-02".to_owned(), "2026-12-05".to_owned()));
        let e = AnnouncementForm { message: "x".repeat(301), ..Default::default() }.parse(NOW).expect_err("invalid");
        for field in ["message", "from", "to"] {
            assert!(e.get(field).is_some(), "{field}");
        }
        let e = AnnouncementForm { to: "2026-12-01".into(), ..f }.parse(NOW).expect_err("backwards");
        assert!(e.get("to").is_some());
    }
}
