//! One way to run SQL on either engine: SQLite (the embedded default) or PostgreSQL, chosen at
//! start by the database's URL, in the same binary.
//!
//! The API is sqlx's own (`query`, `query_as`, `query_scalar`, `.bind`, `.execute`,
//! `.fetch_one`…, `QueryBuilder`), so the SQL of `db/` reads as before; what changes is where it
//! runs:
//! - [`Pool`] is the pool of one engine or the other, [`Tx`] a transaction on it;
//! - a `db/` function takes `conn: &mut Conn`: any connection of either engine (a transaction, a
//!   pooled connection, or another `&mut Conn`), so a caller passes `&mut tx` as it always did;
//! - bound values are kept in [`Arg`] until the statement runs, then handed to the engine's own
//!   encoder. A `NULL` keeps its type (PostgreSQL types every parameter).
//!
//! Parameters are written `$1`, `$2`… (both engines read them); the query builder numbers them.
//! Nothing here hides a difference of dialect: where the engines differ, the SQL says so
//! (`Pool::engine`, `Conn::engine`).

use std::borrow::Cow;
use std::fmt::Display;
use std::marker::PhantomData;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgArguments, PgConnection, PgPool, PgRow};
use sqlx::sqlite::{SqliteArguments, SqliteConnection, SqlitePool, SqliteRow};
use sqlx::{Arguments, Decode, FromRow, Postgres, Sqlite, Transaction, Type};

/// Which database engine runs the SQL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// `floor(expr)` as a 64-bit integer, for an `expr` above -1,048,576 (the grid's indices):
    /// SQLite's `CAST` truncates toward zero, PostgreSQL's rounds.
    pub fn floor(self, expr: &str) -> String {
        match self {
            Engine::Sqlite => format!("(CAST({expr} + 1048576 AS INTEGER) - 1048576)"),
            Engine::Postgres => format!("CAST(floor({expr}) AS BIGINT)"),
        }
    }

    /// The larger of two values: SQLite's two-argument `max`, PostgreSQL's `GREATEST`.
    pub fn greatest(self) -> &'static str {
        match self {
            Engine::Sqlite => "max",
            Engine::Postgres => "GREATEST",
        }
    }

    /// The smaller of two values: SQLite's two-argument `min`, PostgreSQL's `LEAST`.
    pub fn least(self) -> &'static str {
        match self {
            Engine::Sqlite => "min",
            Engine::Postgres => "LEAST",
        }
    }

    /// The Unix time now, in seconds, as SQL.
    pub fn now_seconds(self) -> &'static str {
        match self {
            Engine::Sqlite => "CAST(strftime('%s', 'now') AS INTEGER)",
            Engine::Postgres => "CAST(extract(epoch FROM now()) AS BIGINT)",
        }
    }

    /// Whether text `needle` occurs in `haystack`, as SQL.
    pub fn contains(self, haystack: &str, needle: &str) -> String {
        match self {
            Engine::Sqlite => format!("instr({haystack}, {needle}) > 0"),
            Engine::Postgres => format!("strpos({haystack}, {needle}) > 0"),
        }
    }

    /// The integers of a JSON array bound as text in `param` (`[1, 2, 3]`), as a subquery.
    pub fn json_integers(self, param: &str) -> String {
        match self {
            Engine::Sqlite => format!("(SELECT value FROM json_each({param}))"),
            Engine::Postgres => {
                format!("(SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST({param} AS json)))")
            }
        }
    }

    /// The texts of a JSON array bound as text in `param` (`["68066", "68224"]`), as a subquery.
    pub fn json_texts(self, param: &str) -> String {
        match self {
            Engine::Sqlite => format!("(SELECT value FROM json_each({param}))"),
            Engine::Postgres => format!("(SELECT value FROM json_array_elements_text(CAST({param} AS json)))"),
        }
    }
}

/// The advisory lock of write transactions on PostgreSQL ("entraide" in ASCII, folded to 63 bits).
pub const WRITE_LOCK: i64 = 0x0065_6e74_7261_6964;

/// A pool of connections to one engine.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Pool {
    pub fn engine(&self) -> Engine {
        match self {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// A connection of the pool, for several statements outside a transaction.
    pub async fn acquire(&self) -> Result<Pooled, sqlx::Error> {
        Ok(match self {
            Pool::Sqlite(p) => Pooled::Sqlite(p.acquire().await?),
            Pool::Postgres(p) => Pooled::Postgres(p.acquire().await?),
        })
    }

    /// A transaction with the engine's default beginning.
    pub async fn begin(&self) -> Result<Tx<'static>, sqlx::Error> {
        Ok(match self {
            Pool::Sqlite(p) => Tx::Sqlite(p.begin().await?),
            Pool::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    /// A transaction that will write, one at a time in the whole database, as the services'
    /// rules expect (a check then a write, never two at once): on SQLite it takes the write lock
    /// at once (`BEGIN IMMEDIATE`, no busy upgrade later); on PostgreSQL, the transaction-level
    /// advisory lock `WRITE_LOCK`, held by one transaction of any app server until it ends.
    pub async fn begin_write(&self) -> Result<Tx<'static>, sqlx::Error> {
        Ok(match self {
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => {
                let mut tx = p.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(WRITE_LOCK).execute(&mut *tx).await?;
                Tx::Postgres(tx)
            }
        })
    }

    pub fn is_closed(&self) -> bool {
        match self {
            Pool::Sqlite(p) => p.is_closed(),
            Pool::Postgres(p) => p.is_closed(),
        }
    }

    pub async fn close(&self) {
        match self {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }

    /// Connections open now.
    pub fn size(&self) -> u32 {
        match self {
            Pool::Sqlite(p) => p.size(),
            Pool::Postgres(p) => p.size(),
        }
    }

    /// Connections open and idle now.
    pub fn num_idle(&self) -> usize {
        match self {
            Pool::Sqlite(p) => p.num_idle(),
            Pool::Postgres(p) => p.num_idle(),
        }
    }

    /// The SQLite pool, for what only SQLite has (its file, its pragmas).
    pub fn as_sqlite(&self) -> Option<&SqlitePool> {
        match self {
            Pool::Sqlite(p) => Some(p),
            Pool::Postgres(_) => None,
        }
    }

    /// The PostgreSQL pool.
    pub fn as_postgres(&self) -> Option<&PgPool> {
        match self {
            Pool::Sqlite(_) => None,
            Pool::Postgres(p) => Some(p),
        }
    }
}

impl From<SqlitePool> for Pool {
    fn from(p: SqlitePool) -> Pool {
        Pool::Sqlite(p)
    }
}

impl From<PgPool> for Pool {
    fn from(p: PgPool) -> Pool {
        Pool::Postgres(p)
    }
}

/// A connection taken from a [`Pool`], given back when dropped.
#[derive(Debug)]
pub enum Pooled {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Pooled {
    /// A transaction on this connection (ended before the connection is used again).
    pub async fn begin(&mut self) -> Result<Tx<'_>, sqlx::Error> {
        use sqlx::Connection;
        Ok(match self {
            Pooled::Sqlite(c) => Tx::Sqlite(c.begin().await?),
            Pooled::Postgres(c) => Tx::Postgres(c.begin().await?),
        })
    }
}

/// A transaction on either engine: committed by [`Tx::commit`], rolled back when dropped.
#[derive(Debug)]
pub enum Tx<'c> {
    Sqlite(Transaction<'c, Sqlite>),
    Postgres(Transaction<'c, Postgres>),
}

impl Tx<'_> {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.commit().await,
            Tx::Postgres(t) => t.commit().await,
        }
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.rollback().await,
            Tx::Postgres(t) => t.rollback().await,
        }
    }
}

impl<'c> std::ops::Deref for Tx<'c> {
    type Target = dyn Exec + Send + 'c;
    fn deref(&self) -> &Self::Target {
        self
    }
}

impl<'c> std::ops::DerefMut for Tx<'c> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self
    }
}

impl std::ops::Deref for Pooled {
    type Target = dyn Exec + Send;
    fn deref(&self) -> &Self::Target {
        self
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self
    }
}

/// A borrowed connection of one engine.
pub enum Raw<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

/// Anything SQL can run on, one statement after the other: a connection, a pooled connection,
/// a transaction, of either engine.
pub trait Exec: Send {
    fn raw(&mut self) -> Raw<'_>;

    fn engine(&mut self) -> Engine {
        match self.raw() {
            Raw::Sqlite(_) => Engine::Sqlite,
            Raw::Postgres(_) => Engine::Postgres,
        }
    }
}

/// What `db/` functions take: `conn: &mut Conn`.
pub type Conn = dyn Exec + Send;

impl Exec for SqliteConnection {
    fn raw(&mut self) -> Raw<'_> {
        Raw::Sqlite(self)
    }
}

impl Exec for PgConnection {
    fn raw(&mut self) -> Raw<'_> {
        Raw::Postgres(self)
    }
}

impl Exec for PoolConnection<Sqlite> {
    fn raw(&mut self) -> Raw<'_> {
        Raw::Sqlite(self)
    }
}

impl Exec for PoolConnection<Postgres> {
    fn raw(&mut self) -> Raw<'_> {
        Raw::Postgres(self)
    }
}

impl Exec for Transaction<'_, Sqlite> {
    fn raw(&mut self) -> Raw<'_> {
        Raw::Sqlite(self)
    }
}

impl Exec for Transaction<'_, Postgres> {
    fn raw(&mut self) -> Raw<'_> {
        Raw::Postgres(self)
    }
}

impl Exec for Pooled {
    fn raw(&mut self) -> Raw<'_> {
        match self {
            Pooled::Sqlite(c) => Raw::Sqlite(c),
            Pooled::Postgres(c) => Raw::Postgres(c),
        }
    }
}

impl Exec for Tx<'_> {
    fn raw(&mut self) -> Raw<'_> {
        match self {
            Tx::Sqlite(t) => Raw::Sqlite(t),
            Tx::Postgres(t) => Raw::Postgres(t),
        }
    }
}

impl<E: Exec + ?Sized> Exec for &mut E {
    fn raw(&mut self) -> Raw<'_> {
        (**self).raw()
    }
}

/// Where a statement runs: a pool (any free connection) or one connection.
pub enum Target<'c> {
    SqlitePool(&'c SqlitePool),
    PgPool(&'c PgPool),
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

/// `&Pool` or `&mut` anything [`Exec`].
pub trait IntoTarget<'c> {
    fn target(self) -> Target<'c>;
}

impl<'c> IntoTarget<'c> for &'c Pool {
    fn target(self) -> Target<'c> {
        match self {
            Pool::Sqlite(p) => Target::SqlitePool(p),
            Pool::Postgres(p) => Target::PgPool(p),
        }
    }
}

impl<'c, E: Exec + ?Sized> IntoTarget<'c> for &'c mut E {
    fn target(self) -> Target<'c> {
        match self.raw() {
            Raw::Sqlite(c) => Target::Sqlite(c),
            Raw::Postgres(c) => Target::Postgres(c),
        }
    }
}

/// The type of a value, kept for a `NULL`.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    Int,
    Real,
    Text,
    Bool,
    Blob,
}

/// A bound value, until the statement runs.
#[derive(Clone, Debug)]
pub enum Arg<'q> {
    Null(Kind),
    Int(i64),
    Real(f64),
    Text(Cow<'q, str>),
    Bool(bool),
    Blob(Cow<'q, [u8]>),
}

/// A value that can be bound to a parameter.
pub trait Bind<'q> {
    const KIND: Kind;
    fn arg(self) -> Arg<'q>;
}

macro_rules! bind_int {
    ($($t:ty),*) => {$(
        impl<'q> Bind<'q> for $t {
            const KIND: Kind = Kind::Int;
            fn arg(self) -> Arg<'q> {
                Arg::Int(i64::from(self))
            }
        }
        impl<'q> Bind<'q> for &$t {
            const KIND: Kind = Kind::Int;
            fn arg(self) -> Arg<'q> {
                Arg::Int(i64::from(*self))
            }
        }
    )*};
}
bind_int!(i64, i32, i16, u32, u16, u8);

impl<'q> Bind<'q> for f64 {
    const KIND: Kind = Kind::Real;
    fn arg(self) -> Arg<'q> {
        Arg::Real(self)
    }
}

impl<'q> Bind<'q> for &f64 {
    const KIND: Kind = Kind::Real;
    fn arg(self) -> Arg<'q> {
        Arg::Real(*self)
    }
}

/// A flag: 0 or 1 on SQLite, a `BOOLEAN` on PostgreSQL (the SQL writes `TRUE` and `FALSE`).
impl<'q> Bind<'q> for bool {
    const KIND: Kind = Kind::Bool;
    fn arg(self) -> Arg<'q> {
        Arg::Bool(self)
    }
}

impl<'q> Bind<'q> for &bool {
    const KIND: Kind = Kind::Bool;
    fn arg(self) -> Arg<'q> {
        Arg::Bool(*self)
    }
}

impl<'q> Bind<'q> for &'q str {
    const KIND: Kind = Kind::Text;
    fn arg(self) -> Arg<'q> {
        Arg::Text(Cow::Borrowed(self))
    }
}

impl<'q> Bind<'q> for String {
    const KIND: Kind = Kind::Text;
    fn arg(self) -> Arg<'q> {
        Arg::Text(Cow::Owned(self))
    }
}

impl<'q> Bind<'q> for &'q String {
    const KIND: Kind = Kind::Text;
    fn arg(self) -> Arg<'q> {
        Arg::Text(Cow::Borrowed(self.as_str()))
    }
}

impl<'q> Bind<'q> for Cow<'q, str> {
    const KIND: Kind = Kind::Text;
    fn arg(self) -> Arg<'q> {
        Arg::Text(self)
    }
}

impl<'q> Bind<'q> for &'q [u8] {
    const KIND: Kind = Kind::Blob;
    fn arg(self) -> Arg<'q> {
        Arg::Blob(Cow::Borrowed(self))
    }
}

impl<'q> Bind<'q> for Vec<u8> {
    const KIND: Kind = Kind::Blob;
    fn arg(self) -> Arg<'q> {
        Arg::Blob(Cow::Owned(self))
    }
}

impl<'q> Bind<'q> for &'q Vec<u8> {
    const KIND: Kind = Kind::Blob;
    fn arg(self) -> Arg<'q> {
        Arg::Blob(Cow::Borrowed(self.as_slice()))
    }
}

impl<'q, T: Bind<'q>> Bind<'q> for Option<T> {
    const KIND: Kind = T::KIND;
    fn arg(self) -> Arg<'q> {
        match self {
            Some(v) => v.arg(),
            None => Arg::Null(T::KIND),
        }
    }
}

impl<'q, T> Bind<'q> for &'q Option<T>
where
    &'q T: Bind<'q>,
{
    const KIND: Kind = <&'q T as Bind<'q>>::KIND;
    fn arg(self) -> Arg<'q> {
        match self {
            Some(v) => v.arg(),
            None => Arg::Null(Self::KIND),
        }
    }
}

fn encode_error(e: sqlx::error::BoxDynError) -> sqlx::Error {
    sqlx::Error::Encode(e)
}

fn sqlite_args(args: Vec<Arg<'_>>) -> Result<SqliteArguments<'_>, sqlx::Error> {
    let mut out = SqliteArguments::default();
    out.reserve(args.len(), 0);
    for arg in args {
        match arg {
            Arg::Null(_) => out.add(Option::<i64>::None),
            Arg::Int(v) => out.add(v),
            Arg::Real(v) => out.add(v),
            Arg::Text(v) => out.add(v),
            Arg::Bool(v) => out.add(v),
            Arg::Blob(Cow::Borrowed(v)) => out.add(v),
            Arg::Blob(Cow::Owned(v)) => out.add(v),
        }
        .map_err(encode_error)?;
    }
    Ok(out)
}

fn pg_args(args: Vec<Arg<'_>>) -> Result<PgArguments, sqlx::Error> {
    let mut out = PgArguments::default();
    for arg in args {
        match arg {
            Arg::Null(Kind::Int) => out.add(Option::<i64>::None),
            Arg::Null(Kind::Real) => out.add(Option::<f64>::None),
            Arg::Null(Kind::Text) => out.add(Option::<&str>::None),
            Arg::Null(Kind::Bool) => out.add(Option::<bool>::None),
            Arg::Null(Kind::Blob) => out.add(Option::<&[u8]>::None),
            Arg::Int(v) => out.add(v),
            Arg::Real(v) => out.add(v),
            Arg::Text(v) => out.add(v.into_owned()),
            Arg::Bool(v) => out.add(v),
            Arg::Blob(v) => out.add(v.into_owned()),
        }
        .map_err(encode_error)?;
    }
    Ok(out)
}

/// Runs `$body` on the target, with `$a` the arguments in the target engine's own form.
macro_rules! on_target {
    ($target:expr, $args:expr, |$e:ident, $a:ident| $body:expr) => {
        match $target {
            Target::SqlitePool($e) => {
                let $a = sqlite_args($args)?;
                $body
            }
            Target::Sqlite($e) => {
                let $a = sqlite_args($args)?;
                $body
            }
            Target::PgPool($e) => {
                let $a = pg_args($args)?;
                $body
            }
            Target::Postgres($e) => {
                let $a = pg_args($args)?;
                $body
            }
        }
    };
}

/// What a statement did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Done {
    rows_affected: u64,
}

impl Done {
    pub fn rows_affected(&self) -> u64 {
        self.rows_affected
    }
}

/// A row type either engine can build (`#[derive(sqlx::FromRow)]` gives both).
pub trait Record: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}
impl<T> Record for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

/// A single value either engine can decode.
pub trait Scalar:
    for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> + Send + Unpin
{
}
impl<T> Scalar for T where
    T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> + Send + Unpin
{
}

/// The text of a statement: written in the code, or built ([`QueryBuilder`]).
type Text<'q> = Cow<'q, str>;

/// A statement with its bound values.
#[must_use = "a query does nothing until it is executed"]
pub struct Query<'q> {
    sql: Text<'q>,
    args: Vec<Arg<'q>>,
}

pub fn query(sql: &str) -> Query<'_> {
    Query { sql: Cow::Borrowed(sql), args: Vec::new() }
}

pub fn query_as<O: Record>(sql: &str) -> QueryAs<'_, O> {
    QueryAs { query: query(sql), out: PhantomData }
}

pub fn query_scalar<O: Scalar>(sql: &str) -> QueryScalar<'_, O> {
    QueryScalar { query: query(sql), out: PhantomData }
}

impl<'q> Query<'q> {
    pub fn bind<T: Bind<'q>>(mut self, value: T) -> Self {
        self.args.push(value.arg());
        self
    }

    /// Runs the statement. Several statements separated by `;` run one after the other, with the
    /// same parameters (SQLite prepares them together; PostgreSQL one at a time, in a
    /// transaction when run on a pool).
    pub async fn execute<'c>(self, on: impl IntoTarget<'c>) -> Result<Done, sqlx::Error> {
        let Query { sql, args } = self;
        let target = on.target();
        let several = matches!(target, Target::PgPool(_) | Target::Postgres(_)) && statements(&sql).len() > 1;
        if several {
            return match target {
                Target::PgPool(pool) => {
                    let mut tx = pool.begin().await?;
                    let done = pg_statements(&mut tx, &sql, &args).await?;
                    tx.commit().await?;
                    Ok(done)
                }
                Target::Postgres(conn) => pg_statements(conn, &sql, &args).await,
                Target::SqlitePool(_) | Target::Sqlite(_) => unreachable!("PostgreSQL only"),
            };
        }
        let done =
            on_target!(target, args, |e, a| sqlx::query_with(&sql, a).execute(e).await.map(|r| r.rows_affected())?);
        Ok(Done { rows_affected: done })
    }
}

/// The statements of `sql`, split at each `;` outside quotes (`'…'`, and PostgreSQL's
/// dollar quotes `$tag$…$tag$`), without the empty ones.
fn statements(sql: &str) -> Vec<&str> {
    let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
    let b = sql.as_bytes();
    while i < b.len() {
        match b[i] {
            b'\'' => i += sql[i + 1..].find('\'').map_or(b.len(), |n| n + 2),
            b'$' => {
                let tag_len = b[i + 1..].iter().take_while(|c| c.is_ascii_alphabetic() || **c == b'_').count();
                if b.get(i + 1 + tag_len) == Some(&b'$') {
                    let tag = &sql[i..i + tag_len + 2];
                    let body = i + tag.len();
                    i = sql[body..].find(tag).map_or(b.len(), |n| body + n + tag.len());
                } else {
                    i += 1;
                }
            }
            b';' => {
                out.push(&sql[start..i]);
                start = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    out.push(&sql[start.min(sql.len())..]);
    out.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// The highest `$n` a statement refers to.
fn highest_parameter(statement: &str) -> usize {
    let b = statement.as_bytes();
    let mut highest = 0;
    for (i, _) in statement.match_indices('$') {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if let Ok(n) = statement[i + 1..i + 1 + digits].parse::<usize>() {
            highest = highest.max(n);
        }
    }
    highest
}

/// Runs each statement of `sql` on a PostgreSQL connection with the parameters it refers to
/// (`$1`… up to the highest it names). The rows affected are added up.
async fn pg_statements(conn: &mut PgConnection, sql: &str, args: &[Arg<'_>]) -> Result<Done, sqlx::Error> {
    let mut done = Done::default();
    for statement in statements(sql) {
        let used = highest_parameter(statement).min(args.len());
        let r = sqlx::query_with(statement, pg_args(args[..used].to_vec())?).execute(&mut *conn).await?;
        done.rows_affected += r.rows_affected();
    }
    Ok(done)
}

/// A statement whose rows are read as `O`.
#[must_use = "a query does nothing until it is executed"]
pub struct QueryAs<'q, O> {
    query: Query<'q>,
    out: PhantomData<fn() -> O>,
}

impl<'q, O: Record> QueryAs<'q, O> {
    pub fn bind<T: Bind<'q>>(mut self, value: T) -> Self {
        self.query = self.query.bind(value);
        self
    }

    pub async fn fetch_one<'c>(self, on: impl IntoTarget<'c>) -> Result<O, sqlx::Error> {
        let Query { sql, args } = self.query;
        on_target!(on.target(), args, |e, a| sqlx::query_as_with::<_, O, _>(&sql, a).fetch_one(e).await)
    }

    pub async fn fetch_optional<'c>(self, on: impl IntoTarget<'c>) -> Result<Option<O>, sqlx::Error> {
        let Query { sql, args } = self.query;
        on_target!(on.target(), args, |e, a| sqlx::query_as_with::<_, O, _>(&sql, a).fetch_optional(e).await)
    }

    pub async fn fetch_all<'c>(self, on: impl IntoTarget<'c>) -> Result<Vec<O>, sqlx::Error> {
        let Query { sql, args } = self.query;
        on_target!(on.target(), args, |e, a| sqlx::query_as_with::<_, O, _>(&sql, a).fetch_all(e).await)
    }
}

/// A statement whose rows are one value `O` each.
#[must_use = "a query does nothing until it is executed"]
pub struct QueryScalar<'q, O> {
    query: Query<'q>,
    out: PhantomData<fn() -> O>,
}

impl<'q, O: Scalar> QueryScalar<'q, O> {
    pub fn bind<T: Bind<'q>>(mut self, value: T) -> Self {
        self.query = self.query.bind(value);
        self
    }

    pub async fn fetch_one<'c>(self, on: impl IntoTarget<'c>) -> Result<O, sqlx::Error> {
        let Query { sql, args } = self.query;
        on_target!(on.target(), args, |e, a| sqlx::query_scalar_with::<_, O, _>(&sql, a).fetch_one(e).await)
    }

    pub async fn fetch_optional<'c>(self, on: impl IntoTarget<'c>) -> Result<Option<O>, sqlx::Error> {
        let Query { sql, args } = self.query;
        on_target!(on.target(), args, |e, a| sqlx::query_scalar_with::<_, O, _>(&sql, a).fetch_optional(e).await)
    }

    pub async fn fetch_all<'c>(self, on: impl IntoTarget<'c>) -> Result<Vec<O>, sqlx::Error> {
        let Query { sql, args } = self.query;
        on_target!(on.target(), args, |e, a| sqlx::query_scalar_with::<_, O, _>(&sql, a).fetch_all(e).await)
    }
}

/// A statement built in pieces; `push_bind` writes the next `$n`.
pub struct QueryBuilder<'q> {
    sql: String,
    args: Vec<Arg<'q>>,
}

impl<'q> QueryBuilder<'q> {
    pub fn new(init: impl Into<String>) -> Self {
        QueryBuilder { sql: init.into(), args: Vec::new() }
    }

    pub fn push(&mut self, sql: impl Display) -> &mut Self {
        use std::fmt::Write;
        let _ = write!(self.sql, "{sql}");
        self
    }

    pub fn push_bind<T: Bind<'q>>(&mut self, value: T) -> &mut Self {
        use std::fmt::Write;
        self.args.push(value.arg());
        let _ = write!(self.sql, "${}", self.args.len());
        self
    }

    /// Rows of values: `INSERT … VALUES (…), (…)`, each row written by `push_row` through a
    /// [`Separated`] that puts commas between its values.
    pub fn push_values<I, F>(&mut self, rows: I, mut push_row: F) -> &mut Self
    where
        I: IntoIterator,
        F: FnMut(Separated<'_, 'q>, I::Item),
    {
        self.push("VALUES ");
        for (i, row) in rows.into_iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.push("(");
            push_row(Separated { builder: self, first: true }, row);
            self.push(")");
        }
        self
    }

    /// The text so far.
    pub fn sql(&self) -> &str {
        &self.sql
    }

    pub fn build(&mut self) -> Query<'_> {
        Query { sql: Cow::Borrowed(&self.sql), args: self.args.clone() }
    }

    pub fn build_query_as<O: Record>(&mut self) -> QueryAs<'_, O> {
        QueryAs { query: self.build(), out: PhantomData }
    }

    pub fn build_query_scalar<O: Scalar>(&mut self) -> QueryScalar<'_, O> {
        QueryScalar { query: self.build(), out: PhantomData }
    }
}

impl<'c> IntoTarget<'c> for &'c SqlitePool {
    fn target(self) -> Target<'c> {
        Target::SqlitePool(self)
    }
}

impl<'c> IntoTarget<'c> for &'c PgPool {
    fn target(self) -> Target<'c> {
        Target::PgPool(self)
    }
}

/// One row of [`QueryBuilder::push_values`]: each `push_bind` after the first is preceded by a
/// comma.
pub struct Separated<'b, 'q> {
    builder: &'b mut QueryBuilder<'q>,
    first: bool,
}

impl<'q> Separated<'_, 'q> {
    /// A value already in its bound form.
    pub fn push_arg(&mut self, value: Arg<'q>) -> &mut Self {
        if !self.first {
            self.builder.push(", ");
        }
        self.first = false;
        self.builder.args.push(value);
        let n = self.builder.args.len();
        self.builder.push(format!("${n}"));
        self
    }

    pub fn push_bind<T: Bind<'q>>(&mut self, value: T) -> &mut Self {
        if !self.first {
            self.builder.push(", ");
        }
        self.first = false;
        self.builder.push_bind(value);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_split_outside_quotes_and_know_their_parameters() {
        let sql = "DELETE FROM a WHERE id = $1;\n INSERT INTO b VALUES ($1, 'x;y', $3);  ;";
        let parts = statements(sql);
        assert_eq!(parts, ["DELETE FROM a WHERE id = $1", "INSERT INTO b VALUES ($1, 'x;y', $3)"]);
        assert_eq!(parts.iter().map(|s| highest_parameter(s)).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(highest_parameter("SELECT 1"), 0);
        let function = "CREATE FUNCTION f() RETURNS trigger AS $f$ BEGIN RAISE EXCEPTION 'a;b'; END $f$; SELECT $1";
        assert_eq!(statements(function).len(), 2, "{:?}", statements(function));
        assert_eq!(statements("SELECT $$;$$; SELECT 2").len(), 2);
    }
}
