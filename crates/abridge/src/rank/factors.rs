//! The complete TF-IDF cosine graph without its edges: sentence `i` and `j` are joined by
//! `w_ij = v_i · v_j` (unit TF-IDF vectors, `i ≠ j`), so the matrix is `V Vᵀ` less its diagonal,
//! and PageRank needs only products with it: `W x = V (Vᵀ x) − diag(v_i · v_i) x`, two passes
//! over the sentences' terms. That is the exact graph's PageRank in time and memory linear in the
//! input, where materialising every pair is quadratic, and where a sparse top-k graph drops the
//! many weak edges that make up most of a sentence's centrality (the sparse graph cost 0.7–0.8
//! ROUGE-1 on the DUC topics; docs/evaluation.md).

use super::pagerank::WeightGraph;
use super::similarity::{idf, TermBag};
use ndarray::{Array1, ArrayViewMut1, Axis};

/// Unit TF-IDF vectors of the sentences, as a [`WeightGraph`] of their pairwise cosines.
///
/// The vectors are read from the sentences' term bags, which it borrows, and held a second time
/// by term (sentence and count: 5 bytes an entry), each weight computed when read, by the same
/// arithmetic (`count × idf / norm`) every time, so it is the same to the bit. The product
/// `Vᵀ x` gathers each term's total over its sentences instead of scattering every sentence into
/// a shared vector: both halves of `W x` split over threads, and each total adds the same values
/// in the same order (sentences ascending) as a one-thread scatter: the scores do not depend on
/// the thread count.
#[derive(Debug, Clone, PartialEq)]
pub struct CosineFactors<'a> {
    bags: Vec<&'a TermBag>,
    idf: Vec<f64>,
    /// Per sentence, the norm of its TF-IDF vector; 0 for a sentence left out (no term, or no
    /// finite norm).
    norm: Vec<f64>,
    /// Term `t`'s (sentence, count) pairs are `term_sentences/term_counts[term_start[t]..term_start[t + 1]]`,
    /// by sentence.
    term_start: Vec<usize>,
    term_sentences: Vec<u32>,
    /// Each entry's count in one byte, or [`COUNTED_APART`] for a count above 255, kept in
    /// `large_counts`: a term is almost always once in its sentence, and four bytes for its count
    /// were 70 MB of 100,000 articles' peak memory.
    term_counts: Vec<u8>,
    /// `(entry, count)` of the counts above 255, by entry.
    large_counts: Vec<(usize, u32)>,
    /// Term blocks of about [`CHUNK`] entries each, the tasks of the gather: terms are numbered
    /// as first met, so the common ones (the long columns) crowd the low ids, and blocks of a
    /// fixed number of terms left one task with most of the work (16 threads ranked only 1.4×
    /// faster than one).
    term_blocks: Vec<usize>,
    vocabulary: usize,
    /// `v_i · v_i`: 1, or 0 for a sentence with no term (the diagonal taken out).
    own: Vec<f64>,
    /// The weights, worked out once, when they fit in [`STORED_WEIGHTS_BYTES`]: each product
    /// of PageRank otherwise divides twice per entry.
    stored: Option<StoredWeights>,
}

/// Every entry's weight, computed once by the arithmetic of [`CosineFactors::weight`] (so the
/// same to the bit), in both orders: by term (beside `term_sentences`) and by sentence (sentence
/// `i`'s in `by_sentence[row_start[i]..row_start[i + 1]]`, in the order of its bag's terms).
/// `row_terms` repeats the bags' terms (those below the vocabulary, of sentences with a norm)
/// side by side with their weights: read from the bags instead, the rank stage of 10,000
/// articles took 0.75 s instead of 0.59 s.
#[derive(Debug, Clone, PartialEq)]
struct StoredWeights {
    by_term: Vec<f64>,
    row_start: Vec<usize>,
    row_terms: Vec<u32>,
    by_sentence: Vec<f64>,
}

/// Most bytes the stored weights may take (20 an entry: about 3.4 million entries, the sentences
/// of some 15,000 news articles). A larger input computes each weight when it reads it, as
/// before, so that memory stays what it was where it matters most (100,000 articles in 1 GB).
const STORED_WEIGHTS_BYTES: usize = 64 << 20;

/// The byte of [`CosineFactors::term_counts`] that sends the reader to `large_counts` (no count
/// is 0).
const COUNTED_APART: u8 = 0;

/// Sentences, or term entries, per task of the parallel products: enough work to pay for a
/// hand-over.
const CHUNK: usize = 4096;

impl<'a> CosineFactors<'a> {
    /// The unit TF-IDF vectors of `bags` (IDF over the bags, as [`super::similarity`] computes
    /// it; term ids below `vocabulary`).
    pub fn new(bags: impl IntoIterator<Item = &'a TermBag>, vocabulary: usize) -> Self {
        Self::with_weight_budget(bags, vocabulary, STORED_WEIGHTS_BYTES)
    }

    /// [`CosineFactors::new`], storing the weights when they take at most `budget` bytes.
    fn with_weight_budget(
        bags: impl IntoIterator<Item = &'a TermBag>,
        vocabulary: usize,
        budget: usize,
    ) -> Self {
        let bags: Vec<&'a TermBag> = bags.into_iter().collect();
        let idf = idf(&bags, vocabulary);
        let norms: Vec<(f64, f64, usize)> = crate::par::map_items(
            &bags,
            || (),
            |_, bag| {
                let weights = || {
                    bag.terms
                        .iter()
                        .filter(|&&(t, _)| (t as usize) < vocabulary)
                        .map(|&(t, c)| c as f64 * idf[t as usize])
                };
                let norm = weights().map(|w| w * w).sum::<f64>().sqrt();
                if norm > 0.0 && norm.is_finite() {
                    let own = weights().map(|w| w / norm).map(|w| w * w).sum();
                    (norm, own, weights().count())
                } else {
                    (0.0, 0.0, 0)
                }
            },
        );
        let entries: usize = norms.iter().map(|&(_, _, k)| k).sum();
        let mut term_start = vec![0usize; vocabulary + 1];
        for (bag, &(norm, _, _)) in bags.iter().zip(&norms) {
            if norm > 0.0 {
                for &(t, _) in bag
                    .terms
                    .iter()
                    .filter(|&&(t, _)| (t as usize) < vocabulary)
                {
                    term_start[t as usize + 1] += 1;
                }
            }
        }
        for t in 0..vocabulary {
            term_start[t + 1] += term_start[t];
        }
        let mut term_blocks = vec![0];
        for t in 1..=vocabulary {
            let from = term_start[*term_blocks.last().unwrap_or(&0)];
            if term_start[t] - from >= CHUNK || t == vocabulary {
                term_blocks.push(t);
            }
        }
        // By term: a counting sort of the entries, sentences ascending within each term.
        let mut term_sentences = vec![0u32; entries];
        let mut term_counts = vec![0u8; entries];
        let mut large_counts = Vec::new();
        let mut next = term_start.clone();
        for (i, (bag, &(norm, _, _))) in bags.iter().zip(&norms).enumerate() {
            if norm > 0.0 {
                for &(t, c) in bag
                    .terms
                    .iter()
                    .filter(|&&(t, _)| (t as usize) < vocabulary)
                {
                    let at = &mut next[t as usize];
                    term_sentences[*at] = i as u32;
                    match u8::try_from(c) {
                        Ok(byte) if byte != COUNTED_APART => term_counts[*at] = byte,
                        _ => large_counts.push((*at, c)),
                    }
                    *at += 1;
                }
            }
        }
        let mut factors = CosineFactors {
            bags,
            idf,
            norm: norms.iter().map(|&(norm, _, _)| norm).collect(),
            term_start,
            term_sentences,
            term_counts,
            large_counts,
            term_blocks,
            vocabulary,
            own: norms.iter().map(|&(_, own, _)| own).collect(),
            stored: None,
        };
        if entries.saturating_mul(20) <= budget {
            factors.stored = Some(factors.stored_weights());
        }
        factors
    }

    /// The weights of every entry, by term and by sentence.
    fn stored_weights(&self) -> StoredWeights {
        let by_term = (0..self.vocabulary)
            .flat_map(|t| self.column_of(t).map(|(_, w)| w))
            .collect();
        let mut row_start = Vec::with_capacity(self.bags.len() + 1);
        row_start.push(0);
        let mut row_terms = Vec::with_capacity(self.term_sentences.len());
        let mut by_sentence = Vec::with_capacity(self.term_sentences.len());
        for i in 0..self.bags.len() {
            for (t, w) in self.row_of(i) {
                row_terms.push(t);
                by_sentence.push(w);
            }
            row_start.push(by_sentence.len());
        }
        StoredWeights {
            by_term,
            row_start,
            row_terms,
            by_sentence,
        }
    }

    /// The count of by-term entry `entry`, one of those above 255.
    fn large_count(&self, entry: usize) -> u32 {
        self.large_counts
            .binary_search_by_key(&entry, |&(e, _)| e)
            .map_or(0, |at| self.large_counts[at].1)
    }

    /// The weight of a term counted `count` times in sentence `i`.
    fn weight(&self, t: u32, count: u32, i: usize) -> f64 {
        count as f64 * self.idf[t as usize] / self.norm[i]
    }

    /// Sentence `i`'s (term, weight) pairs, by term.
    fn row_of(&self, i: usize) -> impl Iterator<Item = (u32, f64)> + '_ {
        let terms: &[(u32, u32)] = if self.norm[i] > 0.0 {
            &self.bags[i].terms
        } else {
            &[]
        };
        terms
            .iter()
            .filter(|&&(t, _)| (t as usize) < self.vocabulary)
            .map(move |&(t, c)| (t, self.weight(t, c, i)))
    }

    /// Term `t`'s (sentence, weight) pairs, by sentence.
    fn column_of(&self, t: usize) -> impl Iterator<Item = (u32, f64)> + '_ {
        let range = self.term_start[t]..self.term_start[t + 1];
        self.term_sentences[range.clone()]
            .iter()
            .zip(&self.term_counts[range.clone()])
            .zip(range)
            .map(move |((&j, &c), entry)| {
                let count = if c == COUNTED_APART {
                    self.large_count(entry)
                } else {
                    u32::from(c)
                };
                (j, self.weight(t as u32, count, j as usize))
            })
    }

    /// The cosine of sentences `i` and `j` (0 for `i == j` as for sentences sharing nothing,
    /// as in the graph, which has no self-loops).
    pub fn cosine(&self, i: usize, j: usize) -> f64 {
        let n = self.own.len();
        if i == j || i >= n || j >= n {
            return 0.0;
        }
        // Both rows are sorted by term: a merge.
        let (mut a, mut b) = (self.row_of(i).peekable(), self.row_of(j).peekable());
        let mut total = 0.0;
        while let (Some(&(s, x)), Some(&(t, y))) = (a.peek(), b.peek()) {
            match s.cmp(&t) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    total += x * y;
                    a.next();
                    b.next();
                }
            }
        }
        total
    }

    /// Every sentence with a positive cosine to `i`, as (sentence, cosine), by sentence: the
    /// sentences of `i`'s terms, each summing its products term by term (ascending), as a merge
    /// of the two rows would.
    pub fn row(&self, i: usize) -> Vec<(u32, f64)> {
        if i >= self.own.len() {
            return Vec::new();
        }
        // Dense totals, each added term by term (ascending) as a merge of the two rows would.
        let mut total = vec![0.0f64; self.own.len()];
        for (t, w) in self.row_of(i) {
            for (j, v) in self.column_of(t as usize) {
                total[j as usize] += v * w;
            }
        }
        total[i] = 0.0;
        total
            .into_iter()
            .enumerate()
            .filter(|&(_, w)| w > 0.0)
            .map(|(j, w)| (j as u32, w))
            .collect()
    }

    /// `W x` into `out`.
    fn multiply(&self, x: impl Fn(usize) -> f64 + Sync, out: &mut Array1<f64>) {
        match &self.stored {
            Some(stored) => self.multiply_by(
                x,
                |t| {
                    let range = self.term_start[t]..self.term_start[t + 1];
                    paired(&self.term_sentences[range.clone()], &stored.by_term[range])
                },
                |i| {
                    let range = stored.row_start[i]..stored.row_start[i + 1];
                    paired(&stored.row_terms[range.clone()], &stored.by_sentence[range])
                },
                out,
            ),
            None => self.multiply_by(x, |t| self.column_of(t), |i| self.row_of(i), out),
        }
    }

    /// `W x` into `out`, reading term `t`'s (sentence, weight) pairs from `column(t)` and
    /// sentence `i`'s (term, weight) pairs from `row(i)`.
    fn multiply_by<C, R>(
        &self,
        x: impl Fn(usize) -> f64 + Sync,
        column: impl Fn(usize) -> C + Sync,
        row: impl Fn(usize) -> R + Sync,
        out: &mut Array1<f64>,
    ) where
        C: Iterator<Item = (u32, f64)>,
        R: Iterator<Item = (u32, f64)>,
    {
        // `Vᵀ x`, term by term; a sentence with `x = 0` adds nothing (and is skipped, as the
        // scatter skipped it, so that the sums are the same to the bit).
        let gather = |t: usize| {
            let mut total = 0.0f64;
            for (j, w) in column(t) {
                let xj = x(j as usize);
                if xj != 0.0 {
                    total += w * xj;
                }
            }
            total
        };
        let blocks: Vec<Vec<f64>> = crate::par::map_indices(
            self.term_blocks.len().saturating_sub(1),
            || (),
            |_, b| {
                (self.term_blocks[b]..self.term_blocks[b + 1])
                    .map(gather)
                    .collect()
            },
        );
        let through = blocks.concat();
        let product = |i: usize| {
            let total: f64 = row(i).map(|(t, w)| w * through[t as usize]).sum();
            // Rounding can leave a sentence that shares nothing a tiny negative weight.
            (total - self.own[i] * x(i)).max(0.0)
        };
        // Written straight into `out`, in tasks of `CHUNK` sentences: collected first, the
        // products were two more vectors of the input's size (the tasks' and their join).
        let mut tasks: Vec<(usize, ArrayViewMut1<f64>)> = out
            .axis_chunks_iter_mut(Axis(0), CHUNK)
            .enumerate()
            .collect();
        crate::par::for_each_mut(&mut tasks, |(c, task)| {
            for (k, o) in task.iter_mut().enumerate() {
                *o = product(*c * CHUNK + k);
            }
        });
    }
}

/// `ids[k]` with `weights[k]`, in order.
fn paired<'s>(ids: &'s [u32], weights: &'s [f64]) -> impl Iterator<Item = (u32, f64)> + 's {
    ids.iter().copied().zip(weights.iter().copied())
}

impl WeightGraph for CosineFactors<'_> {
    fn node_count(&self) -> usize {
        self.own.len()
    }

    fn out_weights(&self) -> Array1<f64> {
        let mut out = Array1::zeros(self.own.len());
        self.multiply(|_| 1.0, &mut out);
        out
    }

    fn spread(&self, x: &Array1<f64>, out: &mut Array1<f64>) {
        // The matrix is symmetric: what leaves j along (j, i) arrives at i with the same weight.
        self.multiply(|j| x[j], out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::pagerank::{pagerank, PageRankOptions};
    use crate::rank::similarity::{Similarity, SimilarityGraph};

    fn bags() -> Vec<TermBag> {
        [
            vec![0, 1, 2],
            vec![0, 1, 3, 3],
            vec![0, 2, 4],
            vec![5, 6],
            vec![5, 6, 7, 0],
            vec![8],
            vec![],
        ]
        .into_iter()
        .map(TermBag::new)
        .collect()
    }

    #[test]
    fn same_pagerank_as_the_exact_graph() {
        let bags = bags();
        let exact = SimilarityGraph::build(&bags, 9, Similarity::TfIdfCosine).to_csr();
        let a = pagerank(&exact, PageRankOptions::default());
        let b = pagerank(&CosineFactors::new(&bags, 9), PageRankOptions::default());
        for (x, y) in a.scores.iter().zip(b.scores.iter()) {
            assert!((x - y).abs() < 1e-9, "{:?} vs {:?}", a.scores, b.scores);
        }
        // The isolated sentences (5: a term nobody shares; 6: no term) get only the jump.
        assert!(b.scores[5] < b.scores[0] && (b.scores[5] - b.scores[6]).abs() < 1e-12);
    }

    #[test]
    fn rows_and_cosines_match_the_exact_graph() {
        // The second set counts terms 255, 256 and 300 times in a sentence: counts above a
        // byte are kept apart from the others, and read back the same.
        let mut large = bags();
        large.push(TermBag::new(
            [vec![1; 255], vec![2; 256], vec![3; 300]].concat(),
        ));
        large.push(TermBag::new([vec![3; 257], vec![4]].concat()));
        for bags in [bags(), large] {
            let exact = SimilarityGraph::build(&bags, 9, Similarity::TfIdfCosine);
            let f = CosineFactors::new(&bags, 9);
            for i in 0..bags.len() {
                let row = f.row(i);
                assert_eq!(row.len(), exact.rows[i].len(), "row {i}");
                for (&(j, w), &(k, v)) in row.iter().zip(&exact.rows[i]) {
                    assert_eq!(j, k);
                    assert!((w - v).abs() < 1e-12 && (f.cosine(i, j as usize) - v).abs() < 1e-12);
                }
            }
        }
    }

    #[test]
    fn weights_match_the_cosines() {
        let bags = bags();
        let exact = SimilarityGraph::build(&bags, 9, Similarity::TfIdfCosine);
        let f = CosineFactors::new(&bags, 9);
        let out = f.out_weights();
        for (i, row) in exact.rows.iter().enumerate() {
            let total: f64 = row.iter().map(|&(_, w)| w).sum();
            assert!(
                (out[i] - total).abs() < 1e-12,
                "row {i}: {} vs {total}",
                out[i]
            );
        }
    }

    /// Bags of a few thousand sentences over a vocabulary with a few very common terms (low ids,
    /// as terms numbered when first met are), so that the gather's blocks differ in size.
    fn many_bags() -> Vec<TermBag> {
        let mut state = 12345u64;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        (0..6000)
            .map(|_| {
                let mut ids: Vec<u32> = (0..3).map(|_| next(5) as u32).collect();
                ids.extend((0..9).map(|_| 5 + next(20_000) as u32));
                TermBag::new(ids)
            })
            .collect()
    }

    #[cfg(feature = "parallel")]
    #[test]
    fn the_same_scores_to_the_bit_on_any_number_of_threads() {
        let bags = many_bags();
        let run = |threads: usize| {
            crate::testing::in_pool(threads, || {
                let f = CosineFactors::new(&bags, 20_005);
                let ranking = pagerank(&f, PageRankOptions::default());
                let bits: Vec<u64> = ranking.scores.iter().map(|x| x.to_bits()).collect();
                (bits, f.row(7))
            })
        };
        let one = run(1);
        assert!(
            one.0.iter().any(|&b| b != one.0[0]),
            "scores differ by sentence"
        );
        assert_eq!(one, run(3));
        assert_eq!(one, run(8));
    }

    #[test]
    fn stored_weights_give_the_products_of_computed_ones_to_the_bit() {
        let bags = many_bags();
        let stored = CosineFactors::with_weight_budget(&bags, 20_005, usize::MAX);
        let computed = CosineFactors::with_weight_budget(&bags, 20_005, 0);
        assert!(stored.stored.is_some() && computed.stored.is_none());
        let x: Vec<f64> = (0..bags.len())
            .map(|i| 1.0 / (1.0 + (i % 97) as f64))
            .collect();
        let (mut a, mut b) = (Array1::zeros(bags.len()), Array1::zeros(bags.len()));
        stored.multiply(|j| x[j], &mut a);
        computed.multiply(|j| x[j], &mut b);
        let bits = |v: &Array1<f64>| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a), bits(&b));
        assert!(a.iter().any(|&v| v > 0.0));
        let scores = |f: &CosineFactors<'_>| bits(&pagerank(f, PageRankOptions::default()).scores);
        assert_eq!(scores(&stored), scores(&computed));
        // The default stores the weights of an input this small.
        assert!(CosineFactors::new(&bags, 20_005).stored.is_some());
    }

    #[test]
    fn the_gather_equals_a_scatter_in_sentence_order() {
        // What the scatter of the first version computed: `V (Vᵀ x)` term totals added sentence
        // by sentence, ascending.
        let bags = many_bags();
        let f = CosineFactors::new(&bags, 20_005);
        let x: Vec<f64> = (0..bags.len()).map(|i| 1.0 / (1.0 + i as f64)).collect();
        let mut through = vec![0.0f64; 20_005];
        for (j, _) in bags.iter().enumerate() {
            for (t, w) in f.row_of(j) {
                through[t as usize] += w * x[j];
            }
        }
        let mut out = Array1::zeros(bags.len());
        f.multiply(|j| x[j], &mut out);
        for i in 0..bags.len() {
            let total: f64 = f.row_of(i).map(|(t, w)| w * through[t as usize]).sum();
            let want = (total - f.own[i] * x[i]).max(0.0);
            assert_eq!(out[i].to_bits(), want.to_bits(), "sentence {i}");
        }
    }
}
