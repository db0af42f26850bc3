//! Cutting a document into blocks: tables and lists from the markup parsers, the lines between
//! them grouped into paragraphs at blank lines.

use super::{list_markdown, table_markdown, Block, BlockKind};
use crate::markup::{lines, Extracted};
use std::borrow::Cow;

pub fn blocks<'a>(text: &'a str, found: &Extracted<'a>) -> Vec<Block<'a>> {
    let mut out: Vec<Block<'a>> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for t in &found.tables {
        taken.push((t.lines[0], t.lines[1]));
        out.push(Block {
            kind: BlockKind::Table,
            text: Cow::Owned(table_markdown(t)),
            lines: t.lines,
            span: t.span.clone(),
        });
    }
    for l in &found.lists {
        taken.push((l.lines[0], l.lines[1]));
        out.push(Block {
            kind: BlockKind::List,
            text: Cow::Owned(list_markdown(l)),
            lines: l.lines,
            span: l.span.clone(),
        });
    }
    taken.sort_unstable();
    let mut paragraph: Vec<crate::markup::Line<'a>> = Vec::new();
    let flush = |paragraph: &mut Vec<crate::markup::Line<'a>>, out: &mut Vec<Block<'a>>| {
        if let (Some(first), Some(last)) = (paragraph.first(), paragraph.last()) {
            let text = if paragraph.len() == 1 {
                Cow::Borrowed(first.text.trim())
            } else {
                Cow::Owned(
                    paragraph
                        .iter()
                        .map(|l| l.text.trim())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            };
            out.push(Block {
                kind: BlockKind::Paragraph,
                text,
                lines: [first.number, last.number],
                span: first.start..last.end(),
            });
        }
        paragraph.clear();
    };
    for line in lines(text) {
        let inside = taken
            .iter()
            .any(|&(a, b)| a <= line.number && line.number <= b);
        if inside || line.is_blank() {
            flush(&mut paragraph, &mut out);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}
