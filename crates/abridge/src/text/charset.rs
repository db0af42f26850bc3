//! A set of characters for trimming tokens: a table for ASCII and a short list for the rest.
//!
//! `str::trim_start_matches(&[char])` decodes each character and compares it with every entry of
//! the slice; the sentence splitter trims every token three or four times that way (openers,
//! closers, terminals), which cost a third of `abridge sentences`. Most tokens start and end with
//! an ASCII letter, which the table rejects in one test. The results are those of
//! `trim_start_matches`/`trim_end_matches` with the same characters, whatever they are.

/// A set of characters: ASCII ones in a table by code, others in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CharSet {
    /// Membership of each ASCII character, by its code: one load to test a byte (a `u128`
    /// bitmap needed a variable 128-bit shift).
    ascii: [bool; 128],
    other: Vec<char>,
}

impl Default for CharSet {
    fn default() -> CharSet {
        CharSet {
            ascii: [false; 128],
            other: Vec::new(),
        }
    }
}

impl CharSet {
    /// The set of `chars`.
    pub(crate) fn new(chars: &[char]) -> CharSet {
        let mut set = CharSet::default();
        for &c in chars {
            if c.is_ascii() {
                set.ascii[c as usize] = true;
            } else if !set.other.contains(&c) {
                set.other.push(c);
            }
        }
        set
    }

    /// True when `c` is in the set.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            self.other.contains(&c)
        }
    }

    /// True when the ASCII byte `b` is in the set.
    #[inline]
    fn has_byte(&self, b: u8) -> bool {
        self.ascii.get(usize::from(b)).is_some_and(|&x| x)
    }

    /// `s.trim_start_matches(chars)`.
    #[inline]
    pub(crate) fn trim_start<'s>(&self, s: &'s str) -> &'s str {
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b < 128 {
                if !self.has_byte(b) {
                    break;
                }
                i += 1;
            } else {
                match s.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) if self.other.contains(&c) => i += c.len_utf8(),
                    _ => break,
                }
            }
        }
        s.get(i..).unwrap_or("")
    }

    /// `s.trim_end_matches(chars)`.
    #[inline]
    pub(crate) fn trim_end<'s>(&self, s: &'s str) -> &'s str {
        let bytes = s.as_bytes();
        let mut end = bytes.len();
        while end > 0 {
            let b = bytes[end - 1];
            if b < 128 {
                if !self.has_byte(b) {
                    break;
                }
                end -= 1;
            } else {
                match s.get(..end).and_then(|r| r.chars().next_back()) {
                    Some(c) if self.other.contains(&c) => end -= c.len_utf8(),
                    _ => break,
                }
            }
        }
        s.get(..end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_as_std_does() {
        let sets: [&[char]; 4] = [
            &['"', '\'', '”', '’', '»', '›', ')', ']', '}'],
            &['.', '?', '!', '…', '‽', '。'],
            &[],
            &['a', 'é', '\u{10348}'],
        ];
        let texts = [
            "",
            "word",
            "\"“Quoted.”\"",
            "end.”)",
            "…",
            "aéa𐍈bé𐍈a",
            "。。x。",
            "»",
            "’s",
            "((a))",
        ];
        for chars in sets {
            let set = CharSet::new(chars);
            for t in texts {
                assert_eq!(set.trim_start(t), t.trim_start_matches(chars), "{t:?}");
                assert_eq!(set.trim_end(t), t.trim_end_matches(chars), "{t:?}");
                for c in t.chars() {
                    assert_eq!(set.contains(c), chars.contains(&c));
                }
            }
        }
    }
}
