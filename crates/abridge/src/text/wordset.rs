//! Word lists kept as data: the text format of the files under `vocab/` and a hashed set to look
//! words up in.
//!
//! A list file is UTF-8 text with one entry per line; surrounding whitespace is trimmed, and blank
//! lines and lines starting with `#` (comments) are skipped. Entries are lower-case.

use super::FxHashSet;

/// The entries of a list file, in file order.
pub(crate) fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A set of words, hashed with [`FxHasher`](super::fxhash): one hash of the word and, on a hit,
/// one comparison (a length-bucketed list compared most words with several entries), after a
/// filter on length and first byte.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet {
    words: FxHashSet<Box<str>>,
    /// A pre-filter: bit `b % 64` of `first[n]` is set when an entry of `n` bytes starts with
    /// byte `b`; most words are rejected by it without hashing.
    first: Vec<u64>,
}

impl PartialEq for WordSet {
    fn eq(&self, other: &WordSet) -> bool {
        self.words == other.words
    }
}

impl Eq for WordSet {}

impl WordSet {
    /// The entries of a list file ([`entries`]).
    pub(crate) fn parse(data: &str) -> WordSet {
        WordSet::from_words(entries(data))
    }

    pub(crate) fn from_words<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> WordSet {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }

    /// Adds `words`.
    pub(crate) fn extend<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        for w in words {
            let w = w.as_ref();
            if self.first.len() <= w.len() {
                self.first.resize(w.len() + 1, 0);
            }
            if let Some(&b) = w.as_bytes().first() {
                self.first[w.len()] |= 1u64 << (b % 64);
            }
            if !self.words.contains(w) {
                self.words.insert(Box::from(w));
            }
        }
    }

    /// Removes `words`.
    pub(crate) fn remove<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        for w in words {
            self.words.remove(w.as_ref());
        }
    }

    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.may_contain(word) && self.words.contains(word)
    }

    /// The pre-filter alone: false means `word` is not in the set (true: it may be).
    #[inline]
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        let Some(&mask) = self.first.get(word.len()) else {
            return false;
        };
        let bit = word.as_bytes().first().map_or(0, |&b| 1u64 << (b % 64));
        // The empty word has no first byte: it goes to the set.
        word.is_empty() || mask & bit != 0
    }

    /// The words, in no order.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(AsRef::as_ref)
    }

    /// The words, in sorted order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        let mut all: Vec<&str> = self.words.iter().map(AsRef::as_ref).collect();
        all.sort_unstable();
        all.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let got: Vec<&str> = entries("# a comment\n\n  cookie \nsign in\n#x\n").collect();
        assert_eq!(got, ["cookie", "sign in"]);
    }

    #[test]
    fn sets_look_up_added_and_removed_words() {
        let mut s = WordSet::parse("menu\nrss\nmenu\n");
        assert!(s.contains("menu") && s.contains("rss") && !s.contains("men"));
        s.extend(["inbox"]);
        s.remove(["rss", "absent"]);
        assert_eq!(s.iter().collect::<Vec<_>>(), ["inbox", "menu"]);
    }
}
