//! Article header analysis: publication date (header line, "Publié le", "Mis à jour le",
//! dateline), title line and where the body starts.
//!
//! Only the top of the article is examined (first lines, about the first 600 bytes); dates of
//! events inside the body are the extractor's business, not this module's.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::{DatePrecision, Publication, PublicationKind};

/// What the top of an article says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub title: Option<Range<usize>>,
    pub published: Option<Publication>,
    /// From after the header and title lines to the end of the text.
    pub body: Range<usize>,
}

/// Lines starting beyond this byte offset are body, whatever they look like.
const HEADER_REGION: usize = 600;
/// A title after a header date has at least this many words ("Dix morts à Gao"); fewer
/// make a trailer ("Jerusalem Timing").
const MIN_TITLE_WORDS: usize = 4;

/// At most this many non-empty lines are examined as header/title candidates.
const HEADER_LINES: usize = 8;
/// Titles are shorter than this (bytes).
const MAX_TITLE_LEN: usize = 200;
/// Text after a header date shorter than this is a trailer ("Jerusalem Timing", "| Par X").
const MAX_TRAILER_LEN: usize = 60;

const MONTHS: &str = r"janvier|janv\.?|f[ée]vrier|f[ée]vr\.?|f[ée]v\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|ao[uû]t|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?|january|jan\.?|february|feb\.?|march|mar\.?|april|apr\.?|may|june|jun\.?|july|jul\.?|august|aug\.?|september|sep\.?|october|november|december";
const WEEKDAYS: &str = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

fn regex(pattern: &str) -> Regex {
    // Patterns are constants of this module, all exercised by the tests below.
    Regex::new(pattern).expect("constant header regex is valid")
}

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?\b"));
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b"));
static SPELLED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(?:(?:{WEEKDAYS})\s*,?\s+)?(\d{{1,2}})(?:er|e|st|nd|rd|th)?\s+({MONTHS})\s*,?\s+(\d{{4}})\b"
    ))
});
static ENGLISH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^(?:(?:{WEEKDAYS})\s*,?\s+)?({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(\d{{4}})\b"
    ))
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"(?i)^({MONTHS})\s+(\d{{4}})\b")));
static YEAR_ONLY: LazyLock<Regex> = LazyLock::new(|| regex(r"^(\d{4})\b"));
/// A time after a date: "01:24 PM", "à 10h30", "- 08:00 GMT".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[\s,]*(?:à|a|-|–|—|\||•)?\s*\d{1,2}\s*(?:h|:)\s*(?:\d{2})?(?:\s*(?:am|pm))?(?:\s*(?:gmt|utc|tu)(?:\s*[+-]\s*\d{1,2})?)?",
    )
});
/// "date 2022-06", "Date de publication : …".
static DATE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^date\b(?:\s+de\s+publication)?\s*:?\s*"));
/// "Le 16 août 2022 à 08:00" alone at the top.
static LE_LABEL: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)^le\s+"));
/// "Publié le", "Mis à jour le", … anywhere in a top line; group 1 tells which.
static PUBLISHED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(publiée?|publie|mise? en ligne|postée?|parue?|date de publication|published|mise? à jour|mise? a jour|actualisée?|modifiée?|updated|last updated)(?:\s+le|\s+on|\s*:)?\s*",
    )
});
/// The place and comma of a dateline: "Bamako, ", "GAO (AFP), ", "Mopti, le ".
static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^\p{Lu}[\p{L}'’.\-]*(?:[ \-](?:\p{Lu}[\p{L}'’.\-]*|de|du|des|la|le|el|en|sur)){0,3}\s*(?:\([^)\n]{1,30}\)\s*)?,\s*(?:[lL]e\s+)?",
    )
});
/// What closes a dateline after its date: "(AFP) -", "–", ":".
static DATELINE_END: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s*(?:\([^)\n]{1,30}\)\s*)?[–—:\-]"));

/// A date found at the start of a string.
#[derive(Debug, Clone, PartialEq)]
struct DateMatch {
    date: NaiveDate,
    precision: DatePrecision,
    alternatives: Vec<(NaiveDate, DatePrecision)>,
    /// Bytes of the string the date covers.
    len: usize,
}

impl DateMatch {
    fn publication(self, at: usize, kind: PublicationKind) -> Publication {
        Publication {
            date: self.date,
            precision: self.precision,
            alternatives: self.alternatives,
            span: at..at + self.len,
            kind,
        }
    }
}

fn month_number(name: &str) -> Option<u32> {
    let m = name.trim_end_matches('.').to_lowercase();
    let n = match m.as_str() {
        "mai" | "may" => 5,
        _ if m.starts_with("jan") => 1,
        _ if m.starts_with('f') => 2,
        _ if m.starts_with("mar") => 3,
        _ if m.starts_with("av") || m.starts_with("apr") => 4,
        _ if m.starts_with("juin") || m.starts_with("jun") => 6,
        _ if m.starts_with("juil") || m.starts_with("jul") => 7,
        _ if m.starts_with("ao") || m.starts_with("aug") => 8,
        _ if m.starts_with("sep") => 9,
        _ if m.starts_with("oct") => 10,
        _ if m.starts_with("nov") => 11,
        _ if m.starts_with('d') => 12,
        _ => return None,
    };
    Some(n)
}

fn number(caps: &regex::Captures<'_>, group: usize) -> Option<u32> {
    caps.get(group)?.as_str().parse().ok()
}

fn full_year(y: u32) -> i32 {
    match y {
        0..=69 => 2000 + y as i32,
        70..=99 => 1900 + y as i32,
        _ => y as i32,
    }
}

fn plausible(date: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1900..=2100).contains(&date.year()).then_some(date)
}

fn day_date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).and_then(plausible)
}

/// Parses a date at the very start of `s`. `year_alone` also accepts a bare year.
fn date_at(s: &str, year_alone: bool) -> Option<DateMatch> {
    let single = |date, precision, len| DateMatch {
        date,
        precision,
        alternatives: Vec::new(),
        len,
    };
    if let Some(c) = ISO_DATE.captures(s) {
        let (y, m) = (number(&c, 1)? as i32, number(&c, 2)?);
        let len = c.get(0)?.end();
        return match number(&c, 3) {
            Some(d) => Some(single(day_date(y, m, d)?, DatePrecision::Day, len)),
            None => Some(single(day_date(y, m, 1)?, DatePrecision::Month, len)),
        };
    }
    if let Some(c) = NUMERIC_DATE.captures(s) {
        let (a, b, y) = (number(&c, 1)?, number(&c, 2)?, full_year(number(&c, 3)?));
        let len = c.get(0)?.end();
        // French reading first (day-month), the US reading as the alternative.
        let french = day_date(y, b, a);
        let american = day_date(y, a, b).filter(|_| a != b);
        return match (french, american) {
            (Some(f), Some(us)) => Some(DateMatch {
                date: f,
                precision: DatePrecision::Day,
                alternatives: vec![(us, DatePrecision::Day)],
                len,
            }),
            (Some(only), None) | (None, Some(only)) => Some(single(only, DatePrecision::Day, len)),
            (None, None) => None,
        };
    }
    if let Some(c) = SPELLED_DATE.captures(s) {
        let m = month_number(c.get(2)?.as_str())?;
        let date = day_date(number(&c, 3)? as i32, m, number(&c, 1)?)?;
        return Some(single(date, DatePrecision::Day, c.get(0)?.end()));
    }
    if let Some(c) = ENGLISH_DATE.captures(s) {
        let m = month_number(c.get(1)?.as_str())?;
        let date = day_date(number(&c, 3)? as i32, m, number(&c, 2)?)?;
        return Some(single(date, DatePrecision::Day, c.get(0)?.end()));
    }
    if let Some(c) = MONTH_YEAR.captures(s) {
        let m = month_number(c.get(1)?.as_str())?;
        let date = day_date(number(&c, 2)? as i32, m, 1)?;
        return Some(single(date, DatePrecision::Month, c.get(0)?.end()));
    }
    if year_alone && let Some(c) = YEAR_ONLY.captures(s) {
        let date = day_date(number(&c, 1)? as i32, 1, 1)?;
        return Some(single(date, DatePrecision::Year, c.get(0)?.end()));
    }
    None
}

/// A date (or a bare year) filling the start of `s`, as written in a page's metadata.
pub(crate) fn date_in(s: &str) -> Option<(NaiveDate, DatePrecision)> {
    date_at(s, true).map(|m| (m.date, m.precision))
}

/// Length of a time ("à 10h30", "01:24 PM") at the start of `s`, or 0.
fn time_len(s: &str) -> usize {
    TIME.find(s).map_or(0, |m| m.end())
}

/// Whether what follows a header date on its line is a short trailer, not a sentence.
fn is_trailer(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty()
        || (rest.len() < MAX_TRAILER_LEN
            && !rest.ends_with('.')
            && !rest.starts_with([',', ':', ';']))
}

/// A header date at the start of a line.
struct HeaderLine {
    publication: Publication,
    /// The whole line is header; otherwise the body starts at `end`.
    whole_line: bool,
    /// End of the date (and its time).
    end: usize,
}

/// Recognises a header date at `start` (start of a line's content, `line_end` its end).
fn header_at(text: &str, start: usize, line_end: usize, first_line: bool) -> Option<HeaderLine> {
    let line = text.get(start..line_end)?;
    let finish = |m: DateMatch, at: usize, kind, partial_ok: bool| {
        let after_date = at + m.len;
        let rest = text.get(after_date..line_end).unwrap_or("");
        let end = after_date + time_len(rest);
        let trailer = text.get(end..line_end).unwrap_or("");
        let whole_line = is_trailer(trailer);
        (whole_line || partial_ok).then(|| HeaderLine {
            publication: m.publication(at, kind),
            whole_line,
            end,
        })
    };
    // "date 2022-06 …": an explicit label, whatever follows.
    if let Some(label) = DATE_LABEL.find(line) {
        let at = start + label.end();
        if let Some(m) = date_at(&line[label.end()..], true) {
            return finish(m, at, PublicationKind::Header, true);
        }
    }
    // "Le 16 août 2022 à 08:00" alone on its line.
    if let Some(label) = LE_LABEL.find(line) {
        let at = start + label.end();
        if let Some(m) = date_at(&line[label.end()..], false)
            && m.precision == DatePrecision::Day
        {
            return finish(m, at, PublicationKind::Published, false);
        }
    }
    let m = date_at(line, false)?;
    // Numeric dates opening the article are headers even when text follows on the line.
    let numeric = line.starts_with(|c: char| c.is_ascii_digit())
        && line
            .get(..m.len)
            .is_some_and(|d| !d.chars().any(char::is_alphabetic));
    finish(m, start, PublicationKind::Header, numeric && first_line)
}

/// "Publié le …" / "Mis à jour le …" dates anywhere in `text[line]`.
fn labelled_dates(text: &str, line: Range<usize>) -> Vec<Publication> {
    let Some(s) = text.get(line.clone()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for caps in PUBLISHED_LABEL.captures_iter(s) {
        let (Some(all), Some(word)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let word = word.as_str().to_lowercase();
        let kind = if ["jour", "actualis", "modifi", "updated"]
            .iter()
            .any(|w| word.contains(w))
        {
            PublicationKind::Updated
        } else {
            PublicationKind::Published
        };
        if let Some(m) = date_at(&s[all.end()..], false) {
            found.push(m.publication(line.start + all.end(), kind));
        }
    }
    found
}

/// A dateline ("Bamako, 19 septembre 2024 –") at `start`.
fn dateline_at(text: &str, start: usize, line_end: usize) -> Option<Publication> {
    let line = text.get(start..line_end)?;
    let place = DATELINE_PLACE.find(line)?;
    let m = date_at(&line[place.end()..], false)?;
    let after = place.end() + m.len;
    let rest = &line[after..];
    let rest = &rest[time_len(rest)..];
    DATELINE_END
        .is_match(rest)
        .then(|| m.publication(start + place.end(), PublicationKind::Dateline))
}

/// A full date (day, month, year) anywhere in `text[line]`, for byline-like lines.
fn inline_date(text: &str, line: Range<usize>) -> Option<Publication> {
    let s = text.get(line.clone())?;
    let mut prev_digit = false;
    for (i, c) in s.char_indices() {
        let is_digit = c.is_ascii_digit();
        if is_digit
            && !prev_digit
            && let Some(m) = date_at(&s[i..], false)
            && m.precision == DatePrecision::Day
        {
            return Some(m.publication(line.start + i, PublicationKind::Inline));
        }
        prev_digit = is_digit;
    }
    None
}

fn is_title_line(line: &str) -> bool {
    line.len() < MAX_TITLE_LEN && !line.ends_with('.') && line.chars().any(char::is_alphabetic)
}

/// Non-empty lines of `text` from `from`: (content range without surrounding spaces).
fn content_lines(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let rest = text.get(from..).unwrap_or("");
    let mut offset = from;
    rest.split_inclusive('\n').filter_map(move |raw| {
        let start = offset;
        offset += raw.len();
        let lead = raw.len() - raw.trim_start().len();
        let content = raw.trim();
        (!content.is_empty()).then(|| start + lead..start + lead + content.len())
    })
}

/// Ranking of publication kinds: explicit statements first, guesses last.
fn kind_rank(kind: PublicationKind) -> u8 {
    match kind {
        PublicationKind::Published => 0,
        PublicationKind::Header => 1,
        PublicationKind::Dateline => 2,
        PublicationKind::Updated => 3,
        PublicationKind::Inline => 4,
        // Not read from the text; listed for completeness.
        PublicationKind::Metadata => 0,
    }
}

/// Finds the title, publication date and body of `text`. `title_hint` is a title already
/// known (the `<title>` of an HTML page, at the start of the text).
pub fn find_header(text: &str, title_hint: Option<Range<usize>>) -> Header {
    let title_hint = title_hint.filter(|r| text.get(r.clone()).is_some());
    let mut title = title_hint.clone();
    let scan_from = title_hint.as_ref().map_or(0, |r| r.end);
    let mut candidates: Vec<Publication> = Vec::new();
    let mut body_start: Option<usize> = None;
    let mut consumed_to = scan_from;
    let lines: Vec<Range<usize>> = content_lines(text, scan_from).collect();
    for (index, line) in lines.iter().enumerate() {
        if index >= HEADER_LINES || line.start >= HEADER_REGION {
            body_start = Some(line.start);
            break;
        }
        let content = &text[line.clone()];
        let first_line = index == 0 && title_hint.is_none();
        if let Some(h) = header_at(text, line.start, line.end, first_line) {
            candidates.push(h.publication);
            // "date 2021-01 Une noce bombardée au centre du Mali: vingt morts": the page's
            // title after its header date, on the same line ("Jerusalem Timing", "| Par X"
            // are trailers, not titles).
            let rest = skip_spaces(text, h.end)..line.end;
            let titled = title.is_none()
                && index + 1 < lines.len()
                && text.get(rest.clone()).is_some_and(|t| {
                    is_title_line(t)
                        && t.split_whitespace().count() >= MIN_TITLE_WORDS
                        && !t.starts_with(['|', '-', '–', '—', '/'])
                });
            if titled {
                title = Some(rest);
            }
            if h.whole_line || titled {
                consumed_to = line.end;
                continue;
            }
            body_start = Some(h.end);
            break;
        }
        let labelled = labelled_dates(text, line.clone());
        if !labelled.is_empty() {
            candidates.extend(labelled);
            if is_trailer_line(content) {
                consumed_to = line.end;
                continue;
            }
        }
        if let Some(d) = dateline_at(text, line.start, line.end) {
            candidates.push(d);
            body_start = Some(line.start);
            break;
        }
        let has_more = index + 1 < lines.len();
        if title.is_none() && has_more && is_title_line(content) {
            title = Some(line.clone());
            consumed_to = line.end;
            continue;
        }
        if title.as_ref().and_then(|t| text.get(t.clone())) == Some(content) {
            consumed_to = line.end;
            continue;
        }
        if title.is_some() && is_title_line(content) && content.len() < 120 {
            // A byline-like line under the title ("Par A. Traoré | 16 août 2022").
            candidates.extend(inline_date(text, line.clone()));
        }
        body_start = Some(line.start);
        break;
    }
    let body_start = body_start.unwrap_or(consumed_to);
    let body_start = skip_spaces(text, body_start);
    let published = candidates
        .into_iter()
        .enumerate()
        .min_by_key(|(i, p)| (kind_rank(p.kind), *i))
        .map(|(_, p)| p);
    Header {
        title,
        published,
        body: body_start..text.len(),
    }
}

/// At most this many lines from the start of the body are searched for a dateline under a
/// byline ("Par la rédaction · 7 juin 2023" then "Bamako, 7 juin 2023 (AFP) –").
const DATELINE_LINES: usize = 3;

/// The publication of an article whose date is declared outside its text (a page's
/// metadata): that date, with the span of the text's dateline (kind `Dateline`) when the top of
/// the body has one, else the span of the date the header shows (kind `Metadata`), else an
/// empty span.
pub fn declared_publication(
    text: &str,
    header: &Header,
    date: NaiveDate,
    precision: DatePrecision,
) -> Publication {
    let dateline = header
        .published
        .clone()
        .filter(|p| p.kind == PublicationKind::Dateline)
        .or_else(|| {
            content_lines(text, header.body.start)
                .take(DATELINE_LINES)
                .take_while(|line| line.start < header.body.start + HEADER_REGION)
                .find_map(|line| dateline_at(text, line.start, line.end))
        });
    let (span, kind) = match dateline {
        Some(d) => (d.span, PublicationKind::Dateline),
        None => (
            header.published.as_ref().map_or(0..0, |p| p.span.clone()),
            PublicationKind::Metadata,
        ),
    };
    Publication {
        date,
        precision,
        alternatives: Vec::new(),
        span,
        kind,
    }
}

/// A short line that is all header ("Publié le 15/08/2022 à 10h30 | Mis à jour …").
fn is_trailer_line(line: &str) -> bool {
    line.len() < 160 && !line.ends_with('.')
}

fn skip_spaces(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn published(text: &str) -> Publication {
        find_header(text, None)
            .published
            .expect("a publication date")
    }

    fn title(text: &str) -> Option<&str> {
        find_header(text, None).title.map(|r| &text[r])
    }

    fn body(text: &str) -> &str {
        &text[find_header(text, None).body]
    }

    /// The text's header gives month `m` of year `y`; its publication.
    fn header_month(text: &str, y: i32, m: u32) -> Publication {
        let p = published(text);
        assert_eq!(
            (p.date, p.precision, p.kind),
            (ymd(y, m, 1), DatePrecision::Month, PublicationKind::Header),
            "{text}"
        );
        p
    }

    #[test]
    fn iso_year_month_header() {
        let text = " date 2023-11 Des tirs ont été entendus à Niono dans la nuit de mardi à mercredi, selon plusieurs habitants joints par téléphone.\nLa suite.";
        let p = header_month(text, 2023, 11);
        assert_eq!(&text[p.span], "2023-11");
        assert!(body(text).starts_with("Des tirs ont été entendus"));
        assert_eq!(title(text), None);
    }

    #[test]
    fn a_title_after_the_header_date_on_its_line_is_the_title() {
        let text =
            " date 2021-03 Mali : Diéma : un poste attaqué à Dioumara\n\nLes assaillants ont fui.";
        assert_eq!(
            title(text),
            Some("Mali : Diéma : un poste attaqué à Dioumara")
        );
        assert_eq!(body(text), "Les assaillants ont fui.");
        // A sentence after the header date is the body's start, not a title.
        let text = " date 2021-03 Des hommes armés ont attaqué Dioumara mardi.\n\nIls ont fui.";
        assert_eq!(title(text), None);
        assert!(body(text).starts_with("Des hommes armés"));
    }

    #[test]
    fn a_header_date_under_the_title_opens_the_body() {
        let text = "Mali : un imam tué près de Siribala\n date 2020-11 L'imam a été tué lundi \
                    2 novembre, selon un élu.\nLa suite.";
        header_month(text, 2020, 11);
        assert_eq!(title(text), Some("Mali : un imam tué près de Siribala"));
        assert!(body(text).starts_with("L'imam a été tué"));
        // Read as an article, the header line is not a hard wrap of the title.
        let article = crate::corpus::article_from_text("t.txt", text.to_string());
        let p = article.published.expect("a header date");
        assert_eq!(
            (p.date, p.precision),
            (ymd(2020, 11, 1), DatePrecision::Month)
        );
        assert_eq!(
            article.title.map(|t| &article.text[t]),
            Some("Mali : un imam tué près de Siribala")
        );
        // A line that goes on with the word "date" is still a wrap.
        let wrapped = crate::corpus::article_from_text(
            "t.txt",
            "Le bilan de l'attaque\ndate de la semaine dernière.".to_string(),
        );
        assert!(wrapped.text.contains("attaque date"));
    }

    #[test]
    fn iso_day_header_and_year_header() {
        let p = published("date 2022-06-18\nAttaque à Gao\nLe marché a brûlé.");
        assert_eq!(
            (p.date, p.precision),
            (ymd(2022, 6, 18), DatePrecision::Day)
        );
        assert_eq!(
            title("date 2022-06-18\nAttaque à Gao\nLe marché a brûlé."),
            Some("Attaque à Gao")
        );
        let p = published("Date : 2021\nLe marché a brûlé.");
        assert_eq!(
            (p.date, p.precision),
            (ymd(2021, 1, 1), DatePrecision::Year)
        );
    }

    #[test]
    fn ambiguous_numeric_header_prefers_the_french_reading() {
        let text = "03-07-2023 09:15 AM Heure de Paris\n\nUn convoi attaqué près de Boni\n\nUn convoi attaqué près de Boni\n\nLe convoi escortait des camions.";
        let h = find_header(text, None);
        let p = h.published.unwrap();
        assert_eq!(p.date, ymd(2023, 7, 3));
        assert_eq!(p.alternatives, vec![(ymd(2023, 3, 7), DatePrecision::Day)]);
        assert_eq!(p.kind, PublicationKind::Header);
        assert_eq!(&text[h.title.unwrap()], "Un convoi attaqué près de Boni");
        assert_eq!(&text[h.body], "Le convoi escortait des camions.");
    }

    #[test]
    fn impossible_reading_is_dropped() {
        let p = published("13-05-2024 10:00\nLe pont a sauté.");
        assert_eq!(p.date, ymd(2024, 5, 13));
        assert!(p.alternatives.is_empty());
        let p = published("05-13-2024\nLe pont a sauté.");
        assert_eq!(p.date, ymd(2024, 5, 13));
        assert!(p.alternatives.is_empty());
        let p = published("04/04/2024\nLe pont a sauté.");
        assert!(p.alternatives.is_empty());
    }

    #[test]
    fn datelines_at_the_start_of_the_body() {
        for (text, date) in [
            (
                "Kayes, 4 février 2023 – Des bandits ont incendié un car.",
                ymd(2023, 2, 4),
            ),
            (
                "TOMBOUCTOU, 3 mars 2023 (AFP) - Deux roquettes sont tombées.",
                ymd(2023, 3, 3),
            ),
            (
                "Ségou, le 12 janvier 2023 : le gouverneur a réuni les chefs.",
                ymd(2023, 1, 12),
            ),
            (
                "Tin-Zaouatène, 1er août 2024 — Des combats ont éclaté.",
                ymd(2024, 8, 1),
            ),
        ] {
            let h = find_header(text, None);
            let p = h.published.unwrap();
            assert_eq!(
                (p.date, p.kind),
                (date, PublicationKind::Dateline),
                "{text}"
            );
            assert_eq!(h.body.start, 0, "the dateline is part of the body");
            assert_eq!(h.title, None);
        }
    }

    #[test]
    fn dateline_after_a_title() {
        let text =
            "Attaque contre le camp de Boulkessi\nMopti, 9 mai 2022 – Le camp a été visé à l'aube.";
        let h = find_header(text, None);
        assert_eq!(h.published.unwrap().date, ymd(2022, 5, 9));
        assert_eq!(
            &text[h.title.unwrap()],
            "Attaque contre le camp de Boulkessi"
        );
        assert!(text[h.body].starts_with("Mopti, 9 mai"));
    }

    #[test]
    fn a_sentence_with_a_date_is_not_a_dateline() {
        let text =
            "Le samedi 6 août 2022, des hommes armés ont attaqué le village de Tessit. Deux morts.";
        assert_eq!(find_header(text, None).published, None);
        assert_eq!(find_header(text, None).body, 0..text.len());
    }

    #[test]
    fn published_and_updated_labels() {
        let text = "Embuscade meurtrière sur l’axe Sévaré-Bandiagara\nPublié le 15/08/2022 à 10h30\nMis à jour le 17/08/2022\nTrois soldats ont été tués.";
        let h = find_header(text, None);
        let p = h.published.unwrap();
        assert_eq!(
            (p.date, p.kind),
            (ymd(2022, 8, 15), PublicationKind::Published)
        );
        assert_eq!(&text[p.span], "15/08/2022");
        assert_eq!(
            &text[h.title.unwrap()],
            "Embuscade meurtrière sur l’axe Sévaré-Bandiagara"
        );
        assert_eq!(&text[h.body], "Trois soldats ont été tués.");

        let p = published("Publié le 16 août 2022\nLe convoi est arrivé.");
        assert_eq!(
            (p.date, p.kind),
            (ymd(2022, 8, 16), PublicationKind::Published)
        );

        let p = published("Mis à jour le 17/08/2022\nLe convoi est arrivé.");
        assert_eq!(
            (p.date, p.kind),
            (ymd(2022, 8, 17), PublicationKind::Updated)
        );

        let p = published(
            "Par Awa Diallo - Publié le mardi 3 octobre 2023 à 18:45 - Mis à jour le 4 octobre 2023\nTexte.",
        );
        assert_eq!(
            (p.date, p.kind),
            (ymd(2023, 10, 3), PublicationKind::Published)
        );
    }

    #[test]
    fn le_date_at_the_top_is_the_publication() {
        let text = "Le 16 août 2022 à 08:00\nRegain de tension à Ménaka\nLes habitants fuient.";
        let h = find_header(text, None);
        let p = h.published.unwrap();
        assert_eq!(
            (p.date, p.kind),
            (ymd(2022, 8, 16), PublicationKind::Published)
        );
        assert_eq!(&text[h.title.unwrap()], "Regain de tension à Ménaka");
        assert_eq!(&text[h.body], "Les habitants fuient.");
    }

    #[test]
    fn bare_spelled_date_line_and_month_line() {
        let p = published("Mercredi 4 janvier 2023\nAttaque à Diafarabé\nUn pêcheur a été tué.");
        assert_eq!((p.date, p.kind), (ymd(2023, 1, 4), PublicationKind::Header));
        let p = published("Juin 2022\nAttaque à Diafarabé\nUn pêcheur a été tué.");
        assert_eq!(
            (p.date, p.precision),
            (ymd(2022, 6, 1), DatePrecision::Month)
        );
        let p = published("September 19, 2024\nTitle\nBody.");
        assert_eq!(p.date, ymd(2024, 9, 19));
    }

    #[test]
    fn a_date_opening_a_title_is_not_a_header() {
        let text =
            "6 août 2022 : quarante-deux soldats tués à Tessit\nL’armée a confirmé le bilan.";
        let h = find_header(text, None);
        assert_eq!(h.published, None);
        assert_eq!(
            &text[h.title.unwrap()],
            "6 août 2022 : quarante-deux soldats tués à Tessit"
        );
    }

    #[test]
    fn byline_with_date_under_title_is_inline() {
        let text = "Nouvelle attaque à Léré\nPar Moussa Keïta | 21 avril 2023\nDes assaillants ont tiré sur le poste.";
        let p = published(text);
        assert_eq!(
            (p.date, p.kind),
            (ymd(2023, 4, 21), PublicationKind::Inline)
        );
    }

    #[test]
    fn title_requires_line_structure_and_no_final_period() {
        assert_eq!(title("Une seule ligne sans point"), None);
        assert_eq!(title("Une phrase complète.\nUne autre."), None);
        let long = format!("{}\nSuite.", "mot ".repeat(60));
        assert_eq!(title(&long), None);
        assert_eq!(
            title("\n\n  Kidal sous tension  \nLe calme est revenu."),
            Some("Kidal sous tension")
        );
    }

    #[test]
    fn html_title_hint_is_kept() {
        let text = "Attaque à Ménaka\n\nPublié le 2 mars 2024\n\nAttaque à Ménaka\n\nDes hommes armés ont tiré.";
        let h = find_header(text, Some(0..text.find('\n').unwrap()));
        assert_eq!(&text[h.title.clone().unwrap()], "Attaque à Ménaka");
        assert_eq!(h.published.unwrap().date, ymd(2024, 3, 2));
        assert_eq!(&text[h.body], "Des hommes armés ont tiré.");
    }

    #[test]
    fn a_declared_date_keeps_the_span_of_the_text_date_or_dateline() {
        let declared = |text: &str| {
            let header = find_header(text, None);
            declared_publication(text, &header, ymd(2023, 6, 8), DatePrecision::Day)
        };
        // The header's date is protected from the extractor, but the page's date wins.
        let text = "Attaque à Ménaka\nPublié le 7 juin 2023\nHuit civils ont été tués mardi.";
        let p = declared(text);
        assert_eq!(
            (p.date, p.kind, &text[p.span.clone()]),
            (ymd(2023, 6, 8), PublicationKind::Metadata, "7 juin 2023")
        );
        // A dateline under a byline is still found, and stays a dateline.
        let text = "Attaque à Ménaka\nPar la rédaction · 7 juin 2023\n\
            Bamako, 6 juin 2023 (AFP) – Huit civils ont été tués mardi.";
        let p = declared(text);
        assert_eq!(
            (p.date, p.kind, &text[p.span.clone()]),
            (ymd(2023, 6, 8), PublicationKind::Dateline, "6 juin 2023")
        );
        // Nothing in the text: an empty span.
        let p = declared("Huit civils ont été tués mardi à Ménaka.");
        assert_eq!((p.span, p.kind), (0..0, PublicationKind::Metadata));
    }

    #[test]
    fn crlf_lines_are_understood() {
        let text = "Publié le 2 juin 2023\r\nAccrochage à Hombori\r\nUn véhicule a sauté sur une mine.\r\n";
        let h = find_header(text, None);
        assert_eq!(h.published.unwrap().date, ymd(2023, 6, 2));
        assert_eq!(&text[h.title.unwrap()], "Accrochage à Hombori");
        assert!(text[h.body].starts_with("Un véhicule"));
    }

    #[test]
    fn headers_only_text_has_an_empty_body() {
        let text = "date 2022-06-01";
        let h = find_header(text, None);
        assert_eq!(h.body, text.len()..text.len());
        assert!(h.published.is_some());
    }

    #[test]
    fn month_names_and_abbreviations() {
        for (name, n) in [
            ("janv.", 1),
            ("Février", 2),
            ("fevrier", 2),
            ("mars", 3),
            ("avr.", 4),
            ("mai", 5),
            ("juin", 6),
            ("juil.", 7),
            ("AOÛT", 8),
            ("aout", 8),
            ("sept.", 9),
            ("octobre", 10),
            ("nov.", 11),
            ("décembre", 12),
            ("March", 3),
            ("May", 5),
        ] {
            assert_eq!(month_number(name), Some(n), "{name}");
        }
    }
}
