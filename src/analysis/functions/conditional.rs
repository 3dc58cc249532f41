//! Null handling and conditional functions. Spark rewrites most of them to
//! `coalesce`/`if` (`ifnull(a, b)` is `coalesce(a, b)`, `nullif(a, b)` is
//! `if(a = b, NULL, a)`), which decides their types and nullability.

use super::signature::{data_diff_types, Arity::*, Display, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::{common_type, data_type, wider_common_type};
use crate::analysis::Conf;
use crate::error::{Error, Result};
use crate::ir::function::{ConditionalFn::*, Func};
use crate::ir::{DataType, Expr};

const BOOL: &DataType = &DataType::Boolean;

const fn cond(f: crate::ir::function::ConditionalFn) -> Func {
    Func::Conditional(f)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(cond(Coalesce), "coalesce", AtLeast(1), Inputs::Custom(common_inputs), Ret::Arg(0)).null(Null::AllArgs),
    def(cond(Ifnull), "ifnull", Exact(2), Inputs::Custom(common_inputs), Ret::Arg(0)).aliases(&["nvl"]).null(Null::AllArgs),
    def(cond(Nvl2), "nvl2", Exact(3), Inputs::Custom(nvl2_inputs), Ret::Arg(1)).null(Null::Custom(nvl2_nullable)),
    def(cond(Nullif), "nullif", Exact(2), Inputs::Custom(comparable_inputs), Ret::Arg(0)).null(Null::Always),
    def(cond(NullIfZero), "nullifzero", Exact(1), Inputs::Custom(numeric_input), Ret::Arg(0)).null(Null::Always),
    def(cond(ZeroIfNull), "zeroifnull", Exact(1), Inputs::Custom(zero_if_null_input), Ret::Arg(0)).null(Null::Never),
    def(cond(Nanvl), "nanvl", Exact(2), Inputs::Custom(nanvl_inputs), Ret::Arg(0)),
    def(cond(EqualNull), "equal_null", Exact(2), Inputs::Custom(null_safe_comparable_inputs), Ret::Fixed(BOOL)).null(Null::Never),
    def(cond(IsNotNull), "isnotnull", Exact(1), Inputs::Any, Ret::Fixed(BOOL))
        .null(Null::Never)
        .display(Display::Custom(is_not_null_display)),
    def(cond(IsNull), "isnull", Exact(1), Inputs::Any, Ret::Fixed(BOOL)).null(Null::Never).display(Display::Custom(is_null_display)),
];

fn is_not_null_display(_: &str, args: &[String], _: bool) -> String {
    format!("({} IS NOT NULL)", args[0])
}

fn is_null_display(_: &str, args: &[String], _: bool) -> String {
    format!("({} IS NULL)", args[0])
}

/// The arguments as Spark shows them inside the expression it rewrote the call to.
fn listed(args: &[Expr], site: &Site) -> String {
    args.iter().map(site.text).collect::<Vec<_>>().join(", ")
}

/// Every argument cast to the common type of all (`coalesce`; `ifnull`/`nvl` are
/// `coalesce` to Spark, so their errors name it).
fn common_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let types: Vec<DataType> = args.iter().map(data_type).collect();
    let sql = format!("coalesce({})", listed(&args, site));
    let common = wider_common_type(&types, site.conf.ansi).ok_or_else(|| data_diff_types(&sql, "coalesce", &types, false))?;
    Ok(args.into_iter().map(|a| coerce(a, &common)).collect())
}

/// `nvl2(test, a, b)`: `a` and `b` cast to their common type.
fn nvl2_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let b = args.pop().expect("arity checked");
    let a = args.pop().expect("arity checked");
    let (ta, tb) = (data_type(&a), data_type(&b));
    // Spark's nvl2 is `if(test IS NOT NULL, a, b)`.
    let sql = || format!("(IF(({} IS NOT NULL), {}, {}))", (site.text)(&args[0]), (site.text)(&a), (site.text)(&b));
    let common = wider_common_type(&[ta.clone(), tb.clone()], site.conf.ansi).ok_or_else(|| data_diff_types(&sql(), "if", &[ta, tb], true))?;
    args.push(coerce(a, &common));
    args.push(coerce(b, &common));
    Ok(args)
}

fn nvl2_nullable(_: &[Expr], nulls: &[bool], _: &Conf) -> bool {
    nulls[1] || nulls[2]
}

/// Two values compared with `=`: each keeps its type (the comparison casts in lowering),
/// but they must have a common type.
fn comparable_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    comparable_as(args, site, &site.shown)
}

/// `equal_null(a, b)` is `a <=> b` to Spark, and its errors say so.
fn null_safe_comparable_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let sql = format!("({} <=> {})", (site.text)(&args[0]), (site.text)(&args[1]));
    comparable_as(args, site, &sql)
}

fn comparable_as(args: Vec<Expr>, site: &Site, sql: &str) -> Result<Vec<Expr>> {
    let (ta, tb) = (data_type(&args[0]), data_type(&args[1]));
    if common_type(&ta, &tb, site.conf.ansi).is_none() {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: the left and right operands of the binary operator have incompatible types (\"{}\" and \"{}\").",
                sql,
                ta.sql(),
                tb.sql()
            ),
        ));
    }
    Ok(args)
}

fn numeric_input(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    if !t.is_numeric() && t != DataType::Null && t != DataType::String {
        return Err(unexpected_input_type(site, 0, "\"NUMERIC\"", &args[0]));
    }
    Ok(args)
}

/// `zeroifnull(x)` is `coalesce(x, 0)`: x in the common type of its own and INT.
fn zero_if_null_input(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    let common = match common_type(&t, &DataType::Integer, site.conf.ansi) {
        Some(c) => c,
        None => {
            let sql = format!("coalesce({}, 0)", (site.text)(&args[0]));
            return Err(data_diff_types(&sql, "coalesce", &[t, DataType::Integer], false));
        }
    };
    Ok(args.into_iter().map(|a| coerce(a, &common)).collect())
}

/// `nanvl(a, b)`: both DOUBLE, or FLOAT when both are.
fn nanvl_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let types: Vec<DataType> = args.iter().map(data_type).collect();
    for (i, (a, t)) in args.iter().zip(&types).enumerate() {
        if !t.is_numeric() && !matches!(t, DataType::Null | DataType::String) {
            return Err(unexpected_input_type(site, i, "(\"DOUBLE\" or \"FLOAT\")", a));
        }
    }
    let to = if types.iter().all(|t| *t == DataType::Float) { DataType::Float } else { DataType::Double };
    Ok(args.into_iter().map(|a| coerce(a, &to)).collect())
}
