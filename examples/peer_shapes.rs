//! The shapes of the tables and lists that pulldown-cmark and comrak (GFM tables on) find in
//! each file named on the command line, as one JSON object a line:
//! `{"file", "parser", "tables": [[body rows, columns], ...], "lists": [top-level items, ...]}`.
//! `scripts/realworld_tables.py` scores them, and abridge's own, against hand-written answers.
//!
//! `cargo run --release --example peer_shapes -- FILE...`

use comrak::nodes::NodeValue;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::json;

/// Tables and top-level lists as pulldown-cmark reads `text`.
fn pulldown(text: &str) -> (Vec<[usize; 2]>, Vec<usize>) {
    let (mut tables, mut lists) = (Vec::new(), Vec::new());
    let mut depth = 0usize;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(alignments)) => tables.push([0, alignments.len()]),
            // Body rows only: the header row is a `TableHead`.
            Event::Start(Tag::TableRow) => {
                if let Some(t) = tables.last_mut() {
                    t[0] += 1;
                }
            }
            Event::Start(Tag::List(_)) => {
                depth += 1;
                if depth == 1 {
                    lists.push(0);
                }
            }
            Event::End(TagEnd::List(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Item) if depth == 1 => {
                if let Some(n) = lists.last_mut() {
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    (tables, lists)
}

/// Tables and top-level lists as comrak reads `text`.
fn comrak(text: &str) -> (Vec<[usize; 2]>, Vec<usize>) {
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    options.extension.table = true;
    let root = comrak::parse_document(&arena, text, &options);
    let (mut tables, mut lists) = (Vec::new(), Vec::new());
    for node in root.descendants() {
        match &node.data.borrow().value {
            NodeValue::Table(table) => {
                let rows = node
                    .children()
                    .filter(|row| matches!(row.data.borrow().value, NodeValue::TableRow(false)))
                    .count();
                tables.push([rows, table.alignments.len()]);
            }
            NodeValue::List(_) => {
                let nested = node
                    .ancestors()
                    .skip(1)
                    .any(|a| matches!(a.data.borrow().value, NodeValue::List(_)));
                if !nested {
                    lists.push(node.children().count());
                }
            }
            _ => {}
        }
    }
    (tables, lists)
}

fn main() {
    for file in std::env::args().skip(1) {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let text = String::from_utf8_lossy(&bytes);
        for (parser, (tables, lists)) in [
            ("pulldown-cmark", pulldown(&text)),
            ("comrak", comrak(&text)),
        ] {
            println!(
                "{}",
                json!({"file": file, "parser": parser, "tables": tables, "lists": lists})
            );
        }
    }
}
