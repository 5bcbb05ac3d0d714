//! Hedges: the words before a figure that say how precise it is ("some", "more than", "up to").
//! A hedge is kept as data ([`Hedge`]) and its words are part of the value's span.

use super::Sent;
use crate::lexicon::Lexicon;
use crate::model::Hedge;

/// Hedge phrases, longest first within each first word.
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["some"], Hedge::Approximate),
    (&["around"], Hedge::Approximate),
    (&["about"], Hedge::Approximate),
    (&["roughly"], Hedge::Approximate),
    (&["approximately"], Hedge::Approximate),
    (&["approx"], Hedge::Approximate),
    (&["circa"], Hedge::Approximate),
    (&["an", "estimated"], Hedge::Approximate),
    (&["estimated"], Hedge::Approximate),
    (&["close", "to"], Hedge::Approximate),
    (&["nearly"], Hedge::AtMost),
    (&["almost"], Hedge::AtMost),
    (&["up", "to"], Hedge::AtMost),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["as", "much", "as"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["just", "under"], Hedge::AtMost),
    (&["just", "below"], Hedge::AtMost),
    (&["just", "shy", "of"], Hedge::AtMost),
    (&["fewer", "than"], Hedge::LessThan),
    (&["less", "than"], Hedge::LessThan),
    (&["under"], Hedge::LessThan),
    (&["below"], Hedge::LessThan),
    (&["at", "least"], Hedge::AtLeast),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["more", "than"], Hedge::MoreThan),
    (&["over"], Hedge::MoreThan),
    (&["above"], Hedge::MoreThan),
    (&["upwards", "of"], Hedge::MoreThan),
    (&["upward", "of"], Hedge::MoreThan),
    (&["in", "excess", "of"], Hedge::MoreThan),
    (&["just", "over"], Hedge::MoreThan),
    (&["just", "above"], Hedge::MoreThan),
    (&["well", "over"], Hedge::MoreThan),
    (&["well", "above"], Hedge::MoreThan),
    (&["well", "beyond"], Hedge::MoreThan),
    (&["a", "little", "over"], Hedge::MoreThan),
    (&["slightly", "more", "than"], Hedge::MoreThan),
];

fn is_movement(w: &str) -> bool {
    MOVEMENTS.contains(w)
}

/// The first words of the hedges.
pub(crate) static HEDGE_STARTS: Lexicon = Lexicon::by_token(
    7,
    "some around about roughly approximately approx circa an estimated close nearly almost up as at no \
     not just fewer less under below a more over above upwards upward in well slightly",
);

/// The hedge starting at token `i` and the index of the token after it.
pub(crate) fn hedge_at(s: &Sent<'_>, i: usize) -> Option<(Hedge, usize)> {
    let first = s.word(i)?;
    if !s.is(i, &HEDGE_STARTS) {
        return None;
    }
    // "rose to", "went up to", "climbed over": movement verbs, not bounds.
    if first == "up" && i > 0 && is_movement(s.lw(i - 1)) {
        return None;
    }
    let mut best: Option<(Hedge, usize)> = None;
    for (words, hedge) in HEDGES {
        if words[0] != first {
            continue;
        }
        if words[1..].iter().enumerate().all(|(k, w)| s.w(i + 1 + k, w)) {
            let end = i + words.len();
            if best.map_or(true, |(_, e)| end > e) {
                best = Some((*hedge, end));
            }
        }
    }
    // "approx." keeps its period.
    if let Some((h, end)) = best {
        if first == "approx" && s.p(end, '.') && s.glued(end) {
            return Some((h, end + 1));
        }
    }
    best
}

/// Verbs of movement (see [`is_movement`]).
static MOVEMENTS: Lexicon = Lexicon::new(
    "went go goes gone going rose risen climbed shot moved jumped crept edged pushed ticked \
     move rise climb inched",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hedge_is_a_trigger() {
        for (words, _) in HEDGES {
            assert!(HEDGE_STARTS.contains(words[0]), "{:?}", words);
        }
    }
}
