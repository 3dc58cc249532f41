//! Arithmetic of ANSI intervals (year-month: Int32 months; day-time: Duration
//! microseconds) as Spark's `IntervalMathUtils` and `MathUtils` do it: an overflow
//! fails whatever `spark.sql.ansi.enabled` says; `fail = false` (a `try_` function, that
//! is Spark's `TryEval`) gives NULL instead.

use super::datetime_fns::{as_i64, rows, RowError};
use crate::error::ErrorKind;
use crate::ir::{BinaryOp, DataType};
use crate::lowering::types::to_polars;
use polars::prelude as pl;

/// `INTERVAL_ARITHMETIC_OVERFLOW`, naming the `try_` function that avoids it (none for
/// negation).
pub fn overflow(try_function: &str) -> RowError {
    if try_function.is_empty() {
        return RowError::spark(
            ErrorKind::Arithmetic,
            "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION",
            "Integer overflow while operating with intervals. Try devising appropriate values for the interval parameters. SQLSTATE: 22015",
        );
    }
    RowError::spark(
        ErrorKind::Arithmetic,
        "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION",
        format!("Integer overflow while operating with intervals. Use `{try_function}` to tolerate overflow and return NULL instead. SQLSTATE: 22015"),
    )
}

/// The largest magnitude of an interval's physical value.
fn limits(t: &DataType) -> (i128, i128) {
    match t {
        DataType::YearMonthInterval(..) => (i32::MIN as i128, i32::MAX as i128),
        _ => (i64::MIN as i128, i64::MAX as i128),
    }
}

fn in_range(v: i128, t: &DataType) -> Option<i64> {
    let (lo, hi) = limits(t);
    (lo..=hi).contains(&v).then_some(v as i64)
}

/// `left ± right` of two intervals of one kind (`IntervalMathUtils.addExact`).
pub fn add(op: BinaryOp, left: pl::Expr, right: pl::Expr, t: &DataType, fail: bool, reachable: Option<pl::Expr>) -> pl::Expr {
    let t = t.clone();
    let subtract = op == BinaryOp::Subtract;
    rows::<pl::Int64Type>(vec![left, right], reachable, fail, to_polars(&t), move |v| {
        let (a, b) = (as_i64(&v[0]).unwrap_or(0) as i128, as_i64(&v[1]).unwrap_or(0) as i128);
        let r = if subtract { a - b } else { a + b };
        in_range(r, &t).map(Some).ok_or_else(|| overflow(if subtract { "try_subtract" } else { "try_add" }))
    })
}

/// `-x` (`IntervalMathUtils.negateExact`).
pub fn negate(x: pl::Expr, t: &DataType, fail: bool, reachable: Option<pl::Expr>) -> pl::Expr {
    let t = t.clone();
    rows::<pl::Int64Type>(vec![x], reachable, fail, to_polars(&t), move |v| {
        in_range(-(as_i64(&v[0]).unwrap_or(0) as i128), &t).map(Some).ok_or_else(|| overflow(""))
    })
}

/// `abs(x)`: `MathUtils.negateExact` of a negative value, whose overflow is
/// `ARITHMETIC_OVERFLOW` (Java's `integer`/`long overflow`), in both modes.
pub fn abs(x: pl::Expr, t: &DataType, reachable: Option<pl::Expr>) -> pl::Expr {
    let t = t.clone();
    let word = if matches!(t, DataType::YearMonthInterval(..)) { "integer" } else { "long" };
    rows::<pl::Int64Type>(vec![x], reachable, true, to_polars(&t), move |v| {
        in_range((as_i64(&v[0]).unwrap_or(0) as i128).abs(), &t).map(Some).ok_or_else(|| {
            RowError::spark(ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", super::errors::overflow_message_with(word, ""))
        })
    })
}

/// `sum` (or `avg`) of an interval's values: the exact total (or the total divided by
/// the count, HALF_UP as Guava's `IntMath.divide`); NULL without values; `Err` where the
/// total leaves the interval's range (Spark adds with `addExact` in both modes).
pub fn total(values: impl Iterator<Item = i64>, average: bool, t: &DataType) -> Result<Option<i64>, RowError> {
    let (mut sum, mut n) = (0i128, 0i128);
    for v in values {
        sum += v as i128;
        n += 1;
    }
    if n == 0 {
        return Ok(None);
    }
    in_range(sum, t).ok_or_else(|| overflow("try_add"))?;
    if !average {
        return Ok(Some(sum as i64));
    }
    let (q, r) = (sum / n, sum % n);
    let q = if 2 * r.abs() >= n { q + sum.signum() } else { q };
    Ok(Some(q as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_follow_the_physical_type() {
        let ym = DataType::YearMonthInterval(0, 1);
        assert_eq!(in_range(i32::MAX as i128, &ym), Some(i32::MAX as i64));
        assert_eq!(in_range(i32::MAX as i128 + 1, &ym), None);
        assert_eq!(in_range(-(i32::MIN as i128), &ym), None);
        let dt = DataType::DayTimeInterval(0, 3);
        assert_eq!(in_range(i32::MAX as i128 + 1, &dt), Some(i32::MAX as i64 + 1));
        assert_eq!(in_range(-(i64::MIN as i128), &dt), None);
    }

    #[test]
    fn totals_and_averages_round_half_up_and_overflow() {
        let ym = DataType::YearMonthInterval(0, 1);
        assert_eq!(total([1, 2].into_iter(), true, &ym), Ok(Some(2)));
        assert_eq!(total([-1, -2].into_iter(), true, &ym), Ok(Some(-2)));
        assert_eq!(total([1, 1, 2].into_iter(), true, &ym), Ok(Some(1)));
        assert_eq!(total([5, -3].into_iter(), false, &ym), Ok(Some(2)));
        assert_eq!(total(std::iter::empty(), true, &ym), Ok(None));
        assert!(total([i32::MAX as i64, 1].into_iter(), true, &ym).is_err());
        assert_eq!(total([i32::MAX as i64, 1].into_iter(), false, &DataType::DayTimeInterval(0, 3)), Ok(Some(i32::MAX as i64 + 1)));
    }

    #[test]
    fn overflow_names_the_try_function() {
        let RowError::Spark { class, message, .. } = overflow("try_subtract") else { panic!() };
        assert_eq!(class, "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION");
        assert!(message.contains("`try_subtract`"));
        let RowError::Spark { class, .. } = overflow("") else { panic!() };
        assert_eq!(class, "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION");
    }
}
