//! Stories: a mixed collection of articles grouped into stories (articles reporting the same
//! event or development), each summarised on its own.
//!
//! Grouping (docs/stories.md has the figures):
//! 1. every cleaned article becomes a TF-IDF vector of its index terms (IDF over the input's
//!    documents), headline, lead sentences and names (capitalised words within a sentence)
//!    weighted up, cut to its most distinctive terms;
//! 2. candidate pairs come from an inverted index over those terms (terms in more than
//!    [`GroupOptions::max_df`] documents propose none), so all pairs are never compared; each
//!    document's [`GroupOptions::nearest`] most similar candidates form a sparser graph;
//! 3. average-link agglomerative clustering over that sparse cosine graph merges clusters while
//!    their mean pairwise similarity reaches [`DEFAULT_THRESHOLD`]; no cluster count is needed.
//!    Below twice the threshold a merge also needs the nearest-neighbour graph to join the two
//!    clusters ([`GroupOptions::gate`]), so related stories that share their actors stay apart;
//! 4. a document left alone joins its closest story when the mean reaches
//!    [`GroupOptions::attach`].
//!
//! Each story is then summarised with [`crate::summary`], republished copies (articles whose
//! sentences mostly repeat an earlier article of the story) counted once.
//!
//! ```
//! use abridge::corpus::Document;
//! use abridge::stories::{stories_of, StoryOptions};
//! let doc = |name: &str, text: &str| Document { source: name.into(), text: text.into() };
//! let docs = [
//!     doc("a.txt", "The Almsey council approved the tidal barrier on Tuesday. The barrier will cost 412 million pounds."),
//!     doc("b.txt", "Almsey councillors approved a tidal barrier for the port on Tuesday. The barrier cost worried harbour businesses."),
//!     doc("c.txt", "The Kestrel rocket launch was scrubbed after a valve fault. Engineers will inspect the Kestrel valve."),
//! ];
//! let stories = stories_of(&docs, &StoryOptions::default()).unwrap();
//! assert_eq!(stories.len(), 2);
//! assert_eq!(stories[0].documents.len(), 2);
//! assert_eq!(stories[1].documents[0].source, "c.txt");
//! ```

mod cluster;
mod vectors;

use crate::article::Date;
use crate::corpus::Document;
use crate::rank::similarity::TermBag;
use crate::summary::{
    Prepared, PreparedSentence, Preparer, Summarizer, SummaryOptions, SummarySentence,
};
use crate::{Error, Timings};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::time::Instant;

/// Mean pairwise cosine at which two clusters of articles merge into one story, chosen once on
/// the DUC 2004 development topics (docs/stories.md: cross-validated with the name weight and the
/// merge gate, over thresholds the test fixtures and the generated feed allow) and never tuned
/// per input.
pub const DEFAULT_THRESHOLD: f64 = 0.12;

/// Mean cosine at which a document the clustering left alone joins its closest story: chosen on
/// two folders (docs/stories.md): on the DUC 2004 development mix every level from 0.03 to 0.1
/// gives B-cubed F1 0.907-0.912, while on the generated feed of 10,000 articles, where most
/// stories are one article, 0.05 attached lone articles to stories sharing only common words
/// (F1 0.941) and 0.1 keeps them apart (0.980).
pub const DEFAULT_ATTACH: f64 = 0.1;

/// How articles are grouped into stories.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct GroupOptions {
    /// Mean pairwise cosine at which clusters merge (0 < threshold ≤ 1).
    pub threshold: f64,
    /// Weight of a headline term occurrence (a body occurrence weighs 1).
    pub title_weight: f64,
    /// Extra weight of a term occurrence in the lead sentences.
    pub lead_weight: f64,
    /// How many first sentences of the body are the lead.
    pub lead_sentences: usize,
    /// Terms kept per document (the highest TF-IDF weights).
    pub max_terms: usize,
    /// Candidate pairs less similar than this (over the terms that propose pairs) are not edges
    /// of the graph.
    pub edge_floor: f64,
    /// Edges kept per document: its most similar candidates.
    pub neighbours: usize,
    /// Terms per document that propose candidate pairs (its heaviest).
    pub index_terms: usize,
    /// Terms found in more documents than this propose no candidate pairs (they still count in
    /// the similarity of pairs found through other terms).
    pub max_df: usize,
    /// Added to every IDF, `ln((1 + n) / (1 + df))`.
    pub idf_offset: f64,
    /// A document left alone by the clustering joins the story it is closest to (mean cosine
    /// with the story's documents) when that mean reaches this; 0 turns the pass off.
    pub attach: f64,
    /// Weight of a name occurrence (a capitalised word within a sentence,
    /// [`crate::text::lang::Terms::names_of`]), added to the word's own weight.
    pub name_weight: f64,
    /// Nearest neighbours per document in the graph the merge gate reads (the most similar of
    /// its candidate pairs); 0 turns the gate off.
    pub nearest: usize,
    /// Two clusters merge only when the nearest-neighbour graph joins them by at least this many
    /// edges per document of the smaller one; 0 turns the gate off.
    pub gate: f64,
    /// Clusters whose mean reaches this many times the threshold merge without the gate.
    pub sure: f64,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            threshold: DEFAULT_THRESHOLD,
            title_weight: 2.0,
            lead_weight: 1.0,
            lead_sentences: 2,
            max_terms: 100,
            edge_floor: 0.02,
            neighbours: 30,
            index_terms: 30,
            max_df: 1000,
            idf_offset: 1.0,
            attach: DEFAULT_ATTACH,
            name_weight: 0.5,
            nearest: 4,
            gate: 0.5,
            sure: 2.0,
        }
    }
}

/// Everything that shapes `abridge stories`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct StoryOptions {
    /// How the documents are grouped.
    pub group: GroupOptions,
    /// The summary of each story.
    pub summary: SummaryOptions,
    /// A document whose sentences are at least this fraction repeats of sentences of an earlier
    /// document of its story is a republished copy: it stays in the story but is left out of
    /// its summary.
    pub copy_overlap: f64,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            group: GroupOptions::default(),
            summary: SummaryOptions::default(),
            copy_overlap: 0.8,
        }
    }
}

impl StoryOptions {
    /// The options of `abridge stories`' flags: the summary budget (`--words`/`--sentences`/
    /// `--ratio`), `--truncate`, `--order`, `--lang` and `--threshold` (`None`: the default).
    /// Refused with the command line's message when a value is out of range. The command and the
    /// Python package both build their options here. The selection is the one
    /// [`crate::summary::SelectionKind::Auto`] makes for the budget.
    ///
    /// ```
    /// use abridge::stories::StoryOptions;
    /// use abridge::summary::{Budget, Order};
    /// use abridge::text::lang::Language;
    /// let err = StoryOptions::from_flags(Budget::Words(0), false, Order::Source, Language::English, None);
    /// assert_eq!(err.unwrap_err().to_string(), "the budget must be at least 1");
    /// ```
    pub fn from_flags(
        budget: crate::summary::Budget,
        truncate: bool,
        order: crate::summary::Order,
        language: crate::text::lang::Language,
        threshold: Option<f64>,
    ) -> Result<StoryOptions, Error> {
        let mut options = StoryOptions::default();
        let threshold = threshold.unwrap_or(options.group.threshold);
        options.group.threshold = threshold;
        options.group.edge_floor = options.group.edge_floor.min(threshold.max(0.0));
        options.summary = SummaryOptions::default()
            .with_budget(budget)
            .with_truncate(truncate)
            .with_order(order)
            .with_language(language);
        // Each story's summary picks sentences as `summarize --selection auto` does for its
        // budget (concept coverage from 200 words on).
        if crate::summary::SelectionKind::Auto.for_budget(budget)
            == crate::summary::SelectionKind::Concepts
        {
            options.summary = options
                .summary
                .with_selection(crate::summary::Selection::Concepts(Default::default()));
        }
        // Checked before any input is read: the summary's checks, then the grouping's.
        options.summary.validate()?;
        group(&Prepared::default(), &options.group)?;
        Ok(options)
    }
}

/// The documents of `prepared` grouped into stories.
#[derive(Debug, Clone, PartialEq)]
pub struct Grouping {
    /// Each story's documents (indices into `prepared.documents`): stories by size (largest
    /// first), then earliest date (undated last), then first source; documents by date (undated
    /// last), then source.
    pub stories: Vec<Vec<usize>>,
    /// Per document: its mean cosine with the other documents of its story (1 when alone).
    pub similarity: Vec<f64>,
}

/// Groups the documents of `prepared` into stories. Every document is in exactly one story.
/// The partition depends only on the set of documents when `prepared` comes from
/// [`Preparer::finish_canonical`] (and their sources differ).
pub fn group(prepared: &Prepared, options: &GroupOptions) -> Result<Grouping, Error> {
    group_timed(prepared, options, &mut Timings::new(), None)
}

/// [`group`], adding the wall time of its stages to `timings`: `story vectors` (each document's
/// vector), `story pairs` (the candidate pairs from the inverted index), `story cosines` (their
/// cosines and the nearest neighbours), all on every thread, `story clusters` (the average-link
/// clustering: one thread) and `story members` (lone documents attached to stories, each
/// member's similarity within its story, the stories' order: mostly on every thread). With
/// `beside` (what the grouping runs beside), the last two are one `story clusters` stage beside
/// it.
pub fn group_timed(
    prepared: &Prepared,
    options: &GroupOptions,
    timings: &mut Timings,
    beside: Option<&'static str>,
) -> Result<Grouping, Error> {
    if !(options.threshold > 0.0 && options.threshold <= 1.0) {
        return Err(Error::option(
            "--threshold",
            format!("--threshold must be in (0, 1], got {}", options.threshold),
        ));
    }
    if !(options.edge_floor >= 0.0 && options.edge_floor <= options.threshold) {
        return Err(Error::option(
            "edge_floor",
            format!(
                "the edge floor must be in [0, threshold], got {}",
                options.edge_floor
            ),
        ));
    }
    let n = prepared.documents.len();
    // Work in the order of sources, so that input order never matters (one thread: counted
    // with the clustering).
    let sorting = Instant::now();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        prepared.documents[a]
            .source
            .cmp(&prepared.documents[b].source)
    });
    let sorting = sorting.elapsed();
    let sorted: Vec<vectors::DocVector> = timings.time("story vectors", true, || {
        let ranges = vectors::document_ranges(prepared);
        let mut all = vectors::vectors(prepared, &ranges, options);
        order.iter().map(|&d| std::mem::take(&mut all[d])).collect()
    });
    let edges = timings.time("story pairs", true, || vectors::edges(&sorted, options));
    let gate = if options.nearest == 0 {
        0.0
    } else {
        options.gate
    };
    let (cosines, nearest) = timings.time("story cosines", true, || {
        let cosines = vectors::cosines(&sorted, &edges);
        let nearest = if gate > 0.0 {
            vectors::nearest(sorted.len(), &edges, &cosines, options.nearest)
        } else {
            Vec::new()
        };
        (cosines, nearest)
    });
    let start = Instant::now();
    let mut labels = cluster::average_link(
        sorted.clone(),
        &edges,
        &cosines,
        options.threshold,
        options.edge_floor,
        cluster::Gate {
            nearest: &nearest,
            per_document: gate,
            sure: options.sure * options.threshold,
        },
    );
    let clustering = start.elapsed() + sorting;
    let start = Instant::now();
    attach_singletons(&sorted, &edges, &mut labels, options.attach);
    // Members per cluster, and each member's summed similarity within its cluster.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (rank, &label) in labels.iter().enumerate() {
        members.entry(label).or_default().push(order[rank]);
    }
    // Each member's mean cosine with the others: its vector against the sum of its story's.
    let sums = cluster::sums_by_label(&sorted, &labels, |_| true);
    let within_by_rank: Vec<f64> = crate::par::map_indices(
        sorted.len(),
        || (),
        |_, rank| {
            let v = &sorted[rank];
            (cluster::dot(v, &sums[&labels[rank]]) - cluster::dot(v, v)).max(0.0)
        },
    );
    let mut within = vec![0.0f64; n];
    for (rank, w) in within_by_rank.into_iter().enumerate() {
        within[order[rank]] = w;
    }
    let docs = &prepared.documents;
    let doc_key = |&d: &usize| {
        (
            docs[d].date.is_none(),
            docs[d].date,
            docs[d].source.clone(),
            d,
        )
    };
    let mut stories: Vec<Vec<usize>> = members.into_values().collect();
    for story in &mut stories {
        story.sort_by_key(doc_key);
    }
    stories.sort_by_key(|s| (std::cmp::Reverse(s.len()), doc_key(&s[0])));
    let mut similarity = vec![1.0; n];
    for story in &stories {
        if story.len() > 1 {
            for &d in story {
                similarity[d] = within[d] / (story.len() - 1) as f64;
            }
        }
    }
    // The members' part is mostly on every thread; beside other work it is counted with the
    // clustering, so that the stages beside nothing still add up to the wall time.
    match beside {
        Some(work) => timings.add_beside("story clusters", work, clustering + start.elapsed()),
        None => {
            timings.add("story clusters", false, clustering);
            timings.add("story members", true, start.elapsed());
        }
    }
    Ok(Grouping {
        stories,
        similarity,
    })
}

/// One document of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryDocument {
    /// The document's source, as the input gave it.
    pub source: String,
    /// Its headline, when the cleaned article has one.
    pub title: Option<String>,
    /// The publication date, when the article gives one.
    pub date: Option<Date>,
    /// Mean cosine with the other documents of the story (1 for a story of one document),
    /// rounded to 6 decimals.
    pub similarity: f64,
}

/// A story's summary: the sentences with their provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    /// Words in all the summary's sentences.
    pub words: usize,
    /// The summary's sentences, with their provenance.
    pub sentences: Vec<SummarySentence>,
}

/// A story: its documents and its summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// 1 for the first (largest) story, and so on.
    pub id: usize,
    /// The headline (or, without one, the lead sentence) of the story's most central document.
    pub title: String,
    /// First and last date of its documents, when any is dated.
    pub dates: Option<[Date; 2]>,
    /// Its documents, by date (undated last), then source.
    pub documents: Vec<StoryDocument>,
    /// The summary of its documents (republished copies left out).
    pub summary: StorySummary,
    /// With a question ([`stories_toward`]): how relevant the story is to it, the highest
    /// relevance of any of its sentences (TF-IDF cosine, 0 to 1, rounded to 6 decimals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relevance: Option<f64>,
}

/// Cleans, groups and summarises `documents` (the library's entry point; the CLI prepares in
/// batches with [`Preparer::finish_canonical`] and calls [`stories`]).
pub fn stories_of(documents: &[Document], options: &StoryOptions) -> Result<Vec<Story>, Error> {
    let mut preparer =
        Preparer::new(options.summary.language).with_compression(options.summary.compression);
    preparer.add_batch(documents);
    stories(&preparer.finish_canonical(), options)
}

/// Groups the prepared documents into stories and summarises each.
pub fn stories(prepared: &Prepared, options: &StoryOptions) -> Result<Vec<Story>, Error> {
    stories_timed(prepared, options, None, &mut Timings::new())
}

/// [`stories`], or [`stories_toward`] the `query` when there is one, adding the wall time of
/// its stages to `timings`: those of [`group_timed`], then, with a query, `relevance` (every
/// thread), then `story summaries` (every thread) and `story titles` (one thread).
pub fn stories_timed(
    prepared: &Prepared,
    options: &StoryOptions,
    query: Option<&str>,
    timings: &mut Timings,
) -> Result<Vec<Story>, Error> {
    let summarizer = Summarizer::new(options.summary)?;
    let summarizer = match query {
        Some(query) => summarizer.with_query(query)?,
        None => summarizer,
    };
    stories_with(prepared, options, &summarizer, timings)
}

/// [`stories`] toward a question ("what does this feed say about X"): the stories most relevant
/// to it come first (by the highest relevance of any of their sentences; stories equally
/// relevant, such as those with no word of the question, keep the usual order), each is
/// summarised toward it (see [`Summarizer::with_query`]), and each reports its `relevance`.
/// Refused, as [`Summarizer::with_query`] refuses, when the question has no content word.
///
/// ```
/// use abridge::corpus::Document;
/// use abridge::stories::{stories_toward, StoryOptions};
/// use abridge::summary::Preparer;
/// use abridge::text::lang::Language;
/// let doc = |name: &str, text: &str| Document::new(name, text);
/// let mut preparer = Preparer::new(Language::English);
/// preparer.add_batch(&[
///     doc("a.txt", "The Almsey council approved the tidal barrier on Tuesday. The barrier will cost 412 million pounds."),
///     doc("b.txt", "Almsey councillors approved a tidal barrier for the port on Tuesday. The barrier cost worried harbour businesses."),
///     doc("c.txt", "The Kestrel rocket launch was scrubbed after a valve fault. Engineers will inspect the Kestrel valve."),
/// ]);
/// let prepared = preparer.finish_canonical();
/// let stories = stories_toward(&prepared, &StoryOptions::default(), "rocket launch delays")?;
/// assert_eq!(stories[0].documents[0].source, "c.txt");
/// assert!(stories[0].relevance.unwrap() > stories[1].relevance.unwrap());
/// # Ok::<(), abridge::Error>(())
/// ```
pub fn stories_toward(
    prepared: &Prepared,
    options: &StoryOptions,
    query: &str,
) -> Result<Vec<Story>, Error> {
    stories_timed(prepared, options, Some(query), &mut Timings::new())
}

fn stories_with(
    prepared: &Prepared,
    options: &StoryOptions,
    summarizer: &Summarizer,
    timings: &mut Timings,
) -> Result<Vec<Story>, Error> {
    let mut grouping = group_timed(prepared, &options.group, timings, None)?;
    let ranges = vectors::document_ranges(prepared);
    let start = Instant::now();
    let relevance: Option<Vec<f64>> = summarizer.relevance(prepared).map(|sentences| {
        let story_relevance = |members: &Vec<usize>| {
            members
                .iter()
                .flat_map(|&d| sentences[ranges[d].clone()].iter().copied())
                .fold(0.0f64, f64::max)
        };
        let mut scored: Vec<(f64, Vec<usize>)> = std::mem::take(&mut grouping.stories)
            .into_iter()
            .map(|members| ((story_relevance(&members) * 1e6).round() / 1e6, members))
            .collect();
        // Stable: equally relevant stories keep the order by size, date and source.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (relevance, stories) = scored.into_iter().unzip();
        grouping.stories = stories;
        relevance
    });
    if relevance.is_some() {
        timings.add("relevance", true, start.elapsed());
    }
    // Term ids back to terms, for reading the question in each story's own ids.
    let terms_by_id: Option<Vec<&str>> = relevance.as_ref().map(|_| {
        let mut by_id = vec![""; prepared.vocabulary];
        for (term, id) in prepared.ids() {
            if let Some(slot) = by_id.get_mut(id as usize) {
                *slot = term;
            }
        }
        by_id
    });
    let summaries: Vec<StorySummary> = timings.time("story summaries", true, || {
        crate::par::map_indices(
            grouping.stories.len(),
            || (),
            |_, s| {
                summarize_story(
                    prepared,
                    &ranges,
                    &grouping.stories[s],
                    options,
                    summarizer,
                    terms_by_id.as_deref(),
                )
            },
        )
    });
    let start = Instant::now();
    let stories = grouping
        .stories
        .iter()
        .zip(summaries)
        .enumerate()
        .map(|(i, (members, summary))| {
            let docs = &prepared.documents;
            // The most central document: highest mean similarity, the first one on ties.
            let central = members
                .iter()
                .copied()
                .reduce(|best, d| {
                    if grouping.similarity[d] > grouping.similarity[best] {
                        d
                    } else {
                        best
                    }
                })
                .unwrap_or(0);
            let title = docs[central]
                .title
                .clone()
                .or_else(|| {
                    prepared.sentences[ranges[central].clone()]
                        .first()
                        .map(|s| s.text.clone())
                })
                .unwrap_or_else(|| docs[central].source.clone());
            let dated: Vec<Date> = members.iter().filter_map(|&d| docs[d].date).collect();
            let dates = match (dated.iter().min(), dated.iter().max()) {
                (Some(&first), Some(&last)) => Some([first, last]),
                _ => None,
            };
            Story {
                id: i + 1,
                title,
                dates,
                documents: members
                    .iter()
                    .map(|&d| StoryDocument {
                        source: docs[d].source.clone(),
                        title: docs[d].title.clone(),
                        date: docs[d].date,
                        similarity: (grouping.similarity[d] * 1e6).round() / 1e6,
                    })
                    .collect(),
                summary,
                relevance: relevance.as_ref().map(|r| r[i]),
            }
        })
        .collect();
    timings.add("story titles", false, start.elapsed());
    Ok(stories)
}

/// The summary of one story over its documents, republished copies left out.
fn summarize_story(
    prepared: &Prepared,
    ranges: &[Range<usize>],
    members: &[usize],
    options: &StoryOptions,
    summarizer: &Summarizer,
    terms_by_id: Option<&[&str]>,
) -> StorySummary {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut sub = Prepared::default();
    let mut local: HashMap<u32, u32> = HashMap::new();
    for &d in members {
        let sentences = &prepared.sentences[ranges[d].clone()];
        let repeats = sentences
            .iter()
            .filter(|s| seen.contains(s.text.as_str()))
            .count();
        if !sentences.is_empty() && repeats as f64 >= options.copy_overlap * sentences.len() as f64
        {
            continue;
        }
        seen.extend(sentences.iter().map(|s| s.text.as_str()));
        let doc = sub.documents.len();
        sub.documents.push(prepared.documents[d].clone());
        for s in sentences {
            // The story's own ids, numbered as its terms occur; a sentence prepared without the
            // word order (`Preparer::with_word_order`) gives its bag's terms instead, and
            // stays without one.
            let in_order = !s.sequence.is_empty();
            let mut number = |t: u32| {
                let next = local.len() as u32;
                *local.entry(t).or_insert(next)
            };
            let sequence: Vec<u32> = if in_order {
                s.sequence.iter().map(|&t| number(t)).collect()
            } else {
                s.bag.occurrences().map(number).collect()
            };
            sub.sentences.push(PreparedSentence {
                document: doc,
                index: s.index,
                position: s.position,
                text: s.text.clone(),
                original: s.original.clone(),
                words: s.words,
                bag: TermBag::new(sequence.clone()),
                sequence: if in_order { sequence } else { Vec::new() },
            });
        }
    }
    sub.vocabulary = local.len();
    if let Some(terms) = terms_by_id {
        sub.set_ids(
            local.iter().filter_map(|(&global, &mine)| {
                Some((terms.get(global as usize)?.to_string(), mine))
            }),
        );
    }
    let summary = summarizer.summarize_prepared(&sub);
    StorySummary {
        words: summary.words,
        sentences: summary.sentences,
    }
}

/// Documents the average link left alone: each joins the story (of two or more documents) with
/// the highest mean cosine to it, among the stories of its graph neighbours, when that mean
/// reaches `attach`. Decided against the stories as clustered (a document attached here does
/// not draw others), so the order of the documents does not matter.
fn attach_singletons(
    vectors: &[vectors::DocVector],
    edges: &[(u32, u32)],
    labels: &mut [usize],
    attach: f64,
) {
    if attach <= 0.0 {
        return;
    }
    let n = labels.len();
    // Labels are item indices: sizes by label in a plain array.
    let mut size = vec![0usize; n];
    for &l in labels.iter() {
        size[l] += 1;
    }
    let sums = cluster::sums_by_label(vectors, labels, |i| size[labels[i]] > 1);
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(i, j) in edges {
        neighbours[i as usize].push(j as usize);
        neighbours[j as usize].push(i as usize);
    }
    let before: &[usize] = labels;
    // Each lone document's story, decided on every thread (against the stories as clustered).
    let attached: Vec<Option<usize>> = crate::par::map_indices(n, Vec::new, |candidates, i| {
        if size[before[i]] != 1 {
            return None;
        }
        let mut best: Option<(f64, usize)> = None;
        candidates.clear();
        candidates.extend(
            neighbours[i]
                .iter()
                .map(|&j| before[j])
                .filter(|&l| size[l] > 1),
        );
        candidates.sort_unstable();
        candidates.dedup();
        for &l in candidates.iter() {
            let mean = cluster::dot(&vectors[i], &sums[&l]) / size[l] as f64;
            if mean >= attach && best.is_none_or(|(b, bl)| mean > b || (mean == b && l < bl)) {
                best = Some((mean, l));
            }
        }
        best.map(|(_, l)| l)
    });
    for (label, attached) in labels.iter_mut().zip(attached) {
        if let Some(l) = attached {
            *label = l;
        }
    }
}
