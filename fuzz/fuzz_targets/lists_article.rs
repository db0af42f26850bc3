#![no_main]
//! Article-mode lists (found with the tables in one scan): no panic; ranges inside the input,
//! nested lists inside their parents, lists never overlapping each other or a table.

use abridge::markup::{self, Mode};
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let lines = line_count(&text);
    let found = markup::extract(&text, Mode::Article);
    for list in &found.lists {
        check_list(list, &text, lines);
    }
    check_ordered(
        &found.lists.iter().map(|l| l.lines).collect::<Vec<_>>(),
        "lists",
    );
    for t in &found.tables {
        for l in &found.lists {
            assert!(
                t.lines[1] < l.lines[0] || l.lines[1] < t.lines[0],
                "table and list overlap"
            );
        }
    }
    assert_eq!(
        markup::lists(&text),
        found.lists,
        "lists() is extract()'s lists"
    );
});
