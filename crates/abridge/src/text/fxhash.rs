//! A fast non-cryptographic hasher for short keys (words, word n-grams), after the `FxHash` of
//! rustc: a multiply-rotate over 8-byte chunks. The keys hashed here come from the crate's own
//! word lists and from a page's words; hash flooding is not a concern for a batch text tool, and
//! SipHash (std's default) cost a fifth of the cleaner's time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

/// `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hasher: state multiplied and rotated per word of input.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((chunk, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            bytes = rest;
        }
        if let Some((chunk, rest)) = bytes.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*chunk)));
            bytes = rest;
        }
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The hash of `s` in an [`FxHashMap`]: what a key of type `String` or `&str` is filed under.
pub(crate) fn fx_hash_str(s: &str) -> u64 {
    BuildHasherDefault::<FxHasher>::default().hash_one(s)
}

/// A hasher for keys that carry their hash, computed where it was cheaper (on another thread):
/// a key that writes one `u64` ([`Hasher::write_u64`]) is filed under that value; anything else
/// written is hashed as [`FxHasher`] hashes it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PassHasher(FxHasher);

impl Hasher for PassHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    #[inline]
    fn write_u64(&mut self, hash: u64) {
        self.0.hash = hash;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_carried_hash_passes_through_and_other_keys_hash_as_fx() {
        let mut pass = PassHasher::default();
        pass.write_u64(0xdead_beef);
        assert_eq!(pass.finish(), 0xdead_beef);
        let (mut pass, mut fx) = (PassHasher::default(), FxHasher::default());
        pass.write(b"levee");
        fx.write(b"levee");
        assert_eq!(pass.finish(), fx.finish());
        assert_eq!(fx_hash_str("levee"), {
            let mut h = FxHasher::default();
            std::hash::Hash::hash("levee", &mut h);
            h.finish()
        });
    }

    #[test]
    fn maps_find_what_they_hold() {
        let mut m: FxHashMap<&str, u32> = FxHashMap::default();
        for (i, w) in ["a", "the", "rights reserved", "internationalisation"]
            .iter()
            .enumerate()
        {
            m.insert(w, i as u32);
        }
        assert_eq!(m.get("the"), Some(&1));
        assert_eq!(m.get("internationalisation"), Some(&3));
        assert_eq!(m.get("th"), None);
    }
}
