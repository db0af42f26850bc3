//! Helpers for the unit tests: a small fixed-seed generator for the randomized tests that check a
//! fast path against the definition it replaces. Fixed seeds keep every run's cases the same, so a
//! failure reproduces.

/// Marsaglia's xorshift64: a few instructions a number, no dependency, the same sequence on every
/// machine.
pub(crate) struct XorShift(u64);

impl XorShift {
    /// A generator from `seed`, which must not be zero (zero stays zero).
    pub(crate) fn new(seed: u64) -> XorShift {
        assert_ne!(seed, 0, "xorshift needs a seed other than zero");
        XorShift(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let mut s = self.0;
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        self.0 = s;
        s
    }

    /// A number in `0..n` (`n` > 0); the slight bias of the modulo does not matter to a test.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Up to `most - 1` of `pieces`, picked with repeats, in the order drawn.
    pub(crate) fn pieces<'p>(&mut self, pieces: &[&'p str], most: usize) -> Vec<&'p str> {
        (0..self.below(most))
            .map(|_| pieces[self.below(pieces.len())])
            .collect()
    }

    /// [`XorShift::pieces`] joined with nothing between them.
    pub(crate) fn text(&mut self, pieces: &[&str], most: usize) -> String {
        self.pieces(pieces, most).concat()
    }
}

/// `f()` run inside a rayon pool of `threads` threads: what the library's parallel stages then
/// spread over.
#[cfg(feature = "parallel")]
pub(crate) fn in_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a pool")
        .install(f)
}

#[cfg(test)]
mod tests {
    use super::XorShift;

    #[test]
    fn the_generator_is_xorshift64() {
        // The first outputs of xorshift64 (13, 7, 17) from seed 1, worked by hand:
        // 1 ^ 1<<13 = 0x2001; ^ >>7 = 0x2041; ^ <<17 = 0x4082_2041.
        let mut rng = XorShift::new(1);
        assert_eq!(rng.next_u64(), 0x4082_2041);
        let mut again = XorShift::new(1);
        let a: Vec<usize> = (0..100).map(|_| rng.below(10)).collect();
        again.next_u64();
        let b: Vec<usize> = (0..100).map(|_| again.below(10)).collect();
        assert_eq!(a, b);
        assert!(a.iter().all(|&x| x < 10));
        assert!((0..10).all(|d| a.contains(&d)), "{a:?}");
    }

    #[test]
    fn pieces_come_from_the_list_and_stay_under_the_bound() {
        let mut rng = XorShift::new(7);
        let list = ["a", "b", "c"];
        let mut lens = [0usize; 5];
        for _ in 0..500 {
            let p = rng.pieces(&list, 5);
            assert!(p.iter().all(|w| list.contains(w)), "{p:?}");
            lens[p.len()] += 1;
        }
        assert!(lens.iter().all(|&n| n > 50), "{lens:?}");
    }
}
