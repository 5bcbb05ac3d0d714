//! Word lists: what a rule needs to know about English words (reporting verbs, role nouns,
//! designators …), written as plain space-separated text so a reviewer reads them as lists, and
//! looked up in a set built on first use.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A hasher for short keys the page cannot choose to collide (words from fixed lists, indexes):
/// a multiply-rotate over eight bytes at a time, several times cheaper than the standard
/// library's SipHash on words of a few letters.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let mut tail = 0u64;
        for (k, &b) in chunks.remainder().iter().enumerate() {
            tail |= u64::from(b) << (8 * k);
        }
        self.0 = (self.0.rotate_left(5) ^ tail ^ bytes.len() as u64).wrapping_mul(K);
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` keyed by words or indexes, hashed with [`WordHasher`].
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A set of lower-case words, given as one space-separated string.
pub(crate) struct Lexicon {
    words: &'static str,
    set: OnceLock<HashSet<&'static str, BuildHasherDefault<WordHasher>>>,
}

impl Lexicon {
    pub(crate) const fn new(words: &'static str) -> Lexicon {
        Lexicon { words, set: OnceLock::new() }
    }

    /// Whether `word` (lower case) is in the list.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.words.split_whitespace().collect()).contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOURS: Lexicon = Lexicon::new(
        "red green \
         blue",
    );

    #[test]
    fn words_across_line_continuations() {
        assert!(COLOURS.contains("red") && COLOURS.contains("green") && COLOURS.contains("blue"));
        assert!(!COLOURS.contains("gre") && !COLOURS.contains(""));
    }
}
