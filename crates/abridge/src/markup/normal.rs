//! The normal form of what the grammar recognises, written back in the same grammar: tables
//! with outer pipes, escaped cell pipes and one delimiter per column; lists with `-` or `1.`
//! markers and two-space nesting. It lives with the grammar (not in `output`) because the
//! article stage judges list and table blocks by this text, and `article` must not depend on
//! `output`; `output` re-exports these writers for its markdown format.

use super::{Alignment, List, Table};
use std::io::{self, Write};

fn row<S: AsRef<str>>(out: &mut impl Write, cells: &[S]) -> io::Result<()> {
    out.write_all(b"|")?;
    for cell in cells {
        let text = cell.as_ref().replace('|', "\\|");
        write!(out, " {text} |")?;
    }
    out.write_all(b"\n")
}

/// Writes one table as a GFM pipe table, its caption (if any) as a paragraph before it.
///
/// ```
/// let tables = abridge::markup::tables("a | b\n:-|-:\nx\\|y | 2\n", Default::default());
/// let mut out = Vec::new();
/// abridge::markup::write_table_markdown(&tables[0], &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "| a | b |\n| :--- | ---: |\n| x\\|y | 2 |\n");
/// ```
pub fn write_table_markdown(table: &Table<'_>, out: &mut impl Write) -> io::Result<()> {
    if let Some(caption) = &table.caption {
        writeln!(out, "{caption}\n")?;
    }
    row(out, &table.header)?;
    let delimiters: Vec<&str> = table
        .alignments
        .iter()
        .map(|a| match a {
            Alignment::None => "---",
            Alignment::Left => ":---",
            Alignment::Center => ":---:",
            Alignment::Right => "---:",
        })
        .collect();
    row(out, &delimiters)?;
    for r in &table.rows {
        row(out, r)?;
    }
    Ok(())
}

/// Writes one list as markdown, nested lists indented by two spaces per level.
///
/// ```
/// let lists = abridge::markup::lists("Bring:\n- water\n  - a flask\n- a hat\n");
/// let mut out = Vec::new();
/// abridge::markup::write_list_markdown(&lists[0], &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "- water\n  - a flask\n- a hat\n");
/// ```
pub fn write_list_markdown(list: &List<'_>, out: &mut impl Write) -> io::Result<()> {
    write_list(list, 0, out)
}

fn write_list(list: &List<'_>, depth: usize, out: &mut impl Write) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    for (n, item) in list.items.iter().enumerate() {
        if list.ordered {
            writeln!(out, "{indent}{}. {}", n + 1, item.text)?;
        } else {
            writeln!(out, "{indent}- {}", item.text)?;
        }
        for child in &item.children {
            write_list(child, depth + 1, out)?;
        }
    }
    Ok(())
}

/// The normal form of a table as one string, without the final line end.
pub(crate) fn table_markdown(table: &Table<'_>) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every piece written is a str.
    let _ = write_table_markdown(table, &mut out);
    String::from_utf8_lossy(&out).trim_end().to_string()
}

/// The normal form of a list as one string, without the final line end.
pub(crate) fn list_markdown(list: &List<'_>) -> String {
    let mut out = Vec::new();
    let _ = write_list_markdown(list, &mut out);
    String::from_utf8_lossy(&out).trim_end().to_string()
}
