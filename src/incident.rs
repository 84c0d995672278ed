//! The incident record, now in [`crate::model::incident`]; re-exported here so that
//! `crate::incident::…` paths keep working.

pub use crate::model::incident::*;
