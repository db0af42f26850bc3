//! The sentences of a cleaned article: what the ranking stage reads.

use super::{Article, BlockKind};
use crate::markup::list::item_text;
use crate::text::{split, Sentence};
use crate::Span;

/// Sentences of the article's headings, paragraphs and list items, in order, with spans into
/// `text` (the input the article was cleaned from). Tables are not prose and give none; list
/// markers are left out of the sentences.
///
/// ```
/// let text = "Menu\n\nRain Floods the Harbour\n\nHeavy rain flooded the harbour district on Monday night. Hundreds of residents left their homes.\n";
/// let article = abridge::article::clean(text);
/// let got: Vec<&str> = abridge::article::body_sentences(text, &article).iter().map(|s| s.text).collect();
/// assert!(got.contains(&"Hundreds of residents left their homes."));
/// ```
pub fn body_sentences<'a>(text: &'a str, article: &Article<'_>) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    for block in &article.blocks {
        let Some(slice) = text.get(block.span.range()) else {
            continue;
        };
        let base = block.span.start;
        match block.kind() {
            BlockKind::Table => {}
            BlockKind::Heading => {
                let trimmed = slice.trim();
                if trimmed.chars().any(char::is_alphanumeric) {
                    let start = base + (slice.len() - slice.trim_start().len());
                    out.push(Sentence {
                        text: &text[start..start + trimmed.len()],
                        span: Span::new(start, start + trimmed.len()),
                    });
                }
            }
            BlockKind::Paragraph | BlockKind::List => {
                for s in split(slice) {
                    // A list item's first sentence starts with the item's marker.
                    let body = match block.kind() {
                        BlockKind::List => item_text(s.text).unwrap_or(s.text),
                        _ => s.text,
                    };
                    if !body.chars().any(char::is_alphanumeric) {
                        continue;
                    }
                    let start =
                        base + s.span.start + (body.as_ptr() as usize - s.text.as_ptr() as usize);
                    out.push(Sentence {
                        text: &text[start..start + body.len()],
                        span: Span::new(start, start + body.len()),
                    });
                }
            }
        }
    }
    out
}
