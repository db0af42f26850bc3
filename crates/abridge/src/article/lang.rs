//! Stop words and the page's language.
//!
//! The stop-word density of a block (the share of its words that are function words) is the main
//! signal that a block is running prose rather than a menu, a headline or a byline. The lists are
//! the NLTK ones of the `stop-words` crate, chosen on purpose over the ISO lists: NLTK's English
//! list (179 words) holds only function words (articles, pronouns, prepositions, auxiliaries,
//! conjunctions), which are dense in sentences and rare in menus. The ISO English list (about 1,300
//! words) also holds content words that menus and footers are made of ("home", "page", "new",
//! "information", "contact"), which would lift the density of furniture toward that of prose.
//!
//! Pages are not all English, so the page's language is the NLTK list that covers most of the
//! words of its longer lines (English on ties and when no list covers enough).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The language whose list covers at least this share of the words of a page's longer lines is
/// taken; below it every list is a poor fit and English is used.
const MIN_COVERAGE: f32 = 0.08;

/// Only lines with at least this many words vote for the language (menus are names and nouns).
const VOTING_WORDS: usize = 6;

struct Table {
    /// Lower-case word -> bit set of the languages whose list holds it.
    words: HashMap<&'static str, u64>,
    /// Bit of English, the default.
    english: u64,
    /// Language codes by bit.
    codes: Vec<&'static str>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words: HashMap<&'static str, u64> = HashMap::new();
        let mut codes = Vec::new();
        let mut english = 0;
        // Two-letter ISO 639-1 codes only: the crate's `hinglish` list is English plus
        // romanised Hindi and would win on every English page.
        let languages = stop_words::available_languages()
            .iter()
            .filter(|c| c.len() == 2)
            .take(64);
        for code in languages {
            let Some(list) = stop_words::lookup(code) else {
                continue;
            };
            let bit = 1u64 << codes.len();
            if *code == "en" {
                english = bit;
            }
            codes.push(*code);
            for w in list {
                *words.entry(*w).or_insert(0) |= bit;
            }
        }
        Table {
            words,
            english,
            codes,
        }
    })
}

/// A language of the stop-word lists, as its bit in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(u64);

impl Lang {
    pub fn english() -> Lang {
        Lang(table().english)
    }

    /// The language's code (`en`, `de`, ...); the tests name languages by it.
    #[cfg(test)]
    pub fn code(self) -> &'static str {
        let t = table();
        let i = self.0.trailing_zeros() as usize;
        t.codes.get(i).copied().unwrap_or("en")
    }

    /// True when `lower` (a lower-case word) is a stop word of this language.
    pub fn is_stop(self, lower: &str) -> bool {
        table()
            .words
            .get(lower)
            .is_some_and(|bits| bits & self.0 != 0)
    }
}

/// Calls `f` with each word of `text`: maximal runs of alphanumeric characters, lower-cased.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            buf.extend(c.to_lowercase());
        } else if !buf.is_empty() {
            f(&buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        f(&buf);
    }
}

/// The language of a page from its lines: the list covering most words of the lines with at
/// least [`VOTING_WORDS`] words.
pub fn detect<'a>(lines: impl Iterator<Item = &'a str>) -> Lang {
    let t = table();
    let mut hits = vec![0usize; t.codes.len()];
    let mut total = 0usize;
    let mut line_words: Vec<u64> = Vec::new();
    for line in lines {
        line_words.clear();
        for_each_word(line, |w| {
            line_words.push(t.words.get(w).copied().unwrap_or(0))
        });
        if line_words.len() < VOTING_WORDS {
            continue;
        }
        total += line_words.len();
        for bits in &line_words {
            let mut b = *bits;
            while b != 0 {
                let i = b.trailing_zeros() as usize;
                if let Some(h) = hits.get_mut(i) {
                    *h += 1;
                }
                b &= b - 1;
            }
        }
    }
    let english_index = t.english.trailing_zeros() as usize;
    let mut best = english_index;
    let mut best_hits = hits.get(english_index).copied().unwrap_or(0);
    for (i, &h) in hits.iter().enumerate() {
        if h > best_hits {
            best = i;
            best_hits = h;
        }
    }
    if total == 0 || (best_hits as f32) < MIN_COVERAGE * total as f32 {
        return Lang::english();
    }
    Lang(1u64 << best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_function_words_are_stop_words() {
        let en = Lang::english();
        assert!(en.is_stop("the"));
        assert!(en.is_stop("which"));
        assert!(!en.is_stop("harbour"));
        // Content words that menus are made of are not in the NLTK list.
        assert!(!en.is_stop("home"));
        assert!(!en.is_stop("contact"));
    }

    #[test]
    fn words_are_alphanumeric_runs_lower_cased() {
        let mut got = Vec::new();
        for_each_word("Don’t stop—the 2 Trains!", |w| got.push(w.to_string()));
        assert_eq!(got, ["don", "t", "stop", "the", "2", "trains"]);
    }

    #[test]
    fn detects_the_language_of_the_prose_lines() {
        let en = ["The council said that it would not be able to open the bridge before the end of the year."];
        assert_eq!(detect(en.into_iter()).code(), "en");
        let de = ["Die Stadt hat am Montag mitgeteilt, dass sie die Brücke nicht vor dem Ende des Jahres öffnen kann."];
        assert_eq!(detect(de.into_iter()).code(), "de");
        let pt = ["A cidade disse que não vai conseguir abrir a ponte antes do fim do ano, segundo o prefeito."];
        assert_eq!(detect(pt.into_iter()).code(), "pt");
    }

    #[test]
    fn short_lines_and_no_lines_give_english() {
        assert_eq!(detect(["Startseite", "Kontakt"].into_iter()).code(), "en");
        assert_eq!(detect(std::iter::empty()).code(), "en");
    }
}
