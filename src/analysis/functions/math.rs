//! Mathematical functions. `round`/`bround` of a decimal changes its scale (and may
//! need one more integral digit), as Spark's `RoundBase` does.

use super::signature::{Arity::*, Display, Expected, Inputs, Null, Repr, Ret, Site};
use super::{def, FunctionDef};
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::ir::function::{Func, MathFn::*};
use crate::ir::{DataType, Expr, Value};

const INT: &DataType = &DataType::Integer;
const DOUBLE: &DataType = &DataType::Double;
const BOOL: &DataType = &DataType::Boolean;

const fn math(f: crate::ir::function::MathFn) -> Func {
    Func::Math(f)
}

const NUMERIC_AND_SCALE: &[Expected] = &[Expected::Numeric, Expected::Type(INT)];

pub static FUNCTIONS: &[FunctionDef] = &[
    def(math(Abs), "abs", Exact(1), Inputs::Implicit(&[Expected::Numeric]), Ret::Arg(0)),
    def(math(Round), "round", Range(1, 2), Inputs::Implicit(NUMERIC_AND_SCALE), Ret::Custom(round_type)),
    def(math(Bround), "bround", Range(1, 2), Inputs::Implicit(NUMERIC_AND_SCALE), Ret::Custom(round_type)),
    def(math(Sqrt), "sqrt", Exact(1), Inputs::Implicit(&[Expected::Type(DOUBLE)]), Ret::Fixed(DOUBLE)).display(Display::Named("SQRT")),
    def(math(IsNan), "isnan", Exact(1), Inputs::Any, Ret::Fixed(BOOL)).null(Null::Never).repr(Repr::Named("isNaN")),
];

/// The type of `round(x, scale)`: x's type, with a decimal's scale reduced to `scale`.
fn round_type(args: &[Expr], _: &Site) -> Result<DataType> {
    Ok(match data_type(&args[0]) {
        DataType::Decimal(p, s) => {
            let digits = match args.get(1).map(|a| a.unalias()) {
                Some(Expr::Literal(Value::Integer(d))) => *d,
                _ => 0,
            };
            let new_scale = (s as i32).min(digits.max(0)) as u8;
            DataType::Decimal(((p - s) as u32 + 1 + new_scale as u32).min(38) as u8, new_scale)
        }
        other => other,
    })
}
