//! `abridge tables` and `abridge lists`.

use super::args::{InputArgs, ListsArgs, ListsFormat, TablesArgs, TablesFormat};
use super::inputs::render_each_document;
use super::sink::Sink;
use super::RunStatus;
use abridge::corpus::Document;
use abridge::markup::{self, Mode};
use abridge::output::{
    json_record, write_list_markdown, write_table_csv, write_table_markdown, JsonStream,
    ListsRecord, TablesRecord,
};
use anyhow::Result;
use std::io::Write;

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
            let mut json = JsonStream::new(sink, lines);
            let render = |doc: &Document| {
                let tables = markup::tables(&doc.text, mode);
                let record = TablesRecord {
                    source: &doc.source,
                    tables,
                };
                Ok(json_record(&record, lines)?)
            };
            let status = render_each_document(&args.input, quiet, render, |_, rendered| {
                Ok(json.record_rendered(&rendered)?)
            })?;
            json.finish()?.commit()?;
            Ok(status)
        }
        TablesFormat::Csv | TablesFormat::Markdown => {
            let render = |doc: &Document| {
                let tables = markup::tables(&doc.text, mode);
                let mut blocks = Vec::new();
                if args.format == TablesFormat::Markdown && !tables.is_empty() {
                    blocks.push(format!("<!-- source: {} -->\n", doc.source).into_bytes());
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
            };
            write_blocks(sink, &args.input, quiet, render)
        }
    }
}

pub fn lists(args: &ListsArgs, quiet: bool) -> Result<RunStatus> {
    let sink = Sink::open(args.input.output.as_deref())?;
    match args.format {
        ListsFormat::Json | ListsFormat::Jsonl => {
            let lines = args.format == ListsFormat::Jsonl;
            let mut json = JsonStream::new(sink, lines);
            let render = |doc: &Document| {
                let record = ListsRecord {
                    source: &doc.source,
                    lists: markup::lists(&doc.text),
                };
                Ok(json_record(&record, lines)?)
            };
            let status = render_each_document(&args.input, quiet, render, |_, rendered| {
                Ok(json.record_rendered(&rendered)?)
            })?;
            json.finish()?.commit()?;
            Ok(status)
        }
        ListsFormat::Markdown => {
            let render = |doc: &Document| {
                let lists = markup::lists(&doc.text);
                let mut blocks = Vec::new();
                if !lists.is_empty() {
                    blocks.push(format!("<!-- source: {} -->\n", doc.source).into_bytes());
                }
                for list in &lists {
                    let mut block = Vec::new();
                    write_list_markdown(list, &mut block)?;
                    blocks.push(block);
                }
                Ok(blocks)
            };
            write_blocks(sink, &args.input, quiet, render)
        }
    }
}

/// Writes the text blocks rendered for each document, a blank line between consecutive blocks.
fn write_blocks(
    mut out: Sink,
    input: &InputArgs,
    quiet: bool,
    render: impl Fn(&Document) -> Result<Vec<Vec<u8>>> + Sync,
) -> Result<RunStatus> {
    let mut written = 0usize;
    let status = render_each_document(input, quiet, render, |_, blocks| {
        for block in blocks {
            if written > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(&block)?;
            written += 1;
        }
        Ok(())
    })?;
    out.commit()?;
    Ok(status)
}
