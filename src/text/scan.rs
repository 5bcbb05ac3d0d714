//! Skipping to the bytes a pass cares about.
//!
//! Several passes over the text (paragraphs, sentences, quotations) act on a few kinds of byte
//! and step over everything else. Stepping a byte at a time inside those passes kept their whole
//! state in play for every byte; [`ByteSet::find`] is a small loop of its own that tests eight
//! bytes at a time in a `u64` (WebAssembly has no vectors here).

/// A set of up to [`ByteSet::MAX`] bytes.
pub(crate) struct ByteSet {
    /// Each member repeated in all eight bytes of a word.
    members: [u64; ByteSet::MAX],
    len: usize,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

impl ByteSet {
    /// The most members a set holds: each costs a few operations per eight bytes.
    pub(crate) const MAX: usize = 6;

    /// The set of `members` (at most [`ByteSet::MAX`]).
    pub(crate) const fn of(members: &[u8]) -> ByteSet {
        assert!(members.len() <= ByteSet::MAX, "a ByteSet holds at most six bytes");
        let mut words = [0; ByteSet::MAX];
        let mut k = 0;
        while k < members.len() {
            words[k] = members[k] as u64 * ONES;
            k += 1;
        }
        ByteSet { members: words, len: members.len() }
    }

    fn contains(&self, b: u8) -> bool {
        self.members[..self.len].iter().any(|&m| m as u8 == b)
    }

    /// The first position at or after `from` whose byte is in the set, or `bytes.len()`.
    pub(crate) fn find(&self, bytes: &[u8], from: usize) -> usize {
        let Some(rest) = bytes.get(from..) else { return bytes.len() };
        let mut chunks = rest.chunks_exact(8);
        let mut at = from;
        for chunk in &mut chunks {
            let x = word(chunk);
            // A byte of `x ^ m` is zero where `x` holds `m`. The lowest flagged byte is always a
            // true zero (a borrow only flags bytes above one), and bytes load little-endian, so
            // the trailing zeros count the bytes before the first member.
            let mut hits = 0;
            for &m in &self.members[..self.len] {
                let t = x ^ m;
                hits |= t.wrapping_sub(ONES) & !t & HIGH;
            }
            if hits != 0 {
                return at + (hits.trailing_zeros() / 8) as usize;
            }
            at += 8;
        }
        chunks.remainder().iter().position(|&b| self.contains(b)).map_or(bytes.len(), |k| at + k)
    }
}

/// Eight bytes as a little-endian `u64` (a shorter chunk is padded with zeros). Built without a
/// copy into a buffer, which WebAssembly makes a call to `memcpy`, and without
/// `try_into().expect(…)`, whose error formatting would add Rust's `Debug` machinery to the
/// WebAssembly build.
#[inline]
pub(crate) fn word(chunk: &[u8]) -> u64 {
    match chunk.first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight),
        None => chunk.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_load_little_endian_and_pad_short_chunks() {
        assert_eq!(word(b"abcdefgh"), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(word(b"abcdefghij"), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(word(b"abc"), u64::from_le_bytes(*b"abc\0\0\0\0\0"));
        assert_eq!(word(b""), 0);
    }

    #[test]
    fn finds_the_next_member_or_the_end() {
        const SET: ByteSet = ByteSet::of(b".\"\xE2");
        let bytes = "ab. “c” d\"".as_bytes();
        assert_eq!(SET.find(bytes, 0), 2);
        assert_eq!(SET.find(bytes, 3), 4);
        assert_eq!(bytes[4], 0xE2);
        assert_eq!(SET.find(bytes, 5), 8);
        assert_eq!(SET.find(bytes, 9), bytes.len() - 1);
        assert_eq!(SET.find(bytes, bytes.len()), bytes.len());
        assert_eq!(SET.find(bytes, bytes.len() + 3), bytes.len());
        assert_eq!(SET.find(b"plain words", 0), 11);
    }

    #[test]
    fn agrees_with_a_byte_by_byte_search() {
        // Every member at every position of every alignment, with bytes one above and below each
        // member around it (where a borrow would show a false match).
        const SET: ByteSet = ByteSet::of(b"\n\"!\xC2\xE2\xFF");
        let mut seed = 7u32;
        let mut bytes = Vec::new();
        for _ in 0..5000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let pick = (seed >> 16) as usize;
            let b = match pick % 4 {
                0 => b"\n\"!\xC2\xE2\xFF"[pick % 6],
                1 => b"\x0b\x09\x21\x23\x20\xC1\xC3\xE1\xE3\xFE\x00"[pick % 11],
                _ => b'a' + (pick % 26) as u8,
            };
            bytes.push(b);
        }
        for from in 0..bytes.len() + 2 {
            let slow = bytes.iter().enumerate().skip(from).find(|(_, b)| b"\n\"!\xC2\xE2\xFF".contains(b));
            assert_eq!(SET.find(&bytes, from), slow.map_or(bytes.len(), |(k, _)| k), "from {from}");
        }
    }
}
