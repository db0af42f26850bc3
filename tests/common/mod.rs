//! Helpers shared by the integration tests: fixtures read exactly as the CLI reads them, and the
//! insta settings every snapshot test uses. (Each test file compiles this module on its own and
//! uses part of it.)
#![allow(dead_code)]

use abridge::corpus::from_bytes;
use std::path::{Path, PathBuf};

/// `tests/fixtures/<parts...>`.
pub fn fixture_path(parts: &[&str]) -> PathBuf {
    let mut path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures"]
        .iter()
        .collect();
    path.extend(parts);
    path
}

/// The file name of a fixture, as reported in the snapshots' `source`.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .and_then(|name| name.to_str())
        .expect("fixture names are UTF-8")
        .to_string()
}

/// Reads and decodes a fixture exactly as the CLI does (BOM removed, line terminators kept),
/// reported under `source`; a fixture that draws a warning (binary, invalid UTF-8, empty) is a
/// broken fixture.
pub fn load_as(path: &Path, source: String) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let loaded = from_bytes(source, bytes);
    assert!(
        loaded.warnings.is_empty(),
        "{}: {:?}",
        path.display(),
        loaded.warnings
    );
    loaded.document.expect("fixtures are text").text
}

/// [`load_as`] under the fixture's file name.
pub fn load(path: &Path) -> String {
    load_as(path, file_name(path))
}

/// Snapshots live in the top-level `snapshots/` folder, named without the test module.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// The line of `stage` in a `--timings` report (a panic naming the stage when it is missing).
pub fn stage_line(report: &str, stage: &str) -> String {
    report
        .lines()
        .find(|l| l.starts_with(stage))
        .unwrap_or_else(|| panic!("{stage} missing:\n{report}"))
        .trim_end()
        .to_string()
}
