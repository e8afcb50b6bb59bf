//! Synthetic data at scale for benchmarks: `entraide seed --synthetic N [--region …]`.
//! Posts are clustered by population like real ones — around the 366 communes of the Haut-Rhin,
//! or around France's large cities plus a rural share spread around them — with every
//! category, kind and poster kind, created over the last year. Most are still open (90 %), the
//! rest expired. They have no author and no private data. Written in batches of multi-row
//! inserts, 50,000 rows a transaction, then indexed on the map in one statement per batch.

use super::{texts, Rng};
use crate::domain::geo::GRID_METRES;
use crate::domain::privacy::{public_point_for, Area};
use crate::domain::{LatLng, PostStatus, PosterKind};
use crate::error::AppError;
use crate::server::communes::Communes;
use crate::server::db::{self, posts as sql, Db};

/// Where the synthetic posts are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Region {
    /// The 366 communes of the Haut-Rhin, weighted by population.
    HautRhin,
    /// France: its large cities, weighted by population, and the countryside around them.
    France,
}

/// A centre of population: posts fall around it, within `spread_m` (one standard deviation).
struct Place {
    at: LatLng,
    weight: f64,
    spread_m: f64,
    insee: String,
    name: String,
}

/// Large French cities: name, INSEE code, population (rounded), town hall.
const CITIES: &[(&str, &str, u32, f64, f64)] = &[
    ("Paris", "75056", 2_100_000, 48.8566, 2.3522),
    ("Marseille", "13055", 870_000, 43.2965, 5.3698),
    ("Lyon", "69123", 520_000, 45.7640, 4.8357),
    ("Toulouse", "31555", 500_000, 43.6047, 1.4442),
    ("Nice", "06088", 340_000, 43.7102, 7.2620),
    ("Nantes", "44109", 320_000, 47.2184, -1.5536),
    ("Montpellier", "34172", 300_000, 43.6108, 3.8767),
    ("Strasbourg", "67482", 290_000, 48.5734, 7.7521),
    ("Bordeaux", "33063", 260_000, 44.8378, -0.5792),
    ("Lille", "59350", 235_000, 50.6292, 3.0573),
    ("Rennes", "35238", 220_000, 48.1173, -1.6778),
    ("Reims", "51454", 180_000, 49.2583, 4.0317),
    ("Toulon", "83137", 180_000, 43.1242, 5.9280),
    ("Saint-Étienne", "42218", 173_000, 45.4397, 4.3872),
    ("Le Havre", "76351", 168_000, 49.4944, 0.1079),
    ("Grenoble", "38185", 158_000, 45.1885, 5.7245),
    ("Dijon", "21231", 159_000, 47.3220, 5.0415),
    ("Angers", "49007", 157_000, 47.4784, -0.5632),
    ("Nîmes", "30189", 148_000, 43.8367, 4.3601),
    ("Clermont-Ferrand", "63113", 147_000, 45.7772, 3.0870),
    ("Le Mans", "72181", 143_000, 48.0061, 0.1996),
    ("Aix-en-Provence", "13001", 145_000, 43.5297, 5.4474),
    ("Brest", "29019", 139_000, 48.3904, -4.4861),
    ("Tours", "37261", 136_000, 47.3941, 0.6848),
    ("Amiens", "80021", 133_000, 49.8941, 2.2958),
    ("Limoges", "87085", 130_000, 45.8336, 1.2611),
    ("Annecy", "74010", 130_000, 45.8992, 6.1294),
    ("Perpignan", "66136", 120_000, 42.6887, 2.8948),
    ("Metz", "57463", 117_000, 49.1193, 6.1757),
    ("Besançon", "25056", 117_000, 47.2378, 6.0241),
    ("Orléans", "45234", 116_000, 47.9029, 1.9093),
    ("Rouen", "76540", 113_000, 49.4432, 1.0999),
    ("Mulhouse", "68224", 108_000, 47.7508, 7.3359),
    ("Caen", "14118", 106_000, 49.1829, -0.3707),
    ("Nancy", "54395", 104_000, 48.6921, 6.1844),
    ("Avignon", "84007", 91_000, 43.9493, 4.8055),
    ("Poitiers", "86194", 89_000, 46.5802, 0.3404),
    ("La Rochelle", "17300", 77_000, 46.1603, -1.1511),
    ("Pau", "64445", 75_000, 43.2951, -0.3708),
    ("Calais", "62193", 67_000, 50.9513, 1.8587),
    ("Ajaccio", "2A004", 71_000, 41.9192, 8.7386),
    ("Colmar", "68066", 67_000, 48.0794, 7.3585),
    ("Troyes", "10387", 62_000, 48.2973, 4.0744),
    ("Chambéry", "73065", 60_000, 45.5646, 5.9178),
    ("Bayonne", "64102", 52_000, 43.4929, -1.4748),
    ("Valence", "26362", 64_000, 44.9334, 4.8924),
    ("Quimper", "29232", 63_000, 47.9960, -4.1024),
    ("Lorient", "56121", 57_000, 47.7483, -3.3700),
    ("Niort", "79191", 59_000, 46.3237, -0.4588),
    ("Vannes", "56260", 54_000, 47.6582, -2.7608),
    ("Saint-Brieuc", "22278", 44_000, 48.5142, -2.7603),
    ("Chartres", "28085", 38_000, 48.4439, 1.4890),
    ("Bourges", "18033", 64_000, 47.0810, 2.3988),
    ("Angoulême", "16015", 42_000, 45.6484, 0.1562),
    ("Agen", "47001", 33_000, 44.2033, 0.6163),
    ("Auxerre", "89024", 34_000, 47.7982, 3.5673),
    ("Nevers", "58194", 33_000, 46.9908, 3.1590),
    ("Gap", "05061", 40_000, 44.5594, 6.0786),
    ("Aurillac", "15014", 26_000, 44.9264, 2.4397),
    ("Épinal", "88160", 32_000, 48.1724, 6.4496),
];

fn places(region: Region, communes: &Communes) -> Vec<Place> {
    match region {
        Region::HautRhin => communes
            .all()
            .iter()
            .map(|c| Place {
                at: c.town_hall,
                weight: f64::from(c.population.max(1)),
                spread_m: (f64::from(c.population).sqrt() * 8.0).clamp(300.0, 2000.0),
                insee: c.insee.clone(),
                name: c.name.clone(),
            })
            .collect(),
        Region::France => CITIES
            .iter()
            .flat_map(|&(name, insee, pop, lat, lon)| {
                let at = LatLng { lat, lon };
                let city = f64::from(pop);
                // The town itself, and the villages around it (a third of the people).
                [(city, (city.sqrt() * 12.0).clamp(1_500.0, 9_000.0)), (city / 2.0, 30_000.0)]
                    .map(|(weight, spread_m)| Place { at, weight, spread_m, insee: insee.into(), name: name.into() })
            })
            .collect(),
    }
}

/// Rows of one multi-row insert (16 values a row, well under SQLite's 32,766 parameters).
const ROWS_PER_INSERT: usize = 500;
/// Rows of one transaction.
const ROWS_PER_TRANSACTION: usize = 50_000;

/// Adds `n` synthetic posts in `region`; returns how many were written.
pub async fn synthetic(db: &Db, communes: &Communes, region: Region, n: usize, now: i64) -> Result<usize, AppError> {
    let places = places(region, communes);
    let total: f64 = places.iter().map(|p| p.weight).sum();
    let mut cumulative = Vec::with_capacity(places.len());
    let mut sum = 0.0;
    for p in &places {
        sum += p.weight / total;
        cumulative.push(sum);
    }
    let mut rng = Rng(2026 + n as u64);
    let fail = |e: sqlx::Error| db::internal("synthetic seed", e);
    // A large page cache for the writer: the bulk index and count inserts then stay in memory
    // instead of re-reading pages (measured: 1M posts in 104 s with the 2 MB default).
    if db.engine() == db::Engine::Sqlite {
        db::query("PRAGMA cache_size = -524288").execute(&db.write).await.map_err(fail)?;
    }
    let mut written = 0;
    while written < n {
        let batch = ROWS_PER_TRANSACTION.min(n - written);
        let mut tx = db.begin_write().await.map_err(fail)?;
        let first: i64 =
            db::query_scalar("SELECT coalesce(max(id), 0) FROM posts").fetch_one(&mut *tx).await.map_err(fail)?;
        let mut done = 0;
        while done < batch {
            let rows = ROWS_PER_INSERT.min(batch - done);
            let mut qb = db::QueryBuilder::new(
                "INSERT INTO posts (kind, category, poster_kind, status, title, description, lat, lon, public_lat, \
                 public_lon, commune_insee, commune_name, created_at, updated_at, expires_at, privacy_area_m) ",
            );
            qb.push_values(0..rows, |mut b, _| {
                let (category, kind, poster, title, description) = texts::TEXTS[rng.below(texts::TEXTS.len())];
                let u = rng.unit();
                let place = &places[cumulative.partition_point(|&c| c < u).min(places.len() - 1)];
                // About normal (sum of uniforms), one `spread_m` per standard deviation.
                let (dy, dx) = (normal(&mut rng) * place.spread_m, normal(&mut rng) * place.spread_m);
                let lat = place.at.lat + dy / 111_320.0;
                let lon = place.at.lon + dx / (111_320.0 * place.at.lat.to_radians().cos());
                let exact = LatLng { lat: lat.clamp(-89.0, 89.0), lon: lon.clamp(-179.0, 179.0) };
                // Sized by where people live in the commune (the base grid outside the Haut-Rhin).
                let (area, hall) = match communes.by_insee(&place.insee) {
                    Some(c) => (c.privacy_area(), c.town_hall),
                    None => (Area::Cell(GRID_METRES), exact),
                };
                let public = public_point_for(exact, (rng.signed(), rng.signed()), area, hall);
                let created = now - (rng.unit() * 365.0 * 86_400.0) as i64;
                // 90 % still open, the rest expired.
                let expires = if rng.unit() < 0.9 {
                    now + 86_400 + (rng.unit() * 60.0 * 86_400.0) as i64
                } else {
                    created + 86_400
                };
                let status = match rng.below(20) {
                    0 => PostStatus::Fulfilled,
                    1 => PostStatus::InProgress,
                    _ => PostStatus::Published,
                };
                b.push_bind(kind.slug())
                    .push_bind(category.slug())
                    .push_bind(poster.unwrap_or(PosterKind::Individual).slug())
                    .push_bind(status.slug())
                    .push_bind(title)
                    .push_bind(description)
                    .push_bind(exact.lat)
                    .push_bind(exact.lon)
                    .push_bind(public.lat)
                    .push_bind(public.lon)
                    .push_bind(place.insee.clone())
                    .push_bind(place.name.clone())
                    .push_bind(created)
                    .push_bind(created)
                    .push_bind(expires)
                    .push_bind(area.stored());
            });
            qb.build().execute(&mut *tx).await.map_err(fail)?;
            done += rows;
        }
        sql::index_after(&mut tx, first).await.map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        written += batch;
    }
    let mut tx = db.begin_write().await.map_err(fail)?;
    sql::recount_cells(&mut tx).await.map_err(fail)?;
    tx.commit().await.map_err(fail)?;
    // A bulk load leaves its pages in the database file, as a running server keeps it (hundreds
    // of megabytes of WAL would otherwise be copied back beside the first writes measured).
    let mut conn = db.write.acquire().await.map_err(fail)?;
    crate::server::db::privacy::truncate_wal(&mut conn).await.map_err(fail)?;
    drop(conn);
    db::analyze_after_bulk_load(db).await.map_err(fail)?;
    Ok(written)
}

/// About a standard normal draw (Irwin–Hall with 4 terms, rescaled).
fn normal(rng: &mut Rng) -> f64 {
    ((0..4).map(|_| rng.unit()).sum::<f64>() - 2.0) * 3f64.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Category, PostFilter};
    use crate::server::services::posts::list_public_at;

    #[tokio::test]
    async fn synthetic_posts_are_public_clustered_and_indexed() {
        let (pool, _db) = crate::server::db::testing::fresh().await;
        let db = Db::single(pool);
        let communes = Communes::haut_rhin().unwrap();
        let now = 1_800_000_000;
        assert_eq!(synthetic(&db, &communes, Region::HautRhin, 1_234, now).await.unwrap(), 1_234);
        let count = |sql: &'static str| {
            let db = db.clone();
            async move { db::query_scalar::<i64>(sql).fetch_one(&db.read).await.unwrap() }
        };
        assert_eq!(count("SELECT count(*) FROM posts").await, 1_234);
        // Every public post is on the map index, and only those.
        assert_eq!(
            count("SELECT count(*) FROM posts_geo").await,
            count("SELECT count(*) FROM posts WHERE status IN ('published', 'in-progress')").await
        );
        assert_eq!(count("SELECT count(DISTINCT category) FROM posts").await, Category::ALL.len() as i64);
        assert_eq!(count("SELECT count(DISTINCT kind) FROM posts").await, 2);
        // Clustered like people: Mulhouse and Colmar hold far more than a village.
        let mulhouse = count("SELECT count(*) FROM posts WHERE commune_name = 'Mulhouse'").await;
        assert!(mulhouse > 100, "{mulhouse}");
        let page = list_public_at(&db, &PostFilter::default(), now).await.unwrap();
        assert!(page.total > 1_000, "{}", page.total);
        // The counts per cell, recounted at the end, are those the incremental path keeps.
        crate::server::services::posts::tests::assert_cells_match_the_index(&db).await;

        // France: the large cities, and the posts stay around them.
        synthetic(&db, &communes, Region::France, 2_000, now).await.unwrap();
        let paris = count("SELECT count(*) FROM posts WHERE commune_name = 'Paris'").await;
        assert!(paris > 200, "{paris}");
        assert_eq!(
            count("SELECT count(*) FROM posts WHERE lat NOT BETWEEN 40 AND 52 OR lon NOT BETWEEN -6 AND 10").await,
            0
        );
        // West of Greenwich too (negative cell indices).
        crate::server::services::posts::tests::assert_cells_match_the_index(&db).await;
    }
}
