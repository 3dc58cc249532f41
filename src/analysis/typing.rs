//! Spark's typing rules: the type and nullability of a resolved expression, the
//! common type two operands are coerced to, and which casts exist.

use crate::error::{Error, Result};
use crate::ir::{BinaryOp, CaseForm, DataType, Expr, StructField, Value};

fn numeric_rank(t: &DataType) -> Option<u8> {
    Some(match t {
        DataType::Byte => 1,
        DataType::Short => 2,
        DataType::Integer => 3,
        DataType::Long => 4,
        DataType::Float => 6,
        DataType::Double => 7,
        _ => return None,
    })
}

/// The decimal type an integral type widens to.
fn integral_as_decimal(t: &DataType) -> Option<(u8, u8)> {
    Some(match t {
        DataType::Byte => (3, 0),
        DataType::Short => (5, 0),
        DataType::Integer => (10, 0),
        DataType::Long => (20, 0),
        DataType::Decimal(p, s) => (*p, *s),
        _ => return None,
    })
}

/// Spark's `widerDecimalType`: both sides' integral digits and scale; past 38 digits
/// (since Spark 4.0, SPARK-45905's `boundedPreferIntegralDigits`) the integral digits
/// are kept and the scale gives way, `DECIMAL(38,6)` and `DECIMAL(38,18)` meeting as
/// `DECIMAL(38,6)`.
fn wider_decimal(a: (u8, u8), b: (u8, u8)) -> DataType {
    let scale = a.1.max(b.1);
    let int_digits = (a.0 - a.1).max(b.0 - b.1);
    let precision = int_digits + scale;
    match precision.checked_sub(38) {
        Some(excess) if excess > 0 => DataType::Decimal(38, scale.saturating_sub(excess)),
        _ => DataType::Decimal(precision, scale),
    }
}

/// The type both sides of a comparison or arithmetic operation are cast to, or
/// None when Spark has no implicit coercion between them. `ansi` selects Spark's ANSI
/// type coercion (an integer meeting a FLOAT widens to DOUBLE) over the legacy one.
pub fn common_type(a: &DataType, b: &DataType, ansi: bool) -> Option<DataType> {
    use DataType::*;
    if a == b {
        return Some(a.clone());
    }
    match (a, b) {
        (Null, other) | (other, Null) => Some(other.clone()),
        (Decimal(..), Float | Double) | (Float | Double, Decimal(..)) => Some(Double),
        // A string beside a decimal is read as a DOUBLE (both modes).
        (String, Decimal(..)) | (Decimal(..), String) => Some(Double),
        (Decimal(..), _) | (_, Decimal(..)) => {
            Some(wider_decimal(integral_as_decimal(a)?, integral_as_decimal(b)?))
        }
        // ANSI promotes a string to bigint against integers and to double otherwise.
        (String, t) | (t, String) if t.is_integral() => Some(Long),
        (String, t) | (t, String) if t.is_numeric() => Some(Double),
        (String, Date) | (Date, String) => Some(Date),
        (String, Timestamp) | (Timestamp, String) | (Date, Timestamp) | (Timestamp, Date) => Some(Timestamp),
        (String, Boolean) | (Boolean, String) => Some(Boolean),
        (String, Binary) | (Binary, String) => Some(Binary),
        (Array(..), Array(..)) | (Map(..), Map(..)) | (Struct(_), Struct(_)) => complex_common_type(a, b, &|x, y| common_type(x, y, ansi)),
        (DayTimeInterval(..), DayTimeInterval(..)) | (YearMonthInterval(..), YearMonthInterval(..)) => wider_interval(a, b),
        _ => {
            let (ra, rb) = (numeric_rank(a)?, numeric_rank(b)?);
            let wider = if ra >= rb { a.clone() } else { b.clone() };
            // ANSI: an integer with a FLOAT is a DOUBLE (a FLOAT cannot hold every INT).
            Some(if ansi && wider == Float { Double } else { wider })
        }
    }
}

/// The number a STRING operand of arithmetic is read as beside an operand of type
/// `other` (Spark's PromoteStrings): under ANSI a BIGINT beside integers (and NULL),
/// a DOUBLE beside fractional numbers; with ANSI off always a DOUBLE.
pub fn string_operand_type(other: &DataType, ansi: bool) -> DataType {
    match other {
        t if ansi && (t.is_integral() || *t == DataType::Null) => DataType::Long,
        _ => DataType::Double,
    }
}

/// Two day-time (or two year-month) interval types of different fields: the one from
/// the first start field to the last end field (Spark's `findTightestCommonType`:
/// INTERVAL DAY with INTERVAL HOUR TO SECOND is INTERVAL DAY TO SECOND).
fn wider_interval(a: &DataType, b: &DataType) -> Option<DataType> {
    use DataType::*;
    match (a, b) {
        (DayTimeInterval(s1, e1), DayTimeInterval(s2, e2)) => Some(DayTimeInterval(*s1.min(s2), *e1.max(e2))),
        (YearMonthInterval(s1, e1), YearMonthInterval(s2, e2)) => Some(YearMonthInterval(*s1.min(s2), *e1.max(e2))),
        _ => None,
    }
}

/// Spark's `DataType.equalsStructurally` ignoring nullability: the same types, struct
/// field names aside.
pub fn equals_structurally(a: &DataType, b: &DataType) -> bool {
    use DataType::*;
    match (a, b) {
        (Array(x, _), Array(y, _)) => equals_structurally(x, y),
        (Map(ka, va, _), Map(kb, vb, _)) => equals_structurally(ka, kb) && equals_structurally(va, vb),
        (Struct(fa), Struct(fb)) => fa.len() == fb.len() && fa.iter().zip(fb).all(|(x, y)| equals_structurally(&x.data_type, &y.data_type)),
        _ => a == b,
    }
}

/// Two arrays, two maps or two structs widened part by part with `each`: elements,
/// keys and values, or fields (Spark's `findTypeForComplex`: as many fields, names equal
/// ignoring case, the first's kept, each nullable when either is). None otherwise.
fn complex_common_type(a: &DataType, b: &DataType, each: &dyn Fn(&DataType, &DataType) -> Option<DataType>) -> Option<DataType> {
    use DataType::*;
    match (a, b) {
        (Array(x, nx), Array(y, ny)) => Some(Array(Box::new(each(x, y)?), *nx || *ny)),
        (Map(ka, va, na), Map(kb, vb, nb)) => Some(Map(Box::new(each(ka, kb)?), Box::new(each(va, vb)?), *na || *nb)),
        (Struct(fa), Struct(fb)) if fa.len() == fb.len() => fa
            .iter()
            .zip(fb)
            .map(|(x, y)| {
                let t = if x.name.eq_ignore_ascii_case(&y.name) { each(&x.data_type, &y.data_type) } else { None };
                t.map(|t| StructField::new(x.name.clone(), t, x.nullable || y.nullable))
            })
            .collect::<Option<Vec<_>>>()
            .map(Struct),
        _ => None,
    }
}

/// Spark's `Cast.canUpCast` between numbers: to a decimal that holds every value, from
/// a decimal an integer or decimal holds, or up the precedence BYTE < SHORT < INT <
/// BIGINT < FLOAT < DOUBLE — which Spark counts as an up-cast though an INT or BIGINT
/// may round in a FLOAT (SimplifyCasts relies on it: `CAST(CAST(i AS FLOAT) AS DOUBLE)`
/// is `CAST(i AS DOUBLE)`).
pub fn numeric_up_cast(from: &DataType, to: &DataType) -> bool {
    use DataType::*;
    let rank = |t: &DataType| [Byte, Short, Integer, Long, Float, Double].iter().position(|x| x == t);
    if from == to {
        return true;
    }
    match (from, to) {
        (_, Decimal(p, s)) => integral_as_decimal(from).is_some_and(|(fp, fs)| fp - fs <= p - s && fs <= *s),
        (Decimal(p, s), _) => integral_as_decimal(to).is_some_and(|(tp, ts)| p - s <= tp - ts && s <= &ts),
        _ => matches!((rank(from), rank(to)), (Some(f), Some(t)) if f < t),
    }
}

/// Spark's `findTightestCommonType`: no string promotion, a decimal only with an
/// integral type it holds (two different decimals have none), numbers widened by
/// precedence, a DATE with a TIMESTAMP a TIMESTAMP, complex types field by field.
/// An integer meeting a FLOAT is a FLOAT there (`array_union`'s element types), a
/// DOUBLE where `integral_float_as_double` (transpose's).
pub fn tightest_common_type(a: &DataType, b: &DataType, integral_float_as_double: bool) -> Option<DataType> {
    use DataType::*;
    if a == b {
        return Some(a.clone());
    }
    let integral_digits = |t: &DataType| match t {
        Byte => Some(3),
        Short => Some(5),
        Integer => Some(10),
        Long => Some(20),
        _ => None,
    };
    let precedence = |t: &DataType| [Byte, Short, Integer, Long, Float, Double].iter().position(|x| x == t);
    let tightest = |x: &DataType, y: &DataType| tightest_common_type(x, y, integral_float_as_double);
    match (a, b) {
        (Null, t) | (t, Null) => Some(t.clone()),
        (Decimal(p, s), t) | (t, Decimal(p, s)) if integral_digits(t).is_some_and(|d| p - s >= d) => Some(Decimal(*p, *s)),
        // `findWiderDateTimeType` (the types differ here).
        (Date | TimestampNtz, Date | TimestampNtz) => Some(TimestampNtz),
        (Date | Timestamp | TimestampNtz, Date | Timestamp | TimestampNtz) => Some(Timestamp),
        (Array(..), Array(..)) | (Map(..), Map(..)) | (Struct(_), Struct(_)) => complex_common_type(a, b, &tightest),
        (DayTimeInterval(..), DayTimeInterval(..)) | (YearMonthInterval(..), YearMonthInterval(..)) => wider_interval(a, b),
        _ => {
            let wider = if precedence(a)? >= precedence(b)? { a.clone() } else { b.clone() };
            Some(if wider == Float && integral_float_as_double { Double } else { wider })
        }
    }
}

/// Spark's `findWiderCommonType`: the type `coalesce`, CASE WHEN and `nvl2` cast their
/// values to. Under ANSI it is `common_type`'s. Legacy mode promotes a STRING meeting a
/// number, DATE or TIMESTAMP to STRING (and refuses one meeting a BOOLEAN or BINARY),
/// also inside arrays, maps and structs, and takes the types holding a string first,
/// so that `coalesce(DATE, INT, STRING)` is a STRING.
pub fn wider_common_type(types: &[DataType], ansi: bool) -> Option<DataType> {
    if ansi {
        return types.iter().try_fold(DataType::Null, |acc, t| common_type(&acc, t, true));
    }
    let (strings, others): (Vec<&DataType>, Vec<&DataType>) = types.iter().partition(|t| holds_string(t));
    strings.into_iter().chain(others).try_fold(DataType::Null, |acc, t| legacy_wider_type(&acc, t))
}

/// Spark's `hasStringType`: a STRING, or an array of them at any depth.
fn holds_string(t: &DataType) -> bool {
    match t {
        DataType::String => true,
        DataType::Array(e, _) => holds_string(e),
        _ => false,
    }
}

/// Spark's legacy `findWiderTypeForTwo` where it differs from `common_type`: its
/// `stringPromotion`, recursively.
fn legacy_wider_type(a: &DataType, b: &DataType) -> Option<DataType> {
    use DataType::*;
    let promoted = |t: &DataType| t.is_numeric() || matches!(t, Date | Timestamp | TimestampNtz);
    match (a, b) {
        (String, Boolean | Binary) | (Boolean | Binary, String) => None,
        (String, t) | (t, String) if promoted(t) => Some(String),
        (Array(..), Array(..)) | (Map(..), Map(..)) | (Struct(_), Struct(_)) => complex_common_type(a, b, &legacy_wider_type),
        _ => common_type(a, b, false),
    }
}

/// `string` for types that Spark implicitly casts to string in string functions.
pub fn string_like(t: &DataType) -> Option<DataType> {
    match t {
        DataType::String => None,
        _ => Some(DataType::String),
    }
}

pub fn numeric_check(called_as: &str, t: &DataType) -> Result<()> {
    if t.is_numeric() || *t == DataType::Null {
        Ok(())
    } else {
        Err(Error::analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
            format!("Cannot resolve \"{called_as}\" due to data type mismatch: the input requires the \"NUMERIC\" type, however it has the type \"{}\".", t.sql()),
        ))
    }
}

/// Spark's `DecimalPrecision` result type of `(p1,s1) op (p2,s2)`, with the
/// precision-loss adjustment applied above 38 digits.
pub fn decimal_arithmetic(op: BinaryOp, (p1, s1): (u8, u8), (p2, s2): (u8, u8)) -> DataType {
    let (p1, s1, p2, s2) = (p1 as i32, s1 as i32, p2 as i32, s2 as i32);
    let (p, s) = match op {
        BinaryOp::Add | BinaryOp::Subtract => {
            let s = s1.max(s2);
            ((p1 - s1).max(p2 - s2) + s + 1, s)
        }
        BinaryOp::Multiply => (p1 + p2 + 1, s1 + s2),
        BinaryOp::Divide => {
            let s = 6.max(s1 + p2 + 1);
            (p1 - s1 + s2 + s, s)
        }
        BinaryOp::Modulo => {
            let s = s1.max(s2);
            ((p1 - s1).min(p2 - s2) + s, s)
        }
        _ => return DataType::Long,
    };
    if p <= 38 {
        return DataType::Decimal(p as u8, s as u8);
    }
    let int_digits = p - s;
    let min_scale = s.min(6);
    let s = (38 - int_digits).max(min_scale);
    DataType::Decimal(38, s as u8)
}

/// The decimal type an integral operand takes in decimal arithmetic.
pub fn integral_decimal(t: &DataType) -> Option<DataType> {
    integral_as_decimal(t).map(|(p, s)| DataType::Decimal(p, s))
}

/// The type of an arithmetic result, given operands already cast to a common type.
pub fn arithmetic_type(op: BinaryOp, operand: &DataType) -> DataType {
    match op {
        BinaryOp::Divide => match operand {
            DataType::Decimal(p, s) => {
                // Spark: precision p1-s1+s2+max(6, s1+p2+1), scale max(6, s1+p2+1), capped at 38.
                let scale = 6u8.max(s + p + 1);
                let precision = p - s + s + scale;
                if precision > 38 {
                    let int_digits = precision - scale;
                    let min_scale = scale.min(6);
                    let scale = (38u8.saturating_sub(int_digits)).max(min_scale);
                    DataType::Decimal(38, scale)
                } else {
                    DataType::Decimal(precision, scale)
                }
            }
            _ => DataType::Double,
        },
        BinaryOp::IntegralDivide => DataType::Long,
        _ => operand.clone(),
    }
}

/// Why Spark refuses to cast `from` to `to` (an error class), or None when it can.
/// ANSI mode refuses a few casts legacy mode allows (dates as numbers, timestamps
/// as booleans).
pub fn cast_refusal(from: &DataType, to: &DataType, ansi: bool) -> Option<&'static str> {
    use DataType::*;
    if from == to || *from == Null {
        return None;
    }
    const FUNC: &str = "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION";
    const CONF: &str = "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION";
    const NO: &str = "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION";
    let ansi_only = |class| if ansi { Some(class) } else { None };
    match (from, to) {
        (_, String) => None,
        (String, Array(..) | Map(..) | Struct(..)) => Some(NO),
        (String, _) => None,
        (Date, Boolean) | (Timestamp, Boolean) | (Boolean, Timestamp) => ansi_only(CONF),
        (Date, t) if t.is_numeric() => ansi_only(FUNC),
        (t, Date) if t.is_numeric() => Some(if ansi { FUNC } else { NO }),
        (Boolean, t) | (t, Boolean) if t.is_numeric() => None,
        (a, b) if a.is_numeric() && b.is_numeric() => None,
        (Date, Timestamp | TimestampNtz) | (Timestamp | TimestampNtz, Date) => None,
        (Timestamp, TimestampNtz) | (TimestampNtz, Timestamp) => None,
        (Timestamp, t) | (t, Timestamp) if t.is_numeric() => None,
        (Array(a, _), Array(b, _)) => cast_refusal(a, b, ansi),
        (Map(ka, va, _), Map(kb, vb, _)) => cast_refusal(ka, kb, ansi).or_else(|| cast_refusal(va, vb, ansi)),
        (Struct(a), Struct(b)) if a.len() == b.len() => a.iter().zip(b).find_map(|(x, y)| cast_refusal(&x.data_type, &y.data_type, ansi)),
        _ => Some(NO),
    }
}

/// Spark's `Cast.forceNullable`: casts that can turn a value into NULL (in legacy
/// mode), which Spark marks nullable whatever the mode.
pub fn cast_may_give_null(from: &DataType, to: &DataType) -> bool {
    use DataType::*;
    if from == to || *from == Null {
        return false;
    }
    match (from, to) {
        (String, Binary) => false,
        (String, _) => true,
        (_, String) => false,
        (Float | Double, Timestamp) => true,
        (Timestamp, Date) => false,
        (_, Date) => true,
        (Date, Timestamp | TimestampNtz) => false,
        (Date, _) => true,
        (_, Decimal(p, s)) => !fits_decimal(from, *p, *s),
        (a, b) if a.is_fractional() && b.is_integral() => true,
        _ => false,
    }
}

/// Whether every value of `from` fits DECIMAL(p, s).
fn fits_decimal(from: &DataType, p: u8, s: u8) -> bool {
    match integral_as_decimal(from) {
        Some((fp, fs)) => (p as i32 - s as i32) >= (fp as i32 - fs as i32) && s >= fs,
        None => false,
    }
}

/// The type of a resolved expression.
pub fn data_type(e: &Expr) -> DataType {
    match e {
        Expr::Attr(a) => a.data_type.clone(),
        Expr::Literal(v) => v.data_type(),
        Expr::Alias { expr, .. } | Expr::WithOrigin { expr, .. } => data_type(expr),
        Expr::Cast { to, .. } => to.clone(),
        Expr::Binary { op, left, right } => {
            if op.is_arithmetic() {
                match (data_type(left), data_type(right)) {
                    (DataType::Decimal(p1, s1), DataType::Decimal(p2, s2)) => decimal_arithmetic(*op, (p1, s1), (p2, s2)),
                    (l, _) => arithmetic_type(*op, &l),
                }
            } else {
                DataType::Boolean
            }
        }
        Expr::Not(_) | Expr::IsNull(_) | Expr::IsNotNull(_) | Expr::In { .. } => DataType::Boolean,
        Expr::Negate(e) => data_type(e),
        Expr::CaseWhen { branches, otherwise, .. } => branches
            .iter()
            .map(|(_, v)| v)
            .chain(otherwise.as_deref())
            .map(data_type)
            .find(|t| *t != DataType::Null)
            .unwrap_or(DataType::Null),
        Expr::Call(c) => c.data_type.clone(),
        Expr::Sort(k) => data_type(&k.expr),
        Expr::Window { function, .. } | Expr::MultiAlias { expr: function, .. } => data_type(function),
        Expr::Lambda { body, .. } => data_type(body),
        Expr::LambdaVariable(v) => v.binding.as_ref().map_or(DataType::Null, |b| b.data_type.clone()),
        Expr::AggregateFilter { agg, .. } => data_type(agg),
        Expr::PythonUdf(u) => u.def.return_type.clone(),
        Expr::Function { .. } | Expr::Unresolved { .. } | Expr::Star { .. } | Expr::Subquery(_) => DataType::Null,
    }
}

/// Whether a resolved expression can be null.
pub fn nullable(e: &Expr, ansi: bool) -> bool {
    match e {
        Expr::Attr(a) => a.nullable,
        Expr::Literal(v) => v.is_null(),
        Expr::Alias { expr, .. } | Expr::WithOrigin { expr, .. } | Expr::Negate(expr) | Expr::Not(expr) => nullable(expr, ansi),
        Expr::Cast { expr, to, kind } => {
            nullable(expr, ansi) || *kind == crate::ir::CastKind::Try || cast_may_give_null(&data_type(expr), to)
        }
        Expr::Binary { op, left, right } => match op {
            BinaryOp::EqNullSafe => false,
            BinaryOp::Divide | BinaryOp::IntegralDivide | BinaryOp::Modulo if !ansi => true,
            BinaryOp::Divide | BinaryOp::IntegralDivide | BinaryOp::Modulo => true,
            // Legacy decimal arithmetic gives NULL where a result overflows its precision.
            op if op.is_arithmetic() && !ansi && matches!(data_type(left), DataType::Decimal(..)) => true,
            _ => nullable(left, ansi) || nullable(right, ansi),
        },
        Expr::IsNull(_) | Expr::IsNotNull(_) => false,
        Expr::In { expr, list } => nullable(expr, ansi) || list.iter().any(|x| nullable(x, ansi)),
        // Spark's If is nullable when either value is, whatever its condition.
        Expr::CaseWhen { branches, otherwise, form: CaseForm::If } => any_value_nullable(branches, otherwise, ansi),
        // Spark's CaseWhen.nullable: a branch whose condition is the literal TRUE ends
        // the search (the branches after it and ELSE never answer).
        Expr::CaseWhen { branches, otherwise, form: CaseForm::CaseWhen } => match branches.iter().position(|(c, _)| matches!(c, Expr::Literal(Value::Boolean(true)))) {
            Some(i) => branches[..=i].iter().any(|(_, v)| nullable(v, ansi)),
            None => any_value_nullable(branches, otherwise, ansi),
        },
        Expr::Call(c) => c.nullable,
        Expr::Window { function, .. } | Expr::MultiAlias { expr: function, .. } => nullable(function, ansi),
        Expr::AggregateFilter { agg, .. } => nullable(agg, ansi),
        Expr::Sort(k) => nullable(&k.expr, ansi),
        Expr::Lambda { body, .. } => nullable(body, ansi),
        Expr::LambdaVariable(v) => v.binding.as_ref().is_none_or(|b| b.nullable),
        Expr::Function { .. } | Expr::Unresolved { .. } | Expr::Star { .. } | Expr::PythonUdf(_) | Expr::Subquery(_) => true,
    }
}

/// Whether any value of a CASE WHEN (its ELSE, NULL when missing, included) can be null.
fn any_value_nullable(branches: &[(Expr, Expr)], otherwise: &Option<Box<Expr>>, ansi: bool) -> bool {
    branches.iter().any(|(_, v)| nullable(v, ansi)) || otherwise.as_ref().is_none_or(|o| nullable(o, ansi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_widening() {
        assert_eq!(common_type(&DataType::Integer, &DataType::Long, true), Some(DataType::Long));
        assert_eq!(common_type(&DataType::Long, &DataType::Double, true), Some(DataType::Double));
        assert_eq!(common_type(&DataType::Integer, &DataType::Decimal(5, 2), true), Some(DataType::Decimal(12, 2)));
        assert_eq!(common_type(&DataType::Boolean, &DataType::Integer, true), None);
        assert_eq!(common_type(&DataType::String, &DataType::Integer, true), Some(DataType::Long));
        assert_eq!(common_type(&DataType::Double, &DataType::String, true), Some(DataType::Double));
        assert_eq!(common_type(&DataType::Integer, &DataType::Float, true), Some(DataType::Double));
        assert_eq!(common_type(&DataType::Integer, &DataType::Float, false), Some(DataType::Float));
        assert_eq!(common_type(&DataType::Float, &DataType::Float, true), Some(DataType::Float));
        assert_eq!(common_type(&DataType::Binary, &DataType::String, true), Some(DataType::Binary));
    }

    #[test]
    fn intervals_of_different_fields_widen_to_all_of_them() {
        use DataType::*;
        // DAY with HOUR TO SECOND is DAY TO SECOND; YEAR with MONTH is YEAR TO MONTH.
        assert_eq!(common_type(&DayTimeInterval(0, 0), &DayTimeInterval(1, 3), true), Some(DayTimeInterval(0, 3)));
        assert_eq!(tightest_common_type(&YearMonthInterval(1, 1), &YearMonthInterval(0, 0), true), Some(YearMonthInterval(0, 1)));
        assert_eq!(common_type(&DayTimeInterval(0, 0), &YearMonthInterval(0, 0), true), None);
    }

    #[test]
    fn tightest_common_types_are_sparks() {
        use DataType::*;
        assert_eq!(tightest_common_type(&Integer, &Long, true), Some(Long));
        assert_eq!(tightest_common_type(&Integer, &Float, true), Some(Double));
        assert_eq!(tightest_common_type(&Integer, &String, true), None);
        assert_eq!(tightest_common_type(&Long, &Decimal(5, 2), true), None);
        assert_eq!(tightest_common_type(&Integer, &Decimal(12, 2), true), Some(Decimal(12, 2)));
        assert_eq!(tightest_common_type(&Date, &Timestamp, true), Some(Timestamp));
        assert_eq!(tightest_common_type(&Null, &Boolean, true), Some(Boolean));
        let (narrow, wide) = (Array(Box::new(Integer), false), Array(Box::new(Long), true));
        assert_eq!(tightest_common_type(&narrow, &wide, true), Some(wide));
    }

    #[test]
    fn array_set_functions_take_an_integer_with_a_float_as_a_float() {
        use DataType::*;
        assert_eq!(tightest_common_type(&Integer, &Float, false), Some(Float));
        assert_eq!(tightest_common_type(&Decimal(10, 2), &Decimal(12, 4), false), None);
        assert_eq!(tightest_common_type(&Decimal(10, 2), &Long, false), None);
    }

    #[test]
    fn numeric_up_casts_are_sparks() {
        use DataType::*;
        assert!(numeric_up_cast(&Integer, &Float));
        assert!(numeric_up_cast(&Long, &Double));
        assert!(!numeric_up_cast(&Double, &Float));
        assert!(numeric_up_cast(&Integer, &Decimal(10, 0)));
        assert!(!numeric_up_cast(&Long, &Decimal(10, 0)));
        assert!(numeric_up_cast(&Decimal(5, 0), &Integer));
        assert!(!numeric_up_cast(&Decimal(5, 2), &Integer));
        assert!(!numeric_up_cast(&Decimal(5, 2), &Double));
    }

    #[test]
    fn wide_decimals_keep_their_integral_digits() {
        let dec = |p, s| DataType::Decimal(p, s);
        assert_eq!(common_type(&dec(32, 15), &dec(36, 24), true), Some(dec(38, 21)));
        assert_eq!(common_type(&dec(38, 6), &dec(38, 18), false), Some(dec(38, 6)));
        assert_eq!(common_type(&dec(38, 0), &dec(38, 38), true), Some(dec(38, 0)));
        assert_eq!(common_type(&DataType::Long, &dec(38, 20), true), Some(dec(38, 18)));
    }

    #[test]
    fn legacy_wider_types_promote_strings() {
        use DataType::*;
        let arr = |t: DataType| Array(Box::new(t), true);
        assert_eq!(wider_common_type(&[Date, String], false), Some(String));
        assert_eq!(wider_common_type(&[Date, String], true), Some(Date));
        assert_eq!(wider_common_type(&[Date, Integer, String], false), Some(String));
        assert_eq!(wider_common_type(&[arr(Integer), arr(String)], false), Some(arr(String)));
        assert_eq!(wider_common_type(&[arr(Integer), arr(String)], true), Some(arr(Long)));
        assert_eq!(wider_common_type(&[String, Boolean], false), None);
        assert_eq!(wider_common_type(&[Integer, Long, Null], false), Some(Long));
    }

    #[test]
    fn case_when_true_ends_nullability() {
        let column = Expr::Attr(crate::ir::Attribute {
            id: 1,
            name: "c".into(),
            data_type: DataType::Long,
            nullable: true,
            qualifier: None,
            metadata: None,
        });
        let (yes, zero) = (Expr::Literal(Value::Boolean(true)), Expr::Literal(Value::Long(0)));
        let case = Expr::case_when(vec![(yes.clone(), zero.clone())], Some(column.clone()));
        assert!(!nullable(&case, true));
        assert!(nullable(&Expr::if_else(yes.clone(), zero.clone(), column.clone()), true));
        assert!(nullable(&Expr::if_else(yes.clone(), column.clone(), zero.clone()), true));
        let late = Expr::case_when(vec![(Expr::Literal(Value::Boolean(false)), column), (yes, zero)], None);
        assert!(nullable(&late, true));
    }

    #[test]
    fn decimal_result_types() {
        assert_eq!(decimal_arithmetic(BinaryOp::Add, (5, 2), (1, 0)), DataType::Decimal(6, 2));
        assert_eq!(decimal_arithmetic(BinaryOp::Multiply, (5, 2), (3, 1)), DataType::Decimal(9, 3));
        assert_eq!(decimal_arithmetic(BinaryOp::Divide, (5, 2), (3, 1)), DataType::Decimal(10, 6));
        assert_eq!(decimal_arithmetic(BinaryOp::Multiply, (38, 10), (38, 10)), DataType::Decimal(38, 6));
    }

    #[test]
    fn casts() {
        assert_eq!(cast_refusal(&DataType::String, &DataType::Integer, true), None);
        assert!(cast_refusal(&DataType::Integer, &DataType::Array(Box::new(DataType::Integer), true), true).is_some());
        assert!(cast_refusal(&DataType::Date, &DataType::Integer, true).is_some());
        assert_eq!(cast_refusal(&DataType::Date, &DataType::Integer, false), None);
    }
}
