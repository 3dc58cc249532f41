//! JSON and CSV text: parsing, writing and schemas. The JSON readers take STRING
//! arguments only (NULL is cast; other types are DATATYPE_MISMATCH, as in Spark) and
//! are NULL for text that is not JSON.

use super::signature::{Arity::*, Expected, Inputs, Null, Ret};
use super::{def, FunctionDef};
use crate::ir::function::{Func, JsonFn::*};
use super::signature::Site;
use crate::error::{Error, Result};
use crate::ir::{DataType, Expr, Value};

const STRING: &DataType = &DataType::String;
const INT: &DataType = &DataType::Integer;
const STR: Expected = Expected::StringOnly;

const fn json(f: crate::ir::function::JsonFn) -> Func {
    Func::Json(f)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(json(GetJsonObject), "get_json_object", Exact(2), Inputs::Implicit(&[STR, STR]), Ret::Fixed(STRING)).null(Null::Always),
    def(json(JsonArrayLength), "json_array_length", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(INT)).null(Null::Always),
    def(json(JsonObjectKeys), "json_object_keys", Exact(1), Inputs::Implicit(&[STR]), Ret::Custom(strings)).null(Null::Always),
    def(json(SchemaOfJson), "schema_of_json", Exact(1), Inputs::Custom(literal_json), Ret::Fixed(STRING)).null(Null::Never),
    def(json(ToJson), "to_json", Exact(1), Inputs::Custom(json_writable), Ret::Fixed(STRING)).null(Null::Always),
];

/// `to_json` writes structs, arrays and maps (Spark's INVALID_JSON_SCHEMA otherwise).
fn json_writable(args: Vec<Expr>, _: &Site) -> Result<Vec<Expr>> {
    match crate::analysis::typing::data_type(&args[0]) {
        DataType::Struct(_) | DataType::Array(..) | DataType::Map(..) => Ok(args),
        t => Err(Error::analysis(
            "DATATYPE_MISMATCH.INVALID_JSON_SCHEMA",
            format!("Input schema \"{}\" must be a struct, an array, a map or a variant.", t.sql()),
        )),
    }
}

/// `schema_of_json` reads its text when the query is planned: it must be a literal.
fn literal_json(args: Vec<Expr>, _: &Site) -> Result<Vec<Expr>> {
    match args[0].unalias() {
        Expr::Literal(Value::String(_)) => Ok(args),
        _ => Err(Error::analysis(
            "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
            "The input `json` of `schema_of_json` should be a foldable STRING expression.",
        )),
    }
}

/// ARRAY<STRING> with NULL elements allowed, as Spark types `json_object_keys`.
fn strings(_: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(DataType::String), true))
}
