//! Average-link agglomerative clustering over a sparse similarity graph: the two clusters with
//! the highest mean pairwise similarity merge until no pair reaches the threshold. Pairs without
//! an edge count as similarity 0, so only clusters joined by an edge are ever candidates and the
//! work grows with the edges, not with n².

use std::collections::{BinaryHeap, HashMap};

/// A candidate merge in the heap: highest mean first, then the lowest ids.
#[derive(Debug, PartialEq)]
struct Candidate {
    mean: f64,
    a: u32,
    b: u32,
    /// Versions of `a` and `b` when pushed: an entry is stale once either has merged again.
    versions: (u32, u32),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.mean
            .total_cmp(&other.mean)
            .then(other.a.cmp(&self.a))
            .then(other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Clusters `n` items joined by `edges` (`edges[i]`: neighbours `j > i` with their similarity).
/// Returns each item's cluster label (the smallest item index of its cluster). Deterministic:
/// every choice follows a total order on (mean similarity, item indices).
pub(crate) fn average_link(n: usize, edges: &[Vec<(u32, f64)>], threshold: f64) -> Vec<usize> {
    // Each cluster keyed by a representative item: its size and the summed similarity to every
    // cluster it has an edge with.
    let mut size = vec![1u32; n];
    let mut version = vec![0u32; n];
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut links: Vec<HashMap<u32, f64>> = vec![HashMap::new(); n];
    let mut heap = BinaryHeap::new();
    for (i, row) in edges.iter().enumerate() {
        for &(j, w) in row {
            links[i].insert(j, w);
            links[j as usize].insert(i as u32, w);
            if w >= threshold {
                heap.push(Candidate {
                    mean: w,
                    a: i as u32,
                    b: j,
                    versions: (0, 0),
                });
            }
        }
    }
    while let Some(c) = heap.pop() {
        if c.mean < threshold {
            break;
        }
        let (a, b) = (c.a as usize, c.b as usize);
        if parent[a] != c.a || parent[b] != c.b || (version[a], version[b]) != c.versions {
            continue;
        }
        // Merge the smaller link map into the larger; the merged cluster keeps the lower id, so
        // that labels stay the smallest member.
        let (keep, gone) = (a.min(b), a.max(b));
        let mut mine = std::mem::take(&mut links[keep]);
        let mut theirs = std::mem::take(&mut links[gone]);
        mine.remove(&(gone as u32));
        theirs.remove(&(keep as u32));
        if mine.len() < theirs.len() {
            std::mem::swap(&mut mine, &mut theirs);
        }
        for (k, w) in theirs {
            *mine.entry(k).or_insert(0.0) += w;
        }
        parent[gone] = keep as u32;
        size[keep] += size[gone];
        version[keep] += 1;
        let mut neighbours: Vec<(u32, f64)> = mine.iter().map(|(&k, &w)| (k, w)).collect();
        neighbours.sort_unstable_by_key(|&(k, _)| k);
        for &(k, w) in &neighbours {
            let other = &mut links[k as usize];
            other.remove(&(gone as u32));
            other.insert(keep as u32, w);
            let mean = w / (size[keep] as f64 * size[k as usize] as f64);
            if mean >= threshold {
                let (x, y) = (keep.min(k as usize), keep.max(k as usize));
                heap.push(Candidate {
                    mean,
                    a: x as u32,
                    b: y as u32,
                    versions: (version[x], version[y]),
                });
            }
        }
        links[keep] = mine;
    }
    // Labels: follow parents to the representative (paths are short: merges point to a
    // representative alive at the time, which may itself have merged later).
    (0..n)
        .map(|i| {
            let mut r = i;
            while parent[r] as usize != r {
                r = parent[r] as usize;
            }
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_groups_and_a_loner() {
        // 0-1-2 tightly linked, 3-4 linked, 5 alone, a weak 2-3 edge.
        let edges = vec![
            vec![(1, 0.9), (2, 0.8)],
            vec![(2, 0.85)],
            vec![(3, 0.1)],
            vec![(4, 0.7)],
            vec![],
            vec![],
        ];
        assert_eq!(average_link(6, &edges, 0.3), [0, 0, 0, 3, 3, 5]);
        // A threshold below the weak link's mean still keeps them apart (0.1 / 6 pairs).
        assert_eq!(average_link(6, &edges, 0.05), [0, 0, 0, 3, 3, 5]);
        assert_eq!(average_link(6, &edges, 0.01), [0, 0, 0, 0, 0, 5]);
    }
}
