#![no_main]
//! The whole `extract` record: no panic; the summary within its budget and made of the
//! document's sentences; the record serialises to JSON.

use abridge::corpus::Document;
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let document = Document {
        source: "fuzz.txt".into(),
        text: text(data),
    };
    let lines = line_count(&document.text);
    let record = abridge::extract::extract(&document, 20);
    assert!(
        record.summary.words <= 20,
        "summary of {} words",
        record.summary.words
    );
    for s in &record.summary.sentences {
        assert!(
            s.index < record.sentences,
            "summary sentence {} of {}",
            s.index,
            record.sentences
        );
        assert!(s.score.is_finite());
    }
    for table in &record.tables {
        check_table(table, &document.text, lines);
    }
    for list in &record.lists {
        check_list(list, &document.text, lines);
    }
    let json = serde_json::to_string(&record).expect("a record serialises");
    assert!(json.starts_with('{'));
});
