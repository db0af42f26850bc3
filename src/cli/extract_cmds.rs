//! `abridge tables` and `abridge lists`.

use super::args::{ListsArgs, ListsFormat, TablesArgs, TablesFormat};
use super::inputs::for_each_document;
use super::sink::Sink;
use super::RunStatus;
use abridge::markup::{self, Mode};
use abridge::output::{
    write_list_markdown, write_table_csv, write_table_markdown, JsonStream, ListsRecord,
    TablesRecord,
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
            let mut json = JsonStream::new(sink, args.format == TablesFormat::Jsonl);
            let status = for_each_document(&args.input, quiet, |doc| {
                let tables = markup::tables(&doc.text, mode);
                json.record(&TablesRecord {
                    source: &doc.source,
                    tables,
                })?;
                Ok(())
            })?;
            json.finish()?.commit()?;
            Ok(status)
        }
        TablesFormat::Csv | TablesFormat::Markdown => {
            let mut out = sink;
            let mut blocks = 0usize;
            let status = for_each_document(&args.input, quiet, |doc| {
                let tables = markup::tables(&doc.text, mode);
                if args.format == TablesFormat::Markdown && !tables.is_empty() {
                    separate(&mut out, &mut blocks)?;
                    writeln!(out, "<!-- source: {} -->", doc.source)?;
                }
                for table in &tables {
                    separate(&mut out, &mut blocks)?;
                    match args.format {
                        TablesFormat::Csv => write_table_csv(table, &mut out)?,
                        _ => write_table_markdown(table, &mut out)?,
                    }
                }
                Ok(())
            })?;
            out.commit()?;
            Ok(status)
        }
    }
}

pub fn lists(args: &ListsArgs, quiet: bool) -> Result<RunStatus> {
    let sink = Sink::open(args.input.output.as_deref())?;
    match args.format {
        ListsFormat::Json | ListsFormat::Jsonl => {
            let mut json = JsonStream::new(sink, args.format == ListsFormat::Jsonl);
            let status = for_each_document(&args.input, quiet, |doc| {
                let lists = markup::lists(&doc.text);
                json.record(&ListsRecord {
                    source: &doc.source,
                    lists,
                })?;
                Ok(())
            })?;
            json.finish()?.commit()?;
            Ok(status)
        }
        ListsFormat::Markdown => {
            let mut out = sink;
            let mut blocks = 0usize;
            let status = for_each_document(&args.input, quiet, |doc| {
                let lists = markup::lists(&doc.text);
                if !lists.is_empty() {
                    separate(&mut out, &mut blocks)?;
                    writeln!(out, "<!-- source: {} -->", doc.source)?;
                }
                for list in &lists {
                    separate(&mut out, &mut blocks)?;
                    write_list_markdown(list, &mut out)?;
                }
                Ok(())
            })?;
            out.commit()?;
            Ok(status)
        }
    }
}

/// A blank line between consecutive blocks of text output.
fn separate(out: &mut impl Write, blocks: &mut usize) -> std::io::Result<()> {
    if *blocks > 0 {
        out.write_all(b"\n")?;
    }
    *blocks += 1;
    Ok(())
}
