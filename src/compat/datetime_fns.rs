//! Spark's date and time arithmetic (`DateTimeUtils`): months added with the day
//! clamped, `months_between` on 31-day months, `next_day`, `timestampadd` (days on the
//! local calendar, smaller units on the instant line), `timestampdiff` (java.time's
//! `LocalDateTime.until`), `make_date`/`make_timestamp` with their field checks, and a
//! row kernel that raises Spark's errors only on the rows a query evaluates.

use super::calendar::{
    checked_date, civil_from_days, days_from_civil, iso_weekday, local_micros, month_length, Fields, MICROS_PER_DAY,
    MICROS_PER_SECOND,
};
use super::errors::runtime_error;
use super::timezone::Zone;
use crate::error::ErrorKind;
use polars::prelude::{self as pl, AnyValue, Column, IntoColumn, IntoSeries, PolarsResult};

/// A row's failure: a Spark error (ANSI), an error Spark raises in both modes, or,
/// where Spark returns NULL, nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum RowError {
    Spark { kind: ErrorKind, class: &'static str, message: String },
    /// Raised with ANSI off too: Spark's own overflow checks inside a function
    /// (`MathUtils.toIntExact`), which no `failOnError` guards.
    Always { kind: ErrorKind, class: &'static str, message: String },
    Null,
}

impl RowError {
    pub fn spark(kind: ErrorKind, class: &'static str, message: impl Into<String>) -> RowError {
        RowError::Spark { kind, class, message: message.into() }
    }
}

/// `DATETIME_FIELD_OUT_OF_BOUNDS` for a java.time field check.
pub fn field_out_of_bounds(detail: String) -> RowError {
    RowError::spark(
        ErrorKind::DateTime,
        "DATETIME_FIELD_OUT_OF_BOUNDS",
        format!("{detail}. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22023"),
    )
}

/// An integer value of a row (any integral or decimal type, truncated).
pub fn as_i64(v: &AnyValue) -> Option<i64> {
    Some(match v {
        AnyValue::Int8(x) => *x as i64,
        AnyValue::Int16(x) => *x as i64,
        AnyValue::Int32(x) => *x as i64,
        AnyValue::Int64(x) => *x,
        AnyValue::UInt8(x) => *x as i64,
        AnyValue::UInt16(x) => *x as i64,
        AnyValue::UInt32(x) => *x as i64,
        AnyValue::Date(d) => *d as i64,
        AnyValue::Datetime(us, _, _) | AnyValue::DatetimeOwned(us, _, _) => *us,
        AnyValue::Duration(us, _) => *us,
        _ => return None,
    })
}

pub fn as_str<'a>(v: &'a AnyValue) -> Option<&'a str> {
    match v {
        AnyValue::String(s) => Some(s),
        AnyValue::StringOwned(s) => Some(s.as_str()),
        _ => None,
    }
}

/// Evaluates `f` on every row of the inputs (literals broadcast). A row whose inputs
/// include a NULL is NULL unless `null_in` says otherwise. Spark errors fail the query
/// on rows of the `reachable` mask (all rows without one) when `fail` is set.
pub fn rows<T>(
    inputs: Vec<pl::Expr>,
    reachable: Option<pl::Expr>,
    fail: bool,
    out: pl::DataType,
    f: impl Fn(&[AnyValue]) -> Result<Option<T::Native>, RowError> + Send + Sync + 'static,
) -> pl::Expr
where
    T: pl::PolarsNumericType,
{
    let n_inputs = inputs.len();
    let mut inputs = inputs;
    let has_mask = reachable.is_some();
    if let Some(m) = reachable {
        inputs.push(m.fill_null(pl::lit(false)));
    }
    let first = inputs.remove(0);
    let out_type = out.clone();
    first.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let n = super::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let mask = if has_mask { cols.get(n_inputs) } else { None };
            let name = cols[0].name().clone();
            let mut values: Vec<Option<T::Native>> = Vec::with_capacity(n);
            let mut row: Vec<AnyValue> = Vec::with_capacity(n_inputs);
            for i in 0..n {
                row.clear();
                for c in &cols[..n_inputs] {
                    row.push(if c.len() == 1 { c.get(0)? } else { c.get(i)? });
                }
                if row.iter().any(|v| matches!(v, AnyValue::Null)) {
                    values.push(None);
                    continue;
                }
                match f(&row) {
                    Ok(v) => values.push(v),
                    Err(RowError::Spark { kind, class, message }) if fail => {
                        if super::checks::reached(mask, i)? {
                            return Err(runtime_error(kind, class, &message));
                        }
                        values.push(None);
                    }
                    Err(RowError::Always { kind, class, message }) => {
                        if super::checks::reached(mask, i)? {
                            return Err(runtime_error(kind, class, &message));
                        }
                        values.push(None);
                    }
                    Err(_) => values.push(None),
                }
            }
            let ca: pl::ChunkedArray<T> = values.into_iter().collect();
            let s = ca.into_series().with_name(name);
            let s = match &out_type {
                pl::DataType::Date => s.cast(&pl::DataType::Int32)?.cast(&pl::DataType::Date)?,
                t => s.cast(t)?,
            };
            Ok(s.into_column())
        },
        &inputs,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out.clone())),
    )
}

/// `LocalDate.plusMonths`: the day clamped to the end of the month.
pub fn add_months(days: i64, months: i64) -> Option<i64> {
    let (y, m, d) = civil_from_days(days);
    let total = y.checked_mul(12)?.checked_add(m as i64 - 1)?.checked_add(months)?;
    let (ny, nm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    if !(-999_999_999..=999_999_999).contains(&ny) {
        return None;
    }
    Some(days_from_civil(ny, nm, d.min(month_length(ny, nm))))
}

/// `add_months(date, n)` over columns (dates and INT months; a literal broadcasts).
pub fn add_months_column(dates: pl::Expr, months: pl::Expr) -> pl::Expr {
    dates.map_many(
        |cols: &mut [Column]| -> PolarsResult<Column> {
            let d = cols[0].as_materialized_series().cast(&pl::DataType::Int32)?;
            let m = cols[1].as_materialized_series().cast(&pl::DataType::Int32)?;
            let (d, m) = (d.i32()?, m.i32()?);
            let n = super::checks::broadcast_len([d.len(), m.len()]);
            let shift = |day: Option<i32>, months: Option<i32>| -> Option<i32> {
                add_months(day? as i64, months? as i64).and_then(|r| i32::try_from(r).ok())
            };
            let out: pl::Int32Chunked = if m.len() == 1 && n == d.len() {
                let months = m.get(0);
                d.iter().map(|day| shift(day, months)).collect()
            } else if d.len() == m.len() {
                d.iter().zip(m.iter()).map(|(day, months)| shift(day, months)).collect()
            } else {
                (0..n).map(|i| shift(d.get(if d.len() == 1 { 0 } else { i }), m.get(if m.len() == 1 { 0 } else { i }))).collect()
            };
            Ok(out.into_date().into_series().with_name(cols[0].name().clone()).into_column())
        },
        &[months],
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), pl::DataType::Date)),
    )
}

fn is_last_day_of_month(days: i64) -> bool {
    let (y, m, d) = civil_from_days(days);
    d == month_length(y, m)
}

/// `DateTimeUtils.monthsBetween` of two instants in `zone`: whole months, plus the
/// rest as a fraction of a 31-day month, rounded to 8 digits when `round_off`.
pub fn months_between(t1: i64, t2: i64, round_off: bool, zone: &Zone) -> f64 {
    let (l1, l2) = (zone.utc_to_local(t1), zone.utc_to_local(t2));
    let (d1, d2) = (l1.div_euclid(MICROS_PER_DAY), l2.div_euclid(MICROS_PER_DAY));
    let (y1, m1, dom1) = civil_from_days(d1);
    let (y2, m2, dom2) = civil_from_days(d2);
    let month_diff = (y1 - y2) * 12 + m1 as i64 - m2 as i64;
    if dom1 == dom2 || (is_last_day_of_month(d1) && is_last_day_of_month(d2)) {
        return month_diff as f64;
    }
    // Seconds since the start of each local day (as instants: a DST day is 23 or 25 hours).
    let start1 = zone.local_to_utc(d1 * MICROS_PER_DAY);
    let start2 = zone.local_to_utc(d2 * MICROS_PER_DAY);
    let seconds1 = (t1 - start1) / MICROS_PER_SECOND;
    let seconds2 = (t2 - start2) / MICROS_PER_SECOND;
    let seconds_diff = (dom1 as i64 - dom2 as i64) * 86_400 + seconds1 - seconds2;
    let diff = month_diff as f64 + seconds_diff as f64 / (31.0 * 86_400.0);
    if round_off {
        // Java's Math.round: half up, toward positive infinity.
        (diff * 1e8 + 0.5).floor() / 1e8
    } else {
        diff
    }
}

/// `DateTimeUtils.getDayOfWeekFromString`: ISO day (Monday = 1) of `SU`, `SUN`, `SUNDAY`...
pub fn day_of_week_from_string(s: &str) -> Option<u32> {
    Some(match s.to_uppercase().as_str() {
        "MO" | "MON" | "MONDAY" => 1,
        "TU" | "TUE" | "TUESDAY" => 2,
        "WE" | "WED" | "WEDNESDAY" => 3,
        "TH" | "THU" | "THURSDAY" => 4,
        "FR" | "FRI" | "FRIDAY" => 5,
        "SA" | "SAT" | "SATURDAY" => 6,
        "SU" | "SUN" | "SUNDAY" => 7,
        _ => return None,
    })
}

/// The first date after `days` that falls on ISO weekday `dow`.
pub fn next_day(days: i64, dow: u32) -> i64 {
    days + (dow as i64 - iso_weekday(days) as i64 - 1).rem_euclid(7) + 1
}

/// A ZonedDateTime-style shift of wall-clock time: the local time moved, then placed
/// back in the zone keeping the earlier offset where it is still valid.
fn shift_local(micros: i64, zone: &Zone, shift: impl Fn(i64) -> Option<i64>) -> Option<i64> {
    let offset = zone.offset_at(micros.div_euclid(MICROS_PER_SECOND)) as i64 * MICROS_PER_SECOND;
    let local = shift(micros.checked_add(offset)?)?;
    // `ZonedDateTime.ofLocal(ldt, zone, preferredOffset)`: keep the old offset if valid.
    let keep = local.checked_sub(offset)?;
    if zone.offset_at(keep.div_euclid(MICROS_PER_SECOND)) as i64 * MICROS_PER_SECOND == offset {
        return Some(keep);
    }
    Some(zone.local_to_utc(local))
}

/// A unit `timestampadd`/`timestampdiff` do not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownUnit;

/// `DateTimeUtils.timestampAdd`: None on overflow (`DATETIME_OVERFLOW`).
pub fn timestamp_add(unit: &str, quantity: i64, micros: i64, zone: &Zone) -> Result<Option<i64>, UnknownUnit> {
    // Time units move the instant; days and weeks move the local calendar.
    let exact = |amount: Option<i64>| micros.checked_add(amount?);
    let days = |n: Option<i64>| -> Option<i64> {
        let n = n?;
        shift_local(micros, zone, |l| l.checked_add(n.checked_mul(MICROS_PER_DAY)?))
    };
    let months = |m: Option<i64>| -> Option<i64> {
        let m = i32::try_from(m?).ok()? as i64;
        shift_local(micros, zone, |l| {
            let f = Fields::of_micros(l);
            let day = add_months(f.epoch_day, m)?;
            Some(day * MICROS_PER_DAY + l.rem_euclid(MICROS_PER_DAY))
        })
    };
    Ok(match unit.to_uppercase().as_str() {
        "MICROSECOND" => exact(Some(quantity)),
        "MILLISECOND" => exact(quantity.checked_mul(1000)),
        "SECOND" => exact(quantity.checked_mul(MICROS_PER_SECOND)),
        "MINUTE" => exact(quantity.checked_mul(60 * MICROS_PER_SECOND)),
        "HOUR" => exact(quantity.checked_mul(3600 * MICROS_PER_SECOND)),
        "DAY" | "DAYOFYEAR" => days(Some(quantity)),
        "WEEK" => days(quantity.checked_mul(7)),
        "MONTH" => months(Some(quantity)),
        "QUARTER" => months(quantity.checked_mul(3)),
        "YEAR" => months(quantity.checked_mul(12)),
        _ => return Err(UnknownUnit),
    })
}

/// Whether `unit` is one `timestampadd`/`timestampdiff` know.
pub fn is_datetime_unit(unit: &str) -> bool {
    matches!(
        unit.to_uppercase().as_str(),
        "MICROSECOND" | "MILLISECOND" | "SECOND" | "MINUTE" | "HOUR" | "DAY" | "DAYOFYEAR" | "WEEK" | "MONTH" | "QUARTER" | "YEAR"
    )
}

/// java.time's `LocalDate.monthsUntil`.
fn months_until(d1: i64, d2: i64) -> i64 {
    let packed = |d: i64| {
        let (y, m, dd) = civil_from_days(d);
        (y * 12 + m as i64 - 1) * 32 + dd as i64
    };
    (packed(d2) - packed(d1)) / 32
}

/// `DateTimeUtils.timestampDiff`: `LocalDateTime.until` of the two instants' local
/// times in `zone`; None for an unknown unit.
pub fn timestamp_diff(unit: &str, start: i64, end: i64, zone: &Zone) -> Option<i64> {
    let (s, e) = (zone.utc_to_local(start), zone.utc_to_local(end));
    let (sd, ed) = (s.div_euclid(MICROS_PER_DAY), e.div_euclid(MICROS_PER_DAY));
    let (st, et) = (s.rem_euclid(MICROS_PER_DAY), e.rem_euclid(MICROS_PER_DAY));
    let unit = unit.to_uppercase();
    let per_day = match unit.as_str() {
        "MICROSECOND" => Some(1),
        "MILLISECOND" => Some(1000),
        "SECOND" => Some(MICROS_PER_SECOND),
        "MINUTE" => Some(60 * MICROS_PER_SECOND),
        "HOUR" => Some(3600 * MICROS_PER_SECOND),
        _ => None,
    };
    if let Some(unit_micros) = per_day {
        let mut days = ed - sd;
        if days == 0 {
            return Some((et - st) / unit_micros);
        }
        let mut time = et - st;
        if days > 0 {
            days -= 1;
            time += MICROS_PER_DAY;
        } else {
            days += 1;
            time -= MICROS_PER_DAY;
        }
        return Some(days * (MICROS_PER_DAY / unit_micros) + time / unit_micros);
    }
    // Date-based units: the end date moves a day when its time of day is not reached.
    let mut end_day = ed;
    if ed > sd && et < st {
        end_day -= 1;
    } else if ed < sd && et > st {
        end_day += 1;
    }
    Some(match unit.as_str() {
        "DAY" => end_day - sd,
        "WEEK" => (end_day - sd) / 7,
        "MONTH" => months_until(sd, end_day),
        "QUARTER" => months_until(sd, end_day) / 3,
        "YEAR" => months_until(sd, end_day) / 12,
        _ => return None,
    })
}

/// `make_date`: `LocalDate.of` with java.time's messages, then Spark's
/// `localDateToDays`, whose `toIntExact` overflows (in both ANSI modes) for a valid
/// java.time year beyond the ±5.8 million years an INT of days holds.
pub fn make_date(year: i64, month: i64, day: i64) -> Result<i64, RowError> {
    let days = local_date(year, month, day)?;
    if i32::try_from(days).is_err() {
        return Err(RowError::Always {
            kind: ErrorKind::Arithmetic,
            class: "ARITHMETIC_OVERFLOW",
            message: "integer overflow. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003".into(),
        });
    }
    Ok(days)
}

/// `LocalDate.of` with java.time's messages: the epoch day of a valid date.
fn local_date(year: i64, month: i64, day: i64) -> Result<i64, RowError> {
    if !(-999_999_999..=999_999_999).contains(&year) {
        return Err(field_out_of_bounds(format!("Invalid value for Year (valid values -999999999 - 999999999): {year}")));
    }
    if !(1..=12).contains(&month) {
        return Err(field_out_of_bounds(format!("Invalid value for MonthOfYear (valid values 1 - 12): {month}")));
    }
    if !(1..=31).contains(&day) {
        return Err(field_out_of_bounds(format!("Invalid value for DayOfMonth (valid values 1 - 28/31): {day}")));
    }
    checked_date(year, month, day).ok_or_else(|| {
        let name = super::datetime_format::MONTHS_FULL[(month - 1) as usize];
        if month == 2 && day == 29 {
            field_out_of_bounds(format!("Invalid date 'February 29' as '{year}' is not a leap year"))
        } else {
            field_out_of_bounds(format!("Invalid date '{} {day}'", name.to_uppercase()))
        }
    })
}

/// `make_timestamp`'s wall-clock time: seconds with a fraction (microseconds), 60
/// meaning the next minute when the fraction is zero.
pub fn make_local_timestamp(y: i64, mo: i64, d: i64, h: i64, mi: i64, sec_micros: i64) -> Result<i64, RowError> {
    let day = local_date(y, mo, d)?;
    let (sec, frac) = (sec_micros.div_euclid(MICROS_PER_SECOND), sec_micros.rem_euclid(MICROS_PER_SECOND));
    let check = |name: &str, v: i64, hi: i64| {
        if (0..=hi).contains(&v) {
            Ok(())
        } else {
            Err(field_out_of_bounds(format!("Invalid value for {name} (valid values 0 - {hi}): {v}")))
        }
    };
    check("HourOfDay", h, 23)?;
    check("MinuteOfHour", mi, 59)?;
    if sec == 60 && frac == 0 {
        return Ok(local_micros(day, h, mi, 0, 0) + 60 * MICROS_PER_SECOND);
    }
    if sec >= 60 || sec_micros < 0 {
        if sec_micros >= 60 * MICROS_PER_SECOND {
            let text = crate::ir::text::decimal_text(sec_micros as i128, 6).trim_end_matches('0').trim_end_matches('.').to_string();
            return Err(RowError::spark(
                ErrorKind::DateTime,
                "INVALID_FRACTION_OF_SECOND",
                format!("Valid range for seconds is [0, 60] (inclusive), but the provided value is {text}. To avoid this error, use `try_make_timestamp`, which returns NULL on error.\nIf you do not want to use the session default timestamp version of this function, use `try_make_timestamp_ntz` or `try_make_timestamp_ltz`. SQLSTATE: 22023"),
            ));
        }
        check("SecondOfMinute", sec, 59)?;
    }
    Ok(local_micros(day, h, mi, sec, frac))
}

/// Unscaled BIGINT values as a DECIMAL(p, s) column.
pub fn unscaled_decimal(e: pl::Expr, precision: usize, scale: usize) -> pl::Expr {
    e.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let s = cols[0].as_materialized_series().cast(&pl::DataType::Int128)?;
            Ok(s.into_decimal(precision, scale)?.into_column())
        },
        &[],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), pl::DataType::Decimal(precision, scale))),
    )
}

/// `INVALID_TIMEZONE` for a zone name java.time does not know.
pub fn invalid_timezone(name: &str) -> RowError {
    RowError::spark(
        ErrorKind::DateTime,
        "INVALID_TIMEZONE",
        format!("The timezone: {name} is invalid. The timezone must be either a region-based zone ID or a zone offset. Region IDs must have the form 'area/city', such as 'America/Los_Angeles'. Zone offsets must be in the format '(+|-)HH', '(+|-)HH:mm’ or '(+|-)HH:mm:ss', e.g '-08' , '+01:00' or '-13:33:33', and must be in the range from -18:00 to +18:00. 'Z' and 'UTC' are accepted as synonyms for '+00:00'. SQLSTATE: 22009"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d)
    }

    #[test]
    fn months_and_next_days() {
        assert_eq!(add_months(day(2024, 1, 31), 1), Some(day(2024, 2, 29)));
        assert_eq!(add_months(day(2024, 3, 31), -13), Some(day(2023, 2, 28)));
        assert_eq!(next_day(day(2024, 1, 2), 1), day(2024, 1, 8));
        assert_eq!(next_day(day(2024, 1, 1), 1), day(2024, 1, 8));
        assert_eq!(day_of_week_from_string("su"), Some(7));
        assert_eq!(day_of_week_from_string("xx"), None);
    }

    #[test]
    fn months_between_like_spark() {
        let utc = Zone::utc();
        let t = |y, m, d| day(y, m, d) * MICROS_PER_DAY;
        assert_eq!(months_between(t(2024, 1, 31), t(2024, 2, 29), true, &utc), -1.0);
        assert_eq!(months_between(t(1997, 2, 28) + 10 * 3600 * MICROS_PER_SECOND + 30 * 60 * MICROS_PER_SECOND, t(1996, 10, 30), true, &utc), 3.94959677);
    }

    #[test]
    fn timestamp_arithmetic() {
        let utc = Zone::utc();
        let t = |y, m, d| day(y, m, d) * MICROS_PER_DAY;
        assert_eq!(timestamp_add("month", 1, t(2024, 1, 31), &utc), Ok(Some(t(2024, 2, 29))));
        assert_eq!(timestamp_add("x", 1, 0, &utc), Err(UnknownUnit));
        assert_eq!(timestamp_add("DAY", i64::MAX, 0, &utc), Ok(None));
        assert_eq!(timestamp_diff("MONTH", t(2024, 1, 31), t(2024, 2, 29), &utc), Some(0));
        assert_eq!(timestamp_diff("DAY", t(2024, 1, 2) + 1, t(2024, 1, 3), &utc), Some(0));
        assert_eq!(timestamp_diff("HOUR", t(2024, 1, 3), t(2024, 1, 2) + 1, &utc), Some(-23));
        let la = Zone::of("America/Los_Angeles").unwrap();
        // A day on the local calendar across the spring gap is 23 hours.
        let start = la.local_to_utc(t(2024, 3, 9) + 12 * 3600 * MICROS_PER_SECOND);
        let next = timestamp_add("DAY", 1, start, &la).unwrap().unwrap();
        assert_eq!(next - start, 23 * 3600 * MICROS_PER_SECOND);
    }

    #[test]
    fn making_dates_and_times() {
        assert!(make_date(2023, 2, 29).is_err());
        assert_eq!(make_date(2024, 2, 29), Ok(day(2024, 2, 29)));
        // A valid java.time year whose epoch day is no INT: Spark's toIntExact.
        assert!(matches!(make_date(-559_580_957, 1, 10), Err(RowError::Always { class: "ARITHMETIC_OVERFLOW", .. })));
        assert!(matches!(make_date(1_000_000_000, 1, 10), Err(RowError::Spark { .. })));
        assert_eq!(make_local_timestamp(2024, 1, 2, 3, 4, 60 * MICROS_PER_SECOND), Ok(local_micros(day(2024, 1, 2), 3, 5, 0, 0)));
        assert!(make_local_timestamp(2024, 1, 2, 3, 4, 60 * MICROS_PER_SECOND + 1).is_err());
        assert!(make_local_timestamp(2024, 1, 2, 24, 4, 0).is_err());
    }
}
