//! The corpus harness: reads `tests/corpus/en/*.toml` (format in `tests/corpus/README.md`) and
//! checks every example against [`claimlens::extract`]. Kept free of native-only APIs so the
//! browser tests can run the same examples.

#![allow(dead_code)]

use claimlens::{extract, Date, Extraction, Options, Value};

/// The corpus files, embedded so the same examples run natively and in browsers.
pub const FILES: &[(&str, &str)] = &[
    ("numbers", include_str!("../corpus/en/numbers.toml")),
    ("counts", include_str!("../corpus/en/counts.toml")),
    ("vague", include_str!("../corpus/en/vague.toml")),
    ("ranges", include_str!("../corpus/en/ranges.toml")),
    ("hedges", include_str!("../corpus/en/hedges.toml")),
    ("ratios", include_str!("../corpus/en/ratios.toml")),
    ("percent", include_str!("../corpus/en/percent.toml")),
    ("money", include_str!("../corpus/en/money.toml")),
    ("measures", include_str!("../corpus/en/measures.toml")),
    ("ordinals", include_str!("../corpus/en/ordinals.toml")),
    ("durations", include_str!("../corpus/en/durations.toml")),
    ("dates", include_str!("../corpus/en/dates.toml")),
    ("regression", include_str!("../corpus/en/regression.toml")),
];

pub const NEGATIVE: &str = include_str!("../corpus/en/negative.toml");

/// One example: the text without braces, the braced byte span, and what is expected.
pub struct Example {
    pub file: &'static str,
    pub text: String,
    pub span: (usize, usize),
    pub braced: bool,
    pub reference: Option<Date>,
    pub expect: Option<toml::Table>,
    pub note: String,
}

fn parse_date(v: Option<&toml::Value>, inherited: Option<Date>) -> Option<Date> {
    match v.and_then(|v| v.as_str()) {
        Some("none") => None,
        Some(s) => Some(Date::parse(s).unwrap_or_else(|e| panic!("bad reference_date {s:?}: {e}"))),
        None => inherited,
    }
}

/// All examples of one corpus file.
pub fn examples(file: &'static str, source: &str) -> Vec<Example> {
    let doc: toml::Table = source.parse().unwrap_or_else(|e| panic!("{file}.toml does not parse: {e}"));
    let file_date = parse_date(doc.get("reference_date"), None);
    let mut out = Vec::new();
    let cases = doc.get("case").and_then(|c| c.as_array()).cloned().unwrap_or_default();
    for case in cases {
        let case = case.as_table().expect("a [[case]] is a table");
        let reference = parse_date(case.get("reference_date"), file_date);
        let expect = case.get("expect").and_then(|e| e.as_table()).cloned();
        let note = case.get("note").and_then(|n| n.as_str()).unwrap_or("").to_string();
        let texts =
            case.get("texts").and_then(|t| t.as_array()).unwrap_or_else(|| panic!("{file}: a case without texts"));
        for t in texts {
            let raw = t.as_str().expect("texts are strings");
            let (text, span, braced) = match (raw.find('{'), raw.find('}')) {
                (Some(a), Some(b)) if a < b => {
                    let text = format!("{}{}{}", &raw[..a], &raw[a + 1..b], &raw[b + 1..]);
                    (text, (a, b - 1), true)
                }
                _ => (raw.to_string(), (0, raw.len()), false),
            };
            out.push(Example { file, text, span, braced, reference, expect: expect.clone(), note: note.clone() });
        }
    }
    out
}

fn run(ex: &Example) -> Extraction {
    let mut opts = Options::new();
    if let Some(d) = ex.reference {
        opts = opts.with_reference_date(d);
    }
    extract(&ex.text, &opts)
}

/// UTF-16 offsets of the example's braced byte span.
fn utf16_span(ex: &Example) -> (usize, usize) {
    let a = ex.text[..ex.span.0].encode_utf16().count();
    let b = ex.text[..ex.span.1].encode_utf16().count();
    (a, b)
}

fn num_eq(got: Option<f64>, want: &toml::Value) -> bool {
    let want = match want {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(f) => Some(*f),
        toml::Value::String(s) if s.is_empty() => None,
        _ => return false,
    };
    match (got, want) {
        (None, None) => true,
        (Some(g), Some(w)) => (g - w).abs() <= 1e-6 * w.abs().max(1.0),
        _ => false,
    }
}

fn str_eq(got: Option<String>, want: &toml::Value) -> bool {
    match want.as_str() {
        Some("") => got.is_none(),
        Some(w) => got.as_deref() == Some(w),
        None => false,
    }
}

/// Compares one value with the expected fields; returns what differs.
pub fn compare(v: &Value, expect: &toml::Table) -> Vec<String> {
    let mut bad = Vec::new();
    for (key, want) in expect {
        let ok = match key.as_str() {
            "kind" => str_eq(Some(v.kind.as_str().to_string()), want),
            "value" => num_eq(v.value, want),
            "min" => num_eq(v.min, want),
            "max" => num_eq(v.max, want),
            "resolved" => num_eq(v.resolved, want),
            "hedge" => str_eq(v.hedge.map(|h| h.as_str().to_string()), want),
            "unit" => str_eq(v.unit.map(str::to_string), want),
            "counted" => str_eq(v.counted.clone(), want),
            "from" => str_eq(v.from.map(|d| d.to_string()), want),
            "to" => str_eq(v.to.map(|d| d.to_string()), want),
            "grain" => str_eq(v.grain.map(|g| g.as_str().to_string()), want),
            other => panic!("unknown expect field {other:?}"),
        };
        if !ok {
            let got = match key.as_str() {
                "kind" => v.kind.as_str().to_string(),
                "value" => format!("{:?}", v.value),
                "min" => format!("{:?}", v.min),
                "max" => format!("{:?}", v.max),
                "resolved" => format!("{:?}", v.resolved),
                "hedge" => format!("{:?}", v.hedge.map(|h| h.as_str())),
                "unit" => format!("{:?}", v.unit),
                "counted" => format!("{:?}", v.counted),
                "from" => format!("{:?}", v.from.map(|d| d.to_string())),
                "to" => format!("{:?}", v.to.map(|d| d.to_string())),
                _ => format!("{:?}", v.grain.map(|g| g.as_str())),
            };
            bad.push(format!("{key}: want {want}, got {got}"));
        }
    }
    bad
}

/// Checks a positive example: exactly one value has the braced span, with the expected fields,
/// and no other value overlaps it. Returns a description of the failure, if any.
pub fn check_positive(ex: &Example) -> Option<String> {
    let found = run(ex);
    let (a, b) = utf16_span(ex);
    let values: Vec<&Value> = found.claims.iter().flat_map(|c| &c.values).collect();
    let exact: Vec<&&Value> = values.iter().filter(|v| v.start == a && v.end == b).collect();
    let overlapping: Vec<String> = values
        .iter()
        .filter(|v| v.start < b && a < v.end && !(v.start == a && v.end == b))
        .map(|v| format!("{:?} ({})", v.text, v.kind.as_str()))
        .collect();
    let want = &ex.text[ex.span.0..ex.span.1];
    if exact.len() != 1 {
        return Some(format!(
            "want a value {want:?}; found {:?}",
            values.iter().map(|v| format!("{} ({})", v.text, v.kind.as_str())).collect::<Vec<_>>()
        ));
    }
    if !overlapping.is_empty() {
        return Some(format!("values overlap {want:?}: {overlapping:?}"));
    }
    let bad = compare(exact[0], ex.expect.as_ref().expect("positive cases have expect"));
    (!bad.is_empty()).then(|| format!("{want:?}: {}", bad.join("; ")))
}

/// Checks a negative example: nothing overlaps the braced span (or nothing at all is found).
pub fn check_negative(ex: &Example) -> Option<String> {
    let found = run(ex);
    let (a, b) = utf16_span(ex);
    let hits: Vec<String> = found
        .claims
        .iter()
        .flat_map(|c| &c.values)
        .filter(|v| !ex.braced || (v.start < b && a < v.end))
        .map(|v| format!("{:?} ({})", v.text, v.kind.as_str()))
        .collect();
    (!hits.is_empty()).then(|| format!("found {hits:?}"))
}

pub const ATTRIBUTION: &str = include_str!("../corpus/en/attribution.toml");
pub const CHECKS: &str = include_str!("../corpus/en/checks.toml");

/// One attribution or checks example: a mini-document, the anchor of the claim under test, and
/// the expected fields.
pub struct ClaimExample {
    pub text: String,
    pub anchor: String,
    pub reference: Option<Date>,
    pub expect: toml::Table,
    pub note: String,
}

pub fn claim_examples(file: &str, source: &str) -> Vec<ClaimExample> {
    let doc: toml::Table = source.parse().unwrap_or_else(|e| panic!("{file}.toml does not parse: {e}"));
    let file_date = parse_date(doc.get("reference_date"), None);
    let mut out = Vec::new();
    for case in doc.get("case").and_then(|c| c.as_array()).cloned().unwrap_or_default() {
        let case = case.as_table().expect("a [[case]] is a table").clone();
        let reference = parse_date(case.get("reference_date"), file_date);
        let anchor = case
            .get("anchor")
            .and_then(|a| a.as_str())
            .unwrap_or_else(|| panic!("{file}: a case without anchor"))
            .to_string();
        let expect = case
            .get("expect")
            .and_then(|e| e.as_table())
            .cloned()
            .unwrap_or_else(|| panic!("{file}: a case without expect"));
        let note = case.get("note").and_then(|n| n.as_str()).unwrap_or("").to_string();
        for t in case.get("texts").and_then(|t| t.as_array()).expect("texts") {
            let text = t.as_str().expect("texts are strings").to_string();
            out.push(ClaimExample {
                text,
                anchor: anchor.clone(),
                reference,
                expect: expect.clone(),
                note: note.clone(),
            });
        }
    }
    out
}

/// Names compared as a reader would: case, a leading article and a possessive 's aside.
fn same_name(got: &str, want: &str) -> bool {
    let norm = |s: &str| {
        let lower = s.to_lowercase().replace('\u{2019}', "'");
        let lower = lower.trim_start_matches("the ").trim_start_matches("an ").trim_start_matches("a ");
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    norm(got) == norm(want)
}

/// Checks one attribution example; returns what differs.
pub fn check_attribution(ex: &ClaimExample) -> Option<String> {
    let mut opts = Options::new();
    if let Some(d) = ex.reference {
        opts = opts.with_reference_date(d);
    }
    let run = extract(&ex.text, &opts);
    let at = ex.text.find(&ex.anchor).unwrap_or_else(|| panic!("anchor {:?} not in {:?}", ex.anchor, ex.text));
    let (a, b) = (ex.text[..at].encode_utf16().count(), ex.text[..at + ex.anchor.len()].encode_utf16().count());
    let Some(claim) = run.claims.iter().find(|c| c.start <= a && b <= c.end) else {
        return Some(format!("no claim covers {:?}", ex.anchor));
    };
    let att = claim.attribution.as_ref();
    let mut bad = Vec::new();
    for (key, want) in &ex.expect {
        let ok = match key.as_str() {
            "source" => match (want.as_str(), att) {
                (Some(""), None) => true,
                (Some(""), Some(_)) | (_, None) => false,
                (Some(w), Some(x)) => same_name(&x.canonical, w),
                _ => false,
            },
            "cue" => att.is_some_and(|x| Some(x.cue.as_str()) == want.as_str()),
            "type" => att.is_some_and(|x| Some(x.source_type) == want.as_str()),
            "mention" => att.is_some_and(|x| want.as_str().is_some_and(|w| same_name(&x.source, w))),
            "affiliation" => match (want.as_str(), att.and_then(|x| x.affiliation.as_deref())) {
                (Some(""), None) => true,
                (Some(w), Some(g)) => same_name(g, w),
                _ => false,
            },
            "quote" => att.is_some_and(|x| x.quote) == want.as_bool().unwrap_or(false),
            "inherited" => att.is_some_and(|x| x.inherited) == want.as_bool().unwrap_or(false),
            "also" => {
                let got: Vec<&str> =
                    att.map(|x| x.also.iter().map(|c| c.canonical.as_str()).collect()).unwrap_or_default();
                let want: Vec<&str> =
                    want.as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
                got.len() == want.len() && want.iter().all(|w| got.iter().any(|g| same_name(g, w)))
            }
            other => panic!("unknown attribution field {other:?}"),
        };
        if !ok {
            bad.push(format!("{key}: want {want}"));
        }
    }
    (!bad.is_empty()).then(|| {
        let got = att.map_or("unattributed".to_string(), |x| {
            format!(
                "{:?} ({}, cue {:?}, aff {:?}, quote {}, inherited {}, also {:?})",
                x.canonical,
                x.source_type,
                x.cue,
                x.affiliation,
                x.quote,
                x.inherited,
                x.also.iter().map(|c| &c.canonical).collect::<Vec<_>>()
            )
        });
        format!("{}; got {got}", bad.join("; "))
    })
}

/// Checks one consistency-check example; returns what differs.
pub fn check_checks(ex: &ClaimExample) -> Option<String> {
    let mut opts = Options::new();
    if let Some(d) = ex.reference {
        opts = opts.with_reference_date(d);
    }
    let run = extract(&ex.text, &opts);
    let at = ex.text.find(&ex.anchor).unwrap_or_else(|| panic!("anchor {:?} not in {:?}", ex.anchor, ex.text));
    let a = ex.text[..at].encode_utf16().count();
    let Some(claim) = run.claims.iter().find(|c| c.start <= a && a < c.end) else {
        return Some(format!("no claim covers {:?}", ex.anchor));
    };
    let mut got: Vec<&str> = claim.checks.iter().map(|c| c.kind).collect();
    got.sort_unstable();
    got.dedup();
    let mut want: Vec<&str> =
        ex.expect.get("checks").and_then(|c| c.as_array()).expect("checks").iter().filter_map(|v| v.as_str()).collect();
    want.sort_unstable();
    (got != want).then(|| format!("checks {got:?}, want {want:?}"))
}
