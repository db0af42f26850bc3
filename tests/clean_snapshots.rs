//! Snapshots of `abridge clean` and of the body sentences for every page-layout fixture in
//! `tests/fixtures/pages/`: any change in what the cleaner keeps (title, date, blocks, kinds,
//! line ranges) or in how the kept body splits into sentences shows up as a snapshot diff.
//!
//! Every fixture gets two snapshots in the top-level `snapshots/` folder:
//! - `clean@<file>.snap`: the record `abridge clean` prints (`{source, title, date, blocks}`);
//! - `sentences@<file>.snap`: the sentences of the cleaned body, with byte spans into the input.
//!
//! The expected behaviour is asserted page by page in `tests/clean_pages.rs`; these snapshots
//! record what the cleaner does now. Regenerate with
//! `INSTA_UPDATE=always cargo test --test clean_snapshots` and review every changed snapshot.

mod common;

use abridge::article::body_sentences;
use abridge::article::clean;
use abridge::output::{ArticleRecord, SentenceRecord};
use common::{file_name, load, snapshot_settings};
use serde::Serialize;

/// The sentences of one page, wrapped like a record of `abridge sentences`.
#[derive(Serialize)]
struct SentencesRecord<'a> {
    source: &'a str,
    sentences: Vec<SentenceRecord<'a>>,
}

#[test]
fn clean_page_snapshots() {
    snapshot_settings().bind(|| {
        insta::glob!("fixtures/pages/*.txt", |path| {
            let source = file_name(path);
            let text = load(path);
            let article = clean(&text);
            let sentences = body_sentences(&text, &article)
                .into_iter()
                .map(|s| SentenceRecord {
                    text: s.text,
                    span: s.span,
                    terms: None,
                })
                .collect();
            insta::assert_json_snapshot!(
                "sentences",
                SentencesRecord {
                    source: &source,
                    sentences,
                }
            );
            insta::assert_json_snapshot!(
                "clean",
                ArticleRecord {
                    source: &source,
                    language: None,
                    article,
                }
            );
        });
    });
}
