//! Languages: the one table of the languages abridge knows, with their stop words (for the
//! cleaner's prose signal, for detecting a page's language and for index terms) and stemmers.
//!
//! Stop words come from the `stop-words` crate's NLTK lists, chosen on purpose over the ISO lists:
//! NLTK's English list (179 words) holds only function words (articles, pronouns, prepositions,
//! auxiliaries, conjunctions), which are dense in sentences and rare in menus, and which a
//! similarity measure must ignore. The ISO English list (about 1,300 words) also holds content
//! words that menus and footers are made of ("home", "page", "contact") and that carry news
//! topics ("new", "world", "million"). Stemming is Snowball (`rust-stemmers`), for the languages
//! it covers ([`Language::has_stemmer`]); the others index words unstemmed.
//!
//! The languages are those with an NLTK list and a two-letter ISO 639-1 code (the crate's
//! `hinglish` list is English plus romanised Hindi and would win on every English page), and the
//! languages the sentence splitter has rules for without an NLTK list (Amharic, Armenian,
//! Bulgarian, Burmese, Hindi, Japanese, Marathi, Persian, Polish, Slovak, Urdu): these have no
//! stop words, so they never win [`detect`], and index every word. A page's
//! language ([`detect`]) is the list that covers most of the words of its longer lines (English on
//! ties and when no list covers enough).

use super::tokens::words;
use super::{FxHashMap, FxHashSet};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::{LazyLock, OnceLock};

/// A language: its stop words, its stemmer when Snowball has one, and its ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Language {
    /// Amharic (`am`).
    Amharic,
    /// Arabic (`ar`).
    Arabic,
    /// Azerbaijani (`az`).
    Azerbaijani,
    /// Belarusian (`be`).
    Belarusian,
    /// Bulgarian (`bg`).
    Bulgarian,
    /// Bengali (`bn`).
    Bengali,
    /// Catalan (`ca`).
    Catalan,
    /// Danish (`da`).
    Danish,
    /// German (`de`).
    German,
    /// Greek (`el`).
    Greek,
    #[default]
    /// English (`en`).
    English,
    /// Spanish (`es`).
    Spanish,
    /// Basque (`eu`).
    Basque,
    /// Persian (`fa`).
    Persian,
    /// Finnish (`fi`).
    Finnish,
    /// French (`fr`).
    French,
    /// Hebrew (`he`).
    Hebrew,
    /// Hindi (`hi`).
    Hindi,
    /// Hungarian (`hu`).
    Hungarian,
    /// Armenian (`hy`).
    Armenian,
    /// Indonesian (`id`).
    Indonesian,
    /// Italian (`it`).
    Italian,
    /// Japanese (`ja`).
    Japanese,
    /// Kazakh (`kk`).
    Kazakh,
    /// Marathi (`mr`).
    Marathi,
    /// Burmese (`my`).
    Burmese,
    /// Nepali (`ne`).
    Nepali,
    /// Dutch (`nl`).
    Dutch,
    /// Norwegian (`no`).
    Norwegian,
    /// Polish (`pl`).
    Polish,
    /// Portuguese (`pt`).
    Portuguese,
    /// Romanian (`ro`).
    Romanian,
    /// Russian (`ru`).
    Russian,
    /// Slovak (`sk`).
    Slovak,
    /// Slovene (`sl`).
    Slovene,
    /// Albanian (`sq`).
    Albanian,
    /// Swedish (`sv`).
    Swedish,
    /// Tamil (`ta`).
    Tamil,
    /// Tajik (`tg`).
    Tajik,
    /// Turkish (`tr`).
    Turkish,
    /// Urdu (`ur`).
    Urdu,
    /// Uzbek (`uz`).
    Uzbek,
    /// Chinese (`zh`).
    Chinese,
}

impl Language {
    /// Every language, with its ISO 639-1 code, in code order (the order [`detect`] breaks ties
    /// in, English first).
    pub const ALL: [(Language, &'static str); 43] = [
        (Language::Amharic, "am"),
        (Language::Arabic, "ar"),
        (Language::Azerbaijani, "az"),
        (Language::Belarusian, "be"),
        (Language::Bulgarian, "bg"),
        (Language::Bengali, "bn"),
        (Language::Catalan, "ca"),
        (Language::Danish, "da"),
        (Language::German, "de"),
        (Language::Greek, "el"),
        (Language::English, "en"),
        (Language::Spanish, "es"),
        (Language::Basque, "eu"),
        (Language::Persian, "fa"),
        (Language::Finnish, "fi"),
        (Language::French, "fr"),
        (Language::Hebrew, "he"),
        (Language::Hindi, "hi"),
        (Language::Hungarian, "hu"),
        (Language::Armenian, "hy"),
        (Language::Indonesian, "id"),
        (Language::Italian, "it"),
        (Language::Japanese, "ja"),
        (Language::Kazakh, "kk"),
        (Language::Marathi, "mr"),
        (Language::Burmese, "my"),
        (Language::Nepali, "ne"),
        (Language::Dutch, "nl"),
        (Language::Norwegian, "no"),
        (Language::Polish, "pl"),
        (Language::Portuguese, "pt"),
        (Language::Romanian, "ro"),
        (Language::Russian, "ru"),
        (Language::Slovak, "sk"),
        (Language::Slovene, "sl"),
        (Language::Albanian, "sq"),
        (Language::Swedish, "sv"),
        (Language::Tamil, "ta"),
        (Language::Tajik, "tg"),
        (Language::Turkish, "tr"),
        (Language::Urdu, "ur"),
        (Language::Uzbek, "uz"),
        (Language::Chinese, "zh"),
    ];

    /// The language for an ISO 639-1 code (`en`) or English name (`english`), any case.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        Self::ALL
            .iter()
            .find(|(lang, c)| *c == code || format!("{lang:?}").to_ascii_lowercase() == code)
            .map(|(lang, _)| *lang)
    }

    /// The language of a `--lang` value (ISO 639-1 code or English name), or the command line's
    /// message naming the codes.
    ///
    /// ```
    /// use abridge::text::lang::Language;
    /// assert_eq!(Language::parse("de").unwrap(), Language::German);
    /// assert!(Language::parse("xx").unwrap_err().to_string().starts_with("unknown language \"xx\"; one of: "));
    /// ```
    pub fn parse(value: &str) -> Result<Language, crate::Error> {
        Language::from_code(value).ok_or_else(|| {
            let codes: Vec<&str> = Language::ALL.iter().map(|(_, c)| *c).collect();
            crate::Error::option(
                "--lang",
                format!("unknown language {value:?}; one of: {}", codes.join(", ")),
            )
        })
    }

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        Self::ALL[self.index()].1
    }

    /// The position of the language in [`Language::ALL`]: the variants are declared in its order
    /// (a test checks it), so this is the discriminant.
    fn index(self) -> usize {
        self as usize
    }

    fn algorithm(self) -> Option<Algorithm> {
        match self {
            Language::Arabic => Some(Algorithm::Arabic),
            Language::Danish => Some(Algorithm::Danish),
            Language::German => Some(Algorithm::German),
            Language::Greek => Some(Algorithm::Greek),
            Language::English => Some(Algorithm::English),
            Language::Spanish => Some(Algorithm::Spanish),
            Language::Finnish => Some(Algorithm::Finnish),
            Language::French => Some(Algorithm::French),
            Language::Hungarian => Some(Algorithm::Hungarian),
            Language::Italian => Some(Algorithm::Italian),
            Language::Dutch => Some(Algorithm::Dutch),
            Language::Norwegian => Some(Algorithm::Norwegian),
            Language::Portuguese => Some(Algorithm::Portuguese),
            Language::Romanian => Some(Algorithm::Romanian),
            Language::Russian => Some(Algorithm::Russian),
            Language::Swedish => Some(Algorithm::Swedish),
            Language::Tamil => Some(Algorithm::Tamil),
            Language::Turkish => Some(Algorithm::Turkish),
            _ => None,
        }
    }

    /// True when terms of the language are stemmed (Snowball has a stemmer for it).
    pub fn has_stemmer(self) -> bool {
        self.algorithm().is_some()
    }

    /// The NLTK stop-word list of the language.
    pub fn stop_words(self) -> &'static [&'static str] {
        stop_words::lookup(self.code()).unwrap_or(&[])
    }

    /// True when `lower` (a lower-case word) is a stop word of the language.
    ///
    /// ```
    /// use abridge::text::lang::Language;
    /// assert!(Language::English.is_stop_word("which"));
    /// assert!(!Language::English.is_stop_word("contact"));
    /// ```
    pub fn is_stop_word(self, lower: &str) -> bool {
        stop_bits(lower) & self.bit() != 0
    }

    /// The language's bit in [`stop_bits`].
    pub(crate) fn bit(self) -> u64 {
        1u64 << self.index()
    }
}

/// The language whose list covers at least this share of the words of a page's longer lines is
/// taken; below it every list is a poor fit and English is used.
const MIN_COVERAGE: f32 = 0.08;

/// Only lines with at least this many words vote for the language (menus are names and nouns).
const VOTING_WORDS: usize = 6;

/// Lower-case stop word -> bit set of the languages whose list holds it (bit `i` is
/// `Language::ALL[i]`).
struct Table {
    words: FxHashMap<&'static str, u64>,
    /// The entries of `words` of at most eight bytes, keyed by their bytes packed into a `u64`
    /// ([`pack`]): one multiply to hash and one comparison, where a `&str` key costs a loop and
    /// a `memcmp`. Most stop words are that short.
    short: FxHashMap<u64, u64>,
    /// A pre-filter: bit `b % 64` of `first[n]` is set when a stop word of `n` bytes starts with
    /// byte `b`. Most words of a page (longer than any stop word, or starting with a letter no
    /// stop word of their length starts with) are answered without hashing.
    first: Vec<u64>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut words: FxHashMap<&'static str, u64> = FxHashMap::default();
    for (i, (lang, _)) in Language::ALL.iter().enumerate() {
        for w in lang.stop_words() {
            *words.entry(*w).or_insert(0) |= 1u64 << i;
        }
    }
    let mut first = Vec::new();
    for w in words.keys() {
        if first.len() <= w.len() {
            first.resize(w.len() + 1, 0u64);
        }
        if let Some(&b) = w.as_bytes().first() {
            first[w.len()] |= 1u64 << (b % 64);
        }
    }
    let short = words
        .iter()
        .filter_map(|(w, &bits)| pack(w).map(|k| (k, bits)))
        .collect();
    Table {
        words,
        short,
        first,
    }
});

/// Every stop word of every language with its [`stop_bits`].
pub(crate) fn stop_words_with_bits() -> impl Iterator<Item = (&'static str, u64)> {
    TABLE.words.iter().map(|(w, &bits)| (*w, bits))
}

/// Slots of the [`RECENT`] stop-word cache.
const RECENT_SLOTS: usize = 4096;

thread_local! {
    /// The [`stop_bits`] of recent short words, by their [`pack`]ed key (never 0).
    static RECENT: [std::cell::Cell<(u64, u64)>; RECENT_SLOTS] =
        const { [const { std::cell::Cell::new((0, 0)) }; RECENT_SLOTS] };
}

/// `word`'s bytes as a little-endian `u64`, zero-padded (and mixed), when it has one to eight bytes and
/// does not end with a NUL byte. No stop word holds a NUL byte, so two such words pack alike
/// only when they are equal: a shorter word's padding meets the other's last, non-NUL byte.
#[inline]
pub(crate) fn pack(word: &str) -> Option<u64> {
    packed_bytes(word).map(mix)
}

/// `word`'s bytes as a little-endian `u64`, zero-padded, when [`pack`] has a key for it (one to
/// eight bytes, not ending with a NUL byte): the key before it is mixed. A word loop that reads
/// the bytes anyway packs them on the way and hands them on, mixed later by whoever looks the
/// word up.
#[inline]
pub(crate) fn packed_bytes(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 || b[b.len() - 1] == 0 {
        return None;
    }
    // The little-endian value of the zero-padded bytes, built in a register: a copy into a
    // stack buffer read back as a `u64` stalled on store forwarding.
    Some(
        b.iter()
            .rev()
            .fold(0u64, |acc, &byte| acc << 8 | u64::from(byte)),
    )
}

/// The key of [`pack`] from the word's zero-padded little-endian bytes: mixed (a bijection:
/// xor-shifts and an odd multiplier), so that the low bits the table indexes by depend on every
/// byte, not on the first one or two.
#[inline]
pub(crate) fn mix(packed: u64) -> u64 {
    let mut x = packed;
    x ^= x >> 32;
    x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 29;
    x
}

/// [`ASCII_CLASS`] of an ASCII lower-case letter.
pub(crate) const ASCII_LOWER: u8 = 1;
/// [`ASCII_CLASS`] of an ASCII digit.
pub(crate) const ASCII_DIGIT: u8 = 2;
/// [`ASCII_CLASS`] of an ASCII capital; `ASCII_UPPER << 3` is the bit that lower-cases it.
pub(crate) const ASCII_UPPER: u8 = 4;

/// The ASCII letters and digits among eight bytes (`x`, little-endian), and the capitals among
/// them: `0x80` in each byte that is one. [`ASCII_CLASS`] for eight bytes at once, without a
/// branch: a word loop reads eight bytes a step.
#[inline]
pub(crate) fn ascii_word_masks(x: u64) -> (u64, u64) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Each byte's low seven bits: the sums below then stay inside their byte (at most 0xcf), so
    // each byte's top bit says whether it reached the bound.
    let a = x & !HIGH;
    let lower = a | (0x20 * ONES);
    let letter = (lower + (0x80 - 0x61) * ONES) & !(lower + (0x7f - 0x7a) * ONES);
    let digit = (a + (0x80 - 0x30) * ONES) & !(a + (0x7f - 0x39) * ONES);
    // A byte of 0x80 or more is no ASCII letter whatever its low bits.
    let alnum = (letter | digit) & !x & HIGH;
    // A capital is a letter without bit 5 (moved up to bit 7).
    let upper = letter & !(x << 2) & !x & HIGH;
    (alnum, upper)
}

/// Bit 7 of each byte of `x` (eight ASCII bytes) equal to `c`: its XOR with `c` is zero. Each
/// byte's sum stays inside it (every byte is below 0x80), so no carry crosses into the next.
#[inline]
pub(crate) fn ascii_equal_mask(x: u64, c: u8) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let t = x ^ (u64::from(c) * 0x0101_0101_0101_0101);
    !((((t & !HIGH) + !HIGH) | t) & HIGH) & HIGH
}

/// Bit 7 of each byte of `x` (eight ASCII bytes) that is white space as `char::is_whitespace`
/// sees ASCII: a space, or tab to carriage return (9 to 13).
#[inline]
pub(crate) fn ascii_space_mask(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let control = (x + (0x80 - 9) * ONES) & !(x + (0x80 - 14) * ONES) & (0x80 * ONES);
    ascii_equal_mask(x, b' ') | control
}

/// Eight bytes of a text read at once for an ASCII word loop ([`ascii_word_masks`]).
pub(crate) struct AsciiEight {
    /// The eight bytes (little-endian), capitals lower-cased.
    pub lowered: u64,
    /// How many of the bytes, from the first, are ASCII letters or digits (0 to 8).
    pub run: usize,
    /// Whether a capital stands among those `run` bytes.
    pub capital: bool,
}

impl AsciiEight {
    /// The eight bytes of `b` from `i`, when there are eight.
    #[inline]
    pub(crate) fn at(b: &[u8], i: usize) -> Option<AsciiEight> {
        let x = u64::from_le_bytes(b.get(i..i + 8)?.try_into().ok()?);
        let (alnum, upper) = ascii_word_masks(x);
        let stop = !alnum & 0x8080_8080_8080_8080;
        let run = if stop == 0 {
            8
        } else {
            stop.trailing_zeros() as usize / 8
        };
        Some(AsciiEight {
            // A capital's bit 7 moved to bit 5 lower-cases it.
            lowered: x | upper >> 2,
            run,
            capital: upper & Self::mask(run) != 0,
        })
    }

    /// The run's bytes of [`AsciiEight::lowered`]: the word's first bytes, zero-padded.
    #[inline]
    pub(crate) fn word(&self) -> u64 {
        self.lowered & Self::mask(self.run)
    }

    /// The low `n` bytes of a `u64`.
    #[inline]
    fn mask(n: usize) -> u64 {
        if n >= 8 {
            !0
        } else {
            (1u64 << (8 * n)) - 1
        }
    }
}

/// The end of the run of ASCII letters and digits in `b` that goes on at `i`.
#[inline]
pub(crate) fn ascii_word_end(b: &[u8], mut i: usize) -> usize {
    while let Some(eight) = AsciiEight::at(b, i) {
        i += eight.run;
        if eight.run < 8 {
            return i;
        }
    }
    while i < b.len() && ASCII_CLASS[usize::from(b[i])] != 0 {
        i += 1;
    }
    i
}

/// The class of each byte for the ASCII word loops: [`ASCII_LOWER`], [`ASCII_DIGIT`],
/// [`ASCII_UPPER`], or 0 for any other byte (not part of an ASCII word). One look-up replaces
/// `is_ascii_alphanumeric` and `is_ascii_uppercase`.
pub(crate) static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            ASCII_LOWER
        } else if c.is_ascii_digit() {
            ASCII_DIGIT
        } else if c.is_ascii_uppercase() {
            ASCII_UPPER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Calls `f` with each word of `text`: maximal runs of alphanumeric characters, lower-cased.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    if text.is_ascii() {
        // ASCII fast path: words are runs of ASCII letters and digits; a word without a capital
        // is passed as a slice of `text`, one with capitals lower-cased into a reused buffer.
        let bytes = text.as_bytes();
        let mut buf = String::new();
        let mut i = 0;
        while i < bytes.len() {
            if ASCII_CLASS[usize::from(bytes[i])] == 0 {
                i += 1;
                continue;
            }
            let start = i;
            // One table look-up per byte: is it a letter or digit, and a capital?
            let mut classes = 0;
            while i < bytes.len() {
                let c = ASCII_CLASS[usize::from(bytes[i])];
                if c == 0 {
                    break;
                }
                classes |= c;
                i += 1;
            }
            let w = &text[start..i];
            if classes & ASCII_UPPER != 0 {
                buf.clear();
                buf.push_str(w);
                buf.make_ascii_lowercase();
                f(&buf);
            } else {
                f(w);
            }
        }
        return;
    }
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

/// The language of a page from its lines: the stop-word list covering most words of the lines
/// with at least six words; English on ties and when no list covers 8% of those words.
///
/// ```
/// use abridge::text::lang::{detect, Language};
/// let de = "Die Stadt hat am Montag mitgeteilt, dass sie die Brücke nicht vor dem Ende des Jahres öffnen kann.";
/// assert_eq!(detect([de].into_iter()), Language::German);
/// assert_eq!(detect(["Startseite", "Kontakt"].into_iter()), Language::English);
/// ```
pub fn detect<'a>(lines: impl Iterator<Item = &'a str>) -> Language {
    // One line's bits at a time, in one reused buffer: the votes are tallied line by line.
    let mut votes = Votes::default();
    let mut bits: Vec<u64> = Vec::new();
    for line in lines {
        bits.clear();
        for_each_word(line, |w| bits.push(stop_bits(w)));
        votes.add(bits.len(), &bits);
    }
    votes.language()
}

/// The language of a document from its text: by its script when the script tells (Chinese,
/// Japanese, Arabic, Persian and Urdu, Devanagari, Armenian, Amharic, Burmese, Greek, Hebrew,
/// Bengali, Tamil), else by stop words ([`detect`]) over its lines, with Polish and Slovak told
/// by their letters (they have no NLTK list) and Cyrillic text that no list covers taken as
/// Russian. English when nothing tells.
///
/// ```
/// use abridge::text::lang::{detect_text, Language};
/// assert_eq!(detect_text("今天上午，市政府宣布地铁新线路将于明年开通。"), Language::Chinese);
/// assert_eq!(detect_text("Die Regierung hat am Montag einen neuen Haushalt vorgelegt, der mehr Geld für Schulen vorsieht."), Language::German);
/// assert_eq!(detect_text("Startseite"), Language::English);
/// ```
pub fn detect_text(text: &str) -> Language {
    let text = sample(text);
    if text.is_ascii() {
        // No letter outside ASCII: a Latin language, told by its stop words.
        return detect_ascii(text);
    }
    let mut counts = ScriptCounts::default();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        counts.add(c);
    }
    let letters = counts.total.max(1);
    let share = |n: usize| n * 2 > letters;
    if counts.kana > 0 && (counts.kana + counts.han) * 2 > letters {
        return Language::Japanese;
    }
    if share(counts.han) {
        return Language::Chinese;
    }
    if share(counts.arabic) {
        // Urdu and Persian write letters that Arabic does not.
        return if counts.urdu > 0 {
            Language::Urdu
        } else if counts.persian > 0 {
            Language::Persian
        } else {
            Language::Arabic
        };
    }
    if share(counts.devanagari) {
        // Nepali's stop words include Hindi's case markers (`के`, `को`); the words below are
        // each language's own.
        let has = |words: &[&str]| {
            text.split(|c: char| c.is_whitespace() || c == '।' || c == ',')
                .any(|w| words.contains(&w))
        };
        return if has(&["आहे", "आणि", "आहेत", "होते", "केले"]) {
            Language::Marathi
        } else if has(&["है", "हैं", "था", "थे", "थी", "में", "की", "ने", "से", "और"])
        {
            Language::Hindi
        } else if detect_lines(text) == Language::Nepali {
            Language::Nepali
        } else {
            Language::Hindi
        };
    }
    for (n, lang) in [
        (counts.armenian, Language::Armenian),
        (counts.ethiopic, Language::Amharic),
        (counts.myanmar, Language::Burmese),
        (counts.greek, Language::Greek),
        (counts.hebrew, Language::Hebrew),
        (counts.bengali, Language::Bengali),
        (counts.tamil, Language::Tamil),
    ] {
        if share(n) {
            return lang;
        }
    }
    // Polish has no NLTK list: its letters `ł ą ę ż` tell it before a list that covers a few
    // of its short words (Slovene, Albanian) would.
    if counts.polish * 100 > letters {
        return Language::Polish;
    }
    let by_words = detect_lines(text);
    if by_words != Language::English {
        return by_words;
    }
    if share(counts.cyrillic) {
        return if text.contains(" във ") || text.contains(" са ") || text.contains("ът ") {
            Language::Bulgarian
        } else {
            Language::Russian
        };
    }
    // Latin text that no list covers better than English's: the letters of Slovak (no NLTK
    // list) and Turkish (a short list): `ľ ĺ ŕ ť ď ň`, dotless `ı` and `ğ`.
    if counts.slovak * 100 > letters {
        return Language::Slovak;
    }
    if counts.turkish * 100 > letters {
        return Language::Turkish;
    }
    Language::English
}

/// The language most of `texts` are detected in ([`detect_text`]); the earliest such language
/// on a tie, English for none. What `--lang auto` gives a summary of several documents.
///
/// ```
/// use abridge::text::lang::{majority_language, Language};
/// let de = "Die Regierung hat am Montag einen neuen Haushalt vorgelegt, der mehr Geld für Schulen vorsieht.";
/// assert_eq!(majority_language([de, de, "The council met on Monday."]), Language::German);
/// assert_eq!(majority_language([]), Language::English);
/// ```
pub fn majority_language<'a>(texts: impl IntoIterator<Item = &'a str>) -> Language {
    let langs: Vec<Language> = texts.into_iter().map(detect_text).collect();
    let mut best = (0, Language::English);
    for &lang in &langs {
        let n = langs.iter().filter(|&&l| l == lang).count();
        if n > best.0 {
            best = (n, lang);
        }
    }
    best.1
}

/// Bytes of a document that [`detect_text`] reads: the language of a news article shows in its
/// first paragraphs, and reading all of a long page cost a fifth of `sentences --raw` on the
/// generated 10,000 articles (4.4 KB each).
const SAMPLE_BYTES: usize = 2048;

/// The start of `text` that [`detect_text`] reads: [`SAMPLE_BYTES`], to the end of that line (at
/// most twice as much), cut on a character boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let limit = 2 * SAMPLE_BYTES;
    let end = text.as_bytes()[SAMPLE_BYTES..text.len().min(limit)]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len().min(limit), |p| SAMPLE_BYTES + p);
    let mut end = end;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// [`detect`] over the lines of `text`; a text of one long line votes with its sentences.
fn detect_lines(text: &str) -> Language {
    detect(text.lines())
}

/// Letters of each script (and of a few languages) in a text.
#[derive(Default)]
struct ScriptCounts {
    total: usize,
    han: usize,
    kana: usize,
    arabic: usize,
    urdu: usize,
    persian: usize,
    devanagari: usize,
    armenian: usize,
    ethiopic: usize,
    myanmar: usize,
    greek: usize,
    hebrew: usize,
    bengali: usize,
    tamil: usize,
    cyrillic: usize,
    polish: usize,
    slovak: usize,
    turkish: usize,
}

impl ScriptCounts {
    fn add(&mut self, c: char) {
        self.total += 1;
        let n = c as u32;
        match n {
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF => self.han += 1,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => self.kana += 1,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                self.arabic += 1;
                match c {
                    'ے' | 'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ھ' | 'ۓ' => self.urdu += 1,
                    'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => self.persian += 1,
                    _ => {}
                }
            }
            0x0900..=0x097F => self.devanagari += 1,
            0x0530..=0x058F => self.armenian += 1,
            0x1200..=0x139F => self.ethiopic += 1,
            0x1000..=0x109F => self.myanmar += 1,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => self.greek += 1,
            0x0590..=0x05FF => self.hebrew += 1,
            0x0980..=0x09FF => self.bengali += 1,
            0x0B80..=0x0BFF => self.tamil += 1,
            0x0400..=0x04FF => self.cyrillic += 1,
            _ => match c {
                'ł' | 'Ł' | 'ą' | 'ę' | 'ż' | 'Ż' => self.polish += 1,
                'ľ' | 'Ľ' | 'ĺ' | 'ŕ' | 'ť' | 'ď' | 'ň' => self.slovak += 1,
                'ı' | 'ğ' | 'İ' => self.turkish += 1,
                _ => {}
            },
        }
    }
}

/// The languages whose stop-word list holds `lower` (a lower-case word): bit `i` is
/// `Language::ALL[i]`.
#[inline]
pub(crate) fn stop_bits(lower: &str) -> u64 {
    let table = &*TABLE;
    let Some(&mask) = table.first.get(lower.len()) else {
        return 0;
    };
    // The empty word has no first byte: it goes to the map.
    let bit = lower.as_bytes().first().map_or(0, |&b| 1u64 << (b % 64));
    if !lower.is_empty() && mask & bit == 0 {
        return 0;
    }
    match pack(lower) {
        Some(key) => short_stop_bits(table, key),
        None if lower.len() <= 8 && !lower.is_empty() => 0,
        None => table.words.get(lower).copied().unwrap_or(0),
    }
}

/// [`stop_bits`] of a word of one to eight bytes by its [`pack`]ed key.
#[inline]
fn short_stop_bits(table: &Table, key: u64) -> u64 {
    RECENT.with(|recent| {
        // A direct-mapped cache of the last short words looked up on this thread: news text
        // repeats its words, and the table (every language's list) is too big to stay in the L1
        // cache. Keys are exact (`pack` is one-to-one), 0 marks an empty slot.
        let slot = &recent[(key >> 52) as usize % RECENT_SLOTS];
        let (k, bits) = slot.get();
        if k == key {
            return bits;
        }
        let bits = table.short.get(&key).copied().unwrap_or(0);
        slot.set((key, bits));
        bits
    })
}

/// [`detect`] over the lines of ASCII `text`, each word's stop bits found from its bytes as
/// they are read: a word of up to eight bytes is packed while it is scanned (lower-cased on
/// the way) and never copied; a longer one is lower-cased into a buffer as [`for_each_word`]
/// does. The same words and bits as [`detect`]'s, so the same language.
fn detect_ascii(text: &str) -> Language {
    let mut votes = Votes::default();
    // Room for a long line's words: one allocation, not one per doubling.
    let mut bits: Vec<u64> = Vec::with_capacity(256);
    let mut buf = String::new();
    for line in text.lines() {
        bits.clear();
        ascii_stop_bits(line, &mut bits, &mut buf);
        votes.add(bits.len(), &bits);
    }
    votes.language()
}

/// Pushes the [`stop_bits`] of each word of ASCII `line` ([`for_each_word`]'s words) onto
/// `bits`; `buf` is room for a long word's lower-case copy.
fn ascii_stop_bits(line: &str, bits: &mut Vec<u64>, buf: &mut String) {
    let table = &*TABLE;
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if ASCII_CLASS[usize::from(b[i])] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut packed = 0u64;
        if let Some(eight) = AsciiEight::at(b, i) {
            // Eight bytes at once: the word's first eight, lower-cased, and where it ends.
            packed = eight.word();
            i = if eight.run == 8 {
                ascii_word_end(b, i + 8)
            } else {
                i + eight.run
            };
        } else {
            while i < b.len() {
                let c = ASCII_CLASS[usize::from(b[i])];
                if c == 0 {
                    break;
                }
                // A capital's bit 5 set lower-cases it.
                let lower = b[i] | ((c & ASCII_UPPER) << 3);
                packed |= u64::from(lower) << (8 * (i - start));
                i += 1;
            }
        }
        let len = i - start;
        let first = b[start] | ((ASCII_CLASS[usize::from(b[start])] & ASCII_UPPER) << 3);
        let mask = table.first.get(len).copied().unwrap_or(0);
        bits.push(if mask & (1u64 << (first % 64)) == 0 {
            0
        } else if len <= 8 {
            short_stop_bits(table, mix(packed))
        } else {
            buf.clear();
            buf.push_str(&line[start..i]);
            buf.make_ascii_lowercase();
            table.words.get(buf.as_str()).copied().unwrap_or(0)
        });
    }
}

/// The stop-word votes of the lines read so far: [`detect`] line by line, for a caller that
/// finds the words itself.
pub(crate) struct Votes {
    /// Each language's hits counted so far, apart from those still in `lanes`.
    hits: [usize; Language::ALL.len()],
    /// The hits of the words added since the last flush, one byte a language (language `i` in
    /// byte `i % 8` of `lanes[i / 8]`): a word's stop bits are spread into bytes by a table
    /// and added eight languages at a time, where a loop over its bits (a stop word of ten
    /// languages has ten) was a fifth of language detection.
    lanes: [u64; VOTE_LANES],
    /// Words added to `lanes` since the last flush (a byte holds 255).
    pending: usize,
    total: usize,
}

/// Lanes of [`Votes::lanes`]: eight languages each.
const VOTE_LANES: usize = Language::ALL.len().div_ceil(8);

/// Each byte value's eight bits spread into the eight bytes of a `u64` (bit `k` → byte `k`).
static SPREAD: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut v = 0;
    while v < 256 {
        let mut k = 0;
        while k < 8 {
            if v >> k & 1 == 1 {
                t[v] |= 1u64 << (8 * k);
            }
            k += 1;
        }
        v += 1;
    }
    t
};

impl Default for Votes {
    fn default() -> Self {
        Votes {
            hits: [0; Language::ALL.len()],
            lanes: [0; VOTE_LANES],
            pending: 0,
            total: 0,
        }
    }
}

impl Votes {
    /// The votes of one line of `words` words, from the [`stop_bits`] of its words (zeros may
    /// be left out): none under [`VOTING_WORDS`] words.
    pub(crate) fn add(&mut self, words: usize, stop_bits: &[u64]) {
        if words < VOTING_WORDS {
            return;
        }
        self.total += words;
        let mut lanes = self.lanes;
        for &bits in stop_bits {
            for (k, lane) in lanes.iter_mut().enumerate() {
                *lane += SPREAD[usize::from((bits >> (8 * k)) as u8)];
            }
            self.pending += 1;
            if self.pending == 255 {
                self.lanes = lanes;
                self.hits = self.counts();
                lanes = [0; VOTE_LANES];
                self.pending = 0;
            }
        }
        self.lanes = lanes;
    }

    /// Each language's hits: those counted and those in the lanes.
    fn counts(&self) -> [usize; Language::ALL.len()] {
        let mut hits = self.hits;
        for (i, h) in hits.iter_mut().enumerate() {
            *h += (self.lanes[i / 8] >> (8 * (i % 8)) & 0xff) as usize;
        }
        hits
    }

    /// Each language's hits by the plain count, bit by bit: the tests' reference.
    #[cfg(test)]
    fn plain_counts(lines: &[(usize, Vec<u64>)]) -> [usize; Language::ALL.len()] {
        let mut hits = [0; Language::ALL.len()];
        for (words, bits) in lines {
            if *words < VOTING_WORDS {
                continue;
            }
            for &b in bits {
                for (i, h) in hits.iter_mut().enumerate() {
                    *h += (b >> i & 1) as usize;
                }
            }
        }
        hits
    }

    /// The language the votes give.
    pub(crate) fn language(&self) -> Language {
        let (hits, total) = (&self.counts(), self.total);
        let english_index = Language::English.index();
        let mut best = english_index;
        let mut best_hits = hits[english_index];
        for (i, &h) in hits.iter().enumerate() {
            if h > best_hits {
                best = i;
                best_hits = h;
            }
        }
        if total == 0 || (best_hits as f32) < MIN_COVERAGE * total as f32 {
            return Language::English;
        }
        Language::ALL[best].0
    }
}

/// Turns text into index terms: lowercased word tokens, stop words and tokens without a letter or
/// digit dropped, the rest stemmed (when the language has a stemmer).
///
/// ```
/// use abridge::text::lang::{Language, Terms};
/// let terms = Terms::new(Language::English);
/// assert_eq!(terms.of("The councils voted, the barriers rise."), ["council", "vote", "barrier", "rise"]);
/// ```
pub struct Terms {
    language: Language,
    stemmer: Option<Stemmer>,
    stop: &'static FxHashSet<&'static str>,
}

/// Stems already computed on this thread, per language (index in [`Language::ALL`]): news text
/// repeats its words, and Snowball was a fifth of `extract`. Stemming is a pure function of the
/// word, so a cached stem is the stem. Cleared when it holds [`STEM_CACHE_WORDS`] words.
/// Words of up to eight bytes (most) are keyed by their [`pack`]ed bytes: a `u64` to hash and
/// compare instead of a string.
type StemCache = Vec<(FxHashMap<u64, Box<str>>, FxHashMap<Box<str>, Box<str>>)>;

/// Most words kept in one language's stem cache of one thread.
const STEM_CACHE_WORDS: usize = 1 << 17;

thread_local! {
    static STEMS: std::cell::RefCell<StemCache> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What one word, as written, is as an index term: left out (no letter or digit), a stop word,
/// or the term at an index of [`WordTerms::terms`]; and whether it begins with a capital.
#[derive(Clone, Copy)]
struct WordEntry {
    /// [`WordEntry::SKIP`], [`WordEntry::STOP`] or an index of [`WordTerms::terms`].
    what: u32,
    capital: bool,
}

impl WordEntry {
    const SKIP: u32 = u32::MAX;
    const STOP: u32 = u32::MAX - 1;
}

/// One language's answers for words as written (case and all), so that a word met before costs
/// one look-up of its packed bytes instead of lower-casing, the stop-word table, the stem cache,
/// a copy of its term and the hashing of that copy. Its terms carry the hash
/// [`super::fx_hash_str`] gives them. Cleared when it holds [`WORD_TERMS_WORDS`] words: callers
/// keep nothing of it between calls but the hashes and the terms' text.
#[derive(Default)]
struct WordTerms {
    /// Words of up to eight bytes, by [`packed_bytes`].
    short: FxHashMap<u64, WordEntry>,
    long: FxHashMap<Box<str>, WordEntry>,
    terms: Vec<(u64, Box<str>)>,
}

/// Most words kept in one language's [`WordTerms`] of one thread (a few in the tests, so that
/// they clear it often).
const WORD_TERMS_WORDS: usize = if cfg!(test) { 50 } else { 1 << 16 };

thread_local! {
    static WORD_TERMS: std::cell::RefCell<Vec<WordTerms>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The stop words of `language` as a set, built once per process: `extract` makes a [`Terms`]
/// for every document (building the set was 1% of its instructions).
fn stop_set(language: Language) -> &'static FxHashSet<&'static str> {
    static SETS: [OnceLock<FxHashSet<&'static str>>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    SETS[language.index()].get_or_init(|| language.stop_words().iter().copied().collect())
}

impl Terms {
    /// The terms of `language`: its stop words and stemmer.
    pub fn new(language: Language) -> Self {
        Terms {
            language,
            stemmer: language.algorithm().map(Stemmer::create),
            stop: stop_set(language),
        }
    }

    /// The language of the terms.
    pub fn language(&self) -> Language {
        self.language
    }

    /// `base` stemmed by `stemmer` (the language's), written into `out` (cleared first), through
    /// this thread's cache.
    fn stem_into(&self, stemmer: &Stemmer, base: &str, out: &mut String) {
        out.clear();
        STEMS.with_borrow_mut(|caches| {
            let i = self.language.index();
            if caches.len() <= i {
                caches.resize_with(i + 1, Default::default);
            }
            let (short, long) = &mut caches[i];
            let key = pack(base);
            let cached = match key {
                Some(k) => short.get(&k),
                None => long.get(base),
            };
            if let Some(stem) = cached {
                out.push_str(stem);
                return;
            }
            let stem = stemmer.stem(base);
            out.push_str(&stem);
            if short.len() + long.len() >= STEM_CACHE_WORDS {
                short.clear();
                long.clear();
            }
            match key {
                Some(k) => short.insert(k, Box::from(&*stem)),
                None => long.insert(Box::from(base), Box::from(&*stem)),
            };
        })
    }

    /// The index terms of `text`, in order. Chinese and Japanese have no spaces between words:
    /// their runs of ideographs and kana index as overlapping character bigrams (`机场新线` →
    /// `机场`, `场新`, `新线`), which match where words match without a dictionary.
    ///
    /// ```
    /// use abridge::text::lang::{Language, Terms};
    /// assert_eq!(Terms::new(Language::Chinese).of("机场新线。"), ["机场", "场新", "新线"]);
    /// ```
    pub fn of(&self, text: &str) -> Vec<String> {
        if matches!(self.language, Language::Chinese | Language::Japanese) {
            return self.of_cjk(text);
        }
        self.of_words(text)
    }

    /// [`Terms::of`] for Chinese and Japanese: bigrams of CJK runs, other words as usual.
    fn of_cjk(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for w in words(text) {
            if !w.chars().any(is_cjk) {
                out.extend(self.of_words(w));
                continue;
            }
            let mut run: Vec<char> = Vec::new();
            // A bigram with a function character (`的`, `在`, `了`: one-character stop words)
            // spans a word boundary more often than a word: it is left out.
            let stop_char = |c: char| {
                let mut buf = [0u8; 4];
                self.stop.contains(&*c.encode_utf8(&mut buf))
            };
            let flush = |run: &mut Vec<char>, out: &mut Vec<String>| {
                match run.len() {
                    0 => {}
                    1 => {
                        if !stop_char(run[0]) {
                            out.push(run[0].to_string());
                        }
                    }
                    _ => out.extend(
                        run.windows(2)
                            .filter(|p| !stop_char(p[0]) && !stop_char(p[1]))
                            .map(|p| p.iter().collect::<String>()),
                    ),
                }
                run.clear();
            };
            let mut other = String::new();
            for c in w.chars() {
                if is_cjk(c) {
                    if !other.is_empty() {
                        out.extend(self.of_words(&other));
                        other.clear();
                    }
                    run.push(c);
                } else {
                    flush(&mut run, &mut out);
                    other.push(c);
                }
            }
            flush(&mut run, &mut out);
            if !other.is_empty() {
                out.extend(self.of_words(&other));
            }
        }
        out
    }

    /// Word terms: lower-cased words, stop words dropped, stemmed.
    fn of_words(&self, text: &str) -> Vec<String> {
        // ASCII words are lower-cased into this buffer, reused (their lower case is their ASCII
        // lower case); others by `to_lowercase` (final sigma and the like).
        let mut buf = String::new();
        words(text)
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .filter_map(|w| self.word_term(w, &mut buf))
            .collect()
    }

    /// [`Terms::of`] and [`Terms::names_of`] together, in one pass over the words (Chinese and
    /// Japanese: no names).
    pub fn of_with_names(&self, text: &str) -> (Vec<String>, Vec<String>) {
        let (mut terms, mut names) = (Vec::new(), Vec::new());
        self.each_hashed_term_with_names(text, |_, term, name| {
            if name {
                names.push(term.to_string());
            }
            terms.push(term.to_string());
        });
        (terms, names)
    }

    /// [`Terms::each_hashed_term_with_names`] worked out word by word, without the cache and
    /// the hashes: the definition the cached path is tested against.
    #[cfg(test)]
    fn each_term_with_names(&self, text: &str, mut f: impl FnMut(&str, bool)) {
        if matches!(self.language, Language::Chinese | Language::Japanese) {
            for t in self.of_cjk(text) {
                f(&t, false);
            }
            return;
        }
        let (mut buf, mut term) = (String::new(), String::new());
        for (i, w) in words(text)
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .enumerate()
        {
            if self.word_term_into(w, &mut buf, &mut term) {
                f(
                    &term,
                    i > 0 && w.chars().next().is_some_and(char::is_uppercase),
                );
            }
        }
    }

    /// Calls `f(hash, term, name)` with each index term of `text` in order ([`Terms::of`]),
    /// its [`super::fx_hash_str`] hash, and whether it is also one of the names
    /// ([`Terms::names_of`]): without a `String` a term. Words met before on this thread are
    /// answered from a cache of whole words ([`WordTerms`]).
    pub(crate) fn each_hashed_term_with_names(
        &self,
        text: &str,
        mut f: impl FnMut(u64, &str, bool),
    ) {
        if matches!(self.language, Language::Chinese | Language::Japanese) {
            for t in self.of_cjk(text) {
                f(super::fx_hash_str(&t), &t, false);
            }
            return;
        }
        WORD_TERMS.with_borrow_mut(|caches| {
            let i = self.language.index();
            if caches.len() <= i {
                caches.resize_with(i + 1, Default::default);
            }
            let cache = &mut caches[i];
            if cache.short.len() + cache.long.len() >= WORD_TERMS_WORDS {
                *cache = WordTerms::default();
            }
            let WordTerms { short, long, terms } = cache;
            let (mut buf, mut term) = (String::new(), String::new());
            let mut new_entry = |w: &str, terms: &mut Vec<(u64, Box<str>)>| {
                let what = if !w.chars().any(char::is_alphanumeric) {
                    WordEntry::SKIP
                } else if self.word_term_through(w, &mut buf, &mut term, false) {
                    terms.push((super::fx_hash_str(&term), Box::from(term.as_str())));
                    (terms.len() - 1) as u32
                } else {
                    WordEntry::STOP
                };
                WordEntry {
                    what,
                    capital: w.chars().next().is_some_and(char::is_uppercase),
                }
            };
            let mut index = 0usize;
            for w in words(text) {
                let entry = match packed_bytes(w) {
                    Some(p) => match short.get(&p) {
                        Some(&entry) => entry,
                        None => {
                            let entry = new_entry(w, terms);
                            short.insert(p, entry);
                            entry
                        }
                    },
                    None => match long.get(w) {
                        Some(&entry) => entry,
                        None => {
                            let entry = new_entry(w, terms);
                            long.insert(Box::from(w), entry);
                            entry
                        }
                    },
                };
                if entry.what == WordEntry::SKIP {
                    continue;
                }
                if entry.what != WordEntry::STOP {
                    let (hash, t) = &terms[entry.what as usize];
                    f(*hash, t, index > 0 && entry.capital);
                }
                index += 1;
            }
        })
    }

    /// The index terms of the words of `text` that begin with a capital letter, its first word
    /// left out (any sentence begins with one): names of people, places and organisations in
    /// English prose (and every noun in German). Each is the term [`Terms::of`] gives the word.
    ///
    /// ```
    /// use abridge::text::lang::{Language, Terms};
    /// let terms = Terms::new(Language::English);
    /// let text = "The Almsey council met NATO envoys in Kestrel's harbour.";
    /// assert_eq!(terms.names_of(text), ["almsey", "nato", "kestrel"]);
    /// assert_eq!(terms.of_with_names(text), (terms.of(text), terms.names_of(text)));
    /// ```
    pub fn names_of(&self, text: &str) -> Vec<String> {
        let mut buf = String::new();
        words(text)
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| self.word_term(w, &mut buf))
            .collect()
    }

    /// The term of one word: lower-cased, `'s` dropped, stemmed; `None` for a stop word.
    fn word_term(&self, w: &str, buf: &mut String) -> Option<String> {
        let mut term = String::new();
        self.word_term_into(w, buf, &mut term).then_some(term)
    }

    /// [`Terms::word_term`] written into `out`: false (and `out` unspecified) for a stop word.
    fn word_term_into(&self, w: &str, buf: &mut String, out: &mut String) -> bool {
        self.word_term_through(w, buf, out, true)
    }

    /// [`Terms::word_term_into`], stemming through this thread's stem cache or not (the cache
    /// of whole words in front of it keeps what it would).
    fn word_term_through(
        &self,
        w: &str,
        buf: &mut String,
        out: &mut String,
        stem_cache: bool,
    ) -> bool {
        let owned;
        let lower: &str = if w.is_ascii() {
            buf.clear();
            buf.push_str(w);
            buf.make_ascii_lowercase();
            buf
        } else {
            owned = w.to_lowercase();
            &owned
        };
        // Possessives and contractions: "Russia's" indexes as "russia".
        let base = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(lower);
        // `base` is `lower` or a prefix of it: equal lengths, one look-up.
        // The stop-word table holds every language's list: `stop_bits` (its pre-filter and
        // per-thread cache) answers for this language's bit, as `self.stop` would.
        let bit = self.language.bit();
        let stop = stop_bits(base) & bit != 0
            || (base.len() != lower.len() && stop_bits(lower) & bit != 0);
        if stop {
            return false;
        }
        match &self.stemmer {
            Some(s) if stem_cache => self.stem_into(s, base, out),
            Some(s) => {
                out.clear();
                out.push_str(&s.stem(base));
            }
            None => {
                out.clear();
                out.push_str(base);
            }
        }
        true
    }
}

/// An ideograph or a kana: Chinese and Japanese text, written without spaces between words (and
/// wrapped at any character).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x3040..=0x30FF | 0x31F0..=0x31FF)
}

/// An ideograph, a kana or a full-width mark (`、。，「」！？`).
pub(crate) fn is_cjk_or_mark(c: char) -> bool {
    is_cjk(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::XorShift;

    #[test]
    fn cached_word_terms_are_the_terms_of_the_words() {
        // Random texts of words met again and again (as written and in other cases), stop words,
        // possessives, long words, numbers, punctuation and words beyond ASCII, in several
        // languages, long enough to clear the cache many times over: the cached terms, hashes
        // and names are those worked out word by word.
        let pieces = [
            "the",
            "The",
            "Council",
            "council's",
            "voted",
            "VOTED",
            "on",
            "Tuesday,",
            "2.4",
            "million",
            "-",
            "(AP)",
            "intergovernmental",
            "Intergovernmental",
            "Russia’s",
            "é",
            "Straße",
            "die",
            "Brücke",
            "über",
            "ΑΘΗΝΑ",
            "naïve",
            "...",
            "x",
            "don't",
            "1998",
            "and",
            "Και",
            "überschwemmungsgebiete",
            "—",
            "Ölpreis",
            "机场新线",
            "的",
        ];
        let mut rng = XorShift::new(0x0DDB_A11C_AFE5_EED5);
        for &language in &[
            Language::English,
            Language::German,
            Language::Greek,
            Language::French,
            Language::Chinese,
        ] {
            let terms = Terms::new(language);
            for _ in 0..200 {
                // A word never met before, so that the cache grows past its size.
                let fresh = format!("word{}", rng.next_u64() % 1000);
                let mut text = rng.pieces(&pieces, 31);
                text.push(&fresh);
                let text = text.join(" ");
                let mut plain = Vec::new();
                terms.each_term_with_names(&text, |t, name| {
                    plain.push((crate::text::fx_hash_str(t), t.to_string(), name))
                });
                let mut cached = Vec::new();
                terms.each_hashed_term_with_names(&text, |h, t, name| {
                    cached.push((h, t.to_string(), name))
                });
                assert_eq!(cached, plain, "{text}");
            }
        }
    }

    #[test]
    fn votes_in_byte_lanes_are_the_plain_counts() {
        // Lines of random stop bits (up to every language's), long enough to flush the lanes
        // several times, and lines too short to vote.
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        let mut next = || rng.next_u64();
        let mask = (1u64 << Language::ALL.len()) - 1;
        let lines: Vec<(usize, Vec<u64>)> = (0..400)
            .map(|_| {
                let n = (next() % 14) as usize;
                let bits = (0..n).map(|_| next() & next() & mask).collect();
                (n, bits)
            })
            .collect();
        let mut votes = Votes::default();
        for (words, bits) in &lines {
            votes.add(*words, bits);
        }
        let plain = Votes::plain_counts(&lines);
        assert_eq!(votes.counts(), plain);
        assert!(plain.iter().sum::<usize>() > 1000);
    }

    #[test]
    fn eight_byte_word_masks_are_the_byte_classes() {
        // Every byte value at every position, among random neighbours.
        let mut rng = XorShift::new(0x2545_F491_4F6C_DD1D);
        for pos in 0..8 {
            for v in 0..=255u8 {
                let mut bytes = rng.next_u64().to_le_bytes();
                bytes[pos] = v;
                let (alnum, upper) = ascii_word_masks(u64::from_le_bytes(bytes));
                for (k, &b) in bytes.iter().enumerate() {
                    let class = ASCII_CLASS[usize::from(b)];
                    let bit = |m: u64| m >> (8 * k) & 0xff;
                    assert_eq!(bit(alnum), if class != 0 { 0x80 } else { 0 }, "{b:#x}");
                    assert_eq!(
                        bit(upper),
                        if class == ASCII_UPPER { 0x80 } else { 0 },
                        "{b:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_stop_bits_are_those_of_the_words() {
        // Lines of ASCII stop words of several languages, long words, digits and punctuation,
        // with random capitals: the packed scan gives each word the bits `stop_bits` gives.
        let words: Vec<&str> = TABLE
            .words
            .keys()
            .copied()
            .filter(|w| w.is_ascii())
            .chain([
                "nevertheless",
                "zwischenzeitlich",
                "x1",
                "2024",
                "council",
                "a",
            ])
            .collect();
        let mut sorted = words.clone();
        sorted.sort_unstable();
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        let (mut bits, mut buf) = (Vec::new(), String::new());
        let mut hits = 0;
        for _ in 0..3000 {
            let mut line = String::new();
            for _ in 0..rng.below(12) {
                let w = sorted[rng.below(sorted.len())];
                let w: String = w
                    .chars()
                    .map(|c| {
                        if rng.below(4) == 0 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect();
                line.push_str(&w);
                // No separator glues two words into a longer one.
                line.push_str([" ", ", ", "-", ". ", "'", "  ", ""][rng.below(7)]);
            }
            // Half the lines end with a word.
            if rng.below(2) == 0 {
                let end = line
                    .trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
                    .len();
                line.truncate(end);
            }
            bits.clear();
            ascii_stop_bits(&line, &mut bits, &mut buf);
            let mut want = Vec::new();
            for_each_word(&line, |w| want.push(stop_bits(w)));
            assert_eq!(bits, want, "{line}");
            hits += want.iter().filter(|&&b| b != 0).count();
        }
        assert!(hits > 1000, "{hits}");
        let de = "Die Stadt hat am Montag mitgeteilt, dass sie die Bruecke nicht vor dem Ende oeffnen kann.";
        assert_eq!(detect_ascii(de), detect_lines(de));
        assert_eq!(detect_ascii(de), Language::German);
    }

    #[test]
    fn packed_look_ups_agree_with_the_table() {
        for (w, &bits) in &TABLE.words {
            assert_eq!(stop_bits(w), bits, "{w}");
            let mut longer = w.to_string();
            longer.push('x');
            assert_eq!(
                stop_bits(&longer),
                TABLE.words.get(longer.as_str()).copied().unwrap_or(0)
            );
            let nul = format!("{w}\0");
            assert_eq!(stop_bits(&nul), 0);
            if let Some((cut, _)) = w.char_indices().last() {
                let shorter = &w[..cut];
                assert_eq!(
                    stop_bits(shorter),
                    TABLE.words.get(shorter).copied().unwrap_or(0)
                );
            }
        }
        assert_eq!(stop_bits(""), 0);
        assert_eq!(stop_bits("\0"), 0);
    }

    #[test]
    fn chinese_terms_are_bigrams_and_latin_words_stay_words() {
        let t = Terms::new(Language::Chinese);
        assert_eq!(
            t.of("苹果公司 Apple 发布"),
            ["苹果", "果公", "公司", "apple", "发布"]
        );
        // The same event in two sentences shares bigrams.
        let a = t.of("地铁新线将于明年开通");
        let b = t.of("市政府说地铁新线明年开通");
        assert!(a.iter().filter(|x| b.contains(x)).count() >= 4);
        assert_eq!(Terms::new(Language::English).of("地铁"), ["地铁"]);
    }

    #[test]
    fn codes_and_names() {
        assert_eq!(Language::from_code("EN"), Some(Language::English));
        assert_eq!(Language::from_code("german"), Some(Language::German));
        assert_eq!(Language::from_code("xx"), None);
        assert_eq!(Language::from_code("zh"), Some(Language::Chinese));
        for (lang, code) in Language::ALL {
            assert_eq!(lang.code(), code);
        }
        assert!(Language::Urdu.stop_words().is_empty(), "no NLTK list");
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

    #[test]
    fn english_function_words_are_stop_words() {
        let en = Language::English;
        assert!(en.is_stop_word("the"));
        assert!(en.is_stop_word("which"));
        assert!(!en.is_stop_word("harbour"));
        // Content words that menus are made of are not in the NLTK list.
        assert!(!en.is_stop_word("home"));
        assert!(!en.is_stop_word("contact"));
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

    #[test]
    fn the_table_holds_every_two_letter_nltk_list_in_code_order() {
        let codes: Vec<&str> = stop_words::available_languages()
            .iter()
            .copied()
            .filter(|c| c.len() == 2)
            .collect();
        let ours: Vec<&str> = Language::ALL.iter().map(|(_, c)| *c).collect();
        for (i, (lang, _)) in Language::ALL.iter().enumerate() {
            assert_eq!(lang.index(), i, "{lang:?}");
        }
        let mut sorted = ours.clone();
        sorted.sort_unstable();
        assert_eq!(ours, sorted, "code order");
        for code in &codes {
            assert!(ours.contains(code), "{code}");
        }
        for (lang, code) in Language::ALL {
            assert_eq!(
                !lang.stop_words().is_empty(),
                codes.contains(&code),
                "{code}"
            );
        }
        assert!(Language::ALL.len() <= 64, "one bit per language");
    }

    #[test]
    fn languages_without_a_stemmer_keep_their_words() {
        assert!(!Language::Indonesian.has_stemmer());
        let t = Terms::new(Language::Indonesian);
        assert_eq!(t.of("yang Pemerintah"), ["pemerintah"]);
    }
}
