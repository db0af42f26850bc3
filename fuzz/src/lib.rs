//! Invariants shared by the fuzz targets: every range a result reports lies inside the input.

use abridge::markup::{self, List, Table};

/// The fuzz input as text (libFuzzer hands bytes; the CLI decodes invalid UTF-8 lossily).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Number of lines of `text` as the parsers count them (LF, CRLF and lone CR end a line).
pub fn line_count(text: &str) -> usize {
    markup::lines(text).count()
}

/// A 1-based line range `[first, last]` inside a text of `lines` lines.
pub fn check_lines(range: [usize; 2], lines: usize, what: &str) {
    assert!(
        1 <= range[0] && range[0] <= range[1] && range[1] <= lines.max(1),
        "{what}: lines {range:?} outside 1..={lines}"
    );
}

/// A byte span inside `text`, on character boundaries.
pub fn check_span(span: &std::ops::Range<usize>, text: &str, what: &str) {
    assert!(
        span.start <= span.end && text.get(span.clone()).is_some(),
        "{what}: span {span:?} not inside the input ({} bytes)",
        text.len()
    );
}

pub fn check_table(table: &Table<'_>, text: &str, lines: usize) {
    check_lines(table.lines, lines, "table");
    check_span(&table.span.range(), text, "table");
    assert_eq!(
        table.alignments.len(),
        table.header.len(),
        "one alignment per column"
    );
    for row in &table.rows {
        assert_eq!(row.len(), table.header.len(), "rows as wide as the header");
    }
}

pub fn check_list(list: &List<'_>, text: &str, lines: usize) {
    check_lines(list.lines, lines, "list");
    check_span(&list.span.range(), text, "list");
    assert!(!list.items.is_empty(), "a list has items");
    for item in &list.items {
        for child in &item.children {
            check_list(child, text, lines);
            assert!(
                list.lines[0] <= child.lines[0] && child.lines[1] <= list.lines[1],
                "a nested list lies inside its parent"
            );
        }
    }
}

/// Tables and lists come in input order and do not overlap one another.
pub fn check_ordered(ranges: &[[usize; 2]], what: &str) {
    for pair in ranges.windows(2) {
        assert!(
            pair[0][1] < pair[1][0],
            "{what}: {pair:?} overlap or are out of order"
        );
    }
}
