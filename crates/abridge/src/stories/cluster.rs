//! Average-link agglomerative clustering over a sparse graph: the two clusters with the highest
//! mean pairwise cosine merge until no pair reaches the threshold. With unit vectors the mean
//! pairwise cosine of clusters A and B is exactly `sum(A) · sum(B) / (|A| |B|)`, so each cluster
//! keeps the sum of its vectors, and the mean is exact whatever edges the graph has; the graph
//! only says which clusters are candidates (those joined by an edge), so the work grows with the
//! edges, never with n².

use super::vectors::DocVector;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};

/// Cluster ids are small integers: a multiplicative hash is enough, and much cheaper than SipHash
/// (which took a tenth of the run on 10,000 articles).
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type IdCounts = HashMap<u32, u32, BuildHasherDefault<IdHasher>>;
/// A candidate merge in the heap: highest mean first, then the lowest ids.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    mean: f64,
    a: u32,
    b: u32,
    /// Versions of `a` and `b` when pushed: an entry is stale once either has merged again.
    versions: (u32, u32),
    /// The cluster (`a` or `b`) whose queue of candidates holds it.
    owner: u32,
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

/// The candidate merges of [`average_link`], highest mean first. Each cluster's queue holds
/// those found when it last merged (at the start, its edges to higher ids), and one heap holds
/// the head of each queue. A merge drops the two clusters' queues at once instead of leaving
/// each of their entries in one heap of all candidates to be popped and discarded: a story's
/// growing cluster renews its means to all its neighbours at every merge, hundreds of entries
/// each time (on 100,000 articles those pops took 11% of the whole run's CPU time). The
/// valid candidates come out in the order one heap of all of them gives: no entry of a queue
/// is above its head.
struct Candidates {
    heads: BinaryHeap<Candidate>,
    queues: Vec<BinaryHeap<Candidate>>,
}

impl Candidates {
    /// The first candidates of `n` clusters, each filed in its owner's queue.
    fn new(n: usize, first: impl IntoIterator<Item = Candidate>) -> Self {
        let mut queues: Vec<BinaryHeap<Candidate>> = (0..n).map(|_| BinaryHeap::new()).collect();
        for c in first {
            queues[c.owner as usize].push(c);
        }
        let heads = queues.iter_mut().filter_map(|queue| queue.pop()).collect();
        Candidates { heads, queues }
    }

    /// The highest candidate whose two clusters are `current(id, version)`, stale ones left
    /// behind: a candidate whose owner has merged since goes with its queue, one whose partner
    /// has merged since gives way to its owner's next.
    fn pop(&mut self, current: impl Fn(u32, u32) -> bool) -> Option<Candidate> {
        while let Some(c) = self.heads.pop() {
            let ((owner, owner_version), (partner, partner_version)) = if c.owner == c.a {
                ((c.a, c.versions.0), (c.b, c.versions.1))
            } else {
                ((c.b, c.versions.1), (c.a, c.versions.0))
            };
            if !current(owner, owner_version) {
                continue;
            }
            if !current(partner, partner_version) {
                if let Some(next) = self.queues[owner as usize].pop() {
                    self.heads.push(next);
                }
                continue;
            }
            return Some(c);
        }
        None
    }

    /// After `gone` merged into `keep`: `keep`'s candidates are now `renewed` (owned by it).
    fn renew(&mut self, keep: u32, gone: u32, renewed: Vec<Candidate>) {
        self.queues[gone as usize] = BinaryHeap::new();
        let mut queue = BinaryHeap::from(renewed);
        self.heads.extend(queue.pop());
        self.queues[keep as usize] = queue;
    }
}

/// The merge gate of [`average_link`]. With `per_document` above 0, two clusters whose mean is
/// below `sure` merge only when the nearest-neighbour graph `nearest` (a subset of the edges)
/// also joins them, by at least `per_document` edges per member of the smaller one: two related
/// stories (two rounds of talks between the same sides) can reach the mean through their shared
/// vocabulary, but their documents' nearest neighbours stay within their own story. A mean of
/// `sure` or more is trusted alone (in a large story of close articles, a tight group's nearest
/// neighbours may all be inside the group).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gate<'a> {
    pub(crate) nearest: &'a [(u32, u32)],
    pub(crate) per_document: f64,
    pub(crate) sure: f64,
}

/// Clusters the unit `vectors` along `edges` (`(i, j)`, `i < j`), whose `cosines` (one per
/// edge, [`super::vectors::cosines`]) are the first means; links between clusters whose
/// mean falls below `floor` are dropped. Returns each item's cluster
/// label (the smallest item index of its cluster). Deterministic: every choice follows a total
/// order on (mean similarity, item indices).
///
/// The `gate` ([`Gate`]) holds back merges the nearest neighbours do not support.
pub(crate) fn average_link(
    vectors: Vec<DocVector>,
    edges: &[(u32, u32)],
    cosines: &[f64],
    threshold: f64,
    floor: f64,
    gate: Gate<'_>,
) -> Vec<usize> {
    average_link_helped(vectors, edges, cosines, threshold, floor, gate, false).0
}

/// [`average_link`], and how many merges' renewals were shared with the [`Helper`]. With
/// `await_helper` (tests, in a pool of two threads or more) the merges wait for the helper to
/// start, so that it takes part however busy the machine is.
fn average_link_helped(
    vectors: Vec<DocVector>,
    edges: &[(u32, u32)],
    cosines: &[f64],
    threshold: f64,
    floor: f64,
    gate: Gate<'_>,
    await_helper: bool,
) -> (Vec<usize>, u64) {
    let Gate {
        nearest,
        per_document: gate,
        sure,
    } = gate;
    let n = vectors.len();
    let vocabulary = super::vectors::vocabulary(&vectors);
    let means = RwLock::new(Means {
        sums: vectors,
        dense: vec![0.0f64; vocabulary],
    });
    let mut size = vec![1u32; n];
    let mut version = vec![0u32; n];
    let mut parent: Vec<u32> = (0..n as u32).collect();
    // Each cluster's linked clusters, sorted: a merge reads its two lists in order (the
    // neighbours are renewed in id order) and edits each neighbour's short list in place, where
    // hash sets cost a cache miss or two for every removal and insertion.
    let mut links: Vec<Vec<u32>> = vec![Vec::new(); n];
    // Nearest-neighbour edges between clusters, counted.
    let mut near: Vec<IdCounts> = vec![IdCounts::default(); if gate > 0.0 { n } else { 0 }];
    for &(i, j) in nearest.iter().filter(|_| gate > 0.0) {
        *near[i as usize].entry(j).or_default() += 1;
        *near[j as usize].entry(i).or_default() += 1;
    }
    let passes = |near: &[IdCounts], size: &[u32], a: usize, b: usize, mean: f64| {
        gate <= 0.0
            || mean >= sure
            || near[a].get(&(b as u32)).copied().unwrap_or(0) as f64
                >= gate * size[a].min(size[b]) as f64
    };
    let mut first = Vec::new();
    for (&(i, j), &mean) in edges.iter().zip(cosines) {
        links[i as usize].push(j);
        links[j as usize].push(i);
        if mean >= threshold && passes(&near, &size, i as usize, j as usize, mean) {
            first.push(Candidate {
                mean,
                a: i,
                b: j,
                versions: (0, 0),
                owner: i,
            });
        }
    }
    for list in &mut links {
        list.sort_unstable();
        list.dedup();
    }
    let mut neighbours: Vec<u32> = Vec::new();
    let mut candidates = Candidates::new(n, first);
    let helper = Helper::default();
    let merge_all = || {
        // Stops the helper however this ends, a panic included (it would wait for work forever).
        let _stop = helper.stop_on_drop();
        while await_helper && !helper.available() {
            std::hint::spin_loop();
        }
        let mut guard = write_means(&means);
        while let Some(c) =
            candidates.pop(|x, v| parent[x as usize] == x && version[x as usize] == v)
        {
            let (a, b) = (c.a as usize, c.b as usize);
            // The merged cluster keeps the lower id, so labels stay the smallest member.
            let (keep, gone) = (a.min(b), a.max(b));
            let mut renewed = Vec::new();
            let mut mine = std::mem::take(&mut links[keep]);
            let theirs = std::mem::take(&mut links[gone]);
            union_except(&mine, &theirs, [keep as u32, gone as u32], &mut neighbours);
            // The links the merged cluster keeps, in order, written over its old list.
            mine.clear();
            let Means { sums, dense } = &mut *guard;
            let gone_sum = std::mem::take(&mut sums[gone]);
            sums[keep] = add(&sums[keep], &gone_sum);
            parent[gone] = keep as u32;
            size[keep] += size[gone];
            version[keep] += 1;
            if gate > 0.0 {
                let mut mine = std::mem::take(&mut near[keep]);
                let theirs = std::mem::take(&mut near[gone]);
                mine.remove(&(gone as u32));
                for (k, count) in theirs {
                    if k as usize == keep {
                        continue;
                    }
                    *mine.entry(k).or_default() += count;
                    let other = &mut near[k as usize];
                    other.remove(&(gone as u32));
                    *other.entry(keep as u32).or_default() += count;
                }
                near[keep] = mine;
            }
            for &(t, w) in &sums[keep] {
                dense[t as usize] = w;
            }
            // The neighbours' link lists are edited after the products: asked for now, they are
            // near by then.
            for &k in &neighbours {
                prefetch(&links[k as usize], 1);
            }
            // Each neighbour's products with the merged sum, each added in its own term order,
            // whichever thread adds it: the same sums however the work is shared.
            let entries: usize = neighbours.iter().map(|&k| sums[k as usize].len()).sum();
            // Each renewed mean, in neighbour order: the link kept or dropped, a candidate made.
            let mut renew = |k: u32, shared: f64| {
                let mean = shared / (size[keep] as f64 * size[k as usize] as f64);
                // A link whose mean fell below the floor is dropped: means move slowly as clusters
                // grow, and a large cluster would otherwise drag every weak link of its members along.
                // The neighbour forgets `gone`; it learns `keep` only when the link stays.
                rename_link(
                    &mut links[k as usize],
                    gone as u32,
                    keep as u32,
                    mean >= floor,
                );
                if mean < floor {
                    return;
                }
                mine.push(k);
                let k = k as usize;
                if mean >= threshold && passes(&near, &size, keep, k, mean) {
                    let (x, y) = (keep.min(k), keep.max(k));
                    renewed.push(Candidate {
                        mean,
                        a: x as u32,
                        b: y as u32,
                        versions: (version[x], version[y]),
                        owner: keep as u32,
                    });
                }
            };
            if entries >= PARALLEL_MEANS && crate::par::threads() > 2 {
                let (sums, dense) = (&*sums, &*dense);
                let shared = crate::par::map_items(
                    &neighbours,
                    || (),
                    |_, &k| product(dense, &sums[k as usize]),
                );
                for (&k, &shared) in neighbours.iter().zip(&shared) {
                    renew(k, shared);
                }
            } else if entries >= HELPER_MEANS && helper.available() {
                // A large merge: the helper reads the neighbours after the first part of the
                // entries while this thread reads the first ones and renews them (the rest of a
                // renewal is this thread's alone, so its part of the reading is the smaller).
                let mut seen = 0;
                let split = neighbours
                    .iter()
                    .position(|&k| {
                        seen += sums[k as usize].len();
                        seen * HELPER_SHARE.1 >= entries * (HELPER_SHARE.1 - HELPER_SHARE.0)
                    })
                    .map_or(neighbours.len(), |at| at + 1);
                let posted = helper.post(keep as u32, &neighbours[split..]);
                drop(guard);
                let own = {
                    let means = read_means(&means);
                    products_of(&means.sums, &means.dense, &neighbours[..split])
                };
                for (&k, &shared) in neighbours[..split].iter().zip(&own) {
                    renew(k, shared);
                }
                for (&k, shared) in neighbours[split..].iter().zip(helper.collect(posted)) {
                    renew(k, shared);
                }
                guard = write_means(&means);
            } else {
                for (&k, shared) in neighbours.iter().zip(products_of(sums, dense, &neighbours)) {
                    renew(k, shared);
                }
            }
            let Means { sums, dense } = &mut *guard;
            candidates.renew(keep as u32, gone as u32, renewed);
            for &(t, _) in &sums[keep] {
                dense[t as usize] = 0.0;
            }
            links[keep] = mine;
        }
    };
    crate::par::join(merge_all, || helper.run(&means, vocabulary));
    // Labels: follow parents to the representative.
    let labels = (0..n)
        .map(|i| {
            let mut r = i;
            while parent[r] as usize != r {
                r = parent[r] as usize;
            }
            r
        })
        .collect();
    (labels, helper.posted.load(Ordering::Acquire))
}

/// What the merges write and the renewals read: each cluster's sum of vectors, and the merged
/// cluster's sum spread over the vocabulary.
struct Means {
    sums: Vec<DocVector>,
    dense: Vec<f64>,
}

/// The means to read (the helper, or the merging thread while the helper reads too); a lock
/// poisoned by a panic on the other thread is taken as it is: that panic ends the clustering.
fn read_means(means: &RwLock<Means>) -> std::sync::RwLockReadGuard<'_, Means> {
    means
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The means to write (the merging thread, between renewals), taken as [`read_means`] takes
/// them.
fn write_means(means: &RwLock<Means>) -> std::sync::RwLockWriteGuard<'_, Means> {
    means
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The products of `neighbours`' sums with the merged sum spread in `dense`.
fn products_of(sums: &[DocVector], dense: &[f64], neighbours: &[u32]) -> Vec<f64> {
    let slices: Vec<&[(u32, f64)]> = neighbours
        .iter()
        .map(|&k| sums[k as usize].as_slice())
        .collect();
    products_against(dense, &slices)
}

/// Merge-time renewals at and above this many vector entries are shared with the helper thread
/// (below, handing them over costs more than it saves).
const HELPER_MEANS: usize = 1024;

/// The helper's share of a large merge's entries (numerator, denominator).
const HELPER_SHARE: (usize, usize) = (3, 5);

/// A second thread that reads part of a large merge's renewals ([`HELPER_SHARE`] of its
/// entries) while the merging thread reads and renews the rest. The clustering is a sequence of
/// merges, each depending on the last, so it runs on one thread, and the other core had nothing
/// to do; a renewal is tens of microseconds, too short to wake a sleeping pool worker for (that
/// made the stage twice as slow), so the helper waits for work awake, and only while the
/// clustering runs.
#[derive(Default)]
struct Helper {
    started: AtomicBool,
    stop: AtomicBool,
    posted: AtomicU64,
    finished: AtomicU64,
    /// The merged cluster, then the neighbours whose products the helper is to read.
    job: Mutex<(u32, Vec<u32>)>,
    products: Mutex<Vec<f64>>,
}

/// Stops the helper when dropped.
struct StopOnDrop<'a>(&'a Helper);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop.store(true, Ordering::Release);
    }
}

impl Helper {
    /// The helper's loop: each posted job's products, until stopped. Run on the other side of a
    /// join; with one thread it runs after the merges, finds them stopped and returns.
    fn run(&self, means: &RwLock<Means>, vocabulary: usize) {
        if self.stop.load(Ordering::Acquire) {
            return;
        }
        // Its own copy of the merged sum spread out: reading the merging thread's, just
        // written, moved each cache line from one core to the other.
        let mut dense = vec![0.0f64; vocabulary];
        self.started.store(true, Ordering::Release);
        let mut done = 0;
        let mut idle = 0u32;
        while !self.stop.load(Ordering::Acquire) {
            let posted = self.posted.load(Ordering::Acquire);
            if posted == done {
                idle = idle.saturating_add(1);
                if idle < 1 << 16 {
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
                continue;
            }
            idle = 0;
            let products = {
                let job = self
                    .job
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                let (keep, ref neighbours) = *job;
                let means = read_means(means);
                let merged = &means.sums[keep as usize];
                for &(t, w) in merged {
                    dense[t as usize] = w;
                }
                let products = products_of(&means.sums, &dense, neighbours);
                for &(t, _) in merged {
                    dense[t as usize] = 0.0;
                }
                products
            };
            *self
                .products
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()) = products;
            done = posted;
            self.finished.store(posted, Ordering::Release);
        }
    }

    /// Whether the helper is there to take work (not with one thread, nor before it started).
    fn available(&self) -> bool {
        self.started.load(Ordering::Acquire)
    }

    /// Hands the helper the products of `neighbours` with the sum of `keep`; returns the job's
    /// number for [`Helper::collect`].
    fn post(&self, keep: u32, neighbours: &[u32]) -> u64 {
        let mut job = self
            .job
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        job.0 = keep;
        job.1.clear();
        job.1.extend_from_slice(neighbours);
        drop(job);
        self.posted.fetch_add(1, Ordering::AcqRel) + 1
    }

    /// The products of job `posted`, once the helper has them.
    fn collect(&self, posted: u64) -> Vec<f64> {
        while self.finished.load(Ordering::Acquire) != posted {
            std::hint::spin_loop();
        }
        std::mem::take(
            &mut *self
                .products
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        )
    }

    fn stop_on_drop(&self) -> StopOnDrop<'_> {
        StopOnDrop(self)
    }
}

/// The ids in either sorted list `a` or `b`, but not in `except`, sorted, into `out`.
fn union_except(a: &[u32], b: &[u32], except: [u32; 2], out: &mut Vec<u32>) {
    out.clear();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let next = if j == b.len() || (i < a.len() && a[i] < b[j]) {
            i += 1;
            a[i - 1]
        } else if i == a.len() || b[j] < a[i] {
            j += 1;
            b[j - 1]
        } else {
            i += 1;
            j += 1;
            a[i - 1]
        };
        if !except.contains(&next) {
            out.push(next);
        }
    }
}

/// In the sorted list `links`, `gone` (when there) is removed and, with `add_keep`, `keep`
/// (a lower id) is added when not there: as one shift of the entries between the two places
/// when `gone` leaves and `keep` comes in.
fn rename_link(links: &mut Vec<u32>, gone: u32, keep: u32, add_keep: bool) {
    let at_gone = links.binary_search(&gone);
    let at_keep = if add_keep {
        links.binary_search(&keep).err()
    } else {
        None
    };
    match (at_gone, at_keep) {
        (Ok(g), Some(k)) => {
            // `keep < gone`, so its place comes first: the entries between move up one.
            links[k..=g].rotate_right(1);
            links[k] = keep;
        }
        (Ok(g), None) => {
            links.remove(g);
        }
        (Err(_), Some(k)) => links.insert(k, keep),
        (Err(_), None) => {}
    }
}

/// Each vector's products with the `dense` weights, added in its own term order (as
/// [`sums_against`] and the plain sum give, to the bit), four at a time, the vectors two groups
/// ahead fetched into the cache while a group is read: the neighbours' vectors lie scattered in
/// memory, and each started with a wait on memory.
fn products_against(dense: &[f64], vectors: &[&[(u32, f64)]]) -> Vec<f64> {
    let mut out = Vec::with_capacity(vectors.len());
    let groups = vectors.len() / 4;
    for g in 0..groups {
        for ahead in vectors.iter().skip((g + 2) * 4).take(4) {
            prefetch(ahead, 4);
        }
        let four = [
            vectors[4 * g],
            vectors[4 * g + 1],
            vectors[4 * g + 2],
            vectors[4 * g + 3],
        ];
        out.extend(sums_against(dense, four));
    }
    for v in &vectors[groups * 4..] {
        out.push(product(dense, v));
    }
    out
}

/// Asks the processor to bring up to `most` first cache lines of `v` near (a hint: no effect on
/// results).
#[inline(always)]
fn prefetch<T>(v: &[T], most: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let lines = std::mem::size_of_val(v).div_ceil(64).min(most);
        let base = v.as_ptr().cast::<i8>();
        for line in 0..lines {
            // Safety: prefetching is a hint that never faults; the address stays within `v`.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(base.add(line * 64)) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (v, most);
}

/// One vector's product with the `dense` weights, added in its term order (from -0.0).
fn product(dense: &[f64], v: &[(u32, f64)]) -> f64 {
    v.iter().map(|&(t, w)| w * dense[t as usize]).sum()
}

/// Each of four vectors' products with the `dense` weights, added in its own term order: the
/// sums `v.iter().map(|&(t, w)| w * dense[t]).sum()` gives, to the bit (starting, as it does,
/// from -0.0). The four run side by side, so the processor keeps four independent additions
/// and four look-ups in flight instead of waiting on one chain: renewing a merged cluster's
/// means read 630 million entries on 100,000 articles.
fn sums_against(dense: &[f64], vectors: [&[(u32, f64)]; 4]) -> [f64; 4] {
    let mut sums = [-0.0f64; 4];
    let common = vectors.iter().map(|v| v.len()).min().unwrap_or(0);
    for i in 0..common {
        for (sum, v) in sums.iter_mut().zip(&vectors) {
            let (t, w) = v[i];
            *sum += w * dense[t as usize];
        }
    }
    for (sum, v) in sums.iter_mut().zip(&vectors) {
        for &(t, w) in &v[common..] {
            *sum += w * dense[t as usize];
        }
    }
    sums
}

/// Vector entries read to renew a merged cluster's means at and above which the reading is
/// spread over the pool's threads when it has more than two (with two, the [`Helper`] is the
/// other one: it is waiting awake, where a pool worker would have to be woken).
const PARALLEL_MEANS: usize = 1 << 15;

/// Dot product of two vectors sorted by term: the products of their common terms, added in
/// term order. A vector much shorter than the other (a document against its story's sum) finds
/// its terms in the other by binary search; the products and their order are the same, so is
/// the sum.
pub(crate) fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    if a.len().saturating_mul(8) < b.len() {
        return dot_searching(a, b, |x, y| x * y);
    }
    if b.len().saturating_mul(8) < a.len() {
        return dot_searching(b, a, |y, x| x * y);
    }
    dot_merging(a, b)
}

/// [`dot`] by walking both vectors.
fn dot_merging(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// [`dot`] of a short vector with a long one, each of `short`'s terms looked up in what is left
/// of `long`; `product(short weight, long weight)` as [`dot`] multiplies them.
fn dot_searching(
    short: &[(u32, f64)],
    long: &[(u32, f64)],
    product: impl Fn(f64, f64) -> f64,
) -> f64 {
    let (mut rest, mut dot) = (long, 0.0);
    for &(t, x) in short {
        rest = &rest[rest.partition_point(|&(u, _)| u < t)..];
        match rest.first() {
            Some(&(u, y)) if u == t => {
                dot += product(x, y);
                rest = &rest[1..];
            }
            Some(_) => {}
            None => break,
        }
    }
    dot
}

/// The sums of `vectors` by `labels` (one per vector), over the vectors `counted` keeps: each
/// term's weights added in the order of the vectors, as adding them one vector at a time with
/// [`add`] would, in one dense pass per label instead of a merge per vector (a story of
/// hundreds of articles was merged into its growing sum once per article).
pub(crate) fn sums_by_label(
    vectors: &[DocVector],
    labels: &[usize],
    counted: impl Fn(usize) -> bool,
) -> std::collections::HashMap<usize, DocVector> {
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, &label) in labels.iter().enumerate() {
        if counted(i) {
            members.entry(label).or_default().push(i);
        }
    }
    let vocabulary = super::vectors::vocabulary(vectors);
    let members: Vec<(usize, Vec<usize>)> = members.into_iter().collect();
    // One story's sum a task: the stories are independent, each added in the same order.
    let sums = crate::par::map_items(
        &members,
        || (vec![0.0f64; vocabulary], vec![false; vocabulary]),
        |(dense, seen), (_, docs)| {
            let mut terms: Vec<u32> = Vec::new();
            for &i in docs {
                for &(t, w) in &vectors[i] {
                    let k = t as usize;
                    if seen[k] {
                        dense[k] += w;
                    } else {
                        seen[k] = true;
                        dense[k] = w;
                        terms.push(t);
                    }
                }
            }
            terms.sort_unstable();
            let sum: DocVector = terms.iter().map(|&t| (t, dense[t as usize])).collect();
            for &t in &terms {
                seen[t as usize] = false;
            }
            sum
        },
    );
    members
        .into_iter()
        .map(|(label, _)| label)
        .zip(sums)
        .collect()
}

/// The sum of two vectors sorted by term.
pub(crate) fn add(a: &[(u32, f64)], b: &[(u32, f64)]) -> DocVector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i == a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Random sparse vectors sorted by term, of `least` to `most` draws of terms below
    /// `vocabulary` (repeats merged).
    pub(in crate::stories) fn random_vectors(
        n: usize,
        least: usize,
        most: usize,
        vocabulary: u32,
        seed: u64,
    ) -> Vec<DocVector> {
        let mut rng = crate::testing::XorShift::new(seed);
        (0..n)
            .map(|_| {
                let k = least + rng.below(most - least + 1);
                let mut terms: Vec<u32> = (0..k)
                    .map(|_| (rng.next_u64() % u64::from(vocabulary)) as u32)
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                terms
                    .into_iter()
                    .map(|t| (t, (rng.next_u64() % 1000) as f64 / 997.0 + 0.001))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn queued_candidates_come_out_as_one_heap_of_all_gives_them() {
        // Merges driven by random candidates: each valid pop merges its two clusters, and the
        // merged one gets new candidates to random live clusters. One heap of every candidate
        // (stale ones skipped) and the queues must give the same merges.
        for seed in 1..40 {
            let mut rng = crate::testing::XorShift::new(seed);
            let n = 30 + rng.below(60);
            let mut version = vec![0u32; n];
            let mut alive = vec![true; n];
            let mut all = BinaryHeap::new();
            let candidate = |rng: &mut crate::testing::XorShift,
                             x: usize,
                             y: usize,
                             owner: usize,
                             version: &[u32]| {
                let (a, b) = (x.min(y), x.max(y));
                Candidate {
                    // Few distinct means, so that ties fall to the ids.
                    mean: rng.below(20) as f64 / 20.0,
                    a: a as u32,
                    b: b as u32,
                    versions: (version[a], version[b]),
                    owner: owner as u32,
                }
            };
            let mut first = Vec::new();
            for _ in 0..n * 3 {
                let (x, y) = (rng.below(n), rng.below(n));
                if x != y {
                    let c = candidate(&mut rng, x, y, x.min(y), &version);
                    all.push(c);
                    first.push(c);
                }
            }
            let mut queued = Candidates::new(n, first);
            let mut merges = 0;
            loop {
                let current = |x: u32, v: u32| alive[x as usize] && version[x as usize] == v;
                let expected = std::iter::from_fn(|| all.pop())
                    .find(|c| current(c.a, c.versions.0) && current(c.b, c.versions.1));
                let got = queued.pop(current);
                assert_eq!(
                    expected.as_ref().map(|c| (c.a, c.b, c.versions)),
                    got.as_ref().map(|c| (c.a, c.b, c.versions)),
                    "seed {seed}, merge {merges}"
                );
                let Some(c) = got else { break };
                merges += 1;
                let (keep, gone) = (c.a as usize, c.b as usize);
                alive[gone] = false;
                version[keep] += 1;
                let live: Vec<usize> = (0..n).filter(|&k| alive[k] && k != keep).collect();
                let mut renewed = Vec::new();
                for _ in 0..rng.below(8) {
                    if live.is_empty() {
                        break;
                    }
                    let k = live[rng.below(live.len())];
                    let c = candidate(&mut rng, keep, k, keep, &version);
                    all.push(c);
                    renewed.push(c);
                }
                queued.renew(keep as u32, gone as u32, renewed);
            }
            assert!(merges > 5, "seed {seed}: {merges} merges");
        }
    }

    #[test]
    fn four_sums_side_by_side_are_the_plain_sums_to_the_bit() {
        let vectors = random_vectors(40, 0, 60, 500, 41);
        let mut rng = crate::testing::XorShift::new(42);
        let dense: Vec<f64> = (0..500)
            .map(|_| (rng.next_u64() % 100) as f64 / 37.0)
            .collect();
        for four in vectors.chunks_exact(4) {
            let got = sums_against(&dense, [&four[0], &four[1], &four[2], &four[3]]);
            for (v, got) in four.iter().zip(got) {
                let plain: f64 = v.iter().map(|&(t, w)| w * dense[t as usize]).sum();
                assert_eq!(got.to_bits(), plain.to_bits());
            }
        }
        assert!(vectors.iter().any(|v| v.is_empty()));
    }

    #[test]
    fn dots_of_short_and_long_vectors_are_the_merged_ones_to_the_bit() {
        let short = random_vectors(200, 1, 12, 4000, 11);
        let long = random_vectors(20, 2000, 3000, 4000, 12);
        for a in &short {
            for b in &long {
                assert!(a.len() * 8 < b.len());
                assert_eq!(dot(a, b).to_bits(), dot_merging(a, b).to_bits());
                assert_eq!(dot(b, a).to_bits(), dot_merging(b, a).to_bits());
            }
        }
        assert!(short.iter().zip(&long).any(|(a, b)| dot(a, b) > 0.0));
    }

    #[test]
    fn sums_by_label_are_the_sums_added_vector_by_vector() {
        let vectors = random_vectors(300, 1, 40, 500, 13);
        let labels: Vec<usize> = (0..vectors.len()).map(|i| (i * 7) % 11).collect();
        let counted = |i: usize| !i.is_multiple_of(5);
        let sums = sums_by_label(&vectors, &labels, counted);
        let mut plain: std::collections::HashMap<usize, DocVector> = Default::default();
        for (i, v) in vectors.iter().enumerate().filter(|&(i, _)| counted(i)) {
            let sum = plain.entry(labels[i]).or_default();
            *sum = add(sum, v);
        }
        assert_eq!(sums.len(), plain.len());
        for (label, sum) in &plain {
            let bits = |v: &DocVector| v.iter().map(|&(t, w)| (t, w.to_bits())).collect::<Vec<_>>();
            assert_eq!(bits(&sums[label]), bits(sum), "label {label}");
        }
    }

    fn cos(vectors: &[DocVector], edges: &[(u32, u32)]) -> Vec<f64> {
        super::super::vectors::cosines(vectors, edges)
    }

    #[test]
    fn two_groups_and_a_loner() {
        let unit = |v: &[(u32, f64)]| {
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            v.iter().map(|&(t, w)| (t, w / norm)).collect::<DocVector>()
        };
        // 0, 1, 2 share terms 0 and 1; 3 and 4 share 5 and 6; 2 and 3 share a little of term 9;
        // 5 shares nothing.
        let vectors = vec![
            unit(&[(0, 1.0), (1, 1.0)]),
            unit(&[(0, 1.0), (1, 0.8)]),
            unit(&[(0, 0.9), (1, 1.0), (9, 0.3)]),
            unit(&[(5, 1.0), (6, 1.0), (9, 0.3)]),
            unit(&[(5, 1.0), (6, 0.7)]),
            unit(&[(7, 1.0)]),
        ];
        let edges = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4)];
        let link = |threshold, floor, nearest, per_document, sure| {
            let gate = Gate {
                nearest,
                per_document,
                sure,
            };
            average_link(
                vectors.clone(),
                &edges,
                &cos(&vectors, &edges),
                threshold,
                floor,
                gate,
            )
        };
        assert_eq!(link(0.3, 0.0, &[], 0.0, 1.0), [0, 0, 0, 3, 3, 5]);
        // The 2-3 link is weak on average (0.06 / 6 pairs): kept apart at 0.02.
        assert_eq!(link(0.02, 0.0, &[], 0.0, 1.0), [0, 0, 0, 3, 3, 5]);
        assert_eq!(link(0.005, 0.0, &[], 0.0, 1.0), [0, 0, 0, 0, 0, 5]);
    }

    #[test]
    fn the_gate_keeps_apart_clusters_whose_nearest_neighbours_stay_home() {
        let unit = |v: &[(u32, f64)]| {
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            v.iter().map(|&(t, w)| (t, w / norm)).collect::<DocVector>()
        };
        // 0, 1, 2 share terms 0 and 1, 3, 4, 5 share 2 and 3; all six share term 9, enough for a
        // mean of 0.29 across the two groups.
        let a = unit(&[(0, 1.0), (1, 1.0), (9, 0.9)]);
        let b = unit(&[(2, 1.0), (3, 1.0), (9, 0.9)]);
        let vectors = vec![a.clone(), a.clone(), a, b.clone(), b.clone(), b];
        let mut edges = Vec::new();
        for i in 0..6u32 {
            for j in i + 1..6 {
                edges.push((i, j));
            }
        }
        let home = [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)];
        let link = |threshold, floor, nearest: &[(u32, u32)], per_document, sure| {
            let gate = Gate {
                nearest,
                per_document,
                sure,
            };
            average_link(
                vectors.clone(),
                &edges,
                &cos(&vectors, &edges),
                threshold,
                floor,
                gate,
            )
        };
        // The mean alone merges them.
        assert_eq!(link(0.2, 0.0, &home, 0.0, 1.0), [0; 6]);
        // No nearest-neighbour edge across: kept apart.
        assert_eq!(link(0.2, 0.0, &home, 0.5, 1.0), [0, 0, 0, 3, 3, 3]);
        // One edge across for 3 documents of the smaller cluster: below 0.5 per document.
        let one = [&home[..], &[(2, 3)]].concat();
        assert_eq!(link(0.2, 0.0, &one, 0.5, 1.0), [0, 0, 0, 3, 3, 3]);
        // Two edges across (2 >= 0.5 x 3), counted through the merges of both groups: merged.
        let two = [&home[..], &[(2, 3), (1, 4)]].concat();
        assert_eq!(link(0.2, 0.0, &two, 0.5, 1.0), [0; 6]);
        // A mean of `sure` or more (0.29 >= 0.25) needs no edge across.
        assert_eq!(link(0.2, 0.0, &home, 0.5, 0.25), [0; 6]);
    }

    /// [`average_link`] as written first, plainly: hash-set links renamed at every merge, one
    /// heap of every candidate, each mean summed neighbour by neighbour. The production
    /// version must give the same labels.
    fn plain_average_link(
        vectors: Vec<DocVector>,
        edges: &[(u32, u32)],
        cosines: &[f64],
        threshold: f64,
        floor: f64,
        gate: Gate<'_>,
    ) -> Vec<usize> {
        use std::collections::{BTreeMap, BTreeSet};
        let n = vectors.len();
        let mut sums = vectors;
        let mut size = vec![1u32; n];
        let mut version = vec![0u32; n];
        let mut parent: Vec<usize> = (0..n).collect();
        let mut links: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); n];
        let mut near: Vec<BTreeMap<u32, u32>> = vec![BTreeMap::new(); n];
        for &(i, j) in gate.nearest {
            *near[i as usize].entry(j).or_default() += 1;
            *near[j as usize].entry(i).or_default() += 1;
        }
        let passes = |near: &[BTreeMap<u32, u32>], size: &[u32], a: usize, b: usize, mean| {
            gate.per_document <= 0.0
                || mean >= gate.sure
                || near[a].get(&(b as u32)).copied().unwrap_or(0) as f64
                    >= gate.per_document * size[a].min(size[b]) as f64
        };
        let mut heap = BinaryHeap::new();
        for (&(i, j), &mean) in edges.iter().zip(cosines) {
            links[i as usize].insert(j);
            links[j as usize].insert(i);
            if mean >= threshold && passes(&near, &size, i as usize, j as usize, mean) {
                heap.push(Candidate {
                    mean,
                    a: i,
                    b: j,
                    versions: (0, 0),
                    owner: i,
                });
            }
        }
        let current = |parent: &[usize], version: &[u32], x: u32, v: u32| {
            parent[x as usize] == x as usize && version[x as usize] == v
        };
        while let Some(c) = heap.pop() {
            if !current(&parent, &version, c.a, c.versions.0)
                || !current(&parent, &version, c.b, c.versions.1)
            {
                continue;
            }
            let (keep, gone) = (c.a as usize, c.b as usize);
            let mut mine = std::mem::take(&mut links[keep]);
            mine.extend(std::mem::take(&mut links[gone]));
            mine.remove(&(keep as u32));
            mine.remove(&(gone as u32));
            let gone_sum = std::mem::take(&mut sums[gone]);
            sums[keep] = add(&sums[keep], &gone_sum);
            parent[gone] = keep;
            size[keep] += size[gone];
            version[keep] += 1;
            let theirs = std::mem::take(&mut near[gone]);
            near[keep].remove(&(gone as u32));
            for (k, count) in theirs {
                if k as usize != keep {
                    *near[keep].entry(k).or_default() += count;
                    near[k as usize].remove(&(gone as u32));
                    *near[k as usize].entry(keep as u32).or_default() += count;
                }
            }
            let weights: BTreeMap<u32, f64> = sums[keep].iter().copied().collect();
            for k in mine.clone() {
                let shared: f64 = sums[k as usize]
                    .iter()
                    .map(|&(t, w)| w * weights.get(&t).copied().unwrap_or(0.0))
                    .sum();
                let mean = shared / (size[keep] as f64 * size[k as usize] as f64);
                links[k as usize].remove(&(gone as u32));
                if mean < floor {
                    mine.remove(&k);
                    continue;
                }
                links[k as usize].insert(keep as u32);
                let k = k as usize;
                if mean >= threshold && passes(&near, &size, keep, k, mean) {
                    let (x, y) = (keep.min(k), keep.max(k));
                    heap.push(Candidate {
                        mean,
                        a: x as u32,
                        b: y as u32,
                        versions: (version[x], version[y]),
                        owner: keep as u32,
                    });
                }
            }
            links[keep] = mine;
        }
        (0..n)
            .map(|mut r| {
                while parent[r] != r {
                    r = parent[r];
                }
                r
            })
            .collect()
    }

    #[test]
    fn clusters_are_those_the_plain_version_gives() {
        // Few terms, many edges, weights from a handful of values (ties), and floors that drop
        // links (one-sided thereafter) while clusters grow.
        let mut merged_any = 0;
        for seed in 0..24u64 {
            let raw = random_vectors(120, 2, 12, 40, 100 + seed);
            let vectors: Vec<DocVector> = raw
                .iter()
                .map(|v| {
                    let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
                    v.iter().map(|&(t, w)| (t, w / norm)).collect()
                })
                .collect();
            let mut rng = crate::testing::XorShift::new(seed + 1);
            let mut edges: Vec<(u32, u32)> = (0..600)
                .map(|_| (rng.below(120) as u32, rng.below(120) as u32))
                .filter(|(i, j)| i != j)
                .map(|(i, j)| (i.min(j), i.max(j)))
                .collect();
            edges.sort_unstable();
            edges.dedup();
            let nearest: Vec<(u32, u32)> = edges.iter().copied().step_by(3).collect();
            let cosines = cos(&vectors, &edges);
            for (threshold, floor, per_document) in [
                (0.3, 0.0, 0.0),
                (0.2, 0.1, 0.0),
                (0.15, 0.12, 0.5),
                (0.1, 0.05, 0.3),
            ] {
                let gate = Gate {
                    nearest: &nearest,
                    per_document,
                    sure: 0.5,
                };
                let got = average_link(vectors.clone(), &edges, &cosines, threshold, floor, gate);
                let want =
                    plain_average_link(vectors.clone(), &edges, &cosines, threshold, floor, gate);
                assert_eq!(got, want, "seed {seed}, {threshold} {floor} {per_document}");
                merged_any += got.iter().enumerate().filter(|&(i, &l)| i != l).count();
            }
        }
        assert!(merged_any > 1000, "{merged_any} documents merged");
    }

    #[test]
    fn sorted_links_join_and_rename() {
        let mut out = Vec::new();
        union_except(&[1, 3, 5, 9], &[2, 3, 7, 9, 11], [5, 11], &mut out);
        assert_eq!(out, [1, 2, 3, 7, 9]);
        union_except(&[], &[4], [4, 0], &mut out);
        assert!(out.is_empty());
        // `gone` leaves, `keep` (lower) comes in: the entries between shift.
        let mut links = vec![1, 4, 6, 8, 12];
        rename_link(&mut links, 8, 3, true);
        assert_eq!(links, [1, 3, 4, 6, 12]);
        // `keep` already there: `gone` only leaves.
        rename_link(&mut links, 12, 4, true);
        assert_eq!(links, [1, 3, 4, 6]);
        // A dropped link: `gone` leaves, `keep` does not come in.
        rename_link(&mut links, 6, 2, false);
        assert_eq!(links, [1, 3, 4]);
        // `gone` not there: `keep` comes in alone, or nothing changes.
        rename_link(&mut links, 9, 0, true);
        assert_eq!(links, [0, 1, 3, 4]);
        rename_link(&mut links, 9, 2, false);
        assert_eq!(links, [0, 1, 3, 4]);
    }

    #[test]
    fn products_four_at_a_time_are_the_plain_sums_to_the_bit() {
        let vectors = random_vectors(43, 0, 60, 500, 47);
        let mut rng = crate::testing::XorShift::new(48);
        let dense: Vec<f64> = (0..500)
            .map(|_| (rng.next_u64() % 100) as f64 / 37.0)
            .collect();
        for count in [0, 1, 4, 9, 43] {
            let slices: Vec<&[(u32, f64)]> =
                vectors[..count].iter().map(|v| v.as_slice()).collect();
            let got = products_against(&dense, &slices);
            let want: Vec<u64> = slices
                .iter()
                .map(|v| {
                    v.iter()
                        .map(|&(t, w)| w * dense[t as usize])
                        .sum::<f64>()
                        .to_bits()
                })
                .collect();
            assert_eq!(
                got.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                want,
                "{count}"
            );
        }
    }

    /// Merges large enough to share with the helper, in a pool of two threads: the same
    /// labels as the plain version, and the helper did take part.
    #[cfg(feature = "parallel")]
    #[test]
    fn clusters_are_the_same_when_the_helper_reads_a_share() {
        let raw = random_vectors(1200, 30, 90, 400, 77);
        let vectors: Vec<DocVector> = raw
            .iter()
            .map(|v| {
                let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
                v.iter().map(|&(t, w)| (t, w / norm)).collect()
            })
            .collect();
        let mut rng = crate::testing::XorShift::new(78);
        let mut edges: Vec<(u32, u32)> = (0..24000)
            .map(|_| (rng.below(1200) as u32, rng.below(1200) as u32))
            .filter(|(i, j)| i != j)
            .map(|(i, j)| (i.min(j), i.max(j)))
            .collect();
        edges.sort_unstable();
        edges.dedup();
        let cosines = cos(&vectors, &edges);
        let gate = Gate {
            nearest: &[],
            per_document: 0.0,
            sure: 1.0,
        };
        let (threshold, floor) = (0.2, 0.1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("a pool of two threads");
        let (got, helped) = pool.install(|| {
            average_link_helped(
                vectors.clone(),
                &edges,
                &cosines,
                threshold,
                floor,
                gate,
                true,
            )
        });
        assert!(helped > 0, "{helped} merges shared");
        let want = plain_average_link(vectors.clone(), &edges, &cosines, threshold, floor, gate);
        assert_eq!(got, want);
        let alone = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a pool of one thread")
            .install(|| {
                average_link_helped(vectors, &edges, &cosines, threshold, floor, gate, false)
            });
        assert_eq!(alone, (want, 0));
    }
}
