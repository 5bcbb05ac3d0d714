//! Throughput and peak memory of a full extraction on news-like text of the project's own
//! making (the golden articles, stitched together and varied to 10 KB, 100 KB and 1 MB).
//!
//! Run with `cargo bench --bench throughput` (or `npm run bench`). It prints, for each size: the
//! median time of several runs, MB/s, values found per KB, and the peak heap the extraction
//! allocated. Under `cargo test` it runs once on 10 KB as a smoke test (debug timings mean nothing).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use claimlens::{extract, Date, Options};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const ARTICLES: [&str; 3] = [
    include_str!("../tests/golden/flood-relief.txt"),
    include_str!("../tests/golden/budget-vote.txt"),
    include_str!("../tests/golden/outbreak.txt"),
];

/// News-like text of about `size` bytes: the articles in turn, with their figures varied so no
/// two copies are the same.
fn corpus(size: usize) -> String {
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

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this once, small, as a smoke test.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let options = Options::new().reference_date(Date::parse("2023-02-16").unwrap());
    println!("{:>8} {:>10} {:>9} {:>10} {:>12}", "input", "median", "MB/s", "values/KB", "peak heap");
    let sizes: &[usize] = if smoke { &[10_000] } else { &[10_000, 100_000, 1_000_000] };
    for &size in sizes {
        let text = corpus(size);
        let runs = if smoke {
            1
        } else if size >= 1_000_000 {
            9
        } else {
            31
        };
        let mut times = Vec::with_capacity(runs);
        let mut values = 0;
        let mut peak = 0;
        for _ in 0..runs {
            let base = CURRENT.load(Ordering::Relaxed);
            PEAK.store(base, Ordering::Relaxed);
            let t = Instant::now();
            let found = extract(&text, &options);
            times.push(t.elapsed().as_secs_f64());
            peak = PEAK.load(Ordering::Relaxed) - base;
            values = found.claims.iter().map(|c| c.values.len()).sum::<usize>();
            drop(found);
        }
        times.sort_by(f64::total_cmp);
        let median = times[runs / 2];
        println!(
            "{:>6}KB {:>8.2}ms {:>9.1} {:>10.1} {:>9.2} MB",
            text.len() / 1000,
            median * 1e3,
            text.len() as f64 / median / 1e6,
            values as f64 / (text.len() as f64 / 1000.0),
            peak as f64 / 1e6
        );
    }
}
