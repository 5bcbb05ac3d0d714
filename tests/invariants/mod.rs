//! What every extraction must satisfy, whatever the input: shared by the robustness tests, the
//! property tests and the fuzz targets (`fuzz/fuzz_targets/*.rs` include this file by path).
//!
//! - claims come in order, numbered by position, each inside the text and not overlapping;
//! - every value lies inside its claim, in order, and every figure is finite;
//! - every span's UTF-16 offsets point at exactly its text (checked against `encode_utf16`, a
//!   reference computation independent of the engine's own offset map);
//! - scores are between 0 and 1; part-of links point at an earlier value that exists;
//! - sources list mentions whose offsets point at their text, and claims that exist.

#![allow(dead_code)]

use claimlens::{Date, Extraction, NodeSpan, Options};

/// Pieces news is made of, so generated text reaches the rules (random strings rarely do): the
/// robustness mixtures and the property tests draw from them.
pub const PIECES: &[&str] = &[
    "some",
    "358,000",
    "Syrians",
    "between",
    "January",
    "15",
    "and",
    "19",
    "percent",
    "%",
    "$",
    "3.5",
    "m",
    "bn",
    "half",
    "of",
    "them",
    "since",
    "Friday",
    "Monday",
    "last",
    "week",
    "-",
    "—",
    "--",
    "\"",
    "“",
    "”",
    "...",
    "…",
    ".",
    ",",
    "!",
    "?",
    "the",
    "M5",
    "F-16",
    "three",
    "million",
    "twenty-five",
    "a",
    "third",
    "1st",
    "2nd",
    "km",
    "°C",
    "minus",
    "ago",
    "days",
    "the past",
    "hundreds",
    "thousands",
    "\n",
    "\n\n",
    "😀",
    "€",
    "\u{a0}",
    "No.",
    "U.S.",
    "early",
    "mid",
    "-2020",
    "2011",
    "1990s",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "Q",
    "quarter",
    "up",
    "to",
    "$3.5",
    "agency",
    "said",
    "told",
    "according to",
    "United Nations",
    "UN",
    "Observatory",
    "Abdel Rahman",
    "more than",
    "at least",
    "up to",
    "nearly",
    "about",
    "2019",
    "Q3",
    "€40m",
    "٣٥٨",
    "שלום",
    "\u{200b}",
    "\u{0}",
    "she added",
    "police",
    "officials",
    "of those",
    "rose",
];

/// A fuzz input for `extract`: the first two bytes pick the reference date (a day from 1970 on,
/// or for some inputs a day within 400 days of the calendar's first or last day; a seventh of the
/// inputs have none), the rest is the text (invalid UTF-8 replaced).
pub fn extract_input(data: &[u8]) -> (String, Options) {
    let (date, rest) = match data {
        [a, b, rest @ ..] => (Some(u16::from_le_bytes([*a, *b])), rest),
        _ => (None, data),
    };
    let mut options = Options::new();
    if let Some(d) = date.filter(|d| d % 7 != 0) {
        let offset = i64::from(d / 13 % 400);
        let day = match d % 13 {
            1 => Date::new(9999, 12, 31).and_then(|last| last.checked_add_days(-offset)),
            2 => Date::new(-9999, 1, 1).and_then(|first| first.checked_add_days(offset)),
            _ => Date::new(1970, 1, 1).and_then(|epoch| epoch.checked_add_days(i64::from(d))),
        };
        options = options.with_reference_date(day.expect("a day within the calendar"));
    }
    (String::from_utf8_lossy(rest).into_owned(), options)
}

/// A fuzz input for `extract_nodes`: text nodes split at 0x1F bytes; a node whose first byte is
/// 0x1E starts a new block.
pub fn nodes_input(data: &[u8]) -> (Vec<String>, Vec<u32>) {
    let mut texts = Vec::new();
    let mut blocks = Vec::new();
    let mut block = 0u32;
    for part in data.split(|&b| b == 0x1f) {
        let part = match part {
            [0x1e, rest @ ..] => {
                block += 1;
                rest
            }
            _ => part,
        };
        texts.push(String::from_utf8_lossy(part).into_owned());
        blocks.push(block);
    }
    (texts, blocks)
}

/// Checks `run`, the extraction of `text`; panics with the first broken invariant.
pub fn check(text: &str, run: &Extraction) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: usize, b: usize, what: &str| {
        assert!(a <= b && b <= units.len(), "{what}: span {a}..{b} outside the text ({} units)", units.len());
        String::from_utf16(&units[a..b]).unwrap_or_else(|_| panic!("{what}: span {a}..{b} splits a character"))
    };
    let mut last_end = 0;
    for (i, c) in run.claims.iter().enumerate() {
        assert_eq!(c.id, i, "claims are numbered by position");
        assert!(c.start >= last_end, "claim {i} overlaps the one before");
        assert_eq!(slice(c.start, c.end, "claim"), c.text, "claim {i}'s offsets and text disagree");
        assert!((0.0..=1.0).contains(&c.score), "claim {i} scores {}", c.score);
        let mut prev = c.start;
        for (k, v) in c.values.iter().enumerate() {
            assert!(c.start <= v.start && v.start < v.end && v.end <= c.end, "value {:?} outside its claim", v.text);
            assert!(v.start >= prev, "values of claim {i} out of order");
            prev = v.end;
            assert_eq!(slice(v.start, v.end, "value"), v.text, "value offsets and text disagree");
            for x in [v.value, v.min, v.max, v.resolved].into_iter().flatten() {
                assert!(x.is_finite(), "{:?} has a non-finite figure", v.text);
            }
            if let Some(p) = v.part_of {
                assert!(p.claim <= i, "value {k} of claim {i} is part of a later claim");
                assert!(run.claims[p.claim].values.len() > p.value, "part_of points at a missing value");
            }
        }
        if let Some(a) = &c.attribution {
            assert_eq!(slice(a.start, a.end, "source"), a.source, "source offsets and text disagree");
            for co in &a.also {
                assert_eq!(slice(co.start, co.end, "co-source"), co.source);
            }
        }
        for check in &c.checks {
            assert!(check.claims.iter().all(|&k| k < run.claims.len()), "a check names a missing claim");
        }
        last_end = c.end;
    }
    for s in &run.sources {
        for m in &s.mentions {
            assert_eq!(slice(m.start, m.end, "mention"), m.text, "mention offsets and text disagree");
        }
        assert!(s.claims.iter().all(|&k| k < run.claims.len()), "a source names a missing claim");
    }
}

/// The text a node span covers in `texts`, by the reference computation (`encode_utf16`).
pub fn node_text<S: AsRef<str>>(texts: &[S], n: NodeSpan) -> String {
    assert!(n.start_node <= n.end_node && n.end_node < texts.len(), "node span {n:?} outside the nodes");
    let mut out = String::new();
    for (i, t) in texts.iter().enumerate().take(n.end_node + 1).skip(n.start_node) {
        let units: Vec<u16> = t.as_ref().encode_utf16().collect();
        let a = if i == n.start_node { n.start_offset } else { 0 };
        let b = if i == n.end_node { n.end_offset } else { units.len() };
        assert!(a <= b && b <= units.len(), "node span {n:?} outside node {i}");
        out.push_str(&String::from_utf16(&units[a..b]).expect("a node span splits a character"));
    }
    out
}

/// Checks an extraction over text nodes: every value's node span covers its text, with the
/// nodes' own white space (line breaks inside a node are read as spaces).
pub fn check_nodes<S: AsRef<str>>(texts: &[S], run: &Extraction) {
    let same = |a: &str, b: &str| {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        norm(a) == norm(b)
    };
    for c in &run.claims {
        for v in &c.values {
            let n = v.nodes.unwrap_or_else(|| panic!("value {:?} has no node span", v.text));
            let got = node_text(texts, n);
            assert!(same(&got, &v.text), "node span of {:?} covers {got:?}", v.text);
        }
    }
}
