//! Snapshots of `extract` for every fixture file: any change in what abridge finds in a document
//! (blocks, title, date, tables, lists, sentence count, summary) shows up as a snapshot diff.
//! Review and accept changes with `cargo insta review` (docs/testing.md).

mod common;

use abridge::corpus::Document;
use abridge::extract::extract;

#[test]
fn extract_records() {
    common::snapshot_settings().bind(|| {
        insta::glob!("fixtures/**/*.{txt,md}", |path| {
            let source = path
                .strip_prefix(common::fixture_path(&[]))
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let text = common::load_as(path, source.clone());
            let document = Document { source, text };
            insta::assert_json_snapshot!("extract", extract(&document, 60));
        });
    });
}
