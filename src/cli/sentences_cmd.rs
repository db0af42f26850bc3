//! `abridge sentences`.

use super::args::{SentencesArgs, SentencesFormat};
use super::inputs::{render_each_document, write_json_records};
use super::sink::Sink;
use super::RunStatus;
use abridge::corpus::Document;
use abridge::output::{json_record, SentenceRecord, SentencesRecord};
use abridge::text::lang::{Language, Terms};
use abridge::{article, text, Span};
use anyhow::Result;
use std::io::Write;

pub fn sentences(args: &SentencesArgs, quiet: bool) -> Result<RunStatus> {
    let sink = Sink::open(args.input.output.as_deref())?;
    if args.format == SentencesFormat::Text {
        // One block a document, without the blank line between documents of `write_blocks`.
        let mut out = sink;
        let status = render_each_document(
            &args.input,
            quiet,
            |doc| {
                let mut rendered = Vec::new();
                let lang = args.lang.of(&doc.text);
                let terms = args.terms.then(|| Terms::new(lang));
                for s in &sentences_of(doc, args.raw, lang) {
                    let r = record_of(s, terms.as_ref());
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
        let lang = args.lang.of(&doc.text);
        let terms = args.terms.then(|| Terms::new(lang));
        let found = sentences_of(doc, args.raw, lang);
        let sentences = found.iter().map(|s| record_of(s, terms.as_ref())).collect();
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

/// The sentences of a document, owned: those of an HTML page are not slices of its text.
fn sentences_of(doc: &Document, raw: bool, lang: Language) -> Vec<(String, Span)> {
    let own = |s: &text::Sentence<'_>| (s.text.to_string(), s.span);
    if raw {
        text::split_in(&doc.text, lang).iter().map(own).collect()
    } else {
        let article = article::read(doc);
        article::sentences_in(&doc.text, &article, lang)
            .iter()
            .map(own)
            .collect()
    }
}

fn record_of<'a>(s: &'a (String, Span), terms: Option<&Terms>) -> SentenceRecord<'a> {
    SentenceRecord {
        text: &s.0,
        span: s.1,
        terms: terms.map(|t| t.of(&s.0)),
    }
}
