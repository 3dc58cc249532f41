//! `grouping`/`grouping_id` after analysis of a grouping-sets aggregation: reads of
//! its grouping id column (`grouping(k)` as one bit of it, shift in argument 1).

use super::CallLowering;
use crate::error::{Error, Result};
use crate::ir::function::GroupingFn;
use polars::prelude::{self as pl, lit, DataType as PlType};

pub fn lower(f: GroupingFn, c: &CallLowering) -> Result<pl::Expr> {
    Ok(match f {
        GroupingFn::Grouping => {
            let shift = c.int_literal(1).ok_or_else(|| Error::internal("grouping() without its bit"))?;
            // The id is never negative: a division by a power of two is the shift.
            ((c.arg(0) / lit(1i64 << shift)) % lit(2i64)).cast(PlType::Int8)
        }
        GroupingFn::GroupingId => c.arg(0).cast(PlType::Int64),
    })
}
