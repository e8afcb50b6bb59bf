//! What people are told about, in the app (and by e-mail when they chose it).

use serde::{Deserialize, Serialize};

/// The kinds of notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NotificationKind {
    /// Moderation: the post is public.
    Published,
    Rejected,
    Redacted,
    Unpublished,
    /// Someone answered my post.
    Response,
    /// A new message in one of my conversations.
    Message,
    /// The author accepted my help.
    Accepted,
    /// The author withdrew my acceptance.
    Withdrawn,
    /// The helper says the help was given: the author is asked to confirm.
    Done,
    /// The help is confirmed: the post is fulfilled.
    Fulfilled,
    /// My post expires in three days: extend it in one click.
    Expiring,
    /// Help was accepted days ago and not confirmed: "Avez-vous reçu l'aide ?"
    HelpCheck,
    /// A new post matches one of my alerts.
    Alert,
    /// My alerts paused themselves after months without a visit.
    AlertsPaused,
    /// Staff recorded or withdrew my check as a vetted helper.
    Vetting,
    /// A relative accepted to follow my post, or its author removed me from it.
    Carer,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 16] = [
        NotificationKind::Published,
        NotificationKind::Rejected,
        NotificationKind::Redacted,
        NotificationKind::Unpublished,
        NotificationKind::Response,
        NotificationKind::Message,
        NotificationKind::Accepted,
        NotificationKind::Withdrawn,
        NotificationKind::Done,
        NotificationKind::Fulfilled,
        NotificationKind::Expiring,
        NotificationKind::HelpCheck,
        NotificationKind::Alert,
        NotificationKind::AlertsPaused,
        NotificationKind::Vetting,
        NotificationKind::Carer,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            NotificationKind::Published => "published",
            NotificationKind::Rejected => "rejected",
            NotificationKind::Redacted => "redacted",
            NotificationKind::Unpublished => "unpublished",
            NotificationKind::Response => "response",
            NotificationKind::Message => "message",
            NotificationKind::Accepted => "accepted",
            NotificationKind::Withdrawn => "withdrawn",
            NotificationKind::Done => "done",
            NotificationKind::Fulfilled => "fulfilled",
            NotificationKind::Expiring => "expiring",
            NotificationKind::HelpCheck => "help-check",
            NotificationKind::Alert => "alert",
            NotificationKind::AlertsPaused => "alerts-paused",
            NotificationKind::Vetting => "vetting",
            NotificationKind::Carer => "carer",
        }
    }

    /// The subject line of the e-mail that carries it (the message `email-subject-<slug>`).
    pub fn subject(self) -> crate::i18n::Msg {
        crate::i18n::Msg::new(&format!("email-subject-{}", self.slug()))
    }
}
slug_parse_display!(NotificationKind);
