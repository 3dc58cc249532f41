//! Struct functions. `s.field` (`get_field`, reached from the Column API and dotted
//! names, not a Spark SQL function name) finds the field by Spark's name rules (case-insensitive
//! by default) and records its exact name.

use super::signature::{Arity::*, Display, Flags, Inputs, Null, Repr, Ret, Site};
use super::{def, FunctionDef};
use crate::analysis::typing::data_type;
use crate::error::{Error, Result};
use crate::ir::function::{Func, StructFn::*};
use crate::ir::{DataType, Expr, StructField, Value};

pub static FUNCTIONS: &[FunctionDef] = &[
    def(Func::Struct(GetField), "get_field", Exact(2), Inputs::Custom(field_inputs), Ret::Custom(field_type))
        .null(Null::Custom(field_nullable))
        .display(Display::Custom(dotted))
        .repr(Repr::Index),
    def(Func::Struct(Struct), "struct", AtLeast(0), Inputs::Any, Ret::Custom(struct_type)).null(Null::Never),
    def(Func::Struct(NamedStruct), "named_struct", AtLeast(0), Inputs::Custom(named_inputs), Ret::Custom(named_type)).null(Null::Never),
    // `Column.withField`/`dropFields`, built by `analysis::update_fields` (no SQL names in Spark).
    def(Func::Struct(UpdateFields), "update_fields", AtLeast(2), Inputs::Custom(update_inputs), Ret::Custom(updated_type))
        .null(Null::Custom(first_nullable))
        .flags(Flags::DATAFRAME_ONLY),
    def(Func::Struct(WithField), "withfield", Exact(2), Inputs::Any, Ret::Arg(1))
        .null(Null::Custom(second_nullable))
        .display(Display::Custom(with_field_text))
        .flags(Flags::DATAFRAME_ONLY),
    def(Func::Struct(DropField), "dropfield", Exact(1), Inputs::Any, Ret::Fixed(&DataType::Null))
        .null(Null::Always)
        .display(Display::Custom(|_, _, _| "dropfield()".into()))
        .flags(Flags::DATAFRAME_ONLY),
];

/// Spark's `GetStructField`: NULL where the struct is, or where the field may be.
fn field_nullable(args: &[Expr], nulls: &[bool], _: &crate::analysis::Conf) -> bool {
    nulls[0]
        || match (data_type(&args[0]), args[1].unalias()) {
            (DataType::Struct(fields), Expr::Literal(Value::String(name))) => fields.iter().find(|f| &f.name == name).is_none_or(|f| f.nullable),
            _ => true,
        }
}

fn first_nullable(_: &[Expr], nulls: &[bool], _: &crate::analysis::Conf) -> bool {
    nulls[0]
}

fn second_nullable(_: &[Expr], nulls: &[bool], _: &crate::analysis::Conf) -> bool {
    nulls[1]
}

/// Spark shows an added field by its value only: `WithField(1)`.
fn with_field_text(_: &str, args: &[String], _: bool) -> String {
    format!("WithField({})", args[1])
}

/// The struct, then its operations (built by analysis, so only their base is checked).
fn update_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if !matches!(data_type(&args[0]), DataType::Struct(_)) {
        return Err(super::unexpected_input_type(site, 0, "\"STRUCT\"", &args[0]));
    }
    Ok(args)
}

fn updated_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let fields = crate::analysis::update_fields::updated_fields(args, site.conf);
    if fields.is_empty() {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS",
            format!("Cannot resolve \"{}\" due to data type mismatch: Cannot drop all fields in struct.", site.shown),
        )
        .with_param("sqlExpr", format!("\"{}\"", site.shown)));
    }
    Ok(DataType::Struct(fields.into_iter().map(|(f, _)| f).collect()))
}

/// The name `struct(...)` gives the field made of argument `i`: a column's or
/// alias's name, a struct field's name, else `col{i+1}`.
pub fn struct_field_name(e: &Expr, i: usize) -> String {
    match e {
        Expr::Attr(a) => a.name.clone(),
        Expr::Alias { name, .. } => name.clone(),
        Expr::Call(c) if c.func == Func::Struct(GetField) => match c.args[1].unalias() {
            Expr::Literal(Value::String(s)) => s.clone(),
            _ => format!("col{}", i + 1),
        },
        _ => format!("col{}", i + 1),
    }
}

fn struct_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let fields = args
        .iter()
        .enumerate()
        .map(|(i, a)| {
            StructField::new(struct_field_name(a, i), data_type(a), crate::analysis::typing::nullable(a, site.conf.ansi))
                .with_metadata(crate::analysis::column_metadata::of(a))
        })
        .collect();
    Ok(DataType::Struct(fields))
}

/// `named_struct(name1, value1, ...)`: an even number of arguments, names string literals.
fn named_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.len() % 2 == 1 {
        return Err(Error::analysis(
            "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
            format!("The `named_struct` requires 2n (n > 0) parameters but the actual number is {}.", args.len()),
        )
        .with_param("functionName", "`named_struct`")
        .with_param("expectedNum", "2n (n > 0)")
        .with_param("actualNum", args.len().to_string()));
    }
    for (i, name) in args.iter().enumerate().step_by(2) {
        if !matches!(name.unalias(), Expr::Literal(Value::String(_))) {
            return Err(Error::analysis(
                "DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING",
                format!("Cannot resolve \"{}\" due to data type mismatch: Only foldable `STRING` expressions are allowed to appear at odd position, but they are [\"{}\"].", site.shown, (site.text)(&args[i])),
            ));
        }
    }
    Ok(args)
}

fn named_type(args: &[Expr], site: &Site) -> Result<DataType> {
    let fields = args
        .chunks(2)
        .map(|pair| {
            let name = match pair[0].unalias() {
                Expr::Literal(Value::String(s)) => s.clone(),
                _ => String::new(),
            };
            StructField::new(name, data_type(&pair[1]), crate::analysis::typing::nullable(&pair[1], site.conf.ansi))
                .with_metadata(crate::analysis::column_metadata::of(&pair[1]))
        })
        .collect();
    Ok(DataType::Struct(fields))
}

fn dotted(_: &str, args: &[String], _: bool) -> String {
    format!("{}.{}", args[0], args[1])
}

/// The struct and the literal name of one of its fields, spelled as the struct spells it.
pub fn field_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    if let (DataType::Struct(fields), Expr::Literal(Value::String(wanted))) = (&t, args[1].unalias()) {
        let mut found = fields.iter().filter(|f| site.conf.names_equal(&f.name, wanted));
        if let Some(field) = found.next() {
            let more = found.count();
            if more > 0 {
                return Err(Error::analysis(
                    "AMBIGUOUS_REFERENCE_TO_FIELDS",
                    format!("Ambiguous reference to the field `{wanted}`. It appears {} times in the schema.", more + 1),
                ));
            }
            return Ok(vec![args[0].clone(), Expr::Literal(Value::String(field.name.clone()))]);
        }
        let names: Vec<String> = fields.iter().map(|f| format!("`{}`", f.name)).collect();
        return Err(Error::analysis("FIELD_NOT_FOUND", format!("No such struct field `{wanted}` in {}.", names.join(", ")))
            .with_param("fieldName", format!("`{wanted}`"))
            .with_param("fields", names.join(", ")));
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
