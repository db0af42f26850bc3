//! Recognisers for the CommonMark block starts that bound a table: block quotes, list items,
//! headings, code fences. Each takes the line's remaining text (container prefixes stripped).

use super::grammar::{self, MarkerKind};
use super::lines::indent_width;

/// True when `s` is empty or only spaces and tabs.
pub(crate) fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b == b' ' || b == b'\t')
}

/// Removes `cols` columns of leading whitespace (a tab counts to the next multiple of 4).
pub(crate) fn strip_columns(s: &str, cols: usize) -> &str {
    let mut col = 0;
    for (i, b) in s.bytes().enumerate() {
        if col >= cols {
            return &s[i..];
        }
        match b {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => return &s[i..],
        }
    }
    ""
}

/// The rest of the line after a block-quote marker (`>` and one optional space).
pub(crate) fn quote_marker(s: &str) -> Option<&str> {
    grammar::quote_marker(s).ok().map(|(rest, _)| rest)
}

/// A CommonMark list-item marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListMarker<'a> {
    pub(crate) ordered: bool,
    /// The start number of an ordered item (0 for bullets).
    pub(crate) number: u32,
    /// True when nothing follows the marker.
    pub(crate) empty: bool,
    /// Column where the item's content starts: continuation lines need this much indentation.
    pub(crate) content_column: usize,
    /// The item's first line, after the marker.
    pub(crate) rest: &'a str,
}

/// Parses a list-item marker at the start of `s` (up to three spaces of indentation).
pub(crate) fn list_marker(s: &str) -> Option<ListMarker<'_>> {
    let (after, (number, kind)) = grammar::commonmark_marker(s).ok()?;
    let ordered = matches!(kind, MarkerKind::Ordered(_));
    // The indentation is spaces only, so byte offsets are columns.
    let marker_end = s.len() - after.len();
    if is_blank(after) {
        return Some(ListMarker {
            ordered,
            number,
            empty: true,
            content_column: marker_end + 1,
            rest: "",
        });
    }
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let spaces = indent_width(after);
    // Five or more spaces: the item starts with indented code, so content begins after one space.
    let (content_column, rest) = if spaces >= 5 {
        (marker_end + 1, strip_columns(after, 1))
    } else {
        (marker_end + spaces, after.trim_start_matches([' ', '\t']))
    };
    Some(ListMarker {
        ordered,
        number,
        empty: false,
        content_column,
        rest,
    })
}

/// An ATX heading: one to six `#` then a space or the end of the line.
pub(crate) fn atx_heading(s: &str) -> bool {
    grammar::atx_heading(s).is_ok()
}

/// An opening code fence: its character and length.
pub(crate) fn fence_open(s: &str) -> Option<(char, usize)> {
    grammar::fence_open(s).ok().map(|(_, fence)| fence)
}

/// True when `s` closes a fence opened with `len` times `c`.
pub(crate) fn fence_close(s: &str, c: char, len: usize) -> bool {
    grammar::fence_close(c, len)(s).is_ok()
}

/// A setext underline (`===` or `---` alone) that turns the paragraph above into a heading.
pub(crate) fn setext_underline(s: &str) -> bool {
    grammar::setext_underline(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers_and_content_columns() {
        let m = list_marker(" 1. First entry").unwrap();
        assert!(m.ordered && !m.empty);
        assert_eq!((m.number, m.content_column, m.rest), (1, 4, "First entry"));
        let m = list_marker("- foo").unwrap();
        assert_eq!((m.ordered, m.content_column, m.rest), (false, 2, "foo"));
        assert!(list_marker("*").unwrap().empty);
        assert!(list_marker("2.").unwrap().empty);
        assert_eq!(list_marker("-5 degrees"), None);
        assert_eq!(list_marker("    - code"), None);
        assert_eq!(list_marker("1234567890. x"), None);
    }

    #[test]
    fn quotes_headings_fences() {
        assert_eq!(quote_marker("> bar"), Some("bar"));
        assert_eq!(quote_marker(">"), Some(""));
        assert_eq!(quote_marker("    > x"), None);
        assert!(atx_heading("## Title") && atx_heading("#") && !atx_heading("#hashtag"));
        assert_eq!(fence_open("```rust"), Some(('`', 3)));
        assert_eq!(fence_open("``x``"), None);
        assert!(fence_close("````", '`', 3) && !fence_close("``", '`', 3));
    }

    #[test]
    fn setext_and_columns() {
        assert!(
            setext_underline("-----------") && setext_underline("==") && !setext_underline("-|-")
        );
        assert_eq!(strip_columns("    Col 1|Col 2", 4), "Col 1|Col 2");
        assert_eq!(strip_columns("\tx", 2), "x");
    }
}
