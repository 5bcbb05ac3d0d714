//! Throughput and peak memory of a full extraction on news-like text of the project's own
//! making.
//!
//! `cargo bench --bench throughput` uses the golden articles, stitched together and varied to
//! 10 KB, 100 KB and 1 MB. It prints, for each size: the median time of several runs, MB/s,
//! values found per KB, and the peak heap the extraction allocated. Under `cargo test` it runs
//! once on 10 KB as a smoke test (debug timings mean nothing).
//!
//! `cargo bench --bench throughput -- [--date YYYY-MM-DD] [--json OUT.json] FILE...` times the
//! given files instead (the side-by-side benchmark, `npm run bench`, passes its texts this way)
//! and writes the measurements as JSON. Each file's first run is kept apart as well: for the first
//! file, in a fresh process, it is the time to the first result.

use std::time::Instant;

use claimlens::{extract, Date, Options};

mod common;
use common::{corpus, PEAK_HEAP};

/// What the command line asked for.
struct Args {
    /// No `--bench`: we run under `cargo test`.
    smoke: bool,
    date: String,
    json: Option<String>,
    files: Vec<String>,
}

fn parse_args() -> Args {
    let mut args = Args { smoke: true, date: "2023-02-16".into(), json: None, files: Vec::new() };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            // `cargo bench` adds --bench; `cargo test --all-targets` does not.
            "--bench" => args.smoke = false,
            "--date" => args.date = it.next().expect("--date needs YYYY-MM-DD"),
            "--json" => args.json = Some(it.next().expect("--json needs a file name")),
            flag if flag.starts_with("--") => panic!("unknown option {flag}"),
            _ => args.files.push(arg),
        }
    }
    args
}

/// One input's measurements.
struct Measured {
    name: String,
    bytes: usize,
    runs: usize,
    median: f64,
    first: f64,
    values: usize,
    peak_heap: usize,
}

fn measure(name: String, text: &str, options: &Options, runs: usize) -> Measured {
    let mut times = Vec::with_capacity(runs);
    let mut values = 0;
    let mut peak_heap = 0;
    for _ in 0..runs {
        let watch = PEAK_HEAP.watch();
        let t = Instant::now();
        let found = extract(text, options);
        times.push(t.elapsed().as_secs_f64());
        peak_heap = watch.peak();
        values = found.claims.iter().map(|c| c.values.len()).sum::<usize>();
        drop(found);
    }
    let first = times[0];
    times.sort_by(f64::total_cmp);
    Measured { name, bytes: text.len(), runs, median: times[runs / 2], first, values, peak_heap }
}

fn to_json(results: &[Measured], date: &str) -> serde_json::Value {
    let rows: Vec<_> = results
        .iter()
        .map(|m| {
            serde_json::json!({
                "file": m.name,
                "bytes": m.bytes,
                "runs": m.runs,
                "medianMs": m.median * 1e3,
                "firstMs": m.first * 1e3,
                "values": m.values,
                "peakHeapBytes": m.peak_heap,
            })
        })
        .collect();
    serde_json::json!({ "referenceDate": date, "results": rows })
}

fn main() {
    let args = parse_args();
    let options = Options::new().with_reference_date(Date::parse(&args.date).expect("--date must be YYYY-MM-DD"));
    let inputs: Vec<(String, String)> = if args.files.is_empty() {
        let sizes: &[usize] = if args.smoke { &[10_000] } else { &[10_000, 100_000, 1_000_000] };
        sizes.iter().map(|&size| (format!("{}KB", size / 1000), corpus(size))).collect()
    } else {
        let read = |f: &String| std::fs::read_to_string(f).unwrap_or_else(|e| panic!("cannot read {f}: {e}"));
        args.files.iter().map(|f| (f.clone(), read(f))).collect()
    };
    println!("{:>8} {:>10} {:>9} {:>10} {:>12}", "input", "median", "MB/s", "values/KB", "peak heap");
    let mut results = Vec::with_capacity(inputs.len());
    for (name, text) in inputs {
        let runs = if args.smoke {
            1
        } else if text.len() >= 500_000 {
            9
        } else {
            31
        };
        let m = measure(name, &text, &options, runs);
        println!(
            "{:>6}KB {:>8.2}ms {:>9.1} {:>10.1} {:>9.2} MB",
            m.bytes / 1000,
            m.median * 1e3,
            m.bytes as f64 / m.median / 1e6,
            m.values as f64 / (m.bytes as f64 / 1000.0),
            m.peak_heap as f64 / 1e6
        );
        results.push(m);
    }
    if let Some(path) = args.json {
        let json = serde_json::to_string_pretty(&to_json(&results, &args.date)).expect("JSON of plain numbers");
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
}
