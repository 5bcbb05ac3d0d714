//! Counts: a figure with the noun phrase it counts ("some 358,000 Syrians", "18 towns and
//! villages", "hundreds of thousands of civilians", "two civilians").
//!
//! The counted phrase is read without a part-of-speech tagger: adjectives and nouns up to the
//! head noun, one noun joined by "and"/"or", stopping at function words, verbs, participles and
//! punctuation. The stop list below is what decides; its entries are the words that follow a
//! figure in news text without being what it counts.

use super::{durations, measures, money, Sent};
use crate::lexicon::Lexicon;

/// Words that end (or cannot start) a counted noun phrase.
pub(crate) fn is_stop(w: &str) -> bool {
    STOP.contains(w)
}

/// Determiners, pronouns, conjunctions, prepositions and adverbs; auxiliaries and frequent verbs;
/// time words.
pub(crate) static STOP: Lexicon = Lexicon::by_token(
    0,
    "the a an this that these those them they their it its he she his her him we us our you your i me my \
     who whom whose which what where when while and or but nor so yet if than as of in on at to for from \
     by with without into onto over under about around across after before since until during between \
     among against through near per via outside inside off up down out towards toward along behind beyond \
     above below despite amid beside besides within upon like each every all both some any no not more \
     most less fewer other such own same there here then now also only just soon because recently \
     together immediately even still already again alone too very ago apiece annually respectively \
     overall total altogether instead is are was were be been being am has have had having do does did \
     will would shall should can could may might must said say says told tell reported according died \
     fled left lost remain remained remains live lived lives work worked came come went go got get took \
     take made make saw see gave give won win ran run fell rose grew hit set put cut met held kept paid \
     sent spent found need needed face faced attended signed voted joined returned arrived received \
     became today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday \
     january february march april june july august september october november december last next earlier \
     later percent cent times apart away long old late early once twice yearly daily weekly monthly",
);

fn is_noun_word(s: &Sent<'_>, j: usize) -> bool {
    let Some(w) = s.word(j) else { return false };
    let not_nouns =
        STOP.class | super::numbers::SMALL.class | super::numbers::TENS.class | super::numbers::MAGNITUDES.class;
    !(s.classes_of(j) & not_nouns != 0 || w.len() < 2 && !s.cap(j))
}

/// Whether word `j` looks like a verb form that ends a phrase ("killed", "sitting").
fn verb_like(s: &Sent<'_>, j: usize) -> bool {
    let w = s.lw(j);
    (w.ends_with("ed") && w.len() > 4)
        || (w.ends_with("ing")
            && w.len() > 5
            && !matches!(w, "building" | "buildings" | "housing" | "offspring" | "evening"))
}

/// Whether word `j` is a plural noun: after it, a counted phrase is complete.
pub(crate) fn is_plural(s: &Sent<'_>, j: usize) -> bool {
    let w = s.lw(j);
    if PLURALS_WITHOUT_S.contains(w) {
        return true;
    }
    w.len() > 4 && w.ends_with("men")
        || w.len() > 2
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("ics")
            && !SINGULARS_IN_S.contains(w)
}

/// The noun phrase counted, starting at token `j`: its token range.
///
/// After a figure the head noun is almost always plural, so the phrase ends at its first plural
/// word ("500 polling stations", "three little children"); a phrase of singular words takes one
/// word ("a 300-strong delegation"). One more noun may be joined by "and"/"or" ("towns and
/// villages", "men and women").
pub(crate) fn noun_phrase(s: &Sent<'_>, j: usize) -> Option<(usize, usize)> {
    if money::suffix_at(s, j).is_some() || measures::unit_at(s, j).is_some() || durations::unit_at(s, j).is_some() {
        return None;
    }
    let end = head_end(s, j)?;
    // "towns and villages": one more noun phrase joined by and/or.
    if is_plural(s, end - 1) && (s.w(end, "and") || s.w(end, "or")) {
        if let Some(end2) = head_end(s, end + 1) {
            // "240 people and processes roughly 45,000 tonnes": a verb, since a figure follows.
            let figure_follows = super::numbers::number_at(s, end2).is_some()
                || super::hedges::hedge_at(s, end2).is_some_and(|(_, k)| super::numbers::number_at(s, k).is_some());
            if is_plural(s, end2 - 1) && !figure_follows {
                return Some((j, end2));
            }
        }
    }
    Some((j, end))
}

/// Modifiers and the head noun from `j`, up to and including the first plural word.
fn head_end(s: &Sent<'_>, j: usize) -> Option<usize> {
    let mut k = j;
    let mut words = 0;
    // "11 other people", "two more bodies".
    if matches!(s.lw(k), "other" | "more" | "additional" | "further") && is_noun_word(s, k + 1) {
        k += 1;
    }
    // "40 T-90 tanks", "20 A350 jets": a model code before the counted noun.
    if s.is_word(k) && s.cap(k) && s.glued(k + 1) && (s.is_num(k + 1) || s.dash(k + 1) && s.is_num(k + 2)) {
        let mut m = k + 1;
        while s.glued(m) && (s.is_num(m) || s.dash(m) || s.is_word(m)) {
            m += 1;
        }
        if is_noun_word(s, m) && !s.glued(m) {
            k = m;
        }
    }
    while words < 4 && is_noun_word(s, k) {
        // "second city Aleppo": a name after a common noun is an apposition, not more noun.
        if words > 0 && s.cap(k) && !s.cap(k - 1) {
            break;
        }
        // A participle or past form is kept only before another noun ("displaced families").
        let noun_follows = is_noun_word(s, k + 1) && !verb_like(s, k + 1);
        if verb_like(s, k) && (words > 0 || !noun_follows) {
            break;
        }
        // Possessive: "the group's fighters" is not what is counted.
        if (s.p(k + 1, '\'') || s.p(k + 1, '’')) && s.glued(k + 1) {
            if words == 0 {
                return None;
            }
            break;
        }
        k += 1;
        words += 1;
        // Hyphenated compounds: "pick-up trucks", "high-rise buildings".
        while s.dash(k) && s.glued(k) && s.glued(k + 1) && s.is_word(k + 1) {
            k += 2;
        }
        // "police officers": a plural noun used as a modifier of another plural noun.
        let plural_noun_follows = is_noun_word(s, k) && is_plural(s, k) && !verb_like(s, k) && !s.cap(k);
        if is_plural(s, k - 1) && !plural_noun_follows {
            return Some(k);
        }
    }
    // No plural: the first word alone ("a 300-strong delegation").
    (words > 0).then_some(j + 1 + if s.dash(j + 1) && s.glued(j + 1) && s.glued(j + 2) { 2 } else { 0 })
}

/// A capitalised word that names a people, read as a plural after a figure: "Syrians",
/// "Israelis", "Sudanese", "Swiss", "Rohingya". `lower` is `word` in lower case.
pub(crate) fn names_a_people(word: &str, lower: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && (["ans", "ese", "is", "ns"].iter().any(|end| lower.ends_with(end) && lower.len() > end.len() + 2)
            || PEOPLES_WITHOUT_S.contains(lower))
}

/// Names of peoples with the same form in the singular and the plural, besides those in "-ese".
static PEOPLES_WITHOUT_S: Lexicon =
    Lexicon::new("swiss rohingya inuit bedouin sami maori yazidi hmong karen kurds fulani tuareg");

/// Plural nouns without a final "s" (see [`is_plural`]).
static PLURALS_WITHOUT_S: Lexicon = Lexicon::new(
    "people children men women police cattle sheep staff personnel livestock feet teeth mice \
     geese data media crew youth",
);

/// Singular nouns that end in "s" (see [`is_plural`]).
static SINGULARS_IN_S: Lexicon =
    Lexicon::new("diabetes series species news measles mumps rabies herpes means headquarters whereabouts");
