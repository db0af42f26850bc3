//! Concept coverage in the manner of Gillick and Favre's ICSI summariser: a concept is a
//! content-word bigram (or word); its weight is the number of input documents that contain it, so
//! the facts many sources report weigh most. The summary greedily takes the sentence adding the
//! most uncovered concept weight per word^`cost_exponent`, each concept counting once.

/// Concept selection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ConceptOptions {
    /// A concept must appear in at least this many documents to count.
    pub min_documents: usize,
    /// Weight of single words relative to bigrams (0: bigrams only).
    pub unigram_weight: f64,
    /// Exponent of the length cost in the greedy ratio.
    pub cost_exponent: f64,
    /// In a generic summary, a sentence's concept gain is weighted by its TextRank score (with
    /// the lead prior, relative to the best sentence's) to this power: 0 ignores centrality (the
    /// lead prior alone weighs), 1 (the default) weighs it fully: DUC 2006 generic ROUGE-2 9.12
    /// at 0, 9.91 at 1 (docs/evaluation.md). Toward a question, relevance weighs the gain
    /// instead.
    pub centrality_exponent: f64,
}

impl Default for ConceptOptions {
    fn default() -> Self {
        Self {
            min_documents: 3,
            unigram_weight: 0.0,
            cost_exponent: 1.0,
            centrality_exponent: 1.0,
        }
    }
}

/// Picks sentences for a word budget. `concepts[i]` are the concept ids of sentence `i`,
/// `weights[c]` the weight of concept `c`, `bonus[i]` multiplies sentence `i`'s gain (0 makes it
/// ineligible).
pub fn select_concepts(
    concepts: &[Vec<u32>],
    weights: &[f64],
    words: &[usize],
    bonus: &[f64],
    limit: usize,
    cost_exponent: f64,
) -> Vec<usize> {
    let n = concepts.len().min(words.len()).min(bonus.len());
    // Each concept counts once per sentence: repeats dropped up front (first occurrence kept,
    // so sums run in the same order), not looked up again for every candidate in every round.
    let distinct: Vec<Vec<u32>> = concepts[..n]
        .iter()
        .map(|ids| {
            let mut seen = std::collections::HashSet::new();
            ids.iter().copied().filter(|&c| seen.insert(c)).collect()
        })
        .collect();
    let cost: Vec<f64> = words[..n]
        .iter()
        .map(|&w| (w as f64).powf(cost_exponent))
        .collect();
    let mut covered = vec![false; weights.len()];
    let mut available: Vec<bool> = (0..n).map(|i| bonus[i] > 0.0 && words[i] > 0).collect();
    let mut chosen = Vec::new();
    let mut used = 0usize;
    loop {
        let mut best: Option<(usize, f64)> = None;
        for i in 0..n {
            if !available[i] || used + words[i] > limit {
                continue;
            }
            let mut gain = 0.0;
            for &c in &distinct[i] {
                if !covered[c as usize] {
                    gain += weights[c as usize];
                }
            }
            let ratio = gain * bonus[i] / cost[i];
            if ratio > 0.0 && best.is_none_or(|(_, b)| ratio > b) {
                best = Some((i, ratio));
            }
        }
        let Some((i, _)) = best else { break };
        chosen.push(i);
        available[i] = false;
        used += words[i];
        for &c in &concepts[i] {
            covered[c as usize] = true;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concepts_count_once() {
        // Sentence 0 and 1 carry the same heavy concept; 2 carries a lighter new one.
        let concepts = vec![vec![0], vec![0], vec![1]];
        let picked = select_concepts(&concepts, &[5.0, 2.0], &[10, 10, 10], &[1.0; 3], 30, 1.0);
        assert_eq!(picked, vec![0, 2]);
    }

    #[test]
    fn budget_and_eligibility() {
        let concepts = vec![vec![0], vec![1], vec![2]];
        let picked = select_concepts(
            &concepts,
            &[5.0, 4.0, 1.0],
            &[10, 30, 10],
            &[0.0, 1.0, 1.0],
            20,
            1.0,
        );
        assert_eq!(picked, vec![2]);
    }
}
