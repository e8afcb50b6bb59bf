//! A period of days in Paris time, as staff choose it for figures and exports: two dates typed
//! as `YYYY-MM-DD` (what `<input type="date">` sends), both days included. Empty means the
//! start of the current month and today.

use serde::{Deserialize, Serialize};

use super::time::{days_from_civil, paris_civil, paris_offset};
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// The longest period, in days (ten years: every export a département may want).
pub const MAX_DAYS: i64 = 3660;

/// A period: `[from, to)` in UTC seconds, from Paris midnight of the first day to Paris
/// midnight after the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: i64,
    pub to: i64,
}

/// The UTC second of Paris midnight starting day `y-m-d`.
pub fn paris_midnight(y: i64, m: u32, d: u32) -> i64 {
    let local = days_from_civil(y, m, d) * 86_400;
    // The offset at that moment: try the winter one, then correct for summer time.
    let guess = local - 3600;
    local - paris_offset(guess)
}

/// A date typed as `YYYY-MM-DD` (a real calendar day).
pub fn parse_date(raw: &str) -> Option<(i64, u32, u32)> {
    let mut parts = raw.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(2000..=2200).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let next_month = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) };
    let days_in_month = next_month - days_from_civil(y, m, 1);
    (i64::from(d) <= days_in_month).then_some((y, m, d))
}

/// A day as `YYYY-MM-DD` in Paris time.
pub fn format_date(ts: i64) -> String {
    let (y, m, d, _, _) = paris_civil(ts);
    format!("{y:04}-{m:02}-{d:02}")
}

impl Period {
    /// Parses the two dates (fields `from` and `to`); an empty one takes its default at `now`.
    pub fn parse(from: &str, to: &str, now: i64) -> Result<Period, FieldErrors> {
        let mut errors = FieldErrors::new();
        let (y, m, d, _, _) = paris_civil(now);
        let start = if from.trim().is_empty() {
            Some((y, m, 1))
        } else {
            parse_date(from).or_else(|| {
                errors.push("from", Msg::new("period-date-invalid"));
                None
            })
        };
        let end = if to.trim().is_empty() {
            Some((y, m, d))
        } else {
            parse_date(to).or_else(|| {
                errors.push("to", Msg::new("period-date-invalid"));
                None
            })
        };
        let (Some(start), Some(end)) = (start, end) else { return Err(errors) };
        let from = paris_midnight(start.0, start.1, start.2);
        let last = days_from_civil(end.0, end.1, end.2) + 1;
        let (ly, lm, ld) = super::time::civil_from_days(last);
        let to = paris_midnight(ly, lm, ld);
        if to <= from {
            errors.push("to", Msg::new("period-order"));
        } else if (to - from) / 86_400 > MAX_DAYS {
            errors.push("to", Msg::new("period-too-long").num("max", MAX_DAYS / 366));
        }
        if errors.is_empty() {
            Ok(Period { from, to })
        } else {
            Err(errors)
        }
    }

    /// The first and last days, as `YYYY-MM-DD` (Paris time).
    pub fn days(&self) -> (String, String) {
        (format_date(self.from), format_date(self.to - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-12-02 18:00 UTC.
    const NOW: i64 = 1_796_234_400;

    #[test]
    fn midnights_follow_paris_time_in_winter_and_summer() {
        // 2026-01-15 00:00 Paris = 2026-01-14 23:00 UTC; 2026-07-15 00:00 Paris = 22:00 UTC.
        assert_eq!(super::super::time::rfc3339(paris_midnight(2026, 1, 15)), "2026-01-14T23:00:00Z");
        assert_eq!(super::super::time::rfc3339(paris_midnight(2026, 7, 15)), "2026-07-14T22:00:00Z");
    }

    #[test]
    fn a_period_includes_both_days_and_defaults_to_this_month() {
        let p = Period::parse("2026-03-01", "2026-03-31", NOW).expect("valid");
        assert_eq!(p.days(), ("2026-03-01".to_owned(), "2026-03-31".to_owned()));
        // March 2026 has its change to summer time: 31 days less one hour.
        assert_eq!(p.to - p.from, 31 * 86_400 - 3600);
        let d = Period::parse("", "", NOW).expect("default");
        assert_eq!(d.days(), ("2026-12-01".to_owned(), "2026-12-02".to_owned()));
        assert!(d.from <= NOW && NOW < d.to);
    }

    #[test]
    fn bad_dates_are_named() {
        let e = Period::parse("2026-02-30", "demain", NOW).expect_err("invalid");
        assert!(e.get("from").is_some() && e.get("to").is_some());
        let e = Period::parse("2026-05-02", "2026-05-01", NOW).expect_err("reversed");
        assert_eq!(e.get("to").map(|m| m.id.as_str()), Some("period-order"));
        assert!(Period::parse("2001-01-01", "2026-01-01", NOW).is_err(), "too long");
        assert!(parse_date("2028-02-29").is_some() && parse_date("2026-02-29").is_none());
        assert!(parse_date("2026-1-5").is_some() && parse_date("2026-13-01").is_none());
    }
}
