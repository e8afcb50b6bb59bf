//! The one error type that crosses the wire, shared by the server and the browser.
//! Internal causes never travel: the server logs them and sends `Internal` with a reference id.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// One problem with one input field, said in French for the person who typed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Name of the field (the form input's `name`, or the query parameter).
    pub field: String,
    /// What was wrong, in French.
    pub message: String,
}

/// Validation problems, keyed by field so forms show them next to the input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// One problem for one field.
    pub fn single(field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new();
        e.push(field, message);
        e
    }

    /// Adds a problem for `field`.
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError { field: field.to_owned(), message: message.into() });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first message for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message.as_str())
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

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let msgs: Vec<&str> = self.0.iter().map(|e| e.message.as_str()).collect();
        f.write_str(&msgs.join(" "))
    }
}

/// Every error a server function or API route can answer with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Validation(FieldErrors),
    #[error("Cette page n'existe pas ou n'est plus disponible.")]
    NotFound,
    #[error("Connectez-vous pour continuer.")]
    Unauthenticated,
    #[error("Vous n'avez pas le droit de faire cela.")]
    Forbidden,
    #[error("Trop d'essais. Réessayez dans {} minute(s).", retry_after.div_ceil(60))]
    TooManyRequests { retry_after: u64 },
    #[error("Une erreur est survenue de notre côté (référence {reference}). Réessayez dans un instant.")]
    Internal { reference: String },
    #[error("La connexion au serveur a échoué. Vérifiez votre connexion et réessayez.")]
    Transport(String),
}

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Validation(_) => 400,
            AppError::NotFound => 404,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::TooManyRequests { .. } => 429,
            AppError::Internal { .. } => 500,
            AppError::Transport(_) => 502,
        }
    }
}

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
                let mut e = FieldErrors::new();
                e.push("query", "La demande est mal formée.");
                AppError::Validation(e)
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}
