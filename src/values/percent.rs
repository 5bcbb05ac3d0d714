//! Shares: "70 percent", "70%", "seventy per cent", "3.5 percentage points".

use super::Sent;

/// The percent sign or words after a figure at token `i`: the unit and the token after it.
pub(crate) fn suffix_at(s: &Sent<'_>, i: usize) -> Option<(&'static str, usize)> {
    if s.p(i, '%') || s.p(i, '％') {
        return Some(("percent", i + 1));
    }
    // "a 25-percent tariff".
    if s.dash(i) && s.glued(i) && s.glued(i + 1) && matches!(s.lw(i + 1), "percent" | "pc") {
        return Some(("percent", i + 2));
    }
    match s.word(i)? {
        "percent" | "pc" | "pct" => Some(("percent", i + 1)),
        "per" if s.w(i + 1, "cent") => Some(("percent", i + 2)),
        "percentage" if s.w(i + 1, "points") || s.w(i + 1, "point") => Some(("percentage points", i + 2)),
        _ => None,
    }
}
