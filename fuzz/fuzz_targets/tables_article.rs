#![no_main]
//! Article-mode tables: no panic; ranges inside the input, rows as wide as headers, in order.

use abridge::markup::{self, Mode};
use abridge_fuzz::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let lines = line_count(&text);
    let tables = markup::tables(&text, Mode::Article);
    for table in &tables {
        check_table(table, &text, lines);
    }
    check_ordered(
        &tables.iter().map(|t| t.lines).collect::<Vec<_>>(),
        "tables",
    );
});
