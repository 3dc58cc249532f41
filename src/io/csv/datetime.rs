//! Spark's date and timestamp text as its CSV reader parses it: the strict
//! `yyyy-MM-dd` of schema inference, and the lenient `stringToDate` /
//! `stringToTimestamp` of `compat::datetime_text` with the reader's legacy fallback.

use crate::compat::calendar::checked_date;
use crate::compat::datetime_text::{string_to_date, string_to_timestamp, today_in};
use crate::compat::timezone::Zone;

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
}
