//! Spark values as text, as the JVM prints them: `Double.toString`, `Float.toString`,
//! `BigDecimal.toPlainString`, ISO dates and Spark's timestamp format. Used for
//! literal names (`(a + 1.0E10)`), casts to string and `show()`.

use chrono::{DateTime, NaiveDate};

/// Java's `Double.toString`: shortest digits that round-trip, decimal notation for
/// 1e-3 <= |x| < 1e7 and computerized scientific notation (`1.0E10`) outside it.
pub fn java_double(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    java_style(format!("{x:e}"), x == 0.0, x.abs())
}

/// Java's `Float.toString`, with the same layout rules as `java_double`.
pub fn java_float(x: f32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    java_style(format!("{x:e}"), x == 0.0, x.abs() as f64)
}

/// Lays out Rust's shortest scientific form (`-1.25e-5`) the way Java does.
fn java_style(sci: String, is_zero: bool, magnitude: f64) -> String {
    let (negative, sci) = match sci.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, sci),
    };
    let sign = if negative { "-" } else { "" };
    if is_zero {
        return format!("{sign}0.0");
    }
    let (mantissa, exp) = sci.split_once('e').expect("scientific form");
    let exp: i32 = exp.parse().expect("exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (1e-3..1e7).contains(&magnitude) {
        let point = exp + 1; // digits before the decimal point
        if point <= 0 {
            format!("{sign}0.{}{}", "0".repeat((-point) as usize), digits)
        } else if (point as usize) >= digits.len() {
            format!("{sign}{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{sign}{int}.{frac}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{sign}{first}.{rest}E{exp}")
    }
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
