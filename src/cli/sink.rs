//! Where results go: standard output, or a file written atomically.

use anyhow::{Context, Result};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Bytes gathered before each write: the 8 KiB default made `abridge tables` over 10,000 files
/// issue one `write` per 8 KiB of its 3 MB of JSON.
const BUFFER: usize = 64 * 1024;

/// A buffered destination. Results written to a file only appear under its name on
/// [`Sink::commit`]; if the run dies first, the temporary file is removed. Destinations that
/// are not regular files (`--output /dev/null`) are written directly: an atomic rename over
/// them would replace them — as root, `/dev/null` itself became a regular file.
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    /// An existing destination that is not a regular file (`/dev/null`, a FIFO, a terminal):
    /// written to as it is, since renaming a file over it would replace the device or pipe.
    Through(BufWriter<std::fs::File>),
    File {
        temp: BufWriter<NamedTempFile>,
        path: PathBuf,
    },
}

impl Sink {
    pub fn open(output: Option<&Path>) -> Result<Self> {
        let Some(path) = output else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(BUFFER, io::stdout())));
        };
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                anyhow::bail!("cannot write {}: it is a directory", path.display())
            }
            Ok(meta) if !meta.is_file() => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                return Ok(Sink::Through(BufWriter::with_capacity(BUFFER, file)));
            }
            _ => {}
        }
        // Through a symbolic link, the file it leads to is replaced and the link stays.
        let path = match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
            _ => path.to_path_buf(),
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let temp = NamedTempFile::new_in(dir)
            .with_context(|| format!("cannot create a file in {}", dir.display()))?;
        Ok(Sink::File {
            temp: BufWriter::with_capacity(BUFFER, temp),
            path,
        })
    }

    /// Flushes and, for a file, renames it into place.
    pub fn commit(self) -> Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush().map_err(Into::into),
            Sink::Through(mut out) => out.flush().map_err(Into::into),
            Sink::File { temp, path } => {
                let temp = temp
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("cannot write {}", path.display()))?;
                temp.persist(&path)
                    .map_err(|e| e.error)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Through(out) => out.write(buf),
            Sink::File { temp, .. } => temp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Through(out) => out.flush(),
            Sink::File { temp, .. } => temp.flush(),
        }
    }
}

/// True when the error is a closed pipe on stdout (`abridge ... | head`), which is no failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
