//! What the caller tells the extractor besides the text.

use crate::calendar::Date;

/// Options for [`extract`](crate::extract).
///
/// Built by value, each `with_` method returning the changed options (as
/// [`Path::with_extension`](std::path::Path::with_extension) does); read with the getter of the
/// same name without `with_`.
///
/// ```
/// use claimlens::{Date, Options};
/// let opts = Options::new().with_reference_date(Date::parse("2020-01-27").unwrap());
/// assert_eq!(opts.reference_date().unwrap().to_string(), "2020-01-27");
/// assert_eq!(Options::new().reference_date(), None);
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
    ///
    /// In claimlens 0.1.0 this was `reference_date(date)`, the name the getter has now.
    pub fn with_reference_date(mut self, date: Date) -> Options {
        self.reference_date = Some(date);
        self
    }

    /// The reference date, if one was given.
    pub fn reference_date(&self) -> Option<Date> {
        self.reference_date
    }

    /// The reference date, if one was given: the old name of [`Options::reference_date`].
    #[deprecated(note = "renamed `reference_date()`; the builder is `with_reference_date(date)`")]
    pub fn get_reference_date(&self) -> Option<Date> {
        self.reference_date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(deprecated)]
    fn the_old_getter_still_answers() {
        let date = Date::parse("2020-01-27").ok();
        let opts = Options::new().with_reference_date(date.unwrap());
        assert_eq!(opts.get_reference_date(), date);
        assert_eq!(Options::new().get_reference_date(), None);
    }
}
