//! Sentence-similarity graphs. Sentences are bags of term ids; only pairs that share a term are
//! ever compared (an inverted index finds them), so sparse inputs never cost n² similarity calls.

use super::pagerank::CsrGraph;
use ndarray::Array2;
use std::borrow::Borrow;

/// How two sentences are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Similarity {
    /// Mihalcea and Tarau's TextRank: shared terms over `ln|a| + ln|b|`.
    Overlap,
    /// Cosine of TF-IDF vectors, IDF over the input's sentences.
    #[default]
    TfIdfCosine,
    /// BM25 of each sentence as a query against the other, averaged both ways.
    Bm25,
}

/// A sentence as its term ids with counts, sorted by term id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermBag {
    /// `(term id, count)` pairs, sorted by term id.
    pub terms: Vec<(u32, u32)>,
    /// Number of terms, repeats included.
    pub len: u32,
}

impl TermBag {
    /// Builds a bag from term ids in any order.
    pub fn new(mut ids: Vec<u32>) -> Self {
        let len = ids.len() as u32;
        ids.sort_unstable();
        // Sized exactly: a large input holds millions of bags.
        let distinct =
            ids.windows(2).filter(|w| w[0] != w[1]).count() + usize::from(!ids.is_empty());
        let mut terms: Vec<(u32, u32)> = Vec::with_capacity(distinct);
        for id in ids {
            match terms.last_mut() {
                Some((t, c)) if *t == id => *c += 1,
                _ => terms.push((id, 1)),
            }
        }
        TermBag { terms, len }
    }

    /// Every occurrence's term id, by term (each as often as it is counted): the bag's terms as
    /// [`TermBag::new`] was given them, but for their order.
    ///
    /// ```
    /// use abridge::rank::similarity::TermBag;
    /// let bag = TermBag::new(vec![7, 2, 7]);
    /// assert_eq!(bag.occurrences().collect::<Vec<_>>(), [2, 7, 7]);
    /// ```
    pub fn occurrences(&self) -> impl Iterator<Item = u32> + '_ {
        self.terms
            .iter()
            .flat_map(|&(t, count)| std::iter::repeat_n(t, count as usize))
    }
}

/// Inverse document frequencies (sentences as documents), smoothed so no weight is zero or negative.
pub fn idf<B: Borrow<TermBag> + Sync>(bags: &[B], vocabulary: usize) -> Vec<f64> {
    // Counted in blocks of sentences (in parallel), then added: whole numbers, so the same
    // whatever the blocks.
    const BLOCK: usize = 1 << 16;
    let counts: Vec<Vec<u32>> = crate::par::map_indices(
        bags.len().div_ceil(BLOCK),
        || (),
        |_, b| {
            let mut df = vec![0u32; vocabulary];
            for bag in &bags[b * BLOCK..((b + 1) * BLOCK).min(bags.len())] {
                for &(t, _) in &bag.borrow().terms {
                    if let Some(d) = df.get_mut(t as usize) {
                        *d += 1;
                    }
                }
            }
            df
        },
    );
    let mut df = vec![0u32; vocabulary];
    for block in counts {
        for (d, c) in df.iter_mut().zip(block) {
            *d += c;
        }
    }
    let n = bags.len() as f64;
    df.iter()
        .map(|&d| (1.0 + n / (1.0 + d as f64)).ln())
        .collect()
}

/// The weighted similarity graph of `bags`: symmetric, no self-loops, only positive weights.
pub struct SimilarityGraph {
    /// Per sentence, its neighbours and weights, sorted by neighbour.
    pub rows: Vec<Vec<(u32, f64)>>,
}

/// In graphs of more than [`FLOOR_FROM`] sentences, cosine similarities below this are left out:
/// pairs that share only a common word or two. PageRank then walks about a third as many edges
/// (on 100 DUC articles, 2,462 sentences: ranking 26 ms → 9 ms). Small graphs keep every edge, as
/// dropping the weak ones there isolates sentences of short articles.
const MIN_COSINE: f64 = 0.05;
/// Above this many sentences, weak cosine edges are left out of the graph (see `MIN_COSINE`).
pub(crate) const FLOOR_FROM: usize = 1500;

/// What every pair comparison needs: postings, IDF, vector norms and the average length.
struct Scorer<'b, B> {
    bags: &'b [B],
    similarity: Similarity,
    idf: Vec<f64>,
    /// Per term, the sentences holding it with the term's count there.
    postings: Vec<Vec<(u32, u32)>>,
    norms: Vec<f64>,
    average_len: f64,
    /// Weights at or below this are no edge.
    floor: f64,
}

impl<'b, B: Borrow<TermBag> + Sync> Scorer<'b, B> {
    fn new(bags: &'b [B], vocabulary: usize, similarity: Similarity) -> Self {
        let idf = idf(bags, vocabulary);
        let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); vocabulary];
        for (i, bag) in bags.iter().enumerate() {
            for &(t, c) in &bag.borrow().terms {
                if let Some(p) = postings.get_mut(t as usize) {
                    p.push((i as u32, c));
                }
            }
        }
        let norms = bags
            .iter()
            .map(|b| {
                b.borrow()
                    .terms
                    .iter()
                    .map(|&(t, c)| (c as f64 * idf[t as usize]).powi(2))
                    .sum::<f64>()
                    .sqrt()
            })
            .collect();
        let average_len =
            bags.iter().map(|b| b.borrow().len as f64).sum::<f64>() / (bags.len().max(1) as f64);
        Scorer {
            bags,
            similarity,
            idf,
            postings,
            norms,
            average_len,
            floor: match similarity {
                Similarity::TfIdfCosine if bags.len() > FLOOR_FROM => MIN_COSINE,
                _ => 0.0,
            },
        }
    }

    /// The similarities of sentence `i` to the other sentences, or with `only_after` to the
    /// sentences after it (postings are in sentence order, so those start at a binary-search
    /// point: the exact graph visits each pair once without scanning the first half of every
    /// list), found through the postings of its terms held by at most `max_df` sentences.
    /// `shared` is a zeroed scratch row as long as the input (left zeroed), `touched` an empty
    /// scratch list.
    fn row(
        &self,
        i: usize,
        only_after: bool,
        max_df: usize,
        shared: &mut [f64],
        touched: &mut Vec<u32>,
    ) -> Vec<(u32, f64)> {
        let bag = self.bags[i].borrow();
        for &(t, ci) in &bag.terms {
            let list = &self.postings[t as usize];
            if list.len() > max_df {
                continue;
            }
            let q = self.idf[t as usize];
            let from = if only_after {
                list.partition_point(|&(j, _)| j as usize <= i)
            } else {
                0
            };
            // BM25's half for sentence i is the same for every j: once per term.
            let own_bm25 = match self.similarity {
                Similarity::Bm25 => bm25_term(q, ci, bag.len, self.average_len),
                _ => 0.0,
            };
            for &(j, cj) in &list[from..] {
                if j as usize == i {
                    continue;
                }
                if shared[j as usize] == 0.0 {
                    touched.push(j);
                }
                shared[j as usize] += match self.similarity {
                    Similarity::Overlap => 1.0,
                    Similarity::TfIdfCosine => (ci as f64 * q) * (cj as f64 * q),
                    Similarity::Bm25 => {
                        let other = self.bags[j as usize].borrow();
                        bm25_term(q, cj, other.len, self.average_len) + own_bm25
                    }
                };
            }
        }
        touched.sort_unstable();
        touched
            .drain(..)
            .map(|j| {
                let s = std::mem::take(&mut shared[j as usize]);
                (j, self.finish(s, i, j as usize))
            })
            .filter(|&(_, w)| w > self.floor && w.is_finite())
            .collect()
    }

    /// The similarity from the accumulated shared-term statistic `s` of `i` and `j`.
    fn finish(&self, s: f64, i: usize, j: usize) -> f64 {
        match self.similarity {
            Similarity::Overlap => {
                let d = (self.bags[i].borrow().len as f64).ln()
                    + (self.bags[j].borrow().len as f64).ln();
                s / d.max(1.0)
            }
            Similarity::TfIdfCosine => {
                let d = self.norms[i] * self.norms[j];
                if d > 0.0 {
                    s / d
                } else {
                    0.0
                }
            }
            Similarity::Bm25 => s / 2.0,
        }
    }
}

impl SimilarityGraph {
    /// Compares every pair of sentences that share a term. `bags` may be owned or borrowed.
    pub fn build<B: Borrow<TermBag> + Sync>(
        bags: &[B],
        vocabulary: usize,
        similarity: Similarity,
    ) -> Self {
        let scorer = Scorer::new(bags, vocabulary, similarity);
        let mut rows: Vec<Vec<(u32, f64)>> = vec![Vec::new(); bags.len()];
        let mut shared = vec![0.0f64; bags.len()];
        let mut touched: Vec<u32> = Vec::new();
        for i in 0..bags.len() {
            // Each pair once, from its lower end. Rows come out sorted: row j first gets its
            // lower neighbours in increasing order, then its own (higher, sorted) ones.
            for (j, w) in scorer.row(i, true, usize::MAX, &mut shared, &mut touched) {
                rows[i].push((j, w));
                rows[j as usize].push((i as u32, w));
            }
        }
        SimilarityGraph { rows }
    }

    /// The graph for large inputs: each sentence keeps only its `top_k` most similar
    /// neighbours (edges kept when either end keeps them), and candidates come only from terms
    /// found in at most `max_df` sentences. A term that common has a low IDF and adds little to
    /// any similarity, while its postings would make the candidate search quadratic; the
    /// similarity is then computed over the rarer shared terms. Rows are built in parallel and
    /// the result does not depend on the number of threads.
    pub fn build_sparse<B: Borrow<TermBag> + Sync>(
        bags: &[B],
        vocabulary: usize,
        similarity: Similarity,
        top_k: usize,
        max_df: usize,
    ) -> Self {
        let scorer = Scorer::new(bags, vocabulary, similarity);
        let by_weight = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let kept: Vec<Vec<(u32, f64)>> = crate::par::map_indices(
            bags.len(),
            || (vec![0.0f64; bags.len()], Vec::<u32>::new()),
            |(shared, touched), i| {
                let mut row = scorer.row(i, false, max_df, shared, touched);
                if row.len() > top_k {
                    row.select_nth_unstable_by(top_k, by_weight);
                    row.truncate(top_k);
                }
                // Give back the candidates' memory: only the kept neighbours stay.
                row.shrink_to_fit();
                row
            },
        );
        // An edge stays when either end keeps it: each row gets the edges kept towards it.
        let mut reverse: Vec<Vec<(u32, f64)>> = vec![Vec::new(); kept.len()];
        for (i, row) in kept.iter().enumerate() {
            for &(j, w) in row {
                reverse[j as usize].push((i as u32, w));
            }
        }
        let mut rows = kept;
        crate::par::zip_for_each(&mut rows, reverse, |row, towards| {
            row.extend(towards);
            row.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            row.dedup_by_key(|e| e.0);
        });
        SimilarityGraph { rows }
    }

    /// Number of nodes (sentences).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the graph has no node.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Weight between `i` and `j` (0 when they share nothing).
    pub fn weight(&self, i: usize, j: usize) -> f64 {
        self.rows
            .get(i)
            .and_then(|row| {
                row.binary_search_by_key(&(j as u32), |&(k, _)| k)
                    .ok()
                    .map(|k| row[k].1)
            })
            .unwrap_or(0.0)
    }

    /// The same graph keeping only edges of weight at least `threshold` (LexRank's thresholded
    /// graph; with `binary`, kept edges weigh 1).
    pub fn thresholded(&self, threshold: f64, binary: bool) -> SimilarityGraph {
        SimilarityGraph {
            rows: self
                .rows
                .iter()
                .map(|row| {
                    row.iter()
                        .filter(|&&(_, w)| w >= threshold)
                        .map(|&(j, w)| (j, if binary { 1.0 } else { w }))
                        .collect()
                })
                .collect(),
        }
    }

    /// Dense ndarray form.
    pub fn to_dense(&self) -> Array2<f64> {
        let n = self.rows.len();
        let mut m = Array2::zeros((n, n));
        for (i, row) in self.rows.iter().enumerate() {
            for &(j, w) in row {
                m[[i, j as usize]] = w;
            }
        }
        m
    }

    /// Compressed sparse row form.
    pub fn to_csr(&self) -> CsrGraph {
        CsrGraph::from_rows(&self.rows)
    }
}

const BM25_K1: f64 = 1.2;
const BM25_B: f64 = 0.75;

fn bm25_term(idf: f64, count: u32, len: u32, average_len: f64) -> f64 {
    let tf = count as f64;
    let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * len as f64 / average_len.max(1e-9));
    idf * tf * (BM25_K1 + 1.0) / (tf + norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bags() -> Vec<TermBag> {
        vec![
            TermBag::new(vec![0, 1, 2]),
            TermBag::new(vec![0, 1, 3]),
            TermBag::new(vec![4, 5]),
            TermBag::new(vec![0, 1, 2]),
        ]
    }

    #[test]
    fn overlap_counts_shared_terms_over_log_lengths() {
        let g = SimilarityGraph::build(&bags(), 6, Similarity::Overlap);
        let expected = 2.0 / (3f64.ln() * 2.0);
        assert!((g.weight(0, 1) - expected).abs() < 1e-12);
        assert_eq!(g.weight(0, 2), 0.0);
        assert_eq!(g.weight(1, 0), g.weight(0, 1));
    }

    #[test]
    fn cosine_of_identical_sentences_is_one() {
        let g = SimilarityGraph::build(&bags(), 6, Similarity::TfIdfCosine);
        assert!((g.weight(0, 3) - 1.0).abs() < 1e-12);
        assert!(g.weight(0, 1) > 0.0 && g.weight(0, 1) < 1.0);
        assert!(g.rows[2].is_empty(), "no shared term, no edge");
    }

    #[test]
    fn bm25_is_symmetric_and_positive_for_shared_terms() {
        let g = SimilarityGraph::build(&bags(), 6, Similarity::Bm25);
        assert!(g.weight(0, 1) > 0.0);
        assert_eq!(g.weight(0, 1), g.weight(1, 0));
        assert_eq!(g.weight(0, 2), 0.0);
    }

    #[test]
    fn sparse_graph_keeps_the_strongest_neighbours() {
        let exact = SimilarityGraph::build(&bags(), 6, Similarity::TfIdfCosine);
        let all = SimilarityGraph::build_sparse(&bags(), 6, Similarity::TfIdfCosine, 10, 10);
        assert_eq!(all.rows, exact.rows, "no pruning: the same graph");
        let top1 = SimilarityGraph::build_sparse(&bags(), 6, Similarity::TfIdfCosine, 1, 10);
        // Sentence 0's best neighbour is its copy 3; 1 keeps its best (0 or 3) and edges are
        // kept when either end keeps them.
        assert!(top1.weight(0, 3) > 0.99);
        assert!(top1
            .rows
            .iter()
            .all(|r| !r.is_empty() || top1.rows.len() == 4));
        for (i, row) in top1.rows.iter().enumerate() {
            for &(j, w) in row {
                assert_eq!(top1.weight(j as usize, i), w, "symmetric");
            }
        }
    }

    #[test]
    fn threshold_and_dense_forms() {
        let g = SimilarityGraph::build(&bags(), 6, Similarity::TfIdfCosine);
        let t = g.thresholded(0.99, true);
        assert_eq!(t.rows[0], vec![(3, 1.0)]);
        let d = g.to_dense();
        assert_eq!(d[[0, 3]], g.weight(0, 3));
        assert_eq!(d[[2, 2]], 0.0);
    }
}
