//! Ordinals and rankings: "Syria's second city", "the second biggest city", "the world's
//! fifth-largest economy", "finished 3rd". The span takes a following superlative and the noun
//! ranked, which becomes `counted`. "first" and "last" are left out: too common to be rankings
//! when written as words.

use super::{counts, numbers, Found, Sent};
use crate::lexicon::Lexicon;
use crate::model::Kind;

fn ordinal_word(w: &str) -> Option<f64> {
    ORDINAL_WORDS.value(w).map(f64::from)
}

pub(crate) static ORDINAL_WORDS: Lexicon = Lexicon::by_token(
    4,
    "second=2 third=3 fourth=4 fifth=5 sixth=6 seventh=7 eighth=8 ninth=9 tenth=10 eleventh=11 twelfth=12 \
     thirteenth=13 fourteenth=14 fifteenth=15 sixteenth=16 seventeenth=17 eighteenth=18 nineteenth=19 \
     twentieth=20 thirtieth=30 fortieth=40 fiftieth=50 hundredth=100",
);

/// Whether `w` is an ordinal word this module reports ("second" … "hundredth").
pub(crate) fn is_ordinal_word(w: &str) -> bool {
    ordinal_word(w).is_some()
}

pub(crate) fn is_superlative(w: &str) -> bool {
    (w.ends_with("est") && w.len() > 4 && !NOT_SUPERLATIVES.contains(w))
        || matches!(w, "most" | "least" | "largest" | "biggest" | "placed" | "ranked" | "seeded" | "best" | "worst")
}

/// An ordinal starting at token `i`.
pub(crate) fn ordinal_at(s: &Sent<'_>, i: usize) -> Option<Found> {
    let (value, mut end) = if s.is_num(i) {
        // "3rd", "21st".
        let v = numbers::parse_digits(s.raw(i))?;
        let suffix = s.lw(i + 1);
        if !s.glued(i + 1)
            || !matches!(suffix, "st" | "nd" | "rd" | "th")
            || v.fract() != 0.0
            || !s.raw(i + 1).starts_with(char::is_lowercase)
        {
            return None;
        }
        if s.capitalised_inside(i + 2) && s.is_word(i + 2) {
            return None;
        }
        (v, i + 2)
    } else {
        let w = s.word(i)?;
        let mut v = ordinal_word(w);
        let mut end = i + 1;
        // "twenty-first".
        if v.is_none() {
            if let Some(t) = numbers::tens(w) {
                if s.dash(i + 1) && s.glued(i + 1) && s.glued(i + 2) {
                    let unit = match s.lw(i + 2) {
                        "first" => Some(1.0),
                        u => ordinal_word(u).filter(|&u| u < 10.0),
                    };
                    if let Some(u) = unit {
                        v = Some(t + u);
                        end = i + 3;
                    }
                }
            }
        }
        let v = v?;
        // "a second" / "one second" alone is a length of time.
        if w == "second"
            && end == i + 1
            && i > 0
            && matches!(s.lw(i - 1), "a" | "one" | "per" | "every" | "split")
            && !counts_follow(s, end)
        {
            return None;
        }
        (v, end)
    };
    let mut f = Found::new(Kind::Ordinal, i, end, "<ordinal> <superlative> <noun>");
    f.value = Some(value);
    // "-largest", "-placed".
    if s.dash(end) && s.glued(end) && s.glued(end + 1) && s.word(end + 1).is_some_and(is_superlative) {
        end += 2;
    } else if s.word(end).is_some_and(is_superlative) {
        end += 1;
    }
    // "most populous", "-most visited".
    if end > i + 1 && matches!(s.lw(end - 1), "most" | "least") && s.is_word(end) && !counts::is_stop(s.lw(end)) {
        end += 1;
    }
    // "slowest-growing": a superlative compound.
    if end > i + 1 && s.dash(end) && s.glued(end) && s.glued(end + 1) && s.is_word(end + 1) {
        end += 2;
    }
    if let Some(b) = ranked_noun(s, end) {
        f.counted = Some((end, b));
        end = b;
    }
    f.end = end;
    Some(f)
}

/// The noun ranked after an ordinal: up to three words when they end the phrase ("oil
/// producer.", "flood death toll in"), else the first one ("city Aleppo").
fn ranked_noun(s: &Sent<'_>, j: usize) -> Option<usize> {
    let (a, b) = counts::noun_phrase(s, j)?;
    if counts::is_plural(s, b - 1) || b > a + 1 {
        return Some(b);
    }
    let mut k = b;
    let apposition = |k: usize| s.cap(k) && !s.cap(a);
    while k < a + 3 && counts::noun_phrase(s, k).is_some_and(|(_, c)| c == k + 1) && !apposition(k) {
        k += 1;
    }
    let ends = s.boundary(k) || s.word(k).is_some_and(counts::is_stop);
    Some(if ends { k } else { b })
}

fn counts_follow(s: &Sent<'_>, j: usize) -> bool {
    counts::noun_phrase(s, j).is_some()
}

/// Words in "-est" that are not superlatives.
static NOT_SUPERLATIVES: Lexicon =
    Lexicon::new("interest west protest request arrest harvest forest contest honest modest suggest");
