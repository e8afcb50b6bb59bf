//! Accounts: who someone is on the platform and what they typed to join. Parsing of e-mail,
//! display name, organisation and password; the password policy (NIST-style: at least 10
//! characters, no composition rules, the most common passwords refused, compared as typed).

use serde::{Deserialize, Serialize};

use super::PosterKind;
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// Shortest password, in characters.
pub const PASSWORD_MIN: usize = 10;
/// Longest password, in characters (bounds the hashing work).
pub const PASSWORD_MAX: usize = 200;
/// Longest display name.
pub const NAME_MAX: usize = 60;

const COMMON_PASSWORDS: &str = include_str!("data/common-passwords.txt");

/// What someone may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Resident,
    /// Writes the site's pages (the département's communication service); an admin publishes.
    Editor,
    Moderator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Resident, Role::Editor, Role::Moderator, Role::Admin];

    pub fn slug(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Editor => "editor",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// Staff validate posts and may see exact locations.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }

    /// The roles given territories to act in (`domain::territory`): the team, not residents.
    pub fn has_territories(self) -> bool {
        self != Role::Resident
    }

    /// Who may draft the site's pages (publishing them is for admins).
    pub fn writes_pages(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }
}
slug_parse_display!(Role);

/// An e-mail address, trimmed and lower-cased (so one person cannot hold two accounts by case).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, Msg> {
        let e = raw.trim().to_lowercase();
        let bad = || Msg::new("email-invalid");
        if e.is_empty() {
            return Err(Msg::new("email-missing"));
        }
        if e.chars().count() > 254 || e.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = e.rsplit_once('@').ok_or_else(bad)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.contains('@');
        if local.is_empty() || local.contains('@') || !domain_ok {
            return Err(bad());
        }
        Ok(Email(e))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The name shown to others: 2 to 60 characters, one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<DisplayName, Msg> {
        let n = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let len = n.chars().count();
        if len == 0 {
            Err(Msg::new("name-missing"))
        } else if len < 2 {
            Err(Msg::new("name-too-short").num("min", 2))
        } else if len > NAME_MAX {
            Err(super::too_long("name-too-long", len, NAME_MAX))
        } else if n.chars().any(char::is_control) {
            Err(Msg::new("name-invisible"))
        } else {
            Ok(DisplayName(n))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password that meets the policy. Never trimmed or changed: compared exactly as typed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

impl Password {
    /// Checks a new password. `personal` are strings the password must not equal (e-mail,
    /// name), compared case-insensitively.
    pub fn parse_new(raw: &str, personal: &[&str]) -> Result<Password, Msg> {
        let len = raw.chars().count();
        if len < PASSWORD_MIN {
            return Err(Msg::new("password-too-short").num("min", PASSWORD_MIN as i64));
        }
        if len > PASSWORD_MAX {
            return Err(Msg::new("password-too-long").num("max", PASSWORD_MAX as i64));
        }
        let lower = raw.to_lowercase();
        if is_common(&lower) {
            return Err(Msg::new("password-common"));
        }
        if personal.iter().any(|p| !p.is_empty() && p.to_lowercase() == lower) {
            return Err(Msg::new("password-personal"));
        }
        if raw.chars().all(|c| c == raw.chars().next().unwrap_or(' ')) {
            return Err(Msg::new("password-repeated"));
        }
        Ok(Password(raw.to_owned()))
    }

    /// A password typed to log in: only its length is bounded.
    pub fn parse_attempt(raw: &str) -> Result<Password, Msg> {
        if raw.is_empty() {
            Err(Msg::new("password-missing"))
        } else if raw.chars().count() > PASSWORD_MAX {
            Err(Msg::new("log-in-wrong"))
        } else {
            Ok(Password(raw.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn is_common(lower: &str) -> bool {
    COMMON_PASSWORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).any(|l| l == lower)
}

/// Sign-up details, every field valid.
#[derive(Clone, Debug, PartialEq)]
pub struct NewAccount {
    pub email: Email,
    pub display_name: DisplayName,
    pub poster_kind: PosterKind,
    /// Required for every poster kind but individuals.
    pub organisation: Option<String>,
    pub password: Password,
}

/// The sign-up form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignUpForm {
    pub email: String,
    pub display_name: String,
    pub poster_kind: String,
    #[serde(default)]
    pub organisation: String,
    pub password: String,
}

impl SignUpForm {
    /// Parses every field, reporting each problem next to its field.
    pub fn parse(&self) -> Result<NewAccount, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = Email::parse(&self.email).map_err(|m| errors.push("email", m)).ok();
        let display_name = DisplayName::parse(&self.display_name).map_err(|m| errors.push("display_name", m)).ok();
        let poster_kind = self
            .poster_kind
            .parse::<PosterKind>()
            .map_err(|_| errors.push("poster_kind", Msg::new("poster-kind-missing")))
            .ok();
        let organisation = self.organisation.split_whitespace().collect::<Vec<_>>().join(" ");
        let organisation = match poster_kind {
            Some(PosterKind::Individual) | None => None,
            Some(_) if organisation.is_empty() => {
                errors.push("organisation", Msg::new("organisation-missing"));
                None
            }
            Some(_) if organisation.chars().count() > 120 => {
                errors.push("organisation", Msg::new("organisation-too-long").num("max", 120));
                None
            }
            Some(_) => Some(organisation),
        };
        let password = Password::parse_new(&self.password, &[self.email.trim(), self.display_name.trim()])
            .map_err(|m| errors.push("password", m))
            .ok();
        match (email, display_name, poster_kind, password) {
            (Some(email), Some(display_name), Some(poster_kind), Some(password)) if errors.is_empty() => {
                Ok(NewAccount { email, display_name, poster_kind, organisation, password })
            }
            _ => Err(errors),
        }
    }
}

/// What the interface knows of the person logged in. Never carries the hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub poster_kind: PosterKind,
    pub organisation: Option<String>,
    pub role: Role,
    /// Notifications also come by e-mail.
    pub email_notifications: bool,
    /// The address was proved (a link sent to it was opened): needed to publish, answer, write
    /// and report.
    pub email_verified: bool,
    /// The epoch of the account's sessions (server only: raising it ends every session).
    #[serde(skip)]
    pub session_epoch: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(Email::parse("  Marie.Dupont@Exemple.FR ").unwrap().as_str(), "marie.dupont@exemple.fr");
        for bad in
            ["", "marie", "marie@", "@exemple.fr", "marie@exemple", "ma rie@exemple.fr", "a@b@c.fr", "a@.fr", "a@b..fr"]
        {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn display_names() {
        assert_eq!(DisplayName::parse("  Jean   Pierre ").unwrap().as_str(), "Jean Pierre");
        assert!(DisplayName::parse("J").is_err());
        assert!(DisplayName::parse(&"é".repeat(61)).is_err());
    }

    #[test]
    fn password_policy() {
        assert!(Password::parse_new("courte", &[]).unwrap_err().to_string().contains("10"));
        assert!(Password::parse_new("azertyuiop", &[]).unwrap_err().to_string().contains("plus utilisés"));
        assert!(Password::parse_new("MotDePasse", &[]).unwrap_err().to_string().contains("plus utilisés"));
        assert!(Password::parse_new("aaaaaaaaaaaa", &[]).is_err());
        assert!(Password::parse_new("jean.dupont@exemple.fr", &["jean.dupont@exemple.fr"]).is_err());
        // No composition rule: a long phrase of lower-case words is fine.
        let p = Password::parse_new("le chat dort sur le toit", &[]).unwrap();
        // Kept exactly as typed, spaces included.
        assert_eq!(p.expose(), "le chat dort sur le toit");
        assert!(Password::parse_new(&"x".repeat(201), &[]).is_err());
        assert_eq!(format!("{p:?}"), "Password(…)");
    }

    #[test]
    fn the_common_list_is_loaded() {
        assert!(is_common("1234567890"));
        assert!(!is_common("# common passwords"));
        assert!(COMMON_PASSWORDS.lines().filter(|l| !l.starts_with('#')).count() > 100);
    }

    #[test]
    fn sign_up_form() {
        let ok = SignUpForm {
            email: "asso@exemple.fr".into(),
            display_name: "Claire".into(),
            poster_kind: "association".into(),
            organisation: " Les  Restos du cœur ".into(),
            password: "un jardin sous la pluie".into(),
        };
        let a = ok.parse().unwrap();
        assert_eq!(a.organisation.as_deref(), Some("Les Restos du cœur"));

        let e = SignUpForm { organisation: "".into(), ..ok.clone() }.parse().unwrap_err();
        assert!(e.get("organisation").is_some());

        let individual = SignUpForm { poster_kind: "individual".into(), organisation: "ignored".into(), ..ok.clone() };
        assert_eq!(individual.parse().unwrap().organisation, None);

        let e = SignUpForm::default().parse().unwrap_err();
        for f in ["email", "display_name", "poster_kind", "password"] {
            assert!(e.get(f).is_some(), "{f}");
        }
    }
}
