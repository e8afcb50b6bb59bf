//! Dates as people read them in France: "il y a 3 h", "12 novembre 2026 à 14 h 05" (Paris time);
//! the words come from the catalogues (`i18n`), the arithmetic is here.
//! Timestamps are UTC seconds since the Unix epoch, everywhere.

/// How long ago (or how soon) a moment is, in the units people use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ago {
    Now,
    Minutes(i64),
    Hours(i64),
    Yesterday,
    Days(i64),
    Months(i64),
    Years(i64),
    Soon,
    InMinutes(i64),
    InHours(i64),
    InDays(i64),
}

/// How far `then` is from `now` (both UTC seconds).
pub fn ago(now: i64, then: i64) -> Ago {
    let d = now - then;
    if d < 0 {
        let d = -d;
        return match d {
            0..=59 => Ago::Soon,
            60..=3599 => Ago::InMinutes(d / 60),
            3600..=86_399 => Ago::InHours(d / 3600),
            _ => Ago::InDays(d / 86_400),
        };
    }
    match d {
        0..=59 => Ago::Now,
        60..=3599 => Ago::Minutes(d / 60),
        3600..=86_399 => Ago::Hours(d / 3600),
        86_400..=172_799 => Ago::Yesterday,
        _ if d < 30 * 86_400 => Ago::Days(d / 86_400),
        _ if d < 365 * 86_400 => Ago::Months(d / (30 * 86_400)),
        _ => Ago::Years(d / (365 * 86_400)),
    }
}

/// A relative date in French ("il y a 3 h"), from `then` to `now` (both UTC seconds).
pub fn relative_fr(now: i64, then: i64) -> String {
    crate::i18n::relative_in(crate::i18n::Lang::Fr, now, then)
}

/// Civil date (year, month 1–12, day) of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Days since the epoch of a civil date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 } as i64;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// UTC second at which the last Sunday of `month` of `year` reaches 01:00 UTC (EU DST switch).
fn last_sunday_1utc(year: i64, month: u32) -> i64 {
    // March and October both have 31 days.
    let days = days_from_civil(year, month, 31);
    let weekday = (days + 4).rem_euclid(7); // 1970-01-01 was a Thursday (4); Sunday = 0
    (days - weekday) * 86_400 + 3600
}

/// Offset of Paris time from UTC at `ts`, in seconds (CET +1 h, CEST +2 h).
pub fn paris_offset(ts: i64) -> i64 {
    let (y, _, _) = civil_from_days(ts.div_euclid(86_400));
    if ts >= last_sunday_1utc(y, 3) && ts < last_sunday_1utc(y, 10) {
        7200
    } else {
        3600
    }
}

/// Paris local time of `ts`: (year, month 1–12, day, hour, minute).
pub fn paris_civil(ts: i64) -> (i64, u32, u32, i64, i64) {
    let local = ts + paris_offset(ts);
    let (y, m, d) = civil_from_days(local.div_euclid(86_400));
    let secs = local.rem_euclid(86_400);
    (y, m, d, secs / 3600, (secs % 3600) / 60)
}

/// An absolute date in Paris time, in French: "12 novembre 2026 à 14 h 05".
pub fn absolute_fr(ts: i64) -> String {
    crate::i18n::absolute_in(crate::i18n::Lang::Fr, ts)
}

/// The date as `YYYY-MM-DDTHH:MM:SSZ` (RFC 3339, UTC).
pub fn rfc3339(ts: i64) -> String {
    let (y, m, d) = civil_from_days(ts.div_euclid(86_400));
    let s = ts.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", s / 3600, (s % 3600) / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_000_000; // 2026-11-18T...

    #[test]
    fn relative() {
        assert_eq!(relative_fr(NOW, NOW - 10), "à l'instant");
        assert_eq!(relative_fr(NOW, NOW - 5 * 60), "il y a 5 min");
        assert_eq!(relative_fr(NOW, NOW - 3 * 3600 - 59), "il y a 3 h");
        assert_eq!(relative_fr(NOW, NOW - 30 * 3600), "hier");
        assert_eq!(relative_fr(NOW, NOW - 12 * 86_400), "il y a 12 jours");
        assert_eq!(relative_fr(NOW, NOW - 70 * 86_400), "il y a 2 mois");
        assert_eq!(relative_fr(NOW, NOW - 800 * 86_400), "il y a 2 ans");
        assert_eq!(relative_fr(NOW, NOW + 3 * 86_400), "dans 3 jours");
    }

    #[test]
    fn civil_round_trip() {
        for days in [-1000, 0, 1, 59, 60, 10_957, 20_000, 20_777] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
    }

    #[test]
    fn rfc3339_known_value() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn paris_summer_and_winter_time() {
        // 2026: DST from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let before = days_from_civil(2026, 3, 29) * 86_400 + 3599;
        assert_eq!(paris_offset(before), 3600);
        assert_eq!(paris_offset(before + 1), 7200);
        let end = days_from_civil(2026, 10, 25) * 86_400 + 3600;
        assert_eq!(paris_offset(end - 1), 7200);
        assert_eq!(paris_offset(end), 3600);
        assert_eq!(absolute_fr(1_700_000_000), "14 novembre 2023 à 23 h 13");
        assert_eq!(absolute_fr(days_from_civil(2026, 7, 1) * 86_400 + 10 * 3600), "1er juillet 2026 à 12 h 00");
    }
}
