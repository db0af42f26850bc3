//! Query-focused summaries: how relevant each sentence is to a question ("what does this feed
//! say about X"), for the biased walk of [`super::centrality_toward`].
//!
//! The question is reduced to index terms as sentences are (stop words dropped, stemmed), then
//! expanded with the documents' own words: the sentences that share most of the question's
//! weight vote for the terms they use, and the strongest of those join the question at a lower
//! weight (pseudo-relevance feedback, as biased LexRank's authors and the DUC 2005-2007 systems
//! did). A sentence's relevance is the TF-IDF cosine between it and the expanded question.

use super::Prepared;
use crate::rank::similarity::idf;
use crate::text::lang::{Language, Terms};
use std::collections::HashMap;

/// Sentences whose terms expand the question.
const FEEDBACK_SENTENCES: usize = 10;

/// The question's index terms (stop words dropped, stemmed), in order, repeats removed.
pub(crate) fn query_terms(query: &str, language: Language) -> Vec<String> {
    let mut terms = Terms::new(language).of(&crate::text::flatten(query));
    let mut seen = std::collections::HashSet::new();
    terms.retain(|t| seen.insert(t.clone()));
    terms
}

/// Relevance of every prepared sentence to the question, in [0, 1]; all 0 when no term of the
/// question occurs in the documents. `expansion` terms are added at `expansion_weight` of the
/// question's own weight.
pub(crate) fn relevance_to_query(
    prepared: &Prepared,
    terms: &[String],
    expansion: usize,
    expansion_weight: f64,
) -> Vec<f64> {
    let n = prepared.sentences.len();
    let bags: Vec<_> = prepared.sentences.iter().map(|s| &s.bag).collect();
    let idf = idf(&bags, prepared.vocabulary);
    // The question as weights over term ids (terms absent from the documents weigh nothing).
    let mut query: HashMap<u32, f64> = terms
        .iter()
        .filter_map(|t| prepared.ids.get(t.as_str()))
        .map(|id| (id, 1.0))
        .collect();
    if query.is_empty() {
        return vec![0.0; n];
    }
    if expansion > 0 && expansion_weight > 0.0 {
        let first = cosines(prepared, &query, &idf);
        let mut order: Vec<usize> = (0..n).filter(|&i| first[i] > 0.0).collect();
        order.sort_by(|&a, &b| first[b].total_cmp(&first[a]).then(a.cmp(&b)));
        let mut votes: HashMap<u32, f64> = HashMap::new();
        for &i in order.iter().take(FEEDBACK_SENTENCES) {
            for &(t, c) in &prepared.sentences[i].bag.terms {
                if !query.contains_key(&t) {
                    *votes.entry(t).or_default() += f64::from(c) * first[i] * idf[t as usize];
                }
            }
        }
        let mut ranked: Vec<(u32, f64)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let top = ranked
            .first()
            .map_or(1.0, |&(_, v)| v)
            .max(f64::MIN_POSITIVE);
        for (t, v) in ranked.into_iter().take(expansion) {
            query.insert(t, expansion_weight * v / top);
        }
    }
    cosines(prepared, &query, &idf)
}

/// TF-IDF cosine of each sentence with the weighted question.
fn cosines(prepared: &Prepared, query: &HashMap<u32, f64>, idf: &[f64]) -> Vec<f64> {
    let query_norm = query
        .iter()
        .map(|(&t, &w)| (w * idf[t as usize]).powi(2))
        .sum::<f64>()
        .sqrt();
    prepared
        .sentences
        .iter()
        .map(|s| {
            let mut dot = 0.0;
            let mut norm = 0.0;
            for &(t, c) in &s.bag.terms {
                let x = f64::from(c) * idf[t as usize];
                norm += x * x;
                if let Some(&w) = query.get(&t) {
                    dot += x * w * idf[t as usize];
                }
            }
            if dot > 0.0 && norm > 0.0 && query_norm > 0.0 {
                dot / (norm.sqrt() * query_norm)
            } else {
                0.0
            }
        })
        .collect()
}
