//! Publishing one question at a time (the easy-read mode's "Publier"): the same form as
//! `PostForm`, asked in steps — request or offer, category, title, description, place,
//! a private note, then a summary to confirm. Each step is checked with the same rules as the
//! whole form (`PostForm::parse`), keeping only the errors of that step's fields.

use crate::error::FieldErrors;

use super::commune::CommuneRef;
use super::post::PostForm;

/// A step of the easy publishing form, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Kind,
    Category,
    Title,
    Description,
    Place,
    Note,
    Confirm,
}

impl Step {
    pub const ALL: [Step; 7] =
        [Step::Kind, Step::Category, Step::Title, Step::Description, Step::Place, Step::Note, Step::Confirm];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Kind => "kind",
            Step::Category => "category",
            Step::Title => "title",
            Step::Description => "description",
            Step::Place => "place",
            Step::Note => "note",
            Step::Confirm => "confirm",
        }
    }

    /// 1 for the first step.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// The step after this one (the last stays last).
    pub fn next(self) -> Step {
        Step::ALL.get(self.number()).copied().unwrap_or(Step::Confirm)
    }

    /// The form fields this step asks for (the names its errors are keyed by).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Step::Kind => &["kind"],
            Step::Category => &["category"],
            Step::Title => &["title"],
            Step::Description => &["description"],
            Step::Place => &["location", "commune"],
            Step::Note => &["private_note"],
            Step::Confirm => &[],
        }
    }
}
slug_parse_display!(Step);

/// Checks what was answered at `step`: the next step, or this step's errors. (The last step,
/// `Confirm`, publishes the whole form: the caller parses it as usual.)
pub fn advance(step: Step, form: &PostForm, communes: &[CommuneRef], now: i64) -> Result<Step, FieldErrors> {
    let errors = match form.parse(communes, now) {
        Ok(_) => FieldErrors::new(),
        Err(all) => FieldErrors(all.0.into_iter().filter(|e| step.fields().contains(&e.field.as_str())).collect()),
    };
    if errors.is_empty() {
        Ok(step.next())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colmar() -> Vec<CommuneRef> {
        vec![CommuneRef { insee: "68066".into(), name: "Colmar".into(), postcodes: vec!["68000".into()] }]
    }

    #[test]
    fn each_step_checks_only_its_own_answer() {
        let mut form = PostForm::default();
        // Nothing chosen yet: the first step says so, and only that.
        let e = advance(Step::Kind, &form, &colmar(), 1_796_295_600).unwrap_err();
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0[0].field, "kind");
        form.kind = "request".into();
        assert_eq!(advance(Step::Kind, &form, &colmar(), 1_796_295_600), Ok(Step::Category));
        form.category = "groceries".into();
        assert_eq!(advance(Step::Category, &form, &colmar(), 1_796_295_600), Ok(Step::Title));
        // A title too short is refused at its own step.
        form.title = "ab".into();
        assert_eq!(advance(Step::Title, &form, &colmar(), 1_796_295_600).unwrap_err().0[0].field, "title");
        form.title = "Courses le samedi".into();
        assert_eq!(advance(Step::Title, &form, &colmar(), 1_796_295_600), Ok(Step::Description));
        form.description = "Le samedi matin, au marché.".into();
        assert_eq!(advance(Step::Description, &form, &colmar(), 1_796_295_600), Ok(Step::Place));
        form.commune = "Strasbourg".into();
        assert_eq!(advance(Step::Place, &form, &colmar(), 1_796_295_600).unwrap_err().0[0].field, "location");
        form.commune = "colmar".into();
        assert_eq!(advance(Step::Place, &form, &colmar(), 1_796_295_600), Ok(Step::Note));
        assert_eq!(advance(Step::Note, &form, &colmar(), 1_796_295_600), Ok(Step::Confirm));
        assert_eq!(Step::Confirm.next(), Step::Confirm);
        assert_eq!(Step::Kind.number(), 1);
        assert_eq!(Step::Confirm.number(), 7);
        assert_eq!("place".parse::<Step>(), Ok(Step::Place));
    }
}
