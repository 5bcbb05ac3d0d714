//! From sentences to claims: values are found per sentence, linked to each other ("38,000 of
//! those" → the 358,000 before it; "half of them" → the three million), scored, and checked for
//! consistency.
//!
//! Scores combine the reasons a claim is worth checking as a noisy-or (`1 − Π(1 − wᵢ)`), so
//! each reason adds weight and the score stays within 0..1. The reason codes and their weights
//! are listed in `docs/reasons.md`.

use crate::model::{Check, Claim, Extraction, Hedge, Kind, PartOf, Value, CONTRACT_VERSION};
use crate::text::offsets::Utf16Map;
use crate::text::{segment, tokenize, Token};
use crate::values::{find_values, Found, Sent};
use crate::Options;

/// A reason and its weight in the score.
const REASONS: &[(&str, f64)] = &[
    ("count", 0.6),
    ("percent", 0.65),
    ("money", 0.65),
    ("measure", 0.5),
    ("ratio", 0.5),
    ("ordinal", 0.35),
    ("number", 0.3),
    ("duration", 0.2),
    ("date", 0.25),
    ("vague", -0.3),
    ("several_figures", 0.15),
];

fn weight(code: &str) -> f64 {
    REASONS.iter().find(|(c, _)| *c == code).map_or(0.0, |(_, w)| *w)
}

pub(crate) fn extract(text: &str, options: &Options) -> Extraction {
    let lower = text.to_ascii_lowercase();
    let map = Utf16Map::new(text);
    let mut tokens: Vec<Token> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    // The last figure that can be a whole, for "38,000 of those" and "half of them":
    // (claim id, value index, figure).
    let mut last_whole: Option<(usize, usize, f64)> = None;
    let mut last_whole_para = usize::MAX;
    for sentence in segment::sentences(text) {
        tokens.clear();
        found.clear();
        tokenize(text, sentence.start..sentence.end, &mut tokens);
        let s = Sent::new(text, &lower, &tokens, options.get_reference_date());
        find_values(&s, &mut found);
        if found.is_empty() {
            continue;
        }
        if sentence.paragraph != last_whole_para && sentence.paragraph > last_whole_para.saturating_add(1) {
            last_whole = None;
        }
        let id = claims.len();
        let mut values = Vec::with_capacity(found.len());
        for f in &found {
            let mut v = to_value(text, &map, &s, f);
            if f.refers_back {
                if let Some((cid, vi, whole)) = last_whole {
                    if f.kind == Kind::Ratio {
                        v.resolved = v.value.map(|r| (r * whole).round());
                    } else if cid != id || vi < values.len() {
                        v.part_of = Some(PartOf { claim: cid, value: vi });
                    }
                }
            }
            if matches!(v.kind, Kind::Count | Kind::Number) && v.value.is_some() && !f.refers_back {
                last_whole = Some((id, values.len(), v.value.unwrap_or(0.0)));
                last_whole_para = sentence.paragraph;
            }
            values.push(v);
        }
        let (start, end) = (map.utf16(sentence.start), map.utf16(sentence.end));
        let (score, reasons) = score(&values);
        claims.push(Claim {
            id,
            text: text[sentence.start..sentence.end].to_string(),
            start,
            end,
            values,
            attribution: None,
            score,
            reasons,
            checks: Vec::new(),
        });
    }
    consistency_checks(&mut claims);
    Extraction { version: CONTRACT_VERSION, reference_date: options.get_reference_date(), claims, sources: Vec::new() }
}

fn to_value(text: &str, map: &Utf16Map<'_>, s: &Sent<'_>, f: &Found) -> Value {
    let (a, b) = s.bytes(f.start, f.end);
    let counted = f.counted.map(|(x, y)| {
        let (ca, cb) = s.bytes(x, y);
        text[ca..cb].to_string()
    });
    let (mut min, mut max) = (f.min, f.max);
    match f.hedge {
        Some(Hedge::AtLeast | Hedge::MoreThan) if min.is_none() => min = f.value,
        Some(Hedge::AtMost | Hedge::LessThan) if max.is_none() => max = f.value,
        _ => {}
    }
    let hedge = match f.kind {
        Kind::Date | Kind::Ordinal => None,
        _ => f.hedge,
    };
    Value {
        kind: f.kind,
        text: text[a..b].to_string(),
        start: map.utf16(a),
        end: map.utf16(b),
        value: f.value,
        min,
        max,
        hedge,
        unit: f.unit,
        counted,
        from: f.from,
        to: f.to,
        grain: f.grain,
        part_of: None,
        resolved: f.resolved,
    }
}

fn score(values: &[Value]) -> (f64, Vec<&'static str>) {
    let mut reasons: Vec<&'static str> = Vec::new();
    for v in values {
        let code = v.kind.as_str();
        if !reasons.contains(&code) {
            reasons.push(code);
        }
        if v.hedge == Some(Hedge::Vague) && !reasons.contains(&"vague") {
            reasons.push("vague");
        }
    }
    let figures = values.iter().filter(|v| !matches!(v.kind, Kind::Date | Kind::Duration)).count();
    if figures > 1 {
        reasons.push("several_figures");
    }
    let mut keep = 1.0;
    let mut penalty = 1.0;
    for r in &reasons {
        let w = weight(r);
        if w >= 0.0 {
            keep *= 1.0 - w;
        } else {
            penalty *= 1.0 + w;
        }
    }
    let score = ((1.0 - keep) * penalty).clamp(0.0, 1.0);
    ((score * 100.0).round() / 100.0, reasons)
}

/// Flags figures that contradict each other within the text.
fn consistency_checks(claims: &mut [Claim]) {
    let mut checks: Vec<(usize, Check)> = Vec::new();
    for c in claims.iter() {
        for v in &c.values {
            if let (Some(p), Some(x)) = (v.part_of, v.value) {
                let whole = claims.get(p.claim).and_then(|w| w.values.get(p.value)).and_then(|w| w.value.or(w.max));
                if let Some(w) = whole.filter(|&w| x > w) {
                    checks.push((
                        c.id,
                        Check {
                            kind: "part_exceeds_whole",
                            message: format!("{} is said to be part of {}, which is smaller", v.text, w),
                            claims: vec![p.claim, c.id],
                        },
                    ));
                }
            }
            if v.kind == Kind::Percent
                && v.unit == Some("percent")
                && v.value.or(v.min).is_some_and(|x| x > 100.0)
                && c.text[..].contains(" of ")
            {
                checks.push((
                    c.id,
                    Check {
                        kind: "share_over_100",
                        message: format!("{} is a share of a whole above 100 percent", v.text),
                        claims: vec![c.id],
                    },
                ));
            }
            if let (Some(a), Some(b)) = (v.from, v.to) {
                if a > b {
                    checks.push((
                        c.id,
                        Check {
                            kind: "interval_reversed",
                            message: format!("{} ends before it starts", v.text),
                            claims: vec![c.id],
                        },
                    ));
                }
            }
        }
    }
    for (id, check) in checks {
        claims[id].checks.push(check);
    }
}
