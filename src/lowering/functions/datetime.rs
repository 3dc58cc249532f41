//! Date functions. Date arguments arrive as DATE (analysis casts strings and
//! timestamps): Polars' Date is days since the epoch, as Spark's is.

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::DatetimeFn;
use polars::prelude::{self as pl, lit, DataType as PlType};

pub fn lower(f: DatetimeFn, c: &CallLowering) -> Result<pl::Expr> {
    let date = c.arg(0);
    Ok(match f {
        DatetimeFn::Year => date.dt().year(),
        DatetimeFn::Quarter => date.dt().quarter().cast(PlType::Int32),
        DatetimeFn::Month => date.dt().month().cast(PlType::Int32),
        DatetimeFn::DayOfMonth => date.dt().day().cast(PlType::Int32),
        // Spark counts from Sunday = 1, Polars from Monday = 1.
        DatetimeFn::DayOfWeek => (date.dt().weekday().cast(PlType::Int32) % lit(7i32)) + lit(1i32),
        DatetimeFn::DayOfYear => date.dt().ordinal_day().cast(PlType::Int32),
        DatetimeFn::ToDate => date,
        DatetimeFn::DateAdd | DatetimeFn::DateSub => {
            let days = c.arg(1).cast(PlType::Int32);
            let days = if f == DatetimeFn::DateAdd { days } else { lit(0i32) - days };
            (date.cast(PlType::Int32) + days).cast(PlType::Date)
        }
        DatetimeFn::DateDiff => date.cast(PlType::Int32) - c.arg(1).cast(PlType::Int32),
    })
}
