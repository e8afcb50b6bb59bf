//! Sending the outbox through an SMTP relay. E-mails are rendered and queued in the `outbox`
//! table in the same transaction as the event they tell about; this loop delivers them when
//! `SMTP_URL` is set (`smtp://relay:25`, `smtp://relay:587?tls=required`, `smtps://user:pass@relay`).
//! Without it they wait in the table, and `entraide outbox` shows them to the operator.

use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::server::db::leases::{self, Queue, Take};
use crate::server::db::{notifications as sql, Db};
use crate::server::services;
use crate::server::workers::{self, Stop};

/// A failing e-mail is tried this many times, then left for the operator.
pub const MAX_ATTEMPTS: i64 = 5;
/// How often the outbox is looked at.
const EVERY: Duration = Duration::from_secs(10);

/// An SMTP relay and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    // The URL may hold credentials: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from.to_string()).finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for the relay at `url`, sending as `from`.
    pub fn new(url: &str, from: &str) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP_URL is not a valid SMTP address: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from.parse().map_err(|e| format!("ENTRAIDE_MAIL_FROM is not a valid address: {e}"))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one plain-text e-mail. A failure says only its kind and the relay's status code:
    /// relays quote the recipient in their replies, and those words never reach a log or a table.
    /// With `unsubscribe`, the e-mail carries the one-click unsubscribe of RFC 8058 (mail
    /// programs show an "Unsubscribe" button that posts to that address).
    pub async fn send(
        &self,
        to: &str,
        subject: &str,
        body: &str,
        unsubscribe: Option<&str>,
    ) -> Result<(), SendFailure> {
        let to: Mailbox = to.parse().map_err(|_| SendFailure::BadRecipient)?;
        let mut builder = Message::builder().from(self.from.clone()).to(to).subject(subject);
        if let Some(url) = unsubscribe.filter(|u| u.bytes().all(|b| b.is_ascii_graphic())) {
            builder = builder
                .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let message =
            builder.header(ContentType::TEXT_PLAIN).body(body.to_owned()).map_err(|_| SendFailure::BadRecipient)?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| SendFailure::of(&e))
    }
}

/// Why an e-mail was not sent, without anything the relay said in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendFailure {
    /// The address or the message could not be written as an e-mail.
    BadRecipient,
    /// The relay answered with this status code (`permanent`: 5xx, else transient).
    Refused { code: u16, permanent: bool },
    /// No answer in time.
    Timeout,
    /// The relay could not be reached or the connection broke.
    Connection,
}

impl SendFailure {
    fn of(e: &lettre::transport::smtp::Error) -> SendFailure {
        if let Some(code) = e.status() {
            let code = code.to_string().parse().unwrap_or(0);
            SendFailure::Refused { code, permanent: e.is_permanent() }
        } else if e.is_timeout() {
            SendFailure::Timeout
        } else {
            SendFailure::Connection
        }
    }
}

impl std::fmt::Display for SendFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendFailure::BadRecipient => f.write_str("bad recipient"),
            SendFailure::Refused { code, permanent: true } => write!(f, "SMTP {code} (permanent)"),
            SendFailure::Refused { code, permanent: false } => write!(f, "SMTP {code} (transient)"),
            SendFailure::Timeout => f.write_str("SMTP timeout"),
            SendFailure::Connection => f.write_str("SMTP connection failed"),
        }
    }
}

/// Sends what waits in the outbox once, each e-mail at most once per pass, taking them
/// [`workers::BATCH`] at a time in the name of `worker` (`workers::me()`), until `stop` is asked;
/// returns how many were sent.
pub async fn flush(db: &Db, mailer: &Mailer, worker: &str, stop: &Stop) -> Result<usize, String> {
    let claim = |after| async move {
        let now = services::now();
        let take =
            Take { worker, now, until: now + workers::LEASE, max_attempts: MAX_ATTEMPTS, after, limit: workers::BATCH };
        let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
        sql::claim(&mut conn, take).await.map_err(|e| e.to_string())
    };
    workers::drain(stop, |r: &sql::OutboxRow| r.id, claim, |r| deliver(db, mailer, r)).await
}

/// Hands back what `worker` took and has not sent.
pub async fn hand_back(db: &Db, worker: &str) -> Result<u64, String> {
    let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
    leases::release(&mut conn, Queue::Emails, worker).await.map_err(|e| e.to_string())
}

/// Sends one e-mail and records the attempt; whether it was sent.
async fn deliver(db: &Db, mailer: &Mailer, r: sql::OutboxRow) -> Result<bool, String> {
    let result =
        mailer.send(&r.to_email, &r.subject, &r.body, r.unsubscribe_url.as_deref()).await.map_err(|e| e.to_string());
    crate::server::metrics::email(result.is_ok());
    if let Err(e) = &result {
        // The outbox row is the reference; the address stays in the table, never in the log.
        tracing::warn!(outbox_id = r.id, "e-mail not sent: {e}");
    }
    let mut conn = db.write.acquire().await.map_err(|e| e.to_string())?;
    sql::record_attempt(&mut conn, r.id, result.as_ref().map(|_| ()).map_err(String::as_str), services::now())
        .await
        .map_err(|e| e.to_string())?;
    Ok(result.is_ok())
}

fn waker() -> &'static tokio::sync::Notify {
    static WAKER: std::sync::OnceLock<tokio::sync::Notify> = std::sync::OnceLock::new();
    WAKER.get_or_init(tokio::sync::Notify::new)
}

/// Asks the delivery loop to look at the outbox now (an account link waits in it: a person is
/// waiting for it at their mailbox).
pub fn wake() {
    waker().notify_one();
}

/// Delivers the outbox every few seconds (at once when woken) until `stop`, then hands back
/// what it took and has not sent.
pub async fn run(db: Db, mailer: Mailer, stop: Stop) {
    let worker = workers::me();
    workers::every(
        "outbox",
        EVERY,
        waker(),
        stop,
        |stop| {
            let (db, mailer) = (db.clone(), mailer.clone());
            async move { flush(&db, &mailer, worker, &stop).await }
        },
        || hand_back(&db, worker),
    )
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::db;
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    /// A minimal SMTP server on a local port that accepts every e-mail and hands back the DATA
    /// it received (the real client speaks real SMTP to it).
    async fn smtp_server() -> (String, tokio::sync::mpsc::UnboundedReceiver<String>) {
        smtp_server_answering_rcpt("250 ok").await
    }

    /// The same, answering `rcpt` to each recipient.
    async fn smtp_server_answering_rcpt(rcpt: &'static str) -> (String, tokio::sync::mpsc::UnboundedReceiver<String>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let tx = tx.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    write.write_all(b"220 test ESMTP\r\n").await.unwrap();
                    let mut data: Option<String> = None;
                    while let Ok(Some(line)) = lines.next_line().await {
                        if let Some(d) = data.as_mut() {
                            if line == "." {
                                let _ = tx.send(std::mem::take(d));
                                data = None;
                                write.write_all(b"250 queued\r\n").await.unwrap();
                            } else {
                                d.push_str(&line);
                                d.push('\n');
                            }
                            continue;
                        }
                        let verb = line.split(' ').next().unwrap_or("").to_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250 test\r\n",
                            "DATA" => {
                                data = Some(String::new());
                                b"354 go on\r\n"
                            }
                            "RCPT" => {
                                write.write_all(format!("{rcpt}\r\n").as_bytes()).await.unwrap();
                                continue;
                            }
                            "QUIT" => {
                                write.write_all(b"221 bye\r\n").await.unwrap();
                                break;
                            }
                            _ => b"250 ok\r\n",
                        };
                        write.write_all(reply).await.unwrap();
                    }
                });
            }
        });
        (format!("smtp://127.0.0.1:{port}"), rx)
    }

    /// One pass, as the only server.
    async fn once(db: &Db, mailer: &Mailer) -> Result<usize, String> {
        flush(db, mailer, "test", &Stop::never()).await
    }

    /// Two servers deliver one outbox at once, to one relay: each e-mail goes out once.
    #[tokio::test]
    async fn two_servers_never_send_the_same_email() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let (first, second) = (Db::single(pool.clone()), Db::single(pool));
        let subjects: Vec<String> = (0..40).map(|i| format!("Message {i}")).collect();
        let mut conn = first.write.acquire().await.unwrap();
        for s in &subjects {
            sql::queue_email(&mut conn, &email(s, "Texte")).await.unwrap();
        }
        drop(conn);
        let (url, mut received) = smtp_server().await;
        let mailer = Mailer::new(&url, "ne-pas-repondre@entraide.invalid").unwrap();
        let never = Stop::never();
        let (a, b) =
            tokio::join!(flush(&first, &mailer, "serveur-a", &never), flush(&second, &mailer, "serveur-b", &never));
        let (a, b) = (a.unwrap(), b.unwrap());
        assert!(a > 0 && b > 0, "both servers took a share ({a} and {b})");
        assert_eq!(a + b, 40);
        let mut got = vec![];
        while let Ok(data) = received.try_recv() {
            got.push(data.lines().find_map(|l| l.strip_prefix("Subject: ")).unwrap_or_default().to_owned());
        }
        got.sort();
        let mut expected = subjects.clone();
        expected.sort();
        assert_eq!(got, expected, "each e-mail received once");
        let claimed: i64 = db::query_scalar("SELECT count(*) FROM outbox WHERE claimed_by IS NOT NULL")
            .fetch_one(&first.read)
            .await
            .unwrap();
        assert_eq!(claimed, 0, "a sent e-mail is no longer held");
    }

    /// What a server took is left to it while its lease runs, handed back when it stops, and
    /// taken by another once the lease has run out (it died).
    #[tokio::test]
    async fn what_a_server_took_waits_for_its_lease_or_its_hand_back() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let mut conn = db.write.acquire().await.unwrap();
        for s in ["Un", "Deux", "Trois"] {
            sql::queue_email(&mut conn, &email(s, "Texte")).await.unwrap();
        }
        let now = services::now();
        let take = Take {
            worker: "serveur-a",
            now,
            until: now + workers::LEASE,
            max_attempts: MAX_ATTEMPTS,
            after: 0,
            limit: 2,
        };
        let taken = sql::claim(&mut conn, take).await.unwrap();
        assert_eq!(taken.iter().map(|r| r.subject.as_str()).collect::<Vec<_>>(), ["Un", "Deux"]);
        drop(conn);
        let (url, _received) = smtp_server().await;
        let mailer = Mailer::new(&url, "ne-pas-repondre@entraide.invalid").unwrap();
        assert_eq!(flush(&db, &mailer, "serveur-b", &Stop::never()).await.unwrap(), 1, "only the one not taken");
        assert_eq!(hand_back(&db, "serveur-b").await.unwrap(), 0, "b holds nothing unsent");
        assert_eq!(hand_back(&db, "serveur-a").await.unwrap(), 2);
        assert_eq!(flush(&db, &mailer, "serveur-b", &Stop::never()).await.unwrap(), 2, "handed back, taken at once");
        // A server that died: its lease runs out.
        let mut conn = db.write.acquire().await.unwrap();
        sql::queue_email(&mut conn, &email("Quatre", "Texte")).await.unwrap();
        let take = Take {
            worker: "serveur-c",
            now: now - 700,
            until: now - 100,
            max_attempts: MAX_ATTEMPTS,
            after: 0,
            limit: 10,
        };
        let taken = sql::claim(&mut conn, take).await.unwrap();
        assert_eq!(taken.len(), 1);
        drop(conn);
        assert_eq!(flush(&db, &mailer, "serveur-b", &Stop::never()).await.unwrap(), 1, "the lease ran out");
        // A stop asked before the pass: nothing is taken.
        let mut conn = db.write.acquire().await.unwrap();
        sql::queue_email(&mut conn, &email("Cinq", "Texte")).await.unwrap();
        drop(conn);
        let (switch, stop) = Stop::new();
        switch.ask();
        assert_eq!(flush(&db, &mailer, "serveur-b", &stop).await.unwrap(), 0);
    }

    fn email<'a>(subject: &'a str, body: &'a str) -> sql::NewEmail<'a> {
        sql::NewEmail {
            to: "claire@exemple.fr",
            subject,
            body,
            post_id: None,
            conversation_id: None,
            at: 5,
            erase_after_send: false,
        }
    }

    #[tokio::test]
    async fn the_outbox_is_delivered_through_smtp() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let mut conn = db.write.acquire().await.unwrap();
        sql::queue_email(&mut conn, &email("Nouveau message", "Bonjour Claire,\nUn message.")).await.unwrap();
        drop(conn);
        let (url, mut received) = smtp_server().await;
        let mailer = Mailer::new(&url, "Entraide Haut-Rhin <ne-pas-repondre@entraide.invalid>").unwrap();
        assert_eq!(once(&db, &mailer).await.unwrap(), 1);
        let data = received.recv().await.unwrap();
        assert!(data.contains("To: claire@exemple.fr"), "{data}");
        assert!(data.contains("Subject: Nouveau message"), "{data}");
        assert!(data.contains("Un message."), "{data}");
        let sent: Option<i64> = db::query_scalar("SELECT sent_at FROM outbox").fetch_one(&db.read).await.unwrap();
        assert!(sent.is_some());
        assert_eq!(once(&db, &mailer).await.unwrap(), 0, "sent once");
    }

    #[tokio::test]
    async fn an_alert_carries_the_one_click_unsubscribe_of_rfc_8058() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let mut conn = db.write.acquire().await.unwrap();
        let url = format!("https://entraide.example/alertes/desabonner/{}", "ab".repeat(32));
        sql::queue_email_with_unsubscribe(&mut conn, &email("Alerte", "Une demande."), &url).await.unwrap();
        sql::queue_email(&mut conn, &email("Mot de passe", "Un lien.")).await.unwrap();
        drop(conn);
        let (smtp, mut received) = smtp_server().await;
        let mailer = Mailer::new(&smtp, "ne-pas-repondre@entraide.invalid").unwrap();
        assert_eq!(once(&db, &mailer).await.unwrap(), 2);
        let (one, two) = (received.recv().await.unwrap(), received.recv().await.unwrap());
        let (alert, other) = if one.contains("Subject: Alerte") { (one, two) } else { (two, one) };
        assert!(alert.contains(&format!("List-Unsubscribe: <{url}>\n")), "{alert}");
        assert!(alert.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\n"), "{alert}");
        assert!(!other.contains("List-Unsubscribe"), "{other}");
    }

    #[tokio::test]
    async fn a_relay_that_is_down_leaves_the_mail_for_later() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let mut conn = db.write.acquire().await.unwrap();
        sql::queue_email(&mut conn, &email("Sujet", "Texte")).await.unwrap();
        drop(conn);
        // A port nobody listens on.
        let free = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port();
        let mailer = Mailer::new(&format!("smtp://127.0.0.1:{free}"), "ne-pas-repondre@entraide.invalid").unwrap();
        assert_eq!(once(&db, &mailer).await.unwrap(), 0);
        let (attempts, error): (i64, Option<String>) =
            db::query_as("SELECT attempts, last_error FROM outbox").fetch_one(&db.read).await.unwrap();
        assert_eq!(attempts, 1);
        assert!(error.is_some());
        assert!(Mailer::new("not a url", "x@y.fr").is_err());
    }

    #[tokio::test]
    async fn a_refusal_is_recorded_without_the_address_the_relay_quoted() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let mut conn = db.write.acquire().await.unwrap();
        sql::queue_email(&mut conn, &email("Sujet", "Texte")).await.unwrap();
        drop(conn);
        let (url, _) = smtp_server_answering_rcpt("550 5.1.1 <claire@exemple.fr>: Recipient address rejected").await;
        let mailer = Mailer::new(&url, "ne-pas-repondre@entraide.invalid").unwrap();
        assert_eq!(once(&db, &mailer).await.unwrap(), 0);
        let error: Option<String> =
            db::query_scalar("SELECT last_error FROM outbox").fetch_one(&db.read).await.unwrap();
        assert_eq!(error.as_deref(), Some("SMTP 550 (permanent)"));
    }
}
