//! abridge: summarise collections of news articles and recover the pipe tables and lists buried
//! in scraped text.
//!
//! The pipeline flows one way; each stage is a module:
//! - [`corpus`]: find input files and decode them;
//! - [`markup`]: nom parsers for pipe tables and lists (they know nothing of summaries);
//! - [`output`]: JSON, JSONL, CSV and markdown renderings of the results.
//!
//! ```
//! let text = "Below is a table of the results:\nParty | Seats |\n---|---|\nGreens | 12 |\n";
//! let tables = abridge::markup::tables(text, abridge::markup::Mode::Article);
//! assert_eq!(tables[0].rows[0], ["Greens", "12"]);
//! ```

#![deny(missing_docs)]
pub mod article;
pub mod corpus;
mod error;
pub mod eval;
pub mod extract;
pub mod markup;
pub mod output;
mod par;
pub mod rank;
mod span;
pub mod stories;
pub mod summary;
#[cfg(test)]
mod testing;
pub mod text;
mod timing;

pub use error::{Error, Result};

/// `docs/library.md`, the tutorial, run as doctests so its examples stay true (only under
/// `cargo test`: the file lies outside the packaged crate).
#[cfg(doctest)]
#[doc = include_str!("../../../docs/library.md")]
pub struct LibraryTutorial;
pub use span::Span;
pub use timing::{StageTime, Timings};
