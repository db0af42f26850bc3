//! The article model: a document as title, date and content blocks (heading, paragraph, list,
//! table), with the page furniture of scraped pages dropped.
//!
//! ```
//! let article = abridge::article::clean("Main Menu\n\nFloods Hit the Coast\n\nHeavy rain flooded the harbour district on Monday, forcing hundreds of residents from their homes.\n");
//! assert!(article.blocks.iter().any(|b| b.text.starts_with("Heavy rain")));
//! ```

mod segment;

use crate::markup::{self, Mode};
use crate::output::{write_list_markdown, write_table_markdown};
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

/// What a block of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    List,
    Table,
}

/// One block of article content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block<'a> {
    pub kind: BlockKind,
    /// Headings and paragraphs: the text, hard-wrapped lines joined by a space. Lists and tables:
    /// their normalised markdown.
    pub text: Cow<'a, str>,
    /// First and last 1-based input line of the block.
    pub lines: [usize; 2],
    /// Byte range of the block in the input.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// A cleaned article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article<'a> {
    /// The headline, when the page has one.
    pub title: Option<Cow<'a, str>>,
    /// Publication date as `YYYY-MM-DD`, when the first lines or the byline give one.
    pub date: Option<String>,
    pub blocks: Vec<Block<'a>>,
}

/// Builds the article model of `text`, page furniture dropped.
pub fn clean(text: &str) -> Article<'_> {
    let found = markup::extract(text, Mode::Article);
    let mut blocks = segment::blocks(text, &found);
    blocks.sort_by_key(|b| b.span.start);
    Article {
        title: None,
        date: None,
        blocks,
    }
}

/// Markdown text of a table block.
pub(crate) fn table_markdown(table: &markup::Table<'_>) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_table_markdown(table, &mut out);
    String::from_utf8_lossy(&out).trim_end().to_string()
}

/// Markdown text of a list block.
pub(crate) fn list_markdown(list: &markup::List<'_>) -> String {
    let mut out = Vec::new();
    let _ = write_list_markdown(list, &mut out);
    String::from_utf8_lossy(&out).trim_end().to_string()
}

impl Article<'_> {
    /// Plain-text rendering: the title, then the blocks, separated by blank lines.
    pub fn to_text(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(title) = &self.title {
            parts.push(title);
        }
        parts.extend(self.blocks.iter().map(|b| b.text.as_ref()));
        let mut text = parts.join("\n\n");
        text.push('\n');
        text
    }
}
