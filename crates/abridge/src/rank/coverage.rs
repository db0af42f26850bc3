//! Coverage-plus-diversity selection in the manner of Lin and Bilmes (2011): a summary `S` is
//! worth
//!
//! `F(S) = sum_i min(C_i(S), alpha * C_i(V)) + lambda * sum_k sqrt(sum_{j in S, j in P_k} r_j)`
//!
//! where `C_i(S)` is how much of sentence `i` the summary covers (summed similarity), `alpha`
//! caps the credit any one sentence can give (so coverage spreads over the input), `P_k` partition
//! the sentences (here: by document) and `r_j` is sentence `j`'s own reward (its centrality). The
//! square root makes a second pick from the same part worth less than a first pick elsewhere. `F`
//! is monotone submodular; it is maximised greedily by gain per word^`cost_exponent` within the
//! word budget. (The paper then compares the greedy summary with the best single sentence; that
//! step is not done here.)

use super::similarity::SimilarityGraph;

/// Coverage objective settings.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct CoverageOptions {
    /// Saturation: a sentence stops rewarding coverage at this fraction of its total similarity.
    pub alpha: f64,
    /// Weight of the diversity reward.
    pub diversity: f64,
    /// Exponent of the length penalty in the greedy ratio (0: ignore length, 1: gain per word).
    pub cost_exponent: f64,
    /// Sentences at least this similar to a chosen one are near-duplicates and never picked.
    pub duplicate_threshold: f64,
}

impl Default for CoverageOptions {
    fn default() -> Self {
        Self {
            alpha: 0.25,
            diversity: 6.0,
            cost_exponent: 0.3,
            duplicate_threshold: 0.6,
        }
    }
}

/// Picks sentences for a word budget. `reward[i]` is sentence `i`'s own worth (0 makes it
/// ineligible), `part[i]` its diversity part (its document).
pub fn select_coverage(
    graph: &SimilarityGraph,
    reward: &[f64],
    words: &[usize],
    part: &[usize],
    limit: usize,
    options: CoverageOptions,
) -> Vec<usize> {
    let n = graph
        .len()
        .min(reward.len())
        .min(words.len())
        .min(part.len());
    // Each sentence covers itself fully (similarity 1) besides its neighbours.
    let cap: Vec<f64> = (0..n)
        .map(|i| options.alpha * (1.0 + graph.rows[i].iter().map(|&(_, w)| w).sum::<f64>()))
        .collect();
    let cost: Vec<f64> = words[..n]
        .iter()
        .map(|&w| (w as f64).powf(options.cost_exponent))
        .collect();
    let reward_total: f64 = reward.iter().take(n).sum::<f64>().max(1e-12);
    let parts = part.iter().take(n).max().map_or(0, |m| m + 1);
    let mut covered = vec![0.0f64; n];
    let mut part_reward = vec![0.0f64; parts];
    let mut available: Vec<bool> = (0..n).map(|i| reward[i] > 0.0 && words[i] > 0).collect();
    let mut chosen = Vec::new();
    let mut used = 0usize;

    let coverage_gain = |k: usize, covered: &[f64]| -> f64 {
        let mut gain = (covered[k] + 1.0).min(cap[k]) - covered[k].min(cap[k]);
        for &(i, w) in &graph.rows[k] {
            let i = i as usize;
            gain += (covered[i] + w).min(cap[i]) - covered[i].min(cap[i]);
        }
        gain / n as f64
    };
    loop {
        let mut best: Option<(usize, f64)> = None;
        for k in 0..n {
            if !available[k] || used + words[k] > limit {
                continue;
            }
            let r = reward[k] / reward_total;
            let p = part[k];
            let diversity = (part_reward[p] + r).sqrt() - part_reward[p].sqrt();
            let gain = coverage_gain(k, &covered) + options.diversity * diversity;
            let ratio = gain / cost[k];
            if best.is_none_or(|(_, b)| ratio > b) {
                best = Some((k, ratio));
            }
        }
        let Some((k, _)) = best else { break };
        chosen.push(k);
        available[k] = false;
        used += words[k];
        covered[k] += 1.0;
        part_reward[part[k]] += reward[k] / reward_total;
        for &(i, w) in &graph.rows[k] {
            let i = i as usize;
            covered[i] += w;
            if w >= options.duplicate_threshold {
                available[i] = false;
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::similarity::{Similarity, TermBag};

    fn graph(bags: Vec<Vec<u32>>) -> SimilarityGraph {
        let bags: Vec<TermBag> = bags.into_iter().map(TermBag::new).collect();
        SimilarityGraph::build(&bags, 16, Similarity::TfIdfCosine)
    }

    #[test]
    fn covers_both_topics_before_repeating_one() {
        // Sentences 0-2 share terms (topic A), 3-4 share others (topic B).
        let g = graph(vec![
            vec![0, 1, 2],
            vec![0, 1, 3],
            vec![0, 2, 3],
            vec![8, 9, 10],
            vec![8, 9, 11],
        ]);
        let picked = select_coverage(
            &g,
            &[1.0; 5],
            &[10; 5],
            &[0, 0, 0, 1, 1],
            20,
            CoverageOptions::default(),
        );
        assert_eq!(picked.len(), 2);
        assert!(
            picked.iter().any(|&i| i < 3) && picked.iter().any(|&i| i >= 3),
            "{picked:?}"
        );
    }

    #[test]
    fn respects_the_budget_and_skips_ineligible() {
        let g = graph(vec![vec![0], vec![0], vec![1]]);
        let picked = select_coverage(
            &g,
            &[0.0, 1.0, 1.0],
            &[5, 50, 5],
            &[0, 0, 1],
            10,
            CoverageOptions::default(),
        );
        assert_eq!(picked, vec![2]);
    }
}
