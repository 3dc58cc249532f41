//! Numbers as Java reads them from text: `Character.digit(c, 10)` (any Unicode decimal
//! digit), `new java.math.BigDecimal(s)` and `String.trim()`. Spark's casts from
//! strings and its CSV and JSON readers all parse through these. Pure Rust, no Polars.

/// The first code point of each run of ten decimal digits in Unicode 13 (Java 17's
/// `Character.digit(c, 10)` reads all of them, not only ASCII).
const DIGIT_ZEROS: [u32; 65] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
    0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900,
    0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
    0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2,
    0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Java's `Character.digit(c, 10)`.
pub fn java_digit(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let d = cp - DIGIT_ZEROS[i];
    (d < 10).then_some(d)
}

/// A number as `java.math.BigDecimal` reads it: `unscaled * 10^-scale`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JavaDecimal {
    pub negative: bool,
    /// The unscaled value's digits without leading zeros ("0" for zero).
    pub digits: String,
    pub scale: i64,
}

impl JavaDecimal {
    /// `toPlainString` of the value Spark holds (`Decimal.set`: a negative scale set
    /// to 0), as its overflow messages print it.
    pub fn plain(&self) -> String {
        let sign = if self.negative && self.digits != "0" { "-" } else { "" };
        if self.scale <= 0 {
            let zeros = if self.digits == "0" { 0 } else { (-self.scale) as usize };
            return format!("{sign}{}{}", self.digits, "0".repeat(zeros));
        }
        let scale = self.scale as usize;
        let padded = format!("{}{}", "0".repeat((scale + 1).saturating_sub(self.digits.len())), self.digits);
        let (int, frac) = padded.split_at(padded.len() - scale);
        format!("{sign}{int}.{frac}")
    }

    /// Digits before the point (BigDecimal's `precision - scale`): Spark refuses a
    /// string with more than 38 (`Decimal.fromString`'s fast fail).
    pub fn integral_digits(&self) -> i64 {
        self.precision() as i64 - self.scale
    }

    /// BigDecimal's precision: the number of digits of the unscaled value.
    pub fn precision(&self) -> usize {
        self.digits.len()
    }

    /// `setScale(scale, HALF_UP)` and then the unscaled value if it has at most
    /// `precision` digits (Spark's `Decimal.set`; a wider value is an error).
    pub fn rescaled(&self, precision: u8, scale: u8) -> Option<i128> {
        let shift = scale as i64 - self.scale;
        let digits = self.digits.as_bytes();
        let unscaled: Vec<u8> = if shift >= 0 {
            if self.digits == "0" {
                vec![b'0']
            } else {
                if digits.len() as i64 + shift > precision as i64 {
                    return None;
                }
                let mut v = digits.to_vec();
                v.extend(std::iter::repeat_n(b'0', shift as usize));
                v
            }
        } else {
            let drop = (-shift) as usize;
            let (kept, first_dropped) = if drop > digits.len() {
                (vec![b'0'], b'0')
            } else {
                let kept = &digits[..digits.len() - drop];
                (if kept.is_empty() { vec![b'0'] } else { kept.to_vec() }, digits[digits.len() - drop])
            };
            let mut value = parse_digits(&kept)?;
            if first_dropped >= b'5' {
                value += 1;
            }
            let text = value.to_string();
            text.into_bytes()
        };
        let value = parse_digits(&unscaled)?;
        if value != 0 && value.to_string().len() > precision as usize {
            return None;
        }
        Some(if self.negative { -value } else { value })
    }
}

fn parse_digits(d: &[u8]) -> Option<i128> {
    let mut acc: i128 = 0;
    for &c in d {
        acc = acc.checked_mul(10)?.checked_add((c - b'0') as i128)?;
    }
    Some(acc)
}

/// `new java.math.BigDecimal(s)`: an optional sign, digits with an optional point,
/// an optional exponent; no spaces.
pub fn java_big_decimal(s: &str) -> Option<JavaDecimal> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (significand, exponent_text) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let mut digits = Vec::new();
    let mut fraction_digits: i64 = 0;
    let mut seen_point = false;
    for c in significand.chars() {
        if c == '.' && !seen_point {
            seen_point = true;
            continue;
        }
        digits.push(b'0' + java_digit(c)? as u8);
        if seen_point {
            fraction_digits += 1;
        }
    }
    if digits.is_empty() {
        return None;
    }
    let exponent: i64 = match exponent_text {
        None => 0,
        Some(e) => {
            let (sign, e_digits) = match e.as_bytes().first()? {
                b'-' => (-1, &e[1..]),
                b'+' => (1, &e[1..]),
                _ => (1, e),
            };
            if e_digits.is_empty() {
                return None;
            }
            let mut v: i64 = 0;
            for c in e_digits.chars() {
                v = v.checked_mul(10)?.checked_add(java_digit(c)? as i64)?;
            }
            // The exponent is a Java int.
            i32::try_from(sign * v).ok()? as i64
        }
    };
    let first_nonzero = digits.iter().position(|&c| c != b'0');
    let digits = match first_nonzero {
        Some(p) => String::from_utf8(digits[p..].to_vec()).ok()?,
        None => "0".to_string(),
    };
    Some(JavaDecimal { negative, digits, scale: fraction_digits - exponent })
}

/// Java's `String.trim()`: drops characters up to U+0020 at both ends.
pub fn java_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_decimals_like_java() {
        let d = java_big_decimal("12345678901234567890").unwrap();
        assert_eq!((d.precision(), d.scale), (20, 0));
        let d = java_big_decimal("5.").unwrap();
        assert_eq!((d.precision(), d.scale), (1, 0));
        let d = java_big_decimal("1.5e1").unwrap();
        assert_eq!((d.digits.as_str(), d.scale), ("15", 0));
        let d = java_big_decimal("1e3").unwrap();
        assert_eq!((d.precision(), d.scale), (1, -3));
        let d = java_big_decimal("0.00").unwrap();
        assert_eq!((d.precision(), d.scale), (1, 2));
        assert_eq!(java_big_decimal("\u{ff11}\u{ff12}.5").map(|d| (d.digits, d.scale)), Some(("125".to_string(), 1)));
        for bad in [" 1", "1 ", ".", "e3", "1e", "1e+", "--1", "1.2.3", "NaN", "1e99999999999"] {
            assert_eq!(java_big_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn plain_text_as_spark_prints_it() {
        let plain = |s: &str| java_big_decimal(s).unwrap().plain();
        assert_eq!(plain("1e10"), "10000000000");
        assert_eq!(plain("-9999.95"), "-9999.95");
        assert_eq!(plain("0.05"), "0.05");
        assert_eq!(plain("5e-3"), "0.005");
        assert_eq!(plain("-0"), "0");
        assert_eq!(plain("00012.50"), "12.50");
        assert_eq!(java_big_decimal("1e39").unwrap().integral_digits(), 40);
    }

    #[test]
    fn decimals_rescale_half_up() {
        let r = |s: &str, p, sc| java_big_decimal(s).unwrap().rescaled(p, sc);
        assert_eq!(r("1.005", 5, 2), Some(101));
        assert_eq!(r("-1.005", 5, 2), Some(-101));
        assert_eq!(r("999.995", 5, 2), None);
        assert_eq!(r("1e2", 5, 2), Some(10000));
        assert_eq!(r("-0.004", 5, 2), Some(0));
        assert_eq!(r("5e-3", 5, 2), Some(1));
        assert_eq!(r("5e-4", 5, 2), Some(0));
        assert_eq!(r("1e-1000", 5, 2), Some(0));
        assert_eq!(r("1000", 5, 2), None);
        assert_eq!(r("99999999999999999999999999999999999999", 38, 0), Some(99999999999999999999999999999999999999));
    }
}
