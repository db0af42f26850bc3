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
