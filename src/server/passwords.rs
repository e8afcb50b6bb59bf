//! Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane), always on the
//! blocking pool so that the async runtime never waits on it.

use std::sync::OnceLock;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::domain::user::Password;
use crate::error::AppError;
use crate::server::db::internal;

/// A random password for an account made by an operator: 20 characters from an alphabet
/// without look-alikes (about 114 bits).
pub fn generate() -> String {
    use argon2::password_hash::rand_core::RngCore;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    (0..20)
        .map(|i| {
            let c = ALPHABET[(OsRng.next_u32() as usize) % ALPHABET.len()] as char;
            if i > 0 && i % 5 == 0 {
                format!("-{c}")
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Hashes a new password into a PHC string.
pub async fn hash(password: &Password) -> Result<String, AppError> {
    let p = password.expose().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(p.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|e| internal("hash password: join", e))?
    .map_err(|e| internal("hash password", e))
}

/// Whether `password` matches `phc`. With `None` (unknown account) a dummy hash is checked
/// anyway, so that both cases take the same time and answer the same.
pub async fn verify(phc: Option<String>, password: &Password) -> Result<bool, AppError> {
    let p = password.expose().to_owned();
    let known = phc.is_some();
    tokio::task::spawn_blocking(move || {
        let phc = phc.unwrap_or_else(|| dummy_hash().to_owned());
        let parsed = PasswordHash::new(&phc).map_err(|e| e.to_string())?;
        Ok::<bool, String>(Argon2::default().verify_password(p.as_bytes(), &parsed).is_ok() && known)
    })
    .await
    .map_err(|e| internal("verify password: join", e))?
    .map_err(|e| internal("verify password", e))
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(b"no such account here", &salt).map(|h| h.to_string()).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_and_verify() {
        let p = Password::parse_new("un jardin sous la pluie", &[]).unwrap();
        let h = hash(&p).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify(Some(h.clone()), &p).await.unwrap());
        let wrong = Password::parse_attempt("un jardin sous la Pluie").unwrap();
        assert!(!verify(Some(h), &wrong).await.unwrap());
        assert!(!verify(None, &p).await.unwrap());
    }
}
