//! Turning raw article bytes into UTF-8 text: BOMs, UTF-16, legacy single-byte encodings
//! (detected with chardetng), and refusal of binary files. Also the stable FNV-1a identity hash.
//!
//! This is not a general charset library: it aims at news articles, mostly French, saved as
//! UTF-8, UTF-16 or Windows-1252/ISO-8859-1.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeFailure {
    /// NUL bytes or too many control characters: not a text file.
    Binary,
    /// Text, but in no encoding that decodes cleanly.
    Undecodable(String),
}

impl std::fmt::Display for DecodeFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeFailure::Binary => write!(f, "binary data, not text"),
            DecodeFailure::Undecodable(detail) => write!(f, "{detail}"),
        }
    }
}

/// How many leading bytes are checked for NUL bytes.
const NUL_WINDOW: usize = 8 * 1024;
/// How many leading bytes (or chars) are sampled for the control-character ratio.
const CONTROL_WINDOW: usize = 64 * 1024;

/// Decodes bytes to UTF-8 text; returns the text (BOM stripped) and the encoding's name.
/// The error says in plain words why the bytes are not text.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    decode_detailed(bytes).map_err(|e| e.to_string())
}

/// [`decode`] with a typed failure, so the loader can tell binary files from bad encodings.
pub fn decode_detailed(bytes: &[u8]) -> Result<(String, &'static str), DecodeFailure> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or(&[]);
        if encoding == UTF_8 {
            // The BOM settles the encoding: damage is replaced, not re-detected.
            reject_binary_bytes(rest)?;
            return Ok((String::from_utf8_lossy(rest).into_owned(), UTF_8.name()));
        }
        return decode_utf16(rest, encoding);
    }
    if let Some(encoding) = sniff_utf16_without_bom(bytes) {
        return decode_utf16(bytes, encoding);
    }
    reject_binary_bytes(bytes)?;
    Ok(decode_utf8_or_detect(bytes))
}

fn decode_utf16(
    bytes: &[u8],
    encoding: &'static Encoding,
) -> Result<(String, &'static str), DecodeFailure> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    if had_errors && replacement_ratio_is_high(&text) {
        return Err(DecodeFailure::Undecodable(format!(
            "invalid {} data",
            encoding.name()
        )));
    }
    if control_ratio_is_high(text.chars().take(CONTROL_WINDOW)) || text.contains('\0') {
        return Err(DecodeFailure::Binary);
    }
    Ok((text, encoding.name()))
}

/// UTF-16 without a BOM shows up as NUL bytes at every other position (ASCII-range text).
/// Only accepted when the pattern is overwhelming, so binary files are not mistaken for it.
fn sniff_utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(NUL_WINDOW)];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 10 >= pairs * 7;
    if mostly(odd_nul) && even_nul == 0 {
        Some(UTF_16LE)
    } else if mostly(even_nul) && odd_nul == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn reject_binary_bytes(bytes: &[u8]) -> Result<(), DecodeFailure> {
    if bytes[..bytes.len().min(NUL_WINDOW)].contains(&0) {
        return Err(DecodeFailure::Binary);
    }
    let sample = &bytes[..bytes.len().min(CONTROL_WINDOW)];
    if control_ratio_is_high(sample.iter().map(|&b| char::from(b))) {
        return Err(DecodeFailure::Binary);
    }
    Ok(())
}

/// More than 10 % control characters (other than tab, newlines and form feed).
fn control_ratio_is_high(chars: impl Iterator<Item = char>) -> bool {
    let (mut total, mut control) = (0usize, 0usize);
    for c in chars {
        total += 1;
        let is_control = (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\x7f';
        control += usize::from(is_control);
    }
    control * 10 > total
}

fn replacement_ratio_is_high(text: &str) -> bool {
    let (mut total, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        bad += usize::from(c == char::REPLACEMENT_CHARACTER);
    }
    bad * 10 > total
}

/// Valid UTF-8 is taken as is; UTF-8 with a few broken sequences (a truncated download, one
/// stray byte) is decoded with replacement; otherwise the encoding is detected.
fn decode_utf8_or_detect(bytes: &[u8]) -> (String, &'static str) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), UTF_8.name());
    }
    let (mut invalid, mut multibyte) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    // Legacy encodings produce one invalid sequence per accented letter and almost never a
    // valid multi-byte sequence; UTF-8 with a little damage is the other way round.
    if multibyte >= invalid * 2 {
        return (String::from_utf8_lossy(bytes).into_owned(), UTF_8.name());
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    // The corpus is French-language news; the hint only breaks ties between close guesses.
    let encoding = detector.guess(Some(b"fr"), false);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding.name())
}

/// FNV-1a 64-bit hash of `bytes` as 16 lowercase hex characters.
pub fn fnv1a_hex(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    const FRENCH: &str =
        "Les soldats ont été tués à Ségou, près du fleuve. Où sont-ils ? « Déjà loin », dit l’élu.";

    fn with_bom(bom: &[u8], body: &[u8]) -> Vec<u8> {
        let mut v = bom.to_vec();
        v.extend_from_slice(body);
        v
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_without_and_with_bom() {
        assert_eq!(decode(FRENCH.as_bytes()).unwrap(), (FRENCH.into(), "UTF-8"));
        let bytes = with_bom(&[0xEF, 0xBB, 0xBF], FRENCH.as_bytes());
        assert_eq!(decode(&bytes).unwrap(), (FRENCH.into(), "UTF-8"));
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        let le = with_bom(&[0xFF, 0xFE], &utf16(FRENCH, false));
        assert_eq!(decode(&le).unwrap(), (FRENCH.into(), "UTF-16LE"));
        let be = with_bom(&[0xFE, 0xFF], &utf16(FRENCH, true));
        assert_eq!(decode(&be).unwrap(), (FRENCH.into(), "UTF-16BE"));
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_pattern() {
        let text = "Deux attaques ont eu lieu hier près de Gao.";
        assert_eq!(
            decode(&utf16(text, false)).unwrap(),
            (text.into(), "UTF-16LE")
        );
        assert_eq!(
            decode(&utf16(text, true)).unwrap(),
            (text.into(), "UTF-16BE")
        );
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, unmappable) = WINDOWS_1252.encode(FRENCH);
        assert!(!unmappable);
        assert_eq!(decode(&bytes).unwrap(), (FRENCH.into(), "windows-1252"));
        // A short text with a single accented letter.
        let short = "Un blessé à Mopti";
        let (bytes, _, _) = WINDOWS_1252.encode(short);
        assert_eq!(decode(&bytes).unwrap(), (short.into(), "windows-1252"));
    }

    #[test]
    fn iso_8859_1_bytes_decode_as_windows_1252() {
        // ISO-8859-1 and Windows-1252 agree on the French letters; WHATWG names it windows-1252.
        let latin1: Vec<u8> = "Cinq véhicules incendiés à Kayes, sûrement."
            .chars()
            .map(|c| c as u8)
            .collect();
        let (text, name) = decode(&latin1).unwrap();
        assert_eq!(text, "Cinq véhicules incendiés à Kayes, sûrement.");
        assert_eq!(name, "windows-1252");
    }

    #[test]
    fn rare_invalid_utf8_is_replaced_not_redetected() {
        let mut bytes = FRENCH.as_bytes().to_vec();
        bytes.push(0xE9); // one stray Latin-1 byte at the end
        let (text, name) = decode(&bytes).unwrap();
        assert_eq!(name, "UTF-8");
        assert!(text.starts_with(FRENCH) && text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn mostly_broken_utf8_is_redetected() {
        // Pure ASCII plus one Latin-1 byte: the byte is a legacy letter, not damage.
        let (text, name) = decode(b"Le soldat est bless\xe9.").unwrap();
        assert_eq!(
            (text.as_str(), name),
            ("Le soldat est blessé.", "windows-1252")
        );
        // Valid accents outnumber the broken sequence: UTF-8 with one replacement.
        let mut bytes = "Été à Ségou, blessé.".as_bytes().to_vec();
        bytes.insert(0, 0xFF);
        assert_eq!(
            decode(&bytes).unwrap(),
            ("\u{FFFD}Été à Ségou, blessé.".into(), "UTF-8")
        );
    }

    #[test]
    fn binary_data_is_refused() {
        let mut bytes = b"Gao est une ville".to_vec();
        bytes.extend_from_slice(&[0, 1, 2, 3, 0, 0, 0xFF, 0x10]);
        assert_eq!(decode_detailed(&bytes), Err(DecodeFailure::Binary));
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 4 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(decode_detailed(&controls), Err(DecodeFailure::Binary));
        assert!(decode(&controls).unwrap_err().contains("binary"));
    }

    #[test]
    fn empty_input_decodes_to_empty_text() {
        assert_eq!(decode(b"").unwrap(), (String::new(), "UTF-8"));
        assert_eq!(decode(&[0xFF, 0xFE]).unwrap(), (String::new(), "UTF-16LE"));
    }

    #[test]
    fn fnv_hash_matches_reference_values() {
        assert_eq!(fnv1a_hex(b""), "cbf29ce484222325");
        assert_eq!(fnv1a_hex(b"a"), "af63dc4c8601ec8c");
    }
}
