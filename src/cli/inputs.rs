//! Feeding decoded documents to a command, reporting warnings and failed inputs on stderr.

use super::args::{InputArgs, LangChoice, UsageError};
use super::sink::Sink;
use super::RunStatus;
use abridge::corpus::{self, Document, FileFilter};
use abridge::output::JsonStream;
use abridge::text::lang::Language;
use abridge::Timings;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Documents per worker thread between two ordered writes: enough to keep every core busy and
/// to make the hand-over to the workers (two context switches a batch) rare, few enough that a
/// batch's text stays small.
const BATCH_PER_THREAD: usize = 256;

/// Documents a thread reads, then renders, as one task. Reading a batch before rendering it,
/// instead of reading and rendering file by file, took `abridge tables` over 10,000 files from
/// 65.5 to 62.4 ms of CPU (interleaved medians; the kernel's directory-entry lookups, 6% of the
/// run before, fell by 15%); small tasks keep the text in cache until it is parsed (61 ms with
/// 16 to 64 documents a task, 63 ms with 256, 69 ms with 1,024).
const TASK: usize = 64;

/// Calls `each` for every document of the inputs, in order. Inputs that fail are reported by
/// name and counted; the others go on. Reading runs in parallel, a batch at a time.
pub fn for_each_document(
    args: &InputArgs,
    quiet: bool,
    mut each: impl FnMut(Document) -> Result<()>,
) -> Result<RunStatus> {
    render_each_document(args, quiet, |_| Ok(()), |doc, ()| each(doc))
}

/// Reads the inputs in batches; within a batch, documents are read and `render`ed in parallel
/// (per-document work: parsing, serialising), then handed to `emit` with what `render` made,
/// in input order, with their warnings and errors reported in that order too. The output is
/// therefore the same for any number of threads.
pub fn render_each_document<T: Send>(
    args: &InputArgs,
    quiet: bool,
    render: impl Fn(&Document) -> Result<T> + Sync,
    mut emit: impl FnMut(Document, T) -> Result<()>,
) -> Result<RunStatus> {
    let filter = FileFilter::new(&args.glob).map_err(|e| UsageError(e.to_string()))?;
    if args.paths.is_empty() && std::io::stdin().is_terminal() {
        return Err(UsageError(
            "no input: give files or directories, or pipe text to standard input (see --help)"
                .into(),
        )
        .into());
    }
    let discovery = corpus::discover(&args.paths, &filter);
    let mut status = RunStatus::default();
    // A progress bar only for people watching: stderr is a terminal and there is a lot to read.
    let progress = (!quiet && std::io::stderr().is_terminal() && discovery.inputs.len() >= 50)
        .then(|| {
            let bar = ProgressBar::new(discovery.inputs.len() as u64);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} documents, {elapsed} ({eta} left)",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
    let say = |line: String| match &progress {
        Some(bar) => bar.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    };
    let warn = |w: &corpus::Warning| {
        if !quiet {
            say(format!("abridge: warning: {w}"));
        }
    };
    discovery.warnings.iter().for_each(warn);
    for err in &discovery.errors {
        say(format!("abridge: error: {err}"));
        status.failed_inputs += 1;
    }
    let threads = rayon::current_num_threads();
    let batch = if threads == 1 {
        TASK
    } else {
        BATCH_PER_THREAD * threads
    };
    let task = |reader: &mut corpus::Reader, inputs: &[corpus::Input]| {
        let loaded: Vec<_> = inputs.iter().map(|input| reader.load(input)).collect();
        let rendered: Vec<_> = loaded
            .iter()
            .map(|loaded| {
                let document = loaded.as_ref().ok()?.document.as_ref()?;
                Some(render(document))
            })
            .collect();
        loaded.into_iter().zip(rendered).collect::<Vec<_>>()
    };
    let mut sequential_reader = corpus::Reader::default();
    for inputs in discovery.inputs.chunks(batch) {
        // One thread: no hand-over to a pool thread at all.
        let done: Vec<Vec<_>> = if threads == 1 {
            vec![task(&mut sequential_reader, inputs)]
        } else {
            inputs
                .par_chunks(TASK)
                .map_init(corpus::Reader::default, task)
                .collect()
        };
        for (outcome, rendered) in done.into_iter().flatten() {
            match outcome {
                Ok(loaded) => {
                    loaded.warnings.iter().for_each(warn);
                    if let (Some(document), Some(rendered)) = (loaded.document, rendered) {
                        emit(document, rendered?)?;
                    }
                }
                Err(err) => {
                    say(format!("abridge: error: {err}"));
                    status.failed_inputs += 1;
                }
            }
        }
        if let Some(bar) = &progress {
            bar.inc(inputs.len() as u64);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(status)
}

/// Writes one JSON record per document — `render(doc, lines)` makes it, in parallel, with
/// [`json_record`](abridge::output::json_record) — as one JSON array or, with `lines`, as JSON lines; then commits `sink`.
pub fn write_json_records(
    sink: Sink,
    input: &InputArgs,
    quiet: bool,
    lines: bool,
    render: impl Fn(&Document, bool) -> std::io::Result<Vec<u8>> + Sync,
) -> Result<RunStatus> {
    let mut json = JsonStream::new(sink, lines);
    let status = render_each_document(
        input,
        quiet,
        |doc| Ok(render(doc, lines)?),
        |_, rendered| Ok(json.record_rendered(&rendered)?),
    )?;
    json.finish()?.commit()?;
    Ok(status)
}

/// Writes the text blocks rendered for each document, a blank line between consecutive blocks;
/// then commits `out`.
pub fn write_blocks(
    mut out: Sink,
    input: &InputArgs,
    quiet: bool,
    render: impl Fn(&Document) -> Result<Vec<Vec<u8>>> + Sync,
) -> Result<RunStatus> {
    let mut written = 0usize;
    let status = render_each_document(input, quiet, render, |_, blocks| {
        for block in blocks {
            if written > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(&block)?;
            written += 1;
        }
        Ok(())
    })?;
    out.commit()?;
    Ok(status)
}

/// Reads every input and prepares it for ranking, in batches as it is read, so the raw text of a
/// large corpus is never held all at once (each batch is analysed in parallel). Used by
/// `summarize` and `stories`. With `--lang auto` the language is the one most documents of the
/// first batch are detected in (the earliest such language on a tie; English without documents),
/// and it is returned. Without `word_order` the sentences keep their terms as bags only
/// ([`abridge::summary::Preparer::with_word_order`]).
/// The first stages of `--timings` once [`prepare_inputs`] has returned (`start` taken before
/// it): the preparer's last batch is finished, then `read` (every thread) is what the
/// preparer's own stages leave of the wall time since `start`, followed by those stages.
pub fn input_timings(start: Instant, preparer: &mut abridge::summary::Preparer) -> Timings {
    preparer.flush();
    let analysis = preparer.timings().clone();
    let mut timings = Timings::new();
    timings.add(
        "read",
        true,
        start
            .elapsed()
            .saturating_sub(Duration::from_secs_f64(analysis.total())),
    );
    timings.extend(&analysis);
    timings
}

pub fn prepare_inputs(
    input: &InputArgs,
    quiet: bool,
    choice: LangChoice,
    compression: abridge::summary::Compression,
    word_order: bool,
) -> Result<(abridge::summary::Preparer, RunStatus, Language)> {
    const BATCH: usize = 256;
    let mut preparer: Option<(abridge::summary::Preparer, Language)> = None;
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Document>| {
        let (p, _) = preparer.get_or_insert_with(|| {
            let lang = match choice {
                LangChoice::Fixed(lang) => lang,
                LangChoice::Auto => {
                    abridge::text::lang::majority_language(batch.iter().map(|d| d.text.as_str()))
                }
            };
            let preparer = abridge::summary::Preparer::new(lang)
                .with_compression(compression)
                .with_word_order(word_order);
            (preparer, lang)
        });
        p.add_batch(batch);
        batch.clear();
    };
    let status = for_each_document(input, quiet, |doc| {
        batch.push(doc);
        if batch.len() == BATCH {
            flush(&mut batch);
        }
        Ok(())
    })?;
    flush(&mut batch);
    let (preparer, lang) = preparer.expect("prepared on the last flush");
    Ok((preparer, status, lang))
}
