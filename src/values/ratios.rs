//! Ratios: "half of them", "a third of the population", "two-thirds", "one in five Syrians",
//! "3 out of 4 doctors". The value is the fraction; what it is a share of is `counted`.

use super::{counts, numbers, Found, Sent};
use crate::model::{Hedge, Kind};

/// Fraction words: "half" 2, "third"/"thirds" 3, "quarter" 4, "fifth" 5 ….
fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// A ratio whose words start at `j` (after a hedge that starts at `i`).
pub(crate) fn ratio_at(s: &Sent<'_>, i: usize, j: usize, hedge: Hedge) -> Option<Found> {
    let (value, mut end) = fraction_at(s, j)?;
    let mut f = Found::new(Kind::Ratio, i, end, "<fraction> of <whole>");
    f.value = Some(value);
    f.hedge = (hedge != Hedge::Exact).then_some(hedge);
    // "of them", "of the population", "the population".
    let mut k = end;
    let has_of = s.w(k, "of");
    if has_of {
        k += 1;
    }
    if matches!(s.lw(k), "them" | "those" | "these" | "us" | "whom" | "it") && s.is_word(k) && has_of {
        f.refers_back = true;
        end = k + 1;
    } else {
        let det = matches!(s.lw(k), "the" | "its" | "their" | "all" | "our" | "his" | "her") && s.is_word(k);
        let mut np_start = if det { k + 1 } else { k };
        // "half of the 1,200 respondents": the whole is written in the phrase.
        let whole = numbers::number_at(s, np_start).filter(|n| n.digits || n.value > 1.0);
        if let Some(n) = whole.filter(|_| det) {
            if counts::noun_phrase(s, n.end).is_some() {
                np_start = n.end;
                f.resolved = Some((value * n.value).round());
            }
        }
        if has_of || det || is_in_ratio(s, j) {
            if let Some((a, b)) = counts::noun_phrase(s, np_start) {
                f.counted = Some((a, b));
                end = b;
                // "one in five of the confirmed patients": a share of a group counted before.
                f.refers_back = has_of && det && s.w(k, "the") && f.resolved.is_none();
            } else {
                f.resolved = None;
            }
        }
    }
    f.end = end;
    Some(f)
}

fn is_in_ratio(s: &Sent<'_>, j: usize) -> bool {
    numbers::number_at(s, j).is_some_and(|n| s.w(n.end, "in") || s.w(n.end, "out"))
}

/// The fraction written at `j` and the token after it.
fn fraction_at(s: &Sent<'_>, j: usize) -> Option<(f64, usize)> {
    let w = s.lw(j);
    // "half" alone, but not "half a million" (a number) or "half-brother".
    if w == "half" && s.is_word(j) {
        if numbers::number_at(s, j).is_some() || (s.dash(j + 1) && s.glued(j + 1)) {
            return None;
        }
        return Some((0.5, j + 1));
    }
    // "3/4 of the staff".
    if s.is_num(j) && s.p(j + 1, '/') && s.glued(j + 1) && s.is_num(j + 2) && s.glued(j + 2) && s.w(j + 3, "of") {
        let n = numbers::parse_digits(s.raw(j))?;
        let d = numbers::parse_digits(s.raw(j + 2))?;
        return (d > n && n > 0.0).then_some((n / d, j + 3));
    }
    // "a third", "one quarter", "one-fifth", "two-thirds", "three quarters".
    let (num, k) = match w {
        "a" | "an" if s.is_word(j) => (1.0, j + 1),
        _ => {
            let n = numbers::number_at(s, j)?;
            if !n.digits || s.w(n.end, "in") || s.w(n.end, "out") {
                // "one in five", "3 out of 4", "1 in 10".
                if let Some(r) = in_ratio(s, n) {
                    return Some(r);
                }
            }
            if n.digits || n.value >= 20.0 {
                return None;
            }
            let k = if s.dash(n.end) && s.glued(n.end) && s.glued(n.end + 1) { n.end + 1 } else { n.end };
            (n.value, k)
        }
    };
    let d = s.word(k).and_then(denominator)?;
    let word = s.lw(k);
    let plural = word.ends_with('s');
    // "a third attack" is an ordinal; "a third of", "a third." are ratios.
    let ends = s.boundary(k + 1) || s.word(k + 1).is_some_and(counts::is_stop);
    if num == 1.0 && !plural && !ends {
        return None;
    }
    if num > 1.0 && !plural {
        return None;
    }
    // "a quarter" before a year is a date ("the first quarter of 2020" is handled there).
    Some((num / d, k + 1))
}

/// "one in five", "3 out of 4", "one out of every three".
fn in_ratio(s: &Sent<'_>, n: numbers::Number) -> Option<(f64, usize)> {
    let mut k = n.end;
    if s.w(k, "in") {
        k += 1;
    } else if s.w(k, "out") && s.w(k + 1, "of") {
        k += 2;
    } else {
        return None;
    }
    if s.w(k, "every") {
        k += 1;
    }
    let d = numbers::number_at(s, k)?;
    if d.value <= 0.0 || d.value < n.value || d.year_like() {
        return None;
    }
    Some((n.value / d.value, d.end))
}
