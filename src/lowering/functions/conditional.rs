//! Null handling and conditional functions: `coalesce` and the functions Spark
//! rewrites to it (`ifnull`/`nvl`, `zeroifnull`) or to `if` (`nvl2`, `nullif`).

use super::CallLowering;
use crate::analysis::typing::common_type;
use crate::error::Result;
use crate::ir::function::ConditionalFn;
use crate::ir::DataType;
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, when, DataType as PlType};

pub fn lower(f: ConditionalFn, c: &CallLowering) -> Result<pl::Expr> {
    let null = || lit(pl::NULL).cast(to_polars(&c.call.data_type));
    Ok(match f {
        ConditionalFn::Coalesce | ConditionalFn::Ifnull => pl::coalesce(&c.args),
        ConditionalFn::Nvl2 => when(c.arg(0).is_not_null()).then(c.arg(1)).otherwise(c.arg(2)),
        ConditionalFn::Nullif => {
            let (a, b) = comparable(c);
            when(a.eq(b).fill_null(lit(false))).then(null()).otherwise(c.arg(0))
        }
        ConditionalFn::NullIfZero => {
            let zero = c.arg(0).cast(PlType::Float64).eq(lit(0.0)).fill_null(lit(false));
            when(zero).then(null()).otherwise(c.arg(0))
        }
        ConditionalFn::ZeroIfNull => pl::coalesce(&[c.arg(0), lit(0).cast(to_polars(&c.call.data_type))]),
        ConditionalFn::Nanvl => when(c.arg(0).is_nan()).then(c.arg(1)).otherwise(c.arg(0)),
        ConditionalFn::EqualNull => {
            let (a, b) = comparable(c);
            a.eq_missing(b)
        }
        ConditionalFn::IsNotNull => c.arg(0).is_not_null(),
        ConditionalFn::IsNull => c.arg(0).is_null(),
    })
}

/// The two arguments in the type Spark compares them in.
fn comparable(c: &CallLowering) -> (pl::Expr, pl::Expr) {
    let (ta, tb) = (c.arg_type(0), c.arg_type(1));
    match common_type(&ta, &tb, c.conf.ansi) {
        Some(t) if t != ta || t != tb => {
            let t = if t == DataType::Null { ta } else { t };
            (c.arg(0).cast(to_polars(&t)), c.arg(1).cast(to_polars(&t)))
        }
        _ => (c.arg(0), c.arg(1)),
    }
}
