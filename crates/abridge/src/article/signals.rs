//! The signals measured on one block, each computed from its text alone (context comes later, in
//! [`super::classify`]).

use super::date::{self, find_dates_in};
use super::vocab::{starts_with_words, Vocabulary, WordFacts};
use super::wrap::ends_sentence;
use crate::text::lang::{for_each_word, packed_bytes};
#[cfg(test)]
use crate::text::split_spaces;

/// Symbols that only furniture uses.
const FURNITURE_SYMBOLS: &[char] = &['©', '®', '»', '›', '|'];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signals {
    /// Characters of the trimmed text.
    pub chars: u32,
    pub words: u32,
    /// Words that are stop words of the page's language.
    pub stops: u32,
    /// Words that start with a lower-case letter.
    pub lower: u32,
    /// Words that start with a letter.
    pub alpha: u32,
    /// Words of four letters or more that start with a capital.
    pub capitalised_long: u32,
    /// Words of four letters or more.
    pub long: u32,
    /// Characters of scripts written without spaces between words (CJK, Thai).
    pub unspaced: u32,
    /// Ends with sentence punctuation.
    pub sentence_end: bool,
    /// Starts with a capital, a digit or an opening quote.
    pub proper_start: bool,
    /// Furniture words and phrases found.
    pub furniture: u32,
    /// Copyright marks found: `©`, `copyright`, `all rights reserved`.
    pub copyright: u32,
    /// Furniture symbols found.
    pub symbols: u32,
    /// Caption words found.
    pub caption: u32,
    /// Words that are part of a date; counted only where they can matter
    /// ([`Signals::date_words_matter`]), 0 elsewhere.
    pub date_words: u32,
    /// Whole text in parentheses or brackets.
    pub parenthesised: bool,
    /// Ends with `...` or `…` after a word or a space (not after punctuation): a cut-off teaser.
    pub truncated: bool,
    /// Ends with `says` or `says:` (comment author lines).
    pub says: bool,
    /// Ends with a picture credit (`Credit: ...`, `(Image: ...)`, `Photo by ...`): a caption.
    pub credit_tail: bool,
    /// Starts like a caption label: `Image caption`, `Photo:`, `Media caption,`.
    pub caption_start: bool,
    /// Starts with `By` and a capitalised word: a byline.
    pub byline: bool,
    /// A time stamp, a relative time or a reading time and nothing else: `14.22 BST`,
    /// `Updated 2 hours ago`, `2h ago`, `5 min read`.
    pub time_line: bool,
    /// Opens with a label of at most three words ending with a colon, one of them a furniture
    /// word: `Disclaimer:`, `Privacy Notice:`, `Advertisement:`.
    pub furniture_label: bool,
    /// Opens with `About` and is at most [`ABOUT_WORDS`] words: `About the author`,
    /// `About Example Corp`, the heading of the boilerplate after a press release or a bio.
    pub about: bool,
    /// E-mail addresses: contact lines, tip lines, author bios.
    pub emails: u32,
    /// No lower-case letter anywhere.
    pub caps: bool,
    /// Sentence boundaries inside the text: `.`, `!` or `?` after a word of three letters or
    /// more with a lower-case letter (not `Dr.` nor `U.S.`), then a space and a capital.
    pub inner_sentences: u32,
}

impl Signals {
    /// The signals of `text`, whose words `norm` is ([`normalise`]d once by the caller, who
    /// keeps it to compare blocks) and `stops` of them stop words of the page's language, with
    /// the word lists of `vocab`.
    ///
    /// `shapes`, when given, are the [`Shapes`] [`normalise_shaped`] counted for `text` (so
    /// that its words are not walked again here). The tests' entry: the cleaner takes the
    /// word-list counts in its own pass and calls [`Signals::counted`].
    #[cfg(test)]
    pub fn of(
        text: &str,
        norm: &str,
        stops: usize,
        shapes: Option<Shapes>,
        vocab: &Vocabulary,
    ) -> Signals {
        Signals::counted(text, stops, shapes, ListCounts::of_norm(norm, vocab), vocab)
    }

    /// The signals of `text` with the word-list counts of its norm already taken
    /// ([`ListCounter`], in the caller's pass over its words); otherwise as `Signals::of`.
    pub(crate) fn counted(
        text: &str,
        stops: usize,
        shapes: Option<Shapes>,
        counts: ListCounts,
        vocab: &Vocabulary,
    ) -> Signals {
        let t = text.trim();
        // The norm's pass found the text ASCII (so is its trimmed part) or not.
        let ascii = shapes.is_some() || t.is_ascii();
        let mut s = Signals {
            chars: count32(if ascii { t.len() } else { t.chars().count() }),
            sentence_end: ends_sentence(t),
            ..Signals::default()
        };
        s.proper_start = t
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'«(¿¡".contains(c));
        s.unspaced = if ascii {
            0
        } else {
            count32(t.chars().filter(|&c| unspaced_script(c)).count())
        };
        // Case is read from the original text: walk its words in step (unless the norm's pass
        // counted them already).
        if let Some(sh) = shapes {
            s.alpha = count32(sh.alpha);
            s.lower = count32(sh.lower);
            s.long = count32(sh.long);
            s.capitalised_long = count32(sh.capitalised_long);
        } else if ascii {
            // ASCII fast path: the same counts over bytes, word by word (runs of ASCII letters
            // and digits).
            let b = t.as_bytes();
            let mut i = 0;
            while i < b.len() {
                let first = b[i];
                i += 1;
                if !first.is_ascii_alphanumeric() {
                    continue;
                }
                let start = i - 1;
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                if first.is_ascii_alphabetic() {
                    s.alpha += 1;
                    if first.is_ascii_lowercase() {
                        s.lower += 1;
                    }
                    if i - start >= 4 {
                        s.long += 1;
                        if first.is_ascii_uppercase() {
                            s.capitalised_long += 1;
                        }
                    }
                }
            }
        }
        // Other text: by characters (nothing to walk when the fast path counted).
        let rest = if ascii || shapes.is_some() { "" } else { t };
        for w in rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let Some(first) = w.chars().next() else {
                continue;
            };
            if first.is_alphabetic() {
                s.alpha += 1;
                if first.is_lowercase() {
                    s.lower += 1;
                }
                if w.chars().count() >= 4 {
                    s.long += 1;
                    if first.is_uppercase() {
                        s.capitalised_long += 1;
                    }
                }
            }
        }
        s.stops = count32(stops);
        let ListCounts {
            words,
            furniture,
            copyright,
            caption,
            credit,
            first_is_about,
        } = counts;
        s.words = count32(words);
        s.furniture = count32(furniture);
        s.caption = count32(caption);
        s.copyright = count32(if ascii { 0 } else { t.matches('©').count() } + copyright);
        s.symbols = if ascii {
            // `|` is the one ASCII symbol of the list; most blocks have none, which `memchr`
            // tells faster than a count.
            if memchr::memchr(b'|', t.as_bytes()).is_some() {
                count32(t.bytes().filter(|&b| b == b'|').count())
            } else {
                0
            }
        } else {
            count32(t.chars().filter(|c| FURNITURE_SYMBOLS.contains(c)).count())
        };
        if s.date_words_matter(t) {
            for d in find_dates_in(t, vocab.months()) {
                let mut n = 0;
                for_each_word(t.get(d.start..d.end).unwrap_or(""), |_| n += 1);
                s.date_words += n;
            }
        }
        s.parenthesised =
            (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']'));
        let cut = t
            .strip_suffix("...")
            .or_else(|| t.strip_suffix('…'))
            .unwrap_or("");
        s.truncated = !cut.is_empty() && cut.ends_with(|c: char| c.is_alphanumeric() || c == ' ');
        s.inner_sentences = count32(inner_sentences_in(t, ascii));
        // A time line has a word that starts with a digit: a block whose words all start with
        // a letter (most) has none.
        s.time_line = !(shapes.is_some() && s.alpha == s.words) && time_line(t, vocab);
        s.caps = if ascii {
            !t.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            !t.chars().any(char::is_lowercase)
        };
        s.emails = if memchr::memchr(b'@', t.as_bytes()).is_some() {
            count32(t.split_whitespace().filter(|w| is_email(w)).count())
        } else {
            0
        };
        // A label is a furniture word, one of the block's words when the list holds only words:
        // a block without one (most) is not searched.
        s.furniture_label =
            (furniture > 0 || !vocab.furniture_words_are_words()) && furniture_label(t, vocab);
        s.about = first_is_about == Some(true) && (2..=ABOUT_WORDS).contains(&s.words);
        // Both need a credit word (or `media`), which is one of the block's words when the
        // credit list holds only words: a block without one (most) is not searched.
        let credit_words = credit > 0 || !vocab.credit_words_are_words();
        s.credit_tail = credit_words && credit_tail(t, vocab);
        s.caption_start = credit_words && caption_start(t, vocab);
        let mut first_two = t.split_whitespace();
        s.byline = first_two
            .next()
            .is_some_and(|w| w == "By" || w == "by" || w == "BY")
            && first_two
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        // Only the last five characters can make ` says` (lower-casing maps no other character
        // to ASCII letters and a space), so only they are lower-cased.
        let end = t.trim_end_matches(':');
        let tail = end.char_indices().rev().nth(4).map_or(0, |(i, _)| i);
        s.says = with_lower(&end[tail..], |l| {
            l.ends_with(" says") || l.ends_with(" said")
        });
        s
    }

    /// Whether the date words of block `text`, whose words are counted, can change what is
    /// read from the signals: in a block short enough to be a title or to give the publication
    /// date, or one that [`date::most_date_words`] allows to be a date line. Most paragraphs
    /// are neither and are not searched for dates (their `date_words` stay 0).
    fn date_words_matter(&self, text: &str) -> bool {
        self.words <= TITLE_MAX_WORDS.max(super::DATE_MAX_WORDS)
            || date::most_date_words(text) + DATE_LINE_OTHER_WORDS as usize >= self.words as usize
    }

    /// Share of the words that are stop words.
    pub fn density(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stops as f32 / self.words as f32
        }
    }

    /// Share of the alphabetic words that start with a lower-case letter.
    pub fn lower_share(&self) -> f32 {
        if self.alpha == 0 {
            0.0
        } else {
            self.lower as f32 / self.alpha as f32
        }
    }

    /// Mostly written in a script without spaces: word counts and stop words say nothing.
    pub fn is_unspaced(&self) -> bool {
        self.unspaced * 2 > self.chars
    }

    /// Capitalised Like A Headline: most words of four letters or more start with a capital.
    pub fn title_case(&self) -> bool {
        !self.is_unspaced() && self.long >= 2 && self.capitalised_long * 10 >= self.long * 7
    }

    /// A line that reads like a heading or headline: a few words, a proper start, no sentence
    /// punctuation at the end (a question or exclamation mark is allowed).
    pub fn title_like(&self, text: &str) -> bool {
        let t = text
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', '`']);
        let max_chars = if self.is_unspaced() { 60 } else { 160 };
        self.words >= 1
            && self.words <= TITLE_MAX_WORDS
            && self.chars <= max_chars
            && self.proper_start
            && !t.ends_with(['.', ',', ';', ':', '…'])
            && self.date_words == 0
            && !self.parenthesised
            && self.inner_sentences == 0
    }

    /// Mostly a date (and a few words such as `Posted on` or a time): a dateline or byline. A
    /// time stamp or a relative time alone counts too.
    pub fn date_line(&self) -> bool {
        self.time_line
            || self.date_words > 0
                && self.words <= self.date_words + DATE_LINE_OTHER_WORDS
                && !self.sentence_end
            || self.date_words > 0 && self.words <= self.date_words + 4
    }

    /// Every letter in capitals (and at least one letter).
    pub fn all_caps(&self) -> bool {
        self.alpha > 0 && self.caps
    }

    /// No letter at all: counters, times, page numbers, `1` of a ranked list.
    pub fn no_letters(&self) -> bool {
        self.alpha == 0 && self.unspaced == 0
    }
}

/// The word-list counts of a block: its words, the furniture words and phrases, the copyright
/// marks written as words, the caption words, and whether the first word opens an `About`
/// heading (`None` without words).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ListCounts {
    pub words: usize,
    pub furniture: usize,
    pub copyright: usize,
    pub caption: usize,
    /// Words of the credit list, or `media` (a block without one has no credit line:
    /// [`Vocabulary::credit_words_are_words`]).
    pub credit: usize,
    pub first_is_about: Option<bool>,
}

impl ListCounts {
    /// The counts of `norm`'s words (lower-case, joined by single spaces).
    #[cfg(test)]
    pub(crate) fn of_norm(norm: &str, vocab: &Vocabulary) -> ListCounts {
        let mut counter = ListCounter::new(vocab);
        for w in split_spaces(norm).filter(|w| !w.is_empty()) {
            counter.word(w);
        }
        counter.finish(norm)
    }

    /// The same counts by the plain definition, each word compared with every phrase that
    /// could start at it over the words that follow: the reference for the tests.
    #[cfg(test)]
    pub(crate) fn reference(norm: &str, vocab: &Vocabulary) -> ListCounts {
        let all: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        let mut c = ListCounts {
            words: all.len(),
            first_is_about: all.first().map(|w| vocab.is_about(w)),
            ..ListCounts::default()
        };
        for i in 0..all.len() {
            let (w, rest) = (all[i], &all[i..]);
            c.furniture += usize::from(vocab.is_furniture(w)) + vocab.furniture_phrases_at(rest);
            c.caption += usize::from(vocab.is_caption(w));
            c.credit += usize::from(vocab.is_credit(w) || w == "media");
            c.copyright += usize::from(
                w == "copyright"
                    || w == "all" && rest.get(1..3) == Some(&["rights", "reserved"][..]),
            );
        }
        c
    }
}

/// [`ListCounts`] taken one word at a time, in the pass that writes a block's norm, so that
/// the norm's words are not split again: single words are looked up as they come; the words
/// that open phrases are remembered by their offset in the norm, with their phrases, and the
/// phrases compared with the norm's bytes once it is written ([`ListCounter::finish`]).
pub(crate) struct ListCounter<'v> {
    vocab: &'v Vocabulary,
    counts: ListCounts,
    /// Byte offset in the norm of the next word.
    at: usize,
    /// Offsets of the words that open phrases (or `all rights reserved`), with those phrases.
    starts: Vec<(usize, &'v [usize])>,
}

impl<'v> ListCounter<'v> {
    pub(crate) fn new(vocab: &'v Vocabulary) -> Self {
        ListCounter {
            vocab,
            counts: ListCounts::default(),
            at: 0,
            starts: Vec::new(),
        }
    }

    /// The next word of the norm (lower-case).
    #[cfg(test)]
    pub(crate) fn word(&mut self, w: &str) {
        let facts = self.vocab.facts(w, packed_bytes(w));
        self.word_with(w, facts);
    }

    /// Counts word `w`, whose facts are already looked up ([`super::vocab::FactTable::get`]).
    #[inline]
    pub(crate) fn word_with(&mut self, w: &str, facts: WordFacts) {
        let c = &mut self.counts;
        if c.first_is_about.is_none() {
            c.first_is_about = Some(facts.about());
        }
        c.words += 1;
        c.furniture += usize::from(facts.furniture());
        c.caption += usize::from(facts.caption());
        c.credit += usize::from(facts.credit());
        c.copyright += usize::from(facts.copyright());
        if facts.opens() {
            self.starts.push((self.at, self.vocab.phrases_opened_by(w)));
        }
        self.at += w.len() + 1;
    }

    /// The counts of the words given since the last call, whose norm is `norm`; ready for the
    /// next block.
    pub(crate) fn finish(&mut self, norm: &str) -> ListCounts {
        let mut c = std::mem::take(&mut self.counts);
        for &(at, phrases) in &self.starts {
            let rest = norm.get(at..).unwrap_or("");
            c.furniture += self.vocab.furniture_phrases_in(rest, phrases);
            c.copyright += usize::from(starts_with_words(rest, "all rights reserved"));
        }
        self.starts.clear();
        self.at = 0;
        c
    }
}

/// Most words of a block that reads like a title ([`Signals::title_like`]).
const TITLE_MAX_WORDS: u32 = 24;

/// Most words other than date words in a date line without sentence punctuation
/// ([`Signals::date_line`]).
const DATE_LINE_OTHER_WORDS: u32 = 10;

/// Most words of a time stamp, relative time or reading time line.
const TIME_LINE_WORDS: usize = 6;

/// True when `t` is a time stamp, a relative time or a reading time and nothing else: at most
/// [`TIME_LINE_WORDS`] words, each a number, a clock time (`14.22`, `9:15`), a number with a
/// unit (`2h`), a time unit, a time-zone abbreviation (`BST`, `ET`) or a word such as `ago`,
/// `read` or `updated`; and a clock time, or a number with a unit.
fn time_line(t: &str, vocab: &Vocabulary) -> bool {
    let mut clock = false;
    let mut number = false;
    let mut unit_after_number = false;
    // Walked without collecting: a word that fails returns false, as more than
    // `TIME_LINE_WORDS` words would.
    let mut count = 0;
    for w in t.split_whitespace() {
        count += 1;
        if count > TIME_LINE_WORDS {
            return false;
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let lower = lower_without_dots(w);
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        if digits > 0
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        {
            if w.contains([':', '.']) {
                clock = true;
            }
            number = true;
            continue;
        }
        if digits > 0 {
            // `2h`, `10min`, `5pm`
            let suffix = lower.get(digits..).unwrap_or("");
            if vocab.is_time_unit(suffix) || suffix == "am" || suffix == "pm" {
                unit_after_number = true;
                continue;
            }
            return false;
        }
        if vocab.is_time_unit(&lower) {
            unit_after_number |= number;
            continue;
        }
        if vocab.is_time_context(&lower) {
            continue;
        }
        let zone = (2..=4).contains(&w.len())
            && w.chars().all(|c| c.is_ascii_uppercase())
            && (w.ends_with('T') || w == "UTC");
        if zone {
            continue;
        }
        return false;
    }
    count > 0 && (clock || unit_after_number)
}

/// `w.to_lowercase().replace('.', "")`, without the second copy (and for an ASCII word without
/// capitals or dots, without any).
fn lower_without_dots(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase() || b == b'.') {
            return std::borrow::Cow::Borrowed(w);
        }
        let mut out = String::with_capacity(w.len());
        out.extend(
            w.chars()
                .filter(|&c| c != '.')
                .map(|c| c.to_ascii_lowercase()),
        );
        return std::borrow::Cow::Owned(out);
    }
    std::borrow::Cow::Owned(w.to_lowercase().replace('.', ""))
}

/// Most words of an `About …` heading.
pub const ABOUT_WORDS: u32 = 6;

/// True when `t` opens with a label of at most three words ending with a colon, one of them a
/// furniture word (`Disclaimer:`, `Privacy Notice:`).
fn furniture_label(t: &str, vocab: &Vocabulary) -> bool {
    let mut first = [""; 3];
    let mut n = 0;
    for w in t.split_whitespace().take(3) {
        first[n] = w;
        n += 1;
    }
    let words = &first[..n];
    // A label ends with a colon among the first three words: without one (most blocks) there
    // is nothing to look up.
    if !words.iter().any(|w| w.ends_with(':')) {
        return false;
    }
    for (k, w) in words.iter().enumerate() {
        if with_lower(w.trim_end_matches(':'), |bare| vocab.is_furniture(bare)) {
            return words[k..].iter().any(|w| w.ends_with(':'));
        }
        if w.ends_with(':') {
            return false;
        }
    }
    false
}

/// True when `w` (a whitespace-separated token) is an e-mail address: a local part, `@`, and a
/// domain with a dot inside it.
fn is_email(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((local, domain)) = w.split_once('@') else {
        return false;
    };
    let domain_ok = domain.split('.').filter(|part| !part.is_empty()).count() >= 2
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    !local.is_empty() && !local.contains('@') && domain_ok
}

/// True when one of the last few words of `t` opens a picture credit: a credit word followed by
/// a colon or by `by`, with at most `CREDIT_TAIL_WORDS` (6) words after it.
pub(crate) fn credit_tail(t: &str, vocab: &Vocabulary) -> bool {
    const CREDIT_TAIL_WORDS: usize = 6;
    // Only the last words count: keep those (on the stack: this runs for every block), not
    // every word of a block that may be a whole document on one line.
    let mut last = [""; CREDIT_TAIL_WORDS + 1];
    let n = last_words(t, &mut last);
    let words = &mut last[..n];
    words.reverse();
    for (k, w) in words.iter().enumerate() {
        let bare = w.trim_start_matches(['(', '[']);
        let (word, colon) = match bare.strip_suffix(':') {
            Some(x) => (x, true),
            None => (bare, false),
        };
        // The colon or the `by` first: most words have neither, and need no look-up.
        let by = || {
            words
                .get(k + 1)
                .is_some_and(|n| n.eq_ignore_ascii_case("by"))
        };
        if (colon || by()) && with_lower(word, |lower| vocab.is_credit(lower)) {
            return true;
        }
    }
    false
}

/// Puts the last words of `t` (as `split_whitespace` has them), last first, into `out`, as
/// many as it holds or `t` has; returns how many.
fn last_words<'t>(t: &'t str, out: &mut [&'t str]) -> usize {
    // By bytes from the end while they are ASCII (its white space: space and 9 to 13); a byte
    // outside ASCII among the last words (which may be or hold white space) sends the whole
    // search to the characters.
    let b = t.as_bytes();
    let white = |c: u8| c == b' ' || (9..=13).contains(&c);
    let mut n = 0;
    let mut end = b.len();
    while n < out.len() {
        while end > 0 && b[end - 1] < 0x80 && white(b[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            return n;
        }
        let mut start = end;
        while start > 0 && b[start - 1] < 0x80 && !white(b[start - 1]) {
            start -= 1;
        }
        if (start > 0 && b[start - 1] >= 0x80) || b[end - 1] >= 0x80 {
            break;
        }
        out[n] = &t[start..end];
        n += 1;
        end = start;
    }
    if n == out.len() {
        return n;
    }
    let mut n = 0;
    for w in t.split_whitespace().rev().take(out.len()) {
        out[n] = w;
        n += 1;
    }
    n
}

/// True when `t` opens with a caption label: a credit word (or `media`) followed by
/// `caption` or a colon.
pub(crate) fn caption_start(t: &str, vocab: &Vocabulary) -> bool {
    let mut words = t.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let (word, colon) = match first.strip_suffix(':') {
        Some(w) => (w, true),
        None => (first.trim_end_matches(','), false),
    };
    if !with_lower(word, |lower| vocab.is_credit(lower) || lower == "media") {
        return false;
    }
    colon
        || words.next().is_some_and(|w| {
            w.trim_end_matches([',', ':'])
                .eq_ignore_ascii_case("caption")
        })
}

/// `f` of `word.to_lowercase()`, without allocating for an ASCII word of up to 32 bytes (its
/// lower case is its ASCII lower case): the cleaner looks up the first and last words of every
/// block this way.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    // Already lower case: no copy (nor a UTF-8 check of the copy).
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return f(word);
    }
    if word.len() <= MAX && word.is_ascii() {
        let mut buf = [0u8; MAX];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// `s.split(' ')`, by a byte loop: the pieces of a norm are short words, for which `memchr`
/// (what `split` uses) costs more than it saves.
/// A count as a [`Signals`] field: `u32` (a page's counts fit; a larger one saturates), so that
/// a page of a million blocks keeps its signals in half the room.
pub(crate) fn count32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
fn inner_sentences(t: &str) -> usize {
    inner_sentences_in(t, t.is_ascii())
}

/// How many sentence boundaries `t` holds ([`Signals::inner_sentences`]); `ascii` says whether
/// `t` is ASCII.
fn inner_sentences_in(t: &str, ascii: bool) -> usize {
    if ascii {
        // ASCII fast path: characters are bytes.
        let b = t.as_bytes();
        let mut n = 0;
        if b.len() <= 3 {
            return 0;
        }
        for i in memchr::memchr3_iter(b'.', b'!', b'?', &b[1..b.len() - 2]).map(|i| i + 1) {
            if b[i + 1] != b' ' {
                continue;
            }
            if !b[i + 2].is_ascii_uppercase() && !matches!(b[i + 2], b'"' | b'\'') {
                continue;
            }
            let word = b[..i].iter().rev().take_while(|c| c.is_ascii_alphabetic());
            let (mut len, mut lower) = (0, false);
            for c in word {
                len += 1;
                lower |= c.is_ascii_lowercase();
            }
            if len >= 3 && lower {
                n += 1;
            }
        }
        return n;
    }
    let chars: Vec<char> = t.chars().collect();
    let mut n = 0;
    for i in 1..chars.len().saturating_sub(2) {
        if !matches!(chars[i], '.' | '!' | '?') || chars[i + 1] != ' ' {
            continue;
        }
        if !chars[i + 2].is_uppercase() && !"\"“‘'".contains(chars[i + 2]) {
            continue;
        }
        let word: Vec<char> = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .copied()
            .collect();
        if word.len() >= 3 && word.iter().any(|c| c.is_lowercase()) {
            n += 1;
        }
    }
    n
}

/// Scripts written without spaces between words.
fn unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0x0E00..=0x0E7F // Thai
        | 0xF900..=0xFAFF)
}

/// The text reduced to its lower-case words separated by single spaces, for finding repeats.
#[cfg(test)]
pub fn normalise(text: &str) -> String {
    normalise_with(text, |_| {})
}

/// The case and length counts of the words of an ASCII text (runs of ASCII letters and digits),
/// as [`Signals::counted`] counts them: found by [`normalise_shaped`] in its pass over the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shapes {
    alpha: usize,
    lower: usize,
    long: usize,
    capitalised_long: usize,
}

/// [`normalise`], calling `each` with every word on the way (one pass over the text).
#[cfg(test)]
pub fn normalise_with(text: &str, mut each: impl FnMut(&str)) -> String {
    normalise_shaped(text, |w, _| each(w)).0
}

/// `normalise_with` (the tests' reference), and for ASCII text the [`Shapes`] of its words, counted in the same pass
/// (`None` for other text: [`Signals::counted`] counts those by characters). The ASCII words are
/// lower-cased straight into the norm, one table look-up per byte. `each` is given every word
/// with its [`packed_bytes`].
pub fn normalise_shaped(
    text: &str,
    mut each: impl FnMut(&str, Option<u64>),
) -> (String, Option<Shapes>) {
    use crate::text::lang::{AsciiEight, ASCII_CLASS, ASCII_DIGIT, ASCII_LOWER, ASCII_UPPER};
    if text.is_ascii() {
        let b = text.as_bytes();
        // The norm is never longer than the text (one space stands for one or more bytes
        // between words): written by index, then cut to length.
        let mut out = vec![0u8; b.len()];
        let mut n = 0;
        let mut sh = Shapes::default();
        let mut i = 0;
        while i < b.len() {
            let first = ASCII_CLASS[usize::from(b[i])];
            if first == 0 {
                i += 1;
                continue;
            }
            if n > 0 {
                out[n] = b' ';
                n += 1;
            }
            let start = i;
            let mut capital = false;
            // The word's first eight bytes, lower-cased, packed little-endian as they are read
            // (read back from the norm, they stalled on store forwarding).
            let mut packed = 0u64;
            // Eight bytes a step while eight remain: the word's bytes among them lower-cased
            // into the norm (the bytes written past the word are overwritten or cut off later:
            // the norm is never ahead of the text, so eight bytes fit).
            while let Some(eight) = AsciiEight::at(b, i) {
                capital |= eight.capital;
                if i == start {
                    packed = eight.word();
                }
                out[n..n + 8].copy_from_slice(&eight.lowered.to_le_bytes());
                n += eight.run;
                i += eight.run;
                if eight.run < 8 {
                    break;
                }
            }
            // The last bytes of the text, one at a time.
            if b.len() - i < 8 {
                while i < b.len() {
                    let c = ASCII_CLASS[usize::from(b[i])];
                    if c == 0 {
                        break;
                    }
                    capital |= c == ASCII_UPPER;
                    // A capital's bit 5 set lower-cases it; other classes leave the byte alone.
                    let lowered = b[i] | ((c & ASCII_UPPER) << 3);
                    if i - start < 8 {
                        packed |= u64::from(lowered) << (8 * (i - start));
                    }
                    out[n] = lowered;
                    n += 1;
                    i += 1;
                }
            }
            if first != ASCII_DIGIT {
                sh.alpha += 1;
                if first == ASCII_LOWER {
                    sh.lower += 1;
                }
                if i - start >= 4 {
                    sh.long += 1;
                    if first == ASCII_UPPER {
                        sh.capitalised_long += 1;
                    }
                }
            }
            let packed = (i - start <= 8).then_some(packed);
            // The word as a `str`: the text's own bytes when it has no capital.
            let word = &text[start..i];
            if !capital {
                each(word, packed);
            } else {
                // Its lower case is what the norm has just received: no copy.
                let lower = &out[n - (i - start)..n];
                debug_assert!(lower.is_ascii());
                // SAFETY: `text` is ASCII, and every byte the norm receives is one of its bytes,
                // a capital lower-cased (bit 5 set) or a space: ASCII, so valid UTF-8.
                each(unsafe { std::str::from_utf8_unchecked(lower) }, packed);
            }
        }
        out.truncate(n);
        debug_assert!(out.is_ascii());
        // SAFETY: as above, the norm is ASCII throughout: valid UTF-8 (checking it again was
        // 3% of `clean`'s time).
        let out = unsafe { String::from_utf8_unchecked(out) };
        return (out, Some(sh));
    }
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        each(w, packed_bytes(w));
    });
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::XorShift;

    #[test]
    fn signals_with_the_norm_pass_shortcuts_are_the_signals_without() {
        // Random blocks of time stamps, labels, digits and words: the signals taken with the
        // norm's shapes (and the shortcuts they allow) are those taken from the text alone, and
        // the furniture label is the one of the plain definition.
        let plain_label = |t: &str, vocab: &Vocabulary| {
            for (k, w) in t.split_whitespace().take(3).enumerate() {
                if with_lower(w.trim_end_matches(':'), |bare| vocab.is_furniture(bare)) {
                    return t
                        .split_whitespace()
                        .skip(k)
                        .take(3 - k)
                        .any(|w| w.ends_with(':'));
                }
                if w.ends_with(':') {
                    return false;
                }
            }
            false
        };
        let pieces = [
            "14.22",
            "BST",
            "2h",
            "ago",
            "Updated",
            "5",
            "min",
            "read",
            "Disclaimer:",
            "Privacy",
            "Notice:",
            "newsletter",
            "The",
            "council",
            "said.",
            "(AP)",
            "9:15",
            "am",
            "ET",
            ":",
            "x2",
            "Photo:",
            "By",
            "by",
            "Photo",
            "(Photo:",
            "Media",
            "caption",
            "Courtesy:",
        ];
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        let vocab = Vocabulary::english();
        let (mut times, mut labels, mut credits) = (0, 0, 0);
        for _ in 0..3000 {
            let words: Vec<&str> = (0..1 + rng.below(8))
                .map(|_| pieces[rng.below(pieces.len())])
                .collect();
            let text = words.join(" ");
            let norm = normalise(&text);
            let (_, shapes) = normalise_shaped(&text, |_, _| {});
            let with = Signals::of(&text, &norm, 0, shapes, &vocab);
            assert_eq!(with, Signals::of(&text, &norm, 0, None, &vocab), "{text}");
            assert_eq!(with.furniture_label, plain_label(&text, &vocab), "{text}");
            assert_eq!(with.credit_tail, credit_tail(&text, &vocab), "{text}");
            assert_eq!(with.caption_start, caption_start(&text, &vocab), "{text}");
            credits += usize::from(with.credit_tail || with.caption_start);
            times += usize::from(with.time_line);
            labels += usize::from(with.furniture_label);
        }
        assert!(
            times > 20 && labels > 20 && credits > 20,
            "{times} {labels} {credits}"
        );
    }

    #[test]
    fn last_words_are_those_of_split_whitespace() {
        let pieces = [
            "a", "By", "Photo:", " ", "  ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{1c}", "é",
            "\u{a0}", "x.y",
        ];
        let mut rng = XorShift::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..3000 {
            let t = rng.text(&pieces, 14);
            let mut out = [""; 7];
            let n = last_words(&t, &mut out);
            let want: Vec<&str> = t.split_whitespace().rev().take(7).collect();
            assert_eq!(&out[..n], &want[..], "{t:?}");
        }
    }

    #[test]
    fn with_lower_is_to_lowercase() {
        for w in [
            "",
            "Says",
            "CREDIT",
            "Photo:",
            "ÉTÉ",
            "İstanbul",
            "aVeryLongWordThatIsLongerThanThirtyTwoBytes",
        ] {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase());
        }
    }
    use crate::text::lang::Language;

    #[test]
    fn blocks_not_searched_for_dates_read_as_if_they_were() {
        // Random blocks of 1 to 90 words, many of them dates, some ending a sentence: where the
        // date search is skipped, the readings that use the date words (a date line, a title,
        // the publication date's candidates) are those of the full count.
        let dates = [
            "2024",
            "March",
            "5,",
            "2025",
            "12/03/2024",
            "Sept.",
            "20",
            "of",
            "1998-99",
            "2026-01-05",
            "March 5, 2025",
            "28th of March 2024",
        ];
        let prose = [
            "on", "the", "council", "voted.", "Posted", "by", "x", "Harbour", "(AP)", "—", "said",
        ];
        let vocab = Vocabulary::english();
        let mut rng = XorShift::new(0x2545_F491_4F6C_DD1D);
        let (mut skipped, mut long_lines) = (0, 0);
        for _ in 0..20_000 {
            let n = 1 + rng.below(90);
            // A share of date pieces from none to all, per block (all in a quarter of them).
            let share = if rng.below(4) == 0 { 10 } else { rng.below(11) };
            let words: Vec<&str> = (0..n)
                .map(|_| {
                    if rng.below(10) < share {
                        dates[rng.below(dates.len())]
                    } else {
                        prose[rng.below(prose.len())]
                    }
                })
                .collect();
            let text = words.join(" ");
            let norm = normalise(&text);
            let (_, shapes) = normalise_shaped(&text, |_, _| {});
            let gated = Signals::of(&text, &norm, 0, shapes, &vocab);
            let mut full = gated.clone();
            full.date_words = 0;
            for d in find_dates_in(&text, vocab.months()) {
                for_each_word(&text[d.start..d.end], |_| full.date_words += 1);
            }
            if gated.date_words != full.date_words {
                skipped += 1;
                assert!(gated.words > super::super::DATE_MAX_WORDS, "{text}");
            }
            assert_eq!(gated.date_line(), full.date_line(), "{text}");
            assert_eq!(gated.title_like(&text), full.title_like(&text), "{text}");
            long_lines += usize::from(full.date_line() && full.words > 40);
        }
        assert!(skipped > 500 && long_lines > 10, "{skipped} {long_lines}");
    }

    fn sig(text: &str) -> Signals {
        let norm = normalise(text);
        let stops = norm
            .split(' ')
            .filter(|w| Language::English.is_stop_word(w))
            .count();
        let (_, shapes) = normalise_shaped(text, |_, _| {});
        let s = Signals::of(text, &norm, stops, shapes, &Vocabulary::english());
        // The shapes counted by the norm's pass are those the signals count themselves.
        assert_eq!(
            s,
            Signals::of(text, &norm, stops, None, &Vocabulary::english())
        );
        s
    }

    #[test]
    fn shaped_norms_are_the_words_of_for_each_word() {
        // Texts written out, and random ones of words of every length around the eight-byte
        // step, in every case, between runs of other bytes.
        let mut texts: Vec<String> = [
            "",
            "  Floods: Coast Road, Closed!",
            "ÉTÉ à Paris 2024",
            "a1B2 c3D4 ABCD abcd 1234",
            "x\u{a0}",
        ]
        .map(String::from)
        .to_vec();
        let pieces = [
            "a",
            "Z",
            "9",
            "word",
            "Eightchr",
            "NINECHARS",
            "sixteen-Letters",
            "x",
            " ",
            " ",
            ", ",
            ".",
            "@",
            "[",
            "`",
            "{",
            "/",
            ":",
            "\u{7f}",
            "\t",
        ];
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..500 {
            texts.push(rng.text(&pieces, 30));
        }
        for t in &texts {
            let t = t.as_str();
            let mut seen = Vec::new();
            let (norm, shapes) = normalise_shaped(t, |w, packed| {
                assert_eq!(packed, packed_bytes(w), "{w}");
                seen.push(w.to_string());
            });
            let mut words = Vec::new();
            for_each_word(t, |w| words.push(w.to_string()));
            assert_eq!(seen, words, "{t}");
            assert_eq!(norm, words.join(" "), "{t}");
            assert_eq!(shapes.is_some(), t.is_ascii(), "{t}");
        }
    }

    #[test]
    fn time_line_words_lower_case_without_dots() {
        for w in ["", "a.m.", "P.M.", "Mins", "ÉTÉ.", "ago"] {
            assert_eq!(lower_without_dots(w), w.to_lowercase().replace('.', ""));
        }
    }

    #[test]
    fn prose_has_dense_stop_words_and_lower_case_words() {
        let s =
            sig("The council said that it would not open the bridge before the end of the year.");
        assert!(s.density() > 0.4, "{}", s.density());
        assert!(s.lower_share() > 0.7);
        assert!(s.sentence_end && s.proper_start);
        assert!(!s.title_like("x."));
    }

    #[test]
    fn menus_and_headlines_have_few_stop_words() {
        let s = sig("Business Technology Science Health Sports");
        assert_eq!(s.density(), 0.0);
        assert!(s.title_case());
        let h = "Floods Close Coast Road as Storm Hits";
        assert!(sig(h).title_like(h));
    }

    #[test]
    fn list_counts_taken_word_by_word_are_those_of_the_plain_definition() {
        // Norms drawn from words that open phrases, finish them, break them, and copyright
        // words, with custom phrases that share first words and nest: every phrase is found at
        // every start, overlapping ones too.
        let vocab = Vocabulary::english().with_extra_furniture_words([
            "all rights",
            "rights reserved now",
            "sign up sign up",
            "sign up",
        ]);
        let words = [
            "all",
            "rights",
            "reserved",
            "sign",
            "up",
            "in",
            "now",
            "copyright",
            "photo",
            "about",
            "subscribe",
            "the",
            "more",
            "stories",
            "related",
            "terms",
            "of",
            "use",
        ];
        let mut rng = XorShift::new(0x2545_F491_4F6C_DD1D);
        let mut furniture_seen = 0;
        for _ in 0..2000 {
            let norm = rng.pieces(&words, 14);
            let norm = norm.join(" ");
            let want = ListCounts::reference(&norm, &vocab);
            assert_eq!(ListCounts::of_norm(&norm, &vocab), want, "{norm}");
            furniture_seen += want.furniture;
        }
        assert!(furniture_seen > 1000, "{furniture_seen}");
        // The counter is reused block after block: nothing carries over.
        let mut counter = ListCounter::new(&vocab);
        for norm in ["sign up all rights", "reserved now", "", "about sign"] {
            for w in split_spaces(norm).filter(|w| !w.is_empty()) {
                counter.word(w);
            }
            assert_eq!(
                counter.finish(norm),
                ListCounts::reference(norm, &vocab),
                "{norm}"
            );
        }
    }

    #[test]
    fn furniture_vocabulary_is_counted() {
        assert_eq!(sig("Subscribe to our Newsletter").furniture, 2);
        assert_eq!(
            sig("© 2025 Example Media. All rights reserved.").furniture,
            1
        );
        assert_eq!(sig("© 2025 Example Media. All rights reserved.").symbols, 1);
        assert_eq!(sig("Sign in | Privacy Policy | Terms of Use").furniture, 3);
        assert_eq!(sig("The river rose two metres overnight.").furniture, 0);
    }

    #[test]
    fn several_sentences_are_not_a_title() {
        let two = "Great show. Loved it!";
        assert_eq!(sig(two).inner_sentences, 1);
        assert!(!sig(two).title_like(two));
        let abbr = "Dr. Jones Meets U.S. Envoy in Rome";
        assert_eq!(sig(abbr).inner_sentences, 0);
        assert!(sig(abbr).title_like(abbr));
        assert!(sig("Why Now?").title_like("Why Now?"));
    }

    #[test]
    fn caption_words_are_counted() {
        assert_eq!(sig("Photo: A. Person / Agency").caption, 1);
    }

    #[test]
    fn caption_labels_and_bylines() {
        assert!(sig("Image caption, Smoke over the valley on Saturday").caption_start);
        assert!(sig("Photo: the quay at dawn").caption_start);
        assert!(!sig("Photos of the quay were shown at the meeting.").caption_start);
        assert!(sig("By A. Writer, Staff Reporter").byline);
        assert!(!sig("By the end of the year the quay will open.").byline);
    }

    #[test]
    fn picture_credits_end_captions() {
        assert!(sig("The quay at dawn. Credit: A. Person").credit_tail);
        assert!(sig("Protesters on the bridge (Image: AGENCY )").credit_tail);
        assert!(sig("The quay at dawn. Photo by A. Person").credit_tail);
        assert!(!sig("The board said the photo was taken in May.").credit_tail);
        assert!(
            !sig(
                "Credit: the board gave the contractor a loan that it must repay within ten years."
            )
            .credit_tail
        );
    }

    #[test]
    fn date_lines_and_counters() {
        assert!(sig("Posted on March 3, 2024 at 9:15 am").date_line());
        assert!(sig("Desk | City | Updated: 28-02-2025 18:22").date_line());
        assert!(!sig("The bridge, which opened on March 3, 2024, was closed again on Monday after engineers found cracks in two of its piers.").date_line());
        assert!(sig("1").no_letters());
        assert!(sig("12:04").no_letters());
        assert!(!sig("1 Hour").no_letters());
    }

    #[test]
    fn furniture_labels() {
        assert!(sig("Disclaimer: This is not advice and may be wrong in places.").furniture_label);
        assert!(sig("Privacy Notice: we may use your data.").furniture_label);
        assert!(!sig("The board said: privacy matters to us.").furniture_label);
        assert!(!sig("Cookies are made of flour and sugar.").furniture_label);
        assert!(sig("About Example Corp").about);
        assert!(!sig("About 300 people came to the meeting on Monday night.").about);
    }

    #[test]
    fn email_addresses() {
        assert_eq!(sig("Write to us at letters@paper.example.").emails, 1);
        assert_eq!(sig("Follow @paper on X and mail a.b@c.d").emails, 1);
        assert_eq!(sig("Meet us @ 5pm at the quay.").emails, 0);
    }

    #[test]
    fn time_stamps_and_reading_times() {
        for t in [
            "14.22 BST",
            "Updated at 15.10 BST",
            "Updated 2 hours ago",
            "2h ago",
            "5 min",
            "3 minute read",
            "Posted 9:15 am ET",
        ] {
            assert!(sig(t).time_line, "{t}");
            assert!(sig(t).date_line(), "{t}");
        }
        for t in ["Top 10", "VIDEO 2:14", "The 5 best days", "2 Hours in Rome"] {
            assert!(!sig(t).time_line, "{t}");
        }
    }

    #[test]
    fn notes_teasers_and_comment_authors() {
        assert!(sig("(Reporting by a desk.)").parenthesised);
        assert!(sig("Floods close the coast road for a wee...").truncated);
        assert!(sig("Amazon cut the price of its tablet, for which ...").truncated);
        assert!(!sig("He said: “Wait.”...").truncated);
        assert!(sig("He waited and then…").truncated);
        assert!(sig("reader42 says:").says);
    }

    #[test]
    fn unspaced_scripts_are_recognised() {
        assert!(sig("今日は良い天気ですね。").is_unspaced());
        assert!(!sig("Good weather today.").is_unspaced());
    }

    #[test]
    fn inner_sentences_are_counted() {
        assert_eq!(inner_sentences("The dog ran. Then it sat! Why? Yes."), 3);
        assert_eq!(inner_sentences("ab."), 0);
    }

    #[test]
    fn normalise_keeps_words_only() {
        assert_eq!(
            normalise("  Floods: Coast Road, Closed!"),
            "floods coast road closed"
        );
    }
}
