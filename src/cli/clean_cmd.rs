//! `abridge clean`.

use super::args::{CleanArgs, CleanFormat};
use super::inputs::{write_blocks, write_json_records};
use super::sink::Sink;
use super::RunStatus;
use abridge::corpus::Document;
use abridge::output::{json_record, ArticleRecord};
use anyhow::Result;

pub fn clean(args: &CleanArgs, quiet: bool) -> Result<RunStatus> {
    let sink = Sink::open(args.input.output.as_deref())?;
    match args.format {
        CleanFormat::Json | CleanFormat::Jsonl => {
            let lines = args.format == CleanFormat::Jsonl;
            write_json_records(sink, &args.input, quiet, lines, |doc, lines| {
                let (language, article) = abridge::article::read_detected(doc, None);
                json_record(
                    &ArticleRecord {
                        source: &doc.source,
                        language: Some(language.code()),
                        article,
                    },
                    lines,
                )
            })
        }
        // One block a document: a blank line between articles.
        CleanFormat::Text => write_blocks(sink, &args.input, quiet, |doc: &Document| {
            let article = abridge::article::read_detected(doc, None).1;
            let text = if args.no_title {
                article.body_text()
            } else {
                article.to_text()
            };
            Ok(vec![text.into_bytes()])
        }),
    }
}
