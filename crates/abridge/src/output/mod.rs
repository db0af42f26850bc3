//! Renderings of results: a JSON array or JSON lines of per-document records, CSV blocks and
//! normalised markdown.

mod csv;
mod pretty;

pub use self::csv::write_table_csv;
pub use crate::markup::{write_list_markdown, write_table_markdown};

use crate::article::Article;
use crate::markup::{List, Table};
use crate::Span;
use serde::Serialize;
use std::io::{self, Write};

/// The per-document record of `abridge tables`.
#[derive(Debug, Serialize)]
pub struct TablesRecord<'a> {
    /// The document's name.
    pub source: &'a str,
    /// Its tables, in input order.
    pub tables: Vec<Table<'a>>,
}

/// The per-document record of `abridge lists`.
#[derive(Debug, Serialize)]
pub struct ListsRecord<'a> {
    /// The document's name.
    pub source: &'a str,
    /// Its lists, in input order.
    pub lists: Vec<List<'a>>,
}

/// The per-document record of `abridge clean`: the source, then the article's fields.
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    /// The document's name.
    pub source: &'a str,
    /// The ISO 639-1 code of the document's detected language (`abridge clean` sets it; the
    /// library leaves it to the caller).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
    #[serde(flatten)]
    /// The cleaned article: title, date and blocks.
    pub article: Article<'a>,
}

/// One sentence of `abridge sentences`: its text, byte span into the input and, on request, its
/// index terms.
#[derive(Debug, Serialize)]
pub struct SentenceRecord<'a> {
    /// The sentence's text.
    pub text: &'a str,
    /// Its byte span `[start, end)` in the input.
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Its index terms (stop words dropped, stemmed), when asked for.
    pub terms: Option<Vec<String>>,
}

/// The per-document record of `abridge sentences`.
#[derive(Debug, Serialize)]
pub struct SentencesRecord<'a> {
    /// The document's name.
    pub source: &'a str,
    /// The ISO 639-1 code of the language its sentences were split in (given or detected).
    pub language: &'a str,
    /// Its sentences, in order.
    pub sentences: Vec<SentenceRecord<'a>>,
}

/// One record as [`JsonStream::record`] writes it, minus the separator between records: records
/// can then be rendered in parallel and written in order with [`JsonStream::record_rendered`].
///
/// ```
/// use abridge::output::{json_record, JsonStream};
/// let rendered = json_record(&serde_json::json!({"a": 1}), true).unwrap();
/// let mut stream = JsonStream::new(Vec::new(), true);
/// stream.record_rendered(&rendered).unwrap();
/// assert_eq!(stream.finish().unwrap(), b"{\"a\":1}\n");
/// ```
pub fn json_record<T: Serialize>(record: &T, lines: bool) -> io::Result<Vec<u8>> {
    let mut rendered = Vec::with_capacity(512);
    if lines {
        serde_json::to_writer(&mut rendered, record)?;
        rendered.push(b'\n');
    } else {
        // `[record]` pretty-printed is the record indented one level, as an element of the
        // array, between "[\n" and "\n]": one pass, where re-indenting each line of the record
        // printed alone took a third of the time of rendering it.
        pretty::write_pretty(&mut rendered, std::slice::from_ref(record))?;
        rendered.truncate(rendered.len().saturating_sub(2));
        rendered.drain(..2.min(rendered.len()));
    }
    Ok(rendered)
}

/// Writes per-document records as they come, either as one pretty-printed JSON array or as one
/// compact object per line, so output starts before the last document is read.
pub struct JsonStream<W: Write> {
    out: W,
    lines: bool,
    written: usize,
}

impl<W: Write> JsonStream<W> {
    /// `lines`: JSON lines instead of one array.
    pub fn new(out: W, lines: bool) -> Self {
        Self {
            out,
            lines,
            written: 0,
        }
    }

    /// Writes one record (a separator before it, when needed).
    pub fn record<T: Serialize>(&mut self, record: &T) -> io::Result<()> {
        let rendered = json_record(record, self.lines)?;
        self.record_rendered(&rendered)
    }

    /// Writes a record made by [`json_record`] with the same `lines` setting.
    pub fn record_rendered(&mut self, rendered: &[u8]) -> io::Result<()> {
        if !self.lines {
            self.out
                .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        self.out.write_all(rendered)?;
        self.written += 1;
        Ok(())
    }

    /// The writer, e.g. to drain a `Vec` buffer between records.
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Closes the array (an empty one when no record came) and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.lines {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_array_and_lines() {
        let mut s = JsonStream::new(Vec::new(), false);
        s.record(&serde_json::json!({"a": 1})).unwrap();
        s.record(&serde_json::json!({"a": 2})).unwrap();
        let text = String::from_utf8(s.finish().unwrap()).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed, serde_json::json!([{"a": 1}, {"a": 2}]));

        let empty = JsonStream::new(Vec::new(), false).finish().unwrap();
        assert_eq!(empty, b"[]\n");

        let mut s = JsonStream::new(Vec::new(), true);
        s.record(&serde_json::json!({"a": 1})).unwrap();
        assert_eq!(s.finish().unwrap(), b"{\"a\":1}\n");
    }
}
