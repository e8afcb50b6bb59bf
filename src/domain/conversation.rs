//! Answering a post: messages, the author's choices when accepting a helper, thank-you notes,
//! and who may see the private details of a post.

use serde::{Deserialize, Serialize};

use super::too_long;
use crate::domain::post::PostKind;
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// The longest message, in characters.
pub const MESSAGE_MAX: usize = 2000;
/// The longest thank-you note, in characters.
pub const THANKS_MAX: usize = 500;

/// Plain text as typed: line breaks normalised, control characters removed, trimmed.
fn clean(raw: &str) -> String {
    let s: String =
        raw.replace("\r\n", "\n").replace('\r', "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect();
    s.trim().to_owned()
}

/// A message of a conversation: 1 to 2000 characters of plain text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageBody(String);

impl MessageBody {
    pub fn parse(raw: &str) -> Result<MessageBody, Msg> {
        let m = clean(raw);
        let n = m.chars().count();
        if n == 0 {
            Err(Msg::new("message-empty"))
        } else if n > MESSAGE_MAX {
            Err(too_long("message-too-long", n, MESSAGE_MAX))
        } else {
            Ok(MessageBody(m))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A thank-you note: 1 to 500 characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThanksNote(String);

impl ThanksNote {
    pub fn parse(raw: &str) -> Result<ThanksNote, Msg> {
        let m = clean(raw);
        let n = m.chars().count();
        if n == 0 {
            Err(Msg::new("thanks-empty"))
        } else if n > THANKS_MAX {
            Err(too_long("thanks-too-long", n, THANKS_MAX))
        } else {
            Ok(ThanksNote(m))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A French phone number, kept as typed but checked: 10 digits starting with 0, or +33 and 9
/// digits; spaces, dots and dashes allowed.
pub fn parse_phone(raw: &str) -> Result<String, Msg> {
    let t = raw.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let allowed = t.chars().all(|c| c.is_ascii_digit() || " .-+()".contains(c));
    let ok = allowed && ((t.starts_with('0') && digits.len() == 10) || (t.starts_with("+33") && digits.len() == 11));
    if ok {
        Ok(t.to_owned())
    } else {
        Err(Msg::new("phone-invalid"))
    }
}

/// What the author chooses when accepting a helper, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptForm {
    /// "on" when the phone number is shared with the helper.
    pub share_phone: String,
    pub phone: String,
    /// "on" when the post leaves the map while the helper is at work.
    pub off_map: String,
}

/// The author's choices when accepting a helper, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acceptance {
    pub phone: Option<String>,
    pub off_map: bool,
}

impl AcceptForm {
    pub fn parse(&self) -> Result<Acceptance, FieldErrors> {
        let phone = if self.share_phone == "on" {
            Some(parse_phone(&self.phone).map_err(|m| FieldErrors::single("phone", m))?)
        } else {
            None
        };
        Ok(Acceptance { phone, off_map: self.off_map == "on" })
    }
}

/// Whether several responders may be accepted at once: offers can serve many people.
pub fn accepts_several(kind: PostKind) -> bool {
    kind == PostKind::Offer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_plain_trimmed_text_within_limits() {
        assert_eq!(
            MessageBody::parse("  Bonjour,\r\nje passe demain.\u{7}  ").unwrap().as_str(),
            "Bonjour,\nje passe demain."
        );
        assert!(MessageBody::parse(" \n ").unwrap_err().to_string().contains("quelques mots"));
        assert!(MessageBody::parse(&"é".repeat(2000)).is_ok());
        assert!(MessageBody::parse(&"é".repeat(2001)).unwrap_err().to_string().contains("2001"));
        assert!(ThanksNote::parse(&"a".repeat(501)).is_err());
    }

    #[test]
    fn phones() {
        for ok in ["06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "03.89.00.00.00"] {
            assert!(parse_phone(ok).is_ok(), "{ok}");
        }
        for bad in ["", "12345", "06 12 34 56", "+44 20 7946 0958", "06 12 34 56 78 <b>"] {
            assert!(parse_phone(bad).is_err(), "{bad}");
        }
        let a = AcceptForm { share_phone: "on".into(), phone: "nope".into(), off_map: String::new() }.parse();
        assert!(a.unwrap_err().get("phone").is_some());
        let a = AcceptForm { share_phone: String::new(), phone: "nope".into(), off_map: "on".into() }.parse().unwrap();
        assert_eq!(a, Acceptance { phone: None, off_map: true });
    }
}
