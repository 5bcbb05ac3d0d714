//! Runs the corpus (`tests/corpus/en/*.toml`): every positive example must yield its value,
//! every negative example nothing.

mod common;

use common::{check_negative, check_positive, examples, FILES, NEGATIVE};

#[test]
fn positive_corpus() {
    let mut failures = Vec::new();
    let mut total = 0;
    for (name, source) in FILES {
        let exs = examples(name, source);
        let mut failed = 0;
        for ex in &exs {
            total += 1;
            if let Some(why) = check_positive(ex) {
                failed += 1;
                failures.push(format!("[{name}] {}\n    {why}", ex.text));
            }
        }
        println!("{name:<11} {:>4} examples, {:>3} failing", exs.len(), failed);
    }
    assert!(failures.is_empty(), "{} of {total} corpus examples fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn negative_corpus() {
    let exs = examples("negative", NEGATIVE);
    let failures: Vec<String> =
        exs.iter().filter_map(|ex| check_negative(ex).map(|why| format!("{}\n    {why}", ex.text))).collect();
    println!("negative    {:>4} examples, {:>3} failing", exs.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} negative examples find something:\n{}",
        failures.len(),
        exs.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_is_big_and_varied() {
    let positives: Vec<_> = FILES.iter().flat_map(|(n, s)| examples(n, s)).collect();
    let negatives = examples("negative", NEGATIVE);
    assert!(positives.len() >= 800, "{} positive examples", positives.len());
    assert!(negatives.len() >= 100, "{} negative examples", negatives.len());
    let mut texts: Vec<&str> = positives.iter().chain(&negatives).map(|e| e.text.as_str()).collect();
    texts.sort_unstable();
    let before = texts.len();
    texts.dedup();
    assert_eq!(before, texts.len(), "duplicate examples");
}

#[test]
fn attribution_corpus() {
    let exs = common::claim_examples("attribution", common::ATTRIBUTION);
    let failures: Vec<String> = exs
        .iter()
        .filter_map(|ex| common::check_attribution(ex).map(|why| format!("[{}] {}\n    {why}", ex.note, ex.text)))
        .collect();
    println!("attribution {:>4} examples, {:>3} failing", exs.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} attribution examples fail:\n{}",
        failures.len(),
        exs.len(),
        failures.join("\n")
    );
}

#[test]
fn checks_corpus() {
    let exs = common::claim_examples("checks", common::CHECKS);
    let failures: Vec<String> = exs
        .iter()
        .filter_map(|ex| common::check_checks(ex).map(|why| format!("[{}] {}\n    {why}", ex.note, ex.text)))
        .collect();
    println!("checks      {:>4} examples, {:>3} failing", exs.len(), failures.len());
    assert!(failures.is_empty(), "{} of {} check examples fail:\n{}", failures.len(), exs.len(), failures.join("\n"));
}
