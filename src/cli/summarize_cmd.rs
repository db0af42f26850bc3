//! `abridge summarize`.

use super::args::{
    AlgorithmArg, GraphArg, LangChoice, OrderArg, SelectionArg, SimilarityArg, SummarizeArgs,
    SummaryFormat, UsageError,
};
use super::inputs::prepare_inputs;
use super::sink::Sink;
use super::RunStatus;
use abridge::rank::similarity::Similarity;
use abridge::summary::{GraphMode, Order, SelectionKind, Summarizer, SummaryFlags};
use abridge::text::lang::Language;
use anyhow::Result;
use std::io::Write;

/// The summariser of the flags, checked by the library (its messages are the usage errors).
fn options(args: &SummarizeArgs, lang: Language) -> Result<Summarizer> {
    let flags = SummaryFlags {
        words: args.words,
        sentences: args.sentences,
        ratio: args.ratio,
        truncate: args.truncate,
        order: match args.order {
            OrderArg::Source => Order::Source,
            OrderArg::Rank => Order::Rank,
        },
        lexrank: args.algorithm == AlgorithmArg::Lexrank,
        threshold: Some(args.threshold),
        similarity: match args.similarity {
            SimilarityArg::Tfidf => Similarity::TfIdfCosine,
            SimilarityArg::Overlap => Similarity::Overlap,
            SimilarityArg::Bm25 => Similarity::Bm25,
        },
        language: lang,
        selection: match args.selection {
            SelectionArg::Auto => SelectionKind::Auto,
            SelectionArg::Mmr => SelectionKind::Mmr,
            SelectionArg::Coverage => SelectionKind::Coverage,
            SelectionArg::Concepts => SelectionKind::Concepts,
        },
        alpha: args.alpha,
        diversity: args.diversity,
        cost_exponent: args.cost_exponent,
        min_documents: args.min_documents,
        unigram_weight: args.unigram_weight,
        graph: match args.graph {
            GraphArg::Auto => GraphMode::Auto,
            GraphArg::Exact => GraphMode::Exact,
            GraphArg::Sparse => GraphMode::Sparse,
        },
        keep_quotes: args.keep_quotes,
        query: args.query.clone(),
        mmr_lambda: args.mmr_lambda,
        duplicate_threshold: args.duplicate_threshold,
        min_words: args.min_words,
        position_weight: args.position_weight,
        no_compress: args.no_compress,
    };
    flags
        .summarizer()
        .map_err(|e| UsageError(e.to_string()).into())
}

pub fn summarize(args: &SummarizeArgs, quiet: bool) -> Result<RunStatus> {
    // The options are checked before any input is read; with `--lang auto` they are built again
    // in the language found.
    let first = match args.lang {
        LangChoice::Fixed(lang) => lang,
        LangChoice::Auto => Language::English,
    };
    let mut summarizer = options(args, first)?;
    let compression = summarizer.options().compression;
    let (preparer, status, lang) = prepare_inputs(&args.input, quiet, args.lang, compression)?;
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
