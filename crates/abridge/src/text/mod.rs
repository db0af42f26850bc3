//! Text analysis, the crate's leaf module: English sentence segmentation ([`sentences`]) with the
//! one sentence-end rule ([`ends_sentence`]), word tokens ([`tokens`]), and the one language table
//! ([`lang`]: stop words, stemmers, page language). The splitter's word lists are data
//! (`text/vocab/en/*.txt`).

mod charset;
mod dateline;
mod flat;
mod fxhash;
pub(crate) use fxhash::{fx_hash_str, FxHashMap, FxHashSet, FxHasher, PassHasher};
pub mod lang;
mod lexicon;
mod rules;
mod wordset;
pub(crate) use wordset::{entries, WordSet};
pub mod sentences;
pub mod tokens;

pub use dateline::{is_dateline_place, strip_dateline};
pub(crate) use flat::{count_words, joins_hyphenated, joins_unspaced, split_spaces};
pub use flat::{flatten, join_unspaced_lines};
pub(crate) use lang::{is_cjk, is_cjk_or_mark};
pub use sentences::{
    ends_sentence, split, split_in, split_spans, split_spans_in, EndMarks, Sentence,
};
pub use tokens::words;
