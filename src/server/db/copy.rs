//! `entraide migrate-to postgres://…`: a SQLite database copied into an empty PostgreSQL one,
//! for a département that outgrows one machine. Every table's rows, in an order where each row's
//! references are already there, in one PostgreSQL transaction (a failure leaves the target as
//! it was); the identity counters set past the highest id; the map's index and counts rebuilt
//! from the posts (`posts::index_after`, `recount_cells`); then each table counted on both sides.
//!
//! Values are read from SQLite by the target column's type: SQLite's 0/1 flags become
//! PostgreSQL's booleans. Sessions are not copied (people log in again after the move).

use sqlx::sqlite::{SqliteConnection, SqliteRow};
use sqlx::Row;

use super::sql::{self, Conn, QueryBuilder};

/// The tables copied, each after those it refers to. The map's index (`posts_geo`,
/// `posts_geo_cat`, `map_cells`) is rebuilt instead; `map_levels`, `categories` and the
/// built-in territory are written by the migrations and replaced by the source's rows.
pub const TABLES: [&str; 41] = [
    "categories",
    "users",
    "buildings",
    "posts",
    "conversations",
    "messages",
    "moderation_events",
    "reports",
    "reveals",
    "thanks",
    "outbox",
    "map_levels",
    "map_state",
    "account_tokens",
    "reset_requests",
    "account_audit",
    "intake_events",
    "export_audit",
    "follow_ups",
    "announcements",
    "page_revisions",
    "alerts",
    "alerts_geo",
    "alert_settings",
    "alert_hits",
    "alert_fanout",
    "server_keys",
    "push_subscriptions",
    "push_outbox",
    "vetting_requests",
    "vettings",
    "intakes",
    "carers",
    "notifications",
    "building_members",
    "building_join_failures",
    "limit_attempts",
    "territories",
    "territory_communes",
    "staff_territories",
    "people_audit",
];

/// Rows per `INSERT` (PostgreSQL takes at most 65,535 parameters in a statement).
const ROWS_PER_INSERT: usize = 500;

/// A column of the target table and how to read it from SQLite.
struct Column {
    name: String,
    kind: sql::Kind,
}

/// The columns of `table` in the target, in order, by their PostgreSQL type (generated
/// columns, computed by PostgreSQL, left out).
async fn columns(target: &mut Conn, table: &str) -> Result<Vec<Column>, sqlx::Error> {
    let rows: Vec<(String, String)> = sql::query_as(
        "SELECT column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(target)
    .await?;
    rows.into_iter()
        .map(|(name, ty)| {
            let kind = match ty.as_str() {
                "bigint" | "integer" | "smallint" => sql::Kind::Int,
                "double precision" | "real" | "numeric" => sql::Kind::Real,
                "boolean" => sql::Kind::Bool,
                "bytea" => sql::Kind::Blob,
                "text" | "character varying" => sql::Kind::Text,
                other => {
                    return Err(sqlx::Error::Protocol(format!("{table}.{name}: no copy for the type {other}")));
                }
            };
            Ok(Column { name, kind })
        })
        .collect()
}

/// The value of column `i` of a SQLite row, as the target column wants it.
fn value(row: &SqliteRow, i: usize, kind: sql::Kind) -> Result<sql::Arg<'static>, sqlx::Error> {
    use sql::{Arg, Kind};
    Ok(match kind {
        Kind::Int => row.try_get::<Option<i64>, _>(i)?.map_or(Arg::Null(kind), Arg::Int),
        Kind::Real => row.try_get::<Option<f64>, _>(i)?.map_or(Arg::Null(kind), Arg::Real),
        Kind::Bool => row.try_get::<Option<i64>, _>(i)?.map_or(Arg::Null(kind), |v| Arg::Bool(v != 0)),
        Kind::Text => row.try_get::<Option<String>, _>(i)?.map_or(Arg::Null(kind), |t| Arg::Text(t.into())),
        Kind::Blob => row.try_get::<Option<Vec<u8>>, _>(i)?.map_or(Arg::Null(kind), |b| Arg::Blob(b.into())),
    })
}

/// What the copy did: each table's rows in the source and in the target.
#[derive(Debug, Default)]
pub struct Copied {
    pub tables: Vec<(&'static str, i64, i64)>,
    pub on_map: i64,
}

/// Copies every table of `source` (a SQLite connection in a read transaction: one moment of the
/// database) into `target` (a PostgreSQL transaction, migrated and empty of people and posts),
/// rebuilds the map's index and counts, and counts both sides.
pub async fn copy(source: &mut SqliteConnection, target: &mut Conn) -> Result<Copied, sqlx::Error> {
    let people: i64 = sql::query_scalar("SELECT count(*) FROM users").fetch_one(&mut *target).await?;
    let posts: i64 = sql::query_scalar("SELECT count(*) FROM posts").fetch_one(&mut *target).await?;
    if people + posts > 0 {
        return Err(sqlx::Error::Protocol(format!(
            "the target already holds {people} account(s) and {posts} post(s): copy into an empty database"
        )));
    }
    // What the migrations wrote, replaced by the source's own rows.
    for table in ["staff_territories", "territory_communes", "territories", "map_state", "map_levels", "categories"] {
        sql::query(&format!("DELETE FROM {table}")).execute(&mut *target).await?;
    }
    let mut copied = Copied::default();
    for table in TABLES {
        let cols = columns(&mut *target, table).await?;
        let names = cols.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ");
        let rows = sqlx::query(&format!("SELECT {names} FROM {table}")).fetch_all(&mut *source).await?;
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let mut values = Vec::with_capacity(chunk.len());
            for row in chunk {
                let mut one = Vec::with_capacity(cols.len());
                for (i, c) in cols.iter().enumerate() {
                    one.push(value(row, i, c.kind)?);
                }
                values.push(one);
            }
            let mut insert = QueryBuilder::new(format!("INSERT INTO {table} ({names}) "));
            insert.push_values(values, |mut b, one| {
                for v in one {
                    b.push_arg(v);
                }
            });
            insert.build().execute(&mut *target).await?;
        }
        if cols.iter().any(|c| c.name == "id") && table != "alerts_geo" {
            sql::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(max(id), 0) + 1, false) FROM {table}"
            ))
            .execute(&mut *target)
            .await?;
        }
        let there: i64 = sql::query_scalar(&format!("SELECT count(*) FROM {table}")).fetch_one(&mut *target).await?;
        copied.tables.push((table, rows.len() as i64, there));
    }
    super::posts::index_after(&mut *target, 0).await?;
    super::posts::recount_cells(&mut *target).await?;
    copied.on_map = sql::query_scalar("SELECT count(*) FROM posts_geo").fetch_one(&mut *target).await?;
    let source_on_map: i64 = sqlx::query_scalar("SELECT count(*) FROM posts_geo").fetch_one(&mut *source).await?;
    copied.tables.push(("posts_geo", source_on_map, copied.on_map));
    Ok(copied)
}
