//! The figures of « Pilotage »: what staff ask (a period, a commune, a category), and the
//! figures computed from the facts the database holds about each post (`PostFacts`) and each
//! moderation decision. Pure: the server reads the facts, this module counts, and the test
//! counts again on its own.
//!
//! Definitions (the README repeats them):
//! - a post is *published* at its first approval (or redaction) by a moderator, or at its
//!   creation when it never waited (filed by phone, published by staff);
//! - it is *answered* when someone first wrote to its author (a conversation), *helped* when
//!   its author (or staff for the person) confirmed it done;
//! - a count about a commune under 5 is shown as "< 5", so that no one is identified by a figure.

use serde::{Deserialize, Serialize};

use super::category::Category;
use super::commune::{resolve, CommuneRef};
use super::local_path::encode_query_value;
use super::period::{format_date, paris_midnight, Period};
use super::post::{PostKind, PosterKind};
use super::time::{civil_from_days, days_from_civil, paris_civil};
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// The smallest count about a commune that is shown as it is.
pub const SMALLEST_SHOWN: i64 = 5;
/// Weeks drawn one bar each; a longer period is drawn by month.
pub const MAX_WEEK_BARS: usize = 26;

/// The selection as typed (a plain GET form: the address can be kept and shared by staff).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsForm {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub commune: String,
    #[serde(default)]
    pub category: String,
}

/// A valid selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub period: Period,
    /// INSEE code of the commune, if one was named.
    pub commune: Option<String>,
    pub category: Option<Category>,
}

impl StatsForm {
    /// Parses every field at `now` (an empty period is this month), each error keyed by its field.
    pub fn parse(&self, communes: &[CommuneRef], now: i64) -> Result<Selection, FieldErrors> {
        parse_selection(&self.from, &self.to, &self.commune, &self.category, communes, now)
    }

    /// The query string of this selection (for links and the JSON address).
    pub fn query(&self) -> String {
        [("from", &self.from), ("to", &self.to), ("commune", &self.commune), ("category", &self.category)]
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", encode_query_value(v.trim())))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Period, commune and category as staff type them for figures and exports.
pub fn parse_selection(
    from: &str,
    to: &str,
    commune: &str,
    category: &str,
    communes: &[CommuneRef],
    now: i64,
) -> Result<Selection, FieldErrors> {
    let mut errors = FieldErrors::new();
    let period = Period::parse(from, to, now).map_err(|e| errors.0.extend(e.0)).ok();
    let commune = if commune.trim().is_empty() {
        None
    } else {
        resolve(commune, communes).map_err(|m| errors.push("commune", m)).ok()
    };
    let category = match category.trim() {
        "" | "all" => None,
        slug => slug.parse::<Category>().map_err(|_| errors.push("category", Msg::new("category-missing"))).ok(),
    };
    match period {
        Some(period) if errors.is_empty() => Ok(Selection { period, commune, category }),
        _ => Err(errors),
    }
}

/// The periods offered in one click: this week (from Monday), this month, this year, each up
/// to today, as `(name, first day, last day)`.
pub fn presets(now: i64) -> [(&'static str, String, String); 3] {
    let (y, m, d, _, _) = paris_civil(now);
    let today = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday: Monday is day 0 of `(days + 3) % 7`.
    let monday = today - (today + 3).rem_euclid(7);
    let day = |days: i64| {
        let (y, m, d) = civil_from_days(days);
        format!("{y:04}-{m:02}-{d:02}")
    };
    let last = day(today);
    [
        ("week", day(monday), last.clone()),
        ("month", format!("{y:04}-{m:02}-01"), last.clone()),
        ("year", format!("{y:04}-01-01"), last),
    ]
}

/// What the database says of one post published in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct PostFacts {
    pub kind: PostKind,
    pub category: Category,
    pub poster_kind: PosterKind,
    pub commune_insee: String,
    pub commune_name: String,
    pub published_at: i64,
    /// When someone first wrote to its author.
    pub first_answer_at: Option<i64>,
    /// When a helper was first accepted.
    pub accepted_at: Option<i64>,
    /// When it was confirmed done.
    pub fulfilled_at: Option<i64>,
}

/// One moderation decision taken in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// `approve`, `reject` or `redact`.
    pub action: String,
    pub reason: Option<String>,
    /// From the post's creation to this decision, when it was the post's first.
    pub wait: Option<i64>,
}

/// Everything read from the database for one selection.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub posts: Vec<PostFacts>,
    pub decisions: Vec<Decision>,
    /// Posts waiting for moderation now.
    pub waiting_now: i64,
    /// Requests whose time ran out in the period with nobody answering, by commune INSEE code.
    pub expired_unanswered: Vec<String>,
    /// Distinct people who wrote as helpers in the period.
    pub active_volunteers: i64,
}

/// A count, or "fewer than 5" where it is about a commune.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Shown {
    Exact(i64),
    /// Between 1 and 4: `"<5"` in the JSON.
    #[serde(with = "few")]
    Few,
}

mod few {
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str("<5")
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        let s = String::deserialize(d)?;
        if s == "<5" {
            Ok(())
        } else {
            Err(serde::de::Error::custom("expected \"<5\""))
        }
    }
}

impl Shown {
    /// `n`, hidden as "< 5" when `protect` and 1 to 4.
    pub fn of(n: i64, protect: bool) -> Shown {
        if protect && (1..SMALLEST_SHOWN).contains(&n) {
            Shown::Few
        } else {
            Shown::Exact(n)
        }
    }

    /// The number, or `None` when hidden.
    pub fn exact(self) -> Option<i64> {
        match self {
            Shown::Exact(n) => Some(n),
            Shown::Few => None,
        }
    }

    /// As written on the page: "12", "< 5".
    pub fn text(self) -> String {
        match self {
            Shown::Exact(n) => n.to_string(),
            Shown::Few => "< 5".into(),
        }
    }
}

/// Requests, offers and unanswered requests of one category, kind of poster or commune.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    /// The category's or poster kind's slug, or the commune's INSEE code.
    pub key: String,
    /// The commune's name (empty for the others).
    pub name: String,
    pub requests: Shown,
    pub offers: Shown,
    pub unanswered: Shown,
}

/// One bar of the chart of posts over time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// Its first day, `YYYY-MM-DD`.
    pub start: String,
    pub requests: i64,
    pub offers: i64,
}

/// The time to the first answer of the requests of one category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryDelay {
    pub category: Category,
    /// Requests of the category answered (those the median is over).
    pub answered: i64,
    /// Median, in seconds.
    pub median: Option<i64>,
}

/// How many decisions of one kind, for one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionCount {
    pub action: String,
    pub reason: Option<String>,
    pub count: Shown,
}

/// The moderation's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationFigures {
    /// Posts waiting now (whatever the period).
    pub waiting_now: i64,
    /// From creation to the first decision, over the posts first decided in the period (seconds).
    pub median_wait: Option<i64>,
    pub p90_wait: Option<i64>,
    pub decisions: Vec<DecisionCount>,
}

/// The figures of a selection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// First and last day, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// The commune (its name) and category chosen, if any.
    pub commune: Option<String>,
    pub category: Option<Category>,
    /// When they were computed (UTC seconds).
    pub now: i64,
    pub requests: Shown,
    pub offers: Shown,
    /// Requests first answered within 24 hours and 72 hours of being published.
    pub answered_24h: Shown,
    pub answered_72h: Shown,
    /// Requests with no answer yet.
    pub unanswered: Shown,
    /// Median from publication to the first answer (requests), seconds.
    pub median_first_answer: Option<i64>,
    /// Median from the first acceptance to "done" (requests), seconds.
    pub median_to_help: Option<i64>,
    /// Requests confirmed done.
    pub fulfilled: Shown,
    /// `fulfilled / requests`, in percent, one decimal.
    pub fulfilment_rate: Option<f64>,
    /// Requests whose time ran out in the period with nobody answering.
    pub expired_unanswered: Shown,
    pub active_volunteers: Shown,
    pub moderation: ModerationFigures,
    pub by_category: Vec<Breakdown>,
    pub by_poster: Vec<Breakdown>,
    /// Communes with at least one post published, most requests first.
    pub by_commune: Vec<Breakdown>,
    /// One bar per week (or per month beyond `MAX_WEEK_BARS` weeks).
    pub buckets: Vec<Bucket>,
    /// `true` when `buckets` are months.
    pub by_month: bool,
    pub first_answer_by_category: Vec<CategoryDelay>,
}

/// The median of `values` (the lower middle for an even count), `None` when empty.
pub fn median(values: &mut [i64]) -> Option<i64> {
    percentile(values, 50)
}

/// The `p`-th percentile by nearest rank (the smallest value with at least `p` % of the values
/// at or below it), `None` when empty.
pub fn percentile(values: &mut [i64], p: u32) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let rank = (u64::from(p) * values.len() as u64).div_ceil(100).max(1) as usize;
    values.get(rank - 1).copied()
}

/// The first days of the bars covering `period`: Mondays (the first bar starts on the period's
/// first day), or firsts of the month beyond `MAX_WEEK_BARS` weeks. Returns the UTC starts.
pub fn bucket_starts(period: Period) -> (Vec<i64>, bool) {
    let (y, m, d, _, _) = paris_civil(period.from);
    let first = days_from_civil(y, m, d);
    let (ly, lm, ld, _, _) = paris_civil(period.to - 1);
    let last = days_from_civil(ly, lm, ld);
    let weeks = ((last - first) / 7 + 2) as usize;
    if weeks <= MAX_WEEK_BARS + 1 {
        let mut starts = vec![period.from];
        let mut monday = first - (first + 3).rem_euclid(7) + 7;
        while monday <= last {
            let (y, m, d) = civil_from_days(monday);
            starts.push(paris_midnight(y, m, d));
            monday += 7;
        }
        (starts, false)
    } else {
        let mut starts = vec![period.from];
        let (mut y, mut m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        while days_from_civil(y, m, 1) <= last {
            starts.push(paris_midnight(y, m, 1));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        (starts, true)
    }
}

/// Counts `facts` for `selection`; `names` gives a commune's name from its INSEE code.
pub fn compute(facts: &Facts, selection: &Selection, commune_name: Option<String>, now: i64) -> Figures {
    const DAY: i64 = 86_400;
    // Every figure about one commune is protected.
    let protect = selection.commune.is_some();
    let shown = |n: usize| Shown::of(n as i64, protect);
    let requests: Vec<&PostFacts> = facts.posts.iter().filter(|p| p.kind == PostKind::Request).collect();
    let offers = facts.posts.len() - requests.len();
    let first_answer = |p: &PostFacts| p.first_answer_at.map(|a| (a - p.published_at).max(0));
    let within = |limit: i64| requests.iter().filter(|p| first_answer(p).is_some_and(|s| s <= limit)).count();
    let mut delays: Vec<i64> = requests.iter().filter_map(|p| first_answer(p)).collect();
    let mut helped: Vec<i64> =
        requests.iter().filter_map(|p| Some((p.fulfilled_at? - p.accepted_at?).max(0))).collect();
    let fulfilled = requests.iter().filter(|p| p.fulfilled_at.is_some()).count();
    let unanswered = requests.iter().filter(|p| p.first_answer_at.is_none()).count();

    let mut waits: Vec<i64> = facts.decisions.iter().filter_map(|d| d.wait).collect();
    let mut decisions: Vec<DecisionCount> = Vec::new();
    let mut pairs: Vec<(&str, Option<&str>)> =
        facts.decisions.iter().map(|d| (d.action.as_str(), d.reason.as_deref())).collect();
    pairs.sort_unstable();
    for (action, reason) in pairs.iter().copied() {
        match decisions.last_mut() {
            Some(last) if last.action == action && last.reason.as_deref() == reason => {
                if let Shown::Exact(n) = &mut last.count {
                    *n += 1;
                }
            }
            _ => decisions.push(DecisionCount {
                action: action.to_owned(),
                reason: reason.map(str::to_owned),
                count: Shown::Exact(1),
            }),
        }
    }
    for d in &mut decisions {
        d.count = Shown::of(d.count.exact().unwrap_or(0), protect);
    }

    let breakdown = |key: String, name: String, of: &[&PostFacts], protect: bool| {
        let req = of.iter().filter(|p| p.kind == PostKind::Request);
        Breakdown {
            key,
            name,
            requests: Shown::of(req.clone().count() as i64, protect),
            offers: Shown::of(of.iter().filter(|p| p.kind == PostKind::Offer).count() as i64, protect),
            unanswered: Shown::of(req.filter(|p| p.first_answer_at.is_none()).count() as i64, protect),
        }
    };
    let all: Vec<&PostFacts> = facts.posts.iter().collect();
    let by_category = Category::ALL
        .iter()
        .map(|c| {
            let of: Vec<&PostFacts> = all.iter().copied().filter(|p| p.category == *c).collect();
            breakdown(c.slug().to_owned(), String::new(), &of, protect)
        })
        .collect();
    let by_poster = PosterKind::ALL
        .iter()
        .map(|k| {
            let of: Vec<&PostFacts> = all.iter().copied().filter(|p| p.poster_kind == *k).collect();
            breakdown(k.slug().to_owned(), String::new(), &of, protect)
        })
        .collect();
    let mut communes: Vec<(&str, &str)> =
        facts.posts.iter().map(|p| (p.commune_insee.as_str(), p.commune_name.as_str())).collect();
    communes.sort_unstable();
    communes.dedup();
    let mut by_commune: Vec<(usize, Breakdown)> = communes
        .into_iter()
        .map(|(insee, name)| {
            let of: Vec<&PostFacts> = all.iter().copied().filter(|p| p.commune_insee == insee).collect();
            let requests = of.iter().filter(|p| p.kind == PostKind::Request).count();
            (requests, breakdown(insee.to_owned(), name.to_owned(), &of, true))
        })
        .collect();
    by_commune.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));

    let (starts, by_month) = bucket_starts(selection.period);
    let buckets = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(selection.period.to);
            let inside = facts.posts.iter().filter(|p| (start..end).contains(&p.published_at));
            let requests = inside.clone().filter(|p| p.kind == PostKind::Request).count() as i64;
            Bucket { start: format_date(start), requests, offers: inside.count() as i64 - requests }
        })
        .collect();
    let first_answer_by_category = Category::ALL
        .iter()
        .map(|c| {
            let mut d: Vec<i64> =
                requests.iter().filter(|p| p.category == *c).filter_map(|p| first_answer(p)).collect();
            CategoryDelay { category: *c, answered: d.len() as i64, median: median(&mut d) }
        })
        .collect();
    let (from, to) = selection.period.days();
    Figures {
        from,
        to,
        commune: commune_name,
        category: selection.category,
        now,
        requests: shown(requests.len()),
        offers: shown(offers),
        answered_24h: shown(within(DAY)),
        answered_72h: shown(within(3 * DAY)),
        unanswered: shown(unanswered),
        median_first_answer: median(&mut delays),
        median_to_help: median(&mut helped),
        fulfilled: shown(fulfilled),
        fulfilment_rate: (!requests.is_empty())
            .then(|| (fulfilled as f64 * 1000.0 / requests.len() as f64).round() / 10.0),
        expired_unanswered: shown(facts.expired_unanswered.len()),
        active_volunteers: shown(facts.active_volunteers as usize),
        moderation: ModerationFigures {
            waiting_now: facts.waiting_now,
            median_wait: median(&mut waits.clone()),
            p90_wait: percentile(&mut waits, 90),
            decisions,
        },
        by_category,
        by_poster,
        by_commune: by_commune.into_iter().map(|(_, b)| b).collect(),
        buckets,
        by_month,
        first_answer_by_category,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-12-02 18:00 UTC, a Wednesday.
    const NOW: i64 = 1_796_234_400;
    const H: i64 = 3600;

    fn post(kind: PostKind, published_at: i64, answer_after: Option<i64>) -> PostFacts {
        PostFacts {
            kind,
            category: Category::Groceries,
            poster_kind: PosterKind::Individual,
            commune_insee: "68066".into(),
            commune_name: "Colmar".into(),
            published_at,
            first_answer_at: answer_after.map(|a| published_at + a),
            accepted_at: None,
            fulfilled_at: None,
        }
    }

    #[test]
    fn medians_and_percentiles_by_nearest_rank() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5));
        assert_eq!(median(&mut [9, 1, 5, 3]), Some(3));
        assert_eq!(median(&mut [9, 1, 5]), Some(5));
        let mut v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&mut v, 90), Some(9));
        assert_eq!(percentile(&mut v, 100), Some(10));
        assert_eq!(percentile(&mut [7], 90), Some(7));
    }

    #[test]
    fn small_counts_about_a_commune_are_hidden() {
        assert_eq!(Shown::of(0, true), Shown::Exact(0));
        assert_eq!(Shown::of(4, true), Shown::Few);
        assert_eq!(Shown::of(5, true), Shown::Exact(5));
        assert_eq!(Shown::of(3, false), Shown::Exact(3));
        assert_eq!(Shown::Few.text(), "< 5");
        assert_eq!(serde_json::to_string(&[Shown::Few, Shown::Exact(7)]).unwrap(), r#"["<5",7]"#);
        let back: Vec<Shown> = serde_json::from_str(r#"["<5",7]"#).unwrap();
        assert_eq!(back, [Shown::Few, Shown::Exact(7)]);
    }

    #[test]
    fn presets_start_on_monday_the_first_of_the_month_and_of_the_year() {
        let p = presets(NOW);
        assert_eq!(p[0], ("week", "2026-11-30".to_owned(), "2026-12-02".to_owned()));
        assert_eq!(p[1], ("month", "2026-12-01".to_owned(), "2026-12-02".to_owned()));
        assert_eq!(p[2], ("year", "2026-01-01".to_owned(), "2026-12-02".to_owned()));
    }

    #[test]
    fn buckets_are_weeks_then_months() {
        let november = Period::parse("2026-11-01", "2026-11-30", NOW).unwrap();
        let (starts, by_month) = bucket_starts(november);
        assert!(!by_month);
        let days: Vec<String> = starts.iter().map(|&s| format_date(s)).collect();
        // Sunday the 1st, then every Monday.
        assert_eq!(days, ["2026-11-01", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]);
        let year = Period::parse("2026-01-01", "2026-12-31", NOW).unwrap();
        let (starts, by_month) = bucket_starts(year);
        assert!(by_month);
        assert_eq!(starts.len(), 12);
        assert_eq!(format_date(starts[11]), "2026-12-01");
    }

    #[test]
    fn figures_count_requests_answers_and_delays() {
        let sel = Selection {
            period: Period::parse("2026-11-01", "2026-11-30", NOW).unwrap(),
            commune: None,
            category: None,
        };
        let t = sel.period.from + 10 * H;
        let mut helped = post(PostKind::Request, t, Some(2 * H));
        helped.accepted_at = Some(t + 5 * H);
        helped.fulfilled_at = Some(t + 29 * H);
        let facts = Facts {
            posts: vec![
                helped,
                post(PostKind::Request, t, Some(30 * H)),
                post(PostKind::Request, t, Some(100 * H)),
                post(PostKind::Request, t, None),
                post(PostKind::Offer, t, None),
            ],
            decisions: vec![
                Decision { action: "approve".into(), reason: None, wait: Some(H) },
                Decision { action: "reject".into(), reason: Some("commercial".into()), wait: Some(3 * H) },
                Decision { action: "approve".into(), reason: None, wait: None },
            ],
            waiting_now: 2,
            expired_unanswered: vec!["68066".into()],
            active_volunteers: 3,
        };
        let f = compute(&facts, &sel, None, NOW);
        assert_eq!((f.requests, f.offers), (Shown::Exact(4), Shown::Exact(1)));
        assert_eq!((f.answered_24h, f.answered_72h), (Shown::Exact(1), Shown::Exact(2)));
        assert_eq!(f.unanswered, Shown::Exact(1));
        assert_eq!(f.median_first_answer, Some(30 * H));
        assert_eq!(f.median_to_help, Some(24 * H));
        assert_eq!(f.fulfilled, Shown::Exact(1));
        assert_eq!(f.fulfilment_rate, Some(25.0));
        assert_eq!(f.moderation.median_wait, Some(H));
        assert_eq!(f.moderation.p90_wait, Some(3 * H));
        assert_eq!(f.moderation.decisions.len(), 2);
        assert_eq!(f.moderation.decisions[0].count, Shown::Exact(2));
        // One commune with 4 requests: hidden; the totals are not about a commune.
        assert_eq!(f.by_commune.len(), 1);
        assert_eq!(f.by_commune[0].requests, Shown::Few);
        assert_eq!(f.by_commune[0].offers, Shown::Few);
        let groceries = f.by_category.iter().find(|b| b.key == "groceries").unwrap();
        assert_eq!(groceries.requests, Shown::Exact(4));
        assert_eq!(f.buckets.iter().map(|b| b.requests).sum::<i64>(), 4);
        // Chosen commune: every count is about it.
        let one = Selection { commune: Some("68066".into()), ..sel };
        let f = compute(&facts, &one, Some("Colmar".into()), NOW);
        assert_eq!(f.requests, Shown::Few);
        assert_eq!(f.moderation.decisions[0].count, Shown::Few);
    }
}
