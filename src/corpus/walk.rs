//! Turning PATH arguments into an ordered list of inputs.

use super::{display_path, CorpusError, Warning};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The file patterns used when no `--glob` is given.
pub const DEFAULT_GLOBS: [&str; 3] = ["*.txt", "*.md", "*.markdown"];

/// One input to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// Which files of a walked directory are inputs. A pattern matches a file's name or its path
/// relative to the directory given. Files named explicitly on the command line always count.
#[derive(Debug, Clone)]
pub struct FileFilter {
    set: GlobSet,
}

impl FileFilter {
    /// A filter from glob patterns; the defaults when `patterns` is empty.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<Self, CorpusError> {
        let mut builder = GlobSetBuilder::new();
        let mut add = |pattern: &str| {
            let glob = Glob::new(pattern).map_err(|e| CorpusError::Glob {
                pattern: pattern.to_string(),
                message: e.kind().to_string(),
            })?;
            builder.add(glob);
            Ok::<_, CorpusError>(())
        };
        if patterns.is_empty() {
            DEFAULT_GLOBS.iter().try_for_each(|p| add(p))?;
        } else {
            patterns.iter().try_for_each(|p| add(p.as_ref()))?;
        }
        let set = builder.build().map_err(|e| CorpusError::Glob {
            pattern: String::new(),
            message: e.to_string(),
        })?;
        Ok(Self { set })
    }

    fn accepts(&self, relative: &Path) -> bool {
        self.set.is_match(relative) || relative.file_name().is_some_and(|n| self.set.is_match(n))
    }
}

impl Default for FileFilter {
    fn default() -> Self {
        Self::new::<&str>(&[]).expect("the default globs are valid")
    }
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub inputs: Vec<Input>,
    pub errors: Vec<CorpusError>,
    pub warnings: Vec<Warning>,
    /// Canonical paths already taken: a file reached twice through symbolic links is read once.
    seen: HashSet<PathBuf>,
}

impl Discovery {
    fn push_file(&mut self, path: PathBuf) {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if self.seen.insert(key) {
            self.inputs.push(Input::File(path));
        }
    }
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
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
            found.push_file(path.to_path_buf());
        } else {
            found.errors.push(CorpusError::Missing {
                path: display_path(path),
            });
        }
    }
    found
}

fn walk(root: &Path, filter: &FileFilter, found: &mut Discovery) {
    let entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e));
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                if filter.accepts(relative) {
                    found.push_file(entry.into_path());
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map_or_else(|| display_path(root), display_path);
                if err.loop_ancestor().is_some() {
                    found.warnings.push(Warning {
                        source: path,
                        message: "symbolic link loop, skipped".into(),
                    });
                } else {
                    let message = err
                        .io_error()
                        .map_or_else(|| err.to_string(), |e| e.to_string());
                    found.errors.push(CorpusError::Walk { path, message });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_filter_takes_text_and_markdown() {
        let f = FileFilter::default();
        assert!(f.accepts(Path::new("a/b.txt")) && f.accepts(Path::new("c.md")));
        assert!(f.accepts(Path::new("x.markdown")) && !f.accepts(Path::new("y.html")));
    }

    #[test]
    fn custom_globs_match_names_or_relative_paths() {
        let f = FileFilter::new(&["news/**/*.html"]).unwrap();
        assert!(f.accepts(Path::new("news/2024/a.html")));
        assert!(!f.accepts(Path::new("blog/a.html")));
        assert!(FileFilter::new(&["a[b"]).is_err());
    }
}
