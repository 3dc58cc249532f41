//! String functions. Non-string atomic arguments are read as strings, as Spark's
//! implicit casts do; `concat` of binaries stays binary.

use super::signature::{Arity::*, Display, Expected, Inputs, Null, Ret, Site};
use super::{def, FunctionDef};
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::ir::function::{Func, StringFn::*};
use crate::ir::{DataType, Expr};

const STRING: &DataType = &DataType::String;
const INT: &DataType = &DataType::Integer;
const BOOL: &DataType = &DataType::Boolean;

const fn string(f: crate::ir::function::StringFn) -> Func {
    Func::String(f)
}

const STR: Expected = Expected::Type(STRING);
const STRING_OR_BINARY: Expected = Expected::OneOf(&[STR, Expected::Type(&DataType::Binary)]);

pub static FUNCTIONS: &[FunctionDef] = &[
    def(string(Upper), "upper", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).aliases(&["ucase"]),
    def(string(Lower), "lower", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).aliases(&["lcase"]),
    def(string(Length), "length", Exact(1), Inputs::Implicit(&[STRING_OR_BINARY]), Ret::Fixed(INT))
        .aliases(&["char_length", "character_length"]),
    def(string(Trim), "trim", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)),
    def(string(Ltrim), "ltrim", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)),
    def(string(Rtrim), "rtrim", Exact(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)),
    def(string(Concat), "concat", AtLeast(0), Inputs::Custom(concat_inputs), Ret::Custom(concat_type)),
    def(string(ConcatWs), "concat_ws", AtLeast(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).null(Null::Never),
    def(string(Substring), "substring", Range(2, 3), Inputs::Implicit(&[STR, Expected::Type(INT)]), Ret::Fixed(STRING))
        .aliases(&["substr"]),
    def(string(Like), "like", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(BOOL)).display(Display::Infix(" LIKE ")),
    def(string(Rlike), "rlike", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(BOOL))
        .aliases(&["regexp", "regexp_like"])
        .display(Display::Named("RLIKE")),
    def(string(StartsWith), "startswith", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(BOOL)),
    def(string(EndsWith), "endswith", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(BOOL)),
    def(string(Contains), "contains", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(BOOL)),
];

fn all_binary(args: &[Expr]) -> bool {
    !args.is_empty() && args.iter().all(|a| data_type(a) == DataType::Binary)
}

/// Binaries concatenate as bytes; any other mix is read as strings.
fn concat_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if all_binary(&args) {
        return Ok(args);
    }
    Inputs::Implicit(&[STR]).coerce(args, site)
}

fn concat_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(if all_binary(args) { DataType::Binary } else { DataType::String })
}
