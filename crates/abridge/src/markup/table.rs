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
//!   never a table;
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
use super::lines::{Line, LineSource};
use super::{Alignment, Table, MAX_PADDED_CELLS};
use crate::Span;
use std::borrow::Cow;

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
    let mut alignments = delimiter_row(delimiter.text, Dashes::Lenient)?;
    let header: Vec<Cow<'a, str>> = split_row_with(header_line.text, cell_text);
    if header.is_empty() {
        return None;
    }
    let width = header.len();
    alignments.resize(width, Alignment::None);

    let mut rows = Vec::new();
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
            let cells = split_row_with(line.text, cell_text);
            if cells.is_empty() {
                break;
            }
            if next_is_delimiter && heads_next_table(&cells, width) {
                break;
            }
            padded += width.saturating_sub(cells.len());
            if padded > MAX_PADDED_CELLS {
                break;
            }
            rows.push(fit_row(cells, width));
        }
        // A stray delimiter row inside the body is a visual separator: kept in the range, no row.
        last = j;
        j += 1;
        is_delimiter = next_is_delimiter;
    }

    let label = |line: Option<Line<'a>>| {
        line.filter(|l| caption::is_table_label(l.text))
            .map(|l| Cow::Borrowed(l.text.trim()))
    };
    // A label after the table is its caption unless another table follows the label, which
    // then owns it as the label right before it.
    let label_after = label(lines.line(j)).filter(|_| !starts_table(lines, j + 1));
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
        j,
    ))
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
        let t = tables("a | b | c\n-|-\n1 |\n1 | 2 | 3 | 4\n", Mode::Article);
        assert_eq!(t[0].alignments.len(), 3);
        assert_eq!(t[0].rows, [["1", "", ""], ["1", "2", "3"]]);
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
