//! Ranking sentences: similarity graphs, PageRank and the selection of a summary.

pub mod pagerank;
