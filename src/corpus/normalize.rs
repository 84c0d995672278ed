//! Folding of French text for matching: now [`crate::text`], re-exported here so that
//! `corpus::normalize::{fold, fold_key, Folded}` keep working.

pub use crate::text::{Folded, fold, fold_key};
