//! The counting grid of the map. When an area holds more than `AGGREGATE_ABOVE` posts, the
//! map shows how many posts each cell of a grid holds instead of one pin per post. The grid
//! has fixed levels: a cell of level k is 2^-k degrees on a side, so cells do not move when the
//! map pans, and the server can keep the counts of every level up to date.

use serde::{Deserialize, Serialize};

use super::BBox;

/// Above this many posts in an area, the map shows counts per cell.
pub const AGGREGATE_ABOVE: i64 = 200;
/// How many posts the list shows when the map shows counts.
pub const LIST_WHEN_AGGREGATED: i64 = 50;
/// The coarsest level (4° cells) and the finest (1/256°, about 300 m: the privacy grid).
pub const COARSEST: i32 = -2;
pub const FINEST: i32 = 8;
/// At most this many cells across the area's widest side: on a phone's map (about 360 px) a
/// cell is then 60 px or more, room for its 44 px bubble.
const CELLS_ACROSS: f64 = 6.0;

/// One level of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grid {
    pub level: i32,
}

impl Grid {
    /// The finest level with at most 6 cells across the widest side of `area` (the coarsest
    /// level for anything wider than 24°).
    pub fn for_area(area: BBox) -> Grid {
        let span = (area.east - area.west).max(area.north - area.south);
        let level = (COARSEST..=FINEST).rev().find(|&k| span * 2f64.powi(k) <= CELLS_ACROSS).unwrap_or(COARSEST);
        Grid { level }
    }

    /// Cells per degree.
    pub fn scale(self) -> f64 {
        2f64.powi(self.level)
    }

    /// The index of the cell holding the coordinate `v` (a longitude gives `cx`, a latitude `cy`).
    pub fn index(self, v: f64) -> i64 {
        (v * self.scale()).floor() as i64
    }

    /// The bounds of cell (`cx`, `cy`).
    pub fn cell_bounds(self, cx: i64, cy: i64) -> BBox {
        let s = self.scale();
        BBox { west: cx as f64 / s, south: cy as f64 / s, east: (cx + 1) as f64 / s, north: (cy + 1) as f64 / s }
    }

    /// The smallest union of whole cells covering `area`.
    pub fn snap(self, area: BBox) -> BBox {
        let s = self.scale();
        BBox {
            west: ((area.west * s).floor() / s).max(-180.0),
            south: ((area.south * s).floor() / s).max(-90.0),
            east: (((area.east * s).floor() + 1.0) / s).min(180.0),
            north: (((area.north * s).floor() + 1.0) / s).min(90.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_level_gives_at_most_six_cells_across() {
        let town = BBox { west: 7.30, south: 47.70, east: 7.38, north: 47.76 };
        assert_eq!(Grid::for_area(town).level, 6); // 0.08° × 64 = 5.1; × 128 = 10.2 is too many
        assert_eq!(Grid::for_area(BBox::HAUT_RHIN).level, 2); // 0.9° × 4 = 3.6; × 8 = 7.2 is too many
        let france = BBox { west: -5.2, south: 41.3, east: 9.6, north: 51.1 };
        assert_eq!(Grid::for_area(france).level, -2); // 14.8° / 4 = 3.7
        let world = BBox { west: -180.0, south: -90.0, east: 180.0, north: 90.0 };
        assert_eq!(Grid::for_area(world).level, COARSEST);
        let stairwell = BBox { west: 7.300, south: 47.700, east: 7.301, north: 47.701 };
        assert_eq!(Grid::for_area(stairwell).level, FINEST);
        for a in [town, BBox::HAUT_RHIN, france] {
            let g = Grid::for_area(a);
            let across = (g.index(a.east) - g.index(a.west) + 1).max(g.index(a.north) - g.index(a.south) + 1);
            assert!(across <= 7, "{a:?}: {across}");
        }
    }

    #[test]
    fn cells_tile_the_plane_and_snap_covers_the_area() {
        let g = Grid { level: 3 };
        assert_eq!(g.index(7.3), 58);
        assert_eq!(g.index(-0.1), -1, "floor, not truncation, west of Greenwich");
        let b = g.cell_bounds(58, 381);
        assert_eq!((b.west, b.east, b.south, b.north), (7.25, 7.375, 47.625, 47.75));
        let a = BBox { west: 7.3, south: 47.7, east: 7.6, north: 47.9 };
        let s = g.snap(a);
        assert!(s.west <= a.west && s.south <= a.south && s.east >= a.east && s.north >= a.north);
        assert_eq!((s.west, s.east), (7.25, 7.625));
    }
}
