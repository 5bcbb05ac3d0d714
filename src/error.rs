//! The crate's error types.

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

/// A string that is none of the names the data contract allows for it: `"sometimes"` read as a
/// [`Hedge`](crate::Hedge), or an unknown unit in JSON read back into an
/// [`Extraction`](crate::Extraction).
///
/// Its message names the string and the names allowed. (It is not an [`Error`] so that the
/// browser build, which never reads names, keeps its smaller `Error`.)
///
/// ```
/// use claimlens::Hedge;
/// let err = "sometimes".parse::<Hedge>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid hedge \"sometimes\": expected one of exact, approximate, at_most, less_than, at_least, more_than, vague, range"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseNameError {
    what: &'static str,
    input: String,
    expected: Vec<&'static str>,
}

impl ParseNameError {
    /// `input` is none of `names`, the strings the data contract allows for a `what` ("hedge").
    pub(crate) fn new(what: &'static str, input: &str, names: impl Iterator<Item = &'static str>) -> ParseNameError {
        let mut input: String = input.chars().take(40).collect();
        if input.is_empty() {
            input.push_str("(empty)");
        }
        ParseNameError { what, input, expected: names.collect() }
    }
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: String = self.input.chars().map(|c| if c.is_control() { '\u{fffd}' } else { c }).collect();
        write!(f, "invalid {} \"{shown}\": expected one of {}", self.what, self.expected.join(", "))
    }
}

impl std::error::Error for ParseNameError {}
