//! Window functions: ranking (`row_number`, `rank`...), offsets (`lag`, `lead`,
//! `nth_value`). They are valid only inside `OVER (...)`, which analysis checks; the
//! frame Spark gives each when none is written is `default_frame`.

use super::signature::{Arity::*, Expected, Inputs, Null, Ret, Site};
use super::{def, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::data_type;
use crate::error::Result;
use crate::ir::function::{Func, WindowFn, WindowFn::*};
use crate::ir::{DataType, Expr, FrameBound, FrameKind, WindowFrame};

const INT: &DataType = &DataType::Integer;
const DOUBLE: &DataType = &DataType::Double;

const fn window(f: WindowFn) -> Func {
    Func::Window(f)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(window(RowNumber), "row_number", Exact(0), Inputs::Any, Ret::Fixed(INT)).null(Null::Never),
    def(window(Rank), "rank", Exact(0), Inputs::Any, Ret::Fixed(INT)).null(Null::Never),
    def(window(DenseRank), "dense_rank", Exact(0), Inputs::Any, Ret::Fixed(INT)).null(Null::Never),
    def(window(PercentRank), "percent_rank", Exact(0), Inputs::Any, Ret::Fixed(DOUBLE)).null(Null::Never),
    def(window(CumeDist), "cume_dist", Exact(0), Inputs::Any, Ret::Fixed(DOUBLE)).null(Null::Never),
    def(window(Ntile), "ntile", Exact(1), Inputs::Implicit(&[Expected::Type(INT)]), Ret::Fixed(INT)),
    def(window(Lag), "lag", Range(1, 3), Inputs::Custom(offset_inputs), Ret::Arg(0)).null(Null::Always),
    def(window(Lead), "lead", Range(1, 3), Inputs::Custom(offset_inputs), Ret::Arg(0)).null(Null::Always),
    def(window(NthValue), "nth_value", Range(2, 3), Inputs::Any, Ret::Arg(0)).null(Null::Always),
];

/// `lag(x, offset, default)`: an INT offset, and the default cast to x's type.
fn offset_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.len() > 1 {
        let offset = args.remove(1);
        let offset = Inputs::Implicit(&[Expected::Type(INT)]).coerce(vec![offset], site)?.remove(0);
        args.insert(1, offset);
    }
    if args.len() > 2 {
        let t = data_type(&args[0]);
        let default = args.pop().expect("three arguments");
        args.push(coerce(default, &t));
    }
    Ok(args)
}

/// The frame Spark uses when a window names none: ranking functions count rows up to
/// the current one; aggregates with an ORDER BY take every row up to the current one's
/// peers (RANGE), and without one the whole partition.
pub fn default_frame(func: Option<Func>, ordered: bool) -> WindowFrame {
    let rows_to_current = WindowFrame { kind: FrameKind::Rows, start: FrameBound::UnboundedPreceding, end: FrameBound::CurrentRow };
    match func {
        Some(Func::Window(CumeDist)) => WindowFrame { kind: FrameKind::Range, ..rows_to_current },
        Some(Func::Window(_)) => rows_to_current,
        _ if ordered => WindowFrame { kind: FrameKind::Range, ..rows_to_current },
        _ => WindowFrame { kind: FrameKind::Rows, start: FrameBound::UnboundedPreceding, end: FrameBound::UnboundedFollowing },
    }
}
