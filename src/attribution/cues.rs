//! Reporting cues: the words that attribute a statement, in the shapes news uses —
//! leading ("Abdel Rahman said loyalists were …"), trailing (", the Observatory said Monday."),
//! inverted (", said an AFP correspondent."), after a quotation with or without a comma
//! ('"…" said the mother of seven'), nominal ("according to the UN refugee agency", "citing
//! figures from …"). A participle that describes an event ("a ceasefire announced by Moscow")
//! and adjectives ("reported cases", "an estimated 5,000") are not cues.

use super::sources::{self, Phrase};
use crate::lexicon::Lexicon;
use crate::values::Sent;

/// One cue and the source phrases it names.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cue {
    /// Token range of the cue words ("said", "according to", "have warned" → "warned").
    pub verb: (usize, usize),
    pub source: Phrase,
    /// Co-sources: "the Observatory and the pro-government Al-Watan newspaper reported".
    pub also: Vec<Phrase>,
    /// Where the clause this cue governs starts: 0, or the conjunction before its subject
    /// ("…, but the Observatory maintained …").
    pub clause_start: usize,
}

/// Reporting verbs, in the forms that are verbs and not nouns ("report" and "claims" are left
/// out: as nouns they are far more common).
fn reporting_verb(w: &str) -> bool {
    REPORTING_VERBS.contains(w)
}

pub(crate) static REPORTING_VERBS: Lexicon = Lexicon::by_token(
    11,
    "say says said tell tells told reported add adds added explain explains explained warn warns \
     warned maintain maintains maintained estimated announce announces announced confirm confirms \
     confirmed claimed noted insist insists insisted deny denies denied wrote writes tweeted \
     stated argued argues stressed acknowledged admitted revealed disclosed predicted cautioned \
     alleged asserted declared countered conceded replied posted recalled observed reports \
     estimates expects expect expected forecast forecasts predicts predict believes believe put \
     puts found finds showed shows suggests suggested indicated concluded",
);

/// Words that may stand between a subject and its verb ("have also warned", "has repeatedly said").
fn between_subject_and_verb(w: &str) -> bool {
    BETWEEN_SUBJECT_AND_VERB_WORDS.contains(w)
}

static BETWEEN_SUBJECT_AND_VERB_WORDS: Lexicon = Lexicon::new(
    "has have had also later earlier previously repeatedly again reportedly separately initially \
     publicly privately recently first then would will could may might did does do already once \
     often both jointly each all further flatly strongly firmly quickly widely officially",
);

/// Words that end a subject phrase when walking back from a verb.
fn clause_word(w: &str) -> bool {
    CLAUSE_WORD_WORDS.contains(w)
}

static CLAUSE_WORD_WORDS: Lexicon = Lexicon::new(
    "that which who whom but while whereas because as when after before if although though since \
     and so yet where once until despite",
);

fn quote_mark(s: &Sent<'_>, i: usize) -> bool {
    s.p(i, '"')
        || s.p(i, '“')
        || s.p(i, '”')
        || s.p(i, '«')
        || s.p(i, '»')
        || s.p(i, '\'') && !s.glued(i + 1)
        || s.p(i, '’') && !s.glued(i + 1)
}

/// Whether token `t` is the period of a title or an initial ("Dr.", "Gen.", "F.", "U.N.").
fn title_period(s: &Sent<'_>, t: usize) -> bool {
    s.p(t, '.') && t > 0 && s.glued(t) && s.cap(t - 1) && s.raw(t - 1).len() <= 4
}

fn stop_punct(s: &Sent<'_>, i: usize) -> bool {
    // A spaced hyphen, or the second of "--".
    s.p_any(i, ",;:().!?—–") || quote_mark(s, i) || (s.dash(i) && (!s.glued(i) || i > 0 && s.dash(i - 1)))
}

/// Whether the words after a verb at `v` are only what may trail a trailing cue: a time, "in a
/// statement", "told reporters", then the end or a participle clause (", explaining …").
fn tail_only(s: &Sent<'_>, v: usize) -> bool {
    let mut k = v + 1;
    let mut words = 0;
    while k < s.len() {
        if s.p(k, ',') {
            // ", the LSO added, most of them …": a cue set off by commas is a parenthesis.
            return true;
        }
        if stop_punct(s, k) {
            return true;
        }
        words += 1;
        if words > 6 {
            return false;
        }
        k += 1;
    }
    true
}

/// The cues of one sentence. `quoted(i)` says whether token `i` lies inside a quotation.
pub(crate) fn find(s: &Sent<'_>, quoted: &dyn Fn(usize) -> bool) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    let mut v = 0;
    while v < s.len() {
        if quoted(v) || !s.is_word(v) {
            v += 1;
            continue;
        }
        let w = s.lw(v);
        let cue = if w == "according" && s.w(v + 1, "to") {
            nominal(s, v, v + 2, quoted)
        } else if w == "citing" {
            let from = (v + 1..(v + 5).min(s.len())).find(|&k| s.w(k, "from")).map_or(v + 1, |k| k + 1);
            nominal(s, v, from, quoted)
        } else if s.is(v, &REPORTING_VERBS) && is_verb_use(s, v) {
            verbal(s, v, quoted)
        } else {
            None
        };
        match cue {
            Some(c) => {
                v = c.verb.1.max(v + 1);
                out.push(c);
            }
            None => v += 1,
        }
    }
    out
}

/// Rejects adjectives, participles and hedges that look like reporting verbs.
fn is_verb_use(s: &Sent<'_>, v: usize) -> bool {
    let w = s.lw(v);
    let prev = if v > 0 { s.lw(v - 1) } else { "" };
    // "a ceasefire announced by Moscow", "figures confirmed by the ministry".
    if s.w(v + 1, "by") {
        return false;
    }
    // "reported cases", "358 confirmed deaths", "an estimated 5,000", "a noted author".
    if matches!(prev, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "of" | "newly" | "officially")
        || (v > 0 && s.is_num(v - 1))
    {
        return false;
    }
    if matches!(w, "estimated" | "estimates")
        && (s.is_num(v + 1) || s.word(v + 1).is_some_and(|n| crate::values::numbers::small(n).is_some()))
    {
        return false;
    }
    // "added to the toll", "claimed the lives of".
    if matches!(w, "added" | "adds" | "add") && s.w(v + 1, "to") {
        return false;
    }
    if w == "claimed"
        && (s.w(v + 1, "the") && s.w(v + 2, "lives") || s.w(v + 1, "lives") || s.w(v + 1, "responsibility"))
    {
        return false;
    }
    if matches!(w, "reports" | "estimates") && !s.w(v + 1, "that") {
        return false;
    }
    // "Police told 18 families to leave": an order, not a report.
    if matches!(w, "told" | "tell" | "tells")
        && (v + 1..(v + 6).min(s.len())).any(|k| s.w(k, "to"))
        && !(v + 1..(v + 6).min(s.len())).any(|k| s.w(k, "that"))
    {
        return false;
    }
    // "rain added 40 millimetres".
    if matches!(w, "added" | "adds" | "add")
        && (s.is_num(v + 1) || crate::values::numbers::number_at(s, v + 1).is_some())
    {
        return false;
    }
    // "The army maintained three bases": kept up, not said.
    if matches!(w, "maintained" | "maintains" | "maintain")
        && !(s.w(v + 1, "that") || s.p(v + 1, ',') || s.p(v + 1, '"') || s.p(v + 1, '“') || s.boundary(v + 1))
    {
        return false;
    }
    // "is expected to", "are believed to": passive, no one is speaking.
    if matches!(prev, "is" | "are" | "was" | "were" | "be" | "been" | "being" | "widely" | "not") {
        return false;
    }
    // "put the likely yield at €700 million": an estimate; "put" otherwise is not a cue.
    if matches!(w, "put" | "puts") {
        return (v + 1..(v + 7).min(s.len())).any(|k| s.w(k, "at")) && !s.w(v + 1, "in") && !s.w(v + 1, "on");
    }
    true
}

fn nominal(s: &Sent<'_>, v: usize, np: usize, quoted: &dyn Fn(usize) -> bool) -> Option<Cue> {
    let (a, b) = phrase_after(s, np, quoted)?;
    let (source, also) = split_sources(s, a, b)?;
    let end = if s.lw(v) == "according" { v + 2 } else { v + 1 };
    Some(Cue { verb: (v, end), source, also, clause_start: 0 })
}

fn verbal(s: &Sent<'_>, v: usize, quoted: &dyn Fn(usize) -> bool) -> Option<Cue> {
    // Inverted: ", said an AFP correspondent", '" said the mother of seven' ("told" is never
    // inverted: what follows it is the listener).
    if v > 0 && (s.p(v - 1, ',') || quote_mark(s, v - 1)) && !matches!(s.lw(v), "told" | "tells" | "tell") {
        if let Some((a, b)) = phrase_after(s, v + 1, quoted).filter(|&(_, b)| {
            let clause_end = stop_punct(s, b) && !s.p(b, '(') && !s.p(b, ')');
            b == s.len() || clause_end || s.lw(b).ends_with("ing") || matches!(s.lw(b), "who" | "which" | "that")
        }) {
            // "said the study's lead author, Ana Ferreira, a paediatrician at …": the name after the
            // role phrase is the speaker.
            if s.p(b, ',') && (a..b).any(|k| sources::is_role(s.lw(k))) {
                let c = (b + 1..s.len()).find(|&k| !capital_word_or_dot(s, k)).unwrap_or(s.len());
                if c > b + 1 && c - b <= 5 && (c == s.len() || stop_punct(s, c)) && sources::plausible(s, b + 1, c) {
                    let mut source = sources::read(s, b + 1, c);
                    source.affiliation = apposition_affiliation(s, c).or_else(|| sources::org_in(s, a, b));
                    return Some(Cue { verb: (v, v + 1), source, also: Vec::new(), clause_start: 0 });
                }
            }
            if let Some((mut source, also)) = split_sources(s, a, b) {
                if source.kind == sources::SourceType::Person && source.affiliation.is_none() {
                    source.affiliation = apposition_affiliation(s, b);
                }
                return Some(Cue { verb: (v, v + 1), source, also, clause_start: 0 });
            }
        }
    }
    // Subject before the verb, over auxiliaries and adverbs.
    let mut b = v;
    while b > 0 && s.is_word(b - 1) && between_subject_and_verb(s.lw(b - 1)) {
        b -= 1;
    }
    let mut a = b;
    let mut apposition = None;
    while a > 0 {
        let t = a - 1;
        // "the National Disaster Management Agency (NDMA) said": step over the acronym.
        if t >= 2 && s.p(t, ')') && s.p(t - 2, '(') && acronym(s, t - 1) {
            a -= 3;
            continue;
        }
        // "Dr. Grace Njoroge, who heads the district health office, told reporters", "Legal Watch,
        // a lawyers' collective, maintained", "A military official, speaking on condition of
        // anonymity, told": step over a clause set off by commas, and keep it for the
        // affiliation. "the HLF's spokesman, Karim Dastan, claimed": the name is the source.
        if s.p(t, ',') && a == b && apposition.is_none() {
            let open =
                (t.saturating_sub(20)..t).rev().find(|&k| s.p(k, ',') || quoted(k) || s.p(k, '(') || s.p(k, ')'));
            if let Some(k) = open.filter(|&k| s.p(k, ',') && k + 1 < t) {
                let first = s.lw(k + 1);
                // "The UN, however, put …": an adverb set off by commas.
                let aside = t == k + 2
                    && matches!(
                        first,
                        "however"
                            | "meanwhile"
                            | "though"
                            | "too"
                            | "also"
                            | "instead"
                            | "nonetheless"
                            | "nevertheless"
                    );
                let relative = matches!(first, "who" | "which" | "a" | "an" | "the" | "whose")
                    || aside
                    || sources::is_role(first)
                    || first.ends_with("ed") && !s.cap(k + 1)
                    || first.ends_with("ing") && !s.cap(k + 1);
                let role_before = (k.saturating_sub(5)..k)
                    .any(|m| s.is_word(m) && (sources::is_role(s.lw(m)) || sources::is_source_noun(s.lw(m))));
                let name = (k + 1..t).all(|m| capital_word_or_dot(s, m)) && t - k <= 5 && k > 0 && role_before;
                if name {
                    let (mut source, also) = split_sources(s, k + 1, t)?;
                    let before = (0..k).rev().find(|&m| stop_punct(s, m)).map_or(0, |m| m + 1);
                    if before < k {
                        source.affiliation = sources::org_in(s, before, k);
                    }
                    return Some(Cue { verb: (v, v + 1), source, also, clause_start: 0 });
                }
                // "Construction firms in the capital, Vessa, say": a name in apposition to a place.
                let place_name = (k + 1..t).all(|m| capital_word_or_dot(s, m)) && t - k <= 4;
                if relative || place_name {
                    apposition = Some(k).filter(|_| relative);
                    a = k;
                    b = k;
                    continue;
                }
            }
        }
        // "Dr. Grace Njoroge", "John F. Kennedy": the period of a title or an initial.
        if title_period(s, t) {
            a -= 1;
            continue;
        }
        let lower_clause_word = s.is_word(t) && clause_word(s.lw(t)) && !s.cap(t);
        // "A worker who asked not to be named said": the subject is before the relative clause.
        if lower_clause_word
            && matches!(s.lw(t), "who" | "that")
            && t > 0
            && sources::plausible(s, 0, t)
            && s.sentence_initial(0)
        {
            let subject_start = (0..t).find(|&m| s.is_word(m)).unwrap_or(0);
            if (subject_start..t).all(|m| !stop_punct(s, m)) {
                a = subject_start;
                b = t;
                break;
            }
        }
        if quoted(t) || stop_punct(s, t) || (lower_clause_word && !joins_sources(s, t)) {
            break;
        }
        a -= 1;
    }
    if a == b || b - a > 14 || !sources::plausible(s, a, b) {
        return None;
    }
    // "The Ostland Farmers Union, the Grain Traders Association and the Millers Guild said": a list.
    if (a..b).any(|m| s.w(m, "and")) {
        while a > 1 && s.p(a - 1, ',') {
            let start = (0..a - 1).rev().find(|&m| stop_punct(s, m) || quoted(m)).map_or(0, |m| m + 1);
            // Each item is a name ("more than triple the August average, the Department of X and
            // Y said" is no list).
            let named = s.name_like(start) || s.is_word(start) && s.lw(start) == "the" && s.name_like(start + 1);
            if start < a - 1
                && a - 1 - start <= 6
                && named
                && sources::plausible(s, start, a - 1)
                && (start..a - 1).any(|m| s.name_like(m))
            {
                a = start;
            } else {
                break;
            }
        }
    }
    let at_start = a == 0 || s.sentence_initial(a) || quote_mark(s, a - 1) || after_intro(s, a);
    let after_comma = a > 0 && s.p(a - 1, ',');
    let after_conjunction = a > 0 && s.is_word(a - 1) && clause_word(s.lw(a - 1));
    if !(at_start || after_conjunction || after_comma && tail_only(s, v)) {
        return None;
    }
    // "found", "showed": only documents and institutions find and show ("A video tweeted by the
    // governor showed …" is not a source speaking).
    if matches!(s.lw(v), "found" | "finds" | "showed" | "shows" | "suggests" | "suggested" | "indicated" | "concluded")
        && !sources::documentary(s, a, b)
    {
        return None;
    }
    let (mut source, also) = split_sources(s, a, b)?;
    if let Some(k) = apposition.filter(|_| source.kind == sources::SourceType::Person && source.affiliation.is_none()) {
        source.affiliation = apposition_affiliation(s, k);
    }
    // "…, but the Observatory maintained": the clause starts at the conjunction.
    let clause_start = if after_conjunction { a - 1 } else { 0 };
    Some(Cue { verb: (v, v + 1), source, also, clause_start })
}

fn capital_word_or_dot(s: &Sent<'_>, i: usize) -> bool {
    s.is_word(i) && s.cap(i) || s.p(i, '.') || s.dash(i)
}

/// "In cross-examination, Vos noted …", "On Monday, the ministry said …": the subject follows an
/// introductory phrase and its comma.
fn after_intro(s: &Sent<'_>, a: usize) -> bool {
    if a < 2 || !s.p(a - 1, ',') {
        return false;
    }
    let first = s.lw(0);
    let intro = INTRO_WORDS.contains(first) || crate::values::dates::weekday(first).is_some();
    intro && a <= 14 && (1..a - 1).all(|k| !(s.is_word(k) && reporting_verb(s.lw(k))))
}

fn acronym(s: &Sent<'_>, i: usize) -> bool {
    s.is_word(i) && s.raw(i).len() >= 2 && s.raw(i).chars().all(|c| c.is_uppercase())
}

/// ", a spokeswoman for the NDMA", ", who heads the IMF's mission", ", a retired doctor who leads
/// the campaign group Parents for Informed Choice": an apposition after a person's name gives
/// their organisation.
fn apposition_affiliation(s: &Sent<'_>, b: usize) -> Option<String> {
    if !s.p(b, ',') {
        return None;
    }
    let end = (b + 1..s.len()).find(|&k| stop_punct(s, k)).unwrap_or(s.len()).min(b + 20);
    let leads =
        |k: usize| matches!(s.lw(k), "heads" | "leads" | "runs" | "chairs" | "directs" | "founded" | "represents");
    let start = if let Some(k) = (b + 1..end).find(|&k| s.is_word(k) && leads(k)) {
        k + 1
    } else {
        // ", a spokeswoman for the NDMA", ", a paediatrician at the University of Kestrel".
        let first = if matches!(s.lw(b + 1), "a" | "an" | "the") { b + 2 } else { b + 1 };
        let role = (first..(first + 4).min(end)).find(|&k| sources::is_role(s.lw(k))).unwrap_or(first);
        (role + 1..(role + 3).min(end)).find(|&k| matches!(s.lw(k), "for" | "at" | "of" | "with" | "to"))? + 1
    };
    let mut stop = start;
    while stop < end && !(s.is_word(stop) && matches!(s.lw(stop), "who" | "which" | "said" | "says")) {
        // "the IMF's mission": the organisation is the possessor.
        if (s.p(stop, '\'') || s.p(stop, '’')) && s.glued(stop) && s.w(stop + 1, "s") {
            break;
        }
        stop += 1;
    }
    // "the campaign group Parents for Informed Choice": the name, after its description.
    let name_start = (start..stop).find(|&k| s.is_word(k) && s.name_like(k)).unwrap_or(start);
    let from =
        if (start..name_start).all(|k| !s.is_word(k) || !sources::org_like(s, k, k + 1)) { name_start } else { start };
    let phrase = sources::read(s, from, stop);
    (!phrase.canonical.is_empty()).then_some(phrase.canonical)
}

/// Whether "and" at `t` joins two sources ("the Observatory and an AFP correspondent") rather
/// than two clauses.
fn joins_sources(s: &Sent<'_>, t: usize) -> bool {
    s.w(t, "and") && t > 0 && (s.is_word(t - 1) && !s.p(t - 1, ','))
}

/// The phrase after a cue: up to punctuation, a relative pronoun or a participle.
fn phrase_after(s: &Sent<'_>, a: usize, quoted: &dyn Fn(usize) -> bool) -> Option<(usize, usize)> {
    // "said in Kolwe": a place, not a speaker.
    if s.is_word(a) && PLACE_PREPOSITIONS_AFTER_CUE.contains(s.lw(a)) {
        return None;
    }
    let mut b = a;
    while b < s.len() && !quoted(b) && b - a < 14 {
        // "said Dr. Amina Yusuf", "said Gen. Mark Dunne": the period of a title or an initial,
        // with the name going on after it.
        let title = b > a && title_period(s, b);
        // "the U.N. refugee agency": dotted initials, whatever follows.
        let initials = title && s.raw(b - 1).len() == 1 && b >= 2 && s.p(b - 2, '.');
        if title && s.is_word(b + 1) && (s.cap(b + 1) || initials) {
            b += 1;
            continue;
        }
        if stop_punct(s, b) {
            break;
        }
        if s.is_word(b)
            && b > a
            && (matches!(s.lw(b), "who" | "which" | "that" | "as" | "when" | "while")
                || s.lw(b).ends_with("ing") && s.lw(b).len() > 5 && !s.cap(b))
        {
            break;
        }
        b += 1;
    }
    (b > a && sources::plausible(s, a, b)).then_some((a, b))
}

/// "X and Y": two sources when Y starts with a determiner or a capital; otherwise one phrase
/// ("aid agencies and relief groups").
fn split_sources(s: &Sent<'_>, a: usize, b: usize) -> Option<(Phrase, Vec<Phrase>)> {
    let mut parts = Vec::new();
    let mut start = a;
    for k in a + 1..b {
        // "X, Y and Z": the commas of a list.
        if s.p(k, ',') && (k + 1..b).any(|m| s.w(m, "and")) && start < k {
            parts.push((start, k));
            start = k + 1;
            continue;
        }
        // "the Observatory and an AFP correspondent", "Reuters and AFP" — but not "Red Cross and
        // Red Crescent Societies", one name.
        let determiner = s.word(k + 1).is_some_and(|w| matches!(w, "the" | "an" | "a"));
        // ("the Department of Hydrology and Meteorology" is one name.)
        let single_name = s.name_like(k + 1) && k + 2 == b && !(start..k).any(|m| s.w(m, "of"));
        // "The Lisna Herald and Radio Lisna": two names — but not "Federation of Red Cross and Red
        // Crescent Societies", one name with "of" in it.
        let of_before = (start..k).any(|m| matches!(s.lw(m), "of" | "for"));
        let name_after = (k + 1..b).all(|m| s.name_like(m) || s.dash(m)) && s.name_like(k - 1);
        // The left name must be complete: end in a word like "Herald" or "Union", or be an acronym
        // ("Brannock County Fire and Rescue Service" is one name).
        let left_complete = sources::head_word(s, k - 1);
        let single_name = single_name || name_after && !of_before && left_complete;
        if s.w(k, "and") && (determiner || single_name) && start < k {
            parts.push((start, k));
            start = k + 1;
        }
    }
    parts.push((start, b));
    let mut phrases =
        parts.into_iter().filter(|&(x, y)| sources::plausible(s, x, y)).map(|(x, y)| sources::read(s, x, y));
    let first = phrases.next()?;
    Some((first, phrases.collect()))
}

/// Words that open an introductory phrase before a comma ("In Idlib, ...", "Earlier, ...").
static INTRO_WORDS: Lexicon = Lexicon::new(
    "in on at after before during earlier later meanwhile separately however asked speaking \
     since by for from with despite last this until when while overall elsewhere still yet \
     instead also",
);

/// Words after a cue that start a place or time, not a speaker ("said in Kolwe").
static PLACE_PREPOSITIONS_AFTER_CUE: Lexicon = Lexicon::new(
    "in at on from to for by with after before during late early earlier later last this that \
     it there",
);
