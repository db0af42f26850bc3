//! Sentences on one line: whitespace runs collapsed, words hyphenated across a line break joined.

use super::lang::is_cjk_or_mark;
use std::borrow::Cow;

/// A sentence on one line: whitespace runs become one space, and a word hyphenated across a line
/// break (`city-\ncentre`) keeps its hyphen without the break.
///
/// ```
/// assert_eq!(abridge::text::flatten("the city-\n  centre  and\n the port"), "the city-centre and the port");
/// ```
pub fn flatten(text: &str) -> String {
    if is_flat(text) {
        // One line already, words one space apart: what the walk below would write.
        return text.to_string();
    }
    flatten_words(text)
}

/// Whether `text` is printable ASCII whose spaces stand alone, neither first nor last: no
/// white space to collapse, no line break to join across.
fn is_flat(text: &str) -> bool {
    let b = text.as_bytes();
    let mut after_space = true;
    for &c in b {
        if !(0x20..0x80).contains(&c) || (c == b' ' && after_space) {
            return false;
        }
        after_space = c == b' ';
    }
    !after_space || b.is_empty()
}

/// [`flatten`] word by word.
fn flatten_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_break = false;
    let mut pending_space = false;
    // The end of the previous word: the whitespace before a word runs from there to the word.
    let mut prev_end = 0;
    for word in text.split_whitespace() {
        // Where does this word sit (it is a slice of `text`: its offset is where `find` would
        // find it after the previous word, without building a searcher for each word), and was
        // the whitespace before it a line break?
        let at = word.as_ptr() as usize - text.as_ptr() as usize;
        if let Some(gap) = text.get(prev_end..at) {
            after_break = gap.contains(['\n', '\r']);
        }
        prev_end = at + word.len();
        let glued = after_break && (joins_hyphenated(&out, word) || joins_unspaced(&out, word));
        if pending_space && !glued {
            out.push(' ');
        }
        out.push_str(word);
        pending_space = true;
    }
    out
}

/// `text` with the line breaks that fall between two ideographs, kana or full-width marks
/// removed (with the spaces around them), everything else as it is: a wrapped line of Chinese or
/// Japanese joins the next without a space, as the CSS segment-break rules have a browser show
/// it. Borrowed when there is no such break.
///
/// ```
/// assert_eq!(abridge::text::join_unspaced_lines("これは父の\n家です。"), "これは父の家です。");
/// assert_eq!(abridge::text::join_unspaced_lines("a cold\nnight"), "a cold\nnight");
/// ```
pub fn join_unspaced_lines(text: &str) -> Cow<'_, str> {
    let is_break = |c: char| c == '\n' || c == '\r';
    // No ideograph, kana or full-width mark is ASCII.
    if text.is_ascii() || !text.contains(is_break) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_whitespace()) {
        let (word, tail) = rest.split_at(at);
        let gap_len = tail.len() - tail.trim_start().len();
        let (gap, after) = tail.split_at(gap_len);
        out.push_str(word);
        let joins = gap.contains(is_break) && joins_unspaced(&out, after) && !after.is_empty();
        if !joins {
            out.push_str(gap);
        }
        rest = after;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether a line break between `before` and `next` falls between two ideographs, kana or
/// full-width marks: Chinese and Japanese put no space between words, so wrapped lines join
/// without one. Shared by the cleaner's paragraphs and [`flatten`].
pub(crate) fn joins_unspaced(before: &str, next: &str) -> bool {
    before.chars().next_back().is_some_and(is_cjk_or_mark)
        && next.chars().next().is_some_and(is_cjk_or_mark)
}

/// Whether `next`, the first word of a line, continues a word hyphenated at the end of `before`
/// (`city-` + `centre`, `post-` + `iPhone`): then the two are joined without a space, the
/// hyphen kept. Shared by the cleaner's paragraphs and [`flatten`], so both agree.
pub(crate) fn joins_hyphenated(before: &str, next: &str) -> bool {
    before
        .strip_suffix('-')
        .is_some_and(|b| b.ends_with(char::is_alphabetic))
        && next.starts_with(char::is_lowercase)
}

/// `text.split_whitespace().count()`: ASCII text by its bytes (space and tab to carriage return
/// are the ASCII characters `char::is_whitespace` takes), other text by characters. Counting a
/// sentence's words by characters was 3% of `extract`'s instructions.
pub(crate) fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // Bit 7 of each byte that is no space, eight ASCII bytes at a time.
    let letters = |x: u64| !super::lang::ascii_space_mask(x) & 0x8080_8080_8080_8080;
    let b = text.as_bytes();
    // A word starts at a byte that is no space, first or after a space.
    let (mut words, mut before) = (0, 0u64);
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let word = letters(u64::from_le_bytes(eight));
        words += (word & !(word << 8 | before)).count_ones() as usize;
        before = word >> 56;
    }
    let space = |c: u8| c == b' ' || c.wrapping_sub(b'\t') < 5;
    let mut after_space = before == 0;
    for &c in chunks.remainder() {
        words += usize::from(after_space && !space(c));
        after_space = space(c);
    }
    words
}

/// `s.split(' ')`, the spaces found by one `memchr` iterator over the whole text: the standard
/// library's split starts a search for every piece, which for the short words of a sentence
/// cost more than the searching (a third of `compress`).
pub(crate) fn split_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut spaces = memchr::memchr_iter(b' ', s.as_bytes());
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match spaces.next() {
            Some(i) => {
                start = Some(i + 1);
                s.get(from..i)
            }
            None => {
                start = None;
                s.get(from..)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::flatten;
    use crate::testing::XorShift;

    #[test]
    fn spaces_split_like_std() {
        for t in [
            "",
            "a",
            "ab.",
            "x y  z ",
            " leading and trailing ",
            "  ",
            "naïve café — über",
        ] {
            assert_eq!(
                super::split_spaces(t).collect::<Vec<_>>(),
                t.split(' ').collect::<Vec<_>>(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn words_counted_by_bytes_are_those_of_split_whitespace() {
        let pieces = [
            "a", "Word", " ", "  ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{1c}", "\u{a0}", "é",
            "\u{2003}", ".", "x-y",
        ];
        let mut rng = XorShift::new(0x2545_F491_4F6C_DD1D);
        let mut ascii = 0;
        for _ in 0..5_000 {
            let t = rng.text(&pieces, 16);
            assert_eq!(
                super::count_words(&t),
                t.split_whitespace().count(),
                "{t:?}"
            );
            ascii += usize::from(t.is_ascii() && !t.is_empty());
        }
        assert!(ascii > 1_000, "{ascii}");
    }

    #[test]
    fn flat_text_is_its_own_flattening() {
        use super::{flatten_words, is_flat};
        let pieces = [
            "a", "Word", "city-", "centre", " ", " ", "  ", "\n", "\r\n", "\t", "\u{a0}", "。",
            "x\u{1}",
        ];
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        let mut flat = 0;
        for _ in 0..5000 {
            let t = rng.text(&pieces, 10);
            assert_eq!(flatten(&t), flatten_words(&t), "{t:?}");
            flat += usize::from(is_flat(&t) && !t.is_empty());
        }
        assert!(flat > 200, "{flat}");
    }

    #[test]
    fn line_breaks_between_ideographs_join_without_a_space() {
        assert_eq!(
            flatten("沿线居民对\n此表示欢迎。"),
            "沿线居民对此表示欢迎。"
        );
        assert_eq!(flatten("これは父の\n家です。"), "これは父の家です。");
        // After a full-width mark too; a space typed between ideographs stays one space.
        assert_eq!(flatten("开通，\n沿线 居民"), "开通，沿线 居民");
        // Latin text around a break keeps its space.
        assert_eq!(flatten("地铁 Line\n3 开通"), "地铁 Line 3 开通");
    }
}
