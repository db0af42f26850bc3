//! The article-mode scan: one pass over the lines that finds tables and lists, skipping fenced
//! code, and remembers the paragraph before each table for its caption.

use super::block::{fence_close, fence_open};
use super::grammar;
use super::lines::{Line, LineIndex, LineSource, Window};
use super::table::Quoted;
use super::{list, table, Extracted, MAX_NESTING};
use memchr::memchr;

/// Most [`Line`]s a text may have for the scan to use a vector of them: one per 16 bytes of
/// text, so the vector takes at most twice the text. Denser texts are scanned on a
/// [`LineIndex`], 4 bytes a line but slower to ask.
const BYTES_PER_LINE: usize = 16;

pub(crate) fn scan(text: &str) -> Extracted<'_> {
    match super::lines::line_vec_within(text, text.len() / BYTES_PER_LINE + 1) {
        Some(lines) => scan_lines(text, lines.as_slice()),
        None => scan_lines(text, &LineIndex::new(text)),
    }
}

/// The scan over `lines`, the lines of `text`.
fn scan_lines<'a>(text: &'a str, lines: &(impl LineSource<'a> + ?Sized)) -> Extracted<'a> {
    let mut found = Extracted::default();
    let mut paragraph_start: Option<usize> = None;
    let mut fence: Option<(char, usize)> = None;
    let mut pipes = Pipes::new(text);
    let mut i = 0;
    while let Some(line) = lines.line(i) {
        if let Some((c, len)) = fence {
            if fence_close(line.text, c, len) {
                fence = None;
            }
            i += 1;
            continue;
        }
        // Most lines are prose: settle them before trying every block start on them.
        if is_prose_start(line.text) && !pipes.within(&line) {
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
        let paragraph = Window {
            source: lines,
            range: paragraph_start.unwrap_or(i)..i,
        };
        let table = pipes
            .within(&line)
            .then(|| {
                quoted_table(lines, i, &paragraph).or_else(|| table::parse_at(lines, i, &paragraph))
            })
            .flatten();
        if let Some((t, next)) = table {
            found.tables.push(t);
            paragraph_start = None;
            i = next;
            continue;
        }
        if let Some((l, next)) = list::parse_with_tables(
            lines,
            i,
            paragraph_start.is_some(),
            &mut found.nesting_capped,
            &mut found.tables,
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

/// A table inside block quotes (`> | a | b |` over `> |---|---|`): the table of the lines with
/// as many quote markers as `lines[i]`, markers removed. The caption comes from the quoted
/// paragraph before it.
// Rare (a quoted pipe line): kept out of the scan's loop.
#[cold]
#[inline(never)]
fn quoted_table<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    paragraph: &Window<'_, impl LineSource<'a> + ?Sized>,
) -> Option<(super::Table<'a>, usize)> {
    let line = lines.line(i)?;
    // Quoted lines start with `>`: one look turns the other pipe lines away.
    if grammar::first_after(line.text, &[' ']) != Some('>') {
        return None;
    }
    let depth = grammar::quote_depth(line.text, MAX_NESTING);
    let quoted = Quoted {
        source: lines,
        depth,
    };
    let paragraph = Window {
        source: &quoted,
        range: paragraph.range.clone(),
    };
    table::parse_at(&quoted, i, &paragraph)
}

/// True when the line can only be paragraph text, whatever else it holds (short of a pipe): it
/// is not blank (its first character after spaces and tabs is printable ASCII), opens no code
/// fence and starts no list marker, nor is a marker alone (the marker rules fail on the first
/// character of most lines). Lines starting with other characters are left to the full tests.
// Called on every line: inlined into the scan (a call per line costs as much as the rule).
#[inline(always)]
fn is_prose_start(text: &str) -> bool {
    let Some(first) = grammar::first_after(text, &[' ', '\t']) else {
        return false;
    };
    first.is_ascii_graphic()
        && !(grammar::may_open_fence_or_item(first)
            && (fence_open(text).is_some()
                || grammar::marker(text).is_ok()
                || grammar::lone_marker(text).is_ok()))
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
    use crate::markup::lines::lines;

    fn line_vec(text: &str) -> Vec<Line<'_>> {
        lines(text).collect()
    }

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
                proptest::prop_assert!(list::parse_at(lines.as_slice(), 0, false, &mut false).is_none());
                proptest::prop_assert!(list::parse_at(lines.as_slice(), 0, true, &mut false).is_none());
            }
        }
    }

    proptest::proptest! {
        /// The scan finds the same on a vector of lines and on the compact index.
        #[test]
        fn both_line_stores_scan_the_same(
            text in "([-*•1. |a-z:\t—]{0,12}(\n|\r\n|\r)){0,40}"
        ) {
            let vec = line_vec(&text);
            proptest::prop_assert_eq!(
                scan_lines(&text, vec.as_slice()),
                scan_lines(&text, &LineIndex::new(&text))
            );
        }
    }

    #[test]
    fn dense_lines_are_scanned_on_the_index() {
        let text = "a|b\n-|-\n1|2\n\n".repeat(1000) + &"\n".repeat(100_000);
        assert!(
            crate::markup::lines::line_vec_within(&text, text.len() / BYTES_PER_LINE + 1).is_none()
        );
        let found = scan(&text);
        assert_eq!(found.tables.len(), 1000);
        assert_eq!(found.tables[999].lines, [3997, 3999]);
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
