//! The line grammar of pipe tables and lists, as nom parsers over `&str`.
//!
//! Every rule that decides what a line is lives here, once, and both scans use it: article mode
//! (`article.rs`, `table.rs`, `list.rs`) and strict mode (`strict.rs`, `block.rs`). The rules
//! are composed from nom's combinators; the leaf recognisers are nom's, except [`plain_run`],
//! which is nom's `is_not("|\\")` with the search done by `memchr`.
//!
//! ```text
//! row            = [ "|" ] cell { "|" cell }          (after trimming; a trailing "|" ends the row)
//! cell           = { "\|" | "\" | plain_run }         (a pipe after a backslash does not split)
//! delimiter_row  = row whose every cell is a delimiter_cell, holding at least one "|"
//! delimiter_cell = spaces [ ":" ] dashes [ ":" ] spaces
//! marker         = indentation ( bullet | ordinal ) marker_space     (article mode)
//! ordinal        = digit{1,9} ( "." | ")" )
//! item           = marker text                       (not a thematic break; text not blank)
//! lone_marker    = indentation ( "-" | "*" | "+" | ordinal ) blanks   (its text on the next line)
//! quoted         = { ">" [ " " ] } line              (a table inside block quotes, markers removed)
//! continuation   = indentation(> the list's) text
//! term           = { not ": " } ":" whitespace description
//! ```
//!
//! Errors are [`Error`]: the input where a rule failed and what it [`Expected`] there.

use super::lines::indent_width;
use super::Alignment;
use memchr::memchr2;
use nom::branch::alt;
use nom::bytes::complete::{
    tag, tag_no_case, take_until1, take_while, take_while1, take_while_m_n,
};
use nom::character::complete::{char, one_of, satisfy, space0};
use nom::combinator::{all_consuming, eof, map_res, not, opt, peek, recognize, rest, verify};
use nom::error::{ErrorKind, FromExternalError, ParseError};
use nom::multi::{fold_many0, many0_count, many1_count, many_till};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

/// What a rule expected where it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    /// A row with cells (a line holding only a pipe has none).
    Cells,
    /// A delimiter cell: `:?-+:?` between spaces.
    DelimiterCell,
    /// A delimiter row must hold a pipe.
    Pipe,
    /// A list item marker: a bullet, or 1 to 9 digits and `.` or `)`.
    Marker,
    /// The space or tab after a list marker.
    MarkerSpace,
    /// Some text after the marker (an item is never empty).
    ItemText,
    /// More indentation than the list's marker (a continuation line).
    Indentation,
    /// A thematic break (`---`, `* * *`), or, for an item, none.
    ThematicBreak,
    /// A `Term: description` colon.
    TermColon,
    /// A block start of strict mode (quote, heading, fence, underline, up to 3 spaces).
    Block,
    /// A `Table:` / `Table N:` label.
    TableLabel,
    /// What nom's own parser expected.
    Nom(ErrorKind),
}

/// A parse failure: the input left where the rule failed, and what it expected there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Error<'a> {
    pub(crate) input: &'a str,
    pub(crate) expected: Expected,
}

impl<'a> ParseError<&'a str> for Error<'a> {
    fn from_error_kind(input: &'a str, kind: ErrorKind) -> Self {
        Error {
            input,
            expected: Expected::Nom(kind),
        }
    }

    fn append(_: &'a str, _: ErrorKind, other: Self) -> Self {
        other
    }
}

impl<'a, E> FromExternalError<&'a str, E> for Error<'a> {
    fn from_external_error(input: &'a str, kind: ErrorKind, _: E) -> Self {
        Self::from_error_kind(input, kind)
    }
}

impl std::fmt::Display for Error<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at: String = self.input.chars().take(20).collect();
        write!(f, "expected {:?} at {at:?}", self.expected)
    }
}

/// The result of a rule.
pub(crate) type PResult<'a, T> = IResult<&'a str, T, Error<'a>>;

/// `parser`, its failures reported as `expected` at the input it was given.
fn expect<'a, O>(
    expected: Expected,
    mut parser: impl Parser<&'a str, Output = O, Error = Error<'a>>,
) -> impl FnMut(&'a str) -> PResult<'a, O> {
    move |input| {
        parser
            .parse(input)
            .map_err(|e| e.map(|_| Error { input, expected }))
    }
}

/// A failure of `expected` at `input`.
fn fail<'a, T>(input: &'a str, expected: Expected) -> PResult<'a, T> {
    Err(nom::Err::Error(Error { input, expected }))
}

// --- rows and cells ---

/// What surrounds a row and is trimmed before its cells are split (no-break spaces included:
/// scraped tables are padded with `&nbsp;`).
const ROW_SPACE: [char; 3] = [' ', '\t', '\u{a0}'];

/// One or more characters that are neither `|` nor `\`: nom's `is_not("|\\")`, searched with
/// `memchr` (a table's rows are split on every line that may continue it).
pub(crate) fn plain_run(input: &str) -> PResult<'_, &str> {
    match memchr2(b'|', b'\\', input.as_bytes()) {
        Some(0) => fail(input, Expected::Nom(ErrorKind::IsNot)),
        None if input.is_empty() => fail(input, Expected::Nom(ErrorKind::IsNot)),
        // `|` and `\` are ASCII: `at` is a char boundary.
        Some(at) => Ok((&input[at..], &input[..at])),
        None => Ok((&input[input.len()..], input)),
    }
}

/// A raw cell: text up to the next pipe that is not right after a backslash. cmark-gfm looks
/// only at the byte before the pipe, so `\\|` does not split either: a backslash is taken alone
/// unless a pipe follows it.
pub(crate) fn cell(input: &str) -> PResult<'_, &str> {
    recognize(many0_count(alt((
        plain_run,
        preceded(char('\\'), opt(char('|'))).map(|_| ""),
    ))))
    .parse(input)
}

/// True when `s` holds a `|` that does not follow a backslash.
pub(crate) fn has_unescaped_pipe(s: &str) -> bool {
    // memchr finds the candidate lines: most hold no pipe at all.
    memchr::memchr(b'|', s.as_bytes()).is_some()
        && matches!(cell(s), Ok((rest, _)) if !rest.is_empty())
}

/// The raw cells of a row, each passed through `each` as it is found (one vector per row):
/// outer pipes optional, cells split at every unescaped pipe. A line holding only a pipe has no
/// cell at all, which ends a table in GFM.
pub(crate) fn row_with<'a, T>(line: &'a str, mut each: impl FnMut(&'a str) -> T) -> Vec<T> {
    let body = line.trim_matches(ROW_SPACE);
    let Ok((after_lead, lead)) = opt(char::<&str, Error<'_>>('|')).parse(body) else {
        return Vec::new();
    };
    if lead.is_some() && after_lead.trim_matches(ROW_SPACE).is_empty() {
        return Vec::new();
    }
    let Ok((rest, first)) = cell(after_lead) else {
        return Vec::new();
    };
    // Each cell is handed to `each` once the next one is found: an empty last cell comes from
    // a closing pipe and is no cell.
    let folded = fold_many0(
        preceded(char('|'), cell),
        || (Vec::new(), first, 1usize),
        |(mut cells, pending, count), next| {
            cells.push(each(pending));
            (cells, next, count + 1)
        },
    )
    .parse(rest);
    let Ok((_, (mut cells, last, count))) = folded else {
        return Vec::new();
    };
    if count == 1 || !last.is_empty() {
        cells.push(each(last));
    }
    cells
}

/// The raw cells of a row (see [`row_with`]).
pub(crate) fn row(line: &str) -> Vec<&str> {
    row_with(line, |cell| cell)
}

// --- delimiter rows ---

/// Which characters a delimiter cell may be drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dashes {
    /// GFM: ASCII hyphens only.
    Ascii,
    /// Scraped text: hyphens, en and em dashes, U+2212 minus, with spaces between them.
    Lenient,
}

fn is_space(c: char, dashes: Dashes) -> bool {
    c == ' ' || c == '\t' || (dashes == Dashes::Lenient && c == '\u{a0}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '−')
}

/// One delimiter cell, `:?-+:?` between optional spaces (lenient dashes may have spaces between
/// them, but at least one dash).
fn delimiter_cell(dashes: Dashes) -> impl FnMut(&str) -> PResult<'_, Alignment> {
    move |input: &str| {
        let spaces = |i| take_while(|c| is_space(c, dashes)).parse(i);
        let run = take_while1(|c: char| match dashes {
            Dashes::Ascii => c == '-',
            Dashes::Lenient => is_dash(c) || is_space(c, dashes),
        });
        let (rest, (_, left, _, right, _)) = expect(
            Expected::DelimiterCell,
            all_consuming((
                spaces,
                opt(char(':')),
                // Spaced lenient dashes need a dash (or a no-break space, as they always have).
                verify(run, |run: &str| run.contains(|c| c != ' ' && c != '\t')),
                opt(char(':')),
                spaces,
            )),
        )(input)?;
        let alignment = match (left.is_some(), right.is_some()) {
            (true, true) => Alignment::Center,
            (true, false) => Alignment::Left,
            (false, true) => Alignment::Right,
            (false, false) => Alignment::None,
        };
        Ok((rest, alignment))
    }
}

/// A delimiter row: the alignment of each of its cells. It must hold a pipe: without one, `---`
/// under a line is a setext heading or a thematic break.
pub(crate) fn delimiter_row(dashes: Dashes) -> impl FnMut(&str) -> PResult<'_, Vec<Alignment>> {
    move |line: &str| {
        // A delimiter row starts with a pipe, a colon or a dash: most lines are turned away here.
        let blanks: &[char] = match dashes {
            Dashes::Ascii => &[' ', '\t'],
            Dashes::Lenient => &[' ', '\t', '\u{a0}'],
        };
        if !first_after(line, blanks).is_some_and(|c| c == '|' || c == ':' || is_dash(c)) {
            return fail(line, Expected::DelimiterCell);
        }
        if !line.contains('|') {
            return fail(line, Expected::Pipe);
        }
        // The alignments are collected straight (one byte a cell), the first failing cell kept
        // aside: a row of a million cells holds no million parse results.
        let mut first_error = None;
        let alignments = row_with(line, |cell| match delimiter_cell(dashes)(cell) {
            Ok((_, a)) => a,
            Err(e) => {
                first_error.get_or_insert(e);
                Alignment::None
            }
        });
        if alignments.is_empty() {
            return fail(line, Expected::Cells);
        }
        if let Some(e) = first_error {
            return Err(e);
        }
        Ok((&line[line.len()..], alignments))
    }
}

// --- list markers, items, continuation ---

/// The bullets of article-mode lists: `-`, `*`, `+`, `•`, `◦`, `▪`, `‣` and the en dash.
pub(crate) fn is_article_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '+' | '•' | '◦' | '▪' | '‣' | '–')
}

/// The bullets of CommonMark lists.
fn is_commonmark_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '+')
}

/// The kind of a list marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerKind {
    /// A bullet, by its character.
    Bullet(char),
    /// An ordered marker, by its delimiter (`.` or `)`).
    Ordered(char),
}

/// An ordered marker: 1 to 9 digits, then `.` or `)`; its number and delimiter.
pub(crate) fn ordinal(input: &str) -> PResult<'_, (u32, MarkerKind)> {
    map_res(
        (
            take_while_m_n(1, 9, |c: char| c.is_ascii_digit()),
            one_of(".)"),
        ),
        |(digits, delimiter): (&str, char)| {
            digits
                .parse::<u32>()
                .map(|number| (number, MarkerKind::Ordered(delimiter)))
        },
    )
    .parse(input)
}

/// A bullet of the set `is_bullet`, numbered 0.
fn bullet(is_bullet: fn(char) -> bool) -> impl FnMut(&str) -> PResult<'_, (u32, MarkerKind)> {
    move |input| {
        satisfy(is_bullet)
            .map(|c| (0, MarkerKind::Bullet(c)))
            .parse(input)
    }
}

/// The first character of `line` after any of `blanks`: what decides which rules may apply.
pub(crate) fn first_after(line: &str, blanks: &[char]) -> Option<char> {
    line.trim_start_matches(blanks).chars().next()
}

/// True when a line whose first character after spaces and tabs is `c` may open a code fence
/// or start a list item: the first characters of [`fence_open`] and [`marker`].
pub(crate) fn may_open_fence_or_item(c: char) -> bool {
    c == '`' || c == '~' || is_article_bullet(c) || c.is_ascii_digit()
}

/// An article-mode marker with its indentation and the space after it (scraped HTML often puts
/// `&nbsp;` after a bullet): number and kind; the rest of the input is the item's text.
pub(crate) fn marker(input: &str) -> PResult<'_, (u32, MarkerKind)> {
    // A marker starts with a bullet or a digit: one look at the first character turns away the
    // prose lines, which are most lines, and picks the rule.
    let body = input.trim_start_matches([' ', '\t']);
    let (input, marker) = match body.chars().next() {
        Some(c) if is_article_bullet(c) => bullet(is_article_bullet)(body)?,
        Some(c) if c.is_ascii_digit() => ordinal(body)?,
        _ => return fail(input, Expected::Marker),
    };
    let (input, _) = expect(
        Expected::MarkerSpace,
        take_while1(|c| matches!(c, ' ' | '\t' | '\u{a0}')),
    )(input)?;
    Ok((input, marker))
}

/// Longest line [`lone_marker`] looks at, in bytes.
const MAX_LONE_MARKER_LINE: usize = 32;

/// A line holding a list marker and nothing else (`-`, `*`, `1.` alone): extractors write the
/// marker of an item on a line of its own and the item's text on the next line. Number, kind and
/// the marker's columns of indentation. Only the markdown bullets count: a typographic bullet
/// alone on a line (`•`, `‣`, `–`) is what is left of an inline separator (`A • B • C` with one
/// part a line), and its lines are not items. Not a thematic break (`---` needs three characters,
/// a lone marker is one).
pub(crate) fn lone_marker(line: &str) -> PResult<'_, (usize, u32, MarkerKind)> {
    // A lone marker is at most 9 digits and a delimiter (with some indentation and trailing
    // blanks): the line's length turns away nearly every line before any rule runs.
    if line.len() > MAX_LONE_MARKER_LINE {
        return fail(line, Expected::Marker);
    }
    let body = line.trim_start_matches([' ', '\t']);
    let (rest, (number, kind)) = match body.chars().next() {
        Some(c) if is_commonmark_bullet(c) => bullet(is_commonmark_bullet)(body)?,
        Some(c) if c.is_ascii_digit() => ordinal(body)?,
        _ => return fail(line, Expected::Marker),
    };
    if !rest.trim_matches(ROW_SPACE).is_empty() {
        return fail(rest, Expected::Nom(ErrorKind::Eof));
    }
    Ok((&rest[rest.len()..], (indent_width(line), number, kind)))
}

/// The content of a line after `depth` block-quote markers (`>` and one optional space each,
/// as scraped and markdown quotes write them), or a failure when it has fewer.
pub(crate) fn unquote(line: &str, depth: usize) -> PResult<'_, &str> {
    let mut rest = line;
    for _ in 0..depth {
        (rest, _) = quote_marker(rest)?;
    }
    Ok(("", rest))
}

/// How many block-quote markers open `line` (at most `max`).
pub(crate) fn quote_depth(line: &str, max: usize) -> usize {
    let mut rest = line;
    let mut depth = 0;
    while depth < max {
        match quote_marker(rest) {
            Ok((after, _)) => {
                rest = after;
                depth += 1;
            }
            Err(_) => break,
        }
    }
    depth
}

/// An item marker recognised at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker<'a> {
    /// Columns of indentation before the marker.
    pub(crate) indent: usize,
    pub(crate) kind: MarkerKind,
    /// The number of an ordered marker (0 for bullets).
    pub(crate) number: u32,
    /// The item's text after the marker, trimmed and non-empty.
    pub(crate) text: &'a str,
}

/// A line that starts an article-mode list item: a marker and some text, and not a thematic
/// break (`- - -`, `* * *`).
pub(crate) fn item(line: &str) -> PResult<'_, Marker<'_>> {
    let (rest, (number, kind)) = marker(line)?;
    let (_, _) = expect(Expected::ThematicBreak, not(break_shape))(line)?;
    let text = rest.trim();
    if text.is_empty() {
        return fail(rest, Expected::ItemText);
    }
    Ok((
        &rest[rest.len()..],
        Marker {
            indent: indent_width(line),
            kind,
            number,
            text,
        },
    ))
}

/// A line indented more than `columns`: its columns of indentation and its trimmed text.
pub(crate) fn continuation(columns: usize) -> impl FnMut(&str) -> PResult<'_, (usize, &str)> {
    move |line| {
        let indent = indent_width(line);
        if indent <= columns {
            return fail(line, Expected::Indentation);
        }
        let (end, text) = rest(line)?;
        Ok((end, (indent, text.trim())))
    }
}

/// 3 or more of the one character `c`, with spaces and tabs around and between them only.
fn break_of(c: char) -> impl FnMut(&str) -> PResult<'_, usize> {
    move |input| {
        verify(
            preceded(
                space0,
                terminated(many1_count(terminated(char(c), space0)), eof),
            ),
            |&count| count >= 3,
        )
        .parse(input)
    }
}

/// A line of the shape of a thematic break, whatever its indentation.
fn break_shape(line: &str) -> PResult<'_, usize> {
    expect(
        Expected::ThematicBreak,
        preceded(
            // Made of break characters and blanks only: item text is neither, and stops here.
            peek(all_consuming(take_while(|c| {
                matches!(c, '-' | '*' | '_' | ' ' | '\t')
            }))),
            alt((break_of('-'), break_of('*'), break_of('_'))),
        ),
    )(line)
}

/// True when the line is a thematic break (`---`, `***`, `___`, `* * *`, `- - -`: 3+ of one char
/// of `-*_` and spaces/tabs only, indent <= 3).
pub(crate) fn is_thematic_break(line: &str) -> bool {
    indent_width(line) <= 3 && break_shape(line).is_ok()
}

/// Characters that may not appear in the term of a `Term: description` item.
const SENTENCE_PUNCTUATION: &[u8] = b".!?;,";

/// Most words a term may have.
const MAX_TERM_WORDS: usize = 6;

/// The `Term: description` split of an item's text: at the first colon followed by whitespace,
/// with a term of 1 to 6 words without sentence punctuation and a non-empty description.
pub(crate) fn term(text: &str) -> PResult<'_, (&str, &str)> {
    let colon = (char(':'), peek(satisfy(char::is_whitespace)));
    let (after, _) = expect(
        Expected::TermColon,
        recognize(many_till(alt((take_until1(":"), tag(":"))), colon)),
    )(text)?;
    // `after` follows the colon: the term is what came before it.
    let term = text[..text.len() - after.len() - 1].trim();
    let description = after.trim();
    let words = term.split_whitespace().take(MAX_TERM_WORDS + 1).count();
    if term.bytes().any(|b| SENTENCE_PUNCTUATION.contains(&b))
        || !(1..=MAX_TERM_WORDS).contains(&words)
        || description.is_empty()
    {
        return fail(text, Expected::TermColon);
    }
    Ok((&after[after.len()..], (term, description)))
}

// --- CommonMark block starts (strict mode) ---

/// Up to three spaces of indentation, not followed by a tab or a fourth space.
pub(crate) fn up_to_three_spaces(input: &str) -> PResult<'_, &str> {
    expect(
        Expected::Block,
        terminated(
            verify(take_while(|c| c == ' '), |s: &str| s.len() <= 3),
            not(char('\t')),
        ),
    )(input)
}

/// A block-quote marker: `>` and one optional space or tab; the rest is the quote's content.
pub(crate) fn quote_marker(input: &str) -> PResult<'_, char> {
    preceded(
        up_to_three_spaces,
        terminated(expect(Expected::Block, char('>')), opt(one_of(" \t"))),
    )
    .parse(input)
}

/// A CommonMark list-item marker, its indentation included: number, kind.
pub(crate) fn commonmark_marker(input: &str) -> PResult<'_, (u32, MarkerKind)> {
    preceded(
        up_to_three_spaces,
        expect(
            Expected::Marker,
            alt((bullet(is_commonmark_bullet), ordinal)),
        ),
    )
    .parse(input)
}

/// An ATX heading: one to six `#` then a space, a tab or the end of the line.
pub(crate) fn atx_heading(input: &str) -> PResult<'_, &str> {
    preceded(
        up_to_three_spaces,
        terminated(
            expect(Expected::Block, take_while_m_n(1, 6, |c| c == '#')),
            alt((eof, peek(recognize(one_of(" \t"))))),
        ),
    )
    .parse(input)
}

/// An opening code fence: its character and length. A backtick fence's info string may not
/// contain backticks (that would be a code span).
pub(crate) fn fence_open(input: &str) -> PResult<'_, (char, usize)> {
    // Its first character after the indentation is a backtick or a tilde (most lines stop here).
    if !matches!(first_after(input, &[' ']), Some('`' | '~')) {
        return fail(input, Expected::Block);
    }
    let (body, _) = up_to_three_spaces(input)?;
    let (_, c) = expect(Expected::Block, peek(one_of("`~")))(body)?;
    let (info, run) = verify(take_while(|x| x == c), |run: &str| run.len() >= 3).parse(body)?;
    if c == '`' && info.contains('`') {
        return fail(info, Expected::Block);
    }
    Ok((info, (c, run.len())))
}

/// A line closing a fence opened with `len` times `c`: at least as many, then blanks only.
pub(crate) fn fence_close(c: char, len: usize) -> impl FnMut(&str) -> PResult<'_, &str> {
    move |input| {
        preceded(
            up_to_three_spaces,
            terminated(
                verify(take_while(|x| x == c), |run: &str| run.len() >= len),
                all_consuming(space0),
            ),
        )
        .parse(input)
    }
}

/// A setext underline (`===` or `---` alone) that turns the paragraph above into a heading.
pub(crate) fn setext_underline(input: &str) -> PResult<'_, char> {
    let (body, _) = up_to_three_spaces(input)?;
    let (_, c) = peek(one_of("=-")).parse(body)?;
    let (rest, _) = all_consuming(terminated(take_while1(|x| x == c), space0)).parse(body)?;
    Ok((rest, c))
}

// --- captions ---

/// A `Table:` or `Table N:` label line (`Table 2: Seats by region`, `TABLE 3.1: ...`): the word
/// `table`, an optional label of up to 6 letters, digits and dots, then a colon.
pub(crate) fn table_label(line: &str) -> PResult<'_, &str> {
    let ws = |i| take_while(char::is_whitespace).parse(i);
    expect(
        Expected::TableLabel,
        preceded(
            (ws, tag_no_case("table"), ws),
            terminated(
                take_while_m_n(0, 6, |c: char| c.is_ascii_alphanumeric() || c == '.'),
                (ws, char(':')),
            ),
        ),
    )(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected<T: std::fmt::Debug>(result: PResult<'_, T>) -> Expected {
        match result {
            Err(nom::Err::Error(e)) => e.expected,
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn failures_say_what_was_expected_where() {
        assert_eq!(expected(marker("Plain text")), Expected::Marker);
        assert_eq!(expected(marker("-no space")), Expected::MarkerSpace);
        assert_eq!(expected(item("-")), Expected::MarkerSpace);
        assert_eq!(expected(item("-  \t")), Expected::ItemText);
        assert_eq!(expected(item("* * *")), Expected::ThematicBreak);
        assert_eq!(
            expected(delimiter_row(Dashes::Ascii)("| a | --- |")),
            Expected::DelimiterCell
        );
        assert_eq!(
            expected(delimiter_row(Dashes::Ascii)("-----")),
            Expected::Pipe
        );
        assert_eq!(expected(delimiter_row(Dashes::Ascii)("|")), Expected::Cells);
        assert_eq!(expected(continuation(2)("  x")), Expected::Indentation);
        assert_eq!(expected(term("No colon here")), Expected::TermColon);
        assert_eq!(
            expected(table_label("Tables were set: yes")),
            Expected::TableLabel
        );
        let Err(nom::Err::Error(e)) = marker("Plain text") else {
            unreachable!()
        };
        assert_eq!(e.to_string(), "expected Marker at \"Plain text\"");
    }

    #[test]
    fn rows_split_on_pipes_that_follow_no_backslash() {
        assert_eq!(row(r"| a \| b | c |"), [r" a \| b ", " c "]);
        // cmark-gfm looks only at the byte before the pipe.
        assert_eq!(row(r"a\\|b"), [r"a\\|b"]);
        assert_eq!(row("||"), [""]);
        assert_eq!(row("a ||"), ["a ", ""]);
        assert!(row("| \u{a0}").is_empty());
        assert!(has_unescaped_pipe("a|b") && !has_unescaped_pipe(r"a\|b"));
    }

    #[test]
    fn markers_items_and_terms() {
        assert_eq!(
            item("  • Country:").map(|(_, m)| (m.indent, m.kind, m.text)),
            Ok((2, MarkerKind::Bullet('•'), "Country:"))
        );
        assert_eq!(
            item("12) Twelfth").map(|(_, m)| (m.kind, m.number)),
            Ok((MarkerKind::Ordered(')'), 12))
        );
        assert!(item("1234567890. ten digits").is_err());
        assert_eq!(
            term("Note: meet at 10:30: sharp").map(|(_, t)| t),
            Ok(("Note", "meet at 10:30: sharp"))
        );
        assert_eq!(continuation(0)("\t more ").map(|(_, c)| c), Ok((5, "more")));
    }

    #[test]
    fn lone_markers_and_quotes() {
        assert_eq!(
            lone_marker("  -").map(|(_, m)| m),
            Ok((2, 0, MarkerKind::Bullet('-')))
        );
        assert_eq!(
            lone_marker("3. \u{a0}").map(|(_, m)| m),
            Ok((0, 3, MarkerKind::Ordered('.')))
        );
        assert!(lone_marker("- x").is_err());
        assert!(lone_marker("---").is_err());
        assert!(lone_marker("").is_err());
        assert!(lone_marker("1998").is_err());
        assert!(lone_marker("•").is_err() && lone_marker("–").is_err());
        assert_eq!(unquote("> > | a |", 2), Ok(("", "| a |")));
        assert!(unquote("> | a |", 2).is_err());
        assert_eq!(quote_depth(">> x", 8), 2);
        assert_eq!(quote_depth("x > y", 8), 0);
        assert_eq!(quote_depth("> > > x", 2), 2);
    }
}
