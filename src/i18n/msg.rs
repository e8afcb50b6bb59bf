//! A sentence the server or the domain has to say to someone (a validation error, a refusal, a
//! confirmation), carried as a catalogue id and its arguments, and put into words only where it
//! is shown: in the page's language, or in the recipient's for a notification or an e-mail.
//! The domain and the server never write a sentence themselves.

use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use super::{absolute_for, day_for, translate_for, Lang, Locale};

/// A message id with its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Msg {
    /// The id in the catalogues (`post-title-too-long`).
    pub id: String,
    pub args: Vec<(String, Arg)>,
}

/// One argument of a [`Msg`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Words typed by someone (a title, a name): shown as they are.
    Text(String),
    /// A count or a limit (Fluent chooses the plural form with it).
    Number(i64),
    /// The label of a vocabulary word, translated too: `Label("status", "published")` is the
    /// message `status-published`.
    Label(String, String),
    /// A moment, said as a date in the reader's language (Paris time).
    Date(i64),
    /// A day, said without the hour (« 13 novembre 2026 »), Paris time.
    Day(i64),
}

impl Msg {
    /// The message `id`, without arguments yet.
    pub fn new(id: &str) -> Msg {
        Msg { id: id.to_owned(), args: Vec::new() }
    }

    /// With the text argument `name`.
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Msg {
        self.args.push((name.to_owned(), Arg::Text(value.into())));
        self
    }

    /// With the number argument `name`.
    pub fn num(mut self, name: &str, value: impl Into<i64>) -> Msg {
        self.args.push((name.to_owned(), Arg::Number(value.into())));
        self
    }

    /// With the argument `name` being the label `prefix-slug`.
    pub fn label(mut self, name: &str, prefix: &str, slug: &str) -> Msg {
        self.args.push((name.to_owned(), Arg::Label(prefix.to_owned(), slug.to_owned())));
        self
    }

    /// With the argument `name` being the date of `ts`.
    pub fn date(mut self, name: &str, ts: i64) -> Msg {
        self.args.push((name.to_owned(), Arg::Date(ts)));
        self
    }

    /// With the argument `name` being the day of `ts`, without the hour.
    pub fn day(mut self, name: &str, ts: i64) -> Msg {
        self.args.push((name.to_owned(), Arg::Day(ts)));
        self
    }

    /// In the page's language and reading mode.
    pub fn say(&self) -> String {
        self.say_for(super::locale())
    }

    /// In `lang` (a notification or an e-mail, in its recipient's language).
    pub fn say_in(&self, lang: Lang) -> String {
        self.say_for(Locale { lang, easy: false })
    }

    /// For `locale`.
    pub fn say_for(&self, locale: Locale) -> String {
        let args: Vec<(&str, FluentValue<'static>)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(t) => FluentValue::from(t.clone()),
                    Arg::Number(n) => FluentValue::from(*n as f64),
                    Arg::Label(prefix, slug) => {
                        FluentValue::from(translate_for(locale, &format!("{prefix}-{slug}"), &[]))
                    }
                    Arg::Date(ts) => FluentValue::from(absolute_for(locale, *ts)),
                    Arg::Day(ts) => FluentValue::from(day_for(locale, *ts)),
                };
                (name.as_str(), value)
            })
            .collect();
        translate_for(locale, &self.id, &args)
    }
}

/// Sentences put together in `lang`, one after the other.
pub fn say_all(msgs: &[Msg], lang: Lang) -> String {
    msgs.iter().map(|m| m.say_in(lang)).collect::<Vec<_>>().join(" ")
}

/// In French (logs, the operator's command line).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say_in(Lang::Fr))
    }
}
