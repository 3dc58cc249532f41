//! Casts to and from DECIMAL as Spark does them, on the unscaled 128-bit values:
//! HALF_UP to the target scale, NULL where a value does not fit the precision (the
//! caller turns that into ANSI's error), doubles through their decimal text
//! (`BigDecimal.valueOf`), and decimals to integers either exactly or wrapping like
//! Java's `BigDecimal.longValue()`. Polars' own decimal casts panic on overflow.

use super::decimal::{pow10, shift_right_half_up};
use super::java_decimal::{java_big_decimal, java_trim};
use crate::error::ErrorKind;
use polars::prelude::{self as pl, Column, DataType as PlType, IntoColumn, IntoSeries, NamedFrom, PolarsResult};

/// `value` (at `from` scale) at `to` scale, HALF_UP; None when it needs more than
/// `precision` digits.
fn rescale_value(value: i128, from: u32, precision: u8, to: u32) -> Option<i128> {
    let v = if to >= from { value.checked_mul(pow10(to - from)?)? } else { shift_right_half_up(value, from - to)? };
    fits(v, precision).then_some(v)
}

fn fits(unscaled: i128, precision: u8) -> bool {
    pow10(precision as u32).is_none_or(|limit| unscaled.unsigned_abs() < limit.unsigned_abs())
}

fn decimal_column(name: pl::PlSmallStr, values: impl Iterator<Item = Option<i128>>, precision: u8, scale: u8) -> Column {
    let ca: pl::Int128Chunked = values.collect();
    ca.into_decimal_unchecked(precision as usize, scale as usize).into_series().with_name(name).into_column()
}

fn to_decimal_type(precision: u8, scale: u8) -> PlType {
    PlType::Decimal(precision as usize, scale as usize)
}

/// DECIMAL to DECIMAL(precision, scale).
pub fn rescale(input: pl::Expr, precision: u8, scale: u8) -> pl::Expr {
    let out = to_decimal_type(precision, scale);
    input.map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().decimal()?.clone();
            let from = ca.scale() as u32;
            let values = ca.physical().iter().map(|v| v.and_then(|v| rescale_value(v, from, precision, scale as u32)));
            Ok(decimal_column(c.name().clone(), values, precision, scale))
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), out.clone())),
    )
}

/// Integers to DECIMAL(precision, scale).
pub fn from_integers(input: pl::Expr, precision: u8, scale: u8) -> pl::Expr {
    let out = to_decimal_type(precision, scale);
    input.cast(PlType::Int64).map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().i64()?.clone();
            let values = ca.iter().map(|v| v.and_then(|v| rescale_value(v as i128, 0, precision, scale as u32)));
            Ok(decimal_column(c.name().clone(), values, precision, scale))
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), out.clone())),
    )
}

/// The unscaled value of a double's decimal text at `scale`, HALF_UP.
fn double_value(x: f64, precision: u8, scale: u8) -> Option<i128> {
    if !x.is_finite() {
        return None;
    }
    // Rust prints the shortest text that reads back as `x`, in plain notation.
    let text = format!("{}", x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let int = int.trim_start_matches('0');
    if int.len() > 38 {
        return None;
    }
    // HALF_UP looks at the first dropped digit only.
    let kept = &frac[..frac.len().min(scale as usize + 1)];
    let unscaled: i128 = format!("0{int}{kept}").parse().ok()?;
    let v = rescale_value(unscaled, kept.len() as u32, 38, scale as u32)?;
    let v = if x.is_sign_negative() { -v } else { v };
    fits(v, precision).then_some(v)
}

/// Doubles to DECIMAL(precision, scale): NaN and ±Infinity are NULL.
pub fn from_doubles(input: pl::Expr, precision: u8, scale: u8) -> pl::Expr {
    let out = to_decimal_type(precision, scale);
    input.cast(PlType::Float64).map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().f64()?.clone();
            let values = ca.iter().map(|v| v.and_then(|v| double_value(v, precision, scale)));
            Ok(decimal_column(c.name().clone(), values, precision, scale))
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), out.clone())),
    )
}

/// DECIMAL to an integer type (`Int8`..`Int64`), truncating the fraction. `wrap`
/// keeps the low bits as Java's `BigDecimal.longValue()`/`intValue()` do (legacy
/// casts); otherwise a value out of the type's range is NULL.
pub fn to_integers(input: pl::Expr, target: PlType, wrap: bool) -> pl::Expr {
    let bits = match target {
        PlType::Int8 => 8,
        PlType::Int16 => 16,
        PlType::Int32 => 32,
        _ => 64,
    };
    let out_type = target.clone();
    input
        .map(
            move |c: Column| -> PolarsResult<Column> {
                let ca = c.as_materialized_series().decimal()?.clone();
                let divisor = pow10(ca.scale() as u32).unwrap_or(1);
                let (lo, hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
                let values: Vec<Option<i64>> = ca
                    .physical()
                    .iter()
                    .map(|v| {
                        let whole = v? / divisor;
                        if wrap {
                            // Two's complement low bits, sign-extended from the type's width.
                            let low = (whole as i64) << (64 - bits) >> (64 - bits);
                            Some(low)
                        } else {
                            (lo..=hi).contains(&whole).then_some(whole as i64)
                        }
                    })
                    .collect();
                Ok(pl::Series::new(c.name().clone(), values).into_column())
            },
            |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Int64)),
        )
        .cast(out_type)
}

/// `left op right` for decimals of different scales, compared exactly.
pub fn compare(op: crate::ir::BinaryOp, left: pl::Expr, right: pl::Expr) -> pl::Expr {
    use crate::ir::BinaryOp::*;
    use std::cmp::Ordering;
    left.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let a = cols[0].as_materialized_series().decimal()?.clone();
            let b = cols[1].as_materialized_series().decimal()?.clone();
            let (sa, sb) = (a.scale() as u32, b.scale() as u32);
            let n = super::checks::broadcast_len([a.len(), b.len()]);
            let get = |ca: &pl::Int128Chunked, i: usize| ca.get(if ca.len() == 1 { 0 } else { i });
            let values: Vec<Option<bool>> = (0..n)
                .map(|i| {
                    let (x, y) = (get(a.physical(), i), get(b.physical(), i));
                    let ord = match (x, y) {
                        (Some(x), Some(y)) => compare_scaled(x, sa, y, sb),
                        _ if op == EqNullSafe => return Some(x.is_none() && y.is_none()),
                        _ => return None,
                    };
                    Some(match op {
                        Eq | EqNullSafe => ord == Ordering::Equal,
                        NotEq => ord != Ordering::Equal,
                        Lt => ord == Ordering::Less,
                        LtEq => ord != Ordering::Greater,
                        Gt => ord == Ordering::Greater,
                        _ => ord != Ordering::Less,
                    })
                })
                .collect();
            Ok(pl::Series::new(cols[0].name().clone(), values).into_column())
        },
        &[right],
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::Boolean)),
    )
}

/// Orders `x / 10^sx` against `y / 10^sy` without overflowing: whole parts first,
/// then the fractions brought to one scale (both below 10^38 there).
fn compare_scaled(x: i128, sx: u32, y: i128, sy: u32) -> std::cmp::Ordering {
    let (dx, dy) = (pow10(sx).unwrap_or(1), pow10(sy).unwrap_or(1));
    // Floor division keeps the fractions non-negative, so whole parts decide first.
    let (wx, wy) = (x.div_euclid(dx), y.div_euclid(dy));
    if wx != wy {
        return wx.cmp(&wy);
    }
    let (fx, fy) = (x.rem_euclid(dx), y.rem_euclid(dy));
    let s = sx.max(sy);
    let scale_up = |f: i128, from: u32| f * pow10(s - from).unwrap_or(1);
    scale_up(fx, sx).cmp(&scale_up(fy, sy))
}

/// Why a string is no DECIMAL(p, s) (`Decimal.fromStringANSI` and `changePrecision`).
#[derive(Debug, PartialEq)]
enum BadDecimalText {
    /// Not a `java.math.BigDecimal` after `String.trim()`: CAST_INVALID_INPUT.
    Malformed,
    /// More than 38 digits before the point: NUMERIC_OUT_OF_SUPPORTED_RANGE.
    TooManyDigits,
    /// Too wide for the precision once rounded HALF_UP to the scale: the value's text.
    OutOfRange(String),
}

fn decimal_of_text(text: &str, precision: u8, scale: u8) -> Result<i128, BadDecimalText> {
    let d = java_big_decimal(java_trim(text)).ok_or(BadDecimalText::Malformed)?;
    if d.integral_digits() > 38 {
        return Err(BadDecimalText::TooManyDigits);
    }
    d.rescaled(precision, scale).ok_or_else(|| BadDecimalText::OutOfRange(d.plain()))
}

/// STRING to DECIMAL(precision, scale) as Spark's cast: Java's `BigDecimal` of the
/// trimmed text (exponents, any Unicode digits), HALF_UP to the scale (Polars' own
/// parse rounds half to even). Bad text is NULL, or with `fail` (ANSI) Spark's error
/// for the first such row that `reachable` holds.
pub fn from_strings(input: pl::Expr, precision: u8, scale: u8, fail: bool, reachable: Option<pl::Expr>) -> pl::Expr {
    let out = to_decimal_type(precision, scale);
    let masked = reachable.is_some();
    let mask: Vec<pl::Expr> = reachable.into_iter().map(|m| m.fill_null(pl::lit(false))).collect();
    let origin = super::errors::lowering_origin();
    let target = format!("DECIMAL({precision},{scale})");
    input.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let n = super::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let texts = cols[0].cast(&PlType::String)?;
            let texts = texts.as_materialized_series().str()?.clone();
            let mut values: Vec<Option<i128>> = Vec::with_capacity(n);
            for i in 0..n {
                let Some(text) = texts.get(if texts.len() == 1 { 0 } else { i }) else {
                    values.push(None);
                    continue;
                };
                match decimal_of_text(text, precision, scale) {
                    Ok(v) => values.push(Some(v)),
                    Err(bad) => {
                        if fail && super::checks::reached(cols.get(1).filter(|_| masked), i)? {
                            let (kind, class, message) = decimal_text_error(&bad, text, &target, precision, scale);
                            return Err(super::errors::runtime_error_at(kind, class, &message, origin.as_ref()));
                        }
                        values.push(None);
                    }
                }
            }
            Ok(decimal_column(cols[0].name().clone(), values.into_iter(), precision, scale))
        },
        &mask,
        move |_, f| Ok(pl::Field::new(f[0].name().clone(), out.clone())),
    )
}

fn decimal_text_error(bad: &BadDecimalText, text: &str, target: &str, precision: u8, scale: u8) -> (ErrorKind, &'static str, String) {
    match bad {
        BadDecimalText::Malformed => (
            ErrorKind::NumberFormat,
            "CAST_INVALID_INPUT",
            super::errors::malformed_cast_message(&format!("'{text}'"), "STRING", target),
        ),
        BadDecimalText::TooManyDigits => (
            ErrorKind::Arithmetic,
            "NUMERIC_OUT_OF_SUPPORTED_RANGE",
            format!("The value {text} cannot be interpreted as a numeric since it has more than 38 digits. SQLSTATE: 22003"),
        ),
        BadDecimalText::OutOfRange(plain) => (
            ErrorKind::Arithmetic,
            "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
            super::errors::decimal_value_overflow_message(plain, precision, scale),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn rescale_rounds_half_up_and_refuses_what_does_not_fit() {
        assert_eq!(rescale_value(12345, 3, 10, 2), Some(1235));
        assert_eq!(rescale_value(-12345, 3, 10, 2), Some(-1235));
        assert_eq!(rescale_value(10i128.pow(37), 0, 10, 2), None);
        assert_eq!(rescale_value(99999, 0, 5, 0), Some(99999));
        assert_eq!(rescale_value(100000, 0, 5, 0), None);
    }

    #[test]
    fn doubles_convert_through_their_text() {
        assert_eq!(double_value(9.9e37, 38, 0), Some(99 * 10i128.pow(36)));
        assert_eq!(double_value(0.1, 10, 2), Some(10));
        assert_eq!(double_value(-2.675, 10, 2), Some(-268));
        assert_eq!(double_value(f64::NAN, 10, 2), None);
        assert_eq!(double_value(1e-30, 38, 18), Some(0));
        assert_eq!(double_value(1e300, 38, 0), None);
        assert_eq!(double_value(0.125, 10, 2), Some(13));
    }

    #[test]
    fn mixed_scales_compare_exactly() {
        let big = 10i128.pow(38) - 1;
        assert_eq!(compare_scaled(big, 0, 10i128.pow(37), 18), Ordering::Greater);
        assert_eq!(compare_scaled(15, 1, 150, 2), Ordering::Equal);
        assert_eq!(compare_scaled(-15, 1, -149, 2), Ordering::Less);
    }

    #[test]
    fn strings_round_half_up_and_name_their_failure() {
        assert_eq!(decimal_of_text("-0.05", 5, 1), Ok(-1));
        assert_eq!(decimal_of_text(" 1.25\t", 5, 1), Ok(13));
        assert_eq!(decimal_of_text("\u{663}", 5, 1), Ok(30));
        assert_eq!(decimal_of_text("\u{3000}12", 5, 1), Err(BadDecimalText::Malformed));
        assert_eq!(decimal_of_text("9999.95", 5, 1), Err(BadDecimalText::OutOfRange("9999.95".into())));
        assert_eq!(decimal_of_text("1e10", 5, 1), Err(BadDecimalText::OutOfRange("10000000000".into())));
        assert_eq!(decimal_of_text("1e39", 38, 0), Err(BadDecimalText::TooManyDigits));
        assert_eq!(decimal_of_text("1e-1000000", 5, 1), Ok(0));
    }
}
