//! The complete TF-IDF cosine graph without its edges: sentence `i` and `j` are joined by
//! `w_ij = v_i · v_j` (unit TF-IDF vectors, `i ≠ j`), so the matrix is `V Vᵀ` less its diagonal,
//! and PageRank needs only products with it: `W x = V (Vᵀ x) − diag(v_i · v_i) x`, two passes
//! over the sentences' terms. That is the exact graph's PageRank in time and memory linear in the
//! input, where materialising every pair is quadratic, and where a sparse top-k graph drops the
//! many weak edges that make up most of a sentence's centrality (the sparse graph cost 0.7–0.8
//! ROUGE-1 on the DUC topics; docs/evaluation.md).

use super::pagerank::WeightGraph;
use super::similarity::{idf, TermBag};
use ndarray::Array1;
use std::borrow::Borrow;

/// Unit TF-IDF vectors of the sentences, as a [`WeightGraph`] of their pairwise cosines.
#[derive(Debug, Clone, PartialEq)]
pub struct CosineFactors {
    /// Per sentence: (term, weight) of its unit vector.
    rows: Vec<Vec<(u32, f64)>>,
    vocabulary: usize,
    /// `v_i · v_i`: 1, or 0 for a sentence with no term (the diagonal taken out).
    own: Vec<f64>,
}

impl CosineFactors {
    /// The unit TF-IDF vectors of `bags` (IDF over the bags, as [`super::similarity`] computes
    /// it; term ids below `vocabulary`).
    pub fn new<B: Borrow<TermBag>>(bags: &[B], vocabulary: usize) -> Self {
        let idf = idf(bags, vocabulary);
        let mut own = Vec::with_capacity(bags.len());
        let rows = bags
            .iter()
            .map(|bag| {
                let mut row: Vec<(u32, f64)> = bag
                    .borrow()
                    .terms
                    .iter()
                    .filter(|&&(t, _)| (t as usize) < vocabulary)
                    .map(|&(t, c)| (t, c as f64 * idf[t as usize]))
                    .collect();
                let norm = row.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
                if norm > 0.0 && norm.is_finite() {
                    for e in &mut row {
                        e.1 /= norm;
                    }
                    own.push(row.iter().map(|&(_, w)| w * w).sum());
                } else {
                    row.clear();
                    own.push(0.0);
                }
                row
            })
            .collect();
        CosineFactors {
            rows,
            vocabulary,
            own,
        }
    }

    /// The cosine of sentences `i` and `j` (0 for `i == j` as for sentences sharing nothing,
    /// as in the graph, which has no self-loops).
    pub fn cosine(&self, i: usize, j: usize) -> f64 {
        if i == j {
            return 0.0;
        }
        let (Some(a), Some(b)) = (self.rows.get(i), self.rows.get(j)) else {
            return 0.0;
        };
        // Both rows are sorted by term (TermBag keeps them so): a merge.
        let (mut x, mut y, mut total) = (0, 0, 0.0);
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    total += a[x].1 * b[y].1;
                    x += 1;
                    y += 1;
                }
            }
        }
        total
    }

    /// Every sentence with a positive cosine to `i`, as (sentence, cosine), by sentence: one pass
    /// over the sentences' terms.
    pub fn row(&self, i: usize) -> Vec<(u32, f64)> {
        let Some(own) = self.rows.get(i) else {
            return Vec::new();
        };
        let mut weight_of = vec![0.0f64; self.vocabulary];
        for &(t, w) in own {
            weight_of[t as usize] = w;
        }
        self.rows
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .filter_map(|(j, row)| {
                let total: f64 = row.iter().map(|&(t, w)| w * weight_of[t as usize]).sum();
                (total > 0.0).then_some((j as u32, total))
            })
            .collect()
    }

    /// `W x` into `out`.
    fn multiply(&self, x: impl Fn(usize) -> f64, out: &mut Array1<f64>) {
        let mut through = vec![0.0f64; self.vocabulary];
        for (j, row) in self.rows.iter().enumerate() {
            let xj = x(j);
            if xj != 0.0 {
                for &(t, w) in row {
                    through[t as usize] += w * xj;
                }
            }
        }
        for (i, row) in self.rows.iter().enumerate() {
            let total: f64 = row.iter().map(|&(t, w)| w * through[t as usize]).sum();
            // Rounding can leave a sentence that shares nothing a tiny negative weight.
            out[i] = (total - self.own[i] * x(i)).max(0.0);
        }
    }
}

impl WeightGraph for CosineFactors {
    fn node_count(&self) -> usize {
        self.rows.len()
    }

    fn out_weights(&self) -> Array1<f64> {
        let mut out = Array1::zeros(self.rows.len());
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
        let bags = bags();
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
}
