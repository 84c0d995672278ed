//! The extraction lexicons (actors, casualty words, event cues, dating anchors), loaded once
//! from the TOML files in `data/lexicon/` (embedded at build time) and compiled into one
//! Aho–Corasick automaton over folded text.
//!
//! This module finds cue *words*; deciding what they mean together is the job of
//! `tolls`, `events` and `incidents`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::corpus::normalize::fold_key;
use crate::incident::Category;

const ACTORS_TOML: &str = include_str!("../../data/lexicon/actors.toml");
const CASUALTIES_TOML: &str = include_str!("../../data/lexicon/casualties.toml");
const EVENTS_TOML: &str = include_str!("../../data/lexicon/events.toml");
const ANCHORS_TOML: &str = include_str!("../../data/lexicon/anchors.toml");
const SEGMENTATION_TOML: &str = include_str!("../../data/lexicon/segmentation.toml");

/// The words that steer segmentation (`data/lexicon/segmentation.toml`), already folded.
#[derive(Debug, Deserialize)]
pub struct SegmentationWords {
    /// Sentence openings dating a new event from the current one, and by how many days.
    pub anaphors: Vec<Anaphor>,
    /// Sentence openings announcing another event.
    pub elsewhere: Vec<String>,
    /// Sentence starts naming another event of the kind just told ("une autre attaque …").
    pub another_event_openers: Vec<String>,
    /// Phrases tying the incident told to another, earlier one ("fait suite à une autre
    /// attaque"): a sentence with them that counts dead counts that other event's.
    pub follows_another: Vec<String>,
    /// Sentence starts putting an event earlier than the incident told, without a day the
    /// text can date ("la semaine dernière" without a publication date): a sentence opening
    /// with one that counts dead tells that earlier event.
    pub earlier_openers: Vec<String>,
    /// The army's operation after an attack (sweeps, air strikes, pursuit): a sentence with
    /// one that counts only militants dead tells that operation, apart from the attack.
    pub follow_up: Vec<String>,
    /// Phrases telling what followed the incident just told (bodies gathered or found, the
    /// fighting it was): a sentence with them, dated that day or the next, goes on telling it.
    pub aftermath: Vec<String>,
    /// Parts of a day that put another event on the current incident's day.
    pub same_day: Vec<String>,
    /// Words saying a death figure sums several events.
    pub totals: Vec<String>,
    /// Words before a date that make it a report's date.
    pub reporting: Vec<String>,
    /// Words right after a date that make it a report's date ("… dimanche à l'AFP").
    pub told_to: Vec<String>,
    pub tells_when_openers: Vec<String>,
    /// Sentence openings that say where the facts just told happened.
    pub tells_where_openers: Vec<String>,
    pub tells_when_verbs: Vec<String>,
    /// Words before an actor that make it a parent organisation.
    pub affiliation: Vec<String>,
}

/// "Le lendemain": a phrase and its offset in days from the current event.
#[derive(Debug, Deserialize)]
pub struct Anaphor {
    pub phrase: String,
    pub days: i64,
}

impl SegmentationWords {
    /// Parses the file; phrases are kept as written (they are folded already, and a trailing
    /// space is meaningful).
    pub fn from_toml(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| format!("segmentation.toml: {e}"))
    }
}

/// The segmentation words, parsed on first use.
pub fn segmentation_words() -> &'static SegmentationWords {
    static WORDS: LazyLock<SegmentationWords> = LazyLock::new(|| {
        SegmentationWords::from_toml(SEGMENTATION_TOML)
            .expect("embedded segmentation.toml is valid (checked by tests)")
    });
    &WORDS
}

/// What an actor is, for perpetrator/target guesses and map colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    State,
    Jihadist,
    Rebel,
    Mercenary,
    Foreign,
    Un,
    Militia,
}

impl ActorKind {
    /// Non-state armed groups: the usual perpetrators of attacks in the corpus.
    pub fn is_armed_group(self) -> bool {
        matches!(
            self,
            ActorKind::Jihadist | ActorKind::Rebel | ActorKind::Militia
        )
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct ActorDef {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub parent: Option<String>,
    pub aliases: Vec<String>,
}

/// A known event dating an article; `all` holds folded phrases.
#[derive(Debug, Clone, Deserialize)]
pub struct AnchorDef {
    pub label: String,
    pub year: i32,
    pub all: Vec<String>,
}

/// Outcome of violence for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Killed,
    Wounded,
    Captured,
    Missing,
}

impl Outcome {
    pub fn field(self) -> &'static str {
        match self {
            Outcome::Killed => "fatalities",
            Outcome::Wounded => "wounded",
            Outcome::Captured => "captured",
            Outcome::Missing => "missing",
        }
    }
}

/// Event cue families (see data/lexicon/events.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventCue {
    Attack,
    Clash,
    Massacre,
    MilitaryTarget,
    Territory,
    Abduction,
    Ied,
    AirStrike,
    Shelling,
    Suicide,
    Protest,
    Riot,
    Looting,
    Blockade,
    Background,
}

impl EventCue {
    /// Cues that make a sentence tell a violent (or protest) event.
    pub fn is_event(self) -> bool {
        !matches!(self, EventCue::Background | EventCue::MilitaryTarget)
    }
}

/// One meaning of a matched phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Victim(Category),
    Outcome(Outcome),
    Source(&'static str),
    Event(EventCue),
    Actor(u16),
    /// "sans faire de victimes", "aucune perte en vie humaine": the text says nobody died.
    NoDeath,
    /// "aucun bilan n'était disponible": the text says the toll is not known.
    TollUnknown,
    /// "une attaque meurtrière", "de lourdes pertes": deaths without a figure.
    DeathsWithoutFigure,
}

/// A cue found in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueMatch {
    pub cue: Cue,
    /// Byte range in the folded text.
    pub range: Range<usize>,
}

pub struct Lexicon {
    automaton: AhoCorasick,
    meanings: Vec<Vec<Cue>>,
    pub actors: Vec<ActorDef>,
    pub anchors: Vec<AnchorDef>,
    /// Folded phrases of every anchor, for whole-word checks.
    actor_index: HashMap<String, u16>,
    /// Folded nouns of things a killing verb can take as object ("neutraliser un engin
    /// explosif", "abattre un drone"): then the verb kills nobody.
    pub devices: Vec<String>,
}

#[derive(Deserialize)]
struct ActorsFile {
    actor: Vec<ActorDef>,
}

#[derive(Deserialize)]
struct CasualtiesFile {
    victims: HashMap<String, Vec<String>>,
    outcomes: HashMap<String, Vec<String>>,
    sources: HashMap<String, Vec<String>>,
    #[serde(default)]
    no_deaths: Vec<String>,
    #[serde(default)]
    toll_unknown: Vec<String>,
    #[serde(default)]
    deaths_without_figure: Vec<String>,
    #[serde(default)]
    devices: Vec<String>,
}

#[derive(Deserialize)]
struct AnchorsFile {
    anchor: Vec<AnchorDef>,
}

/// The lexicon, parsed and compiled on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        Lexicon::from_toml(ACTORS_TOML, CASUALTIES_TOML, EVENTS_TOML, ANCHORS_TOML)
            .expect("embedded lexicon files are valid (checked by tests)")
    });
    &LEXICON
}

fn category_named(name: &str) -> Option<Category> {
    Category::ALL.into_iter().find(|c| c.as_str() == name)
}

fn outcome_named(name: &str) -> Option<Outcome> {
    Some(match name {
        "killed" => Outcome::Killed,
        "wounded" => Outcome::Wounded,
        "captured" => Outcome::Captured,
        "missing" => Outcome::Missing,
        _ => return None,
    })
}

fn event_cue_named(name: &str) -> Option<EventCue> {
    Some(match name {
        "attack" => EventCue::Attack,
        "clash" => EventCue::Clash,
        "massacre" => EventCue::Massacre,
        "military_target" => EventCue::MilitaryTarget,
        "territory" => EventCue::Territory,
        "abduction" => EventCue::Abduction,
        "ied" => EventCue::Ied,
        "air_strike" => EventCue::AirStrike,
        "shelling" => EventCue::Shelling,
        "suicide" => EventCue::Suicide,
        "protest" => EventCue::Protest,
        "riot" => EventCue::Riot,
        "looting" => EventCue::Looting,
        "blockade" => EventCue::Blockade,
        "background" => EventCue::Background,
        _ => return None,
    })
}

/// Source labels are few and fixed; leaking them gives `&'static str` cues.
fn source_label(name: &str) -> &'static str {
    match name {
        "official" => "official",
        "military" => "military sources",
        "separatists" => "separatists",
        "jihadists" => "jihadists",
        "local" => "local sources",
        "media" => "media",
        "un" => "UN / NGOs",
        _ => "other",
    }
}

impl Lexicon {
    pub fn from_toml(
        actors: &str,
        casualties: &str,
        events: &str,
        anchors: &str,
    ) -> Result<Self, String> {
        let actors: ActorsFile = toml::from_str(actors).map_err(|e| format!("actors.toml: {e}"))?;
        let casualties: CasualtiesFile =
            toml::from_str(casualties).map_err(|e| format!("casualties.toml: {e}"))?;
        let events: HashMap<String, Vec<String>> =
            toml::from_str(events).map_err(|e| format!("events.toml: {e}"))?;
        let anchors: AnchorsFile =
            toml::from_str(anchors).map_err(|e| format!("anchors.toml: {e}"))?;

        let mut phrases: HashMap<String, Vec<Cue>> = HashMap::new();
        let mut add = |phrase: &str, cue: Cue| {
            let key = fold_key(phrase);
            if key.is_empty() {
                return;
            }
            let cues = phrases.entry(key).or_default();
            if !cues.contains(&cue) {
                cues.push(cue);
            }
        };
        for (name, words) in &casualties.victims {
            let cat =
                category_named(name).ok_or(format!("casualties.toml: unknown category {name}"))?;
            words.iter().for_each(|w| add(w, Cue::Victim(cat)));
        }
        for (name, words) in &casualties.outcomes {
            let o =
                outcome_named(name).ok_or(format!("casualties.toml: unknown outcome {name}"))?;
            words.iter().for_each(|w| add(w, Cue::Outcome(o)));
        }
        for (name, words) in &casualties.sources {
            let label = source_label(name);
            words.iter().for_each(|w| add(w, Cue::Source(label)));
        }
        casualties
            .no_deaths
            .iter()
            .for_each(|w| add(w, Cue::NoDeath));
        casualties
            .toll_unknown
            .iter()
            .for_each(|w| add(w, Cue::TollUnknown));
        casualties
            .deaths_without_figure
            .iter()
            .for_each(|w| add(w, Cue::DeathsWithoutFigure));
        for (name, words) in &events {
            let c =
                event_cue_named(name).ok_or(format!("events.toml: unknown cue family {name}"))?;
            words.iter().for_each(|w| add(w, Cue::Event(c)));
        }
        let mut actor_index = HashMap::new();
        for (i, a) in actors.actor.iter().enumerate() {
            let id = u16::try_from(i).map_err(|_| "too many actors".to_string())?;
            actor_index.insert(a.name.clone(), id);
            add(&a.name, Cue::Actor(id));
            a.aliases.iter().for_each(|w| add(w, Cue::Actor(id)));
        }
        for a in &actors.actor {
            if let Some(p) = &a.parent
                && !actor_index.contains_key(p)
            {
                return Err(format!("actors.toml: {} has unknown parent {p}", a.name));
            }
        }
        let mut keys: Vec<(String, Vec<Cue>)> = phrases.into_iter().collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(keys.iter().map(|(k, _)| k.as_str()))
            .map_err(|e| e.to_string())?;
        Ok(Lexicon {
            automaton,
            meanings: keys.into_iter().map(|(_, c)| c).collect(),
            actors: actors.actor,
            // Folded once here, not on every article.
            anchors: anchors
                .anchor
                .into_iter()
                .map(|a| AnchorDef {
                    all: a.all.iter().map(|p| fold_key(p)).collect(),
                    ..a
                })
                .collect(),
            actor_index,
            devices: casualties.devices.iter().map(|d| fold_key(d)).collect(),
        })
    }

    /// Every cue in `folded` on word boundaries, overlapping matches included, sorted by start.
    pub fn scan(&self, folded: &str) -> Vec<CueMatch> {
        let bytes = folded.as_bytes();
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(folded) {
            let (s, e) = (m.start(), m.end());
            let left_ok = s == 0 || bytes[s - 1] == b' ';
            let right_ok = e == bytes.len() || bytes[e] == b' ';
            if !(left_ok && right_ok) {
                continue;
            }
            for &cue in &self.meanings[m.pattern().as_usize()] {
                out.push(CueMatch { cue, range: s..e });
            }
        }
        out.sort_by_key(|c| (c.range.start, std::cmp::Reverse(c.range.end)));
        out
    }

    pub fn actor(&self, id: u16) -> &ActorDef {
        &self.actors[id as usize]
    }

    pub fn actor_id(&self, name: &str) -> Option<u16> {
        self.actor_index.get(name).copied()
    }

    /// True when the whole folded phrase occurs in `folded` on word boundaries.
    pub fn contains_phrase(folded: &str, phrase: &str) -> bool {
        let bytes = folded.as_bytes();
        folded.match_indices(phrase).any(|(s, _)| {
            let e = s + phrase.len();
            (s == 0 || bytes[s - 1] == b' ') && (e == bytes.len() || bytes[e] == b' ')
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::normalize::fold_key;

    fn cues(text: &str) -> Vec<(String, Cue)> {
        let f = fold_key(text);
        lexicon()
            .scan(&f)
            .into_iter()
            .map(|m| (f[m.range.clone()].to_string(), m.cue))
            .collect()
    }

    #[test]
    fn embedded_lexicon_parses() {
        let l = lexicon();
        assert!(l.actors.len() >= 20);
        assert!(l.actor_id("JNIM").is_some());
        assert!(!l.anchors.is_empty());
    }

    #[test]
    fn segmentation_words_parse_and_are_folded() {
        let w = segmentation_words();
        assert!(
            w.anaphors
                .iter()
                .any(|a| a.phrase == "le lendemain" && a.days == 1)
        );
        for phrase in w
            .elsewhere
            .iter()
            .chain(&w.another_event_openers)
            .chain(&w.follows_another)
            .chain(&w.earlier_openers)
            .chain(&w.follow_up)
            .chain(&w.aftermath)
            .chain(&w.same_day)
            .chain(&w.totals)
            .chain(&w.reporting)
            .chain(&w.told_to)
            .chain(&w.tells_when_openers)
            .chain(&w.tells_where_openers)
            .chain(&w.tells_when_verbs)
            .chain(&w.affiliation)
            .chain(w.anaphors.iter().map(|a| &a.phrase))
        {
            assert_eq!(
                fold_key(phrase).trim(),
                phrase.trim(),
                "{phrase:?} is not folded"
            );
        }
        assert!(SegmentationWords::from_toml("anaphors = 3").is_err());
    }

    #[test]
    fn finds_actors_by_alias_on_folded_text() {
        let found = cues("Les hommes du Groupe de soutien à l’Islam et aux musulmans ont frappé.");
        let jnim = lexicon().actor_id("JNIM").unwrap();
        assert!(found.iter().any(|(_, c)| *c == Cue::Actor(jnim)));
        let found = cues("L'ÉTAT ISLAMIQUE AU SAHEL revendique");
        let eigs = lexicon().actor_id("EIGS").unwrap();
        assert!(found.iter().any(|(_, c)| *c == Cue::Actor(eigs)));
    }

    #[test]
    fn whole_words_only() {
        // "mine" must not fire inside "minerai", nor "raid" inside "raide".
        let found = cues("Le minerai extrait de la colline raide.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn one_phrase_can_have_several_meanings() {
        let found = cues("Trois morts");
        assert!(found.contains(&("morts".into(), Cue::Victim(Category::Unknown))));
        assert!(found.contains(&("morts".into(), Cue::Outcome(Outcome::Killed))));
    }

    #[test]
    fn bad_lexicon_is_an_error_not_a_panic() {
        let err = Lexicon::from_toml("actor = 3", CASUALTIES_TOML, EVENTS_TOML, ANCHORS_TOML);
        assert!(err.is_err());
        let err = Lexicon::from_toml(
            ACTORS_TOML,
            "[victims]\nrobots = [\"x\"]\n[outcomes]\n[sources]\n",
            EVENTS_TOML,
            ANCHORS_TOML,
        );
        assert!(err.err().is_some_and(|e| e.contains("robots")));
    }
}
