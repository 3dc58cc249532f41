//! Spark's date and timestamp text as its CSV reader parses it: the strict
//! `yyyy-MM-dd` of schema inference, `DateTimeUtils.stringToDate` and
//! `stringToTimestamp` (Spark's own lenient grammar), and Java's `ZoneId.of`.
//! Pure Rust, no Polars.

use chrono_tz::Tz;

const MICROS_PER_DAY: i128 = 86_400_000_000;

/// Days since 1970-01-01 of a proleptic Gregorian date, or None if it does not exist.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Spark's trimming for date and timestamp text: ASCII whitespace and control bytes.
fn is_trimmed(b: u8) -> bool {
    b <= b' ' || b == 0x7f
}

fn trimmed(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&c| !is_trimmed(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|&c| !is_trimmed(c)).map_or(start, |e| e + 1);
    &b[start..end.max(start)]
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
    let days = days_from_civil(sign.unwrap_or(1) * year, month, day)?;
    i32::try_from(days).ok()
}

/// `DateTimeUtils.stringToDate`: `[+-]yyyy*[-[m]m[-[d]d]]`, then anything after a
/// space or `T`.
pub fn spark_string_to_date(s: &str) -> Option<i32> {
    let valid = |segment: usize, digits: usize| {
        if segment == 0 {
            (4..=7).contains(&digits)
        } else {
            digits > 0 && digits <= 2
        }
    };
    let b = trimmed(s.as_bytes());
    if b.is_empty() {
        return None;
    }
    let mut segments = [1i64, 1, 1];
    let mut sign = 1i64;
    let mut j = 0;
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
            // Long runs of digits are rejected below; only avoid overflowing here.
            value = value.saturating_mul(10).saturating_add((c - b'0') as i64);
            digits += 1;
        } else {
            return None;
        }
        j += 1;
    }
    if !valid(i, digits) || (i < 2 && j < b.len()) {
        return None;
    }
    segments[i] = value;
    let days = days_from_civil(sign * segments[0], u32::try_from(segments[1]).ok()?, u32::try_from(segments[2]).ok()?)?;
    i32::try_from(days).ok()
}

/// A DATE field as Spark's CSV reader converts it: the strict pattern, then (as no
/// `dateFormat` is set) the lenient `stringToDate` with "GMT" removed.
pub fn csv_date(s: &str) -> Option<i32> {
    strict_date(s).or_else(|| spark_string_to_date(&s.replace("GMT", "")))
}

/// A zone as `java.time.ZoneId` resolves it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    Offset(i64),
    Region(Tz),
}

/// Java's `ZoneOffset.of`: `+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss`.
fn zone_offset(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let sign = match b.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let d = &b[1..];
    let num = |x: &[u8]| -> Option<i64> { x.iter().all(u8::is_ascii_digit).then(|| x.iter().fold(0i64, |a, &c| a * 10 + (c - b'0') as i64)) };
    let (h, m, sec) = match d.len() {
        1 | 2 => (num(d)?, 0, 0),
        4 => (num(&d[..2])?, num(&d[2..])?, 0),
        5 if d[2] == b':' => (num(&d[..2])?, num(&d[3..])?, 0),
        6 => (num(&d[..2])?, num(&d[2..4])?, num(&d[4..])?),
        8 if d[2] == b':' && d[5] == b':' => (num(&d[..2])?, num(&d[3..5])?, num(&d[6..])?),
        _ => return None,
    };
    if h > 18 || m > 59 || sec > 59 {
        return None;
    }
    let total = h * 3600 + m * 60 + sec;
    if total > 18 * 3600 {
        return None;
    }
    Some(sign * total)
}

/// `ZoneId.SHORT_IDS`, which Spark passes to `ZoneId.of`.
fn short_id(s: &str) -> Option<&'static str> {
    Some(match s {
        "ACT" => "Australia/Darwin",
        "AET" => "Australia/Sydney",
        "AGT" => "America/Argentina/Buenos_Aires",
        "ART" => "Africa/Cairo",
        "AST" => "America/Anchorage",
        "BET" => "America/Sao_Paulo",
        "BST" => "Asia/Dhaka",
        "CAT" => "Africa/Harare",
        "CNT" => "America/St_Johns",
        "CST" => "America/Chicago",
        "CTT" => "Asia/Shanghai",
        "EAT" => "Africa/Addis_Ababa",
        "ECT" => "Europe/Paris",
        "IET" => "America/Indiana/Indianapolis",
        "IST" => "Asia/Kolkata",
        "JST" => "Asia/Tokyo",
        "MIT" => "Pacific/Apia",
        "NET" => "Asia/Yerevan",
        "NST" => "Pacific/Auckland",
        "PLT" => "Asia/Karachi",
        "PNT" => "America/Phoenix",
        "PRT" => "America/Puerto_Rico",
        "PST" => "America/Los_Angeles",
        "SST" => "Pacific/Guadalcanal",
        "VST" => "Asia/Ho_Chi_Minh",
        "EST" => "-05:00",
        "MST" => "-07:00",
        "HST" => "-10:00",
        _ => return None,
    })
}

/// Spark's `getZoneId`: `ZoneId.of(id, SHORT_IDS)` after widening `+h:mm` and `+hh:m`.
pub fn zone_id(id: &str) -> Option<Zone> {
    let mut id = id.to_string();
    // (+|-)h: → (+|-)0h:  (the first match)  and  (+|-)hh:m at the end → (+|-)hh:0m
    let single_hour = {
        let b = id.as_bytes();
        (0..b.len().saturating_sub(2)).find(|&p| matches!(b[p], b'+' | b'-') && b[p + 1].is_ascii_digit() && b[p + 2] == b':')
    };
    if let Some(p) = single_hour {
        id.insert(p + 1, '0');
    }
    {
        let b = id.as_bytes();
        let n = b.len();
        if n >= 5 && matches!(b[n - 5], b'+' | b'-') && b[n - 4].is_ascii_digit() && b[n - 3].is_ascii_digit() && b[n - 2] == b':' && b[n - 1].is_ascii_digit() {
            id.insert(n - 1, '0');
        }
    }
    let id = short_id(&id).unwrap_or(&id).to_string();
    if id == "Z" {
        return Some(Zone::Offset(0));
    }
    if id.starts_with(['+', '-']) {
        return zone_offset(&id).map(Zone::Offset);
    }
    if matches!(id.as_str(), "UTC" | "GMT" | "UT") {
        return Some(Zone::Offset(0));
    }
    for prefix in ["UTC", "GMT", "UT"] {
        if let Some(rest) = id.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return zone_offset(rest).map(Zone::Offset);
            }
        }
    }
    let b = id.as_bytes();
    let well_formed = b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1..].iter().all(|c| c.is_ascii_alphanumeric() || b"~/._+-".contains(c));
    if !well_formed {
        return None;
    }
    id.parse::<Tz>().ok().map(Zone::Region)
}

/// The parts `DateTimeUtils.parseTimestampString` finds.
struct TimestampParts {
    segments: [i64; 7],
    zone: Option<Zone>,
    just_time: bool,
}

/// A port of Spark's `parseTimestampString`: `[+-]yyyy*[-[m]m[-[d]d]]`, then after
/// a space or `T` `[h]h:[m]m:[s]s.[fraction][zone]`; or a time alone.
fn parse_timestamp_string(s: &str) -> Option<TimestampParts> {
    let valid = |segment: usize, digits: usize| {
        segment == 6 || (segment == 0 && (4..=6).contains(&digits)) || (segment == 7 && digits <= 2) || (segment != 0 && segment != 6 && segment != 7 && digits > 0 && digits <= 2)
    };
    let bytes = s.as_bytes();
    let start = bytes.iter().position(|&c| !is_trimmed(c)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|&c| !is_trimmed(c)).map_or(start, |e| e + 1).max(start);
    if start == end {
        return None;
    }
    let mut tz: Option<&str> = None;
    let mut segments = [1i64, 1, 1, 0, 0, 0, 0, 0, 0];
    let (mut i, mut value, mut digits) = (0usize, 0i64, 0usize);
    let mut digits_milli = 0;
    let mut just_time = false;
    let mut year_sign: Option<i64> = None;
    let mut j = start;
    if bytes[j] == b'-' || bytes[j] == b'+' {
        year_sign = Some(if bytes[j] == b'-' { -1 } else { 1 });
        j += 1;
    }
    while j < end {
        let b = bytes[j];
        if !b.is_ascii_digit() {
            if j == 0 && b == b'T' {
                just_time = true;
                i += 3;
            } else if i < 2 {
                if b == b'-' {
                    if !valid(i, digits) {
                        return None;
                    }
                    segments[i] = value;
                    (value, digits) = (0, 0);
                    i += 1;
                } else if i == 0 && b == b':' && year_sign.is_none() {
                    just_time = true;
                    if !valid(3, digits) {
                        return None;
                    }
                    segments[3] = value;
                    (value, digits) = (0, 0);
                    i = 4;
                } else {
                    return None;
                }
            } else if i == 2 {
                if b == b' ' || b == b'T' {
                    if !valid(i, digits) {
                        return None;
                    }
                    segments[i] = value;
                    (value, digits) = (0, 0);
                    i += 1;
                } else {
                    return None;
                }
            } else if i == 3 || i == 4 {
                if b == b':' {
                    if !valid(i, digits) {
                        return None;
                    }
                    segments[i] = value;
                    (value, digits) = (0, 0);
                    i += 1;
                } else {
                    return None;
                }
            } else if i == 5 || i == 6 {
                if !valid(i, digits) {
                    return None;
                }
                segments[i] = value;
                (value, digits) = (0, 0);
                i += 1;
                if !(b == b'.' && i == 6) {
                    tz = Some(std::str::from_utf8(&bytes[j..end]).ok()?);
                    j = end - 1;
                }
                if i == 6 && b != b'.' {
                    i += 1;
                }
            } else if i < segments.len() && (b == b':' || b == b' ') {
                if !valid(i, digits) {
                    return None;
                }
                segments[i] = value;
                (value, digits) = (0, 0);
                i += 1;
            } else {
                return None;
            }
        } else {
            if i == 6 {
                digits_milli += 1;
            }
            // More than six fraction digits are dropped (truncated).
            if i != 6 || digits < 6 {
                value = value.checked_mul(10)?.checked_add((b - b'0') as i64)?;
            }
            digits += 1;
        }
        j += 1;
    }
    if !valid(i, digits) {
        return None;
    }
    segments[i] = value;
    while digits_milli < 6 {
        segments[6] *= 10;
        digits_milli += 1;
    }
    let zone = match tz {
        Some(name) => Some(zone_id(super::values::java_trim(name))?),
        None => None,
    };
    segments[0] *= year_sign.unwrap_or(1);
    let mut out = [0i64; 7];
    out.copy_from_slice(&segments[..7]);
    Some(TimestampParts { segments: out, zone, just_time })
}

/// Microseconds of a wall-clock time in `zone`, resolved as `ZonedDateTime.of` does.
fn wall_clock_micros(local_micros: i64, zone: Zone) -> Option<i64> {
    match zone {
        Zone::Offset(seconds) => local_micros.checked_sub(seconds.checked_mul(1_000_000)?),
        Zone::Region(tz) => Some(crate::compat::timezone::region(tz).local_to_utc(local_micros)),
    }
}

/// Today's date in `zone` (Spark gives a time without a date today's date).
fn today(zone: Zone) -> i64 {
    let now = chrono::Utc::now().timestamp_micros();
    let local = match zone {
        Zone::Offset(seconds) => now + seconds * 1_000_000,
        Zone::Region(tz) => crate::compat::timezone::region(tz).utc_to_local(now),
    };
    local.div_euclid(MICROS_PER_DAY as i64)
}

/// `DateTimeUtils.stringToTimestamp`: microseconds since the epoch, the text read
/// in its own zone if it names one, else in `session`.
pub fn spark_string_to_timestamp(s: &str, session: Zone) -> Option<i64> {
    let p = parse_timestamp_string(s)?;
    let zone = p.zone.unwrap_or(session);
    let [year, month, day, hour, minute, second, micros] = p.segments;
    if !(0..24).contains(&hour) || !(0..60).contains(&minute) || !(0..60).contains(&second) {
        return None;
    }
    let days = if p.just_time { today(zone) } else { days_from_civil(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)? };
    let local = days as i128 * MICROS_PER_DAY + ((hour * 60 + minute) * 60 + second) as i128 * 1_000_000 + micros as i128;
    wall_clock_micros(i64::try_from(local).ok()?, zone)
}

/// `stringToTimestampWithoutTimeZone(s, allowTimeZone = false)`: a wall-clock time;
/// text naming a zone, or a time without a date, is not one.
pub fn spark_string_to_timestamp_ntz(s: &str) -> Option<i64> {
    let p = parse_timestamp_string(s)?;
    if p.zone.is_some() || p.just_time {
        return None;
    }
    spark_string_to_timestamp(s, Zone::Offset(0))
}

/// A TIMESTAMP field as Spark's CSV reader converts it (with the legacy fallback
/// that drops "GMT", on as no `timestampFormat` is set).
pub fn csv_timestamp(s: &str, session: Zone) -> Option<i64> {
    spark_string_to_timestamp(s, session).or_else(|| spark_string_to_timestamp(&s.replace("GMT", ""), session))
}

#[cfg(test)]
mod tests {
    use super::*;

    const UTC: Zone = Zone::Offset(0);

    fn ts(y: i64, mo: u32, d: u32, h: i64, mi: i64, s: i64, us: i64) -> i64 {
        days_from_civil(y, mo, d).unwrap() * 86_400_000_000 + ((h * 60 + mi) * 60 + s) * 1_000_000 + us
    }

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(days_from_civil(2024, 2, 29), Some(19782));
        assert_eq!(days_from_civil(2023, 2, 29), None);
        assert_eq!(days_from_civil(0, 1, 1), Some(-719528));
    }

    #[test]
    fn strict_dates_as_inference_sees_them() {
        assert_eq!(strict_date("2024-01-05"), days_from_civil(2024, 1, 5).map(|d| d as i32));
        assert!(strict_date("0000-01-01").is_some());
        assert!(strict_date("-2024-01-05").is_some());
        assert!(strict_date("+10000-01-01").is_some());
        for bad in ["2024-1-5", "2024-01-5", "02024-01-05", "+2024-01-05", "10000-01-01", "2024-02-30", " 2024-01-05", "2024-01-05 ", "20240105", "2024/01/05", "-0000-01-01"] {
            assert_eq!(strict_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn lenient_dates_as_the_reader_converts_them() {
        let d = |y, m, dd| days_from_civil(y, m, dd).map(|x| x as i32);
        assert_eq!(csv_date("2024-1-5"), d(2024, 1, 5));
        assert_eq!(csv_date(" 2024-01-05 "), d(2024, 1, 5));
        assert_eq!(csv_date("2024-01-05 10:00:00"), d(2024, 1, 5));
        assert_eq!(csv_date("2024-01-05T10"), d(2024, 1, 5));
        assert_eq!(csv_date("2024-01"), d(2024, 1, 1));
        assert_eq!(csv_date("2024"), d(2024, 1, 1));
        assert_eq!(csv_date("+2024-01-05"), d(2024, 1, 5));
        assert_eq!(csv_date("2024-01-05GMT"), d(2024, 1, 5));
        for bad in ["2024-01-05abc", "20240105", "2024-01 10", "", "x", "99999999999999999999999999999999999999"] {
            assert_eq!(csv_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_in_spark_grammar() {
        let t = |s| spark_string_to_timestamp(s, UTC);
        assert_eq!(t("2024-01-05 10:00:00"), Some(ts(2024, 1, 5, 10, 0, 0, 0)));
        assert_eq!(t("2024-1-5 1:2:3.4"), Some(ts(2024, 1, 5, 1, 2, 3, 400_000)));
        assert_eq!(t("2024-01-05T10:00:00.123456789Z"), Some(ts(2024, 1, 5, 10, 0, 0, 123_456)));
        assert_eq!(t("2024-01-05T10:00:00+01:00"), Some(ts(2024, 1, 5, 9, 0, 0, 0)));
        assert_eq!(t("2024-01-05T10:00:00-0130"), Some(ts(2024, 1, 5, 11, 30, 0, 0)));
        assert_eq!(t("2024-01-05 10:00:00 +1:00"), Some(ts(2024, 1, 5, 9, 0, 0, 0)));
        assert_eq!(t("2024-01-05 10:00:00 UTC"), Some(ts(2024, 1, 5, 10, 0, 0, 0)));
        assert_eq!(t("2024-01-05 10:00:00 GMT+1"), Some(ts(2024, 1, 5, 9, 0, 0, 0)));
        assert_eq!(t("2024-01-05 10:00:00America/New_York"), Some(ts(2024, 1, 5, 15, 0, 0, 0)));
        assert_eq!(t("2024-01-05 10:00:00 PST"), Some(ts(2024, 1, 5, 18, 0, 0, 0)));
        assert_eq!(t("2024-01-05 10:00:00 EST"), Some(ts(2024, 1, 5, 15, 0, 0, 0)));
        assert_eq!(t("2024-01-05 10:00:00+01:00:30"), Some(ts(2024, 1, 5, 8, 59, 30, 0)));
        assert_eq!(t("2024-01-05 10"), Some(ts(2024, 1, 5, 10, 0, 0, 0)));
        assert_eq!(t("2024-01-05 10:00:00."), Some(ts(2024, 1, 5, 10, 0, 0, 0)));
        assert_eq!(t("2024-01"), Some(ts(2024, 1, 1, 0, 0, 0, 0)));
        assert_eq!(t(" 2024-01-05 "), Some(ts(2024, 1, 5, 0, 0, 0, 0)));
        assert_eq!(t("2024-01-05\u{1}"), Some(ts(2024, 1, 5, 0, 0, 0, 0)));
        assert_eq!(t("123456-01-01 00:00:00"), Some(ts(123456, 1, 1, 0, 0, 0, 0)));
        assert!(t("10:00:00").is_some() && t("T10:00:00").is_some());
        assert_eq!(t("2024-01-05 10:00:00.99999999999999999999999999"), Some(ts(2024, 1, 5, 10, 0, 0, 999_999)));
        for bad in [
            "2024-01-05T10:00Z",
            "2024-01-05 25:00:00",
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
            "99999999999999999999999999999999999999",
        ] {
            assert_eq!(t(bad), None, "{bad}");
        }
        assert_eq!(spark_string_to_timestamp_ntz("2024-01-05 10:00:00+01:00"), None);
        assert_eq!(spark_string_to_timestamp_ntz(" 2024-01-05"), Some(ts(2024, 1, 5, 0, 0, 0, 0)));
        assert_eq!(csv_timestamp("2024-01-05GMT", UTC), Some(ts(2024, 1, 5, 0, 0, 0, 0)));
    }

    #[test]
    fn session_zone_applies_to_wall_clock_text() {
        let la = Zone::Region("America/Los_Angeles".parse().unwrap());
        assert_eq!(spark_string_to_timestamp("2024-01-05 10:00:00", la), Some(ts(2024, 1, 5, 18, 0, 0, 0)));
        assert_eq!(spark_string_to_timestamp("2024-01-05 10:00:00Z", la), Some(ts(2024, 1, 5, 10, 0, 0, 0)));
        assert_eq!(zone_id("europe/paris"), None);
        assert_eq!(zone_id("+1"), Some(Zone::Offset(3600)));
    }
}
