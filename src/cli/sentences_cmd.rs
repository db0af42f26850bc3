//! `abridge sentences`.

use super::args::{LangChoice, SentencesArgs, SentencesFormat};
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
                let (lang, found) = sentences_of(doc, args.raw, args.lang);
                let terms = args.terms.then(|| Terms::new(lang));
                for s in &found {
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
        let (lang, found) = sentences_of(doc, args.raw, args.lang);
        let terms = args.terms.then(|| Terms::new(lang));
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

/// The language of a document (given, or detected) and its sentences, owned: those of an HTML
/// page are not slices of its text. An HTML page's language is detected from its cleaned text,
/// not from its markup.
fn sentences_of(doc: &Document, raw: bool, choice: LangChoice) -> (Language, Vec<(String, Span)>) {
    let own = |s: &text::Sentence<'_>| (s.text.to_string(), s.span);
    if raw {
        let lang = choice.of(&doc.text);
        return (
            lang,
            text::split_in(&doc.text, lang).iter().map(own).collect(),
        );
    }
    let (lang, article) = read_article(doc, choice);
    let found = article::sentences_in(&doc.text, &article, lang)
        .iter()
        .map(own)
        .collect();
    (lang, found)
}

/// A document's language (given, or detected) and its article, cleaned with that language's
/// vocabulary. An HTML page's language is detected from its cleaned text, not from its markup.
pub fn read_article(doc: &Document, choice: LangChoice) -> (Language, article::Article<'_>) {
    if doc.format() == article::Format::Html {
        let article = article::read(doc);
        let lang = match choice {
            LangChoice::Fixed(lang) => lang,
            LangChoice::Auto => abridge::text::lang::detect_text(&article.to_text()),
        };
        return (lang, article);
    }
    let lang = choice.of(&doc.text);
    (lang, article::read_in(doc, lang))
}

fn record_of<'a>(s: &'a (String, Span), terms: Option<&Terms>) -> SentenceRecord<'a> {
    SentenceRecord {
        text: &s.0,
        span: s.1,
        terms: terms.map(|t| t.of(&s.0)),
    }
}
