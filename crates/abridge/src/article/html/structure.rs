//! `<table>`, `<ul>`/`<ol>`/`<dl>`: their typed values, and whether a table is data or layout.

use super::dom::{Data, Dom, NodeId};
use super::text::{inline_text, is_block_tag};
use crate::markup::{Alignment, Item, List, Table};
use html5ever::local_name;
use std::borrow::Cow;

/// Most cells a data table may have (more is a page laid out as a grid).
const MAX_CELLS: usize = 5_000;
/// Longest cell of a data table, in bytes (a cell holding a whole article is layout).
const MAX_CELL_CHARS: usize = 600;

/// The rows (`<tr>`) of `table`, through `<thead>`/`<tbody>`/`<tfoot>`, not those of nested
/// tables; each with whether it sits in `<thead>`.
fn rows(dom: &Dom, table: NodeId) -> Vec<(NodeId, bool)> {
    let mut out = Vec::new();
    for child in dom.children(table) {
        match dom.name(child) {
            Some(&local_name!("tr")) => out.push((child, false)),
            Some(n @ (&local_name!("thead") | &local_name!("tbody") | &local_name!("tfoot"))) => {
                let head = *n == local_name!("thead");
                out.extend(
                    dom.children(child)
                        .filter(|&r| dom.name(r) == Some(&local_name!("tr")))
                        .map(|r| (r, head)),
                );
            }
            _ => {}
        }
    }
    out
}

fn cells(dom: &Dom, row: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    dom.children(row)
        .filter(move |&c| matches!(dom.name(c), Some(&local_name!("td") | &local_name!("th"))))
}

fn span_attr(dom: &Dom, cell: NodeId, name: &str) -> usize {
    dom.attr(cell, name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 100)
}

/// True when `table` holds data: two rows and two columns at least, not inside or around another
/// table, no cell
/// holding whole blocks (paragraphs, headings, lists) or a long text.
pub fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    // A table inside another table is part of a layout.
    let mut up = dom.node(table).parent;
    while up != super::dom::NONE {
        if dom.name(up) == Some(&local_name!("table")) {
            return false;
        }
        up = dom.node(up).parent;
    }
    let rows = rows(dom, table);
    if rows.len() < 2 {
        return false;
    }
    let mut widest = 0;
    let mut count = 0;
    for &(row, _) in &rows {
        let mut width = 0;
        for cell in cells(dom, row) {
            width += span_attr(dom, cell, "colspan");
            count += 1;
            for d in dom.descendants(cell) {
                match dom.name(d) {
                    Some(&local_name!("table")) => return false,
                    Some(n)
                        if is_block_tag(n)
                            && !matches!(
                                *n,
                                local_name!("br") | local_name!("div") | local_name!("span")
                            ) =>
                    {
                        return false;
                    }
                    _ => {}
                }
                if let Data::Text(t) = &dom.node(d).data {
                    if t.len() > MAX_CELL_CHARS {
                        return false;
                    }
                }
            }
        }
        widest = widest.max(width);
    }
    widest >= 2 && count <= MAX_CELLS
}

/// The table value of a data table: header from `<thead>`, a first row of `<th>`, or the first
/// row; `colspan`/`rowspan` expanded so every row has the header's width.
pub fn table<'a>(
    dom: &Dom,
    table: NodeId,
    lines: [usize; 2],
    span: std::ops::Range<usize>,
) -> Table<'a> {
    let rows = rows(dom, table);
    // Cells still to fill from a rowspan above: column -> (rows left, text).
    let mut carry: Vec<(usize, String)> = Vec::new();
    let mut grid: Vec<(Vec<String>, bool, bool)> = Vec::new();
    for &(row, head) in &rows {
        let mut out: Vec<String> = Vec::new();
        let mut all_th = true;
        let mut col = 0;
        let push_carried =
            |out: &mut Vec<String>, col: &mut usize, carry: &mut Vec<(usize, String)>| {
                while *col < carry.len() && carry[*col].0 > 0 {
                    carry[*col].0 -= 1;
                    out.push(carry[*col].1.clone());
                    *col += 1;
                }
            };
        for cell in cells(dom, row) {
            push_carried(&mut out, &mut col, &mut carry);
            if dom.name(cell) != Some(&local_name!("th")) {
                all_th = false;
            }
            let text = inline_text(dom, cell).text.replace('\n', " ");
            let colspan = span_attr(dom, cell, "colspan");
            let rowspan = span_attr(dom, cell, "rowspan");
            for _ in 0..colspan {
                if carry.len() <= col {
                    carry.resize(col + 1, (0, String::new()));
                }
                if rowspan > 1 {
                    carry[col] = (rowspan - 1, text.clone());
                }
                out.push(text.clone());
                col += 1;
            }
        }
        push_carried(&mut out, &mut col, &mut carry);
        if !out.is_empty() {
            grid.push((out, head, all_th));
        }
    }
    let width = grid.iter().map(|(r, _, _)| r.len()).max().unwrap_or(0);
    let header_at = grid
        .iter()
        .position(|(_, head, _)| *head)
        .or_else(|| grid.first().filter(|(_, _, th)| *th).map(|_| 0))
        .unwrap_or(0);
    let mut header = if grid.is_empty() {
        Vec::new()
    } else {
        grid.remove(header_at).0
    };
    header.resize(width, String::new());
    let rows = grid
        .into_iter()
        .map(|(mut r, _, _)| {
            r.resize(width, String::new());
            r.into_iter().map(Cow::Owned).collect()
        })
        .collect();
    Table {
        caption: caption(dom, table).map(Cow::Owned),
        header: header.into_iter().map(Cow::Owned).collect(),
        alignments: vec![Alignment::None; width],
        rows,
        lines,
        span: span.into(),
    }
}

/// `<caption>` of the table, or the `<figcaption>` of the figure around it.
fn caption(dom: &Dom, table: NodeId) -> Option<String> {
    let own = dom
        .children(table)
        .find(|&c| dom.name(c) == Some(&local_name!("caption")));
    let fig = || {
        let parent = dom.node(table).parent;
        (dom.name(parent) == Some(&local_name!("figure")))
            .then(|| {
                dom.children(parent)
                    .find(|&c| dom.name(c) == Some(&local_name!("figcaption")))
            })
            .flatten()
    };
    let node = own.or_else(fig)?;
    let text = inline_text(dom, node).text.replace('\n', " ");
    (!text.is_empty()).then_some(text)
}

/// True for `<ul>`, `<ol>`, `<dl>`.
pub fn is_list_tag(dom: &Dom, id: NodeId) -> bool {
    matches!(
        dom.name(id),
        Some(&local_name!("ul") | &local_name!("ol") | &local_name!("dl"))
    )
}

/// True when the list's items hold whole blocks (headings, paragraphs, tables): a list used for
/// layout, read as blocks instead.
pub fn is_layout_list(dom: &Dom, list: NodeId) -> bool {
    dom.descendants(list).any(|d| {
        matches!(
            dom.name(d),
            Some(
                &local_name!("p")
                    | &local_name!("h1")
                    | &local_name!("h2")
                    | &local_name!("h3")
                    | &local_name!("h4")
                    | &local_name!("article")
                    | &local_name!("section")
                    | &local_name!("blockquote")
            )
        )
    })
}

/// The list value of `<ul>`/`<ol>`/`<dl>`, nested lists as children.
pub fn list<'a>(
    dom: &Dom,
    id: NodeId,
    lines: [usize; 2],
    span: std::ops::Range<usize>,
) -> List<'a> {
    // Iterative over nesting: lists are built deepest first.
    build(dom, id, lines, span, 0)
}

/// Deepest nesting read as child lists; deeper lists become item text.
const MAX_LIST_DEPTH: usize = 16;

fn build<'a>(
    dom: &Dom,
    id: NodeId,
    lines: [usize; 2],
    span: std::ops::Range<usize>,
    depth: usize,
) -> List<'a> {
    let ordered = dom.name(id) == Some(&local_name!("ol"));
    let mut items = Vec::new();
    if dom.name(id) == Some(&local_name!("dl")) {
        let mut term: Option<String> = None;
        for c in dom.children(id) {
            match dom.name(c) {
                Some(&local_name!("dt")) => {
                    if let Some(t) = term.take() {
                        items.push(plain_item(t));
                    }
                    term = Some(inline_text(dom, c).text.replace('\n', " "));
                }
                Some(&local_name!("dd")) => {
                    let d = inline_text(dom, c).text.replace('\n', " ");
                    match term.take() {
                        Some(t) => items.push(Item {
                            text: Cow::Owned(format!("{t}: {d}")),
                            term: Some(Cow::Owned(t)),
                            description: Some(Cow::Owned(d)),
                            children: Vec::new(),
                        }),
                        None => items.push(plain_item(d)),
                    }
                }
                _ => {}
            }
        }
        if let Some(t) = term {
            items.push(plain_item(t));
        }
    } else {
        for li in dom.children(id) {
            if dom.name(li) != Some(&local_name!("li")) {
                continue;
            }
            let text = super::text::inline_text_skipping_lists(dom, li)
                .text
                .replace('\n', " ");
            let mut children = Vec::new();
            if depth < MAX_LIST_DEPTH {
                for d in nested_lists(dom, li) {
                    children.push(build(dom, d, lines, span.clone(), depth + 1));
                }
            }
            if text.is_empty() && children.is_empty() {
                continue;
            }
            let mut item = plain_item(text);
            item.children = children;
            items.push(item);
        }
    }
    List {
        ordered,
        lines,
        items,
        span: span.into(),
    }
}

/// The lists directly under `li` (not those inside them).
fn nested_lists(dom: &Dom, li: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut stack: Vec<NodeId> = dom.children(li).collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        if is_list_tag(dom, n) {
            out.push(n);
            continue;
        }
        let mut kids: Vec<NodeId> = dom.children(n).collect();
        kids.reverse();
        stack.extend(kids);
    }
    out
}

fn plain_item<'a>(text: String) -> Item<'a> {
    // `Term: description` items, as the text grammar splits them.
    let (term, description) = match text.split_once(": ") {
        Some((t, d)) if !t.is_empty() && t.split_whitespace().count() <= 4 && !d.is_empty() => (
            Some(Cow::Owned(t.to_string())),
            Some(Cow::Owned(d.to_string())),
        ),
        _ => (None, None),
    };
    Item {
        text: Cow::Owned(text),
        term,
        description,
        children: Vec::new(),
    }
}
