//! What the caller tells the extractor besides the text.

use crate::calendar::Date;

/// Options for [`extract`](crate::extract).
///
/// ```
/// use claimlens::{Date, Options};
/// let opts = Options::new().reference_date(Date::parse("2020-01-27").unwrap());
/// assert_eq!(opts.get_reference_date().unwrap().to_string(), "2020-01-27");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    reference_date: Option<Date>,
}

impl Options {
    /// Default options: no reference date, so relative dates stay unresolved.
    pub fn new() -> Options {
        Options::default()
    }

    /// Resolves relative dates ("Monday", "last week", "since December 1") against `date`,
    /// usually the day the text was published.
    pub fn reference_date(mut self, date: Date) -> Options {
        self.reference_date = Some(date);
        self
    }

    /// The reference date, if one was given.
    pub fn get_reference_date(&self) -> Option<Date> {
        self.reference_date
    }
}
