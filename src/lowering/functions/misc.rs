//! Everything else: row ids (one partition: 0, 1, 2...), type names, assertions,
//! session values.

use super::CallLowering;
use crate::compat::checks::fail_where;
use crate::compat::random::{self, XorShiftRandom};
use crate::error::{ErrorKind, Result};
use crate::ir::function::MiscFn;
use crate::ir::{DataType, Expr, Value};
use polars::prelude::{self as pl, lit, Column, DataType as PlType, IntoColumn, IntoSeries, PolarsResult};

/// Spark's version text: the release and the revision it was built from.
const SPARK_VERSION: &str = "4.0.1 29434ea766b0fc3c3bf6eaadb43a8f931133649e";

pub fn lower(f: MiscFn, c: &CallLowering) -> Result<pl::Expr> {
    Ok(match f {
        MiscFn::MonotonicallyIncreasingId => pl::int_range(lit(0i64), pl::len(), 1, PlType::Int64),
        MiscFn::SparkPartitionId => lit(0i32),
        MiscFn::Uuid => uuids(),
        MiscFn::TypeOf => lit(c.arg_type(0).simple_string()),
        MiscFn::AssertTrue => assert_true(c),
        MiscFn::RaiseError => {
            let bad = lit(true);
            let null = lit(pl::NULL).cast(PlType::Null);
            fail_where(null, bad, c.reachable.clone(), c.arg(0), ErrorKind::Runtime, "USER_RAISED_EXCEPTION", |v| match v {
                pl::AnyValue::String(s) => s.to_string(),
                pl::AnyValue::StringOwned(s) => s.to_string(),
                _ => "null".to_string(),
            })
        }
        MiscFn::ScalarSubqueryValue => {
            let too_many = if c.args.len() == 2 { c.arg(1).gt(lit(1i64)) } else { pl::len().gt(lit(1u32).cast(PlType::UInt32)) };
            fail_where(c.arg(0), too_many, c.reachable.clone(), lit(pl::NULL), ErrorKind::Runtime, "SCALAR_SUBQUERY_TOO_MANY_ROWS", |_| {
                "More than one row returned by a subquery used as an expression. SQLSTATE: 21000".to_string()
            })
        }
        MiscFn::CurrentCatalog => lit("spark_catalog"),
        MiscFn::CurrentDatabase => lit("default"),
        MiscFn::CurrentUser => lit(current_user()),
        MiscFn::Version => lit(SPARK_VERSION),
        MiscFn::InputFileName => lit(""),
        MiscFn::AesEncrypt | MiscFn::AesDecrypt | MiscFn::TryAesDecrypt => aes(f, c),
        // Spark's bitmaps hold 32768 bits (4096 bytes) per bucket.
        MiscFn::BitmapBitPosition => {
            crate::compat::kernels::unary::<pl::Int64Type, pl::Int64Type>(c.arg(0), |v| Some(if v > 0 { (v - 1) % 32768 } else { v.wrapping_neg() % 32768 }))
        }
        MiscFn::BitmapBucketNumber => {
            crate::compat::kernels::unary::<pl::Int64Type, pl::Int64Type>(c.arg(0), |v| Some(if v > 0 { 1 + (v - 1) / 32768 } else { v / 32768 }))
        }
        MiscFn::BitmapCount => c.arg(0).map(
            |col: Column| -> PolarsResult<Column> {
                let s = col.as_materialized_series();
                let out: pl::Int64Chunked = s.binary()?.iter().map(|v| v.map(|b| b.iter().map(|x| x.count_ones() as i64).sum())).collect();
                Ok(out.into_series().with_name(s.name().clone()).into_column())
            },
            |_, f| Ok(pl::Field::new(f.name().clone(), PlType::Int64)),
        ),
    })
}

/// The user Spark reports: the `SPARK_USER` or the process's user name.
fn current_user() -> String {
    for var in ["SPARK_USER", "USER", "LOGNAME"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                return v;
            }
        }
    }
    "root".to_string()
}

fn uuids() -> pl::Expr {
    let seed = random::fresh_seed();
    pl::int_range(lit(0i64), pl::len(), 1, PlType::Int64).apply_with_fmt_str(
        move |col: Column| -> PolarsResult<Column> {
            let mut rng = XorShiftRandom::new(seed);
            let out: pl::StringChunked = (0..col.len()).map(|_| Some(random::uuid(&mut rng))).collect();
            Ok(out.into_series().with_name(col.name().clone()).into_column())
        },
        |_, f| Ok(pl::Field::new(f.name().clone(), PlType::String)),
        "uuid",
    )
}

/// `assert_true(cond[, message])`: NULL, or an error on a row where cond is false or NULL.
fn assert_true(c: &CallLowering) -> pl::Expr {
    let cond = c.arg(0);
    let bad = cond.clone().not().fill_null(lit(true));
    let shown = match c.args.len() {
        1 => {
            // Spark prints the condition before its implicit cast: a NULL is `null`.
            let text = match c.call.args[0].unalias() {
                Expr::Literal(Value::Null) => "null".to_string(),
                Expr::Cast { expr, .. } if matches!(expr.unalias(), Expr::Literal(Value::Null)) => "null".to_string(),
                _ => crate::analysis::naming::sql_text(&c.call.args[0]),
            };
            lit(format!("'{text}' is not true!"))
        }
        _ => c.arg(1),
    };
    let null = lit(pl::NULL).cast(crate::lowering::types::to_polars(&DataType::Null));
    fail_where(null, bad, c.reachable.clone(), shown, ErrorKind::Runtime, "USER_RAISED_EXCEPTION", |v| match v {
        pl::AnyValue::String(s) => s.to_string(),
        pl::AnyValue::StringOwned(s) => s.to_string(),
        _ => "null".to_string(),
    })
}

/// `aes_encrypt`/`aes_decrypt`/`try_aes_decrypt`, row by row. Errors are Spark's on
/// rows that are evaluated (`reachable`); `try_aes_decrypt` gives NULL instead.
fn aes(f: MiscFn, c: &CallLowering) -> pl::Expr {
    let function = if f == MiscFn::AesEncrypt { "aes_encrypt" } else { "aes_decrypt" };
    let mut inputs: Vec<pl::Expr> = c.args[1..].to_vec();
    inputs.push(c.reachable.clone().unwrap_or(lit(true)));
    c.arg(0).map_many(
        move |cols: &mut [Column]| -> PolarsResult<Column> {
            let n = crate::compat::checks::broadcast_len(cols.iter().map(|c| c.len()));
            let reachable = cols[cols.len() - 1].as_materialized_series().bool()?.clone();
            let fields = &cols[..cols.len() - 1];
            // Binary arguments: input, key, then IV and AAD (encrypt) or AAD (decrypt).
            let bins: Vec<pl::BinaryChunked> = fields
                .iter()
                .enumerate()
                .filter(|(i, _)| !matches!(i, 2 | 3))
                .map(|(_, c)| c.as_materialized_series().binary().cloned())
                .collect::<PolarsResult<_>>()?;
            let strs: Vec<pl::StringChunked> =
                fields[2..4].iter().map(|c| c.as_materialized_series().str().cloned()).collect::<PolarsResult<_>>()?;
            let bin_at = |k: usize, i: usize| -> Option<&[u8]> {
                let ca = bins.get(k)?;
                if ca.len() == 1 { ca.get(0) } else { ca.get(i) }
            };
            let str_at = |k: usize, i: usize| -> Option<&str> {
                let ca = &strs[k];
                if ca.len() == 1 { ca.get(0) } else { ca.get(i) }
            };
            let mut out: Vec<Option<Vec<u8>>> = Vec::with_capacity(n);
            for i in 0..n {
                let args = (bin_at(0, i), bin_at(1, i), str_at(0, i), str_at(1, i), bin_at(2, i), bin_at(3, i));
                let result = match (f, args) {
                    (MiscFn::AesEncrypt, (Some(input), Some(key), Some(mode), Some(padding), Some(iv), Some(aad))) => {
                        crate::compat::aes::encrypt(input, key, mode, padding, iv, aad)
                    }
                    (MiscFn::AesDecrypt | MiscFn::TryAesDecrypt, (Some(input), Some(key), Some(mode), Some(padding), Some(aad), _)) => {
                        crate::compat::aes::decrypt(input, key, mode, padding, aad)
                    }
                    _ => {
                        out.push(None);
                        continue;
                    }
                };
                let here = if reachable.len() == 1 { reachable.get(0) } else { reachable.get(i) };
                match result {
                    Ok(bytes) => out.push(Some(bytes)),
                    Err(e) if f != MiscFn::TryAesDecrypt && here == Some(true) => {
                        return Err(crate::compat::errors::runtime_error(ErrorKind::Runtime, e.class(), &e.message(function)));
                    }
                    Err(_) => out.push(None),
                }
            }
            let ca: pl::BinaryChunked = out.into_iter().collect();
            Ok(ca.into_series().with_name(cols[0].name().clone()).into_column())
        },
        &inputs,
        |_, fields| Ok(pl::Field::new(fields[0].name().clone(), PlType::Binary)),
    )
}
