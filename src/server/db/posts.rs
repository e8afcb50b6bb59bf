//! SQL for posts, and row <-> domain mapping. The spatial index `posts_geo` holds exactly the
//! posts on the public map (public status, not hidden, not expired at the last sweep), and the
//! counts per grid cell `map_cells` hold exactly what `posts_geo` holds; both are kept in step
//! here, in the caller's transaction. The map reads them in `db::map`.
//! No authorization decisions here: callers (services) decide who sees what.

use super::sql::{self, Conn, Engine};
use crate::domain::post::{Description, Title};
use crate::domain::schedule::{Columns, Schedule};
use crate::domain::{Category, LatLng, PostKind, PostStatus, PosterKind};
use crate::wire::posts::PostSummary;

/// A post to insert: every field already validated by the domain.
#[derive(Clone, Debug)]
pub struct NewPostRow {
    pub kind: PostKind,
    pub category: Category,
    pub poster_kind: PosterKind,
    pub status: PostStatus,
    pub title: Title,
    pub description: Description,
    pub exact: LatLng,
    pub public: LatLng,
    /// The side of the privacy cell in metres, 0 for the whole commune (`domain::privacy`).
    pub privacy_area_m: i64,
    pub commune_insee: String,
    pub commune_name: String,
    pub created_at: i64,
    pub expires_at: i64,
    /// `None` for the demo data.
    pub author_id: Option<i64>,
    /// Building, stairwell, door code: for the accepted helper only.
    pub private_note: Option<String>,
    /// The signs of an emergency in its text (`domain::triage::to_stored`), if any.
    pub urgent_signs: Option<String>,
    /// When it happens, if it says.
    pub schedule: Option<Schedule>,
}

/// The statement of `insert` (also timed on a bare connection by the bench).
pub const INSERT_SQL: &str = "INSERT INTO posts (kind, category, poster_kind, status, title, description, lat, lon, \
     public_lat, public_lon, commune_insee, commune_name, created_at, updated_at, expires_at, author_id, \
     private_note, privacy_area_m, urgent_signs, when_kind, when_day, when_days, when_from, when_to, when_until) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17, $18, $19, $20, $21, \
     $22, $23, $24) RETURNING id";

/// Inserts a post (and its index entry when public) in two calls. Returns its id.
pub async fn insert(conn: &mut Conn, p: &NewPostRow) -> Result<i64, sqlx::Error> {
    let when = p.schedule.as_ref().map(Schedule::to_columns).unwrap_or_default();
    let id: i64 = sql::query_scalar(INSERT_SQL)
        .bind(p.kind.slug())
        .bind(p.category.slug())
        .bind(p.poster_kind.slug())
        .bind(p.status.slug())
        .bind(p.title.as_str())
        .bind(p.description.as_str())
        .bind(p.exact.lat)
        .bind(p.exact.lon)
        .bind(p.public.lat)
        .bind(p.public.lon)
        .bind(&p.commune_insee)
        .bind(&p.commune_name)
        .bind(p.created_at)
        .bind(p.expires_at)
        .bind(p.author_id)
        .bind(p.private_note.as_deref())
        .bind(p.privacy_area_m)
        .bind(p.urgent_signs.as_deref())
        .bind(when.kind)
        .bind(when.day)
        .bind(when.days)
        .bind(when.from)
        .bind(when.to)
        .bind(when.until)
        .fetch_one(&mut *conn)
        .await?;
    sync_index(conn, id).await?;
    Ok(id)
}

/// Records when post `id` happens (`None`: no date).
pub async fn set_schedule(conn: &mut Conn, id: i64, s: Option<&Schedule>) -> Result<(), sqlx::Error> {
    let c = s.map(Schedule::to_columns).unwrap_or_default();
    sql::query(
        "UPDATE posts SET when_kind = $1, when_day = $2, when_days = $3, when_from = $4, when_to = $5, \
         when_until = $6 WHERE id = $7",
    )
    .bind(c.kind)
    .bind(c.day)
    .bind(c.days)
    .bind(c.from)
    .bind(c.to)
    .bind(c.until)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records that post `id` is published for someone close who agreed at `consent_at` (keeping the
/// first agreement when it stays so), or not (`None`).
pub async fn set_for_relative(conn: &mut Conn, id: i64, consent_at: Option<i64>) -> Result<(), sqlx::Error> {
    sql::query(
        "UPDATE posts SET relative_consent_at = CASE WHEN $1 IS NULL THEN NULL \
         ELSE coalesce(relative_consent_at, $1) END WHERE id = $2",
    )
    .bind(consent_at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether post `id` is published for someone close.
pub async fn is_for_relative(conn: &mut Conn, id: i64) -> Result<bool, sqlx::Error> {
    let at: Option<Option<i64>> =
        sql::query_scalar("SELECT relative_consent_at FROM posts WHERE id = $1").bind(id).fetch_optional(conn).await?;
    Ok(at.flatten().is_some())
}

/// When post `id` happens, as stored.
pub async fn schedule_of(conn: &mut Conn, id: i64) -> Result<Option<Schedule>, sqlx::Error> {
    let row: Option<ScheduleRow> = sql::query_as(&format!("SELECT {SCHEDULE_COLUMNS} FROM posts WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(|r| r.columns().schedule()))
}

/// The columns of a schedule, in `ScheduleRow`'s order.
pub const SCHEDULE_COLUMNS: &str = "when_kind, when_day, when_days, when_from, when_to, when_until";

/// `SCHEDULE_COLUMNS` as read.
#[derive(Clone, Debug, Default, sqlx::FromRow)]
pub struct ScheduleRow {
    pub when_kind: Option<String>,
    pub when_day: Option<i64>,
    pub when_days: Option<i64>,
    pub when_from: Option<i64>,
    pub when_to: Option<i64>,
    pub when_until: Option<i64>,
}

impl ScheduleRow {
    pub fn columns(self) -> Columns {
        Columns {
            kind: self.when_kind,
            day: self.when_day,
            days: self.when_days,
            from: self.when_from,
            to: self.when_to,
            until: self.when_until,
        }
    }
}

/// Changes a post's status and keeps the spatial index in step. Returns false if no such post.
pub async fn set_status(conn: &mut Conn, id: i64, status: PostStatus, now: i64) -> Result<bool, sqlx::Error> {
    let done = sql::query("UPDATE posts SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.slug())
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    sync_index(conn, id).await?;
    Ok(done == 1)
}

/// The status of a post, if it exists.
pub async fn status_of(conn: &mut Conn, id: i64) -> Result<Option<String>, sqlx::Error> {
    sql::query_scalar("SELECT status FROM posts WHERE id = $1").bind(id).fetch_optional(conn).await
}

/// Puts the post in the map's indexes if it belongs on the map (public status, not hidden, not
/// taken off the map by its author while in progress, not expired at the last sweep), removes
/// it otherwise; the counts per cell follow, and the first time it is on the map its alerts are
/// queued. One call to the database: every statement of `sync_sql` reads the id from `$1`
/// (#20 §3: each statement sent on its own cost a round trip to the connection's thread).
pub async fn sync_index(conn: &mut Conn, id: i64) -> Result<(), sqlx::Error> {
    let engine = conn.engine();
    sql::query(sync_sql(engine)).bind(id).execute(conn).await?;
    Ok(())
}

/// The statements of `sync_index` in `engine`'s terms, built once, one per line: out of the
/// indexes, then back in if it belongs there.
pub fn sync_sql(engine: Engine) -> &'static str {
    static SQL: [std::sync::OnceLock<String>; 2] = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    SQL[engine as usize].get_or_init(|| {
        let mut statements = vec![unindex_sql(engine).to_owned()];
        statements.extend(TREES.map(|tree| index_insert_sql(tree, "id = $1")));
        statements.push(format!("{} GROUP BY 1, 2, 3, 4, 5 {CELLS_UPSERT}", cells_insert_sql(engine, "id = $1")));
        statements.push(super::alerts::queue_sql(engine));
        statements.join(";\n")
    })
}

/// Takes post `id` out of the map's indexes and its counts out of `map_cells`, if it was there.
async fn unindex(conn: &mut Conn, id: i64) -> Result<(), sqlx::Error> {
    let engine = conn.engine();
    sql::query(unindex_sql(engine)).bind(id).execute(conn).await?;
    Ok(())
}

/// The statements of `unindex` (the id in `$1`): the cells are computed from the values stored
/// with the entry, exactly as they went in.
fn unindex_sql(engine: Engine) -> &'static str {
    static SQL: [std::sync::OnceLock<String>; 2] = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    SQL[engine as usize].get_or_init(|| {
        format!(
            "INSERT INTO map_cells (level, cx, cy, cat, kind, n, sum_lat, sum_lon) \
             SELECT l.k, {cx}, {cy}, g.cat, g.kind, -1, -g.lat, -g.lon \
             FROM posts_geo g CROSS JOIN map_levels l WHERE g.id = $1 {CELLS_UPSERT};\n\
             DELETE FROM posts_geo WHERE id = $1;\n\
             DELETE FROM posts_geo_cat WHERE id = $1",
            cx = engine.floor("g.lon * l.scale"),
            cy = engine.floor("g.lat * l.scale"),
        )
    })
}

/// Puts every post with an id above `after` that belongs on the map in `posts_geo`, without
/// counting them: bulk loads call `recount_cells` once at the end.
pub async fn index_after(conn: &mut Conn, after: i64) -> Result<(), sqlx::Error> {
    for tree in TREES {
        sql::query(&index_insert_sql(tree, "id > $1")).bind(after).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Recomputes every count per cell from `posts_geo` after a bulk load: the finest level in one
/// sorted pass, then each coarser level from the one below it (cell `(cx >> 1, cy >> 1)`:
/// power-of-two scaling is exact in floating point, so this equals flooring at that level, as
/// `sync_index` does).
pub async fn recount_cells(conn: &mut Conn) -> Result<(), sqlx::Error> {
    use crate::domain::grid::{COARSEST, FINEST};
    let engine = conn.engine();
    sql::query("DELETE FROM map_cells").execute(&mut *conn).await?;
    sql::query(&format!(
        "INSERT INTO map_cells (level, cx, cy, cat, kind, n, sum_lat, sum_lon) \
         SELECT {FINEST}, {cx}, {cy}, cat, kind, count(*), sum(lat), sum(lon) FROM posts_geo GROUP BY 2, 3, 4, 5",
        cx = engine.floor(&format!("lon * {}", 2f64.powi(FINEST))),
        cy = engine.floor(&format!("lat * {}", 2f64.powi(FINEST))),
    ))
    .execute(&mut *conn)
    .await?;
    for level in (COARSEST..FINEST).rev() {
        sql::query(
            "INSERT INTO map_cells (level, cx, cy, cat, kind, n, sum_lat, sum_lon) \
             SELECT $1, cx >> 1, cy >> 1, cat, kind, sum(n), sum(sum_lat), sum(sum_lon) FROM map_cells \
             WHERE level = $1 + 1 GROUP BY 2, 3, 4, 5",
        )
        .bind(level)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Takes the posts that expired since the last sweep (up to `now`) off the map index and the
/// counts, and drops empty cells. Returns how many left the map.
pub async fn sweep_expired(conn: &mut Conn, now: i64) -> Result<u64, sqlx::Error> {
    let ids: Vec<i64> = sql::query_scalar(
        "SELECT p.id FROM posts p WHERE p.expires_at > (SELECT swept_until FROM map_state) \
         AND p.expires_at <= $1 AND EXISTS (SELECT 1 FROM posts_geo g WHERE g.id = p.id)",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    for &id in &ids {
        unindex(conn, id).await?;
    }
    let greatest = conn.engine().greatest();
    sql::query(&format!("UPDATE map_state SET swept_until = {greatest}(swept_until, $1)"))
        .bind(now)
        .execute(&mut *conn)
        .await?;
    sql::query("DELETE FROM map_cells WHERE n <= 0").execute(conn).await?;
    Ok(ids.len() as u64)
}

const CELLS_UPSERT: &str = "ON CONFLICT (level, cx, cy, cat, kind) DO UPDATE SET n = map_cells.n + excluded.n, \
     sum_lat = map_cells.sum_lat + excluded.sum_lat, sum_lon = map_cells.sum_lon + excluded.sum_lon";

/// The two spatial indexes of the map: `posts_geo` (2-D, for areas of every category) and
/// `posts_geo_cat` (3-D, the category code as a third dimension, for a category filter).
#[derive(Clone, Copy)]
enum Tree {
    Plain,
    ByCategory,
}

const TREES: [Tree; 2] = [Tree::Plain, Tree::ByCategory];

/// `INSERT INTO <tree> SELECT … FROM posts WHERE <on the map> AND <which>`.
fn index_insert_sql(tree: Tree, which: &str) -> String {
    let (into, extra) = match tree {
        Tree::Plain => (
            "posts_geo (id, min_lat, max_lat, min_lon, max_lon, cat, kind, lat, lon)",
            ", kind, public_lat, public_lon".to_owned(),
        ),
        Tree::ByCategory => (
            "posts_geo_cat (id, min_lat, max_lat, min_lon, max_lon, min_cat, max_cat)",
            format!(", {}", category_code_sql()),
        ),
    };
    format!(
        "INSERT INTO {into} SELECT id, public_lat, public_lat, public_lon, public_lon, {}{extra} FROM posts WHERE {} AND {which}",
        category_code_sql(),
        on_the_map_sql(),
    )
}

/// `INSERT INTO map_cells SELECT … WHERE <on the map> AND <which>` (the caller adds the
/// grouping and `CELLS_UPSERT`).
fn cells_insert_sql(engine: Engine, which: &str) -> String {
    format!(
        "INSERT INTO map_cells (level, cx, cy, cat, kind, n, sum_lat, sum_lon) SELECT l.k, {}, {}, {}, kind, count(*), \
         sum(public_lat), sum(public_lon) FROM posts CROSS JOIN map_levels l WHERE {} AND {which}",
        engine.floor("public_lon * l.scale"),
        engine.floor("public_lat * l.scale"),
        category_code_sql(),
        on_the_map_sql(),
    )
}

/// The post belongs on the public map (never a post for one building).
fn on_the_map_sql() -> String {
    format!(
        "building_id IS NULL AND hidden_at IS NULL AND status IN ({}) \
         AND NOT (status = 'in-progress' AND off_map_in_progress = TRUE) \
         AND expires_at > (SELECT swept_until FROM map_state)",
        public_statuses_sql()
    )
}

/// `'published', 'in-progress'`: the public statuses, the domain's own constant slugs.
fn public_statuses_sql() -> String {
    let statuses: Vec<String> =
        PostStatus::ALL.into_iter().filter(|s| s.is_public()).map(|s| format!("'{}'", s.slug())).collect();
    statuses.join(", ")
}

/// `CASE category WHEN 'groceries' THEN 0 ... END`, from the domain's codes.
fn category_code_sql() -> String {
    let mut s = String::from("CASE category");
    for c in Category::ALL {
        s.push_str(&format!(" WHEN '{}' THEN {}", c.slug(), c.code()));
    }
    s.push_str(" END");
    s
}

/// The columns of a `PostSummary`, from `posts p`.
pub(super) const SUMMARY_COLUMNS: &str = "SELECT p.id, p.kind, p.category, p.poster_kind, p.status, p.title, \
     p.commune_name, p.public_lat, p.public_lon, p.created_at, p.when_kind, p.when_day, p.when_days, p.when_from, \
     p.when_to, p.when_until, p.relative_consent_at IS NOT NULL AS for_relative";

#[derive(sqlx::FromRow)]
pub(super) struct SummaryRow {
    pub(super) id: i64,
    pub(super) kind: String,
    pub(super) category: String,
    pub(super) poster_kind: String,
    pub(super) status: String,
    pub(super) title: String,
    pub(super) commune_name: String,
    pub(super) public_lat: f64,
    pub(super) public_lon: f64,
    pub(super) created_at: i64,
    #[sqlx(flatten)]
    pub(super) schedule: ScheduleRow,
    pub(super) for_relative: bool,
}

/// A stored value that the domain does not know: the database and the code disagree.
#[derive(Debug, thiserror::Error)]
#[error("post {id}: unknown {what} {value:?} in the database")]
pub struct CorruptRow {
    id: i64,
    what: &'static str,
    value: String,
}

impl TryFrom<SummaryRow> for PostSummary {
    type Error = CorruptRow;
    fn try_from(r: SummaryRow) -> Result<Self, CorruptRow> {
        let bad = |what: &'static str, value: &str| CorruptRow { id: r.id, what, value: value.to_owned() };
        Ok(PostSummary {
            id: r.id,
            kind: r.kind.parse().map_err(|_| bad("kind", &r.kind))?,
            category: r.category.parse().map_err(|_| bad("category", &r.category))?,
            poster_kind: r.poster_kind.parse().map_err(|_| bad("poster kind", &r.poster_kind))?,
            status: r.status.parse().map_err(|_| bad("status", &r.status))?,
            title: r.title,
            commune: r.commune_name,
            point: LatLng { lat: r.public_lat, lon: r.public_lon },
            created_at: r.created_at,
            when: r.schedule.columns().schedule(),
            for_relative: r.for_relative,
        })
    }
}

/// Either a database failure or a row the domain refuses.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Corrupt(#[from] CorruptRow),
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    description: String,
    updated_at: i64,
    expires_at: i64,
    author_id: Option<i64>,
    by_phone: bool,
}

/// Who asks to see a post.
#[derive(Clone, Copy, Debug)]
pub enum Viewer {
    Anonymous,
    Person(i64),
    /// Staff see every post.
    Staff(i64),
}

/// A post as its page shows it to everyone; the services add what depends on the viewer's
/// conversations and the rules of answering.
#[derive(Clone, Debug)]
pub struct VisiblePost {
    pub summary: PostSummary,
    pub description: String,
    pub updated_at: i64,
    pub expires_at: i64,
    /// Whether the viewer wrote it.
    pub mine: bool,
    /// Filed by staff for a person who called ("Déposée par le Département").
    pub by_phone: bool,
}

/// One post if it is public, not hidden and not expired at `now`, or fulfilled, or if `viewer`
/// wrote it or is staff.
pub async fn find_visible(
    conn: &mut Conn,
    id: i64,
    now: i64,
    viewer: Viewer,
) -> Result<Option<VisiblePost>, ReadError> {
    let (author, staff) = match viewer {
        Viewer::Anonymous => (None, false),
        Viewer::Person(id) => (Some(id), false),
        Viewer::Staff(id) => (Some(id), true),
    };
    let mut qb = sql::QueryBuilder::new(SUMMARY_COLUMNS);
    qb.push(
        ", p.description, p.updated_at, p.expires_at, p.author_id, \
         EXISTS (SELECT 1 FROM intakes i WHERE i.post_id = p.id) AS by_phone FROM posts p WHERE p.id = ",
    )
    .push_bind(id)
    // A post for one building only: for its members (and its author, and staff).
    .push(" AND ((p.building_id IS NULL OR EXISTS (SELECT 1 FROM building_members m WHERE m.building_id = p.building_id AND m.user_id = ")
    .push_bind(author)
    .push(")) AND ((p.hidden_at IS NULL AND p.expires_at > ")
    .push_bind(now)
    .push(" AND p.status IN (")
    .push(public_statuses_sql());
    // A fulfilled post keeps its page (with its thank-you notes), off the map and the list.
    qb.push(")) OR (p.hidden_at IS NULL AND p.status = 'fulfilled')) OR p.author_id = ")
        .push_bind(author)
        .push(" OR (")
        .push_bind(staff)
        .push(" AND ");
    // Staff see any post of their territories.
    super::territories::push_post_in_scope(&mut qb, "p", author);
    qb.push("))");
    let row: Option<DetailRow> = qb.build_query_as().fetch_optional(conn).await?;
    let Some(r) = row else { return Ok(None) };
    Ok(Some(VisiblePost {
        summary: r.summary.try_into()?,
        description: r.description,
        updated_at: r.updated_at,
        expires_at: r.expires_at,
        mine: author.is_some() && r.author_id == author,
        by_phone: r.by_phone,
    }))
}

/// A post of one author, as "Mes annonces" lists it.
#[derive(Debug, sqlx::FromRow)]
pub struct AuthoredRow {
    pub id: i64,
    pub kind: String,
    pub category: String,
    pub status: String,
    pub title: String,
    pub commune_name: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub hidden_at: Option<i64>,
    #[sqlx(flatten)]
    pub schedule: ScheduleRow,
    pub for_relative: bool,
}

/// Every post of `author_id`, newest first.
pub async fn list_by_author(conn: &mut Conn, author_id: i64) -> Result<Vec<AuthoredRow>, sqlx::Error> {
    sql::query_as(
        "SELECT id, kind, category, status, title, commune_name, created_at, expires_at, hidden_at, when_kind, \
         when_day, when_days, when_from, when_to, when_until, relative_consent_at IS NOT NULL AS for_relative \
         FROM posts WHERE author_id = $1 \
         ORDER BY created_at DESC, id DESC",
    )
    .bind(author_id)
    .fetch_all(conn)
    .await
}

/// The ids of the posts of `author_id` that are not over (pending, published, in progress).
pub async fn open_of_author(conn: &mut Conn, author_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sql::query_scalar("SELECT id FROM posts WHERE author_id = $1 AND status IN ('pending', 'published', 'in-progress')")
        .bind(author_id)
        .fetch_all(conn)
        .await
}

/// How many posts `author_id` created since `since`.
pub async fn count_by_author_since(conn: &mut Conn, author_id: i64, since: i64) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM posts WHERE author_id = $1 AND created_at >= $2")
        .bind(author_id)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// Status, author and expiry of a post.
pub async fn ownership(conn: &mut Conn, id: i64) -> Result<Option<(String, Option<i64>, i64)>, sqlx::Error> {
    sql::query_as("SELECT status, author_id, expires_at FROM posts WHERE id = $1").bind(id).fetch_optional(conn).await
}

/// What the author may change, as stored.
#[derive(Debug, sqlx::FromRow)]
pub struct EditableRow {
    pub kind: String,
    pub category: String,
    pub title: String,
    pub description: String,
    pub commune_insee: String,
    pub private_note: Option<String>,
}

/// The editable fields of a post.
pub async fn editable(conn: &mut Conn, id: i64) -> Result<Option<EditableRow>, sqlx::Error> {
    sql::query_as("SELECT kind, category, title, description, commune_insee, private_note FROM posts WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Records the signs of an emergency found in a post's new text (`None`: none).
pub async fn set_urgent_signs(conn: &mut Conn, id: i64, signs: Option<&str>) -> Result<(), sqlx::Error> {
    sql::query("UPDATE posts SET urgent_signs = $1 WHERE id = $2").bind(signs).bind(id).execute(conn).await?;
    Ok(())
}

/// New text, kind, category and note; a new place when `place` is given.
#[allow(clippy::too_many_arguments)]
pub async fn update_content(
    conn: &mut Conn,
    id: i64,
    kind: &str,
    category: &str,
    title: &str,
    description: &str,
    private_note: Option<&str>,
    place: Option<(&NewPlace, &str, &str)>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sql::query(
        "UPDATE posts SET kind = $1, category = $2, title = $3, description = $4, private_note = $5, \
         updated_at = $6 WHERE id = $7",
    )
    .bind(kind)
    .bind(category)
    .bind(title)
    .bind(description)
    .bind(private_note)
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if let Some((p, insee, name)) = place {
        sql::query(
            "UPDATE posts SET lat = $1, lon = $2, public_lat = $3, public_lon = $4, commune_insee = $5, \
             commune_name = $6, privacy_area_m = $8 WHERE id = $7",
        )
        .bind(p.exact.lat)
        .bind(p.exact.lon)
        .bind(p.public.lat)
        .bind(p.public.lon)
        .bind(insee)
        .bind(name)
        .bind(id)
        .bind(p.privacy_area_m)
        .execute(&mut *conn)
        .await?;
    }
    sync_index(conn, id).await
}

/// Up to `limit` posts whose public point is not sized yet: (id, exact point, commune INSEE code).
pub async fn unsized_privacy(conn: &mut Conn, limit: i64) -> Result<Vec<(i64, f64, f64, String)>, sqlx::Error> {
    sql::query_as("SELECT id, lat, lon, commune_insee FROM posts WHERE privacy_area_m IS NULL ORDER BY id LIMIT $1")
        .bind(limit)
        .fetch_all(conn)
        .await
}

/// Sets the public point of post `id` and the area it stands for, keeping the map in step.
pub async fn set_public_point(
    conn: &mut Conn,
    id: i64,
    public: LatLng,
    privacy_area_m: i64,
) -> Result<(), sqlx::Error> {
    sql::query("UPDATE posts SET public_lat = $1, public_lon = $2, privacy_area_m = $3 WHERE id = $4")
        .bind(public.lat)
        .bind(public.lon)
        .bind(privacy_area_m)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sync_index(conn, id).await
}

/// New title and description (a redaction by staff).
pub async fn set_text(conn: &mut Conn, id: i64, title: &str, description: &str, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE posts SET title = $1, description = $2, updated_at = $3 WHERE id = $4")
        .bind(title)
        .bind(description)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Hides the post from the public (`Some(when)`) or shows it again (`None`); keeps the index.
pub async fn set_hidden(conn: &mut Conn, id: i64, hidden_at: Option<i64>) -> Result<(), sqlx::Error> {
    sql::query("UPDATE posts SET hidden_at = $1 WHERE id = $2").bind(hidden_at).bind(id).execute(&mut *conn).await?;
    sync_index(conn, id).await
}

/// A new exact point and its public point.
#[derive(Debug)]
pub struct NewPlace {
    pub exact: LatLng,
    pub public: LatLng,
    pub privacy_area_m: i64,
}

/// Moves the expiry date (an expired post comes back on the map).
pub async fn set_expiry(conn: &mut Conn, id: i64, expires_at: i64, now: i64) -> Result<(), sqlx::Error> {
    sql::query("UPDATE posts SET expires_at = $1, updated_at = $2 WHERE id = $3")
        .bind(expires_at)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sync_index(conn, id).await
}

/// How many posts there are, whatever their status.
pub async fn count_all(conn: &mut Conn) -> Result<i64, sqlx::Error> {
    sql::query_scalar("SELECT count(*) FROM posts").fetch_one(conn).await
}
