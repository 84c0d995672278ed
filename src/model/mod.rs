//! The domain types every layer shares: the incident record and its parts (tolls, date
//! precision, categories, event types, place precision codes), points and distances. Depends
//! on nothing else in the crate, so that any module may use it without an upward import
//! (`crate::incident`, `corpus::DatePrecision` and `extract::numbers::TollRange` re-export
//! from here).
//!
//! Not here: how values are found in text (`extract`), resolved (`geocode`) or stored
//! (`store`).

pub mod date;
pub mod incident;
pub mod point;
pub mod toll;

pub use date::DatePrecision;
pub use incident::{
    Category, EventType, Evidence, GazetteerStamp, Incident, Location, PlaceMatch, Precision,
};
pub use point::{LatLon, distance_km};
pub use toll::TollRange;
