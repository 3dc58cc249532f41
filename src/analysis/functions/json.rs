//! JSON and CSV text: parsing, writing and schemas. The JSON readers take STRING
//! arguments only (NULL is cast; other types are DATATYPE_MISMATCH, as in Spark) and
//! are NULL for text that is not JSON.

use super::signature::{Arity::*, Expected, Inputs, Null, Ret};
use super::{def, FunctionDef};
use crate::ir::function::{Func, JsonFn::*};
use super::signature::Site;
use crate::error::Result;
use crate::ir::{DataType, Expr};

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
];

/// ARRAY<STRING> with NULL elements allowed, as Spark types `json_object_keys`.
fn strings(_: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(DataType::String), true))
}
