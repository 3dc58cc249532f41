//! Spark's CSV value parsers for numbers and booleans: Java's `Integer.parseInt`,
//! `Long.parseLong`, `new java.math.BigDecimal(s)`, `Double.parseDouble` and Scala's
//! `toBoolean`, which the reader applies to each field. Pure Rust, no Polars. Java's
//! digits and `BigDecimal` live in `compat::java_decimal` (casts read them too).

use crate::compat::java_decimal::{java_digit, java_trim};

/// Java's `Long.parseLong`: an optional sign and decimal digits, nothing else (no spaces).
pub fn java_long(s: &str) -> Option<i64> {
    let (negative, digits) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() {
        return None;
    }
    // Accumulate negatively so that Long.MIN_VALUE parses, as Java does.
    let mut acc: i64 = 0;
    for c in digits.chars() {
        acc = acc.checked_mul(10)?.checked_sub(java_digit(c)? as i64)?;
    }
    if negative {
        Some(acc)
    } else {
        acc.checked_neg()
    }
}

/// Java's `Integer.parseInt`.
pub fn java_int(s: &str) -> Option<i32> {
    java_long(s).and_then(|v| i32::try_from(v).ok())
}

/// Whether Polars' own integer parser reads `s` exactly as Java does: `-?[0-9]+`.
/// A field's bytes: plain forms are ASCII, so no UTF-8 check is needed.
pub fn plain_integer(b: &[u8]) -> bool {
    let digits = b.strip_prefix(b"-").unwrap_or(b);
    !digits.is_empty() && digits.iter().all(u8::is_ascii_digit)
}

/// A floating-point literal as Java's `Double.parseDouble` reads it. `Decimal` holds
/// the text without its type suffix, which Rust parses to the same (correctly
/// rounded) value.
enum JavaFloat<'a> {
    Decimal(&'a str),
    Hex { negative: bool, mantissa: u128, exponent: i64 },
    NaN,
    Infinity(bool),
}

fn java_float_literal(s: &str) -> Option<JavaFloat<'_>> {
    let t = java_trim(s);
    let (negative, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if body == "NaN" {
        return Some(JavaFloat::NaN);
    }
    if body == "Infinity" {
        return Some(JavaFloat::Infinity(negative));
    }
    // An optional float/double type suffix, as in Java source.
    let body = body.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(body);
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        return hex_float(negative, hex);
    }
    let b = body.as_bytes();
    let mut i = 0;
    let mut int_digits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        int_digits += 1;
    }
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            frac_digits += 1;
        }
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    // The literal with its sign and without the suffix.
    let sign_len = usize::from(t.starts_with(['+', '-']));
    Some(JavaFloat::Decimal(&t[..sign_len + body.len()]))
}

/// `0x<hex>[.<hex>]p<exp>`: the binary exponent is required, as in Java.
fn hex_float(negative: bool, hex: &str) -> Option<JavaFloat<'static>> {
    let (mantissa_text, exp_text) = hex.split_once(['p', 'P'])?;
    let (int_part, frac_part) = mantissa_text.split_once('.').unwrap_or((mantissa_text, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let exp_digits = exp_text.strip_prefix(['+', '-']).unwrap_or(exp_text);
    if exp_digits.is_empty() || !exp_digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut exponent: i64 = exp_text.parse::<i64>().unwrap_or(if exp_text.starts_with('-') { i64::MIN / 2 } else { i64::MAX / 2 });
    let mut mantissa: u128 = 0;
    for (k, c) in int_part.chars().chain(frac_part.chars()).enumerate() {
        let d = c.to_digit(16)? as u128;
        if mantissa >> 120 != 0 {
            // Digits beyond 120 bits only shift the value (they cannot change a double).
            if k < int_part.len() {
                exponent = exponent.saturating_add(4);
            }
            continue;
        }
        mantissa = mantissa * 16 + d;
        if k >= int_part.len() {
            exponent = exponent.saturating_sub(4);
        }
    }
    Some(JavaFloat::Hex { negative, mantissa, exponent })
}

fn hex_to_f64(negative: bool, mantissa: u128, exponent: i64) -> f64 {
    // Exact for mantissas of up to 53 significant bits; longer ones round once more.
    let m = mantissa as f64;
    let v = if exponent > 2000 {
        if mantissa == 0 { 0.0 } else { f64::INFINITY }
    } else if exponent < -2200 {
        0.0
    } else {
        let mut v = m;
        let mut e = exponent;
        while e > 0 {
            let step = e.min(1000);
            v *= 2f64.powi(step as i32);
            e -= step;
        }
        while e < 0 {
            let step = (-e).min(1000);
            v /= 2f64.powi(step as i32);
            e += step;
        }
        v
    };
    if negative { -v } else { v }
}

/// Java's `Double.parseDouble` (surrounding spaces and a `d`/`f` suffix allowed).
pub fn java_double(s: &str) -> Option<f64> {
    Some(match java_float_literal(s)? {
        JavaFloat::Decimal(text) => text.parse::<f64>().ok()?,
        JavaFloat::Hex { negative, mantissa, exponent } => hex_to_f64(negative, mantissa, exponent),
        JavaFloat::NaN => f64::NAN,
        JavaFloat::Infinity(negative) => {
            if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        }
    })
}

/// Java's `Float.parseFloat` (rounded once, to float).
pub fn java_float(s: &str) -> Option<f32> {
    Some(match java_float_literal(s)? {
        JavaFloat::Decimal(text) => text.parse::<f32>().ok()?,
        JavaFloat::Hex { negative, mantissa, exponent } => hex_to_f64(negative, mantissa, exponent) as f32,
        JavaFloat::NaN => f32::NAN,
        JavaFloat::Infinity(negative) => {
            if negative {
                f32::NEG_INFINITY
            } else {
                f32::INFINITY
            }
        }
    })
}

/// Spark's default `nanValue`, `positiveInf` and `negativeInf`, which the reader
/// matches exactly before parsing a number.
pub fn special_double(s: &str) -> Option<f64> {
    match s {
        "NaN" => Some(f64::NAN),
        "Inf" => Some(f64::INFINITY),
        "-Inf" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

/// The reader's `nanValue`, `positiveInf` and `negativeInf` spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Specials {
    pub nan: String,
    pub positive_inf: String,
    pub negative_inf: String,
}

impl Default for Specials {
    fn default() -> Self {
        Specials { nan: "NaN".into(), positive_inf: "Inf".into(), negative_inf: "-Inf".into() }
    }
}

impl Specials {
    pub fn is_default(&self) -> bool {
        *self == Specials::default()
    }

    /// The text as the default spellings would have it: the configured spellings become
    /// `NaN`/`Inf`/`-Inf` (matched in Spark's order: NaN, -Inf, +Inf), and a default
    /// `Inf`/`-Inf` that is no longer special becomes text no number parser reads (Java's
    /// `parseDouble` does not know them); `NaN` stays, Java reads it anyway.
    pub fn canonical<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        if s == self.nan {
            Cow::Borrowed("NaN")
        } else if s == self.negative_inf {
            Cow::Borrowed("-Inf")
        } else if s == self.positive_inf {
            Cow::Borrowed("Inf")
        } else if matches!(s, "Inf" | "-Inf") {
            Cow::Owned(format!("{s}\u{7f}"))
        } else {
            Cow::Borrowed(s)
        }
    }
}

/// A DOUBLE field as Spark's CSV reader converts it.
pub fn csv_double(s: &str) -> Option<f64> {
    special_double(s).or_else(|| java_double(s))
}

/// A FLOAT field as Spark's CSV reader converts it.
pub fn csv_float(s: &str) -> Option<f32> {
    special_double(s).map(|v| v as f32).or_else(|| java_float(s))
}

/// Whether Polars' float parser reads `s` exactly as Spark does: plain decimal
/// notation, or one of Spark's default NaN/infinity spellings.
pub fn plain_double(b: &[u8]) -> bool {
    if matches!(b, b"NaN" | b"Inf" | b"-Inf" | b"Infinity" | b"-Infinity") {
        return true;
    }
    let b = b.strip_prefix(b"-").unwrap_or(b);
    let mut i = 0;
    let mut digits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 4 {
            return false;
        }
    }
    i == b.len()
}

/// Scala's `toBoolean`: "true" or "false" in any case, nothing around them.
pub fn java_boolean(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_like_java() {
        assert_eq!(java_int("+5"), Some(5));
        assert_eq!(java_int("-0"), Some(0));
        assert_eq!(java_int("007"), Some(7));
        assert_eq!(java_int("2147483647"), Some(i32::MAX));
        assert_eq!(java_int("2147483648"), None);
        assert_eq!(java_int("-2147483648"), Some(i32::MIN));
        assert_eq!(java_long("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(java_long("9223372036854775808"), None);
        for bad in [" 5", "5 ", "", "-", "+", "1_000", "0x10", "1.0", "1e3", "--1", "1-"] {
            assert_eq!(java_long(bad), None, "{bad}");
        }
        // Java reads any Unicode decimal digit.
        assert_eq!(java_int("\u{ff11}\u{ff12}"), Some(12));
        assert_eq!(java_int("-\u{661}\u{662}"), Some(-12));
        assert_eq!(java_int("\u{16ac1}"), None); // Unicode 14, newer than Java 17
        assert!(plain_integer(b"-007") && !plain_integer(b"+7") && !plain_integer(b"-"));
    }

    #[test]
    fn doubles_like_java() {
        assert_eq!(java_double(" 1 "), Some(1.0));
        assert_eq!(java_double("\t5"), Some(5.0));
        assert_eq!(java_double("1d"), Some(1.0));
        assert_eq!(java_double("1.5F"), Some(1.5));
        assert_eq!(java_double(".5"), Some(0.5));
        assert_eq!(java_double("5."), Some(5.0));
        assert_eq!(java_double("+.5e-3"), Some(0.0005));
        assert_eq!(java_double("0x1p3"), Some(8.0));
        assert_eq!(java_double("1e400"), Some(f64::INFINITY));
        assert_eq!(java_double("1e-400"), Some(0.0));
        assert_eq!(java_double("-Infinity"), Some(f64::NEG_INFINITY));
        assert!(java_double("-NaN").unwrap().is_nan());
        for bad in ["nan", "inf", "Inf", "infinity", "0x10", "1_000", "", "1e", "e5", ".", "1.0.0", "1dd"] {
            assert_eq!(java_double(bad), None, "{bad}");
        }
        assert_eq!(csv_double("Inf"), Some(f64::INFINITY));
        assert_eq!(csv_double("-Inf"), Some(f64::NEG_INFINITY));
        assert_eq!(csv_double(" Inf"), None);
        assert_eq!(java_float("1.00000017881393432617187499"), Some(1.000_000_1));
        assert!(plain_double(b"-1.5e10") && plain_double(b"NaN") && !plain_double(b" 1") && !plain_double(b"1d"));
    }

    #[test]
    fn booleans_in_any_case() {
        assert_eq!(java_boolean("tRuE"), Some(true));
        assert_eq!(java_boolean("FALSE"), Some(false));
        assert_eq!(java_boolean(" true"), None);
        assert_eq!(java_boolean("t"), None);
    }
}
