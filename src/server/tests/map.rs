//! The map at scale through HTTP: a crowded département is answered with counts per cell, and
//! no viewport's answer weighs more than 8 KB once compressed with brotli (as browsers ask).

use super::*;
use crate::server::seed::synthetic::{synthetic, Region};

/// The body of `uri` as sent to a browser accepting brotli, and its decompressed length.
async fn get_br(s: &AppState, uri: &str) -> (StatusCode, usize, Option<String>) {
    let req = Request::get(uri).header(header::ACCEPT_ENCODING, "br").body(Body::empty()).unwrap();
    let res = router(s.clone()).oneshot(req).await.unwrap();
    let status = res.status();
    let encoding = res.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap().to_owned());
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, body.len(), encoding)
}

#[tokio::test]
async fn crowded_viewports_get_cell_counts_within_8_kb() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let now = crate::server::services::now();
    synthetic(&s.db, &s.communes, Region::HautRhin, 20_000, now).await.unwrap();

    // The whole département: counted by cells; the counts add up to what is announced.
    let (status, _, body) = get(&s, "/api/v1/posts.geojson").await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let features = v["features"].as_array().unwrap();
    assert!(features.len() > 10 && v["numberReturned"] == 0, "{}", &body[..200]);
    let counted: i64 = features.iter().map(|f| f["properties"]["count"].as_i64().unwrap()).sum();
    assert_eq!(v["numberMatched"].as_i64().unwrap(), counted);
    assert!(counted > 15_000, "most synthetic posts are open: {counted}");
    assert!(features.iter().all(|f| f["properties"]["cluster"] == true && f["bbox"].is_array()));

    // A street-sized box: every post, pinned.
    let (_, _, body) = get(&s, "/api/v1/posts.geojson?bbox=7.3500,47.7480,7.3510,47.7490").await;
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(v["grid"].is_null() && v["numberReturned"] == v["numberMatched"], "{body}");

    // Every zoom level over the two largest towns and the whole département, with and without
    // filters: the heaviest answer of the home page's server function and of the GeoJSON API.
    let mut heaviest = 0;
    let centres = [(7.3397, 47.7495), (7.3585, 48.0794), (7.235, 47.87)];
    for (lon, lat) in centres {
        for half in [0.002, 0.01, 0.05, 0.2, 0.5, 2.0, 8.0] {
            let bbox = format!("{},{},{},{}", lon - half, lat - half * 0.7, lon + half, lat + half * 0.7);
            for filter in [
                "",
                "&category=groceries,transport",
                "&kind=request&sort=nearest",
                "&place=mulhouse&radius=20&sort=nearest",
                "&place=68000&category=groceries",
                "&q=courses",
                "&q=aide%20devoirs&place=mulhouse&sort=nearest&page=2",
                "&at=47.75,7.34&radius=10",
            ] {
                for path in ["/api/list_posts", "/api/v1/posts.geojson"] {
                    let (status, len, enc) = get_br(&s, &format!("{path}?bbox={bbox}{filter}")).await;
                    assert_eq!(status, StatusCode::OK, "{path} {bbox}");
                    if len > 1024 {
                        assert_eq!(enc.as_deref(), Some("br"), "{path} is compressed");
                    }
                    heaviest = heaviest.max(len);
                }
            }
        }
    }
    println!("FIGURE G2.max_payload_br_bytes {heaviest}");
    assert!(heaviest <= 8 * 1024, "heaviest viewport answer: {heaviest} bytes");
}

#[tokio::test]
async fn the_place_box_works_without_javascript_and_keeps_what_was_typed() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let now = crate::server::services::now();
    synthetic(&s.db, &s.communes, Region::HautRhin, 3_000, now).await.unwrap();
    // A postcode, a radius, nearest first: the place is said, each card says how far it is.
    let (status, _, body) = get(&s, "/?place=68100&radius=5&sort=nearest").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("À moins de 5 km de 68100"), "the place said");
    assert!(body.contains("value=\"68100\""), "the box keeps it");
    let distances: Vec<f64> = body
        .match_indices("<span class=\"distance\">")
        .map(|(i, m)| {
            let rest = &body[i + m.len()..];
            let text = &rest[..rest.find('<').unwrap()];
            if text.contains("moins de 500") {
                0.0
            } else {
                text.trim_start_matches("à ").trim_end_matches(" km").replace(',', ".").parse().unwrap()
            }
        })
        .collect();
    assert!(distances.len() >= 10, "{} cards with a distance", distances.len());
    assert!(distances.windows(2).all(|w| w[0] <= w[1] + 0.1), "nearest first: {distances:?}");
    assert!(distances.iter().all(|d| *d <= 5.05), "within 5 km: {distances:?}");
    // The chips keep the place.
    assert!(body.contains("href=\"/?place=68100&amp;radius=5&amp;category=groceries&amp;sort=nearest\""));
    // A place that is no commune: said next to the list, what was typed kept, 400.
    let (status, _, body) = get(&s, "/?place=Stra%C3%9Fburg").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Aucune commune desservie par Entraide ne correspond à « Straßburg »"), "said");
    assert!(body.contains("value=\"Straßburg\""), "kept");
    // A radius that is not offered.
    let (status, _, body) = get(&s, "/?place=Colmar&radius=3").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Rayon inconnu"));
}

#[tokio::test]
async fn words_and_pages_work_without_javascript_and_keep_what_was_typed() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    let now = crate::server::services::now();
    synthetic(&s.db, &s.communes, Region::HautRhin, 3_000, now).await.unwrap();
    // Words without accents find the titles with them; the best match first; the words said.
    let (status, _, body) = get(&s, "/?q=epicerie").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Annonces contenant « epicerie »"), "the words said");
    assert!(body.contains("value=\"epicerie\""), "the box keeps them");
    assert!(body.contains("Livraison gratuite des courses pour les personnes isolées"), "« épicerie » found");
    assert!(body.contains("aria-current=\"true\" title=\"Celles qui correspondent le mieux"), "relevance first");
    // A search of small words only: said, kept, 400.
    let (status, _, body) = get(&s, "/?q=de+la&category=groceries").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("« de la » ne contient aucun mot à chercher"), "said");
    assert!(body.contains("value=\"de la\""), "kept");
    // A crowded search is read fifty at a time, by plain links that keep the words.
    let (status, _, body) = get(&s, "/?q=semaine").await;
    assert_eq!(status, StatusCode::OK);
    let total: i64 = {
        let i = body.find("Annonces 1 à 50 sur ").expect("the range said");
        let rest = &body[i + "Annonces 1 à 50 sur ".len()..];
        rest[..rest.find('<').unwrap()].replace(['\u{202f}', '\u{a0}', ' '], "").parse().unwrap()
    };
    assert!(total > 200, "{total} posts hold « semaine »");
    assert_eq!(body.matches("class=\"post-card\"").count(), 50);
    assert!(body.contains("href=\"/?q=semaine&amp;page=2#annonces\""), "« 50 de plus »");
    assert!(body.contains("50 de plus"));
    let (status, _, body) = get(&s, "/?q=semaine&page=2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Annonces 51 à 100 sur "), "the second page");
    assert!(body.contains("href=\"/?q=semaine#annonces\""), "back to the first");
    // Without words either: a crowded département is listed fifty at a time.
    let (_, _, body) = get(&s, "/?page=3").await;
    assert!(body.contains("Annonces 101 à 150 sur "));
    // Past the end: said, with the way back.
    let (status, _, body) = get(&s, "/?q=semaine&page=200").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("La liste n'a pas autant d'annonces"));
    assert!(body.contains("href=\"/?q=semaine#annonces\""), "the way back");
    // A short list is shown whole, whatever the page asked.
    let (_, _, body) = get(&s, "/?q=epicerie&page=9").await;
    assert!(body.contains("Livraison gratuite des courses pour les personnes isolées"));
    // A page that is no page.
    let (status, _, body) = get(&s, "/?page=0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Page inconnue : « 0 »"));
    // The person's position: distances, nearest first, the position not said back as a place.
    let (status, _, body) = get(&s, "/?at=47.750,7.340&radius=2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("À moins de 2 km de votre position"));
    assert!(body.contains("<span class=\"distance\">"));
}

#[tokio::test]
async fn hostile_words_and_places_are_shown_as_text() {
    let (pool, _db) = crate::server::db::testing::fresh().await;
    let s = state(pool);
    for q in [
        "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/?q=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+aide",
        "/?place=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/?q=aide%09devoirs&place=Colmar%09",
    ] {
        let (status, _, body) = get(&s, q).await;
        assert!(status == StatusCode::OK || status == StatusCode::BAD_REQUEST, "{q}: {status}");
        assert!(!body.contains("<script>alert(1)") && !body.contains("<img src=x"), "{q}");
    }
    // A tab is a space: the search and the place still work.
    let (status, _, body) = get(&s, "/?q=aide%09devoirs&place=Colmar%09").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Annonces contenant « aide"), "the words said");
}
