//! `abridge stories`.

use super::args::{LangChoice, OrderArg, StoriesArgs, StoriesFormat, UsageError};
use super::inputs::{budget_of, prepare_inputs};
use super::sink::Sink;
use super::RunStatus;
use abridge::stories::{self, Story, StoryOptions};
use abridge::summary::{Order, SummaryOptions};
use abridge::text::lang::Language;
use anyhow::Result;
use std::io::Write;

/// The story options of the flags, checked by the library (its messages are the usage errors).
fn options(args: &StoriesArgs) -> Result<StoryOptions> {
    let budget = budget_of(args.words, args.sentences, args.ratio);
    let mut options = StoryOptions::default();
    let threshold = args.threshold.unwrap_or(options.group.threshold);
    options.group.threshold = threshold;
    options.group.edge_floor = options.group.edge_floor.min(threshold.max(0.0));
    options.summary = SummaryOptions::default()
        .with_budget(budget)
        .with_truncate(args.truncate)
        .with_order(match args.order {
            OrderArg::Source => Order::Source,
            OrderArg::Rank => Order::Rank,
        })
        .with_language(match args.lang {
            LangChoice::Fixed(lang) => lang,
            LangChoice::Auto => Language::English,
        });
    // Checked before any input is read: the same checks as the library's.
    let usage = |e: abridge::Error| anyhow::Error::from(UsageError(e.to_string()));
    options.summary.validate().map_err(usage)?;
    stories::group(&abridge::summary::Prepared::default(), &options.group).map_err(usage)?;
    Ok(options)
}

pub fn stories(args: &StoriesArgs, quiet: bool) -> Result<RunStatus> {
    let mut options = options(args)?;
    let (preparer, status, lang) = prepare_inputs(&args.input, quiet, args.lang)?;
    options.summary = options.summary.with_language(lang);
    let prepared = preparer.finish_canonical();
    let documents = prepared.documents.len();
    let all = stories::stories(&prepared, &options)?;
    drop(prepared);
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
    match dates(story) {
        Some(d) => writeln!(out, "{d}, {n} {}", documents_word(n))?,
        None => writeln!(out, "{n} {}", documents_word(n))?,
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
    match dates(story) {
        Some(d) => writeln!(out, "*{d} · {n} {}*\n", documents_word(n))?,
        None => writeln!(out, "*{n} {}*\n", documents_word(n))?,
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
