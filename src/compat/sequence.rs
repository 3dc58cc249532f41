//! Spark's `sequence(start, stop[, step])`: integers stepped as integers; dates and
//! timestamps stepped by an interval, as Spark's `IntegralSequenceImpl`,
//! `TemporalSequenceImpl`, `DurationSequenceImpl` and `PeriodSequenceImpl` step them.
//! Values are days (dates), microseconds (timestamps) or integers. A step of whole
//! days over dates, or of microseconds only over timestamps, is an integral sequence;
//! any other temporal step adds `i` steps to the start (months and days on the
//! local calendar) until the stop is passed. The errors name the boundaries as Spark
//! does: in days or microseconds, whichever the path steps in.

use super::calendar::MICROS_PER_DAY;
use super::interval::{add_to_timestamp, Shift};
use super::timezone::Zone;

/// Spark's `ByteArrayMethods.MAX_ROUNDED_ARRAY_LENGTH`.
pub const MAX_LENGTH: i64 = i32::MAX as i64 - 15;

/// Spark's (over-)estimate of a month when sizing a temporal sequence.
const MICROS_PER_MONTH: i64 = 28 * MICROS_PER_DAY;

/// What the start and stop are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Integral,
    /// A date: days since the epoch.
    Days,
    /// A timestamp: microseconds since the epoch.
    Micros,
}

/// The step, as the kind of value it is.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    /// An integer (integral sequences).
    Count(i64),
    /// A legacy interval: months, days and microseconds.
    Calendar(Shift),
    /// A day-time interval: microseconds.
    DayTime(i64),
    /// A year-month interval: months.
    YearMonth(i64),
}

#[derive(Debug, PartialEq, Eq)]
pub enum SequenceError {
    /// The step does not lead from start to stop: the boundaries and the step as
    /// Spark prints them.
    Boundaries(String),
    /// More elements than an array holds.
    TooLong(i64),
    /// More bytes than PyRust builds in one value (`compat::limits`).
    TooLarge(u128),
    /// A date sequence stepped by less than a day: the kind of interval.
    DayGranularity(&'static str),
}

/// The elements from `start` to `stop` (both in `unit`); `zone` is the session zone
/// for timestamps (UTC for dates and TIMESTAMP_NTZ).
pub fn sequence(start: i64, stop: i64, step: Step, unit: Unit, zone: &Zone) -> Result<Vec<i64>, SequenceError> {
    let scale = if unit == Unit::Days { MICROS_PER_DAY } else { 1 };
    match step {
        Step::Count(step) => integral(start, stop, step),
        Step::Calendar(s) => {
            if unit == Unit::Days && s.months == 0 && s.days == 0 {
                return Err(SequenceError::DayGranularity("interval"));
            }
            if unit == Unit::Days && s.months == 0 && s.micros == 0 {
                return integral(start, stop, s.days);
            }
            if unit == Unit::Micros && s.months == 0 && s.days == 0 {
                return integral(start, stop, s.micros);
            }
            let estimated = s.micros.wrapping_add(s.months.wrapping_mul(MICROS_PER_MONTH)).wrapping_add(s.days.wrapping_mul(MICROS_PER_DAY));
            temporal(start, stop, scale, estimated, &calendar_text(s), zone, |i| {
                Some(Shift { months: s.months.checked_mul(i)?, days: s.days.checked_mul(i)?, micros: s.micros.checked_mul(i)? })
            })
        }
        Step::DayTime(micros) => {
            if unit == Unit::Days {
                if micros / MICROS_PER_DAY == 0 {
                    return Err(SequenceError::DayGranularity("interval day to second"));
                }
                if micros % MICROS_PER_DAY == 0 {
                    return integral(start, stop, micros / MICROS_PER_DAY);
                }
            }
            temporal(start, stop, scale, micros, &micros.to_string(), zone, |i| Some(Shift { months: 0, days: 0, micros: micros.checked_mul(i)? }))
        }
        Step::YearMonth(months) => temporal(start, stop, scale, months.wrapping_mul(MICROS_PER_MONTH), &months.to_string(), zone, |i| {
            Some(Shift { months: months.checked_mul(i)?, days: 0, micros: 0 })
        }),
    }
}

/// Spark's `getSequenceLength`: the number of elements, or why there are none.
fn length(start: i64, stop: i64, step: i64, step_text: &dyn Fn() -> String) -> Result<i64, SequenceError> {
    let fits = (step > 0 && start <= stop) || (step < 0 && start >= stop) || (step == 0 && start == stop);
    if !fits {
        return Err(SequenceError::Boundaries(format!("{start} to {stop} by {}", step_text())));
    }
    let len = if start == stop { 1 } else { 1 + stop.wrapping_sub(start) / step };
    if len > MAX_LENGTH {
        return Err(SequenceError::TooLong(len));
    }
    if super::limits::too_large(len as u128, 8) {
        return Err(SequenceError::TooLarge(len as u128 * 8));
    }
    Ok(len)
}

fn integral(start: i64, stop: i64, step: i64) -> Result<Vec<i64>, SequenceError> {
    let len = length(start, stop, step, &|| step.to_string())?;
    Ok((0..len).map(|i| start.wrapping_add(i.wrapping_mul(step))).collect())
}

/// A temporal sequence in microseconds: `shift(i)` is the i-th step's interval,
/// added to the start in `zone`; each element is the sum divided by `scale` (1 for
/// timestamps, a day for dates), rounded down as Spark's `floorDiv`.
fn temporal(
    start: i64,
    stop: i64,
    scale: i64,
    estimated_step: i64,
    step_text: &str,
    zone: &Zone,
    shift: impl Fn(i64) -> Option<Shift>,
) -> Result<Vec<i64>, SequenceError> {
    let (start, stop) = (start.wrapping_mul(scale), stop.wrapping_mul(scale));
    let most = length(start, stop, estimated_step, &|| step_text.to_string())?;
    let sign = if estimated_step > 0 { 1 } else { -1 };
    let exclusive = stop.wrapping_add(sign);
    let mut out = Vec::new();
    let mut t = start;
    while ((t < exclusive) != (sign < 0)) && (out.len() as i64) < most {
        out.push(t.div_euclid(scale));
        let next = shift(out.len() as i64).and_then(|s| add_to_timestamp(start, s, zone));
        let Some(next) = next else { break };
        t = next;
    }
    Ok(out)
}

/// `CalendarInterval.toString`: `1 months 2 days 3 hours 4 minutes 5.5 seconds`.
fn calendar_text(s: Shift) -> String {
    if s.months == 0 && s.days == 0 && s.micros == 0 {
        return "0 seconds".into();
    }
    let mut parts = vec![];
    if s.months != 0 {
        parts.push(format!("{} months", s.months));
    }
    if s.days != 0 {
        parts.push(format!("{} days", s.days));
    }
    if s.micros != 0 {
        let mut rest = s.micros;
        let hours = rest / 3_600_000_000;
        rest -= hours * 3_600_000_000;
        let minutes = rest / 60_000_000;
        rest -= minutes * 60_000_000;
        if hours != 0 {
            parts.push(format!("{hours} hours"));
        }
        if minutes != 0 {
            parts.push(format!("{minutes} minutes"));
        }
        if rest != 0 {
            parts.push(format!("{} seconds", seconds_text(rest)));
        }
    }
    parts.join(" ")
}

/// Microseconds as seconds with the trailing zeros of the fraction dropped.
fn seconds_text(micros: i64) -> String {
    let sign = if micros < 0 { "-" } else { "" };
    let (whole, fraction) = (micros.unsigned_abs() / 1_000_000, micros.unsigned_abs() % 1_000_000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc() -> Zone {
        Zone::utc()
    }

    #[test]
    fn integers_both_ways_and_by_steps() {
        assert_eq!(integral(1, 5, 2), Ok(vec![1, 3, 5]));
        assert_eq!(integral(5, 1, -2), Ok(vec![5, 3, 1]));
        assert_eq!(integral(3, 3, 0), Ok(vec![3]));
        assert_eq!(integral(1, 5, -1), Err(SequenceError::Boundaries("1 to 5 by -1".into())));
        assert_eq!(integral(0, 3_000_000_000, 1), Err(SequenceError::TooLong(3_000_000_001)));
    }

    #[test]
    fn dates_by_months_keep_the_day_where_it_exists() {
        // 2024-01-31 by one month to 2024-06-01.
        let got = sequence(19753, 19875, Step::YearMonth(1), Unit::Days, &utc()).unwrap();
        let days: Vec<(i64, u32, u32)> = got.iter().map(|d| super::super::calendar::civil_from_days(*d)).collect();
        assert_eq!(days, vec![(2024, 1, 31), (2024, 2, 29), (2024, 3, 31), (2024, 4, 30), (2024, 5, 31)]);
    }

    #[test]
    fn dates_need_whole_days() {
        let half_day = Step::DayTime(MICROS_PER_DAY / 2);
        assert_eq!(sequence(0, 1, half_day, Unit::Days, &utc()), Err(SequenceError::DayGranularity("interval day to second")));
        // A day and a half: the elements fall inside days 0 and 1.
        assert_eq!(sequence(0, 2, Step::DayTime(MICROS_PER_DAY * 3 / 2), Unit::Days, &utc()), Ok(vec![0, 1]));
    }

    #[test]
    fn calendar_intervals_print_as_spark() {
        let s = Shift { months: -1, days: 1, micros: 2 * 3_600_000_000 + 3 * 60_000_000 + 4_500_000 };
        assert_eq!(calendar_text(s), "-1 months 1 days 2 hours 3 minutes 4.5 seconds");
        assert_eq!(calendar_text(Shift { months: 0, days: -1, micros: 0 }), "-1 days");
    }
}
