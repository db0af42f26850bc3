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

use crate::article::{self, Block, CleanOptions, Date, Vocabulary};
use crate::corpus::{Document, Format};
use crate::markup::{List, Table};
use crate::summary::{self, Budget, SummaryOptions};
use crate::text::lang::{self, Language};
use serde::Serialize;
use std::borrow::Cow;

/// A summary sentence of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordSentence {
    /// The sentence as it reads in the summary.
    pub text: String,
    /// Position in the document's sentence list.
    pub index: usize,
    /// Its relevance score (centrality with the lead prior).
    pub score: f64,
}

/// The single-document summary of a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordSummary {
    /// Number of words.
    pub words: usize,
    /// The sentences, in document order.
    pub sentences: Vec<RecordSentence>,
}

/// Everything abridge knows about one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<'a> {
    /// The name the document is reported under.
    pub source: &'a str,
    /// The ISO 639-1 code of the document's detected language (of its text; of an HTML page's
    /// cleaned text), whose cleaner vocabulary, sentence rules, stop words and stemmer the record
    /// is built with.
    pub language: &'static str,
    /// The article's headline, when found.
    pub title: Option<Cow<'a, str>>,
    /// The publication date, when found.
    pub date: Option<Date>,
    /// Number of sentences of the cleaned article body.
    pub sentences: usize,
    /// The cleaned article's content blocks.
    pub blocks: Vec<Block<'a>>,
    /// Every table of the document (furniture included).
    pub tables: Vec<Table<'a>>,
    /// Every list of the document outside tables (furniture included).
    pub lists: Vec<List<'a>>,
    /// A single-document summary.
    pub summary: RecordSummary,
}

/// Builds the record of `document` with a summary of at most `words` words, in the document's
/// detected language ([`lang::detect_text`]).
///
/// ```
/// use abridge::corpus::Document;
/// let doc = Document::new("a.txt", "Der Stadtrat hat am Dienstag den Bau der Brücke beschlossen. Die Arbeiten beginnen im Frühjahr.");
/// assert_eq!(abridge::extract::extract(&doc, 20).language, "de");
/// ```
pub fn extract(document: &Document, words: usize) -> Record<'_> {
    extract_in(document, words, None)
}

/// [`extract`] in `language`, or when `None` in the document's detected language.
pub fn extract_in(document: &Document, words: usize, language: Option<Language>) -> Record<'_> {
    let text = document.text.as_str();
    let (article, found, language) = match document.format() {
        Format::Html => {
            let (article, found) = article::read_extracted(document);
            let language = language.unwrap_or_else(|| lang::detect_text(&article.to_text()));
            (article, found, language)
        }
        Format::Text => {
            let language = language.unwrap_or_else(|| lang::detect_text(text));
            let found = crate::markup::extract(text, crate::markup::Mode::Article);
            let article = if language == Language::English {
                article::clean_extracted(text, &found)
            } else {
                let options =
                    CleanOptions::default().with_vocabulary(Vocabulary::for_language(language));
                article::clean_extracted_with(text, &found, &options)
            };
            (article, found, language)
        }
    };
    let options = SummaryOptions {
        budget: Budget::Words(words),
        ..SummaryOptions::default()
    }
    .with_language(language);
    let prepared = summary::prepare_cleaned(
        [(document.source.as_str(), text, &article)],
        options.language,
    );
    let sentence_count = prepared.sentences.len();
    let summary = summary::summarize_prepared(&prepared, &options);
    Record {
        source: &document.source,
        language: language.code(),
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
