//! "L'incident est survenu près de A lorsque le bus se dirigeait vers B", "L'attaque s'est
//! produite entre A et B": a sentence whose verb says the facts took place, then where. The
//! clause after that verb, up to the next subordinate clause or comma, is where the incident
//! happened; the geocoder takes a town named there before the towns of the incident's other
//! sentences (a bus's destination in the lead, a source's town).
//!
//! Not here: attaching such a sentence to the incident it continues (`segment` does), or the
//! day it may give (`dates`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// "s'est produite", "a eu lieu", "est survenu", "se sont déroulés": the facts took place.
/// Case-insensitive, on the original text (apostrophes straight or curly).
static TOOK_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:s['’]\s?est|se sont)\s+(?:produit|d[ée]roul[ée]|pass[ée])e?s?|(?:a|ont)\s+(?:\w+ment\s+)?eu\s+lieu|(?:est|sont)\s+survenue?s?)\b",
    )
    .expect("valid took-place pattern")
});

/// Where the clause saying where ends: a comma or another clause ("lorsque les passagers se
/// dirigeaient vers B" is the journey, not the place).
const CLAUSE_ENDS: &[&str] = &[
    ",",
    ";",
    ":",
    "(",
    "«",
    " lorsqu",
    " alors qu",
    " quand ",
    " tandis qu",
    " pendant qu",
    " au moment o",
    " où ",
    " après ",
    " apres ",
];

/// "sur l'axe", "près de", "à 25 km de": the clause says where (not only when, as in "a eu
/// lieu vers 10 heures").
const LOCATIVES: &[&str] = &[
    " à ",
    " a ",
    " au ",
    " aux ",
    " près ",
    " pres ",
    " non loin ",
    " dans ",
    " entre ",
    " sur ",
    " vers ",
    " aux environs ",
    " à environ ",
];

/// The byte range, within `sentence`, of the clause that says where the facts took place;
/// `None` when the sentence has no such verb, or the clause names no location (no
/// preposition of place after the verb).
pub fn where_clause(sentence: &str) -> Option<Range<usize>> {
    // Most sentences hold none of the verbs: the pattern is not run on them.
    if !["lieu", "surven", "produi", "roul", "pass"]
        .iter()
        .any(|w| sentence.contains(w))
    {
        return None;
    }
    let m = TOOK_PLACE.find(sentence)?;
    let rest = &sentence[m.end()..];
    let clause_end = |from: usize| {
        CLAUSE_ENDS
            .iter()
            .filter_map(|c| rest[from..].find(c))
            .min()
            .map_or(rest.len(), |e| from + e)
    };
    let mut end = clause_end(0);
    // "dans la localité de A, à 40 km au nord de B": the distance in apposition still says
    // where (and is all the geocoder has when A is missing from the gazetteer).
    if rest[end..].starts_with(", ") && says_a_distance(&rest[end + 2..]) {
        end = clause_end(end + 2);
    }
    let clause = &rest[..end];
    let padded = format!("{} ", clause.to_lowercase());
    LOCATIVES
        .iter()
        .any(|l| padded.contains(l))
        .then_some(m.end()..m.end() + end)
}

/// "à 40 km au nord de B", "à une quinzaine de kilomètres de B", "à environ 30 km".
fn says_a_distance(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("à ").or_else(|| text.strip_prefix("a ")) else {
        return false;
    };
    let rest = rest.strip_prefix("environ ").unwrap_or(rest);
    let words: Vec<&str> = rest.split_whitespace().take(4).collect();
    words
        .iter()
        .any(|w| matches!(*w, "km" | "kilomètres" | "kilometres"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(s: &str) -> Option<&str> {
        where_clause(s).map(|r| &s[r])
    }

    #[test]
    fn the_clause_after_the_verb_up_to_a_journey() {
        assert_eq!(
            clause("L'incident est survenu près de Dinangourou lorsque le bus allait à Koro."),
            Some(" près de Dinangourou")
        );
        assert_eq!(
            clause("L’attaque s’est produite entre Boni et Hombori, selon un élu."),
            Some(" entre Boni et Hombori")
        );
        assert_eq!(
            clause("Les faits se sont déroulés dans le hameau de Wéré où vivent des éleveurs."),
            Some(" dans le hameau de Wéré")
        );
        assert_eq!(
            clause("L'embuscade a eu lieu vers 10 heures à 20 km de Boré."),
            Some(" vers 10 heures à 20 km de Boré.")
        );
        // An adverb after the auxiliary; a distance in apposition.
        assert_eq!(
            clause(
                "L'attentat a justement eu lieu au hameau de Tiwal, à 25 km à l'ouest de Bourem, fief des rebelles."
            ),
            Some(" au hameau de Tiwal, à 25 km à l'ouest de Bourem")
        );
        assert_eq!(
            clause("L'attaque a eu lieu au hameau de Tiwal, selon un élu."),
            Some(" au hameau de Tiwal")
        );
    }

    #[test]
    fn a_verb_without_a_place_says_nothing_of_where() {
        assert_eq!(clause("L'attaque a eu lieu mardi soir."), None);
        assert_eq!(
            clause("L'attaque est survenue après la visite du ministre à Sévaré."),
            None
        );
        assert_eq!(clause("Trois soldats ont été tués à Boni."), None);
        assert_eq!(clause("Le convoi est passé par Douentza."), None);
    }
}
