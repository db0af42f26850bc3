//! The rules as they were before the grammar (byte loops and one-token nom parsers), kept only
//! to compare with the grammar in `grammar.rs` (temporary).
#![allow(dead_code)]

use super::grammar::Dashes;
use super::lines::indent_width;
use super::Alignment;
use memchr::memchr;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, one_of, space0};
use nom::combinator::{all_consuming, eof, map_res, opt};
use nom::multi::many1_count;
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// True when `s` holds a `|` that is not preceded by a backslash.
pub fn has_unescaped_pipe(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr(b'|', &bytes[from..]) {
        let at = from + i;
        if at == 0 || bytes[at - 1] != b'\\' {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The raw cells of a row: outer pipes optional, cells split at every `|` not preceded by a
/// backslash (cmark-gfm looks only at the previous byte, so `\\|` does not split either).
/// A line holding only a pipe has no cell at all, which ends a table in GFM.
pub fn split_row(line: &str) -> Vec<&str> {
    split_row_with(line, |cell| cell)
}

/// [`split_row`] with `each` applied to every raw cell as it is found (one vector per row).
pub fn split_row_with<'a, T>(line: &'a str, mut each: impl FnMut(&'a str) -> T) -> Vec<T> {
    let mut body = line.trim_matches([' ', '\t', '\u{a0}']);
    if let Some(rest) = body.strip_prefix('|') {
        body = rest;
        if body.trim_matches([' ', '\t', '\u{a0}']).is_empty() {
            return Vec::new();
        }
    }
    if body.ends_with('|') && !body[..body.len() - 1].ends_with('\\') {
        body = &body[..body.len() - 1];
    }
    let bytes = body.as_bytes();
    let mut cells = Vec::new();
    let mut cell_start = 0;
    let mut from = 0;
    while let Some(i) = memchr(b'|', &bytes[from..]) {
        let at = from + i;
        if at == 0 || bytes[at - 1] != b'\\' {
            cells.push(each(&body[cell_start..at]));
            cell_start = at + 1;
        }
        from = at + 1;
    }
    cells.push(each(&body[cell_start..]));
    cells
}

fn is_lenient_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '−' | ' ' | '\t' | '\u{a0}')
}

fn is_space(c: char, dashes: Dashes) -> bool {
    c == ' ' || c == '\t' || (dashes == Dashes::Lenient && c == '\u{a0}')
}

/// One delimiter cell, `:?-+:?` between optional spaces.
fn delimiter_cell(dashes: Dashes) -> impl Fn(&str) -> IResult<&str, Alignment> {
    move |input: &str| {
        let spaces = |i| take_while(|c| is_space(c, dashes)).parse(i);
        let (rest, (_, left, run, right, _)) = (
            spaces,
            opt(tag(":")),
            take_while1(|c: char| match dashes {
                Dashes::Ascii => c == '-',
                Dashes::Lenient => is_lenient_dash(c),
            }),
            opt(tag(":")),
            spaces,
        )
            .parse(input)?;
        if !run.contains(|c: char| c != ' ' && c != '\t') {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::TakeWhile1,
            )));
        }
        let alignment = match (left.is_some(), right.is_some()) {
            (true, true) => Alignment::Center,
            (true, false) => Alignment::Left,
            (false, true) => Alignment::Right,
            (false, false) => Alignment::None,
        };
        Ok((rest, alignment))
    }
}

/// The alignments of a delimiter row, or `None` when `line` is not one. A delimiter row must
/// contain a pipe: without it, `---` under a line is a setext heading or a thematic break.
pub fn delimiter_row(line: &str, dashes: Dashes) -> Option<Vec<Alignment>> {
    // Cheap rejections first: this runs on every line after a line with a pipe.
    let first = line
        .trim_start_matches(|c| is_space(c, dashes))
        .chars()
        .next()?;
    if !matches!(first, '|' | ':' | '-' | '–' | '—' | '−')
        || memchr(b'|', line.as_bytes()).is_none()
    {
        return None;
    }
    let cells = split_row(line);
    if cells.is_empty() {
        return None;
    }
    let mut alignments = Vec::with_capacity(cells.len());
    for cell in cells {
        let (_, alignment) = all_consuming(delimiter_cell(dashes)).parse(cell).ok()?;
        alignments.push(alignment);
    }
    Some(alignments)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bullet(char),
    Ordered(char),
}
const BULLETS: &str = "-*+•◦▪‣–";
const SENTENCE_PUNCTUATION: &[u8] = b".!?;,";
const MAX_TERM_WORDS: usize = 6;
/// A bullet marker character.
fn bullet(input: &str) -> IResult<&str, (u32, Kind)> {
    one_of(BULLETS).map(|c| (0, Kind::Bullet(c))).parse(input)
}

/// An ordered marker: 1 to 9 digits, then `.` or `)`.
fn ordered(input: &str) -> IResult<&str, (u32, Kind)> {
    map_res(
        (
            take_while_m_n(1, 9, |c: char| c.is_ascii_digit()),
            one_of(".)"),
        ),
        |(digits, delimiter): (&str, char)| {
            digits
                .parse::<u32>()
                .map(|number| (number, Kind::Ordered(delimiter)))
        },
    )
    .parse(input)
}

/// Indentation, a marker and at least one space, tab or no-break space (scraped HTML often puts
/// `&nbsp;` after a bullet); the remaining input is the item text.
fn marker_prefix(input: &str) -> IResult<&str, (u32, Kind)> {
    (
        space0,
        alt((bullet, ordered)),
        take_while1(|c| matches!(c, ' ' | '\t' | '\u{a0}')),
    )
        .map(|(_, marker, _)| marker)
        .parse(input)
}

/// 3 or more of the one character `c`, with spaces and tabs around and between them only.
fn break_of(c: char) -> impl Fn(&str) -> bool {
    move |input: &str| {
        let parsed: IResult<&str, usize> = (space0, many1_count(terminated(char(c), space0)), eof)
            .map(|(_, count, _)| count)
            .parse(input);
        matches!(parsed, Ok((_, count)) if count >= 3)
    }
}

/// True when `text` has the shape of a thematic break, whatever its indentation.
fn break_shape(text: &str) -> bool {
    // The parsers only run on lines made of break characters and blanks: item text is neither.
    text.bytes()
        .all(|b| matches!(b, b'-' | b'*' | b'_' | b' ' | b'\t'))
        && ['-', '*', '_'].into_iter().any(|c| break_of(c)(text))
}

/// True when the line is a thematic break (`---`, `***`, `___`, `* * *`, `- - -`: 3+ of one char of
/// `-*_` and spaces/tabs only, indent <= 3).
pub fn is_thematic_break(text: &str) -> bool {
    indent_width(text) <= 3 && break_shape(text)
}

/// False for lines that [`marker_prefix`] would reject, found by looking at a few bytes: most
/// lines reaching the list parser are prose, numbers (`2` in a "TRENDING" box) or table rows.
pub(crate) fn may_start_item(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(first) = bytes.iter().position(|&b| b != b' ' && b != b'\t') else {
        return false;
    };
    let after_marker = match bytes[first] {
        b'-' | b'*' | b'+' => first + 1,
        b'0'..=b'9' => {
            let digits = bytes[first..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if !matches!(bytes.get(first + digits), Some(b'.' | b')')) {
                return false;
            }
            first + digits + 1
        }
        // The lead byte of the UTF-8 of the non-ASCII bullets and the en dash: left to the parser.
        0xE2 => return true,
        _ => return false,
    };
    // A space, a tab or the lead byte of a no-break space must follow the marker.
    matches!(bytes.get(after_marker), Some(b' ' | b'\t' | 0xC2))
}

/// The item marker that starts `text`, if any.
fn parse_marker(text: &str) -> Option<(usize, Kind, u32, &str)> {
    if !may_start_item(text) || break_shape(text) {
        return None;
    }
    let (rest, (number, kind)) = marker_prefix(text).ok()?;
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    Some((indent_width(text), kind, number, rest))
}

/// The `Term: description` split of an item's text: at the first colon followed by whitespace,
/// with a term of 1 to 6 words without sentence punctuation and a non-empty description.
fn split_term(text: &str) -> Option<(&str, &str)> {
    let colon = memchr::memchr_iter(b':', text.as_bytes()).find(|&at| {
        text.get(at + 1..)
            .and_then(|after| after.chars().next())
            .is_some_and(char::is_whitespace)
    })?;
    let term = text.get(..colon)?.trim();
    if term.bytes().any(|b| SENTENCE_PUNCTUATION.contains(&b)) {
        return None;
    }
    let words = term.split_whitespace().take(MAX_TERM_WORDS + 1).count();
    let description = text.get(colon + 1..)?.trim();
    ((1..=MAX_TERM_WORDS).contains(&words) && !description.is_empty())
        .then_some((term, description))
}

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

fn cm_bullet(s: &str) -> IResult<&str, char> {
    one_of("-+*").parse(s)
}

fn cm_ordinal(s: &str) -> IResult<&str, (&str, char)> {
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
    let (after, ordered, number) = if let Ok((after, _)) = cm_bullet(body) {
        (after, false, 0)
    } else {
        let (after, (digits, _)) = cm_ordinal(body).ok()?;
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

/// True for a `Table:` or `Table N:` label line (`Table 2: Seats by region`, `TABLE 3.1: ...`).
pub fn is_table_label(line: &str) -> bool {
    let s = line.trim_start();
    let Some(head) = s.get(..5) else {
        return false;
    };
    if !head.eq_ignore_ascii_case("table") {
        return false;
    }
    let rest = s[5..].trim_start();
    let number_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(rest.len());
    // "Table" alone or "Table <short label>" right before the colon.
    number_len <= 6 && rest[number_len..].trim_start().starts_with(':')
}

#[cfg(test)]
mod compare {
    use super::super::grammar;
    use super::*;
    use proptest::prelude::*;

    fn agree(line: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(has_unescaped_pipe(line), grammar::has_unescaped_pipe(line));
        prop_assert_eq!(split_row(line), grammar::row(line));
        for dashes in [Dashes::Ascii, Dashes::Lenient] {
            prop_assert_eq!(
                delimiter_row(line, dashes),
                grammar::delimiter_row(dashes)(line).ok().map(|(_, a)| a)
            );
        }
        let old = parse_marker(line);
        let new = grammar::item(line).ok().map(|(_, m)| {
            let kind = match m.kind {
                grammar::MarkerKind::Bullet(c) => Kind::Bullet(c),
                grammar::MarkerKind::Ordered(c) => Kind::Ordered(c),
            };
            (m.indent, kind, m.number, m.text)
        });
        prop_assert_eq!(old, new);
        if grammar::marker(line).is_ok() {
            prop_assert!(may_start_item(line));
        }
        prop_assert_eq!(is_thematic_break(line), grammar::is_thematic_break(line));
        prop_assert_eq!(split_term(line), grammar::term(line).ok().map(|(_, s)| s));
        prop_assert_eq!(
            quote_marker(line),
            grammar::quote_marker(line).ok().map(|(r, _)| r)
        );
        prop_assert_eq!(
            list_marker(line),
            super::super::block::list_marker(line).map(|m| {
                ListMarker {
                    ordered: m.ordered,
                    number: m.number,
                    empty: m.empty,
                    content_column: m.content_column,
                    rest: m.rest,
                }
            })
        );
        prop_assert_eq!(atx_heading(line), grammar::atx_heading(line).is_ok());
        prop_assert_eq!(
            fence_open(line),
            grammar::fence_open(line).ok().map(|(_, f)| f)
        );
        for (c, len) in [('`', 3), ('~', 3), ('`', 4), ('~', 5)] {
            prop_assert_eq!(
                fence_close(line, c, len),
                grammar::fence_close(c, len)(line).is_ok()
            );
        }
        prop_assert_eq!(
            setext_underline(line),
            grammar::setext_underline(line).is_ok()
        );
        prop_assert_eq!(is_table_label(line), grammar::table_label(line).is_ok());
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        #[test]
        fn old_and_new_rules_agree(
            line in "[ \t\u{a0}]{0,5}([-*+•◦▪‣–—−_|:\\\\`~#>=]|[0-9]{1,11}[.):]?|[Tt]able|TABLE)?[ \t\u{a0}]{0,3}[-–—−*_ :|\\\\a-zA-Z0-9.,;!?`~#=\u{a0}\t é]{0,16}"
        ) {
            agree(&line)?;
        }

        #[test]
        fn old_and_new_rules_agree_on_rows(
            line in "[ \t\u{a0}]{0,2}(\\|?[-–—−: \t\u{a0}a\\\\]{0,4}){0,5}\\|?[ \t\u{a0}]{0,2}"
        ) {
            agree(&line)?;
        }

        #[test]
        fn old_and_new_rules_agree_on_anything(line in "\\PC{0,24}") {
            agree(&line)?;
        }
    }
}
