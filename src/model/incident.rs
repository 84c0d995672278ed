//! The incident record: the contract between the extractor, the geocoder, the store, the CLI
//! and the tests (see DESIGN.md, "The incident record"). Plain data, serialised as documented;
//! no behaviour beyond small derived views.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::model::date::DatePrecision;
pub use crate::model::toll::TollRange;

/// One violent event told by one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Source of the article (path, or `seeds/…` for the embedded corpus).
    pub article: String,
    /// Index of the incident within its article.
    pub incident: usize,
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_end: Option<NaiveDate>,
    pub date_precision: DatePrecision,
    pub event_type: EventType,
    pub sub_event_type: String,
    /// Canonical actor names, in order of first mention (affiliated parents included).
    pub actors: Vec<String>,
    /// Who attacked, when the text says so (ACLED's actor1 with a direction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perpetrator: Option<String>,
    /// Who was attacked (an actor name, or "Civilians").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// All deaths: the sum of `killed` over categories.
    pub fatalities: Option<TollRange>,
    /// Deaths by victim category; `null` when the text gives no death toll.
    pub killed: Option<BTreeMap<Category, TollRange>>,
    pub wounded: Option<TollRange>,
    pub captured: Option<TollRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<TollRange>,
    /// Who the tolls are attributed to ("official", "separatists", …), when the text says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub toll_sources: Vec<String>,
    pub places: Vec<PlaceMatch>,
    /// The incident's map point; `null` when it is not in Mali or not located.
    pub location: Option<Location>,
    pub evidence: Vec<Evidence>,
    pub warnings: Vec<String>,
    /// Which gazetteer resolved the places. Set by the geocoder on every incident it writes;
    /// absent only from drafts and from records stored before the field existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer: Option<GazetteerStamp>,
}

/// Which gazetteer resolved an incident's places, as the JSON says it: `full:<digest>`,
/// `partial:<digest>` or `fallback`.
///
/// The digest (16 hex digits) is computed from the places themselves, not from a file, so the
/// same GeoNames dump gives the same stamp whether it was read as `ML.txt`, `ML.zip`, an
/// installed cache or a pack shipped to Spark workers; a different dump gives another one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum GazetteerStamp {
    /// A full GeoNames export of Mali: the snapshot embedded in the program, an installed
    /// dump, or a file given with `--gazetteer`.
    Full { digest: String },
    /// A GeoNames file with fewer places than a full export of Mali (an excerpt).
    Partial { digest: String },
    /// The small list of towns built into the program, used when nothing better loads.
    Fallback,
}

impl GazetteerStamp {
    /// True for the full gazetteer; a run on anything else says so on stderr.
    pub fn is_full(&self) -> bool {
        matches!(self, GazetteerStamp::Full { .. })
    }
}

impl std::fmt::Display for GazetteerStamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GazetteerStamp::Full { digest } => write!(f, "full:{digest}"),
            GazetteerStamp::Partial { digest } => write!(f, "partial:{digest}"),
            GazetteerStamp::Fallback => f.write_str("fallback"),
        }
    }
}

impl From<GazetteerStamp> for String {
    fn from(stamp: GazetteerStamp) -> String {
        stamp.to_string()
    }
}

impl TryFrom<String> for GazetteerStamp {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let digest = |d: &str| {
            (!d.is_empty() && d.bytes().all(|b| b.is_ascii_hexdigit())).then(|| d.to_string())
        };
        match text.split_once(':') {
            None if text == "fallback" => Ok(GazetteerStamp::Fallback),
            Some(("full", d)) if digest(d).is_some() => Ok(GazetteerStamp::Full {
                digest: d.to_string(),
            }),
            Some(("partial", d)) if digest(d).is_some() => Ok(GazetteerStamp::Partial {
                digest: d.to_string(),
            }),
            _ => Err(format!(
                "gazetteer stamp {text:?} is not full:<hex>, partial:<hex> or fallback"
            )),
        }
    }
}

impl Incident {
    /// Best estimate of deaths, 0 when unknown.
    pub fn deaths(&self) -> u32 {
        self.fatalities.map_or(0, |t| t.best)
    }

    /// Deaths of one category (best estimate).
    pub fn killed_in(&self, category: Category) -> Option<TollRange> {
        self.killed.as_ref().and_then(|k| k.get(&category).copied())
    }
}

/// Victim categories for death tolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Civilians,
    Soldiers,
    Peacekeepers,
    Militants,
    Mercenaries,
    Unknown,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Civilians,
        Category::Soldiers,
        Category::Peacekeepers,
        Category::Militants,
        Category::Mercenaries,
        Category::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Civilians => "civilians",
            Category::Soldiers => "soldiers",
            Category::Peacekeepers => "peacekeepers",
            Category::Militants => "militants",
            Category::Mercenaries => "mercenaries",
            Category::Unknown => "unknown",
        }
    }
}

/// ACLED event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EventType {
    #[serde(rename = "Battles")]
    Battles,
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    #[serde(rename = "Explosions/Remote violence")]
    RemoteViolence,
    #[serde(rename = "Riots")]
    Riots,
    #[serde(rename = "Protests")]
    Protests,
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        EventType::Battles,
        EventType::ViolenceAgainstCivilians,
        EventType::RemoteViolence,
        EventType::Riots,
        EventType::Protests,
        EventType::StrategicDevelopments,
    ];

    /// ACLED's name for the type.
    pub fn name(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::RemoteViolence => "Explosions/Remote violence",
            EventType::Riots => "Riots",
            EventType::Protests => "Protests",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }
}

/// How exactly a place or an incident is located.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Locality,
    NearLocality,
    Admin2,
    Admin1,
    Country,
    Foreign,
}

impl Precision {
    /// ACLED `geo_precision`: 1 named town, 2 near a town / part of a region, 3 region only.
    pub fn acled_geo_precision(self) -> u8 {
        match self {
            Precision::Locality => 1,
            Precision::NearLocality | Precision::Admin2 => 2,
            _ => 3,
        }
    }

    /// UCDP `where_prec`: 1 exact place, 2 within 25 km, 3 admin2, 4 admin1, 6 country.
    pub fn ucdp_where_prec(self) -> u8 {
        match self {
            Precision::Locality => 1,
            Precision::NearLocality => 2,
            Precision::Admin2 => 3,
            Precision::Admin1 => 4,
            Precision::Country | Precision::Foreign => 6,
        }
    }

    /// True for places drawn as an area rather than a pin.
    pub fn is_area(self) -> bool {
        matches!(
            self,
            Precision::Admin2 | Precision::Admin1 | Precision::Country
        )
    }
}

/// A place named in the article, resolved (or not) against the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMatch {
    /// The text as written in the article.
    pub mention: String,
    pub span: [usize; 2],
    /// Resolved name (gazetteer's, French when it has one).
    pub name: String,
    pub geonameid: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// Region under the 2023 reform (19 regions), when the cercles are installed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1_2023: Option<String>,
    pub precision: Precision,
}

/// An incident's point on the map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
    pub precision: Precision,
}

/// The text behind an extracted value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Which field it supports: date, fatalities, wounded, captured, missing, actors,
    /// event_type, place.
    pub field: String,
    pub span: [usize; 2],
    pub text: String,
}

impl Evidence {
    pub fn new(field: &str, text: &str, span: Range<usize>) -> Self {
        Evidence {
            field: field.to_string(),
            span: [span.start, span.end],
            text: text.get(span).unwrap_or_default().to_string(),
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.span[0]..self.span[1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_stamps_read_back_as_written() {
        for text in ["full:0123456789abcdef", "partial:00ff", "fallback"] {
            let stamp = GazetteerStamp::try_from(text.to_string()).unwrap();
            assert_eq!(stamp.to_string(), text);
            let json = serde_json::to_string(&stamp).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(
                serde_json::from_str::<GazetteerStamp>(&json).unwrap(),
                stamp
            );
        }
        assert!(GazetteerStamp::try_from("full:".to_string()).is_err());
        assert!(GazetteerStamp::try_from("full:xyz".to_string()).is_err());
        assert!(GazetteerStamp::try_from("embedded".to_string()).is_err());
        assert!(
            GazetteerStamp::try_from("full:ab".to_string())
                .unwrap()
                .is_full()
        );
        assert!(!GazetteerStamp::Fallback.is_full());
    }
}
