//! French date expressions in article text, resolved to calendar dates.
//!
//! [`find_dates`] tokenises the text once (words folded to lowercase without accents, numbers,
//! punctuation) and tries a small hand-written grammar at every token: absolute dates
//! ("le samedi 6 août 2022", "07/08/2024", "2024-08-07"), dates without a year ("22 mars"),
//! ranges ("du 25 au 27 juillet", "dans la nuit du 18 au 19 juin", "entre le 3 et le 5 mars
//! 2023"), parts of months and years ("fin juillet", "la mi-janvier", "en août 2020", "début
//! 2020", "depuis 2011") and expressions relative to the publication date ("hier", "mardi
//! dernier", "ce week-end", "la semaine dernière"). Overlapping candidates are settled
//! longest-first. A span covers the whole expression, its introducer included ("le", "en",
//! "depuis", "dans la nuit du", "entre"...).
//!
//! Why tokens rather than regexes: French text is full of non-ASCII letters, and Unicode word
//! boundaries push the regex engine off its fast path; one linear pass over tokens is faster
//! and makes "longest match" and range composition simple.
//!
//! Not handled here: deciding which date belongs to which incident, times of day ("18 h 30"),
//! anaphora ("la veille", "le lendemain", "le même jour"), spelled-out day numbers other than
//! "premier", and lists ("les 7, 8 et 9 août" yields only "9 août").

use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::corpus::DatePrecision;

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range of the whole expression in the text.
    pub span: Range<usize>,
    /// First day covered.
    pub start: NaiveDate,
    /// Last day covered (== start for a single day).
    pub end: NaiveDate,
    /// Day for one or two days, Week for 3–7 days or a calendar week, Month for (part of) a
    /// month, Year for (part of) a year.
    pub precision: DatePrecision,
    pub kind: DateKind,
    /// Inconsistencies noticed, e.g. "weekday 'lundi' does not match 2024-08-07 (a Wednesday)".
    pub warnings: Vec<String>,
}

/// Where the year of a mention came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A full date, year included, in the text.
    Absolute,
    /// Day and month in the text, year taken from the reference date.
    NoYear,
    /// Relative to the reference date: "hier", "vendredi", "la semaine dernière"...
    Relative,
    /// A year (or part of one) only: "en 2012", "fin 2019".
    YearOnly,
    /// A month (or part of one) with its year: "août 2020", "fin mai 2021".
    MonthYear,
    /// Day and month in a text that gives no year at all ("le 5 février"): the year is a
    /// placeholder ([`FLOATING_YEAR`]), good for telling two days apart, never for output.
    Floating,
}

/// Bare weekdays ("samedi", "jeudi soir") of a text with no date to count from: read back
/// from `base` (the latest floating day, else the end of the placeholder year), so that two
/// weekdays are two days; [`DateKind::Floating`], never output as dates.
pub fn find_floating_weekdays(text: &str, base: Option<NaiveDate>) -> Vec<DateMention> {
    const WEEKDAYS: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    let Some(base) = base.or_else(|| NaiveDate::from_ymd_opt(FLOATING_YEAR, 12, 31)) else {
        return Vec::new();
    };
    find_dates(text, Some(base))
        .into_iter()
        .filter(|m| m.kind == DateKind::Relative && m.precision == DatePrecision::Day)
        .filter(|m| {
            let words = crate::corpus::normalize::fold_key(&text[m.span.clone()]);
            words.split(' ').any(|w| WEEKDAYS.contains(&w))
        })
        .map(|m| DateMention {
            kind: DateKind::Floating,
            warnings: Vec::new(),
            ..m
        })
        .collect()
}

/// The placeholder year of [`DateKind::Floating`] dates (a leap year, for 29 February).
pub const FLOATING_YEAR: i32 = 2000;

/// Day-and-month dates of a text that gives no year: the same expressions [`find_dates`] reads
/// against a publication date, with a placeholder year, so that "le 5 février" and "le 12
/// février" are still two days. Weekday checks are dropped (the year is unknown).
pub fn find_floating_dates(text: &str) -> Vec<DateMention> {
    let Some(reference) = NaiveDate::from_ymd_opt(FLOATING_YEAR, 12, 31) else {
        return Vec::new();
    };
    find_dates(text, Some(reference))
        .into_iter()
        .filter(|m| m.kind == DateKind::NoYear && m.precision == DatePrecision::Day)
        .filter_map(|m| {
            let start = m.start.with_year(FLOATING_YEAR)?;
            let end = m.end.with_year(FLOATING_YEAR)?;
            (start <= end).then_some(DateMention {
                start,
                end,
                kind: DateKind::Floating,
                warnings: Vec::new(),
                ..m
            })
        })
        .collect()
}

/// Every date expression in `text`, in order, non-overlapping (longest match wins).
/// `reference` is the publication date (or best guess); without it, expressions lacking a year
/// or relative ones are skipped (absolute ones are still returned).
pub fn find_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateMention> {
    let parser = Parser::new(text, reference);
    let mut candidates: Vec<DateMention> = (0..parser.tokens.len())
        .filter_map(|i| parser.longest_at(i))
        .collect();
    // Longest first; among equals the earlier one.
    candidates.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut chosen: Vec<DateMention> = Vec::new();
    for candidate in candidates {
        let overlaps = chosen.iter().any(|kept| {
            candidate.span.start < kept.span.end && kept.span.start < candidate.span.end
        });
        if !overlaps {
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|m| m.span.start);
    chosen
}

/// Weekday names: "lundi" -> `Weekday::Mon`, case-insensitive, accents and surrounding
/// punctuation ignored ("Vendredi," works).
pub fn parse_weekday(word: &str) -> Option<Weekday> {
    let trimmed = word.trim_matches(|c: char| !c.is_alphabetic());
    if trimmed.len() > 16 {
        return None;
    }
    let mut folded = Vec::with_capacity(trimmed.len());
    push_folded(&mut folded, trimmed);
    weekday_from_folded(std::str::from_utf8(&folded).ok()?)
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    Word,
    Number {
        value: u32,
        digits: u32,
    },
    /// "1er", "1ᵉʳ": a number glued to the ordinal suffix used for the first of the month.
    Ordinal {
        value: u32,
    },
    /// Letters and digits mixed ("G5", "18h30"): never part of a date.
    Mixed,
    /// Apostrophes are all '\'' and hyphens all '-'.
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    kind: TokenKind,
    start: usize,
    end: usize,
    /// Where the folded (lowercase, unaccented) form sits in `Parser::folded`.
    folded: Range<usize>,
    space_before: bool,
    newline_before: bool,
}

/// Lowercase without accents, so that "Août", "AOUT" and "août" compare equal.
fn push_folded(out: &mut Vec<u8>, text: &str) {
    for c in text.chars() {
        push_folded_char(out, c);
    }
}

/// One character of a word, folded by the one table ([`crate::text::fold_char`]): combining
/// marks vanish, so decomposed "août" reads as "aout" too.
fn push_folded_char(out: &mut Vec<u8>, c: char) {
    use crate::text::Folding;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase() as u8);
        return;
    }
    let mut push = |c: char| out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    match crate::text::fold_char(c) {
        Folding::One(f) => push(f),
        Folding::Two(a, b) => {
            push(a);
            push(b);
        }
        Folding::Other(o) => o.to_lowercase().for_each(push),
        Folding::Drop => {}
        Folding::Separator => c.to_lowercase().for_each(push),
    }
}

/// A combining mark (a decomposed accent): part of the word it follows.
fn is_combining(c: char) -> bool {
    crate::text::fold_char(c) == crate::text::Folding::Drop
}

/// The character at byte `pos` of `text` and its length (ASCII without decoding).
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(pos)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    let c = text.get(pos..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphabetic())
}

/// Splits `text` into words (letters and ASCII digits) and single punctuation characters;
/// the folded form of every word goes into the returned string.
fn tokenize(text: &str) -> (Vec<Token>, String) {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    let mut folded: Vec<u8> = Vec::with_capacity(text.len());
    let mut space_before = false;
    let mut newline_before = false;
    let mut pos = 0;
    while let Some((c, len)) = char_at(text, pos) {
        let start = pos;
        if c.is_whitespace() {
            pos += len;
            space_before = true;
            newline_before |= c == '\n' || c == '\r';
            continue;
        }
        let fold_start = folded.len();
        let kind = if is_word_char(c) {
            let (mut digits, mut letters, mut digit_after_letter) = (0usize, 0usize, false);
            let mut value = 0u32;
            loop {
                // ASCII bytes directly; other letters one char at a time.
                match bytes.get(pos) {
                    // "dimanche1er décembre": a weekday glued to its day (a lost space) ends
                    // where the figure starts.
                    Some(&b)
                        if b.is_ascii_digit()
                            && digits == 0
                            && letters > 0
                            && std::str::from_utf8(&folded[fold_start..])
                                .is_ok_and(|w| weekday_from_folded(w).is_some()) =>
                    {
                        break;
                    }
                    Some(&b) if b.is_ascii_digit() => {
                        digit_after_letter |= letters > 0;
                        digits += 1;
                        value = value.saturating_mul(10).saturating_add(u32::from(b - b'0'));
                        folded.push(b);
                        pos += 1;
                    }
                    Some(&b) if b.is_ascii_alphabetic() => {
                        letters += 1;
                        folded.push(b.to_ascii_lowercase());
                        pos += 1;
                    }
                    Some(&b) if !b.is_ascii() => match char_at(text, pos) {
                        Some((next, next_len)) if next.is_alphabetic() => {
                            letters += 1;
                            push_folded_char(&mut folded, next);
                            pos += next_len;
                        }
                        Some((next, next_len)) if is_combining(next) => {
                            pos += next_len;
                        }
                        _ => break,
                    },
                    _ => break,
                }
            }
            if pos == start {
                // Unreachable (the first character is a word character), but never loop forever.
                pos += len;
            }
            if letters == 0 {
                TokenKind::Number {
                    value,
                    digits: u32::try_from(digits).unwrap_or(u32::MAX),
                }
            } else if digits == 0 {
                TokenKind::Word
            } else if !digit_after_letter && folded.get(fold_start + digits..) == Some(b"er") {
                TokenKind::Ordinal { value }
            } else {
                TokenKind::Mixed
            }
        } else {
            pos += len;
            TokenKind::Punct(match c {
                '\'' | '’' | 'ʼ' | '‘' | '`' | '´' => '\'',
                '-' | '\u{2010}' | '\u{2011}' => '-',
                other => other,
            })
        };
        tokens.push(Token {
            kind,
            start,
            end: pos,
            folded: fold_start..folded.len(),
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
    }
    // Only whole UTF-8 sequences were pushed, so this never falls back.
    let folded = String::from_utf8(folded).unwrap_or_default();
    (tokens, folded)
}

// ---------------------------------------------------------------------------------------------
// Grammar

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Middle,
    Late,
}

/// "dernier" / "prochain" after a date without a year, or after a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Nearest,
    Past,
    Future,
}

#[derive(Debug, Clone, Copy)]
enum Point {
    Day {
        weekday: Option<Weekday>,
        day: u32,
        month: Option<u32>,
        year: Option<i32>,
        direction: Direction,
    },
    Month {
        part: Part,
        month: u32,
        year: Option<i32>,
        direction: Direction,
    },
    Year {
        part: Part,
        year: i32,
    },
    Weekday {
        weekday: Weekday,
        direction: Direction,
        /// Followed by "dernier", "soir"...: clearly a time adverbial wherever it stands.
        adverbial: bool,
    },
}

/// Which incomplete points the context makes acceptable.
#[derive(Debug, Clone, Copy, Default)]
struct Allow {
    /// "25" in "du 25 au 27 juillet".
    bare_day: bool,
    /// "juillet" in "en juillet".
    bare_month: bool,
    /// "2012" in "en 2012".
    bare_year: bool,
}

#[derive(Debug, Clone, Copy, Default)]
struct Intro {
    next: usize,
    /// A bare weekday after it is a time adverbial ("le lundi", "ce vendredi").
    weekday_context: bool,
    allow: Allow,
}

#[derive(Debug, Clone)]
struct Resolved {
    start: NaiveDate,
    end: NaiveDate,
    precision: DatePrecision,
    kind: DateKind,
    warnings: Vec<String>,
}

/// What the first end of a range takes from the second: "du 25 au 27 juillet 2022".
#[derive(Debug, Clone, Copy)]
struct Inherit {
    month: Option<u32>,
    year: i32,
    kind: DateKind,
    not_after: NaiveDate,
}

struct Parser<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    folded: String,
    reference: Option<NaiveDate>,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str, reference: Option<NaiveDate>) -> Self {
        let (tokens, folded) = tokenize(text);
        Parser {
            text,
            tokens,
            folded,
            reference,
        }
    }

    fn longest_at(&self, i: usize) -> Option<DateMention> {
        let token = self.tokens.get(i)?;
        let mut best: Option<DateMention> = None;
        let mut consider = |found: Option<DateMention>| {
            if let Some(mention) = found
                && best
                    .as_ref()
                    .is_none_or(|kept| mention.span.len() > kept.span.len())
            {
                best = Some(mention);
            }
        };
        // Only the parsers that can start with this token.
        match token.kind {
            TokenKind::Number { .. } => {
                consider(self.numeric_at(i));
                consider(self.single_at(i));
            }
            TokenKind::Ordinal { .. } => consider(self.single_at(i)),
            TokenKind::Word => {
                let word = self.word(i)?;
                if !starts_expression(word) {
                    return None;
                }
                if matches!(
                    word,
                    "du" | "de" | "d" | "entre" | "les" | "des" | "dans" | "la"
                ) {
                    consider(self.range_at(i));
                }
                consider(self.single_at(i));
                if matches!(
                    word,
                    "hier"
                        | "avant"
                        | "aujourd"
                        | "aujourdhui"
                        | "ce"
                        | "cette"
                        | "le"
                        | "la"
                        | "l"
                        | "il"
                ) {
                    consider(self.relative_at(i));
                }
            }
            TokenKind::Punct(_) | TokenKind::Mixed => {}
        }
        best
    }

    // --- token helpers ---

    fn word(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        match token.kind {
            TokenKind::Word => self.folded.get(token.folded.clone()),
            _ => None,
        }
    }

    /// The token as written.
    fn raw(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        self.text.get(token.start..token.end)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i)?.kind {
            TokenKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    fn number(&self, i: usize) -> Option<(u32, u32)> {
        match self.tokens.get(i)?.kind {
            TokenKind::Number { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    /// No whitespace between token `i` and the one before it.
    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// An elided word ("l'", "d'", "jusqu'"): returns the index after the apostrophe.
    fn elided(&self, i: usize, word: &str) -> Option<usize> {
        (self.is(i, word) && self.is_punct(i + 1, '\'')).then_some(i + 2)
    }

    /// "le", "la", "l'" (optional article); returns the index after it.
    fn skip_article(&self, i: usize) -> usize {
        if self.is_any(i, &["le", "la"]) {
            i + 1
        } else {
            self.elided(i, "l").unwrap_or(i)
        }
    }

    fn sentence_start(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        if i == 0 || token.newline_before {
            return true;
        }
        matches!(
            self.punct(i - 1),
            Some('.' | '!' | '?' | '«' | '"' | '“' | ':' | ';' | '(' | '…' | '–' | '—')
        )
    }

    fn span(&self, first: usize, end: usize) -> Option<Range<usize>> {
        let start = self.tokens.get(first)?.start;
        let stop = self.tokens.get(end.checked_sub(1)?)?.end;
        (start < stop).then_some(start..stop)
    }

    fn mention(&self, first: usize, end: usize, resolved: Resolved) -> Option<DateMention> {
        Some(DateMention {
            span: self.span(first, end)?,
            start: resolved.start,
            end: resolved.end,
            precision: resolved.precision,
            kind: resolved.kind,
            warnings: resolved.warnings,
        })
    }

    // --- pieces of dates ---

    /// A month name or abbreviation; returns it and the index after it (and after the
    /// abbreviation's dot).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let word = self.word(i)?;
        let (month, abbreviated) = month_from_folded(word)?;
        if abbreviated && self.is_punct(i + 1, '.') && self.glued(i + 1) {
            return Some((month, i + 2));
        }
        // Without its dot "sept" is the number seven: only a year after it makes it a month.
        if matches!(word, "sept" | "sep") && self.year(i + 1).is_none() {
            return None;
        }
        Some((month, i + 1))
    }

    /// A plausible four-digit year.
    fn year(&self, i: usize) -> Option<i32> {
        let (value, digits) = self.number(i)?;
        if digits != 4 || !(1900..=2100).contains(&value) {
            return None;
        }
        // "depuis 2000 ans", "en 1950 morts" are quantities.
        const UNITS: &[&str] = &[
            "ans",
            "annees",
            "jours",
            "mois",
            "km",
            "kilometres",
            "metres",
            "hommes",
            "personnes",
            "morts",
            "soldats",
            "civils",
            "habitants",
        ];
        if self.is_any(i + 1, UNITS) {
            return None;
        }
        i32::try_from(value).ok()
    }

    /// A day of the month ("18", "07", "1er", "1 er", "premier"); returns it and the index after.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let token = self.tokens.get(i)?;
        let (day, next) = match token.kind {
            TokenKind::Number {
                value,
                digits: 1 | 2,
            } => {
                if value == 1 && self.is(i + 1, "er") {
                    (1, i + 2)
                } else {
                    (value, i + 1)
                }
            }
            TokenKind::Ordinal { value: 1 } => (1, i + 1),
            TokenKind::Word if self.is(i, "premier") => (1, i + 1),
            _ => return None,
        };
        if !(1..=31).contains(&day) {
            return None;
        }
        // "2,5" or "3/4": the second half of a decimal or fraction.
        if !token.space_before
            && i >= 2
            && matches!(self.punct(i - 1), Some(',' | '.' | '/' | '-' | ':'))
            && self.number(i - 2).is_some()
        {
            return None;
        }
        // "7/8" or "7-8": the first half of something numeric.
        if matches!(self.punct(next), Some('/' | '-' | ':' | ','))
            && self.glued(next)
            && self.glued(next + 1)
            && self.number(next + 1).is_some()
        {
            return None;
        }
        Some((day, next))
    }

    fn after_day_number(&self, i: usize) -> bool {
        let Some(previous) = i.checked_sub(1) else {
            return false;
        };
        matches!(
            self.tokens.get(previous).map(|t| t.kind),
            Some(TokenKind::Number { digits: 1 | 2, .. } | TokenKind::Ordinal { .. })
        ) || self.is_any(previous, &["er", "premier"])
    }

    /// "dernier"/"passé"/"prochain" after a date lacking a year.
    fn direction(&self, i: usize) -> (Direction, usize) {
        if self.is_any(i, &["dernier", "derniere", "passe", "passee"]) {
            (Direction::Past, i + 1)
        } else if self.is_any(i, &["prochain", "prochaine"]) {
            (Direction::Future, i + 1)
        } else {
            (Direction::Nearest, i)
        }
    }

    /// "soir", "matin", "après-midi" after "hier" or a weekday.
    fn time_of_day(&self, i: usize) -> Option<usize> {
        if self.is_any(i, &["soir", "matin", "midi", "soiree", "matinee", "nuit"]) {
            Some(i + 1)
        } else if self.is(i, "apres") && self.is_punct(i + 1, '-') && self.is(i + 2, "midi") {
            Some(i + 3)
        } else {
            None
        }
    }

    /// "fin", "début", "mi-", "courant" before a month or a year.
    fn part(&self, i: usize) -> Option<(Part, usize)> {
        let part = match self.word(i)? {
            "fin" => Part::Late,
            "debut" => Part::Early,
            "mi" => Part::Middle,
            "courant" => Part::Whole,
            _ => return None,
        };
        let next = if self.is_punct(i + 1, '-') {
            i + 2
        } else {
            i + 1
        };
        Some((part, next))
    }

    /// Day, optional month, optional year.
    fn day_date(&self, i: usize, bare_day: bool) -> Option<(Point, usize)> {
        let (day, after_day) = self.day(i)?;
        if let Some(found) = self.day_of_a_named_month(day, after_day) {
            return Some(found);
        }
        let Some((month, after_month)) = self.month(after_day) else {
            return bare_day.then_some((
                Point::Day {
                    weekday: None,
                    day,
                    month: None,
                    year: None,
                    direction: Direction::Nearest,
                },
                after_day,
            ));
        };
        let (year, direction, end) = match self.year(after_month) {
            Some(year) => (Some(year), Direction::Nearest, after_month + 1),
            None => {
                let (direction, end) = self.direction(after_month);
                (None, direction, end)
            }
        };
        Some((
            Point::Day {
                weekday: None,
                day,
                month: Some(month),
                year,
                direction,
            },
            end,
        ))
    }

    /// "le 5 courant", "le 5 du mois en cours", "le 28 du mois dernier": a day of the
    /// reference's month, or of the month before, named without the month's name.
    fn day_of_a_named_month(&self, day: u32, i: usize) -> Option<(Point, usize)> {
        let reference = self.reference?;
        let this_month = (reference.month(), Direction::Nearest);
        let ((month, direction), end) = if self.is(i, "courant") && self.month(i + 1).is_none() {
            (this_month, i + 1)
        } else if self.is(i, "du") && self.is(i + 1, "mois") {
            if self.is(i + 2, "en") && self.is(i + 3, "cours") {
                (this_month, i + 4)
            } else if self.is_any(i + 2, &["dernier", "passe", "precedent"]) {
                let last = previous_month(reference.year(), reference.month()).1;
                ((last, Direction::Past), i + 3)
            } else {
                return None;
            }
        } else {
            return None;
        };
        // The year is the reference's, or the one before for December read in January.
        Some((
            Point::Day {
                weekday: None,
                day,
                month: Some(month),
                year: None,
                direction,
            },
            end,
        ))
    }

    /// One date, without introducer.
    fn point(&self, i: usize, allow: Allow) -> Option<(Point, usize)> {
        if let Some(weekday) = self.word(i).and_then(weekday_from_folded) {
            let after_comma = if self.is_punct(i + 1, ',') {
                i + 2
            } else {
                i + 1
            };
            if let Some((
                Point::Day {
                    day,
                    month,
                    year,
                    direction,
                    ..
                },
                end,
            )) = self.day_date(after_comma, allow.bare_day)
            {
                let point = Point::Day {
                    weekday: Some(weekday),
                    day,
                    month,
                    year,
                    direction,
                };
                return Some((point, end));
            }
            let (direction, mut end) = self.direction(i + 1);
            let mut adverbial = direction != Direction::Nearest;
            if let Some(after) = self.time_of_day(end) {
                end = after;
                adverbial = true;
            }
            return Some((
                Point::Weekday {
                    weekday,
                    direction,
                    adverbial,
                },
                end,
            ));
        }
        if let Some(found) = self.day_date(i, allow.bare_day) {
            return Some(found);
        }
        if let Some((part, after_part)) = self.part(i) {
            // "fin de l'année" is not handled; "fin mai 2021", "mi-2020" are.
            if let Some(point) = self.month_point(after_part, part, true) {
                return Some(point);
            }
            let year = self.year(after_part)?;
            return Some((Point::Year { part, year }, after_part + 1));
        }
        // "février 2023" inside the invalid "29 février 2023" is not a month mention.
        if self.after_day_number(i) {
            return None;
        }
        if let Some(point) = self.month_point(i, Part::Whole, allow.bare_month) {
            return Some(point);
        }
        // "mois de juillet", "mois d'août"
        if self.is(i, "mois") {
            let after_de = if self.is(i + 1, "de") {
                i + 2
            } else {
                self.elided(i + 1, "d")?
            };
            return self.month_point(after_de, Part::Whole, true);
        }
        // "année 2012", "an 2000"
        if self.is_any(i, &["annee", "an"]) {
            let year = self.year(i + 1)?;
            return Some((
                Point::Year {
                    part: Part::Whole,
                    year,
                },
                i + 2,
            ));
        }
        if allow.bare_year {
            let year = self.year(i)?;
            return Some((
                Point::Year {
                    part: Part::Whole,
                    year,
                },
                i + 1,
            ));
        }
        None
    }

    fn month_point(&self, i: usize, part: Part, bare_month: bool) -> Option<(Point, usize)> {
        let (month, after_month) = self.month(i)?;
        let (year, direction, end) = match self.year(after_month) {
            Some(year) => (Some(year), Direction::Nearest, after_month + 1),
            None if bare_month => {
                let (direction, end) = self.direction(after_month);
                (None, direction, end)
            }
            None => return None,
        };
        Some((
            Point::Month {
                part,
                month,
                year,
                direction,
            },
            end,
        ))
    }

    /// "dans la nuit du", "la journée de", "dans la nuit d'": returns the index after it.
    fn part_of_day_intro(&self, i: usize) -> Option<usize> {
        let after_dans = if self.is(i, "dans") { i + 1 } else { i };
        if !self.is(after_dans, "la") {
            return None;
        }
        let noun = after_dans + 1;
        let after_noun = if self.is_any(noun, &["nuit", "journee", "matinee", "soiree"]) {
            noun + 1
        } else if self.is(noun, "apres")
            && self.is_punct(noun + 1, '-')
            && self.is(noun + 2, "midi")
        {
            noun + 3
        } else {
            return None;
        };
        if self.is_any(after_noun, &["du", "de"]) {
            Some(after_noun + 1)
        } else {
            self.elided(after_noun, "d")
        }
    }

    fn introducer(&self, i: usize) -> Intro {
        let plain = Intro {
            next: i,
            ..Intro::default()
        };
        let open = Allow {
            bare_day: false,
            bare_month: true,
            bare_year: true,
        };
        if let Some(next) = self.part_of_day_intro(i) {
            return Intro {
                next,
                weekday_context: true,
                allow: Allow::default(),
            };
        }
        let Some(word) = self.word(i) else {
            return plain;
        };
        match word {
            // "dès" folds to "des", which is mostly the article: check the accent.
            "des" if !self.raw(i).is_some_and(|w| w.contains(['è', 'È'])) => plain,
            "depuis" | "des" => Intro {
                next: self.skip_article(i + 1),
                weekday_context: true,
                allow: open,
            },
            "jusqu" if self.is_punct(i + 1, '\'') => {
                let after = i + 2;
                let next = if self.is_any(after, &["au", "en"]) {
                    after + 1
                } else if self.is(after, "a") {
                    self.skip_article(after + 1)
                } else {
                    return plain;
                };
                Intro {
                    next,
                    weekday_context: true,
                    allow: open,
                }
            }
            "en" => Intro {
                next: i + 1,
                weekday_context: false,
                allow: open,
            },
            "le" | "ce" => Intro {
                next: if self.is(i + 1, "meme") { i + 2 } else { i + 1 },
                weekday_context: true,
                allow: Allow::default(),
            },
            // "la mi-janvier", "à la fin juillet"
            "la" if self.part(i + 1).is_some() => Intro {
                next: i + 1,
                ..Intro::default()
            },
            "au" | "du" if self.is(i + 1, "mois") => Intro {
                next: i + 1,
                ..Intro::default()
            },
            "l" if self.is_punct(i + 1, '\'') => Intro {
                next: i + 2,
                ..Intro::default()
            },
            _ => plain,
        }
    }

    // --- whole expressions ---

    fn single_at(&self, i: usize) -> Option<DateMention> {
        let intro = self.introducer(i);
        let (point, end) = self.point(intro.next, intro.allow)?;
        if let Point::Weekday { adverbial, .. } = point {
            let at_sentence_start = intro.next == i && self.sentence_start(i);
            // "ont été tués samedi": after a verb or noun a bare weekday is the usual news
            // time adverbial; "chaque samedi", "les samedis", "du lundi au …" are not.
            let after_word = intro.next == i
                && i > 0
                && self.word(i - 1).is_some_and(|w| {
                    !matches!(
                        w,
                        "chaque"
                            | "les"
                            | "des"
                            | "du"
                            | "au"
                            | "un"
                            | "tous"
                            | "toutes"
                            | "a"
                            | "quel"
                            | "quelle"
                            | "jusqu"
                            | "entre"
                            | "et"
                            | "ou"
                    )
                });
            // "l'attaque de dimanche" (even "l'attaque de dimanche à Boni") is a date; "de
            // lundi à jeudi" is a span (range_at's).
            let after_word = after_word
                && !(self.is(i - 1, "de")
                    && self.is_any(i + 1, &["a", "au", "et", "ou"])
                    && self
                        .word(i + 2)
                        .is_some_and(|w| weekday_from_folded(w).is_some()));
            // "a fait sept morts, samedi, près de Boni": set off by a comma after a word.
            let after_comma = intro.next == i
                && i >= 2
                && self.is_punct(i - 1, ',')
                && self.word(i - 2).is_some();
            if !(adverbial
                || intro.weekday_context
                || at_sentence_start
                || after_word
                || after_comma)
            {
                return None;
            }
        }
        let resolved = self.resolve(&point, None)?;
        self.mention(i, end, resolved)
    }

    fn range_at(&self, i: usize) -> Option<DateMention> {
        #[derive(PartialEq)]
        enum Joint {
            To,
            And,
        }
        let (first, joint, intro_word) = if let Some(next) = self.part_of_day_intro(i) {
            (next, Joint::To, "nuit")
        } else {
            match self.word(i)? {
                "du" | "de" => (i + 1, Joint::To, "du"),
                "d" if self.is_punct(i + 1, '\'') => (i + 2, Joint::To, "du"),
                "entre" => (self.skip_article(i + 1), Joint::And, "entre"),
                "les" | "des" => (i + 1, Joint::And, "les"),
                _ => return None,
            }
        };
        let open = Allow {
            bare_day: true,
            bare_month: true,
            bare_year: true,
        };
        let (from, after_from) = self.point(first, open)?;
        let second = match joint {
            Joint::To if self.is(after_from, "au") => after_from + 1,
            Joint::To if self.is(after_from, "a") => self.skip_article(after_from + 1),
            Joint::To => {
                let after = self.elided(after_from, "jusqu")?;
                if self.is(after, "au") {
                    after + 1
                } else if self.is(after, "a") {
                    self.skip_article(after + 1)
                } else {
                    return None;
                }
            }
            Joint::And if self.is(after_from, "et") => self.skip_article(after_from + 1),
            Joint::And => return None,
        };
        let (to, end) = self.point(
            second,
            Allow {
                bare_day: false,
                ..open
            },
        )?;
        let resolved = match (from, to) {
            (Point::Weekday { weekday: a, .. }, Point::Weekday { weekday: b, .. }) => {
                // "de samedi à dimanche", "entre samedi et dimanche"; not "les samedi et
                // dimanche", two days that need not follow each other.
                if joint != Joint::To && intro_word != "entre" {
                    return None;
                }
                self.weekday_pair(a, b)?
            }
            (Point::Weekday { .. }, _) | (_, Point::Weekday { .. }) => return None,
            (Point::Day { .. }, Point::Day { .. }) => self.combine(&from, &to)?,
            _ if intro_word == "les" => return None,
            (Point::Day { month: None, .. }, _) => return None,
            _ => self.combine(&from, &to)?,
        };
        self.mention(i, end, resolved)
    }

    /// Both ends of "du X au Y": Y resolved first, X borrows its month and year.
    fn combine(&self, from: &Point, to: &Point) -> Option<Resolved> {
        let to_resolved = self.resolve(to, None)?;
        let inherit = Inherit {
            month: match *to {
                Point::Day { month, .. } => month,
                Point::Month { month, .. } => Some(month),
                _ => None,
            },
            year: to_resolved.start.year(),
            kind: to_resolved.kind,
            not_after: to_resolved.start,
        };
        let from_resolved = self.resolve(from, Some(inherit))?;
        if from_resolved.start > to_resolved.start {
            return None;
        }
        let start = from_resolved.start;
        let end = to_resolved.end;
        let precision = from_resolved
            .precision
            .max(to_resolved.precision)
            .max(precision_of_span(start, end));
        let mut warnings = from_resolved.warnings;
        warnings.extend(to_resolved.warnings);
        Some(Resolved {
            start,
            end,
            precision,
            kind: to_resolved.kind,
            warnings,
        })
    }

    /// "dans la nuit de samedi à dimanche": the latest such span ending on or before the reference.
    fn weekday_pair(&self, from: Weekday, to: Weekday) -> Option<Resolved> {
        let reference = self.reference?;
        let end = shift(reference, -days_back(reference.weekday(), to))?;
        let gap = days_back(to, from);
        let start = shift(end, -(if gap == 0 { 7 } else { gap }))?;
        Some(Resolved {
            start,
            end,
            precision: precision_of_span(start, end),
            kind: DateKind::Relative,
            warnings: Vec::new(),
        })
    }

    /// Words relative to the reference date: "hier", "la semaine dernière", "ce week-end"...
    fn relative_at(&self, i: usize) -> Option<DateMention> {
        use DatePrecision as P;
        let reference = self.reference?;
        let word = self.word(i)?;
        let day = |date: NaiveDate| (date, date, P::Day);
        let (end, (start, last, precision)) = match word {
            "hier" => {
                // "l'allié d'hier" is figurative far more often than it is a date.
                if i >= 2 && self.is_punct(i - 1, '\'') && self.is(i - 2, "d") {
                    return None;
                }
                let end = self.time_of_day(i + 1).unwrap_or(i + 1);
                (end, day(shift(reference, -1)?))
            }
            "avant" => {
                let hier = if self.is_punct(i + 1, '-') {
                    i + 2
                } else {
                    i + 1
                };
                if !self.is(hier, "hier") {
                    return None;
                }
                let end = self.time_of_day(hier + 1).unwrap_or(hier + 1);
                (end, day(shift(reference, -2)?))
            }
            "aujourdhui" => (i + 1, day(reference)),
            "aujourd" if self.is_punct(i + 1, '\'') && self.is(i + 2, "hui") => {
                (i + 3, day(reference))
            }
            "ce" => {
                if let Some(after) = self.weekend(i + 1) {
                    (after, self.weekend_of(reference, false)?)
                } else if self.is_any(i + 1, &["matin", "soir"]) {
                    (i + 2, day(reference))
                } else if self.is(i + 1, "mois") {
                    let end = if self.is_punct(i + 2, '-') && self.is(i + 3, "ci") {
                        i + 4
                    } else {
                        i + 2
                    };
                    let (first, last) = month_bounds(reference.year(), reference.month())?;
                    (end, (first, last, P::Month))
                } else {
                    return None;
                }
            }
            "cette" => match self.word(i + 1)? {
                "nuit" => (i + 2, (shift(reference, -1)?, reference, P::Day)),
                "semaine" => (i + 2, week_of(reference, 0)?),
                "annee" => {
                    let (first, last) = year_part(reference.year(), Part::Whole)?;
                    (i + 2, (first, last, P::Year))
                }
                _ => return None,
            },
            "le" if self.weekend(i + 1).is_some() => {
                let after = self.weekend(i + 1)?;
                let (direction, end) = self.direction(after);
                if direction != Direction::Past {
                    return None;
                }
                (end, self.weekend_of(reference, true)?)
            }
            "la" if self.is(i + 1, "semaine") => match self.direction(i + 2) {
                (Direction::Past, end) => (end, week_of(reference, -1)?),
                (Direction::Future, end) => (end, week_of(reference, 1)?),
                (Direction::Nearest, _) => return None,
            },
            "le" if self.is(i + 1, "mois") => {
                let (direction, end) = self.direction(i + 2);
                let (year, month) = match direction {
                    Direction::Past => previous_month(reference.year(), reference.month()),
                    Direction::Future => next_month(reference.year(), reference.month()),
                    Direction::Nearest => return None,
                };
                let (first, last) = month_bounds(year, month)?;
                (end, (first, last, P::Month))
            }
            // "il y a deux jours", "il y a une semaine": counted back from the reference.
            // "il y a tout juste une semaine", "il y a deux mois jour pour jour".
            "il" if self.is(i + 1, "y") && self.is(i + 2, "a") => {
                let at = self.after_approximation(i + 3);
                let count = self.small_count(at)?;
                let unit = at + 1;
                let to_the_day = self.is(unit + 1, "jour")
                    && self.is(unit + 2, "pour")
                    && self.is(unit + 3, "jour");
                if !(1..=10_000).contains(&count) {
                    return None;
                }
                let end = if to_the_day { unit + 4 } else { unit + 1 };
                let back = |days: i64| shift(reference, -days);
                // "jour pour jour": the same day of the month or year, counted back.
                let months_back =
                    |months: u32| reference.checked_sub_months(chrono::Months::new(months));
                let months = u32::try_from(count).ok()?;
                let around = |centre: NaiveDate, half: i64| {
                    Some((shift(centre, -half)?, shift(centre, half)?))
                };
                let resolved = match (self.word(unit)?, to_the_day) {
                    ("jour" | "jours", _) => day(back(count)?),
                    ("semaine" | "semaines", true) => day(back(7 * count)?),
                    ("semaine" | "semaines", false) => {
                        let (first, last) = around(back(7 * count)?, 3)?;
                        (first, last, P::Week)
                    }
                    ("mois", true) => day(months_back(months)?),
                    ("mois", false) => {
                        let (first, last) = around(back(30 * count)?, 15)?;
                        (first, last, P::Month)
                    }
                    ("an" | "ans", true) => day(months_back(months.checked_mul(12)?)?),
                    _ => return None,
                };
                (end, resolved)
            }
            "l" if self.is_punct(i + 1, '\'') && self.is_any(i + 2, &["an", "annee"]) => {
                let (direction, end) = self.direction(i + 3);
                let year = match direction {
                    Direction::Past => reference.year() - 1,
                    Direction::Future => reference.year() + 1,
                    Direction::Nearest => return None,
                };
                let (first, last) = year_part(year, Part::Whole)?;
                (end, (first, last, P::Year))
            }
            _ => return None,
        };
        self.mention(
            i,
            end,
            Resolved {
                start,
                end: last,
                precision,
                kind: DateKind::Relative,
                warnings: Vec::new(),
            },
        )
    }

    /// Past "tout juste", "exactement", "environ", "près de" before a count.
    fn after_approximation(&self, i: usize) -> usize {
        let two_words = (self.is(i, "tout") && self.is(i + 1, "juste"))
            || (self.is(i, "pres") && self.is_any(i + 1, &["de", "d"]))
            || (self.is(i, "a") && self.is(i + 1, "peine"));
        if two_words {
            i + 2
        } else if self.is_any(i, &["juste", "exactement", "environ", "seulement", "deja"]) {
            i + 1
        } else {
            i
        }
    }

    /// A count written in digits or in words ("deux", "une").
    fn small_count(&self, i: usize) -> Option<i64> {
        if let Some((value, _)) = self.number(i) {
            return Some(i64::from(value));
        }
        let word = self.word(i)?;
        let n = if word == "une" {
            1
        } else {
            super::numbers::parse_french_number(word)?
        };
        i64::try_from(n).ok()
    }

    /// "week-end", "weekend", "week end": returns the index after it.
    fn weekend(&self, i: usize) -> Option<usize> {
        if self.is(i, "weekend") {
            Some(i + 1)
        } else if self.is(i, "week") {
            if self.is_punct(i + 1, '-') && self.is(i + 2, "end") {
                Some(i + 3)
            } else if self.is(i + 1, "end") {
                Some(i + 2)
            } else {
                None
            }
        } else {
            None
        }
    }

    /// The latest Saturday–Sunday starting on or before the reference; with `previous`, and
    /// the reference itself on a weekend, the one before ("le week-end dernier" said on a
    /// Sunday is not the current one).
    fn weekend_of(
        &self,
        reference: NaiveDate,
        previous: bool,
    ) -> Option<(NaiveDate, NaiveDate, DatePrecision)> {
        let mut saturday = shift(reference, -days_back(reference.weekday(), Weekday::Sat))?;
        let on_weekend = matches!(reference.weekday(), Weekday::Sat | Weekday::Sun);
        if previous && on_weekend {
            saturday = shift(saturday, -7)?;
        }
        Some((saturday, shift(saturday, 1)?, DatePrecision::Day))
    }

    /// "07/08/2024", "7/8/2024", "07-08-2024", "07.08.2024" (day first), "07/08/24" and
    /// "2024-08-07".
    fn numeric_at(&self, i: usize) -> Option<DateMention> {
        let (first, first_digits) = self.number(i)?;
        let separator = self.punct(i + 1)?;
        if !matches!(separator, '/' | '-' | '.') {
            return None;
        }
        let glued_from = |k: usize| (i + 1..=k).all(|j| self.glued(j));
        if !glued_from(i + 4) || self.punct(i + 3) != Some(separator) {
            return None;
        }
        let (second, second_digits) = self.number(i + 2)?;
        let (third, third_digits) = self.number(i + 4)?;
        // Part of a longer numeric run ("1/07/08/2024", "07/08/2024/3")?
        let before_is_numeric = i >= 2
            && !self.tokens.get(i).is_some_and(|t| t.space_before)
            && matches!(self.punct(i - 1), Some('/' | '-' | '.'))
            && self.number(i - 2).is_some();
        let after_is_numeric = self.glued(i + 5)
            && (self.number(i + 5).is_some()
                || (matches!(self.punct(i + 5), Some('/' | '-' | '.'))
                    && self.glued(i + 6)
                    && self.number(i + 6).is_some()));
        if before_is_numeric || after_is_numeric {
            return None;
        }
        let small = |digits: u32| (1..=2).contains(&digits);
        let (year, month, day) = if first_digits == 4 && small(second_digits) && small(third_digits)
        {
            (first, second, third)
        } else if small(first_digits) && small(second_digits) && third_digits == 4 {
            (third, second, first)
        } else if separator == '/' && (first_digits, second_digits, third_digits) == (2, 2, 2) {
            // "ce mercredi (06/10/21)": a short year, written in full day and month only (so
            // that "1/2/3" stays no date); the press writes of this century's years.
            (2000 + third, second, first)
        } else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
        self.mention(
            i,
            i + 5,
            Resolved {
                start: date,
                end: date,
                precision: DatePrecision::Day,
                kind: DateKind::Absolute,
                warnings: Vec::new(),
            },
        )
    }

    // --- resolution ---

    fn resolve(&self, point: &Point, inherit: Option<Inherit>) -> Option<Resolved> {
        match *point {
            Point::Day {
                weekday,
                day,
                month,
                year,
                direction,
            } => {
                let mut warnings = Vec::new();
                let (date, kind) = match (year, inherit) {
                    (Some(year), _) => {
                        let month = month.or(inherit.and_then(|h| h.month))?;
                        (
                            NaiveDate::from_ymd_opt(year, month, day)?,
                            DateKind::Absolute,
                        )
                    }
                    (None, Some(inherit)) => {
                        let month_given = month.is_some();
                        let month = month.or(inherit.month)?;
                        let mut date = NaiveDate::from_ymd_opt(inherit.year, month, day);
                        // The first end comes first: "du 28 au 3 mars" starts in February,
                        // "du 28 décembre au 3 janvier" in the previous year.
                        if date.is_none_or(|d| d > inherit.not_after) {
                            let (year, month) = if month_given {
                                (inherit.year - 1, month)
                            } else {
                                previous_month(inherit.year, month)
                            };
                            date = NaiveDate::from_ymd_opt(year, month, day);
                        }
                        (date?, inherit.kind)
                    }
                    (None, None) => {
                        let reference = self.reference?;
                        let date = choose_day_year(month?, day, weekday, direction, reference)?;
                        (date, DateKind::NoYear)
                    }
                };
                if let Some(weekday) = weekday
                    && date.weekday() != weekday
                {
                    warnings.push(weekday_warning(weekday, date));
                }
                Some(Resolved {
                    start: date,
                    end: date,
                    precision: DatePrecision::Day,
                    kind,
                    warnings,
                })
            }
            Point::Month {
                part,
                month,
                year,
                direction,
            } => {
                let (year, kind) = match (year, inherit) {
                    (Some(year), _) => (year, DateKind::MonthYear),
                    (None, Some(inherit)) => {
                        let (start, _) = month_part(inherit.year, month, part)?;
                        let year = if start > inherit.not_after {
                            inherit.year - 1
                        } else {
                            inherit.year
                        };
                        (year, inherit.kind)
                    }
                    (None, None) => {
                        let reference = self.reference?;
                        let year = choose_month_year(month, part, direction, reference)?;
                        (year, DateKind::NoYear)
                    }
                };
                let (start, end) = month_part(year, month, part)?;
                Some(Resolved {
                    start,
                    end,
                    precision: DatePrecision::Month,
                    kind,
                    warnings: Vec::new(),
                })
            }
            Point::Year { part, year } => {
                let (start, end) = year_part(year, part)?;
                Some(Resolved {
                    start,
                    end,
                    precision: DatePrecision::Year,
                    kind: DateKind::YearOnly,
                    warnings: Vec::new(),
                })
            }
            Point::Weekday {
                weekday, direction, ..
            } => {
                let reference = self.reference?;
                let date = match direction {
                    Direction::Nearest => {
                        shift(reference, -days_back(reference.weekday(), weekday))?
                    }
                    Direction::Past => {
                        let back = days_back(reference.weekday(), weekday);
                        shift(reference, -(if back == 0 { 7 } else { back }))?
                    }
                    Direction::Future => {
                        let ahead = days_back(weekday, reference.weekday());
                        shift(reference, if ahead == 0 { 7 } else { ahead })?
                    }
                };
                Some(Resolved {
                    start: date,
                    end: date,
                    precision: DatePrecision::Day,
                    kind: DateKind::Relative,
                    warnings: Vec::new(),
                })
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (all checked: the reference may be any representable date)

pub(crate) fn weekday_from_folded(word: &str) -> Option<Weekday> {
    Some(match word {
        "lundi" => Weekday::Mon,
        "mardi" => Weekday::Tue,
        "mercredi" => Weekday::Wed,
        "jeudi" => Weekday::Thu,
        "vendredi" => Weekday::Fri,
        "samedi" => Weekday::Sat,
        "dimanche" => Weekday::Sun,
        _ => return None,
    })
}

/// A month's full name, folded ("janvier", "aout"); not an abbreviation ("sept" may be seven).
pub fn is_month_name(word: &str) -> bool {
    month_from_folded(word).is_some_and(|(_, abbreviated)| !abbreviated)
}

/// Month number, and whether the word is an abbreviation.
fn month_from_folded(word: &str) -> Option<(u32, bool)> {
    Some(match word {
        "janvier" => (1, false),
        "janv" => (1, true),
        "fevrier" => (2, false),
        "fevr" | "fev" => (2, true),
        "mars" => (3, false),
        "avril" => (4, false),
        "avr" => (4, true),
        "mai" => (5, false),
        "juin" => (6, false),
        "juillet" => (7, false),
        "juil" => (7, true),
        "aout" => (8, false),
        "septembre" => (9, false),
        "sept" | "sep" => (9, true),
        "octobre" => (10, false),
        "oct" => (10, true),
        "novembre" => (11, false),
        "nov" => (11, true),
        "decembre" => (12, false),
        "dec" => (12, true),
        _ => return None,
    })
}

/// "le 28 novembre une autre attaque", "mardi soir vers 18 h un autre village": what follows a
/// date or time phrase that opens a folded sentence, if it opens with one. The phrase must name
/// a day, a month, a number or a part of a day; "le", "dans" alone are no date.
pub fn after_a_leading_date(opening: &str) -> Option<&str> {
    let mut dated = false;
    let mut rest = opening.trim_start();
    while let Some(word) = rest.split(' ').next().filter(|w| !w.is_empty()) {
        let names_a_time = word.bytes().all(|b| b.is_ascii_digit())
            || matches!(
                word,
                "1er" | "hier" | "nuit" | "matin" | "soir" | "soiree" | "matinee" | "midi"
            )
            || weekday_from_folded(word).is_some()
            || month_from_folded(word).is_some();
        let joins = starts_expression(word)
            || matches!(
                word,
                "er" | "a"
                    | "aux"
                    | "et"
                    | "vers"
                    | "apres"
                    | "journee"
                    | "dernier"
                    | "derniere"
                    | "heures"
                    | "h"
                    | "environs"
                    | "alentours"
                    | "tot"
            );
        if !names_a_time && !joins {
            break;
        }
        dated |= names_a_time;
        rest = rest[word.len()..].trim_start();
    }
    (dated && !rest.is_empty()).then_some(rest)
}

/// Words that can begin a date expression (besides numbers, weekdays and months).
fn starts_expression(word: &str) -> bool {
    matches!(
        word,
        "le" | "la"
            | "l"
            | "ce"
            | "cette"
            | "du"
            | "de"
            | "d"
            | "des"
            | "les"
            | "entre"
            | "dans"
            | "depuis"
            | "jusqu"
            | "en"
            | "au"
            | "hier"
            | "il"
            | "avant"
            | "aujourd"
            | "aujourdhui"
            | "fin"
            | "debut"
            | "mi"
            | "courant"
            | "mois"
            | "annee"
            | "an"
            | "premier"
    ) || weekday_from_folded(word).is_some()
        || month_from_folded(word).is_some()
}

fn french_weekday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

fn english_weekday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn weekday_warning(written: Weekday, date: NaiveDate) -> String {
    format!(
        "weekday '{}' does not match {} (a {})",
        french_weekday(written),
        date,
        english_weekday(date.weekday())
    )
}

/// Days to go back from `from` to reach the latest `to` (0 when they are the same day).
fn days_back(from: Weekday, to: Weekday) -> i64 {
    i64::from((from.num_days_from_monday() + 7 - to.num_days_from_monday()) % 7)
}

fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

fn previous_month(year: i32, month: u32) -> (i32, u32) {
    if month <= 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    }
}

fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let (next_year, next) = next_month(year, month);
    let last = NaiveDate::from_ymd_opt(next_year, next, 1)?.pred_opt()?;
    Some((first, last))
}

/// "début" = days 1–10, "mi" = 11–20, "fin" = 21 to the end.
fn month_part(year: i32, month: u32, part: Part) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = month_bounds(year, month)?;
    let day = |d: u32| NaiveDate::from_ymd_opt(year, month, d);
    Some(match part {
        Part::Whole => (first, last),
        Part::Early => (first, day(10)?),
        Part::Middle => (day(11)?, day(20)?),
        Part::Late => (day(21)?, last),
    })
}

/// "début 2020" = January–April, "mi-2020" = May–August, "fin 2019" = September–December.
fn year_part(year: i32, part: Part) -> Option<(NaiveDate, NaiveDate)> {
    let (first_month, last_month) = match part {
        Part::Whole => (1, 12),
        Part::Early => (1, 4),
        Part::Middle => (5, 8),
        Part::Late => (9, 12),
    };
    Some((
        month_bounds(year, first_month)?.0,
        month_bounds(year, last_month)?.1,
    ))
}

/// Monday–Sunday of the reference's week, shifted by `weeks`.
fn week_of(reference: NaiveDate, weeks: i64) -> Option<(NaiveDate, NaiveDate, DatePrecision)> {
    let monday = shift(
        reference,
        -i64::from(reference.weekday().num_days_from_monday()) + 7 * weeks,
    )?;
    Some((monday, shift(monday, 6)?, DatePrecision::Week))
}

fn precision_of_span(start: NaiveDate, end: NaiveDate) -> DatePrecision {
    match (end - start).num_days() + 1 {
        ..=2 => DatePrecision::Day,
        3..=7 => DatePrecision::Week,
        8..=31 => DatePrecision::Month,
        _ => DatePrecision::Year,
    }
}

/// The year of a day-and-month without year: the latest occurrence not after reference + 7
/// days ("dernier": strictly before the reference; "prochain": the first after it). A written
/// weekday may move it one occurrence earlier when only that one matches.
fn choose_day_year(
    month: u32,
    day: u32,
    weekday: Option<Weekday>,
    direction: Direction,
    reference: NaiveDate,
) -> Option<NaiveDate> {
    let year = reference.year();
    // Eight years either way reaches a 29 February from any reference.
    let mut occurrences: Vec<NaiveDate> = (year - 8..=year + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .collect();
    let limit = shift(reference, 7)?;
    occurrences.retain(|d| match direction {
        Direction::Nearest => *d <= limit,
        Direction::Past => *d < reference,
        Direction::Future => *d > reference,
    });
    if direction != Direction::Future {
        occurrences.reverse();
    }
    // The nearest occurrence, and the one before it for the weekday to choose from.
    let candidates = occurrences.get(..2).unwrap_or(&occurrences);
    let latest = *candidates.first()?;
    match weekday {
        Some(weekday) if latest.weekday() != weekday => Some(
            candidates
                .iter()
                .copied()
                .find(|d| d.weekday() == weekday)
                .unwrap_or(latest),
        ),
        _ => Some(latest),
    }
}

/// The year of a (part of a) month without year, by the rule of [`choose_day_year`] applied
/// to its first day ("dernier": a month before the reference's; "prochain": after it).
fn choose_month_year(
    month: u32,
    part: Part,
    direction: Direction,
    reference: NaiveDate,
) -> Option<i32> {
    let year = reference.year();
    let here = (reference.year(), reference.month());
    match direction {
        Direction::Nearest => {
            let limit = shift(reference, 7)?;
            (year - 1..=year + 1)
                .rev()
                .find(|y| month_part(*y, month, part).is_some_and(|(start, _)| start <= limit))
        }
        Direction::Past => Some(if (year, month) < here { year } else { year - 1 }),
        Direction::Future => Some(if (year, month) > here { year } else { year + 1 }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DatePrecision as P;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
    }

    /// The single mention in `text`, with its text.
    fn one(text: &str, reference: Option<NaiveDate>) -> (String, DateMention) {
        let found = find_dates(text, reference);
        assert_eq!(
            found.len(),
            1,
            "expected one date in {text:?}, got {found:#?}"
        );
        let mention = found.into_iter().next().expect("one mention");
        (text[mention.span.clone()].to_string(), mention)
    }

    /// (span text, start, end, precision, kind) of the single mention.
    fn check(
        text: &str,
        reference: Option<NaiveDate>,
    ) -> (String, NaiveDate, NaiveDate, DatePrecision, DateKind) {
        let (span, m) = one(text, reference);
        (span, m.start, m.end, m.precision, m.kind)
    }

    fn day_mention(
        span: &str,
        date: NaiveDate,
        kind: DateKind,
    ) -> (String, NaiveDate, NaiveDate, DatePrecision, DateKind) {
        (span.to_string(), date, date, P::Day, kind)
    }

    const REF: Option<NaiveDate> = NaiveDate::from_ymd_opt(2024, 9, 20);

    #[test]
    fn absolute_day_month_year() {
        use DateKind::Absolute;
        assert_eq!(
            check("Les combats ont éclaté le 18 juin 2022 près de Gao.", None),
            day_mention("le 18 juin 2022", d(2022, 6, 18), Absolute)
        );
        assert_eq!(
            check("Une embuscade a eu lieu le 3 mars 2023 vers Ménaka.", REF),
            day_mention("le 3 mars 2023", d(2023, 3, 3), Absolute)
        );
        assert_eq!(
            check("Depuis le 1er août 2022, la route est coupée.", None),
            day_mention("Depuis le 1er août 2022", d(2022, 8, 1), Absolute)
        );
        // A weekday glued to its day by a lost space.
        let found = find_dates(
            "Les faits ont eu lieu dimanche1er décembre 2019 à Gao.",
            None,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].start, found[0].precision),
            (d(2019, 12, 1), DatePrecision::Day)
        );
        // Other words glued to figures are no dates.
        assert!(
            find_dates("le convoi G5 2019 est parti", None)
                .iter()
                .all(|m| m.precision != DatePrecision::Day)
        );
        assert_eq!(
            check("Le 1 er août 2021 un camion a sauté.", None).1,
            d(2021, 8, 1)
        );
        assert_eq!(check("Le 1ᵉʳ mars 2021 à Gao.", None).1, d(2021, 3, 1));
        assert_eq!(
            check("Le premier mai 2020, à Mopti.", None).1,
            d(2020, 5, 1)
        );
        assert_eq!(
            check("Les marchés ont fermé le 1er août.", REF).1,
            d(2024, 8, 1)
        );
    }

    #[test]
    fn days_counted_back_and_weekdays_after_de() {
        // REF is Friday 20 September 2024.
        assert_eq!(
            check(
                "Le camp a été attaqué il y a deux jours, près de Léré.",
                REF
            ),
            day_mention("il y a deux jours", d(2024, 9, 18), DateKind::Relative)
        );
        assert_eq!(
            check("Il y a 3 jours, un car a sauté sur une mine.", REF).1,
            d(2024, 9, 17)
        );
        let week = check("L'embuscade d'il y a une semaine a fait neuf morts.", REF);
        assert_eq!((week.1, week.3), (d(2024, 9, 10), P::Week));
        assert!(find_dates("Il y a des blessés et il y a deux morts.", REF).is_empty());
        // Approximations before the count, months, and "jour pour jour".
        let week = check("Il y a tout juste une semaine, un car a sauté.", REF);
        assert_eq!((week.1, week.3), (d(2024, 9, 10), P::Week));
        assert_eq!(
            check("Il y a environ trois jours, un car a sauté.", REF).1,
            d(2024, 9, 17)
        );
        let month = check("Il y a un mois, un car a sauté.", REF);
        assert_eq!(month.3, P::Month);
        assert_eq!(
            check("Il y a deux mois jour pour jour, un car a sauté.", REF),
            day_mention(
                "Il y a deux mois jour pour jour",
                d(2024, 7, 20),
                DateKind::Relative
            )
        );
        assert_eq!(
            check("Il y a un an jour pour jour, un car a sauté.", REF).1,
            d(2023, 9, 20)
        );
        // "il y a cinq ans" alone is no date, nor is an absurd count.
        assert!(find_dates("Il y a cinq ans, un car a sauté.", REF).is_empty());
        assert!(find_dates("Il y a 4000000000 ans jour pour jour.", REF).is_empty());
        assert_eq!(
            check(
                "Le bilan de l'attaque de mardi contre le poste de Boni s'alourdit.",
                REF
            )
            .1,
            d(2024, 9, 17)
        );
        assert_eq!(
            check(
                "La mine a fait sept morts, dont deux enfants, mardi près de Boni.",
                REF
            )
            .1,
            d(2024, 9, 17)
        );
        assert_eq!(
            check("La mine a fait sept morts, mardi, près de Boni.", REF).1,
            d(2024, 9, 17)
        );
        // A weekday after "de" then a place is a day.
        assert_eq!(
            check("L'attaque de mardi à Kolokani a fait trois morts.", REF).1,
            d(2024, 9, 17)
        );
        // A span, not a day: "de lundi à mercredi".
        let span = check("Les routes sont fermées de lundi à mercredi.", REF);
        assert_eq!((span.1, span.2), (d(2024, 9, 16), d(2024, 9, 18)));
    }

    #[test]
    fn what_follows_a_leading_date() {
        assert_eq!(
            after_a_leading_date("le 28 novembre une autre attaque a vise"),
            Some("une autre attaque a vise")
        );
        assert_eq!(
            after_a_leading_date("mardi soir vers 18 h un autre village"),
            Some("un autre village")
        );
        assert_eq!(
            after_a_leading_date("dans la nuit de lundi a mardi une nouvelle embuscade"),
            Some("une nouvelle embuscade")
        );
        // No day, month, number or part of a day: no date phrase.
        assert_eq!(
            after_a_leading_date("dans la region une autre attaque"),
            None
        );
        assert_eq!(after_a_leading_date("une autre attaque"), None);
    }

    #[test]
    fn month_names_and_abbreviations() {
        let cases = [
            ("le 3 févr. 2021 à Kati", d(2021, 2, 3)),
            ("le 3 fév. 2021 à Kati", d(2021, 2, 3)),
            ("le 12 sept. 2023 à Kati", d(2023, 9, 12)),
            ("le 12 sept 2023 à Kati", d(2023, 9, 12)),
            ("le 4 aout 2019 à Kati", d(2019, 8, 4)),
            ("le 9 fevrier 2018 à Kati", d(2018, 2, 9)),
            ("le 25 décembre 2020 à Kati", d(2020, 12, 25)),
            ("LE 25 DÉCEMBRE 2020 À KATI", d(2020, 12, 25)),
            ("le 2 janv. 2019 à Kati", d(2019, 1, 2)),
            ("le 30 oct. 2019 à Kati", d(2019, 10, 30)),
            ("le 30 Juillet 2019 à Kati", d(2019, 7, 30)),
        ];
        for (text, date) in cases {
            assert_eq!(check(text, None).1, date, "{text}");
        }
        assert!(find_dates("Il y avait sept soldats et 12 sept blessés.", REF).is_empty());
    }

    #[test]
    fn numeric_dates() {
        let cases = [
            ("Publié le 07/08/2024 à Bamako", "07/08/2024"),
            ("Publié le 7/8/2024 à Bamako", "7/8/2024"),
            ("Publié le 07-08-2024 à Bamako", "07-08-2024"),
            ("Publié le 07.08.2024 à Bamako", "07.08.2024"),
            ("Publié le 2024-08-07 à Bamako", "2024-08-07"),
            (
                "L'escorte a été attaquée ce mercredi (07/08/24) près de Kona",
                "07/08/24",
            ),
        ];
        for (text, span) in cases {
            assert_eq!(
                check(text, None),
                day_mention(span, d(2024, 8, 7), DateKind::Absolute),
                "{text}"
            );
        }
        assert!(find_dates("Le score était 13/08/20241 hier soir.", None).is_empty());
        assert!(find_dates("Réf. 31/02/2024, dossier 1/2/3/2024.", None).is_empty());
        // A short year needs the day and month in two digits each, and slashes.
        assert!(find_dates("Le score était 7/8/24 puis 07-08-24.", None).is_empty());
    }

    #[test]
    fn weekday_with_full_date() {
        let (span, m) = one(
            "Le mardi 17 septembre 2024, l'école de gendarmerie a été visée.",
            None,
        );
        assert_eq!(span, "Le mardi 17 septembre 2024");
        assert_eq!((m.start, m.kind), (d(2024, 9, 17), DateKind::Absolute));
        assert!(m.warnings.is_empty());
        let (span, m) = one(
            "C'est le samedi 6 août 2022 que le camp a été attaqué.",
            None,
        );
        assert_eq!(span, "le samedi 6 août 2022");
        assert!(m.warnings.is_empty());
        // The number wins over the weekday.
        let (_, m) = one(
            "Le jeudi 7 août 2024, une embuscade a fait dix morts.",
            None,
        );
        assert_eq!(m.start, d(2024, 8, 7));
        assert_eq!(
            m.warnings,
            vec!["weekday 'jeudi' does not match 2024-08-07 (a Wednesday)".to_string()]
        );
    }

    #[test]
    fn dates_without_year() {
        use DateKind::NoYear;
        assert_eq!(
            check("Le coup d'État du 22 mars a surpris.", Some(d(2023, 5, 10))),
            day_mention("22 mars", d(2023, 3, 22), NoYear)
        );
        assert_eq!(
            check(
                "Dans la journée du 17 septembre, des tirs ont retenti.",
                REF
            ),
            day_mention("Dans la journée du 17 septembre", d(2024, 9, 17), NoYear)
        );
        // New Year roll-over, both ways.
        assert_eq!(
            check("Le 28 décembre, un bus a sauté.", Some(d(2023, 1, 3))).1,
            d(2022, 12, 28)
        );
        assert_eq!(
            check("Le 5 janvier, un bus a sauté.", Some(d(2022, 12, 30))).1,
            d(2023, 1, 5)
        );
        assert_eq!(
            check("Le 20 janvier, un bus a sauté.", Some(d(2022, 12, 30))).1,
            d(2022, 1, 20)
        );
        // Within a week after the reference: still this year.
        assert_eq!(
            check("La trêve expire le 25 septembre.", REF).1,
            d(2024, 9, 25)
        );
        assert_eq!(
            check("La trêve expirait le 30 septembre.", REF).1,
            d(2023, 9, 30)
        );
        assert_eq!(check("le 30 septembre dernier", REF).1, d(2023, 9, 30));
        assert_eq!(check("le 19 septembre dernier", REF).1, d(2024, 9, 19));
        assert_eq!(check("le 3 octobre prochain", REF).1, d(2024, 10, 3));
    }

    #[test]
    fn days_of_the_current_or_last_month() {
        use DateKind::NoYear;
        assert_eq!(
            check("Le 12 courant, un car a sauté sur une mine.", REF),
            day_mention("Le 12 courant", d(2024, 9, 12), NoYear)
        );
        assert_eq!(
            check("Des tirs ont éclaté le 3 du mois en cours.", REF).1,
            d(2024, 9, 3)
        );
        assert_eq!(
            check("Le poste a été attaqué le 28 du mois dernier.", REF).1,
            d(2024, 8, 28)
        );
        // Across the new year.
        assert_eq!(
            check(
                "Le poste a été attaqué le 30 du mois passé.",
                Some(d(2025, 1, 6))
            )
            .1,
            d(2024, 12, 30)
        );
        // This month's day a few days ahead is still this month's.
        assert_eq!(
            check("La réunion est prévue le 25 courant.", REF).1,
            d(2024, 9, 25)
        );
        // Without a reference there is no month to take; "courant mars" is a month.
        assert!(find_dates("Le 12 courant, un car a sauté.", None).is_empty());
        assert_eq!(check("Courant mars 2024, des tirs.", REF).3, P::Month);
    }

    #[test]
    fn weekday_chooses_the_year() {
        let reference = Some(d(2023, 7, 1));
        let (span, m) = one("Le samedi 18 juin, la foire a été attaquée.", reference);
        assert_eq!(span, "Le samedi 18 juin");
        // 18 June 2023 is a Sunday, 18 June 2022 a Saturday.
        assert_eq!((m.start, m.kind), (d(2022, 6, 18), DateKind::NoYear));
        assert!(m.warnings.is_empty());
        let (_, m) = one("samedi 17 juin, la foire a été attaquée.", reference);
        assert_eq!(m.start, d(2023, 6, 17));
        let (_, m) = one("Le lundi 18 juin, la foire a été attaquée.", reference);
        assert_eq!(m.start, d(2023, 6, 18));
        assert_eq!(
            m.warnings,
            vec!["weekday 'lundi' does not match 2023-06-18 (a Sunday)".to_string()]
        );
    }

    #[test]
    fn day_ranges() {
        let (span, m) = one(
            "Dans la nuit du vendredi 3 mars au samedi 4 mars 2023, le village a brûlé.",
            None,
        );
        assert_eq!(
            span,
            "Dans la nuit du vendredi 3 mars au samedi 4 mars 2023"
        );
        assert_eq!(
            (m.start, m.end, m.precision),
            (d(2023, 3, 3), d(2023, 3, 4), P::Day)
        );
        assert_eq!(m.kind, DateKind::Absolute);
        assert!(m.warnings.is_empty());
        let reference = Some(d(2023, 8, 1));
        assert_eq!(
            check(
                "Des combats du 25 au 27 juillet ont fait 40 morts.",
                reference
            ),
            (
                "du 25 au 27 juillet".into(),
                d(2023, 7, 25),
                d(2023, 7, 27),
                P::Week,
                DateKind::NoYear
            )
        );
        assert_eq!(
            check(
                "La nuit du 12 au 13 mai, trois villages ont été pillés.",
                reference
            ),
            (
                "La nuit du 12 au 13 mai".into(),
                d(2023, 5, 12),
                d(2023, 5, 13),
                P::Day,
                DateKind::NoYear
            )
        );
        assert_eq!(
            check(
                "Les frappes ont eu lieu entre le 3 et le 5 mars 2023.",
                None
            ),
            (
                "entre le 3 et le 5 mars 2023".into(),
                d(2023, 3, 3),
                d(2023, 3, 5),
                P::Week,
                DateKind::Absolute
            )
        );
        assert_eq!(
            check("Les attaques des 14 et 15 janvier 2021 et celles-ci.", None).1,
            d(2021, 1, 14)
        );
        let (span, m) = one("Les 14 et 15 janvier 2021, Boni a été assiégée.", None);
        assert_eq!(
            (span.as_str(), m.end, m.precision),
            ("Les 14 et 15 janvier 2021", d(2021, 1, 15), P::Day)
        );
        // Across a month and a year boundary.
        assert_eq!(
            check("du 28 au 3 mars 2023", None),
            (
                "du 28 au 3 mars 2023".into(),
                d(2023, 2, 28),
                d(2023, 3, 3),
                P::Week,
                DateKind::Absolute
            )
        );
        let (_, m) = one(
            "Le blocus a duré du 28 décembre au 3 janvier.",
            Some(d(2023, 1, 10)),
        );
        assert_eq!((m.start, m.end), (d(2022, 12, 28), d(2023, 1, 3)));
        let (_, m) = one("du 2 au 20 juin 2022", None);
        assert_eq!(m.precision, P::Month);
    }

    #[test]
    fn parts_of_months_and_years() {
        use DateKind::{MonthYear, NoYear, YearOnly};
        let reference = Some(d(2024, 8, 10));
        let cases = [
            (
                "Fin juillet, des affrontements ont eu lieu.",
                "Fin juillet",
                d(2024, 7, 21),
                d(2024, 7, 31),
                P::Month,
                NoYear,
            ),
            (
                "Début août, la ville est tombée.",
                "Début août",
                d(2024, 8, 1),
                d(2024, 8, 10),
                P::Month,
                NoYear,
            ),
            (
                "Depuis la mi-janvier, les rebelles avancent.",
                "Depuis la mi-janvier",
                d(2024, 1, 11),
                d(2024, 1, 20),
                P::Month,
                NoYear,
            ),
            (
                "C'était à la mi-janvier.",
                "la mi-janvier",
                d(2024, 1, 11),
                d(2024, 1, 20),
                P::Month,
                NoYear,
            ),
            (
                "Attaque mi janvier à Gao.",
                "mi janvier",
                d(2024, 1, 11),
                d(2024, 1, 20),
                P::Month,
                NoYear,
            ),
            (
                "un second coup de force, fin mai 2021, a suivi",
                "fin mai 2021",
                d(2021, 5, 21),
                d(2021, 5, 31),
                P::Month,
                MonthYear,
            ),
            (
                "Le président a été renversé en août 2020.",
                "en août 2020",
                d(2020, 8, 1),
                d(2020, 8, 31),
                P::Month,
                MonthYear,
            ),
            (
                "Août 2020 restera dans les mémoires.",
                "Août 2020",
                d(2020, 8, 1),
                d(2020, 8, 31),
                P::Month,
                MonthYear,
            ),
            (
                "Fin février 2024 des drones ont frappé.",
                "Fin février 2024",
                d(2024, 2, 21),
                d(2024, 2, 29),
                P::Month,
                MonthYear,
            ),
            (
                "La rébellion a éclaté en 2012 au nord.",
                "en 2012",
                d(2012, 1, 1),
                d(2012, 12, 31),
                P::Year,
                YearOnly,
            ),
            (
                "Depuis 2011, le Sahel brûle.",
                "Depuis 2011",
                d(2011, 1, 1),
                d(2011, 12, 31),
                P::Year,
                YearOnly,
            ),
            (
                "Un pic a été atteint fin 2019 au centre.",
                "fin 2019",
                d(2019, 9, 1),
                d(2019, 12, 31),
                P::Year,
                YearOnly,
            ),
            (
                "Un pic a été atteint début 2020 au centre.",
                "début 2020",
                d(2020, 1, 1),
                d(2020, 4, 30),
                P::Year,
                YearOnly,
            ),
            (
                "Des combats entre fin 2019 et début 2020 au centre.",
                "entre fin 2019 et début 2020",
                d(2019, 9, 1),
                d(2020, 4, 30),
                P::Year,
                YearOnly,
            ),
            (
                "Le village a été rasé en juillet.",
                "en juillet",
                d(2024, 7, 1),
                d(2024, 7, 31),
                P::Month,
                NoYear,
            ),
            (
                "Au mois de juin 2023 la mission est partie.",
                "Au mois de juin 2023",
                d(2023, 6, 1),
                d(2023, 6, 30),
                P::Month,
                MonthYear,
            ),
        ];
        for (text, span, start, end, precision, kind) in cases {
            assert_eq!(
                check(text, reference),
                (span.to_string(), start, end, precision, kind),
                "{text}"
            );
        }
        // "fin décembre" read in early January is last year's.
        assert_eq!(
            check("fin décembre", Some(d(2023, 1, 4))).1,
            d(2022, 12, 21)
        );
        assert_eq!(
            check("début janvier", Some(d(2022, 12, 28))).1,
            d(2023, 1, 1)
        );
    }

    #[test]
    fn relative_words() {
        use DateKind::Relative;
        // Friday 1 March 2024, day after the leap day.
        let friday = Some(d(2024, 3, 1));
        assert_eq!(
            check("Hier, trois soldats ont été tués.", friday),
            day_mention("Hier", d(2024, 2, 29), Relative)
        );
        assert_eq!(
            check("Les tirs d'hier soir ont cessé, dit-on hier soir.", friday).0,
            "hier soir"
        );
        assert_eq!(
            check("avant-hier à Gao", friday),
            day_mention("avant-hier", d(2024, 2, 28), Relative)
        );
        assert_eq!(check("Avant hier à Gao", friday).1, d(2024, 2, 28));
        assert_eq!(
            check("aujourd'hui à Gao", friday),
            day_mention("aujourd'hui", d(2024, 3, 1), Relative)
        );
        assert_eq!(check("Aujourd’hui à Gao", friday).1, d(2024, 3, 1));
        // Monday 20 June 2022.
        let monday = Some(d(2022, 6, 20));
        assert_eq!(
            check("Les attaques de ce week-end ont tué 30 civils.", monday),
            (
                "ce week-end".into(),
                d(2022, 6, 18),
                d(2022, 6, 19),
                P::Day,
                Relative
            )
        );
        assert_eq!(check("le week-end dernier", monday).1, d(2022, 6, 18));
        let sunday = Some(d(2022, 6, 19));
        assert_eq!(check("ce weekend", sunday).1, d(2022, 6, 18));
        assert_eq!(check("le week-end dernier", sunday).1, d(2022, 6, 11));
        assert_eq!(
            check("La semaine dernière, 42 soldats ont péri.", monday),
            (
                "La semaine dernière".into(),
                d(2022, 6, 13),
                d(2022, 6, 19),
                P::Week,
                Relative
            )
        );
        assert_eq!(
            check("cette semaine", monday),
            (
                "cette semaine".into(),
                d(2022, 6, 20),
                d(2022, 6, 26),
                P::Week,
                Relative
            )
        );
        let january = Some(d(2024, 1, 15));
        assert_eq!(
            check("Le mois dernier, un convoi a sauté.", january),
            (
                "Le mois dernier".into(),
                d(2023, 12, 1),
                d(2023, 12, 31),
                P::Month,
                Relative
            )
        );
        assert_eq!(
            check("L'an dernier, le camp a été attaqué.", january),
            (
                "L'an dernier".into(),
                d(2023, 1, 1),
                d(2023, 12, 31),
                P::Year,
                Relative
            )
        );
        assert_eq!(check("l’année dernière", january).0, "l’année dernière");
        assert_eq!(check("l'année passée", january).1, d(2023, 1, 1));
        assert!(find_dates("Bamako ne compte plus sur l'allié d'hier.", friday).is_empty());
    }

    #[test]
    fn weekdays_relative_to_reference() {
        use DateKind::Relative;
        // Tuesday 10 September 2024.
        let tuesday = Some(d(2024, 9, 10));
        assert_eq!(
            check("Mardi dernier, des drones ont frappé.", tuesday),
            day_mention("Mardi dernier", d(2024, 9, 3), Relative)
        );
        assert_eq!(
            check("Vendredi, les rebelles ont pris Léré.", tuesday),
            day_mention("Vendredi", d(2024, 9, 6), Relative)
        );
        assert_eq!(
            check("Ils sont partis.\nMardi les tirs ont repris.", tuesday).1,
            d(2024, 9, 10)
        );
        assert_eq!(
            check("Une vidéo publiée le même mardi sur X.", tuesday),
            day_mention("le même mardi", d(2024, 9, 10), Relative)
        );
        assert_eq!(
            check("L'armée a riposté le lundi.", tuesday).1,
            d(2024, 9, 9)
        );
        // After a verb: the usual news adverbial.
        assert_eq!(
            check(
                "Huit bergers ont été tués dimanche près de Tessit.",
                tuesday
            ),
            day_mention("dimanche", d(2024, 9, 8), Relative)
        );
        assert!(find_dates("La foire se tient chaque vendredi à Ansongo.", tuesday).is_empty());
        assert!(find_dates("Les marchés ferment les jeudis.", tuesday).is_empty());
        assert_eq!(
            check("L'armée a riposté samedi soir.", tuesday),
            day_mention("samedi soir", d(2024, 9, 7), Relative)
        );
        assert_eq!(
            check("depuis dimanche, les routes sont fermées", tuesday).1,
            d(2024, 9, 8)
        );
        assert_eq!(
            check("Le vote aura lieu jeudi prochain.", tuesday).1,
            d(2024, 9, 12)
        );
        assert!(find_dates("Les prières du vendredi sont suspendues.", tuesday).is_empty());
        let (span, m) = one(
            "Dans la nuit de samedi à dimanche, le poste a été attaqué.",
            tuesday,
        );
        assert_eq!(span, "Dans la nuit de samedi à dimanche");
        assert_eq!(
            (m.start, m.end, m.precision, m.kind),
            (d(2024, 9, 7), d(2024, 9, 8), P::Day, Relative)
        );
        assert!(find_dates("Vendredi, les rebelles ont pris Léré.", None).is_empty());
    }

    #[test]
    fn leap_years_and_invalid_dates() {
        assert_eq!(check("le 29 février 2024", None).1, d(2024, 2, 29));
        assert!(find_dates("le 29 février 2023 à Gao", REF).is_empty());
        assert!(find_dates("le 31 juin 2022 à Gao", REF).is_empty());
        assert!(find_dates("le 31 juin à Gao", REF).is_empty());
        assert!(find_dates("le 32 mai à Gao", REF).is_empty());
        assert!(find_dates("du 30 au 31 avril 2022", REF).is_empty());
        // Without a year the latest 29 February is taken.
        assert_eq!(
            check("le 29 février", Some(d(2023, 3, 10))).1,
            d(2020, 2, 29)
        );
    }

    #[test]
    fn not_dates() {
        let texts = [
            "Le lundi vers 18 h 30, à 350 kilomètres de Bamako, 132 civils ont fui.",
            "Le G5 Sahel compte 2,5 millions de déplacés et 42 postes.",
            "En 1500 ans, rien; 2012 morts; depuis 2000 ans.",
            "Il a répondu 12 fois, puis 3/4 des élus sont partis.",
            "Il est parti samedi.",
        ];
        for text in texts {
            let found = find_dates(text, None);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // Only the relative "le lundi" with a reference, nothing else.
        let found = find_dates(texts[0], REF);
        assert_eq!(found.len(), 1);
        assert_eq!(&texts[0][found[0].span.clone()], "Le lundi");
    }

    #[test]
    fn several_mentions_in_order_longest_wins() {
        let text = "Bamako, 19 septembre 2024 – Le mardi 17 septembre, des djihadistes ont frappé. \
                    Hier, le bilan restait inconnu. Depuis 2012 et fin 2019, la violence croît.";
        let found = find_dates(text, Some(d(2024, 9, 19)));
        let spans: Vec<&str> = found.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(
            spans,
            [
                "19 septembre 2024",
                "Le mardi 17 septembre",
                "Hier",
                "Depuis 2012",
                "fin 2019"
            ]
        );
        assert_eq!(found[1].start, d(2024, 9, 17));
        assert_eq!(found[2].start, d(2024, 9, 18));
        // Without reference only the absolute ones remain.
        let found = find_dates(text, None);
        let spans: Vec<&str> = found.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(spans, ["19 septembre 2024", "Depuis 2012", "fin 2019"]);
    }

    #[test]
    fn typography_is_tolerated() {
        assert_eq!(check("le 18\u{a0}juin\u{a0}2022", None).1, d(2022, 6, 18));
        assert_eq!(
            check("le\u{202f}18 juin 2022", None).0,
            "le\u{202f}18 juin 2022"
        );
        assert_eq!(check("ce week\u{2011}end", REF).1, d(2024, 9, 14));
        assert_eq!(check("la mi‑janvier 2022", None).1, d(2022, 1, 11));
        assert_eq!(check("l\u{2019}an passé", REF).1, d(2023, 1, 1));
    }

    #[test]
    fn weekday_names() {
        assert_eq!(parse_weekday("lundi"), Some(Weekday::Mon));
        assert_eq!(parse_weekday("MARDI"), Some(Weekday::Tue));
        assert_eq!(parse_weekday("Vendredi,"), Some(Weekday::Fri));
        assert_eq!(parse_weekday("dimanche"), Some(Weekday::Sun));
        assert_eq!(parse_weekday("lundis"), None);
        assert_eq!(parse_weekday(""), None);
    }

    #[test]
    fn extreme_references_do_not_panic() {
        let text = "hier, le 28 décembre, samedi 18 juin, fin juillet, la semaine dernière, \
                    le mois prochain, l'an dernier, ce week-end, mardi prochain, du 3 au 5 mai, \
                    dans la nuit de samedi à dimanche, le 29 février";
        for reference in [NaiveDate::MIN, NaiveDate::MAX, d(1, 1, 1)] {
            let _ = find_dates(text, Some(reference));
        }
    }

    /// A 3 KB article's dates, found again and again alike. How fast is the
    /// `budgets/find_dates_3kb` bench's: a wall clock in a parallel test run proves nothing.
    #[test]
    fn a_3kb_article_gives_its_dates() {
        let paragraph = "Le samedi 6 août 2022, 42 soldats ont été tués près de Tessit. Fin juillet, \
                         des combats avaient fait 84 morts. Hier, à 18 h 30, l'état-major a publié un \
                         communiqué. La semaine dernière, le convoi a parcouru 350 kilomètres. ";
        let article = paragraph.repeat(3000 / paragraph.len() + 1);
        let reference = Some(d(2022, 8, 10));
        let first = find_dates(&article, reference);
        assert!(!first.is_empty());
        for _ in 0..20 {
            assert_eq!(find_dates(&article, reference).len(), first.len());
        }
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        const VOCABULARY: &[&str] = &[
            "le",
            "la",
            "du",
            "au",
            "à",
            "entre",
            "et",
            "les",
            "dans",
            "nuit",
            "de",
            "d'",
            "l'",
            "en",
            "depuis",
            "dès",
            "jusqu'",
            "fin",
            "début",
            "mi",
            "-",
            "mi-",
            "courant",
            "mois",
            "an",
            "année",
            "dernier",
            "prochain",
            "hier",
            "avant",
            "aujourd'hui",
            "ce",
            "cette",
            "week-end",
            "semaine",
            "lundi",
            "samedi",
            "dimanche",
            "soir",
            "1er",
            "1",
            "er",
            "29",
            "31",
            "0",
            "07",
            "2024",
            "1900",
            "2100",
            "99999999999",
            "juin",
            "février",
            "févr",
            ".",
            ",",
            "/",
            "sept",
            "déc.",
            "12",
            "2023-02-29",
            "7/8/2024",
            "\u{a0}",
            "’",
            "É",
        ];

        proptest! {
            #[test]
            fn arbitrary_text_never_panics(text in "\\PC{0,80}", days in -1000i64..1000) {
                let reference = NaiveDate::from_ymd_opt(2020, 1, 1).and_then(|d| shift(d, days));
                for mention in find_dates(&text, reference) {
                    prop_assert!(text.is_char_boundary(mention.span.start));
                    prop_assert!(text.is_char_boundary(mention.span.end));
                    prop_assert!(mention.start <= mention.end);
                }
            }

            #[test]
            fn date_like_text_is_consistent(
                words in prop::collection::vec(prop::sample::select(VOCABULARY), 0..14),
                separators in prop::collection::vec(prop::sample::select(&[" ", "", "\u{a0}", "\n"][..]), 14),
                days in -400_000i64..400_000,
            ) {
                let text: String = words.iter().zip(&separators).flat_map(|(w, s)| [*w, *s]).collect();
                let reference = NaiveDate::from_ymd_opt(1, 1, 1).and_then(|d| shift(d, days.abs() * 2));
                let found = find_dates(&text, reference);
                for pair in found.windows(2) {
                    prop_assert!(pair[0].span.end <= pair[1].span.start);
                }
                for mention in &found {
                    prop_assert!(text.get(mention.span.clone()).is_some());
                    prop_assert!(mention.start <= mention.end);
                }
            }
        }
    }
}
