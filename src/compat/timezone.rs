//! TIMESTAMP is an instant shown in the session time zone
//! (`spark.sql.session.timeZone`); PyRust stores it as UTC microseconds and converts
//! at the edges where Spark does: printing, casting to and from strings, dates,
//! datetime functions, and reading timestamps from text files.
//!
//! Zones are java.time's: `ZoneId.of` names (tzdb regions, `UTC`/`GMT`, offsets such as
//! `+05:30` and `GMT+1`, Spark's `+8:00` form, the short ids `PST`...), and a
//! wall-clock time in a gap or overlap resolves as `ZonedDateTime.of` does. The tzdb
//! tables of chrono-tz end in 2037, where Java keeps applying a zone's last rules
//! (daylight saving time in 2100 too): past the tables, the yearly transitions of
//! 2030-2037 are read off as rules ("first Sunday on or after March 8, 02:00") and
//! extrapolated (`Rules`).

use super::calendar::{civil_from_days, days_from_civil, iso_weekday, month_length, MICROS_PER_SECOND, SECONDS_PER_DAY};
use crate::error::{Error, ErrorKind, Result};
use chrono::{DateTime, Offset, TimeZone as _};
use chrono_tz::Tz;
use polars::prelude::{self as pl, Column, IntoColumn, IntoSeries, PolarsResult};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A time zone as java.time's `ZoneId`.
#[derive(Debug, Clone)]
pub enum Zone {
    /// A fixed offset from UTC, in seconds: `UTC`, `Z`, `+05:30`, `GMT-8`.
    Fixed { id: String, offset: i32 },
    /// A tzdb region, with the rules that continue its table.
    Region { id: String, tz: Tz, rules: Option<Arc<Rules>> },
}

/// The session time zone, checked as Spark checks it.
pub fn parse(name: &str) -> Result<Zone> {
    Zone::of(name).ok_or_else(|| {
        Error::new(
            ErrorKind::IllegalArgument,
            "INVALID_CONF_VALUE.TIME_ZONE",
            format!("The value '{name}' in the config \"spark.sql.session.timeZone\" is invalid. Cannot resolve the given timezone."),
        )
    })
}

/// Java's `ZoneId.SHORT_IDS`, which Spark's `getZoneId` accepts.
const SHORT_IDS: &[(&str, &str)] = &[
    ("ACT", "Australia/Darwin"),
    ("AET", "Australia/Sydney"),
    ("AGT", "America/Argentina/Buenos_Aires"),
    ("ART", "Africa/Cairo"),
    ("AST", "America/Anchorage"),
    ("BET", "America/Sao_Paulo"),
    ("BST", "Asia/Dhaka"),
    ("CAT", "Africa/Harare"),
    ("CNT", "America/St_Johns"),
    ("CST", "America/Chicago"),
    ("CTT", "Asia/Shanghai"),
    ("EAT", "Africa/Addis_Ababa"),
    ("ECT", "Europe/Paris"),
    ("IET", "America/Indiana/Indianapolis"),
    ("IST", "Asia/Kolkata"),
    ("JST", "Asia/Tokyo"),
    ("MIT", "Pacific/Apia"),
    ("NET", "Asia/Yerevan"),
    ("NST", "Pacific/Auckland"),
    ("PLT", "Asia/Karachi"),
    ("PNT", "America/Phoenix"),
    ("PRT", "America/Puerto_Rico"),
    ("PST", "America/Los_Angeles"),
    ("SST", "Pacific/Guadalcanal"),
    ("VST", "Asia/Ho_Chi_Minh"),
    ("EST", "-05:00"),
    ("MST", "-07:00"),
    ("HST", "-10:00"),
];

/// An offset written as Java's `ZoneOffset.of` reads it: `+h`, `+hh`, `+hh:mm`,
/// `+hhmm`, `+hh:mm:ss`, `+hhmmss`; at most 18 hours.
pub fn parse_offset(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits = |s: &str| -> Option<i32> {
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { None }
    };
    let (h, m, s) = match rest.len() {
        1 if rest.as_bytes()[0].is_ascii_digit() => (rest.parse().ok()?, 0, 0),
        2 => (digits(rest)?, 0, 0),
        4 => (digits(&rest[..2])?, digits(&rest[2..])?, 0),
        5 if &rest[2..3] == ":" => (digits(&rest[..2])?, digits(&rest[3..])?, 0),
        6 => (digits(&rest[..2])?, digits(&rest[2..4])?, digits(&rest[4..])?),
        8 if &rest[2..3] == ":" && &rest[5..6] == ":" => (digits(&rest[..2])?, digits(&rest[3..5])?, digits(&rest[6..])?),
        _ => return None,
    };
    if h > 18 || m > 59 || s > 59 || (h == 18 && (m > 0 || s > 0)) {
        return None;
    }
    Some(sign * (h * 3600 + m * 60 + s))
}

/// Java's id of a fixed offset: `Z`, `+05:30`, `-08:00`, `+01:02:03`.
pub fn offset_id(offset: i32) -> String {
    if offset == 0 {
        return "Z".into();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let a = offset.unsigned_abs();
    let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
    if s == 0 { format!("{sign}{h:02}:{m:02}") } else { format!("{sign}{h:02}:{m:02}:{s:02}") }
}

impl Zone {
    pub fn utc() -> Zone {
        Zone::Fixed { id: "UTC".into(), offset: 0 }
    }

    /// `DateTimeUtils.getZoneId`: Java's `ZoneId.of` with the short ids, after
    /// Spark widens a one-digit hour (`+8:00` is `+08:00`).
    pub fn of(name: &str) -> Option<Zone> {
        let widened = widen_hour(name);
        let name = widened.as_deref().unwrap_or(name);
        if let Some((_, target)) = SHORT_IDS.iter().find(|(short, _)| *short == name) {
            return Zone::of_id(target);
        }
        Zone::of_id(name)
    }

    /// Java's `ZoneId.of` without short ids.
    fn of_id(name: &str) -> Option<Zone> {
        if name == "Z" {
            return Some(Zone::Fixed { id: "Z".into(), offset: 0 });
        }
        if name.starts_with(['+', '-']) {
            let offset = parse_offset(name)?;
            return Some(Zone::Fixed { id: offset_id(offset), offset });
        }
        for prefix in ["UTC", "GMT", "UT"] {
            if let Some(rest) = name.strip_prefix(prefix) {
                if rest.is_empty() {
                    return Some(Zone::Fixed { id: prefix.into(), offset: 0 });
                }
                if rest.starts_with(['+', '-']) {
                    let offset = parse_offset(rest)?;
                    let id = if offset == 0 { prefix.to_string() } else { format!("{prefix}{}", offset_id(offset)) };
                    return Some(Zone::Fixed { id, offset });
                }
            }
        }
        let tz: Tz = name.parse().ok()?;
        Some(Zone::Region { id: name.to_string(), tz, rules: rules_for(tz) })
    }

    /// The zone's id as Java prints it (`VV`).
    pub fn id(&self) -> &str {
        match self {
            Zone::Fixed { id, .. } | Zone::Region { id, .. } => id,
        }
    }

    /// UTC itself (or any zone that is always UTC): conversions are the identity.
    pub fn is_utc(&self) -> bool {
        match self {
            Zone::Fixed { offset, .. } => *offset == 0,
            Zone::Region { tz, .. } => matches!(tz, Tz::UTC | Tz::Etc__UTC | Tz::GMT | Tz::Etc__GMT | Tz::Etc__UCT | Tz::UCT),
        }
    }

    /// The offset from UTC, in seconds, in effect at a UTC instant.
    pub fn offset_at(&self, utc_seconds: i64) -> i32 {
        match self {
            Zone::Fixed { offset, .. } => *offset,
            Zone::Region { tz, rules, .. } => match rules {
                Some(r) if utc_seconds >= r.from => r.offset_at(utc_seconds),
                _ => table_offset(tz, utc_seconds),
            },
        }
    }

    /// Wall-clock microseconds in this zone of a UTC instant.
    pub fn utc_to_local(&self, micros: i64) -> i64 {
        // Saturating: within a day of the microsecond range's ends the wall clock is
        // past it (Spark's java.time has room there; `truncate_to` computes it wide).
        micros.saturating_add(self.offset_at(micros.div_euclid(MICROS_PER_SECOND)) as i64 * MICROS_PER_SECOND)
    }

    /// The UTC instant of a wall-clock time, as `ZonedDateTime.of` resolves it: in an
    /// overlap the earlier instant, in a gap the time moved forward by the gap.
    pub fn local_to_utc(&self, micros: i64) -> i64 {
        let seconds = micros.div_euclid(MICROS_PER_SECOND);
        let before = self.offset_at(seconds - 2 * SECONDS_PER_DAY) as i64;
        let after = self.offset_at(seconds + 2 * SECONDS_PER_DAY) as i64;
        // Near no transition, or before it with the earlier offset (an overlap takes the
        // earlier instant), the earlier offset; after it, the later one; in a gap, the
        // instant the local time would have had with the earlier offset.
        let after_transition = before != after
            && self.offset_at(seconds - before) as i64 != before
            && self.offset_at(seconds - after) as i64 == after;
        let offset = if after_transition { after } else { before };
        micros.saturating_sub(offset * MICROS_PER_SECOND)
    }

    /// `ZonedDateTime.truncatedTo(unit)` of a UTC instant (`unit` in microseconds: a
    /// minute, hour or day): the wall clock truncated, resolved with the instant's own
    /// offset where that offset is valid there (a time in an overlap keeps its side of
    /// it), else as `local_to_utc` (truncating into a gap moves forward by the gap).
    pub fn truncate_to(&self, micros: i64, unit: i64) -> i64 {
        // Wide: the wall clock of an instant near the range's ends is past it.
        let local_of = |us: i64| us as i128 + self.offset_at(us.div_euclid(MICROS_PER_SECOND)) as i128 * MICROS_PER_SECOND as i128;
        let local = local_of(micros);
        let truncated = local - local.rem_euclid(unit as i128);
        // Less than a unit back (saturating at the range's start, where Spark's
        // java.time fails with "long overflow": docs/semantics.md).
        let same_offset = micros.saturating_sub((local - truncated) as i64);
        if local_of(same_offset) == truncated {
            same_offset
        } else {
            i64::try_from(truncated).map_or(same_offset, |t| self.local_to_utc(t))
        }
    }

    /// The tzdb abbreviation in effect at a UTC instant (`PST`), when there is one.
    pub fn abbreviation(&self, utc_seconds: i64) -> Option<String> {
        use chrono_tz::OffsetName;
        match self {
            Zone::Fixed { .. } => None,
            Zone::Region { tz, rules, .. } => {
                let probe = match rules {
                    // Past the table: the same season of the table's last year.
                    Some(r) if utc_seconds >= r.from => r.equivalent_in_table(utc_seconds),
                    _ => utc_seconds,
                };
                let t = DateTime::from_timestamp(probe, 0)?.naive_utc();
                tz.offset_from_utc_datetime(&t).abbreviation().map(str::to_string)
            }
        }
    }
}

/// Spark's `getZoneId` rewrites before `ZoneId.of`: the first `(+|-)h:` becomes
/// `(+|-)0h:` (`+8:00` is `+08:00`), then a trailing `(+|-)hh:m` becomes `(+|-)hh:0m`.
fn widen_hour(name: &str) -> Option<String> {
    let mut out = name.to_string();
    let b = name.as_bytes();
    let single_hour = (0..b.len().saturating_sub(2)).find(|&p| matches!(b[p], b'+' | b'-') && b[p + 1].is_ascii_digit() && b[p + 2] == b':');
    if let Some(p) = single_hour {
        out.insert(p + 1, '0');
    }
    let b = out.as_bytes();
    let n = b.len();
    let single_minute = n >= 5 && matches!(b[n - 5], b'+' | b'-') && b[n - 4].is_ascii_digit() && b[n - 3].is_ascii_digit() && b[n - 2] == b':' && b[n - 1].is_ascii_digit();
    if single_minute {
        out.insert(n - 1, '0');
    }
    (out != name).then_some(out)
}

fn table_offset(tz: &Tz, utc_seconds: i64) -> i32 {
    match DateTime::from_timestamp(utc_seconds, 0) {
        Some(t) => tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc(),
        // Beyond chrono's range: the offset at its edge.
        None => {
            let edge = if utc_seconds < 0 { DateTime::<chrono::Utc>::MIN_UTC } else { DateTime::<chrono::Utc>::MAX_UTC };
            tz.offset_from_utc_datetime(&edge.naive_utc()).fix().local_minus_utc()
        }
    }
}

/// The first instant chrono-tz has no transitions for: 2038-01-01T00:00:00Z.
const TABLE_END: i64 = 2_145_916_800;
/// The years whose transitions are read off as rules.
const RULE_YEARS: std::ops::RangeInclusive<i64> = 2030..=2037;

/// A yearly transition: at `local_seconds` (wall clock before it) on the first
/// `weekday` on or after day `min_day` of `month`, the offset changes to `after`.
#[derive(Debug, Clone, PartialEq)]
struct YearlyTransition {
    month: u32,
    min_day: u32,
    weekday: u32,
    local_seconds: i64,
    before: i32,
    after: i32,
}

/// The rules that continue a zone's table past 2037.
#[derive(Debug)]
pub struct Rules {
    /// Where the rules take over from the table (UTC seconds).
    from: i64,
    transitions: Vec<YearlyTransition>,
}

impl Rules {
    fn transition_instant(t: &YearlyTransition, year: i64) -> i64 {
        let first = days_from_civil(year, t.month, t.min_day);
        let shift = (t.weekday as i64 - iso_weekday(first) as i64).rem_euclid(7);
        (first + shift) * SECONDS_PER_DAY + t.local_seconds - t.before as i64
    }

    fn offset_at(&self, utc_seconds: i64) -> i32 {
        let (year, _, _) = civil_from_days(utc_seconds.div_euclid(SECONDS_PER_DAY));
        let mut best: Option<(i64, i32)> = None;
        for y in year - 1..=year {
            for t in &self.transitions {
                let at = Self::transition_instant(t, y);
                if at <= utc_seconds && best.is_none_or(|(b, _)| at > b) {
                    best = Some((at, t.after));
                }
            }
        }
        best.map(|(_, o)| o).unwrap_or(self.transitions[0].before)
    }

    /// The instant of the table's last year at the same point in the rule cycle
    /// (for abbreviations, which the rules do not carry).
    fn equivalent_in_table(&self, utc_seconds: i64) -> i64 {
        let offset = self.offset_at(utc_seconds);
        // A date in the last table year with the same offset: the transitions' midpoints.
        let last = *RULE_YEARS.end();
        let mut instants: Vec<i64> = self.transitions.iter().map(|t| Self::transition_instant(t, last)).collect();
        instants.sort();
        let probe = instants.iter().find(|at| self.offset_at(**at + 1) == offset).copied();
        probe.map(|p| p + 1).unwrap_or(TABLE_END - 1)
    }
}

/// The zone's rules past its table, worked out once per zone.
fn rules_for(tz: Tz) -> Option<Arc<Rules>> {
    static CACHE: OnceLock<Mutex<HashMap<Tz, Option<Arc<Rules>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(r) = cache.lock().ok()?.get(&tz) {
        return r.clone();
    }
    let rules = derive_rules(&tz).map(Arc::new);
    if let Ok(mut c) = cache.lock() {
        c.insert(tz, rules.clone());
    }
    rules
}

/// The transitions (instant, offset before, offset after) in `[from, to)`.
fn table_transitions(tz: &Tz, from: i64, to: i64) -> Vec<(i64, i32, i32)> {
    const STEP: i64 = 6 * 3600;
    let mut out = vec![];
    let mut t = from;
    let mut current = table_offset(tz, t);
    while t < to {
        let next = (t + STEP).min(to);
        let o = table_offset(tz, next);
        if o != current {
            // The first second with the new offset.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if table_offset(tz, mid) == current { lo = mid } else { hi = mid }
            }
            out.push((hi, current, o));
            current = o;
        }
        t = next;
    }
    out
}

/// Reads the yearly rules off the table's last years; None when the zone has no
/// transitions there (its last offset holds) or they follow no weekday rule.
fn derive_rules(tz: &Tz) -> Option<Rules> {
    let start = days_from_civil(*RULE_YEARS.start(), 1, 1) * SECONDS_PER_DAY;
    let found = table_transitions(tz, start, TABLE_END);
    let per_year = |y: i64| -> Vec<(i64, i32, i32)> {
        found.iter().copied().filter(|(at, _, _)| civil_from_days(at.div_euclid(SECONDS_PER_DAY)).0 == y).collect()
    };
    let last = per_year(*RULE_YEARS.end());
    if last.is_empty() {
        return None;
    }
    let mut transitions = vec![];
    for (k, &(_, before, after)) in last.iter().enumerate() {
        let mut seen: Vec<(u32, u32, u32, i64)> = vec![];
        for y in RULE_YEARS {
            let ts = per_year(y);
            if ts.len() != last.len() || ts[k].1 != before || ts[k].2 != after {
                return None;
            }
            let local = ts[k].0 + before as i64;
            let day = local.div_euclid(SECONDS_PER_DAY);
            let (_, month, dom) = civil_from_days(day);
            seen.push((month, dom, iso_weekday(day), local.rem_euclid(SECONDS_PER_DAY)));
        }
        let (month, _, weekday, local_seconds) = seen[0];
        if seen.iter().any(|s| s.0 != month || s.2 != weekday || s.3 != local_seconds) {
            return None;
        }
        let min_day = seen.iter().map(|s| s.1).min()?;
        if seen.iter().any(|s| s.1 > min_day + 6) || min_day + 6 > month_length(2037, month).max(28) {
            return None;
        }
        transitions.push(YearlyTransition { month, min_day, weekday, local_seconds, before, after });
    }
    Some(Rules { from: TABLE_END, transitions })
}

/// Wall-clock microseconds in `tz` of a UTC instant.
pub fn utc_to_local(micros: i64, zone: &Zone) -> i64 {
    zone.utc_to_local(micros)
}

/// The UTC instant of a wall-clock time in `zone`.
pub fn local_to_utc(micros: i64, zone: &Zone) -> i64 {
    zone.local_to_utc(micros)
}

/// A tzdb region given as chrono-tz's (the CSV reader's zones), with the rules
/// that continue its table past 2037.
pub fn region(tz: Tz) -> Zone {
    Zone::Region { id: tz.name().to_string(), tz, rules: rules_for(tz) }
}

/// Applies a function to the microseconds of a Datetime column (or of Int64).
fn map_micros(e: pl::Expr, f: impl Fn(i64) -> i64 + Send + Sync + 'static) -> pl::Expr {
    let dtype = pl::DataType::Datetime(pl::TimeUnit::Microseconds, None);
    e.map(
        move |c: Column| -> PolarsResult<Column> {
            let s = c.as_materialized_series();
            let ca = s.cast(&pl::DataType::Int64)?;
            let out: pl::Int64Chunked = ca.i64()?.apply_values(&f);
            Ok(out.into_series().with_name(s.name().clone()).cast(&dtype)?.into_column())
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), pl::DataType::Datetime(pl::TimeUnit::Microseconds, None))),
    )
}

/// UTC instants truncated to a minute, hour or day of their wall clock in `zone`
/// (`Zone::truncate_to`), as Spark's `date_trunc` does.
pub fn truncate_in_zone(e: pl::Expr, zone: Zone, unit_micros: i64) -> pl::Expr {
    map_micros(e, move |us| zone.truncate_to(us, unit_micros))
}

/// Lowers "this naive datetime column is wall-clock time in `tz`" to UTC instants.
pub fn wall_clock_to_utc(e: pl::Expr, tz_name: &str) -> pl::Expr {
    match Zone::of(tz_name) {
        Some(z) if z.is_utc() => e,
        Some(z) => map_micros(e, move |us| z.local_to_utc(us)),
        None => e,
    }
}

/// Lowers UTC instants to naive wall-clock times in `tz`.
pub fn utc_to_wall_clock(e: pl::Expr, tz_name: &str) -> pl::Expr {
    match Zone::of(tz_name) {
        Some(z) if z.is_utc() => e,
        Some(z) => map_micros(e, move |us| z.utc_to_local(us)),
        None => e,
    }
}

use pl::ChunkApply as _;

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 3600 * MICROS_PER_SECOND;

    fn utc(y: i64, m: u32, d: u32, h: i64) -> i64 {
        days_from_civil(y, m, d) * 86_400 * MICROS_PER_SECOND + h * HOUR
    }

    #[test]
    fn truncating_at_the_end_of_the_range_does_not_overflow() {
        let berlin = Zone::of("Europe/Berlin").unwrap();
        // 294247-01-10T04:00:54.775807Z, 05:00 in Berlin: the minute starts 54.775807 s before.
        assert_eq!(berlin.truncate_to(i64::MAX, 60 * MICROS_PER_SECOND), i64::MAX - 54_775_807);
        assert_eq!(berlin.utc_to_local(i64::MAX), i64::MAX);
    }

    #[test]
    fn truncating_keeps_the_side_of_an_overlap() {
        let la = Zone::of("America/Los_Angeles").unwrap();
        // 2024-11-03 09:00 UTC is the second 01:00 in Los Angeles (PST, after the
        // clocks went back from 01:59:59 PDT): truncated to the hour it stays itself.
        let second_one_am = utc(2024, 11, 3, 9);
        assert_eq!(la.truncate_to(second_one_am, HOUR), second_one_am);
        assert_eq!(la.truncate_to(second_one_am + HOUR / 2, HOUR), second_one_am);
        // The first 01:00 (PDT) is 08:00 UTC.
        assert_eq!(la.truncate_to(utc(2024, 11, 3, 8) + HOUR / 2, HOUR), utc(2024, 11, 3, 8));
        // To the day: midnight PDT, 07:00 UTC.
        assert_eq!(la.truncate_to(second_one_am, 24 * HOUR), utc(2024, 11, 3, 7));
    }

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

    #[test]
    fn daylight_saving_continues_past_the_table() {
        let la = Zone::of("America/Los_Angeles").unwrap();
        // 2100-07-01 12:00 UTC is 05:00 PDT, as Java extrapolates the zone's last rules.
        assert_eq!(la.utc_to_local(utc(2100, 7, 1, 12)), utc(2100, 7, 1, 5));
        assert_eq!(la.utc_to_local(utc(2100, 1, 1, 12)), utc(2100, 1, 1, 4));
        assert_eq!(la.utc_to_local(utc(2038, 7, 1, 12)), utc(2038, 7, 1, 5));
        // 2038: DST from March 14 (second Sunday) 02:00 to November 7 (first Sunday) 02:00.
        assert_eq!(la.utc_to_local(utc(2038, 3, 14, 10)), utc(2038, 3, 14, 3));
        assert_eq!(la.utc_to_local(utc(2038, 3, 14, 10) - 1), utc(2038, 3, 14, 2) - 1);
        assert_eq!(la.utc_to_local(utc(2038, 11, 7, 9)), utc(2038, 11, 7, 1));
        assert_eq!(la.utc_to_local(utc(2038, 11, 7, 9) - 1), utc(2038, 11, 7, 2) - 1);
        assert_eq!(la.abbreviation(utc(2100, 7, 1, 12) / MICROS_PER_SECOND).as_deref(), Some("PDT"));
        let sydney = Zone::of("Australia/Sydney").unwrap();
        assert_eq!(sydney.utc_to_local(utc(2100, 1, 1, 0)), utc(2100, 1, 1, 11));
        // A zone without daylight saving time keeps its offset.
        let tokyo = Zone::of("Asia/Tokyo").unwrap();
        assert_eq!(tokyo.utc_to_local(utc(2200, 7, 1, 0)), utc(2200, 7, 1, 9));
    }

    #[test]
    fn gaps_and_overlaps_as_java() {
        let la = Zone::of("America/Los_Angeles").unwrap();
        // 2024-03-10 02:30 does not exist: 03:30 PDT (10:30 UTC).
        assert_eq!(la.local_to_utc(utc(2024, 3, 10, 2) + HOUR / 2), utc(2024, 3, 10, 10) + HOUR / 2);
        // 2024-11-03 01:30 happens twice: the earlier, PDT (08:30 UTC).
        assert_eq!(la.local_to_utc(utc(2024, 11, 3, 1) + HOUR / 2), utc(2024, 11, 3, 8) + HOUR / 2);
        // The same past the table.
        assert_eq!(la.local_to_utc(utc(2100, 3, 14, 2) + HOUR / 2), utc(2100, 3, 14, 10) + HOUR / 2);
    }

    #[test]
    fn zone_ids_as_java_reads_them() {
        assert_eq!(Zone::of("+8:00").unwrap().offset_at(0), 8 * 3600);
        assert_eq!(Zone::of("GMT+1").unwrap().id(), "GMT+01:00");
        assert_eq!(Zone::of("UTC").unwrap().id(), "UTC");
        assert_eq!(Zone::of("-05:30").unwrap().id(), "-05:30");
        assert_eq!(Zone::of("PST").unwrap().id(), "America/Los_Angeles");
        assert_eq!(Zone::of("EST").unwrap().id(), "-05:00");
        assert!(Zone::of("+19:00").is_none());
        assert!(Zone::of("america/los_angeles").is_none());
    }
}
