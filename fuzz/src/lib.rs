//! Invariants the fuzz targets check on every input, beyond "does not panic".
//!
//! Each check panics with a message naming the broken invariant, so libFuzzer records the input
//! as a crash. Kept here, not in the main crate: they are assertions about its output, not
//! behaviour it needs.

use mali_atlas::corpus::Article;
use mali_atlas::extract::numbers::TollRange;
use mali_atlas::incident::{Incident, Precision};

/// A byte range of `text` that can be sliced: in bounds, ordered, on char boundaries.
pub fn check_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} cuts a character"
    );
}

/// Title, body and sentences index the article's text; sentences are ordered, non-empty and
/// trimmed.
pub fn check_article(a: &Article) {
    let t = &a.text;
    if let Some(r) = &a.title {
        check_span(t, r.start, r.end, "title");
    }
    check_span(t, a.body.start, a.body.end, "body");
    let mut previous_end = 0;
    for s in &a.sentences {
        check_span(t, s.start, s.end, "sentence");
        assert!(s.start < s.end, "empty sentence at {}", s.start);
        assert!(s.start >= previous_end, "sentences overlap at {}", s.start);
        let text = &t[s.clone()];
        assert_eq!(text, text.trim(), "sentence {s:?} is not trimmed");
        previous_end = s.end;
    }
    assert_eq!(a.hash.len(), 16, "hash is not 16 hex chars");
}

fn check_toll(r: &TollRange, what: &str) {
    assert!(
        r.low <= r.best && r.best <= r.high,
        "{what}: toll {}-{}-{} is not ordered",
        r.low,
        r.best,
        r.high
    );
}

/// Evidence and place spans index the text and quote it; tolls are ordered and add up; dates
/// are ordered; a point is a real coordinate.
pub fn check_incident(text: &str, i: &Incident) {
    for e in &i.evidence {
        check_span(text, e.span[0], e.span[1], &format!("evidence {}", e.field));
        assert_eq!(
            &text[e.span[0]..e.span[1]],
            e.text,
            "evidence {} does not quote its span",
            e.field
        );
    }
    for p in &i.places {
        check_span(text, p.span[0], p.span[1], "place mention");
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            assert!(
                lat.is_finite() && lon.is_finite(),
                "place {} not finite",
                p.name
            );
        }
    }
    for (name, r) in [
        ("fatalities", &i.fatalities),
        ("wounded", &i.wounded),
        ("captured", &i.captured),
        ("missing", &i.missing),
    ] {
        if let Some(r) = r {
            check_toll(r, name);
        }
    }
    if let Some(killed) = &i.killed {
        let (mut low, mut best, mut high) = (0u64, 0u64, 0u64);
        for (cat, r) in killed {
            check_toll(r, &format!("killed {cat:?}"));
            low += u64::from(r.low);
            best += u64::from(r.best);
            high += u64::from(r.high);
        }
        // The total saturates at u32::MAX, as `TollRange::add` documents.
        let cap = |n: u64| n.min(u64::from(u32::MAX));
        let total = i.fatalities.as_ref().expect("killed without fatalities");
        assert_eq!(
            (
                u64::from(total.low),
                u64::from(total.best),
                u64::from(total.high)
            ),
            (cap(low), cap(best), cap(high)),
            "fatalities are not the sum of the categories"
        );
    }
    if let (Some(a), Some(b)) = (i.date, i.date_end) {
        assert!(a <= b, "date {a} after date_end {b}");
    }
    if let Some(l) = &i.location {
        assert!(
            l.lat.is_finite() && l.lon.is_finite(),
            "location not finite"
        );
        // Every point the geocoder makes is in or near Mali (a near_locality offset can
        // cross a border, never an ocean).
        if !matches!(l.precision, Precision::Country | Precision::Foreign) {
            assert!(
                (5.0..=30.0).contains(&l.lat) && (-20.0..=12.0).contains(&l.lon),
                "location {},{} far outside Mali",
                l.lat,
                l.lon
            );
        }
    }
}
