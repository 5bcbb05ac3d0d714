//! Properties of every extraction over generated text (proptest): the invariants of
//! `tests/invariants` hold on news-like text and on arbitrary Unicode; extracting twice gives the
//! same result; and an unrelated paragraph put before a text shifts every offset by its length
//! and changes nothing else. The fuzz targets (`fuzz/`) check the same invariants with libFuzzer.

#![cfg(not(target_arch = "wasm32"))]

use claimlens::{extract, extract_nodes, Date, Extraction, Options};
use proptest::prelude::*;

mod invariants;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(invariants::PIECES).prop_map(str::to_string),
        2 => "[0-9]{1,3}(,[0-9]{3}){0,2}(\\.[0-9]{1,2})?",
        1 => "\\PC{0,6}",
    ]
}

fn news() -> impl Strategy<Value = String> {
    let gap = prop::sample::select(&[" ", " ", " ", ", ", ". ", "\n", "\n\n", ""][..]);
    prop::collection::vec((piece(), gap), 0..80)
        .prop_map(|parts| parts.into_iter().map(|(p, g)| p + g).collect::<String>())
}

/// A paragraph of neutral words: no figure, cue, name, quotation or bracket.
fn neutral_paragraph() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &["river", "runs", "green", "quiet", "town", "road", "trees", "light", "slowly", "past"];
    prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|w| format!("The {}.\n\n", w.join(" ")))
}

fn options() -> Options {
    Options::new().with_reference_date(Date::parse("2020-01-27").unwrap())
}

/// `run` with every offset moved `by` UTF-16 units later.
fn shifted(mut run: Extraction, by: usize) -> Extraction {
    for c in &mut run.claims {
        (c.start, c.end) = (c.start + by, c.end + by);
        for v in &mut c.values {
            (v.start, v.end) = (v.start + by, v.end + by);
        }
        if let Some(a) = &mut c.attribution {
            (a.start, a.end) = (a.start + by, a.end + by);
            for co in &mut a.also {
                (co.start, co.end) = (co.start + by, co.end + by);
            }
        }
    }
    for s in &mut run.sources {
        for m in &mut s.mentions {
            (m.start, m.end) = (m.start + by, m.end + by);
        }
    }
    run
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_news_like_text(text in news()) {
        invariants::check(&text, &extract(&text, &options()));
    }

    #[test]
    fn invariants_hold_on_any_text(text in "\\PC*|.*") {
        invariants::check(&text, &extract(&text, &options()));
    }

    #[test]
    fn extracting_twice_gives_the_same_result(text in news()) {
        prop_assert_eq!(extract(&text, &options()), extract(&text, &options()));
    }

    #[test]
    fn an_unrelated_paragraph_before_shifts_every_offset(prefix in neutral_paragraph(), text in news()) {
        let alone = extract(&text, &options());
        let after = extract(&format!("{prefix}{text}"), &options());
        prop_assert_eq!(shifted(alone, prefix.encode_utf16().count()), after);
    }

    #[test]
    fn node_spans_cover_their_values(parts in prop::collection::vec((news(), 0u32..4), 1..6)) {
        let texts: Vec<&str> = parts.iter().map(|(t, _)| t.as_str()).collect();
        // Block indexes that only grow, as a page's blocks do.
        let blocks: Vec<u32> = parts.iter().scan(0, |b, (_, step)| { *b += step; Some(*b) }).collect();
        let run = extract_nodes(&texts, &blocks, &options()).expect("as many blocks as texts");
        invariants::check_nodes(&texts, &run);
    }
}
