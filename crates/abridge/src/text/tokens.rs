//! Word tokens of English text.
//!
//! A word is a run of letters, digits and combining marks; everything else separates words, so
//! `diplomacy,the` gives `diplomacy` and `the`, and `resolution.Below` gives `resolution` and
//! `Below`. A few characters join the run when they stand *between* two word characters:
//!
//! - apostrophes `'` and `’` between letters: `don't`, `O’Brien`, `rock'n'roll` are one word
//!   (a leading or trailing apostrophe is dropped: `'tis` → `tis`, `dogs'` → `dogs`);
//! - hyphens `-`, `‐` and `‑` between letters or digits: hyphenated compounds stay whole
//!   (`US-Russia`, `well-known`, `2020-21`); split them on `-` if parts are wanted;
//! - `.` and `,` between digits: `3.5`, `1,000`, `100.00` are one token;
//! - `.` between single letters: dotted abbreviations stay whole without their final stop
//!   (`U.S.A.` → `U.S.A`, `e.g.` → `e.g`), while `example.com` gives `example` and `com`.
//!
//! Tokens are borrowed from the input unchanged; lowercasing, stop words and stemming are the
//! caller's business.

/// The word tokens of `text`, in order.
///
/// ```
/// # use abridge::text::tokens::words;
/// let w: Vec<&str> = words("US-Russia diplomacy,the talks don't stall: 3.5% of 1,000.").collect();
/// assert_eq!(w, ["US-Russia", "diplomacy", "the", "talks", "don't", "stall", "3.5", "of", "1,000"]);
/// ```
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// The byte spans `[start, end)` of the word tokens of `text`.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = words(text);
    std::iter::from_fn(move || it.next_span())
}

/// Iterator over the word tokens of a text; see [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether `c`, standing between `prev` (the last character of the word so far, whose letters
/// since the last joiner number `run`) and `next` (followed by `after`), joins the word.
fn joins(c: char, prev: char, run: usize, next: char, after: Option<char>) -> bool {
    match c {
        '\'' | '’' => prev.is_alphabetic() && next.is_alphabetic(),
        '-' | '‐' | '‑' => is_word_char(prev) && is_word_char(next),
        ',' => prev.is_numeric() && next.is_numeric(),
        '.' => {
            (prev.is_numeric() && next.is_numeric())
                || (run == 1
                    && prev.is_alphabetic()
                    && next.is_alphabetic()
                    && !after.is_some_and(is_word_char))
        }
        _ => false,
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (start, end) = self.next_span()?;
        self.text.get(start..end)
    }
}

impl Words<'_> {
    /// The next word's span. ASCII is read by byte (an ASCII character is a word character
    /// when it is a letter or digit); other characters are decoded. The same spans as
    /// `next_span_by_chars` (tested).
    fn next_span(&mut self) -> Option<(usize, usize)> {
        let rest = self.text.get(self.pos..)?;
        let rb = rest.as_bytes();
        let mut k = 0;
        while k < rb.len() && rb[k] < 0x80 && !rb[k].is_ascii_alphanumeric() {
            k += 1;
        }
        let offset = match rb.get(k) {
            None => return None,
            Some(&b) if b < 0x80 => k,
            Some(_) => {
                k + rest
                    .get(k..)?
                    .char_indices()
                    .find(|&(_, c)| is_word_char(c))?
                    .0
            }
        };
        let start = self.pos + offset;
        let tail = self.text.get(start..)?;
        let tb = tail.as_bytes();
        let mut end = start;
        let mut prev = None;
        let mut run = 0;
        let mut i = 0;
        while i < tb.len() {
            let b = tb[i];
            if b.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits in one tight loop.
                let from = i;
                while i < tb.len() && tb[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                end = start + i;
                run += i - from;
                prev = Some(char::from(tb[i - 1]));
                continue;
            }
            let (c, len, word) = if b < 0x80 {
                (char::from(b), 1, b.is_ascii_alphanumeric())
            } else {
                let Some(c) = tail.get(i..).and_then(|t| t.chars().next()) else {
                    break;
                };
                (c, c.len_utf8(), is_word_char(c))
            };
            if word {
                end = start + i + len;
                run += 1;
                prev = Some(c);
                i += len;
                continue;
            }
            let mut following = tail.get(i + len..).map(str::chars);
            let next = following.as_mut().and_then(Iterator::next);
            let after = following.as_mut().and_then(Iterator::next);
            match (prev, next) {
                (Some(p), Some(n)) if joins(c, p, run, n, after) => {
                    run = 0;
                    prev = Some(c);
                }
                _ => break,
            }
            i += len;
        }
        self.pos = end;
        Some((start, end))
    }

    #[cfg(test)]
    fn next_span_by_chars(&mut self) -> Option<(usize, usize)> {
        let rest = self.text.get(self.pos..)?;
        let offset = rest.char_indices().find(|&(_, c)| is_word_char(c))?.0;
        let start = self.pos + offset;
        let tail = self.text.get(start..)?;
        let mut chars = tail.char_indices().peekable();
        let mut end = start;
        let mut prev = None;
        let mut run = 0;
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                end = start + i + c.len_utf8();
                run += 1;
                prev = Some(c);
                continue;
            }
            let next = chars.peek().map(|&(_, n)| n);
            let after = tail.get(i + c.len_utf8()..).and_then(|t| t.chars().nth(1));
            match (prev, next) {
                (Some(p), Some(n)) if joins(c, p, run, n, after) => {
                    run = 0;
                    prev = Some(c);
                }
                _ => break,
            }
        }
        self.pos = end;
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<&str> {
        words(text).collect()
    }

    #[test]
    fn spans_by_bytes_are_spans_by_chars() {
        for t in [
            "",
            "   ",
            "diplomacy,the talks",
            "don't O’Brien rock'n'roll 'tis the dogs' bone",
            "1,000.50 U.S.A. e.g. 3.5x well-known ‐ ‑ -x x-",
            "Ça va? Élan naïve café\u{301} x\u{20d0}y ½ ²",
            "Wait...what?!No «quoted» — dash",
            "日本語のテキスト。 mixed 漢字abc",
            "a'b'c a.b.c ab.cd a,1 1,a",
        ] {
            let mut fast = words(t);
            let mut slow = words(t);
            loop {
                let (a, b) = (fast.next_span(), slow.next_span_by_chars());
                assert_eq!(a, b, "{t}");
                if a.is_none() {
                    break;
                }
            }
        }
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(w("diplomacy,the talks"), ["diplomacy", "the", "talks"]);
        assert_eq!(
            w("resolution.Below (see) [x]"),
            ["resolution", "Below", "see", "x"]
        );
        assert_eq!(w("landscape.as the"), ["landscape", "as", "the"]);
        assert_eq!(w("Wait...what?!No"), ["Wait", "what", "No"]);
        assert_eq!(
            w("\"Quoted\" — dash; semi: colon"),
            ["Quoted", "dash", "semi", "colon"]
        );
    }

    #[test]
    fn apostrophes() {
        assert_eq!(
            w("don't O’Brien rock'n'roll"),
            ["don't", "O’Brien", "rock'n'roll"]
        );
        assert_eq!(w("'tis the dogs' bone"), ["tis", "the", "dogs", "bone"]);
        assert_eq!(w("JFK Jr.'s book"), ["JFK", "Jr", "s", "book"]);
    }

    #[test]
    fn hyphens() {
        assert_eq!(
            w("US-Russia well-known 2020-21"),
            ["US-Russia", "well-known", "2020-21"]
        );
        assert_eq!(
            w("ends - with -dash- and --"),
            ["ends", "with", "dash", "and"]
        );
        assert_eq!(w("well-\nknown"), ["well", "known"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            w("3.5 1,000 $100.00. 4.5%"),
            ["3.5", "1,000", "100.00", "4.5"]
        );
        assert_eq!(w("in 2024, 12 people"), ["in", "2024", "12", "people"]);
        assert_eq!(w("v2.0 1.2.3"), ["v2.0", "1.2.3"]);
    }

    #[test]
    fn dotted_abbreviations_and_addresses() {
        assert_eq!(
            w("the U.S.A. and e.g. a.m."),
            ["the", "U.S.A", "and", "e.g", "a.m"]
        );
        assert_eq!(w("Ph.D. holder"), ["Ph", "D", "holder"]);
        assert_eq!(
            w("www.example.com jane.doe@example.com"),
            ["www", "example", "com", "jane", "doe", "example", "com"]
        );
    }

    #[test]
    fn unicode() {
        assert_eq!(w("Zürich café naïve"), ["Zürich", "café", "naïve"]);
        assert_eq!(w("cafe\u{301} ok"), ["cafe\u{301}", "ok"]);
        assert_eq!(w("Москва, Київ"), ["Москва", "Київ"]);
        assert_eq!(w("東京 2020"), ["東京", "2020"]);
    }

    #[test]
    fn empty_and_spans() {
        assert!(w("").is_empty());
        assert!(w(" ,.;-- ").is_empty());
        let text = "Hi, there-you";
        assert_eq!(word_spans(text).collect::<Vec<_>>(), [(0, 2), (4, 13)]);
    }

    #[test]
    fn never_panics() {
        let parts = [
            "a", "'", "-", ".", ",", "1", "é", "\u{301}", "’", " ", "A", "…", "🙂",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        let s = format!("{a}{b}{c}{d}");
                        for t in words(&s) {
                            assert!(!t.is_empty());
                        }
                    }
                }
            }
        }
    }
}
