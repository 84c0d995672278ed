//! Tokens of an HTML document: tags with their attributes, text runs, the content of raw-text
//! elements (`<script>`, `<style>`…), comments skipped.
//!
//! Hand-written and forgiving: every byte sequence gives tokens, a `<` that starts no tag is
//! text, an unterminated tag or comment swallows the rest. One forward pass, no backtracking.
//! It builds no tree and decides nothing about what is shown (see `tree` and `content`).

/// One token. Text and attribute values are raw (entities still encoded).
#[derive(Debug)]
pub(super) enum Token<'a> {
    Start(Tag<'a>),
    End(String),
    Text(std::ops::Range<usize>),
    /// The content of a raw-text element (`script`, `style`, `title`…), just after its start
    /// tag; its end tag is consumed with it.
    Raw {
        name: String,
        content: &'a str,
    },
}

/// A start tag.
#[derive(Debug)]
pub(super) struct Tag<'a> {
    /// Lowercase; may contain '-', ':' or '.' (`amp-img`, `o:p`).
    pub name: String,
    /// The raw attributes, between the name and the closing '>'.
    attrs: &'a str,
    /// Written `<x/>`.
    pub self_closing: bool,
}

impl<'a> Tag<'a> {
    /// The raw value of attribute `name` (lowercase), `""` for a bare attribute.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        Attrs { rest: self.attrs }
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// Elements whose content is raw text, never markup.
const RAW_TEXT_ELEMENTS: [&str; 9] = [
    "script", "style", "noscript", "template", "svg", "iframe", "object", "textarea", "title",
];

/// The tokens of `html`, in order.
pub(super) struct Lexer<'a> {
    html: &'a str,
    pos: usize,
    /// A raw-text element opened by the last start tag.
    pending_raw: Option<String>,
}

impl<'a> Lexer<'a> {
    pub fn new(html: &'a str) -> Self {
        Lexer {
            html,
            pos: 0,
            pending_raw: None,
        }
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let html = self.html;
        let bytes = html.as_bytes();
        if let Some(name) = self.pending_raw.take() {
            let close = find_closing(html, self.pos, &name);
            let content = html.get(self.pos..close.start).unwrap_or("");
            self.pos = close.end;
            return Some(Token::Raw { name, content });
        }
        while self.pos < bytes.len() {
            let i = self.pos;
            if bytes[i] == b'<' {
                let rest = &bytes[i..];
                if rest.starts_with(b"<!--") {
                    self.pos = html
                        .get(i + 4..)
                        .and_then(|r| r.find("-->"))
                        .map_or(bytes.len(), |p| i + 4 + p + 3);
                    continue;
                }
                if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
                    self.pos = find_byte(bytes, i + 2, b'>').map_or(bytes.len(), |p| p + 1);
                    continue;
                }
                if let Some((token, end)) = parse_tag(html, i) {
                    self.pos = end;
                    if let Token::Start(tag) = &token
                        && !tag.self_closing
                        && RAW_TEXT_ELEMENTS.contains(&tag.name.as_str())
                    {
                        self.pending_raw = Some(tag.name.clone());
                    }
                    return Some(token);
                }
            }
            // Text up to the next '<' (ASCII, so always a char boundary).
            let end = find_byte(bytes, i + 1, b'<').unwrap_or(bytes.len());
            self.pos = end;
            return Some(Token::Text(i..end));
        }
        None
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
}

/// Parses a tag at `start` (which holds '<'): the token and the index after its '>'. `None`
/// when the '<' is plain text ("a < b").
fn parse_tag(html: &str, start: usize) -> Option<(Token<'_>, usize)> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_start = i;
    while bytes.get(i).copied().is_some_and(is_name_byte) {
        i += 1;
    }
    let name = html.get(name_start..i)?.to_ascii_lowercase();
    let attrs_start = i;
    // Attributes: skip to '>' outside quotes. Quotes only open after '=' or a space, so a
    // stray apostrophe in a broken tag does not swallow the page.
    let mut quote: Option<u8> = None;
    // Unterminated tag: the rest of the document is inside it.
    let mut attrs_end = bytes.len();
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'"' || b == b'\'')
                && (bytes[i - 1] == b'=' || bytes[i - 1].is_ascii_whitespace()) =>
            {
                quote = Some(b)
            }
            None if b == b'>' => {
                attrs_end = i;
                break;
            }
            None => {}
        }
        i += 1;
    }
    let end = (attrs_end + 1).min(bytes.len());
    let attrs = html.get(attrs_start..attrs_end).unwrap_or("");
    if closing {
        return Some((Token::End(name), end));
    }
    let self_closing = attrs.trim_end().ends_with('/');
    Some((
        Token::Start(Tag {
            name,
            attrs,
            self_closing,
        }),
        end,
    ))
}

/// Attributes of a raw attribute string: (name, raw value).
struct Attrs<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let s = self
            .rest
            .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if s.is_empty() {
            self.rest = s;
            return None;
        }
        let name_len = s
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(s.len())
            .max(1.min(s.len()));
        let name = &s[..name_len];
        let after = s[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let Some(value_part) = after.strip_prefix('=') else {
            self.rest = after;
            return Some((name, ""));
        };
        let value_part = value_part.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let (value, rest) = match value_part.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &value_part[1..];
                match inner.find(q) {
                    Some(e) => (&inner[..e], &inner[e + 1..]),
                    None => (inner, ""),
                }
            }
            _ => {
                let e = value_part
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(value_part.len());
                (&value_part[..e], &value_part[e..])
            }
        };
        self.rest = rest;
        Some((name, value))
    }
}

/// Span of `</name …>` at or after `from` (case-insensitive); `len..len` when absent.
fn find_closing(html: &str, from: usize, name: &str) -> std::ops::Range<usize> {
    let bytes = html.as_bytes();
    let needle = format!("</{name}");
    let mut i = from;
    while let Some(p) = find_byte(bytes, i, b'<') {
        let candidate = &bytes[p..bytes.len().min(p + needle.len())];
        let boundary = bytes
            .get(p + needle.len())
            .is_none_or(|b| !is_name_byte(*b));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(html: &str) -> Vec<String> {
        Lexer::new(html)
            .map(|t| match t {
                Token::Start(tag) => format!("<{}>", tag.name),
                Token::End(name) => format!("</{name}>"),
                Token::Text(r) => html[r].to_string(),
                Token::Raw { name, content } => format!("{name}:{content}"),
            })
            .collect()
    }

    #[test]
    fn tags_text_raw_elements_and_comments() {
        assert_eq!(
            names(
                "<P class=a>Un <amp-img src=x></amp-img><!-- c --><script>if (a<b) {}</script>fin"
            ),
            [
                "<p>",
                "Un ",
                "<amp-img>",
                "</amp-img>",
                "<script>",
                "script:if (a<b) {}",
                "fin"
            ]
        );
        assert_eq!(names("5 < 7 <> 2"), ["5 ", "< 7 ", "<> 2"]);
    }

    #[test]
    fn attributes_quoted_unquoted_and_bare() {
        let mut lexer = Lexer::new(
            r#"<meta property="og:title" content='L&#8217;attaque > 3' data-x=1 hidden itemprop = "headline"/>"#,
        );
        let Some(Token::Start(tag)) = lexer.next() else {
            panic!("a start tag")
        };
        assert_eq!(tag.attr("property"), Some("og:title"));
        assert_eq!(tag.attr("CONTENT"), Some("L&#8217;attaque > 3"));
        assert_eq!(tag.attr("data-x"), Some("1"));
        assert_eq!(tag.attr("hidden"), Some(""));
        assert_eq!(tag.attr("itemprop"), Some("headline"));
        assert!(tag.self_closing);
        assert_eq!(tag.attr("absent"), None);
    }

    #[test]
    fn unterminated_tags_and_raw_text_end_the_input() {
        assert_eq!(names("<p>fin <a href=\"x"), ["<p>", "fin ", "<a>"]);
        assert_eq!(names("<style>p{}"), ["<style>", "style:p{}"]);
        assert_eq!(names("avant <!-- jamais"), ["avant "]);
    }
}
