//! The one error type that crosses the wire, shared by the server and the browser.
//! Internal causes never travel: the server logs them and sends `Internal` with a reference id.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::Msg;

/// One problem with one input field, said to the person who typed it in their language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Name of the field (the form input's `name`, or the query parameter).
    pub field: String,
    /// What was wrong (put into words where it is shown).
    pub message: Msg,
}

/// Validation problems, keyed by field so forms show them next to the input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// One problem for one field.
    pub fn single(field: &str, message: Msg) -> Self {
        let mut e = Self::new();
        e.push(field, message);
        e
    }

    /// Adds a problem for `field`.
    pub fn push(&mut self, field: &str, message: Msg) {
        self.0.push(FieldError { field: field.to_owned(), message });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds every problem of `other`.
    pub fn extend(&mut self, other: FieldErrors) {
        self.0.extend(other.0);
    }

    /// The first message for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&Msg> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.message)
    }

    /// `Ok(value)` when no problem was recorded.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

/// In French (logs, the operator's command line).
impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let msgs: Vec<String> = self.0.iter().map(|e| e.message.to_string()).collect();
        f.write_str(&msgs.join(" "))
    }
}

/// Every error a server function or API route can answer with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    Validation(FieldErrors),
    NotFound,
    Unauthenticated,
    Forbidden,
    TooManyRequests {
        retry_after: u64,
    },
    /// Too much work at once (password checks): come back in `retry_after` seconds.
    Busy {
        retry_after: u64,
    },
    Internal {
        reference: String,
    },
    /// The server could not be reached (what failed, for the logs: never shown).
    Transport(String),
}

impl AppError {
    /// What to tell the person: each problem of a validation error, else one sentence.
    pub fn messages(&self) -> Vec<Msg> {
        let one = match self {
            AppError::Validation(f) => return f.0.iter().map(|e| e.message.clone()).collect(),
            AppError::NotFound => Msg::new("error-not-found"),
            AppError::Unauthenticated => Msg::new("error-unauthenticated"),
            AppError::Forbidden => Msg::new("error-forbidden"),
            AppError::TooManyRequests { retry_after } => {
                Msg::new("error-too-many").num("minutes", i64::try_from(retry_after.div_ceil(60)).unwrap_or(i64::MAX))
            }
            AppError::Busy { .. } => Msg::new("error-busy"),
            AppError::Internal { reference } => Msg::new("error-internal").text("reference", reference.clone()),
            AppError::Transport(_) => Msg::new("error-transport"),
        };
        vec![one]
    }

    /// What to tell the person, in the page's language, in one paragraph.
    pub fn say(&self) -> String {
        self.messages().iter().map(Msg::say).collect::<Vec<_>>().join(" ")
    }

    /// When to come back, in seconds, for the errors that say so (`Retry-After`).
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::TooManyRequests { retry_after } | AppError::Busy { retry_after } => Some(*retry_after),
            _ => None,
        }
    }

    /// The HTTP status this error answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Validation(_) => 400,
            AppError::NotFound => 404,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::TooManyRequests { .. } => 429,
            AppError::Busy { .. } => 503,
            AppError::Internal { .. } => 500,
            AppError::Transport(_) => 502,
        }
    }
}

/// In French (logs, the operator's command line); pages say [`AppError::say`].
impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let msgs: Vec<String> = self.messages().iter().map(Msg::to_string).collect();
        f.write_str(&msgs.join(" "))
    }
}

impl std::error::Error for AppError {}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Validation(e)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Arguments that do not even deserialize are bad input, not a transport failure.
            ServerFnErrorErr::Args(_) => {
                AppError::Validation(FieldErrors::single("query", Msg::new("error-bad-request")))
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}
