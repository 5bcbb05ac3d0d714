//! What the benchmarks share: an allocator that counts the heap's peak, and news-like text of
//! any size made from the golden articles.

#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes live and their peak.
pub struct Counting {
    current: AtomicUsize,
    peak: AtomicUsize,
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = self.current.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            self.peak.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        self.current.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
pub static PEAK_HEAP: Counting = Counting { current: AtomicUsize::new(0), peak: AtomicUsize::new(0) };

/// The heap's peak since a watch started, above what was live then.
pub struct Watch {
    base: usize,
}

impl Counting {
    pub fn watch(&self) -> Watch {
        let base = self.current.load(Ordering::Relaxed);
        self.peak.store(base, Ordering::Relaxed);
        Watch { base }
    }
}

impl Watch {
    pub fn peak(&self) -> usize {
        PEAK_HEAP.peak.load(Ordering::Relaxed) - self.base
    }
}

const ARTICLES: [&str; 3] = [
    include_str!("../../tests/golden/flood-relief.txt"),
    include_str!("../../tests/golden/budget-vote.txt"),
    include_str!("../../tests/golden/outbreak.txt"),
];

/// News-like text of about `size` bytes: the articles in turn, with their figures varied so no
/// two copies are the same.
pub fn corpus(size: usize) -> String {
    let mut out = String::with_capacity(size + 8192);
    let mut round = 0u32;
    while out.len() < size {
        for a in ARTICLES {
            for ch in a.chars() {
                if let Some(d) = ch.to_digit(10) {
                    out.push(char::from_digit((d + round) % 10, 10).unwrap());
                } else {
                    out.push(ch);
                }
            }
            out.push_str("\n\n");
        }
        round += 1;
    }
    out.truncate(out.char_indices().take_while(|&(i, _)| i < size).last().map_or(0, |(i, c)| i + c.len_utf8()));
    out
}
