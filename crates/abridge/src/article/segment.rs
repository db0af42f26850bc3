//! Cutting a document into blocks: tables and lists from the markup parsers; the lines between
//! them grouped at blank lines into runs, and each run cut into paragraphs by [`super::wrap`]
//! (hard-wrapped prose joined, one block per line otherwise).

use super::{wrap, Block, Content};
use crate::markup::{lines, Extracted, Line};
use std::borrow::Cow;

pub fn blocks<'a>(text: &'a str, found: &Extracted<'a>) -> Vec<Block<'a>> {
    let mut out: Vec<Block<'a>> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for t in &found.tables {
        taken.push((t.lines[0], t.lines[1]));
        out.push(Block {
            content: Content::Table(Box::new(t.clone())),
            lines: t.lines,
            span: t.span,
        });
    }
    for l in &found.lists {
        taken.push((l.lines[0], l.lines[1]));
        out.push(Block {
            content: Content::List(Box::new(l.clone())),
            lines: l.lines,
            span: l.span,
        });
    }
    taken.sort_unstable();
    let mut run: Vec<Line<'a>> = Vec::new();
    let mut next_taken = 0;
    for line in lines(text) {
        while taken.get(next_taken).is_some_and(|&(_, b)| b < line.number) {
            next_taken += 1;
        }
        let inside = taken
            .get(next_taken)
            .is_some_and(|&(a, b)| a <= line.number && line.number <= b);
        if inside || line.is_blank() {
            flush(text, &mut run, &mut out);
        } else {
            run.push(line);
        }
    }
    flush(text, &mut run, &mut out);
    out.sort_by_key(|b| b.span.start);
    out
}

/// Cuts a run of consecutive non-blank lines into paragraph blocks.
fn flush<'a>(text: &'a str, run: &mut Vec<Line<'a>>, out: &mut Vec<Block<'a>>) {
    for range in wrap::paragraphs(run) {
        let part = &run[range];
        let (Some(first), Some(last)) = (part.first(), part.last()) else {
            continue;
        };
        let joined = if part.len() == 1 {
            Cow::Borrowed(first.text.trim())
        } else {
            let j = wrap::join(part);
            // Borrow when joining changed nothing (cannot happen with several lines, but cheap).
            match text.get(first.start..last.end()) {
                Some(s) if s == j => Cow::Borrowed(s),
                _ => Cow::Owned(j),
            }
        };
        out.push(Block {
            content: Content::Paragraph(joined),
            lines: [first.number, last.number],
            span: (first.start..last.end()).into(),
        });
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;
    use crate::markup::{extract, Mode};

    #[test]
    fn blocks_cover_lists_tables_and_paragraphs_in_order() {
        let text = "Intro line here.\n\nParty | Seats |\n---|---|\nGreens | 12 |\n\nBring:\n- Water\n- A hat\n\nLast line.\n";
        let found = extract(text, Mode::Article);
        let got: Vec<(BlockKind, [usize; 2])> = blocks(text, &found)
            .iter()
            .map(|b| (b.kind(), b.lines))
            .collect();
        assert_eq!(
            got,
            [
                (BlockKind::Paragraph, [1, 1]),
                (BlockKind::Table, [3, 5]),
                (BlockKind::Paragraph, [7, 7]),
                (BlockKind::List, [8, 9]),
                (BlockKind::Paragraph, [11, 11]),
            ]
        );
    }
}
