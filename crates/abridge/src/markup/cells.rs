//! Splitting pipe-table lines into cells, and recognising delimiter rows: the semantic actions
//! on the row rules of [`super::grammar`].

use super::grammar;
pub(crate) use super::grammar::Dashes;
use super::Alignment;
use memchr::memchr;
use std::borrow::Cow;

pub(crate) use grammar::has_unescaped_pipe;

/// The raw cells of a row (see [`grammar::row`]).
pub(crate) fn split_row(line: &str) -> Vec<&str> {
    grammar::row(line)
}

/// [`split_row`] with `each` applied to every raw cell (see [`grammar::row_with`]).
pub(crate) fn split_row_with<'a, T>(line: &'a str, each: impl FnMut(&'a str) -> T) -> Vec<T> {
    grammar::row_with(line, each)
}

/// A cell's text: trimmed, with `\|` unescaped. Borrowed unless an escape had to go.
pub(crate) fn cell_text(raw: &str) -> Cow<'_, str> {
    let trimmed = raw.trim();
    // Most cells hold no backslash: one byte search rules the escape out before the substring
    // search, whose set-up cost 3.9 M of the 228 M instructions of `abridge tables` over
    // 10,000 articles (callgrind).
    if memchr(b'\\', trimmed.as_bytes()).is_some() && trimmed.contains("\\|") {
        Cow::Owned(trimmed.replace("\\|", "|"))
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// The alignments of a delimiter row, or `None` when `line` is not one (see
/// [`grammar::delimiter_row`]).
pub(crate) fn delimiter_row(line: &str, dashes: Dashes) -> Option<Vec<Alignment>> {
    grammar::delimiter_row(dashes)(line)
        .ok()
        .map(|(_, alignments)| alignments)
}

/// Pads with empty cells or truncates `cells` to `width`, as GFM does with body rows.
pub(crate) fn fit_row<'a>(mut cells: Vec<Cow<'a, str>>, width: usize) -> Vec<Cow<'a, str>> {
    cells.resize(width, Cow::Borrowed(""));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_pipes_are_optional() {
        assert_eq!(split_row("| a | b |"), [" a ", " b "]);
        assert_eq!(split_row("a | b"), ["a ", " b"]);
        assert_eq!(
            split_row("Outcome | Description |"),
            ["Outcome ", " Description "]
        );
    }

    #[test]
    fn escaped_pipes_do_not_split() {
        assert_eq!(split_row(r"| a \| b | c |"), [r" a \| b ", " c "]);
        assert_eq!(split_row(r"| x |  \|"), [" x ", r"  \|"]);
        assert_eq!(cell_text(r" a \| b "), "a | b");
    }

    #[test]
    fn a_lone_pipe_has_no_cells_but_empty_cells_count() {
        assert!(split_row("|").is_empty());
        assert!(split_row("|\t").is_empty());
        assert_eq!(split_row("| d || e |"), [" d ", "", " e "]);
    }

    #[test]
    fn delimiter_alignments() {
        use Alignment::*;
        assert_eq!(
            delimiter_row(":-- | --- | :-: | --:", Dashes::Ascii),
            Some(vec![Left, None, Center, Right])
        );
        assert_eq!(
            delimiter_row("---|---|", Dashes::Ascii),
            Some(vec![None, None])
        );
    }

    #[test]
    fn delimiter_needs_a_pipe_and_dashes() {
        assert_eq!(delimiter_row("-----------", Dashes::Ascii), None);
        assert_eq!(delimiter_row("| :: | --- |", Dashes::Ascii), None);
        assert_eq!(delimiter_row("| a | --- |", Dashes::Ascii), None);
        assert_eq!(delimiter_row("| ぃ | い |", Dashes::Lenient), None);
    }

    #[test]
    fn lenient_dashes_accept_typographic_dashes_and_spaces() {
        assert_eq!(delimiter_row("—— | – – –", Dashes::Ascii), None);
        assert_eq!(
            delimiter_row("—— | – – – | −−:", Dashes::Lenient),
            Some(vec![Alignment::None, Alignment::None, Alignment::Right])
        );
    }
}
