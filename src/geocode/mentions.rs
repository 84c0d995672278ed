//! Finding place mentions in folded text: gazetteer names (one Aho–Corasick automaton over every
//! folded name, leftmost-longest on word boundaries), foreign places, directional areas of Mali,
//! "région de X" / "cercle de X" cues, distances ("à 30 km au nord de Gao") and capitalised
//! unknown words after locative cues (for the fuzzy look-up).
//!
//! Rejection rules, each tested: lowercase mentions; stop-listed words; words inside an actor's
//! name ("Katiba du Macina") or right after "katiba" ("la katiba Serma"); a capitalised word
//! right after a title or first name (a person: "Amadou Kouffa") or a nickname cue ("dit
//! Bobala"); a country name after a river cue ("le fleuve Niger").

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use serde::Deserialize;

use crate::corpus::normalize::{Folded, fold_key};

const PLACES_TOML: &str = include_str!("../../data/lexicon/places.toml");

#[derive(Debug, Deserialize)]
pub struct AreaDef {
    pub phrases: Vec<String>,
    pub label: String,
    pub regions: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ForeignDef {
    countries: Vec<String>,
    cities: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PlacesFile {
    foreign: ForeignDef,
    river_cues: Vec<String>,
    stoplist: Vec<String>,
    person_cues: Vec<String>,
    #[serde(default)]
    surnames: Vec<String>,
    locative_cues: Vec<String>,
    area: Vec<AreaDef>,
    #[serde(default)]
    french_names: std::collections::HashMap<String, String>,
}

/// The geocoder's word lists (data/lexicon/places.toml), folded.
pub struct PlaceLexicon {
    pub foreign_countries: HashSet<String>,
    pub foreign_cities: HashSet<String>,
    pub river_cues: Vec<String>,
    pub stoplist: HashSet<String>,
    pub person_cues: HashSet<String>,
    /// Family names: the word before one is a first name.
    pub surnames: HashSet<String>,
    pub locative_cues: Vec<String>,
    /// The cues with a space on each side, for suffix tests on folded text.
    locative_cues_spaced: Vec<String>,
    pub areas: Vec<AreaDef>,
    /// Display names in French for GeoNames main names ("Timbuktu" → "Tombouctou").
    pub french_names: std::collections::HashMap<String, String>,
    /// Foreign names and area phrases: pattern i < foreign.len() is foreign, else an area.
    special: AhoCorasick,
    special_kinds: Vec<Special>,
}

#[derive(Debug, Clone, Copy)]
enum Special {
    Foreign,
    Area(usize),
}

/// The French display name of a gazetteer name, or the name itself.
pub fn french_name(name: &str) -> &str {
    place_lexicon()
        .french_names
        .get(name)
        .map_or(name, String::as_str)
}

pub fn place_lexicon() -> &'static PlaceLexicon {
    static LEX: LazyLock<PlaceLexicon> = LazyLock::new(|| {
        PlaceLexicon::from_toml(PLACES_TOML).expect("embedded places.toml is valid (tested)")
    });
    &LEX
}

impl PlaceLexicon {
    pub fn from_toml(src: &str) -> Result<Self, String> {
        let f: PlacesFile = toml::from_str(src).map_err(|e| format!("places.toml: {e}"))?;
        let fold_all = |v: &[String]| v.iter().map(|s| fold_key(s)).collect::<Vec<_>>();
        let countries = fold_all(&f.foreign.countries);
        let cities = fold_all(&f.foreign.cities);
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        for p in countries.iter().chain(cities.iter()) {
            patterns.push(p.clone());
            kinds.push(Special::Foreign);
        }
        for (i, a) in f.area.iter().enumerate() {
            for p in &a.phrases {
                patterns.push(fold_key(p));
                kinds.push(Special::Area(i));
            }
        }
        let special = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(PlaceLexicon {
            foreign_countries: countries.into_iter().collect(),
            foreign_cities: cities.into_iter().collect(),
            river_cues: fold_all(&f.river_cues),
            stoplist: fold_all(&f.stoplist).into_iter().collect(),
            person_cues: fold_all(&f.person_cues)
                .into_iter()
                .chain(fold_all(&f.surnames))
                .collect(),
            surnames: fold_all(&f.surnames).into_iter().collect(),
            locative_cues: fold_all(&f.locative_cues),
            locative_cues_spaced: fold_all(&f.locative_cues)
                .into_iter()
                .map(|c| format!(" {c} "))
                .collect(),
            areas: f.area,
            french_names: f.french_names,
            special,
            special_kinds: kinds,
        })
    }
}

/// What a mention refers to, before disambiguation.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// Gazetteer places sharing this folded name.
    Named(Vec<u32>),
    /// Not in the gazetteer; close names by edit distance (filled by the geocoder).
    Unknown,
    Foreign,
    /// Directional area of Mali (index into `PlaceLexicon::areas`).
    Area(usize),
}

/// How the text qualifies a mention.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Qualifier {
    /// "région de X"
    pub region: bool,
    /// "cercle de X"
    pub cercle: bool,
    /// "les cercles de X, Y et Z": a name of such a list (also `cercle`).
    pub cercle_list: bool,
    /// "commune de X", "arrondissement de X": the administrative context of the villages a
    /// text names, the event's place only when nothing finer is named.
    pub commune: bool,
    /// "la province du Soum", "le département de Tillabéri": administrative units Mali does
    /// not have, so the name is abroad whatever Malian homonym the gazetteer holds.
    pub foreign_admin: bool,
    /// "le maire de X", "évacués vers l'hôpital de X", "venant de X": the town of a quoted
    /// source, a journey's origin or destination; never the event's place.
    pub context: bool,
    /// "à 30 km (au nord) de X": distance in km and bearing in degrees.
    pub distance_km: Option<f64>,
    pub bearing: Option<f64>,
    /// "au nord-est de X" with no distance: somewhere in that direction from X.
    pub direction_only: bool,
    /// Preceded by "au"/"en" (country cue) — used for border towns and countries.
    pub country_cue: bool,
    /// "le Macina", "du Gourma", "au Sahel": a definite article, which a natural region takes
    /// and a town does not ("à Macina").
    pub definite_article: bool,
    /// Followed by a foreign country ("Djibo, au Burkina Faso", "Tessit (Niger)"): a border
    /// town on the other side.
    pub foreign_country_after: bool,
    /// "Dioura (centre)", "Kidal (nord-est)": the part of Mali said in brackets right after
    /// the name, an index into [`PlaceLexicon::areas`].
    pub area_beside: Option<usize>,
    /// "un convoi allant de Gao à Kidal": an end of a journey (also `context`; the geocoder
    /// lets it place the event when the sentence names no other town).
    pub itinerary: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Folded name.
    pub key: String,
    pub kind: MentionKind,
    pub qualifier: Qualifier,
}

/// Gazetteer names compiled for matching.
pub struct NameMatcher {
    automaton: AhoCorasick,
    places: Vec<Vec<u32>>,
}

impl NameMatcher {
    pub fn new<'a>(keys: impl Iterator<Item = (&'a str, &'a [u32])>) -> Self {
        let mut names = Vec::new();
        let mut places = Vec::new();
        for (k, p) in keys {
            // Two-letter names ("Ba", "Do") are noise in running text.
            if k.len() < 3 {
                continue;
            }
            names.push(k.to_string());
            places.push(p.to_vec());
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .unwrap_or_else(|_| {
                AhoCorasick::new(Vec::<String>::new()).expect("empty automaton builds")
            });
        NameMatcher { automaton, places }
    }

    /// The places of `key` when it is a whole gazetteer name (the longest match at its start
    /// covers it all).
    fn exact(&self, key: &str) -> Option<&[u32]> {
        let m = self.automaton.find(key)?;
        (m.start() == 0 && m.end() == key.len())
            .then(|| self.places[m.pattern().as_usize()].as_slice())
    }

    /// Gazetteer names on word boundaries, leftmost-longest; a match inside a word does not
    /// hide a real one that starts later.
    pub fn find(&self, folded: &str) -> Vec<(Range<usize>, &[u32])> {
        let bytes = folded.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < folded.len() {
            let Some(m) = self
                .automaton
                .find(Input::new(folded).span(pos..folded.len()))
            else {
                break;
            };
            let (s, e) = (m.start(), m.end());
            let starts_word = s == 0 || bytes[s - 1] == b' ';
            let ok = starts_word && (e == bytes.len() || bytes[e] == b' ');
            // "Gourma Rharouss": the longest name at a word's start ("gourma rharous") ends
            // inside a word; a shorter one ending on a word's end ("gourma") is still a name.
            let shorter = || {
                folded[s..e]
                    .rmatch_indices(' ')
                    .map(|(i, _)| s + i)
                    .find_map(|end| Some((end, self.exact(&folded[s..end])?)))
            };
            if ok {
                out.push((s..e, self.places[m.pattern().as_usize()].as_slice()));
                pos = e;
            } else if let Some((end, places)) = starts_word.then(shorter).flatten() {
                out.push((s..end, places));
                pos = end;
            } else {
                // Resume at the next word start after this match's start.
                pos = match folded[s..].find(' ') {
                    Some(i) => s + i + 1,
                    None => break,
                };
            }
        }
        out
    }
}

/// Every place mention of `text`, in order, not overlapping.
/// `excluded` are original ranges that cannot hold places (actor names).
pub fn find_mentions(
    text: &str,
    folded: &Folded,
    names: &NameMatcher,
    excluded: &[Range<usize>],
) -> Vec<Mention> {
    let lex = place_lexicon();
    let f = folded.text.as_str();
    let fb = f.as_bytes();
    let mut found: Vec<(Range<usize>, MentionKind)> = Vec::new();

    // Foreign places and areas first: they win over gazetteer homonyms ("Niger", "Paris").
    for m in lex.special.find_iter(f) {
        let (s, e) = (m.start(), m.end());
        if !((s == 0 || fb[s - 1] == b' ') && (e == fb.len() || fb[e] == b' ')) {
            continue;
        }
        match lex.special_kinds[m.pattern().as_usize()] {
            Special::Foreign => found.push((s..e, MentionKind::Foreign)),
            Special::Area(i) => found.push((s..e, MentionKind::Area(i))),
        }
    }
    // Which folded bytes a mention already covers, and where mentions end: overlap and
    // list-continuation checks in O(1), so a long text costs linear time.
    let mut covered = vec![false; fb.len() + 1];
    let mut ends = vec![false; fb.len() + 2];
    for (r, k) in &found {
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
        if !matches!(k, MentionKind::Area(_)) {
            ends[r.end] = true;
        }
    }
    // "Amalaou-laou", "Tin-Hama": a hyphenated name that the gazetteer writes as one word.
    // It wins over a shorter name matched on its first part.
    for r in hyphenated_names(text, folded) {
        let joined: String = f[r.clone()].split(' ').collect();
        if joined.len() < 6
            || covered[r.clone()].iter().any(|c| *c)
            || names.exact(&f[r.clone()]).is_some()
        {
            continue;
        }
        if let Some(places) = names.exact(&joined) {
            covered[r.clone()].iter_mut().for_each(|c| *c = true);
            ends[r.end] = true;
            found.push((r, MentionKind::Named(places.to_vec())));
        } else if unknown_after_a_hyphen(text, folded, names, r.clone()) {
            // "Tin-Agagui": one name the gazetteer lacks, not the village "Tin" of Ségou.
            covered[r.clone()].iter_mut().for_each(|c| *c = true);
            ends[r.end] = true;
            found.push((r, MentionKind::Unknown));
        }
    }
    for (r, places) in names.find(f) {
        if covered[r.clone()].iter().any(|c| *c) {
            continue;
        }
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
        ends[r.end] = true;
        found.push((r, MentionKind::Named(places.to_vec())));
    }
    // Capitalised unknown words after a locative cue: candidates for the fuzzy look-up.
    for (s, e) in words(f) {
        if covered[s..e].iter().any(|c| *c) {
            continue;
        }
        let orig = folded.original_range(s..e);
        let w = &text[orig.clone()];
        if w.chars().count() < 5 || !starts_upper(w) {
            continue;
        }
        let before = &f[..s];
        let after_cue = lex
            .locative_cues_spaced
            .iter()
            .any(|c| before.ends_with(c.as_str()) || c.get(1..) == Some(before));
        // "Aguelhok, Tessalit, Tinzawaten": a list that continues a place mention. (Not "le
        // chef de la mission au Mali, Mongi Hamdi, a …": an unknown word before a capitalised
        // word that is no place opens a person's name in apposition.)
        let continues_list = s > 0
            && ends[s - 1]
            && !(next_is_capitalised_word(text, orig.end) && {
                let gap = f[e..].len() - f[e..].trim_start().len();
                !covered.get(e + gap).is_some_and(|c| *c)
            });
        if after_cue || continues_list {
            ends[e] = true;
            found.push((s..e, MentionKind::Unknown));
        }
    }
    found.sort_by_key(|(r, _)| r.start);

    let mut out: Vec<Mention> = Vec::new();
    for (r, kind) in found {
        let span = folded.original_range(r.clone());
        let key = f[r.clone()].to_string();
        let surface = &text[span.clone()];
        let before = &f[..r.start];
        let prev_word = before.trim_end().rsplit(' ').next().unwrap_or("");
        if matches!(kind, MentionKind::Named(_) | MentionKind::Unknown) {
            // Proper nouns are capitalised; "région de Ségou" (a gazetteer name starting with a
            // generic word) counts by its capitalised part.
            if !surface.chars().any(char::is_uppercase) || lex.stoplist.contains(&key) {
                continue;
            }
            // `excluded` is sorted by start: look only at ranges that could overlap.
            // (Actor names are far shorter than 200 bytes.)
            let first = excluded.partition_point(|x| x.start + 200 < span.start);
            if excluded[first..]
                .iter()
                .take_while(|x| x.start < span.end)
                .any(|x| span.start < x.end)
            {
                continue;
            }
            // A surname after a capitalised word ("Amadou Toumani Touré"), or after a word of
            // kinship ("les frères Diarra", "la famille Traoré").
            if lex.person_cues.contains(&key) && prev_is_capitalised_word(text, span.start)
                || lex.surnames.contains(&key)
                    && matches!(
                        prev_word,
                        "freres" | "soeurs" | "famille" | "familles" | "clan" | "epoux" | "cousins"
                    )
            {
                continue;
            }
            // An unknown word glued to a capitalised one is part of a proper noun phrase
            // ("Medhy Medhy", "Papis Toorey"), not a misspelt town; a capitalised preposition
            // is no name ("A Kalumba, …" opens a sentence).
            if kind == MentionKind::Unknown
                && prev_is_capitalised_word(text, span.start)
                && !matches!(
                    prev_word,
                    "a" | "au" | "aux" | "en" | "vers" | "dans" | "sur"
                )
                && text[..span.start].ends_with(|c: char| c.is_whitespace())
                && !text[..span.start]
                    .trim_end()
                    .ends_with(|c: char| !c.is_alphanumeric())
            {
                continue;
            }
            // A word right before a family name is a first name ("Issouf Sidibé").
            if next_is_capitalised_word(text, span.end)
                && next_word_key(text, span.end).is_some_and(|w| lex.surnames.contains(&w))
            {
                continue;
            }
            // A first name followed by a capitalised word is a person ("Bakary Bamba").
            if lex.person_cues.contains(&key) && next_is_capitalised_word(text, span.end) {
                continue;
            }
            // "Saïd Dagdag dit Abdourahmane", "Talha Al-Liby": a name before a particle of
            // names or a nickname, itself before a capitalised word, is a person's.
            if before_a_name_particle(text, span.end) {
                continue;
            }
            // "(PANA)", "a appris l'AMAP": a news agency written in capitals, whatever
            // village shares its name.
            if NEWS_AGENCIES.contains(&key.as_str())
                && text[span.clone()].chars().all(|c| !c.is_lowercase())
            {
                continue;
            }
            // "la katiba Serma", "la katibat Hanifa": an armed group's name; "l'organisation
            // SITE", "l'ONG Tassaght": an organisation's; "des cartes Nina": an identity
            // card's.
            if matches!(
                prev_word,
                "katiba"
                    | "katibat"
                    | "katibas"
                    | "organisation"
                    | "ong"
                    | "association"
                    | "carte"
                    | "cartes"
            ) {
                continue;
            }
            // "un car de la compagnie Folona", "la compagnie de transport Bani", "un bus de
            // Sonef Transports": a company's name, whatever village shares it.
            // ("les véhicules de transport Kayes-Aourou" name a route.)
            let before_key = before.trim_end();
            if matches!(
                prev_word,
                "compagnie" | "entreprise" | "ets" | "etablissements"
            ) || [
                "compagnie de transport",
                "compagnie de transports",
                "societe de transport",
                "societe de transports",
            ]
            .iter()
            .any(|c| before_key.ends_with(c))
                || next_word_key(text, span.end)
                    .is_some_and(|w| matches!(w.as_str(), "transport" | "transports" | "voyages"))
            {
                continue;
            }
            // "Par Baba Ahmed, à Bamako": a byline's author, on a line of its own.
            let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            if matches!(text[line_start..span.start].trim(), "Par" | "par" | "Par :")
                && next_is_capitalised_word(text, span.end)
            {
                continue;
            }
            // "que Moussa a été retrouvé mort", "Noumoukai a été assassiné": a person dies, a
            // town does not. (Not after a preposition or a place noun: "le village de A a été
            // ..." is told of the village.)
            if dies_as_subject(&f[r.end..])
                && !matches!(
                    prev_word,
                    "a" | "au"
                        | "de"
                        | "du"
                        | "d"
                        | "en"
                        | "vers"
                        | "sur"
                        | "dans"
                        | "village"
                        | "ville"
                        | "localite"
                        | "commune"
                        | "hameau"
                )
            {
                continue;
            }
            // "la Bank of Africa (BOA)": the initials of the name before it, in brackets.
            if is_an_acronym_of_the_name_before(text, &span) {
                continue;
            }
            // "un groupe armé pro-Bamako", "la coalition anti-Bamako": a stance, not a place.
            if text[..span.start].ends_with("pro-") || text[..span.start].ends_with("anti-") {
                continue;
            }
            // "le bateau Tombouctou", "le navire Général Soumaré": a vessel's name.
            if matches!(
                prev_word,
                "bateau" | "navire" | "pinasse" | "baleiniere" | "ferry"
            ) {
                continue;
            }
            // "un gendarme répondant au nom de Tiémoko", "un homme du nom de Sako",
            // "prénommé Kona": a person's name. "un village du nom de Sobane" stays a place.
            if named_person(before) {
                continue;
            }
            // "Ousmane Sidibé dit Bobala", "… alias Kanda": a nickname.
            if matches!(prev_word, "dit" | "alias") {
                // The text before the cue word ("… Sidibé dit"), cut at a space, not by length.
                let head = text[..span.start]
                    .trim_end()
                    .rsplit_once(char::is_whitespace)
                    .map_or("", |(head, _)| head.trim_end());
                if head
                    .rsplit(' ')
                    .next()
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase)
                {
                    continue;
                }
            }
            // A capitalised word after a title or first name is a person's name.
            if lex.person_cues.contains(prev_word) && prev_is_capitalised_word(text, span.start)
                || lex.person_cues.contains(prev_word) && TITLES.contains(&prev_word)
            {
                continue;
            }
        }
        if kind == MentionKind::Foreign {
            // "le fleuve Niger" is a river.
            if lex
                .river_cues
                .iter()
                .any(|c| before.trim_end().ends_with(c.as_str()))
            {
                continue;
            }
            if !starts_upper(surface) {
                continue;
            }
        }
        let mut qualifier = qualify(before);
        // "dans le cercle de Bourem", matched whole as the cercle record's own name.
        qualifier.cercle |= cercle_named_whole(&key).is_some();
        qualifier.itinerary = qualifier.context && itinerary_from(before.trim_end());
        qualifier.context |=
            in_a_recalled_event(text, span.start) || after_a_recall_cue(text, span.start);
        qualifier.foreign_country_after = foreign_country_after(&f[r.end..], lex);
        qualifier.area_beside = area_beside(&text[span.end..], lex);
        // "l'hôpital de Mopti-Sévaré": the second half of a compound shares its context, and
        // so does a town coordinated with it ("jointes à Gao, la grande ville du Nord, ainsi
        // qu'à Bamako").
        // "allant de Gao à Kidal": a journey's end after its start.
        if let Some(prev) = out.last()
            && prev.qualifier.context
        {
            let gap = &text[prev.span.end..span.start];
            let journeys_end = prev.qualifier.itinerary && matches!(gap.trim(), "à" | "a");
            if gap == "-" || coordinated(gap) || journeys_end {
                qualifier.context = true;
                qualifier.itinerary |= journeys_end;
            }
        }
        // "les régions de Ségou, de Mopti et de Tombouctou": each region of the list.
        if let Some(prev) = out.last()
            && prev.qualifier.region
            && listed(&text[prev.span.end..span.start])
            && crate::reference::basemap().region_named(&key).is_some()
        {
            qualifier.region = true;
        }
        // "les cercles de Koro, Bandiagara et Bankass": each cercle of the list.
        if let Some(prev) = out.last()
            && prev.qualifier.cercle_list
            && listed(&text[prev.span.end..span.start])
        {
            qualifier.cercle = true;
            qualifier.cercle_list = true;
        }
        out.push(Mention {
            span,
            key,
            kind,
            qualifier,
        });
    }
    out
}

/// Whether the folded text right after a name makes it the subject of a death or an
/// abduction: " a ete tue", " a ete retrouve mort", " est mort", " a succombe".
fn dies_as_subject(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix(" a ete ")
        .or_else(|| after.strip_prefix(" aurait ete "))
        .or_else(|| after.strip_prefix(" avait ete "))
        .or_else(|| after.strip_prefix(" est "))
    else {
        return [
            " a succombe",
            " a peri",
            " a perdu la vie",
            " a trouve la mort",
        ]
        .iter()
        .any(|v| after.starts_with(v));
    };
    let rest = rest
        .strip_prefix("retrouve ")
        .or_else(|| rest.strip_prefix("retrouvee "))
        .unwrap_or(rest);
    let word = rest.split(' ').next().unwrap_or("");
    matches!(
        word,
        "tue"
            | "tuee"
            | "assassine"
            | "assassinee"
            | "abattu"
            | "abattue"
            | "egorge"
            | "egorgee"
            | "execute"
            | "executee"
            | "mort"
            | "morte"
            | "decede"
            | "decedee"
            | "enleve"
            | "enlevee"
            | "kidnappe"
            | "kidnappee"
            | "blesse"
            | "blessee"
    )
}

/// Titles written in lower case before a name ("le préfet X", "M. X"): the name is a person's.
const TITLES: &[&str] = &[
    "m",
    "mme",
    "dr",
    "colonel",
    "general",
    "capitaine",
    "commandant",
    "lieutenant",
    "sergent",
    "president",
    "ministre",
    "prefet",
    "gouverneur",
    "maire",
    "depute",
    "commissaire",
    "adjudant",
    "caporal",
    "docteur",
    "professeur",
    "parole",
];

/// Words right before a name that make it a commune (folded).
const COMMUNE_BEFORE: &[&str] = &[
    "commune de",
    "commune d",
    "commune rurale de",
    "commune rurale d",
    "commune urbaine de",
    "arrondissement de",
    "arrondissement d",
];

/// Administrative units of Mali's neighbours, right before a name (folded).
const FOREIGN_ADMIN_BEFORE: &[&str] = &[
    "province de",
    "province du",
    "province d",
    "provinces du",
    "provinces de",
    "departement de",
    "departement du",
    "departement d",
    "wilaya de",
    "wilaya d",
    "moughataa de",
    "moughataa d",
    "prefecture de",
    "prefecture d",
];

/// Words right before a name that make it the town of a source or of a journey, not of the
/// event (folded; an administrative noun may stand between: "maire de la commune de X").
const CONTEXT_BEFORE: &[&str] = &[
    "maire de",
    "maire d",
    "prefet de",
    "prefet d",
    "gouverneur de",
    "gouverneur d",
    "gouvernorat de",
    "gouvernorat d",
    "depute de",
    "depute d",
    "hopital de",
    "hopital d",
    "centre de sante de",
    "centre de sante d",
    "evacue vers",
    "evacues vers",
    "evacuee vers",
    "evacuees vers",
    "evacue a",
    "evacues a",
    "evacuees a",
    "transfere a",
    "transferes a",
    "transferes vers",
    "en provenance de",
    "en provenance d",
    "venant de",
    "venant d",
    "venus de",
    "venus d",
    "venu de",
    "venu d",
    "venue de",
    "venue d",
    "venues de",
    "venues d",
    "originaire de",
    "originaire d",
    // "Les six ressortissants de Niafunké … ont été retrouvés sans vie près de A": the victims'
    // home town.
    "ressortissants de",
    "ressortissants d",
    "ressortissant de",
    "ressortissant d",
    "natifs de",
    "natifs d",
    "natif de",
    "natif d",
    "originaires de",
    "originaires d",
    "a destination de",
    "a destination d",
    "en route pour",
    // "à 15 km d'Aguelhok, en direction de Tessalit": a heading, not a place.
    "en direction de",
    "en direction d",
    "de retour de",
    "de retour d",
    "de retour a",
    // "un car qui se rendait à Léré", "après avoir quitté Niafunké": where the victims were
    // going or came from.
    "se rendait a",
    "se rendaient a",
    "se rendant a",
    "revenait de",
    "revenait d",
    "revenaient de",
    "revenaient d",
    "revenant de",
    "revenant d",
    "rentrait de",
    "rentraient de",
    "se dirigeait vers",
    "se dirigeaient vers",
    "se dirigeant vers",
    // "des camions partant à Gao", "un car allant à Mopti", "en partance pour Bamako".
    "partant a",
    "partant pour",
    "partant vers",
    "allant a",
    "allant vers",
    "en partance pour",
    "en route vers",
    "faisant route vers",
    // "Le maire, qui se trouvait à Goundam au moment des faits": where a person was.
    "se trouvait a",
    "se trouvaient a",
    "pour se rendre a",
    "pour rejoindre",
    "quittait",
    "quittaient",
    "quittant",
    "avoir quitte",
    "a quitte",
    "ont quitte",
    "avait quitte",
    "avaient quitte",
    "aurait quitte",
    "auraient quitte",
    "se diriger vers",
    "au depart de",
    "au depart d",
    "parti de",
    "partis de",
    "partie de",
    "parties de",
    "parti d",
    "partis d",
    // "une source jointe à Gao", "un habitant contacté à Bamako": where a source was reached.
    "joint a",
    "jointe a",
    "joints a",
    "jointes a",
    "joint au telephone a",
    "contacte a",
    "contactee a",
    "contactes a",
    "contactees a",
    "interroge a",
    "interrogee a",
    "interroges a",
    "base a",
    "basee a",
    "bases a",
    "basees a",
    // "le directeur de l'antenne de Kidal de la radio nationale", "notre correspondant à
    // Gao": where a reporting source works.
    "antenne de",
    "antenne d",
    "correspondant a",
    "correspondante a",
    "correspondants a",
    "joint depuis",
    "jointe depuis",
    "contacte depuis",
    "contactee depuis",
];

/// Administrative nouns that may stand between a context phrase and the name.
const ADMIN_NOUNS: &[&str] = &[
    "la commune de",
    "la commune d",
    "la commune rurale de",
    "la ville de",
    "la ville d",
    "la localite de",
    "la localite d",
    "du cercle de",
    "du cercle d",
    "la region de",
    "la region d",
    // Or only an article: "en partance pour la région de Kayes" (the mention holds "région
    // de" itself), "en provenance de la Côte d'Ivoire".
    " la",
    " le",
    " les",
];

/// The cercle's own name when a mention's folded words are "cercle de X": GeoNames names its
/// cercle records so, and the cue then sits inside the mention.
pub(crate) fn cercle_named_whole(key: &str) -> Option<&str> {
    ["cercle de ", "cercle d "]
        .iter()
        .find_map(|cue| key.strip_prefix(cue))
        .filter(|name| !name.is_empty())
}

/// Whether a mention's own folded words are "région de X" (or "district de Bamako") for a
/// region of Mali: GeoNames holds "Région de Ségou" as a name of the region's record, so the
/// cue can sit inside it.
pub(crate) fn names_a_region(key: &str) -> bool {
    ["region de ", "region d ", "region du ", "district de "]
        .iter()
        .any(|cue| key.starts_with(cue))
        && crate::reference::basemap().region_named(key).is_some()
}

/// The words between two towns coordinated by "et à", "ainsi qu'à", "ou à" (an apposition may
/// stand between), within one clause.
fn coordinated(gap: &str) -> bool {
    if gap.len() > 80 || gap.contains(['.', ';', ':', '(', ')', '\n', '«', '»']) {
        return false;
    }
    let folded = fold_key(gap);
    let folded = folded.trim_end();
    ["ainsi qu a", "et a", "ou a", "ainsi qu au", "et au"]
        .iter()
        .any(|c| {
            folded
                .strip_suffix(c)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        })
}

/// The words between two names of a list: ", ", " et ", ", de ", " et de ", " ou ".
fn listed(gap: &str) -> bool {
    if gap.len() > 12 {
        return false;
    }
    match fold_key(gap).trim() {
        // Only punctuation between ("Ségou, Mopti"); nothing at all is no list.
        "" => !gap.trim().is_empty(),
        "et" | "de" | "et de" | "et d" | "d" | "ou" | "ou de" => true,
        _ => false,
    }
}

/// `text` without the first of `suffixes` it ends with (and the spaces before it).
fn without_suffix<'a>(text: &'a str, suffixes: &[&str]) -> &'a str {
    suffixes
        .iter()
        .find_map(|s| text.strip_suffix(s))
        .map_or(text, str::trim_end)
}

fn is_context(before: &str) -> bool {
    let b = without_suffix(before, ADMIN_NOUNS);
    (CONTEXT_BEFORE.iter().any(|c| b.ends_with(c)) && !installation_based_at(b))
        || reached_at(b)
        || evacuated_to(b)
        || itinerary_from(b)
        || units_home(b)
}

/// "Le chef de la brigade de gendarmerie de Goundam a été tué près de Tombouctou", "le
/// commandant du camp de Boni": the town of a person's unit says who the victim was, not where
/// the event happened ("la brigade de Niéna a été attaquée" still names the place).
fn units_home(before: &str) -> bool {
    let Some(rest) = before_one_of(before, &[" de", " d", " du"]) else {
        return false;
    };
    let rest = without_suffix(rest, &[" de gendarmerie", " de police", " militaire"]);
    let words: Vec<&str> = rest.rsplit(' ').take(4).collect();
    // Backwards: the unit, then "la de" (or "l de", or "du"), then the person.
    if !words
        .first()
        .is_some_and(|unit| MILITARY_UNITS.contains(unit))
    {
        return false;
    }
    let person_at = match words.get(1..3) {
        Some(["la" | "l", "de"]) => 3,
        Some(["du", _]) => 2,
        _ => return false,
    };
    words.get(person_at).is_some_and(|w| {
        matches!(
            *w,
            "chef" | "commandant" | "responsable" | "agent" | "agents" | "adjoint" | "elements"
        )
    })
}

/// How a sentence opens on an earlier event it only recalls, before its own facts: "Au
/// lendemain de l'attaque de Boni, des jihadistes ont tué deux civils à Douentza".
const RECALLED_EVENT_OPENINGS: &[&str] = &[
    "au lendemain de",
    "au lendemain d",
    "au lendemain des",
    "apres l attaque",
    "apres les attaques",
    "apres l embuscade",
    "apres l attentat",
    "apres l explosion",
    "quelques jours apres l",
    "deux jours apres l",
];

/// A town in the opening phrase of [`RECALLED_EVENT_OPENINGS`], before its comma: the
/// recalled event's place, not the sentence's.
fn in_a_recalled_event(text: &str, at: usize) -> bool {
    let Some(opening) = clause_before(text, at, 120, &['.', '\n', '!', '?', '–', '—']) else {
        return false;
    };
    // Folded only when it may match: most mentions have no such opening.
    if opening.contains([',', ';', ':'])
        || !["lendemain", "près", "pres", "PRÈS", "PRES"]
            .iter()
            .any(|w| opening.contains(w))
    {
        return false;
    }
    let opening = fold_key(opening);
    RECALLED_EVENT_OPENINGS
        .iter()
        .any(|o| opening.trim_start().starts_with(o))
}

/// The text from the last of `stops` within `back` bytes before `at` up to `at`; from the
/// text's start when it is that close; `None` when no stop is that close.
fn clause_before<'a>(text: &'a str, at: usize, back: usize, stops: &[char]) -> Option<&'a str> {
    let from = text.floor_char_boundary(at.saturating_sub(back));
    let before = &text[from..at];
    before
        .rfind(stops)
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .or((from == 0).then_some(0))
        .map(|start| &before[start..])
}

/// What, in a sentence, ties it to something earlier elsewhere: "Cette attaque survient
/// après la visite des ambassadeurs à Sévaré", "Des incidents similaires ont été signalés à
/// Kidal". The towns after it are that earlier thing's.
const RECALL_CUES: &[&str] = &[
    "survient apres",
    "survient au lendemain",
    "survient quelques",
    "intervient apres",
    "intervient au lendemain",
    "intervient quelques",
    "fait suite a",
    "incidents similaires",
    "attaques similaires",
];

/// A town after a [`RECALL_CUES`] phrase of its own sentence, unless the sentence counts
/// that earlier event's dead ("intervient après une attaque à Boulkessi où 100 soldats ont
/// été tués", or "… sans faire de victime"): that event is an incident of its own, placed
/// there.
fn after_a_recall_cue(text: &str, at: usize) -> bool {
    recall_cue_before(text, at, 160, false) && {
        let after = &text[at..text.floor_char_boundary((at + 200).min(text.len()))];
        let after = after.split(['.', '\n', '!', '?']).next().unwrap_or(after);
        !fold_key(after).split(' ').any(|w| {
            matches!(
                w,
                "tue"
                    | "tues"
                    | "tuee"
                    | "tuees"
                    | "mort"
                    | "morts"
                    | "deces"
                    | "vie"
                    | "victime"
                    | "victimes"
            )
        })
    }
}

/// A town of an earlier event, whether or not its sentence counts that event's dead: in the
/// opening phrase of a recall ("Près de A, le lendemain…") or after a [`RECALL_CUES`] phrase
/// of its sentence ("Cette attaque intervient dix jours après celle de A").
pub(crate) fn names_a_recalled_event(text: &str, at: usize) -> bool {
    in_a_recalled_event(text, at) || recall_cue_before(text, at, RECALL_WINDOW, true)
}

/// Whether a [`RECALL_CUES`] phrase comes before `at` in its sentence, within `back` bytes;
/// `with_gap` also takes a follow-up verb with its gap ("intervient moins de dix jours
/// après").
fn recall_cue_before(text: &str, at: usize, back: usize, with_gap: bool) -> bool {
    let window = &text[text.floor_char_boundary(at.saturating_sub(back))..at];
    let sentence = clause_before(text, at, back, &['.', '\n', '!', '?']).unwrap_or(window);
    // Folded only when it may match.
    if !["surv", "interv", "fait suite", "similaires"]
        .iter()
        .any(|w| sentence.contains(w))
    {
        return false;
    }
    let sentence = fold_key(sentence);
    RECALL_CUES.iter().any(|c| sentence.contains(c))
        || with_gap
            && ["survient ", "intervient "].iter().any(|verb| {
                sentence.match_indices(verb).any(|(i, _)| {
                    let gap = &sentence[i + verb.len()..];
                    let gap = &gap[..gap.floor_char_boundary(GAP_BYTES.min(gap.len()))];
                    gap.contains(" apres ") || gap.contains(" lendemain")
                })
            })
}

/// How far back a recall cue may stand from the town of the event it recalls.
const RECALL_WINDOW: usize = 240;

/// How long "moins de dix jours" (between a follow-up verb and "après") may be.
const GAP_BYTES: usize = 40;

/// "un convoi de la Minusma allant de Gao à Kidal a heurté une mine à 5 km de Tabankort": the
/// start of a journey. "La route allant de A à B" names a road instead (see `heading`).
fn itinerary_from(before: &str) -> bool {
    let Some(rest) = before_one_of(
        before,
        &["allant de", "allant d", "qui allait de", "qui allait d"],
    ) else {
        return false;
    };
    !rest
        .split(' ')
        .rev()
        .take(4)
        .any(|w| w == "rn" || super::heading::ROAD_NOUNS.contains(&w))
}

/// `text` before the first of `suffixes` it ends with, if any.
fn before_one_of<'a>(text: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes.iter().find_map(|s| text.strip_suffix(s))
}

/// "le détachement de la garde nationale basé à Ansongo", "le camp de la Minusma basé à
/// Tessalit": where an installation stands is where it was attacked. "Un journaliste basé à
/// Bamako" stays a source's town.
fn installation_based_at(before: &str) -> bool {
    let Some(rest) = before_one_of(before, &["base a", "basee a", "bases a", "basees a"]) else {
        return false;
    };
    rest.split(' ')
        .rev()
        .take(7)
        .any(|w| MILITARY_UNITS.contains(&w))
}

/// Posts, camps and units of the army and the police, which a town's name may follow.
const MILITARY_UNITS: &[&str] = &[
    "camp",
    "camps",
    "detachement",
    "detachements",
    "poste",
    "postes",
    "garnison",
    "caserne",
    "emprise",
    "position",
    "positions",
    "brigade",
    "commissariat",
    "compagnie",
];

/// "Les blessés ont été évacués par hélicoptère vers le camp militaire de Gao", "un blessé
/// hospitalisé à Sévaré": where the wounded were taken, a few words after the verb, is no
/// place of the event.
fn evacuated_to(before: &str) -> bool {
    let facility = without_suffix(before, FACILITIES);
    let b = if facility.len() < before.len() {
        without_suffix(facility, &[" le", " la", " l"])
    } else {
        before
    };
    let Some(rest) = [" vers", " sur", " a", " au"]
        .iter()
        .find_map(|p| b.strip_suffix(p))
    else {
        return false;
    };
    rest.rsplit(' ').take(5).any(|w| {
        [
            "evacue",
            "evacuee",
            "evacues",
            "evacuees",
            "transfere",
            "transferee",
            "transferes",
            "transferees",
            "achemine",
            "acheminee",
            "achemines",
            "acheminees",
            "evacuation",
            "hospitalise",
            "hospitalisee",
            "hospitalises",
            "hospitalisees",
            "soigne",
            "soignee",
            "soignes",
            "soignees",
            // "six blessés graves transportés depuis à Ségou".
            "transporte",
            "transportee",
            "transportes",
            "transportees",
        ]
        .contains(&w)
    })
}

/// Places the wounded are taken to, between the verb and the town.
const FACILITIES: &[&str] = &[
    "camp militaire de",
    "camp militaire d",
    "camp de",
    "camp d",
    "base militaire de",
    "base militaire d",
    "base de",
    "base d",
    "hopital regional de",
    "hopital regional d",
    "hopital de",
    "hopital d",
    "centre de sante de",
    "centre de sante d",
    "ville de",
    "ville d",
];

/// "une source jointe auparavant à Gao", "un élu contacté par téléphone depuis Bamako": the
/// town where a source was reached, with a few words between the verb and the town.
fn reached_at(before: &str) -> bool {
    let Some(rest) = before
        .strip_suffix(" a")
        .or_else(|| before.strip_suffix(" depuis"))
    else {
        return false;
    };
    // "a déclaré une source sécuritaire à Bamako": where the source sits.
    let words: Vec<&str> = rest.rsplit(' ').take(3).collect();
    if words.iter().any(|w| matches!(*w, "source" | "sources"))
        && words.iter().any(|w| SOURCE_KINDS.contains(w))
    {
        return true;
    }
    rest.rsplit(' ').take(4).any(|w| {
        [
            "joint",
            "jointe",
            "joints",
            "jointes",
            "contacte",
            "contactee",
            "contactes",
        ]
        .contains(&w)
    })
}

/// News agencies, folded: their acronym in capitals is no village, and their name in
/// brackets closes a dateline (`geocode::agency_dateline`).
pub const NEWS_AGENCIES: &[&str] = &[
    "afp", "pana", "reuters", "ap", "aps", "map", "xinhua", "anp", "amap", "ats", "dpa", "aip",
    "apa",
];

/// Kinds of source whose town is where they speak from, not the event's.
const SOURCE_KINDS: &[&str] = &[
    "securitaire",
    "securitaires",
    "militaire",
    "militaires",
    "diplomatique",
    "diplomatiques",
    "gouvernementale",
    "gouvernementales",
    "officielle",
    "officielles",
    "onusienne",
    "onusiennes",
    "humanitaire",
    "humanitaires",
];

fn qualify(before_folded: &str) -> Qualifier {
    let b = before_folded.trim_end();
    let mut q = Qualifier {
        region: ["region de", "region d", "regions de", "regions d"]
            .iter()
            .any(|r| b.ends_with(r)),
        cercle: ["cercle de", "cercle d", "cercles de", "cercles d"]
            .iter()
            .any(|c| b.ends_with(c)),
        cercle_list: b.ends_with("cercles de") || b.ends_with("cercles d"),
        commune: COMMUNE_BEFORE.iter().any(|c| b.ends_with(c)),
        context: is_context(b),
        foreign_admin: FOREIGN_ADMIN_BEFORE.iter().any(|c| b.ends_with(c))
            || neighbours_settlement_before(b),
        country_cue: b.ends_with(" au") || b.ends_with(" en") || b == "au" || b == "en",
        definite_article: ["le", "du", "au"].iter().any(|a| {
            b.strip_suffix(a)
                .is_some_and(|r| r.is_empty() || r.ends_with(' '))
        }),
        ..Default::default()
    };
    // "à 30 km au nord de", "à une trentaine de kilomètres de", "à 30 km de"; "… de la ville
    // de X" reads as "… de X".
    let b = [
        "la ville de",
        "la ville d",
        "la localite de",
        "la localite d",
        "du village de",
    ]
    .iter()
    .find_map(|n| b.strip_suffix(n))
    .map_or(b, |rest| {
        rest.trim_end()
            .strip_suffix(" de")
            .or_else(|| rest.trim_end().strip_suffix(" du"))
            .map_or(b, |r| {
                // Keep a trailing "de" so the distance parse below sees "… km de".
                &b[..r.len() + 3]
            })
    });
    let tail: Vec<&str> = b.rsplit(' ').take(8).collect();
    // tail is reversed: tail[0] is the word right before the mention.
    if tail
        .first()
        .is_some_and(|w| *w == "de" || *w == "d" || *w == "du")
    {
        let mut i = 1;
        let mut bearing = None;
        if let Some(bw) = tail.get(i).and_then(|w| bearing_of(w)) {
            bearing = Some(bw);
            i += 1;
            // compound "nord est": tail[i] = "nord", previous = "est"
            if let Some(first) = tail.get(i).and_then(|w| bearing_of(w)) {
                bearing = Some(combine_bearing(first, bw));
                i += 1;
            }
            // "au nord", "à l'est": up to two small words before the bearing.
            let after_bearing = i;
            for _ in 0..2 {
                if tail
                    .get(i)
                    .is_some_and(|w| *w == "au" || *w == "a" || *w == "l")
                {
                    i += 1;
                }
            }
            // "au nord-est de X", "à l'est de X" with no distance before (its bearing may
            // aim a distance from X said just before: see `heading`).
            q.direction_only = i > after_bearing;
            if q.direction_only {
                q.bearing = bearing;
            }
        }
        // "à 188 km environ de Bamako": the approximation after the unit.
        if tail.get(i) == Some(&"environ") {
            i += 1;
        }
        if tail
            .get(i)
            .is_some_and(|w| matches!(*w, "km" | "kilometres" | "kilometre" | "kms"))
            && let Some(n) = tail
                .get(i + 1)
                .and_then(|w| distance_number(w, tail.get(i + 2)))
        {
            q.distance_km = Some(n);
            q.bearing = bearing;
            q.direction_only = false;
        }
        // "à environ 45Km de Kayes": the unit glued to the figure.
        if let Some(n) = tail.get(i).and_then(|w| {
            w.strip_suffix("km")
                .or_else(|| w.strip_suffix("kms"))
                .and_then(|d| d.parse::<f64>().ok())
        }) {
            q.distance_km = Some(n);
            q.bearing = bearing;
            q.direction_only = false;
        }
        // "à plusieurs centaines de kilomètres au nord de Bamako": too far from the town to
        // place anything near it.
        if tail
            .get(i)
            .is_some_and(|w| matches!(*w, "km" | "kilometres" | "kms"))
            && tail.get(i + 1) == Some(&"de")
            && tail
                .get(i + 2)
                .is_some_and(|w| matches!(*w, "centaines" | "milliers"))
        {
            q.context = true;
            q.direction_only = false;
        }
    }
    q
}

/// The number of a distance: digits, or a round figure said in words ("une centaine de
/// kilomètres", "une trentaine de km"; `word` is then "de" and `before` the figure).
fn distance_number(word: &str, before: Option<&&str>) -> Option<f64> {
    if let Ok(n) = word.parse::<f64>() {
        return Some(n);
    }
    if word != "de" && word != "d" {
        return None;
    }
    Some(match *before? {
        "dizaine" => 10.0,
        "quinzaine" => 15.0,
        "vingtaine" => 20.0,
        "trentaine" => 30.0,
        "quarantaine" => 40.0,
        "cinquantaine" => 50.0,
        "soixantaine" => 60.0,
        "centaine" => 100.0,
        _ => return None,
    })
}

/// "(centre)", "(nord-est)" right after a name, as wire copy writes it: the area of Mali of
/// that direction ("centre du Mali"), by its index in `lex.areas`.
fn area_beside(after: &str, lex: &PlaceLexicon) -> Option<usize> {
    let inner = after.trim_start_matches(' ').strip_prefix('(')?;
    let close = inner.get(..inner.len().min(24))?.find(')')?;
    let phrase = format!("{} du mali", fold_key(&inner[..close]));
    lex.areas.iter().position(|a| a.phrases.contains(&phrase))
}

/// A neighbour's nationality, said of a settlement ("localité mauritanienne").
const NEIGHBOUR_ADJECTIVES: &[&str] = &[
    "mauritanienne",
    "mauritanien",
    "nigerienne",
    "nigerien",
    "burkinabe",
    "algerienne",
    "algerien",
    "senegalaise",
    "senegalais",
    "guineenne",
    "guineen",
    "ivoirienne",
    "ivoirien",
];

/// Nouns of a settlement that a nationality may follow.
const SETTLEMENT_NOUNS: &[&str] = &[
    "ville", "localite", "village", "commune", "cite", "bourgade",
];

/// "…, localité mauritanienne située à…", "…, ville nigérienne": a neighbour's settlement
/// said right after a mention.
fn neighbours_settlement_after(t: &str) -> bool {
    let t = t.trim_start_matches([',', ' ', '(']);
    let t = SETTLEMENT_NOUNS
        .iter()
        .find_map(|n| t.strip_prefix(n).and_then(|r| r.strip_prefix(' ')))
        .unwrap_or(t);
    NEIGHBOUR_ADJECTIVES.iter().any(|a| {
        t.strip_prefix(a)
            .is_some_and(|tail| tail.is_empty() || tail.starts_with([' ', ',', ')']))
    })
}

/// "la localité mauritanienne de Fassala": a neighbour's settlement said before a mention
/// (`before` is the folded text before it).
fn neighbours_settlement_before(before: &str) -> bool {
    let Some(rest) = before_one_of(before, &[" de", " d"]) else {
        return false;
    };
    NEIGHBOUR_ADJECTIVES.iter().any(|a| {
        rest.strip_suffix(a).is_some_and(|r| {
            SETTLEMENT_NOUNS
                .iter()
                .any(|n| r.strip_suffix(' ').is_some_and(|r| r.ends_with(n)))
        })
    })
}

/// "…, au Burkina Faso", " (Niger)", " dans le nord du Niger", "…, localité mauritanienne"
/// right after a mention.
fn foreign_country_after(after: &str, lex: &PlaceLexicon) -> bool {
    let end = after.floor_char_boundary(after.len().min(60));
    let t = after[..end].trim_start();
    if neighbours_settlement_after(t) {
        return true;
    }
    let prefixes = [
        "au ",
        "en ",
        "du ",
        "",
        "au nord du ",
        "au sud du ",
        "a l est du ",
        "a l ouest du ",
        "dans le nord du ",
        "dans le sud du ",
        "dans l est du ",
        "dans l ouest du ",
    ];
    prefixes.iter().any(|p| {
        t.strip_prefix(p).is_some_and(|rest| {
            lex.foreign_countries.iter().any(|c| {
                rest.strip_prefix(c.as_str())
                    .is_some_and(|tail| tail.is_empty() || tail.starts_with(' '))
            })
        })
    }) && !t.is_empty()
}

fn bearing_of(w: &str) -> Option<f64> {
    Some(match w {
        "nord" => 0.0,
        "est" => 90.0,
        "sud" => 180.0,
        "ouest" => 270.0,
        _ => return None,
    })
}

fn combine_bearing(first: f64, second: f64) -> f64 {
    // "nord est" = 45, "sud ouest" = 225, "nord ouest" = 315
    match (first as i32, second as i32) {
        (0, 90) => 45.0,
        (180, 90) => 135.0,
        (180, 270) => 225.0,
        (0, 270) => 315.0,
        _ => first,
    }
}

fn words(f: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    f.split(' ').map(move |w| {
        let s = start;
        start += w.len() + 1;
        (s, s + w.len())
    })
}

/// Folded ranges of capitalised words joined by hyphens in the original text ("Amalaou-laou",
/// "Ti-n-Essako"): two to four parts.
fn hyphenated_names(text: &str, folded: &Folded) -> Vec<Range<usize>> {
    let f = folded.text.as_str();
    let ws: Vec<(usize, usize)> = words(f).filter(|(s, e)| e > s).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let first = folded.original_range(ws[i].0..ws[i].1);
        if !starts_upper(&text[first]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < ws.len() && j - i < 3 {
            let gap = folded.original_range(ws[j].1..ws[j + 1].0);
            if !matches!(text.get(gap), Some("-" | "‑")) {
                break;
            }
            j += 1;
        }
        if j > i {
            out.push(ws[i].0..ws[j].1);
        }
        i = j + 1;
    }
    out
}

/// Whether a hyphenated compound ("Tin-Agagui", "In-Tadeyni") is one name the gazetteer lacks:
/// a short prefix (Tamasheq "tin", "in": "the one of") before capitalised parts that are no
/// names. "Mopti-Sévaré" or "l'axe Koro-Bandiagara" join known towns and stay two mentions;
/// "Gouni-Habé" is the village Gouni, its first part being a name of its own length.
fn unknown_after_a_hyphen(
    text: &str,
    folded: &Folded,
    names: &NameMatcher,
    r: Range<usize>,
) -> bool {
    let f = folded.text.as_str();
    let mut parts = words(&f[r.clone()]).map(|(s, e)| (r.start + s, r.start + e));
    let Some((s, e)) = parts.next() else {
        return false;
    };
    if f[s..e].len() > 3 {
        return false;
    }
    let mut rest = parts.peekable();
    rest.peek().is_some()
        && rest.all(|(s, e)| {
            starts_upper(&text[folded.original_range(s..e)]) && names.exact(&f[s..e]).is_none()
        })
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// True when the next word after `at` (same sentence) starts with a capital letter.
fn next_is_capitalised_word(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether the words after `at` are a particle of names ("Al", "Al-", "Ould", "Ibn") or a
/// nickname's "dit", then a capitalised word: "Talha Al-Liby", "Saïd Dagdag dit Abdourahmane".
fn before_a_name_particle(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches([' ', '\u{a0}']);
    if rest.len() == text.len() - at {
        return false;
    }
    let Some((particle, after)) = rest.split_once([' ', '-']) else {
        return false;
    };
    matches!(
        particle.to_lowercase().as_str(),
        "al" | "el" | "ould" | "ibn" | "ben" | "dit" | "alias"
    ) && after.chars().next().is_some_and(char::is_uppercase)
}

/// The folded word after `at`, if any.
fn next_word_key(text: &str, at: usize) -> Option<String> {
    let rest = text[at..].trim_start_matches([' ', '\u{a0}']);
    let word = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .filter(|w| !w.is_empty())?;
    Some(fold_key(word))
}

/// True when the word before `at` starts with a capital letter (a first name or title).
fn prev_is_capitalised_word(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric() && *c != '-' && *c != '.')
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[start..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
}

/// The folded text before a mention ends with words that give a person's name.
/// "Bank of Africa (BOA)", "Mouvement pour le salut de l'Azawad (MSA)": a word in capitals,
/// alone in brackets, made of the initials of the words before the bracket (all of them, or
/// the capitalised ones).
fn is_an_acronym_of_the_name_before(text: &str, span: &Range<usize>) -> bool {
    let surface = &text[span.clone()];
    let (Some(before), Some(after)) = (text[..span.start].strip_suffix('('), text.get(span.end..))
    else {
        return false;
    };
    if !after.starts_with(')')
        || surface.chars().count() < 2
        || !surface.chars().all(|c| c.is_uppercase())
    {
        return false;
    }
    let letters: String = surface.chars().flat_map(char::to_lowercase).collect();
    let n = letters.chars().count();
    let words: Vec<&str> = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == '-')
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    let initials = |capitalised_only: bool| -> String {
        let mut picked: Vec<char> = words
            .iter()
            .filter(|w| !capitalised_only || w.starts_with(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .take(n)
            .collect();
        picked.reverse();
        picked.into_iter().collect()
    };
    initials(false) == letters || initials(true) == letters
}

fn named_person(before: &str) -> bool {
    let before = before.trim_end();
    if [
        "nomme",
        "prenomme",
        "surnomme",
        "repondant au nom de",
        "repondant au nom d",
    ]
    .iter()
    .any(|p| before.ends_with(p))
    {
        return true;
    }
    let Some(head) = before
        .strip_suffix("du nom de")
        .or_else(|| before.strip_suffix("du nom d"))
    else {
        return false;
    };
    let what = head.trim_end().rsplit(' ').next().unwrap_or("");
    !matches!(
        what,
        "village"
            | "localite"
            | "hameau"
            | "campement"
            | "quartier"
            | "commune"
            | "lieu"
            | "site"
            | "endroit"
            | "ville"
            | "bourgade"
            | "secteur"
            | "zone"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::normalize::fold;

    fn matcher() -> NameMatcher {
        let keys: Vec<(String, Vec<u32>)> = [
            ("gao", 0u32),
            ("kidal", 1),
            ("tin zaouatene", 2),
            ("tinzaouatene", 2),
            ("boni", 3),
            ("macina", 4),
            ("kouffa", 5),
            ("niger", 6),
            ("mali", 7),
            ("bamba", 8),
            ("moussa", 9),
            ("toure", 10),
            ("amalaoulaou", 11),
            ("ansongo", 12),
            ("bam", 13),
        ]
        .into_iter()
        .map(|(k, i)| (k.to_string(), vec![i]))
        .collect();
        NameMatcher::new(keys.iter().map(|(k, v)| (k.as_str(), v.as_slice())))
    }

    fn mentions(text: &str, excluded: &[Range<usize>]) -> Vec<(String, MentionKind)> {
        let f = fold(text);
        find_mentions(text, &f, &matcher(), excluded)
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn finds_names_across_spelling_variants() {
        let m = mentions(
            "Des tirs à Tin-Zaouatène puis à TINZAOUATENE et à Gao.",
            &[],
        );
        let names: Vec<&str> = m.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["Tin-Zaouatène", "TINZAOUATENE", "Gao"]);
    }

    #[test]
    fn a_longer_name_ending_inside_a_word_leaves_the_shorter_one() {
        let keys = [("gourma", vec![0u32]), ("gourma rharous", vec![1])];
        let names = NameMatcher::new(keys.iter().map(|(k, v)| (*k, v.as_slice())));
        let found: Vec<(&str, &[u32])> = names
            .find("a gourma rharouss hier et a gourma rharous")
            .into_iter()
            .map(|(r, p)| (&"a gourma rharouss hier et a gourma rharous"[r], p))
            .collect();
        assert_eq!(found, [("gourma", &[0][..]), ("gourma rharous", &[1][..])]);
    }

    #[test]
    fn a_nickname_after_dit_is_a_person() {
        let m = mentions("Le chef Amadou Barry dit Boni a été tué près de Gao.", &[]);
        let names: Vec<&str> = m.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["Gao"]);
        assert_eq!(mentions("le village dit Boni", &[]).len(), 1);
        for person in [
            "Un gendarme répondant au nom de Boni a été tué.",
            "Un homme du nom de Boni a été enlevé.",
            "Le berger prénommé Boni a disparu.",
        ] {
            assert!(mentions(person, &[]).is_empty(), "{person}");
        }
        assert_eq!(mentions("un village du nom de Boni", &[]).len(), 1);
        // A katiba's name is a group, not its town.
        assert!(mentions("la katiba Boni a installé un poste", &[]).is_empty());
        // A company's name, and an acronym of the name before it.
        for company in [
            "un car de la compagnie Bamba a été braqué",
            "un car de la compagnie de transport Bamba a été braqué",
            "un car de Bamba Transports a été braqué",
            "des hommes armés ont attaqué l'agence de la Banque Atlantique Malienne (BAM)",
        ] {
            assert!(mentions(company, &[]).is_empty(), "{company}");
        }
        // A route named after "transport" stays two towns; so does a town in brackets.
        assert_eq!(
            mentions("des véhicules de transport Gao-Ansongo", &[]).len(),
            2
        );
        assert_eq!(mentions("un poste avancé (Boni) a été visé", &[]).len(), 1);
        // An accented spelling of the cue is cut by words, not bytes.
        assert!(mentions("Amadou Barry dît Boni", &[]).len() <= 1);
    }

    #[test]
    fn a_hyphenated_name_matches_its_one_word_spelling() {
        let m = mentions("Des tirs à Amalaou-laou, puis sur l'axe Gao-Ansongo.", &[]);
        assert_eq!(
            m,
            [
                ("Amalaou-laou".to_string(), MentionKind::Named(vec![11])),
                ("Gao".to_string(), MentionKind::Named(vec![0])),
                ("Ansongo".to_string(), MentionKind::Named(vec![12])),
            ]
        );
        // Lowercase parts glued to nothing capitalised are not a name.
        assert!(mentions("un va-et-vient", &[]).is_empty());
    }

    #[test]
    fn lowercase_words_are_not_places() {
        assert!(mentions("le boni de fin d'année", &[]).is_empty());
        assert_eq!(mentions("le village de Boni", &[]).len(), 1);
    }

    #[test]
    fn no_match_inside_a_word() {
        assert!(mentions("Le Gaoussou du quartier", &[]).is_empty());
    }

    #[test]
    fn person_names_are_not_places() {
        assert!(mentions("les hommes d'Amadou Kouffa ont frappé", &[]).is_empty());
        assert!(mentions("a écrit Bakary Bamba sur Twitter", &[]).is_empty());
        assert!(mentions("selon M. Kidal, le maire", &[]).is_empty());
        assert!(mentions("le président Amadou Toumani Touré", &[]).is_empty());
        // A place that is also a first name, followed by a surname.
        assert!(mentions("a répondu Moussa Traoré", &[]).is_empty());
        // A French first name before a surname, even one spelt like no village.
        let m = mentions("après la libération de Florence Dumont, enlevée à Gao", &[]);
        assert_eq!(m.len(), 1, "{m:?}");
        // Administrative titles, and a first name before a surname after a comma.
        assert!(mentions("enlevé avec le préfet Bamba Touré", &[]).is_empty());
        assert!(mentions("selon le gouverneur Gao Diallo", &[]).is_empty());
        assert!(mentions("le préfet de Boni, Makan Bamba, a été enlevé", &[]).len() == 1);
        // Any word before a family name is a first name, and the byline's name is no town.
        assert!(mentions("a indiqué Boni Sidibé, un élu", &[]).is_empty());
        assert!(mentions("Texte de Seydou Kane", &[]).is_empty());
        // A family name after a word of kinship.
        let m = mentions("les frères Touré ont été attaqués près de Boni", &[]);
        assert_eq!(m.len(), 1, "{m:?}");
        // A vessel named after a town is no place; the town it sails near is.
        let m = mentions("le bateau Ansongo a été attaqué près de Boni", &[]);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].0, "Boni");
        // A name before a particle of names, or before a nickname, is a person's.
        for person in [
            "la mort de son chef, Bamba Ould Sidi, près de Boni",
            "la katiba de Bamba Al-Ansari a frappé près de Boni",
            "l'émir Bamba dit Abou Talha a été tué près de Boni",
        ] {
            let m = mentions(person, &[]);
            assert_eq!(m.len(), 1, "{person} {m:?}");
            assert_eq!(m[0].0, "Boni", "{person}");
        }
        // An unknown word after a place and a comma, before a capitalised word that is no
        // place, opens a person's name in apposition; before a place it goes on with a list.
        let m = mentions("le chef de la police de Boni, Zoumana Kalé, a dénoncé", &[]);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].0, "Boni");
        let m = mentions("les villages de Boni, Zoumanaka, Kidal", &[]);
        assert_eq!(m.len(), 3, "{m:?}");
        let m = mentions("les villages de Boni, Zoumanaka Kidal", &[]);
        assert!(m.iter().any(|(n, _)| n == "Zoumanaka"), "{m:?}");
    }

    #[test]
    fn actor_names_are_not_places() {
        let text = "les combattants de la Katiba du Macina ont attaqué";
        let at = text.find("Katiba").unwrap();
        let end = at + "Katiba du Macina".len();
        let excluded = [std::ops::Range { start: at, end }];
        assert!(mentions(text, &excluded).is_empty());
    }

    #[test]
    fn the_country_and_the_river_are_not_villages() {
        let m = mentions(
            "Le Mali et le Niger ont signé; le fleuve Niger est en crue.",
            &[],
        );
        assert_eq!(m, vec![("Niger".to_string(), MentionKind::Foreign)]);
    }

    #[test]
    fn foreign_cities_and_areas() {
        let m = mentions(
            "Des soldats venus d'Abidjan ont combattu dans le nord-est du pays.",
            &[],
        );
        assert_eq!(m[0], ("Abidjan".to_string(), MentionKind::Foreign));
        assert!(matches!(m[1].1, MentionKind::Area(_)));
    }

    #[test]
    fn unknown_capitalised_word_after_locative_cue() {
        let m = mentions("l'armée a évacué les localités Ansogo et Bourem", &[]);
        assert_eq!(
            m,
            vec![
                ("Ansogo".to_string(), MentionKind::Unknown),
                ("Bourem".to_string(), MentionKind::Unknown)
            ]
        );
    }

    #[test]
    fn distance_and_bearing_qualifiers() {
        let text = "une embuscade à 30 km au nord-est de Gao";
        let f = fold(text);
        let m = find_mentions(text, &f, &matcher(), &[]);
        assert_eq!(m[0].qualifier.distance_km, Some(30.0));
        assert_eq!(m[0].qualifier.bearing, Some(45.0));
        let text = "un village situé à environ 45Km de Gao";
        let f = fold(text);
        let m = find_mentions(text, &f, &matcher(), &[]);
        assert_eq!(m[0].qualifier.distance_km, Some(45.0));
        let text = "à une centaine de kilomètres au sud-ouest de Gao";
        let f = fold(text);
        let m = find_mentions(text, &f, &matcher(), &[]);
        assert_eq!(m[0].qualifier.distance_km, Some(100.0));
        assert_eq!(m[0].qualifier.bearing, Some(225.0));
        let text = "à 65 km à l'est de la ville de Gao";
        let f = fold(text);
        let m = find_mentions(text, &f, &matcher(), &[]);
        assert_eq!(m[0].qualifier.distance_km, Some(65.0));
        assert_eq!(m[0].qualifier.bearing, Some(90.0));
        let text = "à 12 kilomètres de Kidal";
        let f = fold(text);
        let m = find_mentions(text, &f, &matcher(), &[]);
        assert_eq!(m[0].qualifier.distance_km, Some(12.0));
        assert_eq!(m[0].qualifier.bearing, None);
        // The approximation may follow the unit.
        for (text, bearing) in [
            ("à 80 km environ de Kidal", None),
            ("à 80 km environ au sud de Kidal", Some(180.0)),
        ] {
            let f = fold(text);
            let m = find_mentions(text, &f, &matcher(), &[]);
            assert_eq!(m[0].qualifier.distance_km, Some(80.0), "{text}");
            assert_eq!(m[0].qualifier.bearing, bearing, "{text}");
        }
    }

    #[test]
    fn border_towns_followed_by_a_foreign_country() {
        let text = "une embuscade près de Gao, au Niger, et une autre à Kidal.";
        let f = fold(text);
        let m = find_mentions(text, &f, &matcher(), &[]);
        assert!(m[0].qualifier.foreign_country_after, "{m:?}");
        let kidal = m.iter().find(|x| x.key == "kidal").unwrap();
        assert!(!kidal.qualifier.foreign_country_after);
        // A neighbour's nationality, after or before.
        for text in [
            "les réfugiés ont gagné Bamba, localité mauritanienne proche de la frontière.",
            "les réfugiés ont gagné la localité mauritanienne de Bamba.",
            "des tirs ont visé Boni, village burkinabè, mardi.",
        ] {
            let f = fold(text);
            let m = &find_mentions(text, &f, &matcher(), &[])[0];
            assert!(
                m.qualifier.foreign_country_after || m.qualifier.foreign_admin,
                "{text}: {m:?}"
            );
        }
        let text = "des tirs à Bamba, localité malienne proche de la frontière";
        let f = fold(text);
        let m = &find_mentions(text, &f, &matcher(), &[])[0];
        assert!(!m.qualifier.foreign_country_after && !m.qualifier.foreign_admin);
        // A part of Mali in brackets is no foreign country, and says where the name lies.
        let text = "des tirs à Gao (nord-est) et à Boni (centre), puis à Kidal (Mali)";
        let f = fold(text);
        let m = find_mentions(text, &f, &matcher(), &[]);
        let lex = place_lexicon();
        let area = |i: usize| {
            m[i].qualifier
                .area_beside
                .map(|a| lex.areas[a].label.as_str())
        };
        assert_eq!(area(0), Some("Nord-est du Mali"));
        assert_eq!(area(1), Some("Centre du Mali"));
        assert_eq!(area(2), None);
        assert!(!m[0].qualifier.foreign_country_after);
        let text = "des tirs à Gao (Burkina Faso)";
        let f = fold(text);
        assert!(
            find_mentions(text, &f, &matcher(), &[])[0]
                .qualifier
                .foreign_country_after
        );
    }

    #[test]
    fn region_and_cercle_cues() {
        let text = "dans la région de Gao et le cercle de Kidal";
        let f = fold(text);
        let m = find_mentions(text, &f, &matcher(), &[]);
        assert!(m[0].qualifier.region);
        assert!(m[1].qualifier.cercle);
    }

    #[test]
    fn regions_named_in_a_list_are_regions() {
        for text in [
            "dans les régions de Ségou et de Mopti",
            "dans les régions de Ségou, Mopti et Tombouctou",
        ] {
            let f = fold(text);
            let m = find_mentions(text, &f, &matcher(), &[]);
            let mopti = m.iter().find(|m| m.key == "mopti").expect(text);
            assert!(mopti.qualifier.region, "{text}");
        }
        // A town after a region is a town; so are towns listed without "régions".
        for text in [
            "dans la région de Ségou et à Mopti",
            "à Ségou et à Mopti",
            "dans la région de Ségou et Sévaré",
        ] {
            let f = fold(text);
            let m = find_mentions(text, &f, &matcher(), &[]);
            assert!(
                m.iter().skip(1).all(|m| !m.qualifier.region),
                "{text}: {m:#?}"
            );
        }
    }

    #[test]
    fn communes_and_source_towns_are_qualified() {
        let cases = [
            (
                "les villages de la commune de Macina",
                "macina",
                true,
                false,
            ),
            ("dans la commune rurale de Boni", "boni", true, false),
            ("selon le maire de Macina", "macina", false, true),
            ("un responsable du gouvernorat de Gao", "gao", false, true),
            (
                "a déclaré le maire de la commune de Boni",
                "boni",
                true,
                true,
            ),
            (
                "les blessés ont été évacués vers l'hôpital de Gao",
                "gao",
                false,
                true,
            ),
            ("des forains en provenance de Kidal", "kidal", false, true),
            (
                "les blessés ont été évacués par hélicoptère vers le camp militaire de Gao",
                "gao",
                false,
                true,
            ),
            ("deux blessés transférés au camp de Gao", "gao", false, true),
            (
                "les quatre ressortissants de Gao disparus",
                "gao",
                false,
                true,
            ),
            (
                "dont quatre graves, transportés depuis à Ségou",
                "segou",
                false,
                true,
            ),
            ("un car qui se rendait à Gao a sauté", "gao", false, true),
            ("des forains partis de Gao", "gao", false, true),
            (
                "une patrouille aurait quitté Gao pour se diriger vers Kidal",
                "gao",
                false,
                true,
            ),
            (
                "une patrouille aurait quitté Gao pour se diriger vers Kidal",
                "kidal",
                false,
                true,
            ),
            ("des renforts ont été envoyés vers Gao", "gao", false, false),
            ("une attaque à Kidal", "kidal", false, false),
            ("une source jointe à Gao", "gao", false, true),
            (
                "des témoins contactés par téléphone depuis Kidal",
                "kidal",
                false,
                true,
            ),
            (
                "deux sources jointes auparavant à Gao, la grande ville du Nord, ainsi qu'à Mopti",
                "mopti",
                false,
                true,
            ),
            ("des tirs à Gao et à Mopti", "mopti", false, false),
            (
                "selon le chef de l'antenne de Kidal de la radio nationale",
                "kidal",
                false,
                true,
            ),
            ("a déclaré notre correspondant à Gao", "gao", false, true),
        ];
        for (text, key, commune, context) in cases {
            let f = fold(text);
            let m = find_mentions(text, &f, &matcher(), &[]);
            let m = m.iter().find(|m| m.key == key).expect(text);
            assert_eq!(m.qualifier.commune, commune, "{text}");
            assert_eq!(m.qualifier.context, context, "{text}");
        }
        for (text, foreign_admin) in [
            ("dans la province du Boni, au Burkina", true),
            ("le département de Bamba au Niger", true),
            ("le village de Boni", false),
        ] {
            let f = fold(text);
            let m = find_mentions(text, &f, &matcher(), &[]);
            assert_eq!(m[0].qualifier.foreign_admin, foreign_admin, "{text}");
        }
    }
}
