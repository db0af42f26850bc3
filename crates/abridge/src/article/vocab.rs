//! The cleaner's vocabulary and options: the word lists that name page furniture, captions,
//! credits, time stamps and quotes, kept as data (`article/vocab/en/*.txt`, one entry a line, `#`
//! comments) and overridable through [`CleanOptions`].

use crate::text::{entries, FxHashMap, WordSet};
use std::path::Path;
use std::sync::{Arc, LazyLock};

/// One of the cleaner's word lists, named like its file (`furniture.txt`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WordList {
    /// Words and phrases that name page furniture: legal lines, account and subscription
    /// prompts, sharing and comment widgets, navigation, promotion (`subscribe`, `sign in`). A
    /// line of several words is a phrase, matched on whole words; any furniture in a short block
    /// drops it, and so does one furniture word in fifteen of a longer one.
    Furniture,
    /// Words of image captions and credits (`photo`, `illustration`).
    Caption,
    /// Words that open a picture credit (`Credit:`, `Photo by`) or a caption label
    /// (`Image caption`).
    Credit,
    /// Units of relative times and reading times (`min`, `hours`).
    TimeUnits,
    /// Words that go with a time stamp or a relative time (`ago`, `updated`).
    TimeContext,
    /// Words that open a time stamp line (`Updated …`, `Posted …`): a headline never starts with
    /// one.
    Stamp,
    /// Verbs that attribute a quote after a name (`said`, `told`): a block opening with an
    /// author's name and one of them quotes the author and is no author bio.
    Quoting,
    /// Words that open the heading of a section about the author or the company (`About`,
    /// `Über`, `Sobre`): a short title-like line opening with one ends the article, and what
    /// follows is the bio or the boilerplate.
    About,
}

impl WordList {
    /// Every list.
    pub const ALL: [WordList; 8] = [
        WordList::Furniture,
        WordList::Caption,
        WordList::Credit,
        WordList::TimeUnits,
        WordList::TimeContext,
        WordList::Stamp,
        WordList::Quoting,
        WordList::About,
    ];

    /// The list's file name (`furniture.txt`), in the built-in data and in
    /// [`Vocabulary::from_dir`].
    pub fn file_name(self) -> &'static str {
        match self {
            WordList::Furniture => "furniture.txt",
            WordList::Caption => "caption.txt",
            WordList::Credit => "credit.txt",
            WordList::TimeUnits => "time_units.txt",
            WordList::TimeContext => "time_context.txt",
            WordList::Stamp => "stamp.txt",
            WordList::Quoting => "quoting.txt",
            WordList::About => "about.txt",
        }
    }

    /// The built-in English list, as its file reads.
    pub fn english_data(self) -> &'static str {
        match self {
            WordList::Furniture => include_str!("vocab/en/furniture.txt"),
            WordList::Caption => include_str!("vocab/en/caption.txt"),
            WordList::Credit => include_str!("vocab/en/credit.txt"),
            WordList::TimeUnits => include_str!("vocab/en/time_units.txt"),
            WordList::TimeContext => include_str!("vocab/en/time_context.txt"),
            WordList::Stamp => include_str!("vocab/en/stamp.txt"),
            WordList::Quoting => include_str!("vocab/en/quoting.txt"),
            WordList::About => include_str!("vocab/en/about.txt"),
        }
    }
}

/// The parsed lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Lists {
    furniture: WordSet,
    /// Furniture phrases, in file order.
    phrases: Vec<Vec<Box<str>>>,
    /// The first words of the phrases, read only through its pre-filter
    /// ([`WordSet::may_contain`]): most words of a block open no phrase and are turned away
    /// before `phrase_index` is asked.
    phrase_starts: WordSet,
    /// The phrases by their first word (indices into `phrases`, in file order): a word that
    /// opens a phrase is compared with the phrases it opens, not with every phrase.
    phrase_index: FxHashMap<Box<str>, Vec<usize>>,
    /// Each phrase's words joined by single spaces, as a norm writes them (indices as
    /// `phrases`): a phrase is found in a norm by comparing bytes.
    phrase_texts: Vec<Box<str>>,
    caption: WordSet,
    credit: WordSet,
    time_units: WordSet,
    time_context: WordSet,
    stamp: WordSet,
    quoting: WordSet,
    about: WordSet,
    /// Every word's [`WordFacts`], built at first use from the lists above.
    facts: LazyFacts,
}

/// What the cleaner's word pass asks of a lower-case word: the languages whose stop words hold
/// it, and which of the cleaner's lists hold it ([`Vocabulary::fact_table`]). One look-up answers
/// what took five (a stop-word table and four lists).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordFacts {
    /// [`crate::text::lang::stop_bits`] of the word.
    pub stop_bits: u64,
    flags: u8,
}

const FACT_FURNITURE: u8 = 1;
const FACT_CAPTION: u8 = 2;
const FACT_ABOUT: u8 = 4;
/// The word is `copyright`.
const FACT_COPYRIGHT: u8 = 8;
/// The word opens a furniture phrase, or is `all` (of `all rights reserved`).
const FACT_OPENS: u8 = 16;
/// The word is in the credit list, or is `media`.
const FACT_CREDIT: u8 = 32;

impl WordFacts {
    pub(crate) fn furniture(self) -> bool {
        self.flags & FACT_FURNITURE != 0
    }
    pub(crate) fn caption(self) -> bool {
        self.flags & FACT_CAPTION != 0
    }
    pub(crate) fn about(self) -> bool {
        self.flags & FACT_ABOUT != 0
    }
    pub(crate) fn copyright(self) -> bool {
        self.flags & FACT_COPYRIGHT != 0
    }
    pub(crate) fn opens(self) -> bool {
        self.flags & FACT_OPENS != 0
    }
    pub(crate) fn credit(self) -> bool {
        self.flags & FACT_CREDIT != 0
    }
}

/// The [`WordFacts`] of every word that has any, as [`crate::text::lang::stop_bits`]' table
/// keeps them: words of one to eight bytes by their packed bytes, others by their text, and a
/// filter by length and first byte that turns most words away before hashing.
#[derive(Debug, Default)]
pub(crate) struct FactTable {
    short: FxHashMap<u64, WordFacts>,
    long: FxHashMap<Box<str>, WordFacts>,
    first: Vec<u64>,
    /// A filter of the short words' keys: bit `key >> 48` is set for each key of `short`
    /// (65,536 bits, 8 KiB). Most words of a page are in no list; one bit, in the L1 cache,
    /// turns them away before the table (too big for it) is probed.
    short_filter: Vec<u64>,
    /// [`Vocabulary::credit_words_are_words`], found once.
    credit_words_are_words: bool,
    /// [`Vocabulary::furniture_words_are_words`], found once.
    furniture_words_are_words: bool,
}

/// Whether every entry of `set` is one word (letters and digits only), as a norm's words are.
fn only_words(set: &WordSet) -> bool {
    set.words()
        .all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric))
}

/// The bit of [`FactTable::short_filter`] for a short word's key.
fn filter_bit(key: u64) -> (usize, u64) {
    let b = (key >> 48) as usize;
    (b / 64, 1u64 << (b % 64))
}

impl FactTable {
    fn of(lists: &Lists) -> FactTable {
        let mut all: FxHashMap<&str, WordFacts> = FxHashMap::default();
        for (w, bits) in crate::text::lang::stop_words_with_bits() {
            all.entry(w).or_default().stop_bits |= bits;
        }
        let opening = lists
            .phrase_index
            .iter()
            .filter(|(_, ids)| !ids.is_empty())
            .map(|(w, _)| &**w);
        let flagged = (lists.furniture.words().map(|w| (w, FACT_FURNITURE)))
            .chain(lists.caption.words().map(|w| (w, FACT_CAPTION)))
            .chain(lists.about.words().map(|w| (w, FACT_ABOUT)))
            .chain(lists.credit.words().map(|w| (w, FACT_CREDIT)))
            .chain([("media", FACT_CREDIT)])
            .chain([("copyright", FACT_COPYRIGHT), ("all", FACT_OPENS)])
            .chain(opening.map(|w| (w, FACT_OPENS)));
        for (w, flag) in flagged {
            all.entry(w).or_default().flags |= flag;
        }
        let mut table = FactTable {
            short_filter: vec![0; 1024],
            credit_words_are_words: only_words(&lists.credit),
            furniture_words_are_words: only_words(&lists.furniture),
            ..FactTable::default()
        };
        for (w, facts) in all {
            if let Some(&b) = w.as_bytes().first() {
                if table.first.len() <= w.len() {
                    table.first.resize(w.len() + 1, 0);
                }
                table.first[w.len()] |= 1u64 << (b % 64);
            }
            match crate::text::lang::pack(w) {
                Some(key) => {
                    let (word, bit) = filter_bit(key);
                    table.short_filter[word] |= bit;
                    table.short.insert(key, facts)
                }
                None => table.long.insert(w.into(), facts),
            };
        }
        table
    }

    /// The facts of `w`, whose [`crate::text::lang::packed_bytes`] are `packed`.
    #[inline]
    pub(crate) fn get(&self, w: &str, packed: Option<u64>) -> WordFacts {
        let Some(&mask) = self.first.get(w.len()) else {
            return WordFacts::default();
        };
        match w.as_bytes().first() {
            Some(&b) if mask & (1u64 << (b % 64)) == 0 => return WordFacts::default(),
            _ => {}
        }
        match packed.map(crate::text::lang::mix) {
            Some(k) => {
                let (word, bit) = filter_bit(k);
                if self.short_filter.get(word).is_none_or(|w| w & bit == 0) {
                    return WordFacts::default();
                }
                self.short.get(&k)
            }
            None => self.long.get(w),
        }
        .copied()
        .unwrap_or_default()
    }
}

/// The lists' [`FactTable`], built once at first use. Not part of the lists' value: equal lists
/// are equal whether or not it was built, and a copy (made to be changed) builds its own.
#[derive(Debug, Default)]
struct LazyFacts(std::sync::OnceLock<FactTable>);

impl Clone for LazyFacts {
    fn clone(&self) -> Self {
        LazyFacts::default()
    }
}

impl PartialEq for LazyFacts {
    fn eq(&self, _: &LazyFacts) -> bool {
        true
    }
}

impl Eq for LazyFacts {}

impl Lists {
    fn set(&mut self, list: WordList) -> &mut WordSet {
        match list {
            WordList::Furniture => &mut self.furniture,
            WordList::Caption => &mut self.caption,
            WordList::Credit => &mut self.credit,
            WordList::TimeUnits => &mut self.time_units,
            WordList::TimeContext => &mut self.time_context,
            WordList::Stamp => &mut self.stamp,
            WordList::Quoting => &mut self.quoting,
            WordList::About => &mut self.about,
        }
    }

    /// Adds entries of `list`: furniture lines of several words are phrases.
    fn add<S: AsRef<str>>(&mut self, list: WordList, words: impl IntoIterator<Item = S>) {
        self.facts = LazyFacts::default();
        let words: Vec<String> = words
            .into_iter()
            .map(|w| w.as_ref().trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        if list == WordList::Furniture {
            let (phrases, single): (Vec<String>, Vec<String>) = words
                .into_iter()
                .partition(|w| w.contains(char::is_whitespace));
            for p in phrases {
                let p: Vec<Box<str>> = p.split_whitespace().map(Box::from).collect();
                if !self.phrases.contains(&p) {
                    self.phrases.push(p);
                }
            }
            self.index_phrases();
            self.furniture.extend(single);
        } else {
            self.set(list).extend(words);
        }
    }

    fn index_phrases(&mut self) {
        self.phrase_starts = WordSet::from_words(self.phrases.iter().map(|p| &p[0]));
        self.phrase_index.clear();
        self.phrase_texts = self.phrases.iter().map(|p| p.join(" ").into()).collect();
        for (i, p) in self.phrases.iter().enumerate() {
            self.phrase_index.entry(p[0].clone()).or_default().push(i);
        }
    }

    fn remove<S: AsRef<str>>(&mut self, list: WordList, words: impl IntoIterator<Item = S>) {
        self.facts = LazyFacts::default();
        let words: Vec<String> = words
            .into_iter()
            .map(|w| w.as_ref().trim().to_lowercase())
            .collect();
        if list == WordList::Furniture {
            self.phrases.retain(|p| {
                !words
                    .iter()
                    .any(|w| w.split_whitespace().eq(p.iter().map(AsRef::as_ref)))
            });
            self.index_phrases();
        }
        self.set(list).remove(words);
    }
}

pub(crate) static ENGLISH: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut lists = Lists::default();
    for list in WordList::ALL {
        lists.add(list, entries(list.english_data()));
    }
    Vocabulary {
        lists: Arc::new(lists),
        months: None,
    }
});

/// The words the cleaner recognises page furniture, captions, picture credits, time stamps and
/// quotes by ([`WordList`]). The built-in lists are English data files read once; a vocabulary is cheap
/// to clone (the lists are shared until changed).
///
/// ```
/// use abridge::article::{Vocabulary, WordList};
/// let v = Vocabulary::english().with_extra_furniture_words(["Abonnieren", "jetzt anmelden"]);
/// assert!(v.contains(WordList::Furniture, "abonnieren"));
/// assert!(v.contains(WordList::Furniture, "jetzt anmelden"));
/// assert!(v.contains(WordList::Furniture, "newsletter"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vocabulary {
    lists: Arc<Lists>,
    /// The month names of the document's language, beyond the English ones (`months.txt`).
    months: Option<Arc<super::date::Months>>,
}

impl Default for Vocabulary {
    /// [`Vocabulary::english`].
    fn default() -> Self {
        Vocabulary::english()
    }
}

impl Vocabulary {
    /// The month names of the vocabulary's language beyond the English ones, if it has any.
    pub(crate) fn months(&self) -> Option<&super::date::Months> {
        self.months.as_deref()
    }

    /// The built-in English lists.
    pub fn english() -> Vocabulary {
        ENGLISH.clone()
    }

    /// The built-in lists for pages in `lang`: the English lists (pages mix English widgets into
    /// any language) plus the language's own furniture words and time-stamp words, where abridge
    /// has them (`article/vocab/<code>/*.txt`: German, French, Spanish, Italian, Portuguese,
    /// Russian). Any other language gets [`Vocabulary::english`].
    ///
    /// ```
    /// use abridge::article::{Vocabulary, WordList};
    /// use abridge::text::lang::Language;
    /// let v = Vocabulary::for_language(Language::German);
    /// assert!(v.contains(WordList::Furniture, "impressum"));
    /// assert!(v.contains(WordList::Furniture, "newsletter"));
    /// assert_eq!(Vocabulary::for_language(Language::English), Vocabulary::english());
    /// ```
    pub fn for_language(lang: crate::text::lang::Language) -> Vocabulary {
        static OTHERS: LazyLock<Vec<(&'static str, Vocabulary)>> = LazyLock::new(|| {
            [
                (
                    "de",
                    include_str!("vocab/de/furniture.txt"),
                    include_str!("vocab/de/stamp.txt"),
                    include_str!("vocab/de/months.txt"),
                    include_str!("vocab/de/about.txt"),
                ),
                (
                    "fr",
                    include_str!("vocab/fr/furniture.txt"),
                    include_str!("vocab/fr/stamp.txt"),
                    include_str!("vocab/fr/months.txt"),
                    "",
                ),
                (
                    "es",
                    include_str!("vocab/es/furniture.txt"),
                    include_str!("vocab/es/stamp.txt"),
                    include_str!("vocab/es/months.txt"),
                    include_str!("vocab/es/about.txt"),
                ),
                (
                    "it",
                    include_str!("vocab/it/furniture.txt"),
                    include_str!("vocab/it/stamp.txt"),
                    include_str!("vocab/it/months.txt"),
                    "",
                ),
                (
                    "pt",
                    include_str!("vocab/pt/furniture.txt"),
                    include_str!("vocab/pt/stamp.txt"),
                    include_str!("vocab/pt/months.txt"),
                    include_str!("vocab/pt/about.txt"),
                ),
                (
                    "ru",
                    include_str!("vocab/ru/furniture.txt"),
                    include_str!("vocab/ru/stamp.txt"),
                    include_str!("vocab/ru/months.txt"),
                    "",
                ),
            ]
            .into_iter()
            .map(|(code, furniture, stamp, months, about)| {
                let mut v = Vocabulary::english()
                    .with_extra(WordList::Furniture, entries(furniture))
                    .with_extra(WordList::Stamp, entries(stamp))
                    .with_extra(WordList::About, entries(about));
                v.months = Some(Arc::new(super::date::Months::parse(months)));
                (code, v)
            })
            .collect()
        });
        OTHERS
            .iter()
            .find(|(code, _)| *code == lang.code())
            .map_or_else(Vocabulary::english, |(_, v)| v.clone())
    }

    /// Lists read from the files of `dir` named by [`WordList::file_name`] (same format as the
    /// built-in ones: one entry a line, `#` comments); a list whose file is missing stays
    /// English.
    ///
    /// # Errors
    ///
    /// A file that exists but cannot be read (or is not UTF-8).
    pub fn from_dir(dir: impl AsRef<Path>) -> std::io::Result<Vocabulary> {
        let mut v = Vocabulary::english();
        for list in WordList::ALL {
            let path = dir.as_ref().join(list.file_name());
            match std::fs::read_to_string(&path) {
                Ok(data) => v = v.with_list(list, &data),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        Ok(v)
    }

    /// `list` replaced by the entries of `data` (in the files' format).
    pub fn with_list(mut self, list: WordList, data: &str) -> Self {
        let lists = Arc::make_mut(&mut self.lists);
        *lists.set(list) = WordSet::default();
        if list == WordList::Furniture {
            lists.phrases.clear();
            lists.index_phrases();
        }
        lists.add(list, entries(data));
        self
    }

    /// `words` added to `list` (lower-cased; furniture entries of several words are phrases).
    pub fn with_extra<S: AsRef<str>>(
        mut self,
        list: WordList,
        words: impl IntoIterator<Item = S>,
    ) -> Self {
        Arc::make_mut(&mut self.lists).add(list, words);
        self
    }

    /// `words` taken out of `list` (furniture phrases too).
    pub fn without<S: AsRef<str>>(
        mut self,
        list: WordList,
        words: impl IntoIterator<Item = S>,
    ) -> Self {
        Arc::make_mut(&mut self.lists).remove(list, words);
        self
    }

    /// `words` added to the furniture words and phrases ([`WordList::Furniture`]).
    pub fn with_extra_furniture_words<S: AsRef<str>>(
        self,
        words: impl IntoIterator<Item = S>,
    ) -> Self {
        self.with_extra(WordList::Furniture, words)
    }

    /// True when `list` holds `entry` (a lower-case word, or a phrase of words separated by
    /// single spaces for [`WordList::Furniture`]).
    pub fn contains(&self, list: WordList, entry: &str) -> bool {
        let l = &*self.lists;
        match list {
            WordList::Furniture if entry.contains(' ') => l
                .phrases
                .iter()
                .any(|p| entry.split(' ').eq(p.iter().map(AsRef::as_ref))),
            WordList::Furniture => l.furniture.contains(entry),
            WordList::Caption => l.caption.contains(entry),
            WordList::Credit => l.credit.contains(entry),
            WordList::TimeUnits => l.time_units.contains(entry),
            WordList::TimeContext => l.time_context.contains(entry),
            WordList::Stamp => l.stamp.contains(entry),
            WordList::Quoting => l.quoting.contains(entry),
            WordList::About => l.about.contains(entry),
        }
    }

    pub(crate) fn is_furniture(&self, lower: &str) -> bool {
        self.lists.furniture.contains(lower)
    }

    /// How many furniture phrases occur in `words` (lower-case words, in order), every
    /// occurrence of every phrase counted.
    #[cfg(test)]
    pub(crate) fn furniture_phrases(&self, words: &[&str]) -> usize {
        (0..words.len())
            .map(|i| self.furniture_phrases_at(&words[i..]))
            .sum()
    }

    /// How many furniture phrases start at the first of `words` (lower-case words, in order):
    /// [`Vocabulary::furniture_phrases`] is the sum over every start. Every phrase compared,
    /// without the index: the tests' reference for [`Vocabulary::furniture_phrases_in`].
    #[cfg(test)]
    pub(crate) fn furniture_phrases_at(&self, rest: &[&str]) -> usize {
        self.lists
            .phrases
            .iter()
            .filter(|p| p.len() <= rest.len() && p.iter().zip(rest).all(|(a, b)| **a == **b))
            .count()
    }

    /// The furniture phrases that `lower` opens (indices for
    /// [`Vocabulary::furniture_phrases_in`]; empty for most words, which the pre-filter turns
    /// away without hashing).
    #[inline]
    pub(crate) fn phrases_opened_by(&self, lower: &str) -> &[usize] {
        let l = &*self.lists;
        if !l.phrase_starts.may_contain(lower) {
            return &[];
        }
        l.phrase_index.get(lower).map_or(&[], Vec::as_slice)
    }

    /// How many of the furniture phrases `ids` ([`Vocabulary::phrases_opened_by`] the first
    /// word) open `rest`, the end of a norm (lower-case words joined by single spaces) from the
    /// start of a word: what `Vocabulary::furniture_phrases_at` counts for the same words,
    /// found by comparing bytes.
    pub(crate) fn furniture_phrases_in(&self, rest: &str, ids: &[usize]) -> usize {
        let texts = &self.lists.phrase_texts;
        ids.iter()
            .filter(|&&i| texts.get(i).is_some_and(|p| starts_with_words(rest, p)))
            .count()
    }

    #[cfg(test)]
    pub(crate) fn is_caption(&self, lower: &str) -> bool {
        self.lists.caption.contains(lower)
    }

    /// Every entry of the credit list is one word (letters and digits only), so a block's
    /// credit words are among its norm's words.
    pub(crate) fn credit_words_are_words(&self) -> bool {
        self.fact_table().credit_words_are_words
    }

    /// Every single-word entry of the furniture list is letters and digits only, so a block's
    /// furniture words are among its norm's words.
    pub(crate) fn furniture_words_are_words(&self) -> bool {
        self.fact_table().furniture_words_are_words
    }

    /// The [`WordFacts`] of `lower` (a lower-case word), whose
    /// [`crate::text::lang::packed_bytes`] are `packed` (`None` when it has none). A word loop
    /// takes the [`Vocabulary::fact_table`] once instead.
    #[cfg(test)]
    pub(crate) fn facts(&self, lower: &str, packed: Option<u64>) -> WordFacts {
        self.fact_table().get(lower, packed)
    }

    /// The lists' [`FactTable`], built at first use: a word loop takes it once, not once a word
    /// (`Vocabulary::facts`, for the tests, asks the `OnceLock` each time).
    pub(crate) fn fact_table(&self) -> &FactTable {
        self.lists
            .facts
            .0
            .get_or_init(|| FactTable::of(&self.lists))
    }

    pub(crate) fn is_credit(&self, lower: &str) -> bool {
        self.lists.credit.contains(lower)
    }

    pub(crate) fn is_time_unit(&self, lower: &str) -> bool {
        self.lists.time_units.contains(lower)
    }

    pub(crate) fn is_time_context(&self, lower: &str) -> bool {
        self.lists.time_context.contains(lower)
    }

    pub(crate) fn is_stamp(&self, lower: &str) -> bool {
        self.lists.stamp.contains(lower)
    }

    #[cfg(test)]
    pub(crate) fn is_about(&self, lower: &str) -> bool {
        self.lists.about.contains(lower)
    }

    pub(crate) fn is_quoting(&self, lower: &str) -> bool {
        self.lists.quoting.contains(lower)
    }
}

/// True when `norm` opens with the words of `words` (both lower-case words joined by single
/// spaces): its bytes, then the end of the norm or a space.
pub(crate) fn starts_with_words(norm: &str, words: &str) -> bool {
    norm.starts_with(words) && norm.as_bytes().get(words.len()).is_none_or(|&b| b == b' ')
}

/// How [`clean_with`](super::clean_with) cleans: for now, the [`Vocabulary`] it recognises
/// furniture by. The default ([`CleanOptions::default`]) is what [`clean`](super::clean) uses.
///
/// ```
/// use abridge::article::{clean, clean_with, CleanOptions, Vocabulary};
/// let p1 = "The harbour board said on Monday that the new quay would not open until the spring, two years later than it had planned, because the contractor had run out of money.";
/// let p2 = "Residents of the old town, who have lived with the noise of the works for three summers, said that they were glad of the delay and hoped the board would rethink the plan.";
/// let text = format!("{p1}\n\nIt was not the first delay.\n\n{p2}\n");
/// assert_eq!(clean(&text), clean_with(&text, &CleanOptions::default()));
/// let kept = |options: &CleanOptions| {
///     clean_with(&text, options).blocks.iter().any(|b| b.text() == "It was not the first delay.")
/// };
/// // A short line between two paragraphs is kept...
/// assert!(kept(&CleanOptions::default()));
/// // ... unless one of its words names furniture.
/// let options = CleanOptions::default()
///     .with_vocabulary(Vocabulary::english().with_extra_furniture_words(["delay"]));
/// assert!(!kept(&options));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CleanOptions {
    /// The word lists that name furniture, captions, credits, time stamps and quotes.
    pub vocabulary: Vocabulary,
}

impl CleanOptions {
    /// The default options: English vocabulary.
    pub fn new() -> Self {
        CleanOptions::default()
    }

    /// Options with `vocabulary`.
    pub fn with_vocabulary(mut self, vocabulary: Vocabulary) -> Self {
        self.vocabulary = vocabulary;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_facts_are_the_lists_and_stop_words_of_the_word() {
        use crate::text::lang::{packed_bytes, stop_bits, stop_words_with_bits};
        // Every word of every list and every stop word, their variants, and words of every
        // length around the eight-byte limit, in the built-in vocabularies and in one with
        // words added and taken out.
        let custom = Vocabulary::english()
            .with_extra_furniture_words(["share now", "abcdefgh", "abcdefghi", "über"])
            .without(WordList::Caption, ["photo"]);
        let mut vocabs = vec![Vocabulary::english(), custom];
        for (lang, _) in crate::text::lang::Language::ALL {
            vocabs.push(Vocabulary::for_language(lang));
        }
        let mut words: Vec<String> = stop_words_with_bits().map(|(w, _)| w.to_string()).collect();
        for v in &vocabs {
            for list in [
                &v.lists.furniture,
                &v.lists.caption,
                &v.lists.about,
                &v.lists.credit,
            ] {
                words.extend(list.words().map(str::to_string));
            }
            words.extend(v.lists.phrase_index.keys().map(|w| w.to_string()));
        }
        for w in words.clone() {
            words.push(format!("{w}s"));
            words.push(w.chars().skip(1).collect());
        }
        words.extend(
            [
                "",
                "a",
                "all",
                "copyright",
                "photo",
                "abcdefgh",
                "abcdefghi",
                "x\0",
            ]
            .map(String::from),
        );
        let mut checked = 0;
        for v in &vocabs {
            for w in &words {
                let f = v.facts(w, packed_bytes(w));
                assert_eq!(f.stop_bits, stop_bits(w), "{w:?}");
                assert_eq!(f.furniture(), v.is_furniture(w), "{w:?}");
                assert_eq!(f.caption(), v.is_caption(w), "{w:?}");
                assert_eq!(f.about(), v.is_about(w), "{w:?}");
                assert_eq!(f.copyright(), w == "copyright", "{w:?}");
                assert_eq!(
                    f.opens(),
                    !v.phrases_opened_by(w).is_empty() || w == "all",
                    "{w:?}"
                );
                assert_eq!(f.credit(), v.is_credit(w) || w == "media", "{w:?}");
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn the_english_lists_are_read() {
        let en = Vocabulary::english();
        assert!(en.contains(WordList::Furniture, "newsletter"));
        assert!(en.contains(WordList::Furniture, "all rights reserved"));
        assert!(!en.contains(WordList::Furniture, "sign"));
        assert!(en.contains(WordList::Caption, "photo"));
        assert!(en.contains(WordList::Credit, "source"));
        assert!(en.contains(WordList::TimeUnits, "hrs"));
        assert!(en.contains(WordList::TimeContext, "ago"));
        assert!(en.contains(WordList::Stamp, "posted"));
        assert!(en.contains(WordList::Quoting, "told"));
        assert_eq!(en.lists.furniture.iter().count(), 40);
        assert_eq!(en.lists.phrases.len(), 37);
    }

    #[test]
    fn phrases_are_counted_at_every_occurrence() {
        let en = Vocabulary::english();
        let words = [
            "sign", "in", "or", "sign", "up", "to", "read", "more", "sign",
        ];
        assert_eq!(en.furniture_phrases(&words), 3);
        assert_eq!(en.furniture_phrases(&["sign"]), 0);
    }

    #[test]
    fn lists_are_replaced_extended_and_shrunk() {
        let v = Vocabulary::english()
            .with_list(WordList::Caption, "# mine\nfoto\n")
            .with_extra(WordList::Furniture, ["Read Later"])
            .without(WordList::Furniture, ["newsletter", "sign in"]);
        assert!(v.contains(WordList::Caption, "foto") && !v.contains(WordList::Caption, "photo"));
        assert!(v.contains(WordList::Furniture, "read later"));
        assert_eq!(v.furniture_phrases(&["read", "later"]), 1);
        assert!(!v.contains(WordList::Furniture, "newsletter"));
        assert_eq!(v.furniture_phrases(&["sign", "in"]), 0);
        // The English lists are untouched.
        assert!(Vocabulary::english().contains(WordList::Caption, "photo"));
    }

    #[test]
    fn lists_are_read_from_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("furniture.txt"), "abonnieren\n").unwrap();
        let v = Vocabulary::from_dir(dir.path()).unwrap();
        assert!(v.contains(WordList::Furniture, "abonnieren"));
        assert!(!v.contains(WordList::Furniture, "subscribe"));
        assert!(
            v.contains(WordList::Caption, "photo"),
            "missing files stay English"
        );
    }

    const P1: &str = "The harbour board said on Monday that the new quay would not open until the spring, two years later than it had planned, because the contractor that was building it had run out of money.";
    const P2: &str = "Residents of the old town, who have lived with the noise of the works for three summers, said that they were glad of the delay and that they hoped the board would use it to rethink the plan.";

    fn kept(text: &str, vocabulary: Vocabulary) -> Vec<String> {
        let options = CleanOptions::new().with_vocabulary(vocabulary);
        super::super::clean_with(text, &options)
            .blocks
            .iter()
            .map(|b| b.text().into_owned())
            .collect()
    }

    #[test]
    fn an_extra_furniture_word_drops_a_line_kept_by_default() {
        let line = "It was not the first delay.";
        let text = format!("{P1}\n\n{line}\n\n{P2}\n");
        assert_eq!(kept(&text, Vocabulary::english()), [P1, line, P2]);
        let v = Vocabulary::english().with_extra_furniture_words(["delay"]);
        assert_eq!(kept(&text, v), [P1, P2]);
        // A phrase counts as a whole: its words alone do not.
        let v = Vocabulary::english().with_extra_furniture_words(["first delay"]);
        assert_eq!(kept(&text, v), [P1, P2]);
        let v = Vocabulary::english().with_extra_furniture_words(["second delay"]);
        assert_eq!(kept(&text, v), [P1, line, P2]);
    }

    #[test]
    fn a_word_taken_out_keeps_a_line_dropped_by_default() {
        let line = "Share the story with your friends.";
        let text = format!("{P1}\n\n{line}\n\n{P2}\n");
        assert_eq!(kept(&text, Vocabulary::english()), [P1, P2]);
        let v = Vocabulary::english().without(WordList::Furniture, ["share"]);
        assert_eq!(kept(&text, v), [P1, line, P2]);
    }

    #[test]
    fn time_words_make_time_lines() {
        let line = "Vor 2 Stunden aktualisiert";
        let text = format!("{P1}\n\n{line}\n\n{P2}\n");
        let v = Vocabulary::english()
            .with_extra(WordList::TimeUnits, ["stunden"])
            .with_extra(WordList::TimeContext, ["vor", "aktualisiert"]);
        assert_eq!(kept(&text, Vocabulary::english()), [P1, line, P2]);
        assert_eq!(kept(&text, v), [P1, P2]);
    }
}
