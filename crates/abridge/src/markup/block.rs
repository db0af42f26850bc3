//! Recognisers for the CommonMark block starts that bound a table: block quotes, list items,
//! headings, code fences. Each takes the line's remaining text (container prefixes stripped).

use super::lines::indent_width;
use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::one_of;
use nom::{IResult, Parser};

/// True when `s` is empty or only spaces and tabs.
pub fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b == b' ' || b == b'\t')
}

/// `s` without up to three columns of leading spaces, or `None` when indented four or more.
fn up_to_three_spaces(s: &str) -> Option<&str> {
    let n = s.bytes().take_while(|&b| b == b' ').count();
    (n <= 3 && !s[n..].starts_with('\t')).then(|| &s[n..])
}

/// Removes `cols` columns of leading whitespace (a tab counts to the next multiple of 4).
pub fn strip_columns(s: &str, cols: usize) -> &str {
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
pub fn quote_marker(s: &str) -> Option<&str> {
    let rest = up_to_three_spaces(s)?.strip_prefix('>')?;
    Some(rest.strip_prefix([' ', '\t']).unwrap_or(rest))
}

/// A CommonMark list-item marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListMarker<'a> {
    pub ordered: bool,
    /// The start number of an ordered item (0 for bullets).
    pub number: u32,
    /// True when nothing follows the marker.
    pub empty: bool,
    /// Column where the item's content starts: continuation lines need this much indentation.
    pub content_column: usize,
    /// The item's first line, after the marker.
    pub rest: &'a str,
}

fn bullet(s: &str) -> IResult<&str, char> {
    one_of("-+*").parse(s)
}

fn ordinal(s: &str) -> IResult<&str, (&str, char)> {
    (
        take_while_m_n(1, 9, |c: char| c.is_ascii_digit()),
        one_of(".)"),
    )
        .parse(s)
}

/// Parses a list-item marker at the start of `s` (up to three spaces of indentation).
pub fn list_marker(s: &str) -> Option<ListMarker<'_>> {
    let body = up_to_three_spaces(s)?;
    let indent = s.len() - body.len();
    let (after, ordered, number) = if let Ok((after, _)) = bullet(body) {
        (after, false, 0)
    } else {
        let (after, (digits, _)) = ordinal(body).ok()?;
        (after, true, digits.parse().ok()?)
    };
    let marker_end = indent + (body.len() - after.len());
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
pub fn atx_heading(s: &str) -> bool {
    let Some(body) = up_to_three_spaces(s) else {
        return false;
    };
    let hashes: IResult<&str, &str> = take_while_m_n(1, 6, |c| c == '#').parse(body);
    matches!(hashes, Ok((rest, _)) if rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// An opening code fence: its character and length.
pub fn fence_open(s: &str) -> Option<(char, usize)> {
    if !matches!(s.bytes().find(|&b| b != b' '), Some(b'`' | b'~')) {
        return None;
    }
    let body = up_to_three_spaces(s)?;
    let fence: IResult<&str, char> = one_of("`~").parse(body);
    let (_, c) = fence.ok()?;
    let run: IResult<&str, &str> = take_while(|x| x == c).parse(body);
    let (info, run) = run.ok()?;
    // A backtick fence's info string may not contain backticks (that would be a code span).
    (run.len() >= 3 && !(c == '`' && info.contains('`'))).then_some((c, run.len()))
}

/// True when `s` closes a fence opened with `len` times `c`.
pub fn fence_close(s: &str, c: char, len: usize) -> bool {
    let Some(body) = up_to_three_spaces(s) else {
        return false;
    };
    let run = body.chars().take_while(|&x| x == c).count();
    run >= len && is_blank(&body[run * c.len_utf8()..])
}

/// A setext underline (`===` or `---` alone) that turns the paragraph above into a heading.
pub fn setext_underline(s: &str) -> bool {
    let Some(body) = up_to_three_spaces(s) else {
        return false;
    };
    let body = body.trim_end_matches([' ', '\t']);
    let line: IResult<&str, char> = one_of("=-").parse(body);
    match line {
        Ok((_, c)) => body.chars().all(|x| x == c),
        Err(_) => false,
    }
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
