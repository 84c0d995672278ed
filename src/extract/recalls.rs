//! "Cette attaque intervient deux semaines après celle de Gourma-Rharous, qui avait fait 11
//! morts": a sentence that ties the incident just told to an earlier one, and says how long
//! before it happened. The dead it counts are that earlier event's, and its day is the
//! incident's day minus the gap.
//!
//! Not here: deciding that the sentence starts another incident (`segment` does, when it
//! counts dead), or dates written out ("le 13 septembre"), which `dates` reads.

use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::DatePrecision;

use super::numbers::parse_french_number;

/// How long before the incident just told the recalled event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecallGap {
    /// Days back; `None` for "quelques jours", which gives no day.
    pub days: Option<i64>,
    /// How precisely the gap places the day: "deux jours" to the day, "deux semaines" to the
    /// week, "un mois" to the month.
    pub precision: DatePrecision,
}

/// "intervient (à peine|moins de|seulement) <N> <unit> après": the verb of a follow-up, then
/// the gap. Folded text (lowercase, no accents, punctuation as spaces).
static GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:intervien[a-z]*|intervenu[a-z]*|intervenait|survien[a-z]*|survenu[a-z]*|survenait|se produit|s est produite?|a lieu|ont lieu|a eu lieu|ont eu lieu|avait eu lieu|fait suite)\s+(?:(?:d ailleurs|donc|ainsi|alors|seulement|a peine|moins de|plus de|pres de|environ|tout juste|juste)\s+)*((?:[a-z]+|\d+)(?:\s+[a-z]+)?)\s+(heures?|jours?|semaines?|mois)\s+apres\s+(?:l |la |le |les |un |une |celle|celui|ceux|qu |que |son |sa |ses )",
    )
    .expect("valid recall-gap pattern")
});

/// "survient au lendemain de celle …": the verb of a follow-up, then "the day after" the
/// recalled event (folded text).
static DAY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:intervien[a-z]*|intervenu[a-z]*|intervenait|survien[a-z]*|survenu[a-z]*|survenait|se produit|s est produite?|a eu lieu|avait eu lieu)\s+(?:(?:d ailleurs|donc|ainsi|alors|seulement|juste)\s+)*au lendemain (?:de |d |du |des )",
    )
    .expect("valid day-after pattern")
});

/// The gap a follow-up sentence (folded) gives to the earlier event it recalls, if it says
/// one.
pub fn recall_gap(folded_sentence: &str) -> Option<RecallGap> {
    if folded_sentence.contains(" au lendemain ") && DAY_AFTER.is_match(folded_sentence) {
        return Some(RecallGap {
            days: Some(1),
            precision: DatePrecision::Day,
        });
    }
    // Most sentences say no "après": the pattern is not run on them.
    if !folded_sentence.contains(" apres ") {
        return None;
    }
    let caps = GAP.captures(folded_sentence)?;
    let count = caps.get(1)?.as_str();
    let unit = caps.get(2)?.as_str();
    let n = match count {
        "quelques" | "plusieurs" => None,
        "un" | "une" => Some(1),
        c => Some(
            c.parse::<i64>()
                .ok()
                .or_else(|| parse_french_number(c).and_then(|n| i64::try_from(n).ok()))?,
        ),
    };
    let (days, precision) = match unit {
        // "48 heures après": two days; "quelques heures après": the same day.
        "heure" | "heures" => (Some(n.map_or(0, |h| h / 24)), DatePrecision::Day),
        "jour" | "jours" => (n, DatePrecision::Day),
        "semaine" | "semaines" => (n.map(|w| w * 7), DatePrecision::Week),
        _ => (n.map(|m| m * 30), DatePrecision::Month),
    };
    Some(RecallGap { days, precision })
}

/// "l'attaque la veille du camp", "les tirs de la veille sur leur camp", "un raid la veille":
/// an event noun said with "la veille" after it (folded).
static OF_THE_EVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(attaques?|assauts?|raids?|tirs|embuscades?|attentats?|affrontements|combats|explosions?|frappes?)\s+(?:[a-z]+\s+){0,2}?(?:de\s+|survenue?s?\s+)?la veille(?-u:\b)",
    )
    .expect("valid eve pattern")
});

/// Where the event a sentence (folded) names "de la veille" is named: the noun's byte offset.
pub fn event_of_the_eve(folded_sentence: &str) -> Option<usize> {
    if !folded_sentence.contains("la veille") {
        return None;
    }
    OF_THE_EVE.find(folded_sentence).map(|m| m.start())
}

/// Nouns of an event a recall may name after "après l'…" and a demonstrative may take up.
const EVENT_NOUNS: [&str; 10] = [
    "attaque",
    "massacre",
    "tuerie",
    "attentat",
    "embuscade",
    "carnage",
    "incursion",
    "frappe",
    "explosion",
    "raid",
];

/// The noun of the earlier event a follow-up sentence (folded) names right after "après":
/// "interviennent quelques mois après l'attaque de A" names an "attaque". "après celle de A"
/// names none: its pronoun stands for the incident's own noun.
pub fn recalled_event_noun(folded_sentence: &str) -> Option<&'static str> {
    let at = folded_sentence.find(" apres ")? + " apres ".len();
    let rest = &folded_sentence[at..];
    let rest = ["l ", "le ", "la ", "un ", "une "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))?;
    let noun = rest.split(' ').next()?;
    EVENT_NOUNS.iter().copied().find(|n| noun == *n)
}

/// "Cette attaque avait fait plus de 160 morts" right after "… quelques mois après l'attaque
/// de A": a sentence (folded) whose subject is a demonstrative with the recalled event's own
/// noun takes up that earlier event, not the incident being told. The subject may follow a
/// short opening ("Revendiquée par le JNIM, cette attaque…"), not a preposition ("Le bilan de
/// cette attaque…" counts the incident's own dead).
pub fn takes_up_the_recalled(folded_sentence: &str, noun: &str) -> bool {
    const OPENING_WORDS: usize = 5;
    const PREPOSITIONS: [&str; 12] = [
        "de", "d", "du", "a", "au", "par", "pour", "dans", "lors", "sur", "apres", "selon",
    ];
    let words: Vec<&str> = folded_sentence
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(OPENING_WORDS + 2)
        .collect();
    words.windows(2).enumerate().any(|(i, pair)| {
        ["cette", "cet", "ce"].contains(&pair[0])
            && pair[1] == noun
            && i.checked_sub(1)
                .is_none_or(|before| !PREPOSITIONS.contains(&words[before]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::normalize::fold_key;

    fn gap(sentence: &str) -> Option<RecallGap> {
        recall_gap(&fold_key(sentence))
    }

    #[test]
    fn a_follow_up_says_how_long_before_the_recalled_event_was() {
        let day = |days| {
            Some(RecallGap {
                days,
                precision: DatePrecision::Day,
            })
        };
        assert_eq!(
            gap("Cette embuscade intervient trois jours après celle de Boni."),
            day(Some(3))
        );
        assert_eq!(
            gap("L'attaque est survenue 48 heures après l'explosion d'une mine à Boni."),
            day(Some(2))
        );
        assert_eq!(
            gap("Elle intervient d'ailleurs soixante-douze heures après celles de Dioura."),
            day(Some(3))
        );
        assert_eq!(
            gap("Ce raid survient quelques jours après une frappe de drone à Ber."),
            day(None)
        );
        assert_eq!(
            gap("Cette attaque intervient alors cinq jours après celle de Ber."),
            day(Some(5))
        );
        assert_eq!(
            gap("Cette embuscade survient au lendemain de celle de Ber."),
            day(Some(1))
        );
        assert_eq!(
            gap("Le rapt, qui a eu lieu un jour après que sept passagers ont été tués."),
            day(Some(1))
        );
        assert_eq!(
            gap("L'embuscade s'est produite deux jours après celle de Boni."),
            day(Some(2))
        );
        assert_eq!(
            gap(
                "Cette frappe intervient à peine deux semaines après qu'un drone a tué cinq civils."
            ),
            Some(RecallGap {
                days: Some(14),
                precision: DatePrecision::Week
            })
        );
        assert_eq!(
            gap("L'assaut intervient un mois après une attaque similaire contre le camp."),
            Some(RecallGap {
                days: Some(30),
                precision: DatePrecision::Month
            })
        );
    }

    #[test]
    fn a_demonstrative_with_the_recalled_nouns_takes_up_the_earlier_event() {
        let noun = |s: &str| recalled_event_noun(&fold_key(s));
        assert_eq!(
            noun("Ce raid survient trois semaines après le massacre de Kéra, dans le même cercle."),
            Some("massacre")
        );
        assert_eq!(
            noun("Ces violences arrivent quelques mois après l'attentat de Gao."),
            Some("attentat")
        );
        // A pronoun stands for the incident's own noun, a visit is no event.
        assert_eq!(
            noun("L'attaque survient deux jours après celle de Dioura."),
            None
        );
        assert_eq!(
            noun("L'attaque intervient deux jours après la visite du ministre."),
            None
        );
        let takes_up = |s: &str, n: &str| takes_up_the_recalled(&fold_key(s), n);
        assert!(takes_up(
            "Ce massacre avait coûté la vie à 41 villageois.",
            "massacre"
        ));
        assert!(takes_up("Cet attentat a fait douze morts.", "attentat"));
        assert!(!takes_up("Cette attaque a fait douze morts.", "massacre"));
        assert!(!takes_up(
            "Le bilan de cette attaque est de douze morts.",
            "attaque"
        ));
        assert!(!takes_up("Ces attaques ont fait douze morts.", "attaque"));
        assert!(takes_up(
            "Revendiqué par un groupe armé, cet attentat avait fait six morts.",
            "attentat"
        ));
        assert!(!takes_up(
            "Au cours de cette embuscade, six soldats ont été tués.",
            "embuscade"
        ));
    }

    #[test]
    fn an_event_said_of_the_eve_is_found() {
        let eve = |s: &str| event_of_the_eve(&fold_key(s));
        assert!(
            eve("Le calme est revenu ce 5 mai à Boni, après l'attaque la veille du camp.")
                .is_some()
        );
        assert!(eve("Il a dénoncé les tirs de la veille sur leur camp de Boni.").is_some());
        assert!(eve("L'armée avait mené un raid aérien la veille contre une colonne.").is_some());
        // "La veille" that opens a sentence is an anaphor read elsewhere; a watch is no eve.
        assert!(eve("La veille, des hommes armés avaient attaqué Boni.").is_none());
        assert!(eve("Des habitants faisant de la veille sécuritaire ont vu des motos.").is_none());
    }

    #[test]
    fn a_gap_that_recalls_no_event_is_none() {
        // No verb of a follow-up: the gap tells when this incident's aftermath came.
        assert_eq!(
            gap("Deux jours après l'attaque, le maire a été enlevé."),
            None
        );
        // Nothing after "après" that names an event.
        assert_eq!(
            gap("Les secours sont intervenus deux heures après, selon un élu."),
            None
        );
    }
}
