//! The catalogues: both parse, hold the same ids, and hold every id the code asks for.

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;

use super::*;
use crate::domain::moderation::{DecisionReason, ModerationAction, ReportReason};
use crate::domain::notification::NotificationKind;
use crate::domain::post::{PostStatus, PosterKind};
use crate::domain::{Category, PostKind};

fn ids(lang: Lang) -> BTreeSet<String> {
    ids_of(lang.source(), lang.code())
}

fn ids_of(source: &str, name: &str) -> BTreeSet<String> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{name}.ftl does not parse: {errors:?}"),
    };
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn both_catalogues_parse_and_hold_the_same_ids() {
    let (fr, en) = (ids(Lang::Fr), ids(Lang::En));
    assert!(fr.len() > 100, "{}", fr.len());
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(only_fr.is_empty() && only_en.is_empty(), "only in fr: {only_fr:?}; only in en: {only_en:?}");
}

#[test]
fn the_easy_read_wordings_override_existing_messages() {
    for lang in Lang::ALL {
        let easy = ids_of(lang.easy_source(), &format!("{}-facile", lang.code()));
        assert!(easy.len() >= 20, "{}", easy.len());
        let all = ids(lang);
        let strays: Vec<_> = easy.difference(&all).collect();
        assert!(strays.is_empty(), "{}-facile.ftl has ids the main catalogue lacks: {strays:?}", lang.code());
    }
    let easy = Locale { lang: Lang::Fr, easy: true };
    let standard = Locale { lang: Lang::Fr, easy: false };
    let heading = |l| translate_for(l, "list-heading", &[("count", n(3.0))]);
    assert_eq!(heading(standard), "3 annonces dans cette zone");
    assert_eq!(heading(easy), "3 annonces ici");
    // A message without an easy wording is the usual one.
    assert_eq!(translate_for(easy, "nav-log-in", &[]), "Se connecter");
    assert_eq!(relative_in(Lang::En, 1_000_000, 1_000_000 - 7200), "2 h ago");
    assert_eq!(translate_for(Locale { lang: Lang::En, easy: true }, "time-hours-ago", &[("n", n(2.0))]), "2 hours ago");
}

/// Every `t("…")`, `t_args("…"`, `translate(…, "…"`, `Msg::new("…")` in `src/` names a message of
/// both catalogues.
#[test]
fn every_id_the_code_uses_exists() {
    let fr = ids(Lang::Fr);
    let mut used = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for id in ids_called(&text) {
                    used.insert((path.display().to_string(), id));
                }
            }
        }
    }
    assert!(used.len() > 50, "{}", used.len());
    let missing: Vec<_> = used.iter().filter(|(_, id)| !fr.contains(id)).collect();
    assert!(missing.is_empty(), "ids used but absent from the catalogues: {missing:?}");
}

/// The literal ids passed to `t(…)`, `t_args(…)` and `translate(…, …)` in `text`.
fn ids_called(text: &str) -> Vec<String> {
    let literal = |rest: &str| -> Option<String> {
        let rest = rest.strip_prefix('"')?;
        let id: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        (!id.is_empty() && rest[id.len()..].starts_with('"')).then_some(id)
    };
    let mut out = Vec::new();
    for call in ["t(", "t_args(", "translate(", "Msg::new("] {
        for (at, _) in text.match_indices(call) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == ':') {
                continue;
            }
            let rest = &text[at + call.len()..];
            let rest = if call == "translate(" {
                // The id is the second argument (the first is the language).
                match rest.split_once(',') {
                    Some((_, r)) => r.trim_start(),
                    None => continue,
                }
            } else {
                rest
            };
            out.extend(literal(rest));
        }
    }
    out
}

#[test]
fn the_scan_finds_calls_and_only_calls() {
    let ids = ids_called(
        "t(\"a-b\") get(\"x\") t_args(\"c\", &[]) translate(lang, \"d\", &[]) x.t(\"e\") t(&format!(\"f\")) Msg::new(\"g\")",
    );
    assert_eq!(ids, ["a-b", "c", "d", "g"]);
}

/// The ids built from the vocabulary's slugs (`category-<slug>`, …) all exist.
#[test]
fn every_label_of_the_vocabulary_is_translated() {
    let fr = ids(Lang::Fr);
    let mut wanted: Vec<String> = Vec::new();
    wanted.extend(Category::ALL.iter().map(|c| format!("category-{}", c.slug())));
    wanted.extend([PostKind::Request, PostKind::Offer].iter().map(|k| format!("kind-{}", k.slug())));
    wanted.extend(PosterKind::ALL.iter().map(|k| format!("poster-{}", k.slug())));
    wanted.extend(PostStatus::ALL.iter().map(|s| format!("status-{}", s.slug())));
    wanted.extend(ReportReason::ALL.iter().map(|r| format!("report-reason-{}", r.slug())));
    wanted.extend(DecisionReason::ALL.iter().map(|r| format!("decision-reason-{}", r.slug())));
    wanted.extend(ModerationAction::ALL.iter().map(|a| format!("action-{}", a.slug())));
    wanted.extend((1..=12).map(|m| format!("date-month-{m}")));
    let missing: Vec<_> = wanted.iter().filter(|id| !fr.contains(*id)).collect();
    assert!(missing.is_empty(), "{missing:?}");
    // The ids the server builds from the vocabulary: e-mail subjects, notifications.
    let mut built: Vec<String> = NotificationKind::ALL.iter().map(|k| format!("email-subject-{}", k.slug())).collect();
    for k in [NotificationKind::Rejected, NotificationKind::Unpublished] {
        built.push(format!("notify-{}-because", k.slug()));
    }
    for k in [
        NotificationKind::Published,
        NotificationKind::Redacted,
        NotificationKind::Rejected,
        NotificationKind::Unpublished,
    ] {
        built.push(format!("notify-{}", k.slug()));
    }
    built.extend([PostKind::Request, PostKind::Offer].iter().map(|k| format!("respond-{}", k.slug())));
    let missing: Vec<_> = built.iter().filter(|id| !fr.contains(*id)).collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn plurals_and_arguments() {
    let heading = |lang, count: i64| translate(lang, "list-heading", &[("count", n(count as f64))]);
    assert_eq!(heading(Lang::Fr, 0), "Aucune annonce dans cette zone");
    assert_eq!(heading(Lang::Fr, 1), "1 annonce dans cette zone");
    assert_eq!(heading(Lang::Fr, 214), "214 annonces dans cette zone");
    assert_eq!(heading(Lang::En, 0), "No posts in this area");
    assert_eq!(heading(Lang::En, 1), "1 post in this area");
    assert_eq!(heading(Lang::En, 3), "3 posts in this area");
    // An unknown id shows itself (and the test above fails).
    assert_eq!(translate(Lang::En, "no-such-id", &[]), "no-such-id");
}

#[test]
fn dates_in_both_languages() {
    const NOW: i64 = 1_795_000_000;
    assert_eq!(relative_in(Lang::Fr, NOW, NOW - 3 * 3600), "il y a 3 h");
    assert_eq!(relative_in(Lang::En, NOW, NOW - 3 * 3600), "3 h ago");
    assert_eq!(relative_in(Lang::En, NOW, NOW - 30 * 3600), "yesterday");
    assert_eq!(relative_in(Lang::En, NOW, NOW - 400 * 86_400), "1 year ago");
    assert_eq!(relative_in(Lang::Fr, NOW, NOW - 400 * 86_400), "il y a 1 an");
    assert_eq!(relative_in(Lang::En, NOW, NOW + 86_400), "in 1 day");
    assert_eq!(absolute_in(Lang::Fr, 1_700_000_000), "14 novembre 2023 à 23 h 13");
    assert_eq!(absolute_in(Lang::En, 1_700_000_000), "14 November 2023 at 23:13");
}

#[test]
fn accept_language_picks_the_preferred_of_ours() {
    assert_eq!(Lang::negotiate("en-GB,en;q=0.9,fr;q=0.8"), Lang::En);
    assert_eq!(Lang::negotiate("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7"), Lang::Fr);
    assert_eq!(Lang::negotiate("de-DE,de;q=0.9,en;q=0.5"), Lang::En);
    assert_eq!(Lang::negotiate("de-DE"), Lang::Fr);
    assert_eq!(Lang::negotiate(""), Lang::Fr);
    assert_eq!(Lang::negotiate("fr;q=0.2, en;q=0.9"), Lang::En);
    assert_eq!(Lang::negotiate("en;q=0, fr"), Lang::Fr);
    assert_eq!(Lang::negotiate("*"), Lang::Fr);
}

/// No sentence is written in the code people's words come from: the components (`src/ui/`),
/// the domain's checks, the server functions, the services and the form handlers say message
/// ids, and the catalogues hold the words. A literal that looks like words people read (a
/// capitalised word followed by another, or a French accent) fails, outside comments and tests.
/// (The demo data, the benchmarks and the operator's command line are not scanned.)
#[test]
fn the_code_holds_no_sentences() {
    let mut found = Vec::new();
    let roots = [
        "src/ui",
        "src/domain",
        "src/api",
        "src/server/services",
        "src/server/forms",
        "src/server/security.rs",
        "src/server/locale.rs",
        "src/error.rs",
        "src/app.rs",
    ];
    let mut stack: Vec<std::path::PathBuf> = roots.iter().map(std::path::PathBuf::from).collect();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().flatten().map(|e| e.path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                let line = line.trim_start();
                if line.starts_with("//") {
                    continue;
                }
                for literal in line.split('"').skip(1).step_by(2) {
                    if reads_as_words(literal) {
                        found.push(format!("{}:{}: {literal}", path.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "words written in the code instead of the catalogues:\n{}", found.join("\n"));
}

fn reads_as_words(s: &str) -> bool {
    let accented = s.chars().any(|c| "àâäéèêëîïôöûùüçœÀÂÉÈÊÎÔÛÇ".contains(c));
    let mut words = s.split_whitespace();
    let sentence = match (words.next(), words.next()) {
        (Some(a), Some(b)) => {
            a.chars().next().is_some_and(char::is_uppercase)
                && a.chars().skip(1).all(char::is_lowercase)
                && b.chars().all(|c| c.is_alphabetic() || c == '\'')
        }
        _ => false,
    };
    accented || sentence
}

#[test]
fn the_sentence_detector_tells_words_from_code() {
    assert!(reads_as_words("Voir l'annonce"));
    assert!(reads_as_words("Déposée"));
    assert!(reads_as_words("Tout marquer comme lu"));
    assert!(!reads_as_words("badge badge-request"));
    assert!(!reads_as_words("publish-commune-hint publish-commune-error"));
    assert!(!reads_as_words("Entraide"));
    assert!(!reads_as_words("(prefers-reduced-motion: reduce)"));
}
