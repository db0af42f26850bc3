//! Feeding decoded documents to a command, reporting warnings and failed inputs on stderr.

use super::args::{InputArgs, UsageError};
use super::RunStatus;
use abridge::corpus::{self, Document, FileFilter};
use anyhow::Result;
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
    let warn = |w: &corpus::Warning| {
        if !quiet {
            eprintln!("abridge: warning: {w}");
        }
    };
    discovery.warnings.iter().for_each(warn);
    for err in &discovery.errors {
        eprintln!("abridge: error: {err}");
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
                eprintln!("abridge: error: {err}");
                status.failed_inputs += 1;
            }
        }
    }
    Ok(status)
}
