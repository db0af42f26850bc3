//! `abridge clean`.

use super::args::{CleanArgs, CleanFormat};
use super::inputs::for_each_document;
use super::sink::Sink;
use super::RunStatus;
use abridge::article;
use abridge::output::{ArticleRecord, JsonStream};
use anyhow::Result;
use std::io::Write;

pub fn clean(args: &CleanArgs, quiet: bool) -> Result<RunStatus> {
    let sink = Sink::open(args.input.output.as_deref())?;
    match args.format {
        CleanFormat::Json | CleanFormat::Jsonl => {
            let mut json = JsonStream::new(sink, args.format == CleanFormat::Jsonl);
            let status = for_each_document(&args.input, quiet, |doc| {
                let article = article::clean(&doc.text);
                json.record(&ArticleRecord {
                    source: &doc.source,
                    article,
                })?;
                Ok(())
            })?;
            json.finish()?.commit()?;
            Ok(status)
        }
        CleanFormat::Text => {
            let mut out = sink;
            let mut first = true;
            let status = for_each_document(&args.input, quiet, |doc| {
                if !first {
                    out.write_all(b"\n")?;
                }
                first = false;
                out.write_all(article::clean(&doc.text).to_text().as_bytes())?;
                Ok(())
            })?;
            out.commit()?;
            Ok(status)
        }
    }
}
