//! A proleptic Gregorian calendar day, with the little arithmetic date resolution needs.
//!
//! The core never reads the clock: every relative date is resolved against a [`Date`] the
//! caller passes in [`Options`](crate::Options).

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A calendar day (proleptic Gregorian), such as 2020-01-27.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Days of the week, Monday first (weeks run Monday to Sunday).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    /// Monday
    Monday,
    /// Tuesday
    Tuesday,
    /// Wednesday
    Wednesday,
    /// Thursday
    Thursday,
    /// Friday
    Friday,
    /// Saturday
    Saturday,
    /// Sunday
    Sunday,
}

impl Weekday {
    /// 0 for Monday through 6 for Sunday.
    pub fn index(self) -> i64 {
        self as i64
    }

    pub(crate) fn from_index(i: i64) -> Weekday {
        use Weekday::*;
        [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday][i.rem_euclid(7) as usize]
    }
}

pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        _ => 28,
    }
}

/// The years a [`Date`] can be in: every date the engine writes is within them, and every
/// arithmetic step that would leave them gives `None`.
const YEARS: std::ops::RangeInclusive<i32> = -9999..=9999;

/// Days since 1970-01-01 of -9999-01-01 and of 9999-12-31.
const FIRST_DAY: i64 = -4_371_587;
const LAST_DAY: i64 = 2_932_896;

impl Date {
    /// The day `year-month-day`, or `None` when it does not exist (2019-02-29, month 13) or its
    /// year is outside -9999 to 9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !YEARS.contains(&year) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses an ISO 8601 calendar date: `YYYY-MM-DD`, or for a year outside 0000 to 9999 the
    /// expanded form with a sign and six digits (`-000476-01-01`), as [`Date`]'s `Display`
    /// writes it and JavaScript's `Date` reads it.
    ///
    /// ```
    /// use claimlens::Date;
    /// let d = Date::parse("2020-01-27").unwrap();
    /// assert_eq!(d.to_string(), "2020-01-27");
    /// assert!(Date::parse("2020-02-30").is_err());
    /// assert_eq!(Date::parse("-000476-01-01").unwrap().year(), -476);
    /// ```
    pub fn parse(s: &str) -> Result<Date, Error> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        // The year's digits, after a sign in the expanded form.
        let year_digits = match b.first() {
            Some(b'+' | b'-') => 1..7,
            _ => 0..4,
        };
        let y = year_digits.end;
        if b.len() != y + 6
            || b[y] != b'-'
            || b[y + 3] != b'-'
            || !digits(year_digits)
            || !digits(y + 1..y + 3)
            || !digits(y + 4..y + 6)
        {
            return Err(Error::bad_date(s, "expected YYYY-MM-DD"));
        }
        let year: i32 = s[..y].parse().map_err(|_| Error::bad_date(s, "bad year"))?;
        let month: u8 = s[y + 1..y + 3].parse().map_err(|_| Error::bad_date(s, "bad month"))?;
        let day: u8 = s[y + 4..y + 6].parse().map_err(|_| Error::bad_date(s, "bad day"))?;
        if !YEARS.contains(&year) {
            return Err(Error::bad_date(s, "the year must be between -9999 and 9999"));
        }
        if !(1..=12).contains(&month) {
            return Err(Error::bad_date(s, "no such month"));
        }
        Date::new(year, month, day).ok_or_else(|| Error::bad_date(s, "no such day in that month"))
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01, or `None` when it falls outside years -9999 to 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        if !(FIRST_DAY..=LAST_DAY).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Some(Date { year, month, day })
    }

    /// This day moved by `n` days, or `None` when that leaves years -9999 to 9999.
    pub fn checked_add_days(self, n: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(n)?)
    }

    /// This day moved by `n` months, the day clamped to the target month's length, or `None`
    /// when that leaves years -9999 to 9999.
    pub fn checked_add_months(self, n: i64) -> Option<Date> {
        let total = (i64::from(self.year) * 12 + i64::from(self.month) - 1).checked_add(n)?;
        let year = i32::try_from(total.div_euclid(12)).ok().filter(|y| YEARS.contains(y))?;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Some(Date { year, month, day })
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index(self.days_since_epoch() + 3)
    }

    /// The first day of this day's month.
    pub fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The last day of this day's month.
    pub fn month_end(self) -> Date {
        Date { day: days_in_month(self.year, self.month), ..self }
    }

    /// The Monday of this day's week, or `None` when it falls before -9999-01-01.
    pub fn week_start(self) -> Option<Date> {
        self.checked_add_days(-self.weekday().index())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if (0..=9999).contains(&self.year) {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        } else {
            // ISO 8601's expanded form, as JavaScript's Date reads and writes it ("-000476").
            write!(f, "{:+07}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl FromStr for Date {
    type Err = Error;

    /// The same as [`Date::parse`].
    ///
    /// ```
    /// let d: claimlens::Date = "2020-01-27".parse().unwrap();
    /// assert_eq!(d.day(), 27);
    /// ```
    fn from_str(s: &str) -> Result<Date, Error> {
        Date::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_epoch_days() {
        for days in (-800_000..800_000).step_by(97) {
            assert_eq!(Date::from_days_since_epoch(days).unwrap().days_since_epoch(), days);
        }
        let (first, last) = (Date::new(-9999, 1, 1).unwrap(), Date::new(9999, 12, 31).unwrap());
        assert_eq!((first.days_since_epoch(), last.days_since_epoch()), (FIRST_DAY, LAST_DAY));
        assert_eq!(Date::from_days_since_epoch(FIRST_DAY), Some(first));
        assert_eq!(Date::from_days_since_epoch(LAST_DAY), Some(last));
        assert_eq!(Date::from_days_since_epoch(FIRST_DAY - 1), None);
        assert_eq!(Date::from_days_since_epoch(LAST_DAY + 1), None);
    }

    #[test]
    fn arithmetic_stays_within_the_years_or_gives_none() {
        let last = Date::new(9999, 12, 31).unwrap();
        assert_eq!(last.checked_add_days(1), None);
        assert_eq!(last.checked_add_months(1), None);
        assert_eq!(last.checked_add_days(i64::MAX), None);
        assert_eq!(last.checked_add_months(i64::MIN), None);
        assert_eq!(last.checked_add_days(-1).unwrap().to_string(), "9999-12-30");
        let first = Date::new(-9999, 1, 1).unwrap();
        assert_eq!(first.checked_add_days(-1), None);
        assert_eq!(first.checked_add_months(-1), None);
        // -9999-01-01 is a Monday: its week starts on it; the next day's does too.
        assert_eq!(first.weekday(), Weekday::Monday);
        assert_eq!(first.checked_add_days(1).unwrap().week_start(), Some(first));
    }

    #[test]
    fn years_outside_four_digits_are_written_and_read_in_the_expanded_form() {
        let d = Date::new(-476, 1, 1).unwrap();
        assert_eq!(d.to_string(), "-000476-01-01");
        assert_eq!(Date::parse("-000476-01-01"), Ok(d));
        assert_eq!(Date::parse("+002020-01-27"), Date::parse("2020-01-27"));
        assert!(Date::parse("-010000-01-01").is_err());
        assert!(Date::parse("-0476-01-01").is_err());
    }

    #[test]
    fn weekdays() {
        assert_eq!(Date::parse("2020-01-27").unwrap().weekday(), Weekday::Monday);
        assert_eq!(Date::parse("2024-02-29").unwrap().weekday(), Weekday::Thursday);
        assert_eq!(Date::parse("1970-01-01").unwrap().weekday(), Weekday::Thursday);
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d = Date::parse("2020-03-31").unwrap();
        assert_eq!(d.checked_add_months(-1).unwrap().to_string(), "2020-02-29");
        assert_eq!(d.checked_add_months(-13).unwrap().to_string(), "2019-02-28");
        assert_eq!(d.checked_add_months(10).unwrap().to_string(), "2021-01-31");
    }

    #[test]
    fn rejects_impossible_days() {
        for bad in [
            "2019-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-1-27",
            "20200127",
            "2020-01-32",
            "abcd-ef-gh",
            "+-00476-01-01",
            "-00a476-01-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("2020-13-01").unwrap_err().to_string().contains("no such month"));
    }
}
