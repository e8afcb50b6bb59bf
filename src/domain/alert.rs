//! Alerts: "tell me about new posts near this place". The form a person fills in ("Mes
//! alertes"), how they want to be told, and the rule that says whether a post matches an alert.

use serde::{Deserialize, Serialize};

use super::{Category, LatLng, PostKind};
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// The radii offered, in km (the form's list; any whole number from 1 to 30 is valid).
pub const RADII_KM: [u32; 7] = [1, 2, 5, 10, 15, 20, 30];
/// The radius when none is chosen.
pub const DEFAULT_RADIUS_KM: u32 = 5;
/// The most alerts one person keeps.
pub const MAX_ALERTS: usize = 10;
/// Alerts pause themselves after this long without a log-in (six months).
pub const PAUSE_AFTER_SECS: i64 = 183 * 86_400;

/// Kilometres per degree of latitude (mean).
const KM_PER_DEG_LAT: f64 = 111.32;

/// The alert form as typed: the place (a commune or a postcode), or a position found by the
/// browser; the radius; one `cat-<slug>` box per category ticked; the kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertForm {
    pub place: String,
    /// A position from the browser ("Utiliser ma position"), as decimal text; both or neither.
    pub lat: String,
    pub lon: String,
    pub radius: String,
    pub categories: Vec<String>,
    pub kind: String,
}

/// Where an alert is centred.
#[derive(Clone, Debug, PartialEq)]
pub enum AlertPlace {
    /// A commune, by its INSEE code (centred on its town hall).
    Commune(String),
    /// A position (the server keeps it only at the privacy grid's precision).
    Position(LatLng),
}

/// A valid alert, before the place is located.
#[derive(Clone, Debug, PartialEq)]
pub struct NewAlert {
    pub place: AlertPlace,
    pub radius_km: u32,
    /// Empty: every category.
    pub categories: Vec<Category>,
    /// `None`: requests and offers.
    pub kind: Option<PostKind>,
}

impl AlertForm {
    /// Checks the form, naming each wrong field. `resolve` finds the commune of a typed place
    /// (the server's list of communes).
    pub fn parse(&self, resolve: impl Fn(&str) -> Result<String, Msg>) -> Result<NewAlert, FieldErrors> {
        let mut errors = FieldErrors::new();
        let position = match (self.lat.trim(), self.lon.trim()) {
            ("", "") => None,
            (lat, lon) => match (lat.parse::<f64>(), lon.parse::<f64>()) {
                (Ok(lat), Ok(lon)) => match LatLng::parse(lat, lon) {
                    // Whether it lies in a commune served is the server's to say.
                    Ok(p) => Some(p),
                    Err(m) => {
                        errors.push("place", m);
                        None
                    }
                },
                _ => {
                    errors.push("place", Msg::new("geo-not-a-number"));
                    None
                }
            },
        };
        let place = match position {
            Some(p) => Some(AlertPlace::Position(p)),
            None if errors.get("place").is_some() => None,
            None => match resolve(&self.place) {
                Ok(insee) => Some(AlertPlace::Commune(insee)),
                Err(m) => {
                    errors.push("place", m);
                    None
                }
            },
        };
        let radius_km = match self.radius.trim() {
            "" => DEFAULT_RADIUS_KM,
            r => match r.parse::<u32>() {
                Ok(r) if (1..=30).contains(&r) => r,
                _ => {
                    errors.push("radius", Msg::new("alert-radius-range").text("value", r));
                    DEFAULT_RADIUS_KM
                }
            },
        };
        let mut categories = Vec::new();
        for slug in &self.categories {
            match slug.parse::<Category>() {
                Ok(c) if !categories.contains(&c) => categories.push(c),
                Ok(_) => {}
                Err(_) => errors.push(
                    "categories",
                    Msg::new("filter-category-unknown")
                        .text("value", slug.as_str())
                        .text("known", Category::ALL.map(|c| c.slug()).join(", ")),
                ),
            }
        }
        categories.sort();
        if categories.len() == Category::ALL.len() {
            categories.clear();
        }
        let kind = match self.kind.trim() {
            "" | "all" => None,
            k => match k.parse::<PostKind>() {
                Ok(k) => Some(k),
                Err(_) => {
                    errors.push("kind", Msg::new("filter-kind-unknown").text("value", k));
                    None
                }
            },
        };
        match place {
            Some(place) => errors.into_result(NewAlert { place, radius_km, categories, kind }),
            None => Err(errors),
        }
    }
}

/// How a person wants their alerts by e-mail.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EmailMode {
    /// An e-mail for each new post, at once.
    #[default]
    Instant,
    /// One e-mail a day, at the person's hour, gathering the day's posts.
    Digest,
    /// In the app only.
    Off,
}

impl EmailMode {
    pub const ALL: [EmailMode; 3] = [EmailMode::Instant, EmailMode::Digest, EmailMode::Off];

    pub fn slug(self) -> &'static str {
        match self {
            EmailMode::Instant => "instant",
            EmailMode::Digest => "digest",
            EmailMode::Off => "off",
        }
    }
}
slug_parse_display!(EmailMode);

/// The settings form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertSettingsForm {
    pub email: String,
    pub hour: String,
}

/// Valid settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertSettings {
    pub email: EmailMode,
    /// The hour of the daily digest, Paris time (0–23).
    pub digest_hour: u8,
}

impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings { email: EmailMode::Instant, digest_hour: 18 }
    }
}

impl AlertSettingsForm {
    pub fn parse(&self) -> Result<AlertSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = self.email.trim().parse::<EmailMode>().unwrap_or_else(|_| {
            errors.push("email", Msg::new("alert-email-unknown"));
            EmailMode::Instant
        });
        let digest_hour = match self.hour.trim() {
            "" => 18,
            h => match h.split(':').next().unwrap_or(h).parse::<u8>() {
                Ok(h) if h < 24 => h,
                _ => {
                    errors.push("hour", Msg::new("alert-hour-range").text("value", h));
                    18
                }
            },
        };
        errors.into_result(AlertSettings { email, digest_hour })
    }
}

/// The box around a circle of `radius_km` at `centre`, in degrees (what the R*Tree keeps):
/// (south, north, west, east).
pub fn circle_box(centre: LatLng, radius_km: f64) -> (f64, f64, f64, f64) {
    let dlat = radius_km / KM_PER_DEG_LAT;
    let dlon = radius_km / (KM_PER_DEG_LAT * centre.lat.to_radians().cos().max(0.01));
    (centre.lat - dlat, centre.lat + dlat, centre.lon - dlon, centre.lon + dlon)
}

/// What an alert asks, as the matching rule reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct AlertRule {
    pub centre: LatLng,
    pub radius_km: f64,
    pub categories: Vec<Category>,
    pub kind: Option<PostKind>,
}

impl AlertRule {
    /// Whether a post of `category` and `kind` at public point `at` matches.
    pub fn matches(&self, at: LatLng, category: Category, kind: PostKind) -> bool {
        (self.categories.is_empty() || self.categories.contains(&category))
            && self.kind.is_none_or(|k| k == kind)
            && within_km(self.centre, at, self.radius_km)
    }
}

/// Kilometres per degree of longitude at the latitude of `at`.
pub fn km_per_deg_lon(at: LatLng) -> f64 {
    KM_PER_DEG_LAT * at.lat.to_radians().cos()
}

/// Whether `centre` is within `radius_km` of the post's point `at`, on the plane tangent at
/// `at` (under 30 km, within 0.1 % of the great-circle distance). The database's matching
/// computes exactly this (`server/db/alerts.rs`), with `km_per_deg_lon(at)` bound.
pub fn within_km(centre: LatLng, at: LatLng, radius_km: f64) -> bool {
    let dy = (centre.lat - at.lat) * KM_PER_DEG_LAT;
    let dx = (centre.lon - at.lon) * km_per_deg_lon(at);
    dy * dy + dx * dx <= radius_km * radius_km
}

/// The last digest time at or before `now`: today's `hour` in Paris, or yesterday's.
pub fn last_digest_time(now: i64, hour: u8) -> i64 {
    let (y, m, d, _, _) = super::time::paris_civil(now);
    let today = super::period::paris_midnight(y, m, d) + i64::from(hour) * 3600;
    if today <= now {
        today
    } else {
        let (y, m, d, _, _) = super::time::paris_civil(today - 86_400);
        super::period::paris_midnight(y, m, d) + i64::from(hour) * 3600
    }
}

/// Whether a digest last sent at `last` is due again at `now`.
pub fn digest_due(now: i64, last: i64, hour: u8) -> bool {
    last < last_digest_time(now, hour)
}

/// The categories as the database keeps them: `,a,b,` (so `instr(',a,')` finds one), or "".
pub fn categories_column(categories: &[Category]) -> String {
    if categories.is_empty() {
        String::new()
    } else {
        format!(",{},", categories.iter().map(|c| c.slug()).collect::<Vec<_>>().join(","))
    }
}

/// The categories read back from the column (unknown slugs are skipped).
pub fn categories_of_column(column: &str) -> Vec<Category> {
    column.split(',').filter_map(|s| s.parse().ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(typed: &str) -> Result<String, Msg> {
        match typed.trim() {
            "Mulhouse" | "68100" => Ok("68224".into()),
            _ => Err(Msg::new("commune-unknown").text("typed", typed)),
        }
    }

    fn form(place: &str, radius: &str, cats: &[&str], kind: &str) -> AlertForm {
        AlertForm {
            place: place.into(),
            radius: radius.into(),
            categories: cats.iter().map(|s| (*s).to_owned()).collect(),
            kind: kind.into(),
            ..AlertForm::default()
        }
    }

    #[test]
    fn a_commune_a_radius_and_categories() {
        let a = form("Mulhouse", "5", &["childcare", "groceries", "childcare"], "request").parse(resolve).unwrap();
        assert_eq!(a.place, AlertPlace::Commune("68224".into()));
        assert_eq!(a.radius_km, 5);
        assert_eq!(a.categories, vec![Category::Groceries, Category::Childcare]);
        assert_eq!(a.kind, Some(PostKind::Request));
        // Every category ticked is the same as none.
        let all: Vec<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
        assert!(form("68100", "", &all, "all").parse(resolve).unwrap().categories.is_empty());
    }

    #[test]
    fn a_position_wins_over_the_typed_place() {
        let f = AlertForm { lat: "47.75".into(), lon: "7.33".into(), ..form("", "2", &[], "") };
        assert_eq!(f.parse(resolve).unwrap().place, AlertPlace::Position(LatLng { lat: 47.75, lon: 7.33 }));
        // Whether a position lies in a commune served is the server's to say (several
        // territories: `server::tests::territories`).
        let far = AlertForm { lat: "48.85".into(), lon: "2.35".into(), ..form("", "2", &[], "") };
        assert_eq!(far.parse(resolve).unwrap().place, AlertPlace::Position(LatLng { lat: 48.85, lon: 2.35 }));
    }

    #[test]
    fn wrong_fields_are_named() {
        let e = form("Paris", "31", &["cooking"], "both").parse(resolve).unwrap_err();
        assert!(e.get("place").unwrap().to_string().contains("Paris"));
        assert!(e.get("radius").is_some());
        assert!(e.get("categories").unwrap().to_string().contains("cooking"));
        assert!(e.get("kind").is_some());
        assert!(form("Mulhouse", "0", &[], "").parse(resolve).unwrap_err().get("radius").is_some());
        assert!(form("Mulhouse", "2.5", &[], "").parse(resolve).unwrap_err().get("radius").is_some());
    }

    #[test]
    fn settings() {
        let s = AlertSettingsForm { email: "digest".into(), hour: "07:00".into() }.parse().unwrap();
        assert_eq!(s, AlertSettings { email: EmailMode::Digest, digest_hour: 7 });
        let e = AlertSettingsForm { email: "weekly".into(), hour: "25".into() }.parse().unwrap_err();
        assert!(e.get("email").is_some() && e.get("hour").is_some());
    }

    #[test]
    fn the_box_holds_the_circle_and_the_rule_refines() {
        let centre = LatLng { lat: 47.7508, lon: 7.3359 };
        let (s, n, w, e) = circle_box(centre, 5.0);
        let rule = AlertRule { centre, radius_km: 5.0, categories: vec![Category::Childcare], kind: None };
        // Points on the circle in eight directions are inside the box; the box's corner is not
        // in the circle.
        for i in 0..8 {
            let a = f64::from(i) * std::f64::consts::FRAC_PI_4;
            let p = LatLng {
                lat: centre.lat + 4.99 / KM_PER_DEG_LAT * a.sin(),
                lon: centre.lon + 4.99 / (KM_PER_DEG_LAT * centre.lat.to_radians().cos()) * a.cos(),
            };
            assert!(p.lat > s && p.lat < n && p.lon > w && p.lon < e);
            assert!(rule.matches(p, Category::Childcare, PostKind::Offer), "direction {i}");
        }
        let corner = LatLng { lat: n - 0.001, lon: e - 0.001 };
        assert!(!rule.matches(corner, Category::Childcare, PostKind::Request));
        assert!(!rule.matches(centre, Category::Groceries, PostKind::Request));
        let requests = AlertRule { kind: Some(PostKind::Request), categories: vec![], ..rule };
        assert!(requests.matches(centre, Category::Groceries, PostKind::Request));
        assert!(!requests.matches(centre, Category::Groceries, PostKind::Offer));
    }

    #[test]
    fn the_plane_distance_agrees_with_the_great_circle() {
        let at = LatLng { lat: 47.7508, lon: 7.3359 };
        for (dlat, dlon) in [(0.03, 0.0), (0.0, 0.05), (0.1, 0.1), (-0.2, 0.15)] {
            let c = LatLng { lat: at.lat + dlat, lon: at.lon + dlon };
            let km = c.distance_m(at) / 1000.0;
            assert!(within_km(c, at, km * 1.002), "{dlat},{dlon}");
            assert!(!within_km(c, at, km * 0.998), "{dlat},{dlon}");
        }
    }

    #[test]
    fn digests_come_once_a_day_at_the_hour() {
        // 2026-12-02 17:30 Paris (UTC+1) = 16:30 UTC.
        let now = crate::domain::period::paris_midnight(2026, 12, 2) + 17 * 3600 + 1800;
        let six_pm = crate::domain::period::paris_midnight(2026, 12, 2) + 18 * 3600;
        assert_eq!(last_digest_time(now, 18), six_pm - 86_400);
        assert_eq!(last_digest_time(six_pm, 18), six_pm);
        assert!(!digest_due(now, six_pm - 86_400 + 60, 18));
        assert!(digest_due(six_pm + 60, six_pm - 86_400 + 60, 18));
        assert!(!digest_due(six_pm + 120, six_pm + 60, 18));
        // Summer time: 18:00 in Paris is 16:00 UTC.
        let july = crate::domain::period::paris_midnight(2026, 7, 1) + 18 * 3600;
        assert_eq!(july % 86_400, 16 * 3600);
        assert_eq!(last_digest_time(july + 5, 18), july);
    }

    #[test]
    fn categories_column_round_trips() {
        let cats = vec![Category::Groceries, Category::Childcare];
        assert_eq!(categories_column(&cats), ",groceries,childcare,");
        assert_eq!(categories_of_column(&categories_column(&cats)), cats);
        assert_eq!(categories_column(&[]), "");
        assert!(categories_of_column("").is_empty());
    }
}
