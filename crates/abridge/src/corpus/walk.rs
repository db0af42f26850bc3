//! Turning PATH arguments into an ordered list of inputs.

use super::{display_path, Warning};
use crate::Error;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::ffi::OsString;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};

/// The file patterns used when no `--glob` is given.
pub const DEFAULT_GLOBS: [&str; 5] = ["*.txt", "*.md", "*.markdown", "*.html", "*.htm"];

/// One input to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file, as given or found in a walked directory.
    File(PathBuf),
}

/// Which files of a walked directory are inputs. A pattern matches a file's name or its path
/// relative to the directory given. Files named explicitly on the command line always count.
#[derive(Debug, Clone)]
pub struct FileFilter {
    set: GlobSet,
    /// True for the default patterns, all `*.ext`: they match exactly the names ending in
    /// `.ext`, which is tested without the glob machinery (a tenth of the walk's instructions).
    defaults: bool,
}

impl FileFilter {
    /// A filter from glob patterns; the defaults when `patterns` is empty.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<Self, Error> {
        let mut builder = GlobSetBuilder::new();
        let mut add = |pattern: &str| {
            let glob = Glob::new(pattern).map_err(|e| Error::Glob {
                pattern: pattern.to_string(),
                message: e.kind().to_string(),
            })?;
            builder.add(glob);
            Ok::<_, Error>(())
        };
        if patterns.is_empty() {
            DEFAULT_GLOBS.iter().try_for_each(|p| add(p))?;
        } else {
            patterns.iter().try_for_each(|p| add(p.as_ref()))?;
        }
        let set = builder.build().map_err(|e| Error::Glob {
            pattern: String::new(),
            message: e.to_string(),
        })?;
        Ok(Self {
            set,
            defaults: patterns.is_empty(),
        })
    }

    fn accepts(&self, relative: &Path) -> bool {
        if self.defaults {
            return has_default_extension(relative.as_os_str());
        }
        self.set.is_match(relative) || relative.file_name().is_some_and(|n| self.set.is_match(n))
    }

    /// [`accepts`](Self::accepts) for the file `name` in the directory at `directory` (relative
    /// to the walk's root), without building the path of a file at the root.
    fn accepts_in(&self, directory: &Path, name: &std::ffi::OsStr) -> bool {
        if self.defaults {
            return has_default_extension(name);
        }
        if directory.as_os_str().is_empty() {
            self.set.is_match(name)
        } else {
            self.accepts(&directory.join(name))
        }
    }
}

/// True when `path` ends with the extension of one of the [`DEFAULT_GLOBS`] (`*.txt` and so on).
fn has_default_extension(path: &std::ffi::OsStr) -> bool {
    let bytes = path.as_encoded_bytes();
    DEFAULT_GLOBS
        .iter()
        .filter_map(|glob| glob.strip_prefix('*'))
        .any(|extension| bytes.ends_with(extension.as_bytes()))
}

impl Default for FileFilter {
    fn default() -> Self {
        Self::new::<&str>(&[]).expect("the default globs are valid")
    }
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The inputs to read, in order.
    pub inputs: Vec<Input>,
    /// Inputs that could not be found or listed (the others are still read).
    pub errors: Vec<Error>,
    /// Things worth telling the user (a symbolic link loop skipped...).
    pub warnings: Vec<Warning>,
    /// Files already taken: inode number → index in `inputs` of the first file with it, so a
    /// file reached twice (through symbolic links, hard links, or named twice) is read once.
    seen: HashMap<u64, usize, BuildHasherDefault<InodeHasher>>,
    /// Further files whose inode number was taken by a file on another device (rare).
    seen_elsewhere: Vec<(u64, usize)>,
}

impl Discovery {
    /// Takes `path` unless it is a file already taken. `inode` is the number the directory walk
    /// already knows (so the common case costs no system call); `None` asks the file system.
    ///
    /// Identity is checked by inode first and confirmed with the device only when two paths
    /// share an inode number. Canonicalising every path instead cost three `readlink` calls a
    /// file: over a third of the system time of `abridge tables` on 10,000 small files.
    fn push_file(&mut self, path: PathBuf, inode: Option<u64>) {
        let Some(inode) = inode.or_else(|| file_identity(&path).map(|(_, ino)| ino)) else {
            // Not statable (e.g. a dangling link): reading it will report the error.
            self.inputs.push(Input::File(path));
            return;
        };
        let index = self.inputs.len();
        match self.seen.entry(inode) {
            Entry::Vacant(vacant) => {
                vacant.insert(index);
            }
            Entry::Occupied(occupied) => {
                let first = *occupied.get();
                let this = file_identity(&path);
                let same_inode = std::iter::once(first).chain(
                    self.seen_elsewhere
                        .iter()
                        .filter(|(ino, _)| *ino == inode)
                        .map(|&(_, i)| i),
                );
                let taken = same_inode
                    .filter_map(|i| match &self.inputs[i] {
                        Input::File(p) => Some(p),
                        Input::Stdin => None,
                    })
                    .any(|p| this.is_some() && file_identity(p) == this);
                if taken {
                    return;
                }
                self.seen_elsewhere.push((inode, index));
            }
        }
        self.inputs.push(Input::File(path));
    }
}

/// Hashes inode numbers with one multiplication: they are not chosen by an adversary, and
/// SipHash cost a tenth of the walk of a 10,000-file corpus.
#[derive(Default)]
struct InodeHasher(u64);

impl Hasher for InodeHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        // Fibonacci hashing: the multiplication spreads sequential numbers over the high bits,
        // which hashbrown uses for its control bytes.
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The (device, inode) pair of the file `path` leads to, following symbolic links.
#[cfg(unix)]
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Without inode numbers the canonical path is the identity; every file then shares the key 0.
#[cfg(not(unix))]
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    let canonical = std::fs::canonicalize(path).ok()?;
    let mut hasher = DefaultHasher::new();
    canonical.hash(&mut hasher);
    Some((0, hasher.finish()))
}

/// Expands PATH arguments in the order given: `-` is standard input, a file is itself, a
/// directory is walked recursively in sorted order. No argument at all means standard input.
/// A file reached twice (the same path given twice, or through a symbolic link) is read once.
pub fn discover<P: AsRef<Path>>(paths: &[P], filter: &FileFilter) -> Discovery {
    let mut found = Discovery::default();
    if paths.is_empty() {
        found.inputs.push(Input::Stdin);
    }
    for path in paths {
        let path = path.as_ref();
        if path.as_os_str() == "-" {
            found.inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, filter, &mut found);
        } else if path.exists() || path.is_symlink() {
            found.push_file(path.to_path_buf(), None);
        } else {
            found.errors.push(Error::Missing {
                path: display_path(path),
            });
        }
    }
    found
}

/// Walks `root` depth first, every directory's entries in name order (byte order on Unix), hidden
/// entries (names starting with `.`) skipped and symbolic links followed; a link back to a
/// directory being walked is reported as a loop and skipped.
///
/// Written on `std::fs::read_dir` rather than a walking crate: per file it costs one path
/// allocation and no path parsing. The walk on walkdir (path joins, `file_name` re-parsed by the
/// hidden-file filter, a `strip_prefix` for the glob, a sort of the whole walk afterwards) took
/// 60 M of the 398 M instructions of `abridge tables` over 10,000 files; this one takes 17 M
/// (callgrind).
fn walk(root: &Path, filter: &FileFilter, found: &mut Discovery) {
    let (errors_before, warnings_before) = (found.errors.len(), found.warnings.len());
    let mut walker = Walker {
        filter,
        found,
        ancestors: Vec::new(),
    };
    walker.directory(root, Path::new(""));
    // Reports in path order too, whatever order the file system listed the directories in.
    found.warnings[warnings_before..].sort_by(|a, b| a.source.cmp(&b.source));
    found.errors[errors_before..].sort_by_cached_key(|e| e.to_string());
}

/// The state of one walk.
struct Walker<'w> {
    filter: &'w FileFilter,
    found: &'w mut Discovery,
    /// The identities of the directories from the root down to the one being read.
    ancestors: Vec<DirIdentity>,
}

/// What one directory entry turned out to be, links followed.
enum EntryKind {
    File { inode: Option<u64> },
    Directory,
    Other,
}

impl Walker<'_> {
    /// Walks the directory `path`, whose path relative to the root is `relative`.
    fn directory(&mut self, path: &Path, relative: &Path) {
        let identity = dir_identity(path);
        if let Some(id) = &identity {
            if self.ancestors.contains(id) {
                self.found.warnings.push(Warning {
                    source: display_path(path),
                    message: "symbolic link loop, skipped".into(),
                });
                return;
            }
        }
        let entries = match sorted_entries(path) {
            Ok((entries, None)) => entries,
            Ok((entries, Some(err))) => {
                self.error(path, &err);
                entries
            }
            Err(err) => return self.error(path, &err),
        };
        if let Some(id) = identity {
            self.ancestors.push(id);
        }
        self.found.seen.reserve(entries.len());
        for NamedEntry { name, entry } in entries {
            if name.as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            // One allocation of the right size: `DirEntry::path` grows a copy of the directory's path.
            let mut child = PathBuf::with_capacity(path.as_os_str().len() + 1 + name.len());
            child.push(path);
            child.push(&name);
            match entry_kind(&entry, &child) {
                Ok(EntryKind::File { inode }) => {
                    if self.filter.accepts_in(relative, &name) {
                        self.found.push_file(child, inode);
                    }
                }
                Ok(EntryKind::Directory) => self.directory(&child, &relative.join(&name)),
                Ok(EntryKind::Other) => {}
                // An entry that cannot be looked at (a dangling link): named like a file that
                // cannot be read, not like a directory that cannot be listed.
                Err(source) => self.found.errors.push(Error::Io {
                    path: display_path(&child),
                    source,
                }),
            }
        }
        if identity.is_some() {
            self.ancestors.pop();
        }
    }

    fn error(&mut self, path: &Path, err: &std::io::Error) {
        self.found.errors.push(Error::Walk {
            path: display_path(path),
            // io::Error is not Clone: the same kind and message.
            source: std::io::Error::new(err.kind(), err.to_string()),
        });
    }
}

/// A directory entry, its name fetched once (`DirEntry::file_name` allocates).
struct NamedEntry {
    name: OsString,
    entry: std::fs::DirEntry,
}

/// The entries of a directory in name order (`OsStr` order: bytes on Unix).
///
/// An error part-way through the listing keeps the entries read before it and comes back with
/// them, to be reported: the files already listed are still walked.
fn sorted_entries(path: &Path) -> std::io::Result<(Vec<NamedEntry>, Option<std::io::Error>)> {
    let mut entries = Vec::new();
    let mut failure = None;
    for entry in std::fs::read_dir(path)? {
        match entry {
            Ok(entry) => {
                entries.push(NamedEntry {
                    name: entry.file_name(),
                    entry,
                });
            }
            Err(err) => {
                failure = Some(err);
                break;
            }
        }
    }
    entries.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    Ok((entries, failure))
}

/// Whether `entry` (at `path`) is a file, a directory or something else, following a symbolic
/// link to what it leads to. A file's inode number comes with it where the platform has one.
fn entry_kind(entry: &std::fs::DirEntry, path: &Path) -> std::io::Result<EntryKind> {
    let file_type = entry.file_type()?;
    if file_type.is_symlink() {
        let target = std::fs::metadata(path)?;
        return Ok(if target.is_dir() {
            EntryKind::Directory
        } else if target.is_file() {
            EntryKind::File {
                inode: metadata_inode(&target),
            }
        } else {
            EntryKind::Other
        });
    }
    Ok(if file_type.is_dir() {
        EntryKind::Directory
    } else if file_type.is_file() {
        EntryKind::File {
            inode: entry_inode(entry),
        }
    } else {
        EntryKind::Other
    })
}

#[cfg(unix)]
fn entry_inode(entry: &std::fs::DirEntry) -> Option<u64> {
    use std::os::unix::fs::DirEntryExt;
    Some(entry.ino())
}

#[cfg(unix)]
fn metadata_inode(metadata: &std::fs::Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    Some(metadata.ino())
}

#[cfg(not(unix))]
fn entry_inode(_: &std::fs::DirEntry) -> Option<u64> {
    None
}

#[cfg(not(unix))]
fn metadata_inode(_: &std::fs::Metadata) -> Option<u64> {
    None
}

/// What tells two directories apart when looking for link loops.
#[cfg(unix)]
type DirIdentity = (u64, u64);
#[cfg(not(unix))]
type DirIdentity = PathBuf;

#[cfg(unix)]
fn dir_identity(path: &Path) -> Option<DirIdentity> {
    file_identity(path)
}

#[cfg(not(unix))]
fn dir_identity(path: &Path) -> Option<DirIdentity> {
    std::fs::canonicalize(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inputs found, as paths relative to `root` (`-` for standard input).
    fn relative_inputs(found: &Discovery, root: &Path) -> Vec<PathBuf> {
        found
            .inputs
            .iter()
            .map(|input| match input {
                Input::File(p) => p.strip_prefix(root).unwrap().to_path_buf(),
                Input::Stdin => PathBuf::from("-"),
            })
            .collect()
    }

    #[test]
    fn default_filter_takes_text_markdown_and_html() {
        let f = FileFilter::default();
        assert!(f.accepts(Path::new("a/b.txt")) && f.accepts(Path::new("c.md")));
        assert!(f.accepts(Path::new("x.markdown")) && f.accepts(Path::new("y.html")));
        assert!(f.accepts(Path::new("z.htm")) && !f.accepts(Path::new("w.pdf")));
    }

    #[test]
    fn default_extensions_agree_with_the_default_globs() {
        let defaults = FileFilter::default();
        let globs = FileFilter {
            defaults: false,
            ..FileFilter::default()
        };
        for path in [
            "a.txt",
            "a/b.md",
            "deep/er/c.markdown",
            "x.TXT",
            "a.txt.bak",
            "dir.md/x",
            "noext",
            ".txt",
            "a.mdx",
            "txt",
            "é/ü.md",
        ] {
            let path = Path::new(path);
            assert_eq!(defaults.accepts(path), globs.accepts(path), "{path:?}");
            let (dir, name) = (path.parent().unwrap(), path.file_name().unwrap());
            assert_eq!(
                defaults.accepts_in(dir, name),
                globs.accepts_in(dir, name),
                "{path:?}"
            );
        }
    }

    #[test]
    fn custom_globs_match_names_or_relative_paths() {
        let f = FileFilter::new(&["news/**/*.html"]).unwrap();
        assert!(f.accepts(Path::new("news/2024/a.html")));
        assert!(!f.accepts(Path::new("blog/a.html")));
        assert!(FileFilter::new(&["a[b"]).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_is_taken_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("news")).unwrap();
        std::fs::write(d.join("news/a.txt"), "a\n").unwrap();
        std::fs::write(d.join("news/b.txt"), "b\n").unwrap();
        std::os::unix::fs::symlink("news", d.join("mirror")).unwrap();
        std::fs::hard_link(d.join("news/b.txt"), d.join("b-again.txt")).unwrap();
        let named = [d.join("news/a.txt"), d.to_path_buf(), d.join("news/a.txt")];
        let found = discover(&named, &FileFilter::default());
        let files = relative_inputs(&found, d);
        // Sorted walk: "b-again.txt" comes first and stands for news/b.txt; mirror/ is news/.
        let expected: Vec<PathBuf> = ["news/a.txt", "b-again.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(files, expected);
        assert!(found.errors.is_empty() && found.warnings.is_empty());
    }

    #[test]
    fn walk_order_is_component_order() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "a.txt",
            "b/z.txt",
            "a/x.txt",
            "a-b.txt",
            "B.txt",
            "a/b/c.txt",
            "article-00000000010.txt",
            "article-00000000002.txt",
            "article-0000000001.txt",
        ];
        for name in names {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "x").unwrap();
        }
        let found = discover(&[dir.path()], &FileFilter::default());
        let walked = relative_inputs(&found, dir.path());
        let mut by_components: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        by_components.sort();
        assert_eq!(walked, by_components);
    }
}
