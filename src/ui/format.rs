//! How incidents read on screen, in French or English: dates at the precision the text gives
//! them ("2012", "juil. 2019", "18–19 juin 2022"), places in words ("près de Bandiagara") and
//! the drill-down's place list with one row per place. Plain strings; no drawing here, and no
//! parsing (the extractor decides the precision, this module only shows it).

use chrono::{Datelike, NaiveDate};

use crate::corpus::DatePrecision;
use crate::incident::{Incident, PlaceMatch, Precision};
use crate::ui::state::Lang;

const MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month(lang: Lang, d: NaiveDate) -> &'static str {
    let m = d.month0() as usize;
    match lang {
        Lang::Fr => MONTHS_FR[m],
        Lang::En => MONTHS_EN[m],
    }
}

/// "18 juin 2022" / "18 Jun 2022"; the first of the month is "1er" in French.
fn day(lang: Lang, d: NaiveDate) -> String {
    let n = if lang == Lang::Fr && d.day() == 1 {
        "1er".to_string()
    } else {
        d.day().to_string()
    };
    format!("{n} {} {}", month(lang, d), d.year())
}

/// A date (and optional end) shown at its precision: a year-precision date is "2012", not
/// "2012-01-01". Unknown dates are "?".
pub fn date_text(
    lang: Lang,
    date: Option<NaiveDate>,
    end: Option<NaiveDate>,
    precision: DatePrecision,
) -> String {
    let Some(d) = date else {
        return "?".into();
    };
    let end = end.filter(|e| *e > d);
    match precision {
        DatePrecision::Unknown | DatePrecision::Year => match end {
            Some(e) if e.year() != d.year() => format!("{}–{}", d.year(), e.year()),
            _ => d.year().to_string(),
        },
        DatePrecision::Month => match end {
            Some(e) if (e.year(), e.month()) != (d.year(), d.month()) => {
                format!("{} – {} {}", month_year(lang, d), month(lang, e), e.year())
            }
            _ => month_year(lang, d),
        },
        DatePrecision::Week if end.is_none() => match lang {
            Lang::Fr => format!("sem. du {}", day(lang, d)),
            Lang::En => format!("week of {}", day(lang, d)),
        },
        DatePrecision::Day | DatePrecision::Week => match end {
            None => day(lang, d),
            Some(e) if (e.year(), e.month()) == (d.year(), d.month()) => {
                let first = if lang == Lang::Fr && d.day() == 1 {
                    "1er".to_string()
                } else {
                    d.day().to_string()
                };
                format!("{first}–{}", day(lang, e))
            }
            Some(e) if e.year() == d.year() => {
                let first = day(lang, d);
                let first = first.trim_end_matches(&format!(" {}", d.year()));
                format!("{first} – {}", day(lang, e))
            }
            Some(e) => format!("{} – {}", day(lang, d), day(lang, e)),
        },
    }
}

fn month_year(lang: Lang, d: NaiveDate) -> String {
    format!("{} {}", month(lang, d), d.year())
}

/// An incident's date at its precision.
pub fn incident_date(lang: Lang, i: &Incident) -> String {
    date_text(lang, i.date, i.date_end, i.date_precision)
}

/// A month bar's key ("2019-07", as `analysis::by_month` names it) as "juil. 2019".
pub fn month_key(lang: Lang, key: &str) -> String {
    NaiveDate::parse_from_str(&format!("{key}-01"), "%Y-%m-%d")
        .map_or_else(|_| key.to_string(), |d| month_year(lang, d))
}

/// A place and how exactly it is known, in words: "Bandiagara", "près de Bandiagara",
/// "cercle de Bandiagara", "région de Mopti", "Mali (pays)", "Niamey (hors du Mali)".
pub fn place_in_words(lang: Lang, name: &str, precision: Precision) -> String {
    match (lang, precision) {
        (_, Precision::Locality) => name.to_string(),
        (Lang::Fr, Precision::NearLocality) => format!("près de {name}"),
        (Lang::En, Precision::NearLocality) => format!("near {name}"),
        (Lang::Fr, Precision::Admin2) => format!("cercle de {name}"),
        (Lang::En, Precision::Admin2) => format!("{name} cercle"),
        (Lang::Fr, Precision::Admin1) => format!("région de {name}"),
        (Lang::En, Precision::Admin1) => format!("{name} region"),
        (Lang::Fr, Precision::Country) => format!("{name} (pays entier)"),
        (Lang::En, Precision::Country) => format!("{name} (whole country)"),
        (Lang::Fr, Precision::Foreign) => format!("{name} (hors du Mali)"),
        (Lang::En, Precision::Foreign) => format!("{name} (outside Mali)"),
    }
}

/// The precision alone, in words (for the drill-down's place rows).
pub fn precision_word(lang: Lang, precision: Precision) -> &'static str {
    match (lang, precision) {
        (Lang::Fr, Precision::Locality) => "localité",
        (Lang::En, Precision::Locality) => "locality",
        (Lang::Fr, Precision::NearLocality) => "à proximité",
        (Lang::En, Precision::NearLocality) => "nearby",
        (Lang::Fr, Precision::Admin2) => "cercle",
        (Lang::En, Precision::Admin2) => "cercle",
        (Lang::Fr, Precision::Admin1) => "région",
        (Lang::En, Precision::Admin1) => "region",
        (Lang::Fr, Precision::Country) => "pays",
        (Lang::En, Precision::Country) => "country",
        (Lang::Fr, Precision::Foreign) => "hors du Mali",
        (Lang::En, Precision::Foreign) => "outside Mali",
    }
}

/// One row of the drill-down's place list: a place named one or more times.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRow<'a> {
    /// The first mention of the place (its coordinates and admin areas).
    pub place: &'a PlaceMatch,
    /// How many times the article names it for this incident.
    pub mentions: usize,
}

/// The places of an incident, one row per place (same resolved name, precision and point),
/// in order of first mention. An article naming Bandiagara twice shows one row "×2".
pub fn place_rows(places: &[PlaceMatch]) -> Vec<PlaceRow<'_>> {
    let mut rows: Vec<PlaceRow<'_>> = Vec::new();
    for p in places {
        let same = |r: &&mut PlaceRow<'_>| {
            r.place.name == p.name
                && r.place.precision == p.precision
                && r.place.geonameid == p.geonameid
                && r.place.admin1 == p.admin1
        };
        match rows.iter_mut().find(same) {
            Some(r) => r.mentions += 1,
            None => rows.push(PlaceRow {
                place: p,
                mentions: 1,
            }),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn dates_show_at_their_precision_in_french() {
        let fr = Lang::Fr;
        assert_eq!(
            date_text(fr, d("2012-01-01"), None, DatePrecision::Year),
            "2012"
        );
        assert_eq!(
            date_text(fr, d("2019-07-01"), None, DatePrecision::Month),
            "juil. 2019"
        );
        assert_eq!(
            date_text(fr, d("2022-06-18"), d("2022-06-19"), DatePrecision::Day),
            "18–19 juin 2022"
        );
        assert_eq!(
            date_text(fr, d("2022-06-18"), None, DatePrecision::Day),
            "18 juin 2022"
        );
        assert_eq!(
            date_text(fr, d("2022-08-01"), None, DatePrecision::Day),
            "1er août 2022"
        );
        assert_eq!(
            date_text(fr, d("2022-06-30"), d("2022-07-02"), DatePrecision::Day),
            "30 juin – 2 juil. 2022"
        );
        assert_eq!(
            date_text(fr, d("2021-12-30"), d("2022-01-02"), DatePrecision::Day),
            "30 déc. 2021 – 2 janv. 2022"
        );
        assert_eq!(
            date_text(fr, d("2024-08-05"), None, DatePrecision::Week),
            "sem. du 5 août 2024"
        );
        assert_eq!(date_text(fr, None, None, DatePrecision::Unknown), "?");
    }

    #[test]
    fn dates_show_at_their_precision_in_english() {
        let en = Lang::En;
        assert_eq!(
            date_text(en, d("2012-01-01"), None, DatePrecision::Year),
            "2012"
        );
        assert_eq!(
            date_text(en, d("2019-07-01"), None, DatePrecision::Month),
            "Jul 2019"
        );
        assert_eq!(
            date_text(en, d("2022-06-18"), d("2022-06-19"), DatePrecision::Day),
            "18–19 Jun 2022"
        );
        assert_eq!(
            date_text(en, d("2022-06-18"), None, DatePrecision::Day),
            "18 Jun 2022"
        );
        assert_eq!(
            date_text(en, d("2024-08-05"), None, DatePrecision::Week),
            "week of 5 Aug 2024"
        );
        assert_eq!(month_key(en, "2019-07"), "Jul 2019");
        assert_eq!(month_key(Lang::Fr, "2019-07"), "juil. 2019");
    }

    fn place(name: &str, precision: Precision, start: usize) -> PlaceMatch {
        PlaceMatch {
            mention: name.into(),
            span: [start, start + name.len()],
            name: name.into(),
            geonameid: Some(name.len() as u64),
            lat: Some(14.0),
            lon: Some(-3.0),
            admin1: Some("Mopti".into()),
            admin2: None,
            admin1_2023: None,
            precision,
        }
    }

    #[test]
    fn place_rows_count_repeated_mentions() {
        let places = vec![
            place("Bandiagara", Precision::Locality, 0),
            place("Boukari", Precision::Locality, 20),
            place("Bandiagara", Precision::Locality, 40),
            place("Boukari", Precision::Locality, 60),
            place("Bandiagara", Precision::NearLocality, 80),
        ];
        let rows = place_rows(&places);
        let summary: Vec<(&str, Precision, usize)> = rows
            .iter()
            .map(|r| (r.place.name.as_str(), r.place.precision, r.mentions))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("Bandiagara", Precision::Locality, 2),
                ("Boukari", Precision::Locality, 2),
                ("Bandiagara", Precision::NearLocality, 1),
            ]
        );
    }

    #[test]
    fn precision_in_words_in_both_languages() {
        assert_eq!(
            place_in_words(Lang::Fr, "Bandiagara", Precision::NearLocality),
            "près de Bandiagara"
        );
        assert_eq!(
            place_in_words(Lang::En, "Bandiagara", Precision::NearLocality),
            "near Bandiagara"
        );
        assert_eq!(
            place_in_words(Lang::En, "Mopti", Precision::Admin1),
            "Mopti region"
        );
        assert_eq!(precision_word(Lang::Fr, Precision::Locality), "localité");
    }
}
