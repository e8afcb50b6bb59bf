//! Form round trips that work without JavaScript: forms post plainly to their page's address;
//! on a mistake the server renders the same page again with what was typed (never a password)
//! and the errors next to each field (`FormEcho`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;

/// What a form post left for the page to show: which form, what was typed, what was wrong,
/// or a confirmation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormEcho {
    /// The form's name (a page may hold several forms).
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub errors: FieldErrors,
    /// A confirmation ("Votre nom a été changé."), said in the page's language.
    pub notice: Option<Msg>,
}

impl FormEcho {
    /// The value typed in `field` of form `form`, or "".
    pub fn value(&self, form: &str, field: &str) -> String {
        if self.form == form {
            self.values.get(field).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    }

    /// The error of `field` of form `form`, in the page's language.
    pub fn error(&self, form: &str, field: &str) -> Option<String> {
        (self.form == form).then(|| self.errors.get(field).map(Msg::say)).flatten()
    }
}

/// The errors of `e` as field errors (other errors under the field `form`).
pub fn field_errors(e: &AppError) -> FieldErrors {
    match e {
        AppError::Validation(f) => f.clone(),
        other => {
            let mut errors = FieldErrors::new();
            for m in other.messages() {
                errors.push("form", m);
            }
            errors
        }
    }
}

/// The header a form posted in the background sends (`ui/components/post_form.rs`): the server
/// answers it with a `FormReply` instead of a page or a redirect.
pub const IN_BACKGROUND: &str = "x-entraide-form";

/// The answer to a form posted in the background: where to go after a success (the address a
/// plain post is redirected to), or what the page shows again after a mistake.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormReply {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub echo: Option<FormEcho>,
}
