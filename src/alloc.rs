//! The process's allocator: mimalloc for everything but huge blocks, which are mapped from the
//! operating system directly.
//!
//! Why: mimalloc keeps freed memory for a while before it hands it back (its purge delay), which
//! is what makes it fast on the many small and middle-sized blocks abridge allocates. A huge
//! block, though, is almost always a vector growing through doublings (the lines of a long run,
//! the tokens of a one-line document), and every size it passed through stayed resident: on a
//! 10 MB page of one table, peak memory was the sum of the doublings, not the last one. Mapped
//! blocks are returned the moment they are freed and grow in place (`mremap`), so the peak is
//! what is live. Measured by `scripts/hostile.sh` (docs/testing.md); a block of this size is
//! filled byte by byte after its allocation, so the system call costs nothing in comparison.

use std::alloc::{GlobalAlloc, Layout};

/// Blocks of at least this many bytes are mapped.
const HUGE: usize = 4 << 20;
/// Mapped blocks are page-aligned: larger alignments go to mimalloc.
const PAGE: usize = 4096;

pub struct Allocator;

fn huge(layout: &Layout) -> bool {
    layout.size() >= HUGE && layout.align() <= PAGE
}

unsafe fn map(size: usize) -> *mut u8 {
    // SAFETY: an anonymous private mapping with no address hint; the result is checked.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        std::ptr::null_mut()
    } else {
        p.cast()
    }
}

// SAFETY: every block is freed by the allocator that gave it out: the size (from the layout
// Rust passes back) decides, and a block changes side only through `realloc`, which copies.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if huge(&layout) {
            unsafe { map(layout.size()) }
        } else {
            unsafe { mimalloc::MiMalloc.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if huge(&layout) {
            // Anonymous mappings are zeroed.
            unsafe { map(layout.size()) }
        } else {
            unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if huge(&layout) {
            // SAFETY: `ptr` was mapped with this size.
            unsafe { libc::munmap(ptr.cast(), layout.size()) };
        } else {
            unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (huge(&layout), huge(&new_layout)) {
            (true, true) => {
                // SAFETY: `ptr` is a mapping of `layout.size()` bytes; the kernel moves it when
                // it cannot grow in place.
                let p = unsafe {
                    libc::mremap(ptr.cast(), layout.size(), new_size, libc::MREMAP_MAYMOVE)
                };
                if p == libc::MAP_FAILED {
                    std::ptr::null_mut()
                } else {
                    p.cast()
                }
            }
            (false, false) => unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) },
            _ => {
                // Across the threshold: a new block on the other side, the bytes copied.
                let new = unsafe { self.alloc(new_layout) };
                if !new.is_null() {
                    let n = layout.size().min(new_size);
                    // SAFETY: both blocks hold at least `n` bytes and do not overlap.
                    unsafe { std::ptr::copy_nonoverlapping(ptr, new, n) };
                    unsafe { self.dealloc(ptr, layout) };
                }
                new
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Allocator, HUGE};
    use std::alloc::{GlobalAlloc, Layout};

    /// A block grown and shrunk across the threshold keeps its bytes on every side.
    #[test]
    fn blocks_keep_their_bytes_across_the_threshold() {
        let small = Layout::from_size_align(HUGE / 2, 8).expect("layout");
        unsafe {
            let p = Allocator.alloc(small);
            assert!(!p.is_null());
            for i in 0..small.size() {
                *p.add(i) = (i % 251) as u8;
            }
            // Small to huge (copied into a mapping), huge to huger (mremap), back to small.
            let p = Allocator.realloc(p, small, HUGE * 2);
            assert!(!p.is_null());
            let huge = Layout::from_size_align(HUGE * 2, 8).expect("layout");
            let p = Allocator.realloc(p, huge, HUGE * 3);
            assert!(!p.is_null());
            let huger = Layout::from_size_align(HUGE * 3, 8).expect("layout");
            let p = Allocator.realloc(p, huger, 1000);
            assert!(!p.is_null());
            for i in 0..1000 {
                assert_eq!(*p.add(i), (i % 251) as u8);
            }
            Allocator.dealloc(p, Layout::from_size_align(1000, 8).expect("layout"));
        }
    }

    /// A huge zeroed block is zeroed, and a vector grows through the mapped sizes.
    #[test]
    fn huge_blocks_are_zeroed_and_vectors_grow() {
        let layout = Layout::from_size_align(HUGE * 2, 64).expect("layout");
        unsafe {
            let p = Allocator.alloc_zeroed(layout);
            assert!(!p.is_null());
            assert!((0..layout.size()).step_by(4093).all(|i| *p.add(i) == 0));
            Allocator.dealloc(p, layout);
        }
        let v: Vec<u64> = (0..(HUGE as u64)).collect();
        assert_eq!(v.iter().sum::<u64>(), (HUGE as u64) * (HUGE as u64 - 1) / 2);
    }
}
