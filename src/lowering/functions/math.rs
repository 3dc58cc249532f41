//! Mathematical functions: `round` HALF_UP and `bround` HALF_EVEN on the decimal
//! value of a double (`compat::math`), and on decimals at Spark's result scale.

use super::CallLowering;
use crate::compat::math::{round_double, round_integer, Rounding};
use crate::error::Result;
use crate::ir::function::MathFn;
use crate::ir::DataType;
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, ChunkApply, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

pub fn lower(f: MathFn, c: &CallLowering) -> Result<pl::Expr> {
    Ok(match f {
        MathFn::Abs => c.arg(0).abs(),
        MathFn::Sqrt => c.arg(0).cast(PlType::Float64).sqrt(),
        MathFn::IsNan => match c.arg_type(0) {
            DataType::Float | DataType::Double => c.arg(0).is_nan().fill_null(lit(false)),
            _ => c.arg(0).is_null().and(lit(false)),
        },
        MathFn::Round | MathFn::Bround => {
            let scale = match c.call.args.len() {
                1 => 0,
                _ => c.int_literal(1).ok_or_else(|| c.unsupported("a non-literal scale"))?,
            } as i32;
            let mode = if f == MathFn::Round { Rounding::HalfUp } else { Rounding::HalfEven };
            match &c.call.data_type {
                DataType::Decimal(p, s) => crate::compat::decimal::round(c.arg(0), scale, mode == Rounding::HalfEven, *p, *s),
                t => round_number(c.arg(0), t, scale, mode),
            }
        }
    })
}

fn round_number(x: pl::Expr, t: &DataType, scale: i32, mode: Rounding) -> pl::Expr {
    match t {
        DataType::Double | DataType::Float => {
            map_values::<pl::Float64Type>(x, move |v| round_double(v, scale, mode)).cast(to_polars(t))
        }
        t if t.is_integral() && scale < 0 => {
            map_values::<pl::Int64Type>(x, move |v| round_integer(v, scale, mode)).cast(to_polars(t))
        }
        _ => x,
    }
}

/// Applies a Rust function to every non-null value, after casting to `T`.
fn map_values<T>(x: pl::Expr, f: impl Fn(T::Native) -> T::Native + Send + Sync + 'static) -> pl::Expr
where
    T: pl::PolarsNumericType,
{
    let dtype = T::get_static_dtype();
    let out_type = dtype.clone();
    x.cast(dtype).map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = c.as_materialized_series().unpack::<T>()?.clone();
            Ok(ca.apply_values(&f).into_series().into_column())
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), out_type.clone())),
    )
}
