//! The operator's commands that are not `serve`: accounts (`entraide user ...`) and moderation
//! figures (`entraide moderation stats`). Output is plain text for a terminal.

use std::io::BufRead;

use crate::domain::territory::{Scope, TerritoryCode};
use crate::domain::time::relative_fr;
use crate::domain::user::{Role, SignUpForm};
use crate::server::cli::{ModerationCommand, TerritoryCommand, UserCommand};
use crate::server::communes::Communes;
use crate::server::db::{self, Db};
use crate::server::{passwords, services};

/// Runs `entraide user ...`.
pub async fn user(db: &Db, command: UserCommand) -> Result<(), String> {
    let now = services::now();
    match command {
        UserCommand::Create { email, name, role, organisation, password_stdin } => {
            let role: Role = role.parse().map_err(|_| format!("unknown role {role}"))?;
            let (password, generated) = if password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line).map_err(|e| format!("cannot read stdin: {e}"))?;
                (line.trim_end_matches(['\n', '\r']).to_owned(), false)
            } else {
                (passwords::generate(), true)
            };
            let form = SignUpForm {
                email,
                display_name: name,
                poster_kind: "institution".into(),
                organisation,
                password: password.clone(),
            };
            let form = if role == Role::Resident {
                SignUpForm { poster_kind: "individual".into(), organisation: String::new(), ..form }
            } else {
                form
            };
            let account = form.parse().map_err(|e| e.to_string())?;
            let user = services::accounts::create(db, account, role, now).await.map_err(|e| e.to_string())?;
            println!("Created {} account {} ({}).", role.slug(), user.email, user.display_name);
            if generated {
                println!("Password (shown once, give it in person): {password}");
            }
            Ok(())
        }
        UserCommand::List => {
            let rows = services::accounts::list(db).await?;
            println!("{:<10} {:<9} {:<40} name", "role", "status", "e-mail");
            for r in &rows {
                let status = if r.disabled_at.is_some() { "disabled" } else { "active" };
                println!("{:<10} {:<9} {:<40} {}", r.role, status, r.email, r.display_name);
            }
            println!("{} account(s).", rows.len());
            Ok(())
        }
        UserCommand::SetRole { email, role } => {
            let role: Role = role.parse().map_err(|_| format!("unknown role {role}"))?;
            services::accounts::set_role(db, &email, role, now).await?;
            println!("{email} is now {}.", role.slug());
            Ok(())
        }
        UserCommand::Disable { email } => {
            services::accounts::set_disabled(db, &email, true, now).await?;
            println!("{email} is disabled: it cannot log in and its sessions have ended.");
            Ok(())
        }
        UserCommand::ResetLink { email, by, public_url } => {
            services::notifications::set_site_url(&public_url);
            let actor = by
                .or_else(|| std::env::var("USER").ok())
                .filter(|a| !a.trim().is_empty())
                .unwrap_or_else(|| "operator".into());
            let actor: String = actor.chars().take(120).collect();
            let link = services::account_links::operator_reset_link(db, &email, &actor, now).await?;
            println!("One-time link to choose a new password (valid one hour, recorded as given by {actor}):");
            println!("{link}");
            Ok(())
        }
        UserCommand::Enable { email } => {
            services::accounts::set_disabled(db, &email, false, now).await?;
            println!("{email} is enabled again.");
            Ok(())
        }
        UserCommand::Territories { email, codes, national } => {
            let scope = if national {
                Scope::National
            } else {
                let codes = codes.iter().map(|c| TerritoryCode::parse(c)).collect::<Result<Vec<_>, _>>();
                Scope::from_rows(codes.map_err(|m| m.to_string())?)
            };
            services::territories::set_scope(db, &email, &scope).await?;
            match scope {
                Scope::National => println!("{email} acts in every territory."),
                Scope::Only(codes) => {
                    let codes: Vec<&str> = codes.iter().map(TerritoryCode::as_str).collect();
                    println!("{email} acts in: {}.", codes.join(", "));
                }
            }
            Ok(())
        }
    }
}

/// Runs `entraide territory ...`.
pub async fn territory(db: &Db, command: TerritoryCommand) -> Result<(), String> {
    match command {
        TerritoryCommand::Add { code, name, communes, outlines, contact_email, contact_phone, emergency } => {
            let read = |p: &std::path::Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
            let parsed = TerritoryCode::parse(&code).map_err(|m| m.to_string())?;
            let list = Communes::parse(&read(&communes)?, &read(&outlines)?, &parsed)?;
            let addition = services::territories::Addition { code, name, contact_email, contact_phone, emergency };
            let n = services::territories::add(db, &addition, &list, services::now()).await?;
            println!(
                "Territory {parsed} ({}) added with {n} communes. Restart the servers to serve it.",
                addition.name
            );
            Ok(())
        }
        TerritoryCommand::Set { code, name, contact_email, contact_phone, emergency } => {
            let changes = services::territories::Changes { name, contact_email, contact_phone, emergency };
            services::territories::set(db, &code, &changes).await?;
            println!("Territory {} changed.", code.trim());
            Ok(())
        }
        TerritoryCommand::List => {
            let rows = services::territories::list(db).await?;
            println!("{:<12} {:>8}  name", "code", "communes");
            for t in &rows {
                let built_in = if t.built_in { " (built in)" } else { "" };
                println!("{:<12} {:>8}  {}{built_in}", t.code, t.communes, t.name);
                let said: Vec<&str> = [&t.contact_email, &t.contact_phone, &t.emergency]
                    .into_iter()
                    .map(String::as_str)
                    .filter(|s| !s.is_empty())
                    .collect();
                if !said.is_empty() {
                    println!("{:<12} {:>8}  {}", "", "", said.join(" · "));
                }
            }
            Ok(())
        }
    }
}

/// Runs `entraide moderation ...`.
pub async fn moderation(db: &Db, command: ModerationCommand) -> Result<(), String> {
    let now = services::now();
    match command {
        ModerationCommand::Stats { days } => {
            let s = services::moderation::operator_stats(db, days, now).await.map_err(|e| e.to_string())?;
            let q = &s.queue;
            println!("pending_posts {}", q.pending);
            match q.oldest_pending_at {
                Some(t) => {
                    println!("oldest_pending_age_hours {:.1}  ({})", (now - t) as f64 / 3600.0, relative_fr(now, t))
                }
                None => println!("oldest_pending_age_hours 0"),
            }
            println!("open_reports {}", q.open_reports);
            println!("reported_posts {}", q.reported_posts);
            println!("hidden_posts {}", q.hidden);
            for (action, n) in &s.decisions {
                println!("decisions_{days}d.{} {n}", action.slug());
            }
            match s.median_wait {
                Some(w) => println!("median_wait_hours_{days}d {:.1}", w as f64 / 3600.0),
                None => println!("median_wait_hours_{days}d -"),
            }
            Ok(())
        }
    }
}

/// Runs `entraide outbox`: the rendered e-mails, newest first.
pub async fn outbox(db: &Db, unsent_only: bool, limit: i64) -> Result<(), String> {
    let mut conn = db.read.acquire().await.map_err(|e| e.to_string())?;
    let rows = crate::server::db::notifications::outbox(&mut conn, limit.clamp(1, 1000))
        .await
        .map_err(|e| format!("cannot read the outbox: {e}"))?;
    let rows: Vec<_> = rows.into_iter().filter(|r| !unsent_only || r.sent_at.is_none()).collect();
    for r in &rows {
        let state = match (r.sent_at, &r.last_error) {
            (Some(_), _) => "sent".to_owned(),
            (None, Some(e)) => format!("not sent after {} attempt(s): {e}", r.attempts),
            (None, None) => "waiting".to_owned(),
        };
        println!("#{} {} — {state}", r.id, crate::domain::time::absolute_fr(r.created_at));
        println!("To: {}\nSubject: {}\n\n{}\n", r.to_email, r.subject, r.body);
    }
    println!("{} e-mail(s).", rows.len());
    Ok(())
}

/// `entraide migrate-to`: the SQLite database of `source` copied into the PostgreSQL database
/// of `target` (`db::copy`), committed only when every table counts the same rows on both sides.
pub async fn migrate_to(source: &str, target: &str) -> Result<(), String> {
    if !db::is_postgres_url(target) {
        return Err("migrate-to copies into PostgreSQL: give its URL, postgres://user@host/database".into());
    }
    if db::is_postgres_url(source) {
        return Err("the database to copy (DATABASE_URL) must be the SQLite one".into());
    }
    let (source_shown, target_shown) = (db::shown_url(source), db::shown_url(target));
    let from = db::open_existing(source).await.map_err(|e| format!("cannot open {source_shown}: {e}"))?;
    let Some(pool) = from.read.as_sqlite() else { return Err("the source must be SQLite".into()) };
    let mut reading = pool.begin().await.map_err(|e| format!("cannot read {source_shown}: {e}"))?;
    if !db::is_migrated(&mut *reading).await.map_err(|e| format!("cannot read {source_shown}: {e}"))? {
        return Err(format!("{source_shown} is not migrated to this version: run `entraide migrate` on it first"));
    }
    let to = db::connect(target).await.map_err(|e| format!("cannot reach {target_shown}: {e}"))?;
    db::migrate(&to).await.map_err(|e| format!("cannot migrate {target_shown}: {e}"))?;
    let mut tx = to.begin_write().await.map_err(|e| format!("cannot write to {target_shown}: {e}"))?;
    let copied = db::copy::copy(&mut reading, &mut tx).await.map_err(|e| format!("copy failed, nothing kept: {e}"))?;
    let differ: Vec<String> = copied
        .tables
        .iter()
        .filter(|(_, here, there)| here != there)
        .map(|(t, here, there)| format!("{t}: {here} in SQLite, {there} in PostgreSQL"))
        .collect();
    if !differ.is_empty() {
        return Err(format!("the counts differ, nothing kept: {}", differ.join("; ")));
    }
    tx.commit().await.map_err(|e| format!("cannot commit the copy: {e}"))?;
    db::analyze_after_bulk_load(&to).await.map_err(|e| format!("copied, but cannot analyze {target_shown}: {e}"))?;
    for (table, here, _) in &copied.tables {
        println!("{table:<24} {here:>9}");
    }
    println!("Copied into {target_shown}: every table counts the same rows; {} post(s) on the map.", copied.on_map);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::db;

    async fn role_and_disabled(db: &Db, email: &str) -> (String, bool) {
        let (role, disabled): (String, Option<i64>) =
            db::query_as("SELECT role, disabled_at FROM users WHERE email = $1")
                .bind(email)
                .fetch_one(&db.read)
                .await
                .unwrap();
        (role, disabled.is_some())
    }

    #[tokio::test]
    async fn operators_create_and_manage_staff_accounts() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let none: i64 = db::query_scalar("SELECT count(*) FROM users").fetch_one(&db.read).await.unwrap();
        assert_eq!(none, 0, "a fresh install has no account");
        let create = |email: &str, role: &str| UserCommand::Create {
            email: email.into(),
            name: "Agnès Muller".into(),
            role: role.into(),
            organisation: "Département du Haut-Rhin".into(),
            password_stdin: false,
        };
        user(&db, create("Agnes.Muller@haut-rhin.fr", "moderator")).await.unwrap();
        assert_eq!(role_and_disabled(&db, "agnes.muller@haut-rhin.fr").await, ("moderator".into(), false));
        let again = user(&db, create("agnes.muller@haut-rhin.fr", "admin")).await.unwrap_err();
        assert!(again.contains("existe déjà"), "{again}");
        user(&db, UserCommand::SetRole { email: "agnes.muller@haut-rhin.fr".into(), role: "admin".into() })
            .await
            .unwrap();
        assert_eq!(role_and_disabled(&db, "agnes.muller@haut-rhin.fr").await.0, "admin");
        user(&db, UserCommand::Disable { email: "agnes.muller@haut-rhin.fr".into() }).await.unwrap();
        assert!(role_and_disabled(&db, "agnes.muller@haut-rhin.fr").await.1);
        user(&db, UserCommand::Enable { email: "agnes.muller@haut-rhin.fr".into() }).await.unwrap();
        assert!(!role_and_disabled(&db, "agnes.muller@haut-rhin.fr").await.1);
        let unknown = user(&db, UserCommand::Disable { email: "personne@haut-rhin.fr".into() }).await.unwrap_err();
        assert!(unknown.contains("no account"), "{unknown}");
        user(&db, UserCommand::List).await.unwrap();
        // A reset link for a person who called, audited.
        let reset = UserCommand::ResetLink {
            email: "agnes.muller@haut-rhin.fr".into(),
            by: Some("Standard du Département".into()),
            public_url: "https://entraide.haut-rhin.fr".into(),
        };
        user(&db, reset).await.unwrap();
        let (action, actor): (String, String) =
            db::query_as("SELECT action, actor FROM account_audit").fetch_one(&db.read).await.unwrap();
        assert_eq!((action.as_str(), actor.as_str()), ("reset-link", "Standard du Département"));
        let no_one =
            UserCommand::ResetLink { email: "personne@haut-rhin.fr".into(), by: None, public_url: String::new() };
        assert!(user(&db, no_one).await.unwrap_err().contains("no account"));
        outbox(&db, true, 10).await.unwrap();
        moderation(&db, ModerationCommand::Stats { days: 7 }).await.unwrap();
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let (a, b) = (passwords::generate(), passwords::generate());
        assert_ne!(a, b);
        assert_eq!(a.chars().filter(|c| *c != '-').count(), 20);
        assert!(crate::domain::user::Password::parse_new(&a, &[]).is_ok());
    }

    /// `entraide migrate-to`: the demo data and a day of use on SQLite, copied into PostgreSQL:
    /// every table counts the same rows, the map lists the same posts, the word search finds the
    /// same ones, a person logs in with their password, and a new post takes the next id. Runs
    /// on the PostgreSQL run (`make test-postgres`); a second copy into the filled database is
    /// refused, and an unmigrated source too.
    #[tokio::test]
    async fn a_sqlite_database_moves_into_postgresql_whole() {
        use crate::domain::PostFilter;
        if db::testing::engine() != db::Engine::Postgres {
            return;
        }
        let (source_pool, source_guard) = db::testing::fresh_sqlite().await;
        let source = Db::single(source_pool);
        let communes = Communes::haut_rhin().unwrap();
        let now = services::now();
        crate::server::seed::demo(&source, &communes, now).await.unwrap();
        // A day of use beyond the demo: the communes, a key, a conversation, thanks, an e-mail,
        // an alert with its area: flags, blobs and R*Tree boxes to convert.
        services::territories::load(&source).await.unwrap();
        services::push::vapid_key(&source, now).await.unwrap();
        for statement in [
            "INSERT INTO posts (kind, category, poster_kind, status, title, description, lat, lon, public_lat, \
             public_lon, commune_insee, commune_name, created_at, updated_at, expires_at, author_id, off_map_in_progress) \
             SELECT 'request', 'groceries', 'individual', 'in-progress', 'Courses', 'Le mardi', 47.75, 7.34, 47.75, \
             7.34, '68224', 'Mulhouse', $1, $1, $1 + 86400, min(id), TRUE FROM users",
            "INSERT INTO conversations (post_id, author_id, responder_id, created_at, last_message_at) \
             SELECT max(p.id), min(u.id), max(u.id), $1, $1 FROM posts p, users u",
            "INSERT INTO messages (conversation_id, sender_id, body, created_at) SELECT id, responder_id, 'Bonjour', $1 \
             FROM conversations",
            "INSERT INTO thanks (post_id, writer_id, body, created_at, signed) SELECT post_id, author_id, 'Merci', $1, TRUE \
             FROM conversations",
            "INSERT INTO outbox (to_email, subject, body, created_at, erase_after_send) \
             VALUES ('a@exemple.fr', 'Objet', 'Texte', $1, TRUE)",
            "INSERT INTO alerts (user_id, place_label, lat, lon, radius_km, created_at) \
             SELECT min(id), 'Colmar', 48.07, 7.35, 5, $1 FROM users",
            "INSERT INTO alerts_geo (id, min_lat, max_lat, min_lon, max_lon) SELECT max(id), 48.0, 48.1, 7.3, 7.4 FROM alerts",
        ] {
            db::query(statement).bind(now).execute(&source.write).await.unwrap();
        }
        let (target_pool, target_guard) = db::testing::fresh().await;
        // The test database is migrated already: the copy migrates it again (nothing to do).
        migrate_to(&source_guard.url(), &target_guard.url()).await.unwrap();
        let target = Db::single(target_pool);

        let table_counts = |d: Db| async move {
            let mut out = vec![];
            for t in db::copy::TABLES.into_iter().chain(["posts_geo", "map_cells"]) {
                let n: i64 = db::query_scalar(&format!("SELECT count(*) FROM {t}")).fetch_one(&d.read).await.unwrap();
                out.push((t, n));
            }
            out
        };
        assert_eq!(table_counts(source.clone()).await, table_counts(target.clone()).await);
        let posts: i64 = db::query_scalar("SELECT count(*) FROM posts").fetch_one(&target.read).await.unwrap();
        assert!(posts > 100, "the demo data moved: {posts} posts");
        let flags: i64 = db::query_scalar(
            "SELECT (SELECT count(*) FROM posts WHERE off_map_in_progress) + (SELECT count(*) FROM thanks WHERE signed) \
             + (SELECT count(*) FROM outbox WHERE erase_after_send)",
        )
        .fetch_one(&target.read)
        .await
        .unwrap();
        assert_eq!(flags, 3, "the flags became booleans");
        let key = |d: Db| async move {
            let bytes: Vec<u8> = db::query_scalar("SELECT value FROM server_keys").fetch_one(&d.read).await.unwrap();
            bytes
        };
        assert_eq!(key(source.clone()).await, key(target.clone()).await, "the key's bytes moved");
        let (lat, lon): (f64, f64) =
            db::query_as("SELECT min_lat, max_lon FROM alerts_geo").fetch_one(&target.read).await.unwrap();
        assert!((lat - 48.0).abs() < 1e-4 && (lon - 7.4).abs() < 1e-4, "{lat} {lon}");

        let listed = |d: Db, f: PostFilter| async move {
            let page = services::posts::list_public_at(&d, &f, now).await.unwrap();
            let mut ids: Vec<i64> = page.posts.iter().map(|p| p.id).collect();
            ids.sort();
            (page.total, ids)
        };
        for f in [
            PostFilter::default(),
            PostFilter { words: Some("courses".into()), ..Default::default() },
            PostFilter { categories: vec![crate::domain::Category::Transport], ..Default::default() },
        ] {
            assert_eq!(listed(source.clone(), f.clone()).await, listed(target.clone(), f).await);
        }

        services::accounts::log_in(&target, "habitante@demo.entraide.invalid", "d\u{e9}mo entraide 68")
            .await
            .expect("the password hash moved");
        let highest: i64 = db::query_scalar("SELECT max(id) FROM users").fetch_one(&target.read).await.unwrap();
        let id: i64 = db::query_scalar(
            "INSERT INTO users (email, display_name, poster_kind, password_hash, created_at, updated_at) \
             VALUES ('nouvelle@exemple.fr', 'Nouvelle', 'individual', 'x', $1, $1) RETURNING id",
        )
        .bind(now)
        .fetch_one(&target.write)
        .await
        .unwrap();
        assert_eq!(id, highest + 1, "the identity counter follows the copied ids");

        let again = migrate_to(&source_guard.url(), &target_guard.url()).await.unwrap_err();
        assert!(again.contains("copy into an empty database"), "{again}");
    }
}
