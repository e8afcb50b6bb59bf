//! Word search over the posts' titles and descriptions: what a person typed, turned into the
//! terms the index is asked for. The index (SQLite FTS5, `migrations/…_search.sql`) lowers case
//! and removes diacritics itself; the terms here are folded the same way, cleared of the small
//! words that would only narrow the search ("de", "la", "pour"…), and each is a prefix, so
//! "course" finds "courses" and "epicerie" finds "Épicerie".

use super::post::fold_for_search;

/// The longest search one may type.
pub const WORDS_MAX: usize = 100;
/// At most this many terms are searched (the first ones typed).
pub const TERMS_MAX: usize = 8;

/// Words too common to narrow a search, French and English, already folded.
const STOP_WORDS: [&str; 58] = [
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "je",
    "la", "le", "les", "leur", "ma", "mes", "mon", "ne", "nos", "notre", "ou", "par", "pas", "pour", "qui", "que",
    "sa", "se", "ses", "son", "sur", "ta", "tes", "ton", "un", "une", "vos", "votre", "an", "and", "at", "for", "in",
    "is", "it", "my", "of", "on", "or", "the", "to",
];

/// The terms of a search: folded words of two letters or more, without the common small words,
/// each once, at most `TERMS_MAX`. Letters and digits only, so nothing typed can be read as the
/// index's own query syntax.
pub fn terms(typed: &str) -> Vec<String> {
    let folded = fold_for_search(typed);
    let mut out: Vec<String> = Vec::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < 2 || STOP_WORDS.contains(&word) || out.iter().any(|w| w == word) {
            continue;
        }
        out.push(word.to_owned());
        if out.len() == TERMS_MAX {
            break;
        }
    }
    out
}

/// The FTS5 query of `terms`: every term, as a quoted prefix (`"epicerie"* AND "aide"*`). The
/// index keeps "œ" and "æ" as letters of their own, so a term spelt with "oe" or "ae" (as
/// phones type it, and as the terms are folded) also looks for the ligature: "coeur" and
/// "cœur" find each other.
pub fn fts_query(terms: &[String]) -> String {
    let one = |t: &String| {
        let tied = t.replace("oe", "\u{153}").replace("ae", "\u{e6}");
        if tied == *t {
            format!("\"{t}\"*")
        } else {
            format!("(\"{t}\"* OR \"{tied}\"*)")
        }
    };
    terms.iter().map(one).collect::<Vec<_>>().join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_small_words_are_left_out() {
        assert_eq!(terms("  Épicerie de la GARE "), vec!["epicerie", "gare"]);
        assert_eq!(terms("l'aide aux devoirs, pour ma fille"), vec!["aide", "devoirs", "fille"]);
        assert_eq!(terms("cœur"), vec!["coeur"]);
        assert_eq!(terms("de la à y"), Vec::<String>::new());
        assert_eq!(terms("aide AIDE aidé"), vec!["aide"]);
        assert_eq!(terms("a b c d e f g h i j k l m n o p q r s t u v w aa bb cc dd ee ff gg hh ii").len(), TERMS_MAX);
    }

    #[test]
    fn the_index_syntax_cannot_be_typed() {
        let q = fts_query(&terms(r#"courses" OR title:* NEAR(x y) -aide ^bus"#));
        assert_eq!(q, r#""courses"* AND "title"* AND "near"* AND "aide"* AND "bus"*"#);
        assert!(!fts_query(&terms("\"\"*:()")).contains(':'));
        assert_eq!(fts_query(&terms("Cœur sœur")), r#"("coeur"* OR "cœur"*) AND ("soeur"* OR "sœur"*)"#);
    }
}
