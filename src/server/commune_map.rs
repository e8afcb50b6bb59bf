//! The map of the communes drawn as SVG on the server (`/pilotage/carte.svg`), from the shipped
//! outlines: each commune coloured by a count (the requests nobody answered), its name and count
//! in a `<title>`, and a legend. Counts under 5 are said "< 5", as everywhere in « Pilotage ».
//! Every text is escaped; no script, no external reference.

use std::collections::HashMap;
use std::fmt::Write;

use crate::domain::stats::Shown;
use crate::server::communes::Communes;

/// The drawing's width in SVG units (its height follows the département's shape).
const WIDTH: f64 = 560.0;
/// A point closer than this to the previous one (in SVG units) is left out.
const STEP: f64 = 0.7;
/// Fill colours: none, fewer than 5, 5 to 9, 10 or more (light to dark, readable in grey too).
pub const COLOURS: [&str; 4] = ["#eef1f4", "#fdd49e", "#f4874b", "#b3261e"];

/// The colour class of a count.
pub fn class(n: i64) -> usize {
    match n {
        i64::MIN..=0 => 0,
        1..=4 => 1,
        5..=9 => 2,
        _ => 3,
    }
}

/// `&`, `<`, `>`, `"` and `'` as entities.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The words of the drawing, in the reader's language.
pub struct Words {
    pub title: String,
    /// The four classes' labels.
    pub legend: [String; 4],
}

/// The SVG document: every commune of `communes`, coloured by `counts` (INSEE code → count).
pub fn draw(communes: &Communes, counts: &HashMap<String, i64>, words: &Words) -> String {
    let all = communes.all();
    let (mut west, mut south, mut east, mut north) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for c in all {
        west = west.min(c.bbox.west);
        south = south.min(c.bbox.south);
        east = east.max(c.bbox.east);
        north = north.max(c.bbox.north);
    }
    let kx = ((south + north) / 2.0).to_radians().cos();
    let scale = WIDTH / ((east - west) * kx);
    let height = (north - south) * scale;
    let legend_h = 34.0;
    let project = |p: &[f64; 2]| ((p[0] - west) * kx * scale, (north - p[1]) * scale);

    let mut out = String::with_capacity(200_000);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {WIDTH:.0} {h:.0}\" \
         role=\"img\" aria-labelledby=\"t\">\
         <title id=\"t\">{}</title><g stroke=\"#5f6b7a\" stroke-width=\"0.4\" stroke-linejoin=\"round\">",
        escape(&words.title),
        h = height + legend_h,
    );
    for c in all {
        let n = counts.get(&c.insee).copied().unwrap_or(0);
        let _ = write!(out, "<path fill=\"{}\" d=\"", COLOURS[class(n)]);
        for ring in c.shape.polygons.iter().flatten() {
            let mut last: Option<(f64, f64)> = None;
            for (i, p) in ring.iter().enumerate() {
                let (x, y) = project(p);
                let far = last.is_none_or(|(lx, ly)| (x - lx).abs() + (y - ly).abs() >= STEP);
                if far || i + 1 == ring.len() {
                    let _ = write!(out, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
                    last = Some((x, y));
                }
            }
            out.push('Z');
        }
        let _ = write!(out, "\"><title>{} : {}</title></path>", escape(&c.name), escape(&Shown::of(n, true).text()));
    }
    out.push_str("</g>");
    let y = height + 8.0;
    for (i, label) in words.legend.iter().enumerate() {
        let x = 4.0 + i as f64 * 138.0;
        let _ = write!(
            out,
            "<rect x=\"{x:.0}\" y=\"{y:.0}\" width=\"18\" height=\"18\" fill=\"{}\" stroke=\"#5f6b7a\" stroke-width=\"0.6\"/>\
             <text x=\"{:.0}\" y=\"{:.0}\" font-family=\"sans-serif\" font-size=\"18\" fill=\"#1d2733\">{}</text>",
            COLOURS[i],
            x + 24.0,
            y + 15.0,
            escape(label)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_commune_is_drawn_coloured_by_its_count_and_named_safely() {
        let communes = Communes::haut_rhin().expect("shipped communes");
        let colmar = communes.all().iter().find(|c| c.name == "Colmar").expect("Colmar").insee.clone();
        let mulhouse = communes.all().iter().find(|c| c.name == "Mulhouse").expect("Mulhouse").insee.clone();
        let counts = HashMap::from([(colmar, 12), (mulhouse, 3)]);
        let words = Words {
            title: "Demandes <sans> réponse".into(),
            legend: ["0".into(), "< 5".into(), "5 à 9".into(), "10 et plus".into()],
        };
        let svg = draw(&communes, &counts, &words);
        assert_eq!(svg.matches("<path ").count(), communes.all().len());
        assert!(svg.contains("<title>Colmar : 12</title>"));
        assert!(svg.contains(&format!("fill=\"{}\"", COLOURS[3])));
        assert!(svg.contains("Demandes &lt;sans&gt; réponse"));
        assert!(svg.contains("<title>Mulhouse : &lt; 5</title>"));
        // Well formed: no bare `<` or `&` in a text.
        assert!(!svg.contains("< ") && !svg.contains("& "), "escaped");
        assert!(!svg.contains("<script"));
        // Simplified to what the drawing's scale shows.
        assert!(svg.len() < 200_000, "{} bytes", svg.len());
        assert_eq!((class(0), class(4), class(5), class(10)), (0, 1, 2, 3));
    }
}
