//! Struct functions.

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::StructFn;
use polars::prelude as pl;

pub fn lower(f: StructFn, c: &CallLowering) -> Result<pl::Expr> {
    match f {
        StructFn::GetField => field(c),
    }
}

/// `s.field`: analysis has put the field's exact name in a literal.
pub fn field(c: &CallLowering) -> Result<pl::Expr> {
    let name = c.str_literal(1).ok_or_else(|| c.unsupported("a non-literal field name"))?;
    Ok(c.arg(0).struct_().field_by_name(name))
}
