//! String functions. Non-string atomic arguments are read as strings, as Spark's
//! implicit casts do; functions Spark also defines on bytes (`substring`, `concat`,
//! `lpad`, `startswith`...) keep BINARY arguments binary.

mod inputs;

use super::signature::{Arity::*, Display, Expected, Inputs, Null, Ret};
use super::{def, FunctionDef};
use crate::ir::function::{Func, StringFn::*};
use crate::ir::DataType;
use inputs::*;

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
    // trim(trimStr, str): the SQL order, which the Column API follows too.
    def(string(Trim), "trim", Range(1, 2), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).display(Display::Custom(trim_both)),
    def(string(Ltrim), "ltrim", Range(1, 2), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).display(Display::Custom(trim_leading)),
    def(string(Rtrim), "rtrim", Range(1, 2), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).display(Display::Custom(trim_trailing)),
    // btrim(str, trimStr).
    def(string(Btrim), "btrim", Range(1, 2), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)),
    def(string(Concat), "concat", AtLeast(0), Inputs::Custom(concat_inputs), Ret::Custom(concat_type)),
    def(string(ConcatWs), "concat_ws", AtLeast(1), Inputs::Implicit(&[STR]), Ret::Fixed(STRING)).null(Null::Never),
    def(string(Substring), "substring", Range(2, 3), Inputs::Custom(substring_inputs), Ret::Custom(first_string_or_binary))
        .aliases(&["substr"])
        .display(Display::Custom(substring_display)),
    def(string(Like), "like", Range(2, 3), Inputs::Custom(like_inputs), Ret::Fixed(BOOL)).display(Display::Custom(like_display)),
    def(string(ILike), "ilike", Range(2, 3), Inputs::Custom(like_inputs), Ret::Fixed(BOOL)).display(Display::Custom(ilike_display)),
    def(string(Rlike), "rlike", Exact(2), Inputs::Implicit(&[STR]), Ret::Fixed(BOOL))
        .aliases(&["regexp", "regexp_like"])
        .display(Display::Named("RLIKE")),
    def(string(StartsWith), "startswith", Exact(2), Inputs::Custom(bytes_or_text), Ret::Fixed(BOOL)),
    def(string(EndsWith), "endswith", Exact(2), Inputs::Custom(bytes_or_text), Ret::Fixed(BOOL)),
    def(string(Contains), "contains", Exact(2), Inputs::Custom(bytes_or_text), Ret::Fixed(BOOL)),
];
