//! Null handling and conditional functions.

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::ConditionalFn;
use polars::prelude as pl;

pub fn lower(f: ConditionalFn, c: &CallLowering) -> Result<pl::Expr> {
    Ok(match f {
        ConditionalFn::Coalesce => pl::coalesce(&c.args),
    })
}
