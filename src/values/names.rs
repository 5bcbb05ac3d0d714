//! Things that look like figures but are not: names with numbers ("M5", "F-16", "COVID-19",
//! "Boeing 737", "Windows 11", "Article 5"), phone numbers, clock times, list and section
//! numbering, version numbers and page furniture ("1 of 5", "Page 2").

use super::Sent;
use crate::lexicon::Lexicon;
use crate::text::TokKind;

/// Capitalised words that may stand before a figure without making it a name.
fn is_function_word(w: &str) -> bool {
    FUNCTION_WORD_WORDS.contains(w)
}

static FUNCTION_WORD_WORDS: Lexicon = Lexicon::new(
    "in since about some the of for at by on to and or but with nearly around over under only all \
     up more less fewer almost roughly approximately exactly just another those these its their \
     his her our my your than from between until during after before when while as least most \
     least. estimated an a by. below above within within. circa some. last next this that every \
     per killing injuring including among across against toward towards into through throughout \
     despite amid like unlike via minus plus if because although though so yet then now also \
     where what which who whose there here it they we he she you i top both each not upwards \
     beyond near till following",
);

fn is_calendar_word(w: &str) -> bool {
    super::dates::month(w).is_some() || super::dates::weekday(w).is_some()
}

/// Whether the figure at token `i` (digits) is part of a name or numbering rather than a value.
pub(crate) fn number_is_name(s: &Sent<'_>, i: usize) -> bool {
    if !s.is_num(i) {
        return false;
    }
    // A leading zero: a code, a clock time or a phone number ("0300 GMT", "0800").
    if s.raw(i).len() > 1 && s.raw(i).starts_with('0') && !s.raw(i).starts_with("0.") {
        return true;
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
    let plain = !s.raw(i).contains(',');
    let unit_after = super::percent::suffix_at(s, i + 1).is_some() || super::money::suffix_at(s, i + 1).is_some();
    // "Boeing 737", "Windows 11", "iOS 13.3", "Article 5": a name right before a bare figure.
    if i > 0 && !s.glued(i) && s.name_like(i - 1) && !s.headline() && plain && !unit_after {
        let w = s.lw(i - 1);
        if !is_function_word(w) && !is_calendar_word(w) && !super::dates::is_date_word(w) {
            return true;
        }
    }
    // "page 14", "junction 9", "type 2 diabetes", "dial 911": a designator before a number.
    let counts_after =
        super::counts::noun_phrase(s, i + 1).is_some_and(|(a, b)| (a..b).any(|k| super::counts::is_plural(s, k)));
    if i > 0 && !s.glued(i) && plain && is_designator(s.lw(i - 1)) && s.is_word(i - 1) && !unit_after && !counts_after {
        return true;
    }
    // "7-Eleven", "19-cv-4872", "401(k)", "20/20", "9-to-5": figures inside codes.
    let fraction = s.p(i + 1, '/') && s.w(i + 3, "of");
    if s.glued(i + 1) && (s.p(i + 1, '(') || s.p(i + 1, '/')) && s.glued(i + 2) && !fraction {
        return true;
    }
    if s.dash(i + 1)
        && s.glued(i + 1)
        && s.glued(i + 2)
        && s.is_word(i + 2)
        && (s.name_like(i + 2) || (s.dash(i + 3) && s.glued(i + 3) && s.raw(i + 2).len() <= 3))
    {
        return !(super::measures::unit_at(s, i + 1).is_some() || super::durations::unit_at(s, i + 1).is_some());
    }
    if i >= 2 && s.glued(i) && s.p(i - 1, '/') && s.is_num(i - 2) && s.glued(i - 1) && !s.w(i + 1, "of") {
        return true;
    }
    // "8TH", "3M", "5G": upper-case letters glued to a figure are a code (but "$3M" is money).
    if s.glued(i + 1)
        && s.is_word(i + 1)
        && s.raw(i + 1).chars().all(char::is_uppercase)
        && !(i > 0 && super::money::is_prefix_symbol(s.raw(i - 1)))
        && super::measures::unit_at(s, i + 1).is_none()
    {
        return true;
    }
    // "10 Downing Street", "1600 Pennsylvania Avenue", "12 Angry Men": a figure before a name of
    // two capitalised words ("18 Syrian soldiers", "200 Rohingya" are counts).
    if plain
        && !s.raw(i).contains('.')
        && capitalised_name(s, i + 1)
        && capitalised_name(s, i + 2)
        && !is_calendar_word(s.lw(i + 1))
    {
        let year_context = i > 0
            && matches!(
                s.lw(i - 1),
                "in" | "since" | "of" | "by" | "until" | "from" | "during" | "before" | "after" | "the"
            );
        let mut k = i + 1;
        while capitalised_name(s, k) {
            k += 1;
        }
        // "200 Extinction Rebellion activists": the names modify a counted noun.
        let plural_first =
            super::counts::is_plural(s, i + 1) || (s.is_word(k) && super::counts::is_plural(s, k) && !s.cap(k));
        let year =
            super::numbers::parse_digits(s.raw(i)).is_some_and(|v| (1000.0..=2100.0).contains(&v)) && year_context;
        if !plural_first && !year {
            return true;
        }
    }
    // "CBS's 48 Hours", "20 Minutes": a capitalised unit after a figure is a title.
    if titled_unit(s, i + 1) {
        return true;
    }
    // "ext. 4521": a designator abbreviated.
    if i >= 2 && s.p(i - 1, '.') && is_designator(s.lw(i - 2)) && s.is_word(i - 2) {
        return true;
    }
    // "P5+1".
    if i >= 2 && s.glued(i) && s.p(i - 1, '+') && s.glued(i - 1) && (s.is_num(i - 2) || s.is_word(i - 2)) {
        return true;
    }
    false
}

fn capitalised_name(s: &Sent<'_>, i: usize) -> bool {
    s.is_word(i) && s.capitalised_inside(i)
}

/// A time or measure unit written with a capital inside a sentence: part of a title.
pub(crate) fn titled_unit(s: &Sent<'_>, i: usize) -> bool {
    capitalised_name(s, i)
        && s.raw(i).chars().skip(1).any(char::is_lowercase)
        && (super::durations::unit_word(s.lw(i)).is_some() || super::measures::unit_at(s, i).is_some())
}

/// Number words and ordinals that are part of a name or a clock time: "the Group of Seven",
/// "Fifth Avenue", "Ground Zero", "six o'clock", "a zero-sum game".
fn word_not_a_value(s: &Sent<'_>, i: usize) -> Option<usize> {
    let w = s.lw(i);
    let number_word =
        super::numbers::small(w).is_some() || super::numbers::tens(w).is_some() || super::ordinals::is_ordinal_word(w);
    if !number_word {
        return None;
    }
    let mut end = i + 1;
    while s.dash(end) && s.glued(end) && s.glued(end + 1) && s.is_word(end + 1) {
        end += 2;
    }
    while s.capitalised_inside(end)
        && s.is_word(end)
        && (super::numbers::small(s.lw(end)).is_some() || super::numbers::tens(s.lw(end)).is_some())
    {
        end += 1;
    }
    // "the Group of Seven", "Twenty One Pilots", "Nine Inch Nails".
    if s.capitalised_inside(i)
        || (s.cap(i)
            && (capitalised_name(s, i + 1) && super::numbers::small(s.lw(i + 1)).is_some() || titled_unit(s, i + 1)))
    {
        return Some(end);
    }
    // "six o'clock", "five in the morning".
    if s.w(i + 1, "o") && (s.p(i + 2, '\'') || s.p(i + 2, '’')) && s.w(i + 3, "clock") {
        return Some(i + 4);
    }
    if s.w(i + 1, "in") && s.w(i + 2, "the") && matches!(s.lw(i + 3), "morning" | "afternoon" | "evening") {
        return Some(i + 4);
    }
    // "zero-sum", "four-star", "two-state": a compound adjective, not a figure.
    if end == i + 3 && s.dash(i + 1) {
        let tail = s.lw(i + 2);
        let known = super::durations::unit_word(tail).is_some()
            || super::measures::unit_at(s, i + 1).is_some()
            || super::percent::suffix_at(s, i + 1).is_some()
            || super::ordinals::is_superlative(tail)
            || FIGURE_TAILS.contains(tail)
            || super::numbers::small(tail).is_some()
            || super::ordinals::is_ordinal_word(tail)
            || tail == "first";
        if !known {
            return Some(end);
        }
    }
    None
}

/// Lower-case words that number things rather than count them.
fn is_designator(w: &str) -> bool {
    DESIGNATOR_WORDS.contains(w)
}

static DESIGNATOR_WORDS: Lexicon = Lexicon::new(
    "version v release section sections chapter chapters article articles paragraph clause \
     clauses junction junctions exit exits page pages note notes footnote gate platform room \
     flight route highway bus line model type number code item phase category dial call ext \
     extension tel fax ward block unit apartment flat suite level grade stage lane row seat box \
     channel episode season verse psalm resolution no nos figure table appendix annex schedule \
     track district zone division batch lot case file ticket badge id pin serial",
);

fn known_suffix(s: &Sent<'_>, j: usize) -> bool {
    let w = s.lw(j);
    KNOWN_SUFFIXES.contains(w)
        || super::measures::unit_at(s, j).is_some()
        || super::durations::unit_word(w).is_some()
        || super::percent::suffix_at(s, j).is_some()
}

/// If token `i` starts a non-value, the index of the first token after it.
pub(crate) fn not_a_value(s: &Sent<'_>, i: usize) -> Option<usize> {
    if is_iso_date(s, i) {
        return None;
    }
    if s.is_word(i) {
        return word_not_a_value(s, i);
    }
    if !s.is_num(i) {
        if s.p(i, '+') && s.is_num(i + 1) && s.glued(i + 1) {
            return Some(phone_end(s, i + 1).unwrap_or(i + 2));
        }
        return None;
    }
    if let Some(end) = phone_end(s, i) {
        return Some(end);
    }
    if number_is_name(s, i) {
        let mut end = glued_run_end(s, i);
        // "Photo 3 of 12", "junctions 4 and 5", "dial 999 or 112".
        while (s.w(end, "of") || s.w(end, "and") || s.w(end, "or") || s.p(end, ','))
            && s.is_num(end + 1)
            && !s.raw(end + 1).contains(',')
        {
            end = glued_run_end(s, end + 1);
        }
        return Some(end);
    }
    // "Tencent (0700.HK)", "Toyota (7203.T)": stock tickers.
    if s.p(i + 1, '.')
        && s.glued(i + 1)
        && s.glued(i + 2)
        && s.is_word(i + 2)
        && s.raw(i + 2).chars().all(char::is_uppercase)
    {
        return Some(i + 3);
    }
    // Clock times: "10:30", "3:30pm", "10 a.m.", "1400 GMT".
    if s.p(i + 1, ':') && s.glued(i + 1) && s.is_num(i + 2) && s.glued(i + 2) {
        let mut end = i + 3;
        if matches!(s.lw(end), "am" | "pm" | "a" | "p") {
            end = skip_meridiem(s, end);
        }
        return Some(end);
    }
    if CLOCK_SUFFIXES.contains(s.lw(i + 1)) && s.is_word(i + 1) {
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
    // "(1)" and "[3]" as markers and citations.
    if i > 0
        && (s.p(i - 1, '(') && s.p(i + 1, ')') || s.p(i - 1, '[') && s.p(i + 1, ']'))
        && s.glued(i)
        && s.glued(i + 1)
        && s.raw(i).len() <= 3
    {
        return Some(i + 2);
    }
    // Page furniture: "1 of 5" with nothing after.
    if s.w(i + 1, "of")
        && s.is_num(i + 2)
        && s.raw(i).len() <= 3
        && s.raw(i + 2).len() <= 3
        && s.boundary(i + 3)
        && s.toks.len() <= 6
    {
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
    s.is_num(i)
        && s.raw(i).len() == 4
        && s.p(i + 1, '-')
        && s.glued(i + 1)
        && s.raw(i + 2).len() == 2
        && s.glued(i + 2)
        && s.p(i + 3, '-')
        && s.raw(i + 4).len() == 2
        && s.is_num(i + 4)
        && s.glued(i + 4)
}

/// Whether a clock-time marker follows at `j` ("a.m.", "pm", "GMT", "o'clock").
pub(crate) fn clock_after(s: &Sent<'_>, j: usize) -> bool {
    let w = s.lw(j);
    if !s.is_word(j) {
        return false;
    }
    matches!(w, "am" | "pm" | "gmt" | "utc" | "bst" | "cet" | "hrs")
        || (matches!(w, "a" | "p") && s.p(j + 1, '.') && s.w(j + 2, "m"))
        || (w == "o" && (s.p(j + 1, '\'') || s.p(j + 1, '’')) && s.w(j + 2, "clock"))
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

/// Phone numbers: "+44 20 7946 0958", "+33 (0)1 45 67 89 10", "(555) 123-4567",
/// "555-123-4567", "555-0143", "0800 555 0199".
fn phone_end(s: &Sent<'_>, i: usize) -> Option<usize> {
    let plus = i > 0 && s.p(i - 1, '+') && s.glued(i);
    let mut digits = 0;
    let mut lens: Vec<usize> = Vec::new();
    let mut j = i;
    let mut end = i;
    while j < s.len() {
        if s.is_num(j) && !s.raw(j).contains(',') && !s.raw(j).contains('.') {
            digits += s.raw(j).len();
            lens.push(s.raw(j).len());
            j += 1;
            end = j;
        } else if (s.dash(j) || s.p(j, '(') || s.p(j, ')') || s.p(j, '.'))
            && (s.is_num(j + 1) || s.p(j + 1, '('))
            && (s.glued(j) || s.glued(j + 1))
        {
            j += 1;
        } else {
            break;
        }
        if j < s.len() && s.is_num(j) && !s.glued(j) && lens.last().is_some_and(|&l| l > 4) {
            break;
        }
    }
    let groups = lens.len();
    let leading_zero = s.raw(i).starts_with('0') && s.raw(i).len() > 1;
    let looks = (plus && digits >= 6)
        || (groups >= 3 && digits >= 7 && lens.iter().all(|&l| l <= 4) && lens.iter().skip(1).any(|&l| l >= 3))
        || (groups == 2 && lens == [3, 4] && s.dash(i + 1))
        || (leading_zero && groups >= 2 && digits >= 7)
        || (i > 0 && s.p(i - 1, '(') && s.p(i + 1, ')') && digits >= 7 && lens[0] == 3);
    looks.then_some(end)
}

/// Words after a figure that make it one, not part of a name ("three thirds", "ranked").
static FIGURE_TAILS: Lexicon = Lexicon::new(
    "strong thirds third quarters quarter fifths fifth tenths largest biggest most placed \
     highest lowest ranked",
);

/// Suffixes that make a figure one (see [`known_suffix`]).
static KNOWN_SUFFIXES: Lexicon =
    Lexicon::new("st nd rd th s m bn k tn trn mn mln am pm h hrs million billion trillion thousand");

/// Words after a clock time ("4 pm", "10 GMT").
static CLOCK_SUFFIXES: Lexicon = Lexicon::new("am pm a p gmt utc bst cet est edt pst hrs");
