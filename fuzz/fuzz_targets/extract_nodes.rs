//! `extract_nodes` on any list of text nodes: no panic, and every value's node span covering
//! exactly its text (`tests/invariants`). The input is split into nodes at 0x1F bytes; a node
//! whose first byte is 0x1E starts a new block.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let (texts, blocks) = invariants::nodes_input(data);
    let run = claimlens::extract_nodes(&texts, &blocks, &claimlens::Options::new()).expect("as many blocks as texts");
    invariants::check_nodes(&texts, &run);
});
