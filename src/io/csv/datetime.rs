//! Spark's date and timestamp text as its CSV reader parses it: the strict
//! `yyyy-MM-dd` of schema inference, the lenient `stringToDate` /
//! `stringToTimestamp` of `compat::datetime_text` with the reader's legacy fallback,
//! and the `dateFormat` / `timestampFormat` / `timestampNTZFormat` patterns
//! (`Formats`), with `enableDateTimeParsingFallback` and `preferDate`.

use crate::compat::calendar::{checked_date, MICROS_PER_DAY};
use crate::compat::datetime_parse::parse;
use crate::compat::datetime_pattern::{compile, Pattern, PatternError};
use crate::compat::datetime_text::{string_to_date, string_to_timestamp, today_in};
use crate::compat::timezone::Zone;
use crate::error::{Error, ErrorKind};
use std::sync::Arc;

/// A reader pattern as compiled, or Spark's error for it (raised, if at all, only
/// when the pattern is used: Spark builds its formatters lazily).
pub type Compiled = Result<Arc<Pattern>, PatternError>;

/// The reader's datetime options (`CSVOptions`): a given pattern is the only one
/// tried, unless `enableDateTimeParsingFallback` says otherwise.
#[derive(Debug, Clone)]
pub struct Formats {
    /// `dateFormat` as given.
    pub date_text: Option<String>,
    pub date: Option<Compiled>,
    pub timestamp: Option<Compiled>,
    pub timestamp_ntz: Option<Compiled>,
    /// `timestampNTZFormat` as given (its inference error names it).
    pub timestamp_ntz_text: Option<String>,
    /// `enableDateTimeParsingFallback`, when given.
    pub fallback: Option<bool>,
    /// `preferDate` (default true): without `dateFormat` the strict `yyyy-MM-dd` is the
    /// date parser; with false, Spark's lenient one.
    pub prefer_date: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats { date_text: None, date: None, timestamp: None, timestamp_ntz: None, timestamp_ntz_text: None, fallback: None, prefer_date: true }
    }
}

/// What parsing one value gave: a value, nothing (the value is malformed), or an
/// error Spark raises instead of calling the value malformed.
pub type Parsed<T> = Result<Option<T>, Error>;

/// `SparkUpgradeException`s escape the reader's malformed-record handling.
fn raised(e: &PatternError) -> Option<Error> {
    (e.kind == ErrorKind::Upgrade).then(|| Error::from(e.clone()))
}

/// Spark's `cleanLegacyTimestampStr`: the fallback parses the text without "GMT".
fn clean_legacy(s: &str) -> String {
    s.replace("GMT", "")
}

impl Formats {
    pub fn new(date: Option<&str>, timestamp: Option<&str>, timestamp_ntz: Option<&str>, fallback: Option<bool>, prefer_date: bool) -> Formats {
        let compiled = |p: Option<&str>| p.map(|p| compile(p, true).map(Arc::new));
        Formats {
            date_text: date.map(str::to_string),
            date: compiled(date),
            timestamp: compiled(timestamp),
            timestamp_ntz: compiled(timestamp_ntz),
            timestamp_ntz_text: timestamp_ntz.map(str::to_string),
            fallback,
            prefer_date,
        }
    }

    /// Whether any datetime option changes how text is read (Polars' native date
    /// parsing stands for Spark's only without them).
    pub fn is_default(&self) -> bool {
        self.date.is_none() && self.timestamp.is_none() && self.timestamp_ntz.is_none() && self.fallback.is_none() && self.prefer_date
    }

    /// A DATE field (`UnivocityParser`'s converter): the date formatter, then the
    /// legacy `stringToDate` when the fallback is on (by default: no `dateFormat`).
    pub fn date(&self, s: &str) -> Parsed<i32> {
        let (first, failure) = match &self.date {
            Some(Ok(p)) => (parse(p, s).ok().and_then(|r| i32::try_from(r.local.div_euclid(MICROS_PER_DAY)).ok()), None),
            Some(Err(e)) => (None, raised(e)),
            None if self.prefer_date => (strict_date(s), None),
            None => (string_to_date(s).and_then(|d| i32::try_from(d).ok()), None),
        };
        if first.is_some() {
            return Ok(first);
        }
        if self.fallback.unwrap_or(self.date.is_none()) {
            if let Some(d) = string_to_date(&clean_legacy(s)).and_then(|d| i32::try_from(d).ok()) {
                return Ok(Some(d));
            }
        }
        failure.map_or(Ok(None), Err)
    }

    /// A TIMESTAMP field: the pattern (in `zone` unless the text names one) or
    /// `stringToTimestamp`, then the legacy fallback (by default: no `timestampFormat`).
    pub fn timestamp(&self, s: &str, zone: &Zone) -> Parsed<i64> {
        let (first, failure) = match &self.timestamp {
            Some(Ok(p)) => (parse(p, s).ok().map(|r| r.instant(zone)), None),
            Some(Err(e)) => (None, raised(e)),
            None => (spark_string_to_timestamp(s, zone), None),
        };
        if first.is_some() {
            return Ok(first);
        }
        if self.fallback.unwrap_or(self.timestamp.is_none()) {
            if let Some(t) = spark_string_to_timestamp(&clean_legacy(s), zone) {
                return Ok(Some(t));
            }
        }
        failure.map_or(Ok(None), Err)
    }

    /// A TIMESTAMP_NTZ field: text that names a zone is not one; no fallback (and a
    /// pattern Spark cannot build only fails the value).
    pub fn timestamp_ntz(&self, s: &str) -> Option<i64> {
        match &self.timestamp_ntz {
            Some(Ok(p)) => parse(p, s).ok().filter(|r| r.offset.is_none() && r.zone.is_none()).map(|r| r.local),
            Some(Err(_)) => None,
            None => csv_timestamp_ntz(s),
        }
    }
}

/// The strict `yyyy-MM-dd` (java.time, ResolverStyle.STRICT) Spark's CSV inference
/// uses for DATE: a four-digit year (a sign only beyond four digits, or negative),
/// two-digit month and day, a real calendar date, nothing else.
pub fn strict_date(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    let (sign, rest) = match b.first()? {
        b'+' => (Some(1i64), &b[1..]),
        b'-' => (Some(-1i64), &b[1..]),
        _ => (None, b),
    };
    let year_len = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let year_ok = match sign {
        None => year_len == 4,
        Some(1) => year_len > 4,
        Some(_) => year_len >= 4,
    };
    if !year_ok || year_len > 9 {
        return None;
    }
    let year: i64 = std::str::from_utf8(&rest[..year_len]).ok()?.parse().ok()?;
    if sign == Some(-1) && year == 0 {
        return None;
    }
    let tail = &rest[year_len..];
    if tail.len() != 6 || tail[0] != b'-' || tail[3] != b'-' {
        return None;
    }
    let two = |d: &[u8]| -> Option<u32> {
        (d[0].is_ascii_digit() && d[1].is_ascii_digit()).then(|| ((d[0] - b'0') * 10 + (d[1] - b'0')) as u32)
    };
    let (month, day) = (two(&tail[1..3])?, two(&tail[4..6])?);
    let days = checked_date(sign.unwrap_or(1) * year, month.into(), day.into())?;
    i32::try_from(days).ok()
}

/// A DATE field as Spark's CSV reader converts it: the strict pattern, then (as no
/// `dateFormat` is set) the lenient `stringToDate` with "GMT" removed.
pub fn csv_date(s: &str) -> Option<i32> {
    strict_date(s).or_else(|| string_to_date(&s.replace("GMT", "")).and_then(|d| i32::try_from(d).ok()))
}

/// `stringToTimestamp` in the session zone (`today_in` gives a time alone its date).
pub fn spark_string_to_timestamp(s: &str, session: &Zone) -> Option<i64> {
    string_to_timestamp(s, session, today_in)
}

/// A TIMESTAMP field as Spark's CSV reader converts it (with the legacy fallback
/// that drops "GMT", on as no `timestampFormat` is set).
pub fn csv_timestamp(s: &str, session: &Zone) -> Option<i64> {
    spark_string_to_timestamp(s, session).or_else(|| spark_string_to_timestamp(&s.replace("GMT", ""), session))
}

/// A TIMESTAMP_NTZ field: text naming a zone, or a time without a date, is not one.
pub fn csv_timestamp_ntz(s: &str) -> Option<i64> {
    crate::compat::datetime_text::string_to_timestamp_ntz(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compat::calendar::days_from_civil;

    fn ts(y: i64, mo: u32, d: u32, h: i64, mi: i64, s: i64, us: i64) -> i64 {
        days_from_civil(y, mo, d) * 86_400_000_000 + ((h * 60 + mi) * 60 + s) * 1_000_000 + us
    }

    #[test]
    fn strict_dates_as_inference_sees_them() {
        assert_eq!(strict_date("2024-01-05"), Some(days_from_civil(2024, 1, 5) as i32));
        assert!(strict_date("0000-01-01").is_some());
        assert!(strict_date("-2024-01-05").is_some());
        assert!(strict_date("+10000-01-01").is_some());
        for bad in ["2024-1-5", "2024-01-5", "02024-01-05", "+2024-01-05", "10000-01-01", "2024-02-30", " 2024-01-05", "2024-01-05 ", "20240105", "2024/01/05", "-0000-01-01"] {
            assert_eq!(strict_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn lenient_dates_as_the_reader_converts_them() {
        let d = |y, m, dd| Some(days_from_civil(y, m, dd) as i32);
        assert_eq!(csv_date("2024-1-5"), d(2024, 1, 5));
        assert_eq!(csv_date(" 2024-01-05 "), d(2024, 1, 5));
        assert_eq!(csv_date("2024-01-05 10:00:00"), d(2024, 1, 5));
        assert_eq!(csv_date("2024-01-05GMT"), d(2024, 1, 5));
        for bad in ["2024-01-05abc", "20240105", "2024-01 10", "", "x", "99999999999999999999999999999999999999"] {
            assert_eq!(csv_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_with_the_legacy_fallback() {
        let utc = Zone::utc();
        assert_eq!(csv_timestamp("2024-01-05GMT", &utc), Some(ts(2024, 1, 5, 0, 0, 0, 0)));
        assert_eq!(csv_timestamp("2024-01-05 10:00:00 GMT+1", &utc), Some(ts(2024, 1, 5, 9, 0, 0, 0)));
        assert_eq!(csv_timestamp_ntz("2024-01-05 10:00:00+01:00"), None);
        assert_eq!(csv_timestamp_ntz(" 2024-01-05"), Some(ts(2024, 1, 5, 0, 0, 0, 0)));
    }

    #[test]
    fn patterns_alone_unless_the_fallback_is_asked() {
        let utc = Zone::utc();
        let day = Some(days_from_civil(2024, 1, 5) as i32);
        let f = Formats::new(Some("dd/MM/yyyy"), Some("yyyy/MM/dd HH:mm"), Some("dd.MM.yyyy HH:mm[XXX]"), None, true);
        assert_eq!(f.date("05/01/2024").unwrap(), day);
        assert_eq!(f.date("2024-01-05").unwrap(), None);
        assert_eq!(f.date("30/02/2024").unwrap(), None);
        assert_eq!(f.timestamp("2024/01/05 10:11", &utc).unwrap(), Some(ts(2024, 1, 5, 10, 11, 0, 0)));
        assert_eq!(f.timestamp("2024-01-05 10:11", &utc).unwrap(), None);
        assert_eq!(f.timestamp_ntz("05.01.2024 10:11"), Some(ts(2024, 1, 5, 10, 11, 0, 0)));
        assert_eq!(f.timestamp_ntz("05.01.2024 10:11+01:00"), None);
        let with_fallback = Formats::new(Some("dd/MM/yyyy"), Some("dd/MM/yyyy"), None, Some(true), true);
        assert_eq!(with_fallback.date("2024-01-05").unwrap(), day);
        assert_eq!(with_fallback.timestamp("2024-01-05GMT", &utc).unwrap(), Some(ts(2024, 1, 5, 0, 0, 0, 0)));
        assert_eq!(with_fallback.timestamp("2024-01-05 10:00 GMT+1", &utc).unwrap(), None);
        let no_fallback = Formats::new(None, None, None, Some(false), true);
        assert_eq!(no_fallback.date("2024-1-5").unwrap(), None);
        assert_eq!(no_fallback.timestamp("2024-01-05GMT", &utc).unwrap(), None);
        let lenient = Formats::new(None, None, None, None, false);
        assert_eq!(lenient.date("2024-1-5").unwrap(), day);
    }

    #[test]
    fn patterns_spark_cannot_build() {
        let f = Formats::new(Some("yyyy-MM-dd qqqqq"), Some("YYYY-MM-dd"), Some("YYYY-MM-dd"), None, true);
        assert_eq!(f.date("2024-01-05").unwrap(), None);
        let upgrade = f.timestamp("2024-01-05", &Zone::utc()).unwrap_err();
        assert_eq!(upgrade.kind, ErrorKind::Upgrade);
        assert_eq!(f.timestamp_ntz("2024-01-05"), None);
        let rescued = Formats::new(Some("YYYY-MM-dd"), None, None, Some(true), true);
        assert_eq!(rescued.date("2024-01-05").unwrap(), Some(days_from_civil(2024, 1, 5) as i32));
        assert!(rescued.date("x").is_err());
    }
}
