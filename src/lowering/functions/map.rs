//! Functions of maps: a MAP is a list of `{key, value}` structs.

use super::CallLowering;
use crate::error::Result;
use crate::ir::function::MapFn;
use polars::prelude::{self as pl, col, lit, when};

fn field(map: pl::Expr, name: &str) -> pl::Expr {
    map.list().eval(col("").struct_().field_by_name(name))
}

pub fn lower(f: MapFn, c: &CallLowering) -> Result<pl::Expr> {
    let map = c.arg(0);
    Ok(match f {
        MapFn::MapFilter | MapFn::TransformValues => return super::higher_order::lower_map(f, c),
        MapFn::MapKeys => field(map, "key"),
        MapFn::MapValues => field(map, "value"),
        MapFn::MapEntries => map,
        // Keys are never NULL: NULL only for a NULL map or key.
        MapFn::MapContainsKey => {
            let key = c.arg(1);
            when(key.clone().is_null()).then(lit(pl::NULL).cast(pl::DataType::Boolean)).otherwise(field(map, "key").list().contains(key, false))
        }
    })
}
