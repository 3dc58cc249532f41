//! Null handling and conditional functions.

use super::signature::{Arity::*, Inputs, Null, Ret};
use super::{def, FunctionDef};
use crate::ir::function::{ConditionalFn::*, Func};

pub static FUNCTIONS: &[FunctionDef] = &[
    def(Func::Conditional(Coalesce), "coalesce", AtLeast(1), Inputs::Common, Ret::Arg(0)).null(Null::AllArgs),
];
