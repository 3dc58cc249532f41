//! Spark's rounding: `round` is HALF_UP and `bround` HALF_EVEN, both applied to the
//! decimal form of a double (as `BigDecimal(d)` does), not to its binary value.

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
    if round_up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                carry_exp += 1;
                break;
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
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

#[cfg(test)]
mod tests {
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
}
