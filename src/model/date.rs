//! How precisely a date is known (ACLED `time_precision`, UCDP `date_prec`).
//!
//! Not here: finding dates in text (`extract::dates`, `corpus::metadata`).

/// How precisely a date is known.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    Default,
)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
    #[default]
    Unknown,
}
