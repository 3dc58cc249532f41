//! Row-level Spark errors inside a Polars plan. Spark raises an ANSI error only for
//! rows it actually evaluates (a division inside `CASE WHEN b != 0` never fails), so
//! each check takes a `reachable` mask built by the lowering of conditionals.

use super::errors::{lowering_origin, runtime_error_at};
use crate::error::ErrorKind;
use polars::prelude::{self as pl, AnyValue, Column, PolarsResult};

/// The mask of no row. An expression lowered under it computes the values it computes
/// under any mask, with no check that can fail: what a conditional's mask reads of an
/// expression whose own checks already run elsewhere.
pub fn never() -> pl::Expr {
    pl::lit(false)
}

pub fn is_never(mask: &pl::Expr) -> bool {
    matches!(mask, pl::Expr::Literal(v) if v.bool() == Some(false))
}

/// Passes `value` through, but fails with a Spark error when `bad` holds on a
/// reachable row. `offending` names the value shown in the message.
pub fn fail_where(
    value: pl::Expr,
    bad: pl::Expr,
    reachable: Option<pl::Expr>,
    offending: pl::Expr,
    kind: ErrorKind,
    error_class: &'static str,
    message: impl Fn(&AnyValue) -> String + Send + Sync + 'static,
) -> pl::Expr {
    let bad = match reachable {
        // A value only a mask reads (`never`): no check to build.
        Some(mask) if is_never(&mask) => return value,
        Some(mask) => bad.and(mask),
        None => bad,
    };
    // The SQL fragment of the expression being lowered, if it was read from SQL text.
    let origin = lowering_origin();
    value.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let bad = cols[1].as_materialized_series().bool()?.clone();
            if bad.any() {
                let idx = bad.iter().position(|b| b == Some(true)).unwrap_or(0);
                let shown = if cols[2].len() == 1 { cols[2].get(0)? } else { cols[2].get(idx)? };
                return Err(runtime_error_at(kind, error_class, &message(&shown), origin.as_ref()));
            }
            Ok(std::mem::take(&mut cols[0]))
        },
        &[bad.fill_null(pl::lit(false)), offending],
        // A constant value's type may still be Polars' dynamic literal type, which a
        // function's output must not be: it materialises as Polars will run it.
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), fields[0].dtype().clone().materialize_unknown(true)?)),
    )
}

/// A failed row check: the error and its message.
pub type RowError = (ErrorKind, &'static str, String);

/// Passes `value` through, but fails when `check` finds a bad row among the reachable
/// ones. `check` gets the columns `[value, inputs...]` (a column may be a length-1
/// broadcast) and whether each row is reachable. Unlike `fail_where`, whose bad-row
/// and message expressions each hold their own copy of the operands, the operands
/// appear here once: an operator nested in another's operand then grows the plan
/// linearly, not by the copies' product (nested ANSI decimal `%` under `pmod` took a
/// minute to plan).
pub fn check_rows(
    value: pl::Expr,
    inputs: Vec<pl::Expr>,
    reachable: Option<pl::Expr>,
    check: impl Fn(&[Column], &dyn Fn(usize) -> bool) -> PolarsResult<Option<RowError>> + Send + Sync + 'static,
) -> pl::Expr {
    if reachable.as_ref().is_some_and(is_never) {
        return value;
    }
    let masked = reachable.is_some();
    let mut args = inputs;
    args.extend(reachable.map(|m| m.fill_null(pl::lit(false))));
    let origin = lowering_origin();
    value.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let (values, mask) = if masked { cols.split_at(cols.len() - 1) } else { (&*cols, &[][..]) };
            let mask = mask.first().map(|m| m.as_materialized_series().bool().cloned()).transpose()?;
            let reachable = |i: usize| match &mask {
                Some(m) if m.len() == 1 => m.get(0) == Some(true),
                // An empty mask (an empty frame beside literal operands): no row.
                Some(m) => i < m.len() && m.get(i) == Some(true),
                None => true,
            };
            if let Some((kind, class, message)) = check(values, &reachable)? {
                return Err(runtime_error_at(kind, class, &message, origin.as_ref()));
            }
            Ok(std::mem::take(&mut cols[0]))
        },
        &args,
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), fields[0].dtype().clone().materialize_unknown(true)?)),
    )
}

/// How many rows a kernel's inputs describe: length-1 columns broadcast, and an empty
/// one (an empty frame beside literal operands) means no rows. Taking the longest
/// input instead evaluated literals once on an empty frame: a row error, or an index
/// into the empty column (the fuzzer's make_date crash).
pub fn broadcast_len(lens: impl IntoIterator<Item = usize>) -> usize {
    let mut n = 0;
    for len in lens {
        if len == 0 {
            return 0;
        }
        n = n.max(len);
    }
    n
}

/// Whether Spark evaluates row `i`: the `reachable` mask's value there (a length-1
/// mask broadcasts); every row where there is no mask.
pub fn reached(mask: Option<&Column>, i: usize) -> PolarsResult<bool> {
    Ok(match mask {
        None => true,
        Some(m) => matches!(row(m, i)?, AnyValue::Boolean(true)),
    })
}

/// Row `i` of a column that may be a length-1 broadcast.
pub fn row<'a>(c: &'a Column, i: usize) -> PolarsResult<AnyValue<'a>> {
    c.get(if c.len() == 1 { 0 } else { i })
}

/// Text of a value as Spark quotes it in error messages (`QueryErrorsBase.toSQLValue`:
/// a literal's SQL, `1L`, `1.0E20D`, `32767S`, `12BD`; NaN and infinities by name,
/// a FLOAT without a suffix).
pub fn quoted(v: &AnyValue) -> String {
    match v {
        AnyValue::String(s) => format!("'{s}'"),
        AnyValue::StringOwned(s) => format!("'{s}'"),
        AnyValue::Float64(f) if f.is_finite() => format!("{}D", crate::ir::text::java_double(*f)),
        AnyValue::Float64(f) => crate::ir::text::java_double(*f),
        AnyValue::Float32(f) => crate::ir::text::java_float(*f),
        AnyValue::Int64(i) => format!("{i}L"),
        AnyValue::Int16(i) => format!("{i}S"),
        AnyValue::Int8(i) => format!("{i}Y"),
        AnyValue::Decimal(..) => format!("{v}BD"),
        other => other.to_string(),
    }
}

/// A number as Spark's `Decimal` of it prints (`toPlainString`) in
/// `NUMERIC_VALUE_OUT_OF_RANGE`: a double goes through Java's `Double.toString`
/// (`1.0E20` is `100000000000000000000`, `5.0` stays `5.0`).
pub fn plain_number(v: &AnyValue) -> String {
    match v {
        AnyValue::Float64(f) if f.is_finite() => java_plain(&crate::ir::text::java_double(*f)),
        AnyValue::Float32(f) if f.is_finite() => java_plain(&crate::ir::text::java_float(*f)),
        other => other.to_string(),
    }
}

/// `new BigDecimal(text).toPlainString()` of a Java floating-point text.
fn java_plain(text: &str) -> String {
    let Some((mantissa, exponent)) = text.split_once('E') else { return text.to_string() };
    let Ok(exponent) = exponent.parse::<i64>() else { return text.to_string() };
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int_part}{frac_part}");
    // The value is digits × 10^-scale.
    let scale = frac_part.len() as i64 - exponent;
    if scale <= 0 {
        return format!("{sign}{digits}{}", "0".repeat((-scale) as usize));
    }
    let scale = scale as usize;
    if digits.len() > scale {
        let (i, f) = digits.split_at(digits.len() - scale);
        format!("{sign}{i}.{f}")
    } else {
        format!("{sign}0.{}{digits}", "0".repeat(scale - digits.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_under_the_mask_of_no_row_never_fails() {
        assert!(is_never(&never()));
        assert!(!is_never(&pl::lit(true)));
        let df = pl::df!("d" => [0i32, 2]).unwrap();
        let checked = fail_where(pl::col("d"), pl::col("d").eq(pl::lit(0)), Some(never()), pl::col("d"), ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", |_| String::new());
        assert!(matches!(checked, pl::Expr::Column(_)), "no check under never(): {checked:?}");
        let out = pl::IntoLazy::lazy(df.clone()).select([checked]).collect().unwrap();
        assert_eq!(out.height(), 2);
        let unmasked = fail_where(pl::col("d"), pl::col("d").eq(pl::lit(0)), None, pl::col("d"), ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", |_| String::new());
        assert!(pl::IntoLazy::lazy(df).select([unmasked]).collect().is_err());
    }

    #[test]
    fn plain_numbers_as_java_big_decimal_prints_them() {
        assert_eq!(java_plain("1.0E20"), "100000000000000000000");
        assert_eq!(java_plain("1.7092511995E9"), "1709251199.5");
        assert_eq!(java_plain("-3.4028234663852886E38"), "-340282346638528860000000000000000000000");
        assert_eq!(java_plain("1.0E-4"), "0.00010");
        assert_eq!(java_plain("5.0"), "5.0");
    }

    #[test]
    fn broadcast_len_is_zero_beside_an_empty_column() {
        assert_eq!(broadcast_len([1, 0, 1]), 0);
        assert_eq!(broadcast_len([1, 1]), 1);
        assert_eq!(broadcast_len([1, 5, 5]), 5);
        assert_eq!(broadcast_len([]), 0);
    }

    #[test]
    fn check_rows_fails_only_on_a_reachable_row() {
        let df = pl::df!("d" => [0i32, 2], "m" => [false, true]).unwrap();
        let zero = |cols: &[Column], reachable: &dyn Fn(usize) -> bool| -> PolarsResult<Option<RowError>> {
            let hit = (0..cols[1].len()).any(|i| reachable(i) && matches!(row(&cols[1], i), Ok(AnyValue::Int32(0))));
            Ok(hit.then(|| (ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", String::new())))
        };
        let run = |reachable| pl::IntoLazy::lazy(df.clone()).select([check_rows(pl::col("d"), vec![pl::col("d")], reachable, zero)]).collect();
        assert!(run(None).is_err());
        assert_eq!(run(Some(pl::col("m"))).unwrap().height(), 2);
        assert!(matches!(check_rows(pl::col("d"), vec![pl::col("d")], Some(never()), zero), pl::Expr::Column(_)));
    }
}
