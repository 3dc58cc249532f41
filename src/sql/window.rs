//! `f(...) OVER (PARTITION BY ... ORDER BY ... frame)` in SQL text, as Spark's parser
//! builds it: ASC sorts NULLS FIRST and DESC NULLS LAST unless written; `n PRECEDING`
//! is a negated offset (Spark names it `n PRECEDING`), `n FOLLOWING` the offset; the
//! short form `ROWS n PRECEDING` ends at the current row.
//!
//! Named windows (`OVER w ... WINDOW w AS (...)`) are substituted as Spark's parser
//! does: each SELECT block's WINDOW clause is in scope while the block converts,
//! subqueries in its FROM included.

use super::{convert, errors, parse_error};
use crate::error::{Error, ErrorKind, Result};
use crate::ir::{Expr, FrameBound, FrameKind, SortKey, Value, WindowFrame, WindowSpec};
use sqlparser::ast as sql;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// The WINDOW clauses of the SELECT blocks being converted, innermost last.
    static NAMED: RefCell<Vec<HashMap<String, sql::WindowSpec>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with a SELECT block's WINDOW clause in scope (Spark's `withWindowClause`:
/// a repeated name or a reference to an undefined one fails to parse; names are
/// compared as written).
pub(super) fn with_named_windows<T>(defs: Vec<sql::NamedWindowDefinition>, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let clause = window_clause_span(&defs);
    let mut scope: HashMap<String, sql::WindowSpec> = HashMap::new();
    for sql::NamedWindowDefinition(name, expr) in defs {
        if scope.contains_key(&name.value) {
            let e = Error::new(
                ErrorKind::Parse,
                "INVALID_SQL_SYNTAX.REPETITIVE_WINDOW_DEFINITION",
                format!("Invalid SQL syntax: The definition of window `{}` is repetitive. SQLSTATE: 42000", name.value),
            );
            // Spark's context is the whole WINDOW clause.
            let reach = errors::Reach { before: true, after: errors::After::ClosingParen };
            return Err(match clause {
                Some(span) => errors::at_span(e, span, reach),
                None => e,
            });
        }
        let spec = match expr {
            sql::NamedWindowExpr::WindowSpec(spec) if spec.window_name.is_some() => return Err(window_name_in_spec(&spec)),
            sql::NamedWindowExpr::WindowSpec(spec) => spec,
            // `w2 AS w1` (the Spark dialect of sqlparser does not parse it yet).
            sql::NamedWindowExpr::NamedWindow(other) => scope.get(&other.value).cloned().ok_or_else(|| {
                Error::new(
                    ErrorKind::Parse,
                    "INVALID_SQL_SYNTAX.UNRESOLVED_WINDOW_REFERENCE",
                    format!("Invalid SQL syntax: Cannot resolve window reference `{}`. SQLSTATE: 42000", other.value),
                )
            })?,
        };
        scope.insert(name.value, spec);
    }
    NAMED.with(|n| n.borrow_mut().push(scope));
    let out = f();
    NAMED.with(|n| n.borrow_mut().pop());
    out
}

/// The span of a WINDOW clause from its first name to the last key of its last
/// definition (sqlparser keeps no span of a specification; none when it ends with a
/// frame or a reference, whose end is not known).
fn window_clause_span(defs: &[sql::NamedWindowDefinition]) -> Option<sqlparser::tokenizer::Span> {
    use sqlparser::ast::Spanned;
    let first = defs.first()?.0.span;
    let sql::NamedWindowExpr::WindowSpec(last) = &defs.last()?.1 else { return None };
    if last.window_frame.is_some() {
        return None;
    }
    let keys = last.partition_by.iter().map(|e| e.span()).chain(last.order_by.iter().map(|o| o.expr.span()));
    let end = keys.reduce(|a, b| a.union(&b))?;
    Some(first.union(&end))
}

/// `(w ORDER BY x)`: Spark's grammar has no window name inside a specification.
fn window_name_in_spec(spec: &sql::WindowSpec) -> Error {
    let name = spec.window_name.as_ref().map(|n| n.value.clone()).unwrap_or_default();
    parse_error(&name, format!("a window specification cannot extend the window `{name}`"))
}

/// The specification a window name stands for: the innermost SELECT block's that
/// defines it (Spark substitutes a block's windows in its FROM subqueries too).
fn named(name: &sql::Ident) -> Result<sql::WindowSpec> {
    let found = NAMED.with(|n| n.borrow().iter().rev().find_map(|scope| scope.get(&name.value).cloned()));
    found.ok_or_else(|| {
        Error::analysis(
            "MISSING_WINDOW_SPECIFICATION",
            format!("Window specification is not defined in the WINDOW clause for {}. For more information about WINDOW clauses, please refer to 'https://spark.apache.org/docs/latest/sql-ref-syntax-qry-select-window.html'.", name.value),
        )
    })
}

/// The call `function` over the window `over`.
pub(super) fn over(function: Expr, over: sql::WindowType) -> Result<Expr> {
    let spec = match over {
        // `OVER (w)` is `OVER w`; anything beside the name is not Spark SQL.
        sql::WindowType::WindowSpec(spec) => match &spec.window_name {
            Some(name) if spec.partition_by.is_empty() && spec.order_by.is_empty() && spec.window_frame.is_none() => named(name)?,
            Some(_) => return Err(window_name_in_spec(&spec)),
            None => spec,
        },
        sql::WindowType::NamedWindow(name) => named(&name)?,
    };
    let partition_by = spec.partition_by.into_iter().map(convert).collect::<Result<Vec<_>>>()?;
    let order_by = spec.order_by.into_iter().map(sort_key).collect::<Result<Vec<_>>>()?;
    let frame = spec.window_frame.map(frame).transpose()?;
    // `rank(b) OVER (ORDER BY b)`: Spark's rank functions take their order from the
    // window (ResolveWindowOrder), whatever they are called with; named `RANK()`.
    let function = match function {
        Expr::Function { name, args, distinct } if !args.is_empty() && ["rank", "dense_rank", "percent_rank"].iter().any(|r| name.eq_ignore_ascii_case(r)) => {
            Expr::Function { name, args: vec![], distinct }
        }
        other => other,
    };
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
    use sqlparser::ast::Spanned;
    let span = n.span();
    let e = convert(n)?;
    let mut column = false;
    e.walk(&mut |x| column |= matches!(x, Expr::Unresolved { .. } | Expr::Attr(_)));
    if column {
        // Spark's parameter ends with a period and its template adds one; its context is
        // the bound (`x PRECEDING`).
        let e = Error::new(ErrorKind::Parse, "_LEGACY_ERROR_TEMP_0064", "Frame bound value must be a literal..")
            .with_param("msg", "Frame bound value must be a literal.");
        return Err(errors::at_span(e, span, errors::Reach { before: false, after: errors::After::Word }));
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
        // Under the origin of the names in the text.
        match parse_expression(text).map(|e| e.without_origin().clone()) {
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

    fn window_clause(text: &str) -> Vec<sqlparser::ast::NamedWindowDefinition> {
        use sqlparser::ast::{SetExpr, Statement};
        let parsed = sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::SparkSqlDialect {}, text).expect("parses");
        let Some(Statement::Query(q)) = parsed.into_iter().next() else { panic!("not a query") };
        let SetExpr::Select(s) = *q.body else { panic!("not a select") };
        s.named_window
    }

    #[test]
    fn named_windows_resolve_innermost_first_and_refuse_repeats() {
        use super::{named, with_named_windows};
        let outer = window_clause("SELECT 1 FROM t WINDOW w AS (PARTITION BY a), v AS (ORDER BY b)");
        let inner = window_clause("SELECT 1 FROM t WINDOW w AS (ORDER BY c)");
        let ident = |n: &str| sqlparser::ast::Ident::new(n);
        with_named_windows(outer, || {
            assert_eq!(named(&ident("w"))?.partition_by.len(), 1);
            with_named_windows(inner, || {
                assert_eq!(named(&ident("w"))?.order_by.len(), 1);
                assert_eq!(named(&ident("v"))?.order_by.len(), 1);
                Ok(())
            })
        })
        .unwrap();
        let e = named(&ident("w")).unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("MISSING_WINDOW_SPECIFICATION"));
        let repeated = window_clause("SELECT 1 FROM t WINDOW w AS (PARTITION BY a), w AS (ORDER BY b)");
        let e = with_named_windows(repeated, || Ok(())).unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("INVALID_SQL_SYNTAX.REPETITIVE_WINDOW_DEFINITION"));
    }

    #[test]
    fn frame_offsets_must_be_literals() {
        let e = parse_expression("sum(x) OVER (ORDER BY o ROWS BETWEEN x PRECEDING AND CURRENT ROW)").unwrap_err();
        assert_eq!(e.error_class.as_deref(), Some("_LEGACY_ERROR_TEMP_0064"));
        assert!(parse_expression("sum(x) OVER (ORDER BY o ROWS BETWEEN 1 + 1 PRECEDING AND CURRENT ROW)").is_ok());
    }
}
