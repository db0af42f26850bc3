//! The HTML reader: a page parsed with html5ever into the same [`Article`] the text cleaner
//! builds (title, date, headings, paragraphs, lists, tables), page furniture left out.
//!
//! How the article body is found (see docs/cleaning.md, "HTML pages"):
//! 1. the page is cut into text blocks at block-level elements; `<ul>`/`<ol>`/`<dl>` and data
//!    tables become one block each, with their typed value;
//! 2. every block gets DOM evidence: link density, its tag, and class/id/role/tag words of its
//!    ancestors (`nav`, `footer`, `aside`, `comment`, `share`, `related` against `article`,
//!    `main`, `content`, `story`, `body`);
//! 3. prose blocks vote for the elements above them (readability's parent/grandparent
//!    scheme); the best-scored element, with its sibling elements that score well too, is the
//!    article's region;
//! 4. inside the region, blocks under furniture elements, link lists and the short lines
//!    before the first and after the last prose paragraph are dropped.
//!
//! ```
//! let html = "<html><head><title>Floods Hit the Coast | The Herald</title></head><body>\
//!   <nav><a href=/>Home</a> <a href=/world>World</a></nav>\
//!   <article><h1>Floods Hit the Coast</h1>\
//!   <p>Heavy rain flooded the harbour district on Monday, forcing hundreds of residents from their homes.</p>\
//!   <p>The council opened two shelters, and volunteers brought food, blankets and dry clothes.</p></article>\
//!   <footer>Copyright 2024 The Herald</footer><script>var x = 1;</script></body></html>";
//! let article = abridge::article::clean_html(html);
//! assert_eq!(article.title.as_deref(), Some("Floods Hit the Coast"));
//! assert!(article.blocks[0].text().starts_with("Heavy rain"));
//! assert!(article.blocks.iter().all(|b| !b.text().contains("Copyright") && !b.text().contains("var x")));
//! ```

mod dom;
mod meta;
mod structure;
mod text;

use super::{Article, Block, Content};
use crate::markup::{self, Mode};
use crate::span::Span;
use dom::{Data, Dom, NodeId, NONE};
use html5ever::{local_name, LocalName};
use std::borrow::Cow;
use text::{inline_text, is_block_tag, is_hidden, push_break, push_collapsed};

/// Least text (bytes) of a block that votes for its ancestors.
const VOTE_MIN_CHARS: usize = 25;
/// Most link density of a voting block.
const VOTE_MAX_LINK_DENSITY: f64 = 0.33;
/// Blocks with more link text than this share are link lists.
const MAX_LINK_DENSITY: f64 = 0.5;
/// Fewest words of a prose paragraph (the first and last of the body are prose).
const PROSE_MIN_WORDS: usize = 10;
/// What a byte of furniture text costs an element's score (a byte of prose is worth 1).
const FURNITURE_COST: f64 = 1.0;
/// Furniture holding this share of the page's prose is a misnamed wrapper.
const WRAPPER_SHARE: f64 = 0.75;
/// Bonus of an element named as the article body (`<article>`, `<main>`, `articleBody`,
/// `content` classes), per byte of prose under it.
const CONTENT_BONUS: f64 = 0.25;
/// Most link density of a bullet list of sentences (teaser lists link every headline).
const LIST_MAX_LINK_DENSITY: f64 = 0.2;
/// A teaser paragraph is shorter than this (words)...
const TEASER_MAX_WORDS: usize = 45;
/// ...and follows a headline of at most this many words...
const TEASER_HEADLINE_WORDS: usize = 20;
/// ...that is links for at least this share.
const TEASER_HEADLINE_LINKS: f64 = 0.9;
/// Fewest teasers in a run...
const TEASER_RUN: usize = 3;
/// ...each at most this many blocks after the one before.
const TEASER_GAP: usize = 4;
/// What a byte of link-list text costs.
const LINK_COST: f64 = 0.5;
/// What a byte of other text (short lines, captions) costs.
const OTHER_COST: f64 = 0.2;

/// What a raw block is.
#[derive(Debug)]
enum Raw<'a> {
    /// Text; `heading` 1 to 6 for `<h1>`..`<h6>`, 0 otherwise; `pre` for preformatted text.
    Text {
        heading: u8,
        pre: bool,
    },
    List(markup::List<'a>),
    Table(markup::Table<'a>),
}

/// A block of the page with its DOM evidence.
#[derive(Debug)]
struct RawBlock<'a> {
    raw: Raw<'a>,
    text: String,
    link_chars: usize,
    /// The innermost block element around the text.
    element: NodeId,
    /// The ancestors with furniture evidence, outermost first.
    furniture: Vec<NodeId>,
    lines: [u32; 2],
    /// Words, a CJK character counting as half a word (those scripts put no spaces between
    /// words).
    words: usize,
    /// Inside a `<blockquote>` (quoted posts keep their links).
    quoted: bool,
    /// A truncated excerpt: the text breaks off in an ellipsis and ends in a short link to the
    /// rest (`… the United ... Read More`), as teasers of other stories do.
    excerpt: bool,
}

/// [`RawBlock::words`] of `text`.
fn count_words(text: &str) -> usize {
    let words = text.split_whitespace().count();
    if text.is_ascii() {
        return words;
    }
    words + text.chars().filter(|&c| c >= '\u{3000}').count() / 2
}

impl RawBlock<'_> {
    fn link_density(&self) -> f64 {
        if self.text.is_empty() {
            0.0
        } else {
            self.link_chars as f64 / self.text.len() as f64
        }
    }
    fn words(&self) -> usize {
        self.words
    }
    /// Markup or code shown as text (a `<noscript>` fallback, a script outside `<script>`).
    fn is_code(&self) -> bool {
        let marks = self
            .text
            .bytes()
            .filter(|b| matches!(b, b'<' | b'>' | b'{' | b'}' | b'=' | b';'))
            .count();
        marks * CODE_MARKS > self.text.len()
    }
}

/// Text with more than one markup or code character (`<>{}=;`) in this many is code.
const CODE_MARKS: usize = 25;

/// Builds the article model of the HTML page `html`, page furniture dropped.
pub fn clean_html(html: &str) -> Article<'static> {
    read_html(html).0
}

/// [`clean_html`], and every data table and list of the page (furniture included, as
/// [`markup::extract`] finds them all in a text dump), in page order.
pub fn read_html(html: &str) -> (Article<'static>, markup::Extracted<'static>) {
    let dom = dom::parse(html);
    let lines = LineIndex::new(html);
    let order = Order::new(&dom);
    let (mut blocks, evidence) = Walker::new(&dom, &lines).run();
    blocks.retain(|b| !(matches!(b.raw, Raw::Text { pre: false, .. }) && b.is_code()));
    let mut found = markup::Extracted::default();
    for b in &blocks {
        match &b.raw {
            Raw::List(l) => found.lists.push(l.clone()),
            Raw::Table(t) => found.tables.push(t.clone()),
            Raw::Text { .. } => {}
        }
    }
    let page_meta = meta::read(&dom);
    let kept = select(&dom, &order, &blocks, &evidence);
    let title = page_meta.title.clone().or_else(|| {
        kept.iter()
            .copied()
            .chain(blocks.iter())
            .find(|b| matches!(b.raw, Raw::Text { heading: 1, .. }))
            .map(|b| b.text.replace('\n', " "))
    });
    let title_norm = title.as_deref().map(norm).unwrap_or_default();
    let mut out = Vec::new();
    for b in kept {
        let n = norm(&b.text);
        // Repeated blocks stay: on a page they are content (a recipe's repeated lines);
        // repeated furniture is gone with its elements.
        if n.is_empty() || n == title_norm || is_trail_to_title(&n, &title_norm) {
            continue;
        }
        let lines_usize = [b.lines[0] as usize, b.lines[1] as usize];
        let span = lines.span(b.lines);
        match &b.raw {
            Raw::List(l) => out.push(Block {
                content: Content::List(Box::new(l.clone())),
                lines: lines_usize,
                span,
            }),
            Raw::Table(t) => out.push(Block {
                content: Content::Table(Box::new(t.clone())),
                lines: lines_usize,
                span,
            }),
            Raw::Text { heading, pre } => {
                out.extend(text_blocks(&b.text, *heading, *pre, lines_usize, span))
            }
        }
    }
    let date = page_meta.date.or_else(|| {
        out.iter()
            .take(8)
            .filter(|b| b.text().split_whitespace().count() <= 40)
            .find_map(|b| super::date::best_date(&b.text()).and_then(|h| h.date()))
    });
    let article = Article {
        title: title.map(Cow::Owned),
        date,
        author: page_meta.author.map(Cow::Owned),
        site: page_meta.site.map(Cow::Owned),
        blocks: out,
        format: crate::corpus::Format::Html,
    };
    (article, found)
}

/// The blocks of one text block: pipe tables and lists written as text (in a `<pre>`, or
/// `<br>`-separated lines of a paragraph) go through the markup grammar, as in text dumps.
fn text_blocks(
    text: &str,
    heading: u8,
    pre: bool,
    lines: [usize; 2],
    span: Span,
) -> Vec<Block<'static>> {
    let one_line = || text.split_whitespace().collect::<Vec<_>>().join(" ");
    if heading > 0 {
        return vec![Block {
            content: Content::Heading(Cow::Owned(one_line())),
            lines,
            span,
        }];
    }
    let mut out = Vec::new();
    if (pre || text.contains('\n'))
        && (text.contains('|')
            || text.contains("\n-")
            || text.contains("\n*")
            || text.contains("\n1"))
    {
        let found = markup::extract(text, Mode::Article);
        if !found.tables.is_empty() || !found.lists.is_empty() {
            // Text between the structures stays prose.
            let mut parts: Vec<(usize, Content<'static>)> = Vec::new();
            for t in &found.tables {
                parts.push((t.span.start, Content::Table(Box::new(own_table(t)))));
            }
            for l in &found.lists {
                parts.push((l.span.start, Content::List(Box::new(own_list(l)))));
            }
            let mut covered: Vec<std::ops::Range<usize>> = found
                .tables
                .iter()
                .map(|t| t.span.range())
                .chain(found.lists.iter().map(|l| l.span.range()))
                .collect();
            covered.sort_by_key(|r| r.start);
            let mut at = 0;
            for r in &covered {
                if r.start > at {
                    let prose = text[at..r.start]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !prose.is_empty() {
                        parts.push((at, Content::Paragraph(Cow::Owned(prose))));
                    }
                }
                at = at.max(r.end);
            }
            if at < text.len() {
                let prose = text[at..].split_whitespace().collect::<Vec<_>>().join(" ");
                if !prose.is_empty() {
                    parts.push((at, Content::Paragraph(Cow::Owned(prose))));
                }
            }
            // A caption sentence the grammar took into its table is not prose too.
            let captions: Vec<String> = found
                .tables
                .iter()
                .filter_map(|t| t.caption.as_deref().map(norm))
                .collect();
            parts.retain(|(_, c)| match c {
                Content::Paragraph(p) => !captions.contains(&norm(p)),
                _ => true,
            });
            parts.sort_by_key(|p| p.0);
            for (_, content) in parts {
                out.push(Block {
                    content,
                    lines,
                    span,
                });
            }
            return out;
        }
    }
    vec![Block {
        content: Content::Paragraph(Cow::Owned(one_line())),
        lines,
        span,
    }]
}

fn own_table(t: &markup::Table<'_>) -> markup::Table<'static> {
    let own = |c: &Cow<'_, str>| Cow::Owned(c.to_string());
    markup::Table {
        caption: t.caption.as_ref().map(own),
        header: t.header.iter().map(own).collect(),
        alignments: t.alignments.clone(),
        rows: t.rows.iter().map(|r| r.iter().map(own).collect()).collect(),
        lines: t.lines,
        span: t.span,
    }
}

fn own_list(l: &markup::List<'_>) -> markup::List<'static> {
    let own = |c: &Cow<'_, str>| Cow::Owned(c.to_string());
    markup::List {
        ordered: l.ordered,
        lines: l.lines,
        items: l
            .items
            .iter()
            .map(|i| markup::Item {
                text: own(&i.text),
                term: i.term.as_ref().map(own),
                description: i.description.as_ref().map(own),
                children: i.children.iter().map(own_list).collect(),
            })
            .collect(),
        span: l.span,
    }
}

/// Lower-cased words of `text`, for comparing blocks.
/// True when the normalised block `n` is a breadcrumb trail ending in the title (`Home Sport
/// News Breaking News: <title>`, the trail often glued to it): a copy of the headline with a few
/// navigation words before it, not a paragraph. Titles under four words are too common to match.
fn is_trail_to_title(n: &str, title: &str) -> bool {
    const MAX_TRAIL_WORDS: usize = 6;
    if title.split(' ').count() < 4 || n.len() <= title.len() {
        return false;
    }
    n.strip_suffix(title)
        .is_some_and(|trail| trail.split_whitespace().count() <= MAX_TRAIL_WORDS)
}

fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Byte offsets of line starts, to turn source lines into spans.
struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The bytes of lines `first..=last` (1-based).
    fn span(&self, [first, last]: [u32; 2]) -> Span {
        let at = |l: u32| self.starts.get(l.saturating_sub(1) as usize).copied();
        let start = at(first).unwrap_or(self.len);
        let end = at(last.max(first) + 1).unwrap_or(self.len);
        Span::new(start.min(self.len), end.max(start).min(self.len))
    }
}

/// Pre-order positions: `x` is inside `r` when `pre[r] < pre[x] <= last[r]`.
struct Order {
    pre: Vec<u32>,
    last: Vec<u32>,
    /// Nodes in pre-order.
    seq: Vec<NodeId>,
}

impl Order {
    fn new(dom: &Dom) -> Self {
        let n = dom.nodes.len();
        let mut pre = vec![0u32; n];
        let mut last = vec![0u32; n];
        let mut count = 0u32;
        let mut seq = Vec::with_capacity(n);
        let mut stack: Vec<(NodeId, bool)> = vec![(0, true)];
        while let Some((id, entering)) = stack.pop() {
            if entering {
                seq.push(id);
                pre[id as usize] = count;
                count += 1;
                stack.push((id, false));
                let mut c = dom.node(id).last_child;
                while c != NONE {
                    stack.push((c, true));
                    c = dom.node(c).prev;
                }
            } else {
                last[id as usize] = count.saturating_sub(1);
            }
        }
        Order { pre, last, seq }
    }

    /// True when `x` is `r` or under it.
    fn within(&self, x: NodeId, r: NodeId) -> bool {
        let (p, a, b) = (
            self.pre[x as usize],
            self.pre[r as usize],
            self.last[r as usize],
        );
        a <= p && p <= b
    }
}

/// Evidence an element's tag, role, class or id gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    Furniture,
    Content,
    None,
}

/// Class/id words of page furniture (whole words of the attribute, split at `-`, `_`, spaces
/// and case changes are not split).
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "comment",
    "comments",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "promo",
    "advert",
    "ad",
    "ads",
    "adv",
    "banner",
    "cookie",
    "cookies",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "widget",
    "popup",
    "modal",
    "masthead",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "disqus",
    "sponsored",
    "byline",
    "toolbar",
    "pagination",
    "pager",
    "rail",
    "skip",
    "hidden",
    "print",
    "more",
    "teaser",
    "teasers",
    "author",
    "bio",
    "caption",
    "credit",
    "credits",
    "gallery",
    "slideshow",
    "carousel",
    "slider",
    "lightbox",
    "thumbnail",
    "thumbnails",
    "figcaption",
    "meta",
    "share-tools",
    "topics",
    "keywords",
];
/// Beginnings of class/id words of page furniture (`footerstyles`, `sharebar`).
const FURNITURE_PREFIXES: &[&str] = &[
    "footer",
    "sidebar",
    "comment",
    "related",
    "social",
    "share",
    "breadcrumb",
    "newsletter",
    "promo",
    "advert",
    "subscri",
    "cookie",
    "trending",
    "popular",
    "recommend",
    "navbar",
    "navigation",
    "menu",
];
/// Class/id words of the article body.
const CONTENT_WORDS: &[&str] = &[
    "article",
    "content",
    "story",
    "body",
    "post",
    "entry",
    "text",
    "main",
    "articlebody",
    "storybody",
    "postbody",
    "entry-content",
    "blog",
];

/// Largest font size of small print, in CSS pixels (12px = 9pt = 0.75em).
const FINE_PRINT_PX: f64 = 12.0;

/// Whether an inline style sets a font size of small print (at most [`FINE_PRINT_PX`]): the
/// size of disclaimers, legal lines and a press release's company boilerplate, which the HTML
/// spec gives `<small>` for; body text is set larger.
fn is_fine_print(style: &str) -> bool {
    let lower = style.to_ascii_lowercase();
    // The `font-size` declaration, not `font-size-adjust`.
    let Some(value) = lower
        .match_indices("font-size")
        .find_map(|(at, key)| lower[at + key.len()..].trim_start().strip_prefix(':'))
    else {
        return false;
    };
    let value = value.trim_start();
    let digits = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(value.len());
    let Ok(size) = value[..digits].parse::<f64>() else {
        return false;
    };
    let unit = value[digits..].trim_start();
    let px = if unit.starts_with("px") {
        size
    } else if unit.starts_with("pt") {
        size * 4.0 / 3.0
    } else if unit.starts_with("rem") || unit.starts_with("em") {
        size * 16.0
    } else if unit.starts_with('%') {
        size * 0.16
    } else {
        return false;
    };
    px > 0.0 && px <= FINE_PRINT_PX
}

fn evidence(dom: &Dom, id: NodeId) -> Evidence {
    let Data::Element { name, attrs } = &dom.node(id).data else {
        return Evidence::None;
    };
    match *name {
        local_name!("body") | local_name!("html") => return Evidence::None,
        local_name!("nav")
        | local_name!("footer")
        | local_name!("aside")
        | local_name!("form")
        | local_name!("menu")
        | local_name!("figcaption")
        | local_name!("figure") => return Evidence::Furniture,
        local_name!("article") | local_name!("main") => return Evidence::Content,
        _ => {}
    }
    let mut furniture = false;
    let mut content = false;
    for (n, v) in attrs {
        match &**n {
            "role" => match v.trim() {
                "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar"
                | "dialog" | "alert" => furniture = true,
                "main" | "article" => content = true,
                _ => {}
            },
            "itemprop" if v.contains("articleBody") => content = true,
            "style" if is_fine_print(v) => furniture = true,
            "class" | "id" => {
                for word in v
                    .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                    .filter(|w| !w.is_empty())
                {
                    let w = word.to_ascii_lowercase();
                    if FURNITURE_WORDS.contains(&w.as_str())
                        || FURNITURE_PREFIXES.iter().any(|p| w.starts_with(p))
                    {
                        furniture = true;
                    } else if CONTENT_WORDS.contains(&w.as_str()) {
                        content = true;
                    }
                }
            }
            _ => {}
        }
    }
    if furniture {
        Evidence::Furniture
    } else if content {
        Evidence::Content
    } else {
        Evidence::None
    }
}

/// Cuts the page into raw blocks, in document order.
struct Walker<'d> {
    dom: &'d Dom,
    blocks: Vec<RawBlock<'static>>,
    text: String,
    link_chars: usize,
    lines: [u32; 2],
    /// Open block elements.
    open: Vec<NodeId>,
    /// Open furniture elements.
    furniture: Vec<NodeId>,
    /// Evidence of each element walked (`None` for the others).
    evidence: Vec<Evidence>,
    /// Open `<pre>` elements.
    in_pre: usize,
    /// Open `<blockquote>` elements.
    in_quote: usize,
    in_link: usize,
    /// Where the text of the last link opened in the block began, and where the last link text
    /// ended.
    link_start: usize,
    link_end: usize,
    index: &'d LineIndex,
}

impl<'d> Walker<'d> {
    fn new(dom: &'d Dom, index: &'d LineIndex) -> Self {
        Walker {
            dom,
            blocks: Vec::new(),
            text: String::new(),
            link_chars: 0,
            lines: [0, 0],
            open: vec![0],
            furniture: Vec::new(),
            evidence: vec![Evidence::None; dom.nodes.len()],
            in_pre: 0,
            in_quote: 0,
            in_link: 0,
            link_start: 0,
            link_end: 0,
            index,
        }
    }

    fn flush(&mut self) {
        let trimmed = self.text.trim();
        if !trimmed.is_empty() {
            let element = *self.open.last().unwrap_or(&0);
            let name = self.dom.name(element);
            let heading = match name {
                Some(&local_name!("h1")) => 1,
                Some(&local_name!("h2")) => 2,
                Some(&local_name!("h3")) => 3,
                Some(&local_name!("h4")) => 4,
                Some(&local_name!("h5")) => 5,
                Some(&local_name!("h6")) => 6,
                _ => 0,
            };
            let pre = self.in_pre > 0 || name == Some(&local_name!("pre"));
            let text = trimmed.to_string();
            let words = count_words(&text);
            let quoted = self.in_quote > 0;
            let excerpt = self.ends_in_excerpt_link();
            self.blocks.push(RawBlock {
                quoted,
                excerpt,
                raw: Raw::Text { heading, pre },
                link_chars: self.link_chars.min(text.len()),
                text,
                element,
                furniture: self.furniture.clone(),
                lines: self.lines,
                words,
            });
        }
        self.text.clear();
        self.link_chars = 0;
        self.link_start = 0;
        self.link_end = 0;
        self.lines = [0, 0];
    }

    /// Whether the block's text ends in its last link, of at most three words, right after an
    /// ellipsis: a teaser cut short with a link to the rest.
    fn ends_in_excerpt_link(&self) -> bool {
        let text = self.text.trim_end();
        if self.link_chars == 0 || self.link_end < text.len() {
            return false;
        }
        // `<br>` may have dropped spaces since the link opened: its offset is checked, not
        // trusted.
        let (Some(before), Some(link)) = (text.get(..self.link_start), text.get(self.link_start..))
        else {
            return false;
        };
        let before = before.trim_end();
        !link.trim().is_empty()
            && link.split_whitespace().count() <= 3
            && before.split_whitespace().count() >= 10
            && (before.ends_with("...") || before.ends_with('…'))
    }

    fn note_line(&mut self, l: [u32; 2]) {
        if self.lines[0] == 0 {
            self.lines = l;
        } else {
            self.lines[1] = self.lines[1].max(l[1]);
        }
    }

    fn run(mut self) -> (Vec<RawBlock<'static>>, Vec<Evidence>) {
        let dom = self.dom;
        let mut stack: Vec<(NodeId, bool)> = vec![(0, true)];
        while let Some((id, entering)) = stack.pop() {
            let node = dom.node(id);
            match &node.data {
                Data::Text(t) if entering => {
                    let before = self.text.len();
                    if self.in_pre > 0 {
                        self.text.push_str(t);
                    } else {
                        push_collapsed(&mut self.text, t);
                    }
                    if self.in_link > 0 {
                        self.link_chars += self.text.len() - before;
                        self.link_end = self.text.len();
                    }
                    if !t.trim().is_empty() {
                        self.note_line(node.lines);
                    }
                }
                Data::Element { name, .. } => {
                    if entering {
                        if is_hidden(dom, id) {
                            continue;
                        }
                        if self.structured(id, name) {
                            continue;
                        }
                        let block = is_block_tag(name);
                        if *name == local_name!("br") {
                            push_break(&mut self.text);
                            continue;
                        }
                        if block {
                            self.flush();
                            self.open.push(id);
                        }
                        let ev = evidence(dom, id);
                        self.evidence[id as usize] = ev;
                        if ev == Evidence::Furniture {
                            self.furniture.push(id);
                        }
                        if *name == local_name!("pre") {
                            self.in_pre += 1;
                        }
                        if *name == local_name!("blockquote") {
                            self.in_quote += 1;
                        }
                        if *name == local_name!("a") {
                            if self.in_link == 0 {
                                self.link_start = self.text.len();
                            }
                            self.in_link += 1;
                        }
                        stack.push((id, false));
                        let mut c = node.last_child;
                        while c != NONE {
                            stack.push((c, true));
                            c = dom.node(c).prev;
                        }
                    } else {
                        if *name == local_name!("a") {
                            self.in_link = self.in_link.saturating_sub(1);
                        }
                        if is_block_tag(name) {
                            // The text straight inside a furniture element is furniture too.
                            self.flush();
                            self.open.pop();
                        }
                        if self.furniture.last() == Some(&id) {
                            self.furniture.pop();
                        }
                        if *name == local_name!("pre") {
                            self.in_pre -= 1;
                        }
                        if *name == local_name!("blockquote") {
                            self.in_quote -= 1;
                        }
                    }
                }
                Data::Document if entering => {
                    let mut c = node.last_child;
                    while c != NONE {
                        stack.push((c, true));
                        c = dom.node(c).prev;
                    }
                }
                _ => {}
            }
        }
        self.flush();
        (self.blocks, self.evidence)
    }

    /// Lists and data tables become one block each. True when `id` was taken so.
    fn structured(&mut self, id: NodeId, name: &LocalName) -> bool {
        let dom = self.dom;
        let is_list = structure::is_list_tag(dom, id) && !structure::is_layout_list(dom, id);
        let is_table = *name == local_name!("table") && structure::is_data_table(dom, id);
        if !is_list && !is_table {
            return false;
        }
        self.flush();
        let lines = dom.node(id).lines;
        let span = self.index.span(lines).range();
        let lines_usize = [lines[0] as usize, lines[1] as usize];
        let text = inline_text(dom, id);
        if text.text.is_empty() {
            return true;
        }
        let raw = if is_list {
            Raw::List(structure::list(dom, id, lines_usize, span))
        } else {
            Raw::Table(structure::table(dom, id, lines_usize, span))
        };
        let ev = evidence(dom, id);
        self.evidence[id as usize] = ev;
        let evidence_here = ev == Evidence::Furniture;
        let furniture = {
            // A figure is furniture for its captions and images, not for a table it frames.
            let mut f: Vec<NodeId> = self
                .furniture
                .iter()
                .copied()
                .filter(|&f| !is_table || dom.name(f) != Some(&local_name!("figure")))
                .collect();
            if evidence_here {
                f.push(id);
            }
            f
        };
        self.blocks.push(RawBlock {
            raw,
            quoted: self.in_quote > 0,
            words: count_words(&text.text),
            text: text.text,
            link_chars: text.link_chars,
            element: id,
            furniture: furniture.clone(),
            lines,
            excerpt: false,
        });
        if is_list {
            // Data tables inside list items are tables of their own.
            for t in dom.descendants(id) {
                if dom.name(t) == Some(&local_name!("table")) && structure::is_data_table(dom, t) {
                    let lines = dom.node(t).lines;
                    let span = self.index.span(lines).range();
                    let lines_usize = [lines[0] as usize, lines[1] as usize];
                    let text = inline_text(dom, t);
                    self.blocks.push(RawBlock {
                        raw: Raw::Table(structure::table(dom, t, lines_usize, span)),
                        quoted: self.in_quote > 0,
                        words: count_words(&text.text),
                        text: text.text,
                        link_chars: text.link_chars,
                        element: t,
                        furniture: furniture.clone(),
                        lines,
                        excerpt: false,
                    });
                }
            }
        }
        true
    }
}

/// Whether a block reads as article prose, furniture aside: enough words, few of them links.
fn is_prose(b: &RawBlock<'_>) -> bool {
    match &b.raw {
        Raw::Text { heading: 0, .. } => {
            b.text.len() >= VOTE_MIN_CHARS
                && b.words() >= PROSE_MIN_WORDS / 2
                && b.link_density() <= VOTE_MAX_LINK_DENSITY
        }
        // A list of sentences, not of links or names.
        // Ordered lists enumerate content; bullet lists of linked items are teasers.
        Raw::List(l) => {
            let most = if l.ordered {
                MAX_LINK_DENSITY
            } else {
                LIST_MAX_LINK_DENSITY
            };
            b.link_density() <= most && b.words() >= PROSE_MIN_WORDS * l.items.len().max(1) * 2 / 3
        }
        _ => false,
    }
}

/// A picture's caption written as a paragraph (no `figcaption`, no caption class): it ends in a
/// picture credit (`… (Image: GETTY)`, `Photo by …`) or opens with a caption label (`Photo:`,
/// `Image caption`), the text cleaner's signals for the same thing.
fn is_caption(b: &RawBlock<'_>) -> bool {
    let vocab = &*super::vocab::ENGLISH;
    matches!(
        b.raw,
        Raw::Text {
            heading: 0,
            pre: false
        }
    ) && !b.quoted
        && (super::signals::credit_tail(&b.text, vocab)
            || super::signals::caption_start(&b.text, vocab))
}

/// The blocks of the article body: the element whose subtree holds the most prose less a
/// share of everything else (furniture, link lists, short lines) is the article's region.
fn select<'b, 'a>(
    dom: &Dom,
    order: &Order,
    blocks: &'b [RawBlock<'a>],
    evidence: &[Evidence],
) -> Vec<&'b RawBlock<'a>> {
    let n = dom.nodes.len();
    // Children before parents: nodes in reverse pre-order.
    let by_pre: Vec<NodeId> = order.seq.iter().rev().copied().collect();
    let sum_up = |v: &mut Vec<f64>| {
        for &id in &by_pre {
            let p = dom.node(id).parent;
            if p != NONE {
                v[p as usize] += v[id as usize];
            }
        }
    };
    // Prose under each element, furniture or not.
    let mut prose = vec![0f64; n];
    for b in blocks.iter().filter(|b| is_prose(b)) {
        prose[b.element as usize] += b.text.len() as f64;
    }
    sum_up(&mut prose);
    let total = prose[0];
    // Elements holding an element named as the article body, with prose in it.
    let mut holds_body = vec![false; n];
    for &id in &by_pre {
        if prose[id as usize] > 0.0 && evidence[id as usize] == Evidence::Content {
            holds_body[id as usize] = true;
        }
        let p = dom.node(id).parent;
        if p != NONE && holds_body[id as usize] {
            holds_body[p as usize] = true;
        }
    }
    // Furniture holding most of the prose, or the article body, is a misnamed wrapper.
    let furniture_of = |b: &RawBlock<'_>| -> Option<NodeId> {
        b.furniture.iter().rev().copied().find(|&f| {
            (prose[f as usize] < WRAPPER_SHARE * total || total == 0.0) && !holds_body[f as usize]
        })
    };
    let mut value = vec![0f64; n];
    for b in blocks {
        let len = b.text.len() as f64;
        let v = if furniture_of(b).is_some() {
            -FURNITURE_COST * len
        } else if is_prose(b) {
            len
        } else if matches!(b.raw, Raw::Text { heading: 1..=6, .. }) {
            0.0
        } else if b.link_density() > MAX_LINK_DENSITY {
            -LINK_COST * len
        } else {
            -OTHER_COST * len
        };
        value[b.element as usize] += v;
    }
    sum_up(&mut value);
    let best = (1..n as NodeId)
        .filter(|&id| dom.name(id).is_some())
        .map(|id| {
            let bonus = if evidence[id as usize] == Evidence::Content {
                CONTENT_BONUS * prose[id as usize]
            } else {
                0.0
            };
            (id, value[id as usize] + bonus)
        })
        .fold(None::<(NodeId, f64)>, |acc, (id, v)| match acc {
            Some((_, bv)) if bv > v => acc,
            _ if v > 0.0 => Some((id, v)),
            _ => acc,
        });
    let Some((root, _)) = best else {
        // No prose at all: every block that is not furniture or a link list.
        return blocks
            .iter()
            .filter(|b| furniture_of(b).is_none() && b.link_density() <= MAX_LINK_DENSITY)
            .collect();
    };
    // A teaser: a short paragraph right after a linked headline (lists of other stories), or an
    // excerpt cut short with a link to the rest.
    let teaser = |i: usize| {
        let b = &blocks[i];
        if b.excerpt {
            // Cut short with a link to the rest, whatever comes before it.
            return true;
        }
        i > 0 && matches!(b.raw, Raw::Text { heading: 0, .. }) && b.words() < TEASER_MAX_WORDS && {
            let prev = &blocks[i - 1];
            prev.words() <= TEASER_HEADLINE_WORDS && prev.link_density() >= TEASER_HEADLINE_LINKS
        }
    };
    // Teasers come in runs (a list of stories); a lone one is an article paragraph after a link.
    let candidates: Vec<usize> = (0..blocks.len()).filter(|&i| teaser(i)).collect();
    let mut teasers = vec![false; blocks.len()];
    let mut start = 0;
    for k in 1..=candidates.len() {
        // Between two teasers of a run there is no other prose: only headlines, links, images.
        let breaks = k == candidates.len()
            || candidates[k] - candidates[k - 1] > TEASER_GAP
            || blocks[candidates[k - 1] + 1..candidates[k]]
                .iter()
                .any(|b| is_prose(b));
        if breaks {
            if k - start >= TEASER_RUN {
                for &i in &candidates[start..k] {
                    teasers[i] = true;
                }
            }
            start = k;
        }
    }
    let mut kept: Vec<&RawBlock<'a>> = blocks
        .iter()
        .enumerate()
        .filter(|&(i, _)| !teasers[i])
        .map(|(_, b)| b)
        .filter(|b| order.within(b.element, root))
        .filter(|b| b.quoted || furniture_of(b).is_none_or(|f| !order.within(f, root) || f == root))
        .filter(|b| b.link_density() <= MAX_LINK_DENSITY || b.words() > 60 || b.quoted)
        .filter(|b| !is_caption(b))
        .collect();
    let strong = |b: &RawBlock<'_>| {
        is_prose(b) && (b.words() >= PROSE_MIN_WORDS || matches!(b.raw, Raw::List(_)))
    };
    if let (Some(first), Some(last)) = (
        kept.iter().position(|b| strong(b)),
        kept.iter().rposition(|b| strong(b)),
    ) {
        kept = kept
            .into_iter()
            .enumerate()
            .filter(|&(i, _)| (first..=last).contains(&i))
            .map(|(_, b)| b)
            .collect();
    }
    kept
}
