//! Sentence segmentation for French news text, as trimmed byte ranges.
//!
//! Rule-based and conservative: it splits at . ! ? … before a capital (with or without a space),
//! after closing quotes, and at every line break; it keeps decimals, abbreviations, initials
//! and lowercase-continued ellipses together. It does not parse clauses or quotations.

use std::ops::Range;

/// Splits `text` into sentences: trimmed, non-empty byte ranges, in order. Every line break
/// ends a sentence, so a headline without a final period is a sentence of its own (hard wraps
/// inside sentences are undone first, by [`unwrap_hard_wraps`]).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            split_line(text, line_start..i, &mut sentences);
            line_start = i + c.len_utf8();
        }
    }
    split_line(text, line_start..text.len(), &mut sentences);
    sentences
}

/// Undoes hard wraps: a single line break ("\n" or "\r\n") between two non-blank lines, the
/// next one starting with a lowercase letter ("ont été\ntués") or being an item of a list the
/// line before opens ("12 morts :\n– 5 à A,"), is a space inside a sentence.
/// Each break byte becomes a space, so every byte offset of the text stays the same.
pub fn unwrap_hard_wraps(text: String) -> String {
    let wraps: Vec<usize> = text
        .match_indices('\n')
        .map(|(i, _)| i)
        .filter(|&i| wraps_at(&text, i))
        .collect();
    if wraps.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in wraps {
        bytes[i] = b' ';
        if i > 0 && bytes[i - 1] == b'\r' {
            bytes[i - 1] = b' ';
        }
    }
    // Only ASCII line-break bytes were replaced by ASCII spaces.
    String::from_utf8(bytes).expect("UTF-8 kept")
}

/// Whether the "\n" at `at` is a hard wrap (see [`unwrap_hard_wraps`]).
fn wraps_at(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let before = before.strip_suffix('\r').unwrap_or(before);
    let before = before.trim_end_matches([' ', '\t']);
    if before.is_empty() || before.ends_with(is_line_break) {
        return false;
    }
    let next = text[at + 1..].trim_start_matches([' ', '\t']);
    // "Attaque à Niono\n date 2020-11 L'imam…": a header date under the title starts a line.
    if next.strip_prefix("date").is_some_and(|rest| {
        rest.trim_start_matches([' ', ':'])
            .starts_with(|c: char| c.is_ascii_digit())
    }) {
        return false;
    }
    // "Le bilan est de 12 morts :\n– 5 à A,\n– 4 à B": the items of a list a sentence opens
    // with a colon go on with that sentence.
    let list_item = before.ends_with([':', ',', ';'])
        && next.starts_with(['–', '-', '•', '—'])
        && next[next.chars().next().map_or(0, char::len_utf8)..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase());
    // "…, dans le cercle de Koro,\n4 morts à C": an item after a comma, without its dash.
    let undashed_item = before.ends_with(',') && next.starts_with(|c: char| c.is_ascii_digit());
    list_item || undashed_item || next.chars().next().is_some_and(char::is_lowercase)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Quotes and brackets that close a sentence after its terminator (`» ” ) ]`).
fn is_strong_closer(c: char) -> bool {
    matches!(c, '»' | '”' | ')' | ']' | '›')
}

/// Straight quotes and apostrophes close only when glued to the terminator (`." Le`).
fn is_weak_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '’')
}

/// Characters that may open a sentence before its first letter.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '«' | '“' | '"' | '‘' | '\'' | '(' | '[' | '—' | '–' | '-' | '‹' | '„'
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

/// Abbreviations (lowercased, without the final period) after which a period does not end
/// a sentence. Single letters (initials, "p.") are handled separately.
const ABBREVIATIONS: &[&str] = &[
    "mm", "mme", "mmes", "mlle", "mlles", "mgr", "me", "dr", "pr", "prof", "gal", "gén", "gen",
    "gl", "col", "cdt", "cmdt", "cne", "cpt", "capt", "lt", "lieut", "sgt", "adj", "adjt", "st",
    "ste", "sts", "etc", "km", "av", "apr", "j.-c", "jc", "p.ex", "ex", "no", "nº", "n°", "cf",
    "env", "hab", "tél", "tel", "chap", "fig", "éd", "vs", "mr", "mrs", "jr", "sr", "cie", "ets",
    "bd", "boul", "dép", "cons", "min", "max", "resp", "coll", "vol",
];

fn split_line(text: &str, line: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(line_text) = text.get(line.clone()) else {
        return;
    };
    let chars: Vec<(usize, char)> = line_text
        .char_indices()
        .map(|(i, c)| (i + line.start, c))
        .collect();
    let byte_at = |k: usize| chars.get(k).map_or(line.end, |&(b, _)| b);
    let mut sentence_start = line.start;
    let mut k = 0;
    while k < chars.len() {
        if !is_terminator(chars[k].1) {
            k += 1;
            continue;
        }
        let run_start = k;
        let mut run_end = k;
        while run_end < chars.len() && is_terminator(chars[run_end].1) {
            run_end += 1;
        }
        let end = consume_closers(&chars, run_end);
        if ends_sentence(&chars, run_start, run_end, end) {
            push_trimmed(text, sentence_start..byte_at(end), out);
            sentence_start = byte_at(end);
        }
        k = end.max(run_end);
    }
    push_trimmed(text, sentence_start..line.end, out);
}

/// Index after the closing quotes/brackets that follow a terminator run ending at `from`.
fn consume_closers(chars: &[(usize, char)], from: usize) -> usize {
    let mut end = from;
    let mut k = from;
    loop {
        while k < chars.len() && is_space(chars[k].1) {
            k += 1;
        }
        match chars.get(k) {
            Some(&(_, c)) if is_strong_closer(c) || (is_weak_closer(c) && k == end) => {
                k += 1;
                end = k;
            }
            _ => return end,
        }
    }
}

/// Whether the terminator run `chars[run_start..run_end]` (with closers up to `end`) ends a
/// sentence, judging by the word before it and what follows.
fn ends_sentence(chars: &[(usize, char)], run_start: usize, run_end: usize, end: usize) -> bool {
    let mut next = end;
    while next < chars.len() && is_space(chars[next].1) {
        next += 1;
    }
    let Some(&(_, next_char)) = chars.get(next) else {
        // End of line: the line break ends the sentence anyway.
        return false;
    };
    let spaced = next > end;
    let single_period = run_end - run_start == 1 && chars[run_start].1 == '.';
    let word = word_before(chars, run_start);
    if single_period && is_abbreviation(&word) {
        return false;
    }
    if spaced {
        starts_sentence(chars, next)
    } else if end > run_end {
        // "…fini.»Le": a closer glued to the next word still ends the sentence.
        next_char.is_uppercase()
    } else {
        // "malien.Au Mali" splits; "1.200", "J.-C", "A.Q.M.I" do not.
        next_char.is_uppercase() && word.chars().filter(|c| c.is_alphanumeric()).count() >= 2
    }
}

/// A sentence starts at `k`: a capital or a digit, possibly after an opening quote or dash.
fn starts_sentence(chars: &[(usize, char)], k: usize) -> bool {
    let mut k = k;
    let mut openers = 0;
    while let Some(&(_, c)) = chars.get(k) {
        if is_opener(c) || (openers > 0 && is_space(c)) {
            openers += 1;
            k += 1;
            if openers > 4 {
                return false;
            }
        } else {
            return c.is_uppercase() || c.is_ascii_digit();
        }
    }
    false
}

/// The word just before index `end`: back to the previous space, without leading quotes or
/// brackets and without an elided article ("l’ex" → "ex").
fn word_before(chars: &[(usize, char)], end: usize) -> String {
    let mut start = end;
    while start > 0 && !is_space(chars[start - 1].1) {
        start -= 1;
    }
    let word: String = chars[start..end].iter().map(|&(_, c)| c).collect();
    let word = word.trim_start_matches(|c: char| is_opener(c) || is_strong_closer(c));
    let word = match word.rfind(['’', '\'']) {
        Some(p) => &word[p + word[p..].chars().next().map_or(1, char::len_utf8)..],
        None => word,
    };
    word.to_string()
}

fn is_abbreviation(word: &str) -> bool {
    let mut letters = word.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        // Initials ("A. Kouffa") and one-letter abbreviations ("p. 12", "M. Traoré").
        return c.is_alphabetic();
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(range.clone()) else {
        return;
    };
    let trimmed_start = s.trim_start_matches(is_space);
    let start = range.start + (s.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(is_space);
    if !trimmed.is_empty() {
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_at_terminators_before_capitals() {
        assert_eq!(
            sentences(
                "Deux soldats sont morts. Un civil a été blessé ! Qui a tiré ? Personne… Enfin."
            ),
            [
                "Deux soldats sont morts.",
                "Un civil a été blessé !",
                "Qui a tiré ?",
                "Personne…",
                "Enfin."
            ]
        );
    }

    #[test]
    fn splits_when_no_space_follows_the_period() {
        assert_eq!(
            sentences("selon le porte-parole malien.Au Mali, la tension monte."),
            [
                "selon le porte-parole malien.",
                "Au Mali, la tension monte."
            ]
        );
    }

    #[test]
    fn splits_after_closing_quotes() {
        assert_eq!(
            sentences(
                "« Nous avons riposté. » Le camp a tenu. Il a dit : \"C'est fini.\" Puis il est parti."
            ),
            [
                "« Nous avons riposté. »",
                "Le camp a tenu.",
                "Il a dit : \"C'est fini.\"",
                "Puis il est parti."
            ]
        );
        assert_eq!(
            sentences("« Où sont-ils ? », demande un habitant. « Partis. »"),
            ["« Où sont-ils ? », demande un habitant.", "« Partis. »"]
        );
    }

    #[test]
    fn splits_before_an_opening_quote_or_a_number() {
        assert_eq!(
            sentences("Le maire a parlé. « Nous avons peur », dit-il. 12 maisons ont brûlé."),
            [
                "Le maire a parlé.",
                "« Nous avons peur », dit-il.",
                "12 maisons ont brûlé."
            ]
        );
    }

    #[test]
    fn keeps_decimals_together() {
        assert_eq!(
            sentences("Le bilan passe à 1.200 déplacés, soit 2,5 % de plus. La route fait 3.5 km."),
            [
                "Le bilan passe à 1.200 déplacés, soit 2,5 % de plus.",
                "La route fait 3.5 km."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_together() {
        let text = "M. Traoré et Mme. Coulibaly ont reçu MM. Keïta et Mgr. Zerbo. \
            Le Gal. Diarra, le Gén. Camara, le Col. Maïga et le Cdt. Sidibé étaient là. \
            Le Dr. Touré est arrivé à St. Louis. Des armes, des motos, etc. Tout a brûlé à 5 km. Au nord. \
            Né vers 1200 av. J.-C. Dans le delta. On cite p.ex. Tombouctou, ex. Gao. \
            Le n°. 3 a vu A. Kouffa et I. Ag Ghaly.";
        assert_eq!(
            sentences(text),
            [
                "M. Traoré et Mme. Coulibaly ont reçu MM. Keïta et Mgr. Zerbo.",
                "Le Gal. Diarra, le Gén. Camara, le Col. Maïga et le Cdt. Sidibé étaient là.",
                "Le Dr. Touré est arrivé à St. Louis.",
                "Des armes, des motos, etc. Tout a brûlé à 5 km. Au nord.",
                "Né vers 1200 av. J.-C. Dans le delta.",
                "On cite p.ex. Tombouctou, ex. Gao.",
                "Le n°. 3 a vu A. Kouffa et I. Ag Ghaly."
            ]
        );
    }

    #[test]
    fn ellipsis_followed_by_lowercase_continues() {
        assert_eq!(
            sentences("Ils attendaient... puis ils ont tiré. Après... Le silence."),
            [
                "Ils attendaient... puis ils ont tiré.",
                "Après...",
                "Le silence."
            ]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_headlines_stand_alone() {
        assert_eq!(
            sentences(
                "Attaque contre un convoi à Gossi\r\n\r\n  Le convoi a été visé hier\nsans faire de victimes.  \n\n"
            ),
            [
                "Attaque contre un convoi à Gossi",
                "Le convoi a été visé hier",
                "sans faire de victimes."
            ]
        );
    }

    #[test]
    fn a_hard_wrap_before_a_lowercase_word_is_a_space() {
        let text = "Neuf soldats ont été\r\ntués lundi près de Nara.\nLe bilan est provisoire.";
        let unwrapped = unwrap_hard_wraps(text.to_string());
        assert_eq!(unwrapped.len(), text.len());
        assert_eq!(
            sentences(&unwrapped),
            [
                "Neuf soldats ont été  tués lundi près de Nara.",
                "Le bilan est provisoire."
            ]
        );
        // A blank line is a paragraph break, and a capital after a line break may open a
        // sentence (a headline then its lead).
        let text = "Attaque près de Nara\n\ntrois morts selon l'armée\nDes hommes armés ont tiré.";
        assert_eq!(unwrap_hard_wraps(text.to_string()), text);
    }

    #[test]
    fn the_items_of_a_list_opened_by_a_colon_go_on_with_its_sentence() {
        let text = "Le bilan est de neuf morts :\n– 4 morts à Kéra,\n- 3 morts à Dari,\n2 morts à \
                    Bolé.\nLes blessés ont été évacués.";
        let unwrapped = unwrap_hard_wraps(text.to_string());
        assert_eq!(sentences(&unwrapped).len(), 2, "{unwrapped}");
        // A dash line after a sentence that ends is a sentence of its own.
        let text = "Le bilan est lourd.\n– Les blessés ont été évacués.";
        assert_eq!(unwrap_hard_wraps(text.to_string()), text);
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            sentences("Selon la gendarmerie. les faits datent d’hier."),
            ["Selon la gendarmerie. les faits datent d’hier."]
        );
    }

    #[test]
    fn ranges_are_trimmed_of_odd_spaces() {
        let text = "\u{a0}\u{feff}Kidal est calme.\u{202f}";
        assert_eq!(sentences(text), ["Kidal est calme."]);
        assert!(split_sentences("   \n\t ").is_empty());
        assert!(split_sentences("").is_empty());
    }
}
