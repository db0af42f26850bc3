//! From documents to the sentences ranking reads: cleaned article bodies, their sentences
//! (whitespace collapsed), index terms as ids.

use super::compress::{compress, Compression};
use crate::article::sentences_in as body_sentences_in;
use crate::article::{self, Article, Date};
use crate::corpus::Document;
use crate::rank::similarity::TermBag;
use crate::text::lang::{Language, Terms};
use crate::text::{flatten, is_dateline_place, strip_dateline};
use crate::text::{fx_hash_str, FxHashMap, PassHasher};
use crate::Timings;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::time::Instant;

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
    /// Term ids in sentence order; empty when the preparer was told not to keep the order
    /// ([`Preparer::with_word_order`]: only concept selection reads it).
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
    pub(crate) ids: TermIds,
}

impl Prepared {
    /// Every index term with its id.
    pub fn ids(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.ids.iter()
    }

    /// Sets the term → id map (for sentences whose ids were renumbered, such as one story's).
    pub fn set_ids(&mut self, ids: impl IntoIterator<Item = (String, u32)>) {
        self.ids = TermIds(
            ids.into_iter()
                .map(|(t, id)| (HashedTerm::new(t), id))
                .collect(),
        );
    }
}

/// A term with its hash (what an `FxHashMap<String, _>` computes for it), hashed on the worker
/// thread that found the term: the one thread that numbers every document's terms then only
/// probes the map, where hashing was a third of its time. The text is a `Box<str>`: with the
/// hash, as large as the `String` it was (the vocabulary of 100,000 articles stays in the map).
#[derive(Debug, Clone, Default)]
pub(crate) struct HashedTerm {
    hash: u64,
    term: Box<str>,
}

impl HashedTerm {
    /// `term` with its hash; no copy when the string has no spare capacity (the terms here
    /// are made by `to_string` or collected from a word's characters, and are exact).
    pub(crate) fn new(term: String) -> HashedTerm {
        HashedTerm {
            hash: fx_hash_str(&term),
            term: term.into_boxed_str(),
        }
    }
}

impl Hash for HashedTerm {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for HashedTerm {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.term == other.term
    }
}

impl Eq for HashedTerm {}

/// What [`Preparer::push_all`]'s parallel look-up gives a term the map does not hold yet (no
/// id reaches it: ids are below the number of terms).
const NOT_YET: u32 = u32::MAX;

/// Term → id: [`HashedTerm`] keys, filed under the hash they carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TermIds(HashMap<HashedTerm, u32, BuildHasherDefault<PassHasher>>);

impl TermIds {
    /// The id of `term`, if it has one (a question's few terms: hashed and copied here).
    pub(crate) fn get(&self, term: &str) -> Option<u32> {
        self.0.get(&HashedTerm::new(term.to_string())).copied()
    }

    /// The id of `term`, hashed already.
    fn get_hashed(&self, term: &HashedTerm) -> Option<u32> {
        self.0.get(term).copied()
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.0.iter().map(|(t, &id)| (&*t.term, id))
    }

    /// The id of `term`, the next number when it has none: then `term` moves into the map
    /// (left empty); a term already numbered is only looked up, and stays where it was, to be
    /// freed with its document on a worker thread.
    fn number(&mut self, term: &mut HashedTerm) -> u32 {
        if let Some(&id) = self.0.get(term) {
            return id;
        }
        let id = self.0.len() as u32;
        self.0.insert(std::mem::take(term), id);
        id
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
    let analysed = documents
        .into_iter()
        .map(|(source, text, article)| analyse(source, text, article, &terms, preparer.compression))
        .collect();
    preparer.push_all(analysed);
    preparer.finish()
}

/// One document reduced to what ranking needs: no raw text is kept.
struct Analysed {
    source: String,
    date: Option<Date>,
    title: Option<String>,
    title_terms: Vec<HashedTerm>,
    /// The document's distinct sentence terms, in the order they first occur: only these meet
    /// the shared term → id map, which is the one part of the preparation on one thread.
    dictionary: Vec<HashedTerm>,
    /// [`Terms::names_of`] of every sentence, in order, as positions in `dictionary`.
    name_terms: Vec<u32>,
    sentences: Vec<AnalysedSentence>,
}

struct AnalysedSentence {
    index: usize,
    text: String,
    original: Option<String>,
    words: usize,
    /// Terms in sentence order, as positions in the document's dictionary.
    terms: Vec<u32>,
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
    // Sized for the document at once (about one distinct term in twenty bytes of news text):
    // grown from empty, the map was rehashed seven or eight times a document.
    let mut local = LocalTerms::with_capacity((text.len() / 20).min(1 << 14));
    let mut name_terms: Vec<u32> = Vec::new();
    // Split by the rules of the language the terms are in (`--lang`).
    let sentences: Vec<AnalysedSentence> = body_sentences_in(text, article, terms.language())
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
            let mut ids = Vec::new();
            terms.each_hashed_term_with_names(
                original.as_deref().unwrap_or(&text),
                |hash, term, name| {
                    let id = local.id(hash, term);
                    ids.push(id);
                    if name {
                        name_terms.push(id);
                    }
                },
            );
            Some(AnalysedSentence {
                index,
                words,
                terms: ids,
                text,
                original,
            })
        })
        .collect();
    let title = article.title.as_deref().map(flatten);
    Analysed {
        source: source.to_string(),
        date: article.date,
        title_terms: title
            .as_deref()
            .map(|t| terms.of(t).into_iter().map(HashedTerm::new).collect())
            .unwrap_or_default(),
        title,
        dictionary: local.terms,
        name_terms,
        sentences,
    }
}

/// A document's own term → position map, keyed by the terms' hashes ([`HashedTerm`]'s); a term
/// whose hash another term of the document already has is filed by its text.
#[derive(Default)]
struct LocalTerms {
    ids: HashMap<u64, u32, BuildHasherDefault<PassHasher>>,
    collided: FxHashMap<Box<str>, u32>,
    terms: Vec<HashedTerm>,
}

impl LocalTerms {
    fn with_capacity(n: usize) -> Self {
        LocalTerms {
            ids: HashMap::with_capacity_and_hasher(n, Default::default()),
            collided: FxHashMap::default(),
            terms: Vec::with_capacity(n),
        }
    }

    /// The position of `term`, whose hash is `hash`.
    fn id(&mut self, hash: u64, term: &str) -> u32 {
        let next = self.terms.len() as u32;
        let id = *self.ids.entry(hash).or_insert(next);
        if id != next {
            if &*self.terms[id as usize].term == term {
                return id;
            }
            if let Some(&id) = self.collided.get(term) {
                return id;
            }
            self.collided.insert(Box::from(term), next);
        }
        self.terms.push(HashedTerm {
            hash,
            term: Box::from(term),
        });
        next
    }
}

/// Prepares documents batch by batch, so a large input is read, cleaned and reduced in
/// parallel without holding every raw text at once. Documents are analysed in parallel (rayon)
/// and numbered in input order, so the result does not depend on the number of threads.
pub struct Preparer {
    language: Language,
    compression: Compression,
    ids: TermIds,
    prepared: Prepared,
    /// Headline terms per document, given ids only in [`Preparer::finish`], after every sentence
    /// term: the sentences' ids (and so the summaries) are the same as without them.
    titles: Vec<Vec<HashedTerm>>,
    /// Wall time of the analysis (parallel) and of the interning of terms (one thread).
    timings: Timings,
    /// The last batch analysed, numbered while the next one is analysed.
    pending: Option<Vec<Analysed>>,
    /// Whether each sentence keeps its terms in order ([`PreparedSentence::sequence`]).
    word_order: bool,
}

impl Preparer {
    /// An empty preparer for `language`, compressing sentences by the default rules
    /// ([`Compression::default`]).
    pub fn new(language: Language) -> Self {
        Preparer {
            language,
            compression: Compression::default(),
            ids: TermIds::default(),
            prepared: Prepared::default(),
            titles: Vec::new(),
            timings: Timings::new(),
            pending: None,
            word_order: true,
        }
    }

    /// This preparer keeping each sentence's terms in order ([`PreparedSentence::sequence`]) or,
    /// with `keep` false, only as its term bag (the order left empty). The ranking, the story
    /// grouping and every selection but concept selection read the bags alone
    /// ([`Selection::reads_word_order`](super::Selection::reads_word_order) says which; concept
    /// selection without the order has the words alone for word pairs); the order was 7% of the
    /// memory of 100,000 prepared articles (1.2 million sentences). Kept by default.
    pub fn with_word_order(mut self, keep: bool) -> Self {
        self.word_order = keep;
        self
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
        let start = Instant::now();
        // The previous batch's terms are numbered (one thread) beside this batch's analysis.
        let pending = self.pending.take();
        let (numbering, analysed) = crate::par::join(
            || {
                let start = Instant::now();
                if let Some(batch) = pending {
                    self.push_all(batch);
                }
                start.elapsed()
            },
            || {
                crate::par::map_items(
                    documents,
                    || Terms::new(language),
                    |terms, doc| {
                        // The cleaner's vocabulary of the language (its furniture words).
                        let article = article::read_in(doc, language);
                        analyse(&doc.source, &doc.text, &article, terms, compression)
                    },
                )
            },
        );
        self.pending = Some(analysed);
        // What the numbering did not cover of the wall time: with one thread, the analysis.
        self.timings.add(
            "clean+sentences",
            true,
            start.elapsed().saturating_sub(numbering),
        );
    }

    /// Numbers and indexes the last batch added (done by the next [`Preparer::add_batch`], or
    /// by [`Preparer::finish`]), so that [`Preparer::timings`] covers every batch.
    pub fn flush(&mut self) {
        if let Some(batch) = self.pending.take() {
            self.push_all(batch);
        }
    }

    /// Wall time so far of the analysis (cleaning, sentences, terms: parallel) and of the
    /// interning of terms (one thread).
    pub fn timings(&self) -> &Timings {
        &self.timings
    }

    /// Numbers the terms of `analysed` (documents in order, each document's terms in the order
    /// they first occur: the ids are those of numbering every occurrence in input order) on one
    /// thread, then builds the sentences in parallel.
    fn push_all(&mut self, mut analysed: Vec<Analysed>) {
        let start = Instant::now();
        // Terms numbered by an earlier batch are looked up on every thread, against the map as
        // it stands (read only): most of a batch's terms are, and their strings are freed with
        // the rest of the document on the parallel side, below.
        let ids = &self.ids;
        let mut global: Vec<Vec<u32>> = crate::par::map_items(
            &analysed,
            || (),
            |_, a| {
                a.dictionary
                    .iter()
                    .map(|term| ids.get_hashed(term).unwrap_or(NOT_YET))
                    .collect()
            },
        );
        self.timings.add("look up terms", true, start.elapsed());
        // The rest are numbered on one thread, in input order: a term new to the map takes the
        // next id where it first occurs, as numbering every term in order would give it.
        let start = Instant::now();
        for (a, ids) in analysed.iter_mut().zip(&mut global) {
            for (term, id) in a.dictionary.iter_mut().zip(ids.iter_mut()) {
                if *id == NOT_YET {
                    *id = self.ids.number(term);
                }
            }
        }
        // Beside the next batch's analysis (see `add_batch`), but for the last batch.
        self.timings
            .add_beside("intern terms", "clean+sentences", start.elapsed());
        let start = Instant::now();
        let first = self.prepared.documents.len();
        let word_order = self.word_order;
        let work: Vec<(Analysed, Vec<u32>)> = analysed.into_iter().zip(global).collect();
        let built: Vec<(PreparedDocument, Vec<HashedTerm>, Vec<PreparedSentence>)> =
            crate::par::map_owned(work, |k, (a, ids)| {
                let sentences = a
                    .sentences
                    .into_iter()
                    .enumerate()
                    .map(|(position, s)| {
                        let sequence: Vec<u32> = s.terms.iter().map(|&t| ids[t as usize]).collect();
                        let (bag, sequence) = if word_order {
                            (TermBag::new(sequence.clone()), sequence)
                        } else {
                            (TermBag::new(sequence), Vec::new())
                        };
                        PreparedSentence {
                            document: first + k,
                            index: s.index,
                            position,
                            text: s.text,
                            original: s.original,
                            words: s.words,
                            bag,
                            sequence,
                        }
                    })
                    .collect();
                let document = PreparedDocument {
                    source: a.source,
                    date: a.date,
                    title: a.title,
                    title_terms: Vec::new(),
                    name_terms: a.name_terms.iter().map(|&t| ids[t as usize]).collect(),
                };
                (document, a.title_terms, sentences)
            });
        for (document, title_terms, sentences) in built {
            self.prepared.documents.push(document);
            self.titles.push(title_terms);
            self.prepared.sentences.extend(sentences);
        }
        self.timings.add("term bags", true, start.elapsed());
    }

    /// The prepared sentences of every document added.
    pub fn finish(mut self) -> Prepared {
        self.flush();
        self.intern_titles();
        self.prepared.vocabulary = self.ids.len();
        self.prepared.ids = self.ids;
        self.prepared
    }

    /// Like [`Preparer::finish`], with term ids numbered in the sorted order of the terms
    /// instead of the order they were met, so that the result does not depend on the order the
    /// documents came in (apart from the order of `documents` and `sentences` themselves).
    pub fn finish_canonical(mut self) -> Prepared {
        self.flush();
        self.intern_titles();
        let mut terms: Vec<(String, u32)> = std::mem::take(&mut self.ids)
            .0
            .into_iter()
            .map(|(t, id)| (String::from(t.term), id))
            .collect();
        terms.sort_unstable();
        let mut new_id = vec![0u32; terms.len()];
        for (rank, (_, old)) in terms.iter().enumerate() {
            new_id[*old as usize] = rank as u32;
        }
        let mut prepared = self.prepared;
        let word_order = self.word_order;
        prepared.vocabulary = terms.len();
        // Each sentence on its own: on every thread (two million sentences at 100,000 articles).
        crate::par::for_each_mut(&mut prepared.sentences, |s| {
            if word_order {
                for t in &mut s.sequence {
                    *t = new_id[*t as usize];
                }
                s.bag = TermBag::new(s.sequence.clone());
            } else {
                // The same bag as the renumbered order would give: the same terms, as often.
                s.bag = TermBag::new(s.bag.occurrences().map(|t| new_id[t as usize]).collect());
            }
        });
        for d in &mut prepared.documents {
            for t in d.title_terms.iter_mut().chain(&mut d.name_terms) {
                *t = new_id[*t as usize];
            }
        }
        prepared.ids = TermIds(
            terms
                .into_iter()
                .enumerate()
                .map(|(rank, (term, _))| (HashedTerm::new(term), rank as u32))
                .collect(),
        );
        prepared
    }

    fn intern_titles(&mut self) {
        for (doc, terms) in self.prepared.documents.iter_mut().zip(&mut self.titles) {
            doc.title_terms = std::mem::take(terms)
                .into_iter()
                .map(|mut t| self.ids.number(&mut t))
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_terms_tell_apart_terms_of_one_hash() {
        // Positions are given in order of first occurrence; a second term filed under a hash
        // already taken gets a position of its own and keeps it.
        let mut local = LocalTerms::with_capacity(4);
        assert_eq!(local.id(7, "dam"), 0);
        assert_eq!(local.id(9, "flood"), 1);
        assert_eq!(local.id(7, "levee"), 2);
        assert_eq!(local.id(7, "dam"), 0);
        assert_eq!(local.id(7, "levee"), 2);
        assert_eq!(local.id(7, "river"), 3);
        assert_eq!(local.id(9, "flood"), 1);
        let terms: Vec<(u64, &str)> = local.terms.iter().map(|t| (t.hash, &*t.term)).collect();
        assert_eq!(
            terms,
            [(7, "dam"), (9, "flood"), (7, "levee"), (7, "river")]
        );
    }

    #[test]
    fn term_ids_number_terms_as_met_and_find_them_by_text() {
        let mut ids = TermIds::default();
        let words = ["flood", "river", "flood", "", "bank", "river", "x"];
        let got: Vec<u32> = words
            .iter()
            .map(|w| ids.number(&mut HashedTerm::new(w.to_string())))
            .collect();
        assert_eq!(got, [0, 1, 0, 2, 3, 1, 4]);
        assert_eq!(ids.len(), 5);
        for (w, id) in words.iter().zip(&got) {
            assert_eq!(ids.get(w), Some(*id));
        }
        assert_eq!(ids.get("rive"), None);
        // The hash is the one an `FxHashMap<String, _>` gives the term.
        let fx = BuildHasherDefault::<crate::text::FxHasher>::default();
        assert_eq!(
            HashedTerm::new("bank".into()).hash,
            std::hash::BuildHasher::hash_one(&fx, "bank")
        );
        // A new term moves into the map; a known one stays with its owner.
        let mut known = HashedTerm::new("river".into());
        assert_eq!(ids.number(&mut known), 1);
        assert_eq!(&*known.term, "river");
        let mut new = HashedTerm::new("levee".into());
        assert_eq!(ids.number(&mut new), 5);
        assert!(new.term.is_empty());
    }

    #[cfg(feature = "parallel")]
    /// Forty short documents of two sentences over a small vocabulary, each with a word only
    /// it and its neighbour have (`ward4`).
    pub(crate) fn generated_documents() -> (Vec<Document>, usize) {
        use crate::testing::XorShift;
        let words = [
            "river",
            "valley",
            "levee",
            "flood",
            "crews",
            "council",
            "barrier",
            "harbour",
            "tide",
            "storm",
            "pumps",
            "engineers",
            "mayor",
            "budget",
            "port",
            "ferry",
        ];
        let mut rng = XorShift::new(0x05EE_D1D5);
        let docs: Vec<Document> = (0..40)
            .map(|d| {
                let sentence = |rng: &mut XorShift| {
                    let mut pick = || words[rng.below(words.len())];
                    // A word no earlier document has (`ward4`), met by two documents in a row.
                    format!(
                        "The {} and the {} said that the {} would meet the {} of ward{} on Monday.",
                        pick(),
                        pick(),
                        pick(),
                        pick(),
                        d / 2
                    )
                };
                Document::new(
                    format!("{d:02}.txt"),
                    format!("{} {}", sentence(&mut rng), sentence(&mut rng)),
                )
            })
            .collect();
        (docs, words.len())
    }

    #[test]
    fn ids_follow_first_occurrence_across_batches() {
        // Batches of documents that repeat earlier batches' terms and bring new ones, some new
        // terms met twice within a batch: the ids are those of numbering every sentence term in
        // input order, whatever the batches and the thread count.
        let (docs, words) = generated_documents();
        let by_batches = |threads: usize| {
            crate::testing::in_pool(threads, || {
                let mut preparer = Preparer::new(Language::English);
                for batch in docs.chunks(7) {
                    preparer.add_batch(batch);
                }
                preparer.finish()
            })
        };
        let prepared = by_batches(1);
        // Numbered by first occurrence: each new id is the next one.
        let mut next = 0;
        for s in &prepared.sentences {
            for &id in &s.sequence {
                assert!(id <= next, "id {id} before {next}");
                if id == next {
                    next += 1;
                }
            }
        }
        assert_eq!(next as usize, prepared.vocabulary);
        assert!(prepared.vocabulary > words);
        let sequences = |p: &Prepared| {
            p.sentences
                .iter()
                .map(|s| s.sequence.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(sequences(&prepared), sequences(&by_batches(3)));
        assert_eq!(
            sequences(&prepared),
            sequences(&prepare(&docs, Language::English))
        );
    }

    #[test]
    fn without_the_word_order_the_sentences_keep_their_bags_and_the_summary() {
        // Numbered as met (`finish`) and in sorted order (`finish_canonical`), in batches: the
        // bags, ids and everything else but the order are those of the default preparer.
        let (docs, _) = generated_documents();
        for canonical in [false, true] {
            let prepared = |preparer: Preparer| {
                let mut preparer = preparer;
                for batch in docs.chunks(7) {
                    preparer.add_batch(batch);
                }
                if canonical {
                    preparer.finish_canonical()
                } else {
                    preparer.finish()
                }
            };
            let ordered = prepared(Preparer::new(Language::English));
            let mut bagged = prepared(Preparer::new(Language::English).with_word_order(false));
            assert!(bagged.sentences.iter().all(|s| s.sequence.is_empty()));
            assert!(ordered.sentences.iter().any(|s| s.sequence.len() > 1));
            let summary = |p: &Prepared| {
                super::super::summarize_prepared(p, &super::super::SummaryOptions::default())
            };
            assert_eq!(summary(&ordered), summary(&bagged));
            for (s, b) in ordered.sentences.iter().zip(&mut bagged.sentences) {
                b.sequence = s.sequence.clone();
            }
            assert_eq!(ordered, bagged, "canonical: {canonical}");
        }
    }

    #[test]
    fn concept_selection_without_the_word_order_covers_words() {
        // Without the order there are no word pairs: the words stand for them, so the concepts
        // still weigh (by default words alone weigh nothing) and the budget is filled.
        use super::super::{Budget, ConceptOptions, Selection, SummaryOptions};
        let (docs, _) = generated_documents();
        let mut preparer = Preparer::new(Language::English).with_word_order(false);
        preparer.add_batch(&docs);
        let options = SummaryOptions {
            budget: Budget::Words(60),
            selection: Selection::Concepts(ConceptOptions::default()),
            ..SummaryOptions::default()
        };
        let prepared = preparer.finish();
        let (concepts, weights) = super::super::concepts_of(&prepared, ConceptOptions::default());
        for (s, mine) in prepared.sentences.iter().zip(&concepts) {
            assert_eq!(mine.len(), s.bag.terms.len());
        }
        // Words in three documents or more weigh their document count.
        assert!(weights.iter().filter(|&&w| w >= 3.0).count() > 10);
        let summary = super::super::summarize_prepared(&prepared, &options);
        assert!(
            summary.words > 30 && summary.words <= 60,
            "{}",
            summary.words
        );
    }

    #[test]
    fn prepared_ids_are_the_terms_of_the_sentences() {
        let docs = [
            Document::new(
                "a.txt",
                "The river flooded the valley on Monday. Crews built a levee.",
            ),
            Document::new(
                "b.txt",
                "A levee held back the river. The valley stayed dry.",
            ),
        ];
        let prepared = prepare(&docs, Language::English);
        let mut seen: Vec<u32> = prepared
            .sentences
            .iter()
            .flat_map(|s| s.sequence.iter().copied())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let mut listed: Vec<u32> = prepared.ids().map(|(_, id)| id).collect();
        listed.sort_unstable();
        assert_eq!(seen, listed);
        assert_eq!(prepared.vocabulary, listed.len());
        let river = prepared.ids.get("river").expect("river is a term");
        assert!(prepared.sentences[0].sequence.contains(&river));
        assert!(prepared.sentences[2].sequence.contains(&river));
    }
}
