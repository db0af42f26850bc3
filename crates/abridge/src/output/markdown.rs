//! Normalised GFM: tables with outer pipes, escaped cell pipes and one delimiter per column;
//! lists with `-` or `1.` markers and two-space nesting.

use crate::markup::{Alignment, List, Table};
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
/// abridge::output::write_table_markdown(&tables[0], &mut out).unwrap();
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
