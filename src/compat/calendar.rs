//! The proleptic Gregorian calendar as java.time counts it: days since 1970-01-01 to
//! and from year/month/day (any year, negative too), weekdays, and microsecond
//! timestamps split into a local date and time of day.

pub const MICROS_PER_SECOND: i64 = 1_000_000;
pub const MICROS_PER_DAY: i64 = 86_400 * MICROS_PER_SECOND;
pub const SECONDS_PER_DAY: i64 = 86_400;

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

// The civil date of an epoch day lives beside the text that prints it.
pub use crate::ir::text::civil_from_days;

pub fn is_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

pub fn month_length(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// ISO day of week: Monday = 1 ... Sunday = 7.
pub fn iso_weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday (4).
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// Day of the year, 1-based.
pub fn day_of_year(days: i64) -> u32 {
    let (y, _, _) = civil_from_days(days);
    (days - days_from_civil(y, 1, 1) + 1) as u32
}

/// A valid date, or None (`LocalDate.of` would throw).
pub fn checked_date(year: i64, month: i64, day: i64) -> Option<i64> {
    if !(1..=12).contains(&month) || day < 1 || day > month_length(year, month as u32) as i64 {
        return None;
    }
    Some(days_from_civil(year, month as u32, day as u32))
}

/// A local date-time broken into fields (`LocalDateTime` with microseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub micros: u32,
    /// Days since the epoch of the date.
    pub epoch_day: i64,
}

impl Fields {
    /// The fields of wall-clock microseconds since the epoch.
    pub fn of_micros(micros: i64) -> Fields {
        let epoch_day = micros.div_euclid(MICROS_PER_DAY);
        let of_day = micros.rem_euclid(MICROS_PER_DAY);
        let (year, month, day) = civil_from_days(epoch_day);
        let secs = of_day / MICROS_PER_SECOND;
        Fields {
            year,
            month,
            day,
            hour: (secs / 3600) as u32,
            minute: (secs / 60 % 60) as u32,
            second: (secs % 60) as u32,
            micros: (of_day % MICROS_PER_SECOND) as u32,
            epoch_day,
        }
    }
}

/// Wall-clock microseconds of a date and time of day (no range checks).
pub fn local_micros(epoch_day: i64, hour: i64, minute: i64, second: i64, micros: i64) -> i64 {
    epoch_day * MICROS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MICROS_PER_SECOND + micros
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2024, 2, 29), 19782);
        assert_eq!(civil_from_days(19782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(days_from_civil(-44, 3, 15)), (-44, 3, 15));
        for d in (-800_000..800_000).step_by(997) {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
    }

    #[test]
    fn weekdays_and_fields() {
        assert_eq!(iso_weekday(0), 4);
        assert_eq!(iso_weekday(days_from_civil(2024, 1, 1)), 1);
        assert_eq!(day_of_year(days_from_civil(2024, 12, 31)), 366);
        let f = Fields::of_micros(-1);
        assert_eq!((f.year, f.month, f.day, f.hour, f.minute, f.second, f.micros), (1969, 12, 31, 23, 59, 59, 999_999));
        assert_eq!(checked_date(2023, 2, 29), None);
        assert!(checked_date(2024, 2, 29).is_some());
    }
}
