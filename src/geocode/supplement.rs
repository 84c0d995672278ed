//! The curated supplement: places the news names often that GeoNames lacks, or holds only as
//! a non-settlement feature (Boulkessi, Talataye, Ber as a marsh). Each row of
//! `data/supplement.tsv` gives its coordinates' public source and a confidence; the rows are
//! added to whichever gazetteer is in use (embedded or installed).
//!
//! `data/corrections.tsv` moves the few GeoNames rows whose coordinates are wrong (Tessit's
//! longitude with its sign flipped), each with the evidence.
//!
//! Not here: spellings of places GeoNames has (those are [`super::gazetteer::ALIASES`]).

use super::gazetteer::{Gazetteer, Place, admin1_name};
use crate::corpus::normalize::fold_key;
use crate::model::{LatLon, distance_km};

const SUPPLEMENT_TSV: &str = include_str!("../../data/supplement.tsv");
const CORRECTIONS_TSV: &str = include_str!("../../data/corrections.tsv");
const COLUMNS: usize = 9;

/// Supplement places get ids above every GeoNames id, so they never collide.
const FIRST_ID: u64 = 9_000_000_000;

/// A supplement row is skipped when the gazetteer already holds a populated place of the same
/// name this close (a newer GeoNames dump that added it).
const SAME_PLACE_KM: f64 = 10.0;

/// One curated row.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplementRow {
    pub place: Place,
    /// Where the coordinates come from (a URL, or how they were derived).
    pub source: String,
    /// high, medium or low.
    pub confidence: String,
}

/// The embedded rows. The file is checked by a test, so a bad row is a build-time mistake.
pub fn rows() -> Vec<SupplementRow> {
    parse(SUPPLEMENT_TSV).expect("data/supplement.tsv is valid (checked by tests)")
}

/// Parses the supplement's TSV (header line first).
pub fn parse(text: &str) -> Result<Vec<SupplementRow>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != COLUMNS {
            return Err(format!(
                "supplement.tsv line {}: {} columns, expected {COLUMNS}",
                n + 1,
                f.len()
            ));
        }
        let num = |i: usize| {
            f[i].parse::<f64>()
                .map_err(|_| format!("supplement.tsv line {}: bad number {:?}", n + 1, f[i]))
        };
        let (lat, lon) = (num(2)?, num(3)?);
        let admin1 = admin1_code(f[4])
            .ok_or_else(|| format!("supplement.tsv line {}: unknown region {:?}", n + 1, f[4]))?;
        if !matches!(f[8], "high" | "medium" | "low") {
            return Err(format!(
                "supplement.tsv line {}: confidence {:?} is not high, medium or low",
                n + 1,
                f[8]
            ));
        }
        out.push(SupplementRow {
            place: Place {
                geonameid: FIRST_ID + out.len() as u64,
                name: f[0].to_string(),
                asciiname: fold_key(f[0]),
                alternate_names: f[1]
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                lat,
                lon,
                // Localities for the geocoder, whatever their GeoNames-style code says.
                feature_class: 'P',
                feature_code: f[6].to_string(),
                country: "ML".to_string(),
                admin1: admin1.to_string(),
                admin2: String::new(),
                population: 0,
            },
            source: f[7].to_string(),
            confidence: f[8].to_string(),
        });
    }
    Ok(out)
}

/// A GeoNames row moved to the point its evidence gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub geonameid: u64,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub source: String,
}

/// The embedded corrections (checked by a test).
pub fn corrections() -> Vec<Correction> {
    parse_corrections(CORRECTIONS_TSV).expect("data/corrections.tsv is valid (checked by tests)")
}

/// Parses the corrections' TSV (header line first): geonameid, name, lat, lon, source.
pub fn parse_corrections(text: &str) -> Result<Vec<Correction>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [id, name, lat, lon, source] = f[..] else {
            return Err(format!(
                "corrections.tsv line {}: {} columns, expected 5",
                n + 1,
                f.len()
            ));
        };
        let bad = |what: &str, v: &str| format!("corrections.tsv line {}: bad {what} {v:?}", n + 1);
        out.push(Correction {
            geonameid: id.parse().map_err(|_| bad("id", id))?,
            name: name.to_string(),
            lat: lat.parse().map_err(|_| bad("number", lat))?,
            lon: lon.parse().map_err(|_| bad("number", lon))?,
            source: source.to_string(),
        });
    }
    Ok(out)
}

fn admin1_code(name: &str) -> Option<&'static str> {
    [
        "01", "03", "04", "05", "06", "07", "08", "09", "10", "12070575", "12070577",
    ]
    .into_iter()
    .find(|c| admin1_name(c).is_some_and(|n| fold_key(n) == fold_key(name)))
}

/// `gazetteer` with the supplement rows it lacks; the count of rows added. A gazetteer of
/// Mali alone (a GeoNames `ML.txt`) also gets the neighbours' towns of the embedded list, so
/// that "Kidira" beside Diboli stays Senegalese whichever gazetteer is in use.
pub fn supplement(gazetteer: Gazetteer) -> (Gazetteer, usize) {
    let neighbours: Vec<Place> = if gazetteer.places().iter().any(|p| p.country != "ML") {
        Vec::new()
    } else {
        Gazetteer::fallback()
            .places()
            .iter()
            .filter(|p| p.country != "ML")
            .cloned()
            .collect()
    };
    let moves: Vec<(u64, f64, f64)> = corrections()
        .iter()
        .map(|c| (c.geonameid, c.lat, c.lon))
        .collect();
    let (gazetteer, _) = gazetteer.with_moved_places(&moves);
    let gazetteer = gazetteer.with_extra_places(neighbours);
    let extra: Vec<Place> = rows()
        .into_iter()
        .map(|r| r.place)
        .filter(|p| {
            !gazetteer.lookup(&fold_key(&p.name)).iter().any(|&i| {
                let q = gazetteer.place(i);
                q.feature_class == 'P'
                    && distance_km(LatLon::new(q.lat, q.lon), LatLon::new(p.lat, p.lon))
                        < SAME_PLACE_KM
            })
        })
        .collect();
    let n = extra.len();
    (gazetteer.with_extra_places(extra), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses_with_a_source_and_lies_in_mali() {
        let rows = rows();
        assert!(rows.len() >= 5);
        for r in &rows {
            assert!(!r.source.is_empty(), "{}", r.place.name);
            assert!(
                (10.0..=25.1).contains(&r.place.lat) && (-12.3..=4.3).contains(&r.place.lon),
                "{} outside Mali",
                r.place.name
            );
        }
    }

    #[test]
    fn corrections_move_geonames_rows_to_their_evidence() {
        let fixes = corrections();
        assert!(!fixes.is_empty());
        for c in &fixes {
            assert!(!c.source.is_empty(), "{}", c.name);
            assert!((10.0..=25.1).contains(&c.lat) && (-12.3..=4.3).contains(&c.lon));
        }
        let (g, _) = supplement(Gazetteer::embedded().expect("embedded gazetteer"));
        let ids = g.lookup(&fold_key("Tessit"));
        let tessit = ids
            .iter()
            .map(|&i| g.place(i))
            .find(|p| p.geonameid == 10343856)
            .expect("Tessit's GeoNames row");
        assert!(tessit.lon > 0.0, "{tessit:?}");
        let e = parse_corrections("h\n1\tX\tnord\t1\tsrc\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("bad number"), "{e}");
        let e = parse_corrections("h\n1\tX\t1\n").unwrap_err();
        assert!(e.contains("columns"), "{e}");
    }

    #[test]
    fn bad_rows_are_named() {
        let head =
            "name\talternate_names\tlat\tlon\tadmin1\tcercle\tfeature_code\tsource\tconfidence\n";
        let e = parse(&format!("{head}X\t\tnord\t1\tGao\tGao\tPPL\tsrc\thigh\n")).unwrap_err();
        assert!(e.contains("line 2") && e.contains("bad number"), "{e}");
        let e = parse(&format!(
            "{head}X\t\t16\t1\tAtlantide\tGao\tPPL\tsrc\thigh\n"
        ))
        .unwrap_err();
        assert!(e.contains("unknown region"), "{e}");
    }

    #[test]
    fn the_supplement_resolves_names_geonames_lacks() {
        let (g, added) = supplement(Gazetteer::fallback());
        assert!(added >= 5);
        for name in ["Boulkessi", "Boulikessi", "Talataye", "Moura"] {
            let ids = g.lookup(&fold_key(name));
            assert!(!ids.is_empty(), "{name}");
            assert!(g.place(ids[0]).geonameid >= FIRST_ID);
        }
        // Applying it twice adds nothing the second time.
        let (_, again) = supplement(g);
        assert_eq!(again, 0);
    }
}
