//! Array functions, and `col[key]` on arrays, maps and structs.

use super::CallLowering;
use crate::compat::checks::fail_where;
use crate::error::{ErrorKind, Result};
use crate::ir::function::CollectionFn;
use crate::ir::DataType;
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, lit, when, DataType as PlType};

pub fn lower(f: CollectionFn, c: &CallLowering) -> Result<pl::Expr> {
    match f {
        CollectionFn::GetItem => match c.arg_type(0) {
            DataType::Array(elem, _) => Ok(array_item(c, &elem)),
            DataType::Map(_, value, _) => Ok(crate::compat::maps::lookup(c.arg(0), c.arg(1), to_polars(&value))),
            _ => super::structs::field(c),
        },
        CollectionFn::Transform | CollectionFn::Filter | CollectionFn::Exists | CollectionFn::Forall | CollectionFn::Aggregate | CollectionFn::ZipWith
        | CollectionFn::ArraySort => {
            super::higher_order::lower(f, c)
        }
        _ => super::arrays::lower(f, c),
    }
}

/// Spark's `array[i]` is 0-based; out of range it is NULL, or an error under ANSI.
fn array_item(c: &CallLowering, elem: &DataType) -> pl::Expr {
    let (array, index) = (c.arg(0), c.arg(1).cast(PlType::Int64));
    // Polars counts negative indexes from the end; Spark has no such element.
    let value = when(index.clone().lt(lit(0i64)))
        .then(lit(pl::NULL).cast(to_polars(elem)))
        .otherwise(array.clone().list().get(index.clone(), true));
    if !c.conf.ansi {
        return value;
    }
    let len = array.clone().list().len().cast(PlType::Int64);
    let bad = array.is_not_null().and(index.clone().lt(lit(0i64)).or(index.clone().gt_eq(len.clone())));
    fail_where(value, bad, c.reachable.clone(), index_and_size(index, len), ErrorKind::ArrayIndexOutOfBounds, "INVALID_ARRAY_INDEX", |v| {
        let (index, size) = split_index_and_size(v);
        format!("The index {index} is out of bounds. The array has {size} elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003")
    })
}

/// An out-of-range index and its array's size, carried together to the error message.
pub fn index_and_size(index: pl::Expr, size: pl::Expr) -> pl::Expr {
    pl::concat_str([index.cast(PlType::String), size.cast(PlType::String)], "|", false)
}

pub fn split_index_and_size(v: &pl::AnyValue) -> (String, String) {
    let text = match v {
        pl::AnyValue::String(s) => s.to_string(),
        pl::AnyValue::StringOwned(s) => s.to_string(),
        other => other.to_string(),
    };
    match text.split_once('|') {
        Some((i, n)) => (i.to_string(), n.to_string()),
        None => (text, String::new()),
    }
}
