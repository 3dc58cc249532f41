//! Strings cast to DATE, TIMESTAMP and TIMESTAMP_NTZ the way Spark's
//! `SparkDateTimeUtils.stringToDate` / `parseTimestampString` read them: trimmed of
//! whitespace and control characters; `[+-]yyyy[-[m]m[-[d]d]]` with 4 to 7 year digits
//! for dates (anything may follow the day after a space or `T`); for timestamps 4 to
//! 6 year digits, then `[ T][h]h[:[m]m[:[s]s[.fraction]]]` and a zone (`Z`, `+01:00`,
//! ` UTC`, `America/Los_Angeles`...), or a time alone (`[T]hh:mm:ss`, on today's date).

use super::calendar::{checked_date, MICROS_PER_DAY, MICROS_PER_SECOND};
use super::timezone::Zone;
use polars::prelude::{self as pl, Column, IntoColumn, IntoSeries, PolarsResult};

/// Spark's `isWhitespaceOrISOControl` on a byte.
fn blank(b: u8) -> bool {
    b <= b' ' || b == 0x7f
}

/// The bounds of `b` without Spark's blanks at either end.
fn trimmed_bounds(b: &[u8]) -> (usize, usize) {
    let start = b.iter().position(|c| !blank(*c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !blank(*c)).map_or(start, |i| i + 1);
    (start, end.max(start))
}

/// One more digit on a segment; long runs saturate (they fail the digit-count checks
/// anyway) instead of overflowing.
fn push_digit(value: i64, digit: u8) -> i64 {
    value.saturating_mul(10).saturating_add(i64::from(digit - b'0'))
}

/// Days since the epoch of a date string (`SparkDateTimeUtils.stringToDate`), or None
/// when Spark reads it as NULL.
pub fn string_to_date(s: &str) -> Option<i64> {
    let (start, end) = trimmed_bounds(s.as_bytes());
    let b = &s.as_bytes()[start..end];
    if b.is_empty() {
        return None;
    }
    let valid = |segment: usize, digits: usize| (segment == 0 && (4..=7).contains(&digits)) || (segment != 0 && (1..=2).contains(&digits));
    let mut segments = [1i64, 1, 1];
    let mut j = 0;
    let mut sign = 1;
    if b[0] == b'-' || b[0] == b'+' {
        sign = if b[0] == b'-' { -1 } else { 1 };
        j += 1;
    }
    let (mut i, mut value, mut digits) = (0usize, 0i64, 0usize);
    while j < b.len() && i < 3 && !(b[j] == b' ' || b[j] == b'T') {
        let c = b[j];
        if i < 2 && c == b'-' {
            if !valid(i, digits) {
                return None;
            }
            segments[i] = value;
            value = 0;
            digits = 0;
            i += 1;
        } else if c.is_ascii_digit() {
            value = push_digit(value, c);
            digits += 1;
        } else {
            return None;
        }
        j += 1;
    }
    if !valid(i, digits) {
        return None;
    }
    if i < 2 && j < b.len() {
        // `yyyy` and `yyyy-[m]m` must be the whole text.
        return None;
    }
    segments[i] = value;
    checked_date(sign * segments[0], segments[1], segments[2])
}

/// The parts of a timestamp string: date and time fields, the zone it names, and
/// whether it was a time alone.
struct TimestampParts {
    segments: [i64; 9],
    zone: Option<Zone>,
    just_time: bool,
}

/// `parseTimestampString`; None also when the text names a zone `ZoneId.of` refuses.
fn parse_timestamp_string(s: &str) -> Option<TimestampParts> {
    let bytes = s.as_bytes();
    let (start, end) = trimmed_bounds(bytes);
    if start == end {
        return None;
    }
    let valid = |segment: usize, digits: usize| {
        segment == 6
            || (segment == 0 && (4..=6).contains(&digits))
            || (segment == 7 && digits <= 2)
            || (segment != 0 && segment != 6 && segment != 7 && (1..=2).contains(&digits))
    };
    let mut segments = [1i64, 1, 1, 0, 0, 0, 0, 0, 0];
    let (mut i, mut value, mut digits) = (0usize, 0i64, 0usize);
    let mut zone_text = None;
    let mut fraction_digits = 0;
    let mut just_time = false;
    let mut year_sign: Option<i64> = None;
    // An index into the untrimmed text: Spark tests `j == 0` on it.
    let mut j = start;
    if bytes[j] == b'-' || bytes[j] == b'+' {
        year_sign = Some(if bytes[j] == b'-' { -1 } else { 1 });
        j += 1;
    }
    macro_rules! next_segment {
        () => {{
            if !valid(i, digits) {
                return None;
            }
            segments[i] = value;
            value = 0;
            digits = 0;
            i += 1;
        }};
    }
    while j < end {
        let c = bytes[j];
        if !c.is_ascii_digit() {
            if j == 0 && c == b'T' {
                just_time = true;
                i += 3;
            } else if i < 2 {
                if c == b'-' {
                    next_segment!();
                } else if i == 0 && c == b':' && year_sign.is_none() {
                    just_time = true;
                    if !valid(3, digits) {
                        return None;
                    }
                    segments[3] = value;
                    value = 0;
                    digits = 0;
                    i = 4;
                } else {
                    return None;
                }
            } else if i == 2 {
                if c == b' ' || c == b'T' {
                    next_segment!();
                } else {
                    return None;
                }
            } else if i == 3 || i == 4 {
                if c == b':' {
                    next_segment!();
                } else {
                    return None;
                }
            } else if i == 5 || i == 6 {
                if c == b'.' && i == 5 {
                    next_segment!();
                } else {
                    next_segment!();
                    zone_text = Some(std::str::from_utf8(&bytes[j..end]).ok()?);
                    j = end - 1;
                }
                if i == 6 && c != b'.' {
                    i += 1;
                }
            } else if i < segments.len() && (c == b':' || c == b' ') {
                next_segment!();
            } else {
                return None;
            }
        } else {
            if i == 6 {
                fraction_digits += 1;
            }
            // Digits past microseconds are dropped.
            if i != 6 || digits < 6 {
                value = push_digit(value, c);
            }
            digits += 1;
        }
        j += 1;
    }
    if !valid(i, digits) || i >= segments.len() {
        return None;
    }
    segments[i] = value;
    while fraction_digits < 6 {
        segments[6] *= 10;
        fraction_digits += 1;
    }
    segments[0] *= year_sign.unwrap_or(1);
    // `getZoneId(zoneName.trim)`, Java's trim.
    let zone = match zone_text {
        Some(name) => Some(Zone::of(name.trim_matches(|c: char| c <= ' '))?),
        None => None,
    };
    Some(TimestampParts { segments, zone, just_time })
}

/// Wall-clock microseconds of the parts, with `today` (epoch day) for a time alone;
/// None past the microseconds a long holds (Spark's `multiplyExact` fails there).
fn local_of(p: &TimestampParts, today: i64) -> Option<i64> {
    let s = &p.segments;
    if !(0..24).contains(&s[3]) || !(0..60).contains(&s[4]) || !(0..60).contains(&s[5]) {
        return None;
    }
    let day = if p.just_time { today } else { checked_date(s[0], s[1], s[2])? };
    let seconds = (s[3] * 60 + s[4]) * 60 + s[5];
    day.checked_mul(MICROS_PER_DAY)?.checked_add(seconds * MICROS_PER_SECOND + s[6])
}

/// The UTC instant of wall-clock microseconds in `zone`; None where the offset would
/// take it past the microseconds a long holds.
fn checked_local_to_utc(local: i64, zone: &Zone) -> Option<i64> {
    // No zone is more than 18 hours from UTC.
    const MARGIN: i64 = 19 * 3_600 * MICROS_PER_SECOND;
    local.checked_add(MARGIN)?;
    local.checked_sub(MARGIN)?;
    Some(zone.local_to_utc(local))
}

/// `stringToTimestamp`: a TIMESTAMP (UTC microseconds) of a string, read in its own
/// zone if it names one, else in `zone`; `today` gives a time alone its date.
pub fn string_to_timestamp(s: &str, zone: &Zone, today: impl Fn(&Zone) -> i64) -> Option<i64> {
    let p = parse_timestamp_string(s)?;
    let z = p.zone.as_ref().unwrap_or(zone);
    checked_local_to_utc(local_of(&p, today(z))?, z)
}

/// `stringToTimestampWithoutTimeZone(s, allowTimeZone)`: a TIMESTAMP_NTZ of a string.
/// A time alone is NULL; a zone in the text is ignored when `allow_time_zone` (casts,
/// literals), NULL otherwise (the CSV reader).
pub fn string_to_timestamp_ntz(s: &str, allow_time_zone: bool) -> Option<i64> {
    let p = parse_timestamp_string(s)?;
    if p.just_time || (p.zone.is_some() && !allow_time_zone) {
        return None;
    }
    local_of(&p, 0)
}

/// Today's date in `zone` (epoch days).
pub(crate) fn today_in(zone: &Zone) -> i64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_micros() as i64).unwrap_or(0);
    zone.utc_to_local(now).div_euclid(MICROS_PER_DAY)
}

/// Casts a string column to DATE, TIMESTAMP (in `zone`) or TIMESTAMP_NTZ; NULL where
/// Spark's cast fails.
pub fn cast_strings(input: pl::Expr, to: &crate::ir::DataType, zone: Zone) -> pl::Expr {
    use crate::ir::DataType;
    let target = to.clone();
    let out_type = crate::lowering::types::to_polars(to);
    let result_type = out_type.clone();
    input.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let s = cols[0].as_materialized_series();
            let ca = s.str()?;
            let values: pl::Int64Chunked = match target {
                DataType::Date => ca.iter().map(|v| v.and_then(string_to_date)).collect(),
                DataType::TimestampNtz => ca.iter().map(|v| v.and_then(|t| string_to_timestamp_ntz(t, true))).collect(),
                _ => ca.iter().map(|v| v.and_then(|t| string_to_timestamp(t, &zone, today_in))).collect(),
            };
            let out = values.into_series().with_name(s.name().clone());
            let out = match target {
                DataType::Date => out.cast(&pl::DataType::Int32)?.cast(&pl::DataType::Date)?,
                _ => out.cast(&result_type)?,
            };
            Ok(out.into_column())
        },
        &[],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out_type.clone())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compat::calendar::{days_from_civil, local_micros};

    #[test]
    fn dates_as_spark_reads_them() {
        let d = |y, m, dd| Some(days_from_civil(y, m, dd));
        assert_eq!(string_to_date("2024-01-02"), d(2024, 1, 2));
        assert_eq!(string_to_date(" 2024-1-2 "), d(2024, 1, 2));
        assert_eq!(string_to_date("2024"), d(2024, 1, 1));
        assert_eq!(string_to_date("2024-05"), d(2024, 5, 1));
        assert_eq!(string_to_date("2024-01-02 garbage"), d(2024, 1, 2));
        assert_eq!(string_to_date("2024-01-02T03"), d(2024, 1, 2));
        assert_eq!(string_to_date("2024-01-02garbage"), None);
        assert_eq!(string_to_date("+2024-01-02"), d(2024, 1, 2));
        assert_eq!(string_to_date("999-01-02"), None);
        assert_eq!(string_to_date("2024-02-30"), None);
        assert_eq!(string_to_date("2024-05 x"), None);
    }

    #[test]
    fn timestamps_as_spark_reads_them() {
        let utc = Zone::utc();
        let ts = |s: &str| string_to_timestamp(s, &utc, |_| 0);
        let at = |y, m, d, h: i64, mi: i64, s: i64, us: i64| Some(local_micros(days_from_civil(y, m, d), h, mi, s, us));
        assert_eq!(ts("2024-01-02 03:04:05.123456789"), at(2024, 1, 2, 3, 4, 5, 123_456));
        assert_eq!(ts("2024-01-02 03"), at(2024, 1, 2, 3, 0, 0, 0));
        assert_eq!(ts("2024-01-02T03:04:05+01:00"), at(2024, 1, 2, 2, 4, 5, 0));
        assert_eq!(ts("2024-01-02 03:04:05 GMT+8"), at(2024, 1, 1, 19, 4, 5, 0));
        assert_eq!(ts("2024-01-02 03:04:05America/Los_Angeles"), at(2024, 1, 2, 11, 4, 5, 0));
        assert_eq!(ts("2024-01-02 03:04:05."), at(2024, 1, 2, 3, 4, 5, 0));
        assert_eq!(ts("03:04:05"), at(1970, 1, 1, 3, 4, 5, 0));
        assert_eq!(ts("2024-01-02 24:00:00"), None);
        assert_eq!(ts("2024-01-02garbage"), None);
        assert_eq!(string_to_timestamp_ntz("2024-01-02T03:04:05Z", true), at(2024, 1, 2, 3, 4, 5, 0));
        assert_eq!(string_to_timestamp_ntz("2024-01-02T03:04:05Z", false), None);
        assert_eq!(string_to_timestamp_ntz("2024-01-02T03:04:05 Nowhere", true), None);
        assert_eq!(string_to_timestamp_ntz("03:04:05", true), None);
        assert_eq!(string_to_timestamp_ntz(" 2024-01-05", false), at(2024, 1, 5, 0, 0, 0, 0));
    }

    #[test]
    fn timestamps_in_spark_grammar() {
        let utc = Zone::utc();
        let t = |s: &str| string_to_timestamp(s, &utc, |_| 0);
        let ts = |y, mo, d, h: i64, mi: i64, s: i64, us: i64| Some(local_micros(days_from_civil(y, mo, d), h, mi, s, us));
        assert_eq!(t("2024-1-5 1:2:3.4"), ts(2024, 1, 5, 1, 2, 3, 400_000));
        assert_eq!(t("2024-01-05T10:00:00-0130"), ts(2024, 1, 5, 11, 30, 0, 0));
        assert_eq!(t("2024-01-05 10:00:00 +1:00"), ts(2024, 1, 5, 9, 0, 0, 0));
        assert_eq!(t("2024-01-05 10:00:00 +01:3"), ts(2024, 1, 5, 8, 57, 0, 0));
        assert_eq!(t("2024-01-05 10:00:00 PST"), ts(2024, 1, 5, 18, 0, 0, 0));
        assert_eq!(t("2024-01-05 10:00:00 EST"), ts(2024, 1, 5, 15, 0, 0, 0));
        assert_eq!(t("2024-01-05 10:00:00+01:00:30"), ts(2024, 1, 5, 8, 59, 30, 0));
        assert_eq!(t("2024-01"), ts(2024, 1, 1, 0, 0, 0, 0));
        assert_eq!(t("2024-01-05\u{1}"), ts(2024, 1, 5, 0, 0, 0, 0));
        assert_eq!(t("123456-01-01 00:00:00"), ts(123456, 1, 1, 0, 0, 0, 0));
        assert!(t("T10:00:00").is_some());
        assert_eq!(t("2024-01-05 10:00:00.99999999999999999999999999"), ts(2024, 1, 5, 10, 0, 0, 999_999));
        for bad in [
            "2024-01-05T10:00Z",
            "2024-01-05 10:60:00",
            "2024-01-05 10:00:60",
            "2024-01-05T",
            "2024-01-05 10:00:00 europe/paris",
            "2024-01-05 10:00:00z",
            "2024-01-05 10:00:00 XYZ",
            "2024-01-05 10:00:00+18:01",
            "1234567-01-01",
            "2024-13-01 00:00:00",
            "2024-12-32",
            "2024/01/05",
            "",
            "12",
            "999999-01-01 00:00:00",
            "99999999999999999999999999999999999999",
            "2024-99999999999999999999999-01",
        ] {
            assert_eq!(t(bad), None, "{bad}");
        }
        assert_eq!(string_to_date("99999999999999999999999"), None);
        assert_eq!(string_to_date("2024-99999999999999999999999"), None);
    }

    #[test]
    fn session_zone_applies_to_wall_clock_text() {
        let la = Zone::of("America/Los_Angeles").unwrap();
        let at = |h: i64| Some(local_micros(days_from_civil(2024, 1, 5), h, 0, 0, 0));
        assert_eq!(string_to_timestamp("2024-01-05 10:00:00", &la, |_| 0), at(18));
        assert_eq!(string_to_timestamp("2024-01-05 10:00:00Z", &la, |_| 0), at(10));
    }
}
