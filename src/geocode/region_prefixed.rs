//! "Gourma Rarhouss", "Tafa Sirga": a town whose name starts with the name of a feature
//! that is no settlement (the Gourma region, the Tafa valley), its second word spelt in as
//! many ways as there are newsrooms, or glued to the first ("Tafasriga"). The name matcher
//! sees only "Gourma" or "Tafa", hundreds of km away; this looks the whole name up instead,
//! allowing for the second word's spelling.
//!
//! Not here: one-word misspellings, which the geocoder guesses after a locative cue.

use crate::corpus::normalize::fold_key;

use super::gazetteer::Gazetteer;
use super::mentions::{Mention, MentionKind};

/// Shortest second word read this way ("Ber" and other short words are too easily close to
/// something).
const MIN_SECOND_WORD: usize = 4;

/// Widens each mention of a feature that is no settlement ("Gourma", "Tafa") followed by a
/// capitalised word that no gazetteer name covers ("Rarhouss", "Sirga") to the town whose
/// name is the feature's then a word spelt close to it (same initial, at most half its letters
/// changed), with or without a space between.
pub(super) fn join_region_and_next_word(
    gazetteer: &Gazetteer,
    text: &str,
    mentions: &mut Vec<Mention>,
) {
    let mut i = 0;
    while i < mentions.len() {
        if let Some((word_end, key, places)) = town_it_begins(gazetteer, text, mentions, i) {
            // The word may have been read as a guess of its own ("Gourma, Rarhouss" reads as
            // a list); it is part of this name.
            if mentions.get(i + 1).is_some_and(|n| n.span.start < word_end) {
                mentions.remove(i + 1);
            }
            let m = &mut mentions[i];
            m.span.end = word_end;
            m.key = key;
            m.kind = MentionKind::Named(places);
        }
        i += 1;
    }
}

/// The town mention `i` (a feature that is no settlement) begins with the next word: where
/// that word ends, the joined key and the town's places.
fn town_it_begins(
    gazetteer: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    i: usize,
) -> Option<(usize, String, Vec<u32>)> {
    let m = &mentions[i];
    let MentionKind::Named(ids) = &m.kind else {
        return None;
    };
    if ids.is_empty()
        || ids
            .iter()
            .any(|&p| matches!(gazetteer.place(p).feature_class, 'P' | 'A'))
    {
        return None;
    }
    let (len, word) = next_capitalised_word(text, m.span.end)?;
    let word_end = m.span.end + len;
    // A gazetteer name there is a name of its own; an unknown word is ours to read.
    if mentions.get(i + 1).is_some_and(|n| {
        n.span.start < word_end && (n.kind != MentionKind::Unknown || n.span.end != word_end)
    }) {
        return None;
    }
    let second = fold_key(word);
    let initial = second.chars().next()?;
    let joined = format!("{} {second}", m.key);
    let glued = format!("{}{second}", m.key);
    let max = (second.chars().count() / 2).max(1);
    let mut found: Vec<u32> = gazetteer
        .fuzzy_same_initial(&joined, max)
        .into_iter()
        .chain(gazetteer.fuzzy_same_initial(&glued, max))
        .map(|(p, _)| p)
        .filter(|&p| {
            let place = gazetteer.place(p);
            place.country == "ML"
                && matches!(place.feature_class, 'P' | 'A')
                && fold_key(&place.name)
                    .replace(' ', "")
                    .strip_prefix(&m.key.replace(' ', ""))
                    .is_some_and(|rest| rest.starts_with(initial))
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    (!found.is_empty()).then_some((word_end, joined, found))
}

/// The capitalised word right after byte `at` (one space or hyphen between), as (its end
/// relative to `at`, the word), when it has at least [`MIN_SECOND_WORD`] letters.
fn next_capitalised_word(text: &str, at: usize) -> Option<(usize, &str)> {
    let rest = text.get(at..)?;
    let after_gap = rest.strip_prefix([' ', '-'])?;
    let len = after_gap
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after_gap.len());
    let word = &after_gap[..len];
    (word.chars().next()?.is_uppercase() && word.chars().count() >= MIN_SECOND_WORD)
        .then_some((rest.len() - after_gap.len() + len, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_word_must_be_capitalised_and_long_enough() {
        assert_eq!(
            next_capitalised_word("Gourma Rarhouss, hier", 6),
            Some((9, "Rarhouss"))
        );
        assert_eq!(
            next_capitalised_word("Gourma-Rahrous", 6),
            Some((8, "Rahrous"))
        );
        assert_eq!(next_capitalised_word("Gourma malien", 6), None);
        assert_eq!(next_capitalised_word("Gourma Ber", 6), None);
        assert_eq!(next_capitalised_word("Gourma, Tessit", 6), None);
    }
}
