//! Spark errors raised while the engine runs a plan. Our checks inside Polars
//! expressions (ANSI overflow, division by zero, invalid casts) fail with a tagged
//! message; the tag carries the error class back through Polars' error type.

use crate::error::{Error, ErrorKind};
use crate::ir::Origin;
use polars::prelude::{polars_err, PolarsError};
use std::cell::{Cell, RefCell};

const TAG: &str = "\u{1}pyrust:";

fn kind_code(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Arithmetic => "arith",
        ErrorKind::NumberFormat => "numfmt",
        ErrorKind::DateTime => "datetime",
        ErrorKind::ArrayIndexOutOfBounds => "index",
        ErrorKind::Analysis => "analysis",
        ErrorKind::IllegalArgument => "illegal",
        ErrorKind::Upgrade => "upgrade",
        ErrorKind::Python => "python",
        _ => "runtime",
    }
}

/// `DIVIDE_BY_ZERO`'s text.
pub fn divide_by_zero_message() -> String {
    "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22012".to_string()
}

/// `ARITHMETIC_OVERFLOW`'s text for a type (`INT`, `BIGINT`, `long`) when adding.
pub fn overflow_message(type_name: &str) -> String {
    overflow_message_with(type_name, "try_add")
}

/// `ARITHMETIC_OVERFLOW`'s text as Spark's `MathUtils.withOverflow` words it: Java's own
/// message for the type (`integer overflow`, `long overflow`) and the `try_*` function
/// that avoids the error (`""`: none, as for negation and `abs`).
pub fn overflow_message_with(type_name: &str, try_function: &str) -> String {
    let word = match type_name {
        "INT" | "integer" => "integer",
        "BIGINT" | "long" => "long",
        "SMALLINT" | "short" => "short",
        "TINYINT" | "byte" => "byte",
        other => other,
    };
    arithmetic_overflow_message(&format!("{word} overflow"), try_function)
}

/// `ARITHMETIC_OVERFLOW`'s text for a message of Spark's own (`Overflow in function conv()`).
pub fn arithmetic_overflow_message(message: &str, try_function: &str) -> String {
    let alternative = if try_function.is_empty() {
        String::new()
    } else {
        format!(" Use '{try_function}' to tolerate overflow and return NULL instead.")
    };
    format!("{message}.{alternative} If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003")
}

/// The `try_*` function Spark names when `op` overflows.
pub fn try_function_of(op: crate::ir::BinaryOp) -> &'static str {
    use crate::ir::BinaryOp;
    match op {
        BinaryOp::Subtract => "try_subtract",
        BinaryOp::Multiply => "try_multiply",
        BinaryOp::Divide => "try_divide",
        _ => "try_add",
    }
}

/// `NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION`'s text for a decimal result.
pub fn decimal_overflow_message(precision: u8, scale: u8) -> String {
    format!("The value cannot be represented as Decimal({precision}, {scale}). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead. SQLSTATE: 22003")
}

/// `NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION`'s text naming the value (its plain
/// decimal text), as Spark's `changePrecision` failures show it.
pub fn decimal_value_overflow_message(value: &str, precision: u8, scale: u8) -> String {
    format!(" {value} cannot be represented as Decimal({precision}, {scale}). If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead. SQLSTATE: 22003")
}

/// `CAST_INVALID_INPUT`'s text for a quoted value.
pub fn malformed_cast_message(value: &str, from_sql: &str, to_sql: &str) -> String {
    format!("The value {value} of the type \"{from_sql}\" cannot be cast to \"{to_sql}\" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018")
}

/// `CAST_OVERFLOW`'s text for a quoted value.
pub fn cast_overflow_message(value: &str, from_sql: &str, to_sql: &str) -> String {
    format!("The value {value} of the type \"{from_sql}\" cannot be cast to \"{to_sql}\" due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. SQLSTATE: 22003")
}

/// A Polars error that carries a Spark error through execution.
pub fn runtime_error(kind: ErrorKind, error_class: &str, message: &str) -> PolarsError {
    polars_err!(ComputeError: "{TAG}{}|{}|{}\u{1}", kind_code(kind), error_class, message)
}

/// Separates the origin's parts after the message in the tag.
const ORIGIN_MARK: char = '\u{2}';

/// Marks a DataFrame API origin in the tag, where an SQL origin has its start.
const DATAFRAME_MARK: &str = "df";

/// `runtime_error` of the expression with `origin` (read from SQL text, or built by a
/// DataFrame API call): the error carries it back as its query context. Spark raises
/// `CAST_OVERFLOW` without one (`castingCauseOverflowError`), wherever the cast stands.
pub fn runtime_error_at(kind: ErrorKind, error_class: &str, message: &str, origin: Option<&Origin>) -> PolarsError {
    // A bare Java exception (no error class, "long overflow") has no context either.
    let origin = origin.filter(|_| error_class != "CAST_OVERFLOW" && !error_class.is_empty());
    let m = ORIGIN_MARK;
    let clean = |t: &str| t.replace(['\u{1}', m], " ");
    match origin {
        Some(Origin::Sql { text, start, stop }) => {
            polars_err!(ComputeError: "{TAG}{}|{}|{}{m}{}{m}{}{m}{}\u{1}", kind_code(kind), error_class, message, start, stop, clean(text))
        }
        Some(Origin::DataFrame { fragment, call_site }) => {
            polars_err!(ComputeError: "{TAG}{}|{}|{}{m}{DATAFRAME_MARK}{m}{}{m}{}\u{1}", kind_code(kind), error_class, message, clean(fragment), clean(call_site))
        }
        Some(Origin::SqlText { .. }) | None => runtime_error(kind, error_class, message),
    }
}

thread_local! {
    /// The origin of the expression being lowered, which the checks built meanwhile put
    /// on their errors.
    static LOWERING_ORIGIN: RefCell<Option<Origin>> = const { RefCell::new(None) };
    /// Whether `LOWERING_ORIGIN` is still to be taken by the node it was written on
    /// (the first node under `Expr::WithOrigin`).
    static ORIGIN_PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `lower` (the lowering of the expression with `origin`) with `origin` as the
/// one row checks report, and puts it on an error raised while lowering (a constant
/// folded).
pub fn lowering_at<T>(origin: &Origin, lower: impl FnOnce() -> crate::error::Result<T>) -> crate::error::Result<T> {
    let previous = LOWERING_ORIGIN.with(|o| o.replace(Some(origin.clone())));
    let pending = ORIGIN_PENDING.with(|p| p.replace(true));
    let out = lower();
    LOWERING_ORIGIN.with(|o| o.replace(previous));
    ORIGIN_PENDING.with(|p| p.set(pending));
    out.map_err(|e| e.with_origin(origin))
}

/// Runs `lower`, the lowering of a node without an origin of its own. As in Spark, an
/// origin is its node's alone: the node right under it takes it, and so do the casts
/// analysis put between that node and its operands (an implicit cast, `implicit_cast`:
/// Spark's rules build them under the operator's origin); any other node below has none,
/// so `abs(a) + 1` does not give `abs`'s overflow the context of `+`.
pub fn lowering_node<T>(implicit_cast: bool, lower: impl FnOnce() -> T) -> T {
    let pending = ORIGIN_PENDING.with(|p| p.replace(false));
    if pending || implicit_cast {
        let out = lower();
        ORIGIN_PENDING.with(|p| p.set(pending));
        return out;
    }
    let previous = LOWERING_ORIGIN.with(|o| o.replace(None));
    let out = lower();
    LOWERING_ORIGIN.with(|o| o.replace(previous));
    out
}

/// The origin row checks built now report (see `lowering_at`).
pub fn lowering_origin() -> Option<Origin> {
    LOWERING_ORIGIN.with(|o| o.borrow().clone())
}

/// Recovers a Spark error from the text of a Polars error, if it carries one.
pub fn decode_runtime_error(text: &str) -> Option<Error> {
    let start = text.find(TAG)? + TAG.len();
    let body = &text[start..];
    let body = &body[..body.find('\u{1}').unwrap_or(body.len())];
    let mut parts = body.splitn(3, '|');
    let kind = match parts.next()? {
        "arith" => ErrorKind::Arithmetic,
        "numfmt" => ErrorKind::NumberFormat,
        "datetime" => ErrorKind::DateTime,
        "index" => ErrorKind::ArrayIndexOutOfBounds,
        "analysis" => ErrorKind::Analysis,
        "illegal" => ErrorKind::IllegalArgument,
        "upgrade" => ErrorKind::Upgrade,
        "python" => ErrorKind::Python,
        _ => ErrorKind::Runtime,
    };
    let class = parts.next()?;
    let rest = parts.next().unwrap_or("");
    let (message, origin) = match rest.split_once(ORIGIN_MARK) {
        Some((message, origin)) => (message, Some(origin)),
        None => (rest, None),
    };
    let error = if class.is_empty() {
        // An error without a Spark error class (a plain JVM exception).
        Error::plain(kind, message)
    } else {
        Error::new(kind, class, message)
    };
    let Some(origin) = origin else { return Some(error) };
    let mut origin = origin.splitn(3, ORIGIN_MARK);
    let (first, second, third) = (origin.next()?, origin.next()?, origin.next()?);
    if first == DATAFRAME_MARK {
        return Some(error.with_dataframe_context(second, third));
    }
    Some(error.with_query_context(third, first.parse().ok()?, second.parse().ok()?))
}

/// Errors raised while Polars runs a plan. Spark-semantic failures (ANSI overflow,
/// invalid casts, division by zero) are raised by our own checks inside the plan with
/// a tagged message; everything else is an internal error that names its origin.
impl From<polars::prelude::PolarsError> for Error {
    fn from(e: polars::prelude::PolarsError) -> Self {
        let text = e.to_string();
        if let Some(err) = decode_runtime_error(&text) {
            return err;
        }
        Error::internal(format!("Polars execution failed: {text}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_survives_wrapping() {
        let e = runtime_error(ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", "Division by zero.");
        let wrapped = format!("context: {e}");
        let back = decode_runtime_error(&wrapped).unwrap();
        assert_eq!(back.kind, ErrorKind::Arithmetic);
        assert_eq!(back.error_class.as_deref(), Some("DIVIDE_BY_ZERO"));
        assert_eq!(back.message, "Division by zero.");
    }

    #[test]
    fn an_origin_comes_back_as_the_query_context() {
        let origin = Origin::sql(std::sync::Arc::from("SELECT a | b, 1/0"), 14, 16);
        let e = runtime_error_at(ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", "Division by zero.", Some(&origin));
        let back = decode_runtime_error(&format!("context: {e}")).unwrap();
        assert_eq!(back.message, "Division by zero.");
        let context: Vec<(&str, &str)> = back.params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(context, [("__sqlText", "SELECT a | b, 1/0"), ("__start", "14"), ("__stop", "16")]);
    }

    #[test]
    fn a_dataframe_origin_comes_back_as_its_call() {
        let origin = Origin::dataframe("__truediv__", "/jobs/a|b.py:7");
        let e = runtime_error_at(ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", "Division by zero.", Some(&origin));
        let back = decode_runtime_error(&format!("context: {e}")).unwrap();
        let context: Vec<(&str, &str)> = back.params.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(context, [("__fragment", "__truediv__"), ("__callSite", "/jobs/a|b.py:7")]);
    }

    #[test]
    fn an_origin_is_its_nodes_and_its_implicit_casts() {
        let origin = Origin::dataframe("__add__", "job.py:1");
        let seen = |implicit: bool| lowering_at(&origin, || Ok(lowering_node(false, || lowering_node(implicit, lowering_origin).is_some())));
        // The `+` takes it, an implicit cast of its operand too, not an `abs` under it.
        assert!(seen(true).unwrap());
        assert!(!seen(false).unwrap());
        let own = lowering_at(&origin, || Ok(lowering_node(false, || (lowering_node(false, || ()), lowering_origin().is_some()).1)));
        assert!(own.unwrap(), "the node's own checks, built after its operands, keep it");
    }

    #[test]
    fn checks_built_while_lowering_an_expression_report_its_origin() {
        let origin = Origin::sql(std::sync::Arc::from("id / 0"), 0, 5);
        let seen = lowering_at(&origin, || Ok(lowering_origin()));
        assert_eq!(seen.unwrap().map(|o| o.fragment()), Some("id / 0".to_string()));
        assert!(lowering_origin().is_none());
        let failed: crate::error::Result<()> = lowering_at(&origin, || Err(Error::new(ErrorKind::Arithmetic, "DIVIDE_BY_ZERO", "x")));
        assert!(failed.unwrap_err().has_query_context());
    }
}
