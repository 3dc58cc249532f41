//! Spark's decimal arithmetic: exact results at the precision and scale Spark's
//! `DecimalPrecision` rules give, rounded HALF_UP. Polars keeps the larger input
//! scale for `*` and `/`, so those run here on the unscaled 128-bit values.

use crate::ir::text::decimal_text;
use crate::ir::BinaryOp;
use polars::prelude::{self as pl, ChunkApply, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

pub fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

/// `value / 10^shift`, rounded half away from zero (Spark's HALF_UP).
pub fn shift_right_half_up(value: i128, shift: u32) -> Option<i128> {
    if shift == 0 {
        return Some(value);
    }
    let d = pow10(shift)?;
    let q = value / d;
    let r = value % d;
    Some(if r.unsigned_abs() * 2 >= d.unsigned_abs() { q + value.signum() } else { q })
}

/// `a * b / 10^shift` rounded HALF_UP, the product taken in 256 bits; None when the
/// result does not fit 128 bits.
fn wide_product_half_up(a: i128, b: i128, shift: u32) -> Option<i128> {
    // Four 64-bit limbs, least significant first.
    let (x, y) = (a.unsigned_abs(), b.unsigned_abs());
    let (xs, ys) = ([x as u64, (x >> 64) as u64], [y as u64, (y >> 64) as u64]);
    let mut limbs = [0u64; 4];
    for i in 0..2 {
        let mut carry = 0u128;
        for j in 0..2 {
            let t = xs[i] as u128 * ys[j] as u128 + limbs[i + j] as u128 + carry;
            limbs[i + j] = t as u64;
            carry = t >> 64;
        }
        limbs[i + 2] = carry as u64;
    }
    // Divided by 10 at a time: the last digit divided away decides the rounding (a
    // remainder of at least half of 10^shift has its leading digit at 5 or more).
    let divide = |limbs: &mut [u64; 4], d: u64| -> u64 {
        let mut rem = 0u128;
        for l in limbs.iter_mut().rev() {
            let cur = (rem << 64) | *l as u128;
            *l = (cur / d as u128) as u64;
            rem = cur % d as u128;
        }
        rem as u64
    };
    for _ in 1..shift {
        divide(&mut limbs, 10);
    }
    let last = divide(&mut limbs, 10);
    if limbs[2] != 0 || limbs[3] != 0 {
        return None;
    }
    let q = i128::try_from((limbs[1] as u128) << 64 | limbs[0] as u128).ok()?;
    let q = if last >= 5 { q.checked_add(1)? } else { q };
    Some(if (a < 0) != (b < 0) { -q } else { q })
}

/// One exact operation on unscaled values; None on overflow or division by zero.
pub fn apply(op: BinaryOp, a: i128, sa: u32, b: i128, sb: u32, scale: u32) -> Option<i128> {
    match op {
        BinaryOp::Multiply => {
            let from = sa + sb;
            match a.checked_mul(b) {
                Some(product) if scale >= from => product.checked_mul(pow10(scale - from)?),
                Some(product) => shift_right_half_up(product, from - scale),
                // The exact product outgrows 128 bits where the result, at fewer digits
                // of scale, may not (DECIMAL(10,2) * DECIMAL(38,18) at scale 9).
                None if scale < from => wide_product_half_up(a, b, from - scale),
                None => None,
            }
        }
        BinaryOp::Divide => {
            if b == 0 {
                return None;
            }
            // a/10^sa / (b/10^sb) at `scale` digits, with one extra digit for rounding.
            let exp = scale as i64 + sb as i64 - sa as i64 + 1;
            if exp < 0 {
                return shift_right_half_up(a / b.checked_mul(pow10((-exp) as u32)?)?, 1);
            }
            // Long division, a digit at a time: `a * 10^exp` itself may not fit in 128
            // bits (99999999.99 / 699999999.93 at scale 28) where the quotient does.
            let (den, mut rem) = (b.unsigned_abs(), a.unsigned_abs() % b.unsigned_abs());
            let mut q = a.unsigned_abs() / den;
            for _ in 0..exp {
                let shifted = rem.checked_mul(10)?;
                q = q.checked_mul(10)?.checked_add(shifted / den)?;
                rem = shifted % den;
            }
            let q = i128::try_from(q).ok()?;
            shift_right_half_up(if (a < 0) != (b < 0) { -q } else { q }, 1)
        }
        BinaryOp::Add | BinaryOp::Subtract => {
            let s = sa.max(sb);
            let a = a.checked_mul(pow10(s - sa)?)?;
            let b = b.checked_mul(pow10(s - sb)?)?;
            let r = if op == BinaryOp::Add { a.checked_add(b)? } else { a.checked_sub(b)? };
            if scale >= s { r.checked_mul(pow10(scale - s)?) } else { shift_right_half_up(r, s - scale) }
        }
        BinaryOp::Modulo => {
            if b == 0 {
                return None;
            }
            let s = sa.max(sb);
            let a = a.checked_mul(pow10(s - sa)?)?;
            // A divisor that outgrows 128 bits at the common scale is larger than the
            // dividend, which is then the remainder.
            let r = match b.checked_mul(pow10(s - sb)?) {
                // Java's remainder: the sign of the dividend (Rust's `%` does the same).
                Some(b) => a % b,
                None => a,
            };
            if scale >= s { r.checked_mul(pow10(scale - s)?) } else { shift_right_half_up(r, s - scale) }
        }
        _ => None,
    }
}

/// Rounds a decimal column to `digits` places (HALF_UP or HALF_EVEN), giving
/// DECIMAL(precision, scale) where `scale` = max(digits, 0).
pub fn round(input: pl::Expr, digits: i32, half_even: bool, precision: u8, scale: u8) -> pl::Expr {
    let out_type = PlType::Decimal(precision as usize, scale as usize);
    let result_type = out_type.clone();
    input.map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().decimal()?.clone();
            let from = ca.scale() as i32;
            let values: pl::Int128Chunked = ca
                .physical()
                .iter()
                .map(|v| {
                    let v = v?;
                    let drop = from - digits; // digits to remove
                    if drop <= 0 {
                        return v.checked_mul(pow10((scale as i32 - from) as u32)?);
                    }
                    let d = pow10(drop as u32)?;
                    let (q, r) = (v / d, v % d);
                    let twice = r.unsigned_abs() * 2;
                    let up = twice > d.unsigned_abs() || (twice == d.unsigned_abs() && (!half_even || q % 2 != 0));
                    let q = if up { q + v.signum() } else { q };
                    // Back to the output scale (negative digits leave zeros).
                    if digits < 0 { q.checked_mul(pow10((-digits) as u32)?) } else { Some(q) }
                })
                .collect();
            Ok(values.into_decimal_unchecked(precision as usize, scale as usize).into_series().with_name(c.name().clone()).into_column())
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), result_type.clone())),
    )
    .cast(out_type)
}

/// `left op right` on two decimal columns, giving DECIMAL(precision, scale).
/// Rows whose result overflows the precision become NULL.
pub fn binary(op: BinaryOp, left: pl::Expr, right: pl::Expr, precision: u8, scale: u8) -> pl::Expr {
    let out_type = PlType::Decimal(precision as usize, scale as usize);
    let result_type = out_type.clone();
    let limit = pow10(precision as u32).unwrap_or(i128::MAX);
    left.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let a = cols[0].as_materialized_series().decimal()?.clone();
            let b = cols[1].as_materialized_series().decimal()?.clone();
            let (sa, sb) = (a.scale() as u32, b.scale() as u32);
            if op == BinaryOp::Multiply && scale as u32 == sa + sb && a.precision() + b.precision() <= precision as usize {
                // The usual case (price * (1 - discount)): |product| < 10^(pa + pb), so it
                // can neither overflow nor exceed the result's precision; a plain loop over
                // the values, validity combined once per chunk.
                let (pa, pb) = (a.physical(), b.physical());
                let product: pl::Int128Chunked = match (pa.len(), pb.len()) {
                    (1, n) if n != 1 => match pa.get(0) {
                        Some(x) => pb.apply_values(|y| x * y),
                        None => (0..n).map(|_| None::<i128>).collect(),
                    },
                    (n, 1) if n != 1 => match pb.get(0) {
                        Some(y) => pa.apply_values(|x| x * y),
                        None => (0..n).map(|_| None::<i128>).collect(),
                    },
                    _ => polars::chunked_array::ops::arity::binary_elementwise_values(pa, pb, |x: i128, y: i128| x * y),
                };
                let out = product.into_decimal_unchecked(precision as usize, scale as usize);
                return Ok(out.into_series().with_name(cols[0].name().clone()).into_column());
            }
            let fits = |v: i128| v.unsigned_abs() < limit.unsigned_abs();
            let f = |x: Option<i128>, y: Option<i128>| match (x, y) {
                (Some(x), Some(y)) => apply(op, x, sa, y, sb, scale as u32).filter(|v| fits(*v)),
                _ => None,
            };
            // Walk both columns in step; a length-1 column is a broadcast scalar.
            let (pa, pb) = (a.physical(), b.physical());
            let values: pl::Int128Chunked = match (pa.len(), pb.len()) {
                (1, n) if n != 1 => {
                    let x = pa.get(0);
                    pb.iter().map(|y| f(x, y)).collect()
                }
                (n, 1) if n != 1 => {
                    let y = pb.get(0);
                    pa.iter().map(|x| f(x, y)).collect()
                }
                _ => pa.iter().zip(pb.iter()).map(|(x, y)| f(x, y)).collect(),
            };
            let out = values.into_decimal_unchecked(precision as usize, scale as usize);
            Ok(out.into_series().with_name(cols[0].name().clone()).into_column())
        },
        &[right],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), result_type.clone())),
    )
}

/// `pmod`'s last step from the remainder `r` (unscaled at the result's `scale`) and the
/// divisor `n` (at `n_scale`): `(r + n) % n` where `r` is negative, else `r`. One
/// kernel that reads each operand once: as an expression `r` appeared three times,
/// and a `pmod` nested in another's operands grew the plan by that product. A result
/// too wide for the precision is NULL, or with `fail` (ANSI) Spark's overflow on the
/// first such row `reachable` holds (a DECIMAL(21,2) divisor can leave one).
pub fn pmod_of_remainder(r: pl::Expr, n: pl::Expr, n_scale: u8, precision: u8, scale: u8, fail: bool, reachable: Option<pl::Expr>) -> pl::Expr {
    let result_type = PlType::Decimal(precision as usize, scale as usize);
    let limit = pow10(precision as u32).unwrap_or(i128::MAX);
    let (s, ns) = (scale as u32, n_scale as u32);
    let masked = reachable.is_some();
    let mut inputs = vec![n];
    inputs.extend(reachable.map(|m| m.fill_null(pl::lit(false))));
    let origin = super::errors::lowering_origin();
    r.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let a = cols[0].as_materialized_series().decimal()?.clone();
            let b = cols[1].as_materialized_series().decimal()?.clone();
            let (pa, pb) = (a.physical(), b.physical());
            let len = super::checks::broadcast_len([pa.len(), pb.len()]);
            let at = |c: &pl::Int128Chunked, i: usize| if c.len() == 1 { c.get(0) } else { c.get(i) };
            let mut values: Vec<Option<i128>> = Vec::with_capacity(len);
            for i in 0..len {
                values.push(match (at(pa, i), at(pb, i)) {
                    (Some(r), Some(n)) if r < 0 => {
                        let v = apply(BinaryOp::Add, r, s, n, ns, s).and_then(|shifted| apply(BinaryOp::Modulo, shifted, s, n, ns, s));
                        match v {
                            Some(v) if v.unsigned_abs() >= limit.unsigned_abs() => {
                                if fail && super::checks::reached(cols.get(2).filter(|_| masked), i)? {
                                    let message = super::errors::decimal_value_overflow_message(&decimal_text(v, scale), precision, scale);
                                    return Err(super::errors::runtime_error_at(
                                        crate::error::ErrorKind::Arithmetic,
                                        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
                                        &message,
                                        origin.as_ref(),
                                    ));
                                }
                                None
                            }
                            v => v,
                        }
                    }
                    (Some(r), _) if r >= 0 => Some(r),
                    _ => None,
                });
            }
            let values: pl::Int128Chunked = values.into_iter().collect();
            let out = values.into_decimal_unchecked(precision as usize, scale as usize);
            Ok(out.into_series().with_name(cols[0].name().clone()).into_column())
        },
        &inputs,
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), result_type.clone())),
    )
}

/// `value` rounded to 34 significant digits, HALF_EVEN (Java's `MathContext.DECIMAL128`).
fn to_34_digits(value: i128) -> i128 {
    let digits = value.unsigned_abs().checked_ilog10().map_or(1, |d| d + 1);
    if digits <= 34 {
        return value;
    }
    let d = pow10(digits - 34).unwrap_or(1);
    let (q, r) = (value / d, value % d);
    let twice = r.unsigned_abs() * 2;
    let up = twice > d.unsigned_abs() || (twice == d.unsigned_abs() && q % 2 != 0);
    (if up { q + value.signum() } else { q }) * d
}

/// `NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION` for an exact result (unscaled, at
/// `scale`) that Scala's 34-digit `BigDecimal` rounds past `precision` digits: Spark
/// shows the rounded value plainly and the 34-digit one as Java prints a `BigDecimal`.
pub fn rounded_out_of_range_message(exact: i128, precision: u8, scale: u8) -> String {
    let r = to_34_digits(exact);
    format!(
        " The {} rounded half up from {} cannot be represented as Decimal({precision}, {scale}). SQLSTATE: 22003",
        decimal_text(r, scale),
        java_big_decimal_34(r, scale)
    )
}

/// `BigDecimal.toString` of a value already rounded to 34 significant digits: its
/// coefficient has at most 34 digits, so trailing digits beyond those are exponent.
fn java_big_decimal_34(value: i128, scale: u8) -> String {
    let mut digits = value.unsigned_abs().to_string();
    let mut scale = scale as i64;
    if digits.len() > 34 {
        scale -= (digits.len() - 34) as i64;
        digits.truncate(34);
    }
    let sign = if value < 0 { "-" } else { "" };
    let adjusted = digits.len() as i64 - 1 - scale;
    if scale >= 0 && adjusted >= -6 {
        return format!("{sign}{}", decimal_text(digits.parse::<i128>().unwrap_or(0), scale as u8));
    }
    let (first, rest) = digits.split_at(1);
    let point = if rest.is_empty() { String::new() } else { format!(".{rest}") };
    format!("{sign}{first}{point}E{}{adjusted}", if adjusted >= 0 { "+" } else { "" })
}

/// Spark's `-x` and `abs(x)` of a DECIMAL(precision, scale): Scala's `BigDecimal`
/// arithmetic rounds to 34 significant digits, and a value that then needs more than
/// `precision` digits fails with `NUMERIC_VALUE_OUT_OF_RANGE` in both ANSI modes.
pub fn negate_or_abs(input: pl::Expr, abs: bool, precision: u8) -> pl::Expr {
    let limit = pow10(precision as u32).unwrap_or(i128::MAX);
    input.map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().decimal()?.clone();
            let (p, s) = (ca.precision(), ca.scale());
            let mut out = Vec::with_capacity(ca.len());
            for v in ca.physical().iter() {
                out.push(match v {
                    Some(v) => {
                        let exact = if abs { v.abs() } else { -v };
                        let r = to_34_digits(exact);
                        if r.unsigned_abs() >= limit.unsigned_abs() {
                            return Err(super::errors::runtime_error(
                                crate::error::ErrorKind::Arithmetic,
                                "NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION",
                                &rounded_out_of_range_message(exact, p as u8, s as u8),
                            ));
                        }
                        Some(r)
                    }
                    None => None,
                });
            }
            let values: pl::Int128Chunked = out.into_iter().collect();
            Ok(values.into_decimal_unchecked(p, s).into_series().with_name(c.name().clone()).into_column())
        },
        |_, f| Ok(f.clone()),
    )
}

/// The sum of a group of decimals at DECIMAL(38, scale), exact: NULL when it needs more
/// than 38 digits (Polars' 128-bit sum would wrap).
pub fn checked_sum(input: pl::Expr, scale: u8) -> pl::Expr {
    let out_type = PlType::Decimal(38, scale as usize);
    let result_type = out_type.clone();
    let limit = pow10(38).unwrap_or(i128::MAX);
    input.agg_with_fmt_str(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().decimal()?.clone();
            let total = ca.physical().iter().flatten().try_fold(0i128, |acc, v| acc.checked_add(v)).filter(|t| t.unsigned_abs() < limit.unsigned_abs());
            let values: pl::Int128Chunked = [total].into_iter().collect();
            Ok(values.into_decimal_unchecked(38, scale as usize).into_series().with_name(c.name().clone()).into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), result_type.clone())),
        "checked_decimal_sum",
    )
    .cast(out_type)
}

/// DECIMAL to DOUBLE as Java's `BigDecimal.doubleValue` gives it: the double nearest
/// the exact value. Small values (all of TPC-H's money) take Java's own fast path, one
/// exact division of two exactly representable doubles; Polars' cast goes through a
/// software 128-bit conversion that costs more than the rest of a filter.
pub fn to_double(input: pl::Expr) -> pl::Expr {
    input.map(
        |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().decimal()?.clone();
            let scale = ca.scale();
            let divisor = 10f64.powi(scale as i32);
            let values: pl::Float64Chunked = ca.physical().iter().map(|v| v.map(|v| unscaled_to_double(v, scale, divisor))).collect();
            Ok(values.into_series().with_name(c.name().clone()).into_column())
        },
        |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Float64)),
    )
}

/// The double nearest `unscaled / 10^scale`; `divisor` is `10^scale` as a double.
fn unscaled_to_double(unscaled: i128, scale: usize, divisor: f64) -> f64 {
    if unscaled.unsigned_abs() < (1u128 << 52) && scale <= 22 {
        // Both operands exact, so the one division rounds correctly.
        (unscaled as i64) as f64 / divisor
    } else {
        // Rust's parser rounds correctly, as Java's does.
        format!("{unscaled}e-{scale}").parse::<f64>().unwrap_or(f64::NAN)
    }
}

/// For `CAST(d AS DOUBLE) <op> c` with `d` a DECIMAL of `scale` and `c` a finite double:
/// the smallest unscaled values whose double is `>= c` and `> c`. The cast is monotonic,
/// so every comparison with `c` becomes one with these exact decimals — a native
/// comparison Polars can push into a scan, instead of a conversion of every row.
/// None when `c` is not finite or too large for the search to be short.
pub fn double_thresholds(c: f64, scale: u8) -> Option<(i128, i128)> {
    let divisor = 10f64.powi(scale as i32);
    let approx = c * divisor;
    if !approx.is_finite() || approx.abs() >= (1u64 << 51) as f64 || scale > 22 {
        return None;
    }
    let f = |k: i128| unscaled_to_double(k, scale as usize, divisor);
    let smallest = |pred: &dyn Fn(f64) -> bool| {
        let mut k = approx.ceil() as i128;
        while pred(f(k - 1)) {
            k -= 1;
        }
        while !pred(f(k)) {
            k += 1;
        }
        k
    };
    Some((smallest(&|x| x >= c), smallest(&|x| x > c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::IntoLazy;

    #[test]
    fn to_double_is_the_nearest_double() {
        let values: pl::Int128Chunked = [Some(5i128), None, Some(-123_456_789), Some(i128::MAX / 7)].into_iter().collect();
        let dec = values.with_name("d".into()).into_decimal_unchecked(38, 2).into_series().into_column();
        let out = pl::DataFrame::new(4, vec![dec]).unwrap().lazy().select([to_double(pl::col("d"))]).collect().unwrap();
        let v: Vec<Option<f64>> = out.column("d").unwrap().f64().unwrap().iter().collect();
        assert_eq!(v[0], Some(0.05));
        assert_eq!(v[1], None);
        assert_eq!(v[2], Some(-1234567.89));
        assert_eq!(v[3], Some(format!("{}e-2", i128::MAX / 7).parse::<f64>().unwrap()));
    }

    #[test]
    fn double_thresholds_match_the_cast() {
        for (c, scale) in [(0.05, 2u8), (0.07, 2), (24.0, 2), (-1.005, 2), (0.1 + 0.2, 1), (0.3, 1), (1e-9, 2), (123.456, 0), (-0.0, 3)] {
            let (ge, gt) = double_thresholds(c, scale).unwrap();
            let d = 10f64.powi(scale as i32);
            let f = |k: i128| unscaled_to_double(k, scale as usize, d);
            assert!(f(ge) >= c && f(ge - 1) < c, "{c} {scale}");
            assert!(f(gt) > c && f(gt - 1) <= c, "{c} {scale}");
        }
        assert_eq!(double_thresholds(0.05, 2), Some((5, 6)));
        assert_eq!(double_thresholds(f64::NAN, 2), None);
        assert_eq!(double_thresholds(f64::INFINITY, 2), None);
    }

    #[test]
    fn a_product_past_128_bits_rounds_to_its_scale() {
        // 99.99 * -9223372036854775808 at scale 18, then at scale 9 (group 545 of seed 202618).
        let b = -9223372036854775808i128 * 10i128.pow(18);
        assert_eq!(apply(BinaryOp::Multiply, 9999, 2, b, 18, 9), Some(-922244969965109033041920000000));
        assert_eq!(wide_product_half_up(15, 1, 1), Some(2));
        assert_eq!(wide_product_half_up(-15, 1, 1), Some(-2));
        assert_eq!(wide_product_half_up(14, 1, 1), Some(1));
        assert_eq!(wide_product_half_up(i128::MAX, i128::MAX, 1), None);
    }

    #[test]
    fn multiply_keeps_spark_scale() {
        // 2.50 * 0.7 = 1.750 at scale 3
        assert_eq!(apply(BinaryOp::Multiply, 250, 2, 7, 1, 3), Some(1750));
        // rounding when precision is lost: 1.25 * 0.1 at scale 2 = 0.13 (HALF_UP)
        assert_eq!(apply(BinaryOp::Multiply, 125, 2, 1, 1, 2), Some(13));
    }

    #[test]
    fn divide_rounds_half_up() {
        // 1.00 / 3.0 at scale 6 = 0.333333
        assert_eq!(apply(BinaryOp::Divide, 100, 2, 30, 1, 6), Some(333333));
        // 2 / 3 at scale 6 = 0.666667
        assert_eq!(apply(BinaryOp::Divide, 2, 0, 3, 0, 6), Some(666667));
        assert_eq!(apply(BinaryOp::Divide, -2, 0, 3, 0, 6), Some(-666667));
        assert_eq!(apply(BinaryOp::Divide, 1, 0, 0, 0, 6), None);
        // A divisor beyond 128 bits at the dividend's scale leaves the dividend.
        assert_eq!(apply(BinaryOp::Modulo, 10842021723770842168, 28, 9223372036854775808, 2, 28), Some(10842021723770842168));
        // The scaled dividend needs more than 128 bits; the quotient does not.
        assert_eq!(apply(BinaryOp::Divide, -9999999999, 2, -69999999993, 2, 28), Some(1428571428571428571428571429));
    }

    #[test]
    fn add_aligns_scales_and_detects_overflow() {
        // 1.5 + 0.25 at scale 2 = 1.75
        assert_eq!(apply(BinaryOp::Add, 15, 1, 25, 2, 2), Some(175));
        assert_eq!(apply(BinaryOp::Subtract, 15, 1, 25, 2, 2), Some(125));
        assert_eq!(apply(BinaryOp::Add, i128::MAX, 0, 1, 0, 0), None);
    }

    #[test]
    fn decimal128_context_keeps_34_digits() {
        assert_eq!(to_34_digits(12345678901234567890123456789012345678), 12345678901234567890123456789012350000);
        assert_eq!(to_34_digits(-1234), -1234);
        assert_eq!(to_34_digits(10i128.pow(38) - 1), 10i128.pow(38));
    }

    #[test]
    fn remainder_takes_dividend_sign() {
        // -7.5 % 2 = -1.5
        assert_eq!(apply(BinaryOp::Modulo, -75, 1, 2, 0, 1), Some(-15));
    }
}
