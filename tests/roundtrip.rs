//! The data contract read back: the JSON that `Extraction::to_json()` (and so the command-line
//! tool) writes deserializes with serde into an `Extraction` equal to the one written, for every
//! golden article, every corpus example and text nodes; and JSON this version would never write
//! is an error that names what is wrong.

mod common;

use claimlens::{extract, extract_nodes, Date, Extraction, Options};

/// Writes `found` as JSON, reads it back and compares; returns what differs.
fn round_trip(found: &Extraction) -> Result<(), String> {
    let json = found.to_json();
    let back: Extraction = serde_json::from_str(&json).map_err(|e| format!("does not read back: {e}\n{json}"))?;
    if &back != found {
        // The first difference, in context.
        let (a, b) = (format!("{back:?}"), format!("{found:?}"));
        let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        let near = |s: &str| s.get(at.saturating_sub(150)..(at + 80).min(s.len())).unwrap_or(s).to_string();
        return Err(format!("reads back different:\n…{}…\ninstead of\n…{}…", near(&a), near(&b)));
    }
    // The same text through serde's own writer (json.rs keeps the two identical).
    let via_serde: Extraction = serde_json::from_str(&serde_json::to_string(found).unwrap()).unwrap();
    if &via_serde != found {
        return Err("reads back different through serde_json::to_string".into());
    }
    Ok(())
}

fn options(date: Option<Date>) -> Options {
    let mut options = Options::new();
    if let Some(d) = date {
        options = options.with_reference_date(d);
    }
    options
}

/// The golden articles (`tests/golden/*.txt`), each with its gold file's reference date.
fn articles() -> Vec<(String, String, Date)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let gold: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path.with_extension("gold.json")).unwrap()).unwrap();
            let date = Date::parse(gold["referenceDate"].as_str().unwrap()).unwrap();
            out.push((path.file_stem().unwrap().to_string_lossy().into_owned(), text, date));
        }
    }
    out.sort();
    out
}

#[test]
fn golden_articles_read_back_equal() {
    let articles = articles();
    assert!(articles.len() >= 10, "the golden articles are found: {}", articles.len());
    for (name, text, date) in &articles {
        for date in [Some(*date), None] {
            let found = extract(text, &options(date));
            assert!(found.claims.iter().any(|c| c.attribution.is_some() && c.values.iter().any(|v| v.unit.is_some())));
            round_trip(&found).unwrap_or_else(|e| panic!("{name} ({date:?}): {e}"));
        }
    }
}

#[test]
fn text_nodes_read_back_equal() {
    for (name, text, date) in articles() {
        // Paragraphs are blocks; each is cut into nodes at its spaces, a few words to a node.
        let (mut texts, mut blocks) = (Vec::new(), Vec::new());
        for (block, paragraph) in text.split("\n\n").enumerate() {
            let mut rest = paragraph;
            while !rest.is_empty() {
                let cut = rest.match_indices(' ').nth(3).map_or(rest.len(), |(i, _)| i + 1);
                texts.push(&rest[..cut]);
                blocks.push(block as u32);
                rest = &rest[cut..];
            }
        }
        let found = extract_nodes(&texts, &blocks, &options(Some(date))).unwrap();
        assert!(found.claims.iter().all(|c| c.nodes.is_some()), "{name}: claims carry their nodes");
        round_trip(&found).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn corpus_examples_read_back_equal() {
    let mut texts: Vec<(String, Option<Date>)> = Vec::new();
    for (name, source) in common::FILES.iter().chain([&("negative", common::NEGATIVE)]) {
        texts.extend(common::examples(name, source).into_iter().map(|ex| (ex.text, ex.reference)));
    }
    for (name, source) in [("attribution", common::ATTRIBUTION), ("checks", common::CHECKS)] {
        texts.extend(common::claim_examples(name, source).into_iter().map(|ex| (ex.text, ex.reference)));
    }
    assert!(texts.len() > 1500, "the corpus is read: {} texts", texts.len());
    let mut checks = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for (text, date) in &texts {
        let found = extract(text, &options(*date));
        checks.extend(found.claims.iter().flat_map(|c| c.checks.iter().map(|k| k.kind)));
        if let Err(e) = round_trip(&found) {
            failures.push(format!("{text:?}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} texts:\n{}", failures.len(), texts.len(), failures.join("\n"));
    // Every kind of check was written and read back.
    assert_eq!(checks.len(), 4, "{checks:?}");
}

#[test]
fn dates_outside_four_digit_years_read_back() {
    let reference = Date::parse("-000476-09-04").unwrap();
    let found = extract("Since Friday, some 40 people have left, officials said.", &options(Some(reference)));
    let json = found.to_json();
    assert!(json.contains(r#""referenceDate":"-000476-09-04""#), "{json}");
    assert!(json.contains(r#""from":"-000476-"#), "{json}");
    round_trip(&found).unwrap();
    let back: Extraction = serde_json::from_str(&json).unwrap();
    assert_eq!(back.reference_date.map(Date::year), Some(-476));
}

#[test]
fn json_this_version_never_writes_is_an_error() {
    let found = extract("Some 40 km of road, officials said.", &options(Date::parse("2020-01-27").ok()));
    let json = found.to_json();
    assert!(json.contains(r#""unit":"km""#), "{json}");
    let cases = [
        (r#""unit":"km""#, r#""unit":"furlong""#, r#"invalid unit "furlong": expected one of percent, "#),
        (r#""kind":"measure""#, r#""kind":"Measure""#, r#"invalid kind "Measure": expected one of count, "#),
        (r#""type":"official""#, r#""type":"spokesman""#, r#"invalid source type "spokesman": expected one of "#),
        (r#""referenceDate":"2020-01-27""#, r#""referenceDate":"2020-02-30""#, r#"invalid date "2020-02-30""#),
        (r#""reasons":["#, r#""reasons":["hunch","#, r#"invalid reason "hunch": expected one of count, "#),
    ];
    for (from, to, message) in cases {
        assert!(json.contains(from), "{from} is in {json}");
        let bad = json.replacen(from, to, 1);
        let err = serde_json::from_str::<Extraction>(&bad).unwrap_err().to_string();
        assert!(err.contains(message), "{to}: {err}");
    }
    // A field added by a later version is ignored, as the contract lets fields be added.
    let later = json.replacen(r#""unit":"km""#, r#""unit":"km","precision":"exact""#, 1);
    assert_eq!(serde_json::from_str::<Extraction>(&later).unwrap(), found);
}
