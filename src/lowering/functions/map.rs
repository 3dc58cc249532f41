//! Functions of maps: a MAP is a list of `{key, value}` structs.

use super::CallLowering;
use crate::compat::checks::fail_where;
use crate::compat::lambdas;
use crate::error::{Error, ErrorKind, Result};
use crate::ir::function::MapFn;
use crate::lowering::types::to_polars;
use polars::prelude::{self as pl, col, lit, when};

fn field(map: pl::Expr, name: &str) -> pl::Expr {
    map.list().eval(col("").struct_().field_by_name(name))
}

pub fn lower(f: MapFn, c: &CallLowering) -> Result<pl::Expr> {
    // `map_concat()` has no argument.
    let map = c.args.first().cloned().unwrap_or_else(|| lit(pl::NULL));
    Ok(match f {
        MapFn::MapFilter | MapFn::TransformValues | MapFn::MapZipWith => return super::higher_order::lower_map(f, c),
        MapFn::TransformKeys => {
            let transformed = super::higher_order::lower_map(f, c)?;
            built_map(c, transformed)
        }
        MapFn::CreateMap => return create_map(c),
        MapFn::MapFromArrays => {
            let (keys, values) = (c.arg(0), c.arg(1));
            let zipped = lambdas::zip_arrays(vec![keys.clone(), values.clone()], vec!["key".into(), "value".into()], to_polars(&c.call.data_type));
            let unequal = keys.clone().list().len().neq(values.list().len());
            let zipped = fail_where(zipped, unequal, c.reachable.clone(), keys.list().len(), ErrorKind::Runtime, "_LEGACY_ERROR_TEMP_2128", |_| {
                "The key array and value array of MapData must have the same length.".to_string()
            });
            built_map(c, zipped)
        }
        MapFn::MapFromEntries => {
            let crate::ir::DataType::Array(entry, _) = c.arg_type(0) else { return Err(Error::internal("map_from_entries of a non-array")) };
            let crate::ir::DataType::Struct(fields) = *entry else { return Err(Error::internal("map_from_entries of non-structs")) };
            let entries = map.clone().list().eval(pl::as_struct(vec![
                col("").struct_().field_by_name(&fields[0].name).alias("key"),
                col("").struct_().field_by_name(&fields[1].name).alias("value"),
            ]));
            // A NULL entry makes the whole map NULL.
            let null_entry = map.clone().list().drop_nulls().list().len().lt(map.list().len());
            let entries = when(null_entry).then(lit(pl::NULL).cast(to_polars(&c.call.data_type))).otherwise(entries);
            built_map(c, entries)
        }
        MapFn::MapConcat => {
            let t = to_polars(&c.call.data_type);
            if c.args.is_empty() {
                // An empty map per row: one entry sliced away.
                let one = pl::concat_list([pl::as_struct(vec![lit("").alias("key"), lit("").alias("value")])]).map_err(Error::from)?;
                return Ok(one.list().slice(lit(0i64), lit(0i64)).cast(t));
            }
            let any_null = c.args.iter().map(|m| m.clone().is_null()).reduce(|a, b| a.or(b)).unwrap_or(lit(false));
            let joined = pl::concat_list(c.args.clone()).map_err(Error::from)?;
            built_map(c, when(any_null).then(lit(pl::NULL).cast(t)).otherwise(joined))
        }
        MapFn::StrToMap => {
            let t = to_polars(&c.call.data_type);
            built_map(c, crate::compat::maps::str_to_map(c.arg(0), c.arg(1), c.arg(2), t))
        }
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
        return super::arrays::empty_list(&c.call.data_type);
    }
    let entries: Vec<pl::Expr> =
        c.args.chunks(2).map(|kv| pl::as_struct(vec![kv[0].clone().alias("key"), kv[1].clone().alias("value")])).collect();
    let value = pl::concat_list(entries).map_err(Error::from)?;
    Ok(built_map(c, value))
}

/// A map built from entries, checked as Spark's `ArrayBasedMapBuilder` checks it: a
/// NULL key is `NULL_MAP_KEY`; a repeated key `DUPLICATED_MAP_KEY`, or under
/// `spark.sql.mapKeyDedupPolicy=LAST_WIN` the last value at the first key's place.
fn built_map(c: &CallLowering, map: pl::Expr) -> pl::Expr {
    let keys = field(map.clone(), "key");
    let null_key = keys.clone().list().drop_nulls().list().len().lt(keys.clone().list().len());
    let map = fail_where(map, null_key, c.reachable.clone(), lit(pl::NULL), ErrorKind::Runtime, "NULL_MAP_KEY", |_| {
        "Cannot use null as map key. SQLSTATE: 2200E".to_string()
    });
    if c.conf.map_key_last_win {
        return crate::compat::maps::last_win(map, to_polars(&c.call.data_type));
    }
    let repeated = keys.list().eval(col("").filter(col("").is_duplicated())).list().first();
    fail_where(map, repeated.clone().is_not_null(), c.reachable.clone(), repeated, ErrorKind::Runtime, "DUPLICATED_MAP_KEY", |k| {
        format!("Duplicate map key {} was found, please check the input data.\nIf you want to remove the duplicated keys, you can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes precedence. SQLSTATE: 23505", plain(k))
    })
}

/// A key as Spark prints it in `DUPLICATED_MAP_KEY` (strings unquoted).
fn plain(v: &pl::AnyValue) -> String {
    match v {
        pl::AnyValue::String(s) => s.to_string(),
        pl::AnyValue::StringOwned(s) => s.to_string(),
        other => crate::compat::checks::quoted(other),
    }
}
