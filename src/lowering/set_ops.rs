//! INTERSECT and EXCEPT as Polars semi and anti joins over every column, with NULLs
//! equal. Floating-point columns are normalised first (-0.0 as 0.0), as Spark does
//! for the keys of these joins; the DISTINCT forms then keep one row per value (the
//! output shows the normalised value, as from Spark's aggregate). The ALL forms
//! number the copies of each row on both sides and match row and number, so a row
//! seen n times on the left and m on the right comes out min(n, m) times
//! (intersect) or max(n - m, 0) times (except).

use crate::error::{Error, Result};
use crate::ir::{Attribute, SetOpKind};
use polars::prelude::{self as pl, col, lit, DataType as PlType};

/// The copy number of a row among the rows equal to it.
const COPY: &str = "__pyrust_copy";

pub fn lower_set_op(left: pl::LazyFrame, right: pl::LazyFrame, output: &[Attribute], kind: SetOpKind, all: bool) -> Result<pl::LazyFrame> {
    if output.is_empty() {
        return Err(Error::unsupported("a set operation over DataFrames with no columns"));
    }
    let names: Vec<String> = output.iter().map(|a| a.engine_name()).collect();
    let normalised: Vec<pl::Expr> = output
        .iter()
        .filter(|a| a.data_type.is_floating())
        .map(|a| crate::compat::floats::normalize_key(col(a.engine_name().as_str()), &a.data_type).alias(a.engine_name().as_str()))
        .collect();
    let (mut l, mut r) = (left.with_columns(normalised.clone()), right.with_columns(normalised));
    let mut keys: Vec<pl::Expr> = names.iter().map(|n| col(n.as_str())).collect();
    if all {
        let copy = pl::int_range(lit(0i64), pl::len().cast(PlType::Int64), 1, PlType::Int64).over(keys.clone())?.alias(COPY);
        l = l.with_columns([copy.clone()]);
        r = r.with_columns([copy]);
        keys.push(col(COPY));
    } else {
        l = l.unique_stable_generic(Some(keys.clone()), pl::UniqueKeepStrategy::First);
    }
    let how = match kind {
        SetOpKind::Intersect => pl::JoinType::Semi,
        SetOpKind::Except => pl::JoinType::Anti,
    };
    let mut args = pl::JoinArgs::new(how);
    args.nulls_equal = true;
    args.maintain_order = pl::MaintainOrderJoin::Left;
    let joined = l.join(r, keys.clone(), keys, args);
    Ok(joined.select(names.iter().map(|n| col(n.as_str())).collect::<Vec<_>>()))
}
