//! Things that look like figures but are not: names with numbers ("M5", "F-16", "COVID-19",
//! "Boeing 737", "Windows 11", "Article 5"), phone numbers, clock times, list and section
//! numbering, version numbers and page furniture ("1 of 5", "Page 2").

use super::Sent;
use crate::text::TokKind;

/// Capitalised words that may stand before a figure without making it a name.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "since" | "about" | "some" | "the" | "of" | "for" | "at" | "by" | "on" | "to" | "and" | "or" | "but" | "with"
            | "nearly" | "around" | "over" | "under" | "only" | "all" | "up" | "more" | "less" | "fewer" | "almost"
            | "roughly" | "approximately" | "exactly" | "just" | "another" | "those" | "these" | "its" | "their" | "his"
            | "her" | "our" | "my" | "your" | "than" | "from" | "between" | "until" | "during" | "after" | "before"
            | "when" | "while" | "as" | "least" | "most" | "least." | "estimated" | "an" | "a" | "by." | "below"
            | "above" | "within" | "within." | "circa" | "some." | "last" | "next" | "this" | "that" | "every" | "per"
            | "killing" | "injuring" | "including" | "among" | "across" | "against" | "toward" | "towards" | "into"
            | "through" | "throughout" | "despite" | "amid" | "like" | "unlike" | "via" | "minus" | "plus" | "if"
            | "because" | "although" | "though" | "so" | "yet" | "then" | "now" | "also" | "where" | "what" | "which"
            | "who" | "whose" | "there" | "here" | "it" | "they" | "we" | "he" | "she" | "you" | "i" | "top" | "both"
            | "each" | "no" | "not" | "just." | "upwards" | "beyond" | "near" | "till" | "following"
    )
}

fn is_calendar_word(w: &str) -> bool {
    super::dates::month(w).is_some() || super::dates::weekday(w).is_some()
}

/// Whether the figure at token `i` (digits) is part of a name or numbering rather than a value.
pub(crate) fn number_is_name(s: &Sent<'_>, i: usize) -> bool {
    if !s.is_num(i) {
        return false;
    }
    if s.glued(i) && i > 0 {
        let prev = s.kind(i - 1);
        // "M5", "A320", "H5N1".
        if prev == Some(TokKind::Word) {
            return true;
        }
        // "F-16", "COVID-19", "2019-nCoV", "737-800" (the second half).
        if s.dash(i - 1) && i >= 2 && s.glued(i - 1) && matches!(s.kind(i - 2), Some(TokKind::Word)) {
            return true;
        }
        // "No. 5", "#1", "v2".
        if s.p(i - 1, '#') || s.p(i - 1, '№') {
            return true;
        }
        if s.p(i - 1, '.') && i >= 2 && matches!(s.lw(i - 2), "no" | "nos") {
            return true;
        }
    }
    if i >= 2 && s.p(i - 1, '.') && !s.glued(i) && matches!(s.lw(i - 2), "no" | "nos") && s.is_word(i - 2) {
        return true;
    }
    // A figure glued to letters after it that are no known suffix: "5G", "3D", "4x4".
    if s.glued(i + 1) && s.is_word(i + 1) && !known_suffix(s, i + 1) {
        return true;
    }
    // "Boeing 737", "Windows 11", "Article 5", "Page 2": a capitalised word right before a bare figure.
    if i > 0 && !s.glued(i) && s.is_word(i - 1) && s.cap(i - 1) && !s.headline() {
        let w = s.lw(i - 1);
        let plain = !s.raw(i).contains([',', '.']);
        if plain && !is_function_word(w) && !is_calendar_word(w) && !super::dates::is_date_word(w) && w != "us" {
            return true;
        }
    }
    false
}

fn known_suffix(s: &Sent<'_>, j: usize) -> bool {
    let w = s.lw(j);
    matches!(w, "st" | "nd" | "rd" | "th" | "s" | "m" | "bn" | "k" | "tn" | "trn" | "mn" | "mln" | "am" | "pm" | "h" | "hrs" | "million" | "billion" | "trillion" | "thousand")
        || super::measures::unit_at(s, j).is_some()
        || super::durations::unit_word(w).is_some()
        || super::percent::suffix_at(s, j).is_some()
}

/// If token `i` starts a non-value, the index of the first token after it.
pub(crate) fn not_a_value(s: &Sent<'_>, i: usize) -> Option<usize> {
    if is_iso_date(s, i) {
        return None;
    }
    if !s.is_num(i) {
        // "(a)" style markers and other words are not handled here.
        if s.p(i, '+') && s.is_num(i + 1) && s.glued(i + 1) {
            return Some(phone_end(s, i + 1).unwrap_or(i + 2));
        }
        return None;
    }
    if number_is_name(s, i) {
        return Some(glued_run_end(s, i));
    }
    // Clock times: "10:30", "3:30pm", "10 a.m.", "1400 GMT".
    if s.p(i + 1, ':') && s.glued(i + 1) && s.is_num(i + 2) && s.glued(i + 2) {
        let mut end = i + 3;
        if matches!(s.lw(end), "am" | "pm" | "a" | "p") {
            end = skip_meridiem(s, end);
        }
        return Some(end);
    }
    if matches!(s.lw(i + 1), "am" | "pm" | "a" | "p" | "gmt" | "utc" | "bst" | "cet" | "est" | "edt" | "pst" | "hrs") && s.is_word(i + 1) {
        let w = s.lw(i + 1);
        if (w == "a" || w == "p") && !(s.p(i + 2, '.') && s.w(i + 3, "m")) {
            return None;
        }
        return Some(skip_meridiem(s, i + 1));
    }
    // Dotted numbers: versions and sections ("3.2.1"), or a decimal heading ("2.1 Background").
    if s.raw(i).bytes().filter(|&b| b == b'.').count() > 1 {
        return Some(i + 1);
    }
    if i == 0 && s.raw(i).contains('.') && s.raw(i).len() <= 4 && s.cap(i + 1) && s.toks.len() <= 6 {
        return Some(i + 1);
    }
    // List numbering at the start of a sentence: "1. Introduction", "2) Costs".
    if i == 0 && (s.p(1, '.') || s.p(1, ')')) && s.glued(1) && s.raw(0).len() <= 2 {
        return Some(2);
    }
    // "(1)" as a marker.
    if i > 0 && s.p(i - 1, '(') && s.glued(i) && s.p(i + 1, ')') && s.glued(i + 1) && s.raw(i).len() <= 2 {
        return Some(i + 2);
    }
    if let Some(end) = phone_end(s, i) {
        return Some(end);
    }
    // Page furniture: "1 of 5" with nothing after.
    if s.w(i + 1, "of") && s.is_num(i + 2) && s.raw(i).len() <= 3 && s.raw(i + 2).len() <= 3 && s.boundary(i + 3) && s.toks.len() <= 6 {
        return Some(i + 3);
    }
    // Two figures joined by a hyphen after a third ("2019-12-01" is a date; this is a code).
    if s.dash(i + 1) && s.glued(i + 1) && s.is_num(i + 2) && s.glued(i + 2) && s.dash(i + 3) && s.glued(i + 3) {
        return Some(glued_run_end(s, i));
    }
    None
}

/// "2019-12-01": digits shaped like an ISO date (the date rules check the day exists).
fn is_iso_date(s: &Sent<'_>, i: usize) -> bool {
    s.is_num(i) && s.raw(i).len() == 4 && s.p(i + 1, '-') && s.glued(i + 1) && s.raw(i + 2).len() == 2 && s.glued(i + 2) && s.p(i + 3, '-') && s.raw(i + 4).len() == 2 && s.is_num(i + 4) && s.glued(i + 4)
}

fn skip_meridiem(s: &Sent<'_>, mut j: usize) -> usize {
    // "a.m." / "p.m." are four tokens: a . m .
    if matches!(s.lw(j), "a" | "p") && s.p(j + 1, '.') && s.w(j + 2, "m") {
        j += 3;
        if s.p(j, '.') && s.glued(j) && s.len() > j + 1 {
            j += 1;
        }
        return j;
    }
    j + 1
}

/// The end of a run of tokens glued together ("H5N1", "737-800", "F-16V").
fn glued_run_end(s: &Sent<'_>, i: usize) -> usize {
    let mut j = i + 1;
    while j < s.len() && s.glued(j) && (!s.boundary(j) || s.p(j, '/')) {
        j += 1;
    }
    j
}

/// Phone numbers: "+44 20 7946 0958", "(555) 123-4567", "555-123-4567", "555-0143".
fn phone_end(s: &Sent<'_>, i: usize) -> Option<usize> {
    let mut groups = 0;
    let mut digits = 0;
    let mut j = i;
    let mut last_num = i;
    let mut lens = Vec::new();
    while j < s.len() {
        if s.is_num(j) && !s.raw(j).contains([',', '.']) {
            groups += 1;
            digits += s.raw(j).len();
            lens.push(s.raw(j).len());
            last_num = j;
            j += 1;
            // A separator: a hyphen, a dot or a closing bracket glued, or a space.
            if (s.dash(j) || s.p(j, '.') || s.p(j, ')')) && s.glued(j) && s.is_num(j + 1) {
                j += 1;
            } else if !s.is_num(j) || s.glued(j) {
                break;
            }
        } else {
            break;
        }
    }
    let plus = i > 0 && s.p(i - 1, '+');
    let bracket = i > 0 && s.p(i - 1, '(') && s.p(i + 1, ')');
    let looks = (groups >= 3 && digits >= 7 && lens.iter().all(|&l| l <= 4))
        || (plus && digits >= 6)
        || (bracket && digits >= 6)
        || (groups == 2 && lens == [3, 4] && s.dash(i + 1));
    looks.then_some(last_num + 1)
}
