//! Quantities: an optional hedge, an amount (currency, figure, unit), an optional second amount
//! that makes a range, and what follows — a percent sign, a unit, a currency, a time unit, or
//! the noun phrase counted.
//!
//! Rule names, as they show in debug output: `<hedge> <amount>`, `between <a> and <b>`,
//! `<a>-<b>`, `<vague> of <noun>`.

use super::{counts, durations, hedges, measures, money, numbers, percent, Found, Sent};
use crate::lexicon::Lexicon;
use crate::model::{Hedge, Kind};

/// What the unit after a figure makes it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Percent(&'static str),
    Money(&'static str),
    Measure(&'static str),
    Time(&'static str, f64),
}

/// One end of a quantity: "$3.5 million", "70 percent", "5km", "18".
#[derive(Clone, Copy, Debug)]
struct Amount {
    end: usize,
    number: numbers::Number,
    value: f64,
    unit: Option<Unit>,
}

fn unit_after(s: &Sent<'_>, i: usize) -> Option<(Unit, usize)> {
    // "CBS's 48 Hours", "20 Minutes": a capitalised unit word is a title.
    if super::names::titled_unit(s, i) {
        return None;
    }
    if let Some((u, end)) = percent::suffix_at(s, i) {
        return Some((Unit::Percent(u), end));
    }
    if let Some((u, end)) = money::suffix_at(s, i) {
        return Some((Unit::Money(u), end));
    }
    if let Some((u, f, end)) = durations::unit_at(s, i) {
        // "second" after a figure is a unit only in the plural or glued ("30 seconds").
        return Some((Unit::Time(u, f), end));
    }
    if let Some((u, end)) = measures::unit_at(s, i) {
        return Some((Unit::Measure(u), end));
    }
    None
}

fn amount_at(s: &Sent<'_>, i: usize, allow_sign: bool) -> Option<Amount> {
    let (currency, mut j) = match money::prefix_at(s, i) {
        Some((code, j)) => (Some(code), j),
        None => (None, i),
    };
    let mut negative = false;
    if allow_sign && currency.is_none() {
        let sign = (s.p(j, '-') || s.p(j, '−')) && s.glued(j + 1) && s.is_num(j + 1);
        if s.w(j, "minus") || sign {
            negative = true;
            j += 1;
        }
    }
    let number = numbers::number_at(s, j)?;
    if super::names::number_is_name(s, number.start) {
        return None;
    }
    let mut end = number.end;
    let mut unit = currency.map(Unit::Money);
    if let Some((u, e)) = unit_after(s, end) {
        match (unit, u) {
            (None, _) => {
                unit = Some(u);
                end = e;
            }
            // "$5 million dollars": the word repeats the sign.
            (Some(Unit::Money(a)), Unit::Money(b)) if a == b => end = e,
            _ => {}
        }
    }
    let mut value = number.value;
    if let Some(Unit::Time(_, factor)) = unit {
        // "two decades" is 20 years.
        value *= factor;
    }
    if negative {
        match unit {
            Some(Unit::Measure(u)) if measures::is_temperature(u) => value = -value,
            _ => return None,
        }
    }
    Some(Amount { end, number, value, unit })
}

/// A range's connector after the first amount: "-", "–", "to", or "and" after "between".
fn connector(s: &Sent<'_>, i: usize, between: bool) -> Option<usize> {
    if between {
        return s.w(i, "and").then_some(i + 1);
    }
    if s.dash(i) || s.p(i, '—') {
        return Some(i + 1);
    }
    (s.w(i, "to") || s.w(i, "or")).then_some(i + 1)
}

/// Joins two amounts into a range, sharing a magnitude or unit written once.
fn range_of(a: &Amount, b: &Amount) -> Option<(f64, f64, Option<Unit>)> {
    let unit = match (a.unit, b.unit) {
        (Some(x), Some(y)) if x == y => Some(x),
        (Some(Unit::Money(x)), None) => Some(Unit::Money(x)),
        (None, u) => u,
        _ => return None,
    };
    let mut lo = a.value;
    let hi = b.value;
    // "$20-30 million": the magnitude written once belongs to both ends.
    if a.number.multiplier == 1.0 && b.number.multiplier > 1.0 && lo < b.number.value / b.number.multiplier {
        lo = numbers::scale(lo, b.number.multiplier);
    }
    (lo < hi).then_some((lo, hi, unit))
}

/// A quantity starting at token `i`.
pub(crate) fn quantity_at(s: &Sent<'_>, i: usize) -> Option<Found> {
    // "between 20 and 30", "from 20 to 30".
    if s.w(i, "between") || (s.w(i, "from") && !after_change_verb(s, i)) {
        let between = s.w(i, "between");
        if let Some(a) = amount_at(s, i + 1, true) {
            if let Some(k) = connector(s, a.end, between) {
                if let Some(b) = amount_at(s, k, true) {
                    if let Some((lo, hi, unit)) = range_of(&a, &b) {
                        let mut f = finish(s, i, b.end, unit, Hedge::Range, "between <a> and <b>");
                        f.min = Some(lo);
                        f.max = Some(hi);
                        if unit.is_none() {
                            tail_count(s, &mut f, b.end);
                        }
                        return Some(f);
                    }
                }
            }
        }
        return None;
    }
    // "a 7.5% rise over two years": over a period is across it; the period is read on its own.
    if s.w(i, "over") && over_a_period(s, i) {
        return None;
    }
    let (hedge, j) = hedges::hedge_at(s, i).unwrap_or((Hedge::Exact, i));
    if let Some(f) = super::ratios::ratio_at(s, i, j, hedge) {
        return Some(f);
    }
    if let Some(v) = numbers::vague_at(s, j) {
        let mut f = vague_tail(s, i, v);
        if hedge != Hedge::Exact {
            f.hedge = Some(Hedge::Vague);
        }
        return Some(f);
    }
    // "two of the three victims": a part of a whole named in the phrase.
    if let Some(f) = part_of_the(s, i, j, hedge) {
        return Some(f);
    }
    let Some(a) = amount_at(s, j, true) else {
        return a_unit_of_time(s, i, j, hedge);
    };
    if a.number.weak && a.unit.is_none() {
        return None;
    }
    // "20-30", "20 to 30": a second amount makes a range ("rose from 20 to 30" is a change).
    let change = i > 0 && s.w(i - 1, "from") && after_change_verb(s, i - 1);
    if (hedge == Hedge::Exact || hedge == Hedge::Approximate) && !change {
        if let Some(k) = connector(s, a.end, false) {
            let dash = s.dash(a.end);
            if let Some(b) = amount_at(s, k, true).filter(|b| !dash || b.number.digits == a.number.digits) {
                if let Some((lo, hi, unit)) = range_of(&a, &b) {
                    let mut f = finish(s, i, b.end, unit, Hedge::Range, "<a>-<b>");
                    f.min = Some(lo);
                    f.max = Some(hi);
                    if unit.is_none() {
                        tail_count(s, &mut f, b.end);
                    }
                    return Some(f);
                }
            }
        }
    }
    let mut f = finish(s, i, a.end, a.unit, hedge, "<hedge> <amount>");
    f.value = Some(a.value);
    if a.unit.is_none() {
        tail_count(s, &mut f, a.end);
        // "the 405 freeway", "the number 23 jersey": a figure other than one before a singular
        // noun names something ("700,000 Sudanese" count a people).
        if let Some((x, y)) = f.counted {
            let strong = s.w(a.end + 1, "strong");
            let people = counts::names_a_people(s.raw(y - 1), s.lw(y - 1));
            if a.value != 1.0 && !strong && !people && !(x..y).any(|k| counts::is_plural(s, k)) {
                return None;
            }
        }
    }
    Some(f)
}

/// "a decade", "a fortnight", "more than a year": one unit of time, written with an article.
fn a_unit_of_time(s: &Sent<'_>, i: usize, j: usize, hedge: Hedge) -> Option<Found> {
    if !matches!(s.lw(j), "a" | "an") || !s.is_word(j) {
        return None;
    }
    let (unit, factor) = s.word(j + 1).and_then(durations::unit_word)?;
    let before = if i > 0 { s.lw(i - 1) } else { "" };
    let clear = factor > 1.0
        || hedge != Hedge::Exact
        || matches!(before, "for" | "over" | "after" | "within" | "lasted" | "took" | "spent" | "last");
    if !clear || matches!(before, "once" | "twice" | "times" | "per") || s.w(j + 2, "ago") || s.lw(j + 1).ends_with('s')
    {
        return None;
    }
    let mut f = Found::new(Kind::Duration, i, j + 2, "a <unit>");
    f.value = Some(factor);
    f.unit = Some(unit);
    f.hedge = Some(hedge);
    Some(f)
}

/// Whether "over" at `i` spans a period ("60 billion euros over three years", "Over two years,
/// the city built 500 homes") rather than exceeding one ("for over two years", "took over a
/// year", "over two years ago").
fn over_a_period(s: &Sent<'_>, i: usize) -> bool {
    let Some(n) = numbers::number_at(s, i + 1) else { return false };
    let Some((_, _, end)) = durations::unit_at(s, n.end) else { return false };
    // Right after an amount, a share or a change ("60 billion euros over three years", "a 7.5%
    // rise over two years", "grew 12% over two years"), or opening a clause ("Over two years,
    // …"); "waited over three months" is more than three months.
    let after_amount = i > 0
        && (s.is_num(i - 1)
            || s.p(i - 1, '%')
            || s.p(i - 1, ',')
            || money::suffix_at(s, i - 1).is_some()
            || percent::suffix_at(s, i - 1).is_some()
            || measures::unit_at(s, i - 1).is_some()
            || numbers::magnitude(s.lw(i - 1)).is_some()
            || CHANGE_VERBS.contains(s.lw(i - 1))
            || CHANGE_NOUNS.contains(s.lw(i - 1)));
    (i == 0 || after_amount) && !matches!(s.lw(end), "ago" | "old" | "later" | "earlier" | "before" | "after" | "since")
}

fn after_change_verb(s: &Sent<'_>, i: usize) -> bool {
    i > 0 && CHANGE_VERBS.contains(s.lw(i - 1))
}

fn finish(s: &Sent<'_>, start: usize, end: usize, unit: Option<Unit>, hedge: Hedge, rule: &'static str) -> Found {
    let _ = s;
    let kind = match unit {
        Some(Unit::Percent(_)) => Kind::Percent,
        Some(Unit::Money(_)) => Kind::Money,
        Some(Unit::Measure(_)) => Kind::Measure,
        Some(Unit::Time(..)) => Kind::Duration,
        None => Kind::Number,
    };
    let mut f = Found::new(kind, start, end, rule);
    f.hedge = Some(hedge);
    f.unit = match unit {
        Some(Unit::Percent(u) | Unit::Money(u) | Unit::Measure(u) | Unit::Time(u, _)) => Some(u),
        None => None,
    };
    f
}

/// After a bare figure: "of those", "-strong force", or a counted noun phrase makes a count.
fn tail_count(s: &Sent<'_>, f: &mut Found, j: usize) {
    if refers_back(s, j) {
        f.kind = Kind::Count;
        f.end = j + 2;
        f.refers_back = true;
        return;
    }
    if s.dash(j) && s.glued(j) && s.w(j + 1, "strong") && s.glued(j + 1) {
        f.kind = Kind::Count;
        f.end = j + 2;
        if let Some((a, b)) = counts::noun_phrase(s, j + 2) {
            f.counted = Some((a, b));
            f.end = b;
        }
        return;
    }
    if let Some((a, b)) = counts::noun_phrase(s, j) {
        f.kind = Kind::Count;
        f.counted = Some((a, b));
        f.end = b;
    }
}

/// "two of the three victims", "12 of the victims": a count of part of a group.
fn part_of_the(s: &Sent<'_>, i: usize, j: usize, hedge: Hedge) -> Option<Found> {
    let n = numbers::number_at(s, j)?;
    // "one of the highest shares" ranks, it does not count.
    if n.weak || !s.w(n.end, "of") || !matches!(s.lw(n.end + 1), "the" | "its" | "their" | "our") {
        return None;
    }
    let mut k = n.end + 2;
    let whole = numbers::number_at(s, k);
    if let Some(w) = whole {
        k = w.end;
    }
    let (a, b) = counts::noun_phrase(s, k)?;
    if !(a..b).any(|x| counts::is_plural(s, x)) {
        return None;
    }
    let mut f = Found::new(Kind::Count, i, b, "<n> of the <noun>");
    f.value = Some(n.value);
    // "12,000 of the new positions": part of a whole named before.
    f.refers_back = whole.is_none() && s.w(n.end + 1, "the");
    f.hedge = Some(hedge);
    f.counted = Some((a, b));
    Some(f)
}

/// "of those", "of them": the figure is a part of something named before.
fn refers_back(s: &Sent<'_>, j: usize) -> bool {
    s.w(j, "of") && matches!(s.lw(j + 1), "those" | "them" | "these" | "us" | "whom") && s.is_word(j + 1)
}

/// "hundreds of thousands of civilians", "millions of dollars", "dozens".
fn vague_tail(s: &Sent<'_>, start: usize, v: numbers::Vague) -> Found {
    let mut f = Found::new(Kind::Number, start, v.end, "<vague> of <noun>");
    f.hedge = Some(Hedge::Vague);
    f.min = Some(v.min);
    f.max = Some(v.max);
    let j = v.end;
    if refers_back(s, j) {
        f.kind = Kind::Count;
        f.end = j + 2;
        f.refers_back = true;
        return f;
    }
    let k = if s.w(j, "of") { j + 1 } else { j };
    if let Some((u, end)) = money::suffix_at(s, k) {
        f.kind = Kind::Money;
        f.unit = Some(u);
        f.end = end;
    } else if let Some((u, end)) = measures::unit_at(s, k).filter(|_| k > j || s.is_word(k)) {
        f.kind = Kind::Measure;
        f.unit = Some(u);
        f.end = end;
    } else if let Some((a, b)) = counts::noun_phrase(s, k) {
        f.kind = Kind::Count;
        f.counted = Some((a, b));
        f.end = b;
    }
    f
}

/// Words of change before "from" (see [`after_change_verb`]).
/// Nouns for a change, after which "over" a period spans it ("a pay rise over two years").
static CHANGE_NOUNS: Lexicon =
    Lexicon::new("rise rises increase increases fall falls drop drops cut cuts growth decline gain gains loss losses");

static CHANGE_VERBS: Lexicon = Lexicon::new(
    "rose fell increased decreased climbed dropped jumped grew up down rise fall increase \
     decrease cut raised reduced lowered slashed declined soared plunged surged shrank \
     doubled tripled rising falling went",
);
