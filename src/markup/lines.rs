//! Line splitting that keeps byte offsets into the source, so every parser can borrow `&str` slices
//! and report 1-based line numbers of the input.
//!
//! LF, CRLF and a lone CR all end a line: scraped text mixes them, and treating CR as a terminator
//! keeps line numbers right for old Mac-style files without rewriting the input.

use memchr::{memchr, memchr2};

/// One line of the input, without its terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the input.
    pub number: usize,
    /// Byte offset of the first byte of the line in the input.
    pub start: usize,
    /// The line's text, without the line terminator.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// Byte offset one past the last byte of the line's text (the terminator is not included).
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// True when the line holds nothing but whitespace (no-break spaces included: scraped
    /// pages are full of `&nbsp;`-only lines).
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Columns of leading indentation, a tab counting up to the next multiple of 4 as in CommonMark.
    pub fn indent(&self) -> usize {
        indent_width(self.text)
    }
}

/// Columns of leading whitespace of `s` (tabs advance to the next multiple of 4).
pub fn indent_width(s: &str) -> usize {
    let mut col = 0;
    for b in s.bytes() {
        match b {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => break,
        }
    }
    col
}

/// Iterator over the lines of a text. A final line without terminator is yielded; an empty input
/// yields no line, and a trailing terminator does not produce an extra empty line.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    pos: usize,
    number: usize,
    /// False when the text holds no CR: lines then end at LF only, and the search for the end
    /// of each line looks for one byte instead of two (a third faster on short lines).
    has_cr: bool,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text.as_bytes()[self.pos..];
        let start = self.pos;
        self.number += 1;
        let end = if self.has_cr {
            memchr2(b'\n', b'\r', rest)
        } else {
            memchr(b'\n', rest)
        };
        let (len, advance) = match end {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => (i, i + 2),
            Some(i) => (i, i + 1),
            None => (rest.len(), rest.len()),
        };
        self.pos += advance;
        // The terminators are ASCII, so `start..start + len` falls on char boundaries.
        Some(Line {
            number: self.number,
            start,
            text: &self.text[start..start + len],
        })
    }
}

/// Splits `text` into [`Line`]s.
///
/// ```
/// use abridge::markup::lines;
/// let got: Vec<_> = lines("a\r\nb\rc\n").map(|l| (l.number, l.start, l.text)).collect();
/// assert_eq!(got, vec![(1, 0, "a"), (2, 3, "b"), (3, 5, "c")]);
/// ```
pub fn lines(text: &str) -> Lines<'_> {
    Lines {
        text,
        pos: 0,
        number: 0,
        has_cr: memchr(b'\r', text.as_bytes()).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminators_are_lf_crlf_and_cr() {
        let got: Vec<&str> = lines("one\ntwo\r\nthree\rfour").map(|l| l.text).collect();
        assert_eq!(got, ["one", "two", "three", "four"]);
    }

    #[test]
    fn blank_lines_are_kept_and_numbered() {
        let got: Vec<(usize, &str)> = lines("a\n\n\nb\n").map(|l| (l.number, l.text)).collect();
        assert_eq!(got, [(1, "a"), (2, ""), (3, ""), (4, "b")]);
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert_eq!(lines("").count(), 0);
    }

    #[test]
    fn indent_counts_tabs_to_next_stop() {
        assert_eq!(indent_width("  \tx"), 4);
        assert_eq!(indent_width("\t\tx"), 8);
        assert_eq!(indent_width(" x"), 1);
    }
}
