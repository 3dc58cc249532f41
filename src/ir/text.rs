//! Spark values as text, as the JVM prints them: `Double.toString`, `Float.toString`,
//! `BigDecimal.toPlainString`, ISO dates and Spark's timestamp format. Used for
//! literal names (`(a + 1.0E10)`), casts to string and `show()`.

use chrono::DateTime;

mod floating_decimal;

/// Java 17's `Double.toString`: decimal notation for 1e-3 <= |x| < 1e7 and
/// computerized scientific notation (`1.0E10`) outside it, with the digits of
/// Java 17's `FloatingDecimal` (not always the shortest: `4.9E-324`).
pub fn java_double(x: f64) -> String {
    floating_decimal::double_to_string(x)
}

/// Java 17's `Float.toString`, with the same layout as `java_double`
/// (`2.14748365E9` for `(float) 2147483647`).
pub fn java_float(x: f32) -> String {
    floating_decimal::float_to_string(x)
}

/// `BigDecimal.toPlainString` of an unscaled value.
pub fn decimal_text(unscaled: i128, scale: u8) -> String {
    let negative = unscaled < 0;
    let digits = unscaled.unsigned_abs().to_string();
    let scale = scale as usize;
    let body = if scale == 0 {
        digits
    } else if digits.len() > scale {
        let (int, frac) = digits.split_at(digits.len() - scale);
        format!("{int}.{frac}")
    } else {
        format!("0.{}{}", "0".repeat(scale - digits.len()), digits)
    };
    if negative { format!("-{body}") } else { body }
}

/// `yyyy-MM-dd` of days since the epoch.
pub fn date_text(days: i32) -> String {
    // Spark's `uuuu` with EXCEEDS_PAD: four digits, a sign past 9999 or before year 0;
    // INT days reach ±5.8 million years, past chrono's range.
    let (year, month, day) = civil_from_days(days as i64);
    let year = match year {
        y if y > 9999 => format!("+{y}"),
        y if y < 0 => format!("-{:04}", -y),
        y => format!("{y:04}"),
    };
    format!("{year}-{month:02}-{day:02}")
}

/// Year, month and day of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Spark's timestamp text: `yyyy-MM-dd HH:mm:ss` plus the fraction of a second
/// with trailing zeros removed. `micros` is wall-clock time.
pub fn timestamp_text(micros: i64) -> String {
    match DateTime::from_timestamp_micros(micros) {
        Some(t) => {
            let t = t.naive_utc();
            let base = t.format("%Y-%m-%d %H:%M:%S").to_string();
            let frac = micros.rem_euclid(1_000_000);
            if frac == 0 {
                base
            } else {
                let f = format!("{frac:06}");
                format!("{base}.{}", f.trim_end_matches('0'))
            }
        }
        None => micros.to_string(),
    }
}

// Intervals: `IntervalUtils.toDayTimeIntervalString`, `toYearMonthIntervalString` and
// `CalendarInterval.toString`.

const MICROS_PER_SECOND: i64 = 1_000_000;
const MICROS_PER_MINUTE: i64 = 60 * MICROS_PER_SECOND;
const MICROS_PER_HOUR: i64 = 3600 * MICROS_PER_SECOND;
const MICROS_PER_DAY: i64 = 24 * MICROS_PER_HOUR;

/// `BigDecimal.valueOf(micros, 6).stripTrailingZeros.toPlainString`.
fn interval_seconds_text(micros: i64) -> String {
    let text = decimal_text(micros as i128, 6);
    let trimmed = text.trim_end_matches('0');
    trimmed.trim_end_matches('.').to_string()
}

fn field_name(field: u8) -> &'static str {
    ["DAY", "HOUR", "MINUTE", "SECOND"].get(field as usize).copied().unwrap_or("SECOND")
}

/// `INTERVAL '1 02:03:04.5' DAY TO SECOND` (fields outside the type are not shown).
pub fn day_time_interval_text(micros: i64, start: u8, end: u8) -> String {
    let (from, to) = (field_name(start), field_name(end));
    let postfix = if start == end { format!("' {from}") } else { format!("' {from} TO {to}") };
    if micros == i64::MIN {
        // -micros overflows: Spark spells this one out.
        let base = "-106751991 04:00:54.775808000";
        let first = match start {
            0 => "-106751991".to_string(),
            1 => "-2562047788".to_string(),
            2 => "-153722867280".to_string(),
            _ => "-9223372036854.775808".to_string(),
        };
        let following = if start == end {
            String::new()
        } else {
            let from = [10, 13, 16][start.min(2) as usize];
            let to = match end {
                1 => 13,
                2 => 16,
                _ => 26,
            };
            base[from..to].to_string()
        };
        return format!("INTERVAL '{first}{following}{postfix}");
    }
    let (sign, mut rest) = if micros < 0 { ("-", -micros) } else { ("", micros) };
    let mut out = String::from(sign);
    match start {
        0 => {
            out.push_str(&(rest / MICROS_PER_DAY).to_string());
            rest %= MICROS_PER_DAY;
        }
        1 => {
            out.push_str(&format!("{:02}", rest / MICROS_PER_HOUR));
            rest %= MICROS_PER_HOUR;
        }
        2 => {
            out.push_str(&format!("{:02}", rest / MICROS_PER_MINUTE));
            rest %= MICROS_PER_MINUTE;
        }
        _ => {
            let lead = if rest < 10 * MICROS_PER_SECOND { "0" } else { "" };
            out.push_str(&format!("{lead}{}", interval_seconds_text(rest)));
        }
    }
    if start < 1 && 1 <= end {
        out.push_str(&format!(" {:02}", rest / MICROS_PER_HOUR));
        rest %= MICROS_PER_HOUR;
    }
    if start < 2 && 2 <= end {
        out.push_str(&format!(":{:02}", rest / MICROS_PER_MINUTE));
        rest %= MICROS_PER_MINUTE;
    }
    if start < 3 && 3 <= end {
        let lead = if rest < 10 * MICROS_PER_SECOND { "0" } else { "" };
        out.push_str(&format!(":{lead}{}", interval_seconds_text(rest)));
    }
    format!("INTERVAL '{out}{postfix}")
}

/// `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '1' YEAR`, `INTERVAL '14' MONTH`.
pub fn year_month_interval_text(months: i32, start: u8, end: u8) -> String {
    let (sign, abs) = if months < 0 { ("-", -(months as i64)) } else { ("", months as i64) };
    let year = format!("{sign}{}", abs / 12);
    if start == end {
        if start == 0 {
            format!("INTERVAL '{year}' YEAR")
        } else {
            format!("INTERVAL '{months}' MONTH")
        }
    } else {
        format!("INTERVAL '{year}-{}' YEAR TO MONTH", abs % 12)
    }
}

/// `CalendarInterval.toString`: `1 years 2 months 3 days 4 hours 5 minutes 6.5 seconds`.
pub fn calendar_interval_text(months: i32, days: i32, micros: i64) -> String {
    if months == 0 && days == 0 && micros == 0 {
        return "0 seconds".into();
    }
    let mut parts: Vec<String> = vec![];
    let mut unit = |v: i64, name: &str| {
        if v != 0 {
            parts.push(format!("{v} {name}"));
        }
    };
    if months != 0 {
        unit((months / 12) as i64, "years");
        unit((months % 12) as i64, "months");
    }
    unit(days as i64, "days");
    if micros != 0 {
        let mut rest = micros;
        unit(rest / MICROS_PER_HOUR, "hours");
        rest %= MICROS_PER_HOUR;
        unit(rest / MICROS_PER_MINUTE, "minutes");
        rest %= MICROS_PER_MINUTE;
        if rest != 0 {
            parts.push(format!("{} seconds", interval_seconds_text(rest)));
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_like_java() {
        assert_eq!(java_double(1.0), "1.0");
        assert_eq!(java_double(-0.0), "-0.0");
        assert_eq!(java_double(100.5), "100.5");
        assert_eq!(java_double(1e7), "1.0E7");
        assert_eq!(java_double(1.5e10), "1.5E10");
        assert_eq!(java_double(0.001), "0.001");
        assert_eq!(java_double(0.0001), "1.0E-4");
        assert_eq!(java_double(123456.789), "123456.789");
        assert_eq!(java_double(f64::NAN), "NaN");
        assert_eq!(java_double(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(java_float(0.1), "0.1");
    }

    #[test]
    fn decimals_and_dates() {
        assert_eq!(decimal_text(12345, 2), "123.45");
        assert_eq!(decimal_text(-5, 3), "-0.005");
        assert_eq!(decimal_text(7, 0), "7");
        assert_eq!(date_text(0), "1970-01-01");
        assert_eq!(timestamp_text(1_500_000), "1970-01-01 00:00:01.5");
    }

    #[test]
    fn day_time_texts() {
        let v = MICROS_PER_DAY + 3661 * MICROS_PER_SECOND + 500_000;
        assert_eq!(day_time_interval_text(v, 0, 3), "INTERVAL '1 01:01:01.5' DAY TO SECOND");
        assert_eq!(day_time_interval_text(v, 0, 0), "INTERVAL '1' DAY");
        assert_eq!(day_time_interval_text(v, 1, 3), "INTERVAL '25:01:01.5' HOUR TO SECOND");
        assert_eq!(day_time_interval_text(v, 2, 2), "INTERVAL '1501' MINUTE");
        assert_eq!(day_time_interval_text(v, 3, 3), "INTERVAL '90061.5' SECOND");
        assert_eq!(day_time_interval_text(-1_000_000, 0, 3), "INTERVAL '-0 00:00:01' DAY TO SECOND");
        assert_eq!(day_time_interval_text(3_600_000_000, 1, 1), "INTERVAL '01' HOUR");
        assert_eq!(day_time_interval_text(i64::MIN, 0, 3), "INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND");
    }

    #[test]
    fn year_month_and_calendar_texts() {
        assert_eq!(year_month_interval_text(-10, 0, 1), "INTERVAL '-0-10' YEAR TO MONTH");
        assert_eq!(year_month_interval_text(14, 0, 0), "INTERVAL '1' YEAR");
        assert_eq!(year_month_interval_text(14, 1, 1), "INTERVAL '14' MONTH");
        assert_eq!(calendar_interval_text(14, 25, 5 * MICROS_PER_HOUR + 6 * MICROS_PER_MINUTE + 7_500_000), "1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds");
        assert_eq!(calendar_interval_text(0, 0, 0), "0 seconds");
    }
}
