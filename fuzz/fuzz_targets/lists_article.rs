#![no_main]
//! Article-mode lists (found with the tables in one scan): no panic; ranges inside the input,
//! nested lists inside their parents, lists never overlapping each other, and a table inside a
//! list's lines only when indented under an item.

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
    let line_of = |n: usize| {
        markup::lines(&text)
            .nth(n.saturating_sub(1))
            .map_or("", |l| l.text)
    };
    for t in &found.tables {
        for l in &found.lists {
            let apart = t.lines[1] < l.lines[0] || l.lines[1] < t.lines[0];
            // A table indented under an item belongs to it, inside the list's lines; a table at
            // the list's own indentation ends the list.
            let within = l.lines[0] <= t.lines[0] && t.lines[1] <= l.lines[1];
            assert!(
                apart || (within && line_of(t.lines[0]).starts_with([' ', '\t'])),
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
