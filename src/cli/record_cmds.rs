//! `abridge extract` and `abridge snapshot`: the per-document record, printed or compared.

use super::args::{ExtractArgs, ExtractFormat, SnapshotArgs};
use super::inputs::{for_each_document, write_json_records};
use super::sink::Sink;
use super::RunStatus;
use abridge::extract::extract as record_of;
use abridge::extract::snapshot::{self, Entry, SUMMARY_NAME};
use abridge::output::json_record;
use abridge::summary::{self, Budget, SummaryOptions};
use anyhow::Result;
use serde_json::json;

pub fn extract(args: &ExtractArgs, quiet: bool) -> Result<RunStatus> {
    let sink = Sink::open(args.input.output.as_deref())?;
    let lines = args.format == ExtractFormat::Jsonl;
    let words = args.words as usize;
    write_json_records(sink, &args.input, quiet, lines, |doc, lines| {
        json_record(&record_of(doc, words), lines)
    })
}

pub fn snapshot(args: &SnapshotArgs, quiet: bool) -> Result<RunStatus> {
    let words = args.words as usize;
    let options = json!({ "words": words });
    let with_summary = args.input.paths.iter().any(|p| p.is_dir());
    let mut entries = Vec::new();
    let mut documents = Vec::new();
    let mut status = for_each_document(&args.input, quiet, |doc| {
        let name = snapshot::file_name(&doc.source);
        entries.push(Entry::new(
            &doc.source,
            name,
            options.clone(),
            &record_of(&doc, words),
        )?);
        if with_summary {
            documents.push(doc);
        }
        Ok(())
    })?;
    if with_summary {
        let summary = summary::summarize(
            &documents,
            &SummaryOptions::default().with_budget(Budget::Words(words)),
        );
        entries.push(Entry::new(
            "(multi-document summary)",
            SUMMARY_NAME.to_string(),
            options.clone(),
            &summary,
        )?);
    }
    snapshot::check_names(&entries)?;

    let dir = args.dir.display();
    let first_run = snapshot::stored_files(&args.dir)?.is_empty();
    if args.update || first_run {
        let (written, removed) = snapshot::update(&args.dir, &entries)?;
        println!(
            "snapshot: wrote {written} snapshots to {dir}, removed {}",
            removed.len()
        );
        for name in removed {
            println!("removed {name} (its input is gone)");
        }
        return Ok(status);
    }
    let comparison = snapshot::compare(&args.dir, &entries)?;
    for (_, _, diff) in &comparison.changed {
        print!("{diff}");
    }
    for (name, source) in &comparison.added {
        println!("new input without a snapshot: {source} (would be {name})");
    }
    for name in &comparison.removed {
        println!("snapshot without an input: {name}");
    }
    if !comparison.other_version.is_empty() && !quiet {
        eprintln!(
            "abridge: note: {} snapshots were written by another abridge version",
            comparison.other_version.len()
        );
    }
    println!(
        "snapshots: {} matched, {} changed, {} new, {} removed",
        comparison.matched.len(),
        comparison.changed.len(),
        comparison.added.len(),
        comparison.removed.len()
    );
    if !comparison.is_clean() {
        println!("(run with --update to accept the current results)");
        status.failed_inputs += 1;
    }
    Ok(status)
}
