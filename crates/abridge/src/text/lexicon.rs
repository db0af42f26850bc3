//! Word lists behind the sentence rules: abbreviations, the words that typically open a sentence,
//! the words a line cannot end on, the minor words of title case and the endings of web addresses
//! and file names. They are data, `text/vocab/en/*.txt` (format: [`super::wordset`]), read once
//! on first use. All entries are lower-case; look-ups take a lower-cased word.
//!
//! The splitter is not part of the cleaner, so these lists are not in
//! [`crate::article::Vocabulary`].

use super::wordset::WordSet;
use std::sync::LazyLock;

/// Abbreviations that stand before a name or a number and so (almost) never end a sentence:
/// `Dr. Smith`, `Mt. Fuji`, `Gen. Lee`, `vs. Chelsea`. `st` is handled apart (saint or street).
pub(crate) static PREPOSITIVE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(include_str!("vocab/en/prepositive.txt")));

/// Abbreviations that may end a sentence: they end one when the next word is capitalised
/// (`Pitt, Briggs & Co. It closed`) and not otherwise (`Co. at noon`, `No. 5`, `Feb. 12`).
pub(crate) static KNOWN: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(include_str!("vocab/en/known.txt")));

/// Capitalised words that usually open a sentence rather than continue a name. After an
/// ambiguous abbreviation (`U.S.`, an initial, `p.m.`) a capitalised word from this list
/// means a new sentence: `I live in the U.S. How about you?` but `the U.S. Government`.
pub(crate) static STARTERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(include_str!("vocab/en/starters.txt")));

/// Lower-case words a line of running text does not end on: a line ending in one of them
/// continues on the next line whatever the case of that line.
pub(crate) static CONTINUATION: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(include_str!("vocab/en/continuation.txt")));

/// Words that title case leaves in lower case (`The Way to the Sea`).
pub(crate) static MINOR: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(include_str!("vocab/en/minor.txt")));

/// Lower-case endings after a full stop inside a token that make it a web address or a file name
/// (`example.com`, `report.pdf`, `Node.js`) rather than two sentences run together.
pub(crate) static DOMAIN_OR_EXTENSION: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(include_str!("vocab/en/domains.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_read() {
        assert!(PREPOSITIVE.contains("dr") && PREPOSITIVE.contains("vs"));
        assert!(KNOWN.contains("n°") && KNOWN.contains("yrs"));
        assert!(STARTERS.contains("however") && !STARTERS.contains("government"));
        assert!(CONTINUATION.contains("the") && MINOR.contains("vs"));
        assert!(DOMAIN_OR_EXTENSION.contains("com") && DOMAIN_OR_EXTENSION.contains("yml"));
        assert_eq!(STARTERS.iter().count(), 147);
    }
}
