//! Command-line interface: flags → validated options → library calls → output.

mod args;
mod clean_cmd;
mod eval_cmd;
mod extract_cmds;
mod inputs;
mod record_cmds;
mod sentences_cmd;
mod sink;
mod stories_cmd;
mod summarize_cmd;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Exit status when some input failed while the others were processed.
pub const EXIT_INPUT_FAILED: u8 = 1;
/// Exit status for usage errors (clap uses it too).
pub const EXIT_USAGE: u8 = 2;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads {
        // Only fails if a pool was already built, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n as usize)
            .build_global();
    }
    let result = match &cli.command {
        Command::Tables(a) => extract_cmds::tables(a, cli.quiet),
        Command::Lists(a) => extract_cmds::lists(a, cli.quiet),
        Command::Clean(a) => clean_cmd::clean(a, cli.quiet),
        Command::Summarize(a) => summarize_cmd::summarize(a, cli.quiet),
        Command::Stories(a) => stories_cmd::stories(a, cli.quiet),
        Command::Sentences(a) => sentences_cmd::sentences(a, cli.quiet),
        Command::Eval(a) => eval_cmd::eval(a),
        Command::Extract(a) => record_cmds::extract(a, cli.quiet),
        Command::Snapshot(a) => record_cmds::snapshot(a, cli.quiet),
    };
    match result {
        Ok(status) => status.exit_code(),
        Err(err) => {
            if sink::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("abridge: error: {err:#}");
            ExitCode::from(match err.downcast_ref::<args::UsageError>() {
                Some(_) => EXIT_USAGE,
                None => EXIT_INPUT_FAILED,
            })
        }
    }
}

/// How a run over the inputs went.
#[derive(Debug, Default, Clone, Copy)]
pub struct RunStatus {
    pub failed_inputs: usize,
}

impl RunStatus {
    fn exit_code(self) -> ExitCode {
        if self.failed_inputs == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(EXIT_INPUT_FAILED)
        }
    }
}
