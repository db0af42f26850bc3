//! Pipe tables in article text.
//!
//! Article mode is GFM with recovery for what scrapers produce:
//! - the header may follow any paragraph line, with or without a leading pipe;
//! - delimiter cells may be drawn with en/em dashes or U+2212 and spaces, and a delimiter row with
//!   fewer or more cells than the header still marks the header (GFM would reject it);
//! - the table ends at the first line without an unescaped pipe (GFM would make that line a row,
//!   swallowing the heading or prose glued under the table), at a blank line, or at a line
//!   followed by a delimiter row, which starts the next table;
//! - a pipe line without a delimiter row under it (bylines like `Desk | City | Updated: ...`) is
//!   never a table, nor are two (a two-line byline); three or more consecutive pipe lines with the
//!   same number of cells (two or more) and the same leading pipe or none are one, its header the
//!   first (trafilatura and other extractors print tables without a delimiter row);
//! - what only looks like a table is none (html2text draws layout tables and pull quotes as
//!   tables): no body row (a headline or quote over `---|---`, a row of share buttons), no cell
//!   with text, or a delimiter row of another width than the header under which most rows do not
//!   have the header's width either. Data tables have rows;
//! - a row hard-wrapped onto the next lines (its last `|` there, or a lone `|` line) is joined
//!   back when the joined row has exactly the header's width; only a row that does not close
//!   with a pipe when the header does (or that is short of cells) is tried;
//! - a pipe line that is a bullet item (`* a | b`) over a delimiter row that is not indented under
//!   it is the item's text, as in GFM (html2text's layout tables inside list items);
//! - a table inside block quotes (`> | a | b |`) is found with the quote markers removed
//!   (`Quoted`), and one indented under a list item belongs to the item (`list.rs`);
//! - caption: a `Table:`/`Table N:` line right before or right after the table; else the last
//!   sentence of the paragraph right before the table when it ends with `:` or mentions a table;
//!   else none.
//!
//! ```
//! use abridge::markup::{tables, Mode};
//! let text = "Desk | Moscow | Updated: 28-02-2025\nKey Themes | Outcomes |\n---|---|\nTrade | Fewer sanctions |\nThe talks resume on Friday.\n";
//! let found = tables(text, Mode::Article);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].header, ["Key Themes", "Outcomes"]);
//! assert_eq!(found[0].rows.len(), 1);
//! assert_eq!(found[0].caption, None);
//! ```

use super::caption;
use super::cells::{cell_text, delimiter_row, fit_row, has_unescaped_pipe, split_row_with, Dashes};
use super::grammar;
use super::lines::{Line, LineSource};
use super::{Alignment, Table, MAX_PADDED_CELLS};
use crate::Span;
use std::borrow::Cow;

/// Fewest body rows a table without a delimiter row must have (three pipe lines in all): one
/// pipe line is a byline or a nav bar, two are a two-line byline (`Reported by A | Photos by B`
/// over `Edited by C | Sources: D`), and three lines of the same width no longer read as either.
const MIN_UNDELIMITED_ROWS: usize = 2;

/// Most lines a hard-wrapped row may be joined from: a cell wrapped once or twice, and the lone
/// closing `|` some wrappers leave on a line of its own.
const MAX_WRAPPED_LINES: usize = 4;

/// Parses an article-mode table whose header is `lines[i]`. `paragraph` holds the lines of the
/// paragraph right before it (possibly none). Returns the table and the index of the first line
/// after it.
pub(crate) fn parse_at<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    paragraph: &impl LineSource<'a>,
) -> Option<(Table<'a>, usize)> {
    let header_line = lines.line(i)?;
    if !has_unescaped_pipe(header_line.text) {
        return None;
    }
    let delimiter = lines.line(i + 1)?;
    match delimiter_row(delimiter.text, Dashes::Lenient) {
        Some(_) if is_bullet_item_over(header_line.text, delimiter.text) => None,
        Some(alignments) => delimited(lines, i, header_line, alignments, paragraph),
        None => undelimited(lines, i, header_line, paragraph),
    }
}

/// True when `header` is a bullet list item and `delimiter` is not indented past its marker: as
/// in GFM, the delimiter row cannot continue the item, so the pipe line is the item's text
/// (html2text writes a layout table inside a list item as `  * [image] | [title]` over
/// `---|---`), not the header of a table.
pub(crate) fn is_bullet_item_over(header: &str, delimiter: &str) -> bool {
    grammar::item(header).is_ok_and(|(_, marker)| {
        matches!(marker.kind, grammar::MarkerKind::Bullet(_))
            && super::lines::indent_width(delimiter) <= marker.indent
    })
}

/// A table whose header `lines[i]` is over a delimiter row with `alignments`.
fn delimited<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    header_line: Line<'a>,
    mut alignments: Vec<Alignment>,
    paragraph: &impl LineSource<'a>,
) -> Option<(Table<'a>, usize)> {
    let header: Vec<Cow<'a, str>> = split_row_with(header_line.text, cell_text);
    if header.is_empty() {
        return None;
    }
    let width = header.len();
    let delimiter_width = alignments.len();
    alignments.resize(width, Alignment::None);
    // A header that closes with a pipe says every row does: a row that does not was wrapped.
    let closed = ends_with_pipe(header_line.text);

    let mut rows = Vec::new();
    // Rows with as many cells as the header, before fitting: the evidence that a header whose
    // delimiter row has another width still heads columns of data.
    let mut fitting = 0usize;
    let mut padded = 0usize;
    let mut last = i + 1;
    let mut j = i + 2;
    let is_delimiter_at = |k: usize| {
        lines
            .line(k)
            .is_some_and(|l| delimiter_row(l.text, Dashes::Lenient).is_some())
    };
    // Each line is tested once: as the look-ahead of the row above, then carried down.
    let mut is_delimiter = is_delimiter_at(j);
    while let Some(line) = lines.line(j) {
        if !has_unescaped_pipe(line.text) {
            break;
        }
        let next_is_delimiter = is_delimiter_at(j + 1);
        if !is_delimiter {
            let mut cells = split_row_with(line.text, cell_text);
            let mut end = j;
            // A row cut short by a hard wrap (its last pipe, or the end of a cell, on the next
            // lines) is joined when the joined row has exactly the header's width.
            if !ends_with_pipe(line.text) && (closed || cells.len() < width) {
                if let Some((joined, at)) = wrapped_row(lines, j, width) {
                    cells = joined;
                    end = at;
                }
            }
            if cells.is_empty() {
                break;
            }
            if end == j && next_is_delimiter && heads_next_table(&cells, width) {
                break;
            }
            padded += width.saturating_sub(cells.len());
            if padded > MAX_PADDED_CELLS {
                break;
            }
            fitting += usize::from(cells.len() == width);
            rows.push(fit_row(cells, width));
            if end > j {
                last = end;
                j = end + 1;
                is_delimiter = is_delimiter_at(j);
                continue;
            }
        }
        // A stray delimiter row inside the body is a visual separator: kept in the range, no row.
        last = j;
        j += 1;
        is_delimiter = next_is_delimiter;
    }
    // A delimiter of another width than the header is kept as recovery only while most rows
    // have the header's width; otherwise the header is a layout table's first line (a headline
    // over `---|---`, drawn by the widest row).
    if delimiter_width != width && fitting * 2 < rows.len().max(1) {
        return None;
    }
    if is_layout(&header, &rows) {
        return None;
    }
    finish(
        lines,
        i,
        header_line,
        last,
        j,
        header,
        alignments,
        rows,
        paragraph,
    )
}

/// A table without a delimiter row (as trafilatura and other extractors print them): the header
/// line and at least [`MIN_UNDELIMITED_ROWS`] more pipe lines right under it, all with the same
/// number of cells (two or more) and the same leading pipe (or none), so that a nav bar glued
/// above a table does not become its header.
fn undelimited<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    header_line: Line<'a>,
    paragraph: &impl LineSource<'a>,
) -> Option<(Table<'a>, usize)> {
    // Most pipe lines are bylines on their own: two lines' look-ahead settles them before any
    // row is split.
    let is_pipe_line = |k: usize| lines.line(k).is_some_and(|l| has_unescaped_pipe(l.text));
    if !(1..=MIN_UNDELIMITED_ROWS).all(|d| is_pipe_line(i + d)) {
        return None;
    }
    let is_delimiter_at = |k: usize| {
        lines
            .line(k)
            .is_some_and(|l| delimiter_row(l.text, Dashes::Lenient).is_some())
    };
    // Rows right under a delimiter row belong to the table above it (or to the layout table
    // that was turned down there), never to a table of their own; nor is a delimiter row a header.
    if (i > 0 && is_delimiter_at(i - 1)) || is_delimiter_at(i) {
        return None;
    }
    // Quoted rows are read inside their quote (see `Quoted`), not as rows whose first cell
    // is the quote marker.
    if grammar::first_after(header_line.text, &[' ']) == Some('>') {
        return None;
    }
    let leading = starts_with_pipe(header_line.text);
    let header: Vec<Cow<'a, str>> = split_row_with(header_line.text, cell_text);
    let width = header.len();
    if width < 2 || continues_a_run(lines, i, width, leading) {
        return None;
    }
    let mut rows = Vec::new();
    let mut j = i + 1;
    while let Some(line) = lines.line(j) {
        if !has_unescaped_pipe(line.text)
            || starts_with_pipe(line.text) != leading
            || is_delimiter_at(j)
            // A pipe line over a delimiter row heads the next table.
            || is_delimiter_at(j + 1)
        {
            break;
        }
        let cells = split_row_with(line.text, cell_text);
        if cells.len() != width {
            break;
        }
        rows.push(cells);
        j += 1;
    }
    if rows.len() < MIN_UNDELIMITED_ROWS
        || is_layout(&header, &rows)
        || has_constant_column(&header, &rows)
    {
        return None;
    }
    let alignments = vec![Alignment::None; width];
    finish(
        lines,
        i,
        header_line,
        j - 1,
        j,
        header,
        alignments,
        rows,
        paragraph,
    )
}

/// True when `lines[i - 1]` is a pipe line of the same width and leading pipe as `lines[i]`: the
/// run they are part of was judged from its first line (a table, which the scan skipped, or none,
/// which no later start within it can change: its rows share its constant column or empty
/// cells). Looking again from every line of a long refused run would take time quadratic in it
/// (20,000 `Site | page` lines took 53 s).
fn continues_a_run<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    width: usize,
    leading: bool,
) -> bool {
    i.checked_sub(1)
        .and_then(|k| lines.line(k))
        .is_some_and(|above| {
            has_unescaped_pipe(above.text)
                && starts_with_pipe(above.text) == leading
                && split_row_with(above.text, |_| ()).len() == width
        })
}

/// The table from its parts: its caption found around it, its lines and span. `last` is the
/// index of its last line, `next` of the first line after it.
#[allow(clippy::too_many_arguments)]
fn finish<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    i: usize,
    header_line: Line<'a>,
    last: usize,
    next: usize,
    header: Vec<Cow<'a, str>>,
    alignments: Vec<Alignment>,
    rows: Vec<Vec<Cow<'a, str>>>,
    paragraph: &impl LineSource<'a>,
) -> Option<(Table<'a>, usize)> {
    debug_assert!(last >= i && next > last);
    let label = |line: Option<Line<'a>>| {
        line.filter(|l| caption::is_table_label(l.text))
            .map(|l| Cow::Borrowed(l.text.trim()))
    };
    // A label after the table is its caption unless another table follows the label, which
    // then owns it as the label right before it.
    let label_after = label(lines.line(next)).filter(|_| !starts_table(lines, next + 1));
    let caption = label(paragraph.last_line())
        .or(label_after)
        .or_else(|| caption::from_paragraph(paragraph));
    let last_line = lines.line(last)?;
    Some((
        Table {
            caption,
            header,
            alignments,
            rows,
            lines: [header_line.number, last_line.number],
            span: Span::new(header_line.start, last_line.end()),
        },
        next,
    ))
}

/// True for what only looks like a data table: no body row at all (a headline or a pull quote
/// over `---`, a row of share buttons), or not one cell with text in it. Data tables have rows.
fn is_layout(header: &[Cow<'_, str>], rows: &[Vec<Cow<'_, str>>]) -> bool {
    rows.is_empty()
        || header
            .iter()
            .chain(rows.iter().flatten())
            .all(|cell| cell.is_empty())
}

/// True when one column holds the same text in the header and in every row: the lines are
/// `Site | Page title` links (a footer's link list), not a header over data, whose column names
/// differ from their values.
fn has_constant_column(header: &[Cow<'_, str>], rows: &[Vec<Cow<'_, str>>]) -> bool {
    (0..header.len()).any(|k| rows.iter().all(|row| row.get(k) == header.get(k)))
}

/// True when the row, trimmed, ends with a pipe that no backslash escapes.
fn ends_with_pipe(text: &str) -> bool {
    let body = text.trim_end_matches([' ', '\t', '\u{a0}']);
    body.ends_with('|') && !body[..body.len() - 1].ends_with('\\')
}

/// True when the row, trimmed, starts with a pipe.
fn starts_with_pipe(text: &str) -> bool {
    text.trim_start_matches([' ', '\t', '\u{a0}'])
        .starts_with('|')
}

/// The row that starts at `lines[j]` and was hard-wrapped onto the next lines: those lines
/// joined by spaces, up to the first that ends with a pipe (at most [`MAX_WRAPPED_LINES`] in
/// all), when the joined row has exactly `width` cells. A line that starts with a pipe starts a
/// row of its own, unless it is the lone closing pipe of this one; blank lines and delimiter
/// rows end the search. Returns the cells and the index of the row's last line.
fn wrapped_row<'a>(
    lines: &(impl LineSource<'a> + ?Sized),
    j: usize,
    width: usize,
) -> Option<(Vec<Cow<'a, str>>, usize)> {
    for k in j + 1..j + MAX_WRAPPED_LINES {
        let line = lines.line(k)?;
        let text = line.text.trim_matches([' ', '\t', '\u{a0}']);
        let lone_pipe = text == "|";
        if line.is_blank()
            || (starts_with_pipe(text) && !lone_pipe)
            || delimiter_row(text, Dashes::Lenient).is_some()
        {
            return None;
        }
        if !ends_with_pipe(text) {
            continue;
        }
        let mut joined = String::new();
        for part in j..=k {
            let part = lines.line(part)?.text.trim_matches([' ', '\t', '\u{a0}']);
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(part);
        }
        let cells: Vec<Cow<'a, str>> =
            split_row_with(&joined, |c| Cow::Owned(cell_text(c).into_owned()));
        return (cells.len() == width).then_some((cells, k));
    }
    None
}

/// A pipe row over a delimiter row inside a table body is either the header of a table glued
/// to this one or a data row with a separator line under it. A row of another width, or one
/// without any number, reads as a header.
fn heads_next_table(cells: &[Cow<'_, str>], width: usize) -> bool {
    cells.len() != width
        || !cells
            .iter()
            .any(|c| c.chars().any(|ch| ch.is_ascii_digit()))
}

/// True when `lines[j]` is a pipe line over a delimiter row.
pub(crate) fn starts_table<'a>(lines: &(impl LineSource<'a> + ?Sized), j: usize) -> bool {
    lines.line(j).is_some_and(|l| has_unescaped_pipe(l.text))
        && lines
            .line(j + 1)
            .is_some_and(|l| delimiter_row(l.text, Dashes::Lenient).is_some())
}

/// The lines of another source inside `depth` block-quote markers, the markers removed: a
/// table quoted with `> ` is parsed as the same table unquoted. A line with fewer markers is
/// no line of the quote (the quote, and any table in it, ends before it).
pub(crate) struct Quoted<'s, S: ?Sized> {
    pub(crate) source: &'s S,
    pub(crate) depth: usize,
}

impl<'a, S: LineSource<'a> + ?Sized> LineSource<'a> for Quoted<'_, S> {
    fn count(&self) -> usize {
        self.source.count()
    }

    fn line(&self, i: usize) -> Option<Line<'a>> {
        let line = self.source.line(i)?;
        let (_, text) = grammar::unquote(line.text, self.depth).ok()?;
        Some(Line {
            number: line.number,
            // `text` is a suffix of the line's text.
            start: line.end() - text.len(),
            text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{tables, Mode};

    #[test]
    fn the_table_ends_at_the_first_line_without_a_pipe() {
        let text = "Outcome | Description |\n---|---|\nA | one |\nB | two |\nThe Way Forward\n";
        let t = tables(text, Mode::Article);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows, [["A", "one"], ["B", "two"]]);
        assert_eq!(t[0].lines, [1, 4]);
    }

    #[test]
    fn a_pipe_line_without_delimiter_is_not_a_table() {
        assert!(tables(
            "News Desk | Moscow | Updated: 28-02-2025 18:22 IST\nText.\n",
            Mode::Article
        )
        .is_empty());
    }

    #[test]
    fn typographic_dashes_make_a_delimiter() {
        let t = tables("a | b\n—— | –––\n1 | 2\n", Mode::Article);
        assert_eq!(t[0].rows, [["1", "2"]]);
        assert!(tables("a | b\n—— | –––\n1 | 2\n", Mode::Strict).is_empty());
    }

    #[test]
    fn back_to_back_tables_split_at_the_second_header() {
        let t = tables("a | b\n-|-\n1 | 2\nc | d\n-|-\n3 | 4\n", Mode::Article);
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].header, ["c", "d"]);
        assert_eq!(t[1].lines, [4, 6]);
    }

    #[test]
    fn a_separator_under_a_data_row_does_not_split_the_table() {
        let t = tables(
            "Ferry | Out | Back\n-|-|-\nA | 07:00 | 19:00\n|---|---|---|\nB | 08:00 | 20:00\n",
            Mode::Article,
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(t[0].lines, [1, 5]);
    }

    #[test]
    fn a_label_between_two_tables_belongs_to_the_second() {
        let text = "Caps by region:\na | b\n-|-\n1 | 2\nTable 2: Caps by year\nc | d\n-|-\n3 | 4\n";
        let t = tables(text, Mode::Article);
        assert_eq!(t[0].caption.as_deref(), Some("Caps by region:"));
        assert_eq!(t[1].caption.as_deref(), Some("Table 2: Caps by year"));
    }

    #[test]
    fn rows_are_fitted_to_the_header_width() {
        let t = tables("a | b | c\n-|-|-\n1 |\n1 | 2 | 3 | 4\n", Mode::Article);
        assert_eq!(t[0].alignments.len(), 3);
        assert_eq!(t[0].rows, [["1", "", ""], ["1", "2", "3"]]);
    }

    #[test]
    fn a_delimiter_of_another_width_needs_rows_of_the_header_width() {
        // Most rows as wide as the header: a data table with a short delimiter row.
        let t = tables(
            "a | b | c\n-|-\n1 | 2 | 3\n4 | 5\n7 | 8 | 9\n",
            Mode::Article,
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].alignments.len(), 3);
        // A headline over the delimiter drawn by the widest row: a layout table.
        let text = "| Night ferry trial approved\n---|---\n| photo | caption |\n";
        assert!(tables(text, Mode::Article).is_empty());
    }

    #[test]
    fn header_only_and_empty_tables_are_layout() {
        for text in [
            "| A headline over nothing\n---|---\n",
            "| | |\n---|---|---\n",
            "| \u{201c}A pull quote.\u{201d} |\n| --- |\n",
            "|  |  |\n|---|---|\n|  |  |\n|  |  |\n",
        ] {
            assert!(tables(text, Mode::Article).is_empty(), "{text:?}");
        }
        // GFM keeps a header-only table: strict mode is unchanged.
        assert_eq!(tables("| a |\n| --- |\n", Mode::Strict).len(), 1);
        // One data row is enough.
        let t = tables(
            "| Item | Cost |\n|---|---|\n| Permit | 12 |\n",
            Mode::Article,
        );
        assert_eq!(t[0].rows, [["Permit", "12"]]);
    }

    #[test]
    fn a_bullet_item_over_a_delimiter_row_is_no_header() {
        let text = "  * [a](x/1) | [One](y/1)\n---|---\n  * [b](x/2) | [Two](y/2)\n---|---\n";
        assert!(tables(text, Mode::Article).is_empty());
        let lists = crate::markup::lists(text);
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].items.len(), 2);
        assert_eq!(lists[0].lines, [1, 4]);
        // A pipe line that starts with a pipe is a row, whatever its first cell holds.
        assert_eq!(
            tables("| * a | b |\n|---|---|\n| 1 | 2 |\n", Mode::Article).len(),
            1
        );
    }

    #[test]
    fn pipe_rows_without_a_delimiter_row() {
        let text = "Fares:\nTicket | Adult | Child\nSingle | 4.50 | 2.20\nReturn | 8.00 | 4.00\nMore text.\n";
        let t = tables(text, Mode::Article);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, ["Ticket", "Adult", "Child"]);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(t[0].lines, [2, 4]);
        assert_eq!(t[0].caption.as_deref(), Some("Fares:"));
        assert_eq!(t[0].alignments, [super::Alignment::None; 3]);
        // Two lines are a two-line byline; widths or leading pipes that differ are no table.
        for text in [
            "By A | Photos B\nEdited by C | Sources: D\nText.\n",
            "a | b\nc | d | e\nf | g\nh | i | j\n",
            "Home | News | Sport\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n",
            "a | b\n-|-\nc | d\n",
            "Kellport Post | Hotels\nKellport Post | Shops\nKellport Post | Malls\n",
        ] {
            let t = tables(text, Mode::Article);
            assert!(t.iter().all(|t| t.rows.len() < 2), "{text:?}: {t:?}");
        }
        assert!(tables("| a | b |\n| c | d |\n| e | f |\n", Mode::Strict).is_empty());
    }

    #[test]
    fn hard_wrapped_rows_are_joined_at_the_table_width() {
        let text = "| N | Role | Y |\n|---|---|---|\n| Ana | Chair of the\nboard | 2019 |\n| Tom | Member | 2020\n|\n| Li | Member | 2022 |\nAfter.\n";
        let t = tables(text, Mode::Article);
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].rows,
            [
                ["Ana", "Chair of the board", "2019"],
                ["Tom", "Member", "2020"],
                ["Li", "Member", "2022"]
            ]
        );
        assert_eq!(t[0].lines, [1, 7]);
        // A short row closed by its pipe is a short row, not a wrapped one.
        let t = tables(
            "| a | b | c |\n|---|---|---|\n| 1 | 2 |\n| 3 | 4 | 5 |\n",
            Mode::Article,
        );
        assert_eq!(t[0].rows, [["1", "2", ""], ["3", "4", "5"]]);
        // A join that does not give the table's width is no join.
        let t = tables(
            "| a | b |\n|---|---|\n| 1 | 2\n3 | 4 | 5 |\n",
            Mode::Article,
        );
        assert_eq!(t[0].rows[0], ["1", "2"]);
    }

    #[test]
    fn captions_from_labels_and_sentences() {
        let t = tables(
            "Seats fell. Results by party:\nParty | Seats\n-|-\nA | 1\n",
            Mode::Article,
        );
        assert_eq!(t[0].caption.as_deref(), Some("Results by party:"));
        let t = tables(
            "Party | Seats\n-|-\nA | 1\nTable 2: Seats won\n",
            Mode::Article,
        );
        assert_eq!(t[0].caption.as_deref(), Some("Table 2: Seats won"));
        let t = tables("Nobody came.\nParty | Seats\n-|-\nA | 1\n", Mode::Article);
        assert_eq!(t[0].caption, None);
    }
}
