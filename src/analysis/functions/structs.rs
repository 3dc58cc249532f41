//! Struct functions. `s.field` (`get_field`, reached from the Column API and dotted
//! names, not a Spark SQL function name) finds the field by Spark's name rules (case-insensitive
//! by default) and records its exact name.

use super::signature::{Arity::*, Display, Inputs, Null, Repr, Ret, Site};
use super::{def, FunctionDef};
use crate::analysis::typing::data_type;
use crate::error::{Error, Result};
use crate::ir::function::{Func, StructFn::*};
use crate::ir::{DataType, Expr, Value};

pub static FUNCTIONS: &[FunctionDef] = &[def(Func::Struct(GetField), "get_field", Exact(2), Inputs::Custom(field_inputs), Ret::Custom(field_type))
    .null(Null::Always)
    .display(Display::Custom(dotted))
    .repr(Repr::Index)];

fn dotted(_: &str, args: &[String], _: bool) -> String {
    format!("{}.{}", args[0], args[1])
}

/// The struct and the literal name of one of its fields, spelled as the struct spells it.
pub fn field_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    if let (DataType::Struct(fields), Expr::Literal(Value::String(wanted))) = (&t, args[1].unalias()) {
        if let Some(field) = fields.iter().find(|f| site.conf.names_equal(&f.name, wanted)) {
            return Ok(vec![args[0].clone(), Expr::Literal(Value::String(field.name.clone()))]);
        }
    }
    Err(not_extractable(site, &args[0], &t))
}

pub fn field_type(args: &[Expr], site: &Site) -> Result<DataType> {
    match (data_type(&args[0]), args[1].unalias()) {
        (DataType::Struct(fields), Expr::Literal(Value::String(name))) => {
            Ok(fields.iter().find(|f| &f.name == name).map(|f| f.data_type.clone()).unwrap_or(DataType::Null))
        }
        (t, _) => Err(not_extractable(site, &args[0], &t)),
    }
}

pub fn not_extractable(site: &Site, base: &Expr, t: &DataType) -> Error {
    Error::analysis(
        "INVALID_EXTRACT_BASE_FIELD_TYPE",
        format!("Can't extract a value from \"{}\". Need a complex type [STRUCT, ARRAY, MAP] but got \"{}\".", (site.text)(base), t.sql()),
    )
}
