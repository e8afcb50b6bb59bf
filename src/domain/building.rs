//! « Mon immeuble » (#18 §3): the street of a building's group (never its number: the exact
//! address stays private), and the short code that lets a neighbour join it.

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;

/// The characters of a join code: no look-alikes (0/O, 1/I/L), easy to read aloud and to type.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// How many characters a join code has.
pub const CODE_LEN: usize = 8;

/// The street of a building, without its number: « rue des Tilleuls ».
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Street(String);

impl Street {
    pub const MAX: usize = 100;

    /// Spaces collapsed; 3 to 100 characters with a letter; refused when it starts with a number
    /// (« 12 rue des Tilleuls »): the number would tell where the person lives. A street whose
    /// name holds a number (« rue du 8 Mai 1945 ») is kept.
    pub fn parse(raw: &str) -> Result<Street, Msg> {
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err(Msg::new("building-street-missing"));
        }
        if s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return Err(Msg::new("building-street-number"));
        }
        let n = s.chars().count();
        if n > Self::MAX {
            return Err(Msg::new("building-street-too-long").num("count", n as i64).num("max", Self::MAX as i64));
        }
        if n < 3 || !s.chars().any(char::is_alphabetic) || s.chars().any(char::is_control) {
            return Err(Msg::new("building-street-invalid"));
        }
        Ok(Street(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A join code as typed: case, spaces and dashes ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinCode(String);

impl JoinCode {
    pub fn parse(raw: &str) -> Result<JoinCode, Msg> {
        let s: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).collect();
        if s.is_empty() {
            return Err(Msg::new("building-code-missing"));
        }
        if s.chars().count() != CODE_LEN || !s.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
            return Err(Msg::new("building-code-invalid"));
        }
        Ok(JoinCode(s))
    }

    /// A new random code from `random` bytes (one per character).
    pub fn from_random(random: [u8; CODE_LEN]) -> JoinCode {
        // 256 is not a multiple of 31: the first characters are a little likelier, which
        // costs less than one bit of the code's ~39.
        JoinCode(random.iter().map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char).collect())
    }

    /// As stored: eight characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// As printed and read: « ABCD-EFGH ».
pub fn shown(code: &str) -> String {
    match code.char_indices().nth(CODE_LEN / 2) {
        Some((at, _)) => format!("{}-{}", &code[..at], &code[at..]),
        None => code.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_street_never_carries_the_number_of_the_house() {
        assert_eq!(Street::parse("  rue   des Tilleuls ").unwrap().as_str(), "rue des Tilleuls");
        assert_eq!(Street::parse("rue du 8 Mai 1945").unwrap().as_str(), "rue du 8 Mai 1945");
        for bad in ["12 rue des Tilleuls", "3bis, avenue de la Gare", "", "   ", "12", "ab", "--- ---"] {
            assert!(Street::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Street::parse("12 rue X").unwrap_err(), Msg::new("building-street-number"));
        assert!(Street::parse(&"a".repeat(101)).is_err());
    }

    #[test]
    fn a_code_is_read_whatever_its_case_spaces_and_dashes() {
        let c = JoinCode::from_random([0, 1, 2, 3, 4, 5, 6, 30]);
        assert_eq!(c.as_str(), "ABCDEFG9");
        assert_eq!(shown(c.as_str()), "ABCD-EFG9");
        assert_eq!(JoinCode::parse(" abcd-efg9 ").unwrap(), c);
        for bad in ["", "ABCD-EFG", "ABCD-EFG90", "ABCD-EFGO", "ABCD-EFG1", "ABCDÉFG9"] {
            assert!(JoinCode::parse(bad).is_err(), "{bad:?}");
        }
    }
}
