//! From sentences to claims. A claim is a sentence — or one clause of it, when the sentence joins
//! statements of two different sources ("X said A, but Y maintained B") — that carries values or
//! an attributed statement. Here values are linked ("38,000 of those" → the 358,000 before it;
//! "half of them" → the three million), sources are attached (by a cue, by the quotation the
//! sentence is part of, or inherited by a sentence that continues an attributed figure), claims
//! are scored, and the page is checked for figures that contradict each other.
//!
//! Scores combine the reasons a claim is worth checking as a noisy-or (`1 − Π(1 − wᵢ)`), so each
//! reason adds weight and the score stays within 0..1. The reason codes and their weights are
//! listed in `docs/reasons.md`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::attribution::{Attributor, Mention, Said};
use crate::lexicon::WordMap;
use crate::model::{Attribution, Claim, CoSource, Extraction, Hedge, Kind, PartOf, Source, Value, CONTRACT_VERSION};
use crate::text::offsets::Utf16Map;
use crate::text::{segment, tokenize, Token};
use crate::values::{find_values, Found, Sent};
use crate::Options;

/// A reason and its weight in the score: every code [`Claim::reasons`] holds.
pub(crate) const REASONS: &[(&str, f64)] = &[
    ("count", 0.6),
    ("percent", 0.65),
    ("money", 0.65),
    ("measure", 0.5),
    ("ratio", 0.5),
    ("ordinal", 0.35),
    ("number", 0.3),
    ("duration", 0.2),
    ("date", 0.25),
    ("statement", 0.15),
    ("attributed", 0.4),
    ("quote", 0.05),
    ("inherited", 0.0),
    ("unattributed", 0.0),
    ("vague", -0.3),
    ("descriptive", -0.4),
    ("prediction", -0.2),
    ("several_figures", 0.15),
];

fn weight(code: &str) -> f64 {
    REASONS.iter().find(|(c, _)| *c == code).map_or(0.0, |(_, w)| *w)
}

/// What the first pass keeps of a sentence.
struct Sentence {
    range: Range<usize>,
    paragraph: usize,
    /// The sentence's position among all sentences of the page.
    ordinal: usize,
    /// Whether it reads as a continuation of the sentence before ("however", "That figure …").
    continues: bool,
    /// "The trial enrolled …": the noun after an opening "The", which may echo the sentence before.
    echo: Option<String>,
    /// Whether it speaks of the future ("will", "is expected to"): a prediction.
    future: bool,
    /// Values with the byte offsets where each starts and ends, and whether it refers back
    /// ("of those").
    values: Vec<(Value, usize, usize, bool)>,
    said: Vec<Said>,
    groups: Vec<usize>,
    /// Where its words that set one figure against another start ("but", "insisted"; see
    /// [`crate::checks::DISPUTING`]), as byte offsets: few sentences have any.
    disputes: Vec<usize>,
}

/// How much text is read between two progress reports.
const PROGRESS_STEP: usize = 64 * 1024;

/// Finds the claims; `progress` hears the share of the text read so far (0 to 1) every
/// [`PROGRESS_STEP`] bytes, for a shell that shows progress on long pages.
pub(crate) fn extract(text: &str, options: &Options, progress: &mut dyn FnMut(f64)) -> Extraction {
    let lower = text.to_ascii_lowercase();
    let map = Utf16Map::new(text);
    let paragraphs = segment::paragraphs(text);
    let mut attributor = Attributor::new(text, &paragraphs);
    let mut tokens: Vec<Token> = Vec::new();
    let mut found: Vec<Found> = Vec::new();
    // News runs about one sentence in 150 bytes: sized once, the list is not copied as it grows.
    let mut sentences: Vec<Sentence> = Vec::with_capacity(text.len() / 150 + 1);
    let mut all = Vec::new();
    let mut ordinal = 0;
    let mut reported = 0;
    for (p, range) in paragraphs.iter().enumerate() {
        if range.start >= reported + PROGRESS_STEP {
            reported = range.start;
            progress(range.start as f64 / text.len() as f64);
        }
        all.clear();
        segment::split_sentences(text, range.clone(), p, &mut all);
        for sentence in &all {
            ordinal += 1;
            tokens.clear();
            found.clear();
            tokenize(text, sentence.start..sentence.end, &mut tokens);
            let s = Sent::new(text, &lower, &tokens, options.reference_date());
            find_values(&s, &mut found);
            let said = attributor.sentence(&s, sentence.start..sentence.end);
            let groups: Vec<usize> = attributor.quotes_in(sentence.start, sentence.end).map(|q| q.group).collect();
            if found.is_empty() && said.is_empty() && groups.is_empty() {
                continue;
            }
            let values = found
                .iter()
                .map(|f| (to_value(text, &map, &s, f), s.toks[f.start].start, s.toks[f.end - 1].end, f.refers_back))
                .collect();
            let continues = continues(&s);
            // Only documents and tallies are echoed ("The poll of 2,050 adults"); "The health
            // ministry" after "Health workers" is someone new.
            let documentary = |w: &str| {
                document_word(w) != w
                    || matches!(
                        w,
                        "figure" | "figures" | "data" | "estimate" | "tally" | "census" | "findings" | "results"
                    )
            };
            let echo =
                (s.w(0, "the") && s.is_word(1) && documentary(s.lw(1))).then(|| document_word(s.lw(1)).to_string());
            let disputes =
                (0..s.len()).filter(|&k| s.is(k, &crate::checks::DISPUTING)).map(|k| s.toks[k].start).collect();
            sentences.push(Sentence {
                range: sentence.start..sentence.end,
                paragraph: p,
                ordinal,
                continues,
                echo,
                future: s.tense() == crate::values::Tense::Future,
                values,
                said,
                groups,
                disputes,
            });
        }
    }
    attributor.registry.finish(text);
    let build = Builder { text, map: &map, attributor: &attributor };
    let (mut claims, disputing) = build.claims(&sentences);
    crate::checks::run(&mut claims, &disputing, options.reference_date());
    let sources = build.sources(&claims);
    Extraction { version: CONTRACT_VERSION, reference_date: options.reference_date(), claims, sources }
}

struct Builder<'a> {
    text: &'a str,
    map: &'a Utf16Map<'a>,
    attributor: &'a Attributor,
}

/// A part of a sentence that becomes one claim.
struct Clause<'s> {
    start: usize,
    end: usize,
    said: Option<&'s Said>,
}

impl Builder<'_> {
    fn attribution(&self, said: &Said, quote: bool) -> Attribution {
        let reg = &self.attributor.registry;
        let entry = &reg.entries[said.mention.source];
        let m = &said.mention;
        Attribution {
            source: self.text[m.start..m.end].to_string(),
            canonical: entry.canonical.clone(),
            start: self.map.utf16(m.start),
            end: self.map.utf16(m.end),
            nodes: None,
            cue: said.cue.clone(),
            source_type: entry.kind.as_str(),
            affiliation: said.affiliation.filter(|&a| a != m.source).map(|a| reg.entries[a].canonical.clone()),
            quote,
            inherited: false,
            also: said
                .also
                .iter()
                .filter(|x| x.source != m.source)
                .map(|x: &Mention| CoSource {
                    source: self.text[x.start..x.end].to_string(),
                    canonical: reg.entries[x.source].canonical.clone(),
                    start: self.map.utf16(x.start),
                    end: self.map.utf16(x.end),
                    nodes: None,
                })
                .collect(),
        }
    }

    /// Whether a quotation of a few words or more lies in `[start, end)`.
    fn quoted(&self, start: usize, end: usize) -> bool {
        self.attributor.quotes_in(start, end).any(|q| self.text[q.start..q.end].split_whitespace().count() >= 3)
    }

    /// Splits a sentence where a second source's clause starts ("…, but the Observatory maintained").
    fn clauses<'s>(&self, s: &'s Sentence) -> Vec<Clause<'s>> {
        let first = s.said.first();
        // A clause never starts inside a value ("two of whom …": "whom" may open the next
        // clause's subject, but the figure belongs whole to the clause it starts in).
        // Values come in order without overlapping: only the last one starting before the cut can
        // hold it.
        let inside_value = |cut: usize| {
            let k = s.values.partition_point(|&(_, a, _, _)| a < cut);
            k > 0 && s.values[k - 1].2 > cut
        };
        let split = s.said.iter().find(|c| {
            c.clause_start > s.range.start
                && first.is_some_and(|f| f.mention.source != c.mention.source)
                && !inside_value(c.clause_start)
        });
        let end_before = |cut: usize| {
            self.text[s.range.start..cut].trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';').len()
                + s.range.start
        };
        match (first, split) {
            (Some(f), Some(second)) => {
                let cut = second.clause_start;
                vec![
                    Clause { start: s.range.start, end: end_before(cut), said: Some(f) },
                    Clause { start: cut, end: s.range.end, said: Some(second) },
                ]
            }
            // "Arsenal paid 65 million euros, but Chelsea said it had sold 40,000 tickets": the
            // source speaks only for the clause it opens; the figures before it have none.
            (Some(f), None)
                if f.clause_start > s.range.start
                    && !inside_value(f.clause_start)
                    && s.values.first().is_some_and(|&(_, a, _, _)| a < f.clause_start) =>
            {
                let cut = f.clause_start;
                vec![
                    Clause { start: s.range.start, end: end_before(cut), said: None },
                    Clause { start: cut, end: s.range.end, said: Some(f) },
                ]
            }
            _ => vec![Clause { start: s.range.start, end: s.range.end, said: first }],
        }
    }

    /// The claims, and whether each has a word that sets one figure against another.
    fn claims(&self, sentences: &[Sentence]) -> (Vec<Claim>, Vec<bool>) {
        // The speaker of each quotation: the cue of a sentence that holds part of it.
        let mut speakers: WordMap<usize, &Said> = WordMap::default();
        for s in sentences {
            if let Some(first) = s.said.first() {
                for &g in &s.groups {
                    speakers.entry(g).or_insert(first);
                }
            }
        }
        // A quotation with no cue of its own, right after one by a named speaker, continues it
        // ('"…," said Samuel Otieno. "Our teams are treating …').
        let mut current: Option<(&Said, usize)> = None;
        for s in sentences {
            if current.is_some_and(|(_, p)| s.paragraph > p + 1) {
                current = None;
            }
            if let Some(first) = s.said.first() {
                current = (!s.groups.is_empty()).then_some((first, s.paragraph));
            }
            for &g in &s.groups {
                match (speakers.get(&g), current) {
                    (Some(&sp), _) => current = Some((sp, s.paragraph)),
                    (None, Some((sp, _))) => {
                        speakers.insert(g, sp);
                        current = Some((sp, s.paragraph));
                    }
                    (None, None) => {}
                }
            }
        }
        let mut claims: Vec<Claim> = Vec::with_capacity(sentences.len());
        let mut disputing: Vec<bool> = Vec::with_capacity(sentences.len());
        // The figure that "38,000 of those" or "half of them" refers to: the largest figure of the
        // sentence so far, else of the last sentence that had one. Counts ("of them") and amounts
        // ("a fifth of it") are kept apart.
        // Wholes of the last few sentences, newest last: a part is linked to the newest whole it
        // fits in ("about 40 of them" skips "17 witnesses" for "212 invoices" before it).
        let mut last_whole: [Vec<(usize, usize, f64)>; 2] = [Vec::new(), Vec::new()];
        let mut last_para = 0;
        let mut last_ordinal = 0;
        for s in sentences {
            if s.paragraph > last_para + 1 {
                last_whole = [Vec::new(), Vec::new()];
            }
            let mut this_sentence: [Option<(usize, usize, f64)>; 2] = [None, None];
            for clause in self.clauses(s) {
                let id = claims.len();
                let mut values: Vec<Value> = Vec::with_capacity(s.values.len());
                let mut refers_back = false;
                for (v, at, end, back) in &s.values {
                    if *at < clause.start || *at >= clause.end {
                        continue;
                    }
                    let mut v = v.clone();
                    if *back {
                        refers_back = true;
                        // "Half of those who smoked", "half of those classed as obese": a share of
                        // part of the whole, not of all of it ("half of them displaced by the war"
                        // says what that half is).
                        let next = self.text[*end..].split_whitespace().next().unwrap_or("");
                        let participle = v.text.ends_with("those")
                            && next.len() > 4
                            && (next.ends_with("ed") || next.ends_with("ing"))
                            && next.chars().all(|c| c.is_ascii_lowercase());
                        let subset = participle
                            || matches!(
                                next,
                                "who" | "that" | "which" | "whose" | "whom" | "with" | "without" | "aged"
                            );
                        let slot = usize::from(v.text.ends_with(" it"));
                        let part = v.value.filter(|_| v.kind != Kind::Ratio).unwrap_or(0.0);
                        let earlier =
                            last_whole[slot].iter().rev().find(|w| w.2 >= part).or(last_whole[slot].last()).copied();
                        if let Some((cid, vi, whole)) = this_sentence[slot].or(earlier) {
                            if v.kind == Kind::Ratio && !subset {
                                v.resolved = v.value.map(|r| (r * whole).round());
                            }
                            v.part_of = Some(PartOf { claim: cid, value: vi });
                        }
                    }
                    // A part ("430 of those cases") is the whole for what follows it; a figure in an
                    // "of" phrase ("the town of 27,000 people") describes something else.
                    let in_of_phrase = self.text[..*at].trim_end().ends_with(" of");
                    let slot = match v.kind {
                        Kind::Count | Kind::Number => Some(0),
                        Kind::Money | Kind::Measure => Some(1),
                        _ => None,
                    };
                    if let (Some(slot), Some(x), false) = (slot, v.value, in_of_phrase) {
                        if this_sentence[slot].map_or(true, |(_, _, best)| x > best) {
                            this_sentence[slot] = Some((id, values.len(), x));
                        }
                    }
                    values.push(v);
                }
                let attribution = match clause.said {
                    Some(said) => Some(self.attribution(said, self.quoted(clause.start, clause.end))),
                    None => {
                        // Part of a quotation whose speaker another sentence names.
                        let quoted = s.groups.iter().find_map(|g| speakers.get(g)).map(|said| {
                            let mut a = self.attribution(said, true);
                            a.inherited = true;
                            a
                        });
                        // A sentence that continues an attributed figure ("Some 38,000 of those …").
                        quoted.or_else(|| {
                            let whole = values.iter().find_map(|v| v.part_of).map(|p| p.claim);
                            let from_whole = whole
                                .filter(|_| refers_back)
                                .and_then(|c| claims.get(c))
                                .and_then(|c| c.attribution.clone());
                            // "The youth jobless rate, however, edged up …" right after an attributed figure.
                            let from_previous = || {
                                claims
                                    .last()
                                    .filter(|c| s.continues || s.echo.as_deref().is_some_and(|w| echoes(w, &c.text)))
                                    .filter(|_| last_ordinal + 1 == s.ordinal && !values.is_empty())
                                    .and_then(|c| c.attribution.clone())
                                    .filter(|a| !a.quote)
                            };
                            from_whole.or_else(from_previous).map(|mut a| {
                                a.inherited = true;
                                a.quote = false;
                                a
                            })
                        })
                    }
                };
                if values.is_empty() && attribution.is_none() {
                    continue;
                }
                let (score, reasons) = score(&values, attribution.as_ref(), s.future);
                disputing.push(s.disputes.iter().any(|&b| clause.start <= b && b < clause.end));
                claims.push(Claim {
                    id,
                    text: self.text[clause.start..clause.end].to_string(),
                    start: self.map.utf16(clause.start),
                    end: self.map.utf16(clause.end),
                    nodes: None,
                    values,
                    attribution,
                    score,
                    reasons,
                    checks: Vec::new(),
                });
            }
            last_para = s.paragraph;
            last_ordinal = s.ordinal;
            for slot in 0..2 {
                if this_sentence[slot].is_some() {
                    if let Some(w) = this_sentence[slot] {
                        last_whole[slot].push(w);
                        if last_whole[slot].len() > 4 {
                            last_whole[slot].remove(0);
                        }
                    }
                }
            }
        }
        (claims, disputing)
    }

    /// One entry per source, with every mention and every claim it is given for.
    fn sources(&self, claims: &[Claim]) -> Vec<Source> {
        let reg = &self.attributor.registry;
        // The first registry entry of each canonical name, and where its source went in `out`.
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        for (i, e) in reg.entries.iter().enumerate() {
            by_name.entry(e.canonical.as_str()).or_insert(i);
        }
        let mut slot: Vec<Option<usize>> = vec![None; reg.entries.len()];
        let mut mentioned: HashSet<(usize, usize)> = HashSet::new();
        let mut out: Vec<Source> = Vec::new();
        for c in claims {
            let Some(a) = &c.attribution else { continue };
            let mut add = |canonical: &str, text: &str, start: usize, end: usize, mention: bool| {
                let Some(&idx) = by_name.get(canonical) else { return };
                let k = *slot[idx].get_or_insert_with(|| {
                    out.push(Source {
                        canonical: canonical.to_string(),
                        source_type: reg.entries[idx].kind.as_str(),
                        mentions: Vec::new(),
                        claims: Vec::new(),
                    });
                    out.len() - 1
                });
                let entry = &mut out[k];
                if mention && mentioned.insert((idx, start)) {
                    entry.mentions.push(crate::model::Mention { text: text.to_string(), start, end, nodes: None });
                }
                // Claims come in id order: a repeat can only be the last one added.
                if entry.claims.last() != Some(&c.id) {
                    entry.claims.push(c.id);
                }
            };
            add(&a.canonical, &a.source, a.start, a.end, !a.inherited);
            for co in &a.also {
                add(&co.canonical, &co.source, co.start, co.end, !a.inherited);
            }
        }
        out
    }
}

/// Whether a sentence goes on with what the sentence before said: a connective ("however",
/// "also", "meanwhile") or an opening that points back ("It", "They", "That figure").
fn continues(s: &Sent<'_>) -> bool {
    let connective = (0..s.len().min(12)).any(|k| {
        s.is_word(k)
            && matches!(s.lw(k), "however" | "moreover" | "furthermore" | "additionally" | "likewise" | "similarly")
    });
    let first = s.lw(0);
    let anaphor = matches!(first, "that" | "this" | "these" | "those")
        || first == "the" && matches!(s.lw(1), "figure" | "figures" | "total" | "number" | "tally" | "toll" | "rate");
    connective || anaphor
}

/// Documents news refers back to by another name ("a survey …" → "The poll …").
fn document_word(w: &str) -> &str {
    match w {
        "poll" | "survey" => "survey",
        "trial" | "study" | "research" => "study",
        "report" | "assessment" | "review" => "report",
        w => w,
    }
}

/// Whether `word` (an opening "The …" noun) names something the sentence before mentioned.
fn echoes(word: &str, previous: &str) -> bool {
    word.len() > 3
        && !crate::values::counts::is_stop(word)
        && previous.split(|c: char| !c.is_alphabetic()).any(|w| document_word(&w.to_ascii_lowercase()) == word)
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
        nodes: None,
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
        topic: None,
    }
}

fn score(values: &[Value], attribution: Option<&Attribution>, future: bool) -> (f64, Vec<&'static str>) {
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
    // "the mother of seven", "three little children": small figures that describe a scene rather
    // than state a fact worth checking.
    let descriptive = !values.is_empty()
        && values.iter().all(|v| {
            matches!(v.kind, Kind::Number | Kind::Count | Kind::Date | Kind::Duration)
                && (v.kind == Kind::Date
                    || v.kind == Kind::Duration
                    || v.value.is_some_and(|x| x <= 12.0) && v.hedge == Some(Hedge::Exact) && v.kind == Kind::Number)
        })
        && values.iter().any(|v| v.kind == Kind::Number);
    if descriptive {
        reasons.push("descriptive");
    }
    if future {
        reasons.push("prediction");
    }
    if values.is_empty() {
        reasons.push("statement");
    }
    let figures = values.iter().filter(|v| !matches!(v.kind, Kind::Date | Kind::Duration)).count();
    if figures > 1 {
        reasons.push("several_figures");
    }
    match attribution {
        Some(a) => {
            reasons.push("attributed");
            if a.quote {
                reasons.push("quote");
            }
            if a.inherited {
                reasons.push("inherited");
            }
        }
        None => reasons.push("unattributed"),
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
