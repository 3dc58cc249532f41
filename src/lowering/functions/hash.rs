//! Hashes and checksums, bit-exact with Spark's (`compat::hash`): one pass over the
//! argument columns, no allocation per value for the row hashes.

use super::CallLowering;
use crate::compat::hash::{self, Murmur3, XxHash64};
use crate::error::Result;
use crate::ir::function::HashFn;
use polars::prelude::{self as pl, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

pub fn lower(f: HashFn, c: &CallLowering) -> Result<pl::Expr> {
    Ok(match f {
        HashFn::Md5 => digest(c.arg(0), hash::md5),
        HashFn::Sha1 => digest(c.arg(0), hash::sha1),
        HashFn::Sha2 => sha2(c),
        HashFn::Crc32 => c.arg(0).map(
            |col: Column| -> PolarsResult<Column> {
                let s = col.as_materialized_series();
                let out: pl::Int64Chunked = s.binary()?.iter().map(|v| v.map(hash::crc32)).collect();
                Ok(out.into_series().with_name(s.name().clone()).into_column())
            },
            |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Int64)),
        ),
        HashFn::Murmur3 => row_hash(c, PlType::Int32, |cols| hash::row_hash::<Murmur3>(cols, PlType::Int32)),
        HashFn::XxHash64 => row_hash(c, PlType::Int64, |cols| hash::row_hash::<XxHash64>(cols, PlType::Int64)),
    })
}

fn digest(x: pl::Expr, f: fn(&[u8]) -> String) -> pl::Expr {
    x.map(
        move |col: Column| -> PolarsResult<Column> {
            let s = col.as_materialized_series();
            let out: pl::StringChunked = s.binary()?.iter().map(|v| v.map(f)).collect();
            Ok(out.into_series().with_name(s.name().clone()).into_column())
        },
        |_, f| Ok(pl::Field::new(f.name().clone(), PlType::String)),
    )
}

fn sha2(c: &CallLowering) -> pl::Expr {
    c.arg(0).map_many(
        |cols: &mut [Column]| -> PolarsResult<Column> {
            let b = cols[0].as_materialized_series().binary()?.clone();
            let bits = cols[1].as_materialized_series().cast(&PlType::Int32)?.i32()?.clone();
            let n = crate::compat::checks::broadcast_len([b.len(), bits.len()]);
            let out: pl::StringChunked = (0..n)
                .map(|i| {
                    let v = if b.len() == 1 { b.get(0) } else { b.get(i) }?;
                    let k = if bits.len() == 1 { bits.get(0) } else { bits.get(i) }?;
                    hash::sha2(v, k)
                })
                .collect();
            Ok(out.into_series().with_name(cols[0].name().clone()).into_column())
        },
        &[c.arg(1)],
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::String)),
    )
}

fn row_hash(c: &CallLowering, out: PlType, f: fn(&[Column]) -> PolarsResult<Column>) -> pl::Expr {
    let first = c.arg(0);
    first.map_many(move |cols: &mut [Column]| f(cols), &c.args[1..], move |_, fields| Ok(pl::Field::new(fields[0].name().clone(), out.clone())))
}
