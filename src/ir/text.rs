//! Spark values as text, as the JVM prints them: `Double.toString`, `Float.toString`,
//! `BigDecimal.toPlainString`, ISO dates and Spark's timestamp format. Used for
//! literal names (`(a + 1.0E10)`), casts to string and `show()`.

use chrono::{DateTime, NaiveDate};

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
    match NaiveDate::from_num_days_from_ce_opt(days + 719_163) {
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => days.to_string(),
    }
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
}
