//! Spark's interval values: their text forms live in `ir::text` (literal names use
//! them); this module holds what runs on columns.

pub use crate::ir::text::{calendar_interval_text, day_time_interval_text, year_month_interval_text};

use super::calendar::{civil_from_days, days_from_civil, month_length, MICROS_PER_DAY};
use super::timezone::Zone;
use polars::prelude::{self as pl, Column, DataType as PlType, Int64Chunked, IntoColumn, IntoSeries, PolarsResult};

/// An interval as months, days and microseconds (any of Spark's three kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub months: i64,
    pub days: i64,
    pub micros: i64,
}

impl Shift {
    pub fn times(self, sign: i64) -> Option<Shift> {
        Some(Shift { months: self.months.checked_mul(sign)?, days: self.days.checked_mul(sign)?, micros: self.micros.checked_mul(sign)? })
    }
}

/// `LocalDate.plusMonths(m).plusDays(d)`.
fn add_months_days(day: i64, months: i64, days: i64) -> Option<i64> {
    let (y, m, d) = civil_from_days(day);
    let total = y.checked_mul(12)?.checked_add(m as i64 - 1)?.checked_add(months)?;
    let (ny, nm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    if !(-999_999_999..=999_999_999).contains(&ny) {
        return None;
    }
    days_from_civil(ny, nm, d.min(month_length(ny, nm))).checked_add(days)
}

/// A date plus months and days (a calendar interval's microseconds taken as whole days).
pub fn add_to_date(day: i64, s: Shift) -> Option<i64> {
    add_months_days(day, s.months, s.days.checked_add(s.micros / MICROS_PER_DAY)?)
}

/// Spark's timestamp arithmetic in a zone: months and days on the local calendar (a
/// day-time interval's whole days too, as `timestampAddDayTime` splits them off),
/// the rest on the instant line.
pub fn add_to_timestamp(micros: i64, s: Shift, zone: &Zone) -> Option<i64> {
    let (days, rest) = if s.months == 0 && s.days == 0 {
        (s.micros / MICROS_PER_DAY, s.micros % MICROS_PER_DAY)
    } else {
        (s.days, s.micros)
    };
    let offset = zone.offset_at(micros.div_euclid(1_000_000)) as i64 * 1_000_000;
    let local = micros.checked_add(offset)?;
    let day = local.div_euclid(MICROS_PER_DAY);
    let shifted = add_months_days(day, s.months, days)?.checked_mul(MICROS_PER_DAY)?.checked_add(local.rem_euclid(MICROS_PER_DAY))?;
    // The earlier offset is kept where it is still valid (ZonedDateTime.plus).
    let keep = shifted.checked_sub(offset)?;
    let start = if zone.offset_at(keep.div_euclid(1_000_000)) as i64 * 1_000_000 == offset { keep } else { zone.local_to_utc(shifted) };
    start.checked_add(rest)
}

/// A date (days) or timestamp (microseconds) column plus a constant number of months:
/// Spark's `DateAddYMInterval` (`zone` None) and `TimestampAddYMInterval` in `zone`, as a
/// RANGE frame's bound computes them. A result past the calendar saturates to the far
/// end it heads for (bounds are only compared, and the order is kept); NULL stays NULL.
pub fn plus_months_column(values: pl::Expr, months: i64, zone: Option<Zone>) -> pl::Expr {
    values.cast(PlType::Int64).map(
        move |c: Column| -> PolarsResult<Column> {
            let s = c.as_materialized_series();
            let shift = Shift { months, days: 0, micros: 0 };
            let far = if months < 0 { i64::MIN } else { i64::MAX };
            let out: Int64Chunked = s
                .i64()?
                .iter()
                .map(|v| {
                    v.map(|x| {
                        let shifted = match &zone {
                            None => add_to_date(x, shift),
                            Some(z) => add_to_timestamp(x, shift, z),
                        };
                        shifted.unwrap_or(far)
                    })
                })
                .collect();
            Ok(out.with_name(s.name().clone()).into_series().into_column())
        },
        |_, field| Ok(pl::Field::new(field.name().clone(), PlType::Int64)),
    )
}

/// The field index of a unit name: day-time (`DAY`=0..`SECOND`=3) or year-month
/// (`YEAR`=0, `MONTH`=1); plural and any case accepted.
pub fn interval_unit(name: &str) -> Option<(bool, u8)> {
    Some(match name.to_uppercase().trim_end_matches('S') {
        "DAY" => (true, 0),
        "HOUR" => (true, 1),
        "MINUTE" => (true, 2),
        "SECOND" => (true, 3),
        "YEAR" => (false, 0),
        "MONTH" => (false, 1),
        _ => return None,
    })
}

/// An ANSI interval literal's text (`'1 02:03:04.5'` for `DAY TO SECOND`): its
/// microseconds or months, or None when Spark would refuse it.
pub fn parse_interval_text(text: &str, day_time: bool, start: u8, end: u8) -> Option<i64> {
    let t = text.trim();
    let (negative, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let number = |s: &str| -> Option<i64> { if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { None } };
    let value = if day_time {
        // Split into the fields from `start` to `end`: days, then `h:m:s` with `:`.
        let mut parts: Vec<&str> = vec![];
        let mut rest = body;
        if start == 0 && end > 0 {
            let (d, r) = rest.split_once(' ')?;
            parts.push(d);
            rest = r;
            parts.extend(rest.split(':'));
        } else {
            parts.extend(rest.split(':'));
        }
        if parts.len() != (end - start + 1) as usize {
            return None;
        }
        let mut micros: i128 = 0;
        for (k, part) in parts.iter().enumerate() {
            let field = start + k as u8;
            let leading = k == 0;
            let unit: i128 = [86_400_000_000, 3_600_000_000, 60_000_000, 1_000_000][field as usize];
            if field == 3 {
                let (whole, frac) = part.split_once('.').unwrap_or((part, ""));
                let secs = number(whole)?;
                if frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) || (!leading && secs >= 60) {
                    return None;
                }
                let frac_micros: i64 = format!("{frac:0<6}")[..6].parse().ok()?;
                micros += secs as i128 * unit + frac_micros as i128;
            } else {
                let v = number(part)?;
                let limit = [i64::MAX, 24, 60, 60][field as usize];
                if !leading && v >= limit {
                    return None;
                }
                micros += v as i128 * unit;
            }
        }
        i64::try_from(micros).ok()?
    } else if start == 0 && end == 1 {
        let (y, m) = body.split_once('-')?;
        let (y, m) = (number(y)?, number(m)?);
        if m > 11 {
            return None;
        }
        y.checked_mul(12)?.checked_add(m)?
    } else if start == 0 {
        number(body)?.checked_mul(12)?
    } else {
        number(body)?
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_literal_texts() {
        assert_eq!(parse_interval_text("1 02:03:04.5", true, 0, 3), Some(93_784_500_000));
        assert_eq!(parse_interval_text("-1", true, 0, 0), Some(-86_400_000_000));
        assert_eq!(parse_interval_text("25:01", true, 1, 2), Some(90_060_000_000));
        assert_eq!(parse_interval_text("1 24", true, 0, 1), None);
        assert_eq!(parse_interval_text("1-2", false, 0, 1), Some(14));
        assert_eq!(parse_interval_text("-1-2", false, 0, 1), Some(-14));
        assert_eq!(parse_interval_text("1.5", true, 3, 3), Some(1_500_000));
        assert_eq!(interval_unit("hours"), Some((true, 1)));
    }

    #[test]
    fn months_added_to_a_column_clamp_the_day_and_keep_nulls() {
        use polars::prelude::{df, IntoLazy};
        let day = |y, m, d| days_from_civil(y, m, d);
        let frame = df!("d" => [Some(day(2024, 3, 31)), None, Some(day(2023, 1, 31))]).unwrap();
        let out = frame.lazy().select([plus_months_column(pl::col("d"), -1, None)]).collect().unwrap();
        let got: Vec<Option<i64>> = out.columns()[0].i64().unwrap().iter().collect();
        assert_eq!(got, vec![Some(day(2024, 2, 29)), None, Some(day(2022, 12, 31))]);
        // Timestamps keep their time of day; past the calendar the bound saturates.
        let frame = df!("t" => [day(2024, 1, 31) * MICROS_PER_DAY + 5, i64::MAX]).unwrap();
        let out = frame.lazy().select([plus_months_column(pl::col("t"), 1, Some(Zone::utc()))]).collect().unwrap();
        let got: Vec<Option<i64>> = out.columns()[0].i64().unwrap().iter().collect();
        assert_eq!(got, vec![Some(day(2024, 2, 29) * MICROS_PER_DAY + 5), Some(i64::MAX)]);
    }
}
