//! Spark's rounding: `round` is HALF_UP and `bround` HALF_EVEN, both applied to the
//! decimal form of a double (as `BigDecimal(d)` does), not to its binary value.

use super::fdlibm;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    HalfUp,
    HalfEven,
}

/// Rounds `x` to `scale` decimal places the way Spark rounds a DOUBLE.
pub fn round_double(x: f64, scale: i32, mode: Rounding) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let text = format!("{:e}", x.abs());
    let (mantissa, exp) = text.split_once('e').expect("scientific form");
    let exp: i32 = exp.parse().expect("exponent");
    let digits: Vec<u8> = mantissa.bytes().filter(|b| *b != b'.').map(|b| b - b'0').collect();
    // value = 0.d1d2d3... * 10^(exp+1); keep digits up to position exp + 1 + scale.
    let keep = exp + 1 + scale;
    if keep < 0 {
        return 0.0 * x.signum();
    }
    let keep = keep as usize;
    if keep >= digits.len() {
        return x;
    }
    let mut kept: Vec<u8> = digits[..keep].to_vec();
    let first_dropped = digits[keep];
    let rest_nonzero = digits[keep + 1..].iter().any(|d| *d != 0);
    let round_up = match mode {
        Rounding::HalfUp => first_dropped >= 5,
        Rounding::HalfEven => {
            first_dropped > 5 || (first_dropped == 5 && (rest_nonzero || kept.last().is_some_and(|d| d % 2 == 1)))
        }
    };
    let mut carry_exp = exp;
    if round_up && increment_digits(&mut kept) {
        carry_exp += 1;
    }
    if kept.is_empty() {
        return 0.0 * x.signum();
    }
    let body: String = kept.iter().map(|d| (d + b'0') as char).collect();
    let value: f64 = format!("0.{body}e{}", carry_exp + 1).parse().unwrap_or(x);
    value * x.signum()
}

/// Rounds an integer to a negative scale (`round(1234, -2)` is 1200), HALF_UP or HALF_EVEN.
pub fn round_integer(x: i64, scale: i32, mode: Rounding) -> i64 {
    if scale >= 0 {
        return x;
    }
    let Some(factor) = 10i64.checked_pow((-scale) as u32) else { return 0 };
    let q = x / factor;
    let r = x % factor;
    let twice = (r.abs() as i128) * 2;
    let up = match mode {
        Rounding::HalfUp => twice >= factor as i128,
        Rounding::HalfEven => twice > factor as i128 || (twice == factor as i128 && q % 2 != 0),
    };
    if up { (q + x.signum()) * factor } else { q * factor }
}

/// Spark's `stddev_samp`: its streaming central-moment update, in input order, so
/// the last digits agree; NULL with fewer than two values.
pub fn stddev_samp(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (mut n, mut avg, mut m2) = (0.0f64, 0.0f64, 0.0f64);
    for x in values {
        let new_n = n + 1.0;
        let delta = x - avg;
        let delta_n = delta / new_n;
        avg += delta_n;
        m2 += delta * (delta - delta_n);
        n = new_n;
    }
    if n < 2.0 { None } else { Some((m2 / (n - 1.0)).sqrt()) }
}


/// Java's `StrictMath.pow` (Spark's `Pow` calls it, interpreted and generated alike):
/// fdlibm's, which is not the platform's in the last bit (`pow(0.5, 1.25)` is
/// 0.4204482076268573, the platform's 0.42044820762685725); and where a NaN or an
/// infinite exponent meets a base of magnitude 1, `pow(1, NaN)` and `pow(-1, Inf)` are NaN.
pub fn java_pow(x: f64, y: f64) -> f64 {
    if y == 0.0 {
        return 1.0;
    }
    if y.is_nan() || (x.abs() == 1.0 && y.is_infinite()) {
        return f64::NAN;
    }
    super::fdlibm::pow(x, y)
}

/// Java's `Math.signum`: the sign of zeros and NaN kept.
pub fn signum(x: f64) -> f64 {
    if x == 0.0 || x.is_nan() { x } else { 1.0f64.copysign(x) }
}

/// Java's `Math.rint`: half to even, the sign of zero kept.
pub fn rint(x: f64) -> f64 {
    x.round_ties_even()
}

/// Spark's `asinh`: `log(x + sqrt(x * x + 1))` as written (so `x * x` overflows for
/// |x| above 1.3e154), with -Infinity kept.
pub fn asinh(x: f64) -> f64 {
    if x == f64::NEG_INFINITY { x } else { fdlibm::log(x + (x * x + 1.0).sqrt()) }
}

pub fn acosh(x: f64) -> f64 {
    fdlibm::log(x + (x * x - 1.0).sqrt())
}

pub fn atanh(x: f64) -> f64 {
    0.5 * (fdlibm::log1p(x) - fdlibm::log1p(-x))
}

/// Spark's `atan2`: both arguments + 0.0 first, which turns -0.0 into 0.0.
pub fn atan2(y: f64, x: f64) -> f64 {
    fdlibm::atan2(y + 0.0, x + 0.0)
}

/// `factorial(n)` for n in [0, 20], else NULL.
pub fn factorial(n: i32) -> Option<i64> {
    if !(0..=20).contains(&n) {
        return None;
    }
    Some((1..=n as i64).product())
}

/// Java's `Long.toBinaryString`: two's complement for negative numbers.
pub fn bin(x: i64) -> String {
    format!("{:b}", x as u64)
}

/// Spark's `width_bucket(value, min, max, n)`: NULL for a NaN value, equal or
/// non-finite bounds, or a bucket count that is not positive (or is Long.MaxValue).
pub fn width_bucket(value: f64, min: f64, max: f64, n: i64) -> Option<i64> {
    if n <= 0 || n == i64::MAX || value.is_nan() || min == max || !min.is_finite() || !max.is_finite() {
        return None;
    }
    let (lower, upper) = (min.min(max), min.max(max));
    Some(if min < max {
        if value < lower {
            0
        } else if value >= upper {
            n + 1
        } else {
            (n as f64 * (value - lower) / (upper - lower)) as i64 + 1
        }
    } else if value > upper {
        0
    } else if value <= lower {
        n + 1
    } else {
        (n as f64 * (upper - value) / (upper - lower)) as i64 + 1
    })
}

/// Java's `Character.digit` for one byte of UTF-8 (bytes past ASCII are no digit).
fn digit(b: u8, radix: u32) -> Option<u64> {
    (b as char).to_digit(radix).map(|d| d as u64).filter(|_| b < 0x80)
}

/// `conv` of a number past 64 bits under ANSI, which Spark refuses.
#[derive(Debug, PartialEq)]
pub struct ConvOverflow;

/// Spark's `conv(num, from, to)` (`NumberConverter`): the digits of `num` in base
/// `from` (a prefix up to the first invalid digit) read as an unsigned 64-bit
/// number, written in base |to|, signed when `to` is negative. An error on overflow
/// when ANSI mode asks for one; NULL (None) for bases outside [2, 36].
pub fn conv(text: &str, from: i32, to: i32, ansi: bool) -> Result<Option<String>, ConvOverflow> {
    let text = text.trim_matches(' ');
    if !(2..=36).contains(&from) || !(2..=36).contains(&to.unsigned_abs()) || text.is_empty() {
        return Ok(None);
    }
    let bytes = text.as_bytes();
    let (mut negative, digits) = if bytes[0] == b'-' { (true, &bytes[1..]) } else { (false, bytes) };
    let radix = from as u64;
    let mut v: u64 = 0;
    let bound = (u64::MAX - radix) / radix;
    for &b in digits {
        let Some(d) = digit(b, from as u32) else { break };
        if v >= bound && (u64::MAX - d) / radix < v {
            if ansi {
                return Err(ConvOverflow);
            }
            v = u64::MAX;
            break;
        }
        v = v * radix + d;
    }
    let mut v = v as i64;
    if negative && to > 0 {
        v = if v < 0 { -1 } else { v.wrapping_neg() };
    }
    if to < 0 && v < 0 {
        v = v.wrapping_neg();
        negative = true;
    }
    let radix = to.unsigned_abs() as u64;
    let mut q = v as u64;
    let mut out = Vec::new();
    loop {
        let d = (q % radix) as u32;
        out.push(std::char::from_digit(d, radix as u32).unwrap_or('0').to_ascii_uppercase());
        q /= radix;
        if q == 0 {
            break;
        }
    }
    if negative && to < 0 {
        out.push('-');
    }
    Ok(Some(out.into_iter().rev().collect()))
}

/// A double as Spark casts it to DECIMAL(precision, scale): its shortest decimal
/// digits (Scala's `BigDecimal(d)`) rounded HALF_UP to `scale` places; None when it
/// does not fit (or is not finite).
pub fn double_to_decimal(x: f64, precision: u32, scale: u32) -> Option<i128> {
    if !x.is_finite() {
        return None;
    }
    let text = format!("{:e}", x.abs());
    let (mantissa, exp) = text.split_once('e')?;
    let exp: i32 = exp.parse().ok()?;
    let digits: Vec<u8> = mantissa.bytes().filter(|b| *b != b'.').map(|b| b - b'0').collect();
    // x = 0.d1d2... * 10^(exp + 1); keep the digits down to 10^-scale.
    let keep = exp + 1 + scale as i32;
    if keep < 0 {
        return Some(0);
    }
    let keep = keep as usize;
    let mut unscaled: i128 = 0;
    for i in 0..keep {
        unscaled = unscaled.checked_mul(10)?.checked_add(*digits.get(i).unwrap_or(&0) as i128)?;
    }
    if digits.get(keep).is_some_and(|d| *d >= 5) {
        unscaled += 1;
    }
    if unscaled >= 10i128.checked_pow(precision)? {
        return None;
    }
    Some(if x < 0.0 { -unscaled } else { unscaled })
}

/// Spark's decimal negation: a value of more than 34 digits is negated through
/// Scala's BigDecimal with its 34-digit context, so it loses its last digits
/// (HALF_EVEN); None when the result no longer fits `precision` digits.
pub fn decimal_negate(v: i128, precision: u32) -> Option<i128> {
    let magnitude = v.unsigned_abs();
    let digits = magnitude.checked_ilog10().map_or(1, |d| d + 1);
    let rounded = if digits > 34 {
        let drop = 10u128.pow(digits - 34);
        let (q, r) = (magnitude / drop, magnitude % drop);
        let half = drop / 2;
        let up = r > half || (r == half && q % 2 == 1);
        (if up { q + 1 } else { q }) * drop
    } else {
        magnitude
    };
    if rounded >= 10u128.pow(precision) {
        return None;
    }
    let rounded = rounded as i128;
    Some(if v < 0 { rounded } else { -rounded })
}

/// Rounds an unscaled decimal at scale `from` to `digits` places toward +Inf
/// (`ceil`) or -Inf (`floor`), giving the unscaled value at scale `to`.
pub fn decimal_ceil_floor(v: i128, from: i32, digits: i32, ceiling: bool, to: i32) -> Option<i128> {
    let drop = from - digits;
    if drop <= 0 {
        return v.checked_mul(10i128.checked_pow((to - from) as u32)?);
    }
    let d = 10i128.checked_pow(drop as u32);
    let (q, r) = match d {
        Some(d) => (v / d, v % d),
        None => (0, v),
    };
    let q = if r > 0 && ceiling {
        q + 1
    } else if r < 0 && !ceiling {
        q - 1
    } else {
        q
    };
    if digits < 0 { q.checked_mul(10i128.checked_pow((-digits) as u32)?) } else { Some(q) }
}

/// Adds one unit in the last place to decimal digits (most significant first), carrying
/// left; true when the carry added a leading digit (`999` becomes `1000`).
pub(crate) fn increment_digits(digits: &mut Vec<u8>) -> bool {
    for d in digits.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return false;
        }
    }
    digits.insert(0, 1);
    true
}

#[cfg(test)]
mod tests {

    #[test]
    fn incrementing_digits_carries() {
        let mut d = vec![1, 2, 9];
        assert!(!super::increment_digits(&mut d));
        assert_eq!(d, [1, 3, 0]);
        let mut d = vec![9, 9];
        assert!(super::increment_digits(&mut d));
        assert_eq!(d, [1, 0, 0]);
        let mut d = vec![];
        assert!(super::increment_digits(&mut d));
        assert_eq!(d, [1]);
    }
    #[test]
    fn stddev_like_spark() {
        assert_eq!(super::stddev_samp([34.0, 28.0, 45.0, 28.0].into_iter()), Some(8.015609770940697));
        assert_eq!(super::stddev_samp([1.0].into_iter()), None);
    }

    use super::*;

    #[test]
    fn half_up_uses_decimal_digits() {
        assert_eq!(round_double(2.675, 2, Rounding::HalfUp), 2.68);
        assert_eq!(round_double(2.5, 0, Rounding::HalfUp), 3.0);
        assert_eq!(round_double(-2.5, 0, Rounding::HalfUp), -3.0);
        assert_eq!(round_double(9.99, 1, Rounding::HalfUp), 10.0);
        assert_eq!(round_double(0.0004, 2, Rounding::HalfUp), 0.0);
        assert_eq!(round_double(1234.5, -2, Rounding::HalfUp), 1200.0);
    }

    #[test]
    fn half_even() {
        assert_eq!(round_double(2.5, 0, Rounding::HalfEven), 2.0);
        assert_eq!(round_double(3.5, 0, Rounding::HalfEven), 4.0);
        assert_eq!(round_integer(250, -2, Rounding::HalfEven), 200);
        assert_eq!(round_integer(250, -2, Rounding::HalfUp), 300);
        assert_eq!(round_integer(-250, -2, Rounding::HalfUp), -300);
    }

    #[test]
    fn java_special_cases() {
        assert!(java_pow(1.0, f64::NAN).is_nan());
        assert!(java_pow(-1.0, f64::INFINITY).is_nan());
        assert_eq!(java_pow(f64::NAN, 0.0), 1.0);
        assert_eq!(signum(-0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(signum(-3.0), -1.0);
        assert_eq!(rint(2.5), 2.0);
        assert_eq!(rint(-0.4).to_bits(), (-0.0f64).to_bits());
        assert_eq!(atan2(-0.0, -1.0), std::f64::consts::PI);
        assert_eq!(factorial(20), Some(2432902008176640000));
        assert_eq!(factorial(21), None);
        assert_eq!(bin(-1).len(), 64);
    }

    #[test]
    fn conv_like_number_converter() {
        let c = |s: &str, f: i32, t: i32| conv(s, f, t, false).unwrap();
        assert_eq!(c("100", 2, 10).as_deref(), Some("4"));
        assert_eq!(c("-10", 16, -10).as_deref(), Some("-16"));
        assert_eq!(c("-1", 10, 16).as_deref(), Some("FFFFFFFFFFFFFFFF"));
        assert_eq!(c("12z", 10, 10).as_deref(), Some("12"));
        assert_eq!(c("zz", 10, 10).as_deref(), Some("0"));
        assert_eq!(c("1", 1, 10), None);
        assert_eq!(c("99999999999999999999", 10, 10).as_deref(), Some("18446744073709551615"));
        assert!(conv("99999999999999999999", 10, 10, true).is_err());
    }

    #[test]
    fn buckets() {
        assert_eq!(width_bucket(5.3, 0.2, 10.6, 5), Some(3));
        assert_eq!(width_bucket(-2.1, 1.3, 3.4, 3), Some(0));
        assert_eq!(width_bucket(8.1, 0.0, 5.7, 4), Some(5));
        assert_eq!(width_bucket(-0.9, 5.2, 0.5, 2), Some(3));
        assert_eq!(width_bucket(1.0, 1.0, 1.0, 2), None);
    }

    #[test]
    fn decimal_negation_through_34_digits() {
        let nines38 = 10i128.pow(38) - 1;
        assert_eq!(decimal_negate(-nines38, 38), None);
        assert_eq!(decimal_negate(-(10i128.pow(34) - 1), 38), Some(10i128.pow(34) - 1));
        assert_eq!(decimal_negate(-123456789012345678901234567890123456, 38), Some(123456789012345678901234567890123500));
        assert_eq!(decimal_negate(5, 3), Some(-5));
    }

    #[test]
    fn doubles_as_decimals() {
        assert_eq!(double_to_decimal(1.5, 30, 15), Some(1_500_000_000_000_000));
        assert_eq!(double_to_decimal(-0.1, 30, 15), Some(-100_000_000_000_000));
        assert_eq!(double_to_decimal(1e16, 30, 15), None);
        assert_eq!(double_to_decimal(2.675, 4, 2), Some(268));
        assert_eq!(double_to_decimal(f64::NAN, 30, 15), None);
    }

    #[test]
    fn decimal_ceiling_and_floor() {
        assert_eq!(decimal_ceil_floor(125, 2, 1, true, 1), Some(13));
        assert_eq!(decimal_ceil_floor(-125, 2, 1, true, 1), Some(-12));
        assert_eq!(decimal_ceil_floor(-125, 2, 0, false, 0), Some(-2));
        assert_eq!(decimal_ceil_floor(125, 2, -1, true, 0), Some(10));
        assert_eq!(decimal_ceil_floor(5, 0, 2, true, 2), Some(500));
    }
}
