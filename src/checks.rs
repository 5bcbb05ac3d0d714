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

use std::collections::HashMap;

use crate::model::{Check, Claim, Hedge, Kind, Value};

/// Adds the checks to the claims they concern.
pub(crate) fn run(claims: &mut [Claim]) {
    let mut found: Vec<(usize, Check)> = Vec::new();
    local_checks(claims, &mut found);
    conflicts(claims, &mut found);
    for (id, check) in found {
        if !claims[id].checks.iter().any(|c| c.kind == check.kind && c.claims == check.claims) {
            claims[id].checks.push(check);
        }
    }
}

fn local_checks(claims: &[Claim], out: &mut Vec<(usize, Check)>) {
    for c in claims {
        let positions = Positions::new(&c.text);
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
            let next_word = after.get(4..).unwrap_or("").split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
            // "120 percent of GDP" compares two quantities; it is not a share of a whole.
            let of_aggregate = of_follows
                && matches!(
                    next_word.to_ascii_lowercase().as_str(),
                    "gdp"
                        | "output"
                        | "income"
                        | "incomes"
                        | "revenue"
                        | "revenues"
                        | "wages"
                        | "exports"
                        | "imports"
                        | "budget"
                        | "salary"
                        | "salaries"
                        | "sales"
                        | "capacity"
                        | "target"
                        | "average"
                        | "normal"
                        | "pre"
                );
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
struct Positions<'a> {
    text: &'a str,
    /// (UTF-16 offset, byte offset) of every 64th character; empty for ASCII text.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> Positions<'a> {
    fn new(text: &'a str) -> Positions<'a> {
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
        Positions { text, checkpoints }
    }

    /// The byte offset of a position counted in UTF-16 code units from the text's start.
    fn byte(&self, units: usize) -> usize {
        if self.checkpoints.is_empty() {
            return units.min(self.text.len());
        }
        let k = self.checkpoints.partition_point(|&(u, _)| u <= units).saturating_sub(1);
        let (mut seen, from) = self.checkpoints[k];
        for (i, ch) in self.text[from..].char_indices() {
            if seen >= units {
                return from + i;
            }
            seen += ch.len_utf16();
        }
        self.text.len()
    }

    /// The byte span of a value of the claim.
    fn span(&self, c: &Claim, v: &Value) -> (usize, usize) {
        (self.byte(v.start.saturating_sub(c.start)), self.byte(v.end.saturating_sub(c.start)))
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

/// The bounds a figure allows: exact figures a point, hedged ones a band.
fn bounds(v: &Value) -> Option<(f64, f64)> {
    let x = v.value;
    Some(match v.hedge? {
        Hedge::Exact => (x?, x?),
        Hedge::Approximate => (x? * 0.9, x? * 1.1),
        Hedge::AtMost | Hedge::LessThan => (x? * 0.5, x?),
        Hedge::AtLeast | Hedge::MoreThan => (x?, x? * 2.0),
        Hedge::Vague | Hedge::Range => (v.min?, v.max?),
    })
}

/// A crude stem: "killing", "killed" → "kill"; "admissions" → "admission".
fn stem(w: &str) -> String {
    let w = w.to_ascii_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s.to_string();
            }
        }
    }
    w
}

/// Words news uses for the same event, mapped to one concept, so "112 detained" and "140 arrested",
/// or "a €14 billion deficit" and "a €6 billion shortfall", are seen as the same subject. Kept
/// small on purpose: each entry is a synonym set a reader would agree with.
fn concept(stem: &str) -> &str {
    match stem {
        "detain" | "arrest" | "held" | "custody" => "arrest",
        "deficit" | "shortfall" | "gap" => "deficit",
        "crowd" | "turnout" | "march" | "marcher" | "protest" | "protester" | "rally" | "demonstrat"
        | "demonstrator" => "crowd",
        "kill" | "dead" | "death" | "die" | "died" | "toll" | "fatalit" => "death",
        "injur" | "wound" | "hurt" => "injury",
        "displac" | "fled" | "flee" | "uproot" => "displacement",
        "jobless" | "unemploy" | "unemployment" => "unemployment",
        _ => stem,
    }
}

/// Whether a concept names an event that figures are counted for.
fn is_event(concept: &str) -> bool {
    matches!(
        concept,
        "arrest" | "deficit" | "crowd" | "death" | "injury" | "displacement" | "unemployment" | "lost" | "destroy"
    )
}

/// Words too common to tell two figures' subjects apart.
fn generic(w: &str) -> bool {
    // Month names are stop words for counted nouns, but "march" here is an event.
    crate::values::counts::is_stop(w) && crate::values::dates::month(w).is_none()
        || matches!(
            w,
            "people"
                | "person"
                | "year"
                | "years"
                | "rate"
                | "rates"
                | "level"
                | "levels"
                | "share"
                | "shares"
                | "main"
                | "percent"
                | "cent"
                | "million"
                | "billion"
                | "thousand"
                | "hundred"
                | "said"
                | "says"
                | "told"
                | "added"
                | "according"
                | "figure"
                | "figures"
                | "number"
                | "total"
                | "about"
                | "some"
                | "around"
                | "nearly"
                | "least"
                | "more"
                | "than"
                | "week"
                | "month"
                | "day"
                | "time"
                | "also"
                | "were"
                | "been"
                | "being"
                | "would"
                | "could"
                | "official"
                | "officials"
                | "statement"
                | "reported"
        )
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
    source: Option<&'a str>,
    /// Stems of the content words around it ("killing three workers" → "kill").
    near: Vec<String>,
}

fn head(v: &Value) -> Option<String> {
    v.counted.as_deref().and_then(|c| c.split_whitespace().last()).map(|w| w.to_ascii_lowercase())
}

/// Counted nouns agree when they are the same, or when one is "people" and the other names
/// people ("three workers" / "four people").
fn heads_agree(a: &Option<String>, b: &Option<String>) -> bool {
    let person = |w: &str| {
        crate::attribution::sources::is_source_noun(w)
            || matches!(
                w,
                "civilians"
                    | "children"
                    | "adults"
                    | "infants"
                    | "babies"
                    | "migrants"
                    | "refugees"
                    | "passengers"
                    | "protesters"
                    | "marchers"
                    | "casualties"
                    | "dead"
                    | "injured"
                    | "wounded"
            )
    };
    match (a, b) {
        (Some(x), Some(y)) => x == y || x == "people" && person(y) || y == "people" && person(x),
        _ => false,
    }
}

fn periods_overlap(a: &Claim, b: &Claim) -> bool {
    let span = |c: &Claim| {
        // Days and weeks are mostly when a figure was given ("said Monday"); months, quarters and
        // years are what it covers.
        let positions = Positions::new(&c.text);
        let dates: Vec<_> = c
            .values
            .iter()
            .filter(|v| v.kind == Kind::Date && !said_when(c, &positions, v))
            .filter_map(|v| v.from.zip(v.to))
            .collect();
        (!dates.is_empty())
            .then(|| (dates.iter().map(|d| d.0).min().unwrap(), dates.iter().map(|d| d.1).max().unwrap()))
    };
    match (span(a), span(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}

/// Whether a date says when the source spoke ("said on Sunday", "reported Monday") rather than
/// what the figure covers.
fn said_when(c: &Claim, positions: &Positions<'_>, v: &Value) -> bool {
    // Three words back are all it reads.
    let before = last_bytes(&c.text, positions.span(c, v).0, 64);
    let cue = |w: &str| {
        matches!(
            w.trim_matches(|ch: char| !ch.is_alphabetic()),
            "said"
                | "says"
                | "told"
                | "reported"
                | "announced"
                | "added"
                | "confirmed"
                | "estimated"
                | "stated"
                | "tweeted"
                | "wrote"
        )
    };
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let day = matches!(v.grain, Some(crate::model::Grain::Day | crate::model::Grain::Week));
    day && words
        .iter()
        .take_while(|w| matches!(**w, "on" | "late" | "early" | "earlier" | "later") || cue(w))
        .any(|w| cue(w))
}

/// Content-word stems within a few words of a value in its claim.
fn near_words<'a>(c: &'a Claim, positions: &Positions<'_>, v: &Value) -> Vec<String> {
    const WINDOW: usize = 8;
    let (a, b) = positions.span(c, v);
    let counted = head(v);
    let words = |t: &'a str| t.split(|ch: char| !ch.is_alphabetic()).filter(|w| !w.is_empty());
    // The source's own name is not what the figure is about.
    let mention = c.attribution.as_ref().map_or("", |a| a.source.as_str());
    let in_mention = |w: &str| words(mention).any(|m| m == w);
    let mut out: Vec<String> = Vec::new();
    // Eight words either side lie within a few hundred bytes: the window is cut there first, so a
    // long run without words (a table of figures) is not walked for each value.
    const REACH: usize = 320;
    for w in
        words(last_bytes(&c.text, a, REACH)).rev().take(WINDOW).chain(words(next_bytes(&c.text, b, REACH)).take(WINDOW))
    {
        let content = w.len() > 3 && w.chars().next().is_some_and(char::is_lowercase) && !generic(w);
        let counted_noun = counted.as_deref().is_some_and(|h| h == w || *h == w.to_ascii_lowercase());
        if !content || counted_noun || in_mention(w) {
            continue;
        }
        let stem = concept(&stem(w)).to_string();
        if !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

fn conflicts(claims: &[Claim], out: &mut Vec<(usize, Check)>) {
    let mut figures: Vec<Figure<'_>> = Vec::new();
    for c in claims {
        let positions = Positions::new(&c.text);
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
            let source = c.attribution.as_ref().map(|a| a.canonical.as_str());
            figures.push(Figure {
                claim: c.id,
                value: v,
                lo,
                hi,
                class,
                head: head(v),
                source,
                near: near_words(c, &positions, v),
            });
        }
    }
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in figures.iter().enumerate() {
        for w in &f.near {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    // The pairs that share a word, each once, in order: `partners` collects the later figures
    // that share a word with figure `i`, and stays short (a word is skipped when it is near more
    // than eight figures: it is the page's topic, not a shared subject).
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut partners: Vec<usize> = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        partners.clear();
        for w in &f.near {
            let ids = &index[w.as_str()];
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
        let same_thing =
            fa.class == fb.class && (fa.head.is_none() || fb.head.is_none() || heads_agree(&fa.head, &fb.head));
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
        let event = fa.near.iter().any(|w| is_event(w) && fb.near.contains(w));
        // Measures of one unit need only the same material near both ("tonnes of wheat").
        let same_noun = event && fa.head.is_some() && fa.head == fb.head || fa.class.0 == Kind::Measure;
        let disputed = same_noun || disputes(&claims[a].text) || disputes(&claims[b].text);
        if a != b
            && same_thing
            && apart
            && comparable
            && disputed
            && fa.source != fb.source
            && periods_overlap(&claims[a], &claims[b])
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

/// Words with which news sets one figure against another.
fn disputes(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "but"
                | "however"
                | "maintained"
                | "maintains"
                | "insisted"
                | "insists"
                | "denied"
                | "denies"
                | "disputed"
                | "disputes"
                | "contradicted"
                | "contested"
                | "earlier"
                | "previously"
                | "corrected"
                | "revised"
                | "only"
                | "whereas"
                | "while"
                | "countered"
                | "rejected"
                | "overstated"
                | "understated"
                | "inflating"
                | "inflated"
                | "exaggerated"
                | "put"
        )
    })
}

fn fmt(x: f64) -> String {
    if x.fract() == 0.0 {
        (x as i64).to_string()
    } else {
        zmij::Buffer::new().format(x).to_string()
    }
}
