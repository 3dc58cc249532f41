//! Higher-order functions (`transform`, `filter`...): each lambda argument arrives
//! lowered as its body; `compat::lambdas` evaluates it over the arrays' elements.

use super::CallLowering;
use crate::compat::lambdas::{self, EntryLambda, Lambda};
use crate::error::{Error, Result};
use crate::ir::function::{CollectionFn, MapFn};
use crate::ir::{DataType, Expr};
use crate::lowering::types::to_polars;
use polars::prelude as pl;

/// The lambda argument `i`: its variables, the outer columns and variables of
/// enclosing lambdas its body reads, and its lowered body.
fn lambda(c: &CallLowering, i: usize) -> Result<Lambda> {
    let Expr::Lambda { params, body } = c.ir(i) else {
        return Err(Error::internal(format!("argument {i} of {} is not a lambda", c.call.name)));
    };
    let mut bound: Vec<u64> = params.iter().filter_map(|p| p.binding.as_ref().map(|b| b.id)).collect();
    body.walk(&mut |e| {
        if let Expr::Lambda { params, .. } = e {
            bound.extend(params.iter().filter_map(|p| p.binding.as_ref().map(|b| b.id)));
        }
    });
    let mut free: Vec<String> = vec![];
    body.walk(&mut |e| {
        let name = match e {
            Expr::Attr(a) => Some(a.engine_name()),
            Expr::LambdaVariable(v) if v.binding.as_ref().is_some_and(|b| !bound.contains(&b.id)) => Some(v.engine_name()),
            _ => None,
        };
        if let Some(n) = name.filter(|n| !free.contains(n)) {
            free.push(n);
        }
    });
    Ok(Lambda::reading_columns(params.iter().map(|p| p.engine_name()).collect(), free, c.arg(i)))
}

fn element_of(t: &DataType) -> DataType {
    match t {
        DataType::Array(e, _) => (**e).clone(),
        other => other.clone(),
    }
}

/// `map_filter`, `transform_values` and `transform_keys`: the lambda over each
/// entry's key and value.
pub fn lower_map(f: MapFn, c: &CallLowering) -> Result<pl::Expr> {
    let result = to_polars(&c.call.data_type);
    Ok(match f {
        MapFn::MapFilter => lambdas::map_entries(c.arg(0), lambda(c, 1)?, result, EntryLambda::Keep),
        MapFn::TransformValues => lambdas::map_entries(c.arg(0), lambda(c, 1)?, result, EntryLambda::Values),
        MapFn::TransformKeys => lambdas::map_entries(c.arg(0), lambda(c, 1)?, result, EntryLambda::Keys),
        MapFn::MapZipWith => lambdas::map_zip_with(c.arg(0), c.arg(1), lambda(c, 2)?, result),
        MapFn::CreateMap
        | MapFn::MapKeys
        | MapFn::MapValues
        | MapFn::MapEntries
        | MapFn::MapContainsKey
        | MapFn::MapFromArrays
        | MapFn::MapFromEntries
        | MapFn::MapConcat
        | MapFn::StrToMap => {
            return Err(Error::internal(format!("{f:?} is not a higher-order function")))
        }
    })
}

pub fn lower(f: CollectionFn, c: &CallLowering) -> Result<pl::Expr> {
    use CollectionFn::*;
    let result = to_polars(&c.call.data_type);
    Ok(match f {
        Transform => lambdas::transform(c.arg(0), lambda(c, 1)?, to_polars(&element_of(&c.call.data_type))),
        Filter => lambdas::filter(c.arg(0), lambda(c, 1)?, result),
        Exists => lambdas::quantifier(c.arg(0), lambda(c, 1)?, true),
        Forall => lambdas::quantifier(c.arg(0), lambda(c, 1)?, false),
        // Spark's default comparator: ascending, NULLs last (NaN above every number).
        ArraySort if c.call.args.len() == 1 => c.arg(0).list().sort(pl::SortOptions { nulls_last: true, ..Default::default() }),
        ArraySort => lambdas::sort_with(c.arg(0), lambda(c, 1)?, result),
        ZipWith => lambdas::zip_with(c.arg(0), c.arg(1), lambda(c, 2)?, to_polars(&element_of(&c.call.data_type))),
        Aggregate => {
            let finish = if c.call.args.len() > 3 { Some(lambda(c, 3)?) } else { None };
            lambdas::aggregate(c.arg(0), c.arg(1), lambda(c, 2)?, finish, to_polars(&c.arg_type(1)), result)
        }
        // Lowered by `arrays` (listed so that a new id must be placed).
        GetItem | Size | ArraySize | ArrayContains | ArrayPosition | ArrayRemove | ArrayMin | ArrayMax | ArrayDistinct | SortArray
        | ArrayCompact | ArrayJoin | ElementAt | TryElementAt | Get | Array | Slice | ArrayAppend | ArrayPrepend | Flatten | ArrayUnion
        | ArrayIntersect | ArrayExcept | ArraysOverlap | ArrayRepeat | ArraysZip
        | ArrayInsert | Sequence | Shuffle => return Err(Error::internal(format!("{f:?} is not a higher-order function"))),
    })
}
