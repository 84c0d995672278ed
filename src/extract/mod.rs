//! French text → incident drafts: dates, tolls by category, actors, event types, each with
//! the evidence span that produced it.
//!
//! The extractor knows French and the conflict's vocabulary; it knows nothing of coordinates
//! (the geocoder fills `places` and `location`) nor of storage or drawing.
//!
//! ## How an article becomes incidents
//! 1. **Dating.** The reference date is the publication date when it is day-precise; a month
//!    or year header only resolves dates lacking a year; with no header the latest full date in
//!    the text stands in. A known event in the text (data/lexicon/anchors.toml) that contradicts
//!    the header's year by more than a year wins over the header (content wins), with a warning.
//!    Relative dates ("hier", "vendredi") are resolved only against a day-precise publication.
//! 2. **Event sentences.** A sentence with an event cue or a casualty toll.
//! 3. **Segmentation rule.** Sentences are read in order. A dated event sentence joins the
//!    incident whose dates overlap its own, else the current incident if that has no
//!    date yet, else starts a new one. An undated one joins the incident already holding the
//!    same toll (lead and body repeat), else the current incident, else starts one. Background
//!    sentences (coups, withdrawals, detentions, or only dates more than six months before the
//!    article's focus) are never incidents and close the current incident, so later commentary
//!    does not leak into it. An incident with neither its own date nor a toll is dropped unless
//!    it is the article's only one.
//!    When the geocoder has told the segmenter which towns each sentence names
//!    ([`extract_with_places`]), a dated or undated sentence with its own toll does not join an
//!    incident that already has a toll and names only towns more than 50 km from its own: that
//!    is another incident the same day (ACLED codes one event per location and day).

pub mod clauses;
pub mod dates;
pub mod events;
pub mod lexicon;
pub mod numbers;
pub mod placed;
pub mod recalls;
pub mod tolls;
pub mod version;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::corpus::normalize::{Folded, fold, fold_key};
use crate::corpus::{Article, DatePrecision};
use crate::incident::{Category, Evidence, Incident};
use dates::{DateKind, DateMention};
use events::EventEvidence;
use lexicon::{ActorKind, Cue, CueMatch, EventCue, Lexicon, Outcome, lexicon};
use tolls::{TextCue, Toll};

pub use version::{EXTRACTOR_VERSION, extractor_stamp};

/// An incident before geocoding, with the sentences it was built from.
#[derive(Debug, Clone)]
pub struct Draft {
    pub incident: Incident,
    /// Indices into `Article::sentences`, in order.
    pub sentences: Vec<usize>,
    /// The sentences that carry the incident's date or a toll, and its first sentence: where
    /// its map point is looked for first (later sentences are often commentary).
    pub core: Vec<usize>,
    /// Byte ranges of the clauses that say where the facts took place ("L'incident est
    /// survenu près de A"): a town there is the incident's point ([`placed`]).
    pub placed_in: Vec<Range<usize>>,
}

/// Everything the extractor learnt from one article.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub drafts: Vec<Draft>,
    /// The article text folded for matching (reused by the geocoder).
    pub folded: Folded,
    /// Warnings about the article as a whole (e.g. header contradicted by content).
    pub warnings: Vec<String>,
    /// Where actors are named (original byte ranges): never places, so the geocoder skips
    /// them without scanning the lexicon again.
    pub actor_spans: Vec<Range<usize>>,
    /// Sentences telling another, undated event ("Par ailleurs, …") dropped for want of
    /// towns: [`resegment`] keeps them as incidents if they name one.
    asides: Vec<usize>,
    /// Dated scenes told before a sentence of narrative, whose date reaches the facts after it
    /// only if the scene names a town, unknown yet ([`HELD_REACH`]).
    scenes: Vec<usize>,
    /// Kept for [`resegment`].
    reading: Reading,
}

/// How the article is dated (step 1 above).
#[derive(Debug, Clone)]
struct Dating {
    reference: Option<NaiveDate>,
    relative_ok: bool,
    /// Content-derived year overriding the header, with its reason.
    anchor: Option<(i32, String)>,
    /// Fallback date for incidents without their own.
    fallback: Option<(NaiveDate, DatePrecision)>,
}

/// Extracts the incidents of one article.
pub fn extract(article: &Article) -> Extraction {
    extract_with_places(article, &[])
}

/// Localities (lat, lon) named by each sentence of an article, indexed like
/// `Article::sentences`; shorter than the sentence list (or empty) where unknown.
pub type SentencePlaces = [Vec<(f64, f64)>];

/// Two incidents' towns closer than this are the same place for segmentation.
const SAME_PLACE_KM: f64 = 50.0;

/// "Du 20 mai au 2 juin", "entre le 3 et le 19 mars": a date written with both its ends (not
/// "en mars", which a recall uses for one event).
fn is_range(mention: &str) -> bool {
    let m = fold_key(mention);
    ((m.starts_with("du ") || m.contains(" du ")) && m.contains(" au ")) || m.starts_with("entre ")
}

/// A span of more than this many days ("du 20 mai au 2 juin") dates a summary of a period,
/// never one of the incidents inside it.
const SUMMARY_PERIOD_DAYS: i64 = 7;

/// "dimanche" and "dans la nuit de dimanche à lundi" in a text with no date to count from:
/// weekdays read back from a placeholder day ([`dates::find_floating_weekdays`]) may fall in
/// different weeks, yet name the same day when they share a weekday.
fn same_floating_weekday(text: &str, a: &DateMention, b: &DateMention) -> bool {
    let weekdays = |m: &DateMention| {
        if m.kind != DateKind::Floating || (m.end - m.start).num_days() > 1 {
            return None;
        }
        let said = fold_key(&text[m.span.clone()]);
        let named: Vec<chrono::Weekday> = said
            .split(' ')
            .filter_map(dates::weekday_from_folded)
            .collect();
        // A bare weekday, or a day named with its date.
        let bare =
            !said.bytes().any(|b| b.is_ascii_digit()) && !said.split(' ').any(dates::is_month_name);
        Some((named, bare))
    };
    let (Some((x, x_bare)), Some((y, y_bare))) = (weekdays(a), weekdays(b)) else {
        return false;
    };
    // ("vendredi 22 juillet" and "vendredi 29 juillet" are two days; "ce samedi" after
    // "samedi 28 septembre" is that day.)
    (x_bare || y_bare) && x.iter().any(|d| y.contains(d))
}

/// A sentence dated by a range this many days long or more ("entre le 4 et le 11 juin") tells
/// a tally of the period, never the toll of one day's incident inside it.
const TALLY_DAYS: i64 = 3;

/// Two points this close are the same town named twice.
const SAME_TOWN_KM: f64 = 5.0;

/// Whether a draft of `extraction` mixes towns more than [`SAME_PLACE_KM`] apart (or more
/// than [`CO_REPORTED_KM`] in the sentences that carry its date and tolls), or names no town
/// while the sentence after it names some, or an undated event told aside names some, or a
/// dated scene whose date may reach past a sentence of narrative ([`HELD_REACH`]) names some,
/// or a follow-up sentence naming a town recalls an event whose dead the next sentence gives
/// ([`recall_taken_up_next`]): only then can [`extract_with_places`] segment differently.
pub fn places_may_split(
    article: &Article,
    extraction: &Extraction,
    places: &SentencePlaces,
) -> bool {
    let has_points = |si: usize| places.get(si).is_some_and(|p| !p.is_empty());
    // A townless draft followed by a sentence of no draft that names towns ("Des soldats
    // sont tombés dans une embuscade. L'incident a eu lieu à 25 km de A.").
    let townless_then_towns = extraction.drafts.iter().any(|d| {
        !d.sentences.iter().any(|&si| has_points(si))
            && d.sentences.iter().any(|&si| {
                has_points(si + 1)
                    && !extraction
                        .drafts
                        .iter()
                        .any(|o| o.sentences.contains(&(si + 1)))
            })
    });
    let reading = &extraction.reading;
    let recall_taken_up = || {
        extraction
            .drafts
            .iter()
            .flat_map(|d| &d.sentences)
            .any(|&si| {
                has_points(si)
                    && recall_taken_up_next(article, si, &reading.tolls, &reading.mentions, places)
                        .is_some()
            })
    };
    townless_then_towns
        || extraction.asides.iter().any(|&si| has_points(si))
        || extraction.scenes.iter().any(|&si| has_points(si))
        || extraction.drafts.iter().any(|d| {
            any_pair_farther(&points_of(places, &d.sentences), SAME_PLACE_KM)
                // Towns of a lead that reported two attacks together ([`split_co_reported`]).
                || any_pair_farther(&points_of(places, &d.core), CO_REPORTED_KM)
        })
        || recall_taken_up()
}

/// The towns `sentences` name, in order.
fn points_of(places: &SentencePlaces, sentences: &[usize]) -> Vec<(f64, f64)> {
    sentences
        .iter()
        .filter_map(|&si| places.get(si))
        .flatten()
        .copied()
        .collect()
}

/// Whether some two of `points` are more than `limit` km apart.
fn any_pair_farther(points: &[(f64, f64)], limit: f64) -> bool {
    points
        .iter()
        .enumerate()
        .any(|(i, a)| points[i + 1..].iter().any(|b| km(*a, *b) > limit))
}

/// Great-circle distance in km between two (lat, lon) points.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    use crate::model::{LatLon, distance_km};
    distance_km(LatLon::new(a.0, a.1), LatLon::new(b.0, b.1))
}

/// [`extract`], with the towns each sentence names (from the geocoder) so that same-day
/// incidents in distant towns are not merged.
pub fn extract_with_places(article: &Article, places: &SentencePlaces) -> Extraction {
    let (folded, reading) = read(article);
    draft_incidents(article, folded, reading, places)
}

/// Segments an extraction again with the towns each sentence names: the same result as
/// [`extract_with_places`] without reading the text a second time.
pub fn resegment(article: &Article, extraction: Extraction, places: &SentencePlaces) -> Extraction {
    draft_incidents(article, extraction.folded, extraction.reading, places)
}

/// What extraction reads from an article before grouping its sentences into incidents.
#[derive(Debug, Clone)]
pub struct Reading {
    cues: Vec<TextCue>,
    warnings: Vec<String>,
    dating: Dating,
    mentions: Vec<DateMention>,
    tolls: Vec<Toll>,
    focus: Option<NaiveDate>,
}

/// What extraction reads from an article's text alone, before its sentences matter: the
/// folded text, how the article is dated and its date mentions. [`cut_roundups`] needs them
/// to cut sentences; the extraction of the cut article reuses them.
pub struct DatedText {
    folded: Folded,
    dating: Dating,
    mentions: Vec<DateMention>,
    warnings: Vec<String>,
}

impl DatedText {
    /// Reads the article's dates.
    pub fn read(article: &Article) -> Self {
        let folded = fold(&article.text);
        let mut warnings = Vec::new();
        let (dating, mentions) = date_mentions(article, &folded, lexicon(), &mut warnings);
        DatedText {
            folded,
            dating,
            mentions,
            warnings,
        }
    }
}

/// "n'a fait ni perte en vie humaine ni dégâts", "sans faire de pertes humaines": a phrase of
/// deaths said in a denial says that nobody died. `at` is where the phrase starts in `folded`.
fn denied(folded: &str, at: usize) -> bool {
    let words: Vec<&str> = folded[..at].split_whitespace().rev().take(4).collect();
    match words.first() {
        Some(&("ni" | "sans" | "aucune" | "aucun")) => true,
        // "pas de", "pas fait de", "n'a pas occasionné de", "ni de".
        Some(&("de" | "d")) => words[1..]
            .iter()
            .any(|w| ["pas", "ni", "sans", "jamais", "aucunement"].contains(w)),
        _ => false,
    }
}

/// "Les passagers ont été dépouillés de leurs biens": the verb of a robbery, which folds to the
/// noun of corpses ("les dépouilles"); after an auxiliary it counts no dead.
/// So does one stripped "de" their goods or a sum ("attaqués et dépouillés de tous leurs
/// biens", "dépouillés de près de 7 millions"), unlike "les dépouilles de l'imam".
fn robs(folded: &str, cue: &Range<usize>) -> bool {
    if !folded[cue.clone()].starts_with("depouill") {
        return false;
    }
    let after_auxiliary = folded[..cue.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| {
            [
                "ete", "ont", "a", "avoir", "etre", "sont", "se", "avaient", "avait",
            ]
            .contains(&w)
        });
    let mut after = folded[cue.end..].split_whitespace();
    let of_goods = after.next() == Some("de")
        && after.next().is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || [
                    "leur",
                    "leurs",
                    "tous",
                    "tout",
                    "toutes",
                    "ses",
                    "son",
                    "sa",
                    "pres",
                    "plus",
                    "biens",
                    "argent",
                    "sommes",
                    "marchandises",
                    "motos",
                    "telephones",
                ]
                .contains(&w)
        });
    after_auxiliary || of_goods
}

/// "quinze obus se sont abattus sur le camp": "s'abattre" falls on something, it kills
/// nobody.
fn falls_on(folded: &str, cue: &Range<usize>) -> bool {
    folded[cue.clone()].starts_with("abattu")
        && ["se sont", "s est", "s etait", "s etaient", "se sont tous"]
            .iter()
            .any(|r| folded[..cue.start].trim_end().ends_with(r))
}

fn read(article: &Article) -> (Folded, Reading) {
    read_dated(article, DatedText::read(article))
}

fn read_dated(article: &Article, dated: DatedText) -> (Folded, Reading) {
    let lex = lexicon();
    let text = article.text.as_str();
    let DatedText {
        folded,
        dating,
        mentions,
        warnings,
    } = dated;
    let cues: Vec<TextCue> = lex
        .scan(&folded.text)
        .into_iter()
        // Words that only look like deaths: a device "neutralised", a robbery, a fall.
        .filter(|m| {
            let killed_a_device = m.cue == Cue::Outcome(Outcome::Killed)
                && tolls::kills_a_device(text, &folded, &m.range, &lex.devices);
            !(killed_a_device || robs(&folded.text, &m.range) || falls_on(&folded.text, &m.range))
        })
        .map(|m| CueMatch {
            cue: if m.cue == Cue::DeathsWithoutFigure && denied(&folded.text, m.range.start) {
                Cue::NoDeath
            } else {
                m.cue
            },
            ..m
        })
        .map(|m| TextCue {
            cue: m.cue,
            range: folded.original_range(m.range),
        })
        .collect();
    let pub_span = article.published.as_ref().map(|p| p.span.clone());
    // Numbers inside any date (the publication's included) are never tolls.
    let date_spans: Vec<Range<usize>> = mentions
        .iter()
        .map(|m| m.span.clone())
        .chain(pub_span)
        .collect();
    let quantities = numbers::find_quantities(text);
    let tolls = tolls::find_tolls(text, &article.sentences, &quantities, &cues, &date_spans);

    let focus = mentions
        .iter()
        .filter(|m| m.precision == DatePrecision::Day)
        .map(|m| m.end)
        .max()
        .or(dating.reference);
    let reading = Reading {
        cues,
        warnings,
        dating,
        mentions,
        tolls,
        focus,
    };
    (folded, reading)
}

/// The article with its round-up sentences cut into clauses ([`clauses::cut_roundups`]), or
/// `None` when it has none. Run before [`extract`] so that the geocoder and the extractor see
/// the same sentences.
pub fn cut_roundups(article: &Article, dated: &DatedText) -> Option<Article> {
    // "…, a-t-on appris vendredi", "depuis le 3 mars": not the date of a clause's event.
    let mentions: Vec<DateMention> = dated
        .mentions
        .iter()
        .filter(|m| {
            !is_reporting_date(&article.text, &m.span)
                && !fold_key(&article.text[m.span.clone()]).starts_with("depuis")
        })
        .cloned()
        .collect();
    let sentences = clauses::cut_roundups(&article.text, &article.sentences, &mentions)?;
    Some(Article {
        sentences,
        ..article.clone()
    })
}

/// [`extract`] with the article's dates already read (by [`DatedText::read`] on the same
/// text: cutting sentences does not change them).
pub fn extract_dated(article: &Article, dated: DatedText) -> Extraction {
    let (folded, reading) = read_dated(article, dated);
    draft_incidents(article, folded, reading, &[])
}

/// How the article is dated, and the date mentions of its text in order.
fn date_mentions(
    article: &Article,
    folded: &Folded,
    lex: &Lexicon,
    warnings: &mut Vec<String>,
) -> (Dating, Vec<DateMention>) {
    let text = article.text.as_str();
    let dating = date_article(article, folded, lex, warnings);
    let pub_span = article.published.as_ref().map(|p| p.span.clone());
    let mut mentions: Vec<DateMention> = dates::find_dates(text, dating.reference)
        .into_iter()
        .filter(|m| dating.relative_ok || m.kind != DateKind::Relative)
        .filter(|m| pub_span.as_ref().is_none_or(|p| !overlaps(p, &m.span)))
        .collect();
    // No header: "mardi", told with "le mardi 6 septembre 2022" elsewhere in the text, is
    // that Tuesday.
    if article.published.is_none() && dating.anchor.is_none() && !dating.relative_ok {
        weekdays_of_named_days(text, &folded.text, &mut mentions);
    }
    // A header that gives only the month, over a text that names no day: "dimanche" and
    // "hier samedi" cannot be dated, yet they are two days, and two incidents.
    let month_header = article
        .published
        .as_ref()
        .is_some_and(|p| p.precision != DatePrecision::Day);
    if month_header
        && dating.anchor.is_none()
        && !mentions.iter().any(|m| m.precision == DatePrecision::Day)
    {
        mentions.extend(dates::find_floating_weekdays(text, None));
        mentions.sort_by_key(|m| m.span.start);
    } else if month_header && dating.anchor.is_none() {
        weekdays_beside_named_days(text, &mut mentions);
    }
    // No year anywhere: "le 5 février" and "le 12 février" still tell two incidents apart.
    if dating.reference.is_none() && dating.anchor.is_none() {
        let days = dates::find_floating_dates(text);
        let base = days.iter().map(|m| m.end).max();
        let weekdays = dates::find_floating_weekdays(text, base);
        for f in days.into_iter().chain(weekdays) {
            if !mentions.iter().any(|m| overlaps(&m.span, &f.span)) {
                mentions.push(f);
            }
        }
        mentions.sort_by_key(|m| m.span.start);
    }
    (dating, mentions)
}

/// Under a header that gives only the month, adds to `mentions` the weekdays of a text that
/// also names days ("vendredi 20 décembre"): one on the weekday of a named day is that day
/// ("ce vendredi"); another ("dimanche dernier") is a day apart, [`DateKind::Floating`], so an
/// attack told on it is not folded into the named day's.
fn weekdays_beside_named_days(text: &str, mentions: &mut Vec<DateMention>) {
    let named: Vec<(chrono::Weekday, DateMention)> = mentions
        .iter()
        .filter(|m| m.precision == DatePrecision::Day && m.start == m.end)
        .filter_map(|m| {
            let day = fold_key(&text[m.span.clone()])
                .split(' ')
                .find_map(dates::weekday_from_folded)
                .filter(|d| *d == m.start.weekday())?;
            Some((day, m.clone()))
        })
        .collect();
    if named.is_empty() {
        return;
    }
    let mut added = false;
    for f in dates::find_floating_weekdays(text, None) {
        if mentions.iter().any(|m| overlaps(&m.span, &f.span)) {
            continue;
        }
        // "A et B samedi 18 juin, puis C dimanche": a day counted on from the named day of
        // its sentence, which the floating weekday cannot follow.
        let sentence_start = text[..f.span.start].rfind(['.', '\n']).map_or(0, |i| i + 1);
        if named
            .iter()
            .any(|(_, d)| d.span.start >= sentence_start && d.span.end <= f.span.start)
        {
            continue;
        }
        let said: Vec<chrono::Weekday> = fold_key(&text[f.span.clone()])
            .split(' ')
            .filter_map(dates::weekday_from_folded)
            .collect();
        let [weekday] = said[..] else {
            continue;
        };
        let m = match named.iter().find(|(d, _)| *d == weekday) {
            Some((_, day)) => DateMention {
                span: f.span.clone(),
                warnings: Vec::new(),
                ..day.clone()
            },
            None => f,
        };
        mentions.push(m);
        added = true;
    }
    if added {
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// Adds to `mentions` the bare weekdays ("mardi", "mardi soir") of a text without a header
/// that also names a full day on that weekday ("le mardi 6 septembre 2022"): that day.
/// Weekdays counted from another day ("mardi dernier", "hier mardi") are left out.
fn weekdays_of_named_days(text: &str, folded: &str, mentions: &mut Vec<DateMention>) {
    let named: Vec<(NaiveDate, String)> = mentions
        .iter()
        .filter(|m| m.kind == DateKind::Absolute && m.precision == DatePrecision::Day)
        .filter(|m| m.start == m.end)
        .filter_map(|m| {
            let words = fold_key(&text[m.span.clone()]);
            let day = words
                .split(' ')
                .find(|w| dates::parse_weekday(w) == Some(m.start.weekday()))?
                .to_string();
            Some((m.start, day))
        })
        .collect();
    let mut added = false;
    for (day, weekday) in named {
        if folded.matches(weekday.as_str()).count() < 2 {
            continue;
        }
        for m in dates::find_dates(text, Some(day)) {
            let words = fold_key(&text[m.span.clone()]);
            let bare = m.kind == DateKind::Relative
                && m.precision == DatePrecision::Day
                && m.start == day
                && m.end == day
                && words.split(' ').any(|w| w == weekday)
                && !words.split(' ').any(|w| {
                    matches!(
                        w,
                        "hier" | "demain" | "dernier" | "prochain" | "lendemain" | "veille"
                    )
                });
            if bare && !mentions.iter().any(|o| overlaps(&o.span, &m.span)) {
                mentions.push(m);
                added = true;
            }
        }
    }
    if added {
        mentions.sort_by_key(|m| m.span.start);
    }
}

fn draft_incidents(
    article: &Article,
    folded: Folded,
    reading: Reading,
    places: &SentencePlaces,
) -> Extraction {
    let lex = lexicon();
    let Reading {
        cues,
        warnings,
        dating,
        tolls,
        focus,
        ..
    } = &reading;
    // Segmentation adds the dates of "le lendemain"-style anaphors: work on a copy.
    let mut mentions = reading.mentions.clone();
    let (mut groups, scenes) = segment(article, cues, &mut mentions, tolls, *focus, places);
    split_co_reported(&mut groups, article, tolls, places);
    fold_summary_of_listed_days(article, &mut groups, tolls, &mentions);
    fold_headline_into_body(article, &mut groups, tolls);
    let remainders = drop_totals_of_incidents(article, &mut groups, tolls, &mentions);
    // A remainder is a figure of its own, told by the total's words.
    let mut tolls = std::borrow::Cow::Borrowed(tolls.as_slice());
    if !remainders.is_empty() {
        let all = tolls.to_mut();
        for r in &remainders {
            all.push(Toll {
                range: numbers::TollRange::exact(r.dead),
                vague: false,
                source: Some(REMAINDER),
                ..all[r.toll].clone()
            });
            let new = all.len() - 1;
            for t in &mut groups[r.group].tolls {
                if *t == r.toll {
                    *t = new;
                }
            }
        }
    }
    let tolls: &[Toll] = &tolls;
    let only_one = groups.len() == 1;
    let mut drafts = Vec::new();
    // "Une deuxième explosion n'a pas fait de victimes": a toll of nobody is a toll.
    let says_nobody_died = |g: &Group| {
        cues.iter().any(|c| {
            c.cue == Cue::NoDeath
                && g.sentences.iter().any(|&si| {
                    let s = &article.sentences[si];
                    s.start <= c.range.start && c.range.end <= s.end
                })
        })
    };
    let mut asides = Vec::new();
    for g in groups {
        if !only_one && g.date.is_none() && g.tolls.is_empty() && !says_nobody_died(&g) {
            if g.aside {
                asides.extend_from_slice(&g.sentences);
            }
            continue;
        }
        let idx = drafts.len();
        drafts.push(build_draft(
            article, idx, g, cues, &mentions, tolls, dating, lex,
        ));
    }
    for d in &mut drafts {
        d.incident.warnings.extend(warnings.iter().cloned());
    }
    let actor_spans = cues
        .iter()
        .filter(|c| matches!(c.cue, Cue::Actor(_)))
        .map(|c| c.range.clone())
        .collect();
    Extraction {
        drafts,
        folded,
        warnings: warnings.clone(),
        actor_spans,
        asides,
        scenes,
        reading,
    }
}

fn date_article(
    article: &Article,
    folded: &Folded,
    lex: &Lexicon,
    warnings: &mut Vec<String>,
) -> Dating {
    let anchor = lex
        .anchors
        .iter()
        .find(|a| {
            a.all
                .iter()
                .all(|p| Lexicon::contains_phrase(&folded.text, p))
        })
        .map(|a| (a.year, a.label.clone()));
    let published = article.published.as_ref();
    if let Some((year, label)) = &anchor {
        let contradicts = published.is_none_or(|p| (p.date.year() - year).abs() > 1);
        if contradicts {
            if let Some(p) = published {
                warnings.push(format!(
                    "header date {} contradicts the content ({label}): dates read as {year}",
                    p.date
                ));
            }
            let end = NaiveDate::from_ymd_opt(*year, 12, 31);
            return Dating {
                reference: end,
                relative_ok: false,
                anchor: anchor.clone(),
                fallback: NaiveDate::from_ymd_opt(*year, 1, 1).map(|d| (d, DatePrecision::Year)),
            };
        }
    }
    match published {
        // "Bataille de A, il y a 5 ans": under a header that gives only the month or year,
        // an anniversary headline moves the text's year-less dates back by the years said.
        Some(p)
            if p.precision != DatePrecision::Day
                && let Some(years) = anniversary_years(article) =>
        {
            let year = p.date.year() - years;
            let reference = p
                .date
                .with_year(year)
                .map(end_of_month)
                .filter(|_| p.precision != DatePrecision::Year)
                .or_else(|| NaiveDate::from_ymd_opt(year, 12, 31));
            Dating {
                reference,
                relative_ok: false,
                anchor: None,
                fallback: NaiveDate::from_ymd_opt(year, 1, 1).map(|d| (d, DatePrecision::Year)),
            }
        }
        Some(p) => {
            let (reference, relative_ok) = match p.precision {
                DatePrecision::Day => (p.date, true),
                DatePrecision::Month | DatePrecision::Week => (end_of_month(p.date), false),
                _ => (
                    NaiveDate::from_ymd_opt(p.date.year(), 12, 31).unwrap_or(p.date),
                    false,
                ),
            };
            let fallback_precision = match p.precision {
                DatePrecision::Day => DatePrecision::Week,
                other => other,
            };
            Dating {
                reference: Some(reference),
                relative_ok,
                anchor: None,
                fallback: Some((p.date, fallback_precision)),
            }
        }
        None => {
            // No header: the latest full date of the text stands in for it.
            let absolute: Vec<DateMention> = dates::find_dates(&article.text, None)
                .into_iter()
                .filter(|m| m.kind == DateKind::Absolute)
                .collect();
            let latest = absolute.iter().map(|m| m.end).max();
            // "Ce matin, mardi 6 avril 2021": the text says which day is its today, so
            // "dimanche dernier" and "hier" resolve against it as against a publication date.
            let today = absolute
                .iter()
                .filter(|m| m.precision == DatePrecision::Day && m.start == m.end)
                .filter(|m| {
                    names_today(&article.text, m.span.start)
                        || fold_key(&article.text[m.span.clone()]).starts_with("ce ")
                })
                .map(|m| m.start)
                .max();
            Dating {
                reference: today
                    .or(latest)
                    .or_else(|| embedded_post_date(&article.text)),
                relative_ok: today.is_some(),
                anchor: None,
                fallback: None,
            }
        }
    }
}

/// "… il y a 5 ans", "il y a un an": the years an anniversary headline counts back.
fn anniversary_years(article: &Article) -> Option<i32> {
    static AGO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bil y a ([a-z0-9 -]{1,20}?) ans?\b").expect("valid anniversary pattern")
    });
    let title = fold_key(article.text.get(article.title.clone()?)?);
    let said = AGO.captures(&title)?.get(1)?.as_str();
    let years = said
        .parse()
        .ok()
        .or_else(|| numbers::parse_french_number(said))?;
    (1..=30).contains(&years).then_some(years as i32)
}

/// The date of a social-media post embedded in a saved page ("— Gouvernement du Mali
/// (@GouvernementM) May 12, 2020"): a page with no date of its own was written around it, so
/// it tells the year of "le 11 mai".
fn embedded_post_date(text: &str) -> Option<NaiveDate> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    text.match_indices("(@").find_map(|(at, _)| {
        let rest = &text[at..];
        let close = rest.find(')')?;
        let mut words = rest[close + 1..].split_whitespace();
        let name = words.next()?;
        let month = MONTHS.iter().position(|m| *m == name)? as u32 + 1;
        let day: u32 = words.next()?.trim_end_matches(',').parse().ok()?;
        let year: i32 = words.next()?.get(..4)?.parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

/// Whether the date at `at` is introduced as the text's own day: "ce mardi 6 avril 2021",
/// "ce matin, mardi 6 avril 2021", "aujourd'hui 6 avril 2021".
fn names_today(text: &str, at: usize) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    let from = text.floor_char_boundary(at.saturating_sub(32));
    let before = fold_key(&text[from..at]);
    let mut words: Vec<&str> = before.split(' ').filter(|w| !w.is_empty()).collect();
    if words.last().is_some_and(|w| WEEKDAYS.contains(w)) {
        words.pop();
    }
    words.ends_with(&["ce"])
        || words.ends_with(&["ce", "matin"])
        || words.ends_with(&["ce", "soir"])
        || words.ends_with(&["ce", "matin", "du"])
        || words.ends_with(&["aujourd", "hui"])
}

fn end_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

/// A group of sentences telling one incident.
#[derive(Debug, Default)]
struct Group {
    sentences: Vec<usize>,
    /// Index into the mentions of the incident's own date.
    date: Option<usize>,
    tolls: Vec<usize>,
    core: Vec<usize>,
    /// Towns its sentences name (when the geocoder said).
    points: Vec<(f64, f64)>,
    /// Another event told without a date ("Par ailleurs, …") whose towns were not known yet:
    /// an incident of its own if its sentence names one.
    aside: bool,
    /// An earlier event recalled without its day ("Le village avait déjà été la cible d'un
    /// attentat, qui avait tué 17 personnes"): undated, not dated by the publication.
    earlier: bool,
}

impl Group {
    /// Told only in the article's headline.
    fn told_in_title(&self, article: &Article) -> bool {
        article.title.is_some() && self.sentences.iter().all(|&si| in_title(article, si))
    }

    /// Holds a toll, and names towns all far from every one of `points` (none empty).
    fn is_elsewhere(&self, points: &[(f64, f64)]) -> bool {
        (!self.tolls.is_empty() || self.date.is_some())
            && !self.points.is_empty()
            && !points.is_empty()
            && points
                .iter()
                .all(|p| self.points.iter().all(|q| km(*p, *q) > SAME_PLACE_KM))
    }
}

/// "Des soldats patrouillent près de Gao, en novembre 2013. © AFP PHOTO/…": a photo caption
/// (the line with the credit, or the sentence line right before a credit line) tells no
/// incident of the article, whatever its date and places.
fn in_a_caption(text: &str, sentence: &Range<usize>) -> bool {
    let line_start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[sentence.end..]
        .find('\n')
        .map_or(text.len(), |i| sentence.end + i);
    let line = &text[line_start..line_end];
    if line.contains('©') {
        return true;
    }
    // A caption is a sentence; a headline over the photo has no final stop.
    let next = text[line_end..].trim_start();
    line.len() <= 400 && line.trim_end().ends_with('.') && next.starts_with('©')
}

/// "Le ministre, à Bamako le 18 mai 2014.": a short line of its own at the top of the body,
/// ending on a date, that tells no event and no toll, is a photo's caption whose credit the
/// page lost. Its town and day are the photo's, not an incident's.
fn captions_a_photo(article: &Article, sentence: &Range<usize>) -> bool {
    let text = &article.text;
    if sentence.start < article.body.start {
        return false;
    }
    let line_start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[sentence.end..]
        .find('\n')
        .map_or(text.len(), |i| sentence.end + i);
    let line = text[line_start..line_end].trim();
    if line.len() >= LEAD_PARAGRAPH_BYTES || sentence.end < line_end {
        return false;
    }
    let tail = line.trim_end_matches(['.', '-', '–', ' ']);
    let year = tail.get(tail.len().saturating_sub(4)..).unwrap_or("");
    let ends_on_a_year = year.len() == 4
        && (year.starts_with("19") || year.starts_with("20"))
        && year.bytes().all(|b| b.is_ascii_digit())
        && !tail[..tail.len() - 4].ends_with(|c: char| c.is_ascii_digit());
    // The body's first line, or the second under a one-line standfirst (counted last, and
    // only up to two, so that a line deep in the body costs no scan of the body before it).
    ends_on_a_year
        && text[article.body.start..line_start.max(article.body.start)]
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(2)
            .count()
            <= 1
}

fn segment(
    article: &Article,
    cues: &[TextCue],
    mentions: &mut Vec<DateMention>,
    tolls: &[Toll],
    focus: Option<NaiveDate>,
    places: &SentencePlaces,
) -> (Vec<Group>, Vec<usize>) {
    let mut groups: Vec<Group> = Vec::new();
    // Dated scenes whose reach waits on the towns they name (see `set_in_a_town`).
    let mut scenes: Vec<usize> = Vec::new();
    let mut current: Option<usize> = None;
    // The recalled incident the sentence before made a group of (see below).
    let mut last_recalled: Option<usize> = None;
    // A recall with no figure, and the next sentence, which gives its dead (see below).
    let mut taken_up: Option<(usize, usize)> = None;
    let mut last: Option<usize> = None;
    // A dated sentence telling no fact, and its date: the next sentence's, when it has none.
    let mut held: Option<(usize, usize)> = None;
    // Events recalled from more than six months before the article's focus are background.
    let old = |m: &DateMention| focus.is_some_and(|f| (f - m.end).num_days() > 180);
    // Captions are looked for only in a text with a photo credit (a line scan per sentence).
    let has_credits = article.text.contains('©');
    for (si, s) in article.sentences.iter().enumerate() {
        if has_credits && in_a_caption(&article.text, s) {
            continue;
        }
        let in_s = |r: &Range<usize>| r.start >= s.start && r.end <= s.end;
        // The group told in the sentence right before this one.
        let follows = |g: &Group| g.sentences.last().copied() == si.checked_sub(1);
        let event_cues: Vec<&TextCue> = cues
            .iter()
            .filter(|c| in_s(&c.range) && matches!(c.cue, Cue::Event(e) if e.is_event()))
            .collect();
        let background: Vec<&TextCue> = cues
            .iter()
            .filter(|c| in_s(&c.range) && c.cue == Cue::Event(EventCue::Background))
            .collect();
        let s_tolls: Vec<usize> = (0..tolls.len())
            .filter(|&i| tolls[i].sentence == si)
            .collect();
        let s_dates: Vec<usize> = (0..mentions.len())
            .filter(|&i| in_s(&mentions[i].span))
            .collect();
        // "…, et celle de B, le 19 mars": a clause cut from a round-up names its event
        // only by "celle".
        let resumes = !s_dates.is_empty() && clauses::resumes_event(&opening_of(&article.text, s));
        let is_event = !event_cues.is_empty() || !s_tolls.is_empty() || resumes;
        if !is_event && captions_a_photo(article, s) {
            continue;
        }
        // Another town with its own toll: not the incident of a group told elsewhere.
        let mut s_points: Vec<(f64, f64)> = places.get(si).map_or(Vec::new(), |p| p.clone());
        // "Il y a eu des attaques à Douentza, à Rharous et à Banamba": towns a region apart,
        // named in an event sentence with neither toll nor date, list the incidents the body
        // will tell; they place none of them.
        if is_event
            && s_tolls.is_empty()
            && s_dates.is_empty()
            && any_pair_farther(&s_points, ROUNDUP_SPREAD_KM)
        {
            // Told after an incident, such a sentence is commentary ("la route qui relie
            // Sévaré à Gao est souvent visée"); its towns are no place of that incident.
            if current.is_some() {
                continue;
            }
            s_points.clear();
        }
        // "Ces violences interviennent quelques mois après l'attaque de A. Cette attaque avait
        // fait plus de 160 morts.": a follow-up sentence with no figure recalls an earlier
        // event in a town of its own, and the next sentence gives that event's dead by taking
        // up its noun. Both tell the earlier event, apart from the incident.
        if let Some((g, next)) = taken_up.take()
            && next == si
        {
            let recall = &mut groups[g];
            recall.sentences.push(si);
            recall.core.push(si);
            recall.tolls.extend_from_slice(&s_tolls);
            recall.points.extend_from_slice(&s_points);
            // "Plusieurs assaillants avaient aussi été tués": a pluperfect toll after it is
            // its too (see below).
            last_recalled = Some(g);
            continue;
        }
        if let Some(gap) = recall_taken_up_next(article, si, tolls, mentions, places)
            && s_tolls.is_empty()
            && s_dates.is_empty()
            && current.is_none_or(|c| {
                !s_points
                    .iter()
                    .any(|p| groups[c].points.iter().any(|q| km(*p, *q) <= SAME_TOWN_KM))
            })
        {
            let date = gap
                .days
                .zip(current.and_then(|c| groups[c].date))
                .map(|(days, base)| {
                    let mut recalled = days_from(&mentions[base], -days, s.clone());
                    recalled.precision = recalled.precision.max(gap.precision);
                    mentions.push(recalled);
                    mentions.len() - 1
                });
            groups.push(Group {
                sentences: vec![si],
                date,
                core: vec![si],
                points: s_points,
                earlier: date.is_none(),
                ..Default::default()
            });
            taken_up = Some((groups.len() - 1, si + 1));
            continue;
        }
        // "L'attaque s'est produite entre A et B": a definite event noun goes on telling the
        // current incident; only a toll or a new event ("une attaque", "ont attaqué") may
        // start another one elsewhere.
        let new_event = resumes
            || event_cues.iter().any(|c| {
                !is_anaphoric(&article.text, c.range.start)
                    || aims_at_an_indefinite_target(&article.text, c.range.end)
            });
        // Only old dates, or only whole years ("l'an dernier", "en 2019"): a recalled event
        // or a yearly summary, never the incident itself.
        let all_old = !s_dates.is_empty()
            && s_dates.iter().all(|&i| {
                old(&mentions[i])
                    || matches!(
                        mentions[i].precision,
                        DatePrecision::Year | DatePrecision::Unknown
                    )
            });
        // "En mars 2019, 160 villageois avaient été tués à A": a recalled incident with its
        // own day or month is an incident of its own (never summed into the current one);
        // whole years ("depuis 2012", "en 2019") stay background.
        let recalled = is_event && all_old && background.is_empty();
        if recalled
            && let Some(d) = s_dates
                .iter()
                .copied()
                .filter(|&i| {
                    old(&mentions[i])
                        && matches!(
                            mentions[i].precision,
                            DatePrecision::Day | DatePrecision::Week | DatePrecision::Month
                        )
                })
                .find(|&i| {
                    !fold_key(&article.text[mentions[i].span.clone()]).starts_with("depuis")
                        // "72 morts en 2022 au 31 août": the day a count stops.
                        && !is_reporting_date(&article.text, &mentions[i].span)
                })
        {
            groups.push(Group {
                sentences: vec![si],
                date: Some(d),
                tolls: s_tolls,
                core: vec![si],
                points: s_points.clone(),
                aside: false,
                earlier: false,
            });
            current = None;
            last_recalled = Some(groups.len() - 1);
            continue;
        }
        // "… l'attaque de l'hôtel de Sévaré, le 7 août 2015. Il s'était agi d'une prise
        // d'otages qui avait fait 13 morts": a toll in the pluperfect right after a recalled
        // incident, with no date or town of its own, is that incident's.
        if let Some(r) = last_recalled.take()
            && !s_tolls.is_empty()
            && s_dates.is_empty()
            && s_points.is_empty()
            && recalls_in_pluperfect(&article.text[s.clone()])
        {
            let g = &mut groups[r];
            g.sentences.push(si);
            g.tolls.extend_from_slice(&s_tolls);
            continue;
        }
        // The sentence's own date: not governed by a background cue ("le départ de Barkhane
        // le 15 août"), not retrospective, nearest to the first fact.
        let first_fact = s_tolls
            .first()
            .map(|&t| tolls[t].span.start)
            .or(event_cues.first().map(|c| c.range.start))
            .unwrap_or(s.start);
        let own_date = s_dates
            .iter()
            .copied()
            .filter(|&i| !old(&mentions[i]))
            // "depuis la mi-janvier" dates a period, not the event.
            // (But "depuis le dimanche 22 mai, vers 16 heures, des assaillants s'attaquent à A"
            // says when the event began.)
            .filter(|&i| {
                let said = fold_key(&article.text[mentions[i].span.clone()]);
                !said.starts_with("depuis") || began_on_a_named_day(&said)
            })
            // "selon un communiqué publié lundi", "a appris mardi l'AFP": the report's date,
            // unless the event is said to be of that same day ("un communiqué publié vendredi
            // … l'attaque qui a visé ce même jour le poste de A").
            .filter(|&i| {
                !is_reporting_date(&article.text, &mentions[i].span)
                    || same_day_told_after(&article.text, s, &mentions[i].span)
            })
            // "Les victimes ont été inhumées samedi": the day of the burial.
            .filter(|&i| !dates_a_burial(&article.text, s, &mentions[i].span, &event_cues))
            // "Les engins ont fait 103 morts en 2021": the year of a statistic.
            .filter(|&i| !tolls::years_a_count(&article.text, s, &mentions[i].span))
            // "Samedi, l'armée a annoncé que 18 terroristes avaient été tués entre le 4 et le
            // 11 juin": a day that opens a report is when it was made, when the report dates
            // its facts too.
            .filter(|&i| {
                !(opens_a_report(&article.text, s, &mentions[i].span)
                    && s_dates.iter().any(|&o| {
                        o != i
                            && !old(&mentions[o])
                            && mentions[o].span.start > mentions[i].span.end
                            && !opens_a_report(&article.text, s, &mentions[o].span)
                    }))
            })
            .filter(|&i| {
                let m = &mentions[i];
                !background.iter().any(|b| {
                    b.range.end <= m.span.start
                        && m.span.start - b.range.end <= 80
                        && !event_cues
                            .iter()
                            .any(|e| e.range.start >= b.range.end && e.range.end <= m.span.start)
                })
            })
            .min_by_key(|&i| mentions[i].span.start.abs_diff(first_fact))
            // "Mardi, un nouveau bilan faisait état de 15 morts", "Aujourd'hui, ce bilan a été
            // revu à la hausse": after a dated incident that counts dead, the day of a revised
            // toll is when it was revised.
            .filter(|_| {
                !(current.is_some_and(|c| {
                    groups[c].date.is_some()
                        && groups[c]
                            .tolls
                            .iter()
                            .any(|&t| tolls[t].outcome == Outcome::Killed)
                }) && tolls::revises_a_toll(&fold_key(&article.text[s.clone()])))
            })
            // "Le 10 mai, le gouverneur avait annoncé un bilan de 40 morts", told after the
            // incident: the day the toll was given.
            .filter(|&d| {
                current.is_none() || !opens_a_toll_report(&article.text, s, &mentions[d].span)
            });
        // (The incident last told that counts dead, even after commentary or a protest:
        // "L'attaque a provoqué une manifestation à B. … 13 corps ont été rassemblés à la
        // morgue".)
        let counts_dead = |g: &Group| g.tolls.iter().any(|&t| tolls[t].outcome == Outcome::Killed);
        if let Some(c) = current
            .filter(|&c| counts_dead(&groups[c]))
            .or_else(|| groups.iter().rposition(counts_dead))
            .or(current)
            && tells_the_aftermath(article, s, &groups[c], own_date, mentions)
        {
            let g = &mut groups[c];
            g.sentences.push(si);
            g.tolls.extend_from_slice(&s_tolls);
            held = None;
            continue;
        }
        if !is_event || all_old {
            if !background.is_empty() || all_old {
                current = None;
            }
            // "Des hommes armés ont attaqué A. Les faits se sont produits le mardi 18 juin." A
            // dated sentence about the facts just told dates the incident that has none; so
            // does the body's lead under a headline that told them ("Attaque à A : 3 morts",
            // then "Ce vendredi 23 avril, ils sont passés à l'action…").
            if let Some(d) = own_date
                && background.is_empty()
                && let Some(c) = current
                && groups[c].date.is_none()
                && (follows(&groups[c]) && tells_when(&opening_of(&article.text, s))
                    || groups[c].told_in_title(article)
                        && mentions[d].precision == DatePrecision::Day
                        && in_the_bodys_lead(article, si))
            {
                let g = &mut groups[c];
                g.date = Some(d);
                g.sentences.push(si);
                g.core.push(si);
                g.points.extend_from_slice(&s_points);
                held = None;
                continue;
            }
            // "En juin 2017, des affrontements ont fait 30 morts. C'était dans le village de
            // A." An undated sentence saying where the facts just told happened places them;
            // so does one saying how they took place ("L'incident a eu lieu vers 10 heures à
            // 25 km de A"), after a body sentence: a headline only announces the incident the
            // body tells.
            let opening = opening_of(&article.text, s);
            if own_date.is_none()
                && s_dates.is_empty()
                && background.is_empty()
                && let Some(g) = groups.iter_mut().rev().find(|g| follows(g))
                && (tells_where(&opening)
                    || tells_how(&opening) && !g.told_in_title(article)
                    || opening.contains("surven")
                        && placed::where_clause(&article.text[s.clone()]).is_some())
            {
                g.sentences.push(si);
                g.core.push(si);
                g.points.extend_from_slice(&s_points);
                held = None;
                continue;
            }
            // "C'est le village de A, dans la commune de B, qui a été visé": even after
            // commentary, where the incident last told took place.
            if own_date.is_none()
                && s_tolls.is_empty()
                && names_the_target(&article.text[s.clone()])
                && let Some(g) = groups.last_mut()
            {
                g.sentences.push(si);
                g.core.push(si);
                g.points.extend_from_slice(&s_points);
                held = None;
                continue;
            }
            // "… ont attaqué le village de A. Des morts et des blessés sont signalés." Deaths
            // without a figure, said right after an incident, are its deaths: its toll is
            // unknown, not 0.
            // "Des militaires ont été tués": victims and their death, with no figure, are such
            // deaths too.
            // The sentence's cues, found by binary search (cues are sorted by start).
            let s_cues = &cues[cues.partition_point(|c| c.range.start < s.start)
                ..cues.partition_point(|c| c.range.start < s.end)];
            let victims_killed = || {
                s_tolls.is_empty()
                    && s_cues.iter().any(|v| {
                        matches!(v.cue, Cue::Victim(_))
                            && tolls::says_des_before(&article.text, v.range.start)
                            && s_cues.iter().any(|o| {
                                o.cue == Cue::Outcome(Outcome::Killed)
                                    && o.range.start >= v.range.end
                                    && o.range.start <= v.range.end + 20
                            })
                    })
            };
            // "Aucune perte en vie humaine n'a été signalée" tells that incident's toll too.
            let deaths_without_figure = || {
                s_cues
                    .iter()
                    .any(|c| matches!(c.cue, Cue::DeathsWithoutFigure | Cue::NoDeath))
                    || victims_killed()
            };
            if s_dates.is_empty()
                && background.is_empty()
                && let Some(c) = current
                && follows(&groups[c])
                && deaths_without_figure()
            {
                groups[c].sentences.push(si);
                held = None;
                continue;
            }
            // "Deux villages du cercle de C ont été attaqués mardi. Il s'agit de A et B." The
            // next undated sentence naming towns places an incident told only by its area.
            if own_date.is_none()
                && s_dates.is_empty()
                && background.is_empty()
                && !s_points.is_empty()
                && let Some(c) = current
                && groups[c].points.is_empty()
                && follows(&groups[c])
            {
                let g = &mut groups[c];
                g.sentences.push(si);
                g.core.push(si);
                g.points.extend_from_slice(&s_points);
                held = None;
                continue;
            }
            // "Le 16 janvier, des bandits sont arrivés au village de A. Un homme a été tué." A
            // dated scene-setting sentence dates (and places) the facts of the next one.
            // "Ils ont rassemblé les habitants sur la place." A narrative sentence with no
            // date, town or background of its own keeps the date of a scene set in a town for
            // the facts after it.
            let narrates = s_dates.is_empty() && s_points.is_empty() && background.is_empty();
            let mut set_in_a_town = |hs: usize| {
                // The first reading knows no towns: the second one decides.
                if places.is_empty() && !scenes.contains(&hs) {
                    scenes.push(hs);
                }
                places.get(hs).is_some_and(|p| !p.is_empty())
            };
            held = own_date
                .filter(|&d| {
                    background.is_empty()
                        && matches!(
                            mentions[d].precision,
                            DatePrecision::Day | DatePrecision::Week
                        )
                })
                .map(|d| (si, d))
                .or_else(|| {
                    held.filter(|&(hs, _)| narrates && si - hs < HELD_REACH && set_in_a_town(hs))
                });
            continue;
        }
        // Past a sentence of narrative, a scene dates facts told at its town or at none.
        let in_the_scenes_town = |hs: usize| {
            let scene = places.get(hs).map_or(&[][..], |p| p.as_slice());
            s_points
                .iter()
                .all(|p| scene.iter().any(|q| km(*p, *q) <= SAME_PLACE_KM))
        };
        let mut date = own_date;
        let mut opener = None;
        if date.is_none()
            && let Some((hs, hd)) = held
            && (si == hs + 1 || si - hs <= HELD_REACH && in_the_scenes_town(hs))
        {
            date = Some(hd);
            opener = Some(hs);
        }
        held = None;
        if let Some(hs) = opener {
            s_points.extend(places.get(hs).map_or(&[][..], |p| p.as_slice()));
        }
        let elsewhere_than =
            |g: &Group| (!s_tolls.is_empty() || new_event) && g.is_elsewhere(&s_points);

        // "Le lendemain", "la veille", "le même jour": another event, dated from the
        // current one; "par ailleurs": another event.
        let opening = opening_of(&article.text, s);
        let words = lexicon::segmentation_words();
        // "Par ailleurs, un jour auparavant, …": the anaphor may follow an opener of another
        // event.
        let after_opener = words
            .elsewhere
            .iter()
            .find_map(|p| opening.strip_prefix(p.as_str()))
            .map(str::trim_start);
        // "Près de sept heures plus tard": an approximation may come first.
        fn approximate(o: &str) -> Option<&str> {
            ["pres de ", "environ ", "a peine ", "moins de ", "plus de "]
                .iter()
                .find_map(|q| o.strip_prefix(q))
        }
        // "Notons que 48 heures après ce rapt, …": a discourse marker may come first too.
        fn after_a_marker(o: &str) -> Option<&str> {
            [
                "notons que ",
                "a noter que ",
                "il faut noter que ",
                "il faut rappeler que ",
                "rappelons que ",
            ]
            .iter()
            .find_map(|q| o.strip_prefix(q))
            .or_else(|| after_a_report_that(o))
        }
        let anaphor = [Some(opening.as_str()), after_opener]
            .into_iter()
            .flatten()
            .flat_map(|o| [Some(o), after_a_marker(o)])
            .flatten()
            .flat_map(|o| [Some(o), approximate(o)])
            .flatten()
            .find_map(|o| {
                let a = words
                    .anaphors
                    .iter()
                    .find(|a| o.starts_with(a.phrase.as_str()))?;
                Some((opening.len() - o.len() + a.phrase.len(), a.days))
            });
        let elsewhere = words.elsewhere.iter().any(|p| opening.contains(p.as_str()))
            || words
                .another_event_openers
                .iter()
                .any(|p| opening.starts_with(p.as_str()))
            || after_a_reporting_verb(&opening)
                .chain(dates::after_a_leading_date(&opening))
                .any(|rest| {
                    words
                        .another_event_openers
                        .iter()
                        .any(|p| rest.starts_with(p.as_str()))
                });
        // "Ce dernier incident fait suite à une autre attaque au cours de laquelle quatre
        // Casques bleus ont été tués": the dead of the other attack.
        // "Cette attaque intervient deux semaines après celle de A, qui avait fait 11 morts":
        // the dead of an event that long before this one.
        let sentence_text = &article.text[s.clone()];
        // "… au lendemain de celle ayant visé le camp de A, sans faire de victime": the gap
        // dates a recalled event that killed nobody, too.
        let says_no_death = cues.iter().any(|c| in_s(&c.range) && c.cue == Cue::NoDeath);
        let gap = ((!s_tolls.is_empty() || says_no_death)
            && (sentence_text.contains("après")
                || sentence_text.contains("apres")
                || sentence_text.contains("lendemain")))
        .then(|| recalls::recall_gap(&fold_key(sentence_text)))
        .flatten();
        let follows_another = !s_tolls.is_empty()
            && (gap.is_some()
                || words
                    .follows_another
                    .iter()
                    .any(|p| opening.contains(p.as_str())));
        // "La semaine dernière, une attaque similaire a coûté la vie à 5 soldats", in a text
        // whose relative days cannot be dated: an earlier event, of an unknown day.
        // "Onze civils avaient été tués la semaine passée dans la région de A": the phrase
        // may come later in the sentence, when the incident told before does not say it too.
        // Not the day of a report ("RFI l'avait révélé il y a deux semaines"), nor in a
        // sentence that revises a toll.
        let says_earlier = |si: usize| {
            let told = fold_key(&article.text[article.sentences[si].clone()]);
            words.earlier_openers.iter().any(|p| {
                told.match_indices(p.as_str()).any(|(at, _)| {
                    !told[..at]
                        .split(' ')
                        .rev()
                        .filter(|w| !w.is_empty())
                        .take(3)
                        .any(|w| {
                            [
                                "revel", "annonc", "rappor", "indiqu", "publi", "declar", "signal",
                            ]
                            .iter()
                            .any(|r| w.starts_with(r))
                        })
                })
            })
        };
        let revised = s_tolls
            .iter()
            .any(|&t| tolls[t].revises || tolls[t].superseded);
        // (After commentary too: the incident last told.)
        let earlier_undated = date.is_none()
            && !s_tolls.is_empty()
            && (current.is_some()
                && words
                    .earlier_openers
                    .iter()
                    .any(|p| opening.starts_with(p.as_str()))
                || !revised
                    && current.or(groups.len().checked_sub(1)).is_some_and(|c| {
                        says_earlier(si) && !groups[c].sentences.iter().any(|&o| says_earlier(o))
                    }));
        // "… ont attaqué les villes de A, B et C. … À B, les corps de 8 rebelles ont été vus.
        // À C enfin, plusieurs morts …": after a lead naming towns far apart, a sentence that
        // opens on one of them with its own figure tells that town's incident, on the lead's
        // day.
        let town_of_the_lead = current.filter(|&c| {
            !s_tolls.is_empty()
                && !s_points.is_empty()
                && opens_on_a_town(&article.text[s.clone()])
                && any_pair_farther(&groups[c].points, SAME_PLACE_KM)
                && s_points
                    .iter()
                    .all(|p| groups[c].points.iter().any(|q| km(*p, *q) <= SAME_TOWN_KM))
        });
        if let Some(c) = town_of_the_lead
            && date.is_none()
        {
            date = groups[c].date;
        }
        // "Au début du mois, le groupe avait déjà tué 21 villageois à A": an earlier event
        // with its own dead, never summed into the incident told before it.
        let already = !s_tolls.is_empty()
            && current.is_some()
            && already_in_pluperfect(&article.text[s.clone()]);
        let earlier_undated = earlier_undated || already && date.is_none();
        // "L'aviation a été engagée pour des ratissages dont le bilan fait état de 15 morts
        // côté terroristes": the army's operation after an attack that killed soldiers or
        // civilians, on its day, is an incident of its own (the dead are not summed).
        let follow_up = current.filter(|&c| {
            let killed = |t: usize| tolls[t].outcome == Outcome::Killed;
            // (Its dead are the attackers, with maybe some of those who hunted them.)
            !s_tolls.is_empty()
                && s_tolls
                    .iter()
                    .all(|&t| killed(t) && tolls[t].category != Category::Civilians)
                && s_tolls
                    .iter()
                    .any(|&t| tolls[t].category == Category::Militants)
                && groups[c]
                    .tolls
                    .iter()
                    .any(|&t| killed(t) && tolls[t].category != Category::Militants)
                && date.is_none_or(|d| {
                    groups[c].date.is_some_and(|g| {
                        (mentions[g].start, mentions[g].end) == (mentions[d].start, mentions[d].end)
                    })
                })
                && {
                    let told = fold_key(sentence_text);
                    // ("… suivis d'un ratissage : 17 corps de terroristes abandonnés sur les
                    // lieux": the bodies the attackers left are the clash's own dead.)
                    words.follow_up.iter().any(|p| told.contains(p.as_str()))
                        && !told.contains(" abandonn")
                }
        });
        if let Some(c) = follow_up
            && date.is_none()
        {
            date = groups[c].date;
        }
        let mut force_new = elsewhere
            || follows_another
            || earlier_undated
            || already
            || follow_up.is_some()
            || town_of_the_lead.is_some();
        // "Leur mort intervient cinq jours après celle de dix soldats, tués le 20 janvier": the
        // recalled event's day dates the current incident, when nothing else has.
        if let Some(gap) = gap
            && let Some(days) = gap.days
            && let Some(d) = date
            && mentions[d].precision == DatePrecision::Day
            && let Some(c) = current
            && groups[c].date.is_none()
            && follows(&groups[c])
        {
            let mut later = days_from(&mentions[d], days, mentions[d].span.clone());
            later.precision = later.precision.max(gap.precision);
            mentions.push(later);
            groups[c].date = Some(mentions.len() - 1);
        }
        if let Some(gap) = gap
            && let Some(days) = gap.days
            && date.is_none()
            && let Some(base) = current.and_then(|c| groups[c].date)
        {
            let mut recalled = days_from(&mentions[base], -days, s.clone());
            recalled.precision = recalled.precision.max(gap.precision);
            mentions.push(recalled);
            date = Some(mentions.len() - 1);
        }
        // "Le calme est revenu ce 18 septembre à A, après l'attaque la veille du camp": an
        // event the sentence names first, "de la veille", happened the day before its date
        // (else before the day of the incident told).
        let eve = (anaphor.is_none() && sentence_text.contains("veille"))
            .then(|| recalls::event_of_the_eve(&fold_key(sentence_text)))
            .flatten()
            .filter(|&at| {
                let noun = folded_prefix_end(&article.text, s, at);
                !event_cues.iter().any(|c| c.range.end <= noun)
            });
        if eve.is_some() {
            match date {
                Some(d) if mentions[d].precision == DatePrecision::Day => {
                    let before = days_from(&mentions[d], -1, mentions[d].span.clone());
                    mentions.push(before);
                    date = Some(mentions.len() - 1);
                }
                None => {
                    if let Some(base) = current.and_then(|c| groups[c].date)
                        && mentions[base].precision == DatePrecision::Day
                        && !s_tolls.is_empty()
                    {
                        mentions.push(days_from(&mentions[base], -1, s.clone()));
                        date = Some(mentions.len() - 1);
                        force_new = true;
                    }
                }
                _ => {}
            }
        }
        // The base is the current incident's date, else that of the last dated one ("Jeudi,
        // … une embuscade. … L'aviation a neutralisé vingt terroristes. Au même moment, …").
        // "Au même moment, l'armée informe que les assaillants ont abandonné 24 corps": the same
        // moment with no town and no event of its own goes on telling the current incident.
        let same_moment = anaphor.is_some_and(|(_, days)| days == 0)
            && s_points.is_empty()
            && !names_a_town(sentence_text)
            && !new_event
            && current.is_some_and(|c| groups[c].date.is_some());
        let anaphor = anaphor.filter(|_| !same_moment);
        if let Some((len, days)) = anaphor
            && date.is_none()
            && let Some(base) = current
                .and_then(|c| groups[c].date)
                .or_else(|| groups.iter().rev().find_map(|g| g.date))
        {
            let span_end = folded_prefix_end(&article.text, s, len);
            mentions.push(days_from(&mentions[base], days, s.start..span_end));
            date = Some(mentions.len() - 1);
            force_new = true;
        }
        // "Au même moment, les FAMa ont neutralisé un engin explosif sur l'axe A-B" after an
        // incident whose year the text does not say: another event all the same, undated.
        if anaphor.is_some()
            && current.is_some_and(|c| groups[c].date.is_none() && !groups[c].sentences.is_empty())
        {
            force_new = true;
        }
        // "Un autre campement a été attaqué dans la soirée": another event, that same day.
        if elsewhere
            && date.is_none()
            && let Some(base) = current.and_then(|c| groups[c].date)
            && words.same_day.iter().any(|p| opening.contains(p.as_str()))
        {
            let span = s.start..s.start + text_prefix(&article.text, s, 80).len();
            mentions.push(days_from(&mentions[base], 0, span));
            date = Some(mentions.len() - 1);
        }
        // "Par ailleurs, un car a sauté sur une mine près de B": another event, in a town of
        // its own, told without a date, is news of the days the article's first incident is
        // of. It is an incident of its own, dated to that week.
        // Without the towns of its sentence (the first reading), such an event is kept aside
        // for [`places_may_split`].
        let aside_base = groups.iter().find_map(|g| g.date).filter(|_| {
            current.is_some() && elsewhere && date.is_none() && anaphor.is_none() && new_event
        });
        let opener_len = aside_base.and_then(|_| {
            words
                .elsewhere
                .iter()
                .chain(&words.another_event_openers)
                .find(|p| opening.starts_with(p.as_str()))
                .map(String::len)
        });
        let aside = opener_len.is_some() && s_points.is_empty();
        if let Some(base) = aside_base
            && let Some(opener_len) = opener_len
            && !s_points.is_empty()
        {
            let span_end = folded_prefix_end(&article.text, s, opener_len);
            let mut about = days_from(&mentions[base], 0, s.start..span_end);
            about.precision = about.precision.max(DatePrecision::Week);
            mentions.push(about);
            date = Some(mentions.len() - 1);
        }

        // "La nouvelle de cette attaque s'est répandue lundi", "Ces attaques ont été
        // revendiquées mardi": a sentence that names its event only by a demonstrative, with
        // no toll, dates something said of the incident told, not another incident.
        // "… après celle ayant visé le 2 juillet un contingent": a pronoun for another
        // event, which the date is of.
        let only_demonstrative = !event_cues.is_empty()
            && !resumes
            && s_tolls.is_empty()
            && event_cues
                .iter()
                .all(|c| is_demonstrative(&article.text, c.range.start))
            && !fold_key(&article.text[s.clone()])
                .split(' ')
                .any(|w| matches!(w, "celle" | "celles" | "celui" | "ceux"));
        let retold = current.filter(|&c| {
            only_demonstrative
                && !force_new
                && groups[c].date.is_some()
                && !elsewhere_than(&groups[c])
        });
        // "… ont été tués dimanche près de la frontière. Le 17 mars, une attaque à A avait
        // coûté la vie à 30 soldats": a recall in the pluperfect, after an incident told in
        // another tense, is another, earlier event.
        let earlier_than = |groups: &[Group], c: usize| {
            recalls_in_pluperfect(&article.text[s.clone()])
                && !groups[c]
                    .sentences
                    .iter()
                    .any(|&o| recalls_in_pluperfect(&article.text[article.sentences[o].clone()]))
        };
        let target = match date {
            _ if let Some(c) = retold => c,
            Some(d) if force_new => {
                groups.push(Group {
                    date: Some(d),
                    ..Default::default()
                });
                groups.len() - 1
            }
            None if force_new => {
                groups.push(Group {
                    aside,
                    earlier: (follows_another && gap.is_none()) || earlier_undated,
                    ..Default::default()
                });
                groups.len() - 1
            }
            Some(d) => {
                let m = &mentions[d];
                let overlapping = groups.iter().position(|g| {
                    !elsewhere_than(g)
                        && g.date.is_some_and(|gd| {
                            // Within one article two different dates are two events; the ±1 day
                            // tolerance is for matching reports across articles (the store).
                            let o = &mentions[gd];
                            // "Du 20 mai au 2 juin, l'armée a neutralisé 20 terroristes" sums
                            // a period: a day inside it is an operation of its own.
                            let period = (o.end - o.start).num_days() > SUMMARY_PERIOD_DAYS
                                && m.precision == DatePrecision::Day
                                && is_range(&article.text[o.span.clone()]);
                            // "des exécutions les 21 et 22 janvier", then "Le mardi 21
                            // janvier, …" and "Le lendemain, …": each day listed is told
                            // apart.
                            // ("entre samedi et dimanche" is a span whose total the days
                            // break down, see `drop_totals_of_incidents`.)
                            let listed_day = o.end > o.start
                                && m.precision == DatePrecision::Day
                                && m.start == m.end
                                && fold_key(&article.text[o.span.clone()]).contains(" et ")
                                && !is_range(&article.text[o.span.clone()]);
                            // "L'armée a neutralisé 18 terroristes entre le 4 et le 11 juin",
                            // after Saturday's attack: a week's tally, not that day's toll.
                            let tally = (m.end - m.start).num_days() >= TALLY_DAYS
                                && o.start == o.end
                                && is_range(&article.text[m.span.clone()]);
                            let period = period || listed_day || tally;
                            let shared = o.start <= m.end && m.start <= o.end
                                || same_floating_weekday(&article.text, o, m);
                            shared && !period
                        })
                });
                // "Djenné : 17 morts dans l'attaque d'un village", then "Mardi, … la perte de
                // 17 civils" at the village: an undated headline that gave the same figure is
                // this incident, wherever the geocoder put its town. (Two sentences of a body
                // with the same figure may be two attacks.)
                let restated = |c: usize| {
                    groups[c].told_in_title(article)
                        && s_tolls.iter().any(|&t| {
                            tolls[t].range.best >= 3
                                && groups[c].tolls.iter().any(|&o| {
                                    tolls[o].outcome == tolls[t].outcome
                                        && tolls[o].range.best == tolls[t].range.best
                                })
                        })
                };
                // "Un bateau a été touché par des roquettes, faisant 30 morts. Le 8 septembre,
                // une attaque a visé le camp de B, faisant 10 morts": a dated sentence that
                // tells an event of its own with other dead, after an undated incident told in
                // the body with its dead, is another incident (not the day of the first).
                let another_counted_event = |c: usize| {
                    let killed = |t: &usize| tolls[*t].outcome == Outcome::Killed;
                    new_event
                        && !resumes
                        // ("Une première attaque a visé A": the first of the attacks the lead
                        // counted together.)
                        && ![
                            "une premiere ",
                            "la premiere ",
                            "un premier ",
                            "le premier ",
                        ]
                        .iter()
                        .any(|o| opening.starts_with(o))
                        && !groups[c].told_in_title(article)
                        && groups[c].tolls.iter().any(killed)
                        && s_tolls.iter().any(killed)
                        && !s_tolls.iter().filter(|t| killed(t)).any(|&t| {
                            groups[c].tolls.iter().filter(|o| killed(o)).any(|&o| {
                                tolls[o].range.best == tolls[t].range.best
                            })
                        })
                };
                match (overlapping, current) {
                    // "… tués dans le centre en janvier 2024. … le 27 janvier, tuant 32
                    // personnes": the day told inside the month dates the incident.
                    (Some(g), _) => {
                        if let Some(gd) = groups[g].date
                            && m.precision == DatePrecision::Day
                            && mentions[gd].precision == DatePrecision::Month
                            && !is_range(&article.text[mentions[gd].span.clone()])
                            && mentions[gd].start <= m.start
                            && m.end <= mentions[gd].end
                        {
                            groups[g].date = Some(d);
                        }
                        g
                    }
                    (None, Some(c))
                        if groups[c].date.is_none()
                            && (!elsewhere_than(&groups[c]) || restated(c))
                            && !earlier_than(&groups, c)
                            && !another_counted_event(c) =>
                    {
                        groups[c].date = Some(d);
                        c
                    }
                    _ => {
                        groups.push(Group {
                            date: Some(d),
                            ..Default::default()
                        });
                        groups.len() - 1
                    }
                }
            }
            None => {
                // A lead's figure restated in the body. "Un soldat tué" is too common to
                // tell which earlier incident it restates: small figures join the current one.
                // A restatement says the figure the same way ("10 morts" is not "une dizaine
                // de morts").
                // "La seconde attaque a visé un camp à B. Le bilan est lourd : 10 soldats y ont
                // perdu la vie." A figure naming no town, right after an incident that counts
                // no dead yet, is that incident's, even when a headline said the same figure.
                let continues_uncounted = s_points.is_empty()
                    && current.is_some_and(|c| {
                        follows(&groups[c])
                            && !groups[c]
                                .tolls
                                .iter()
                                .any(|&o| tolls[o].outcome == Outcome::Killed)
                    });
                let same_toll = s_tolls.iter().find_map(|&t| {
                    groups.iter().enumerate().position(|(gi, g)| {
                        // (Of the same day: a figure said again the next day, at a
                        // follow-up visit, restates the first incident's.)
                        let same_day = current.is_some_and(|c| match (groups[c].date, g.date) {
                            (Some(a), Some(b)) => {
                                (mentions[a].start, mentions[a].end)
                                    == (mentions[b].start, mentions[b].end)
                            }
                            (a, b) => a.is_none() || b.is_none(),
                        });
                        if continues_uncounted && Some(gi) != current && same_day {
                            return false;
                        }
                        // A restatement names no distant town ("deux morts" at Boni, then
                        // "deux morts" at the post of Tessit, are two attacks).
                        (Some(gi) == current || tolls[t].range.best >= 3)
                            && !elsewhere_than(g)
                            && g.tolls.iter().any(|&o| {
                                tolls[o].outcome == tolls[t].outcome
                                    && tolls[o].category == tolls[t].category
                                    && tolls[o].range.best == tolls[t].range.best
                                    && tolls[o].vague == tolls[t].vague
                            })
                    })
                });
                match (same_toll, current, last) {
                    (Some(g), _, _) => g,
                    (None, Some(c), _) | (None, None, Some(c)) if elsewhere_than(&groups[c]) => {
                        // "Sur la base de Sokoura, un témoin a vu neuf dépouilles": a toll
                        // telling no new event goes back to the latest incident told at that
                        // very town, else starts a new one.
                        let same_town = |g: &Group| {
                            s_points
                                .iter()
                                .any(|p| g.points.iter().any(|q| km(*p, *q) <= SAME_TOWN_KM))
                        };
                        match groups.iter().rposition(|g| !new_event && same_town(g)) {
                            Some(g) => g,
                            None => {
                                // "A B, une attaque avait coûté la vie à neuf personnes": its
                                // day is not the publication's.
                                let earlier = earlier_than(&groups, c);
                                groups.push(Group {
                                    earlier,
                                    ..Default::default()
                                });
                                groups.len() - 1
                            }
                        }
                    }
                    (None, Some(c), _) => c,
                    // After a background break, a toll still belongs to the last incident;
                    // toll-less commentary does not start one.
                    (None, None, Some(l)) if !s_tolls.is_empty() => l,
                    // "C'est le village de A, dans la commune de B, qui a été visé": after
                    // commentary, the target of the incident last told.
                    (None, None, Some(l)) if names_the_target(&article.text[s.clone()]) => l,
                    (None, None, Some(_)) => continue,
                    (None, None, None) => {
                        groups.push(Group::default());
                        groups.len() - 1
                    }
                }
            }
        };
        let g = &mut groups[target];
        if let Some(hs) = opener {
            g.core.push(hs);
            g.sentences.push(hs);
        }
        if g.sentences.is_empty() || date.is_some() || !s_tolls.is_empty() {
            g.core.push(si);
        }
        g.sentences.push(si);
        g.points.extend_from_slice(&s_points);
        g.tolls.extend(s_tolls);
        current = Some(target);
        last = Some(target);
    }
    (groups, scenes)
}

/// The gap of sentence `si` when it recalls an earlier event in a town of its own ("Ces
/// violences interviennent quelques mois après l'attaque de A") and the next sentence gives
/// that event's dead by taking up its noun ("Cette attaque avait fait 160 morts"), with no
/// date of its own and no town but the recalled one's.
fn recall_taken_up_next(
    article: &Article,
    si: usize,
    tolls: &[Toll],
    mentions: &[DateMention],
    places: &SentencePlaces,
) -> Option<recalls::RecallGap> {
    let s = &article.sentences[si];
    let next = article.sentences.get(si + 1)?;
    let sentence = &article.text[s.clone()];
    let points = places.get(si).filter(|p| !p.is_empty())?;
    if !(sentence.contains("après") || sentence.contains("apres"))
        || !tolls
            .iter()
            .any(|t| t.sentence == si + 1 && t.outcome == Outcome::Killed)
        || mentions
            .iter()
            .any(|m| m.span.start >= next.start && m.span.end <= next.end)
        || places.get(si + 1).is_some_and(|n| {
            n.iter()
                .any(|p| !points.iter().any(|q| km(*p, *q) <= SAME_TOWN_KM))
        })
    {
        return None;
    }
    let folded = fold_key(sentence);
    let gap = recalls::recall_gap(&folded)?;
    let noun = recalls::recalled_event_noun(&folded)?;
    recalls::takes_up_the_recalled(&opening_of(&article.text, next), noun).then_some(gap)
}

/// "Plusieurs civils auraient été tués les 21 et 22 janvier", then "Le mardi 21 janvier, …"
/// and "Le lendemain, mercredi 22 janvier, …" each with its own dead: the lead summarises the
/// days the body tells apart. With no exact figure of its own, it is no incident: its
/// sentences join the first day's (their towns and actors still count there).
fn fold_summary_of_listed_days(
    article: &Article,
    groups: &mut Vec<Group>,
    tolls: &[Toll],
    mentions: &[DateMention],
) {
    let listed = |g: &Group| {
        g.date.is_some_and(|d| {
            let m = &mentions[d];
            let text = &article.text[m.span.clone()];
            m.end > m.start && fold_key(text).contains(" et ") && !is_range(text)
        })
    };
    let Some(summary) = groups.iter().position(|g| {
        listed(g)
            && g.tolls
                .iter()
                .all(|&t| tolls[t].vague || tolls[t].outcome != Outcome::Killed)
    }) else {
        return;
    };
    let Some(span) = groups[summary].date.map(|d| &mentions[d]) else {
        return;
    };
    let (start, end) = (span.start, span.end);
    let first_day = groups.iter().enumerate().position(|(gi, g)| {
        gi != summary
            && g.date.is_some_and(|d| {
                let m = &mentions[d];
                m.precision == DatePrecision::Day
                    && m.start == m.end
                    && start <= m.start
                    && m.end <= end
            })
    });
    let Some(first_day) = first_day else {
        return;
    };
    let lead = groups.remove(summary);
    let first_day = if first_day > summary {
        first_day - 1
    } else {
        first_day
    };
    let g = &mut groups[first_day];
    g.sentences.extend_from_slice(&lead.sentences);
    g.sentences.sort_unstable();
    g.points.extend_from_slice(&lead.points);
}

/// "Dix soldats tués près de Goundam" as a headline, then a body that tells another attack
/// first and the Goundam one later with "dix soldats y ont perdu la vie": the undated headline
/// is that later incident told again, when it says the same death figure and names no town
/// far from it. Its sentences join that incident (its figure counts once).
fn fold_headline_into_body(article: &Article, groups: &mut Vec<Group>, tolls: &[Toll]) {
    let killed_figures = |g: &Group| -> Vec<u32> {
        g.tolls
            .iter()
            .filter(|&&t| tolls[t].outcome == Outcome::Killed && !tolls[t].vague)
            .map(|&t| tolls[t].range.best)
            .collect()
    };
    // (Or a headline with the lead that sums the attacks told after it, naming no town: "Au
    // cours des dernières 48 heures, l'armée a perdu 12 hommes lors de deux attaques".)
    let opens_on_the_headline = |g: &Group| {
        g.points.is_empty() && g.sentences.first().is_some_and(|&si| in_title(article, si))
    };
    let Some(hi) = groups
        .iter()
        .position(|g| g.date.is_none() && (g.told_in_title(article) || opens_on_the_headline(g)))
    else {
        return;
    };
    let figures = killed_figures(&groups[hi]);
    if figures.is_empty() {
        return;
    }
    let said_again: Vec<usize> = (0..groups.len())
        .filter(|&oi| {
            oi != hi
                && killed_figures(&groups[oi])
                    .iter()
                    .any(|f| figures.contains(f))
                && !groups[hi]
                    .points
                    .iter()
                    .any(|p| groups[oi].points.iter().all(|q| km(*p, *q) > SAME_PLACE_KM))
        })
        .collect();
    // Only one later incident may be the one told again; the first one is already its lead.
    let [oi] = said_again[..] else {
        return;
    };
    if oi == hi + 1 {
        return;
    }
    let headline = groups.remove(hi);
    let o = &mut groups[if oi > hi { oi - 1 } else { oi }];
    o.sentences.extend(headline.sentences);
    o.sentences.sort_unstable();
    o.points.extend(headline.points);
}

/// Towns this far apart, each with its own dead, are two incidents even when a lead named them
/// together.
const CO_REPORTED_KM: f64 = 10.0;

/// "Les postes de A et de B ont été visés lundi soir. … Deux personnes ont été tuées à A. …
/// Quatre autres ont été tuées à B.": a lead that reports two attacks together makes one
/// group of both towns; when each sentence that counts dead names the towns of one of them
/// only, and different figures, the group is one incident per town, all on the lead's day.
/// The lead and the other sentences stay with the first town counted. A sentence whose dead
/// are a total of the towns' figures ("six morts en tout à A et B") is dropped from the split
/// groups; any other sentence naming several of them, or none, keeps the group whole.
fn split_co_reported(
    groups: &mut Vec<Group>,
    article: &Article,
    tolls: &[Toll],
    places: &SentencePlaces,
) {
    let mut gi = 0;
    while gi < groups.len() {
        let Some((parts, totals)) = co_reported_parts(&groups[gi], article, tolls, places) else {
            gi += 1;
            continue;
        };
        let added = parts.len() - 1;
        let g = &mut groups[gi];
        let moved: Vec<usize> = parts[1..].iter().flatten().copied().collect();
        g.sentences.retain(|si| !moved.contains(si));
        // Its point is looked for where its dead are counted: the lead names every town.
        g.core = parts[0].clone();
        g.tolls.retain(|&t| {
            let si = tolls[t].sentence;
            let total = totals.contains(&si) && tolls[t].outcome == Outcome::Killed;
            !(moved.contains(&si) || total)
        });
        g.points = points_of(places, &parts[0]);
        let date = g.date;
        let new: Vec<Group> = parts[1..]
            .iter()
            .map(|sentences| Group {
                sentences: sentences.clone(),
                date,
                tolls: sentences
                    .iter()
                    .flat_map(|&si| (0..tolls.len()).filter(move |&t| tolls[t].sentence == si))
                    .collect(),
                core: sentences.clone(),
                points: points_of(places, sentences),
                aside: false,
                earlier: false,
            })
            .collect();
        groups.splice(gi + 1..gi + 1, new);
        gi += 1 + added;
    }
}

/// The sentences that count dead at each town of a co-reported group, first town first, and
/// the sentences that count their total.
type CoReported = (Vec<Vec<usize>>, Vec<usize>);

/// The [`CoReported`] sentences of a group, when [`split_co_reported`] applies.
fn co_reported_parts(
    g: &Group,
    article: &Article,
    tolls: &[Toll],
    places: &SentencePlaces,
) -> Option<CoReported> {
    let killed = |t: usize| tolls[t].outcome == Outcome::Killed && !tolls[t].superseded;
    // Bodies counted at a morgue in another town are the same dead, not another attack's.
    let mut counted: Vec<usize> = g
        .tolls
        .iter()
        .filter(|&&t| killed(t))
        .map(|&t| tolls[t].sentence)
        .filter(|&si| !says_aftermath(&article.text[article.sentences[si].clone()]))
        .collect();
    counted.sort_unstable();
    counted.dedup();
    if counted.len() < 2 {
        return None;
    }
    // Each counting sentence's town: the first point it names, if all its points are one town.
    let town = |si: usize| -> Option<(f64, f64)> {
        let points = places.get(si)?;
        let first = *points.first()?;
        points
            .iter()
            .all(|p| km(*p, first) <= CO_REPORTED_KM)
            .then_some(first)
    };
    let mut towns: Vec<((f64, f64), Vec<usize>)> = Vec::new();
    let mut shared = Vec::new();
    for &si in &counted {
        match town(si) {
            Some(p) => match towns.iter_mut().find(|(q, _)| km(p, *q) <= CO_REPORTED_KM) {
                Some((_, v)) => v.push(si),
                None => towns.push((p, vec![si])),
            },
            None => shared.push(si),
        }
    }
    if towns.len() < 2 {
        return None;
    }
    let largest = |sentences: &[usize]| {
        g.tolls
            .iter()
            .filter(|&&t| killed(t) && sentences.contains(&tolls[t].sentence))
            .map(|&t| tolls[t].range.best)
            .max()
            .unwrap_or(0)
    };
    let figures: Vec<u32> = towns.iter().map(|(_, v)| largest(v)).collect();
    // The same figure at two towns restates one toll with another reference town.
    if figures
        .iter()
        .enumerate()
        .any(|(i, f)| figures[i + 1..].contains(f))
    {
        return None;
    }
    // A sentence naming several towns, or none, is kept only as their total.
    let sum: u32 = figures.iter().sum();
    if shared.iter().any(|&si| largest(&[si]) != sum) {
        return None;
    }
    Some((towns.into_iter().map(|(_, v)| v).collect(), shared))
}

/// "43 morts en deux jours", "Au total, 43 personnes ont été tuées", "Quatre soldats ont péri
/// entre samedi et dimanche": a death figure said as a total (`totals` in segmentation.toml)
/// or over several days, and equal to the sum of the figures of two or more
/// incidents the article tells is their total, not an incident's toll. It is taken out of its
/// group (a lead that holds nothing else then gives no incident). Each incident counts with
/// its largest figure; the total's own group may count with its other figures.
fn drop_totals_of_incidents(
    article: &Article,
    groups: &mut [Group],
    tolls: &[Toll],
    mentions: &[DateMention],
) -> Vec<Remainder> {
    let mut remainders = Vec::new();
    if groups.len() < 2 {
        return remainders;
    }
    let killed = |t: usize| tolls[t].outcome == Outcome::Killed;
    // (In the total's own group, a headline and a lead that both say the total are not a
    // part of it: "Cinq civils tués dans deux attaques", "Au moins cinq civils ont été tués".)
    let largest = |g: &Group, except: Option<usize>| {
        let total = except.map(|t| tolls[t].range.best);
        g.tolls
            .iter()
            .filter(|&&t| killed(t) && Some(t) != except && Some(tolls[t].range.best) != total)
            .map(|&t| tolls[t].range.best)
            .max()
            .unwrap_or(0)
    };
    let mut totals: Vec<(usize, usize)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        for &t in g.tolls.iter().filter(|&&t| killed(t)) {
            let total = tolls[t].range.best;
            // "Quatre soldats ont péri entre samedi et dimanche": a figure over days.
            let over_days = || {
                article.sentences.get(tolls[t].sentence).is_some_and(|s| {
                    mentions.iter().any(|m| {
                        s.start <= m.span.start
                            && m.span.end <= s.end
                            && m.end > m.start
                            && is_range(&article.text[m.span.clone()])
                            && !is_one_night(&article.text, m)
                    })
                })
            };
            if total < 3 || !(said_as_a_total(article, &tolls[t]) || over_days()) {
                continue;
            }
            let parts: Vec<u32> = groups
                .iter()
                .enumerate()
                .map(|(oi, o)| largest(o, (oi == gi).then_some(t)))
                .filter(|&p| p > 0 && p < total)
                .collect();
            if sums_to(&parts, total) {
                totals.push((gi, t));
                continue;
            }
            // "Treize civils tués dans deux frappes. La première a visé A : une famille
            // entière a péri. … Quatre femmes et deux enfants ont été tués à B": the total's
            // own incident, with no figure of its own, counts what the others leave of it.
            let others: u32 = parts.iter().sum();
            if said_as_a_total(article, &tolls[t])
                && largest(g, Some(t)) == 0
                && others > 0
                && others < total
                && parts.len() + 1 == events_counted(article, &tolls[t])
            {
                remainders.push(Remainder {
                    group: gi,
                    toll: t,
                    dead: total - others,
                });
            }
        }
    }
    // A headline above the lead that says the same total goes with it.
    for (gi, t) in totals {
        let total = &tolls[t];
        groups[gi].tolls.retain(|&x| {
            let o = &tolls[x];
            x != t
                && !(o.sentence < total.sentence
                    && o.outcome == total.outcome
                    && o.range.best == total.range.best)
        });
    }
    remainders
}

/// The source of a figure computed as a [`Remainder`].
const REMAINDER: &str = "remainder";

/// A total said over several incidents, whose own incident counts what the others leave of it.
struct Remainder {
    group: usize,
    toll: usize,
    dead: u32,
}

/// "dans deux frappes", "lors de trois attaques": how many events the total's sentence says
/// it sums (0 when it does not say).
fn events_counted(article: &Article, t: &Toll) -> usize {
    let Some(s) = article.sentences.get(t.sentence) else {
        return 0;
    };
    let folded = fold_key(&article.text[s.clone()]);
    let words: Vec<&str> = folded.split(' ').collect();
    words
        .windows(2)
        .find_map(|w| {
            let n = usize::try_from(numbers::parse_french_number(w[0])?).ok()?;
            matches!(
                w[1],
                "frappes" | "attaques" | "embuscades" | "attentats" | "explosions" | "incidents"
            )
            .then_some(n)
        })
        .unwrap_or(0)
}

/// The toll's sentence says it sums ("au total", "en deux jours", "ces attaques").
fn said_as_a_total(article: &Article, t: &Toll) -> bool {
    let Some(s) = article.sentences.get(t.sentence) else {
        return false;
    };
    let folded = fold_key(&article.text[s.clone()]);
    lexicon::segmentation_words()
        .totals
        .iter()
        .any(|p| folded.contains(p.as_str()))
}

/// Two or more of `parts` add up to `total` (a subset sum over small figures).
fn sums_to(parts: &[u32], total: u32) -> bool {
    let total = total as usize;
    if parts.len() < 2 || total > 5_000 {
        return false;
    }
    // Fewest parts that reach each sum; a total needs two.
    let mut fewest = vec![u8::MAX; total + 1];
    fewest[0] = 0;
    for &p in parts {
        let p = p as usize;
        for sum in (p..=total).rev() {
            if fewest[sum - p] != u8::MAX {
                fewest[sum] = fewest[sum].min(fewest[sum - p].saturating_add(1));
            }
        }
    }
    (2..u8::MAX).contains(&fewest[total])
}

/// A date `days` after (or before) the day of `base`, said at `span` ("le lendemain", "dans la
/// soirée"). "Le lendemain" of a day whose year is unknown has no year either.
fn days_from(base: &DateMention, days: i64, span: Range<usize>) -> DateMention {
    let day = base.start + chrono::TimeDelta::days(days);
    DateMention {
        span,
        start: day,
        end: day,
        precision: base.precision,
        kind: if base.kind == DateKind::Floating {
            DateKind::Floating
        } else {
            DateKind::Relative
        },
        warnings: Vec::new(),
    }
}

/// Towns farther apart than this, named in one sentence, are not one incident's place.
const ROUNDUP_SPREAD_KM: f64 = 150.0;

/// How many sentences on a dated scene-setting sentence dates the facts told: the next one,
/// or one after a sentence or two of narrative.
const HELD_REACH: usize = 3;

/// "dans la nuit du 4 au 5 octobre", "la nuit de samedi à dimanche": a span of one night.
fn is_one_night(text: &str, m: &DateMention) -> bool {
    m.end.signed_duration_since(m.start).num_days() == 1
        && crate::corpus::normalize::fold_key(&text[m.span.clone()]).contains("nuit")
}

/// The sentence puts the facts between midnight and dawn: "vers 2 heures", "entre 00h et 1
/// heure", "à l'aube", "au petit matin". An evening hour ("vers 22 heures") says otherwise.
fn after_midnight(sentence: &str) -> bool {
    let folded = crate::corpus::normalize::fold_key(sentence);
    if [
        "a l aube",
        "au petit matin",
        "petit matin",
        "aux premieres heures",
        "apres minuit",
    ]
    .iter()
    .any(|p| folded.contains(p))
    {
        return true;
    }
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut small_hours = false;
    for (i, w) in words.iter().enumerate() {
        // "2 heures", "2h", "02h30", "2 h 30".
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || digits.len() > 2 {
            continue;
        }
        let rest = &w[digits.len()..];
        let unit = if rest.is_empty() {
            words.get(i + 1).copied().unwrap_or("")
        } else {
            rest
        };
        if !(unit == "heure" || unit == "heures" || unit.starts_with('h')) {
            continue;
        }
        let introduced = words[i.saturating_sub(3)..i].iter().any(|b| {
            matches!(
                *b,
                "vers" | "a" | "environs" | "entre" | "des" | "autour" | "et"
            )
        });
        if !introduced {
            continue;
        }
        match digits.parse::<u32>() {
            Ok(h) if h <= 5 => small_hours = true,
            Ok(h) if (18..=23).contains(&h) => return false,
            _ => {}
        }
    }
    small_hours
}

#[allow(clippy::too_many_arguments)]
fn build_draft(
    article: &Article,
    index: usize,
    g: Group,
    cues: &[TextCue],
    mentions: &[DateMention],
    tolls: &[Toll],
    dating: &Dating,
    lex: &Lexicon,
) -> Draft {
    let text = article.text.as_str();
    let mut evidence = Vec::new();
    let mut warnings = Vec::new();
    if let Some(t) = g
        .tolls
        .iter()
        .find(|&&t| tolls[t].source == Some(REMAINDER))
    {
        warnings.push(format!(
            "toll {}: what the total '{}' leaves once the article's other incidents are counted",
            tolls[*t].range.best,
            &text[tolls[*t].span.clone()]
        ));
    }
    let in_group = |r: &Range<usize>| {
        g.sentences
            .iter()
            .any(|&si| r.start >= article.sentences[si].start && r.end <= article.sentences[si].end)
    };

    // Date.
    let (date, date_end, date_precision) = match g.date {
        Some(d) if mentions[d].kind == DateKind::Floating => {
            let m = &mentions[d];
            evidence.push(Evidence::new("date", text, m.span.clone()));
            match dating.fallback {
                // Under a header that gives the month: that month, as said.
                Some((month, precision)) if dating.anchor.is_none() => {
                    warnings.push(format!(
                        "'{}': the header gives only the month, not which week",
                        &text[m.span.clone()]
                    ));
                    (Some(month), None, precision)
                }
                _ => {
                    warnings.push(format!(
                        "'{}': neither the text nor its publication date says which year (or \
                         week) it is",
                        &text[m.span.clone()]
                    ));
                    (None, None, DatePrecision::Unknown)
                }
            }
        }
        Some(d) => {
            let m = &mentions[d];
            evidence.push(Evidence::new("date", text, m.span.clone()));
            warnings.extend(m.warnings.iter().cloned());
            let end = (m.end != m.start).then_some(m.end);
            let group_text = g
                .sentences
                .iter()
                .map(|&si| &text[article.sentences[si].clone()]);
            // "Entre 00h et 1 heure, des assaillants ont encerclé…": a sentence just after the
            // incident's, or after another naming the same night, that opens with the hour
            // tells when its facts happened.
            let last = g.sentences.iter().max().copied().unwrap_or(0);
            let same_night = mentions
                .iter()
                .filter(|o| o.start == m.start && o.end == m.end)
                .filter_map(|o| tolls::sentence_of(&article.sentences, o.span.start));
            let opening_hour = std::iter::once(last).chain(same_night).any(|at| {
                (at + 1..(at + 3).min(article.sentences.len()))
                    .any(|si| after_midnight(text_prefix(text, &article.sentences[si], 30)))
            });
            if is_one_night(text, m) && (opening_hour || group_text.clone().any(after_midnight)) {
                // "dans la nuit du 4 au 5, vers 2 heures": the facts fall on the second day.
                (Some(m.end), None, DatePrecision::Day)
            } else {
                (Some(m.start), end, m.precision)
            }
        }
        None if g.earlier => {
            warnings.push("an earlier event recalled without its date".into());
            (None, None, DatePrecision::Unknown)
        }
        None => match (&dating.anchor, dating.fallback) {
            (Some((year, _)), _) => (
                NaiveDate::from_ymd_opt(*year, 1, 1),
                None,
                DatePrecision::Year,
            ),
            (None, Some((d, p))) => {
                warnings
                    .push("no date in the text for this incident; publication date used".into());
                (Some(d), None, p)
            }
            (None, None) => (None, None, DatePrecision::Unknown),
        },
    };

    // Tolls.
    let group_tolls: Vec<&Toll> = g.tolls.iter().map(|&i| &tolls[i]).collect();
    let group_tolls = without_headline_people(article, group_tolls);
    for t in &group_tolls {
        evidence.push(Evidence::new(t.outcome.field(), text, t.span.clone()));
    }
    let combined = tolls::combine(&group_tolls);
    let mut killed = BTreeMap::new();
    let mut wounded = None;
    let mut captured = None;
    let mut missing = None;
    for (o, c, r) in &combined {
        match o {
            Outcome::Killed => {
                killed.insert(*c, *r);
            }
            Outcome::Wounded => wounded = Some(sum(wounded, *r)),
            Outcome::Captured => captured = Some(sum(captured, *r)),
            Outcome::Missing => missing = Some(sum(missing, *r)),
        }
    }
    let fatalities = if killed.is_empty() {
        no_death_toll(cues, &in_group, &mut evidence, text, &article.sentences)
    } else {
        Some(
            killed
                .values()
                .fold(numbers::TollRange::exact(0), |a, r| a.add(*r)),
        )
    };
    let mut toll_sources: Vec<String> = Vec::new();
    for s in group_tolls.iter().filter_map(|t| t.source) {
        if !toll_sources.iter().any(|x| x == s) {
            toll_sources.push(s.to_string());
        }
    }

    // Actors, skipping affiliation mentions ("affiliée à Al-Qaïda").
    let mut actor_ids: Vec<u16> = Vec::new();
    for c in cues.iter().filter(|c| in_group(&c.range)) {
        let Cue::Actor(id) = c.cue else { continue };
        if is_affiliation(text, c.range.start) || in_background_clause(text, cues, c.range.start) {
            continue;
        }
        evidence.push(Evidence::new("actors", text, c.range.clone()));
        let mut next = Some(id);
        while let Some(a) = next {
            if !actor_ids.contains(&a) {
                actor_ids.push(a);
            }
            next = lex.actor(a).parent.as_deref().and_then(|p| lex.actor_id(p));
        }
    }
    let actors: Vec<String> = actor_ids
        .iter()
        .map(|&a| lex.actor(a).name.clone())
        .collect();
    let kinds: Vec<ActorKind> = actor_ids.iter().map(|&a| lex.actor(a).kind).collect();

    // Event type.
    let mut ev = EventEvidence {
        state_actor: kinds.contains(&ActorKind::State),
        armed_group: kinds.iter().any(|k| k.is_armed_group()),
        ..Default::default()
    };
    for c in cues.iter().filter(|c| in_group(&c.range)) {
        if let Cue::Event(e) = c.cue
            && e != EventCue::Background
            && !ev.cues.contains(&e)
        {
            ev.cues.push(e);
            if e.is_event() {
                evidence.push(Evidence::new("event_type", text, c.range.clone()));
            }
        }
    }
    ev.victims = combined
        .iter()
        .filter(|(_, _, r)| r.best > 0)
        .map(|(o, c, _)| (*o, *c))
        .collect();
    let (event_type, sub) = events::classify(&ev);

    // Perpetrator and target.
    // The first armed group named is the most specific claim ("Katiba Macina" before its
    // parent JNIM, which the lexicon adds after it).
    let perpetrator = actor_ids
        .iter()
        .find(|&&a| lex.actor(a).kind.is_armed_group())
        .map(|&a| lex.actor(a).name.clone());
    let civilians_hit = killed.contains_key(&Category::Civilians);
    // Only states fly aircraft and drones over Mali: in an air or drone strike the state is
    // the perpetrator, and the armed group or the civilians it hit are the target.
    let air_strike = sub == "Air/drone strike";
    let state_actor = || {
        actor_ids
            .iter()
            .find(|&&a| matches!(lex.actor(a).kind, ActorKind::State | ActorKind::Foreign))
            .map(|&a| lex.actor(a).name.clone())
    };
    let strike = if air_strike { state_actor() } else { None };
    let (perpetrator, strike_target) = match strike {
        Some(state) => {
            let hit = if civilians_hit
                || event_type == crate::incident::EventType::ViolenceAgainstCivilians
            {
                Some("Civilians".to_string())
            } else {
                perpetrator
            };
            (Some(state), Some(hit))
        }
        None => (perpetrator, None),
    };
    let target = if let Some(hit) = strike_target {
        hit
    } else if event_type == crate::incident::EventType::ViolenceAgainstCivilians
        || (civilians_hit && !ev.state_actor)
    {
        Some("Civilians".to_string())
    } else {
        actor_ids
            .iter()
            .find(|&&a| {
                matches!(
                    lex.actor(a).kind,
                    ActorKind::State | ActorKind::Mercenary | ActorKind::Un | ActorKind::Foreign
                )
            })
            .map(|&a| lex.actor(a).name.clone())
    };
    let perpetrator = perpetrator.filter(|p| Some(p) != target.as_ref());

    evidence.sort_by_key(|e| (e.span[0], e.span[1]));
    evidence.dedup();
    Draft {
        incident: Incident {
            article: article.source.clone(),
            incident: index,
            date,
            date_end,
            date_precision,
            event_type,
            sub_event_type: sub.to_string(),
            actors,
            perpetrator,
            target,
            fatalities,
            killed: (!killed.is_empty()).then_some(killed),
            wounded,
            captured,
            missing,
            toll_sources,
            places: Vec::new(),
            location: None,
            evidence,
            warnings,
            gazetteer: None,
        },
        placed_in: g
            .sentences
            .iter()
            .filter_map(|&si| {
                let s = &article.sentences[si];
                placed::where_clause(&article.text[s.clone()])
                    .map(|r| s.start + r.start..s.start + r.end)
            })
            .collect(),
        sentences: g.sentences,
        core: g.core,
    }
}

/// The toll of an incident whose sentences give no death figure: 0 when the text says nobody
/// died ("sans faire de victimes", "aucune perte en vie humaine") or says nothing of deaths at
/// all (no killing word: a kidnapping, a looting, rockets that fell in the sand). That is
/// ACLED's convention (fatalities 0 when none are reported), and it keeps unknown (`None`) for
/// incidents that report deaths without a figure ("une attaque meurtrière", "des morts"), and
/// for every incident of an article that says its toll is not known ("aucun bilan").
fn no_death_toll(
    cues: &[TextCue],
    in_group: &dyn Fn(&Range<usize>) -> bool,
    evidence: &mut Vec<Evidence>,
    text: &str,
    sentences: &[Range<usize>],
) -> Option<numbers::TollRange> {
    let said = cues
        .iter()
        .find(|c| c.cue == Cue::NoDeath && in_group(&c.range));
    if let Some(c) = said {
        evidence.push(Evidence::new("fatalities", text, c.range.clone()));
        return Some(numbers::TollRange::exact(0));
    }
    let lethal = cues.iter().any(|c| {
        c.cue == Cue::TollUnknown
            || matches!(
                c.cue,
                Cue::Outcome(Outcome::Killed) | Cue::DeathsWithoutFigure
            ) && in_group(&c.range)
                // "l'accident qui a causé trois morts" says nothing of the incident's dead.
                && !tolls::sentence_of(sentences, c.range.start)
                    .is_some_and(|si| tolls::by_accident(text, cues, &sentences[si], c.range.start))
                && !the_hurt_as_victims(text, cues, in_group, &c.range)
                // "Le bilan est de trois blessés": the word of a toll says nothing of deaths.
                && fold_key(&text[c.range.clone()]) != "bilan"
    });
    (!lethal).then_some(numbers::TollRange::exact(0))
}

/// "Deux passants ont été blessés. Outre les victimes, des boutiques ont brûlé": in an
/// incident that counts its wounded or its captives ("les victimes auraient été enlevées"),
/// "les victimes" (definite, without a figure) are those people, told again; it says nothing
/// of deaths.
fn the_hurt_as_victims(
    text: &str,
    cues: &[TextCue],
    in_group: &dyn Fn(&Range<usize>) -> bool,
    at: &Range<usize>,
) -> bool {
    let noun = fold_key(&text[at.clone()]);
    (noun == "victimes" || noun == "victime")
        && word_before_is(text, at.start, &["les", "la", "l"])
        && cues.iter().any(|w| {
            matches!(w.cue, Cue::Outcome(Outcome::Wounded | Outcome::Captured))
                && in_group(&w.range)
        })
}

fn sum(a: Option<numbers::TollRange>, b: numbers::TollRange) -> numbers::TollRange {
    a.map_or(b, |a| a.add(b))
}

/// "affiliée à Al-Qaïda", "lié à l'EI": the actor is named as a parent, not a participant.
fn is_affiliation(text: &str, at: usize) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(30));
    let before = crate::corpus::normalize::fold_key(&text[from..at]);
    lexicon::segmentation_words().affiliation.iter().any(|p| {
        // "lié à l'EI": the elided article may stand between the cue and the name.
        before.ends_with(p.as_str())
            || before
                .strip_suffix(" l")
                .is_some_and(|b| b.ends_with(p.as_str()))
    })
}

/// "l'attaque", "cette embuscade", "ces combats": an event noun that refers back to an event
/// already told.
fn is_anaphoric(text: &str, at: usize) -> bool {
    word_before_is(
        text,
        at,
        &["l", "la", "le", "les", "cette", "cet", "ce", "ces"],
    )
}

/// "l'attaque contre une base de l'ONU", "l'attaque d'un convoi": a definite event noun whose
/// target is indefinite tells an event not told yet, not the one before (`at`: the noun's end).
fn aims_at_an_indefinite_target(text: &str, at: usize) -> bool {
    let to = text.ceil_char_boundary((at + 16).min(text.len()));
    let after = fold_key(&text[at..to]);
    ["contre un ", "contre une ", "d un ", "d une "]
        .iter()
        .any(|p| after.starts_with(p))
}

/// Sentence `si` of the article lies within its title.
fn in_title(article: &Article, si: usize) -> bool {
    article.title.as_ref().is_some_and(|t| {
        let r = &article.sentences[si];
        r.start >= t.start && r.end <= t.end
    })
}

/// "C'est le village de A qui a été visé", "C'est au camp de B que l'attaque a eu lieu": a
/// cleft sentence that names where the incident just told took place.
fn names_the_target(sentence: &str) -> bool {
    // Only sentences opening on "C'est" are folded.
    if !["C'est", "C’est", "c'est", "c’est"]
        .iter()
        .any(|o| sentence.trim_start().starts_with(o))
    {
        return false;
    }
    let folded = fold_key(sentence);
    [
        "c est le ",
        "c est la ",
        "c est l ",
        "c est au ",
        "c est a ",
        "c est dans ",
    ]
    .iter()
    .any(|o| folded.starts_with(o))
        && [
            " qui a ete ",
            " qui ont ete ",
            " que l attaque ",
            " que les faits ",
        ]
        .iter()
        .any(|w| folded.contains(w))
}

/// The folded word right before `at` (within 8 bytes) is one of `words`.
fn word_before_is(text: &str, at: usize, words: &[&str]) -> bool {
    let from = text.floor_char_boundary(at.saturating_sub(8));
    let before = fold_key(&text[from..at]);
    words.contains(&before.rsplit(' ').next().unwrap_or(""))
}

/// The event noun at `at` follows a demonstrative: "cette attaque", "ces tirs".
fn is_demonstrative(text: &str, at: usize) -> bool {
    word_before_is(text, at, &["cette", "cet", "ce", "ces"])
}

/// Verbs that give a toll, folded, as a regex alternation: "a donné un premier bilan", "avait
/// annoncé un bilan provisoire".
const GIVES_A_TOLL_VERBS: &str =
    "annonce|communique|donne|livre|publie|dresse|fourni|avance|fait etat d|evoque";

/// Words right before the date ("publié lundi") make it the date of a report, not of the
/// event (`reporting` in `data/lexicon/segmentation.toml`).
fn is_reporting_date(text: &str, span: &Range<usize>) -> bool {
    let from = text.floor_char_boundary(span.start.saturating_sub(40));
    let before = fold_key(&text[from..span.start]);
    // "un communiqué publié le mardi 16 mars": the article before the day.
    let before = before.trim_end();
    let before = ["le", "du", "ce"]
        .iter()
        .find_map(|a| before.strip_suffix(a).filter(|b| b.ends_with(' ')))
        .unwrap_or(before)
        .trim_end_matches([' ', ',']);
    let words = lexicon::segmentation_words();
    if words.reporting.iter().any(|r| before.ends_with(r.as_str())) {
        return true;
    }
    // "72 morts en 2022 au 31 août": after a year, "au" gives the day a count stops.
    if let Some(head) = before.strip_suffix(" au")
        && head.rsplit(' ').next().is_some_and(tolls::is_year)
    {
        return true;
    }
    // "L'armée a donné ce lundi soir un premier bilan de l'embuscade": the day the toll was
    // given, between the verb and the toll.
    static GIVES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\b(?:a|ont) (?:{GIVES_A_TOLL_VERBS})$")).expect("valid verb pattern")
    });
    static A_TOLL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:un|le|son|leur)\s+(?:[a-z]+\s+)?bilan\b").expect("valid toll pattern")
    });
    if GIVES.is_match(before) && {
        let to = text.ceil_char_boundary((span.end + 40).min(text.len()));
        A_TOLL.is_match(&fold_key(&text[span.end..to]))
    } {
        return true;
    }
    // "ont indiqué un responsable militaire et un élu local vendredi", "a déclaré l'armée
    // lundi": the day closes a reporting clause whose subject stands between.
    let from = text.floor_char_boundary(span.start.saturating_sub(72));
    let window = &text[from..span.start];
    // The clause: from the last punctuation on.
    let window = window
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | '.' | ';' | ':' | '«' | '»' | '"' | '(' | ')'))
        .map_or(window, |(i, c)| &window[i + c.len_utf8()..]);
    let clause = fold_key(window);
    // The words after the last auxiliary ("a", "ont") of the clause.
    let words_of: Vec<&str> = clause.split(' ').collect();
    let closes_report = words_of
        .iter()
        .rposition(|w| matches!(*w, "a" | "ont"))
        .filter(|&aux| {
            words_of.get(aux + 1).is_some_and(|verb| {
                let phrase = format!("{} {verb}", words_of[aux]);
                words.reporting.contains(&phrase)
            })
        })
        .is_some_and(|aux| {
            !words_of[aux + 2..]
                .iter()
                .any(|w| matches!(*w, "que" | "qu" | "avoir" | "etre" | "d" | "de" | "a"))
        });
    if closes_report || given_by_an_agent(text, span) {
        return true;
    }
    // "a affirmé dimanche à l'AFP", "ont dit lundi à RFI": a day followed by the medium
    // told is when the source spoke, whatever the verb.
    let to = text.ceil_char_boundary((span.end + 24).min(text.len()));
    let after = fold_key(&text[span.end..to]);
    words.told_to.iter().any(|t| after.starts_with(t.as_str()))
}

/// "Samedi, la Dirpa a, dans un communiqué, annoncé que …", "Le 12 mars, l'armée a indiqué
/// avoir …": a date among the first words of the sentence `s`, followed in its clause by a
/// reporting verb that introduces what was said.
fn opens_a_report(text: &str, s: &Range<usize>, span: &Range<usize>) -> bool {
    static SAYS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:annonce|indique|declare|precise|confirme|rapporte|affirme|fait savoir)(?:\s+[a-z]+){0,4}?\s+(?:que|qu|avoir)\b",
        )
            .expect("valid report pattern")
    });
    clause_a_date_opens(text, s, span, &['.', ';', ':', '«']).is_some_and(|c| SAYS.is_match(&c))
}

/// How far (bytes) from a date a burial word ("inhumés", "funérailles") makes it the burial's.
const BURIAL_REACH: usize = 90;

/// "Les corps ont été inhumés samedi à A", "des funérailles prévues jeudi 19", "Le 20
/// janvier, les habitants ont procédé à l'inhumation des victimes": a date beside a burial
/// word, in the sentence `s` with no event cue between them, is the burial's, not the
/// event's ("inhumés après l'attaque de samedi" keeps the attack's day).
fn dates_a_burial(
    text: &str,
    s: &Range<usize>,
    span: &Range<usize>,
    event_cues: &[&TextCue],
) -> bool {
    static BURIAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:inhum|enterr|funerailles|obseques|mis en terre|mises en terre|sepultur)")
            .expect("valid burial pattern")
    });
    // Most sentences name no burial: nothing is folded for them.
    const STEMS: [&str; 8] = [
        "nhum",
        "nterr",
        "unérailles",
        "unerailles",
        "bsèques",
        "bseques",
        "en terre",
        "pultur",
    ];
    if !STEMS.iter().any(|w| text[s.clone()].contains(w)) {
        return false;
    }
    // "l'attaque de mardi": a day right after an event noun is the event's.
    if event_cues
        .iter()
        .any(|c| c.range.end <= span.start && span.start - c.range.end <= 12)
    {
        return false;
    }
    let from = text.floor_char_boundary(span.start.saturating_sub(BURIAL_REACH).max(s.start));
    let to = text.ceil_char_boundary((span.end + BURIAL_REACH).min(s.end));
    let clear = |a: usize, b: usize| {
        !event_cues
            .iter()
            .any(|c| c.range.start >= a && c.range.end <= b)
    };
    // The burial word's byte offsets are those of the folded text, which keeps ASCII text's
    // length; accents shift them a little, well within the reach.
    let before = fold_key(&text[from..span.start]);
    let after = fold_key(&text[span.end..to]);
    BURIAL
        .find_iter(&before)
        .last()
        .is_some_and(|m| clear(from + m.end(), span.start))
        || BURIAL
            .find(&after)
            .is_some_and(|m| clear(span.end, span.end + m.start()))
}

/// "Le 10 mai, le gouverneur avait annoncé un bilan provisoire de 40 morts": a date among the
/// first words of the sentence `s`, whose clause gives a toll ("un bilan"), is when the toll
/// was given, not when the dead fell.
fn opens_a_toll_report(text: &str, s: &Range<usize>, span: &Range<usize>) -> bool {
    static GIVES_A_TOLL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b(?:(?:{GIVES_A_TOLL_VERBS})\s+(?:un|le|son|leur|d un)\s+(?:[a-z]+\s+)?bilan\b|(?:le|ce|son|leur)\s+(?:[a-z]+\s+)?bilan\s+(?:est\s+passe|passe|s\s+est\s+alourdi|s\s+alourdit|a\s+ete\s+revu|a\s+evolue))",
        ))
        .expect("valid toll report pattern")
    });
    clause_a_date_opens(text, s, span, &['.', ';', ':']).is_some_and(|c| GIVES_A_TOLL.is_match(&c))
}

/// The folded clause after a date among the first words of the sentence `s` (up to 160 bytes,
/// cut at the first of `stops`); `None` when the date at `span` does not open the sentence.
fn clause_a_date_opens(
    text: &str,
    s: &Range<usize>,
    span: &Range<usize>,
    stops: &[char],
) -> Option<String> {
    if span.start < s.start || span.start - s.start > 24 || span.end > s.end {
        return None;
    }
    let to = text.ceil_char_boundary((span.end + 160).min(s.end));
    let after = &text[span.end..to];
    Some(fold_key(after.split(stops).next().unwrap_or(after)))
}

/// "selon le dernier bilan communiqué par le chef d'état-major, mercredi 17 mars", "un bilan
/// publié par l'armée lundi": a date right after the agent of a reporting participle is when
/// the report was given.
fn given_by_an_agent(text: &str, span: &Range<usize>) -> bool {
    let from = text.floor_char_boundary(span.start.saturating_sub(90));
    let before = fold_key(&text[from..span.start]);
    let Some((head, agent)) = before.rsplit_once(" par ") else {
        return false;
    };
    let participle = head.rsplit(' ').next().unwrap_or("");
    matches!(
        participle,
        "communique"
            | "publie"
            | "publiee"
            | "diffuse"
            | "diffusee"
            | "donne"
            | "fourni"
            | "dresse"
    ) && agent.split_whitespace().count() <= 8
}

/// The folded start of a sentence (its first 80 bytes at most).
fn opening_of(text: &str, s: &Range<usize>) -> String {
    fold_key(text_prefix(text, s, 80))
}

/// "Au moins 13 corps ont été rassemblés vendredi à la morgue", "quatre assaillants ont trouvé
/// la mort au cours des combats": a sentence telling what followed the incident `g` (`aftermath`
/// in `data/lexicon/segmentation.toml`), undated, dated that day or the next, or after an
/// incident the text leaves undated ("hier soir", then "13 corps rassemblés ce vendredi matin").
/// Another event's opener ("une autre attaque …", "le lendemain") keeps it apart.
fn tells_the_aftermath(
    article: &Article,
    s: &Range<usize>,
    g: &Group,
    own_date: Option<usize>,
    mentions: &[DateMention],
) -> bool {
    let words = lexicon::segmentation_words();
    if !says_aftermath(&article.text[s.clone()]) {
        return false;
    }
    let opening = opening_of(&article.text, s);
    if words
        .another_event_openers
        .iter()
        .chain(words.anaphors.iter().map(|a| &a.phrase))
        .any(|p| opening.starts_with(p.as_str()))
    {
        return false;
    }
    match (own_date, g.date) {
        (Some(d), Some(gd)) => {
            (0..=1).contains(&(mentions[d].start - mentions[gd].start).num_days())
        }
        _ => true,
    }
}

/// Whether a sentence holds a phrase of `aftermath` (`data/lexicon/segmentation.toml`).
fn says_aftermath(sentence: &str) -> bool {
    // Every phrase holds one of these stems: most sentences are not folded at all.
    const STEMS: [&str; 8] = [
        "orps",
        "morgue",
        "inhum",
        "enterr",
        "combats",
        "affrontements",
        "riposte",
        "blessures",
    ];
    if !STEMS.iter().any(|w| sentence.contains(w)) {
        return false;
    }
    let folded = fold_key(sentence);
    lexicon::segmentation_words()
        .aftermath
        .iter()
        .any(|p| folded.contains(p.as_str()))
}

/// Whether sentence `si` is one of the body's first [`LEAD_SENTENCES`] sentences, in a
/// paragraph of some length (a photo's caption under the headline, "Des soldats à Sévaré, le
/// 25 janvier 2013.", is a short line of its own).
fn in_the_bodys_lead(article: &Article, si: usize) -> bool {
    let first = article
        .sentences
        .partition_point(|r| r.start < article.body.start);
    if si < first || si - first >= LEAD_SENTENCES {
        return false;
    }
    let s = &article.sentences[si];
    let text = &article.text;
    let line_start = text[..s.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[s.end..].find('\n').map_or(text.len(), |i| s.end + i);
    line_end - line_start >= LEAD_PARAGRAPH_BYTES
}

/// How many sentences open a body as its lead.
const LEAD_SENTENCES: usize = 2;

/// The shortest paragraph a lead is written in.
const LEAD_PARAGRAPH_BYTES: usize = 120;

/// "C'était dans la nuit de…", "L'incident s'est produit le…", "Les faits ont eu lieu…": a
/// sentence that says when the facts just told happened (`tells_when_*` in
/// `data/lexicon/segmentation.toml`).
fn tells_when(opening: &str) -> bool {
    lexicon::segmentation_words()
        .tells_when_openers
        .iter()
        .any(|o| opening.starts_with(o.as_str()))
        || tells_how(opening)
}

/// "À Tessalit, …", "A Aguelhok enfin, …": a sentence that opens on a capitalised name after
/// "à" or "au", with a comma soon after.
fn opens_on_a_town(sentence: &str) -> bool {
    let Some(rest) = ["À ", "A ", "Au ", "à "]
        .iter()
        .find_map(|p| sentence.trim_start().strip_prefix(p))
    else {
        return false;
    };
    rest.chars().next().is_some_and(char::is_uppercase)
        && rest.char_indices().take(40).any(|(_, c)| c == ',')
}

/// "C'était dans le village de A", "Cela s'est passé à A": a sentence that says where the
/// facts just told happened (`tells_where_openers` in `data/lexicon/segmentation.toml`).
fn tells_where(opening: &str) -> bool {
    lexicon::segmentation_words()
        .tells_where_openers
        .iter()
        .any(|o| opening.starts_with(o.as_str()))
}

/// "Kita : 2 personnes tuées" over a body that counts "un douanier et un gendarme tués": the
/// headline's people are the body's dead told by side, so its figure counts once. Only a
/// headline figure of people in general ("personnes", "individus") that the body's figures of
/// the same outcome, one side at least not civilian, add up to. The other way round too: a body
/// figure of people equal to a headline figure of one side.
fn without_headline_people<'a>(article: &Article, tolls: Vec<&'a Toll>) -> Vec<&'a Toll> {
    let Some(title) = article.title.as_ref() else {
        return tolls;
    };
    let in_title = |t: &Toll| t.span.start >= title.start && t.span.end <= title.end;
    let people = |t: &Toll| {
        t.category == Category::Civilians
            && matches!(
                fold_key(&article.text[t.span.start..t.noun_end.max(t.span.start)])
                    .rsplit(' ')
                    .next(),
                Some("personnes" | "individus")
            )
    };
    let restated = |t: &Toll| {
        let body = || {
            tolls
                .iter()
                .filter(|o| !in_title(o) && o.outcome == t.outcome)
        };
        body().any(|o| o.category != Category::Civilians)
            && body().map(|o| o.range.best).sum::<u32>() == t.range.best
    };
    // "Seize soldats tués" over "16 personnes ont été tuées": the body's people are the
    // headline's soldiers, told again without their side.
    let told_by_side_above = |t: &Toll| {
        !in_title(t)
            && people(t)
            && tolls.iter().any(|h| {
                in_title(h)
                    && h.outcome == t.outcome
                    && h.category != Category::Civilians
                    && h.category != Category::Unknown
                    && h.range.best == t.range.best
            })
    };
    tolls
        .iter()
        .filter(|t| !(told_by_side_above(t) || in_title(t) && people(t) && restated(t)))
        .copied()
        .collect()
}

/// "La mission signale une deuxième explosion": what follows each reporting verb near the
/// sentence's start, which may then tell the event as an opener would.
fn after_a_reporting_verb(opening: &str) -> impl Iterator<Item = &str> {
    ["signale", "rapporte", "annonce", "fait etat d", "evoque"]
        .into_iter()
        .flat_map(move |v| {
            opening
                .match_indices(v)
                // "signalée une …", "fait état d'une …": the verb's ending, then the phrase.
                .map(move |(i, _)| opening[i + v.len()..].trim_start_matches(['e', ' ']))
        })
}

/// "… publié vendredi, … l'attaque qui a visé ce même jour le poste de A": the day at `span`
/// is taken up by "ce même jour" later in its sentence `s`.
fn same_day_told_after(text: &str, s: &Range<usize>, span: &Range<usize>) -> bool {
    let end = text.floor_char_boundary((span.end + 200).min(s.end));
    text.get(span.end..end).is_some_and(|after| {
        let after = fold_key(after);
        ["ce meme jour", "le meme jour", "le jour meme"]
            .iter()
            .any(|p| after.contains(p))
    })
}

/// "à Diéma", "le village de Diéma", "d'Ansongo": a locative or "de" before a capitalised
/// name, whether or not the gazetteer knows it.
fn names_a_town(sentence: &str) -> bool {
    ["à ", "au ", "dans ", "de ", "d'", "d’"].iter().any(|p| {
        sentence.match_indices(p).any(|(i, _)| {
            (i == 0 || sentence[..i].ends_with([' ', '(', ',']))
                && sentence[i + p.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    })
}

/// "Le même document soutient que le lendemain, …", "L'armée précise que la veille, …": the
/// reported clause after a speaker's verb and "que", in the first words of a folded opening.
fn after_a_report_that(opening: &str) -> Option<&str> {
    const SAYS: [&str; 14] = [
        "soutient", "precise", "indique", "affirme", "ajoute", "explique", "souligne", "rapporte",
        "annonce", "informe", "declare", "signale", "assure", "rappelle",
    ];
    let (head, rest) = opening.split_once(" que ")?;
    (head.len() <= 60 && head.rsplit(' ').next().is_some_and(|w| SAYS.contains(&w))).then_some(rest)
}

/// "Le 17 mars, une attaque avait coûté la vie à 30 soldats": a sentence told in the
/// pluperfect, outside reported speech ("a confirmé que douze villageois avaient été tués"
/// restates in the tense of the report) and outside "il y avait".
fn recalls_in_pluperfect(sentence: &str) -> bool {
    let folded = fold_key(sentence);
    let words: Vec<&str> = folded.split(' ').collect();
    words
        .iter()
        .position(|w| matches!(*w, "avait" | "avaient"))
        .is_some_and(|i| !words[..i].iter().any(|w| matches!(*w, "que" | "qu" | "y")))
}

/// "Le groupe avait déjà tué 21 villageois à A", "cinq soldats y avaient déjà été tués": the
/// pluperfect with "déjà" tells an event before those the article is about, whatever their
/// tense (a body told in the pluperfect too).
fn already_in_pluperfect(sentence: &str) -> bool {
    (sentence.contains("déjà") || sentence.contains("deja") || sentence.contains("DÉJÀ"))
        && recalls_in_pluperfect(sentence)
        && {
            let folded = fold_key(sentence);
            ["avait deja ", "avaient deja "]
                .iter()
                .any(|p| folded.contains(p))
        }
}

/// "depuis le dimanche 22 mai" (folded): the named day an event began, not a period's start
/// ("depuis le 3 mars", "depuis mars").
fn began_on_a_named_day(said: &str) -> bool {
    said.strip_prefix("depuis le ")
        .or_else(|| said.strip_prefix("depuis ce "))
        .and_then(|day| day.split(' ').next())
        .is_some_and(|day| dates::weekday_from_folded(day).is_some())
}

/// "L'incident a eu lieu vers 10 heures à 25 km de A": a sentence whose verb says the facts
/// took place (`tells_when_verbs`), which then says where or when.
fn tells_how(opening: &str) -> bool {
    lexicon::segmentation_words()
        .tells_when_verbs
        .iter()
        .any(|v| opening.contains(v.as_str()))
}

/// The first `n` bytes (at most) of a sentence, on a char boundary.
/// The end, in `text`, of the first `len` bytes of sentence `s` once folded.
fn folded_prefix_end(text: &str, s: &Range<usize>, len: usize) -> usize {
    text[s.start..]
        .char_indices()
        .map(|(i, _)| s.start + i)
        .find(|&i| fold_key(&text[s.start..i]).len() >= len)
        .unwrap_or(s.end)
}

fn text_prefix<'a>(text: &'a str, s: &Range<usize>, n: usize) -> &'a str {
    let end = text.floor_char_boundary((s.start + n).min(s.end));
    &text[s.start..end]
}

/// "le départ de la force Barkhane": an actor right after a background cue, with no event cue
/// between, is part of the background, not of the incident.
fn in_background_clause(text: &str, cues: &[TextCue], at: usize) -> bool {
    cues.iter().any(|b| {
        b.cue == Cue::Event(EventCue::Background)
            && b.range.end <= at
            && at - b.range.end <= 60
            && !text[b.range.end..at].contains(['.', ';', '!', '?'])
            && !cues.iter().any(|e| {
                matches!(e.cue, Cue::Event(x) if x.is_event())
                    && e.range.start >= b.range.end
                    && e.range.end <= at
            })
    })
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    //! Rules tested on French sentences written for these tests (not from the seeds).

    use super::*;
    use crate::corpus::article_from_text;
    use crate::incident::EventType;

    fn incidents(text: &str) -> Vec<Incident> {
        extract(&article_from_text("test.txt", text.to_string()))
            .drafts
            .into_iter()
            .map(|d| d.incident)
            .collect()
    }

    /// The sides an incident counts dead on.
    fn killed_sides(i: &Incident) -> Vec<Category> {
        i.killed.as_ref().expect("a toll").keys().copied().collect()
    }

    fn one(text: &str) -> Incident {
        let v = incidents(text);
        assert_eq!(v.len(), 1, "{text}\n{v:#?}");
        v.into_iter().next().unwrap()
    }

    fn killed(i: &Incident, c: Category) -> Option<u32> {
        i.killed_in(c).map(|t| t.best)
    }

    const DATELINE: &str = "Ségou, 15 mars 2023 (AFP) – ";

    #[test]
    fn an_undated_incident_is_dated_from_the_recalled_event_it_follows() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        // No publication date: "hier" says nothing; the recall's day and the gap do.
        let v = incidents(
            "Quatre soldats ont été tués hier dans une embuscade près de Léré. Leur mort survient \
             six jours après celle de trois gendarmes, tués le 12 janvier 2019 à Diafarabé.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(
            (v[0].date, v[0].fatalities.map(|t| t.best)),
            (day(2019, 1, 18), Some(4))
        );
        assert_eq!(
            (v[1].date, v[1].fatalities.map(|t| t.best)),
            (day(2019, 1, 12), Some(3))
        );
        // An incident with its own day keeps it.
        let v = incidents(&format!(
            "{DATELINE}Quatre soldats ont été tués lundi près de Léré. Cette attaque intervient \
             deux jours après celle de Diafarabé, où trois gendarmes avaient été tués le 10 mars."
        ));
        assert_eq!(v[0].date, day(2023, 3, 13), "{v:#?}");
    }

    #[test]
    fn a_robbery_told_as_another_event_is_an_incident_of_its_own() {
        let v = incidents(&format!(
            "{DATELINE}Mardi, deux soldats ont été tués près de Goundam. Dans le même temps, des \
             voyageurs ont été dépouillés par des bandits armés près de Tonka."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        // A comment after "par ailleurs" tells no event.
        let v = incidents(&format!(
            "{DATELINE}Mardi, deux soldats ont été tués près de Goundam. Par ailleurs, la \
             situation reste tendue dans la région."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn a_tally_of_a_week_is_apart_from_the_days_attack() {
        for tally in [
            "Mardi toujours, l'état-major a, dans un communiqué, annoncé que 25 terroristes \
             avaient été neutralisés dans le centre entre le 8 et le 14 mars.",
            "L'armée a par ailleurs neutralisé 25 terroristes du 8 au 14 mars.",
        ] {
            let v = incidents(&format!(
                "{DATELINE}Mardi, des hommes armés ont attaqué le poste de douane de Kadiolo, \
                 tuant trois douaniers. {tally}"
            ));
            let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
            assert_eq!(tolls, [Some(3), Some(25)], "{tally}: {v:#?}");
            assert_eq!(
                v[0].date.map(|d| d.to_string()).as_deref(),
                Some("2023-03-14")
            );
            assert_eq!(
                v[1].date.map(|d| d.to_string()).as_deref(),
                Some("2023-03-08")
            );
        }
        // A span of two days is the attack's own ("entre lundi et mardi").
        let v = incidents(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le poste de douane de Kadiolo. \
             Entre le 13 et le 14 mars, trois douaniers y ont été tués."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn the_day_that_opens_a_report_is_when_it_was_made() {
        let text = "Lundi, la Dirpa a, dans un communiqué, indiqué que douze terroristes ont \
                    été tués le 9 mars près de Boni.";
        let article = article_from_text("test.txt", text.to_string());
        let s = article.sentences.last().expect("a sentence").clone();
        let at = |w: &str| {
            let i = article.text.find(w).expect("in the text");
            i..i + w.len()
        };
        assert!(opens_a_report(&article.text, &s, &at("Lundi")));
        assert!(!opens_a_report(&article.text, &s, &at("le 9 mars")));
        let v = incidents(&format!("{DATELINE}{text}"));
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-09")
        );
        // Alone, the day of the report still dates the facts.
        let v = incidents(&format!(
            "{DATELINE}Lundi, l'armée a annoncé que douze terroristes avaient été tués près de \
             Boni."
        ));
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-13")
        );
    }

    #[test]
    fn the_day_of_a_burial_dates_nothing() {
        let v = incidents(&format!(
            "{DATELINE}Des hommes armés ont attaqué mardi le village de Téné, tuant neuf \
             personnes. Les victimes ont été inhumées jeudi dans une fosse commune."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-14")
        );
        let v = incidents(&format!(
            "{DATELINE}Des hommes armés ont attaqué mardi le village de Téné, tuant neuf \
             personnes. Le vendredi 17 mars, les habitants ont procédé à l'enterrement des \
             victimes, au nombre de onze morts."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-14")
        );
        // The attack's day said beside the burial stays the attack's.
        let v = incidents(&format!(
            "{DATELINE}Les neuf victimes de l'attaque de mardi contre le village de Téné ont été \
             enterrées hier."
        ));
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-14")
        );
    }

    #[test]
    fn the_day_between_a_giving_verb_and_its_toll_is_the_reports() {
        let v = incidents(&format!(
            "{DATELINE}L'armée a livré mardi soir un premier bilan de l'embuscade tendue lundi à \
             une patrouille près de Boni : onze soldats tués."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-13")
        );
        // A video of its dead the day after tells no other incident.
        let v = incidents(&format!(
            "{DATELINE}L'armée a livré mardi soir un premier bilan de l'embuscade tendue lundi à \
             une patrouille près de Boni : onze soldats tués. Depuis mardi, une vidéo circule \
             avec les corps de plusieurs militaires tués."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn the_day_a_toll_was_given_after_the_incident_dates_nothing() {
        let text = "Des hommes armés ont attaqué le 9 mars le village de Kéra, près de Djenné, \
                    tuant huit personnes. Le 11 mars, le préfet du cercle avait annoncé un \
                    premier bilan de vingt morts après une mission à Téné.";
        let article = article_from_text("test.txt", text.to_string());
        let s = article.sentences.last().expect("a sentence").clone();
        let at = article.text.find("Le 11 mars").expect("in the text");
        assert!(opens_a_toll_report(&article.text, &s, &(at..at + 10)));
        let v = incidents(&format!("{DATELINE}{text}"));
        assert!(
            v.iter()
                .all(|i| i.date.map(|d| d.to_string()).as_deref() != Some("2023-03-11")),
            "{v:#?}"
        );
        // Told first, the day of the toll still dates the facts.
        let v = incidents(&format!(
            "{DATELINE}Le 11 mars, le préfet a annoncé un bilan de vingt morts à Téné."
        ));
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-11")
        );
        // A date that opens a clause of another kind is the facts'.
        let s =
            "Le 11 mars, des hommes armés ont attaqué Téné, selon un bilan annoncé par le préfet.";
        let article = article_from_text("test.txt", s.to_string());
        let r = article.sentences[0].clone();
        assert!(!opens_a_toll_report(&article.text, &r, &(0..10)));
        // "Mercredi, le bilan est passé à …": the day the toll grew, after the incident.
        let v = incidents(&format!(
            "{DATELINE}Des hommes armés ont attaqué lundi un poste de gendarmerie à Téné, tuant \
             deux gendarmes. Mercredi, le bilan s'est alourdi à quatre morts."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(4));
        let v = incidents(&format!(
            "{DATELINE}Des hommes armés ont attaqué lundi un poste de gendarmerie à Téné, tuant \
             deux gendarmes. Mardi, le bilan est passé de deux à trois morts."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(3));
    }

    #[test]
    fn an_anniversary_headline_moves_the_year_back() {
        let v = incidents(
            "Le massacre de Kéra, il y a trois ans\n date 2024-03\nLe 12 mars, des hommes armés \
             ont tué vingt villageois à Kéra.",
        );
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2021-03-12"),
            "{v:#?}"
        );
        // Without the years said, the header's year holds.
        let v = incidents(
            "Le massacre de Kéra\n date 2024-03\nLe 12 mars, des hommes armés ont tué vingt \
             villageois à Kéra.",
        );
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2024-03-12")
        );
    }

    #[test]
    fn under_a_months_header_another_weekday_than_the_named_days_is_another_day() {
        let v = incidents(
            " date 2024-12 Au moins douze personnes ont été tuées vendredi 20 décembre à \
             Bandiagara. Dimanche dernier, cinq villageois avaient été tués lors d'une attaque à \
             Ségué, près de Bandiagara.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2024-12-20")
        );
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(12));
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(5));
        // The weekday of the named day is that day.
        let v = incidents(
            " date 2024-12 Au moins douze personnes ont été tuées vendredi 20 décembre à \
             Bandiagara. Ce vendredi, les assaillants ont aussi incendié des greniers à Ségué, \
             près de Bandiagara.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(
            v[0].date.map(|d| d.to_string()).as_deref(),
            Some("2024-12-20")
        );
    }

    #[test]
    fn an_event_said_already_done_in_the_pluperfect_is_earlier_and_apart() {
        for recall in [
            "Au début du mois, le même groupe avait déjà tué onze villageois à Sangha.",
            "Six bergers avaient déjà été tués près de Sangha.",
        ] {
            let v = incidents(&format!(
                "{DATELINE}Lundi, des hommes armés ont tué quatre paysans dans leurs champs. \
                 Samedi, deux chasseurs avaient été abattus non loin de là. {recall}"
            ));
            let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
            assert_eq!(tolls.len(), 3, "{recall}: {v:#?}");
            assert_eq!(&tolls[..2], [Some(4), Some(2)], "{recall}: {v:#?}");
        }
        // Without "déjà", a pluperfect body goes on telling its incident.
        let v = incidents(&format!(
            "{DATELINE}Lundi, des hommes armés ont attaqué le village. Quatre paysans avaient \
             été tués dans leurs champs."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn the_hunt_for_the_attackers_is_an_operation_of_its_own() {
        let v = incidents(&format!(
            "{DATELINE}Mardi, des hommes armés ont tué neuf éleveurs dans un campement près de \
             Boni. Une milice a indiqué qu'un de ses hommes a été tué lors d'une opération \
             contre les auteurs de la tuerie, au cours de laquelle trois terroristes ont été \
             éliminés."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(9));
        assert_eq!(killed(&v[1], Category::Militants), Some(3));
    }

    #[test]
    fn the_armys_follow_up_of_an_attack_is_an_operation_of_its_own() {
        for follow_up in [
            "Des ratissages et des frappes aériennes ont suivi, dont le bilan fait état de 12 \
             terroristes neutralisés.",
            "L'aviation est intervenue : 12 assaillants ont été tués dans leur fuite.",
        ] {
            let v = incidents(&format!(
                "{DATELINE}Lundi, des hommes armés ont attaqué un poste de l'armée près de Sokolo, \
                 tuant trois soldats. {follow_up}"
            ));
            let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
            assert_eq!(tolls, [Some(3), Some(12)], "{follow_up}: {v:#?}");
            assert_eq!(v[1].date, v[0].date, "{follow_up}");
        }
        // Attackers killed while the attack was repelled are the clash's own dead.
        let i = one(&format!(
            "{DATELINE}Lundi, des hommes armés ont attaqué un poste de l'armée près de Sokolo, \
             tuant trois soldats. L'attaque a été repoussée et 12 assaillants ont été tués."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(15), "{i:#?}");
        // So are the bodies they left behind, found in the sweep.
        let i = one(&format!(
            "{DATELINE}Lundi, des hommes armés ont attaqué un poste de l'armée près de Sokolo, \
             tuant trois soldats. Un ratissage a suivi, avec un bilan de 12 corps de terroristes \
             abandonnés sur les lieux."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(12), "{i:#?}");
        assert_eq!(i.fatalities.map(|t| t.best), Some(15), "{i:#?}");
    }

    #[test]
    fn bodies_counted_are_of_the_side_named_after_them() {
        let i = one(&format!(
            "{DATELINE}Des jihadistes ont attaqué jeudi le camp de Diabaly. Sur des vidéos, on \
             distingue au moins quatre corps de militaires maliens dans le camp."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(4), "{i:#?}");
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont attaqué jeudi le village de Kéra. Les habitants ont \
             retrouvé six cadavres de civils près du puits."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(6), "{i:#?}");
    }

    #[test]
    fn an_event_of_the_eve_is_dated_the_day_before() {
        // Ségou, Wednesday 15 March 2023.
        let i = one(&format!(
            "{DATELINE}La ville de Boni a retrouvé le calme ce lundi 13 mars, après l'attaque la \
             veille de son poste de gendarmerie, qui a fait quatre morts."
        ));
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2023, 3, 12), "{i:#?}");
        // The day's own attack, then the eve's shooting at another camp: two days.
        let v = incidents(&format!(
            "{DATELINE}Lundi, des hommes armés ont tué deux bergers près de Boni. Le préfet a \
             rappelé les tirs de la veille sur le camp de Hombori, qui ont tué trois soldats."
        ));
        let dates: Vec<_> = v.iter().map(|i| i.date).collect();
        assert_eq!(
            dates,
            [
                NaiveDate::from_ymd_opt(2023, 3, 13),
                NaiveDate::from_ymd_opt(2023, 3, 12)
            ],
            "{v:#?}"
        );
    }

    #[test]
    fn enemies_the_army_killed_are_militants() {
        let i = one(&format!(
            "{DATELINE}Lundi, l'armée dit avoir tué une trentaine d'ennemis près de Léré."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(30), "{i:#?}");
    }

    #[test]
    fn since_a_named_day_dates_the_event_begun_that_day() {
        let i = one(&format!(
            "{DATELINE}Depuis le dimanche 12 mars, vers 16 heures, des assaillants s'attaquent \
             aux habitants de Kokry. Trois civils ont été tués."
        ));
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2023, 3, 12), "{i:#?}");
        // A period's start is no event's day.
        let i = one(&format!(
            "{DATELINE}Depuis le 2 mars, la ville est sous blocus. Lundi, trois civils ont été \
             tués près de Kokry."
        ));
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2023, 3, 13), "{i:#?}");
    }

    #[test]
    fn the_bodys_dated_lead_dates_the_headlines_incident() {
        let i = one(
            " date 2022-05 Braquage de la caisse d'épargne de Zégoua : deux vigiles tués\n\n\
             Les bandits sèment la terreur dans le cercle de Kadiolo depuis des mois. Ce mardi 10 \
             mai, vers 10 heures, ils ont investi le marché en s'attaquant à la caisse d'épargne \
             du village.",
        );
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2022, 5, 10), "{i:#?}");
        assert_eq!(i.fatalities.map(|t| t.best), Some(2));
        // A photo's caption under the headline is no lead.
        let i = one(" date 2022-05 Deux vigiles tués au marché de Zégoua\n\
             Des gendarmes à Kadiolo, le 2 février 2021.\n\n\
             Les bandits sèment la terreur dans le cercle depuis des mois, disent les habitants \
             de la commune, qui réclament des renforts.");
        assert_ne!(i.date, NaiveDate::from_ymd_opt(2021, 2, 2), "{i:#?}");
    }

    #[test]
    fn an_attack_told_with_a_reflexive_verb_is_an_event() {
        for text in [
            "Mardi, des bandits armés ont tué un commerçant en s'attaquant à la foire de Zégoua.",
            "Des hommes armés s'attaquent depuis lundi aux boutiques de Zégoua : un mort.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|t| t.best), Some(1), "{text}");
        }
        let i = one(&format!(
            "{DATELINE}Mardi, des bandits se sont attaqués à la caisse d'épargne de Zégoua."
        ));
        assert!(i.evidence.iter().any(|e| e.field == "event_type"), "{i:#?}");
    }

    #[test]
    fn a_bare_weekday_is_the_full_day_named_on_that_weekday() {
        let i = one(
            "Douze éleveurs ont été tués mardi soir par des hommes armés près de Léré. C'est ce \
             qu'indique un communiqué publié vendredi par le gouvernement. Selon ce texte, le \
             mardi 12 mars 2024, des assaillants ont ouvert le feu sur un campement.",
        );
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2024, 3, 12));
        assert_eq!(i.date_precision, DatePrecision::Day);
        let text = "Douze éleveurs ont été tués mardi soir près de Léré. Le mardi 12 mars 2024, \
                    des assaillants ont ouvert le feu sur un campement.";
        let dated = DatedText::read(&article_from_text("t", text.to_string()));
        let tuesday = dated.mentions.first().expect("the bare weekday");
        assert!(tuesday.span.start < text.find('.').unwrap());
        assert_eq!(Some(tuesday.start), NaiveDate::from_ymd_opt(2024, 3, 12));
        // Another weekday, or one counted back from another day, is not that day.
        for text in [
            "Douze éleveurs ont été tués lundi par des hommes armés près de Léré. Le mardi 12 \
             mars 2024, des assaillants ont ouvert le feu sur un campement de Niono.",
            "Douze éleveurs ont été tués mardi dernier par des hommes armés près de Léré. Le \
             mardi 12 mars 2024, des assaillants ont ouvert le feu sur un campement de Niono.",
        ] {
            let dated = DatedText::read(&article_from_text("t", text.to_string()));
            let first_sentence = text.find('.').unwrap();
            assert!(
                dated.mentions.iter().all(|m| m.span.start > first_sentence),
                "{text}: {:?}",
                dated.mentions
            );
        }
    }

    #[test]
    fn tolls_by_category() {
        let i = one(&format!(
            "{DATELINE}Onze villageois ont été tués mardi lors d'une attaque près de Dioura."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(11));
        let i = one(&format!(
            "{DATELINE}Au moins 14 militaires et une vingtaine de terroristes ont péri lundi dans des combats."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(14));
        assert_eq!(killed(&i, Category::Militants), Some(20));
        assert_eq!(i.event_type, EventType::Battles);
        // The pluperfect of "périr" in a recall.
        let i = one(&format!(
            "{DATELINE}Lundi, six policiers avaient péri dans une embuscade près de Dioura."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(6));
        let i = one(&format!(
            "{DATELINE}Trois casques bleus ont perdu la vie dimanche dans l'explosion d'un engin explosif."
        ));
        assert_eq!(killed(&i, Category::Peacekeepers), Some(3));
        assert_eq!(i.event_type, EventType::RemoteViolence);
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont tué samedi un gendarme et blessé quatre passants."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(1));
    }

    /// What the geocoder would say: `towns` (name, lat, lon) put in the sentence naming them.
    fn places_of(article: &Article, towns: &[(&str, f64, f64)]) -> Vec<Vec<(f64, f64)>> {
        let mut out = vec![Vec::new(); article.sentences.len()];
        for (name, lat, lon) in towns {
            let at = article.text.find(name).expect("town in text");
            let si = article.sentences.iter().position(|s| s.contains(&at));
            out[si.expect("in a sentence")].push((*lat, *lon));
        }
        out
    }

    #[test]
    fn same_day_tolls_in_distant_towns_are_two_incidents_when_places_are_known() {
        let text = format!(
            "{DATELINE}Neuf soldats ont été tués mardi dans une embuscade près de Boni. \
             Mardi, des hommes armés ont attaqué le marché de Diabaly, tuant quatre commerçants. \
             Le JNIM a revendiqué l'attaque."
        );
        let article = article_from_text("test.txt", text);
        // Without places: one date, one incident (the rule cannot tell).
        assert_eq!(extract(&article).drafts.len(), 1);
        // Boni (15.0 N, 1.9 W) and Diabaly (14.7 N, 6.0 W): some 440 km apart.
        let places = places_of(
            &article,
            &[("Boni", 15.02, -1.93), ("Diabaly", 14.69, -6.02)],
        );
        let first = extract(&article);
        assert!(places_may_split(&article, &first, &places));
        let drafts = extract_with_places(&article, &places).drafts;
        let again = resegment(&article, extract(&article), &places).drafts;
        assert_eq!(
            format!("{again:?}"),
            format!("{drafts:?}"),
            "resegment reads the same"
        );
        let killed: Vec<_> = drafts
            .iter()
            .map(|d| d.incident.fatalities.map(|t| t.best))
            .collect();
        assert_eq!(killed, [Some(9), Some(4)], "{drafts:#?}");
        let claim = article.sentences.len() - 1;
        assert_eq!(
            drafts[1].sentences.last(),
            Some(&claim),
            "the claim follows the second attack"
        );
        // Villages 20 km apart on the same day, each with its own dead: two incidents still
        // (see `split_co_reported`); 3 km apart, one village named twice.
        let near = places_of(
            &article,
            &[("Boni", 15.02, -1.93), ("Diabaly", 15.10, -1.80)],
        );
        assert!(places_may_split(&article, &first, &near));
        assert_eq!(extract_with_places(&article, &near).drafts.len(), 2);
        let same = places_of(
            &article,
            &[("Boni", 15.02, -1.93), ("Diabaly", 15.03, -1.91)],
        );
        assert!(!places_may_split(&article, &first, &same));
        assert_eq!(extract_with_places(&article, &same).drafts.len(), 1);
    }

    #[test]
    fn a_lead_without_a_town_still_joins_the_body() {
        // The lead names no town: the body's detailed toll is the same incident.
        let text = format!(
            "{DATELINE}Au moins trente civils ont été tués dimanche dans le centre du pays. \
             Dimanche, des hommes armés ont attaqué Ogossagou, tuant 31 villageois."
        );
        let article = article_from_text("test.txt", text);
        let places = places_of(&article, &[("Ogossagou", 14.33, -3.95)]);
        assert_eq!(extract_with_places(&article, &places).drafts.len(), 1);
    }

    #[test]
    fn figures_too_large_for_one_incident_are_not_tolls() {
        // Found by the extractor fuzz target: two 20-digit "tolls" in one incident
        // overflowed the total, which then no longer matched its categories.
        let v = incidents(&format!(
            "{DATELINE}Selon un message en ligne, 18446744073709551615 soldats et 99999999999 civils ont été tués jeudi à Niono."
        ));
        assert!(v.iter().all(|i| i.fatalities.is_none()), "{v:#?}");
        let i = one(&format!(
            "{DATELINE}Le conflit a fait plus de 150 000 morts depuis 2012. Sept civils ont été tués vendredi à Dioro."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(7));
        let i = one(&format!(
            "{DATELINE}Un bilan de 1 200 morts a été avancé après les combats de mercredi à Léré."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1200));
    }

    #[test]
    fn an_incident_that_reports_no_death_has_a_toll_of_zero() {
        // Said outright.
        let i = one(&format!(
            "{DATELINE}Des obus sont tombés mardi près du camp de Tessalit sans faire de victimes."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        let i = one(&format!(
            "{DATELINE}Le poste de douane de Kolondiéba a été incendié jeudi. Il n'y a pas eu de perte en vie humaine."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        // Nothing said of deaths: a kidnapping, a looting.
        let i = one(&format!(
            "{DATELINE}Trois commerçants ont été enlevés lundi par des hommes armés près de Léré."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        assert_eq!(i.captured.map(|t| t.best), Some(3));
        // Deaths denied: "ni pertes humaines", "sans faire de perte en vie humaine".
        for denial in [
            "L'explosion n'a fait ni perte en vie humaine ni dégâts matériels.",
            "L'engin a explosé sans faire de pertes en vies humaines.",
            "On ne déplore pas de pertes humaines.",
            "L'incident n'a occasionné aucune perte en vie humaine.",
        ] {
            let i = one(&format!(
                "{DATELINE}Mardi, un engin explosif a sauté au passage d'un camion près de \
                 Bourem. {denial}"
            ));
            assert_eq!(i.fatalities.map(|t| t.best), Some(0), "{denial}");
        }
        // "Les victimes" of a kidnapping are its captives.
        let i = one(&format!(
            "{DATELINE}Une trentaine de voyageurs ont été enlevés par des hommes armés près \
             de Boni. Les victimes auraient été enlevées mardi."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        // "Une mine a sauté" tells a blast.
        let i = one(&format!(
            "{DATELINE}Une mine a sauté mardi sur la route de Kidal, sans faire de victimes."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        // Shells that "se sont abattus" fell; they killed nobody.
        let i = one(&format!(
            "{DATELINE}Mardi, une dizaine d'obus se sont abattus sur le camp de Tessalit, \
             blessant trois soldats."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        let i = one(&format!(
            "{DATELINE}Mardi, douze tirs de roquettes se sont abattus sur le camp de Tessalit."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        // Only wounded: "le bilan" counts them, and nobody died.
        let i = one(&format!(
            "{DATELINE}Des bandits ont attaqué mardi un car près de Diéma. Le bilan fait état \
             de deux blessés."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        assert_eq!(i.wounded.map(|t| t.best), Some(2));
        // A robbery: "dépouillés" (robbed) are no "dépouilles" (corpses).
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont braqué mardi un bus près de Fana. Les trois \
             passagers ont été dépouillés de leurs biens."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        let i = one(&format!(
            "{DATELINE}Mardi, les dépouilles de trois bergers ont été retrouvées près de Fana."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
        // Deaths reported without a figure stay unknown.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le poste de Sama. L'attaque a \
             occasionné des pertes en vies humaines."
        ));
        assert_eq!(i.fatalities, None);
        let i = one(&format!(
            "{DATELINE}Une attaque meurtrière a visé mercredi le marché de Dioura."
        ));
        assert_eq!(i.fatalities, None);
        for heavy in [
            "L'attaque a causé d'importants dégâts matériels et humains.",
            "Le bilan, encore provisoire, est déjà lourd.",
        ] {
            let i = one(&format!(
                "{DATELINE}Mardi, des hommes armés ont attaqué le poste de Sama. {heavy}"
            ));
            assert_eq!(i.fatalities, None, "{heavy}");
        }
        let i = one(&format!(
            "{DATELINE}Mardi, un obus est tombé sur le camp de Sama. Il n'a pas fait de dégâts \
             humains."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        let i = one(&format!(
            "{DATELINE}Des combats ont opposé vendredi l'armée aux rebelles à Anéfis. Aucun bilan n'était disponible samedi."
        ));
        assert_eq!(i.fatalities, None);
    }

    #[test]
    fn a_toll_of_one_said_with_a_noun() {
        let i = one(&format!(
            "{DATELINE}Un car a été attaqué lundi près de Douentza. Le bilan est d'un mort et d'un blessé."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        // A small figure restated later joins the incident it follows, not an earlier one.
        let v = incidents(&format!(
            "{DATELINE}Le 3 mars, un soldat a été tué près de Niono. \
             Le 9 mars, des hommes armés ont attaqué le poste de Sokolo. Un gendarme a été tué."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(1));
        // "Une dizaine de morts" does not restate an earlier "10 morts".
        let v = incidents(&format!(
            "{DATELINE}Le 10 mars, l'attaque du camp de Bourem a fait 10 morts. \
             Le 8 mars, le camp de Gao avait été visé par un kamikaze. \
             Cette attaque a causé une dizaine de morts."
        ));
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(10), Some(10)], "{v:#?}");
    }

    #[test]
    fn a_text_that_names_its_own_day_resolves_weekdays_against_it() {
        let v = incidents(
            "Très tôt ce matin, jeudi 9 mars 2023, des hommes armés ont attaqué le poste de Sokolo, \
             tuant deux gendarmes. Lundi dernier, trois bergers avaient été tués près de Nampala.",
        );
        let dates: Vec<String> = v.iter().map(|i| i.date.unwrap().to_string()).collect();
        assert_eq!(dates, ["2023-03-09", "2023-03-06"], "{v:#?}");
        // "Ce jeudi 9 mars 2023" names it too.
        let v = incidents(
            "Ce jeudi 9 mars 2023, des hommes armés ont attaqué le poste de Sokolo. \
             Mardi, une autre attaque a visé le marché de Nampala.",
        );
        let dates: Vec<String> = v.iter().map(|i| i.date.unwrap().to_string()).collect();
        assert_eq!(dates, ["2023-03-09", "2023-03-07"], "{v:#?}");
        // Without such a day, a bare weekday stays unresolved.
        let v = incidents(
            "Le 9 mars 2023, des hommes armés ont attaqué le poste de Sokolo. \
             Lundi dernier, trois bergers avaient été tués près de Nampala.",
        );
        assert!(
            v.iter()
                .all(|i| i.date.is_none_or(|d| d.to_string() != "2023-03-06"))
        );
    }

    #[test]
    fn a_recalled_attack_with_its_month_is_an_incident_of_its_own() {
        let v = incidents(&format!(
            "{DATELINE}Six civils ont été tués lundi à Dioura. \
             En juin 2021, une attaque contre le même village avait fait 14 morts. \
             Depuis 2012, le conflit a fait des milliers de morts."
        ));
        let summary: Vec<(String, Option<u32>)> = v
            .iter()
            .map(|i| (i.date.unwrap().to_string(), i.fatalities.map(|t| t.best)))
            .collect();
        assert_eq!(
            summary,
            [
                ("2023-03-13".to_string(), Some(6)),
                ("2021-06-01".to_string(), Some(14))
            ],
            "{v:#?}"
        );
    }

    #[test]
    fn several_without_a_figure_widens_only_the_high_end() {
        let i = one(&format!(
            "{DATELINE}Une dizaine de militaires ont été tués lundi à Dinangourou et plusieurs terroristes neutralisés."
        ));
        let t = i.fatalities.unwrap();
        assert_eq!((t.low, t.best), (8, 10), "{t:?}");
        assert!(t.high > 12, "{t:?}");
        // Alone, "plusieurs" is the only figure there is.
        let i = one(&format!(
            "{DATELINE}Plusieurs civils ont été tués lundi à Dinangourou."
        ));
        assert!(i.fatalities.unwrap().best >= 2);
    }

    #[test]
    fn the_category_may_be_said_before_the_figure() {
        let i = one(&format!(
            "{DATELINE}Un soldat a été tué lundi à Nioro. Du côté des assaillants, 12 corps ont été retrouvés."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(12), "{i:#?}");
        assert_eq!(i.fatalities.map(|t| t.best), Some(13));
        // Taken to hospital: wounded, not killed.
        let i = one(&format!(
            "{DATELINE}Un obus est tombé lundi sur le marché de Gao: une fillette tuée et trois civils évacués à l'hôpital."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1), "{i:#?}");
        assert_eq!(i.wounded.map(|t| t.best), Some(3));
    }

    #[test]
    fn an_age_is_not_a_toll() {
        let i = one(&format!(
            "{DATELINE}Un jeune de 25 ans a été tué lundi par des hommes armés près de Kati."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1), "{i:#?}");
        let i = one(&format!(
            "{DATELINE}Une enfant a été tuée lundi par une balle perdue à Kati."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
    }

    #[test]
    fn a_day_without_its_year_is_not_a_toll() {
        // No publication date, no year: "30 septembre" cannot be dated, yet it is no count.
        let v =
            incidents("Dimanche 30 septembre, des hommes armés ont tué 22 villageois à Inékar.");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(22), "{v:#?}");
    }

    #[test]
    fn days_without_a_year_still_tell_incidents_apart() {
        let v = incidents(
            "Le camp de Tessalit a été attaqué le 12 février par des hommes armés; deux soldats \
             ont été tués. Le 5 février, un commerçant avait été tué lors d'une embuscade près \
             de Bourem.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert!(v.iter().all(|i| i.date.is_none()));
        assert!(
            v[1].warnings.iter().any(|w| w.contains("5 février")),
            "{:?}",
            v[1].warnings
        );
        // Bare weekdays, with nothing to count from, are still two days.
        let w = incidents(
            "Samedi, 14 soldats ont été tués lors de l'attaque du camp de Soumpi. \
             Jeudi, 26 civils ont péri dans l'explosion d'une mine près de Boni.",
        );
        assert_eq!(w.len(), 2, "{w:#?}");
        assert!(w.iter().all(|i| i.date.is_none()));
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(2));
        // "Le lendemain" of such a day has no year either.
        let v = incidents(
            "Le 12 février, deux soldats ont été tués à Tessalit. \
             Le lendemain, trois civils ont été tués près de Bourem.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert!(v.iter().all(|i| i.date.is_none()), "{v:#?}");
    }

    #[test]
    fn wounded_captured_and_missing_are_separate() {
        let i = one(&format!(
            "{DATELINE}Deux soldats ont été tués et sept autres blessés mercredi; une dizaine de civils ont été enlevés."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(2));
        assert_eq!(i.wounded.map(|t| t.best), Some(7));
        assert_eq!(i.captured.map(|t| t.best), Some(10));
        // Taken alive by the forces, in a list after the dead.
        let i = one(&format!(
            "{DATELINE}Trois bergers tués, leurs troupeaux emportés, deux assaillants \
             appréhendés près de Téné mardi."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
        assert_eq!(i.captured.map(|t| t.best), Some(2), "{i:#?}");
        // The verb the victims are the subject of, not the noun of the dead before them.
        let i = one(&format!(
            "{DATELINE}Dix soldats ont été tués mardi à Boni. Outre le nombre de morts, 12 \
             personnes sont aussi portées disparues."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(10), "{i:#?}");
        assert_eq!(i.missing.map(|t| t.best), Some(12), "{i:#?}");
        // Arrested, then killed: the last participle of the list says how it ended.
        let i = one(&format!(
            "{DATELINE}Selon des témoins, les cinq hommes arrêtés, exécutés puis brûlés mardi \
             près de Téné étaient des éleveurs."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(5), "{i:#?}");
    }

    #[test]
    fn the_attack_on_an_indefinite_target_is_another_event() {
        let v = incidents(
            "« Trois de nos hommes sont morts aujourd'hui entre Niono et Diabaly dans une \
             embuscade », a déclaré un officier. Le 5 février, un gendarme a été tué dans \
             l'attaque contre un poste de Niono.",
        );
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(3), Some(1)], "{v:#?}");
        // "l'attaque" alone is the one told.
        let v = incidents(
            "« Trois de nos hommes sont morts aujourd'hui à Niono dans une embuscade », a \
             déclaré un officier. Un gendarme a aussi été tué dans l'attaque.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn an_exact_figure_within_a_round_numbers_reach_says_how_many() {
        let v = incidents(
            "Une vingtaine de civils tués près de Bankass\nSamedi, des hommes armés ont tiré sur \
             des villageois près de Bankass. Le bilan est de 19 morts, selon un élu local.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(19), "{v:#?}");
        // Said of the same side, an exact figure is no refinement of the round one: both are
        // reports, and the exact one counts as said.
        let v = incidents(
            "Une vingtaine de civils tués près de Bankass\nSamedi, des hommes armés ont tiré sur \
             des villageois près de Bankass. Dix-neuf civils sont morts, selon un élu local.",
        );
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(19), "{v:#?}");
    }

    #[test]
    fn the_dead_of_the_event_a_new_one_came_after_are_not_its_own() {
        let v = incidents(
            "Après le massacre d'au moins 30 civils, une nouvelle incursion armée près de \
             Bankass : trois bergers exécutés\nTrois bergers ont été tués mardi près de Bankass par des hommes \
             armés.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(3), "{v:#?}");
        // Without a new event after it, the dead are the incident's own.
        let i = one(&format!(
            "{DATELINE}Après la mort de trois soldats dans une embuscade mardi près de Boni, \
             l'armée a renforcé ses positions."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
    }

    #[test]
    fn the_missing_a_later_sentence_tells_found_dead_are_dead() {
        for found in [
            "Les corps des gendarmes portés disparus ont été retrouvés jeudi près du fleuve.",
            "Leurs corps ont été repêchés par des pêcheurs deux jours plus tard.",
            "Les disparus ont été retrouvés morts dans un puits.",
        ] {
            let i = one(&format!(
                "{DATELINE}Lundi, une patrouille a été attaquée près de Macina. Trois gendarmes \
                 ont été portés disparus. {found}"
            ));
            assert_eq!(killed(&i, Category::Soldiers), Some(3), "{found}");
            assert_eq!(i.missing, None, "{found}");
        }
        // Abducted, then found dead.
        let i = one(&format!(
            "{DATELINE}Lundi, quatre bergers ont été enlevés près de Macina. Leurs corps ont \
             été retrouvés le lendemain au bord d'une mare."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(4), "{i:#?}");
        assert_eq!(i.captured, None);
        for not_found in [
            "Les disparus ont été retrouvés vivants dans la brousse.",
            "Des recherches sont en cours pour retrouver les disparus.",
            "Le corps d'un berger a été retrouvé dans un puits.",
        ] {
            let i = one(&format!(
                "{DATELINE}Lundi, une patrouille a été attaquée près de Macina. Trois gendarmes \
                 ont été portés disparus. {not_found}"
            ));
            assert_eq!(i.missing.map(|t| t.best), Some(3), "{not_found}");
        }
    }

    #[test]
    fn members_of_a_militia_or_of_a_family() {
        // Members of a militia are of an armed group, members of a family civilians.
        let i = one(&format!(
            "{DATELINE}Lundi, six membres d'une milice d'autodéfense et deux membres d'une même \
             famille ont été tués près de Koro."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(6), "{i:#?}");
        assert_eq!(killed(&i, Category::Civilians), Some(2), "{i:#?}");
    }

    #[test]
    fn a_count_over_a_whole_year_is_no_toll() {
        let i = one(&format!(
            "{DATELINE}Lundi, un car a sauté sur une mine près de Ménaka, tuant deux civils. \
             Durant l'année 2021, plus de 60 civils avaient été tués par ces engins, selon \
             l'ONU."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(2), "{i:#?}");
        let i = one(&format!(
            "{DATELINE}Lundi, un car a sauté sur une mine près de Ménaka, tuant deux civils. \
             Ils étaient une trentaine à avoir été tués de la sorte pendant 2022."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(2), "{i:#?}");
    }

    #[test]
    fn a_noun_in_quotes_and_a_people_named_by_its_community_are_victims() {
        let i = one(&format!(
            "{DATELINE}Lundi, l'ONU a annoncé la mort de deux Casques bleus et d'un « civil » \
             lors d'une attaque au mortier contre son camp de Tessalit."
        ));
        assert_eq!(killed(&i, Category::Peacekeepers), Some(2), "{i:#?}");
        assert_eq!(killed(&i, Category::Civilians), Some(1), "{i:#?}");
        let i = one(&format!(
            "{DATELINE}Lundi, trois Peuls et quatre Bellahs ont été tués près de Ténenkou."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(7), "{i:#?}");
    }

    #[test]
    fn a_death_told_by_a_noun_of_one_person_is_one_dead() {
        for text in [
            "Samedi, après l'assassinat du chef des chasseurs de Kérou par des hommes armés, \
             des miliciens ont incendié un hameau.",
            "La mort du maire de Kérou, samedi, a choqué toute la commune.",
            "Samedi, les rebelles ont récidivé à Kérou en tuant cette fois-ci le chef de village.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|t| t.best), Some(1), "{text}\n{i:#?}");
        }
        // A thing of that person is no death.
        let v = incidents(&format!(
            "{DATELINE}Samedi, des hommes armés ont incendié la maison du chef des chasseurs \
             de Kérou."
        ));
        assert!(
            v.iter().all(|i| i.fatalities.is_none_or(|t| t.best == 0)),
            "{v:#?}"
        );
    }

    #[test]
    fn a_definite_figure_restating_the_dead_corrects_their_side_and_adds_none() {
        let i = one(&format!(
            "{DATELINE}Lundi, une explosion a tué trois militaires près de Boni, selon \
             l'armée. La gendarmerie a affirmé plus tard que les trois personnes tuées \
             étaient des civils."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
        assert_eq!(killed(&i, Category::Civilians), Some(3), "{i:#?}");
        // Other dead of another side, said with no definite article, still add up.
        let i = one(&format!(
            "{DATELINE}Lundi, une attaque a tué trois militaires près de Boni. Trois \
             personnes civiles ont aussi été tuées."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(6), "{i:#?}");
    }

    #[test]
    fn the_men_a_side_lost_are_of_that_side() {
        let i = one(&format!(
            "{DATELINE}Mardi, un kamikaze s'est fait exploser au passage d'un convoi de \
             l'armée près de Bourem, lequel a perdu trois hommes."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(3), "{i:#?}");
        assert_eq!(killed(&i, Category::Civilians), None);
        let i = one(&format!(
            "{DATELINE}Selon l'armée, les terroristes ont perdu au moins douze hommes mardi \
             dans les combats près de Bourem."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(12), "{i:#?}");
        // Men killed, no side losing them: civilians as before.
        let i = one(&format!(
            "{DATELINE}Mardi, des assaillants ont tué trois hommes près de Bourem."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(3), "{i:#?}");
    }

    #[test]
    fn a_deployment_dated_in_an_apposition_dates_no_incident() {
        let v = incidents(&format!(
            "{DATELINE}Lundi, un kamikaze a tué deux soldats près de Bourem. L'attentat a eu \
             lieu dans le village de Tahabanat, ancien fief des rebelles avant l'arrivée des \
             forces françaises, en janvier 2013."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].date, NaiveDate::from_ymd_opt(2023, 3, 13));
    }

    #[test]
    fn numbers_that_are_not_tolls() {
        // A year, a distance, a time, a vehicle count, a detention.
        let v = incidents(&format!(
            "{DATELINE}En 2022, l'attaque a eu lieu à 10 km de Niono vers 18 h 30; 3 véhicules ont brûlé."
        ));
        assert!(v.iter().all(|i| i.fatalities.is_none()), "{v:#?}");
        let v = incidents(&format!(
            "{DATELINE}Les 49 soldats ivoiriens détenus depuis juillet ont été inculpés."
        ));
        assert!(v.iter().all(|i| i.fatalities.is_none()));
        let v = incidents("Le ministre de la Défense a qualifié le projet de tué dans l'œuf.");
        assert!(v.iter().all(|i| i.fatalities.is_none()));
    }

    #[test]
    fn a_toll_repeated_in_lead_and_body_counts_once() {
        let i = one(&format!(
            "{DATELINE}Vingt-six civils tués à Ogossagou. \
             Dans la nuit de lundi à mardi, 26 civils ont été tués par des hommes armés à Ogossagou, \
             selon un élu local. Ces 26 civils tués s'ajoutent à une longue liste."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(26));
        assert_eq!(i.fatalities.map(|f| f.high), Some(26));
    }

    #[test]
    fn conflicting_tolls_become_a_range() {
        let i = one(&format!(
            "{DATELINE}Selon l'armée, 12 soldats ont été tués lundi à Boulkessi. \
             Une source locale évoque plutôt 20 soldats tués."
        ));
        let t = i.killed_in(Category::Soldiers).unwrap();
        // The official figure is best; the local one widens the range.
        assert_eq!((t.low, t.best, t.high), (12, 12, 20));
        // Without an official figure, the largest exact one.
        let i = one(&format!(
            "{DATELINE}Selon des témoins, 8 villageois ont été tués lundi à Dioura. \
             Un élu local parle de 11 villageois tués."
        ));
        let t = i.killed_in(Category::Civilians).unwrap();
        assert_eq!((t.low, t.best, t.high), (8, 11, 11));
    }

    #[test]
    fn the_conflicts_dead_are_not_an_incidents_toll() {
        let i = one(&format!(
            "{DATELINE}Quatre soldats ont été tués lundi près de Ménaka. \
             Le conflit a fait des milliers de morts et des centaines de milliers de déplacés."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(4));
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont attaqué mardi le village de Tinabaw. \
             « On compte déjà plusieurs centaines de victimes dans la zone », dit un notable."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0), "{i:#?}");
        // "une centaine" is one rough figure of the event told.
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont attaqué mardi le village de Tinabaw. Une centaine \
             de personnes ont été tuées, selon un notable."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(100), "{i:#?}");
    }

    #[test]
    fn the_dead_of_a_year_are_a_statistic() {
        let found = incidents(&format!(
            "{DATELINE}Deux gendarmes ont été tués lundi par une mine près de Sébékoro. \
             Un bilan des Nations unies arrêté au 30 juin recense 310 incidents. Les engins \
             explosifs ont fait 88 morts en 2021 et 41 en 2022 au 30 juin, selon ce bilan. \
             Les trois quarts des victimes sont des militaires."
        ));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].fatalities.map(|t| t.best), Some(2), "{found:#?}");
    }

    #[test]
    fn toll_sources_are_recorded() {
        let i = one(&format!(
            "{DATELINE}Selon l'armée, 9 terroristes ont été neutralisés lundi près de Sofara."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(9));
        assert_eq!(i.toll_sources, vec!["official".to_string()]);
    }

    #[test]
    fn each_figure_is_its_own_speakers() {
        // The rebels' claim and the army's figures in one sentence: the army's count of the
        // rebels it killed is no claim, and a later army statement about its own dead does
        // not zero it.
        let i = one(&format!(
            "{DATELINE}Les rebelles ont déclaré avoir tué des dizaines de soldats lors des \
             combats de jeudi à Anéfis, après que l'armée a déclaré avoir perdu trois soldats mais \
             tué une trentaine de rebelles. L'armée a ensuite indiqué dans un communiqué que trois \
             soldats avaient été tués et six blessés."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(30));
        assert_eq!(killed(&i, Category::Soldiers), Some(3));
        // A speaker named after the figure, or not as the subject of a reporting verb, does
        // not take it from the sentence's first one.
        let i = one(&format!(
            "{DATELINE}Selon une source militaire, le bilan est de 12 morts, dont des éléments de \
             l'armée de terre, contre 9 morts dans un premier bilan, lundi à Boni."
        ));
        assert_eq!(i.toll_sources, vec!["military sources".to_string()]);
    }

    #[test]
    fn actors_with_aliases_affiliation_and_perpetrator() {
        let i = one(&format!(
            "{DATELINE}L'attaque de lundi, qui a tué 5 civils, a été revendiquée par l'État islamique au Sahel."
        ));
        assert_eq!(i.actors, vec!["EIGS".to_string()]);
        assert_eq!(i.perpetrator.as_deref(), Some("EIGS"));
        let i = one(&format!(
            "{DATELINE}Lundi, des combattants de la Katiba Macina, affiliée au GSIM, ont tué 4 bergers."
        ));
        assert_eq!(i.actors[0], "Katiba Macina");
        assert!(i.actors.contains(&"JNIM".to_string()));
        let i = one(&format!(
            "{DATELINE}Des mercenaires de Wagner et les FAMa ont affronté lundi des jihadistes; 6 soldats ont péri."
        ));
        assert!(i.actors.contains(&"Wagner".to_string()) && i.actors.contains(&"FAMa".to_string()));
    }

    #[test]
    fn two_dates_two_incidents() {
        let v = incidents(&format!(
            "{DATELINE}Huit civils ont été tués lundi 13 mars près de Macina. \
             Le 2 mars, une embuscade avait coûté la vie à six soldats près de Dioura."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].date.unwrap().to_string(), "2023-03-13");
        assert_eq!(v[1].date.unwrap().to_string(), "2023-03-02");
    }

    #[test]
    fn a_dated_scene_dates_the_facts_of_the_next_sentence() {
        let v = incidents(&format!(
            "{DATELINE}Des coupeurs de route sèment la peur autour de Kita. \
             Le jeudi 9 mars vers 22 heures, des bandits sont arrivés au hameau de Sirakoro. \
             Un commerçant a été tué par balle. \
             Le samedi 4 mars, trois bergers avaient été tués près de Sébékoro."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].date.unwrap().to_string(), "2023-03-09");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(1));
        assert_eq!(v[1].date.unwrap().to_string(), "2023-03-04");
        // Only the very next sentence: a dated aside two sentences earlier dates nothing.
        let v = incidents(&format!(
            "{DATELINE}Le 9 mars, le gouverneur a visité le marché de Sirakoro. \
             Les commerçants se plaignent des routes. \
             Un commerçant a été tué par balle près de Sébékoro."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_ne!(v[0].date.unwrap().to_string(), "2023-03-09");
    }

    #[test]
    fn a_sentence_saying_when_the_facts_happened_dates_them() {
        let i = one(&format!(
            "{DATELINE}Des individus armés ont attaqué deux hameaux près de Sébékoro. \
             Les faits se sont déroulés le mardi 7 mars, peu avant l'aube."
        ));
        assert_eq!(i.date.unwrap().to_string(), "2023-03-07");
        let i = one(&format!(
            "{DATELINE}Une attaque a visé le poste de douane de Sébékoro. \
             C'était le 11 mars vers minuit, selon des témoins."
        ));
        assert_eq!(i.date.unwrap().to_string(), "2023-03-11");
        // Any dated sentence is not about the facts: a visit is not the attack's day.
        let i = one(&format!(
            "{DATELINE}Une attaque a visé le poste de douane de Sébékoro. \
             Le 11 mars, le gouverneur a reçu les notables."
        ));
        assert_ne!(i.date.map(|d| d.to_string()), Some("2023-03-11".into()));
    }

    #[test]
    fn facts_told_in_the_present_tense() {
        let i = one(&format!(
            "{DATELINE}Vers 5 heures, une trentaine d'hommes armés font irruption à Sirakoro. \
             Ils tirent sur les passants et tuent 11 personnes dont deux enfants."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(11));
        let i = one(&format!(
            "{DATELINE}Des assaillants attaquent le poste de Sébékoro dimanche. \
             Quatre gendarmes trouvent la mort."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(4));
    }

    #[test]
    fn coordinated_figures_of_one_category_add_up() {
        let toll = |text: &str| one(&format!("{DATELINE}{text}")).fatalities.map(|t| t.best);
        assert_eq!(
            toll(
                "Une attaque a visé un campement près de Sébékoro. Trois femmes et deux nourrissons ont été tués."
            ),
            Some(5)
        );
        assert_eq!(
            toll(
                "Des camions ont été attaqués près de Sébékoro. Deux chauffeurs et un apprenti ont été tués."
            ),
            Some(3)
        );
        assert_eq!(
            toll(
                "Une attaque a visé Sébékoro. Deux femmes, trois enfants et un vieillard ont péri."
            ),
            Some(6)
        );
        // Truck drivers are civilians, wherever they came from.
        let i = one(&format!(
            "{DATELINE}Lundi, deux camionneurs en provenance de Kayes ont été tués à Didiéni."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(2), "{i:#?}");
        // A list of several categories adds up each category's figures.
        let i = one(&format!(
            "{DATELINE}Une attaque a visé Sébékoro. Deux gendarmes, trois civils et deux \
             policiers ont été tués."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(4), "{i:#?}");
        assert_eq!(i.fatalities.map(|t| t.best), Some(7));
        // A singular noun may head the list.
        let i = one(&format!(
            "{DATELINE}Une attaque a visé Sébékoro. Un soldat, deux gendarmes et trois civils \
             ont été tués."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(3), "{i:#?}");
        assert_eq!(i.fatalities.map(|t| t.best), Some(6));
        // A restated figure is a conflicting report, not more dead.
        let i = one(&format!(
            "{DATELINE}Une attaque a visé Sébékoro. Au moins 20 civils, 25 selon les habitants, ont été tués."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(25));
        assert_eq!(i.fatalities.map(|t| t.low), Some(20));
    }

    #[test]
    fn a_figure_the_text_calls_unconfirmed_only_widens_the_range() {
        let i = one(&format!(
            "{DATELINE}Une attaque a visé le camp de Sébékoro. Douze soldats ont été tués. \
             Trois assaillants auraient aussi été tués, mais cela reste à confirmer."
        ));
        let t = i.fatalities.unwrap();
        assert_eq!((t.low, t.best, t.high), (12, 12, 15));
        // A rumour beside the figure said.
        let i = one(&format!(
            "{DATELINE}Lundi, une attaque a visé le camp de Sébékoro. Au moins quatre soldats \
             ont été tués. Certains parlent même de six morts."
        ));
        let t = i.fatalities.unwrap();
        assert_eq!((t.low, t.best), (4, 4));
        // Said without a doubt, the same figure counts.
        let i = one(&format!(
            "{DATELINE}Une attaque a visé le camp de Sébékoro. Douze soldats et trois assaillants ont été tués."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(15));
    }

    #[test]
    fn sources_and_their_towns_are_not_victims_nor_places() {
        let i = one(&format!(
            "{DATELINE}Une attaque a visé le poste de Sébékoro lundi. \
             Deux sources sécuritaires jointes à Kita faisaient état de sept morts dans les rangs de l'armée. \
             Les assaillants ont fui vers la forêt."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(7));
        assert_eq!(killed(&i, Category::Soldiers), Some(7));
        // The army among the dead is not the army speaking: the official figure stays best.
        let i = one(&format!(
            "{DATELINE}Douze soldats ont été tués lundi à Sébékoro, selon le gouvernement. \
             Plus tôt, on avait parlé de neuf morts dans les rangs de l'armée."
        ));
        let t = i.fatalities.unwrap();
        assert_eq!((t.low, t.best, t.high), (9, 12, 12));
    }

    #[test]
    fn the_participle_after_the_victims_says_what_happened_to_them() {
        let i = one(&format!(
            "{DATELINE}Un obus est tombé sur le marché de Sébékoro samedi. Une fillette a été tuée, \
             selon un élu. L'armée donne un bilan de trois civils évacués à l'hôpital."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        assert_eq!(i.wounded.map(|t| t.best), Some(3));
    }

    #[test]
    fn dead_in_their_own_ranks_belong_to_the_subject() {
        let i = one(&format!(
            "{DATELINE}Des casques bleus tchadiens sont tombés dans une embuscade près de Sébékoro \
             lundi, faisant quatre morts et trois blessés dans leurs rangs."
        ));
        assert_eq!(killed(&i, Category::Peacekeepers), Some(4));
        let i = one(&format!(
            "{DATELINE}Le poste de Sébékoro a été attaqué lundi. Nous déplorons deux morts dans nos rangs."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(2));
    }

    #[test]
    fn a_larger_figure_of_the_dead_said_apart_is_another_report() {
        let range = |text: &str| {
            let t = one(&format!("{DATELINE}{text}")).fatalities.unwrap();
            (t.low, t.best, t.high)
        };
        // Witnesses' range beside a firm figure: the range widens the high end only.
        assert_eq!(
            range(
                "Une frappe a visé une fête à Sébékoro dimanche. Au moins vingt civils ont été tués. \
                 Selon des témoins, il y aurait de 100 à 200 morts."
            ),
            (20, 20, 200)
        );
        // A plain figure beats a vague one ("une dizaine").
        assert_eq!(
            range(
                "Une attaque a visé une école coranique à Sébékoro. Une dizaine d'enfants ont péri. \
                 Le bilan est de quatorze morts."
            )
            .1,
            14
        );
        // An official total beats an unofficial partial count.
        assert_eq!(
            range(
                "Une attaque a visé le camp de Sébékoro. Douze soldats ont été tués, selon un élu. \
                 Le bilan est de quarante morts, selon l'armée."
            )
            .1,
            40
        );
        // "dont" in the same sentence: the categorised dead are part of the total.
        assert_eq!(
            range("Une attaque a fait 30 morts à Sébékoro, dont 12 soldats.").1,
            30
        );
    }

    #[test]
    fn a_source_is_not_a_victim() {
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont attaqué Sébékoro, tuant une quinzaine de villageois, selon un conseiller communal."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(15));
        // Asides may stand between the speech verb and its subject.
        for said in [
            "a déclaré pour sa part à l'AFP un notable",
            "a confié de son côté à RFI un habitant",
            "a indiqué également un enseignant",
        ] {
            let i = one(&format!(
                "{DATELINE}Dimanche, des jihadistes ont attaqué le camp de Sébékoro. « Le bilan \
                 est d'au moins 15 soldats tués », {said}."
            ));
            assert_eq!(i.fatalities.map(|t| t.best), Some(15), "{said} {i:#?}");
        }
        // A toll passed on by someone: "un bilan émanant d'un autre habitant".
        let i = one(&format!(
            "{DATELINE}Des jihadistes ont attaqué le poste de Sébékoro. Le journal a obtenu un \
             bilan émanant d'un autre habitant du village. Trois gendarmes ont été tués."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
    }

    #[test]
    fn an_armed_group_figure_is_a_claim() {
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont tué douze civils dans un campement près de Sébékoro. \
             De son côté, le GATIA a évoqué dans un communiqué la mort de 17 civils."
        ));
        let t = i.fatalities.expect("a toll");
        assert_eq!((t.best, t.high), (12, 17), "{t:?}");
    }

    #[test]
    fn ce_meme_jour_takes_up_the_day_of_a_report() {
        let v = incidents(&format!(
            "{DATELINE}Dans un communiqué publié dans la soirée du lundi 13 mars, l'armée a \
             annoncé un premier bilan de l'attaque qui a visé ce même jour vers 5 heures le \
             poste de Léré : 9 soldats tués."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].date, NaiveDate::from_ymd_opt(2023, 3, 13), "{v:#?}");
    }

    #[test]
    fn a_national_mourning_is_no_incident() {
        let v = incidents(
            "Ségou, 17 mars 2023 (AFP) – Lundi, des jihadistes ont attaqué le camp de Léré, \
             tuant 12 soldats. Après cette nouvelle attaque, le président a décrété un deuil \
             national de trois jours à compter du vendredi 17 mars.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].date, NaiveDate::from_ymd_opt(2023, 3, 13), "{v:#?}");
    }

    #[test]
    fn a_side_opening_the_sentence_names_its_dead() {
        let i = one(&format!(
            "{DATELINE}Lundi, un véhicule piégé a visé le camp de Léré. L'armée déplore un \
             soldat tué. Du côté des jihadistes, nos sources indiquent que quatre morts ont été \
             comptés."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(4), "{i:#?}");
        assert_eq!(i.fatalities.map(|t| t.best), Some(5), "{i:#?}");
    }

    #[test]
    fn others_with_him_count_him_too() {
        let i = one(&format!(
            "{DATELINE}Le maire de Léré, Moussa Traoré, a été tué lundi dans une embuscade près \
             de Léré. Avec lui, on compte deux autres morts parmi ses gardes."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
    }

    #[test]
    fn a_breakdown_of_the_dead_does_not_replace_their_total() {
        // The parts add up to the whole told two sentences before.
        assert_eq!(
            toll(
                "Lundi, 14 villageois ont trouvé la mort près de Léré. Les secours sont arrivés \
                 le soir. Une dizaine d'entre eux ont été abattus par les assaillants et quatre \
                 autres ont péri dans l'incendie des greniers."
            ),
            (14, 14, 14)
        );
        // Parts that do not add up to it are a later figure.
        assert_eq!(
            toll(
                "Lundi, 14 villageois ont trouvé la mort près de Léré. Selon le maire, 17 \
                 personnes ont été tuées dont 3 femmes."
            )
            .1,
            17
        );
    }

    #[test]
    fn the_price_of_repelling_an_attack_is_paid_by_the_defenders() {
        let i = one(&format!(
            "{DATELINE}Sept Casques bleus tués à Tessalit. Lundi, des jihadistes ont attaqué le \
             camp de Tessalit. Ces derniers ont repoussé les assaillants, au prix de 7 tués et \
             de 12 blessés dans leurs rangs."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(7), "{i:#?}");
        assert_eq!(killed(&i, Category::Militants), None, "{i:#?}");
    }

    #[test]
    fn others_without_a_figure_widen_the_high_end_only() {
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont attaqué le camp de Sébékoro. L'armée compte cinq \
             assaillants tués, et les fuyards ont emporté plusieurs autres corps."
        ));
        let t = i.fatalities.expect("a toll");
        assert_eq!(t.best, 5, "{t:?}");
        assert!(t.high > 5, "{t:?}");
    }

    #[test]
    fn an_hour_or_a_distance_is_not_a_toll() {
        // The hour's figure once counted the attackers that follow it as victims.
        let i = one(&format!(
            "{DATELINE}Vers 21 heures, des hommes armés ont tué deux bergers près de Sébékoro."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(2));
        let i = one(&format!(
            "{DATELINE}À 12 km des soldats en patrouille, des inconnus ont abattu un commerçant à Dioïla."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
    }

    #[test]
    fn a_part_of_the_dead_is_not_another_report() {
        let i = one(&format!(
            "{DATELINE}Au moins neuf personnes, dont quatre enfants, ont péri dans l'attaque d'un car près de Dioïla."
        ));
        let t = i.fatalities.expect("a toll");
        assert_eq!((t.low, t.best), (9, 9));
        // A part of another noun than the figure's side says who one of them was.
        let i = one(&format!(
            "{DATELINE}Six Casques bleus nigériens, dont une femme, ont été tués mardi près de \
             Ménaka."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(6));
        // "personnes" names no side: the part says which.
        let i = one(&format!(
            "{DATELINE}Au moins huit personnes, dont deux gendarmes, ont été tuées mardi près \
             de Kati."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(2));
    }

    #[test]
    fn singular_dead_after_a_verb_of_regret_and_kidnapped_then_killed() {
        // "déplore" before a noun that says its outcome counts the dead, it quotes nobody.
        let i = one(&format!(
            "{DATELINE}Mardi, le poste de Ténenkou a été attaqué. On y déplore un mort et deux \
             blessés."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        // Kidnapped, then killed: dead.
        let i = one(&format!(
            "{DATELINE}Mardi, deux bergers ont été enlevés puis assassinés près de Ténenkou."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(2));
        // Kidnapped, then freed: nobody dead.
        let i = one(&format!(
            "{DATELINE}Mardi, deux bergers ont été enlevés avant d'être relâchés près de \
             Ténenkou."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        // A communiqué's "élément": a soldier, or a militant when it says so.
        let i = one(&format!(
            "{DATELINE}Mardi, une embuscade près de Ténenkou a causé la mort d'un élément des \
             FAMa."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(1));
        let i = one(&format!(
            "{DATELINE}Mardi, près de Ténenkou, un élément terroriste a été neutralisé."
        ));
        assert_eq!(
            (
                killed(&i, Category::Militants),
                killed(&i, Category::Soldiers)
            ),
            (Some(1), None)
        );
    }

    #[test]
    fn an_ordinal_victim_brings_the_toll_to_its_number() {
        let i = one(&format!(
            "{DATELINE}Mardi, une attaque contre le poste de Léré a tué deux gendarmes. Un \
             troisième gendarme a succombé à ses blessures."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
        // The third of a patrol wounded, after two dead: one wounded.
        let i = one(&format!(
            "{DATELINE}Mardi, une attaque contre le poste de Léré a tué deux gendarmes. Un \
             troisième gendarme a été blessé."
        ));
        assert_eq!(i.wounded.map(|t| t.best), Some(1));
        // "un autre" is one more, not a number.
        let i = one(&format!(
            "{DATELINE}Mardi, un autre gendarme a été tué lors d'une attaque contre le poste de \
             Léré."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
    }

    #[test]
    fn an_attack_on_an_army_convoy_is_a_battle() {
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué un convoi de l'armée près de Nampala."
        ));
        assert_eq!(i.event_type, EventType::Battles);
    }

    #[test]
    fn the_day_a_report_was_given_is_not_the_events() {
        // The agent of a reporting participle, then the day.
        let i = one(&format!(
            "{DATELINE}Selon le bilan communiqué par l'état-major, mercredi, 33 soldats ont été \
             tués lundi dans une embuscade près de Tessit."
        ));
        assert_eq!(i.date.map(|d| d.to_string()).as_deref(), Some("2023-03-13"));
        // A day in apposition to an earlier communiqué dates that communiqué.
        let v = incidents(&format!(
            "{DATELINE}Lundi, une embuscade près de Tessit a tué 33 soldats. Dans un communiqué \
             précédent, le mardi 14 mars, l'armée faisait état d'un bilan provisoire de 11 \
             morts."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        let t = v[0].fatalities.expect("a toll");
        assert_eq!((t.low, t.best), (11, 33));
    }

    #[test]
    fn a_decree_or_a_groups_founding_dates_no_incident() {
        for aside in [
            "Après l'attaque, le gouvernement a prorogé, le jeudi 9 mars, l'état d'urgence \
             pour dix jours.",
            "C'est la première attaque que le groupe, depuis sa création en janvier 2022, \
             revendique dans la région.",
        ] {
            let v = incidents(&format!(
                "{DATELINE}Lundi, une embuscade a tué quatre soldats près de Kolondiéba. {aside}"
            ));
            assert_eq!(v.len(), 1, "{aside}\n{v:#?}");
        }
    }

    #[test]
    fn the_subject_of_an_active_killing_verb_is_the_killers_not_the_dead() {
        let best = |text: &str| one(&format!("{DATELINE}{text}")).fatalities.map(|t| t.best);
        for (text, toll) in [
            (
                "Mardi, quatre hommes armés ont tué un commerçant près de Niono.",
                1,
            ),
            (
                "Mardi, deux individus armés ont abattu un commerçant à Niono.",
                1,
            ),
            (
                "Mardi, une dizaine de jihadistes ont tué trois civils à Niono.",
                3,
            ),
            ("Mardi, trois bandits tuent un berger près de Niono.", 1),
            (
                "Mardi, quatre hommes armés tuent un chasseur près de Niono.",
                1,
            ),
            (
                "Mardi, trois soldats ont tué deux assaillants près de Niono.",
                2,
            ),
            // Passive and intransitive verbs still count their subject.
            ("Mardi, quatre soldats ont été tués près de Niono.", 4),
            ("Mardi, quatre soldats ont perdu la vie près de Niono.", 4),
            (
                "Mardi, deux soldats que les jihadistes ont abattus ont été inhumés à Niono.",
                2,
            ),
        ] {
            assert_eq!(best(text), Some(toll), "{text}");
        }
    }

    #[test]
    fn a_replaced_or_denied_figure_is_no_toll() {
        let best = |text: &str| one(&format!("{DATELINE}{text}")).fatalities.map(|t| t.best);
        assert_eq!(
            best(
                "Mardi, un camion a été attaqué près de Ber. Au lieu de six miliciens, c'est un \
                 civil qui a été tué."
            ),
            Some(1)
        );
        assert_eq!(
            best(
                "Mardi, trois civils ont été tués près de Ber. Des sources avaient fait état de \
                 la mort de deux soldats. Cette information a été démentie par l'armée."
            ),
            Some(3)
        );
        // A denial of something else leaves the figure before it.
        assert_eq!(
            best(
                "Mardi, trois civils ont été tués près de Ber. Le maire a démenti toute \
                 présence de l'armée."
            ),
            Some(3)
        );
    }

    #[test]
    fn a_burial_the_next_day_goes_on_telling_the_incident() {
        let v = incidents(&format!(
            "{DATELINE}Lundi soir, des hommes armés ont attaqué le poste de Kona, tuant un \
             garde. La victime a été inhumée mardi matin à Kona, sur les lieux de l'attaque."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(1));
    }

    #[test]
    fn a_groups_size_and_the_dead_a_reprisal_avenged_are_no_toll() {
        let best = |text: &str| one(&format!("{DATELINE}{text}")).fatalities.map(|t| t.best);
        for text in [
            "Mardi, deux civils ont été tués par un groupe composé d'une trentaine d'hommes \
             armés près de Niono.",
            "Mardi, deux civils ont été tués près de Niono par une colonne forte d'au moins \
             cinquante jihadistes.",
            "Mardi, deux chasseurs ont été tués près de Niono, en représailles à la mort de \
             dix éleveurs la semaine précédente, selon le maire.",
            "Mardi, un car transportant 45 voyageurs a été mitraillé près de Niono : deux \
             passagers ont été tués.",
            "Mardi, une pirogue avec à son bord une trentaine de personnes a été attaquée près \
             de Niono. Deux personnes ont été tuées.",
        ] {
            assert_eq!(best(text), Some(2), "{text}");
        }
    }

    #[test]
    fn robbed_of_their_goods_is_no_death_and_a_listed_victim_is_no_new_one() {
        let i = one(&format!(
            "{DATELINE}Dimanche, deux commerçants ont été attaqués près de Niono par des \
             bandits et dépouillés de tous leurs biens."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0), "{i:#?}");
        let i = one(&format!(
            "{DATELINE}Dimanche, trois personnes ont été tuées à Kléla. Au nombre des personnes \
             tuées, il y a un chasseur venu prêter main-forte aux gardes."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
    }

    #[test]
    fn a_dated_line_under_the_headline_is_a_caption_that_lost_its_credit() {
        let caption_of = |text: &str, words: &str| {
            let article = crate::corpus::article_from_text("t", text.to_string());
            let s = article
                .sentences
                .iter()
                .find(|s| article.text[(*s).clone()].contains(words))
                .expect("the sentence")
                .clone();
            captions_a_photo(&article, &s)
        };
        let text = "Quatre soldats tués dans une embuscade\n\n\
                    Le ministre de la Défense, à Bamako le 14 mars 2023. - -\n\
                    Quatre soldats ont été tués mardi dans une embuscade près de Boni, a annoncé \
                    l'armée dans un communiqué publié mercredi soir.";
        assert!(caption_of(text, "ministre de la"));
        assert!(!caption_of(text, "Quatre soldats ont"));
        // A line ending on a date deep in the body, or a lead sentence on a line with more, is
        // no caption.
        let text = "Quatre soldats tués dans une embuscade\n\n\
                    Quatre soldats ont été tués mardi près de Boni. L'armée a riposté.\n\
                    Des renforts sont arrivés jeudi à Boni, selon l'armée.\n\
                    Le camp avait déjà été visé le 2 février 2021.";
        assert!(!caption_of(text, "Quatre soldats ont"));
        assert!(!caption_of(text, "déjà été visé"));
    }

    #[test]
    fn a_photo_caption_tells_no_incident() {
        for caption in [
            "Des militaires patrouillent près de Gao après une attaque, en mars 2016.\n© AFP/Archives",
            "Des militaires près de Gao après une attaque, en mars 2016. © Awa Traoré/AFP",
        ] {
            let v = incidents(&format!(
                "{DATELINE}Mardi, une embuscade a tué quatre soldats près de Ménaka.\n{caption}\n\
                 Les assaillants ont fui vers la frontière."
            ));
            assert_eq!(v.len(), 1, "{v:#?}");
        }
        // A headline line over a credit is no caption.
        let v = incidents(
            "Quatre soldats tués dans une embuscade près de Ménaka\n© AFP\nMardi, des \
             assaillants ont attaqué une patrouille.",
        );
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(4), "{v:#?}");
    }

    #[test]
    fn another_event_after_a_leading_date_is_an_incident_of_its_own() {
        // No publication date: neither day can be dated, the opener alone tells them apart.
        for text in [
            "Deux soldats ont été tués ce matin dans une attaque contre le camp de Tessalit. \
             Le 28 novembre, une autre attaque contre le camp de Tessalit avait fait trois morts.",
            "Deux soldats ont été tués ce matin dans une attaque contre le camp de Tessalit. \
             Mardi soir, un autre poste a été attaqué près de Tessalit, faisant trois morts.",
        ] {
            let v = incidents(text);
            let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
            assert_eq!(tolls, [Some(2), Some(3)], "{text}\n{v:#?}");
        }
        // A date then a definite noun goes on telling the same attack.
        let i = one(
            "Trois soldats ont été tués dans une attaque contre le camp de Tessalit. Mardi soir, \
             l'attaque a aussi fait deux blessés.",
        );
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
    }

    #[test]
    fn the_dead_of_the_attack_an_incident_follows_are_that_attacks() {
        let v = incidents(&format!(
            "{DATELINE}Un soldat a été tué mardi dans une embuscade près d'Aguelhok. Ce dernier \
             incident fait suite à une autre attaque dans la région, au cours de laquelle quatre \
             soldats ont été tués."
        ));
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(1), Some(4)], "{v:#?}");
    }

    #[test]
    fn a_figure_said_again_at_a_follow_up_visit_stays_the_attacks() {
        let v = incidents(
            "Le 3 août 2015, dix bergers ont été tués près de Nampala. Le 4 août, une patrouille \
             s'est rendue sur les lieux de l'attaque. Selon elle, dix bergers ont été tués.",
        );
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(10), "{v:#?}");
        assert!(
            v[1..]
                .iter()
                .all(|i| i.fatalities.is_none_or(|t| t.best != 10)),
            "{v:#?}"
        );
    }

    #[test]
    fn another_blast_that_killed_nobody_is_an_incident_of_its_own() {
        let v = incidents(&format!(
            "{DATELINE}Mardi, une mine a tué deux soldats près de Boni. Une deuxième explosion, \
             plus au nord, n'a pas fait de victimes."
        ));
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(2), Some(0)], "{v:#?}");
        // "sans tuer personne": nobody died.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont pillé le village de Gangafani sans tuer \
             personne, avant de repartir avec le bétail."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        // A closing remark without any toll is not an incident.
        let v = incidents(&format!(
            "{DATELINE}Mardi, une mine a tué deux soldats près de Boni. Les opérations de \
             ratissage se poursuivent dans la zone."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn the_largest_figure_of_the_latest_official_statement_is_best() {
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué un village près de Sangha. « Vingt \
             personnes ont été tuées », a dit un habitant. Le communiqué du gouverneur fait état \
             de 22 morts au village et de 03 morts dans un hameau voisin."
        ));
        let t = i.fatalities.expect("a toll");
        assert_eq!((t.low, t.best), (3, 22));
    }

    #[test]
    fn a_missions_running_total_is_no_toll() {
        let i = one(&format!(
            "{DATELINE}Mardi, une mine a tué trois Casques bleus près d'Aguelhok. Avec plus de \
             150 soldats de la paix tués, c'est la mission la plus meurtrière de l'ONU."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
        // An attack "la plus meurtrière" gives its own toll.
        let i = one(&format!(
            "{DATELINE}Mardi, l'attaque la plus meurtrière de l'année a fait 40 morts près \
             d'Aguelhok."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(40));
    }

    #[test]
    fn others_add_to_the_dead_told_before() {
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont tué quatre éleveurs près de Youwarou. Deux \
             autres personnes ont aussi trouvé la mort."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(6));
        // "les deux autres" are the rest of a group already counted.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont tué quatre éleveurs près de Youwarou. Deux \
             sont morts sur place, les deux autres éleveurs à l'hôpital."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(4));
        // After "et", the others are others than someone the sentence names.
        let i = one(&format!(
            "{DATELINE}Trois civils ont été tués mardi près de Youwarou. Les assaillants ont \
             abattu le chef du village et « deux autres hommes »."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
    }

    #[test]
    fn losses_and_occupants_are_deaths() {
        let i = one(&format!(
            "{DATELINE}Le bataillon a perdu trois hommes mardi dans une embuscade près de Nampala."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
        let i = one(&format!(
            "{DATELINE}Une frappe a visé un pick-up mercredi près de Léré, tuant ses cinq occupants."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(5));
        let i = one(&format!(
            "{DATELINE}Après l'attaque de mardi, les habitants ont retrouvé six dépouilles près de Léré."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(6));
        let i = one(&format!(
            "{DATELINE}« Nous avons perdu sept personnes dans l'attaque de mardi à Léré », a dit un élu."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(7));
        // "D'entre eux" counts the victims the clause named before.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont ouvert le feu sur des bergers près de Léré, tuant quatre d'entre eux."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(4));
        // Bandits are an armed group's members.
        let i = one(&format!(
            "{DATELINE}Mardi, trois bandits ont été tués lors d'un accrochage avec des chasseurs près de Léré."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(3));
    }

    #[test]
    fn a_device_neutralised_or_shot_down_kills_nobody() {
        for text in [
            "{DATELINE}Jeudi, une patrouille a découvert et neutralisé un engin explosif \
             improvisé sur la route de Nampala.",
            "{DATELINE}Jeudi, près de Nampala, deux EEI ont été localisés puis neutralisés.",
            "{DATELINE}Jeudi, l'armée a abattu un drone près de Ber.",
        ] {
            let i = one(&text.replace("{DATELINE}", DATELINE));
            assert_eq!(i.fatalities.map(|f| f.best), Some(0), "{text}");
        }
        // A deminer sent to neutralise charges or a belt of explosives kills nobody either.
        let i = one(&format!(
            "{DATELINE}Jeudi, un kamikaze s'est fait exploser près de Ber. Un élément du génie \
             est venu neutraliser les charges explosives restées sur place."
        ));
        assert_eq!(killed(&i, Category::Soldiers), None, "{i:#?}");
        // A person stays a victim, and a mine that kills still kills.
        let i = one(&format!(
            "{DATELINE}Jeudi, l'armée a neutralisé deux terroristes qui posaient des mines près de Nampala."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(2));
        let i = one(&format!(
            "{DATELINE}Jeudi, une mine a tué trois soldats près de Nampala."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(3));
        // The people of a device died: "de l'engin" completes their noun.
        for text in [
            "Jeudi, un tricycle a heurté une mine près de Nampala. Les trois passagers de \
             l'engin sont décédés sur place.",
            "Jeudi, une moto a sauté sur une mine près de Nampala. Les trois passagers de \
             l'engin sont morts.",
            "Jeudi, un hélicoptère de l'armée a été abattu près de Nampala. Les trois soldats \
             à bord de l'appareil ont été tués.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|f| f.best), Some(3), "{text}");
        }
    }

    #[test]
    fn a_statement_about_such_events_in_general_counts_no_death() {
        let v = incidents(&format!(
            "{DATELINE}Un soldat a été tué lundi près de Boni. Ce n'est pas la première fois \
             que la mort d'un combattant étranger est signalée dans la zone."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(1));
        // After the colon, the earlier attack is told with its own toll.
        let v = incidents(&format!(
            "{DATELINE}Un soldat a été tué lundi près de Boni. Ce n'est pas la première fois \
             que le poste est visé : en mars, douze soldats y avaient été tués."
        ));
        assert!(
            v.iter().any(|i| i.fatalities.map(|f| f.best) == Some(12)),
            "{v:#?}"
        );
    }

    #[test]
    fn a_blockade_imposed_on_a_town_is_a_strategic_development() {
        let i = one(&format!(
            "{DATELINE}Depuis mardi, les jihadistes imposent un blocus à la ville de Léré : \
             aucun camion ne peut y entrer."
        ));
        assert_eq!(i.event_type, EventType::StrategicDevelopments);
        assert_eq!(i.sub_event_type, "Change to group/activity");
        assert_eq!(i.fatalities.map(|f| f.best), Some(0));
        // Said of the town where an attack happened, it is that attack's background.
        let i = one(&format!(
            "{DATELINE}Mardi, cinq soldats ont été tués près de Léré, ville sous blocus depuis \
             un mois."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(5));
        assert_ne!(i.event_type, EventType::StrategicDevelopments);
    }

    #[test]
    fn under_a_month_header_two_weekdays_are_two_incidents_of_that_month() {
        let v = incidents(
            " date 2023-05\nQuatre bergers ont été tués mardi par des hommes armés près de \
             Nara. Deux commerçants ont aussi été tués jeudi dans une embuscade près de Kita.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        for (i, toll) in v.iter().zip([4, 2]) {
            assert_eq!(i.fatalities.map(|f| f.best), Some(toll));
            assert_eq!(i.date.map(|d| d.to_string()), Some("2023-05-01".into()));
            assert_eq!(i.date_precision, DatePrecision::Month);
        }
        // A day the text names makes its weekdays datable as usual.
        let v = incidents(
            " date 2023-05\nLe mardi 9 mai 2023, quatre bergers ont été tués près de Nara. \
             Mardi soir, les assaillants ont aussi incendié des greniers.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].date.map(|d| d.to_string()), Some("2023-05-09".into()));
    }

    #[test]
    fn a_date_said_of_this_attack_is_not_another_incident() {
        let v = incidents(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le village de Nara, tuant six civils. \
             La nouvelle de cette attaque n'est parvenue que jeudi à la capitale."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].date.map(|d| d.to_string()), Some("2023-03-14".into()));
        // "celle" stands for another event, which the date is of.
        let v = incidents(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le village de Nara, tuant six civils. \
             Cette attaque est la deuxième en un mois, après celle qui a visé le 2 mars \
             un convoi près de Kita, faisant trois morts."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
    }

    #[test]
    fn a_figure_restated_in_brackets_is_one_figure() {
        for (text, toll) in [
            (
                "Lundi, l'attaque du village de Nara a fait trois (03) morts et cinq (05) blessés.",
                3,
            ),
            (
                "Lundi, une embuscade près de Nara a fait quarante (40) personnes tuées.",
                40,
            ),
            (
                "Lundi, l'attaque du village de Nara a fait un (01) mort.",
                1,
            ),
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|f| f.best), Some(toll), "{text}");
        }
        let i = one(&format!(
            "{DATELINE}Lundi, l'attaque du village de Nara a fait trois (03) morts et cinq (05) \
             blessés."
        ));
        assert_eq!(i.wounded.map(|w| w.best), Some(5));
    }

    #[test]
    fn the_people_an_attack_verb_follows_are_the_attackers() {
        for text in [
            "Lundi, une quarantaine d'assaillants ont attaqué le village de Nara, tuant six civils.",
            "Lundi, une vingtaine d'hommes armés ont donné l'assaut au village de Nara, tuant \
             six civils.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|f| f.best), Some(6), "{text}");
        }
        // A relative clause says what the victims had done.
        let i = one(&format!(
            "{DATELINE}L'armée dit avoir tué lundi 12 assaillants qui ont attaqué le poste de Nara."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(12));
    }

    #[test]
    fn victims_said_killed_without_a_figure_leave_the_toll_unknown() {
        let v = incidents(&format!(
            "{DATELINE}Lundi, un convoi a été attaqué entre Nara et Kita. Des militaires ont \
             été tués."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities, None);
        // Nobody said killed: the attack's toll is 0.
        let i = one(&format!(
            "{DATELINE}Lundi, un convoi a été attaqué entre Nara et Kita. Des renforts ont été \
             dépêchés."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(0));
        // An infinitive of killing is an outcome too.
        let i = one(&format!(
            "{DATELINE}Lundi, une opération près de Nara a permis de neutraliser huit terroristes."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(8));
    }

    #[test]
    fn simultaneous_and_other_events_are_incidents_of_their_own() {
        let v = incidents(&format!(
            "{DATELINE}Lundi, des jihadistes ont attaqué le poste de Nara, tuant trois \
             gendarmes. Quasi simultanément, c'est le village de Diéma qui a été visé : deux \
             civils ont été tués."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].date, v[0].date);
        assert_eq!(v[1].fatalities.map(|f| f.best), Some(2));
        // "Un autre campement … dans la soirée": another event, the same day.
        let v = incidents(&format!(
            "{DATELINE}Lundi, des hommes armés ont attaqué un campement près de Nara, tuant \
             quatre bergers. Un autre campement a été attaqué dans la soirée, à Diéma : trois \
             morts."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].date, v[0].date);
        assert_eq!(v[1].fatalities.map(|f| f.best), Some(3));
        // Without a part of the day, the other event keeps no borrowed date.
        let v = incidents(&format!(
            "{DATELINE}Lundi, des hommes armés ont attaqué un campement près de Nara, tuant \
             quatre bergers. Un autre campement a été attaqué à Diéma : trois morts."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_ne!(v[1].date, v[0].date);
    }

    #[test]
    fn a_total_of_the_incidents_told_is_no_incident_toll() {
        let body = "Mardi, des hommes armés ont attaqué le village de Nara, tuant 12 civils. \
                    Mercredi, le campement de Diéma a été visé : 31 morts.";
        for total in [
            "Au moins 43 personnes ont été tuées en deux jours dans la région de Kayes.",
            "Au total, 43 personnes ont été tuées.",
            "Ces deux attaques ont fait 43 morts.",
        ] {
            let text = if total.starts_with("Au moins") {
                format!("{DATELINE}{total} {body}")
            } else {
                format!("{DATELINE}{body} {total}")
            };
            let v = incidents(&text);
            let bests: Vec<_> = v.iter().map(|i| i.fatalities.map(|f| f.best)).collect();
            assert_eq!(bests, vec![Some(12), Some(31)], "{total}");
        }
        // A third incident's own figure is no total, even when it equals the sum.
        let v = incidents(&format!(
            "{DATELINE}Mardi, à Nara, deux civils ont été tués. Mercredi, à Diéma, trois \
             soldats ont été tués. Jeudi, à Kita, cinq civils ont été tués."
        ));
        let bests: Vec<_> = v.iter().map(|i| i.fatalities.map(|f| f.best)).collect();
        assert_eq!(bests, vec![Some(2), Some(3), Some(5)]);
        // One incident's total stays its toll.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué Nara. Au total, 12 personnes ont \
             été tuées."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(12));
    }

    #[test]
    fn who_the_dead_were_adds_nobody() {
        for sentence in [
            "Parmi les victimes figurent un gendarme et quatre assaillants.",
            "Parmi les morts, quatre enfants.",
            "Au nombre des victimes, trois femmes.",
        ] {
            let i = one(&format!(
                "{DATELINE}Lundi, une attaque contre le poste de Nara a fait au moins neuf \
                 morts. {sentence}"
            ));
            assert_eq!(
                i.fatalities.map(|f| (f.low, f.best)),
                Some((9, 9)),
                "{sentence}"
            );
        }
        // An officer's "our men" are the soldiers the headline counts.
        let i = one("Au moins dix soldats tués dans une attaque près de Nara\n\
             Lundi, des jihadistes ont attaqué le camp de Nara. « Dix de nos hommes ont été \
             tués », a déclaré un officier.");
        assert_eq!(i.fatalities.map(|f| f.best), Some(10));
        assert_eq!(killed(&i, Category::Soldiers), Some(10));
    }

    #[test]
    fn a_definite_victim_whose_death_is_told_is_one_dead() {
        for (sentence, dead) in [
            ("Le kamikaze a été tué et un soldat blessé.", 1),
            (
                "Le kamikaze a perdu la vie en plus de blesser un soldat.",
                1,
            ),
            ("Le chef de village a été assassiné.", 1),
            ("Les assaillants ont tué le chauffeur.", 1),
            // One of the dead already counted.
            (
                "Trois soldats ont été tués. Le commandant a été tué lui aussi.",
                3,
            ),
            // A source, and a person who killed.
            ("Selon le maire, deux civils ont été tués.", 2),
            ("Le soldat qui a tué deux civils a été arrêté.", 2),
            // Kin joined by "et" and a possessive are others.
            ("Ils ont tué le chef du village et ses deux fils.", 3),
            ("Ils ont tué un berger et ses trois enfants.", 4),
            ("Ils ont tué le maire et deux conseillers.", 3),
            ("Le kamikaze se fait exploser devant le poste.", 1),
            // A pronoun for a person told before.
            ("« Il est mort sur le coup », a dit un officier.", 1),
            ("Un soldat a été tué. Il a été tué par balle.", 1),
        ] {
            let i = one(&format!(
                "{DATELINE}Lundi, des hommes armés ont attaqué le poste de Nara. {sentence}"
            ));
            assert_eq!(i.fatalities.map(|f| f.best), Some(dead), "{sentence}");
        }
        let i = one(&format!(
            "{DATELINE}Lundi, des hommes armés ont attaqué le poste de Nara. Le gendarme de \
             garde a été blessé. Il a été évacué."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(0));
    }

    #[test]
    fn the_day_a_toll_was_given_is_no_incident() {
        let v = incidents(&format!(
            "{DATELINE}Lundi, des jihadistes ont attaqué le poste de Nara, tuant trois soldats. \
             Selon un bilan fourni ce mercredi par l'armée, dix terroristes ont été neutralisés."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].date, NaiveDate::from_ymd_opt(2023, 3, 13));
    }

    #[test]
    fn a_bare_figure_with_its_source_is_another_report() {
        let i = one(&format!(
            "{DATELINE}Lundi, des jihadistes ont attaqué Nara. Vingt personnes ont été tuées \
             selon un jeune du village, 21 selon le gouverneur."
        ));
        assert_eq!(
            i.fatalities.map(|f| (f.low, f.best, f.high)),
            Some((20, 21, 21))
        );
        let i = one(&format!(
            "{DATELINE}Lundi, des jihadistes ont attaqué Nara. Plusieurs dizaines de civils, \
             une quarantaine selon des sources locales, ont été tués."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(40));
        // A figure of something else is no report.
        let i = one(&format!(
            "{DATELINE}Lundi, des jihadistes ont attaqué Nara, tuant 20 civils, à 30 km selon \
             les habitants."
        ));
        assert_eq!(i.fatalities.map(|f| (f.low, f.best)), Some((20, 20)));
    }

    #[test]
    fn the_state_strikes_from_the_air() {
        let i = one(&format!(
            "{DATELINE}Lundi, une frappe de drone de l'armée malienne a tué huit civils près \
             de Nara."
        ));
        assert_eq!(i.sub_event_type, "Air/drone strike");
        assert_eq!(i.perpetrator.as_deref(), Some("FAMa"));
        assert_eq!(i.target.as_deref(), Some("Civilians"));
        let i = one(&format!(
            "{DATELINE}Lundi, une frappe de drone des FAMa a neutralisé dix terroristes du JNIM \
             près de Nara."
        ));
        assert_eq!(i.perpetrator.as_deref(), Some("FAMa"));
        assert_eq!(i.target.as_deref(), Some("JNIM"));
        // On the ground the army is the armed group's target.
        let i = one(&format!(
            "{DATELINE}Lundi, des jihadistes du JNIM ont attaqué un poste des FAMa à Nara, \
             tuant trois soldats."
        ));
        assert_eq!(i.perpetrator.as_deref(), Some("JNIM"));
        assert_eq!(i.target.as_deref(), Some("FAMa"));
    }

    #[test]
    fn idioms_of_dying_count_the_dead() {
        // Each idiom, alone in its sentence, is the only word saying these people died.
        for (sentence, dead) in [
            ("Six soldats sont tombés au combat.", 6),
            ("Deux gendarmes sont tombés sur le champ d'honneur.", 2),
            (
                "Cinq militaires perdent la vie et deux autres sont blessés.",
                5,
            ),
            ("Quatre bergers y ont laissé la vie.", 4),
            ("Trois gardes ont rendu l'âme sur place.", 3),
            ("Sept villageois ont été brûlés vifs dans leurs cases.", 7),
            ("L'armée déplore la perte de quatre soldats.", 4),
            ("Un policier a été mortellement touché.", 1),
            (
                "Deux soldats ont été mortellement blessés et trois autres légèrement.",
                2,
            ),
        ] {
            let i = one(&format!(
                "{DATELINE}Lundi, des hommes armés ont attaqué le poste de Nara. {sentence}"
            ));
            assert_eq!(i.fatalities.map(|f| f.best), Some(dead), "{sentence}");
        }
        // Falling into an ambush, or wounded hunters, is no death.
        let i = one(&format!(
            "{DATELINE}Lundi, une patrouille est tombée dans une embuscade près de Nara. Deux \
             chasseurs ont été blessés."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(0));
    }

    #[test]
    fn one_of_the_soldiers_is_one_dead() {
        for (sentence, dead) in [
            ("L'un des gendarmes a été tué.", 1),
            ("L'un des gardes, Moussa Diarra, a été tué.", 1),
            ("Une des villageoises a été abattue.", 1),
            // Part of the figure before it, not one more.
            (
                "Trois soldats ont été tués, dont l'un des officiers du poste.",
                3,
            ),
            // A source, not a victim.
            ("Selon l'un des habitants, deux soldats ont été tués.", 2),
            // A predicate says who one of the dead was.
            (
                "L'attaque a fait cinq morts. L'une des victimes est un enfant.",
                5,
            ),
            (
                "L'attaque a fait cinq morts. Le plus jeune était un enfant.",
                5,
            ),
        ] {
            let i = one(&format!(
                "{DATELINE}Lundi, des hommes armés ont attaqué le poste de Nara. {sentence}"
            ));
            assert_eq!(i.fatalities.map(|f| f.best), Some(dead), "{sentence}");
            assert_eq!(i.fatalities.map(|f| f.low), Some(dead), "{sentence}");
        }
    }

    #[test]
    fn a_community_named_as_victims_is_civilians() {
        let i = one(&format!(
            "{DATELINE}Lundi, des hommes armés ont tué quatorze Peuls près de Nara."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(14));
    }

    #[test]
    fn hunters_are_a_side_that_adds_to_the_civilians() {
        let i = one(&format!(
            "{DATELINE}Lundi, des hommes armés ont attaqué Nara. On compte huit morts côté \
             chasseurs et un mort parmi les civils."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(9));
        assert_eq!(killed(&i, Category::Militants), Some(8));
    }

    #[test]
    fn the_side_a_communique_names_gives_the_category() {
        let i = one(&format!(
            "{DATELINE}Lundi, l'attaque du camp de Nara a causé la mort de douze personnes côté \
             amis."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(12));
        assert_eq!(killed(&i, Category::Civilians), None);
        let i = one(&format!(
            "{DATELINE}Lundi, l'attaque du camp de Nara a fait 3 morts côté ami et 15 morts \
             côté ennemi."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(3));
        assert_eq!(killed(&i, Category::Militants), Some(15));
        // Without a side, people stay civilians.
        let i = one(&format!(
            "{DATELINE}Lundi, une attaque à Nara a fait douze personnes tuées."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(12));
        // The side may head the figure: the nearest one named before it.
        for bilan in [
            "Bilan provisoire. Côté ennemi : 11 morts et 4 motos saisies. Côté ami : 6 morts et \
             9 blessés.",
            "Du côté de l'armée, on compte 6 morts ; du côté ennemi, 11 morts.",
            "Le bilan est de 6 morts dans le rang de l'armée. En outre, 11 assaillants ont été \
             neutralisés.",
        ] {
            let i = one(&format!(
                "{DATELINE}Lundi, des terroristes ont attaqué le camp de Nara. {bilan}"
            ));
            assert_eq!(killed(&i, Category::Soldiers), Some(6), "{bilan} {i:#?}");
            assert_eq!(killed(&i, Category::Militants), Some(11), "{bilan} {i:#?}");
        }
    }

    #[test]
    fn a_toll_revised_from_one_figure_to_another_is_the_new_one() {
        let i = one(&format!(
            "{DATELINE}Le bilan de l'attaque de lundi contre le village de Nara a été revu à la \
             baisse, de 60 tués à 41, selon le gouverneur."
        ));
        let f = i.fatalities.expect("a toll");
        assert_eq!((f.low, f.best, f.high), (41, 41, 60));
        // Two figures of different things are no revision.
        let i = one(&format!(
            "{DATELINE}Lundi, l'attaque du village de Nara a fait de 3 morts à 5 blessés selon \
             les sources."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(3));
    }

    #[test]
    fn a_part_of_the_dead_said_among_them_adds_nobody() {
        let i = one(&format!(
            "{DATELINE}Lundi, 35 villageois ont été tués à Nara. Au total, 12 enfants \
             faisaient partie des tués."
        ));
        let f = i.fatalities.expect("a toll");
        assert_eq!((f.low, f.best), (35, 35));
    }

    #[test]
    fn a_pluperfect_toll_right_after_a_recalled_incident_is_its_own() {
        let v = incidents(&format!(
            "{DATELINE}Mardi, des obus ont blessé trois soldats dans le camp de Tessalit. Le \
             pire souvenir reste l'attaque de l'hôtel de Sévaré, le 7 août 2015. Il s'était \
             agi d'une prise d'otages qui avait fait 13 morts."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(0));
        assert_eq!(v[1].fatalities.map(|f| f.best), Some(13));
        // Told in the present perfect, the figure is the current incident's.
        let v = incidents(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le camp de Tessalit. Le pire \
             souvenir reste l'attaque de l'hôtel de Sévaré, le 7 août 2015. L'attaque de \
             mardi a fait 4 morts."
        ));
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(4), "{v:#?}");
    }

    #[test]
    fn a_place_already_hit_recalls_an_earlier_event_of_its_own() {
        let v = incidents(&format!(
            "{DATELINE}Lundi, des jihadistes ont attaqué le poste de Boni, tuant deux soldats. \
             La ville avait déjà été la cible d'une embuscade qui avait coûté la vie à neuf \
             soldats."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(2));
        assert_eq!(v[1].fatalities.map(|f| f.best), Some(9));
        // Its day is not known: not the publication's.
        assert_eq!(v[1].date, None);
    }

    #[test]
    fn tous_des_after_a_figure_says_who_they_all_were() {
        for (text, category) in [
            (
                "Mardi, l'attaque de Kokry a fait quinze morts, tous des civils.",
                Category::Civilians,
            ),
            (
                "Mardi, l'embuscade a fait quinze tués, tous soldats.",
                Category::Soldiers,
            ),
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(killed(&i, category), Some(15), "{text}\n{i:#?}");
        }
    }

    #[test]
    fn a_side_named_after_a_list_of_figures_is_each_ones() {
        for text in [
            "Mardi, l'attaque du poste de Léré a fait onze (11) morts, quatorze (14) blessés \
             et trois (3) portés disparus parmi les FAMa.",
            "Mardi, l'attaque du poste de Léré a fait 11 morts, 14 blessés, 3 disparus dans les \
             rangs de l'armée.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(killed(&i, Category::Soldiers), Some(11), "{text}\n{i:#?}");
        }
        // Another figure of dead is not listed past: each keeps its own side.
        let i = one(&format!(
            "{DATELINE}Mardi, l'attaque du poste de Léré a fait onze morts parmi les FAMa et six \
             morts côté ennemi."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(11));
        assert_eq!(killed(&i, Category::Militants), Some(6));
    }

    #[test]
    fn one_name_found_dead_is_one_dead() {
        for text in [
            "Lundi, des hommes armés ont enlevé un berger près de Nara. On a appris plus tard \
             que Sékou avait été retrouvé mort dans la brousse.",
            "Lundi, des hommes armés ont enlevé un berger près de Nara. Plus tard, Sékou a \
             été retrouvé sans vie.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|f| f.best), Some(1), "{text}");
        }
        // A name after a preposition is a town's.
        let i = one(&format!(
            "{DATELINE}Lundi, des hommes armés ont enlevé un berger. Selon un habitant de Nara, \
             le troupeau a été retrouvé."
        ));
        // (A kidnapping that kills nobody counts 0 dead.)
        assert_eq!(i.fatalities.map(|f| f.best), Some(0));
    }

    #[test]
    fn a_headlines_people_told_by_side_in_the_body_count_once() {
        let body = "Lundi, un policier et un garde ont été tués lors de l'attaque du poste \
                    de Nara. Un civil a été blessé.";
        let i = one(&format!(
            "Mali : deux personnes tuées dans l'attaque d'un poste\n\n{DATELINE}{body}"
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(2), "{i:#?}");
        assert_eq!(killed(&i, Category::Civilians), None);
        // A headline figure the body's does not add up to stays.
        let i = one(&format!(
            "Mali : cinq personnes tuées dans l'attaque d'un poste\n\n{DATELINE}{body}"
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(5), "{i:#?}");
    }

    #[test]
    fn a_bodys_people_told_by_side_in_the_headline_count_once() {
        let i = one(&format!(
            "Mali : onze gendarmes tués dans une embuscade près de Ténenkou\n\n{DATELINE}Lundi, \
             une patrouille est tombée dans une embuscade près de Ténenkou. Le bilan est lourd : \
             selon des sources locales, 11 personnes ont perdu la vie."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(11), "{i:#?}");
        assert_eq!(killed(&i, Category::Civilians), None);
    }

    #[test]
    fn the_dead_set_beside_another_places_are_not_added() {
        let article = article_from_text(
            "test.txt",
            format!(
                "{DATELINE}Mardi a été une journée sanglante. En plus des 12 personnes tuées à \
                 Boni, 5 autres personnes sont mortes dans une embuscade près de Ténenkou."
            ),
        );
        let article = cut_roundups(&article, &DatedText::read(&article)).expect("a cut");
        let towns = [("Boni", 15.08, -2.22), ("Ténenkou", 14.46, -4.92)];
        let drafts = extract_with_places(&article, &places_of(&article, &towns)).drafts;
        let tolls: Vec<u32> = drafts
            .iter()
            .filter_map(|d| d.incident.fatalities.map(|f| f.best))
            .collect();
        assert_eq!(tolls, [12, 5], "{drafts:#?}");
    }

    #[test]
    fn a_long_list_among_the_dead_counts_no_more_dead() {
        let i = one(&format!(
            "{DATELINE}Le bilan de l'explosion d'une mine mardi près de Douentza s'élève à \
             trente tués. Parmi les victimes figurent notamment cinq commerçants venus de la \
             foire de Boni, six membres d'une même famille et trois nourrissons."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(30), "{i:#?}");
    }

    #[test]
    fn a_new_toll_of_one_side_after_an_official_one_is_the_best() {
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le poste de Macina. « L'attaque a \
             fait 6 morts », a indiqué l'armée dans un communiqué. Un nouveau bilan donné par des \
             élus locaux fait état de sept gendarmes tués."
        ));
        assert_eq!(
            killed(&i, Category::Soldiers).map(|_| i.fatalities.map(|f| (f.low, f.best))),
            Some(Some((6, 7))),
            "{i:#?}"
        );
        // Without a revision, the official figure stays the best.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le poste de Macina. « L'attaque a \
             fait 6 morts », a indiqué l'armée dans un communiqué. Des élus locaux font état de \
             sept gendarmes tués."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(6), "{i:#?}");
    }

    #[test]
    fn an_estimated_total_above_estimated_parts_is_the_best() {
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le village de Tin-Hama. Selon des \
             habitants, il y aurait eu plus d'une cinquantaine de morts. Les assaillants ont \
             abattu une trentaine de civils. Les miliciens du village ont perdu au moins une \
             dizaine de combattants."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(50), "{i:#?}");
        // Exact parts keep their sum.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le village de Tin-Hama. Selon des \
             habitants, il y aurait eu une cinquantaine de morts. Les assaillants ont abattu 31 \
             civils. Les miliciens ont perdu 12 combattants."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(43), "{i:#?}");
    }

    #[test]
    fn the_dead_of_earlier_attacks_in_an_opening_apres_are_not_this_ones() {
        for text in [
            "Après les violences qui ont fait 25 morts dans le cercle de Djenné, c'est le \
             village de Sofara qui a été la cible d'une autre attaque mardi, faisant deux morts.",
            "Après l'embuscade de Boni ayant coûté la vie à 25 soldats, c'est au tour du poste de \
             Hombori d'être attaqué mardi : deux gendarmes y ont été tués.",
        ] {
            let v = incidents(&format!("{DATELINE}{text}"));
            assert!(
                v.iter().any(|i| i.fatalities.map(|f| f.best) == Some(2)),
                "{text}\n{v:#?}"
            );
        }
        // Without another attack told after it, the figure is this attack's.
        let i = one(&format!(
            "{DATELINE}Après l'attaque de mardi qui a fait 25 morts à Sofara, le gouvernement a \
             décrété un deuil national."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(25));
    }

    #[test]
    fn an_earlier_attack_told_last_week_without_a_publication_date_is_apart() {
        // No dateline: "la semaine dernière" cannot be dated.
        let v = incidents(
            "Deux gendarmes ont été tués mardi dans l'attaque de leur poste près de Nara. Le \
             mois dernier, une embuscade semblable avait coûté la vie à sept soldats.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(2));
        assert_eq!(v[1].fatalities.map(|f| f.best), Some(7));
        assert_eq!(v[1].date, None);
        // The phrase may come later in the sentence.
        let v = incidents(
            "Deux gendarmes ont été tués mardi dans l'attaque de leur poste près de Nara. Sept \
             passagers ont d'ailleurs été tués la semaine passée quand leur car a sauté sur une \
             mine.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(2));
        // "il y a deux semaines" of a report, in a sentence revising the toll, is no earlier
        // event.
        let v = incidents(
            "Deux gendarmes ont été tués mardi dans l'attaque de leur poste près de Nara. Le \
             bilan de deux morts révélé il y a deux semaines a été revu à la hausse : cinq \
             gendarmes ont péri.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        // So after a comment on the years before.
        let v = incidents(
            "Deux gendarmes ont été tués mardi dans l'attaque de leur poste près de Nara. Les \
             mines ont tué 80 soldats depuis 2015. Sept passagers ont aussi été tués la semaine \
             dernière quand leur car a sauté sur une mine.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(2));
        // An incident told "la semaine dernière" keeps its body's figure.
        let v = incidents(
            "La semaine dernière, des hommes armés ont attaqué le poste de Nara. Deux gendarmes \
             ont été tués la semaine dernière dans cette attaque, selon un élu.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn the_displaced_and_a_wars_toll_so_far_are_no_dead() {
        // People who fled are counted beside the dead, not with them.
        for text in [
            "Lundi, l'attaque du village de Kokry a fait sept morts et des centaines de déplacés.",
            "Lundi, l'attaque du village de Kokry a fait sept morts et jeté sur les routes 400 \
             personnes déplacées.",
            "Lundi, l'attaque du village de Kokry a fait sept morts. Quelque 250 réfugiés ont \
             gagné Macina.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|f| f.best), Some(7), "{text}");
        }
        // Killed among the displaced, they are dead.
        for text in [
            "Lundi, des hommes armés ont tué cinq déplacés dans le camp de Kokry.",
            "Lundi, dans le camp de Kokry, cinq réfugiés ont été tués par des hommes armés.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|f| f.best), Some(5), "{text}");
        }
        // A war's toll over the years is background.
        let v = incidents(&format!(
            "{DATELINE}Lundi, deux soldats ont été tués près de Nara. Depuis des années, le \
             centre subit des violences ayant fait des centaines de morts et des milliers de \
             déplacés."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|f| f.best), Some(2));
    }

    #[test]
    fn a_running_total_over_a_period_is_no_incidents_toll() {
        for total in [
            "Cela porte à 90 le nombre de soldats tués dans le cadre de cette opération.",
            "L'armée a perdu quelque 90 soldats depuis le début de la crise.",
            "Selon l'ONU, 90 civils ont été tués par des mines au cours du premier semestre 2022.",
            "Depuis qu'elle a été déployée en juillet 2014, cette force est la mission de l'ONU \
             la plus coûteuse en vies humaines, avec plus de 90 soldats tués.",
            "L'armée a perdu 90 hommes, soit le tiers des soldats tués dans la région sur cette \
             période.",
            "L'état-major a annoncé mardi que 90 terroristes avaient été tués depuis le début de \
             l'opération.",
            "D'après le rapport trimestriel des Nations unies, 90 civils ont été tués dans le \
             pays.",
            "Au cours du dernier trimestre, 90 civils ont péri dans des violences, selon l'ONU.",
            "Le porte-parole a indiqué qu'au cours du mois d'avril, 90 militaires ont été tués.",
            "Durant la même période, 90 civils ont perdu la vie, dont douze chasseurs.",
            "En l'espace d'un mois, 90 personnes ont été tuées dans des attaques au centre.",
            "Depuis le début de son déploiement, la force a perdu près de 90 soldats.",
            "Depuis le début de cette année, on compte au moins 90 civils tués.",
            "C'est la mission de paix la plus dangereuse et la plus coûteuse en vies humaines, \
             avec 90 soldats tués.",
            "Près de 90 soldats et civils ont péri en moins de trois semaines dans des attaques \
             semblables.",
            "En l'espace de dix jours, quelque 90 personnes ont été tuées dans la région.",
        ] {
            let v = incidents(&format!(
                "{DATELINE}Lundi, deux soldats ont été tués près de Nara. {total}"
            ));
            assert_eq!(v.len(), 1, "{total} {v:#?}");
            assert_eq!(v[0].fatalities.map(|f| f.best), Some(2), "{total}");
        }
        // A count of deaths in acts, said in the sentence of the day's death.
        let i = one(&format!(
            "{DATELINE}Un Casque bleu a été tué lundi près de Nara, a annoncé la mission, qui \
             dit avoir perdu plus de 90 hommes dans des actes hostiles."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(1), "{i:#?}");
        // The attack's own figure stays, beside the total it brings.
        let i = one(&format!(
            "{DATELINE}Lundi, deux soldats ont été tués près de Nara, ce qui porte à 90 le \
             nombre de soldats tués depuis le début de l'année."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(2));
        // An update of the attack's own toll stays.
        let i = one(&format!(
            "{DATELINE}Lundi, deux soldats ont été tués près de Nara. Le nouveau bilan porte à \
             5 le nombre de soldats tués dans l'attaque."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(5));
        // One event told in the month is an incident of its own.
        let v = incidents(&format!(
            "{DATELINE}Lundi, deux soldats ont été tués près de Nara. Au cours du mois de \
             janvier, une attaque contre le village de Ké-Macina avait fait 12 morts."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].fatalities.map(|f| f.best), Some(12));
        // A fight since its start is not a period.
        let i = one(&format!(
            "{DATELINE}Depuis le début de l'attaque lundi à Nara, cinq soldats ont été tués."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(5));
    }

    #[test]
    fn a_source_named_with_an_apposition_is_not_a_victim() {
        let i = one(&format!(
            "{DATELINE}Deux civils ont été tués lundi à Nara, selon Issa Traoré, un élu local."
        ));
        assert_eq!(i.fatalities.map(|f| (f.low, f.best)), Some((2, 2)));
        // A victim after a place and a comma still counts.
        let i = one(&format!(
            "{DATELINE}Lundi à Nara, un civil a été tué par des hommes armés."
        ));
        assert_eq!(i.fatalities.map(|f| f.best), Some(1));
    }

    #[test]
    fn a_suicide_bomber_who_blows_himself_up_is_dead() {
        let i = one(&format!(
            "{DATELINE}Un kamikaze s'est fait exploser mardi devant la mairie de Niono, blessant deux gardes."
        ));
        let t = i.fatalities.expect("the bomber");
        assert_eq!(t.best, 1);
        assert_eq!(killed(&i, Category::Militants), Some(1));
        let i = one(&format!(
            "{DATELINE}Jeudi, deux kamikazes se sont fait exploser au portail du camp de Léré, tuant un soldat."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
        // The charge he carried, or his belt: the same death, told another way.
        let i = one(&format!(
            "{DATELINE}Un assaillant a fait exploser la charge qu'il portait sur lui, mardi soir, \
             devant le poste de Léré. Un garde a été blessé."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        assert_eq!(i.event_type, EventType::RemoteViolence);
        let i = one(&format!(
            "{DATELINE}Mardi, un jihadiste a fait exploser sa ceinture à l'entrée du camp de Boni, \
             tuant deux soldats."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
        let i = one(&format!(
            "{DATELINE}Mercredi, un kamikaze a été abattu avant d'atteindre le camp de Léré."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        // A bomb set off by others kills nobody by itself.
        let i = one(&format!(
            "{DATELINE}Mercredi, des hommes armés ont attaqué Léré et ont fait exploser le pont, sans faire de victimes."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
    }

    #[test]
    fn deaths_in_an_accident_are_not_a_conflict_toll() {
        let i = one(&format!(
            "{DATELINE}Mardi, des jeunes ont incendié des camions à Diboli, après l'accident qui a \
             causé trois morts à Tambacounda."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        // An attack told next to an accident keeps its own toll.
        let i = one(&format!(
            "{DATELINE}Après un accident sur la route de Kayes, des hommes armés ont attaqué mardi \
             le car et tué deux passagers."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(2));
    }

    #[test]
    fn a_dated_recall_in_the_pluperfect_is_not_the_day_of_an_undated_incident() {
        // A header giving the month only: "dimanche" cannot be dated.
        let v = incidents(
            " date 2021-05\nDouze soldats ont été tués dimanche dans l'attaque d'un poste près \
             de la frontière. Le 3 mars, une attaque contre le camp de Dioura avait coûté la vie \
             à 20 soldats.",
        );
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(12), Some(20)], "{v:#?}");
        // Told in the passé composé, the dated sentence gives the incident its day.
        let i = one(
            " date 2021-05\nDouze soldats ont été tués dans l'attaque d'un poste près de la \
             frontière. Le 3 mai, des hommes armés ont attaqué le poste de Dioura.",
        );
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2021, 5, 3));
        assert!(recalls_in_pluperfect(
            "En mars, douze soldats avaient été tués."
        ));
        assert!(!recalls_in_pluperfect(
            "Un notable a confirmé que douze villageois avaient été tués."
        ));
        assert!(!recalls_in_pluperfect(
            "Il y avait douze soldats dans le poste."
        ));
    }

    #[test]
    fn a_day_followed_by_the_medium_told_is_when_a_source_spoke() {
        // Without "à l'AFP", "dimanche" would date a second incident.
        let i = one(&format!(
            "{DATELINE}Samedi, des hommes armés ont tué douze villageois près de Sofara. Un \
             notable a confirmé dimanche à l'AFP que douze villageois avaient été tués."
        ));
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2023, 3, 11));
    }

    #[test]
    fn reports_of_unknown_category_widen_the_one_named_category_both_ways() {
        // "a dit un habitant, dont le bilan…": the villager is a source, not a dead.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont tiré sur des forains près de Sofara. « Le \
             bilan est de 14 morts », a dit un habitant, dont le bilan a été confirmé par un \
             élu. Le préfet a ensuite parlé de 16 civils tués."
        ));
        let t = i.fatalities.expect("a toll");
        assert_eq!((t.low, t.best, t.high), (14, 16, 16));
    }

    #[test]
    fn a_day_closing_a_reporting_clause_is_when_the_source_spoke() {
        // "jeudi" is the ambush, "vendredi" when the sources spoke.
        let text = format!(
            "{DATELINE}Quatre soldats ont été tués jeudi dans une embuscade près de Ménaka, ont \
             indiqué un officier et un notable vendredi."
        );
        let dated = DatedText::read(&article_from_text("t", text.clone()));
        let reported: Vec<bool> = dated
            .mentions
            .iter()
            .map(|m| is_reporting_date(&text, &m.span))
            .collect();
        assert_eq!(reported, [false, true]);
        let i = one(&text);
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2023, 3, 9));
        // "a indiqué avoir tué mardi": the day of the deed, not of the report.
        let text = "L'armée a indiqué avoir neutralisé mardi six terroristes près de Boni.";
        let dated = DatedText::read(&article_from_text("t", format!("{DATELINE}{text}")));
        let mardi = dated.mentions.last().expect("mardi");
        assert!(!is_reporting_date(
            &format!("{DATELINE}{text}"),
            &mardi.span
        ));
    }

    #[test]
    fn an_embedded_post_dates_a_page_without_a_date() {
        let i = one(
            "Un gendarme a été tué par balle à Niono le 3 juin, un peu après minuit.\n\
             Communiqué du gouvernement : pic.twitter.com/abc\n\
             — Gouvernement (@Gouv) June 4, 2021\n",
        );
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2021, 6, 3));
        assert_eq!(embedded_post_date("(@x) Mai 4, 2021"), None);
        assert_eq!(
            embedded_post_date("— Gouvernement (@Gouv) June 4, 2021\n"),
            NaiveDate::from_ymd_opt(2021, 6, 4)
        );
    }

    #[test]
    fn deaths_without_figure_right_after_an_incident_leave_its_toll_unknown() {
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont attaqué mardi le village de Sangha. Des morts et des \
             blessés sont signalés."
        ));
        assert_eq!(i.fatalities, None);
        // Russian auxiliaries are counted with the mercenaries.
        let i = one(&format!(
            "{DATELINE}Un supplétif russe a été tué mardi par une mine près de Hombori."
        ));
        assert_eq!(killed(&i, Category::Mercenaries), Some(1));
    }

    #[test]
    fn victims_named_by_their_office_or_service_count() {
        for (text, dead) in [
            (
                "Mardi, des hommes armés ont attaqué le poste de douane de Kadiolo, tuant un agent \
                 des douanes.",
                1,
            ),
            (
                "Deux agents des douanes ont été tués mardi près de Kadiolo.",
                2,
            ),
            (
                "Un conseiller municipal a été abattu mardi devant sa maison à Kadiolo.",
                1,
            ),
            (
                "Mardi, un bénévole de la Croix-Rouge a été tué près de Kadiolo.",
                1,
            ),
            // A person named after "un certain" (below: "un certain nombre" is no one).
            (
                "Mardi, des hommes armés sont entrés dans Kadiolo, tuant un certain Moussa \
                 Diarra, conseiller du chef de village.",
                1,
            ),
            // Each group of a coordinated list adds up.
            (
                "Mardi, quatre gendarmes et trois secouristes ont été tués près de Kadiolo.",
                7,
            ),
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.fatalities.map(|t| t.best), Some(dead), "{text}");
        }
        let v = incidents(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le poste de Kadiolo, tuant un certain \
             nombre de gendarmes."
        ));
        assert!(
            v.iter().all(|i| i.fatalities.map(|t| t.best) != Some(1)),
            "{v:#?}"
        );
    }

    #[test]
    fn the_victims_of_an_incident_that_counts_its_wounded_are_those_wounded() {
        let i = one(&format!(
            "{DATELINE}Mardi soir, des bandits ont ouvert le feu sur le poste de douane de \
             Kolondiéba. Trois agents ont été blessés. Outre les victimes, le poste a été pillé."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(0));
        // Without a wounded figure, "les victimes" may be dead: the toll stays unknown.
        let i = one(&format!(
            "{DATELINE}Mardi soir, des bandits ont ouvert le feu sur le poste de douane de \
             Kolondiéba. Les victimes de l'attaque étaient des douaniers."
        ));
        assert_eq!(i.fatalities, None);
    }

    #[test]
    fn army_communique_ways_of_killing() {
        let i = one(&format!(
            "{DATELINE}Mardi, des frappes aériennes près de Boni ont occasionné la \
             neutralisation de 07 terroristes."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(7));
        let i = one(&format!(
            "{DATELINE}Mardi, les FAMa ont repoussé l'attaque du poste de Boni en neutralisant \
             douze assaillants. Deux soldats ont été tués."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(14));
        let i = one(&format!(
            "{DATELINE}Mardi, près de Boni, 05 GAT ont été neutralisés."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(5));
        // The wounded figure between the dead and their side shares it.
        let i = one(&format!(
            "{DATELINE}Mardi, le poste de Boni a été attaqué. Le bilan est de 04 morts et 06 \
             blessés côté FAMa. L'armée a neutralisé une dizaine d'assaillants."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(4));
        assert_eq!(i.fatalities.map(|t| t.best), Some(14));
    }

    #[test]
    fn a_loss_told_by_a_military_speaker_is_soldiers() {
        let i = one(&format!(
            "{DATELINE}Mardi, une patrouille a été attaquée près de Boni. « Nous avons perdu \
             quatre hommes », a dit un officier. Une vingtaine de victimes, morts et blessés \
             confondus, ont été évacuées."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(4));
        assert_eq!(i.fatalities.map(|t| t.best), Some(4));
    }

    #[test]
    fn victims_broken_down_into_dead_and_wounded_count_the_dead() {
        let i = one(&format!(
            "{DATELINE}Mardi, l'attaque du marché de Boni a fait 35 victimes, dont 12 morts et \
             23 blessés."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(12));
        let i = one(&format!(
            "{DATELINE}Mardi, l'explosion au marché de Boni a fait près de 50 victimes, avec 18 \
             décès confirmés par l'hôpital."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(18));
        // Victims that are only the dead stay the toll.
        let i = one(&format!(
            "{DATELINE}Mardi, l'attaque du marché de Boni a fait 14 victimes, dont 5 enfants."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(14));
    }

    #[test]
    fn the_dead_counted_chez_a_side_are_that_sides() {
        let i = one(&format!(
            "{DATELINE}Mardi, l'armée a repoussé une attaque contre le camp de Boni. Les combats \
             ont fait quinze morts chez les assaillants. L'armée a perdu trois soldats."
        ));
        assert_eq!(killed(&i, Category::Militants), Some(15));
        assert_eq!(killed(&i, Category::Soldiers), Some(3));
        assert_eq!(i.fatalities.map(|t| t.best), Some(18));
        // The losses of a side said with a copula are that side's.
        let i = one(&format!(
            "{DATELINE}Mardi, l'armée a repoussé une attaque contre le camp de Boni. Les combats \
             ont fait quinze morts chez les assaillants. Les pertes de l'armée sont de quatre \
             morts."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(4));
        assert_eq!(i.fatalities.map(|t| t.best), Some(19));
    }

    #[test]
    fn the_side_named_after_the_counting_verb_is_the_dead_ones() {
        let i = one(&format!(
            "{DATELINE}Mardi, lors de l'attaque du poste de Boni, trois morts et huit blessés ont \
             été enregistrés dans le camp des FAMa. Du côté des assaillants, sept morts ont été \
             comptés."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(3));
        assert_eq!(killed(&i, Category::Militants), Some(7));
        assert_eq!(i.fatalities.map(|t| t.best), Some(10));
    }

    #[test]
    fn a_figure_the_text_says_was_revised_is_not_the_best() {
        let i = one(&format!(
            "{DATELINE}Neuf soldats ont été tués mardi dans l'attaque du poste de Boni, selon \
             une source sécuritaire. Un précédent bilan de l'armée faisait état de cinq morts."
        ));
        let t = i.fatalities.expect("a toll");
        assert_eq!((t.low, t.best, t.high), (5, 9, 9));
    }

    #[test]
    fn a_sentence_starting_with_another_attack_tells_another_incident() {
        let text = format!(
            "{DATELINE}Lundi, des hommes armés ont tué neuf villageois à Sangha. Une autre \
             attaque a eu lieu lundi également dans un hameau voisin, où deux bergers ont été tués."
        );
        let tolls: Vec<Option<u32>> = incidents(&text)
            .iter()
            .map(|i| i.fatalities.map(|t| t.best))
            .collect();
        assert_eq!(tolls, [Some(9), Some(2)]);
    }

    #[test]
    fn an_official_figure_of_unknown_category_is_the_best_of_one_named_category() {
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont attaqué lundi le village de Sofara. Un élu parlait \
             d'un bilan provisoire de 12 morts. Une source sécuritaire évoquait 30 civils tués. \
             Le gouvernement a fait état d'un bilan officiel de 26 morts."
        ));
        let t = i.fatalities.expect("a toll");
        assert_eq!((t.low, t.best, t.high), (12, 26, 30));
        assert_eq!(i.killed_in(Category::Civilians).map(|t| t.best), Some(26));
    }

    /// The (low, best, high) death toll of the one incident of `text` after the dateline.
    fn toll(text: &str) -> (u32, u32, u32) {
        let t = one(&format!("{DATELINE}{text}"))
            .fatalities
            .expect("a toll");
        (t.low, t.best, t.high)
    }

    #[test]
    fn a_revised_toll_replaces_the_official_figure_it_follows() {
        assert_eq!(
            toll(
                "Lundi, un convoi est tombé dans une embuscade près de Boni. L'état-major a \
                 annoncé un bilan provisoire de 9 soldats tués. Mais ce bilan a évolué : selon \
                 des sources hospitalières, 16 soldats ont péri."
            ),
            (9, 16, 16)
        );
        assert_eq!(
            toll(
                "Lundi, des hommes armés ont attaqué le village de Sofara, tuant sept civils, \
                 selon le gouvernement. Le bilan s'est alourdi mardi : onze civils ont été tués, \
                 selon un élu local."
            ),
            (7, 11, 11)
        );
        // An official figure said after the revision is the latest word.
        assert_eq!(
            toll(
                "Lundi, des hommes armés ont attaqué le village de Sofara. Selon un élu, le bilan \
                 s'est alourdi à 20 morts. Le gouvernement a ensuite fait état de 14 morts."
            ),
            (14, 14, 20)
        );
    }

    #[test]
    fn the_number_of_victims_said_after_a_copula_is_a_toll() {
        // A number of one side, or of the dead, brought up to date: the latest figure.
        for (said, side) in [
            (
                "Le nombre de gendarmes tués dans l'assaut est désormais de 31.",
                Category::Soldiers,
            ),
            (
                "Selon le ministre, le nombre de militaires tombés s'élève maintenant à 31.",
                Category::Soldiers,
            ),
            (
                "Le nombre de morts est passé à 31, selon un élu.",
                Category::Soldiers,
            ),
        ] {
            let i = one(&format!(
                "{DATELINE}Dimanche, des jihadistes ont attaqué la gendarmerie de Macina, \
                 tuant 22 gendarmes. {said}"
            ));
            assert_eq!(killed(&i, side), Some(31), "{said} {i:#?}");
            assert_eq!(
                i.fatalities.map(|t| (t.low, t.high)),
                Some((22, 31)),
                "{said}"
            );
        }
        // Of another side, it adds; of the wounded or of men who fell into an ambush, it is
        // no death.
        let i = one(&format!(
            "{DATELINE}Dimanche, des jihadistes ont attaqué la gendarmerie de Macina, tuant 22 \
             gendarmes. Le nombre d'assaillants tués est de 9, selon l'armée."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(22), "{i:#?}");
        for said in [
            "Le nombre de blessés est de 31.",
            "Le nombre de gendarmes tombés dans l'embuscade est de 31.",
        ] {
            let i = one(&format!(
                "{DATELINE}Dimanche, des jihadistes ont attaqué la gendarmerie de Macina, \
                 tuant 22 gendarmes. {said}"
            ));
            assert_eq!(i.fatalities.map(|t| t.best), Some(22), "{said} {i:#?}");
        }
    }

    #[test]
    fn the_day_a_toll_was_revised_is_no_other_incident() {
        for revision in [
            "Mercredi, un nouveau bilan faisait état de 21 morts.",
            "Ce mercredi, ce bilan a été revu à la hausse. Des sources locales parlent de 21 \
             morts.",
        ] {
            let v = incidents(&format!(
                "{DATELINE}Lundi, des hommes armés ont attaqué un hameau près de Macina, tuant \
                 17 villageois. {revision}"
            ));
            assert_eq!(v.len(), 1, "{revision} {v:#?}");
            assert_eq!(v[0].date.unwrap().to_string(), "2023-03-13", "{revision}");
            assert_eq!(v[0].fatalities.map(|t| t.best), Some(21), "{revision}");
        }
        // Told first, undated, the incident takes the day the revision names.
        let v = incidents(&format!(
            "{DATELINE}Le bilan de l'attaque de Macina est désormais de 21 morts. C'est le \
             nouveau bilan de l'attaque survenue le lundi 13 mars contre le hameau."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].date.unwrap().to_string(), "2023-03-13");
    }

    #[test]
    fn a_total_over_two_strikes_leaves_the_one_without_a_figure_the_rest() {
        let v = incidents(&format!(
            "{DATELINE}Onze civils ont été tués lundi et mardi dans deux frappes de drones \
             près de Léré. La première frappe, lundi soir, a touché un hameau : une famille \
             entière a péri. Mardi matin, une seconde frappe a visé un campement près de \
             Niafunké. Trois bergers ont été tués."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(8), "{v:#?}");
        assert!(v[0].warnings.iter().any(|w| w.contains("leaves")), "{v:#?}");
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(3), "{v:#?}");
        // A total that does not say over how many events stays the first one's.
        let v = incidents(&format!(
            "{DATELINE}Onze civils ont été tués lundi près de Léré. Mardi matin, une frappe a \
             visé un campement près de Niafunké. Trois bergers ont été tués."
        ));
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(11), "{v:#?}");
    }

    #[test]
    fn a_figure_said_again_as_a_revision_is_that_revision() {
        let i = one(
            "Mali : 16 soldats tués dans une embuscade près de Boni\n\nUn convoi est tombé lundi \
             dans une embuscade près de Boni. L'armée a fait état d'un bilan provisoire de 9 \
             soldats tués. Ce bilan a depuis évolué : 16 soldats ont perdu la vie, selon des \
             sources locales.",
        );
        assert_eq!(i.fatalities.map(|t| t.best), Some(16), "{i:#?}");
    }

    #[test]
    fn deaths_told_with_an_adverb_a_possessive_or_a_trade_count() {
        let best = |text: &str| one(&format!("{DATELINE}{text}")).fatalities.map(|t| t.best);
        assert_eq!(
            best("Le maire de la commune a été lâchement assassiné lundi près de Kati."),
            Some(1)
        );
        assert_eq!(
            best(
                "Lundi, un car a été attaqué près de Kati. Un passager est mort sur place. Deux \
                 autres ont finalement succombé à leurs blessures."
            ),
            Some(3)
        );
        assert_eq!(
            best(
                "Lundi, des chasseurs dozos ont repoussé une attaque près de Macina. Ils ont \
                 perdu quatre des leurs."
            ),
            Some(4)
        );
        // "ôter la vie à", as "coûter la vie à".
        assert_eq!(
            best("Mardi, l'explosion d'une mine a ôté la vie à cinq passagers près de Boni."),
            Some(5)
        );
        // A relative joined to a person named in the singular.
        assert_eq!(
            best("Mardi, des hommes armés ont abattu un éleveur et son neveu près de Nara."),
            Some(2)
        );
        assert_eq!(
            best("Mardi, un orpailleur ainsi que sa femme ont été tués près de Kéniéba."),
            Some(2)
        );
        assert_eq!(
            best("Mardi, un éleveur a été tué près de Nara et son troupeau a été emporté."),
            Some(1)
        );
        assert_eq!(
            best(
                "Lundi, des bandits ont attaqué le marché de Kati. L'échange de tirs a causé la \
                 mort d'un boutiquier. Un des ravisseurs a aussi perdu la vie."
            ),
            Some(2)
        );
    }

    #[test]
    fn people_broken_down_after_dont_are_counted_once() {
        assert_eq!(
            toll(
                "Lundi, des hommes armés ont attaqué la foire de Kati. Le bilan fait état de six \
                 personnes tuées, dont deux gendarmes et quatre civils."
            ),
            (6, 6, 6)
        );
        assert_eq!(
            toll("Lundi, une mine a tué sept personnes, dont trois soldats, près de Boni."),
            (7, 7, 7)
        );
        // Past the verb and the place, or told again after "parmi les".
        for text in [
            "Lundi, huit personnes ont été abattues sur le marché de Kati, dont trois policiers \
             et un garde.",
            "Lundi, des hommes armés ont tiré sur le marché de Kati, faisant huit morts. « Parmi \
             les huit personnes, il y a trois policiers et un garde, et des commerçants ont été \
             tués », a dit un témoin.",
        ] {
            assert_eq!(toll(text), (8, 8, 8), "{text}");
        }
        // A "dont" after another figure breaks that one down.
        let i = one(&format!(
            "{DATELINE}Lundi, une attaque à Kati a fait huit personnes tuées et cinq blessées, \
             dont deux graves."
        ));
        assert_eq!(killed(&i, Category::Civilians), Some(8), "{i:#?}");
    }

    #[test]
    fn entre_two_weekdays_dates_an_incident_over_those_days() {
        let i = one(&format!(
            "{DATELINE}Cinq soldats ont été tués entre samedi et dimanche près de Nara."
        ));
        assert_eq!(i.date, NaiveDate::from_ymd_opt(2023, 3, 11));
    }

    #[test]
    fn a_person_named_whose_death_is_told_is_one_dead() {
        let best = |text: &str| one(&format!("{DATELINE}{text}")).fatalities.map(|t| t.best);
        assert_eq!(
            best(
                "Lundi, Dramane Koné, un infirmier du village, a été abattu par des hommes armés \
                 près de Kati. Dramane Koné est mort sur le coup."
            ),
            Some(1)
        );
        // Named among counted dead, the person is one of them.
        assert_eq!(
            best(
                "Lundi, trois civils ont été tués près de Kati. Dramane Koné a été tué devant sa \
                 maison."
            ),
            Some(3)
        );
        // A place or an organisation is never killed.
        assert_eq!(
            best("Lundi, la Garde Nationale a été attaquée près de Kati, sans faire de victime."),
            Some(0)
        );
    }

    #[test]
    fn the_day_someone_learnt_of_an_event_dates_no_incident() {
        let v = incidents(&format!(
            "{DATELINE}Lundi, quatre soldats ont été tués dans une embuscade près de Léré. Le \
             préfet dit avoir été alerté mardi de l'enlèvement de trois commerçants."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn wounded_who_died_since_are_dead() {
        let best = |text: &str| one(&format!("{DATELINE}{text}")).fatalities.map(|t| t.best);
        assert_eq!(
            best(
                "Lundi, un car a sauté sur une mine près de Boni. Deux passagers sont morts sur le \
                 coup et quatre autres ont été blessés, dont l'un est décédé à l'hôpital."
            ),
            Some(3)
        );
        assert_eq!(
            best(
                "Lundi, une embuscade près de Boni a tué deux soldats. Six autres ont été \
                 blessés, dont trois ont succombé depuis."
            ),
            Some(5)
        );
        assert_eq!(
            best(
                "Lundi, une mine a frappé un convoi près de Boni : un soldat tué sur le coup et \
                 cinq blessés graves, sur lesquels un a rendu l'âme à l'hôpital."
            ),
            Some(2)
        );
        // A wounded man in a serious state is still alive.
        assert_eq!(
            best(
                "Lundi, une embuscade près de Boni a tué deux soldats. Six autres ont été \
                 blessés, dont trois grièvement."
            ),
            Some(2)
        );
    }

    #[test]
    fn the_army_mourns_its_own_dead() {
        let i = one(&format!(
            "{DATELINE}Lundi, le camp de Boni a été attaqué. L'armée déplore deux morts. Du côté \
             des assaillants, neuf morts ont été dénombrés."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(2), "{i:#?}");
        assert_eq!(killed(&i, Category::Militants), Some(9));
        assert_eq!(i.fatalities.map(|t| t.best), Some(11));
        // Anyone else's mourning names no side.
        let i = one(&format!(
            "{DATELINE}Lundi, le village de Sofara a été attaqué. Le maire déplore deux morts."
        ));
        assert_eq!(killed(&i, Category::Soldiers), None, "{i:#?}");
    }

    #[test]
    fn an_armed_groups_claim_gives_the_high_end_only() {
        let i = one(&format!(
            "{DATELINE}Mardi, trois soldats ont été tués dans une embuscade près de Boni, selon l'armée. \
             Le groupe jihadiste affirme avoir tué douze soldats et perdu deux combattants."
        ));
        let t = i.fatalities.expect("a toll");
        assert_eq!((t.low, t.best), (3, 3), "{t:?}");
        assert!(t.high >= 12, "{t:?}");
    }

    #[test]
    fn a_vehicle_that_hits_a_mine_is_an_explosion() {
        for text in [
            "Mardi, un camion de l'armée a sauté sur une mine près de Boni.",
            "Mardi, une mine a explosé au passage d'un camion près de Tessalit.",
            "Mardi, un camion-citerne a heurté une mine à 12 km au nord de Bourem.",
            "Mardi, une ambulance a roulé sur une mine antichar près de Léré.",
        ] {
            let i = one(&format!("{DATELINE}{text}"));
            assert_eq!(i.event_type, EventType::RemoteViolence, "{text}");
        }
        // A gold mine is no explosion: the sentence tells no incident.
        assert!(
            incidents(&format!(
                "{DATELINE}Mardi, des orpailleurs ont ouvert une mine d'or près de Kéniéba."
            ))
            .is_empty()
        );
    }

    #[test]
    fn a_day_inside_a_summed_period_is_an_operation_of_its_own() {
        let v = incidents(&format!(
            "{DATELINE}Du 1er au 14 mars, l'armée a neutralisé 30 terroristes dans la région de Mopti. \
             Le 3 mars, une patrouille a neutralisé quatre terroristes près de Boni. \
             Le 9 mars, une frappe aérienne a tué six terroristes près de Hombori."
        ));
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(30), Some(4), Some(6)], "{v:#?}");
        // A month is not a summed period: the day inside it stays one event.
        let v = incidents(&format!(
            "{DATELINE}En février, des combats ont opposé l'armée à des jihadistes près de Boni. \
             Le 12 février, cinq soldats y ont été tués."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn a_sum_over_several_attacks_is_no_incidents_toll() {
        let i = one(&format!(
            "{DATELINE}Mardi, trois soldats ont été tués dans une embuscade près de Boni. \
             Au total, après les deux attaques de la semaine, sept soldats ont été tués."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
    }

    #[test]
    fn a_quoted_person_is_not_a_victim() {
        let i = one(&format!(
            "{DATELINE}Trois gendarmes ont été tués mardi à Diafarabé. \
             Joint par téléphone, un officier de la compagnie a précisé que les corps étaient à Mopti."
        ));
        assert_eq!(i.fatalities.map(|t| (t.low, t.best)), Some((3, 3)));
        let i = one(&format!(
            "{DATELINE}Quatre bergers ont été tués jeudi près de Diafarabé, raconte une habitante."
        ));
        assert_eq!(i.fatalities.map(|t| (t.low, t.best)), Some((4, 4)));
        // Still a victim when the sentence says what happened to the person.
        let i = one(&format!(
            "{DATELINE}Des hommes armés ont attaqué jeudi le poste de Diafarabé, tuant un policier, a indiqué le ministère."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        let i = one(&format!(
            "{DATELINE}Un commerçant a été tué jeudi près de Diafarabé, a indiqué la gendarmerie."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
    }

    #[test]
    fn a_night_attack_after_midnight_is_dated_to_the_second_day() {
        let late = one(&format!(
            "{DATELINE}Dans la nuit du dimanche 12 au lundi 13 mars, vers 3 heures, des hommes armés ont tué deux bergers à Sébékoro."
        ));
        assert_eq!(late.date.unwrap().to_string(), "2023-03-13");
        let dawn = one(&format!(
            "{DATELINE}Dans la nuit du 12 au 13 mars, des hommes armés ont tué deux bergers à Sébékoro. \
             L'attaque a commencé à l'aube."
        ));
        assert_eq!(dawn.date.unwrap().to_string(), "2023-03-13");
        let told_after = one(&format!(
            "{DATELINE}Dans la nuit du 12 au 13 mars, une attaque a visé le village de Sébékoro. \
             Les habitants n'ont pas dormi. \
             Vers 1 heure, des hommes à moto ont encerclé la maison du chef."
        ));
        assert_eq!(told_after.date.unwrap().to_string(), "2023-03-13");
        // Later, after the same night is named again.
        let v = incidents(&format!(
            "{DATELINE}Dans la nuit du 12 au 13 mars, une attaque a visé le village de Sébékoro. \
             Le 2 mars, un autre village avait été attaqué près de Kita. \
             Les élus réclament des renforts. Les habitants de Sébékoro ont veillé dans la nuit \
             du 12 au 13 mars. Vers 1 heure, des hommes à moto ont encerclé la maison du chef."
        ));
        assert_eq!(v[0].date.unwrap().to_string(), "2023-03-13", "{v:#?}");
        // An evening hour, or none, keeps the night's first day.
        let evening = one(&format!(
            "{DATELINE}Dans la nuit du 12 au 13 mars, vers 22 h 30, des hommes armés ont tué deux bergers à Sébékoro."
        ));
        assert_eq!(evening.date.unwrap().to_string(), "2023-03-12");
        let bare = one(&format!(
            "{DATELINE}Dans la nuit du 12 au 13 mars, des hommes armés ont tué deux bergers à Sébékoro."
        ));
        assert_eq!(bare.date.unwrap().to_string(), "2023-03-12");
    }

    #[test]
    fn one_victim_with_an_adjective_before_the_noun() {
        let i = one(&format!(
            "{DATELINE}Mardi soir, un ancien maire de Dioura a été abattu devant sa maison."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        let i = one(&format!(
            "{DATELINE}Mardi, un capitaine de l'armée a été tué dans une embuscade près de Dioura."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        let i = one(&format!(
            "{DATELINE}Un gendarme malien et trois civils ont été tués mardi près de Dioura."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(4));
    }

    #[test]
    fn days_later_open_a_new_incident_dated_from_the_last() {
        let v = incidents(&format!(
            "{DATELINE}Le 2 mars, quatre soldats ont été tués près de Macina. \
             Cinq jours plus tard, deux bergers ont été tués par une mine à Sofara. \
             Le surlendemain, un commerçant a été abattu à Djenné."
        ));
        assert_eq!(v.len(), 3, "{v:#?}");
        assert_eq!(v[1].date.unwrap().to_string(), "2023-03-07");
        assert_eq!(v[2].date.unwrap().to_string(), "2023-03-09");
    }

    #[test]
    fn the_army_counts_its_own_ranks() {
        let i = one(&format!(
            "{DATELINE}L'armée a repoussé mardi une attaque contre son camp de Dioura. \
             Celle-ci fait état de 6 morts dans ses rangs et de 20 assaillants neutralisés."
        ));
        assert_eq!(killed(&i, Category::Soldiers), Some(6));
        assert_eq!(i.fatalities.map(|t| t.best), Some(26));
    }

    #[test]
    fn le_lendemain_opens_a_new_incident() {
        let v = incidents(&format!(
            "{DATELINE}Sept soldats ont été tués lundi près de Niono. \
             Le lendemain, trois civils ont été tués à Dogofry."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].date.unwrap().to_string(), "2023-03-14");
        assert_eq!(killed(&v[1], Category::Civilians), Some(3));
    }

    #[test]
    fn background_is_not_an_incident() {
        let v = incidents(&format!(
            "{DATELINE}Quatre soldats ont été tués lundi dans une embuscade. \
             Le pays est dirigé depuis le coup d'État d'août 2020 par des militaires. \
             En 2019, plus de 400 civils avaient été tués dans la région."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].deaths(), 4);
    }

    #[test]
    fn weekday_conflict_is_a_warning() {
        // 5 March 2023 was a Sunday.
        let i = one("Le lundi 5 mars 2023, douze civils ont été tués à Bandiagara.");
        assert!(
            i.warnings.iter().any(|w| w.contains("lundi")),
            "{:?}",
            i.warnings
        );
        assert_eq!(i.date.unwrap().to_string(), "2023-03-05");
    }

    #[test]
    fn relative_dates_need_a_day_precise_publication() {
        let i = one(&format!(
            "{DATELINE}Hier, cinq civils ont été tués à Kolongo."
        ));
        assert_eq!(i.date.unwrap().to_string(), "2023-03-14");
        // Month-precision header: "hier" cannot be resolved; the month is kept.
        let i = one("date 2023-03 Hier, cinq civils ont été tués à Kolongo.");
        assert_eq!(i.date_precision, DatePrecision::Month);
    }

    #[test]
    fn event_types() {
        let i = one(&format!(
            "{DATELINE}Une frappe de drone a tué lundi 7 jihadistes près de Léré."
        ));
        assert_eq!(i.sub_event_type, "Air/drone strike");
        let i = one(&format!(
            "{DATELINE}Les rebelles ont pris le contrôle de Léré lundi après des combats."
        ));
        assert_eq!(i.sub_event_type, "Non-state actor overtakes territory");
        let i = one(&format!(
            "{DATELINE}Une quinzaine de femmes ont été enlevées lundi près de Tominian."
        ));
        assert_eq!(i.sub_event_type, "Abduction/forced disappearance");
        let i = one(&format!(
            "{DATELINE}Lundi, des manifestants ont défilé à Kayes contre les coupures d'électricité."
        ));
        assert_eq!(i.event_type, EventType::Protests);
    }

    #[test]
    fn victims_taken_then_found_dead_are_killed() {
        let best = |text: &str| one(text).fatalities.map(|t| t.best);
        assert_eq!(
            best("Quatre bergers ont été enlevés jeudi près de Kita et retrouvés morts samedi."),
            Some(4)
        );
        assert_eq!(
            best("Deux chauffeurs ont été kidnappés lundi sur la route de Nioro puis exécutés."),
            Some(2)
        );
        // Other victims, not the same ones.
        assert_ne!(
            best("Trois chauffeurs ont été enlevés lundi près de Nioro, et deux autres tués."),
            Some(3)
        );
    }

    #[test]
    fn soldiers_fallen_in_an_attack_are_killed_not_those_caught_in_an_ambush() {
        let best = |text: &str| one(text).fatalities.map(|t| t.best);
        assert_eq!(
            best("Quatre gendarmes sont tombés lors de l'attaque du poste de Diafarabé."),
            Some(4)
        );
        assert_ne!(
            best("Quatre gendarmes sont tombés dans une embuscade près de Diafarabé."),
            Some(4)
        );
    }

    #[test]
    fn the_wounded_who_die_the_next_day_are_of_their_incident() {
        let v = incidents(&format!(
            "{DATELINE}Quatre civils ont été tués lundi à Bla. Deux autres ont succombé à \
             leurs blessures mardi."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(6));
    }

    #[test]
    fn a_death_told_in_the_present_or_past_an_apposition_counts_once() {
        let best = |text: &str| one(&format!("{DATELINE}{text}")).fatalities.map(|t| t.best);
        // The victim's children are no dead.
        assert_eq!(
            best("Une mère de quatre enfants a été tuée jeudi par des bandits à Bla."),
            Some(1)
        );
        assert_eq!(
            best("Un père de 7 enfants a été abattu lundi près de Bla."),
            Some(1)
        );
        // An apposition between the victim and the verb.
        assert_eq!(
            best("Le chef de village, âgé de 66 ans, a été tué lundi près de Bla."),
            Some(1)
        );
        // The present tense of news.
        assert_eq!(
            best("Lundi à Bla, le commerçant est abattu par des hommes à moto."),
            Some(1)
        );
        assert_eq!(
            best("Lundi à Bla, un bandit atteint par balle meurt sur le coup."),
            Some(1)
        );
        assert_eq!(
            best("Lundi à Bla, trois soldats sont tués par une mine."),
            Some(3)
        );
        // A reflexive verb and a deadly attack tell no count.
        assert_ne!(
            best("Lundi à Bla, une pluie d'obus s'est abattue sur le camp militaire."),
            Some(1)
        );
        assert_ne!(
            best("Lundi à Bla, une attaque meurtrière sème la terreur au marché."),
            Some(1)
        );
    }

    #[test]
    fn a_noun_the_lexicon_lacks_counts_when_its_death_is_told() {
        let best = |text: &str| one(text).fatalities.map(|t| t.best);
        assert_eq!(
            best("Un boutiquier a été abattu vendredi près de Nara."),
            Some(1)
        );
        assert_eq!(
            best("Vendredi, deux orpailleurs ont été égorgés près de Kéniéba."),
            Some(2)
        );
        assert_eq!(
            best("Une quinzaine de bûcherons ont été exécutés samedi près de Tominian."),
            Some(15)
        );
        assert_eq!(
            best("Un jeune tailleur a été tué lundi à Tenenkou."),
            Some(1)
        );
        assert_eq!(
            best("Une dizaine d'artisans ont été tués lundi à Tenenkou."),
            Some(10)
        );
        assert_eq!(
            best("Un chef des chasseurs a été égorgé dimanche près de Bankass."),
            Some(1)
        );
        // A noun the lexicon lists but does not count alone keeps its side.
        let i = one("Un chasseur a été tué dimanche près de Bankass.");
        assert_eq!(killed(&i, Category::Militants), Some(1));
        assert_eq!(i.event_type, EventType::Battles);
        // Things shot down are no dead; a source is no victim.
        assert_ne!(best("Un drone a été abattu samedi près de Kidal."), Some(1));
        assert_eq!(
            best("Selon un boutiquier, deux bergers ont été tués samedi près de Nara."),
            Some(2)
        );
    }

    #[test]
    fn a_follow_up_sentence_recalls_an_earlier_event_with_its_own_dead() {
        // Ségou, Wednesday 15 March 2023: "jeudi" is the 9th; three days before is the 6th.
        let v = incidents(&format!(
            "{DATELINE}Des hommes armés ont tué six bergers jeudi près de Dioura. Cette attaque \
             intervient trois jours après celle de Nampala, où quatre soldats avaient été tués."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(6));
        assert_eq!(v[0].date, NaiveDate::from_ymd_opt(2023, 3, 9));
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(4));
        assert_eq!(v[1].date, NaiveDate::from_ymd_opt(2023, 3, 6));
        // "qui a eu lieu un jour après que …": the day before.
        let v = incidents(&format!(
            "{DATELINE}Des hommes armés ont enlevé jeudi neuf passagers d'un car près de Boni. \
             Nul n'a revendiqué ce rapt, qui a eu lieu un jour après que sept passagers ont été \
             tués lorsqu'un autre car a sauté sur une mine."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(7));
        assert_eq!(v[1].date, NaiveDate::from_ymd_opt(2023, 3, 8));
        // Weeks back give a date to the week; "quelques jours" gives none of its own.
        let v = incidents(&format!(
            "{DATELINE}Lundi, deux gendarmes ont été tués à Macina. L'embuscade survient deux \
             semaines après qu'un engin explosif a tué cinq civils près de Ténenkou."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(5));
        assert_eq!(v[1].date, NaiveDate::from_ymd_opt(2023, 2, 27));
        assert_eq!(v[1].date_precision, DatePrecision::Week);
        let v = incidents(&format!(
            "{DATELINE}Lundi, deux gendarmes ont été tués à Macina. L'embuscade survient \
             quelques jours après une attaque qui a fait sept morts à Ténenkou."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(7));
        assert_ne!(v[1].date, NaiveDate::from_ymd_opt(2023, 3, 13));
        // Without dead of its own, the sentence only comments on the incident.
        let v = incidents(&format!(
            "{DATELINE}Lundi, deux gendarmes ont été tués à Macina. L'embuscade survient deux \
             jours après la visite du ministre dans la région."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn a_lead_over_listed_days_told_apart_in_the_body_is_no_incident() {
        let v = incidents(&format!(
            "{DATELINE}Plusieurs civils ont été tués les 6 et 7 mars dans le cercle de Macina. \
             Le lundi 6 mars, des soldats ont exécuté quatre bergers à Kokry. Le lendemain, \
             mardi 7 mars, six commerçants ont été tués à Monimpébougou."
        ));
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(4), Some(6)], "{v:#?}");
        // With an exact figure of its own, the lead is an incident still (a total dropped
        // elsewhere, or another report).
        let v = incidents(&format!(
            "{DATELINE}Dix civils ont été tués les 6 et 7 mars dans le cercle de Macina. Le \
             lundi 6 mars, des soldats ont exécuté quatre bergers à Kokry."
        ));
        assert!(
            v.iter().any(|i| i.fatalities.map(|t| t.best) == Some(10)),
            "{v:#?}"
        );
    }

    #[test]
    fn a_recall_without_a_figure_gets_the_dead_the_next_sentence_gives_its_noun() {
        // Ségou, Wednesday 15 March 2023: "jeudi" is the 9th; two weeks before, the 23rd.
        let text = |taken_up: &str| {
            format!(
                "{DATELINE}Des hommes armés ont attaqué jeudi le village de Toroli, tuant 23 \
                 habitants. Ce raid survient deux semaines après le massacre de Kéra, dans le \
                 même cercle. {taken_up} avait coûté la vie à 41 villageois. Les autorités ont \
                 promis une enquête."
            )
        };
        let article = article_from_text("test.txt", text("Ce massacre"));
        // Toroli and Kéra, some 40 km apart.
        let towns = [("Toroli", 14.10, -3.50), ("Kéra", 14.30, -3.25)];
        let drafts = extract_with_places(&article, &places_of(&article, &towns)).drafts;
        assert_eq!(drafts.len(), 2, "{drafts:#?}");
        let toroli = &drafts[0].incident;
        assert_eq!(toroli.fatalities.map(|t| t.best), Some(23));
        assert_eq!(toroli.date, NaiveDate::from_ymd_opt(2023, 3, 9));
        let kera = &drafts[1].incident;
        assert_eq!(kera.fatalities.map(|t| t.best), Some(41));
        assert_eq!(kera.date, NaiveDate::from_ymd_opt(2023, 2, 23));
        assert_eq!(kera.date_precision, DatePrecision::Week);
        // "Cette attaque" may be Toroli's: the figure is not given to the recalled massacre.
        let article = article_from_text("test.txt", text("Cette attaque"));
        let drafts = extract_with_places(&article, &places_of(&article, &towns)).drafts;
        assert!(
            drafts
                .iter()
                .all(|d| d.incident.date != NaiveDate::from_ymd_opt(2023, 2, 23)),
            "{drafts:#?}"
        );
    }

    #[test]
    fn hours_later_in_whole_days_date_another_event() {
        // Ségou, Wednesday 15 March 2023: "lundi" is the 13th.
        for (text, day) in [
            (
                "48 heures plus tard, deux bergers ont été tués près de Nara.",
                15,
            ),
            (
                "Notons que 72 heures après ce rapt, deux bergers ont été tués près de Nara.",
                16,
            ),
            (
                "Vingt-quatre heures plus tard, deux bergers ont été tués près de Nara.",
                14,
            ),
        ] {
            let v = incidents(&format!(
                "{DATELINE}Lundi, trois commerçants ont été enlevés près de Nara. {text}"
            ));
            assert_eq!(v.len(), 2, "{text}\n{v:#?}");
            assert_eq!(v[1].date, NaiveDate::from_ymd_opt(2023, 3, day), "{text}");
            assert_eq!(v[1].fatalities.map(|t| t.best), Some(2), "{text}");
        }
    }

    #[test]
    fn an_anaphor_tells_another_event_even_when_the_year_is_unknown() {
        // No dateline and no day: the first incident is undated.
        let v = incidents(
            "Selon l'armée, une vingtaine de terroristes ont été neutralisés à Douentza. Au même \
             moment, deux civils ont été tués par un engin explosif près de Douentza.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(20));
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(2));
        // A sentence that goes on telling the same undated facts stays with them.
        let v = incidents(
            "Jeudi, une patrouille est tombée dans une embuscade près de Konna. L'attaque a fait \
             trois morts.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn a_day_told_inside_the_month_of_a_lead_dates_the_incident() {
        let i = one(
            "Ségou, 30 janvier 2024 (AFP) – Des dizaines de civils ont été tués dans le centre \
             du Mali en janvier 2024. Des hommes armés ont attaqué les villages de Kéréna et de \
             Sobane, dans la région de Mopti, le 27 janvier, tuant 32 personnes.",
        );
        assert_eq!(i.date, Some(NaiveDate::from_ymd_opt(2024, 1, 27).unwrap()));
        // A period ("du 15 au 21 janvier") keeps its first day: a day inside it may be another
        // operation of the period.
        let v = incidents(
            "Ségou, 30 janvier 2024 (AFP) – Du 15 au 21 janvier, l'armée a neutralisé trente \
             terroristes dans la région de Mopti. Le 21 janvier, deux terroristes ont été \
             neutralisés près de Konna.",
        );
        assert_eq!(
            v[0].date,
            Some(NaiveDate::from_ymd_opt(2024, 1, 15).unwrap())
        );
    }

    #[test]
    fn the_aftermath_of_an_incident_goes_on_telling_it() {
        // Bodies gathered the next morning at a morgue: the same dead, counted again.
        let v = incidents(
            "Ségou, 9 juin 2023 (AFP) – Jeudi soir, des hommes armés ont attaqué le village de \
             Sokoura, tuant une dizaine de personnes. Selon un élu, au moins 13 corps ont été \
             rassemblés vendredi matin à la morgue du centre de santé de Bankass.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(13));
        // The assailants who died in the fighting just told add to its dead.
        let v = incidents(&format!(
            "{DATELINE}Lundi, des jihadistes ont attaqué le camp de Léré, tuant un soldat. Un \
             communiqué de l'armée indique par ailleurs que quatre assaillants ont trouvé la \
             mort au cours des combats."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(5));
        // Bodies found a week later, or the next day after another event's opener, are
        // another event's.
        for later in [
            "Le 20 mars, les corps de trois bergers ont été retrouvés près de Dioura.",
            "Le lendemain, les corps de trois bergers ont été retrouvés près de Dioura.",
        ] {
            let v = incidents(&format!(
                "{DATELINE}Lundi 13 mars, des jihadistes ont attaqué le camp de Léré, tuant un \
                 soldat. {later}"
            ));
            assert_eq!(v.len(), 2, "{later}\n{v:#?}");
        }
    }

    #[test]
    fn hours_later_is_the_same_day_and_a_day_before_follows_another_opener() {
        for text in [
            "Ségou, 8 juin 2023 (AFP) – Lundi 5 juin, des hommes armés ont tué quatre éleveurs \
             près de Farabougou. Trois heures plus tard, ils ont incendié un campement voisin, où \
             deux femmes ont péri.",
            "Ségou, 8 juin 2023 (AFP) – Mardi 6 juin, des hommes armés ont tué quatre éleveurs \
             près de Farabougou. Par ailleurs, un jour auparavant, une embuscade contre une \
             patrouille avait fait deux morts près de Diabaly.",
            // An approximation may come first.
            "Ségou, 8 juin 2023 (AFP) – Lundi 5 juin, des hommes armés ont tué quatre éleveurs \
             près de Farabougou. Près de sept heures plus tard, ils ont incendié un campement \
             voisin, où deux femmes ont péri.",
        ] {
            let v = incidents(text);
            assert_eq!(v.len(), 2, "{v:#?}");
            assert_eq!(
                v[1].date,
                Some(NaiveDate::from_ymd_opt(2023, 6, 5).unwrap())
            );
        }
    }

    #[test]
    fn a_sentence_saying_where_the_facts_took_place_places_them() {
        // The sentence belongs to the incident, so the geocoder reads its town.
        let text = format!(
            "{DATELINE}Mardi, une patrouille est tombée dans une embuscade. L'incident a eu lieu \
             vers 10 heures à une vingtaine de kilomètres de Markala. L'attaque aurait été menée \
             par des jihadistes."
        );
        let drafts = extract(&article_from_text("t", text)).drafts;
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].sentences, [0, 1, 2]);
    }

    #[test]
    fn another_event_reported_by_a_source_is_another_incident() {
        let v = incidents(&format!(
            "{DATELINE}Mardi, un véhicule de l'armée a sauté sur une mine près de Léré : deux \
             soldats ont été tués. L'armée signale une deuxième explosion, qui n'a pas fait de \
             victimes."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(0));
        // A recalled explosion in the middle of a sentence is no opener.
        let v = incidents(&format!(
            "{DATELINE}Mardi, un véhicule de l'armée a sauté sur une mine près de Léré : deux \
             soldats ont été tués. Cette mine rappelle une autre explosion survenue l'an dernier."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn an_apposition_or_a_possessive_does_not_hide_a_dead() {
        let i = one(&format!(
            "{DATELINE}Mardi, un gendarme, originaire de Kita, et trois civils ont été tués à Nara."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(4));
        let i = one(&format!(
            "{DATELINE}Mardi, un soldat de la Minusma, de nationalité togolaise, et deux civils \
             ont été tués à Tessalit."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
        let i = one(&format!(
            "{DATELINE}Mardi, des bandits ont attaqué le car d'un commerçant près de Nara. Son \
             apprenti a été tué."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        // A longer aside is no apposition: the figure after it stands alone.
        let i = one(&format!(
            "{DATELINE}Mardi, un gendarme, qui rentrait chez lui après une longue mission dans le \
             nord, et trois civils ont été tués à Nara."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
    }

    #[test]
    fn a_dead_described_in_brackets_or_a_un_soldier_is_counted_once() {
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le poste de Léré. Bilan : un \
             talibé (élève d'une école coranique) de 12 ans a été tué."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1), "{i:#?}");
        let i = one(&format!(
            "Trois Casques bleus tués à Tessalit\n{DATELINE}Trois militaires onusiens ont été \
             tués mardi par une mine près de Tessalit."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
        assert_eq!(killed_sides(&i), [Category::Peacekeepers], "{i:#?}");
    }

    #[test]
    fn these_people_after_a_list_of_sides_are_the_same_dead() {
        let i = one(&format!(
            "Attaque à Kadiolo : un gendarme et deux commerçants tués\n{DATELINE}Lundi, des \
             hommes armés ont attaqué le marché de Kadiolo. Selon le maire, ces trois \
             personnes ont été tuées par balle."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
        // Another figure is more dead.
        let i = one(&format!(
            "Attaque à Kadiolo : un gendarme et deux commerçants tués\n{DATELINE}Lundi, des \
             hommes armés ont attaqué le marché de Kadiolo. Ces quatre personnes ont été tuées \
             par balle."
        ));
        assert_ne!(i.fatalities.map(|t| t.best), Some(3), "{i:#?}");
    }

    #[test]
    fn unnamed_military_sources_speak_for_the_army_when_no_official_does() {
        let i = one(&format!(
            "{DATELINE}Mardi, un car a sauté sur une mine près de Boni. Des sources militaires \
             évoquent 14 morts. Un élu de la commune parle, lui, de plus de 20 morts."
        ));
        let toll = i.fatalities.expect("a toll");
        assert_eq!((toll.low, toll.best), (14, 14), "{i:#?}");
        // The government's figure, given later, is the official one; the military sources
        // told in the pluperfect came before it.
        let i = one(&format!(
            "{DATELINE}Mardi, des hommes armés ont attaqué le poste de Léré. « Le bilan est de \
             neuf gardes tués », a indiqué le gouvernement dans un communiqué. Des sources \
             militaires jointes auparavant avaient fait état de sept morts."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(9), "{i:#?}");
    }

    #[test]
    fn a_device_in_the_next_sentence_is_not_what_the_dead_were() {
        let i = one(&format!(
            "{DATELINE}Mardi, un car de forains a été touché près de Boni. Ce sont onze \
             passagers qui sont morts. Une mine avait été posée sur la piste."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(11), "{i:#?}");
        // In one sentence, a device neutralised still kills nobody.
        let v = incidents(&format!(
            "{DATELINE}Mardi, les FAMa ont neutralisé une mine sur la piste de Boni."
        ));
        assert!(
            v.iter().all(|i| i.fatalities.is_none_or(|t| t.best == 0)),
            "{v:#?}"
        );
    }

    #[test]
    fn a_dated_event_with_its_own_dead_after_an_undated_one_is_another_incident() {
        let v = incidents(&format!(
            "{DATELINE}Un car de voyageurs a été mitraillé dans la commune de Léré, faisant \
             sept morts. Le 11 mars, une attaque kamikaze a visé le camp de Kidal, faisant au \
             moins quatre morts."
        ));
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(7), Some(4)], "{v:#?}");
        assert_eq!(
            v[1].date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-11")
        );
        // The first of the attacks a lead counted together is still told with it.
        let v = incidents(&format!(
            "{DATELINE}Au moins neuf personnes ont été tuées lors d'attaques contre des \
             campements. Une première attaque a ciblé un campement mardi, où six personnes ont \
             été tuées."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        // A dated sentence about the facts just told dates them.
        let v = incidents(&format!(
            "{DATELINE}Un car de voyageurs a été mitraillé près de Léré, faisant sept morts. \
             L'attaque s'est produite le 11 mars, selon le maire."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn a_bare_weekday_and_the_night_that_starts_on_it_are_one_day_without_a_year() {
        // No publication date: weekdays cannot be dated, but still tell days apart.
        let text = "Au moins 12 civils ont été tués dimanche dans le centre du pays. « Dans la \
                    nuit de dimanche à lundi, des hommes armés ont attaqué le village, tuant 12 \
                    civils », a déclaré le maire.";
        let v = incidents(text);
        assert_eq!(v.len(), 1, "{v:#?}");
        let v = incidents(
            "Au moins 12 civils ont été tués dimanche dans le centre du pays. Mercredi, des \
             hommes armés ont attaqué un autre village, tuant 5 civils.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
    }

    #[test]
    fn a_cleft_naming_the_target_places_the_incident_after_commentary() {
        let text = "Douze personnes ont été tuées jeudi 6 mars dans un village du cercle de \
                    Niono. La katiba impose sa loi dans de nombreux villages de la zone. \
                    C'est le village de Sokolo, dans la commune du même nom, qui a été visé.";
        let article = article_from_text("t", text.to_string());
        let drafts = extract(&article).drafts;
        assert_eq!(drafts.len(), 1);
        let last = article.sentences.len() - 1;
        assert!(
            drafts[0].sentences.contains(&last),
            "{:?}",
            drafts[0].sentences
        );
        assert!(names_the_target(
            "C'est au camp de Boni que l'attaque a eu lieu."
        ));
        assert!(!names_the_target("C'est la troisième attaque en un mois."));
    }

    #[test]
    fn this_weekday_after_the_day_named_with_its_date_is_that_day() {
        let v = incidents(
            "Une voiture piégée a explosé ce samedi 28 septembre à l'entrée du camp de \
             Tombouctou, tuant deux civils. Depuis ce samedi après-midi, l'armée fouille la \
             ville ; selon ses responsables, l'attentat est signé Aqmi.",
        );
        assert_eq!(v.len(), 1, "{v:#?}");
        // Two days named with their dates stay two days.
        let v = incidents(
            "Vendredi 29 juillet, une attaque a tué onze civils près de Ménaka. Vendredi 22 \
             juillet, un assaut avait visé le camp de Kati, sans faire de victime.",
        );
        assert_eq!(v.len(), 2, "{v:#?}");
    }

    #[test]
    fn a_total_said_in_headline_and_lead_is_dropped_for_its_parts() {
        let v = incidents(&format!(
            "Six civils tués dans deux attaques près de Gao\n{DATELINE}Au moins six civils ont \
             été tués dans deux attaques distinctes près de Gao. Lundi, des hommes armés ont \
             arrêté un car près de Gao ; après avoir fait descendre tous les passagers, les \
             assaillants ont abattu quatre d'entre eux. Samedi, deux bergers avaient été tués \
             près d'Ansongo."
        ));
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(4), Some(2)], "{v:#?}");
        // The passengers, not the assailants who killed them, are the dead.
        assert_eq!(killed_sides(&v[0]), [Category::Civilians], "{v:#?}");
    }

    #[test]
    fn a_headline_and_lead_total_of_operations_is_dropped_for_the_operations() {
        let v = incidents(&format!(
            "Plus de 25 terroristes neutralisés par l'armée\n{DATELINE}L'armée a mené des \
             opérations aériennes dans le cercle de Niono, neutralisant plus de 25 terroristes. \
             Le 10 mars, une frappe a visé un repaire, entraînant la neutralisation d'une \
             quinzaine de membres armés. Le 12 mars, une seconde frappe a permis l'élimination \
             d'une dizaine d'autres terroristes."
        ));
        let tolls: Vec<Option<u32>> = v.iter().map(|i| i.fatalities.map(|t| t.best)).collect();
        assert_eq!(tolls, [Some(15), Some(10)], "{v:#?}");
        assert_eq!(killed_sides(&v[0]), [Category::Militants], "{v:#?}");
    }

    #[test]
    fn s_en_prendre_a_is_an_attack() {
        let v = incidents(&format!(
            "{DATELINE}Dimanche, des miliciens s'en sont pris au hameau de Sokoura."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
    }

    #[test]
    fn a_reports_running_total_dated_by_the_report_is_no_incident() {
        let v = incidents(&format!(
            "{DATELINE}Mardi, trois bergers ont été tués près de Macina. Une ONG a publié en \
             janvier un rapport faisant état de 240 civils tués au cours de l'année écoulée \
             dans le centre."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(3));
    }

    #[test]
    fn ce_jour_la_goes_on_telling_the_day_just_told() {
        let v = incidents(&format!(
            "{DATELINE}Une attaque a visé lundi le village de Sokoura, faisant une vingtaine de \
             morts. Ce jour-là vers 17 heures, des dizaines d'hommes armés ont attaqué Sokoura. \
             Le bilan provisoire est de 22 civils tués."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(22));
    }

    #[test]
    fn a_reported_clause_may_open_with_le_lendemain() {
        let v = incidents(&format!(
            "{DATELINE}Le lundi 13 mars, des jihadistes ont attaqué un convoi près de Léré, \
             tuant deux soldats. Le communiqué précise que le lendemain, le bilan des combats \
             s'est alourdi avec la mort de cinq militaires."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].date, NaiveDate::from_ymd_opt(2023, 3, 14), "{v:#?}");
    }

    #[test]
    fn the_same_moment_without_a_town_or_event_goes_on_telling_the_incident() {
        let v = incidents(&format!(
            "{DATELINE}Le lundi 13 mars, des jihadistes ont attaqué le camp de Léré, tuant \
             deux soldats. Au même moment, l'armée indique que les assaillants ont abandonné \
             sur le terrain onze corps."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        assert_eq!(killed(&v[0], Category::Militants), Some(11), "{v:#?}");
        assert_eq!(v[0].fatalities.map(|t| t.best), Some(13), "{v:#?}");
        // With a town of its own, the same moment tells another event.
        let v = incidents(&format!(
            "{DATELINE}Le lundi 13 mars, des jihadistes ont attaqué le camp de Léré, tuant \
             deux soldats. Au même moment, des hommes armés ont attaqué le village de Dioura."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
    }

    #[test]
    fn en_parallele_tells_another_event_that_same_day() {
        let v = incidents(&format!(
            "{DATELINE}Lundi, des jihadistes ont attaqué le camp de Boulkessi, tuant trois \
             soldats. En parallèle, le camp de Mondoro a subi une attaque séparée."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].date, v[0].date);
    }

    #[test]
    fn rescuers_and_recalled_dead_are_not_this_incidents_dead() {
        let i = one(&format!(
            "{DATELINE}Mardi, une mine a tué deux civils près de Macina. Quatre gendarmes sont \
             venus porter secours aux victimes."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(2));
        let i = one(&format!(
            "{DATELINE}Quelques jours après l'attaque de Diafarabé, qui avait fait neuf morts, des \
             hommes armés ont tué mardi trois bergers près de Macina."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(3));
        let i = one(&format!(
            "{DATELINE}Mardi, des bandits ont tué un commerçant près du pont où quatre \
             transporteurs avaient été tués l'an dernier."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        // A sentence that only recalls keeps its figure for the recalled incident.
        let v = incidents(&format!(
            "{DATELINE}Mardi, des hommes armés ont tué trois bergers près de Macina. La zone avait \
             été endeuillée par l'attaque de juin 2021, qui avait fait 40 morts."
        ));
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[1].fatalities.map(|t| t.best), Some(40));
        // Dead who are the figure's own are still counted.
        let i = one(&format!(
            "{DATELINE}Mardi, deux gendarmes qui escortaient un convoi ont été tués près de Macina."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(2));
    }

    #[test]
    fn a_feminine_passive_attack_and_a_noun_complement_before_the_verb() {
        let v = incidents(&format!(
            "{DATELINE}Dimanche, la position de l'armée à Farabougou a été attaquée."
        ));
        assert_eq!(v.len(), 1, "{v:#?}");
        let i = one(&format!(
            "{DATELINE}Le commandant de la compagnie de Diabaly a été tué dimanche près de Nampala."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(1));
        // A complement cut by a comma is no longer the noun's.
        let i = one(&format!(
            "{DATELINE}Dimanche, des hommes armés ont attaqué le poste du commandant de Diabaly, \
             qui a été tué près de Nampala avec deux gardes."
        ));
        assert_eq!(i.fatalities.map(|t| t.best), Some(2));
    }
}
