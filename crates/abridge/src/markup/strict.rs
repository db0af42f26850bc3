//! GFM tables exactly as cmark-gfm finds them: a CommonMark block scan (block quotes, list items,
//! code blocks, paragraphs) in which a paragraph's last line followed by a delimiter row becomes a
//! table header. Only tables are produced; other blocks are tracked just to know where tables can be.
//!
//! Where cmark-gfm and pulldown-cmark disagree, the conformance examples decide: a header that
//! ends a paragraph of several lines must start with a pipe (pulldown-cmark's rule; cmark-gfm also
//! accepts `a | b` there). cmark-gfm's refusal to retry a paragraph after one failed header check
//! is not reproduced.

use super::block::{
    atx_heading, fence_close, fence_open, is_blank, list_marker, quote_marker, setext_underline,
    strip_columns,
};
use super::cells::{cell_text, delimiter_row, fit_row, split_row, Dashes};
use super::inline::plain_text;
use super::lines::{indent_width, lines, Line, LineSource, Offsets, Window};
use super::list::is_thematic_break;
use super::{caption, Alignment, Table, MAX_NESTING, MAX_PADDED_CELLS};
use crate::Span;
use memchr::memchr2;
use std::borrow::Cow;

/// All GFM tables of `text`, and whether containers nested deeper than [`MAX_NESTING`] levels
/// (the deeper markers are then kept as text).
pub(crate) fn tables(text: &str) -> (Vec<Table<'_>>, bool) {
    let mut scanner = Scanner {
        text,
        ..Scanner::default()
    };
    for line in lines(text) {
        scanner.feed(line);
    }
    scanner.close_leaf();
    (scanner.tables, scanner.capped)
}

#[derive(Debug, Clone, Copy)]
enum Container {
    Quote,
    Item { content_column: usize },
}

#[derive(Debug, Default)]
enum Leaf<'a> {
    #[default]
    None,
    /// Paragraph lines, as the text left after container prefixes.
    Paragraph(Paragraph<'a>),
    Table(Table<'a>),
    Fence(char, usize),
    IndentedCode,
}

/// The lines of a paragraph, as the text left after container prefixes: consecutive input
/// lines, each kept as the offset where its text starts (it ends with its input line).
#[derive(Debug)]
struct Paragraph<'a> {
    text: &'a str,
    first_number: usize,
    starts: Offsets,
}

impl<'a> Paragraph<'a> {
    fn new(text: &'a str, line: Line<'a>) -> Self {
        let mut starts = Offsets::for_text(text, 4);
        starts.push(line.start);
        Paragraph {
            text,
            first_number: line.number,
            starts,
        }
    }

    fn push(&mut self, line: Line<'a>) {
        debug_assert_eq!(line.number, self.first_number + self.starts.len());
        self.starts.push(line.start);
    }
}

impl<'a> LineSource<'a> for Paragraph<'a> {
    fn count(&self) -> usize {
        self.starts.len()
    }

    fn line(&self, i: usize) -> Option<Line<'a>> {
        let start = self.starts.get(i)?;
        let rest = self.text.get(start..)?;
        let len = memchr2(b'\n', b'\r', rest.as_bytes()).unwrap_or(rest.len());
        Some(Line {
            number: self.first_number + i,
            start,
            text: &rest[..len],
        })
    }
}

#[derive(Debug, Default)]
struct Scanner<'a> {
    text: &'a str,
    containers: Vec<Container>,
    leaf: Leaf<'a>,
    tables: Vec<Table<'a>>,
    /// Set when a container was not opened because [`MAX_NESTING`] were open.
    capped: bool,
    /// Empty cells the open table was padded with ([`MAX_PADDED_CELLS`]).
    padded: usize,
}

/// `rest`, a suffix of `line.text`, as a line of its own with the right byte offset.
fn sub_line<'a>(line: Line<'a>, rest: &'a str) -> Line<'a> {
    Line {
        number: line.number,
        start: line.end() - rest.len(),
        text: rest,
    }
}

/// A cell as GFM displays it: `\|` unescaped, then inline markup rendered to its text.
fn strict_cell(raw: &str) -> Cow<'_, str> {
    match cell_text(raw) {
        Cow::Borrowed(s) => plain_text(s),
        Cow::Owned(s) => Cow::Owned(plain_text(&s).into_owned()),
    }
}

/// Lines that start another block and so end a table (any list item counts here, even an empty
/// one or one not numbered 1, unlike for paragraphs; so do indented code and HTML, as in
/// cmark-gfm).
fn starts_block(s: &str) -> bool {
    indent_width(s) >= 4
        || html_start(s)
        || quote_marker(s).is_some()
        || list_marker(s).is_some()
        || atx_heading(s)
        || is_thematic_break(s)
        || fence_open(s).is_some()
}

/// An HTML block start: `<` then a tag name, `/`, `!` or `?`.
fn html_start(s: &str) -> bool {
    let t = s.trim_start_matches(' ');
    indent_width(s) <= 3
        && t.strip_prefix('<')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
}

/// Lines that may interrupt a paragraph.
fn interrupts_paragraph(s: &str, lazy: bool) -> bool {
    let item = list_marker(s).is_some_and(|m| !m.empty && (lazy || !m.ordered || m.number == 1));
    quote_marker(s).is_some()
        || item
        || atx_heading(s)
        || is_thematic_break(s)
        || fence_open(s).is_some()
}

impl<'a> Scanner<'a> {
    fn feed(&mut self, line: Line<'a>) {
        let mut rest = line.text;
        let mut matched = 0;
        for container in &self.containers {
            match *container {
                Container::Quote => match quote_marker(rest) {
                    Some(r) => rest = r,
                    None => break,
                },
                Container::Item { content_column } => {
                    if !is_blank(rest) {
                        if indent_width(rest) < content_column {
                            break;
                        }
                        rest = strip_columns(rest, content_column);
                    }
                }
            }
            matched += 1;
        }
        if matched < self.containers.len() {
            if let Leaf::Paragraph(paragraph) = &mut self.leaf {
                if !is_blank(rest) && !interrupts_paragraph(rest, true) {
                    // Lazy continuation: the paragraph goes on without its container prefixes.
                    paragraph.push(sub_line(line, rest));
                    return;
                }
            }
            self.close_leaf();
            self.containers.truncate(matched);
        }

        match &mut self.leaf {
            Leaf::Fence(c, len) => {
                if fence_close(rest, *c, *len) {
                    self.leaf = Leaf::None;
                }
                return;
            }
            Leaf::IndentedCode => {
                if is_blank(rest) || indent_width(rest) >= 4 {
                    return;
                }
                self.close_leaf();
            }
            Leaf::Paragraph(_) => {
                if let Some(alignments) = delimiter_row(rest, Dashes::Ascii) {
                    if self.start_table(alignments, sub_line(line, rest)) {
                        return;
                    }
                }
            }
            Leaf::Table(table) => {
                if is_blank(rest) {
                    self.close_leaf();
                    return;
                }
                if !starts_block(rest) {
                    let cells = split_row(rest);
                    let width = table.header.len();
                    self.padded += width.saturating_sub(cells.len());
                    if !cells.is_empty() && self.padded <= MAX_PADDED_CELLS {
                        table
                            .rows
                            .push(fit_row(cells.into_iter().map(strict_cell).collect(), width));
                        table.lines[1] = line.number;
                        table.span.end = line.end();
                        return;
                    }
                }
                self.close_leaf();
            }
            Leaf::None => {}
        }
        self.open_blocks(line, rest);
    }

    /// Opens the containers and the leaf block that `rest` starts.
    fn open_blocks(&mut self, line: Line<'a>, mut rest: &'a str) {
        loop {
            if is_blank(rest) {
                self.close_leaf();
                return;
            }
            let in_paragraph = matches!(self.leaf, Leaf::Paragraph(_));
            if self.containers.len() >= MAX_NESTING {
                self.capped |= quote_marker(rest).is_some() || list_marker(rest).is_some();
                break;
            }
            if let Some(after) = quote_marker(rest) {
                self.close_leaf();
                self.containers.push(Container::Quote);
                rest = after;
                continue;
            }
            if !is_thematic_break(rest) {
                if let Some(marker) = list_marker(rest) {
                    let may_interrupt = !marker.empty && (!marker.ordered || marker.number == 1);
                    if !in_paragraph || may_interrupt {
                        self.close_leaf();
                        self.containers.push(Container::Item {
                            content_column: marker.content_column,
                        });
                        rest = marker.rest;
                        continue;
                    }
                }
            }
            break;
        }
        let in_paragraph = matches!(self.leaf, Leaf::Paragraph(_));
        if !in_paragraph && indent_width(rest) >= 4 {
            self.leaf = Leaf::IndentedCode;
        } else if let Some((c, len)) = fence_open(rest) {
            self.close_leaf();
            self.leaf = Leaf::Fence(c, len);
        } else if atx_heading(rest)
            || is_thematic_break(rest)
            || (in_paragraph && setext_underline(rest))
        {
            self.close_leaf();
        } else if let Leaf::Paragraph(paragraph) = &mut self.leaf {
            paragraph.push(sub_line(line, rest));
        } else {
            self.close_leaf();
            self.leaf = Leaf::Paragraph(Paragraph::new(self.text, sub_line(line, rest)));
        }
    }

    /// Turns the paragraph's last line into a table header when GFM would.
    fn start_table(&mut self, alignments: Vec<Alignment>, delimiter: Line<'a>) -> bool {
        let Leaf::Paragraph(paragraph) = &self.leaf else {
            return false;
        };
        let Some(header) = paragraph.last_line() else {
            return false;
        };
        let before = Window {
            source: paragraph,
            range: 0..paragraph.count() - 1,
        };
        // A header may end a longer paragraph only when it starts with a pipe and is indented
        // less than four columns (as in cmark-gfm's and pulldown-cmark's examples); a trailing
        // backslash is a hard line break, not a cell.
        let interrupts = before.count() > 0;
        if interrupts && (!header.text.trim_start().starts_with('|') || header.indent() >= 4) {
            return false;
        }
        let trailing_backslashes = header
            .text
            .trim_end()
            .bytes()
            .rev()
            .take_while(|&b| b == b'\\')
            .count();
        if trailing_backslashes % 2 == 1 {
            return false;
        }
        let cells = split_row(header.text);
        if cells.len() != alignments.len() {
            return false;
        }
        let caption = match before.last_line() {
            Some(label) if caption::is_table_label(label.text) => {
                Some(Cow::Borrowed(label.text.trim()))
            }
            _ => caption::from_paragraph(&before),
        };
        self.padded = 0;
        self.leaf = Leaf::Table(Table {
            caption,
            header: cells.into_iter().map(strict_cell).collect(),
            alignments,
            rows: Vec::new(),
            lines: [header.number, delimiter.number],
            span: Span::new(header.start, delimiter.end()),
        });
        true
    }

    fn close_leaf(&mut self) {
        if let Leaf::Table(table) = std::mem::take(&mut self.leaf) {
            self.tables.push(table);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::markup::Table;

    fn tables(text: &str) -> Vec<Table<'_>> {
        super::tables(text).0
    }

    #[test]
    fn header_may_end_a_paragraph_only_with_a_leading_pipe() {
        assert_eq!(tables("Hello\n| a | b |\n| - | - |\n| c | d |\n").len(), 1);
        assert!(tables("table e\na | b\n--|--\nc | d\n").is_empty());
    }

    #[test]
    fn rows_without_pipes_continue_until_a_blank_line() {
        let t = tables("| a | b |\n| --- | --- |\n| c | d |\nbar\n\nbar\n");
        assert_eq!(t[0].rows, [["c", "d"], ["bar", ""]]);
        assert_eq!(t[0].lines, [1, 4]);
    }

    #[test]
    fn block_starts_end_the_table() {
        for end in ["> q", "*", "2.", "# h", "```", "    code", "<div>"] {
            let text = format!("a | b\n--|--\n1 | 2\n{end}\n");
            assert_eq!(tables(&text)[0].rows.len(), 1, "{end}");
        }
    }

    #[test]
    fn tables_inside_containers() {
        let quoted = tables("> Test | Table\n> -----|------\n> Row 1 | Every\n>\n> Paragraph\n");
        assert_eq!(quoted[0].rows, [["Row 1", "Every"]]);
        let in_item = tables(" 1. First\n 2. Second\n\n    Col 1|Col 2\n    -|-\n    R|P\n");
        assert_eq!(in_item[0].header, ["Col 1", "Col 2"]);
        assert_eq!(in_item[0].rows, [["R", "P"]]);
    }

    #[test]
    fn code_blocks_hide_tables() {
        assert!(tables("```\na | b\n--|--\n```\n").is_empty());
        assert!(tables("x\n\n    a | b\n    --|--\n").is_empty());
    }

    #[test]
    fn mismatched_delimiter_is_no_table() {
        assert!(tables("| abc | def |\n| --- |\n| bar |\n").is_empty());
    }

    #[test]
    fn containers_deeper_than_the_cap_are_kept_as_text() {
        use crate::markup::MAX_NESTING;
        let quoted = |levels: usize| {
            let prefix = "> ".repeat(levels);
            format!("{prefix}a | b\n{prefix}-|-\n{prefix}1 | 2\n")
        };
        let text = quoted(MAX_NESTING);
        let (found, capped) = super::tables(&text);
        assert_eq!((found.len(), capped), (1, false));
        assert_eq!(found[0].rows, [["1", "2"]]);
        let text = quoted(MAX_NESTING + 1);
        let (found, capped) = super::tables(&text);
        assert_eq!((found.len(), capped), (0, true));
        let (_, capped) = super::tables(&"> ".repeat(100_000));
        assert!(capped);
    }
}
