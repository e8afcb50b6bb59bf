//! The vocabulary of moderation: decisions staff take on a post, their reasons, reports from
//! residents, and what an author is told. Parsing of the moderation forms.

use serde::{Deserialize, Serialize};

pub use crate::domain::notification::NotificationKind;
use crate::domain::post::{parse_text, Description, Title};
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// The longest message to an author, or report text, in characters.
pub const MESSAGE_MAX: usize = 1000;

/// Why staff refuse or unpublish a post (chosen from a list, so it reads the same for everyone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecisionReason {
    PersonalData,
    NotMutualAid,
    Commercial,
    Duplicate,
    Inappropriate,
    Other,
}

impl DecisionReason {
    pub const ALL: [DecisionReason; 6] = [
        DecisionReason::PersonalData,
        DecisionReason::NotMutualAid,
        DecisionReason::Commercial,
        DecisionReason::Duplicate,
        DecisionReason::Inappropriate,
        DecisionReason::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            DecisionReason::PersonalData => "personal-data",
            DecisionReason::NotMutualAid => "not-mutual-aid",
            DecisionReason::Commercial => "commercial",
            DecisionReason::Duplicate => "duplicate",
            DecisionReason::Inappropriate => "inappropriate",
            DecisionReason::Other => "other",
        }
    }
}
slug_parse_display!(DecisionReason);

/// Why a resident reports a public post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReportReason {
    Scam,
    Danger,
    PersonalData,
    Inappropriate,
    Commercial,
    NotMutualAid,
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 7] = [
        ReportReason::Scam,
        ReportReason::Danger,
        ReportReason::PersonalData,
        ReportReason::Inappropriate,
        ReportReason::Commercial,
        ReportReason::NotMutualAid,
        ReportReason::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ReportReason::Scam => "scam",
            ReportReason::Danger => "danger",
            ReportReason::PersonalData => "personal-data",
            ReportReason::Inappropriate => "inappropriate",
            ReportReason::Commercial => "commercial",
            ReportReason::NotMutualAid => "not-mutual-aid",
            ReportReason::Other => "other",
        }
    }
}
slug_parse_display!(ReportReason);

/// What a moderation event records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ModerationAction {
    Approve,
    Reject,
    /// Edited by staff, then published.
    Redact,
    /// Taken back from the public (to `pending`), after reports.
    Unpublish,
    DismissReports,
    /// Hidden by the system when it reached the report threshold.
    AutoHide,
    DisableAuthor,
}

impl ModerationAction {
    pub const ALL: [ModerationAction; 7] = [
        ModerationAction::Approve,
        ModerationAction::Reject,
        ModerationAction::Redact,
        ModerationAction::Unpublish,
        ModerationAction::DismissReports,
        ModerationAction::AutoHide,
        ModerationAction::DisableAuthor,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ModerationAction::Approve => "approve",
            ModerationAction::Reject => "reject",
            ModerationAction::Redact => "redact",
            ModerationAction::Unpublish => "unpublish",
            ModerationAction::DismissReports => "dismiss-reports",
            ModerationAction::AutoHide => "auto-hide",
            ModerationAction::DisableAuthor => "disable-author",
        }
    }
}
slug_parse_display!(ModerationAction);

/// An optional message: trimmed, control characters but line breaks removed, at most
/// `MESSAGE_MAX` characters; `None` when empty.
pub fn parse_message(raw: &str) -> Result<Option<String>, Msg> {
    let cleaned: String =
        raw.replace("\r\n", "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect::<String>();
    let m = cleaned.trim();
    let n = m.chars().count();
    if n > MESSAGE_MAX {
        return Err(super::too_long("message-too-long", n, MESSAGE_MAX));
    }
    Ok((!m.is_empty()).then(|| m.to_owned()))
}

/// A refusal or an unpublishing, as typed: a reason from the list and an optional message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionForm {
    pub reason: String,
    pub message: String,
}

/// A refusal or an unpublishing, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub reason: DecisionReason,
    pub message: Option<String>,
}

impl DecisionForm {
    pub fn parse(&self) -> Result<Decision, FieldErrors> {
        let mut e = FieldErrors::new();
        let reason = self
            .reason
            .parse::<DecisionReason>()
            .map_err(|_| e.push("reason", Msg::new("decision-reason-missing")))
            .ok();
        let message = parse_message(&self.message).map_err(|m| e.push("message", m)).ok();
        match (reason, message) {
            (Some(reason), Some(message)) if e.is_empty() => {
                if reason == DecisionReason::Other && message.is_none() {
                    return Err(FieldErrors::single("message", Msg::new("decision-other-needs-message")));
                }
                Ok(Decision { reason, message })
            }
            _ => Err(e),
        }
    }
}

/// A redaction: the text staff will publish instead of the author's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redaction {
    pub title: Title,
    pub description: Description,
    pub message: Option<String>,
}

/// Parses a redaction; it must change something (otherwise it is an approval).
pub fn parse_redaction(
    title: &str,
    description: &str,
    message: &str,
    before: (&str, &str),
) -> Result<Redaction, FieldErrors> {
    let (t, d) = parse_text(title, description)?;
    let message = parse_message(message).map_err(|m| FieldErrors::single("message", m))?;
    if t.as_str() == before.0 && d.as_str() == before.1 {
        return Err(FieldErrors::single("description", Msg::new("redaction-unchanged")));
    }
    Ok(Redaction { title: t, description: d, message })
}

/// A report, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportForm {
    pub reason: String,
    pub details: String,
}

/// A report, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub reason: ReportReason,
    pub details: String,
}

impl ReportForm {
    pub fn parse(&self) -> Result<Report, FieldErrors> {
        let mut e = FieldErrors::new();
        let reason =
            self.reason.parse::<ReportReason>().map_err(|_| e.push("reason", Msg::new("report-reason-missing"))).ok();
        let details = parse_message(&self.details).map_err(|m| e.push("details", m)).ok();
        match (reason, details) {
            (Some(reason), Some(details)) => {
                if reason == ReportReason::Other && details.is_none() {
                    return Err(FieldErrors::single("details", Msg::new("report-other-needs-details")));
                }
                Ok(Report { reason, details: details.unwrap_or_default() })
            }
            _ => Err(e),
        }
    }
}

/// What an author is told about a decision on their post titled `title`, said in their
/// language by the caller.
pub fn notification_text(
    kind: NotificationKind,
    title: &str,
    reason: Option<DecisionReason>,
    message: Option<&str>,
) -> Vec<Msg> {
    let first = match (kind, reason) {
        (NotificationKind::Rejected | NotificationKind::Unpublished, Some(r)) => {
            Msg::new(&format!("notify-{}-because", kind.slug())).label("reason", "decision-reason", r.slug())
        }
        (
            NotificationKind::Published
            | NotificationKind::Redacted
            | NotificationKind::Rejected
            | NotificationKind::Unpublished,
            _,
        ) => Msg::new(&format!("notify-{}", kind.slug())),
        (other, _) => Msg::new("notify-other").label("subject", "email-subject", other.slug()),
    };
    let mut said = vec![first.text("title", title)];
    if let Some(m) = message {
        said.push(Msg::new("notify-team-message").text("message", m));
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{say_all, Lang};

    #[test]
    fn slugs_round_trip() {
        for r in DecisionReason::ALL {
            assert_eq!(r.slug().parse::<DecisionReason>(), Ok(r));
        }
        for r in ReportReason::ALL {
            assert_eq!(r.slug().parse::<ReportReason>(), Ok(r));
        }
        for a in ModerationAction::ALL {
            assert_eq!(a.slug().parse::<ModerationAction>(), Ok(a));
        }
        for k in NotificationKind::ALL {
            assert_eq!(k.slug().parse::<NotificationKind>(), Ok(k));
        }
    }

    #[test]
    fn a_decision_needs_a_reason_from_the_list() {
        let e = DecisionForm { reason: "".into(), message: "".into() }.parse().unwrap_err();
        assert!(e.get("reason").is_some());
        let e = DecisionForm { reason: "other".into(), message: "  ".into() }.parse().unwrap_err();
        assert!(e.get("message").is_some(), "'other' needs a word to the author");
        let d = DecisionForm {
            reason: "commercial".into(),
            message: " Merci de passer par le site de votre entreprise. ".into(),
        }
        .parse()
        .unwrap();
        assert_eq!(d.reason, DecisionReason::Commercial);
        assert_eq!(d.message.as_deref(), Some("Merci de passer par le site de votre entreprise."));
        let e = DecisionForm { reason: "duplicate".into(), message: "x".repeat(1001) }.parse().unwrap_err();
        assert!(e.get("message").unwrap().to_string().contains("1001"));
    }

    #[test]
    fn a_redaction_must_change_the_text() {
        let e = parse_redaction("Courses", "Le mardi", "", ("Courses", "Le mardi")).unwrap_err();
        assert!(e.get("description").is_some());
        let r = parse_redaction(
            "Courses",
            "Le mardi, appelez le [numéro retiré]",
            "",
            ("Courses", "Le mardi, appelez le 06 12 34 56 78"),
        )
        .unwrap();
        assert_eq!(r.description.as_str(), "Le mardi, appelez le [numéro retiré]");
        assert!(parse_redaction("", "x", "", ("a", "b")).unwrap_err().get("title").is_some());
    }

    #[test]
    fn reports_need_a_reason_and_words_for_other() {
        assert!(ReportForm { reason: "nope".into(), details: "".into() }.parse().unwrap_err().get("reason").is_some());
        assert!(ReportForm { reason: "other".into(), details: "".into() }
            .parse()
            .unwrap_err()
            .get("details")
            .is_some());
        let r = ReportForm { reason: "scam".into(), details: "".into() }.parse().unwrap();
        assert_eq!(r.reason, ReportReason::Scam);
    }

    #[test]
    fn authors_are_told_why() {
        let t =
            notification_text(NotificationKind::Rejected, "Courses", Some(DecisionReason::Commercial), Some("Désolé."));
        assert_eq!(
            say_all(&t, Lang::Fr),
            "Votre annonce « Courses » a été refusée : c'est une annonce commerciale. Message de l'équipe : « Désolé. »"
        );
        assert_eq!(
            say_all(&t, Lang::En),
            "Your post “Courses” was declined: it is a commercial post. Message from the team: “Désolé.”"
        );
        let t = notification_text(NotificationKind::Published, "Courses", None, None);
        assert_eq!(say_all(&t, Lang::Fr), "Votre annonce « Courses » a été publiée.");
        let t = notification_text(NotificationKind::Unpublished, "Courses", None, None);
        assert_eq!(say_all(&t, Lang::En), "Your post “Courses” was taken off the map until it is checked.");
    }
}
