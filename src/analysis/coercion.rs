//! Implicit casts: wrapping an expression in the cast Spark's analyzer would add,
//! and Spark's rule for which argument types a function accepts and casts
//! (`ImplicitCastInputTypes`, under ANSI and legacy type coercion).

use super::typing::data_type;
use crate::ir::{CastKind, DataType, Expr, Value};

/// Wraps `e` in an implicit cast to `to` when its type differs. Numeric literals
/// are converted right away, so plans (and pushed-down predicates) stay plain.
pub fn coerce(e: Expr, to: &DataType) -> Expr {
    if data_type(&e) == *to {
        return e;
    }
    if let Expr::Literal(v) = &e {
        if let Some(folded) = widen_literal(v, to) {
            return Expr::Literal(folded);
        }
    }
    Expr::Cast { expr: Box::new(e), to: to.clone(), kind: CastKind::Implicit }
}

/// A numeric literal in a wider numeric type, when that is exact.
fn widen_literal(v: &Value, to: &DataType) -> Option<Value> {
    let as_i64 = match v {
        Value::Byte(x) => *x as i64,
        Value::Short(x) => *x as i64,
        Value::Integer(x) => *x as i64,
        Value::Long(x) => *x,
        _ => return None,
    };
    Some(match to {
        DataType::Long => Value::Long(as_i64),
        DataType::Integer => Value::Integer(i32::try_from(as_i64).ok()?),
        DataType::Double if as_i64.unsigned_abs() < (1u64 << 53) => Value::Double(as_i64 as f64),
        _ => return None,
    })
}

/// The type a function argument is expected to have (Spark's `AbstractDataType`).
#[derive(Debug, Clone, Copy)]
pub enum Expected {
    Any,
    /// Exactly this type.
    Type(&'static DataType),
    /// Any numeric type; a string is read as a DOUBLE.
    Numeric,
    /// A date; strings and timestamps are read as dates (Spark's date-part functions).
    DateLike,
    /// The first of these an argument is, or can be implicitly cast to.
    OneOf(&'static [Expected]),
    /// Any integral type (Spark's `IntegralType`); only NULL is cast (to INT).
    Integral,
    /// A STRING and nothing else (Spark's JSON functions); only NULL is cast.
    StringOnly,
    /// TIMESTAMP or TIMESTAMP_NTZ (Spark's `AnyTimestampType`): strings and dates are
    /// read as TIMESTAMPs.
    AnyTimestamp,
    /// Accepted and cast as the inner expectation, named in messages with Spark's own
    /// text (`sign` names the interval types PyRust's argument analysis does not model).
    Named(&'static Expected, &'static str),
}

impl Expected {
    /// Whether a value of type `t` is accepted as it is.
    pub fn accepts(self, t: &DataType) -> bool {
        match self {
            Expected::Any => true,
            Expected::Type(e) => e == t,
            Expected::Numeric => t.is_numeric(),
            Expected::DateLike => *t == DataType::Date,
            Expected::OneOf(list) => list.iter().any(|e| e.accepts(t)),
            Expected::Integral => t.is_integral(),
            Expected::StringOnly => *t == DataType::String,
            Expected::AnyTimestamp => matches!(t, DataType::Timestamp | DataType::TimestampNtz),
            Expected::Named(inner, _) => inner.accepts(t),
        }
    }

    /// How Spark names the expectation in `DATATYPE_MISMATCH` messages.
    pub fn sql(self) -> String {
        match self {
            Expected::Any => "\"ANY\"".into(),
            Expected::Type(t) => format!("\"{}\"", t.sql()),
            Expected::Numeric => "\"NUMERIC\"".into(),
            Expected::DateLike => "\"DATE\"".into(),
            Expected::OneOf(list) => {
                let names: Vec<String> = list.iter().map(|e| e.sql()).collect();
                format!("({})", names.join(" or "))
            }
            Expected::Integral => "\"INTEGRAL\"".into(),
            Expected::StringOnly => "\"STRING\"".into(),
            Expected::AnyTimestamp => "\"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)\"".into(),
            Expected::Named(_, text) => text.into(),
        }
    }

    /// The type an argument of type `from` is cast to, or None when Spark refuses it.
    pub fn implicit_cast(self, from: &DataType, ansi: bool) -> Option<DataType> {
        if self.accepts(from) {
            return Some(from.clone());
        }
        match self {
            Expected::Any => Some(from.clone()),
            Expected::Type(to) => implicit_cast_to(from, to, ansi),
            Expected::Numeric => match from {
                DataType::Null | DataType::String => Some(DataType::Double),
                _ => None,
            },
            Expected::DateLike => match from {
                DataType::Null | DataType::String | DataType::Timestamp | DataType::TimestampNtz => Some(DataType::Date),
                _ => None,
            },
            Expected::OneOf(list) => list.iter().find_map(|e| e.implicit_cast(from, ansi)),
            Expected::Integral => (*from == DataType::Null).then_some(DataType::Integer),
            Expected::StringOnly => (*from == DataType::Null).then_some(DataType::String),
            Expected::AnyTimestamp => match from {
                DataType::Null | DataType::String | DataType::Date => Some(DataType::Timestamp),
                _ => None,
            },
            Expected::Named(inner, _) => inner.implicit_cast(from, ansi),
        }
    }
}

/// Spark's implicit cast of a value of type `from` to the concrete type `to`.
fn implicit_cast_to(from: &DataType, to: &DataType, ansi: bool) -> Option<DataType> {
    use DataType::*;
    let allowed = match (from, to) {
        (Null, _) => true,
        (a, b) if a.is_numeric() && b.is_numeric() => true,
        // Any atomic value reads as a string.
        (a, String) => a.is_atomic(),
        // ANSI mode reads a string as any atomic type; legacy mode as numbers, datetimes and binary.
        (String, b) if ansi => b.is_atomic(),
        (String, b) => b.is_numeric() || b.is_datetime() || *b == Binary,
        (Date, Timestamp | TimestampNtz) | (Timestamp | TimestampNtz, Date) => true,
        (Timestamp, TimestampNtz) | (TimestampNtz, Timestamp) => true,
        _ => false,
    };
    allowed.then(|| to.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRING: &DataType = &DataType::String;
    const INT: &DataType = &DataType::Integer;

    #[test]
    fn strings_read_as_numbers_and_numbers_as_strings() {
        assert_eq!(Expected::Numeric.implicit_cast(&DataType::String, true), Some(DataType::Double));
        assert_eq!(Expected::Type(STRING).implicit_cast(&DataType::Integer, true), Some(DataType::String));
        assert_eq!(Expected::Type(INT).implicit_cast(&DataType::Long, true), Some(DataType::Integer));
        assert_eq!(Expected::Numeric.implicit_cast(&DataType::Boolean, true), None);
        let array = DataType::Array(Box::new(DataType::Integer), true);
        assert_eq!(Expected::Type(STRING).implicit_cast(&array, false), None);
    }

    #[test]
    fn one_of_takes_the_first_that_fits() {
        const STRING_OR_BINARY: Expected = Expected::OneOf(&[Expected::Type(STRING), Expected::Type(&DataType::Binary)]);
        assert_eq!(STRING_OR_BINARY.implicit_cast(&DataType::Binary, true), Some(DataType::Binary));
        assert_eq!(STRING_OR_BINARY.implicit_cast(&DataType::Integer, true), Some(DataType::String));
        assert_eq!(STRING_OR_BINARY.sql(), "(\"STRING\" or \"BINARY\")");
    }

    #[test]
    fn a_named_expectation_casts_as_its_inner_one() {
        const TEXT_NAMED: Expected = Expected::Named(&Expected::Type(STRING), "\"TEXT\"");
        assert_eq!(TEXT_NAMED.implicit_cast(&DataType::Integer, true), Some(DataType::String));
        assert_eq!(TEXT_NAMED.sql(), "\"TEXT\"");
    }

    #[test]
    fn integer_literals_widen_without_a_cast() {
        assert_eq!(coerce(Expr::Literal(Value::Integer(3)), &DataType::Long), Expr::Literal(Value::Long(3)));
        assert!(matches!(coerce(Expr::Literal(Value::Long(1 << 40)), &DataType::Integer), Expr::Cast { .. }));
    }
}
