//! Spark arithmetic on Polars: division by zero (error under ANSI, NULL in legacy
//! mode), Java's remainder sign, and integer overflow checks under ANSI.

use super::checks::{broadcast_len, check_rows, fail_where, row};
use super::errors::divide_by_zero_message;
use crate::error::ErrorKind;
use crate::ir::{BinaryOp, DataType, Value};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, when, AnyValue, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

fn null_of(t: &DataType) -> pl::Expr {
    lit(pl::NULL).cast(to_polars(t))
}

fn divide_by_zero(value: pl::Expr, left: pl::Expr, right: pl::Expr, reachable: Option<pl::Expr>) -> pl::Expr {
    let bad = right.clone().eq(lit(0)).and(left.is_not_null());
    fail_where(value, bad, reachable, right, ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", |_| divide_by_zero_message())
}

/// `left op right` on two literals, computed now (Spark folds constants too; Polars
/// cannot run our row checks on an all-literal expression). None: not foldable here.
pub fn fold_literals(op: BinaryOp, left: &Value, right: &Value, ansi: bool) -> Option<crate::error::Result<Value>> {
    use crate::error::Error;
    if left.is_null() || right.is_null() {
        return None;
    }
    let overflow = |t: &str| {
        let class = if t == "TINYINT" || t == "SMALLINT" { "BINARY_ARITHMETIC_OVERFLOW" } else { "ARITHMETIC_OVERFLOW" };
        Error::new(ErrorKind::Arithmetic, class, super::errors::overflow_message_with(t, super::errors::try_function_of(op)))
    };
    let by_zero = || Error::new(ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", divide_by_zero_message());
    macro_rules! int_op {
        ($a:expr, $b:expr, $wrap:ident, $name:expr) => {{
            let (a, b) = ($a, $b);
            let checked = match op {
                BinaryOp::Add => a.checked_add(b),
                BinaryOp::Subtract => a.checked_sub(b),
                BinaryOp::Multiply => a.checked_mul(b),
                BinaryOp::Modulo if b == 0 => return Some(if ansi { Err(by_zero()) } else { Ok(Value::Null) }),
                BinaryOp::Modulo => Some(a.wrapping_rem(b)),
                _ => return None,
            };
            Some(match checked {
                Some(v) => Ok(Value::$wrap(v)),
                None if ansi => Err(overflow($name)),
                None => Ok(Value::$wrap(match op {
                    BinaryOp::Add => a.wrapping_add(b),
                    BinaryOp::Subtract => a.wrapping_sub(b),
                    _ => a.wrapping_mul(b),
                })),
            })
        }};
    }
    match (left, right) {
        (Value::YearMonthInterval(a, s, e), Value::YearMonthInterval(b, ..)) if matches!(op, BinaryOp::Add | BinaryOp::Subtract) => {
            let r = if op == BinaryOp::Add { a.checked_add(*b) } else { a.checked_sub(*b) };
            Some(r.map(|m| Value::YearMonthInterval(m, *s, *e)).ok_or_else(|| interval_overflow(op)))
        }
        (Value::DayTimeInterval(a, s, e), Value::DayTimeInterval(b, ..)) if matches!(op, BinaryOp::Add | BinaryOp::Subtract) => {
            let r = if op == BinaryOp::Add { a.checked_add(*b) } else { a.checked_sub(*b) };
            Some(r.map(|us| Value::DayTimeInterval(us, *s, *e)).ok_or_else(|| interval_overflow(op)))
        }
        (Value::Integer(a), Value::Integer(b)) => int_op!(*a, *b, Integer, "INT"),
        (Value::Long(a), Value::Long(b)) => int_op!(*a, *b, Long, "BIGINT"),
        (Value::Short(a), Value::Short(b)) => int_op!(*a, *b, Short, "SMALLINT"),
        (Value::Byte(a), Value::Byte(b)) => int_op!(*a, *b, Byte, "TINYINT"),
        _ => None,
    }
}

/// The error of two interval literals' sum or difference out of range.
fn interval_overflow(op: BinaryOp) -> crate::error::Error {
    let try_function = if op == BinaryOp::Add { "try_add" } else { "try_subtract" };
    match super::ansi_interval::overflow(try_function) {
        super::datetime_fns::RowError::Spark { kind, class, message } => crate::error::Error::new(kind, class, message),
        _ => crate::error::Error::internal("an interval overflow is a Spark error"),
    }
}

/// IEEE `a - b` or `a / b`, or Java's `a % b`, one value at a time. Polars' scalar
/// kernels (one side of one value, broadcast) divide by multiplying with the
/// reciprocal and turn `0 - x` into `-x`; both differ from Java in the last bit or the
/// sign of zero. Its kernels over two columns of one length are IEEE's, and they run
/// those. Its float remainder is floored (`a - b * floor(a / b)`, inexact); Java's is
/// C's `fmod` (exact, the dividend's sign), which is Rust's `%` on floats.
fn exact_f64(op: BinaryOp, left: pl::Expr, right: pl::Expr) -> pl::Expr {
    left.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let a = cols[0].as_materialized_series().f64()?.clone();
            let b = cols[1].as_materialized_series().f64()?.clone();
            if a.len() == b.len() && op != BinaryOp::Modulo {
                let out = if op == BinaryOp::Divide { &a / &b } else { &a - &b };
                return Ok(out.into_series().with_name(cols[0].name().clone()).into_column());
            }
            let n = broadcast_len([a.len(), b.len()]);
            let get = |ca: &pl::Float64Chunked, i: usize| if ca.len() == 1 { ca.get(0) } else { ca.get(i) };
            let out: pl::Float64Chunked = (0..n)
                .map(|i| match (get(&a, i), get(&b, i)) {
                    (Some(x), Some(y)) => Some(match op {
                        BinaryOp::Divide => x / y,
                        BinaryOp::Modulo => x % y,
                        _ => x - y,
                    }),
                    _ => None,
                })
                .collect();
            Ok(out.into_series().with_name(cols[0].name().clone()).into_column())
        },
        &[right],
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::Float64)),
    )
}

/// IEEE `left / right` of two DOUBLE expressions, also where one side is a literal (Polars
/// would multiply by the literal's reciprocal: `micros / 1e6` off in the last bit).
pub fn ieee_divide(left: pl::Expr, right: pl::Expr) -> pl::Expr {
    exact_f64(BinaryOp::Divide, left, right)
}

/// `left op right` for operands already cast to `t` (the common type).
pub fn arithmetic(op: BinaryOp, left: pl::Expr, right: pl::Expr, t: &DataType, ansi: bool, reachable: Option<pl::Expr>) -> pl::Expr {
    if t.is_ansi_interval() && matches!(op, BinaryOp::Add | BinaryOp::Subtract) {
        return super::ansi_interval::add(op, left, right, t, true, reachable);
    }
    match op {
        BinaryOp::Divide => {
            let zero = right.clone().eq(lit(0));
            let quotient = if matches!(t, DataType::Decimal(..)) {
                left.clone() / right.clone()
            } else {
                exact_f64(op, left.clone().cast(PlType::Float64), right.clone().cast(PlType::Float64))
            };
            let result_t = crate::analysis::typing::arithmetic_type(op, t);
            let value = when(zero).then(null_of(&result_t)).otherwise(quotient);
            if ansi { divide_by_zero(value, left, right, reachable) } else { value }
        }
        BinaryOp::IntegralDivide => {
            let (l, r) = (left.clone().cast(PlType::Int64), right.clone().cast(PlType::Int64));
            // Truncating division: floor division corrected toward zero.
            let floor = l.clone().floor_div(r.clone());
            let inexact = (floor.clone() * r.clone()).neq(l.clone());
            let negative = l.lt(lit(0)).xor(r.clone().lt(lit(0)));
            let trunc = when(inexact.and(negative)).then(floor.clone() + lit(1)).otherwise(floor);
            let value = when(r.eq(lit(0))).then(null_of(&DataType::Long)).otherwise(trunc);
            if ansi { divide_by_zero(value, left, right, reachable) } else { value }
        }
        BinaryOp::Modulo if t.is_floating() => {
            // A float remainder of exactly representable operands is exact: computing a
            // FLOAT's in double precision and narrowing back changes nothing.
            let rem = exact_f64(op, left.clone().cast(PlType::Float64), right.clone().cast(PlType::Float64)).cast(to_polars(t));
            let value = when(right.clone().eq(lit(0))).then(null_of(t)).otherwise(rem);
            if ansi { divide_by_zero(value, left, right, reachable) } else { value }
        }
        BinaryOp::Modulo => {
            // Java's remainder takes the sign of the dividend; Polars' takes the divisor's.
            let m = left.clone() % right.clone();
            let fix = m.clone().neq(lit(0)).and(m.clone().lt(lit(0)).xor(left.clone().lt(lit(0))));
            let rem = when(fix).then(m.clone() - right.clone()).otherwise(m);
            let value = when(right.clone().eq(lit(0))).then(null_of(t)).otherwise(rem);
            if ansi { divide_by_zero(value, left, right, reachable) } else { value }
        }
        BinaryOp::Subtract if t.is_floating() => exact_f64(op, left.cast(PlType::Float64), right.cast(PlType::Float64)).cast(to_polars(t)),
        BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply => {
            let value = match op {
                BinaryOp::Add => left.clone() + right.clone(),
                BinaryOp::Subtract => left.clone() - right.clone(),
                _ => left.clone() * right.clone(),
            };
            if ansi && t.is_integral() { overflow_checked(op, value, left, right, t, reachable) } else { value }
        }
        _ => unreachable!("not an arithmetic operator"),
    }
}

/// Decimal `left op right` at Spark's result type `result`, for operands of
/// DECIMAL(lp, ls) and DECIMAL(rp, rs). A result too wide for its precision is NULL,
/// or `NUMERIC_VALUE_OUT_OF_RANGE` under ANSI.
pub fn decimal_arithmetic(
    op: BinaryOp,
    (left, (lp, ls)): (pl::Expr, (u8, u8)),
    (right, (rp, rs)): (pl::Expr, (u8, u8)),
    result: &DataType,
    ansi: bool,
    reachable: Option<pl::Expr>,
) -> pl::Expr {
    let DataType::Decimal(p, s) = *result else { return arithmetic(op, left, right, result, ansi, reachable) };
    let value = match op {
        // Without Spark's precision-loss adjustment (p <= 38) a sum always fits its
        // type, and Polars' own addition at the wider scale is exact.
        BinaryOp::Add | BinaryOp::Subtract if ((lp - ls).max(rp - rs) as u32) + (ls.max(rs) as u32) < 38 => {
            let wide = PlType::Decimal(38, s as usize);
            let (l, r) = (left.clone().cast(wide.clone()), right.clone().cast(wide));
            let sum = if op == BinaryOp::Add { l + r } else { l - r };
            return sum.cast(PlType::Decimal(p as usize, s as usize));
        }
        _ => super::decimal::binary(op, left.clone(), right.clone(), p, s),
    };
    if !ansi {
        return value;
    }
    let by_zero = matches!(op, BinaryOp::Divide | BinaryOp::Modulo);
    // One check over the operands (each in the plan once more, not once per check):
    // a zero divisor first on any reachable row, then a result that overflowed.
    check_rows(value, vec![left, right], reachable, move |cols, reachable| {
        let (value, l, r) = (&cols[0], &cols[1], &cols[2]);
        // Length-1 columns broadcast; an empty one means no rows.
        let n = broadcast_len(cols.iter().map(|c| c.len()));
        let divisor = r.cast(&PlType::Float64)?;
        let zero = |i: usize| -> PolarsResult<bool> { Ok(matches!(row(&divisor, i)?, AnyValue::Float64(d) if d == 0.0)) };
        if by_zero {
            for i in 0..n {
                if reachable(i) && zero(i)? && !row(l, i)?.is_null() {
                    return Ok(Some((ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", divide_by_zero_message())));
                }
            }
        }
        // Both operands set (and a divisor other than zero) but no result: it overflowed.
        for i in 0..n {
            if !reachable(i) || row(l, i)?.is_null() || row(r, i)?.is_null() || !row(value, i)?.is_null() || (by_zero && zero(i)?) {
                continue;
            }
            // Spark shows the exact result (beyond i128).
            let text = |c: &Column| -> PolarsResult<String> {
                Ok(match row(&c.cast(&PlType::String)?, i)? {
                    AnyValue::String(t) => t.to_string(),
                    AnyValue::StringOwned(t) => t.to_string(),
                    other => other.to_string(),
                })
            };
            let message = match super::exact_decimal::exact_result(op, &text(l)?, ls, &text(r)?, rs) {
                Some(value) => super::errors::decimal_value_overflow_message(&value, p, s),
                None => super::errors::decimal_overflow_message(p, s),
            };
            return Ok(Some((ErrorKind::Arithmetic, "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", message)));
        }
        Ok(None)
    })
}

/// `-x`: the sign flipped (`-(0.0)` is -0.0, as in Java); negating an integer's
/// minimum overflows, which ANSI mode reports and legacy mode wraps.
pub fn negate(x: pl::Expr, t: &DataType, ansi: bool, reachable: Option<pl::Expr>) -> pl::Expr {
    if let DataType::Decimal(p, _) = t {
        return super::decimal::negate_or_abs(x, false, *p);
    }
    if t.is_ansi_interval() {
        return super::ansi_interval::negate(x, t, true, reachable);
    }
    let value = -x.clone();
    let min = match t {
        DataType::Byte => i8::MIN as i64,
        DataType::Short => i16::MIN as i64,
        DataType::Integer => i32::MIN as i64,
        DataType::Long => i64::MIN,
        _ => return value,
    };
    if !ansi {
        return value;
    }
    let type_name = t.sql();
    let bad = x.cast(PlType::Int64).eq(lit(min));
    fail_where(value, bad, reachable, lit(0), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", move |_| {
        super::errors::overflow_message_with(&type_name, "")
    })
}

fn overflow_checked(op: BinaryOp, value: pl::Expr, left: pl::Expr, right: pl::Expr, t: &DataType, reachable: Option<pl::Expr>) -> pl::Expr {
    let bad = if *t == DataType::Long {
        let (l_neg, r_neg, v_neg) = (left.clone().lt(lit(0)), right.clone().lt(lit(0)), value.clone().lt(lit(0)));
        match op {
            BinaryOp::Add => l_neg.clone().eq(r_neg).and(v_neg.neq(l_neg)),
            BinaryOp::Subtract => l_neg.clone().neq(r_neg).and(v_neg.neq(l_neg)),
            _ => right.clone().neq(lit(0)).and(value.clone().floor_div(right.clone()).neq(left.clone())),
        }
    } else {
        let (l, r) = (left.clone().cast(PlType::Int64), right.clone().cast(PlType::Int64));
        let wide = match op {
            BinaryOp::Add => l + r,
            BinaryOp::Subtract => l - r,
            _ => l * r,
        };
        wide.clone().neq(value.clone().cast(PlType::Int64))
    };
    let type_name = t.sql();
    let try_function = super::errors::try_function_of(op);
    if matches!(t, DataType::Byte | DataType::Short) {
        // Spark reports TINYINT and SMALLINT overflow as the operation, its operands
        // widened to SMALLINT (`127S + 1S`): both operands travel to the message.
        let operands = pl::concat_str([left.cast(PlType::String), right.cast(PlType::String)], "|", false);
        let symbol = match op {
            BinaryOp::Add => "+",
            BinaryOp::Subtract => "-",
            _ => "*",
        };
        return fail_where(value, bad, reachable, operands, ErrorKind::Arithmetic, "BINARY_ARITHMETIC_OVERFLOW", move |v| {
            let text = match v {
                AnyValue::String(s) => s.to_string(),
                AnyValue::StringOwned(s) => s.to_string(),
                other => other.to_string(),
            };
            let (l, r) = text.split_once('|').unwrap_or((&text, ""));
            format!("{l}S {symbol} {r}S caused overflow. Use `{try_function}` to ignore overflow problem and return NULL. SQLSTATE: 22003")
        });
    }
    fail_where(value, bad, reachable, lit(0), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", move |_| {
        super::errors::overflow_message_with(&type_name, try_function)
    })
}
