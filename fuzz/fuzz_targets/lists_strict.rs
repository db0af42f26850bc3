#![no_main]
//! The strict-mode scan (`markup::extract` in `Mode::Strict`, which walks list items and block
//! quotes as containers): no panic; whatever it reports lies inside the input.

use abridge::markup::{self, Mode};
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let lines = line_count(&text);
    let found = markup::extract(&text, Mode::Strict);
    for table in &found.tables {
        check_table(table, &text, lines);
    }
    for list in &found.lists {
        check_list(list, &text, lines);
    }
    check_ordered(
        &found.lists.iter().map(|l| l.lines).collect::<Vec<_>>(),
        "lists",
    );
});
