//! Document vectors for grouping: TF-IDF over each cleaned article's index terms, with the
//! headline and the lead weighted up, cut to the most distinctive terms and L2-normalised; and
//! the candidate pairs an inverted index over those terms proposes, with their cosine.

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
                weighted.extend(s.sequence.iter().map(|&t| (t, w)));
            }
            let title = &prepared.documents[d].title_terms;
            weighted.extend(title.iter().map(|&t| (t, options.title_weight)));
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

/// Cosine of two vectors (sorted by term id).
pub(crate) fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// For each document `i`, its neighbours `j > i` with cosine at least `options.edge_floor`,
/// sorted by `j`. Candidates are the documents sharing a term found in at most
/// `options.max_df` documents (an inverted index; all pairs are never compared); the cosine
/// of a candidate pair is then computed over all their terms.
pub(crate) fn edges(vectors: &[DocVector], options: &GroupOptions) -> Vec<Vec<(u32, f64)>> {
    let vocabulary = vectors
        .iter()
        .flat_map(|v| v.iter().map(|&(t, _)| t as usize + 1))
        .max()
        .unwrap_or(0);
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); vocabulary];
    for (d, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((d as u32, w));
        }
    }
    let floor = options.edge_floor;
    crate::par::map_indices(
        vectors.len(),
        || (vec![0.0f64; vectors.len()], Vec::<u32>::new()),
        |(acc, touched), i| {
            for &(t, w) in &vectors[i] {
                let list = &postings[t as usize];
                if list.len() > options.max_df {
                    continue;
                }
                // Postings are sorted by document: only the later ones.
                let from = list.partition_point(|&(d, _)| d as usize <= i);
                for &(j, wj) in &list[from..] {
                    if acc[j as usize] == 0.0 {
                        touched.push(j);
                    }
                    acc[j as usize] += w * wj;
                }
            }
            touched.sort_unstable();
            let mut row = Vec::new();
            for &j in touched.iter() {
                let partial = acc[j as usize];
                acc[j as usize] = 0.0;
                // The rarer terms alone already come close; the common ones may add the rest.
                if partial >= floor * 0.5 {
                    let sim = cosine(&vectors[i], &vectors[j as usize]);
                    if sim >= floor {
                        row.push((j, sim));
                    }
                }
            }
            touched.clear();
            row
        },
    )
}
