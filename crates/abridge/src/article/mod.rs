//! The article model: a document as title, date and content blocks (heading, paragraph, list,
//! table), with the page furniture of scraped pages dropped.
//!
//! ```
//! let article = abridge::article::clean("Main Menu\n\nFloods Hit the Coast\n\nHeavy rain flooded the harbour district on Monday, forcing hundreds of residents from their homes.\n");
//! assert!(article.blocks.iter().any(|b| b.text().starts_with("Heavy rain")));
//! ```

mod classify;
mod date;
// --- HTML reader (issue 12) ---
mod html;
pub use html::{clean_html, read_html};
// --- end HTML reader ---
pub use date::Date;
#[cfg(test)]
mod seeds;
mod segment;
mod sentences;
pub use sentences::sentences;
pub use sentences::{body_sentences, body_sentences_in, sentences_in};
mod signals;
mod vocab;
pub use vocab::{CleanOptions, Vocabulary, WordList};
mod wrap;

use crate::corpus::Document;
pub use crate::corpus::Format;
use crate::markup::{self, Mode};
use crate::span::Span;
use crate::text::FxHashSet;
use classify::{Cand, Class, Reason};
use serde::Serialize;
use std::borrow::Cow;

/// What a block of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum BlockKind {
    /// A section heading (or a headline-like line that announces what follows).
    Heading,
    /// A paragraph of prose.
    Paragraph,
    /// A bullet or ordered list.
    List,
    /// A pipe table.
    Table,
}

/// What a block holds: text for headings and paragraphs, the parsed value for lists and tables.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Content<'a> {
    /// A heading's text.
    Heading(Cow<'a, str>),
    /// A paragraph's text, hard-wrapped lines joined by a space.
    Paragraph(Cow<'a, str>),
    /// A list, as the markup grammar parsed it (boxed, as the table: a page holds many more
    /// paragraphs than lists and tables, and every block is as large as its largest variant).
    List(Box<markup::List<'a>>),
    /// A table, as the markup grammar parsed it.
    Table(Box<markup::Table<'a>>),
}

/// One block of article content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// The block's content.
    pub content: Content<'a>,
    /// First and last 1-based input line of the block.
    pub lines: [usize; 2],
    /// Byte range of the block in the input.
    pub span: Span,
}

impl<'a> Block<'a> {
    /// What the block is.
    pub fn kind(&self) -> BlockKind {
        match self.content {
            Content::Heading(_) => BlockKind::Heading,
            Content::Paragraph(_) => BlockKind::Paragraph,
            Content::List(_) => BlockKind::List,
            Content::Table(_) => BlockKind::Table,
        }
    }

    /// The block as text: headings and paragraphs as they are; lists and tables in their
    /// markdown normal form ([`markup::write_list_markdown`], [`markup::write_table_markdown`]).
    pub fn text(&self) -> Cow<'_, str> {
        match &self.content {
            Content::Heading(t) | Content::Paragraph(t) => Cow::Borrowed(t.as_ref()),
            Content::List(list) => Cow::Owned(markup::list_markdown(list)),
            Content::Table(table) => Cow::Owned(markup::table_markdown(table)),
        }
    }
}

/// Blocks are written as `{"kind", "text", "lines"}` (the schema of `abridge clean`).
impl Serialize for Block<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Block", 3)?;
        s.serialize_field("kind", &self.kind())?;
        s.serialize_field("text", &self.text())?;
        s.serialize_field("lines", &self.lines)?;
        s.end()
    }
}

/// A cleaned article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article<'a> {
    /// The headline, when the page has one.
    pub title: Option<Cow<'a, str>>,
    /// Publication date, when the first lines or the byline give one.
    pub date: Option<Date>,
    /// The author, when the page's metadata names one (HTML pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Cow<'a, str>>,
    /// The site's name, when the page's metadata gives it (HTML pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<Cow<'a, str>>,
    /// The content, in input order.
    pub blocks: Vec<Block<'a>>,
    /// What the article was read from: its blocks' spans point into that input.
    #[serde(skip)]
    pub format: Format,
}

/// Title-like blocks further than this many blocks before the first good paragraph are not
/// considered for the title.
const TITLE_WINDOW: usize = 15;
/// Fewest words of a headline (menu entries, section names and credits are shorter).
const TITLE_MIN_WORDS: u32 = 4;
/// Title-like lines of at most this many words in capitals, without a lower-case word, are
/// kickers and section labels, not headlines.
const KICKER_WORDS: u32 = 5;
/// Fewest words of a standfirst (a line of author names is shorter).
const STANDFIRST_MIN_WORDS: u32 = 5;
/// Bylines and name lines of at most this many words give author names.
const AUTHOR_LINE_WORDS: u32 = 12;
/// Author bios are among this many last good blocks of the page.
const AUTHOR_BIO_LAST: usize = 3;
/// Author bios are at most this long (words).
const AUTHOR_BIO_WORDS: u32 = 80;
/// Blocks after the title (or the first good block) searched for a byline date.
const DATE_AFTER: usize = 8;
/// Blocks before the title searched for a date.
const DATE_BEFORE: usize = 20;
/// A block with more words than this is prose, not a dateline, even with a date in it.
const DATE_MAX_WORDS: u32 = 40;

/// Builds the article model of `text`, page furniture dropped: [`clean_with`] the default
/// [`CleanOptions`].
pub fn clean(text: &str) -> Article<'_> {
    clean_with(text, &CleanOptions::default())
}

/// Builds the article model of `text`, page furniture (named by `options`' vocabulary) dropped.
///
/// ```
/// use abridge::article::{clean, clean_with, CleanOptions, Vocabulary};
/// let p1 = "Heavy rain flooded the harbour district on Monday night, forcing hundreds of residents from their homes and closing the coast road for the rest of the week.";
/// let p2 = "The council said that it would open two schools as shelters and that it expected the water to go down by the end of the week, when the clean-up would begin.";
/// let text = format!("{p1}\n\nJetzt abonnieren und weiterlesen.\n\n{p2}\n");
/// // Between two paragraphs, a short line is kept...
/// assert_eq!(clean(&text).blocks.len(), 3);
/// // ... unless it names furniture.
/// let options = CleanOptions::default()
///     .with_vocabulary(Vocabulary::english().with_extra_furniture_words(["abonnieren"]));
/// let article = clean_with(&text, &options);
/// assert_eq!(article.blocks.len(), 2);
/// ```
pub fn clean_with<'a>(text: &'a str, options: &CleanOptions) -> Article<'a> {
    clean_extracted_with(text, &markup::extract(text, Mode::Article), options)
}

/// The article of a document in `lang`: [`read`], with the cleaner's vocabulary for that
/// language ([`Vocabulary::for_language`]) for text documents (HTML pages keep [`read`]'s).
pub fn read_in(document: &Document, lang: crate::text::lang::Language) -> Article<'_> {
    if lang == crate::text::lang::Language::English || document.format() == Format::Html {
        return read(document);
    }
    let options = CleanOptions::default().with_vocabulary(Vocabulary::for_language(lang));
    clean_with(&document.text, &options)
}

/// A document's language and its article: `language`, or when `None` the language detected
/// from its text (for an HTML page, from its cleaned text, not its markup), and the article read
/// with that language's vocabulary ([`read_in`]).
///
/// ```
/// use abridge::{article, corpus::Document, text::lang::Language};
/// let doc = Document::new("a.txt", "Der Stadtrat hat am Dienstag den Bau der Brücke beschlossen. Die Arbeiten beginnen im Frühjahr.");
/// let (lang, _) = article::read_detected(&doc, None);
/// assert_eq!(lang, Language::German);
/// ```
pub fn read_detected(
    document: &Document,
    language: Option<crate::text::lang::Language>,
) -> (crate::text::lang::Language, Article<'_>) {
    if document.format() == Format::Html {
        let article = read(document);
        let lang = language.unwrap_or_else(|| crate::text::lang::detect_text(&article.to_text()));
        return (lang, article);
    }
    let lang = language.unwrap_or_else(|| crate::text::lang::detect_text(&document.text));
    (lang, read_in(document, lang))
}

// --- HTML reader (issue 12) ---
/// The article of a document, read as its [`Format`] says: HTML pages by [`clean_html`], text
/// by [`clean`]. The one entry point of the commands.
///
/// ```
/// use abridge::corpus::Document;
/// let doc = Document::new("page.html", "<p>Heavy rain flooded the harbour district on Monday, forcing hundreds of residents from their homes.</p>");
/// let article = abridge::article::read(&doc);
/// assert!(article.blocks[0].text().starts_with("Heavy rain"));
/// ```
pub fn read(document: &Document) -> Article<'_> {
    match document.format() {
        Format::Html => clean_html(&document.text),
        Format::Text => clean(&document.text),
    }
}

/// [`read`], and the tables and lists of the whole document ([`markup::extract`] in
/// [`Mode::Article`] for text, [`read_html`] for HTML), the document parsed once.
pub fn read_extracted(document: &Document) -> (Article<'_>, markup::Extracted<'_>) {
    match document.format() {
        Format::Html => read_html(&document.text),
        Format::Text => {
            let found = markup::extract(&document.text, Mode::Article);
            (clean_extracted(&document.text, &found), found)
        }
    }
}
// --- end HTML reader ---

/// [`clean`], given the tables and lists that [`markup::extract`] found in `text` in
/// [`Mode::Article`] (for callers that need them too, so the text is parsed once).
pub fn clean_extracted<'a>(text: &'a str, found: &markup::Extracted<'a>) -> Article<'a> {
    clean_extracted_with(text, found, &CleanOptions::default())
}

/// [`clean_with`], given the tables and lists that [`markup::extract`] found in `text` in
/// [`Mode::Article`].
pub fn clean_extracted_with<'a>(
    text: &'a str,
    found: &markup::Extracted<'a>,
    options: &CleanOptions,
) -> Article<'a> {
    let mut cands = classify::classify(segment::blocks(text, found), &options.vocabulary);
    let body = cands
        .iter()
        .position(|c| c.is_good() && !c.title_like)
        .or_else(|| cands.iter().position(Cand::is_good));
    let vocab = &options.vocabulary;
    let title = body.and_then(|b| pick_title(&cands, b, vocab));
    let lead = title.and_then(|t| standfirst(&cands, t));
    if let Some(s) = lead {
        cands[s].class = Class::Good;
    }
    if let Some(b) = body {
        drop_author_bios(
            &mut cands,
            title.unwrap_or(b.saturating_sub(TITLE_WINDOW)),
            b,
            vocab,
        );
    }
    let date = pick_date(&cands, title.or(body), vocab);
    let title_norm = title.map(|t| cands[t].norm.as_str()).unwrap_or("");
    let lead_start = lead.map(|s| cands[s].block.span.start);
    let kept: Vec<&Cand<'_>> = cands
        .iter()
        .filter(|c| c.is_good() && (title_norm.is_empty() || c.norm != title_norm))
        .collect();
    let mut seen: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher(kept.len(), Default::default());
    let mut blocks = Vec::with_capacity(kept.len());
    for (i, c) in kept.iter().enumerate() {
        if !c.norm.is_empty() && !seen.insert(c.norm.as_str()) {
            continue;
        }
        let mut block = c.block.clone();
        // The standfirst is written like a headline but is the article's first paragraph.
        let is_lead = lead_start == Some(block.span.start);
        if c.title_like && !is_lead {
            let announces = kept
                .get(i + 1)
                .is_some_and(|n| !n.title_like || n.block.kind() != BlockKind::Paragraph);
            if let (true, Content::Paragraph(text)) = (announces, &mut block.content) {
                block.content = Content::Heading(std::mem::take(text));
            }
        }
        blocks.push(block);
    }
    Article {
        title: title.and_then(|t| match &cands[t].block.content {
            Content::Heading(t) | Content::Paragraph(t) => Some(t.clone()),
            _ => None,
        }),
        date,
        author: None,
        site: None,
        blocks,
        format: Format::Text,
    }
}

/// Context-free reasons a headline may have been given: too short to judge, shown twice, or
/// written with few function words (headlines are).
const HEADLINE_REASONS: &[Reason] = &[
    Reason::Short,
    Reason::Prose,
    Reason::NotASentence,
    Reason::Caption,
    Reason::Repeated,
    Reason::FewStopWords,
    Reason::Headline,
];

/// True when block `i` may be the headline: title-like, of at least [`TITLE_MIN_WORDS`] words,
/// not furniture, a caption, a byline or an `Updated …` stamp, and not a short kicker or
/// section label in capitals.
fn title_candidate(cands: &[Cand<'_>], i: usize, vocab: &Vocabulary) -> bool {
    let c = &cands[i];
    let first_word = c.norm.split(' ').next().unwrap_or("");
    c.title_like
        && c.sig.words >= TITLE_MIN_WORDS
        && c.sig.alpha >= TITLE_MIN_WORDS - 1
        && c.block.kind() == BlockKind::Paragraph
        && (c.initial != Class::Bad || HEADLINE_REASONS.contains(&c.reason))
        && c.sig.furniture + c.sig.symbols + c.sig.caption == 0
        && !c.sig.byline
        && !(i > 0 && cands[i - 1].norm == "by")
        && !vocab.is_stamp(first_word)
        && !(c.sig.words <= KICKER_WORDS && c.sig.all_caps())
}

/// A byline or a dateline: the end of a page's header.
fn byline_or_dateline(c: &Cand<'_>) -> bool {
    c.sig.date_line() || c.sig.byline || c.norm.starts_with("by ")
}

/// The headline: among the title-like blocks shortly before the first good paragraph `body`,
/// the most prominent: repeated on the page (+3: dumps show the headline twice), of
/// headline length (+2 for 6-20 words, +1 for 4-5), followed by a byline or dateline within 4
/// blocks and before any prose (+2), kept by context (+1), and near the body (-1 per 4 blocks away). A candidate
/// right after another one is its deck (-2), and one after the byline or dateline that follows
/// an earlier candidate is past the page's header (-5: an entry heading of a live blog, a
/// caption). The first wins ties: the headline comes before the standfirst.
fn pick_title(cands: &[Cand<'_>], body: usize, vocab: &Vocabulary) -> Option<usize> {
    let mut best: Option<(i64, usize)> = None;
    let start = body.saturating_sub(TITLE_WINDOW);
    let mut seen_candidate = false;
    let mut past_header = false;
    for i in start..body {
        let c = &cands[i];
        if seen_candidate && byline_or_dateline(c) {
            past_header = true;
        }
        if !title_candidate(cands, i, vocab) {
            continue;
        }
        seen_candidate = true;
        let mut score: i64 = 0;
        if c.repeats > 1 {
            score += 3;
        }
        if (6..=20).contains(&c.sig.words) {
            score += 2;
        } else if (4..=5).contains(&c.sig.words) {
            score += 1;
        }
        let byline_follows = cands[i + 1..cands.len().min(i + 5)]
            .iter()
            .take_while(|n| n.title_like || !matches!(n.initial, Class::Good | Class::NearGood))
            .any(byline_or_dateline);
        if byline_follows {
            score += 2;
        }
        if c.is_good() {
            score += 1;
        }
        if i > start && title_candidate(cands, i - 1, vocab) {
            score -= 2;
        }
        if past_header {
            score -= 5;
        }
        score -= ((body - i) / 4) as i64;
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The standfirst: the block right after the title when it reads as a sentence (at least
/// [`STANDFIRST_MIN_WORDS`] words, mostly lower-case, not furniture, a caption, a byline or a
/// dateline). Decks are written like headlines and stand apart from the body, so context alone
/// does not keep them.
fn standfirst(cands: &[Cand<'_>], title: usize) -> Option<usize> {
    let i = title + 1;
    let c = cands.get(i)?;
    let usable = c.block.kind() == BlockKind::Paragraph
        && c.sig.words >= STANDFIRST_MIN_WORDS
        && c.sig.lower_share() >= 0.5
        && c.norm != cands[title].norm
        && matches!(
            c.reason,
            Reason::Prose | Reason::Short | Reason::NotASentence | Reason::FewStopWords
        )
        && !byline_or_dateline(c)
        && c.sig.furniture + c.sig.symbols + c.sig.caption == 0;
    usable.then_some(i)
}

/// The author names of the page's header: the capitalised words after `By` (from `header` to
/// [`DATE_AFTER`] blocks into the body: a byline may follow the standfirst), and lines before
/// the `body` that are only a name of two or three capitalised words, maybe followed by a comma
/// and a role (`A. Writer, Columnist`); several names joined by `and` or `,` are split.
fn author_names<'a>(cands: &'a [Cand<'_>], header: usize, body: usize) -> Vec<Vec<&'a str>> {
    let mut names = Vec::new();
    let end = cands.len().min(body + DATE_AFTER);
    for (i, c) in cands.iter().enumerate().take(end).skip(header) {
        if c.block.kind() != BlockKind::Paragraph || c.sig.words > AUTHOR_LINE_WORDS {
            continue;
        }
        let text = c.text().trim();
        let (rest, by) = match text.split_once(char::is_whitespace) {
            Some((first, rest)) if first.eq_ignore_ascii_case("by") => (rest, true),
            _ => (text, false),
        };
        // The names: before the role (after a comma or a `|`) on a name line; every
        // `and`-separated part of a byline.
        let names_part = if by {
            rest.split(['|', '/']).next().unwrap_or("")
        } else {
            rest.split([',', '|']).next().unwrap_or("")
        };
        let mut found = Vec::new();
        let mut whole = true;
        for part in names_part.split(',').flat_map(|p| p.split(" and ")) {
            // Up to four words on the stack: a name has two or three, and only a name's words
            // are kept (most parts are not names).
            let mut first = [""; 4];
            let mut n = 0;
            for w in part.split_whitespace().take(4) {
                first[n] = w;
                n += 1;
            }
            let words = &first[..n];
            let name_like = (2..=3).contains(&n)
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars()
                            .all(|ch| ch.is_alphabetic() || "-'’.".contains(ch))
                });
            if name_like {
                found.push(words.to_vec());
            } else {
                whole = false;
            }
        }
        // A name line must be names only (with a role after a comma) and come before the body;
        // a byline may go on.
        if by || (whole && i < body) {
            names.extend(found);
        }
    }
    names
}

/// An author bio after the article: a block of at most [`AUTHOR_BIO_WORDS`] words that starts
/// with an author's name from the header and goes on with a lower-case word (`… is a
/// contributing editor`, `… covers education`) that does not attribute a quote (`said`).
fn is_author_bio(c: &Cand<'_>, names: &[Vec<&str>], vocab: &Vocabulary) -> bool {
    if c.sig.words > AUTHOR_BIO_WORDS {
        return false;
    }
    let words: Vec<&str> = c.text().split_whitespace().take(4).collect();
    names.iter().any(|name| {
        words.len() > name.len()
            && words
                .iter()
                .zip(name)
                .all(|(w, n)| w.trim_end_matches(',') == *n)
            && words[name.len()]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !vocab.is_quoting(words[name.len()].trim_end_matches([',', '.', ':']))
    })
}

/// Drops the author bios among the last [`AUTHOR_BIO_LAST`] good blocks after the first
/// paragraph `body` (bios close the article).
fn drop_author_bios(cands: &mut [Cand<'_>], header: usize, body: usize, vocab: &Vocabulary) {
    let names = author_names(cands, header, body);
    if names.is_empty() {
        return;
    }
    let bios: Vec<usize> = (body + 1..cands.len())
        .rev()
        .filter(|&i| cands[i].is_good())
        .take(AUTHOR_BIO_LAST)
        .filter(|&i| is_author_bio(&cands[i], &names, vocab))
        .collect();
    for i in bios {
        cands[i].class = Class::Bad;
    }
}

/// The publication date: from a dateline or byline after the title (or the start of the body),
/// else the nearest one before it.
fn pick_date(cands: &[Cand<'_>], anchor: Option<usize>, vocab: &Vocabulary) -> Option<Date> {
    let dated = |c: &Cand<'_>| c.sig.date_words > 0 && c.sig.words <= DATE_MAX_WORDS;
    let anchor = anchor.unwrap_or(0);
    let after = cands.iter().skip(anchor).take(DATE_AFTER);
    let before = cands[..anchor.min(cands.len())]
        .iter()
        .rev()
        .take(DATE_BEFORE);
    after
        .chain(before)
        .filter(|c| dated(c))
        .find_map(|c| date::best_date_in(c.text(), vocab.months()))
        .and_then(|d| d.date())
}

impl Article<'_> {
    /// Plain-text rendering: the title, then the blocks, separated by blank lines.
    pub fn to_text(&self) -> String {
        self.render_text(true)
    }

    /// The body alone: the blocks separated by blank lines, without the title (the article
    /// body as extraction benchmarks and extractors such as trafilatura give it).
    ///
    /// ```
    /// let text = "Quay Opening Put Off Until Spring\n\n\
    ///     The harbour board said on Monday that the new quay would not open until the spring, \
    ///     two years later than it had planned.\n\n\
    ///     Residents of the old town said that they were glad of the delay and that they hoped \
    ///     the board would use it to rethink the plan.\n";
    /// let article = abridge::article::clean(text);
    /// assert_eq!(article.title.as_deref(), Some("Quay Opening Put Off Until Spring"));
    /// assert!(article.to_text().starts_with("Quay Opening Put Off Until Spring\n\nThe harbour"));
    /// assert!(article.body_text().starts_with("The harbour board said"));
    /// assert!(article.body_text().ends_with("rethink the plan.\n"));
    /// ```
    pub fn body_text(&self) -> String {
        self.render_text(false)
    }

    fn render_text(&self, with_title: bool) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(title) = self.title.as_ref().filter(|_| with_title) {
            parts.push(title);
        }
        let texts: Vec<Cow<'_, str>> = self.blocks.iter().map(Block::text).collect();
        parts.extend(texts.iter().map(|t| t.as_ref()));
        let mut text = parts.join("\n\n");
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P1: &str = "The harbour board said on Monday that the new quay would not open until the spring, two years later than it had planned, because the contractor that was building it had run out of money.";
    const P2: &str = "Residents of the old town, who have lived with the noise of the works for three summers, said that they were glad of the delay and that they hoped the board would use it to rethink the plan.";
    const P3: &str = "The board will meet again in June, when it expects to hear from the two firms that have said they are willing to take over the work, and it will then set a new date for the opening.";

    #[test]
    fn repeated_headline_is_the_title_and_no_block() {
        let text = format!(
            "Menu\n\nQuay Opening Put Off Until Spring\n\nBy A. Writer | March 3, 2024\n\nQuay Opening Put Off Until Spring\n\n{P1}\n\n{P2}\n\n{P3}\n\nContact\n"
        );
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Quay Opening Put Off Until Spring")
        );
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-03-03"));
        let texts: Vec<String> = a.blocks.iter().map(|b| b.text().into_owned()).collect();
        assert_eq!(texts, [P1, P2, P3]);
    }

    #[test]
    fn kicker_headline_and_standfirst() {
        let deck = "Contractor ran out of money, leaving the new quay two years late";
        let text = format!(
            "Home\n\nNews\n\nQUAY WOES\n\nHarbour board delays new quay opening by two years after contractor collapse\n\n{deck}\n\nA. Writer\n\nMarch 3, 2024\n\nShare\n\n{P1}\n\n{P2}\n\n{P3}\n"
        );
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Harbour board delays new quay opening by two years after contractor collapse")
        );
        assert_eq!(a.blocks[0].text(), deck);
        assert_eq!(a.blocks[0].kind(), BlockKind::Paragraph);
    }

    #[test]
    fn headings_after_the_byline_are_not_the_title() {
        let text = format!(
            "Live\n\nQuay Opening Put Off Until Spring as Money Runs Out\n\nA. Writer\n\nMarch 3, 2024\n\nKey events\n\nBoard Meets Contractor in Town Hall\n\n2h ago\n\nBoard Meets Contractor in Town Hall\n\n{P1}\n\n12.04 GMT\n\n{P2}\n\n{P3}\n"
        );
        assert_eq!(
            clean(&text).title.as_deref(),
            Some("Quay Opening Put Off Until Spring as Money Runs Out")
        );
    }

    #[test]
    fn author_bios_go() {
        let bio =
            "Ann Writer covers the harbour for the paper. Her book on the old quay is out in May.";
        let text = format!(
            "Quay Opening Put Off Until Spring\n\nBy Ann Writer, Staff Reporter\n\nMarch 3, 2024\n\n{P1}\n\n{P2}\n\n{P3}\n\n{bio}\n"
        );
        let a = clean(&text);
        assert_eq!(a.blocks.len(), 3);
        let named = format!(
            "Quay Opening Put Off Until Spring\n\nAnn Writer, Columnist\n\nMarch 3, 2024\n\n{P1}\n\n{P2}\n\n{P3}\n\n{bio}\n"
        );
        assert_eq!(clean(&named).blocks.len(), 3);
    }

    #[test]
    fn no_title_and_no_date_when_the_text_starts_with_prose() {
        let text = format!("{P1}\n\n{P2}\n");
        let a = clean(&text);
        assert_eq!(a.title, None);
        assert_eq!(a.date, None);
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn byline_date_beats_the_page_date_at_the_top() {
        let text = format!(
            "Today is November 20, 2019\n\nSections\n\nWorld\n\nQuay Opening Put Off Until Spring\n\nPosted Nov. 19, 2019 8:03 am\n\n{P1}\n\n{P2}\n"
        );
        assert_eq!(
            clean(&text).date.map(|d| d.to_string()).as_deref(),
            Some("2019-11-19")
        );
    }

    #[test]
    fn headings_between_paragraphs_are_headings() {
        let text = format!("{P1}\n\n{P2}\n\nWhat Comes Next\n\n{P3}\n");
        let a = clean(&text);
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind()).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn a_paragraph_shown_twice_is_kept_once() {
        let long = format!("{P1} {P2}");
        let text = format!("{long}\n\n{P3}\n\n{long}\n\n{P3} Again.\n");
        let a = clean(&text);
        assert_eq!(a.blocks.iter().filter(|b| b.text() == long).count(), 1);
    }

    #[test]
    fn hard_wrapped_wire_copy_is_joined_into_sentences() {
        let text = "\nThe harbour board said on Monday that the new quay would not open \n\
            until the spring, two years later than it had planned, because the \n\
            contractor that was building it had run out of money. Residents of \n\
            the old town said they were glad of the delay. ``We have had enough \n\
            noise,'' said one of them. \n";
        let a = clean(text);
        assert_eq!(a.blocks.len(), 1);
        assert!(a.blocks[0]
            .text()
            .contains("would not open until the spring"));
        assert!(a.blocks[0].text().ends_with("said one of them."));
        assert_eq!(a.blocks[0].lines, [2, 6]);
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(clean("").blocks.is_empty());
        assert!(clean("\n\n   \n").blocks.is_empty());
        assert_eq!(clean("").title, None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_stay_in_the_text(text in "(?s)[ -~\n\t©“”’…。\u{00e9}\u{4e00}]{0,400}") {
            let a = clean(&text);
            for b in &a.blocks {
                proptest::prop_assert!(b.span.end <= text.len());
                proptest::prop_assert!(b.lines[0] <= b.lines[1]);
            }
            if let Some(d) = &a.date {
                proptest::prop_assert_eq!(d.to_string().len(), 10);
            }
        }
    }
}
