//! Deciding which blocks are the article: a context-free class per block from its own signals,
//! then a context-sensitive revision in the manner of jusText (Pomikálek, 2011), then the choice
//! of the main run of content. `docs/cleaning.md` explains the choices and their measured effect.
//!
//! 1. **Context-free class.** Furniture that shows itself is *bad*: blocks without letters
//!    (counters, ranks of a numbered list), datelines and bylines (mostly a date), notes in
//!    parentheses (agency attribution), copyright lines, short lines repeated on the page (menus,
//!    teasers shown twice), captions (ending with a picture credit, opening with a caption
//!    label, or full of image words, or right under a credit line), pull quotes (a block inside a
//!    longer one), `By …` bylines, comment-author lines (`name says`), contact lines (an e-mail
//!    address), furniture labels (`Disclaimer:`), `About …` headings, blocks carrying furniture
//!    vocabulary (any in a short block, or one word in
//!    [`FURNITURE_RATE`] of a longer one), cut-off teasers (ending in an ellipsis) and headlines
//!    (long title-case lines without sentence punctuation). Otherwise, as in jusText: a block
//!    shorter than [`LENGTH_LOW`] characters is *short*; one whose stop-word density reaches
//!    [`STOP_HIGH`] is *good* when longer than [`LENGTH_HIGH`] and *near-good* otherwise; a density
//!    from [`STOP_LOW`] is near-good, and so is a block written as sentences (final punctuation,
//!    mostly lower-case words) from [`STOP_SENTENCES`]; lower is bad. A block that does not read
//!    as a sentence, or that speaks of images (a caption), is lowered one step.
//! 2. **Context.** A short title-like block right before prose becomes near-good (a heading).
//!    Near-good blocks are good unless both neighbours (short and near-good ones looked through)
//!    are bad and no other prose block stands within [`MAX_PAIR_DISTANCE`] (two medium paragraphs
//!    side by side are prose). Then a short block between good blocks is good, otherwise bad. A
//!    list or table right after a good block ending with a colon is good (it was introduced), and
//!    so is a list written one item per line after such a colon ([`MIN_IMPLICIT_ITEMS`] items).
//! 3. **Main run.** Good blocks separated by at most [`MAX_GAP_BLOCKS`] furniture-like blocks (and
//!    at most [`MAX_GAP_CHARS`] characters of them; prose and sentence fragments do not count,
//!    furniture vocabulary counts twice) form a run. The run with the most prose, divided by one
//!    plus the datelines and author lines between its blocks (comments and teaser lists come one
//!    per date; a legal line counts [`LEGAL_SEPARATORS`]: a footer written as prose), is the
//!    article. Runs of long prose within [`MAX_JOIN_GAP`] join it (an inline box
//!    of links cut the article), never across a copyright line; prose right before it (the
//!    standfirst between headline and byline) and closing sentences right after it join it too.
//!    An `About …` heading ends the run. A run with [`MIN_STAMPS`] time stamps is a live blog:
//!    the entries after it (stamp, heading, prose) join it and their headings are kept.
//!    Inside the run, fragments and headings between good blocks are kept; outside it nothing is.
//!    When no block of the page is good at all, its near-good blocks are the article, and
//!    failing those its short sentences (a one-sentence document).

use super::signals::{count32, normalise_shaped, ListCounter, Signals};
use super::vocab::Vocabulary;
use super::{Block, BlockKind, Content};
use crate::text::lang::{stop_bits, Language, Votes};
use crate::text::{split_spaces, FxHashMap, FxHasher};
use std::hash::Hasher;

/// Blocks shorter than this (characters) are classified by their neighbours.
pub const LENGTH_LOW: usize = 70;
/// Dense blocks longer than this are good on their own.
pub const LENGTH_HIGH: usize = 200;
/// Stop-word density from which a block may be prose (NLTK lists, see [`crate::text::lang`]).
pub const STOP_LOW: f32 = 0.25;
/// Stop-word density from which a block is prose.
pub const STOP_HIGH: f32 = 0.30;
/// Long blocks written as sentences (final punctuation, mostly lower-case words) may be prose
/// from this density (summaries and standfirsts are dense in names).
pub const STOP_SENTENCES: f32 = 0.15;
/// One furniture word per this many words makes a longer block furniture.
pub const FURNITURE_RATE: u32 = 15;
/// Blocks of at most this many words with a copyright mark are furniture.
pub const COPYRIGHT_WORDS: u32 = 120;
/// Blocks of at most this many words are furniture with a single furniture word.
pub const FURNITURE_SHORT_WORDS: u32 = 12;
/// Most non-good blocks between two good blocks of one run.
pub const MAX_GAP_BLOCKS: usize = 6;
/// Most characters of non-good blocks between two good blocks of one run.
pub const MAX_GAP_CHARS: usize = 600;
/// Two medium prose blocks support each other at most this many blocks apart (one short block
/// between them).
pub const MAX_PAIR_DISTANCE: usize = 2;
/// A run this close to the article (weighted gap) joins it when it has this many long blocks...
pub const MAX_JOIN_GAP: usize = 3 * MAX_GAP_BLOCKS;
pub const MIN_LONG_TO_JOIN: usize = 2;
/// ... or this many characters of prose.
pub const MIN_SCORE_TO_JOIN: usize = 1000;
/// Blocks shorter than this that end in an ellipsis are cut-off teasers.
pub const TEASER_CHARS: u32 = 400;
/// A copyright line inside a run weighs like this many datelines against it.
pub const LEGAL_SEPARATORS: usize = 3;
/// Blocks shorter than this with three caption words (image, photo, picture, ...) are captions.
pub const CAPTION_CHARS: usize = 300;
/// `By Name ...` lines of at most this many words are bylines.
pub const BYLINE_WORDS: u32 = 10;
/// Blocks of at most this many words with an e-mail address are contact lines (a tip line, an
/// author's address, a press contact).
pub const CONTACT_WORDS: u32 = 60;
/// A block repeated inside a longer one is a pull quote when it has this many word 4-grams.
pub const QUOTE_MIN_SHINGLES: usize = 3;
/// Time stamps inside the article that make it a live blog.
pub const MIN_STAMPS: usize = 2;
/// A credit line alone has at most this many words.
pub const CREDIT_LINE_WORDS: u32 = 8;
/// A one-sentence block shorter than this right after a credit line is its caption.
pub const CAPTION_AFTER_CREDIT_CHARS: u32 = 160;
/// Fewest items of a list written one item per line.
pub const MIN_IMPLICIT_ITEMS: usize = 3;
/// A script without spaces packs about this many Latin characters of text in one character.
const UNSPACED_WEIGHT: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Bad,
    Short,
    NearGood,
    Good,
}

/// Why a block got its context-free class. [`Reason::as_str`] (and `Display`) give the
/// wording the debugging output prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Not classified yet.
    None,
    /// A table: judged by its neighbours.
    Table,
    /// A short list carrying furniture words or symbols.
    FurnitureList,
    /// A list whose items are sentences: judged as prose.
    ListOfSentences,
    /// A list of names or links: judged by its neighbours.
    List,
    /// No word at all.
    NoWords,
    /// No letter: a counter, a time, a rank.
    NoLetters,
    /// Mostly a date, a time stamp or a reading time.
    Dateline,
    /// A short note in parentheses or brackets (agency attribution).
    Note,
    /// A short block shown more than once on the page.
    Repeated,
    /// A pull quote: every word of it inside one longer block.
    PullQuote,
    /// A picture caption or credit.
    Caption,
    /// A `By …` byline.
    Byline,
    /// A comment author line (`name says:`).
    CommentAuthor,
    /// A copyright mark in a short block.
    Copyright,
    /// An e-mail address in a short block.
    Contact,
    /// Furniture vocabulary in a short block, or a furniture label (`Disclaimer:`).
    FurnitureWords,
    /// An `About …` heading.
    About,
    /// One furniture word per [`FURNITURE_RATE`] words or more.
    FurnitureRate,
    /// A cut-off teaser ending in an ellipsis.
    Teaser,
    /// Too short to judge alone.
    Short,
    /// A long title-case line without sentence punctuation.
    Headline,
    /// Too few stop words for prose.
    FewStopWords,
    /// Prose: dense in stop words.
    Prose,
    /// Prose-like but not written as a sentence (lowered one step).
    NotASentence,
}

impl Reason {
    /// The reason in words (`"few stop words"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::None => "",
            Reason::Table => "table",
            Reason::FurnitureList => "furniture list",
            Reason::ListOfSentences => "list of sentences",
            Reason::List => "list",
            Reason::NoWords => "no words",
            Reason::NoLetters => "no letters",
            Reason::Dateline => "dateline",
            Reason::Note => "note",
            Reason::Repeated => "repeated",
            Reason::PullQuote => "pull quote",
            Reason::Caption => "caption",
            Reason::Byline => "byline",
            Reason::CommentAuthor => "comment author",
            Reason::Copyright => "copyright",
            Reason::Contact => "contact",
            Reason::FurnitureWords => "furniture words",
            Reason::About => "about",
            Reason::FurnitureRate => "furniture rate",
            Reason::Teaser => "teaser",
            Reason::Short => "short",
            Reason::Headline => "headline",
            Reason::FewStopWords => "few stop words",
            Reason::Prose => "prose",
            Reason::NotASentence => "not a sentence",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// A block with its signals and classes.
#[derive(Debug, Clone)]
pub struct Cand<'a> {
    pub block: Block<'a>,
    /// Lists and tables: their markdown normal form, which the signals read.
    rendered: Option<String>,
    pub sig: Signals,
    /// Lower-case words of the text.
    pub norm: String,
    /// How many blocks of the page have the same words.
    pub repeats: usize,
    /// Reads like a heading or headline.
    pub title_like: bool,
    /// Every word of it, in order, is inside one longer block of the page: a pull quote.
    pub quoted: bool,
    /// Context-free class.
    pub initial: Class,
    /// Final class (good or bad) after context.
    pub class: Class,
    /// Why the context-free class was given.
    pub reason: Reason,
}

impl Cand<'_> {
    /// The text the signals read: a heading's or paragraph's text, a list's or table's markdown.
    pub fn text(&self) -> &str {
        match (&self.block.content, &self.rendered) {
            (Content::Heading(t) | Content::Paragraph(t), _) => t,
            (_, Some(rendered)) => rendered,
            (_, None) => "",
        }
    }

    /// Length used for the length thresholds.
    fn length(&self) -> usize {
        if self.sig.is_unspaced() {
            (self.sig.chars - self.sig.unspaced) as usize
                + self.sig.unspaced as usize * UNSPACED_WEIGHT
        } else {
            self.sig.chars as usize
        }
    }

    /// Bad for its furniture vocabulary.
    pub fn is_furniture(&self) -> bool {
        matches!(
            self.reason,
            Reason::FurnitureWords
                | Reason::FurnitureRate
                | Reason::FurnitureList
                | Reason::Contact
        ) || self.is_legal()
    }

    /// A legal line: `©` or `all rights reserved` (not an `Image copyright` credit).
    pub fn is_legal(&self) -> bool {
        self.reason == Reason::Copyright
            && (self.text().contains('©') || self.norm.contains("rights reserved"))
    }

    pub fn is_good(&self) -> bool {
        self.class == Class::Good
    }
}

/// Signals and classes of `blocks`, in order, furniture named by `vocab`.
pub fn classify<'a>(blocks: Vec<Block<'a>>, vocab: &Vocabulary) -> Vec<Cand<'a>> {
    // Each block's words are found once: `norm` joins them, and the stop-word languages of the
    // stop words among them vote for the page's language, block by block. The signals are read
    // meanwhile, with the English stop words counted; a page found to be in another language
    // counts its stop words again from the norms (nothing per word is kept for that).
    let mut votes = Votes::default();
    let mut block_bits: Vec<u64> = Vec::new();
    let english = Language::English.bit();
    // The word fingerprints of each paragraph (empty for other blocks), taken in the same pass
    // for the pull-quote check.
    let mut fingerprints: Vec<Vec<u64>> = Vec::new();
    let mut fps: Vec<u64> = Vec::new();
    // The word-list counts of the signals, taken in the same pass.
    let mut lists = ListCounter::new(vocab);
    let fact_table = vocab.fact_table();
    let mut cands: Vec<Cand<'a>> = blocks
        .into_iter()
        .map(|block| {
            let rendered = match block.content {
                Content::List(_) | Content::Table(_) => Some(block.text().into_owned()),
                _ => None,
            };
            let text: &str = match (&block.content, &rendered) {
                (Content::Heading(t) | Content::Paragraph(t), _) => t,
                (_, Some(r)) => r,
                (_, None) => "",
            };
            let mut words = 0;
            block_bits.clear();
            let paragraph = block.kind() == BlockKind::Paragraph;
            fps.clear();
            let (norm, shapes) = normalise_shaped(text, |w, packed| {
                words += 1;
                // One look-up for the word's stop-word languages and lists.
                let facts = fact_table.get(w, packed);
                lists.word_with(w, facts);
                if facts.stop_bits != 0 {
                    block_bits.push(facts.stop_bits);
                }
                if paragraph {
                    fps.push(match packed {
                        Some(p) if w.len() <= 7 => short_fingerprint(p, w.len()),
                        _ => word_fingerprint(w),
                    });
                }
            });
            // Copied out at its length: one allocation a paragraph, not one per doubling.
            fingerprints.push(fps.clone());
            votes.add(words, &block_bits);
            let stops = block_bits.iter().filter(|b| *b & english != 0).count();
            let counts = lists.finish(&norm);
            let sig = Signals::counted(text, stops, shapes, counts, vocab);
            let title_like = block.kind() == BlockKind::Paragraph && sig.title_like(text);
            Cand {
                block,
                rendered,
                sig,
                norm,
                repeats: 1,
                title_like,
                quoted: false,
                initial: Class::Bad,
                class: Class::Bad,
                reason: Reason::None,
            }
        })
        .collect();
    let lang = votes.language();
    if lang != Language::English {
        for c in cands.iter_mut() {
            c.sig.stops = count32(
                split_spaces(&c.norm)
                    .filter(|w| stop_bits(w) & lang.bit() != 0)
                    .count(),
            );
        }
    }
    let mut counts: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(cands.len(), Default::default());
    for c in &cands {
        if !c.norm.is_empty() {
            *counts.entry(c.norm.as_str()).or_insert(0) += 1;
        }
    }
    let repeats: Vec<usize> = cands
        .iter()
        .map(|c| counts.get(c.norm.as_str()).copied().unwrap_or(1))
        .collect();
    let quoted = quoted_elsewhere(&cands, &fingerprints);
    drop(fingerprints);
    for ((c, r), q) in cands.iter_mut().zip(repeats).zip(quoted) {
        c.repeats = r;
        c.quoted = q;
        let (class, reason) = initial(c);
        c.initial = class;
        c.reason = reason;
    }
    captions_after_credits(&mut cands);
    revise(&mut cands);
    if !cands.iter().any(Cand::is_good) {
        // Nothing stands out as prose against furniture (a short wire story, a page of brief
        // items): the prose-like blocks are the article.
        for c in cands.iter_mut() {
            if c.initial == Class::NearGood && !c.title_like {
                c.class = Class::Good;
            }
        }
    }
    if !cands.iter().any(Cand::is_good) {
        // Not even that: a document of one short sentence is that sentence.
        for c in cands.iter_mut() {
            if is_fragment(c) && c.sig.sentence_end {
                c.class = Class::Good;
            }
        }
    }
    main_run(&mut cands);
    cands
}

/// For each block, whether all its word 4-grams (at least [`QUOTE_MIN_SHINGLES`] of them) occur
/// in one other block with more words: a pull quote repeating a sentence of the body. Each
/// 4-gram remembers the first two blocks that hold it, so the check is linear in the words of
/// the page.
///
/// Only the 4-grams that can decide are remembered, so that memory follows the paragraphs, not
/// the words: first each paragraph's first 4-gram (a quote's longer block must be among its
/// holders), then every 4-gram of the paragraphs that have such a longer holder. Each table is
/// filled by a walk over all the paragraphs in order, so a 4-gram's holders are the same as if
/// every 4-gram were remembered. `words` holds each block's word fingerprints
/// ([`word_fingerprint`]; a paragraph's, other blocks' are empty).
fn quoted_elsewhere(cands: &[Cand<'_>], words: &[Vec<u64>]) -> Vec<bool> {
    let paragraphs = cands
        .iter()
        .filter(|c| c.block.kind() == BlockKind::Paragraph)
        .count();
    // A pull quote repeats a longer paragraph: with fewer than two paragraphs there is none, and
    // a page that is one long paragraph needs no 4-gram table at all.
    if paragraphs < 2 {
        return vec![false; cands.len()];
    }
    let long_enough = |w: &[u64]| w.len() >= QUOTE_N + QUOTE_MIN_SHINGLES - 1;
    let firsts = Holders::of(
        words,
        words
            .iter()
            .filter(|w| long_enough(w))
            .map(|w| &w[..QUOTE_N]),
        paragraphs,
    );
    // Paragraphs whose first 4-gram is also held by a longer paragraph: the only possible quotes.
    let longer_holders = |i: usize, w: &[u64], holders: &Holders| -> [Option<usize>; 2] {
        holders
            .others(&w[..QUOTE_N], i)
            .map(|j| j.filter(|&j| words[j].len() > w.len()))
    };
    let suspects: Vec<usize> = (0..words.len())
        .filter(|&i| {
            long_enough(&words[i])
                && longer_holders(i, &words[i], &firsts)
                    .iter()
                    .any(Option::is_some)
        })
        .collect();
    drop(firsts);
    let mut quoted = vec![false; cands.len()];
    if suspects.is_empty() {
        return quoted;
    }
    let all = Holders::of(
        words,
        suspects.iter().flat_map(|&i| words[i].windows(QUOTE_N)),
        suspects
            .iter()
            .map(|&i| words[i].len().saturating_sub(QUOTE_N - 1))
            .sum(),
    );
    for i in suspects {
        let w = &words[i];
        quoted[i] = longer_holders(i, w, &all).into_iter().flatten().any(|j| {
            w.windows(QUOTE_N)
                .all(|g| all.others(g, i).contains(&Some(j)))
        });
    }
    quoted
}

/// Words in a 4-gram of [`quoted_elsewhere`].
const QUOTE_N: usize = 4;

const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

/// A word's 64-bit fingerprint for [`quoted_elsewhere`] (equal words, equal fingerprints),
/// computed from its bytes as the cleaner's pass meets the word: giving each word an id through
/// a hash map, in a second walk over the norms, was four-fifths of the pull-quote check, a sixth
/// of the cleaner's time. Short words are packed into the low 63 bits with the top bit clear
/// (one-to-one: the bytes, then their count), longer ones are their [`FxHasher`] hash with the
/// top bit set, so a short word and a long one never meet. Two different long words can share a
/// hash by chance (as two 4-grams can share a 128-bit [`gram_key`]); the price would be one
/// repeat counted that is not one.
fn word_fingerprint(w: &str) -> u64 {
    let b = w.as_bytes();
    if b.len() <= 7 {
        let packed = b
            .iter()
            .rev()
            .fold(0u64, |acc, &byte| acc << 8 | u64::from(byte));
        return short_fingerprint(packed, b.len());
    }
    let mut h = FxHasher::default();
    h.write_usize(b.len());
    h.write(b);
    h.finish() | 1 << 63
}

/// [`word_fingerprint`] of a word of at most seven bytes, `len` of them, packed little-endian.
#[inline]
fn short_fingerprint(packed: u64, len: usize) -> u64 {
    packed << 3 | len as u64
}

/// A 4-gram's key: two independent 64-bit mixes of its words' fingerprints.
fn gram_key(g: &[u64]) -> u128 {
    let (mut a, mut b) = (0u64, 0x2545_F491_4F6C_DD1Du64);
    for &w in g {
        a = (a.rotate_left(27) ^ w).wrapping_mul(MIX);
        b = (b.rotate_left(31) ^ w).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    }
    u128::from(a) << 64 | u128::from(b ^ b >> 32)
}

/// The first two paragraphs (block indices, in page order) holding each of some 4-grams.
struct Holders(FxHashMap<u128, [u32; 2]>);

impl Holders {
    const NONE: u32 = u32::MAX;

    /// The holders of the 4-grams `grams` (about `capacity` of them: the table is sized once),
    /// found by one walk over every paragraph's 4-grams.
    fn of<'w>(
        words: &[Vec<u64>],
        grams: impl Iterator<Item = &'w [u64]>,
        capacity: usize,
    ) -> Holders {
        let mut map: FxHashMap<u128, [u32; 2]> =
            FxHashMap::with_capacity_and_hasher(capacity, Default::default());
        // A bit per key's low bits: most 4-grams of a page are no key, and a bit test turns them
        // away before the hash and probe (a key's bit is always set, so none is missed).
        let mut bits = [0u64; 64];
        let bit = |k: u128| (k as usize % 64, 1u64 << ((k >> 6) as u32 % 64));
        // Before that, a bit per the first two words of a key: a window whose first two words
        // open no key is turned away before its key is even computed.
        let mut pairs = [0u64; 64];
        let pair_bit = |g: &[u64]| {
            let h = (g[0] ^ g[1].rotate_left(29)).wrapping_mul(MIX) >> 52;
            (h as usize % 64, 1u64 << (h / 64))
        };
        for g in grams {
            let k = gram_key(g);
            map.entry(k).or_insert([Self::NONE, Self::NONE]);
            let (word, mask) = bit(k);
            bits[word] |= mask;
            let (word, mask) = pair_bit(g);
            pairs[word] |= mask;
        }
        for (i, w) in words.iter().enumerate() {
            let me = i as u32;
            for g in w.windows(QUOTE_N) {
                let (word, mask) = pair_bit(g);
                if pairs[word] & mask == 0 {
                    continue;
                }
                let k = gram_key(g);
                let (word, mask) = bit(k);
                if bits[word] & mask == 0 {
                    continue;
                }
                if let Some(slot) = map.get_mut(&k) {
                    if slot[0] == Self::NONE {
                        slot[0] = me;
                    } else if slot[0] != me && slot[1] == Self::NONE {
                        slot[1] = me;
                    }
                }
            }
        }
        Holders(map)
    }

    /// The holders of `g` other than block `me`.
    fn others(&self, g: &[u64], me: usize) -> [Option<usize>; 2] {
        self.0.get(&gram_key(g)).map_or([None, None], |s| {
            s.map(|j| (j != Self::NONE && j as usize != me).then_some(j as usize))
        })
    }
}

/// A picture credit on its own line (`Photo: A. Person/Agency`, at most [`CREDIT_LINE_WORDS`]
/// words) stands below its caption or above it. When the block before the credit is not
/// caption-shaped (prose of several sentences, a byline), a one-sentence block of less than
/// [`CAPTION_AFTER_CREDIT_CHARS`] characters right after it is its caption.
fn captions_after_credits(cands: &mut [Cand<'_>]) {
    let caption_shaped = |c: &Cand<'_>| {
        c.block.kind() == BlockKind::Paragraph
            && (c.initial != Class::Bad || c.reason == Reason::Caption)
            && c.sig.chars < CAPTION_AFTER_CREDIT_CHARS
            && c.sig.inner_sentences == 0
    };
    for i in 1..cands.len() {
        let prev = &cands[i - 1].sig;
        let credit = (prev.caption_start || prev.credit_tail) && prev.words <= CREDIT_LINE_WORDS;
        if !credit || (i >= 2 && caption_shaped(&cands[i - 2])) {
            continue;
        }
        if caption_shaped(&cands[i]) && cands[i].initial != Class::Bad {
            cands[i].initial = Class::Bad;
            cands[i].reason = Reason::Caption;
        }
    }
}

/// True when a list's items (lines of its markdown opening with a marker) are sentences: at
/// least two items, and at least two thirds of them end with sentence punctuation.
fn list_of_sentences(markdown: &str) -> bool {
    let mut items = 0;
    let mut sentences = 0;
    for line in markdown.lines() {
        let t = line.trim_start();
        let marker = t.starts_with(['-', '*', '+'])
            || t.split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if !marker {
            continue;
        }
        items += 1;
        if super::wrap::ends_sentence(t) {
            sentences += 1;
        }
    }
    items >= 2 && sentences * 3 >= items * 2
}

fn lower(class: Class) -> Class {
    match class {
        Class::Good => Class::NearGood,
        Class::NearGood => Class::Short,
        other => other,
    }
}

/// The context-free class of a block and the reason for it.
fn initial(c: &Cand<'_>) -> (Class, Reason) {
    let s = &c.sig;
    match c.block.kind() {
        BlockKind::Table => return (Class::Short, Reason::Table),
        BlockKind::List => {
            // A list of sentences is judged as text; a list of names by its neighbours.
            if (s.furniture > 0 || s.symbols > 0) && s.words <= FURNITURE_SHORT_WORDS * 2 {
                return (Class::Bad, Reason::FurnitureList);
            }
            // Items written as sentences (a key-points box, a list of findings) are prose.
            if list_of_sentences(c.text()) && s.density() >= STOP_LOW {
                return (Class::NearGood, Reason::ListOfSentences);
            }
            return (Class::Short, Reason::List);
        }
        BlockKind::Heading | BlockKind::Paragraph => {}
    }
    if s.words == 0 && s.unspaced == 0 {
        return (Class::Bad, Reason::NoWords);
    }
    if s.no_letters() {
        return (Class::Bad, Reason::NoLetters);
    }
    if s.date_line() {
        return (Class::Bad, Reason::Dateline);
    }
    if s.parenthesised && (s.chars as usize) < LENGTH_HIGH {
        return (Class::Bad, Reason::Note);
    }
    if c.repeats > 1 && (s.chars as usize) < LENGTH_HIGH {
        return (Class::Bad, Reason::Repeated);
    }
    if c.quoted && !c.title_like && (s.chars as usize) < CAPTION_CHARS {
        return (Class::Bad, Reason::PullQuote);
    }
    if s.credit_tail || s.caption_start || (s.caption >= 3 && (s.chars as usize) < CAPTION_CHARS) {
        return (Class::Bad, Reason::Caption);
    }
    if s.byline && s.words <= BYLINE_WORDS && !s.sentence_end {
        return (Class::Bad, Reason::Byline);
    }
    if s.says && s.words <= 6 {
        return (Class::Bad, Reason::CommentAuthor);
    }
    if s.copyright > 0 && s.words <= COPYRIGHT_WORDS {
        return (Class::Bad, Reason::Copyright);
    }
    if s.emails > 0 && s.words <= CONTACT_WORDS {
        return (Class::Bad, Reason::Contact);
    }
    if s.furniture_label {
        return (Class::Bad, Reason::FurnitureWords);
    }
    if s.about && c.title_like {
        return (Class::Bad, Reason::About);
    }
    let hits = s.furniture.saturating_add(s.symbols);
    if hits > 0 && s.words <= FURNITURE_SHORT_WORDS {
        return (Class::Bad, Reason::FurnitureWords);
    }
    if s.furniture.saturating_mul(FURNITURE_RATE) >= s.words.max(1) {
        return (Class::Bad, Reason::FurnitureRate);
    }
    if s.truncated && s.chars < TEASER_CHARS {
        return (Class::Bad, Reason::Teaser);
    }
    let length = c.length();
    if length < LENGTH_LOW {
        return (Class::Short, Reason::Short);
    }
    if s.title_case() && !s.sentence_end {
        return (Class::Bad, Reason::Headline);
    }
    let mut class = if s.is_unspaced() {
        if s.sentence_end && length > LENGTH_HIGH {
            Class::Good
        } else {
            Class::NearGood
        }
    } else {
        let d = s.density();
        if d >= STOP_HIGH {
            if length > LENGTH_HIGH {
                Class::Good
            } else {
                Class::NearGood
            }
        } else if d >= STOP_LOW || (d >= STOP_SENTENCES && s.sentence_end && s.lower_share() >= 0.5)
        {
            Class::NearGood
        } else {
            return (Class::Bad, Reason::FewStopWords);
        }
    };
    let mut reason = Reason::Prose;
    if !s.sentence_end && s.lower_share() < 0.5 && !s.is_unspaced() {
        class = lower(class);
        reason = Reason::NotASentence;
    }
    if s.caption > 0 && length < CAPTION_CHARS {
        class = lower(class);
        reason = Reason::Caption;
    }
    (class, reason)
}

/// For every block, the nearest block before and after it whose class counts (short blocks, and
/// near-good ones when asked, are looked through). Computed in one pass each way, so context
/// costs linear time however long the runs of short blocks.
///
/// Indices are `u32` ([`Nearest::NONE`] for none: a page has fewer blocks than bytes, and fewer
/// than four billion), a quarter of `Option<usize>`: a page can have a million blocks.
struct Nearest<'c> {
    classes: &'c [Class],
    prev: Vec<u32>,
    next: Vec<u32>,
}

impl<'c> Nearest<'c> {
    const NONE: u32 = u32::MAX;

    fn new(classes: &'c [Class], ignore_near_good: bool) -> Nearest<'c> {
        let counts = |c: Class| !(c == Class::Short || (ignore_near_good && c == Class::NearGood));
        let n = classes.len();
        let mut prev = vec![Self::NONE; n];
        let mut last = Self::NONE;
        for i in 0..n {
            prev[i] = last;
            if counts(classes[i]) {
                last = i as u32;
            }
        }
        let mut next = vec![Self::NONE; n];
        let mut last = Self::NONE;
        for i in (0..n).rev() {
            next[i] = last;
            if counts(classes[i]) {
                last = i as u32;
            }
        }
        Nearest {
            classes,
            prev,
            next,
        }
    }

    fn index(&self, i: usize, forward: bool) -> Option<usize> {
        let j = if forward { self.next[i] } else { self.prev[i] };
        (j != Self::NONE).then_some(j as usize)
    }

    /// The neighbour's class; bad past the ends of the page.
    fn class(&self, i: usize, forward: bool) -> Class {
        self.index(i, forward)
            .map_or(Class::Bad, |j| self.classes[j])
    }
}

/// jusText's context-sensitive revision, then the introduced-by-a-colon rule.
fn revise(cands: &mut [Cand<'_>]) {
    let mut classes: Vec<Class> = cands.iter().map(|c| c.initial).collect();
    // Headings: short title-like blocks right before prose.
    for i in 0..cands.len() {
        let before_prose = cands
            .get(i + 1)
            .is_some_and(|n| matches!(n.initial, Class::Good | Class::NearGood) && !n.title_like);
        if cands[i].title_like && classes[i] == Class::Short && before_prose {
            classes[i] = Class::NearGood;
        }
    }
    // Near-good blocks are good unless both neighbours are bad, but two prose blocks of medium
    // length next to each other (short blocks aside) support each other.
    let before = classes.clone();
    let prose = |j: usize| {
        matches!(cands[j].initial, Class::Good | Class::NearGood) && !cands[j].title_like
    };
    let strict = Nearest::new(&before, true);
    // Pairs look through short blocks and headings.
    let through: Vec<Class> = before
        .iter()
        .zip(cands.iter())
        .map(|(&c, cand)| if cand.title_like { Class::Short } else { c })
        .collect();
    let loose = Nearest::new(&through, false);
    for i in 0..classes.len() {
        if before[i] != Class::NearGood {
            continue;
        }
        let prev = strict.class(i, false);
        let next = strict.class(i, true);
        let close = |j: usize| j.abs_diff(i) <= MAX_PAIR_DISTANCE && prose(j);
        let paired = prose(i)
            && (loose.index(i, false).is_some_and(close)
                || loose.index(i, true).is_some_and(close));
        classes[i] = if prev == Class::Bad && next == Class::Bad && !paired {
            Class::Bad
        } else {
            Class::Good
        };
    }
    // Short blocks are good only between good blocks. (jusText keeps a short block between a
    // good block and a near-good one that context turned bad; a run of menu entries before a
    // footer paragraph passes that test, so here a block between good and bad is bad.)
    drop((strict, loose));
    let resolved = classes.clone();
    let around = Nearest::new(&resolved, true);
    for i in 0..classes.len() {
        if resolved[i] != Class::Short {
            continue;
        }
        let prev = around.class(i, false);
        let next = around.class(i, true);
        classes[i] = if prev == Class::Good && next == Class::Good {
            Class::Good
        } else {
            Class::Bad
        };
    }
    // Lists and tables introduced by a good block ending with a colon.
    for i in 1..cands.len() {
        let introduced = classes[i - 1] == Class::Good
            && cands[i - 1].text().trim_end().ends_with(':')
            && matches!(cands[i].block.kind(), BlockKind::List | BlockKind::Table);
        if introduced && cands[i].initial != Class::Bad {
            classes[i] = Class::Good;
        }
    }
    implicit_lists(cands, &mut classes);
    for (c, class) in cands.iter_mut().zip(classes) {
        c.class = class;
    }
}

/// The shape of a line that may be an item of a list written one item per line: starting with a
/// number (a rank, a score, a time) or a month name (a schedule).
fn item_shape(text: &str) -> Option<u8> {
    let first = text.split_whitespace().next()?;
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(1);
    }
    let word = first.trim_end_matches(['.', ',']);
    super::date::month_of(word).map(|_| 2)
}

/// Lists written one item per line without markers (tour dates, results) after a line ending
/// with a colon that follows good text: at least [`MIN_IMPLICIT_ITEMS`] following blocks of one
/// shape ([`item_shape`]), none of them furniture, are kept with their introduction.
fn implicit_lists(cands: &[Cand<'_>], classes: &mut [Class]) {
    let mut i = 1;
    while i + 1 < cands.len() {
        let intro = &cands[i];
        let after_good = classes[i] == Class::Good || classes[i - 1] == Class::Good;
        let shape = item_shape(cands[i + 1].text());
        if !(after_good && intro.text().trim_end().ends_with(':')) || shape.is_none() {
            i += 1;
            continue;
        }
        let item_like = |c: &Cand<'_>| {
            c.block.kind() == BlockKind::Paragraph
                && (c.sig.chars as usize) <= LENGTH_HIGH
                && !c.is_furniture()
                && matches!(
                    c.reason,
                    Reason::Short | Reason::Headline | Reason::FewStopWords | Reason::NotASentence
                )
                && item_shape(c.text()) == shape
        };
        let mut end = i + 1;
        while end < cands.len() && item_like(&cands[end]) {
            end += 1;
        }
        if end - (i + 1) >= MIN_IMPLICIT_ITEMS {
            for class in &mut classes[i..end] {
                *class = Class::Good;
            }
        }
        i = end.max(i + 1);
    }
}

/// A run of good blocks.
#[derive(Debug, Clone, Copy)]
struct Run {
    first: usize,
    last: usize,
    /// Characters of prose (blocks good or near-good on their own).
    score: usize,
    /// Datelines and author lines between its blocks.
    separators: usize,
    /// Blocks good on their own (long, dense).
    long: usize,
    /// Weighted gap to the previous run.
    gap_before: usize,
    /// Copyright lines inside the run or in the gap before it: a legal footer.
    legal: bool,
}

/// Keeps only the run of good blocks with the most good text, and the runs close to it that
/// stand on their own.
fn main_run(cands: &mut [Cand<'_>]) {
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let mut gap_blocks = 0;
    let mut gap_chars = 0;
    let mut gap_separators = 0;
    let mut gap_legal = false;
    // An `About …` heading ends the article: what follows is the boilerplate about the company
    // or the author, and no run after it joins the one before.
    let mut section_end = false;
    for (i, c) in cands.iter().enumerate() {
        if c.is_good() {
            let score = if matches!(c.initial, Class::Good | Class::NearGood) {
                c.length()
            } else {
                0
            };
            let long = usize::from(c.initial == Class::Good);
            current = match current {
                Some(r)
                    if gap_blocks <= MAX_GAP_BLOCKS
                        && gap_chars <= MAX_GAP_CHARS
                        && !section_end =>
                {
                    Some(Run {
                        last: i,
                        score: r.score + score,
                        // A copyright line between its blocks makes a run a legal footer.
                        separators: r.separators
                            + gap_separators
                            + if gap_legal { LEGAL_SEPARATORS } else { 0 },
                        long: r.long + long,
                        legal: r.legal || gap_legal,
                        ..r
                    })
                }
                other => {
                    if let Some(run) = other {
                        runs.push(run);
                    }
                    Some(Run {
                        first: i,
                        last: i,
                        score,
                        separators: 0,
                        long,
                        gap_before: if section_end { usize::MAX } else { gap_blocks },
                        legal: gap_legal,
                    })
                }
            };
            gap_blocks = 0;
            gap_chars = 0;
            gap_separators = 0;
            gap_legal = false;
            section_end = false;
        } else {
            gap_legal |= c.is_legal();
            section_end |= c.reason == Reason::About;
            // Prose that context turned down and short fragments written with function words
            // (list items, questions) are no evidence of furniture: they do not widen the gap.
            // Furniture named by its vocabulary counts twice.
            if !is_fragment(c) {
                gap_blocks += if c.is_furniture() { 2 } else { 1 };
                gap_chars += c.sig.chars as usize;
            }
            if c.sig.date_line() || c.sig.says {
                gap_separators += 1;
            }
        }
    }
    if let Some(run) = current {
        runs.push(run);
    }
    // Datelines and author lines between the blocks of a run make it a listing: comments or
    // teasers, each under its own date.
    let Some(best) = (0..runs.len()).max_by_key(|&k| {
        let r = &runs[k];
        (r.score / (1 + r.separators), std::cmp::Reverse(r.first))
    }) else {
        return;
    };
    // Runs of long prose a little further away (an inline box of links between them) are part
    // of the article too.
    // A copyright line between them (or inside the other run) marks a legal footer.
    let joins =
        |r: &Run| (r.long >= MIN_LONG_TO_JOIN || r.score >= MIN_SCORE_TO_JOIN) && r.separators == 0;
    let mut lo = best;
    while lo > 0
        && runs[lo].gap_before <= MAX_JOIN_GAP
        && !runs[lo].legal
        && joins(&runs[lo - 1])
        && !runs[lo - 1].legal
    {
        lo -= 1;
    }
    let mut hi = best;
    while hi + 1 < runs.len()
        && runs[hi + 1].gap_before <= MAX_JOIN_GAP
        && joins(&runs[hi + 1])
        && !runs[hi + 1].legal
    {
        hi += 1;
    }
    let (first, mut last) = (runs[lo].first, runs[hi].last);
    // A live blog: entries under time stamps (`14.22 BST`). When the article holds at least
    // [`MIN_STAMPS`] of them, the entries right after it (a stamp, maybe a heading, then prose)
    // are entries too, however short: the last entry is often a single paragraph between its
    // stamp and the page's footer, which context alone turns down.
    let stamps = (first..=last).filter(|&i| cands[i].sig.time_line).count();
    if stamps >= MIN_STAMPS {
        loop {
            let mut j = last + 1;
            if !cands.get(j).is_some_and(|c| c.sig.time_line) {
                break;
            }
            j += 1;
            if cands.get(j).is_some_and(|c| entry_heading(c)) {
                j += 1;
            }
            if !cands
                .get(j)
                .is_some_and(|c| is_fragment(c) || c.initial == Class::Good)
            {
                break;
            }
            last = j;
            while last + 1 < cands.len() && is_fragment(&cands[last + 1]) {
                last += 1;
            }
        }
    }
    // Sentences right after the last good block (a closing quote cut off as its own paragraph,
    // the last short sentences of a wire story) end the article with it.
    let closing = last + 1;
    while last + 1 < cands.len()
        && (is_fragment(&cands[last + 1]) || short_sentence(&cands[last + 1]))
        && cands[last + 1].sig.sentence_end
    {
        last += 1;
    }
    // A lead (standfirst) sits between the headline and the byline, before the body: prose
    // blocks shortly before the run join it.
    let original_first = first;
    let mut first = first;
    let mut gap = 0;
    for i in (0..first).rev() {
        let c = &cands[i];
        if matches!(c.initial, Class::Good | Class::NearGood) && !c.title_like {
            first = i;
            gap = 0;
        } else {
            gap += 1;
            if gap > MAX_GAP_BLOCKS {
                break;
            }
        }
    }
    for (i, c) in cands.iter_mut().enumerate() {
        if i < first || i > last {
            c.class = Class::Bad;
        } else if i == first {
            c.class = Class::Good;
        } else if i > original_first && is_fragment(c) || i >= closing {
            // Inside the article, prose and sentence fragments belong to it, and so do the
            // closing sentences.
            c.class = Class::Good;
        }
    }
    // Inside the article, a heading is a title-like line (not bad on its own) between good
    // blocks.
    let headings: Vec<usize> = (first + 1..last)
        .filter(|&i| {
            let c = &cands[i];
            c.title_like
                && c.initial != Class::Bad
                && !c.is_good()
                && cands[i - 1].is_good()
                && cands[i + 1].is_good()
        })
        .collect();
    for i in headings {
        cands[i].class = Class::Good;
    }
    // The heading of a live-blog entry sits between its time stamp and its prose, and may be
    // repeated in a box of key events: it is a heading too, also right before the first good
    // block.
    if stamps >= MIN_STAMPS {
        let entry_headings: Vec<usize> = (first.max(2) - 1..last)
            .filter(|&i| {
                entry_heading(&cands[i])
                    && cands[i - 1].sig.time_line
                    && cands[i + 1].is_good()
                    && !cands[i + 1].title_like
            })
            .collect();
        for i in entry_headings {
            cands[i].class = Class::Good;
        }
    }
}

/// A title-like line that may head a live-blog entry: not bad on its own, or bad only for being
/// repeated (a box of key events repeats the entry headings).
fn entry_heading(c: &Cand<'_>) -> bool {
    c.title_like
        && c.block.kind() == BlockKind::Paragraph
        && (c.initial != Class::Bad || c.reason == Reason::Repeated)
        && c.sig.furniture + c.sig.symbols == 0
}

/// A short sentence written in lower case (`Opponents said the levy would hurt businesses.`),
/// however few its function words.
fn short_sentence(c: &Cand<'_>) -> bool {
    let written_as_prose = if c.sig.is_unspaced() {
        // Chinese, Japanese, Thai: no spaces nor case to read; a full sentence of at least
        // `UNSPACED_SENTENCE_CHARS` characters (a few words) is prose.
        c.sig.chars >= UNSPACED_SENTENCE_CHARS
    } else {
        c.sig.words >= 4 && c.sig.lower_share() >= 0.5
    };
    c.initial == Class::Short
        && c.reason == Reason::Short
        && !c.title_like
        && c.sig.sentence_end
        && written_as_prose
}

/// Characters of the shortest closing sentence kept in a script written without spaces (two
/// characters make a word on average: four words, as for other scripts).
const UNSPACED_SENTENCE_CHARS: u32 = 8;

/// Prose that context turned down, or a short fragment written with function words (a list
/// item, a question): not furniture.
fn is_fragment(c: &Cand<'_>) -> bool {
    (c.initial == Class::NearGood && !c.title_like)
        || (c.initial == Class::Short
            && !c.title_like
            && c.reason != Reason::Caption
            && c.sig.words >= 4
            && c.sig.density() >= 0.2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::{extract, Mode};
    use crate::testing::XorShift;

    #[test]
    fn word_fingerprints_tell_words_apart() {
        // Short words are their bytes and length, so words that differ only in a trailing NUL
        // or in length differ; a long word's fingerprint never equals a short word's.
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "abc",
            "the",
            "tha",
            "seven77",
            "eight888",
            "eight889",
            "nine99999",
            "ünïcödé",
            "über",
            "uber",
            "council",
            "councils",
            "councillors",
        ];
        let fps: Vec<u64> = words.iter().map(|w| word_fingerprint(w)).collect();
        for i in 0..fps.len() {
            for j in i + 1..fps.len() {
                assert_ne!(fps[i], fps[j], "{:?} and {:?}", words[i], words[j]);
            }
            assert_eq!(fps[i] >> 63 == 1, words[i].len() > 7, "{:?}", words[i]);
        }
        // Order matters in a 4-gram's key.
        let g = |ws: [&str; 4]| gram_key(&ws.map(word_fingerprint));
        assert_ne!(g(["a", "b", "c", "d"]), g(["b", "a", "c", "d"]));
        assert_eq!(g(["a", "b", "c", "d"]), g(["a", "b", "c", "d"]));
    }

    fn classes(text: &str) -> Vec<(String, Class)> {
        let found = extract(text, Mode::Article);
        classify(
            super::super::segment::blocks(text, &found),
            &Vocabulary::english(),
        )
        .into_iter()
        .map(|c| (c.text().to_string(), c.class))
        .collect()
    }

    fn kept(text: &str) -> Vec<String> {
        classes(text)
            .into_iter()
            .filter(|(_, c)| *c == Class::Good)
            .map(|(t, _)| t)
            .collect()
    }

    const P1: &str = "The harbour board said on Monday that the new quay would not open until the spring, two years later than it had planned, because the contractor that was building it had run out of money.";
    const P2: &str = "Residents of the old town, who have lived with the noise of the works for three summers, said that they were glad of the delay and that they hoped the board would use it to rethink the plan.";
    const P3: &str = "The board will meet again in June, when it expects to hear from the two firms that have said they are willing to take over the work, and it will then set a new date for the opening.";

    #[test]
    fn long_dense_prose_is_good_and_menus_are_bad() {
        let text = format!("Home\n\nWorld\n\nBusiness\n\n{P1}\n\n{P2}\n\nContact\n\nJobs\n");
        assert_eq!(kept(&text), [P1, P2]);
    }

    #[test]
    fn short_block_between_good_blocks_is_kept() {
        let text = format!("Menu\n\n{P1}\n\nIt was not the first delay.\n\n{P2}\n\nAbout\n");
        assert_eq!(kept(&text), [P1, "It was not the first delay.", P2]);
    }

    #[test]
    fn short_block_between_furniture_goes() {
        let text = format!("{P1}\n\n{P2}\n\nTags\n\nIt was not the first delay.\n\nPorts\n");
        assert_eq!(kept(&text), [P1, P2]);
    }

    #[test]
    fn headings_before_good_text_are_kept() {
        let text = format!("Sections\n\n{P1}\n\nWhat Comes Next\n\n{P2}\n\n{P3}\n\nFooter Links\n");
        assert_eq!(kept(&text), [P1, "What Comes Next", P2, P3]);
    }

    #[test]
    fn low_stop_word_density_is_bad() {
        let menu = "Business Technology Science Health Sports Travel Style Food Video Podcasts Weather Markets Opinion";
        let text = format!("{menu}\n\n{P1}\n\n{P2}\n");
        assert_eq!(kept(&text), [P1, P2]);
    }

    #[test]
    fn furniture_vocabulary_and_notes_go() {
        let legal = "© 2025 Example Media Group. All rights reserved. Use of this site constitutes acceptance of our terms and privacy policy, and you may unsubscribe from any newsletter at any time.";
        let text = format!("{P1}\n\n{P2}\n\n(Reporting by the news desk.)\n\n{legal}\n\nSubscribe to our newsletter\n");
        assert_eq!(kept(&text), [P1, P2]);
    }

    #[test]
    fn numbered_link_lists_and_repeated_lines_go() {
        let text = format!(
            "{P1}\n\n{P2}\n\nPopular Now\n\n1\nFloods Close the Coast Road for a Week\n\nFloods Close the Coast Road for a Week\n\n World\n2\nMinisters Meet on the Budget Again\n\nMinisters Meet on the Budget Again\n\n Politics\n"
        );
        assert_eq!(kept(&text), [P1, P2]);
    }

    #[test]
    fn datelines_and_comment_authors_go() {
        let text = format!("Posted on March 3, 2024 at 9:15 am\n\n{P1}\n\n{P2}\n\nreader42 says:\n\nMarch 4, 2024 at 10:00 am\n\nGood.\n");
        assert_eq!(kept(&text), [P1, P2]);
    }

    #[test]
    fn list_introduced_by_a_colon_is_kept() {
        let intro = "The board listed the reasons for the delay in a statement that it published on its website on Monday:";
        let text = format!("{P1}\n\n{intro}\n- Money\n- Weather\n\nContact\n\nJobs\n");
        let got = kept(&text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[2], "- Money\n- Weather");
    }

    #[test]
    fn distant_prose_outside_the_main_run_goes() {
        let teaser = "In other news, a council in another county said on Tuesday that it would close two of its libraries because of the cost of heating them through the winter.";
        let menu = "Jobs\n\nEvents\n\nTravel\n\nCars\n\nHomes\n\nDeals\n\nPuzzles\n\nWeather";
        let text = format!("{P1}\n\n{P2}\n\n{P3}\n\n{menu}\n\n{teaser}\n\n{menu}\n");
        assert_eq!(kept(&text), [P1, P2, P3]);
    }

    #[test]
    fn captions_are_lowered() {
        let caption =
            "A photo of the quay taken from the old town on Monday, when the works stopped.";
        let text = format!("Home\n\n{caption}\n\nMenu\n\n{P1}\n\n{P2}\n");
        assert_eq!(kept(&text), [P1, P2]);
    }

    #[test]
    fn picture_credit_captions_go() {
        let caption = "The new quay seen from the old town on a winter morning, before the works stopped. Credit: A. Person";
        let text = format!("{P1}\n\n{caption}\n\n{P2}\n\n{P3}\n");
        assert_eq!(kept(&text), [P1, P2, P3]);
    }

    #[test]
    fn comment_section_loses_to_the_article() {
        let comment = "I have lived by the harbour for twenty years and I can tell you that the board has never once kept to a date that it has promised to the people who live here.";
        let mut text = format!("{P1}\n\n{P2}\n\nShare this\n\n12 Comments\n\n");
        for n in 0..6 {
            text.push_str(&format!(
                "reader{n} says:\n\nMarch {}, 2024 at 9:15 am\n\n{comment} {n}\n\n",
                n + 1
            ));
        }
        assert_eq!(kept(&text), [P1, P2]);
    }

    #[test]
    fn standfirst_before_the_byline_is_kept() {
        let lead = "The harbour board has put off the opening of the new quay by two years, blaming the contractor.";
        let text = format!("Home\n\nQuay Opening Delayed\n\n{lead}\n\nBy A. Writer\n\nMarch 3, 2024\n\nShare\n\n{P1}\n\n{P2}\n\n{P3}\n\nContact\n");
        assert_eq!(kept(&text), [lead, P1, P2, P3]);
    }

    #[test]
    fn legal_footer_prose_is_not_joined() {
        let legal = "The information on this site is provided for general purposes only, and readers should ask a qualified adviser before they act on any of it in their own affairs.";
        let menu = "Contact\n\nJobs\n\nEvents\n\nTravel\n\nCars\n\nHomes\n\nDeals";
        let text = format!(
            "{P1}\n\n{P2}\n\n{P3}\n\n{menu}\n\n{legal}\n\n© 2024 Example Media\n\n{legal} Again.\n"
        );
        assert_eq!(kept(&text), [P1, P2, P3]);
    }

    #[test]
    fn a_page_of_medium_paragraphs_only_keeps_them() {
        let one = "The harbour board said on Monday that the new quay would open in the spring.";
        assert_eq!(kept(one), [one]);
    }

    #[test]
    fn a_document_of_one_short_sentence_keeps_it() {
        let one = "The mayor of the town resigned on Monday.";
        assert_eq!(kept(one), [one]);
        assert!(kept("Home\n\nContact\n").is_empty());
    }

    #[test]
    fn a_closing_quote_after_the_last_paragraph_stays() {
        let text = format!("{P1}\n\n{P2}\n\n\"We will wait and see.\"\n");
        assert_eq!(kept(&text), [P1, P2, "\"We will wait and see.\""]);
    }

    #[test]
    fn lists_written_one_item_per_line_after_a_colon_are_kept() {
        let text = format!(
            "{P1}\n\n{P2}\n\nThe tour dates:\n\nJune 9 -- Harbour Hall, Porttown\n\nJune 12 -- Old Arena, Rivermouth\n\nJuly 2 -- Park Stage, Hillcrest\n\nFacebook\n\nTwitter\n"
        );
        let got = kept(&text);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(got[5], "July 2 -- Park Stage, Hillcrest");
    }

    #[test]
    fn a_caption_under_a_credit_line_goes() {
        let p3 = format!("{P3} Until then the old quay will stay open to the ferries and the fishing boats, and the harbour master will keep the night berths free for boats in trouble.");
        let caption =
            "Volunteers from the old town paint the new railings at the end of the quay on Sunday.";
        let text = format!("{P1}\n\n{P2}\n\nPhoto: A. Person/Agency\n\n{caption}\n\n{p3}\n");
        assert_eq!(kept(&text), [P1, P2, p3.as_str()]);
        // Below its caption, the credit says nothing of the block after it.
        let lead = "The new quay will open in the spring, two years late, the harbour board said on Monday.";
        let text = format!("{P1}\n\n{caption}\n\nPhoto: A. Person/Agency\n\n{lead}\n\n{p3}\n");
        assert!(kept(&text).contains(&lead.to_string()));
    }

    #[test]
    fn a_list_of_sentences_before_the_body_is_kept() {
        let list = "- The board has put off the opening of the quay by two years.\n- The contractor that was building it has run out of money.";
        let text = format!("Quay Opening Put Off\n\nMarch 3, 2024\n\nKey Points\n\n{list}\n\n{P1}\n\n{P2}\n\n{P3}\n");
        assert!(kept(&text).contains(&list.to_string()), "{:?}", kept(&text));
    }

    #[test]
    fn short_closing_sentences_stay() {
        let text = format!("{P1}\n\n{P2}\n\nOpponents said higher parking charges hurt city-centre businesses.\n\nThe scheme will be reviewed after a year.\n");
        assert_eq!(kept(&text).len(), 4, "{:?}", kept(&text));
    }

    #[test]
    fn short_closing_sentences_stay_in_unspaced_scripts() {
        let long = "市政府今天上午宣布，地铁新线路将于明年开通，沿线居民对此表示欢迎。新线路全长二十公里，设有十二个车站，预计每天运送乘客十万人次。";
        let closing = "另外，新线路还将连接机场和火车站，方便外地游客。";
        assert_eq!(kept(&format!("{long}\n\n{closing}\n")), [long, closing]);
        // A short line with no sentence end after the article is not a closing sentence.
        assert_eq!(kept(&format!("{long}\n\n相关新闻\n")), [long]);
    }

    /// The pull-quote check as it was before it kept only the deciding 4-grams: every 4-gram of
    /// every paragraph in one table of its first two holders.
    fn quoted_by_full_table(cands: &[Cand<'_>]) -> Vec<bool> {
        let words: Vec<Vec<&str>> = cands
            .iter()
            .map(|c| {
                if c.block.kind() == BlockKind::Paragraph {
                    split_spaces(&c.norm).collect()
                } else {
                    Vec::new()
                }
            })
            .collect();
        if cands
            .iter()
            .filter(|c| c.block.kind() == BlockKind::Paragraph)
            .count()
            < 2
        {
            return vec![false; cands.len()];
        }
        let mut holders: std::collections::HashMap<&[&str], [Option<usize>; 2]> =
            std::collections::HashMap::new();
        for (i, w) in words.iter().enumerate() {
            for g in w.windows(QUOTE_N) {
                let slot = holders.entry(g).or_insert([None, None]);
                if slot[0].is_none() {
                    slot[0] = Some(i);
                } else if slot[0] != Some(i) && slot[1].is_none() {
                    slot[1] = Some(i);
                }
            }
        }
        let others = |g: &[&str], me: usize| -> [Option<usize>; 2] {
            holders
                .get(g)
                .map_or([None, None], |s| s.map(|j| j.filter(|&j| j != me)))
        };
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if w.len() < QUOTE_N + QUOTE_MIN_SHINGLES - 1 {
                    return false;
                }
                others(&w[..QUOTE_N], i).into_iter().flatten().any(|j| {
                    words[j].len() > w.len()
                        && w.windows(QUOTE_N).all(|g| others(g, i).contains(&Some(j)))
                })
            })
            .collect()
    }

    #[test]
    fn the_pull_quote_check_finds_what_the_full_table_finds() {
        // Pages of paragraphs over a vocabulary of six words (4-grams repeat often), some of
        // them pieces of others (quotes), shuffled by a fixed generator.
        let vocab = ["harbour", "council", "barrier", "storm", "quay", "vote"];
        let mut rng = XorShift::new(0x9E37_79B9_7F4A_7C15);
        let mut quoted_pages = 0;
        for _ in 0..400 {
            let mut paragraphs: Vec<Vec<&str>> = Vec::new();
            for _ in 0..2 + rng.below(8) {
                let copy = !paragraphs.is_empty() && rng.below(3) == 0;
                let p: Vec<&str> = if copy {
                    let src = &paragraphs[rng.below(paragraphs.len())];
                    let from = rng.below(src.len().max(1));
                    let to = (from + 1 + rng.below(src.len() - from)).min(src.len());
                    src[from..to].to_vec()
                } else {
                    (0..3 + rng.below(14))
                        .map(|_| vocab[rng.below(vocab.len())])
                        .collect()
                };
                if !p.is_empty() {
                    paragraphs.push(p);
                }
            }
            let text: String = paragraphs
                .iter()
                .map(|p| format!("{}.\n\n", p.join(" ")))
                .collect();
            let found = extract(&text, Mode::Article);
            let cands = classify(
                super::super::segment::blocks(&text, &found),
                &Vocabulary::english(),
            );
            let got: Vec<bool> = cands.iter().map(|c| c.quoted).collect();
            let want = quoted_by_full_table(&cands);
            assert_eq!(got, want, "{text}");
            quoted_pages += usize::from(got.contains(&true));
        }
        // The pages exercise the rule, not only its absence.
        assert!(quoted_pages > 20, "{quoted_pages}");
    }

    #[test]
    fn the_last_live_blog_entry_is_kept() {
        let last =
            "The ferry company has cancelled every sailing for the rest of the day, it says.";
        let text = format!(
            "14.22 GMT\n\nBoard Delays Quay\n\n{P1}\n\n13.05 GMT\n\nResidents Glad\n\n{P2}\n\n12.40 GMT\n\nWhat Comes Next\n\n{P3}\n\n11.40 GMT\n\nFerries Cancelled\n\n{last}\n\nTopics\n\nWeather\n"
        );
        let got = kept(&text);
        assert_eq!(got.last().map(String::as_str), Some(last), "{got:?}");
        assert!(got.contains(&"Ferries Cancelled".to_string()), "{got:?}");
    }

    #[test]
    fn pull_quotes_go() {
        let quote = "“Two years late is better than never,” one of them said.";
        let p2 = format!(
            "{P2} Two years late is better than never, one of them said, and the others agreed."
        );
        let text = format!("{P1}\n\n{quote}\n\n{p2}\n\n{P3}\n");
        assert_eq!(kept(&text), [P1, p2.as_str(), P3]);
    }

    #[test]
    fn context_is_linear_in_the_number_of_blocks() {
        // 100,000 short blocks: a quadratic neighbour search would not finish.
        let mut text = String::new();
        for _ in 0..100_000 {
            text.push_str("Home\n\n");
        }
        text.push_str(P1);
        let got = kept(&text);
        assert_eq!(got, [P1]);
    }
}
