//! Flags and their validation.

use abridge::text::lang::Language;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "abridge",
    version,
    about = "Summarise collections of news articles and recover the pipe tables and lists in scraped text",
    long_about = "Summarise collections of news articles and recover the pipe tables and lists in \
scraped text.\n\nEvery command takes files and directories (walked recursively in sorted order; \
*.txt, *.md and *.markdown by default) or '-' for standard input, which is also read when no PATH \
is given. Results go to standard output, warnings and errors to standard error.\n\nExit status: 0 \
when every input was processed, 1 when some input failed (the others still produce output), 2 for \
usage errors."
)]
pub struct Cli {
    /// Do not print warnings or the progress bar (errors are still printed).
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Worker threads for per-document work and graph building (default: one per core), 1 to
    /// 256. The output is the same for any number.
    #[arg(long, global = true, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<u64>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Recover the pipe tables of each document (GFM, plus recovery for scraped text).
    #[command(
        long_about = "Recover the pipe tables of each document.\n\nBy default (article \
mode) a table is a line with a pipe followed by a delimiter row (---|---, en/em dashes allowed); it \
may be glued to the sentence before it and ends at the first line without a pipe. Its caption is a \
'Table:'/'Table N:' line next to it, or the last sentence before it when that ends with ':' or \
mentions a table. --strict follows GitHub Flavored Markdown exactly."
    )]
    Tables(TablesArgs),
    /// Recover the bullet and ordered lists of each document.
    #[command(
        long_about = "Recover the bullet and ordered lists of each document.\n\nItems start \
with -, *, +, •, ◦, ▪, ‣ or – followed by a space, or 1. / 1); a list may start right after a \
paragraph line, nests by indentation, joins indented continuation lines, and ends at the first \
non-indented line that is not an item. Items shaped 'Term: description' get term and description."
    )]
    Lists(ListsArgs),
    /// Drop page furniture and print the article: title, date and content blocks.
    #[command(
        long_about = "Drop page furniture (menus, bylines, trending and related-headline \
lists, share and contact lines, footers) and print the article: title, date (YYYY-MM-DD) and \
content blocks (headings, paragraphs, lists, tables). Hard-wrapped paragraphs are re-joined."
    )]
    Clean(CleanArgs),
    /// Split each document into sentences (of the cleaned article body, or of the raw input).
    #[command(
        long_about = "Split each document into sentences with abridge's rule-based English \
segmenter: abbreviations, initials, decimals and times, ellipses, quotes and brackets after the \
stop, lists, a missing space after the stop (landscape.as the), headings kept apart from the next \
sentence, hard-wrapped lines re-joined. By default the cleaned article body is segmented \
(headings, paragraphs and list items; page furniture and tables left out); --raw segments the \
input as it is. Spans are byte offsets into the decoded input."
    )]
    Sentences(SentencesArgs),
    /// Summarise one document, or several as one multi-document summary.
    #[command(
        long_about = "Summarise one document, or several (files or a directory) as one \
multi-document summary. Each article is cleaned (page furniture never reaches the ranking) and split \
into sentences; sentences are compared (TF-IDF cosine by default), ranked by centrality (TextRank or \
LexRank) and picked greedily within the budget, skipping sentences too similar to one already \
picked (republished wire copy, repeated facts). Output is deterministic: the same inputs give the \
same bytes."
    )]
    Summarize(SummarizeArgs),
    /// Group a mixed collection of articles into stories and summarise each.
    #[command(
        long_about = "Group a mixed collection of articles into stories (articles reporting \
the same event) and summarise each with the summariser of 'abridge summarize'. Articles are \
compared by their distinctive terms (TF-IDF, headline, lead and names weighted up; candidate pairs \
from an inverted index, never all pairs) and grouped by average-link clustering: clusters merge \
while their mean similarity reaches the threshold and, for the closer calls, their articles' \
nearest neighbours join them. An article that matches no other is a story of its \
own. Republished copies join their story and count once in its summary. Stories come largest \
first; the output is the same for any input order and any --threads."
    )]
    Stories(StoriesArgs),
    /// Print one record per document with everything abridge knows about it.
    #[command(
        long_about = "Print one record per document with everything abridge knows about \
it: source, title, date, the cleaned article's blocks, the page's tables and lists, the number of \
sentences and a single-document summary. --format jsonl streams one record per line in input \
order, so it composes with jq, xargs -P, GNU parallel and the pipe stages of batch engines."
    )]
    Extract(ExtractArgs),
    /// Store each document's extract record in a folder, or compare with what is stored there.
    #[command(
        long_about = "Snapshot regression for pipelines. The first run (or --update) writes \
one snapshot file per input document into DIR (pretty JSON of the extract record, headed by the \
abridge version and the options used), and one of the multi-document summary when a directory is \
given. Later runs compare: a unified diff for every changed document, the inputs without a \
snapshot and the snapshots whose input is gone; exit status 1 when anything differs, 0 when all \
match. Snapshots are staged whole before any is renamed into place: a run that fails while \
writing leaves DIR as it was."
    )]
    Snapshot(SnapshotArgs),
    /// Score summaries against reference summaries with ROUGE-1, ROUGE-2 and ROUGE-L, as ROUGE-1.5.5.
    #[command(
        long_about = "Score summaries against reference summaries with ROUGE-1, ROUGE-2 and \
ROUGE-L recall, precision and F1, computed as ROUGE-1.5.5 does with -n 2 -m -f A: peer and \
references truncated before tokenising, Porter stemming of tokens longer than 3 characters, counts \
pooled over a topic's references, plain mean over topics. References are grouped by topic from \
their file names (TOPIC.*); a summary is named TOPIC or TOPIC.txt."
    )]
    Eval(EvalArgs),
}

/// Where inputs come from and where results go.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories to read; '-' (or nothing) reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// File pattern for directory walks, e.g. '*.txt' or 'news/**/*.html' (repeatable; replaces
    /// the defaults *.txt, *.md, *.markdown, *.html, *.htm).
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,

    /// Write results to FILE instead of stdout: atomically (a temporary file renamed into place,
    /// through a symlink to the file it leads to); a FIFO or device such as /dev/null is written
    /// to directly.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TablesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TablesFormat::Json)]
    pub format: TablesFormat,

    /// Follow GitHub Flavored Markdown exactly (cmark-gfm) instead of recovering scraped tables.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct ListsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ListsFormat::Json)]
    pub format: ListsFormat,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CleanFormat::Text)]
    pub format: CleanFormat,

    /// Text format: leave the title out and print the article body alone (as extraction
    /// benchmarks and extractors such as trafilatura give it). JSON keeps the title in its field.
    #[arg(long)]
    pub no_title: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,

    /// Word budget of each document's summary.
    #[arg(long, value_name = "N", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub words: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON array of records.
    Json,
    /// One record per line, in input order.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Folder of the snapshot files.
    #[arg(long, value_name = "SNAPDIR")]
    pub dir: PathBuf,

    /// Rewrite the snapshots from the current results (and delete those whose input is gone).
    #[arg(long)]
    pub update: bool,

    /// Word budget of the summaries.
    #[arg(long, value_name = "N", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub words: u64,
}

#[derive(Debug, Args)]
pub struct SummarizeArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Word budget: whole sentences, never more than N words in all (the default, 100).
    #[arg(long, value_name = "N", group = "budget")]
    pub words: Option<usize>,

    /// Sentence budget: N sentences.
    #[arg(long, value_name = "N", group = "budget")]
    pub sentences: Option<usize>,

    /// Ratio budget: this fraction of the input's sentences, at least one (0 < R <= 1).
    #[arg(long, value_name = "R", group = "budget")]
    pub ratio: Option<f64>,

    /// With --words: cut the last sentence at exactly N words (as DUC systems are scored).
    #[arg(long)]
    pub truncate: bool,

    /// Order of the summary's sentences.
    #[arg(long, value_enum, default_value_t = OrderArg::Source)]
    pub order: OrderArg,

    /// Centrality measure.
    #[arg(long, value_enum, default_value_t = AlgorithmArg::Textrank)]
    pub algorithm: AlgorithmArg,

    /// Sentence similarity for TextRank.
    #[arg(long, value_enum, default_value_t = SimilarityArg::Tfidf)]
    pub similarity: SimilarityArg,

    /// LexRank: cosine threshold for an edge (0 for the continuous weighted graph).
    #[arg(long, value_name = "T", default_value_t = 0.1)]
    pub threshold: f64,

    /// Language of the sentence rules, stop words and stemmer (ISO 639-1 code or English name),
    /// or `auto` (the default): the language most of the first 256 documents are detected in.
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_lang_choice)]
    pub lang: LangChoice,

    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,

    /// How sentences are picked once ranked.
    #[arg(long, value_enum, default_value_t = SelectionArg::Auto)]
    pub selection: SelectionArg,

    /// Tuning (coverage): saturation of the coverage reward, as a fraction of each sentence's
    /// total similarity.
    #[arg(long, value_name = "A", help_heading = "Tuning")]
    pub alpha: Option<f64>,

    /// Tuning (coverage): weight of the diversity reward.
    #[arg(long, value_name = "D", help_heading = "Tuning")]
    pub diversity: Option<f64>,

    /// Tuning (coverage): exponent of the length cost in the greedy ratio.
    #[arg(long, value_name = "R", help_heading = "Tuning")]
    pub cost_exponent: Option<f64>,

    /// Tuning (concepts): least number of documents a concept must appear in.
    #[arg(long, value_name = "N", help_heading = "Tuning")]
    pub min_documents: Option<usize>,

    /// Tuning (concepts): weight of single words next to bigrams.
    #[arg(long, value_name = "W", help_heading = "Tuning")]
    pub unigram_weight: Option<f64>,

    /// How the similarity graph is built: exact (every pair sharing a term), sparse (top
    /// neighbours from rarer terms, for large inputs) or auto (sparse above 4,000 sentences).
    #[arg(long, value_enum, default_value_t = GraphArg::Auto, help_heading = "Tuning")]
    pub graph: GraphArg,

    /// Also pick sentences that quote someone or ask a question (left out by default).
    #[arg(long)]
    pub keep_quotes: bool,

    /// Print whole sentences. By default summary sentences are compressed: opening connectives
    /// and date phrases ("However," "On Monday,"), closing attributions (", officials said"),
    /// opening reporting frames ("Officials said that"), empty parentheticals ("(NATO)") and
    /// ages are cut; the JSON keeps the whole sentence in "original".
    #[arg(long)]
    pub no_compress: bool,

    /// Print on stderr, after the summary, the wall time of each stage (read, clean+sentences,
    /// look up terms, intern terms, term bags, the story check's sample, vectors and clusters, graph, rank,
    /// relevance, select, write) and whether it runs on every thread or on one. With --threads 1
    /// the one-thread share is the serial part of the work.
    #[arg(long)]
    pub timings: bool,

    /// Focus the summary on a question or topic ("What caused the flood?"): sentences relevant
    /// to it are preferred, still without repeats, and the JSON gives each sentence's relevance.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,

    /// Tuning: MMR trade-off between centrality (1) and novelty (0).
    #[arg(long, value_name = "L", help_heading = "Tuning")]
    pub mmr_lambda: Option<f64>,

    /// Tuning: similarity at which a sentence counts as a near-duplicate of a picked one.
    #[arg(long, value_name = "S", help_heading = "Tuning")]
    pub duplicate_threshold: Option<f64>,

    /// Tuning: shortest sentence (in words) that may be picked.
    #[arg(long, value_name = "N", help_heading = "Tuning")]
    pub min_words: Option<usize>,

    /// Tuning: weight of the lead prior (a sentence's score times 1 + W / (1 + position)).
    #[arg(long, value_name = "W", help_heading = "Tuning")]
    pub position_weight: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// By document date when known, else input order, then position in the document.
    Source,
    /// By score, best first.
    Rank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlgorithmArg {
    /// Weighted PageRank over the sentence-similarity graph.
    Textrank,
    /// PageRank over the thresholded cosine graph (Erkan and Radev).
    Lexrank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphArg {
    Auto,
    Exact,
    Sparse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SelectionArg {
    /// mmr, but concepts (toward the question with --query) for summaries of 200 words or
    /// more, where it measured better (docs/evaluation.md).
    Auto,
    /// Greedy maximal marginal relevance: centrality minus similarity to what is picked.
    Mmr,
    /// Greedy coverage plus diversity (Lin and Bilmes 2011), for word budgets.
    Coverage,
    /// Greedy coverage of concepts (content-word bigrams weighted by how many documents report
    /// them; Gillick and Favre 2009), each sentence's gain weighted by its TextRank score (by its
    /// relevance with --query), for word budgets.
    Concepts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SimilarityArg {
    /// TF-IDF cosine, IDF over the input's sentences.
    Tfidf,
    /// Mihalcea and Tarau's word overlap normalised by log lengths.
    Overlap,
    /// BM25, averaged both ways.
    Bm25,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// One sentence per line.
    Text,
    /// {"sources", "words", "sentences": [{"text", "source", "index", "score"}]}.
    Json,
    /// The sentences as a paragraph per sentence, each followed by its source.
    Markdown,
}

#[derive(Debug, Args)]
pub struct SentencesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = SentencesFormat::Text)]
    pub format: SentencesFormat,

    /// Segment the input as it is instead of the cleaned article body.
    #[arg(long)]
    pub raw: bool,

    /// Also print each sentence's index terms (stop words dropped, stemmed), as ranking sees them.
    #[arg(long)]
    pub terms: bool,

    /// Language of the sentence rules and of the stop words and stemmer used for --terms (ISO
    /// 639-1 code or English name), or `auto` (the default): each document's own language,
    /// detected from its text.
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_lang_choice)]
    pub lang: LangChoice,
}

/// `--lang`: a language, or `auto` for each document's detected language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangChoice {
    /// Each document's language, detected from its text ([`abridge::text::lang::detect_text`]).
    Auto,
    /// This language for every document.
    Fixed(Language),
}

impl LangChoice {
    /// The language when one is given, `None` for `auto`.
    pub fn fixed(self) -> Option<Language> {
        match self {
            LangChoice::Auto => None,
            LangChoice::Fixed(lang) => Some(lang),
        }
    }
}

/// Parses `--lang` where `auto` is allowed.
pub fn parse_lang_choice(value: &str) -> Result<LangChoice, String> {
    if value.trim().eq_ignore_ascii_case("auto") {
        return Ok(LangChoice::Auto);
    }
    parse_language(value)
        .map(LangChoice::Fixed)
        .map_err(|e| format!("{e}, or auto"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SentencesFormat {
    /// One sentence per line (whitespace inside a sentence collapsed); with --terms, the terms
    /// follow after a tab.
    Text,
    /// One JSON array of {"source", "sentences": [{"text", "span"}]} objects.
    Json,
    /// One {"source", "sentences"} object per line, in input order.
    Jsonl,
}

/// Most worker threads `--threads` accepts. The work is CPU-bound, so threads beyond the cores
/// only cost: the pool starts all of them up front, and start-up grows faster than linearly
/// (measured: 256 threads 0.02 s, 1,024 threads 0.9 to 5 s, 99,999 still starting after a
/// minute). 256 leaves room for the largest machines abridge runs on.
pub const MAX_THREADS: u64 = 256;

/// Parses `--threads`: 1 to [`MAX_THREADS`].
pub fn parse_threads(value: &str) -> Result<u64, String> {
    let n: u64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{value:?} is not a number of threads"))?;
    if n == 0 || n > MAX_THREADS {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        return Err(format!(
            "{n} threads: use 1 to {MAX_THREADS} (this machine has {cores} cores; more threads \
than cores do not make abridge faster)"
        ));
    }
    Ok(n)
}

/// Parses `--lang`.
pub fn parse_language(value: &str) -> Result<Language, String> {
    Language::parse(value).map_err(|e| e.to_string())
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Directory of reference summaries named TOPIC.* (one sentence a line).
    #[arg(long, value_name = "DIR")]
    pub references: PathBuf,

    /// Directory of summaries to score, one per topic, named TOPIC or TOPIC.txt.
    #[arg(long, value_name = "DIR")]
    pub summaries: PathBuf,

    /// Truncate summaries and references to N words before scoring (default 100).
    #[arg(long, value_name = "N", conflicts_with = "bytes")]
    pub words: Option<usize>,

    /// Truncate summaries and references to N bytes instead of words.
    #[arg(long, value_name = "N")]
    pub bytes: Option<usize>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,

    /// Also print the scores of every topic (text format).
    #[arg(long)]
    pub per_topic: bool,

    /// WordNet exception list (word TAB base form) applied before stemming, as ROUGE-1.5.5 does.
    #[arg(long, value_name = "FILE")]
    pub exceptions: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// A summary line per measure.
    Text,
    /// One JSON object with the mean scores and the per-topic scores.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CleanFormat {
    /// The title, then the blocks separated by blank lines (lists and tables as markdown).
    Text,
    /// One JSON array of {"source", "title", "date", "blocks"} objects.
    Json,
    /// One {"source", "title", "date", "blocks"} object per line, in input order.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TablesFormat {
    /// One JSON array of {"source", "tables"} objects.
    Json,
    /// One {"source", "tables"} object per line, in input order.
    Jsonl,
    /// One CSV block per table (header first), blocks separated by a blank line.
    Csv,
    /// Normalised GFM tables.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListsFormat {
    /// One JSON array of {"source", "lists"} objects.
    Json,
    /// One {"source", "lists"} object per line, in input order.
    Jsonl,
    /// Normalised markdown lists.
    Markdown,
}

/// A problem with the command line found after parsing (exit status 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

// ---- `abridge stories` -------------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Word budget of each story's summary: whole sentences, never more than N words (the
    /// default, 100).
    #[arg(long, value_name = "N", group = "budget")]
    pub words: Option<usize>,

    /// Sentence budget of each story's summary: N sentences.
    #[arg(long, value_name = "N", group = "budget")]
    pub sentences: Option<usize>,

    /// Ratio budget: this fraction of each story's sentences, at least one (0 < R <= 1).
    #[arg(long, value_name = "R", group = "budget")]
    pub ratio: Option<f64>,

    /// With --words: cut the last sentence at exactly N words.
    #[arg(long)]
    pub truncate: bool,

    /// Print whole sentences in the summaries (see `summarize --no-compress`).
    #[arg(long)]
    pub no_compress: bool,

    /// Focus on a question or topic ("What caused the flood?"): the stories most relevant to it
    /// come first, each is summarised toward it, and the JSON gives each story's relevance.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,

    /// Order of each summary's sentences.
    #[arg(long, value_enum, default_value_t = OrderArg::Source)]
    pub order: OrderArg,

    /// Language of the sentence rules, stop words and stemmer (ISO 639-1 code or English name),
    /// or `auto` (the default): the language most of the first 256 documents are detected in.
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_lang_choice)]
    pub lang: LangChoice,

    /// Output format.
    #[arg(long, value_enum, default_value_t = StoriesFormat::Text)]
    pub format: StoriesFormat,

    /// Hide stories of fewer than K documents (they are counted on standard error).
    #[arg(long, value_name = "K", default_value_t = 1)]
    pub min_documents: usize,

    /// Mean pairwise similarity (cosine, 0 < T <= 1) at which articles join one story (default:
    /// the one chosen on the DUC 2004 development topics, docs/stories.md).
    #[arg(long, value_name = "T")]
    pub threshold: Option<f64>,

    /// Print on stderr, after the stories, the wall time of each stage (read, clean+sentences,
    /// look up terms, intern terms, term bags, canonical terms, story vectors, story pairs, story
    /// cosines, story clusters, story members, relevance with --query, story summaries, story
    /// titles, write) and whether it runs on every thread or on one.
    #[arg(long)]
    pub timings: bool,

    /// Grouping settings for cross-validation (`scripts/stories_cv.py`), not a stable interface:
    /// `name_weight=W,nearest=K,gate=G,attach=A` (any of them).
    #[arg(long, value_name = "SETTINGS", hide = true)]
    pub grouping: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StoriesFormat {
    /// A readable digest: per story its title, dates, sources and summary.
    Text,
    /// {"stories": [{"id", "title", "dates", "documents", "summary"}]}.
    Json,
    /// One story object per line.
    Jsonl,
    /// The digest as markdown.
    Markdown,
}
