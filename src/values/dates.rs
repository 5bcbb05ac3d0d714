//! Dates: days, months, years, decades, quarters, weekdays and relative dates, resolved against
//! the reference date with the sentence's tense, and intervals built from them ("since Friday",
//! "between January 15 and 19", "from March to May", "earlier this month").
//!
//! Resolution rules (the corpus in `tests/corpus/en/dates.toml` pins each):
//! - past sentence: a weekday is the latest one on or before the reference date, a year-less date
//!   later in the year than the reference date belongs to the year before;
//! - future sentence: the first weekday on or after it, a year-less date earlier in the year
//!   belongs to the year after;
//! - "last Monday" is strictly before, "next Monday" strictly after, "this Monday" in the
//!   reference date's week (weeks run Monday to Sunday);
//! - with no reference date, relative dates keep their grain and have no `from`/`to`.

use super::{numbers, Found, Sent, Tense};
use crate::calendar::{days_in_month, Date, Weekday};
use crate::lexicon::Lexicon;
use crate::model::Grain;

/// A month name or abbreviation (lower case): 1 to 12.
pub(crate) fn month(w: &str) -> Option<u8> {
    MONTHS.value(w).map(|m| m as u8)
}

pub(crate) static MONTHS: Lexicon = Lexicon::by_token(
    5,
    "january=1 jan=1 february=2 feb=2 march=3 mar=3 april=4 apr=4 may=5 june=6 jun=6 july=7 jul=7 \
     august=8 aug=8 september=9 sep=9 sept=9 october=10 oct=10 november=11 nov=11 december=12 dec=12",
);

/// A weekday's full name (lower case).
pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    WEEKDAYS.value(w).map(|d| Weekday::from_index(i64::from(d)))
}

pub(crate) static WEEKDAYS: Lexicon =
    Lexicon::by_token(6, "monday=0 tuesday=1 wednesday=2 thursday=3 friday=4 saturday=5 sunday=6");

/// Words that start relative dates; a capitalised one before a figure does not make a name.
pub(crate) fn is_date_word(w: &str) -> bool {
    DATE_WORDS.contains(w)
}

/// A date before resolution.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Point {
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    Month {
        year: Option<i32>,
        month: u8,
    },
    Year(i32),
    Decade(i32),
    /// Part of a decade ("the late 1990s"): 0 early, 1 mid, 2 late.
    DecadePart {
        decade: i32,
        part: u8,
    },
    Quarter {
        year: Option<i32>,
        q: u8,
    },
    /// Part of a year or month: 0 early, 1 mid, 2 late.
    YearPart {
        year: i32,
        part: u8,
    },
    MonthPart {
        year: Option<i32>,
        month: u8,
        part: u8,
    },
    Weekday {
        day: Weekday,
        rel: Rel,
    },
    /// A month relative to the reference's ("last December").
    RelMonth {
        month: u8,
        rel: Rel,
    },
    /// Already worked out from the reference date (None without one).
    Resolved(Option<(Date, Date)>, Grain),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Rel {
    Plain,
    Last,
    Next,
    This,
}

impl Point {
    fn grain(self) -> Grain {
        match self {
            Point::Day { .. } | Point::Weekday { .. } | Point::MonthPart { .. } => Grain::Day,
            Point::Month { .. } | Point::RelMonth { .. } | Point::YearPart { .. } => Grain::Month,
            Point::Year(_) | Point::DecadePart { .. } => Grain::Year,
            Point::Decade(_) => Grain::Decade,
            Point::Quarter { .. } => Grain::Quarter,
            Point::Resolved(_, g) => g,
        }
    }

    fn year(self) -> Option<i32> {
        match self {
            Point::Day { year, .. }
            | Point::Month { year, .. }
            | Point::Quarter { year, .. }
            | Point::MonthPart { year, .. } => year,
            Point::Year(y) | Point::YearPart { year: y, .. } => Some(y),
            _ => None,
        }
    }

    fn with_year(self, y: i32) -> Point {
        match self {
            Point::Day { month, day, .. } => Point::Day { year: Some(y), month, day },
            Point::Month { month, .. } => Point::Month { year: Some(y), month },
            Point::Quarter { q, .. } => Point::Quarter { year: Some(y), q },
            Point::MonthPart { month, part, .. } => Point::MonthPart { year: Some(y), month, part },
            p => p,
        }
    }

    /// The first and last day of this point in `year`, when it names a part of a year.
    fn in_year(self, year: i32) -> Option<(Date, Date)> {
        match self {
            Point::Day { month, day, .. } => Date::new(year, month, day).map(|d| (d, d)),
            Point::Month { month, .. } => month_span(year, month),
            Point::Quarter { q, .. } => {
                let m = (q - 1) * 3 + 1;
                Some((Date::new(year, m, 1)?, Date::new(year, m + 2, days_in_month(year, m + 2))?))
            }
            Point::MonthPart { month, part, .. } => {
                let (a, b) = [(1, 10), (11, 20), (21, days_in_month(year, month))][part as usize];
                Some((Date::new(year, month, a)?, Date::new(year, month, b)?))
            }
            _ => None,
        }
    }

    /// Resolves against the reference date with a tense.
    fn resolve(self, reference: Option<Date>, tense: Tense) -> Option<(Date, Date)> {
        if let Some(y) = self.year() {
            return match self {
                Point::Year(y) => Some((Date::new(y, 1, 1)?, Date::new(y, 12, 31)?)),
                Point::YearPart { year, part } => {
                    let (a, b) = [(1, 4), (5, 8), (9, 12)][part as usize];
                    Some((Date::new(year, a, 1)?, Date::new(year, b, days_in_month(year, b))?))
                }
                p => p.in_year(y),
            };
        }
        match self {
            Point::Decade(d) => Some((Date::new(d, 1, 1)?, Date::new(d + 9, 12, 31)?)),
            Point::DecadePart { decade, part } => {
                // Early: the first four years, mid: the middle three, late: the last three.
                let (a, b) = [(0, 3), (4, 6), (7, 9)][part as usize];
                Some((Date::new(decade + a, 1, 1)?, Date::new(decade + b, 12, 31)?))
            }
            Point::Resolved(span, _) => span,
            _ => {
                let r = reference?;
                match self {
                    Point::Weekday { day, rel } => {
                        let back = (r.weekday().index() - day.index()).rem_euclid(7);
                        let ahead = (day.index() - r.weekday().index()).rem_euclid(7);
                        let d = match rel {
                            Rel::Plain if tense == Tense::Future => r.checked_add_days(ahead),
                            Rel::Plain => r.checked_add_days(-back),
                            Rel::Last => r.checked_add_days(-if back == 0 { 7 } else { back }),
                            Rel::Next => r.checked_add_days(if ahead == 0 { 7 } else { ahead }),
                            Rel::This => r.week_start().and_then(|m| m.checked_add_days(day.index())),
                        };
                        d.map(|d| (d, d))
                    }
                    Point::RelMonth { month, rel } => {
                        let y = match rel {
                            Rel::Last => r.year() - i32::from(month >= r.month()),
                            Rel::Next => r.year() + i32::from(month <= r.month()),
                            _ => r.year(),
                        };
                        month_span(y, month)
                    }
                    p => {
                        // A year-less day, month, quarter or part of a month.
                        let (a, b) = p.in_year(r.year()).or_else(|| p.in_year(r.year() - 1))?;
                        let y = match tense {
                            Tense::Past if a > r => r.year() - 1,
                            Tense::Future if b < r => r.year() + 1,
                            Tense::Present => return nearest(p, r),
                            _ => r.year(),
                        };
                        p.in_year(y)
                    }
                }
            }
        }
    }
}

/// The occurrence of a year-less point nearest `r` (last year's, this year's or next year's); the
/// earlier one on a tie.
fn nearest(p: Point, r: Date) -> Option<(Date, Date)> {
    let distance = |(a, b): (Date, Date)| {
        let r = r.days_since_epoch();
        (a.days_since_epoch() - r).max(r - b.days_since_epoch()).max(0)
    };
    [r.year() - 1, r.year(), r.year() + 1].into_iter().filter_map(|y| p.in_year(y)).min_by_key(|&span| distance(span))
}

/// The tense a date at token `i` resolves with: the sentence's, or the future after "would" or
/// "expects … to" unless a verb in the past between them governs the date ("expects output to
/// grow, down from a forecast it made in April").
fn tense_at(s: &Sent<'_>, i: usize) -> Tense {
    match s.future_after() {
        // (`future_after` is only set in a sentence that is not in the future as a whole.)
        Some(k) if k < i => {
            if (k + 1..i)
                .any(|m| s.is_word(m) && s.is_past_verb(m) && !s.is(m, &crate::attribution::cues::REPORTING_VERBS))
            {
                Tense::Past
            } else {
                Tense::Future
            }
        }
        _ => s.tense(),
    }
}

fn month_span(year: i32, month: u8) -> Option<(Date, Date)> {
    Some((Date::new(year, month, 1)?, Date::new(year, month, days_in_month(year, month))?))
}

/// Words after which "May" or "April" is a month rather than a verb or a name.
fn month_context(w: &str) -> bool {
    MONTH_CONTEXT.contains(w)
}

/// A month name at token `i` that really is a month: "May" and "March" must be capitalised and
/// in a date-like place; abbreviations must be capitalised.
fn month_at(s: &Sent<'_>, i: usize) -> Option<(u8, usize)> {
    let w = s.word(i)?;
    let m = month(w)?;
    let full = w.len() > 4 || matches!(w, "june" | "july");
    let mut end = i + 1;
    if !full {
        if !s.cap(i) {
            return None;
        }
        if w != "may" {
            // "Dec. 1": the period belongs to the abbreviation unless it ends the sentence.
            if s.p(end, '.') && s.glued(end) && end + 1 < s.len() {
                end += 1;
            }
            // "Dec 1", "1 Dec 2019": an abbreviation needs a figure next to it.
            let num_after = s.is_num(end);
            let num_before = i > 0 && s.is_num(i - 1);
            if !num_after && !num_before {
                return None;
            }
        } else {
            let num_after = s.is_num(end);
            let before = if i > 0 { s.lw(i - 1) } else { "" };
            let ctx = month_context(before) || matches!(before, "its" | "their") || (i > 0 && s.is_num(i - 1));
            if !(num_after || ctx) {
                return None;
            }
        }
    } else if w == "march" && !s.cap(i) {
        return None;
    } else if !s.cap(i) && !s.headline() {
        // "august" as an adjective; months are capitalised in English.
        return None;
    }
    Some((m, end))
}

/// A day of the month at token `i` ("1", "1st", "21st"): the day and the token after it.
fn day_at(s: &Sent<'_>, i: usize) -> Option<(u8, usize)> {
    if !s.is_num(i) || s.raw(i).len() > 2 {
        return None;
    }
    let d: u8 = s.raw(i).parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = i + 1;
    if s.glued(end) && matches!(s.lw(end), "st" | "nd" | "rd" | "th") {
        end += 1;
    }
    // A day is not followed by a unit or a magnitude ("December 5 percent" is not a date).
    if s.is_word(end) && (numbers::magnitude(s.lw(end)).is_some() || super::percent::suffix_at(s, end).is_some()) {
        return None;
    }
    Some((d, end))
}

/// A four-digit year at token `i`.
fn year_num(s: &Sent<'_>, i: usize) -> Option<i32> {
    if !s.is_num(i) || s.raw(i).len() != 4 {
        return None;
    }
    let y: i32 = s.raw(i).parse().ok()?;
    (1000..=2200).contains(&y).then_some(y)
}

/// Whether the four-digit figure at `i` reads as a year where it stands.
fn year_in_context(s: &Sent<'_>, i: usize) -> bool {
    if s.glued(i + 1) && !s.boundary(i + 1) {
        return false;
    }
    let before = if i > 0 { s.lw(i - 1) } else { "" };
    let prep = DATE_PREPOSITIONS.contains(before) && i > 0 && s.is_word(i - 1);
    if prep {
        return true;
    }
    match s.word(i + 1) {
        None => !s.is_num(i + 1) && !super::money::is_prefix_symbol(s.raw(i.wrapping_sub(1))),
        Some(w) => super::counts::is_stop(w) && super::durations::unit_word(w).is_none(),
    }
}

/// "three days ago", "a week ago", "two years ago".
fn ago_at(s: &Sent<'_>, i: usize) -> Option<(Point, usize)> {
    let r = s.reference;
    let (n, k) = match numbers::number_at(s, i) {
        Some(n) => (n.value, n.end),
        None if s.w(i, "a") || s.w(i, "an") => (1.0, i + 1),
        None => return None,
    };
    let (unit, factor) = s.word(k).and_then(super::durations::unit_word)?;
    if !s.w(k + 1, "ago") || n.fract() != 0.0 {
        return None;
    }
    // "20,000 years ago" and beyond leave the calendar's years: the value stays, unresolved.
    let n = (n * factor) as i64;
    let (span, grain) = match unit {
        "day" => (r.and_then(|r| r.checked_add_days(-n)).map(|d| (d, d)), Grain::Day),
        "week" => (r.and_then(|r| week(r.checked_add_days(n.checked_mul(-7)?)?, 0)), Grain::Week),
        "month" => (r.and_then(|r| r.checked_add_months(-n)).map(month_of), Grain::Month),
        "year" => (r.and_then(|r| year_of(i64::from(r.year()).checked_sub(n)?)), Grain::Year),
        _ => return None,
    };
    Some((Point::Resolved(span, grain), k + 2))
}

/// A point in time starting at token `i`.
fn point_at(s: &Sent<'_>, i: usize) -> Option<(Point, usize)> {
    let r = s.reference;
    if s.is_num(i) {
        // ISO 8601: 2019-12-01.
        if let Some(y) = year_num(s, i) {
            if s.p(i + 1, '-')
                && s.glued(i + 1)
                && s.is_num(i + 2)
                && s.glued(i + 2)
                && s.p(i + 3, '-')
                && s.glued(i + 3)
                && s.is_num(i + 4)
                && s.glued(i + 4)
                && s.raw(i + 2).len() == 2
                && s.raw(i + 4).len() == 2
            {
                let m: u8 = s.raw(i + 2).parse().ok()?;
                let d: u8 = s.raw(i + 4).parse().ok()?;
                Date::new(y, m, d)?;
                return Some((Point::Day { year: Some(y), month: m, day: d }, i + 5));
            }
            // "the 1990s".
            if s.w(i + 1, "s") && s.glued(i + 1) && y % 10 == 0 {
                return Some((Point::Decade(y), i + 2));
            }
            if year_in_context(s, i) && !s.dash(i + 1) || year_in_context(s, i) && !s.glued(i + 1) {
                return Some((Point::Year(y), i + 1));
            }
            if s.dash(i + 1) && s.glued(i + 1) && (year_num(s, i + 2).is_some() || s.raw(i + 2).len() == 2) {
                return Some((Point::Year(y), i + 1));
            }
            return None;
        }
        // "1 December 2019", "1 Dec".
        if let Some((d, k)) = day_at(s, i) {
            if let Some((m, k2)) = month_at(s, k) {
                let (year, end) = match year_num(s, k2) {
                    Some(y) => (Some(y), k2 + 1),
                    None if s.p(k2, ',') && year_num(s, k2 + 1).is_some() => (year_num(s, k2 + 1), k2 + 2),
                    None => (None, k2),
                };
                Date::new(year.unwrap_or(2000), m, d)?;
                return Some((Point::Day { year, month: m, day: d }, end));
            }
        }
    }
    // "'90s".
    if (s.p(i, '\'') || s.p(i, '’'))
        && s.is_num(i + 1)
        && s.glued(i + 1)
        && s.raw(i + 1).len() == 2
        && s.w(i + 2, "s")
        && s.glued(i + 2)
    {
        let d: i32 = s.raw(i + 1).parse().ok()?;
        if d % 10 != 0 {
            return None;
        }
        return Some((Point::Decade(if d >= 30 { 1900 + d } else { 2000 + d }), i + 3));
    }
    if let Some(p) = ago_at(s, i) {
        return Some(p);
    }
    let w = s.word(i)?;
    if let Some((m, k)) = month_at(s, i) {
        if let Some((d, k2)) = day_at(s, k) {
            // "December 1, 2019", "December 1 2019".
            let (year, end) = if s.p(k2, ',') && year_num(s, k2 + 1).is_some() {
                (year_num(s, k2 + 1), k2 + 2)
            } else if let Some(y) = year_num(s, k2) {
                (Some(y), k2 + 1)
            } else {
                (None, k2)
            };
            Date::new(year.unwrap_or(2000), m, d)?;
            return Some((Point::Day { year, month: m, day: d }, end));
        }
        if let Some(y) = year_num(s, k) {
            return Some((Point::Month { year: Some(y), month: m }, k + 1));
        }
        // "March of 2011".
        if s.w(k, "of") && year_num(s, k + 1).is_some() {
            return Some((Point::Month { year: year_num(s, k + 1), month: m }, k + 2));
        }
        if s.p(k, ',') && year_num(s, k + 1).is_some() && !s.is_num(k + 2) {
            return Some((Point::Month { year: year_num(s, k + 1), month: m }, k + 2));
        }
        // "April Ryan": a month name before a capitalised word, with no date word before it.
        let prep = i > 0 && (month_context(s.lw(i - 1)) || s.w(i - 1, "that"));
        if !prep && s.is_word(k) && s.cap(k) && month(s.lw(k)).is_none() && !s.headline() {
            return None;
        }
        return Some((Point::Month { year: None, month: m }, k));
    }
    if let Some(day) = weekday(w) {
        if !s.cap(i) && !s.headline() {
            return None;
        }
        if i > 0
            && s.capitalised_inside(i - 1)
            && s.is_word(i - 1)
            && !matches!(s.lw(i - 1), "on" | "last" | "next" | "this" | "late" | "early" | "by" | "until" | "since")
        {
            return None;
        }
        // "Monday, January 27" / "Monday 27 January": the written date wins.
        let k = if s.p(i + 1, ',') { i + 2 } else { i + 1 };
        if let Some((p @ Point::Day { .. }, end)) = point_at(s, k) {
            return Some((p, end));
        }
        return Some((Point::Weekday { day, rel: Rel::Plain }, i + 1));
    }
    match w {
        "today" | "tonight" => return Some((Point::Resolved(r.map(|r| (r, r)), Grain::Day), i + 1)),
        "yesterday" => return Some((Point::Resolved(day_of(r, -1), Grain::Day), i + 1)),
        "tomorrow" => return Some((Point::Resolved(day_of(r, 1), Grain::Day), i + 1)),
        "last" | "next" | "this" => {
            let rel = match w {
                "last" => Rel::Last,
                "next" => Rel::Next,
                _ => Rel::This,
            };
            let n = s.lw(i + 1);
            if let Some(day) = weekday(n).filter(|_| s.is_word(i + 1)) {
                return Some((Point::Weekday { day, rel }, i + 2));
            }
            if let Some((m, k)) = month_at(s, i + 1).filter(|_| month(n).is_some_and(|_| n.len() > 2)) {
                if rel == Rel::This {
                    return Some((Point::Month { year: r.map(Date::year), month: m }, k).filter_unresolved(r));
                }
                return Some((Point::RelMonth { month: m, rel }, k));
            }
            if w == "last" && s.w(i + 1, "night") {
                return Some((Point::Resolved(day_of(r, -1), Grain::Day), i + 2));
            }
            if w == "this" && matches!(n, "morning" | "afternoon" | "evening") {
                return Some((Point::Resolved(r.map(|r| (r, r)), Grain::Day), i + 2));
            }
            let step = match rel {
                Rel::Last => -1,
                Rel::Next => 1,
                _ => 0,
            };
            let (span, grain) = match n {
                "week" => (r.and_then(|r| week(r, step)), Grain::Week),
                "weekend" => (r.and_then(|r| weekend(r, step)), Grain::Day),
                "month" => (r.and_then(|r| r.checked_add_months(step)).map(month_of), Grain::Month),
                "year" => (r.and_then(|r| year_of(i64::from(r.year()) + step)), Grain::Year),
                _ => return None,
            };
            return Some((Point::Resolved(span, grain), i + 2));
        }
        "earlier" | "later" if s.w(i + 1, "this") => {
            let earlier = w == "earlier";
            let (span, grain) = match s.lw(i + 2) {
                "week" => (r.and_then(|r| week(r, 0)), Grain::Week),
                "month" => (r.map(month_of), Grain::Month),
                "year" => (r.and_then(|r| year_of(i64::from(r.year()))), Grain::Year),
                _ => return None,
            };
            let span = span.zip(r).map(|((a, b), r)| if earlier { (a, r) } else { (r, b) });
            return Some((Point::Resolved(span, grain), i + 3));
        }
        "recent" => {
            let (span, grain) = match s.lw(i + 1) {
                "days" => (r.and_then(|r| Some((r.checked_add_days(-3)?, r))), Grain::Day),
                "weeks" => (r.and_then(|r| Some((r.checked_add_days(-21)?, r))), Grain::Week),
                "months" => (r.and_then(|r| Some((r.checked_add_months(-3)?, r))), Grain::Month),
                "years" => (r.and_then(|r| Some((r.checked_add_months(-36)?, r))), Grain::Year),
                _ => return None,
            };
            return Some((Point::Resolved(span, grain), i + 2));
        }
        "early" | "mid" | "late" => {
            let part = match w {
                "early" => 0,
                "mid" => 1,
                _ => 2,
            };
            let k = if s.dash(i + 1) && s.glued(i + 1) { i + 2 } else { i + 1 };
            if let Some(y) = year_num(s, k) {
                // "the late 1990s", "the early 2000s" ("the late 1900s" is a century: left alone).
                if y % 10 == 0 && (y % 100 != 0 || y >= 2000) && s.w(k + 1, "s") && s.glued(k + 1) {
                    return Some((Point::DecadePart { decade: y, part }, k + 2));
                }
                return Some((Point::YearPart { year: y, part }, k + 1));
            }
            if let Some((m, k2)) = month_at(s, k) {
                let year = year_num(s, k2);
                let end = if year.is_some() { k2 + 1 } else { k2 };
                return Some((Point::MonthPart { year, month: m, part }, end));
            }
            return None;
        }
        // "the first half of 2024", "the second half of next year".
        "first" | "second" if s.w(i + 1, "half") && s.w(i + 2, "of") => {
            let (a, b) = if w == "first" { (1, 6) } else { (7, 12) };
            let half = |y: i32| Some((Date::new(y, a, 1)?, Date::new(y, b, days_in_month(y, b))?));
            if let Some(y) = year_num(s, i + 3) {
                return Some((Point::Resolved(half(y), Grain::Quarter), i + 4));
            }
            let step = relative_year(s, i + 3).or_else(|| (s.w(i + 3, "the") && s.w(i + 4, "year")).then_some(0))?;
            return Some((Point::Resolved(r.and_then(|r| half(r.year() + step)), Grain::Quarter), i + 5));
        }
        "first" | "second" | "third" | "fourth" if s.w(i + 1, "quarter") => {
            let q = match w {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            let (year, end) = if s.w(i + 2, "of") && year_num(s, i + 3).is_some() {
                (year_num(s, i + 3), i + 4)
            } else if let Some(y) = year_num(s, i + 2) {
                (Some(y), i + 3)
            } else {
                (None, i + 2)
            };
            return Some((Point::Quarter { year, q }, end));
        }
        "q" if s.raw(i) == "Q" && s.is_num(i + 1) && s.glued(i + 1) => {
            let q: u8 = s.raw(i + 1).parse().ok().filter(|q| (1..=4).contains(q))?;
            let (year, end) = match year_num(s, i + 2) {
                Some(y) => (Some(y), i + 3),
                None => (None, i + 2),
            };
            return Some((Point::Quarter { year, q }, end));
        }
        _ => {}
    }
    None
}

trait FilterUnresolved {
    fn filter_unresolved(self, r: Option<Date>) -> Self;
}

impl FilterUnresolved for (Point, usize) {
    /// "this December" without a reference date has no year: unresolved.
    fn filter_unresolved(self, r: Option<Date>) -> Self {
        match (self.0, r) {
            (Point::Month { year: None, .. }, None) => (Point::Resolved(None, Grain::Month), self.1),
            _ => self,
        }
    }
}

/// "next year", "last year", "this year" at token `k`: the step from the reference's year.
fn relative_year(s: &Sent<'_>, k: usize) -> Option<i32> {
    let step = match s.lw(k) {
        "next" => 1,
        "last" => -1,
        "this" => 0,
        _ => return None,
    };
    s.w(k + 1, "year").then_some(step)
}

// Each of these is `None` where the span would leave the calendar's years (-9999 to 9999).

/// The day `n` days from `r`.
fn day_of(r: Option<Date>, n: i64) -> Option<(Date, Date)> {
    let d = r?.checked_add_days(n)?;
    Some((d, d))
}

fn week(r: Date, step: i64) -> Option<(Date, Date)> {
    let a = r.week_start()?.checked_add_days(7 * step)?;
    Some((a, a.checked_add_days(6)?))
}

fn weekend(r: Date, step: i64) -> Option<(Date, Date)> {
    let (a, _) = week(r, step)?;
    Some((a.checked_add_days(5)?, a.checked_add_days(6)?))
}

fn month_of(d: Date) -> (Date, Date) {
    (d.month_start(), d.month_end())
}

fn year_of(y: i64) -> Option<(Date, Date)> {
    let y = i32::try_from(y).ok()?;
    Some((Date::new(y, 1, 1)?, Date::new(y, 12, 31)?))
}

/// A date or interval starting at token `i`.
pub(crate) fn date_at(s: &Sent<'_>, i: usize) -> Option<Found> {
    let w = s.lw(i);
    if s.is_word(i) && w == "since" {
        let k = if s.w(i + 1, "the") { i + 2 } else { i + 1 };
        let (p, end) = point_at(s, k)?;
        let from = p.resolve(s.reference, Tense::Past).map(|(a, _)| a);
        let mut f = Found::date(i, end, None, p.grain(), "since <date>");
        f.from = from;
        f.to = s.reference;
        return Some(f);
    }
    if s.is_word(i) && (w == "between" || w == "from") {
        let (a, k) = point_at(s, i + 1).or_else(|| bare_day(s, i + 1))?;
        let joined = if w == "between" {
            s.w(k, "and")
        } else {
            s.w(k, "to") || s.w(k, "until") || s.w(k, "through") || s.w(k, "till") || s.dash(k)
        };
        if !joined {
            return None;
        }
        let (b, end) = point_at(s, k + 1).or_else(|| bare_day(s, k + 1))?;
        if is_bare(a) && is_bare(b) {
            return None;
        }
        let rule = if w == "between" { "between <date> and <date>" } else { "from <date> to <date>" };
        return Some(interval(s, i, end, a, b, rule));
    }
    if let Some(f) = day_range_before_month(s, i) {
        return Some(f);
    }
    let (a, k) = point_at(s, i)?;
    // "September 13 next year", "in March last year": the year written as relative.
    if let (Some(step), None) = (relative_year(s, k), a.year()) {
        if matches!(
            a,
            Point::Day { month: 1.., .. } | Point::Month { .. } | Point::MonthPart { .. } | Point::Quarter { .. }
        ) {
            let span = s.reference.and_then(|r| a.in_year(r.year() + step));
            return Some(Found::date(i, k + 2, span, a.grain(), "<date> next year"));
        }
    }
    // "January 15-19", "2019-2020", "2019-20".
    if s.dash(k) && (s.glued(k) || s.glued(k + 1)) {
        if let Point::Day { year, month, .. } = a {
            if let Some((d, end)) = day_at(s, k + 1) {
                // "January 15-19, 2020".
                let comma = usize::from(s.p(end, ',') && year_num(s, end + 1).is_some());
                let written = year_num(s, end + comma);
                let year = year.or(written);
                let end = if written.is_some() { end + comma + 1 } else { end };
                let b = Point::Day { year, month, day: d };
                return Some(interval(s, i, end, a, b, "<month> <day>-<day>"));
            }
            if let Some((b, end)) = point_at(s, k + 1) {
                return Some(interval(s, i, end, a, b, "<date>-<date>"));
            }
        }
        if let Point::Year(y) = a {
            if let Some(y2) = year_num(s, k + 1) {
                return Some(interval(s, i, k + 2, a, Point::Year(y2), "<year>-<year>"));
            }
            if s.is_num(k + 1) && s.raw(k + 1).len() == 2 && s.glued(k + 1) {
                let two: i32 = s.raw(k + 1).parse().ok()?;
                let y2 = y - y % 100 + two;
                if y2 > y {
                    return Some(interval(s, i, k + 2, a, Point::Year(y2), "<year>-<yy>"));
                }
            }
        }
    }
    let span = a.resolve(s.reference, tense_at(s, i));
    Some(Found::date(i, k, span, a.grain(), "<date>"))
}

fn is_bare(p: Point) -> bool {
    matches!(p, Point::Day { month: 0, .. })
}

/// "15-19 January", "2-4 Dec 2019": a range of days before the month.
fn day_range_before_month(s: &Sent<'_>, i: usize) -> Option<Found> {
    let (d1, k) = day_at(s, i)?;
    if !s.dash(k) {
        return None;
    }
    let (d2, k2) = day_at(s, k + 1)?;
    let (b, end) = point_at(s, k2 - 1).filter(|(p, _)| matches!(p, Point::Day { .. }))?;
    let Point::Day { year, month, day } = b else { return None };
    if day != d2 {
        return None;
    }
    let a = Point::Day { year, month, day: d1 };
    Some(interval(s, i, end, a, b, "<day>-<day> <month>"))
}

/// "between 15 and 19 January": a bare day that takes its month from the other end.
fn bare_day(s: &Sent<'_>, i: usize) -> Option<(Point, usize)> {
    let (d, end) = day_at(s, i)?;
    Some((Point::Day { year: None, month: 0, day: d }, end))
}

fn interval(s: &Sent<'_>, i: usize, end: usize, a: Point, b: Point, rule: &'static str) -> Found {
    let (mut a, mut b) = (a, b);
    // A month or year written once belongs to both ends.
    if let (Point::Day { year: ya, month: ma, day: da }, Point::Day { year: yb, month: mb, day: db }) = (a, b) {
        if ma == 0 {
            a = Point::Day { year: ya.or(yb), month: mb, day: da };
        }
        if mb == 0 {
            b = Point::Day { year: yb.or(ya), month: ma, day: db };
        }
    }
    if let (None, Some(y)) = (a.year(), b.year()) {
        let ya = if a.with_year(y).in_year(y).zip(b.in_year(y)).is_some_and(|((a0, _), (b0, _))| a0 > b0) {
            y - 1
        } else {
            y
        };
        a = a.with_year(ya);
    }
    let tense = tense_at(s, i);
    let ra = a.resolve(s.reference, tense);
    if let (Some((a0, _)), None) = (ra, b.year()) {
        let yb = if b.in_year(a0.year()).is_some_and(|(b0, _)| b0 < a0) { a0.year() + 1 } else { a0.year() };
        if b.in_year(yb).is_some() {
            b = b.with_year(yb);
        }
    }
    let rb = b.resolve(s.reference, tense);
    let grain = a.grain();
    let mut f = Found::date(i, end, None, grain, rule);
    if let (Some((from, _)), Some((_, to))) = (ra, rb) {
        f.from = Some(from);
        f.to = Some(to);
    }
    f
}

/// Words that start relative dates (see [`is_date_word`]).
static DATE_WORDS: Lexicon =
    Lexicon::new("today yesterday tomorrow tonight early mid late since spring summer autumn fall winter");

/// Words after which "May" or "April" is a month (see [`month_context`]).
static MONTH_CONTEXT: Lexicon = Lexicon::new(
    "in since of early mid late last next this until by from between to and through during \
     before after",
);

/// Words before a month or day that make it a date ("in May", "since June").
static DATE_PREPOSITIONS: Lexicon = Lexicon::new(
    "in since by of from until till before after during through circa the early late mid to \
     and between for around year spring summer autumn winter fall as than at on throughout c",
);
