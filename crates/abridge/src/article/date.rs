//! Dates written in bylines and datelines, normalised to `YYYY-MM-DD`.
//!
//! Recognised shapes (English month names, full or abbreviated, with or without a dot):
//! - `2025-02-28`, `2025/02/28`, `2025.02.28` (year first: always year, month, day);
//! - `28-02-2025`, `28.02.2025`: a first number above 12 is the day; a second number above 12
//!   makes the order month-first (`02-28-2025`); with both at most 12 (`03-04-2025`) the day comes
//!   first, the usual order of dashed and dotted dates outside the United States;
//! - `02/28/2025`, `11/19/19`: month first, the US order of slashed dates, unless the first
//!   number is above 12 (`21/06/2014` is day first). A two-digit year is only read after slashes
//!   (`00`-`69` are 2000-2069, `70`-`99` 1970-1999);
//! - `February 28, 2025`, `Feb. 28, 2025`, `Feb 28th 2025`;
//! - `28 February 2025`, `28. Feb 2025`, `28th of February, 2025`.
//!
//! - in a document of a language with month names of its own (`article/vocab/<code>/months.txt`:
//!   German, French, Spanish, Italian, Portuguese, Russian), those too, with the words that join
//!   day, month and year (`14. März 2026`, `1er avril 2026`, `14 de marzo de 2026`, `14 марта
//!   2026 года`). English documents never read them (`mars`, `mai` are English words).
//!
//! A date needs a year: `Nov 19, 6:55 AM` is no date. Impossible dates (`2025-02-30`) are refused.

/// A calendar date, as articles give their publication date. Displayed and serialized as
/// ISO 8601 `YYYY-MM-DD`; ordered by time.
///
/// ```
/// let d: abridge::article::Date = "2004-11-02".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2004, 11, 2));
/// assert_eq!(d.to_string(), "2004-11-02");
/// assert!("2004-02-30".parse::<abridge::article::Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, when it exists (`2025-02-30` does not; years 1000 to 9999).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let valid = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year.
    pub fn year(self) -> u32 {
        u32::from(self.year)
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = crate::Error;

    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, crate::Error> {
        let bad = || crate::Error::InvalidDate(s.to_string());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        match (num(0..4), num(5..7), num(8..10)) {
            (Some(y), Some(m), Some(d)) => Date::new(y, m, d).ok_or_else(bad),
            _ => Err(bad()),
        }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One date found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateHit {
    /// Byte range of the date in the text.
    pub start: usize,
    pub end: usize,
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl DateHit {
    /// As a [`Date`] (hits are checked dates, so this is `None` only for years outside
    /// 1000-9999).
    pub fn date(&self) -> Option<Date> {
        Date::new(self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of ASCII digits: its value (saturated) and digit count.
    Num(u32, usize),
    /// A run of letters, with the month it names, if any.
    Word(Option<u32>),
    /// A word of the language that joins day, month and year (`de` in `14 de marzo de 2026`).
    Join,
    /// Any other non-space character.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whitespace right before the token.
    spaced: bool,
}

/// The month names of a language other than English and its words that join day, month and
/// year, from its `months.txt` (a line: the month's number, then its names, lower case; `join`,
/// then the joining words).
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Months {
    names: std::collections::HashMap<String, u32>,
    joins: Vec<String>,
}

impl Months {
    pub(crate) fn parse(data: &str) -> Months {
        let mut months = Months::default();
        for line in data.lines().map(str::trim) {
            if line.starts_with('#') {
                continue;
            }
            let mut words = line.split_whitespace();
            match words.next() {
                Some("join") => months.joins.extend(words.map(str::to_lowercase)),
                Some(n) => {
                    if let Ok(m @ 1..=12) = n.parse::<u32>() {
                        for w in words {
                            months.names.insert(w.to_lowercase(), m);
                        }
                    }
                }
                None => {}
            }
        }
        months
    }

    fn kind(&self, word: &str) -> Option<Kind> {
        if word.chars().count() > 12 {
            return None;
        }
        let lower = word.to_lowercase();
        if let Some(&m) = self.names.get(&lower) {
            return Some(Kind::Word(Some(m)));
        }
        self.joins.contains(&lower).then_some(Kind::Join)
    }
}

/// The English month names in calendar order, lower-case.
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1 to 12) that an English month name, its first three letters or "sept" names, in any
/// ASCII case.
pub(crate) fn month_of(word: &str) -> Option<u32> {
    // Compared without lower-casing into a new string: only ASCII letters fold.
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    // The months (numbers) that start with the word's first letter, in calendar order: most
    // words start with another letter and stop here, the rest are compared with one to three
    // names.
    let candidates: &[u32] = match word.as_bytes()[0].to_ascii_lowercase() {
        b'j' => &[1, 6, 7],
        b'f' => &[2],
        b'm' => &[3, 5],
        b'a' => &[4, 8],
        b's' => &[9],
        b'o' => &[10],
        b'n' => &[11],
        b'd' => &[12],
        _ => return None,
    };
    for &m in candidates {
        let name = MONTH_NAMES[m as usize - 1];
        if word.eq_ignore_ascii_case(name)
            || (word.len() == 3 && name.as_bytes()[..3].eq_ignore_ascii_case(word.as_bytes()))
        {
            return Some(m);
        }
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    None
}

/// The tokens of a text, one at a time (a text of punctuation has a token per byte, so they are
/// never all collected). ASCII is read by byte; other characters are decoded.
struct Tokens<'a> {
    text: &'a str,
    months: Option<&'a Months>,
    /// Byte offset of the next character to read.
    pos: usize,
    spaced: bool,
}

fn tokens<'a>(text: &'a str, months: Option<&'a Months>) -> Tokens<'a> {
    Tokens {
        text,
        months,
        pos: 0,
        spaced: true,
    }
}

impl Tokens<'_> {
    /// The character at byte `i` (a character boundary), if any.
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        let b = *self.text.as_bytes().get(i)?;
        if b < 0x80 {
            Some(char::from(b))
        } else {
            self.text.get(i..)?.chars().next()
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let (i, c) = loop {
            let i = self.pos;
            let c = self.char_at(i)?;
            self.pos = i + c.len_utf8();
            if c.is_whitespace() {
                self.spaced = true;
            } else {
                break (i, c);
            }
        };
        let bytes = self.text.as_bytes();
        let mut end = i + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            let mut value: u32 = c.to_digit(10).unwrap_or(0);
            let mut n = 1;
            while let Some(&d) = bytes.get(end) {
                if !d.is_ascii_digit() {
                    break;
                }
                value = value.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                n += 1;
                end += 1;
            }
            Kind::Num(value, n)
        } else if c.is_alphabetic() {
            while let Some(&d) = bytes.get(end) {
                if d < 0x80 {
                    if !d.is_ascii_alphabetic() {
                        break;
                    }
                    end += 1;
                } else {
                    match self.char_at(end) {
                        Some(d) if d.is_alphabetic() => end += d.len_utf8(),
                        _ => break,
                    }
                }
            }
            let word = &self.text[i..end];
            match month_of(word) {
                Some(m) => Kind::Word(Some(m)),
                None => self
                    .months
                    .and_then(|months| months.kind(word))
                    .unwrap_or(Kind::Word(None)),
            }
        } else {
            Kind::Punct(c)
        };
        self.pos = end;
        let tok = Tok {
            kind,
            start: i,
            end,
            spaced: self.spaced,
        };
        self.spaced = false;
        Some(tok)
    }
}

/// [`Tokens`] by `char_indices`, as they were read before the byte path: the tests compare them.
/// The tokens of a text, one at a time (a text of punctuation has a token per byte, so they are
/// never all collected).
#[cfg(test)]
struct CharTokens<'a> {
    text: &'a str,
    months: Option<&'a Months>,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    spaced: bool,
}

#[cfg(test)]
fn char_tokens<'a>(text: &'a str, months: Option<&'a Months>) -> CharTokens<'a> {
    CharTokens {
        text,
        months,
        chars: text.char_indices().peekable(),
        spaced: true,
    }
}

#[cfg(test)]
impl Iterator for CharTokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let chars = &mut self.chars;
        let (i, c) = loop {
            let (i, c) = chars.next()?;
            if c.is_whitespace() {
                self.spaced = true;
            } else {
                break (i, c);
            }
        };
        let mut end = i + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            let mut value: u32 = c.to_digit(10).unwrap_or(0);
            let mut n = 1;
            while let Some(&(j, d)) = chars.peek() {
                let Some(v) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(v);
                n += 1;
                end = j + d.len_utf8();
                chars.next();
            }
            Kind::Num(value, n)
        } else if c.is_alphabetic() {
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = &self.text[i..end];
            match month_of(word) {
                Some(m) => Kind::Word(Some(m)),
                None => self
                    .months
                    .and_then(|months| months.kind(word))
                    .unwrap_or(Kind::Word(None)),
            }
        } else {
            Kind::Punct(c)
        };
        let tok = Tok {
            kind,
            start: i,
            end,
            spaced: self.spaced,
        };
        self.spaced = false;
        Some(tok)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    (1900..=2100).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
}

fn num(t: Option<&Tok>) -> Option<(u32, usize)> {
    match t?.kind {
        Kind::Num(v, n) => Some((v, n)),
        _ => None,
    }
}

fn punct(t: Option<&Tok>) -> Option<char> {
    match t?.kind {
        Kind::Punct(c) => Some(c),
        _ => None,
    }
}

/// A glued token (no space before it).
fn glued(t: Option<&Tok>) -> bool {
    t.is_some_and(|t| !t.spaced)
}

/// `12-31-2025` shapes starting at token `i`: returns the date and the index past it.
fn numeric(toks: &[Tok], i: usize) -> Option<(u32, u32, u32, usize)> {
    let (a, na) = num(toks.get(i))?;
    let sep = punct(toks.get(i + 1)).filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (b, nb) = num(toks.get(i + 2))?;
    if punct(toks.get(i + 3)) != Some(sep) {
        return None;
    }
    let (c, nc) = num(toks.get(i + 4))?;
    if !(glued(toks.get(i + 1))
        && glued(toks.get(i + 2))
        && glued(toks.get(i + 3))
        && glued(toks.get(i + 4)))
    {
        return None;
    }
    // Not part of a longer run such as an IP address or a version number.
    if let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p)) {
        if !toks[i].spaced
            && matches!(
                prev.kind,
                Kind::Num(..) | Kind::Word(_) | Kind::Punct('-' | '/' | '.')
            )
        {
            return None;
        }
    }
    if let (Some(c5), Some(t6)) = (punct(toks.get(i + 5)), toks.get(i + 6)) {
        if c5 == sep && !t6.spaced && matches!(t6.kind, Kind::Num(..)) && glued(toks.get(i + 5)) {
            return None;
        }
    }
    if na == 4 && nb <= 2 && nc <= 2 {
        return Some((a, b, c, i + 5));
    }
    if na > 2 || nb > 2 {
        return None;
    }
    let year = match nc {
        4 => c,
        2 if sep == '/' => {
            if c < 70 {
                2000 + c
            } else {
                1900 + c
            }
        }
        _ => return None,
    };
    // A number above 12 is the day; otherwise slashes put the month first, dashes and dots the
    // day.
    let month_first = a <= 12 && (b > 12 || sep == '/');
    let (month, day) = if month_first { (a, b) } else { (b, a) };
    Some((year, month, day, i + 5))
}

/// `2026年12月4日` (Chinese and Japanese; `号` for the day in Chinese too) starting at token `i`:
/// each number glued to its character. Returns the date, the index past it and the end of the
/// day's character (the token may run on into the text after it: `4日に`).
fn cjk(text: &str, toks: &[Tok], i: usize) -> Option<(u32, u32, u32, usize, usize)> {
    let marked = |k: usize, marks: &[char]| -> Option<usize> {
        let t = toks
            .get(k)
            .filter(|t| !t.spaced && matches!(t.kind, Kind::Word(_)))?;
        let c = text.get(t.start..t.end)?.chars().next()?;
        marks.contains(&c).then_some(t.start + c.len_utf8())
    };
    let number = |k: usize, digits: std::ops::RangeInclusive<usize>| {
        num(toks.get(k)).filter(|&(_, n)| digits.contains(&n) && (k == i || glued(toks.get(k))))
    };
    let (year, _) = number(i, 4..=4)?;
    marked(i + 1, &['年'])?;
    let (month, _) = number(i + 2, 1..=2)?;
    marked(i + 3, &['月'])?;
    let (day, _) = number(i + 4, 1..=2)?;
    let end = marked(i + 5, &['日', '号'])?;
    Some((year, month, day, i + 6, end))
}

/// Skips an ordinal suffix (`st`, `nd`, `rd`, `th`) glued to the day at token `i`.
fn skip_ordinal(toks: &[Tok], i: usize) -> usize {
    if let Some(t) = toks.get(i) {
        if !t.spaced {
            if let Kind::Word(None) = t.kind {
                let len = t.end - t.start;
                if len == 2 {
                    return i + 1;
                }
            }
        }
    }
    i
}

fn skip_punct(toks: &[Tok], i: usize, allowed: &[char]) -> usize {
    match punct(toks.get(i)) {
        Some(c) if allowed.contains(&c) => i + 1,
        _ => i,
    }
}

fn four_digit_year(toks: &[Tok], i: usize) -> Option<u32> {
    match num(toks.get(i))? {
        (y, 4) => {
            // `2019 8:03` is fine, `20194:29` (glued time) is refused by the digit count.
            Some(y)
        }
        _ => None,
    }
}

/// `February 28, 2025` shapes starting at token `i`.
fn month_first(toks: &[Tok], i: usize) -> Option<(u32, u32, u32, usize)> {
    let Kind::Word(Some(month)) = toks.get(i)?.kind else {
        return None;
    };
    let mut j = skip_punct(toks, i + 1, &['.']);
    let (day, nd) = num(toks.get(j))?;
    if nd > 2 {
        return None;
    }
    j = skip_ordinal(toks, j + 1);
    j = skip_punct(toks, j, &[',']);
    let year = four_digit_year(toks, j)?;
    Some((year, month, day, j + 1))
}

/// `28 February 2025` shapes starting at token `i`.
fn day_first(toks: &[Tok], i: usize) -> Option<(u32, u32, u32, usize)> {
    let (day, nd) = num(toks.get(i))?;
    if nd > 2 {
        return None;
    }
    let mut j = skip_ordinal(toks, i + 1);
    j = skip_punct(toks, j, &['.']);
    match toks.get(j) {
        // `28th of February`, `14 de marzo`
        Some(Tok {
            kind: Kind::Word(None),
            start,
            end,
            ..
        }) if end - start == 2 => j += 1,
        Some(Tok {
            kind: Kind::Join, ..
        }) => j += 1,
        _ => {}
    }
    let Kind::Word(Some(month)) = toks.get(j)?.kind else {
        return None;
    };
    j = skip_punct(toks, j + 1, &['.']);
    j = skip_punct(toks, j, &[',']);
    if matches!(toks.get(j).map(|t| t.kind), Some(Kind::Join)) {
        // `marzo de 2026`
        j += 1;
    }
    let year = four_digit_year(toks, j)?;
    Some((year, month, day, j + 1))
}

/// False when `text` cannot hold a date: every date shape has a slash or a year of four digits
/// (a maximal run of ASCII digits, 1900 to 2100). Most blocks are rejected here without being
/// tokenised.
fn may_hold_date(text: &str) -> bool {
    let mut found = false;
    scan_anchors(text, |anchor| {
        found = match anchor {
            Anchor::Slash => true,
            Anchor::Digits { len, value } => len == 4 && (1900..=2100).contains(&value),
        };
        found
    });
    found
}

/// What a date is anchored by: a slash, or a maximal run of ASCII digits.
#[derive(Clone, Copy)]
enum Anchor {
    Slash,
    /// `len` digits of value `value` (saturated).
    Digits {
        len: usize,
        value: u32,
    },
}

/// Calls `f` with each slash and each maximal run of ASCII digits of `text`, in order, until it
/// returns `true`. Chunks without a digit or a slash are passed over whole (the test has no
/// branch per byte, so it vectorises); the first chunk that has one is read byte by byte.
fn scan_anchors(text: &str, mut f: impl FnMut(Anchor) -> bool) {
    const CHUNK: usize = 16;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i + CHUNK <= b.len()
            && !b[i..i + CHUNK]
                .iter()
                .fold(false, |any, &c| any | c.is_ascii_digit() | (c == b'/'))
        {
            i += CHUNK;
        }
        let stop = (i + CHUNK).min(b.len());
        while i < stop {
            if b[i] == b'/' {
                i += 1;
                if f(Anchor::Slash) {
                    return;
                }
                continue;
            }
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            let mut value: u32 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u32::from(b[i] - b'0'));
                i += 1;
            }
            if f(Anchor::Digits {
                len: i - start,
                value,
            }) {
                return;
            }
        }
    }
}

/// At least the number of words (runs of letters and digits) that [`find_dates_in`] can find
/// inside dates in `text`, in any language, without tokenising it: every date holds a year of
/// four ASCII digits (a maximal run) or, with a year of two digits, a slash, no two dates the
/// same one, and a date spans at most [`LOOKAHEAD`] tokens, each at most one word.
pub(crate) fn most_date_words(text: &str) -> usize {
    let mut anchors = 0;
    scan_anchors(text, |anchor| {
        anchors += usize::from(match anchor {
            Anchor::Slash => true,
            Anchor::Digits { len, .. } => len == 4,
        });
        false
    });
    anchors * LOOKAHEAD
}

/// Tokens a date pattern looks at after its first one (`28th of February. , 2025`: 8), and the
/// one before it (a longer run such as an IP address).
const LOOKAHEAD: usize = 8;
/// Tokens kept before the tokens already judged are dropped: memory stays bounded on a text that
/// is one long run of punctuation or digits.
const WINDOW: usize = 4096;

/// Every date in `text`, in order.
#[cfg(test)]
pub fn find_dates(text: &str) -> Vec<DateHit> {
    find_dates_in(text, None)
}

/// Every date in `text`, in order, reading the month names `months` of the document's language
/// too.
pub(crate) fn find_dates_in(text: &str, months: Option<&Months>) -> Vec<DateHit> {
    if !may_hold_date(text) {
        return Vec::new();
    }
    // English text in ASCII: a date has an English month name, or three numbers joined by `-`,
    // `/` or `.`; a block with a year and neither (most blocks with a year) is not tokenised.
    if months.is_none() && text.is_ascii() && !ascii_date_signs(text) {
        return Vec::new();
    }
    find_dates_by_tokens(text, months)
}

/// Whether ASCII `text` holds a word (a run of letters) that [`month_of`] names, or three runs
/// of digits joined by the same `-`, `/` or `.`: what every date shape but the CJK one needs,
/// without months of another language.
fn ascii_date_signs(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if month_of(&text[start..i]).is_some() {
                return true;
            }
            continue;
        }
        if matches!(c, b'-' | b'/' | b'.') && i > 0 && b[i - 1].is_ascii_digit() {
            // Digits, the mark, digits, the same mark, a digit (`2024-01-05`, `5.1.2024`):
            // a decimal (`2.4`) or a range (`1998-99`) alone is no date.
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j > i + 1 && b.get(j) == Some(&c) && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// [`find_dates_in`] by tokenising the whole text.
fn find_dates_by_tokens(text: &str, months: Option<&Months>) -> Vec<DateHit> {
    let mut source = tokens(text, months);
    let mut exhausted = false;
    // `toks[k]` is token `base + k`; it always holds the token before `i` (when there is one)
    // and the `LOOKAHEAD` tokens after it (when there are), so the patterns see what they would
    // see in the whole list.
    // The window never holds more than the patterns look at (then it slides, not grows).
    let mut toks: Vec<Tok> = Vec::with_capacity(2 * LOOKAHEAD);
    let mut base = 0;
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while !exhausted && base + toks.len() <= i + LOOKAHEAD {
            match source.next() {
                Some(t) => toks.push(t),
                None => exhausted = true,
            }
        }
        if i >= base + toks.len() {
            break;
        }
        if i - base > WINDOW {
            toks.drain(..i - 1 - base);
            base = i - 1;
        }
        let k = i - base;
        if let Some((year, month, day, next, end)) = cjk(text, &toks, k) {
            if valid(year, month, day) {
                out.push(DateHit {
                    start: toks[k].start,
                    end,
                    year,
                    month,
                    day,
                });
                i = base + next;
                continue;
            }
        }
        let found = numeric(&toks, k)
            .or_else(|| month_first(&toks, k))
            .or_else(|| day_first(&toks, k));
        if let Some((year, month, day, next)) = found {
            if valid(year, month, day) {
                let end = toks
                    .get(next.saturating_sub(1))
                    .map_or(text.len(), |t| t.end);
                out.push(DateHit {
                    start: toks[k].start,
                    end,
                    year,
                    month,
                    day,
                });
                i = base + next.max(k + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The first date of `text`, preferring one right after a publication word (`published`,
/// `posted`, `created`) over an earlier `updated` date of the same line.
pub fn best_date(text: &str) -> Option<DateHit> {
    best_date_in(text, None)
}

/// [`best_date`], reading the month names `months` of the document's language too.
pub(crate) fn best_date_in(text: &str, months: Option<&Months>) -> Option<DateHit> {
    let dates = find_dates_in(text, months);
    let first = *dates.first()?;
    for d in &dates {
        let before = text.get(..d.start).unwrap_or("");
        let tail: String = before
            .chars()
            .rev()
            .take(24)
            .collect::<String>()
            .chars()
            .rev()
            .collect::<String>()
            .to_lowercase();
        if ["publish", "posted", "created", "released"]
            .iter()
            .any(|w| tail.contains(w))
        {
            return Some(*d);
        }
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::XorShift;

    #[test]
    fn the_date_signs_refuse_only_texts_without_dates() {
        // Random English blocks of years, numbers, separators, month names and words: a block
        // turned away holds no date by the full search.
        let pieces = [
            "1998",
            "2024",
            "05",
            "12",
            "3",
            "-",
            "/",
            ".",
            ",",
            " ",
            " ",
            "Jan",
            "jan.",
            "March",
            "May",
            "may",
            "Sept",
            "sept.",
            "x",
            "the",
            "council",
            "met",
            "on",
            "28th",
            "of",
            "2024-01-05",
            "(2019)",
            "Mayor",
            "Decade",
            "1.5",
            "5.1.2024",
            "1998-99",
            "3/4",
        ];
        let mut rng = XorShift::new(0x2545_F491_4F6C_DD1D);
        let (mut found, mut refused) = (0, 0);
        for _ in 0..20_000 {
            let t = rng.text(&pieces, 12);
            let full = find_dates_by_tokens(&t, None);
            let gated = find_dates_in(&t, None);
            assert_eq!(gated.len(), full.len(), "{t:?}");
            for (g, f) in gated.iter().zip(&full) {
                assert_eq!(
                    (g.start, g.end, g.year, g.month, g.day),
                    (f.start, f.end, f.year, f.month, f.day),
                    "{t:?}"
                );
            }
            found += usize::from(!full.is_empty());
            refused += usize::from(may_hold_date(&t) && !ascii_date_signs(&t));
        }
        assert!(found > 500 && refused > 500, "{found} {refused}");
    }

    #[test]
    fn months_by_first_letter_are_the_months_by_name() {
        // The plain definition: every name compared in calendar order.
        let plain = |word: &str| -> Option<u32> {
            if !(3..=9).contains(&word.len()) {
                return None;
            }
            for (i, name) in MONTH_NAMES.iter().enumerate() {
                if word.eq_ignore_ascii_case(name)
                    || (word.len() == 3
                        && name.as_bytes()[..3].eq_ignore_ascii_case(word.as_bytes()))
                {
                    return Some(i as u32 + 1);
                }
            }
            word.eq_ignore_ascii_case("sept").then_some(9)
        };
        let mut words: Vec<String> = Vec::new();
        for name in MONTH_NAMES.into_iter().chain([
            "sept", "mayor", "junk", "decade", "a", "aprils", "Über", "o'clock", "1998", "augustus",
        ]) {
            for len in 1..=name.len() {
                let head: String = name.chars().take(len).collect();
                words.push(head.to_uppercase());
                words.push(head.clone());
                let mut cap = head.clone();
                if let Some(f) = cap.get_mut(..1) {
                    f.make_ascii_uppercase();
                }
                words.push(cap);
            }
        }
        let mut found = 0;
        for w in &words {
            assert_eq!(month_of(w), plain(w), "{w}");
            found += usize::from(month_of(w).is_some());
        }
        assert!(found > 60, "{found}");
    }

    #[test]
    fn most_date_words_bounds_the_words_of_the_dates_found() {
        // Random texts packed with dates of every shape (English and Spanish month names, joining
        // words, ordinals, numeric and CJK dates, glued and spaced): the words inside the dates
        // found never exceed the bound, which is nearly reached by texts that are all dates.
        let pieces = [
            "2024",
            "1998",
            "12",
            "5",
            "28th",
            "1er",
            "-",
            "/",
            ".",
            ",",
            " ",
            " ",
            " ",
            "of",
            "de",
            "March",
            "Sept.",
            "marzo",
            "x",
            "年",
            "月",
            "日",
            "2026年12月4日",
            "03/04/05",
            "٣",
            "é",
        ];
        let spanish = crate::article::Vocabulary::for_language(
            crate::text::lang::Language::from_code("es").expect("Spanish"),
        );
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        let (mut dated, mut closest) = (0, 0.0f64);
        for _ in 0..20_000 {
            let t = rng.text(&pieces, 40);
            let bound = most_date_words(&t);
            for months in [None, spanish.months()] {
                let mut words = 0;
                for d in find_dates_in(&t, months) {
                    crate::text::lang::for_each_word(&t[d.start..d.end], |_| words += 1);
                }
                assert!(words <= bound, "{words} > {bound}: {t:?}");
                if words > 0 {
                    dated += 1;
                    closest = closest.max(words as f64 / bound as f64);
                }
            }
        }
        assert!(dated > 2_000, "{dated}");
        assert!(closest > 0.3, "{closest}");
    }

    fn iso(text: &str) -> Vec<String> {
        find_dates(text)
            .iter()
            .map(|d| d.date().map(|d| d.to_string()).unwrap_or_default())
            .collect()
    }

    #[test]
    fn month_names_of_a_language_are_read_only_with_its_data() {
        let lang = |code: &str| {
            crate::article::Vocabulary::for_language(
                crate::text::lang::Language::from_code(code).expect("a language"),
            )
        };
        let iso_in = |text: &str, code: &str| -> Vec<String> {
            let v = lang(code);
            find_dates_in(text, v.months())
                .iter()
                .map(|d| d.date().map(|d| d.to_string()).unwrap_or_default())
                .collect()
        };
        assert_eq!(iso_in("Hamburg, 14. März 2026", "de"), ["2026-03-14"]);
        assert_eq!(iso_in("Wien, am 2. Jänner 2025", "de"), ["2025-01-02"]);
        assert_eq!(iso_in("publié le 1er avril 2026", "fr"), ["2026-04-01"]);
        assert_eq!(iso_in("14 mars 2026", "fr"), ["2026-03-14"]);
        assert_eq!(iso_in("Madrid, 14 de marzo de 2026", "es"), ["2026-03-14"]);
        assert_eq!(iso_in("Roma, 22 settembre 2026", "it"), ["2026-09-22"]);
        assert_eq!(iso_in("Lisboa, 5 de maio de 2026", "pt"), ["2026-05-05"]);
        assert_eq!(iso_in("Москва, 14 марта 2026 года", "ru"), ["2026-03-14"]);
        // English names are read in every language; other languages' names never in English.
        assert_eq!(iso_in("Berlin, 3 March 2026", "de"), ["2026-03-03"]);
        assert!(iso("14 mars 2026, 3 mai 2026").is_empty());
        assert!(iso_in("14 de marzo de 2026", "en").is_empty());
        // A joining word alone makes no date (`14 de 2026`).
        assert!(iso_in("14 de 2026", "es").is_empty());
    }

    #[test]
    fn tokens_by_bytes_are_tokens_by_chars() {
        for t in [
            "",
            "  Posted Feb. 28, 2025 8:03 am ",
            "Ça\u{a0}fait 14 de marzo de 2026 — ½ ²3 x\u{2003}y",
            "am 25. September 2018 naïve",
            "9999999999999 12/31/2025 2025-02-28T10:00Z",
            "日本 2024年5月3日",
        ] {
            let a: Vec<(Kind, usize, usize, bool)> = tokens(t, None)
                .map(|k| (k.kind, k.start, k.end, k.spaced))
                .collect();
            let b: Vec<(Kind, usize, usize, bool)> = char_tokens(t, None)
                .map(|k| (k.kind, k.start, k.end, k.spaced))
                .collect();
            assert_eq!(a, b, "{t}");
        }
    }

    #[test]
    fn chunked_date_filter_is_the_byte_scan() {
        fn bytewise(text: &str) -> bool {
            let b = text.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'/' {
                    return true;
                }
                if !b[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut value: u32 = 0;
                while i < b.len() && b[i].is_ascii_digit() {
                    value = value
                        .saturating_mul(10)
                        .saturating_add(u32::from(b[i] - b'0'));
                    i += 1;
                }
                if i - start == 4 && (1900..=2100).contains(&value) {
                    return true;
                }
            }
            false
        }
        let pad = "abcdefghijklmnopqrstuvwxyz";
        for core in [
            "",
            "2024",
            "12024",
            "1899",
            "a/b",
            "20 24",
            "2100",
            "2101",
            "99999999992024",
        ] {
            for k in 0..pad.len() {
                for tail in ["", "x", pad] {
                    let t = format!("{}{core}{tail}", &pad[..k]);
                    assert_eq!(may_hold_date(&t), bytewise(&t), "{t}");
                }
            }
        }
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(iso("Updated: 28-02-2025 18:22"), ["2025-02-28"]);
        assert_eq!(iso("on 2025-02-28T10:00Z"), ["2025-02-28"]);
        assert_eq!(iso("2025/2/8"), ["2025-02-08"]);
        assert_eq!(iso("02/28/2025"), ["2025-02-28"]);
        assert_eq!(iso("21/06/2014 review"), ["2014-06-21"]);
        assert_eq!(iso("18.11.2019 news"), ["2019-11-18"]);
        assert_eq!(iso("By A. Writer - 11/19/19 06:56 AM"), ["2019-11-19"]);
    }

    #[test]
    fn ambiguous_numeric_order_follows_the_separator() {
        // Dashes and dots: day first. Slashes: month first (US order).
        assert_eq!(iso("03-04-2025"), ["2025-04-03"]);
        assert_eq!(iso("03.04.2025"), ["2025-04-03"]);
        assert_eq!(iso("03/04/2025"), ["2025-03-04"]);
        // A number above 12 decides.
        assert_eq!(iso("02-28-2025"), ["2025-02-28"]);
        assert_eq!(iso("28/02/2025"), ["2025-02-28"]);
    }

    #[test]
    fn named_month_dates() {
        assert_eq!(iso("February 28, 2025"), ["2025-02-28"]);
        assert_eq!(iso("Posted Feb. 28, 2025 8:03 am"), ["2025-02-28"]);
        assert_eq!(iso("Nov 19, 2019, 10:31 pm"), ["2019-11-19"]);
        assert_eq!(iso("28 February 2025"), ["2025-02-28"]);
        assert_eq!(iso("1st of March, 2024"), ["2024-03-01"]);
        assert_eq!(iso("am 25. September 2018"), ["2018-09-25"]);
        assert_eq!(iso("November 20, 2019"), ["2019-11-20"]);
        assert_eq!(iso("Sept. 3 2021"), ["2021-09-03"]);
    }

    #[test]
    fn refuses_non_dates() {
        assert!(iso("Updated Nov 19, 6:55 AM").is_empty());
        assert!(iso("2025-02-30").is_empty());
        assert!(iso("version 1.2.2025.4").is_empty());
        assert!(iso("10.0.0.1").is_empty());
        assert!(iso("won 3-2 in 2019").is_empty());
        assert!(iso("the 12 may 20 people").is_empty());
        assert!(iso("").is_empty());
    }

    #[test]
    fn publication_date_beats_update_date() {
        let line = "Updated: 03-03-2025 | Published: 01-03-2025";
        assert_eq!(
            best_date(line)
                .and_then(|d| d.date())
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-03-01")
        );
        assert_eq!(
            best_date("Updated: 03-03-2025 10:00")
                .and_then(|d| d.date())
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-03-03")
        );
    }

    #[test]
    fn dates_across_the_token_window_are_all_found() {
        // Dates at every position around the point where the window drops judged tokens, and
        // an IP-like run there that must stay no date.
        for filler in WINDOW - 12..WINDOW + 12 {
            let mut text = "|".repeat(filler);
            let first = text.len() + 1;
            text.push_str(" 2025-02-28 then 28th of February, 2024 and ");
            text.push_str(&"x ".repeat(filler));
            text.push_str("1.2.3.4.2025 and Feb. 3, 2023");
            let hits = find_dates(&text);
            let got: Vec<String> = hits
                .iter()
                .filter_map(|h| h.date())
                .map(|d| d.to_string())
                .collect();
            assert_eq!(
                got,
                ["2025-02-28", "2024-02-28", "2023-02-03"],
                "filler {filler}"
            );
            assert_eq!(hits[0].start, first, "filler {filler}");
            assert_eq!(&text[hits[0].start..hits[0].end], "2025-02-28");
            assert_eq!(&text[hits[2].start..hits[2].end], "Feb. 3, 2023");
        }
    }

    #[test]
    fn chinese_and_japanese_dates() {
        let hits = find_dates("发布时间：2025年3月7日 10:30");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].year, hits[0].month, hits[0].day), (2025, 3, 7));
        let text = "2024年11月20日に発表された";
        let hit = find_dates(text)[0];
        assert_eq!((hit.year, hit.month, hit.day), (2024, 11, 20));
        assert_eq!(&text[hit.start..hit.end], "2024年11月20日");
        assert_eq!(find_dates("2025年3月7号")[0].day, 7);
        // Not a date: no day character, an impossible day, a year of three digits.
        assert!(find_dates("2025年3月的报告").is_empty());
        assert!(find_dates("2025年2月30日").is_empty());
        assert!(find_dates("202年3月7日").is_empty());
    }
}
