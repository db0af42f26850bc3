//! `abridge sentences`.

use super::args::{SentencesArgs, SentencesFormat};
use super::inputs::{render_each_document, write_json_records};
use super::sink::Sink;
use super::RunStatus;
use abridge::output::{document_sentences, json_record, SentenceRecord, SentencesRecord};
use abridge::text;
use abridge::text::lang::Terms;
use anyhow::Result;
use std::io::Write;

pub fn sentences(args: &SentencesArgs, quiet: bool) -> Result<RunStatus> {
    let fixed = args.lang.fixed();
    let sink = Sink::open(args.input.output.as_deref())?;
    if args.format == SentencesFormat::Text {
        // One block a document, without the blank line between documents of `write_blocks`.
        let mut out = sink;
        let status = render_each_document(
            &args.input,
            quiet,
            |doc| {
                let mut rendered = Vec::new();
                let (lang, found) = document_sentences(doc, args.raw, fixed);
                let terms = args.terms.then(|| Terms::new(lang));
                for s in &found {
                    let r = SentenceRecord::new(s, terms.as_ref());
                    let line = text::flatten(r.text);
                    match &r.terms {
                        Some(t) => writeln!(rendered, "{line}\t{}", t.join(" "))?,
                        None => writeln!(rendered, "{line}")?,
                    }
                }
                Ok(rendered)
            },
            |_, rendered| Ok(out.write_all(&rendered)?),
        )?;
        out.commit()?;
        return Ok(status);
    }
    let lines = args.format == SentencesFormat::Jsonl;
    write_json_records(sink, &args.input, quiet, lines, |doc, lines| {
        let (lang, found) = document_sentences(doc, args.raw, fixed);
        let terms = args.terms.then(|| Terms::new(lang));
        let sentences = found
            .iter()
            .map(|s| SentenceRecord::new(s, terms.as_ref()))
            .collect();
        json_record(
            &SentencesRecord {
                source: &doc.source,
                language: lang.code(),
                sentences,
            },
            lines,
        )
    })
}
