//! Snapshots of `extract` for every fixture file: any change in what abridge finds in a document
//! (blocks, title, date, tables, lists, sentence count, summary) shows up as a snapshot diff.
//! Review and accept changes with `cargo insta review` (docs/testing.md).

use abridge::corpus::from_bytes;
use abridge::extract::extract;

#[test]
fn extract_records() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("fixtures/**/*.{txt,md}", |path| {
            let bytes = std::fs::read(path).expect("fixture is readable");
            let name = path
                .strip_prefix(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let loaded = from_bytes(name, bytes);
            let document = loaded.document.expect("fixtures are text");
            insta::assert_json_snapshot!("extract", extract(&document, 60));
        });
    });
}
