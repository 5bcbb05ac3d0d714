//! Golden articles (`tests/golden/*.txt`, news stories written for claimlens) scored against
//! their gold files (`*.gold.json`, the format of the project's reference scorer), written before
//! the code that finds them:
//! - values: every gold value found with its kind, figure, bounds, dates, hedge and counted noun;
//!   nothing inside a negative span; at most one value where the gold expects none; every `text`
//!   exactly the slice its offsets point at;
//! - sources: each gold claim's source (or none), quote and inherited flags and co-sources; links
//!   (a ratio's resolved figure, a part's whole); a person's affiliation; one sources-index entry
//!   per source with its mentions;
//! - checks (when the gold lists them): the expected consistency flags, and no other.

use claimlens::{extract, Date, Extraction, Options, Value};
use serde_json::Value as Json;

const ARTICLES: &[(&str, &str, &str)] = &[
    ("flood-relief", include_str!("golden/flood-relief.txt"), include_str!("golden/flood-relief.gold.json")),
    ("budget-vote", include_str!("golden/budget-vote.txt"), include_str!("golden/budget-vote.gold.json")),
    ("outbreak", include_str!("golden/outbreak.txt"), include_str!("golden/outbreak.gold.json")),
    ("wire-clashes", include_str!("golden/wire-clashes.txt"), include_str!("golden/wire-clashes.gold.json")),
    ("jobs-report", include_str!("golden/jobs-report.txt"), include_str!("golden/jobs-report.gold.json")),
    ("court-quotes", include_str!("golden/court-quotes.txt"), include_str!("golden/court-quotes.gold.json")),
    ("rival-tallies", include_str!("golden/rival-tallies.txt"), include_str!("golden/rival-tallies.gold.json")),
    ("drought-appeal", include_str!("golden/drought-appeal.txt"), include_str!("golden/drought-appeal.gold.json")),
    ("election-count", include_str!("golden/election-count.txt"), include_str!("golden/election-count.gold.json")),
    ("factory-fire", include_str!("golden/factory-fire.txt"), include_str!("golden/factory-fire.gold.json")),
    ("vaccine-study", include_str!("golden/vaccine-study.txt"), include_str!("golden/vaccine-study.gold.json")),
];

/// The UTF-16 range of the `occurrence`-th `needle` in `text`.
fn find(text: &str, needle: &str, occurrence: usize) -> (usize, usize) {
    let mut from = 0;
    let mut at = None;
    for _ in 0..occurrence {
        let i = text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} (occurrence {occurrence}) is not in the article"))
            + from;
        at = Some(i);
        from = i + text[i..].chars().next().map_or(1, char::len_utf8);
    }
    let a = at.expect("occurrence >= 1");
    (utf16(text, a), utf16(text, a + needle.len()))
}

fn utf16(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn inside(a: (usize, usize), b: (usize, usize)) -> bool {
    b.0 <= a.0 && a.1 <= b.1
}

/// A figure within the gold's tolerance: a number, or a [low, high] band.
fn in_band(x: Option<f64>, want: &Json) -> bool {
    let Some(x) = x else { return false };
    match want {
        Json::Array(band) => band[0].as_f64().unwrap() <= x && x <= band[1].as_f64().unwrap(),
        w => (x - w.as_f64().unwrap()).abs() <= 1e-6 * w.as_f64().unwrap().abs().max(1.0),
    }
}

fn date_in(x: Option<Date>, want: &Json) -> bool {
    let Some(x) = x.map(|d| d.to_string()) else { return false };
    match want {
        Json::Array(options) => options.iter().any(|o| o.as_str() == Some(x.as_str())),
        w => w.as_str() == Some(x.as_str()),
    }
}

fn norm(name: &str) -> Vec<String> {
    let lower = name.to_lowercase().replace('\u{2019}', "'").replace("'s ", " ");
    let lower = lower.strip_suffix("'s").unwrap_or(&lower).to_string();
    let words: Vec<String> = lower.split_whitespace().map(str::to_string).collect();
    match words.first().map(String::as_str) {
        Some("the" | "a" | "an") => words[1..].to_vec(),
        _ => words,
    }
}

/// The scorer's name match: the same words, or the accepted name inside a slightly longer one.
fn name_matches(got: Option<&str>, accepted: &Json) -> bool {
    let p = norm(got.unwrap_or(""));
    if p.is_empty() {
        return false;
    }
    let list: Vec<&str> = match accepted {
        Json::Array(a) => a.iter().filter_map(Json::as_str).collect(),
        Json::String(x) => vec![x.as_str()],
        _ => vec![],
    };
    list.iter().any(|a| {
        let a = norm(a);
        let (pj, aj) = (p.join(" "), a.join(" "));
        p == a || (p.windows(a.len().max(1)).any(|w| w == a.as_slice()) && pj.len() <= 2 * aj.len() + 20)
    })
}

/// The counted noun names the gold's head noun and says little else.
fn counted_ok(got: Option<&str>, want: &str) -> bool {
    let (p, g) = (norm(got.unwrap_or("")), norm(want));
    if p.is_empty() || g.is_empty() {
        return false;
    }
    p == g
        || (p.contains(g.last().unwrap())
            && (p.iter().all(|w| g.contains(w)) || p.join(" ").len() <= g.join(" ").len() + 20))
}

fn value_ok(v: &Value, g: &Json) -> Result<(), String> {
    if v.kind.as_str() != g["kind"].as_str().unwrap() {
        return Err(format!("kind {}", v.kind.as_str()));
    }
    if matches!(v.kind.as_str(), "date" | "duration") && g.get("from").is_some() {
        if !date_in(v.from, &g["from"]) || !date_in(v.to, &g["to"]) {
            return Err(format!("dates {:?}..{:?}", v.from.map(|d| d.to_string()), v.to.map(|d| d.to_string())));
        }
        return Ok(());
    }
    if let Some(want) = g.get("value") {
        let ok = match v.value {
            Some(x) => in_band(Some(x), want),
            None => {
                v.min.zip(v.max).is_some_and(|(lo, hi)| lo <= want.as_f64().unwrap() && want.as_f64().unwrap() <= hi)
            }
        };
        if !ok {
            return Err(format!("value {:?}", v.value));
        }
    }
    for (key, got) in [("min", v.min), ("max", v.max)] {
        if let Some(want) = g.get(key) {
            if !in_band(got, want) {
                return Err(format!("{key} {got:?}"));
            }
        }
    }
    Ok(())
}

fn spans_equal_text(text: &str, run: &Extraction) -> Vec<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |a: usize, b: usize| String::from_utf16_lossy(&units[a.min(units.len())..b.min(units.len())]);
    let mut bad = Vec::new();
    for c in &run.claims {
        if slice(c.start, c.end) != c.text {
            bad.push(format!("claim {} text is not its slice", c.id));
        }
        for v in &c.values {
            if slice(v.start, v.end) != v.text {
                bad.push(format!("value {:?} is not its slice", v.text));
            }
        }
    }
    bad
}

fn run_of(text: &str, gold: &Json) -> Extraction {
    let date = Date::parse(gold["referenceDate"].as_str().unwrap()).unwrap();
    extract(text, &Options::new().with_reference_date(date))
}

/// The value checks of one article: every failure is a test failure.
fn score(name: &str, text: &str, gold: &Json) -> Vec<String> {
    let run = run_of(text, gold);
    let mut failures = spans_equal_text(text, &run);
    let values: Vec<&Value> = run.claims.iter().flat_map(|c| &c.values).collect();
    let mut matched = vec![false; values.len()];
    let mut anchors = Vec::new();
    for g in gold["values"].as_array().unwrap() {
        let anchor_text = g["anchor"].as_str().unwrap();
        let occurrence = g.get("occurrence").and_then(Json::as_u64).unwrap_or(1) as usize;
        let anchor = find(text, anchor_text, occurrence);
        anchors.push(anchor);
        let extent = g.get("extent").and_then(Json::as_str).map_or(anchor, |e| {
            let mut k = 1;
            loop {
                let span = find(text, e, k);
                if inside(anchor, span) {
                    break span;
                }
                k += 1;
            }
        });
        if g.get("required") == Some(&Json::Bool(false)) {
            continue;
        }
        let label = format!("[{name}] {anchor_text}#{occurrence}");
        let candidate = values.iter().enumerate().find(|(i, v)| {
            !matched[*i]
                && overlaps((v.start, v.end), anchor)
                && inside((v.start, v.end), extent)
                && value_ok(v, g).is_ok()
        });
        let Some((i, v)) = candidate else {
            let near: Vec<String> = values
                .iter()
                .filter(|v| overlaps((v.start, v.end), anchor))
                .map(|v| {
                    format!("{:?}: {}", v.text, value_ok(v, g).err().unwrap_or_else(|| "span wider than extent".into()))
                })
                .collect();
            failures.push(format!("{label}: not found ({near:?})"));
            continue;
        };
        matched[i] = true;
        if let Some(h) = g.get("hedge").and_then(Json::as_str) {
            if v.hedge.map(|x| x.as_str()) != Some(h) {
                failures.push(format!("{label}: hedge {:?}, want {h}", v.hedge.map(|x| x.as_str())));
            }
        }
        if let Some(c) = g.get("counted").and_then(Json::as_str) {
            if !counted_ok(v.counted.as_deref(), c) {
                failures.push(format!("{label}: counted {:?}, want {c:?}", v.counted));
            }
        }
    }
    let spans_of = |key: &str| -> Vec<(usize, usize)> {
        gold[key]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|n| {
                let n = n.as_str().unwrap();
                text.match_indices(n).map(|(i, _)| (utf16(text, i), utf16(text, i + n.len()))).collect::<Vec<_>>()
            })
            .collect()
    };
    let neutral = spans_of("neutral");
    let negative = spans_of("negative");
    let mut false_positives = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let span = (v.start, v.end);
        if matched[i] {
            continue;
        }
        if negative.iter().any(|&n| overlaps(span, n)) {
            failures.push(format!("[{name}] value {:?} inside a negative span", v.text));
        } else if anchors.iter().any(|&a| overlaps(span, a)) || !neutral.iter().any(|&n| overlaps(span, n)) {
            false_positives.push(v.text.clone());
        }
    }
    if false_positives.len() > 1 {
        failures.push(format!("[{name}] {} false positives: {false_positives:?}", false_positives.len()));
    }
    failures
}

fn host<'r>(run: &'r Extraction, text: &str, anchor: &str) -> (Option<&'r claimlens::Claim>, (usize, usize)) {
    let span = find(text, anchor, 1);
    (run.claims.iter().find(|c| inside(span, (c.start, c.end))), span)
}

/// The attribution checks of one article: (checks made, misses).
fn score_sources(name: &str, text: &str, gold: &Json, run: &Extraction) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut made = 0;
    for g in gold["claims"].as_array().unwrap() {
        made += 1;
        let anchor = g["anchor"].as_str().unwrap();
        let label = format!("[{name}] claim {anchor:?}");
        let (claim, _) = host(run, text, anchor);
        let Some(claim) = claim else {
            failures.push(format!("{label}: no claim covers it"));
            continue;
        };
        let att = claim.attribution.as_ref();
        if g["source"].is_null() {
            if let Some(a) = att {
                failures.push(format!("{label}: attributed to {:?}, want none", a.canonical));
            }
            continue;
        }
        let Some(a) = att else {
            failures.push(format!("{label}: unattributed, want {}", g["source"]));
            continue;
        };
        if !name_matches(Some(&a.canonical), &g["source"]) {
            failures.push(format!("{label}: source {:?}, want {}", a.canonical, g["source"]));
        }
        if a.quote != g.get("quote").and_then(Json::as_bool).unwrap_or(false) {
            failures.push(format!("{label}: quote {}", a.quote));
        }
        if a.inherited != g.get("inherited").and_then(Json::as_bool).unwrap_or(false) {
            failures.push(format!("{label}: inherited {}", a.inherited));
        }
        if let Some(also) = g.get("also").and_then(Json::as_array) {
            let names: Vec<&str> =
                std::iter::once(a.canonical.as_str()).chain(a.also.iter().map(|x| x.canonical.as_str())).collect();
            for want in also {
                if !names.iter().any(|n| name_matches(Some(n), want)) {
                    failures.push(format!("{label}: co-sources {names:?} lack {want}"));
                }
            }
        }
    }
    for g in gold["links"].as_array().unwrap() {
        let anchor = g["anchor"].as_str().unwrap();
        let (claim, span) = host(run, text, anchor);
        let vals: Vec<&Value> =
            claim.map(|c| c.values.iter().filter(|v| overlaps((v.start, v.end), span)).collect()).unwrap_or_default();
        if let Some(want) = g.get("resolved") {
            if !vals.iter().any(|v| in_band(v.resolved, want)) {
                failures.push(format!(
                    "[{name}] link {anchor:?}: resolved {:?}",
                    vals.iter().map(|v| v.resolved).collect::<Vec<_>>()
                ));
            }
        }
        if let Some(whole) = g.get("partOf").and_then(Json::as_str) {
            let (_, wspan) = host(run, text, whole);
            let ok = vals.iter().any(|v| {
                v.part_of.is_some_and(|p| {
                    run.claims
                        .get(p.claim)
                        .and_then(|c| c.values.get(p.value))
                        .is_some_and(|w| overlaps((w.start, w.end), wspan))
                })
            });
            if !ok {
                failures.push(format!("[{name}] link {anchor:?} is not part of {whole:?}"));
            }
        }
    }
    for g in gold["affiliations"].as_array().unwrap() {
        made += 1;
        let anchor = g["anchor"].as_str().unwrap();
        let att = host(run, text, anchor).0.and_then(|c| c.attribution.as_ref());
        let ok = att.is_some_and(|a| {
            name_matches(Some(&a.canonical), &g["affiliation"])
                || name_matches(Some(&a.canonical), &g["person"])
                    && name_matches(a.affiliation.as_deref(), &g["affiliation"])
        });
        if !ok {
            failures
                .push(format!("[{name}] affiliation at {anchor:?}: {:?}", att.map(|a| (&a.canonical, &a.affiliation))));
        }
    }
    for g in gold["sourcesIndex"].as_array().unwrap() {
        made += 1;
        let alias = g["alias"].as_str().unwrap().to_lowercase();
        let entries: Vec<_> = run
            .sources
            .iter()
            .filter(|e| norm(&e.canonical).join(" ") == alias || name_matches(Some(&e.canonical), &g["name"]))
            .collect();
        let mentions = if entries.len() == 1 { entries[0].mentions.len() } else { 0 };
        if entries.len() != 1 || mentions < g["minMentions"].as_u64().unwrap() as usize {
            failures.push(format!(
                "[{name}] sources index for {}: {} entries, {mentions} mentions",
                g["name"],
                entries.len()
            ));
        }
    }
    if let Some(checks) = gold.get("checks").and_then(Json::as_array) {
        let mut expected = 0;
        for g in checks {
            let kind = g["kind"].as_str().unwrap();
            for anchor in g["anchors"].as_array().unwrap() {
                expected += 1;
                made += 1;
                let claim = host(run, text, anchor.as_str().unwrap()).0;
                if !claim.is_some_and(|c| c.checks.iter().any(|k| k.kind == kind)) {
                    failures.push(format!("[{name}] no {kind} check at {anchor}"));
                }
            }
        }
        let flagged = run.claims.iter().filter(|c| !c.checks.is_empty()).count();
        made += 1;
        if flagged > expected {
            failures.push(format!("[{name}] {flagged} claims flagged, {expected} expected"));
        }
    }
    (made, failures)
}

#[test]
fn golden_articles_values() {
    let mut failures = Vec::new();
    for (name, text, gold) in ARTICLES {
        let gold: Json = serde_json::from_str(gold).unwrap_or_else(|e| panic!("{name}.gold.json: {e}"));
        failures.extend(score(name, text, &gold));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Attribution over all golden articles: the first three (written with the value engine) must be
/// perfect; every article must reach 90 % of its attribution checks and all of them together 95 %.
/// The misses are printed (`cargo test --test golden -- --nocapture`).
#[test]
fn golden_articles_attribution() {
    let (mut made, mut missed) = (0, 0);
    let mut failures = Vec::new();
    for (k, (name, text, gold)) in ARTICLES.iter().enumerate() {
        let gold: Json = serde_json::from_str(gold).unwrap();
        let run = run_of(text, &gold);
        let (n, misses) = score_sources(name, text, &gold, &run);
        let accuracy = 1.0 - misses.len() as f64 / n.max(1) as f64;
        println!("{name:<15} attribution {:>3}/{:<3} {:>5.1}%", n - misses.len(), n, accuracy * 100.0);
        for m in &misses {
            println!("    {m}");
        }
        if (k < 3 && !misses.is_empty()) || accuracy < 0.9 {
            failures.push(format!("{name}: {:.1}% ({misses:?})", accuracy * 100.0));
        }
        made += n;
        missed += misses.len();
    }
    let overall = 1.0 - missed as f64 / made as f64;
    println!("all articles    attribution {}/{made} {:.1}%", made - missed, overall * 100.0);
    assert!(failures.is_empty() && overall >= 0.95, "overall {:.1}%: {failures:?}", overall * 100.0);
}

/// The scorer itself must be able to fail: a run that misses a gold value is caught.
#[test]
fn scorer_catches_a_wrong_figure() {
    let (_, text, gold) = ARTICLES[0];
    let mut gold: Json = serde_json::from_str(gold).unwrap();
    let first = &mut gold["values"].as_array_mut().unwrap()[0];
    let wrong = match first.get("value").and_then(Json::as_f64) {
        Some(v) => Json::from(v + 1.0),
        None => Json::from("1999-01-01"),
    };
    if first.get("value").is_some() {
        first["value"] = wrong;
    } else {
        first["from"] = wrong;
    }
    assert!(!score("mutated", text, &gold).is_empty());
}

/// ... and a run that names the wrong source is caught too.
#[test]
fn scorer_catches_a_wrong_source() {
    let (_, text, gold) = ARTICLES[1];
    let mut gold: Json = serde_json::from_str(gold).unwrap();
    let claim = gold["claims"].as_array_mut().unwrap().iter_mut().find(|c| !c["source"].is_null()).unwrap();
    claim["source"] = Json::from(vec!["Nobody In Particular"]);
    let run = run_of(text, &gold);
    assert!(!score_sources("mutated", text, &gold, &run).1.is_empty());
}

/// The JSON the browser build and the CLI's `--jsonl` mode hand out is written by hand
/// (`Extraction::to_json`); it must be byte for byte what serde_json writes for the same result,
/// on every golden article and on their text as DOM-like nodes.
#[test]
fn hand_written_json_equals_serde_json() {
    for (name, text, gold) in ARTICLES {
        let gold: Json = serde_json::from_str(gold).unwrap();
        let found = run_of(text, &gold);
        let options = Options::new().with_reference_date(found.reference_date.unwrap());
        assert_eq!(found.to_json(), serde_json::to_string(&found).unwrap(), "{name}");
        let nodes: Vec<&str> = text.split_inclusive('\n').collect();
        let blocks: Vec<u32> = (0..nodes.len() as u32).collect();
        let found = claimlens::extract_nodes(&nodes, &blocks, &options).expect("valid blocks");
        assert_eq!(found.to_json(), serde_json::to_string(&found).unwrap(), "{name} as nodes");
    }
}
