//! Spark errors raised while the engine runs a plan. Our checks inside Polars
//! expressions (ANSI overflow, division by zero, invalid casts) fail with a tagged
//! message; the tag carries the error class back through Polars' error type.

use crate::error::{Error, ErrorKind};
use polars::prelude::{polars_err, PolarsError};

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

/// `CAST_OVERFLOW`'s text for a quoted value.
pub fn cast_overflow_message(value: &str, from_sql: &str, to_sql: &str) -> String {
    format!("The value {value} of the type \"{from_sql}\" cannot be cast to \"{to_sql}\" due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. SQLSTATE: 22003")
}

/// A Polars error that carries a Spark error through execution.
pub fn runtime_error(kind: ErrorKind, error_class: &str, message: &str) -> PolarsError {
    polars_err!(ComputeError: "{TAG}{}|{}|{}\u{1}", kind_code(kind), error_class, message)
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
        _ => ErrorKind::Runtime,
    };
    let class = parts.next()?;
    let message = parts.next().unwrap_or("");
    if class.is_empty() {
        // An error without a Spark error class (a plain JVM exception).
        return Some(Error::plain(kind, message));
    }
    Some(Error::new(kind, class, message))
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
}
