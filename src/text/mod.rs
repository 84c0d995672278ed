//! Text for matching: the one accent, case and ligature folding table ([`fold_char`]) and
//! the folds built on it, used by the corpus, dates, numbers, places, names and search.
//! Precomposed ("é") and decomposed ("e" + U+0301) input fold alike: combining marks are
//! dropped, never treated as separators.
//!
//! Not here: tokenizing for a particular job (dates and numbers keep their own tokenizers,
//! which fold each word with this table) or anything about what the words mean.

pub mod fold;

pub use fold::{Folded, Folding, fold, fold_char, fold_key};
