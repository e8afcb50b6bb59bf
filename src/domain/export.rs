//! What staff ask to export: a period, optionally a commune and a category, and a format —
//! the posts as CSV or GeoJSON (public points and communes only), or, for admins, the full CSV
//! with the phone-intake records. Parsed here, with each mistake named by its field.

use serde::{Deserialize, Serialize};

use super::commune::CommuneRef;
use super::period::Period;
use super::stats::{parse_selection, Selection};
use super::Category;
use crate::error::FieldErrors;
use crate::i18n::Msg;

/// The file asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// The posts, one column per field, `;`-separated UTF-8 with a BOM.
    Csv,
    /// The same posts as a GeoJSON FeatureCollection at their public points.
    GeoJson,
    /// Admins only: the CSV with the phone-intake records (the person, their consent).
    Full,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::Full];

    pub fn slug(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Full => "full",
        }
    }
}
slug_parse_display!(ExportFormat);

/// The export form as typed (a plain GET form: the address can be kept and shared by staff).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportForm {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub commune: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub format: String,
}

/// A valid export request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub period: Period,
    /// INSEE code of the commune, if one was named.
    pub commune: Option<String>,
    pub category: Option<Category>,
    pub format: ExportFormat,
}

impl ExportForm {
    /// Parses every field at `now` (an empty period is this month), each error keyed by its field.
    pub fn parse(&self, communes: &[CommuneRef], now: i64) -> Result<ExportRequest, FieldErrors> {
        let selection = parse_selection(&self.from, &self.to, &self.commune, &self.category, communes, now);
        let format = match self.format.trim() {
            "" => Ok(ExportFormat::Csv),
            slug => slug.parse::<ExportFormat>().map_err(|_| Msg::new("export-format-unknown")),
        };
        match (selection, format) {
            (Ok(Selection { period, commune, category }), Ok(format)) => {
                Ok(ExportRequest { period, commune, category, format })
            }
            (selection, format) => {
                let mut errors = selection.err().unwrap_or_default();
                if let Err(m) = format {
                    errors.push("format", m);
                }
                Err(errors)
            }
        }
    }
}

/// A field of a CSV line for a spreadsheet: `;`-separated, quoted when it holds a separator, a
/// quote or a line break, and a text that a spreadsheet would run as a formula (`=`, `+`, `-`,
/// `@`, tab, carriage return first; a plain number such as `-7.5` is left alone) kept as text
/// with a leading apostrophe.
pub fn csv_field(value: &str) -> String {
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']) && value.parse::<f64>().is_err();
    let value = if formula { format!("'{value}") } else { value.to_owned() };
    if value.contains([';', '"', '\n', '\r', ',']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect).
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields.iter().map(|f| csv_field(f.as_ref())).collect::<Vec<_>>().join(";");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_796_234_400;

    fn communes() -> Vec<CommuneRef> {
        vec![CommuneRef { insee: "68066".into(), name: "Colmar".into(), postcodes: vec!["68000".into()] }]
    }

    #[test]
    fn an_export_is_this_month_as_csv_unless_told_otherwise() {
        let r = ExportForm::default().parse(&communes(), NOW).expect("defaults");
        assert_eq!((r.format, r.commune, r.category), (ExportFormat::Csv, None, None));
        let f = ExportForm {
            from: "2026-01-01".into(),
            to: "2026-06-30".into(),
            commune: "colmar".into(),
            category: "food-aid".into(),
            format: "geojson".into(),
        };
        let r = f.parse(&communes(), NOW).expect("valid");
        assert_eq!(r.commune.as_deref(), Some("68066"));
        assert_eq!((r.category, r.format), (Some(Category::FoodAid), ExportFormat::GeoJson));
    }

    #[test]
    fn every_mistake_is_named() {
        let f = ExportForm {
            from: "hier".into(),
            to: String::new(),
            commune: "Atlantis".into(),
            category: "gardening".into(),
            format: "xlsx".into(),
        };
        let e = f.parse(&communes(), NOW).expect_err("invalid");
        for field in ["from", "commune", "category", "format"] {
            assert!(e.get(field).is_some(), "{field}: {e:?}");
        }
    }

    #[test]
    fn csv_fields_survive_a_spreadsheet() {
        assert_eq!(csv_field("Courses"), "Courses");
        assert_eq!(csv_field("Pain; lait"), "\"Pain; lait\"");
        assert_eq!(csv_field("Il a dit \"merci\""), "\"Il a dit \"\"merci\"\"\"");
        assert_eq!(csv_field("deux\nlignes"), "\"deux\nlignes\"");
        assert_eq!(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(csv_field("-2+3"), "'-2+3");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-7.35"), "-7.35");
        assert_eq!(csv_line(&["a", "b;c"]), "a;\"b;c\"\r\n");
    }
}
