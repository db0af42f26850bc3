//! Snapshot regression for users' pipelines: each document's extract record (and the
//! multi-document summary) stored as pretty JSON in a folder, compared on later runs.
//!
//! A snapshot file is `{"abridge": VERSION, "options": {...}, "record": {...}}`. Only `options`
//! and `record` are compared: upgrading abridge alone does not make every snapshot differ, only
//! what the upgrade changes in the results does.

use crate::Error;
use serde::Serialize;
use serde_json::{json, Value};
use similar::TextDiff;
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// The file name of the multi-document summary's snapshot (`@` keeps it apart from documents).
pub const SUMMARY_NAME: &str = "@summary.json";

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The snapshot file name of a source: its path with separators and unusual characters made safe,
/// plus `.json` (`news/a.txt` → `news__a.txt.json`, standard input → `stdin.json`).
pub fn file_name(source: &str) -> String {
    if source == "-" {
        return "stdin.json".into();
    }
    let trimmed = source.trim_start_matches("./").trim_start_matches('/');
    let mut name = String::with_capacity(trimmed.len() + 5);
    for part in trimmed.split('/') {
        if !name.is_empty() {
            name.push_str("__");
        }
        match part {
            ".." => name.push_str("up"),
            _ => name.extend(part.chars().map(|c| {
                if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })),
        }
    }
    name.push_str(".json");
    name
}

/// One snapshot to compare or write: its file name and the parts that are compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The snapshot file name.
    pub name: String,
    /// The input it comes from (for messages).
    pub source: String,
    /// The options the record was made with, stored beside it.
    pub options: Value,
    /// The record itself.
    pub record: Value,
}

impl Entry {
    /// An entry for `record` of `source`, made with `options`.
    pub fn new<T: Serialize>(
        source: &str,
        name: String,
        options: Value,
        record: &T,
    ) -> serde_json::Result<Self> {
        Ok(Entry {
            name,
            source: source.to_string(),
            options,
            record: serde_json::to_value(record)?,
        })
    }

    /// The file's text: pretty JSON with a trailing newline.
    pub fn file_text(&self) -> String {
        let value = json!({
            "abridge": env!("CARGO_PKG_VERSION"),
            "options": self.options,
            "record": self.record,
        });
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The compared part, pretty-printed, for diffs.
    fn compared_text(options: &Value, record: &Value) -> String {
        let mut text = serde_json::to_string_pretty(&json!({"options": options, "record": record}))
            .unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Checks that no two entries share a file name.
pub fn check_names(entries: &[Entry]) -> Result<(), Error> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for e in entries {
        if let Some(first) = seen.insert(&e.name, &e.source) {
            return Err(Error::SnapshotCollision {
                first: first.to_string(),
                second: e.source.clone(),
                name: e.name.clone(),
            });
        }
    }
    Ok(())
}

/// The outcome of comparing entries with a snapshot folder.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Comparison {
    /// Snapshot files whose record is unchanged.
    pub matched: Vec<String>,
    /// File name, source and unified diff (stored → current).
    pub changed: Vec<(String, String, String)>,
    /// Inputs without a snapshot: (file name, source).
    pub added: Vec<(String, String)>,
    /// Snapshot files whose input is gone.
    pub removed: Vec<String>,
    /// Snapshot files written by another abridge version (still compared on their content).
    pub other_version: Vec<String>,
}

impl Comparison {
    /// Whether nothing changed, appeared or vanished.
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

/// The `*.json` snapshot files in `dir` (none when `dir` does not exist).
pub fn stored_files(dir: &Path) -> Result<Vec<String>, Error> {
    let listing = match fs::read_dir(dir) {
        Ok(l) => l,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(dir)(e)),
    };
    let mut names = Vec::new();
    for entry in listing {
        let entry = entry.map_err(io_error(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && !name.starts_with('.') && entry.path().is_file() {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// Compares `entries` with the snapshots stored in `dir`.
pub fn compare(dir: &Path, entries: &[Entry]) -> Result<Comparison, Error> {
    let stored = stored_files(dir)?;
    let mut result = Comparison::default();
    for e in entries {
        if !stored.contains(&e.name) {
            result.added.push((e.name.clone(), e.source.clone()));
            continue;
        }
        let path = dir.join(&e.name);
        let text = fs::read_to_string(&path).map_err(io_error(&path))?;
        let value: Value = serde_json::from_str(&text).map_err(|err| Error::InvalidSnapshot {
            path: path.display().to_string(),
            message: err.to_string(),
        })?;
        let (Some(options), Some(record)) = (value.get("options"), value.get("record")) else {
            return Err(Error::InvalidSnapshot {
                path: path.display().to_string(),
                message: "no \"options\" and \"record\"".into(),
            });
        };
        if value.get("abridge").and_then(Value::as_str) != Some(env!("CARGO_PKG_VERSION")) {
            result.other_version.push(e.name.clone());
        }
        if options == &e.options && record == &e.record {
            result.matched.push(e.name.clone());
        } else {
            let old = Entry::compared_text(options, record);
            let new = Entry::compared_text(&e.options, &e.record);
            let diff = TextDiff::from_lines(&old, &new)
                .unified_diff()
                .context_radius(3)
                .header(
                    &format!("snapshot {}", e.name),
                    &format!("current {}", e.source),
                )
                .to_string();
            result
                .changed
                .push((e.name.clone(), e.source.clone(), diff));
        }
    }
    result.removed = stored
        .into_iter()
        .filter(|name| !entries.iter().any(|e| &e.name == name))
        .collect();
    Ok(result)
}

/// Writes every entry and removes the snapshots whose input is gone. Every file is first written
/// whole to a temporary file in `dir`; only when all are written are they renamed into place, so
/// a run that fails while writing leaves the folder as it was (a rename failing after that, in
/// the same folder, would leave the earlier ones renamed).
pub fn update(dir: &Path, entries: &[Entry]) -> Result<(usize, Vec<String>), Error> {
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    let mut staged: Vec<(NamedTempFile, PathBuf)> = Vec::with_capacity(entries.len());
    for e in entries {
        let mut temp = NamedTempFile::new_in(dir).map_err(io_error(dir))?;
        temp.write_all(e.file_text().as_bytes())
            .and_then(|()| temp.flush())
            .map_err(io_error(temp.path()))?;
        staged.push((temp, dir.join(&e.name)));
    }
    let written = staged.len();
    for (temp, path) in staged {
        temp.persist(&path).map_err(|e| io_error(&path)(e.error))?;
    }
    let mut removed = Vec::new();
    for name in stored_files(dir)? {
        if !entries.iter().any(|e| e.name == name) {
            let path = dir.join(&name);
            fs::remove_file(&path).map_err(io_error(&path))?;
            removed.push(name);
        }
    }
    Ok((written, removed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_flat_and_safe() {
        assert_eq!(file_name("news/a.txt"), "news__a.txt.json");
        assert_eq!(file_name("./b c.md"), "b_c.md.json");
        assert_eq!(file_name("../x/y.txt"), "up__x__y.txt.json");
        assert_eq!(file_name("-"), "stdin.json");
    }

    #[test]
    fn compare_and_update_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let entry = |name: &str, v: i32| Entry {
            name: name.into(),
            source: name.into(),
            options: json!({"words": 60}),
            record: json!({"value": v}),
        };
        let first = vec![entry("a.json", 1), entry("b.json", 2)];
        let c = compare(dir.path(), &first).unwrap();
        assert_eq!(c.added.len(), 2);
        update(dir.path(), &first).unwrap();
        assert!(compare(dir.path(), &first).unwrap().is_clean());

        let second = vec![entry("a.json", 5), entry("c.json", 3)];
        let c = compare(dir.path(), &second).unwrap();
        assert_eq!(c.changed.len(), 1);
        assert!(
            c.changed[0].2.contains("-    \"value\": 1")
                && c.changed[0].2.contains("+    \"value\": 5")
        );
        assert_eq!(c.added, vec![("c.json".to_string(), "c.json".to_string())]);
        assert_eq!(c.removed, vec!["b.json".to_string()]);
        let (written, removed) = update(dir.path(), &second).unwrap();
        assert_eq!((written, removed), (2, vec!["b.json".to_string()]));
        assert!(compare(dir.path(), &second).unwrap().is_clean());
    }

    #[test]
    fn collisions_are_refused() {
        let e = |source: &str| Entry {
            name: "x.json".into(),
            source: source.into(),
            options: Value::Null,
            record: Value::Null,
        };
        assert!(check_names(&[e("a"), e("b")]).is_err());
    }
}
