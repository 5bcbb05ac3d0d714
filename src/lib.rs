//! claimlens finds the checkable claims in news text — figures, shares, amounts, measures,
//! rankings and dates — and says how each is hedged, what it counts and when it happened.
//!
//! ```
//! use claimlens::{extract, Date, Options};
//!
//! let text = "Since December 1, some 358,000 people have fled the valley, the agency said. \
//!             Around 70 percent of them are children.";
//! let options = Options::new().with_reference_date(Date::parse("2020-01-27")?);
//! let found = extract(text, &options);
//!
//! let first = &found.claims[0];
//! assert_eq!(first.values[0].text, "Since December 1");
//! assert_eq!(first.values[0].from.unwrap().to_string(), "2019-12-01");
//! assert_eq!(first.values[1].text, "some 358,000 people");
//! assert_eq!(first.values[1].value, Some(358_000.0));
//! assert_eq!(first.values[1].hedge, Some(claimlens::Hedge::Approximate));
//! assert_eq!(first.values[1].counted.as_deref(), Some("people"));
//! assert_eq!(found.claims[1].values[0].kind, claimlens::Kind::Percent);
//! # Ok::<(), claimlens::Error>(())
//! ```
//!
//! # Overview
//!
//! [`extract`] takes the text and explicit [`Options`] (the reference date that resolves
//! "Monday" or "last week") and returns an [`Extraction`]: the data contract, field by field in
//! [`contract`], the same shape the command-line tool prints as JSON and the browser build hands
//! to JavaScript. All offsets in it are UTF-16 code units, so they index JavaScript strings.
//!
//! The core is pure: it reads no clock, no files and no DOM, and it never panics on any input.

#![deny(missing_docs)]

mod attribution;
pub mod calendar;
mod checks;
mod claims;
mod error;
mod json;
mod lexicon;
pub mod model;
mod nodes;
mod options;
pub mod text;
mod values;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use calendar::{Date, Weekday};
pub use error::{Error, ParseNameError};
pub use model::{
    Attribution, Check, Claim, CoSource, Extraction, Grain, Hedge, Kind, Mention, NodeSpan, PartOf, Source, Topic,
    Value, CONTRACT_VERSION,
};
pub use nodes::extract_nodes;
pub use options::Options;

#[doc = include_str!("../docs/contract.md")]
pub mod contract {}

/// The README's Rust example, compiled and run with the other documentation tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Finds the claims in `text`.
///
/// Every sentence that carries a value is a claim; claims come in text order, with their
/// values, score and reasons.
pub fn extract(text: &str, options: &Options) -> Extraction {
    claims::extract(text, options, &mut |_| {})
}
