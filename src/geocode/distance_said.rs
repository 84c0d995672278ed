//! Picks, among a name's homonyms, the one that lies at the distance the text says: "entre
//! Sébabougou et Kwala, à 188 km environ de Bamako" is the Sébabougou about 188 km from
//! Bamako, not the one on its outskirts that other towns of the article would favour.
//!
//! It only re-ranks candidates the geocoder already scored; it finds no names and moves no
//! points (`heading` aims distances afterwards).

use super::Resolved;
use crate::model::{LatLon, distance_km};

/// How far back (bytes) from the reference town the named places may stand: one clause.
const CLAUSE_WINDOW: usize = 160;

/// How far the press's distance may be from the great-circle one: rounding, and roads.
fn slack_km(said: f64) -> f64 {
    (0.3 * said).max(20.0)
}

/// How much longer than the straight line a road may run: "à 95 km de Mopti" by the road
/// through the delta is 60 km as the crow flies.
const ROAD_DETOUR: f64 = 1.6;

/// Whether a point `km` away from the reference town (great circle) fits the distance said:
/// about as far, or nearer by no more than a road's detour.
fn fits_the_distance(km: f64, said: f64) -> bool {
    km <= said + slack_km(said) && km >= (said - slack_km(said)).min(said / ROAD_DETOUR)
}

/// For each place named in the clause before "à N km de R" (with nothing in between that
/// ends a clause), the candidate to take instead of the geocoder's best: the best-scored one
/// at about N km from R, when the best is not. Returns (index in `resolved`, index in its
/// candidates).
pub fn homonyms_at_the_distance_said(text: &str, resolved: &[Resolved]) -> Vec<(usize, usize)> {
    let mut picks = Vec::new();
    for reference in resolved {
        let (Some(said), Some(town)) = (reference.reference_km, reference.candidates.first())
        else {
            continue;
        };
        let from = LatLon::new(town.lat, town.lon);
        let start = reference.place.span[0];
        for (i, r) in resolved.iter().enumerate() {
            let end = r.place.span[1];
            if end > start
                || start - end > CLAUSE_WINDOW
                || r.context
                || r.reference_km.is_some()
                || r.candidates.len() < 2
                || text
                    .get(end..start)
                    .is_none_or(|gap| gap.contains(['.', ';', '!', '?', '\n']))
            {
                continue;
            }
            let fits = |c: &super::Candidate| {
                fits_the_distance(distance_km(from, LatLon::new(c.lat, c.lon)), said)
            };
            if fits(&r.candidates[0]) {
                continue;
            }
            // Candidates are sorted best first. A spelling guess is not the name written, and
            // a well or a hill of that name is no town.
            let exact = |c: &super::Candidate| {
                c.feature_code.starts_with("PPL")
                    && !c.parts.iter().any(|(p, _)| *p == "edit distance")
            };
            if let Some(k) = r
                .candidates
                .iter()
                .position(|c| c.country == "ML" && exact(c) && fits(c))
            {
                picks.push((i, k));
            }
        }
    }
    picks
}

/// "… à Tafa Sirga (headline). … à Tafa Sirga, village situé à 45 km de Kayes": the
/// article's other mentions of a name placed by its distance are that same village. Returns
/// (index in `resolved`, index in its candidates) for each of them, as
/// [`homonyms_at_the_distance_said`] does.
pub fn same_name_as_a_pick(resolved: &[Resolved], picks: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut more = Vec::new();
    for &(i, k) in picks {
        let Some(chosen) = resolved[i].candidates.get(k) else {
            continue;
        };
        let key = crate::text::fold_key(&resolved[i].place.mention);
        for (j, r) in resolved.iter().enumerate() {
            // (A seat named elsewhere in the article stays: "la ville de Banamba" is the
            // cercle's seat, whatever homonym lies nearer the distance said by road.)
            if j == i
                || picks.iter().any(|&(p, _)| p == j)
                || r.context
                || crate::text::fold_key(&r.place.mention) != key
                || r.candidates
                    .first()
                    .is_some_and(|c| matches!(c.feature_code.as_str(), "PPLC" | "PPLA" | "PPLA2"))
            {
                continue;
            }
            if let Some(kj) = r
                .candidates
                .iter()
                .position(|c| c.geonameid == chosen.geonameid)
                .filter(|&kj| kj > 0)
            {
                more.push((j, kj));
            }
        }
    }
    more
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geocode::{Candidate, PlaceMatch, Precision};

    fn resolved(span: [usize; 2], points: &[(f64, f64)], reference_km: Option<f64>) -> Resolved {
        let candidates: Vec<Candidate> = points
            .iter()
            .map(|&(lat, lon)| Candidate {
                geonameid: 1,
                name: "x".into(),
                feature_code: "PPL".into(),
                country: "ML".into(),
                admin1: None,
                lat,
                lon,
                score: 1.0,
                parts: Vec::new(),
            })
            .collect();
        Resolved {
            place: PlaceMatch {
                mention: "x".into(),
                span,
                name: "x".into(),
                geonameid: Some(1),
                lat: Some(points[0].0),
                lon: Some(points[0].1),
                admin1: None,
                admin2: None,
                admin1_2023: None,
                precision: Precision::Locality,
            },
            candidates,
            context: false,
            reference_km,
        }
    }

    #[test]
    fn the_homonym_at_the_distance_said_is_taken() {
        let text = "une embuscade entre Bougou et Kwala, à 190 km de Bamako. Puis à Bougou.";
        let bamako = (12.65, -8.0);
        // Bougou's best candidate is 47 km from Bamako; its second one about 190 km.
        let bougou = [(13.07, -8.38), (14.37, -8.21)];
        let v = vec![
            resolved([20, 26], &bougou, None),
            resolved([30, 35], &[(14.15, -8.04)], None),
            resolved([47, 53], &[bamako], Some(190.0)),
            resolved([65, 71], &bougou, None),
        ];
        // The second Bougou is in another sentence: left as the geocoder chose.
        assert_eq!(homonyms_at_the_distance_said(text, &v), [(0, 1)]);
        // A best candidate already at that distance stays.
        let v = vec![
            resolved([20, 26], &[(14.37, -8.21), (13.07, -8.38)], None),
            resolved([47, 53], &[bamako], Some(190.0)),
        ];
        assert!(homonyms_at_the_distance_said(text, &v).is_empty());
        // A spelling guess at that distance is not taken.
        let mut v = vec![
            resolved([20, 26], &bougou, None),
            resolved([47, 53], &[bamako], Some(190.0)),
        ];
        v[0].candidates[1].parts.push(("edit distance", -1.0));
        assert!(homonyms_at_the_distance_said(text, &v).is_empty());
        // Nor is a place that is no town.
        let mut v = vec![
            resolved([20, 26], &bougou, None),
            resolved([47, 53], &[bamako], Some(190.0)),
        ];
        v[0].candidates[1].feature_code = "WLL".into();
        assert!(homonyms_at_the_distance_said(text, &v).is_empty());
    }

    #[test]
    fn a_road_distance_fits_a_nearer_homonym() {
        // "à 100 km de Mopti" by the road: 65 km as the crow flies fits, 210 km does not.
        assert!(fits_the_distance(65.0, 100.0));
        assert!(fits_the_distance(125.0, 100.0));
        assert!(!fits_the_distance(210.0, 100.0));
        assert!(!fits_the_distance(50.0, 100.0));
        // A short distance keeps its absolute slack.
        assert!(fits_the_distance(5.0, 20.0));
        let text = "une embuscade près de Dialla, à 100 km de Mopti.";
        let mopti = (14.48, -4.18);
        // Dialla's best candidate is 210 km north of Mopti; its second 65 km.
        let dialla = [(16.37, -4.18), (15.07, -4.18)];
        let v = vec![
            resolved([22, 28], &dialla, None),
            resolved([41, 46], &[mopti], Some(100.0)),
        ];
        assert_eq!(homonyms_at_the_distance_said(text, &v), [(0, 1)]);
    }
}
