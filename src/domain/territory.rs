//! Territories: a département, or any set of communes, with its own staff. One instance serves
//! several; a post belongs to the territory of its commune.

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;

/// A territory's code, as in its address (`/68`): 1 to 12 letters, digits or hyphens.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TerritoryCode(String);

impl TerritoryCode {
    pub fn parse(s: &str) -> Result<TerritoryCode, Msg> {
        let s = s.trim();
        let ok = (1..=12).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if ok {
            Ok(TerritoryCode(s.to_ascii_uppercase()))
        } else {
            Err(Msg::new("territory-code-invalid").text("typed", s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TerritoryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a staff member acts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Every territory.
    National,
    /// These territories only (never empty).
    Only(Vec<TerritoryCode>),
}

impl Scope {
    /// The scope of a staff member from their rows: none is national.
    pub fn from_rows(codes: Vec<TerritoryCode>) -> Scope {
        if codes.is_empty() {
            Scope::National
        } else {
            Scope::Only(codes)
        }
    }

    /// Whether this scope covers `territory`.
    pub fn covers(&self, territory: &TerritoryCode) -> bool {
        match self {
            Scope::National => true,
            Scope::Only(codes) => codes.contains(territory),
        }
    }

    /// Whether this scope covers all of `other` (who may give a scope: a staff member never
    /// gives more than they have).
    pub fn includes(&self, other: &Scope) -> bool {
        match (self, other) {
            (Scope::National, _) => true,
            (Scope::Only(_), Scope::National) => false,
            (Scope::Only(_), Scope::Only(codes)) => codes.iter().all(|c| self.covers(c)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> TerritoryCode {
        TerritoryCode::parse(s).unwrap()
    }

    #[test]
    fn codes() {
        assert_eq!(code(" 68 ").as_str(), "68");
        assert_eq!(code("2a").as_str(), "2A");
        assert_eq!(code("grand-est").as_str(), "GRAND-EST");
        for bad in ["", "6/8", "68 67", "%2F", "abcdefghijklm", "6\t8", "..", "é"] {
            assert!(TerritoryCode::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn scopes() {
        let only68 = Scope::from_rows(vec![code("68")]);
        let both = Scope::from_rows(vec![code("67"), code("68")]);
        assert_eq!(Scope::from_rows(vec![]), Scope::National);
        assert!(only68.covers(&code("68")) && !only68.covers(&code("67")));
        assert!(Scope::National.covers(&code("67")));
        assert!(both.includes(&only68) && !only68.includes(&both));
        assert!(Scope::National.includes(&both) && !both.includes(&Scope::National));
    }
}
