//! `abridge clean`.

use super::args::{CleanArgs, CleanFormat};
use super::inputs::render_each_document;
use super::sink::Sink;
use super::RunStatus;
use abridge::article;
use abridge::corpus::Document;
use abridge::output::{json_record, ArticleRecord, JsonStream};
use anyhow::Result;
use std::io::Write;

pub fn clean(args: &CleanArgs, quiet: bool) -> Result<RunStatus> {
    let sink = Sink::open(args.input.output.as_deref())?;
    match args.format {
        CleanFormat::Json | CleanFormat::Jsonl => {
            let lines = args.format == CleanFormat::Jsonl;
            let mut json = JsonStream::new(sink, lines);
            let render = |doc: &Document| {
                let record = ArticleRecord {
                    source: &doc.source,
                    article: article::clean(&doc.text),
                };
                Ok(json_record(&record, lines)?)
            };
            let status = render_each_document(&args.input, quiet, render, |_, rendered| {
                Ok(json.record_rendered(&rendered)?)
            })?;
            json.finish()?.commit()?;
            Ok(status)
        }
        CleanFormat::Text => {
            let mut out = sink;
            let mut first = true;
            let render = |doc: &Document| Ok(article::clean(&doc.text).to_text());
            let status = render_each_document(&args.input, quiet, render, |_, text| {
                if !first {
                    out.write_all(b"\n")?;
                }
                first = false;
                out.write_all(text.as_bytes())?;
                Ok(())
            })?;
            out.commit()?;
            Ok(status)
        }
    }
}
