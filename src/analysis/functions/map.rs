//! Functions of maps (stored as lists of `{key, value}` structs).

use super::signature::{Arity::*, Display, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::{common_type, data_type, nullable};
use crate::analysis::Conf;
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
    def(Func::Map(MapFromArrays), "map_from_arrays", Exact(2), Inputs::Custom(two_arrays), Ret::Custom(map_of_arrays)),
    def(Func::Map(MapFromEntries), "map_from_entries", Exact(1), Inputs::Custom(pair_entries), Ret::Custom(map_of_entries))
        .null(Null::Custom(entries_nullable)),
    def(Func::Map(MapConcat), "map_concat", AtLeast(0), Inputs::Custom(same_maps), Ret::Custom(concat_type)),
    def(Func::Map(StrToMap), "str_to_map", Range(1, 3), Inputs::Custom(text_and_delimiters), Ret::Custom(string_map))
        .display(Display::Custom(with_default_delimiters)),
];

fn string_map(_: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Map(Box::new(DataType::String), Box::new(DataType::String), true))
}

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
        )
        .with_param("functionName", "`map`")
        .with_param("expectedNum", "2n (n > 0)")
        .with_param("actualNum", args.len().to_string()));
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

/// Whether a type may be a map key (Spark refuses maps as keys).
fn map_key_refused(site: &Site, index: usize, key: &DataType, arg: &Expr) -> Result<()> {
    if matches!(key, DataType::Map(..)) {
        return Err(unexpected_input_type(site, index, "\"MAP\" key of a comparable type", arg));
    }
    Ok(())
}

/// `map_from_arrays(keys, values)`: two arrays.
fn two_arrays(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    for (i, a) in args.iter().enumerate() {
        match data_type(a) {
            DataType::Array(e, _) if i == 0 => map_key_refused(site, 0, &e, a)?,
            DataType::Array(..) => {}
            _ => return Err(unexpected_input_type(site, i, "\"ARRAY\"", a)),
        }
    }
    Ok(args)
}

fn map_of_arrays(args: &[Expr], _: &Site) -> Result<DataType> {
    let element = |a: &Expr| match data_type(a) {
        DataType::Array(e, n) => (*e, n),
        other => (other, true),
    };
    let ((k, _), (v, vn)) = (element(&args[0]), element(&args[1]));
    Ok(DataType::Map(Box::new(k), Box::new(v), vn))
}

/// `map_from_entries`: an array of two-field structs (key, value).
fn pair_entries(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    match data_type(&args[0]) {
        DataType::Array(e, _) if matches!(&*e, DataType::Struct(f) if f.len() == 2) => Ok(args),
        _ => Err(unexpected_input_type(site, 0, "\"ARRAY\" of pair \"STRUCT\"", &args[0])),
    }
}

fn map_of_entries(args: &[Expr], _: &Site) -> Result<DataType> {
    match data_type(&args[0]) {
        DataType::Array(e, _) => match *e {
            DataType::Struct(f) if f.len() == 2 => {
                Ok(DataType::Map(Box::new(f[0].data_type.clone()), Box::new(f[1].data_type.clone()), f[1].nullable))
            }
            other => Ok(other),
        },
        other => Ok(other),
    }
}

/// NULL for a NULL array or a NULL entry.
fn entries_nullable(args: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[0] || matches!(data_type(&args[0]), DataType::Array(_, true))
}

/// Spark's wider type without string promotion (a string meets only a string).
fn wider(a: &DataType, b: &DataType, ansi: bool) -> Option<DataType> {
    let mixes_string = a != b && (*a == DataType::String || *b == DataType::String);
    if mixes_string {
        return None;
    }
    match (a, b) {
        (DataType::Map(ka, va, na), DataType::Map(kb, vb, nb)) => {
            Some(DataType::Map(Box::new(wider(ka, kb, ansi)?), Box::new(wider(va, vb, ansi)?), *na || *nb))
        }
        _ => common_type(a, b, ansi),
    }
}

/// `map_concat(...)`: maps, cast to their wider map type.
fn same_maps(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let types: Vec<DataType> = args.iter().map(data_type).collect();
    let listed = || types.iter().map(|t| format!("\"{}\"", t.sql())).collect::<Vec<_>>();
    if types.iter().any(|t| !matches!(t, DataType::Map(..))) {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.MAP_CONCAT_DIFF_TYPES",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: The `map_concat` should all be of type map, but it's [{}].",
                site.shown,
                listed().join(", ")
            ),
        ));
    }
    let mut common = match types.first() {
        Some(t) => t.clone(),
        None => return Ok(args),
    };
    for t in &types[1..] {
        common = wider(&common, t, site.conf.ansi).ok_or_else(|| {
            Error::analysis(
                "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
                format!(
                    "Cannot resolve \"{}\" due to data type mismatch: Input to `map_concat` should all be the same type, but it's ({}).",
                    site.shown,
                    listed().join(" or ")
                ),
            )
        })?;
    }
    Ok(args.into_iter().map(|a| coerce(a, &common)).collect())
}

fn concat_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(args.first().map_or(DataType::Map(Box::new(DataType::String), Box::new(DataType::String), false), data_type))
}

/// `str_to_map(text, pairDelim, keyValueDelim)`: strings (NULL is cast, nothing
/// else), the delimiters `,` and `:` by default.
fn text_and_delimiters(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    for default in [",", ":"].iter().skip(args.len() - 1) {
        args.push(Expr::Literal(crate::ir::Value::String((*default).to_string())));
    }
    for (i, a) in args.iter_mut().enumerate() {
        match data_type(a) {
            DataType::String => {}
            DataType::Null => *a = coerce(a.clone(), &DataType::String),
            _ => return Err(unexpected_input_type(site, i, "\"STRING\"", a)),
        }
    }
    Ok(args)
}

fn with_default_delimiters(called_as: &str, args: &[String], _: bool) -> String {
    let mut args = args.to_vec();
    for default in [",", ":"].iter().skip(args.len().saturating_sub(1)) {
        args.push((*default).to_string());
    }
    format!("{called_as}({})", args.join(", "))
}
