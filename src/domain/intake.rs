//! Phone intake: a request or an offer that staff file for a person who called the département
//! ("Déposer une demande pour quelqu'un"). What identifies the person — name, phone, street,
//! when to call them — stays private; their consent to publishing is required and recorded.
//! Also the next thing staff have to do about each intake ("Mes saisies").

use serde::{Deserialize, Serialize};

use super::conversation::parse_phone;
use super::post::{PostDraft, PostForm, PostStatus};
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// The longest name of the person, in characters.
pub const NAME_MAX: usize = 100;
/// The longest street line ("12 rue des Lilas, 2e étage"), in characters.
pub const STREET_MAX: usize = 200;
/// The longest "when to call" line, in characters.
pub const CALL_TIMES_MAX: usize = 200;
/// An intake expiring within this many seconds is flagged to call the person back.
pub const EXPIRES_SOON: i64 = 3 * 86_400;

/// The intake form as typed by staff: the person, their consent, and the post's own fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntakeForm {
    pub person_name: String,
    pub person_phone: String,
    pub street: String,
    pub call_times: String,
    /// "on" when the person agrees that their phone be given to the helper staff accept.
    pub share_phone: String,
    /// "on" when the person agrees that their request be published.
    pub consent: String,
    pub post: PostForm,
}

/// The person who called, as staff keep them: never shown to the public.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub name: String,
    pub phone: String,
    pub street: Option<String>,
    pub call_times: Option<String>,
    pub share_phone: bool,
}

/// A valid intake: the person and the post to publish for them.
#[derive(Clone, Debug, PartialEq)]
pub struct IntakeDraft {
    pub caller: Caller,
    pub post: PostDraft,
}

/// One line of text: whitespace runs made one space, control characters removed, trimmed.
fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ").chars().filter(|c| !c.is_control()).collect()
}

/// An optional line of at most `max` characters; `None` when empty.
fn optional_line(raw: &str, max: usize, too_long: &str) -> Result<Option<String>, Msg> {
    let s = one_line(raw);
    if s.chars().count() > max {
        Err(Msg::new(too_long).num("max", max as i64))
    } else {
        Ok((!s.is_empty()).then_some(s))
    }
}

use super::post::checked;

impl IntakeForm {
    /// Parses every field, each error keyed by its field. The post's fields follow the rules of
    /// any post; the street line, when given, is kept with the building note as the private
    /// details an accepted helper sees.
    pub fn parse(&self, communes: &[super::commune::CommuneRef], now: i64) -> Result<IntakeDraft, FieldErrors> {
        let mut errors = match self.post.parse(communes, now) {
            Ok(_) => FieldErrors::new(),
            Err(e) => e,
        };
        let name = one_line(&self.person_name);
        if name.is_empty() {
            errors.push("person_name", Msg::new("intake-name-missing"));
        } else if name.chars().count() > NAME_MAX {
            errors.push("person_name", Msg::new("intake-name-too-long").num("max", NAME_MAX as i64));
        }
        let phone = if self.person_phone.trim().is_empty() {
            errors.push("person_phone", Msg::new("intake-phone-missing"));
            None
        } else {
            parse_phone(&self.person_phone).map_err(|m| errors.push("person_phone", m)).ok()
        };
        let street = optional_line(&self.street, STREET_MAX, "intake-street-too-long")
            .map_err(|m| errors.push("street", m))
            .ok()
            .flatten();
        let call_times = optional_line(&self.call_times, CALL_TIMES_MAX, "intake-call-times-too-long")
            .map_err(|m| errors.push("call_times", m))
            .ok()
            .flatten();
        if !checked(&self.consent) {
            errors.push("consent", Msg::new("intake-consent-missing"));
        }
        match (phone, errors.is_empty()) {
            (Some(phone), true) => {
                let mut post = self.post.parse(communes, now)?;
                // The helper needs the street to find the person; it is private like the note.
                post.private_note = match (&street, post.private_note.take()) {
                    (Some(s), Some(n)) => Some(format!("{s} — {n}")),
                    (Some(s), None) => Some(s.clone()),
                    (None, n) => n,
                };
                let caller = Caller { name, phone, street, call_times, share_phone: checked(&self.share_phone) };
                Ok(IntakeDraft { caller, post })
            }
            _ => Err(errors),
        }
    }
}

/// What staff have to do next about an intake, the most pressing first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextStep {
    /// A helper was accepted: call the person to tell them who comes.
    CallHelperAccepted,
    /// The help was given (or the helper says so): call the person to check, then close it.
    CallDone,
    /// Help was accepted days ago and not confirmed: call the person to ask if it came.
    AskHelpCame,
    /// Answers wait to be read and a helper to be chosen.
    ReadAnswers,
    /// It expires within three days: call the person, extend it or close it.
    ExpiresSoon,
    /// Nothing to do but wait for answers.
    Wait,
    /// Over (fulfilled, withdrawn, expired, refused): nothing more to do.
    Nothing,
}

impl NextStep {
    pub fn slug(self) -> &'static str {
        match self {
            NextStep::CallHelperAccepted => "call-accepted",
            NextStep::CallDone => "call-done",
            NextStep::AskHelpCame => "ask-help-came",
            NextStep::ReadAnswers => "read-answers",
            NextStep::ExpiresSoon => "expires-soon",
            NextStep::Wait => "wait",
            NextStep::Nothing => "nothing",
        }
    }

    /// Whether staff have something to do now.
    pub fn urgent(self) -> bool {
        !matches!(self, NextStep::Wait | NextStep::Nothing)
    }
}

/// Where an intake stands, as "Mes saisies" needs it to say what comes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntakeState {
    pub status: PostStatus,
    pub expires_at: i64,
    /// Conversations opened by people answering.
    pub answers: i64,
    /// Conversations with unread messages for staff.
    pub unread: i64,
    /// A helper is accepted now.
    pub accepted: bool,
    /// A helper said the help was given.
    pub helper_done: bool,
    /// The latest of the steps that call for a call back, or the call back itself, in the order
    /// they happened (the audit's order, not the clock's: two may share a second).
    pub last_step: Option<LastStep>,
    /// "Avez-vous reçu l'aide ?" was raised and nobody answered it yet.
    pub help_check_open: bool,
}

/// The steps of an intake after which staff call the person back, and the call back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LastStep {
    Accepted,
    Withdrawn,
    HelperDone,
    Confirmed,
    CalledBack,
}

impl LastStep {
    /// The step written as the audit of intake writes it (`intake_events.action`).
    pub fn from_action(action: &str) -> Option<LastStep> {
        match action {
            "accepted" => Some(LastStep::Accepted),
            "withdrawn" => Some(LastStep::Withdrawn),
            "helper-done" => Some(LastStep::HelperDone),
            "confirmed" => Some(LastStep::Confirmed),
            "called-back" => Some(LastStep::CalledBack),
            _ => None,
        }
    }
}

/// The next thing to do about an intake at `now`. A call back is due once after each step it
/// follows: staff saying they called clears it until the next step.
pub fn next_step(s: &IntakeState, now: i64) -> NextStep {
    let called = s.last_step == Some(LastStep::CalledBack);
    match s.status {
        PostStatus::Fulfilled if !called => NextStep::CallDone,
        PostStatus::InProgress if s.helper_done => NextStep::CallDone,
        PostStatus::InProgress if s.help_check_open => NextStep::AskHelpCame,
        PostStatus::InProgress | PostStatus::Published if s.accepted && s.last_step == Some(LastStep::Accepted) => {
            NextStep::CallHelperAccepted
        }
        PostStatus::Published | PostStatus::InProgress if s.expires_at <= now => NextStep::Nothing,
        PostStatus::Published if s.unread > 0 => NextStep::ReadAnswers,
        PostStatus::Published | PostStatus::InProgress if s.expires_at - now <= EXPIRES_SOON => NextStep::ExpiresSoon,
        PostStatus::Published | PostStatus::InProgress => NextStep::Wait,
        _ => NextStep::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::commune::CommuneRef;

    fn communes() -> Vec<CommuneRef> {
        vec![CommuneRef { insee: "68066".into(), name: "Colmar".into(), postcodes: vec!["68000".into()] }]
    }

    fn form() -> IntakeForm {
        IntakeForm {
            person_name: "  Mme   Schmitt ".into(),
            person_phone: "03 89 12 34 56".into(),
            street: "12 rue des Lilas".into(),
            call_times: "le matin".into(),
            share_phone: "on".into(),
            consent: "on".into(),
            post: PostForm {
                kind: "request".into(),
                category: "groceries".into(),
                title: "Courses de la semaine".into(),
                description: "Je ne peux plus porter les sacs depuis mon opération.".into(),
                lifetime_days: "14".into(),
                commune: "Colmar".into(),
                lat: String::new(),
                lon: String::new(),
                private_note: "2e étage, code 1234".into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn a_whole_intake_keeps_the_person_apart_and_the_street_private() {
        let d = form().parse(&communes(), 1_796_295_600).expect("valid");
        assert_eq!(d.caller.name, "Mme Schmitt");
        assert_eq!(d.caller.phone, "03 89 12 34 56");
        assert!(d.caller.share_phone);
        assert_eq!(d.post.private_note.as_deref(), Some("12 rue des Lilas — 2e étage, code 1234"));
        let d = IntakeForm { street: String::new(), ..form() }.parse(&communes(), 1_796_295_600).expect("valid");
        assert_eq!(d.post.private_note.as_deref(), Some("2e étage, code 1234"));
        assert_eq!(d.caller.street, None);
    }

    #[test]
    fn without_consent_nothing_is_published_and_every_mistake_is_named() {
        let f = IntakeForm {
            person_name: " ".into(),
            person_phone: "12".into(),
            consent: String::new(),
            street: "x".repeat(STREET_MAX + 1),
            post: PostForm { title: String::new(), ..form().post },
            ..form()
        };
        let e = f.parse(&communes(), 1_796_295_600).expect_err("invalid");
        for field in ["person_name", "person_phone", "consent", "street", "title"] {
            assert!(e.get(field).is_some(), "{field} should be in error: {e:?}");
        }
        let e = IntakeForm { person_phone: String::new(), ..form() }
            .parse(&communes(), 1_796_295_600)
            .expect_err("no phone");
        assert_eq!(e.get("person_phone").map(|m| m.id.clone()), Some("intake-phone-missing".into()));
        let no_share =
            IntakeForm { share_phone: String::new(), ..form() }.parse(&communes(), 1_796_295_600).expect("valid");
        assert!(!no_share.caller.share_phone);
    }

    fn state(status: PostStatus) -> IntakeState {
        IntakeState {
            status,
            expires_at: 10 * 86_400,
            answers: 0,
            unread: 0,
            accepted: false,
            helper_done: false,
            last_step: None,
            help_check_open: false,
        }
    }

    #[test]
    fn the_next_step_follows_the_request_and_clears_once_the_person_is_called() {
        let now = 86_400;
        assert_eq!(next_step(&state(PostStatus::Published), now), NextStep::Wait);
        let answered = IntakeState { answers: 2, unread: 1, ..state(PostStatus::Published) };
        assert_eq!(next_step(&answered, now), NextStep::ReadAnswers);
        let accepted =
            IntakeState { accepted: true, last_step: Some(LastStep::Accepted), ..state(PostStatus::InProgress) };
        assert_eq!(next_step(&accepted, now), NextStep::CallHelperAccepted);
        let called = IntakeState { last_step: Some(LastStep::CalledBack), ..accepted };
        assert_eq!(next_step(&called, now), NextStep::Wait);
        let done = IntakeState { helper_done: true, ..called };
        assert_eq!(next_step(&done, now), NextStep::CallDone);
        let fulfilled = IntakeState { last_step: Some(LastStep::Confirmed), ..state(PostStatus::Fulfilled) };
        assert_eq!(next_step(&fulfilled, now), NextStep::CallDone);
        let closed = IntakeState { last_step: Some(LastStep::CalledBack), ..fulfilled };
        assert_eq!(next_step(&closed, now), NextStep::Nothing);
        let soon = IntakeState { expires_at: now + 86_400, ..state(PostStatus::Published) };
        assert_eq!(next_step(&soon, now), NextStep::ExpiresSoon);
        let expired = IntakeState { expires_at: now - 1, ..state(PostStatus::Published) };
        assert_eq!(next_step(&expired, now), NextStep::Nothing);
        assert!(NextStep::CallDone.urgent() && !NextStep::Wait.urgent());
        let silent = IntakeState { help_check_open: true, ..called };
        assert_eq!(next_step(&silent, now), NextStep::AskHelpCame);
    }
}
