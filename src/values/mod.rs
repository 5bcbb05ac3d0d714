//! Value recognition: figures, shares, amounts, measures, ratios, ranks, dates and durations.
//!
//! Each sentence is tokenized once; [`find_values`] walks its tokens left to right and, at each
//! token, tries the rule families in a fixed order — things that look like numbers but are not
//! (names, phone numbers, clock times), then dates, anchored and vague durations, ordinals, and
//! quantities (hedge + ratio, vague amount or amount + unit or counted noun) — taking the first
//! that matches and moving past it. Rules look only at a few tokens around the current one, so the walk is
//! linear in the length of the text.

pub(crate) mod counts;
pub(crate) mod dates;
pub(crate) mod durations;
pub(crate) mod hedges;
pub(crate) mod measures;
pub(crate) mod money;
pub(crate) mod names;
pub(crate) mod numbers;
pub(crate) mod ordinals;
pub(crate) mod percent;
pub(crate) mod quantity;
pub(crate) mod ratios;

use std::cell::Cell;

use crate::calendar::Date;
use crate::lexicon::Lexicon;
use crate::model::{Grain, Hedge, Kind};
use crate::text::{TokKind, Token};

/// The tense of a sentence, which decides which way weekdays and year-less dates resolve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// Neither: no future cue and no verb in the past besides a reporting verb ("Voters go to
    /// the polls on July 4", "The bank meets in December, officials said"). A year-less date
    /// is then the occurrence nearest the reference date.
    Present,
}

/// One sentence's tokens and what rules need to read them.
pub(crate) struct Sent<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Each token's lower-cased text, sliced once: rules read a token's text many times.
    words: Vec<&'a str>,
    /// Each token's word class: which of the lexicons read by token hold it (0 for non-words).
    classes: Vec<u64>,
    pub reference: Option<Date>,
    tense: Cell<Option<Tense>>,
    /// Where a cue that speaks of the future only from there on stands ("said talks would
    /// resume", "expects to hire"): set with `tense`.
    future_after: Cell<Option<usize>>,
    headline: Cell<Option<bool>>,
    /// The first word, and the first word after a wire dateline ("GENEVA (AFP) - The ministry
    /// said"; the first word again when there is none).
    first_word: Cell<Option<(usize, usize)>>,
}

impl<'a> Sent<'a> {
    /// The sentence of `toks` in `text`; `lower` is `text` with ASCII letters lowered (same byte
    /// offsets).
    pub fn new(text: &'a str, lower: &'a str, toks: &'a [Token], reference: Option<Date>) -> Sent<'a> {
        let mut words = Vec::with_capacity(toks.len());
        let mut classes = Vec::with_capacity(toks.len());
        for t in toks {
            let word = &lower[t.start..t.end];
            words.push(word);
            classes.push(if t.kind == TokKind::Word { crate::lexicon::class_of(word) } else { 0 });
        }
        Sent {
            text,
            toks,
            words,
            classes,
            reference,
            tense: Cell::new(None),
            future_after: Cell::new(None),
            headline: Cell::new(None),
            first_word: Cell::new(None),
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lower-cased text of token `i` ("" past the end).
    pub fn lw(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// The text of token `i` as written ("" past the end).
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }

    /// The lower-cased word at `i`, if token `i` is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        if self.is_word(i) {
            Some(self.lw(i))
        } else {
            None
        }
    }

    /// Whether token `i` is a word of `lexicon`, one of those read by token (one bit test).
    pub fn is(&self, i: usize, lexicon: &Lexicon) -> bool {
        debug_assert!(lexicon.class != 0, "only lexicons made with Lexicon::by_token are read by token");
        self.classes.get(i).is_some_and(|c| c & lexicon.class != 0)
    }

    /// Token `i`'s word class (0 past the end and for non-words).
    pub fn classes_of(&self, i: usize) -> u64 {
        self.classes.get(i).copied().unwrap_or(0)
    }

    /// The number `lexicon` gives token `i`'s word, if the word is in it.
    pub fn value(&self, i: usize, lexicon: &Lexicon) -> Option<u16> {
        if self.is(i, lexicon) {
            lexicon.value(self.lw(i))
        } else {
            None
        }
    }

    /// Whether token `i` is the word `w` (lower case).
    pub fn w(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.lw(i) == w
    }

    /// Whether token `i` is the punctuation `c`.
    pub fn p(&self, i: usize, c: char) -> bool {
        match self.toks.get(i) {
            // A punctuation token is one character: for ASCII, its first byte.
            Some(t) if t.kind == TokKind::Punct => {
                if c.is_ascii() {
                    self.text.as_bytes()[t.start] == c as u8
                } else {
                    self.text[t.start..t.end].starts_with(c)
                }
            }
            _ => false,
        }
    }

    /// Whether token `i` is punctuation, one of the characters of `set`.
    pub fn p_any(&self, i: usize, set: &str) -> bool {
        self.kind(i) == Some(TokKind::Punct) && self.raw(i).chars().next().is_some_and(|c| set.contains(c))
    }

    /// Whether token `i` is one of the dashes used between the ends of a range.
    pub fn dash(&self, i: usize) -> bool {
        self.p(i, '-') || self.p(i, '–') || self.p(i, '‑')
    }

    /// Whether token `i` exists and touches the token before it.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// Whether token `i` starts with a capital letter.
    pub fn cap(&self, i: usize) -> bool {
        self.raw(i).starts_with(char::is_uppercase)
    }

    /// Whether word `i` is written like a name: capitalised ("Boeing") or with a capital inside
    /// ("iPhone", "macOS").
    pub fn name_like(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().any(char::is_uppercase)
    }

    /// Whether token `i` opens the sentence (only punctuation before it).
    pub fn sentence_initial(&self, i: usize) -> bool {
        let (first, after_dateline) = match self.first_word.get() {
            Some(f) => f,
            None => {
                let f = self.next_word(0);
                let f = (f, self.dateline_end(f).map_or(f, |k| self.next_word(k)));
                self.first_word.set(Some(f));
                f
            }
        };
        i <= first || i == after_dateline
    }

    /// The first token at or after `i` that is not punctuation.
    fn next_word(&self, i: usize) -> usize {
        (i..self.len()).find(|&k| self.kind(k) != Some(TokKind::Punct)).unwrap_or(self.len())
    }

    /// Where a wire dateline that starts at word `f` ends: "GENEVA (AFP) -", "NEW YORK, Feb 20
    /// (Reuters) --", "BEIRUT —", "KYIV:". The place is in capitals; the separator, a spaced
    /// dash or a colon, comes within 16 tokens, with no sentence punctuation or quote before it.
    fn dateline_end(&self, f: usize) -> Option<usize> {
        let place = self.raw(f);
        if !(self.is_word(f) && place.len() >= 2 && place.chars().all(char::is_uppercase)) {
            return None;
        }
        for k in f + 1..self.len().min(f + 17) {
            match self.raw(k) {
                "-" | "—" | "–" | ":" if !self.glued(k) || self.raw(k) == ":" => {
                    // "--": the second dash ends it.
                    let end = if self.dash(k + 1) && self.glued(k + 1) { k + 2 } else { k + 1 };
                    return (end < self.len()).then_some(end);
                }
                "." | "!" | "?" | "\"" | "“" | "”" | ";" => return None,
                _ => {}
            }
        }
        None
    }

    /// A capitalised word inside the sentence: part of a name ("the Group of Seven", "Fifth Avenue").
    pub fn capitalised_inside(&self, i: usize) -> bool {
        self.cap(i) && !self.sentence_initial(i) && !self.headline()
    }

    /// Whether token `i` is the end of the sentence or punctuation other than a hyphen.
    pub fn boundary(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(TokKind::Punct) => !self.dash(i),
            _ => false,
        }
    }

    /// The sentence's tense, worked out once.
    pub fn tense(&self) -> Tense {
        if let Some(t) = self.tense.get() {
            return t;
        }
        let t = self.compute_tense();
        self.tense.set(Some(t));
        t
    }

    /// The position of the first cue that makes what follows it speak of the future ("would",
    /// "expects … to"), in a sentence whose [`Sent::tense`] is not already the future.
    pub fn future_after(&self) -> Option<usize> {
        self.tense();
        self.future_after.get()
    }

    fn compute_tense(&self) -> Tense {
        let mut past = false;
        for i in 0..self.len() {
            if !self.is_word(i) {
                continue;
            }
            past = past || self.is_past_verb(i);
            if !self.is(i, &FUTURE_CUES) {
                continue;
            }
            let w = self.lw(i);
            let prev_be = i > 0 && matches!(self.lw(i - 1), "is" | "are" | "am" | "be" | "re" | "s");
            let future = match w {
                "will" | "shall" | "ll" => true,
                "won" => self.p(i + 1, '\'') || self.p(i + 1, '’'),
                "going" | "due" | "set" | "expected" => prev_be && self.w(i + 1, "to"),
                "scheduled" | "slated" => i == 0 || !matches!(self.lw(i - 1), "was" | "were" | "had" | "been"),
                "plans" | "intends" | "aims" => self.w(i + 1, "to"),
                "would" | "expect" | "expects" => {
                    // Reported future ("said the clinic would open", not "would have") and
                    // expectations ("expects to hire", "expect the central bank to cut") speak of
                    // the future only after the cue: "conceded defeat on Sunday, saying her party
                    // would not block" is last Sunday.
                    let cue = if w == "would" {
                        // "would not have", "would never have": the past that did not happen.
                        let k = if matches!(self.lw(i + 1), "not" | "never" | "also" | "otherwise") {
                            i + 2
                        } else {
                            i + 1
                        };
                        !matches!(self.lw(k), "have" | "ve") && !self.p(k, '\'')
                    } else {
                        (i + 1..self.len().min(i + 6)).any(|k| self.w(k, "to"))
                    };
                    if cue && self.future_after.get().is_none() {
                        self.future_after.set(Some(i));
                    }
                    false
                }
                _ => false,
            };
            if future {
                self.future_after.set(None);
                return Tense::Future;
            }
        }
        // A headline tells of the past in the present ("Storm Kills 12 On June 3").
        if past || self.headline() {
            Tense::Past
        } else {
            Tense::Present
        }
    }

    /// Whether the word at `i` puts its clause in the past: a verb in the past ("fell", "cut",
    /// "confirmed"), "has" or "have" before a participle ("has fallen"), but not a reporting
    /// verb in a trailing attribution (", officials said."), which tells when a source spoke.
    pub(crate) fn is_past_verb(&self, i: usize) -> bool {
        let w = self.lw(i);
        // "The Fed", "the Met Office", "Left Bank": a capital inside the sentence is a name.
        if self.cap(i) && !self.sentence_initial(i) {
            return false;
        }
        let not_after = i > 0 && self.is(i - 1, &NOT_AFTER);
        if self.is(i, &crate::attribution::cues::REPORTING_VERBS) {
            let past_form = w.ends_with("ed") || matches!(w, "said" | "told" | "wrote" | "found");
            let trailing = i + 5 >= self.len() && (i.saturating_sub(6)..i).any(|k| self.p(k, ','));
            return past_form && !trailing && !not_after;
        }
        if matches!(w, "has" | "have") {
            return self.is_word(i + 1) && !matches!(self.lw(i + 1), "to" | "a" | "an" | "the");
        }
        if self.is(i, &AMBIGUOUS_PAST) {
            return !not_after;
        }
        let past = self.is(i, &PAST_FORMS)
            || w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed") && !NOT_PAST_IN_ED.contains(w);
        // "the planned strike", "so-called": an adjective in "-ed" before its noun; "would be
        // held", "have been": a participle after an auxiliary is not this clause's tense.
        past && !not_after && !(i > 0 && self.dash(i - 1) && self.glued(i))
    }

    /// Whether the sentence looks like a title-case headline ("Storm Kills 12 In Valley").
    pub fn headline(&self) -> bool {
        if let Some(h) = self.headline.get() {
            return h;
        }
        let (mut words, mut caps) = (0, 0);
        for i in 0..self.len() {
            if self.is_word(i) && self.raw(i).len() > 3 {
                words += 1;
                caps += usize::from(self.cap(i));
            }
        }
        let last = self.toks.last().map_or("", |t| &self.text[t.start..t.end]);
        let h = words >= 3 && caps * 10 >= words * 8 && !matches!(last, "." | "!" | "?" | "\"" | "”");
        self.headline.set(Some(h));
        h
    }

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    pub fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }
}

/// Past forms of verbs that do not end in "-ed" (forms that are also the present, such as
/// "put", "cut", "set" or "read", are left out).
pub(crate) static PAST_FORMS: Lexicon = Lexicon::by_token(
    12,
    "was were had did went came fell rose began took made gave got held met left lost paid ran saw \
     sent sold spent stood struck thought fled grew drew drove fought found knew led meant rode \
     sank sought shot slid spoke stole swore threw tore understood woke wore broke bought brought \
     built caught chose dealt dug fed felt flew forgot froze hung heard hid laid lent lit shook \
     sang sat slept spun sprang stuck swam swung taught withdrew became overtook undertook arose \
     blew bore bred forbade forgave mistook oversaw overcame rebuilt rang strove swept wept won \
     shrank stank sprang",
);

/// Words after which a form is not a verb in the past: a modal, "to", "do" or an auxiliary
/// ("to cut rates", "would be held"), or a determiner ("the planned strike").
pub(crate) static NOT_AFTER: Lexicon = Lexicon::by_token(
    13,
    "to will would can could may might must should shall do does not t ll d be been being the a an \
     its their this these those his her our",
);

/// Past forms that are also the present or the infinitive: the past unless a modal, "to" or
/// "do" comes before ("The bank cut rates", not "to cut rates").
pub(crate) static AMBIGUOUS_PAST: Lexicon =
    Lexicon::by_token(14, "cut hit put set shut cost quit spread let burst cast hurt split");

/// Lower-case words in "-ed" that are not verbs in the past.
static NOT_PAST_IN_ED: Lexicon =
    Lexicon::new("hundred sacred naked wicked rugged ragged wretched crooked kindred beloved aged");

/// The words that may make a sentence speak of the future (each is checked in context).
pub(crate) static FUTURE_CUES: Lexicon = Lexicon::by_token(
    10,
    "will shall ll won going due set expected scheduled slated plans intends aims would expect expects",
);

/// Every unit a value can have, as the rules write it (`Value::unit`): shares, currencies (ISO
/// codes), measures (`measures.rs`) and time units (`durations.rs`). Reading JSON back into a
/// [`Value`](crate::Value) finds its `'static` unit here.
pub(crate) const UNITS: &[&str] = &[
    // percent.rs
    "percent",
    "percentage points",
    // money.rs
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "INR",
    "AUD",
    "CAD",
    "HKD",
    "NZD",
    "SGD",
    "CHF",
    "CNY",
    "RUB",
    "TRY",
    // measures.rs: its UNIT_SYMBOLS, then the units `unit_at` writes itself.
    "km",
    "m",
    "cm",
    "mm",
    "mi",
    "ft",
    "in",
    "kg",
    "g",
    "t",
    "lb",
    "ha",
    "acre",
    "L",
    "bbl",
    "MW",
    "GW",
    "kW",
    "kWh",
    "GWh",
    "TWh",
    "mph",
    "km/h",
    "kn",
    "km²",
    "mi²",
    "m²",
    "nmi",
    "°C",
    "°F",
    "°",
    // durations.rs
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
];

/// A value as a rule found it: token positions, not yet offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub kind: Kind,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub hedge: Option<Hedge>,
    pub unit: Option<&'static str>,
    /// Token range of the counted noun phrase.
    pub counted: Option<(usize, usize)>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub grain: Option<Grain>,
    /// "of those", "of them": the figure is a part of a whole named before.
    pub refers_back: bool,
    /// A ratio's figure when the phrase writes its whole ("half of the 1,200 respondents").
    pub resolved: Option<f64>,
    /// The rule's human-readable name, for debugging.
    pub rule: &'static str,
}

impl Found {
    pub fn new(kind: Kind, start: usize, end: usize, rule: &'static str) -> Found {
        Found {
            kind,
            start,
            end,
            value: None,
            min: None,
            max: None,
            hedge: None,
            unit: None,
            counted: None,
            from: None,
            to: None,
            grain: None,
            refers_back: false,
            resolved: None,
            rule,
        }
    }

    pub fn date(start: usize, end: usize, span: Option<(Date, Date)>, grain: Grain, rule: &'static str) -> Found {
        let mut f = Found::new(Kind::Date, start, end, rule);
        if let Some((from, to)) = span {
            f.from = Some(from);
            f.to = Some(to);
        }
        f.grain = Some(grain);
        f
    }
}

/// What a rule family says about the token it was asked about.
pub(crate) enum Step {
    /// A value starts here.
    Value(Found),
    /// Not a value, and the tokens up to this index belong to that non-value ("M5", a phone
    /// number): skip them.
    Skip(usize),
}

/// Finds the values of one sentence, in text order and without overlaps.
pub(crate) fn find_values(s: &Sent<'_>, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < s.len() {
        match step(s, i) {
            Some(Step::Value(f)) => {
                debug_assert!(f.end > i, "rule {} made no progress", f.rule);
                i = f.end.max(i + 1);
                out.push(f);
            }
            Some(Step::Skip(next)) => i = next.max(i + 1),
            None => i += 1,
        }
    }
}

fn step(s: &Sent<'_>, i: usize) -> Option<Step> {
    if !may_start_value(s, i) {
        return None;
    }
    if let Some(next) = names::not_a_value(s, i) {
        return Some(Step::Skip(next));
    }
    let found = dates::date_at(s, i)
        .or_else(|| durations::anchored_at(s, i))
        .or_else(|| durations::vague_at(s, i))
        .or_else(|| ordinals::ordinal_at(s, i))
        .or_else(|| quantity::quantity_at(s, i));
    found.map(Step::Value)
}

/// A cheap first look: most tokens are ordinary words that start nothing.
fn may_start_value(s: &Sent<'_>, i: usize) -> bool {
    match s.kind(i) {
        Some(TokKind::Num) => true,
        Some(TokKind::Punct) => matches!(s.raw(i), "$" | "€" | "£" | "¥" | "₹" | "-" | "−" | "'" | "’" | "+"),
        Some(TokKind::Word) => starts_rule(s, i),
        _ => false,
    }
}

/// Whether the word at `i` is one that some rule starts with. Every rule family's first words
/// are listed here or found by the family's own lexicon, so that ordinary words cost one lookup.
fn starts_rule(s: &Sent<'_>, i: usize) -> bool {
    let starters = TRIGGERS.class
        | numbers::SMALL.class
        | ordinals::ORDINAL_WORDS.class
        | dates::MONTHS.class
        | dates::WEEKDAYS.class
        | hedges::HEDGE_STARTS.class;
    if matches!(s.lw(i), "a" | "an" | "the") {
        // An article starts a rule only before a figure or a word of one ("a third", "the past
        // week", "an estimated 300"): most articles are looked at once, here.
        let next = starters | numbers::MAGNITUDES.class | numbers::TENS.class | durations::UNIT_WORDS.class;
        return s.is_num(i + 1)
            || s.classes_of(i + 1) & next != 0
            || s.is(i + 1, &AFTER_ARTICLE)
            // "A$1.5 billion": the Australian dollar.
            || s.kind(i + 1) == Some(TokKind::Punct) && may_start_value(s, i + 1);
    }
    s.classes_of(i) & starters != 0 || (s.is(i, &durations::UNIT_WORDS) && s.lw(i).ends_with('s'))
}

/// Words after "a", "an" or "the" that start a value and are in none of the starting word lists.
pub(crate) static AFTER_ARTICLE: Lexicon =
    Lexicon::by_token(15, "estimated minimum little past coming following previous dozen hundred quarter quarters");

/// Words some rule starts with besides numbers, ordinals, months, weekdays and hedges.
pub(crate) static TRIGGERS: Lexicon = Lexicon::by_token(
    8,
    "a an the half several few since between from last next this earlier later recent early mid late \
     first q minus today yesterday tomorrow tonight tens dozens hundreds thousands millions billions \
     trillions us c ca hk nz s au usd eur gbp jpy chf cny twenty thirty forty fifty sixty seventy eighty \
     ninety",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_lists_the_unit_tables() {
        for unit in measures::UNIT_SYMBOLS.into_iter().chain(durations::UNITS.map(|(u, _)| u)) {
            assert!(UNITS.contains(&unit), "{unit} is missing from UNITS");
        }
        for (i, unit) in UNITS.iter().enumerate() {
            assert!(!UNITS[..i].contains(unit), "{unit} is listed twice");
        }
    }
}
