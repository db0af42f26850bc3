//! Text analysis for the summaries: English sentence segmentation ([`sentences`]) and word
//! tokens ([`tokens`]), rule-based and dependency-free.

mod dateline;
mod flat;
pub mod lang;
mod lexicon;
pub mod sentences;
pub mod tokens;

pub use dateline::{is_dateline_place, strip_dateline};
pub use flat::flatten;
pub(crate) use flat::joins_hyphenated;
pub use sentences::{split, split_spans, Sentence};
pub use tokens::words;
