//! One stable, readable record per document with everything abridge knows about it: the cleaned
//! article (title, date, blocks), the tables and lists of the whole page, the sentence count and
//! a single-document summary. `abridge extract` prints it; `abridge snapshot` stores and compares
//! it.
//!
//! ```
//! use abridge::corpus::Document;
//! let doc = Document {
//!     source: "a.txt".into(),
//!     text: "Prices by route:\nRoute | Fare |\n---|---|\nNorth | 3 |\nThe council set new ferry fares on Monday. Fares rise in April. Residents were not consulted.\n".into(),
//! };
//! let record = abridge::extract::extract(&doc, 20);
//! assert_eq!(record.tables.len(), 1);
//! assert!(record.summary.words <= 20);
//! ```

#[cfg(feature = "snapshot")]
pub mod snapshot;

use crate::article::{self, Block, Date};
use crate::corpus::Document;
use crate::markup::{List, Table};
use crate::summary::{self, Budget, SummaryOptions};
use serde::Serialize;
use std::borrow::Cow;

/// A summary sentence of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordSentence {
    pub text: String,
    /// Position in the document's sentence list.
    pub index: usize,
    pub score: f64,
}

/// The single-document summary of a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordSummary {
    pub words: usize,
    pub sentences: Vec<RecordSentence>,
}

/// Everything abridge knows about one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<'a> {
    pub source: &'a str,
    pub title: Option<Cow<'a, str>>,
    pub date: Option<Date>,
    /// Number of sentences of the cleaned article body.
    pub sentences: usize,
    pub blocks: Vec<Block<'a>>,
    pub tables: Vec<Table<'a>>,
    pub lists: Vec<List<'a>>,
    pub summary: RecordSummary,
}

/// Builds the record of `document` with a summary of at most `words` words.
pub fn extract(document: &Document, words: usize) -> Record<'_> {
    let text = document.text.as_str();
    let (article, found) = article::read_extracted(document);
    let options = SummaryOptions {
        budget: Budget::Words(words),
        ..SummaryOptions::default()
    };
    let prepared = summary::prepare_cleaned(
        [(document.source.as_str(), text, &article)],
        options.language,
    );
    let sentence_count = prepared.sentences.len();
    let summary = summary::summarize_prepared(&prepared, &options);
    Record {
        source: &document.source,
        title: article.title,
        date: article.date,
        sentences: sentence_count,
        blocks: article.blocks,
        tables: found.tables,
        lists: found.lists,
        summary: RecordSummary {
            words: summary.words,
            sentences: summary
                .sentences
                .into_iter()
                .map(|s| RecordSentence {
                    text: s.text,
                    index: s.index,
                    score: s.score,
                })
                .collect(),
        },
    }
}
