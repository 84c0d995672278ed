//! Splits an incident whose toll the text breaks down by place: "un bilan de 26 morts (15 à
//! Kéra, 5 à Dari, 4 à Sama et 2 à Bolé)" tells four attacks, one per village, each with its
//! own dead, not one attack with 26 dead at the first village named. A part keeps only its
//! own village; one the gazetteer lacks keeps the incident's commune or cercle.
//!
//! The split is made only when the parts add up to the incident's toll, so a list of places
//! that merely follows a figure ("26 morts à Kéra et à Dari") is left alone. This module does
//! not find places or figures; it reads those the extractor and the geocoder found.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::corpus::Article;
use crate::extract::numbers::find_quantities;
use crate::incident::{Category, Evidence, Incident, PlaceMatch, Precision, TollRange};
use crate::text::fold_key;

/// How far (bytes) after a toll's evidence its breakdown may run.
const BREAKDOWN_WINDOW: usize = 300;

/// One part of a breakdown: a figure and the place it belongs to.
struct Part {
    dead: u32,
    /// The figure and its place, as written ("15 à Kéra").
    span: Range<usize>,
    /// The place's name as written.
    name: Range<usize>,
}

/// The incident split into one per place when its toll is broken down by place, else
/// itself. (The caller numbers the incidents again.)
pub fn split_by_place(article: &Article, incident: Incident) -> Vec<Incident> {
    match breakdown(&article.text, &incident) {
        Some(parts) => split(&article.text, &incident, &parts),
        None => vec![incident],
    }
}

/// The parts after one of the incident's toll evidences, when they add up to its toll.
fn breakdown(text: &str, incident: &Incident) -> Option<Vec<Part>> {
    let total = incident.fatalities?.best;
    if total < 2 {
        return None;
    }
    incident
        .evidence
        .iter()
        .filter(|e| e.field == "fatalities")
        .find_map(|e| {
            // From the figure itself: "35 morts à Kéra et dix à Dari" is its own breakdown
            // (the total's noun stands between its figure and place, so it is no part).
            let start = e.span[0].min(text.len());
            let mut end = text.floor_char_boundary((e.span[1] + BREAKDOWN_WINDOW).min(text.len()));
            // One sentence: a breakdown sits in brackets or after "dont", never past a full stop
            // outside them.
            if let Some(stop) = text[start..end].find(['.', '\n', ';']) {
                end = start + stop;
            }
            let parts = parts_in(text, start..end);
            (parts.len() >= 2 && parts.iter().map(|p| p.dead).sum::<u32>() == total)
                .then_some(parts)
        })
}

/// "15 à Kéra, 5 à Dari et 2 à Bolé" in `window`: figures each followed by "à" (or "au",
/// "dans") and a capitalised name.
fn parts_in(text: &str, window: Range<usize>) -> Vec<Part> {
    let offset = window.start;
    find_quantities(&text[window.clone()])
        .into_iter()
        .filter(|q| !q.vague && q.range.low == q.range.best && q.range.best == q.range.high)
        .filter_map(|q| {
            let after = offset + q.span.end;
            let name = place_after(text, after, window.end)?;
            Some(Part {
                dead: q.range.best,
                span: offset + q.span.start..name.end,
                name,
            })
        })
        .collect()
}

/// How many words may stand between a part's figure and its place: a victim noun and the
/// verb that kills or finds them ("2 corps ont été retrouvés à Bakal").
const WORDS_BEFORE_PLACE: usize = 4;

/// The capitalised name right after "à", "au" or "dans" (a victim noun and its verb may come
/// first: "15 morts à Kéra", "30 personnes exécutées à Kéra"), or right after "de" ("3 de
/// Sobane", "4 d'Ogossagou"). The name is its capitalised words.
fn place_after(text: &str, from: usize, until: usize) -> Option<Range<usize>> {
    let rest = &text[from..until];
    let mut words = rest.split_inclusive(|c: char| c.is_whitespace());
    let mut consumed = 0;
    let mut skipped = 0;
    loop {
        let word = words.next()?;
        let folded = fold_key(word);
        // "dont 4 d'Ogossagou et 3 de Sobane": the village they were of, right after the
        // figure ("à 8 km de Tessit" is a distance).
        if skipped == 0
            && let Some(name) = ["d'", "d’", "D'", "D’"]
                .iter()
                .find_map(|p| word.strip_prefix(p))
                .filter(|n| n.starts_with(char::is_uppercase))
        {
            consumed += word.len() - name.len();
            break;
        }
        consumed += word.len();
        match folded.trim() {
            "" => continue,
            "a" | "au" | "dans" => break,
            "de" if skipped == 0 => break,
            _ if skipped < WORDS_BEFORE_PLACE && word.trim().chars().all(char::is_alphabetic) => {
                skipped += 1;
            }
            _ => return None,
        }
    }
    let start = from + consumed;
    let name_len = text[start..until]
        .char_indices()
        .find(|(_, c)| matches!(c, ',' | '(' | ')' | ';' | '.'))
        .map_or(until - start, |(i, _)| i);
    let name = text[start..start + name_len].trim_end();
    // Drop a trailing "et": "Dari et 2 à Bolé" stops at the figure anyway.
    let name = name.split(" et ").next().unwrap_or(name).trim_end();
    // "Ombo ont perdu la vie mardi": the name ends before its first lowercase word.
    let name = match name
        .match_indices(' ')
        .find(|(i, _)| name[i + 1..].starts_with(char::is_lowercase))
    {
        Some((i, _)) => &name[..i],
        None => name,
    };
    name.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(start..start + name.len())
}

/// One incident per part: the part's dead, its place when the geocoder resolved it, else the
/// incident's administrative context.
fn split(text: &str, incident: &Incident, parts: &[Part]) -> Vec<Incident> {
    let category = match &incident.killed {
        Some(k) if k.len() == 1 => *k.keys().next().unwrap_or(&Category::Unknown),
        _ => Category::Unknown,
    };
    let context: Vec<PlaceMatch> = incident
        .places
        .iter()
        .filter(|p| matches!(p.precision, Precision::Admin1 | Precision::Admin2))
        .cloned()
        .collect();
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let name = fold_key(&text[part.name.clone()]);
            // The place the geocoder resolved under this name, here or where it was listed.
            let place = incident
                .places
                .iter()
                .filter(|p| !matches!(p.precision, Precision::Admin1 | Precision::Admin2))
                .find(|p| {
                    let m = fold_key(&p.mention);
                    name == m || name.starts_with(&format!("{m} "))
                })
                .cloned();
            // The commune or cercle the text gives may belong to another village of the
            // list, so a part keeps only its own place; one the gazetteer lacks falls back on
            // that administrative context (admin precision says how little it is).
            let places: Vec<PlaceMatch> = match place {
                Some(p) => vec![p],
                None => context.clone(),
            };
            let mut one = incident.clone();
            let dead = TollRange::exact(part.dead);
            one.fatalities = Some(dead);
            one.killed = Some(BTreeMap::from([(category, dead)]));
            one.location = crate::geocode::best_location(&places);
            one.places = places;
            if !one.places.iter().any(|p| fold_key(&p.mention) == name) {
                one.warnings.push(format!(
                    "'{}' is not in the gazetteer: this part is placed by its area only",
                    &text[part.name.clone()]
                ));
            }
            one.evidence = incident
                .evidence
                .iter()
                .filter(|e| e.field != "fatalities" && e.field != "place")
                .cloned()
                .chain(std::iter::once(Evidence::new(
                    "fatalities",
                    text,
                    part.span.clone(),
                )))
                .chain(
                    one.places
                        .iter()
                        .map(|p| Evidence::new("place", text, p.span[0]..p.span[1])),
                )
                .collect();
            if i > 0 {
                // The wounded and captured were counted for the whole; keep them once.
                one.wounded = None;
                one.captured = None;
                one.missing = None;
            }
            one.warnings.push(format!(
                "toll split by place from the breakdown '{}'",
                &text[parts[0].span.start..parts[parts.len() - 1].span.end]
            ));
            one
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (dead, place) parts of the whole `text`.
    fn parts_of(text: &str) -> Vec<(u32, &str)> {
        parts_in(text, 0..text.len())
            .iter()
            .map(|p| (p.dead, &text[p.name.clone()]))
            .collect()
    }

    #[test]
    fn parts_are_figures_followed_by_a_place() {
        let text = "Le bilan est de 9 morts (4 à Kéra, 3 à Dari et 2 morts à Bolé Sud).";
        assert_eq!(parts_of(text), [(4, "Kéra"), (3, "Dari"), (2, "Bolé Sud")]);
    }

    #[test]
    fn a_part_may_say_how_its_dead_were_killed_or_found() {
        let text = "D'après le maire, 11 bergers ont été égorgés à Kéra, 3 corps ont été \
                    repêchés à Dari, 2 à Bolé.";
        assert_eq!(parts_of(text), [(11, "Kéra"), (3, "Dari"), (2, "Bolé")]);
        // A time or a place phrase between figure and town is no part ("dans la nuit").
        let text =
            "Les attaques ont fait 9 morts dans la nuit de lundi à Kéra et 4 blessés à Dari.";
        assert!(parts_in(text, 0..text.len()).len() < 2);
    }

    #[test]
    fn a_part_may_say_which_village_its_dead_were_of() {
        let text = "Sept villageois ont péri, dont 4 d'Ogossagou et 3 de Sobane Da mardi soir.";
        assert_eq!(parts_of(text), [(4, "Ogossagou"), (3, "Sobane Da")]);
        // A unit or a noun phrase after "de" is no village.
        let text = "Sept soldats ont péri, dont 4 de la garde nationale et 3 de nos éléments.";
        assert!(parts_of(text).is_empty());
        let text = "Sept bergers ont péri à Kéra, à 8 km de Dari.";
        assert_eq!(parts_of(text), [(7, "Kéra")]);
    }

    #[test]
    fn a_place_list_after_a_figure_is_no_breakdown() {
        let text = "Des attaques ont fait 12 morts à Kéra et à Dari lundi.";
        assert!(parts_in(text, 0..text.len()).len() < 2);
    }
}
