//! ROUGE-L as ROUGE-1.5.5 computes it (`lcs`, `lcs_inner` and `markLCS` in ROUGE-1.5.5.pl):
//! every reference sentence is matched against every summary sentence; the reference words on
//! the longest common subsequence of each pair are marked, and the union of the marks is that
//! sentence's hit. A marked word only counts while both the reference and the summary still have
//! an unused occurrence of it, so ROUGE-L never exceeds ROUGE-1.

use std::collections::HashMap;
use std::hash::Hash;

/// Marks in `mask` the positions of `reference` on one longest common subsequence with
/// `summary` — the one ROUGE-1.5.5's backtrace picks: a match goes diagonally, otherwise up (drop
/// a reference word) when that keeps at least as long a subsequence, else left.
pub fn mark_lcs<T: PartialEq>(reference: &[T], summary: &[T], mask: &mut [bool]) {
    let (m, n) = (reference.len(), summary.len());
    if m == 0 || n == 0 {
        return;
    }
    const DIAG: u8 = 1;
    const UP: u8 = 2;
    const LEFT: u8 = 3;
    let w = n + 1;
    let mut c = vec![0u32; (m + 1) * w];
    let mut b = vec![0u8; (m + 1) * w];
    for i in 1..=m {
        for j in 1..=n {
            let (val, dir) = if reference[i - 1] == summary[j - 1] {
                (c[(i - 1) * w + j - 1] + 1, DIAG)
            } else if c[(i - 1) * w + j] >= c[i * w + j - 1] {
                (c[(i - 1) * w + j], UP)
            } else {
                (c[i * w + j - 1], LEFT)
            };
            c[i * w + j] = val;
            b[i * w + j] = dir;
        }
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        match b[i * w + j] {
            DIAG => {
                i -= 1;
                j -= 1;
                mask[i] = true;
            }
            UP => i -= 1,
            _ => j -= 1,
        }
    }
}

/// The length of a longest common subsequence.
pub fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut mask = vec![false; a.len()];
    mark_lcs(a, b, &mut mask);
    mask.iter().filter(|&&x| x).count()
}

/// Which positions of one reference sentence lie on some summary sentence's marked LCS.
fn union_mask<T: PartialEq>(reference: &[T], summary: &[Vec<T>]) -> Vec<bool> {
    let mut mask = vec![false; reference.len()];
    for s in summary {
        mark_lcs(reference, s, &mut mask);
    }
    mask
}

/// The union-LCS hit of one reference sentence against all the summary sentences, before
/// clipping: the number of its positions on some pair's marked subsequence.
pub fn union_lcs<T: PartialEq>(reference: &[T], summary: &[Vec<T>]) -> usize {
    union_mask(reference, summary)
        .iter()
        .filter(|&&x| x)
        .count()
}

/// ROUGE-L hits of a summary against one reference (both as sentences of tokens): the union
/// LCS of every reference sentence, each marked word counted only while the reference and the
/// summary both have an occurrence of it not yet counted (ROUGE-1.5.5's clipping).
pub fn hits<T: Eq + Hash>(reference: &[Vec<T>], summary: &[Vec<T>]) -> usize {
    let mut ref_left: HashMap<&T, usize> = HashMap::new();
    for t in reference.iter().flatten() {
        *ref_left.entry(t).or_default() += 1;
    }
    let mut sum_left: HashMap<&T, usize> = HashMap::new();
    for t in summary.iter().flatten() {
        *sum_left.entry(t).or_default() += 1;
    }
    let mut hit = 0;
    for sentence in reference {
        let mask = union_mask(sentence, summary);
        for (t, _) in sentence.iter().zip(&mask).filter(|(_, &m)| m) {
            let (Some(r), Some(s)) = (ref_left.get_mut(t), sum_left.get_mut(t)) else {
                continue;
            };
            if *r > 0 && *s > 0 {
                *r -= 1;
                *s -= 1;
                hit += 1;
            }
        }
    }
    hit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn lcs_lengths() {
        assert_eq!(lcs_len(&w("a b c d"), &w("a b c d")), 4);
        assert_eq!(lcs_len(&w("a b c d"), &w("e f g")), 0);
        assert_eq!(lcs_len(&w("a b c d"), &w("b d")), 2);
        assert_eq!(lcs_len(&w("a b c b d a b"), &w("b d c a b a")), 4);
        assert_eq!(lcs_len(&w(""), &w("a")), 0);
        assert_eq!(lcs_len(&w("a"), &w("")), 0);
        // Order matters: the reversed sentence shares only one word in sequence.
        assert_eq!(lcs_len(&w("x y z"), &w("z y x")), 1);
    }

    #[test]
    fn the_backtrace_prefers_dropping_reference_words() {
        // Two LCSs of length 1 ("a" or "b"); ROUGE's backtrace from the end goes up on ties,
        // so it settles on the match nearest the start of the reference.
        let mut mask = vec![false; 2];
        mark_lcs(&w("a b"), &w("b a"), &mut mask);
        assert_eq!(mask, [true, false]);
    }

    #[test]
    fn union_lcs_of_the_rouge_paper() {
        // Lin (2004), section 3.2: r = w1 w2 w3 w4 w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5;
        // LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5, union = w1 w2 w3 w5.
        let r = w("w1 w2 w3 w4 w5");
        let c = vec![w("w1 w2 w6 w7 w8"), w("w1 w3 w8 w9 w5")];
        assert_eq!(union_lcs(&r, &c), 4);
        assert_eq!(hits(std::slice::from_ref(&r), &c), 4);
    }

    #[test]
    fn hits_are_clipped_by_word_counts() {
        // Both reference sentences match "a b" of the one summary sentence, but the summary has
        // a single "a" and a single "b": only two hits.
        let reference = vec![w("a b"), w("a b")];
        let summary = vec![w("a b")];
        assert_eq!(hits(&reference, &summary), 2);
        // A summary repeating the words earns all four.
        assert_eq!(hits(&reference, &[w("a b a b")]), 4);
        assert_eq!(hits(&reference, &[w("a b"), w("a b")]), 4);
        assert_eq!(hits::<&str>(&reference, &[]), 0);
    }
}
