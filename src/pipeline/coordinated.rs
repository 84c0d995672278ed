//! Splits an incident told as attacks on several towns at once: "des attaques coordonnées
//! contre les positions de l'armée dans sept localités : Niono, Molodo, Sandaré, Diboli et
//! Kayes" tells one attack per town, hundreds of kilometres apart, not one attack at the first
//! town named. Each part keeps its own town (and the sentences' other facts: day, actors).
//!
//! The split is made only when the text says the attacks were several ("coordonnées",
//! "simultanées", "localités") right before a list of at least three towns, the towns lie far
//! apart, and no figure was given (none, or no death): a toll over a list ("32 morts dans les villages de A, B et
//! C") cannot be shared out, and villages of one massacre lie close together. This module does
//! not find places; it reads those the geocoder resolved.

use std::ops::Range;

use crate::corpus::Article;
use crate::incident::{Evidence, Incident, PlaceMatch, Precision};
use crate::model::{LatLon, distance_km};
use crate::text::fold_key;

/// Towns of the list must be at least this many, and spread farther than
/// [`COORDINATED_SPREAD_KM`], for the attacks to be told apart.
const COORDINATED_TOWNS: usize = 3;

/// Two towns of the list this far apart are two attacks (villages of one massacre lie closer).
const COORDINATED_SPREAD_KM: f64 = 50.0;

/// How far (bytes) before the list its cue may stand ("attaques coordonnées … dans sept
/// localités de l'ouest du pays :").
const CUE_WINDOW: usize = 200;

/// Words that say the attacks on the listed towns were several and at once (folded).
const COORDINATED: [&str; 6] = [
    "coordonnee",
    "simultane",
    "localites",
    "plusieurs villes",
    "plusieurs sites",
    "differentes villes",
];

/// The incident split into one per town when it is told as coordinated attacks on listed
/// towns, else itself. (The caller numbers the incidents again.)
pub fn split_coordinated(article: &Article, incident: Incident) -> Vec<Incident> {
    match listed_towns(&article.text, &incident) {
        Some(towns) => split(&article.text, &incident, &towns),
        None => vec![incident],
    }
}

/// The towns (each the indices of its mentions among the incident's places) of a list of
/// coordinated attacks in the incident's text, when the split applies.
fn listed_towns(text: &str, incident: &Incident) -> Option<Vec<Vec<usize>>> {
    // (No death said is no figure to share out.)
    if incident.fatalities.is_some_and(|t| t.high > 0)
        || incident.wounded.is_some()
        || incident.captured.is_some()
        || incident.missing.is_some()
    {
        return None;
    }
    let mut towns: Vec<usize> = (0..incident.places.len())
        .filter(|&i| {
            let p = &incident.places[i];
            p.precision == Precision::Locality && p.lat.is_some() && p.lon.is_some()
        })
        .collect();
    towns.sort_by_key(|&i| incident.places[i].span[0]);
    let list = list_runs(text, &incident.places, &towns)
        .into_iter()
        .find(|run| {
            let first = incident.places[run[0]].span[0];
            run.len() >= COORDINATED_TOWNS
                && says_coordinated(text, first)
                && spread_farther(&incident.places, run, COORDINATED_SPREAD_KM)
        })?;
    // One part per town of the list, with every mention of it in the incident.
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for &i in &list {
        if parts
            .iter()
            .any(|part| same_town(&incident.places[part[0]], &incident.places[i]))
        {
            continue;
        }
        parts.push(
            towns
                .iter()
                .copied()
                .filter(|&j| same_town(&incident.places[i], &incident.places[j]))
                .collect(),
        );
    }
    (parts.len() >= COORDINATED_TOWNS).then_some(parts)
}

/// Runs of towns named one after the other with only list separators between them ("Niono,
/// Molodo, Sandaré et Kayes", "à Niono, à Molodo et à Kayes").
fn list_runs(text: &str, places: &[PlaceMatch], towns: &[usize]) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &i in towns {
        let joined = runs.last().and_then(|run| run.last()).is_some_and(|&prev| {
            let (end, start) = (places[prev].span[1], places[i].span[0]);
            start >= end && text.get(end..start).is_some_and(only_separators)
        });
        match runs.last_mut() {
            Some(run) if joined => run.push(i),
            _ => runs.push(vec![i]),
        }
    }
    runs
}

/// ", ", " et ", ", à ", " et de ": what stands between two towns of a list.
fn only_separators(gap: &str) -> bool {
    gap.len() <= 12
        && fold_key(gap)
            .split(' ')
            .all(|w| matches!(w, "" | "et" | "a" | "de" | "d" | "ou"))
}

/// The words before `at` say the attacks were several, at once.
fn says_coordinated(text: &str, at: usize) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(CUE_WINDOW));
    let before = fold_key(&text[from..at]);
    COORDINATED.iter().any(|cue| before.contains(cue))
}

/// Some two towns of `run` lie farther apart than `km`.
fn spread_farther(places: &[PlaceMatch], run: &[usize], km: f64) -> bool {
    let point = |i: usize| LatLon::new(places[i].lat.unwrap_or(0.0), places[i].lon.unwrap_or(0.0));
    run.iter().enumerate().any(|(k, &a)| {
        run[k + 1..]
            .iter()
            .any(|&b| distance_km(point(a), point(b)) > km)
    })
}

/// Two mentions of one town: the same gazetteer row, else the same point.
fn same_town(a: &PlaceMatch, b: &PlaceMatch) -> bool {
    match (a.geonameid, b.geonameid) {
        (Some(x), Some(y)) => x == y,
        _ => a.lat == b.lat && a.lon == b.lon,
    }
}

/// One incident per town: its mentions only, and the incident's other evidence.
fn split(text: &str, incident: &Incident, parts: &[Vec<usize>]) -> Vec<Incident> {
    let list: Range<usize> = {
        let spans = parts.iter().flatten().map(|&i| incident.places[i].span);
        let start = spans.clone().map(|s| s[0]).min().unwrap_or(0);
        let end = spans.map(|s| s[1]).max().unwrap_or(start);
        start..end
    };
    parts
        .iter()
        .map(|part| {
            let mut one = incident.clone();
            one.places = part.iter().map(|&i| incident.places[i].clone()).collect();
            one.location = crate::geocode::best_location(&one.places);
            one.evidence = incident
                .evidence
                .iter()
                .filter(|e| e.field != "place")
                .cloned()
                .chain(
                    one.places
                        .iter()
                        .map(|p| Evidence::new("place", text, p.span[0]..p.span[1])),
                )
                .collect();
            one.evidence.sort_by_key(|e| (e.span[0], e.span[1]));
            one.warnings.push(format!(
                "one of coordinated attacks on the towns listed in '{}'",
                &text[list.clone()]
            ));
            one
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_of_a_list() {
        assert!(only_separators(", "));
        assert!(only_separators(" et "));
        assert!(only_separators(", à "));
        assert!(only_separators(" et de "));
        assert!(!only_separators(", près de "));
        assert!(!only_separators(" puis, deux jours plus tard, "));
    }

    #[test]
    fn cues_of_coordinated_attacks() {
        let text = "Des attaques simultanées ont visé mardi les camps de Kati, Kolokani et Ségou.";
        assert!(says_coordinated(text, text.find("Kati").unwrap()));
        let text = "Des hommes armés ont attaqué mardi les villages de Kati, Kolokani et Ségou.";
        assert!(!says_coordinated(text, text.find("Kati").unwrap()));
    }
}
