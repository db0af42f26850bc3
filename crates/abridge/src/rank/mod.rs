//! Ranking sentences: similarity graphs, PageRank and the selection of a summary.

pub mod concepts;
pub mod coverage;
pub mod factors;
pub mod pagerank;
pub mod select;
pub mod similarity;
