//! The text a GFM renderer would display for a table cell, used by strict mode: code span
//! backticks, backslash escapes, HTML tags, link destinations and images are removed.
//! Emphasis markers are kept as written (deciding them needs the full delimiter algorithm, and
//! they carry no letters).

use std::borrow::Cow;
use std::collections::HashMap;

/// Links nested deeper than this inside one cell are kept as text (markdown-it caps nesting
/// the same way): each level renders the link text of the one above, on the stack.
const MAX_LINK_NESTING: usize = 32;

/// Cells shorter than this are rendered by scanning for each closing bracket, parenthesis and
/// backtick run; longer ones build the indexes of [`Matches`] first, so that the work stays
/// linear in the cell (the scans are quadratic on unclosed brackets: 64,000 `[` took 4.7 s).
const INDEX_FROM: usize = 256;

/// Rendered text of one inline fragment. Borrowed when nothing needed rendering.
pub(crate) fn plain_text(cell: &str) -> Cow<'_, str> {
    plain_text_with(cell, INDEX_FROM)
}

/// [`plain_text`], with the indexes built for cells of `index_from` bytes or more.
fn plain_text_with(cell: &str, index_from: usize) -> Cow<'_, str> {
    if !cell.contains(['`', '\\', '<', '[', '!']) {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut renderer = Renderer {
        cell,
        matches: (cell.len() >= index_from && u32::try_from(cell.len()).is_ok())
            .then(|| Matches::new(cell)),
        steps: 0,
    };
    renderer.render(0, cell.len(), &mut out, 0);
    Cow::Owned(out.trim().to_string())
}

/// Where the brackets and backtick runs of one cell close, found in one pass each (as cmark's
/// delimiter stack does), and the parentheses found so far.
struct Matches {
    /// For the byte offset of each `[`: the offset of the `]` that closes it, or [`NONE`]; empty
    /// when the cell has no `]` (nothing closes: a cell of unclosed `[` took 4 bytes a byte for
    /// this and as much for the stack of open brackets, 16× the input in all).
    brackets: Vec<u32>,
    /// Backtick runs by length: the offsets where such runs start, in order.
    runs: HashMap<usize, Vec<u32>>,
    /// For the offset of a `(` right after a `]`: the offset of its `)` (or [`NONE`]) as found
    /// by a scan that ended at the second offset.
    parens: HashMap<u32, (u32, u32)>,
}

const NONE: u32 = u32::MAX;

/// Brackets open at once beyond this many are text (they close nothing, so the stack of open
/// brackets stays small on a cell of unclosed `[`); a `]` first closes one of them, so the
/// brackets kept pair as before. Links never nest this deep ([`MAX_LINK_NESTING`]).
const MAX_OPEN_BRACKETS: usize = 1 << 16;

impl Matches {
    fn new(cell: &str) -> Self {
        let mut brackets = if memchr::memchr(b']', cell.as_bytes()).is_some() {
            vec![NONE; cell.len()]
        } else {
            Vec::new()
        };
        // Open brackets beyond MAX_OPEN_BRACKETS, not kept.
        let mut untracked = 0usize;
        // Open brackets; brackets escaped while none is open (they close at the next `]` that
        // closes nothing); escaped brackets inside open ones (they close with the innermost).
        let mut open: Vec<u32> = Vec::new();
        let mut waiting: Vec<u32> = Vec::new();
        let mut aliases: Vec<(u32, u32)> = Vec::new();
        let mut runs: HashMap<usize, Vec<u32>> = HashMap::new();
        let bytes = cell.as_bytes();
        let mut escaped = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let at = i as u32;
            if b == b'`' {
                // Code spans ignore escapes: runs are maximal, counted from their first tick.
                let len = bytes[i..].iter().take_while(|&&x| x == b'`').count();
                runs.entry(len).or_default().push(at);
                if escaped {
                    escaped = false;
                }
                i += len;
                continue;
            }
            if escaped {
                escaped = false;
                if b == b'[' {
                    match open.last() {
                        Some(&top) => aliases.push((at, top)),
                        None => waiting.push(at),
                    }
                }
                i += 1;
                continue;
            }
            match b {
                b'\\' => escaped = true,
                b'[' if open.len() >= MAX_OPEN_BRACKETS => untracked += 1,
                b'[' => open.push(at),
                b']' if untracked > 0 => untracked -= 1,
                b']' => match open.pop() {
                    Some(start) => brackets[start as usize] = at,
                    None => waiting.drain(..).for_each(|w| brackets[w as usize] = at),
                },
                _ => {}
            }
            i += 1;
        }
        if !brackets.is_empty() {
            for (at, top) in aliases {
                brackets[at as usize] = brackets[top as usize];
            }
        }
        Matches {
            brackets,
            runs,
            parens: HashMap::new(),
        }
    }
}

struct Renderer<'c> {
    cell: &'c str,
    matches: Option<Matches>,
    /// Characters looked at by the scans (tests check that the work is linear).
    steps: usize,
}

impl Renderer<'_> {
    /// Renders `cell[start..end]` into `out`.
    fn render(&mut self, start: usize, end: usize, out: &mut String, depth: usize) {
        let mut pos = start;
        // The first `>` at or after some offset of this fragment, once looked for.
        let mut next_gt: Option<Option<usize>> = None;
        while let Some(c) = self.cell[pos..end].chars().next() {
            let s = &self.cell[pos..end];
            let consumed = match c {
                '`' => Some(self.code_span(pos, end, out)),
                '\\' => escape(s, out),
                '<' => self.html_or_autolink(pos, end, out, &mut next_gt),
                '!' if s[1..].starts_with('[') => {
                    self.link(pos + 1, end, out, true, depth).map(|n| n + 1)
                }
                '[' => self.link(pos, end, out, false, depth),
                _ => None,
            };
            match consumed {
                Some(n) => pos += n,
                None => {
                    out.push(c);
                    pos += c.len_utf8();
                }
            }
        }
    }

    /// A backtick run opens a code span closed by a run of the same length; its content is literal.
    fn code_span(&mut self, pos: usize, end: usize, out: &mut String) -> usize {
        let s = &self.cell[pos..end];
        let ticks = s.bytes().take_while(|&b| b == b'`').count();
        let close = match &self.matches {
            // The first run of `ticks` backticks after this one, inside the fragment.
            Some(m) => m.runs.get(&ticks).and_then(|starts| {
                let after = starts.partition_point(|&at| (at as usize) < pos + ticks);
                starts
                    .get(after)
                    .map(|&at| at as usize - pos - ticks)
                    .filter(|&at| pos + ticks + at + ticks <= end)
            }),
            None => {
                let body = &s[ticks..];
                let mut from = 0;
                let mut found = None;
                while let Some(i) = body[from..].find('`') {
                    let at = from + i;
                    let run = body[at..].bytes().take_while(|&b| b == b'`').count();
                    self.steps += run + i;
                    if run == ticks {
                        found = Some(at);
                        break;
                    }
                    from = at + run;
                }
                found
            }
        };
        let Some(at) = close else {
            out.push_str(&s[..ticks]);
            return ticks;
        };
        let content = &s[ticks..ticks + at];
        let content = if content.len() >= 2
            && content.starts_with(' ')
            && content.ends_with(' ')
            && !content.trim().is_empty()
        {
            &content[1..content.len() - 1]
        } else {
            content
        };
        out.push_str(content);
        ticks + at + ticks
    }

    /// `<tag ...>` and `</tag>` vanish; `<scheme:...>` autolinks keep their address.
    fn html_or_autolink(
        &mut self,
        pos: usize,
        end: usize,
        out: &mut String,
        next_gt: &mut Option<Option<usize>>,
    ) -> Option<usize> {
        let gt = match *next_gt {
            Some(Some(gt)) if gt > pos => gt,
            // None after an earlier offset of the fragment: none after this one either.
            Some(None) => return None,
            _ => {
                let found = self.cell[pos..end].find('>').map(|i| pos + i);
                self.steps += found.map_or(end, |gt| gt + 1) - pos;
                *next_gt = Some(found);
                found?
            }
        };
        let s = &self.cell[pos..end];
        let end = gt - pos;
        let inner = &s[1..end];
        let first = inner.chars().next()?;
        if inner.contains(':') && !inner.contains([' ', '<']) {
            out.push_str(inner);
            return Some(end + 1);
        }
        let is_tag = first.is_ascii_alphabetic() || matches!(first, '/' | '!' | '?');
        is_tag.then_some(end + 1)
    }

    /// `[text](destination "title")` at `pos`: the text stays (rendered), the rest goes. Images
    /// render to nothing, as their alt text is an attribute, not displayed text.
    fn link(
        &mut self,
        pos: usize,
        end: usize,
        out: &mut String,
        image: bool,
        depth: usize,
    ) -> Option<usize> {
        if depth >= MAX_LINK_NESTING {
            return None;
        }
        let close = match &self.matches {
            Some(m) => m
                .brackets
                .get(pos)
                .copied()
                .filter(|&at| at != NONE)
                .map(|at| at as usize),
            None => self.matching(pos, end, '[', ']'),
        }
        .filter(|&close| close < end)?;
        let after = close + 1;
        if !self.cell[after..end].starts_with('(') {
            return None;
        }
        let paren = self.paren(after, end)?;
        if !image {
            self.render(pos + 1, close, out, depth + 1);
        }
        Some(paren + 1 - pos)
    }

    /// The `)` closing the `(` at `pos`, inside the fragment ending at `end`.
    fn paren(&mut self, pos: usize, end: usize) -> Option<usize> {
        let key = pos as u32;
        if let Some(&(close, scanned_to)) = self.matches.as_ref().and_then(|m| m.parens.get(&key)) {
            if close != NONE && (close as usize) < end {
                return Some(close as usize);
            }
            if end as u32 <= scanned_to {
                return None;
            }
        }
        self.matching(pos, end, '(', ')')
    }

    /// Offset of the bracket closing the one at `pos`, skipping escaped brackets and, for
    /// parentheses, quoted titles. A scan for a parenthesis remembers what it found for every
    /// `(` after a `]` on its way (at the same quoting), which a later link may ask about.
    fn matching(&mut self, pos: usize, end: usize, open: char, close: char) -> Option<usize> {
        let mut depth = 0usize;
        let mut quote: Option<char> = None;
        let mut escaped = false;
        let remember = open == '(' && self.matches.is_some();
        // The remembered `(` still open, with the depth they opened.
        let mut opened: Vec<(u32, usize)> = Vec::new();
        let mut prev = '\0';
        let mut found = None;
        for (i, c) in self.cell[pos..end].char_indices() {
            self.steps += 1;
            let was = prev;
            prev = c;
            if escaped {
                escaped = false;
                continue;
            }
            match c {
                '\\' => escaped = true,
                '"' | '\'' if open == '(' => match quote {
                    Some(q) if q == c => quote = None,
                    None => quote = Some(c),
                    _ => {}
                },
                _ if quote.is_some() => {}
                _ if c == open => {
                    depth += 1;
                    if remember && (i == 0 || was == ']') {
                        opened.push(((pos + i) as u32, depth));
                    }
                }
                _ if c == close => {
                    let Some(d) = depth.checked_sub(1) else {
                        break;
                    };
                    depth = d;
                    if let Some(&(at, _)) =
                        opened.last().filter(|&&(_, opened_at)| opened_at == d + 1)
                    {
                        opened.pop();
                        self.remember(at, (pos + i) as u32, end);
                    }
                    if depth == 0 {
                        found = Some(pos + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        if found.is_none() {
            for (at, _) in opened {
                self.remember(at, NONE, end);
            }
        }
        found
    }

    fn remember(&mut self, at: u32, close: u32, end: usize) {
        if let Some(m) = &mut self.matches {
            m.parens.entry(at).or_insert((close, end as u32));
        }
    }
}

fn escape(s: &str, out: &mut String) -> Option<usize> {
    let next = s[1..].chars().next()?;
    if next.is_ascii_punctuation() {
        out.push(next);
        Some(1 + next.len_utf8())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_vanish() {
        assert_eq!(plain_text("<strong>hello</strong>"), "hello");
        assert_eq!(plain_text("ok <br> sure"), "ok  sure");
    }

    #[test]
    fn links_keep_their_text_and_images_vanish() {
        assert_eq!(plain_text("[test](first|second)"), "test");
        assert_eq!(
            plain_text(r#"[Moo](https://example.org "Example\|Link")"#),
            "Moo"
        );
        assert_eq!(plain_text("![Moo|Moo](image.png)"), "");
        assert_eq!(plain_text("[first|second]"), "[first|second]");
    }

    #[test]
    fn code_spans_and_escapes() {
        assert_eq!(plain_text("b `|` az"), "b | az");
        assert_eq!(plain_text(r"\_ and \a"), r"_ and \a");
        assert_eq!(plain_text("``a`b``"), "a`b");
        assert_eq!(plain_text("`open"), "`open");
    }

    #[test]
    fn autolinks_keep_the_address() {
        assert_eq!(plain_text("<https://x.org/a>"), "https://x.org/a");
    }

    /// The characters the scans looked at to render `cell` with the indexes.
    fn steps(cell: &str) -> usize {
        let mut renderer = Renderer {
            cell,
            matches: Some(Matches::new(cell)),
            steps: 0,
        };
        renderer.render(0, cell.len(), &mut String::new(), 0);
        renderer.steps
    }

    #[test]
    fn brackets_that_cannot_close_take_no_room() {
        assert!(Matches::new(&"[".repeat(100_000)).brackets.is_empty());
        let m = Matches::new("[a] [b");
        assert_eq!(
            (m.brackets.len(), m.brackets[0], m.brackets[4]),
            (6, 2, NONE)
        );
        // Past the cap of open brackets the extra ones are text, and a `]` closes one of them
        // first: the kept brackets pair as before.
        let deep = format!("{}[x]{}", "[".repeat(MAX_OPEN_BRACKETS + 2), "]".repeat(2));
        let m = Matches::new(&deep);
        let x = MAX_OPEN_BRACKETS + 2;
        assert_eq!(m.brackets[x], NONE, "the `[` of x is past the cap");
        assert_eq!(m.brackets[MAX_OPEN_BRACKETS - 1], NONE);
    }

    #[test]
    fn unclosed_brackets_take_linear_work() {
        for (unit, n) in [
            ("[", 64_000),
            ("![", 32_000),
            ("[a](", 16_000),
            ("<", 64_000),
        ] {
            let cell = unit.repeat(n);
            let work = steps(&cell);
            assert!(work <= 4 * cell.len(), "{unit:?} x {n}: {work} steps");
            // And the text is the same as without indexes, on a size the scans can afford.
            let small = unit.repeat(300);
            assert_eq!(
                plain_text_with(&small, 0),
                plain_text_with(&small, usize::MAX)
            );
        }
        assert_eq!(plain_text(&"[".repeat(64_000)), "[".repeat(64_000));
    }

    #[test]
    fn quoted_titles_and_nested_parentheses_with_indexes() {
        for cell in [
            r#"[a](b "c)" d) x [e](f) [g]('h' (i)) [j](k"#,
            "x [a](b(c)d) [e]((f) [g](h)",
            "[a]('b) [c](d) ')",
            r"\[a](b) [c\](d) [e](f\))",
            "``a`b`` `[x](y)` [[z](w)](v)",
        ] {
            assert_eq!(
                plain_text_with(cell, 0),
                plain_text_with(cell, usize::MAX),
                "{cell:?}"
            );
        }
    }

    #[test]
    fn deep_link_nesting_is_kept_as_text() {
        let cell = format!("{}a{}", "[".repeat(100), "](x)".repeat(100));
        let text = plain_text(&cell);
        assert!(
            text.starts_with(&"[".repeat(100 - MAX_LINK_NESTING)),
            "{text}"
        );
        assert!(text.contains('a'));
    }

    proptest::proptest! {
        /// The indexes change how closing brackets are found, never what is found.
        #[test]
        fn indexes_render_the_same_text(cell in r#"[\[\]()`\\!<>:"' ab]{0,40}"#) {
            proptest::prop_assert_eq!(plain_text_with(&cell, 0), plain_text_with(&cell, usize::MAX));
        }
    }
}
