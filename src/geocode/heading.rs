//! Aims a distance that has no compass bearing: "à 15 km d'Aguelhok, en direction de Tessalit"
//! and "sur la route Ansongo-Ménaka, à 110 km d'Ansongo" put the event 15 km from Aguelhok
//! toward Tessalit and 110 km from Ansongo toward Ménaka.
//!
//! The town the text aims at is then a direction, not a place of the event. This module only
//! moves resolved points and marks them as context; it finds no names and chooses no
//! candidates (`mentions` and the geocoder do).

use super::Resolved;
use super::mentions::Mention;
use crate::model::{LatLon, distance_km};
use crate::text::fold_key;

/// How far (bytes) the aim may be from the distance's town: one clause.
const AIM_WINDOW: usize = 120;

/// Initial great-circle bearing from `from` to `to`, in degrees clockwise from north.
pub fn initial_bearing(from: LatLon, to: LatLon) -> f64 {
    let (la1, la2) = (from.lat.to_radians(), to.lat.to_radians());
    let dlon = (to.lon - from.lon).to_radians();
    let y = dlon.sin() * la2.cos();
    let x = la1.cos() * la2.sin() - la1.sin() * la2.cos() * dlon.cos();
    (y.atan2(x).to_degrees() + 360.0) % 360.0
}

/// What a mention says about direction: aimed at ("en direction de X") or one end of a road
/// ("la route X-Y", "l'axe X-Y", "le tronçon X-Y", "la route reliant X à Y"). `road_start` is
/// where the near end of a road still waiting for its far end starts; `previous` is the mention
/// before and its aim, for the far end glued by a hyphen ("Ansongo-Ménaka").
fn aim_of(
    text: &str,
    m: &Mention,
    road_start: Option<usize>,
    previous: Option<(&Mention, Option<Aim>)>,
) -> Option<Aim> {
    let before_start = text.floor_char_boundary(m.span.start.saturating_sub(40));
    let before = fold_key(&text[before_start..m.span.start]);
    let before = without_place_noun(before.trim_end());
    // "à 37 km de Boni vers Douentza".
    if before.ends_with("direction de")
        || before.ends_with("direction d")
        || before == "vers"
        || before.ends_with(" vers")
    {
        return Some(Aim::Toward);
    }
    let names_road = |b: &str| ROAD_NOUNS.iter().any(|n| b.ends_with(n));
    let linked_road = || {
        std::iter::once("de")
            .chain(ROAD_LINKS.iter().copied())
            .filter_map(|l| before.strip_suffix(l))
            .any(|rest| rest.ends_with(' ') && names_road(rest.trim_end()))
    };
    // "entre Nampala et Diabaly": two towns that bound the event's stretch, like a road.
    let bare_pair = before == "entre" || before.ends_with(" entre");
    if names_road(before) || linked_road() || bare_pair {
        return Some(Aim::RoadEnd);
    }
    let glued = previous.is_some_and(|(p, aim)| {
        let gap = &text[p.span.end.min(m.span.start)..m.span.start];
        matches!(gap.trim(), "-" | "–") && aim == Some(Aim::RoadEnd)
    });
    // "la route reliant Ansongo (au sud-est de Gao) à Ménaka": the far end after "à"/"et",
    // in the same clause as the near end.
    let linked = road_start.is_some_and(|start| {
        start < m.span.start
            && m.span.start - start <= AIM_WINDOW
            && !text[start..m.span.start].contains(['.', ';'])
            && (before.ends_with(" a") || before.ends_with(" et"))
    });
    (glued || linked).then_some(Aim::RoadEnd)
}

/// "entre Sebabougou et Kwala", with no road noun before "entre": two villages that bound the
/// event's stretch, its own places (the mention starts at `start`).
fn bounds_a_stretch(text: &str, start: usize) -> bool {
    let from = text.floor_char_boundary(start.saturating_sub(AIM_WINDOW));
    let before = fold_key(&text[from..start]);
    let Some(at) = before.rfind("entre") else {
        return false;
    };
    let (head, tail) = (
        before[..at].trim_end(),
        without_place_noun(before[at + "entre".len()..].trim()),
    );
    let one_end_before = tail.is_empty() || tail.ends_with(" et") && !tail.contains(['.', ';']);
    one_end_before && !ROAD_NOUNS.iter().any(|n| head.ends_with(n))
}

/// `before` (folded) without the noun that introduces the next name: "entre le cercle de" is
/// "entre", "et le village de" is "et". "entre le cercle de Kolokani et le village de
/// Tiémabougou" bounds a stretch as "entre Kolokani et Tiémabougou" does.
fn without_place_noun(before: &str) -> &str {
    let Some(rest) = before
        .strip_suffix(" de")
        .or_else(|| before.strip_suffix(" d"))
        .or_else(|| before.strip_suffix(" des"))
    else {
        return before;
    };
    // "entre les villages de A et de B": the second bound after its own "de".
    if rest == "et" || rest.ends_with(" et") {
        return rest;
    }
    let Some(rest) = PLACE_NOUNS.iter().find_map(|n| {
        rest.strip_suffix(n)
            .filter(|r| r.is_empty() || r.ends_with(' '))
    }) else {
        return before;
    };
    let rest = rest.trim_end();
    ["le", "la", "les", "l"]
        .iter()
        .find_map(|a| {
            rest.strip_suffix(a)
                .filter(|r| r.is_empty() || r.ends_with(' '))
        })
        .map_or(rest, str::trim_end)
}

/// Nouns of a settlement or an administrative area (folded) that may open a bound of a stretch.
const PLACE_NOUNS: &[&str] = &[
    "cercle", "commune", "village", "villages", "localite", "ville", "hameau",
];

/// Nouns of a road (folded), before its ends or a journey along it.
pub(super) const ROAD_NOUNS: &[&str] = &["route", "axe", "troncon", "axe routier", "piste"];

/// Words between a road noun and its near end: "la route reliant X à Y", "l'axe entre X et Y".
const ROAD_LINKS: &[&str] = &[
    "reliant",
    "qui relie",
    "qui reliait",
    "entre",
    "allant de",
    "de liaison entre",
    // "sur la route menant à Douentza": the far end, told alone.
    "menant a",
    "menant vers",
    "qui mene a",
    "qui mene vers",
    "conduisant a",
    "qui conduit a",
    "allant a",
    "allant vers",
];

/// How far back (bytes) a road named in an earlier sentence still aims a distance from one of
/// its ends: a paragraph.
const ROAD_MEMORY: usize = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aim {
    Toward,
    RoadEnd,
}

/// Moves every resolved distance place without a bearing ("à 15 km de X") toward the town
/// the same clause aims at, and marks the aimed town as context. `mentions` are the article's
/// mentions in text order; `resolved` holds the places resolved from them.
pub fn aim_distances(text: &str, mentions: &[Mention], resolved: &mut [Resolved]) {
    let mut aims: Vec<(usize, Aim)> = Vec::new();
    // Roads as (near end, far end) starts: "Ansongo-Ménaka", "reliant Ansongo à Ménaka".
    let mut roads: Vec<(usize, usize)> = Vec::new();
    let mut previous: Option<(&Mention, Option<Aim>)> = None;
    let mut road_start: Option<usize> = None;
    for m in mentions {
        let aim = aim_of(text, m, road_start, previous);
        if let Some(aim) = aim {
            aims.push((m.span.start, aim));
        }
        if aim == Some(Aim::RoadEnd) {
            match road_start {
                Some(start)
                    if start != m.span.start && roads.last().is_none_or(|r| r.0 != start) =>
                {
                    roads.push((start, m.span.start));
                    road_start = None;
                }
                _ => road_start = Some(m.span.start),
            }
        } else if road_start.is_some_and(|s| m.span.start - s > AIM_WINDOW) {
            road_start = None;
        }
        previous = Some((m, aim));
    }
    let at = |resolved: &[Resolved], start: usize| {
        resolved.iter().position(|r| r.place.span[0] == start)
    };
    drop_outer_pairs(&roads, resolved, at);
    drop_glued_road_ends(text, mentions, resolved, at);
    if aims.is_empty() && !mentions.iter().any(|m| m.qualifier.direction_only) {
        return;
    }
    for m in mentions {
        let Some(km) = m.qualifier.distance_km else {
            continue;
        };
        let Some(ri) = at(resolved, m.span.start) else {
            continue;
        };
        // "sur la route de Goundam, à 15 km à l'ouest de Tombouctou", "à 20 km d'Indelimane,
        // sur l'axe Ansongo-Ménaka": the distance puts the event on the road; the road's ends
        // named in its clause are no place of it.
        for &(start, aim) in &aims {
            if aim == Aim::RoadEnd
                && start.abs_diff(m.span.start) <= AIM_WINDOW
                && !text[m.span.start.min(start)..m.span.start.max(start)].contains(['.', ';'])
                && !bounds_a_stretch(text, start)
                && let Some(ei) = at(resolved, start)
                && resolved[ei].place.name != resolved[ri].place.name
            {
                resolved[ei].context = true;
            }
        }
        // "sur l'axe Diabaly-Nampala. … à 32 km au nord-est de Diabaly": the event is on the
        // road, where the distance puts it; neither end of the road is its place.
        if let Some(&(a, b)) = roads.iter().rev().find(|&&(near, _)| {
            near < m.span.start
                && m.span.start - near <= ROAD_MEMORY
                && text[near..m.span.start].matches('.').count() <= 1
        }) && let (Some(ai), Some(bi)) = (at(resolved, a), at(resolved, b))
            && [ai, bi]
                .iter()
                .any(|&e| e != ri && resolved[e].place.name == resolved[ri].place.name)
        {
            resolved[ai].context = true;
            resolved[bi].context = true;
        }
        if m.qualifier.bearing.is_some() {
            continue;
        }
        let (Some(lat), Some(lon)) = (resolved[ri].place.lat, resolved[ri].place.lon) else {
            continue;
        };
        let from = LatLon::new(lat, lon);
        // "à 45 km de la ville de Ménaka, … situé à l'ouest de Ménaka": the bearing comes
        // after, said of the same town.
        if let Some((di, bearing)) = bearing_said_after(text, mentions, m, resolved, at, ri) {
            let (la, lo) = super::offset(lat, lon, km, bearing);
            resolved[ri].place.lat = Some(la);
            resolved[ri].place.lon = Some(lo);
            resolved[di].context = true;
            continue;
        }
        // The nearest aim in the clause, before or after the distance, that is another town.
        // Bounds of a stretch ("entre A et B, à 7 km de C") aim nothing: they are the event's
        // places, and a distance from one of them is aimed at the other by its road below.
        let target = aims
            .iter()
            .filter(|(start, _)| start.abs_diff(m.span.start) <= AIM_WINDOW)
            .filter(|(start, aim)| *aim != Aim::RoadEnd || !bounds_a_stretch(text, *start))
            .filter(|(start, _)| {
                !text[m.span.start.min(*start)..m.span.start.max(*start)].contains(['.', ';'])
            })
            .filter_map(|(start, aim)| at(resolved, *start).map(|ti| (ti, *aim, *start)))
            .filter(|(ti, _, _)| {
                let t = &resolved[*ti].place;
                t.name != resolved[ri].place.name
                    && t.lat
                        .zip(t.lon)
                        .is_some_and(|(la, lo)| distance_km(from, LatLon::new(la, lo)) > 1.0)
            })
            .min_by_key(|(_, _, start)| start.abs_diff(m.span.start));
        // "… sur la route reliant Ansongo à Ménaka. … à 110 km d'Ansongo": a road named
        // earlier in the paragraph, with the distance's town at one end, aims it at the other.
        let target = target.or_else(|| {
            let name = &resolved[ri].place.name;
            roads
                .iter()
                .rev()
                .filter(|(near, _)| *near < m.span.start && m.span.start - near <= ROAD_MEMORY)
                .find_map(|&(a, b)| {
                    let (ai, bi) = (at(resolved, a)?, at(resolved, b)?);
                    let (na, nb) = (&resolved[ai].place.name, &resolved[bi].place.name);
                    if na == name && nb != name {
                        Some((bi, Aim::RoadEnd, b))
                    } else if nb == name && na != name {
                        Some((ai, Aim::RoadEnd, a))
                    } else {
                        None
                    }
                })
        });
        let Some((ti, aim, _)) = target else {
            continue;
        };
        let (Some(tlat), Some(tlon)) = (resolved[ti].place.lat, resolved[ti].place.lon) else {
            continue;
        };
        let bearing = initial_bearing(from, LatLon::new(tlat, tlon));
        let (la, lo) = super::offset(lat, lon, km, bearing);
        resolved[ri].place.lat = Some(la);
        resolved[ri].place.lon = Some(lo);
        resolved[ti].context = true;
        // "la route Ansongo-Ménaka, à 110 km d'Ansongo": the road's near end named as a
        // place says less than the distance from it.
        if aim == Aim::RoadEnd {
            let name = resolved[ri].place.name.clone();
            for (start, a) in &aims {
                if *a == Aim::RoadEnd
                    && start.abs_diff(m.span.start) <= AIM_WINDOW
                    && let Some(other) = at(resolved, *start)
                    && other != ri
                    && resolved[other].place.name == name
                {
                    resolved[other].context = true;
                }
            }
            // "la route reliant Tombouctou à Goundam … à 35 km de Tombouctou": so does that
            // end named with its road in an earlier sentence.
            for &(a, b) in &roads {
                for end in [a, b] {
                    if end < m.span.start
                        && m.span.start - end <= ROAD_MEMORY
                        && let Some(other) = at(resolved, end)
                        && other != ri
                        && resolved[other].place.name == name
                    {
                        resolved[other].context = true;
                    }
                }
            }
        }
    }
}

/// The later "à l'ouest de X" of a distance's town X in the same clause: that mention's index
/// in `resolved`, and its bearing.
fn bearing_said_after(
    text: &str,
    mentions: &[Mention],
    m: &Mention,
    resolved: &[Resolved],
    at: impl Fn(&[Resolved], usize) -> Option<usize>,
    ri: usize,
) -> Option<(usize, f64)> {
    let later = &mentions[mentions.partition_point(|n| n.span.start <= m.span.start)..];
    later
        .iter()
        .take_while(|n| {
            n.span.start - m.span.end <= AIM_WINDOW
                && !text[m.span.end..n.span.start].contains(['.', ';'])
        })
        .find_map(|n| {
            let bearing = n.qualifier.bearing.filter(|_| n.qualifier.direction_only)?;
            let di = at(resolved, n.span.start)?;
            (resolved[di].place.name == resolved[ri].place.name).then_some((di, bearing))
        })
}

/// "sur la RN6, entre Sévaré et San, plus précisément entre Yagara et Téné"; a lead's
/// "entre Konna et Douentza", then "entre Bima et Batouma" in the body: a later pair whose
/// towns both lie along the first narrows it, and the first pair's towns are then the ends of
/// a long road, not the event's place.
fn drop_outer_pairs(
    roads: &[(usize, usize)],
    resolved: &mut [Resolved],
    at: impl Fn(&[Resolved], usize) -> Option<usize>,
) {
    let point = |resolved: &[Resolved], start: usize| {
        let i = at(resolved, start)?;
        let p = &resolved[i].place;
        Some((i, LatLon::new(p.lat?, p.lon?)))
    };
    for (k, &(a, b)) in roads.iter().enumerate() {
        let (Some((ai, pa)), Some((bi, pb))) = (point(resolved, a), point(resolved, b)) else {
            continue;
        };
        let span = distance_km(pa, pb);
        let along = |p: LatLon| {
            distance_km(pa, p) + distance_km(p, pb) <= NARROWER_DETOUR * span + NARROWER_SLACK_KM
        };
        let narrowed = roads[k + 1..]
            .iter()
            .take_while(|&&(c, _)| c.saturating_sub(b) <= NARROWER_MEMORY)
            .any(|&(c, d)| {
                let (Some((ci, pc)), Some((di, pd))) = (point(resolved, c), point(resolved, d))
                else {
                    return false;
                };
                let outer = [&resolved[ai].place.name, &resolved[bi].place.name];
                // "la route Gao-Ansongo, entre Gao et Ansongo": the same pair told twice.
                !outer.contains(&&resolved[ci].place.name)
                    && !outer.contains(&&resolved[di].place.name)
                    && along(pc)
                    && along(pd)
            });
        if narrowed && span > NARROWER_SLACK_KM {
            resolved[ai].context = true;
            resolved[bi].context = true;
        }
    }
}

/// How far (bytes) after a pair a narrower one may come: a lead and its body's first
/// paragraphs.
const NARROWER_MEMORY: usize = 1200;

/// How much longer than the outer pair's own distance a detour through a narrower pair's
/// town may be for that town to lie along the road between them: roads bend.
const NARROWER_DETOUR: f64 = 1.3;

/// Slack (km) for the detour test, and the shortest outer pair it applies to.
const NARROWER_SLACK_KM: f64 = 10.0;

/// "à environ 11 km au sud d'Aguelhok-Anéfis": a distance measured from a hyphenated road
/// name starts at its first town; the far town after the hyphen is no place of the event.
fn drop_glued_road_ends(
    text: &str,
    mentions: &[Mention],
    resolved: &mut [Resolved],
    at: impl Fn(&[Resolved], usize) -> Option<usize>,
) {
    for w in mentions.windows(2) {
        let (m, n) = (&w[0], &w[1]);
        if m.qualifier.distance_km.is_none() || n.span.start < m.span.end {
            continue;
        }
        if !matches!(&text[m.span.end..n.span.start], "-" | "–") {
            continue;
        }
        if let (Some(_), Some(ni)) = (at(resolved, m.span.start), at(resolved, n.span.start)) {
            resolved[ni].context = true;
        }
    }
}

/// How much farther than the text says a village may lie from the town it is measured from
/// before it is taken for a homonym: the press rounds, and measures by road.
const HOMONYM_SLACK_KM: f64 = 30.0;

/// How a distance said of the place just named opens.
const DISTANCE_OPENERS: &[&str] = &["situe", "localise", "a ", "qui se trouve", "se trouvant"];

/// "la localité de B, située à 32 km au nord-est de D": the text says where B is. A B the
/// gazetteer holds far from there is a homonym, not this village; it becomes context, and the
/// point measured from D stands for it. Run before [`aim_distances`] moves any point.
pub fn drop_distant_homonyms(text: &str, resolved: &mut [Resolved]) {
    for i in 1..resolved.len() {
        let (before, after) = resolved.split_at_mut(i);
        let (village, town) = (&mut before[i - 1], &after[0]);
        let Some(km) = town.reference_km else {
            continue;
        };
        if village.context
            || village.reference_km.is_some()
            || !matches!(village.place.precision, super::Precision::Locality)
        {
            continue;
        }
        let (start, end) = (village.place.span[1], town.place.span[0]);
        if end <= start || end - start > 60 {
            continue;
        }
        let Some(gap) = text.get(start..end).filter(|g| !g.contains(['.', ';'])) else {
            continue;
        };
        // Only the distance phrase between them: ", située à 32 km au nord-est de"; after the
        // rest of a compound name the gazetteer lacks ("Tin| Tadéini, situé à 75 km de"), the
        // village's match is a shorter homonym's.
        let gap = fold_key(after_capitalised_words(gap));
        if !gap.contains(" km ") || !DISTANCE_OPENERS.iter().any(|o| gap.starts_with(o)) {
            continue;
        }
        // A town that is itself a spelling guess ("Djidjan" read as Djidian) may be the wrong
        // one; then nothing says which of the two names is misplaced.
        let Some(town_match) = town.candidates.first() else {
            continue;
        };
        if town_match
            .parts
            .iter()
            .any(|(part, _)| *part == "edit distance")
        {
            continue;
        }
        let Some((lat, lon)) = village.place.lat.zip(village.place.lon) else {
            continue;
        };
        let from = LatLon::new(town_match.lat, town_match.lon);
        if distance_km(from, LatLon::new(lat, lon)) > km + HOMONYM_SLACK_KM.max(km / 2.0) {
            village.context = true;
        }
    }
}

/// `gap` after the capitalised words (at most two) it opens with: " Tadéini, situé à" is ",
/// situé à".
fn after_capitalised_words(gap: &str) -> &str {
    let mut rest = gap;
    for _ in 0..2 {
        let trimmed = rest.trim_start();
        if !trimmed.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        let end = trimmed
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(trimmed.len());
        rest = &trimmed[end..];
    }
    rest
}

/// Farther than this from the town a text says it is near, a village is a homonym: "près
/// de" and "non loin de" speak of a few tens of km.
pub const NEAR_HOMONYM_KM: f64 = 80.0;

/// The end of the words that put a village near the town named right after them. ("dans la
/// commune de" names an area whose seat may be any of several homonyms: the commune rules in
/// `geocode` weigh it.)
const NEAR_PHRASES: &[&str] = &[
    "non loin de",
    "non loin d",
    "pres de",
    "pres d",
    "a proximite de",
    "a proximite d",
    "aux environs de",
    "aux environs d",
    "dans les environs de",
    "dans les environs d",
    "dans la localite de",
    "dans la localite d",
    // "Hèrèmakono, à la sortie de Sikasso": at the town's gates.
    "a la sortie de",
    "a la sortie d",
    "a l entree de",
    "a l entree d",
    "aux abords de",
    "aux abords d",
    "a la peripherie de",
    "a la peripherie d",
];

/// The words from `start` (a village's end) to `end` (a town's start) put the village near
/// the town: ", non loin de", " dans la localité de".
pub fn says_near(text: &str, start: usize, end: usize) -> bool {
    if end <= start || end - start > 40 {
        return false;
    }
    text.get(start..end)
        .filter(|g| !g.contains(['.', ';']))
        .is_some_and(|gap| {
            let gap = fold_key(gap);
            NEAR_PHRASES.iter().any(|p| gap.ends_with(p))
        })
}

/// "Famabougou, non loin de Cinzana", "le poste de Thy dans la localité de Sévaré": the text
/// puts the village beside a town. A village the gazetteer holds hundreds of km from it is a
/// homonym (the text's village is missing from GeoNames); it becomes context and the town
/// stands for the place.
pub fn drop_homonyms_far_from_their_town(text: &str, resolved: &mut [Resolved]) {
    for i in 1..resolved.len() {
        let (before, after) = resolved.split_at_mut(i);
        let (village, town) = (&mut before[i - 1], &after[0]);
        if village.context
            || village.reference_km.is_some()
            || town.reference_km.is_some()
            || !matches!(village.place.precision, super::Precision::Locality)
        {
            continue;
        }
        if !says_near(text, village.place.span[1], town.place.span[0]) {
            continue;
        }
        // Either name may be the misspelt one when the town is itself a guess.
        let Some(town_match) = town.candidates.first().filter(|c| {
            c.country == "ML" && !c.parts.iter().any(|(part, _)| *part == "edit distance")
        }) else {
            continue;
        };
        let Some((lat, lon)) = village.place.lat.zip(village.place.lon) else {
            continue;
        };
        let from = LatLon::new(town_match.lat, town_match.lon);
        if distance_km(from, LatLon::new(lat, lon)) > NEAR_HOMONYM_KM {
            village.context = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearings_point_the_right_way() {
        let gao = LatLon::new(16.27, -0.04);
        let north = initial_bearing(gao, LatLon::new(17.27, -0.04));
        let east = initial_bearing(gao, LatLon::new(16.27, 0.96));
        let west = initial_bearing(gao, LatLon::new(16.27, -1.04));
        assert!(north.abs() < 0.01, "{north}");
        assert!((east - 90.0).abs() < 0.5, "{east}");
        assert!((west - 270.0).abs() < 0.5, "{west}");
    }
}
