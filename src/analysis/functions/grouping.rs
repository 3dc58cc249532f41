//! `grouping(k)` and `grouping_id(k...)`. They only mean something in a rollup, cube
//! or grouping-sets aggregation, whose analysis (`analysis::grouping::sets`) rewrites
//! them over the aggregation's grouping id before the rest of the list is resolved.
//! A call that reaches ordinary binding is therefore outside such an aggregation,
//! where Spark refuses it.

use super::signature::{Arity::*, Inputs, Null, Ret, Site};
use super::{def, FunctionDef};
use crate::error::{Error, Result};
use crate::ir::function::{Func, GroupingFn, GroupingFn::*};
use crate::ir::{DataType, Expr};

const BYTE: &DataType = &DataType::Byte;
const LONG: &DataType = &DataType::Long;

const fn grouping(f: GroupingFn) -> Func {
    Func::Grouping(f)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(grouping(Grouping), "grouping", Exact(1), Inputs::Custom(outside_grouping_sets), Ret::Fixed(BYTE)).null(Null::Never),
    def(grouping(GroupingId), "grouping_id", AtLeast(0), Inputs::Custom(outside_grouping_sets), Ret::Fixed(LONG)).null(Null::Never),
];

fn outside_grouping_sets(_: Vec<Expr>, _: &Site) -> Result<Vec<Expr>> {
    Err(unsupported_grouping_expression())
}

/// Spark's error for `grouping()`/`grouping_id()` outside GROUPING SETS, CUBE and ROLLUP.
pub fn unsupported_grouping_expression() -> Error {
    Error::analysis("UNSUPPORTED_GROUPING_EXPRESSION", "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.")
}
