//! ROUGE-1, ROUGE-2 and ROUGE-L as ROUGE-1.5.5 computes them with `-n 2 -m -f A` and `-l N` or
//! `-b N` (stopwords kept, Porter stemming after the WordNet exception list, counts pooled over
//! a topic's references, plain mean over topics). `rouge155.py` is the reference for the
//! ROUGE-N recall; precision, F1 and ROUGE-L follow ROUGE-1.5.5.pl. See `docs/eval.md`.
//!
//! ```
//! use abridge::eval::{score_topic, Analyzer, Limit};
//! let mut analyzer = Analyzer::default();
//! let refs = ["The cat sat on the mat.\n", "A cat sat on a mat.\n"];
//! let s = score_topic(Some("The cat sat.\n"), &refs, Limit::Words(100), &mut analyzer);
//! assert_eq!(s.rouge1.recall, 5.0 / 12.0); // "the cat sat" + "cat sat" of 6 + 6 words
//! assert_eq!(s.rouge1.precision, 5.0 / 6.0); // hits over 3 summary words × 2 references
//! ```

pub mod lcs;
pub mod porter;
pub mod text;

pub use text::{Analyzer, Exceptions, Limit};

use serde::Serialize;
use std::collections::HashMap;

/// Pooled counts of one measure over a topic's references (ROUGE-1.5.5 `-f A`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Clipped matches, summed over the references.
    pub hits: usize,
    /// Reference n-grams (ROUGE-L: reference words), summed over the references.
    pub reference: usize,
    /// Summary n-grams (ROUGE-L: summary words), counted once per reference.
    pub summary: usize,
}

impl Counts {
    /// Recall, precision and F1 of these counts (0 where a denominator is 0).
    pub fn scores(self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let recall = ratio(self.hits, self.reference);
        let precision = ratio(self.hits, self.summary);
        Prf {
            recall,
            precision,
            f1: f1(precision, recall),
        }
    }
}

/// F with ROUGE-1.5.5's default alpha = 0.5: P·R / (0.5·P + 0.5·R), the harmonic mean.
pub fn f1(precision: f64, recall: f64) -> f64 {
    let d = 0.5 * precision + 0.5 * recall;
    if d > 0.0 {
        precision * recall / d
    } else {
        0.0
    }
}

/// Recall, precision and F1 as fractions (0..=1).
#[derive(Debug, Default, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Share of the reference's units found in the summary.
    pub recall: f64,
    /// Share of the summary's units found in the reference.
    pub precision: f64,
    /// Harmonic mean of recall and precision.
    pub f1: f64,
}

impl Prf {
    /// The same scores in percent.
    pub fn percent(self) -> Prf {
        Prf {
            recall: 100.0 * self.recall,
            precision: 100.0 * self.precision,
            f1: 100.0 * self.f1,
        }
    }
}

/// One topic's counts and scores.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TopicScores {
    /// ROUGE-1 (words).
    pub rouge1: Prf,
    /// ROUGE-2 (word pairs).
    pub rouge2: Prf,
    /// ROUGE-L (longest common subsequences, union over sentences).
    pub rouge_l: Prf,
    /// ROUGE-1's hit and total counts, summed over the references.
    pub counts1: Counts,
    /// ROUGE-2's hit and total counts, summed over the references.
    pub counts2: Counts,
    /// ROUGE-L's hit and total counts, summed over the references.
    pub counts_l: Counts,
}

/// A summary or reference after truncation and tokenising: its sentences' tokens.
type Sentences = Vec<Vec<String>>;

fn analyse(text: &str, limit: Limit, analyzer: &mut Analyzer) -> Sentences {
    text::truncate(text, limit)
        .iter()
        .map(|s| analyzer.tokens(s))
        .collect()
}

fn ngrams<'a>(tokens: &'a [&'a String], n: usize) -> HashMap<&'a [&'a String], usize> {
    let mut counts = HashMap::new();
    for w in tokens.windows(n) {
        *counts.entry(w).or_default() += 1;
    }
    counts
}

/// ROUGE-N counts: n-grams run across sentence boundaries (ROUGE-1.5.5 joins the lines).
fn ngram_counts(summary: &Sentences, references: &[Sentences], n: usize) -> Counts {
    let peer: Vec<&String> = summary.iter().flatten().collect();
    let peer_grams = ngrams(&peer, n);
    let peer_total: usize = peer_grams.values().sum();
    let mut counts = Counts::default();
    for reference in references {
        let toks: Vec<&String> = reference.iter().flatten().collect();
        let ref_grams = ngrams(&toks, n);
        counts.hits += ref_grams
            .iter()
            .map(|(g, &c)| c.min(peer_grams.get(g).copied().unwrap_or(0)))
            .sum::<usize>();
        counts.reference += ref_grams.values().sum::<usize>();
        counts.summary += peer_total;
    }
    counts
}

fn lcs_counts(summary: &Sentences, references: &[Sentences]) -> Counts {
    let peer_total: usize = summary.iter().map(Vec::len).sum();
    let mut counts = Counts::default();
    for reference in references {
        counts.hits += lcs::hits(reference, summary);
        counts.reference += reference.iter().map(Vec::len).sum::<usize>();
        counts.summary += peer_total;
    }
    counts
}

/// Scores one topic: `summary` (None when the topic has none: every score is 0) against its
/// references, each text with one sentence a line.
pub fn score_topic<R: AsRef<str>>(
    summary: Option<&str>,
    references: &[R],
    limit: Limit,
    analyzer: &mut Analyzer,
) -> TopicScores {
    let refs: Vec<Sentences> = references
        .iter()
        .map(|r| analyse(r.as_ref(), limit, analyzer))
        .collect();
    let peer = summary.map_or_else(Vec::new, |s| analyse(s, limit, analyzer));
    let counts1 = ngram_counts(&peer, &refs, 1);
    let counts2 = ngram_counts(&peer, &refs, 2);
    let counts_l = lcs_counts(&peer, &refs);
    TopicScores {
        rouge1: counts1.scores(),
        rouge2: counts2.scores(),
        rouge_l: counts_l.scores(),
        counts1,
        counts2,
        counts_l,
    }
}

/// The plain mean over topics of each score (ROUGE-1.5.5 averages per-topic R, P and F).
pub fn mean<'a>(scores: impl IntoIterator<Item = &'a Prf>) -> Prf {
    let mut sum = Prf::default();
    let mut n = 0usize;
    for s in scores {
        sum.recall += s.recall;
        sum.precision += s.precision;
        sum.f1 += s.f1;
        n += 1;
    }
    if n == 0 {
        return sum;
    }
    let n = n as f64;
    Prf {
        recall: sum.recall / n,
        precision: sum.precision / n,
        f1: sum.f1 / n,
    }
}

/// The topic of a reference file name: the text before the first dot (`d30001.m.100.t.a`).
pub fn reference_topic(file_name: &str) -> &str {
    file_name.split('.').next().unwrap_or(file_name)
}

/// The topic of a summary file name: `TOPIC.txt` → `TOPIC`, otherwise the text before the first
/// dot (as rouge155.py reads them).
pub fn summary_topic(file_name: &str) -> &str {
    match file_name.strip_suffix(".txt") {
        Some(t) => t,
        None => reference_topic(file_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(summary: &str, refs: &[&str]) -> TopicScores {
        score_topic(
            Some(summary),
            refs,
            Limit::Words(100),
            &mut Analyzer::default(),
        )
    }

    #[test]
    fn identical_and_disjoint() {
        let s = score("the cat sat on the mat\n", &["the cat sat on the mat\n"]);
        for p in [s.rouge1, s.rouge2, s.rouge_l] {
            assert_eq!(
                p,
                Prf {
                    recall: 1.0,
                    precision: 1.0,
                    f1: 1.0
                }
            );
        }
        let s = score("dogs bark loudly\n", &["the cat sat on the mat\n"]);
        for p in [s.rouge1, s.rouge2, s.rouge_l] {
            assert_eq!(p, Prf::default());
        }
    }

    #[test]
    fn counts_pool_over_references() {
        // Summary: a b c d (4 unigrams, 3 bigrams). References: "a b x" and "c d a b".
        let s = score("a b c d\n", &["a b x\n", "c d a b\n"]);
        // Unigram hits: a, b (2) + c, d, a, b (4) = 6 of 3 + 4 reference words; 4 × 2 summary.
        assert_eq!(
            s.counts1,
            Counts {
                hits: 6,
                reference: 7,
                summary: 8
            }
        );
        // Bigram hits: "a b" (1) + "c d", "a b" (2) = 3 of 2 + 3; 3 × 2.
        assert_eq!(
            s.counts2,
            Counts {
                hits: 3,
                reference: 5,
                summary: 6
            }
        );
        // LCS: "a b" (2) + "c d" or "a b" (2) = 4 of 7; 4 × 2.
        assert_eq!(
            s.counts_l,
            Counts {
                hits: 4,
                reference: 7,
                summary: 8
            }
        );
        assert!((s.rouge1.f1 - f1(6.0 / 8.0, 6.0 / 7.0)).abs() < 1e-12);
    }

    #[test]
    fn bigrams_cross_lines_and_lcs_is_a_union_over_lines() {
        let s = score("a b\nc d\n", &["b c\n"]);
        assert_eq!(s.counts2.hits, 1, "'b c' spans the two summary lines");
        // One line "b a": the LCS with "a b" is one word. Two lines "b" and "a": the union of
        // the LCS with each line covers both words, whatever their order.
        assert_eq!(score("b a\n", &["a b\n"]).counts_l.hits, 1);
        assert_eq!(score("b\na\n", &["a b\n"]).counts_l.hits, 2);
    }

    #[test]
    fn missing_summary_scores_zero() {
        let s = score_topic(
            None,
            &["a b c\n"],
            Limit::Words(100),
            &mut Analyzer::default(),
        );
        assert_eq!(s.rouge1, Prf::default());
        assert_eq!(
            s.counts1,
            Counts {
                hits: 0,
                reference: 3,
                summary: 0
            }
        );
    }

    #[test]
    fn topics_from_file_names() {
        assert_eq!(reference_topic("d30001.m.100.t.a"), "d30001");
        assert_eq!(reference_topic("d30001"), "d30001");
        assert_eq!(summary_topic("d30001.txt"), "d30001");
        assert_eq!(summary_topic("d30001"), "d30001");
        assert_eq!(summary_topic("d30001.Lead"), "d30001");
    }

    #[test]
    fn mean_of_topics() {
        let a = Prf {
            recall: 1.0,
            precision: 0.5,
            f1: 0.0,
        };
        let b = Prf {
            recall: 0.0,
            precision: 0.5,
            f1: 1.0,
        };
        assert_eq!(
            mean([&a, &b]),
            Prf {
                recall: 0.5,
                precision: 0.5,
                f1: 0.5
            }
        );
        assert_eq!(mean(std::iter::empty()), Prf::default());
    }
}
