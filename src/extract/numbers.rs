//! French quantity recognition for casualty tolls: "132", "1 200", "cent trente-deux",
//! "une vingtaine de", "plus de 130", "entre 20 et 30" → a low / best / high range with its span.
//!
//! This module only finds quantities. It does not decide what they count: years, hours and
//! distances are returned like any other number, and the caller keeps those followed by a
//! victim noun. A lone "un"/"une" is an article far more often than a count, so it is never
//! returned on its own (it is, inside "vingt et un", "un million", "une dizaine").
//!
//! The text is tokenized once into words and numbers; words are folded (lowercase, no accents)
//! into a small stack buffer and looked up in a vocabulary of the few hundred words that can
//! start or continue a quantity, so a scan costs one pass and one token vector.
//! The ranges coded for vague words and modifiers live in data/lexicon/quantities.toml.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

pub use crate::model::TollRange;

/// One quantity expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range of the whole expression, modifiers included ("plus de 130", "une vingtaine de").
    pub span: Range<usize>,
    pub range: TollRange,
    /// The wording gives no figure ("une dizaine", "plusieurs", "quelques").
    pub vague: bool,
    /// The figure is written in words ("quarante-deux") rather than digits.
    pub words: bool,
}

/// All quantity expressions in `text`, in order, non-overlapping.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let lexicon = &*LEXICON;
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    tokenize(text, &mut |w| lexicon.lookup(w), &mut tokens);
    let scan = Scan {
        lexicon,
        tokens: &tokens,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scan.quantity_at(i) {
            Some(m) => {
                found.push(m.into_quantity(&tokens));
                i = m.end.max(i + 1);
            }
            None => i += 1,
        }
    }
    merge_restated_in_brackets(text, found)
}

/// "deux (02) morts", "quarante (40) personnes": the style of army and local-press bulletins
/// writes a figure twice, in words and in brackets in digits. That is one quantity, spanning
/// both, so the noun after the bracket counts it.
fn merge_restated_in_brackets(text: &str, found: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(found.len());
    for q in found {
        if let Some(prev) = out.last_mut()
            && prev.words != q.words
            && prev.range == q.range
            && text
                .get(prev.span.end..q.span.start)
                .is_some_and(|gap| gap.trim() == "(")
            && let Some(close) = text
                .get(q.span.end..)
                .and_then(|rest| rest.find(')').filter(|&k| rest[..k].trim().is_empty()))
        {
            prev.span.end = q.span.end + close + 1;
            prev.words = true;
            continue;
        }
        // "un (01) mort": "un" is no quantity of its own; the bracketed figure reaches its
        // closing bracket, so the noun after it still counts it.
        let mut q = q;
        if text
            .get(..q.span.start)
            .is_some_and(|before| before.trim_end().ends_with('('))
            && let Some(rest) = text.get(q.span.end..)
            && rest.starts_with(')')
        {
            q.span.end += 1;
        }
        out.push(q);
    }
    out
}

/// Reads a number written in French words: "cent trente-deux" → 132. Case-insensitive; accepts
/// hyphens or spaces, "et", plural "cents"/"vingts", regional "septante"/"nonante".
/// `None` when the text is not entirely one number phrase (digits included).
pub fn parse_french_number(words: &str) -> Option<u64> {
    let lexicon = &*LEXICON;
    let mut tokens = Vec::new();
    tokenize(words, &mut |w| lexicon.lookup(w), &mut tokens);
    let mut seq = Vec::with_capacity(tokens.len());
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && !t.gap.joins_number_words() {
            return None;
        }
        seq.push(lexicon.number_word(t)?);
    }
    match parse_number_words(&seq)? {
        (value, used) if used == seq.len() => Some(value),
        _ => None,
    }
}

/// Writes `n` in French words, traditional orthography: hyphens only inside numbers below a
/// hundred, "et" spaced ("vingt et un", "cent trente-deux", "deux mille trois cent quarante",
/// "quatre-vingts", "deux cents millions"). Beyond milliards: billion, billiard, trillion.
pub fn french_words(n: u64) -> String {
    if n == 0 {
        return "zéro".to_string();
    }
    let mut out = String::new();
    let mut rest = n;
    for &(scale, name) in SCALE_NAMES {
        let count = rest / scale;
        if count > 0 {
            push_separator(&mut out);
            push_below_1000(&mut out, count, true);
            out.push(' ');
            out.push_str(name);
            if count > 1 {
                out.push('s');
            }
            rest %= scale;
        }
    }
    let thousands = rest / 1000;
    if thousands > 0 {
        push_separator(&mut out);
        if thousands > 1 {
            // "cent" and "vingt" stay singular before "mille", which is not a noun.
            push_below_1000(&mut out, thousands, false);
            out.push(' ');
        }
        out.push_str("mille");
    }
    let units = rest % 1000;
    if units > 0 {
        push_separator(&mut out);
        push_below_1000(&mut out, units, true);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Writing numbers
// ---------------------------------------------------------------------------------------------

const UNIT_NAMES: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const TEN_NAMES: [&str; 7] = [
    "",
    "",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];
const SCALE_NAMES: &[(u64, &str)] = &[
    (1_000_000_000_000_000_000, "trillion"),
    (1_000_000_000_000_000, "billiard"),
    (1_000_000_000_000, "billion"),
    (1_000_000_000, "milliard"),
    (1_000_000, "million"),
];

fn push_separator(out: &mut String) {
    if !out.is_empty() {
        out.push(' ');
    }
}

fn unit_name(n: u64) -> &'static str {
    UNIT_NAMES.get(n as usize).copied().unwrap_or("")
}

/// `n` in 1..100. `last` means nothing multiplies it afterwards, so "quatre-vingts" takes its s.
fn push_below_100(out: &mut String, n: u64, last: bool) {
    match n {
        0..=16 => out.push_str(unit_name(n)),
        17..=19 => {
            out.push_str("dix-");
            out.push_str(unit_name(n - 10));
        }
        20..=69 => {
            out.push_str(TEN_NAMES.get((n / 10) as usize).copied().unwrap_or(""));
            match n % 10 {
                0 => {}
                1 => out.push_str(" et un"),
                u => {
                    out.push('-');
                    out.push_str(unit_name(u));
                }
            }
        }
        70..=79 => {
            out.push_str("soixante");
            if n == 71 {
                out.push_str(" et onze");
            } else {
                out.push('-');
                push_below_100(out, n - 60, last);
            }
        }
        _ => {
            out.push_str("quatre-vingt");
            if n == 80 {
                if last {
                    out.push('s');
                }
            } else {
                out.push('-');
                push_below_100(out, n - 80, last);
            }
        }
    }
}

/// `n` in 1..1000.
fn push_below_1000(out: &mut String, n: u64, last: bool) {
    let hundreds = n / 100;
    let rest = n % 100;
    if hundreds > 0 {
        if hundreds > 1 {
            out.push_str(unit_name(hundreds));
            out.push(' ');
        }
        out.push_str("cent");
        if hundreds > 1 && rest == 0 && last {
            out.push('s');
        }
        if rest > 0 {
            out.push(' ');
        }
    }
    if rest > 0 {
        push_below_100(out, rest, last);
    }
}

// ---------------------------------------------------------------------------------------------
// Reading number words
// ---------------------------------------------------------------------------------------------

/// A word that can be part of a number written in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberWord {
    Zero,
    /// 1..=9 ("un", "une", "deux" … "neuf").
    Unit(u64),
    /// 10..=16 ("dix" … "seize").
    Teen(u64),
    /// 20, 30 … 60, and the regional 70, 80, 90 ("septante", "huitante", "nonante").
    Tens(u64),
    Hundred,
    Thousand,
    /// million, milliard, billion, billiard, trillion.
    Scale(u64),
    /// "et", as in "vingt et un".
    Et,
}

/// Folded spellings of number words.
const NUMBER_WORDS: &[(&str, NumberWord)] = &[
    ("zero", NumberWord::Zero),
    ("un", NumberWord::Unit(1)),
    ("une", NumberWord::Unit(1)),
    ("deux", NumberWord::Unit(2)),
    ("trois", NumberWord::Unit(3)),
    ("quatre", NumberWord::Unit(4)),
    ("cinq", NumberWord::Unit(5)),
    ("six", NumberWord::Unit(6)),
    ("sept", NumberWord::Unit(7)),
    ("huit", NumberWord::Unit(8)),
    ("neuf", NumberWord::Unit(9)),
    ("dix", NumberWord::Teen(10)),
    ("onze", NumberWord::Teen(11)),
    ("douze", NumberWord::Teen(12)),
    ("treize", NumberWord::Teen(13)),
    ("quatorze", NumberWord::Teen(14)),
    ("quinze", NumberWord::Teen(15)),
    ("seize", NumberWord::Teen(16)),
    ("vingt", NumberWord::Tens(20)),
    ("vingts", NumberWord::Tens(20)),
    ("trente", NumberWord::Tens(30)),
    ("quarante", NumberWord::Tens(40)),
    ("cinquante", NumberWord::Tens(50)),
    ("soixante", NumberWord::Tens(60)),
    ("septante", NumberWord::Tens(70)),
    ("huitante", NumberWord::Tens(80)),
    ("octante", NumberWord::Tens(80)),
    ("nonante", NumberWord::Tens(90)),
    ("cent", NumberWord::Hundred),
    ("cents", NumberWord::Hundred),
    ("mille", NumberWord::Thousand),
    ("million", NumberWord::Scale(1_000_000)),
    ("millions", NumberWord::Scale(1_000_000)),
    ("milliard", NumberWord::Scale(1_000_000_000)),
    ("milliards", NumberWord::Scale(1_000_000_000)),
    ("billion", NumberWord::Scale(1_000_000_000_000)),
    ("billions", NumberWord::Scale(1_000_000_000_000)),
    ("billiard", NumberWord::Scale(1_000_000_000_000_000)),
    ("billiards", NumberWord::Scale(1_000_000_000_000_000)),
    ("trillion", NumberWord::Scale(1_000_000_000_000_000_000)),
    ("trillions", NumberWord::Scale(1_000_000_000_000_000_000)),
    ("et", NumberWord::Et),
];

/// Longest number at the start of `seq` below 100: (value, words used).
fn parse_below_100(seq: &[NumberWord]) -> Option<(u64, usize)> {
    use NumberWord::{Et, Teen, Tens, Unit};
    let second = seq.get(1).copied();
    let third = seq.get(2).copied();
    Some(match *seq.first()? {
        // "quatre-vingt(s)", "quatre-vingt-un", "quatre-vingt-dix-sept" (never with "et").
        Unit(4) if second == Some(Tens(20)) => match (third, seq.get(3).copied()) {
            (Some(Unit(u)), _) => (80 + u, 3),
            (Some(Teen(10)), Some(Unit(u @ 7..=9))) => (97 + u - 7, 4),
            (Some(Teen(t)), _) => (80 + t, 3),
            _ => (80, 2),
        },
        Unit(u) => (u, 1),
        Teen(10) => match second {
            Some(Unit(u @ 7..=9)) => (10 + u, 2),
            _ => (10, 1),
        },
        Teen(t) => (t, 1),
        Tens(tens) => match (second, third) {
            (Some(Et), Some(Unit(1))) => (tens + 1, 3),
            (Some(Et), Some(Teen(11))) if tens == 60 => (71, 3),
            (Some(Unit(u)), _) => (tens + u, 2),
            (Some(Teen(10)), _) if tens == 60 => match third {
                Some(Unit(u @ 7..=9)) => (70 + u, 3),
                _ => (70, 2),
            },
            (Some(Teen(t)), _) if tens == 60 => (60 + t, 2),
            _ => (tens, 1),
        },
        _ => return None,
    })
}

/// Longest number at the start of `seq` below 1000.
fn parse_below_1000(seq: &[NumberWord]) -> Option<(u64, usize)> {
    let (base, used) = match (seq.first()?, seq.get(1)) {
        (NumberWord::Unit(u), Some(NumberWord::Hundred)) if *u >= 2 => (100 * u, 2),
        (NumberWord::Hundred, _) => (100, 1),
        _ => return parse_below_100(seq),
    };
    let rest = seq.get(used..).unwrap_or(&[]);
    Some(match parse_below_100(rest) {
        Some((v, n)) => (base + v, used + n),
        None => (base, used),
    })
}

/// Longest number at the start of `seq` below a million.
fn parse_below_million(seq: &[NumberWord]) -> Option<(u64, usize)> {
    let (base, used) = match parse_below_1000(seq) {
        Some((v, n)) if v >= 2 && seq.get(n) == Some(&NumberWord::Thousand) => (v * 1000, n + 1),
        Some(head) => return Some(head),
        None if seq.first() == Some(&NumberWord::Thousand) => (1000, 1),
        None => return None,
    };
    let rest = seq.get(used..).unwrap_or(&[]);
    Some(match parse_below_1000(rest) {
        Some((v, n)) => (base + v, used + n),
        None => (base, used),
    })
}

/// Longest number at the start of `seq`: (value, words used). Scales must decrease
/// ("deux milliards trois cents millions"); an overflowing phrase stops before the overflow.
fn parse_number_words(seq: &[NumberWord]) -> Option<(u64, usize)> {
    if seq.first() == Some(&NumberWord::Zero) {
        return Some((0, 1));
    }
    let mut total: u64 = 0;
    let mut used = 0;
    let mut last_scale = u64::MAX;
    loop {
        let rest = seq.get(used..).unwrap_or(&[]);
        let Some((count, n)) = parse_below_1000(rest) else {
            break;
        };
        let Some(&NumberWord::Scale(scale)) = rest.get(n) else {
            break;
        };
        let Some(sum) = count.checked_mul(scale).and_then(|v| total.checked_add(v)) else {
            break;
        };
        if scale >= last_scale {
            break;
        }
        total = sum;
        used += n + 1;
        last_scale = scale;
    }
    match parse_below_million(seq.get(used..).unwrap_or(&[])) {
        Some((v, n)) => Some((total.checked_add(v)?, used + n)),
        None if used > 0 => Some((total, used)),
        None => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

type WordId = u16;

/// What separates a token from the one before it; the most separating character wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    Space,
    Apostrophe,
    Hyphen,
    /// En or em dash: separates words, but "20–30" is a range.
    Dash,
    /// Punctuation, a paragraph break, or the start of the text.
    Break,
}

impl Gap {
    fn of(c: char) -> Gap {
        match c {
            '\'' | '\u{2019}' | '\u{02bc}' => Gap::Apostrophe,
            '-' | '\u{2010}' | '\u{2011}' => Gap::Hyphen,
            '\u{2013}' | '\u{2014}' => Gap::Dash,
            c if c.is_whitespace() => Gap::Space,
            _ => Gap::Break,
        }
    }

    /// Inside a number in words: "quatre-vingt-dix", "deux cent".
    fn joins_number_words(self) -> bool {
        matches!(self, Gap::Space | Gap::Hyphen)
    }

    /// Inside a phrase: "près d'une", "au-delà de".
    fn joins_phrase(self) -> bool {
        matches!(self, Gap::Space | Gap::Apostrophe | Gap::Hyphen)
    }
}

/// A number written in digits: integer part and up to nine decimal digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DigitNumber {
    int: u64,
    fraction: u32,
    fraction_digits: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    /// A word of letters; its vocabulary id when it is one we know.
    Word(Option<WordId>),
    Digits(DigitNumber),
    /// Letters and digits mixed ("18h30", "G5", "1er"), or digits too long for a u64.
    Opaque,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    gap: Gap,
    kind: TokenKind,
}

impl Token {
    fn word(&self) -> Option<WordId> {
        match self.kind {
            TokenKind::Word(id) => id,
            _ => None,
        }
    }
}

/// Longest folded word worth looking up; longer words are never in the vocabulary.
const MAX_WORD: usize = 24;

/// Splits `text` into word, number and opaque tokens, recording the gap before each.
fn tokenize(text: &str, word_id: &mut dyn FnMut(&str) -> Option<WordId>, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut fold_buffer = [0u8; MAX_WORD];
    let mut pos = 0;
    let mut gap = Gap::Break;
    let mut newlines = 0u32;
    while let Some(&byte) = bytes.get(pos) {
        // ASCII fast path for the spaces and punctuation between words.
        if byte.is_ascii() && !byte.is_ascii_alphanumeric() {
            gap = gap.max(Gap::of(char::from(byte)));
            if byte == b'\n' {
                newlines += 1;
            }
            pos += 1;
            continue;
        }
        let Some(c) = char_at(text, pos) else {
            break;
        };
        if !c.is_alphanumeric() {
            gap = gap.max(Gap::of(c));
            if c == '\n' {
                newlines += 1;
            }
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let (kind, end) = if c.is_ascii_digit() {
            let run_end = start + count_digits(bytes, start);
            if char_at(text, run_end).is_some_and(char::is_alphanumeric) {
                (TokenKind::Opaque, alphanumeric_end(text, run_end))
            } else {
                match scan_digits(text, start, run_end) {
                    Some((number, end)) => (TokenKind::Digits(number), end),
                    None => (TokenKind::Opaque, run_end),
                }
            }
        } else {
            scan_word(text, start, &mut fold_buffer, word_id)
        };
        let gap_before = if newlines >= 2 { Gap::Break } else { gap };
        out.push(Token {
            start,
            end,
            gap: gap_before,
            kind,
        });
        pos = end;
        gap = Gap::Space;
        newlines = 0;
    }
}

/// The character starting at byte `at`, if `at` is a boundary inside `text`.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..)?.chars().next(),
        None => None,
    }
}

fn count_digits(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// End of the run of letters and digits from `at`.
fn alphanumeric_end(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at)
        && c.is_alphanumeric()
    {
        at += c.len_utf8();
    }
    at
}

/// A run of letters from `start`, folded while it is read (lowercase, no accents) and looked up.
/// A digit inside makes it opaque ("G5", "TB2"). An elided word ("d'", "jusqu'") keeps its
/// apostrophe in its span and reads as the full word.
fn scan_word(
    text: &str,
    start: usize,
    buffer: &mut [u8; MAX_WORD],
    word_id: &mut dyn FnMut(&str) -> Option<WordId>,
) -> (TokenKind, usize) {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut len = 0;
    let mut foldable = true;
    let mut has_digit = false;
    while let Some(&byte) = bytes.get(pos) {
        // ASCII fast path: most letters of a French text.
        if byte.is_ascii_alphabetic() {
            match buffer.get_mut(len) {
                Some(slot) => *slot = byte.to_ascii_lowercase(),
                None => foldable = false,
            }
            len += 1;
            pos += 1;
            continue;
        }
        if byte.is_ascii() && !byte.is_ascii_digit() {
            break;
        }
        let Some(c) = char_at(text, pos).filter(|&c| c.is_alphanumeric() || is_combining(c)) else {
            break;
        };
        pos += c.len_utf8();
        if c.is_ascii_digit() {
            has_digit = true;
            continue;
        }
        if !foldable {
            continue;
        }
        match fold_char(c) {
            Some((first, second)) => {
                for b in first.into_iter().chain(second) {
                    match buffer.get_mut(len) {
                        Some(slot) => *slot = b,
                        None => foldable = false,
                    }
                    len += 1;
                }
            }
            None => foldable = false,
        }
    }
    if has_digit {
        return (TokenKind::Opaque, pos);
    }
    let apostrophe = char_at(text, pos).filter(|&n| Gap::of(n) == Gap::Apostrophe);
    let end = pos + apostrophe.map_or(0, char::len_utf8);
    let folded = buffer
        .get(..len)
        .filter(|_| foldable)
        .and_then(|b| std::str::from_utf8(b).ok());
    let id = folded.and_then(|word| {
        let word = match (apostrophe, word) {
            (Some(_), "d") => "de",
            (Some(_), "l") => "le",
            (Some(_), "qu") => "que",
            (Some(_), "jusqu") => "jusque",
            _ => word,
        };
        word_id(word)
    });
    (TokenKind::Word(id), end)
}

/// Reads a digit run at `start..run_end` and the groups and decimals that extend it:
/// "1 200", "1 200" (NBSP, narrow NBSP, thin space), "1.200", "2,5". A group joins only
/// when the leading run has 1–3 digits and the group exactly 3, so "2022 15" stays apart.
fn scan_digits(text: &str, start: usize, run_end: usize) -> Option<(DigitNumber, usize)> {
    let bytes = text.as_bytes();
    let digit_value = |range: Range<usize>| -> Option<u64> {
        bytes.get(range)?.iter().try_fold(0u64, |acc, b| {
            acc.checked_mul(10)?
                .checked_add(u64::from(b.wrapping_sub(b'0')))
        })
    };
    let digits_at = |at: usize| count_digits(bytes, at);
    let alnum_at = |at: usize| char_at(text, at).is_some_and(char::is_alphanumeric);

    let mut int = digit_value(start..run_end)?;
    let mut end = run_end;
    if run_end - start <= 3 {
        while let Some(sep) = char_at(text, end)
            && matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '.')
        {
            let group = end + sep.len_utf8();
            if digits_at(group) != 3 || alnum_at(group + 3) {
                break;
            }
            int = int
                .checked_mul(1000)?
                .checked_add(digit_value(group..group + 3)?)?;
            end = group + 3;
        }
    }
    let mut number = DigitNumber {
        int,
        fraction: 0,
        fraction_digits: 0,
    };
    if let Some(mark @ (',' | '.')) = char_at(text, end) {
        let from = end + mark.len_utf8();
        let count = digits_at(from);
        if count > 0 && !alnum_at(from + count) {
            let kept = count.min(9);
            number.fraction = u32::try_from(digit_value(from..from + kept)?).ok()?;
            number.fraction_digits = kept as u32;
            end = from + count;
        }
    }
    Some((number, end))
}

/// A letter lowercased without its accent by the one table ([`crate::text::fold_char`]):
/// one or two ASCII bytes, none for a combining mark; `None` for other letters (a word with
/// one is never in the vocabulary).
fn fold_char(c: char) -> Option<(Option<u8>, Option<u8>)> {
    use crate::text::Folding;
    let ascii = |c: char| u8::try_from(c).ok().filter(u8::is_ascii_lowercase);
    match crate::text::fold_char(c) {
        Folding::One(f) => Some((Some(ascii(f)?), None)),
        Folding::Two(a, b) => Some((Some(ascii(a)?), Some(ascii(b)?))),
        Folding::Drop => Some((None, None)),
        Folding::Other(_) | Folding::Separator => None,
    }
}

/// A combining mark (a decomposed accent): part of the word it follows.
fn is_combining(c: char) -> bool {
    crate::text::fold_char(c) == crate::text::Folding::Drop
}

// ---------------------------------------------------------------------------------------------
// Lexicon (quantities.toml)
// ---------------------------------------------------------------------------------------------

/// Errors in the quantity lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("quantities.toml: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("quantities.toml: phrase {0:?} is not a sequence of plain words")]
    BadPhrase(String),
    #[error("quantities.toml: phrase {0:?} has low > best or best > high")]
    BadRange(String),
    #[error("quantities.toml: phrase {0:?} has a negative or non-finite factor")]
    BadFactor(String),
    #[error("quantities.toml: too many distinct words")]
    TooManyWords,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuantitiesFile {
    vague: Vec<VagueSpec>,
    modifier: Vec<ModifierSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VagueSpec {
    phrases: Vec<String>,
    low: u32,
    best: u32,
    high: u32,
    #[serde(default)]
    takes_de: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModifierSpec {
    phrases: Vec<String>,
    low: AffineSpec,
    best: AffineSpec,
    high: AffineSpec,
}

/// `N × times + plus`.
#[derive(Deserialize, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct AffineSpec {
    times: f64,
    #[serde(default)]
    plus: i64,
}

/// `AffineSpec` in thousandths, so that 130 × 1.2 is exactly 156.
#[derive(Debug, Clone, Copy)]
struct Affine {
    per_mille: i128,
    plus: i128,
}

#[derive(Debug, Clone, Copy)]
enum Rounding {
    Down,
    Nearest,
    Up,
}

impl Affine {
    fn from_spec(spec: AffineSpec, phrase: &str) -> Result<Self, LexiconError> {
        if !spec.times.is_finite() || spec.times < 0.0 || spec.times > 1000.0 {
            return Err(LexiconError::BadFactor(phrase.to_string()));
        }
        Ok(Self {
            per_mille: (spec.times * 1000.0).round() as i128,
            plus: i128::from(spec.plus),
        })
    }

    fn apply(self, n: u64, rounding: Rounding) -> u32 {
        let scaled = i128::from(n) * self.per_mille + self.plus * 1000;
        let value = match rounding {
            Rounding::Down => scaled.div_euclid(1000),
            Rounding::Nearest => (scaled + 500).div_euclid(1000),
            Rounding::Up => (scaled + 999).div_euclid(1000),
        };
        value.clamp(0, i128::from(u32::MAX)) as u32
    }
}

#[derive(Debug)]
struct VaguePhrase {
    words: Vec<WordId>,
    range: TollRange,
    takes_de: bool,
}

#[derive(Debug, Clone, Copy)]
struct ModifierRule {
    low: Affine,
    best: Affine,
    high: Affine,
}

impl ModifierRule {
    fn apply(&self, n: u64) -> TollRange {
        let mut figures = [
            self.low.apply(n, Rounding::Down),
            self.best.apply(n, Rounding::Nearest),
            self.high.apply(n, Rounding::Up),
        ];
        figures.sort_unstable();
        TollRange {
            low: figures[0],
            best: figures[1],
            high: figures[2],
        }
    }
}

#[derive(Debug)]
struct ModifierPhrase {
    words: Vec<WordId>,
    rule: ModifierRule,
}

/// A small, fast hasher for short vocabulary words (FNV-1a).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Words that connect or introduce quantities, by id.
#[derive(Debug)]
struct ConnectorIds {
    et: WordId,
    de: WordId,
    a: WordId,
    ou: WordId,
    entre: WordId,
    pour: WordId,
    /// "passant de 25 à 38 morts", "est passé de…": a toll revised from one figure to another.
    revised: [WordId; 3],
    /// "Le bilan passe donc de 3 à 4": adverbs that may stand between the verb and "de".
    aside: [WordId; 4],
    /// "les trois quarts des victimes", "deux tiers": a fraction, not a count.
    fraction: [WordId; 3],
}

#[derive(Debug)]
struct Lexicon {
    vocabulary: HashMap<Box<str>, WordId, BuildHasherDefault<Fnv>>,
    /// By word id.
    number_words: Vec<Option<NumberWord>>,
    /// By word id: indices of the vague and modifier phrases starting with this word.
    phrases_starting: Vec<PhraseStarts>,
    vague: Vec<VaguePhrase>,
    modifiers: Vec<ModifierPhrase>,
    ids: ConnectorIds,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_toml(include_str!("../../data/lexicon/quantities.toml"))
        .expect("the embedded quantities.toml is valid (checked by the tests)")
});

impl Lexicon {
    fn from_toml(source: &str) -> Result<Self, LexiconError> {
        let file: QuantitiesFile = toml::from_str(source)?;
        let mut builder = VocabularyBuilder::default();
        for (word, number) in NUMBER_WORDS {
            let id = builder.intern(word)?;
            builder.set_number(id, *number);
        }
        let ids = ConnectorIds {
            et: builder.intern("et")?,
            de: builder.intern("de")?,
            a: builder.intern("a")?,
            ou: builder.intern("ou")?,
            entre: builder.intern("entre")?,
            pour: builder.intern("pour")?,
            revised: [
                builder.intern("passant")?,
                builder.intern("passe")?,
                builder.intern("passee")?,
            ],
            aside: [
                builder.intern("donc")?,
                builder.intern("ainsi")?,
                builder.intern("finalement")?,
                builder.intern("desormais")?,
            ],
            fraction: [
                builder.intern("quart")?,
                builder.intern("quarts")?,
                builder.intern("tiers")?,
            ],
        };
        let mut vague = Vec::new();
        for spec in &file.vague {
            for phrase in &spec.phrases {
                if !(spec.low <= spec.best && spec.best <= spec.high) {
                    return Err(LexiconError::BadRange(phrase.clone()));
                }
                vague.push(VaguePhrase {
                    words: builder.phrase(phrase)?,
                    range: TollRange {
                        low: spec.low,
                        best: spec.best,
                        high: spec.high,
                    },
                    takes_de: spec.takes_de,
                });
            }
        }
        let mut modifiers = Vec::new();
        for spec in &file.modifier {
            for phrase in &spec.phrases {
                let rule = ModifierRule {
                    low: Affine::from_spec(spec.low, phrase)?,
                    best: Affine::from_spec(spec.best, phrase)?,
                    high: Affine::from_spec(spec.high, phrase)?,
                };
                modifiers.push(ModifierPhrase {
                    words: builder.phrase(phrase)?,
                    rule,
                });
            }
        }
        let mut phrases_starting = vec![PhraseStarts::default(); builder.words.len()];
        for (index, phrase) in vague.iter().enumerate() {
            if let Some(starts) = phrase
                .words
                .first()
                .and_then(|&w| phrases_starting.get_mut(usize::from(w)))
            {
                starts.vague.push(index);
            }
        }
        for (index, phrase) in modifiers.iter().enumerate() {
            if let Some(starts) = phrase
                .words
                .first()
                .and_then(|&w| phrases_starting.get_mut(usize::from(w)))
            {
                starts.modifiers.push(index);
            }
        }
        let mut number_words = builder.numbers;
        number_words.resize(builder.words.len(), None);
        Ok(Self {
            vocabulary: builder.words,
            number_words,
            phrases_starting,
            vague,
            modifiers,
            ids,
        })
    }

    fn lookup(&self, folded: &str) -> Option<WordId> {
        self.vocabulary.get(folded).copied()
    }

    fn number_word_of(&self, id: WordId) -> Option<NumberWord> {
        self.number_words.get(usize::from(id)).copied().flatten()
    }

    fn number_word(&self, token: &Token) -> Option<NumberWord> {
        self.number_word_of(token.word()?)
    }

    fn starts_phrase(&self, id: WordId) -> bool {
        self.phrases_starting
            .get(usize::from(id))
            .is_some_and(|s| !s.vague.is_empty() || !s.modifiers.is_empty())
    }

    fn phrases_starting(&self, token: &Token) -> Option<&PhraseStarts> {
        self.phrases_starting.get(usize::from(token.word()?))
    }
}

/// The phrases that start with one word, as indices into `Lexicon::vague` and `::modifiers`.
#[derive(Debug, Clone, Default)]
struct PhraseStarts {
    vague: Vec<usize>,
    modifiers: Vec<usize>,
}

#[derive(Default)]
struct VocabularyBuilder {
    words: HashMap<Box<str>, WordId, BuildHasherDefault<Fnv>>,
    numbers: Vec<Option<NumberWord>>,
}

impl VocabularyBuilder {
    fn intern(&mut self, word: &str) -> Result<WordId, LexiconError> {
        if let Some(&id) = self.words.get(word) {
            return Ok(id);
        }
        let id = WordId::try_from(self.words.len()).map_err(|_| LexiconError::TooManyWords)?;
        self.words.insert(word.into(), id);
        Ok(id)
    }

    fn set_number(&mut self, id: WordId, number: NumberWord) {
        let index = usize::from(id);
        if self.numbers.len() <= index {
            self.numbers.resize(index + 1, None);
        }
        self.numbers[index] = Some(number);
    }

    /// A phrase from the TOML file, tokenized and folded exactly like article text.
    fn phrase(&mut self, phrase: &str) -> Result<Vec<WordId>, LexiconError> {
        let mut tokens = Vec::new();
        let mut error = None;
        tokenize(
            phrase,
            &mut |w| match self.intern(w) {
                Ok(id) => Some(id),
                Err(e) => {
                    error = Some(e);
                    None
                }
            },
            &mut tokens,
        );
        if let Some(e) = error {
            return Err(e);
        }
        let bad = || LexiconError::BadPhrase(phrase.to_string());
        if tokens.is_empty() {
            return Err(bad());
        }
        tokens
            .iter()
            .enumerate()
            .map(|(k, t)| match t.word() {
                Some(id) if k == 0 || t.gap.joins_phrase() => Ok(id),
                _ => Err(bad()),
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/// A number at some token: digits or words, possibly with a scale ("2,5 millions").
#[derive(Debug, Clone, Copy)]
struct NumberMatch {
    value: u64,
    /// Token index just past the number.
    end: usize,
    words: bool,
    /// The number is a lone "un"/"une": an article unless context makes it a count.
    lone_one: bool,
}

/// A quantity found at some token, before conversion to byte offsets.
#[derive(Debug, Clone, Copy)]
struct Match {
    first: usize,
    end: usize,
    range: TollRange,
    vague: bool,
    words: bool,
}

impl Match {
    fn into_quantity(self, tokens: &[Token]) -> Quantity {
        let start = tokens.get(self.first).map_or(0, |t| t.start);
        let end = self
            .end
            .checked_sub(1)
            .and_then(|last| tokens.get(last))
            .map_or(start, |t| t.end);
        Quantity {
            span: start..end,
            range: self.range,
            vague: self.vague,
            words: self.words,
        }
    }
}

fn saturate(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

struct Scan<'a> {
    lexicon: &'a Lexicon,
    tokens: &'a [Token],
}

impl Scan<'_> {
    fn word_at(&self, k: usize) -> Option<WordId> {
        self.tokens.get(k)?.word()
    }

    /// Token `k` exists, is the word `id`, and joins the token before it.
    fn is_joined_word(&self, k: usize, id: WordId) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| t.word() == Some(id) && t.gap.joins_phrase())
    }

    fn joins_phrase(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.gap.joins_phrase())
    }

    fn quantity_at(&self, i: usize) -> Option<Match> {
        let token = self.tokens.get(i)?;
        match token.kind {
            TokenKind::Digits(_) => self.range_or_number_at(i),
            TokenKind::Word(Some(id)) => {
                let ids = &self.lexicon.ids;
                if (id == ids.entre || id == ids.de)
                    && let Some(m) = self.introduced_range_at(i)
                {
                    return Some(m);
                }
                if self.lexicon.starts_phrase(id) {
                    if let Some(m) = self.modified_at(i) {
                        return Some(m);
                    }
                    if let Some(m) = self.vague_at(i) {
                        return Some(m);
                    }
                }
                if self.lexicon.number_word_of(id).is_some() {
                    return self.range_or_number_at(i);
                }
                None
            }
            _ => None,
        }
    }

    /// "entre A et B", "de A à B".
    fn introduced_range_at(&self, i: usize) -> Option<Match> {
        let ids = &self.lexicon.ids;
        let connector = if self.word_at(i)? == ids.entre {
            ids.et
        } else {
            ids.a
        };
        if !self.joins_phrase(i + 1) {
            return None;
        }
        let a = self.number_at(i + 1)?;
        if !self.is_joined_word(a.end, connector) || !self.joins_phrase(a.end + 1) {
            return None;
        }
        let b = self.number_at(a.end + 1)?;
        // "Le bilan est passé de 25 à 38 morts": the later figure is the toll, the earlier
        // one its low end.
        let verb_at = |k: usize| self.word_at(k).is_some_and(|w| ids.revised.contains(&w));
        let aside_at = |k: usize| self.word_at(k).is_some_and(|w| ids.aside.contains(&w));
        let revised = connector == ids.a
            && i > 0
            && (verb_at(i - 1) || (i > 1 && aside_at(i - 1) && verb_at(i - 2)));
        if revised && a.value < b.value {
            return Some(Match {
                first: i,
                end: b.end,
                range: TollRange {
                    low: saturate(a.value),
                    best: saturate(b.value),
                    high: saturate(b.value),
                },
                vague: false,
                words: a.words || b.words,
            });
        }
        range_of(i, a, b)
    }

    /// "A à B", "A ou B", "20-30", or else a single number.
    fn range_or_number_at(&self, i: usize) -> Option<Match> {
        let ids = &self.lexicon.ids;
        let a = self.number_at(i)?;
        let next = a.end;
        let joined_connector =
            self.is_joined_word(next, ids.a) || self.is_joined_word(next, ids.ou);
        if joined_connector
            && self.joins_phrase(next + 1)
            && let Some(m) = self.number_at(next + 1).and_then(|b| range_of(i, a, b))
        {
            return Some(m);
        }
        if let Some(m) = self.dash_range(i, a) {
            return Some(m);
        }
        if a.lone_one {
            return None;
        }
        Some(Match {
            first: i,
            end: a.end,
            range: TollRange::exact(saturate(a.value)),
            vague: false,
            words: a.words,
        })
    }

    /// "20-30", "20–30" in digits; not a date such as "2022-06-18".
    fn dash_range(&self, i: usize, a: NumberMatch) -> Option<Match> {
        let is_digits = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| matches!(t.kind, TokenKind::Digits(_)))
        };
        let dashed = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|t| matches!(t.gap, Gap::Hyphen | Gap::Dash))
        };
        if a.words || a.end != i + 1 || !is_digits(a.end) || !dashed(a.end) {
            return None;
        }
        if i > 0 && dashed(i) && is_digits(i - 1) {
            return None;
        }
        let b = self.number_at(a.end)?;
        if b.end != a.end + 1 || (dashed(b.end) && is_digits(b.end)) {
            return None;
        }
        range_of(i, a, b)
    }

    /// Modifier phrase then a range, a vague phrase or a number: "plus de 130",
    /// "près d'une centaine".
    fn modified_at(&self, i: usize) -> Option<Match> {
        let starts = self.lexicon.phrases_starting(self.tokens.get(i)?)?;
        let (modifier, after) = starts
            .modifiers
            .iter()
            .filter_map(|&m| self.lexicon.modifiers.get(m))
            .filter_map(|m| self.phrase_end(i, &m.words).map(|end| (m, end)))
            .max_by_key(|(_, end)| *end)?;
        if !self.joins_phrase(after) {
            return None;
        }
        let base = self.quantity_at_base(after)?;
        let range = if base.is_range {
            base.found.range
        } else {
            modifier.rule.apply(u64::from(base.found.range.best))
        };
        Some(Match {
            first: i,
            range,
            ..base.found
        })
    }

    /// What may follow a modifier.
    fn quantity_at_base(&self, k: usize) -> Option<Base> {
        let token = self.tokens.get(k)?;
        if let TokenKind::Word(Some(id)) = token.kind {
            let ids = &self.lexicon.ids;
            if (id == ids.entre || id == ids.de)
                && let Some(found) = self.introduced_range_at(k)
            {
                return Some(Base {
                    found,
                    is_range: true,
                });
            }
            if self.lexicon.starts_phrase(id)
                && let Some(found) = self.vague_at(k)
            {
                return Some(Base {
                    found,
                    is_range: false,
                });
            }
        }
        let found = self.range_or_number_at(k)?;
        let is_range = found.range.low != found.range.high;
        Some(Base { found, is_range })
    }

    fn vague_at(&self, i: usize) -> Option<Match> {
        let starts = self.lexicon.phrases_starting(self.tokens.get(i)?)?;
        let (phrase, mut end) = starts
            .vague
            .iter()
            .filter_map(|&v| self.lexicon.vague.get(v))
            .filter_map(|v| self.phrase_end(i, &v.words).map(|end| (v, end)))
            .max_by_key(|(_, end)| *end)?;
        if phrase.takes_de && self.is_joined_word(end, self.lexicon.ids.de) {
            end += 1;
        }
        Some(Match {
            first: i,
            end,
            range: phrase.range,
            vague: true,
            words: true,
        })
    }

    /// Token index past `words` when they match at `i`.
    fn phrase_end(&self, i: usize, words: &[WordId]) -> Option<usize> {
        for (k, &w) in words.iter().enumerate() {
            let token = self.tokens.get(i + k)?;
            if token.word() != Some(w) || (k > 0 && !token.gap.joins_phrase()) {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// A number in digits (with an optional scale word) or in words, starting at token `i`;
    /// not the numerator of a fraction ("les trois quarts des victimes").
    fn number_at(&self, i: usize) -> Option<NumberMatch> {
        let found = self.count_at(i)?;
        if self
            .word_at(found.end)
            .is_some_and(|w| self.lexicon.ids.fraction.contains(&w))
        {
            return None;
        }
        Some(found)
    }

    fn count_at(&self, i: usize) -> Option<NumberMatch> {
        let token = self.tokens.get(i)?;
        match token.kind {
            TokenKind::Digits(number) => {
                let scale = self.tokens.get(i + 1).and_then(|t| {
                    if t.gap != Gap::Space {
                        return None;
                    }
                    match self.lexicon.number_word(t)? {
                        NumberWord::Scale(s) => Some(s),
                        NumberWord::Thousand => Some(1000),
                        _ => None,
                    }
                });
                let (value, end) = match scale {
                    Some(s) => (scaled(number, s)?, i + 2),
                    None => (number.int, i + 1),
                };
                Some(NumberMatch {
                    value,
                    end,
                    words: false,
                    lone_one: false,
                })
            }
            TokenKind::Word(Some(_)) => self.number_in_words_at(i),
            _ => None,
        }
    }

    fn number_in_words_at(&self, i: usize) -> Option<NumberMatch> {
        const MAX_RUN: usize = 24;
        let mut run = [NumberWord::Et; MAX_RUN];
        let mut len = 0;
        for (k, token) in self.tokens.iter().enumerate().skip(i).take(MAX_RUN) {
            if k > i && !token.gap.joins_number_words() {
                break;
            }
            let Some(word) = self.lexicon.number_word(token) else {
                break;
            };
            run[len] = word;
            len += 1;
        }
        let (value, used) = parse_number_words(run.get(..len)?)?;
        let end = i + used;
        // "dix-neuvième", "trente-deuxième": an ordinal, not a count.
        if let Some(next) = self.tokens.get(end)
            && next.gap == Gap::Hyphen
            && self.lexicon.number_word(next).is_none()
            && !matches!(next.kind, TokenKind::Digits(_))
        {
            return None;
        }
        // "pour cent" is a percentage sign in words.
        if run[0] == NumberWord::Hundred
            && i > 0
            && self.word_at(i - 1) == Some(self.lexicon.ids.pour)
            && self.tokens.get(i).is_some_and(|t| t.gap.joins_phrase())
        {
            return None;
        }
        Some(NumberMatch {
            value,
            end,
            words: true,
            lone_one: used == 1 && run[0] == NumberWord::Unit(1),
        })
    }
}

/// What follows a modifier; a range is kept as stated ("près de 20 à 30").
struct Base {
    found: Match,
    is_range: bool,
}

/// `A … B` as a range when A < B: low A, best the midpoint (rounded down), high B.
fn range_of(first: usize, a: NumberMatch, b: NumberMatch) -> Option<Match> {
    if a.value >= b.value {
        return None;
    }
    let mid = a.value + (b.value - a.value) / 2;
    Some(Match {
        first,
        end: b.end,
        range: TollRange {
            low: saturate(a.value),
            best: saturate(mid),
            high: saturate(b.value),
        },
        vague: false,
        words: a.words || b.words,
    })
}

/// "2,5" × "millions" → 2 500 000 (rounded down).
fn scaled(number: DigitNumber, scale: u64) -> Option<u64> {
    let divisor = 10u128.checked_pow(number.fraction_digits)?;
    let whole = u128::from(number.int) * u128::from(scale);
    let part = u128::from(number.fraction) * u128::from(scale) / divisor;
    u64::try_from(whole.checked_add(part)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (text of the span, low, best, high) of every quantity.
    fn found(text: &str) -> Vec<(String, u32, u32, u32)> {
        find_quantities(text)
            .into_iter()
            .map(|q| {
                (
                    text[q.span.clone()].to_string(),
                    q.range.low,
                    q.range.best,
                    q.range.high,
                )
            })
            .collect()
    }

    /// Best figures only.
    fn bests(text: &str) -> Vec<u32> {
        find_quantities(text).iter().map(|q| q.range.best).collect()
    }

    fn only(text: &str) -> Quantity {
        let all = find_quantities(text);
        assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
        all.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn q(span: &str, low: u32, best: u32, high: u32) -> (String, u32, u32, u32) {
        (span.to_string(), low, best, high)
    }

    #[test]
    fn lexicon_file_loads() {
        let lexicon = Lexicon::from_toml(include_str!("../../data/lexicon/quantities.toml"));
        assert!(lexicon.is_ok(), "{:?}", lexicon.err());
        assert!(Lexicon::from_toml("vague = []\nmodifier = 3").is_err());
        let bad_range = "modifier = []\n[[vague]]\nphrases = [\"x\"]\nlow = 3\nbest = 2\nhigh = 4";
        assert!(matches!(
            Lexicon::from_toml(bad_range),
            Err(LexiconError::BadRange(_))
        ));
        let bad_phrase =
            "modifier = []\n[[vague]]\nphrases = [\"x 3\"]\nlow = 1\nbest = 2\nhigh = 4";
        assert!(matches!(
            Lexicon::from_toml(bad_phrase),
            Err(LexiconError::BadPhrase(_))
        ));
    }

    #[test]
    fn toll_range_arithmetic() {
        assert_eq!(
            TollRange::exact(7),
            TollRange {
                low: 7,
                best: 7,
                high: 7
            }
        );
        let sum = TollRange::exact(3).add(TollRange {
            low: 1,
            best: 2,
            high: u32::MAX,
        });
        assert_eq!(
            sum,
            TollRange {
                low: 4,
                best: 5,
                high: u32::MAX
            }
        );
    }

    #[test]
    fn digits_with_french_separators() {
        assert_eq!(bests("Au total, 1 200 déplacés."), vec![1200]);
        assert_eq!(bests("Au total, 1\u{a0}200 déplacés."), vec![1200]);
        assert_eq!(bests("Au total, 1\u{202f}200 déplacés."), vec![1200]);
        assert_eq!(bests("Au total, 1.200 déplacés."), vec![1200]);
        assert_eq!(
            bests("plus de 2\u{a0}350\u{a0}000 réfugiés"),
            vec![2_350_000]
        );
        assert_eq!(bests("Il reste 2,5 tonnes."), vec![2]);
        assert_eq!(bests("Hier, 47 soldats sont tombés."), vec![47]);
        assert_eq!(bests("1,5 million de déplacés"), vec![1_500_000]);
        assert_eq!(bests("3 millions de personnes"), vec![3_000_000]);
        // A year next to a count stays apart; so does a count next to a year.
        assert_eq!(bests("En 2021 15 villageois ont péri"), vec![2021, 15]);
        assert_eq!(bests("le 15 2021"), vec![15, 2021]);
        // A group must have exactly three digits.
        assert_eq!(bests("les 12 34 cas"), vec![12, 34]);
        assert_eq!(bests("en 2019, 300 morts"), vec![2019, 300]);
    }

    #[test]
    fn digits_glued_to_letters_are_not_quantities() {
        assert!(find_quantities("Vers 18h30, tout était calme.").is_empty());
        assert!(find_quantities("La force du G5 Sahel se retire.").is_empty());
        assert!(find_quantities("le 1er janvier").is_empty());
        assert!(find_quantities("Un drone TB2 a frappé").is_empty());
        // Spaced times give both numbers; the caller filters by the noun that follows.
        assert_eq!(bests("à 18 h 30"), vec![18, 30]);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(bests("Quarante-deux soldats ont été tués."), vec![42]);
        assert_eq!(bests("vingt et un villageois"), vec![21]);
        assert_eq!(bests("soixante et onze morts"), vec![71]);
        assert_eq!(bests("soixante-dix-huit blessés"), vec![78]);
        assert_eq!(bests("Quatre-vingts personnes"), vec![80]);
        assert_eq!(bests("quatre vingt dix sept civils"), vec![97]);
        assert_eq!(bests("deux cent cinquante-trois morts"), vec![253]);
        assert_eq!(bests("trois mille deux cents déplacés"), vec![3200]);
        assert_eq!(bests("UN MILLION de réfugiés"), vec![1_000_000]);
        assert_eq!(
            bests("quatre millions trois cent mille habitants"),
            vec![4_300_000]
        );
        assert_eq!(bests("Douze gendarmes, neuf civils"), vec![12, 9]);
        let q = only("Dix-sept orpailleurs");
        assert!(q.words && !q.vague);
        assert_eq!(q.span, 0.."Dix-sept".len());
    }

    #[test]
    fn lone_article_un_is_not_a_quantity() {
        assert!(find_quantities("un homme a été tué").is_empty());
        assert!(find_quantities("Une femme et un enfant").is_empty());
        assert!(find_quantities("l'un des assaillants").is_empty());
        assert!(find_quantities("plus d'un habitant").is_empty());
        assert!(find_quantities("un à un").is_empty());
        assert_eq!(bests("trente et une victimes"), vec![31]);
    }

    #[test]
    fn ordinals_and_percentages_are_not_counts() {
        assert!(find_quantities("au dix-neuvième siècle").is_empty());
        assert!(find_quantities("le trente-deuxième jour").is_empty());
        assert_eq!(bests("trente pour cent"), vec![30]);
        // A fraction counts nobody: "les trois quarts des victimes", "deux tiers des morts".
        assert!(bests("les trois quarts des victimes étaient des soldats").is_empty());
        assert!(bests("près des deux tiers des morts").is_empty());
        assert_eq!(bests("trois soldats tués"), vec![3]);
    }

    #[test]
    fn vague_quantities() {
        assert_eq!(
            found("une dizaine de bergers"),
            vec![q("une dizaine de", 8, 10, 12)]
        );
        assert_eq!(
            found("Une vingtaine d'hommes armés"),
            vec![q("Une vingtaine d'", 16, 20, 24)]
        );
        assert_eq!(
            found("des dizaines de morts"),
            vec![q("des dizaines de", 10, 20, 90)]
        );
        assert_eq!(
            found("des douzaines de fidèles"),
            vec![q("des douzaines de", 12, 24, 99)]
        );
        assert_eq!(
            found("des centaines de familles"),
            vec![q("des centaines de", 100, 200, 900)]
        );
        assert_eq!(found("plusieurs dizaines de victimes")[0].1, 20);
        assert_eq!(found("Plusieurs centaines de déplacés")[0].1, 200);
        assert_eq!(found("des milliers de réfugiés")[0].1, 1000);
        assert_eq!(found("quelques dizaines de combattants")[0].3, 50);
        assert_eq!(found("des dizaines de milliers de personnes")[0].1, 10_000);
        assert_eq!(found("plusieurs soldats"), vec![q("plusieurs", 2, 3, 9)]);
        assert_eq!(found("quelques assaillants"), vec![q("quelques", 2, 3, 5)]);
        assert_eq!(
            found("de nombreux civils"),
            vec![q("de nombreux", 5, 10, 99)]
        );
        assert_eq!(found("De nombreuses femmes")[0].0, "De nombreuses");
        assert_eq!(
            found("un grand nombre de blessés")[0].0,
            "un grand nombre de"
        );
        assert_eq!(found("une centaine de morts")[0].2, 100);
        // The singular's figure, written with a plural noun.
        assert_eq!(found("d'une centaines de morts")[0].2, 100);
        assert_eq!(found("une vingtaines de civils")[0].2, 20);
        assert_eq!(found("la trentaine d'otages")[0].2, 30);
        assert_eq!(found("un millier de déplacés")[0].2, 1000);
        let q = only("une quinzaine de soldats");
        assert!(q.vague && q.words);
    }

    #[test]
    fn modifiers() {
        assert_eq!(
            found("plus de 130 personnes"),
            vec![q("plus de 130", 130, 130, 156)]
        );
        assert_eq!(
            found("au moins 40 morts"),
            vec![q("au moins 40", 40, 40, 48)]
        );
        assert_eq!(
            found("près de 50 civils"),
            vec![q("près de 50", 40, 50, 50)]
        );
        assert_eq!(
            found("environ 30 assaillants"),
            vec![q("environ 30", 24, 30, 36)]
        );
        assert_eq!(
            found("quelque 30 bergers"),
            vec![q("quelque 30", 24, 30, 36)]
        );
        assert_eq!(
            found("moins de 20 victimes"),
            vec![q("moins de 20", 10, 19, 19)]
        );
        assert_eq!(found("jusqu'à 60 morts"), vec![q("jusqu'à 60", 30, 60, 60)]);
        assert_eq!(found("jusqu’à soixante morts")[0].2, 60);
        assert_eq!(found("pas moins de 40 soldats")[0].1, 40);
        assert_eq!(found("Au-delà de 200 morts")[0].1, 200);
        assert_eq!(
            found("plus de quarante blessés"),
            vec![q("plus de quarante", 40, 40, 48)]
        );
        assert_eq!(
            found("près d'une centaine de morts"),
            vec![q("près d'une centaine de", 80, 100, 100)]
        );
        assert_eq!(found("plus d'une dizaine de tués")[0].1, 10);
        assert!(!only("plus de 130 personnes").vague);
        assert!(only("plus d'une dizaine").vague);
        // A modifier with no number after it gives nothing.
        assert!(find_quantities("près de Gao, au plus fort des combats").is_empty());
    }

    #[test]
    fn ranges() {
        assert_eq!(
            found("entre 20 et 30 morts"),
            vec![q("entre 20 et 30", 20, 25, 30)]
        );
        assert_eq!(found("de 20 à 30 morts"), vec![q("de 20 à 30", 20, 25, 30)]);
        // A revised toll: the later figure is the best one.
        assert_eq!(
            found("le bilan est passé de 12 à 19 morts"),
            vec![q("de 12 à 19", 12, 19, 19)]
        );
        assert_eq!(found("passant de douze à dix-neuf morts")[0].2, 19);
        assert_eq!(found("le bilan passe, donc, de deux à cinq tués")[0].2, 5);
        assert_eq!(found("le bilan est ainsi passé de 7 à 9 morts")[0].2, 9);
        assert_eq!(found("20 à 30 morts"), vec![q("20 à 30", 20, 25, 30)]);
        assert_eq!(
            found("deux ou trois blessés"),
            vec![q("deux ou trois", 2, 2, 3)]
        );
        assert_eq!(found("entre vingt et trente civils")[0].2, 25);
        assert_eq!(found("entre vingt et un et trente civils")[0].1, 21);
        assert_eq!(found("un ou deux blessés"), vec![q("un ou deux", 1, 1, 2)]);
        assert_eq!(found("15-20 morts"), vec![q("15-20", 15, 17, 20)]);
        assert_eq!(found("15–20 morts")[0].3, 20);
        // A date with dashes is not a range.
        assert_eq!(bests("le 2022-06-18"), vec![2022, 6, 18]);
        // Descending pairs are two numbers.
        assert_eq!(bests("de 30 à 20"), vec![30, 20]);
    }

    #[test]
    fn several_in_one_sentence_in_order() {
        let text = "L'attaque a fait 12 morts, dont sept soldats, et une vingtaine de blessés.";
        let all = find_quantities(text);
        assert_eq!(
            all.iter().map(|q| q.range.best).collect::<Vec<_>>(),
            vec![12, 7, 20]
        );
        assert!(all.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        assert_eq!(&text[all[1].span.clone()], "sept");
    }

    #[test]
    fn parse_and_write_words() {
        assert_eq!(parse_french_number("cent trente-deux"), Some(132));
        assert_eq!(parse_french_number("Cent Trente Deux"), Some(132));
        assert_eq!(
            parse_french_number("deux mille trois cent quarante"),
            Some(2340)
        );
        assert_eq!(
            parse_french_number("deux millions cinq cent mille"),
            Some(2_500_000)
        );
        assert_eq!(parse_french_number("quatre-vingt-dix-sept"), Some(97));
        assert_eq!(parse_french_number("vingt-et-un"), Some(21));
        assert_eq!(parse_french_number("septante-cinq"), Some(75));
        assert_eq!(parse_french_number("une"), Some(1));
        assert_eq!(parse_french_number("zéro"), Some(0));
        assert_eq!(parse_french_number("132"), None);
        assert_eq!(parse_french_number("vingt soldats"), None);
        assert_eq!(parse_french_number("vingt, trois"), None);
        assert_eq!(parse_french_number(""), None);
        assert_eq!(french_words(132), "cent trente-deux");
        assert_eq!(french_words(80), "quatre-vingts");
        assert_eq!(french_words(80_000), "quatre-vingt mille");
        assert_eq!(french_words(200), "deux cents");
        assert_eq!(french_words(200_000_000), "deux cents millions");
        assert_eq!(french_words(71), "soixante et onze");
        assert_eq!(french_words(2_500_000), "deux millions cinq cent mille");
        assert_eq!(parse_french_number(&french_words(u64::MAX)), Some(u64::MAX));
    }

    #[test]
    fn words_round_trip_exhaustively_below_twenty_thousand() {
        for n in 0..20_000 {
            assert_eq!(parse_french_number(&french_words(n)), Some(n), "{n}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            " ",
            "-",
            "’",
            "9999999999999999999999",
            "1 ",
            "1,",
            "1.",
            "é1",
            "\u{202f}1",
        ] {
            let _ = find_quantities(text);
            let _ = parse_french_number(text);
        }
        assert_eq!(bests("99999999999999999999 morts"), Vec::<u32>::new());
        assert_eq!(bests("5000000000 morts"), vec![u32::MAX]);
    }

    /// Run with `cargo test --release -- --ignored --nocapture timing`.
    #[test]
    #[ignore]
    fn timing_on_a_long_article() {
        let sentence = "Le samedi 18 juin 2022, plus de 130 personnes ont été tuées par des hommes \
            armés près de Bankass ; une vingtaine de blessés ont été évacués vers Mopti. ";
        let article = sentence.repeat(3000 / sentence.len() + 1);
        // Best of 30 batches: the machine is shared.
        let mut best = std::time::Duration::MAX;
        for _ in 0..30 {
            let t = std::time::Instant::now();
            for _ in 0..100 {
                std::hint::black_box(find_quantities(std::hint::black_box(&article)));
            }
            best = best.min(t.elapsed() / 100);
        }
        eprintln!("{} bytes: {best:?} per scan", article.len());
    }

    proptest! {
        #[test]
        fn words_round_trip(n in 0u64..=1_000_000) {
            prop_assert_eq!(parse_french_number(&french_words(n)), Some(n));
        }

        #[test]
        fn written_tolls_are_found(n in 0u64..=1_000_000) {
            // A lone "un" is never returned (it is an article); every other number is.
            prop_assume!(n != 1);
            let words = french_words(n);
            let text = format!("{words} morts");
            let all = find_quantities(&text);
            prop_assert_eq!(all.len(), 1, "{:?}", all);
            prop_assert_eq!(all[0].range, TollRange::exact(n as u32));
            prop_assert_eq!(all[0].span.clone(), 0..words.len());
        }

        #[test]
        fn digits_are_found(n in 0u32..1000) {
            let text = format!("({n} soldats)");
            prop_assert_eq!(bests(&text), vec![n]);
        }

        #[test]
        fn any_text_is_scanned_without_panic(text in any::<String>()) {
            for q in find_quantities(&text) {
                prop_assert!(text.get(q.span.clone()).is_some());
                prop_assert!(q.range.low <= q.range.best && q.range.best <= q.range.high);
            }
            let _ = parse_french_number(&text);
        }

        #[test]
        fn french_like_text_is_scanned_without_panic(
            text in "[a-zA-Zéàç0-9 ,.'’\u{a0}\u{202f}-]{0,80}"
        ) {
            let spans: Vec<_> = find_quantities(&text).into_iter().map(|q| q.span).collect();
            prop_assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
            for s in spans {
                prop_assert!(text.get(s).is_some());
            }
        }
    }
}
