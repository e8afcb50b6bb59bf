//! Background delivery when several app servers share one database. Each server process has a
//! name of its own ([`me`]); the delivery loops (e-mails, pushes) take the rows they are about to
//! send with a lease in that name, so two servers never send the same e-mail, and a server that
//! dies leaves its rows to the others once the lease has run out. At shutdown the loops are asked
//! to stop ([`Stop`]): they finish the row in hand and hand the rest back at once.

use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use tokio::sync::{watch, Notify};

/// How long rows taken by a server are left to it: longer than a batch takes to send
/// ([`BATCH`] rows, each given up after 20 s), so that a slow relay does not make another
/// server take them too.
pub const LEASE: i64 = 600;
/// Rows taken at once.
pub const BATCH: i64 = 10;

/// This process's name in the leases: host, process id and a random part (a process id is
/// reused by the next start, on another machine too).
pub fn me() -> &'static str {
    static ME: OnceLock<String> = OnceLock::new();
    ME.get_or_init(|| {
        use argon2::password_hash::rand_core::{OsRng, RngCore};
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
        let host: String = host.trim().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(40).collect();
        format!("{host}/{}/{:08x}", std::process::id(), OsRng.next_u32())
    })
}

/// The stop asked of the background loops.
#[derive(Debug, Clone)]
pub struct Stop(watch::Receiver<bool>);

/// What asks the stop.
#[derive(Debug)]
pub struct StopSwitch(watch::Sender<bool>);

impl Stop {
    /// A stop and its switch.
    pub fn new() -> (StopSwitch, Stop) {
        let (tx, rx) = watch::channel(false);
        (StopSwitch(tx), Stop(rx))
    }

    /// A stop never asked (tests, one-off commands).
    pub fn never() -> Stop {
        let (tx, rx) = watch::channel(false);
        // The receiver keeps the last value once the sender is gone: never `true`.
        drop(tx);
        Stop(rx)
    }

    /// Whether the stop has been asked.
    pub fn asked(&self) -> bool {
        *self.0.borrow()
    }

    /// Waits for the stop (forever if it can no longer be asked).
    pub async fn wait(&mut self) {
        if self.0.wait_for(|asked| *asked).await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

impl StopSwitch {
    /// Asks every loop holding one of its [`Stop`]s to stop.
    pub fn ask(&self) {
        self.0.send_replace(true);
    }
}

/// One pass over a delivery queue: takes its rows [`BATCH`] at a time with `claim(after)` (the
/// rows after id `after`, each taken in this server's name: `db::leases`) and gives each to
/// `deliver` (whether it was delivered), until none is left or `stop` is asked — the rows taken
/// and not delivered are then handed back by the loop ([`every`]). Each row is tried once per
/// pass. How many were delivered.
pub async fn drain<R, C, CF, D, DF>(
    stop: &Stop,
    id: fn(&R) -> i64,
    mut claim: C,
    mut deliver: D,
) -> Result<usize, String>
where
    C: FnMut(i64) -> CF,
    CF: Future<Output = Result<Vec<R>, String>>,
    D: FnMut(R) -> DF,
    DF: Future<Output = Result<bool, String>>,
{
    let mut delivered = 0;
    let mut after = 0;
    while !stop.asked() {
        let rows = claim(after).await?;
        let Some(last) = rows.last() else { break };
        after = id(last);
        for row in rows {
            if stop.asked() {
                break;
            }
            delivered += usize::from(deliver(row).await?);
        }
    }
    Ok(delivered)
}

/// Runs `pass` now and then every `every` (at once when `wake` is notified) until `stop`, then
/// `hand_back` once. `what` names the loop in the logs.
pub async fn every<P, PF, H, HF>(what: &str, every: Duration, wake: &Notify, mut stop: Stop, mut pass: P, hand_back: H)
where
    P: FnMut(Stop) -> PF,
    PF: Future<Output = Result<usize, String>>,
    H: FnOnce() -> HF,
    HF: Future<Output = Result<u64, String>>,
{
    while !stop.asked() {
        if let Err(e) = pass(stop.clone()).await {
            tracing::error!("{what}: {e}");
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = wake.notified() => {}
            _ = stop.wait() => {}
        }
    }
    match hand_back().await {
        Ok(0) => {}
        Ok(n) => tracing::info!("{what}: {n} handed back to the other servers"),
        Err(e) => tracing::warn!("{what}: not handed back (taken again when the lease ends): {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_has_one_name() {
        assert_eq!(me(), me());
        assert!(me().contains(&format!("/{}/", std::process::id())), "{}", me());
    }

    #[tokio::test]
    async fn a_loop_stops_when_asked_and_hands_back() {
        let (switch, stop) = Stop::new();
        let wake = Notify::new();
        let passes = std::sync::atomic::AtomicUsize::new(0);
        let handed = std::sync::atomic::AtomicBool::new(false);
        let run = every(
            "test",
            Duration::from_secs(3600),
            &wake,
            stop,
            |_| async {
                passes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Ok(0)
            },
            || async {
                handed.store(true, std::sync::atomic::Ordering::SeqCst);
                Ok(0)
            },
        );
        let asker = async {
            tokio::task::yield_now().await;
            wake.notify_one();
            tokio::time::sleep(Duration::from_millis(20)).await;
            switch.ask();
        };
        tokio::time::timeout(Duration::from_secs(5), async { tokio::join!(run, asker) }).await.expect("stopped");
        assert_eq!(passes.load(std::sync::atomic::Ordering::SeqCst), 2, "the first pass, then the woken one");
        assert!(handed.load(std::sync::atomic::Ordering::SeqCst));
        assert!(!Stop::never().asked());
    }
}
