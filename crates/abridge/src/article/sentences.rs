//! The sentences of a cleaned article: what the ranking stage reads.

use super::{Article, BlockKind, Content, Format};
use crate::markup::list::item_text;
use crate::text::lang::Language;
use crate::text::{split_in, Sentence};
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
    body_sentences_in(text, article, Language::English)
}

/// [`body_sentences`] split by the sentence rules of `lang` ([`crate::text::split_in`]).
pub fn body_sentences_in<'a>(
    text: &'a str,
    article: &Article<'_>,
    lang: Language,
) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    if article.format == Format::Html {
        // The blocks' spans cover HTML source, not their text: see [`sentences`].
        return out;
    }
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
                for s in split_in(slice, lang) {
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

// --- HTML reader (issue 12) ---
/// Sentences of the article, for text and HTML articles alike: [`body_sentences`] for text;
/// for HTML, the sentences of each block's text (entities decoded, tags gone), each with its
/// block's span in the page source (a sentence of an HTML page is not a slice of it).
///
/// ```
/// let html = "<p>Heavy rain flooded the harbour district on Monday night. Hundreds of residents left their homes.</p>";
/// let article = abridge::article::clean_html(html);
/// let got: Vec<&str> = abridge::article::sentences(html, &article).iter().map(|s| s.text).collect();
/// assert_eq!(got, ["Heavy rain flooded the harbour district on Monday night.", "Hundreds of residents left their homes."]);
/// ```
pub fn sentences<'a>(text: &'a str, article: &'a Article<'_>) -> Vec<Sentence<'a>> {
    sentences_in(text, article, Language::English)
}

/// [`sentences`] split by the sentence rules of `lang` ([`crate::text::split_in`]).
pub fn sentences_in<'a>(
    text: &'a str,
    article: &'a Article<'_>,
    lang: Language,
) -> Vec<Sentence<'a>> {
    if article.format != Format::Html {
        return body_sentences_in(text, article, lang);
    }
    let mut out = Vec::new();
    for block in &article.blocks {
        let span = block.span;
        let mut push = |s: &'a str| {
            if s.chars().any(char::is_alphanumeric) {
                out.push(Sentence { text: s, span });
            }
        };
        match &block.content {
            Content::Table(_) => {}
            Content::Heading(t) => push(t.trim()),
            Content::Paragraph(t) => split_in(t, lang).into_iter().for_each(|s| push(s.text)),
            Content::List(list) => {
                let mut stack: Vec<&'a crate::markup::List<'_>> = vec![list];
                while let Some(l) = stack.pop() {
                    for item in &l.items {
                        split_in(&item.text, lang)
                            .into_iter()
                            .for_each(|s| push(s.text));
                    }
                    stack.extend(l.items.iter().flat_map(|i| i.children.iter()).rev());
                }
            }
        }
    }
    out
}
// --- end HTML reader ---
