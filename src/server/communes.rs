//! The communes served: those of the Haut-Rhin, shipped with the binary (INSEE, IGN, DILA —
//! Licence Ouverte), and those of the territories an operator added (`entraide territory add`,
//! kept in the database: `services::territories`). Names, postcodes, population, town-hall
//! position and outline, each with its territory. Loaded once at start and kept in `AppState`;
//! answers "which commune is this point in?".

use crate::domain::commune::CommuneRef;
use crate::domain::geo::MultiPolygon;
use crate::domain::post::fold_for_search;
use crate::domain::territory::TerritoryCode;
use crate::domain::{BBox, LatLng};

const CSV: &str = include_str!("data/communes-68.csv");
const GEOJSON: &str = include_str!("data/communes-68.geojson");

/// One commune.
#[derive(Clone, Debug)]
pub struct Commune {
    pub insee: String,
    pub name: String,
    /// The territory the commune belongs to (its posts, its staff).
    pub territory: TerritoryCode,
    pub postcodes: Vec<String>,
    pub population: u32,
    pub town_hall: LatLng,
    pub shape: MultiPolygon,
    pub bbox: BBox,
    /// Surface, from the outline.
    pub area_km2: f64,
}

impl Commune {
    /// The area a public point of this commune narrows a post to (`domain::privacy`).
    pub fn privacy_area(&self) -> crate::domain::privacy::Area {
        crate::domain::privacy::area_for(self.population, self.area_km2)
    }
}

/// The surface of `shape` in km² (outer rings less their holes; an equirectangular projection
/// at each ring's latitude, precise to a fraction of a percent at the scale of a commune).
fn area_km2(shape: &MultiPolygon) -> f64 {
    let ring_area = |ring: &Vec<[f64; 2]>| {
        let Some(first) = ring.first() else { return 0.0 };
        let k = (111.32 * first[1].to_radians().cos(), 111.32);
        let twice: f64 =
            ring.windows(2).map(|w| (w[0][0] * k.0) * (w[1][1] * k.1) - (w[1][0] * k.0) * (w[0][1] * k.1)).sum();
        (twice / 2.0).abs()
    };
    shape
        .polygons
        .iter()
        .map(|rings| {
            let outer = rings.first().map(ring_area).unwrap_or(0.0);
            outer - rings.iter().skip(1).map(ring_area).sum::<f64>()
        })
        .sum()
}

/// Every commune served.
#[derive(Clone, Debug)]
pub struct Communes {
    list: Vec<Commune>,
}

impl Communes {
    /// The code of the territory shipped in the binary.
    pub const HAUT_RHIN: &'static str = "68";

    /// The shipped communes of the Haut-Rhin.
    pub fn haut_rhin() -> Result<Communes, String> {
        let code = TerritoryCode::parse(Self::HAUT_RHIN).map_err(|m| m.to_string())?;
        Communes::parse(CSV, GEOJSON, &code)
    }

    /// Communes already read (from the database); `None` if the list is empty.
    pub fn from_list(mut list: Vec<Commune>) -> Option<Communes> {
        list.sort_by(|a, b| a.insee.cmp(&b.insee));
        (!list.is_empty()).then_some(Communes { list })
    }

    /// One commune from its parts (the outline's box and surface computed here).
    pub fn commune(
        insee: String,
        name: String,
        territory: TerritoryCode,
        postcodes: Vec<String>,
        population: u32,
        town_hall: LatLng,
        shape: MultiPolygon,
    ) -> Commune {
        Commune {
            insee,
            name,
            territory,
            postcodes,
            population,
            town_hall,
            bbox: shape.bbox(),
            area_km2: area_km2(&shape),
            shape,
        }
    }

    /// Parses a CSV (`insee,nom,codes_postaux,population,lat,lon`) and a GeoJSON of
    /// MultiPolygons whose `insee` property matches, the communes of `territory`.
    pub fn parse(csv: &str, geojson: &str, territory: &TerritoryCode) -> Result<Communes, String> {
        let shapes: serde_json::Value = serde_json::from_str(geojson).map_err(|e| format!("communes GeoJSON: {e}"))?;
        let features = shapes["features"].as_array().ok_or("communes GeoJSON: no features")?;
        let mut outlines = std::collections::HashMap::new();
        for f in features {
            let insee = f["properties"]["insee"].as_str().ok_or("communes GeoJSON: feature without insee")?;
            let polygons: Vec<Vec<Vec<[f64; 2]>>> = serde_json::from_value(f["geometry"]["coordinates"].clone())
                .map_err(|e| format!("communes GeoJSON, {insee}: {e}"))?;
            outlines.insert(insee.to_owned(), MultiPolygon { polygons });
        }
        let mut list = Vec::new();
        for (i, line) in csv.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split(',').collect();
            let [insee, name, postcodes, population, lat, lon] = cols[..] else {
                return Err(format!("communes CSV line {}: expected 6 columns", i + 1));
            };
            let num = |s: &str| s.parse::<f64>().map_err(|e| format!("communes CSV line {}: {e}", i + 1));
            let shape = outlines.remove(insee).ok_or_else(|| format!("commune {insee} has no outline"))?;
            if insee.trim().is_empty() || name.trim().is_empty() || shape.polygons.is_empty() {
                return Err(format!("communes CSV line {}: a code, a name and an outline are needed", i + 1));
            }
            let postcodes: Vec<String> = postcodes.split_whitespace().map(str::to_owned).collect();
            if postcodes.is_empty() {
                return Err(format!("communes CSV line {}: no postcode", i + 1));
            }
            list.push(Communes::commune(
                insee.to_owned(),
                name.to_owned(),
                territory.clone(),
                postcodes,
                population.parse().map_err(|e| format!("communes CSV line {}: {e}", i + 1))?,
                LatLng::parse(num(lat)?, num(lon)?).map_err(|m| m.to_string())?,
                shape,
            ));
        }
        if let Some(extra) = outlines.keys().next() {
            return Err(format!("communes GeoJSON: outline {extra} has no line in the CSV"));
        }
        Communes::from_list(list).ok_or_else(|| "no commune in the CSV".to_owned())
    }

    /// All communes, in INSEE order.
    pub fn all(&self) -> &[Commune] {
        &self.list
    }

    /// Every commune for searching and listing, in alphabetical order (accents ignored).
    pub fn refs(&self) -> Vec<CommuneRef> {
        let mut list: Vec<CommuneRef> = self
            .list
            .iter()
            .map(|c| CommuneRef { insee: c.insee.clone(), name: c.name.clone(), postcodes: c.postcodes.clone() })
            .collect();
        list.sort_by_key(|c| fold_for_search(&c.name));
        list
    }

    /// The commune whose outline holds `p`, if any (none outside the département).
    pub fn locate(&self, p: LatLng) -> Option<&Commune> {
        self.list.iter().filter(|c| c.bbox.contains(p)).find(|c| c.shape.contains(p))
    }

    /// The commune with this INSEE code.
    pub fn by_insee(&self, insee: &str) -> Option<&Commune> {
        self.list.binary_search_by(|c| c.insee.as_str().cmp(insee)).ok().map(|i| &self.list[i])
    }

    /// The box around every commune of `territory`, if it has any.
    pub fn bounds_of(&self, territory: &TerritoryCode) -> Option<BBox> {
        self.list.iter().filter(|c| &c.territory == territory).map(|c| c.bbox).reduce(|a, b| BBox {
            west: a.west.min(b.west),
            south: a.south.min(b.south),
            east: a.east.max(b.east),
            north: a.north.max(b.north),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_the_366_communes_of_the_haut_rhin() {
        let c = Communes::haut_rhin().unwrap();
        assert_eq!(c.all().len(), 366);
        let mulhouse = c.by_insee("68224").unwrap();
        assert_eq!(mulhouse.name, "Mulhouse");
        // Mulhouse covers about 22 km²; the département about 3,525 km².
        assert!((21.0..23.5).contains(&mulhouse.area_km2), "{}", mulhouse.area_km2);
        let total: f64 = c.all().iter().map(|c| c.area_km2).sum();
        assert!((3_400.0..3_650.0).contains(&total), "{total}");
        assert!(mulhouse.postcodes.contains(&"68200".to_owned()));
    }

    #[test]
    fn every_town_hall_is_inside_its_own_commune() {
        let c = Communes::haut_rhin().unwrap();
        let misplaced: Vec<_> = c
            .all()
            .iter()
            .filter(|x| c.locate(x.town_hall).map(|f| f.insee.as_str()) != Some(x.insee.as_str()))
            .map(|x| x.name.clone())
            .collect();
        // The shipped data places 13 town halls just across a (simplified) border, e.g. Kembs's
        // falls in Bartenheim's outline. More than that means the lookup is wrong.
        assert!(misplaced.len() <= 13, "{} misplaced: {misplaced:?}", misplaced.len());
        // But every one of them lies in the département.
        assert!(c.all().iter().all(|x| c.locate(x.town_hall).is_some()));
    }

    #[test]
    fn typed_communes_are_found_in_the_real_list() {
        use crate::domain::commune::resolve;
        let c = Communes::haut_rhin().unwrap();
        let refs = c.refs();
        let name = |insee: String| c.by_insee(&insee).unwrap().name.clone();
        assert_eq!(name(resolve("sainte marie aux mines", &refs).unwrap()), "Sainte-Marie-aux-Mines");
        assert_eq!(name(resolve("GUEBWILLER", &refs).unwrap()), "Guebwiller");
        assert_eq!(name(resolve("68200", &refs).unwrap()), "Mulhouse");
        assert_eq!(name(resolve("Colmar (68000)", &refs).unwrap()), "Colmar");
        assert!(resolve("Strasbourg", &refs).is_err());
    }

    #[test]
    fn locates_known_places_and_refuses_outside_points() {
        let c = Communes::haut_rhin().unwrap();
        // Colmar's Unterlinden museum.
        assert_eq!(c.locate(LatLng { lat: 48.0797, lon: 7.3553 }).unwrap().name, "Colmar");
        // Mulhouse station.
        assert_eq!(c.locate(LatLng { lat: 47.7417, lon: 7.3429 }).unwrap().name, "Mulhouse");
        // Strasbourg (Bas-Rhin), Basel (Switzerland), Freiburg (Germany): outside.
        assert!(c.locate(LatLng { lat: 48.5734, lon: 7.7521 }).is_none());
        assert!(c.locate(LatLng { lat: 47.5596, lon: 7.5886 }).is_none());
        assert!(c.locate(LatLng { lat: 47.9990, lon: 7.8421 }).is_none());
    }
}
