//! Finding a commune from what a person types: its name in any case, with or without accents
//! or hyphens ("sainte marie aux mines"), a postcode ("68000"), or a label from the list
//! ("Colmar (68000)").

use serde::{Deserialize, Serialize};

use super::post::fold_for_search;
use crate::i18n::Msg;

/// A commune as the search knows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommuneRef {
    pub insee: String,
    pub name: String,
    pub postcodes: Vec<String>,
}

impl CommuneRef {
    /// "Colmar (68000)", the label of the list.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.postcodes.join(", "))
    }
}

/// The INSEE code of the one commune matching `typed`, or why not.
pub fn resolve(typed: &str, communes: &[CommuneRef]) -> Result<String, Msg> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(Msg::new("commune-missing"));
    }
    // A label picked from the list: "Name (postcodes)".
    if let Some(c) = communes.iter().find(|c| c.label() == typed) {
        return Ok(c.insee.clone());
    }
    let name_part = typed.split(" (").next().unwrap_or(typed);
    let q = fold_for_search(name_part).split_whitespace().collect::<Vec<_>>().join(" ");
    let folded = |c: &CommuneRef| fold_for_search(&c.name).split_whitespace().collect::<Vec<_>>().join(" ");
    let pick = |found: Vec<&CommuneRef>| -> Result<String, Msg> {
        match found.as_slice() {
            [one] => Ok(one.insee.clone()),
            [] => Err(Msg::new("commune-unknown").text("typed", typed)),
            many => {
                let names: Vec<String> = many.iter().take(6).map(|c| c.label()).collect();
                let more = if many.len() > 6 { "…" } else { "" };
                Err(Msg::new("commune-ambiguous")
                    .text("typed", typed)
                    .text("names", format!("{}{more}", names.join(" ; "))))
            }
        }
    };
    if q.chars().all(|c| c.is_ascii_digit()) && q.len() == 5 {
        return pick(communes.iter().filter(|c| c.postcodes.iter().any(|p| p == &q)).collect());
    }
    let exact: Vec<&CommuneRef> = communes.iter().filter(|c| folded(c) == q).collect();
    if !exact.is_empty() {
        return pick(exact);
    }
    pick(communes.iter().filter(|c| folded(c).starts_with(&q)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(insee: &str, name: &str, pc: &[&str]) -> CommuneRef {
        CommuneRef { insee: insee.into(), name: name.into(), postcodes: pc.iter().map(|s| (*s).to_owned()).collect() }
    }

    fn list() -> Vec<CommuneRef> {
        vec![
            c("68066", "Colmar", &["68000"]),
            c("68224", "Mulhouse", &["68100", "68200"]),
            c("68298", "Sainte-Marie-aux-Mines", &["68160"]),
            c("68297", "Saint-Louis", &["68300"]),
            c("68300", "Saint-Hippolyte", &["68590"]),
            c("68999", "Sélestat-Test", &["68600"]),
            c("68001", "Algolsheim", &["68600"]),
        ]
    }

    #[test]
    fn finds_by_name_accents_case_and_hyphens() {
        let l = list();
        assert_eq!(resolve("colmar", &l).unwrap(), "68066");
        assert_eq!(resolve("  COLMAR ", &l).unwrap(), "68066");
        assert_eq!(resolve("sainte marie aux mines", &l).unwrap(), "68298");
        assert_eq!(resolve("selestat", &l).unwrap(), "68999");
        assert_eq!(resolve("Mulhouse (68100, 68200)", &l).unwrap(), "68224");
        assert_eq!(resolve("mulh", &l).unwrap(), "68224");
    }

    #[test]
    fn finds_by_postcode() {
        let l = list();
        assert_eq!(resolve("68200", &l).unwrap(), "68224");
        assert!(resolve("68600", &l).unwrap_err().to_string().contains("Plusieurs"));
        assert!(resolve("67000", &l).unwrap_err().to_string().contains("Aucune"));
    }

    #[test]
    fn ambiguous_or_unknown_names_are_explained() {
        let l = list();
        let e = resolve("saint", &l).unwrap_err();
        assert!(
            e.to_string().contains("Saint-Louis")
                && e.to_string().contains("Saint-Hippolyte")
                && e.to_string().contains("Précisez"),
            "{e}"
        );
        assert!(resolve("Strasbourg", &l).unwrap_err().to_string().contains("Aucune commune desservie par Entraide"));
        assert!(resolve("", &l).is_err());
    }
}
