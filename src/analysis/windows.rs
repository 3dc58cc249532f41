//! Window expressions in analysis.
//!
//! `check` applies Spark's rules to a resolved `f(...) OVER (spec)` — its analyzer's
//! `ResolveWindowFrame`/`ResolveWindowOrder` and the type checks of the window spec,
//! frame and function, in Spark's order — and fills in the frame Spark would use, so
//! lowering reads one complete spec. `extract` moves window expressions out of
//! projections into Window nodes, as Spark's `ExtractWindowExpressions` does:
//! `select(x - avg(x) OVER w)` becomes a Project over a Window node that computes
//! `avg(x) OVER w`, one Window node per distinct PARTITION BY/ORDER BY (windows nested
//! in windows in nodes below). `over_aggregate` does the same above an aggregation.

use super::functions::window::default_frame;
use super::naming::{frame_sql, sql_text, window_spec_sql};
use super::new_attr_id;
use super::typing::{data_type, nullable};
use crate::error::{Error, Result};
use crate::ir::function::{Func, WindowFn};
use crate::ir::{Attribute, BinaryOp, CastKind, DataType, Expr, FrameBound, FrameKind, NamedExpr, Plan, PlanNode, SortKey, Value, WindowFrame, WindowSpec};
use std::sync::Arc;

/// A resolved window expression, checked, with its frame filled in.
pub fn check(function: Expr, spec: WindowSpec, ansi: bool) -> Result<Expr> {
    let ordered = !spec.order_by.is_empty();
    if matches!(&function, Expr::PythonUdf(_)) {
        return check_python_aggregate(function, spec, ansi);
    }
    let Expr::Call(call) = &function else { return Err(Error::internal("a window function that is not a call")) };
    let window_text = || sql_text(&Expr::Window { function: Box::new(function.clone()), spec: Box::new(spec.clone()) });
    if call.distinct {
        return Err(Error::analysis(
            "DISTINCT_WINDOW_FUNCTION_UNSUPPORTED",
            format!("Distinct window functions are not supported: \"{}\".", window_text()),
        ));
    }
    // Analyzer rules first: window functions need an ORDER BY, then their frames.
    if call.func.is_window() && !ordered {
        // Spark prints the function's toString: `rank()` for one without arguments
        // (its SQL name is `RANK()`); arguments show with the JVM's attribute ids.
        let shown = if call.args.is_empty() { format!("{}()", call.name) } else { sql_text(&function) };
        return Err(Error::analysis(
            "_LEGACY_ERROR_TEMP_1037",
            format!("Window function {shown} requires window to be ordered, please add ORDER BY clause. For example SELECT {shown}(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table."),
        )
        .with_param("wf", shown));
    }
    let frame = match call.func {
        Func::Window(f) if f != WindowFn::NthValue => {
            let required = default_frame(&function, true);
            if let Some(given) = &spec.frame {
                if !same_frame(given, &required) {
                    return Err(if matches!(f, WindowFn::Lag | WindowFn::Lead) {
                        Error::analysis("_LEGACY_ERROR_TEMP_1035", format!("Cannot specify window frame for {} function.", call.name))
                    } else {
                        let (given, required) = (frame_to_string(given), frame_to_string(&required));
                        Error::analysis(
                            "_LEGACY_ERROR_TEMP_1036",
                            format!("Window Frame {given} must match the required frame {required}."),
                        )
                        .with_param("required", required)
                        .with_param("wf", given)
                    });
                }
            }
            required
        }
        _ => spec.frame.clone().unwrap_or_else(|| default_frame(&function, ordered)),
    };
    // Then the type checks: the function's arguments, the frame, the spec.
    check_arguments(call)?;
    let order_type = spec.order_by.first().map(|k| data_type(&k.expr));
    // The spec's own checks show the frame as written, before its offsets are folded.
    let written = frame.clone();
    let frame = check_frame(frame, order_type.as_ref().filter(|_| spec.order_by.len() == 1), ansi)?;
    check_spec(&spec, &frame, &written)?;
    Ok(Expr::Window { function: Box::new(function), spec: Box::new(WindowSpec { frame: Some(frame), ..spec }) })
}

/// Spark's toString of a frame (`specifiedwindowframe(RowFrame, -1, currentrow$())`),
/// which its frame-mismatch error prints.
fn frame_to_string(frame: &WindowFrame) -> String {
    let bound = |b: &FrameBound| match b {
        FrameBound::UnboundedPreceding => "unboundedpreceding$()".to_string(),
        FrameBound::CurrentRow => "currentrow$()".to_string(),
        FrameBound::UnboundedFollowing => "unboundedfollowing$()".to_string(),
        FrameBound::Offset(e) => match e.without_origin() {
            Expr::Negate(n) => format!("-{}", literal_to_string(n)),
            e => literal_to_string(e),
        },
    };
    let kind = if frame.kind == FrameKind::Rows { "RowFrame" } else { "RangeFrame" };
    format!("specifiedwindowframe({kind}, {}, {})", bound(&frame.start), bound(&frame.end))
}

/// A literal as Spark's toString shows it: its value, without SQL's `L` suffix.
fn literal_to_string(e: &Expr) -> String {
    let text = sql_text(e);
    match text.strip_suffix('L') {
        Some(digits) if digits.parse::<i64>().is_ok() => digits.to_string(),
        _ => text,
    }
}

/// A grouped-aggregate pandas UDF over a window: any frame an aggregate takes.
fn check_python_aggregate(function: Expr, spec: WindowSpec, ansi: bool) -> Result<Expr> {
    let frame = spec.frame.clone().unwrap_or_else(|| default_frame(&function, !spec.order_by.is_empty()));
    let order_type = spec.order_by.first().map(|k| data_type(&k.expr));
    let written = frame.clone();
    let frame = check_frame(frame, order_type.as_ref().filter(|_| spec.order_by.len() == 1), ansi)?;
    check_spec(&spec, &frame, &written)?;
    Ok(Expr::Window { function: Box::new(function), spec: Box::new(WindowSpec { frame: Some(frame), ..spec }) })
}

/// Whether a written frame is the one a function requires (offsets compared by value).
fn same_frame(a: &WindowFrame, b: &WindowFrame) -> bool {
    let bound = |x: &FrameBound| match x {
        FrameBound::Offset(e) => (3, fold_integer(e)),
        FrameBound::UnboundedPreceding => (0, None),
        FrameBound::CurrentRow => (1, None),
        FrameBound::UnboundedFollowing => (2, None),
    };
    a.kind == b.kind && bound(&a.start) == bound(&b.start) && bound(&a.end) == bound(&b.end)
}

fn non_foldable(call: &crate::ir::Call, param: &str, expected: &str, arg: &Expr) -> Error {
    non_foldable_shown(call, param, expected, &sql_text(arg))
}

fn non_foldable_shown(call: &crate::ir::Call, param: &str, expected: &str, arg: &str) -> Error {
    Error::analysis(
        "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
        format!(
            "Cannot resolve \"{}\" due to data type mismatch: the input `{param}` should be a foldable \"{expected}\" expression; however, got \"{arg}\".",
            sql_text(&Expr::Call(Box::new(call.clone())))
        ),
    )
}

fn out_of_range(call: &crate::ir::Call, what: &str, upper: &str, value: String) -> Error {
    Error::analysis(
        "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
        format!(
            "Cannot resolve \"{}\" due to data type mismatch: The {what} must be between (0, {upper}] (current value = {value}).",
            sql_text(&Expr::Call(Box::new(call.clone())))
        ),
    )
}

/// `ntile(n)`: a constant n > 0; `nth_value(x, n)`: a constant n > 0;
/// `lag`/`lead`: a constant offset.
fn check_arguments(call: &crate::ir::Call) -> Result<()> {
    match call.func {
        Func::Window(WindowFn::Ntile) => match fold_integer(&call.args[0]) {
            None => Err(non_foldable(call, "buckets", "INT", &call.args[0])),
            Some(n) if n <= 0 => Err(out_of_range(call, "buckets", "2147483647", n.to_string())),
            Some(_) => Ok(()),
        },
        Func::Window(WindowFn::NthValue) => match fold_integer(&call.args[1]) {
            None => Err(non_foldable(call, "offset", "INT", &call.args[1])),
            Some(n) if n <= 0 => Err(out_of_range(call, "offset", "9223372036854775807", format!("{n}L"))),
            Some(_) => Ok(()),
        },
        Func::Window(WindowFn::Lag | WindowFn::Lead) if fold_integer(&call.args[1]).is_none() => match call.args[1].without_origin() {
            // A constant that does not fit the INT offset: Spark's cast fails.
            // A string offset: Spark's builder fails to make the function.
            Expr::Cast { expr, .. } if data_type(expr) == DataType::String => Err(Error::analysis(
                "FAILED_FUNCTION_CALL",
                format!("Failed preparing of the function `{}` for call. Please, double check function's arguments.", call.name),
            )),
            Expr::Cast { .. } => range_offset(&call.args[1], true).map(|_| ()),
            other if call.func == Func::Window(WindowFn::Lag) => {
                // Spark's lag holds its offset negated, and its default before the cast.
                let mut shown = call.clone();
                if let Some(Expr::Cast { expr, .. }) = shown.args.get(2) {
                    if matches!(expr.unalias(), Expr::Literal(Value::Null)) {
                        shown.args[2] = Expr::Literal(Value::Null);
                    }
                }
                Err(non_foldable_shown(&shown, "offset", "INT", &offset_sql(&Expr::Negate(Box::new(other.clone())))))
            }
            other => Err(non_foldable(call, "offset", "INT", other)),
        },
        _ => Ok(()),
    }
}

/// A frame bound as Spark's checks name it: its expression (`(- INTERVAL '4' DAY)`
/// for `INTERVAL '4' DAY PRECEDING`) or its keywords.
fn bound_sql(b: &FrameBound) -> String {
    match b {
        FrameBound::UnboundedPreceding => "UNBOUNDED PRECEDING".into(),
        FrameBound::CurrentRow => "CURRENT ROW".into(),
        FrameBound::UnboundedFollowing => "UNBOUNDED FOLLOWING".into(),
        FrameBound::Offset(e) => offset_sql(e),
    }
}

/// An offset as Spark's `toSQLExpr` writes it: a negated one is `(- x)` (its SQL, where
/// PyRust's column name says `negative(x)`).
fn offset_sql(e: &Expr) -> String {
    match e.without_origin() {
        Expr::Negate(inner) => format!("(- {})", sql_text(inner)),
        other => sql_text(other),
    }
}

/// A frame whose offsets Spark has wrapped in casts: each offset is `expr FOLLOWING`.
fn cast_frame_sql(frame: &WindowFrame) -> String {
    let bound = |b: &FrameBound| match b {
        FrameBound::Offset(e) => format!("{} FOLLOWING", offset_sql(e)),
        other => bound_sql(other),
    };
    let kind = if frame.kind == FrameKind::Rows { "ROWS" } else { "RANGE" };
    format!("{kind} BETWEEN {} AND {}", bound(&frame.start), bound(&frame.end))
}

fn frame_mismatch(frame: &WindowFrame, class: &str, detail: &str) -> Error {
    Error::analysis(
        &format!("DATATYPE_MISMATCH.{class}"),
        format!("Cannot resolve \"{}\" due to data type mismatch: {detail}.", frame_sql(frame)),
    )
}

/// Spark's `SpecifiedWindowFrame` checks, after its `WindowFrameCoercion` cast the
/// offsets of a RANGE frame to the type of the (single) ORDER BY key. Offsets come
/// out folded: ROWS offsets as BIGINT literals, RANGE offsets as values of the key's
/// type (or the cast that makes them one, which fails when run, as in Spark).
fn check_frame(frame: WindowFrame, order_type: Option<&DataType>, ansi: bool) -> Result<WindowFrame> {
    let rows = frame.kind == FrameKind::Rows;
    let mut folded = [frame.start.clone(), frame.end.clone()];
    for (slot, location) in folded.iter_mut().zip(["lower", "upper"]) {
        let FrameBound::Offset(e) = slot else { continue };
        let Some(value) = fold_value(e) else {
            return Err(frame_mismatch(&frame, "SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE", &format!("Window frame {location} bound \"{}\" is not a literal", sql_text(e))));
        };
        let t = data_type(&Expr::Literal(value.clone()));
        // Spark casts a RANGE offset to the key's type where it can (not to datetimes,
        // nor an interval to a floating-point number).
        let interval = is_interval(&t);
        let cast_to = match order_type {
            Some(o) if !rows && interval && o.is_floating() => t.clone(),
            Some(o) if !rows && (o.is_numeric() || matches!(o, DataType::Boolean | DataType::String)) => o.clone(),
            _ => t.clone(),
        };
        let accepted = if rows { cast_to == DataType::Integer } else { cast_to.is_numeric() || is_interval(&cast_to) };
        if !accepted {
            let expected = if rows { "\"INT\"" } else { "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")" };
            let detail = format!("The data type of the {location} bound \"{}\" does not match the expected data type {expected}", cast_to.sql());
            // Once Spark has cast a RANGE offset to the key's type, the frame shows the
            // cast offsets as they are: `(- INTERVAL '1' DAY) FOLLOWING`.
            let shown = if !rows && cast_to != t { cast_frame_sql(&frame) } else { frame_sql(&frame) };
            return Err(Error::analysis(
                "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE",
                format!("Cannot resolve \"{shown}\" due to data type mismatch: {detail}."),
            ));
        }
        **e = if rows {
            Expr::Literal(Value::Long(fold_integer(&Expr::Literal(value)).unwrap_or(0)))
        } else if cast_to == t {
            Expr::Literal(value)
        } else {
            super::coercion::coerce(Expr::Literal(value), &cast_to)
        };
    }
    let [start, end] = folded;
    if matches!(start, FrameBound::UnboundedFollowing) || matches!(end, FrameBound::UnboundedPreceding) {
        let detail = format!(
            "Window frame upper bound \"{}\" does not follow the lower bound \"{}\"",
            bound_sql(&frame.end),
            bound_sql(&frame.start)
        );
        return Err(frame_mismatch(&frame, "SPECIFIED_WINDOW_FRAME_INVALID_BOUND", &detail));
    }
    if let (FrameBound::Offset(l), FrameBound::Offset(u)) = (&start, &end) {
        if data_type(l) != data_type(u) {
            let detail = format!(
                "Window frame bounds \"{}\" and \"{}\" do not have the same type: \"{}\" <> \"{}\"",
                bound_sql(&frame.start),
                bound_sql(&frame.end),
                data_type(l).sql(),
                data_type(u).sql()
            );
            return Err(frame_mismatch(&frame, "SPECIFIED_WINDOW_FRAME_DIFF_TYPES", &detail));
        }
        // Spark compares the two (cast) offsets while analysing: a cast that overflows fails there.
        let (l, u) = if rows { ((**l).clone(), (**u).clone()) } else { (Expr::Literal(range_offset(l, ansi)?), Expr::Literal(range_offset(u, ansi)?)) };
        if let (Some(a), Some(b)) = (fold_number(&l), fold_number(&u)) {
            if a > b {
                return Err(frame_mismatch(
                    &frame,
                    "SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON",
                    "The lower bound of a window frame must be less than or equal to the upper bound",
                ));
            }
        }
    }
    Ok(WindowFrame { kind: frame.kind, start, end })
}

/// Spark's `WindowSpecDefinition` checks: RANGE frames with value offsets need one
/// ORDER BY key of a type the offsets can be added to.
fn check_spec(spec: &WindowSpec, frame: &WindowFrame, written: &WindowFrame) -> Result<()> {
    if frame.kind != FrameKind::Range {
        return Ok(());
    }
    let whole = matches!((&frame.start, &frame.end), (FrameBound::UnboundedPreceding, FrameBound::UnboundedFollowing));
    let shown = || window_spec_sql(spec, written);
    if spec.order_by.is_empty() && !whole {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER",
            format!("Cannot resolve \"{}\" due to data type mismatch: A range window frame cannot be used in an unordered window specification.", shown()),
        ));
    }
    let offsets: Vec<&Expr> = [&frame.start, &frame.end]
        .into_iter()
        .filter_map(|b| if let FrameBound::Offset(e) = b { Some(e.as_ref()) } else { None })
        .collect();
    let Some(offset) = offsets.first() else { return Ok(()) };
    if spec.order_by.len() > 1 {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER",
            format!("Cannot resolve \"{}\" due to data type mismatch: A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions.", shown()),
        ));
    }
    let order = data_type(&spec.order_by[0].expr);
    let t = data_type(offset);
    if !valid_range_type(&order, &t) {
        return Err(Error::analysis(
            "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE",
            format!(
                "Cannot resolve \"{}\" due to data type mismatch: The data type \"{}\" used in the order specification does not support the data type \"{}\" which is used in the range frame.",
                shown(),
                order.sql(),
                t.sql()
            ),
        ));
    }
    Ok(())
}

fn is_interval(t: &DataType) -> bool {
    matches!(t, DataType::DayTimeInterval(..) | DataType::YearMonthInterval(..))
}

/// Spark's `isValidFrameType`: offsets of the key's own type, days for dates (as a
/// number or a DAY interval), any ANSI interval for timestamps, months for dates.
fn valid_range_type(order: &DataType, offset: &DataType) -> bool {
    match (order, offset) {
        (DataType::Date, DataType::Integer | DataType::YearMonthInterval(..) | DataType::DayTimeInterval(0, 0)) => true,
        (DataType::Timestamp | DataType::TimestampNtz, DataType::DayTimeInterval(..) | DataType::YearMonthInterval(..)) => true,
        _ => order == offset,
    }
}

/// The value of a constant integer expression (`2`, `-1`, `1 + 1`, `CAST(2 AS INT)`).
pub fn fold_integer(e: &Expr) -> Option<i64> {
    match fold_value(e)? {
        Value::Byte(x) => Some(x as i64),
        Value::Short(x) => Some(x as i64),
        Value::Integer(x) => Some(x as i64),
        Value::Long(x) => Some(x),
        _ => None,
    }
}

/// A constant number as a double, for comparing frame bounds.
fn fold_number(e: &Expr) -> Option<f64> {
    match fold_value(e)? {
        Value::Decimal(u, _, s) => Some(u as f64 / 10f64.powi(s as i32)),
        Value::Double(x) => Some(x),
        Value::Float(x) => Some(x as f64),
        Value::DayTimeInterval(us, ..) => Some(us as f64),
        Value::YearMonthInterval(m, ..) => Some(m as f64),
        v => fold_integer(&Expr::Literal(v)).map(|x| x as f64),
    }
}

/// The value of a constant expression of literals, negation, + - * and casts between
/// numbers (what frame offsets and function arguments are written with).
pub fn fold_value(e: &Expr) -> Option<Value> {
    match e {
        Expr::Literal(v) => Some(v.clone()),
        Expr::Alias { expr, .. } | Expr::WithOrigin { expr, .. } => fold_value(expr),
        Expr::Negate(x) => match fold_value(x)? {
            Value::Byte(v) => Some(Value::Byte(v.wrapping_neg())),
            Value::Short(v) => Some(Value::Short(v.wrapping_neg())),
            Value::Integer(v) => Some(Value::Integer(v.wrapping_neg())),
            Value::Long(v) => Some(Value::Long(v.wrapping_neg())),
            Value::Double(v) => Some(Value::Double(-v)),
            Value::Float(v) => Some(Value::Float(-v)),
            Value::Decimal(u, p, s) => Some(Value::Decimal(-u, p, s)),
            Value::DayTimeInterval(us, s, e) => Some(Value::DayTimeInterval(us.checked_neg()?, s, e)),
            Value::YearMonthInterval(m, s, e) => Some(Value::YearMonthInterval(m.checked_neg()?, s, e)),
            _ => None,
        },
        Expr::Binary { op: op @ (BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply), left, right } => {
            let (l, r) = (fold_value(left)?, fold_value(right)?);
            let int = |v: &Value| fold_integer(&Expr::Literal(v.clone()));
            let (a, b) = (int(&l)?, int(&r)?);
            let n = match op {
                BinaryOp::Add => a.checked_add(b)?,
                BinaryOp::Subtract => a.checked_sub(b)?,
                _ => a.checked_mul(b)?,
            };
            Some(match (&l, &r) {
                (Value::Long(_), _) | (_, Value::Long(_)) => Value::Long(n),
                _ => Value::Integer(i32::try_from(n).ok()?),
            })
        }
        Expr::Cast { expr, to, kind: CastKind::Cast | CastKind::Implicit } if to.is_integral() => {
            let n = match fold_value(expr)? {
                Value::Boolean(b) => b as i64,
                v => fold_integer(&Expr::Literal(v))?,
            };
            Some(match to {
                DataType::Byte => Value::Byte(i8::try_from(n).ok()?),
                DataType::Short => Value::Short(i16::try_from(n).ok()?),
                DataType::Integer => Value::Integer(i32::try_from(n).ok()?),
                _ => Value::Long(n),
            })
        }
        _ => None,
    }
}

/// A frame or function offset cast to its type: Spark casts it when the query runs
/// (or while analysing, to compare two offsets), so a cast that overflows fails then
/// under ANSI and wraps like Java's narrowing otherwise.
pub fn range_offset(e: &Expr, ansi: bool) -> Result<Value> {
    if let Some(v) = fold_value(e) {
        return Ok(v);
    }
    let not_literal = || Error::internal("an offset that is not a literal");
    let Expr::Cast { expr, to, kind: CastKind::Cast | CastKind::Implicit } = e.without_origin() else { return Err(not_literal()) };
    let v = fold_value(expr).ok_or_else(not_literal)?;
    let from = data_type(expr);
    let n = match &v {
        Value::Long(n) => *n as i128,
        Value::Integer(n) => *n as i128,
        Value::Short(n) => *n as i128,
        Value::Byte(n) => *n as i128,
        Value::Decimal(u, _, s) => *u / 10i128.pow(*s as u32),
        // Spark's interval-to-number casts: the count of the interval's last field.
        Value::YearMonthInterval(m, _, end) => if *end == 0 { *m as i128 / 12 } else { *m as i128 },
        Value::DayTimeInterval(us, _, end) => *us as i128 / [86_400_000_000i128, 3_600_000_000, 60_000_000, 1_000_000][(*end as usize).min(3)],
        _ => return Err(Error::unsupported(format!("an offset of type {}", from.sql()))),
    };
    let overflow = || {
        let shown = match &v {
            Value::Long(x) => format!("{x}L"),
            other => other.name_text(),
        };
        Error::new(
            crate::error::ErrorKind::Arithmetic,
            "CAST_OVERFLOW",
            format!("The value {shown} of the type \"{}\" cannot be cast to \"{}\" due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. SQLSTATE: 22003", from.sql(), to.sql()),
        )
    };
    Ok(match to {
        DataType::Byte => Value::Byte(i8::try_from(n).or_else(|_| if ansi { Err(overflow()) } else { Ok(n as i8) })?),
        DataType::Short => Value::Short(i16::try_from(n).or_else(|_| if ansi { Err(overflow()) } else { Ok(n as i16) })?),
        DataType::Integer => Value::Integer(i32::try_from(n).or_else(|_| if ansi { Err(overflow()) } else { Ok(n as i32) })?),
        DataType::Long => Value::Long(n as i64),
        DataType::Float => Value::Float(fold_number(expr).unwrap_or(0.0) as f32),
        DataType::Double => Value::Double(fold_number(expr).unwrap_or(0.0)),
        DataType::Decimal(p, s) => {
            let unscaled = match &v {
                // Rescaled exactly, or rounded half up when the scale shrinks.
                Value::Decimal(u, _, from) if from > s => {
                    let div = 10i128.pow((from - s) as u32);
                    Some(u / div + if (u % div).abs() * 2 >= div { u.signum() } else { 0 })
                }
                Value::Decimal(u, _, from) => u.checked_mul(10i128.pow((s - from) as u32)),
                _ => n.checked_mul(10i128.pow(*s as u32)),
            };
            let unscaled = unscaled.filter(|u| u.unsigned_abs() < 10u128.pow(*p as u32));
            match unscaled {
                Some(u) => Value::Decimal(u, *p, *s),
                None => {
                    return Err(Error::new(
                        crate::error::ErrorKind::Arithmetic,
                        "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION",
                        format!(" {} cannot be represented as Decimal({p}, {s}). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead. SQLSTATE: 22003", v.name_text()),
                    ))
                }
            }
        }
        other => return Err(Error::unsupported(format!("an offset of type {}", other.sql()))),
    })
}

/// `filter(row_number() OVER w = 1)`: Spark refuses window functions in WHERE.
pub fn refuse_in_filter(condition: &Expr) -> Result<()> {
    if condition.any(&|e| matches!(e, Expr::Window { .. })) {
        return Err(Error::analysis("_LEGACY_ERROR_TEMP_1034", "It is not allowed to use window functions inside WHERE clause."));
    }
    Ok(())
}

/// `sum(row_number() OVER w)`: Spark refuses a window inside an aggregate's arguments.
pub fn refuse_in_aggregates(exprs: &[Expr]) -> Result<()> {
    fn window_in_aggregate(e: &Expr, in_aggregate: bool) -> bool {
        match e {
            Expr::Window { .. } if in_aggregate => true,
            // The function of a window is not an aggregate of the group; its arguments
            // and spec are looked at as they are.
            Expr::Window { function, spec } => {
                function.children().into_iter().any(|c| window_in_aggregate(c, false))
                    || spec.partition_by.iter().chain(spec.order_by.iter().map(|k| &k.expr)).any(|c| window_in_aggregate(c, false))
            }
            e => {
                let aggregate = super::functions::is_aggregate_call(e);
                e.children().into_iter().any(|c| window_in_aggregate(c, in_aggregate || aggregate))
            }
        }
    }
    if exprs.iter().any(|e| window_in_aggregate(e, false)) {
        return Err(Error::analysis(
            "_LEGACY_ERROR_TEMP_1031",
            "It is not allowed to use a window function inside an aggregate function. Please use the inner window function in a sub-query.",
        ));
    }
    Ok(())
}

fn contains_window(e: &Expr) -> bool {
    e.any(&|x| matches!(x, Expr::Window { .. }))
}

/// The input with Window nodes for every window expression of `list`, and the list
/// with those expressions replaced by the columns the nodes compute. Windows nested
/// in the arguments or spec of others are computed first, in nodes below.
pub fn extract(input: Arc<Plan>, list: Vec<NamedExpr>) -> (Arc<Plan>, Vec<NamedExpr>) {
    let mut input = input;
    let mut list = list;
    while list.iter().any(|ne| contains_window(&ne.expr)) {
        let mut windows: Vec<NamedExpr> = vec![];
        list = list
            .into_iter()
            .map(|ne| {
                let expr = ne.expr.transform_down(&mut |e| match e {
                    // Innermost windows first: an outer one waits for the next round.
                    Expr::Window { .. } if !e.children().into_iter().any(contains_window) => Some(Expr::Attr(window_column(e, &mut windows))),
                    _ => None,
                });
                NamedExpr { expr, attr: ne.attr }
            })
            .collect();
        for group in by_partition_and_order(windows) {
            let mut output = input.output.clone();
            output.extend(group.iter().map(|w| w.attr.clone()));
            input = Arc::new(Plan { plan_id: super::new_plan_id(), node: PlanNode::Window { input, exprs: group }, output });
        }
    }
    (input, list)
}

/// The column that will hold window expression `e` (one per distinct expression).
fn window_column(e: &Expr, windows: &mut Vec<NamedExpr>) -> Attribute {
    if let Some(w) = windows.iter().find(|w| w.expr == *e) {
        return w.attr.clone();
    }
    let attr = Attribute {
        id: new_attr_id(),
        name: sql_text(e),
        data_type: data_type(e),
        // Window results are computed with the session's mode already.
        nullable: nullable(e, true),
        qualifier: None,
        metadata: None,
    };
    windows.push(NamedExpr { expr: e.clone(), attr: attr.clone() });
    attr
}

/// What makes two windows one Window node: the same PARTITION BY and ORDER BY.
type Ordering = (Vec<Expr>, Vec<SortKey>);

/// Window expressions grouped by their PARTITION BY and ORDER BY, in first-seen order.
fn by_partition_and_order(windows: Vec<NamedExpr>) -> Vec<Vec<NamedExpr>> {
    let mut groups: Vec<(Ordering, Vec<NamedExpr>)> = vec![];
    for w in windows {
        let Expr::Window { spec, .. } = &w.expr else { continue };
        let key = (spec.partition_by.clone(), spec.order_by.clone());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(w),
            None => groups.push((key, vec![w])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// An aggregation whose output list holds window expressions (`groupBy(k).agg(sum(v),
/// rank() OVER (ORDER BY sum(v)))`): the Aggregate computes the keys and every
/// aggregate of the list (those inside windows too), Window nodes above it compute
/// the windows over its rows, and a Project gives the list. A window's function may
/// only read grouping keys and aggregates, as in Spark; the list may read `values`
/// too (subqueries read per group, joined to the windows' rows by the caller).
pub fn over_aggregate(input: Arc<Plan>, keys: Vec<NamedExpr>, aggs: Vec<NamedExpr>, values: &std::collections::HashSet<u64>, plan_id: u64) -> Result<Plan> {
    let key_ids: Vec<u64> = keys.iter().map(|k| k.attr.id).collect();
    let mut hidden: Vec<NamedExpr> = vec![];
    let list: Vec<NamedExpr> = aggs
        .into_iter()
        .map(|ne| {
            let expr = hide_aggregates(&ne.expr, &mut hidden);
            NamedExpr { expr, attr: ne.attr }
        })
        .collect();
    for ne in &list {
        let mut missing = None;
        ne.expr.walk(&mut |e| {
            if let Expr::Attr(a) = e {
                if missing.is_none() && !key_ids.contains(&a.id) && !values.contains(&a.id) && !hidden.iter().any(|h| h.attr.id == a.id) {
                    missing = Some(a.name.clone());
                }
            }
        });
        if let Some(name) = missing {
            return Err(Error::analysis(
                "MISSING_AGGREGATION",
                format!("The non-aggregating expression \"{name}\" is based on columns which are not participating in the GROUP BY clause."),
            )
            .with_param("expression", format!("\"{name}\""))
            .with_param("expressionAnyValue", format!("\"any_value({name})\"")));
        }
    }
    let mut output: Vec<Attribute> = keys.iter().map(|k| k.attr.clone()).collect();
    output.extend(hidden.iter().map(|h| h.attr.clone()));
    let aggregate = Arc::new(Plan {
        plan_id: super::new_plan_id(),
        node: PlanNode::Aggregate { input, keys: keys.clone(), aggs: hidden, grouping_sets: None },
        output,
    });
    let mut full: Vec<NamedExpr> = keys.iter().map(|k| NamedExpr { expr: Expr::Attr(k.attr.clone()), attr: k.attr.clone() }).collect();
    full.extend(list);
    let (below, full) = extract(aggregate, full);
    let output = full.iter().map(|n| n.attr.clone()).collect();
    Ok(Plan { plan_id, node: PlanNode::Project { input: below, exprs: full }, output })
}

/// `e` with every aggregate of the group (not a window's own function) replaced by a
/// column of the Aggregate node, each distinct aggregate once.
fn hide_aggregates(e: &Expr, hidden: &mut Vec<NamedExpr>) -> Expr {
    match e {
        Expr::Window { function, spec } => {
            // The window's function runs over the aggregate's rows: its arguments and the
            // spec may hold aggregates of the group.
            let function = Box::new(function.map_children(&mut |c| hide_aggregates(c, hidden)));
            let spec = WindowSpec {
                partition_by: spec.partition_by.iter().map(|p| hide_aggregates(p, hidden)).collect(),
                order_by: spec.order_by.iter().map(|k| SortKey { expr: hide_aggregates(&k.expr, hidden), ..k.clone() }).collect(),
                frame: spec.frame.clone(),
            };
            Expr::Window { function, spec: Box::new(spec) }
        }
        Expr::Call(c) if c.func.is_aggregate() => {
            let attr = match hidden.iter().find(|h| h.expr == *e) {
                Some(h) => h.attr.clone(),
                None => {
                    let attr = Attribute { id: new_attr_id(), name: sql_text(e), data_type: c.data_type.clone(), nullable: c.nullable, qualifier: None, metadata: None };
                    hidden.push(NamedExpr { expr: e.clone(), attr: attr.clone() });
                    attr
                }
            };
            Expr::Attr(attr)
        }
        other => other.map_children(&mut |c| hide_aggregates(c, hidden)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_offsets_fold_and_match_their_keys() {
        let week = Expr::Negate(Box::new(Expr::lit(Value::DayTimeInterval(7 * 86_400_000_000, 0, 0))));
        assert_eq!(fold_value(&week), Some(Value::DayTimeInterval(-7 * 86_400_000_000, 0, 0)));
        assert_eq!(fold_number(&Expr::lit(Value::YearMonthInterval(-2, 1, 1))), Some(-2.0));
        // Days over dates; any day-time or year-month interval over timestamps.
        assert!(valid_range_type(&DataType::Date, &DataType::DayTimeInterval(0, 0)));
        assert!(!valid_range_type(&DataType::Date, &DataType::DayTimeInterval(1, 1)));
        assert!(valid_range_type(&DataType::Date, &DataType::YearMonthInterval(1, 1)));
        assert!(valid_range_type(&DataType::TimestampNtz, &DataType::DayTimeInterval(0, 3)));
        assert!(!valid_range_type(&DataType::Double, &DataType::DayTimeInterval(0, 0)));
    }

    #[test]
    fn constants_fold() {
        let two = Expr::binary(BinaryOp::Add, Expr::lit(Value::Integer(1)), Expr::lit(Value::Integer(1)));
        assert_eq!(fold_integer(&two), Some(2));
        assert_eq!(fold_integer(&Expr::Negate(Box::new(Expr::lit(Value::Long(3))))), Some(-3));
        assert_eq!(fold_integer(&Expr::col("x")), None);
    }

    #[test]
    fn offsets_are_cast_to_their_type() {
        let cast = |v: Value, to: DataType| Expr::Cast { expr: Box::new(Expr::Literal(v)), to, kind: CastKind::Cast };
        assert_eq!(range_offset(&cast(Value::Long(-3), DataType::Byte), true).unwrap(), Value::Byte(-3));
        let err = range_offset(&cast(Value::Long(-300), DataType::Byte), true).unwrap_err();
        assert_eq!(err.error_class.as_deref(), Some("CAST_OVERFLOW"));
        assert_eq!(range_offset(&cast(Value::Long(2), DataType::Decimal(5, 2)), true).unwrap(), Value::Decimal(200, 5, 2));
        assert!(range_offset(&cast(Value::Long(1000), DataType::Decimal(3, 1)), true).is_err());
        assert_eq!(range_offset(&cast(Value::Long(1 << 32), DataType::Integer), false).unwrap(), Value::Integer(0));
    }

    #[test]
    fn frames_compare_by_value() {
        let at = |v: Value| FrameBound::Offset(Box::new(Expr::lit(v)));
        let a = WindowFrame { kind: FrameKind::Rows, start: at(Value::Integer(-1)), end: at(Value::Integer(-1)) };
        let b = WindowFrame { kind: FrameKind::Rows, start: at(Value::Long(-1)), end: at(Value::Long(-1)) };
        assert!(same_frame(&a, &b));
        assert!(!same_frame(&a, &WindowFrame { kind: FrameKind::Range, ..b }));
    }
}
