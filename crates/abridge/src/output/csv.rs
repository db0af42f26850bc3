//! RFC 4180 CSV for tables: header line first, CRLF-free (LF) line ends, fields quoted when they
//! hold a comma, a quote, a line break or outer spaces.

use crate::markup::Table;
use std::io::{self, Write};

fn field(out: &mut impl Write, value: &str) -> io::Result<()> {
    let needs_quotes =
        value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ');
    if needs_quotes {
        write!(out, "\"{}\"", value.replace('"', "\"\""))
    } else {
        out.write_all(value.as_bytes())
    }
}

fn record<S: AsRef<str>>(out: &mut impl Write, cells: &[S]) -> io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        field(out, cell.as_ref())?;
    }
    out.write_all(b"\n")
}

/// Writes one table as a CSV block: the header record, then one record per row.
///
/// ```
/// let tables = abridge::markup::tables("a | b\n-|-\n\"x\", y | 2\n", Default::default());
/// let mut out = Vec::new();
/// abridge::output::write_table_csv(&tables[0], &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "a,b\n\"\"\"x\"\", y\",2\n");
/// ```
pub fn write_table_csv(table: &Table<'_>, out: &mut impl Write) -> io::Result<()> {
    record(out, &table.header)?;
    for row in &table.rows {
        record(out, row)?;
    }
    Ok(())
}
