//! Geocoding: place mentions in an article → Malian places with coordinates, admin areas and
//! an honest precision; then one map point per incident.
//!
//! Disambiguation prefers, in this order of weight: agreement with the regions the text names
//! ("région de Mopti", "le centre du pays"), closeness to the article's unambiguous places
//! (smallest spread), feature importance (PPLC > PPLA > PPL > hamlet), population. Every score
//! part is kept so `mali-atlas geocode --explain` can print it.
//!
//! Not here: finding which sentences belong to an incident (the extractor does that), nor the
//! data folder, downloads and installers (`crate::datasets`); this module keeps the gazetteer
//! index ([`gazetteer`], [`pack`]), choosing which one a run uses ([`load`]) and resolution.

pub mod distance_said;
pub mod gazetteer;
pub mod heading;
pub mod load;
pub mod mentions;
pub mod pack;
mod region_prefixed;
pub mod supplement;

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

use crate::corpus::Article;
use crate::corpus::normalize::{Folded, fold_key};
use crate::extract::Extraction;
use crate::extract::lexicon::{Cue, lexicon};
use crate::incident::{Evidence, Incident, Location, PlaceMatch, Precision};
use crate::model::{LatLon, distance_km};
use crate::reference::basemap;
use gazetteer::Gazetteer;
use mentions::{Mention, MentionKind, NameMatcher, find_mentions, place_lexicon};

/// The gazetteer with its name automaton, built once and shared.
pub struct Geocoder {
    gazetteer: Gazetteer,
    names: NameMatcher,
    /// Cercle (ADM2) records, for admin2 by nearest seat when no polygons are installed.
    cercle_seats: Vec<u32>,
    /// Cercle polygons (geoBoundaries, embedded or installed): admin2 by point-in-polygon and
    /// the 2023 regions.
    cercles: Option<crate::reference::cercles::Cercles>,
    /// Places added from the curated supplement.
    supplement_places: usize,
    /// The gazetteer as given (before the supplement), written on every incident.
    stamp: crate::incident::GazetteerStamp,
}

/// One candidate for a mention with the parts of its score.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub geonameid: u64,
    pub name: String,
    pub feature_code: String,
    /// ISO country code (the fallback list holds neighbours' towns too).
    pub country: String,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub score: f64,
    pub parts: Vec<(&'static str, f64)>,
}

/// The cercles ("cercle de Bankass") and communes ("commune de Dioura") a text names: of
/// several homonyms, the one inside them wins.
struct NamedAreas {
    /// Regions of the 2023 reform named as regions ("région de Ménaka"), as the cercle table
    /// spells them.
    regions_2023: HashSet<&'static str>,
    /// Folded cercle names, spaces removed.
    cercles: HashSet<String>,
    /// The seats of those cercles (their PPLA2 or ADM2 entries).
    cercle_seats: Vec<LatLon>,
    /// Where each commune is named, and the points its name may stand for.
    communes: Vec<(usize, Vec<LatLon>)>,
    /// "X, non loin de Y": the end of each village named beside a town, and the town's
    /// point (its most important entry).
    towns_beside: Vec<(usize, LatLon)>,
    /// "Tabankort, dans le cercle de Bourem": the end of each mention followed by its cercle
    /// or commune, and that area.
    areas_beside: Vec<(usize, AreaBeside)>,
}

impl NamedAreas {
    /// The town a village ending at `end` is said to be near.
    fn town_beside(&self, end: usize) -> Option<LatLon> {
        self.towns_beside
            .iter()
            .find(|(e, _)| *e == end)
            .map(|(_, at)| *at)
    }

    /// The cercle or commune named right after a mention ending at `end`.
    fn area_beside(&self, end: usize) -> Option<&AreaBeside> {
        self.areas_beside
            .iter()
            .find(|(e, _)| *e == end)
            .map(|(_, area)| area)
    }

    /// The seats of a commune named just after `end` ("X, village de la commune de Y").
    fn commune_after(&self, end: usize) -> Option<&[LatLon]> {
        self.communes
            .iter()
            .find(|(start, seats)| *start > end && *start - end <= 60 && !seats.is_empty())
            .map(|(_, seats)| seats.as_slice())
    }
}

/// A cercle or commune named right after a place ("X, dans le cercle de Y", "X, commune de Z").
struct AreaBeside {
    /// The cercle's folded name, spaces removed; `None` for a commune.
    cercle: Option<String>,
    /// The points its name stands for (the cercle's seat, the commune's entries).
    seats: Vec<LatLon>,
    /// Said of the place itself ("Madou, cercle de Koro", "Madou dans le cercle de Koro"):
    /// only linking words stand between them, not a clause ("Banamba, ont vu les assaillants
    /// partir vers le cercle de Niono").
    apposed: bool,
}

/// Whether only linking words ("dans le", "situé dans la", "du") stand between a place and
/// the area named after it.
fn only_linking_words(between: &str) -> bool {
    const LINKING: &[&str] = &[
        "dans", "le", "la", "l", "du", "de", "d", "en", "au", "situe", "situee", "sis", "sise",
        "relevant", "localite", "village", "cercle", "commune", "rurale",
    ];
    fold_key(between)
        .split_whitespace()
        .all(|w| LINKING.contains(&w))
}

/// How far from its seat a village of a commune may lie (rural communes span a few tens of km).
const COMMUNE_RADIUS_KM: f64 = 30.0;

/// A spelling guess farther than this from every place the text names is another name. A
/// round-up names towns across the country, so only a guess beyond that spread is dropped
/// (200 or 300 km lost real guesses in round-ups of the synthetic corpus).
const FUZZY_NEAR_OTHERS_KM: f64 = 500.0;

/// A village this close to the seat of the cercle a text names is in or beside that cercle.
const NEAR_CERCLE_SEAT_KM: f64 = 60.0;

/// How far (bytes) after a guessed name the region that contains it may be named.
const REGION_AFTER_BYTES: usize = 100;

/// Past this distance from the seat of the commune a text puts it in, a village's homonym is
/// another place (the largest rural communes span some 40 km from their seat).
const OUTSIDE_COMMUNE_KM: f64 = 80.0;

/// A mention and what it resolved to.
#[derive(Debug, Clone, Serialize)]
pub struct Resolved {
    pub place: PlaceMatch,
    pub candidates: Vec<Candidate>,
    /// Named as a source's or a journey's town ("le maire de X", "évacués vers X"): kept for
    /// `geocode --explain`, never a place of an incident.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub context: bool,
    /// "à 700 km à l'est de Tombouctou": the distance from the reference town, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_km: Option<f64>,
}

/// The towns a candidate's distance is scored against: those of the event's story, and those
/// of its context (tie-breakers only).
struct Anchors {
    story: rstar::RTree<[f64; 2]>,
    context: rstar::RTree<[f64; 2]>,
}

impl Geocoder {
    /// The geocoder over `gazetteer`, completed by the curated supplement
    /// ([`supplement`]: places the news names that GeoNames lacks).
    pub fn new(gazetteer: Gazetteer) -> Self {
        // The supplement is part of the program, like the rules: the stamp names the data.
        let stamp = gazetteer.stamp();
        let (gazetteer, supplement_places) = supplement::supplement(gazetteer);
        let names = NameMatcher::new(gazetteer.keys());
        let cercle_seats = (0..gazetteer.places().len() as u32)
            .filter(|&i| gazetteer.place(i).feature_code == "ADM2")
            .collect();
        Geocoder {
            gazetteer,
            names,
            cercle_seats,
            cercles: None,
            supplement_places,
            stamp,
        }
    }

    /// Which gazetteer this geocoder resolves with, as every incident it writes says.
    pub fn gazetteer_stamp(&self) -> &crate::incident::GazetteerStamp {
        &self.stamp
    }

    /// Uses cercle polygons for admin2 and the 2023 regions.
    pub fn with_cercles(mut self, cercles: crate::reference::cercles::Cercles) -> Self {
        self.cercles = Some(cercles);
        self
    }

    pub fn has_cercles(&self) -> bool {
        self.cercles.is_some()
    }

    /// The cercle polygons, if any.
    pub fn cercles(&self) -> Option<&crate::reference::cercles::Cercles> {
        self.cercles.as_ref()
    }

    /// How many places the curated supplement added to the gazetteer.
    pub fn supplement_places(&self) -> usize {
        self.supplement_places
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Candidate generation: every place mention of a text, before disambiguation.
    pub fn candidates(&self, text: &str, folded: &Folded) -> Vec<Mention> {
        find_mentions(text, folded, &self.names, &actor_spans(folded))
    }

    /// Resolves every place mention of a text.
    pub fn resolve(&self, text: &str, folded: &Folded) -> Vec<Resolved> {
        self.resolve_excluding(text, folded, &actor_spans(folded))
    }

    /// [`Geocoder::resolve`] with the actor names already known (sorted original ranges).
    pub fn resolve_excluding(
        &self,
        text: &str,
        folded: &Folded,
        actors: &[Range<usize>],
    ) -> Vec<Resolved> {
        let mut mentions = find_mentions(text, folded, &self.names, actors);
        region_prefixed::join_region_and_next_word(&self.gazetteer, text, &mut mentions);
        let plex = place_lexicon();
        let b = basemap();

        // Regions the text names, directly or through a directional area.
        let mut context: HashSet<String> = HashSet::new();
        // Regions of the 2023 reform the text names ("région de Ménaka").
        let mut regions_2023: HashSet<&'static str> = HashSet::new();
        // Cercles the text names as such ("cercle de Bankass").
        let mut cercles_named: HashSet<String> = HashSet::new();
        let mut cercle_seats: Vec<LatLon> = Vec::new();
        let mut communes_named: Vec<(usize, Vec<LatLon>)> = Vec::new();
        for m in &mentions {
            match &m.kind {
                MentionKind::Area(i) => {
                    for r in &plex.areas[*i].regions {
                        context.insert(fold_key(r));
                    }
                }
                // "dans la région de Ségou", matched whole as the region record's own name:
                // the cue is inside the mention, and the region is as much context.
                _ if m.qualifier.region || mentions::names_a_region(&m.key) => {
                    if let Some(r) = b.region_named(&m.key) {
                        context.insert(fold_key(&r.name));
                    }
                    // "la région de Ménaka": a region of the 2023 reform, which the basemap's
                    // older regions do not hold.
                    if let Some(r) = crate::reference::cercles::region_2023_named(&m.key) {
                        regions_2023.insert(r);
                    }
                }
                _ if m.qualifier.cercle => {
                    cercles_named.insert(cercle_key(m));
                    if let MentionKind::Named(ids) = &m.kind {
                        cercle_seats.extend(
                            ids.iter()
                                .map(|&i| self.gazetteer.place(i))
                                .filter(|p| {
                                    p.country == "ML"
                                        && matches!(p.feature_code.as_str(), "PPLA2" | "ADM2")
                                })
                                .map(|p| LatLon::new(p.lat, p.lon)),
                        );
                    }
                }
                // "Kita, village de la commune de Dioura": the commune's seat, when its name
                // is nearly unambiguous.
                MentionKind::Named(ids) if m.qualifier.commune && ids.len() <= 3 => {
                    let seats: Vec<LatLon> = ids
                        .iter()
                        .map(|&i| self.gazetteer.place(i))
                        .filter(|p| p.country == "ML")
                        .map(|p| LatLon::new(p.lat, p.lon))
                        .collect();
                    communes_named.push((m.span.start, seats));
                }
                _ => {}
            }
        }
        // Unambiguous anchors for the spread term: towns of the event's story. A region's or
        // cercle's centre is no town, and a source's town ("l'hôpital de Ségou") says little
        // of where the event's villages lie: the towns of context (origins, sources, admin
        // context) only break ties between otherwise equal homonyms.
        let anchor_of = |m: &Mention| match &m.kind {
            MentionKind::Named(p) => {
                let mut towns = p
                    .iter()
                    .map(|&i| self.gazetteer.place(i))
                    .filter(|pl| pl.country == "ML" && pl.feature_class != 'A');
                let first = towns.next()?;
                // One place, or one town among features of the same name.
                let town = if p.len() == 1 {
                    Some(first)
                } else {
                    let mut settled = std::iter::once(first)
                        .chain(towns)
                        .filter(|pl| pl.feature_class == 'P');
                    settled.next().filter(|_| settled.next().is_none())
                }?;
                Some([town.lon, town.lat])
            }
            _ => None,
        };
        let story: Vec<[f64; 2]> = mentions
            .iter()
            .filter(|m| !m.qualifier.context)
            .filter(|m| matches!(&m.kind, MentionKind::Named(p) if p.len() == 1))
            .filter_map(anchor_of)
            .collect();
        let context_towns: Vec<[f64; 2]> = mentions
            .iter()
            .filter(|m| m.qualifier.context)
            .filter_map(anchor_of)
            .collect();
        let anchors = Anchors {
            story: rstar::RTree::bulk_load(story),
            context: rstar::RTree::bulk_load(context_towns),
        };
        let named_areas = NamedAreas {
            regions_2023,
            cercles: cercles_named,
            cercle_seats,
            communes: communes_named,
            towns_beside: self.towns_beside(text, &mentions),
            areas_beside: mentions
                .iter()
                .filter(|m| !m.qualifier.cercle && !m.qualifier.commune)
                .filter_map(|m| {
                    let seats = self.area_after(&mentions, m.span.end)?;
                    let area = area_mention_after(&mentions, m.span.end)?;
                    let cercle = area.qualifier.cercle.then(|| cercle_key(area));
                    // A commune's name is worth its seat only when nearly unambiguous
                    // (as for `communes` above).
                    if cercle.is_none() && seats.len() > 3 {
                        return None;
                    }
                    let apposed = text
                        .get(m.span.end..area.span.start)
                        .is_some_and(only_linking_words);
                    Some((
                        m.span.end,
                        AreaBeside {
                            cercle,
                            seats,
                            apposed,
                        },
                    ))
                })
                .collect(),
        };

        let mut out: Vec<Resolved> = Vec::new();
        let mut unknown: Vec<&Mention> = Vec::new();
        let mut elsewhere_keys: Vec<(String, usize)> = Vec::new();
        for m in &mentions {
            let surface = &text[m.span.clone()];
            match &m.kind {
                MentionKind::Foreign => out.push(Resolved {
                    place: foreign(surface, m),
                    candidates: Vec::new(),
                    context: m.qualifier.context,
                    reference_km: m.qualifier.distance_km,
                }),
                MentionKind::Area(i) => out.push(Resolved {
                    place: self.area(*i, surface, m),
                    candidates: Vec::new(),
                    context: m.qualifier.context,
                    reference_km: m.qualifier.distance_km,
                }),
                MentionKind::Named(ids) => {
                    // "la région de Mopti": the region itself.
                    if m.qualifier.region
                        && let Some(r) = b.region_named(&m.key)
                    {
                        out.push(Resolved {
                            place: PlaceMatch {
                                mention: one_line(surface),
                                span: [m.span.start, m.span.end],
                                name: r.name.clone(),
                                geonameid: None,
                                lat: Some(r.centroid.y()),
                                lon: Some(r.centroid.x()),
                                admin1: Some(r.name.clone()),
                                admin2: None,
                                admin1_2023: None,
                                precision: Precision::Admin1,
                            },
                            candidates: Vec::new(),
                            context: m.qualifier.context,
                            reference_km: m.qualifier.distance_km,
                        });
                        continue;
                    }
                    let cands = self.score(
                        ids.iter().map(|&i| (i, 0)),
                        &context,
                        &named_areas,
                        &anchors,
                        m,
                    );
                    if let Some(best) = cands.first() {
                        // "dans la commune de Bondo, cercle de Koro": the commune's entries
                        // in that cercle; with none there, the gazetteer lacks this commune
                        // and the distant homonym is not it (the cercle stands for it).
                        let in_cercle = self
                            .in_cercle_said_after(&mentions, m)
                            .map(|inside| cands.iter().find(|c| inside(c)));
                        let commune_elsewhere = matches!(in_cercle, Some(None));
                        let best = in_cercle.flatten().unwrap_or(best);
                        let place = self.place_match(best, surface, m);
                        // "Kita, village de la commune de Dioura", with no Kita near Dioura:
                        // the gazetteer lacks this village, and the distant town of that
                        // name is not it; the commune stands for it.
                        let village_elsewhere = !m.qualifier.commune
                            && named_areas.commune_after(m.span.end).is_some_and(|seats| {
                                seats.iter().all(|c| {
                                    distance_km(*c, LatLon::new(best.lat, best.lon))
                                        > OUTSIDE_COMMUNE_KM
                                })
                            });
                        // "le village de Madou, dans le cercle de Koro", with no Madou in or
                        // near that cercle: the same, with the cercle standing for it. A
                        // seat ("Bourem, cercle de Gao") is known well enough to stay: the
                        // press misnames its cercle more often than the gazetteer lacks it.
                        let outside_cercle = !m.qualifier.commune
                            && best.feature_code.starts_with("PPL")
                            && !matches!(best.feature_code.as_str(), "PPLC" | "PPLA" | "PPLA2")
                            && named_areas.area_beside(m.span.end).is_some_and(|area| {
                                area.apposed
                                    && area.cercle.as_ref().is_some_and(|name| {
                                        !cands.iter().any(|c| {
                                            self.in_or_near_area(
                                                LatLon::new(c.lat, c.lon),
                                                &area.seats,
                                                Some(name),
                                            )
                                        })
                                    })
                            });
                        let village_elsewhere = village_elsewhere || outside_cercle;
                        if village_elsewhere || commune_elsewhere {
                            if village_elsewhere {
                                elsewhere_keys.push((m.key.clone(), m.span.end));
                            }
                            out.push(Resolved {
                                place,
                                candidates: cands,
                                context: true,
                                reference_km: m.qualifier.distance_km,
                            });
                            continue;
                        }
                        // "au nord-est de Bamako": a direction from the capital or a
                        // regional capital, with no distance, points at a far area; from a
                        // village ("à l'est de Talataye") it stays close.
                        let far_direction = m.qualifier.direction_only
                            && matches!(best.feature_code.as_str(), "PPLC" | "PPLA");
                        out.push(Resolved {
                            place,
                            candidates: cands,
                            context: m.qualifier.context,
                            reference_km: if far_direction {
                                Some(DIRECTION_FROM_A_CAPITAL_KM)
                            } else {
                                m.qualifier.distance_km
                            },
                        });
                    }
                }
                MentionKind::Unknown => unknown.push(m),
            }
        }
        // One village, one reading: once "Kita, village de la commune de Dioura" shows the
        // gazetteer lacks this Kita, the article's other "Kita" are not the distant town
        // either; they stand at the commune, like the qualified mention.
        for (key, end) in &elsewhere_keys {
            let commune = out
                .iter()
                .find(|r| {
                    r.place.precision == Precision::Admin2
                        && r.place.span[0] > *end
                        && r.place.span[0] - end <= 60
                })
                .map(|r| r.place.clone());
            for r in &mut out {
                if r.place.precision != Precision::Locality || fold_key(&r.place.mention) != *key {
                    continue;
                }
                match &commune {
                    Some(c) if !r.context => {
                        r.place = PlaceMatch {
                            mention: r.place.mention.clone(),
                            span: r.place.span,
                            ..c.clone()
                        };
                    }
                    _ => r.context = true,
                }
            }
        }
        // Fuzzy guesses come last, so they can be checked against every resolved place.
        let resolved_points: Vec<(f64, f64)> = out
            .iter()
            .filter(|r| r.place.precision <= Precision::Admin2)
            .filter_map(|r| Some((r.place.lon?, r.place.lat?)))
            .collect();
        for m in unknown {
            let surface = &text[m.span.clone()];
            let len = m.key.chars().count();
            let max = match len {
                0..=6 => 1,
                7..=9 => 2,
                _ => 3,
            };
            let same_name: Vec<(u32, usize)> = press_spellings(&m.key)
                .iter()
                .map(|v| self.gazetteer.lookup(v))
                .find(|found| !found.is_empty())
                .map(|found| found.iter().map(|&i| (i, 0)).collect())
                .unwrap_or_default();
            // "Koulogon" for GeoNames' "Koulogon-Habé": the name without its community part.
            let same_name = if same_name.is_empty() {
                self.gazetteer
                    .with_suffix(&m.key, COMMUNITY_SUFFIXES)
                    .into_iter()
                    .map(|i| (i, 0))
                    .collect()
            } else {
                same_name
            };
            let spelled_otherwise = !same_name.is_empty();
            let guesses = if same_name.is_empty() {
                self.gazetteer.fuzzy_same_initial(&m.key, max)
            } else {
                same_name
            };
            let fuzzy: Vec<(u32, usize)> = guesses
                .into_iter()
                .filter(|(i, _)| {
                    let p = self.gazetteer.place(*i);
                    // The same name spelt otherwise may be any kept place (a well, a
                    // camp); a guess one edit away only a locality or an area.
                    (spelled_otherwise || matches!(p.feature_class, 'P' | 'A'))
                        && p.country == "ML"
                        && p.name.chars().next().map(|c| c.to_ascii_lowercase())
                            == m.key.chars().next()
                })
                .collect();
            let cands = self.score(fuzzy.into_iter(), &context, &named_areas, &anchors, m);
            let Some(best) = cands.first() else { continue };
            // Agreement with the rest of the article guards the guess.
            let near_others = spelled_otherwise
                || resolved_points.is_empty()
                || resolved_points.iter().any(|(lon, lat)| {
                    distance_km(LatLon::new(*lat, *lon), LatLon::new(best.lat, best.lon))
                        < FUZZY_NEAR_OTHERS_KM
                });
            // "Koulogon, dans le cercle de Bankass": a guess far from the cercle or commune
            // named right after the mention is another village; the container places it.
            let outside_its_area = self.area_after(&mentions, m.span.end).is_some_and(|seats| {
                let cercle = area_mention_after(&mentions, m.span.end)
                    .filter(|a| a.qualifier.cercle)
                    .map(cercle_key);
                !self.in_or_near_area(LatLon::new(best.lat, best.lon), &seats, cercle.as_deref())
            });
            if near_others && !outside_its_area && !self.outside_region_after(&mentions, m, best) {
                let place = self.place_match(best, surface, m);
                out.push(Resolved {
                    place,
                    candidates: cands,
                    context: m.qualifier.context,
                    reference_km: m.qualifier.distance_km,
                });
            }
        }
        out.sort_by_key(|r| r.place.span[0]);
        let picks = distance_said::homonyms_at_the_distance_said(text, &out);
        let same_names = distance_said::same_name_as_a_pick(&out, &picks);
        for (i, k) in picks.into_iter().chain(same_names) {
            self.take_candidate(&mut out[i], k);
        }
        journeys_ends_place_an_event_named_nowhere_else(text, &mentions, &mut out);
        heading::drop_distant_homonyms(text, &mut out);
        heading::drop_homonyms_far_from_their_town(text, &mut out);
        heading::aim_distances(text, &mentions, &mut out);
        recalled_by_a_demonstrative(text, &mut out);
        out
    }

    /// The points of the cercle (its seat) or commune named right after a mention ending at
    /// `end`: "Koulogon, dans le cercle de Bankass", "Dimbo, commune de Dimbal". `None` when
    /// no such area follows, or the gazetteer does not hold it in Mali.
    /// "dans la zone de Tevolat, commune d'Askari relevant de la région de Ménaka": a guess
    /// outside the region named shortly after the mention is another village.
    fn outside_region_after(&self, mentions: &[Mention], m: &Mention, guess: &Candidate) -> bool {
        let b = basemap();
        let Some(region) = mentions[mentions.partition_point(|n| n.span.start <= m.span.end)..]
            .iter()
            .take_while(|n| n.span.start - m.span.end <= REGION_AFTER_BYTES)
            .find(|n| n.qualifier.region || mentions::names_a_region(&n.key))
        else {
            return false;
        };
        let in_2023 = crate::reference::cercles::region_2023_named(&region.key).map(|r| {
            self.region_2023_of(guess.lon, guess.lat)
                .is_some_and(|g| fold_key(&g) == fold_key(r))
        });
        let in_old = b.region_named(&region.key).map(|r| {
            guess
                .admin1
                .as_deref()
                .is_some_and(|a| fold_key(a) == fold_key(&r.name))
        });
        match (in_2023, in_old) {
            (None, None) => false,
            (a, o) => !(a.unwrap_or(false) || o.unwrap_or(false)),
        }
    }

    fn area_after(&self, mentions: &[Mention], end: usize) -> Option<Vec<LatLon>> {
        let area = area_mention_after(mentions, end)?;
        let MentionKind::Named(ids) = &area.kind else {
            return None;
        };
        let in_mali = || {
            ids.iter()
                .map(|&i| self.gazetteer.place(i))
                .filter(|p| p.country == "ML")
        };
        let seats: Vec<LatLon> = in_mali()
            .filter(|p| {
                !area.qualifier.cercle || matches!(p.feature_code.as_str(), "PPLA2" | "ADM2")
            })
            .map(|p| LatLon::new(p.lat, p.lon))
            .collect();
        let seats = if seats.is_empty() {
            in_mali().map(|p| LatLon::new(p.lat, p.lon)).collect()
        } else {
            seats
        };
        (!seats.is_empty()).then_some(seats)
    }

    /// "Famabougou, non loin de Cinzana": each mention followed by a phrase that puts it
    /// near the next one, with that town's most important entry in Mali.
    fn towns_beside(&self, text: &str, mentions: &[Mention]) -> Vec<(usize, LatLon)> {
        mentions
            .windows(2)
            .filter_map(|pair| {
                let (village, town) = (&pair[0], &pair[1]);
                let MentionKind::Named(ids) = &town.kind else {
                    return None;
                };
                if !heading::says_near(text, village.span.end, town.span.start) {
                    return None;
                }
                let seat = ids
                    .iter()
                    .map(|&i| self.gazetteer.place(i))
                    .filter(|p| p.country == "ML")
                    .max_by_key(|p| (p.importance(), p.population))?;
                Some((village.span.end, LatLon::new(seat.lat, seat.lon)))
            })
            .collect()
    }

    fn score(
        &self,
        ids: impl Iterator<Item = (u32, usize)>,
        context: &HashSet<String>,
        named: &NamedAreas,
        anchors: &Anchors,
        m: &Mention,
    ) -> Vec<Candidate> {
        let b = basemap();
        let ids: Vec<(u32, usize)> = ids.collect();
        let ids_len = ids.len();
        // A bare "Kidira" or "Siguiri" is the neighbour's town of that name, not one of the
        // Malian hamlets the full gazetteer also lists (no population, no seat).
        // (A city abroad, "Ouahigouya" of 100,000 people, outweighs even a region named in the
        // text for a hamlet spelt like it.)
        let foreign_town = ids
            .iter()
            .filter_map(|&(i, _)| {
                let p = self.gazetteer.place(i);
                (p.country != "ML" && p.population >= 10_000).then_some(p.population)
            })
            .max();
        let hamlet_penalty = match foreign_town {
            Some(people) if people >= 50_000 => -6.0,
            _ => -3.0,
        };
        let mut cands: Vec<Candidate> =
            ids.into_iter()
                .map(|(i, dist)| {
                    let p = self.gazetteer.place(i);
                    let region = b.region_at(p.lon, p.lat).map(|r| r.name.clone());
                    // The candidate's cercle, keyed as `NamedAreas` keys cercles: looked up once,
                    // only when a cercle named in the text asks for it.
                    let cercle = std::cell::OnceCell::new();
                    let cercle_key_here = || {
                        cercle
                            .get_or_init(|| self.cercle_key_at(p.lon, p.lat))
                            .as_deref()
                    };
                    let mut parts = Vec::new();
                    if foreign_town.is_some()
                        && p.country == "ML"
                        && p.population == 0
                        && p.importance() <= 2
                    {
                        parts.push(("hamlet named like a foreign town", hamlet_penalty));
                    }
                    // (A neighbour's town by the border lies inside the simplified outline of
                    // a Malian region, but in no region of Mali: "Kidira" is Senegal's.)
                    if let Some(r) = &region
                        && p.country == "ML"
                        && context.contains(&fold_key(r))
                    {
                        parts.push(("region named in text", 3.0));
                    }
                    // A region the reform left whole ("région de Kidal") counts once.
                    if ids_len > 1
                        && !named.regions_2023.is_empty()
                        && self.region_2023_of(p.lon, p.lat).is_some_and(|r| {
                            named.regions_2023.contains(r.as_str())
                                && region
                                    .as_ref()
                                    .is_none_or(|old| fold_key(old) != fold_key(&r))
                        })
                    {
                        parts.push(("region named in text", 3.0));
                    }
                    // "Dioura (centre)": the part of the country said beside the name itself
                    // outweighs regions named elsewhere in the text.
                    if let (Some(a), Some(r)) = (m.qualifier.area_beside, &region)
                        && place_lexicon().areas[a]
                            .regions
                            .iter()
                            .any(|x| fold_key(x) == fold_key(r))
                    {
                        parts.push(("area said beside it", 4.0));
                    }
                    // "le village de Ségué, cercle de Bankass": of the nine Ségué, the one inside
                    // the cercle the text names (a cercle named as a place is not enough: a
                    // distant seat would pull hamlets named like real towns).
                    if ids_len > 1 && !named.cercles.is_empty() && !m.qualifier.cercle {
                        if cercle_key_here().is_some_and(|c| named.cercles.contains(c)) {
                            parts.push(("in the cercle named in text", 2.0));
                        } else if named.cercle_seats.iter().any(|s| {
                            distance_km(*s, LatLon::new(p.lat, p.lon)) <= NEAR_CERCLE_SEAT_KM
                        }) {
                            // "Songo, cercle de Bankass": the press names the cercle next
                            // door as often as the official one.
                            parts.push(("near the cercle named in text", 1.0));
                        }
                    }
                    if ids_len > 1
                        && !m.qualifier.commune
                        && named.communes.iter().flat_map(|(_, seats)| seats).any(|c| {
                            distance_km(*c, LatLon::new(p.lat, p.lon)) <= COMMUNE_RADIUS_KM
                        })
                    {
                        parts.push(("in the commune named in text", 2.0));
                    }
                    // "Tabankort, dans le cercle de Bourem": the cercle said beside the name
                    // outweighs a region named elsewhere in the text.
                    if ids_len > 1
                        && named.area_beside(m.span.end).is_some_and(|area| {
                            let at = LatLon::new(p.lat, p.lon);
                            match &area.cercle {
                                Some(name) => {
                                    cercle_key_here() == Some(name.as_str())
                                        || area
                                            .seats
                                            .iter()
                                            .any(|s| distance_km(*s, at) <= NEAR_CERCLE_SEAT_KM)
                                }
                                None => area
                                    .seats
                                    .iter()
                                    .any(|s| distance_km(*s, at) <= COMMUNE_RADIUS_KM),
                            }
                        })
                    {
                        parts.push(("in the area said beside it", 2.0));
                    }
                    // "dans le cercle de Nara": a cercle is named after its seat, never after
                    // one of the hamlets of that name.
                    if m.qualifier.cercle
                        && matches!(p.feature_code.as_str(), "PPLC" | "PPLA" | "PPLA2")
                    {
                        parts.push(("cercle seat after cue", 5.0));
                    }
                    if ids_len > 1
                        && named.town_beside(m.span.end).is_some_and(|t| {
                            distance_km(t, LatLon::new(p.lat, p.lon)) <= heading::NEAR_HOMONYM_KM
                        })
                    {
                        parts.push(("near the town named beside it", 2.0));
                    }
                    // Nearest other unambiguous place (an R-tree, so long texts stay linear).
                    let nearest = |tree: &rstar::RTree<[f64; 2]>| {
                        tree.nearest_neighbor_iter(&[p.lon, p.lat])
                            .map(|a| {
                                distance_km(LatLon::new(a[1], a[0]), LatLon::new(p.lat, p.lon))
                            })
                            .find(|d| *d > 0.5)
                            .unwrap_or(f64::INFINITY)
                    };
                    let spread = nearest(&anchors.story);
                    if spread.is_finite() {
                        parts.push(("near other places", 2.0 * (-spread / 150.0).exp()));
                    }
                    if ids_len > 1 {
                        let beside = nearest(&anchors.context);
                        if beside.is_finite() {
                            parts.push(("near a town of context", 0.25 * (-beside / 150.0).exp()));
                        }
                    }
                    parts.push(("importance", 0.5 * f64::from(p.importance())));
                    parts.push(("population", 0.3 * ((p.population as f64) + 1.0).log10()));
                    // "le camp militaire de Kati": the press names a cercle's seat with no
                    // context; a hamlet of that name in a region the text names is rarely it.
                    if ids_len > 1
                        && p.country == "ML"
                        && matches!(p.feature_code.as_str(), "PPLA" | "PPLA2")
                        && p.population > 0
                    {
                        parts.push(("a cercle's seat", 1.0));
                    }
                    if p.feature_class == 'P' {
                        parts.push(("populated place", 1.0));
                    }
                    // "Boni" is a village's own name and an old spelling of Bouani: between
                    // otherwise equal places, the one that bears the name as written.
                    if fold_key(&p.name) == m.key {
                        parts.push(("main name", 0.5));
                    }
                    // A neighbour's town a few km from a Malian place the text names is the other
                    // side of a border crossing ("Kidira" beside Diboli), not a distant homonym.
                    if p.country != "ML" {
                        let crossing = spread <= BORDER_CROSSING_KM;
                        parts.push(("outside Mali", if crossing { -1.0 } else { -4.0 }));
                    }
                    // "la katiba du Macina", "dans le Gourma": the natural region, not the
                    // town of that name ("à Macina").
                    if m.qualifier.definite_article && p.feature_code == "RGN" {
                        parts.push(("natural region after an article", 6.0));
                    }
                    if (m.qualifier.region || m.qualifier.cercle) && p.feature_class == 'A' {
                        parts.push(("admin area after cue", 1.0));
                    }
                    if dist > 0 {
                        parts.push(("edit distance", -(dist as f64)));
                    }
                    let score = parts.iter().map(|(_, s)| s).sum();
                    Candidate {
                        geonameid: p.geonameid,
                        name: p.name.clone(),
                        feature_code: p.feature_code.clone(),
                        country: p.country.clone(),
                        admin1: region.or_else(|| p.admin1_name().map(str::to_string)),
                        lat: p.lat,
                        lon: p.lon,
                        score,
                        parts,
                    }
                })
                .collect();
        cands.sort_by(|a, b| b.score.total_cmp(&a.score));
        cands
    }

    fn place_match(&self, best: &Candidate, surface: &str, m: &Mention) -> PlaceMatch {
        let foreign_place = best.country != "ML";
        let mut precision = match best.feature_code.as_str() {
            // A natural region (the Gourma, the Macina) spans as much as an administrative one.
            "ADM1" | "RGN" => Precision::Admin1,
            "ADM2" => Precision::Admin2,
            // A commune is administrative context: its seat stands for an area.
            _ if m.qualifier.cercle || m.qualifier.commune => Precision::Admin2,
            _ if m.qualifier.region => Precision::NearLocality,
            _ => Precision::Locality,
        };
        let (mut lat, mut lon) = (best.lat, best.lon);
        if m.qualifier.direction_only && precision == Precision::Locality {
            precision = Precision::NearLocality;
        }
        if let Some(km) = m.qualifier.distance_km {
            precision = Precision::NearLocality;
            if let Some(bearing) = m.qualifier.bearing {
                (lat, lon) = offset(lat, lon, km, bearing);
            }
        }
        if foreign_place || m.qualifier.foreign_country_after || m.qualifier.foreign_admin {
            precision = Precision::Foreign;
        }
        let name = self
            .display_name(best.geonameid, &m.key)
            .unwrap_or_else(|| mentions::french_name(&best.name).to_string());
        PlaceMatch {
            mention: one_line(surface),
            span: [m.span.start, m.span.end],
            name,
            geonameid: Some(best.geonameid),
            lat: (precision != Precision::Foreign).then_some(lat),
            lon: (precision != Precision::Foreign).then_some(lon),
            admin1: best.admin1.clone(),
            admin2: self.cercle_of(best.lon, best.lat),
            admin1_2023: self.region_2023_of(best.lon, best.lat),
            precision,
        }
    }

    /// The gazetteer's spelling that the text used (e.g. "Tombouctou" rather than "Timbuktu").
    fn display_name(&self, geonameid: u64, key: &str) -> Option<String> {
        let idx = self
            .gazetteer
            .lookup(key)
            .iter()
            .copied()
            .find(|&i| self.gazetteer.place(i).geonameid == geonameid)?;
        let p = self.gazetteer.place(idx);
        let names = || {
            std::iter::once(&p.name)
                .chain(std::iter::once(&p.asciiname))
                .chain(p.alternate_names.iter())
        };
        // The spelling the text used, else the French display name, else a spelling that
        // matches once spaces are dropped ("Tinzaouatene" ~ "Ti-n-Zaouâtene").
        if let Some(exact) = names().find(|n| fold_key(n) == key) {
            return Some(mentions::french_name(exact).to_string());
        }
        let french = mentions::french_name(&p.name);
        if french != p.name {
            return Some(french.to_string());
        }
        names()
            .find(|n| fold_key(n).replace(' ', "") == key)
            .cloned()
    }

    /// For a commune followed by its cercle ("commune de Bondo, cercle de Koro"), whether a
    /// candidate lies in that cercle; `None` for any other mention.
    fn in_cercle_said_after(
        &self,
        mentions: &[Mention],
        m: &Mention,
    ) -> Option<impl Fn(&Candidate) -> bool + '_> {
        if !m.qualifier.commune {
            return None;
        }
        let area = area_mention_after(mentions, m.span.end).filter(|a| a.qualifier.cercle)?;
        let key = cercle_key(area);
        Some(move |c: &Candidate| {
            self.cercle_key_at(c.lon, c.lat)
                .is_some_and(|here| here == key)
        })
    }

    /// Whether a point lies near one of an area's `seats`, or in the cercle `cercle` (keyed as
    /// [`cercle_key`]) however far from its seat: the press names the cercle next door as
    /// often as the official one.
    fn in_or_near_area(&self, at: LatLon, seats: &[LatLon], cercle: Option<&str>) -> bool {
        seats
            .iter()
            .any(|s| distance_km(*s, at) <= NEAR_CERCLE_SEAT_KM)
            || cercle.is_some_and(|name| {
                self.cercle_key_at(at.lon, at.lat)
                    .is_some_and(|here| here == name)
            })
    }

    /// The cercle at a point, keyed as [`cercle_key`] keys a mention (folded, no spaces).
    fn cercle_key_at(&self, lon: f64, lat: f64) -> Option<String> {
        self.cercle_of(lon, lat)
            .map(|c| fold_key(&c).replace(' ', ""))
    }

    /// Cercle by nearest ADM2 seat within 150 km (GeoNames gives admin2 for few places).
    fn cercle_of(&self, lon: f64, lat: f64) -> Option<String> {
        if let Some(c) = &self.cercles {
            return c.cercle_at(lon, lat).map(|c| c.name.clone());
        }
        self.cercle_seats
            .iter()
            .map(|&i| {
                let p = self.gazetteer.place(i);
                (
                    distance_km(LatLon::new(lat, lon), LatLon::new(p.lat, p.lon)),
                    p,
                )
            })
            .filter(|(d, _)| *d < 150.0)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, p)| {
                let n = p.name.as_str();
                n.strip_prefix("Cercle de ")
                    .or_else(|| n.strip_prefix("Cercle d'"))
                    .unwrap_or(n)
                    .to_string()
            })
    }

    /// Makes candidate `k` of `r` its place, in place of the best-scored one.
    fn take_candidate(&self, r: &mut Resolved, k: usize) {
        let c = r.candidates.remove(k);
        let key = crate::text::fold_key(&r.place.mention);
        r.place.name = self
            .display_name(c.geonameid, &key)
            .unwrap_or_else(|| mentions::french_name(&c.name).to_string());
        r.place.geonameid = Some(c.geonameid);
        r.place.lat = Some(c.lat);
        r.place.lon = Some(c.lon);
        r.place.admin1.clone_from(&c.admin1);
        r.place.admin2 = self.cercle_of(c.lon, c.lat);
        r.place.admin1_2023 = self.region_2023_of(c.lon, c.lat);
        r.candidates.insert(0, c);
    }

    fn region_2023_of(&self, lon: f64, lat: f64) -> Option<String> {
        self.cercles
            .as_ref()?
            .cercle_at(lon, lat)?
            .region_2023
            .map(str::to_string)
    }

    fn area(&self, i: usize, surface: &str, m: &Mention) -> PlaceMatch {
        let def = &place_lexicon().areas[i];
        let b = basemap();
        let regions: Vec<_> = def
            .regions
            .iter()
            .filter_map(|r| b.region_named(r))
            .collect();
        let n = regions.len().max(1) as f64;
        let lon = regions.iter().map(|r| r.centroid.x()).sum::<f64>() / n;
        let lat = regions.iter().map(|r| r.centroid.y()).sum::<f64>() / n;
        let located = !regions.is_empty();
        PlaceMatch {
            mention: one_line(surface),
            span: [m.span.start, m.span.end],
            name: def.label.clone(),
            geonameid: None,
            lat: located.then_some(lat),
            lon: located.then_some(lon),
            admin1: (regions.len() == 1).then(|| regions[0].name.clone()),
            admin2: None,
            admin1_2023: None,
            precision: if regions.len() <= 2 {
                Precision::Admin1
            } else {
                Precision::Country
            },
        }
    }

    /// Geocodes an article's incidents: every place of the incident's sentences, and one point.
    pub fn geocode(&self, article: &Article, extraction: &Extraction) -> Vec<Incident> {
        let resolved = self.resolve_article(article, extraction);
        self.geocode_resolved(article, extraction, &resolved)
    }

    /// The places of an article's text, actor names and the dateline's city left out.
    pub fn resolve_article(&self, article: &Article, extraction: &Extraction) -> Vec<Resolved> {
        let mut resolved =
            self.resolve_excluding(&article.text, &extraction.folded, &extraction.actor_spans);
        // "Mopti, 12 mars 2023 (AFP) –": the dateline names where the reporter files from,
        // not where the event happened.
        if let Some(p) = &article.published
            && p.kind == crate::corpus::PublicationKind::Dateline
        {
            let line_start = line_start_of(&article.text, p.span.start);
            resolved
                .retain(|r| !(r.place.span[0] >= line_start && r.place.span[1] <= p.span.start));
        }
        // "Bamako, Mali (PANA) - …": a dateline without a date names the filing town too.
        if let Some(end) = agency_dateline(&article.text) {
            resolved.retain(|r| {
                r.place.span[1] > end || r.place.span[0] < line_start_of(&article.text, end)
            });
        }
        headline_region(article, &mut resolved);
        headline_rubric(article, &mut resolved);
        resolved
    }

    /// The towns (locality precision, in Mali) each sentence names, for the extractor's
    /// segmentation ([`crate::extract::extract_with_places`]).
    pub fn sentence_places(article: &Article, resolved: &[Resolved]) -> Vec<Vec<(f64, f64)>> {
        let mut out = vec![Vec::new(); article.sentences.len()];
        // (A source's town is context, never a point.)
        for r in resolved.iter().filter(|r| !r.context) {
            let Some(point) = segmentation_point(&article.text, r) else {
                continue;
            };
            let p = &r.place;
            if let Some(si) = crate::extract::tolls::sentence_of(&article.sentences, p.span[0])
                && p.span[1] <= article.sentences[si].end
            {
                out[si].push(point);
            }
        }
        out
    }

    /// [`Geocoder::geocode`] with the article's places already resolved.
    pub fn geocode_resolved(
        &self,
        article: &Article,
        extraction: &Extraction,
        resolved: &[Resolved],
    ) -> Vec<Incident> {
        let mut out = Vec::with_capacity(extraction.drafts.len());
        let rubric = headline_rubric_span(article);
        for d in &extraction.drafts {
            let mut inc = d.incident.clone();
            inc.gazetteer = Some(self.stamp.clone());
            let ranges: Vec<&Range<usize>> =
                d.sentences.iter().map(|&i| &article.sentences[i]).collect();
            let told_in = |r: &Resolved| {
                let [s, e] = r.place.span;
                ranges.iter().any(|x| s >= x.start && e <= x.end)
            };
            // The town of a source or of a journey is not a place of the incident.
            let mut own: Vec<&Resolved> = resolved
                .iter()
                .filter(|r| !r.context && told_in(r))
                .collect();
            // "Ménaka : 40 tués" over a body telling another attack at a village of the
            // region: an incident told only in the headline keeps the rubric's town.
            if own.iter().all(|r| r.place.precision == Precision::Foreign) {
                own.extend(
                    resolved
                        .iter()
                        .filter(|r| r.context && told_in(r))
                        .filter(|r| rubric.as_ref().is_some_and(|span| named_within(r, span))),
                );
                own.sort_by_key(|r| r.place.span[0]);
            }
            for r in own {
                let [s, e] = r.place.span;
                inc.evidence
                    .push(Evidence::new("place", &article.text, s..e));
                inc.places.push(r.place.clone());
            }
            inc.evidence.sort_by_key(|e| (e.span[0], e.span[1]));
            let in_core = |p: &PlaceMatch| {
                d.core.iter().any(|&si| {
                    let r = &article.sentences[si];
                    p.span[0] >= r.start && p.span[1] <= r.end
                })
            };
            let core: Vec<PlaceMatch> = inc.places.iter().filter(|p| in_core(p)).cloned().collect();
            // A town in the core sentences wins; a mere commune, cercle or region there
            // yields to a town named elsewhere in the incident ("… dans la commune de C" in
            // the lead, "les villages de A et B" in the body).
            inc.location = match best_location(&core) {
                Some(l) if l.precision <= Precision::NearLocality => Some(l),
                Some(l) if l.precision == Precision::Admin2 => {
                    best_location_within(inc.places.iter(), l, ADMIN_CONTEXT_KM).or(Some(l))
                }
                _ => best_location(&inc.places),
            };
            // "dans la région de Bandiagara" in the lead, "le village de A" after it: a region
            // named after its seat yields to a town of the incident inside it.
            if let Some(l) = inc.location
                && inc.places.iter().any(|p| {
                    p.precision == Precision::NearLocality
                        && p.lat == Some(l.lat)
                        && p.lon == Some(l.lon)
                        && names_the_region_of(&article.text, p.span[0])
                })
            {
                let towns = inc
                    .places
                    .iter()
                    .filter(|p| p.precision == Precision::Locality);
                inc.location = best_location_within(towns, l, REGION_KM).or(inc.location);
            }
            if let Some(l) = placed_by_its_where_clause(&inc.places, &d.placed_in, inc.location) {
                inc.location = Some(l);
            }
            let abroad = inc.places.iter().any(|p| p.precision == Precision::Foreign);
            // "La ville de Nampala est souvent visée. En juillet 2016, une attaque avait fait
            // 17 morts": an incident that names no place happened at the one town the sentence
            // before it names; else near the town of the incident told before it.
            if inc.location.is_none() && !abroad {
                let just_before = d
                    .sentences
                    .first()
                    .and_then(|&si| si.checked_sub(1))
                    .and_then(|si| town_named_alone(&article.sentences[si], resolved));
                let previous = || {
                    out.iter().rev().find_map(|o: &Incident| {
                        o.location
                            .filter(|l| l.precision <= Precision::NearLocality)
                    })
                };
                let fallback = match just_before {
                    Some(l) => Some((l, "near the town named just before them")),
                    None => previous().map(|l| (l, "near the place of the incident before it")),
                };
                if let Some((l, near)) = fallback {
                    inc.location = Some(Location {
                        precision: Precision::NearLocality,
                        ..l
                    });
                    inc.warnings
                        .push(format!("no place in the incident's sentences; {near}"));
                }
            }
            // "Le village de B est situé à la frontière": an article's town named outside
            // the incident's sentences is still the best guess for an incident naming none,
            // even when those sentences name only foreign places (a border, the attackers'
            // origin): the press rarely tells an incident abroad without its own town.
            let article_town = resolved
                .iter()
                .filter(|r| !r.context && r.reference_km.is_none_or(|km| km <= REFERENCE_KM))
                .map(|r| &r.place)
                .find(|p| p.lat.is_some() && p.precision == Precision::Locality);
            if inc.location.is_none()
                && let Some(p) = article_town
                && let (Some(lat), Some(lon)) = (p.lat, p.lon)
            {
                inc.location = Some(Location {
                    lat,
                    lon,
                    precision: Precision::NearLocality,
                });
                inc.warnings.push(format!(
                    "no place in the incident's sentences; near '{}', the article's first town",
                    p.mention
                ));
            }
            if inc.location.is_none() {
                // Fall back to the region of the article's first Malian place.
                if let Some(p) = resolved.iter().map(|r| &r.place).find(|p| p.lat.is_some()) {
                    if let Some(region) =
                        p.admin1.as_deref().and_then(|a| basemap().region_named(a))
                    {
                        inc.location = Some(Location {
                            lat: region.centroid.y(),
                            lon: region.centroid.x(),
                            precision: Precision::Admin1,
                        });
                        inc.warnings.push(format!(
                            "no place in the incident's sentences; region of '{}' used",
                            p.mention
                        ));
                    }
                } else if !inc.places.iter().any(|p| p.precision == Precision::Foreign) {
                    inc.warnings.push("no place found for this incident".into());
                }
            }
            out.push(inc);
        }
        out
    }
}

/// The one Malian town (locality precision, not a source's or journey's) `sentence` names,
/// however often; `None` when it names none or several.
fn town_named_alone(sentence: &Range<usize>, resolved: &[Resolved]) -> Option<Location> {
    let mut towns = resolved.iter().filter(|r| {
        !r.context
            && r.reference_km.is_none()
            && r.place.precision == Precision::Locality
            && r.place.span[0] >= sentence.start
            && r.place.span[1] <= sentence.end
    });
    let first = towns.next()?;
    if towns.any(|r| r.place.geonameid != first.place.geonameid) {
        return None;
    }
    Some(Location {
        lat: first.place.lat?,
        lon: first.place.lon?,
        precision: Precision::Locality,
    })
}

/// Demonstrative event nouns before a town: "suite à cette attaque à Douentza".
const DEMONSTRATIVE_EVENTS: &[&str] = &[
    "cette attaque",
    "ces attaques",
    "cette embuscade",
    "cet attentat",
    "cette explosion",
    "cet incident",
    "cette incursion",
];

/// "Vingt terroristes ont été neutralisés suite à cette attaque à Douentza": a town the text
/// named before, after a demonstrative event noun, names the incident already told, loosely
/// (the nearest big town); it is no new place, so the sentence does not move elsewhere.
fn recalled_by_a_demonstrative(text: &str, resolved: &mut [Resolved]) {
    for i in 1..resolved.len() {
        let start = resolved[i].place.span[0];
        let from = text.floor_char_boundary(start.saturating_sub(32));
        let before = fold_key(&text[from..start]);
        let Some(rest) = [" a", " de", " d", " au", " pres de", " pres d"]
            .iter()
            .find_map(|p| before.trim_end().strip_suffix(p))
        else {
            continue;
        };
        if !DEMONSTRATIVE_EVENTS.iter().any(|e| rest.ends_with(e)) {
            continue;
        }
        let name = &resolved[i].place.name;
        if resolved[..i].iter().any(|r| &r.place.name == name) {
            resolved[i].context = true;
        }
    }
}

/// The cercle or commune mention right after byte `end` ("Koulogon, dans le cercle de
/// Bankass"), within 60 bytes. Mentions are in text order.
fn area_mention_after(mentions: &[Mention], end: usize) -> Option<&Mention> {
    mentions
        .get(mentions.partition_point(|n| n.span.start <= end))
        .filter(|n| n.span.start - end <= 60 && (n.qualifier.cercle || n.qualifier.commune))
}

/// A cercle mention's folded name, spaces removed, without the "cercle de" that GeoNames puts
/// in some cercle records' names: how `NamedAreas` keys cercles.
fn cercle_key(m: &Mention) -> String {
    mentions::cercle_named_whole(&m.key)
        .unwrap_or(&m.key)
        .replace(' ', "")
}

/// Where the town part of a dateless dateline ends ("Bamako, Mali (PANA) - …", "GAO
/// (Reuters) —"): a short line start, an agency in brackets, then a dash; or an agency between
/// bars ("Bamako, Mali | AFP | …"). Only the text's first lines are looked at.
fn agency_dateline(text: &str) -> Option<usize> {
    let mut start = 0;
    for line in text.split_inclusive('\n').take(6) {
        if let Some(open) = line.find('(')
            && open <= 60
            && let Some(close) = line[open..].find(')').map(|c| open + c)
            && mentions::NEWS_AGENCIES.contains(&fold_key(&line[open + 1..close]).as_str())
            && line[close + 1..].trim_start().starts_with(['-', '–', '—'])
        {
            return Some(start + open);
        }
        // "Bamako, Mali | AFP | mercredi 27/07/2022 - …": the agency between bars.
        if let Some(bar) = line.find('|')
            && bar <= 60
            && let Some(next) = line[bar + 1..].find('|')
            && mentions::NEWS_AGENCIES.contains(&fold_key(&line[bar + 1..bar + 1 + next]).trim())
        {
            return Some(start + bar);
        }
        if let Some(dash) = town_dash(line) {
            return Some(start + dash);
        }
        start += line.len();
    }
    None
}

/// "Bamako - Le gouvernement a confirmé …": a paragraph (a long line, or one ending with a
/// full stop; not a headline such as "Ménaka - douze civils tués") that opens with one or two
/// capitalised words and a dash. Where the dash is.
fn town_dash(line: &str) -> Option<usize> {
    let body = line.trim_end();
    if body.len() < 100 && !body.ends_with('.') {
        return None;
    }
    let (dash, _) = line
        .char_indices()
        .take(30)
        .find(|(_, c)| matches!(c, '-' | '–' | '—'))?;
    // A hyphen inside a name ("Ansongo-Ménaka") is no dateline's dash.
    if !line[..dash].ends_with(' ') || !line[dash..].chars().nth(1).is_some_and(char::is_whitespace)
    {
        return None;
    }
    // "BAMAKO, Mali —": the town, then its country after a comma.
    let words: Vec<&str> = line[..dash].split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    ((1..=3).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            let w = if i < last {
                w.strip_suffix(',').unwrap_or(w)
            } else {
                w
            };
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        }))
    .then_some(dash)
}

/// The start of the line holding byte `at`.
fn line_start_of(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The point a resolved place gives segmentation ([`Geocoder::sentence_places`]): a town
/// (locality precision, in Mali), or none.
fn segmentation_point(text: &str, r: &Resolved) -> Option<(f64, f64)> {
    let p = &r.place;
    let (lat, lon) = p.lat.zip(p.lon)?;
    // A town far from the event ("à 700 km de Tombouctou") says nothing of where the
    // sentence's event is; "à 63 km de Taoudénit" still tells apart an event of the far north
    // from one in the centre. Unless the text aims the point: "à 200 km au nord de Gao" is far
    // from Gao, yet a place of its own, hundreds of km from an incident of the centre.
    if r.reference_km.is_some_and(|km| km > SEGMENT_REFERENCE_KM) {
        let aimed = r.reference_km.is_some_and(|km| km <= AIMED_SEGMENT_KM)
            && r.candidates.first().is_some_and(|c| {
                distance_km(LatLon::new(c.lat, c.lon), LatLon::new(lat, lon)) > 1.0
            });
        return aimed.then_some((lat, lon));
    }
    if !matches!(p.precision, Precision::Locality | Precision::NearLocality) {
        return None;
    }
    // "dans la région de Bandiagara": a region of the 2023 reform named after its seat is an
    // area, which a village of it 60 km from the seat is not elsewhere than.
    if p.precision == Precision::NearLocality
        && r.reference_km.is_none()
        && names_the_region_of(text, p.span[0])
    {
        return None;
    }
    // "À 65 km à l'est de Nioro" names Nioro: segmentation compares the towns named, so a
    // headline's "Nioro" and the body's aimed point are one place.
    Some(match (r.reference_km, r.candidates.first()) {
        (Some(_), Some(c)) => (c.lat, c.lon),
        _ => (lat, lon),
    })
}

/// Other spellings of a folded name that are the same name, not edits of it: the press
/// writes "y" for GeoNames' "i" ("Diabaly", "Diabali") and English-style "w" for its French
/// "ou" ("Amalawlaw", "Amalaoulaou").
fn press_spellings(key: &str) -> Vec<String> {
    let i = key.replace('y', "i");
    let ou = key.replace('w', "ou");
    let both = i.replace('w', "ou");
    let mut out: Vec<String> = Vec::with_capacity(3);
    for v in [i, ou, both] {
        if v != key && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The part of a village's name that tells its community or its new quarter ("Koulogon
/// Habé", "Ogossagou Peul", "Niono Coura"), which the press often leaves out.
const COMMUNITY_SUFFIXES: &[&str] = &[
    "peul", "peulh", "peuhl", "foulbe", "habe", "dogon", "bambara", "banbara", "marka", "bozo",
    "somono", "koura", "coura", "kura", "were", "ouere",
];

/// How far "au nord-est de Bamako" (a direction from a capital, no distance) is taken to
/// be: beyond [`SEGMENT_REFERENCE_KM`], so it never tells incidents apart.
const DIRECTION_FROM_A_CAPITAL_KM: f64 = 200.0;

/// A town given as a reference farther than this ("à une centaine de km de X") is not where
/// the sentence's event is, for segmentation.
const REFERENCE_KM: f64 = 50.0;

/// The farthest reference town ("à 120 km de Gao") that still places a sentence's event for
/// telling incidents apart: at most this far, the region is right.
const SEGMENT_REFERENCE_KM: f64 = 150.0;

/// Beyond [`SEGMENT_REFERENCE_KM`], a point the text aims with a heading ("à 200 km au nord
/// de Gao") still tells incidents apart, up to this far from its town.
const AIMED_SEGMENT_KM: f64 = 400.0;

/// Whether the words right before byte `at` are "région de" (or "région d'").
fn names_the_region_of(text: &str, at: usize) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(12));
    let before = fold_key(&text[from..at]);
    let before = before.trim_end();
    before.ends_with("region de") || before.ends_with("region d")
}

/// "Attaque contre des citernes à Sikasso" over a body that says "dans la région de Sikasso,
/// entre A et B": the headline's regional capital is shorthand for the region. When the body
/// names that region as such and a town of its own, the headline's town is not a place of
/// the event (the region's mention still is).
fn headline_region(article: &Article, resolved: &mut [Resolved]) {
    let Some(title) = article.title.clone() else {
        return;
    };
    let in_title = |r: &Resolved| r.place.span[0] >= title.start && r.place.span[1] <= title.end;
    // (A natural region, "la katiba du Macina", is no region of the administration.)
    let regions: Vec<String> = resolved
        .iter()
        .filter(|r| !in_title(r) && r.place.precision == Precision::Admin1)
        .filter(|r| {
            !r.candidates
                .iter()
                .any(|c| Some(c.geonameid) == r.place.geonameid && c.feature_code == "RGN")
        })
        .filter_map(|r| r.place.admin1.as_deref().map(fold_key))
        .collect();
    if regions.is_empty() {
        return;
    }
    let capital = |r: &Resolved| {
        r.place.precision == Precision::Locality && regions.contains(&fold_key(&r.place.mention))
    };
    // "à 11 km au sud d'Aguelhok": a point measured from a town is a town of the body too.
    let body_town = resolved.iter().any(|r| {
        !in_title(r) && !r.context && r.place.precision <= Precision::NearLocality && !capital(r)
    });
    if !body_town {
        return;
    }
    for r in resolved.iter_mut() {
        if in_title(r) && capital(r) {
            r.context = true;
        }
    }
}

/// How long the part of a headline before its colon may be, to be a rubric ("Ségou :",
/// "Insécurité à Mopti :"), not a sentence.
const RUBRIC_BYTES: usize = 40;

/// The part of the headline before its rubric's colon ("Ségou : …", "Mali : Ségou : …"),
/// each rubric no longer than [`RUBRIC_BYTES`].
fn headline_rubric_span(article: &Article) -> Option<Range<usize>> {
    let title = article.title.clone()?;
    // "Mali : Diéma : attaque à Dioumara": rubrics may nest, each short.
    let mut end = None;
    let mut from = 0;
    for (colon, _) in article.text[title.clone()].match_indices(':') {
        if colon - from > RUBRIC_BYTES {
            break;
        }
        end = Some(colon);
        from = colon + 1;
    }
    end.map(|colon| title.start..title.start + colon)
}

/// Whether `r` is named inside `span`.
fn named_within(r: &Resolved, span: &Range<usize>) -> bool {
    r.place.span[0] >= span.start && r.place.span[1] <= span.end
}

/// How far from a region's seat a town of its region may lie (Mali's regions span some
/// 300 km from their seat; Dioura is 190 km from Ségou).
const REGION_RUBRIC_KM: f64 = 300.0;

/// How far from a cercle's seat a town of its cercle may lie.
const CERCLE_RUBRIC_KM: f64 = 120.0;

/// "Ségou : au moins six militaires tués", "KORO: un village attaqué": a region's or a
/// cercle's seat before the colon that opens a headline files the story under its area. When
/// the body names another town of that area (not only as a distance reference), the rubric's
/// town is not a place of the event; the body's own mentions of it still are. A town far
/// outside the area ("Ménaka :" over a body naming Bamako's government) leaves it alone, and so
/// does a village as rubric ("Farabougou :"), which is where the event was.
fn headline_rubric(article: &Article, resolved: &mut [Resolved]) {
    let (Some(title), Some(rubric)) = (article.title.clone(), headline_rubric_span(article)) else {
        return;
    };
    let in_rubric = |r: &Resolved| named_within(r, &rubric);
    let in_title = |r: &Resolved| named_within(r, &title);
    // The rubric's seats and how far their area reaches: a region's seat files stories of
    // the whole region, a cercle's those of the cercle. A village is never a rubric.
    let seats: Vec<(String, LatLon, f64)> = resolved
        .iter()
        .filter(|r| in_rubric(r))
        .filter_map(|r| {
            let chosen = r
                .candidates
                .iter()
                .find(|c| Some(c.geonameid) == r.place.geonameid)?;
            let reach = match chosen.feature_code.as_str() {
                "PPLA" => REGION_RUBRIC_KM,
                "PPLA2" => CERCLE_RUBRIC_KM,
                _ => return None,
            };
            Some((
                fold_key(&r.place.name),
                LatLon::new(r.place.lat?, r.place.lon?),
                reach,
            ))
        })
        .collect();
    if seats.is_empty() {
        return;
    }
    // (A town of an earlier event the body recalls files nothing: "Cette attaque intervient
    // dix jours après celle de Boni".)
    let body_town = resolved.iter().any(|r| {
        !in_title(r)
            && !r.context
            // "à 15 km de Goundam" under "Tombouctou :" places the event near Goundam; "à
            // une centaine de km de X" says too little.
            && r.reference_km.is_none_or(|km| km <= REFERENCE_KM)
            && !mentions::names_a_recalled_event(&article.text, r.place.span[0])
            && r.place.precision <= Precision::NearLocality
            && r.place.lat.zip(r.place.lon).is_some_and(|(lat, lon)| {
                seats.iter().any(|(name, seat, reach)| {
                    *name != fold_key(&r.place.name)
                        && distance_km(*seat, LatLon::new(lat, lon)) <= *reach
                })
            })
    });
    if !body_town {
        return;
    }
    for r in resolved.iter_mut().filter(|r| in_rubric(r)) {
        r.context = true;
    }
}

/// A foreign town this close to a Malian place of the same text is taken at the border.
const BORDER_CROSSING_KM: f64 = 25.0;

/// A village named in the body stands for a commune or cercle named in the lead when it lies
/// within this distance of its seat (Mali's cercles are rarely wider).
const ADMIN_CONTEXT_KM: f64 = 80.0;

/// How far from its seat a town of a region named after that seat may lie.
const REGION_KM: f64 = 100.0;

/// [`best_location`] among `places` that lie within `km` of `center`.
fn best_location_within<'a>(
    places: impl Iterator<Item = &'a PlaceMatch>,
    center: Location,
    km: f64,
) -> Option<Location> {
    let near: Vec<PlaceMatch> = places
        .filter(|p| {
            p.lat.zip(p.lon).is_some_and(|(lat, lon)| {
                distance_km(LatLon::new(lat, lon), LatLon::new(center.lat, center.lon)) <= km
            })
        })
        .cloned()
        .collect();
    best_location(&near)
}

/// The distance in km between two places with coordinates.
fn km_between(a: &PlaceMatch, b: &PlaceMatch) -> Option<f64> {
    let (a, b) = (a.lat.zip(a.lon)?, b.lat.zip(b.lon)?);
    Some(distance_km(LatLon::new(a.0, a.1), LatLon::new(b.0, b.1)))
}

/// Where actors are named in a text: never places.
fn actor_spans(folded: &Folded) -> Vec<Range<usize>> {
    lexicon()
        .scan(&folded.text)
        .into_iter()
        .filter(|c| matches!(c.cue, Cue::Actor(_)))
        .map(|c| folded.original_range(c.range))
        .collect()
}

/// "Un car allant à B a sauté sur une mine. L'incident est survenu près de A": the town of
/// the clause saying where the facts took place (`placed_in`), before the towns of the
/// incident's other sentences. A point aimed from a town there ("a eu lieu à 20 km de C")
/// yields to a village named elsewhere in the incident close to it: the village says more.
fn placed_by_its_where_clause(
    places: &[PlaceMatch],
    placed_in: &[Range<usize>],
    located: Option<Location>,
) -> Option<Location> {
    let there: Vec<PlaceMatch> = places
        .iter()
        .filter(|p| p.precision <= Precision::NearLocality)
        .filter(|p| {
            placed_in
                .iter()
                .any(|r| p.span[0] >= r.start && p.span[1] <= r.end)
        })
        .cloned()
        .collect();
    let l = best_location(&there)?;
    // (The town a point was aimed from is no village near it: "dans la localité de A, à 40
    // km au nord de B", A missing from the gazetteer, is not at B.)
    let aimed_from = |c: &Location| {
        there
            .iter()
            .filter(|p| p.lat == Some(l.lat) && p.lon == Some(l.lon))
            .any(|aimed| {
                places.iter().any(|p| {
                    p.precision == Precision::Locality
                        && p.lat == Some(c.lat)
                        && p.lon == Some(c.lon)
                        && p.mention == aimed.mention
                })
            })
    };
    let village_near = located.is_some_and(|c| {
        c.precision == Precision::Locality
            && distance_km(LatLon::new(c.lat, c.lon), LatLon::new(l.lat, l.lon))
                <= WHERE_CLAUSE_AIMED_KM
            && !aimed_from(&c)
    });
    (l.precision == Precision::Locality || !village_near).then_some(l)
}

/// A village within this distance of a point aimed from a town is the better point.
const WHERE_CLAUSE_AIMED_KM: f64 = 50.0;

/// The most specific Malian place; ties go to the first mentioned.
pub fn best_location(places: &[PlaceMatch]) -> Option<Location> {
    // A point aimed from the town named `p.name`, away from `p`.
    let aimed_elsewhere = |p: &PlaceMatch| {
        places.iter().any(|q| {
            q.precision == Precision::NearLocality
                && q.name == p.name
                && km_between(q, p).is_some_and(|km| km > 1.0)
        })
    };
    // "… sur la route reliant Ansongo à Ménaka. … à 110 km d'Ansongo": a point aimed from a
    // town says more than the town it was measured from.
    let aimed_from = |p: &PlaceMatch| p.precision == Precision::Locality && aimed_elsewhere(p);
    // "dans la région de Ménaka … à 50 km à l'est de Ménaka": a point near the town, at the
    // town itself, yields to the point aimed from it.
    let unaimed_beside_aimed = |p: &PlaceMatch| {
        p.precision == Precision::NearLocality
            && aimed_elsewhere(p)
            && places.iter().any(|r| {
                r.precision == Precision::Locality
                    && r.name == p.name
                    && km_between(r, p).is_some_and(|km| km <= 1.0)
            })
    };
    places
        .iter()
        .filter(|p| p.precision != Precision::Foreign && !aimed_from(p) && !unaimed_beside_aimed(p))
        .filter_map(|p| Some((p.precision, p.lat?, p.lon?)))
        .min_by_key(|(prec, _, _)| *prec)
        .map(|(precision, lat, lon)| Location {
            lat,
            lon,
            precision,
        })
}

fn foreign(surface: &str, m: &Mention) -> PlaceMatch {
    PlaceMatch {
        mention: one_line(surface),
        span: [m.span.start, m.span.end],
        name: surface.to_string(),
        geonameid: None,
        lat: None,
        lon: None,
        admin1: None,
        admin2: None,
        admin1_2023: None,
        precision: Precision::Foreign,
    }
}

/// Moves a point `km` along `bearing_deg` (spherical Earth; fine at tens of km).
pub fn offset(lat: f64, lon: f64, km: f64, bearing_deg: f64) -> (f64, f64) {
    let r = 6371.0;
    let d = km / r;
    let b = bearing_deg.to_radians();
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    let la2 = (la.sin() * d.cos() + la.cos() * d.sin() * b.cos()).asin();
    let lo2 = lo + (b.sin() * d.sin() * la.cos()).atan2(d.cos() - la.sin() * la2.sin());
    (la2.to_degrees(), lo2.to_degrees())
}

/// "Un convoi allant de Douentza à Sévaré a heurté un engin explosif": with no other town in
/// the sentence, the journey's ends are where it happened (on the road between them); "… à 5
/// km au nord de Tabankort" would place it instead, and they stay context.
fn journeys_ends_place_an_event_named_nowhere_else(
    text: &str,
    mentions: &[Mention],
    out: &mut [Resolved],
) {
    let ends: Vec<[usize; 2]> = mentions
        .iter()
        .filter(|m| m.qualifier.itinerary)
        .map(|m| [m.span.start, m.span.end])
        .collect();
    if ends.is_empty() {
        return;
    }
    let stops = ['.', '!', '?', '\n'];
    let free: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].context && ends.contains(&out[i].place.span))
        .filter(|&i| {
            let [s, e] = out[i].place.span;
            let start = text[..s].rfind(stops).map_or(0, |k| k + 1);
            let end = text[e..].find(stops).map_or(text.len(), |k| e + k);
            !out.iter().any(|q| {
                !q.context
                    && q.place.span[0] >= start
                    && q.place.span[1] <= end
                    && matches!(
                        q.place.precision,
                        Precision::Locality | Precision::NearLocality
                    )
            })
        })
        .collect();
    for i in free {
        out[i].context = false;
    }
}

/// A mention as it reads on one line: a line break inside it ("centre\ndu Mali"), or the
/// spaces a hard wrap left, is one space.
fn one_line(surface: &str) -> String {
    if surface.contains(['\n', '\r']) || surface.contains("  ") {
        surface.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        surface.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn press_spellings_swap_y_for_i_and_w_for_ou() {
        assert_eq!(press_spellings("diabaly"), vec!["diabali"]);
        assert_eq!(press_spellings("tinzawaten"), vec!["tinzaouaten"]);
        assert_eq!(press_spellings("wayra"), vec!["waira", "ouayra", "ouaira"]);
        assert!(press_spellings("gao").is_empty());
    }

    #[test]
    fn a_mention_wrapped_across_lines_reads_on_one_line() {
        assert_eq!(one_line("centre\r\ndu Mali"), "centre du Mali");
        assert_eq!(one_line("centre  du Mali"), "centre du Mali");
        assert_eq!(one_line("Gao"), "Gao");
    }

    #[test]
    fn offset_moves_along_the_bearing() {
        let (lat, lon) = offset(16.27, -0.04, 30.0, 0.0);
        assert!((lat - 16.27 - 0.2698).abs() < 0.01 && (lon + 0.04).abs() < 1e-9);
        let (lat2, lon2) = offset(16.27, -0.04, 30.0, 90.0);
        assert!((lat2 - 16.27).abs() < 0.01 && lon2 > -0.04 + 0.25);
    }

    #[test]
    fn best_location_prefers_the_most_specific_place() {
        let mk = |prec, lat: f64| PlaceMatch {
            mention: "x".into(),
            span: [0, 1],
            name: "x".into(),
            geonameid: None,
            lat: Some(lat),
            lon: Some(0.0),
            admin1: None,
            admin2: None,
            admin1_2023: None,
            precision: prec,
        };
        let l = best_location(&[mk(Precision::Admin1, 1.0), mk(Precision::Locality, 2.0)]).unwrap();
        assert_eq!(l.lat, 2.0);
        // The town a distance was aimed from yields to the aimed point.
        let mut aimed = mk(Precision::NearLocality, 2.5);
        aimed.name = "y".into();
        let mut town = mk(Precision::Locality, 2.0);
        town.name = "y".into();
        let l = best_location(&[town.clone(), aimed.clone()]).unwrap();
        assert_eq!(l.lat, 2.5);
        // So does a point near the town at the town itself, told first.
        let mut near_town = mk(Precision::NearLocality, 2.0);
        near_town.name = "y".into();
        let l = best_location(&[near_town, town.clone(), aimed.clone()]).unwrap();
        assert_eq!(l.lat, 2.5);
        aimed.lat = Some(2.0);
        assert_eq!(
            best_location(&[town, aimed]).unwrap().precision,
            Precision::Locality
        );
        let mut f = mk(Precision::Foreign, 3.0);
        f.lat = None;
        assert!(best_location(&[f]).is_none());
    }
}
