//! Languages, their stop words and stemmers, and the index terms of a sentence.
//!
//! Stop words come from the `stop-words` crate's NLTK lists: they are short lists of function
//! words (179 for English), which is what a similarity measure must ignore; the longer ISO lists
//! also drop content words such as "new", "world" or "million" that carry news topics.
//! Stemming is Snowball (`rust-stemmers`). The languages offered are those both cover.

use super::tokens::words;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;

/// A language abridge can segment terms for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    #[default]
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

impl Language {
    /// Every language, with its ISO 639-1 code.
    pub const ALL: [(Language, &'static str); 18] = [
        (Language::Arabic, "ar"),
        (Language::Danish, "da"),
        (Language::Dutch, "nl"),
        (Language::English, "en"),
        (Language::Finnish, "fi"),
        (Language::French, "fr"),
        (Language::German, "de"),
        (Language::Greek, "el"),
        (Language::Hungarian, "hu"),
        (Language::Italian, "it"),
        (Language::Norwegian, "no"),
        (Language::Portuguese, "pt"),
        (Language::Romanian, "ro"),
        (Language::Russian, "ru"),
        (Language::Spanish, "es"),
        (Language::Swedish, "sv"),
        (Language::Tamil, "ta"),
        (Language::Turkish, "tr"),
    ];

    /// The language for an ISO 639-1 code (`en`) or English name (`english`), any case.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        Self::ALL
            .iter()
            .find(|(lang, c)| *c == code || format!("{lang:?}").to_ascii_lowercase() == code)
            .map(|(lang, _)| *lang)
    }

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(lang, _)| *lang == self)
            .map_or("en", |(_, c)| c)
    }

    fn algorithm(self) -> Algorithm {
        match self {
            Language::Arabic => Algorithm::Arabic,
            Language::Danish => Algorithm::Danish,
            Language::Dutch => Algorithm::Dutch,
            Language::English => Algorithm::English,
            Language::Finnish => Algorithm::Finnish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Greek => Algorithm::Greek,
            Language::Hungarian => Algorithm::Hungarian,
            Language::Italian => Algorithm::Italian,
            Language::Norwegian => Algorithm::Norwegian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Romanian => Algorithm::Romanian,
            Language::Russian => Algorithm::Russian,
            Language::Spanish => Algorithm::Spanish,
            Language::Swedish => Algorithm::Swedish,
            Language::Tamil => Algorithm::Tamil,
            Language::Turkish => Algorithm::Turkish,
        }
    }

    /// The NLTK stop-word list of the language.
    pub fn stop_words(self) -> &'static [&'static str] {
        stop_words::lookup(self.code()).unwrap_or(&[])
    }
}

/// Turns text into index terms: lowercased word tokens, stop words and tokens without a letter or
/// digit dropped, the rest stemmed.
///
/// ```
/// use abridge::text::lang::{Language, Terms};
/// let terms = Terms::new(Language::English);
/// assert_eq!(terms.of("The councils voted, the barriers rise."), ["council", "vote", "barrier", "rise"]);
/// ```
pub struct Terms {
    stemmer: Stemmer,
    stop: HashSet<&'static str>,
}

impl Terms {
    pub fn new(language: Language) -> Self {
        Terms {
            stemmer: Stemmer::create(language.algorithm()),
            stop: language.stop_words().iter().copied().collect(),
        }
    }

    /// The index terms of `text`, in order.
    pub fn of(&self, text: &str) -> Vec<String> {
        words(text)
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .filter_map(|w| {
                let lower = w.to_lowercase();
                // Possessives and contractions: "Russia's" indexes as "russia".
                let base = lower
                    .strip_suffix("'s")
                    .or_else(|| lower.strip_suffix("’s"))
                    .unwrap_or(&lower);
                (!self.stop.contains(base) && !self.stop.contains(lower.as_str()))
                    .then(|| self.stemmer.stem(base).into_owned())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names() {
        assert_eq!(Language::from_code("EN"), Some(Language::English));
        assert_eq!(Language::from_code("german"), Some(Language::German));
        assert_eq!(Language::from_code("xx"), None);
        for (lang, code) in Language::ALL {
            assert_eq!(lang.code(), code);
            assert!(!lang.stop_words().is_empty(), "{code} has stop words");
        }
    }

    #[test]
    fn terms_drop_stop_words_and_punctuation_and_stem() {
        let t = Terms::new(Language::English);
        assert_eq!(
            t.of("Russia's talks -- in Turkey!"),
            ["russia", "talk", "turkey"]
        );
        assert_eq!(t.of("diplomacy,the"), ["diplomaci"]);
        assert!(t.of("the of and , .").is_empty());
    }

    #[test]
    fn other_languages_stem_their_own_way() {
        let t = Terms::new(Language::German);
        assert_eq!(t.of("die Verhandlungen"), ["verhandl"]);
    }
}
