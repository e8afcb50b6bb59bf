//! The home page's word search and the pages of a long list, checked against brute force: every
//! post read back, matched and ranked in plain Rust (the BM25 formula FTS5 documents, with the
//! same weights), the lists compared with what the service answers.

use crate::domain::post::{fold_for_search, Description, Title};
use crate::domain::{Category, LatLng, PostFilter, PostKind, PostStatus, SortOrder};
use crate::server::communes::Communes;
use crate::server::db;
use crate::server::db::map::TITLE_WEIGHT;
use crate::server::db::Db;
use crate::server::services::posts::tests::{creation, MULHOUSE, NOW};
use crate::server::services::posts::{create_many, list_public_at, locate_place, Creation};
use crate::wire::posts::{PostPage, AGGREGATE_ABOVE, LIST_WHEN_AGGREGATED};

/// Words the posts are written with: a few rare, a few common, accents and capitals mixed.
const VOCABULARY: [&str; 16] = [
    "Épicerie",
    "courses",
    "Course",
    "devoirs",
    "aide",
    "vélo",
    "jardin",
    "déménagement",
    "Mulhouse",
    "soirée",
    "enfants",
    "garde",
    "pharmacie",
    "repas",
    "voiture",
    "bricolage",
];

/// A deterministic stream of numbers in [0, 1).
struct Draw(u64);
impl Draw {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick(&mut self, n: usize) -> usize {
        (self.next() * n as f64) as usize % n
    }
}

/// `n` posts around Mulhouse, titles and descriptions drawn from `VOCABULARY`; one in six is
/// not public (pending or rejected), so the index holds more than a search may show.
fn posts(n: usize, seed: u64) -> Vec<Creation> {
    let mut d = Draw(seed);
    (0..n)
        .map(|i| {
            let mut words = |k: usize| (0..k).map(|_| VOCABULARY[d.pick(VOCABULARY.len())]).collect::<Vec<_>>();
            let title = format!("{} {}", words(2).join(" "), i);
            let description = format!("{}.", words(3 + i % 9).join(", "));
            let status = match i % 6 {
                0 => PostStatus::Pending,
                3 if i % 12 == 3 => PostStatus::Rejected,
                _ => PostStatus::Published,
            };
            let (kind, category) = if i % 2 == 0 {
                (PostKind::Request, Category::Groceries)
            } else {
                (PostKind::Offer, Category::Homework)
            };
            let at = LatLng { lat: MULHOUSE.lat + (i % 13) as f64 * 0.004, lon: MULHOUSE.lon + (i % 7) as f64 * 0.006 };
            let mut c = creation("Annonce à remplacer", kind, category, at, status);
            c.post.title = Title::parse(&title).unwrap();
            c.post.description = Description::parse(&description).unwrap();
            // Many share a date: the order then falls to the date, then the id.
            c.created_at = NOW - 3600 * (i % 10) as i64;
            c
        })
        .collect()
}

/// A post as the brute force sees it.
#[derive(Clone, Debug)]
struct Row {
    id: i64,
    public: bool,
    title: Vec<String>,
    description: Vec<String>,
    created_at: i64,
    category: String,
    kind: String,
}

/// The index's tokens: letters and digits, lower case, accents removed.
fn tokens(text: &str) -> Vec<String> {
    fold_for_search(text).split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

async fn rows(db: &Db) -> Vec<Row> {
    let all: Vec<(i64, String, String, String, i64, String, String)> =
        db::query_as("SELECT id, title, description, status, created_at, category, kind FROM posts ORDER BY id")
            .fetch_all(&db.read)
            .await
            .unwrap();
    all.into_iter()
        .map(|(id, title, description, status, created_at, category, kind)| Row {
            id,
            public: status == "published" || status == "in-progress",
            title: tokens(&title),
            description: tokens(&description),
            created_at,
            category,
            kind,
        })
        .collect()
}

/// BM25 as FTS5 computes it: per term, the weighted count of its prefix's occurrences, the
/// IDF over every row of the index, the row's length in tokens against the average. Lower is
/// better (FTS5 returns minus the score).
fn bm25(all: &[Row], row: &Row, terms: &[String]) -> f64 {
    let (k1, b) = (1.2, 0.75);
    let n = all.len() as f64;
    let avgdl = all.iter().map(|r| (r.title.len() + r.description.len()) as f64).sum::<f64>() / n;
    let hits = |r: &Row, t: &str| {
        let count = |v: &[String]| v.iter().filter(|w| w.starts_with(t)).count() as f64;
        count(&r.title) * TITLE_WEIGHT + count(&r.description)
    };
    let d = (row.title.len() + row.description.len()) as f64;
    let mut score = 0.0;
    for t in terms {
        let with = all.iter().filter(|r| hits(r, t) > 0.0).count() as f64;
        let idf = ((n - with + 0.5) / (with + 0.5)).ln();
        let idf = if idf <= 0.0 { 1e-6 } else { idf };
        let f = hits(row, t);
        score += idf * (f * (k1 + 1.0)) / (f + k1 * (1.0 - b + b * d / avgdl));
    }
    -score
}

fn matches(row: &Row, terms: &[String]) -> bool {
    terms.iter().all(|t| row.title.iter().chain(&row.description).any(|w| w.starts_with(t.as_str())))
}

fn ids(p: &PostPage) -> Vec<i64> {
    p.posts.iter().map(|s| s.id).collect()
}

/// Asserts `got` is `expected`'s posts ranked best first, then newest, then highest id (two
/// scores within a billionth of each other count as equal: the database and Rust add in their
/// orders).
fn assert_ranked(all: &[Row], got: &[i64], expected: &[&Row], terms: &[String], what: &str) {
    let mut want: Vec<i64> = expected.iter().map(|r| r.id).collect();
    let mut have = got.to_vec();
    want.sort();
    have.sort();
    assert_eq!(have, want, "{what}: the posts found");
    let by_id = |id: i64| all.iter().find(|r| r.id == id).unwrap();
    if db::testing::engine() == db::Engine::Postgres {
        // PostgreSQL ranks by the terms found: TITLE_WEIGHT each in the title, 1 in the text.
        let found = |words: &[String], t: &String| words.iter().any(|w| w.starts_with(t.as_str()));
        let score = |r: &Row| {
            terms
                .iter()
                .map(|t| {
                    f64::from(u8::from(found(&r.title, t))) * TITLE_WEIGHT
                        + f64::from(u8::from(found(&r.description, t)))
                })
                .sum::<f64>()
        };
        for w in got.windows(2) {
            let (a, b) = (by_id(w[0]), by_id(w[1]));
            let (sa, sb) = (score(a), score(b));
            assert!(
                sa > sb || (sa == sb && (a.created_at, a.id) > (b.created_at, b.id)),
                "{what}: {} ({sa}) before {} ({sb})",
                a.id,
                b.id
            );
        }
        return;
    }
    for w in got.windows(2) {
        let (a, b) = (by_id(w[0]), by_id(w[1]));
        let (sa, sb) = (bm25(all, a, terms), bm25(all, b, terms));
        let tie = (sa - sb).abs() <= 1e-9 * sa.abs().max(sb.abs());
        assert!(
            (sa < sb && !tie) || (tie && (a.created_at, a.id) > (b.created_at, b.id)),
            "{what}: {} ({sa}) before {} ({sb})",
            a.id,
            b.id
        );
    }
}

fn searching(words: &str) -> PostFilter {
    let f = PostFilter { words: Some(words.to_owned()), ..Default::default() };
    PostFilter { sort: f.default_sort(), ..f }
}

#[tokio::test]
async fn words_find_posts_whatever_their_accents_ranked_as_brute_force_ranks_them() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let db = Db::single(pool);
    let communes = Communes::haut_rhin().unwrap();
    create_many(&db, &communes, posts(150, 7)).await.unwrap();
    let all = rows(&db).await;
    for words in ["epicerie", "ÉPICERIE", "course", "aide devoirs", "Vélo de la soirée", "demenag pharma", "zzz"] {
        let f = searching(words);
        assert_eq!(f.sort, SortOrder::Relevance);
        let terms = f.terms();
        let page = list_public_at(&db, &f, NOW).await.unwrap();
        let expected: Vec<&Row> = all.iter().filter(|r| r.public && matches(r, &terms)).collect();
        assert!(expected.len() < AGGREGATE_ABOVE as usize);
        assert_eq!(page.total as usize, expected.len(), "{words}");
        assert!(page.grid.is_none() && page.cells.is_empty(), "{words}: pinned, not counted by cells");
        assert_ranked(&all, &ids(&page), &expected, &terms, words);
        if words != "zzz" {
            assert!(!expected.is_empty(), "{words} finds something");
        }
    }
    // The index holds posts a search must not show (the set above is of public posts only).
    let pending_matching = all.iter().filter(|r| !r.public && matches(r, &["epicerie".to_owned()])).count();
    assert!(pending_matching > 0, "the index holds posts a search must not show");
}

#[tokio::test]
async fn words_combine_with_every_other_filter() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let db = Db::single(pool);
    let communes = Communes::haut_rhin().unwrap();
    create_many(&db, &communes, posts(150, 11)).await.unwrap();
    let all = rows(&db).await;
    let terms = searching("aide").terms();
    // Requests of groceries, within 1 km of Mulhouse's town hall, newest or nearest first.
    for sort in [SortOrder::Relevance, SortOrder::Recent, SortOrder::Nearest] {
        let typed = PostFilter {
            categories: vec![Category::Groceries],
            kind: Some(PostKind::Request),
            place: Some("Mulhouse".into()),
            radius_km: Some(1),
            sort,
            ..searching("aide")
        };
        let (f, _) = locate_place(&communes, &typed).unwrap();
        let page = list_public_at(&db, &f, NOW).await.unwrap();
        let centre = f.near.unwrap();
        let kx = 111.32 * centre.lat.to_radians().cos();
        let points: Vec<(i64, f64, f64)> =
            db::query_as("SELECT id, public_lat, public_lon FROM posts").fetch_all(&db.read).await.unwrap();
        let km = |id: i64| {
            let (_, lat, lon) = points.iter().find(|p| p.0 == id).unwrap();
            ((lat - centre.lat) * 111.32).hypot((lon - centre.lon) * kx)
        };
        let mut expected: Vec<&Row> = all
            .iter()
            .filter(|r| r.public && matches(r, &terms) && r.category == "groceries" && r.kind == "request")
            .filter(|r| km(r.id) <= 1.0)
            .collect();
        assert!(!expected.is_empty() && expected.len() < all.len() / 4, "{}", expected.len());
        match sort {
            SortOrder::Relevance => assert_ranked(&all, &ids(&page), &expected, &terms, "relevance"),
            SortOrder::Recent => {
                expected.sort_by_key(|r| (-r.created_at, -r.id));
                assert_eq!(ids(&page), expected.iter().map(|r| r.id).collect::<Vec<_>>());
            }
            SortOrder::Nearest => {
                let got = ids(&page);
                let mut want: Vec<i64> = expected.iter().map(|r| r.id).collect();
                want.sort_by(|a, b| km(*a).total_cmp(&km(*b)).then(b.cmp(a)));
                assert_eq!(got, want);
            }
        }
    }
}

#[tokio::test]
async fn a_long_list_is_read_fifty_at_a_time_and_the_pages_add_up_to_the_whole() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let db = Db::single(pool);
    let communes = Communes::haut_rhin().unwrap();
    // 520 posts, every one holding "aide" in its title: more than the map pins.
    let mut list = posts(520, 3);
    for (i, c) in list.iter_mut().enumerate() {
        c.post.title = Title::parse(&format!("Aide {} {}", VOCABULARY[i % 16], i)).unwrap();
    }
    create_many(&db, &communes, list).await.unwrap();
    let all = rows(&db).await;
    let public: Vec<&Row> = all.iter().filter(|r| r.public).collect();
    assert!(public.len() > AGGREGATE_ABOVE as usize);

    // With words: counted exactly, ranked, a page at a time.
    for (words, sort) in
        [("aide", SortOrder::Relevance), ("aide jardin", SortOrder::Relevance), ("aide", SortOrder::Recent)]
    {
        let f = PostFilter { sort, ..searching(words) };
        let terms = f.terms();
        let expected: Vec<&Row> = public.iter().copied().filter(|r| matches(r, &terms)).collect();
        let mut seen = Vec::new();
        for index in 0.. {
            let page = list_public_at(&db, &f.on_page(index), NOW).await.unwrap();
            assert_eq!(page.total as usize, expected.len(), "{words}");
            if page.posts.is_empty() {
                break;
            }
            assert_eq!(page.offset, if expected.len() > AGGREGATE_ABOVE as usize { seen.len() as i64 } else { 0 });
            assert!(page.posts.len() <= AGGREGATE_ABOVE as usize);
            seen.extend(ids(&page));
            if page.offset == 0 && page.posts.len() == expected.len() {
                break;
            }
        }
        match sort {
            SortOrder::Recent => {
                let mut want: Vec<&Row> = expected.clone();
                want.sort_by_key(|r| (-r.created_at, -r.id));
                assert_eq!(seen, want.iter().map(|r| r.id).collect::<Vec<_>>(), "{words}, newest");
            }
            _ => assert_ranked(&all, &seen, &expected, &terms, words),
        }
    }

    // Without words, counted by cells: the newest 50, then the next 50, up to every post.
    let mut newest: Vec<&Row> = public.clone();
    newest.sort_by_key(|r| (-r.created_at, -r.id));
    let mut seen = Vec::new();
    for index in 0.. {
        let page = list_public_at(&db, &PostFilter::default().on_page(index), NOW).await.unwrap();
        assert!(page.grid.is_some(), "counted by cells");
        assert_eq!(page.offset, LIST_WHEN_AGGREGATED * i64::from(index));
        if page.posts.is_empty() {
            break;
        }
        assert!(page.posts.len() as i64 <= LIST_WHEN_AGGREGATED);
        seen.extend(ids(&page));
    }
    assert_eq!(seen, newest.iter().map(|r| r.id).collect::<Vec<_>>());
}

#[tokio::test]
async fn around_the_persons_position_distances_and_nearest_are_from_there() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let db = Db::single(pool);
    let communes = Communes::haut_rhin().unwrap();
    create_many(&db, &communes, posts(60, 5)).await.unwrap();
    // A position 2 km east of the town hall, as the phone gives it (kept to about 100 m).
    let me = PostFilter::default().from_position(MULHOUSE.lat + 0.000_41, MULHOUSE.lon + 0.0271);
    assert_eq!(me.at, Some(LatLng { lat: 47.75, lon: 7.367 }));
    assert_eq!(me.sort, SortOrder::Nearest);
    let (f, place) = locate_place(&communes, &me).unwrap();
    let place = place.unwrap();
    assert_eq!((place.name, place.centre), (None, me.at.unwrap()));
    let page = list_public_at(&db, &f, NOW).await.unwrap();
    let at = me.at.unwrap();
    let d = |p: &crate::wire::posts::PostSummary| {
        let k = at.lat.to_radians().cos();
        (p.point.lat - at.lat).powi(2) + ((p.point.lon - at.lon) * k).powi(2)
    };
    assert!(page.posts.len() > 10);
    assert!(page.posts.windows(2).all(|w| d(&w[0]) <= d(&w[1])), "nearest the position first");
    // A place typed wins over the position.
    let both = PostFilter { place: Some("Colmar".into()), ..me.clone() };
    let (_, place) = locate_place(&communes, &both).unwrap();
    assert_eq!(place.unwrap().name.as_deref(), Some("Colmar"));
}

#[tokio::test]
async fn a_ligature_and_its_two_letters_find_each_other() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let db = Db::single(pool);
    let communes = Communes::haut_rhin().unwrap();
    let mut list = posts(2, 1);
    list[0].post.title = Title::parse("Cœur de quartier : repas partagé").unwrap();
    list[1].post.title = Title::parse("Coeur fidèle cherche promeneur").unwrap();
    for c in &mut list {
        c.status = PostStatus::Published;
    }
    create_many(&db, &communes, list).await.unwrap();
    for typed in ["coeur", "Cœur", "COEUR"] {
        assert_eq!(list_public_at(&db, &searching(typed), NOW).await.unwrap().total, 2, "{typed}");
    }
    assert_eq!(list_public_at(&db, &searching("coeur quartier"), NOW).await.unwrap().total, 1);
}
