//! Visible text from raw HTML text runs: entities decoded, whitespace collapsed, paragraph
//! and line breaks placed where block elements end.
//!
//! Knows nothing of tags or of which parts of a page are kept: the tree and the main-content
//! finder decide that and feed it the runs to keep.

/// Accumulates visible text, collapsing whitespace and placing paragraph breaks.
#[derive(Default)]
pub(super) struct TextBuilder {
    text: String,
    pending_space: bool,
    pending_breaks: usize,
}

impl TextBuilder {
    pub(super) fn space(&mut self) {
        self.pending_space = true;
    }

    pub(super) fn paragraph_break(&mut self, newlines: usize) {
        self.pending_breaks = self.pending_breaks.max(newlines);
    }

    pub(super) fn push_char(&mut self, c: char) {
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
    pub(super) fn push_text(&mut self, raw: &str) {
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

    pub(super) fn finish(self) -> String {
        self.text
    }
}

/// Visible size of a raw text run: (characters other than whitespace, commas). Entities count
/// by their raw length, close enough to weigh blocks without building their text.
pub(super) fn measure(raw: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    for c in raw.chars() {
        if !c.is_whitespace() {
            chars += 1;
        }
        if c == ',' {
            commas += 1;
        }
    }
    (chars, commas)
}

/// Decodes the entities of a raw attribute value or title, collapsing whitespace.
pub(super) fn decode_text(raw: &str) -> String {
    let mut b = TextBuilder::default();
    b.push_text(raw);
    b.finish()
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
