//! `f(...) WITHIN GROUP (ORDER BY ...)`: Spark's ordered-set aggregates. The ordering is
//! handed to the function as `Expr::Sort` arguments after its own (which no SQL text or
//! DataFrame call can write), and each definition reads them (`analysis::functions::
//! aggregate`): `listagg`/`string_agg` join in that order, `mode()` breaks ties by it,
//! `percentile_cont`/`percentile_disc` take their value from it.

use super::{convert, unsupported};
use crate::analysis::naming::sql_text;
use crate::error::{Error, Result};
use crate::ir::{Expr, SortKey, Value};
use sqlparser::ast as sql;

/// The call `name(args) WITHIN GROUP (ORDER BY order)`, before FILTER and OVER.
pub(super) fn call(name: &str, mut args: Vec<Expr>, distinct: bool, order: Vec<sql::OrderByExpr>) -> Result<Expr> {
    let keys = order.into_iter().map(sort_key).collect::<Result<Vec<_>>>()?;
    let function = |args: Vec<Expr>| Expr::Function { name: name.to_string(), args, distinct };
    match name {
        "listagg" | "string_agg" => {
            if distinct {
                // Spark: the ordering must be the DISTINCT input itself.
                if let Some(k) = keys.iter().find(|k| args.first().is_some_and(|a| sql_text(a) != sql_text(&k.expr))) {
                    return Err(mismatch_with_distinct(name, &args[0], &k.expr));
                }
            }
            if args.len() == 1 {
                args.push(Expr::Literal(Value::Null));
            }
            args.extend(keys.into_iter().map(|k| Expr::Sort(Box::new(k))));
            Ok(function(args))
        }
        "mode" => {
            if !args.is_empty() {
                return Err(wrong_num_orderings(name, 0, keys.len()));
            }
            let key = one(name, keys)?;
            Ok(function(vec![Expr::Sort(Box::new(key))]))
        }
        "percentile_cont" | "percentile_disc" => {
            let key = one(name, keys)?;
            if args.len() != 1 {
                return Err(Error::analysis(
                    "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
                    format!("The `{name}` requires 1 parameters but the actual number is {}.", args.len()),
                ));
            }
            args.insert(0, Expr::Sort(Box::new(key)));
            Ok(function(args))
        }
        _ if crate::analysis::functions::lookup(name).is_some() => Err(Error::analysis(
            "INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX",
            format!("Invalid SQL syntax: The function `{name}` does not support WITHIN GROUP (ORDER BY ...)."),
        )),
        _ => Err(unsupported(&format!("{name}(...) WITHIN GROUP (ORDER BY ...)"))),
    }
}

/// `percentile_cont(p)` without WITHIN GROUP: Spark requires it.
pub(super) fn missing(name: &str) -> Option<Error> {
    matches!(name, "percentile_cont" | "percentile_disc").then(|| {
        Error::analysis(
            "INVALID_WITHIN_GROUP_EXPRESSION.WITHIN_GROUP_MISSING",
            format!("Invalid function `{name}` with WITHIN GROUP. WITHIN GROUP is required for the function."),
        )
    })
}

fn sort_key(o: sql::OrderByExpr) -> Result<SortKey> {
    if matches!(o.options.sort, Some(sql::OrderBySort::Using(_))) {
        return Err(unsupported("ORDER BY ... USING in WITHIN GROUP"));
    }
    let ascending = !matches!(o.options.sort, Some(sql::OrderBySort::Desc));
    // Spark: ASC puts NULLs first, DESC last, unless told.
    let nulls_first = o.options.nulls_first.unwrap_or(ascending);
    Ok(SortKey { expr: convert(o.expr)?, ascending, nulls_first })
}

fn one(name: &str, mut keys: Vec<SortKey>) -> Result<SortKey> {
    if keys.len() != 1 {
        return Err(wrong_num_orderings(name, 1, keys.len()));
    }
    Ok(keys.remove(0))
}

fn wrong_num_orderings(name: &str, expected: usize, actual: usize) -> Error {
    Error::analysis(
        "INVALID_WITHIN_GROUP_EXPRESSION.WRONG_NUM_ORDERINGS",
        format!("Invalid function `{name}` with WITHIN GROUP. The function requires {expected} orderings in WITHIN GROUP but got {actual}."),
    )
}

fn mismatch_with_distinct(name: &str, input: &Expr, key: &Expr) -> Error {
    Error::analysis(
        "INVALID_WITHIN_GROUP_EXPRESSION.MISMATCH_WITH_DISTINCT_INPUT",
        format!(
            "Invalid function `{name}` with WITHIN GROUP. The function is invoked with DISTINCT and WITHIN GROUP but expressions \"{}\" and \"{}\" do not match. The WITHIN GROUP ordering expression must be picked from the function inputs.",
            sql_text(input),
            sql_text(key)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_functions_require_within_group() {
        assert!(missing("percentile_cont").is_some());
        assert!(missing("percentile").is_none());
        let e = wrong_num_orderings("mode", 0, 1);
        assert_eq!(e.error_class.as_deref(), Some("INVALID_WITHIN_GROUP_EXPRESSION.WRONG_NUM_ORDERINGS"));
    }
}
