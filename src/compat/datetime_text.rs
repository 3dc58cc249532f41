//! Strings cast to DATE, TIMESTAMP and TIMESTAMP_NTZ the way Spark's
//! `SparkDateTimeUtils.stringToDate` / `parseTimestampString` read them: trimmed of
//! whitespace and control characters; `[+-]yyyy[-[m]m[-[d]d]]` with 4 to 7 year digits
//! for dates (anything may follow the day after a space or `T`); for timestamps 4 to
//! 6 year digits, then `[ T][h]h[:[m]m[:[s]s[.fraction]]]` and a zone (`Z`, `+01:00`,
//! ` UTC`, `America/Los_Angeles`...), or a time alone (`[T]hh:mm:ss`, on today's date).

use super::calendar::{checked_date, local_micros, MICROS_PER_DAY};
use super::timezone::Zone;
use polars::prelude::{self as pl, Column, IntoColumn, IntoSeries, PolarsResult};

/// Spark's `isWhitespaceOrISOControl` on a byte.
fn blank(b: u8) -> bool {
    b <= b' ' || b == 0x7f
}

fn trimmed(s: &str) -> &[u8] {
    let b = s.as_bytes();
    let start = b.iter().position(|c| !blank(*c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !blank(*c)).map(|i| i + 1).unwrap_or(start);
    &b[start..end.max(start)]
}

/// Days since the epoch of a date string, or None when Spark reads it as NULL.
pub fn string_to_date(s: &str) -> Option<i64> {
    let b = trimmed(s);
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
            value = value * 10 + i64::from(c - b'0');
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
    zone: Option<String>,
    just_time: bool,
}

/// `parseTimestampString`.
fn parse_timestamp_string(s: &str) -> Option<TimestampParts> {
    let b = trimmed(s);
    if b.is_empty() {
        return None;
    }
    // Where the trimmed text starts in the original (Spark tests `j == 0` on it).
    let offset = s.len() - s.trim_start_matches(|c: char| c.is_ascii() && blank(c as u8)).len();
    let valid = |segment: usize, digits: usize| {
        segment == 6
            || (segment == 0 && (4..=6).contains(&digits))
            || (segment == 7 && digits <= 2)
            || (segment != 0 && segment != 6 && segment != 7 && (1..=2).contains(&digits))
    };
    let mut segments = [1i64, 1, 1, 0, 0, 0, 0, 0, 0];
    let (mut i, mut value, mut digits) = (0usize, 0i64, 0usize);
    let mut zone = None;
    let mut fraction_digits = 0;
    let mut just_time = false;
    let mut year_sign: Option<i64> = None;
    let mut j = 0;
    if b[0] == b'-' || b[0] == b'+' {
        year_sign = Some(if b[0] == b'-' { -1 } else { 1 });
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
    while j < b.len() {
        let c = b[j];
        if !c.is_ascii_digit() {
            if j + offset == 0 && c == b'T' {
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
                    zone = Some(String::from_utf8_lossy(&b[j..]).into_owned());
                    j = b.len() - 1;
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
                value = value * 10 + i64::from(c - b'0');
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
    Some(TimestampParts { segments, zone, just_time })
}

/// Wall-clock microseconds of the parts, with `today` (epoch day) for a time alone.
fn local_of(p: &TimestampParts, today: i64) -> Option<i64> {
    let s = &p.segments;
    if !(0..24).contains(&s[3]) || !(0..60).contains(&s[4]) || !(0..60).contains(&s[5]) {
        return None;
    }
    let day = if p.just_time { today } else { checked_date(s[0], s[1], s[2])? };
    Some(local_micros(day, s[3], s[4], s[5], s[6]))
}

/// A TIMESTAMP (UTC microseconds) of a string, its own zone before `zone`.
pub fn string_to_timestamp(s: &str, zone: &Zone, today: impl Fn(&Zone) -> i64) -> Option<i64> {
    let p = parse_timestamp_string(s)?;
    let named;
    let z = match &p.zone {
        Some(name) => {
            named = Zone::of(name.trim())?;
            &named
        }
        None => zone,
    };
    Some(z.local_to_utc(local_of(&p, today(z))?))
}

/// A TIMESTAMP_NTZ of a string: a zone in it is ignored, a time alone is NULL.
pub fn string_to_timestamp_ntz(s: &str) -> Option<i64> {
    let p = parse_timestamp_string(s)?;
    if p.just_time {
        return None;
    }
    if let Some(name) = &p.zone {
        Zone::of(name.trim())?;
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
                DataType::TimestampNtz => ca.iter().map(|v| v.and_then(string_to_timestamp_ntz)).collect(),
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
    use crate::compat::calendar::days_from_civil;

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
        assert_eq!(string_to_timestamp_ntz("2024-01-02T03:04:05Z"), at(2024, 1, 2, 3, 4, 5, 0));
        assert_eq!(string_to_timestamp_ntz("03:04:05"), None);
    }
}
