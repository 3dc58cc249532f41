//! Mathematical and bitwise functions. Polars' own expressions where their result
//! is Java's (`sqrt`, `sin`, `cos`, `tan`), kernels (`compat::kernels`) elsewhere:
//! Java's StrictMath (`compat::fdlibm`) for `exp`, `log`, `atan`..., Spark's formulas
//! (`log2` is `ln(x) / ln(2)`, `asinh` is `ln(x + sqrt(x * x + 1))`) and Java's special
//! cases (`pow(1, NaN)` is NaN, `signum(-0.0)` is -0.0).
//! `round` is HALF_UP and `bround` HALF_EVEN on the decimal value of a double.

use super::CallLowering;
use crate::compat::checks::fail_where;
use crate::compat::{fdlibm, kernels};
use crate::compat::math::{self as jm, round_double, round_integer, Rounding};
use crate::compat::random::{self, XorShiftRandom};
use crate::error::{ErrorKind, Result};
use crate::ir::function::MathFn;
use crate::ir::{BinaryOp, DataType, Expr, Value};
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, when, AnyValue, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

pub fn lower(f: MathFn, c: &CallLowering) -> Result<pl::Expr> {
    use MathFn::*;
    let x = || c.arg(0).cast(PlType::Float64);
    let y = || c.arg(1).cast(PlType::Float64);
    Ok(match f {
        Abs => abs(c)?,
        Sqrt => x().sqrt(),
        IsNan => match c.arg_type(0) {
            DataType::Float | DataType::Double => c.arg(0).is_nan().fill_null(lit(false)),
            _ => c.arg(0).is_null().and(lit(false)),
        },
        Round | Bround => {
            let scale = match c.call.args.len() {
                1 => 0,
                _ => c.int_literal(1).ok_or_else(|| c.unsupported("a non-literal scale"))?,
            } as i32;
            let mode = if f == Round { Rounding::HalfUp } else { Rounding::HalfEven };
            match &c.call.data_type {
                DataType::Decimal(p, s) => crate::compat::decimal::round(c.arg(0), scale, mode == Rounding::HalfEven, *p, *s),
                t if t.is_integral() && scale < 0 => round_integral(c, t, scale, mode),
                t => round_number(c.arg(0), t, scale, mode),
            }
        }
        Cbrt => kernels::float(x(), fdlibm::cbrt),
        Exp => kernels::float(x(), fdlibm::exp),
        Expm1 => kernels::float(x(), fdlibm::expm1),
        Ln => log_above(x(), 0.0, fdlibm::log),
        Log10 => log_above(x(), 0.0, fdlibm::log10),
        Log2 => log_above(x(), 0.0, |v| fdlibm::log(v) / fdlibm::log(2.0)),
        Log1p => log_above(x(), -1.0, fdlibm::log1p),
        Sin => x().sin(),
        Cos => x().cos(),
        Tan => x().tan(),
        Asin => kernels::float(x(), fdlibm::asin),
        Acos => kernels::float(x(), fdlibm::acos),
        Atan => kernels::float(x(), fdlibm::atan),
        Sinh => kernels::float(x(), fdlibm::sinh),
        Cosh => kernels::float(x(), fdlibm::cosh),
        Tanh => kernels::float(x(), fdlibm::tanh),
        Asinh => kernels::float(x(), jm::asinh),
        Acosh => kernels::float(x(), jm::acosh),
        Atanh => kernels::float(x(), jm::atanh),
        Cot => kernels::float(x(), |v| 1.0 / v.tan()),
        Csc => kernels::float(x(), |v| 1.0 / v.sin()),
        Sec => kernels::float(x(), |v| 1.0 / v.cos()),
        Degrees => kernels::float(x(), f64::to_degrees),
        Radians => kernels::float(x(), f64::to_radians),
        Rint => kernels::float(x(), jm::rint),
        // An interval's sign is its microseconds' (a Duration) or months' (an Int32).
        Signum => kernels::float(as_number(c, 0), jm::signum),
        Log => match c.args.len() {
            1 => log_above(x(), 0.0, fdlibm::log),
            // NULL for a base or value <= 0 (not for NaN, which compares false).
            _ => kernels::binary::<pl::Float64Type, pl::Float64Type, pl::Float64Type>(x(), y(), |base, v| {
                (!(base <= 0.0 || v <= 0.0)).then(|| fdlibm::log(v) / fdlibm::log(base))
            }),
        },
        Pow => kernels::binary::<pl::Float64Type, pl::Float64Type, pl::Float64Type>(x(), y(), |a, b| Some(jm::java_pow(a, b))),
        Atan2 => kernels::binary::<pl::Float64Type, pl::Float64Type, pl::Float64Type>(x(), y(), |a, b| Some(jm::atan2(a, b))),
        Hypot => kernels::binary::<pl::Float64Type, pl::Float64Type, pl::Float64Type>(x(), y(), |a, b| Some(fdlibm::hypot(a, b))),
        Ceil | Floor => ceil_floor(c, f == Ceil)?,
        E => lit(std::f64::consts::E),
        Pi => lit(std::f64::consts::PI),
        Pmod => pmod(c),
        Mod => remainder(c),
        Negative => negative(c),
        Positive => c.arg(0),
        Greatest | Least => extreme(c, f == Greatest),
        Factorial => kernels::unary::<pl::Int32Type, pl::Int64Type>(c.arg(0), jm::factorial),
        Bin => kernels::to_string::<pl::Int64Type>(c.arg(0), |v| Some(jm::bin(v))),
        Conv => conv(c),
        WidthBucket => width_bucket(c),
        TryAdd | TrySubtract | TryMultiply | TryDivide | TryMod => try_arithmetic(f, c)?,
        Rand | Randn => random_column(c, f == Randn),
        Uniform => uniform(c),
        Randstr => randstr(c),
        BitwiseNot => c.arg(0).not(),
        BitwiseAnd => c.arg(0).and(c.arg(1)),
        BitwiseOr => c.arg(0).or(c.arg(1)),
        BitwiseXor => c.arg(0).xor(c.arg(1)),
        // Spark counts the bits of the value widened to a BIGINT (sign-extended).
        BitCount => match c.arg_type(0) {
            DataType::Boolean => c.arg(0).cast(PlType::Int32),
            _ => c.arg(0).cast(PlType::Int64).bitwise_count_ones().cast(PlType::Int32),
        },
        BitGet => bit_get(c),
        ShiftLeft | ShiftRight | ShiftRightUnsigned => shift(f, c),
    })
}

/// Spark's logarithms are NULL at and below their asymptote (`ln(0)`, `log1p(-1)`).
fn log_above(x: pl::Expr, asymptote: f64, f: fn(f64) -> f64) -> pl::Expr {
    kernels::unary::<pl::Float64Type, pl::Float64Type>(x, move |v| (v.is_nan() || v > asymptote).then(|| f(v)))
}

fn round_number(x: pl::Expr, t: &DataType, scale: i32, mode: Rounding) -> pl::Expr {
    match t {
        // Spark rounds through BigDecimal, which has no negative zero.
        DataType::Double | DataType::Float => kernels::unary::<pl::Float64Type, pl::Float64Type>(x, move |v| {
            let r = round_double(v, scale, mode);
            Some(if r == 0.0 { 0.0 } else { r })
        })
        .cast(to_polars(t)),
        t if t.is_integral() && scale < 0 => {
            kernels::unary::<pl::Int64Type, pl::Int64Type>(x, move |v| Some(round_integer(v, scale, mode))).cast(to_polars(t))
        }
        _ => x,
    }
}

/// An integer rounded to tens, hundreds...: beyond the type's range it overflows
/// (an error under ANSI, wrapped around otherwise).
fn round_integral(c: &CallLowering, t: &DataType, scale: i32, mode: Rounding) -> pl::Expr {
    let (lo, hi) = match t {
        DataType::Byte => (i8::MIN as i128, i8::MAX as i128),
        DataType::Short => (i16::MIN as i128, i16::MAX as i128),
        DataType::Integer => (i32::MIN as i128, i32::MAX as i128),
        _ => (i64::MIN as i128, i64::MAX as i128),
    };
    let exact = move |v: i64| -> i128 {
        let v = v as i128;
        let Some(factor) = 10i128.checked_pow((-scale) as u32) else { return 0 };
        let (q, r) = (v / factor, v % factor);
        let twice = r.abs() * 2;
        let up = match mode {
            Rounding::HalfUp => twice >= factor,
            Rounding::HalfEven => twice > factor || (twice == factor && q % 2 != 0),
        };
        (if up { q + v.signum() } else { q }) * factor
    };
    // Legacy mode wraps as Java's BigDecimal.intValue/longValue do: the low bits.
    let bits = match t {
        DataType::Byte => 8,
        DataType::Short => 16,
        DataType::Integer => 32,
        _ => 64,
    };
    let wrapped = move |v: i64| -> i64 { ((exact(v) as i64) << (64 - bits)) >> (64 - bits) };
    let value = kernels::unary::<pl::Int64Type, pl::Int64Type>(c.arg(0), move |v| Some(wrapped(v))).cast(to_polars(t));
    if !c.conf.ansi {
        return value;
    }
    let bad = kernels::unary::<pl::Int64Type, pl::Int64Type>(c.arg(0), move |v| {
        let r = exact(v);
        Some((r < lo || r > hi) as i64)
    })
    .eq(lit(1i64));
    // Spark's rounding of integers reports a bare "Overflow" (no try_ function to suggest).
    fail_where(value, bad, c.reachable.clone(), lit(0), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", |_| {
        crate::compat::errors::arithmetic_overflow_message("Overflow", "")
    })
}

/// `abs`/`negative` of a type's minimum: Java's `negateExact` overflow, no try_ function.
fn overflow_error(value: pl::Expr, bad: pl::Expr, c: &CallLowering, t: &DataType) -> pl::Expr {
    let name = t.sql();
    fail_where(value, bad, c.reachable.clone(), lit(0), ErrorKind::Arithmetic, "ARITHMETIC_OVERFLOW", move |_| {
        crate::compat::errors::overflow_message_with(&name, "")
    })
}

/// The minimum of an integral type, which has no positive counterpart.
fn type_min(t: &DataType) -> Option<pl::Expr> {
    Some(match t {
        DataType::Byte => lit(i8::MIN as i32).cast(PlType::Int8),
        DataType::Short => lit(i16::MIN as i32).cast(PlType::Int16),
        DataType::Integer => lit(i32::MIN),
        DataType::Long => lit(i64::MIN),
        _ => return None,
    })
}

/// `abs(x)`: an integral minimum overflows (an error under ANSI, itself otherwise).
fn abs(c: &CallLowering) -> Result<pl::Expr> {
    let t = c.arg_type(0);
    if t.is_ansi_interval() {
        return Ok(crate::compat::ansi_interval::abs(c.arg(0), &t, c.reachable.clone()));
    }
    // A constant is folded now: Polars cannot run a row check on a literal alone.
    let literal = match c.ir(0).unalias() {
        Expr::Literal(Value::Byte(v)) => Some(*v as i64),
        Expr::Literal(Value::Short(v)) => Some(*v as i64),
        Expr::Literal(Value::Integer(v)) => Some(*v as i64),
        Expr::Literal(Value::Long(v)) => Some(*v),
        _ => None,
    };
    if let Some(v) = literal {
        let min = match t {
            DataType::Byte => i8::MIN as i64,
            DataType::Short => i16::MIN as i64,
            DataType::Integer => i32::MIN as i64,
            _ => i64::MIN,
        };
        if v == min && c.conf.ansi {
            return Err(crate::error::Error::new(
                ErrorKind::Arithmetic,
                "ARITHMETIC_OVERFLOW",
                crate::compat::errors::overflow_message_with(&t.sql(), ""),
            ));
        }
        let folded = if v == min { v } else { v.abs() };
        return Ok(lit(folded).cast(to_polars(&t)));
    }
    if let DataType::Decimal(..) = t {
        return Ok(decimal_negation(c, true));
    }
    // The cast fixes the type of constant expressions (`abs(-1 + 0)`), which Polars
    // leaves dynamic and its row check cannot carry.
    let x = c.arg(0).cast(to_polars(&t));
    Ok(match type_min(&t) {
        Some(min) if c.conf.ansi => overflow_error(x.clone().abs(), x.eq(min), c, &t),
        Some(min) => when(x.clone().eq(min.clone())).then(min).otherwise(x.abs()),
        None => x.abs(),
    })
}

/// `negative` (or `abs`, negating only negative values) of a decimal, as Spark's
/// BigDecimal arithmetic does it (`compat::math::decimal_negate`): past the type's
/// precision an error, in ANSI mode and out of it.
fn decimal_negation(c: &CallLowering, only_negative: bool) -> pl::Expr {
    let DataType::Decimal(p, s) = c.arg_type(0) else { return c.arg(0) };
    let out_type = PlType::Decimal(p as usize, s as usize);
    let field_type = out_type.clone();
    let value = c.arg(0).map(
        move |col: Column| -> PolarsResult<Column> {
            let ca = col.as_materialized_series().decimal()?.clone();
            let values: pl::Int128Chunked = ca
                .physical()
                .iter()
                .map(|v| {
                    let v = v?;
                    if only_negative && v >= 0 { Some(v) } else { jm::decimal_negate(v, p as u32) }
                })
                .collect();
            Ok(values.into_decimal_unchecked(p as usize, s as usize).into_series().with_name(col.name().clone()).into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), field_type.clone())),
    );
    // Spark fails here whatever the mode: the error comes from Decimal itself.
    let bad = value.clone().is_null().and(c.arg(0).is_not_null());
    fail_where(value, bad, c.reachable.clone(), c.arg(0), ErrorKind::Arithmetic, "NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION", move |v| match v {
        AnyValue::Decimal(u, _, _) => crate::compat::decimal::rounded_out_of_range_message(if only_negative { u.abs() } else { -u }, p, s),
        other => format!(" The {other} rounded half up from {other} cannot be represented as Decimal({p}, {s}). SQLSTATE: 22003"),
    })
}

/// `negative(x)`: the sign of a zero flips; an integral minimum overflows.
fn negative(c: &CallLowering) -> pl::Expr {
    let t = c.arg_type(0);
    match t {
        _ if t.is_ansi_interval() || t == DataType::CalendarInterval => crate::compat::arith::negate(c.arg(0), &t, c.conf.ansi, c.reachable.clone()),
        DataType::Double => kernels::float(c.arg(0), |v| -v),
        DataType::Float => kernels::unary::<pl::Float32Type, pl::Float32Type>(c.arg(0), |v| Some(-v)),
        DataType::Decimal(..) => decimal_negation(c, false),
        _ => match type_min(&t) {
            Some(min) => {
                let value = kernels::unary::<pl::Int64Type, pl::Int64Type>(c.arg(0), |v| Some(v.wrapping_neg())).cast(to_polars(&t));
                let wrapped = when(c.arg(0).eq(min.clone())).then(min.clone()).otherwise(value);
                if c.conf.ansi { overflow_error(wrapped, c.arg(0).eq(min), c, &t) } else { wrapped }
            }
            None => lit(pl::NULL).cast(to_polars(&c.call.data_type)),
        },
    }
}

/// `ceil`/`floor` to an integer (BIGINT, or a DECIMAL of scale 0) or, with a scale,
/// to a decimal.
fn ceil_floor(c: &CallLowering, ceiling: bool) -> Result<pl::Expr> {
    let out = c.call.data_type.clone();
    let input = c.arg_type(0);
    if c.args.len() == 1 {
        return Ok(match input {
            DataType::Long => c.arg(0),
            DataType::Decimal(..) => decimal_ceil_floor(c.arg(0), 0, ceiling, &out),
            _ => kernels::unary::<pl::Float64Type, pl::Int64Type>(c.arg(0), move |v| {
                Some(if ceiling { v.ceil() } else { v.floor() } as i64)
            }),
        });
    }
    let digits = c.int_literal(1).ok_or_else(|| c.unsupported("a non-literal scale"))? as i32;
    // A float is read as Spark's cast reads it: DECIMAL(30, 15) for a DOUBLE.
    let x = match c.arg_type(0) {
        t @ (DataType::Float | DataType::Double) => match crate::analysis::functions::decimal_view(&t) {
            Some(DataType::Decimal(p, s)) => float_as_decimal(c, t == DataType::Float, p, s),
            _ => c.arg(0),
        },
        _ => c.arg(0),
    };
    Ok(decimal_ceil_floor(x, digits, ceiling, &out))
}

/// A FLOAT or DOUBLE read as DECIMAL(p, s) by its shortest decimal digits, as
/// Spark's `ceil(x, scale)` reads it: NaN and infinities give NULL; a value past the
/// precision NULL, or an error under ANSI.
fn float_as_decimal(c: &CallLowering, single: bool, p: u8, s: u8) -> pl::Expr {
    let x = c.arg(0);
    let out_type = PlType::Decimal(p as usize, s as usize);
    let field_type = out_type.clone();
    let value = x.clone().map(
        move |col: Column| -> PolarsResult<Column> {
            let series = col.as_materialized_series();
            let values: pl::Int128Chunked = if single {
                // A float's own digits (0.1f is 0.1, not 0.10000000149011612).
                series.f32()?.iter().map(|v| jm::double_to_decimal(v?.to_string().parse().ok()?, p as u32, s as u32)).collect()
            } else {
                series.f64()?.iter().map(|v| jm::double_to_decimal(v?, p as u32, s as u32)).collect()
            };
            Ok(values.into_decimal_unchecked(p as usize, s as usize).into_series().with_name(col.name().clone()).into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), field_type.clone())),
    );
    if !c.conf.ansi {
        return value;
    }
    let finite = x.clone().cast(PlType::Float64).is_finite();
    let bad = value.clone().is_null().and(finite);
    let x = x.cast(PlType::Float64);
    fail_where(value, bad, c.reachable.clone(), x, ErrorKind::Arithmetic, "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", move |v| {
        format!(
            " {} cannot be represented as Decimal({p}, {s}). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead. SQLSTATE: 22003",
            crate::compat::checks::plain_number(v)
        )
    })
}

/// A decimal rounded toward +Inf or -Inf at `digits` places, as DECIMAL `out`.
fn decimal_ceil_floor(x: pl::Expr, digits: i32, ceiling: bool, out: &DataType) -> pl::Expr {
    let DataType::Decimal(p, s) = *out else { return x };
    let out_type = PlType::Decimal(p as usize, s as usize);
    let field_type = out_type.clone();
    let limit = 10i128.checked_pow(p as u32).unwrap_or(i128::MAX);
    x.map(
        move |col: Column| -> PolarsResult<Column> {
            let ca = col.as_materialized_series().decimal()?.clone();
            let from = ca.scale() as i32;
            let values: pl::Int128Chunked = ca
                .physical()
                .iter()
                .map(|v| jm::decimal_ceil_floor(v?, from, digits, ceiling, s as i32).filter(|r| r.unsigned_abs() < limit.unsigned_abs()))
                .collect();
            Ok(values.into_decimal_unchecked(p as usize, s as usize).into_series().with_name(col.name().clone()).into_column())
        },
        move |_, f| Ok(pl::Field::new(f.name().clone(), field_type.clone())),
    )
    .cast(out_type)
}

fn remainder(c: &CallLowering) -> pl::Expr {
    let t = c.arg_type(0);
    if t.is_floating() {
        // Java's `%` on doubles is C's fmod: -0.0 % 3 is -0.0 and 5 % Infinity is 5.
        let value = kernels::binary::<pl::Float64Type, pl::Float64Type, pl::Float64Type>(c.arg(0), c.arg(1), |a, b| {
            (b != 0.0).then(|| a % b)
        })
        .cast(to_polars(&t));
        if !c.conf.ansi {
            return value;
        }
        let bad = c.arg(1).eq(lit(0.0)).and(c.arg(0).is_not_null());
        return fail_where(value, bad, c.reachable.clone(), c.arg(1), ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", |_| {
            crate::compat::errors::divide_by_zero_message()
        });
    }
    match (&t, c.arg_type(1)) {
        (DataType::Decimal(lp, ls), DataType::Decimal(rp, rs)) => crate::compat::arith::decimal_arithmetic(
            BinaryOp::Modulo,
            (c.arg(0), (*lp, *ls)),
            (c.arg(1), (rp, rs)),
            &c.call.data_type,
            c.conf.ansi,
            c.reachable.clone(),
        ),
        _ => crate::compat::arith::arithmetic(BinaryOp::Modulo, c.arg(0), c.arg(1), &t, c.conf.ansi, c.reachable.clone()),
    }
}

/// `pmod(a, n)`: the remainder made non-negative for a positive n, `(r + n) % n`.
fn pmod(c: &CallLowering) -> pl::Expr {
    let r = remainder(c);
    let n = c.arg(1);
    let t = c.call.data_type.clone();
    match t {
        DataType::Decimal(p, s) => crate::compat::decimal::pmod_of_remainder(r, n, decimal_parts(&c.arg_type(1)).1, p, s, c.conf.ansi, c.reachable.clone()),
        DataType::Float | DataType::Double => {
            kernels::binary::<pl::Float64Type, pl::Float64Type, pl::Float64Type>(r, n, |r, n| Some(if r < 0.0 { (r + n) % n } else { r }))
                .cast(to_polars(&t))
        }
        _ => {
            // Spark's `(r + n) % n` wraps at the type's width for INT and BIGINT (TINYINT and
            // SMALLINT are widened to int first, so they never wrap).
            let int = t == DataType::Integer;
            let again = kernels::binary::<pl::Int64Type, pl::Int64Type, pl::Int64Type>(r.clone(), n, move |r, n| {
                (n != 0).then(|| if int { (r as i32).wrapping_add(n as i32).wrapping_rem(n as i32) as i64 } else { r.wrapping_add(n).wrapping_rem(n) })
            })
            .cast(to_polars(&t));
            when(r.clone().lt(lit(0))).then(again).otherwise(r)
        }
    }
}


/// `greatest`/`least`: NULLs skipped, NaN the greatest value, the first of equal
/// values kept (Spark folds with its ordering's `gt`/`lt`).
fn extreme(c: &CallLowering, greatest: bool) -> pl::Expr {
    let t = c.call.data_type.clone();
    let mut acc = c.arg(0);
    for x in c.args.iter().skip(1) {
        let better = match &t {
            // Polars compares no structs with `>`: Spark's ordering, field by field.
            DataType::Struct(_) => {
                let (high, low) = if greatest { (x.clone(), acc.clone()) } else { (acc.clone(), x.clone()) };
                x.clone().is_not_null().and(sorts_after(high, low, &t))
            }
            _ if greatest => x.clone().gt(acc.clone()),
            _ => x.clone().lt(acc.clone()),
        };
        acc = when(acc.clone().is_null()).then(x.clone()).when(better.fill_null(lit(false))).then(x.clone()).otherwise(acc);
    }
    acc
}

/// Whether `a` sorts after `b` in Spark's ordering of type `t` (NULL first, structs
/// field by field); never NULL.
fn sorts_after(a: pl::Expr, b: pl::Expr, t: &DataType) -> pl::Expr {
    let DataType::Struct(fields) = t else {
        return a.clone().is_not_null().and(b.clone().is_null()).or(a.gt(b).fill_null(lit(false)));
    };
    let mut after = lit(false);
    for (i, f) in fields.iter().enumerate().rev() {
        let (x, y) = (a.clone().struct_().field_by_index(i as i64), b.clone().struct_().field_by_index(i as i64));
        after = sorts_after(x.clone(), y.clone(), &f.data_type).or(same_order(x, y, &f.data_type).and(after));
    }
    when(a.is_null()).then(lit(false)).when(b.is_null()).then(lit(true)).otherwise(after)
}

/// Whether `a` and `b` are equal in Spark's ordering of type `t` (two NULLs are); never NULL.
fn same_order(a: pl::Expr, b: pl::Expr, t: &DataType) -> pl::Expr {
    let DataType::Struct(fields) = t else {
        return a.eq_missing(b);
    };
    let mut same = lit(true);
    for (i, f) in fields.iter().enumerate() {
        let (x, y) = (a.clone().struct_().field_by_index(i as i64), b.clone().struct_().field_by_index(i as i64));
        same = same.and(same_order(x, y, &f.data_type));
    }
    let (a_null, b_null) = (a.is_null(), b.is_null());
    when(a_null.clone().and(b_null.clone())).then(lit(true)).when(a_null.or(b_null)).then(lit(false)).otherwise(same)
}

fn conv(c: &CallLowering) -> pl::Expr {
    let ansi = c.conf.ansi;
    // Spark's overflow error names the call (its query context).
    let origin = crate::compat::errors::lowering_origin();
    let out = c.arg(0).map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let s = cols[0].as_materialized_series().str()?.clone();
            let from = cols[1].as_materialized_series().cast(&PlType::Int32)?.i32()?.clone();
            let to = cols[2].as_materialized_series().cast(&PlType::Int32)?.i32()?.clone();
            let n = crate::compat::checks::broadcast_len([s.len(), from.len(), to.len()]);
            let at = |ca: &pl::Int32Chunked, i: usize| if ca.len() == 1 { ca.get(0) } else { ca.get(i) };
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                let text = if s.len() == 1 { s.get(0) } else { s.get(i) };
                let v = match (text, at(&from, i), at(&to, i)) {
                    (Some(t), Some(f), Some(b)) => jm::conv(t, f, b, ansi).map_err(|_| {
                        crate::compat::errors::runtime_error_at(
                            ErrorKind::Arithmetic,
                            "ARITHMETIC_OVERFLOW",
                            &crate::compat::errors::arithmetic_overflow_message("Overflow in function conv()", ""),
                            origin.as_ref(),
                        )
                    })?,
                    _ => None,
                };
                values.push(v);
            }
            let out: pl::StringChunked = values.into_iter().collect();
            Ok(out.into_series().with_name(cols[0].name().clone()).into_column())
        },
        &[c.arg(1), c.arg(2)],
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::String)),
    );
    out
}

/// Argument `i` as a DOUBLE; a day-time interval as its microseconds.
fn as_number(c: &CallLowering, i: usize) -> pl::Expr {
    match c.arg_type(i) {
        DataType::DayTimeInterval(..) => c.arg(i).cast(PlType::Int64).cast(PlType::Float64),
        _ => c.arg(i).cast(PlType::Float64),
    }
}

fn width_bucket(c: &CallLowering) -> pl::Expr {
    let args: Vec<pl::Expr> = (0..3).map(|i| as_number(c, i)).chain([c.arg(3).cast(PlType::Int64)]).collect();
    args[0].clone().map_many(
        |cols: &mut [Column]| -> PolarsResult<Column> {
            let f: Vec<pl::Float64Chunked> = cols[..3].iter().map(|c| c.as_materialized_series().f64().cloned()).collect::<PolarsResult<_>>()?;
            let n = cols[3].as_materialized_series().i64()?.clone();
            let len = crate::compat::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let at = |ca: &pl::Float64Chunked, i: usize| if ca.len() == 1 { ca.get(0) } else { ca.get(i) };
            let out: pl::Int64Chunked = (0..len)
                .map(|i| {
                    let k = if n.len() == 1 { n.get(0) } else { n.get(i) };
                    jm::width_bucket(at(&f[0], i)?, at(&f[1], i)?, at(&f[2], i)?, k?)
                })
                .collect();
            Ok(out.into_series().with_name(cols[0].name().clone()).into_column())
        },
        &args[1..],
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::Int64)),
    )
}

/// `try_add` & co: the operator's result, NULL where it overflows or divides by zero.
fn try_arithmetic(f: MathFn, c: &CallLowering) -> Result<pl::Expr> {
    let op = match f {
        MathFn::TryAdd => BinaryOp::Add,
        MathFn::TrySubtract => BinaryOp::Subtract,
        MathFn::TryMultiply => BinaryOp::Multiply,
        MathFn::TryDivide => BinaryOp::Divide,
        _ => BinaryOp::Modulo,
    };
    let t = c.arg_type(0);
    let out = c.call.data_type.clone();
    if t.is_ansi_interval() {
        // Spark's TryEval of the interval operator: any failure is NULL.
        return match op {
            BinaryOp::Add | BinaryOp::Subtract => Ok(crate::compat::ansi_interval::add(op, c.arg(0), c.arg(1), &t, false, None)),
            _ => super::interval::scale(c, op == BinaryOp::Divide, false),
        };
    }
    if let (DataType::Decimal(lp, ls), DataType::Decimal(rp, rs)) = (&t, c.arg_type(1)) {
        return Ok(match op {
            BinaryOp::Add | BinaryOp::Subtract => decimal_add(c.arg(0), c.arg(1), op == BinaryOp::Subtract, &out),
            _ => crate::compat::arith::decimal_arithmetic(op, (c.arg(0), (*lp, *ls)), (c.arg(1), (rp, rs)), &out, false, None),
        });
    }
    let (a, b) = (c.arg(0), c.arg(1));
    macro_rules! checked {
        ($pt:ty, $native:ty) => {
            kernels::binary::<$pt, $pt, $pt>(a, b, move |x: $native, y: $native| match op {
                BinaryOp::Add => x.checked_add(y),
                BinaryOp::Subtract => x.checked_sub(y),
                BinaryOp::Multiply => x.checked_mul(y),
                _ => (y != 0).then(|| x.wrapping_rem(y)),
            })
        };
    }
    Ok(match (op, &t) {
        (BinaryOp::Divide, _) => kernels::binary::<pl::Float64Type, pl::Float64Type, pl::Float64Type>(a, b, |x, y| (y != 0.0).then(|| x / y)),
        (_, DataType::Byte) => checked!(pl::Int8Type, i8),
        (_, DataType::Short) => checked!(pl::Int16Type, i16),
        (_, DataType::Integer) => checked!(pl::Int32Type, i32),
        (_, DataType::Long) => checked!(pl::Int64Type, i64),
        (BinaryOp::Modulo, DataType::Float) => {
            kernels::binary::<pl::Float32Type, pl::Float32Type, pl::Float32Type>(a, b, |x, y| (y != 0.0).then(|| x % y))
        }
        (BinaryOp::Modulo, _) => kernels::binary::<pl::Float64Type, pl::Float64Type, pl::Float64Type>(a, b, |x, y| (y != 0.0).then(|| x % y)),
        _ => crate::compat::arith::arithmetic(op, a, b, &t, false, None),
    })
}

/// Decimal `a + b` or `a - b` at the result type, NULL where it overflows.
fn decimal_add(a: pl::Expr, b: pl::Expr, subtract: bool, out: &DataType) -> pl::Expr {
    let DataType::Decimal(p, s) = *out else { return a };
    let out_type = PlType::Decimal(p as usize, s as usize);
    let field_type = out_type.clone();
    let limit = 10i128.checked_pow(p as u32).unwrap_or(i128::MAX);
    a.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let x = cols[0].as_materialized_series().decimal()?.clone();
            let y = cols[1].as_materialized_series().decimal()?.clone();
            let (sx, sy) = (x.scale() as u32, y.scale() as u32);
            let up = |v: i128, from: u32| v.checked_mul(10i128.checked_pow(s as u32 - from)?);
            let f = |a: Option<i128>, b: Option<i128>| -> Option<i128> {
                let (a, b) = (up(a?, sx)?, up(b?, sy)?);
                let r = if subtract { a.checked_sub(b)? } else { a.checked_add(b)? };
                (r.unsigned_abs() < limit.unsigned_abs()).then_some(r)
            };
            let (px, py) = (x.physical(), y.physical());
            let n = crate::compat::checks::broadcast_len([px.len(), py.len()]);
            let at = |ca: &pl::Int128Chunked, i: usize| if ca.len() == 1 { ca.get(0) } else { ca.get(i) };
            let values: pl::Int128Chunked = (0..n).map(|i| f(at(px, i), at(py, i))).collect();
            Ok(values.into_decimal_unchecked(p as usize, s as usize).into_series().with_name(cols[0].name().clone()).into_column())
        },
        &[b],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), field_type.clone())),
    )
    .cast(out_type)
}

/// A numeric literal (under casts) truncated to an integer, as a cast to INT does.
fn literal_number(e: &Expr) -> Option<i64> {
    match e.unalias() {
        Expr::Literal(Value::Byte(v)) => Some(*v as i64),
        Expr::Literal(Value::Short(v)) => Some(*v as i64),
        Expr::Literal(Value::Integer(v)) => Some(*v as i64),
        Expr::Literal(Value::Long(v)) => Some(*v),
        Expr::Literal(Value::Double(v)) => Some(*v as i64),
        Expr::Literal(Value::Float(v)) => Some(*v as i64),
        Expr::Literal(Value::Decimal(u, _, s)) => Some((*u / 10i128.pow(*s as u32)) as i64),
        Expr::Cast { expr, .. } => literal_number(expr),
        _ => None,
    }
}

/// A seed argument's value (a NULL seed is 0).
fn seed_of(e: &Expr) -> i64 {
    match e.unalias() {
        Expr::Literal(Value::Integer(v)) => *v as i64,
        Expr::Literal(Value::Long(v)) => *v,
        _ => 0,
    }
}

/// A column of values drawn in row order from one generator: Spark's for partition 0.
fn generated<O: pl::PolarsDataType>(
    out_type: PlType,
    make: impl Fn(usize) -> pl::ChunkedArray<O> + Send + Sync + 'static,
) -> pl::Expr
where
    pl::ChunkedArray<O>: IntoSeries,
{
    let field_type = out_type.clone();
    pl::int_range(lit(0i64), pl::len(), 1, PlType::Int64).apply_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> { Ok(make(col.len()).into_series().with_name(col.name().clone()).into_column()) },
        move |_, f| Ok(pl::Field::new(f.name().clone(), field_type.clone())),
        "random",
    )
}

fn random_column(c: &CallLowering, gaussian: bool) -> pl::Expr {
    let seed = c.call.args.first().map(seed_of).unwrap_or_else(random::fresh_seed);
    generated::<pl::Float64Type>(PlType::Float64, move |n| {
        let mut rng = XorShiftRandom::new(seed);
        (0..n).map(|_| Some(if gaussian { rng.next_gaussian() } else { rng.next_double() })).collect()
    })
}

/// `uniform(min, max, seed)`: `min + (max - min) * rand(seed)` in the result type.
fn uniform(c: &CallLowering) -> pl::Expr {
    let seed = c.call.args.get(2).map(seed_of).unwrap_or_else(random::fresh_seed);
    let rand = generated::<pl::Float64Type>(PlType::Float64, move |n| {
        let mut rng = XorShiftRandom::new(seed);
        (0..n).map(|_| Some(rng.next_double())).collect()
    });
    let (lo, hi) = (c.arg(0).cast(PlType::Float64), c.arg(1).cast(PlType::Float64));
    let value = lo.clone() + (hi - lo) * rand;
    let out = c.call.data_type.clone();
    crate::compat::cast::cast(value, &DataType::Double, &out, crate::compat::cast::CastMode::Legacy, None, &c.conf.session_time_zone)
}

fn randstr(c: &CallLowering) -> pl::Expr {
    let seed = c.call.args.get(1).map(seed_of).unwrap_or_else(random::fresh_seed);
    let length = literal_number(c.ir(0)).unwrap_or(0).max(0) as usize;
    generated::<pl::StringType>(PlType::String, move |n| {
        let mut rng = XorShiftRandom::new(seed);
        (0..n).map(|_| Some(random::random_string(&mut rng, length))).collect()
    })
}

/// `bit_get(x, pos)`: an error for a position outside the type's bits.
fn bit_get(c: &CallLowering) -> pl::Expr {
    let bits: i32 = match c.arg_type(0) {
        DataType::Byte => 8,
        DataType::Short => 16,
        DataType::Integer => 32,
        _ => 64,
    };
    let value = kernels::binary::<pl::Int64Type, pl::Int32Type, pl::Int8Type>(c.arg(0), c.arg(1), move |x, p| {
        (0..bits).contains(&p).then(|| ((x >> p) & 1) as i8)
    });
    let pos = c.arg(1);
    let bad = pos.clone().lt(lit(0)).or(pos.clone().gt_eq(lit(bits))).and(c.arg(0).is_not_null());
    fail_where(value, bad, c.reachable.clone(), pos, ErrorKind::IllegalArgument, "INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", move |v| {
        format!("The value of parameter(s) `pos` in `bit_get` is invalid: expects an integer value in [0, {bits}), but got {v}. SQLSTATE: 22023")
    })
}

/// Java's shifts: the count taken modulo the width (`x << 33` is `x << 1` for an INT).
fn shift(f: MathFn, c: &CallLowering) -> pl::Expr {
    let (x, n) = (c.arg(0), c.arg(1));
    match c.arg_type(0) {
        DataType::Long => kernels::binary::<pl::Int64Type, pl::Int32Type, pl::Int64Type>(x, n, move |v, k| {
            let k = (k & 63) as u32;
            Some(match f {
                MathFn::ShiftLeft => v.wrapping_shl(k),
                MathFn::ShiftRight => v >> k,
                _ => ((v as u64) >> k) as i64,
            })
        }),
        _ => kernels::binary::<pl::Int32Type, pl::Int32Type, pl::Int32Type>(x, n, move |v, k| {
            let k = (k & 31) as u32;
            Some(match f {
                MathFn::ShiftLeft => v.wrapping_shl(k),
                MathFn::ShiftRight => v >> k,
                _ => ((v as u32) >> k) as i32,
            })
        }),
    }
}

/// The (precision, scale) of a DECIMAL type; (38, 0) for anything else.
fn decimal_parts(t: &DataType) -> (u8, u8) {
    match t {
        DataType::Decimal(p, s) => (*p, *s),
        _ => (38, 0),
    }
}

#[cfg(test)]
mod tests {
    use crate::compat::random::XorShiftRandom;

    #[test]
    fn spark_random_sequences() {
        // Recorded from Spark's XORShiftRandom.
        let mut r = XorShiftRandom::new(42);
        assert_eq!([r.next_double(), r.next_double(), r.next_double()], [0.619189370225301, 0.5096018842446481, 0.8325259388871524]);
        let mut r = XorShiftRandom::new(7);
        assert_eq!(r.next_gaussian(), -1.773755556110447);
        let mut r = XorShiftRandom::new(1);
        assert_eq!([r.next_int(), r.next_int(), r.next_int()], [512468703, -837558680, 2053489943]);
        assert_eq!(r.next_long(), 2991170965490766901);
        let mut r = XorShiftRandom::new(1);
        assert_eq!(crate::compat::random::random_string(&mut r, 8), "fYxVfArn");
    }
}
