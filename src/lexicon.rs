//! Word lists: what a rule needs to know about English words (reporting verbs, role nouns,
//! designators …), written as plain space-separated text so a reviewer reads them as lists, and
//! looked up in a set built on first use.

use std::collections::HashMap;
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

/// A set of lower-case words, given as one space-separated string; a word may carry a small
/// number after `=` ("march=3"), which [`Lexicon::value`] returns.
///
/// One hash and one comparison answer a lookup, however long the list: a `matches!` over the
/// same words costs a comparison per word in the worst case and more code than the list itself.
pub(crate) struct Lexicon {
    words: &'static str,
    map: OnceLock<WordMap<&'static str, u16>>,
    /// The lexicon's bit in a token's word class ([`class_of`]), or 0 for one read by word only.
    pub(crate) class: u64,
}

impl Lexicon {
    pub(crate) const fn new(words: &'static str) -> Lexicon {
        Lexicon { words, map: OnceLock::new(), class: 0 }
    }

    /// A lexicon that rules read by token: listed in [`BY_TOKEN`] at position `k`, so one lookup
    /// per word gives its membership in all of them at once.
    pub(crate) const fn by_token(k: u32, words: &'static str) -> Lexicon {
        Lexicon { words, map: OnceLock::new(), class: 1 << k }
    }

    fn entries(&self) -> impl Iterator<Item = (&'static str, u16)> {
        self.words.split_whitespace().map(|entry| match entry.split_once('=') {
            Some((word, n)) => (word, n.parse().expect("a lexicon value is a small number")),
            None => (entry, 0),
        })
    }

    fn map(&self) -> &WordMap<&'static str, u16> {
        self.map.get_or_init(|| self.entries().collect())
    }

    /// Whether `word` (lower case) is in the list.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.map().contains_key(word)
    }

    /// The number written after `word` in the list (0 when none is written).
    pub(crate) fn value(&self, word: &str) -> Option<u16> {
        self.map().get(word).copied()
    }
}

/// The lexicons rules read at every word, the bits of a token's word class: position `k` holds
/// the lexicon made with `Lexicon::by_token(k, …)`.
static BY_TOKEN: [&Lexicon; 12] = [
    &crate::values::counts::STOP,
    &crate::values::numbers::SMALL,
    &crate::values::numbers::TENS,
    &crate::values::numbers::MAGNITUDES,
    &crate::values::ordinals::ORDINAL_WORDS,
    &crate::values::dates::MONTHS,
    &crate::values::dates::WEEKDAYS,
    &crate::values::hedges::HEDGE_STARTS,
    &crate::values::TRIGGERS,
    &crate::values::durations::UNIT_WORDS,
    &crate::values::FUTURE_CUES,
    &crate::attribution::cues::REPORTING_VERBS,
];

/// The word class of a lower-case word: the bits of the [`BY_TOKEN`] lexicons that hold it.
pub(crate) fn class_of(word: &str) -> u64 {
    static CLASSES: OnceLock<WordMap<&'static str, u64>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        let mut map = WordMap::default();
        for lexicon in BY_TOKEN.iter() {
            for (word, _) in lexicon.entries() {
                *map.entry(word).or_insert(0) |= lexicon.class;
            }
        }
        map
    });
    classes.get(word).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOURS: Lexicon = Lexicon::new(
        "red green \
         blue",
    );

    static SIZES: Lexicon = Lexicon::new("small=1 medium=2 large=3 huge=3");

    #[test]
    fn words_across_line_continuations() {
        assert!(COLOURS.contains("red") && COLOURS.contains("green") && COLOURS.contains("blue"));
        assert!(!COLOURS.contains("gre") && !COLOURS.contains(""));
    }

    #[test]
    fn every_token_lexicon_has_its_own_bit() {
        for (k, lexicon) in BY_TOKEN.iter().enumerate() {
            assert_eq!(lexicon.class, 1 << k, "lexicon {k} of BY_TOKEN is made with by_token({k}, …)");
        }
        assert_eq!(class_of("march"), crate::values::counts::STOP.class | crate::values::dates::MONTHS.class);
        assert_eq!(class_of("zebra"), 0);
    }

    #[test]
    fn values() {
        assert_eq!(SIZES.value("huge"), Some(3));
        assert_eq!(SIZES.value("red"), None);
        assert_eq!(COLOURS.value("red"), Some(0));
    }
}
