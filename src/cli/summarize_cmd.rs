//! `abridge summarize`.

use super::args::{
    AlgorithmArg, GraphArg, LangChoice, OrderArg, SelectionArg, SimilarityArg, SummarizeArgs,
    SummaryFormat, UsageError,
};
use super::inputs::{budget_of, prepare_inputs};
use super::sink::Sink;
use super::RunStatus;
use abridge::rank::concepts::ConceptOptions;
use abridge::rank::coverage::CoverageOptions;
use abridge::rank::select::SelectOptions;
use abridge::rank::similarity::Similarity;
use abridge::summary::{
    Algorithm, GraphMode, Order, Selection, Summarizer, SummaryOptions, DEFAULT_MMR,
};
use abridge::text::lang::Language;
use anyhow::Result;
use std::io::Write;

/// The summary options of the flags, checked by the library (its messages are the usage errors).
fn options(args: &SummarizeArgs, lang: Language) -> Result<Summarizer> {
    let budget = budget_of(args.words, args.sentences, args.ratio);
    let selection = match args.selection {
        SelectionArg::Mmr => Selection::Mmr(SelectOptions::new(
            args.mmr_lambda.unwrap_or(DEFAULT_MMR.lambda),
            args.duplicate_threshold
                .unwrap_or(DEFAULT_MMR.duplicate_threshold),
        )),
        SelectionArg::Coverage => {
            let mut c = CoverageOptions::default();
            c.alpha = args.alpha.unwrap_or(c.alpha);
            c.diversity = args.diversity.unwrap_or(c.diversity);
            c.cost_exponent = args.cost_exponent.unwrap_or(c.cost_exponent);
            c.duplicate_threshold = args.duplicate_threshold.unwrap_or(c.duplicate_threshold);
            Selection::Coverage(c)
        }
        SelectionArg::Concepts => {
            let mut c = ConceptOptions::default();
            c.min_documents = args.min_documents.unwrap_or(c.min_documents);
            c.unigram_weight = args.unigram_weight.unwrap_or(c.unigram_weight);
            c.cost_exponent = args.cost_exponent.unwrap_or(c.cost_exponent);
            Selection::Concepts(c)
        }
    };
    let mut options = SummaryOptions::default()
        .with_budget(budget)
        .with_truncate(args.truncate)
        .with_selection(selection)
        .with_language(lang)
        .with_order(match args.order {
            OrderArg::Source => Order::Source,
            OrderArg::Rank => Order::Rank,
        })
        .with_algorithm(match args.algorithm {
            AlgorithmArg::Textrank => Algorithm::TextRank,
            AlgorithmArg::Lexrank => Algorithm::LexRank {
                threshold: (args.threshold > 0.0).then_some(args.threshold),
            },
        });
    if let Some(n) = args.min_words {
        options.min_words = n;
    }
    if let Some(w) = args.position_weight {
        options.position_weight = w;
    }
    options.similarity = match args.similarity {
        SimilarityArg::Tfidf => Similarity::TfIdfCosine,
        SimilarityArg::Overlap => Similarity::Overlap,
        SimilarityArg::Bm25 => Similarity::Bm25,
    };
    options.skip_quotes = !args.keep_quotes;
    options.graph = match args.graph {
        GraphArg::Auto => GraphMode::Auto,
        GraphArg::Exact => GraphMode::Exact,
        GraphArg::Sparse => GraphMode::Sparse,
    };
    let usage = |e: abridge::Error| anyhow::Error::from(UsageError(e.to_string()));
    let summarizer = Summarizer::new(options).map_err(usage)?;
    match &args.query {
        Some(query) => summarizer.with_query(query).map_err(usage),
        None => Ok(summarizer),
    }
}

pub fn summarize(args: &SummarizeArgs, quiet: bool) -> Result<RunStatus> {
    // The options are checked before any input is read; with `--lang auto` they are built again
    // in the language found.
    let first = match args.lang {
        LangChoice::Fixed(lang) => lang,
        LangChoice::Auto => Language::English,
    };
    let mut summarizer = options(args, first)?;
    let (preparer, status, lang) = prepare_inputs(&args.input, quiet, args.lang)?;
    if lang != first {
        summarizer = options(args, lang)?;
    }
    let prepared = preparer.finish();
    if !quiet {
        warn_if_stories(&prepared);
    }
    let summary = summarizer.summarize_prepared(&prepared);
    if summary.sentences.is_empty() && !quiet {
        eprintln!("abridge: warning: the input has no sentence to summarise");
    }
    let mut out = Sink::open(args.input.output.as_deref())?;
    match args.format {
        SummaryFormat::Text => {
            for s in &summary.sentences {
                writeln!(out, "{}", s.text)?;
            }
        }
        SummaryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &summary)?;
            writeln!(out)?;
        }
        SummaryFormat::Markdown => {
            for s in &summary.sentences {
                writeln!(
                    out,
                    "{} *({}, sentence {})*\n",
                    s.text,
                    s.source,
                    s.index + 1
                )?;
            }
        }
    }
    out.commit()?;
    Ok(status)
}

/// Warns when the input looks like several stories (two or more of at least
/// [`STORY_WARNING_SIZE`] documents): one summary of it mixes them. The summary is unchanged.
fn warn_if_stories(prepared: &abridge::summary::Prepared) {
    if prepared.documents.len() < 2 * STORY_WARNING_SIZE {
        return;
    }
    let Ok(grouping) =
        abridge::stories::group(prepared, &abridge::stories::GroupOptions::default())
    else {
        return;
    };
    let big = grouping
        .stories
        .iter()
        .filter(|s| s.len() >= STORY_WARNING_SIZE)
        .count();
    if big >= 2 {
        eprintln!(
            "abridge: warning: the input holds {big} stories of {STORY_WARNING_SIZE} or more \
documents; this summary mixes them (`abridge stories` summarises each)"
        );
    }
}

/// Stories at least this large count for the warning of [`warn_if_stories`].
const STORY_WARNING_SIZE: usize = 3;
