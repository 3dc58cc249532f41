//! Higher-order functions: an array (two for `zip_with`) and lambdas over its
//! elements. `resolve` gives each lambda's variables their types from
//! `lambda_parameters` before it resolves the body; the definitions here check the
//! resolved call. Spark names a lambda by its structure:
//! `transform(a, lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))`.

use super::signature::{Arity::*, Display, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::{data_type, nullable};
use crate::analysis::Conf;
use crate::error::{Error, Result};
use crate::ir::function::{CollectionFn::*, Func, MapFn};
use crate::ir::{DataType, Expr};

pub static FUNCTIONS: &[FunctionDef] = &[
    def(Func::Map(MapFn::MapFilter), "map_filter", Exact(2), Inputs::Custom(map_filter_inputs), Ret::Arg(0)).null(Null::Custom(array_nullable)),
    def(Func::Map(MapFn::TransformValues), "transform_values", Exact(2), Inputs::Custom(map_then_lambda), Ret::Custom(values_mapped))
        .null(Null::Custom(array_nullable)),
    def(Func::Map(MapFn::TransformKeys), "transform_keys", Exact(2), Inputs::Custom(map_then_lambda), Ret::Custom(keys_mapped))
        .null(Null::Custom(array_nullable)),
    def(Func::Collection(Transform), "transform", Exact(2), Inputs::Custom(array_then_lambdas), Ret::Custom(mapped_array))
        .null(Null::Custom(array_nullable)),
    def(Func::Collection(Filter), "filter", Exact(2), Inputs::Custom(filter_inputs), Ret::Arg(0)).null(Null::Custom(array_nullable)),
    def(Func::Collection(Exists), "exists", Exact(2), Inputs::Custom(predicate_inputs), Ret::Fixed(&DataType::Boolean)),
    def(Func::Collection(Forall), "forall", Exact(2), Inputs::Custom(predicate_inputs), Ret::Fixed(&DataType::Boolean)),
    def(Func::Collection(Aggregate), "aggregate", Range(3, 4), Inputs::Custom(aggregate_inputs), Ret::Custom(aggregate_type))
        .aliases(&["reduce"])
        .null(Null::Custom(aggregate_nullable))
        .display(Display::Custom(aggregate_name)),
    def(Func::Collection(ZipWith), "zip_with", Exact(3), Inputs::Custom(zip_inputs), Ret::Custom(mapped_array))
        .null(Null::Custom(zip_nullable)),
    def(Func::Collection(ArraySort), "array_sort", Range(1, 2), Inputs::Custom(array_sort_inputs), Ret::Arg(0))
        .null(Null::Custom(array_nullable))
        .display(Display::Custom(array_sort_name)),
    def(Func::Map(MapFn::MapZipWith), "map_zip_with", Exact(3), Inputs::Custom(map_zip_inputs), Ret::Custom(map_zipped))
        .null(Null::Custom(zip_nullable)),
];

/// Whether the function's lambda may also take the element's index (`(x, i) -> ...`).
pub fn index_is_optional(func: Func) -> bool {
    matches!(func, Func::Collection(Transform | Filter))
}

/// The types (and nullability) of the variables of the lambda at `index`, from the
/// arguments resolved so far (None where a lambda is not resolved yet).
pub fn lambda_parameters(func: Func, args: &[Option<Expr>], index: usize) -> Vec<(DataType, bool)> {
    let element = |i: usize| match args.get(i).and_then(|a| a.as_ref()).map(data_type) {
        Some(DataType::Array(e, contains_null)) => (*e, contains_null),
        _ => (DataType::Null, true),
    };
    let typed = |i: usize| args.get(i).and_then(|a| a.as_ref()).map_or((DataType::Null, true), |a| (data_type(a), true));
    match func {
        Func::Collection(Transform | Filter) => vec![element(0), (DataType::Integer, false)],
        Func::Collection(Aggregate) if index == 2 => vec![typed(1), element(0)],
        Func::Collection(Aggregate) => vec![typed(1)],
        Func::Collection(ArraySort) => vec![element(0), element(0)],
        // The key, then each map's value (NULL where that map lacks the key).
        Func::Map(MapFn::MapZipWith) => {
            let map = |i: usize| match args.get(i).and_then(|a| a.as_ref()).map(data_type) {
                Some(DataType::Map(k, v, _)) => (*k, *v),
                _ => (DataType::Null, DataType::Null),
            };
            let ((key, v1), (_, v2)) = (map(0), map(1));
            vec![(key, false), (v1, true), (v2, true)]
        }
        Func::Map(_) => match args.first().and_then(|a| a.as_ref()).map(data_type) {
            Some(DataType::Map(k, v, n)) => vec![(*k, false), (*v, n)],
            _ => vec![(DataType::Null, true), (DataType::Null, true)],
        },
        // The shorter array is padded with NULLs.
        Func::Collection(ZipWith) => vec![(element(0).0, true), (element(1).0, true)],
        _ => vec![element(0)],
    }
}

fn is_lambda(e: &Expr) -> bool {
    matches!(e, Expr::Lambda { .. })
}

/// The lambda's body, which analysis has resolved.
fn body(e: &Expr) -> &Expr {
    match e {
        Expr::Lambda { body, .. } => body,
        other => other,
    }
}

fn lambda_required(site: &Site, index: usize, arg: &Expr) -> Error {
    unexpected_input_type(site, index, "\"LAMBDA\"", arg)
}

/// The first argument an array (NULL is read as an array of NULLs), the rest lambdas.
fn array_then_lambdas(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    args[0] = array_argument(args[0].clone(), 0, site)?;
    for (i, a) in args.iter().enumerate().skip(1) {
        if !is_lambda(a) {
            return Err(lambda_required(site, i, a));
        }
    }
    Ok(args)
}

fn array_argument(a: Expr, index: usize, site: &Site) -> Result<Expr> {
    match data_type(&a) {
        DataType::Array(..) => Ok(a),
        DataType::Null => Ok(coerce(a, &DataType::Array(Box::new(DataType::Null), true))),
        _ => Err(unexpected_input_type(site, index, "\"ARRAY\"", &a)),
    }
}

fn boolean_lambda(args: &[Expr], index: usize, site: &Site) -> Result<()> {
    match data_type(body(&args[index])) {
        DataType::Boolean | DataType::Null => Ok(()),
        _ => Err(unexpected_input_type(site, index, "\"BOOLEAN\"", &args[index])),
    }
}

fn filter_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let args = array_then_lambdas(args, site)?;
    boolean_lambda(&args, 1, site)?;
    Ok(args)
}

fn predicate_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    filter_inputs(args, site)
}

fn mapped_array(args: &[Expr], _: &Site) -> Result<DataType> {
    let f = body(args.last().expect("arity checked"));
    Ok(DataType::Array(Box::new(data_type(f)), nullable(f, true)))
}

fn array_nullable(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[0]
}

fn zip_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    args[0] = array_argument(args[0].clone(), 0, site)?;
    args[1] = array_argument(args[1].clone(), 1, site)?;
    if !is_lambda(&args[2]) {
        return Err(lambda_required(site, 2, &args[2]));
    }
    Ok(args)
}

fn zip_nullable(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[0] || nulls[1]
}

/// `aggregate(a, zero, merge[, finish])`: merge must give the start value's type.
fn aggregate_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    args[0] = array_argument(args[0].clone(), 0, site)?;
    for (i, a) in args.iter().enumerate().skip(2) {
        if !is_lambda(a) {
            return Err(lambda_required(site, i, a));
        }
    }
    let (zero, merged) = (data_type(&args[1]), data_type(body(&args[2])));
    if zero != merged {
        return Err(unexpected_input_type(site, 2, &format!("\"{}\"", zero.sql()), &args[2]));
    }
    Ok(args)
}

fn aggregate_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match args.get(3) {
        Some(finish) => data_type(body(finish)),
        None => data_type(&args[1]),
    })
}

fn aggregate_nullable(args: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[0] || match args.get(3) {
        Some(finish) => nullable(body(finish), true),
        None => nulls[1] || nullable(body(&args[2]), true),
    }
}

/// Without a finishing lambda Spark shows the identity it puts in its place.
fn aggregate_name(called_as: &str, args: &[String], _: bool) -> String {
    let mut args = args.to_vec();
    if args.len() == 3 {
        args.push("lambdafunction(namedlambdavariable(), namedlambdavariable())".into());
    }
    format!("{called_as}({})", args.join(", "))
}

/// `array_sort(a[, comparator])`: the comparator a lambda returning INT.
fn array_sort_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    args[0] = array_argument(args[0].clone(), 0, site)?;
    let Some(comparator) = args.get(1) else {
        // The default comparator's `<` orders no maps.
        if let DataType::Array(element, _) = data_type(&args[0]) {
            if element.holds(&|t| matches!(t, DataType::Map(..))) {
                return Err(Error::analysis(
                    "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE",
                    format!(
                        "Cannot resolve \"(namedlambdavariable() < namedlambdavariable())\" due to data type mismatch: The `<` does not support ordering on type \"{}\".",
                        element.sql()
                    ),
                ));
            }
        }
        return Ok(args);
    };
    if !is_lambda(comparator) {
        return Err(lambda_required(site, 1, comparator));
    }
    let returned = data_type(body(comparator));
    if returned != DataType::Integer {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: The `lambdafunction` requires return \"INT\" type, but the actual is \"{}\" type.",
                site.shown,
                returned.sql()
            ),
        ));
    }
    Ok(args)
}

/// Without a comparator Spark shows the default one it puts in its place.
fn array_sort_name(called_as: &str, args: &[String], _: bool) -> String {
    const DEFAULT: &str = "lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, \
(IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, \
(IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable())";
    match args {
        [array] => format!("{called_as}({array}, {DEFAULT})"),
        _ => format!("{called_as}({})", args.join(", ")),
    }
}

/// `map_zip_with(m1, m2, (k, v1, v2) -> ...)`: two maps of the same key type.
fn map_zip_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    for (i, a) in args.iter().enumerate().take(2) {
        if !matches!(data_type(a), DataType::Map(..)) {
            return Err(unexpected_input_type(site, i, "\"MAP\"", a));
        }
    }
    if let (DataType::Map(k1, ..), DataType::Map(k2, ..)) = (data_type(&args[0]), data_type(&args[1])) {
        if k1 != k2 {
            return Err(Error::analysis(
                "DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES",
                format!(
                    "Cannot resolve \"{}\" due to data type mismatch: Input to the `map_zip_with` should have been two maps with compatible key types, but it's [\"{}\", \"{}\"].",
                    site.shown,
                    k1.sql(),
                    k2.sql()
                ),
            ));
        }
    }
    if !is_lambda(&args[2]) {
        return Err(lambda_required(site, 2, &args[2]));
    }
    Ok(args)
}

fn map_zipped(args: &[Expr], _: &Site) -> Result<DataType> {
    let f = body(&args[2]);
    Ok(match data_type(&args[0]) {
        DataType::Map(k, _, _) => DataType::Map(k, Box::new(data_type(f)), nullable(f, true)),
        other => other,
    })
}

fn map_then_lambda(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if !matches!(data_type(&args[0]), DataType::Map(..)) {
        return Err(unexpected_input_type(site, 0, "\"MAP\"", &args[0]));
    }
    if !is_lambda(&args[1]) {
        return Err(lambda_required(site, 1, &args[1]));
    }
    Ok(args)
}

fn map_filter_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let args = map_then_lambda(args, site)?;
    boolean_lambda(&args, 1, site)?;
    Ok(args)
}

fn values_mapped(args: &[Expr], _: &Site) -> Result<DataType> {
    let f = body(&args[1]);
    Ok(match data_type(&args[0]) {
        DataType::Map(k, _, _) => DataType::Map(k, Box::new(data_type(f)), nullable(f, true)),
        other => other,
    })
}

/// `transform_keys`: the lambda's result is the new key (never NULL: a NULL key fails).
fn keys_mapped(args: &[Expr], _: &Site) -> Result<DataType> {
    let f = body(&args[1]);
    Ok(match data_type(&args[0]) {
        DataType::Map(_, v, n) => DataType::Map(Box::new(data_type(f)), v, n),
        other => other,
    })
}
