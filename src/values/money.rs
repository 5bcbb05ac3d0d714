//! Money: "$3.5 million", "US$2bn", "€40m", "40 million euros", with the currency as an ISO code.

use super::Sent;

/// Whether `t` is a currency sign written before an amount.
pub(crate) fn is_prefix_symbol(t: &str) -> bool {
    matches!(t, "$" | "€" | "£" | "¥" | "₹")
}

/// A currency written before the amount at token `i` ("$", "US$", "HK$", "€", "USD"): its code
/// and the token where the amount starts.
pub(crate) fn prefix_at(s: &Sent<'_>, i: usize) -> Option<(&'static str, usize)> {
    let sign = |t: &str| match t {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        "₹" => Some("INR"),
        _ => None,
    };
    if let Some(code) = sign(s.raw(i)) {
        return Some((code, i + 1));
    }
    if s.is_word(i) && s.p(i + 1, '$') && s.glued(i + 1) {
        let code = match s.raw(i) {
            "US" => "USD",
            "A" | "AU" => "AUD",
            "C" | "CA" => "CAD",
            "HK" => "HKD",
            "NZ" => "NZD",
            "S" => "SGD",
            _ => return None,
        };
        return Some((code, i + 2));
    }
    let code = match s.raw(i) {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CHF" => "CHF",
        "CNY" => "CNY",
        _ => return None,
    };
    (s.is_num(i + 1)).then_some((code, i + 1))
}

/// A currency named after the amount at token `i` ("dollars", "euros", "Swiss francs"): its code
/// and the token after it.
pub(crate) fn suffix_at(s: &Sent<'_>, i: usize) -> Option<(&'static str, usize)> {
    let w = s.word(i)?;
    let one = |code| Some((code, i + 1));
    match w {
        "dollar" | "dollars" => one("USD"),
        "euro" | "euros" => one("EUR"),
        "sterling" => one("GBP"),
        "pound" | "pounds" if s.w(i + 1, "sterling") => Some(("GBP", i + 2)),
        "pound" | "pounds" if pounds_are_money(s, i) => one("GBP"),
        "yen" => one("JPY"),
        "yuan" | "renminbi" => one("CNY"),
        "rupee" | "rupees" => one("INR"),
        "rouble" | "roubles" | "ruble" | "rubles" => one("RUB"),
        "usd" => one("USD"),
        "eur" => one("EUR"),
        "gbp" => one("GBP"),
        "us" if s.word(i + 1).is_some_and(|w| w.starts_with("dollar")) => Some(("USD", i + 2)),
        "swiss" if s.word(i + 1).is_some_and(|w| w.starts_with("franc")) => Some(("CHF", i + 2)),
        "australian" if s.word(i + 1).is_some_and(|w| w.starts_with("dollar")) => Some(("AUD", i + 2)),
        "canadian" if s.word(i + 1).is_some_and(|w| w.starts_with("dollar")) => Some(("CAD", i + 2)),
        "hong" if s.w(i + 1, "kong") && s.word(i + 2).is_some_and(|w| w.starts_with("dollar")) => Some(("HKD", i + 3)),
        "turkish" if s.w(i + 1, "lira") => Some(("TRY", i + 2)),
        _ => None,
    }
}

/// Whether "pounds" at token `i` is sterling rather than weight: a word about money shortly
/// before or after it ("paid 32 million pounds", "a 65-million-pound signing"), and no "of"
/// after it ("2 million pounds of beef" is weight).
fn pounds_are_money(s: &Sent<'_>, i: usize) -> bool {
    if s.w(i + 1, "of") {
        return false;
    }
    let near = |words: &crate::lexicon::Lexicon| {
        (i.saturating_sub(8)..(i + 4).min(s.len())).any(|k| k != i && s.is_word(k) && words.contains(s.lw(k)))
    };
    near(&MONEY_WORDS) && !near(&WEIGHT_WORDS)
}

/// Words that make "pounds" near them weight ("the truck weight limit").
static WEIGHT_WORDS: crate::lexicon::Lexicon =
    crate::lexicon::Lexicon::new("weight weights weigh weighs weighed weighing heavy heavier lighter load loads");

/// Words that make "pounds" near them money.
static MONEY_WORDS: crate::lexicon::Lexicon = crate::lexicon::Lexicon::new(
    "paid pay pays paying fee fees fine fined fines worth cost costs costing salary salaries wage wages \
     price prices priced spent spend spending raised raise budget funding fund funds deal signing \
     transfer bid offer offered sold sell bought buy earn earns earned profit profits loss losses \
     revenue revenues tax taxes compensation grant grants loan loans debt debts invest \
     invested investment donated donation",
);
