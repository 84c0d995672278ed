//! The built-in fallback gazetteer: GeoNames populated places of at least
//! 500 inhabitants in Mali (94) and nearby ones in its neighbours, parsed
//! from the embedded `data/cities.tsv`.
//!
//! It lets the geocoder place towns and recognise foreign cities when the
//! full GeoNames export of Mali has not been downloaded. It is not that
//! export: villages, feature classes other than towns, and admin-2 codes
//! are missing, and every feature code is "PPL".

use std::sync::LazyLock;

use super::ReferenceError;
use crate::datasets::geonames;

const EMBEDDED_CITIES: &str = include_str!("../../data/cities.tsv");

/// One populated place of the fallback gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct FallbackPlace {
    pub geonameid: u64,
    pub name: String,
    pub asciiname: String,
    /// Latin-script alternate names (codes and transliterations left out).
    pub alternate_names: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    pub feature_code: String,
    /// ISO 3166-1 alpha-2 code ("ML").
    pub country: String,
    /// GeoNames admin1 code ("01" is Bamako).
    pub admin1: String,
    pub population: u64,
}

/// The embedded fallback gazetteer (`data/cities.tsv`), parsed once, sorted
/// by geonameid. Empty (never a panic) should the embedded file be broken;
/// the tests check it is not.
pub fn fallback_places() -> &'static [FallbackPlace] {
    static PLACES: LazyLock<Vec<FallbackPlace>> =
        LazyLock::new(|| parse_fallback_places(EMBEDDED_CITIES).unwrap_or_default());
    &PLACES
}

/// Parses the `data/cities.tsv` layout: a header line, then tab-separated
/// geonameid, name, asciiname, alternatenames (comma-joined), latitude,
/// longitude, feature code, country code, admin1 code, population
/// ([`geonames::TOWNS`]); the first bad row is an error.
pub fn parse_fallback_places(text: &str) -> Result<Vec<FallbackPlace>, ReferenceError> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.starts_with("geonameid\t") => {}
        _ => {
            return Err(ReferenceError::Table {
                line: 1,
                reason: "missing header".to_owned(),
            });
        }
    }
    lines
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            parse_row(line).map_err(|reason| ReferenceError::Table {
                line: index + 1,
                reason,
            })
        })
        .collect()
}

/// One row of the table, read with the GeoNames row parser ([`geonames::parse_row`] with the
/// [`geonames::TOWNS`] layout); an empty feature code is a town ("PPL").
fn parse_row(line: &str) -> Result<FallbackPlace, String> {
    let row = geonames::parse_row(line, &geonames::TOWNS)?;
    Ok(FallbackPlace {
        geonameid: row.geonameid,
        name: row.name.to_owned(),
        asciiname: row.asciiname.to_owned(),
        alternate_names: row
            .alternate_names()
            .filter(|alternate| !alternate.is_empty())
            .map(str::to_owned)
            .collect(),
        lat: row.lat,
        lon: row.lon,
        feature_code: if row.code.is_empty() { "PPL" } else { row.code }.to_owned(),
        country: row.country.to_owned(),
        admin1: row.admin1.to_owned(),
        population: row.population()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mali_place(name: &str) -> &'static FallbackPlace {
        fallback_places()
            .iter()
            .find(|place| place.country == "ML" && place.name == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    }

    #[test]
    fn embedded_table_parses_completely() {
        let parsed = parse_fallback_places(EMBEDDED_CITIES).expect("embedded table parses");
        assert_eq!(parsed.len(), EMBEDDED_CITIES.lines().count() - 1);
        assert_eq!(fallback_places().len(), parsed.len());
        assert_eq!(parsed.iter().filter(|p| p.country == "ML").count(), 94);
        assert!(parsed.windows(2).all(|w| w[0].geonameid < w[1].geonameid));
    }

    #[test]
    fn bamako_and_gao_have_correct_coordinates() {
        let bamako = mali_place("Bamako");
        assert!((bamako.lat - 12.65).abs() < 0.1 && (bamako.lon + 8.0).abs() < 0.1);
        assert_eq!(bamako.admin1, "01");
        assert!(bamako.population > 1_000_000);
        let gao = mali_place("Gao");
        assert!((gao.lat - 16.27).abs() < 0.1 && (gao.lon + 0.04).abs() < 0.1);
        assert_eq!(gao.feature_code, "PPL");
    }

    #[test]
    fn timbuktu_carries_its_french_name() {
        let timbuktu = mali_place("Timbuktu");
        assert!(
            timbuktu
                .alternate_names
                .iter()
                .any(|name| name == "Tombouctou")
        );
        // Airport codes are not names.
        assert!(!timbuktu.alternate_names.iter().any(|name| name == "TOM"));
    }

    #[test]
    fn neighbours_are_included() {
        assert!(
            fallback_places()
                .iter()
                .any(|p| p.country == "NE" && p.name == "Niamey")
        );
        assert!(
            fallback_places()
                .iter()
                .any(|p| p.country == "BF" && p.name == "Ouagadougou")
        );
    }

    #[test]
    fn malformed_tables_are_errors_not_panics() {
        let header = "geonameid\tname\tasciiname\talternatenames\tlatitude\tlongitude\tfeature_code\tcountry_code\tadmin1_code\tpopulation\n";
        assert!(parse_fallback_places("").is_err());
        assert!(parse_fallback_places("no header\n").is_err());
        assert_eq!(parse_fallback_places(header).map(|p| p.len()).ok(), Some(0));
        for row in [
            "1\tA\tA\t\t12.0\t-8.0\tPPL\tML\t01",
            "x\tA\tA\t\t12.0\t-8.0\tPPL\tML\t01\t5",
            "1\tA\tA\t\tNaN\t-8.0\tPPL\tML\t01\t5",
            "1\tA\tA\t\t91\t-8.0\tPPL\tML\t01\t5",
            "1\tA\tA\t\t12.0\t-8.0\tPPL\tML\t01\t-5",
            "1\tÉ\tA\t\t12,0\t-8.0\tPPL\tML\t01\t5",
        ] {
            let error = parse_fallback_places(&format!("{header}{row}\n")).expect_err(row);
            assert!(error.to_string().contains("line 2"), "{error}");
        }
        let ok = parse_fallback_places(&format!(
            "{header}7\tNiono\tNiono\tA,,B\t14.25\t-6.0\t\tML\t05\t\n"
        ))
        .expect("valid row");
        assert_eq!(ok[0].alternate_names, ["A", "B"]);
        assert_eq!(ok[0].feature_code, "PPL");
        assert_eq!(ok[0].population, 0);
    }
}
