//! Plain text from an HTML article: tags stripped, scripts/styles/head dropped, entities
//! decoded, block elements turned into paragraph breaks, whitespace collapsed.
//!
//! Hand-written and forgiving (any input gives some text, never a panic); it is not an HTML
//! parser and does not try to find the "main content" of a page among menus and footers.

use std::ops::Range;

/// Text extracted from HTML, with the `<title>` (if any) as its first paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlText {
    pub text: String,
    /// Span of the `<title>` text at the start of `text`.
    pub title: Option<Range<usize>>,
}

/// The text of an HTML document; the `<title>`, when present, is the first paragraph.
pub fn html_to_text(html: &str) -> String {
    extract(html).text
}

/// Elements whose content is never shown as article text.
const HIDDEN_ELEMENTS: [&str; 8] = [
    "script", "style", "noscript", "template", "svg", "iframe", "object", "textarea",
];

/// Elements that end a paragraph ("\n\n").
const PARAGRAPH_ELEMENTS: [&str; 31] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "table",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "hr",
    "body",
    "html",
    "center",
    "details",
];

/// Elements that end a line ("\n").
const LINE_ELEMENTS: [&str; 7] = ["br", "li", "tr", "dt", "dd", "summary", "caption"];

/// Extracts the text and the title of an HTML document.
pub fn extract(html: &str) -> HtmlText {
    let mut out = TextBuilder::default();
    let mut title: Option<TextBuilder> = None;
    let mut in_head = false;
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<' {
            if let Some(rest) = html.get(i..) {
                if rest.starts_with("<!--") {
                    i = find_from(html, i + 4, "-->").map_or(bytes.len(), |p| p + 3);
                    continue;
                }
                if rest.starts_with("<!") || rest.starts_with("<?") {
                    i = find_byte(bytes, i + 2, b'>').map_or(bytes.len(), |p| p + 1);
                    continue;
                }
            }
            if let Some(tag) = parse_tag(bytes, i) {
                i = tag.end;
                let name = tag.name.as_str();
                if !tag.closing && HIDDEN_ELEMENTS.contains(&name) {
                    i = skip_raw_text(html, i, name);
                    continue;
                }
                match (name, tag.closing) {
                    ("head", false) => in_head = true,
                    ("head", true) | ("body", false) => in_head = false,
                    ("title", false) => {
                        // Only the first <title> counts; later ones (inside <svg>…) are text.
                        if title.is_none() {
                            let end = find_closing(html, i, "title");
                            let mut t = TextBuilder::default();
                            t.push_text(html.get(i..end.start).unwrap_or(""));
                            title = Some(t);
                            i = end.end;
                        }
                        continue;
                    }
                    _ => {}
                }
                if PARAGRAPH_ELEMENTS.contains(&name) {
                    // A block element means the (possibly unclosed) head is over.
                    in_head = in_head && matches!(name, "html");
                    out.paragraph_break(2);
                } else if LINE_ELEMENTS.contains(&name) {
                    in_head = false;
                    out.paragraph_break(1);
                } else if matches!(name, "td" | "th") {
                    out.space();
                }
                continue;
            }
        }
        // Plain text up to the next '<' (ASCII, so always a char boundary).
        let end = find_byte(bytes, i + 1, b'<').unwrap_or(bytes.len());
        if !in_head {
            out.push_text(html.get(i..end).unwrap_or(""));
        }
        i = end;
    }
    let body = out.finish();
    let title_text = title.map(TextBuilder::finish).unwrap_or_default();
    if title_text.is_empty() {
        return HtmlText {
            text: body,
            title: None,
        };
    }
    let mut text = title_text;
    let title = Some(0..text.len());
    if !body.is_empty() {
        text.push_str("\n\n");
        text.push_str(&body);
    }
    HtmlText { text, title }
}

/// Accumulates visible text, collapsing whitespace and placing paragraph breaks.
#[derive(Default)]
struct TextBuilder {
    text: String,
    pending_space: bool,
    pending_breaks: usize,
}

impl TextBuilder {
    fn space(&mut self) {
        self.pending_space = true;
    }

    fn paragraph_break(&mut self, newlines: usize) {
        self.pending_breaks = self.pending_breaks.max(newlines);
    }

    fn push_char(&mut self, c: char) {
        if c.is_whitespace() {
            self.pending_space = true;
            return;
        }
        if !self.text.is_empty() {
            if self.pending_breaks > 0 {
                for _ in 0..self.pending_breaks {
                    self.text.push('\n');
                }
            } else if self.pending_space {
                self.text.push(' ');
            }
        }
        self.pending_breaks = 0;
        self.pending_space = false;
        self.text.push(c);
    }

    /// Pushes raw HTML text (entities still encoded).
    fn push_text(&mut self, raw: &str) {
        let mut rest = raw;
        while let Some(amp) = rest.find('&') {
            for c in rest[..amp].chars() {
                self.push_char(c);
            }
            let after = &rest[amp..];
            match decode_entity(after) {
                Some((c, len)) => {
                    self.push_char(c);
                    rest = &after[len..];
                }
                None => {
                    self.push_char('&');
                    rest = &after[1..];
                }
            }
        }
        for c in rest.chars() {
            self.push_char(c);
        }
    }

    fn finish(self) -> String {
        self.text
    }
}

/// A parsed start or end tag.
struct Tag {
    name: String,
    closing: bool,
    /// Byte index just after the tag's '>'.
    end: usize,
}

/// Parses a tag at `start` (which holds '<'); `None` when the '<' is plain text ("a < b").
fn parse_tag(bytes: &[u8], start: usize) -> Option<Tag> {
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = String::from_utf8_lossy(&bytes[name_start..i]).to_ascii_lowercase();
    // Attributes: skip to '>' outside quotes.
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => {
                return Some(Tag {
                    name,
                    closing,
                    end: i + 1,
                });
            }
            None => {}
        }
        i += 1;
    }
    // Unterminated tag: the rest of the document is inside it.
    Some(Tag {
        name,
        closing,
        end: bytes.len(),
    })
}

/// Index after the closing tag of a raw-text element (`</script>`), or the end of input.
fn skip_raw_text(html: &str, from: usize, name: &str) -> usize {
    find_closing(html, from, name).end
}

/// Span of `</name …>` at or after `from` (case-insensitive); `len..len` when absent.
fn find_closing(html: &str, from: usize, name: &str) -> Range<usize> {
    let bytes = html.as_bytes();
    let needle = format!("</{name}");
    let mut i = from;
    while let Some(p) = find_byte(bytes, i, b'<') {
        let candidate = &bytes[p..bytes.len().min(p + needle.len())];
        let boundary = bytes
            .get(p + needle.len())
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        if candidate.eq_ignore_ascii_case(needle.as_bytes()) && boundary {
            let end = find_byte(bytes, p, b'>').map_or(bytes.len(), |e| e + 1);
            return p..end;
        }
        i = p + 1;
    }
    bytes.len()..bytes.len()
}

fn find_byte(bytes: &[u8], from: usize, b: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&x| x == b)
        .map(|p| p + from)
}

fn find_from(s: &str, from: usize, needle: &str) -> Option<usize> {
    // `from` may fall inside a char only if the caller passed a non-boundary; be safe anyway.
    let hay = s.as_bytes().get(from..)?;
    hay.windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .map(|p| p + from)
}

/// Decodes the entity at the start of `s` (which starts with '&'); returns the char and the
/// entity's byte length including the ';'.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let window = &s.as_bytes()[..s.len().min(12)];
    let semi = window.iter().position(|&b| b == b';')?;
    let body = s.get(1..semi)?;
    let c = if let Some(num) = body.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        numeric_char(value)
    } else {
        named_entity(body)?
    };
    Some((c, semi + 1))
}

/// Numeric references: C1 codes mean their Windows-1252 letters (as browsers read them).
fn numeric_char(value: u32) -> char {
    if (0x80..=0x9F).contains(&value) {
        let byte = [value as u8];
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return text.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
    }
    if value == 0 {
        return char::REPLACEMENT_CHARACTER;
    }
    char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "NBSP" => ' ',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "Ecirc" => 'Ê',
        "euml" => 'ë',
        "Euml" => 'Ë',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "Acirc" => 'Â',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "ocirc" => 'ô',
        "Ocirc" => 'Ô',
        "ouml" => 'ö',
        "icirc" => 'î',
        "Icirc" => 'Î',
        "iuml" => 'ï',
        "Iuml" => 'Ï',
        "ucirc" => 'û',
        "Ucirc" => 'Û',
        "ugrave" => 'ù',
        "Ugrave" => 'Ù',
        "uuml" => 'ü',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "euro" => '€',
        "deg" => '°',
        "ordm" => 'º',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "shy" => '\u{ad}',
        "thinsp" | "ensp" | "emsp" => ' ',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_makes_paragraphs() {
        let html = "<html><body><h1>Embuscade près de Douentza</h1>\
            <p>Trois   soldats\n ont été <b>blessés</b>.</p><p>Le convoi est reparti.</p></body></html>";
        assert_eq!(
            html_to_text(html),
            "Embuscade près de Douentza\n\nTrois soldats ont été blessés.\n\nLe convoi est reparti."
        );
    }

    #[test]
    fn line_breaks_and_list_items_become_newlines() {
        let html =
            "<div>Bilan :<br>deux morts<br/>un blessé</div><ul><li>Gao</li><li>Ansongo</li></ul>";
        assert_eq!(
            html_to_text(html),
            "Bilan :\ndeux morts\nun blessé\n\nGao\nAnsongo"
        );
    }

    #[test]
    fn drops_scripts_styles_noscript_and_head_but_keeps_title() {
        let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Attaque à Ménaka</title>\
            <style>p { color: red; }</style><script>var x = '<p>faux</p>';</script></head>\
            <body><!-- commentaire --><noscript>Activez JavaScript</noscript>\
            <p>Des hommes armés ont attaqué le marché.</p><script type=\"text/javascript\">alert(1)</SCRIPT></body></html>";
        let extracted = extract(html);
        assert_eq!(
            extracted.text,
            "Attaque à Ménaka\n\nDes hommes armés ont attaqué le marché."
        );
        assert_eq!(extracted.title, Some(0.."Attaque à Ménaka".len()));
    }

    #[test]
    fn decodes_named_and_numeric_entities() {
        let html = "<p>L&rsquo;arm&eacute;e a d&Eacute;ploy&eacute; &laquo;&nbsp;500&nbsp;hommes&nbsp;&raquo; &amp; plus&hellip; \
            &#233;t&#xE9; &#X153; &#146; &ccedil;a &OElig;uvre &unknown; &amp</p>";
        assert_eq!(
            html_to_text(html),
            "L’armée a dÉployé « 500 hommes » & plus… été œ ’ ça Œuvre &unknown; &amp"
        );
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(html_to_text("<p>5 < 7 et 3 <> 2</p>"), "5 < 7 et 3 <> 2");
        assert_eq!(html_to_text("<p>fin <a href=\"x"), "fin");
        assert_eq!(html_to_text("<p>avant <!-- jamais fermé"), "avant");
    }

    #[test]
    fn attribute_quotes_may_contain_angle_brackets() {
        assert_eq!(html_to_text("<p title=\"a > b\">Kidal</p>"), "Kidal");
    }

    #[test]
    fn table_cells_are_separated() {
        assert_eq!(
            html_to_text(
                "<table><tr><td>Gao</td><td>12</td></tr><tr><td>Mopti</td><td>3</td></tr></table>"
            ),
            "Gao 12\nMopti 3"
        );
    }
}
