//! A proleptic Gregorian calendar day, with the little arithmetic date resolution needs.
//!
//! The core never reads the clock: every relative date is resolved against a [`Date`] the
//! caller passes in [`Options`](crate::Options).

use std::fmt;

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

impl Date {
    /// The day `year-month-day`, or `None` when it does not exist (2019-02-29, month 13).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(-9999..=9999).contains(&year) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`.
    ///
    /// ```
    /// use claimlens::Date;
    /// let d = Date::parse("2020-01-27").unwrap();
    /// assert_eq!(d.to_string(), "2020-01-27");
    /// assert!(Date::parse("2020-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Date, Error> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
            return Err(Error::bad_date(s, "expected YYYY-MM-DD"));
        }
        let year: i32 = s[0..4].parse().map_err(|_| Error::bad_date(s, "bad year"))?;
        let month: u8 = s[5..7].parse().map_err(|_| Error::bad_date(s, "bad month"))?;
        let day: u8 = s[8..10].parse().map_err(|_| Error::bad_date(s, "bad day"))?;
        Date::new(year, month, day).ok_or_else(|| Error::bad_date(s, "no such day"))
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

    /// The day `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This day moved by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// This day moved by `n` months, the day clamped to the target month's length.
    pub fn add_months(self, n: i64) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
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

    /// The Monday of this day's week.
    pub fn week_start(self) -> Date {
        self.add_days(-self.weekday().index())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if (0..=9999).contains(&self.year) {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        } else {
            write!(f, "{:+05}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_epoch_days() {
        for days in (-800_000..800_000).step_by(97) {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
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
        assert_eq!(d.add_months(-1).to_string(), "2020-02-29");
        assert_eq!(d.add_months(-13).to_string(), "2019-02-28");
        assert_eq!(d.add_months(10).to_string(), "2021-01-31");
    }

    #[test]
    fn rejects_impossible_days() {
        for bad in ["2019-02-29", "2020-13-01", "2020-00-10", "2020-1-27", "20200127", "2020-01-32", "abcd-ef-gh"] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }
}
