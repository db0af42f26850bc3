//! Word lists kept as data: the text format of the files under `vocab/` and a sorted set to look
//! words up in.
//!
//! A list file is UTF-8 text with one entry per line; surrounding whitespace is trimmed, and blank
//! lines and lines starting with `#` (comments) are skipped. Entries are lower-case.

/// The entries of a list file, in file order.
pub(crate) fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A set of words, bucketed by length in bytes: a look-up compares the word with the entries of
/// its length only (most words of a page are rejected without comparing a byte).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WordSet {
    /// `by_len[n]`: the entries of `n` bytes, sorted.
    by_len: Vec<Vec<Box<str>>>,
}

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
            if self.by_len.len() <= w.len() {
                self.by_len.resize(w.len() + 1, Vec::new());
            }
            let bucket = &mut self.by_len[w.len()];
            if let Err(i) = bucket.binary_search_by(|e| e.as_ref().cmp(w)) {
                bucket.insert(i, Box::from(w));
            }
        }
    }

    /// Removes `words`.
    pub(crate) fn remove<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        for w in words {
            let w = w.as_ref();
            if let Some(bucket) = self.by_len.get_mut(w.len()) {
                bucket.retain(|e| e.as_ref() != w);
            }
        }
    }

    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.by_len
            .get(word.len())
            .is_some_and(|bucket| bucket.iter().any(|e| e.as_bytes() == word.as_bytes()))
    }

    /// The words, in sorted order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        let mut all: Vec<&str> = self.by_len.iter().flatten().map(AsRef::as_ref).collect();
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
