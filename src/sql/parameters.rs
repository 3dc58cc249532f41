//! `spark.sql(text, args)`: named (`:name`) and positional (`?`) parameters bound to
//! the argument columns as Spark's `BindParameters` does. The arguments are set for
//! the translation of one statement (`with_parameters`); each placeholder becomes its
//! argument's expression, so the column it gives is named as that literal (`1`,
//! `DATE '2020-01-02'`). A placeholder with no argument is `UNBOUND_SQL_PARAMETER`,
//! named `x` for `:x` and `_<offset>` for a `?` at that character offset, as Spark
//! names them; an argument that is not a literal or a collection constructor is
//! `INVALID_SQL_ARG`.

use crate::error::{Error, Result};
use crate::ir::Expr;
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Parameters {
    pub named: BTreeMap<String, Expr>,
    pub positional: Vec<Expr>,
}

thread_local! {
    static BOUND: RefCell<Option<Parameters>> = const { RefCell::new(None) };
}

/// Runs `f` (one statement's translation) with the arguments bound.
pub fn with_parameters<T>(params: Parameters, f: impl FnOnce() -> Result<T>) -> Result<T> {
    for (name, e) in &params.named {
        check_argument(name, e)?;
    }
    for (i, e) in params.positional.iter().enumerate() {
        check_argument(&format!("_{i}"), e)?;
    }
    let previous = BOUND.with(|b| b.replace(Some(params)));
    let out = f();
    BOUND.with(|b| b.replace(previous));
    out
}

/// Marks the `index`-th positional placeholder, at `offset` in the text, so the
/// translation can find its argument: sqlparser reads every `?` alike.
pub(super) fn positional_marker(index: usize, offset: usize) -> String {
    format!("?{index}@{offset}")
}

/// The argument of a placeholder as sqlparser read it (`:name`, or a marked `?`).
pub(super) fn bind(placeholder: &str) -> Result<Expr> {
    let bound = BOUND.with(|b| {
        let b = b.borrow();
        let params = b.as_ref()?;
        if let Some(name) = placeholder.strip_prefix(':') {
            return params.named.get(name).cloned();
        }
        let index: usize = placeholder.strip_prefix('?')?.split('@').next()?.parse().ok()?;
        params.positional.get(index).cloned()
    });
    // A column reference as argument binds nothing (Spark keeps only resolved arguments).
    match bound {
        Some(e) if !matches!(e.without_origin(), Expr::Unresolved { .. }) => Ok(e),
        _ => Err(unbound(placeholder)),
    }
}

fn unbound(placeholder: &str) -> Error {
    let name = match placeholder.strip_prefix(':') {
        Some(name) => name.to_string(),
        None => format!("_{}", placeholder.split('@').nth(1).unwrap_or("0")),
    };
    Error::analysis(
        "UNBOUND_SQL_PARAMETER",
        format!(
            "Found the unbound parameter: {name}. Please, fix `args` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as `map()`, `array()`, `struct()`."
        ),
    )
    .with_param("name", name)
}

/// Spark accepts literals and collections built of them (`array`, `map`, `struct`...).
fn check_argument(name: &str, e: &Expr) -> Result<()> {
    if allowed(e) || matches!(e.without_origin(), Expr::Unresolved { .. }) {
        return Ok(());
    }
    Err(Error::analysis(
        "INVALID_SQL_ARG",
        format!("The argument {name} of `sql()` is invalid. Consider to replace it either by a SQL literal or by collection constructor functions such as `map()`, `array()`, `struct()`."),
    )
    .with_param("name", name))
}

const CONSTRUCTORS: [&str; 6] = ["array", "map", "struct", "named_struct", "map_from_arrays", "map_from_entries"];

fn allowed(e: &Expr) -> bool {
    match e {
        Expr::Literal(_) => true,
        Expr::Function { name, args, .. } => CONSTRUCTORS.contains(&name.to_ascii_lowercase().as_str()) && args.iter().all(element),
        Expr::Call(c) => CONSTRUCTORS.contains(&c.name.as_str()) && c.args.iter().all(element),
        _ => false,
    }
}

/// An element of a constructor may be named (`struct(lit(1).alias("x"))`).
fn element(e: &Expr) -> bool {
    allowed(e.unalias())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Value;

    #[test]
    fn named_and_positional_placeholders_find_their_arguments() {
        let params = Parameters {
            named: [("x".to_string(), Expr::lit(Value::Integer(1)))].into(),
            positional: vec![Expr::lit(Value::Long(7))],
        };
        with_parameters(params, || {
            assert_eq!(bind(":x")?, Expr::lit(Value::Integer(1)));
            assert_eq!(bind(&positional_marker(0, 7))?, Expr::lit(Value::Long(7)));
            let e = bind(&positional_marker(1, 10)).unwrap_err();
            assert!(e.to_string().contains("unbound parameter: _10"), "{e}");
            Ok(())
        })
        .unwrap();
        assert!(bind(":x").is_err(), "arguments are bound for one statement only");
    }

    #[test]
    fn computed_arguments_are_invalid() {
        let sum = Expr::binary(crate::ir::BinaryOp::Add, Expr::lit(Value::Integer(1)), Expr::lit(Value::Integer(1)));
        let params = Parameters { named: [("x".to_string(), sum)].into(), positional: vec![] };
        let e = with_parameters(params, || Ok(())).unwrap_err();
        assert!(e.to_string().contains("INVALID_SQL_ARG") || e.to_string().contains("argument x"), "{e}");
    }
}
