//! `abridge stories`.

use super::args::{LangChoice, OrderArg, StoriesArgs, StoriesFormat, UsageError};
use super::inputs::{input_timings, prepare_inputs};
use super::sink::Sink;
use super::RunStatus;
use abridge::stories::{self, Story, StoryOptions};
use abridge::summary::{Budget, Compression, Order, Summarizer};
use abridge::text::lang::Language;
use anyhow::Result;
use std::io::Write;
use std::time::Instant;

/// The story options of the flags, checked by the library (its messages are the usage errors).
fn options(args: &StoriesArgs) -> Result<StoryOptions> {
    let order = match args.order {
        OrderArg::Source => Order::Source,
        OrderArg::Rank => Order::Rank,
    };
    // With `--lang auto` the language is set once the inputs are read.
    let lang = match args.lang {
        LangChoice::Fixed(lang) => lang,
        LangChoice::Auto => Language::English,
    };
    let usage = |e: abridge::Error| anyhow::Error::from(UsageError(e.to_string()));
    let mut options = StoryOptions::from_flags(
        Budget::from_flags(args.words, args.sentences, args.ratio),
        args.truncate,
        order,
        lang,
        args.threshold,
    )
    .map_err(usage)?;
    if let Some(settings) = &args.grouping {
        for pair in settings.split(',').filter(|p| !p.is_empty()) {
            let bad = || UsageError(format!("--grouping: cannot read {pair:?}"));
            let (key, value) = pair.split_once('=').ok_or_else(bad)?;
            let value: f64 = value.parse().map_err(|_| bad())?;
            let group = &mut options.group;
            match key {
                "name_weight" => group.name_weight = value,
                "nearest" => group.nearest = value as usize,
                "gate" => group.gate = value,
                "sure" => group.sure = value,
                "attach" => group.attach = value,
                _ => return Err(bad().into()),
            }
        }
    }
    if args.no_compress {
        options.summary = options.summary.with_compression(Compression::none());
    }
    // A question with no content word is refused before any input is read.
    if let Some(query) = &args.query {
        Summarizer::new(options.summary)
            .and_then(|s| s.with_query(query))
            .map_err(usage)?;
    }
    Ok(options)
}

pub fn stories(args: &StoriesArgs, quiet: bool) -> Result<RunStatus> {
    let mut options = options(args)?;
    let start = Instant::now();
    let (mut preparer, status, lang) =
        // Each story's summary numbers its terms in the order they occur: the order is kept.
        prepare_inputs(&args.input, quiet, args.lang, options.summary.compression, true)?;
    let mut timings = input_timings(start, &mut preparer);
    options.summary = options.summary.with_language(lang);
    // Titles' terms numbered, then every term renumbered in sorted order (mostly one thread).
    let prepared = timings.time("canonical terms", false, || preparer.finish_canonical());
    let documents = prepared.documents.len();
    let all = stories::stories_timed(&prepared, &options, args.query.as_deref(), &mut timings)?;
    drop(prepared);
    let start = Instant::now();
    let total = all.len();
    let (shown, hidden): (Vec<Story>, Vec<Story>) = all
        .into_iter()
        .partition(|s| s.documents.len() >= args.min_documents);
    if !quiet {
        let alone = shown.iter().filter(|s| s.documents.len() == 1).count();
        let mut line = format!(
            "abridge: {documents} document{} in {total} stor{} ({alone} of one document)",
            if documents == 1 { "" } else { "s" },
            if total == 1 { "y" } else { "ies" },
        );
        if args.min_documents > 1 {
            line += &format!(
                "; {} stor{} of fewer than {} documents hidden",
                hidden.len(),
                if hidden.len() == 1 { "y" } else { "ies" },
                args.min_documents
            );
        }
        eprintln!("{line}");
        if documents == 0 {
            eprintln!("abridge: warning: no document to group into stories");
        }
    }
    let mut out = Sink::open(args.input.output.as_deref())?;
    match args.format {
        StoriesFormat::Json => {
            #[derive(serde::Serialize)]
            struct All<'a> {
                stories: &'a [Story],
            }
            serde_json::to_writer_pretty(&mut out, &All { stories: &shown })?;
            writeln!(out)?;
        }
        StoriesFormat::Jsonl => {
            for story in &shown {
                serde_json::to_writer(&mut out, story)?;
                writeln!(out)?;
            }
        }
        StoriesFormat::Text => {
            for (i, story) in shown.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_text(&mut out, story)?;
            }
        }
        StoriesFormat::Markdown => {
            for (i, story) in shown.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_markdown(&mut out, story)?;
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

fn dates(story: &Story) -> Option<String> {
    story.dates.as_ref().map(|[first, last]| {
        if first == last {
            first.to_string()
        } else {
            format!("{first} to {last}")
        }
    })
}

/// `, relevance 0.42` after the size, in a query-focused digest.
fn relevance(story: &Story) -> String {
    story
        .relevance
        .map(|r| format!(", relevance {r:.2}"))
        .unwrap_or_default()
}

fn documents_word(n: usize) -> &'static str {
    if n == 1 {
        "document"
    } else {
        "documents"
    }
}

/// Title line, dates and size, one source a line, then the summary a sentence a line.
fn write_text(out: &mut impl Write, story: &Story) -> std::io::Result<()> {
    writeln!(out, "Story {}: {}", story.id, story.title)?;
    let n = story.documents.len();
    let r = relevance(story);
    match dates(story) {
        Some(d) => writeln!(out, "{d}, {n} {}{r}", documents_word(n))?,
        None => writeln!(out, "{n} {}{r}", documents_word(n))?,
    }
    for d in &story.documents {
        match &d.date {
            Some(date) => writeln!(out, "  - {} ({date})", d.source)?,
            None => writeln!(out, "  - {}", d.source)?,
        }
    }
    writeln!(out)?;
    for s in &story.summary.sentences {
        writeln!(out, "{}", s.text)?;
    }
    Ok(())
}

fn write_markdown(out: &mut impl Write, story: &Story) -> std::io::Result<()> {
    writeln!(out, "## {}. {}\n", story.id, story.title)?;
    let n = story.documents.len();
    let r = relevance(story);
    match dates(story) {
        Some(d) => writeln!(out, "*{d} · {n} {}{r}*\n", documents_word(n))?,
        None => writeln!(out, "*{n} {}{r}*\n", documents_word(n))?,
    }
    let sources: Vec<String> = story
        .documents
        .iter()
        .map(|d| format!("`{}`", d.source))
        .collect();
    writeln!(out, "Sources: {}\n", sources.join(", "))?;
    for s in &story.summary.sentences {
        writeln!(
            out,
            "{} *({}, sentence {})*\n",
            s.text,
            s.source,
            s.index + 1
        )?;
    }
    Ok(())
}
