//! The crate's error type.

use std::fmt;

/// An error from claimlens: bad options, such as a reference date that is not a real day.
///
/// The kind of error is private so that new kinds can be added without breaking callers; the
/// message says what was wrong and with which input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    BadDate { input: String, why: &'static str },
    MismatchedNodes { texts: usize, blocks: usize },
}

impl Error {
    pub(crate) fn bad_date(input: &str, why: &'static str) -> Error {
        let mut input: String = input.chars().take(40).collect();
        if input.is_empty() {
            input.push_str("(empty)");
        }
        Error { kind: ErrorKind::BadDate { input, why } }
    }
}

impl Error {
    pub(crate) fn mismatched_nodes(texts: usize, blocks: usize) -> Error {
        Error { kind: ErrorKind::MismatchedNodes { texts, blocks } }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            // Quoted by hand, control characters replaced: `{:?}` would bring Rust's escaping tables
            // into the WebAssembly build.
            ErrorKind::BadDate { input, why } => {
                let shown: String = input.chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
                write!(f, "invalid date \"{shown}\": {why}")
            }
            ErrorKind::MismatchedNodes { texts, blocks } => {
                write!(f, "texts and blocks differ in length ({texts} texts, {blocks} blocks)")
            }
        }
    }
}

impl std::error::Error for Error {}
