//! Functions of maps: a MAP is a list of `{key, value}` structs.

use super::CallLowering;
use crate::compat::checks::fail_where;
use crate::error::{Error, ErrorKind, Result};
use crate::ir::function::MapFn;
use polars::prelude::{self as pl, col, lit, when};

fn field(map: pl::Expr, name: &str) -> pl::Expr {
    map.list().eval(col("").struct_().field_by_name(name))
}

pub fn lower(f: MapFn, c: &CallLowering) -> Result<pl::Expr> {
    let map = c.arg(0);
    Ok(match f {
        MapFn::MapFilter | MapFn::TransformValues => return super::higher_order::lower_map(f, c),
        MapFn::CreateMap => return create_map(c),
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

/// `map(k1, v1, ...)`: entries in order; a NULL key is `NULL_MAP_KEY`, a repeated
/// key `DUPLICATED_MAP_KEY` (Spark's default `spark.sql.mapKeyDedupPolicy`).
fn create_map(c: &CallLowering) -> Result<pl::Expr> {
    if c.args.is_empty() {
        return Err(c.unsupported("no arguments"));
    }
    let keys: Vec<pl::Expr> = c.args.iter().step_by(2).cloned().collect();
    let entries: Vec<pl::Expr> =
        c.args.chunks(2).map(|kv| pl::as_struct(vec![kv[0].clone().alias("key"), kv[1].clone().alias("value")])).collect();
    let mut value = pl::concat_list(entries).map_err(Error::from)?;
    let null_key = keys.iter().map(|k| k.clone().is_null()).reduce(|a, b| a.or(b)).unwrap_or(lit(false));
    value = fail_where(value, null_key, c.reachable.clone(), lit(pl::NULL), ErrorKind::Runtime, "NULL_MAP_KEY", |_| {
        "Cannot use null as map key. SQLSTATE: 2200E".to_string()
    });
    let mut duplicate: Option<pl::Expr> = None;
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            let same = keys[i].clone().eq(keys[j].clone()).fill_null(lit(false));
            duplicate = Some(match duplicate {
                Some(d) => d.or(same),
                None => same,
            });
        }
    }
    if let Some(dup) = duplicate {
        value = fail_where(value, dup, c.reachable.clone(), keys[0].clone(), ErrorKind::Runtime, "DUPLICATED_MAP_KEY", |k| {
            format!("Duplicate map key {k} was found, please check the input data. If you want to remove the duplicated keys, you can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes precedence. SQLSTATE: 23505")
        });
    }
    Ok(value)
}
