//! From a summary's text to ROUGE tokens: lines, the length limit, tokens, stems.
//!
//! The rules follow `rouge155.py` (the reference for ROUGE-1.5.5 `-m -l N` / `-b N`), which works
//! on Python strings; the helpers here reproduce the Python string operations it relies on
//! (`splitlines`, `strip`, `split`, `lower`) so that unusual whitespace is treated alike.

use super::porter;
use std::collections::HashMap;
use std::fmt;

/// How much of each summary (peer and references alike) is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The first N words (ROUGE-1.5.5 `-l N`).
    Words(usize),
    /// The first N characters, not counting the spaces that join lines (ROUGE-1.5.5 `-b N`).
    Bytes(usize),
    /// Everything.
    None,
}

impl Limit {
    /// The limit of `abridge eval`'s `--words N` / `--bytes N` (`--bytes` wins; 100 words when
    /// neither is given), refused with the command's message when N is 0.
    ///
    /// ```
    /// use abridge::eval::Limit;
    /// assert_eq!(Limit::from_flags(None, None).unwrap(), Limit::Words(100));
    /// assert_eq!(Limit::from_flags(Some(0), None).unwrap_err().to_string(), "--words must be at least 1");
    /// ```
    pub fn from_flags(words: Option<usize>, bytes: Option<usize>) -> Result<Limit, crate::Error> {
        match (words, bytes) {
            (_, Some(0)) => Err(crate::Error::option(
                "--bytes",
                "--bytes must be at least 1",
            )),
            (_, Some(n)) => Ok(Limit::Bytes(n)),
            (Some(0), None) => Err(crate::Error::option(
                "--words",
                "--words must be at least 1",
            )),
            (Some(n), None) => Ok(Limit::Words(n)),
            (None, None) => Ok(Limit::Words(100)),
        }
    }
}

impl fmt::Display for Limit {
    /// ROUGE-1.5.5's flag: `-l 100`, `-b 665`, or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Words(n) => write!(f, "-l {n}"),
            Limit::Bytes(n) => write!(f, "-b {n}"),
            Limit::None => f.write_str("none"),
        }
    }
}

/// Python's `str.isspace`: Unicode White_Space plus the four ASCII separators U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.splitlines()`: breaks at `\n`, `\r\n`, `\r`, `\v`, `\f`, U+001C..U+001E,
/// U+0085, U+2028 and U+2029; no empty last line for a trailing break.
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\u{0b}'
                | '\u{0c}'
                | '\u{1c}'
                | '\u{1d}'
                | '\u{1e}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        lines.push(&text[start..i]);
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = chars.peek() {
                chars.next();
                end = j + 1;
            }
        }
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// The sentences that are scored: the non-blank lines, stripped and lowercased, cut to the limit
/// (`truncate` in rouge155.py). Words are counted as Python's `str.split()` counts them; the
/// sentence that reaches the limit keeps only the words (or characters) that fit, its words
/// joined by single spaces, and nothing after it is kept.
pub fn truncate(text: &str, limit: Limit) -> Vec<String> {
    let mut out = Vec::new();
    let mut used = 0usize;
    for line in split_lines(text) {
        let s = line.trim_matches(is_py_space);
        if s.is_empty() {
            continue;
        }
        let s = s.to_lowercase();
        match limit {
            Limit::None => out.push(s),
            Limit::Words(max) => {
                let words: Vec<&str> = s.split(is_py_space).filter(|w| !w.is_empty()).collect();
                if used + words.len() < max {
                    used += words.len();
                    out.push(s);
                } else {
                    out.push(words[..max.saturating_sub(used)].join(" "));
                    break;
                }
            }
            Limit::Bytes(max) => {
                let len = s.chars().count();
                if used + len < max {
                    used += len;
                    out.push(s);
                } else {
                    out.push(s.chars().take(max.saturating_sub(used)).collect());
                    break;
                }
            }
        }
    }
    out
}

/// WordNet's exception list (inflected form → base form), looked up before Porter stemming as
/// ROUGE-1.5.5 does with its `WordNet-2.0.exc.db`.
#[derive(Debug, Default, Clone)]
pub struct Exceptions {
    map: HashMap<String, String>,
}

impl Exceptions {
    /// Parses `word TAB base` lines; blank lines are skipped, a later entry for the same word
    /// replaces an earlier one, and an empty base means "no exception" (as in rouge155.py).
    pub fn parse(text: &str) -> Result<Self, crate::Error> {
        let mut map = HashMap::new();
        for (i, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            match (fields.next(), fields.next(), fields.next()) {
                (Some(word), Some(base), None) if !word.is_empty() => {
                    if base.is_empty() {
                        map.remove(word);
                    } else {
                        map.insert(word.to_string(), base.to_string());
                    }
                }
                _ => {
                    return Err(crate::Error::Exceptions {
                        line: i + 1,
                        found: line.chars().take(60).collect(),
                    })
                }
            }
        }
        Ok(Exceptions { map })
    }

    /// Number of exception entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the list has no entry.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The base form listed for `word`, if any.
    pub fn get(&self, word: &str) -> Option<&str> {
        self.map.get(word).map(String::as_str)
    }
}

/// Turns sentences into ROUGE tokens, remembering the stems it has computed.
#[derive(Debug, Default)]
pub struct Analyzer {
    exceptions: Exceptions,
    cache: HashMap<String, String>,
}

impl Analyzer {
    /// An analyzer that applies `exceptions` before stemming.
    pub fn new(exceptions: Exceptions) -> Self {
        Analyzer {
            exceptions,
            cache: HashMap::new(),
        }
    }

    /// ROUGE-1.5.5's `-m` stem of one token: tokens of up to 3 characters as they are, else the
    /// WordNet base form if the exception list has one, else the Porter stem.
    pub fn stem(&mut self, token: &str) -> String {
        if token.chars().count() <= 3 {
            return token.to_string();
        }
        if let Some(base) = self.exceptions.get(token) {
            return base.to_string();
        }
        if let Some(s) = self.cache.get(token) {
            return s.clone();
        }
        let s = porter::stem(token);
        self.cache.insert(token.to_string(), s.clone());
        s
    }

    /// The stemmed tokens of one (already lowercased) sentence: every character but ASCII letters,
    /// digits and `-` becomes a space, `-` stands alone, and only the tokens starting with a
    /// lowercase letter or a digit are kept — so the tokens are the runs of ASCII letters and
    /// digits that start with `[a-z0-9]`.
    pub fn tokens(&mut self, sentence: &str) -> Vec<String> {
        sentence
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|t| t.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()))
            .map(|t| self.stem(t))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_like_python() {
        assert_eq!(
            split_lines("a\nb\r\nc\rd\u{2028}e\n"),
            ["a", "b", "c", "d", "e"]
        );
        assert_eq!(split_lines("a\n\nb"), ["a", "", "b"]);
        assert_eq!(split_lines(""), Vec::<&str>::new());
        assert_eq!(split_lines("\n"), [""]);
    }

    #[test]
    fn truncation_by_words_cuts_the_last_sentence() {
        let text = "One two three.\n\n  Four five   six seven.\nEight nine.\n";
        assert_eq!(
            truncate(text, Limit::Words(5)),
            ["one two three.", "four five"]
        );
        // Exactly at the limit: the sentence is kept whole (words re-joined) and nothing after it.
        assert_eq!(
            truncate(text, Limit::Words(7)),
            ["one two three.", "four five six seven."]
        );
        assert_eq!(truncate(text, Limit::Words(100)).len(), 3);
        assert_eq!(truncate(text, Limit::None).len(), 3);
    }

    #[test]
    fn truncation_by_bytes_counts_characters_without_joining_spaces() {
        let text = "abcde\nfghij\n";
        assert_eq!(truncate(text, Limit::Bytes(7)), ["abcde", "fg"]);
        assert_eq!(truncate(text, Limit::Bytes(5)), ["abcde"]);
        assert_eq!(truncate(text, Limit::Bytes(6)), ["abcde", "f"]);
        assert_eq!(truncate("Ça va\n", Limit::Bytes(2)), ["ça"]);
    }

    #[test]
    fn tokens_follow_rouge() {
        let mut a = Analyzer::default();
        assert_eq!(
            a.tokens("the u.s. well-known $5 co-op's 1998 cars"),
            ["the", "u", "s", "well", "known", "5", "co", "op", "s", "1998", "car"]
        );
        assert_eq!(a.tokens("running dogs ran"), ["run", "dog", "ran"]);
        assert!(a.tokens("-- ... ''").is_empty());
    }

    #[test]
    fn exceptions_come_before_the_stemmer() {
        let exc = Exceptions::parse("ran\trun\nmice\tmouse\nwomen\twoman\r\n\n").unwrap();
        assert_eq!(exc.len(), 3);
        let mut a = Analyzer::new(exc);
        // "ran" has three letters: never stemmed, exception or not.
        assert_eq!(a.tokens("ran mice women"), ["ran", "mouse", "woman"]);
        assert!(Exceptions::parse("no tab here\n").is_err());
        assert!(Exceptions::parse("a\tb\tc\n").is_err());
    }
}
