//! Consistency checks within a page: figures that cannot all be true.
//!
//! - `part_exceeds_whole`: "58 of them" after "46 people".
//! - `share_over_100`: "120 percent of the vote" (a share of a whole; "rose 120 percent" is not).
//! - `interval_reversed`: a date interval that ends before it starts.
//! - `conflicting_figures`: two figures of the same kind about the same thing that no reading of
//!   their hedges reconciles ("some 358,000" and "about 360,000" agree; "41,000" and "160,000" do
//!   not). Two figures are flagged when all of these hold: they are of one kind and unit; a
//!   content word within eight words of each is the same, or names the same event ([`concept`]:
//!   "march"/"turnout", "detained"/"arrested", "deficit"/"shortfall"); their counted nouns agree
//!   ("people" agrees with nouns for people); they are of one order of magnitude; their periods
//!   (months, quarters, years) overlap; they come from different sources; and one of the two
//!   sentences sets one figure against another ("but", "maintained", "insisted", "earlier").
//!   The rule is lexical and documented here on purpose: it is predictable, and its misses are
//!   explainable.

//!
//! Topics ([`Topic`]) compare figures across pages, in the extension's claim memory, by the same
//! lexical means:
//! - the **event** is the nearest word within eight words of the figure (or inside its counted
//!   phrase) that belongs to one of the synonym sets of [`concept`] that name an event
//!   ("displaced", "fled", "uprooted" → `displacement`; "killed", "dead", "death toll" → `death`);
//!   a figure with no such word has no topic, and is never compared across pages;
//! - the **thing** is `people` when the counted noun names people (a fixed list, [`is_people`],
//!   or a capitalised plural such as "Syrians") or when nothing is counted and the event happens to
//!   people ("358,000 have fled"); else the counted noun in the singular; for amounts and shares,
//!   the unit;
//! - the **bounds** come from the hedge ([`bounds`]): "some", "about" ±10%; "nearly", "up to"
//!   from half to the figure; "at least", "more than" from the figure to twice it; ranges and vague
//!   amounts their own; an exact figure written with trailing zeros is read as rounded to its last
//!   non-zero digit, by at most 5% ("360,000" → 355,000 to 365,000);
//! - the **period** is the span of the claim's dates other than the day a source spoke ("said
//!   Monday"), else the reference date.
//!
//! Two figures conflict when their things and events are equal, their periods overlap, their
//! bounds do not meet, and they are of one order of magnitude. Within a page the same topic also
//! makes two figures comparable for `conflicting_figures`.

use std::collections::HashMap;

use crate::calendar::Date;
use crate::lexicon::Lexicon;
use crate::model::{Check, Claim, Hedge, Kind, Topic, Value};

/// The kinds of check, as [`Check::kind`] names them.
pub(crate) const KINDS: [&str; 4] =
    ["part_exceeds_whole", "share_over_100", "interval_reversed", "conflicting_figures"];

/// Adds the topics to the values and the checks to the claims they concern.
///
/// `disputing[id]` says whether claim `id` has a word with which news sets one figure against
/// another ([`DISPUTING`]), read from its tokens as the claims were made.
pub(crate) fn run(claims: &mut [Claim], disputing: &[bool], reference: Option<Date>) {
    // Built once per claim, for every lookup below (a claim's id is its index).
    let positions: Vec<Positions> = claims.iter().map(|c| Positions::new(&c.text)).collect();
    let periods: Vec<Option<(Date, Date)>> = claims.iter().zip(&positions).map(|(c, p)| period(c, p)).collect();
    topics(claims, &positions, &periods, reference);
    let mut found: Vec<(usize, Check)> = Vec::new();
    local_checks(claims, &positions, &mut found);
    conflicts(claims, disputing, &positions, &periods, &mut found);
    for (id, check) in found {
        if !claims[id].checks.iter().any(|c| c.kind == check.kind && c.claims == check.claims) {
            claims[id].checks.push(check);
        }
    }
}

fn local_checks(claims: &[Claim], positions: &[Positions], out: &mut Vec<(usize, Check)>) {
    for (c, positions) in claims.iter().zip(positions) {
        for v in &c.values {
            if let (Some(p), Some(x)) = (v.part_of, v.value) {
                // "more than 3,000" can hold 3,500: only a part above every reading of the whole.
                let whole = claims.get(p.claim).and_then(|w| w.values.get(p.value)).and_then(|w| match w.hedge {
                    Some(Hedge::AtLeast | Hedge::MoreThan) => None,
                    Some(Hedge::Vague | Hedge::Range) => w.max,
                    _ => w.value.or(w.max),
                });
                if let Some(w) = whole.filter(|&w| x > w && v.kind != Kind::Ratio) {
                    let message = format!("{} is given as part of {}, which is smaller", v.text, fmt(w));
                    out.push((
                        c.id,
                        Check { kind: "part_exceeds_whole", message: message.clone(), claims: vec![p.claim, c.id] },
                    ));
                    out.push((p.claim, Check { kind: "part_exceeds_whole", message, claims: vec![p.claim, c.id] }));
                }
            }
            // "150 percent of the vote" is impossible; "rose 150 percent" is not.
            let after = next_bytes(&c.text, positions.span(c, v).1, 64);
            let of_follows = after.starts_with(" of ");
            let next_word =
                after.get(4..).unwrap_or("").split(|ch: char| !crate::text::is_word_char(ch)).next().unwrap_or("");
            // "120 percent of GDP" compares two quantities; it is not a share of a whole.
            let of_aggregate = of_follows && AGGREGATES.contains(&next_word.to_ascii_lowercase());
            let of_follows = of_follows && !of_aggregate;
            if v.kind == Kind::Percent
                && v.unit == Some("percent")
                && of_follows
                && v.value.or(v.min).is_some_and(|x| x > 100.0)
            {
                let message = format!("{} is a share of a whole above 100 percent", v.text);
                out.push((c.id, Check { kind: "share_over_100", message, claims: vec![c.id] }));
            }
            if let (Some(a), Some(b)) = (v.from, v.to) {
                if a > b {
                    let message = format!("{} ends before it starts", v.text);
                    out.push((c.id, Check { kind: "interval_reversed", message, claims: vec![c.id] }));
                }
            }
        }
    }
}

/// A claim's text with a way back from the contract's UTF-16 positions to byte offsets: direct for
/// ASCII, else through a checkpoint every 64 characters, so each lookup is short however long the
/// sentence (a lookup per value must not walk the sentence from its start).
struct Positions {
    /// (UTF-16 offset, byte offset) of every 64th character; empty for ASCII text.
    checkpoints: Vec<(usize, usize)>,
}

impl Positions {
    fn new(text: &str) -> Positions {
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            let mut units = 0;
            for (k, (i, ch)) in text.char_indices().enumerate() {
                if k % 64 == 0 {
                    checkpoints.push((units, i));
                }
                units += ch.len_utf16();
            }
        }
        Positions { checkpoints }
    }

    /// The byte offset in `text` (the claim's) of a position counted in UTF-16 code units from
    /// its start.
    fn byte(&self, text: &str, units: usize) -> usize {
        if self.checkpoints.is_empty() {
            return units.min(text.len());
        }
        let k = self.checkpoints.partition_point(|&(u, _)| u <= units).saturating_sub(1);
        let (mut seen, from) = self.checkpoints[k];
        for (i, ch) in text[from..].char_indices() {
            if seen >= units {
                return from + i;
            }
            seen += ch.len_utf16();
        }
        text.len()
    }

    /// The byte span of a value of the claim.
    fn span(&self, c: &Claim, v: &Value) -> (usize, usize) {
        (self.byte(&c.text, v.start.saturating_sub(c.start)), self.byte(&c.text, v.end.saturating_sub(c.start)))
    }
}

/// `text[..at]` without what lies more than `limit` bytes back (on a character boundary).
fn last_bytes(text: &str, at: usize, limit: usize) -> &str {
    let mut from = at.saturating_sub(limit);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// `text[at..]` up to `limit` bytes (on a character boundary).
fn next_bytes(text: &str, at: usize, limit: usize) -> &str {
    let mut to = (at + limit).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[at..to]
}

/// The bounds a figure allows: exact figures a point (or the band of their rounding), hedged
/// ones a band.
fn bounds(v: &Value) -> Option<(f64, f64)> {
    let x = v.value;
    Some(match v.hedge? {
        Hedge::Exact => {
            let x = x?;
            let r = rounding(x);
            (x - r, x + r)
        }
        // x ± x/10, not x × 0.9 and x × 1.1: for whole figures the bounds stay whole.
        Hedge::Approximate => (x? - x? / 10.0, x? + x? / 10.0),
        Hedge::AtMost | Hedge::LessThan => (x? * 0.5, x?),
        Hedge::AtLeast | Hedge::MoreThan => (x?, x? * 2.0),
        Hedge::Vague | Hedge::Range => (v.min?, v.max?),
    })
}

/// How far a figure written with trailing zeros may be from the figure it rounds: half a unit of
/// its last non-zero digit, at most 5% of it ("360,000" → 5,000; "358,000" → 500; "20" → 1;
/// "17" and "3.5" → 0).
fn rounding(x: f64) -> f64 {
    let a = x.abs();
    if a.fract() != 0.0 || !(10.0..1e18).contains(&a) {
        return 0.0;
    }
    let mut unit = 1.0;
    while (a / (unit * 10.0)).fract() == 0.0 {
        unit *= 10.0;
    }
    if unit == 1.0 {
        return 0.0;
    }
    (unit / 2.0).min(a * 0.05)
}

/// Words for people, for a topic's thing: figures for "civilians" and for "people" count the same
/// thing. A fixed list, so what matches is predictable.
fn is_people(w: &str) -> bool {
    PEOPLE.contains(w)
}

/// A capitalised plural that names a people ("Syrians", "Afghans", "Israelis", "Congolese").
fn is_demonym(word: &str) -> bool {
    crate::values::counts::names_a_people(word, &word.to_ascii_lowercase())
}

/// Events that happen to people: a figure for one with no counted noun counts people.
fn people_event(event: &str) -> bool {
    matches!(event, "death" | "injury" | "displacement" | "arrest" | "crowd")
}

/// A noun in the singular, crudely ("villages" → "village", "casualties" → "casualty").
fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{s}y");
    }
    match w.strip_suffix('s') {
        Some(s) if !s.ends_with('s') && s.len() >= 2 => s.to_string(),
        _ => w.to_string(),
    }
}

/// The concepts that name an event figures are counted for ([`Topic::event`]).
pub(crate) const EVENTS: [&str; 9] =
    ["arrest", "deficit", "crowd", "death", "injury", "displacement", "unemployment", "lost", "destroy"];

/// The event a concept names, as a `'static` name, or `None` when it names none.
fn event_name(concept: &[u8]) -> Option<&'static str> {
    EVENTS.iter().find(|&&e| e.as_bytes() == concept).copied()
}

/// The event nearest a value: in its counted phrase, else the closest of the eight words either
/// side (the word after wins a tie: "5 killed and 12 injured").
fn nearest_event(c: &Claim, positions: &Positions, v: &Value) -> Option<&'static str> {
    const WINDOW: usize = 8;
    const REACH: usize = 320;
    fn words(t: &str) -> impl DoubleEndedIterator<Item = &str> {
        t.split(|ch: char| !ch.is_alphabetic() && ch != '-').filter(|w| !w.is_empty())
    }
    let event = |w: &str| meaning(w).and_then(|m| m.1);
    // "250,000 displaced people": a word before the counted noun names the event.
    let counted = v.counted.as_deref().unwrap_or("");
    let head = words(counted).next_back();
    let modifiers = words(counted).rev().skip(1);
    if let Some(e) = modifiers.filter_map(event).last() {
        return Some(e);
    }
    let mention = c.attribution.as_ref().map_or("", |a| a.source.as_str());
    let (a, b) = positions.span(c, v);
    let found = |list: &mut dyn Iterator<Item = &str>| {
        list.take(WINDOW).enumerate().find_map(|(k, w)| {
            // The month, not a march; the source's name, not what the figure is about.
            if w == "March" || mention.split(' ').any(|m| m == w) {
                return None;
            }
            event(w).map(|e| (k, e))
        })
    };
    let before = found(&mut words(last_bytes(&c.text, a, REACH)).rev());
    let after = found(&mut words(next_bytes(&c.text, b, REACH)));
    match (before, after) {
        (Some((kb, eb)), Some((ka, ea))) => Some(if ka <= kb { ea } else { eb }),
        (Some((_, e)), None) | (None, Some((_, e))) => Some(e),
        // Last, the counted noun itself: "12,000 protesters" with no verb counts a crowd.
        (None, None) => head.and_then(event),
    }
}

/// The period a claim's figures cover: the span of its dates other than the day a source spoke
/// ("said Monday": days and weeks are mostly when a figure was given; months, quarters and years
/// what it covers).
fn period(c: &Claim, positions: &Positions) -> Option<(Date, Date)> {
    let mut span: Option<(Date, Date)> = None;
    for v in c.values.iter().filter(|v| v.kind == Kind::Date && !said_when(c, positions, v)) {
        if let Some((a, b)) = v.from.zip(v.to) {
            span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
        }
    }
    span
}

/// Gives each figure its topic, when the text names the event it counts.
fn topics(claims: &mut [Claim], positions: &[Positions], periods: &[Option<(Date, Date)>], reference: Option<Date>) {
    if !claims
        .iter()
        .flat_map(|c| &c.values)
        .any(|v| matches!(v.kind, Kind::Count | Kind::Number | Kind::Money | Kind::Percent))
    {
        return;
    }
    for ((c, positions), period) in claims.iter_mut().zip(positions).zip(periods) {
        if !c.values.iter().any(|v| matches!(v.kind, Kind::Count | Kind::Number | Kind::Money | Kind::Percent)) {
            continue;
        }
        // Without dates of its own, a figure covers the reference date.
        let when = period.or(reference.map(|d| (d, d)));
        let mut found: Vec<(usize, Topic)> = Vec::new();
        for (i, v) in c.values.iter().enumerate() {
            if v.text.contains(" other ") {
                continue;
            }
            let Some((low, high)) = bounds(v) else { continue };
            let Some(event) = nearest_event(c, positions, v) else { continue };
            let thing = match v.kind {
                Kind::Money | Kind::Percent => v.unit.unwrap_or(v.kind.as_str()).to_string(),
                Kind::Count | Kind::Number => {
                    let last = v.counted.as_deref().and_then(|c| c.split_whitespace().last());
                    match last {
                        Some(w) if is_people(&w.to_ascii_lowercase()) || is_demonym(w) => "people".to_string(),
                        Some(w) => singular(&w.to_ascii_lowercase()),
                        None if people_event(event) => "people".to_string(),
                        None => continue,
                    }
                }
                _ => continue,
            };
            found.push((i, Topic { thing, event, low, high, from: when.map(|w| w.0), to: when.map(|w| w.1) }));
        }
        for (i, t) in found {
            c.values[i].topic = Some(t);
        }
    }
}

/// A crude stem of a lower-case word: "killing", "killed" → "kill"; "admissions" → "admission".
fn stem(w: &[u8]) -> &[u8] {
    for suffix in [&b"ing"[..], b"ed", b"es", b"s"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s;
            }
        }
    }
    w
}

/// What a word means here, as a hash (for pairing figures by the words near them) and the event
/// it names, if any: one pass over its bytes, lower-cased on the stack. `None` for a word of
/// over 32 bytes.
fn meaning(w: &str) -> Option<(u64, Option<&'static str>)> {
    use std::hash::Hasher;
    let mut buf = [0u8; 32];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    let c = concept(stem(lower));
    let mut h = crate::lexicon::WordHasher::default();
    h.write(c);
    Some((h.finish(), event_name(c)))
}

/// The bit of an event in a figure's set of events.
fn event_bit(event: &str) -> u16 {
    EVENTS.iter().position(|&e| e == event).map_or(0, |k| 1 << k)
}

/// Words news uses for the same event, mapped to one concept, so "112 detained" and "140 arrested",
/// or "a €14 billion deficit" and "a €6 billion shortfall", are seen as the same subject. Kept
/// small on purpose: each entry is a synonym set a reader would agree with.
fn concept(stem: &[u8]) -> &[u8] {
    match stem {
        b"detain" | b"arrest" | b"held" | b"custody" => b"arrest",
        b"deficit" | b"shortfall" | b"gap" => b"deficit",
        b"crowd" | b"turnout" | b"march" | b"marcher" | b"protest" | b"protester" | b"rally" | b"demonstrat"
        | b"demonstrator" => b"crowd",
        b"kill" | b"dead" | b"death" | b"die" | b"died" | b"toll" | b"fatalit" => b"death",
        b"injur" | b"wound" | b"hurt" => b"injury",
        b"displac" | b"fled" | b"flee" | b"uproot" => b"displacement",
        b"jobless" | b"unemploy" | b"unemployment" => b"unemployment",
        _ => stem,
    }
}

/// Words too common to tell two figures' subjects apart.
fn generic(w: &str) -> bool {
    // Month names are stop words for counted nouns, but "march" here is an event.
    crate::values::counts::is_stop(w) && crate::values::dates::month(w).is_none() || GENERIC.contains(w)
}

/// What a figure is about, for comparing it with others.
struct Figure<'a> {
    claim: usize,
    value: &'a Value,
    lo: f64,
    hi: f64,
    /// Its kind and unit: only like figures are compared.
    class: (Kind, Option<&'static str>),
    head: Option<String>,
    /// Who gives it: the source's name and affiliation ("senior official" at two ministries is
    /// two sources).
    source: Option<(&'a str, Option<&'a str>)>,
    /// The content words around it, as hashes of their concepts ("killing three workers" →
    /// "kill" → "death").
    near: Vec<u64>,
    /// The events named among them, a bit each ([`EVENTS`]).
    events: u16,
}

fn head(v: &Value) -> Option<String> {
    v.counted.as_deref().and_then(|c| c.split_whitespace().last()).map(|w| w.to_ascii_lowercase())
}

/// Counted nouns agree when they are the same, or when one is "people" and the other names
/// people ("three workers" / "four people").
fn heads_agree(a: &Option<String>, b: &Option<String>) -> bool {
    let person = |w: &str| crate::attribution::sources::is_source_noun(w) || PEOPLE.contains(w);
    match (a, b) {
        (Some(x), Some(y)) => x == y || x == "people" && person(y) || y == "people" && person(x),
        _ => false,
    }
}

/// Whether two figures come from one source: the same name, unless both name the body they speak
/// for and the bodies differ ("a senior official at the State Department" and "a senior official
/// at the foreign ministry"); a name given once with its body and once without is one source.
fn same_source(a: Option<(&str, Option<&str>)>, b: Option<(&str, Option<&str>)>) -> bool {
    match (a, b) {
        (Some((na, aa)), Some((nb, ab))) => na == nb && !matches!((aa, ab), (Some(x), Some(y)) if x != y),
        (None, None) => true,
        _ => false,
    }
}

fn periods_overlap(a: Option<(Date, Date)>, b: Option<(Date, Date)>) -> bool {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}

/// Whether a date says when the source spoke ("said on Sunday", "reported Monday") rather than
/// what the figure covers.
fn said_when(c: &Claim, positions: &Positions, v: &Value) -> bool {
    // Three words back are all it reads.
    let before = last_bytes(&c.text, positions.span(c, v).0, 64);
    let cue = |w: &str| SAID_CUES.contains(w.trim_matches(|ch: char| !ch.is_alphabetic()));
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let day = matches!(v.grain, Some(crate::model::Grain::Day | crate::model::Grain::Week));
    day && words
        .iter()
        .take_while(|w| matches!(**w, "on" | "late" | "early" | "earlier" | "later") || cue(w))
        .any(|w| cue(w))
}

/// The content words within a few words of a value in its claim, as concept hashes, and the
/// events among them.
fn near_words<'a>(c: &'a Claim, positions: &Positions, v: &Value) -> (Vec<u64>, u16) {
    const WINDOW: usize = 8;
    let (a, b) = positions.span(c, v);
    let counted = v.counted.as_deref().and_then(|c| c.split_whitespace().last()).unwrap_or("");
    let words = |t: &'a str| t.split(|ch: char| !ch.is_alphabetic()).filter(|w| !w.is_empty());
    // The source's own name is not what the figure is about.
    let mention = c.attribution.as_ref().map_or("", |a| a.source.as_str());
    let in_mention = |w: &str| words(mention).any(|m| m == w);
    // Room for every word of the window and the event of the figure's topic: one allocation.
    let mut out: Vec<u64> = Vec::with_capacity(2 * WINDOW + 1);
    let mut events = 0;
    // Eight words either side lie within a few hundred bytes: the window is cut there first, so a
    // long run without words (a table of figures) is not walked for each value.
    const REACH: usize = 320;
    for w in
        words(last_bytes(&c.text, a, REACH)).rev().take(WINDOW).chain(words(next_bytes(&c.text, b, REACH)).take(WINDOW))
    {
        let content = w.len() > 3 && w.chars().next().is_some_and(char::is_lowercase) && !generic(w);
        if !content || w.eq_ignore_ascii_case(counted) || in_mention(w) {
            continue;
        }
        let Some((hash, event)) = meaning(w) else { continue };
        events |= event.map_or(0, event_bit);
        if !out.contains(&hash) {
            out.push(hash);
        }
    }
    (out, events)
}

fn conflicts(
    claims: &[Claim],
    disputing: &[bool],
    positions: &[Positions],
    periods: &[Option<(Date, Date)>],
    out: &mut Vec<(usize, Check)>,
) {
    let mut figures: Vec<Figure<'_>> = Vec::with_capacity(claims.iter().map(|c| c.values.len()).sum());
    for (c, positions) in claims.iter().zip(positions) {
        for v in &c.values {
            let class = match v.kind {
                Kind::Count | Kind::Number => (Kind::Count, None),
                Kind::Percent | Kind::Money | Kind::Measure => (v.kind, v.unit),
                _ => continue,
            };
            // "38,000 of those" is a part, "11 other people" a different group.
            if v.part_of.is_some() || v.text.contains(" other ") {
                continue;
            }
            let Some((lo, hi)) = bounds(v) else { continue };
            let source = c.attribution.as_ref().map(|a| (a.canonical.as_str(), a.affiliation.as_deref()));
            let (mut near, mut events) = near_words(c, positions, v);
            // An event named in the counted phrase ("250,000 displaced people") pairs too.
            if let Some((hash, Some(event))) = v.topic.as_ref().and_then(|t| meaning(t.event)) {
                events |= event_bit(event);
                if !near.contains(&hash) {
                    near.push(hash);
                }
            }
            figures.push(Figure { claim: c.id, value: v, lo, hi, class, head: head(v), source, near, events });
        }
    }
    // SipHash with random keys: the words, and so their hashes, are the page's to choose.
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, f) in figures.iter().enumerate() {
        for &w in &f.near {
            index.entry(w).or_default().push(i);
        }
    }
    // The pairs that share a word, each once, in order: `partners` collects the later figures
    // that share a word with figure `i`, and stays short (a word is skipped when it is near more
    // than eight figures: it is the page's topic, not a shared subject).
    let disputing = |id: usize| disputing.get(id).copied().unwrap_or(false);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut partners: Vec<usize> = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        partners.clear();
        for w in &f.near {
            let ids = &index[w];
            if ids.len() <= 8 {
                partners.extend(ids.iter().filter(|&&j| j > i));
            }
        }
        insertion_sort(&mut partners);
        partners.dedup();
        pairs.extend(partners.iter().map(|&j| (i, j)));
    }
    for (i, j) in pairs {
        let (fa, fb) = (&figures[i], &figures[j]);
        let same_topic = match (&fa.value.topic, &fb.value.topic) {
            (Some(x), Some(y)) => x.thing == y.thing && x.event == y.event,
            _ => false,
        };
        let same_thing = fa.class == fb.class
            && (fa.head.is_none() || fb.head.is_none() || heads_agree(&fa.head, &fb.head) || same_topic);
        let apart = fa.hi < fb.lo || fb.hi < fa.lo;
        // Figures for the same thing are of one order of magnitude; "23 people" and "1.4
        // million people" are about different things.
        let (big, small) = (fa.lo.max(fb.lo), fa.hi.min(fb.hi).max(f64::MIN_POSITIVE));
        let comparable = big / small <= 10.0;
        let (a, b) = (fa.claim, fb.claim);
        // A source disputing another ("but", "maintained", "insisted", "earlier said").
        // …or the very same counted noun on both ("12,000 protesters" / "60,000 protesters").
        // The same counted noun and the same event near both ("12,000 protesters marched" /
        // "60,000 protesters marched") need no disputing word.
        let event = fa.events & fb.events != 0;
        // Measures of one unit need only the same material near both ("tonnes of wheat").
        let same_noun = event && fa.head.is_some() && fa.head == fb.head || same_topic || fa.class.0 == Kind::Measure;
        let disputed = same_noun || disputing(a) || disputing(b);
        if a != b
            && same_thing
            && apart
            && comparable
            && disputed
            && !same_source(fa.source, fb.source)
            && periods_overlap(periods[a], periods[b])
        {
            let message = format!("{} and {} are different figures for the same thing", fa.value.text, fb.value.text);
            out.push((a, Check { kind: "conflicting_figures", message: message.clone(), claims: vec![a, b] }));
            out.push((b, Check { kind: "conflicting_figures", message, claims: vec![a, b] }));
        }
    }
}

/// Sorts a short list in place (a few dozen entries at most here), without the code size of the
/// standard library's general sorts.
fn insertion_sort(v: &mut [usize]) {
    for k in 1..v.len() {
        let mut m = k;
        while m > 0 && v[m - 1] > v[m] {
            v.swap(m - 1, m);
            m -= 1;
        }
    }
}

fn fmt(x: f64) -> String {
    if x.fract() == 0.0 {
        (x as i64).to_string()
    } else {
        zmij::Buffer::new().format(x).to_string()
    }
}

/// Quantities a share can be a share "of" without being part of a whole ("120 percent of GDP").
static AGGREGATES: Lexicon = Lexicon::new(
    "gdp output income incomes revenue revenues wages exports imports budget salary salaries \
     sales capacity target average normal pre",
);

/// Nouns for people (see [`is_people`]).
static PEOPLE: Lexicon = Lexicon::new(
    "people persons individuals civilians residents inhabitants villagers locals citizens \
     children adults infants babies women men migrants refugees asylum-seekers passengers \
     protesters demonstrators marchers casualties dead injured wounded victims survivors \
     workers employees soldiers troops fighters patients students pupils voters detainees \
     prisoners journalists",
);

/// Words too common to tell two figures' subjects apart (with the stop words).
static GENERIC: Lexicon = Lexicon::new(
    "people person year years rate rates level levels share shares main percent cent million \
     billion thousand hundred said says told added according figure figures number total \
     about some around nearly least more than week month day time also were been being would \
     could official officials statement reported",
);

/// Words with which news sets one figure against another.
pub(crate) static DISPUTING: Lexicon = Lexicon::by_token(
    16,
    "but however maintained maintains insisted insists denied denies disputed disputes \
     contradicted contested earlier previously corrected revised only whereas while countered \
     rejected overstated understated inflating inflated exaggerated put",
);

/// Verbs that say when a source spoke (see [`said_when`]).
static SAID_CUES: Lexicon =
    Lexicon::new("said says told reported announced added confirmed estimated stated tweeted wrote");
