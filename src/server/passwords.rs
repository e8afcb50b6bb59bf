//! Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane), on a few threads
//! of its own so that the async runtime never waits on it, at most `AT_ONCE` at a time: a burst
//! of log-ins waits its turn (then is asked to come back) instead of exhausting memory.

use std::sync::OnceLock;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use argon2::password_hash::{rand_core::OsRng, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

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

/// Password checks running at once, at most: each holds 19 MiB, so hundreds at once (a burst of
/// log-ins) could exhaust memory. The others wait their turn.
pub const AT_ONCE: usize = 4;
/// How long a check waits for its turn before the person is asked to come back (503).
const WAIT: Duration = Duration::from_secs(5);
/// When to come back after waiting in vain, in seconds.
const COME_BACK: u64 = 10;

fn turns() -> std::sync::Arc<Semaphore> {
    static TURNS: OnceLock<std::sync::Arc<Semaphore>> = OnceLock::new();
    TURNS.get_or_init(|| std::sync::Arc::new(Semaphore::new(AT_ONCE))).clone()
}

/// Test helper: takes every turn, as a burst of log-ins would.
#[cfg(test)]
pub async fn hold_all_turns() -> Vec<OwnedSemaphorePermit> {
    let mut held = vec![];
    for _ in 0..AT_ONCE {
        held.push(turns().acquire_owned().await.expect("turns are never closed"));
    }
    held
}

/// A job for the hashing threads.
type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads: `AT_ONCE` threads of their own, off the async runtime. A fixed few
/// threads also keep the allocator's memory bounded: each thread that ever ran a 19 MiB hash
/// keeps some of it for reuse, and Tokio's blocking pool would use a new thread per waiting
/// task (measured: 300 log-ins at once through it peaked near 1 GiB).
fn hashers() -> &'static std::sync::mpsc::Sender<Job> {
    static HASHERS: OnceLock<std::sync::mpsc::Sender<Job>> = OnceLock::new();
    HASHERS.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for i in 0..AT_ONCE {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new().name(format!("password-{i}")).spawn(move || loop {
                let job = rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                match job {
                    Ok(job) => job(),
                    Err(_) => return,
                }
            });
            if let Err(e) = spawned {
                tracing::error!("cannot start a password thread: {e}");
            }
        }
        tx
    })
}

/// Runs `work` on a hashing thread once a turn is free (or answers `Busy`), and waits for it
/// without blocking the async runtime.
async fn on_hasher<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let permit = turn().await?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _permit = permit;
        let _ = tx.send(work());
    });
    hashers().send(job).map_err(|e| internal("password thread", e.to_string()))?;
    rx.await.map_err(|e| internal("password thread: answer", e))
}

/// A turn to hash, held until the hash ends (even if the request that asked went away).
async fn turn() -> Result<OwnedSemaphorePermit, AppError> {
    let turns = turns();
    match tokio::time::timeout(WAIT, turns.acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(closed)) => Err(internal("password turn", closed)),
        Err(_) => Err(AppError::Busy { retry_after: COME_BACK }),
    }
}

/// Hashes a new password into a PHC string.
pub async fn hash(password: &Password) -> Result<String, AppError> {
    let p = password.expose().to_owned();
    on_hasher(move || hash_here(p.as_bytes())).await?.map_err(|e| internal("hash password", e))
}

/// Whether `password` matches `phc`. With `None` (unknown account) a dummy hash is checked
/// anyway, so that both cases take the same time and answer the same.
pub async fn verify(phc: Option<String>, password: &Password) -> Result<bool, AppError> {
    let p = password.expose().to_owned();
    let known = phc.is_some();
    on_hasher(move || {
        let phc = phc.unwrap_or_else(|| dummy_hash().to_owned());
        verify_here(&phc, p.as_bytes()).map(|matches| matches && known)
    })
    .await?
    .map_err(|e| internal("verify password", e))
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_here(b"no such account here").unwrap_or_default())
}

thread_local! {
    /// The memory of this hashing thread's argon2 computations, allocated once and reused: a
    /// fresh 19 MiB for each hash is kept by the allocator afterwards (measured: 100 checks
    /// left the process 700 MiB larger).
    static MEMORY: std::cell::RefCell<Vec<Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Argon2 of `password` with `salt` under `argon`'s parameters, `len` bytes, in this thread's memory.
fn compute(argon: &Argon2, params: &Params, password: &[u8], salt: &[u8], len: usize) -> Result<Output, String> {
    MEMORY.with(|memory| {
        let mut memory = memory.borrow_mut();
        if memory.len() < params.block_count() {
            memory.resize(params.block_count(), Block::default());
        }
        let blocks = &mut memory[..params.block_count()];
        Output::init_with(len, |out| Ok(argon.hash_password_into_with_memory(password, salt, out, &mut *blocks)?))
            .map_err(|e| e.to_string())
    })
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) of `password`, on this thread.
fn hash_here(password: &[u8]) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    let argon = Argon2::default();
    let params = argon.params().clone();
    let mut buf = [0u8; 64];
    let salt_bytes = salt.as_salt().decode_b64(&mut buf).map_err(|e| e.to_string())?;
    let out = compute(&argon, &params, password, salt_bytes, Params::DEFAULT_OUTPUT_LEN)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| e.to_string())?,
        salt: Some(salt.as_salt()),
        hash: Some(out),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the PHC string `phc` (its own algorithm, version and parameters),
/// on this thread; the outputs are compared in constant time.
fn verify_here(phc: &str, password: &[u8]) -> Result<bool, String> {
    let parsed = PasswordHash::new(phc).map_err(|e| e.to_string())?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return Ok(false) };
    let params = Params::try_from(&parsed).map_err(|e| e.to_string())?;
    let algorithm = Algorithm::try_from(parsed.algorithm).map_err(|e| e.to_string())?;
    let version = parsed.version.map(Version::try_from).transpose().map_err(|e| e.to_string())?.unwrap_or_default();
    let mut buf = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut buf).map_err(|e| e.to_string())?;
    let argon = Argon2::new(algorithm, version, params.clone());
    Ok(compute(&argon, &params, password, salt_bytes, expected.len())? == expected)
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

    #[test]
    fn stored_hashes_and_new_ones_are_the_standard_phc_strings() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        // A hash made by the crate's own code (as every stored one was) is checked here…
        let salt = SaltString::generate(&mut OsRng);
        let theirs = Argon2::default().hash_password(b"le chat dort", &salt).unwrap().to_string();
        assert!(verify_here(&theirs, b"le chat dort").unwrap());
        assert!(!verify_here(&theirs, b"le chat dort.").unwrap());
        // …and one made here by the crate's code, with other parameters too.
        let ours = hash_here(b"le chat dort").unwrap();
        Argon2::default().verify_password(b"le chat dort", &PasswordHash::new(&ours).unwrap()).unwrap();
        let light = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(8192, 3, 1, None).unwrap());
        let other = light.hash_password(b"abc", &salt).unwrap().to_string();
        assert!(verify_here(&other, b"abc").unwrap());
    }
}
