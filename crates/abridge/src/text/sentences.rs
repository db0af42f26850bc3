//! Rule-based English sentence segmentation.
//!
//! The splitter works in two layers:
//!
//! 1. **Lines.** The input is cut into blocks at blank lines: a blank line always ends a
//!    sentence, and a row of a pipe table stands alone. Inside a block each line break is judged.
//!    A *hard* break ends whatever sentence is open: before a bullet or an enumerator, after a
//!    heading (a title-cased or all-capitals line without final punctuation), between the short
//!    unpunctuated lines of a menu or a list of features, after a line that ends in `:` or `…`
//!    before a capital. A *soft* break is a line wrapped inside a sentence and counts as a space:
//!    the next line goes on in lowercase, the line ends in a comma or a word like `the` or `of`,
//!    the line already holds the end of a sentence (`... it said. Prime Minister`), or the first
//!    word of the next line would not have fitted on it, as in text hard-wrapped at a fixed width
//!    (judged against the median line length of the block), or the line ends in a space (flowed
//!    text). A line ending in `.`, `?` or `!` is left to the second layer; a line ending in an
//!    inline list item breaks before a capital; a line of a table of contents stands alone without
//!    its dot leader and page number. The runs of lines joined by soft breaks are the *segments*.
//! 2. **Punctuation.** Each segment is cut into whitespace tokens and every `.`, `?`, `!` and `…`
//!    at the end of a token is judged in the light of the token (abbreviation, initial, number,
//!    ellipsis, list marker) and of the next word (its case, and whether it is a word that usually
//!    opens a sentence). Full stops run into the next word (`landscape.as the`, `resolution.Below`)
//!    are found inside tokens, sparing web addresses, e-mail addresses, numbers and dotted
//!    abbreviations (`example.com`, `3.5`, `U.S.A`).
//!
//! The rules follow the English "Golden Rules" of pragmatic_segmenter (abbreviations, initials,
//! numbers, lists, ellipses, quotations, double punctuation, addresses, errant newlines) with
//! general heuristics rather than special cases; the rule set is checked against them by
//! `tests/conformance.rs`.
//!
//! Punctuation inside a quotation or bracket that closes in the same segment (within the
//! language's `quote-max`) ends no sentence. Stray HTML tags and rules of one symbol at a
//! sentence's edges are left out of its span; a piece of nothing else is dropped.
//!
//! Every sentence borrows its text from the input together with its byte span; the text is
//! trimmed of surrounding whitespace and keeps the line breaks inside it. Spans are in order and do
//! not overlap. A piece with no letter or digit (a stray `. . .` or a closing quote) is glued to
//! its neighbour in the same segment instead of standing alone; a segment with no letter or digit
//! at all (`* * *`, a table's delimiter row) is kept as a sentence of its own, so callers that want
//! prose only may skip sentences without alphanumeric characters.

use super::FxHashMap;
use crate::Span;

use super::charset::CharSet;
use super::flat::joins_unspaced;
use super::lang::Language;
use super::lexicon::{CONTINUATION, DOMAIN_OR_EXTENSION, KNOWN, MINOR, PREPOSITIVE};
use super::rules::{AbbreviationEnd, Rules};

/// A sentence: trimmed text borrowed from the input and its byte span `[start, end)` into the
/// input, so that `text == &input[span.range()]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence, trimmed.
    pub text: &'a str,
    /// Where it is in the input.
    pub span: Span,
}

/// Splits `text` into sentences, in order.
///
/// ```
/// # use abridge::text::sentences::split;
/// let s = split("Mr. Smith lives in the U.S. He works for I.B.M. in New York.");
/// let texts: Vec<&str> = s.iter().map(|s| s.text).collect();
/// assert_eq!(texts, ["Mr. Smith lives in the U.S.", "He works for I.B.M. in New York."]);
/// ```
pub fn split(text: &str) -> Vec<Sentence<'_>> {
    split_spans(text)
        .into_iter()
        .filter_map(|(start, end)| {
            text.get(start..end).map(|t| Sentence {
                text: t,
                span: Span::new(start, end),
            })
        })
        .collect()
}

/// The byte spans `[start, end)` of the sentences of `text`, in order; each starts and ends on a
/// character boundary and on a non-whitespace character.
pub fn split_spans(text: &str) -> Vec<(usize, usize)> {
    split_spans_in(text, Language::English)
}

/// Splits `text` into sentences by the rules of `lang`: its abbreviations, ordinal numbers,
/// quotation marks and the sentence terminals of every script (`。`, `؟`, `।`, `։`, `።`, Greek
/// `;`). English gives the same sentences as [`split`].
///
/// ```
/// use abridge::text::{lang::Language, split_in};
/// let s = split_in("Was sind die Folgen der Abstimmung vom 12. Juni? Wir wissen es nicht.", Language::German);
/// assert_eq!(s.len(), 2);
/// let s = split_in("これはペンです。それはマーカーです。", Language::Japanese);
/// assert_eq!(s[1].text, "それはマーカーです。");
/// ```
pub fn split_in(text: &str, lang: Language) -> Vec<Sentence<'_>> {
    split_spans_in(text, lang)
        .into_iter()
        .filter_map(|(start, end)| {
            text.get(start..end).map(|t| Sentence {
                text: t,
                span: Span::new(start, end),
            })
        })
        .collect()
}

/// The byte spans of the sentences of `text` by the rules of `lang` ([`split_in`]).
pub fn split_spans_in(text: &str, lang: Language) -> Vec<(usize, usize)> {
    let rules = Rules::of_language(lang);
    let mut out = Vec::new();
    for (start, end) in segments(text, rules) {
        split_segment(text, start, end, rules, &mut out);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Characters

/// Opening quotes and brackets that may stand before a word.
pub(crate) const OPENERS: &[char] = &[
    '"', '\'', '`', '“', '‘', '«', '‹', '(', '[', '{', '„', '‚', '¿', '¡',
];
/// Closing quotes and brackets that may follow the punctuation ending a sentence.
pub(crate) const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}'];
/// Marks that can end a sentence.
pub(crate) const TERMINALS: &[char] = &['.', '?', '!', '…', '‽'];
/// The marks [`ends_sentence`] reads: the punctuation that ends a sentence and the closing quotes
/// and brackets that may follow it.
///
/// The callers differ on purpose, and each keeps its marks (changing them changes outputs):
/// [`EndMarks::SPLITTER`] must agree with the splitter's punctuation layer, which cuts at these
/// marks only; [`EndMarks::PAGE`] also knows the full-width marks of Chinese and Japanese text
/// (`。`, `」`), since the cleaner reads pages in any script, and TeX quotes (``` `` ```, `''`)
/// of wire copy; [`EndMarks::SUMMARY`] is the narrow Latin set a summary sentence must end with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndMarks {
    /// Marks that end a sentence.
    pub terminals: &'static [char],
    /// Closing quotes and brackets allowed after them.
    pub closers: &'static [char],
}

impl EndMarks {
    /// The sentence splitter's marks (`.?!…‽`, closed by `"'”’»›)]}`).
    pub const SPLITTER: EndMarks = EndMarks {
        terminals: TERMINALS,
        closers: CLOSERS,
    };
    /// The article cleaner's marks: also the full-width `。！？` closed by `」』）`, and a
    /// backtick among the closers (`.!?…`, closed by ``"”’')]»` 」』）``).
    pub const PAGE: EndMarks = EndMarks {
        terminals: &['.', '!', '?', '…', '。', '！', '？'],
        closers: &['"', '”', '’', '\'', ')', ']', '»', '`', '」', '』', '）'],
    };
    /// The marks a sentence must end with to be picked for a summary (`.!?…` and the full stops
    /// and question and exclamation marks of other scripts, `。！？؟۔।։።။`, closed by
    /// `"')]”’` or `」』》“»`): headings, captions and list fragments lack them.
    pub const SUMMARY: EndMarks = EndMarks {
        terminals: &[
            '.', '!', '?', '…', '。', '！', '？', '؟', '۔', '।', '։', '።', '။',
        ],
        closers: &['"', '\'', ')', ']', '”', '’', '」', '』', '》', '“', '»'],
    };
}

/// The one sentence-end rule: `text`, trailing whitespace aside, ends with one of `marks`'
/// terminals, possibly followed by closing quotes and brackets.
///
/// ```
/// use abridge::text::{ends_sentence, EndMarks};
/// assert!(ends_sentence("“Go.” ", EndMarks::SUMMARY));
/// assert!(!ends_sentence("Latest News", EndMarks::SUMMARY));
/// assert!(ends_sentence("今日は良い天気です。", EndMarks::PAGE));
/// assert!(!ends_sentence("今日は良い天気です。", EndMarks::SPLITTER));
/// ```
pub fn ends_sentence(text: &str, marks: EndMarks) -> bool {
    text.trim_end()
        .trim_end_matches(marks.closers)
        .ends_with(marks.terminals)
}

/// Bullets that open an item of a list wherever they stand.
const BULLETS: &[char] = &[
    '•', '⁃', '◦', '▪', '▫', '‣', '●', '○', '■', '□', '►', '▸', '▹', '➢', '➤', '✓', '✔', '◆', '◇',
    '∙',
];
/// Bullets that open an item only at the start of a line, standing alone before the item.
const LINE_BULLETS: &[&str] = &["-", "*", "+", "–", "—"];
/// Text is not hard-wrapped wider than this: a longer line is a paragraph of its own.
const MAX_WRAP_WIDTH: usize = 120;
/// Dashes that break off a word or a speech (`to--"`, `sir—”`).
const DASHES: &[char] = &['-', '–', '—'];
/// Punctuation at the end of a line that says the sentence goes on on the next line.
const CONTINUATION_PUNCT: &[char] = &[
    ',', ';', '-', '–', '—', '(', '/', '&', '+', '=', '\\', '，', '、', '；',
];

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn dot_count(run: &str) -> usize {
    run.chars()
        .map(|c| match c {
            '.' => 1,
            '…' => 3,
            _ => 0,
        })
        .sum()
}

/// The case of the first letter or digit of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// There is no next word.
    None,
    /// Uppercase, or a letter without case (CJK and the like).
    Upper,
    Lower,
    Digit,
}

fn case_of(s: &str) -> Case {
    match s.chars().find(|c| c.is_alphanumeric()) {
        None => Case::None,
        Some(c) if c.is_lowercase() => Case::Lower,
        Some(c) if c.is_alphabetic() => Case::Upper,
        Some(_) => Case::Digit,
    }
}

/// The first run of letters of a word, lowercased (`"How` → `how`, `I'm` → `i`).
fn leading_letters(s: &str) -> String {
    s.trim_start_matches(OPENERS)
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Layer 1: lines, blocks and segments

/// The segments of `text`: byte spans of runs of lines joined by soft line breaks.
fn segments(text: &str, rules: &Rules) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut block: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = pos;
        pos += raw.len();
        let trimmed = raw.trim();
        let start = line_start + (raw.len() - raw.trim_start().len());
        let toc = toc_title_len(trimmed);
        if trimmed.is_empty() || is_table_row(trimmed) || toc.is_some() {
            // A blank line ends the block; a row of a table stands alone, and so does the title
            // of a line of a table of contents, without its leader and page number.
            flush_block(text, &block, rules, &mut out);
            block.clear();
            if !trimmed.is_empty() {
                out.push((start, start + toc.unwrap_or(trimmed.len())));
            }
        } else {
            block.push((start, start + trimmed.len()));
        }
    }
    flush_block(text, &block, rules, &mut out);
    out
}

struct BlockShape<'r> {
    lines: usize,
    /// The width the block seems wrapped at: the median length of its lines but the last when
    /// there are at least three of them (an overlong line does not count), else the longest.
    width: usize,
    list_like: bool,
    rules: &'r Rules,
}

fn flush_block(text: &str, block: &[(usize, usize)], rules: &Rules, out: &mut Vec<(usize, usize)>) {
    let lines: Vec<&str> = block
        .iter()
        .map(|&(s, e)| text.get(s..e).unwrap_or(""))
        .collect();
    let (Some(&(first_start, _)), Some(&(_, last_end))) = (block.first(), block.last()) else {
        return;
    };
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let max_chars = lengths.iter().copied().max().unwrap_or(0);
    lengths.pop();
    lengths.sort_unstable();
    let width = if lengths.len() >= 3 {
        lengths[lengths.len() / 2]
    } else {
        max_chars
    };
    let shape = BlockShape {
        lines: lines.len(),
        width,
        // Several short lines none of which ends a sentence: a menu, a list of features.
        list_like: lines.len() >= 2
            && max_chars <= 50
            && !lines.iter().any(|l| ends_terminal(l, rules)),
        rules,
    };
    let mut seg_start = first_start;
    let indent = |start: usize| {
        text.get(..start).map_or(0, |t| {
            t.chars()
                .rev()
                .take_while(|&c| c != '\n' && c.is_whitespace())
                .count()
        })
    };
    for (k, pair) in lines.windows(2).enumerate() {
        let hanging = indent(block[k + 1].0) > indent(block[k].0);
        // A line that ends in a space before its break goes on on the next one: a soft break
        // of flowed text (RFC 3676).
        let flowed = text
            .get(block[k].1..)
            .is_some_and(|t| t.starts_with([' ', '\t']));
        if hard_break(pair[0], pair[1], hanging, flowed, &shape) {
            out.push((seg_start, block[k].1));
            seg_start = block[k + 1].0;
        }
    }
    out.push((seg_start, last_end));
}

/// Whether the line break between line `a` and line `b` (both trimmed, non-empty; `hanging`
/// when `b` is indented deeper than `a`, `flowed` when `a` ends in a space before the break)
/// ends the sentence open on `a`.
fn hard_break(a: &str, b: &str, hanging: bool, flowed: bool, shape: &BlockShape) -> bool {
    if line_starts_item(b) {
        return true;
    }
    let lower = case_of(b) == Case::Lower;
    if !lower && ends_in_list_item(a) {
        // `a. here it is b. another c. one more\nThey went`
        return true;
    }
    if line_starts_item(a) {
        // An item goes on on a line indented under it or in lowercase; a capital at the margin
        // is something new.
        if hanging {
            return false;
        }
        if !lower {
            return true;
        }
    }
    let bare = a.trim_end_matches(CLOSERS);
    if bare.ends_with(['…', ':']) || bare.ends_with("..") {
        // `... and what…\nREAD MORE`, `the steps you can take:\nHow to retire early`
        return !lower && !wrapped(a, b, shape);
    }
    if ends_terminal(a, shape.rules) {
        // The punctuation layer judges it, as if the break were a space.
        return false;
    }
    if a.ends_with(CONTINUATION_PUNCT) {
        return false;
    }
    if a.ends_with(shape.rules.continues_after.as_slice()) && joins_unspaced(a, b) {
        // `これは父の\n家です。`: a particle that binds to what follows ends no sentence.
        return false;
    }
    if shape.list_like {
        return true;
    }
    if flowed {
        // `eine möglichst problemlose \nSchwangerschaft zu erleben`
        return false;
    }
    if ends_on_function_word(a) || ends_a_sentence_inside(a, shape.rules) {
        return false;
    }
    if is_heading(a) {
        // A title-cased line is a heading, unless it is a full line of hard-wrapped text
        // (`... President Joe Biden\nsaid on Monday`, `... with Syrian President\nHafez Assad`):
        // news leads are full of capitalised names and titles.
        return !wrapped(a, b, shape);
    }
    if lower {
        return false;
    }
    // The next line opens with a capital: a wrap only if the first word of `b` would not have
    // fitted on line `a`, as in text hard-wrapped at a fixed width.
    !wrapped(a, b, shape)
}

/// When `line` is a line of a table of contents, a title, a leader of four dots or more and a
/// page number (`About Me........5`, `Chapter 2 ..... 6`, `Scores .... 16-17`), the length of
/// the title.
fn toc_title_len(line: &str) -> Option<usize> {
    let head = line.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–'));
    if head.len() == line.len() || !line[head.len()..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let title = head.trim_end_matches(['.', '…', ' ']);
    let dots = dot_count(&head[title.len()..]);
    let title = title.trim_end();
    (dots >= 4 && has_alnum(title)).then_some(title.len())
}

/// Whether `line` ends in an item of a list run into the text (`a. here it is b. another c. one
/// more`): two or more enumerators of one kind and style in order, the last one on the line.
fn ends_in_list_item(line: &str) -> bool {
    let mut run: Option<(Marker, usize)> = None;
    for word in line.split_whitespace() {
        if word.len() > 8 || !word.ends_with(['.', ')']) {
            continue;
        }
        let Some(m) = parse_marker(word) else {
            continue;
        };
        if m.kind == MarkerKind::Upper {
            continue;
        }
        run = match run {
            Some((prev, n))
                if prev.kind == m.kind
                    && prev.style == m.style
                    && prev.value.saturating_add(1) == m.value =>
            {
                Some((m, n + 1))
            }
            _ => Some((m, 1)),
        };
    }
    run.is_some_and(|(_, n)| n >= 2)
}

/// A row of a pipe table (`| a | b |`, `a | b |`): never part of a sentence of prose.
fn is_table_row(line: &str) -> bool {
    line.starts_with('|') || line.matches('|').count() >= 2
}

fn ends_terminal(line: &str, rules: &Rules) -> bool {
    if rules.english {
        return ends_sentence(line, EndMarks::SPLITTER);
    }
    line.trim_end()
        .trim_end_matches(rules.closers.as_slice())
        .ends_with(rules.terminals.as_slice())
}

fn ends_on_function_word(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or("");
    let word = last.trim_matches(|c: char| !c.is_alphanumeric());
    !word.is_empty() && word.chars().all(char::is_lowercase) && CONTINUATION.contains(word)
}

/// Whether a line opens with a bullet or an enumerator (`• `, `- `, `1. `, `2) `, `b) `).
fn line_starts_item(line: &str) -> bool {
    let Some(first) = line.split_whitespace().next() else {
        return false;
    };
    if first.starts_with(BULLETS) || (LINE_BULLETS.contains(&first) && first != line) {
        return true;
    }
    match parse_marker(first) {
        // `J. Smith` at the start of a wrapped line is an initial, not a list item.
        Some(m) => !(m.kind == MarkerKind::Upper && m.style == MarkerStyle::Dot),
        None => false,
    }
}

/// Whether a line without final punctuation reads as a heading: all capitals, a single
/// capitalised word, or title case (first word capitalised and three quarters of the other
/// words that title case capitalises capitalised too).
fn is_heading(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let Some(first) = words.first() else {
        // Digits and symbols only (a date, a rule of asterisks).
        return true;
    };
    if words.len() > 20 {
        return false;
    }
    let letters = || line.chars().filter(|c| c.is_alphabetic());
    if letters().count() >= 2 && letters().all(|c| !c.is_lowercase()) {
        return true;
    }
    if case_of(first) != Case::Upper {
        return false;
    }
    if words.len() == 1 {
        return true;
    }
    let mut significant = 0;
    let mut capitalised = 0;
    for w in &words[1..] {
        let lower = w.to_lowercase();
        if MINOR.contains(&lower) {
            continue;
        }
        significant += 1;
        if case_of(w) == Case::Upper {
            capitalised += 1;
        }
    }
    significant > 0 && capitalised * 4 >= significant * 3
}

/// Whether line `a` looks like a full line of hard-wrapped text: the first word of the next line
/// would have pushed it past (nearly) the width the block is wrapped at.
fn wrapped(a: &str, b: &str, shape: &BlockShape) -> bool {
    let a_chars = a.chars().count();
    if a_chars > MAX_WRAP_WIDTH {
        return false;
    }
    // Two lines tell little about a width: the first must be long and the second must end the
    // paragraph.
    if shape.lines < 3 && (a_chars < 50 || !ends_terminal(b, shape.rules)) {
        return false;
    }
    let next_word = b.split_whitespace().next().unwrap_or("").chars().count();
    (a_chars + 1 + next_word) * 10 > shape.width * 9
}

/// Whether a line holds the end of a sentence before its end (`... to benefit consumers. Indeed,
/// in`, `... support for Syria. Prime Minister`): such a line is running text, not a heading, and
/// the sentence it opens goes on on the next line.
fn ends_a_sentence_inside(line: &str, rules: &Rules) -> bool {
    let mut words = line.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let Some(next) = words.peek() else {
            break;
        };
        let body = w.trim_end_matches(CLOSERS);
        let Some(stem) = body.strip_suffix(['.', '?', '!']) else {
            continue;
        };
        let stem = stem.trim_start_matches(OPENERS);
        let prose_word = stem.chars().count() >= 2
            && stem.chars().any(char::is_lowercase)
            && stem
                .chars()
                .all(|c| c.is_alphanumeric() || c == '\'' || c == '’')
            && !rules.is_abbreviation(stem);
        if prose_word && matches!(case_of(next), Case::Upper) {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Layer 2: tokens and punctuation

/// A whitespace-separated token of a segment (or a piece of one, cut at a full stop run into the
/// next word), as byte offsets into the segment.
///
/// Offsets are `u32` (a segment longer than that is split first, [`split_segment`]): a segment
/// can be a whole document on one line, and a token costs 12 bytes instead of 24.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start_at: u32,
    end_at: u32,
    /// The token is the left piece of a token cut at a missing space: a sentence ends after it.
    glued: bool,
    /// What its bytes are ([`token_flags`]): the rules pass over plain words by these.
    flags: u8,
}

impl Tok {
    fn new(start: usize, end: usize, glued: bool, flags: u8) -> Tok {
        // split_segment keeps segments under u32::MAX bytes.
        Tok {
            start_at: start as u32,
            end_at: end as u32,
            glued,
            flags,
        }
    }

    fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    fn start(&self) -> usize {
        self.start_at as usize
    }

    fn end(&self) -> usize {
        self.end_at as usize
    }
}

// A token's flags, each a fact about its bytes ([`token_flags`]). Most tokens are plain words:
// these let the rules pass over them without taking them apart, with the same results (no
// opening, closing or terminal mark, bullet, quotation mark or list marker is an ASCII letter
// or digit; `TrimSets::alnum_free` checks the language's own marks).
/// Every byte is ASCII.
const TOK_ASCII: u8 = 1;
/// Every byte is an ASCII letter or digit.
const TOK_ALL_ALNUM: u8 = 2;
/// The first byte is an ASCII letter or digit.
const TOK_FIRST_ALNUM: u8 = 4;
/// The last byte is an ASCII letter or digit.
const TOK_LAST_ALNUM: u8 = 8;
/// Some byte is an ASCII letter or digit.
const TOK_HAS_ALNUM: u8 = 16;
/// Some byte is a full stop.
const TOK_HAS_DOT: u8 = 32;

/// The flags of token `text`, by their definitions ([`tokenize`] finds them as it reads).
fn token_flags(text: &str) -> u8 {
    let b = text.as_bytes();
    let alnum = u8::is_ascii_alphanumeric;
    let mut flags = 0;
    let mut set = |cond: bool, flag: u8| {
        if cond {
            flags |= flag;
        }
    };
    set(text.is_ascii(), TOK_ASCII);
    set(!b.is_empty() && b.iter().all(alnum), TOK_ALL_ALNUM);
    set(b.first().is_some_and(alnum), TOK_FIRST_ALNUM);
    set(b.last().is_some_and(alnum), TOK_LAST_ALNUM);
    set(b.iter().any(alnum), TOK_HAS_ALNUM);
    set(b.contains(&b'.'), TOK_HAS_DOT);
    flags
}

/// A token taken apart: `("Hello!"` → core `Hello`, run `!`, closers `"` (the openers `("` are
/// dropped).
#[derive(Debug, Clone, Copy)]
struct Info<'a> {
    text: &'a str,
    /// The token without its openers, closers and final punctuation (and without closers standing
    /// before that punctuation, as in `"great".`).
    core: &'a str,
    /// The final run of sentence punctuation (`.`, `?!`, `...`), possibly empty.
    run: &'a str,
    /// Closing quotes and brackets after the run.
    closers: &'a str,
}

impl Info<'_> {
    /// The parts of token `text`, trimmed with `sets` (built from the rules' characters).
    fn new<'t>(text: &'t str, sets: &TrimSets) -> Info<'t> {
        let t = sets.openers.trim_start(text);
        let body = sets.closers.trim_end(t);
        let closers = &t[body.len()..];
        let core = sets.terminals.trim_end(body);
        let run = &body[core.len()..];
        Info {
            text,
            core: sets.closers.trim_end(core),
            run,
            closers,
        }
    }

    /// The parts of a word that starts and ends with a letter or digit ([`Tok`]'s flags say so):
    /// nothing to trim, the empty parts standing at its end, where [`Info::new`] leaves them.
    #[inline]
    fn plain(text: &str) -> Info<'_> {
        let end = &text[text.len()..];
        Info {
            text,
            core: text,
            run: end,
            closers: end,
        }
    }

    /// Part of an ellipsis: `.`, `...`, `[...]`, `.”`.
    fn dot_only(&self) -> bool {
        self.core.is_empty()
            && !self.run.is_empty()
            && self.run.chars().all(|c| c == '.' || c == '…')
    }

    fn is_bullet(&self) -> bool {
        self.text.starts_with(BULLETS)
    }
}

/// The [`Info`] of each token of a segment, taken apart when asked for: a segment can be a
/// whole document on one line, and keeping them all would cost 64 bytes a token.
#[derive(Clone, Copy)]
struct Infos<'a> {
    seg: &'a str,
    toks: &'a [Tok],
    rules: &'a Rules,
    /// [`OPENERS`] and the rules' closers and terminals, as bitmaps ([`TrimSets`]).
    sets: &'a TrimSets,
    /// Each token's [`Parts`], found once (the rules look at a token six times on average);
    /// empty when the segment is too long for `u32` offsets, and then found at each look.
    parts: &'a [Parts],
    /// Each token's [`Info`] itself, for a segment of at most [`CACHED_INFO_BYTES`] (empty
    /// otherwise): a look is then a copy, without slicing the token again.
    cached: &'a [Info<'a>],
}

/// The longest segment whose tokens' [`Info`]s are kept whole (64 bytes a token; a token holds a
/// byte at least, so at most 4 MiB here); longer ones keep their [`Parts`] (16 bytes a token).
const CACHED_INFO_BYTES: usize = 64 * 1024;

/// The longest segment whose tokens' [`Parts`] are kept (16 bytes a token, at most 64 MiB here);
/// the tokens of longer ones (a document of one line, megabytes long) are taken apart at each
/// look, so that memory stays a small multiple of the text.
const PARTS_BYTES: usize = 4 * 1024 * 1024;

/// Where the parts of an [`Info`] lie in its token, as byte offsets from the token's start:
/// `core` is `core_start..core_end`, `run` is `run_start..closers_start`, `closers` is
/// `closers_start..`. Sixteen bytes a token instead of the sixty-four of an [`Info`].
#[derive(Clone, Copy)]
struct Parts {
    core_start: u32,
    core_end: u32,
    run_start: u32,
    closers_start: u32,
}

impl Parts {
    /// The offsets of `info`'s parts in its token (`u32` offsets: the caller checked that the
    /// token is shorter than `u32::MAX` bytes).
    fn of(info: &Info<'_>) -> Parts {
        let base = info.text.as_ptr() as usize;
        let at = |part: &str| (part.as_ptr() as usize - base) as u32;
        Parts {
            core_start: at(info.core),
            core_end: at(info.core) + info.core.len() as u32,
            run_start: at(info.run),
            closers_start: at(info.closers),
        }
    }

    fn info(self, text: &str) -> Info<'_> {
        let part = |from: u32, to: usize| text.get(from as usize..to).unwrap_or("");
        Info {
            text,
            core: part(self.core_start, self.core_end as usize),
            run: part(self.run_start, self.closers_start as usize),
            closers: part(self.closers_start, text.len()),
        }
    }
}

/// The characters [`Info::new`] trims a token by, as [`CharSet`]s: trimming with a `&[char]`
/// compares each character with every entry, and tokens are trimmed at every look at them.
#[derive(Debug)]
pub(crate) struct TrimSets {
    openers: CharSet,
    closers: CharSet,
    terminals: CharSet,
    /// The first characters of the opening quotation marks ([`inside_quotes`]).
    quote_firsts: CharSet,
    /// No mark of these sets (nor of the bullets) is an ASCII letter or digit: the token flags'
    /// shortcuts hold.
    alnum_free: bool,
}

impl TrimSets {
    /// The sets of `rules` (built once per language: [`Rules::trim_sets`]).
    pub(crate) fn of(rules: &Rules) -> TrimSets {
        let firsts: Vec<char> = rules
            .quotes
            .iter()
            .filter_map(|(o, _)| o.chars().next())
            .collect();
        let alnum = |c: &char| c.is_ascii_alphanumeric();
        let alnum_free = !OPENERS
            .iter()
            .chain(&rules.closers)
            .chain(&rules.terminals)
            .chain(&firsts)
            .chain(BULLETS)
            .any(alnum);
        TrimSets {
            openers: CharSet::new(OPENERS),
            closers: CharSet::new(&rules.closers),
            terminals: CharSet::new(&rules.terminals),
            quote_firsts: CharSet::new(&firsts),
            alnum_free,
        }
    }
}

impl<'a> Infos<'a> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    fn get(&self, j: usize) -> Option<Info<'a>> {
        let t = self.toks.get(j)?;
        let text = self.seg.get(t.start()..t.end()).unwrap_or("");
        if self.sets.alnum_free && t.has(TOK_FIRST_ALNUM) && t.has(TOK_LAST_ALNUM) {
            // Answered by the flags, not from the cache (a copy of 64 bytes).
            return Some(Info::plain(text));
        }
        if let Some(info) = self.cached.get(j) {
            return Some(*info);
        }
        Some(match self.parts.get(j) {
            Some(p) => p.info(text),
            None => Info::new(text, self.sets),
        })
    }

    /// The text of token `j` (empty past the end): without taking the token apart.
    fn text(&self, j: usize) -> &'a str {
        self.toks
            .get(j)
            .and_then(|t| self.seg.get(t.start()..t.end()))
            .unwrap_or("")
    }

    /// [`Info::is_bullet`] of token `j`, which exists.
    fn is_bullet(&self, j: usize) -> bool {
        // Every bullet is outside ASCII.
        !self.toks.get(j).is_some_and(|t| t.has(TOK_ASCII)) && self.text(j).starts_with(BULLETS)
    }

    /// Whether token `j` has a letter or digit ([`has_alnum`]).
    fn has_alnum(&self, j: usize) -> bool {
        match self.toks.get(j) {
            Some(t) if t.has(TOK_HAS_ALNUM) => true,
            Some(t) if t.has(TOK_ASCII) => false,
            _ => has_alnum(self.text(j)),
        }
    }

    /// Whether a sentence can end after token `j` only by what follows it: a word with no full
    /// stop and nothing after its last letter or digit, which [`decide`] ends only before a
    /// spaced ellipsis. `true` says [`decide`] returns `None`; `false` says nothing.
    fn plain_word(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else {
            return false;
        };
        self.sets.alnum_free
            && t.has(TOK_LAST_ALNUM)
            && !t.has(TOK_HAS_DOT)
            && self
                .toks
                .get(j + 1)
                .is_none_or(|n| n.has(TOK_FIRST_ALNUM) || !self.at(j + 1).dot_only())
    }

    /// Token `j`, which exists.
    fn at(&self, j: usize) -> Info<'a> {
        self.get(j).expect("token index inside the segment")
    }

    fn iter(&self) -> impl Iterator<Item = Info<'a>> + '_ {
        (0..self.len()).map(|j| self.at(j))
    }
}

fn tokenize(seg: &str, rules: &Rules) -> Vec<Tok> {
    let bytes = seg.as_bytes();
    // About a token in five bytes of prose, sized once (grown from empty, a paragraph's
    // tokens were copied six times).
    let mut out = Vec::with_capacity(bytes.len() / 4 + 4);
    // Whether a token without `.`, `?` or `!` may still be cut ([`missing_space_cuts`]): by a
    // script terminal, which only a token outside ASCII can hold unless one of them is ASCII.
    let scripts = !rules.script_terminals.is_empty();
    let ascii_script = rules.script_terminals.iter().any(char::is_ascii);
    // The character at `i` (a boundary) and its length; `None` past a bad boundary.
    let decode = |i: usize| seg.get(i..).and_then(|r| r.chars().next());
    let mut i = 0;
    while i < bytes.len() {
        // ASCII by byte (its white space: space, tab, LF, VT, FF, CR); other characters decoded.
        let b = bytes[i];
        if b < 0x80 {
            if SPLIT_CLASS[usize::from(b)] & SPLIT_WHITE != 0 {
                i += 1;
                continue;
            }
        } else if let Some(c) = decode(i).filter(|c| c.is_whitespace()) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        // The classes of the token's ASCII bytes: any of them, all of them, the last one.
        let (mut any, mut all, mut last) = (0u8, SPLIT_ALNUM, 0u8);
        let mut ascii = true;
        while i < bytes.len() {
            // Eight ASCII bytes at a time while they last: the token's bytes among them, and
            // their classes, from masks ([`ascii_token_masks`]).
            if let Some(x) = bytes
                .get(i..i + 8)
                .and_then(|c| c.try_into().ok())
                .map(u64::from_le_bytes)
                .filter(|x| x & HIGH_BITS == 0)
            {
                let masks = ascii_token_masks(x);
                let run = if masks.white == 0 {
                    8
                } else {
                    masks.white.trailing_zeros() as usize / 8
                };
                if run > 0 {
                    let within = HIGH_BITS >> (8 * (8 - run));
                    if masks.alnum & within != 0 {
                        any |= SPLIT_ALNUM;
                    }
                    if masks.dot & within != 0 {
                        any |= SPLIT_DOT;
                    }
                    if masks.end & within != 0 {
                        any |= SPLIT_END;
                    }
                    if masks.alnum & within != within {
                        all = 0;
                    }
                    let last_bit = 0x80u64 << (8 * (run - 1));
                    last = if masks.alnum & last_bit != 0 {
                        SPLIT_ALNUM
                    } else {
                        0
                    };
                    i += run;
                }
                if run < 8 {
                    break;
                }
                continue;
            }
            let b = bytes[i];
            if b < 0x80 {
                let class = SPLIT_CLASS[usize::from(b)];
                if class & SPLIT_WHITE != 0 {
                    break;
                }
                any |= class;
                all &= class;
                last = class;
                i += 1;
            } else {
                match decode(i) {
                    Some(c) if c.is_whitespace() => break,
                    Some(c) => i += c.len_utf8(),
                    None => i += 1,
                }
                ascii = false;
                all = 0;
                last = 0;
            }
        }
        if any & SPLIT_END != 0 || (scripts && (!ascii || ascii_script)) {
            push_pieces(seg, start, i, rules, &mut out);
            continue;
        }
        let first_alnum =
            bytes[start] < 0x80 && SPLIT_CLASS[usize::from(bytes[start])] & SPLIT_ALNUM != 0;
        let mut flags = 0;
        for (cond, flag) in [
            (ascii, TOK_ASCII),
            (all & SPLIT_ALNUM != 0, TOK_ALL_ALNUM),
            (first_alnum, TOK_FIRST_ALNUM),
            (last & SPLIT_ALNUM != 0, TOK_LAST_ALNUM),
            (any & SPLIT_ALNUM != 0, TOK_HAS_ALNUM),
            (any & SPLIT_DOT != 0, TOK_HAS_DOT),
        ] {
            if cond {
                flags |= flag;
            }
        }
        out.push(Tok::new(start, i, false, flags));
    }
    out
}

/// [`SPLIT_CLASS`] bits: white space (as `char::is_whitespace` has it in ASCII), a letter or
/// digit, a full stop, a mark that may end a sentence inside a token (`.`, `?`, `!`).
const SPLIT_WHITE: u8 = 1;
const SPLIT_ALNUM: u8 = 2;
const SPLIT_DOT: u8 = 4;
const SPLIT_END: u8 = 8;

/// Bit 7 of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Eight ASCII bytes' classes for [`tokenize`], as [`SPLIT_CLASS`] gives them byte by byte:
/// bit 7 of each byte that is white space, a letter or digit, a full stop, or a sentence end.
struct TokenMasks {
    white: u64,
    alnum: u64,
    dot: u64,
    end: u64,
}

/// [`TokenMasks`] of `x`, eight bytes below 0x80: each byte's sums stay inside it.
fn ascii_token_masks(x: u64) -> TokenMasks {
    use super::lang::{ascii_equal_mask, ascii_space_mask, ascii_word_masks};
    let equal = |c: u8| ascii_equal_mask(x, c);
    let dot = equal(b'.');
    TokenMasks {
        white: ascii_space_mask(x),
        alnum: ascii_word_masks(x).0,
        dot,
        end: dot | equal(b'?') | equal(b'!'),
    }
}

/// The class of each ASCII byte for [`tokenize`].
static SPLIT_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => SPLIT_WHITE,
            b'.' => SPLIT_DOT | SPLIT_END,
            b'?' | b'!' => SPLIT_END,
            _ if c.is_ascii_alphanumeric() => SPLIT_ALNUM,
            _ => 0,
        };
        b += 1;
    }
    t
};

#[cfg(test)]
fn tokenize_by_chars(seg: &str, rules: &Rules) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in seg.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push_pieces(seg, s, i, rules, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push_pieces(seg, s, seg.len(), rules, &mut out);
    }
    out
}

fn push_pieces(seg: &str, start: usize, end: usize, rules: &Rules, out: &mut Vec<Tok>) {
    let Some(tok) = seg.get(start..end) else {
        return;
    };
    let mut from = 0;
    for cut in missing_space_cuts(tok, rules) {
        let piece = tok.get(from..cut).unwrap_or("");
        out.push(Tok::new(
            start + from,
            start + cut,
            true,
            token_flags(piece),
        ));
        from = cut;
    }
    let piece = tok.get(from..).unwrap_or("");
    out.push(Tok::new(start + from, end, false, token_flags(piece)));
}

/// Byte offsets inside a whitespace-free token after which a sentence ends although no space
/// follows: `world.Today`, `resolution.Below`, `landscape.as`, `1,000.That`, `Really?Yes`.
/// Web and e-mail addresses, numbers (`3.5`), dotted abbreviations (`U.S.A`, `e.g.`, `Ph.D`),
/// ellipses (`mean...see`), dotted names (`os.path`) and file names (`report.pdf`) are spared.
fn missing_space_cuts(tok: &str, rules: &Rules) -> Vec<usize> {
    let mut cuts = Vec::new();
    // Most script terminals are not ASCII (Greek `;` is): an ASCII token is skipped cheaply.
    if !rules.script_terminals.is_empty()
        && (!tok.is_ascii() || rules.script_terminals.iter().any(char::is_ascii))
    {
        script_terminal_cuts(tok, rules, &mut cuts);
    }
    // Only a `.`, `?` or `!` makes a cut below: most tokens (words) have none, and skip the
    // address checks (a searcher for `://` each).
    if !tok.bytes().any(|b| matches!(b, b'.' | b'?' | b'!')) {
        return cuts;
    }
    let bare = tok.trim_start_matches(OPENERS);
    if tok.contains('@')
        || tok.contains("://")
        || bare
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("www."))
    {
        return cuts;
    }
    for (p, c) in tok.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let mut after = p + c.len_utf8();
        let before = &tok[..p];
        // Closing quotes may stand between the mark and the next sentence (`continuum.'Click`);
        // the next word must then be capitalised (not `Jr.'s`).
        let closed = tok[after..].trim_start_matches(CLOSERS);
        let quoted = closed.len() < tok.len() - after;
        after = tok.len() - closed.len();
        let rest = &tok[after..];
        let Some(r) = rest.chars().next() else {
            continue;
        };
        if !r.is_alphabetic()
            || (quoted && !r.is_uppercase())
            || !before
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        // The word before the mark (digits may carry thousands separators) and after it.
        let left_len = before
            .chars()
            .rev()
            .take_while(|&ch| ch.is_alphanumeric() || ch == ',')
            .map(char::len_utf8)
            .sum::<usize>();
        let left = before[before.len() - left_len..].trim_start_matches(',');
        let char_before_left = before[..before.len() - left_len].chars().next_back();
        let right_len = rest
            .chars()
            .take_while(|ch| ch.is_alphanumeric())
            .map(char::len_utf8)
            .sum::<usize>();
        let right = &rest[..right_len];
        let after_right = &rest[right_len..];
        let right_chars = right.chars().count();
        let right_all_caps = right.chars().all(|ch| !ch.is_lowercase());
        let ok = match c {
            '?' => r.is_uppercase(),
            '!' => r.is_uppercase() && left.chars().filter(|ch| ch.is_alphabetic()).count() >= 2,
            _ => {
                let dotted_chain = char_before_left == Some('.')
                    || (after_right.starts_with('.')
                        && after_right[1..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric));
                let left_has_letters = left.chars().any(char::is_alphabetic);
                // One capital letter standing as a word (`world.I dag`) after a lower-case
                // word of three letters or more.
                let lone_capital = right_chars == 1
                    && r.is_uppercase()
                    && after_right.is_empty()
                    && left.chars().count() >= 3
                    && left.chars().all(char::is_lowercase);
                if dotted_chain || (right_chars < 2 && !lone_capital) {
                    false
                } else if !left_has_letters {
                    // `1,000.That`
                    // Outside English a one-digit number is an item (`1.Helado, 2.Carne`).
                    left.chars().any(|ch| ch.is_ascii_digit())
                        && r.is_uppercase()
                        && !right_all_caps
                        && (rules.english || left.chars().count() >= 2)
                } else if left.chars().count() < 2
                    || rules.is_prepositive(&left.to_lowercase())
                    || (!r.is_uppercase() && rules.is_abbreviation(left))
                    || DOMAIN_OR_EXTENSION.contains(&right.to_lowercase())
                {
                    // `Mr.Smith`, `etc.and`, `example.com`, `Agency.Com`, `report.pdf`; but an
                    // abbreviation that may end a sentence does before a capital (`No."Then`).
                    false
                } else {
                    // `resolution.Below`, `landscape.as`, but not `ASP.NET`; outside English a
                    // lower-case word may run into a capitalised one (`жағдайы.XVIII`).
                    !(r.is_uppercase() && right_all_caps)
                        || lone_capital
                        || (!rules.english
                            && left.chars().count() >= 3
                            && left.chars().all(char::is_lowercase))
                }
            }
        };
        if ok {
            cuts.push(after);
        }
    }
    // The script terminals' cuts came first: in order, or a piece would end before it starts.
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Cuts inside a token after the terminals that end a sentence with or without a space after
/// them (`。`, `？`, `።`, `؟`): after the terminal and the closing quotes that follow it, when
/// more text follows and no bracket or quotation opened in the token is still open (`《摔跤吧！
/// 爸爸》` holds a title). A full-width full stop between digits is a decimal point (`３．２９`).
fn script_terminal_cuts(tok: &str, rules: &Rules, cuts: &mut Vec<usize>) {
    let mut depth = 0usize;
    let mut chars = tok.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((p, c)) = chars.next() {
        if rules
            .quotes
            .iter()
            .any(|(open, close)| open.starts_with(c) && open.chars().count() == 1 && *close != c)
        {
            depth += 1;
        } else if depth > 0 && rules.quotes.iter().any(|(_, close)| *close == c) {
            depth -= 1;
        }
        let is_script = rules.script_terminals.contains(&c);
        // Between digits a full-width full stop is a decimal point (`３．２９`) and a colon a
        // time (`10:30`).
        let decimal = prev.is_some_and(|d| d.is_numeric())
            && chars.peek().is_some_and(|&(_, d)| d.is_numeric());
        // A colon that ends a sentence in its script (Armenian, Arabic) still opens an address.
        let scheme = c == ':' && chars.peek().is_some_and(|&(_, d)| d == '/');
        prev = Some(c);
        if !is_script || decimal || scheme || depth > 0 {
            continue;
        }
        // Take the terminals and closing marks that follow into this sentence.
        let mut end = p + c.len_utf8();
        while let Some(&(q, d)) = chars.peek() {
            if rules.terminals.contains(&d) || rules.closers.contains(&d) {
                end = q + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if end < tok.len() && cuts.last().is_none_or(|&last| last < end) {
            cuts.push(end);
        }
    }
}

// Lists ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MarkerKind {
    Digit,
    Lower,
    Upper,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MarkerStyle {
    /// `1.`
    Dot,
    /// `1.)`
    DotParen,
    /// `1)` or `(1)`
    Paren,
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    kind: MarkerKind,
    style: MarkerStyle,
    value: u32,
}

/// An enumerator token: `1.`, `12)`, `(3)`, `4.)`, `a.`, `b)`, possibly after a bullet (`⁃9.`).
fn parse_marker(token: &str) -> Option<Marker> {
    // Every marker ends with `.` or `)`, and what is tested below is a suffix of the token:
    // most tokens (words) are turned away here, before the bullets are trimmed.
    if !token.ends_with(['.', ')']) {
        return None;
    }
    let s = token.trim_start_matches(BULLETS);
    let s = s.strip_prefix('(').unwrap_or(s);
    let (style, head) = if let Some(h) = s.strip_suffix(".)") {
        (MarkerStyle::DotParen, h)
    } else if let Some(h) = s.strip_suffix('.') {
        (MarkerStyle::Dot, h)
    } else if let Some(h) = s.strip_suffix(')') {
        (MarkerStyle::Paren, h)
    } else {
        return None;
    };
    let bytes = head.as_bytes();
    if (1..=3).contains(&bytes.len()) && bytes.iter().all(u8::is_ascii_digit) {
        let value = head.parse().ok()?;
        return Some(Marker {
            kind: MarkerKind::Digit,
            style,
            value,
        });
    }
    match bytes {
        [b] if b.is_ascii_lowercase() => Some(Marker {
            kind: MarkerKind::Lower,
            style,
            value: u32::from(b - b'a') + 1,
        }),
        [b] if b.is_ascii_uppercase() => Some(Marker {
            kind: MarkerKind::Upper,
            style,
            value: u32::from(b - b'A') + 1,
        }),
        _ => None,
    }
}

/// Which tokens of a segment are enumerators of a list. A marker at the start of the segment
/// counts alone; elsewhere markers must come in a run of consecutive values of one kind and style
/// (`1. … 2. …`, `a. … b. …`) whose first member opens the segment, follows a bullet or a colon.
fn list_markers(infos: &Infos<'_>) -> Vec<bool> {
    let mut confirmed = vec![false; infos.len()];
    let markers: Vec<(usize, Marker)> = (0..infos.len())
        .filter(|&i| !infos.toks[i].has(TOK_LAST_ALNUM))
        .filter_map(|i| parse_marker(infos.text(i)).map(|m| (i, m)))
        .collect();
    let qualifies = |i: usize| {
        i == 0
            || infos.is_bullet(i)
            || infos.get(i.wrapping_sub(1)).is_some_and(|p| {
                p.is_bullet()
                    || p.text.ends_with(':')
                    // After a sentence: `Finally, this. 1. The first item 2. The second`.
                    || p.text.trim_end_matches(CLOSERS).ends_with(['.', '?', '!'])
            })
    };
    if let Some(&(i, _)) = markers.first() {
        if i == 0 || (i == 1 && infos.is_bullet(0)) {
            confirmed[i] = true;
        }
    }
    // Runs grow one marker at a time: each open run waits for its next value, keyed by it and
    // holding its first marker; a run confirms its markers once it has two.
    let mut waiting: FxHashMap<(MarkerKind, MarkerStyle, u32), usize> = FxHashMap::default();
    for &(i, m) in &markers {
        if m.kind == MarkerKind::Upper {
            continue;
        }
        let first = match waiting.remove(&(m.kind, m.style, m.value)) {
            Some(first) => {
                confirmed[first] = true;
                confirmed[i] = true;
                first
            }
            None if qualifies(i) => i,
            None => continue,
        };
        waiting.insert((m.kind, m.style, m.value.saturating_add(1)), first);
    }
    confirmed
}

// The punctuation rules -----------------------------------------------------------------------

struct Ctx<'s, 'a> {
    infos: Infos<'a>,
    markers: &'s [bool],
    /// For each token index, the first token at or after it with a letter or digit (the length
    /// of `infos` when there is none); one entry more than `infos`.
    next_word: Vec<usize>,
}

impl<'s, 'a> Ctx<'s, 'a> {
    fn new(infos: Infos<'a>, markers: &'s [bool]) -> Self {
        let mut next_word = vec![infos.len(); infos.len() + 1];
        for j in (0..infos.len()).rev() {
            next_word[j] = if infos.has_alnum(j) {
                j
            } else {
                next_word[j + 1]
            };
        }
        Ctx {
            infos,
            markers,
            next_word,
        }
    }

    /// The first token at or after `from` with a letter or digit.
    fn word_from(&self, from: usize) -> Option<usize> {
        let j = self.next_word.get(from).copied()?;
        (j < self.infos.len()).then_some(j)
    }

    fn case_from(&self, from: usize) -> Case {
        self.word_from(from)
            .map_or(Case::None, |j| case_of(self.infos.text(j)))
    }

    /// Whether the word at or after `from` is one that usually opens a sentence (and is not an
    /// initial: `J. R. R. Tolkien`).
    fn starter_from(&self, from: usize) -> bool {
        self.word_from(from).is_some_and(|j| {
            let inf = &self.infos.at(j);
            let initial = inf.core.chars().count() == 1 && inf.run == ".";
            !initial && self.infos.rules.is_starter(&leading_letters(inf.text))
        })
    }
}

/// Whether a sentence ends after token `i`, and if so after which token (a spaced ellipsis after
/// the word may be taken into the sentence). `sent_start` is the first token of the open sentence.
fn decide(ctx: &Ctx<'_, '_>, i: usize, sent_start: usize) -> Option<usize> {
    let infos = ctx.infos;
    let inf = &infos.at(i);
    if inf.dot_only() || ctx.markers[i] {
        return None;
    }
    // A spaced ellipsis after the token: `word . . . .`, `word. . . .`.
    let mut j = i + 1;
    let mut spaced = 0;
    while j < infos.len() && infos.at(j).dot_only() {
        spaced += dot_count(infos.at(j).run);
        j += 1;
    }
    let next = ctx.case_from(j);
    let next_opens = matches!(next, Case::None | Case::Upper);
    let question = inf.run.contains(['?', '!', '‽']);
    if spaced > 0 && !question {
        let own = dot_count(inf.run);
        return match own {
            // `weakened . . . was` goes on; `a period . . . . Next` ends after the fourth dot.
            0 => (spaced >= 4 && next_opens).then_some(j - 1),
            // `compounds. . . . The`: the full stop ends the sentence, the ellipsis opens the next.
            1 if inf.closers.is_empty() => {
                (spaced >= 3 && next_opens && !infos.rules.is_abbreviation(inf.core)).then_some(i)
            }
            _ => (own + spaced >= 4 && next_opens).then_some(j - 1),
        };
    }
    if inf.run.is_empty() {
        // A speech broken off by a dash (`sir--" The Rabbit started`) ends before a word that
        // opens a sentence.
        if !inf.closers.is_empty()
            && !infos.rules.quotes.is_empty()
            && inf.core.ends_with(DASHES)
            && ctx.case_from(i + 1) == Case::Upper
            && ctx.starter_from(i + 1)
        {
            return Some(i);
        }
        // A full stop followed by a note's number (`martyr.[1]`, `large.[7][8]`, `(1987).1`,
        // `consultation.11 12`): the sentence ends after the numbers when a capital follows.
        if let Some(last) = after_note_numbers(ctx, i) {
            return (ctx.case_from(last + 1) == Case::Upper).then_some(last);
        }
        return None;
    }
    let script = inf.run.contains(infos.rules.script_terminals.as_slice());
    if script {
        // `。`, `؟`, `।`, Greek `;`: the next word has no case or opens the sentence. A clause
        // terminal (`،`) before a clause of one word marks an enumeration's item.
        let clause_only = !infos.rules.clause_terminals.is_empty()
            && inf
                .run
                .chars()
                .all(|c| infos.rules.clause_terminals.contains(&c));
        let one_word_clause = infos
            .get(i + 1)
            .is_some_and(|next| !next.run.is_empty() || infos.get(i + 2).is_none());
        return (!clause_only || !one_word_clause).then_some(i);
    }
    if question {
        // `Hello?! Is that you?` but `Yahoo! in the accounting department`; where the language
        // says so, a bare question mark ends before a word that follows it directly (`кім? не?`,
        // not `Кто там? — спросил он`).
        let question_ends = infos.rules.question_before_lower
            && inf.run.chars().all(|c| c == '?')
            && inf.closers.is_empty()
            && infos
                .get(i + 1)
                .is_some_and(|n| n.text.starts_with(char::is_lowercase));
        return (next != Case::Lower || question_ends).then_some(i);
    }
    let dots = dot_count(inf.run);
    if dots == 2 && inf.run == ".." && !infos.rules.english && infos.rules.is_abbreviation(inf.core)
    {
        // The full stop of an abbreviation and the full stop of the sentence (`23 Nov.. Grazie`).
        return next_opens.then_some(i);
    }
    if dots >= 2 {
        // `that.... She left` ends, and `slowly... And this` before a word that opens a
        // sentence; `what I mean... see` does not.
        let starter = next == Case::Upper && ctx.starter_from(i + 1);
        return ((dots >= 4 && next_opens) || (dots == 3 && starter)).then_some(i);
    }
    if !inf.closers.is_empty() {
        // `"This is great." She held` but `"This is great." she said`.
        return next_opens.then_some(i);
    }
    if next == Case::None {
        return Some(i);
    }
    full_stop(ctx, i, sent_start, next).then_some(i)
}

/// When token `i` is a word or a closing bracket, a full stop and a note's number (`martyr.[1]`,
/// `large.[7][8]`, `(1987).1`, `consultation.11`), the last token of the note: `i`, or the bare
/// numbers of one to three digits that follow (`consultation.11 12`).
fn after_note_numbers(ctx: &Ctx<'_, '_>, i: usize) -> Option<usize> {
    let text = ctx.infos.text(i);
    // `rsplit_once('.')` by a byte loop: tokens are short, and most have no full stop, for
    // which a `memrchr` call cost more than it saved.
    let dot = text.bytes().rposition(|b| b == b'.')?;
    let (head, note) = (text.get(..dot)?, text.get(dot + 1..)?);
    // A word of two letters or more (`spring.`), or a closing bracket (`(2019).`), before the
    // stop: not a number (`3.10`) nor an initial.
    let bracket = head.ends_with(')');
    let word = head.chars().next_back().is_some_and(char::is_alphabetic)
        && head.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !(bracket || word) {
        return None;
    }
    let digits = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let bracketed = note.len() >= 3
        && note.starts_with('[')
        && note.ends_with(']')
        && note[1..note.len() - 1].split("][").all(digits);
    if bracketed {
        return Some(i);
    }
    if !digits(note) {
        return None;
    }
    let mut last = i;
    while ctx.infos.get(last + 1).is_some_and(|n| digits(n.text)) {
        last += 1;
    }
    Some(last)
}

/// Whether the single full stop ending token `i` ends the sentence; `next` is the case of the
/// next word (there is one).
fn full_stop(ctx: &Ctx<'_, '_>, i: usize, sent_start: usize, next: Case) -> bool {
    let core = ctx.infos.at(i).core;
    let lower = core.to_lowercase();
    let prev = (i > sent_start).then(|| ctx.infos.at(i - 1));
    let rules = ctx.infos.rules;
    if !rules.english {
        if let Some(ends) = full_stop_by_language(ctx, i, core, &lower, next) {
            return ends;
        }
    }
    if is_dotted_abbreviation(core) {
        let key: String = lower.chars().filter(|&c| c != '.').collect();
        return match key.as_str() {
            "eg" | "ie" | "cf" | "viz" => false,
            // A time ends a sentence before a capital, unless it opens the sentence
            // (`At 5 a.m. Mr. Smith went`).
            "am" | "pm" => next == Case::Upper && (ctx.starter_from(i + 1) || i - sent_start > 3),
            // `I live in the U.S. How about you?` but `the U.S. Government`.
            _ => next == Case::Upper && ctx.starter_from(i + 1),
        };
    }
    let mut chars = core.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            if i == sent_start {
                // A capital letter alone is no sentence: a label or an initial (`Q. What is
                // his name? A. His name is`, `I. Introduction`).
                return false;
            }
            // An initial (`Jonas E. Smith`) unless a sentence plainly starts next, the pronoun I
            // ends a clause (`you and I. Did you`) or the letter follows a number (a compass
            // point, a grade: `0.1278 W. Divers`).
            let pronoun = c == 'I' && prev.is_some_and(|p| case_of(p.text) == Case::Lower);
            let after_number = prev.is_some_and(|p| {
                p.text
                    .trim_end_matches(|ch: char| !ch.is_alphanumeric())
                    .ends_with(|ch: char| ch.is_ascii_digit())
            });
            return next == Case::Upper && (pronoun || after_number || ctx.starter_from(i + 1));
        }
        if c.is_lowercase() {
            // `p. 55`, `Roe v. Wade`.
            return false;
        }
    }
    if core.chars().all(char::is_alphabetic) {
        if lower == "st" {
            // After a name or a number it is a street (`Main St. The`), else a saint.
            let street = prev.is_some_and(|p| matches!(case_of(p.text), Case::Upper | Case::Digit));
            return street && next == Case::Upper;
        }
        if PREPOSITIVE.contains(&lower) {
            // A title stands before a name; but after a name it is part of the name, and a
            // sentence may start after it (`loyal to Hun Sen. The king`, yet `Ms. He said`).
            let after_name = prev.is_some_and(|p| case_of(p.text) == Case::Upper);
            return next == Case::Upper && after_name && ctx.starter_from(i + 1);
        }
        // A plain lower-case word, not a brand written in lower case (`my6sense`, `iPhone`).
        let next_is_word = ctx.infos.get(i + 1).is_some_and(|n| {
            let word = n.text.trim_end_matches(|c: char| !c.is_alphanumeric());
            !word.is_empty() && word.chars().all(char::is_lowercase)
        });
        if next_is_word && core.chars().count() <= 4 && core == lower {
            // A short lower-case word cut by a full stop before a lower-case word is an
            // abbreviation (`The med. staff`, `approx. ten`).
            return false;
        }
        if KNOWN.contains(&lower) {
            // Before a bracket the abbreviation goes on (`CompanyA Inc. (“Company A”)`),
            let bracket = ctx
                .infos
                .get(i + 1)
                .is_some_and(|n| n.text.starts_with(['(', '[']));
            return next == Case::Upper && !bracket;
        }
        return true;
    }
    if core.chars().next_back().is_some_and(char::is_numeric) {
        // `She has $100.00. It is`; before a lowercase word the number is not the end.
        return next != Case::Lower;
    }
    if KNOWN.contains(&lower) {
        return next == Case::Upper;
    }
    // A short unknown symbol-laden abbreviation before a number (`N°. 1026`).
    !(next == Case::Digit && core.chars().count() <= 3)
}

/// The rules of a language other than English for the full stop after `core` (`lower`
/// lower-cased), when they decide: abbreviations and titles of the language's lists, ordinal
/// numbers. `None` leaves the full stop to the general rules.
fn full_stop_by_language(
    ctx: &Ctx<'_, '_>,
    i: usize,
    core: &str,
    lower: &str,
    next: Case,
) -> Option<bool> {
    let rules = ctx.infos.rules;
    if rules.ordinal_dot && is_ordinal(core) {
        // `am 12. Juni`, `1. -3. Jahrhundert`, `XII. Pluku`.
        return Some(false);
    }
    if core.chars().count() < 2 || !rules.is_abbreviation(core) {
        // Single letters are initials (`А. Фарахани`), left to the general rules.
        return None;
    }
    if next == Case::Digit || next == Case::Lower {
        // `Kv. 234`, `ул. 1 Мая`, `Admón. es`.
        return Some(false);
    }
    if rules.is_prepositive(lower) {
        return Some(false);
    }
    Some(match rules.abbreviation_end {
        AbbreviationEnd::Capital => next == Case::Upper,
        AbbreviationEnd::Starter => next == Case::Upper && ctx.starter_from(i + 1),
    })
}

/// An ordinal number as languages with an ordinal full stop write it: one or two digits (maybe
/// after a dash, `-3`) or a Roman numeral of two or more letters.
fn is_ordinal(core: &str) -> bool {
    let digits = core.trim_start_matches(['-', '–']);
    if (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    (2..=6).contains(&core.len()) && core.bytes().all(|b| b"IVXLC".contains(&b))
}

/// `U.S`, `a.m`, `Ph.D`, `e.g`: two or more groups of one or two letters joined by full stops.
fn is_dotted_abbreviation(core: &str) -> bool {
    let mut groups = 0;
    for part in core.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 2 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

fn split_segment(
    text: &str,
    seg_start: usize,
    seg_end: usize,
    rules: &Rules,
    out: &mut Vec<(usize, usize)>,
) {
    let Some(seg) = text.get(seg_start..seg_end) else {
        return;
    };
    if seg.len() > SEGMENT_MAX {
        // Token offsets are u32: a longer segment (no blank line nor sentence-ending line in 4
        // GiB) is read as two, cut at its last white space before the limit.
        let mut limit = SEGMENT_MAX;
        while !seg.is_char_boundary(limit) {
            limit -= 1;
        }
        let head = &seg[..limit];
        let cut = match head.rfind(char::is_whitespace) {
            Some(at) if at > 0 => at,
            _ => head.len(),
        };
        split_segment(text, seg_start, seg_start + cut, rules, out);
        split_segment(text, seg_start + cut, seg_end, rules, out);
        return;
    }
    let toks = tokenize(seg, rules);
    let sets = rules.trim_sets();
    let mut infos = Infos {
        seg,
        toks: &toks,
        rules,
        sets,
        parts: &[],
        cached: &[],
    };
    let cached: Vec<Info<'_>> = if seg.len() <= CACHED_INFO_BYTES {
        // Plain words are answered by their flags before the cache is asked (`Infos::get`):
        // their entries are never read, so they are left untrimmed.
        toks.iter()
            .map(|t| {
                let text = seg.get(t.start()..t.end()).unwrap_or("");
                if sets.alnum_free && t.has(TOK_FIRST_ALNUM) && t.has(TOK_LAST_ALNUM) {
                    Info::plain(text)
                } else {
                    Info::new(text, sets)
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let parts: Vec<Parts> = if cached.is_empty() && seg.len() <= PARTS_BYTES {
        infos.iter().map(|inf| Parts::of(&inf)).collect()
    } else {
        Vec::new()
    };
    infos.parts = &parts;
    infos.cached = &cached;
    let quoted = if rules.quotes.is_empty() {
        Vec::new()
    } else {
        inside_quotes(&infos)
    };
    let markers = list_markers(&infos);
    let ctx = Ctx::new(infos, &markers);
    let mut cuts: Vec<usize> = Vec::new();
    let mut sent_start = 0;
    let mut i = 0;
    while i < toks.len() {
        // A bullet, or an enumerator not after a bullet, opens a new item.
        let opens_item = infos.is_bullet(i) || (markers[i] && !(i > 0 && infos.is_bullet(i - 1)));
        if opens_item && i > sent_start {
            cuts.push(toks[i].start());
            sent_start = i;
        }
        let end = if quoted.get(i).copied().unwrap_or(false) {
            None
        } else if toks[i].glued {
            Some(i)
        } else if infos.plain_word(i) {
            None
        } else {
            decide(&ctx, i, sent_start)
        };
        match end {
            Some(mut j) => {
                if !rules.english {
                    // Closing marks set off by a space (French `Adieu. »`) close this sentence.
                    while infos
                        .get(j + 1)
                        .is_some_and(|n| n.text.chars().all(|c| sets.closers.contains(c)))
                    {
                        j += 1;
                    }
                }
                cuts.push(toks[j].end());
                sent_start = j + 1;
                i = j + 1;
            }
            None => i += 1,
        }
    }
    // Pieces between the cuts, trimmed; pieces with no letter or digit join a neighbour.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut pending: Option<usize> = None;
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(seg.len())) {
        let Some(piece) = seg.get(from..cut) else {
            continue;
        };
        let mut trimmed = piece.trim();
        if has_alnum(trimmed) {
            // Stray markup and rules at the edges are not part of the sentence; a piece of
            // nothing else is no sentence.
            let stripped = strip_edges(trimmed);
            if !has_alnum(stripped) {
                from = cut;
                continue;
            }
            trimmed = stripped;
        }
        if !trimmed.is_empty() {
            let s = from + (trimmed.as_ptr() as usize - piece.as_ptr() as usize);
            let e = s + trimmed.len();
            if has_alnum(trimmed) {
                pieces.push((pending.take().unwrap_or(s), e));
            } else if let Some(last) = pieces.last_mut() {
                last.1 = e;
            } else if pending.is_none() {
                pending = Some(s);
            }
        }
        from = cut;
    }
    if let Some(s) = pending {
        // Nothing but punctuation in the whole segment: keep it as it is.
        let e = seg.trim_end().len();
        pieces.push((s, e));
    }
    out.extend(
        pieces
            .into_iter()
            .map(|(s, e)| (seg_start + s, seg_start + e)),
    );
}

/// The longest segment read as one ([`Tok`]'s offsets are `u32`).
const SEGMENT_MAX: usize = u32::MAX as usize;

/// Symbols whose rules (`/////`, `=====`) decorate text.
const RULE_CHARS: &[char] = &['/', '\\', '=', '*', '_', '~', '#', '+', '|', '^'];
/// How many of one symbol make a rule.
const RULE_MIN: usize = 5;

/// `s` without the markup at its edges: HTML tags left in the text, raw or escaped (`<p>`,
/// `</em>`, `&lt;b&gt;`), and rules of five or more of one symbol (`/////Header`).
fn strip_edges(s: &str) -> &str {
    let mut t = s;
    loop {
        let len = t.len();
        t = t.trim();
        if let Some(n) = tag_len(t) {
            t = &t[n..];
        }
        if let Some(n) = trailing_tag_len(t) {
            t = &t[..t.len() - n];
        }
        for c in RULE_CHARS {
            let head = t.len() - t.trim_start_matches(*c).len();
            if head >= RULE_MIN {
                t = &t[head..];
            }
            let tail = t.len() - t.trim_end_matches(*c).len();
            if tail >= RULE_MIN {
                t = &t[..t.len() - tail];
            }
        }
        if t.len() == len {
            return t;
        }
    }
}

/// The length of the HTML tag `t` starts with (`<p class="x">`, `</em>`, `&lt;b&gt;`).
fn tag_len(t: &str) -> Option<usize> {
    let (open, close) = if t.starts_with('<') {
        ("<", ">")
    } else if t.starts_with("&lt;") {
        ("&lt;", "&gt;")
    } else {
        return None;
    };
    let body = &t[open.len()..];
    let name = body.strip_prefix('/').unwrap_or(body);
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = body.find(close)?;
    if body[..end].contains(open) || body[..end].contains('\n') {
        return None;
    }
    Some(open.len() + end + close.len())
}

/// The length of the HTML tag `t` ends with.
fn trailing_tag_len(t: &str) -> Option<usize> {
    let start = if t.ends_with('>') {
        t.rfind('<')?
    } else if t.ends_with("&gt;") {
        t.rfind("&lt;")?
    } else {
        return None;
    };
    let n = t.len() - start;
    (tag_len(&t[start..]) == Some(n)).then_some(n)
}

/// Which tokens stand inside a quotation that closes later in the segment (`«К чему ты
/// готовишься? – спросила мама. – Завтра ведь выходной».`, `„Prieskumy beriem na ľahkú váhu. V
/// podstate…,“ reagoval`): their punctuation ends no sentence. The token that carries the
/// closing mark may end one (`„Und auch keine Lust.“ Wir`). A quotation that never closes
/// protects nothing.
fn inside_quotes(infos: &Infos<'_>) -> Vec<bool> {
    let rules = infos.rules;
    let mut inside = vec![false; infos.len()];
    let mut i = 0;
    // The first characters of the opening marks, in a set: asked for every character of every
    // token, a walk over the marks was a fifth of sentence splitting.
    let firsts = &infos.sets.quote_firsts;
    let opening = |c: char| firsts.contains(c);
    while i < infos.len() {
        // Most tokens hold no opening mark at all; a plain word holds none.
        let plain = infos.sets.alnum_free && infos.toks[i].has(TOK_ALL_ALNUM);
        let text = infos.text(i);
        if plain || !text.contains(opening) {
            i += 1;
            continue;
        }
        let head = text.trim_start_matches(|c: char| {
            OPENERS.contains(&c) && !rules.quotes.iter().any(|(o, _)| o.starts_with(c))
        });
        // A quotation may also open after a dash inside the token (`voice--the
        // Rabbit's--"Pat! Pat!"`).
        let head = match rules.opens_quote(head) {
            Some(_) => head,
            None => head
                .rfind(DASHES)
                .map_or(head, |p| head[p..].trim_start_matches(DASHES)),
        };
        let Some(close) = rules.opens_quote(head) else {
            i += 1;
            continue;
        };
        let opening_len = rules
            .quotes
            .iter()
            .find(|(open, _)| head.starts_with(open.as_str()))
            .map_or(0, |(open, _)| open.len());
        // The first token from here on that ends with the closing mark (before trailing
        // punctuation), the opening token itself included when the quotation is one word. A
        // closing bracket followed by more inside the token also closes (`(1987).1`).
        let closes = |j: usize| {
            let tok = infos.text(j);
            let tail = tok.trim_end_matches(|c: char| {
                matches!(c, ',' | ';' | ':')
                    || rules.terminals.contains(&c)
                    || (rules.closers.contains(&c) && c != close)
            });
            if j == i {
                let rest = head.get(opening_len..).unwrap_or("");
                return rest.contains(close) && has_alnum(rest);
            }
            tail.ends_with(close) || (close == ')' && tok.contains(close))
        };
        let short = |j: usize| {
            let toks = infos.toks;
            // Bytes first: no more bytes than the limit is no more characters.
            rules.quote_max == usize::MAX
                || toks[j].end() - toks[i].start() <= rules.quote_max
                || infos
                    .seg
                    .get(toks[i].start()..toks[j].end())
                    .is_some_and(|q| q.chars().count() <= rules.quote_max)
        };
        // The search stops past the longest quotation the language protects (English: 250
        // characters), so that a paragraph of unclosed brackets is read in linear time.
        match (i..infos.len())
            .take_while(|&j| short(j))
            .find(|&j| closes(j))
        {
            Some(j) => {
                // A closing mark standing alone (`Adieu. »`) leaves the word before it free to
                // end the sentence; the mark joins it.
                let last = if j > i && !has_alnum(infos.text(j)) {
                    j - 1
                } else {
                    j
                };
                for flag in &mut inside[i..last] {
                    *flag = true;
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::XorShift;

    #[test]
    fn tokenising_by_bytes_is_tokenising_by_chars() {
        let texts = [
            "",
            "  The dog ran.Then it sat!  ",
            "a\tb\nc\u{0b}d\u{0c}e\rf\u{1c}g",
            "Non\u{a0}breaking\u{85}next\u{2003}em\u{3000}ideographic",
            "Ça va ? « Oui. » — 1. un 2. deux",
            "今日は。明日も。",
        ];
        for lang in [Language::English, Language::French, Language::Japanese] {
            let rules = Rules::of_language(lang);
            for t in texts {
                let a: Vec<(usize, usize, bool, u8)> = tokenize(t, rules)
                    .iter()
                    .map(|k| (k.start(), k.end(), k.glued, k.flags))
                    .collect();
                let b: Vec<(usize, usize, bool, u8)> = tokenize_by_chars(t, rules)
                    .iter()
                    .map(|k| (k.start(), k.end(), k.glued, k.flags))
                    .collect();
                assert_eq!(a, b, "{t}");
            }
        }
    }

    /// Random texts of words, marks, spaces and characters of many scripts.
    fn random_texts(n: usize) -> Vec<String> {
        let pieces = [
            "a", "Z", "9", "word", "Then", "x1", ".", "?", "!", " ", " ", " ", "\t", "\n",
            "\u{a0}", "é", "Ä", "。", "«", "»", "\"", "“", "”", "(", ")", "[", "]", "…", "؟", ";",
            ":", ",", "'", "-", "—", "•", "Dr.", "U.S.", "e.g.", "1.", "b)", "„", "・", "的", "।",
            "@", "://", "$", "%",
        ];
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        (0..n).map(|_| rng.text(&pieces, 40)).collect()
    }

    #[test]
    fn token_masks_are_the_byte_classes() {
        // Every ASCII byte at every position, among random ASCII neighbours.
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        for pos in 0..8 {
            for v in 0..0x80u8 {
                let mut bytes = (rng.next_u64() & 0x7f7f_7f7f_7f7f_7f7f).to_le_bytes();
                bytes[pos] = v;
                let m = ascii_token_masks(u64::from_le_bytes(bytes));
                for (k, &b) in bytes.iter().enumerate() {
                    let class = SPLIT_CLASS[usize::from(b)];
                    let bit = |mask: u64| mask >> (8 * k) & 0xff == 0x80;
                    assert_eq!(bit(m.white), class & SPLIT_WHITE != 0, "{b:#x}");
                    assert_eq!(bit(m.alnum), class & SPLIT_ALNUM != 0, "{b:#x}");
                    assert_eq!(bit(m.dot), class & SPLIT_DOT != 0, "{b:#x}");
                    assert_eq!(bit(m.end), class & SPLIT_END != 0, "{b:#x}");
                }
            }
        }
    }

    #[test]
    fn token_flags_found_while_reading_are_those_of_the_bytes() {
        let texts = random_texts(400);
        for (lang, _) in Language::ALL {
            let rules = Rules::of_language(lang);
            for t in &texts {
                let toks = tokenize(t, rules);
                // In order, each after the one before.
                for pair in toks.windows(2) {
                    assert!(pair[0].end() <= pair[1].start(), "{t:?}");
                }
                for k in toks {
                    assert!(k.start() < k.end(), "{t:?}");
                    let text = &t[k.start()..k.end()];
                    assert_eq!(k.flags, token_flags(text), "{text:?} in {t:?}");
                }
            }
        }
    }

    #[test]
    fn the_plain_word_shortcuts_give_what_the_rules_give() {
        // Every language's marks leave the shortcuts on, and where they act the result is the
        // rules' own: a word's parts as trimming finds them, and no sentence end after a plain
        // word.
        let texts = random_texts(400);
        let mut plain_seen = 0;
        for (lang, _) in Language::ALL {
            let rules = Rules::of_language(lang);
            let sets = rules.trim_sets();
            assert!(sets.alnum_free, "{lang:?}");
            for t in &texts {
                let toks = tokenize(t, rules);
                let infos = Infos {
                    seg: t,
                    toks: &toks,
                    rules,
                    sets,
                    parts: &[],
                    cached: &[],
                };
                let markers = list_markers(&infos);
                let ctx = Ctx::new(infos, &markers);
                for (j, k) in toks.iter().enumerate() {
                    let text = &t[k.start()..k.end()];
                    // The flags' answer (`Infos::get`) against trimming.
                    let (a, b) = (infos.at(j), Info::new(text, sets));
                    let at = |p: &str| (p.as_ptr() as usize - t.as_ptr() as usize, p.len());
                    assert_eq!(
                        [at(a.core), at(a.run), at(a.closers)],
                        [at(b.core), at(b.run), at(b.closers)],
                        "{text:?}"
                    );
                    assert_eq!(infos.has_alnum(j), has_alnum(text), "{text:?}");
                    assert_eq!(infos.is_bullet(j), text.starts_with(BULLETS), "{text:?}");
                    if infos.plain_word(j) {
                        plain_seen += 1;
                        for start in [0, j / 2, j] {
                            assert_eq!(decide(&ctx, j, start), None, "{text:?} in {t:?}");
                        }
                    }
                }
            }
        }
        assert!(plain_seen > 1000, "{plain_seen}");
    }

    #[test]
    fn markers_end_with_a_dot_or_a_bracket() {
        for t in [
            "1.", "(a)", "•2.)", "iv.", "1", "a", "(1", "•", "", "12.)x", "B.",
        ] {
            let quick = t.ends_with(['.', ')']);
            assert!(quick || parse_marker(t).is_none(), "{t}");
        }
    }

    #[test]
    fn token_parts_kept_as_offsets_are_the_parts_found_by_trimming() {
        for lang in [Language::English, Language::German, Language::French] {
            let rules = Rules::of_language(lang);
            let sets = TrimSets::of(rules);
            for tok in [
                "word",
                "\"Quoted.\"",
                "«Oui.»",
                "(end.)",
                "...",
                "“Go!”)",
                "’s",
                "",
                "a.b.",
                "¿Qué?",
                "x…",
                "[1].",
                "„Und.“",
            ] {
                let info = Info::new(tok, &sets);
                let again = Parts::of(&info).info(tok);
                assert_eq!(
                    (again.text, again.core, again.run, again.closers),
                    (info.text, info.core, info.run, info.closers),
                    "{tok}"
                );
                // The bitmaps trim as the rules' slices do.
                let t = tok.trim_start_matches(OPENERS);
                let body = t.trim_end_matches(rules.closers.as_slice());
                let core = body.trim_end_matches(rules.terminals.as_slice());
                assert_eq!(info.core, core.trim_end_matches(rules.closers.as_slice()));
                assert_eq!(info.run, &body[core.len()..]);
                assert_eq!(info.closers, &t[body.len()..]);
            }
        }
    }

    fn texts(input: &str) -> Vec<String> {
        split(input)
            .iter()
            .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[track_caller]
    fn check(input: &str, expected: &[&str]) {
        assert_eq!(texts(input), expected, "input: {input:?}");
    }

    #[test]
    fn spans_borrow_trimmed_text() {
        let input = "  First one.\n\n  The second\n one!  ";
        let s = split(input);
        assert_eq!(s.len(), 2);
        for sentence in &s {
            assert_eq!(&input[sentence.span.range()], sentence.text);
            assert_eq!(sentence.text.trim(), sentence.text);
        }
        assert_eq!(s[1].text, "The second\n one!");
        assert_eq!(split_spans(input), vec![(2, 12), (16, 32)]);
    }

    #[test]
    fn note_numbers_after_a_full_stop() {
        check(
            "The dam was finished that spring.[4] It still stands.",
            &["The dam was finished that spring.[4]", "It still stands."],
        );
        check(
            "The river floods often.[2][3] Farmers know it.",
            &["The river floods often.[2][3]", "Farmers know it."],
        );
        check(
            "Rates rose in the survey (2019).7 Later work agreed.",
            &["Rates rose in the survey (2019).7", "Later work agreed."],
        );
        // Before a lower-case word, or with a long number, there is no note.
        check(
            "See the table.[1] and the notes.",
            &["See the table.[1] and the notes."],
        );
        check("Version 3.10 Beta ships.", &["Version 3.10 Beta ships."]);
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert!(split("").is_empty());
        assert!(split(" \n\t \n").is_empty());
        check("no punctuation at all", &["no punctuation at all"]);
        check("...", &["..."]);
    }

    #[test]
    fn plain_terminals() {
        check(
            "The vote was close. Nobody expected it! Was it fair? Observers think so.",
            &[
                "The vote was close.",
                "Nobody expected it!",
                "Was it fair?",
                "Observers think so.",
            ],
        );
    }

    #[test]
    fn abbreviations() {
        check(
            "Dr. Watson met Gen. Patton and Mrs. Hudson. They talked.",
            &[
                "Dr. Watson met Gen. Patton and Mrs. Hudson.",
                "They talked.",
            ],
        );
        check(
            "The meeting is on Feb. 12 at the Acme Corp. office. Bring snacks, drinks, etc. to share.",
            &[
                "The meeting is on Feb. 12 at the Acme Corp. office.",
                "Bring snacks, drinks, etc. to share.",
            ],
        );
        check(
            "He bought apples, pears, etc. Then he went home.",
            &["He bought apples, pears, etc.", "Then he went home."],
        );
        check(
            "It works for Smith & Sons Inc. Its profits rose.",
            &["It works for Smith & Sons Inc.", "Its profits rose."],
        );
        check(
            "See Fig. 3 and No. 7 in vol. 2 of the report.",
            &["See Fig. 3 and No. 7 in vol. 2 of the report."],
        );
        check(
            "Bring fruit, e.g. Apples or pears, i.e. Something fresh.",
            &["Bring fruit, e.g. Apples or pears, i.e. Something fresh."],
        );
        check(
            "The case Roe v. Wade was cited. St. Paul's is on Main St. The bells ring.",
            &[
                "The case Roe v. Wade was cited.",
                "St. Paul's is on Main St.",
                "The bells ring.",
            ],
        );
        check(
            "Smith et al. (2019) found nothing. Jones et al. found more.",
            &[
                "Smith et al. (2019) found nothing.",
                "Jones et al. found more.",
            ],
        );
    }

    #[test]
    fn dotted_abbreviations() {
        check(
            "Talks with the U.K. Foreign Office resumed. Both sides met in the U.K. They agreed.",
            &[
                "Talks with the U.K. Foreign Office resumed.",
                "Both sides met in the U.K.",
                "They agreed.",
            ],
        );
        check(
            "The U.N. envoy arrived in the U.S. on Friday.",
            &["The U.N. envoy arrived in the U.S. on Friday."],
        );
        check(
            "She holds a Ph.D. in chemistry.",
            &["She holds a Ph.D. in chemistry."],
        );
    }

    #[test]
    fn times_and_numbers() {
        check(
            "By 7 p.m. Friday the polls had closed. Counting began at 9 p.m. Officials were tired.",
            &[
                "By 7 p.m. Friday the polls had closed.",
                "Counting began at 9 p.m.",
                "Officials were tired.",
            ],
        );
        check(
            "The train leaves at 5.5 p.m. on weekdays.",
            &["The train leaves at 5.5 p.m. on weekdays."],
        );
        check(
            "Pi is about 3.14 and e is 2.718. Both are irrational.",
            &["Pi is about 3.14 and e is 2.718.", "Both are irrational."],
        );
        check(
            "The budget grew by 4.5%. It was €1,200.50. Critics objected.",
            &[
                "The budget grew by 4.5%.",
                "It was €1,200.50.",
                "Critics objected.",
            ],
        );
    }

    #[test]
    fn initials() {
        check(
            "J. R. R. Tolkien wrote it. C. S. Lewis read it.",
            &["J. R. R. Tolkien wrote it.", "C. S. Lewis read it."],
        );
        check(
            "The memo was signed by George W. Bush in 2002.",
            &["The memo was signed by George W. Bush in 2002."],
        );
        check(
            "It contains vitamin C. It is healthy.",
            &["It contains vitamin C.", "It is healthy."],
        );
        check(
            "Neither he nor I. Then we left.",
            &["Neither he nor I.", "Then we left."],
        );
    }

    #[test]
    fn numbered_and_bulleted_lists() {
        check(
            "Steps: 1. Open the box 2. Remove the device 3. Plug it in",
            &[
                "Steps:",
                "1. Open the box",
                "2. Remove the device",
                "3. Plug it in",
            ],
        );
        check(
            "1) Wash the rice. 2) Boil the water. 3) Cook for ten minutes.",
            &[
                "1) Wash the rice.",
                "2) Boil the water.",
                "3) Cook for ten minutes.",
            ],
        );
        check(
            "a. Red apples b. Green pears",
            &["a. Red apples", "b. Green pears"],
        );
        check(
            "• Cheaper energy • More jobs • Cleaner air",
            &["• Cheaper energy", "• More jobs", "• Cleaner air"],
        );
        check(
            "Priorities:\n- cheaper energy\n- more jobs\n1. first\n2. second",
            &[
                "Priorities:",
                "- cheaper energy",
                "- more jobs",
                "1. first",
                "2. second",
            ],
        );
        // Numbers in running text are not list markers.
        check(
            "The home side scored 3. The visitors had 4. It was a draw.",
            &[
                "The home side scored 3.",
                "The visitors had 4.",
                "It was a draw.",
            ],
        );
    }

    #[test]
    fn ellipses() {
        check(
            "He hesitated... then he spoke.",
            &["He hesitated... then he spoke."],
        );
        check(
            "She waited . . . and waited.",
            &["She waited . . . and waited."],
        );
        check(
            "It was over.... Nobody cheered.",
            &["It was over....", "Nobody cheered."],
        );
        check(
            "It was over … nobody cheered … except Tom.",
            &["It was over … nobody cheered … except Tom."],
        );
        check(
            "They left the hall . . . . Later the lights went out.",
            &["They left the hall . . . .", "Later the lights went out."],
        );
        check(
            "The text was cut. . . . Only fragments remain. . . .",
            &["The text was cut.", ". . . Only fragments remain. . . ."],
        );
    }

    #[test]
    fn quotes_and_brackets() {
        check(
            "He said, \"We will win.\" Then he left.",
            &["He said, \"We will win.\"", "Then he left."],
        );
        check(
            "\"Are you sure?\" she asked.",
            &["\"Are you sure?\" she asked."],
        );
        check(
            "The plan (it was approved last year.) failed.",
            &["The plan (it was approved last year.) failed."],
        );
        check(
            "It rained. (Nobody was surprised.) The match went on.",
            &[
                "It rained.",
                "(Nobody was surprised.)",
                "The match went on.",
            ],
        );
        check(
            "She wrote ‘We are done.’ The reply was short.",
            &["She wrote ‘We are done.’", "The reply was short."],
        );
    }

    #[test]
    fn quotations_hold_their_sentences() {
        // A quotation of several sentences stays in the sentence that quotes it.
        check(
            "\"We won. We have the votes,\" he said. The count ends today.",
            &[
                "\"We won. We have the votes,\" he said.",
                "The count ends today.",
            ],
        );
        check(
            "It said “No. Not now.” and left. Then it rained.",
            &["It said “No. Not now.” and left.", "Then it rained."],
        );
        // A terminal before the closing mark still ends the sentence before a capital.
        check(
            "It cried \"Oh dear! I am late!\" But nobody came.",
            &["It cried \"Oh dear! I am late!\"", "But nobody came."],
        );
        // A speech broken off by a dash ends before a sentence starter, not before `the`.
        check(
            "She began, \"If you please, sir--\" The man ran.",
            &["She began, \"If you please, sir--\"", "The man ran."],
        );
        check(
            "\"Her ears--\" the man began.",
            &["\"Her ears--\" the man began."],
        );
        // A bracket closed inside a token closes (`(1987).1`), and protects nothing more.
        check(
            "See the journal (1987).1 According to it the pairs (4) count.",
            &[
                "See the journal (1987).1",
                "According to it the pairs (4) count.",
            ],
        );
        // A quotation that never closes protects nothing; a long one is running text.
        check(
            "\"We won. We have the votes. And more.",
            &["\"We won.", "We have the votes.", "And more."],
        );
        let long = format!(
            "\"We won. {} The end.\" he said.",
            "We have the votes. ".repeat(14)
        );
        // `We won.`, the fourteen sentences, `The end." he said.`
        assert_eq!(split(&long).len(), 16, "{long}");
    }

    #[test]
    fn stray_markup_and_rules_are_trimmed() {
        check(
            "<h2 class=\"x\">Hello</h2>\n<p>This is a test. Another test.</p>\n<div><p>\n<img src=\"a.jpg\">\n</p></div>",
            &["Hello", "This is a test.", "Another test."],
        );
        check("&lt;b&gt;J1.txt&lt;/b&gt;", &["J1.txt"]);
        check(
            "//////////Header starts here//////////",
            &["Header starts here"],
        );
        // Less than a rule, and a lone `<` that opens no tag, stay.
        check("It was a <3 day ///", &["It was a <3 day ///"]);
        check("* * *", &["* * *"]);
    }

    #[test]
    fn labels_abbreviations_and_full_width_marks() {
        check(
            "Q. What is his name? A. His name is Alfred E. Sloan.",
            &["Q. What is his name?", "A. His name is Alfred E. Sloan."],
        );
        check(
            "The med. staff here is kind.",
            &["The med. staff here is kind."],
        );
        // A brand in lower case opens a sentence.
        check(
            "It serves ads. my6sense runs the exchange.",
            &["It serves ads.", "my6sense runs the exchange."],
        );
        check(
            "The parties are ExampleCo Inc. (“Company A”), and others.",
            &["The parties are ExampleCo Inc. (“Company A”), and others."],
        );
        check(
            "Test strange period．Does it segment correctly．",
            &["Test strange period．", "Does it segment correctly．"],
        );
        check(
            "Hello world.I dag is Tuesday.",
            &["Hello world.", "I dag is Tuesday."],
        );
    }

    #[test]
    fn lines_of_lists_contents_and_flowed_text() {
        check(
            "Finally, this. 1. The first item 2. The second item 3. The third",
            &[
                "Finally, this.",
                "1. The first item",
                "2. The second item",
                "3. The third",
            ],
        );
        check(
            "a) here it is b) another c) one more\n They went to the store.",
            &[
                "a) here it is",
                "b) another",
                "c) one more",
                "They went to the store.",
            ],
        );
        check(
            "About Me..........5\n   Chapter 2 ....... 6\nWhat's the Score?.......9\nScores .... 16-17",
            &["About Me", "Chapter 2", "What's the Score?", "Scores"],
        );
        // A line ending in a space goes on on the next (flowed text), whatever its case.
        check(
            "Ten tips should help you to have a quiet \nPregnancy and a healthy baby.\nA new line",
            &[
                "Ten tips should help you to have a quiet Pregnancy and a healthy baby.",
                "A new line",
            ],
        );
        // An ellipsis ends a sentence before a word that opens one.
        check(
            "He talks slowly... And this is another. I mean... see.",
            &[
                "He talks slowly...",
                "And this is another.",
                "I mean... see.",
            ],
        );
    }

    #[test]
    fn double_punctuation() {
        check(
            "You did what?! I can't believe it!!! Really??",
            &["You did what?!", "I can't believe it!!!", "Really??"],
        );
        check(
            "She shouted Jeopardy! at the screen.",
            &["She shouted Jeopardy! at the screen."],
        );
    }

    #[test]
    fn addresses() {
        check(
            "Write to press.office@gov.example.org. Replies take a week.",
            &[
                "Write to press.office@gov.example.org.",
                "Replies take a week.",
            ],
        );
        check(
            "Visit www.example.com or http://news.example.co.uk/a.b?c=1. It is free.",
            &[
                "Visit www.example.com or http://news.example.co.uk/a.b?c=1.",
                "It is free.",
            ],
        );
        check(
            "The site example.com hosts report.pdf and Node.js docs.",
            &["The site example.com hosts report.pdf and Node.js docs."],
        );
    }

    #[test]
    fn geo_coordinates_and_numbered_items() {
        check(
            "The wreck lies at 51.5074 N, 0.1278 W. Divers found it.",
            &["The wreck lies at 51.5074 N, 0.1278 W.", "Divers found it."],
        );
        check(
            "Look for plot N°. 12.4.7. The gate is green.",
            &["Look for plot N°. 12.4.7.", "The gate is green."],
        );
    }

    #[test]
    fn missing_space_after_full_stop() {
        check(
            "The mountains shaped the landscape.as the rivers cut valleys.",
            &[
                "The mountains shaped the landscape.",
                "as the rivers cut valleys.",
            ],
        );
        check(
            "The council passed the resolution.Below are the details.",
            &[
                "The council passed the resolution.",
                "Below are the details.",
            ],
        );
        check(
            "Prices rose 2,500.Traders were calm.Really?Yes.",
            &[
                "Prices rose 2,500.",
                "Traders were calm.",
                "Really?",
                "Yes.",
            ],
        );
        check(
            "The U.S.A and the U.K. signed, e.g.the treaty on 3.5 issues at example.com today.",
            &["The U.S.A and the U.K. signed, e.g.the treaty on 3.5 issues at example.com today."],
        );
        check(
            "He met Mr.Smith at ASP.NET training.",
            &["He met Mr.Smith at ASP.NET training."],
        );
        check(
            "Firms like Shopify.Com and Example.Org grew.She said \"No.\"Then she left.",
            &[
                "Firms like Shopify.Com and Example.Org grew.",
                "She said \"No.\"",
                "Then she left.",
            ],
        );
        check("See JFK Jr.'s papers.", &["See JFK Jr.'s papers."]);
    }

    #[test]
    fn wrapped_lines_join() {
        check(
            "The delegates met on Monday\nand agreed to continue the talks.",
            &["The delegates met on Monday and agreed to continue the talks."],
        );
        check(
            "The proposal was backed by\nPresident Macron and others.",
            &["The proposal was backed by President Macron and others."],
        );
        let wrapped = "The talks between the two delegations resumed on Monday in Geneva,\n\
                       where officials from both sides met behind closed doors for more\n\
                       than six hours. Western diplomats said the atmosphere was tense but\n\
                       Foreign Minister Sergei Lavrov called the meeting useful.";
        check(
            wrapped,
            &[
                "The talks between the two delegations resumed on Monday in Geneva, where \
                 officials from both sides met behind closed doors for more than six hours.",
                "Western diplomats said the atmosphere was tense but Foreign Minister Sergei \
                 Lavrov called the meeting useful.",
            ],
        );
    }

    #[test]
    fn headings_stand_apart() {
        check(
            "The Way Forward\nthe upcoming talks will test both sides.",
            &[
                "The Way Forward",
                "the upcoming talks will test both sides.",
            ],
        );
        check(
            "Talks Resume in Geneva\nDiplomats met again on Monday.",
            &["Talks Resume in Geneva", "Diplomats met again on Monday."],
        );
        check(
            "BREAKING NEWS\nThe summit has been cancelled.",
            &["BREAKING NEWS", "The summit has been cancelled."],
        );
        check(
            "Background\nThe dispute began in 2014.",
            &["Background", "The dispute began in 2014."],
        );
        check(
            "What comes next for the region\nAnalysts expect more talks.",
            &[
                "What comes next for the region",
                "Analysts expect more talks.",
            ],
        );
    }

    #[test]
    fn hard_wrapped_news_copy() {
        // Lines wrapped at about 70 columns, breaking inside names and after a sentence end.
        let copy = "The minister arrived in Ankara on Tuesday for talks with officials\n\
                    about the pipeline, aides said. Foreign Minister\n\
                    Hakan Demir welcomed him at the airport and the two men drove to the\n\
                    ministry together. Indeed, by\n\
                    Wednesday most of the details had been settled, a spokesman said. ``It\n\
                    was a good week,'' he told reporters after meeting Hun Sen. He left.";
        check(
            copy,
            &[
                "The minister arrived in Ankara on Tuesday for talks with officials about the \
                 pipeline, aides said.",
                "Foreign Minister Hakan Demir welcomed him at the airport and the two men drove \
                 to the ministry together.",
                "Indeed, by Wednesday most of the details had been settled, a spokesman said.",
                "``It was a good week,'' he told reporters after meeting Hun Sen.",
                "He left.",
            ],
        );
        check(
            "``We will see,'' Ms. He said.",
            &["``We will see,'' Ms. He said."],
        );
    }

    #[test]
    fn scraped_page_furniture() {
        // A teaser cut off with an ellipsis, then a link.
        check(
            "Councils across the region are weighing new flood levies to pay for…\nREAD MORE",
            &[
                "Councils across the region are weighing new flood levies to pay for…",
                "READ MORE",
            ],
        );
        // A headline repeated under itself.
        check(
            "Stocks slide as investors weigh the latest inflation figures\n\
             Stocks slide as investors weigh the latest inflation figures",
            &[
                "Stocks slide as investors weigh the latest inflation figures",
                "Stocks slide as investors weigh the latest inflation figures",
            ],
        );
        // A photo caption and its credit.
        check(
            "Rescue workers search the rubble of a collapsed building in the old town\nAFP",
            &[
                "Rescue workers search the rubble of a collapsed building in the old town",
                "AFP",
            ],
        );
        // A sentence-case heading above an unwrapped paragraph.
        check(
            "Recommendations for cooperation between the port authorities\n\
             In the coming months the two port authorities intend to share their forecasts, \
             their dredging plans and the results of their inspections with each other.",
            &[
                "Recommendations for cooperation between the port authorities",
                "In the coming months the two port authorities intend to share their forecasts, \
                 their dredging plans and the results of their inspections with each other.",
            ],
        );
        // A share widget glued to the end of a long unwrapped paragraph.
        check(
            "Good habits compound over the years, and the small choices you make every \
             morning matter more than any single grand decision.Share This Quote\n\
             Start with one habit and keep it for a month.",
            &[
                "Good habits compound over the years, and the small choices you make every \
                 morning matter more than any single grand decision.",
                "Share This Quote",
                "Start with one habit and keep it for a month.",
            ],
        );
        check(
            "Here is what you can do:\nCheck the forecast every morning.",
            &[
                "Here is what you can do:",
                "Check the forecast every morning.",
            ],
        );
        check(
            "Sign in\nRegister\nMy account",
            &["Sign in", "Register", "My account"],
        );
    }

    #[test]
    fn list_items_end_at_the_margin() {
        check(
            "Main points\n- Wages rose\n- Prices fell\nThe outlook is mixed.",
            &[
                "Main points",
                "- Wages rose",
                "- Prices fell",
                "The outlook is mixed.",
            ],
        );
        check(
            "- The council approved the plan after a long\n  debate on Tuesday\n- It starts in May",
            &[
                "- The council approved the plan after a long debate on Tuesday",
                "- It starts in May",
            ],
        );
    }

    #[test]
    fn table_rows_stand_alone() {
        check(
            "The parties won these seats:\nParty | Seats |\n---|---|\nGreens | 12 |\n\
             The Greens gained most.",
            &[
                "The parties won these seats:",
                "Party | Seats |",
                "---|---|",
                "Greens | 12 |",
                "The Greens gained most.",
            ],
        );
    }

    #[test]
    fn short_lines_without_punctuation_are_items() {
        check(
            "home\nworld news\nsport, culture\n",
            &["home", "world news", "sport, culture"],
        );
    }

    #[test]
    fn blank_line_always_ends() {
        check(
            "The talks went on and\n\nthe delegates left",
            &["The talks went on and", "the delegates left"],
        );
        check("Dr.\n\nSmith arrived.", &["Dr.", "Smith arrived."]);
        check(
            "One line\r\n\r\nAnother line.\r\n",
            &["One line", "Another line."],
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        let samples = [
            ".",
            "..",
            ". .",
            "?!",
            "\n.\n",
            "(",
            ")",
            "\"",
            "1.",
            "a.",
            "• ",
            "⁃",
            "U.S.",
            "é.É",
            "x.\u{301}y",
            "…",
            "….",
            "1.)",
            "(1)",
            "Mr.",
            "www.",
            "@.",
            "ß.ẞ",
            "İ.i",
            "\u{a0}.\u{a0}",
        ];
        for a in samples {
            for b in samples {
                let input = format!("{a}{b} {a}\n{b}");
                for (s, e) in split_spans(&input) {
                    assert!(input.get(s..e).is_some_and(|t| !t.is_empty()), "{input:?}");
                }
            }
        }
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn spans_are_ordered_trimmed_and_nonempty(input in "[a-zA-Z0-9 .?!,;:'\"()\\[\\]\n•…é@/-]{0,120}") {
                let spans = split_spans(&input);
                let mut last = 0;
                for (s, e) in spans {
                    prop_assert!(s >= last && s < e && e <= input.len());
                    let t = input.get(s..e);
                    prop_assert!(t.is_some());
                    let t = t.unwrap_or_default();
                    prop_assert_eq!(t.trim(), t);
                    last = e;
                }
            }

            #[test]
            fn any_string_is_fine(input in "\\PC{0,200}") {
                let n = split(&input).len();
                prop_assert!(n <= input.len());
            }
        }
    }
}
