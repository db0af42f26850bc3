//! Feeding decoded documents to a command, reporting warnings and failed inputs on stderr.

use super::args::{InputArgs, UsageError};
use super::RunStatus;
use abridge::corpus::{self, Document, FileFilter};
use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Calls `each` for every document of the inputs, in order. Inputs that fail are reported by
/// name and counted; the others go on.
pub fn for_each_document(
    args: &InputArgs,
    quiet: bool,
    mut each: impl FnMut(Document) -> Result<()>,
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
    for input in &discovery.inputs {
        match corpus::load(input) {
            Ok(loaded) => {
                loaded.warnings.iter().for_each(warn);
                if let Some(document) = loaded.document {
                    each(document)?;
                }
            }
            Err(err) => {
                say(format!("abridge: error: {err}"));
                status.failed_inputs += 1;
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(status)
}
