//! Durations: "three years", "48 hours", "a decade", "a 34-year-old", "a three-year war",
//! vague ones ("after months of bombardment") and anchored ones ("the past three years").

use super::{numbers, Found, Sent};
use crate::lexicon::Lexicon;
use crate::model::{Hedge, Kind};

/// A time unit word: its canonical unit and how many of it the word is ("decade" = 10 years).
pub(crate) fn unit_word(w: &str) -> Option<(&'static str, f64)> {
    UNIT_WORDS.value(w).map(|k| UNITS[usize::from(k)])
}

pub(crate) static UNIT_WORDS: Lexicon = Lexicon::by_token(
    9,
    "second=0 seconds=0 sec=0 secs=0 minute=1 minutes=1 min=1 mins=1 hour=2 hours=2 hr=2 hrs=2 day=3 \
     days=3 week=4 weeks=4 fortnight=5 fortnights=5 month=6 months=6 year=7 years=7 yr=7 yrs=7 decade=8 \
     decades=8 century=9 centuries=9",
);

/// What each entry of [`UNIT_WORDS`] stands for, by its number.
pub(super) const UNITS: [(&str, f64); 10] = [
    ("second", 1.0),
    ("minute", 1.0),
    ("hour", 1.0),
    ("day", 1.0),
    ("week", 1.0),
    ("week", 2.0),
    ("month", 1.0),
    ("year", 1.0),
    ("year", 10.0),
    ("year", 100.0),
];

/// The time unit after a figure at token `i` (also glued by a hyphen: "three-year",
/// "34-year-old"): unit, factor and the token after it.
pub(crate) fn unit_at(s: &Sent<'_>, i: usize) -> Option<(&'static str, f64, usize)> {
    if s.dash(i) && s.glued(i) && s.glued(i + 1) {
        let (unit, factor) = s.word(i + 1).and_then(unit_word)?;
        let mut end = i + 2;
        // "34-year-old".
        if s.dash(end) && s.glued(end) && s.w(end + 1, "old") && s.glued(end + 1) {
            end += 2;
        }
        return Some((unit, factor, end));
    }
    // "five consecutive days", "three straight years".
    let i = if matches!(s.lw(i), "consecutive" | "straight" | "successive") && s.is_word(i + 1) { i + 1 } else { i };
    let (unit, factor) = s.word(i).and_then(unit_word)?;
    Some((unit, factor, i + 1))
}

/// "the past three years", "the last 24 hours", "over the past week": a duration that ends on
/// the reference date.
pub(crate) fn anchored_at(s: &Sent<'_>, i: usize) -> Option<Found> {
    let j = if s.w(i, "the") { i + 1 } else { return None };
    let forward = matches!(s.lw(j), "next" | "coming" | "following");
    if !(forward || matches!(s.lw(j), "past" | "last" | "previous")) || !s.is_word(j) {
        return None;
    }
    let (amount, k) = match numbers::number_at(s, j + 1) {
        Some(n) => (n.value, n.end),
        None => (1.0, j + 1),
    };
    let (unit, factor, end) = unit_at(s, k)?;
    let n = amount * factor;
    let mut f = Found::new(Kind::Duration, i, end, "the past <n> <unit>");
    f.unit = Some(unit);
    // "the coming weeks", "the past months": how many is not said.
    if k == j + 1 && s.lw(end - 1).ends_with('s') {
        f.hedge = Some(Hedge::Vague);
        return Some(f);
    }
    f.value = Some(n);
    f.hedge = Some(Hedge::Exact);
    if let Some(r) = s.reference {
        let whole = n.fract() == 0.0;
        let sign = if forward { 1 } else { -1 };
        let other = match unit {
            // Beyond the calendar's years (-9999 to 9999) the span stays unresolved.
            "day" if whole => r.checked_add_days(sign * n as i64),
            "week" if whole => r.checked_add_days((sign * 7).checked_mul(n as i64)?),
            "month" if whole => r.checked_add_months(sign * n as i64),
            "year" if whole => r.checked_add_months((sign * 12).checked_mul(n as i64)?),
            "hour" | "minute" | "second" => r.checked_add_days(sign * ((n / 24.0).ceil() as i64).max(1)),
            _ => None,
        };
        if let Some(other) = other {
            let (from, to) = if forward { (r, other) } else { (other, r) };
            f.from = Some(from);
            f.to = Some(to);
        }
    }
    Some(f)
}

/// "after months of bombardment", "for years": a plural time unit alone, vague.
pub(crate) fn vague_at(s: &Sent<'_>, i: usize) -> Option<Found> {
    let w = s.word(i)?;
    if !w.ends_with('s') {
        return None;
    }
    let (unit, factor) = unit_word(w)?;
    if s.capitalised_inside(i) {
        return None;
    }
    let before = if i > 0 { s.lw(i - 1) } else { "" };
    let cue = s.w(i + 1, "of") || matches!(before, "for" | "after" | "within" | "over" | "in");
    if !cue || matches!(before, "the" | "these" | "those" | "recent" | "coming" | "past" | "many") {
        return None;
    }
    let mut f = Found::new(Kind::Duration, i, i + 1, "<units> (vague)");
    f.unit = Some(unit);
    f.hedge = Some(Hedge::Vague);
    f.min = Some(2.0 * factor);
    Some(f)
}
