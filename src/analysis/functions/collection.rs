//! Functions of arrays (and, by type, of maps and structs): `col[key]`, which
//! Python's Column API reaches (`get_item` is not a Spark SQL function name).

use super::signature::{Arity::*, Display, Inputs, Null, Repr, Ret, Site};
use super::structs::{field_inputs, field_type, not_extractable};
use super::{def, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::ir::function::{CollectionFn::*, Func};
use crate::ir::{DataType, Expr};

pub static FUNCTIONS: &[FunctionDef] = &[def(Func::Collection(GetItem), "get_item", Exact(2), Inputs::Custom(item_inputs), Ret::Custom(item_type))
    .null(Null::Always)
    .display(Display::Custom(indexed))
    .repr(Repr::Index)];

fn indexed(_: &str, args: &[String], _: bool) -> String {
    format!("{}[{}]", args[0], args[1])
}

/// `col[key]` by the column's type: an array index, a map key (cast to the key
/// type) or a struct field name.
fn item_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    match &t {
        DataType::Struct(_) => field_inputs(args, site),
        DataType::Array(..) if data_type(&args[1]).is_integral() => Ok(args),
        // A NULL index is an INT one (its element is NULL).
        DataType::Array(..) if data_type(&args[1]) == DataType::Null => {
            let mut args = args;
            args[1] = coerce(args[1].clone(), &DataType::Integer);
            Ok(args)
        }
        DataType::Map(k, _, _) => {
            let mut args = args;
            let key = coerce(args.pop().expect("arity checked"), k);
            args.push(key);
            Ok(args)
        }
        _ => Err(not_extractable(site, &args[0], &t)),
    }
}

fn item_type(args: &[Expr], site: &Site) -> Result<DataType> {
    match data_type(&args[0]) {
        DataType::Array(e, _) => Ok(*e),
        DataType::Map(_, v, _) => Ok(*v),
        _ => field_type(args, site),
    }
}
