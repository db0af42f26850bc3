//! From documents to the sentences ranking reads: cleaned article bodies, their sentences
//! (whitespace collapsed), index terms as ids.

use crate::article::sentences as body_sentences;
use crate::article::{self, Article, Date};
use crate::corpus::Document;
use crate::rank::similarity::TermBag;
use crate::text::flatten;
use crate::text::lang::{Language, Terms};
use std::collections::HashMap;

/// A document's part in a summary.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedDocument {
    pub source: String,
    /// The publication date, when the article gives one.
    pub date: Option<Date>,
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
    let mut preparer = Preparer::new(language);
    preparer.add_batch(documents);
    preparer.finish()
}

/// Like [`prepare`], for documents already cleaned: `(source, text, article of text)`.
pub fn prepare_cleaned<'x, 'a: 'x>(
    documents: impl IntoIterator<Item = (&'x str, &'x str, &'x Article<'a>)>,
    language: Language,
) -> Prepared {
    let mut preparer = Preparer::new(language);
    let terms = Terms::new(language);
    for (source, text, article) in documents {
        let analysed = analyse(source, text, article, &terms);
        preparer.push(analysed);
    }
    preparer.finish()
}

/// One document reduced to what ranking needs: no raw text is kept.
struct Analysed {
    source: String,
    date: Option<Date>,
    /// Sentence text, word count, index terms.
    sentences: Vec<(String, usize, Vec<String>)>,
}

fn analyse(source: &str, text: &str, article: &Article<'_>, terms: &Terms) -> Analysed {
    let sentences = body_sentences(text, article)
        .iter()
        .map(|s| {
            let flat = flatten(s.text);
            let words = super::word_count(&flat);
            let t = terms.of(&flat);
            (flat, words, t)
        })
        .collect();
    Analysed {
        source: source.to_string(),
        date: article.date,
        sentences,
    }
}

/// Prepares documents batch by batch, so a large input is read, cleaned and reduced in
/// parallel without holding every raw text at once. Documents are analysed in parallel (rayon)
/// and numbered in input order, so the result does not depend on the number of threads.
pub struct Preparer {
    language: Language,
    ids: HashMap<String, u32>,
    prepared: Prepared,
}

impl Preparer {
    pub fn new(language: Language) -> Self {
        Preparer {
            language,
            ids: HashMap::new(),
            prepared: Prepared::default(),
        }
    }

    /// Cleans, splits and indexes a batch of documents (in parallel), in order.
    pub fn add_batch(&mut self, documents: &[Document]) {
        let language = self.language;
        let analysed: Vec<Analysed> = crate::par::map_items(
            documents,
            || Terms::new(language),
            |terms, doc| {
                let article = article::read(doc);
                analyse(&doc.source, &doc.text, &article, terms)
            },
        );
        for a in analysed {
            self.push(a);
        }
    }

    fn push(&mut self, analysed: Analysed) {
        let d = self.prepared.documents.len();
        self.prepared.documents.push(PreparedDocument {
            source: analysed.source,
            date: analysed.date,
        });
        for (index, (text, words, terms)) in analysed.sentences.into_iter().enumerate() {
            let term_ids: Vec<u32> = terms
                .into_iter()
                .map(|t| {
                    let next = self.ids.len() as u32;
                    *self.ids.entry(t).or_insert(next)
                })
                .collect();
            self.prepared.sentences.push(PreparedSentence {
                document: d,
                index,
                text,
                words,
                bag: TermBag::new(term_ids.clone()),
                sequence: term_ids,
            });
        }
    }

    /// The prepared sentences of every document added.
    pub fn finish(mut self) -> Prepared {
        self.prepared.vocabulary = self.ids.len();
        self.prepared
    }
}
