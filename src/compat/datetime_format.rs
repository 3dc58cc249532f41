//! Printing instants with a compiled Java pattern (`datetime_pattern`), as java.time's
//! `DateTimeFormatter.format` does for a `ZonedDateTime` in the US locale: numbers
//! with their widths and sign styles, two-digit years, truncated fractions, English
//! month/day/era/quarter text, offsets in every layout, zone ids and names.

use super::calendar::{day_of_year, iso_weekday, Fields};
use super::datetime_pattern::{Field, Item, OffsetLayout, Pattern, Presence, SignStyle, TextStyle};
use super::timezone::Zone;
use std::fmt::Write;

pub const MONTHS_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
pub const MONTHS_FULL: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
pub const DAYS_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
pub const DAYS_FULL: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
pub const AM_PM: [&str; 2] = ["AM", "PM"];
pub const ERAS_SHORT: [&str; 2] = ["BC", "AD"];
pub const ERAS_FULL: [&str; 2] = ["Before Christ", "Anno Domini"];
pub const QUARTERS_SHORT: [&str; 4] = ["Q1", "Q2", "Q3", "Q4"];
pub const QUARTERS_FULL: [&str; 4] = ["1st quarter", "2nd quarter", "3rd quarter", "4th quarter"];

/// The text of a field value in a style, when the field has text.
pub fn field_texts(field: Field, style: TextStyle) -> Option<(&'static [&'static str], i64)> {
    // The texts and the value of the first.
    Some(match (field, style) {
        (Field::Month, TextStyle::Short) => (&MONTHS_SHORT, 1),
        (Field::Month, TextStyle::Full) => (&MONTHS_FULL, 1),
        (Field::DayOfWeek, TextStyle::Short) => (&DAYS_SHORT, 1),
        (Field::DayOfWeek, TextStyle::Full) => (&DAYS_FULL, 1),
        (Field::AmPm, _) => (&AM_PM, 0),
        (Field::Era, TextStyle::Short) => (&ERAS_SHORT, 0),
        (Field::Era, TextStyle::Full) => (&ERAS_FULL, 0),
        (Field::Quarter, TextStyle::Short) => (&QUARTERS_SHORT, 1),
        (Field::Quarter, TextStyle::Full) => (&QUARTERS_FULL, 1),
        _ => return None,
    })
}

/// A moment to print: its wall-clock fields and the offset and zone they are in.
pub struct Moment<'a> {
    pub fields: Fields,
    /// The offset from UTC in seconds.
    pub offset: i32,
    pub zone: &'a Zone,
    /// The UTC instant, seconds (for zone names).
    pub utc_seconds: i64,
}

impl Moment<'_> {
    pub fn value(&self, field: Field) -> i64 {
        let f = &self.fields;
        match field {
            Field::Era => i64::from(f.year >= 1),
            Field::YearOfEra => if f.year >= 1 { f.year } else { 1 - f.year },
            Field::Year => f.year,
            Field::Quarter => ((f.month - 1) / 3 + 1) as i64,
            Field::Month => f.month as i64,
            Field::DayOfYear => day_of_year(f.epoch_day) as i64,
            Field::DayOfMonth => f.day as i64,
            Field::AlignedDayOfWeekInMonth => ((f.day - 1) % 7 + 1) as i64,
            Field::DayOfWeek => iso_weekday(f.epoch_day) as i64,
            Field::AmPm => (f.hour / 12) as i64,
            Field::HourOfDay => f.hour as i64,
            Field::ClockHourOfDay => if f.hour == 0 { 24 } else { f.hour as i64 },
            Field::HourOfAmPm => (f.hour % 12) as i64,
            Field::ClockHourOfAmPm => if f.hour.is_multiple_of(12) { 12 } else { (f.hour % 12) as i64 },
            Field::Minute => f.minute as i64,
            Field::Second => f.second as i64,
            Field::ModifiedJulianDay => f.epoch_day + 40_587,
        }
    }
}

/// Prints `m` with `pattern`, appending to `out`.
pub fn format(pattern: &Pattern, m: &Moment, out: &mut String) {
    format_items(&pattern.items, m, out);
}

fn format_items(items: &[Item], m: &Moment, out: &mut String) {
    for item in items {
        match item {
            Item::Literal(s) => out.push_str(s),
            Item::Number { field, min, sign, reduced, .. } => {
                let v = m.value(*field);
                if *reduced {
                    // Two-digit year: the last two digits of the absolute value.
                    push_padded(out, v.unsigned_abs() % 100, 2);
                } else {
                    push_number(out, v, *min, *sign);
                }
            }
            Item::Fraction { min, max } => {
                let nanos = m.fields.micros as u64 * 1000;
                push_fraction(out, nanos, *min, *max);
            }
            Item::Text { field, style } => {
                let v = m.value(*field);
                match field_texts(*field, *style) {
                    Some((texts, first)) => out.push_str(texts[(v - first) as usize]),
                    None => {
                        let _ = write!(out, "{v}");
                    }
                }
            }
            Item::Offset { layout, zero } => push_offset(out, m.offset, *layout, zero),
            Item::LocalizedOffset { full } => push_localized_offset(out, m.offset, *full),
            Item::ZoneId => out.push_str(m.zone.id()),
            Item::ZoneText { full, generic } => out.push_str(&super::zone_names::zone_text(m.zone, m.utc_seconds, m.offset, *full, *generic)),
            Item::Optional(inner) => format_items(inner, m, out),
        }
    }
}

fn push_padded(out: &mut String, v: u64, width: usize) {
    let mut buf = itoa_buf(v);
    let digits = buf.len();
    for _ in digits..width {
        out.push('0');
    }
    out.push_str(std::mem::take(&mut buf).as_str());
}

fn itoa_buf(v: u64) -> String {
    v.to_string()
}

/// `NumberPrinterParser.format` (values never exceed their widths here).
fn push_number(out: &mut String, v: i64, min: usize, sign: SignStyle) {
    let abs = v.unsigned_abs();
    if v < 0 {
        out.push('-');
    } else if sign == SignStyle::ExceedsPad && min < 19 && abs >= 10u64.pow(min as u32) {
        out.push('+');
    }
    // Fast paths for the common widths.
    if min == 2 && abs < 100 {
        out.push((b'0' + (abs / 10) as u8) as char);
        out.push((b'0' + (abs % 10) as u8) as char);
        return;
    }
    if min == 4 && abs < 10_000 {
        out.push((b'0' + (abs / 1000) as u8) as char);
        out.push((b'0' + (abs / 100 % 10) as u8) as char);
        out.push((b'0' + (abs / 10 % 10) as u8) as char);
        out.push((b'0' + (abs % 10) as u8) as char);
        return;
    }
    push_padded(out, abs, min);
}

/// `FractionPrinterParser.format` without a decimal point: the nanoseconds as a
/// fraction, truncated, between `min` and `max` digits (trailing zeros dropped down
/// to `min`).
fn push_fraction(out: &mut String, nanos: u64, min: usize, max: usize) {
    let digits = format!("{nanos:09}");
    if nanos == 0 {
        for _ in 0..min {
            out.push('0');
        }
        return;
    }
    let significant = digits.trim_end_matches('0').len();
    let width = significant.clamp(min, max);
    out.push_str(&digits[..width.min(9)]);
    for _ in 9..width {
        out.push('0');
    }
}

/// `OffsetIdPrinterParser.format`.
pub fn push_offset(out: &mut String, offset: i32, layout: OffsetLayout, zero: &str) {
    if offset == 0 {
        out.push_str(zero);
        return;
    }
    let abs = offset.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    out.push(if offset < 0 { '-' } else { '+' });
    let _ = write!(out, "{h:02}");
    let show_minutes = match layout.minutes {
        Presence::Absent => false,
        Presence::Mandatory => true,
        Presence::Optional => m > 0 || s > 0,
    };
    if show_minutes {
        if layout.colon {
            out.push(':');
        }
        let _ = write!(out, "{m:02}");
        let show_seconds = match layout.seconds {
            Presence::Absent => false,
            Presence::Mandatory => true,
            Presence::Optional => s > 0,
        };
        if show_seconds {
            if layout.colon {
                out.push(':');
            }
            let _ = write!(out, "{s:02}");
        }
    }
}

/// `LocalizedOffsetIdPrinterParser.format`: `GMT`, `GMT-8`, `GMT+5:30` (short) or
/// `GMT-08:00` (full).
pub fn push_localized_offset(out: &mut String, offset: i32, full: bool) {
    out.push_str("GMT");
    if offset == 0 {
        return;
    }
    let abs = offset.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    out.push(if offset < 0 { '-' } else { '+' });
    if full {
        let _ = write!(out, "{h:02}:{m:02}");
        if s != 0 {
            let _ = write!(out, ":{s:02}");
        }
    } else {
        let _ = write!(out, "{h}");
        if m != 0 || s != 0 {
            let _ = write!(out, ":{m:02}");
            if s != 0 {
                let _ = write!(out, ":{s:02}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compat::calendar::{days_from_civil, MICROS_PER_DAY};
    use crate::compat::datetime_pattern::compile;

    #[allow(clippy::too_many_arguments)]
    fn fmt(pattern: &str, y: i64, mo: u32, d: u32, h: i64, mi: i64, s: i64, us: i64, zone: &str) -> String {
        let zone = Zone::of(zone).unwrap();
        let utc = days_from_civil(y, mo, d) * MICROS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1_000_000 + us;
        let utc_seconds = utc.div_euclid(1_000_000);
        let offset = zone.offset_at(utc_seconds);
        let local = utc + offset as i64 * 1_000_000;
        let m = Moment { fields: Fields::of_micros(local), offset, zone: &zone, utc_seconds };
        let mut out = String::new();
        format(&compile(pattern, false).unwrap(), &m, &mut out);
        out
    }

    #[test]
    fn prints_like_java() {
        let t = |p: &str| fmt(p, 2024, 1, 2, 3, 4, 5, 123_456, "UTC");
        assert_eq!(t("yyyy-MM-dd HH:mm:ss.SSS"), "2024-01-02 03:04:05.123");
        assert_eq!(t("EEE EEEE MMM MMMM"), "Tue Tuesday Jan January");
        assert_eq!(t("a h K k D"), "AM 3 3 3 2");
        assert_eq!(t("Q q QQQ QQQQ"), "1 1 Q1 1st quarter");
        assert_eq!(t("XXX Z VV O"), "Z +0000 UTC GMT");
        assert_eq!(t("yy y yyy yyyyy"), "24 2024 2024 02024");
        assert_eq!(t("G GGGG"), "AD Anno Domini");
        assert_eq!(t("'quoted' ''"), "quoted '");
        assert_eq!(t("SSSSSSSSS"), "123456000");
        assert_eq!(t("x xx xxx X XX ZZZZ ZZZZZ"), "+00 +0000 +00:00 Z Z GMT Z");
        assert_eq!(t("kk KK hh"), "03 03 03");
    }

    #[test]
    fn offsets_in_a_zone() {
        let t = |p: &str| fmt(p, 2024, 7, 1, 12, 0, 0, 0, "America/Los_Angeles");
        assert_eq!(t("yyyy-MM-dd HH:mm XXX Z O OOOO VV"), "2024-07-01 05:00 -07:00 -0700 GMT-7 GMT-07:00 America/Los_Angeles");
        let k = |p: &str| fmt(p, 2024, 7, 1, 12, 0, 0, 0, "Asia/Kolkata");
        assert_eq!(k("X XX O"), "+0530 +0530 GMT+5:30");
    }

    #[test]
    fn years_outside_four_digits() {
        assert_eq!(fmt("yyyy", 12345, 1, 1, 0, 0, 0, 0, "UTC"), "+12345");
        assert_eq!(fmt("yyyy G", -5, 1, 1, 0, 0, 0, 0, "UTC"), "0006 BC");
        assert_eq!(fmt("yyyy", -5, 1, 1, 0, 0, 0, 0, "UTC"), "-0005");
        assert_eq!(fmt("yy", 1999, 1, 1, 0, 0, 0, 0, "UTC"), "99");
    }
}
