//! String functions, one submodule per kind of work: case, trimming, slicing and
//! concatenation (`text`), LIKE and regular expressions (`like`). Native Polars
//! string kernels wherever their semantics are Spark's; `compat` kernels elsewhere.

mod like;
mod text;

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::StringFn;
use polars::prelude as pl;

pub fn lower(f: StringFn, c: &CallLowering) -> Result<pl::Expr> {
    use StringFn::*;
    Ok(match f {
        Upper => c.arg(0).str().to_uppercase(),
        Lower => c.arg(0).str().to_lowercase(),
        Length => text::length(c),
        Trim | Ltrim | Rtrim | Btrim => text::trim(f, c),
        Concat => text::concat(c),
        ConcatWs => text::concat_ws(c)?,
        Substring => text::substring(c),
        Like => like::like(c, false)?,
        ILike => like::like(c, true)?,
        Rlike => like::rlike(c)?,
        StartsWith | EndsWith | Contains => text::affix(f, c),
    })
}
