//! Demo data of the Haut-Rhin: about 300 posts across the communes, weighted by population,
//! every category, kind and poster kind, dated over the last 30 days, a few expired, fulfilled,
//! pending or rejected. Deterministic: the same seed gives the same posts (dates are relative
//! to the moment of seeding).

pub mod accounts;
pub mod synthetic;
mod texts;

use crate::domain::post::{Description, NewPost, Title};
use crate::domain::{LatLng, PostStatus, PosterKind};
use crate::error::AppError;
use crate::server::communes::{Commune, Communes};
use crate::server::db::{self, posts as sql, Db};
use crate::server::services::posts::{create_many, Creation};

/// How many demo posts are made.
pub const DEMO_POSTS: usize = 300;
const SEED: u64 = 68;

/// SplitMix64: tiny, fast, and stable across versions (unlike library RNGs' streams).
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [-1, 1).
    fn signed(&mut self) -> f64 {
        self.unit() * 2.0 - 1.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }
}

/// What `demo` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Seeded {
    /// This many demo posts, their authors and the demo staff accounts were loaded.
    Created(usize),
    /// The database already held posts or accounts: nothing was added, no demo account made.
    NotEmpty { posts: i64, accounts: i64 },
}

/// Loads the demo posts, their demo authors and the demo accounts (staff included, with the
/// published password), only into an empty database: no post and no account. A real database is
/// never given demo accounts, however often this runs.
pub async fn demo(db: &Db, communes: &Communes, now: i64) -> Result<Seeded, AppError> {
    let mut conn = db.write.acquire().await.map_err(|e| db::internal("seed: acquire", e))?;
    let posts = sql::count_all(&mut conn).await.map_err(|e| db::internal("seed: count", e))?;
    let accounts = db::users::count_all(&mut conn).await.map_err(|e| db::internal("seed: count", e))?;
    drop(conn);
    if posts > 0 || accounts > 0 {
        return Ok(Seeded::NotEmpty { posts, accounts });
    }
    accounts::demo_accounts(db, now).await?;
    // Demo posts belong to demo neighbours, so that they can be answered.
    let authors = accounts::demo_neighbours(db, now).await?;
    let mut list = demo_posts(communes, now)?;
    // Offers to keep children or visit homes come from the vetted neighbour, as the rule asks.
    let vetted = accounts::DEMO_NEIGHBOURS.iter().position(|(e, _)| *e == accounts::DEMO_VETTED);
    let policy = crate::domain::vetting::VettedCategories::default();
    for (i, c) in list.iter_mut().enumerate() {
        c.author_id = match vetted {
            Some(v) if policy.needed_to_offer(c.post.kind, c.post.category) => authors.get(v).copied(),
            _ => authors.get(i % authors.len().max(1)).copied(),
        };
    }
    let n = list.len();
    create_many(db, communes, list).await?;
    accounts::demo_vetted(db, now).await?;
    Ok(Seeded::Created(n))
}

/// The demo posts, as they would be created at `now`.
pub fn demo_posts(communes: &Communes, now: i64) -> Result<Vec<Creation>, AppError> {
    let mut rng = Rng(SEED);
    let all = communes.all();
    let mut cumulative = Vec::with_capacity(all.len());
    let mut sum = 0u64;
    for c in all {
        sum += u64::from(c.population.max(1));
        cumulative.push(sum);
    }
    // Visit the texts in a shuffled order, each once per round, so every one is used.
    let mut order: Vec<usize> = (0..texts::TEXTS.len()).collect();
    let mut out = Vec::with_capacity(DEMO_POSTS);
    for i in 0..DEMO_POSTS {
        if i % order.len() == 0 {
            for j in (1..order.len()).rev() {
                order.swap(j, rng.below(j + 1));
            }
        }
        let (category, kind, poster, title, description) = texts::TEXTS[order[i % order.len()]];
        let target = (rng.unit() * sum as f64) as u64;
        let commune = &all[cumulative.partition_point(|&c| c <= target).min(all.len() - 1)];
        let location = place_in(commune, communes, &mut rng);
        let age = (rng.unit() * 30.0 * 86_400.0) as i64;
        let (status, lifetime_days, age) = match i % 50 {
            7 | 31 => (PostStatus::Fulfilled, 30, age),
            13 => (PostStatus::Pending, 30, age.min(2 * 86_400)),
            41 => (PostStatus::Rejected, 30, age),
            // Expired: a week-long post put up more than a week ago.
            23 | 47 => (PostStatus::Published, 7, 8 * 86_400 + age % (20 * 86_400)),
            // At least 30 days: only the posts above are expired.
            _ => (PostStatus::Published, [30, 45, 60, 30, 90][i % 5], age),
        };
        let post = NewPost {
            kind,
            category,
            poster_kind: poster.unwrap_or(PosterKind::Individual),
            title: Title::parse(title).map_err(|m| db::internal("seed: title", m))?,
            description: Description::parse(description).map_err(|m| db::internal("seed: text", m))?,
            location,
            lifetime_days,
            // The expired ones stay expired: a schedule would give them a month.
            schedule: if matches!(i % 50, 23 | 47) { None } else { texts::schedule_of(title) },
        };
        out.push(Creation {
            post,
            status,
            created_at: now - age,
            jitter: (rng.signed(), rng.signed()),
            author_id: None,
            private_note: None,
        });
    }
    Ok(out)
}

/// A point near the town hall, inside the commune (the town hall itself if none is found).
fn place_in(commune: &Commune, communes: &Communes, rng: &mut Rng) -> LatLng {
    let radius_m = (f64::from(commune.population).sqrt() * 8.0).clamp(300.0, 2000.0);
    for _ in 0..20 {
        let r = radius_m * rng.unit().sqrt();
        let a = rng.unit() * std::f64::consts::TAU;
        let lat = commune.town_hall.lat + r * a.sin() / 111_320.0;
        let lon = commune.town_hall.lon + r * a.cos() / (111_320.0 * commune.town_hall.lat.to_radians().cos());
        let p = LatLng { lat, lon };
        if communes.locate(p).is_some_and(|c| c.insee == commune.insee) {
            return p;
        }
    }
    commune.town_hall
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::user::Role;
    use crate::domain::{Category, PostKind};
    use std::collections::HashSet;

    async fn demo_accounts_present(db: &Db) -> bool {
        let mut conn = db.read.acquire().await.unwrap();
        db::users::any_with_suffix(&mut conn, accounts::DEMO_DOMAIN).await.unwrap()
    }

    #[tokio::test]
    async fn demo_accounts_come_only_with_demo_data_in_an_empty_database() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        assert!(matches!(demo(&db, &communes, 1_800_000_000).await.unwrap(), Seeded::Created(n) if n > 0));
        assert!(demo_accounts_present(&db).await);
        // Refused on a public https address, unless told it is a demonstration.
        let refused = crate::server::refuse_demo_accounts_in_public(&db, "https://entraide.haut-rhin.fr", false).await;
        assert!(refused.unwrap_err().contains("--allow-demo"));
        crate::server::refuse_demo_accounts_in_public(&db, "https://entraide.haut-rhin.fr", true).await.unwrap();
        crate::server::refuse_demo_accounts_in_public(&db, "http://127.0.0.1:3000", false).await.unwrap();
        // Demo accounts are verified: they can publish and answer at once.
        let mut conn = db.read.acquire().await.unwrap();
        let unverified: i64 = db::query_scalar("SELECT count(*) FROM users WHERE email_verified_at IS NULL")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(unverified, 0);
        // Demo offers to keep children or visit homes come from the vetted neighbour only.
        let offers: Vec<String> = db::query_scalar(
            "SELECT u.email FROM posts p JOIN users u ON u.id = p.author_id \
             WHERE p.kind = 'offer' AND p.category IN ('childcare', 'home-visit')",
        )
        .fetch_all(&mut *conn)
        .await
        .unwrap();
        assert!(!offers.is_empty());
        assert!(offers.iter().all(|e| e == accounts::DEMO_VETTED), "{offers:?}");
    }

    #[tokio::test]
    async fn a_real_database_never_gets_demo_accounts() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        // A real start: the first admin made on the command line, nothing else.
        crate::server::services::accounts::test_account(&db, "admin@haut-rhin.fr", Role::Admin, 1_800_000_000).await;
        for _ in 0..2 {
            let seeded = demo(&db, &communes, 1_800_000_000).await.unwrap();
            assert_eq!(seeded, Seeded::NotEmpty { posts: 0, accounts: 1 });
        }
        assert!(!demo_accounts_present(&db).await);
        crate::server::refuse_demo_accounts_in_public(&db, "https://entraide.haut-rhin.fr", false).await.unwrap();
    }

    #[test]
    fn demo_is_deterministic_and_covers_everything() {
        let communes = Communes::haut_rhin().unwrap();
        let a = demo_posts(&communes, 1_800_000_000).unwrap();
        let b = demo_posts(&communes, 1_800_000_000).unwrap();
        assert_eq!(a.len(), DEMO_POSTS);
        let key = |c: &Creation| (c.post.title.clone(), c.post.location.lat.to_bits(), c.created_at, c.status);
        assert_eq!(a.iter().map(key).collect::<Vec<_>>(), b.iter().map(key).collect::<Vec<_>>());

        let cats: HashSet<Category> = a.iter().map(|c| c.post.category).collect();
        assert_eq!(cats.len(), Category::ALL.len());
        let kinds: HashSet<PostKind> = a.iter().map(|c| c.post.kind).collect();
        assert_eq!(kinds.len(), 2);
        let posters: HashSet<PosterKind> = a.iter().map(|c| c.post.poster_kind).collect();
        assert_eq!(posters.len(), PosterKind::ALL.len());
        let statuses: HashSet<PostStatus> = a.iter().map(|c| c.status).collect();
        assert!(statuses.contains(&PostStatus::Fulfilled) && statuses.contains(&PostStatus::Pending));

        // Dated over the last 30 days; a few already expired.
        assert!(a.iter().all(|c| c.created_at <= 1_800_000_000 && c.created_at > 1_800_000_000 - 31 * 86_400));
        let expired =
            a.iter().filter(|c| c.created_at + i64::from(c.post.lifetime_days) * 86_400 <= 1_800_000_000).count();
        assert!((4..=30).contains(&expired), "{expired}");

        // Every point lies in the département, and the big towns get the most posts.
        assert!(a.iter().all(|c| communes.locate(c.post.location).is_some()));
        let in_mulhouse = a.iter().filter(|c| communes.locate(c.post.location).unwrap().name == "Mulhouse").count();
        assert!(in_mulhouse >= 15, "{in_mulhouse}");
    }

    /// The fewest inhabitants in the area any post's public point narrows it to.
    async fn min_people_in_area(db: &Db, communes: &Communes) -> f64 {
        let rows: Vec<(String, i64)> =
            db::query_as("SELECT commune_insee, privacy_area_m FROM posts").fetch_all(&db.read).await.unwrap();
        assert!(!rows.is_empty());
        rows.iter()
            .map(|(insee, m)| {
                let c = communes.by_insee(insee).unwrap();
                let area = if *m == 0 {
                    crate::domain::privacy::Area::Commune
                } else {
                    crate::domain::privacy::Area::Cell(*m as f64)
                };
                area.people(c.population, c.area_km2)
            })
            .fold(f64::INFINITY, f64::min)
    }

    #[tokio::test]
    async fn every_public_point_stands_for_at_least_fifty_inhabitants() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let now = 1_800_000_000;
        demo(&db, &communes, now).await.unwrap();
        synthetic::synthetic(&db, &communes, synthetic::Region::HautRhin, 1000, now).await.unwrap();
        let min = min_people_in_area(&db, &communes).await;
        println!("FIGURE privacy.min_people_in_area {}", min.floor());
        assert!(min >= crate::domain::privacy::MIN_PEOPLE, "an area holds about {min} people");
        let sizes: Vec<i64> =
            db::query_scalar("SELECT DISTINCT privacy_area_m FROM posts ORDER BY 1").fetch_all(&db.read).await.unwrap();
        assert!(sizes.len() >= 3 && sizes.contains(&300), "towns keep 300 m, the countryside gets more: {sizes:?}");

        // Posts made before the sizing (the old 300 m grid everywhere) are placed again at start.
        db::query("UPDATE posts SET privacy_area_m = NULL").execute(&db.write).await.unwrap();
        let moved = crate::server::services::posts::size_privacy_areas(&db, &communes).await.unwrap();
        assert!(moved >= 1300, "{moved}");
        assert_eq!(crate::server::services::posts::size_privacy_areas(&db, &communes).await.unwrap(), 0, "once");
        assert!(min_people_in_area(&db, &communes).await >= crate::domain::privacy::MIN_PEOPLE);
        // The map's index follows the public points.
        let stray: i64 = db::query_scalar(
            "SELECT count(*) FROM posts_geo g JOIN posts p ON p.id = g.id WHERE abs(g.min_lat - p.public_lat) > 0.0001",
        )
        .fetch_one(&db.read)
        .await
        .unwrap();
        assert_eq!(stray, 0);
    }
}
