//! The crate's one error type.

use std::io;

/// Everything that can go wrong in a library call. Each variant names the input, file or option
/// at fault; its `Display` is the message the `abridge` command prints.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be opened, read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path as given or found.
        path: String,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// A path given as input does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The path as given.
        path: String,
    },
    /// A directory could not be listed (the entries read before the failure are still used).
    #[error("{path}: cannot list directory: {source}")]
    Walk {
        /// The directory.
        path: String,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// An input filter pattern that is not a valid glob.
    #[error("invalid --glob pattern {pattern:?}: {message}")]
    Glob {
        /// The pattern.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
    /// A file in a snapshot folder that is not a snapshot.
    #[error("{path}: not a snapshot file ({message})")]
    InvalidSnapshot {
        /// The file.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// Two inputs whose snapshot files would have the same name.
    #[error("inputs {first:?} and {second:?} would share the snapshot file {name}")]
    SnapshotCollision {
        /// The first input.
        first: String,
        /// The second input.
        second: String,
        /// The snapshot file name they share.
        name: String,
    },
    /// A line of a ROUGE exceptions list that is not `word TAB base`.
    #[error("line {line}: expected 'word<TAB>base', found {found:?}")]
    Exceptions {
        /// 1-based line number.
        line: usize,
        /// The line.
        found: String,
    },
    /// An option was given a value the library refuses (`Budget::Words(0)`, a ratio above 1...).
    #[error("{reason}")]
    InvalidOption {
        /// The option, as the command line names it (`--ratio`, `--mmr-lambda`...).
        option: &'static str,
        /// Why its value was refused, as the command line says it.
        reason: String,
    },
    /// A date that is not a valid `YYYY-MM-DD` calendar date.
    #[error("invalid date {0:?}: expected a calendar date written YYYY-MM-DD")]
    InvalidDate(String),
}

impl Error {
    /// An [`Error::InvalidOption`].
    pub(crate) fn option(option: &'static str, reason: impl Into<String>) -> Error {
        Error::InvalidOption {
            option,
            reason: reason.into(),
        }
    }
}

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
