//! Recovery of the pipe tables and bullet/ordered lists embedded in article text.
//!
//! This module knows nothing of summaries: it turns text into [`Table`]s and [`List`]s that borrow
//! from the input (`Cow::Borrowed` unless a cell or item had to be rewritten) and carry 1-based
//! input line ranges and byte spans.
//!
//! Two modes:
//! - [`Mode::Article`] (the default) recovers the malformed tables and lists of scraped text: a header
//!   glued to the caption sentence, no leading pipe, dash-like delimiter characters, prose right after
//!   the last row, lists that start right after a paragraph line.
//! - [`Mode::Strict`] follows GitHub Flavored Markdown's table extension exactly, containers
//!   (block quotes, list items) and code blocks included.
//!
//! ```
//! use abridge::markup::{extract, Mode};
//! let text = "Results by region:\nRegion | Seats |\n---|---|\nNorth | 12 |\nThe count ended at noon.\n";
//! let found = extract(text, Mode::Article);
//! assert_eq!(found.tables.len(), 1);
//! let table = &found.tables[0];
//! assert_eq!(table.caption.as_deref(), Some("Results by region:"));
//! assert_eq!(table.header, ["Region", "Seats"]);
//! assert_eq!(table.rows, [["North", "12"]]);
//! assert_eq!(table.lines, [2, 4]);
//! ```

mod article;
mod block;
mod caption;
mod cells;
mod grammar;
mod inline;
pub(crate) mod lines;
pub(crate) mod list;
mod normal;
mod strict;
mod table;

use crate::Span;
use serde::Serialize;
use std::borrow::Cow;

pub use lines::{lines, Line, Lines};
pub(crate) use normal::{list_markdown, table_markdown};
pub use normal::{write_list_markdown, write_table_markdown};

/// How closely the table parser follows GFM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// GFM plus recovery for scraped text (see the module docs).
    #[default]
    Article,
    /// Exactly GFM (cmark-gfm), for markdown sources.
    Strict,
}

/// Column alignment from the delimiter row (`:--`, `:-:`, `--:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Alignment {
    /// No colon: `---`.
    None,
    /// A colon on the left: `:--`.
    Left,
    /// Colons on both sides: `:-:`.
    Center,
    /// A colon on the right: `--:`.
    Right,
}

/// A pipe table. Every row has exactly `header.len()` cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table<'a> {
    /// The table's caption, when the text gives one (a `Table:`/`Table N:` label next to it, or
    /// the sentence before it when that ends with `:` or mentions a table), else `None`.
    pub caption: Option<Cow<'a, str>>,
    /// The header cells, trimmed, `\|` unescaped (and, in strict mode, inline markup rendered).
    pub header: Vec<Cow<'a, str>>,
    /// One alignment per header cell.
    pub alignments: Vec<Alignment>,
    /// The body rows, each padded or truncated to the header's width.
    pub rows: Vec<Vec<Cow<'a, str>>>,
    /// First and last 1-based input line of the table (header to last row).
    pub lines: [usize; 2],
    /// Byte range of the table in the input (header start to last row end).
    #[serde(skip)]
    pub span: Span,
}

/// A bullet or ordered list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct List<'a> {
    /// True for numbered items (`1.`, `2)`), false for bullets.
    pub ordered: bool,
    /// First and last 1-based input line of the list, nested lists and continuation lines included.
    pub lines: [usize; 2],
    /// The items, in order.
    pub items: Vec<Item<'a>>,
    /// Byte range of the list in the input.
    #[serde(skip)]
    pub span: Span,
}

/// One list item: its text (marker removed, continuation lines joined by a space), the
/// `Term: description` split when the item has that shape, and nested lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item<'a> {
    /// The item's text: marker removed, continuation lines joined by a space.
    pub text: Cow<'a, str>,
    /// The term of a `Term: description` item (1 to 6 words before the first `: `).
    pub term: Option<Cow<'a, str>>,
    /// The description of a `Term: description` item.
    pub description: Option<Cow<'a, str>>,
    /// The lists nested in the item (deeper indentation), in order.
    pub children: Vec<List<'a>>,
}

/// How deep lists (and, in strict mode, block quotes and list items) may nest. An item that
/// would open a deeper level is kept as text (a continuation of the deepest item; in strict mode,
/// part of the deepest block), as markdown-it does past its `maxNesting` of 100.
pub const MAX_NESTING: usize = 100;

/// Most empty cells a table may be padded with (rows shorter than the header are padded to its
/// width). A wide header over many one-cell rows would otherwise ask for width × rows cells: 64 KB
/// of `a|` over `-|` and one-cell rows would be 134 million. cmark-gfm caps the cells it adds in
/// the same way; the table ends before the row that would pass the cap.
pub const MAX_PADDED_CELLS: usize = 65_536;

/// Everything [`extract`] found in one text, in input order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted<'a> {
    /// The tables found, with their captions.
    pub tables: Vec<Table<'a>>,
    /// Lists found outside tables. Always empty in [`Mode::Strict`], which only looks for tables.
    pub lists: Vec<List<'a>>,
    /// True when something nested deeper than [`MAX_NESTING`] levels and the deeper levels
    /// were kept as text (worth a warning naming the input).
    pub nesting_capped: bool,
}

/// Finds the tables (and, in article mode, the lists) of `text` in one pass.
pub fn extract(text: &str, mode: Mode) -> Extracted<'_> {
    match mode {
        Mode::Article => article::scan(text),
        Mode::Strict => {
            let (tables, nesting_capped) = strict::tables(text);
            Extracted {
                tables,
                lists: Vec::new(),
                nesting_capped,
            }
        }
    }
}

/// The tables of `text`.
pub fn tables(text: &str, mode: Mode) -> Vec<Table<'_>> {
    extract(text, mode).tables
}

/// The lists of `text` (article rules; lines inside a recovered table are never list items).
///
/// ```
/// let lists = abridge::markup::lists("Bring:\n- Water: two litres\n- A hat\nThen go.\n");
/// assert_eq!(lists.len(), 1);
/// assert_eq!(lists[0].items[0].term.as_deref(), Some("Water"));
/// assert_eq!(lists[0].items[1].text, "A hat");
/// ```
pub fn lists(text: &str) -> Vec<List<'_>> {
    extract(text, Mode::Article).lists
}
