//! The domain types every layer shares. Depends on nothing else in the crate, so that any
//! module may use it without an upward import.
//!
//! Not here: how values are found in text (`extract`), resolved (`geocode`) or stored
//! (`store`).

pub mod point;

pub use point::{LatLon, distance_km};
