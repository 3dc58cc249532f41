//! JSON and CSV text: parsing, writing and schemas. The JSON readers take STRING
//! arguments only (NULL is cast; other types are DATATYPE_MISMATCH, as in Spark) and
//! are NULL for text that is not JSON.

use super::signature::{Arity::*, Display, Expected, Inputs, Null, Ret};
use super::{def, FunctionDef};
use crate::ir::function::{Func, GeneratorFn, JsonFn::*};
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
    def(json(SchemaOfJson), "schema_of_json", Range(1, 2), Inputs::Custom(literal_json), Ret::Fixed(STRING)).null(Null::Never).display(Display::Custom(first_argument_only)),
    def(json(ToJson), "to_json", Range(1, 2), Inputs::Custom(json_writable), Ret::Fixed(STRING)).null(Null::Always).display(Display::Custom(first_argument_only)),
    def(json(FromJson), "from_json", Range(2, 3), Inputs::Custom(json_and_schema), Ret::Custom(from_json_type)).null(Null::Always).display(Display::Custom(first_argument_only)),
    def(json(FromCsv), "from_csv", Range(2, 3), Inputs::Custom(csv_and_schema), Ret::Custom(from_csv_type)).null(Null::Custom(csv_nullable)).display(Display::Custom(first_argument_only)),
    def(json(ToCsv), "to_csv", Range(1, 2), Inputs::Custom(csv_writable), Ret::Fixed(STRING)).null(Null::Always).display(Display::Custom(first_argument_only)),
    def(json(SchemaOfCsv), "schema_of_csv", Range(1, 2), Inputs::Custom(literal_csv), Ret::Fixed(STRING)).null(Null::Never).display(Display::Custom(first_argument_only)),
    // A generator (run by the Generate node), defined here with the JSON readers.
    def(Func::Generator(GeneratorFn::JsonTuple), "json_tuple", AtLeast(2), Inputs::Custom(all_strings), Ret::Custom(tuple_columns)).null(Null::Never),
];

/// `from_csv` is NULL only for a NULL text (Spark's `CsvToStructs.nullable`: a line that
/// does not parse still gives a struct, of NULL fields).
fn csv_nullable(_: &[Expr], arg_nulls: &[bool], _: &crate::analysis::Conf) -> bool {
    arg_nulls[0]
}

/// `json_tuple` takes STRING arguments only, without casts (NULL too is refused).
fn all_strings(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.iter().all(|a| crate::analysis::typing::data_type(a) == DataType::String) {
        return Ok(args);
    }
    Err(Error::analysis(
        "DATATYPE_MISMATCH.NON_STRING_TYPE",
        format!("Cannot resolve \"{}\" due to data type mismatch: all arguments of the function `json_tuple` must be strings.", site.shown),
    ))
}

/// The columns of `json_tuple`: `c0`, `c1`... one nullable STRING per field.
fn tuple_columns(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Struct((1..args.len()).map(|i| crate::ir::StructField::new(format!("c{}", i - 1), DataType::String, true)).collect()))
}

/// Spark names `from_json` after its text only: `from_json(value)`.
fn first_argument_only(name: &str, args: &[String], _: bool) -> String {
    format!("{name}({})", args[0])
}

/// `from_json(text, schema)`: STRING text and a literal schema Spark can parse.
fn json_and_schema(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = crate::analysis::typing::data_type(&args[0]);
    if !matches!(t, DataType::String | DataType::Null) {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
            format!("The first parameter requires the \"STRING\" type, however it has the type \"{}\".", t.sql()),
        ));
    }
    check_options(&args, 2)?;
    from_json_type(&args, site)?;
    Ok(args)
}

/// The schema of `from_json`: a JSON type, a type name or a field list, all nullable.
fn from_json_type(args: &[Expr], _: &Site) -> Result<DataType> {
    let Expr::Literal(Value::String(text)) = args[1].unalias() else {
        return Err(Error::analysis("INVALID_SCHEMA.NON_STRING_LITERAL", "The input schema is not a valid schema string."));
    };
    let parsed = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).ok().and_then(|j| DataType::from_json(&j).ok())
    } else {
        crate::ir::types::parse_ddl_type(text).ok().or_else(|| crate::ir::types::parse_ddl_schema(text).ok())
    };
    match parsed {
        Some(t @ (DataType::Struct(_) | DataType::Array(..) | DataType::Map(..))) => Ok(as_nullable(t)),
        Some(t) => Err(Error::analysis(
            "DATATYPE_MISMATCH.INVALID_JSON_SCHEMA",
            format!("Input schema \"{}\" must be a struct, an array, a map or a variant.", t.sql()),
        )),
        None => Err(Error::analysis("PARSE_SYNTAX_ERROR", format!("Syntax error in the schema {text}."))),
    }
}

/// Every field, element and value nullable (Spark reads JSON into `schema.asNullable`).
fn as_nullable(t: DataType) -> DataType {
    match t {
        DataType::Struct(fields) => DataType::Struct(
            fields.into_iter().map(|f| crate::ir::StructField::new(f.name, as_nullable(f.data_type), true)).collect(),
        ),
        DataType::Array(e, _) => DataType::Array(Box::new(as_nullable(*e)), true),
        DataType::Map(k, v, _) => DataType::Map(k, Box::new(as_nullable(*v)), true),
        other => other,
    }
}

/// `to_json` writes structs, arrays and maps (Spark's INVALID_JSON_SCHEMA otherwise).
fn json_writable(args: Vec<Expr>, _: &Site) -> Result<Vec<Expr>> {
    match crate::analysis::typing::data_type(&args[0]) {
        DataType::Struct(_) | DataType::Array(..) | DataType::Map(..) => {
            check_options(&args, 1)?;
            Ok(args)
        }
        t => Err(Error::analysis(
            "DATATYPE_MISMATCH.INVALID_JSON_SCHEMA",
            format!("Input schema \"{}\" must be a struct, an array, a map or a variant.", t.sql()),
        )),
    }
}

/// `schema_of_json` reads its text when the query is planned: it must be a literal.
fn literal_json(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    check_options(&args, 1)?;
    match args[0].unalias() {
        Expr::Literal(Value::String(_)) => Ok(args),
        _ => Err(Error::analysis(
            "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: the input `json` should be a foldable \"STRING\" expression; however, got \"{}\".",
                site.shown,
                (site.text)(&args[0])
            ),
        )),
    }
}

/// ARRAY<STRING> with NULL elements allowed, as Spark types `json_object_keys`.
fn strings(_: &[Expr], _: &Site) -> Result<DataType> {
    Ok(DataType::Array(Box::new(DataType::String), true))
}

/// The options argument of the JSON and CSV functions: a `map(...)` of strings
/// (Spark's `ExprUtils.convertToMapData`: another expression is NON_MAP_FUNCTION, a map
/// of other types NON_STRING_TYPE). Its values must be literals here: Spark folds them.
fn check_options(args: &[Expr], at: usize) -> Result<()> {
    let Some(options) = args.get(at) else { return Ok(()) };
    let Expr::Call(c) = options.unalias() else { return Err(non_map_options()) };
    if c.func != Func::Map(crate::ir::function::MapFn::CreateMap) {
        return Err(non_map_options());
    }
    let t = crate::analysis::typing::data_type(options);
    if !matches!(&t, DataType::Map(k, v, _) if **k == DataType::String && **v == DataType::String) {
        return Err(Error::analysis(
            "INVALID_OPTIONS.NON_STRING_TYPE",
            format!("Invalid options: A type of keys and values in `map()` must be string, but got \"{}\".", t.sql()),
        )
        .with_param("mapType", format!("\"{}\"", t.sql())));
    }
    if c.args.iter().all(|a| matches!(a.unalias(), Expr::Literal(Value::String(_)))) {
        return Ok(());
    }
    Err(Error::unsupported("options of the JSON and CSV functions computed by expressions (only string literals)"))
}

fn non_map_options() -> Error {
    Error::analysis("INVALID_OPTIONS.NON_MAP_FUNCTION", "Invalid options: Must use the `map()` function for options.")
}

/// `from_csv(text, schema[, options])`: STRING text, a literal DDL schema.
fn csv_and_schema(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = crate::analysis::typing::data_type(&args[0]);
    if !matches!(t, DataType::String | DataType::Null) {
        return Err(super::unexpected_input_type(site, 0, "\"STRING\"", &args[0]));
    }
    check_options(&args, 2)?;
    from_csv_type(&args, site)?;
    Ok(args)
}

/// The schema of `from_csv`: a DDL field list (or `STRUCT<...>`), every field nullable.
fn from_csv_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let Expr::Literal(Value::String(text)) = args[1].unalias() else {
        return Err(Error::analysis(
            "INVALID_SCHEMA.NON_STRING_LITERAL",
            format!("The input schema \"{}\" is not a valid schema string. The input expression must be string literal and not null.", (site.text)(&args[1])),
        ));
    };
    let parsed = crate::ir::types::parse_ddl_schema(text).ok().or_else(|| crate::ir::types::parse_ddl_type(text).ok());
    match parsed {
        Some(t @ DataType::Struct(_)) => Ok(as_nullable(t)),
        Some(t) => Err(Error::analysis("INVALID_SCHEMA.NON_STRUCT_TYPE", format!("The input schema \"{}\" is not a valid schema string.", t.sql()))),
        None => Err(Error::analysis("PARSE_SYNTAX_ERROR", format!("Syntax error in the schema {text}."))),
    }
}

/// `to_csv` writes a struct (Spark's UNSUPPORTED_INPUT_TYPE otherwise).
fn csv_writable(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = crate::analysis::typing::data_type(&args[0]);
    if !matches!(t, DataType::Struct(_)) {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE",
            format!("Cannot resolve \"{}\" due to data type mismatch: The input of `to_csv` can't be \"{}\" type data.", site.shown, t.sql()),
        ));
    }
    check_options(&args, 1)?;
    Ok(args)
}

/// `schema_of_csv` reads its text when the query is planned: it must be a literal.
fn literal_csv(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    check_options(&args, 1)?;
    match args[0].unalias() {
        Expr::Literal(Value::String(_)) => Ok(args),
        _ => Err(Error::analysis(
            "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: the input `csv` should be a foldable \"STRING\" expression; however, got \"{}\".",
                site.shown,
                (site.text)(&args[0])
            ),
        )),
    }
}
