//! When a need or an offer happens (#18 §5): one day, possibly within hours (« samedi 14 h –
//! 17 h »), or again and again — some days of each week (« chaque mardi matin ») or of each
//! month (« le 1er et le 15 du mois »), possibly until a last day. Days are counted in Paris
//! time, as days since 1970-01-01; hours are minutes since midnight.
//!
//! A dated post stays online until the evening of its day. A recurring one stays online a
//! month at a time: its author confirms it monthly (`RECURRING_DAYS`), until its last day.

use serde::{Deserialize, Serialize};

use super::period::{paris_midnight, parse_date};
use super::time::{civil_from_days, days_from_civil, paris_civil};
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// How long a recurring post stays online without its author confirming it, in days.
pub const RECURRING_DAYS: u32 = 30;
/// How far ahead a day may be chosen, in days (as far as a post may stay online).
pub const AHEAD_DAYS: i64 = super::post::MAX_LIFETIME_DAYS as i64;

/// Hours within a day: from `from` to `to`, minutes since midnight, `from < to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub from: u16,
    pub to: u16,
}

/// When a post happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Schedule {
    /// One day.
    Once { day: i64, window: Option<Window> },
    /// Some days of each week: bit 0 is Monday, bit 6 Sunday.
    Weekly { weekdays: u8, window: Option<Window>, until: Option<i64> },
    /// Some days of each month: bit 0 is the 1st, bit 30 the 31st (a month without that day
    /// skips it).
    Monthly { monthdays: u32, window: Option<Window>, until: Option<i64> },
}

/// The day (since 1970-01-01, Paris time) of the moment `ts`.
pub fn paris_day(ts: i64) -> i64 {
    let (y, m, d, _, _) = paris_civil(ts);
    days_from_civil(y, m, d)
}

/// The moment day `day` (Paris time) starts.
pub fn day_start(day: i64) -> i64 {
    let (y, m, d) = civil_from_days(day);
    paris_midnight(y, m, d)
}

/// The day of the week of `day`, from 1 (Monday) to 7 (Sunday).
pub fn weekday(day: i64) -> u32 {
    // 1970-01-01 was a Thursday.
    ((day + 3).rem_euclid(7) + 1) as u32
}

/// The day of the month of `day`, from 1 to 31.
pub fn monthday(day: i64) -> u32 {
    civil_from_days(day).2
}

impl Schedule {
    pub fn is_recurring(&self) -> bool {
        !matches!(self, Schedule::Once { .. })
    }

    pub fn window(&self) -> Option<Window> {
        match *self {
            Schedule::Once { window, .. } | Schedule::Weekly { window, .. } | Schedule::Monthly { window, .. } => {
                window
            }
        }
    }

    /// The last day it happens, if it has one.
    pub fn last_day(&self) -> Option<i64> {
        match *self {
            Schedule::Once { day, .. } => Some(day),
            Schedule::Weekly { until, .. } | Schedule::Monthly { until, .. } => until,
        }
    }

    /// Whether it happens on `day`.
    pub fn occurs_on(&self, day: i64) -> bool {
        if self.last_day().is_some_and(|last| day > last) {
            return false;
        }
        match *self {
            Schedule::Once { day: d, .. } => d == day,
            Schedule::Weekly { weekdays, .. } => weekdays & (1 << (weekday(day) - 1)) != 0,
            Schedule::Monthly { monthdays, .. } => monthdays & (1 << (monthday(day) - 1)) != 0,
        }
    }

    /// The first day from `from` on when it happens (looking two months ahead at most).
    pub fn next_from(&self, from: i64) -> Option<i64> {
        (from..from + 62).find(|d| self.occurs_on(*d))
    }

    /// When a post with this schedule, published or edited at `now`, stops being online:
    /// a day's evening; a month from now for a recurring one (its author confirms it), and never
    /// after its last day.
    pub fn expires_at(&self, now: i64) -> i64 {
        let month = now + i64::from(RECURRING_DAYS) * 86_400;
        match self.last_day() {
            Some(last) if !self.is_recurring() => day_start(last + 1),
            Some(last) => month.min(day_start(last + 1)),
            None => month,
        }
    }

    /// The ISO weekdays (1 = Monday) of a weekly schedule, or the days of the month of a monthly
    /// one, in order.
    pub fn days(&self) -> Vec<u32> {
        let (mask, count) = match *self {
            Schedule::Once { .. } => return Vec::new(),
            Schedule::Weekly { weekdays, .. } => (u32::from(weekdays), 7),
            Schedule::Monthly { monthdays, .. } => (monthdays, 31),
        };
        (0..count).filter(|b| mask & (1 << b) != 0).map(|b| b + 1).collect()
    }

    /// The columns it is stored in: kind, day, days (mask), from, to, until.
    pub fn to_columns(&self) -> Columns {
        let w = self.window();
        let (kind, day, days, until) = match *self {
            Schedule::Once { day, .. } => ("once", Some(day), None, None),
            Schedule::Weekly { weekdays, until, .. } => ("weekly", None, Some(i64::from(weekdays)), until),
            Schedule::Monthly { monthdays, until, .. } => ("monthly", None, Some(i64::from(monthdays)), until),
        };
        Columns {
            kind: Some(kind.to_owned()),
            day,
            days,
            from: w.map(|w| i64::from(w.from)),
            to: w.map(|w| i64::from(w.to)),
            until,
        }
    }
}

/// A schedule as stored in `posts.when_*` (all `None` without one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub kind: Option<String>,
    pub day: Option<i64>,
    pub days: Option<i64>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub until: Option<i64>,
}

impl Columns {
    /// The schedule these columns hold; `None` without one or when they make no sense.
    pub fn schedule(&self) -> Option<Schedule> {
        let window = match (self.from, self.to) {
            (Some(from), Some(to)) => Some(Window { from: u16::try_from(from).ok()?, to: u16::try_from(to).ok()? }),
            _ => None,
        };
        match self.kind.as_deref()? {
            "once" => Some(Schedule::Once { day: self.day?, window }),
            "weekly" => Some(Schedule::Weekly { weekdays: u8::try_from(self.days?).ok()?, window, until: self.until }),
            "monthly" => {
                Some(Schedule::Monthly { monthdays: u32::try_from(self.days?).ok()?, window, until: self.until })
            }
            _ => None,
        }
    }
}

/// The days a filter of the list asks for (`when=` in the address).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WhenFilter {
    Today,
    Tomorrow,
    /// From today to Sunday.
    Week,
}

impl WhenFilter {
    pub const ALL: [WhenFilter; 3] = [WhenFilter::Today, WhenFilter::Tomorrow, WhenFilter::Week];

    pub fn slug(self) -> &'static str {
        match self {
            WhenFilter::Today => "today",
            WhenFilter::Tomorrow => "tomorrow",
            WhenFilter::Week => "week",
        }
    }

    /// The days it covers at `now`, first and last included.
    pub fn days(self, now: i64) -> (i64, i64) {
        let today = paris_day(now);
        match self {
            WhenFilter::Today => (today, today),
            WhenFilter::Tomorrow => (today + 1, today + 1),
            WhenFilter::Week => (today, today + 7 - i64::from(weekday(today))),
        }
    }
}
slug_parse_display!(WhenFilter);

/// The "Quand ?" part of the post form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleForm {
    /// `""` or `none`, `once`, `weekly`, `monthly`.
    pub when: String,
    /// `YYYY-MM-DD` (one day).
    pub date: String,
    /// `HH:MM` (both or neither).
    pub from: String,
    pub to: String,
    /// The ISO weekdays ticked, comma-separated (`1,4`).
    pub weekdays: String,
    /// The days of the month as typed (`1, 15`).
    pub monthdays: String,
    /// `YYYY-MM-DD`, the last day of a recurrence (optional).
    pub until: String,
}

/// `HH:MM` as minutes since midnight.
fn parse_time(raw: &str) -> Option<u16> {
    let (h, m) = raw.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// `minutes` as `HH:MM` (what `<input type="time">` shows).
pub fn format_time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `day` as `YYYY-MM-DD` (what `<input type="date">` shows).
pub fn format_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn parse_day(raw: &str) -> Option<i64> {
    parse_date(raw).map(|(y, m, d)| days_from_civil(y, m, d))
}

/// The names of the form's fields: a choice, a day, two hours, a box per weekday
/// (`when_day_1` is Monday), the days of the month, a last day.
pub const FIELDS: [&str; 13] = [
    "when",
    "when_date",
    "when_from",
    "when_to",
    "when_day_1",
    "when_day_2",
    "when_day_3",
    "when_day_4",
    "when_day_5",
    "when_day_6",
    "when_day_7",
    "when_monthdays",
    "when_until",
];

impl ScheduleForm {
    /// The form from its fields as sent (`get` gives a field's value, empty when absent).
    pub fn from_fields(get: impl Fn(&str) -> String) -> ScheduleForm {
        let weekdays = (1..=7).filter(|d| !get(&format!("when_day_{d}")).is_empty()).map(|d| d.to_string());
        ScheduleForm {
            when: get("when"),
            date: get("when_date"),
            from: get("when_from"),
            to: get("when_to"),
            weekdays: weekdays.collect::<Vec<_>>().join(","),
            monthdays: get("when_monthdays"),
            until: get("when_until"),
        }
    }

    /// The fields showing this form (the opposite of `from_fields`).
    pub fn to_fields(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = [
            ("when", &self.when),
            ("when_date", &self.date),
            ("when_from", &self.from),
            ("when_to", &self.to),
            ("when_monthdays", &self.monthdays),
            ("when_until", &self.until),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.clone()))
        .collect();
        for d in self.weekdays.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            out.push((format!("when_day_{d}"), "on".to_owned()));
        }
        out
    }

    /// The form of `s` (an edited post's).
    pub fn of(s: Option<&Schedule>) -> ScheduleForm {
        let Some(s) = s else { return ScheduleForm::default() };
        let join = |v: Vec<u32>| {
            v.iter().map(u32::to_string).collect::<Vec<_>>().join(if matches!(s, Schedule::Monthly { .. }) {
                ", "
            } else {
                ","
            })
        };
        let (when, date, weekdays, monthdays) = match s {
            Schedule::Once { day, .. } => ("once", format_day(*day), String::new(), String::new()),
            Schedule::Weekly { .. } => ("weekly", String::new(), join(s.days()), String::new()),
            Schedule::Monthly { .. } => ("monthly", String::new(), String::new(), join(s.days())),
        };
        let w = s.window();
        ScheduleForm {
            when: when.to_owned(),
            date,
            from: w.map(|w| format_time(w.from)).unwrap_or_default(),
            to: w.map(|w| format_time(w.to)).unwrap_or_default(),
            weekdays,
            monthdays,
            until: s.last_day().filter(|_| s.is_recurring()).map(format_day).unwrap_or_default(),
        }
    }

    /// The schedule typed (`None`: no date), every error keyed by its field (`when_date`,
    /// `when_from`, `when_weekdays`, `when_monthdays`, `when_until`), at `now`.
    pub fn parse(&self, now: i64) -> Result<Option<Schedule>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let today = paris_day(now);
        let when = self.when.trim();
        if when.is_empty() || when == "none" {
            return Ok(None);
        }
        let window = match (self.from.trim(), self.to.trim()) {
            ("", "") => None,
            (from, to) => match (parse_time(from), parse_time(to)) {
                (Some(from), Some(to)) if from < to => Some(Window { from, to }),
                (Some(_), Some(_)) => {
                    errors.push("when_from", Msg::new("when-hours-order"));
                    None
                }
                _ => {
                    errors.push("when_from", Msg::new("when-hours-invalid"));
                    None
                }
            },
        };
        let until = match self.until.trim() {
            "" => None,
            raw => match parse_day(raw) {
                Some(d) if d < today => {
                    errors.push("when_until", Msg::new("when-until-past"));
                    None
                }
                Some(d) => Some(d),
                None => {
                    errors.push("when_until", Msg::new("when-date-invalid"));
                    None
                }
            },
        };
        let schedule = match when {
            "once" => match self.date.trim() {
                "" => {
                    errors.push("when_date", Msg::new("when-date-missing"));
                    None
                }
                raw => match parse_day(raw) {
                    Some(d) if d < today => {
                        errors.push("when_date", Msg::new("when-date-past"));
                        None
                    }
                    Some(d) if d > today + AHEAD_DAYS => {
                        errors.push("when_date", Msg::new("when-date-too-far").num("max", AHEAD_DAYS));
                        None
                    }
                    Some(day) => Some(Schedule::Once { day, window }),
                    None => {
                        errors.push("when_date", Msg::new("when-date-invalid"));
                        None
                    }
                },
            },
            "weekly" => {
                let mut weekdays = 0u8;
                for part in self.weekdays.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    // Boxes send 1 to 7; anything else is not a day (and said if no day is left).
                    if let Ok(d @ 1..=7) = part.parse::<u8>() {
                        weekdays |= 1 << (d - 1);
                    }
                }
                if weekdays == 0 {
                    errors.push("when_weekdays", Msg::new("when-weekdays-missing"));
                    None
                } else {
                    Some(Schedule::Weekly { weekdays, window, until })
                }
            }
            "monthly" => {
                let mut monthdays = 0u32;
                let mut bad = None;
                for part in self.monthdays.split([',', ' ', ';']).map(str::trim).filter(|p| !p.is_empty()) {
                    let digits = part.trim_end_matches(|c: char| c.is_alphabetic());
                    match digits.parse::<u32>() {
                        Ok(d @ 1..=31) => monthdays |= 1 << (d - 1),
                        _ => bad = bad.or(Some(part.to_owned())),
                    }
                }
                match bad {
                    Some(part) => {
                        errors.push("when_monthdays", Msg::new("when-monthdays-invalid").text("value", part));
                        None
                    }
                    None if monthdays == 0 => {
                        errors.push("when_monthdays", Msg::new("when-monthdays-missing"));
                        None
                    }
                    None => Some(Schedule::Monthly { monthdays, window, until }),
                }
            }
            other => {
                errors.push("when", Msg::new("when-unknown").text("value", other));
                None
            }
        };
        match schedule {
            Some(s) if errors.is_empty() => {
                if s.is_recurring() && s.next_from(today).is_none() {
                    errors.push("when_until", Msg::new("when-never"));
                    return Err(errors);
                }
                Ok(Some(s))
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Thursday 3 December 2026, 12:00 in Paris.
    const NOW: i64 = 1_796_295_600;

    fn form(when: &str) -> ScheduleForm {
        ScheduleForm { when: when.into(), ..Default::default() }
    }

    #[test]
    fn days_are_counted_in_paris_time() {
        assert_eq!(format_day(paris_day(NOW)), "2026-12-03");
        assert_eq!(weekday(paris_day(NOW)), 4, "a Thursday");
        // 23:30 UTC on 3 December is already the 4th in Paris.
        assert_eq!(format_day(paris_day(day_start(paris_day(NOW)) + 86_400 - 1)), "2026-12-03");
        assert_eq!(format_day(paris_day(1_796_340_600)), "2026-12-04");
        assert_eq!(day_start(paris_day(NOW)), 1_796_252_400, "Paris midnight is 23:00 UTC in winter");
        // Summer time: 1 July 2026 starts at 22:00 UTC the day before.
        let july = days_from_civil(2026, 7, 1);
        assert_eq!(day_start(july), july * 86_400 - 7200);
        assert_eq!(paris_day(day_start(july)), july);
    }

    #[test]
    fn a_day_with_hours() {
        let f = ScheduleForm { date: "2026-12-05".into(), from: "14:00".into(), to: "17:30".into(), ..form("once") };
        let s = f.parse(NOW).unwrap().unwrap();
        let sat = days_from_civil(2026, 12, 5);
        assert_eq!(s, Schedule::Once { day: sat, window: Some(Window { from: 840, to: 1050 }) });
        assert!(s.occurs_on(sat) && !s.occurs_on(sat - 1) && !s.occurs_on(sat + 7));
        assert_eq!(s.expires_at(NOW), day_start(sat + 1), "online until the evening of its day");
        assert_eq!(ScheduleForm::of(Some(&s)), f);
        assert_eq!(Columns { ..s.to_columns() }.schedule(), Some(s));
    }

    #[test]
    fn every_tuesday_and_thursday_until_a_last_day() {
        let f = ScheduleForm { weekdays: "2,4".into(), until: "2026-12-17".into(), ..form("weekly") };
        let s = f.parse(NOW).unwrap().unwrap();
        let today = paris_day(NOW);
        let on: Vec<_> = (today..today + 21).filter(|d| s.occurs_on(*d)).map(format_day).collect();
        assert_eq!(on, ["2026-12-03", "2026-12-08", "2026-12-10", "2026-12-15", "2026-12-17"]);
        assert_eq!(s.expires_at(NOW), day_start(days_from_civil(2026, 12, 18)), "the last day comes first");
        let open = Schedule::Weekly { weekdays: 0b10, window: None, until: None };
        assert_eq!(open.expires_at(NOW), NOW + 30 * 86_400, "a month at a time");
        assert_eq!(open.next_from(today), Some(today + 5), "the next Tuesday");
        assert_eq!(ScheduleForm::of(Some(&s)), f);
        assert_eq!(s.to_columns().schedule(), Some(s));
        // Through the form's fields and back: a box per weekday.
        let fields = f.to_fields();
        assert!(
            fields.contains(&("when_day_2".into(), "on".into()))
                && fields.contains(&("when_day_4".into(), "on".into()))
        );
        let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
        assert_eq!(ScheduleForm::from_fields(get), f);
    }

    #[test]
    fn the_first_and_the_fifteenth_of_the_month() {
        let f =
            ScheduleForm { monthdays: "1er, 15".into(), from: "09:00".into(), to: "12:00".into(), ..form("monthly") };
        let s = f.parse(NOW).unwrap().unwrap();
        assert_eq!(s.days(), [1, 15]);
        assert!(s.occurs_on(days_from_civil(2027, 1, 1)) && s.occurs_on(days_from_civil(2026, 12, 15)));
        assert!(!s.occurs_on(days_from_civil(2026, 12, 16)));
        let the_31st = Schedule::Monthly { monthdays: 1 << 30, window: None, until: None };
        assert!(!(days_from_civil(2027, 2, 1)..days_from_civil(2027, 3, 1)).any(|d| the_31st.occurs_on(d)));
        assert_eq!(s.to_columns().schedule(), Some(s));
    }

    #[test]
    fn what_is_wrong_is_named_by_its_field() {
        assert_eq!(form("").parse(NOW), Ok(None));
        assert_eq!(form("none").parse(NOW), Ok(None));
        let field = |f: ScheduleForm| f.parse(NOW).unwrap_err().0.iter().map(|e| e.field.clone()).collect::<Vec<_>>();
        assert_eq!(field(form("once")), ["when_date"]);
        assert_eq!(field(ScheduleForm { date: "2026-12-02".into(), ..form("once") }), ["when_date"], "past");
        assert_eq!(field(ScheduleForm { date: "2027-06-01".into(), ..form("once") }), ["when_date"], "too far");
        assert_eq!(field(ScheduleForm { date: "2026-02-30".into(), ..form("once") }), ["when_date"]);
        let hours =
            ScheduleForm { date: "2026-12-05".into(), from: "17:00".into(), to: "14:00".into(), ..form("once") };
        assert_eq!(field(hours), ["when_from"]);
        let half = ScheduleForm { date: "2026-12-05".into(), from: "17:00".into(), ..form("once") };
        assert_eq!(field(half), ["when_from"]);
        assert_eq!(field(ScheduleForm { weekdays: "8,0,x".into(), ..form("weekly") }), ["when_weekdays"]);
        assert_eq!(field(ScheduleForm { monthdays: "1, 32".into(), ..form("monthly") }), ["when_monthdays"]);
        assert_eq!(field(form("monthly")), ["when_monthdays"]);
        let gone = ScheduleForm { weekdays: "1".into(), until: "2026-12-01".into(), ..form("weekly") };
        assert_eq!(field(gone), ["when_until"]);
        // No Monday between today (Thursday) and Sunday: it would never happen.
        let never = ScheduleForm { weekdays: "1".into(), until: "2026-12-06".into(), ..form("weekly") };
        assert_eq!(field(never), ["when_until"]);
        assert_eq!(field(form("daily")), ["when"]);
        let msg = ScheduleForm { monthdays: "1, 40".into(), ..form("monthly") }.parse(NOW).unwrap_err();
        assert!(msg.get("when_monthdays").unwrap().to_string().contains("« 40 »"));
    }

    #[test]
    fn the_filters_cover_today_tomorrow_and_the_rest_of_the_week() {
        let today = paris_day(NOW);
        assert_eq!(WhenFilter::Today.days(NOW), (today, today));
        assert_eq!(WhenFilter::Tomorrow.days(NOW), (today + 1, today + 1));
        assert_eq!(WhenFilter::Week.days(NOW), (today, today + 3), "Thursday to Sunday");
        let sunday = NOW + 3 * 86_400;
        assert_eq!(WhenFilter::Week.days(sunday), (today + 3, today + 3));
        assert_eq!("week".parse::<WhenFilter>(), Ok(WhenFilter::Week));
    }
}
