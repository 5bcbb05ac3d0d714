//! Text structure: paragraphs, sentences, tokens and offset conversion.
//!
//! Everything here works in byte offsets into the input `&str`; [`offsets::Utf16Map`] converts
//! them to UTF-16 code units at the edge.

pub mod offsets;
pub(crate) mod scan;
pub mod segment;
pub mod token;

pub use segment::{paragraphs, sentences, Sentence};
pub use token::{tokenize, TokKind, Token};

/// A letter (any script) or an ASCII digit: what names and words are made of. (Other scripts'
/// digits are rare in names, and `char::is_alphanumeric` would bring the Unicode table of numerals
/// into the WebAssembly build for them.)
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit()
}
