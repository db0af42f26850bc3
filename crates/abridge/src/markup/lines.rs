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
        self.text.is_empty() || self.text.trim().is_empty()
    }

    /// Columns of leading indentation, a tab counting up to the next multiple of 4 as in CommonMark.
    pub fn indent(&self) -> usize {
        indent_width(self.text)
    }
}

/// Columns of leading whitespace of `s` (tabs advance to the next multiple of 4).
pub(crate) fn indent_width(s: &str) -> usize {
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
        let (len, advance) = match memchr2(b'\n', b'\r', rest) {
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
    }
}

/// Random access to numbered lines: a text's [`LineIndex`], a slice of [`Line`]s, a [`Window`]
/// on either, strict mode's paragraphs.
pub(crate) trait LineSource<'a> {
    /// How many lines there are.
    fn count(&self) -> usize;

    /// Line `i` (0-based), if there is one.
    fn line(&self, i: usize) -> Option<Line<'a>>;

    /// The last line, if any.
    fn last_line(&self) -> Option<Line<'a>> {
        self.count().checked_sub(1).and_then(|i| self.line(i))
    }
}

impl<'a> LineSource<'a> for [Line<'a>] {
    fn count(&self) -> usize {
        self.len()
    }

    fn line(&self, i: usize) -> Option<Line<'a>> {
        self.get(i).copied()
    }
}

impl<'a> LineSource<'a> for Vec<Line<'a>> {
    fn count(&self) -> usize {
        self.len()
    }

    fn line(&self, i: usize) -> Option<Line<'a>> {
        self.get(i).copied()
    }
}

/// Lines `range` of another source, numbered from 0.
pub(crate) struct Window<'s, S: ?Sized> {
    pub(crate) source: &'s S,
    pub(crate) range: std::ops::Range<usize>,
}

impl<'a, S: LineSource<'a> + ?Sized> LineSource<'a> for Window<'_, S> {
    fn count(&self) -> usize {
        self.range.len()
    }

    fn line(&self, i: usize) -> Option<Line<'a>> {
        (i < self.range.len())
            .then(|| self.source.line(self.range.start + i))
            .flatten()
    }
}

/// Byte offsets into one text, 4 bytes each while the text is under 4 GiB (8 past it).
#[derive(Debug, Clone)]
pub(crate) enum Offsets {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl Offsets {
    /// Offsets into `text`, room made for `capacity` of them.
    pub(crate) fn for_text(text: &str, capacity: usize) -> Self {
        if u32::try_from(text.len()).is_ok() {
            Offsets::Narrow(Vec::with_capacity(capacity))
        } else {
            Offsets::Wide(Vec::with_capacity(capacity))
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Offsets::Narrow(v) => v.len(),
            Offsets::Wide(v) => v.len(),
        }
    }

    /// Adds `offset` (into the text the offsets were made for).
    pub(crate) fn push(&mut self, offset: usize) {
        match self {
            // The text is under 4 GiB, so is the offset.
            Offsets::Narrow(v) => v.push(offset as u32),
            Offsets::Wide(v) => v.push(offset),
        }
    }

    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<usize> {
        match self {
            Offsets::Narrow(v) => v.get(i).map(|&o| o as usize),
            Offsets::Wide(v) => v.get(i).copied(),
        }
    }
}

/// The lines of a text by their start offsets: the same lines as [`lines`], found in one pass
/// that tests 64 bytes at a time instead of searching from every line start, and kept in 4 bytes
/// a line (a line's end is where the next one starts, less its terminator). On article text, with
/// its many short and blank lines, finding them this way took 23 M fewer instructions than with
/// [`lines`] (228 M against 251 M for the whole `abridge tables` run over 10,000 articles); 4
/// bytes a line keeps a text of nothing but line feeds at 4 times its size (32-byte [`Line`]s
/// took 738 MB for 10 MB of them).
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Offsets,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let starts = if u32::try_from(text.len()).is_ok() {
            // The text is under 4 GiB, so is every offset.
            Offsets::Narrow(line_starts(text.as_bytes(), |at| at as u32))
        } else {
            Offsets::Wide(line_starts(text.as_bytes(), |at| at))
        };
        LineIndex { text, starts }
    }

    #[inline]
    /// Where the terminator of the line starting at `start` begins, given where the next line
    /// starts (or the end of the text).
    fn end_before(&self, start: usize, next: usize) -> usize {
        let bytes = self.text.as_bytes();
        match next.checked_sub(1).map(|k| bytes[k]) {
            Some(b'\n') if next >= start + 2 && bytes[next - 2] == b'\r' => next - 2,
            Some(b'\n' | b'\r') if next > start => next - 1,
            _ => next,
        }
    }
}

impl<'a> LineSource<'a> for LineIndex<'a> {
    fn count(&self) -> usize {
        self.starts.len()
    }

    #[inline]
    fn line(&self, i: usize) -> Option<Line<'a>> {
        let start = self.starts.get(i)?;
        let next = self.starts.get(i + 1).unwrap_or(self.text.len());
        let end = self.end_before(start, next);
        Some(Line {
            number: i + 1,
            start,
            // Terminators are ASCII, so both ends fall on char boundaries.
            text: self.text.get(start..end).unwrap_or_default(),
        })
    }
}

/// All the [`Line`]s of `text` at once, unless there are more than `max` of them: the same lines
/// as [`lines`], found in one pass that tests 64 bytes at a time instead of searching from every
/// line start (on article text, with its many short and blank lines, 23 M fewer instructions
/// for the whole `abridge tables` run over 10,000 articles, 228 M against 251 M). A [`Line`]
/// takes 32 bytes: `max` keeps the vector within a multiple of the text's size, and a text of
/// denser lines goes to [`LineIndex`] (4 bytes a line).
pub(crate) fn line_vec_within(text: &str, max: usize) -> Option<Vec<Line<'_>>> {
    let bytes = text.as_bytes();
    let mut found = Vec::with_capacity((bytes.len() / 48 + 1).min(max));
    let mut over = false;
    let mut push = |start: usize, end: usize| {
        // The vector's doubling may reserve up to twice `max` lines, but never more.
        if found.len() == max {
            over = true;
            return;
        }
        found.push(Line {
            number: found.len() + 1,
            start,
            // Terminators are ASCII, so both ends fall on char boundaries.
            text: text.get(start..end).unwrap_or_default(),
        });
    };
    let mut start = 0;
    // Without a CR anywhere (the usual case) only LFs need finding, and each ends a line.
    if memchr(b'\r', bytes).is_some() {
        for_each_terminator::<true>(bytes, |at| {
            // The LF of a CRLF, already taken with its CR.
            if at < start {
                return;
            }
            push(start, at);
            start = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
        });
    } else {
        for_each_terminator::<false>(bytes, |at| {
            push(start, at);
            start = at + 1;
        });
    }
    if start < bytes.len() {
        push(start, bytes.len());
    }
    (!over).then_some(found)
}

/// The start offset of every line of `bytes`, as `offset` makes them.
fn line_starts<T>(bytes: &[u8], offset: impl Fn(usize) -> T) -> Vec<T> {
    let mut starts = Vec::with_capacity(bytes.len() / 48 + 1);
    let push = |starts: &mut Vec<T>, start: usize| {
        // Denser lines than guessed: make room for exactly the rest once.
        if starts.len() == starts.capacity() {
            starts.reserve_exact(count_lines(&bytes[start..]));
        }
        starts.push(offset(start));
    };
    let mut start = 0;
    // Without a CR anywhere (the usual case) only LFs need finding, and each ends a line.
    if memchr(b'\r', bytes).is_some() {
        for_each_terminator::<true>(bytes, |at| {
            // The LF of a CRLF, already taken with its CR.
            if at < start {
                return;
            }
            push(&mut starts, start);
            start = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
        });
    } else {
        for_each_terminator::<false>(bytes, |at| {
            push(&mut starts, start);
            start = at + 1;
        });
    }
    if start < bytes.len() {
        push(&mut starts, start);
    }
    starts
}

/// How many lines [`LineIndex::new`] finds in `bytes` (at most one more than terminators).
fn count_lines(bytes: &[u8]) -> usize {
    memchr::memchr2_iter(b'\n', b'\r', bytes).count() + 1
}

/// Calls `each` with the offset of every LF (and CR with `WITH_CR`) of `bytes`, in order.
#[cfg(target_arch = "x86_64")]
fn for_each_terminator<const WITH_CR: bool>(bytes: &[u8], mut each: impl FnMut(usize)) {
    let mut blocks = bytes.chunks_exact(64);
    let mut base = 0;
    for block in &mut blocks {
        // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 CPU has it.
        let mut mask = unsafe { terminator_mask::<WITH_CR>(block) };
        while mask != 0 {
            each(base + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        base += 64;
    }
    for (i, &b) in blocks.remainder().iter().enumerate() {
        if b == b'\n' || (WITH_CR && b == b'\r') {
            each(base + i);
        }
    }
}

/// Bit `i` is set when byte `i` of the 64-byte `block` is an LF (or a CR, with `WITH_CR`).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn terminator_mask<const WITH_CR: bool>(block: &[u8]) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let lf = _mm_set1_epi8(b'\n' as i8);
    let cr = _mm_set1_epi8(b'\r' as i8);
    let mut mask = 0u64;
    for (k, lane) in block.chunks_exact(16).enumerate() {
        // SAFETY: `lane` is 16 readable bytes, and an unaligned load asks nothing more.
        let v = unsafe { _mm_loadu_si128(lane.as_ptr().cast::<__m128i>()) };
        let mut hits = _mm_cmpeq_epi8(v, lf);
        if WITH_CR {
            hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, cr));
        }
        mask |= u64::from(_mm_movemask_epi8(hits) as u16) << (16 * k);
    }
    mask
}

#[cfg(not(target_arch = "x86_64"))]
fn for_each_terminator<const WITH_CR: bool>(bytes: &[u8], each: impl FnMut(usize)) {
    if WITH_CR {
        memchr::memchr2_iter(b'\n', b'\r', bytes).for_each(each);
    } else {
        memchr::memchr_iter(b'\n', bytes).for_each(each);
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

    fn line_vec(text: &str) -> Vec<Line<'_>> {
        let index = LineIndex::new(text);
        (0..index.count()).filter_map(|i| index.line(i)).collect()
    }

    #[test]
    fn line_vec_agrees_with_the_iterator() {
        let long = "word ".repeat(40);
        let texts = [
            String::new(),
            "\n".into(),
            "\r\n\r\n".into(),
            "a\r\nb\rc\n\nd".into(),
            format!("{long}\n\n{long}\r\n{long}"),
            format!("{long}\r"),
            // A CRLF split across two 64-byte blocks.
            format!("{}\r\nx", "y".repeat(63)),
            format!("é{}\nü\r", "z".repeat(70)),
        ];
        for text in &texts {
            assert_eq!(line_vec(text), lines(text).collect::<Vec<_>>(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn line_vec_agrees_on_any_text(text in "[ab\r\n é|]{0,300}") {
            proptest::prop_assert_eq!(line_vec(&text), lines(&text).collect::<Vec<_>>());
            let all = line_vec_within(&text, usize::MAX);
            proptest::prop_assert_eq!(all.as_ref(), Some(&line_vec(&text)));
            let count = line_vec(&text).len();
            proptest::prop_assert!(line_vec_within(&text, count).is_some());
            proptest::prop_assert_eq!(line_vec_within(&text, count.saturating_sub(1)).is_none(), count > 0);
        }
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
