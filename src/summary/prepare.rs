//! From documents to the sentences ranking reads: cleaned article bodies, their sentences
//! (whitespace collapsed), index terms as ids.

use crate::article::{self, Article};
use crate::corpus::Document;
use crate::rank::similarity::TermBag;
use crate::text::lang::{Language, Terms};
use crate::text::{body_sentences, flatten};
use std::collections::HashMap;

/// A document's part in a summary.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedDocument {
    pub source: String,
    /// `YYYY-MM-DD`, when the article gives a date.
    pub date: Option<String>,
    /// Position in the input.
    pub position: usize,
}

impl PreparedDocument {
    /// Dated documents first in date order, then the rest in input order.
    pub fn order_key(&self) -> (bool, String, usize) {
        (
            self.date.is_none(),
            self.date.clone().unwrap_or_default(),
            self.position,
        )
    }
}

/// A candidate sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedSentence {
    /// Index into [`Prepared::documents`].
    pub document: usize,
    /// Position in its document's sentence list.
    pub index: usize,
    /// The sentence, whitespace collapsed.
    pub text: String,
    pub words: usize,
    /// Term ids in sentence order.
    pub sequence: Vec<u32>,
    pub bag: TermBag,
}

/// All sentences of a set of documents, ready to rank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prepared {
    pub documents: Vec<PreparedDocument>,
    pub sentences: Vec<PreparedSentence>,
    /// Number of distinct terms (term ids run from 0 to this).
    pub vocabulary: usize,
}

/// Cleans and splits every document and turns sentences into term bags.
pub fn prepare(documents: &[Document], language: Language) -> Prepared {
    let articles: Vec<Article<'_>> = documents.iter().map(|d| article::clean(&d.text)).collect();
    prepare_cleaned(
        documents
            .iter()
            .zip(&articles)
            .map(|(d, a)| (d.source.as_str(), d.text.as_str(), a)),
        language,
    )
}

/// Like [`prepare`], for documents already cleaned: `(source, text, article of text)`.
pub fn prepare_cleaned<'x, 'a: 'x>(
    documents: impl IntoIterator<Item = (&'x str, &'x str, &'x Article<'a>)>,
    language: Language,
) -> Prepared {
    let terms = Terms::new(language);
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut prepared = Prepared::default();
    for (position, (source, text, article)) in documents.into_iter().enumerate() {
        let d = prepared.documents.len();
        prepared.documents.push(PreparedDocument {
            source: source.to_string(),
            date: article.date.clone(),
            position,
        });
        for (index, s) in body_sentences(text, article).iter().enumerate() {
            let text = flatten(s.text);
            let words = text.split_whitespace().count();
            let term_ids: Vec<u32> = terms
                .of(&text)
                .into_iter()
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(t).or_insert(next)
                })
                .collect();
            prepared.sentences.push(PreparedSentence {
                document: d,
                index,
                text,
                words,
                bag: TermBag::new(term_ids.clone()),
                sequence: term_ids,
            });
        }
    }
    prepared.vocabulary = ids.len();
    prepared
}
