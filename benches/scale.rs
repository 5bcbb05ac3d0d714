//! Scale: time and peak heap of a full extraction from 10 KB to 10 MB, on news-like text and on
//! pathological shapes (a megabyte of digits, a million quote marks, no spaces at all, one
//! sentence a megabyte long, deep nesting of brackets and quotes, right-to-left scripts, control
//! characters). For each step to a ten times larger input it prints how much more time it took
//! divided by ten: about 1 for linear growth, 10 for quadratic.
//!
//! `cargo bench --bench scale` (or `npm run bench:scale`, which adds the WebAssembly side). Under
//! `cargo test` every shape runs once at 10 KB, as a smoke test.

use std::time::Instant;

use claimlens::{extract, Date, Options};

mod common;
use common::{corpus, PEAK_HEAP};

/// `unit` repeated to about `size` bytes (whole characters).
fn repeat(unit: &str, size: usize) -> String {
    let mut s = unit.repeat(size / unit.len() + 1);
    let cut = s.char_indices().map(|(i, _)| i).take_while(|&i| i <= size).last().unwrap_or(0);
    s.truncate(cut);
    s
}

/// Deep nesting: brackets and quotes opened `size / 4` deep around one claim, then closed.
fn nesting(size: usize) -> String {
    let depth = size / 8;
    let open = "(“".repeat(depth / 2);
    let close = "”)".repeat(depth / 2);
    format!("{open}Some 40 people fled, the mayor said.{close}")
}

/// News text as one sentence: every sentence end and line break made a comma.
fn one_sentence(size: usize) -> String {
    corpus(size).replace(['.', '!', '?', '\n'], ",")
}

/// A shape: its name and how to make `size` bytes of it.
type Shape = (&'static str, fn(usize) -> String);

const SHAPES: &[Shape] = &[
    ("news", corpus),
    ("digits", |n| repeat("1234567890", n)),
    ("figures", |n| repeat("358,000 ", n)),
    ("quote marks", |n| repeat("\"", n)),
    ("no spaces", |n| repeat("someone358000peoplefled", n)),
    ("one sentence", one_sentence),
    ("nesting", nesting),
    ("right-to-left", |n| repeat("ثلاثة آلاف شخص 3,000 נפגעים ٣٥٨ 40 people, said Ali. ", n)),
    ("control chars", |n| repeat("\u{0}\u{1}\u{7}\u{1b}12\u{7f}\u{200b}\u{202e}40 people\u{202c} said\r\n", n)),
];

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` does not.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let options = Options::new().with_reference_date(Date::parse("2023-02-16").unwrap());
    let sizes: &[usize] = if smoke { &[10_000] } else { &[10_000, 100_000, 1_000_000, 10_000_000] };
    println!("{:<14} {:>8} {:>11} {:>8} {:>9} {:>11}", "shape", "input", "time", "MB/s", "growth", "peak heap");
    for (name, make) in SHAPES {
        let mut previous: Option<(usize, f64)> = None;
        for &size in sizes {
            let text = make(size);
            let watch = PEAK_HEAP.watch();
            let t = Instant::now();
            let found = extract(&text, &options);
            let secs = t.elapsed().as_secs_f64();
            let peak = watch.peak();
            drop(found);
            // Time ratio over size ratio: 1 when time grows linearly.
            let growth = previous.map_or(String::from("—"), |(bytes, prev)| {
                format!("{:.2}", (secs / prev) / (text.len() as f64 / bytes as f64))
            });
            println!(
                "{:<14} {:>6}KB {:>9.1}ms {:>8.1} {:>9} {:>8.1} MB",
                name,
                text.len() / 1000,
                secs * 1e3,
                text.len() as f64 / secs / 1e6,
                growth,
                peak as f64 / 1e6
            );
            previous = Some((text.len(), secs));
        }
    }
}
