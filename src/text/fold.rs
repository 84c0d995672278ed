//! Folding of French text for matching: case, accents, ligatures, apostrophes, hyphens and
//! odd spaces unified, with a map back to byte offsets in the original text.
//!
//! This is for *matching* (gazetteer names, lexicon cues), never for display: spans reported
//! to the user always point into the original text through [`Folded::original_range`].

use std::ops::Range;

/// Text folded for matching, with the original byte offset of every folded byte.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// Lowercase ASCII-ish text: letters without diacritics, digits, and single spaces
    /// where the original had any run of separators (spaces, punctuation, hyphens, apostrophes).
    pub text: String,
    /// `offsets[i]` is the byte offset in the original of the character that produced folded
    /// byte `i`; one extra entry at the end holds the original length.
    offsets: Vec<u32>,
}

impl Folded {
    /// Byte range in the original text covered by the folded range `r`.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        let last = self.offsets.len().saturating_sub(1);
        let start = self.offsets[r.start.min(last)] as usize;
        if r.end == 0 || r.end <= r.start {
            return start..start;
        }
        // End of the original character that produced the last folded byte.
        let end_idx = r.end.min(last);
        let mut end = self.offsets[end_idx] as usize;
        // Several folded bytes may come from one original char (œ → oe); step past them.
        let prev = self.offsets[end_idx - 1] as usize;
        if end <= prev {
            end = self.offsets[end_idx..]
                .iter()
                .map(|&o| o as usize)
                .find(|&o| o > prev)
                .unwrap_or(*self.offsets.last().unwrap_or(&0) as usize);
        }
        start..end
    }
}

/// Folds `s` for matching; see [`Folded`].
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut offsets = Vec::with_capacity(s.len() + 1);
    let mut pending_space: Option<usize> = None;
    // End of the last character that produced output: trailing separators map to nothing.
    let mut last_end = 0;
    for (i, c) in s.char_indices() {
        if !matches!(fold_char(c), Folding::Separator | Folding::Drop) {
            last_end = i + c.len_utf8();
        }
        match fold_char(c) {
            Folding::Separator => {
                if pending_space.is_none() && !text.is_empty() {
                    pending_space = Some(i);
                }
            }
            Folding::Drop => {}
            Folding::One(f) => {
                flush_space(&mut text, &mut offsets, &mut pending_space);
                text.push(f);
                offsets.push(i as u32);
            }
            Folding::Two(a, b) => {
                flush_space(&mut text, &mut offsets, &mut pending_space);
                text.push(a);
                text.push(b);
                offsets.push(i as u32);
                offsets.push(i as u32);
            }
            Folding::Other(o) => {
                flush_space(&mut text, &mut offsets, &mut pending_space);
                for lc in o.to_lowercase() {
                    text.push(lc);
                    for _ in 0..lc.len_utf8() {
                        offsets.push(i as u32);
                    }
                }
            }
        }
    }
    offsets.push(last_end as u32);
    Folded { text, offsets }
}

/// Folds a short key (a name, a cue word): [`fold`]'s text, without building the offset map
/// (the gazetteer folds ~60,000 names when it loads).
pub fn fold_key(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        let folding = fold_char(c);
        match folding {
            Folding::Separator => pending_space |= !text.is_empty(),
            Folding::Drop => continue,
            _ if std::mem::take(&mut pending_space) => text.push(' '),
            _ => {}
        }
        match folding {
            Folding::One(f) => text.push(f),
            Folding::Two(a, b) => {
                text.push(a);
                text.push(b);
            }
            Folding::Other(o) => text.extend(o.to_lowercase()),
            Folding::Separator | Folding::Drop => {}
        }
    }
    text
}

fn flush_space(text: &mut String, offsets: &mut Vec<u32>, pending: &mut Option<usize>) {
    if let Some(at) = pending.take() {
        text.push(' ');
        offsets.push(at as u32);
    }
}

/// What one character becomes when folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folding {
    /// Not part of a word: spaces, punctuation, apostrophes, hyphens, dashes, quotes.
    Separator,
    /// Nothing: combining marks (decomposed accents) and zero-width characters.
    Drop,
    /// One lowercase ASCII letter or digit.
    One(char),
    /// Two lowercase ASCII letters (ligatures: œ → oe).
    Two(char, char),
    /// Another letter or digit, kept (lowercased by the folds).
    Other(char),
}

/// The one folding table: what `c` becomes when text is folded for matching.
pub fn fold_char(c: char) -> Folding {
    use Folding::*;
    if c.is_ascii_alphanumeric() {
        return One(c.to_ascii_lowercase());
    }
    if c.is_ascii() {
        return Separator;
    }
    let one = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
            'e'
        }
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'i',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => 's',
        'ť' | 'ţ' | 'Ť' | 'Ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => {
            'u'
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        'ɛ' | 'Ɛ' => 'e',
        'ɔ' | 'Ɔ' => 'o',
        'ŋ' | 'Ŋ' => 'n',
        // Superscript letters of ordinals ("1ᵉʳ", "2ᵉ").
        'ᵉ' => 'e',
        'ʳ' => 'r',
        'œ' | 'Œ' => return Two('o', 'e'),
        'æ' | 'Æ' => return Two('a', 'e'),
        'ß' => return Two('s', 's'),
        // Combining marks (decomposed accents) vanish; the base letter was already kept.
        '\u{0300}'..='\u{036f}' => return Drop,
        // Zero-width characters and soft hyphens join what is around them.
        '\u{00ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {
            return Drop;
        }
        _ if c.is_alphanumeric() => return Other(c),
        // NBSP, narrow NBSP, typographic quotes and apostrophes, dashes, guillemets, ellipsis…
        _ => return Separator,
    };
    One(one)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unifies_case_accents_hyphens_and_apostrophes() {
        assert_eq!(fold_key("Tin-Zaouatène"), "tin zaouatene");
        assert_eq!(fold_key("TIN ZAOUATENE"), "tin zaouatene");
        assert_eq!(fold_key("l’armée d'Aguelhok"), "l armee d aguelhok");
        assert_eq!(fold_key("Ségou\u{a0}:\u{202f}« cœur »"), "segou coeur");
        assert_eq!(fold_key("  Kidal...  "), "kidal");
        assert_eq!(fold_key("Ti-n-Zaouâtene"), "ti n zaouatene");
    }

    proptest::proptest! {
        /// The key is exactly the folded text, for any input.
        #[test]
        fn fold_key_is_the_folded_text(s in "\\PC{0,40}") {
            proptest::prop_assert_eq!(fold_key(&s), fold(&s).text);
        }
    }

    #[test]
    fn fold_key_matches_fold_on_awkward_names() {
        for s in [
            "",
            " ",
            "--",
            "a",
            " a ",
            "a--b",
            "Ti-n-Zaouâtene",
            "cœur",
            "Se\u{301}gou ",
            "\u{ad}x\u{200b}y",
            "日本語 Gao",
            "İstanbul",
            "«Ségou»…",
            "ǅemal",
        ] {
            assert_eq!(fold_key(s), fold(s).text, "{s:?}");
        }
    }

    #[test]
    fn decomposed_accents_fold_like_precomposed() {
        assert_eq!(fold_key("Se\u{301}gou"), fold_key("Ségou"));
    }

    #[test]
    fn maps_folded_ranges_back_to_original_bytes() {
        let s = "Attaque à Tin-Zaouatène, près de Kidal.";
        let f = fold(s);
        let at = f.text.find("tin zaouatene").unwrap();
        let r = f.original_range(at..at + "tin zaouatene".len());
        assert_eq!(&s[r], "Tin-Zaouatène");
        let at = f.text.find("kidal").unwrap();
        assert_eq!(&s[f.original_range(at..at + 5)], "Kidal");
    }

    #[test]
    fn ligature_ranges_cover_the_whole_character() {
        let s = "le cœur du pays";
        let f = fold(s);
        let at = f.text.find("coeur").unwrap();
        assert_eq!(&s[f.original_range(at..at + 5)], "cœur");
        let at = f.text.find("co").unwrap();
        assert_eq!(&s[f.original_range(at..at + 3)], "cœ");
    }

    #[test]
    fn never_splits_a_character() {
        for s in ["é", "œ", "a\u{301}", "日本語 Gao", "", " ", "«»"] {
            let f = fold(s);
            for a in 0..=f.text.len() {
                for b in a..=f.text.len() {
                    let r = f.original_range(a..b);
                    assert!(s.get(r).is_some(), "{s:?} {a}..{b}");
                }
            }
        }
    }
}
