//! Reading inputs' bytes with as few system calls as a file allows.
//!
//! Over thousands of small articles the kernel's per-file work (path lookup, open, read, close)
//! costs more than parsing them, so this is where `abridge tables` spends most of its time.

use super::{display_path, from_bytes, Input, Loaded};
use crate::Error;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Reads inputs one after another, keeping the directory of the last file open so that the next
/// file in it is opened relative to it: the kernel then looks up one path component instead of
/// every one (sorted walks give runs of files from one directory).
///
/// ```
/// use abridge::corpus::{Input, Reader};
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("a.txt"), "Some text.\n").unwrap();
/// let mut reader = Reader::default();
/// let loaded = reader.load(&Input::File(dir.path().join("a.txt"))).unwrap();
/// assert_eq!(loaded.document.unwrap().text, "Some text.\n");
/// assert!(reader.load(&Input::File(dir.path().join("missing.txt"))).is_err());
/// ```
#[derive(Debug, Default)]
pub struct Reader {
    /// The directory the last file was read from, and a handle on it (`None` when it could not
    /// be opened: files there are then opened by their whole path).
    directory: Option<(PathBuf, Option<File>)>,
    /// The buffer files are read into, reused from file to file.
    scratch: Vec<u8>,
}

impl Reader {
    /// Reads and decodes one input.
    pub fn load(&mut self, input: &Input) -> Result<Loaded, Error> {
        let (source, bytes) = match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .map_err(|source| Error::Io {
                        path: "-".into(),
                        source,
                    })?;
                ("-".to_string(), bytes)
            }
            Input::File(path) => {
                let name = display_path(path);
                let bytes = self.read(path).map_err(|source| Error::Io {
                    path: name.clone(),
                    source,
                })?;
                (name, bytes)
            }
        };
        Ok(from_bytes(source, bytes))
    }

    fn read(&mut self, path: &Path) -> io::Result<Vec<u8>> {
        let file = self.open(path)?;
        read_to_end(file, &mut self.scratch)
    }

    #[cfg(unix)]
    fn open(&mut self, path: &Path) -> io::Result<File> {
        use rustix::fs::{openat, Mode, OFlags};
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        // Split at the last separator byte: `Path::parent` and `Path::file_name` each parse the
        // path's components again, for every file.
        let bytes = path.as_os_str().as_bytes();
        let (parent, name) = match memchr::memrchr(b'/', bytes) {
            Some(0) => (Path::new("/"), &bytes[1..]),
            Some(slash) => (
                Path::new(OsStr::from_bytes(&bytes[..slash])),
                &bytes[slash + 1..],
            ),
            None => (Path::new("."), bytes),
        };
        // `dir/`, `dir/.` and `dir/..` name directories, not files in `dir`: opened as given.
        if matches!(name, b"" | b"." | b"..") {
            return File::open(path);
        }
        let name = OsStr::from_bytes(name);
        let cached =
            matches!(&self.directory, Some((dir, _)) if dir.as_os_str() == parent.as_os_str());
        if !cached {
            self.directory = Some((parent.to_path_buf(), File::open(parent).ok()));
        }
        match &self.directory {
            Some((_, Some(dir))) => {
                let fd = openat(dir, name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty())?;
                Ok(File::from(fd))
            }
            _ => File::open(path),
        }
    }

    #[cfg(not(unix))]
    fn open(&mut self, path: &Path) -> io::Result<File> {
        File::open(path)
    }
}

/// Reads a whole file, through `scratch`, without asking its size first, and returns its bytes.
///
/// `std::fs::read` sizes its buffer with a `statx` call (and `File::read_to_end` adds an
/// `lseek`); on a corpus of 10,000 three-kilobyte articles that call cost more kernel time than
/// the extra `read` that finds the end of a file. So a file is first read into a reused, already
/// initialised buffer that holds nearly every article, and exactly its bytes are copied out;
/// only a file that fills the buffer goes on with std's sized read (one allocation of the right
/// size, no zero-filling), where two system calls more do not matter.
fn read_to_end(mut file: File, scratch: &mut Vec<u8>) -> io::Result<Vec<u8>> {
    const SCRATCH: usize = 64 * 1024;
    if scratch.len() < SCRATCH {
        scratch.resize(SCRATCH, 0);
    }
    let mut filled = 0;
    while filled < scratch.len() {
        match file.read(&mut scratch[filled..]) {
            Ok(0) => return Ok(scratch[..filled].to_vec()),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let mut bytes = scratch[..filled].to_vec();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_several_directories_and_errors_in_between() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("a.txt"), "first").unwrap();
        std::fs::write(d.join("sub/b.txt"), "second").unwrap();
        std::fs::write(d.join("c.txt"), "x".repeat(100_000)).unwrap();
        std::fs::write(d.join("d.txt"), "y".repeat(3_000_000)).unwrap();
        let mut reader = Reader::default();
        let mut text = |p: &str| -> Result<String, Error> {
            let loaded = reader.load(&Input::File(d.join(p)))?;
            Ok(loaded.document.map(|doc| doc.text).unwrap_or_default())
        };
        assert_eq!(text("a.txt").unwrap(), "first");
        assert_eq!(text("sub/b.txt").unwrap(), "second");
        let missing = text("sub/none.txt").unwrap_err().to_string();
        assert!(
            missing.ends_with("sub/none.txt: No such file or directory (os error 2)"),
            "{missing}"
        );
        assert_eq!(text("c.txt").unwrap(), "x".repeat(100_000));
        assert_eq!(text("d.txt").unwrap(), "y".repeat(3_000_000));
        assert_eq!(
            text("a.txt").unwrap(),
            "first",
            "nothing of a longer file left over"
        );
        assert!(text("sub").is_err(), "a directory is not an input");
        assert!(text("sub/").is_err() && text("sub/..").is_err() && text("sub/.").is_err());
        assert_eq!(text("sub//b.txt").unwrap(), "second");
        assert_eq!(text("./sub/../a.txt").unwrap(), "first");
    }
}
