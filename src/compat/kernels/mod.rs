//! Element-wise kernels: a Rust function applied to the values of one or two
//! columns in a single pass over their chunks, for Spark semantics Polars' own
//! expressions do not have (Java's `Math.pow` special cases, NULL on overflow...).
//! A length-1 column is a broadcast scalar.

/// Kernels over several columns of mixed kinds (text, bytes, integers...).
pub mod mixed;

use polars::chunked_array::ops::arity::{broadcast_binary_elementwise, unary_elementwise};
use polars::prelude::{self as pl, ChunkedArray, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsNumericType, PolarsResult};

fn typed<T: PolarsNumericType>(c: &Column) -> PolarsResult<ChunkedArray<T>> {
    let s = c.as_materialized_series().cast(&T::get_static_dtype())?;
    Ok(s.unpack::<T>()?.clone())
}

fn output(ca: impl IntoSeries, name: &pl::PlSmallStr) -> Column {
    ca.into_series().with_name(name.clone()).into_column()
}

/// `f` over the non-null values of `x` (cast to `T`); `None` gives NULL.
pub fn unary<T, O>(x: pl::Expr, f: impl Fn(T::Native) -> Option<O::Native> + Send + Sync + 'static) -> pl::Expr
where
    T: PolarsNumericType,
    O: PolarsNumericType,
{
    let out_type = O::get_static_dtype();
    x.map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = typed::<T>(&c)?;
            let out: ChunkedArray<O> = unary_elementwise(&ca, |v: Option<T::Native>| v.and_then(&f));
            Ok(output(out, c.name()))
        },
        move |_, field| Ok(pl::Field::new(field.name().clone(), out_type.clone())),
    )
}

/// A DOUBLE function of a DOUBLE.
pub fn float(x: pl::Expr, f: fn(f64) -> f64) -> pl::Expr {
    unary::<pl::Float64Type, pl::Float64Type>(x, move |v| Some(f(v)))
}

/// `f` over pairs of non-null values of `x` and `y` (cast to `A` and `B`).
pub fn binary<A, B, O>(x: pl::Expr, y: pl::Expr, f: impl Fn(A::Native, B::Native) -> Option<O::Native> + Send + Sync + 'static) -> pl::Expr
where
    A: PolarsNumericType,
    B: PolarsNumericType,
    O: PolarsNumericType,
{
    let out_type = O::get_static_dtype();
    x.map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let (a, b) = (typed::<A>(&cols[0])?, typed::<B>(&cols[1])?);
            let out: ChunkedArray<O> = broadcast_binary_elementwise(&a, &b, |x: Option<A::Native>, y: Option<B::Native>| match (x, y) {
                (Some(x), Some(y)) => f(x, y),
                _ => None,
            });
            Ok(output(out, cols[0].name()))
        },
        &[y],
        move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out_type.clone())),
    )
}

/// A string made from each non-null value of `x` (cast to `T`); `None` gives NULL.
pub fn to_string<T>(x: pl::Expr, f: impl Fn(T::Native) -> Option<String> + Send + Sync + 'static) -> pl::Expr
where
    T: PolarsNumericType,
{
    x.map(
        move |c: Column| -> PolarsResult<Column> {
            let ca = typed::<T>(&c)?;
            let out: pl::StringChunked = ca.iter().map(|v| v.and_then(&f)).collect();
            Ok(output(out, c.name()))
        },
        |_, field| Ok(pl::Field::new(field.name().clone(), PlType::String)),
    )
}
