//! Emergencies recognised before publishing: the signs of an emergency or of distress in what a
//! person writes (a fall, a malaise, chest pain, hunger, thoughts of suicide, violence at home, a
//! child in danger), and the numbers to call for each. Entraide is not an emergency service:
//! the form shows the numbers first, then lets the person go on; the post is flagged urgent and
//! comes first in the moderation queue.
//!
//! The signs are reviewed lists of words and phrases, one file per language
//! (`data/triage-fr.txt`, `data/triage-en.txt`, their format written at their top); accents, case
//! and inflections are ignored, and a sign shortly after a negation does not count ("pas de
//! malaise"). Both lists are read for any text: people write in the language they have.

use std::sync::OnceLock;

use super::post::fold_for_search;

/// A sign of an emergency or of distress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sign {
    Fall,
    Malaise,
    Chest,
    Hunger,
    Suicide,
    Violence,
    Child,
}

impl Sign {
    pub const ALL: [Sign; 7] =
        [Sign::Suicide, Sign::Violence, Sign::Child, Sign::Malaise, Sign::Chest, Sign::Fall, Sign::Hunger];

    pub fn slug(self) -> &'static str {
        match self {
            Sign::Fall => "fall",
            Sign::Malaise => "malaise",
            Sign::Chest => "chest",
            Sign::Hunger => "hunger",
            Sign::Suicide => "suicide",
            Sign::Violence => "violence",
            Sign::Child => "child",
        }
    }

    /// The numbers to call, the most fitting first.
    pub fn numbers(self) -> &'static [Number] {
        use Number::*;
        match self {
            Sign::Fall | Sign::Malaise | Sign::Chest => &[Samu, Europe, Sms],
            Sign::Hunger => &[Samu, Sms],
            Sign::Suicide => &[Suicide, Samu, Europe, Sms],
            Sign::Violence => &[Police, Women, Europe, Sms],
            Sign::Child => &[Children, Police, Europe, Sms],
        }
    }
}
slug_parse_display!(Sign);

/// A number to call (or to text) in France.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Number {
    /// 15, the SAMU: a medical emergency.
    Samu,
    /// 112, the European emergency number.
    Europe,
    /// 114, by SMS: for deaf and hard-of-hearing people, and whoever cannot speak.
    Sms,
    /// 3114, suicide prevention, day and night.
    Suicide,
    /// 3919, violence against women.
    Women,
    /// 119, children in danger.
    Children,
    /// 17, the police.
    Police,
}

impl Number {
    /// What one dials.
    pub fn digits(self) -> &'static str {
        match self {
            Number::Samu => "15",
            Number::Europe => "112",
            Number::Sms => "114",
            Number::Suicide => "3114",
            Number::Women => "3919",
            Number::Children => "119",
            Number::Police => "17",
        }
    }

    /// The link that calls it with one tap (the 114 takes text messages).
    pub fn href(self) -> String {
        match self {
            Number::Sms => format!("sms:{}", self.digits()),
            _ => format!("tel:{}", self.digits()),
        }
    }
}

/// The signs in `text`, each once, in `Sign::ALL`'s order.
pub fn signs(text: &str) -> Vec<Sign> {
    let words = tokens(text);
    let rules = rules();
    let mut excluded = vec![false; words.len()];
    for p in &rules.not {
        for (start, end) in p.matches(&words) {
            excluded[start..end].iter_mut().for_each(|e| *e = true);
        }
    }
    let mut found: Vec<Sign> = Vec::new();
    for (sign, p) in &rules.signs {
        if found.contains(sign) {
            continue;
        }
        let counts = p.matches(&words).into_iter().any(|(start, end)| {
            let kept = !excluded[start..end].iter().any(|e| *e);
            let denied = !p.starts_negated()
                && words[start.saturating_sub(NEGATION_REACH)..start].iter().any(|w| is_negation(w));
            kept && !denied
        });
        if counts {
            found.push(*sign);
        }
    }
    Sign::ALL.into_iter().filter(|s| found.contains(s)).collect()
}

/// The numbers for `signs`, each once, the most fitting first.
pub fn numbers_for(signs: &[Sign]) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    for n in signs.iter().flat_map(|s| s.numbers()) {
        if !out.contains(n) {
            out.push(*n);
        }
    }
    out
}

/// Signs as stored with a post: their slugs, comma-separated (`None` without any).
pub fn to_stored(signs: &[Sign]) -> Option<String> {
    (!signs.is_empty()).then(|| signs.iter().map(|s| s.slug()).collect::<Vec<_>>().join(","))
}

/// Signs read back from `to_stored`'s text (unknown slugs left out).
pub fn from_stored(stored: &str) -> Vec<Sign> {
    stored.split(',').filter_map(|s| s.trim().parse().ok()).collect()
}

/// How many words before a sign a negation cancels it.
const NEGATION_REACH: usize = 3;

fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "pas"
            | "sans"
            | "aucun"
            | "aucune"
            | "jamais"
            | "ni"
            | "non"
            | "no"
            | "not"
            | "never"
            | "without"
            | "don"
            | "doesn"
            | "didn"
            | "isn"
            | "wasn"
            | "haven"
            | "hasn"
            | "hadn"
    )
}

/// Lower case, without accents, apostrophes or hyphens: letters and digits.
fn tokens(text: &str) -> Vec<String> {
    fold_for_search(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// One word of a pattern.
#[derive(Debug)]
enum Word {
    Exact(String),
    Prefix(String),
    /// Up to `GAP` words.
    Gap,
}

/// The most words a `…` lets between two words.
const GAP: usize = 4;

#[derive(Debug)]
struct Pattern(Vec<Word>);

impl Pattern {
    fn parse(text: &str) -> Pattern {
        let mut words = Vec::new();
        for raw in text.split_whitespace() {
            if raw == "…" || raw == "..." {
                words.push(Word::Gap);
            } else if let Some(stem) = raw.strip_suffix('*') {
                words.extend(tokens(stem).into_iter().map(Word::Prefix));
            } else {
                words.extend(tokens(raw).into_iter().map(Word::Exact));
            }
        }
        Pattern(words)
    }

    fn starts_negated(&self) -> bool {
        matches!(self.0.first(), Some(Word::Exact(w) | Word::Prefix(w)) if is_negation(w))
    }

    /// Every place the pattern matches: (first word, one past the last).
    fn matches(&self, words: &[String]) -> Vec<(usize, usize)> {
        (0..words.len()).filter_map(|start| self.end_from(0, words, start).map(|end| (start, end))).collect()
    }

    /// Where the pattern's words from `k` on end, matched from `words[at]` on.
    fn end_from(&self, k: usize, words: &[String], at: usize) -> Option<usize> {
        let Some(w) = self.0.get(k) else { return Some(at) };
        match w {
            Word::Gap => {
                (0..=GAP).find_map(|skip| self.end_from(k + 1, words, at + skip).filter(|_| at + skip <= words.len()))
            }
            Word::Exact(e) => (words.get(at)? == e).then(|| self.end_from(k + 1, words, at + 1)).flatten(),
            Word::Prefix(p) => {
                words.get(at)?.starts_with(p.as_str()).then(|| self.end_from(k + 1, words, at + 1)).flatten()
            }
        }
    }
}

/// The lists, read once.
struct Rules {
    signs: Vec<(Sign, Pattern)>,
    not: Vec<Pattern>,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut r = Rules { signs: Vec::new(), not: Vec::new() };
        for file in [include_str!("data/triage-fr.txt"), include_str!("data/triage-en.txt")] {
            for line in file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let Some((key, pattern)) = line.split_once(':') else { continue };
                let pattern = Pattern::parse(pattern);
                if pattern.0.is_empty() {
                    continue;
                }
                match key.trim() {
                    "not" => r.not.push(pattern),
                    key => {
                        if let Ok(sign) = key.parse() {
                            r.signs.push((sign, pattern));
                        }
                    }
                }
            }
        }
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_lists_is_read() {
        for file in [include_str!("data/triage-fr.txt"), include_str!("data/triage-en.txt")] {
            for line in file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let (key, pattern) = line.split_once(':').unwrap_or_else(|| panic!("no « : » in {line}"));
                assert!(key == "not" || key.parse::<Sign>().is_ok(), "unknown sign in {line}");
                assert!(!Pattern::parse(pattern).0.is_empty(), "empty pattern in {line}");
            }
        }
        assert!(rules().signs.len() > 100 && rules().not.len() > 10);
    }

    #[test]
    fn inflections_accents_gaps_negations_and_look_alikes() {
        assert_eq!(signs("Ma voisine est TOMBÉE hier soir"), vec![Sign::Fall]);
        assert_eq!(signs("une douleur très forte dans la poitrine"), vec![Sign::Chest]);
        assert_eq!(signs("Il n'y a pas de malaise, tout va bien"), vec![]);
        assert_eq!(signs("Pas de malaise mais une douleur à la poitrine"), vec![Sign::Chest]);
        assert_eq!(signs("Je n'ai pas mangé depuis trois jours"), vec![Sign::Hunger]);
        assert_eq!(signs("Je suis tombée en panne sur la route"), vec![]);
        assert_eq!(signs("Chute de neige prévue, qui peut déneiger ?"), vec![]);
        assert_eq!(signs("I fell asleep"), vec![]);
        assert_eq!(signs("I don't have chest pain"), vec![]);
        assert_eq!(signs("mon mari me frappe et j'ai des idées noires"), vec![Sign::Suicide, Sign::Violence]);
        let n = numbers_for(&signs("mon mari me frappe et j'ai des idées noires"));
        assert_eq!(n.iter().map(|n| n.digits()).collect::<Vec<_>>(), ["3114", "15", "112", "114", "17", "3919"]);
        assert_eq!(Number::Sms.href(), "sms:114");
        assert_eq!(from_stored(&to_stored(&[Sign::Fall, Sign::Child]).unwrap()), vec![Sign::Fall, Sign::Child]);
        assert_eq!(to_stored(&[]), None);
    }

    /// The corpus written for this test (`data/triage-corpus.txt`): each line a sentence, marked
    /// `urgent` or `ordinary`. Prints `triage.recall` and `triage.false_positive_rate`.
    #[test]
    fn the_corpus_is_recognised_as_the_goals_ask() {
        let corpus = include_str!("data/triage-corpus.txt");
        let (mut urgent, mut caught, mut ordinary, mut flagged) = (0, 0, 0, 0);
        let mut missed = Vec::new();
        let mut wrong = Vec::new();
        for line in corpus.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (mark, sentence) = line.split_once('|').unwrap_or_else(|| panic!("no « | » in {line}"));
            let found = !signs(sentence).is_empty();
            match mark.trim() {
                "urgent" => {
                    urgent += 1;
                    if found {
                        caught += 1;
                    } else {
                        missed.push(sentence.trim());
                    }
                }
                "ordinary" => {
                    ordinary += 1;
                    if found {
                        flagged += 1;
                        wrong.push(sentence.trim());
                    }
                }
                other => panic!("unknown mark {other}"),
            }
        }
        assert!(urgent + ordinary >= 80 && urgent >= 35 && ordinary >= 35, "{urgent} + {ordinary} sentences");
        let recall = f64::from(caught) / f64::from(urgent);
        let false_positive_rate = f64::from(flagged) / f64::from(ordinary);
        println!("FIGURE triage.recall {recall:.3}");
        println!("FIGURE triage.false_positive_rate {false_positive_rate:.3}");
        println!("FIGURE triage.sentences {}", urgent + ordinary);
        println!("triage.missed {missed:?}");
        assert!(recall >= 0.95, "recall {recall:.3}; missed: {missed:#?}");
        assert!(false_positive_rate <= 0.05, "false positives {false_positive_rate:.3}: {wrong:#?}");
    }
}
