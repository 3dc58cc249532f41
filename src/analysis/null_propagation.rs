//! Which expressions Spark's optimizer replaces by a NULL literal before they run.
//! `ConstantFolding`, `SimplifyConditionals` and `NullPropagation` turn a
//! null-intolerant expression (arithmetic, comparisons, unary minus, NOT, casts, the
//! one- and two-argument math functions) with a NULL-literal operand into a NULL
//! literal, so its other operands never run: under ANSI, `negative(c1) % CAST(NULL AS
//! DOUBLE)` is NULL in Spark even where `negative(c1)` overflows, and so is
//! `x % EXP(CASE WHEN <false> THEN 1 END)`. Lowering asks `folds_to_null` and emits a
//! typed NULL for such an expression. The schema (type, nullability, name) comes from
//! the analysed expression and does not change, as in Spark.

use crate::ir::function::{CollectionFn, DatetimeFn, MathFn, StringFn};
use crate::ir::{BinaryOp, Expr, Func, Value};

/// The value of a constant condition (one that reads no column): Some(Some(b)), or
/// Some(None) for NULL; None when it is not constant or cannot be computed.
pub type ConstantCondition<'a> = dyn Fn(&Expr) -> Option<Option<bool>> + 'a;

/// Whether the optimizer folds `e` to a NULL literal.
pub fn folds_to_null(e: &Expr, condition: &ConstantCondition) -> bool {
    match e {
        Expr::Literal(v) => v.is_null(),
        // ConstantFolding: a foldable expression that gives NULL (`CAST('x' AS TIMESTAMP)`
        // with ANSI off, `bround(NULL, -1)`, `coalesce(NULL, NULL)`) is a NULL literal to
        // the operators above it.
        // (NullPropagation runs first in Spark: where computing it fails, the operators
        // below may still make it NULL.)
        e if is_foldable(e) && condition(&Expr::IsNull(Box::new(e.clone()))) == Some(Some(true)) => true,
        Expr::Alias { expr, .. } | Expr::WithOrigin { expr, .. } | Expr::Cast { expr, .. } | Expr::Negate(expr) | Expr::Not(expr) => {
            folds_to_null(expr, condition)
        }
        Expr::Binary { op, left, right } if null_intolerant(*op) => folds_to_null(left, condition) || folds_to_null(right, condition),
        Expr::Call(c) if null_intolerant_function(c.func) => c.args.iter().any(|a| folds_to_null(a, condition)),
        Expr::CaseWhen { branches, otherwise, .. } => {
            // SimplifyConditionals: branches whose condition is constant FALSE or NULL
            // go; a constant TRUE one is the answer; any other stops the folding.
            for (cond, value) in branches {
                match condition(cond) {
                    Some(Some(true)) => return folds_to_null(value, condition),
                    Some(Some(false) | None) => continue,
                    None => return false,
                }
            }
            otherwise.as_deref().is_none_or(|o| folds_to_null(o, condition))
        }
        _ => false,
    }
}

/// Whether NullPropagation's first pass, which runs before ConstantFolding, turns `e`
/// into a NULL literal: a NULL literal under null-intolerant operators and functions.
/// A function of a NULL-literal operand missing from the null-intolerant list counts
/// when `computed` says it gives NULL: most of Spark's are null-intolerant, and taking
/// one for it keeps PyRust's older answer (NULL) rather than raise what Spark may not.
pub fn null_from_literal(e: &Expr, computed: &ConstantCondition) -> bool {
    let of = |x: &Expr| null_from_literal(x, computed);
    match e {
        Expr::Literal(v) => v.is_null(),
        Expr::Alias { expr, .. } | Expr::WithOrigin { expr, .. } | Expr::Cast { expr, .. } | Expr::Negate(expr) | Expr::Not(expr) => of(expr),
        Expr::Binary { op, left, right } if null_intolerant(*op) => of(left) || of(right),
        Expr::Call(c) if !matches!(c.func, Func::Conditional(_)) && c.args.iter().any(of) => {
            null_intolerant_function(c.func) || (is_foldable(e) && computed(&Expr::IsNull(Box::new(e.clone()))) == Some(Some(true)))
        }
        _ => false,
    }
}

/// Whether `e` reads nothing but literals through operators and deterministic string
/// functions: a condition lowering may compute once, as Spark's ConstantFolding does.
pub fn is_constant(e: &Expr) -> bool {
    of_literals(e, &|f| matches!(f, Func::String(_)), false)
}

/// Spark's `foldable`: an expression of literals through deterministic operators and
/// functions (no column, aggregate, window, generator, lambda, UDF or subquery), which
/// its ConstantFolding computes once while optimising.
pub fn is_foldable(e: &Expr) -> bool {
    of_literals(e, &deterministic_scalar, true)
}

/// Literals through operators, the calls `call` accepts and, with `conditionals`, CASE
/// WHEN and IN.
fn of_literals(e: &Expr, call: &dyn Fn(Func) -> bool, conditionals: bool) -> bool {
    let of = |x: &Expr| of_literals(x, call, conditionals);
    match e {
        Expr::Literal(_) => true,
        Expr::Alias { expr, .. }
        | Expr::WithOrigin { expr, .. }
        | Expr::Cast { expr, .. }
        | Expr::Negate(expr)
        | Expr::Not(expr)
        | Expr::IsNull(expr)
        | Expr::IsNotNull(expr) => of(expr),
        Expr::Binary { left, right, .. } => of(left) && of(right),
        Expr::CaseWhen { branches, otherwise, .. } if conditionals => {
            branches.iter().all(|(c, v)| of(c) && of(v)) && otherwise.as_deref().is_none_or(of)
        }
        Expr::In { expr, list } if conditionals => of(expr) && list.iter().all(of),
        Expr::Call(c) => call(c.func) && c.args.iter().all(of),
        _ => false,
    }
}

/// Scalar functions whose value depends on their arguments alone: not the random ones,
/// ids, assertions, file names or subquery values (Spark's non-foldable ones).
fn deterministic_scalar(f: Func) -> bool {
    !matches!(
        f,
        Func::Aggregate(_)
            | Func::Window(_)
            | Func::Generator(_)
            | Func::Grouping(_)
            | Func::Misc(_)
            | Func::Math(MathFn::Rand | MathFn::Randn | MathFn::Uniform | MathFn::Randstr)
            | Func::Collection(CollectionFn::Shuffle)
    )
}

fn null_intolerant(op: BinaryOp) -> bool {
    op.is_arithmetic() || matches!(op, BinaryOp::Eq | BinaryOp::NotEq | BinaryOp::Lt | BinaryOp::LtEq | BinaryOp::Gt | BinaryOp::GtEq)
}

/// Spark's `NullIntolerant` math (`Abs`, `UnaryMathExpression`, `BinaryMathExpression`)
/// and datetime functions (`GetDateField`, `GetTimeField`, `DateAdd`, `DateSub`,
/// `DateDiff`, `AddMonths`, `LastDay`, `MakeDate`), `ArrayContains` and the string
/// predicates (`Contains`, `StartsWith`, `EndsWith`).
pub(crate) fn null_intolerant_function(f: Func) -> bool {
    use DatetimeFn as D;
    use MathFn::*;
    matches!(
        f,
        Func::Math(
            Abs | Sqrt | Cbrt | Exp | Expm1 | Ln | Log10 | Log2 | Log1p | Sin | Cos | Tan | Asin | Acos | Atan | Sinh | Cosh | Tanh
                | Asinh | Acosh | Atanh | Cot | Csc | Sec | Degrees | Radians | Rint | Signum | Pow | Atan2 | Hypot
        ) | Func::Datetime(
            D::Year | D::Quarter | D::Month | D::DayOfMonth | D::DayOfWeek | D::DayOfYear | D::Weekday | D::WeekOfYear | D::Hour
                | D::Minute | D::Second | D::DateAdd | D::DateSub | D::DateDiff | D::AddMonths | D::LastDay | D::MakeDate
        ) | Func::Collection(CollectionFn::ArrayContains)
            | Func::String(StringFn::Contains | StringFn::StartsWith | StringFn::EndsWith)
    )
}

/// A NULL literal as a condition's constant value (for tests and simple callers).
pub fn literal_condition(e: &Expr) -> Option<Option<bool>> {
    match e {
        Expr::Literal(Value::Boolean(b)) => Some(Some(*b)),
        Expr::Literal(Value::Null) => Some(None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Attribute, DataType};

    fn column() -> Expr {
        Expr::Attr(Attribute { id: 1, name: "c".into(), data_type: DataType::Long, nullable: true, qualifier: None, metadata: None })
    }

    #[test]
    fn null_operands_of_null_intolerant_operators() {
        let null = Expr::Literal(Value::Null);
        let plus = Expr::Binary { op: BinaryOp::Add, left: Box::new(Expr::Negate(Box::new(column()))), right: Box::new(null.clone()) };
        assert!(folds_to_null(&plus, &literal_condition));
        let and = Expr::Binary { op: BinaryOp::And, left: Box::new(column()), right: Box::new(null.clone()) };
        assert!(!folds_to_null(&and, &literal_condition));
        assert!(!folds_to_null(&Expr::Negate(Box::new(column())), &literal_condition));
    }

    #[test]
    fn foldable_expressions_are_literals_through_deterministic_functions() {
        use crate::ir::Call;
        let call = |func: Func, args: Vec<Expr>| Expr::Call(Box::new(Call { func, name: String::new(), args, distinct: false, data_type: DataType::Integer, nullable: true }));
        let one = Expr::Literal(Value::Integer(1));
        assert!(is_foldable(&call(Func::Math(MathFn::Abs), vec![one.clone()])));
        assert!(!is_foldable(&call(Func::Math(MathFn::Abs), vec![column()])));
        assert!(!is_foldable(&call(Func::Math(MathFn::Rand), vec![one.clone()])));
        // A foldable operand the condition says is NULL makes its null-intolerant parent NULL.
        let null_abs = call(Func::Math(MathFn::Abs), vec![Expr::Literal(Value::Null)]);
        let says_null = |c: &Expr| matches!(c, Expr::IsNull(x) if matches!(x.as_ref(), Expr::Call(_))).then_some(Some(true));
        let minus = Expr::Binary { op: BinaryOp::Subtract, left: Box::new(column()), right: Box::new(null_abs) };
        assert!(folds_to_null(&minus, &says_null));
    }

    #[test]
    fn constant_case_when() {
        let case = |cond: Expr| Expr::case_when(vec![(cond, Expr::Literal(Value::Integer(1)))], Some(Expr::Literal(Value::Null)));
        assert!(folds_to_null(&case(Expr::Literal(Value::Boolean(false))), &literal_condition));
        assert!(!folds_to_null(&case(Expr::Literal(Value::Boolean(true))), &literal_condition));
        assert!(!folds_to_null(&case(column()), &literal_condition));
    }
}
