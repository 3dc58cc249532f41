//! Window functions: ranking (`row_number`, `rank`...), offsets (`lag`, `lead`,
//! `nth_value`). They are valid only inside `OVER (...)`, which analysis checks
//! (`analysis::windows`); the frame Spark gives each when none is written is
//! `default_frame`.

use super::signature::{Arity::*, Display, Expected, Inputs, Null, Ret, Site};
use super::{def, unexpected_input_type, FunctionDef};
use crate::analysis::coercion::coerce;
use crate::analysis::typing::data_type;
use crate::analysis::Conf;
use crate::error::Result;
use crate::ir::function::{Func, WindowFn, WindowFn::*};
use crate::ir::{DataType, Expr, FrameBound, FrameKind, Value, WindowFrame};

const INT: &DataType = &DataType::Integer;
const LONG: &DataType = &DataType::Long;
const DOUBLE: &DataType = &DataType::Double;
const BOOLEAN: &DataType = &DataType::Boolean;

const fn window(f: WindowFn) -> Func {
    Func::Window(f)
}

pub static FUNCTIONS: &[FunctionDef] = &[
    def(window(RowNumber), "row_number", Exact(0), Inputs::Any, Ret::Fixed(INT)).null(Null::Never),
    // Spark names the rank functions by their SQL keyword: `RANK() OVER (...)`.
    def(window(Rank), "rank", Exact(0), Inputs::Any, Ret::Fixed(INT)).null(Null::Never).display(Display::Named("RANK")),
    def(window(DenseRank), "dense_rank", Exact(0), Inputs::Any, Ret::Fixed(INT))
        .null(Null::Never)
        .display(Display::Named("DENSE_RANK")),
    def(window(PercentRank), "percent_rank", Exact(0), Inputs::Any, Ret::Fixed(DOUBLE))
        .null(Null::Never)
        .display(Display::Named("PERCENT_RANK")),
    def(window(CumeDist), "cume_dist", Exact(0), Inputs::Any, Ret::Fixed(DOUBLE)).null(Null::Never),
    def(window(Ntile), "ntile", Exact(1), Inputs::Custom(ntile_inputs), Ret::Fixed(INT)).null(Null::Never),
    // `lag(x, offset, default, ignoreNulls)`: PySpark passes all four, SQL one to three.
    def(window(Lag), "lag", Range(1, 4), Inputs::Custom(offset_inputs), Ret::Arg(0))
        .null(Null::Custom(offset_nullable))
        .display(Display::Custom(offset_display)),
    def(window(Lead), "lead", Range(1, 4), Inputs::Custom(offset_inputs), Ret::Arg(0))
        .null(Null::Custom(offset_nullable))
        .display(Display::Custom(offset_display)),
    def(window(NthValue), "nth_value", Range(2, 3), Inputs::Custom(nth_value_inputs), Ret::Arg(0))
        .null(Null::Always)
        .display(Display::Custom(nth_value_display)),
];

/// `ntile(n)`: an INT; Spark does not narrow a BIGINT or read a string here.
fn ntile_inputs(args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    let t = data_type(&args[0]);
    if !matches!(t, DataType::Byte | DataType::Short | DataType::Integer | DataType::Null) {
        return Err(unexpected_input_type(site, 0, "\"INT\"", &args[0]));
    }
    Ok(vec![coerce(args.into_iter().next().expect("one argument"), INT)])
}

/// `lag(x, offset, default)`: an INT offset (1 when missing), the default (NULL when
/// missing) implicitly cast to x's type, and the ignore-nulls flag (false).
fn offset_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.len() < 2 {
        args.push(Expr::Literal(Value::Integer(1)));
    }
    if args.len() < 3 {
        args.push(Expr::Literal(Value::Null));
    }
    if args.len() < 4 {
        args.push(Expr::Literal(Value::Boolean(false)));
    }
    let offset = args[1].clone();
    args[1] = Inputs::Implicit(&[Expected::Type(INT)]).coerce(vec![offset], site)?.remove(0);
    let input_type = data_type(&args[0]);
    let default_type = data_type(&args[2]);
    if default_type != input_type && default_type != DataType::Null && !implicitly_castable(&default_type, &input_type, site.conf.ansi) {
        let required = format!("(\"{}\" or \"VOID\")", input_type.sql());
        return Err(unexpected_input_type(site, 2, &required, &args[2]));
    }
    args[2] = coerce(args[2].clone(), &input_type);
    Ok(args)
}

/// Spark's implicit cast rule (`coercion::Expected::Type`) for a type known only now.
fn implicitly_castable(from: &DataType, to: &DataType, ansi: bool) -> bool {
    static ATOMIC: [DataType; 12] = [
        DataType::Boolean,
        DataType::Byte,
        DataType::Short,
        DataType::Integer,
        DataType::Long,
        DataType::Float,
        DataType::Double,
        DataType::String,
        DataType::Binary,
        DataType::Date,
        DataType::Timestamp,
        DataType::TimestampNtz,
    ];
    match ATOMIC.iter().find(|t| *t == to) {
        Some(t) => Expected::Type(t).implicit_cast(from, ansi).is_some(),
        None => from.is_numeric() && to.is_numeric() || (*from == DataType::String && to.is_numeric()),
    }
}

/// `lag(x, 1, 5)` cannot be NULL when x cannot; a NULL default can.
fn offset_nullable(_args: &[Expr], arg_nulls: &[bool], _conf: &Conf) -> bool {
    arg_nulls.first().copied().unwrap_or(true) || arg_nulls.get(2).copied().unwrap_or(true)
}

/// `lag(x, 1, NULL)`: Spark shows the offset and default even when not written, and
/// never the ignore-nulls flag.
fn offset_display(name: &str, args: &[String], distinct: bool) -> String {
    let shown = [
        args.first().cloned().unwrap_or_default(),
        args.get(1).cloned().unwrap_or_else(|| "1".into()),
        args.get(2).cloned().unwrap_or_else(|| "NULL".into()),
    ];
    Display::Call.text(name, &shown, distinct)
}

/// `nth_value(x, n, ignoreNulls)`: a BIGINT offset and a BOOLEAN flag (false when missing).
fn nth_value_inputs(mut args: Vec<Expr>, site: &Site) -> Result<Vec<Expr>> {
    if args.len() < 3 {
        args.push(Expr::Literal(Value::Boolean(false)));
    }
    let cast = Inputs::Implicit(&[Expected::Any, Expected::Type(LONG), Expected::Type(BOOLEAN)]);
    cast.coerce(args, site)
}

/// `nth_value(x, 2)`, or `nth_value(x, 2) ignore nulls`.
fn nth_value_display(name: &str, args: &[String], distinct: bool) -> String {
    let call = Display::Call.text(name, &args[..args.len().min(2)], distinct);
    if args.get(2).map(String::as_str) == Some("true") { format!("{call} ignore nulls") } else { call }
}

/// The frame Spark uses when a window names none: ranking functions count rows up to
/// the current one (`cume_dist` up to the current one's peers); `lag`/`lead` read one
/// row at their offset; aggregates and `nth_value` with an ORDER BY take every row up
/// to the current one's peers (RANGE), and without one the whole partition.
/// `function` is the call, resolved or not.
pub fn default_frame(function: &Expr, ordered: bool) -> WindowFrame {
    let rows_to_current = WindowFrame { kind: FrameKind::Rows, start: FrameBound::UnboundedPreceding, end: FrameBound::CurrentRow };
    let (func, args) = match function.without_origin() {
        Expr::Function { name, args, .. } => (super::lookup(name).map(|d| d.func), args.as_slice()),
        Expr::Call(c) => (Some(c.func), c.args.as_slice()),
        _ => (None, &[][..]),
    };
    match func {
        Some(Func::Window(CumeDist)) => WindowFrame { kind: FrameKind::Range, ..rows_to_current },
        Some(Func::Window(f @ (Lag | Lead))) => {
            let offset = args.get(1).map(super::super::windows::fold_integer).unwrap_or(Some(1)).unwrap_or(1);
            let at = if f == Lag { offset.wrapping_neg() } else { offset };
            let bound = FrameBound::Offset(Box::new(Expr::Literal(Value::Integer(at as i32))));
            WindowFrame { kind: FrameKind::Rows, start: bound.clone(), end: bound }
        }
        Some(Func::Window(f)) if f != NthValue => rows_to_current,
        _ if ordered => WindowFrame { kind: FrameKind::Range, ..rows_to_current },
        _ => WindowFrame { kind: FrameKind::Rows, start: FrameBound::UnboundedPreceding, end: FrameBound::UnboundedFollowing },
    }
}

/// Whether a window function has a frame of its own that a written one must equal.
pub fn required_frame(f: WindowFn) -> bool {
    !matches!(f, NthValue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_defaults_are_shown() {
        assert_eq!(offset_display("lag", &["v".into()], false), "lag(v, 1, NULL)");
        assert_eq!(offset_display("lead", &["v".into(), "2".into(), "0".into(), "false".into()], false), "lead(v, 2, 0)");
        assert_eq!(nth_value_display("nth_value", &["v".into(), "2".into(), "true".into()], false), "nth_value(v, 2) ignore nulls");
    }

    #[test]
    fn lag_reads_the_row_at_its_offset() {
        let lag = Expr::func("lag", vec![Expr::col("v"), Expr::lit(Value::Integer(2))]);
        let frame = default_frame(&lag, true);
        assert_eq!(frame.start, FrameBound::Offset(Box::new(Expr::lit(Value::Integer(-2)))));
        let sum = Expr::func("sum", vec![Expr::col("v")]);
        assert_eq!(default_frame(&sum, true).kind, FrameKind::Range);
        assert_eq!(default_frame(&sum, false).end, FrameBound::UnboundedFollowing);
    }
}
