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
            let word = crate::text::scan::word(c);
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

/// The hash of a word's bytes, as [`WordHasher`] mixes them, never 0 (0 marks an empty slot of a
/// [`Table`]).
fn hash_word(bytes: &[u8]) -> u64 {
    let mut h = WordHasher::default();
    h.write(bytes);
    h.finish() | 1
}

/// A word table built once and only read: open addressing over a power-of-two array, looked up
/// with one hash of the word and, nearly always, one comparison. For the lexicons this is what a
/// `HashMap` would do, without its generic machinery: in WebAssembly, where the map's probing
/// has no SIMD, the lookups were a tenth of the engine's time.
struct Table<V> {
    /// `(hash, word, value)`; a hash of 0 is an empty slot.
    slots: Box<[(u64, &'static str, V)]>,
    /// How far to shift a hash right to get its slot: the table's size is `1 << (64 - shift)`.
    shift: u32,
    /// The first bytes, last bytes and lengths of the words held, as bits (see [`byte_bit`]): a
    /// word that fails one is not held, and most words a rule asks about fail one.
    firsts: u64,
    lasts: u64,
    lengths: u64,
}

/// A byte's bit in a [`Table`]'s filters (lower-case letters each have their own).
fn byte_bit(b: u8) -> u64 {
    1 << (b & 63)
}

/// A length's bit in a [`Table`]'s filters (63 and longer share one).
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

impl<V: Copy + Default> Table<V> {
    /// The table of `entries`; a word listed twice keeps what `merge` makes of its values.
    fn build(entries: impl Iterator<Item = (&'static str, V)> + Clone, merge: impl Fn(&mut V, V)) -> Table<V> {
        // At most half full, so a miss ends at an empty slot after a step or two.
        let bits = (entries.clone().count() * 2).max(8).next_power_of_two().trailing_zeros();
        let shift = 64 - bits;
        let mask = (1usize << bits) - 1;
        let mut slots = vec![(0u64, "", V::default()); 1 << bits].into_boxed_slice();
        let (mut firsts, mut lasts, mut lengths) = (0, 0, 0);
        for (word, value) in entries {
            let b = word.as_bytes();
            firsts |= b.first().map_or(0, |&c| byte_bit(c));
            lasts |= b.last().map_or(0, |&c| byte_bit(c));
            lengths |= length_bit(b.len());
            let h = hash_word(word.as_bytes());
            let mut i = (h >> shift) as usize;
            loop {
                let slot = &mut slots[i];
                if slot.0 == 0 {
                    *slot = (h, word, value);
                    break;
                }
                if slot.0 == h && slot.1 == word {
                    merge(&mut slot.2, value);
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        Table { slots, shift, firsts, lasts, lengths }
    }

    fn get(&self, word: &str) -> Option<V> {
        let b = word.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return None };
        if self.firsts & byte_bit(first) == 0
            || self.lasts & byte_bit(last) == 0
            || self.lengths & length_bit(b.len()) == 0
        {
            return None;
        }
        let h = hash_word(b);
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let (hash, w, value) = self.slots[i];
            if hash == 0 {
                return None;
            }
            if hash == h && w == word {
                return Some(value);
            }
            i = (i + 1) & mask;
        }
    }
}

/// A set of lower-case words, given as one space-separated string; a word may carry a small
/// number after `=` ("march=3"), which [`Lexicon::value`] returns.
///
/// One hash and one comparison answer a lookup, however long the list: a `matches!` over the
/// same words costs a comparison per word in the worst case and more code than the list itself.
pub(crate) struct Lexicon {
    words: &'static str,
    table: OnceLock<Table<u16>>,
    /// The lexicon's bit in a token's word class ([`class_of`]), or 0 for one read by word only.
    pub(crate) class: u64,
}

impl Lexicon {
    pub(crate) const fn new(words: &'static str) -> Lexicon {
        Lexicon { words, table: OnceLock::new(), class: 0 }
    }

    /// A lexicon that rules read by token: listed in [`BY_TOKEN`] at position `k`, so one lookup
    /// per word gives its membership in all of them at once.
    pub(crate) const fn by_token(k: u32, words: &'static str) -> Lexicon {
        Lexicon { words, table: OnceLock::new(), class: 1 << k }
    }

    fn entries(&self) -> impl Iterator<Item = (&'static str, u16)> + Clone {
        self.words.split_whitespace().map(|entry| match entry.split_once('=') {
            Some((word, n)) => {
                (word, n.parse().unwrap_or_else(|_| panic!("a lexicon value is a small number: {entry}")))
            }
            None => (entry, 0),
        })
    }

    fn table(&self) -> &Table<u16> {
        // A word listed twice keeps its last value.
        self.table.get_or_init(|| Table::build(self.entries(), |old, new| *old = new))
    }

    /// Whether `word` (lower case) is in the list.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.table().get(word).is_some()
    }

    /// The number written after `word` in the list (0 when none is written).
    pub(crate) fn value(&self, word: &str) -> Option<u16> {
        self.table().get(word)
    }
}

/// The lexicons rules read at every word, the bits of a token's word class: position `k` holds
/// the lexicon made with `Lexicon::by_token(k, …)`.
static BY_TOKEN: [&Lexicon; 17] = [
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
    &crate::values::PAST_FORMS,
    &crate::values::NOT_AFTER,
    &crate::values::AMBIGUOUS_PAST,
    &crate::values::AFTER_ARTICLE,
    &crate::checks::DISPUTING,
];

/// The word class of a lower-case word: the bits of the [`BY_TOKEN`] lexicons that hold it.
pub(crate) fn class_of(word: &str) -> u64 {
    static CLASSES: OnceLock<Table<u64>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        let entries = BY_TOKEN.iter().flat_map(|lexicon| lexicon.entries().map(|(word, _)| (word, lexicon.class)));
        Table::build(entries, |old, new| *old |= new)
    });
    classes.get(word).unwrap_or(0)
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
    fn a_table_finds_every_word_it_holds_and_no_other() {
        // Enough words that probes run into each other; the misses differ by one letter or length.
        let words: Vec<&'static str> =
            (0..3000).map(|i| &*Box::leak(format!("w{}x{}", i, i % 7).into_boxed_str())).collect();
        let table = Table::build(words.iter().enumerate().map(|(i, &w)| (w, i as u16)), |old, new| *old = new);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), Some(i as u16), "{w}");
            assert_eq!(table.get(&format!("{w}y")), None);
            assert_eq!(table.get(&w[..w.len() - 1]), None);
        }
        assert_eq!(table.get(""), None);
        let merged = Table::build([("a", 1u64), ("b", 2), ("a", 4)].into_iter(), |old, new| *old |= new);
        assert_eq!((merged.get("a"), merged.get("b"), merged.get("c")), (Some(5), Some(2), None));
    }

    #[test]
    fn values() {
        assert_eq!(SIZES.value("huge"), Some(3));
        assert_eq!(SIZES.value("red"), None);
        assert_eq!(COLOURS.value("red"), Some(0));
    }
}
