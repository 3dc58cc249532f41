//! `f(...) OVER (PARTITION BY ... ORDER BY ... frame)` in SQL text, as Spark's parser
//! builds it: ASC sorts NULLS FIRST and DESC NULLS LAST unless written; `n PRECEDING`
//! is a negated offset (Spark names it `n PRECEDING`), `n FOLLOWING` the offset; the
//! short form `ROWS n PRECEDING` ends at the current row.

use super::{convert, parse_error};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{Expr, FrameBound, FrameKind, SortKey, Value, WindowFrame, WindowSpec};
use sqlparser::ast as sql;

/// The call `function` over the window `over`.
pub(super) fn over(function: Expr, over: sql::WindowType) -> Result<Expr> {
    let spec = match over {
        sql::WindowType::WindowSpec(spec) => spec,
        sql::WindowType::NamedWindow(name) => return Err(Error::unsupported(format!("the named window `{name}`"))),
    };
    let partition_by = spec.partition_by.into_iter().map(convert).collect::<Result<Vec<_>>>()?;
    let order_by = spec.order_by.into_iter().map(sort_key).collect::<Result<Vec<_>>>()?;
    let frame = spec.window_frame.map(frame).transpose()?;
    Ok(Expr::Window { function: Box::new(function), spec: Box::new(WindowSpec { partition_by, order_by, frame }) })
}

fn sort_key(o: sql::OrderByExpr) -> Result<SortKey> {
    let ascending = match o.options.sort {
        None | Some(sql::OrderBySort::Asc) => true,
        Some(sql::OrderBySort::Desc) => false,
        Some(other) => return Err(Error::unsupported(format!("ORDER BY {other:?}"))),
    };
    let nulls_first = o.options.nulls_first.unwrap_or(ascending);
    Ok(SortKey { expr: convert(o.expr)?, ascending, nulls_first })
}

fn frame(f: sql::WindowFrame) -> Result<WindowFrame> {
    let kind = match f.units {
        sql::WindowFrameUnits::Rows => FrameKind::Rows,
        sql::WindowFrameUnits::Range => FrameKind::Range,
        sql::WindowFrameUnits::Groups => return Err(parse_error("GROUPS", "GROUPS frames are not Spark SQL")),
    };
    let start = bound(f.start_bound, true)?;
    let end = match f.end_bound {
        Some(b) => bound(b, false)?,
        None => FrameBound::CurrentRow,
    };
    Ok(WindowFrame { kind, start, end })
}

fn bound(b: sql::WindowFrameBound, start: bool) -> Result<FrameBound> {
    Ok(match b {
        sql::WindowFrameBound::CurrentRow => FrameBound::CurrentRow,
        sql::WindowFrameBound::Preceding(None) if start => FrameBound::UnboundedPreceding,
        sql::WindowFrameBound::Following(None) if !start => FrameBound::UnboundedFollowing,
        // Spark parses these and refuses them when it checks the frame.
        sql::WindowFrameBound::Preceding(None) => FrameBound::UnboundedPreceding,
        sql::WindowFrameBound::Following(None) => FrameBound::UnboundedFollowing,
        sql::WindowFrameBound::Preceding(Some(n)) => FrameBound::Offset(Box::new(Expr::Negate(Box::new(literal_bound(*n)?)))),
        sql::WindowFrameBound::Following(Some(n)) => FrameBound::Offset(Box::new(literal_bound(*n)?)),
    })
}

/// A frame offset: Spark's parser wants a foldable value (no column in it).
fn literal_bound(n: sql::Expr) -> Result<Expr> {
    let e = convert(n)?;
    let mut column = false;
    e.walk(&mut |x| column |= matches!(x, Expr::Unresolved { .. } | Expr::Attr(_)));
    if column {
        return Err(Error::new(ErrorKind::Parse, "_LEGACY_ERROR_TEMP_0064", "Frame bound value must be a literal."));
    }
    Ok(e)
}

/// `nth_value(x, 2) IGNORE NULLS`, `first(x) IGNORE NULLS`: the flag as the function's
/// last argument, as Spark's parser passes it.
pub(super) fn ignore_nulls(name: &str, mut args: Vec<Expr>, treatment: Option<sql::NullTreatment>) -> Result<Vec<Expr>> {
    let Some(treatment) = treatment else { return Ok(args) };
    let flag = Expr::Literal(Value::Boolean(matches!(treatment, sql::NullTreatment::IgnoreNulls)));
    let position = match name {
        // lag(x, offset, default) IGNORE NULLS: the offset and default filled in first.
        "lag" | "lead" => {
            if args.len() < 2 {
                args.push(Expr::Literal(Value::Integer(1)));
            }
            if args.len() < 3 {
                args.push(Expr::Literal(Value::Null));
            }
            3
        }
        "nth_value" => 2,
        "first" | "last" | "first_value" | "last_value" | "any_value" => 1,
        _ => return Err(Error::unsupported(format!("{name} with {treatment}"))),
    };
    if args.len() != position {
        return Err(parse_error(name, format!("{treatment} with an explicit ignore-nulls argument")));
    }
    args.push(flag);
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::super::parse_expression;
    use crate::ir::{Expr, FrameBound};

    fn frame_of(text: &str) -> (FrameBound, FrameBound) {
        match parse_expression(text) {
            Ok(Expr::Window { spec, .. }) => {
                let f = spec.frame.expect("a frame");
                (f.start, f.end)
            }
            other => panic!("not a window: {other:?}"),
        }
    }

    #[test]
    fn unbounded_bounds_on_the_wrong_side_parse_and_are_refused_later() {
        let (start, end) = frame_of("sum(x) OVER (ORDER BY o ROWS BETWEEN UNBOUNDED FOLLOWING AND UNBOUNDED PRECEDING)");
        assert_eq!((start, end), (FrameBound::UnboundedFollowing, FrameBound::UnboundedPreceding));
    }

    #[test]
    fn frame_offsets_must_be_literals() {
        let e = parse_expression("sum(x) OVER (ORDER BY o ROWS BETWEEN x PRECEDING AND CURRENT ROW)").unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("_LEGACY_ERROR_TEMP_0064"));
        assert!(parse_expression("sum(x) OVER (ORDER BY o ROWS BETWEEN 1 + 1 PRECEDING AND CURRENT ROW)").is_ok());
    }
}
