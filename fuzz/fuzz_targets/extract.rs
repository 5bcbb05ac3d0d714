//! `extract` on any text: no panic, and the invariants of `tests/invariants` (spans inside the
//! text, on character boundaries, in order, equal to a reference UTF-16 computation; finite
//! figures). The first two bytes pick the reference date, so date resolution is fuzzed too.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let (text, options) = invariants::extract_input(data);
    invariants::check(&text, &claimlens::extract(&text, &options));
});
