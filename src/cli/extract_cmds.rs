//! `abridge tables` and `abridge lists`.

use super::args::{ListsArgs, ListsFormat, TablesArgs, TablesFormat};
use super::inputs::{write_blocks, write_json_records};
use super::sink::Sink;
use super::RunStatus;
use abridge::corpus::Document;
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
                json_record(&warned(TablesRecord::of(doc, mode), quiet), lines)
            })
        }
        TablesFormat::Csv | TablesFormat::Markdown => {
            write_blocks(sink, &args.input, quiet, |doc: &Document| {
                let tables = warned(TablesRecord::of(doc, mode), quiet).tables;
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
                json_record(&warned_lists(ListsRecord::of(doc), quiet), lines)
            })
        }
        ListsFormat::Markdown => write_blocks(sink, &args.input, quiet, |doc: &Document| {
            let lists = warned_lists(ListsRecord::of(doc), quiet).lists;
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

/// The record, after a warning on stderr (unless `quiet`) when its document nests deeper than
/// [`markup::MAX_NESTING`] levels. It is printed by the worker that parsed the document, so with
/// several threads its place among other warnings may vary.
fn warned((record, capped): (TablesRecord<'_>, bool), quiet: bool) -> TablesRecord<'_> {
    warn_nesting(record.source, capped, quiet);
    record
}

/// [`warned`] for a lists record.
fn warned_lists((record, capped): (ListsRecord<'_>, bool), quiet: bool) -> ListsRecord<'_> {
    warn_nesting(record.source, capped, quiet);
    record
}

fn warn_nesting(source: &str, capped: bool, quiet: bool) {
    if capped && !quiet {
        eprintln!(
            "abridge: warning: {source}: nested deeper than {} levels; the deeper levels are kept as text",
            markup::MAX_NESTING
        );
    }
}

/// The markdown comment naming the document whose blocks follow.
fn source_comment(doc: &Document) -> Vec<u8> {
    format!("<!-- source: {} -->\n", doc.source).into_bytes()
}
