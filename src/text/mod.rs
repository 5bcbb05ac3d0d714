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
