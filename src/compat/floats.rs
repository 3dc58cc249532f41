//! Spark's ordering of floating-point values: NaN equals NaN and is greater than
//! every other value (`max` is NaN when any value is), and -0.0 equals 0.0. Keys
//! of groups, DISTINCT and joins are normalised as Spark's
//! `NormalizeFloatingNumbers` does, so a group of -0.0 and 0.0 shows as 0.0.

use crate::ir::DataType;
use polars::prelude::{self as pl, lit, when};

/// `x` with -0.0 turned into 0.0 when `t` is a floating type (other types as they are).
/// Polars already treats every NaN, and -0.0 with 0.0, as one key; only the value
/// shown for the group needs fixing.
pub fn normalize_key(x: pl::Expr, t: &DataType) -> pl::Expr {
    let zero = match t {
        DataType::Double => lit(0.0f64),
        DataType::Float => lit(0.0f32),
        _ => return x,
    };
    when(x.clone().eq(zero.clone())).then(zero).otherwise(x)
}

/// Spark's `max`: NaN is the greatest value, so any NaN makes the maximum NaN.
/// Polars' `max` skips NaN unless every value is NaN; `nan_max` does not.
pub fn spark_max(x: pl::Expr, t: &DataType) -> pl::Expr {
    if t.is_floating() { x.nan_max() } else { x.max() }
}
