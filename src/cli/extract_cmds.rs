//! `abridge tables` and `abridge lists`.

use super::args::{ListsArgs, ListsFormat, TablesArgs, TablesFormat};
use super::inputs::{write_blocks, write_json_records};
use super::sink::Sink;
use super::RunStatus;
use abridge::corpus::{Document, Format};
use abridge::markup::{self, Mode};
use abridge::output::{
    json_record, write_list_markdown, write_table_csv, write_table_markdown, ListsRecord,
    TablesRecord,
};
use anyhow::Result;

pub fn tables(args: &TablesArgs, quiet: bool) -> Result<RunStatus> {
    let mode = if args.strict {
        Mode::Strict
    } else {
        Mode::Article
    };
    let sink = Sink::open(args.input.output.as_deref())?;
    match args.format {
        TablesFormat::Json | TablesFormat::Jsonl => {
            let lines = args.format == TablesFormat::Jsonl;
            write_json_records(sink, &args.input, quiet, lines, |doc, lines| {
                let tables = tables_of(doc, mode, quiet);
                json_record(
                    &TablesRecord {
                        source: &doc.source,
                        tables,
                    },
                    lines,
                )
            })
        }
        TablesFormat::Csv | TablesFormat::Markdown => {
            write_blocks(sink, &args.input, quiet, |doc: &Document| {
                let tables = tables_of(doc, mode, quiet);
                let mut blocks = Vec::new();
                if args.format == TablesFormat::Markdown && !tables.is_empty() {
                    blocks.push(source_comment(doc));
                }
                for table in &tables {
                    let mut block = Vec::new();
                    match args.format {
                        TablesFormat::Csv => write_table_csv(table, &mut block)?,
                        _ => write_table_markdown(table, &mut block)?,
                    }
                    blocks.push(block);
                }
                Ok(blocks)
            })
        }
    }
}

pub fn lists(args: &ListsArgs, quiet: bool) -> Result<RunStatus> {
    let sink = Sink::open(args.input.output.as_deref())?;
    match args.format {
        ListsFormat::Json | ListsFormat::Jsonl => {
            let lines = args.format == ListsFormat::Jsonl;
            write_json_records(sink, &args.input, quiet, lines, |doc, lines| {
                let lists = lists_of(doc, quiet);
                json_record(
                    &ListsRecord {
                        source: &doc.source,
                        lists,
                    },
                    lines,
                )
            })
        }
        ListsFormat::Markdown => write_blocks(sink, &args.input, quiet, |doc: &Document| {
            let lists = lists_of(doc, quiet);
            let mut blocks = Vec::new();
            if !lists.is_empty() {
                blocks.push(source_comment(doc));
            }
            for list in &lists {
                let mut block = Vec::new();
                write_list_markdown(list, &mut block)?;
                blocks.push(block);
            }
            Ok(blocks)
        }),
    }
}

/// The tables and lists of `doc`, with a warning on stderr (unless `quiet`) when it nests deeper
/// than [`markup::MAX_NESTING`] levels. It is printed by the worker that parsed the document, so
/// with several threads its place among other warnings may vary.
fn found(doc: &Document, mode: Mode, quiet: bool) -> markup::Extracted<'_> {
    let found = markup::extract(&doc.text, mode);
    if found.nesting_capped && !quiet {
        eprintln!(
            "abridge: warning: {}: nested deeper than {} levels; the deeper levels are kept as text",
            doc.source,
            markup::MAX_NESTING
        );
    }
    found
}

/// The markdown comment naming the document whose blocks follow.
fn source_comment(doc: &Document) -> Vec<u8> {
    format!("<!-- source: {} -->\n", doc.source).into_bytes()
}

// --- HTML input (issue 12) ---
/// The tables of a document: the pipe-table grammar over a text, the data tables of a page.
fn tables_of(doc: &Document, mode: Mode, quiet: bool) -> Vec<markup::Table<'_>> {
    match doc.format() {
        Format::Html => abridge::article::read_html(&doc.text).1.tables,
        _ => found(doc, mode, quiet).tables,
    }
}

/// The lists of a document: the list grammar over a text, `<ul>`/`<ol>`/`<dl>` of a page.
fn lists_of(doc: &Document, quiet: bool) -> Vec<markup::List<'_>> {
    match doc.format() {
        Format::Html => abridge::article::read_html(&doc.text).1.lists,
        _ => found(doc, Mode::Article, quiet).lists,
    }
}
// --- end HTML input ---
