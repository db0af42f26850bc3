//! The crate's error type.

/// Everything that can go wrong in a library call. Each variant says which input or option was
/// at fault; its `Display` is the message the `abridge` command prints.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input could not be found, listed or read (the other inputs are still processed).
    #[error(transparent)]
    Corpus(#[from] crate::corpus::CorpusError),
    /// A snapshot folder could not be read or written.
    #[cfg(feature = "snapshot")]
    #[error(transparent)]
    Snapshot(#[from] crate::extract::snapshot::SnapshotError),
    /// A ROUGE exceptions file had a malformed line.
    #[error(transparent)]
    Exceptions(#[from] crate::eval::ExceptionsError),
    /// An option was given a value the library refuses (`Budget::Words(0)`, a ratio above 1...).
    #[error("{reason}")]
    InvalidOption {
        /// The option, as the command line names it (`--words`, `--ratio`...).
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
