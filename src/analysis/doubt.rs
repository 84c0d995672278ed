//! How much an extracted incident needs a human look: a small sum of points, one line per
//! reason, so the analyst can see why an incident is doubtful and the review queue can walk
//! incidents from most to least doubtful.
//!
//! | reason | points |
//! |---|---|
//! | warning: the weekday written does not match the date | 2 |
//! | warning: no date in the text, the publication date was used | 2 |
//! | warning: the toll is an outlier | 3 |
//! | place near a town (not the town itself) | 1 |
//! | place known only to the cercle | 2 |
//! | place known only to the region or the country | 3 |
//! | a place found by a fuzzy (misspelt) match | 2 |
//! | conflicting tolls (low ≠ high) | 2 |
//! | no date | 3 |
//! | no place in Mali | 3 |
//! | the toll is far above every other number of the article | 3 |
//!
//! An incident scoring [`DOUBTFUL`] or more is drawn hollow on the map. The score reads only
//! the incident record and its article's text; not here: the review decisions themselves (see
//! `store`), or how the score is drawn (see `ui`).

use crate::corpus::normalize::fold_key;
use crate::extract::numbers::find_quantities;
use crate::incident::{Incident, Precision};

/// From this score on an incident is drawn as doubtful (hollow) on the map.
pub const DOUBTFUL: u32 = 4;

/// A toll at least this large is checked against the article's other numbers.
const UNSUPPORTED_MIN: u32 = 50;
/// ... and is unsupported when more than this many times the largest of them.
const UNSUPPORTED_RATIO: u32 = 10;

/// One reason for doubt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    WeekdayConflict,
    DateFromPublication,
    TollOutlier,
    /// The map point's precision, when coarser than a locality.
    CoarsePlace(Precision),
    FuzzyPlace,
    ConflictingTolls,
    NoDate,
    NoPlace,
    TollUnsupported,
}

impl Reason {
    /// The points this reason adds (see the module's table).
    pub fn points(self) -> u32 {
        match self {
            Reason::WeekdayConflict | Reason::DateFromPublication => 2,
            Reason::TollOutlier => 3,
            Reason::CoarsePlace(Precision::Locality) => 0,
            Reason::CoarsePlace(Precision::NearLocality) => 1,
            Reason::CoarsePlace(Precision::Admin2) => 2,
            Reason::CoarsePlace(_) => 3,
            Reason::FuzzyPlace | Reason::ConflictingTolls => 2,
            Reason::NoDate | Reason::NoPlace | Reason::TollUnsupported => 3,
        }
    }

    /// A short key for the UI's strings (`ui::i18n`).
    pub fn key(self) -> &'static str {
        match self {
            Reason::WeekdayConflict => "doubt_weekday",
            Reason::DateFromPublication => "doubt_publication",
            Reason::TollOutlier => "doubt_outlier",
            Reason::CoarsePlace(Precision::NearLocality) => "doubt_near",
            Reason::CoarsePlace(Precision::Admin2) => "doubt_admin2",
            Reason::CoarsePlace(_) => "doubt_admin1",
            Reason::FuzzyPlace => "doubt_fuzzy",
            Reason::ConflictingTolls => "doubt_tolls",
            Reason::NoDate => "doubt_no_date",
            Reason::NoPlace => "doubt_no_place",
            Reason::TollUnsupported => "doubt_unsupported",
        }
    }
}

/// An incident's doubt: the sum of its reasons' points.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doubt {
    pub score: u32,
    pub reasons: Vec<Reason>,
}

impl Doubt {
    pub fn is_doubtful(&self) -> bool {
        self.score >= DOUBTFUL
    }
}

/// The doubt of `i`, told by the article `text` (when known: the unsupported-toll check needs
/// it).
pub fn doubt(i: &Incident, text: Option<&str>) -> Doubt {
    let mut reasons = Vec::new();
    let warned = |needle: &str| i.warnings.iter().any(|w| w.contains(needle));
    if warned("weekday '") {
        reasons.push(Reason::WeekdayConflict);
    }
    if warned("publication date used") {
        reasons.push(Reason::DateFromPublication);
    }
    if warned("outlier") {
        reasons.push(Reason::TollOutlier);
    }
    match i.location {
        Some(l) if l.precision != Precision::Locality => {
            reasons.push(Reason::CoarsePlace(l.precision))
        }
        Some(_) => {}
        None => reasons.push(Reason::NoPlace),
    }
    if i.places.iter().any(is_fuzzy) {
        reasons.push(Reason::FuzzyPlace);
    }
    if i.fatalities.is_some_and(|t| t.low != t.high) {
        reasons.push(Reason::ConflictingTolls);
    }
    if i.date.is_none() {
        reasons.push(Reason::NoDate);
    }
    if let Some(text) = text
        && toll_unsupported(i, text)
    {
        reasons.push(Reason::TollUnsupported);
    }
    Doubt {
        score: reasons.iter().map(|r| r.points()).sum(),
        reasons,
    }
}

/// A place whose resolved name is a near miss of what the article wrote ("Diallasagou" read
/// as Diallassagou): one to three letters apart once accents and case are folded. A name that
/// differs more is an alternate name (Timbuktu for Tombouctou), not a guess.
fn is_fuzzy(p: &crate::incident::PlaceMatch) -> bool {
    // The geocoder guesses only single unknown words as towns; descriptions of areas ("centre
    // du pays" → Centre du Mali) are resolved by name, never guessed.
    if p.precision > Precision::NearLocality || p.lat.is_none() || p.mention.contains(' ') {
        return false;
    }
    let (a, b) = (fold_key(&p.mention), fold_key(&p.name));
    if a == b || a.contains(&b) || b.contains(&a) {
        return false;
    }
    let d = edit_distance(&a, &b);
    d > 0 && d <= 3 && d * 3 < b.chars().count().max(1)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The death toll is large and more than [`UNSUPPORTED_RATIO`] times every other number of
/// the article (years and the toll's own evidence left out). An article with no other number
/// says nothing either way.
fn toll_unsupported(i: &Incident, text: &str) -> bool {
    let Some(best) = i.fatalities.map(|t| t.best) else {
        return false;
    };
    if best < UNSUPPORTED_MIN {
        return false;
    }
    let toll_spans: Vec<[usize; 2]> = i
        .evidence
        .iter()
        .filter(|e| e.field == "fatalities")
        .map(|e| e.span)
        .collect();
    let others = find_quantities(text)
        .into_iter()
        .filter(|q| !q.vague)
        .filter(|q| {
            !toll_spans
                .iter()
                .any(|s| q.span.start < s[1] && s[0] < q.span.end)
        })
        // A number that reads as a year (1900–2100, in digits) is no count.
        .filter(|q| !(q.range.low == q.range.high && (1900..=2100).contains(&q.range.best)))
        .map(|q| q.range.high)
        .max();
    others.is_some_and(|m| best > UNSUPPORTED_RATIO * m.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::incident;
    use crate::incident::{Evidence, Location, PlaceMatch, TollRange};

    #[test]
    fn a_clean_incident_has_no_doubt() {
        let i = incident("2022-06-18", 14.5, -4.2, 10, 0);
        assert_eq!(doubt(&i, None), Doubt::default());
    }

    #[test]
    fn warnings_add_their_points() {
        let mut i = incident("2022-06-18", 14.5, -4.2, 10, 0);
        i.warnings = vec![
            "weekday 'lundi' does not match 2024-08-07 (a Wednesday)".into(),
            "no date in the text for this incident; publication date used".into(),
            "toll 2000 is an outlier for one attack".into(),
        ];
        let d = doubt(&i, None);
        assert_eq!(
            d.reasons,
            vec![
                Reason::WeekdayConflict,
                Reason::DateFromPublication,
                Reason::TollOutlier
            ]
        );
        assert_eq!(d.score, 2 + 2 + 3);
        assert!(d.is_doubtful());
    }

    #[test]
    fn coarse_or_missing_places_and_dates() {
        let mut i = incident("2022-06-18", 14.5, -4.2, 10, 0);
        i.location = Some(Location {
            lat: 14.5,
            lon: -4.2,
            precision: Precision::Admin2,
        });
        assert_eq!(doubt(&i, None).score, 2);
        i.location.as_mut().unwrap().precision = Precision::NearLocality;
        assert_eq!(doubt(&i, None).score, 1);
        i.location = None;
        i.date = None;
        let d = doubt(&i, None);
        assert_eq!(d.reasons, vec![Reason::NoPlace, Reason::NoDate]);
        assert_eq!(d.score, 6);
    }

    #[test]
    fn fuzzy_places_are_near_misses_not_alternate_names() {
        let mut i = incident("2022-06-18", 14.5, -4.2, 10, 0);
        let place = |mention: &str, name: &str| PlaceMatch {
            mention: mention.into(),
            span: [0, mention.len()],
            name: name.into(),
            geonameid: Some(1),
            lat: Some(14.5),
            lon: Some(-4.2),
            admin1: None,
            admin2: None,
            admin1_2023: None,
            precision: Precision::Locality,
        };
        i.places = vec![place("Diallasagou", "Diallassagou")];
        assert_eq!(doubt(&i, None).reasons, vec![Reason::FuzzyPlace]);
        i.places = vec![place("Timbuktu", "Tombouctou"), place("SÉVARÉ", "Sévaré")];
        assert!(doubt(&i, None).reasons.is_empty());
        let mut area = place("centre du pays", "Centre du Mali");
        area.precision = Precision::Admin1;
        i.places = vec![area];
        assert!(doubt(&i, None).reasons.is_empty());
    }

    #[test]
    fn conflicting_tolls() {
        let mut i = incident("2022-06-18", 14.5, -4.2, 10, 0);
        i.fatalities = Some(TollRange {
            low: 10,
            best: 12,
            high: 15,
        });
        assert_eq!(doubt(&i, None).reasons, vec![Reason::ConflictingTolls]);
    }

    #[test]
    fn a_toll_far_above_the_articles_other_numbers_is_unsupported() {
        let text =
            "Le 3 mars 2023, 12 soldats et 20 civils ont été tués; 2000 morts selon un tweet.";
        let mut i = incident("2023-03-03", 14.5, -4.2, 2000, 0);
        let at = text.find("2000").unwrap();
        i.evidence = vec![Evidence::new("fatalities", text, at..at + 10)];
        assert_eq!(doubt(&i, Some(text)).reasons, vec![Reason::TollUnsupported]);
        // The same toll with a comparable number elsewhere is supported.
        let text2 = "Le 3 mars 2023, 300 soldats et 20 civils ont été tués; 2000 morts au total.";
        let at = text2.find("2000").unwrap();
        i.evidence = vec![Evidence::new("fatalities", text2, at..at + 10)];
        assert!(doubt(&i, Some(text2)).reasons.is_empty());
        // Small tolls are never checked; years are not counts.
        let small = incident("2023-03-03", 14.5, -4.2, 40, 0);
        assert!(doubt(&small, Some("En 2023, 1 mort.")).reasons.is_empty());
    }
}
