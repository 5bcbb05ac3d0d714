//! Byte offsets ↔ UTF-16 code units.
//!
//! The core works on byte offsets into a `&str`; JavaScript strings index UTF-16 code units. The
//! map keeps one checkpoint every 64 bytes, so a conversion counts at most that many
//! bytes and the map costs `len / BLOCK` words of memory.

const BLOCK: usize = 64;

/// Converts byte offsets of one text into UTF-16 offsets.
#[derive(Debug)]
pub struct Utf16Map<'a> {
    text: &'a str,
    /// UTF-16 offset of each block's first byte; empty when the text is ASCII (identity).
    checkpoints: Vec<usize>,
}

impl<'a> Utf16Map<'a> {
    /// Builds the map in one pass over `text`.
    pub fn new(text: &'a str) -> Utf16Map<'a> {
        if text.is_ascii() {
            return Utf16Map { text, checkpoints: Vec::new() };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut units = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            checkpoints.push(units);
            units += units_in(block);
        }
        // The end of a text whose length is a multiple of BLOCK starts a block of its own.
        checkpoints.push(units);
        Utf16Map { text, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte`, which must be on a character boundary.
    pub fn utf16(&self, byte: usize) -> usize {
        debug_assert!(self.text.is_char_boundary(byte));
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let base = block * BLOCK;
        self.checkpoints[block] + units_in(&self.text.as_bytes()[base..byte])
    }
}

/// The UTF-16 length of whole characters' bytes: their number, less the continuation bytes,
/// plus one for each 4-byte sequence's leading byte. Eight bytes at a time in a `u64` (WebAssembly
/// has no vectors here, and a byte at a time was 3% of the engine's time there).
fn units_in(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let (mut continuation, mut four_byte) = (0, 0);
    for chunk in &mut chunks {
        let x = super::scan::word(chunk);
        // Each byte's bit 7, and its bits 6, 5 and 4 shifted up to bit 7 (shifts below 8 never
        // carry a byte's bits into the next byte's bit 7).
        continuation += (x & !(x << 1) & HIGH).count_ones() as usize; // 10xx_xxxx
        four_byte += (x & (x << 1) & (x << 2) & (x << 3) & HIGH).count_ones() as usize;
        // 1111_0xxx
    }
    let tail = chunks.remainder();
    bytes.len() - tail.len() - continuation + four_byte + tail.iter().map(|&b| utf16_units_of_byte(b)).sum::<usize>()
}

/// Counts each character's UTF-16 units on its leading byte: 1 for 1–3 byte sequences, 2 for
/// 4-byte ones (outside the Basic Multilingual Plane); continuation bytes count 0.
fn utf16_units_of_byte(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0x80..=0xBF => 0,
        0xC0..=0xEF => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn matches_encode_utf16_everywhere() {
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(["a", "€", "😀", "\u{a0}", "“", "é"][i % 6]);
            text.push_str(&"x".repeat(i % 7));
        }
        let map = Utf16Map::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.utf16(byte), reference(&text, byte), "byte {byte}");
        }
    }

    #[test]
    fn the_end_of_a_text_a_whole_number_of_blocks_long() {
        let text = "é".repeat(BLOCK);
        let map = Utf16Map::new(&text);
        assert_eq!(map.utf16(text.len()), BLOCK);
        assert_eq!(map.utf16(BLOCK), BLOCK / 2);
    }

    #[test]
    fn counts_eight_bytes_at_a_time_as_one_at_a_time() {
        let text = "a€😀\u{a0}“é\u{10348}z".repeat(9);
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..bytes.len().min(start + 40) {
                let slow: usize = bytes[start..end].iter().map(|&b| utf16_units_of_byte(b)).sum();
                assert_eq!(units_in(&bytes[start..end]), slow, "{start}..{end}");
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let map = Utf16Map::new("plain text");
        assert_eq!(map.utf16(5), 5);
    }
}
