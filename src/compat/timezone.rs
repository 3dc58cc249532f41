//! TIMESTAMP is an instant shown in the session time zone
//! (`spark.sql.session.timeZone`); PyRust stores it as UTC microseconds and converts
//! at the edges where Spark does: printing, casting to and from strings, and reading
//! timestamps from text files.

use crate::error::{Error, ErrorKind, Result};
use chrono::{DateTime, NaiveDateTime, Offset, TimeZone as _};
use chrono_tz::Tz;
use polars::prelude::{self as pl, lit, NonExistent, TimeZone};

/// The session time zone, checked as Spark checks it.
pub fn parse(name: &str) -> Result<Tz> {
    name.parse::<Tz>().map_err(|_| {
        Error::new(
            ErrorKind::IllegalArgument,
            "INVALID_CONF_VALUE.TIME_ZONE",
            format!("The value '{name}' in the config \"spark.sql.session.timeZone\" is invalid. Cannot resolve the given timezone."),
        )
    })
}

fn is_utc(tz: &Tz) -> bool {
    matches!(tz, Tz::UTC | Tz::Etc__UTC | Tz::GMT | Tz::Etc__GMT)
}

/// Wall-clock microseconds in `tz` of a UTC instant.
pub fn utc_to_local(micros: i64, tz: &Tz) -> i64 {
    if is_utc(tz) {
        return micros;
    }
    match DateTime::from_timestamp_micros(micros) {
        Some(t) => micros + tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc() as i64 * 1_000_000,
        None => micros,
    }
}

/// The UTC instant of a wall-clock time in `tz` (the earlier one when the clock
/// repeats; shifted forward across a gap, as java.time does).
pub fn local_to_utc(micros: i64, tz: &Tz) -> i64 {
    if is_utc(tz) {
        return micros;
    }
    let Some(local) = DateTime::from_timestamp_micros(micros).map(|t| t.naive_utc()) else { return micros };
    let resolve = |n: NaiveDateTime| tz.from_local_datetime(&n).earliest();
    let instant = resolve(local).or_else(|| resolve(local + chrono::Duration::hours(1)));
    match instant {
        Some(t) => t.timestamp_micros(),
        None => micros,
    }
}

/// Lowers "this naive datetime column is wall-clock time in `tz`" to UTC instants.
pub fn wall_clock_to_utc(e: pl::Expr, tz_name: &str) -> pl::Expr {
    match parse(tz_name) {
        Ok(tz) if is_utc(&tz) => e,
        Ok(tz) => {
            let zone = TimeZone::from_chrono(&tz);
            e.dt()
                .replace_time_zone(Some(zone), lit("earliest"), NonExistent::Null)
                .dt()
                .convert_time_zone(TimeZone::UTC)
                .dt()
                .replace_time_zone(None, lit("raise"), NonExistent::Raise)
        }
        Err(_) => e,
    }
}

/// Lowers UTC instants to naive wall-clock times in `tz`.
pub fn utc_to_wall_clock(e: pl::Expr, tz_name: &str) -> pl::Expr {
    match parse(tz_name) {
        Ok(tz) if is_utc(&tz) => e,
        Ok(tz) => e
            .dt()
            .replace_time_zone(Some(TimeZone::UTC), lit("raise"), NonExistent::Raise)
            .dt()
            .convert_time_zone(TimeZone::from_chrono(&tz))
            .dt()
            .replace_time_zone(None, lit("raise"), NonExistent::Raise),
        Err(_) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_a_zone() {
        let tz = parse("America/Los_Angeles").unwrap();
        // 2024-01-02 03:04:05 UTC is 2024-01-01 19:04:05 in Los Angeles (UTC-8).
        let utc = 1_704_164_645_000_000;
        let local = utc_to_local(utc, &tz);
        assert_eq!(local, utc - 8 * 3600 * 1_000_000);
        assert_eq!(local_to_utc(local, &tz), utc);
        assert!(parse("Not/AZone").is_err());
    }
}
