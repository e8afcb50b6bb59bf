//! Coordinates, bounding boxes, the privacy grid and point-in-polygon tests.
//!
//! Privacy rule: the exact point a person gives stays on the server. Everything public uses the
//! **public point**: the centre of a grid cell of `GRID_METRES`, moved by a fixed offset drawn once
//! per post inside the cell. It is computed once at creation and stored, so it never moves and
//! cannot be averaged out; it says nothing of where the exact point lies inside its cell.

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;

/// Side of a privacy grid cell, in metres (at least 250 m, as the product requires).
pub const GRID_METRES: f64 = 300.0;
/// Metres per degree of latitude (mean).
const METRES_PER_DEG_LAT: f64 = 111_320.0;

/// A WGS84 position, in decimal degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatLng {
    pub lat: f64,
    pub lon: f64,
}

impl LatLng {
    /// A position within the valid ranges, or what is wrong.
    pub fn parse(lat: f64, lon: f64) -> Result<LatLng, Msg> {
        if !lat.is_finite() || !lon.is_finite() {
            return Err(Msg::new("geo-not-a-number"));
        }
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(Msg::new("geo-out-of-earth"));
        }
        Ok(LatLng { lat, lon })
    }

    /// Distance in metres on a sphere (haversine).
    pub fn distance_m(self, other: LatLng) -> f64 {
        let r = 6_371_008.8;
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * r * a.sqrt().asin()
    }
}

/// A box `west,south,east,north` in degrees (the order of RFC 7946 and of `bbox=` queries).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl BBox {
    /// The Haut-Rhin and its edges: the default view.
    pub const HAUT_RHIN: BBox = BBox { west: 6.84, south: 47.42, east: 7.63, north: 48.32 };

    /// Parses `W,S,E,N`, or says what is wrong.
    pub fn parse(raw: &str) -> Result<BBox, Msg> {
        let parts: Vec<&str> = raw.split(',').map(str::trim).collect();
        if parts.len() != 4 {
            return Err(Msg::new("bbox-four-numbers"));
        }
        let mut v = [0.0f64; 4];
        for (slot, p) in v.iter_mut().zip(&parts) {
            *slot = p
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| Msg::new("bbox-not-a-number").text("value", *p))?;
        }
        let b = BBox { west: v[0], south: v[1], east: v[2], north: v[3] };
        if !(-180.0..=180.0).contains(&b.west) || !(-180.0..=180.0).contains(&b.east) {
            return Err(Msg::new("bbox-longitude"));
        }
        if !(-90.0..=90.0).contains(&b.south) || !(-90.0..=90.0).contains(&b.north) {
            return Err(Msg::new("bbox-latitude"));
        }
        if b.west >= b.east || b.south >= b.north {
            return Err(Msg::new("bbox-empty"));
        }
        Ok(b)
    }

    /// Whether `p` lies inside (edges included).
    pub fn contains(&self, p: LatLng) -> bool {
        p.lat >= self.south && p.lat <= self.north && p.lon >= self.west && p.lon <= self.east
    }

    /// The centre of the box.
    pub fn centre(&self) -> LatLng {
        LatLng { lat: (self.south + self.north) / 2.0, lon: (self.west + self.east) / 2.0 }
    }

    /// The `W,S,E,N` form, rounded to 5 decimals (about a metre), for URLs.
    pub fn to_query(&self) -> String {
        format!("{:.5},{:.5},{:.5},{:.5}", self.west, self.south, self.east, self.north)
    }
}

/// The cell of `p` in a grid of `side` metres: (row, column, latitude step, longitude step).
fn grid_cell_of(p: LatLng, side: f64) -> (i64, i64, f64, f64) {
    let lat_step = side / METRES_PER_DEG_LAT;
    let row = (p.lat / lat_step).floor();
    // The column width depends on the row's latitude only, so a cell is a fixed rectangle.
    let row_centre_lat = (row + 0.5) * lat_step;
    let lon_step = side / (METRES_PER_DEG_LAT * row_centre_lat.to_radians().cos().max(0.01));
    let col = (p.lon / lon_step).floor();
    (row as i64, col as i64, lat_step, lon_step)
}

/// The public point of a post whose exact point is `exact`. `jitter` is a pair drawn once per
/// post, each in `[-1, 1]`; it moves the point up to 40 % of a cell from the cell's centre, so
/// that neighbouring posts do not pile up on one pin. Same inputs, same output.
pub fn public_point(exact: LatLng, jitter: (f64, f64)) -> LatLng {
    public_point_in_grid(exact, jitter, GRID_METRES)
}

/// The same in a grid of `side` metres (larger where few people live: `domain::privacy`).
pub fn public_point_in_grid(exact: LatLng, jitter: (f64, f64), side: f64) -> LatLng {
    let (row, col, lat_step, lon_step) = grid_cell_of(exact, side);
    let j = |x: f64| if x.is_finite() { x.clamp(-1.0, 1.0) * 0.4 } else { 0.0 };
    let lat = (row as f64 + 0.5 + j(jitter.0)) * lat_step;
    let lon = (col as f64 + 0.5 + j(jitter.1)) * lon_step;
    LatLng { lat, lon }
}

/// A polygon ring as (lon, lat) pairs, as in GeoJSON.
pub type Ring = Vec<[f64; 2]>;

/// A GeoJSON MultiPolygon: polygons of rings, the first ring of each the outer boundary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MultiPolygon {
    pub polygons: Vec<Vec<Ring>>,
}

impl MultiPolygon {
    /// The bounding box of every ring.
    pub fn bbox(&self) -> BBox {
        let mut b = BBox { west: f64::MAX, south: f64::MAX, east: f64::MIN, north: f64::MIN };
        for ring in self.polygons.iter().flatten() {
            for [lon, lat] in ring {
                b.west = b.west.min(*lon);
                b.east = b.east.max(*lon);
                b.south = b.south.min(*lat);
                b.north = b.north.max(*lat);
            }
        }
        b
    }

    /// Whether `p` lies inside one of the polygons (and outside its holes).
    pub fn contains(&self, p: LatLng) -> bool {
        self.polygons.iter().any(|rings| {
            let mut inside = false;
            for ring in rings {
                if ring_contains(ring, p) {
                    inside = !inside;
                }
            }
            inside
        })
    }
}

/// Even-odd ray casting.
fn ring_contains(ring: &[[f64; 2]], p: LatLng) -> bool {
    let (x, y) = (p.lon, p.lat);
    let mut inside = false;
    let n = ring.len();
    if n < 3 {
        return false;
    }
    let mut j = n - 1;
    for i in 0..n {
        let [xi, yi] = ring[i];
        let [xj, yj] = ring[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLMAR: LatLng = LatLng { lat: 48.0794, lon: 7.3585 };

    #[test]
    fn latlng_ranges() {
        assert!(LatLng::parse(47.7, 7.3).is_ok());
        assert!(LatLng::parse(91.0, 7.3).is_err());
        assert!(LatLng::parse(47.0, f64::NAN).is_err());
    }

    #[test]
    fn bbox_parse_and_errors() {
        let b = BBox::parse("7.2,47.6,7.5,47.9").unwrap();
        assert_eq!(b, BBox { west: 7.2, south: 47.6, east: 7.5, north: 47.9 });
        assert!(b.contains(LatLng { lat: 47.75, lon: 7.34 }));
        assert!(BBox::parse("7.2,47.6,7.5").unwrap_err().to_string().contains("quatre"));
        assert!(BBox::parse("7.5,47.6,7.2,47.9").unwrap_err().to_string().contains("vide"));
        assert!(BBox::parse("a,b,c,d").unwrap_err().to_string().contains("« a »"));
        assert!(BBox::parse("7,95,8,96").is_err());
        assert!(BBox::parse("nan,1,2,3").is_err());
        assert_eq!(BBox::parse(&b.to_query()).unwrap(), b);
    }

    #[test]
    fn public_point_is_stable_and_within_the_cell() {
        let p1 = public_point(COLMAR, (0.3, -0.7));
        let p2 = public_point(COLMAR, (0.3, -0.7));
        assert_eq!(p1, p2);
        // Never further than the cell's half-diagonal plus the jitter.
        assert!(COLMAR.distance_m(p1) < GRID_METRES * 1.2, "{}", COLMAR.distance_m(p1));
        // The public point is not the exact point.
        assert!(COLMAR.distance_m(public_point(COLMAR, (0.0, 0.0))) > 0.0);
    }

    #[test]
    fn public_point_hides_the_position_inside_the_cell() {
        // Two exact points a few metres apart in the same cell give the same public point.
        let c = public_point(COLMAR, (0.0, 0.0));
        let (row, col, lat_step, lon_step) = grid_cell_of(COLMAR, GRID_METRES);
        let corner = LatLng { lat: (row as f64 + 0.01) * lat_step, lon: (col as f64 + 0.01) * lon_step };
        let other = LatLng { lat: (row as f64 + 0.99) * lat_step, lon: (col as f64 + 0.99) * lon_step };
        assert_eq!(public_point(corner, (0.0, 0.0)), c);
        assert_eq!(public_point(other, (0.0, 0.0)), c);
        // And the cell is at least 250 m wide in both directions.
        assert!(corner.distance_m(LatLng { lat: corner.lat + lat_step, lon: corner.lon }) >= 250.0);
        assert!(corner.distance_m(LatLng { lat: corner.lat, lon: corner.lon + lon_step }) >= 250.0);
    }

    #[test]
    fn polygon_with_hole() {
        let outer = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]];
        let hole = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0], [4.0, 4.0]];
        let mp = MultiPolygon { polygons: vec![vec![outer, hole]] };
        assert!(mp.contains(LatLng { lat: 2.0, lon: 2.0 }));
        assert!(!mp.contains(LatLng { lat: 5.0, lon: 5.0 }));
        assert!(!mp.contains(LatLng { lat: 11.0, lon: 5.0 }));
        assert_eq!(mp.bbox(), BBox { west: 0.0, south: 0.0, east: 10.0, north: 10.0 });
    }

    #[test]
    fn distance_is_plausible() {
        let mulhouse = LatLng { lat: 47.7495, lon: 7.3397 };
        let d = COLMAR.distance_m(mulhouse);
        assert!((36_000.0..38_000.0).contains(&d), "{d}");
    }
}
