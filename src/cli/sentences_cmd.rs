//! `abridge sentences`.

use super::args::{SentencesArgs, SentencesFormat};
use super::inputs::for_each_document;
use super::sink::Sink;
use super::RunStatus;
use abridge::output::{JsonStream, SentenceRecord, SentencesRecord};
use abridge::text::lang::Terms;
use abridge::{article, text};
use anyhow::Result;
use std::io::Write;

pub fn sentences(args: &SentencesArgs, quiet: bool) -> Result<RunStatus> {
    let terms = args.terms.then(|| Terms::new(args.lang));
    let mut out = Sink::open(args.input.output.as_deref())?;
    let mut json = match args.format {
        SentencesFormat::Text => None,
        f => Some(JsonStream::new(Vec::new(), f == SentencesFormat::Jsonl)),
    };
    let status = for_each_document(&args.input, quiet, |doc| {
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
        match &mut json {
            Some(stream) => {
                stream.record(&SentencesRecord {
                    source: &doc.source,
                    sentences: records,
                })?;
                // Stream what is ready so large inputs do not pile up in memory.
                let ready = std::mem::take(stream.get_mut());
                out.write_all(&ready)?;
            }
            None => {
                for r in &records {
                    let line = text::flatten(r.text);
                    match &r.terms {
                        Some(t) => writeln!(out, "{line}\t{}", t.join(" "))?,
                        None => writeln!(out, "{line}")?,
                    }
                }
            }
        }
        Ok(())
    })?;
    if let Some(stream) = json {
        out.write_all(&stream.finish()?)?;
    }
    out.commit()?;
    Ok(status)
}
