//! Everything that runs on the server only: configuration, the HTTP router, the database,
//! services, and the operator's command line. Compiled with the `ssr` feature.

pub mod assets;
pub mod auth;
pub mod backup;
pub mod bench;
pub mod bench_alerts;
pub mod catalogues;
pub mod cli;
pub mod commune_map;
pub mod communes;
pub mod config;
pub mod context;
pub mod db;
pub mod forms;
pub mod geojson;
pub mod locale;
pub mod mailer;
pub mod markdown;
pub mod metrics;
pub mod notice;
pub mod observe;
pub mod open_data;
pub mod operator;
pub mod page_cache;
pub mod passwords;
pub mod register;
pub mod request_owner;
pub mod security;
pub mod seed;
pub mod services;
pub mod sessions;
pub mod state;
pub mod stats_http;
pub mod territory_home;
pub mod throttle;
pub mod workers;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::app::{shell, App};
use crate::ui::map::TileSettings;
use cli::{Cli, Command, SeedArgs, ServeArgs};
use communes::Communes;
use state::AppState;

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "entraide_session";

/// The whole HTTP application for `state` (reused as is by the HTTP tests).
pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// `router` with `extra` routes inside every layer (an HTTP test adds one that panics).
pub(crate) fn router_with(state: AppState, extra: Router<AppState>) -> Router {
    let routes = generate_route_list(App);
    let page_shell = {
        let (options, tiles, css) = (state.leptos_options.clone(), state.tiles.clone(), state.bundle.css.clone());
        move || shell(options.clone(), tiles.clone(), css.clone(), locale::provide_for_request())
    };
    let error_shell = {
        let (tiles, css) = (state.tiles.clone(), state.bundle.css.clone());
        move |options| shell(options, tiles.clone(), css.clone(), locale::provide_for_request())
    };
    let sessions = SessionManagerLayer::new(sessions::Store::new(&state.db.write))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(auth::INACTIVITY_SECS)));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/livez", get(livez))
        .route(crate::ui::pwa::SERVICE_WORKER, get(assets::service_worker))
        .route("/i18n/{file}", get(catalogues::serve))
        .route("/inscription", post(forms::accounts::sign_up))
        .route("/connexion", post(forms::accounts::log_in))
        .route("/charte/accepter", post(forms::accounts::accept_charter))
        .route("/deconnexion", post(forms::accounts::log_out))
        .route("/compte", post(forms::accounts::account))
        .route("/mot-de-passe-oublie", post(forms::account_links::forgot))
        .route("/mot-de-passe/{token}", post(forms::account_links::reset))
        .route("/verifier/{token}", post(forms::account_links::verify))
        .route("/compte/mes-donnees.json", get(forms::privacy::export))
        .route("/compte/supprimer", post(forms::privacy::delete))
        .route("/compte/verification", post(forms::vetting::mine))
        .route("/verifications", post(forms::vetting::desk))
        .route("/publier", post(forms::posts::publish))
        .route("/mes-annonces", post(forms::posts::my_posts))
        .route("/proche/{token}", post(forms::carers::accept))
        .route("/immeuble", post(forms::buildings::building))
        .route("/immeuble/{id}/qr.svg", get(notice::qr_of_building))
        .route("/saisie", post(forms::intakes::file))
        .route("/saisies", post(forms::intakes::list))
        .route("/admin/personnes/{id}", post(forms::people::person))
        .route("/suivi", post(forms::follow_ups::resolve))
        .route("/admin/annonces", post(forms::announcements::announcements))
        .route("/alertes", post(forms::alerts::alerts))
        .route("/alertes/desabonner/{token}", post(forms::alerts::unsubscribe))
        .route("/admin/pages/{slug}", post(forms::pages::page))
        .route("/suivi/{id}", post(forms::follow_ups::answer))
        .route("/mes-annonces/{id}/modifier", post(forms::posts::edit_post))
        .route("/moderation", post(forms::moderation::queue))
        .route("/moderation/signalements", post(forms::moderation::reports))
        .route("/posts/{id}/signaler", post(forms::moderation::report))
        .route("/posts/{id}/repondre", post(forms::conversations::respond))
        .route("/posts/{id}/qr.svg", get(notice::qr_of_post))
        .route("/messages/{id}", post(forms::conversations::conversation))
        .route("/notifications", post(forms::moderation::notifications))
        .route("/api/v1/posts.geojson", get(geojson::posts))
        .route("/api/v1/posts.csv", get(open_data::posts_csv))
        .route("/api/v1/stats", get(stats_http::stats_json))
        .route("/pilotage/carte.svg", get(stats_http::commune_map))
        .route("/pilotage/exports", post(forms::exports::export))
        .route("/langue/{code}", get(locale::switch))
        .route("/lecture/{mode}", get(locale::reading))
        .merge(extra)
        .leptos_routes_with_context(&state, routes, request_owner::record, page_shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(request_owner::record, error_shell))
        .layer(axum::middleware::from_fn(request_owner::keep))
        .layer(axum::middleware::from_fn_with_state(state.clone(), territory_home::open))
        .layer(axum::middleware::from_fn_with_state(state.clone(), page_cache::serve))
        .layer(axum::middleware::from_fn(forms::kit::answer_in_background))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(security::panicked))
        .layer(sessions)
        .layer(axum::middleware::from_fn(security::generic_errors))
        .layer(axum::middleware::from_fn(security::same_origin))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(security::BODY_LIMIT))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            security::REQUEST_TIMEOUT,
        ))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(observe::requests))
        .with_state(state)
}

/// 200 while the process serves requests (liveness: touches nothing; `make bench` uses it as
/// the bare-axum baseline of the rendered pages).
async fn livez() -> &'static str {
    "ok"
}

/// 200 when the database answers and every migration is applied; 503 otherwise.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let ok = match state.db.read.acquire().await {
        Ok(mut conn) => db::is_migrated(&mut conn).await.unwrap_or(false),
        Err(_) => false,
    };
    if ok {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
    }
}

/// Runs the command line. Errors are one-line messages for the operator.
pub async fn main(cli: Cli) -> Result<(), String> {
    observe::init_tracing()?;
    let command = match cli.command {
        Some(c) => c,
        None => Command::Serve(ServeArgs::from_env()?),
    };
    match command {
        Command::ConfigSample => {
            print!("{}", config::sample());
            Ok(())
        }
        Command::Register => {
            print!("{}", register::markdown());
            Ok(())
        }
        Command::Migrate { check: false } => {
            open_and_migrate(&cli.database_url).await?;
            println!("Migrations applied to {}.", db::shown_url(&cli.database_url));
            Ok(())
        }
        Command::MigrateTo { target } => operator::migrate_to(&cli.database_url, &target).await,
        Command::Migrate { check: true } => {
            let plan =
                db::migration_plan(&cli.database_url).await.map_err(|e| format!("cannot read the database: {e}"))?;
            print!("{}", plan.describe(&db::shown_url(&cli.database_url)));
            if !plan.unknown.is_empty() {
                return Err("this database was migrated by a newer version: restore the backup taken before the upgrade (README, « Rollback »)".into());
            }
            match plan.pending.len() {
                0 => Ok(()),
                n => Err(format!("{n} migration(s) would run at the next start (or `entraide migrate`)")),
            }
        }
        Command::Seed(SeedArgs { synthetic: Some(n), region, .. }) => {
            let db = open_and_migrate(&cli.database_url).await?;
            let communes = Communes::haut_rhin()?;
            let started = std::time::Instant::now();
            let written = seed::synthetic::synthetic(&db, &communes, region, n, services::now())
                .await
                .map_err(|e| e.to_string())?;
            println!("Added {written} synthetic posts ({region:?}) in {:.1} s.", started.elapsed().as_secs_f64());
            Ok(())
        }
        Command::Seed(SeedArgs { demo, .. }) => {
            if !demo {
                return Err("say what to load: `entraide seed --demo` or `entraide seed --synthetic N`".into());
            }
            let db = open_and_migrate(&cli.database_url).await?;
            let communes = Communes::haut_rhin()?;
            match seed::demo(&db, &communes, services::now()).await.map_err(|e| e.to_string())? {
                seed::Seeded::Created(n) => println!(
                    "Loaded {n} demo posts of the Haut-Rhin and the demo accounts, password « {} »: {}.",
                    seed::accounts::DEMO_PASSWORD,
                    seed::accounts::DEMO_ACCOUNTS.map(|a| a.0).join(", ")
                ),
                seed::Seeded::NotEmpty { posts, accounts } => println!(
                    "The database already holds {posts} posts and {accounts} accounts: no demo data, no demo account."
                ),
            }
            Ok(())
        }
        Command::User(c) => operator::user(&open_and_migrate(&cli.database_url).await?, c).await,
        Command::Moderation(c) => operator::moderation(&open_and_migrate(&cli.database_url).await?, c).await,
        Command::Territory(c) => operator::territory(&open_and_migrate(&cli.database_url).await?, c).await,
        Command::SweepFollowUps { rules, days_ahead } => {
            let rules = rules.rules();
            rules.check()?;
            let db = open_and_migrate(&cli.database_url).await?;
            let at = services::now() + days_ahead * 86_400;
            let swept = services::follow_ups::sweep(&db, &rules, at).await.map_err(|e| format!("{e:?}"))?;
            println!("{swept:?}");
            Ok(())
        }
        Command::BenchAlerts { alerts, posts } => {
            let db = open_and_migrate(&cli.database_url).await?;
            bench_alerts::alerts_bench(&db, alerts, posts).await
        }
        Command::SweepAlerts { hours_ahead, public_url } => {
            services::notifications::set_site_url(&public_url);
            let db = open_and_migrate(&cli.database_url).await?;
            let at = services::now() + hours_ahead * 3600;
            let (digests, paused) = services::alerts::sweep(&db, at).await.map_err(|e| format!("{e:?}"))?;
            println!("digests: {digests}, paused: {paused}");
            Ok(())
        }
        Command::Backup { path, dir, keep_daily, keep_weekly } => {
            // The database as it is: a backup never migrates it (the copy taken before an
            // upgrade is the old schema, for a rollback), nor creates a missing one.
            let db = db::open_existing(&cli.database_url)
                .await
                .map_err(|e| format!("cannot open the database {}: {e}", db::shown_url(&cli.database_url)))?;
            let path = match &dir {
                Some(dir) => backup::dated_path(std::path::Path::new(dir), services::now()),
                None => std::path::PathBuf::from(path.unwrap_or_default()),
            };
            let size = backup::backup(&db, &path).await?;
            println!("Backup written to {} ({} KB), integrity checked.", path.display(), size / 1024);
            if let Some(dir) = dir {
                for removed in backup::prune(std::path::Path::new(&dir), keep_daily, keep_weekly).await? {
                    println!("Removed the older copy {removed}.");
                }
            }
            Ok(())
        }
        Command::Bench { prefix, queries, radius_km, creates } => {
            let db = open_and_migrate(&cli.database_url).await?;
            bench::queries_bench(&db, &cli.database_url, &prefix, queries, radius_km, creates).await
        }
        Command::Outbox { unsent, limit } => {
            operator::outbox(&open_and_migrate(&cli.database_url).await?, unsent, limit).await
        }
        Command::Serve(args) => serve(&cli.database_url, args).await,
    }
}

impl ServeArgs {
    /// The serve arguments when no subcommand is given (flags of `serve` are then read from env).
    fn from_env() -> Result<ServeArgs, String> {
        use clap::Parser;
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            args: ServeArgs,
        }
        Only::try_parse_from(["entraide"]).map(|o| o.args).map_err(|e| e.to_string())
    }
}

async fn open_and_migrate(url: &str) -> Result<db::Db, String> {
    let db = db::connect(url).await.map_err(|e| format!("cannot open the database {}: {e}", db::shown_url(url)))?;
    db::migrate(&db).await.map_err(|e| format!("database migration failed, the server will not start: {e}"))?;
    // The communes served (the built-in ones written if missing), then the data step of the
    // migration that sizes public points by where people live.
    let communes = services::territories::load(&db).await?;
    let moved = services::posts::size_privacy_areas(&db, &communes)
        .await
        .map_err(|e| format!("placing public points failed, the server will not start: {e}"))?;
    if moved > 0 {
        tracing::info!("public points placed again for {moved} posts (areas sized by where people live)");
    }
    Ok(db)
}

async fn serve(url: &str, args: ServeArgs) -> Result<(), String> {
    check_start(&args)?;
    let db = open_and_migrate(url).await?;
    refuse_demo_accounts_in_public(&db, &args.public_url, args.allow_demo).await?;
    let communes = Arc::new(services::territories::load(&db).await?);
    let conf = get_configuration(None).map_err(|e| format!("Leptos configuration: {e}"))?;
    let mut options = conf.leptos_options;
    if options.output_name.is_empty() {
        options.output_name = env!("CARGO_PKG_NAME").into();
    }
    if let Some(addr) = args.addr {
        options.site_addr = addr;
    }
    if let Some(root) = args.site_root {
        options.site_root = root.into();
    }
    let bundle = assets::Bundle::of_this_build(&options.output_name, &options.site_root, &options.site_pkg_dir)?;
    // Leptos' hydration scripts read the same hash file.
    options.hash_files = bundle.hashed;
    let addr = options.site_addr;
    let tiles = TileSettings { url: args.tile_url, attribution: args.tile_attribution };
    let secure_cookies = args.secure_cookies;
    let report_threshold = args.report_threshold;
    let follow_up_rules = args.follow_ups.rules();
    follow_up_rules.check()?;
    let retention_rules = args.retention.rules();
    retention_rules.check()?;
    services::notifications::set_site_url(&args.public_url);
    // The delivery loops stop with the server, handing back what they took and have not sent.
    let (stop_switch, stop) = workers::Stop::new();
    let mut deliveries = tokio::task::JoinSet::new();
    match (&args.smtp_url, &args.mail_from) {
        (Some(url), Some(from)) => {
            let mailer = mailer::Mailer::new(url, from)?;
            deliveries.spawn(mailer::run(db.clone(), mailer, stop.clone()));
            tracing::info!("e-mails are sent through the SMTP relay");
        }
        (Some(_), None) => return Err("SMTP_URL is set: set ENTRAIDE_MAIL_FROM too (the sender address)".into()),
        (None, _) => tracing::info!("SMTP_URL is not set: e-mails wait in the outbox (`entraide outbox`)"),
    }
    // Web Push: the VAPID key pair is made at the first start and kept in the database.
    {
        let key = services::push::vapid_key(&db, services::now()).await?;
        let push_services = services::push::PushServices::parse(&args.push_services);
        services::push::set_up(&key, push_services.clone());
        let contact = args.push_contact.clone().unwrap_or_else(|| args.public_url.clone());
        let pusher = services::push::Pusher::new(key, &contact, push_services)?;
        deliveries.spawn(services::push::run(db.clone(), pusher, stop.clone()));
    }
    // New public posts are announced to the alerts that match them.
    tokio::spawn(services::alerts::run(db.clone()));
    let state = AppState {
        leptos_options: options,
        db: db.clone(),
        communes,
        tiles,
        login_throttle: Arc::new(throttle::LoginThrottle::with_sign_ups(args.signups_per_hour)),
        secure_cookies,
        report_threshold,
        trusted_proxy: args.trusted_proxy,
        vetted: Arc::new(args.vetted_categories),
        bundle: Arc::new(bundle),
        pages: Arc::default(),
    };
    // Every minute: expired posts leave the map's index and counts, and the follow-ups due are
    // raised (nobody left waiting).
    {
        let db = db.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(tokio::time::Duration::from_secs(60));
            loop {
                every.tick().await;
                if let Err(e) = services::posts::sweep_expired(&db, services::now()).await {
                    tracing::warn!("expired posts sweep failed, retried in a minute: {e}");
                }
                if let Err(e) = services::follow_ups::sweep(&db, &follow_up_rules, services::now()).await {
                    tracing::warn!("follow-up sweep failed, retried in a minute: {e}");
                }
                if let Err(e) = services::alerts::sweep(&db, services::now()).await {
                    tracing::warn!("alerts sweep (digests, pauses) failed, retried in a minute: {e:?}");
                }
                if let Err(e) = services::vetting::sweep_reminders(&db, services::now()).await {
                    tracing::warn!("vetting reminders failed, retried in a minute: {e:?}");
                }
                if let Err(e) = services::retention::sweep(&db, &retention_rules, services::now()).await {
                    tracing::warn!("retention sweep failed, retried in a minute: {e:?}");
                }
                if let Err(e) = throttle::forget_old(&db, services::now()).await {
                    tracing::warn!("limits sweep failed, retried in a minute: {e:?}");
                }
            }
        });
    }
    // Expired sessions are deleted hourly.
    {
        use tower_sessions::session_store::ExpiredDeletion;
        let store = sessions::Store::new(&db.write);
        tokio::spawn(async move {
            if let Err(e) = store.continuously_delete_expired(tokio::time::Duration::from_secs(3600)).await {
                tracing::error!("session clean-up stopped: {e}");
            }
        });
    }
    if let Some(metrics_addr) = args.metrics_addr {
        let listener = tokio::net::TcpListener::bind(metrics_addr)
            .await
            .map_err(|e| format!("cannot listen on {metrics_addr} (ENTRAIDE_METRICS_ADDR): {e}"))?;
        tracing::info!("metrics on http://{metrics_addr}/metrics");
        let app = metrics::router(db.clone());
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await {
                tracing::error!("metrics server stopped: {e}");
            }
        });
    }
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("Entraide listening on http://{addr}");
    let served = axum::serve(listener, router(state).into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| format!("server error: {e}"));
    // The e-mail or push in hand is finished (each gives up after 20 s), the rest handed back.
    stop_switch.ask();
    if tokio::time::timeout(std::time::Duration::from_secs(25), deliveries.join_all()).await.is_err() {
        tracing::warn!("deliveries still running at shutdown: what they took waits for its lease to end");
    }
    served
}

/// The settings a public start cannot go without, checked before anything is opened: each
/// message names the environment variable and the configuration file's key.
pub(crate) fn check_start(args: &ServeArgs) -> Result<(), String> {
    if let Some(addr) = args.metrics_addr.filter(|a| a.ip().is_unspecified()) {
        return Err(format!(
            "ENTRAIDE_METRICS_ADDR (metrics_addr) is {addr}, every address of the machine: the metrics are not \
             public; give a loopback or private address, e.g. 127.0.0.1:9464"
        ));
    }
    let url = args.public_url.trim().to_ascii_lowercase();
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
        return Err(format!(
            "ENTRAIDE_PUBLIC_URL (public_url) is \"{}\": give the address people type, e.g. https://entraide.haut-rhin.fr",
            args.public_url
        ));
    }
    if !url.starts_with("https://") {
        return Ok(());
    }
    if !args.secure_cookies {
        return Err("ENTRAIDE_SECURE_COOKIES (secure_cookies) must be true: ENTRAIDE_PUBLIC_URL is an https address, \
                    and the session cookie must never travel in clear"
            .into());
    }
    if args.smtp_url.is_none() {
        return Err(
            "SMTP_URL (smtp_url) is not set: on a public https address the e-mails (address checks, \
                    forgotten passwords, notifications) must leave; give the relay, e.g. smtp://relay.haut-rhin.fr:587"
                .into(),
        );
    }
    Ok(())
}

/// A start on a public https address with the demo accounts present (their password is in the
/// README) is refused unless `--allow-demo` says it is a public demonstration.
pub(crate) async fn refuse_demo_accounts_in_public(
    db: &db::Db,
    public_url: &str,
    allow_demo: bool,
) -> Result<(), String> {
    if !public_url.trim().to_ascii_lowercase().starts_with("https://") || allow_demo {
        return Ok(());
    }
    let mut conn = db.read.acquire().await.map_err(|e| format!("cannot read the database: {e}"))?;
    let present = db::users::any_with_suffix(&mut conn, seed::accounts::DEMO_DOMAIN)
        .await
        .map_err(|e| format!("cannot read the accounts: {e}"))?;
    if present {
        return Err(format!(
            "This database holds the demo accounts (…{}), whose password is published, and \
             ENTRAIDE_PUBLIC_URL is a public https address: the server will not start. Use a database \
             without demo data (README, « Production »), or pass --allow-demo for a public demonstration.",
            seed::accounts::DEMO_DOMAIN
        ));
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
