//! Choosing the summary sentences: greedy maximal marginal relevance under a budget, with
//! near-duplicates (the same sentence in a republished wire story) never picked twice.

use super::factors::CosineFactors;
use super::similarity::SimilarityGraph;
use std::borrow::Cow;

/// Where the selection reads how similar sentences are: a graph's stored edges, or similarities
/// computed when asked (the complete cosine graph of [`CosineFactors`], whose rows are never
/// stored).
pub trait Neighbours {
    /// The sentences similar to `i` (similarity above 0), as (sentence, similarity), by sentence.
    fn neighbours(&self, i: usize) -> Cow<'_, [(u32, f64)]>;
    /// The similarity of `i` and `j` (0 when they share nothing).
    fn similarity(&self, i: usize, j: usize) -> f64;
}

impl Neighbours for SimilarityGraph {
    fn neighbours(&self, i: usize) -> Cow<'_, [(u32, f64)]> {
        Cow::Borrowed(self.rows.get(i).map_or(&[][..], |r| r.as_slice()))
    }

    fn similarity(&self, i: usize, j: usize) -> f64 {
        self.weight(i, j)
    }
}

impl Neighbours for CosineFactors<'_> {
    fn neighbours(&self, i: usize) -> Cow<'_, [(u32, f64)]> {
        Cow::Owned(self.row(i))
    }

    fn similarity(&self, i: usize, j: usize) -> f64 {
        self.cosine(i, j)
    }
}

/// How much summary to produce.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Quota {
    /// At most this many words of whole sentences.
    Words(usize),
    /// This many sentences.
    Sentences(usize),
}

/// Selection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct SelectOptions {
    /// MMR trade-off: 1 ranks by score alone, lower values penalise similarity to the
    /// sentences already chosen.
    pub lambda: f64,
    /// Sentences at least this similar to a chosen one are near-duplicates and skipped.
    pub duplicate_threshold: f64,
}

impl SelectOptions {
    /// MMR with trade-off `lambda` and near-duplicate threshold `duplicate_threshold`.
    pub fn new(lambda: f64, duplicate_threshold: f64) -> Self {
        SelectOptions {
            lambda,
            duplicate_threshold,
        }
    }
}

impl Default for SelectOptions {
    fn default() -> Self {
        Self {
            lambda: 0.7,
            duplicate_threshold: 0.6,
        }
    }
}

/// The candidate kept by a scan in order: `next` only when strictly better (ties to the earlier).
fn first_best(best: Option<(usize, f64)>, next: (usize, f64)) -> Option<(usize, f64)> {
    match best {
        Some((_, v)) if next.1 > v => Some(next),
        Some(_) => best,
        None => Some(next),
    }
}

/// Sentences per task of the search for the best candidate.
const SCAN_BLOCK: usize = 16_384;

/// Picks sentences in order of choice. `scores[i]` is sentence `i`'s relevance (0 or less: never
/// picked), `words[i]` its length. Ties go to the earlier sentence, so the result never depends on anything but input
/// order.
pub fn select(
    scores: &[f64],
    words: &[usize],
    graph: &(impl Neighbours + ?Sized),
    budget: Quota,
    options: SelectOptions,
) -> Vec<usize> {
    select_after(scores, words, graph, budget, options, &[])
}

/// [`select`], going on from the sentences already `chosen` (by another selection): they count
/// against the budget and for novelty, and come first in the result.
pub fn select_after(
    scores: &[f64],
    words: &[usize],
    graph: &(impl Neighbours + ?Sized),
    budget: Quota,
    options: SelectOptions,
    chosen: &[usize],
) -> Vec<usize> {
    let n = scores.len().min(words.len());
    let top = scores.iter().cloned().fold(0.0f64, f64::max);
    let norm = if top > 0.0 { top } else { 1.0 };
    let mut max_similarity = vec![0.0f64; n];
    // A zero (or negative) score marks a sentence that may not be picked.
    let mut available: Vec<bool> = scores.iter().take(n).map(|&s| s > 0.0).collect();
    let mut used_words = 0usize;
    let take = |pick: usize,
                available: &mut [bool],
                max_similarity: &mut [f64],
                used_words: &mut usize| {
        available[pick] = false;
        *used_words += words[pick];
        for &(j, w) in graph.neighbours(pick).iter() {
            let j = j as usize;
            if j < n {
                max_similarity[j] = max_similarity[j].max(w);
                if w >= options.duplicate_threshold {
                    available[j] = false;
                }
            }
        }
    };
    let chosen: Vec<usize> = chosen.iter().copied().filter(|&i| i < n).collect();
    for &pick in &chosen {
        take(pick, &mut available, &mut max_similarity, &mut used_words);
    }
    let mut chosen = chosen;
    loop {
        match budget {
            Quota::Sentences(k) if chosen.len() >= k => break,
            Quota::Words(limit) if used_words >= limit => break,
            _ => {}
        }
        // The best candidate of each block of sentences, then the first best of the blocks: the
        // sentence a scan in order would find (ties to the earlier), on every thread.
        let value_of = |i: usize| -> Option<f64> {
            if !available[i] {
                return None;
            }
            if let Quota::Words(limit) = budget {
                if used_words + words[i] > limit {
                    return None;
                }
            }
            Some(options.lambda * scores[i] / norm - (1.0 - options.lambda) * max_similarity[i])
        };
        let best = crate::par::map_indices(
            n.div_ceil(SCAN_BLOCK),
            || (),
            |_, block| {
                (block * SCAN_BLOCK..((block + 1) * SCAN_BLOCK).min(n))
                    .filter_map(|i| Some((i, value_of(i)?)))
                    .fold(None, first_best)
            },
        )
        .into_iter()
        .flatten()
        .fold(None, first_best);
        let Some((pick, _)) = best else { break };
        chosen.push(pick);
        take(pick, &mut available, &mut max_similarity, &mut used_words);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::similarity::{Similarity, SimilarityGraph, TermBag};

    fn graph(bags: Vec<Vec<u32>>) -> SimilarityGraph {
        let bags: Vec<TermBag> = bags.into_iter().map(TermBag::new).collect();
        SimilarityGraph::build(&bags, 10, Similarity::TfIdfCosine)
    }

    #[test]
    fn word_budget_is_never_exceeded_and_filled_with_what_fits() {
        let g = graph(vec![vec![0], vec![1], vec![2]]);
        let picked = select(
            &[0.9, 0.8, 0.1],
            &[60, 50, 30],
            &g,
            Quota::Words(100),
            SelectOptions::default(),
        );
        assert_eq!(picked, vec![0, 2]);
    }

    #[test]
    fn going_on_from_chosen_sentences_counts_them_against_budget_and_novelty() {
        // Sentence 1 repeats the chosen 2; 0 and 3 are new.
        let g = graph(vec![vec![0], vec![1, 2], vec![1, 2], vec![3]]);
        let picked = select_after(
            &[0.5, 0.9, 0.8, 0.4],
            &[10, 10, 10, 10],
            &g,
            Quota::Words(30),
            SelectOptions::default(),
            &[2],
        );
        assert_eq!(picked, vec![2, 0, 3]);
        // A budget already spent by the chosen: nothing more.
        let picked = select_after(
            &[0.5, 0.9, 0.8, 0.4],
            &[10, 10, 10, 10],
            &g,
            Quota::Words(10),
            SelectOptions::default(),
            &[2],
        );
        assert_eq!(picked, vec![2]);
    }

    #[test]
    fn near_duplicates_are_skipped() {
        let g = graph(vec![vec![0, 1, 2], vec![0, 1, 2], vec![3, 4]]);
        let picked = select(
            &[0.9, 0.85, 0.1],
            &[10, 10, 10],
            &g,
            Quota::Sentences(2),
            SelectOptions::default(),
        );
        assert_eq!(picked, vec![0, 2]);
    }

    #[test]
    fn zero_scores_are_never_picked() {
        let g = graph(vec![vec![0], vec![1], vec![2]]);
        let picked = select(
            &[0.0, 0.5, 0.0],
            &[5, 5, 5],
            &g,
            Quota::Sentences(3),
            SelectOptions::default(),
        );
        assert_eq!(picked, vec![1]);
    }

    #[test]
    fn ties_go_to_the_earlier_sentence() {
        let g = graph(vec![vec![0], vec![1]]);
        let picked = select(
            &[0.5, 0.5],
            &[5, 5],
            &g,
            Quota::Sentences(1),
            SelectOptions::default(),
        );
        assert_eq!(picked, vec![0]);
    }
}
