//! Renderings of results: a JSON array or JSON lines of per-document records, CSV blocks and
//! normalised markdown.

mod csv;
mod pretty;

pub use self::csv::write_table_csv;
pub use crate::markup::{write_list_markdown, write_table_markdown};

use crate::article::{self, Article};
use crate::corpus::{Document, Format};
use crate::eval::{Counts, Prf, TopicScores};
use crate::markup::{self, List, Mode, Table};
use crate::text::{
    self,
    lang::{Language, Terms},
};
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

impl<'a> TablesRecord<'a> {
    /// The record of `document` as `abridge tables` makes it: the pipe-table grammar in `mode`
    /// over a text, the data tables of an HTML page (in any `mode`). The command and the Python
    /// package both build their records here, so they cannot drift apart. The flag is true when
    /// the text nests deeper than [`markup::MAX_NESTING`] levels and the deeper levels were kept
    /// as text (worth a warning naming the document).
    ///
    /// ```
    /// use abridge::{corpus::Document, markup::Mode, output::TablesRecord};
    /// let doc = Document::new("a.txt", "Seats:\nParty | Seats |\n---|---|\nGreens | 12 |\n");
    /// assert_eq!(TablesRecord::of(&doc, Mode::Article).0.tables[0].rows, [["Greens", "12"]]);
    /// ```
    pub fn of(document: &'a Document, mode: Mode) -> (Self, bool) {
        let (tables, nesting_capped) = match document.format() {
            Format::Html => (article::read_html(&document.text).1.tables, false),
            _ => {
                let found = markup::extract(&document.text, mode);
                (found.tables, found.nesting_capped)
            }
        };
        let record = TablesRecord {
            source: &document.source,
            tables,
        };
        (record, nesting_capped)
    }
}

/// The per-document record of `abridge lists`.
#[derive(Debug, Serialize)]
pub struct ListsRecord<'a> {
    /// The document's name.
    pub source: &'a str,
    /// Its lists, in input order.
    pub lists: Vec<List<'a>>,
}

impl<'a> ListsRecord<'a> {
    /// The record of `document` as `abridge lists` makes it: the list grammar over a text, the
    /// `<ul>`/`<ol>`/`<dl>` lists of an HTML page; the flag as in [`TablesRecord::of`].
    ///
    /// ```
    /// use abridge::{corpus::Document, output::ListsRecord};
    /// let doc = Document::new("a.txt", "Bring:\n- water\n- a hat\n");
    /// assert_eq!(ListsRecord::of(&doc).0.lists[0].items[1].text, "a hat");
    /// ```
    pub fn of(document: &'a Document) -> (Self, bool) {
        let (lists, nesting_capped) = match document.format() {
            Format::Html => (article::read_html(&document.text).1.lists, false),
            _ => {
                let found = markup::extract(&document.text, Mode::Article);
                (found.lists, found.nesting_capped)
            }
        };
        let record = ListsRecord {
            source: &document.source,
            lists,
        };
        (record, nesting_capped)
    }
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

impl<'a> SentenceRecord<'a> {
    /// The record of one sentence of [`document_sentences`], with its index terms when `terms`
    /// is given.
    pub fn new(sentence: &'a (String, Span), terms: Option<&Terms>) -> Self {
        SentenceRecord {
            text: &sentence.0,
            span: sentence.1,
            terms: terms.map(|t| t.of(&sentence.0)),
        }
    }
}

/// The language and the sentences `abridge sentences` gives for `document`, each with its byte
/// span: those of the cleaned article body, or with `raw` those of the text as it is, split by
/// the rules of `language` (detected when `None`). Owned, since those of an HTML page are not
/// slices of its text.
///
/// ```
/// use abridge::{corpus::Document, output::document_sentences, text::lang::Language};
/// let doc = Document::new("a.txt", "Menu\n\nRain flooded the port on Monday night. Hundreds of residents left.\n");
/// let (lang, found) = document_sentences(&doc, false, None);
/// assert_eq!(lang, Language::English);
/// assert_eq!(found[1].0, "Hundreds of residents left.");
/// assert_eq!(&doc.text[found[1].1.range()], found[1].0);
/// ```
pub fn document_sentences(
    document: &Document,
    raw: bool,
    language: Option<Language>,
) -> (Language, Vec<(String, Span)>) {
    // A line break between two Chinese or Japanese characters is a wrap, shown as nothing;
    // every other character is the input's.
    let own = |s: &text::Sentence<'_>| (text::join_unspaced_lines(s.text).into_owned(), s.span);
    if raw {
        let lang = language.unwrap_or_else(|| text::lang::detect_text(&document.text));
        return (
            lang,
            text::split_in(&document.text, lang)
                .iter()
                .map(own)
                .collect(),
        );
    }
    let (lang, article) = article::read_detected(document, language);
    let found = article::sentences_in(&document.text, &article, lang)
        .iter()
        .map(own)
        .collect();
    (lang, found)
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

/// Recall, precision and F1 in percent, rounded to 4 decimals, with the counts behind them: one
/// ROUGE measure of a topic as `abridge eval --format json` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RougeMeasure {
    /// Recall, percent.
    pub recall: f64,
    /// Precision, percent.
    pub precision: f64,
    /// F1, percent.
    pub f1: f64,
    /// Matched n-grams (or LCS hits), summed over the references.
    pub hits: usize,
    /// N-grams (or tokens) of the references.
    pub reference_count: usize,
    /// N-grams (or tokens) of the summary, once per reference.
    pub summary_count: usize,
}

impl RougeMeasure {
    /// The measure of scores `p` (fractions) computed from counts `c`.
    pub fn new(p: Prf, c: Counts) -> Self {
        let p = rounded_percent(p);
        RougeMeasure {
            recall: p.recall,
            precision: p.precision,
            f1: p.f1,
            hits: c.hits,
            reference_count: c.reference,
            summary_count: c.summary,
        }
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one topic as `abridge eval --format json` reports each topic.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RougeRecord {
    /// ROUGE-1.
    pub rouge1: RougeMeasure,
    /// ROUGE-2.
    pub rouge2: RougeMeasure,
    /// ROUGE-L.
    #[serde(rename = "rougeL")]
    pub rouge_l: RougeMeasure,
}

impl From<&TopicScores> for RougeRecord {
    fn from(s: &TopicScores) -> Self {
        RougeRecord {
            rouge1: RougeMeasure::new(s.rouge1, s.counts1),
            rouge2: RougeMeasure::new(s.rouge2, s.counts2),
            rouge_l: RougeMeasure::new(s.rouge_l, s.counts_l),
        }
    }
}

/// Scores as fractions to percent rounded to 4 decimals, as `abridge eval --format json` prints
/// them (ROUGE-1.5.5 prints fractions to 5).
pub fn rounded_percent(p: Prf) -> Prf {
    let round4 = |x: f64| (x * 1e4).round() / 1e4;
    let p = p.percent();
    Prf {
        recall: round4(p.recall),
        precision: round4(p.precision),
        f1: round4(p.f1),
    }
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
    // A cleaned article's record is a few KiB: room for one without growing on the way.
    let mut rendered = Vec::with_capacity(4096);
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
