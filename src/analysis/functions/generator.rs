//! Generators: `explode`, `posexplode`, `inline` (and their `_outer` forms), `stack`.
//! Their result type is a STRUCT of the columns they produce, named as Spark names
//! them (`col`, `pos`, `key`/`value`, the struct's fields, `col0`...); the Generate
//! node turns those fields into columns.

use super::signature::{Arity::*, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::{common_type, data_type};
use crate::error::{Error, Result};
use crate::ir::function::{Func, GeneratorFn, GeneratorFn::*};
use crate::ir::{DataType, Expr, StructField, Value};

const fn generator(f: GeneratorFn) -> Func {
    Func::Generator(f)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(generator(Explode), "explode", Exact(1), Inputs::Any, Ret::Custom(explode_type)).null(Null::Never),
    def(generator(ExplodeOuter), "explode_outer", Exact(1), Inputs::Any, Ret::Custom(explode_outer_type)).null(Null::Never),
    def(generator(PosExplode), "posexplode", Exact(1), Inputs::Any, Ret::Custom(posexplode_type)).null(Null::Never),
    def(generator(PosExplodeOuter), "posexplode_outer", Exact(1), Inputs::Any, Ret::Custom(posexplode_outer_type)).null(Null::Never),
    def(generator(Inline), "inline", Exact(1), Inputs::Any, Ret::Custom(inline_type)).null(Null::Never),
    def(generator(InlineOuter), "inline_outer", Exact(1), Inputs::Any, Ret::Custom(inline_outer_type)).null(Null::Never),
    def(generator(Stack), "stack", AtLeast(2), Inputs::Custom(stack_inputs), Ret::Custom(stack_type)).null(Null::Never),
];

/// The columns of `explode(x)`: `col` of an array's elements, `key` and `value` of a map.
fn element_fields(args: &[Expr], site: &Site, outer: bool) -> Result<Vec<StructField>> {
    match data_type(&args[0]) {
        DataType::Array(e, contains_null) => Ok(vec![StructField::new("col", *e, contains_null || outer)]),
        DataType::Map(k, v, value_null) => Ok(vec![StructField::new("key", *k, outer), StructField::new("value", *v, value_null || outer)]),
        _ => Err(unexpected_input_type(site, 0, "(\"ARRAY\" or \"MAP\")", &args[0])),
    }
}

fn explode_type(args: &[Expr], site: &Site) -> Result<DataType> {
    Ok(DataType::Struct(element_fields(args, site, false)?))
}

fn explode_outer_type(args: &[Expr], site: &Site) -> Result<DataType> {
    Ok(DataType::Struct(element_fields(args, site, true)?))
}

fn with_position(args: &[Expr], site: &Site, outer: bool) -> Result<DataType> {
    let mut fields = vec![StructField::new("pos", DataType::Integer, outer)];
    fields.extend(element_fields(args, site, outer)?);
    Ok(DataType::Struct(fields))
}

fn posexplode_type(args: &[Expr], site: &Site) -> Result<DataType> {
    with_position(args, site, false)
}

fn posexplode_outer_type(args: &[Expr], site: &Site) -> Result<DataType> {
    with_position(args, site, true)
}

/// The columns of `inline(array<struct>)`: the struct's fields.
fn struct_fields(args: &[Expr], site: &Site, outer: bool) -> Result<DataType> {
    match data_type(&args[0]) {
        DataType::Array(e, _) => match *e {
            DataType::Struct(fields) => Ok(DataType::Struct(
                fields.into_iter().map(|f| StructField { nullable: f.nullable || outer, ..f }).collect(),
            )),
            _ => Err(unexpected_input_type(site, 0, "\"ARRAY<STRUCT>\"", &args[0])),
        },
        _ => Err(unexpected_input_type(site, 0, "\"ARRAY<STRUCT>\"", &args[0])),
    }
}

fn inline_type(args: &[Expr], site: &Site) -> Result<DataType> {
    struct_fields(args, site, false)
}

fn inline_outer_type(args: &[Expr], site: &Site) -> Result<DataType> {
    struct_fields(args, site, true)
}

/// `stack(n, v1, v2, ...)`: n rows of ceil(k / n) columns; the values of one column
/// are cast to their common type (missing trailing values are NULL).
fn stack_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let rows = stack_rows(&args)?;
    let width = stack_width(args.len() - 1, rows);
    let mut args = args;
    for c in 0..width {
        let positions: Vec<usize> = (0..rows).map(|r| 1 + r * width + c).filter(|i| *i < args.len()).collect();
        let common = positions.iter().try_fold(DataType::Null, |acc, i| common_type(&acc, &data_type(&args[*i]), site.conf.ansi));
        let Some(common) = common else {
            return Err(Error::analysis(
                "DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES",
                format!("Cannot resolve \"{}\" due to data type mismatch: the data type of the column ({c}) do not have the same type.", site.shown),
            ));
        };
        for i in positions {
            let e = std::mem::replace(&mut args[i], Expr::Literal(Value::Null));
            args[i] = coerce(e, &common);
        }
    }
    Ok(args)
}

fn stack_type(args: &[Expr], _: &Site) -> Result<DataType> {
    let rows = stack_rows(args)?;
    let width = stack_width(args.len() - 1, rows);
    let fields = (0..width)
        .map(|c| {
            let t = (0..rows).map(|r| 1 + r * width + c).find(|i| *i < args.len()).map(|i| data_type(&args[i])).unwrap_or(DataType::Null);
            StructField::new(format!("col{c}"), t, true)
        })
        .collect();
    Ok(DataType::Struct(fields))
}

fn stack_rows(args: &[Expr]) -> Result<usize> {
    match args[0].unalias() {
        Expr::Literal(Value::Integer(n)) if *n > 0 => Ok(*n as usize),
        _ => Err(Error::analysis(
            "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
            "The number of rows of `stack` must be a positive INT literal.",
        )),
    }
}

fn stack_width(values: usize, rows: usize) -> usize {
    values.div_ceil(rows)
}
