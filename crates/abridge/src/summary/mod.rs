//! Multi-document summaries: cleaned articles → sentences → index terms → similarity graph →
//! centrality (TextRank or LexRank) → non-redundant selection within a budget → order.
//!
//! ```
//! use abridge::corpus::Document;
//! use abridge::summary::{Budget, Summarizer, SummaryOptions};
//! let docs = [
//!     Document::new("a.txt", "The council approved the tidal barrier on Tuesday. The barrier will cost 412 million pounds. Work starts next spring."),
//!     Document::new("b.txt", "Councillors approved a tidal barrier for the port. The barrier cost worried harbour businesses. A levy will fund part of it."),
//! ];
//! let summary = Summarizer::new(SummaryOptions::default().with_budget(Budget::Words(20)))?
//!     .summarize(&docs);
//! assert!(summary.words <= 20 && !summary.sentences.is_empty());
//! # Ok::<(), abridge::Error>(())
//! ```

mod compress;
mod prepare;
mod query;

use crate::corpus::Document;
use crate::rank::concepts::{select_concepts, ConceptOptions};
use crate::rank::coverage::{select_coverage, CoverageOptions};
use crate::rank::factors::CosineFactors;
use crate::rank::pagerank::{pagerank, personalized_pagerank, PageRankOptions, Ranking};
use crate::rank::select::{self, Neighbours, SelectOptions};
use crate::rank::similarity::{Similarity, SimilarityGraph, TermBag};
use crate::text::lang::Language;
use crate::{Error, Timings};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::time::Instant;

pub use compress::{compress, Compression};
pub use prepare::{
    prepare, prepare_cleaned, prepare_with, Prepared, PreparedDocument, PreparedSentence, Preparer,
};

/// How much summary to produce.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Budget {
    /// Whole sentences, at most this many words in all.
    Words(usize),
    /// This many sentences.
    Sentences(usize),
    /// This fraction of the input's sentences (at least one).
    Ratio(f64),
}

/// The order of the summary's sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Order {
    /// By document date when known, else input order, then position in the document.
    #[default]
    Source,
    /// By score, best first.
    Rank,
}

/// The centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub enum Algorithm {
    /// Weighted PageRank over the sentence-similarity graph (Mihalcea and Tarau).
    #[default]
    TextRank,
    /// PageRank over the cosine graph (Erkan and Radev): edges below `threshold` dropped and the
    /// rest weighted 1, or the continuous weighted graph when `threshold` is `None`.
    LexRank {
        /// The cosine below which an edge is dropped; `None` for the continuous graph.
        threshold: Option<f64>,
    },
}

/// How sentences are picked once ranked.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Selection {
    /// Greedy maximal marginal relevance.
    Mmr(SelectOptions),
    /// Greedy coverage plus diversity (Lin and Bilmes); word budgets only, other budgets use MMR.
    Coverage(CoverageOptions),
    /// Greedy concept coverage (Gillick and Favre); word budgets only, other budgets use MMR.
    Concepts(ConceptOptions),
}

impl Selection {
    /// The MMR settings of this selection: its own for MMR; for the others, which take word
    /// budgets only, the MMR they fall back on for other budgets (and whose near-duplicate
    /// threshold fills a truncated word budget).
    pub fn mmr(&self) -> SelectOptions {
        match *self {
            Selection::Mmr(m) => m,
            Selection::Coverage(c) => SelectOptions {
                duplicate_threshold: c.duplicate_threshold,
                ..SelectOptions::default()
            },
            Selection::Concepts(_) => SelectOptions::default(),
        }
    }

    /// Whether this selection reads each sentence's terms in order
    /// ([`PreparedSentence::sequence`]): concept selection does (its concepts are word pairs);
    /// the others read the term bags alone, so their sentences can be prepared without it
    /// ([`Preparer::with_word_order`]).
    pub fn reads_word_order(&self) -> bool {
        matches!(self, Selection::Concepts(_))
    }
}

/// The MMR settings of the default summary, tuned on the DUC 2004 development topics
/// (docs/evaluation.md): novelty weighs slightly more than centrality.
pub const DEFAULT_MMR: SelectOptions = SelectOptions {
    lambda: 0.4,
    duplicate_threshold: 0.6,
};

/// Everything that shapes a summary. Start from [`SummaryOptions::default`] and change fields
/// (or use the `with_*` methods); [`Summarizer::new`] checks them.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct SummaryOptions {
    /// How much summary to produce (default: 100 words).
    pub budget: Budget,
    /// With a word budget: cut the last sentence at exactly the budget, as DUC systems are scored.
    pub truncate: bool,
    /// The order of the summary's sentences.
    pub order: Order,
    /// The centrality measure.
    pub algorithm: Algorithm,
    /// The sentence similarity the graph is built from.
    pub similarity: Similarity,
    /// Language of the stop words and stemmer.
    pub language: Language,
    /// How sentences are picked once ranked.
    pub selection: Selection,
    /// Sentences shorter than this many words, or not ending like a sentence (headings), are
    /// never picked (they still vote in the graph).
    pub min_words: usize,
    /// Weight of the lead prior: a sentence's score is multiplied by
    /// `1 + position_weight / (1 + position)`, position counted from 0 in its document.
    pub position_weight: f64,
    /// How the similarity graph is built (exact or sparse).
    pub graph: GraphMode,
    /// Never pick sentences that quote someone or ask a question: summaries report, they do not
    /// cite (they still vote in the graph).
    pub skip_quotes: bool,
    /// How a question given to [`Summarizer::with_query`] steers the summary.
    pub query: QueryOptions,
    /// Which sentence compression rules run before selection (the summary prints compressed
    /// sentences; each keeps the whole sentence in `original`).
    pub compression: Compression,
}

/// How a question steers a query-focused summary. The defaults were chosen by cross-validation
/// on the DUC 2006 development topics (docs/evaluation.md).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct QueryOptions {
    /// Probability that the walk jumps to a sentence in proportion to its relevance to the
    /// question rather than following a similarity edge (biased LexRank's question bias).
    pub bias: f64,
    /// Exponent of the relevance factor applied to each sentence's score: 0 leaves the scores to
    /// the biased walk alone.
    pub relevance_exponent: f64,
    /// Terms of the documents added to the question (pseudo-relevance feedback).
    pub expansion: usize,
    /// Weight of an added term, relative to the question's own terms.
    pub expansion_weight: f64,
    /// Weight of the lead prior in query-focused summaries (the generic summary's
    /// `position_weight` is tuned for leads, which answer no particular question).
    pub position_weight: f64,
    /// MMR trade-off in query-focused summaries, used when the selection is the default MMR
    /// (an explicitly chosen selection is kept as it is).
    pub lambda: f64,
}

impl Default for QueryOptions {
    fn default() -> Self {
        QueryOptions {
            bias: 0.1,
            relevance_exponent: 0.0,
            expansion: 5,
            expansion_weight: 0.5,
            position_weight: 0.0,
            lambda: 0.5,
        }
    }
}

impl Default for SummaryOptions {
    fn default() -> Self {
        Self {
            budget: Budget::Words(100),
            truncate: false,
            order: Order::Source,
            algorithm: Algorithm::TextRank,
            similarity: Similarity::TfIdfCosine,
            language: Language::English,
            selection: Selection::Mmr(DEFAULT_MMR),
            min_words: 6,
            position_weight: 1.3,
            skip_quotes: true,
            graph: GraphMode::Auto,
            query: QueryOptions::default(),
            compression: Compression::default(),
        }
    }
}

impl SummaryOptions {
    /// These options with `budget`.
    pub fn with_budget(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// These options with truncation of the last sentence on or off.
    pub fn with_truncate(mut self, truncate: bool) -> Self {
        self.truncate = truncate;
        self
    }

    /// These options with the sentence order.
    pub fn with_order(mut self, order: Order) -> Self {
        self.order = order;
        self
    }

    /// These options with the language of stop words and stemmer.
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }

    /// These options with the centrality measure.
    pub fn with_algorithm(mut self, algorithm: Algorithm) -> Self {
        self.algorithm = algorithm;
        self
    }

    /// These options with the selection.
    pub fn with_selection(mut self, selection: Selection) -> Self {
        self.selection = selection;
        self
    }

    /// These options with the sentence compression `rules` ([`Compression::none`]: whole
    /// sentences). They act when documents are prepared, so they reach
    /// [`Summarizer::summarize`]; sentences already prepared keep the rules of their
    /// [`Preparer`].
    pub fn with_compression(mut self, rules: Compression) -> Self {
        self.compression = rules;
        self
    }

    /// Checks every option; the error names the option as the command line does and says why
    /// (the `abridge` command prints exactly this message).
    ///
    /// ```
    /// use abridge::summary::{Budget, SummaryOptions};
    /// let err = SummaryOptions::default().with_budget(Budget::Ratio(5.0)).validate().unwrap_err();
    /// assert_eq!(err.to_string(), "--ratio must be in (0, 1], got 5");
    /// assert!(SummaryOptions::default().validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        let fraction = |option: &'static str, value: f64, zero_ok: bool| {
            let ok = value <= 1.0 && (value > 0.0 || (zero_ok && value == 0.0));
            if ok {
                Ok(())
            } else {
                let range = if zero_ok { "[0, 1]" } else { "(0, 1]" };
                Err(Error::option(
                    option,
                    format!("{option} must be in {range}, got {value}"),
                ))
            }
        };
        match self.budget {
            Budget::Words(0) | Budget::Sentences(0) => {
                return Err(Error::option("budget", "the budget must be at least 1"))
            }
            Budget::Ratio(r) => fraction("--ratio", r, false)?,
            _ => {}
        }
        if self.truncate && !matches!(self.budget, Budget::Words(_)) {
            return Err(Error::option(
                "--truncate",
                "--truncate goes with a word budget (--words)",
            ));
        }
        if let Algorithm::LexRank { threshold: Some(t) } = self.algorithm {
            fraction("--threshold", t, true)?;
        }
        let mmr = self.selection.mmr();
        fraction("--mmr-lambda", mmr.lambda, true)?;
        fraction("--duplicate-threshold", mmr.duplicate_threshold, false)?;
        match self.selection {
            Selection::Coverage(c) => {
                fraction("--duplicate-threshold", c.duplicate_threshold, false)?;
                non_negative("--alpha", c.alpha)?;
                non_negative("--diversity", c.diversity)?;
                non_negative("--cost-exponent", c.cost_exponent)?;
            }
            Selection::Concepts(c) => {
                non_negative("--unigram-weight", c.unigram_weight)?;
                non_negative("--cost-exponent", c.cost_exponent)?;
            }
            Selection::Mmr(_) => {}
        }
        non_negative("--position-weight", self.position_weight)?;
        fraction("--query-bias", self.query.bias, true)?;
        fraction("--query-lambda", self.query.lambda, true)?;
        non_negative("--relevance-exponent", self.query.relevance_exponent)?;
        non_negative("--expansion-weight", self.query.expansion_weight)?;
        non_negative("--query-position-weight", self.query.position_weight)
    }
}

fn non_negative(option: &'static str, value: f64) -> Result<(), Error> {
    if value >= 0.0 && value.is_finite() {
        Ok(())
    } else {
        Err(Error::option(
            option,
            format!("{option} must be a finite number >= 0, got {value}"),
        ))
    }
}

impl Budget {
    /// The budget of the `--words N` / `--sentences N` / `--ratio R` flags (one at most is given;
    /// `sentences`, then `ratio` win): 100 words when none is. [`SummaryOptions::validate`]
    /// checks the values.
    pub fn from_flags(
        words: Option<usize>,
        sentences: Option<usize>,
        ratio: Option<f64>,
    ) -> Budget {
        match (words, sentences, ratio) {
            (_, Some(k), _) => Budget::Sentences(k),
            (_, _, Some(r)) => Budget::Ratio(r),
            (w, _, _) => Budget::Words(w.unwrap_or(100)),
        }
    }
}

/// The selection of `--selection`, by name; its tuning comes from [`SummaryFlags`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SelectionKind {
    /// MMR, except for summaries of [`LONG_SUMMARY_WORDS`] words or more, which take concept
    /// coverage (see [`SelectionKind::for_budget`]).
    #[default]
    Auto,
    /// Greedy maximal marginal relevance ([`Selection::Mmr`]).
    Mmr,
    /// Greedy coverage plus diversity ([`Selection::Coverage`]).
    Coverage,
    /// Greedy concept coverage ([`Selection::Concepts`]).
    Concepts,
}

/// Added to a sentence's relevance to the question wherever relevance weighs it: a sentence with
/// no question term stays rankable (a 250-word summary needs context), far below relevant ones.
const RELEVANCE_FLOOR: f64 = 0.01;

/// The word budget from which [`SelectionKind::Auto`] picks concept coverage over MMR.
///
/// Measured at the two budgets of the DUC tasks (docs/evaluation.md): at 100 words MMR over the
/// TextRank scores leads (DUC 2004 ROUGE-2 9.86 against 8.66 for concepts); at 250 words concept
/// coverage does (DUC 2006 generic 9.91 against 8.31; toward the question, concepts weighted by
/// the sentence's relevance, 10.18 against 9.51; chosen in each of the 5 cross-validation folds
/// of both). A long summary picks ten or more sentences, where covering the cluster's recurring
/// facts matters more than each sentence's centrality. Any threshold between the two budgets
/// gives the same figures; 200 words sits between them.
pub const LONG_SUMMARY_WORDS: usize = 200;

impl SelectionKind {
    /// The selection [`SelectionKind::Auto`] stands for under `budget` (concepts for a word
    /// budget of [`LONG_SUMMARY_WORDS`] or more, else MMR); any other kind is itself.
    ///
    /// ```
    /// use abridge::summary::{Budget, SelectionKind};
    /// assert_eq!(SelectionKind::Auto.for_budget(Budget::Words(100)), SelectionKind::Mmr);
    /// assert_eq!(SelectionKind::Auto.for_budget(Budget::Words(250)), SelectionKind::Concepts);
    /// assert_eq!(SelectionKind::Auto.for_budget(Budget::Sentences(20)), SelectionKind::Mmr);
    /// assert_eq!(SelectionKind::Coverage.for_budget(Budget::Words(50)), SelectionKind::Coverage);
    /// ```
    pub fn for_budget(self, budget: Budget) -> SelectionKind {
        match self {
            SelectionKind::Auto => match budget {
                Budget::Words(w) if w >= LONG_SUMMARY_WORDS => SelectionKind::Concepts,
                _ => SelectionKind::Mmr,
            },
            kind => kind,
        }
    }
}

/// The flags of `abridge summarize` as given (`None`: not given, the default applies). The
/// command and the Python package both turn their arguments into these, and
/// [`SummaryFlags::summarizer`] into a checked [`Summarizer`], so both refuse the same values
/// with the same messages.
///
/// ```
/// use abridge::summary::SummaryFlags;
/// let flags = SummaryFlags { ratio: Some(5.0), ..SummaryFlags::default() };
/// assert_eq!(flags.summarizer().unwrap_err().to_string(), "--ratio must be in (0, 1], got 5");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummaryFlags {
    /// `--words N`.
    pub words: Option<usize>,
    /// `--sentences N`.
    pub sentences: Option<usize>,
    /// `--ratio R`.
    pub ratio: Option<f64>,
    /// `--truncate`.
    pub truncate: bool,
    /// `--order`.
    pub order: Order,
    /// `--algorithm lexrank` (else TextRank).
    pub lexrank: bool,
    /// `--threshold T`: LexRank's edge threshold, 0 for the continuous graph (default 0.1).
    pub threshold: Option<f64>,
    /// `--similarity`.
    pub similarity: Similarity,
    /// `--lang`.
    pub language: Language,
    /// `--selection`.
    pub selection: SelectionKind,
    /// `--alpha` (coverage).
    pub alpha: Option<f64>,
    /// `--diversity` (coverage).
    pub diversity: Option<f64>,
    /// `--cost-exponent` (coverage, concepts).
    pub cost_exponent: Option<f64>,
    /// `--min-documents` (concepts).
    pub min_documents: Option<usize>,
    /// `--unigram-weight` (concepts).
    pub unigram_weight: Option<f64>,
    /// `--graph`.
    pub graph: GraphMode,
    /// `--keep-quotes`.
    pub keep_quotes: bool,
    /// `--query TEXT`.
    pub query: Option<String>,
    /// `--mmr-lambda`.
    pub mmr_lambda: Option<f64>,
    /// `--duplicate-threshold`.
    pub duplicate_threshold: Option<f64>,
    /// `--min-words`.
    pub min_words: Option<usize>,
    /// `--position-weight`.
    pub position_weight: Option<f64>,
    /// `--no-compress`: whole sentences ([`Compression::none`]).
    pub no_compress: bool,
}

/// LexRank's default edge threshold (`--threshold`).
pub const DEFAULT_LEXRANK_THRESHOLD: f64 = 0.1;

impl SummaryFlags {
    /// The summariser of these flags, defaults filled in; refused with the command line's
    /// message when a value is out of range.
    pub fn summarizer(&self) -> Result<Summarizer, Error> {
        let budget = Budget::from_flags(self.words, self.sentences, self.ratio);
        let selection = match self.selection.for_budget(budget) {
            SelectionKind::Auto | SelectionKind::Mmr => Selection::Mmr(SelectOptions::new(
                self.mmr_lambda.unwrap_or(DEFAULT_MMR.lambda),
                self.duplicate_threshold
                    .unwrap_or(DEFAULT_MMR.duplicate_threshold),
            )),
            SelectionKind::Coverage => {
                let mut c = CoverageOptions::default();
                c.alpha = self.alpha.unwrap_or(c.alpha);
                c.diversity = self.diversity.unwrap_or(c.diversity);
                c.cost_exponent = self.cost_exponent.unwrap_or(c.cost_exponent);
                c.duplicate_threshold = self.duplicate_threshold.unwrap_or(c.duplicate_threshold);
                Selection::Coverage(c)
            }
            SelectionKind::Concepts => {
                let mut c = ConceptOptions::default();
                c.min_documents = self.min_documents.unwrap_or(c.min_documents);
                c.unigram_weight = self.unigram_weight.unwrap_or(c.unigram_weight);
                c.cost_exponent = self.cost_exponent.unwrap_or(c.cost_exponent);
                Selection::Concepts(c)
            }
        };
        let algorithm = if self.lexrank {
            let t = self.threshold.unwrap_or(DEFAULT_LEXRANK_THRESHOLD);
            Algorithm::LexRank {
                threshold: (t > 0.0).then_some(t),
            }
        } else {
            Algorithm::TextRank
        };
        let mut options = SummaryOptions::default()
            .with_budget(budget)
            .with_truncate(self.truncate)
            .with_selection(selection)
            .with_language(self.language)
            .with_order(self.order)
            .with_algorithm(algorithm);
        if let Some(n) = self.min_words {
            options.min_words = n;
        }
        if let Some(w) = self.position_weight {
            options.position_weight = w;
        }
        options.similarity = self.similarity;
        options.skip_quotes = !self.keep_quotes;
        options.graph = self.graph;
        if self.no_compress {
            options.compression = Compression::none();
        }
        let summarizer = Summarizer::new(options)?;
        match &self.query {
            Some(query) => summarizer.with_query(query),
            None => Ok(summarizer),
        }
    }
}

/// A summariser with checked options: the library's front door to summaries.
///
/// ```
/// use abridge::corpus::Document;
/// use abridge::summary::{Budget, Summarizer, SummaryOptions};
/// let docs = [
///     Document::new("a.txt", "The council approved the tidal barrier on Tuesday. The barrier will cost 412 million pounds. Work starts next spring."),
///     Document::new("b.txt", "Councillors approved a tidal barrier for the port. The barrier cost worried harbour businesses. A levy will fund part of it."),
/// ];
/// let summarizer = Summarizer::new(SummaryOptions::default().with_budget(Budget::Words(20)))?;
/// let summary = summarizer.summarize(&docs);
/// assert!(summary.words <= 20 && !summary.sentences.is_empty());
/// // Invalid options are refused with the message the command line prints.
/// assert!(Summarizer::new(SummaryOptions::default().with_budget(Budget::Words(0))).is_err());
/// # Ok::<(), abridge::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Summarizer {
    options: SummaryOptions,
    /// The question's index terms, for a query-focused summary.
    query: Option<Vec<String>>,
}

impl Summarizer {
    /// A summariser, once `options` pass [`SummaryOptions::validate`].
    pub fn new(options: SummaryOptions) -> Result<Summarizer, Error> {
        options.validate()?;
        Ok(Summarizer {
            options,
            query: None,
        })
    }

    /// This summariser focused on a question: relevance to it joins the ranking (a walk that
    /// jumps to relevant sentences, and each sentence's relevance in its score), and each
    /// summary sentence reports its `relevance`. Refused when the question has no content word
    /// (only stop words or punctuation).
    ///
    /// ```
    /// use abridge::corpus::Document;
    /// use abridge::summary::{Budget, Summarizer, SummaryOptions};
    /// let docs = [Document::new("a.txt", "The storm closed the harbour on Monday. \
    ///     Ferry services to the islands were cancelled for two days. \
    ///     The council said repairs to the sea wall would cost four million pounds.")];
    /// let summary = Summarizer::new(SummaryOptions::default().with_budget(Budget::Sentences(1)))?
    ///     .with_query("How much will the repairs cost?")?
    ///     .summarize(&docs);
    /// assert!(summary.sentences[0].text.contains("four million"));
    /// assert!(summary.sentences[0].relevance.unwrap() > 0.0);
    /// # Ok::<(), abridge::Error>(())
    /// ```
    pub fn with_query(mut self, query: &str) -> Result<Summarizer, Error> {
        let terms = query::query_terms(query, self.options.language);
        if terms.is_empty() {
            return Err(Error::option(
                "--query",
                format!("--query has no content word to look for: {query:?}"),
            ));
        }
        self.query = Some(terms);
        Ok(self)
    }

    /// The options it was made with.
    pub fn options(&self) -> &SummaryOptions {
        &self.options
    }

    /// With a question ([`Summarizer::with_query`]): each prepared sentence's relevance to it
    /// (TF-IDF cosine with the question and its expansion, 0 to 1); `None` without one.
    pub fn relevance(&self, prepared: &Prepared) -> Option<Vec<f64>> {
        let terms = self.query.as_deref()?;
        Some(query::relevance_to_query(
            prepared,
            terms,
            self.options.query.expansion,
            self.options.query.expansion_weight,
        ))
    }

    /// Summarises `documents` (one or many) into one summary.
    pub fn summarize(&self, documents: &[Document]) -> Summary {
        let prepared = prepare_with(documents, self.options.language, self.options.compression);
        self.summarize_prepared(&prepared)
    }

    /// Summarises sentences already prepared (see [`Preparer`]), for inputs read in batches.
    pub fn summarize_prepared(&self, prepared: &Prepared) -> Summary {
        self.summarize_prepared_timed(prepared, &mut Timings::new())
    }

    /// [`Summarizer::summarize_prepared`], adding the wall time of each stage (`query`,
    /// `graph`, `rank`, `select`) to `timings`.
    ///
    /// ```
    /// use abridge::corpus::Document;
    /// use abridge::summary::{prepare, Summarizer, SummaryOptions};
    /// let docs = [Document::new("a.txt", "The river rose overnight. Families left their homes.")];
    /// let prepared = prepare(&docs, Default::default());
    /// let mut timings = abridge::Timings::new();
    /// let summarizer = Summarizer::new(SummaryOptions::default()).unwrap();
    /// let summary = summarizer.summarize_prepared_timed(&prepared, &mut timings);
    /// assert!(!summary.sentences.is_empty());
    /// assert!(timings.stages().iter().any(|s| s.stage == "rank"));
    /// ```
    pub fn summarize_prepared_timed(&self, prepared: &Prepared, timings: &mut Timings) -> Summary {
        summarize_toward(prepared, &self.options, self.query.as_deref(), timings)
    }
}

/// One sentence of a summary, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence {
    /// The sentence (cut at the budget when truncated).
    pub text: String,
    /// The document it comes from.
    pub source: String,
    /// Position of the sentence in its document's sentence list (from 0).
    pub index: usize,
    /// The whole sentence, when `text` is its compressed form (see [`Compression`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// Its relevance score (centrality with the lead prior).
    pub score: f64,
    /// In a query-focused summary: its relevance to the question (TF-IDF cosine with the
    /// question and its expansion, 0 to 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relevance: Option<f64>,
}

/// A summary of one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The documents summarised, in input order.
    pub sources: Vec<String>,
    /// Number of words of the summary.
    pub words: usize,
    /// The summary's sentences, in the requested order.
    pub sentences: Vec<SummarySentence>,
}

/// How the sentence graph is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum GraphMode {
    /// Exact up to [`EXACT_LIMIT`] sentences, sparse above.
    #[default]
    Auto,
    /// Every pair of sentences sharing a term.
    Exact,
    /// Top-k neighbours per sentence from the rarer terms (see
    /// [`SimilarityGraph::build_sparse`]).
    Sparse,
}

/// Above this many sentences the graph keeps only each sentence's strongest neighbours.
pub const EXACT_LIMIT: usize = 4000;
/// Neighbours kept per sentence in the sparse graph.
pub(crate) const TOP_K: usize = 50;
/// In the sparse graph, terms found in more sentences than this propose no candidate pairs: the
/// candidate search then costs at most `terms × MAX_DF` per sentence, linear in the input.
pub(crate) const MAX_DF: usize = 150;

/// The similarity graph of the prepared sentences.
pub fn sentence_graph(
    prepared: &Prepared,
    similarity: Similarity,
    mode: GraphMode,
) -> SimilarityGraph {
    let bags: Vec<&TermBag> = prepared.sentences.iter().map(|s| &s.bag).collect();
    if is_sparse(bags.len(), mode) {
        SimilarityGraph::build_sparse(&bags, prepared.vocabulary, similarity, TOP_K, MAX_DF)
    } else {
        SimilarityGraph::build(&bags, prepared.vocabulary, similarity)
    }
}

/// Whether `mode` builds the sparse graph for `n` sentences.
fn is_sparse(n: usize, mode: GraphMode) -> bool {
    match mode {
        GraphMode::Auto => n > EXACT_LIMIT,
        GraphMode::Exact => false,
        GraphMode::Sparse => true,
    }
}

/// Centrality scores of the prepared sentences, and the graph used for redundancy.
pub fn centrality(prepared: &Prepared, options: &SummaryOptions) -> (SimilarityGraph, Vec<f64>) {
    let (graph, scores, _) = centrality_toward(prepared, options, None, true, &mut Timings::new());
    (graph, scores)
}

/// [`centrality`], with the walk's jumps biased toward sentences relevant to a question when
/// `relevance` is given (biased LexRank): the walk then follows an edge with probability
/// `1 - options.query.bias` and otherwise jumps in proportion to relevance.
fn centrality_toward<'p>(
    prepared: &'p Prepared,
    options: &SummaryOptions,
    relevance: Option<&[f64]>,
    need_graph: bool,
    timings: &mut Timings,
) -> (SimilarityGraph, Vec<f64>, Option<CosineFactors<'p>>) {
    // The sparse graph keeps each sentence's strongest neighbours, enough to tell repeats apart,
    // but centrality is the sum of many weak edges: the cosine walk runs on the complete graph
    // through its factors instead, in linear time (rank::factors).
    let complete_cosine = options.similarity == Similarity::TfIdfCosine
        && is_sparse(prepared.sentences.len(), options.graph)
        && matches!(
            options.algorithm,
            Algorithm::TextRank | Algorithm::LexRank { threshold: None }
        );
    if complete_cosine {
        // Built only for a selection that reads its edges (coverage): the walk and MMR do not.
        let start = Instant::now();
        let graph = if need_graph {
            sentence_graph(prepared, options.similarity, options.graph)
        } else {
            SimilarityGraph { rows: Vec::new() }
        };
        let factors = CosineFactors::new(
            prepared.sentences.iter().map(|s| &s.bag),
            prepared.vocabulary,
        );
        timings.add("graph", true, start.elapsed());
        let start = Instant::now();
        let ranking = match relevance.filter(|r| r.iter().any(|&x| x > 0.0)) {
            None => pagerank(&factors, PageRankOptions::default()),
            Some(r) => {
                let pagerank_options = PageRankOptions {
                    damping: 1.0 - options.query.bias,
                    ..PageRankOptions::default()
                };
                personalized_pagerank(&factors, pagerank_options, Some(r))
            }
        };
        timings.add("rank", true, start.elapsed());
        return (graph, ranking.scores.to_vec(), Some(factors));
    }
    let start = Instant::now();
    let graph = sentence_graph(prepared, options.similarity, options.graph);
    let walk = match options.algorithm {
        Algorithm::TextRank => None,
        Algorithm::LexRank { threshold } => {
            let cosine = (options.similarity != Similarity::TfIdfCosine)
                .then(|| sentence_graph(prepared, Similarity::TfIdfCosine, options.graph));
            match threshold {
                Some(t) => Some(cosine.as_ref().unwrap_or(&graph).thresholded(t, true)),
                // Continuous LexRank walks the cosine graph as it is.
                None => cosine,
            }
        }
    };
    let walked = walk.as_ref().unwrap_or(&graph);
    timings.add("graph", true, start.elapsed());
    let start = Instant::now();
    let ranking = match relevance.filter(|r| r.iter().any(|&x| x > 0.0)) {
        None => rank_graph(walked),
        Some(r) => {
            let pagerank_options = PageRankOptions {
                damping: 1.0 - options.query.bias,
                ..PageRankOptions::default()
            };
            personalized_pagerank(&walked.to_csr(), pagerank_options, Some(r))
        }
    };
    timings.add("rank", true, start.elapsed());
    (graph, ranking.scores.to_vec(), None)
}

/// PageRank over the graph in CSR form. The dense ndarray form (`graph.to_dense()`, also a
/// [`crate::rank::pagerank::WeightGraph`]) was measured against it at 100 to 1,500 sentences
/// (`cargo bench --bench stages`, `rank/*`) and was slower at every size (170 µs against 53 µs at
/// 100 sentences, 144 ms against 7 ms at 1,500): sentence graphs are sparse enough that walking
/// only the edges wins.
fn rank_graph(graph: &SimilarityGraph) -> Ranking {
    pagerank(&graph.to_csr(), PageRankOptions::default())
}

/// Summarises `documents` (one or many) into one summary.
pub fn summarize(documents: &[Document], options: &SummaryOptions) -> Summary {
    let prepared = prepare_with(documents, options.language, options.compression);
    summarize_prepared(&prepared, options)
}

/// Summarises already prepared sentences.
pub fn summarize_prepared(prepared: &Prepared, options: &SummaryOptions) -> Summary {
    summarize_toward(prepared, options, None, &mut Timings::new())
}

/// Summarises prepared sentences, toward a question when `query` (its index terms) is given.
fn summarize_toward(
    prepared: &Prepared,
    options: &SummaryOptions,
    query: Option<&[String]>,
    timings: &mut Timings,
) -> Summary {
    let sources: Vec<String> = prepared
        .documents
        .iter()
        .map(|d| d.source.clone())
        .collect();
    let n = prepared.sentences.len();
    if n == 0 {
        return Summary {
            sources,
            words: 0,
            sentences: Vec::new(),
        };
    }
    let start = Instant::now();
    let to_query = query.map(|terms| {
        query::relevance_to_query(
            prepared,
            terms,
            options.query.expansion,
            options.query.expansion_weight,
        )
    });
    if to_query.is_some() {
        timings.add("query", false, start.elapsed());
    }
    let needs_edges = matches!(options.selection, Selection::Coverage(_));
    let (graph, centrality, factors) =
        centrality_toward(prepared, options, to_query.as_deref(), needs_edges, timings);
    let start = Instant::now();
    // Repeats are judged on exact similarities: the complete cosine graph's when the walk used it
    // (a sparse graph misses the weaker similarities MMR weighs), the graph's otherwise.
    let similar: &dyn Neighbours = match &factors {
        Some(f) => f,
        None => &graph,
    };
    let mut effective = *options;
    if to_query.is_some() {
        effective.position_weight = options.query.position_weight;
        if options.selection == Selection::Mmr(DEFAULT_MMR) {
            effective.selection = Selection::Mmr(SelectOptions {
                lambda: options.query.lambda,
                ..DEFAULT_MMR
            });
        }
    }
    let Relevance {
        prior,
        mut scores,
        mut eligible,
    } = relevance(prepared, &centrality, &effective);
    // Which sentences may be picked is decided on every thread (`relevance`); the picking that
    // follows is on one.
    timings.add("relevance", true, start.elapsed());
    let start = Instant::now();
    if let Some(r) = &to_query {
        let e = options.query.relevance_exponent;
        if e > 0.0 && r.iter().any(|&x| x > 0.0) {
            for ((score, pick), &x) in scores.iter_mut().zip(eligible.iter_mut()).zip(r) {
                // A floor keeps sentences with no question term rankable (a summary of 250
                // words needs context), far below the relevant ones.
                let factor = (x + RELEVANCE_FLOOR).powf(e);
                *score *= factor;
                *pick *= factor;
            }
        }
    }
    let words: Vec<usize> = prepared.sentences.iter().map(|s| s.words).collect();
    let budget = match options.budget {
        Budget::Words(w) => select::Quota::Words(w),
        Budget::Sentences(k) => select::Quota::Sentences(k),
        Budget::Ratio(r) => {
            select::Quota::Sentences(((n as f64 * r.clamp(0.0, 1.0)).round() as usize).max(1))
        }
    };
    let mut picked = match (effective.selection, budget) {
        (Selection::Coverage(c), select::Quota::Words(limit)) => {
            let part: Vec<usize> = prepared.sentences.iter().map(|s| s.document).collect();
            select_coverage(&graph, &eligible, &words, &part, limit, c)
        }
        (Selection::Concepts(c), select::Quota::Words(limit)) => {
            let (concepts, weights) = concepts_of(prepared, c);
            let top_eligible = eligible
                .iter()
                .copied()
                .fold(0.0f64, f64::max)
                .max(f64::MIN_POSITIVE);
            // Toward a question, a sentence's concepts are worth its relevance to it (the
            // floor keeps context sentences pickable, far below the relevant ones).
            let bonus: Vec<f64> = eligible
                .iter()
                .zip(&prior)
                .enumerate()
                .map(|(i, (&e, &p))| match &to_query {
                    _ if e <= 0.0 => 0.0,
                    Some(r) => p * (r.get(i).copied().unwrap_or(0.0) + RELEVANCE_FLOOR),
                    None if c.centrality_exponent > 0.0 => {
                        (e / top_eligible).powf(c.centrality_exponent)
                    }
                    None => p,
                })
                .collect();
            let covering =
                select_concepts(&concepts, &weights, &words, &bonus, limit, c.cost_exponent);
            // Once every concept is covered (a small cluster), MMR fills what is left of the
            // budget, as a reader asking for N words expects.
            let mmr = effective.selection.mmr();
            select::select_after(&eligible, &words, similar, budget, mmr, &covering)
        }
        // MMR, and the fallback of the others for budgets they do not take.
        (selection, _) => select::select(&eligible, &words, similar, budget, selection.mmr()),
    };
    if picked.is_empty() {
        // Nothing fits whole (or nothing is long enough): take the best sentence anyway.
        if let Some(best) =
            best_index(&eligible, |_| true).or_else(|| best_index(&scores, |_| true))
        {
            picked.push(best);
        }
    }
    let mut chosen: Vec<(usize, String)> = picked
        .iter()
        .map(|&i| (i, prepared.sentences[i].text.clone()))
        .collect();
    let cut = match options.budget {
        Budget::Words(limit) => {
            fit_words(&mut chosen, prepared, similar, &eligible, limit, &effective)
        }
        _ => None,
    };
    match options.order {
        // Dated documents first in date order, then the rest in input order.
        Order::Source => chosen.sort_by_key(|&(i, _)| {
            let s = &prepared.sentences[i];
            let date = prepared.documents[s.document].date;
            (date.is_none(), date, s.document, s.index)
        }),
        Order::Rank => {
            chosen.sort_by(|&(a, _), &(b, _)| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)))
        }
    }
    // A sentence cut to fill the budget ends the summary, whatever the order: read in the
    // middle, its last words would run into the next sentence.
    if let Some(cut) = cut {
        if let Some(at) = chosen.iter().position(|&(i, _)| i == cut) {
            let last = chosen.remove(at);
            chosen.push(last);
        }
    }
    let sentences: Vec<SummarySentence> = chosen
        .into_iter()
        .map(|(i, text)| {
            let s = &prepared.sentences[i];
            SummarySentence {
                text,
                source: prepared.documents[s.document].source.clone(),
                index: s.index,
                original: s.original.clone(),
                score: round6(scores[i]),
                relevance: to_query.as_ref().map(|r| round6(r[i])),
            }
        })
        .collect();
    timings.add("select", false, start.elapsed());
    Summary {
        sources,
        words: sentences.iter().map(|s| word_count(&s.text)).sum(),
        sentences,
    }
}

/// What the selection sees of each sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Relevance {
    /// The lead prior: a sentence's weight by its position in its document.
    pub prior: Vec<f64>,
    /// Centrality times the prior.
    pub scores: Vec<f64>,
    /// The score, or 0 for a sentence that may not be picked (short, not ending like a
    /// sentence, or — unless quotes are kept — a quote or a question).
    pub eligible: Vec<f64>,
}

/// The [`Relevance`] of the prepared sentences, from their centrality.
pub fn relevance(prepared: &Prepared, centrality: &[f64], options: &SummaryOptions) -> Relevance {
    let prior: Vec<f64> = prepared
        .sentences
        .iter()
        .map(|s| 1.0 + options.position_weight / (1.0 + s.position as f64))
        .collect();
    let scores: Vec<f64> = centrality.iter().zip(&prior).map(|(c, p)| c * p).collect();
    let eligible = crate::par::map_indices(
        scores.len(),
        || (),
        |_, i| {
            let s = &prepared.sentences[i];
            let may_pick = s.words >= options.min_words
                && ends_like_a_sentence(&s.text)
                && (!options.skip_quotes || !is_quote(&s.text));
            if may_pick {
                scores[i]
            } else {
                0.0
            }
        },
    );
    Relevance {
        prior,
        scores,
        eligible,
    }
}

/// Fewest words a sentence cut by `--truncate` must keep: a shorter stub (`CHICAGO`, `The
/// council said`) tells a reader nothing, so the budget is left unfilled instead.
pub(crate) const MIN_CUT_WORDS: usize = 3;

/// Makes a word-budget summary exact: with `truncate`, the best sentence not yet used (and not a
/// near-duplicate of one used) is cut to fill the budget, unless fewer than [`MIN_CUT_WORDS`]
/// would remain; a lone sentence over the budget is cut in any case. Returns the sentence that
/// was cut, if any.
fn fit_words(
    chosen: &mut Vec<(usize, String)>,
    prepared: &Prepared,
    graph: &dyn Neighbours,
    eligible: &[f64],
    limit: usize,
    options: &SummaryOptions,
) -> Option<usize> {
    let used: usize = chosen.iter().map(|(_, t)| word_count(t)).sum();
    if used > limit {
        let (i, text) = chosen.last_mut()?;
        *text = first_words(text, limit);
        return Some(*i);
    }
    if !options.truncate || limit - used < MIN_CUT_WORDS {
        return None;
    }
    let threshold = options.selection.mmr().duplicate_threshold;
    let repeats = |j: usize| {
        chosen.iter().any(|&(i, _)| {
            i == j
                || prepared.sentences[i].text == prepared.sentences[j].text
                || graph.similarity(i, j) >= threshold
        })
    };
    let next = best_index(eligible, |j| !repeats(j))?;
    let cut = first_words(&prepared.sentences[next].text, limit - used);
    if cut.is_empty() {
        return None;
    }
    chosen.push((next, cut));
    Some(next)
}

/// Concept ids per sentence and concept weights: content-word bigrams (and, when weighted,
/// words) weighted by the number of documents containing them.
fn concepts_of(prepared: &Prepared, options: ConceptOptions) -> (Vec<Vec<u32>>, Vec<f64>) {
    let mut ids: HashMap<(u32, u32), u32> = HashMap::new();
    let mut documents: Vec<HashSet<usize>> = Vec::new();
    let mut is_unigram: Vec<bool> = Vec::new();
    let mut per_sentence = Vec::with_capacity(prepared.sentences.len());
    const WORD: u32 = u32::MAX;
    const WORD_FOR_PAIRS: u32 = u32::MAX - 1;
    for s in &prepared.sentences {
        let mut keys: Vec<(u32, u32)> = s.sequence.windows(2).map(|w| (w[0], w[1])).collect();
        if options.unigram_weight > 0.0 {
            keys.extend(s.sequence.iter().map(|&t| (t, WORD)));
        }
        if s.sequence.is_empty() {
            // Prepared without the word order (`Preparer::with_word_order`): no word pairs,
            // so the words stand for them, weighed as pairs are.
            keys.extend(s.bag.terms.iter().map(|&(t, _)| (t, WORD_FOR_PAIRS)));
        }
        let mut mine = Vec::with_capacity(keys.len());
        for key in keys {
            let next = ids.len() as u32;
            let id = *ids.entry(key).or_insert(next);
            if id as usize == documents.len() {
                documents.push(HashSet::new());
                is_unigram.push(key.1 == WORD);
            }
            documents[id as usize].insert(s.document);
            mine.push(id);
        }
        per_sentence.push(mine);
    }
    let weights = documents
        .iter()
        .zip(&is_unigram)
        .map(|(d, &uni)| {
            if d.len() < options.min_documents {
                0.0
            } else if uni {
                options.unigram_weight * d.len() as f64
            } else {
                d.len() as f64
            }
        })
        .collect();
    (per_sentence, weights)
}

/// Headings, captions and list fragments do not end with a full stop, `!` or `?` (closing quotes
/// and brackets aside): they may vote in the graph but never make a summary sentence.
fn ends_like_a_sentence(text: &str) -> bool {
    crate::text::ends_sentence(text, crate::text::EndMarks::SUMMARY)
}

/// A sentence that quotes (straight, curly or TeX-style quote marks) or asks.
fn is_quote(text: &str) -> bool {
    // By bytes (`compress::has_quote`): a search for any of three characters decoded every
    // character (1% of `extract`'s instructions).
    compress::has_quote(text) || text.ends_with('?')
}

/// The highest positive score among the sentences `allowed` accepts; ties go to the earlier one.
fn best_index(scores: &[f64], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if s > 0.0 && best.is_none_or(|b| s > scores[b]) && allowed(i) {
            best = Some(i);
        }
    }
    best
}

/// Whitespace-separated words, as ROUGE counts them.
pub fn word_count(text: &str) -> usize {
    crate::text::count_words(text)
}

fn first_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scores are printed rounded so that summaries compare equal across platforms.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
