//! Functions of maps.

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::MapFn;
use polars::prelude as pl;

pub fn lower(f: MapFn, _c: &CallLowering) -> Result<pl::Expr> {
    match f {}
}
