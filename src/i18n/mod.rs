//! The interface's languages: French (the default) and English, from the Fluent catalogues
//! `fr.ftl` and `en.ftl` beside this file (translators edit those, not the code).
//!
//! - Which language: the `entraide_lang` cookie set by the switch in the header (`/langue/en`),
//!   else the browser's `Accept-Language` on a first visit, else French. The server decides
//!   (`server::locale`) and writes it into `<html lang>`; the browser reads it back there when
//!   it hydrates, so both render the same words.
//! - Easy-read mode ("Lecture facile", FALC): the `entraide_lecture=facile` cookie, set by its
//!   switch (`/lecture/facile`). Larger text (the `falc` class on `<html>`), pictograms, one
//!   question per screen to publish, and simpler words: `fr-facile.ftl` and `en-facile.ftl`
//!   override some messages of the main catalogues (the others stay as they are).
//! - Components call [`t`] (or [`t_args`]) with a message id; a missing id shows the id itself
//!   and a test fails (every id used in `src/` must exist in both catalogues).

mod msg;

pub use msg::{say_all, Arg, Msg};

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The cookie remembering the chosen language.
pub const LANG_COOKIE: &str = "entraide_lang";
/// The cookie remembering the easy-read mode (`facile`).
pub const READING_COOKIE: &str = "entraide_lecture";
/// The class on `<html>` in easy-read mode (larger text, pictograms).
pub const EASY_CLASS: &str = "falc";
/// The id of the shell's `<link>` naming the page's catalogue (`server::catalogues`).
pub const CATALOGUE_LINK: &str = "i18n";

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 code, as in `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language for a code ("fr", "en-GB", …), if it is one of ours.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a browser prefers among ours, from its `Accept-Language` header
    /// (`en-GB,en;q=0.9,fr;q=0.8`): the highest weight wins, the first listed on a tie;
    /// French when none of ours is listed.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::from_code) else { continue };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }

    /// The language's own name, for the switch ("Français", "English").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// The other language (the one the switch offers).
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The main catalogue: compiled into the server, fetched by the browser (`load_catalogue`),
    /// which only needs its page's language (#20 §1: both were a tenth of its bundle).
    #[cfg(not(feature = "hydrate"))]
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::Fr => include_str!("fr.ftl"),
            Lang::En => include_str!("en.ftl"),
        }
    }

    fn source(self) -> &'static str {
        #[cfg(not(feature = "hydrate"))]
        return self.catalogue();
        #[cfg(feature = "hydrate")]
        return LOADED.get().filter(|(lang, _)| *lang == self).map_or("", |(_, text)| text.as_str());
    }

    /// The easy-read overrides.
    fn easy_source(self) -> &'static str {
        match self {
            Lang::Fr => include_str!("fr-facile.ftl"),
            Lang::En => include_str!("en-facile.ftl"),
        }
    }
}

/// The catalogue the browser fetched for its page's language.
#[cfg(feature = "hydrate")]
static LOADED: OnceLock<(Lang, String)> = OnceLock::new();

/// Browser: fetches the catalogue the shell names (and preloaded) for `lang`; called once,
/// before hydrating, as every word of the page comes from it.
#[cfg(feature = "hydrate")]
pub async fn load_catalogue(lang: Lang) -> Result<(), String> {
    let address = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(CATALOGUE_LINK))
        .and_then(|link| link.get_attribute("href"))
        .ok_or("the page names no catalogue")?;
    let response = gloo_net::http::Request::get(&address).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("{address}: {}", response.status()));
    }
    let text = response.text().await.map_err(|e| e.to_string())?;
    LOADED.set((lang, text)).map_err(|_| "the catalogue was already loaded".to_owned())
}

/// The page's language and reading mode, provided as a context by the server's shell and by
/// `hydrate()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Locale {
    pub lang: Lang,
    /// Easy-read mode (FALC).
    pub easy: bool,
}

/// The current page's language and mode: from the context inside the app; outside it (a map
/// callback in the browser) from `<html>`; French, standard otherwise.
pub fn locale() -> Locale {
    use_context::<Locale>().or_else(document_locale).unwrap_or_default()
}

/// The current page's language.
pub fn lang() -> Lang {
    locale().lang
}

/// Whether the page is in easy-read mode.
pub fn easy() -> bool {
    locale().easy
}

/// The language and mode written on the page's `<html>` (browser only; `None` on the server).
pub fn document_locale() -> Option<Locale> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let html = web_sys::window()?.document()?.document_element()?;
    let lang = Lang::from_code(&html.get_attribute("lang")?)?;
    let easy = html.get_attribute("class").is_some_and(|c| c.split_whitespace().any(|c| c == EASY_CLASS));
    Some(Locale { lang, easy })
}

/// The message `id` in the page's language and mode.
pub fn t(id: &str) -> String {
    translate_for(locale(), id, &[])
}

/// The message `id` with its arguments (`{ $count }`, …) in the page's language and mode.
pub fn t_args(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    translate_for(locale(), id, args)
}

/// The message `id` in `lang` (for the server: e-mails, errors, outside a page).
pub fn translate(lang: Lang, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    translate_for(Locale { lang, easy: false }, id, args)
}

/// The message `id` for `locale`: in easy-read mode its easy wording when there is one.
pub fn translate_for(locale: Locale, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let all = bundles();
    let easy = &all[2 + locale.lang as usize];
    let standard = &all[locale.lang as usize];
    let found = |b: &'static FluentBundle<FluentResource>| b.get_message(id).and_then(|m| m.value()).map(|p| (b, p));
    let Some((bundle, pattern)) = locale.easy.then(|| found(easy)).flatten().or_else(|| found(standard)) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, (!args.is_empty()).then_some(&fluent_args), &mut errors);
    text.into_owned()
}

/// French, English, then their easy-read overrides.
fn bundles() -> &'static [FluentBundle<FluentResource>; 4] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 4]> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        [
            bundle(Lang::Fr, Lang::Fr.source()),
            bundle(Lang::En, Lang::En.source()),
            bundle(Lang::Fr, Lang::Fr.easy_source()),
            bundle(Lang::En, Lang::En.easy_source()),
        ]
    })
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No invisible Unicode isolation marks around arguments: the texts are plain French or
    // English, and tests and screen readers see exactly what is written.
    bundle.set_use_isolating(false);
    // A catalogue that does not parse is caught by the tests; what parses is still used.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// "il y a 3 h" / "3 h ago", in the page's language.
pub fn relative(now: i64, then: i64) -> String {
    relative_for(locale(), now, then)
}

/// A duration as people say it, in the page's language: "12 min", "3 h 05", "2 j 4 h".
pub fn duration(seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    if d > 0 {
        t_args("duration-days", &[("d", n(d as f64)), ("h", n(h as f64))])
    } else if h > 0 {
        t_args("duration-hours", &[("h", n(h as f64)), ("m", s(format!("{m:02}")))])
    } else {
        t_args("duration-minutes", &[("m", n(m as f64))])
    }
}

/// "12 novembre 2026 à 14 h 05" / "12 November 2026 at 14:05" (Paris time), in the page's language.
pub fn absolute(ts: i64) -> String {
    absolute_for(locale(), ts)
}

/// A relative date in `lang`.
pub fn relative_in(lang: Lang, now: i64, then: i64) -> String {
    relative_for(Locale { lang, easy: false }, now, then)
}

/// A relative date for `locale`.
pub fn relative_for(locale: Locale, now: i64, then: i64) -> String {
    use crate::domain::time::{ago, Ago};
    let (id, count) = match ago(now, then) {
        Ago::Now => ("time-now", 0),
        Ago::Minutes(k) => ("time-minutes-ago", k),
        Ago::Hours(k) => ("time-hours-ago", k),
        Ago::Yesterday => ("time-yesterday", 0),
        Ago::Days(k) => ("time-days-ago", k),
        Ago::Months(k) => ("time-months-ago", k),
        Ago::Years(k) => ("time-years-ago", k),
        Ago::Soon => ("time-soon", 0),
        Ago::InMinutes(k) => ("time-in-minutes", k),
        Ago::InHours(k) => ("time-in-hours", k),
        Ago::InDays(k) => ("time-in-days", k),
    };
    translate_for(locale, id, &[("n", n(count as f64))])
}

/// An absolute date (Paris time) in `lang`.
pub fn absolute_in(lang: Lang, ts: i64) -> String {
    absolute_for(Locale { lang, easy: false }, ts)
}

/// An absolute date (Paris time) for `locale`.
pub fn absolute_for(locale: Locale, ts: i64) -> String {
    let lang = locale.lang;
    let (year, month, day, hour, minute) = crate::domain::time::paris_civil(ts);
    let day = translate(lang, "date-day", &[("day", n(day))]);
    let month = translate(lang, &format!("date-month-{month}"), &[]);
    translate(
        lang,
        "date-absolute",
        &[
            ("day", s(day)),
            ("month", s(month)),
            ("year", s(year.to_string())),
            ("hour", s(hour.to_string())),
            ("minute", s(format!("{minute:02}"))),
        ],
    )
}

/// "13 novembre 2026" / "13 November 2026": a day (Paris time), in the page's language.
pub fn day(ts: i64) -> String {
    day_for(locale(), ts)
}

/// A day (Paris time) for `locale`, without the hour.
pub fn day_for(locale: Locale, ts: i64) -> String {
    let lang = locale.lang;
    let (year, month, day, _, _) = crate::domain::time::paris_civil(ts);
    let day = translate(lang, "date-day", &[("day", n(day))]);
    let month = translate(lang, &format!("date-month-{month}"), &[]);
    translate(lang, "date-only", &[("day", s(day)), ("month", s(month)), ("year", s(year.to_string()))])
}

/// "samedi 5 décembre" / "Saturday 5 December": day `day` (since 1970-01-01, Paris time) with
/// its weekday, for `locale`.
pub fn weekday_day_for(locale: Locale, day: i64) -> String {
    use crate::domain::schedule::weekday;
    let lang = locale.lang;
    let (_, month, d) = crate::domain::time::civil_from_days(day);
    translate(
        lang,
        "when-day",
        &[
            ("weekday", s(translate(lang, &format!("weekday-{}", weekday(day)), &[]))),
            ("day", s(translate(lang, "date-day", &[("day", n(d))]))),
            ("month", s(translate(lang, &format!("date-month-{month}"), &[]))),
        ],
    )
}

/// When a post happens, in words for `locale`: « samedi 5 décembre, de 14 h à 17 h »,
/// « chaque mardi et jeudi », « le 1er et 15 du mois, jusqu'au 31 mars ».
pub fn schedule_for(locale: Locale, sch: &crate::domain::schedule::Schedule) -> String {
    use crate::domain::schedule::Schedule;
    let lang = locale.lang;
    let time = |m: u16| {
        translate(lang, "when-time", &[("hour", n(m / 60)), ("minute", n(m % 60)), ("mm", s(format!("{:02}", m % 60)))])
    };
    let hours = sch
        .window()
        .map(|w| translate(lang, "when-hours", &[("from", s(time(w.from))), ("to", s(time(w.to)))]))
        .unwrap_or_default();
    let until = match *sch {
        Schedule::Once { .. } => String::new(),
        Schedule::Weekly { until, .. } | Schedule::Monthly { until, .. } => {
            until.map(|d| translate(lang, "when-until", &[("date", s(weekday_day_for(locale, d)))])).unwrap_or_default()
        }
    };
    let list = |words: Vec<String>| match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), translate(lang, "when-and", &[]))
        }
        _ => words.concat(),
    };
    let (id, days) = match *sch {
        Schedule::Once { day, .. } => ("when-once", weekday_day_for(locale, day)),
        Schedule::Weekly { .. } => {
            ("when-weekly", list(sch.days().iter().map(|d| translate(lang, &format!("weekday-{d}"), &[])).collect()))
        }
        Schedule::Monthly { .. } => {
            ("when-monthly", list(sch.days().iter().map(|d| translate(lang, "date-day", &[("day", n(*d))])).collect()))
        }
    };
    let key = if id == "when-once" { "day" } else { "days" };
    // A line of its own: « Chaque mardi », « Samedi 5 décembre ».
    let said = translate(lang, id, &[(key, s(days)), ("hours", s(hours)), ("until", s(until))]);
    let mut chars = said.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `schedule_for` in the page's language.
pub fn schedule(sch: &crate::domain::schedule::Schedule) -> String {
    schedule_for(locale(), sch)
}

/// The label of a category, a kind of post, a kind of poster, a status or a report reason, in
/// the page's language (the ids are `category-<slug>`, `kind-<slug>`, …).
pub fn label(prefix: &str, slug: &str) -> String {
    t(&format!("{prefix}-{slug}"))
}

/// A number argument.
pub fn n(value: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(value.into())
}

/// A text argument.
pub fn s(value: impl Into<String>) -> FluentValue<'static> {
    FluentValue::from(value.into())
}

#[cfg(test)]
mod tests;
