//! Text analysis for the summaries: English sentence segmentation ([`sentences`]) and word
//! tokens ([`tokens`]), rule-based and dependency-free.

pub mod body;
pub mod lang;
mod lexicon;
pub mod sentences;
pub mod tokens;

pub use body::{body_sentences, flatten};
pub use sentences::{split, split_spans, Sentence};
pub use tokens::words;
