//! From documents to the sentences ranking reads: cleaned article bodies, their sentences
//! (whitespace collapsed), index terms as ids.

use super::compress::{compress, Compression};
use crate::article::sentences_in as body_sentences_in;
use crate::article::{self, Article, Date};
use crate::corpus::Document;
use crate::rank::similarity::TermBag;
use crate::text::lang::{Language, Terms};
use crate::text::FxHashMap;
use crate::text::{flatten, is_dateline_place, strip_dateline};

/// A document's part in a summary.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedDocument {
    /// The name the document is reported under.
    pub source: String,
    /// The publication date, when the article gives one.
    pub date: Option<Date>,
    /// The headline, when the article has one (whitespace collapsed).
    pub title: Option<String>,
    /// Index terms of the headline (ids as in the sentences; the ranking never reads them, the
    /// story grouping does).
    pub title_terms: Vec<u32>,
    /// Index terms of the capitalised words of its sentences after each sentence's first word
    /// ([`Terms::names_of`]: mostly names of people, places and organisations), once per
    /// occurrence; ids as in the sentences (the ranking never reads them, the story grouping
    /// does).
    pub name_terms: Vec<u32>,
}

/// A candidate sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedSentence {
    /// Index into [`Prepared::documents`].
    pub document: usize,
    /// Position in its document's sentence list (as `article::body_sentences` gives it).
    pub index: usize,
    /// Position among the document's sentences that take part in the ranking (the lead prior
    /// reads it): the same as `index` unless a wire dateline cut off by the segmenter
    /// (`TOPPENISH, Wash.`) came before, which is left out.
    pub position: usize,
    /// The sentence as a summary prints it: whitespace collapsed, wire dateline stripped, and
    /// compressed by the preparer's [`Compression`] rules.
    pub text: String,
    /// The whole sentence (whitespace collapsed, dateline stripped) when `text` was compressed.
    pub original: Option<String>,
    /// Number of words.
    pub words: usize,
    /// Term ids in sentence order.
    pub sequence: Vec<u32>,
    /// Its index terms, as the similarity graph reads them.
    pub bag: TermBag,
}

/// All sentences of a set of documents, ready to rank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prepared {
    /// The documents, in input order.
    pub documents: Vec<PreparedDocument>,
    /// Every sentence of every document, in order.
    pub sentences: Vec<PreparedSentence>,
    /// Number of distinct terms (term ids run from 0 to this).
    pub vocabulary: usize,
    /// Term → id, for reading a question in the same ids.
    pub(crate) ids: FxHashMap<String, u32>,
}

impl Prepared {
    /// Every index term with its id.
    pub fn ids(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.ids.iter().map(|(t, &id)| (t.as_str(), id))
    }

    /// Sets the term → id map (for sentences whose ids were renumbered, such as one story's).
    pub fn set_ids(&mut self, ids: impl IntoIterator<Item = (String, u32)>) {
        self.ids = ids.into_iter().collect();
    }
}

/// Cleans and splits every document and turns sentences into term bags (sentences compressed
/// by the default rules).
pub fn prepare(documents: &[Document], language: Language) -> Prepared {
    prepare_with(documents, language, Compression::default())
}

/// [`prepare`] with the compression `rules`.
pub fn prepare_with(documents: &[Document], language: Language, rules: Compression) -> Prepared {
    let mut preparer = Preparer::new(language).with_compression(rules);
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
        let analysed = analyse(source, text, article, &terms, preparer.compression);
        preparer.push(analysed);
    }
    preparer.finish()
}

/// One document reduced to what ranking needs: no raw text is kept.
struct Analysed {
    source: String,
    date: Option<Date>,
    title: Option<String>,
    title_terms: Vec<String>,
    /// [`Terms::names_of`] of every sentence, in order.
    name_terms: Vec<String>,
    sentences: Vec<AnalysedSentence>,
}

struct AnalysedSentence {
    index: usize,
    /// [`Terms::names_of`] of the sentence (moved to [`Analysed::name_terms`]).
    names: Vec<String>,
    text: String,
    original: Option<String>,
    words: usize,
    terms: Vec<String>,
}

fn analyse(
    source: &str,
    text: &str,
    article: &Article<'_>,
    terms: &Terms,
    compression: Compression,
) -> Analysed {
    // The compression rules are English word lists: other languages keep whole sentences.
    let compression = if terms.language() == Language::English {
        compression
    } else {
        Compression::none()
    };
    // Split by the rules of the language the terms are in (`--lang`).
    let mut sentences: Vec<AnalysedSentence> = body_sentences_in(text, article, terms.language())
        .iter()
        .enumerate()
        .filter_map(|(index, s)| {
            let flat = flatten(s.text);
            // A wire dateline is no part of what the article says: left out of the ranking and
            // of the printed sentence (the index still points at the whole sentence).
            if is_dateline_place(&flat) {
                return None;
            }
            let flat = match strip_dateline(&flat) {
                stripped if stripped.len() < flat.len() => stripped.to_string(),
                _ => flat,
            };
            // Ranked and counted as printed: the compressed words are what the budget buys.
            let (text, original) = match compress(&flat, compression) {
                Some(short) => (short, Some(flat)),
                None => (flat, None),
            };
            let words = match terms.language() {
                // No spaces between Chinese and Japanese words: two characters of a run count
                // as a word (their mean word length), so that `min_words` means the same.
                Language::Chinese | Language::Japanese => text
                    .split_whitespace()
                    .map(|w| w.chars().count().div_ceil(2))
                    .sum(),
                _ => super::word_count(&text),
            };
            let (t, names) = terms.of_with_names(original.as_deref().unwrap_or(&text));
            Some(AnalysedSentence {
                index,
                words,
                terms: t,
                names,
                text,
                original,
            })
        })
        .collect();
    let title = article.title.as_deref().map(flatten);
    let name_terms = sentences
        .iter_mut()
        .flat_map(|s| std::mem::take(&mut s.names))
        .collect();
    Analysed {
        source: source.to_string(),
        date: article.date,
        title_terms: title.as_deref().map(|t| terms.of(t)).unwrap_or_default(),
        title,
        name_terms,
        sentences,
    }
}

/// Prepares documents batch by batch, so a large input is read, cleaned and reduced in
/// parallel without holding every raw text at once. Documents are analysed in parallel (rayon)
/// and numbered in input order, so the result does not depend on the number of threads.
pub struct Preparer {
    language: Language,
    compression: Compression,
    ids: FxHashMap<String, u32>,
    prepared: Prepared,
    /// Headline terms per document, given ids only in [`Preparer::finish`], after every sentence
    /// term: the sentences' ids (and so the summaries) are the same as without them.
    titles: Vec<Vec<String>>,
}

impl Preparer {
    /// An empty preparer for `language`, compressing sentences by the default rules
    /// ([`Compression::default`]).
    pub fn new(language: Language) -> Self {
        Preparer {
            language,
            compression: Compression::default(),
            ids: FxHashMap::default(),
            prepared: Prepared::default(),
            titles: Vec::new(),
        }
    }

    /// This preparer with sentences compressed by `rules` ([`Compression::none`] keeps them
    /// whole).
    pub fn with_compression(mut self, rules: Compression) -> Self {
        self.compression = rules;
        self
    }

    /// Cleans, splits and indexes a batch of documents (in parallel), in order.
    pub fn add_batch(&mut self, documents: &[Document]) {
        let language = self.language;
        let compression = self.compression;
        let analysed: Vec<Analysed> = crate::par::map_items(
            documents,
            || Terms::new(language),
            |terms, doc| {
                // The cleaner's vocabulary of the language (its furniture words).
                let article = article::read_in(doc, language);
                analyse(&doc.source, &doc.text, &article, terms, compression)
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
            title: analysed.title,
            title_terms: Vec::new(),
            name_terms: Vec::new(),
        });
        self.titles.push(analysed.title_terms);
        let names = analysed.name_terms;
        for (position, sentence) in analysed.sentences.into_iter().enumerate() {
            let AnalysedSentence {
                index,
                text,
                original,
                words,
                terms,
                names: _,
            } = sentence;
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
                position,
                text,
                original,
                words,
                bag: TermBag::new(term_ids.clone()),
                sequence: term_ids,
            });
        }
        // Every name is the term of a word of a sentence, so it has an id already (one that
        // has none, which the tokenizer should never give, is left out).
        self.prepared.documents[d].name_terms = names
            .iter()
            .filter_map(|t| self.ids.get(t).copied())
            .collect();
    }

    /// The prepared sentences of every document added.
    pub fn finish(mut self) -> Prepared {
        self.intern_titles();
        self.prepared.vocabulary = self.ids.len();
        self.prepared.ids = self.ids;
        self.prepared
    }

    /// Like [`Preparer::finish`], with term ids numbered in the sorted order of the terms
    /// instead of the order they were met, so that the result does not depend on the order the
    /// documents came in (apart from the order of `documents` and `sentences` themselves).
    pub fn finish_canonical(mut self) -> Prepared {
        self.intern_titles();
        let mut terms: Vec<(String, u32)> = std::mem::take(&mut self.ids).into_iter().collect();
        terms.sort_unstable();
        let mut new_id = vec![0u32; terms.len()];
        for (rank, (_, old)) in terms.iter().enumerate() {
            new_id[*old as usize] = rank as u32;
        }
        let mut prepared = self.prepared;
        prepared.vocabulary = terms.len();
        for s in &mut prepared.sentences {
            for t in &mut s.sequence {
                *t = new_id[*t as usize];
            }
            s.bag = TermBag::new(s.sequence.clone());
        }
        for d in &mut prepared.documents {
            for t in d.title_terms.iter_mut().chain(&mut d.name_terms) {
                *t = new_id[*t as usize];
            }
        }
        prepared.ids = terms
            .into_iter()
            .enumerate()
            .map(|(rank, (term, _))| (term, rank as u32))
            .collect();
        prepared
    }

    fn intern_titles(&mut self) {
        for (doc, terms) in self.prepared.documents.iter_mut().zip(&mut self.titles) {
            doc.title_terms = std::mem::take(terms)
                .into_iter()
                .map(|t| {
                    let next = self.ids.len() as u32;
                    *self.ids.entry(t).or_insert(next)
                })
                .collect();
        }
    }
}
