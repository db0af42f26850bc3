//! The article-mode scan: one pass over the lines that finds tables and lists, skipping fenced
//! code, and remembers the paragraph before each table for its caption.

use super::block::{fence_close, fence_open};
use super::lines::Line;
use super::{list, table, Extracted};

pub fn scan(text: &str) -> Extracted<'_> {
    let mut lines: Vec<Line<'_>> = Vec::with_capacity(text.len() / 48 + 1);
    lines.extend(super::lines::lines(text));
    let mut found = Extracted::default();
    let mut paragraph_start: Option<usize> = None;
    let mut fence: Option<(char, usize)> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if let Some((c, len)) = fence {
            if fence_close(line.text, c, len) {
                fence = None;
            }
            i += 1;
            continue;
        }
        if line.is_blank() {
            paragraph_start = None;
            i += 1;
            continue;
        }
        if let Some(open) = fence_open(line.text) {
            fence = Some(open);
            paragraph_start = None;
            i += 1;
            continue;
        }
        let paragraph = paragraph_start.map_or(&lines[i..i], |start| &lines[start..i]);
        if let Some((t, next)) = table::parse_at(&lines, i, paragraph) {
            found.tables.push(t);
            paragraph_start = None;
            i = next;
            continue;
        }
        if let Some((l, next)) = list::parse_at(&lines, i, paragraph_start.is_some()) {
            found.lists.push(l);
            paragraph_start = None;
            i = next.max(i + 1);
            continue;
        }
        paragraph_start.get_or_insert(i);
        i += 1;
    }
    found
}
