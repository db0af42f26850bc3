//! Document vectors for grouping: TF-IDF over each cleaned article's index terms, with the
//! headline, the lead and names weighted up, cut to the most distinctive terms and
//! L2-normalised; the candidate pairs an inverted index over those terms proposes; and each
//! document's nearest neighbours among them.

use super::GroupOptions;
use crate::summary::Prepared;
use std::ops::Range;

/// A document as `(term id, weight)` sorted by term id, of unit length (or empty).
pub(crate) type DocVector = Vec<(u32, f64)>;

/// The sentences of each document of `prepared` (sentences are stored document by document).
pub(crate) fn document_ranges(prepared: &Prepared) -> Vec<Range<usize>> {
    let mut ranges = vec![0..0; prepared.documents.len()];
    let mut start = 0;
    while start < prepared.sentences.len() {
        let d = prepared.sentences[start].document;
        let mut end = start + 1;
        while end < prepared.sentences.len() && prepared.sentences[end].document == d {
            end += 1;
        }
        ranges[d] = start..end;
        start = end;
    }
    ranges
}

/// The grouping vector of every document.
pub(crate) fn vectors(
    prepared: &Prepared,
    ranges: &[Range<usize>],
    options: &GroupOptions,
) -> Vec<DocVector> {
    // Term frequencies: every body occurrence counts 1, occurrences in the lead sentences and
    // the headline count more (news puts the event there).
    let tfs: Vec<Vec<(u32, f64)>> = crate::par::map_indices(
        prepared.documents.len(),
        || (),
        |_, d| {
            let mut weighted: Vec<(u32, f64)> = Vec::new();
            for s in &prepared.sentences[ranges[d].clone()] {
                let w = if s.index < options.lead_sentences {
                    1.0 + options.lead_weight
                } else {
                    1.0
                };
                // Every occurrence, from the term bag (the same weights as the sentence's terms
                // in order: the grouping does not need the order, which a summary alone keeps).
                weighted.extend(s.bag.occurrences().map(|t| (t, w)));
            }
            let doc = &prepared.documents[d];
            weighted.extend(doc.title_terms.iter().map(|&t| (t, options.title_weight)));
            // A name (a capitalised word within a sentence) counts again: two stories of the
            // same kind (two trials, two summits) share their vocabulary, not their names.
            if options.name_weight > 0.0 {
                weighted.extend(doc.name_terms.iter().map(|&t| (t, options.name_weight)));
            }
            weighted.sort_unstable_by_key(|&(t, _)| t);
            let mut tf: Vec<(u32, f64)> = Vec::new();
            for (t, w) in weighted {
                match tf.last_mut() {
                    Some((last, sum)) if *last == t => *sum += w,
                    _ => tf.push((t, w)),
                }
            }
            tf
        },
    );
    let mut df = vec![0u32; prepared.vocabulary];
    for tf in &tfs {
        for &(t, _) in tf {
            df[t as usize] += 1;
        }
    }
    let n = tfs.len() as f64;
    crate::par::map_items(
        &tfs,
        || (),
        |_, tf| {
            let mut v: Vec<(u32, f64)> = tf
                .iter()
                .map(|&(t, f)| {
                    let idf = ((1.0 + n) / (1.0 + df[t as usize] as f64)).ln() + options.idf_offset;
                    (t, (1.0 + f.ln()) * idf)
                })
                .collect();
            // The most distinctive terms; ties by term id (ids are canonical: sorted terms).
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(options.max_terms);
            // Summed smallest first: the norm does not depend on the order of the terms.
            let mut squares: Vec<f64> = v.iter().map(|&(_, w)| w * w).collect();
            squares.sort_unstable_by(f64::total_cmp);
            let norm = squares.iter().sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v.sort_unstable_by_key(|&(t, _)| t);
            v
        },
    )
}

/// For each document, its (at most) `options.neighbours` most similar documents with cosine at
/// least `options.edge_floor`, as edges `(i, j)` with `i < j`, sorted and each once (kept when
/// either end keeps it). Pairs come from an inverted index (all pairs are never compared) over
/// each document's `options.index_terms` most distinctive terms, those found in at most
/// `options.max_df` documents' distinctive terms, which also rank the candidates (the clustering
/// then computes exact means): a term that common has a low IDF and adds little, while its
/// postings would make the search quadratic.
pub(crate) fn edges(vectors: &[DocVector], options: &GroupOptions) -> Vec<(u32, u32)> {
    let vocabulary = vocabulary(vectors);
    let distinctive: Vec<DocVector> = vectors
        .iter()
        .map(|v| distinctive(v, options.index_terms))
        .collect();
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); vocabulary];
    for (d, v) in distinctive.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((d as u32, w));
        }
    }
    let floor = options.edge_floor;
    let rows: Vec<Vec<u32>> = crate::par::map_indices(
        vectors.len(),
        || (vec![0.0f64; vectors.len()], vec![0u32; vectors.len()]),
        |(acc, touched), i| {
            // `touched[..count]`: the documents met so far, in the order first met. Every one
            // is written at `count`, which moves on only for a first meeting: no branch on it
            // (about 6,600 documents met per document on 100,000 articles, in no order the
            // processor could predict).
            let mut count = 0;
            for &(t, w) in &distinctive[i] {
                let list = &postings[t as usize];
                if list.len() > options.max_df {
                    continue;
                }
                for &(j, wj) in list {
                    if j as usize == i {
                        continue;
                    }
                    let sum = &mut acc[j as usize];
                    touched[count] = j;
                    count += usize::from(*sum == 0.0);
                    *sum += w * wj;
                }
            }
            let mut found: Vec<(u32, f64)> = touched[..count]
                .iter()
                .map(|&j| (j, std::mem::take(&mut acc[j as usize])))
                .filter(|&(_, sim)| sim >= floor)
                .collect();
            // The `neighbours` most similar, the lower index on ties: a total order, so the
            // same ones whether all are sorted or they are only selected (the edges are a set).
            if found.len() > options.neighbours {
                if options.neighbours > 0 {
                    found.select_nth_unstable_by(options.neighbours - 1, |a, b| {
                        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
                    });
                }
                found.truncate(options.neighbours);
            }
            found.into_iter().map(|(j, _)| j).collect()
        },
    );
    let mut edges: Vec<(u32, u32)> = rows
        .iter()
        .enumerate()
        .flat_map(|(i, row)| {
            let i = i as u32;
            row.iter().map(move |&j| (i.min(j), i.max(j)))
        })
        .collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// The number of term ids `vectors` use: one more than the highest (0 without any term), the
/// length of a weight array spread over their vocabulary.
pub(crate) fn vocabulary(vectors: &[DocVector]) -> usize {
    vectors
        .iter()
        .flat_map(|v| v.iter().map(|&(t, _)| t as usize + 1))
        .max()
        .unwrap_or(0)
}

/// A document's distinctive terms: its `index_terms` heaviest (ties by term id), heaviest first.
fn distinctive(vector: &[(u32, f64)], index_terms: usize) -> DocVector {
    let mut top = vector.to_vec();
    top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(index_terms);
    top
}

/// The exact cosine of each of `edges` (the vectors are unit vectors), computed on every thread:
/// [`super::cluster::dot`] of the two ends to the bit. The edges of one first end (together when
/// the edges are sorted) read the other ends' terms against its weights spread over the
/// vocabulary: a look-up a term instead of a merge of two term lists, whose every step was a
/// branch the processor could not predict. The products are the same (the first end's weight
/// times the other's) and are added in the same order, the other end's terms ascending; the
/// terms the first end lacks add +0.0, which leaves a sum of non-negative products as it is.
pub(crate) fn cosines(vectors: &[DocVector], edges: &[(u32, u32)]) -> Vec<f64> {
    let vocabulary = vocabulary(vectors);
    // Runs of edges with the same first end.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (e, &(i, _)) in edges.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if edges[run.start].0 == i => run.end = e + 1,
            _ => runs.push(e..e + 1),
        }
    }
    let by_run = crate::par::map_items(
        &runs,
        || vec![0.0f64; vocabulary],
        |dense, run| {
            let first = &vectors[edges[run.start].0 as usize];
            for &(t, w) in first {
                dense[t as usize] = w;
            }
            let out: Vec<f64> = edges[run.clone()]
                .iter()
                .map(|&(_, j)| {
                    vectors[j as usize]
                        .iter()
                        .fold(0.0, |sum, &(t, w)| sum + dense[t as usize] * w)
                })
                .collect();
            for &(t, _) in first {
                dense[t as usize] = 0.0;
            }
            out
        },
    );
    by_run.concat()
}

/// The nearest-neighbour graph of `n` documents: each document's `k` most similar documents
/// (by `cosines`, one per edge; the lower index on ties) among those `edges` joins it to, as
/// edges `(i, j)` with `i < j`, sorted and each once (kept when either end keeps it). A subset
/// of `edges`; empty when `k` is 0.
pub(crate) fn nearest(
    n: usize,
    edges: &[(u32, u32)],
    cosines: &[f64],
    k: usize,
) -> Vec<(u32, u32)> {
    if k == 0 {
        return Vec::new();
    }
    let mut around: Vec<Vec<(f64, u32)>> = vec![Vec::new(); n];
    for (&(i, j), &sim) in edges.iter().zip(cosines) {
        around[i as usize].push((sim, j));
        around[j as usize].push((sim, i));
    }
    let mut kept: Vec<(u32, u32)> = Vec::new();
    for (i, mut list) in around.into_iter().enumerate() {
        list.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let i = i as u32;
        kept.extend(list.iter().take(k).map(|&(_, j)| (i.min(j), i.max(j))));
    }
    kept.sort_unstable();
    kept.dedup();
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosines_are_the_dot_products_to_the_bit() {
        use super::super::cluster::{dot, tests::random_vectors};
        let mut vectors = random_vectors(120, 1, 100, 3000, 21);
        vectors.extend(random_vectors(30, 1, 6, 3000, 22));
        vectors.push(Vec::new());
        let mut rng = crate::testing::XorShift::new(23);
        let n = vectors.len();
        let mut edges: Vec<(u32, u32)> = (0..3000)
            .map(|_| (rng.below(n) as u32, rng.below(n) as u32))
            .filter(|&(i, j)| i < j)
            .collect();
        // Unsorted, then sorted and each once, as `edges` gives them.
        for sorted in [false, true] {
            if sorted {
                edges.sort_unstable();
                edges.dedup();
            }
            let got = cosines(&vectors, &edges);
            assert_eq!(got.len(), edges.len());
            for (&(i, j), c) in edges.iter().zip(&got) {
                let want = dot(&vectors[i as usize], &vectors[j as usize]);
                assert_eq!(c.to_bits(), want.to_bits(), "edge ({i}, {j})");
            }
            assert!(got.iter().any(|&c| c > 0.0) && got.contains(&0.0));
        }
    }

    #[test]
    fn edges_are_each_documents_best_candidates_found_by_brute_force() {
        use super::super::cluster::tests::random_vectors;
        // Few terms, so that many pairs share some and some terms pass `max_df`.
        let vectors = random_vectors(150, 1, 40, 300, 31);
        for (neighbours, max_df, edge_floor) in [(5, 1000, 0.0), (3, 20, 0.05), (0, 1000, 0.0)] {
            let options = GroupOptions {
                neighbours,
                max_df,
                edge_floor,
                index_terms: 10,
                ..GroupOptions::default()
            };
            // Each document's distinctive terms, as `edges` picks them (the search, not the
            // picking, is what is checked here).
            let distinctive: Vec<DocVector> = vectors
                .iter()
                .map(|v| distinctive(v, options.index_terms))
                .collect();
            let df = |t: u32| {
                distinctive
                    .iter()
                    .filter(|d| d.iter().any(|x| x.0 == t))
                    .count()
            };
            let mut want = Vec::new();
            for (i, own) in distinctive.iter().enumerate() {
                // Every other document's score: its weights of i's terms, in i's order.
                let mut scored: Vec<(u32, f64)> = Vec::new();
                for (j, other) in distinctive.iter().enumerate().filter(|&(j, _)| j != i) {
                    let mut sum = 0.0;
                    let mut met = false;
                    for &(t, w) in own.iter().filter(|&&(t, _)| df(t) <= max_df) {
                        if let Some(&(_, wj)) = other.iter().find(|x| x.0 == t) {
                            sum += w * wj;
                            met = true;
                        }
                    }
                    if met && sum >= edge_floor {
                        scored.push((j as u32, sum));
                    }
                }
                scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                for &(j, _) in scored.iter().take(neighbours) {
                    want.push((i.min(j as usize) as u32, i.max(j as usize) as u32));
                }
            }
            want.sort_unstable();
            want.dedup();
            assert_eq!(
                edges(&vectors, &options),
                want,
                "{neighbours} {max_df} {edge_floor}"
            );
            assert_eq!(want.is_empty(), neighbours == 0);
        }
    }

    #[test]
    fn names_weigh_more_than_words_as_frequent() {
        use crate::corpus::Document;
        use crate::summary::Preparer;
        use crate::text::lang::Language;
        let mut preparer = Preparer::new(Language::English);
        preparer.add_batch(&[Document::new(
            "a.txt",
            "Work began at dawn. The storm barrier will shield Almsey harbour. \
             Engineers said the barrier work in Almsey would take a year.",
        )]);
        let prepared = preparer.finish_canonical();
        let id = |term: &str| prepared.ids().find(|&(t, _)| t == term).unwrap().1;
        let (almsey, barrier) = (id("almsey"), id("barrier"));
        assert_eq!(prepared.documents[0].name_terms, [almsey, almsey]);
        let ranges = document_ranges(&prepared);
        let ratio = |name_weight: f64| {
            let options = GroupOptions {
                name_weight,
                ..GroupOptions::default()
            };
            let v = &vectors(&prepared, &ranges, &options)[0];
            let w = |t: u32| v.iter().find(|x| x.0 == t).unwrap().1;
            w(almsey) / w(barrier)
        };
        // As frequent as "barrier" and as placed: the same weight, unless names count more.
        assert!((ratio(0.0) - 1.0).abs() < 1e-12, "{}", ratio(0.0));
        assert!(ratio(0.5) > 1.1, "{}", ratio(0.5));
    }

    #[test]
    fn vectors_read_from_the_bags_are_those_of_the_terms_in_order() {
        // Terms repeated within a sentence, in the lead and the body, in a headline and as
        // names: the weights a document's bags give are those its terms in order give, to the
        // bit, and a preparer that keeps only the bags groups alike.
        use crate::corpus::Document;
        use crate::summary::Preparer;
        use crate::text::lang::Language;
        let docs = [
            Document::new(
                "a.txt",
                "Barrier Work Begins In Almsey\n\nThe barrier, the harbour barrier, rose at \
                 dawn in Almsey. Engineers said the barrier would hold. The Almsey council \
                 paid for the barrier and the barrier pumps.",
            ),
            Document::new(
                "b.txt",
                "Almsey engineers tested the storm barrier. The barrier held the tide, and the \
                 council said the barrier works. Pumps ran all night in Almsey harbour.",
            ),
            Document::new(
                "c.txt",
                "The ferry to Kettle Island stopped for the storm. Kettle ferry crews waited. \
                 The island council said the ferry would sail on Monday.",
            ),
        ];
        let prepared = |preparer: Preparer| {
            let mut preparer = preparer;
            preparer.add_batch(&docs);
            preparer.finish_canonical()
        };
        let ordered = prepared(Preparer::new(Language::English));
        let bagged = prepared(Preparer::new(Language::English).with_word_order(false));
        assert!(bagged.sentences.iter().all(|s| s.sequence.is_empty()));
        let options = GroupOptions::default();
        let from_order = |p: &Prepared| {
            // The weights as the terms in order give them: every occurrence, one at a time.
            let mut copy = p.clone();
            for s in &mut copy.sentences {
                let order = std::mem::take(&mut s.sequence);
                s.bag = crate::rank::similarity::TermBag::default();
                s.bag.terms = order.iter().map(|&t| (t, 1)).collect();
            }
            vectors(&copy, &document_ranges(&copy), &options)
        };
        let bits = |vs: Vec<DocVector>| {
            vs.into_iter()
                .map(|v| {
                    v.into_iter()
                        .map(|(t, w)| (t, w.to_bits()))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        let want = bits(from_order(&ordered));
        assert!(want[0].len() > 3);
        assert_eq!(
            bits(vectors(&ordered, &document_ranges(&ordered), &options)),
            want
        );
        assert_eq!(
            bits(vectors(&bagged, &document_ranges(&bagged), &options)),
            want
        );
        let partition = |p: &Prepared| super::super::group(p, &options).expect("grouped").stories;
        assert_eq!(partition(&ordered), partition(&bagged));
        // Each story's summary numbers the terms of the bags when there is no order.
        let stories = |p: &Prepared| {
            super::super::stories(p, &super::super::StoryOptions::default()).expect("stories")
        };
        let (with, without) = (stories(&ordered), stories(&bagged));
        assert_eq!(with.len(), without.len());
        for (a, b) in with.iter().zip(&without) {
            assert_eq!(a.documents.len(), b.documents.len());
            let scores = |story: &super::super::Story| {
                let s = &story.summary.sentences;
                s.iter()
                    .map(|x| (x.text.clone(), x.score))
                    .collect::<Vec<_>>()
            };
            // The same terms, numbered in another order: the same picks, scores within rounding.
            assert_eq!(scores(a).len(), scores(b).len());
            for ((x, p), (y, q)) in scores(a).into_iter().zip(scores(b)) {
                assert_eq!(x, y);
                assert!((p - q).abs() < 1e-9, "{p} {q}");
            }
        }
    }

    #[test]
    fn nearest_keeps_each_documents_best_edges() {
        let unit = |v: &[(u32, f64)]| {
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            v.iter().map(|&(t, w)| (t, w / norm)).collect::<DocVector>()
        };
        let vectors = vec![
            unit(&[(0, 1.0), (1, 0.2)]),
            unit(&[(0, 1.0), (1, 0.3)]),
            unit(&[(0, 0.2), (1, 1.0)]),
            unit(&[(0, 0.1), (1, 1.0)]),
        ];
        let all = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)];
        // 0 and 1 are each other's nearest, so are 2 and 3.
        let near = |edges: &[(u32, u32)], k| nearest(4, edges, &cosines(&vectors, edges), k);
        assert_eq!(near(&all, 1), [(0, 1), (2, 3)]);
        // Only pairs of the candidate graph count; 0 turns the graph off.
        assert_eq!(near(&[(0, 2), (1, 3)], 1), [(0, 2), (1, 3)]);
        assert!(near(&all, 0).is_empty());
    }
}
