//! `abridge summarize`.

use super::args::{
    AlgorithmArg, GraphArg, LangChoice, OrderArg, SelectionArg, SimilarityArg, SummarizeArgs,
    SummaryFormat, UsageError,
};
use super::inputs::{input_timings, prepare_inputs};
use super::sink::Sink;
use super::RunStatus;
use abridge::rank::similarity::Similarity;
use abridge::summary::{GraphMode, Order, SelectionKind, Summarizer, SummaryFlags};
use abridge::text::lang::Language;
use abridge::Timings;
use anyhow::Result;
use std::io::Write;
use std::time::Instant;

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
    // The story check reads term bags only.
    let word_order = summarizer.options().selection.reads_word_order();
    let start = Instant::now();
    let (mut preparer, status, lang) =
        prepare_inputs(&args.input, quiet, args.lang, compression, word_order)?;
    let mut timings = input_timings(start, &mut preparer);
    if lang != first {
        summarizer = options(args, lang)?;
    }
    let prepared = timings.time("intern titles", false, || preparer.finish());
    // The story check (mostly on one thread) runs beside the ranking.
    let (summary, check) = rayon::join(
        || {
            let mut stages = Timings::new();
            let summary = summarizer.summarize_prepared_timed(&prepared, &mut stages);
            (summary, stages)
        },
        || {
            let mut stages = Timings::new();
            let warning = (!quiet)
                .then(|| story_warning(&prepared, &mut stages))
                .flatten();
            (warning, stages)
        },
    );
    let (summary, ranking) = summary;
    let (warning, checking) = check;
    timings.extend(&checking);
    timings.extend(&ranking);
    if let Some(warning) = warning {
        eprintln!("abridge: warning: {warning}");
    }
    let start = Instant::now();
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
    timings.add("write", false, start.elapsed());
    if args.timings {
        eprint!("{}", timings.report());
    }
    Ok(status)
}

/// What the story check runs beside.
const BESIDE: &str = "graph/rank/select";

/// The warning for an input that looks like several stories (two or more of at least
/// [`STORY_WARNING_SIZE`] documents): one summary of it mixes them. The summary is unchanged.
/// Above [`STORY_CHECK_SAMPLE`] documents the check groups an even sample of them (every k-th
/// by source name, so input order does not matter), which keeps its cost the same for any
/// input size. Its stages go to `timings`: the sample and the clustering on one thread, beside
/// the ranking; the vectors on every thread.
fn story_warning(prepared: &abridge::summary::Prepared, timings: &mut Timings) -> Option<String> {
    let n = prepared.documents.len();
    if n < 2 * STORY_WARNING_SIZE {
        return None;
    }
    let start = Instant::now();
    let sample = (n > STORY_CHECK_SAMPLE).then(|| sample_documents(prepared, STORY_CHECK_SAMPLE));
    timings.add_beside("story sample", BESIDE, start.elapsed());
    let checked = sample.as_ref().unwrap_or(prepared);
    let grouping = abridge::stories::group_timed(
        checked,
        &abridge::stories::GroupOptions::default(),
        timings,
        Some(BESIDE),
    )
    .ok()?;
    let big = grouping
        .stories
        .iter()
        .filter(|s| s.len() >= STORY_WARNING_SIZE)
        .count();
    let holds = match &sample {
        Some(s) => format!(
            "a sample of {} of the input's {n} documents holds",
            s.documents.len()
        ),
        None => "the input holds".to_string(),
    };
    (big >= 2).then(|| {
        format!(
            "{holds} {big} stories of {STORY_WARNING_SIZE} or more documents; this summary \
mixes them (`abridge stories` summarises each)"
        )
    })
}

/// About `size` of the documents of `prepared` (every k-th in the order of their source names)
/// with their sentences' terms (what the story grouping reads), for the story check.
fn sample_documents(
    prepared: &abridge::summary::Prepared,
    size: usize,
) -> abridge::summary::Prepared {
    let n = prepared.documents.len();
    let mut by_source: Vec<usize> = (0..n).collect();
    by_source.sort_by(|&a, &b| {
        prepared.documents[a]
            .source
            .cmp(&prepared.documents[b].source)
    });
    let step = n.div_ceil(size).max(1);
    let mut kept: Vec<usize> = by_source.into_iter().step_by(step).collect();
    kept.sort_unstable();
    let mut new_index = vec![usize::MAX; n];
    for (k, &d) in kept.iter().enumerate() {
        new_index[d] = k;
    }
    let mut sample = abridge::summary::Prepared::default();
    sample.documents = kept
        .iter()
        .map(|&d| prepared.documents[d].clone())
        .collect();
    sample.sentences = prepared
        .sentences
        .iter()
        .filter(|s| new_index[s.document] != usize::MAX)
        // The grouping reads a sentence's term bag and position only: its text and the order
        // of its terms are not copied.
        .map(|s| abridge::summary::PreparedSentence {
            document: new_index[s.document],
            index: s.index,
            position: s.position,
            text: String::new(),
            original: None,
            words: s.words,
            sequence: Vec::new(),
            bag: s.bag.clone(),
        })
        .collect();
    sample.vocabulary = prepared.vocabulary;
    sample
}

/// Stories at least this large count for the warning of [`story_warning`].
const STORY_WARNING_SIZE: usize = 3;

/// Inputs of more documents than this are checked for stories on a sample of this size.
const STORY_CHECK_SAMPLE: usize = 1_000;
