//! Functions of maps (stored as lists of `{key, value}` structs).

use super::signature::{Arity::*, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::{common_type, data_type, nullable};
use crate::error::{Error, Result};
use crate::ir::function::{Func, MapFn::*};
use crate::ir::{DataType, Expr, StructField};

pub static FUNCTIONS: &[FunctionDef] = &[
    def(Func::Map(CreateMap), "map", AtLeast(0), Inputs::Custom(map_inputs), Ret::Custom(map_type)).null(Null::Never),
    def(Func::Map(MapKeys), "map_keys", Exact(1), Inputs::Custom(map_only), Ret::Custom(keys_type)),
    def(Func::Map(MapValues), "map_values", Exact(1), Inputs::Custom(map_only), Ret::Custom(values_type)),
    def(Func::Map(MapEntries), "map_entries", Exact(1), Inputs::Custom(map_only), Ret::Custom(entries_type)),
    def(Func::Map(MapContainsKey), "map_contains_key", Exact(2), Inputs::Custom(map_and_key), Ret::Fixed(&DataType::Boolean))
        .null(Null::Always),
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

/// Keys cast to their common type, values to theirs.
fn map_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.len() % 2 == 1 {
        return Err(Error::analysis(
            "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
            format!("The `map` requires 2n (n > 0) parameters but the actual number is {}.", args.len()),
        ));
    }
    let common = |from: usize| -> Result<DataType> {
        let mut t = DataType::Null;
        for a in args.iter().skip(from).step_by(2) {
            t = common_type(&t, &data_type(a), site.conf.ansi).ok_or_else(|| {
                let kind = if from == 0 { "keys" } else { "values" };
                Error::analysis(
                    "DATATYPE_MISMATCH.CREATE_MAP_KEY_DIFF_TYPES",
                    format!("Cannot resolve \"{}\" due to data type mismatch: The given {kind} of function `map` should all be the same type.", site.shown),
                )
            })?;
        }
        Ok(t)
    };
    let (k, v) = (common(0)?, common(1)?);
    if matches!(k, DataType::Map(..)) {
        return Err(unexpected_input_type(site, 0, "\"MAP\" key of a comparable type", &args[0]));
    }
    Ok(args.into_iter().enumerate().map(|(i, a)| coerce(a, if i % 2 == 0 { &k } else { &v })).collect())
}

fn map_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let k = args.first().map_or(DataType::Null, data_type);
    let v = args.get(1).map_or(DataType::Null, data_type);
    let values_null = args.iter().skip(1).step_by(2).any(|a| nullable(a, site.conf.ansi));
    Ok(DataType::Map(Box::new(k), Box::new(v), values_null))
}
