//! How large the area a public point narrows a post to must be. A 300 m cell in a town holds
//! hundreds of people; in a hamlet it can hold a single house, and the public point would then
//! say whose door it is. So the area is sized by where people live: the smallest cell of the
//! privacy grids that holds at least [`MIN_PEOPLE`] inhabitants at the commune's mean density,
//! or the whole commune when even the largest cell would hold fewer (or be larger than the
//! commune itself).

use crate::domain::geo::{public_point_in_grid, LatLng, GRID_METRES};

/// The fewest inhabitants the area of a public point should hold.
pub const MIN_PEOPLE: f64 = 50.0;
/// Sides of the privacy grids, smallest first (metres): each cell of a larger grid is four of
/// the one before.
pub const CELL_SIDES: [f64; 5] = [GRID_METRES, 600.0, 1200.0, 2400.0, 4800.0];
/// How far the public point of a post hidden in its whole commune moves from the town hall, at
/// most (so that the commune's posts do not pile up on one pin).
const COMMUNE_JITTER_M: f64 = 150.0;

/// The area a public point stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Area {
    /// A cell of this side, in metres.
    Cell(f64),
    /// The whole commune (the public point is near the town hall).
    Commune,
}

impl Area {
    /// What is stored with the post: the cell's side in metres, 0 for the whole commune.
    pub fn stored(self) -> i64 {
        match self {
            Area::Cell(side) => side.round() as i64,
            Area::Commune => 0,
        }
    }

    /// The inhabitants expected in the area, at the commune's mean density.
    pub fn people(self, population: u32, area_km2: f64) -> f64 {
        match self {
            Area::Cell(side) => density(population, area_km2) * (side / 1000.0).powi(2),
            Area::Commune => f64::from(population),
        }
    }
}

fn density(population: u32, area_km2: f64) -> f64 {
    f64::from(population) / area_km2.max(0.01)
}

/// The area for a post in a commune of `population` inhabitants on `area_km2`.
pub fn area_for(population: u32, area_km2: f64) -> Area {
    CELL_SIDES
        .into_iter()
        .map(Area::Cell)
        .find(|a| {
            let Area::Cell(side) = a else { return false };
            a.people(population, area_km2) >= MIN_PEOPLE && (side / 1000.0).powi(2) <= area_km2
        })
        .unwrap_or(Area::Commune)
}

/// The public point of a post at `exact` in `area`; `town_hall` stands for the commune.
/// `jitter` is drawn once per post, each in `[-1, 1]`.
pub fn public_point_for(exact: LatLng, jitter: (f64, f64), area: Area, town_hall: LatLng) -> LatLng {
    match area {
        Area::Cell(side) => public_point_in_grid(exact, jitter, side),
        Area::Commune => {
            let j = |x: f64| if x.is_finite() { x.clamp(-1.0, 1.0) } else { 0.0 };
            let lat = town_hall.lat + j(jitter.0) * COMMUNE_JITTER_M / 111_320.0;
            let lon = town_hall.lon + j(jitter.1) * COMMUNE_JITTER_M / (111_320.0 * town_hall.lat.to_radians().cos());
            LatLng { lat, lon }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_keep_the_small_cell_and_the_countryside_gets_larger_areas() {
        // Mulhouse: about 108,000 people on 22 km².
        assert_eq!(area_for(108_000, 22.2), Area::Cell(300.0));
        // A village of 1,100 people on 11 km² (100 per km²): 0.36 km² hold 36, 1.44 km² hold 144.
        assert_eq!(area_for(1_100, 11.0), Area::Cell(1200.0));
        // A hamlet of 40 people: only the whole commune.
        assert_eq!(area_for(40, 3.0), Area::Commune);
        // Every area holds at least MIN_PEOPLE, or is the commune.
        for (pop, km2) in [(108_000, 22.2), (1_100, 11.0), (300, 30.0), (5_000, 2.0), (60, 0.5)] {
            let a = area_for(pop, km2);
            assert!(a == Area::Commune || a.people(pop, km2) >= MIN_PEOPLE, "{pop} on {km2}: {a:?}");
        }
    }

    #[test]
    fn a_commune_wide_point_stays_near_the_town_hall_and_says_nothing_of_the_house() {
        let hall = LatLng { lat: 47.9, lon: 7.2 };
        let house = LatLng { lat: 47.93, lon: 7.25 };
        let p = public_point_for(house, (1.0, -1.0), Area::Commune, hall);
        assert!(hall.distance_m(p) <= COMMUNE_JITTER_M * 1.5);
        assert_eq!(p, public_point_for(LatLng { lat: 47.87, lon: 7.1 }, (1.0, -1.0), Area::Commune, hall));
        // A larger cell hides more: two houses 1 km apart share a 2.4 km cell's point.
        let a = LatLng { lat: 47.9001, lon: 7.2001 };
        let cell = public_point_for(a, (0.0, 0.0), Area::Cell(2400.0), hall);
        assert!(a.distance_m(cell) < 2400.0);
    }
}
