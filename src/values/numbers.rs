//! Figures: digits ("358,000", "3.5", "1.2 million", "3.5m", "2bn"), words ("three million",
//! "twenty-five", "a dozen", "one and a half", "half a million") and vague magnitudes
//! ("hundreds of thousands", "dozens", "several hundred").

use super::Sent;
use crate::lexicon::Lexicon;

/// A figure and where it was written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The magnitude written after the figure ("million" → 1e6), else 1.
    pub multiplier: f64,
    /// Written in digits.
    pub digits: bool,
    /// Digits only: no separator, decimal point or magnitude ("2011", "737").
    pub plain: bool,
    /// The word "one" alone: too often a pronoun to report by itself.
    pub weak: bool,
}

impl Number {
    /// A plain four-digit figure that can be a year.
    pub fn year_like(&self) -> bool {
        self.plain && self.end == self.start + 1 && (1000.0..=2100.0).contains(&self.value)
    }
}

/// A magnitude word: "thousand", "million", "bn", ….
pub(crate) fn magnitude(w: &str) -> Option<f64> {
    MAGNITUDES.value(w).map(|k| MAGNITUDE_VALUES[usize::from(k)])
}

pub(crate) static MAGNITUDES: Lexicon =
    Lexicon::by_token(3, "thousand=0 million=1 mn=1 mln=1 billion=2 bn=2 trillion=3 tn=3 trn=3");

/// What each entry of [`MAGNITUDES`] stands for, by its number.
const MAGNITUDE_VALUES: [f64; 4] = [1e3, 1e6, 1e9, 1e12];

/// Number words below twenty.
pub(crate) fn small(w: &str) -> Option<f64> {
    SMALL.value(w).map(f64::from)
}

pub(crate) static SMALL: Lexicon = Lexicon::by_token(
    1,
    "zero=0 one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 \
     thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18 nineteen=19",
);

/// Tens: "twenty" … "ninety".
pub(crate) fn tens(w: &str) -> Option<f64> {
    TENS.value(w).map(f64::from)
}

pub(crate) static TENS: Lexicon =
    Lexicon::by_token(2, "twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80 ninety=90");

/// A figure starting at token `i`, in digits or in words.
pub(crate) fn number_at(s: &Sent<'_>, i: usize) -> Option<Number> {
    if s.is_num(i) {
        digits_at(s, i)
    } else if s.is_word(i) {
        words_at(s, i)
    } else {
        None
    }
}

/// Parses the digits of token `i` ("358,000", "3.5"); `None` for "3.2.1" or "1,23".
pub(crate) fn parse_digits(t: &str) -> Option<f64> {
    if t.bytes().filter(|&b| b == b'.').count() > 1 {
        return None;
    }
    let int_part = t.split('.').next().unwrap_or("");
    if int_part.contains(',') {
        let mut groups = int_part.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    // The digits without their commas, on the stack: a figure is rarely longer than a few bytes.
    let mut buf = [0u8; 32];
    let mut n = 0;
    for &b in t.as_bytes().iter().filter(|&&b| b != b',') {
        let Some(slot) = buf.get_mut(n) else {
            return t.replace(',', "").parse::<f64>().ok().filter(|v| v.is_finite());
        };
        *slot = b;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `x` times a power of ten `m`, as the decimal `x` is written: "4.1 million" is 4,100,000, where
/// the product of the two floats is 4,099,999.9999999995. `x` is written in its shortest form
/// ("4.1"), given the exponent ("4.1e6") and read back, which rounds once.
pub(crate) fn scale(x: f64, m: f64) -> f64 {
    let product = x * m;
    // The exponent counted up (`log10` would bring a software logarithm into WebAssembly); the
    // powers of ten to 1e22 are exact in a float.
    let (mut exponent, mut power) = (0u8, 1.0);
    while power < m && exponent < 22 {
        power *= 10.0;
        exponent += 1;
    }
    if x.fract() == 0.0 || !product.is_finite() || power != m {
        return product;
    }
    let mut written = zmij::Buffer::new();
    let digits = written.format_finite(x).as_bytes();
    let mut buf = [0u8; 48];
    let Some(head) = buf.get_mut(..digits.len()) else { return product };
    if digits.contains(&b'e') {
        return product;
    }
    head.copy_from_slice(digits);
    let mut n = digits.len();
    buf[n] = b'e';
    n += 1;
    let e = exponent;
    if e >= 10 {
        buf[n] = b'0' + e / 10;
        n += 1;
    }
    buf[n] = b'0' + e % 10;
    n += 1;
    std::str::from_utf8(&buf[..n]).ok().and_then(|t| t.parse::<f64>().ok()).unwrap_or(product)
}

fn digits_at(s: &Sent<'_>, i: usize) -> Option<Number> {
    let t = s.raw(i);
    // "4.30 a.m.", "1400 GMT": a clock time.
    if super::names::clock_after(s, i + 1) {
        return None;
    }
    let mut value = parse_digits(t)?;
    let mut n = Number {
        value,
        start: i,
        end: i + 1,
        multiplier: 1.0,
        digits: true,
        plain: !t.contains([',', '.']),
        weak: false,
    };
    // A magnitude glued to the figure: "3.5m", "2bn", "40k".
    if s.glued(i + 1) && s.is_word(i + 1) {
        let suffix = s.lw(i + 1);
        // "3rd", "21st": a rank, not a figure.
        if matches!(suffix, "st" | "nd" | "rd" | "th") {
            return None;
        }
        let m = match suffix {
            "m" if million_not_metres(s, i + 1) => Some(1e6),
            "bn" | "b" if suffix == "bn" => Some(1e9),
            "k" => Some(1e3),
            "tn" | "trn" | "mn" | "mln" | "million" | "billion" | "trillion" | "thousand" => magnitude(suffix),
            _ => None,
        };
        if let Some(m) = m {
            value = scale(value, m);
            n = Number { value, end: i + 2, multiplier: m, plain: false, ..n };
            return Some(n);
        }
        return Some(n);
    }
    // A magnitude joined by hyphens before a currency: "a 65-million-pound signing".
    if s.dash(i + 1)
        && s.glued(i + 1)
        && s.glued(i + 2)
        && s.dash(i + 3)
        && s.glued(i + 3)
        && s.glued(i + 4)
        && super::money::suffix_at(s, i + 4).is_some()
    {
        if let Some(m) = s.word(i + 2).and_then(magnitude) {
            return Some(Number { value: scale(value, m), end: i + 4, multiplier: m, plain: false, ..n });
        }
    }
    // A magnitude word after it: "1.2 million", "3 billion".
    if let Some(m) = s.word(i + 1).and_then(magnitude) {
        let mut m2 = m;
        let mut end = i + 2;
        // "1.5 million" is one magnitude; "2 thousand million" is rare but meant.
        if let Some(more) = s.word(end).and_then(magnitude) {
            m2 *= more;
            end += 1;
        }
        return Some(Number { value: scale(value, m2), end, multiplier: m2, plain: false, ..n });
    }
    if s.w(i + 1, "hundred") && value < 100.0 && value.fract() == 0.0 {
        let mut m = 100.0;
        let mut end = i + 2;
        if let Some(more) = s.word(end).and_then(magnitude) {
            m *= more;
            end += 1;
        }
        return Some(Number { value: value * m, end, multiplier: m, plain: false, ..n });
    }
    Some(n)
}

/// "3.5m": millions before a plural noun or after a currency sign, otherwise metres.
fn million_not_metres(s: &Sent<'_>, m: usize) -> bool {
    // The currency sign may stand before the first end of a range: "$20–30m".
    let before_currency = (2..=4).any(|k| m >= k && super::money::is_prefix_symbol(s.raw(m - k)));
    let next = s.lw(m + 1);
    // "a population of 1.2m.": at the end of a clause "m" is a million; metres come with a
    // noun or a hyphen ("a 3m wall", "a 10m-high fence").
    let clause_end = s.boundary(m + 1) && !s.dash(m + 1);
    before_currency
        || clause_end
        || (s.is_word(m + 1) && (next.ends_with('s') || matches!(next, "people" | "children" | "men" | "women")))
        || s.word(m + 1).is_some_and(|w| matches!(w, "in" | "of" | "to") && before_currency)
}

fn words_at(s: &Sent<'_>, i: usize) -> Option<Number> {
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    let mut multiplier = 1.0;
    let w0 = s.lw(i);
    let big = |w: &str| magnitude(w).is_some() || w == "hundred" || w == "dozen";
    if matches!(w0, "a" | "an") && big(s.lw(i + 1)) && s.is_word(i + 1) {
        current = 1.0;
        j += 1;
    } else if w0 == "half" && matches!(s.lw(i + 1), "a" | "an") && big(s.lw(i + 2)) {
        current = 0.5;
        j += 2;
    }
    let mut last_small = false;
    while let Some(w) = s.word(j) {
        if let Some(u) = s.value(j, &SMALL).map(f64::from) {
            if last_small {
                break;
            }
            current += u;
            j += 1;
            any = true;
            last_small = true;
        } else if let Some(t) = s.value(j, &TENS).map(f64::from) {
            if last_small || current % 100.0 >= 10.0 {
                break;
            }
            current += t;
            j += 1;
            any = true;
            if s.dash(j) && s.glued(j) && s.glued(j + 1) {
                if let Some(u) = s.word(j + 1).and_then(small).filter(|u| (1.0..10.0).contains(u)) {
                    current += u;
                    j += 2;
                }
            }
            last_small = true;
        } else if w == "hundred" {
            if !any && current == 0.0 {
                break;
            }
            current = or_one(current) * 100.0;
            multiplier = 100.0;
            j += 1;
            any = true;
            last_small = false;
        } else if w == "dozen" {
            if !any && current == 0.0 {
                break;
            }
            current = or_one(current) * 12.0;
            j += 1;
            any = true;
            last_small = false;
        } else if let Some(m) = magnitude(w).filter(|_| w.len() > 3) {
            if !any && current == 0.0 {
                break;
            }
            total += or_one(current) * m;
            current = 0.0;
            multiplier = m;
            j += 1;
            any = true;
            last_small = false;
        } else if w == "and" && any {
            if s.w(j + 1, "a") && s.w(j + 2, "half") {
                current += 0.5;
                j += 3;
                last_small = true;
            } else if !last_small && s.word(j + 1).is_some_and(|n| small(n).is_some() || tens(n).is_some()) {
                j += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if !any || super::names::clock_after(s, j) {
        return None;
    }
    // "one and a half million": the half belongs to the magnitude that follows.
    let value = total + current;
    let weak = j == i + 1 && w0 == "one";
    Some(Number { value, start: i, end: j, multiplier, digits: false, plain: false, weak })
}

/// A multiplier's left side: "hundred" alone means one hundred, "half a million" half of one.
fn or_one(x: f64) -> f64 {
    if x == 0.0 {
        1.0
    } else {
        x
    }
}

/// An amount given only as an order of magnitude.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Vague {
    pub min: f64,
    pub max: f64,
    pub start: usize,
    pub end: usize,
}

fn plural_magnitude(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 10.0,
        "dozens" => 12.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

fn singular_magnitude(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(100.0),
        "dozen" => Some(12.0),
        _ => magnitude(w).filter(|_| w.len() > 3),
    }
}

/// "hundreds of thousands", "dozens", "tens of thousands", "several hundred", "a few thousand".
pub(crate) fn vague_at(s: &Sent<'_>, i: usize) -> Option<Vague> {
    let w = s.word(i)?;
    if let Some(base) = plural_magnitude(w) {
        // "tens of thousands", "hundreds of millions".
        if s.w(i + 1, "of") {
            if let Some(x) = s.word(i + 2).and_then(plural_magnitude).filter(|&x| x >= 1e3) {
                if matches!(w, "tens" | "hundreds" | "dozens") {
                    return Some(Vague { min: 2.0 * base * x, max: 10.0 * base * x - 1.0, start: i, end: i + 3 });
                }
            }
        }
        if w == "tens" && !s.w(i + 1, "of") {
            return None;
        }
        // "millions" runs up to a billion: English has no plural between them in common use.
        let top = if base >= 1e6 { 1000.0 } else { 10.0 };
        return Some(Vague { min: 2.0 * base, max: top * base - 1.0, start: i, end: i + 1 });
    }
    let (lo, hi, j) = match w {
        "several" => (3.0, 9.0, i + 1),
        "few" => (2.0, 5.0, i + 1),
        "a" if s.w(i + 1, "few") => (2.0, 5.0, i + 2),
        _ => return None,
    };
    let mut x = s.word(j).and_then(singular_magnitude)?;
    let mut end = j + 1;
    if let Some(more) = s.word(end).and_then(|w| magnitude(w).filter(|_| w.len() > 3)) {
        x *= more;
        end += 1;
    }
    Some(Vague { min: lo * x, max: hi * x, start: i, end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_decimal_times_a_magnitude_is_the_figure_written() {
        // Exact equality: the float products are 4099999.9999999995 and 2299999999.9999995.
        assert_eq!(scale(4.1, 1e6), 4_100_000.0);
        assert_eq!(scale(2.3, 1e9), 2_300_000_000.0);
        assert_eq!(scale(19.99, 1e6), 19_990_000.0);
        assert_eq!(scale(0.7, 1e3), 700.0);
        assert_eq!(scale(1.15, 1e12), 1_150_000_000_000.0);
        // Whole figures and factors that are not powers of ten multiply as they are.
        assert_eq!(scale(3.0, 1e6), 3e6);
        assert_eq!(scale(1.5, 12.0), 18.0);
        assert_eq!(num("4.1 million").map(|n| n.0), Some(4_100_000.0));
        assert_eq!(num("4.1m people").map(|n| n.0), Some(4_100_000.0));
        assert_eq!(num("8.2 billion").map(|n| n.0), Some(8_200_000_000.0));
    }

    fn num(text: &str) -> Option<(f64, String)> {
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &mut toks);
        let s = Sent::new(text, &lower, &toks, None);
        number_at(&s, 0).map(|n| {
            let (a, b) = s.bytes(n.start, n.end);
            (n.value, text[a..b].to_string())
        })
    }

    #[test]
    fn digits_and_magnitudes() {
        assert_eq!(num("358,000 people"), Some((358000.0, "358,000".into())));
        assert_eq!(num("1.2 million people"), Some((1_200_000.0, "1.2 million".into())));
        assert_eq!(num("2bn"), Some((2e9, "2bn".into())));
        assert_eq!(num("3.5m people"), Some((3_500_000.0, "3.5m".into())));
        assert_eq!(num("1,23"), None);
    }

    #[test]
    fn words() {
        assert_eq!(num("three million people").map(|x| x.0), Some(3e6));
        assert_eq!(num("twenty-five people").map(|x| x.0), Some(25.0));
        assert_eq!(num("a dozen people").map(|x| x.0), Some(12.0));
        assert_eq!(num("one and a half million").map(|x| x.0), Some(1.5e6));
        assert_eq!(num("half a million").map(|x| x.0), Some(5e5));
        assert_eq!(num("two hundred and fifty thousand").map(|x| x.0), Some(250_000.0));
        assert_eq!(num("a house"), None);
    }
}
