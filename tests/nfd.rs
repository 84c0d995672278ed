//! Decomposed text (NFD: "août" as "aou" + U+0302 + "t", as some Mac and web sources send it)
//! gives what precomposed text (NFC) gives: the one folding table (`text::fold_char`) drops
//! combining marks everywhere: corpus, dates, numbers, places and names.

use mali_atlas::extract::dates::find_dates;
use mali_atlas::text::{fold, fold_key};

mod common;

/// The French letters with diacritics, decomposed: base letter + combining mark.
fn nfd(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        let (base, mark) = match c {
            'à' => ('a', '\u{300}'),
            'â' => ('a', '\u{302}'),
            'é' => ('e', '\u{301}'),
            'è' => ('e', '\u{300}'),
            'ê' => ('e', '\u{302}'),
            'ë' => ('e', '\u{308}'),
            'î' => ('i', '\u{302}'),
            'ï' => ('i', '\u{308}'),
            'ô' => ('o', '\u{302}'),
            'ù' => ('u', '\u{300}'),
            'û' => ('u', '\u{302}'),
            'ç' => ('c', '\u{327}'),
            'É' => ('E', '\u{301}'),
            'À' => ('A', '\u{300}'),
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push(base);
        out.push(mark);
    }
    out
}

#[test]
fn the_decomposition_is_real() {
    let d = nfd("août");
    assert_eq!(d, "aou\u{302}t");
    assert_ne!(d, "août");
}

#[test]
fn folds_are_the_same() {
    for s in [
        "août",
        "Ségou",
        "Diré",
        "Kéniéba",
        "Tombouctou–Région",
        "1ᵉʳ février",
    ] {
        assert_eq!(fold_key(&nfd(s)), fold_key(s), "{s}");
        assert_eq!(fold(&nfd(s)).text, fold(s).text, "{s}");
    }
}

#[test]
fn dates_parse_the_same() {
    let reference = chrono::NaiveDate::from_ymd_opt(2022, 8, 10);
    for text in [
        "Le samedi 6 août 2022, des hommes armés ont attaqué le village.",
        "Le 1ᵉʳ février 2023, l'armée a annoncé des frappes.",
        "Dans la nuit du 3 au 4 décembre, à Ménaka.",
        "Mercredi dernier, près de Ségou.",
    ] {
        let a: Vec<_> = find_dates(text, reference)
            .into_iter()
            .map(|m| format!("{:?} {} {} {:?}", m.kind, m.start, m.end, m.precision))
            .collect();
        let b: Vec<_> = find_dates(&nfd(text), reference)
            .into_iter()
            .map(|m| format!("{:?} {} {} {:?}", m.kind, m.start, m.end, m.precision))
            .collect();
        assert!(!a.is_empty(), "{text}");
        assert_eq!(a, b, "{text}");
    }
}

/// A whole article through the pipeline: same dates, tolls, event types and places.
#[test]
fn the_seeds_extract_the_same() {
    let geocoder = common::embedded_geocoder();
    for article in mali_atlas::corpus::seeds() {
        let summary = |text: String| -> Vec<String> {
            let a = mali_atlas::corpus::article_from_text("seed", text);
            mali_atlas::pipeline::incidents(&a, geocoder)
                .iter()
                .map(|i| {
                    format!(
                        "{:?} {:?} {:?} {:?} {:?} {:?}",
                        i.date,
                        i.date_precision,
                        i.event_type,
                        i.fatalities,
                        i.location.map(|l| (l.lat, l.lon)),
                        i.places.iter().map(|p| p.name.as_str()).collect::<Vec<_>>()
                    )
                })
                .collect()
        };
        let precomposed = summary(article.text.clone());
        assert!(!precomposed.is_empty());
        assert_eq!(
            summary(nfd(&article.text)),
            precomposed,
            "{}",
            article.source
        );
    }
}
