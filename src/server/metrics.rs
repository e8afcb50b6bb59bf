//! The operator's metrics, in the Prometheus text format, served on a listen address of their
//! own (`ENTRAIDE_METRICS_ADDR`; never on the public one): requests by route and status, their
//! durations, the waits for the database's writer, panics, e-mails, alerts, and at each scrape
//! the moderation queue, the outboxes, the posts by status and the connection pools.
//!
//! Counters live for the process (Prometheus reads a restart as a reset); levels are read from
//! the database when scraped. Labels take bounded values only: route patterns, never paths.

use std::sync::LazyLock;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use crate::domain::post::PostStatus;
use crate::server::db::{self, Db};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabels {
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    pool: &'static str,
    state: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: HistogramFamily<RouteLabels>,
    write_waits: Histogram,
    panics: Counter,
    emails: Family<OutcomeLabels, Counter>,
    alerts_sent: Counter,
    queue: Gauge,
    queue_oldest: Gauge,
    outbox: Family<StatusLabels, Gauge>,
    push_backlog: Gauge,
    posts: Family<StatusLabels, Gauge>,
    pools: Family<PoolLabels, Gauge>,
}

fn request_buckets() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::with_prefix("entraide");
    let requests = Family::<RequestLabels, Counter>::default();
    registry.register("http_requests", "HTTP requests answered, by method, route and status", requests.clone());
    let durations: HistogramFamily<RouteLabels> = Family::new_with_constructor(request_buckets);
    registry.register_with_unit(
        "http_request_duration",
        "Time to answer a request, by route",
        prometheus_client::registry::Unit::Seconds,
        durations.clone(),
    );
    // 0.1 ms to about 3 s.
    let write_waits = Histogram::new(exponential_buckets(0.0001, 2.0, 15));
    registry.register_with_unit(
        "db_write_wait",
        "Time to get the database's single writer (a waiting write)",
        prometheus_client::registry::Unit::Seconds,
        write_waits.clone(),
    );
    let panics = Counter::default();
    registry.register("panics", "Requests ended by a panic (answered with the error page)", panics.clone());
    let emails = Family::<OutcomeLabels, Counter>::default();
    registry.register("emails", "E-mail delivery attempts, by outcome", emails.clone());
    let alerts_sent = Counter::default();
    registry.register("alerts_sent", "People told of a new post by their alerts", alerts_sent.clone());
    let queue = Gauge::default();
    registry.register("moderation_queue_posts", "Posts waiting for a moderator", queue.clone());
    let queue_oldest = Gauge::default();
    registry.register_with_unit(
        "moderation_queue_oldest_age",
        "How long the oldest post of the queue has waited (0 when the queue is empty)",
        prometheus_client::registry::Unit::Seconds,
        queue_oldest.clone(),
    );
    let outbox = Family::<StatusLabels, Gauge>::default();
    registry.register(
        "outbox_emails",
        "Unsent e-mails: waiting, failing (failed at least once, still tried), given_up",
        outbox.clone(),
    );
    let push_backlog = Gauge::default();
    registry.register("push_outbox_backlog", "Web pushes waiting to be sent", push_backlog.clone());
    let posts = Family::<StatusLabels, Gauge>::default();
    registry.register("posts", "Posts by status", posts.clone());
    let pools = Family::<PoolLabels, Gauge>::default();
    registry.register("db_pool_connections", "Database connections by pool and state", pools.clone());
    Metrics {
        registry,
        requests,
        durations,
        write_waits,
        panics,
        emails,
        alerts_sent,
        queue,
        queue_oldest,
        outbox,
        push_backlog,
        posts,
        pools,
    }
});

/// Counts one answered request.
pub fn request(method: &str, route: &str, status: u16, seconds: f64) {
    let m = &*METRICS;
    m.requests.get_or_create(&RequestLabels { method: method.to_owned(), route: route.to_owned(), status }).inc();
    m.durations.get_or_create(&RouteLabels { route: route.to_owned() }).observe(seconds);
}

/// How long a write waited for the writer.
pub fn write_wait(seconds: f64) {
    METRICS.write_waits.observe(seconds);
}

pub fn panicked() {
    METRICS.panics.inc();
}

/// One e-mail attempt: sent or failed.
pub fn email(sent: bool) {
    METRICS.emails.get_or_create(&OutcomeLabels { outcome: if sent { "sent" } else { "failed" } }).inc();
}

/// People told of a new post.
pub fn alerts_sent(people: u64) {
    METRICS.alerts_sent.inc_by(people);
}

/// Reads the levels from the database, then writes every metric in the text format.
pub async fn render(db: &Db, now: i64) -> Result<String, String> {
    let m = &*METRICS;
    {
        let mut conn = db.read.acquire().await.map_err(|e| e.to_string())?;
        let levels =
            db::operations::levels(&mut conn, crate::server::mailer::MAX_ATTEMPTS).await.map_err(|e| e.to_string())?;
        m.queue.set(levels.queue);
        m.queue_oldest.set(levels.queue_oldest_at.map_or(0, |at| (now - at).max(0)));
        for (status, n) in [
            ("waiting", levels.outbox_backlog - levels.outbox_failing),
            ("failing", levels.outbox_failing),
            ("given_up", levels.outbox_given_up),
        ] {
            m.outbox.get_or_create(&StatusLabels { status: status.into() }).set(n);
        }
        m.push_backlog.set(levels.push_backlog);
        let counts = db::operations::posts_by_status(&mut conn).await.map_err(|e| e.to_string())?;
        for status in PostStatus::ALL {
            let n = counts.iter().find(|(s, _)| s == status.slug()).map_or(0, |(_, n)| *n);
            m.posts.get_or_create(&StatusLabels { status: status.slug().into() }).set(n);
        }
    }
    for (pool, p) in [("read", &db.read), ("write", &db.write)] {
        let (size, idle) = (i64::from(p.size()), p.num_idle() as i64);
        m.pools.get_or_create(&PoolLabels { pool, state: "idle" }).set(idle);
        m.pools.get_or_create(&PoolLabels { pool, state: "busy" }).set((size - idle).max(0));
    }
    let mut out = String::new();
    prometheus_client::encoding::text::encode(&mut out, &m.registry).map_err(|e| e.to_string())?;
    Ok(out)
}

async fn scrape(State(db): State<Db>) -> axum::response::Response {
    match render(&db, crate::server::services::now()).await {
        Ok(text) => ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], text)
            .into_response(),
        Err(e) => {
            tracing::error!("metrics: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "metrics unavailable\n").into_response()
        }
    }
}

/// The metrics' own little server: `GET /metrics`, nothing else.
pub fn router(db: Db) -> Router {
    Router::new().route("/metrics", get(scrape)).with_state(db)
}
