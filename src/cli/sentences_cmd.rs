//! `abridge sentences`.

use super::args::{SentencesArgs, SentencesFormat};
use super::inputs::render_each_document;
use super::sink::Sink;
use super::RunStatus;
use abridge::corpus::Document;
use abridge::output::{json_record, JsonStream, SentenceRecord, SentencesRecord};
use abridge::text::lang::Terms;
use abridge::{article, text};
use anyhow::Result;
use std::io::Write;

pub fn sentences(args: &SentencesArgs, quiet: bool) -> Result<RunStatus> {
    let terms = args.terms.then(|| Terms::new(args.lang));
    let mut out = Sink::open(args.input.output.as_deref())?;
    let lines = args.format == SentencesFormat::Jsonl;
    let mut json = match args.format {
        SentencesFormat::Text => None,
        _ => Some(JsonStream::new(Vec::new(), lines)),
    };
    let as_json = json.is_some();
    // Each document's output is made in parallel: its JSON record, or its lines of text.
    let render = |doc: &Document| -> Result<Vec<u8>> {
        let found = if args.raw {
            text::split(&doc.text)
        } else {
            text::body_sentences(&doc.text, &article::clean(&doc.text))
        };
        let records: Vec<SentenceRecord> = found
            .iter()
            .map(|s| SentenceRecord {
                text: s.text,
                span: [s.span.0, s.span.1],
                terms: terms.as_ref().map(|t| t.of(s.text)),
            })
            .collect();
        if as_json {
            let record = SentencesRecord {
                source: &doc.source,
                sentences: records,
            };
            return Ok(json_record(&record, lines)?);
        }
        let mut rendered = Vec::new();
        for r in &records {
            let line = text::flatten(r.text);
            match &r.terms {
                Some(t) => writeln!(rendered, "{line}\t{}", t.join(" "))?,
                None => writeln!(rendered, "{line}")?,
            }
        }
        Ok(rendered)
    };
    let status = render_each_document(&args.input, quiet, render, |_, rendered| {
        match &mut json {
            Some(stream) => {
                stream.record_rendered(&rendered)?;
                // Stream what is ready so large inputs do not pile up in memory.
                let ready = std::mem::take(stream.get_mut());
                out.write_all(&ready)?;
            }
            None => out.write_all(&rendered)?,
        }
        Ok(())
    })?;
    if let Some(stream) = json {
        out.write_all(&stream.finish()?)?;
    }
    out.commit()?;
    Ok(status)
}
