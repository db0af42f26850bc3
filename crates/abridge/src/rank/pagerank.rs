//! Weighted PageRank by power iteration, over a dense (ndarray) or sparse (CSR) weight matrix.
//!
//! `score_i = (1 - d) / n + d * (sum_j w_ji / out_j * score_j + dangling / n)`, where `out_j` is the
//! total weight leaving `j` and `dangling` the score of nodes with no outgoing weight (isolated
//! sentences), spread evenly so the scores keep summing to one. Iteration stops when the L1 change
//! falls below the tolerance or at the iteration cap. Negative, NaN or infinite weights count as 0,
//! so no input gives a NaN score.

use ndarray::{Array1, Array2, Zip};

/// Power-iteration settings.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct PageRankOptions {
    /// Probability of following an edge rather than jumping anywhere (0.85 in TextRank).
    pub damping: f64,
    /// Stop when the L1 change of the score vector falls below this.
    pub tolerance: f64,
    /// Stop after this many iterations even when not converged.
    pub max_iterations: usize,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        Self {
            damping: 0.85,
            tolerance: 1e-6,
            max_iterations: 500,
        }
    }
}

/// Scores (summing to 1) and how the iteration ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// One score per node; they sum to 1.
    pub scores: Array1<f64>,
    /// Iterations run.
    pub iterations: usize,
    /// Whether the scores moved less than the tolerance in the last iteration.
    pub converged: bool,
}

/// A weighted graph PageRank can walk.
pub trait WeightGraph {
    /// Number of nodes.
    fn node_count(&self) -> usize;
    /// Total (clean) weight leaving each node.
    fn out_weights(&self) -> Array1<f64>;
    /// `out_i = sum_j w_ji * x_j`, every element of `out` written (whatever it held before).
    fn spread(&self, x: &Array1<f64>, out: &mut Array1<f64>);
}

fn clean(w: f64) -> f64 {
    if w.is_finite() && w > 0.0 {
        w
    } else {
        0.0
    }
}

/// A dense weight matrix, `w[[i, j]]` the weight of the edge from `i` to `j`.
impl WeightGraph for Array2<f64> {
    fn node_count(&self) -> usize {
        self.nrows()
    }

    fn out_weights(&self) -> Array1<f64> {
        self.rows()
            .into_iter()
            .map(|row| row.iter().map(|&w| clean(w)).sum())
            .collect()
    }

    fn spread(&self, x: &Array1<f64>, out: &mut Array1<f64>) {
        out.fill(0.0);
        for (row, &xj) in self.rows().into_iter().zip(x.iter()) {
            if xj != 0.0 {
                for (o, &w) in out.iter_mut().zip(row.iter()) {
                    *o += clean(w) * xj;
                }
            }
        }
    }
}

/// A sparse weight matrix in compressed sparse row form: the edges leaving node `j` are
/// `indices[indptr[j]..indptr[j + 1]]` with `weights` alongside.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CsrGraph {
    /// Row `i`'s edges are `indptr[i]..indptr[i + 1]`.
    pub indptr: Vec<usize>,
    /// Target node of each edge.
    pub indices: Vec<u32>,
    /// Weight of each edge.
    pub weights: Vec<f64>,
}

impl CsrGraph {
    /// Builds a CSR graph from per-node edge lists.
    pub fn from_rows(rows: &[Vec<(u32, f64)>]) -> Self {
        let mut graph = CsrGraph {
            indptr: Vec::with_capacity(rows.len() + 1),
            ..Default::default()
        };
        graph.indptr.push(0);
        for row in rows {
            for &(j, w) in row {
                graph.indices.push(j);
                graph.weights.push(clean(w));
            }
            graph.indptr.push(graph.indices.len());
        }
        graph
    }

    fn row(&self, j: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (a, b) = (self.indptr[j], self.indptr[j + 1]);
        self.indices[a..b]
            .iter()
            .zip(&self.weights[a..b])
            .map(|(&i, &w)| (i as usize, w))
    }
}

impl WeightGraph for CsrGraph {
    fn node_count(&self) -> usize {
        self.indptr.len().saturating_sub(1)
    }

    fn out_weights(&self) -> Array1<f64> {
        (0..self.node_count())
            .map(|j| self.row(j).map(|(_, w)| w).sum())
            .collect()
    }

    fn spread(&self, x: &Array1<f64>, out: &mut Array1<f64>) {
        out.fill(0.0);
        for j in 0..self.node_count() {
            let xj = x[j];
            if xj != 0.0 {
                for (i, w) in self.row(j) {
                    out[i] += w * xj;
                }
            }
        }
    }
}

/// Runs weighted PageRank on `graph`.
///
/// ```
/// use abridge::rank::pagerank::{pagerank, PageRankOptions};
/// use ndarray::array;
/// // Two nodes linked both ways: each gets half.
/// let r = pagerank(&array![[0.0, 1.0], [1.0, 0.0]], PageRankOptions::default());
/// assert!((r.scores[0] - 0.5).abs() < 1e-9 && r.converged);
/// ```
pub fn pagerank<G: WeightGraph>(graph: &G, options: PageRankOptions) -> Ranking {
    personalized_pagerank(graph, options, None)
}

/// PageRank whose random jumps (and the walk out of dangling nodes) land on node `i` with
/// probability `teleport[i]` instead of uniformly: topic-sensitive PageRank (Haveliwala), the
/// walk of biased LexRank (Otterbacher, Erkan and Radev). `teleport` is normalised here; `None`,
/// a wrong length or no positive entry give the uniform jump of [`pagerank`].
///
/// ```
/// use abridge::rank::pagerank::{personalized_pagerank, PageRankOptions};
/// use ndarray::array;
/// // A path 0 - 1 - 2, every jump to node 2: node 2 gains on node 0.
/// let g = array![[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]];
/// let r = personalized_pagerank(&g, PageRankOptions::default(), Some(&[0.0, 0.0, 1.0]));
/// assert!(r.scores[2] > r.scores[0]);
/// ```
pub fn personalized_pagerank<G: WeightGraph>(
    graph: &G,
    options: PageRankOptions,
    teleport: Option<&[f64]>,
) -> Ranking {
    let n = graph.node_count();
    if n == 0 {
        return Ranking {
            scores: Array1::zeros(0),
            iterations: 0,
            converged: true,
        };
    }
    let d = options.damping.clamp(0.0, 1.0);
    let out = graph.out_weights();
    let inverse_out = out.mapv(|w| if w > 0.0 { 1.0 / w } else { 0.0 });
    let nf = n as f64;
    let jump: Option<Array1<f64>> = teleport.filter(|t| t.len() == n).and_then(|t| {
        let t: Array1<f64> = t.iter().map(|&w| clean(w)).collect();
        let total = t.sum();
        (total > 0.0).then(|| t / total)
    });
    // Three vectors for the whole walk, each step computed in place (a new vector for each
    // intermediate was four more of the input's size live at once: 40 MB at 100,000 articles).
    let mut scores = Array1::from_elem(n, 1.0 / nf);
    let mut weighted = Array1::zeros(n);
    let mut next = Array1::zeros(n);
    for iteration in 1..=options.max_iterations {
        let dangling: f64 = scores
            .iter()
            .zip(out.iter())
            .filter(|(_, &w)| w <= 0.0)
            .map(|(s, _)| s)
            .sum();
        Zip::from(&mut weighted)
            .and(&scores)
            .and(&inverse_out)
            .for_each(|w, &s, &inverse| *w = s * inverse);
        graph.spread(&weighted, &mut next);
        match &jump {
            None => {
                let base = (1.0 - d) / nf + d * dangling / nf;
                next.mapv_inplace(|x| base + d * x);
            }
            Some(jump) => {
                let mass = (1.0 - d) + d * dangling;
                next.mapv_inplace(|x| d * x);
                next.scaled_add(mass, jump);
            }
        }
        let change: f64 = next
            .iter()
            .zip(scores.iter())
            .map(|(x, s)| (x - s).abs())
            .sum();
        std::mem::swap(&mut scores, &mut next);
        if change < options.tolerance {
            return Ranking {
                scores,
                iterations: iteration,
                converged: true,
            };
        }
    }
    Ranking {
        scores,
        iterations: options.max_iterations,
        converged: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-5
    }

    #[test]
    fn star_graph_matches_the_hand_computed_distribution() {
        // Centre 0 linked to leaves 1 and 2 (undirected, weight 1). With d = 0.85:
        // c = 0.05 + 0.85 (l + l), l = 0.05 + 0.85 c / 2, and c + 2l = 1
        // => c = 0.05 + 1.7 (0.05 + 0.425 c) = 0.135 + 0.7225 c => c = 0.135 / 0.2775.
        let w = array![[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]];
        let r = pagerank(&w, PageRankOptions::default());
        let c = 0.135 / 0.2775;
        assert!(close(r.scores[0], c), "{:?}", r.scores);
        assert!(close(r.scores[1], (1.0 - c) / 2.0));
        assert!(close(r.scores[1], r.scores[2]));
    }

    #[test]
    fn weights_shift_the_walk() {
        // Path 0 - 1 - 2 with weights 3 and 1: node 1 splits its walk 3:1 between 0 and 2.
        // s1 = 0.05 + 0.85 (s0 + s2); s0 = 0.05 + 0.85 * 0.75 s1; s2 = 0.05 + 0.85 * 0.25 s1.
        // Summing: 1 = 0.15 + 0.85 (s0 + s2) + 0.85 s1 - ... solve: s0 + s2 = 1 - s1,
        // s1 = 0.05 + 0.85 (1 - s1) => s1 = 0.9 / 1.85.
        let w = array![[0.0, 3.0, 0.0], [3.0, 0.0, 1.0], [0.0, 1.0, 0.0]];
        let r = pagerank(&w, PageRankOptions::default());
        let s1 = 0.9 / 1.85;
        assert!(close(r.scores[1], s1));
        assert!(close(r.scores[0], 0.05 + 0.85 * 0.75 * s1));
        assert!(close(r.scores[2], 0.05 + 0.85 * 0.25 * s1));
    }

    #[test]
    fn isolated_nodes_get_the_uniform_share_and_no_nan() {
        let w = array![[0.0, 0.0], [0.0, 0.0]];
        let r = pagerank(&w, PageRankOptions::default());
        assert_eq!(r.scores, array![0.5, 0.5]);
        let bad = array![[f64::NAN, f64::INFINITY], [-1.0, 0.0]];
        let r = pagerank(&bad, PageRankOptions::default());
        assert!(r.scores.iter().all(|s| s.is_finite()));
        assert!(close(r.scores.sum(), 1.0));
    }

    #[test]
    fn dangling_node_keeps_the_total_at_one() {
        // 0 -> 1 only (directed); 1 has no out-edge.
        let w = array![[0.0, 1.0], [0.0, 0.0]];
        let r = pagerank(&w, PageRankOptions::default());
        // s0 = 0.075 + 0.425 s1 and s1 = 0.075 + 0.425 s1 + 0.85 s0; with s0 + s1 = 1,
        // s0 = 0.075 + 0.425 (1 - s0) => s0 = 0.5 / 1.425.
        assert!(close(r.scores[0], 0.5 / 1.425));
        assert!(close(r.scores.sum(), 1.0));
    }

    #[test]
    fn sparse_and_dense_agree() {
        let w = array![
            [0.0, 0.2, 0.0, 0.7],
            [0.2, 0.0, 0.5, 0.0],
            [0.0, 0.5, 0.0, 0.1],
            [0.7, 0.0, 0.1, 0.0]
        ];
        let rows: Vec<Vec<(u32, f64)>> = w
            .rows()
            .into_iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(_, &x)| x > 0.0)
                    .map(|(j, &x)| (j as u32, x))
                    .collect()
            })
            .collect();
        let dense = pagerank(&w, PageRankOptions::default());
        let sparse = pagerank(&CsrGraph::from_rows(&rows), PageRankOptions::default());
        for (a, b) in dense.scores.iter().zip(sparse.scores.iter()) {
            assert!(close(*a, *b));
        }
    }

    #[test]
    fn empty_graph() {
        assert_eq!(
            pagerank(&Array2::<f64>::zeros((0, 0)), PageRankOptions::default())
                .scores
                .len(),
            0
        );
    }
}
