//! Posts: reading what is public, creating, and moving a post through its life cycle.

use crate::domain::grid::Grid;
use crate::domain::post::{parse_lifetime_days, NewPost, Place, PostDraft, PostForm};
use crate::domain::privacy::public_point_for;
use crate::domain::user::CurrentUser;
use crate::domain::vetting::VettedCategories;
use crate::domain::{BBox, LatLng, PostFilter, PostStatus};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Msg;
use crate::server::communes::Communes;
use crate::server::db::intakes::IntakeAction;
use crate::server::db::Conn;
use crate::server::db::{self, map, posts as sql, Db};
use crate::wire::posts::{DecisionForAuthor, MyPost, Notice, VettedHelper};
use crate::wire::posts::{
    PlaceView, PostDetail, PostPage, TerritoryContact, ThanksView, AGGREGATE_ABOVE, LIST_WHEN_AGGREGATED,
};

/// The public posts of the filter's area, and how many match in all.
pub async fn list_public(db: &Db, filter: &PostFilter) -> Result<PostPage, AppError> {
    list_public_at(db, filter, super::now()).await
}

/// `list_public` as seen at time `now`. The counts per cell decide first, in microseconds:
/// an area holding at most `AGGREGATE_ABOVE` posts gets all its posts; a larger one gets the
/// counts and its most relevant posts, never a sort of all of them, a page at a time.
pub async fn list_public_at(db: &Db, filter: &PostFilter, now: i64) -> Result<PostPage, AppError> {
    let filter = filter.clone();
    db.map
        .run(move |conn| {
            let area = filter.area();
            let grid = Grid::for_area(area);
            let cells = map::cells(conn, &filter, grid, area)?;
            let count: i64 = cells.iter().map(|c| c.count).sum();
            let page = |posts, total, area, grid, cells, offset| PostPage {
                posts,
                total,
                area,
                grid,
                cells,
                now,
                place: None,
                offset,
            };
            if count <= AGGREGATE_ABOVE {
                // The cells cover the area, so these are all of its posts (or more: those of
                // the words or of the radius are fewer).
                let posts = map::summaries(conn, &map::pins_sql(conn.engine(), &filter, area, now, AGGREGATE_ABOVE))?;
                return Ok(page(posts.clone(), posts.len() as i64, area, None, vec![], 0));
            }
            if filter.words.is_some() || filter.when.is_some() || (filter.radius_km.is_some() && filter.near.is_some())
            {
                // Words, days, or a radius: the cells would count posts without the words, on
                // other days or outside the circle too. The matching posts are counted, and the most relevant of them
                // listed and pinned, a page at a time.
                let total = map::count(conn, &map::count_sql(conn.engine(), &filter, area, now))?;
                let (limit, offset) = if total <= AGGREGATE_ABOVE {
                    (AGGREGATE_ABOVE, 0)
                } else {
                    (LIST_WHEN_AGGREGATED, LIST_WHEN_AGGREGATED * i64::from(filter.page_index))
                };
                let posts =
                    map::summaries(conn, &map::pins_page_sql(conn.engine(), &filter, area, now, limit, offset))?;
                return Ok(page(posts, total, area, None, vec![], offset));
            }
            let zone = grid.snap(area);
            let posts = map::most_relevant(conn, &filter, zone, count, now)?;
            let offset = LIST_WHEN_AGGREGATED * i64::from(filter.page_index);
            Ok(page(posts, count, zone, Some(grid), cells, offset))
        })
        .await
        .map_err(|e| db::internal("list posts", e))
}

/// The filter with its place found among `communes` (or, without a place, at the person's
/// position): the distances and "nearest" are from the town hall (or the position), and without
/// an area of its own the map shows the radius around it (5 km when none is chosen). A place
/// that names no commune, or several, is a mistake of the `place` field.
pub fn locate_place(communes: &Communes, filter: &PostFilter) -> Result<(PostFilter, Option<PlaceView>), AppError> {
    let (name, centre) = match (filter.place.as_deref(), filter.at) {
        (Some(typed), _) => {
            let insee = crate::domain::commune::resolve(typed, &communes.refs())
                .map_err(|m| AppError::Validation(crate::error::FieldErrors::single("place", m)))?;
            let c = communes.by_insee(&insee).ok_or_else(|| db::internal("place", "resolved commune not found"))?;
            (Some(c.name.clone()), c.town_hall)
        }
        (None, Some(at)) => (None, at),
        (None, None) => return Ok((filter.clone(), None)),
    };
    let mut f = filter.clone();
    f.near = Some(centre);
    if f.bbox.is_none() {
        let (south, north, west, east) = crate::domain::alert::circle_box(centre, f64::from(f.radius_km.unwrap_or(5)));
        f.bbox = Some(BBox { west, south, east, north });
    }
    Ok((f, Some(PlaceView { name, centre, radius_km: filter.radius_km })))
}

/// Takes the posts expired by `now` off the map's index and counts; `serve` runs it every minute
/// (the lists never show an expired post: they check the date themselves).
pub async fn sweep_expired(db: &Db, now: i64) -> Result<u64, AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("sweep: begin", e))?;
    let n = sql::sweep_expired(&mut tx, now).await.map_err(|e| db::internal("sweep", e))?;
    tx.commit().await.map_err(|e| db::internal("sweep: commit", e))?;
    Ok(n)
}

/// A public post, or `NotFound` (as an anonymous visitor reads it, with the default vetted
/// categories).
pub async fn get_public(db: &Db, id: i64) -> Result<PostDetail, AppError> {
    get_visible(db, &Default::default(), id, None).await
}

/// The most characters of the description a notice prints.
pub const NOTICE_EXCERPT: usize = 280;

/// What the printed notice of public post `id` shows, while it is open (published or in
/// progress, not expired); `NotFound` otherwise.
pub async fn notice(db: &Db, id: i64) -> Result<Notice, AppError> {
    let p = get_public(db, id).await?;
    if !(p.summary.status.is_public() && p.expires_at > p.now) {
        return Err(AppError::NotFound);
    }
    let address = crate::server::notice::post_url(id);
    let address = address.split_once("://").map_or(address.as_str(), |(_, rest)| rest).to_owned();
    Ok(Notice { excerpt: excerpt(&p.description, NOTICE_EXCERPT), summary: p.summary, address })
}

/// The first `max` characters of `text` on one line, cut after a whole word, with "…" when cut.
fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let whole = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}\u{2026}", whole.trim_end_matches([',', ';', ':', '.']))
}

/// A post that `viewer` may see (public, their own, fulfilled, or any for staff), or
/// `NotFound`; with the viewer's conversation about it and its thank-you notes.
/// `vetted_helper` says whether answering takes a vetted helper, and whether the viewer is one.
pub async fn get_visible(
    db: &Db,
    vetted: &VettedCategories,
    id: i64,
    viewer: Option<&CurrentUser>,
) -> Result<PostDetail, AppError> {
    let now = super::now();
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("get post: acquire", e))?;
    let as_viewer = match viewer {
        Some(u) if u.role.is_staff() => sql::Viewer::Staff(u.id),
        Some(u) => sql::Viewer::Person(u.id),
        None => sql::Viewer::Anonymous,
    };
    let post = sql::find_visible(&mut conn, id, now, as_viewer)
        .await
        .map_err(|e| db::internal("get post", e))?
        .ok_or(AppError::NotFound)?;
    let talk = |e| db::internal("get post: conversations", e);
    let my_conversation = match viewer {
        Some(me) => db::conversations::by_post_and_responder(&mut conn, id, me.id).await.map_err(talk)?.map(|c| c.id),
        None => None,
    };
    let open_to_responses = super::conversations::accepts_responses(&mut conn, id, now).await?;
    let vetted_helper = if vetted.needed(post.summary.kind, post.summary.category) {
        let me_vetted = match viewer {
            Some(me) => super::vetting::is_vetted(&mut conn, me.id, now).await?,
            None => false,
        };
        Some(VettedHelper { me: me_vetted })
    } else {
        None
    };
    let thanks = db::conversations::thanks_of(&mut conn, id)
        .await
        .map_err(talk)?
        .into_iter()
        .map(|(writer, body, at)| ThanksView { writer, body, at })
        .collect();
    let building = super::buildings::of_post(&mut conn, id).await?;
    let contact = db::territories::contact_of_post(&mut conn, id)
        .await
        .map_err(|e| db::internal("get post: contact", e))?
        .filter(|(_, email, phone)| !email.is_empty() || !phone.is_empty())
        .map(|(territory, email, phone)| TerritoryContact { territory, email, phone });
    Ok(PostDetail {
        summary: post.summary,
        description: post.description,
        updated_at: post.updated_at,
        expires_at: post.expires_at,
        mine: post.mine,
        by_phone: post.by_phone,
        my_conversation,
        open_to_responses,
        vetted_helper,
        thanks,
        now,
        building,
        contact,
    })
}

/// A post to create with its initial status, creation time and public-point jitter.
#[derive(Clone, Debug)]
pub struct Creation {
    pub post: NewPost,
    pub status: PostStatus,
    /// UTC seconds.
    pub created_at: i64,
    /// Drawn once, each in [-1, 1]: where the public point sits in its privacy cell.
    pub jitter: (f64, f64),
    pub author_id: Option<i64>,
    pub private_note: Option<String>,
}

/// Creates one post; see `create_many`.
pub async fn create(db: &Db, communes: &Communes, c: Creation) -> Result<i64, AppError> {
    let ids = create_many(db, communes, vec![c]).await?;
    ids.into_iter().next().ok_or_else(|| db::internal("create post", "no id returned"))
}

/// Creates posts in one transaction. Each location must lie in a commune of the département;
/// the public point and the commune label are computed here, once, and stored.
pub async fn create_many(db: &Db, communes: &Communes, list: Vec<Creation>) -> Result<Vec<i64>, AppError> {
    let rows = list.into_iter().map(|c| row_of(communes, c)).collect::<Result<Vec<_>, _>>()?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("create post: begin", e))?;
    let mut ids = Vec::with_capacity(rows.len());
    for row in &rows {
        ids.push(sql::insert(&mut tx, row).await.map_err(|e| db::internal("create post", e))?);
    }
    tx.commit().await.map_err(|e| db::internal("create post: commit", e))?;
    super::alerts::wake();
    Ok(ids)
}

/// The row of a new post: its commune, public point and expiry computed from `c`.
pub(crate) fn row_of(communes: &Communes, c: Creation) -> Result<sql::NewPostRow, AppError> {
    let post = c.post;
    let commune = communes
        .locate(post.location)
        .ok_or_else(|| AppError::Validation(FieldErrors::single("location", Msg::new("location-outside"))))?;
    let urgent_signs = urgent_signs_of(post.title.as_str(), post.description.as_str());
    Ok(sql::NewPostRow {
        urgent_signs,
        kind: post.kind,
        category: post.category,
        poster_kind: post.poster_kind,
        status: c.status,
        title: post.title,
        description: post.description,
        exact: post.location,
        public: public_point_for(post.location, c.jitter, commune.privacy_area(), commune.town_hall),
        privacy_area_m: commune.privacy_area().stored(),
        commune_insee: commune.insee.clone(),
        commune_name: commune.name.clone(),
        created_at: c.created_at,
        // A day's evening, a month for what comes back, else the lifetime chosen.
        expires_at: match &post.schedule {
            Some(s) => s.expires_at(c.created_at),
            None => c.created_at + i64::from(post.lifetime_days) * 86_400,
        },
        schedule: post.schedule,
        author_id: c.author_id,
        private_note: c.private_note,
    })
}

/// The signs of an emergency in a post's text, as stored with it.
fn urgent_signs_of(title: &str, description: &str) -> Option<String> {
    use crate::domain::triage;
    triage::to_stored(&triage::signs(&format!("{title}\n{description}")))
}

/// A pair in [-1, 1] drawn once per post: where its public point sits in its privacy cell.
pub fn random_jitter() -> (f64, f64) {
    use std::hash::{BuildHasher, Hasher};
    let draw = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_i64(super::now());
        (h.finish() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    };
    (draw(), draw())
}

/// Posts a new account may publish in its first day.
pub const NEW_ACCOUNT_POSTS_PER_DAY: i64 = 3;
/// Posts any account may publish in a day.
pub const POSTS_PER_DAY: i64 = 20;

/// Refuses a new post beyond the day's allowance (3 the first day of an account, then 20).
/// Counted in the transaction that inserts the post: publications sent at once are counted one
/// after the other (the writer's lock), never all against the same count.
async fn within_daily_allowance(conn: &mut Conn, author: &CurrentUser, now: i64) -> Result<(), AppError> {
    let since = now - 86_400;
    let n = sql::count_by_author_since(&mut *conn, author.id, since).await.map_err(|e| db::internal("allowance", e))?;
    let created = db::users::created_at(&mut *conn, author.id).await.map_err(|e| db::internal("allowance", e))?;
    let new_account = created.is_some_and(|c| c > since);
    let limit = if new_account { NEW_ACCOUNT_POSTS_PER_DAY } else { POSTS_PER_DAY };
    if n >= limit {
        let why = Msg::new(if new_account { "allowance-new-account" } else { "allowance-posts" }).num("max", limit);
        return Err(AppError::Validation(FieldErrors::single("form", why)));
    }
    Ok(())
}

/// Publishes `draft` by `author`: the post waits for validation (`pending`).
pub async fn publish(
    db: &Db,
    communes: &Communes,
    policy: &VettedCategories,
    author: &CurrentUser,
    draft: PostDraft,
    building: Option<i64>,
    now: i64,
) -> Result<i64, AppError> {
    super::account_links::require_verified(author)?;
    let location = location_of(communes, &draft.place)?;
    let post = NewPost {
        kind: draft.kind,
        category: draft.category,
        poster_kind: author.poster_kind,
        title: draft.title,
        description: draft.description,
        location,
        lifetime_days: draft.lifetime_days,
        schedule: draft.schedule,
    };
    let c = Creation {
        post,
        status: PostStatus::Pending,
        created_at: now,
        jitter: random_jitter(),
        author_id: Some(author.id),
        private_note: draft.private_note,
    };
    let row = row_of(communes, c)?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("publish: begin", e))?;
    super::vetting::may_offer(&mut tx, policy, row.kind, row.category, author.id, now).await?;
    if let Some(b) = building {
        super::buildings::check_author(&mut tx, author, b).await?;
    }
    within_daily_allowance(&mut tx, author, now).await?;
    let id = sql::insert(&mut tx, &row).await.map_err(|e| db::internal("publish", e))?;
    if let Some(b) = building {
        db::buildings::set_post_building(&mut tx, id, b).await.map_err(|e| db::internal("publish: building", e))?;
    }
    if draft.for_relative {
        sql::set_for_relative(&mut tx, id, Some(now)).await.map_err(|e| db::internal("publish: relative", e))?;
    }
    tx.commit().await.map_err(|e| db::internal("publish: commit", e))?;
    super::alerts::wake();
    Ok(id)
}

/// The exact point of a place: the point chosen, or the town hall of the commune named.
pub fn location_of(communes: &Communes, place: &Place) -> Result<LatLng, AppError> {
    match place {
        Place::Point(p) => Ok(*p),
        Place::Commune(insee) => communes
            .by_insee(insee)
            .map(|c| c.town_hall)
            .ok_or_else(|| AppError::Validation(FieldErrors::single("location", Msg::new("commune-not-found")))),
    }
}

/// Places again the public point of every post made before public points were sized by where
/// people live (`privacy_area_m` NULL), in batches; returns how many. Run at each start, after
/// the migrations: it finds nothing to do once done.
pub async fn size_privacy_areas(db: &Db, communes: &Communes) -> Result<usize, AppError> {
    let mut done = 0;
    loop {
        let mut tx = db.begin_write().await.map_err(|e| db::internal("privacy areas: begin", e))?;
        let batch = sql::unsized_privacy(&mut tx, 500).await.map_err(|e| db::internal("privacy areas", e))?;
        if batch.is_empty() {
            return Ok(done);
        }
        for (id, lat, lon, insee) in &batch {
            let exact = LatLng { lat: *lat, lon: *lon };
            let (area, hall) = match communes.by_insee(insee) {
                Some(c) => (c.privacy_area(), c.town_hall),
                // Not a commune of ours (synthetic data elsewhere in France): the base grid.
                None => (crate::domain::privacy::Area::Cell(crate::domain::geo::GRID_METRES), exact),
            };
            let public = public_point_for(exact, random_jitter(), area, hall);
            sql::set_public_point(&mut tx, *id, public, area.stored())
                .await
                .map_err(|e| db::internal("privacy areas: update", e))?;
        }
        tx.commit().await.map_err(|e| db::internal("privacy areas: commit", e))?;
        done += batch.len();
    }
}

/// The author's posts, newest first, with their status and whether they expired.
pub async fn mine(db: &Db, author: &CurrentUser, now: i64) -> Result<Vec<MyPost>, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("my posts: acquire", e))?;
    let rows = sql::list_by_author(&mut conn, author.id).await.map_err(|e| db::internal("my posts", e))?;
    let events = db::moderation::decisions_for_author(&mut conn, author.id)
        .await
        .map_err(|e| db::internal("my posts: decisions", e))?;
    // Oldest first: the last one kept per post is the latest.
    let mut latest = std::collections::HashMap::new();
    for e in events {
        latest.insert(e.post_id, e);
    }
    let mut carers = super::carers::of_author(&mut conn, author.id, now).await?;
    rows.into_iter()
        .map(|r| {
            let decision =
                latest.remove(&r.id).map(super::moderation::event_view).transpose()?.map(|e| DecisionForAuthor {
                    action: e.action,
                    reason: e.reason,
                    message: e.message,
                    before: e.before,
                    after: e.after,
                });
            let bad = |what: &str| db::internal("my posts", format!("post {}: unknown {what}", r.id));
            Ok(MyPost {
                id: r.id,
                kind: r.kind.parse().map_err(|_| bad("kind"))?,
                category: r.category.parse().map_err(|_| bad("category"))?,
                status: r.status.parse().map_err(|_| bad("status"))?,
                title: r.title.clone(),
                commune: r.commune_name.clone(),
                created_at: r.created_at,
                expires_at: r.expires_at,
                expired: r.expires_at <= now,
                hidden: r.hidden_at.is_some(),
                decision,
                when: r.schedule.columns().schedule(),
                for_relative: r.for_relative,
                carers: carers.remove(&r.id).unwrap_or_default(),
            })
        })
        .collect()
}

/// The post `id` if `author` wrote it (`NotFound` otherwise: others learn nothing), with its
/// status and expiry.
pub(super) async fn owned(conn: &mut Conn, author: &CurrentUser, id: i64) -> Result<(PostStatus, i64), AppError> {
    let row = sql::ownership(conn, id).await.map_err(|e| db::internal("ownership", e))?;
    match row {
        Some((status, Some(a), expires_at)) if a == author.id => {
            Ok((status.parse().map_err(|_| db::internal("ownership", "unknown status"))?, expires_at))
        }
        _ => Err(AppError::NotFound),
    }
}

/// Closes the author's post: `Fulfilled` ("réalisée") or `Closed` ("retirée").
pub async fn close(db: &Db, author: &CurrentUser, id: i64, outcome: PostStatus, now: i64) -> Result<(), AppError> {
    if !matches!(outcome, PostStatus::Fulfilled | PostStatus::Closed) {
        return Err(AppError::Validation(FieldErrors::single("outcome", Msg::new("close-outcome-missing"))));
    }
    let mut tx = db.begin_write().await.map_err(|e| db::internal("close: begin", e))?;
    let (status, _) = owned(&mut tx, author, id).await?;
    if !status.can_become(outcome) {
        let why = Msg::new("close-not-now").label("status", "status", status.slug()).label(
            "outcome",
            "status",
            outcome.slug(),
        );
        return Err(AppError::Validation(FieldErrors::single("outcome", why)));
    }
    sql::set_status(&mut tx, id, outcome, now).await.map_err(|e| db::internal("close", e))?;
    let title =
        sql::editable(&mut tx, id).await.map_err(|e| db::internal("close", e))?.map(|r| r.title).unwrap_or_default();
    super::conversations::tell_helpers(&mut tx, author, id, &title, outcome, now).await?;
    let action = if outcome == PostStatus::Fulfilled { IntakeAction::Confirmed } else { IntakeAction::Closed };
    super::intakes::audit(&mut tx, id, author, action, None, now).await?;
    tx.commit().await.map_err(|e| db::internal("close: commit", e))
}

/// The form of the author's post as it stands, for editing.
pub async fn editable(db: &Db, communes: &Communes, author: &CurrentUser, id: i64) -> Result<PostForm, AppError> {
    let mut conn = db.read.acquire().await.map_err(|e| db::internal("editable: acquire", e))?;
    let (status, _) = owned(&mut conn, author, id).await?;
    if !is_editable(status) {
        return Err(AppError::NotFound);
    }
    let r = sql::editable(&mut conn, id).await.map_err(|e| db::internal("editable", e))?.ok_or(AppError::NotFound)?;
    let schedule = sql::schedule_of(&mut conn, id).await.map_err(|e| db::internal("editable: schedule", e))?;
    let for_relative = sql::is_for_relative(&mut conn, id).await.map_err(|e| db::internal("editable: relative", e))?;
    let ticked = || if for_relative { "on".to_owned() } else { String::new() };
    let commune =
        communes.refs().into_iter().find(|c| c.insee == r.commune_insee).map(|c| c.label()).unwrap_or_default();
    Ok(PostForm {
        kind: r.kind,
        category: r.category,
        title: r.title,
        description: r.description,
        lifetime_days: String::new(),
        commune,
        lat: String::new(),
        lon: String::new(),
        private_note: r.private_note.unwrap_or_default(),
        schedule: crate::domain::schedule::ScheduleForm::of(schedule.as_ref()),
        for_relative: ticked(),
        relative_consent: ticked(),
    })
}

fn is_editable(status: PostStatus) -> bool {
    // Not while a helper is at work (in progress), nor once it is over.
    matches!(status, PostStatus::Pending | PostStatus::Published | PostStatus::Rejected)
}

/// Changes the author's post. A post that was public goes back to `pending` for validation.
/// The place changes only when another commune or a new point is given.
pub async fn edit(
    db: &Db,
    communes: &Communes,
    policy: &VettedCategories,
    author: &CurrentUser,
    id: i64,
    draft: PostDraft,
    now: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("edit: begin", e))?;
    let (status, _) = owned(&mut tx, author, id).await?;
    super::vetting::may_offer(&mut tx, policy, draft.kind, draft.category, author.id, now).await?;
    if !is_editable(status) {
        let why = Msg::new("edit-not-now").label("status", "status", status.slug());
        return Err(AppError::Validation(FieldErrors::single("form", why)));
    }
    let current = sql::editable(&mut tx, id).await.map_err(|e| db::internal("edit", e))?.ok_or(AppError::NotFound)?;
    let exact = match &draft.place {
        Place::Point(p) => Some(*p),
        Place::Commune(insee) if *insee != current.commune_insee => Some(
            communes
                .by_insee(insee)
                .map(|c| c.town_hall)
                .ok_or_else(|| AppError::Validation(FieldErrors::single("location", Msg::new("commune-not-found"))))?,
        ),
        Place::Commune(_) => None,
    };
    let place = match exact {
        Some(p) => {
            let commune = communes
                .locate(p)
                .ok_or_else(|| AppError::Validation(FieldErrors::single("location", Msg::new("location-outside"))))?;
            let area = commune.privacy_area();
            let public = public_point_for(p, random_jitter(), area, commune.town_hall);
            Some((sql::NewPlace { exact: p, public, privacy_area_m: area.stored() }, commune))
        }
        None => None,
    };
    sql::update_content(
        &mut tx,
        id,
        draft.kind.slug(),
        draft.category.slug(),
        draft.title.as_str(),
        draft.description.as_str(),
        draft.private_note.as_deref(),
        place.as_ref().map(|(p, c)| (p, c.insee.as_str(), c.name.as_str())),
        now,
    )
    .await
    .map_err(|e| db::internal("edit", e))?;
    let signs = urgent_signs_of(draft.title.as_str(), draft.description.as_str());
    sql::set_urgent_signs(&mut tx, id, signs.as_deref()).await.map_err(|e| db::internal("edit: urgent", e))?;
    sql::set_for_relative(&mut tx, id, draft.for_relative.then_some(now))
        .await
        .map_err(|e| db::internal("edit: relative", e))?;
    // A new schedule gives the post its own time online; without one any more, the usual one.
    let before = sql::schedule_of(&mut tx, id).await.map_err(|e| db::internal("edit: schedule", e))?;
    if before != draft.schedule {
        sql::set_schedule(&mut tx, id, draft.schedule.as_ref()).await.map_err(|e| db::internal("edit: schedule", e))?;
        let expires_at = match &draft.schedule {
            Some(s) => s.expires_at(now),
            None => now + i64::from(crate::domain::post::DEFAULT_LIFETIME_DAYS) * 86_400,
        };
        sql::set_expiry(&mut tx, id, expires_at, now).await.map_err(|e| db::internal("edit: expiry", e))?;
    }
    if status != PostStatus::Pending {
        sql::set_status(&mut tx, id, PostStatus::Pending, now).await.map_err(|e| db::internal("edit: status", e))?;
    }
    tx.commit().await.map_err(|e| db::internal("edit: commit", e))
}

/// Keeps the author's post online `days` more days from now (1 to 90).
pub async fn extend(db: &Db, author: &CurrentUser, id: i64, days: u32, now: i64) -> Result<i64, AppError> {
    let days = parse_lifetime_days(days).map_err(|m| AppError::Validation(FieldErrors::single("days", m)))?;
    let mut tx = db.begin_write().await.map_err(|e| db::internal("extend: begin", e))?;
    let (status, _) = owned(&mut tx, author, id).await?;
    if !matches!(status, PostStatus::Pending | PostStatus::Published | PostStatus::InProgress) {
        let why = Msg::new("extend-not-now").label("status", "status", status.slug());
        return Err(AppError::Validation(FieldErrors::single("days", why)));
    }
    // What comes back is confirmed a month at a time, never past its last day; a day's post
    // stays until that day's evening.
    let schedule = sql::schedule_of(&mut tx, id).await.map_err(|e| db::internal("extend: schedule", e))?;
    let expires_at = match schedule {
        Some(s) => s.expires_at(now),
        None => now + i64::from(days) * 86_400,
    };
    sql::set_expiry(&mut tx, id, expires_at, now).await.map_err(|e| db::internal("extend", e))?;
    super::intakes::audit(&mut tx, id, author, IntakeAction::Extended, None, now).await?;
    tx.commit().await.map_err(|e| db::internal("extend: commit", e))?;
    Ok(expires_at)
}

/// Moves a post to `next` if its life cycle allows it.
pub async fn change_status(db: &Db, id: i64, next: PostStatus, now: i64) -> Result<(), AppError> {
    let mut tx = db.begin_write().await.map_err(|e| db::internal("change status: begin", e))?;
    let current = sql::status_of(&mut tx, id).await.map_err(|e| db::internal("change status: read", e))?;
    let current: PostStatus = current
        .ok_or(AppError::NotFound)?
        .parse()
        .map_err(|_| db::internal("change status", "unknown status in the database"))?;
    if !current.can_become(next) {
        let why =
            Msg::new("status-not-now").label("status", "status", current.slug()).label("next", "status", next.slug());
        return Err(AppError::Validation(FieldErrors::single("status", why)));
    }
    sql::set_status(&mut tx, id, next, now).await.map_err(|e| db::internal("change status", e))?;
    tx.commit().await.map_err(|e| db::internal("change status: commit", e))?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::post::{Description, Title};
    use crate::domain::{BBox, Category, LatLng, PostKind, PosterKind, SortOrder};
    use crate::wire::posts::{PostSummary, LIST_WHEN_AGGREGATED};

    pub const NOW: i64 = 1_800_000_000;
    pub const COLMAR: LatLng = LatLng { lat: 48.0794, lon: 7.3585 };
    pub const MULHOUSE: LatLng = LatLng { lat: 47.7495, lon: 7.3397 };

    pub fn creation(title: &str, kind: PostKind, category: Category, at: LatLng, status: PostStatus) -> Creation {
        Creation {
            post: NewPost {
                kind,
                category,
                poster_kind: PosterKind::Individual,
                title: Title::parse(title).unwrap(),
                description: Description::parse("Une description.").unwrap(),
                location: at,
                lifetime_days: 30,
                schedule: None,
            },
            status,
            created_at: NOW - 3600,
            jitter: (0.1, -0.2),
            author_id: None,
            private_note: None,
        }
    }

    fn titles(page: &PostPage) -> Vec<String> {
        page.posts.iter().map(|p| p.title.clone()).collect()
    }

    #[tokio::test]
    async fn only_public_unexpired_posts_are_listed() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        for status in PostStatus::ALL {
            let c = creation(&format!("Statut {status}"), PostKind::Request, Category::Groceries, COLMAR, status);
            create(&db, &communes, c).await.unwrap();
        }
        let mut expired = creation("Expirée", PostKind::Request, Category::Groceries, COLMAR, PostStatus::Published);
        expired.created_at = NOW - 40 * 86_400;
        create(&db, &communes, expired).await.unwrap();

        let page = list_public_at(&db, &PostFilter::default(), NOW).await.unwrap();
        let mut t = titles(&page);
        t.sort();
        assert_eq!(t, vec!["Statut in-progress", "Statut published"]);
        assert_eq!(page.total, 2);
    }

    #[tokio::test]
    async fn viewport_category_and_kind_filters() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let p = PostStatus::Published;
        create(&db, &communes, creation("Courses Colmar", PostKind::Request, Category::Groceries, COLMAR, p))
            .await
            .unwrap();
        create(&db, &communes, creation("Devoirs Colmar", PostKind::Offer, Category::Homework, COLMAR, p))
            .await
            .unwrap();
        create(&db, &communes, creation("Courses Mulhouse", PostKind::Offer, Category::Groceries, MULHOUSE, p))
            .await
            .unwrap();
        create(&db, &communes, creation("Autre Mulhouse", PostKind::Request, Category::Other, MULHOUSE, p))
            .await
            .unwrap();

        let around_colmar = BBox { west: 7.30, south: 48.03, east: 7.42, north: 48.12 };
        let f = PostFilter { bbox: Some(around_colmar), ..Default::default() };
        let mut t = titles(&list_public_at(&db, &f, NOW).await.unwrap());
        t.sort();
        assert_eq!(t, vec!["Courses Colmar", "Devoirs Colmar"]);

        let f = PostFilter { categories: vec![Category::Groceries], ..Default::default() };
        let mut t = titles(&list_public_at(&db, &f, NOW).await.unwrap());
        t.sort();
        assert_eq!(t, vec!["Courses Colmar", "Courses Mulhouse"]);

        // Several categories at once, not contiguous in code order.
        let f = PostFilter {
            categories: vec![Category::Groceries, Category::Other],
            kind: Some(PostKind::Request),
            ..Default::default()
        };
        let mut t = titles(&list_public_at(&db, &f, NOW).await.unwrap());
        t.sort();
        assert_eq!(t, vec!["Autre Mulhouse", "Courses Colmar"]);

        let f = PostFilter { kind: Some(PostKind::Offer), ..Default::default() };
        let mut t = titles(&list_public_at(&db, &f, NOW).await.unwrap());
        t.sort();
        assert_eq!(t, vec!["Courses Mulhouse", "Devoirs Colmar"]);
    }

    /// Posts at points spread around Mulhouse (deterministic), published now.
    async fn spread_around_mulhouse(db: &Db, communes: &Communes, n: usize) {
        let mut seed: u64 = 12345;
        let mut unit = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut made = 0;
        while made < n {
            let at = LatLng { lat: 47.75 + (unit() - 0.5) * 0.5, lon: 7.34 + (unit() - 0.5) * 0.7 };
            let mut c =
                creation(&format!("Annonce {made}"), PostKind::Request, Category::Diy, at, PostStatus::Published);
            c.created_at = NOW - (unit() * 20.0 * 86_400.0) as i64;
            c.jitter = (unit() * 2.0 - 1.0, unit() * 2.0 - 1.0);
            if create(db, communes, c).await.is_ok() {
                made += 1;
            }
        }
    }

    #[tokio::test]
    async fn around_a_place_nearest_is_from_its_town_hall_and_the_radius_keeps_to_it() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        spread_around_mulhouse(&db, &communes, 400).await;
        let town_hall = communes.by_insee("68224").unwrap().town_hall;
        let all: Vec<(i64, f64, f64)> =
            db::query_as("SELECT id, public_lat, public_lon FROM posts").fetch_all(&db.read).await.unwrap();
        // The brute force: every post, its distance on the plane tangent at the town hall (the
        // product's definition: under 20 km within 0.1 % of the great circle), sorted.
        let kx = 111.32 * town_hall.lat.to_radians().cos();
        let plane_km = |lat: f64, lon: f64| ((lat - town_hall.lat) * 111.32).hypot((lon - town_hall.lon) * kx);
        let by_distance = |within_km: Option<f64>| {
            let mut v: Vec<(f64, i64)> = all
                .iter()
                .map(|(id, lat, lon)| (plane_km(*lat, *lon), *id))
                .filter(|(d, _)| within_km.is_none_or(|km| *d <= km))
                .collect();
            v.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
            v.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        };
        let ids = |p: &PostPage| p.posts.iter().map(|s| s.id).collect::<Vec<_>>();
        for radius in [None, Some(2), Some(5), Some(10), Some(20)] {
            let typed = PostFilter {
                place: Some("mulhouse".into()),
                radius_km: radius,
                sort: SortOrder::Nearest,
                ..Default::default()
            };
            let (f, place) = locate_place(&communes, &typed).unwrap();
            assert_eq!(place.unwrap().name.as_deref(), Some("Mulhouse"));
            let page = list_public_at(&db, &f, NOW).await.unwrap();
            let expected = by_distance(radius.map(f64::from));
            match radius {
                // Within a radius: every post inside, counted exactly, the nearest listed first.
                Some(km) => {
                    assert_eq!(page.total as usize, expected.len(), "{km} km");
                    assert_eq!(ids(&page), expected[..page.posts.len()], "{km} km");
                    assert!(page.posts.len() == expected.len() || page.posts.len() == LIST_WHEN_AGGREGATED as usize);
                }
                // Without one: the area around the place (5 km), nearest first from the town hall.
                None => {
                    let shown = ids(&page);
                    let ranked: Vec<i64> = by_distance(None).into_iter().filter(|id| shown.contains(id)).collect();
                    assert_eq!(shown, ranked);
                }
            }
        }
        // The map moved east of the place: "nearest" is still from the place, not the map's centre.
        let moved = BBox { west: 7.30, south: 47.68, east: 7.55, north: 47.82 };
        let typed = PostFilter {
            place: Some("68100".into()),
            bbox: Some(moved),
            sort: SortOrder::Nearest,
            ..Default::default()
        };
        let (f, _) = locate_place(&communes, &typed).unwrap();
        assert_eq!(f.bbox, Some(moved));
        let shown = ids(&list_public_at(&db, &f, NOW).await.unwrap());
        let ranked: Vec<i64> = by_distance(None).into_iter().filter(|id| shown.contains(id)).collect();
        assert!(shown.len() > 20);
        assert_eq!(shown, ranked);
        // A place that names no commune, or several, is a mistake of the place field.
        for typed in ["Paris", "Saint"] {
            let f = PostFilter { place: Some(typed.into()), ..Default::default() };
            let e = locate_place(&communes, &f).unwrap_err();
            assert!(matches!(e, AppError::Validation(ref e) if e.get("place").is_some()), "{typed}");
        }
    }

    #[tokio::test]
    async fn sort_recent_and_nearest() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let mut old_colmar =
            creation("Ancienne à Colmar", PostKind::Request, Category::Diy, COLMAR, PostStatus::Published);
        old_colmar.created_at = NOW - 5 * 86_400;
        let new_mulhouse =
            creation("Récente à Mulhouse", PostKind::Request, Category::Diy, MULHOUSE, PostStatus::Published);
        create(&db, &communes, old_colmar).await.unwrap();
        create(&db, &communes, new_mulhouse).await.unwrap();

        let recent = list_public_at(&db, &PostFilter::default(), NOW).await.unwrap();
        assert_eq!(titles(&recent), vec!["Récente à Mulhouse", "Ancienne à Colmar"]);

        // Centred on Colmar: Colmar first.
        let near_colmar = BBox { west: 7.0, south: 47.6, east: 7.7, north: 48.56 };
        let f = PostFilter { sort: SortOrder::Nearest, bbox: Some(near_colmar), ..Default::default() };
        assert_eq!(
            titles(&list_public_at(&db, &f, NOW).await.unwrap()),
            vec!["Ancienne à Colmar", "Récente à Mulhouse"]
        );
    }

    #[tokio::test]
    async fn a_crowded_area_is_counted_by_cells_and_lists_the_most_relevant() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let exactly = (0..AGGREGATE_ABOVE)
            .map(|i| {
                creation(&format!("Annonce {i}"), PostKind::Offer, Category::Company, MULHOUSE, PostStatus::Published)
            })
            .collect();
        create_many(&db, &communes, exactly).await.unwrap();
        let page = list_public_at(&db, &PostFilter::default(), NOW).await.unwrap();
        assert_eq!(
            (page.posts.len() as i64, page.total, page.grid, page.cells.len()),
            (AGGREGATE_ABOVE, AGGREGATE_ABOVE, None, 0)
        );

        let list: Vec<Creation> = (0..5)
            .map(|i| {
                creation(&format!("Annonce {i}"), PostKind::Offer, Category::Company, MULHOUSE, PostStatus::Published)
            })
            .collect();
        create_many(&db, &communes, list).await.unwrap();
        let page = list_public_at(&db, &PostFilter::default(), NOW).await.unwrap();
        assert_eq!(page.posts.len() as i64, LIST_WHEN_AGGREGATED);
        assert_eq!(page.total, AGGREGATE_ABOVE + 5);
        let grid = page.grid.expect("counted by cells");
        assert_eq!(page.cells.iter().map(|c| c.count).sum::<i64>(), AGGREGATE_ABOVE + 5);
        for c in &page.cells {
            assert!(grid.cell_bounds(c.cx, c.cy).contains(c.centre), "{c:?}");
        }
        // The newest first, as the list asks.
        let dates: Vec<i64> = page.posts.iter().map(|p| p.created_at).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]));
        // A category with no post there: nothing, and no cells.
        let f = PostFilter { categories: vec![Category::Diy], ..Default::default() };
        let page = list_public_at(&db, &f, NOW).await.unwrap();
        assert_eq!((page.total, page.cells.len(), page.grid), (0, 0, None));
    }

    #[tokio::test]
    async fn status_changes_keep_the_index_in_step() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let id = create(
            &db,
            &communes,
            creation("Suivie", PostKind::Request, Category::Transport, COLMAR, PostStatus::Pending),
        )
        .await
        .unwrap();
        let visible = |db: Db| async move { list_public_at(&db, &PostFilter::default(), NOW).await.unwrap().total };
        assert_eq!(visible(db.clone()).await, 0);
        change_status(&db, id, PostStatus::Published, NOW).await.unwrap();
        assert_eq!(visible(db.clone()).await, 1);
        change_status(&db, id, PostStatus::Pending, NOW).await.unwrap();
        assert_eq!(visible(db.clone()).await, 0);
        // Not allowed: pending -> fulfilled.
        let err = change_status(&db, id, PostStatus::Fulfilled, NOW).await.unwrap_err();
        assert!(matches!(err, AppError::Validation(_)));
        assert_eq!(change_status(&db, 999, PostStatus::Published, NOW).await, Err(AppError::NotFound));
        let in_index: i64 = db::query_scalar("SELECT count(*) FROM posts_geo").fetch_one(&db.read).await.unwrap();
        assert_eq!(in_index, 0);
    }

    #[tokio::test]
    async fn the_most_relevant_of_a_crowded_area_are_the_true_newest_and_nearest() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        // 400 posts spread over the south of the département, created one minute apart, some
        // of them more than a month ago (the newest walk then has to fall back).
        let list: Vec<Creation> = (0..400)
            .map(|i| {
                let at = LatLng { lat: 47.65 + (i % 20) as f64 * 0.015, lon: 7.15 + (i / 20) as f64 * 0.015 };
                let c =
                    creation(&format!("Annonce {i}"), PostKind::Offer, Category::Groceries, at, PostStatus::Published);
                Creation { created_at: NOW - 40 * 86_400 + (i * 7919 % 400) * 60 * 60 * 3, ..c }
            })
            .collect();
        create_many(&db, &communes, list).await.unwrap();
        let all = map_all(&db).await;
        for sort in [SortOrder::Recent, SortOrder::Nearest] {
            let f = PostFilter { sort, ..Default::default() };
            let page = list_public_at(&db, &f, NOW).await.unwrap();
            assert!(page.grid.is_some() && page.total == 400, "{sort:?}: counted by cells");
            let c = f.area().centre();
            let k = c.lat.to_radians().cos();
            let mut expected = all.clone();
            match sort {
                SortOrder::Recent | SortOrder::Relevance => expected.sort_by_key(|p| (-p.created_at, -p.id)),
                SortOrder::Nearest => expected.sort_by(|a, b| {
                    let d = |p: &PostSummary| (p.point.lat - c.lat).powi(2) + ((p.point.lon - c.lon) * k).powi(2);
                    d(a).total_cmp(&d(b)).then(b.id.cmp(&a.id))
                }),
            }
            let ids = |v: &[PostSummary]| v.iter().map(|p| p.id).collect::<Vec<_>>();
            assert_eq!(ids(&page.posts), ids(&expected[..50]), "{sort:?}");
        }
    }

    /// Every public post, through the pins query over the whole planet.
    async fn map_all(db: &Db) -> Vec<PostSummary> {
        let world = BBox { west: -180.0, south: -90.0, east: 180.0, north: 90.0 };
        db.map
            .run(move |c| map::summaries(c, &map::pins_sql(c.engine(), &PostFilter::default(), world, NOW, 100_000)))
            .await
            .unwrap()
    }

    /// Every level of `map_cells` counts exactly the posts of `posts_geo`, cell by cell, and
    /// `posts_geo_cat` holds the same posts.
    pub async fn assert_cells_match_the_index(db: &Db) -> i64 {
        let engine = db.engine();
        let wrong: i64 = db::query_scalar(&format!(
            "WITH truth AS (SELECT l.k AS level, {} AS cx, {} AS cy, g.cat AS cat, g.kind AS kind, \
             count(*) AS n FROM posts_geo g CROSS JOIN map_levels l GROUP BY 1, 2, 3, 4, 5), \
             kept AS (SELECT level, cx, cy, cat, kind, n FROM map_cells WHERE n != 0) \
             SELECT count(*) FROM (SELECT * FROM truth EXCEPT SELECT * FROM kept \
             UNION ALL SELECT * FROM kept EXCEPT SELECT * FROM truth) AS apart",
            engine.floor("g.lon * l.scale"),
            engine.floor("g.lat * l.scale"),
        ))
        .fetch_one(&db.read)
        .await
        .unwrap();
        assert_eq!(wrong, 0, "cells out of step with the index");
        let apart: i64 = db::query_scalar(
            "SELECT count(*) FROM (SELECT id FROM posts_geo EXCEPT SELECT id FROM posts_geo_cat \
             UNION ALL SELECT id FROM posts_geo_cat EXCEPT SELECT id FROM posts_geo) AS apart",
        )
        .fetch_one(&db.read)
        .await
        .unwrap();
        assert_eq!(apart, 0, "the two spatial indexes hold the same posts");
        db::query_scalar("SELECT count(*) FROM posts_geo").fetch_one(&db.read).await.unwrap()
    }

    #[tokio::test]
    async fn the_cell_counts_follow_every_change_and_the_expiry_sweep() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let mut ids = vec![];
        for (i, at) in [COLMAR, MULHOUSE, COLMAR, MULHOUSE].into_iter().enumerate() {
            let c =
                creation(&format!("Annonce {i}"), PostKind::Request, Category::Transport, at, PostStatus::Published);
            ids.push(create(&db, &communes, c).await.unwrap());
        }
        assert_eq!(assert_cells_match_the_index(&db).await, 4);
        change_status(&db, ids[0], PostStatus::Pending, NOW).await.unwrap();
        assert_eq!(assert_cells_match_the_index(&db).await, 3);
        // An edit moving the post to another commune, another kind and category.
        let mut conn = db.write.acquire().await.unwrap();
        let place = sql::NewPlace { exact: MULHOUSE, public: MULHOUSE, privacy_area_m: 300 };
        sql::update_content(
            &mut conn,
            ids[1],
            "offer",
            "diy",
            "T",
            "D",
            None,
            Some((&place, "68224", "Mulhouse")),
            NOW,
        )
        .await
        .unwrap();
        sql::set_hidden(&mut conn, ids[2], Some(NOW)).await.unwrap();
        drop(conn);
        assert_eq!(assert_cells_match_the_index(&db).await, 2);

        // Expiry: nothing leaves before its date; the sweep takes the expired off the map.
        let expires: i64 = db::query_scalar("SELECT expires_at FROM posts WHERE id = $1")
            .bind(ids[3])
            .fetch_one(&db.read)
            .await
            .unwrap();
        assert_eq!(sweep_expired(&db, expires - 1).await.unwrap(), 0);
        assert_eq!(sweep_expired(&db, expires).await.unwrap(), 2, "both left posts expire together");
        assert_eq!(assert_cells_match_the_index(&db).await, 0);
        let empty: i64 = db::query_scalar("SELECT count(*) FROM map_cells").fetch_one(&db.read).await.unwrap();
        assert_eq!(empty, 0, "empty cells are dropped");
        // An expired post does not come back with another change; extending it brings it back.
        change_status(&db, ids[0], PostStatus::Published, expires + 1).await.unwrap();
        assert_eq!(assert_cells_match_the_index(&db).await, 0);
        let mut conn = db.write.acquire().await.unwrap();
        sql::set_expiry(&mut conn, ids[0], expires + 86_400, expires + 1).await.unwrap();
        drop(conn);
        assert_eq!(assert_cells_match_the_index(&db).await, 1);
    }

    #[tokio::test]
    async fn locations_outside_the_departement_are_refused() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let strasbourg = LatLng { lat: 48.5734, lon: 7.7521 };
        let err = create(
            &db,
            &communes,
            creation("Loin", PostKind::Request, Category::Other, strasbourg, PostStatus::Pending),
        )
        .await
        .unwrap_err();
        let AppError::Validation(f) = err else { panic!("{err:?}") };
        assert!(f.get("location").unwrap().to_string().contains("en dehors des communes desservies"));
    }

    #[tokio::test]
    async fn the_public_point_and_commune_are_stored_and_exact_point_kept_private() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let id =
            create(&db, &communes, creation("Ici", PostKind::Request, Category::Other, COLMAR, PostStatus::Published))
                .await
                .unwrap();
        let (lat, lon, plat, plon, commune): (f64, f64, f64, f64, String) =
            db::query_as("SELECT lat, lon, public_lat, public_lon, commune_name FROM posts WHERE id = $1")
                .bind(id)
                .fetch_one(&db.read)
                .await
                .unwrap();
        assert_eq!((lat, lon), (COLMAR.lat, COLMAR.lon));
        assert_eq!(commune, "Colmar");
        let listed = &list_public_at(&db, &PostFilter::default(), NOW).await.unwrap().posts[0];
        assert_eq!(listed.point, LatLng { lat: plat, lon: plon });
        assert_ne!(listed.point, COLMAR);
        assert!(COLMAR.distance_m(listed.point) < 500.0);
    }

    #[tokio::test]
    async fn a_post_page_is_public_only_while_published() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let pending = create(
            &db,
            &communes,
            creation("Attente", PostKind::Request, Category::Other, COLMAR, PostStatus::Pending),
        )
        .await
        .unwrap();
        assert_eq!(get_public(&db, pending).await, Err(AppError::NotFound));
        let mut c = creation("Publiée", PostKind::Request, Category::Other, COLMAR, PostStatus::Published);
        c.created_at = now() - 60;
        let published = create(&db, &communes, c).await.unwrap();
        let detail = get_public(&db, published).await.unwrap();
        assert_eq!(detail.summary.title, "Publiée");
        assert_eq!(detail.description, "Une description.");
        assert_eq!(get_public(&db, 424_242).await, Err(AppError::NotFound));
    }

    fn now() -> i64 {
        crate::server::services::now()
    }
}
