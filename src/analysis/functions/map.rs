//! Functions of maps (stored as lists of `{key, value}` structs).

use super::signature::{Arity::*, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::data_type;
use crate::analysis::Conf;
use crate::error::Result;
use crate::ir::function::{Func, MapFn::*};
use crate::ir::{DataType, Expr, StructField};

pub static FUNCTIONS: &[FunctionDef] = &[
    def(Func::Map(MapKeys), "map_keys", Exact(1), Inputs::Custom(map_only), Ret::Custom(keys_type)),
    def(Func::Map(MapValues), "map_values", Exact(1), Inputs::Custom(map_only), Ret::Custom(values_type)),
    def(Func::Map(MapEntries), "map_entries", Exact(1), Inputs::Custom(map_only), Ret::Custom(entries_type)),
    def(Func::Map(MapContainsKey), "map_contains_key", Exact(2), Inputs::Custom(map_and_key), Ret::Fixed(&DataType::Boolean))
        .null(Null::Custom(first_nullable)),
];

fn map_only(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Map(..) => Ok(args),
        _ => Err(unexpected_input_type(site, 0, "\"MAP\"", &args[0])),
    }
}

fn map_and_key(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Map(k, _, _) => {
            args[1] = coerce(args[1].clone(), &k);
            Ok(args)
        }
        _ => Err(unexpected_input_type(site, 0, "\"MAP\"", &args[0])),
    }
}

fn first_nullable(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[0]
}

fn keys_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Map(k, _, _) => DataType::Array(k, false),
        other => other,
    })
}

fn values_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Map(_, v, n) => DataType::Array(v, n),
        other => other,
    })
}

fn entries_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Map(k, v, n) => {
            DataType::Array(Box::new(DataType::Struct(vec![StructField::new("key", *k, false), StructField::new("value", *v, n)])), false)
        }
        other => other,
    })
}
