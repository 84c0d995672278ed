//! Round-up sentences cut into clauses. Journalists often tell several dated incidents in one
//! sentence: "après l'attaque de A, le samedi 12 mars, et celle de B, le 19 mars, …" or "le 3
//! mai à A, puis le 9 mai à B". Segmentation works sentence by sentence, so such a sentence
//! would give one incident with two places and two dates. Here a sentence holding two
//! different day-precise dates of events (not of reports: "a-t-on appris vendredi"), with a
//! coordinator between them (";", ", et", ", puis", ", où", "et", "puis"), is cut at that
//! coordinator; each clause is then read as a sentence of its own.
//!
//! A contrast opening on a place ("… y ont péri, alors qu'à B deux civils ont été tués") cuts
//! the same way, dates or not: the clause before stays with its own place.
//!
//! Not here: deciding which clause is an incident (`segment` does, as for any sentence).

use std::ops::Range;

use crate::corpus::DatePrecision;
use crate::corpus::normalize::fold_key;

use super::dates::DateMention;

/// Coordinators that may separate two clauses, strongest first. Matched on the original text
/// (lowercase); a leading comma makes a stronger cut than a bare conjunction.
const CUTS: [&[&str]; 3] = [
    &[";"],
    &[", et ", ", puis ", ", tandis que ", ", alors que ", ", où "],
    &[" et ", " puis "],
];

/// Words that do not show a clause has content of its own between two dates ("le 8 et le 9
/// mars" is one span, not two clauses).
const FILLER: [&str; 14] = [
    "et", "puis", "le", "la", "les", "l", "du", "au", "aux", "a", "de", "des", "d", "en",
];

/// The sentences of an article with every round-up sentence cut into its clauses, or `None`
/// when no sentence is cut. `mentions` are the article's date mentions, in text order.
pub fn cut_roundups(
    text: &str,
    sentences: &[Range<usize>],
    mentions: &[DateMention],
) -> Option<Vec<Range<usize>>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut cut_any = false;
    for s in sentences {
        let dated: Vec<&DateMention> = mentions
            .iter()
            .filter(|m| m.span.start >= s.start && m.span.end <= s.end)
            .filter(|m| matches!(m.precision, DatePrecision::Day))
            .collect();
        let mut start = s.start;
        let mut cut_here = false;
        for pair in dated.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.start == b.start || a.span.end > b.span.start {
                continue;
            }
            if let Some(at) = cut_between(text, a.span.end.max(start), b.span.start) {
                out.push(trimmed(text, start..at));
                start = at;
                cut_here = true;
            }
        }
        // "…, et celle de C le 9 ; le village de D a été attaqué dans la nuit": in a round-up
        // a semicolon after the last date still opens another clause.
        if cut_here
            && let Some(last) = dated.last()
            && let Some(i) = text[last.span.end.max(start)..s.end].find(';')
        {
            let at = last.span.end.max(start) + i;
            out.push(trimmed(text, start..at));
            start = at;
        }
        cut_any |= cut_here;
        // "Sept gendarmes y ont péri, tandis qu'à B trois civils ont été tués": the clause
        // after the contrast is another place's event.
        while let Some(at) = contrast_cut(text, start..s.end) {
            out.push(trimmed(text, start..at));
            start = at;
            cut_any = true;
        }
        // "…, douze personnes ont été tuées, selon cette source qui ajoute que des hommes
        // armés ont ciblé un autre campement à B, faisant cinq morts": another target named
        // is another event.
        if let Some(at) = another_target_cut(text, start..s.end) {
            out.push(trimmed(text, start..at));
            start = at;
            cut_any = true;
        }
        if let Some(at) = beside_another_toll_cut(text, start..s.end) {
            out.push(trimmed(text, start..at));
            start = at;
            cut_any = true;
        }
        out.push(trimmed(text, start..s.end));
    }
    out.retain(|r| !r.is_empty());
    cut_any.then_some(out)
}

/// Where to cut between the end of one date and the start of the next: the strongest
/// coordinator there; among equals, the one the next date directly follows ("…à A et le 19 à
/// B"), else the first. `None` when nothing but filler words lies between the dates.
fn cut_between(text: &str, from: usize, to: usize) -> Option<usize> {
    let between = text.get(from..to)?;
    let has_content = fold_key(between)
        .split_whitespace()
        .any(|w| !FILLER.contains(&w));
    if !has_content {
        return None;
    }
    let lower = between.to_lowercase();
    // Offsets in `lower` are offsets in `between` only if lowercasing kept every length.
    if lower.len() != between.len() {
        return None;
    }
    for level in CUTS {
        let found: Vec<usize> = level
            .iter()
            .flat_map(|c| lower.match_indices(c).map(|(i, _)| i))
            .collect();
        if found.is_empty() {
            continue;
        }
        let next_date_follows = found.iter().copied().find(|&i| {
            fold_key(&between[i..])
                .split_whitespace()
                .all(|w| FILLER.contains(&w))
        });
        let at = next_date_follows.unwrap_or_else(|| found.iter().copied().min().unwrap_or(0));
        // "enlevés jeudi près de A et retrouvés morts samedi": a participle after the
        // coordinator goes on telling what befell the same subject; no clause of its own.
        if continues_the_subject(&between[at..]) {
            return None;
        }
        return Some(from + at);
    }
    None
}

/// "alors qu'à", "tandis qu'au": a contrast whose clause opens on a place.
const CONTRASTS: [&str; 2] = ["alors qu", "tandis qu"];

/// Where a contrast that opens on a place cuts `range` ("… y avaient péri alors qu'à B,
/// deux civils ont été tués"): the clause before keeps its own subject's place ("y"), the one
/// after tells what happened elsewhere. `None` when the range has no such contrast, or too
/// few words before it to be a clause.
fn contrast_cut(text: &str, range: Range<usize>) -> Option<usize> {
    let part = text.get(range.clone())?;
    // Most sentences hold neither contrast: nothing is lowercased for them. (A capitalised
    // one opens its sentence, with no clause before it to cut off.)
    if !CONTRASTS.iter().any(|c| part.contains(c)) {
        return None;
    }
    let lower = part.to_lowercase();
    if lower.len() != part.len() {
        return None;
    }
    CONTRASTS
        .iter()
        .flat_map(|c| lower.match_indices(c).map(move |(i, _)| (i, i + c.len())))
        .filter(|&(i, end)| {
            let before = fold_key(&part[..i]);
            before.split_whitespace().count() >= 4
                && opens_on_a_place(&lower[end..])
                && names_soon(&part[end..])
        })
        .map(|(i, _)| range.start + i)
        .min()
}

/// "un autre campement", "une autre localité": a target other than the one just told.
const ANOTHER_TARGET: [&str; 2] = ["un autre ", "une autre "];

/// Target nouns after "un autre" / "une autre" (folded).
const TARGETS: [&str; 14] = [
    "campement",
    "village",
    "hameau",
    "camp",
    "poste",
    "site",
    "convoi",
    "vehicule",
    "car",
    "marche",
    "quartier",
    "localite",
    "position",
    "base",
];

/// Where a clause naming another target with its place cuts `range`: at the last comma,
/// "que" or "et" before "un autre campement à B", when a place is named before it, at
/// least four words in. `None` when the range names no other target, or no place after it.
fn another_target_cut(text: &str, range: Range<usize>) -> Option<usize> {
    let part = text.get(range.clone())?;
    // Most sentences name no other target: nothing is lowercased for them.
    if !part.contains("autre ") {
        return None;
    }
    let lower = part.to_lowercase();
    if lower.len() != part.len() {
        return None;
    }
    let (at, len) = ANOTHER_TARGET
        .iter()
        .flat_map(|a| lower.match_indices(a).map(move |(i, _)| (i, a.len())))
        .min()?;
    let noun = fold_key(lower[at + len..].split_whitespace().next().unwrap_or(""));
    if !TARGETS.contains(&noun.as_str()) || !names_soon(&part[at + len..]) {
        return None;
    }
    let before = &lower[..at];
    let cut = [", ", " que ", " qu'", " qu’", " et "]
        .iter()
        .filter_map(|c| before.rfind(c))
        .max()?;
    let head = &part[..cut];
    (fold_key(head).split_whitespace().count() >= 4
        && head
            .split_whitespace()
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase)))
    .then_some(range.start + cut)
}

/// "En plus des", "outre les": a clause opening that sets another event's dead beside the
/// ones the sentence goes on to tell.
const BESIDE: [&str; 4] = ["en plus des ", "en plus de ", "outre les ", "outre "];

/// Where "En plus des 31 personnes tuées à A, neuf autres sont mortes à B" cuts `range`: at
/// the comma before the others, when the opening names a place. `None` when the range does
/// not open so, or no figure of others follows a comma.
fn beside_another_toll_cut(text: &str, range: Range<usize>) -> Option<usize> {
    let part = text.get(range.clone())?;
    let folded = fold_key(part);
    if !BESIDE.iter().any(|b| folded.starts_with(b)) {
        return None;
    }
    part.match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| {
            let after = fold_key(&part[i + 2..]);
            let mut words = after.split_whitespace();
            let figure = words.next().unwrap_or("");
            let figure_like = figure.chars().all(|c| c.is_ascii_digit())
                || crate::extract::numbers::parse_french_number(figure).is_some();
            figure_like && words.next() == Some("autres")
        })
        .filter(|&i| {
            part[..i]
                .split_whitespace()
                .skip(1)
                .any(|w| w.starts_with(char::is_uppercase))
        })
        .map(|i| range.start + i)
}

/// Whether the words after "qu" (the elided "que": "'à B", "'au camp de", "e dans la
/// localité de") open on a preposition of place.
fn opens_on_a_place(after: &str) -> bool {
    let after = after
        .strip_prefix('\'')
        .or_else(|| after.strip_prefix('’'))
        .or_else(|| after.strip_prefix("e "))
        .unwrap_or("");
    ["à ", "au ", "aux ", "dans ", "près ", "non loin "]
        .iter()
        .any(|p| after.starts_with(p))
}

/// Whether a capitalised word (a name) comes within the first words of `after`: "à Ténenkou",
/// "au camp de Kidal", not "à peine arrivé" or "à l'aube".
fn names_soon(after: &str) -> bool {
    after.split_whitespace().take(6).any(|w| {
        w.trim_start_matches(['\'', '’'])
            .starts_with(char::is_uppercase)
    })
}

/// Whether `rest` (from a coordinator) goes on with a past participle of the sentence's
/// subject: "et retrouvés morts", "puis exécutés", "et ont été libérés".
fn continues_the_subject(rest: &str) -> bool {
    if rest.trim_start().starts_with(';') {
        return false;
    }
    let folded = fold_key(rest);
    let mut words = folded.split_whitespace();
    let _coordinator = words.next();
    let Some(mut word) = words.next() else {
        return false;
    };
    // "et ont été retrouvés", "puis a été relâché".
    if matches!(word, "ont" | "a") && words.next() == Some("ete") {
        return true;
    }
    if word == "sont" {
        word = words.next().unwrap_or_default();
    }
    // A plural participle agrees with the victims ("retrouvés", "exécutées"); a singular one
    // may be an active verb of another event ("puis attaqué B le 9 mai").
    word.len() > 3
        && ["es", "ees", "is", "us"].iter().any(|e| word.ends_with(e))
        && !FILLER.contains(&word)
        && !matches!(
            word,
            "celle" | "celles" | "apres" | "pres" | "dans" | "sous"
        )
}

/// "et celle de B", "puis celui du camp de C": a clause (folded opening) that tells another
/// event of the kind just named, without naming it again.
pub fn resumes_event(opening: &str) -> bool {
    let rest = ["et ", "puis ", "ainsi que "]
        .iter()
        .find_map(|c| opening.strip_prefix(c))
        .unwrap_or(opening);
    ["celle ", "celles ", "celui ", "ceux "].iter().any(|p| {
        rest.strip_prefix(p)
            .is_some_and(|r| r.starts_with("de ") || r.starts_with("du ") || r.starts_with("d "))
    })
}

/// `r` without the spaces and punctuation that open or close it.
fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let part = &text[r.clone()];
    let lead = part.len() - part.trim_start_matches([' ', ',', ';', '\n']).len();
    let tail = part.len() - part.trim_end_matches([' ', ',', ';', '\n']).len();
    if lead + tail >= part.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - tail
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::find_dates;
    use chrono::NaiveDate;

    fn clauses(text: &str) -> Vec<&str> {
        let reference = NaiveDate::from_ymd_opt(2021, 12, 31);
        let mentions = find_dates(text, reference);
        let whole: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        match cut_roundups(text, &whole, &mentions) {
            Some(v) => v.into_iter().map(|r| &text[r]).collect(),
            None => vec![text],
        }
    }

    #[test]
    fn a_contrast_opening_on_a_place_is_another_clause() {
        let text = "Le camp de Dioura a été attaqué mardi. Sept gendarmes y ont péri alors \
                    qu'à Ténenkou, trois civils ont été tués.";
        let second = text.find("Sept").unwrap();
        let sentences = [0..second - 1, second..text.len()];
        let cut = cut_roundups(text, &sentences, &[]).expect("the contrast cuts");
        let parts: Vec<&str> = cut.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            parts,
            [
                "Le camp de Dioura a été attaqué mardi.",
                "Sept gendarmes y ont péri",
                "alors qu'à Ténenkou, trois civils ont été tués."
            ]
        );
        // "tandis que dans la localité de …" as well.
        assert_eq!(
            clauses(
                "Deux soldats sont morts à Boni, tandis que dans la localité de Hombori un civil a été blessé."
            ),
            [
                "Deux soldats sont morts à Boni",
                "tandis que dans la localité de Hombori un civil a été blessé."
            ]
        );
    }

    #[test]
    fn the_dead_of_another_place_set_beside_others_are_another_clause() {
        assert_eq!(
            clauses(
                "Outre les sept villageois abattus à Dinangourou, quatre autres civils ont péri \
                 dans l'explosion d'une mine près de Mondoro."
            ),
            [
                "Outre les sept villageois abattus à Dinangourou",
                "quatre autres civils ont péri dans l'explosion d'une mine près de Mondoro."
            ]
        );
        // No place of their own, or no others counted: one clause.
        for text in [
            "En plus des morts, 12 autres personnes ont été blessées à Boni.",
            "En plus des 12 morts de Boni, des dizaines de maisons ont été incendiées.",
        ] {
            assert_eq!(clauses(text), [text], "{text}");
        }
    }

    #[test]
    fn another_target_named_with_its_place_is_another_clause() {
        let text = "Un premier groupe a attaqué un campement à Tamalat, tuant huit personnes, \
                    selon un élu qui précise que des hommes armés ont visé un autre campement \
                    à Inékar, faisant trois morts.";
        let v = clauses(text);
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v[1].starts_with("que des hommes armés"), "{v:?}");
        // Another target with no place of its own, or a move there, stays in its sentence.
        for text in [
            "Les assaillants ont attaqué le poste de Boni puis un autre poste, tuant deux soldats.",
            "Les assaillants ont tué deux bergers à Boni et se sont repliés vers un autre site.",
        ] {
            assert_eq!(clauses(text), [text], "{text}");
        }
    }

    #[test]
    fn a_contrast_of_time_or_of_people_is_no_cut() {
        for text in [
            "Les assaillants ont tiré sur les passants alors qu'ils rentraient du marché de Boni.",
            "Le poste a été attaqué à l'aube, alors que la relève arrivait de Douentza.",
            "Tué alors qu'à peine arrivé, le soldat a été inhumé.",
        ] {
            assert_eq!(clauses(text), [text], "{text}");
        }
    }

    #[test]
    fn a_round_up_of_attacks_is_cut_at_each_coordinator() {
        let text = "Après l'attaque du poste de Kéra, le mardi 9 mars 2021, et celle du \
                    village de Doro, le vendredi 12 mars ; les habitants ont fui.";
        assert_eq!(
            clauses(text),
            [
                "Après l'attaque du poste de Kéra, le mardi 9 mars 2021",
                "et celle du village de Doro, le vendredi 12 mars",
                "les habitants ont fui."
            ]
        );
    }

    #[test]
    fn the_cut_goes_before_a_date_that_opens_its_clause() {
        let text = "Des hommes armés ont frappé le 3 mai à Sama et Tiby et le 9 mai à Kolongo.";
        assert_eq!(
            clauses(text),
            [
                "Des hommes armés ont frappé le 3 mai à Sama et Tiby",
                "et le 9 mai à Kolongo."
            ]
        );
        // A singular participle may be another event's active verb.
        let text = "Des hommes armés ont frappé le 3 mai à Sama, puis attaqué Kolongo le 9 mai.";
        assert_eq!(clauses(text).len(), 2, "{text}");
    }

    #[test]
    fn a_semicolon_beats_a_bare_conjunction() {
        let text = "Le 2 avril, deux bergers et un commerçant ont été tués à Niono ; \
                    le 4 avril, un camion a sauté sur une mine près de Diabaly.";
        let v = clauses(text);
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v[1].starts_with("le 4 avril"), "{v:?}");
    }

    #[test]
    fn celle_de_resumes_the_event_just_named() {
        assert!(resumes_event("et celle du village de doro le 12 mars"));
        assert!(resumes_event("puis celui de la gendarmerie de kati"));
        assert!(!resumes_event("celle ci a ete demantelee"));
        assert!(!resumes_event("et le 9 mai a kolongo"));
    }

    #[test]
    fn two_days_of_one_span_or_without_coordinator_stay_one_sentence() {
        for text in [
            "Trois bergers ont été enlevés le 8 mars près de Nara et retrouvés morts le 10 mars.",
            "Deux élus ont été enlevés le 8 mars à Kita puis exécutés le 11 mars.",
            "Deux élus ont été enlevés le 8 mars à Kita et ont été libérés le 11 mars.",
            "Les combats du 8 et du 9 mars ont fait dix morts à Ténenkou.",
            "Dix civils ont été tués le 8 mars à Ténenkou, a indiqué le 10 mars le gouverneur.",
            "Le 8 mars, l'armée a attaqué Dogo.",
        ] {
            assert_eq!(clauses(text), [text], "{text}");
        }
    }
}
