//! The article-mode scan: one pass over the lines that finds tables and lists, skipping fenced
//! code, and remembers the paragraph before each table for its caption.

use super::block::{fence_close, fence_open};
use super::grammar;
use super::lines::Line;
use super::{list, table, Extracted};
use memchr::memchr;

pub fn scan(text: &str) -> Extracted<'_> {
    let lines = super::lines::line_vec(text);
    let mut found = Extracted::default();
    let mut paragraph_start: Option<usize> = None;
    let mut fence: Option<(char, usize)> = None;
    let mut pipes = Pipes::new(text);
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if let Some((c, len)) = fence {
            if fence_close(line.text, c, len) {
                fence = None;
            }
            i += 1;
            continue;
        }
        // Most lines are prose: settle them before trying every block start on them.
        if is_prose_start(line.text) && !pipes.within(line) {
            paragraph_start.get_or_insert(i);
            i += 1;
            continue;
        }
        if line.is_blank() {
            paragraph_start = None;
            i += 1;
            continue;
        }
        if let Some(open) = fence_open(line.text) {
            fence = Some(open);
            paragraph_start = None;
            i += 1;
            continue;
        }
        let paragraph = paragraph_start.map_or(&lines[i..i], |start| &lines[start..i]);
        let table = pipes
            .within(line)
            .then(|| table::parse_at(&lines, i, paragraph))
            .flatten();
        if let Some((t, next)) = table {
            found.tables.push(t);
            paragraph_start = None;
            i = next;
            continue;
        }
        if let Some((l, next)) = list::parse_at(
            &lines,
            i,
            paragraph_start.is_some(),
            &mut found.nesting_capped,
        ) {
            found.lists.push(l);
            paragraph_start = None;
            i = next.max(i + 1);
            continue;
        }
        paragraph_start.get_or_insert(i);
        i += 1;
    }
    found
}

/// True when the line can only be paragraph text, whatever else it holds (short of a pipe): it
/// is not blank (its first character after spaces and tabs is printable ASCII), opens no code
/// fence and starts no list marker (the marker rule fails on the first character of most
/// lines). Lines starting with other characters are left to the full tests.
fn is_prose_start(text: &str) -> bool {
    let first = text.bytes().find(|&b| b != b' ' && b != b'\t');
    first.is_some_and(|b| b.is_ascii_graphic())
        && fence_open(text).is_none()
        && grammar::marker(text).is_err()
}

/// Tells which lines hold a `|`, the one character every table row has, with one search per
/// pipe rather than one per line: pipes are rare in article text.
struct Pipes<'a> {
    text: &'a [u8],
    /// Where the last search started, and the first pipe it found at or after that offset.
    from: usize,
    next: Option<usize>,
}

impl<'a> Pipes<'a> {
    fn new(text: &'a str) -> Self {
        let text = text.as_bytes();
        Pipes {
            text,
            from: 0,
            next: memchr(b'|', text),
        }
    }

    /// True when `line` holds a pipe. Cheapest when lines are asked about in input order.
    fn within(&mut self, line: &Line<'_>) -> bool {
        let stale = line.start < self.from || self.next.is_some_and(|at| at < line.start);
        if stale {
            self.from = line.start;
            self.next = self
                .text
                .get(line.start..)
                .and_then(|rest| memchr(b'|', rest))
                .map(|i| line.start + i);
        }
        self.next.is_some_and(|at| at < line.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::lines::line_vec;

    proptest::proptest! {
        /// A line settled as prose is one the full tests would have made paragraph text: not
        /// blank, no fence, no list item, and (with no pipe) no table.
        #[test]
        fn prose_lines_start_no_block(
            line in "[ \t]{0,5}[-*+_`~|#>•0-9a-zA-Z .:)\u{a0}]{0,12}"
        ) {
            if is_prose_start(&line) {
                let lines = line_vec(&line);
                let first = &lines[0];
                proptest::prop_assert!(!first.is_blank());
                proptest::prop_assert!(fence_open(&line).is_none());
                proptest::prop_assert!(list::parse_at(&lines, 0, false, &mut false).is_none());
                proptest::prop_assert!(list::parse_at(&lines, 0, true, &mut false).is_none());
            }
        }
    }

    #[test]
    fn pipes_are_found_in_their_lines_in_any_order() {
        let text = "a | b\nplain\n\nx|\n|\nno pipe here\n";
        let lines = line_vec(text);
        let expected: Vec<bool> = lines.iter().map(|l| l.text.contains('|')).collect();
        let mut pipes = Pipes::new(text);
        let forward: Vec<bool> = lines.iter().map(|l| pipes.within(l)).collect();
        assert_eq!(forward, expected);
        let backward: Vec<bool> = lines.iter().rev().map(|l| pipes.within(l)).collect();
        assert_eq!(backward, expected.into_iter().rev().collect::<Vec<_>>());
    }
}
